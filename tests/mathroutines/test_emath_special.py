"""numpy.emath over a grid of special values (inf, -inf, +-0.0, nan, the branch
points), compared part by part: NaN positions of the real and imaginary parts, the
sign of zeros and infinities, and values with the dtype's tolerance.

The oracle's ``assert_allclose`` counts a complex number as NaN when either part is,
so ``inf+nanj`` and ``nan+nanj`` would compare equal there; these tests do not.
"""
import warnings

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import to_np, to_tnp

INF, NAN = np.inf, np.nan
# bases with a negative value take emath's complex path; POSITIVE ones stay real
SPECIAL = [INF, -INF, 0.0, -0.0, NAN, -1.0, -2.0, 2.0, 0.5, -0.5, 1.0, 3.0, -7.25]
POSITIVE = [INF, 0.0, -0.0, NAN, 2.0, 0.5, 1.0]
UNIT = [0.0, -0.0, NAN, 0.5, -0.5, 1.0, -1.0]  # stays real for arccos/arcsin/arctanh
COMPLEX = [complex(INF, INF), complex(0, INF), complex(NAN, 1), 1 + 1j, complex(-0.0, 0.0),
           complex(0, -0.0), complex(-INF, 0), 2 - 3j, complex(-2, -0.0), complex(1, NAN),
           complex(INF, NAN), complex(-INF, INF), complex(-1, 0), complex(1, -0.0)]
INT_EXPONENTS = [-100, -99, -7, -3, -2, -1, 0, 1, 2, 3, 4, 7, 99, 100, 150]
OTHER_EXPONENTS = [-0.5, 0.5, -1.5, 2.5, INF, -INF, NAN, -0.0, 1j, 1 + 1j, complex(2, -0.0)]
DTYPES = ["float16", "float32", "float64", "complex64", "complex128"]
RTOL = {"float16": 2e-3, "float32": 2e-6, "complex64": 2e-6}


def _bases(dtype, kind):
    vals = {"special": SPECIAL, "positive": POSITIVE, "unit": UNIT}[kind]
    if kind == "special" and dtype.startswith("complex"):
        vals = vals + COMPLEX
    return np.array(vals, dtype=dtype)


def assert_parts_equal(got, expected):
    """dtype, shape, scalar-ness; then real and imaginary parts separately."""
    assert isinstance(got, tnp.ndarray) == isinstance(expected, np.ndarray)
    g, e = np.asarray(to_np(got)), np.asarray(expected)
    assert g.dtype == e.dtype, (g.dtype, e.dtype)
    assert g.shape == e.shape
    rtol = RTOL.get(e.dtype.name, 1e-12)
    for part in (np.real, np.imag):
        gp, ep = part(g), part(e)
        assert np.array_equal(np.isnan(gp), np.isnan(ep)), (g, e)
        nan = np.isnan(ep)
        exact = (np.isinf(ep) | (ep == 0)) & ~nan
        # zeros and infinities compare exactly, sign included
        assert np.array_equal(gp[exact], ep[exact]), (g, e)
        assert np.array_equal(np.signbit(gp[exact]), np.signbit(ep[exact])), (g, e)
        rest = ~exact & ~nan
        np.testing.assert_allclose(gp[rest], ep[rest], rtol=rtol, atol=0)


def _run(name, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's invalid/divide warnings
        expected = getattr(np.emath, name)(*args)
    got = getattr(tnp.emath, name)(*to_tnp(list(args)))
    assert_parts_equal(got, expected)


@pytest.mark.parametrize("kind", ["special", "positive"])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", INT_EXPONENTS + OTHER_EXPONENTS, ids=repr)
def test_power_special_values(p, dtype, kind):
    _run("power", _bases(dtype, kind), p)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [-3, -1, 0.5, 2, 1j], ids=repr)
def test_power_zero_d_exponent_and_scalar_base(p, dtype):
    _run("power", _bases(dtype, "special"), np.array(p))
    _run("power", np.array(-0.0, dtype=dtype), p)
    _run("power", np.array(-0.0, dtype=dtype), np.array(p))


@pytest.mark.parametrize("dtype", ["float64", "complex64", "complex128"])
def test_power_exponent_grid_broadcast(dtype):
    # every exponent against every base in one call (complex path: no NumPy fast paths)
    exps = np.array(INT_EXPONENTS + OTHER_EXPONENTS)[:, None]
    _run("power", _bases(dtype, "special"), exps)


@pytest.mark.parametrize("bdt", ["bool", "int8", "uint8", "int64", "uint16", "uint64", "float32"])
@pytest.mark.parametrize("edt", ["bool", "int8", "uint8", "int64", "uint64", "float16", "complex64"])
def test_power_integer_grid_dtypes(bdt, edt):
    signed = np.dtype(bdt).kind in "if"
    base = np.array([-2, -1, 0, 1, 3, 7] if signed else [2, 1, 0, 1, 3, 7]).astype(bdt)
    exps = [-3, -1, 0, 1, 2, 5] if np.dtype(edt).kind in "ifc" else [0, 1, 2, 3, 4, 40]
    if np.dtype(edt).kind in "ub":
        exps = [0, 1, 2, 3, 4, 40]
    _run("power", base, np.array(exps).astype(edt)[:, None])


@pytest.mark.parametrize("kind", ["special", "positive", "unit"])
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"])
def test_unary_special_values(name, dtype, kind):
    _run(name, _bases(dtype, kind))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", [2, 0.5, -2.0, INF, 0.0, NAN, 1.0, 1j], ids=repr)
def test_logn_special_values(n, dtype):
    x = _bases(dtype, "special")
    _run("logn", n, x)
    _run("logn", x, n)
