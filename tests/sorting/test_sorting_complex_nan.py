"""Complex NaNs (in either part) in unique and the set routines, against NumPy.

NumPy's values-only ``unique`` of complex input goes through a hash table: with
``equal_nan=True`` every NaN-containing value is one value, represented by the
first such value *in input order*, sorted last. With ``return_*`` it sorts and
keeps the first NaN in sort order (R+nanj, then nan+Rj, then nan+nanj).
"""
import itertools

import numpy as np
import pytest

from _oracle import assert_same, to_tnp
from _sorting_inputs import ck

import torchnp as tnp

nan, inf = np.nan, np.inf
NANS = [complex(nan, 1), complex(1, nan), complex(nan, nan), complex(nan, -2), complex(-3, nan)]
FINITE = [1 + 2j, complex(inf, 0), -0.0 + 0j, 1 + 2j, complex(0, -inf)]


def _cases(dtype):
    out = []
    for perm in itertools.permutations(NANS[:3]):
        out.append(np.array(FINITE[:2] + list(perm) + FINITE[2:], dtype=dtype))
    out.append(np.array(NANS[::-1] + FINITE, dtype=dtype))
    out.append(np.array(FINITE, dtype=dtype))
    out.append(np.array([complex(nan, 2)] * 3, dtype=dtype))
    out.append(np.array(NANS + FINITE, dtype=dtype).reshape(2, 5))
    return out


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize("kw", [{}, {"equal_nan": False}, {"return_counts": True},
                                {"return_index": True}, {"return_inverse": True},
                                {"return_index": True, "equal_nan": False}], ids=str)
def test_unique(dtype, kw):
    for a in _cases(dtype):
        ck("unique", a, **kw)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize("name", ["union1d", "setdiff1d", "setxor1d", "intersect1d"])
def test_set_ops(dtype, name):
    cases = _cases(dtype)
    for a, b in zip(cases, cases[1:]):
        ck(name, a, b)
        ck(name, b, a)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize("name", ["unique_counts", "unique_inverse", "unique_all"])
def test_unique_array_api(dtype, name):
    for a in _cases(dtype):
        ck(name, a)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_unique_values_unordered(dtype):
    # NumPy leaves the order unspecified: compare sorted
    for a in _cases(dtype):
        assert_same(tnp.sort(tnp.unique_values(to_tnp(a))), np.sort(np.unique_values(a)))


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_sort_and_search(dtype):
    for a in _cases(dtype):
        ck("sort", a)
        ck("argsort", a, kind="stable")
        s = np.sort(a.reshape(-1))
        for side in ["left", "right"]:
            ck("searchsorted", s, a.reshape(-1), side=side)
        ck("isin", a, a.reshape(-1)[::2])
