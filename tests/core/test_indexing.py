"""Indexing of ndarrays, differential against NumPy: basic, advanced, mixed, errors, assignment."""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import torchnp as tnp
from tests._oracle import assert_same, to_tnp


def _pair(shape, dtype="int64"):
    n = np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)
    return n, to_tnp(n)


def _check_get(n, key):
    try:
        expected = n[key]
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)) as info:
            to_tnp(n)[to_tnp(key)]
        return exc, info.value
    got = to_tnp(n)[to_tnp(key)]
    assert_same(got, expected)
    return expected, got


# --- table of keys on a (3, 4, 5) array -----------------------------------------------
I = np.array
KEYS = {
    "int": 1, "neg-int": -1, "int-tuple": (1, 2), "full-int": (1, 2, 3),
    "slice": slice(1, 3), "slice-step": slice(None, None, 2), "slice-neg": slice(None, None, -1),
    "slice-neg-step": (slice(None), slice(3, 0, -2)), "slice-empty": slice(5, 1),
    "ellipsis": Ellipsis, "ellipsis-int": (Ellipsis, 1), "int-ellipsis-int": (0, Ellipsis, 0),
    "newaxis": None, "newaxis-mid": (slice(None), None, 1), "unit-tuple": (),
    "np-int": np.int64(2), "0d-int-array": I(1), "list": [0, 2], "list-neg": [-1, 0, -3],
    "array-2d": I([[0, 1], [2, 0]]), "empty-list": [], "bool-1d": I([True, False, True]),
    "bool-2d": np.arange(12).reshape(3, 4) % 3 == 0, "bool-3d": np.arange(60).reshape(3, 4, 5) % 7 == 0,
    "bool-scalar-true": True, "bool-scalar-false": False, "np-bool": np.bool_(True),
    "mixed-adjacent": (slice(None), [0, 1], [1, 2]), "mixed-separated": ([0, 1], slice(None), [1, 2]),
    "int-slice-array": (0, slice(None), [1, 2]), "array-int": ([0, 2], 1),
    "newaxis-array-newaxis-int": (None, [0, 1], None, 0), "ellipsis-array": (Ellipsis, [0, 4]),
    "array-neg-slice": ([2, 0], slice(None, None, -1)), "neg-slice-array-neg-slice": (slice(None, None, -1), [0, 2], slice(None, None, -2)),
    "broadcast-arrays": (I([[0], [2]]), slice(1, 3), I([1, 3, 4])),
    "bool-and-int": (I([True, False, True]), 1), "0d-bool-with-array": (True, [0, 1]),
    # errors
    "oob-int": 3, "oob-neg": -4, "oob-inner": (0, 4), "oob-array": [0, 3], "oob-neg-array": ([-4],),
    "too-many": (0, 0, 0, 0), "float": 1.0, "float-array": I([1.0]), "two-ellipsis": (Ellipsis, Ellipsis),
    "bool-mismatch": I([True, False]), "bad-broadcast": ([0, 1], [0, 1, 2]), "str": "a",
    "zero-step": slice(None, None, 0),
}


@pytest.mark.parametrize("key", list(KEYS.values()), ids=list(KEYS))
def test_getitem_table(key):
    n, _ = _pair((3, 4, 5))
    _check_get(n, key)


ERROR_MESSAGES = ["oob-int", "oob-inner", "oob-array", "too-many", "float", "bool-mismatch", "two-ellipsis"]


@pytest.mark.parametrize("name", ERROR_MESSAGES)
def test_error_messages_match_numpy(name):
    n, _ = _pair((3, 4, 5))
    exc, got = _check_get(n, KEYS[name])
    assert str(got) == str(exc)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "uint64", "float16", "float32", "complex128"])
def test_getitem_dtypes(dtype):
    n = (np.arange(12) % 5).astype(dtype).reshape(3, 4)
    for key in (1, (1, 2), slice(None, None, -1), [0, 2], n.real > 1 if dtype != "bool" else n, (Ellipsis, 0)):
        _check_get(n, key)


