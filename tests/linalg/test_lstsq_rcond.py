"""lstsq's rcond as LAPACK's gelsd applies it (NumPy): a value outside (0, 1) means eps,
and with a single singular value no cutoff applies (only a zero one drops the rank)."""
import numpy as np
import pytest

import torchnp as tnp


def _same(g, e):
    for x, y in zip(e, g):
        assert np.shape(y) == np.shape(x)
        np.testing.assert_allclose(np.asarray(y), x, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("rcond", [None, 0, -1, 0.3, 0.5, 0.99, 1, 2, True])
@pytest.mark.parametrize("a", [[[2, 7, 0]], [[2], [7], [0]], [[2.0, 0], [0, 1]], [[2.0, 0], [0, 2]],
                               [[0.0, 0.0]], [[2.0, 1, 0], [0, 1, 0], [0, 0, 0.5]],
                               [[4.0, 2], [2, 1], [1, 3]]])
def test_rcond(rcond, a):
    a = np.asarray(a, dtype=np.float64)
    b = np.ones((a.shape[0], 2))
    _same(tnp.linalg.lstsq(tnp.asarray(a), tnp.asarray(b), rcond=rcond),
          np.linalg.lstsq(a, b, rcond=rcond))


def test_fuzz_case():
    a = np.asarray([[2, 7, 0]], dtype=np.int16)[::-1]
    b = np.asarray([[1]], dtype=np.uint64).T
    _same(tnp.linalg.lstsq(tnp.asarray(a), tnp.asarray(b), rcond=True),
          np.linalg.lstsq(a, b, rcond=True))
