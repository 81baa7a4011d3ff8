"""ndarray attributes, methods and protocols, differential against NumPy."""
import copy
import inspect
import json
import operator
import pickle
import warnings

import numpy as np
import pytest
import torch

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

DTYPES = ["bool", "int8", "uint8", "int32", "int64", "uint16", "uint64", "float16", "float32",
          "float64", "complex64", "complex128"]


def _arr(dtype="float64", shape=(3, 4)):
    n = (np.arange(int(np.prod(shape))) % 7).astype(dtype).reshape(shape)
    return n, to_tnp(n)


ARRAYS = {
    "2d": lambda: _arr(),
    "0d": lambda: _arr(shape=()),
    "empty": lambda: _arr(shape=(0, 3)),
    "transposed": lambda: tuple(x.T for x in _arr(shape=(2, 3, 4))),
    "reversed": lambda: tuple(x[::-1, 1::2] for x in _arr(shape=(4, 6))),
    "sliced": lambda: tuple(x[:, ::2] for x in _arr(shape=(3, 6))),
}

ATTRS = ["shape", "ndim", "size", "itemsize", "nbytes", "strides"]


@pytest.mark.parametrize("kind", list(ARRAYS))
@pytest.mark.parametrize("attr", ATTRS)
def test_attributes(kind, attr):
    n, a = ARRAYS[kind]()
    if attr == "strides" and n.size == 0:
        a = tnp.zeros(n.shape)  # strides of empty arrays depend on how they were made
    assert getattr(a, attr) == getattr(n, attr)


@pytest.mark.parametrize("dtype", DTYPES)
def test_dtype_attributes(dtype):
    n, a = _arr(dtype)
    assert a.dtype == n.dtype.name and a.itemsize == n.itemsize and a.nbytes == n.nbytes
    assert a.strides == n.strides


@pytest.mark.parametrize("kind", list(ARRAYS))
def test_flags(kind):
    n, a = ARRAYS[kind]()
    for f in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"):
        if n.size <= 1 and "CONTIGUOUS" in f:
            continue
        assert a.flags[f] == n.flags[f], f
    assert a.flags.c_contiguous == n.flags.c_contiguous or n.size <= 1
    with pytest.raises(AttributeError):
        a.flags.c_contiguous = False


def test_T_mT_device():
    n, a = _arr(shape=(2, 3, 4))
    assert_same(a.T, n.T)
    assert_same(a.mT, n.mT)
    with pytest.raises(ValueError):
        tnp.arange(3).mT
    assert a.device == torch.device("cpu")
    assert a.to_device("cpu").device == torch.device("cpu")


# --- methods with the shape impls -------------------------------------------------------------
SHAPE_CALLS = {
    "reshape": [((6, 4),), ((1, 24, 1),), (), ((-1,),), (2, -1), ((4, 6), "F"), ((-1, 2), "A"), ((5, 5),), ((-1, -1),),
                ((2, -3),), ((24,), "K")],
    "transpose": [(), ((1, 0),), (None,), ((0, 0),), ((0,),), ((2, 0),), ((-1, -2),)],
    "swapaxes": [(0, 1), (-1, 0), (0, 2)],
    "ravel": [(), ("F",), ("A",), ("K",), ("X",)],
    "flatten": [(), ("F",)],
    "squeeze": [(), (0,), ((0, 2),), (1,), (5,)],
}
SHAPE_CASES = [(m, args) for m, calls in SHAPE_CALLS.items() for args in calls]


@pytest.mark.parametrize("method,args", SHAPE_CASES, ids=[f"{m}{a}" for m, a in SHAPE_CASES])
def test_shape_methods(method, args):
    n = np.arange(24.0).reshape(4, 6)
    if method == "squeeze":
        n = n.reshape(1, 24, 1)
    check((lambda x, *a: getattr(x, method)(*a), lambda x, *a: getattr(x, method)(*a)), n, *args)
    check((lambda x, *a: getattr(x.T, method)(*a), lambda x, *a: getattr(x.T, method)(*a)), n, *args)
    check((lambda x, *a: getattr(x[::-1], method)(*a), lambda x, *a: getattr(x[::-1], method)(*a)), n, *args)


