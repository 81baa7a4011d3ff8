"""Differential tests of the sorting plugin against NumPy: logic functions and set routines."""
import numpy as np
import pytest

import torchnp as tnp
from _oracle import assert_same, to_tnp
from _sorting_inputs import DTYPES, ck, make


# --- all / any -------------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["all", "any"])
def test_all_any(dtype, name):
    for shape in [(), (0,), (3, 4, 2), (3, 0)]:
        a = make(dtype, shape, seed=2)
        ck(name, a)
        ck(name, a, keepdims=True)
        for axis in range(-a.ndim, a.ndim):
            ck(name, a, axis=axis)
            ck(name, a, axis=axis, keepdims=True)
        if a.ndim == 3:
            ck(name, a, axis=(0, 2))
            ck(name, a, axis=(-1, 0), keepdims=True)
            ck(name, a, axis=())
            ck(name, a, axis=(0, 0))
            ck(name, a, axis=3)
            where = np.array([True, False])
            ck(name, a, where=where)
            ck(name, a, axis=1, where=where, keepdims=True)
            ck(name, a, where=np.ones(3, bool))


@pytest.mark.parametrize("name", ["all", "any"])
def test_all_any_out_and_lists(name):
    ck(name, [[1, 0], [2, 3]], axis=0)
    ck(name, [np.nan, 0.0])
    a = make("int64", (3, 4))
    out = tnp.zeros(4, dtype=tnp.bool)
    assert getattr(tnp, name)(to_tnp(a), axis=0, out=out) is out
    assert_same(out, getattr(np, name)(a, axis=0))
    ck(name, make("float32", (4, 6), noncontig=True), axis=1)


# --- isclose / allclose / array_equal / array_equiv --------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["isclose", "allclose"])
def test_isclose(dtype, name):
    a = make(dtype, (3, 4), seed=1)
    b = make(dtype, (3, 4), seed=1)
    b2 = make(dtype, (4,), seed=3)
    ck(name, a, b)
    ck(name, a, b2)
    ck(name, a, b, equal_nan=True)
    ck(name, a, b2, rtol=0.5, atol=0.1)
    ck(name, a, 1)
    ck(name, a, make(dtype, (5,)))  # not broadcastable
    # array tolerances (positional: check() keeps rtol=/atol= for itself) that don't broadcast
    ck(name, a, b, np.ones((2, 2, 2)))
    ck(name, a, b, 1e-5, np.ones(5))
    ck(name, a, b, np.full((3, 1), 0.5), np.zeros(4))


@pytest.mark.parametrize("args", [(1, 1), (1.0, 1.0 + 1e-9), (np.nan, np.nan), (1, 2.0),
                                  ([1e10, 1e-7], [1.00001e10, 1e-8]), (np.inf, np.inf),
                                  (np.float32(1.0), 1.0000001), (1 + 1j, 1 + 1.000000001j)])
@pytest.mark.parametrize("name", ["isclose", "allclose"])
def test_isclose_scalars(args, name):
    ck(name, *args)
    ck(name, *args, equal_nan=True)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["array_equal", "array_equiv"])
def test_array_equal(dtype, name):
    a = make(dtype, (3, 4), seed=1)
    ck(name, a, a.copy())
    ck(name, a, a.copy(), **({"equal_nan": True} if name == "array_equal" else {}))
    ck(name, a, make(dtype, (3, 4), seed=2))
    ck(name, a, a[:1])
    ck(name, a[:1], np.broadcast_to(a[:1], (3, 4)))
    ck(name, a, a[:, :3])
    ck(name, a, a.astype(np.result_type(a.dtype, np.float64)))


def test_array_equal_equal_nan():
    ck("array_equal", [1.0, np.nan], [1.0, np.nan], equal_nan=True)
    ck("array_equal", [1.0, np.nan], [np.nan, 1.0], equal_nan=True)
    ck("array_equal", [1, 2], [1, 2], equal_nan=True)
    ck("array_equal", [complex(1, np.nan)], [complex(np.nan, 1)], equal_nan=True)


