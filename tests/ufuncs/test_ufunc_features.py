"""Hand-written checks: ufunc attributes and methods, keywords, NEP 50, operators, errstate."""
from __future__ import annotations

import inspect
import warnings

import numpy as np
import pytest
import torch

import torchnp as tnp
from tests._oracle import assert_same, check


# --- the ufunc object ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["add", "sin", "divmod", "matmul", "logical_and", "isnat", "abs"])
def test_attributes_match_numpy(name):
    u, n = getattr(tnp, name), getattr(np, name)
    assert isinstance(u, tnp.ufunc)
    for attr in ("nin", "nout", "nargs", "ntypes", "types", "identity", "signature", "__name__"):
        assert getattr(u, attr) == getattr(n, attr), attr
    assert u.__doc__


def test_signature_like_numpy():
    sig = inspect.signature(tnp.add)
    assert list(sig.parameters)[:3] == ["x1", "x2", "out"]
    assert sig.parameters["x1"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert sig.parameters["dtype"].kind is inspect.Parameter.KEYWORD_ONLY


def test_aliases_are_the_same_object():
    assert tnp.abs is tnp.absolute and tnp.pow is tnp.power and tnp.mod is tnp.remainder
    assert tnp.true_divide is tnp.divide and tnp.bitwise_invert is tnp.invert


# --- methods --------------------------------------------------------------------------
A = np.arange(24, dtype=np.float64).reshape(2, 3, 4) - 7.5
AI = np.arange(24, dtype=np.int8).reshape(2, 3, 4) - 7


@pytest.mark.parametrize("ufunc", ["add", "multiply", "maximum", "minimum", "logical_and",
                                   "logical_or", "bitwise_xor", "subtract", "fmax", "hypot"])
@pytest.mark.parametrize("axis", [0, 1, -1, None, (0, 2), ()])
@pytest.mark.parametrize("arr", ["float", "int8"])
def test_reduce(ufunc, axis, arr):
    a = A if arr == "float" else AI
    if ufunc in ("bitwise_xor",) and arr == "float":
        a = AI
    if ufunc == "hypot" and arr == "int8":
        a = A
    check((getattr(np, ufunc).reduce, getattr(tnp, ufunc).reduce), a, axis=axis)
    check((getattr(np, ufunc).reduce, getattr(tnp, ufunc).reduce), a, axis=axis, keepdims=True)


@pytest.mark.parametrize("kw", [dict(initial=5.0), dict(dtype="float32"), dict(axis=1, initial=-1.0),
                                dict(where=np.array([True, False, True, True]), axis=None)])
def test_reduce_keywords(kw):
    check((np.add.reduce, tnp.add.reduce), A, **kw)
    if "dtype" not in kw:
        check((np.maximum.reduce, tnp.maximum.reduce), A, **kw)


def test_reduce_empty_and_out():
    check((np.maximum.reduce, tnp.maximum.reduce), np.zeros((0, 3)))
    check((np.add.reduce, tnp.add.reduce), np.zeros((0, 3)))
    check((np.maximum.reduce, tnp.maximum.reduce), np.zeros((0, 3)), initial=-1.0)
    out = tnp.zeros(4)
    r = tnp.add.reduce(tnp.asarray(A), axis=(0, 1), out=out)
    assert r is out
    assert_same(out, np.add.reduce(A, axis=(0, 1)))
    with pytest.raises(ValueError):
        tnp.subtract.reduce(tnp.asarray(A), axis=(0, 1))
    with pytest.raises(ValueError):
        tnp.sin.reduce(tnp.asarray(A))


@pytest.mark.parametrize("dt", ["bool", "int8", "uint16", "float16", "uint64", "complex64"])
def test_reduce_dtypes(dt):
    a = np.array([[1, 0, 3], [2, 5, 1]]).astype(dt)
    for name in ("add", "multiply", "maximum", "minimum"):
        for axis in (0, 1, None):
            check((getattr(np, name).reduce, getattr(tnp, name).reduce), a, axis=axis)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum", "subtract", "logical_or",
                                  "divide", "bitwise_or"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_accumulate(name, axis):
    a = AI[0] if name in ("bitwise_or",) else A[0]
    check((getattr(np, name).accumulate, getattr(tnp, name).accumulate), a, axis=axis)
    check((np.add.accumulate, tnp.add.accumulate), AI[0].astype(np.uint8), axis=axis)


@pytest.mark.parametrize("indices", [[0, 2], [1, 3, 0], [0], [3, 3, 1]])
def test_reduceat(indices):
    check((np.add.reduceat, tnp.add.reduceat), A[0], indices, axis=1)
    check((np.maximum.reduceat, tnp.maximum.reduceat), np.arange(8.0), indices)


@pytest.mark.parametrize("name", ["add", "multiply", "subtract", "less", "power", "divmod"])
def test_outer(name):
    check((getattr(np, name).outer, getattr(tnp, name).outer), np.arange(1, 4), np.arange(1, 5).reshape(2, 2))


def test_at_unbuffered():
    a = tnp.zeros(5)
    tnp.add.at(a, [0, 0, 3], 1)
    assert a.tolist() == [2.0, 0.0, 0.0, 1.0, 0.0]
    n = np.arange(6.0)
    t = tnp.asarray(n.copy())
    np.multiply.at(n, [1, 1, 4], [2.0, 3.0, 5.0])
    tnp.multiply.at(t, [1, 1, 4], tnp.asarray([2.0, 3.0, 5.0]))
    assert_same(t, n)
    n = np.arange(6)
    t = tnp.asarray(n.copy())
    np.negative.at(n, [0, 2, 2])
    tnp.negative.at(t, [0, 2, 2])
    assert_same(t, n)
    n = np.arange(6.0)
    t = tnp.asarray(n.copy())
    np.maximum.at(n, [1, 1], [7.0, 3.0])
    tnp.maximum.at(t, [1, 1], tnp.asarray([7.0, 3.0]))
    assert_same(t, n)


# --- keywords ---------------------------------------------------------------------------
def test_out_and_casting():
    a = tnp.asarray([1, 2, 3])
    out = tnp.zeros(3)
    assert tnp.add(a, 1, out=out) is out
    assert out.tolist() == [2.0, 3.0, 4.0]
    assert tnp.add(a, 1, out) is out  # positional out
    assert tnp.add(a, 1, out=(out,)) is out
    with pytest.raises(tnp.exceptions.UFuncTypeError):
        tnp.add(a, 1.5, out=tnp.zeros(3, dtype=tnp.int64))
    assert issubclass(tnp.exceptions.UFuncTypeError, TypeError)
    r = tnp.add(a, 1.5, out=tnp.zeros(3, dtype=tnp.int64), casting="unsafe")
    assert r.tolist() == [2, 3, 4]
    with pytest.raises(ValueError):
        tnp.add(a, 1, out=tnp.zeros(4))
    with pytest.raises(ValueError):
        tnp.add(a, 1, casting="bogus")


def test_inplace_operators():
    a = tnp.asarray([1, 2, 3])
    with pytest.raises(tnp.exceptions.UFuncTypeError):
        a += 1.5
    b = a
    a += 1
    assert b is a and a.tolist() == [2, 3, 4]
    a *= tnp.asarray([2, 2, 2], dtype=tnp.int8)
    assert a.tolist() == [4, 6, 8] and a.dtype == tnp.int64
    f = tnp.asarray([1.0, 2.0])
    f /= 2
    f **= 2
    f //= 0.1
    assert_same(f, np.array([2.0, 9.0]))
    s = tnp.float64(2.0)
    s0 = s
    s += 1
    assert s0 == 2.0 and s == 3.0 and isinstance(s, tnp.float64)
    assert not hasattr(tnp.generic, "__iadd__")


def test_where_keeps_out():
    out = tnp.full(4, -1.0)
    r = tnp.multiply(tnp.asarray([1.0, 2, 3, 4]), 2, out=out, where=tnp.asarray([True, False, True, False]))
    assert r is out and out.tolist() == [2.0, -1.0, 6.0, -1.0]


def test_dtype_keyword():
    check("add", np.array([1, 2], dtype=np.int8), np.array([3, 4], dtype=np.int8), dtype="float32")
    check("sqrt", np.array([1, 4]), dtype="float32")
    check("add", np.array([1.5, 2.5]), np.array([1.5, 2.5]), dtype="int64")  # UFuncTypeError
    check("add", np.array([1.5, 2.5]), 1, dtype="int64", casting="unsafe")


def test_divmod_modf_frexp_out():
    q, r = tnp.zeros(3), tnp.zeros(3)
    res = tnp.divmod(tnp.asarray([7.0, -7.0, 5.5]), 2, out=(q, r))
    assert res[0] is q and res[1] is r
    assert_same(q, np.array([3.0, -4.0, 2.0]))
    assert_same(r, np.array([1.0, 1.0, 1.5]))
    check("modf", np.array([1.5, -2.25, np.inf, -0.0]))
    check("frexp", np.array([1.5, -8.0, 0.0, np.inf, np.nan]))


def test_unsupported_keywords():
    with pytest.raises(TypeError):
        tnp.add(1, 2, bogus=3)
    with pytest.raises(TypeError):
        tnp.add(1)


# --- NEP 50 and semantics -------------------------------------------------------------------
NEP50 = [
    (np.int8, 1), (np.int8, 1.0), (np.int8, 1j), (np.uint8, True), (np.float32, 2.0),
    (np.float32, 2), (np.float32, 1j), (np.float16, 3.0), (np.bool_, 1), (np.bool_, 1.5),
    (np.uint64, 3), (np.complex64, 2.0), (np.int16, 2**14),
]


@pytest.mark.parametrize("dt,scalar", NEP50, ids=[f"{d.__name__}-{s!r}" for d, s in NEP50])
@pytest.mark.parametrize("op", ["add", "multiply", "subtract", "divide", "maximum"])
def test_nep50_weak_scalars(dt, scalar, op):
    a = np.array([1, 2, 3], dtype=dt)
    check(op, a, scalar)
    check(op, scalar, a)
    check(op, np.array(2, dtype=dt), scalar)  # 0-d array: scalar result


@pytest.mark.parametrize("pair", [("uint8", "int8"), ("int64", "uint64"), ("float16", "int16"),
                                  ("int32", "float32"), ("uint32", "int32"), ("complex64", "float64"),
                                  ("bool", "float16")])
def test_strong_promotion(pair):
    a = np.array([1, 2], dtype=pair[0])
    b = np.array([3, 1], dtype=pair[1])
    check("add", a, b)
    check("true_divide", a, b)


def test_overflow_errors():
    check("add", np.array([1], dtype=np.int8), 200)
    check("add", np.array([1], dtype=np.uint8), -1)
    check("less", np.array([1, -2], dtype=np.int8), 300)
    check("greater_equal", -300, np.array([1, -2], dtype=np.int8))
    check("equal", np.array([1], dtype=np.uint8), -1)
    check("add", np.array([2**63], dtype=np.uint64), 2**63 - 1)


def test_integer_semantics():
    a = np.array([7, -7, 0, -128, 5], dtype=np.int8)
    b = np.array([2, 2, 0, -1, 0], dtype=np.int8)
    for name in ("floor_divide", "remainder", "fmod", "divmod", "true_divide", "add", "multiply"):
        with np.errstate(all="ignore"):
            check(name, a, b)
    check("power", np.array([2, 3]), np.array([1, -1]))  # ValueError
    check("power", np.array([2, 3]), -1)
    check("power", np.array([2, 3], dtype=np.int8), np.array([7, 5], dtype=np.int8))  # wraps
    check("left_shift", np.array([1, 1], dtype=np.int16), np.array([15, 16], dtype=np.int16))
    u = np.array([2**64 - 1, 2**63, 7], dtype=np.uint64)
    v = np.array([3, 2**63 + 1, 2**64 - 2], dtype=np.uint64)
    for name in ("floor_divide", "remainder", "less", "maximum", "right_shift", "subtract"):
        check(name, u, v if name != "right_shift" else np.array([1, 63, 2], dtype=np.uint64))


def test_bool_rules():
    t = np.array([True, False])
    check("subtract", t, t)
    check("negative", t)
    check("subtract", 1, t)
    check("invert", t)
    assert_same(~tnp.asarray([True, False]), ~t)
    assert_same(1 - tnp.asarray(t), 1 - t)
    with pytest.raises(TypeError):
        tnp.asarray(t) - tnp.asarray(t)


def test_float_specials():
    x = np.array([0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan])
    with np.errstate(all="ignore"):
        for name in ("divide", "floor_divide", "remainder", "fmod", "maximum", "fmax", "minimum",
                     "fmin", "copysign", "arctan2", "nextafter", "hypot", "heaviside", "power"):
            check(name, x[:, None], x[None, :])
        for name in ("sign", "sqrt", "log", "reciprocal", "signbit", "spacing", "rint", "floor"):
            check(name, x)


def test_complex_branch_cuts():
    z = np.array([-2 + 0j, -2 - 0j, 2 + 0j, 0.5j, -0.5j, 2j, -2j, 1.5 + 0j, -1.5 - 0j])
    for name in ("sqrt", "log", "arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh", "log10"):
        check(name, z, atol=1e-12)


def test_float16_and_unsigned_dtypes():
    h = np.array([0.1, 1.5, -2.25, 65000.0], dtype=np.float16)
    for name in ("exp", "sin", "sqrt", "add", "multiply"):
        args = (h,) if getattr(np, name).nin == 1 else (h, h)
        with np.errstate(all="ignore"):
            check(name, *args, rtol=2e-3, atol=2e-3)
    for dt in (np.uint16, np.uint32, np.uint64):
        a = np.array([0, 1, np.iinfo(dt).max, 12345], dtype=dt)
        b = np.array([3, np.iinfo(dt).max, 2, 1], dtype=dt)
        for name in ("add", "subtract", "multiply", "floor_divide", "remainder", "bitwise_xor",
                     "less", "maximum", "invert", "negative", "sqrt"):
            args = (a,) if getattr(np, name).nin == 1 else (a, b)
            with np.errstate(all="ignore"):
                check(name, *args)


# --- operators ------------------------------------------------------------------------------
OPS = ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__",
       "__and__", "__or__", "__xor__", "__lshift__", "__rshift__", "__lt__", "__le__", "__gt__",
       "__ge__", "__eq__", "__ne__", "__divmod__"]


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("other", ["int", "float", "list", "tensor", "numpy", "tnp_scalar"])
def test_operators_with_other_kinds(op, other):
    import operator
    fn = getattr(operator, op) if op != "__divmod__" else divmod
    if op in ("__and__", "__or__", "__xor__", "__lshift__", "__rshift__") and other in ("float",):
        return
    n = np.array([5, 3, 8], dtype=np.int64)
    o = {"int": 2, "float": 2.5, "list": [1, 2, 3], "tensor": torch.tensor([1, 2, 3]),
         "numpy": np.array([1, 2, 3]), "tnp_scalar": tnp.int64(2)}[other]
    o_np = {"tensor": np.array([1, 2, 3]), "tnp_scalar": np.int64(2)}.get(other, o)
    t = tnp.asarray(n)
    with np.errstate(all="ignore"):
        assert_same(fn(t, o), fn(n, o_np))
        if other not in ("tensor", "numpy"):  # reflected: the other operand's type decides
            assert_same(fn(o, t), fn(o_np, n))


