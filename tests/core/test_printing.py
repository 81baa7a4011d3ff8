"""Printing: repr/str of arrays and scalars, print options and the format functions,
compared character for character with NumPy."""
import math
import sys

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import torchnp as tnp
from tests._oracle import to_tnp

PRINT_NAMES = ["array2string", "array_repr", "array_str", "set_printoptions", "get_printoptions",
               "printoptions", "format_float_positional", "format_float_scientific",
               "base_repr", "binary_repr"]

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


@pytest.fixture(autouse=True)
def _restore_options():
    np_opts = np.get_printoptions()
    tnp_opts = tnp.get_printoptions()
    yield
    np.set_printoptions(**np_opts)
    tnp.set_printoptions(**tnp_opts)


def both(x):
    return x, to_tnp(x)


def assert_same_text(x, **opts):
    """repr and str of ``x`` agree with NumPy's, under print options ``opts``."""
    n, t = both(np.asarray(x))
    with np.printoptions(**opts), tnp.printoptions(**opts):
        assert repr(t) == repr(n), f"\n{repr(t)}\n!=\n{repr(n)}"
        assert str(t) == str(n), f"\n{str(t)}\n!=\n{str(n)}"


def test_every_name_is_exported():
    for name in PRINT_NAMES:
        assert callable(getattr(tnp, name)), name
        import inspect
        assert inspect.signature(getattr(tnp, name)) == inspect.signature(getattr(np, name)) \
            or name == "printoptions", name


# --- hand-picked arrays -------------------------------------------------------------------
CASES = {
    "float-simple": np.array([1.5, 2.0, 3.0]),
    "float-exp": np.array([1e-5, 1.0, 1e5]),
    "float-big": np.array([1e8, 1.0]),
    "float-nonfinite": np.array([np.nan, -np.inf, 1.25, np.inf]),
    "float-negzero": np.array([-0.0, 0.0, 1.0]),
    "float-allnan": np.array([np.nan, np.nan]),
    "float-tiny": np.array([5e-324, 1.0]),
    "float-huge": np.array([1.7976931348623157e308, -1.0]),
    "float32-tenth": np.array([0.1, 0.2, 0.3], dtype=np.float32),
    "float32-big": np.array([1e6, 1.5], dtype=np.float32),
    "float16": np.array([0.1, 65504, 6e-8, -2.5], dtype=np.float16),
    "float16-1000": np.array([1000.0, 1.5], dtype=np.float16),
    "complex": np.array([1 + 2j, 3.5 - 1j, -0.0 - 0.0j]),
    "complex-nonfinite": np.array([complex(np.nan, np.inf), 1j]),
    "complex64": np.array([0.1 + 0.2j], dtype=np.complex64),
    "bool": np.array([True, False, True]),
    "int-neg": np.array([-1, 100, 3]),
    "int8": np.array([1, -2], dtype=np.int8),
    "uint64-max": np.array([0, 2**64 - 1], dtype=np.uint64),
    "uint16": np.array([1, 65535], dtype=np.uint16),
    "uint32": np.array([1, 2**32 - 1], dtype=np.uint32),
    "0d-float": np.array(3.5),
    "0d-int8": np.array(3, dtype=np.int8),
    "0d-bool": np.array(True),
    "0d-complex": np.array(1 + 2j),
    "0d-nan": np.array(np.nan),
    "empty": np.array([], dtype=float),
    "empty-int": np.array([], dtype=np.int64),
    "empty-2d": np.zeros((0, 3)),
    "empty-int32-2d": np.zeros((2, 0), dtype=np.int32),
    "2d": np.arange(12).reshape(3, 4),
    "3d": np.arange(24.0).reshape(2, 3, 4) / 7,
    "wrap": np.linspace(0, 1, 30),
    "wrap-int32": np.arange(40, dtype=np.int32),
    "summarized": np.arange(2000.0),
    "summarized-2d": np.arange(3000).reshape(30, 100),
    "summarized-3d": np.arange(8000.0).reshape(20, 20, 20),
    "noncontiguous": np.arange(20.0).reshape(4, 5)[:, ::2].T,
}


@pytest.mark.parametrize("name", list(CASES))
def test_repr_str_match_numpy(name):
    assert_same_text(CASES[name])


@pytest.mark.parametrize("opts", [
    dict(precision=3), dict(precision=0), dict(suppress=True), dict(floatmode="fixed"),
    dict(floatmode="unique"), dict(floatmode="maxprec_equal"), dict(sign="+"), dict(sign=" "),
    dict(linewidth=20), dict(threshold=5, edgeitems=1), dict(nanstr="NaN", infstr="Inf"),
    dict(legacy="1.13"), dict(legacy="2.2"), dict(threshold=sys.maxsize),
], ids=str)
@pytest.mark.parametrize("name", ["float-exp", "float-nonfinite", "complex", "int-neg", "bool",
                                  "3d", "wrap", "0d-float", "float-negzero"])
def test_print_options_match_numpy(name, opts):
    assert_same_text(CASES[name], **opts)