@pytest.mark.parametrize("name", ["reshape", "transpose", "ravel", "squeeze", "swapaxes"])
def test_shape_impl_signatures_match_numpy(name):
    from torchnp import _shape_impl
    from torchnp._normalize import make_public
    pub = make_public(getattr(_shape_impl, name), name)
    assert inspect.signature(pub) == inspect.signature(getattr(np, name))
    n = np.arange(6.0).reshape(1, 2, 3)
    args = {"reshape": ((3, 2),), "transpose": (), "ravel": (), "squeeze": (), "swapaxes": (0, 2)}[name]
    assert_same(pub(to_tnp(n), *args), getattr(np, name)(n, *args))


def test_reshape_to_0d():
    assert_same(tnp.asarray([5.0]).reshape(()), np.array([5.0]).reshape(()))
    assert_same(tnp.asarray([5.0])[::-1].reshape(()), np.array([5.0])[::-1].reshape(()))


def test_reshape_copy_keyword():
    n, a = _arr()
    r = a.reshape(12, copy=True)
    r[0] = 99
    assert a[0, 0] == 0
    with pytest.raises(ValueError, match="copy"):
        a.T.reshape(12, copy=False)
    assert a.reshape(12, copy=False).base is a


# --- conversion --------------------------------------------------------------------------------
@pytest.mark.parametrize("src", DTYPES)
@pytest.mark.parametrize("dst", ["bool", "int8", "uint16", "int64", "float32", "float64", "complex128"])
def test_astype(src, dst):
    n, a = _arr(src)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        warnings.simplefilter("ignore", tnp.exceptions.ComplexWarning)
        assert_same(a.astype(dst), n.astype(dst))
    for casting in ("no", "safe", "same_kind"):
        check((lambda x: x.astype(dst, casting=casting), lambda x: x.astype(dst, casting=casting)), n)


def test_astype_copy_false_and_warning():
    n, a = _arr()
    assert a.astype("float64", copy=False) is a
    assert a.astype("float64") is not a
    with pytest.warns(tnp.exceptions.ComplexWarning):
        tnp.asarray([1j]).astype("float64")


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_copy(order):
    n, a = ARRAYS["transposed"]()
    cn, ca = n.copy(order), a.copy(order)
    assert_same(ca, cn)
    assert ca.strides == cn.strides and ca.base is None
    assert_same(copy.copy(a), n)
    assert_same(copy.deepcopy(a), n)


VIEW_DTYPES = ["int8", "uint8", "int16", "int32", "float32", "int64", "float64", "complex128", "bool"]


@pytest.mark.parametrize("dst", VIEW_DTYPES)
@pytest.mark.parametrize("shape", [(2, 8), (3,), (), (4, 1)])
def test_view_dtype(dst, shape):
    n = (np.arange(int(np.prod(shape))) % 2).astype("int32").reshape(shape)
    check((lambda x: x.view(dst), lambda x: x.view(dst)), n)
    check((lambda x: x.T.view(dst), lambda x: x.T.view(dst)), n)


def test_view_writes_through():
    n, a = _arr("float64")
    v = a.view("int64")
    v[0, 0] = 0x3FF0000000000000
    assert a[0, 0] == 1.0 and v.base is a


@pytest.mark.parametrize("kind", list(ARRAYS))
def test_item_tolist(kind):
    n, a = ARRAYS[kind]()
    assert a.tolist() == n.tolist()
    if n.size:
        assert a.item(0) == n.item(0) and type(a.item(-1)) is type(n.item(-1))
        idx = (0,) * n.ndim
        assert a.item(idx) == n.item(idx)
    with pytest.raises(type(_err(lambda: n.item(100)))):
        a.item(100)
    if n.size != 1:
        with pytest.raises(ValueError):
            a.item()


def _err(f):
    try:
        f()
    except Exception as exc:  # noqa: BLE001
        return exc
    raise AssertionError("expected an error")


@pytest.mark.parametrize("dtype", DTYPES)
def test_item_types(dtype):
    n, a = _arr(dtype, (3,))
    assert type(a.item(1)) is type(n.item(1)) and a.item(1) == n.item(1)
    assert a.tolist() == n.tolist()


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("order", ["C", "F"])
def test_tobytes_and_byteswap(dtype, order):
    n, a = ARRAYS["transposed"]()
    n, a = n.astype(dtype), a.astype(dtype)
    assert a.tobytes(order) == n.tobytes(order)
    assert a.byteswap().tobytes() == n.byteswap().tobytes()


