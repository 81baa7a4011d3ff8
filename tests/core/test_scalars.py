"""torchnp scalar types: construction, hierarchy, Python protocols, array-like methods."""
import copy
import operator
import pickle

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same

NAMES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
ABSTRACT = ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
            "floating", "complexfloating"]


@pytest.mark.parametrize("name", NAMES)
def test_hierarchy_matches_numpy(name):
    ours, theirs = getattr(tnp, name), getattr(np, name)
    for abstract in ABSTRACT:
        assert issubclass(ours, getattr(tnp, abstract)) == issubclass(theirs, getattr(np, abstract)), abstract
    x = ours(1)
    assert type(x) is ours and isinstance(x, tnp.generic)


CTOR_ARGS = {
    "int": 3, "neg-int": -2, "float": 2.75, "bool": True, "complex": 1 + 2j, "str-int": "12",
    "str-float": "1.5", "str-complex": "1+2j", "list": [1, 2], "nested": [[1.5], [2.5]],
    "0d-array": np.array(7), "big": 300, "huge": 2**63, "none": None, "nan-str": "nan",
    "no-arg": "<none>",
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("arg", list(CTOR_ARGS))
def test_constructor(name, arg):
    value = CTOR_ARGS[arg]
    args = () if value == "<none>" else (value,)
    try:
        with np.errstate(over="ignore"):  # float16(2**63) overflows to inf in both
            expected = getattr(np, name)(*args)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            getattr(tnp, name)(*(tnp.asarray(a) if isinstance(a, np.ndarray) else a for a in args))
        return
    got = getattr(tnp, name)(*(tnp.asarray(a) if isinstance(a, np.ndarray) else a for a in args))
    assert_same(got, expected)


def test_constructor_from_array_gives_array():
    r = tnp.float64([1, 2])
    assert isinstance(r, tnp.ndarray) and r.dtype == "float64"
    a = tnp.asarray([1.5, 2.5])
    s = tnp.float32(a[0])
    assert type(s) is tnp.float32 and s == 1.5


@pytest.mark.parametrize("name", NAMES)
def test_python_protocols(name):
    n, t = getattr(np, name)(3), getattr(tnp, name)(3)
    assert hash(t) == hash(n) == hash(t.item())
    assert {t: "x"}[t.item()] == "x"
    assert f"{t}" == f"{n}" and str(t) == str(n)
    assert repr(t) == repr(n)
    assert t.item() == n.item() and type(t.item()) is type(n.item())
    if name[0] in "iu":
        assert operator.index(t) == 3 and list(range(t)) == [0, 1, 2]
        assert f"{t:04d}" == f"{n:04d}"
    else:
        with pytest.raises(TypeError):
            operator.index(t)
    if name.startswith("float"):
        assert f"{t:.3f}" == f"{n:.3f}" and round(t) == round(n) and type(round(t)) is int
    if not name.startswith("complex"):
        assert int(t) == int(n) and float(t) == float(n)
    else:
        with pytest.raises(TypeError):
            int(t)
    assert complex(t) == complex(n) and bool(t) is bool(n)


@pytest.mark.parametrize("name", ["int64", "float32", "complex128", "bool"])
def test_pickle_copy(name):
    t = getattr(tnp, name)(1)
    assert type(pickle.loads(pickle.dumps(t))) is type(t)
    assert pickle.loads(pickle.dumps(t)) == t
    assert copy.copy(t) is t and copy.deepcopy(t) is t


def test_scalar_attributes():
    n, t = np.float32(2.5), tnp.float32(2.5)
    for attr in ("shape", "ndim", "size", "itemsize", "nbytes", "strides"):
        assert getattr(t, attr) == getattr(n, attr), attr
    assert t.dtype == "float32" and t.base is None and t.T is t
    z = tnp.complex64(1 + 2j)
    assert type(z.real) is tnp.float32 and z.imag == 2


def test_scalar_indexing():
    n, t = np.float64(2.5), tnp.float64(2.5)
    assert t[()] is t
    assert_same(t[...], n[...])
    assert_same(t[None], n[None])
    with pytest.raises(IndexError):
        t[0]


ARRAY_METHODS = {
    "reshape": (1,), "ravel": (), "flatten": (), "squeeze": (), "transpose": (), "copy": (),
    "tolist": (), "item": (), "astype": ("int8",), "tobytes": (), "view": ("int64",),
    "byteswap": (), "swapaxes": None,
}


@pytest.mark.parametrize("method", [m for m, a in ARRAY_METHODS.items() if a is not None])
def test_array_like_methods(method):
    args = ARRAY_METHODS[method]
    n, t = np.float64(2.5), tnp.float64(2.5)
    expected = getattr(n, method)(*args)
    got = getattr(t, method)(*args)
    if isinstance(expected, bytes):
        assert got == expected
    else:
        assert_same(got, expected)


def test_reshape_result_does_not_alias_scalar():
    t = tnp.float64(1.0)
    r = t.reshape(1)
    r[0] = 5
    assert t == 1.0 if hasattr(tnp, "equal") else t.item() == 1.0


def test_astype_casting():
    with pytest.raises(TypeError):
        tnp.float64(1.5).astype("int64", casting="safe")


def test_reductions_on_scalars():
    assert_same(tnp.float32(2.0).sum(), np.float32(2.0).sum())
    assert_same(tnp.int8(3).max(), np.int8(3).max())


def test_inplace_operators_do_not_mutate():
    x = tnp.float64(1.0)
    y = x
    y += 1
    assert x.item() == 1.0 and y.item() == 2.0 and type(y) is tnp.float64
    assert_same(tnp.int8(100) + tnp.int8(1), np.int8(100) + np.int8(1))
    assert_same(tnp.float32(1.5) * 2, np.float32(1.5) * 2)


def test_docstring_mentions_python_subclass_difference():
    assert "not a subclass of Python's" in tnp.generic.__doc__
    assert not isinstance(tnp.float64(1.0), float)
