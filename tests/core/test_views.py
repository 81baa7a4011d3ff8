"""View semantics are data semantics: writes through views reach the base and back.

Each case builds the same view in NumPy and torchnp, writes through the view,
writes through the base, and compares both arrays after each step.
"""
import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same, to_tnp


def _base():
    n = np.arange(24, dtype=np.float64).reshape(4, 6)
    return n, to_tnp(n)


VIEWS = {
    "slice": lambda a: a[1:3, ::2],
    "neg-step": lambda a: a[::-1],
    "neg-step-both": lambda a: a[::-2, ::-1],
    "neg-step-of-neg-step": lambda a: a[::-1][1:, ::-1][::-1],
    "int-row": lambda a: a[2],
    "neg-int-col": lambda a: a[:, -1],
    "ellipsis": lambda a: a[...],
    "newaxis": lambda a: a[None, :, 1],
    "T": lambda a: a.T,
    "mT": lambda a: a.mT,
    "transpose": lambda a: a.transpose(1, 0),
    "swapaxes": lambda a: a.swapaxes(0, 1),
    "reshape": lambda a: a.reshape(2, 12),
    "reshape-F": lambda a: a.T.reshape(3, 8, order="F"),
    "ravel": lambda a: a.ravel(),
    "squeeze": lambda a: a[1:2].squeeze(),
    "view": lambda a: a.view(),
    "neg-step-T": lambda a: a[::-1].T,
    "neg-step-reshape": lambda a: a[::-1].reshape(2, 2, 6),
    "neg-step-reshape-all": lambda a: a[::-1, ::-1].reshape(-1),
    "neg-step-squeeze": lambda a: a[::-1, 2:3].squeeze(),
    "neg-step-swapaxes": lambda a: a[:, ::-1].swapaxes(0, 1),
    "neg-step-view-dtype": lambda a: a[::-1].view(np.int64 if isinstance(a, np.ndarray) else tnp.int64),
    "shape-setter": None,
}


@pytest.mark.parametrize("name", [k for k, v in VIEWS.items() if v is not None])
def test_write_through_view(name):
    make = VIEWS[name]
    n, a = _base()
    vn, va = make(n), make(a)
    assert np.shares_memory(vn, n)
    assert_same(va, vn)
    assert va.base is a
    vn[...] = -1 if vn.dtype.kind == "f" else 7
    va[...] = -1 if vn.dtype.kind == "f" else 7
    assert_same(a, n)
    n[1] = 100
    a[1] = 100
    assert_same(va, vn)
    # a partial write through the view
    vn[0] = 5
    va[0] = 5
    assert_same(a, n)
    assert [s for s, d in zip(va.strides, va.shape) if d > 1] == \
        [s for s, d in zip(vn.strides, vn.shape) if d > 1]


def test_fill_and_out_through_reversed_view():
    n, a = _base()
    n[::-1, 1].fill(3)
    a[::-1, 1].fill(3)
    assert_same(a, n)
    r = a[:, ::-1]
    r._assign(tnp.arange(6.0))
    n[:, ::-1] = np.arange(6.0)
    assert_same(a, n)


@pytest.mark.parametrize("part", ["real", "imag"])
def test_real_imag_are_writable_views(part):
    n = (np.arange(6) + 1j * np.arange(6)[::-1]).reshape(2, 3)
    a = to_tnp(n)
    vn, va = getattr(n, part), getattr(a, part)
    assert_same(va, vn)
    vn[0] = -5
    va[0] = -5
    assert_same(a, n)
    setattr(n, part, 9)
    setattr(a, part, 9)
    assert_same(a, n)
    rn, ra = getattr(n[::-1], part), getattr(a[::-1], part)
    rn[0, ::-1] = [1, 2, 3]
    ra[0, ::-1] = [1, 2, 3]
    assert_same(a, n)


def test_real_array_real_imag():
    a = tnp.arange(3.0)
    assert a.real is a
    assert not a.imag.flags.writeable
    with pytest.raises(TypeError):
        a.imag = 1


def test_flip_primitive():
    from torchnp import _views
    n, a = _base()
    f = _views.flip(a, (1,))
    assert_same(f, n[:, ::-1])
    f[0, 0] = -7
    n[0, 5] = -7
    assert a[0, 5] == -7
    g = _views.flip(f, (0, 1))
    assert_same(g, n[::-1])
    assert _views.flip(f, (1,)).strides == a.strides


