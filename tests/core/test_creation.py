"""Array creation routines, differential against NumPy (tests/_oracle.py)."""
import inspect

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

import torchnp as tnp
from torchnp import _creation_impl
from tests._oracle import assert_same, check, to_tnp

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
NUMERIC = DTYPES[1:]


def _arr(*shape, dtype="float64"):
    n = int(np.prod(shape)) if shape else 1
    return (np.arange(n) % 7 - 2).astype(dtype).reshape(shape)


NONCONTIG = np.arange(24.0).reshape(4, 6)[::2, ::-3]

# name -> list of (args, kwargs); every case runs NumPy and torchnp and compares
CASES = {
    "array": [
        (([1, 2, 3],), {}), (([1.5, 2],), {}), (([1, 2.5, 3j],), {}), (([True, False],), {}),
        (([[1, 2], [3, 4]],), {}), (([],), {}), (([[], []],), {}), ((5,), {}), ((2.5,), {}),
        ((True,), {}), ((1 + 1j,), {}), (([1, 2],), {"dtype": "float32"}),
        (([1.7, -2.7],), {"dtype": "int32"}), (([1, 2],), {"ndmin": 3}),
        ((_arr(2, 3),), {}), ((NONCONTIG,), {}), ((_arr(3, dtype="uint16"),), {}),
        (([np.float32(1), np.float32(2)],), {}), (([np.int8(1), 2],), {}),
        (([_arr(2), _arr(2)],), {}), (([300],), {"dtype": "int8"}), (([[1], [1, 2]],), {}),
        (([1, 2],), {"order": "F"}), (([1, 2],), {"order": "X"}), ((2**63,), {}),
        ((_arr(2, 3),), {"order": "F"}), ((1 + 2j,), {"dtype": "float64"}),
    ],
    "asarray": [
        (([1, 2],), {}), ((_arr(3),), {"dtype": "int16"}), ((NONCONTIG,), {}),
        ((3.0,), {}), (([1, 2],), {"copy": False}), ((_arr(3),), {"copy": True}),
        ((_arr(3),), {"dtype": "int8", "copy": False}),
    ],
    "asanyarray": [(([1, 2],), {}), ((_arr(2, 2),), {"dtype": "complex64"})],
    "ascontiguousarray": [((NONCONTIG,), {}), ((5,), {}), (([1, 2],), {"dtype": "float32"})],
    "asfortranarray": [((_arr(2, 3),), {}), ((5,), {}), ((_arr(2, 3, 4),), {})],
    "copy": [((_arr(2, 3),), {}), ((NONCONTIG,), {}), ((3,), {}), ((_arr(2, 2),), {"order": "F"})],
    "empty": [((0,), {}), (((2, 0),), {}), ((-1,), {}), (((2, -1),), {})],
    "zeros": [((3,), {}), (((2, 3),), {"dtype": "int8"}), (((),), {}), ((0,), {}),
              ((-1,), {}), (((2, 3),), {"order": "F"}), ((3,), {"order": "X"}),
              ((np.int64(2),), {}), ((2.5,), {})],
    "ones": [((3,), {}), (((2, 3),), {"dtype": "complex64"}), (((2,),), {"dtype": bool}),
             ((3,), {"dtype": "uint64"})],
    "full": [((3, 7), {}), ((3, 1.5), {}), (((2, 2), True), {}), ((3, 1 + 1j), {}),
             ((3, 7), {"dtype": "float32"}), ((3, 300), {"dtype": "int8"}),
             (((2, 3), [1, 2, 3]), {}), ((3, np.float32(2)), {}), ((3, _arr(3)), {}),
             ((3, 2.9), {"dtype": "int64"}), (((2, 2), _arr(3)), {})],
    "zeros_like": [((_arr(2, 3),), {}), ((_arr(2, dtype="int8"),), {}), (([1, 2],), {}),
                   ((_arr(2, 3),), {"dtype": "float32"}), ((_arr(2, 3),), {"shape": (4,)}),
                   ((NONCONTIG,), {})],
    "ones_like": [((_arr(2, 3),), {}), ((_arr(3, dtype="bool"),), {}), ((5,), {}),
                  ((_arr(2, 3),), {"shape": 4})],
    "empty_like": [((_arr(2, 3),), {}), ((_arr(0, 3),), {})],
    "full_like": [((_arr(2, 3), 5), {}), ((_arr(3, dtype="int32"), 2.7), {}),
                  ((_arr(3, dtype="int8"), 300), {}), ((_arr(2, 3), [1, 2, 3]), {}),
                  ((_arr(3), np.nan), {}), ((_arr(2), 1), {"dtype": "complex64"})],
    "arange": [((5,), {}), ((5.0,), {}), ((1, 10, 3), {}), ((10, 1, -2), {}),
               ((0, 1, 0.1), {}), ((1.5, -2, -0.3), {}), ((0,), {}), ((5, 1), {}),
               ((5,), {"dtype": "float32"}), ((0, 1, 0.1), {"dtype": "float32"}),
               ((0, 2, 0.1), {"dtype": "float16"}), ((0.5, 5), {"dtype": "int64"}),
               ((np.int8(5),), {}), ((np.float32(5),), {}), ((0, 5, 0), {}),
               ((np.nan,), {}), ((np.inf,), {}), ((2,), {"dtype": bool}),
               ((3,), {"dtype": bool}), ((0, 10, 3), {"dtype": "uint8"}),
               ((-3, 3), {"dtype": "int8"}), ((1e6,), {"dtype": "float32"}),
               ((0, 1j * 0 + 3, 1), {}), ((5,), {"dtype": "complex128"})],
    "linspace": [((0, 1), {}), ((0, 1, 5), {}), ((0, 1, 5), {"endpoint": False}),
                 ((0, 10, 5), {"dtype": int}), ((-5, 5, 7), {"dtype": "int8"}),
                 ((0, 1, 5), {"retstep": True}), ((0, 1, 1), {"retstep": True}),
                 ((0, 1, 0), {}), ((0, 1, -1), {}), ((1, 1, 4), {"retstep": True}),
                 ((np.float32(0), 1, 5), {}), ((np.float16(0), 1, 5), {}),
                 (([0, 1], [2, 5], 4), {}), (([0, 1], [2, 5], 4), {"axis": 1}),
                 (([0, 1], [2, 5], 4), {"axis": -1}), (([0, 1], [2, 5], 4), {"axis": 2}),
                 (([0, 1], 3, 4), {"retstep": True}), ((0, 1 + 1j, 3), {}),
                 ((0, 1, 3.5), {}), ((_arr(2, 2), 10, 3), {"axis": 1})],
    "logspace": [((0, 2, 3), {}), ((0, 2, 4), {"base": 2}), ((0, 1, 5), {"endpoint": False}),
                 ((0, 3, 4), {"dtype": int}), (([0, 1], [2, 3], 3), {}),
                 (([0, 1], [2, 3], 3), {"axis": 1}), ((0, 2, 3), {"base": [2.0, 3.0]}),
                 ((np.float32(0), 2, 3), {})],
    "geomspace": [((1, 1000, 4), {}), ((-1, -1000, 4), {}), ((1, 256, 9), {"endpoint": False}),
                  ((0, 10), {}), ((1, 1000, 4), {"dtype": int}), (([1, 2], [100, 200], 3), {}),
                  (([1, 2], [100, 200], 3), {"axis": 1}), ((1j, 1000j, 4), {}),
                  ((np.float32(1), 100, 3), {}), ((1, 10, 1), {})],
    "eye": [((3,), {}), ((3, 4), {}), ((3,), {"k": 1}), ((3, 5), {"k": -2}),
            ((3,), {"k": 5}), ((0,), {}), ((3,), {"dtype": int}), ((2,), {"dtype": bool}),
            ((3,), {"order": "F"}), ((-1,), {})],
    "identity": [((3,), {}), ((2,), {"dtype": int}), ((0,), {}), ((2,), {"dtype": "complex64"})],
    "diag": [((_arr(3),), {}), ((_arr(3),), {"k": 1}), ((_arr(3),), {"k": -2}),
             ((_arr(3, 4),), {}), ((_arr(3, 4),), {"k": 2}), ((_arr(3, 4),), {"k": -5}),
             ((_arr(2, 2, 2),), {}), (([1, 2],), {}), ((_arr(3, dtype="uint16"),), {}),
             ((_arr(0),), {})],
    "diagflat": [(([[1, 2], [3, 4]],), {}), ((_arr(3),), {"k": -1}), ((5,), {})],
    "tri": [((3,), {}), ((3, 5, 1), {}), ((3,), {"k": -1, "dtype": int}), ((0,), {}),
            ((-1,), {}), ((2, 3), {"dtype": bool})],
    "tril": [((_arr(3, 4),), {}), ((_arr(3, 4),), {"k": 1}), ((_arr(2, 3, 3),), {"k": -1}),
             ((_arr(4),), {}), ((5,), {}), ((_arr(3, 3, dtype="bool"),), {}),
             ((_arr(3, 3, dtype="uint32"),), {})],
    "triu": [((_arr(3, 4),), {}), ((_arr(3, 4),), {"k": -1}), ((_arr(2, 3, 3),), {"k": 2}),
             ((_arr(4),), {}), ((_arr(3, 3, dtype="complex64"),), {})],
    "vander": [((_arr(4),), {}), ((_arr(4),), {"N": 2}), ((_arr(3),), {"increasing": True}),
               (([1, 2, 3],), {"N": 0}), ((_arr(3, dtype="int8"),), {}),
               ((_arr(3, dtype="float32"),), {}), ((_arr(3, dtype="bool"),), {}),
               ((_arr(3, dtype="uint64"),), {}), ((_arr(2, 2),), {}),
               ((_arr(3, dtype="complex64"),), {})],
    "indices": [(((2, 3),), {}), (((2, 3),), {"sparse": True}), (((),), {}),
                (((3,),), {"dtype": float}), (((0, 2),), {})],
    "frombuffer": [((b"\x01\x02\x03\x04",), {"dtype": "uint8"}),
                   ((b"\x00" * 16,), {}), ((b"\x01\x00\x02\x00",), {"dtype": "int16"}),
                   ((b"",), {}), ((b"abc",), {"dtype": "int16"}),
                   ((b"abcd",), {"dtype": "uint8", "count": 2, "offset": 1}),
                   ((b"ab",), {"dtype": "int16", "offset": 3}),
                   ((b"abcd",), {"dtype": "uint8", "count": 9})],
}