def test_numpy_array_on_the_left():
    n = np.array([1.0, 2.0, 3.0])
    t = tnp.asarray([1.0, 2.0, 4.0])
    r = n + t
    assert isinstance(r, tnp.ndarray)
    assert_same(r, n + np.array([1.0, 2.0, 4.0]))
    assert isinstance(n < t, tnp.ndarray)
    assert isinstance(n @ t, (tnp.generic, tnp.ndarray))
    n2 = n.copy()
    n2 += t
    assert isinstance(n2, np.ndarray) and n2.tolist() == [2.0, 4.0, 7.0]


def test_tensor_on_the_left():
    r = torch.tensor([1.0, 2.0]) + tnp.asarray([1.0, 2.0])
    assert isinstance(r, (tnp.ndarray, torch.Tensor))


def test_unary_operators_and_matmul():
    n = np.array([[1, -2], [3, 4]])
    t = tnp.asarray(n)
    for f in (lambda x: -x, lambda x: +x, abs, lambda x: ~x, lambda x: x @ x, lambda x: x @ x[0]):
        assert_same(f(t), f(n))
    with pytest.raises(TypeError):
        t + "a"
    with pytest.raises(TypeError):
        t + None


def test_scalar_results():
    assert isinstance(tnp.add(1, 2), tnp.int64)
    assert isinstance(tnp.sin(tnp.asarray(1.0)), tnp.float64)
    assert isinstance(tnp.float32(1) + 1.0, tnp.float32)
    out = tnp.zeros(())
    assert tnp.add(1.0, 2.0, out=out) is out


