"""linalg.det as NumPy computes it: sign * exp(log|det|) from the LU factors. torch's
det lost digits on integer matrices with large entries (-2.0000000037 for -2)."""
import numpy as np
import pytest

import torchnp as tnp

CASES = [
    [[1, 0, 1, 2], [0, 0, 2, -2147483648], [0, 1, 0, 0], [0, 0, 0, 1]],
    [[-4, -4, 2, 7], [-4, -2, 0, -2147483648], [-2, 2147483647, -2, 1], [2, -2, 3, 2147483647]],
]


@pytest.mark.parametrize("a", CASES)
def test_fuzz_cases_exact(a):
    a = np.asarray(a, dtype=np.int32)
    e = np.linalg.det(a)
    g = tnp.linalg.det(tnp.asarray(a))
    assert type(g).__name__ == type(e).__name__
    assert float(g) == float(e)


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128, np.complex64, np.int32])
@pytest.mark.parametrize("shape", [(0, 0), (1, 1), (2, 2), (3, 3), (2, 4, 4), (8, 8), (0, 3, 3),
                                   (3, 0, 0)])
def test_random(dtype, shape):
    rng = np.random.default_rng(len(shape) * 10 + shape[-1])
    if dtype == np.int32:
        a = rng.integers(-3, 4, shape).astype(dtype)
    else:
        a = (rng.standard_normal(shape) * 3).astype(dtype)
        if np.dtype(dtype).kind == "c":
            a = a + 1j * rng.standard_normal(shape).astype(dtype)
    e = np.linalg.det(a)
    g = tnp.linalg.det(tnp.asarray(a))
    assert type(g).__name__ == type(e).__name__ and np.shape(g) == np.shape(e)
    assert np.asarray(g).dtype == e.dtype
    tol = 1e-4 if np.dtype(dtype).itemsize <= 8 and dtype != np.float64 and dtype != np.int32 else 1e-12
    np.testing.assert_allclose(np.asarray(g), e, rtol=tol, atol=tol)


@pytest.mark.parametrize("a", [np.zeros((3, 3)), np.array([[np.inf, 0], [0, 0.0]]),
                               np.array([[0, 1], [1, 0.0]]), np.eye(3) * 1e200])
def test_singular_and_overflow(a):
    with np.errstate(all="ignore"):
        e = np.linalg.det(a)
    assert float(tnp.linalg.det(tnp.asarray(a))) == float(e)