# NumPy objects that are not called: checked by hand below
HAND_TESTED = {"fromiter", "fromfunction", "from_dlpack", "meshgrid", "mgrid", "ogrid"}


def test_table_covers_every_creation_name():
    assert set(CASES) | HAND_TESTED == set(_creation_impl.__all__)


@pytest.mark.parametrize("name", sorted(set(_creation_impl.__all__) - {"mgrid", "ogrid"}))
def test_signature_matches_numpy(name):
    assert inspect.signature(getattr(tnp, name)) == inspect.signature(getattr(np, name))


def _ids():
    for name, cases in CASES.items():
        for i, (args, kwargs) in enumerate(cases):
            yield pytest.param(name, args, kwargs, id=f"{name}-{i}")


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NumPy's own cast warnings (nan -> int)
@pytest.mark.parametrize("name,args,kwargs", list(_ids()))
def test_creation_matches_numpy(name, args, kwargs):
    if name in ("empty", "empty_like"):  # values are arbitrary: compare dtype, shape, errors
        np_fn, t_fn = getattr(np, name), getattr(tnp, name)
        check((lambda *a, **k: np.zeros_like(np_fn(*a, **k)),
               lambda *a, **k: tnp.zeros_like(t_fn(*a, **k))),
              *args, **kwargs)
    else:
        check(name, *args, **kwargs)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["zeros", "ones", "empty", "eye", "identity"])