# --- type tests --------------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["iscomplex", "isreal", "iscomplexobj", "isrealobj"])
def test_type_tests(dtype, name):
    ck(name, make(dtype, (3, 4)))
    ck(name, make(dtype, ()))
    ck(name, np.zeros((0,), dtype))


@pytest.mark.parametrize("x", [1, 1.0, 1j, True, [1, 2], [1j], 2 + 0j])
@pytest.mark.parametrize("name", ["iscomplex", "isreal", "iscomplexobj", "isrealobj"])
def test_type_tests_python(x, name):
    ck(name, x)


@pytest.mark.parametrize("x", [1, 1.0, 1j, True, "s", b"b", None, [1], (1,), np.float64(1),
                               np.array(1.0), np.array([1])])
def test_isscalar(x):
    assert tnp.isscalar(to_tnp(x)) is np.isscalar(x)
    assert tnp.isscalar(tnp.float32(1)) is True


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["isneginf", "isposinf"])
def test_isinf_sign(dtype, name):
    ck(name, make(dtype, (3, 4)))
    ck(name, make(dtype, ()))


@pytest.mark.parametrize("name", ["isneginf", "isposinf"])
def test_isinf_sign_scalars_out(name):
    ck(name, -np.inf)
    ck(name, [np.inf, -np.inf, np.nan, 0.0])
    a = np.array([np.inf, -np.inf])
    out = tnp.zeros(2, dtype=tnp.bool)
    assert getattr(tnp, name)(to_tnp(a), out=out) is out
    assert_same(out, getattr(np, name)(a))


def test_isfortran():
    base = np.arange(12.0).reshape(3, 4)
    for a in [base, base.T, base[:, ::2], np.asfortranarray(base), base[:1], np.zeros((0, 3)),
              np.arange(3.0), np.array(1.0)]:
        assert tnp.isfortran(to_tnp(a) if a.flags.c_contiguous else tnp.asarray(a)) == np.isfortran(a), a
    t = tnp.asarray(base)
    assert tnp.isfortran(t.T) is True and tnp.isfortran(t) is False


# --- memory overlap ------------------------------------------------------------------
def test_shares_memory_views():
    a = tnp.arange(20.0)
    for name in ["shares_memory", "may_share_memory"]:
        f = getattr(tnp, name)
        assert f(a, a) is True
        assert f(a[:10], a[5:]) is True
        assert f(a[:10], a[10:]) is False
        assert f(a, a.copy()) is False
        assert f(a, [1, 2]) is False
        assert f(a[:0], a) is False
    assert tnp.may_share_memory(a[::2], a[1::2]) is True   # bounds overlap
    assert tnp.shares_memory(a[::2], a[1::2]) is False      # exact: interleaved
    b = a.reshape(4, 5)
    assert tnp.shares_memory(b[:, 0], b[:, 1]) is False
    assert tnp.shares_memory(b[:, 1], b[2]) is True
    with pytest.raises(tnp.exceptions.TooHardError):
        tnp.shares_memory(a[::2], a[1::2], max_work=1)


@pytest.mark.parametrize("view", [lambda a: a[::-1], lambda a: a[::-2], lambda a: a[-2::-2],
                                  lambda a: a.reshape(4, 5)[::-1, ::2], lambda a: a[:0:-3]])
@pytest.mark.parametrize("other", [lambda a: a, lambda a: a[1::2], lambda a: a[::2], lambda a: a[:3],
                                   lambda a: a[::-1], lambda a: a.reshape(4, 5)[:, 1]])
def test_shares_memory_reversed_views(view, other):
    """Reversed views (NumPy: negative strides) overlap exactly the bytes they cover."""
    n = np.arange(20.0)
    t = tnp.asarray(n.copy())
    for name in ["shares_memory", "may_share_memory"]:
        assert getattr(tnp, name)(view(t), other(t)) == getattr(np, name)(view(n), other(n)), name
        assert getattr(tnp, name)(other(t), view(t)) == getattr(np, name)(other(n), view(n)), name


def test_shares_memory_numpy_input():
    n = np.arange(10.0)
    assert tnp.shares_memory(n, n[3:]) is True
    assert tnp.shares_memory(n[:3], n[3:]) is False


