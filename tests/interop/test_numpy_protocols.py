"""NumPy reads torchnp dtypes, scalar types, scalars and arrays (the core never imports NumPy)."""
import numpy
import pytest

import torchnp

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


@pytest.mark.parametrize("name", DTYPES)
def test_dtype_and_scalar_type(name):
    d = torchnp.dtype(name)
    assert numpy.dtype(d) == numpy.dtype(name)
    assert numpy.dtype(getattr(torchnp, name)) == numpy.dtype(name)
    assert numpy.dtype(torchnp.zeros(2, dtype=d).dtype) == numpy.dtype(name)
    assert numpy.zeros(2, dtype=d).dtype == numpy.dtype(name)
    assert numpy.result_type(d, numpy.int8) == numpy.result_type(name, numpy.int8)
    assert numpy.promote_types(d, "f4") == numpy.promote_types(name, "f4")
    assert numpy.can_cast(d, numpy.float64) == numpy.can_cast(name, numpy.float64)
    scalar = getattr(torchnp, name)(1)
    assert numpy.result_type(scalar) == numpy.dtype(name)


def test_abstract_types_and_friends():
    assert numpy.issubdtype(torchnp.float32, numpy.floating)
    assert numpy.issubdtype(torchnp.dtype("int8"), numpy.signedinteger)
    assert not numpy.issubdtype(torchnp.dtype("uint8"), numpy.signedinteger)
    with pytest.raises(TypeError):  # as numpy.dtype(numpy.floating)
        numpy.dtype(torchnp.floating)
    assert numpy.finfo(torchnp.dtype("float32")).eps == numpy.finfo(numpy.float32).eps
    assert numpy.iinfo(torchnp.int16).max == 32767


def test_arrays():
    a = torchnp.arange(6.0).reshape(2, 3)
    assert numpy.asarray(a).tolist() == a.tolist()
    r = numpy.result_type(a, 1)  # NEP 18: NumPy hands the call to torchnp
    assert r == torchnp.float64
    assert type(numpy.sum(a)) is torchnp.float64