def test_dtypes(name, dtype):
    got = getattr(tnp, name)(3, dtype=dtype)
    expected = getattr(np, name)(3, dtype=dtype)
    assert got.dtype == tnp.dtype(dtype)
    if name != "empty":
        assert_same(got, expected)


@pytest.mark.parametrize("dtype", DTYPES)
def test_array_dtype_roundtrip(dtype):
    x = (np.arange(6) % 3).astype(dtype).reshape(2, 3)
    check("array", x)
    check("asarray", x.tolist(), dtype=dtype)
    check("full", (2, 2), x.flat[1], dtype=dtype)


@pytest.mark.parametrize("dtype", NUMERIC)
def test_tri_family_dtypes(dtype):
    x = (np.arange(9) % 5).astype(dtype).reshape(3, 3)
    check("tril", x)
    check("triu", x, 1)
    check("diag", x)
    check("diag", x[0])
    check("vander", x[0])


# --- copy semantics --------------------------------------------------------------------------
def test_asarray_no_copy_shares_memory():
    a = tnp.arange(5)
    assert tnp.asarray(a).tensor is a.tensor
    b = tnp.asarray(a, copy=False)
    b[0] = 100
    assert a[0] == 100


def test_array_copies_by_default():
    a = tnp.arange(5)
    b = tnp.array(a)
    b[0] = 100
    assert a[0] == 0


