"""Array creation routines, differential against NumPy (tests/_oracle.py)."""
import inspect

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

import torchnp as tnp
from torchnp import _creation_impl
from tests._oracle import assert_same, check, to_np

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


# --- fast paths: exact float64 ranges, argument forms -----------------------------------------
def _bits_equal(got, expected):
    """float64 results identical to NumPy's bit for bit (signed zeros included)."""
    g = got.tensor.numpy()
    assert g.dtype == expected.dtype and g.shape == expected.shape
    assert g.tobytes() == expected.tobytes(), (g, expected)


ARANGE_F64 = [
    (10.0,), (0.0, 10, 0.5), (0, 1, 0.1), (1.5, -2, -0.3), (-0.0, 3), (-0.0, 3, 0.1),
    (0.0, -3.3, -0.7), (0.0, 5, -1.0), (3, 1.0), (0.25, 100, 0.25), (-7.5, 7.5, 0.5),
    (1e15, 1e15 + 40, 2.0), (0.1, 3.3, 0.1), (0, 100, 0.3), (0, 1000, 0.7), (2.0, 66.0, 2.0),
    (0.0, 31.0), (0.0, 32.0, 1.0), (0, 33, 1.0), (0, 3.1, 0.1), (0, 3.3, 0.1),
]


@pytest.mark.parametrize("args", ARANGE_F64, ids=str)
def test_arange_float64_bit_exact(args):
    _bits_equal(tnp.arange(*args), np.arange(*args))
    _bits_equal(tnp.arange(*args, dtype="float64"), np.arange(*args, dtype="float64"))


@pytest.mark.parametrize("num", [1, 2, 3, 10, 31, 32, 33, 100, 1001])
@pytest.mark.parametrize("bounds", [(0, 1), (-0.0, -0.0), (5, 5), (1.5, -2.25), (0, 1e-300),
                                    (-1e10, 3.3), (0.1, 0.7)], ids=str)
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace_float64_bit_exact(bounds, num, endpoint):
    _bits_equal(tnp.linspace(*bounds, num, endpoint=endpoint),
                np.linspace(*bounds, num, endpoint=endpoint))


@settings(max_examples=80)
@given(start=st.integers(-100, 100) | st.floats(-1e4, 1e4, allow_nan=False),
       stop=st.integers(-100, 100) | st.floats(-1e4, 1e4, allow_nan=False),
       step=st.floats(0.01, 50) | st.floats(-50, -0.01) | st.sampled_from([0.5, 0.25, 1.0, -2.0]))
def test_arange_float64_bit_exact_hypothesis(start, stop, step):
    if abs((stop - start) / step) > 5000:
        stop = start + 5000 * step
    _bits_equal(tnp.arange(start, stop, step), np.arange(start, stop, step))


@settings(max_examples=80)
@given(start=st.floats(-1e6, 1e6), stop=st.floats(-1e6, 1e6), num=st.integers(0, 80),
       endpoint=st.booleans())
def test_linspace_float64_bit_exact_hypothesis(start, stop, num, endpoint):
    _bits_equal(tnp.linspace(start, stop, num, endpoint=endpoint),
                np.linspace(start, stop, num, endpoint=endpoint))


@pytest.mark.parametrize("args", [(10,), (3, 17), (17, 3, -4), (5, 5), (5, 1), (-3,), (0,),
                                  (-(2**62) - 5, -(2**62) + 5), (2**62, 2**62 + 3), (0, 10, 2**61),
                                  (1, 10**6, 99991)], ids=str)
def test_arange_python_ints(args):
    check("arange", *args)
    check("arange", *args, dtype="int64")


@pytest.mark.parametrize("shape", [3, (2, 3), (), (0, 4), np.int64(2), (np.int64(2), 3), [2, 3],
                                   -1, (2, -1), True, (True, 2), 2.0, (2.0, 3), ([2],)], ids=str)
@pytest.mark.parametrize("name", ["zeros", "ones", "empty", "full"])
def test_shape_forms(name, shape):
    args = (shape, 7.5) if name == "full" else (shape,)
    if name == "empty":
        check((lambda *a: np.zeros_like(np.empty(*a)), lambda *a: tnp.zeros_like(tnp.empty(*a))),
              *args)
    else:
        check(name, *args)


@pytest.mark.parametrize("fill,dtype", [(1.5, None), (3, None), (True, None), (2**62, None),
                                        (2**63 - 1, None), (-(2**63), None), (1e300, "float32"),
                                        (1e300, "float16"), (2.5, "float64"), (7, "float64"),
                                        (-1.5, "uint8"), (1 + 2j, None), (1 + 2j, "float64")],
                         ids=str)
@pytest.mark.filterwarnings("ignore::numpy.exceptions.ComplexWarning")  # NumPy's, complex -> float
def test_full_scalar_fills(fill, dtype):
    with np.errstate(over="ignore"):
        check("full", (2, 3), fill, dtype=dtype)
        check("full_like", np.zeros(3, dtype="float32"), fill, dtype=dtype)


