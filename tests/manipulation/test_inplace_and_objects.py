"""In-place routines, index-trick objects, iterators, stride tricks: hand-written against NumPy."""
import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp


def _pair(a):
    return a.copy(), tnp.asarray(a.copy())


INPLACE = [
    ("put", lambda m, a: m.put(a, [0, 2], [11, 12])),
    ("put-cycle", lambda m, a: m.put(a, [0, 1, 2, 3], [7, 8])),
    ("put-wrap", lambda m, a: m.put(a, [-20, 30], 9, mode="wrap")),
    ("put-clip", lambda m, a: m.put(a, [-20, 30], 9, mode="clip")),
    ("put-oob", lambda m, a: m.put(a, [30], 9)),
    ("put_along_axis", lambda m, a: m.put_along_axis(a, np.array([[0], [2], [1]]), 99, 1)),
    ("put_along_axis-none", lambda m, a: m.put_along_axis(a, np.array([0, 5]), [1, 2], None)),
    ("putmask", lambda m, a: m.putmask(a, (m.arange(12).reshape(3, 4) % 3) == 0, [10, 20, 30])),
    ("putmask-size", lambda m, a: m.putmask(a, [True], 1)),
    ("place", lambda m, a: m.place(a, (m.arange(12).reshape(3, 4) % 2) == 0, [5, 6, 7])),
    ("place-empty", lambda m, a: m.place(a, m.arange(12).reshape(3, 4) > 5, [])),
    ("fill_diagonal", lambda m, a: m.fill_diagonal(a, 5)),
    ("fill_diagonal-seq", lambda m, a: m.fill_diagonal(a, [1, 2, 3])),
    ("copyto", lambda m, a: m.copyto(a, m.arange(4))),
    ("copyto-where", lambda m, a: m.copyto(a, 7, where=m.arange(12).reshape(3, 4) > 6)),
    ("copyto-cast", lambda m, a: m.copyto(a, m.arange(4) + 1.5)),
    ("copyto-shape", lambda m, a: m.copyto(a, m.arange(5))),
]


@pytest.mark.parametrize("name,fn", INPLACE, ids=[c[0] for c in INPLACE])
@pytest.mark.parametrize("dtype", ["int64", "float32", "uint16"])
def test_in_place(name, fn, dtype):
    n, t = _pair(np.arange(12).reshape(3, 4).astype(dtype))
    try:
        rn = fn(np, n)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            fn(tnp, t)
        return
    rt = fn(tnp, t)
    assert rn is None and rt is None
    assert_same(t, n)


@pytest.mark.parametrize("shape,wrap", [((5, 3), False), ((7, 3), True), ((3, 3, 3), False)])
def test_fill_diagonal_shapes(shape, wrap):
    n, t = _pair(np.zeros(shape))
    np.fill_diagonal(n, 4, wrap=wrap)
    tnp.fill_diagonal(t, 4, wrap=wrap)
    assert_same(t, n)


def test_in_place_on_non_contiguous():
    base_n = np.zeros((4, 6))
    base_t = tnp.asarray(base_n.copy())
    n, t = base_n[:, ::2], base_t[:, ::2]
    np.put(n, [0, 5], [1, 2])
    tnp.put(t, [0, 5], [1, 2])
    np.fill_diagonal(n, 3)
    tnp.fill_diagonal(t, 3)
    assert_same(base_t, base_n)


def test_put_requires_ndarray():
    with pytest.raises(TypeError):
        tnp.put([1, 2], [0], 1)


def test_r_c_s_index_exp():
    assert_same(tnp.r_[1:4, 0, [5, 6]], np.r_[1:4, 0, [5, 6]])
    assert_same(tnp.r_[0:1:5j], np.r_[0:1:5j])
    assert_same(tnp.r_["-1", np.ones((2, 2)), np.zeros((2, 1))], np.r_["-1", np.ones((2, 2)), np.zeros((2, 1))])
    assert_same(tnp.r_["0,2", [1, 2], [3, 4]], np.r_["0,2", [1, 2], [3, 4]])
    assert_same(tnp.r_["0,2,0", [1, 2], [3, 4]], np.r_["0,2,0", [1, 2], [3, 4]])
    assert_same(tnp.r_[np.int8(1), np.array([2], np.int8), 3], np.r_[np.int8(1), np.array([2], np.int8), 3])
    assert_same(tnp.c_[[1, 2, 3], [4, 5, 6]], np.c_[[1, 2, 3], [4, 5, 6]])
    assert_same(tnp.c_[np.ones((2, 2)), [7, 8]], np.c_[np.ones((2, 2)), [7, 8]])
    assert tnp.s_[1:2, ::3] == np.s_[1:2, ::3]
    assert tnp.index_exp[2] == np.index_exp[2]
    with pytest.raises(ValueError):
        tnp.r_[1, "0"]


