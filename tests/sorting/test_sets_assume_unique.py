"""setdiff1d / isin with assume_unique=True on input that is not unique, against NumPy.

NumPy's sort method then finds a repeated value "in" the test set at every
occurrence but its last; its table and loop methods look each element up.
"""
import numpy as np
import pytest

import torchnp as tnp


def _same(g, e):
    g = np.asarray(g)
    assert g.dtype == e.dtype and g.shape == e.shape
    np.testing.assert_array_equal(g, e)


def test_setdiff1d_fuzz_case():
    ar1 = np.asarray([[[2, 0, 100], [0, 0, 100], [5, 100, -2]], [[0, 2, 0], [5, 2, -1], [100, 7, -1]],
                      [[-1, 2, -1], [7, 7, 1], [2, -4, -4]]], dtype=np.int16)
    ar2 = np.asarray([[[2, -1, -32768], [0, 7, 2], [7, 2, 5]], [[-32768, -2, -32768], [2, 5, 100],
                      [100, 7, 100]], [[0, 1, 3], [32767, 2, 3], [-32768, 2, 32767]]], dtype=np.int16).T
    _same(tnp.setdiff1d(tnp.asarray(ar1), tnp.asarray(ar2), assume_unique=True),
          np.setdiff1d(ar1, ar2, assume_unique=True))


@pytest.mark.parametrize("dtype", [np.bool, np.int16, np.int64, np.uint64, np.float64, np.complex128])
@pytest.mark.parametrize("span", [3, 100, 40000])
def test_repeated_values(dtype, span):
    rng = np.random.default_rng(span)
    for _ in range(40):
        n1, n2 = rng.integers(0, 30, 2)
        a = rng.integers(-span, span, n1).astype(dtype)
        b = rng.integers(-span, span, n2).astype(dtype)
        if dtype == np.float64:
            a[::4] = np.nan
        ta, tb = tnp.asarray(a), tnp.asarray(b)
        _same(tnp.setdiff1d(ta, tb, assume_unique=True), np.setdiff1d(a, b, assume_unique=True))
        kinds = [None, "sort"] + (["table"] if np.dtype(dtype).kind in "bi" and span < 40000 else [])
        for kind in kinds:
            for invert in (False, True):
                _same(tnp.isin(ta, tb, assume_unique=True, kind=kind, invert=invert),
                      np.isin(a, b, assume_unique=True, kind=kind, invert=invert))