# --- unique ---------------------------------------------------------------------------
UNIQUE_FLAGS = [dict(), dict(return_index=True), dict(return_inverse=True), dict(return_counts=True),
                dict(return_index=True, return_inverse=True, return_counts=True)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("flags", UNIQUE_FLAGS, ids=lambda f: "-".join(f) or "plain")
def test_unique(dtype, flags):
    for shape in [(), (0,), (15,), (3, 5)]:
        a = make(dtype, shape, seed=11)
        ck("unique", a, **flags)
        ck("unique", a, equal_nan=False, **flags)
    a = make(dtype, (4, 6), seed=11)
    ck("unique", a[:, ::2], **flags)


@pytest.mark.parametrize("dtype", ["int64", "float64", "uint16", "complex128", "bool"])
@pytest.mark.parametrize("flags", UNIQUE_FLAGS, ids=lambda f: "-".join(f) or "plain")
def test_unique_axis(dtype, flags):
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2, (6, 3)).astype(dtype)
    for axis in [0, 1, -1]:
        ck("unique", a, axis=axis, **flags)
    a3 = rng.integers(0, 2, (3, 2, 4)).astype(dtype)
    ck("unique", a3, axis=1, **flags)
    ck("unique", a3, axis=3, **flags)
    ck("unique", a.ravel(), axis=0, **flags)


def test_unique_sorted_false_values():
    a = make("float64", (20,), seed=3)
    got = tnp.unique(to_tnp(a), sorted=False)
    assert_same(tnp.sort(got), np.sort(np.unique(a, sorted=False)))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["unique_all", "unique_counts", "unique_inverse"])
def test_unique_array_api(dtype, name):
    a = make(dtype, (3, 5), seed=12)
    got = getattr(tnp, name)(to_tnp(a))
    exp = getattr(np, name)(a)
    assert type(got).__name__ == type(exp).__name__ and got._fields == exp._fields
    assert_same(tuple(got), tuple(exp))


@pytest.mark.parametrize("dtype", DTYPES)
def test_unique_values(dtype):
    # NumPy 2.3+ returns hash order (unspecified); torchnp returns sorted values
    a = make(dtype, (3, 5), seed=12)
    assert_same(tnp.unique_values(to_tnp(a)), np.sort(np.unique_values(a)))


# --- 1-D set operations -----------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["intersect1d", "union1d", "setdiff1d", "setxor1d"])
def test_set_ops(dtype, name):
    a, b = make(dtype, (12,), seed=1), make(dtype, (3, 3), seed=2)
    ck(name, a, b)
    ck(name, b, a)
    ck(name, a, np.zeros((0,), dtype))
    if name != "union1d":
        ua, ub = np.unique(a), np.unique(b)
        ck(name, ua, ub, assume_unique=True)
    if name == "intersect1d":
        ck(name, a, b, return_indices=True)
        ck(name, np.unique(a), np.unique(b), assume_unique=True, return_indices=True)


def test_set_ops_mixed_dtypes():
    for name in ["intersect1d", "union1d", "setdiff1d", "setxor1d"]:
        ck(name, np.array([1, 2, 3], np.int8), [2.5, 3.0])
        ck(name, np.array([1, 2], np.uint64), np.array([2, -1], np.int64))
        ck(name, [], [1, 2])


@pytest.mark.parametrize("dtype", DTYPES)
def test_isin(dtype):
    a, b = make(dtype, (3, 4), seed=1), make(dtype, (5,), seed=2)
    ck("isin", a, b)
    ck("isin", a, b, invert=True)
    ck("isin", a, b, kind="sort")
    ck("isin", a, b, kind="table")
    ck("isin", a[0, 0], b)
    ck("isin", a, b, assume_unique=False, invert=True, kind=None)


def test_isin_edges():
    ck("isin", [1, 2, 3], [2.0, 5.0])
    ck("isin", [np.nan, 1.0], [np.nan])
    ck("isin", [1, 2], [1], kind="hash")
    ck("isin", 3, [3])
    ck("isin", np.zeros((0, 2)), [1.0])
    ck("isin", np.array([1, 2], np.uint64), np.array([2, -1], np.int64))