def test_array_from_numpy_views_or_copies():
    x = np.arange(5.0)
    v = tnp.asarray(x)
    x[0] = 42.0
    assert float(v[0]) == 42.0  # asarray of a NumPy array is a view, as in NumPy
    c = tnp.array(x)
    x[1] = 43.0
    assert float(c[1]) == 1.0


def test_copy_false_errors():
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        tnp.asarray([1, 2], copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        tnp.asarray(tnp.arange(3), dtype="float32", copy=False)
    with pytest.raises(ValueError):
        tnp.array([1, 2], copy=False)


def test_not_implemented_like():
    with pytest.raises(NotImplementedError, match="like"):
        tnp.zeros(3, like=np.zeros(1))


def test_asarray_from_tensor_and_dlpack_objects():
    t = torch.arange(4, dtype=torch.int32)
    a = tnp.asarray(t)
    assert a.tensor is t
    assert a.dtype == tnp.int32

    class WithArray:
        def __array__(self, dtype=None, copy=None):
            return np.arange(3.0)

    assert_same(tnp.asarray(WithArray()), np.asarray(WithArray()))

    class WithInterface:
        def __init__(self):
            self._a = np.arange(3, dtype=np.int16)
            self.__array_interface__ = self._a.__array_interface__

    assert_same(tnp.asarray(WithInterface()), np.asarray(WithInterface()))


def test_unsupported_dtypes():
    with pytest.raises((TypeError, NotImplementedError)):
        tnp.zeros(3, dtype="U")
    with pytest.raises((TypeError, NotImplementedError)):
        tnp.array(["a", "b"])
    with pytest.raises((TypeError, NotImplementedError)):
        tnp.ones(2, dtype=object)
    with pytest.raises(TypeError):
        tnp.zeros(3, dtype="notadtype")


def test_order_layouts():
    f = tnp.asfortranarray(tnp.ones((2, 3)))
    assert f.flags.f_contiguous and not f.flags.c_contiguous
    c = tnp.ascontiguousarray(f)
    assert c.flags.c_contiguous
    z = tnp.zeros((2, 3), order="F")
    assert z.flags.f_contiguous
    assert tnp.empty_like(z).flags.f_contiguous  # order='K' keeps the layout
    assert tnp.empty_like(z, order="C").flags.c_contiguous


# --- iterators, functions, dlpack -------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["int64", "float32", "complex128", "bool", "uint8"])
def test_fromiter(dtype):
    assert_same(tnp.fromiter(iter([1, 0, 3]), dtype=dtype), np.fromiter(iter([1, 0, 3]), dtype=dtype))
    assert_same(tnp.fromiter((x * x for x in range(5)), dtype, count=3),
                np.fromiter((x * x for x in range(5)), dtype, count=3))


def test_fromiter_errors():
    with pytest.raises(ValueError, match="iterator too short"):
        tnp.fromiter(iter([1, 2]), dtype=int, count=5)
    with pytest.raises(TypeError):
        tnp.fromiter(iter([1, 2]))
    assert_same(tnp.fromiter([], dtype=float), np.fromiter([], dtype=float))


def test_fromfunction():
    def f(i, j):
        return i * 10 + j

    assert_same(tnp.fromfunction(f, (2, 3)), np.fromfunction(f, (2, 3)))
    assert_same(tnp.fromfunction(f, (2, 3), dtype=int), np.fromfunction(f, (2, 3), dtype=int))
    assert_same(tnp.fromfunction(lambda i, k=1: i + k, (3,), k=5),
                np.fromfunction(lambda i, k=1: i + k, (3,), k=5))


def test_frombuffer_is_a_view():
    buf = bytearray(b"\x01\x02\x03\x04")
    a = tnp.frombuffer(buf, dtype="uint8")
    buf[0] = 9
    assert int(a[0]) == 9


def test_from_dlpack():
    x = np.arange(6.0).reshape(2, 3)
    assert_same(tnp.from_dlpack(x), np.from_dlpack(x))
    t = torch.arange(3)
    assert tnp.from_dlpack(t).tensor.data_ptr() == t.data_ptr()
    a = tnp.arange(3)
    assert_same(tnp.from_dlpack(a, copy=True), np.arange(3))
    with pytest.raises(TypeError):
        tnp.from_dlpack([1, 2])


# --- grids --------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs", [{}, {"indexing": "ij"}, {"sparse": True},
                                    {"sparse": True, "indexing": "ij"}, {"copy": False}], ids=str)