def test_formatter_option():
    x = np.array([1.5, 2.25])
    f = {"float_kind": lambda v: f"<{float(v):.1f}>"}
    assert tnp.array2string(to_tnp(x), formatter=f) == np.array2string(x, formatter=f)
    g = {"all": lambda v: "x"}
    assert tnp.array2string(tnp.arange(3), formatter=g) == np.array2string(np.arange(3), formatter=g)


@pytest.mark.parametrize("kwargs", [
    dict(separator=", "), dict(prefix="foo("), dict(max_line_width=10), dict(precision=2),
    dict(suppress_small=True), dict(sign="+"), dict(floatmode="fixed", precision=3),
    dict(threshold=3, edgeitems=1), dict(suffix=")"),
], ids=str)
def test_array2string_arguments(kwargs):
    x = np.array([[1e-9, 1.5, 2.0 / 3], [100.0, -1, 7]])
    assert tnp.array2string(to_tnp(x), **kwargs) == np.array2string(x, **kwargs)


def test_array_repr_and_str_arguments():
    x = np.array([1.0 / 3, 2e-9])
    t = to_tnp(x)
    assert tnp.array_repr(t, precision=2, suppress_small=True) == \
        np.array_repr(x, precision=2, suppress_small=True)
    assert tnp.array_str(t, max_line_width=5) == np.array_str(x, max_line_width=5)
    assert tnp.array_repr([1, 2]) == "array([1, 2])"  # array-likes are accepted


def test_printoptions_context_and_get():
    with tnp.printoptions(precision=2) as opts:
        assert opts == tnp.get_printoptions()
        assert opts["precision"] == 2
        assert repr(tnp.asarray([1 / 3])) == "array([0.33])"
    assert tnp.get_printoptions() == np.get_printoptions()


def test_set_printoptions_validation():
    with pytest.raises(ValueError):
        tnp.set_printoptions(floatmode="bad")
    with pytest.raises(ValueError):
        tnp.set_printoptions(sign="x")
    with pytest.raises(TypeError):
        tnp.set_printoptions(threshold="10")
    with pytest.raises(ValueError):
        tnp.set_printoptions(threshold=float("nan"))
    with pytest.raises(TypeError):
        tnp.set_printoptions(precision=1.5)


def test_override_repr():
    with tnp.printoptions(override_repr=lambda a: "custom"):
        assert repr(tnp.arange(3)) == "custom"


# --- hypothesis: random arrays -------------------------------------------------------------
def _cast(dt, v):
    with np.errstate(over="ignore"):  # 1e16 overflows float16 to inf on purpose
        return float(dt.type(v))


def _elements(dtype):
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return st.one_of(
            st.floats(width=dt.itemsize * 8, allow_nan=True, allow_infinity=True),
            st.floats(width=dt.itemsize * 8, min_value=-1e3, max_value=1e3),
            st.sampled_from([0.0, -0.0, 0.1, 1e-5, 1e16, 123456.789]).map(lambda v: _cast(dt, v)),
        )
    if dt.kind == "c":
        w = dt.itemsize * 4
        f = st.one_of(st.floats(width=w), st.floats(width=w, min_value=-100, max_value=100))
        return st.builds(complex, f, f)
    return None


@settings(max_examples=120)
@given(data=st.data())
def test_repr_str_hypothesis(data):
    dtype = data.draw(st.sampled_from(DTYPES))
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=6))
    x = data.draw(hnp.arrays(dtype, shape, elements=_elements(dtype)))
    opts = data.draw(st.sampled_from([{}, {"precision": 3}, {"suppress": True},
                                      {"floatmode": "unique"}, {"sign": "+"}]))
    assert_same_text(x, **opts)


@settings(max_examples=150)
@given(x=st.floats(allow_nan=False), dtype=st.sampled_from(["float16", "float32", "float64"]),
       precision=st.none() | st.integers(0, 20), unique=st.booleans(),
       trim=st.sampled_from(["k", ".", "0", "-"]), sign=st.booleans(),
       pad_left=st.none() | st.integers(0, 6), pad_right=st.none() | st.integers(0, 6),
       fractional=st.booleans())
def test_format_float_positional_hypothesis(x, dtype, precision, unique, trim, sign, pad_left,
                                            pad_right, fractional):
    with np.errstate(over="ignore"):
        v = np.dtype(dtype).type(x)
    if not unique and precision is None:
        precision = 3
    if not fractional and precision == 0:
        precision = 1
    kw = dict(precision=precision, unique=unique, trim=trim, sign=sign, pad_left=pad_left,
              pad_right=pad_right, fractional=fractional)
    expected = np.format_float_positional(v, **kw)
    assert tnp.format_float_positional(to_tnp(v), **kw) == expected


@settings(max_examples=150)
@given(x=st.floats(allow_nan=False), dtype=st.sampled_from(["float16", "float32", "float64"]),
       precision=st.none() | st.integers(0, 20), unique=st.booleans(),
       trim=st.sampled_from(["k", ".", "0", "-"]), sign=st.booleans(),
       pad_left=st.none() | st.integers(0, 6), exp_digits=st.none() | st.integers(0, 6))
