"""Dtypes and NumPy 2 promotion, checked against NumPy for every pair."""
import itertools

import numpy as np
import pytest

import torchnp as tnp

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("a,b", list(itertools.product(NAMES, NAMES)), ids=lambda x: x)
def test_promote_types(a, b):
    assert tnp.promote_types(a, b).name == np.promote_types(a, b).name


@pytest.mark.parametrize("a,b", list(itertools.product(NAMES, NAMES)), ids=lambda x: x)
def test_can_cast(a, b):
    for casting in CASTINGS:
        assert tnp.can_cast(a, b, casting) == np.can_cast(a, b, casting), casting


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("scalar", [True, 3, 2.5, 1j], ids=["bool", "int", "float", "complex"])
def test_weak_scalar_promotion(name, scalar):
    expected = np.result_type(np.zeros(1, name), scalar)
    assert tnp.result_type(tnp.zeros(1, name), scalar).name == expected.name


@pytest.mark.parametrize("spec", ["f4", "<f8", "=i2", "|u1", "i", "d", "float", float, int, complex,
                                  bool, "complex64", "c16", "?", "b", "B", "H", "e",
                                  np.float32, np.dtype("int16"), "int", "uint", "intp"])
def test_dtype_constructor(spec):
    d = tnp.dtype(spec)
    e = np.dtype(spec)
    assert d.name == e.name
    assert (d.kind, d.char, d.itemsize, d.str) == (e.kind, e.char, e.itemsize, e.str)
    assert d == e.name and d == spec


@pytest.mark.parametrize("spec", ["U", "S5", "O", object, str, "M8[s]", "m8", "g", "clongdouble"])
def test_unsupported_dtypes_raise(spec):
    with pytest.raises((TypeError, NotImplementedError)):
        tnp.dtype(spec)


def test_bad_dtype_string_is_typeerror():
    with pytest.raises(TypeError):
        tnp.dtype("notadtype")
    with pytest.raises(TypeError):
        np.dtype("notadtype")


@pytest.mark.parametrize("attr", ["shape", "ndim", "isbuiltin", "isnative", "subdtype", "names",
                                  "fields", "hasobject", "flags", "metadata"])
def test_dtype_constant_attributes_match_and_are_read_only(attr):
    for name in ("bool", "int8", "uint64", "float16", "complex128"):
        d, n = tnp.dtype(name), np.dtype(name)
        assert getattr(d, attr) == getattr(n, attr)
        with pytest.raises(AttributeError):
            setattr(d, attr, getattr(d, attr))
    assert tnp.dtype("f8").base is tnp.dtype("f8")
