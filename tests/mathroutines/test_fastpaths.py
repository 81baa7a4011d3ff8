"""The common-case fast paths (einsum's plan cache, dot/inner/outer/clip/round/diff/
convolve/correlate/interp shortcuts) against NumPy, next to the inputs that must
leave them (mixed dtypes, bad shapes, NaN bounds, non-finite interp slopes)."""
import warnings

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import check

rng = np.random.default_rng(7)
A = rng.normal(size=(4, 5))
B = rng.normal(size=(5, 3))
V = rng.normal(size=5)


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "complex64", "uint16"])
def test_einsum_cached_plan_repeats(dtype):
    a, b = A.astype(dtype), B.astype(dtype)
    for _ in range(3):  # first call builds the plan, later calls reuse it
        check("einsum", "ij,jk", a, b)
        check("einsum", "ij,jk->ik", a, B.astype("float32"))
        check("einsum", "i,i", V.astype(dtype), V.astype(dtype))


def test_einsum_cached_plan_still_checks_sizes():
    check("einsum", "ij,jk", A, B)
    for _ in range(2):
        check("einsum", "ij,jk", A, A)  # same ranks and dtypes, mismatched sizes


@pytest.mark.parametrize("name", ["dot", "inner", "outer"])
@pytest.mark.parametrize("shapes", [((4, 5), (5, 3)), ((5,), (5,)), ((4, 5), (5,)), ((5,), (5, 3)),
                                    ((4, 5), (3, 5)), ((4, 5), (4, 5)), ((2, 3, 5), (5,))])
@pytest.mark.parametrize("dtype", ["float64", "int32", "uint8", "bool", "complex128"])
def test_products(name, shapes, dtype):
    a = rng.integers(0, 3, shapes[0]).astype(dtype)
    b = rng.integers(0, 3, shapes[1]).astype(dtype)
    check(name, a, b)
    check(name, a[..., ::-1], b)  # non-contiguous


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int64", "uint8"])
@pytest.mark.parametrize("lo,hi", [(-0.5, 0.5), (1, 2), (None, 0.0), (-1, None), (2.0, 1.0),
                                   (np.nan, 1.0), (0, 2**40), (-2**63, 2**63 - 1), (True, 2)])
def test_clip_scalar_bounds(dtype, lo, hi):
    a = (rng.normal(size=(3, 4)) * 3).astype(dtype)
    check("clip", a, lo, hi)


def test_clip_array_bounds_nan():
    a = np.array([1.0, np.nan, -3.0, 5.0])
    check("clip", a, np.array([0.0, 0.0, np.nan, 0.0]), np.array([2.0, 2.0, 2.0, np.nan]))


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "int64"])
def test_round_zero_decimals(dtype):
    a = np.array([0.5, 1.5, 2.5, -0.5, -2.5, np.nan, np.inf]) if dtype != "int64" else \
        np.array([1, -2, 3])
    check("round", a.astype(dtype))
    check("round", a.astype(dtype)[0])


@pytest.mark.parametrize("axis", [-1, 0, 1, -2, 2, -3])
@pytest.mark.parametrize("dtype", ["float64", "int8", "uint8", "bool", "complex64", "uint32"])
def test_diff_first_difference(axis, dtype):
    a = (rng.normal(size=(3, 4)) * 5).astype(dtype)
    check("diff", a, axis=axis)
    check("diff", a[:, ::2], axis=axis)
    check("diff", np.zeros((3, 0), dtype), axis=axis)


@pytest.mark.parametrize("mode", ["full", "same", "valid", "f", "FULL", 1, 2])
@pytest.mark.parametrize("n,m", [(10, 3), (3, 10), (1, 1), (200, 100), (5000, 5)])
@pytest.mark.parametrize("name", ["convolve", "correlate"])
def test_convolve_sizes(name, n, m, mode):
    a, v = rng.normal(size=n), rng.normal(size=m)
    check(name, a, v, mode=mode)
    # float32 sums of 100 terms: the summation order differs from NumPy's
    check(name, a.astype("float32"), v.astype("float32"), mode=mode, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("fp", [
    np.array([0.0, 1.0, 4.0, 9.0]),
    np.array([0.0, np.inf, 4.0, 9.0]),      # non-finite slope: NumPy's retries
    np.array([-0.0, 1.0, 4.0, -0.0]),       # exact matches keep fp's -0.0
    np.array([1.0, np.nan, 4.0, 9.0]),
])
def test_interp_tables(fp):
    xp = np.array([0.0, 1.0, 2.0, 3.0])
    x = np.array([-1.0, 0.0, 0.5, 1.0, 2.5, 3.0, 4.0, np.nan, np.inf, -np.inf])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check("interp", x, xp, fp)
        check("interp", x, xp, fp, left=-5.0, right=7.0)
    got = tnp.interp(tnp.asarray(x), tnp.asarray(xp), tnp.asarray(fp))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        exp = np.interp(x, xp, fp)
    assert np.array_equal(np.signbit(np.asarray(got.tensor)), np.signbit(exp))
