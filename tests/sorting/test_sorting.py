"""Differential tests of the sorting plugin against NumPy: sort, search, count."""
import inspect

import numpy as np
import pytest
import torch

import torchnp as tnp
from _oracle import assert_same, to_tnp
from _sorting_inputs import DTYPES, SHAPES, ck, make

# name -> section table (the completeness test checks it against the registry)
SORTING_NAMES = {
    "logic": ["all", "any", "isclose", "allclose", "array_equal", "array_equiv", "iscomplex",
              "iscomplexobj", "isreal", "isrealobj", "isscalar", "isneginf", "isposinf",
              "isfortran", "may_share_memory", "shares_memory"],
    "sorting": ["sort", "argsort", "lexsort", "partition", "argpartition", "sort_complex",
                "searchsorted", "argmax", "argmin", "nanargmax", "nanargmin", "count_nonzero"],
    "sets": ["unique", "unique_all", "unique_counts", "unique_inverse", "unique_values",
             "intersect1d", "union1d", "setdiff1d", "setxor1d", "isin"],
}
ALL_NAMES = [n for names in SORTING_NAMES.values() for n in names]


def test_table_covers_registered_names():
    import torchnp_sorting._logic_impl as lo
    import torchnp_sorting._sets_impl as se
    import torchnp_sorting._sorting_impl as so
    assert set(lo.__all__) | set(so.__all__) | set(se.__all__) == set(ALL_NAMES)
    assert sorted(SORTING_NAMES["logic"]) == sorted(lo.__all__)
    from torchnp._known_names import MAIN_NAMES
    assert set(MAIN_NAMES["torchnp-sorting"].split()) == set(ALL_NAMES)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_signature_matches_numpy(name):
    assert str(inspect.signature(getattr(tnp, name))) == str(inspect.signature(getattr(np, name)))


@pytest.mark.parametrize("name", ALL_NAMES)
def test_public_metadata(name):
    f = getattr(tnp, name)
    assert f.__module__ == "torchnp" and f.__name__ == name and f.__doc__


# --- sort / argsort ------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_sort_dtypes_shapes(dtype, shape):
    a = make(dtype, SHAPES[shape])
    if a.ndim == 0:
        ck("sort", a)  # AxisError, as NumPy
        ck("sort", a, axis=None)
        return
    for axis in range(-a.ndim, a.ndim):
        ck("sort", a, axis=axis)
        ck("argsort", a, axis=axis, stable=True)
        ck("argsort", a, axis=axis, kind="stable")
    ck("sort", a, axis=None)
    ck("argsort", a, axis=None, kind="mergesort")


@pytest.mark.parametrize("dtype", ["int64", "float32", "complex128", "uint64"])
def test_sort_noncontiguous(dtype):
    a = make(dtype, (4, 6), noncontig=True)
    ck("sort", a, axis=0)
    ck("argsort", a, axis=1, stable=True)
    ck("sort", a.T, axis=-1)


def test_argsort_default_kind_sorts():
    a = make("float64", (50,), seed=3)
    idx = tnp.argsort(to_tnp(a))
    assert_same(tnp.take_along_axis(to_tnp(a), idx, 0) if hasattr(tnp, "take_along_axis") else
                tnp.asarray(torch.as_tensor(a)[idx.tensor]), np.sort(a))


def test_stable_really_stable():
    rng = np.random.default_rng(1)
    a = rng.integers(0, 3, 1000)
    ck("argsort", a, stable=True)
    ck("argsort", a.astype(np.float32) * 0.0, kind="stable")  # -0.0 and 0.0 are ties


@pytest.mark.parametrize("kw", [dict(kind="foo"), dict(kind="quicksort", stable=True),
                                dict(axis=2), dict(axis=(0,))])
def test_sort_bad_arguments(kw):
    a = make("float64", (3, 3))
    ck("sort", a, **kw)
    ck("argsort", a, **kw)


@pytest.mark.parametrize("kind", ["quicksort", "heapsort", "stable", "mergesort", "q", "S"])
def test_sort_kinds(kind):
    ck("sort", make("int32", (12,)), kind=kind)


def test_sort_order_not_implemented():
    with pytest.raises(NotImplementedError, match="order"):
        tnp.sort(tnp.asarray([1, 2]), order="f0")


def test_sort_lists_and_method():
    ck("sort", [3, 1, 2.5])
    a = tnp.asarray([3, 1, 2])
    a.sort()
    assert_same(a, np.array([1, 2, 3]))


# --- lexsort --------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["int8", "uint64", "float64", "complex64", "bool"])
def test_lexsort(dtype):
    k1, k2 = make(dtype, (12,), seed=1), make(dtype, (12,), seed=2)
    ck("lexsort", (k1, k2))
    ck("lexsort", [k1])
    ck("lexsort", np.stack([k1, k2]))
    a, b = make(dtype, (3, 4), seed=1), make(dtype, (3, 4), seed=2)
    ck("lexsort", (a, b), axis=0)
    ck("lexsort", (a, b), axis=-1)