def test_format_float_scientific_hypothesis(x, dtype, precision, unique, trim, sign, pad_left,
                                            exp_digits):
    with np.errstate(over="ignore"):
        v = np.dtype(dtype).type(x)
    if not unique and precision is None:
        precision = 3
    kw = dict(precision=precision, unique=unique, trim=trim, sign=sign, pad_left=pad_left,
              exp_digits=exp_digits)
    expected = np.format_float_scientific(v, **kw)
    assert tnp.format_float_scientific(to_tnp(v), **kw) == expected


@pytest.mark.parametrize("fn", ["format_float_positional", "format_float_scientific"])
@pytest.mark.parametrize("x", [math.nan, math.inf, -math.inf, 0.0, -0.0, 1.0, 0.1, 1e300])
def test_format_float_specials(fn, x):
    assert getattr(tnp, fn)(x) == getattr(np, fn)(x)
    assert getattr(tnp, fn)(x, sign=True) == getattr(np, fn)(x, sign=True)


@pytest.mark.parametrize("fn", ["format_float_positional", "format_float_scientific"])
@pytest.mark.parametrize("kw", [dict(precision=-1), dict(min_digits=5, precision=2),
                                dict(trim="x"), dict(pad_left=-2), dict(unique=False)], ids=str)
def test_format_float_errors(fn, kw):
    with pytest.raises(Exception) as expected:
        getattr(np, fn)(1.5, **kw)
    with pytest.raises(expected.type):
        getattr(tnp, fn)(1.5, **kw)


def test_min_digits():
    for v in (np.float32(0.1), np.float64(1 / 3), np.float16(0.1)):
        for md in (0, 3, 10):
            assert tnp.format_float_positional(to_tnp(v), min_digits=md) == \
                np.format_float_positional(v, min_digits=md)
            assert tnp.format_float_scientific(to_tnp(v), min_digits=md) == \
                np.format_float_scientific(v, min_digits=md)


# --- scalars -----------------------------------------------------------------------------------
SCALARS = [np.float64(2.5), np.float64(np.nan), np.float64(-np.inf), np.float64(-0.0),
           np.float64(1e16), np.float64(1e-5), np.float64(123.0), np.float32(0.1),
           np.float32(1e20), np.float32(3.0), np.float16(0.1), np.float16(65504.0),
           np.int64(3), np.int8(-5), np.uint64(2**64 - 1), np.uint16(7), np.True_, np.False_,
           np.complex128(1 + 2j), np.complex128(2j), np.complex128(complex(-0.0, 1)),
           np.complex128(complex(np.nan, np.inf)), np.complex64(0.1 + 0.2j), np.complex64(1j),
           np.complex128(0)]


@pytest.mark.parametrize("s", SCALARS, ids=lambda s: f"{type(s).__name__}-{s}")
def test_scalar_repr_str(s):
    t = to_tnp(s)
    assert repr(t) == repr(s)
    assert str(t) == str(s)


@pytest.mark.parametrize("s", SCALARS[:6] + SCALARS[12:17], ids=str)
def test_scalar_repr_legacy(s):
    with np.printoptions(legacy="1.25"), tnp.printoptions(legacy="1.25"):
        assert repr(to_tnp(s)) == repr(s)


@settings(max_examples=100)
@given(x=st.floats(), dtype=st.sampled_from(["float16", "float32", "float64"]))
def test_scalar_float_hypothesis(x, dtype):
    with np.errstate(over="ignore"):
        v = np.dtype(dtype).type(x)
    t = to_tnp(v)
    assert repr(t) == repr(v)
    assert str(t) == str(v)


# --- integers in other bases ----------------------------------------------------------------------
@pytest.mark.parametrize("args", [(0,), (5,), (-5,), (5, 8), (-5, 8), (-128, 8), (-129, 8),
                                  (0, 4), (2**70,)], ids=str)
def test_binary_repr(args):
    try:
        expected = np.binary_repr(*args)
    except ValueError:
        with pytest.raises(ValueError, match="Insufficient bit"):
            tnp.binary_repr(*args)
    else:
        assert tnp.binary_repr(*args) == expected


def test_binary_repr_errors():
    with pytest.raises(ValueError):
        np.binary_repr(255, width=4)
    with pytest.raises(ValueError):
        tnp.binary_repr(255, width=4)
    with pytest.raises(TypeError):
        tnp.binary_repr(1.5)


@pytest.mark.parametrize("args", [(0,), (10,), (-10, 16), (35, 36), (7, 2, 3), (2**70, 7)],
                         ids=str)
def test_base_repr(args):
    assert tnp.base_repr(*args) == np.base_repr(*args)


@pytest.mark.parametrize("base", [1, 37])
def test_base_repr_errors(base):
    with pytest.raises(ValueError):
        tnp.base_repr(5, base)