def test_byteswap_inplace():
    n, a = _arr("int32")
    assert a.byteswap(inplace=True) is a
    n.byteswap(inplace=True)
    assert_same(a, n)


@pytest.mark.parametrize("value", [3, 2.7, True, -1, 1j])
@pytest.mark.parametrize("dtype", ["int16", "float32", "complex64", "bool"])
def test_fill(value, dtype):
    n, a = _arr(dtype)
    exc = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            n.fill(value)
    except Exception as e:  # noqa: BLE001
        exc = e
    if exc is not None:
        with pytest.raises(type(exc)):
            a.fill(value)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a.fill(value)
        assert_same(a, n)


def test_len_iter_contains_delitem():
    n, a = _arr()
    assert len(a) == 3
    rows = list(a)
    assert all(isinstance(r, tnp.ndarray) and r.base is a for r in rows)
    assert [type(x) for x in a[0]] == [tnp.float64] * 4
    assert 3.0 in a and 42 not in a
    with pytest.raises(TypeError):
        len(tnp.asarray(1.0))
    with pytest.raises(TypeError):
        iter(tnp.asarray(1.0))
    with pytest.raises(ValueError):
        del a[0]


CONVERSIONS = {"bool": bool, "int": int, "float": float, "complex": complex, "index": operator.index}
CONV_INPUTS = {"0d-float": np.array(2.5), "0d-int": np.array(3), "0d-bool": np.array(True),
               "0d-complex": np.array(1 + 2j), "1-elem": np.array([4]), "2-elem": np.array([1, 2]),
               "empty": np.array([])}


@pytest.mark.parametrize("conv", list(CONVERSIONS))
@pytest.mark.parametrize("inp", list(CONV_INPUTS))
def test_python_conversions(conv, inp):
    f = CONVERSIONS[conv]
    n = CONV_INPUTS[inp]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
            expected = f(n)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            f(to_tnp(n))
        return
    got = f(to_tnp(n))
    assert got == expected and type(got) is type(expected)


def test_bool_messages():
    with pytest.raises(ValueError, match="more than one element is ambiguous"):
        bool(tnp.arange(2))
    with pytest.raises(ValueError, match="empty array is ambiguous"):
        bool(tnp.zeros(0))


def test_format():
    assert f"{tnp.asarray(2.5):.2f}" == f"{np.array(2.5):.2f}"
    assert f"{tnp.arange(3)}" == f"{np.arange(3)}"
    with pytest.raises(TypeError):
        f"{tnp.arange(3):.2f}"


@pytest.mark.parametrize("kind", list(ARRAYS))
def test_array_protocol(kind):
    n, a = ARRAYS[kind]()
    got = np.asarray(a)
    np.testing.assert_array_equal(got, n)
    assert got.dtype == n.dtype
    assert np.asarray(a, dtype="float32").dtype == np.float32
    assert np.array(a, copy=True).base is None or not np.shares_memory(np.array(a, copy=True), a.tensor.numpy())
    if kind == "reversed":  # __array_interface__ exports negative strides: no copy needed
        assert np.shares_memory(np.asarray(a, copy=False), np.asarray(a._base))
    elif kind == "2d":
        m = np.asarray(a, copy=False)
        m[0, 0] = 42
        assert a[0, 0] == 42


def test_array_interface_shares_memory():
    a = tnp.arange(6.0).reshape(2, 3)
    r = a[::-1, ::2]
    m = np.array(r, copy=None)
    np.testing.assert_array_equal(m, np.arange(6.0).reshape(2, 3)[::-1, ::2])
    iface = r.__array_interface__
    assert iface["shape"] == (2, 2) and iface["strides"] == (-24, 16)


def test_dlpack_and_namespace():
    n, a = _arr()
    np.testing.assert_array_equal(np.from_dlpack(a), n)
    assert a.__dlpack_device__() == (1, 0)
    assert torch.equal(torch.from_dlpack(a), a.tensor)
    assert a.__array_namespace__() is tnp
    with pytest.raises(ValueError):
        a.__array_namespace__(api_version="1999.01")