def test_zero_d_array():
    n = np.array(5.0)
    for key in ((), Ellipsis, None, True, False, (None, Ellipsis)):
        _check_get(n, key)
    assert type(to_tnp(n)[()]) is tnp.float64
    assert isinstance(to_tnp(n)[...], tnp.ndarray)


def test_scalar_indices_are_copies():
    a = tnp.arange(3)
    s = a[1]
    a[1] = 10
    assert s == 1 and type(s) is tnp.int64


@given(data=st.data())
def test_basic_indices_hypothesis(data):
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5))
    key = data.draw(hnp.basic_indices(shape, allow_newaxis=True, allow_ellipsis=True))
    n, a = _pair(shape)
    expected = n[key]
    got = a[key]
    assert_same(got, expected)
    if isinstance(expected, np.ndarray) and expected.size:
        # views: a write through the view reaches the base, and base writes reach the view
        expected[...] = -1
        got[...] = -1
        assert_same(a, n)
        n[...] = 7
        a[...] = 7
        assert_same(got, expected)


@given(data=st.data())
def test_integer_array_indices_hypothesis(data):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5))
    key = data.draw(hnp.integer_array_indices(shape, result_shape=hnp.array_shapes(min_dims=0, max_dims=2, max_side=3)))
    n, a = _pair(shape)
    assert_same(a[to_tnp(key)], n[key])


@given(data=st.data())
def test_setitem_basic_hypothesis(data):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    key = data.draw(hnp.basic_indices(shape, allow_newaxis=True, allow_ellipsis=True))
    n, a = _pair(shape, "float64")
    target = n[key]
    vshape = data.draw(hnp.broadcastable_shapes(np.shape(target), max_dims=np.ndim(target), min_side=0))
    if np.broadcast_shapes(vshape, np.shape(target)) != np.shape(target):
        vshape = ()
    value = np.arange(int(np.prod(vshape)), dtype="float64").reshape(vshape) * -1 - 1
    n[key] = value
    a[key] = to_tnp(value)
    assert_same(a, n)


SET_CASES = {
    "int-scalar": (1, 5), "slice-list": (slice(0, 2), [9, 8, 7, 6]), "neg-step": (slice(None, None, -1), np.arange(4)),
    "fancy": ([0, 2], 1.5), "fancy-broadcast": (([0, 2], [1, 3]), [10, 20]), "mask": (None, None),
    "mixed": ((slice(None), [0, 3]), [[1, 2]]), "mixed-neg": ((slice(None, None, -1), [0, 3]), np.arange(6).reshape(3, 2)),
    "int-and-array": ((1, [0, 2]), -3), "float-truncates": (0, 2.7), "ellipsis": (Ellipsis, 1),
    "leading-ones": (slice(0, 2), np.ones((1, 1, 4))), "bad-shape": (slice(0, 2), [1, 2, 3]),
    "bad-fancy-shape": ([0, 1], [[1, 2, 3, 4]] * 3), "overflow": (0, 300), "complex-scalar": (0, 1j),
}


@pytest.mark.parametrize("dtype", ["int8", "float32", "complex64"])
@pytest.mark.parametrize("case", list(SET_CASES), ids=list(SET_CASES))
def test_setitem_table(case, dtype):
    key, value = SET_CASES[case]
    n = np.arange(12).astype(dtype).reshape(3, 4)
    if case == "mask":
        key, value = n.real > 4, 0
    a = to_tnp(n)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            n[key] = value
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            a[to_tnp(key)] = to_tnp(value)
        return
    a[to_tnp(key)] = to_tnp(value)
    assert_same(a, n)


def test_complex_array_into_real_warns():
    a = tnp.zeros(3)
    with pytest.warns(tnp.exceptions.ComplexWarning):
        a[:] = tnp.asarray([1 + 1j, 2j, 3])
    assert a.tolist() == [1.0, 0.0, 3.0]


def test_setitem_overlapping_is_like_numpy():
    n, a = _pair((6,))
    n[1:] = n[:-1]
    a[1:] = a[:-1]
    assert_same(a, n)
    n[::-1] = n
    a[::-1] = a
    assert_same(a, n)


