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


def test_flip_view_helper():
    from torchnp._indexing import flip_view
    n, a = _base()
    f = flip_view(a, 1)
    assert_same(f, n[:, ::-1])
    f[0, 0] = -7
    n[0, 5] = -7
    assert a[0, 5] == -7
    g = flip_view(f, (0, 1))
    assert_same(g, n[::-1])
    assert flip_view(f, 1).strides == a.strides


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