def test_copy_false_reshape_needing_copy_raises():
    n, a = _base()
    with pytest.raises(ValueError):
        n.T.reshape(24, copy=False)
    with pytest.raises(ValueError):
        a.T.reshape(24, copy=False)
    with pytest.raises(ValueError):
        a[::-1, ::2].reshape(12, copy=False)


def test_mixed_flip_reshape_copies_like_numpy():
    n, a = _base()
    vn, va = n[::-1, :].reshape(-1), a[::-1, :].reshape(-1)
    assert not np.shares_memory(vn, n)
    assert va.base is None
    assert_same(va, vn)


def test_shape_setter():
    n, a = _base()
    n.shape = (6, 4)
    a.shape = (6, 4)
    assert_same(a, n)
    with pytest.raises(AttributeError):
        a.T.shape = (24,)
    r = a[::-1]
    r.shape = (2, 3, 4)
    nr = n[::-1]
    nr.shape = (2, 3, 4)
    assert_same(r, nr)


def test_base_is_owner_and_none_for_fresh():
    n, a = _base()
    assert a.base is None
    assert a[1:][1:].base is a
    assert a[::-1][::-1].base is a
    assert a[[0, 1]].base is None
    assert a.copy().base is None
    assert a.flatten().base is None


def test_views_of_readonly_are_readonly():
    a = tnp.arange(6.0)
    a.flags.writeable = False
    for v in (a[1:], a[::-1], a.reshape(2, 3), a.T, a.view()):
        assert not v.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            v[...] = 0
    with pytest.raises(ValueError):
        a[1:].setflags(write=True)
    a.setflags(write=True)
    a[0] = 5
    assert a[0] == 5


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("make", [lambda a: a, lambda a: a.T, lambda a: a[:, ::2], lambda a: a[::-1],
                                  lambda a: a.ravel()[::3], lambda a: a[1:3]],
                         ids=["c", "T", "cols", "rev", "1d-strided", "rows"])
def test_ravel_view_or_copy_like_numpy(make, order):
    n, a = _base()
    vn, va = make(n).ravel(order), make(a).ravel(order)
    assert_same(va, vn)
    assert (va.base is not None) == np.shares_memory(vn, n)


# --- reversed views through namespace functions --------------------------------------
# A reversed view handed to a pipeline function reaches the impl as a flipped
# temporary; results that alias it must come back as views of the base (or as
# copies exactly where NumPy copies).
def _swv(m, v):
    return m.lib.stride_tricks.sliding_window_view(v, 2, axis=-1)


FUNCS = {
    "transpose": lambda m, v: m.transpose(v),
    "transpose-axes": lambda m, v: m.transpose(v, tuple(range(v.ndim))[::-1]),
    "reshape-view": lambda m, v: m.reshape(v, (v.shape[0], 1, -1)),
    "reshape-flat": lambda m, v: m.reshape(v, -1),
    "ravel": lambda m, v: m.ravel(v),
    "swapaxes": lambda m, v: m.swapaxes(v, 0, -1),
    "moveaxis": lambda m, v: m.moveaxis(v, 0, -1),
    "rollaxis": lambda m, v: m.rollaxis(v, -1),
    "expand_dims": lambda m, v: m.expand_dims(v, (0, 2)),
    "squeeze": lambda m, v: m.squeeze(m.expand_dims(v, 1)),
    "atleast_1d": lambda m, v: m.atleast_1d(v),
    "atleast_2d": lambda m, v: m.atleast_2d(v),
    "atleast_3d": lambda m, v: m.atleast_3d(v),
    "split": lambda m, v: m.split(v, 2)[1],
    "array_split": lambda m, v: m.array_split(v, 3, axis=1)[2],
    "hsplit": lambda m, v: m.hsplit(v, 2)[0],
    "vsplit": lambda m, v: m.vsplit(v, 2)[1],
    "dsplit": lambda m, v: m.dsplit(m.atleast_3d(v), [1])[0],
    "diagonal": lambda m, v: m.diagonal(v),
    "broadcast_to": lambda m, v: m.broadcast_to(v, (2,) + v.shape),
    "asarray": lambda m, v: m.asarray(v),
    "asanyarray": lambda m, v: m.asanyarray(v),
    "ascontiguousarray": lambda m, v: m.ascontiguousarray(v),
    "real": lambda m, v: m.real(v),
    "imag-complex": lambda m, v: m.imag(v + 0j),
    "real-of-complex-view": None,
    "T": lambda m, v: v.T,
    "view": lambda m, v: v.view(),
    "sliding_window_view": _swv,
    "rot90": lambda m, v: m.rot90(v),
    "flip-again": lambda m, v: m.flip(m.transpose(v), 0),
    "sum": lambda m, v: m.sum(v, axis=0),
}
REVERSED = {
    "rows": lambda a: a[::-1],
    "cols": lambda a: a[:, ::-1],
    "both-step": lambda a: a[::-2, ::-1],
    "slice-rev": lambda a: a[2:, ::-1],
    "all": lambda a: a[::-1, ::-1],
}
SHAPES = {"2d": (4, 6), "3d": (4, 2, 6)}