def test_readonly_rejects_writes():
    a = tnp.arange(4)
    a.setflags(write=False)
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        a[0] = 1
    with pytest.raises(ValueError, match="read-only"):
        a[::-1][0] = 1
    with pytest.raises(ValueError, match="read-only"):
        a.fill(0)
    assert a.tolist() == [0, 1, 2, 3]
    assert not a[1:].flags.writeable


def test_index_with_torchnp_scalars_and_arrays():
    n, a = _pair((4, 3))
    assert_same(a[tnp.int64(2)], n[np.int64(2)])
    assert_same(a[tnp.asarray([3, 0]), tnp.asarray(1)], n[np.array([3, 0]), np.array(1)])
    assert_same(a[a > 5] if hasattr(tnp, "greater") else a[tnp.asarray(n > 5)], n[n > 5])


# --- the single-index fast paths (one int, one slice, one integer array / mask) ----------------
ONE_INDEX_KEYS = {
    "int": 3, "neg-int": -10, "oob-int": 10, "oob-neg-int": -11, "slice": slice(2, 5),
    "slice-none": slice(None), "list": [1, 3, 5], "list-neg": [-1, -10, 0], "list-2d": [[0, 1], [2, 9]],
    "list-bool": [True, False] * 5, "list-oob": [0, 10], "list-neg-oob": [-11], "list-float": [1.0],
    "list-mixed-scalars": [1, np.int64(2)], "empty-list": [],
    "int8": I([1, -2], dtype="int8"), "int32": I([[4], [5]], dtype="int32"), "uint8": I([1, 2], dtype="uint8"),
    "uint64": I([9], dtype="uint64"), "int64-oob": I([3, 12]), "mask": np.arange(10) % 3 == 0,
    "mask-short": I([True, False]), "mask-2d": np.ones((2, 5), bool), "0d-int": I(4), "0d-bool": I(True),
}


@pytest.mark.parametrize("shape", [(10,), (10, 2)], ids=["1d", "2d"])
@pytest.mark.parametrize("key", list(ONE_INDEX_KEYS.values()), ids=list(ONE_INDEX_KEYS))
def test_single_index_keys(key, shape):
    n = np.arange(int(np.prod(shape)), dtype="float64").reshape(shape)
    exc, got = _check_get(n, key)
    if isinstance(exc, IndexError) and "out of bounds" in str(exc):
        assert str(got) == str(exc)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
                                   "int64", "uint64", "float16", "float32", "float64", "complex64",
                                   "complex128"])
def test_single_int_scalar_every_dtype(dtype):
    # torch.take (the 1-D scalar path) has no uint16/32/64 kernels: the fallback must serve them
    n = (np.arange(6) % 4).astype(dtype)
    a = to_tnp(n)
    for i in (0, 3, -1):
        assert_same(a[i], n[i])
    assert_same(a[[2, -1]], n[[2, -1]])
    assert_same(a[n.real > 1], n[n.real > 1])


@pytest.mark.parametrize("i", [0, 5, -6, 2000, -3000])
def test_scalar_from_1d_is_a_copy(i):
    n = np.arange(4000.0)[:6] if abs(i) < 6 else np.arange(4000.0)
    a = to_tnp(n)
    s = a[i]
    assert_same(s, n[i])
    a[i] = -7.0
    assert s == n[i] and a[i] == -7.0


def test_fast_path_results_own_their_data_or_view_the_root():
    a = tnp.arange(12.0)
    fancy = a[[0, 1]]
    assert fancy.base is None and fancy.flags.writeable
    fancy[0] = 100
    assert a[0] == 0
    v = a.reshape(3, 4)[1]  # int on a 2-D view: a view of the root
    assert v.base is a
    v[0] = 100
    assert a[4] == 100
    s = a[2:5]
    assert s.base is a and s[1:].base is a


def test_fast_paths_keep_read_only():
    a = tnp.arange(12.0)
    a.flags.writeable = False
    for view in (a[2:5], a.reshape(3, 4), a.reshape(3, 4)[1], a.reshape(3, 4).T):
        assert not view.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            view[0] = 1
    assert a[[0, 1]].flags.writeable  # advanced indexing copies
    with pytest.raises(ValueError, match="read-only"):
        a[[0, 1]] = 5


