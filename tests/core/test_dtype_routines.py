"""finfo/iinfo, min_scalar_type, common_type, mintypecode, issubdtype, isdtype, constants, info."""
import math

import numpy as np
import pytest

import torchnp as tnp

FLOATS = ["float16", "float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
ALL = ["bool"] + INTS + FLOATS + ["complex64", "complex128"]


@pytest.mark.parametrize("name", FLOATS + ["complex64", "complex128"])
def test_finfo(name):
    f, e = tnp.finfo(name), np.finfo(name)
    for attr in ("bits", "nmant", "nexp", "minexp", "maxexp", "machep", "negep", "precision", "iexp"):
        assert getattr(f, attr) == getattr(e, attr), attr
    for attr in ("eps", "epsneg", "max", "min", "tiny", "smallest_normal", "smallest_subnormal", "resolution"):
        assert float(getattr(f, attr)) == float(getattr(e, attr)), attr
        assert type(getattr(f, attr)).__name__ == type(getattr(e, attr)).__name__, attr
    assert f.dtype.name == e.dtype.name


@pytest.mark.parametrize("name", INTS)
def test_iinfo(name):
    i, e = tnp.iinfo(name), np.iinfo(name)
    assert (i.min, i.max, i.bits, i.kind, i.dtype.name) == (e.min, e.max, e.bits, e.kind, e.dtype.name)


@pytest.mark.parametrize("bad", ["int64", int, "bool"])
def test_finfo_rejects_non_inexact(bad):
    with pytest.raises(ValueError):
        np.finfo(bad)
    with pytest.raises(ValueError):
        tnp.finfo(bad)


def test_iinfo_rejects_floats():
    with pytest.raises(ValueError):
        np.iinfo(float)
    with pytest.raises(ValueError):
        tnp.iinfo(float)


@pytest.mark.parametrize("value", [0, 1, 255, 256, -1, -129, 2**31, -(2**40), 2**63, 0.5, 1e5, 1e39, -1e300,
                                   math.inf, 1 + 1j, 1e200j, True])
def test_min_scalar_type(value):
    assert tnp.min_scalar_type(value).name == np.min_scalar_type(value).name


@pytest.mark.parametrize("dtypes", [("int8",), ("float32", "int16"), ("float16",), ("complex64", "float64"),
                                    ("int64", "float32"), ("uint8", "complex64")])
def test_common_type(dtypes):
    got = tnp.common_type(*[tnp.zeros(1, d) for d in dtypes])
    assert got.__name__ == np.common_type(*[np.zeros(1, d) for d in dtypes]).__name__


def test_common_type_rejects_bool():
    with pytest.raises(TypeError):
        tnp.common_type(tnp.zeros(1, bool))


@pytest.mark.parametrize("chars,typeset", [("idF", "GDFgdf"), ("if", "GDFgdf"), ("bh", "GDFgdf"),
                                           ("fd", "GDFgdf"), ("Fd", "GDFgdf"), ("f", "fd")])
def test_mintypecode(chars, typeset):
    assert tnp.mintypecode(chars, typeset) == np.mintypecode(chars, typeset)


ABSTRACT = ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating",
            "complexfloating"]


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("abstract", ABSTRACT)
def test_issubdtype_and_hierarchy(name, abstract):
    expected = np.issubdtype(name, getattr(np, abstract))
    assert tnp.issubdtype(name, getattr(tnp, abstract)) == expected
    assert issubclass(tnp.dtype(name).type, getattr(tnp, abstract)) == expected


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("kind", ["bool", "signed integer", "unsigned integer", "integral", "real floating",
                                  "complex floating", "numeric", ("integral", "real floating")])
def test_isdtype(name, kind):
    assert tnp.isdtype(tnp.dtype(name), kind) == np.isdtype(np.dtype(name), kind)


def test_isdtype_errors():
    with pytest.raises(ValueError):
        tnp.isdtype(tnp.dtype("f8"), "floating point")
    with pytest.raises(TypeError):
        tnp.isdtype("f8", "numeric")


@pytest.mark.parametrize("name", ALL)
def test_dtype_attributes(name):
    d, e = tnp.dtype(name), np.dtype(name)
    for attr in ("name", "kind", "char", "itemsize", "str", "byteorder", "num", "alignment", "ndim", "shape"):
        assert getattr(d, attr) == getattr(e, attr), attr
    assert repr(d) == repr(e) and str(d) == str(e)
    assert d.type.__name__ == e.type.__name__
    assert hash(d) == hash(tnp.dtype(name))
    assert tnp.dtype(d.str) is d


def test_dtype_pickles():
    import pickle
    d = tnp.dtype("complex64")
    assert pickle.loads(pickle.dumps(d)) is d


def test_constants():
    for name in ("pi", "e", "euler_gamma", "inf"):
        assert getattr(tnp, name) == getattr(np, name)
    assert math.isnan(tnp.nan)
    assert tnp.newaxis is None and tnp.little_endian == np.little_endian
    assert bool(tnp.True_) is True and bool(tnp.False_) is False
    assert type(tnp.True_) is tnp.bool_


def test_exceptions():
    from torchnp.exceptions import AxisError, ComplexWarning, DTypePromotionError
    err = AxisError(3, 2)
    assert isinstance(err, ValueError) and isinstance(err, IndexError)
    assert str(err) == str(np.exceptions.AxisError(3, 2))
    assert str(AxisError(3, 2, "foo")) == str(np.exceptions.AxisError(3, 2, "foo"))
    assert issubclass(ComplexWarning, RuntimeWarning) and issubclass(DTypePromotionError, TypeError)


def test_array_namespace_info():
    info = tnp.__array_namespace_info__()
    assert info.capabilities() == np.__array_namespace_info__().capabilities()
    assert {k: v.name for k, v in info.default_dtypes().items()} == \
        {k: v.name for k, v in np.__array_namespace_info__().default_dtypes().items()}
    assert str(info.devices()[0]) == "cpu"
    assert set(info.dtypes(kind="integral")) == set(np.__array_namespace_info__().dtypes(kind="integral"))
    assert tnp.__array_api_version__ == np.__array_api_version__


@pytest.mark.parametrize("axis", [1.0, "abc", np.float64(1), True, [0, 1], (0, True), 5])
@pytest.mark.parametrize("fn", ["flip", "expand_dims"])
def test_axis_argument_types(fn, axis):
    """normalize_axis_tuple takes what operator.index takes, as NumPy's does."""
    from _oracle import check
    check(fn, np.ones((2, 3)), axis=axis)