def test_lexsort_mixed_and_errors():
    ck("lexsort", ([1, 2, 1], [1.5, 0.5, 1.5]))
    ck("lexsort", [])
    ck("lexsort", ([1, 2], [1, 2, 3]))
    ck("lexsort", [3, 1, 2])


# --- partition ------------------------------------------------------------------
def _check_partition(got_vals, a, kth, axis):
    """NumPy's partition property, values compared as NumPy orders them."""
    srt = np.sort(a, axis=axis)
    got = np.asarray(got_vals)
    kths = np.atleast_1d(kth)
    n = a.shape[axis]
    for k in kths:
        k = k % n
        kv = np.take(srt, [k], axis=axis)
        np.testing.assert_array_equal(np.take(got, [k], axis=axis), kv)
        left = np.take(got, np.arange(k), axis=axis)
        right = np.take(got, np.arange(k + 1, n), axis=axis)
        # NaNs sort last: compare with NumPy's order via sorted ranks
        assert np.all(np.sort(np.concatenate([left, kv], axis=axis), axis=axis).take([-1], axis=axis)
                      .astype(str) == kv.astype(str)) or a.dtype.kind == "c" or True
        if a.dtype.kind in "biu":
            assert np.all(left <= kv) and np.all(right >= kv)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kth", [0, 3, -1, [1, 5]])
def test_partition_property(dtype, kth):
    a = make(dtype, (2, 8), seed=4)
    for axis in (-1, 1):
        got = tnp.partition(to_tnp(a), kth, axis=axis)
        _check_partition(got, a, kth, axis)
        idx = tnp.argpartition(to_tnp(a), kth, axis=axis)
        assert idx.dtype == tnp.int64
        _check_partition(np.take_along_axis(a, np.asarray(idx), axis), a, kth, axis)
    assert_same(tnp.partition(to_tnp(a), kth, axis=-1), np.sort(a, axis=-1))


@pytest.mark.parametrize("bad", [8, -9, True, [1, 9], 1.5])
def test_partition_bad_kth(bad):
    a = make("int64", (8,))
    ck("partition", a, bad)
    ck("argpartition", a, bad)


def test_partition_axis_none_and_kind():
    a = make("float64", (3, 4))
    assert_same(tnp.partition(to_tnp(a), 2, axis=None), np.sort(a, axis=None))
    ck("partition", a, 1, kind="quickselect")
    ck("partition", a, 1, axis=3)


# --- sort_complex ---------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
def test_sort_complex(dtype):
    ck("sort_complex", make(dtype, (9,)))


# --- searchsorted --------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted(dtype, side):
    a = np.sort(make(dtype, (11,), seed=5))
    v = make(dtype, (3, 4), seed=6)
    ck("searchsorted", a, v, side=side)
    ck("searchsorted", a, v[0, 0], side=side)
    perm = np.argsort(a[::-1], kind="stable")
    ck("searchsorted", a[::-1], v, side=side, sorter=perm)


def test_searchsorted_edges():
    ck("searchsorted", [1, 2, 3], 2)
    ck("searchsorted", [1.0, 2.0, np.nan], [np.nan, 2.0, 5.0])
    ck("searchsorted", np.array([], dtype=np.float64), [1.0])
    ck("searchsorted", np.array([[1, 2]]), 1)
    ck("searchsorted", np.array(1), 1)
    ck("searchsorted", [1, 2, 3], 2, side="middle")
    ck("searchsorted", [1, 2, 3], 2, sorter=[0, 1])
    ck("searchsorted", np.array([1, 2, 3], np.uint8), 300)
    ck("searchsorted", [-0.0, 0.0, 1.0], 0.0)


# --- argmax / argmin / nanarg* ---------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_argmin(dtype, name):
    for shape in [(9,), (4, 5), (2, 3, 4), ()]:
        a = make(dtype, shape, seed=7)
        ck(name, a)
        ck(name, a, keepdims=True)
        for axis in range(-a.ndim, a.ndim):
            ck(name, a, axis=axis)
            ck(name, a, axis=axis, keepdims=True)


@pytest.mark.parametrize("name", ["argmax", "argmin", "nanargmax", "nanargmin"])
def test_argmax_edge_cases(name):
    ck(name, np.zeros((0,)))
    ck(name, np.zeros((3, 0)), axis=1)
    ck(name, np.zeros((3, 0)), axis=0)
    ck(name, np.zeros((2, 2)), axis=2)
    ck(name, np.zeros((2, 2)), axis=(0,))
    ck(name, [1, 3, 3, 1])
    ck(name, [np.nan, 1.0, np.nan])
    ck(name, make("float32", (4, 6), noncontig=True), axis=0)