SET_ONE_INDEX = {
    "list": ([1, 3], [10.0, 20.0]), "list-scalar": ([1, -1], 7.0), "repeated": ([2, 2], [1.0, 2.0]),
    "ndarray": (I([[0], [4]]), 3.0), "int32": (I([1], dtype="int32"), 4.0), "mask": (np.arange(6) > 3, -1.0),
    "mask-values": (np.arange(6) > 3, [8.0, 9.0]), "oob": ([0, 1, 9, 2], 1.0), "neg-oob": ([0, -7], 1.0),
    "bad-values": ([0, 1], [1.0, 2.0, 3.0]), "mask-short": (I([True, False]), 1.0),
    "value-leading-ones": ([0, 1], np.ones((1, 2))), "complex-value": ([0], 1j), "empty": ([], 5.0),
}


@pytest.mark.parametrize("case", list(SET_ONE_INDEX), ids=list(SET_ONE_INDEX))
def test_setitem_single_index(case):
    key, value = SET_ONE_INDEX[case]
    n = np.arange(6.0)
    a = to_tnp(n)
    try:
        n[key] = value
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)) as info:
            a[to_tnp(key)] = to_tnp(value)
        if isinstance(exc, IndexError):
            assert str(info.value) == str(exc)
        # nothing was written before the error (NumPy checks first, torch would write part)
        assert a.tolist() == np.arange(6.0).tolist()
        return
    a[to_tnp(key)] = to_tnp(value)
    assert_same(a, n)


@pytest.mark.parametrize("args", [(2, 5), ((5, 2),), ([10],), (-1, 5), (5, -1), ((),), (2, -2),
                                  (3, 3), ((0, -1),), (10, 1, 1), (1, -1, 1), (4,), (-1, 3),
                                  (2, 3, -1), ((-1, -1),)])
@pytest.mark.parametrize("layout", ["contiguous", "transposed", "strided"])
def test_reshape_fast_path_matches_numpy(args, layout):
    size = 10 if args != ((),) else 1
    n = {"contiguous": np.arange(float(size)), "transposed": np.arange(float(size)).reshape(-1, 1).T,
         "strided": np.arange(2.0 * size)[::2]}[layout]
    a = {"contiguous": tnp.arange(float(size)), "transposed": tnp.arange(float(size)).reshape(-1, 1).T,
         "strided": tnp.arange(2.0 * size)[::2]}[layout]
    try:
        expected = n.reshape(*args)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)) as info:
            a.reshape(*args)
        assert str(info.value) == str(exc)
        return
    got = a.reshape(*args)
    assert_same(got, expected)
    assert (got.base is not None) == np.shares_memory(expected, n)


@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (2, 3, 4)])
def test_T_is_a_view(shape):
    n = np.arange(int(np.prod(shape)), dtype="int32").reshape(shape)
    a = to_tnp(n)
    assert_same(a.T, n.T)
    t = a.T
    assert t.base is a
    if t.size:
        t[(0,) * t.ndim] = 99
        assert a[(0,) * a.ndim] == 99


# --- unsigned dtypes torch lacks kernels for ------------------------------------------------
@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64"])
def test_unsigned_reversed_and_fancy_writes(dtype):
    n = np.arange(12, dtype=dtype).reshape(3, 4)
    a = to_tnp(n)
    assert_same(a[::-1], n[::-1])
    assert_same(a[::-1, ::-2] + 0, n[::-1, ::-2] + 0)
    big = int(np.iinfo(dtype).max)
    for key, value in [(([0, 2], [1, 3]), big), ((slice(None, None, -1), [0, 3]), 7),
                       (n > 5, 1), ([1], np.array([[1, 2, 3, 4]], dtype=dtype))]:
        n[key] = value
        a[to_tnp(key) if isinstance(key, np.ndarray) else key] = to_tnp(value)
        assert_same(a, n)
    v = a[:, ::-1]
    v[[0, 1], 0] = 5
    n[:, ::-1][[0, 1], 0] = 5
    assert_same(a, n)
