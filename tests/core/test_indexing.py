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