def test_ndindex_ndenumerate():
    assert list(tnp.ndindex(2, 3)) == list(np.ndindex(2, 3))
    assert list(tnp.ndindex((2, 1))) == list(np.ndindex((2, 1)))
    assert list(tnp.ndindex()) == list(np.ndindex())
    a = np.arange(6.0).reshape(2, 3)
    got = list(tnp.ndenumerate(tnp.asarray(a)))
    exp = list(np.ndenumerate(a))
    assert [g[0] for g in got] == [e[0] for e in exp]
    for g, e in zip(got, exp):
        assert_same(g[1], e[1])
    assert [i for i, _ in tnp.ndenumerate(tnp.asarray(5))] == [()]


def test_broadcast_object():
    x, y = np.arange(3), np.arange(2)[:, None]
    bn, bt = np.broadcast(x, y), tnp.broadcast(tnp.asarray(x), tnp.asarray(y))
    assert (bt.shape, bt.nd, bt.ndim, bt.numiter, bt.size) == (bn.shape, bn.nd, bn.ndim, bn.numiter, bn.size)
    assert [tuple(int(v) for v in p) for p in bt] == [tuple(int(v) for v in p) for p in bn]
    assert bt.index == bn.index
    bt.reset()
    assert bt.index == 0
    with pytest.raises(ValueError):
        tnp.broadcast(np.arange(3), np.arange(2))


def test_flatiter():
    n = np.arange(12.0).reshape(3, 4)
    t = tnp.asarray(n.copy())
    assert len(t.flat) == len(n.flat)
    assert_same(t.flat[5], n.flat[5])
    assert_same(t.flat[-1], n.flat[-1])
    assert_same(t.flat[2:7], n.flat[2:7])
    assert_same(t.flat[[1, 3]], n.flat[[1, 3]])
    assert_same(t.flat.copy(), n.flat.copy())
    assert [float(v) for v in t.flat] == [float(v) for v in n.flat]
    t.flat[1:4] = [-1, -2, -3]
    n.flat[1:4] = [-1, -2, -3]
    t.flat[-1] = 100
    n.flat[-1] = 100
    assert_same(t, n)
    it = t.T.flat
    next(it), next(it)
    assert it.index == 2
    with pytest.raises(IndexError):
        t.flat[12]
    view_n, view_t = n[:, ::2], t[:, ::2]
    view_t.flat[3] = 55
    view_n.flat[3] = 55
    assert_same(t, n)


def test_mask_indices():
    assert_same(tnp.mask_indices(3, tnp.triu), np.mask_indices(3, np.triu))
    assert_same(tnp.mask_indices(3, tnp.triu, 1), np.mask_indices(3, np.triu, 1))


def test_mask_indices_with_own_function():
    def lower(m, k):
        return tnp.asarray(np.tril(np.asarray(m), k)) if isinstance(m, tnp.ndarray) else np.tril(m, k)
    assert_same(tnp.mask_indices(3, lower, -1), np.mask_indices(3, np.tril, -1))


@pytest.mark.filterwarnings("ignore:Casting complex values to real:numpy.exceptions.ComplexWarning")
def test_astype():
    n = np.arange(5.5)
    check("astype", n, np.int32)
    check("astype", n + 1j, np.float64)
    # complex -> bool is true when either part is nonzero (not only the real part)
    check("astype", np.array([1j, 0, 2 + 0j, complex(np.nan, 0)], np.complex64), np.bool_)
    check("astype", np.array([0j, 1e-300j]), np.bool_)
    t = tnp.asarray(n)
    assert tnp.astype(t, tnp.float64, copy=True).tensor.data_ptr() != t.tensor.data_ptr()
    with pytest.raises(TypeError):
        tnp.astype([1, 2], tnp.float64)


@pytest.mark.parametrize("args,kw", [((np.arange(6), 3), {}), ((np.arange(12).reshape(3, 4), (2, 2)), {}),
                                     ((np.arange(12).reshape(3, 4), 2), {"axis": 1}),
                                     ((np.arange(12).reshape(3, 4), (2, 2)), {"axis": (0, 0)}),
                                     ((np.arange(6), 7), {}), ((np.arange(6), -1), {}),
                                     ((np.arange(12).reshape(3, 4), 2), {}), ((np.arange(6), (2,)), {"axis": 0})])
