"""Regression tests for gaps closed after the audit: quantiles with integer/unsigned/bool q
arrays, complex medians and NaN-ignoring extrema, max/min initial=/where= on complex input,
and the fast paths of sum/prod/mean/median (each checked against NumPy)."""
import warnings

import numpy as np
import pytest

import torchnp as tnp
from _stats_helpers import run

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
           "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher",
           "midpoint", "nearest"]
Q_ARRAYS = {
    "int8": np.array([0, 1], np.int8), "int64": np.array([1, 0]), "uint8": np.array([0, 1], np.uint8),
    "uint16": np.array([1, 0], np.uint16), "uint64": np.array([0, 1], np.uint64),
    "uint64-one": np.array([1], np.uint64), "uint64-0d": np.array(1, np.uint64),
    "bool": np.array([False, True]), "bool-0d": np.array(True), "int64-0d": np.array(0),
}
A_DTYPES = ["int8", "uint8", "int64", "uint64", "uint16", "float16", "float32", "float64", "bool"]


def _a(dt):
    base = np.array([3, 1, 4, 1, 5, 9, 2])
    return base.astype(dt) if dt != "bool" else np.array([True, False, True, True])


# --- (a)/(b): integer, unsigned and bool q arrays ----------------------------------------
@pytest.mark.parametrize("qname", sorted(Q_ARRAYS))
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("adt", A_DTYPES)
def test_quantile_integer_q_arrays(adt, method, qname):
    # result dtype (a's promoted with q's for the interpolating methods), values, and
    # NumPy's errors: bool subtract (TypeError), -1 into an unsigned index (OverflowError),
    # uint64 partition index (TypeError), wrapped index (ValueError)
    run("quantile", _a(adt), Q_ARRAYS[qname], method=method)


@pytest.mark.parametrize("qname", ["int8", "uint64", "bool", "uint8"])
@pytest.mark.parametrize("method", ["averaged_inverted_cdf", "weibull", "linear", "inverted_cdf", "midpoint"])
@pytest.mark.parametrize("name", ["nanquantile", "percentile", "nanpercentile"])
def test_quantile_family_integer_q_arrays(name, method, qname):
    q = Q_ARRAYS[qname]
    if "percentile" in name:
        q = q * np.array(100, q.dtype) if q.dtype != bool else q
    for adt in ("int8", "float32", "bool"):
        run(name, _a(adt), q, method=method)


def test_averaged_inverted_cdf_int8_promotes():
    got = tnp.quantile(tnp.asarray(np.array([5, 1, 3], np.int8)), tnp.asarray([0, 1]),
                       method="averaged_inverted_cdf")
    assert got.dtype == tnp.int64


def test_averaged_inverted_cdf_bool_raises():
    with pytest.raises(TypeError):
        tnp.quantile(tnp.asarray([True, False]), tnp.asarray([0, 1]), method="averaged_inverted_cdf")


def test_uint64_q_checks_range():
    with pytest.raises(ValueError):
        tnp.quantile(tnp.asarray([1.0, 2.0]), tnp.asarray(np.array([2], np.uint64)))


# --- (c): complex medians and NaN-ignoring extrema -----------------------------------------
NAN = np.nan
CPLX = {
    "even": np.array([1 + 2j, 3 + 0j, 1 + 1j, 2 + 5j]),
    "odd": np.array([1 + 2j, 3 + 0j, 1 + 1j]),
    "ties-real": np.array([2 + 1j, 2 - 1j, 2 + 0j, 1 + 9j, 3 - 9j, 2 + 0.5j]),
    "nan-real": np.array([1 + 2j, complex(NAN, 1), 1 + 1j]),
    "nan-imag": np.array([1 + 2j, complex(1, NAN), 1 + 1j, 5 + 0j]),
    "all-nan": np.array([complex(NAN, 2), complex(1, NAN)]),
    "2d": (np.arange(12) % 5 + 1j * (np.arange(12) % 3)).reshape(3, 4),
    "2d-nan": np.array([[1 + 1j, complex(NAN, 0), 2j], [complex(NAN, NAN), complex(0, NAN), 1 + 0j]]),
    "c64": np.array([1 + 2j, 3 + 0j, 1 + 1j, 2 + 5j], np.complex64),
    "0d": np.array(2 + 3j),
}


@pytest.mark.parametrize("name", ["median", "nanmedian", "nanmax", "nanmin", "max", "min"])
@pytest.mark.parametrize("case", sorted(CPLX))
def test_complex_order_statistics(name, case):
    a = CPLX[case]
    axes = [None] if a.ndim == 0 else [None, 0, -1]
    for axis in axes:
        run(name, a, axis=axis)


@pytest.mark.parametrize("name", ["max", "min", "nanmax", "nanmin", "amax", "amin"])
@pytest.mark.parametrize("kw", [
    dict(initial=5 + 0j), dict(initial=-5 + 0j), dict(initial=2 + 9j), dict(initial=0),
    dict(initial=0.5, where=[True, False, True, False]),
    dict(initial=1 + 1j, where=[False, False, False, False]),
    dict(initial=complex(NAN, 0)),
], ids=lambda kw: "-".join(f"{k}={v}" for k, v in kw.items()))
@pytest.mark.parametrize("case", ["even", "nan-real", "nan-imag"])
def test_complex_extrema_initial_where(name, kw, case):
    a = CPLX[case]
    if "where" in kw and a.shape != (4,):
        a = np.resize(a, 4)
    run(name, a, **kw)