def _shares(r, a):
    return tnp.shares_memory(r, a) if isinstance(r, tnp.ndarray) else False


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
@pytest.mark.parametrize("rev", REVERSED, ids=list(REVERSED))
@pytest.mark.parametrize("fname", [k for k, v in FUNCS.items() if v is not None])
def test_reversed_view_through_function(fname, rev, shape):
    f = FUNCS[fname]
    n = np.arange(float(np.prod(SHAPES[shape]))).reshape(SHAPES[shape])
    a = to_tnp(n)
    vn, va = REVERSED[rev](n), REVERSED[rev](a)
    rn, ra = f(np, vn), f(tnp, va)
    assert_same(ra, rn)
    shared = np.shares_memory(rn, n)
    assert _shares(ra, a) == shared
    if not isinstance(rn, np.ndarray):
        return
    assert ra.flags.writeable == rn.flags.writeable
    if shared:
        assert ra.base is a
    if shared and rn.flags.writeable:
        rn[...] = -1
        ra[...] = -1
        assert_same(a, n)
        idx = (0,) * rn.ndim
        rn[idx] = -5
        ra[idx] = -5
        assert_same(a, n)
    # later writes to the base are seen by views (and not by copies)
    n[...] = np.arange(n.size).reshape(n.shape) * 10.0
    a[...] = tnp.arange(a.size).reshape(a.shape) * 10.0
    assert_same(ra, rn)


def test_reversed_view_repro_transpose():
    b = tnp.arange(12.0).reshape(3, 4)
    v = tnp.transpose(b[::-1])
    v[0, 0] = -7
    assert b[2, 0] == -7
    b[2, 1] = 99
    assert v[1, 0] == 99


@pytest.mark.parametrize("part", ["real", "imag"])
def test_real_imag_functions_of_reversed_complex(part):
    n = (np.arange(12) + 1j * np.arange(12)[::-1]).reshape(3, 4)
    a = to_tnp(n)
    rn, ra = getattr(np, part)(n[::-1, 1:]), getattr(tnp, part)(a[::-1, 1:])
    assert_same(ra, rn)
    assert ra.strides == rn.strides
    rn[0] = 42
    ra[0] = 42
    assert_same(a, n)


def test_results_of_reversed_view_strides_match_numpy():
    n = np.arange(24.0).reshape(4, 6)
    a = to_tnp(n)
    for f in (lambda m, v: m.transpose(v), lambda m, v: m.reshape(v, (2, 2, 3)),
              lambda m, v: m.expand_dims(v, 1), lambda m, v: m.diagonal(v),
              lambda m, v: m.broadcast_to(v, (3, 4, 3))):
        rn, ra = f(np, n[::-1, ::2]), f(tnp, a[::-1, ::2])
        assert ra.strides == rn.strides


def test_split_parts_of_reversed_view_all_write_through():
    n = np.arange(12.0)
    a = to_tnp(n)
    pn, pa = np.split(n[::-1], 3), tnp.split(a[::-1], 3)
    for i, (x, y) in enumerate(zip(pn, pa)):
        x[0] = -i - 1
        y[0] = -i - 1
    assert_same(a, n)