@pytest.mark.parametrize("kind", list(ARRAYS))
def test_pickle_dump(kind, tmp_path):
    n, a = ARRAYS[kind]()
    for b in (pickle.loads(pickle.dumps(a)), pickle.loads(a.dumps())):
        assert_same(b, n)
    a.dump(tmp_path / "x.pkl")
    with open(tmp_path / "x.pkl", "rb") as f:
        assert_same(pickle.load(f), n)


def test_tofile(tmp_path):
    n, a = _arr("int32")
    a.tofile(tmp_path / "a.bin")
    n.tofile(tmp_path / "n.bin")
    assert (tmp_path / "a.bin").read_bytes() == (tmp_path / "n.bin").read_bytes()
    a.tofile(tmp_path / "a.txt", sep=",", format="%d")
    n.tofile(tmp_path / "n.txt", sep=",", format="%d")
    assert (tmp_path / "a.txt").read_text() == (tmp_path / "n.txt").read_text()


def test_getfield_setfield():
    n = np.arange(4, dtype="int64") * 0x100000001
    a = to_tnp(n)
    assert_same(a.getfield("int32", 4), n.getfield(np.int32, 4))
    a.setfield(7, "int32", 0)
    n.setfield(7, np.int32, 0)
    assert_same(a, n)
    with pytest.raises(ValueError):
        a.getfield("int64", 4)


def test_setflags_and_readonly_message():
    a = tnp.arange(3)
    a.setflags(write=False)
    assert not a.flags.writeable
    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        a[0] = 1
    a.flags["WRITEABLE"] = True
    a[0] = 1
    assert a[0] == 1


def test_ndarray_constructor():
    a = tnp.ndarray((2, 3), dtype="int32")
    assert a.shape == (2, 3) and a.dtype == "int32"
    assert tnp.ndarray(4).dtype == "float64"
    f = tnp.ndarray((2, 3), order="F")
    assert f.flags.f_contiguous and not f.flags.c_contiguous
    with pytest.raises(ValueError):
        tnp.ndarray((-1,))


def test_flat():
    n, a = _arr()
    assert_same(a.flat[5], n.flat[5])
    assert_same(a.flat[2:7], n.flat[2:7])
    assert [x for x in a.T.flat] == [x for x in n.T.flat]
    a.flat[[1, 3]] = -1
    n.flat[[1, 3]] = -1
    assert_same(a, n)
    t, tn = a.T, n.T
    t.flat[0:3] = 9
    tn.flat[0:3] = 9
    assert_same(a, n)
    a.flat = [1, 2]
    n.flat = [1, 2]
    assert_same(a, n)
    assert len(a.flat) == 12


def test_resize():
    n, a = _arr()
    n = n.copy()
    n.resize((2, 8), refcheck=False)
    a.resize((2, 8))
    assert_same(a, n)
    with pytest.raises(ValueError):
        a[1:].resize(3)


def test_ctypes_and_data():
    n, a = _arr("int32")
    assert a.ctypes.data == a.tensor.data_ptr()
    assert bytes(a.data) == n.tobytes()
    assert a.data.shape == n.data.shape


def test_unhashable():
    with pytest.raises(TypeError):
        hash(tnp.arange(3))


# --- methods dispatched to namespace functions -------------------------------------------------
def _api_methods():
    from tests._api import API_PATH
    with open(API_PATH) as f:
        api = json.load(f)
    return sorted(e["name"] for e in api["namespaces"]["ndarray"] if e["kind"] == "method")


def test_every_numpy_ndarray_method_exists():
    missing = [m for m in _api_methods() if not hasattr(tnp.ndarray, m)]
    assert missing == []


DISPATCH = {
    "sum": ((), {"axis": 0}), "mean": ((), {}), "max": ((), {"axis": 1}), "min": ((), {}),
    "prod": ((), {}), "cumsum": ((), {"axis": 1}), "cumprod": ((), {}), "std": ((), {"axis": 0}),
    "var": ((), {}), "argmax": ((), {}), "argmin": ((), {"axis": 0}), "all": ((), {}),
    "any": ((), {"axis": 1}), "argsort": ((), {}), "argpartition": ((1,), {}),
    "nonzero": ((), {}), "repeat": ((2,), {"axis": 0}), "take": (([0, 2],), {}),
    "searchsorted": ((3,), {}), "round": ((1,), {}), "clip": ((1, 4), {}),
    "conj": ((), {}), "conjugate": ((), {}), "diagonal": ((), {}), "trace": ((), {}),
    "compress": ((np.array([True, False, True]),), {"axis": 0}), "dot": ((np.ones(4),), {}),
}