# --- errstate --------------------------------------------------------------------------------
def test_errstate_defaults_and_roundtrip():
    assert tnp.geterr() == np.geterr()
    old = tnp.seterr(divide="raise")
    try:
        assert tnp.geterr()["divide"] == "raise"
        with pytest.raises(FloatingPointError):
            tnp.divide(tnp.asarray([1.0]), 0.0)
    finally:
        tnp.seterr(**old)
    assert tnp.geterr() == old
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tnp.divide(tnp.asarray([1.0]), 0.0)  # default: not checked, no warning


def test_errstate_context_and_call():
    with tnp.errstate(invalid="raise"):
        with pytest.raises(FloatingPointError):
            tnp.sqrt(tnp.asarray([-1.0]))
        tnp.sqrt(tnp.asarray([np.nan]))  # NaN in, NaN out: not an error
    tnp.sqrt(tnp.asarray([-1.0]))
    with tnp.errstate(over="warn"):
        with pytest.warns(RuntimeWarning, match="overflow"):
            tnp.exp(tnp.asarray([1000.0]))
    seen = []
    with tnp.errstate(call=lambda kind, flag: seen.append(kind), divide="call"):
        tnp.log(tnp.asarray([0.0]))
        tnp.floor_divide(tnp.asarray([1]), 0)
    assert seen == ["divide by zero", "divide by zero"]
    assert tnp.geterrcall() is None
    with pytest.raises(ValueError):
        tnp.seterr(all="bogus")
    f = tnp.seterrcall(print)
    assert tnp.seterrcall(f) is print

    @tnp.errstate(divide="raise")
    def g():
        return tnp.divide(tnp.asarray([1.0]), 0)
    with pytest.raises(FloatingPointError):
        g()
