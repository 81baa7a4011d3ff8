"""Differential regressions: the ``*line`` functions (issue #12).

NumPy evaluates ``scl != 0`` and then ``np.array([off, scl])`` (``[off, scl / 2]`` for
hermline, ``[off + scl, -scl]`` for lagline) on the caller's objects, so the dtype is
array-coercion's (a Python int next to a float32 scalar gives float64), array-valued
parts raise its ragged-array ValueError, and a zero ``scl`` gives ``[off]`` alone.
Before, unsigned inputs leaked torch's promotion error and complex64 gave complex64.
"""
import numpy as np
import pytest

from _oracle import check

LINES = [("polynomial", "polyline"), ("chebyshev", "chebline"), ("legendre", "legline"),
         ("hermite", "hermline"), ("hermite_e", "hermeline"), ("laguerre", "lagline")]
CASES = [(2, 3), (np.float32(2), 3), (np.uint8(2), np.int8(3)), (np.complex64(1j), 3),
         (np.float16(1), 0), (np.int32(1), 2), (2.5, -1), (True, True), (0, 0),
         (np.asarray(2, dtype=np.uint8), np.int8(3)), ([1], 2), (np.int64(3), np.float32(0.5)),
         (np.asarray([5, 1], dtype=np.uint32), 2), (1, np.asarray([1, 2])),
         (np.asarray([[5], [1]], dtype=np.uint32), 2), (np.uint64(2**63), 1)]


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("mod,fn", LINES)
def test_line_as_numpy(mod, fn, case):
    off, scl = CASES[case]
    check(fn, off, scl, module=f"polynomial.{mod}")