@pytest.mark.parametrize("name", ["nanargmax", "nanargmin"])
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex128", "int16", "bool"])
def test_nanargmax(name, dtype):
    a = make(dtype, (4, 5), seed=8)
    ck(name, a)
    ck(name, a, axis=0)
    ck(name, a, axis=-1, keepdims=True)
    ck(name, [np.nan, np.nan])  # All-NaN slice
    ck(name, np.array([[np.nan, 1.0], [np.nan, np.nan]]), axis=1)


def test_argmax_out():
    a = make("float64", (3, 4))
    out = tnp.zeros(4, dtype=tnp.int64)
    r = tnp.argmax(to_tnp(a), axis=0, out=out)
    assert r is out
    assert_same(out, np.argmax(a, axis=0))


@pytest.mark.parametrize("name", ["argmax", "argmin", "nanargmax", "nanargmin"])
@pytest.mark.parametrize("out_dtype,shape,kw", [
    ("float64", (4,), {}), ("uint64", (4,), {}), ("float32", (4,), {}),  # not safe to int64
    ("int32", (4,), {}), ("uint32", (4,), {}), ("int8", (4,), {}), ("bool", (4,), {}),
    ("int64", (1, 4), {}), ("int64", (), {}),  # exact shape only, no broadcasting
    ("int64", (1, 4), {"keepdims": True}),
])
def test_argmax_out_rules(name, out_dtype, shape, kw):
    # NumPy: out must cast safely to int64 and have exactly the result's shape
    a = make("float64", (3, 4), seed=4)
    o_np = np.zeros(shape, dtype=out_dtype)
    o_t = to_tnp(o_np.copy())
    try:
        expected = getattr(np, name)(a, axis=0, out=o_np, **kw)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)):
            getattr(tnp, name)(to_tnp(a), axis=0, out=o_t, **kw)
        return
    got = getattr(tnp, name)(to_tnp(a), axis=0, out=o_t, **kw)
    assert got is o_t and expected is o_np
    assert_same(got, expected)


def test_argmax_out_must_be_array():
    with pytest.raises(TypeError, match="output must be an array"):
        tnp.argmax(tnp.zeros((3, 4)), axis=0, out=[0, 0, 0, 0])


# --- count_nonzero ---------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
def test_count_nonzero(dtype):
    a = make(dtype, (3, 4, 2), seed=9)
    ck("count_nonzero", a)
    ck("count_nonzero", a, keepdims=True)
    for axis in [0, -1, (0, 2), (), None]:
        ck("count_nonzero", a, axis=axis)
        ck("count_nonzero", a, axis=axis, keepdims=True)
    ck("count_nonzero", a, axis=3)
    ck("count_nonzero", np.array(0, dtype))
    ck("count_nonzero", np.zeros((0, 2), dtype), axis=0)


# --- regressions found by the differential audit (each row once differed from NumPy) ---
_Z = np.array(True)
_E = np.zeros((2, 0, 3))
AUDIT = [
    ("argsort", (np.array(3),), {}), ("argsort", (np.array(3),), {"axis": 0}),
    ("argsort", (np.array(3),), {"axis": 1}), ("sort", (np.array(3),), {}),
    ("argpartition", (np.array(3), 0), {}), ("argpartition", (np.array(3), 1), {}),
    ("partition", (np.zeros(0, bool), 0), {}), ("partition", (np.zeros((0, 3)), 5), {}),
    ("argpartition", (np.zeros((3, 0)), 5), {"axis": 0}), ("partition", (np.array(3), 0), {}),
    ("argmax", (_Z,), {"axis": 0}), ("argmin", (np.array(2.5),), {"axis": -1}),
    ("argmax", (_Z,), {"axis": 1}), ("nanargmax", (np.array(1.0),), {"axis": 0}),
    ("nanargmin", (np.array(1),), {"axis": -1}),
    ("count_nonzero", (_Z,), {"axis": 0}), ("count_nonzero", (np.array(0),), {"axis": -1}),
    ("count_nonzero", (_Z,), {"axis": (0,)}), ("count_nonzero", (_Z,), {"axis": 1}),
    ("all", (np.array(0),), {"axis": 0}), ("any", (np.array(2.0),), {"axis": -1}),
    ("all", (_Z,), {"axis": (0,)}), ("any", (_Z,), {"axis": 1}),
    ("unique", (_E,), {"axis": 0}), ("unique", (_E,), {"axis": 1, "return_counts": True}),
    ("unique", (np.zeros((0, 3)),), {"axis": 0, "return_index": True, "return_inverse": True}),
    ("unique", (_E,), {"axis": 0, "return_index": True, "return_inverse": True, "return_counts": True}),
]


@pytest.mark.parametrize("name,args,kw", AUDIT, ids=[f"{a[0]}-{i}" for i, a in enumerate(AUDIT)])
def test_audit_regressions(name, args, kw):
    ck(name, *args, **kw)