@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_meshgrid(n, kwargs):
    xs = [np.arange(k + 2.0) for k in range(n)]
    check("meshgrid", *xs, **kwargs)


def test_meshgrid_errors_and_views():
    with pytest.raises(ValueError, match="indexing"):
        tnp.meshgrid([1], [2], indexing="ab")
    x = tnp.arange(3)
    X, Y = tnp.meshgrid(x, tnp.arange(2), copy=False)
    assert X.tensor.data_ptr() == x.tensor.data_ptr()


@pytest.mark.parametrize("key", [
    np.s_[0:5], np.s_[0:5:2], np.s_[1:2:0.25], np.s_[-1:1:5j], np.s_[0:3, 0:2],
    np.s_[0:1:0.5, 0:4:2], np.s_[0:3:4j, 1:2], np.s_[5:0:-1],
], ids=str)
@pytest.mark.parametrize("grid", ["mgrid", "ogrid"])
def test_nd_grids(grid, key):
    expected = getattr(np, grid)[key]
    got = getattr(tnp, grid)[key]
    if isinstance(expected, list):  # ogrid of several slices: NumPy gives a tuple
        expected = tuple(expected)
    assert_same(got, expected)


# --- hypothesis: ranges ----------------------------------------------------------------------------
@settings(max_examples=60)
@given(start=st.integers(-50, 50) | st.floats(-50, 50, allow_nan=False),
       stop=st.integers(-50, 50) | st.floats(-50, 50, allow_nan=False),
       step=st.sampled_from([1, 2, -1, -3, 0.5, -0.25, 0.1, 3.7]),
       dtype=st.sampled_from([None, "float64", "float32", "int64", "int16"]))
def test_arange_hypothesis(start, stop, step, dtype):
    try:
        expected = np.arange(start, stop, step, dtype=dtype)
    except Exception as exc:  # noqa: BLE001 - the same class must come out of torchnp
        with pytest.raises(type(exc)):
            tnp.arange(start, stop, step, dtype=dtype)
        return
    got = tnp.arange(start, stop, step, dtype=dtype)
    assert_same(got, expected, rtol=1e-6 if dtype == "float32" else None, atol=1e-12)


@settings(max_examples=60)
@given(start=st.floats(-1e3, 1e3), stop=st.floats(-1e3, 1e3), num=st.integers(0, 20),
       endpoint=st.booleans(), dtype=st.sampled_from([None, "float32", "int64", "float16"]))
def test_linspace_hypothesis(start, stop, num, endpoint, dtype):
    expected = np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    got = tnp.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    if dtype == "int64":  # floor() of values within an ulp of an integer may differ by one
        np.testing.assert_allclose(got.tensor.numpy(), expected, atol=1)
        assert got.dtype == expected.dtype
    else:
        assert_same(got, expected, atol=1e-9 * (abs(start) + abs(stop)) + 1e-12)


def test_default_float64_not_torch_default():
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float32)
    try:
        assert tnp.zeros(2).dtype == tnp.float64
        assert tnp.linspace(0, 1, 3).dtype == tnp.float64
        assert tnp.arange(0.5, 2).dtype == tnp.float64
        assert tnp.array([1.5]).dtype == tnp.float64
        assert tnp.mgrid[0:1:0.5].dtype == tnp.float64
    finally:
        torch.set_default_dtype(old)