def test_dispatch_table_covers_the_routed_methods():
    from torchnp import _ndarray
    routed = set(_ndarray._METHODS) | {"compress"}
    assert set(DISPATCH) | {"choose", "put"} == routed


@pytest.mark.parametrize("name", list(DISPATCH))
def test_dispatched_methods(name):
    args, kwargs = DISPATCH[name]
    n = (np.arange(12.0) % 5).reshape(3, 4)
    if name == "searchsorted":
        n = np.arange(5.0)
    check((lambda x, *a, **k: getattr(x, name)(*a, **k), lambda x, *a, **k: getattr(x, name)(*a, **k)),
          n, *args, **kwargs)


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
def test_choose_method(mode):
    idx = np.array([[0, 1, 2], [2, 1, 5]]) if mode != "raise" else np.array([[0, 1, 2], [2, 1, 0]])
    choices = [np.arange(6).reshape(2, 3) * k for k in (1, 10, 100)]
    check((lambda x, c, **k: x.choose(c, **k), lambda x, c, **k: x.choose(c, **k)),
          idx, choices, mode=mode)


def test_choose_method_out_of_range_raises():
    check((lambda x, c: x.choose(c), lambda x, c: x.choose(c)),
          np.array([0, 3]), [np.zeros(2), np.ones(2)])


@pytest.mark.parametrize("ind, v, mode", [([0, 5], [-1.0, -2.0], "raise"), (2, 9.0, "raise"),
                                          ([1, 30], [7.0, 8.0], "wrap"), ([-20, 30], 4.0, "clip")])
def test_put_method_writes_in_place(ind, v, mode):
    n = np.arange(12.0).reshape(3, 4)
    a = to_tnp(n)
    assert a.put(ind, v, mode=mode) is None
    n.put(ind, v, mode=mode)
    assert_same(a, n)


def test_put_method_reaches_the_base():
    a = tnp.arange(6.0)
    a[1:].put([0], 50.0)
    assert a[1] == 50.0


def test_put_method_refuses_read_only():
    a = tnp.arange(6.0)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        a.put([0], 1.0)
    with pytest.raises(ValueError, match="read-only"):
        tnp.put(a, [0], 1.0)
    with pytest.raises(ValueError, match="read-only"):
        tnp.put(tnp.broadcast_to(tnp.arange(3.0), (2, 3)), [0], 1.0)
    with pytest.raises(ValueError, match="read-only"):
        tnp.put(a[::-1], [0], 1.0)
    assert_same(a, np.arange(6.0))
    with pytest.raises(TypeError):
        tnp.put([1.0, 2.0], [0], 1.0)


def test_put_method_out_of_bounds_raises_index_error():
    n = np.arange(4.0)
    with pytest.raises(IndexError):
        n.put([7], 1.0)
    with pytest.raises(IndexError):
        tnp.arange(4.0).put([7], 1.0)


def test_sort_and_partition_are_in_place():
    n = np.array([[3.0, 1, 2], [9, 7, 8]])
    a = to_tnp(n)
    r = a[:, ::-1]
    assert r.sort() is None
    n[:, ::-1].sort()
    assert_same(a, n)
    a.partition(1, axis=0)
    n.partition(1, axis=0)
    assert_same(a, n)


def test_dispatch_follows_the_namespace(monkeypatch):
    a = tnp.arange(3)
    monkeypatch.setattr(tnp, "sum", lambda x, *a, **k: "swapped", raising=False)
    assert a.sum() == "swapped"


def test_missing_plugin_error_names_function(monkeypatch):
    from torchnp import _ndarray
    monkeypatch.setattr(_ndarray, "_METHODS", _ndarray._METHODS)
    with pytest.raises(NotImplementedError, match="no_such_function"):
        _ndarray._func("no_such_function")


# --- the generated wrappers (make_public) ---------------------------------------------------
def _impl_reduce(a: "ArrayLike", axis: "AxisLike" = None, dtype: "DTypeLike" = None, out: "OutArray" = None,
                 keepdims: "KeepDims" = False, *, where: "NotImplementedType" = True) -> "ArrayOrScalar":
    """A toy reduction."""
    import torch
    return torch.sum(a, dim=axis, dtype=dtype) if axis is not None else torch.sum(a, dtype=dtype)


