"""A plain NumPy program in three modules: run it with `python main.py` or `torchnp run main.py`.

Nothing here mentions torchnp: under `torchnp run`, `import numpy` in this folder
gives torchnp, and the output is the same as NumPy's.
"""
import sys

from numpy import *
import numpy.linalg as la
from numpy.random import default_rng

from geometry import rotation, polygon_area
from analysis.signals import dominant_frequencies, smooth


def main(seed):
    rng = default_rng(seed)

    # linear algebra on a well-conditioned system built from random data
    x = rng.standard_normal((200, 4))
    gram = x.T @ x / len(x) + eye(4)
    inv_ok = allclose(la.inv(gram) @ gram, eye(4))
    sign, logdet = la.slogdet(gram)
    print("gram:", gram.shape, gram.dtype, "| inverse ok:", inv_ok, "| det sign:", sign)
    print("symmetric:", allclose(gram, gram.T), "| positive definite:", bool(all(la.eigvalsh(gram) > 0)))

    # exact answers: solve, least squares, norms, matrix powers
    A = array([[3.0, 1.0, 0.0], [1.0, 4.0, 1.0], [0.0, 1.0, 5.0]])
    b = array([1.0, 2.0, 3.0])
    print("solve:", round(la.solve(A, b), 10))
    print("norms:", round(la.norm(A), 10), la.norm(A, 1), la.norm(A, inf), la.matrix_rank(A))
    print("matrix_power:\n", la.matrix_power(array([[1, 1], [1, 0]]), 10))
    print("cholesky lower:", allclose(tril(la.cholesky(A)), la.cholesky(A)))

    # geometry (module of this folder)
    square = array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    turned = square @ rotation(pi / 6).T
    print("area:", polygon_area(square), round(polygon_area(turned), 12))

    # signals (a package of this folder)
    t = linspace(0.0, 1.0, 128, endpoint=False)
    wave = sin(2 * pi * 5 * t) + 0.25 * cos(2 * pi * 17 * t)
    print("dominant:", dominant_frequencies(wave, 1 / 128, 2))
    print("smoothed:", round(smooth(arange(10.0), 3), 6))

    # integer and boolean work, NumPy 2 promotion
    counts = bincount(array([1, 3, 3, 0, 7, 3], dtype=int8))
    print("bincount:", counts, counts.dtype, "| cumsum:", cumsum(counts))
    m = arange(12).reshape(3, 4)
    print("masked:", m[m % 3 == 0], "| where:", where(m > 6, m, -1)[2])
    print("promotion:", (array([1, 2], dtype=uint8) + 3).dtype, (float32(1) + 1.0).dtype,
          result_type(int16, float32))
    print("random shapes:", rng.integers(0, 10, size=(2, 3)).shape, rng.random(5).dtype,
          bool(all(rng.random(100) < 1.0)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