def test_out_and_reductions_on_reversed_views_are_copies():
    n = np.arange(12.0).reshape(3, 4)
    a = to_tnp(n)
    s = tnp.sum(a[::-1], axis=0, keepdims=True)
    assert s.base is None and not tnp.shares_memory(s, a)
    out = tnp.zeros((4, 3))
    r = tnp.add(a[::-1].T, 1.0, out=out)
    assert r is out
    assert_same(out, n[::-1].T + 1.0)


@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64", "bool", "complex64", "float16"])
def test_reversed_views_of_every_dtype(dtype):
    n = (np.arange(12) % 5).astype(dtype).reshape(3, 4)
    a = to_tnp(n)
    assert_same(a[::-1] + 0, n[::-1] + 0)
    vn, va = np.transpose(n[:, ::-1]), tnp.transpose(a[:, ::-1])
    assert_same(va, vn)
    vn[0, 0] = 1
    va[0, 0] = 1
    assert_same(a, n)
    a[[0, 2], ::-1] = a[[1, 1], :]
    n[[0, 2], ::-1] = n[[1, 1], :]
    assert_same(a, n)


# contiguity requests copy a reversed view (NumPy: it is neither C- nor F-contiguous);
# the others hand back a view with NumPy's (negative) strides
_CONTIGUITY_CASES = [
    ("require-C", lambda m, v: m.require(v, requirements="C")),
    ("require-F-list", lambda m, v: m.require(v, requirements=["F"])),
    ("require-CA", lambda m, v: m.require(v, requirements="CA")),
    ("require-contiguous", lambda m, v: m.require(v, requirements=["contiguous"])),
    ("require-A", lambda m, v: m.require(v, requirements="A")),
    ("require-none", lambda m, v: m.require(v)),
    ("asarray-C", lambda m, v: m.asarray(v, order="C")),
    ("asarray-f", lambda m, v: m.asarray(v, order="f")),
    ("asarray-A", lambda m, v: m.asarray(v, order="A")),
    ("asarray-K", lambda m, v: m.asarray(v, order="K")),
    ("asarray", lambda m, v: m.asarray(v)),
    ("asanyarray-C", lambda m, v: m.asanyarray(v, order="C")),
    ("array-copy-None-C", lambda m, v: m.array(v, copy=None, order="C")),
    ("array-copy-None-F", lambda m, v: m.array(v, copy=None, order="F")),
    ("array-copy-False", lambda m, v: m.array(v, copy=False)),
    ("from_dlpack", lambda m, v: m.from_dlpack(v)),
    ("from_dlpack-copy", lambda m, v: m.from_dlpack(v, copy=True)),
    ("from_dlpack-copy-False", lambda m, v: m.from_dlpack(v, copy=False)),
    ("ascontiguousarray", lambda m, v: m.ascontiguousarray(v)),
    ("asfortranarray", lambda m, v: m.asfortranarray(v)),
]


@pytest.mark.parametrize("f", [c[1] for c in _CONTIGUITY_CASES], ids=[c[0] for c in _CONTIGUITY_CASES])
@pytest.mark.parametrize("key", [(slice(None, None, -1),), (slice(None), slice(None, None, -2)),
                                 (slice(None, None, -1), slice(1, None))], ids=["rows", "cols-step", "rows-sliced"])
def test_contiguity_requests_of_reversed_views(f, key):
    n = np.arange(12.0).reshape(3, 4)
    a = to_tnp(n)
    rn, ra = f(np, n[key]), f(tnp, a[key])
    assert_same(ra, rn)
    assert tnp.shares_memory(ra, a) == np.shares_memory(rn, n)
    assert ra.strides == rn.strides
    assert (ra.flags.c_contiguous, ra.flags.f_contiguous) == (rn.flags.c_contiguous, rn.flags.f_contiguous)
    rn[...] = -1.0  # a view writes through, a copy leaves the base alone
    ra[...] = -1.0
    assert_same(a, n)


def test_reversed_views_from_many_threads():
    # views are built structurally (no per-call state): threads cannot disturb each other
    import threading
    a = tnp.zeros((3, 4))
    results = {}

    def work(k):
        for _ in range(50):
            v = tnp.transpose(a[::-1])
            results.setdefault(k, []).append(v.base is a and v.strides == (8, -32))
    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(all(r) for r in results.values()) and len(results) == 4