def test_sliding_window_view(args, kw):
    check("sliding_window_view", *args, module="lib.stride_tricks", **kw)


def test_as_strided():
    n = np.arange(10, dtype=np.int32)
    t = tnp.asarray(n.copy())
    st = np.lib.stride_tricks
    assert_same(tnp.lib.stride_tricks.as_strided(t, (4, 3), (8, 4)), st.as_strided(n, (4, 3), (8, 4)))
    assert_same(tnp.lib.stride_tricks.as_strided(t[2:], (3,), (0,)), st.as_strided(n[2:], (3,), (0,)))
    with pytest.raises(NotImplementedError, match="strides"):
        tnp.lib.stride_tricks.as_strided(t, (2,), (-4,))
    with pytest.raises(NotImplementedError, match="strides"):
        tnp.lib.stride_tricks.as_strided(t, (2,), (6,))


def test_pad_callable_mode():
    def padder(vector, pad_width, iaxis, kwargs):
        value = kwargs.get("padder", 10)
        vector[:pad_width[0]] = value
        if pad_width[1]:
            vector[-pad_width[1]:] = value
    n = np.arange(6).reshape(2, 3)
    assert_same(tnp.pad(tnp.asarray(n), 2, padder), np.pad(n, 2, padder))
    assert_same(tnp.pad(tnp.asarray(n), 1, padder, padder=-3), np.pad(n, 1, padder, padder=-3))


def test_pad_empty_mode_shape():
    n = np.arange(6).reshape(2, 3)
    r = tnp.pad(tnp.asarray(n), ((1, 2), (0, 3)), "empty")
    assert r.shape == np.pad(n, ((1, 2), (0, 3)), "empty").shape and r.dtype == tnp.int64


def test_methods_share_implementation():
    n = np.arange(12).reshape(3, 4)
    t = tnp.asarray(n.copy())
    assert_same(t.take([1, 2]), n.take([1, 2]))
    assert_same(t.repeat(2, axis=0), n.repeat(2, axis=0))
    assert_same(t.nonzero(), n.nonzero())
    assert_same(t.diagonal(1), n.diagonal(1))
    assert_same(tnp.asarray([0, 1, 0]).choose([n[0, :3], n[1, :3]]), np.array([0, 1, 0]).choose([n[0, :3], n[1, :3]]))


def test_out_argument():
    n_out = np.zeros(6)
    t_out = tnp.zeros(6)
    r = tnp.concatenate([tnp.asarray([1, 2, 3]), tnp.asarray([4, 5, 6])], out=t_out)
    np.concatenate([[1, 2, 3], [4, 5, 6]], out=n_out)
    assert r is t_out
    assert_same(t_out, n_out)
    r = tnp.take(tnp.asarray([1.0, 2.0, 3.0]), [2, 0, 0, 1, 1, 2], out=t_out)
    assert r is t_out
    with pytest.raises(TypeError):
        tnp.concatenate([tnp.asarray([1.5])], out=tnp.zeros(1, dtype=tnp.int64))


def test_where_weak_scalars():
    a8 = np.arange(4, dtype=np.int8)
    check("where", a8 > 1, a8, 100)
    check("where", a8 > 1, a8, 1.5)
    f32 = np.arange(4, dtype=np.float32)
    check("where", f32 > 1, f32, 2.0)
    check("where", True, 1, 2)


@pytest.mark.parametrize("name,args", [("put", ([0, -1], [7.0, 8.0])), ("putmask", (None, -1.0)),
                                       ("place", (None, [5.0, 6.0])), ("copyto", (3.5,)),
                                       ("put_along_axis", (np.array([[0], [1], [2]]), 9.0, 1)),
                                       ("fill_diagonal", (4.0,))])
@pytest.mark.parametrize("view", ["flip", "flip-strided"])
def test_in_place_reaches_reversed_view(name, args, view):
    """A reversed view (NumPy: negative strides) must pass in-place writes to its base."""
    def make(mod, base):
        return base[::-1] if view == "flip" else base[::-1, ::2]
    nb = np.arange(24.0).reshape(3, 8) - 5
    tb = tnp.asarray(nb.copy())
    nv, tv = make(np, nb), make(tnp, tb)
    nargs = tuple(nv > 0 if a is None else a for a in args)
    targs = tuple(tv > 0 if a is None else to_tnp(a) for a in args)
    getattr(np, name)(nv, *nargs)
    getattr(tnp, name)(tv, *targs)
    assert_same(tb, nb)
    assert_same(tv, nv)
