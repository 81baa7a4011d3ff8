"""Differential test: every ufunc x dtype category x input kind against NumPy."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same
from tests.ufuncs._cases import DTYPES, KINDS, make_inputs, tnp_array

# name -> record: domain (input values), tol (rtol, atol) overrides, xfail {dtype: reason}
U = {}


def rec(names, domain=None, tol=None, xfail=None, gufunc=False):
    for n in names.split():
        U[n] = {"domain": domain, "tol": tol, "xfail": xfail or {}, "gufunc": gufunc}


rec("add subtract multiply divide true_divide floor_divide remainder mod fmod divmod")
rec("power pow", domain="positive_exp")
rec("float_power", domain="positive_exp")
rec("negative positive absolute abs fabs sign conjugate conj reciprocal square sqrt cbrt")
rec("heaviside gcd lcm maximum minimum fmax fmin", domain="small")
rec("exp exp2 expm1 log log2 log10 log1p logaddexp logaddexp2")
rec("sin cos tan arcsin asin arccos acos arctan atan arctan2 atan2 hypot sinh cosh tanh")
rec("arcsinh asinh arccosh acosh arctanh atanh degrees rad2deg radians deg2rad")
rec("rint floor ceil trunc")
rec("isnan isinf isfinite isnat signbit copysign nextafter spacing modf frexp ldexp")
rec("equal not_equal less less_equal greater greater_equal")
rec("logical_and logical_or logical_xor logical_not")
rec("bitwise_and bitwise_or bitwise_xor invert bitwise_not bitwise_invert bitwise_count")
rec("left_shift bitwise_left_shift right_shift bitwise_right_shift", domain="shift")
rec("matmul vecdot matvec vecmat", gufunc=True)

# complex kernels whose results differ from NumPy's beyond the tolerance
_CPLX_FP = {"complex64": "float32 complex transcendental differs by a few ulp near zero"}
for _n in ("tan", "tanh", "arcsinh", "asinh", "arctanh", "atanh", "arcsin", "asin",
           "arccos", "acos", "expm1", "log1p"):
    U[_n]["tol"] = (1e-5, 1e-5)


def test_table_covers_every_registered_ufunc():
    from torchnp_ufuncs import _ufuncs_impl
    registered = set(_ufuncs_impl.__all__) - {"ufunc"}
    assert set(U) == registered
    assert len(registered) == 106


def _call(fn, args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return fn(*args), None
        except Exception as exc:  # noqa: BLE001 - the oracle compares exception classes
            return None, exc


def _same_exception_class(got, expected):
    """NumPy's own classes (UFuncTypeError and its private subclasses) map to torchnp's."""
    if isinstance(expected, np.exceptions.AxisError):
        return isinstance(got, tnp.exceptions.AxisError)
    if any(c.__name__ == "UFuncTypeError" for c in type(expected).__mro__):
        return isinstance(got, tnp.exceptions.UFuncTypeError)
    return isinstance(got, type(expected))


def _run(name, dtype, kind):
    r = U[name]
    nin = getattr(np, name).nin
    if kind.startswith("pyscalar") and nin == 1:
        kind = "0d"
    np_args, t_args = make_inputs(kind, nin, dtype, r["domain"])
    expected, np_exc = _call(getattr(np, name), np_args)
    got, t_exc = _call(getattr(tnp, name), t_args)
    if np_exc is not None:
        assert t_exc is not None, f"NumPy raised {type(np_exc).__name__}: {np_exc}; torchnp returned {got!r}"
        assert _same_exception_class(t_exc, np_exc), \
            f"NumPy raised {type(np_exc).__name__}, torchnp {type(t_exc).__name__}: {t_exc}"
        return
    if t_exc is not None:
        raise AssertionError(f"torchnp raised {type(t_exc).__name__}: {t_exc}") from t_exc
    rtol, atol = r["tol"] or (None, None)
    if dtype == "float16" or (isinstance(expected, np.ndarray) and expected.dtype == np.float16):
        rtol, atol = 2e-3, 2e-3
    assert_same(got, expected, rtol=rtol, atol=atol)


CASES = []
for _name in sorted(U):
    if U[_name]["gufunc"]:
        continue
    for _dt in DTYPES:
        marks = []
        if _dt in U[_name]["xfail"]:
            marks.append(pytest.mark.xfail(strict=True, reason=U[_name]["xfail"][_dt]))
        CASES.append(pytest.param(_name, _dt, id=f"{_name}-{_dt}", marks=marks))


@pytest.mark.parametrize("name,dtype", CASES)
def test_ufunc_against_numpy(name, dtype):
    failures = []
    for kind in KINDS:
        try:
            _run(name, dtype, kind)
        except AssertionError as exc:
            failures.append(f"[{kind}] {exc}")
    assert not failures, "\n".join(failures)


GU_SHAPES = {
    "matmul": [((3, 4), (4, 2)), ((4,), (4, 2)), ((3, 4), (4,)), ((2, 3, 4), (4, 5)), ((3, 4), (5, 2)),
               ((), (4,)), ((0, 4), (4, 2))],
    "vecdot": [((3, 4), (4,)), ((4,), (4,)), ((2, 4), (3, 1, 4)), ((4,), (5,)), ((0, 4), (4,))],
    "matvec": [((3, 4), (4,)), ((2, 3, 4), (4,)), ((3, 4), (5,)), ((4,), (4,))],
    "vecmat": [((4,), (4, 3)), ((2, 4), (4, 3)), ((5,), (4, 3))],
}


@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint16", "uint64", "float16",
                                   "float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("name", sorted(GU_SHAPES))
def test_gufunc_against_numpy(name, dtype):
    rng = np.random.default_rng(0)
    for sa, sb in GU_SHAPES[name]:
        a = (rng.integers(-3, 4, sa) + (1j * rng.integers(-3, 4, sa) if "complex" in dtype else 0))
        b = (rng.integers(-3, 4, sb) + (1j * rng.integers(-3, 4, sb) if "complex" in dtype else 0))
        with np.errstate(all="ignore"):
            a, b = a.astype(dtype), b.astype(dtype)
        expected, np_exc = _call(getattr(np, name), [a, b])
        got, t_exc = _call(getattr(tnp, name), [tnp_array(a), tnp_array(b)])
        if np_exc is not None:
            assert t_exc is not None and isinstance(t_exc, ValueError), (sa, sb, t_exc)
            continue
        assert t_exc is None, (sa, sb, t_exc)
        assert_same(got, expected, rtol=2e-3 if dtype == "float16" else None,
                    atol=2e-3 if dtype == "float16" else None)