def _impl_reduce_twin(x: "ArrayLike", axis: "AxisLike" = None, dtype: "DTypeLike" = None, out: "OutArray" = None,
                      keepdims: "KeepDims" = False, *, where: "NotImplementedType" = True) -> "ArrayOrScalar":
    import torch
    return torch.amax(x, dim=axis) if axis is not None else torch.amax(x)


def _impl_varargs(*arrays: "ArrayLike", sep: int = 0):
    return arrays


def _impl_posonly(a: "ArrayLike", b: "ArrayLikeOrScalar | None" = None, /, c=3, *args, d, **kw):
    return (a, b, c, args, d, kw)


# the string annotations above resolve in this module's globals
from torchnp._normalize import (  # noqa: E402
    ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, AxisLike, DTypeLike, KeepDims, NotImplementedType, OutArray,
)


def test_make_public_signature_matches_impl_without_annotations():
    import inspect
    from torchnp._normalize import make_public
    for impl in (_impl_reduce, _impl_varargs, _impl_posonly):
        pub = make_public(impl, module="torchnp.testmod")
        expected = inspect.signature(impl)
        expected = expected.replace(parameters=[p.replace(annotation=inspect.Parameter.empty)
                                                for p in expected.parameters.values()],
                                    return_annotation=inspect.Signature.empty)
        assert inspect.signature(pub) == expected
        assert str(pub.__signature__) == str(expected)
        assert pub.__signature__.replace(return_annotation=int).return_annotation is int
        assert pub.__name__ == pub.__qualname__ == impl.__name__ and pub.__module__ == "torchnp.testmod"
        assert pub.__wrapped_impl__ is impl and pub.__doc__ == impl.__doc__


def test_make_public_shares_code_between_same_shaped_wrappers():
    from torchnp._normalize import _CODE_CACHE, make_public
    f = make_public(_impl_reduce, "fsum", "torchnp")
    g = make_public(_impl_reduce, "gsum", "torchnp")
    h = make_public(_impl_reduce_twin, "hmax", "torchnp")  # another parameter name: own code
    a = tnp.arange(6.0).reshape(2, 3)
    n_cached = len(_CODE_CACHE)
    f(a), g(a), h(a)  # the first call compiles (once per source) and replaces the stub's code
    assert len(_CODE_CACHE) <= n_cached + 2
    assert f.__code__.co_varnames == g.__code__.co_varnames != h.__code__.co_varnames
    k = make_public(_impl_reduce, "ksum", "torchnp")  # source known: bound at once
    assert k.__code__.co_code == f.__code__.co_code and k.__code__.co_name == "ksum"
    assert len(_CODE_CACHE) <= n_cached + 2
    assert f.__code__.co_name == "fsum" and g.__code__.co_name == "gsum"
    assert "torchnp.gsum" in g.__code__.co_filename
    assert f.__globals__ is not g.__globals__  # each wrapper binds its own impl and defaults
    assert_same(f(a), np.float64(15.0))
    assert_same(g(a, axis=1, keepdims=True), np.array([[3.0], [12.0]]))
    assert_same(h(a, 0), np.array([3.0, 4.0, 5.0]))
    out = tnp.zeros(3)
    assert f(a, 0, None, out) is out and out.tolist() == [3.0, 5.0, 7.0]
    with pytest.raises(NotImplementedError, match="where"):
        g(a, where=False)
    with pytest.raises(TypeError):
        f(a, 0, None, None, False, True)  # where is keyword-only


def test_make_public_stub_keeps_signature_and_defaults_before_the_first_call():
    import inspect
    from torchnp._normalize import make_public
    pub = make_public(_impl_posonly, "posonly_stub")
    assert pub.__defaults__ == (None, 3) and pub.__kwdefaults__ is None
    assert pub.__code__.co_name == "posonly_stub"
    assert str(inspect.signature(pub)) == "(a, b=None, /, c=3, *args, d, **kw)"
    first = pub(tnp.ones(1), d=1)
    assert first[2] == 3 and pub.__defaults__ == (None, 3)
    assert "posonly_stub" in pub.__code__.co_filename
    with pytest.raises(TypeError):
        pub(a=tnp.ones(1), d=0)  # a is positional-only in the compiled wrapper