PY_DATA = [
    [1.0, 2.5], [1, 2, 3], [[1.0, 2.0], [3.0, 4.0]], [(1.0, 2.0), [3.0, 4.0]], ([1, 2], [3, 4]),
    [1.0, 2], [1, True], [True, False], [1.0, 1j], [[1.0], [2.0, 3.0]], [[1.0, [2.0]], [3.0, 4.0]],
    [2**63 - 1, -(2**63)], [2**63], [[]], [[], []], [[1.0, 2.0], 3.0], [np.float64(1.0), 2.0],
    [[1, 2], [3, np.int8(4)]], (1.5,), [-0.0, float("nan"), float("inf")],
    # rectangular rows take the one-pass path: ints, mixed kinds, deeper nesting, big ints
    [[1, 2, 3], [4, 5, 6]], ((1, 2), (3, 4)), [[1, 2.5], [True, 4]], [[1j, 2], [3, 4]],
    [[True, False], [False, True]], [[[1, 2]], [[3, 4]]], [[1, 2], [3, [4]]],
    [[2**63 - 1, 1], [-(2**63), 0]], [[2**63, 1], [2, 3]], [[2**63, 1.5], [2, 3]], [[1], [2, 3]],
]


@pytest.mark.parametrize("data", PY_DATA, ids=str)
@pytest.mark.parametrize("name", ["asarray", "array"])
def test_python_data_inference(name, data):
    check(name, data)


def test_python_list_results_are_fresh_writable_tensors():
    data = [1.0, 2.0, 3.0]
    a = tnp.asarray(data)
    data[0] = 100.0  # the array owns a copy
    a[1] = -1.0
    assert_same(a, np.array([1.0, -1.0, 3.0]))
    assert a.flags.writeable and a.flags.owndata
    b = tnp.array([[1, 2], [3, 4]])
    b[0, 0] = 9
    assert_same(b, np.array([[9, 2], [3, 4]]))
    a.resize(5)
    assert_same(a, np.array([1.0, -1.0, 3.0, 0.0, 0.0]))
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        tnp.asarray([1.0, 2.0], copy=False)
    with pytest.raises(OverflowError):
        tnp.asarray([1, 300], dtype="int8")


def test_asarray_of_arrays_returns_the_same_tensor():
    a = tnp.arange(6.0)[::2]
    assert tnp.asarray(a).tensor is a.tensor
    assert tnp.asarray(a, order="K").tensor is a.tensor
    c = tnp.asarray(a, order="C")
    assert c.flags.c_contiguous and c.tensor.data_ptr() != a.tensor.data_ptr()
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        tnp.asarray(a, order="C", copy=False)
    assert tnp.asarray(a, copy=True).tensor.data_ptr() != a.tensor.data_ptr()
    f = tnp.asfortranarray(a)
    assert f.flags.c_contiguous and f.flags.f_contiguous


@pytest.mark.parametrize("args,kwargs", [((3,), {}), ((0,), {}), ((3,), {"dtype": "int32"}),
                                         ((3,), {"dtype": "uint16"}), ((3,), {"M": 3}),
                                         ((np.int64(3),), {}), ((-1,), {}), ((True,), {})],
                         ids=str)
def test_eye_argument_forms(args, kwargs):
    check("eye", *args, **kwargs)


@pytest.mark.parametrize("value", [0, 5, 2**63 - 1, 2**63, 2**64 - 1])
def test_numpy_uint64_scalars_convert(value):
    # torch.as_tensor reads a NumPy scalar as a Python number and refuses uint64 ones
    s = np.uint64(value)
    assert tnp.uint64(s).tolist() == value
    a = tnp.asarray(s)
    assert (a.dtype, a.shape, a.tolist()) == (tnp.uint64, (), value)
    assert tnp.asarray([s, s]).tolist() == [value, value]


@pytest.mark.filterwarnings("ignore:future versions will not create a writeable")
@pytest.mark.parametrize("copy", [True, False, None])
@pytest.mark.parametrize("sparse", [False, True])
@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize("shapes", [((3,), (2,)), ((3,), (2,), (4,)), ((3,),), ((2, 2), (3,))])
def test_meshgrid_views_as_numpy(shapes, indexing, sparse, copy):
    # a false copy (None too) gives views of the inputs, as NumPy: same values, shapes,
    # WRITEABLE flags and memory sharing; writes reach the inputs
    ins = [np.arange(float(np.prod(s))).reshape(s) for s in shapes]
    tins = [tnp.asarray(x) for x in ins]
    want = np.meshgrid(*ins, copy=copy, sparse=sparse, indexing=indexing)
    got = tnp.meshgrid(*tins, copy=copy, sparse=sparse, indexing=indexing)
    for w, g, x, tx in zip(want, got, ins, tins):
        assert g.shape == w.shape and to_np(g).tolist() == w.tolist()
        assert g.flags.writeable == w.flags.writeable
        assert tnp.shares_memory(g, tx) == np.shares_memory(w, x)


def test_meshgrid_view_of_reversed_input_writes_through():
    a = tnp.arange(3.0)
    (g,) = tnp.meshgrid(a[::-1], copy=False)
    g[0] = 7.0
    assert a.tolist() == [0.0, 1.0, 7.0]


@pytest.mark.parametrize("value", [{}, {1: 2}, [{}], {"a": [1, 2]}])
def test_mapping_is_no_sequence(value):
    # NumPy makes a 0-d object array of a dict (it is no sequence); torchnp cannot hold
    # objects and says so (it read the keys as a sequence: asarray({}) gave float64 [])
    assert np.asarray(value).dtype == object
    with pytest.raises(NotImplementedError, match="object"):
        tnp.asarray(value)