@pytest.mark.parametrize("name", ["max", "min", "nanmax", "nanmin"])
@pytest.mark.parametrize("axis", [0, 1, None])
def test_complex_extrema_2d_where(name, axis):
    a = CPLX["2d"]
    where = (np.arange(12).reshape(3, 4) % 3) != 0
    run(name, a, axis=axis, initial=2 + 0j, where=where)
    run(name, a, axis=axis, initial=2 + 0j, keepdims=True)
    run(name, np.zeros((0, 3), complex), axis=0, initial=1j)


def test_complex_nanmax_all_nan_warns():
    a = tnp.asarray(CPLX["all-nan"])
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        r = tnp.nanmax(a)
    assert np.isnan(complex(r))


# --- fast paths: same answers as the general engine -----------------------------------------
FAST_DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint64", "float16",
               "float32", "float64", "complex64", "complex128"]


@pytest.mark.parametrize("dt", FAST_DTYPES)
@pytest.mark.parametrize("name", ["sum", "prod", "mean", "nansum", "median"])
def test_reduction_fast_paths(name, dt):
    if name == "median" and dt.startswith("complex"):
        dt = "float64"
    a = (np.arange(24) % 7).astype(dt).reshape(2, 3, 4)
    tol = dict(rtol=4e-3, atol=4e-3) if dt == "float16" else {}
    for arr in (a, a[:, ::2, :], a[0, 0], np.array(3).astype(dt)):
        axes = [None, 0, -1, 5] if arr.ndim else [None, 0, -1, 1]
        for axis in axes:
            run(name, arr, axis=axis, **tol)
    run(name, np.zeros((0, 3), dt), axis=0, **tol)
    run(name, np.zeros((0,), dt), **tol)


@pytest.mark.parametrize("n", [9, 10, 4097, 4098, 6000])
@pytest.mark.parametrize("dt", ["float64", "float32", "int8", "uint64", "bool"])
def test_median_sizes(n, dt):
    # small slices sort; large ones select (the threshold sits at 4096)
    rng = np.random.default_rng(n)
    a = rng.integers(-50, 50, size=n).astype(dt)
    run("median", a)
    run("nanmedian", a)
    if dt.startswith("float"):
        b = a.copy()
        b[n // 3] = np.nan
        run("median", b)
        run("nanmedian", b)
        run("nanmedian", np.where(rng.random(n) < 0.5, np.nan, a).reshape(-1, 1).repeat(2, 1), axis=0)


def test_median_overflowing_middle():
    # an odd count takes the middle value itself; an even one averages like NumPy (to inf)
    big = np.finfo(np.float64).max
    for a in (np.array([big, big, big]), np.array([big, big]), np.array([big, np.nan, big, big])):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run("median", a)
            run("nanmedian", a)


@pytest.mark.parametrize("name", ["nanmax", "nanmin"])
@pytest.mark.parametrize("a", [np.array([1.0, 3.0]), np.array([np.nan, np.nan]), np.array([2.0, np.nan]),
                               np.array([1 + 1j, 3 + 0j]), np.array([complex(np.nan, 1), np.nan])],
                         ids=["float", "all-nan", "some-nan", "complex", "complex-all-nan"])
@pytest.mark.parametrize("where", [None, [True, False], [False, False]])
def test_nan_extrema_nan_initial(name, a, where):
    # fmax/fmin skip a NaN initial value; a slice left with nothing is NaN (warns)
    kw = dict(initial=np.nan) if where is None else dict(initial=np.nan, where=where)
    run(name, a, **kw)


@pytest.mark.parametrize("name", ["quantile", "percentile"])
@pytest.mark.parametrize("dt", ["float32", "float64"])
@pytest.mark.parametrize("q", [0.0, 0.3, 0.5, 0.51, 0.999, 1.0])
def test_linear_scalar_q_fast_path(name, dt, q):
    qq = q * 100 if name == "percentile" else q
    a = np.random.default_rng(3).normal(size=(4, 7)).astype(dt)
    for arr, axis in ((a, None), (a, 0), (a, -1), (a[0], None), (a[:, ::3], 1), (a[0, :1], 0)):
        run(name, arr, qq, axis=axis)
    nan = a.copy()
    nan[1, 2] = np.nan
    run(name, nan, qq, axis=1)
    run(name, nan, qq)
    run(name, a, qq, axis=0, keepdims=True)
    run(name, a, qq * 2 + 1)  # out of range: ValueError


@pytest.mark.parametrize("dt", FAST_DTYPES)
@pytest.mark.parametrize("name", ["max", "min", "nanmax", "ptp"])
def test_extrema_fast_paths(name, dt):
    a = ((np.arange(24) * 5) % 7).astype(dt).reshape(2, 3, 4)
    if dt.startswith("float"):
        a[1, 1, 1] = np.nan
    for arr in (a, a[:, ::2, ::-1], a[0, 0], np.array(3).astype(dt)):
        run(name, arr)
        run(name, arr, axis=-1 if arr.ndim else None)
    run(name, np.zeros((0,), dt))  # ValueError: no identity