def test_make_public_normalizes_each_tag():
    import torch
    from torchnp._normalize import make_public
    pub = make_public(_impl_posonly)
    a, b, c, args, d, kw = pub([1, 2], 2.5, 4, 5, 6, d=7, e=8)
    assert isinstance(a, tnp.ndarray) and a.dtype == tnp.int64
    assert b == 2.5 and type(b) is float  # ArrayLikeOrScalar keeps Python scalars weak
    assert (c, args, d, kw) == (4, (5, 6), 7, {"e": 8})
    assert pub(tnp.ones(2), d=0)[1] is None
    arrays = make_public(_impl_varargs)(tnp.ones(2), [1, 2], torch.zeros(1))
    assert isinstance(arrays, tuple) and all(isinstance(x, tnp.ndarray) for x in arrays)
    red = make_public(_impl_reduce)
    assert_same(red(tnp.arange(4), axis=np.int64(0)), np.int64(6))
    assert_same(red(tnp.arange(4), axis=[0]), np.int64(6))
    assert_same(red(tnp.arange(4), dtype="float32"), np.float32(6))
    with pytest.raises(TypeError):
        red(tnp.arange(4), axis=1.5)


def test_make_public_results_carry_view_slots():
    # wrappers set _base/_readonly so that views of their results are cheap (see _ndarray)
    r = tnp.zeros(4)
    assert r.base is None and r.flags.writeable and r[1:].base is r


# --- 0-d arrays with axis 0 / -1 (NumPy accepts an int axis there) ------------------------
@pytest.mark.parametrize("call", [
    ("squeeze", (0,)), ("squeeze", (-1,)), ("squeeze", (1,)), ("squeeze", ((0,),)),
    ("transpose", ([],)), ("transpose", ((),)), ("transpose", ([0],)),
], ids=lambda c: f"{c[0]}-{c[1]}")
def test_zero_d_shape_functions(call):
    name, args = call
    check(name, np.array(3.5), *args)
    check((getattr(np.ndarray, name), getattr(tnp.ndarray, name)), np.array(3.5), *args)


@pytest.mark.parametrize("fname", ["all", "any", "argmax", "argmin", "sum", "max", "mean"])
@pytest.mark.parametrize("axis", [0, -1, 1, (0,), None])
def test_zero_d_reductions_with_keepdims(fname, axis):
    check(fname, np.array(2.0), axis=axis, keepdims=True)


# --- list conversion ------------------------------------------------------------------------
LISTS = {
    "floats": [1.5, 2.0, -3.25],
    "ints": [1, -2, 3],
    "int-float": [1, 2.5],
    "bool-float": [True, 2.0],
    "bools": [True, False],
    "complex": [1j, 2],
    "nested-floats": [[1.0, 2], [3, 4]],
    "nested-ints": [[1, 2], [3, 4]],
    "nested-mixed-depth": [[1.0, 2.0], [3.0, 4.0], [5, 6]],
    "big-uint": [1, 2**63],
    "uint64-max": [2**64 - 1, 0],
    "big-int-float": [2**53 + 1, 1.0],
    "float-huge-int": [1.0, 2**64 - 1],
    "tuples": ((1.0, 2.0), (3.0, 4.0)),
    "deep": [[[1.0]], [[2.0]]],
}


@pytest.mark.parametrize("lst", LISTS.values(), ids=list(LISTS))
def test_asarray_of_python_lists(lst):
    check("asarray", lst)
    check("sum", lst)  # an ArrayLike parameter converts the same way


@pytest.mark.parametrize("bad", [[2**70], [1, -2**64], 2**70, [[1], [2**80]], [1.0, 2**64],
                                 [[1.0], [-2**80]]],
                         ids=["big", "neg-big", "scalar", "nested", "with-float", "nested-float"])
def test_ints_beyond_uint64_need_object_arrays(bad):
    with pytest.raises(NotImplementedError, match="object array"):
        tnp.asarray(bad)


def test_flat_list_conversion_owns_its_memory():
    lst = [1.0, 2.0, 3.0]
    a = tnp.asarray(lst)
    a[0] = 9.0
    assert lst == [1.0, 2.0, 3.0]
    b = tnp.sum(lst)
    assert b == 6.0
