"""NumPy's "Indexing routines" section: generating index arrays, indexing-like
operations and inserting data into arrays. Torch in, torch out; the in-place
routines write into the tensor the pipeline hands them (tag ``InPlace``), and
``diagonal`` is a read-only view from the core's view model.

``where(cond)``/``nonzero`` and the bounds checks of ``mode='raise'`` are data
dependent: each costs one host sync, as it must.
"""
from __future__ import annotations

__all__ = [
    "take", "take_along_axis", "put", "put_along_axis", "putmask", "place", "extract",
    "compress", "choose", "select", "where", "nonzero", "argwhere", "flatnonzero", "diagonal",
    "diag_indices", "diag_indices_from", "fill_diagonal", "tril_indices", "tril_indices_from",
    "triu_indices", "triu_indices_from", "ix_", "unravel_index", "ravel_multi_index",
]

import operator

import torch

from torchnp import _dtypes, _views
from torchnp._normalize import (ArrayLike, ArrayLikeOrScalar, ArrayLikeSeq, ArrayOrScalar, InPlace,
                                OutArray, ViewSource, as_tensor, as_tensor_or_scalar)
from torchnp.exceptions import normalize_axis_index

from ._shape_ops_impl import _broadcast_shapes
from ._util import bits, cast_to, check_bounds, index_tensor, scalar_tensor, unbits

_MODES = ("raise", "wrap", "clip")


def _mode(mode):
    if mode not in _MODES:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    return mode


def _checked_indices(idx, n, mode, message):
    """Map indices into [0, n) per ``mode``; 'raise' refuses any outside with ValueError(message).

    choose and ravel_multi_index take no negative indices in 'raise' mode, unlike take/put.
    """
    if mode == "raise":
        if idx.numel() and bool(((idx < 0) | (idx >= n)).any()):
            raise ValueError(message)
        return idx
    if mode == "wrap":
        return torch.remainder(idx, n)
    return idx.clamp(0, n - 1)


def _fix_indices(idx, n, mode, axis=0):
    """Map indices into [0, n) per ``mode`` (NumPy's take/put/choose modes)."""
    if mode == "raise":
        return torch.where(idx < 0, idx + n, idx) if check_bounds(idx, n, axis) else idx
    if n == 0:
        if idx.numel():
            raise IndexError("cannot do a non-empty take from an empty axes.")
        return idx
    if mode == "wrap":
        return torch.remainder(idx, n)
    return idx.clamp(0, n - 1)


# --- indexing-like operations --------------------------------------------------------
def take(a: ArrayLike, indices: ArrayLike, axis=None, out: OutArray = None,
         mode="raise") -> ArrayOrScalar:
    """Take elements along an axis. Mirrors ``numpy.take``."""
    _mode(mode)
    if axis is None or a.ndim == 0:  # NumPy treats a 0-d array as 1-d when an axis is given
        a = a.reshape(-1)
    if axis is None:
        axis = 0
    else:
        axis = normalize_axis_index(operator.index(axis), a.ndim)
    idx = index_tensor(indices, lenient=True).to(a.device)
    n = a.shape[axis]
    idx = _fix_indices(idx, n, mode, axis)
    r = bits(a).index_select(axis, idx.reshape(-1))
    shape = tuple(a.shape[:axis]) + tuple(idx.shape) + tuple(a.shape[axis + 1:])
    return unbits(r.reshape(shape), a.dtype)


def _along_axis_prep(arr, indices, axis):
    if indices.is_floating_point() or indices.is_complex() or indices.dtype == torch.bool:
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        return arr.reshape(-1), indices, 0
    axis = normalize_axis_index(operator.index(axis), arr.ndim)
    if indices.ndim != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    return arr, indices, axis


def _fancy_broadcast(*shapes):
    try:
        return list(torch.broadcast_shapes(*shapes))
    except RuntimeError:
        raise IndexError("shape mismatch: indexing arrays could not be broadcast together with "
                         "shapes " + " ".join(str(tuple(s)).replace(" ", "") for s in shapes)) from None


def take_along_axis(arr: ArrayLike, indices: ArrayLike, axis=-1):
    """Gather values along ``axis`` by matching 1-d index slices. Mirrors ``numpy.take_along_axis``."""
    arr, idx, axis = _along_axis_prep(arr, indices, axis)
    idx = idx.to(torch.int64).to(arr.device)
    n = arr.shape[axis]
    idx = _fix_indices(idx, n, "raise", axis)
    shp_a, shp_i = list(arr.shape), list(idx.shape)
    shp_a[axis] = shp_i[axis] = 1
    b = _fancy_broadcast(shp_a, shp_i)
    ea, ei = b.copy(), b.copy()
    ea[axis], ei[axis] = n, idx.shape[axis]
    return unbits(bits(arr).expand(ea).gather(axis, idx.expand(ei)), arr.dtype)


def put(a: InPlace, ind: ArrayLike, v: ArrayLike, mode="raise"):
    """Write ``v`` at flat indices ``ind`` in place. Mirrors ``numpy.put``."""
    _mode(mode)
    idx = index_tensor(ind).reshape(-1).to(a.device)
    vals = cast_to(v, a.dtype).reshape(-1).to(a.device)
    if idx.numel() == 0 or vals.numel() == 0:
        return None
    idx = _fix_indices(idx, a.numel(), mode)
    if vals.numel() != idx.numel():
        vals = vals.repeat(-(-idx.numel() // vals.numel()))[:idx.numel()]
    bits(a).put_(idx, bits(vals))
    return None


def put_along_axis(arr: InPlace, indices: ArrayLike, values: ArrayLike, axis):
    """Scatter ``values`` along ``axis`` in place. Mirrors ``numpy.put_along_axis``."""
    a, idx, ax = _along_axis_prep(arr, indices, axis)
    idx = _fix_indices(idx.to(torch.int64).to(arr.device), a.shape[ax], "raise", ax)
    vals = cast_to(values, arr.dtype).to(arr.device)
    if axis is None:  # NumPy: arr.flat[indices] = values (values cycle)
        put(arr, idx, vals)  # the impl: arr is already the tensor to write into
        return None
    key = []
    for d in range(a.ndim):
        if d == ax:
            key.append(idx)
        else:
            shp = [1] * a.ndim
            shp[d] = a.shape[d]
            key.append(torch.arange(a.shape[d], device=a.device).reshape(shp))
    bits(arr).index_put_(tuple(key), bits(vals))
    return None


def putmask(a: InPlace, /, mask: ArrayLike, values: ArrayLike):
    """Set ``a.flat[n] = values[n % len(values)]`` where ``mask``. Mirrors ``numpy.putmask``."""
    if mask.numel() != a.numel():
        raise ValueError("putmask: mask and data must be the same size")
    vals = cast_to(values, a.dtype).reshape(-1).to(a.device)
    if vals.numel() == 0:
        return None
    m = (mask if mask.dtype == torch.bool else mask != 0).reshape(a.shape).to(a.device)
    if vals.numel() != a.numel():
        vals = vals.repeat(-(-a.numel() // vals.numel()))[:a.numel()]
    a.copy_(unbits(torch.where(m, bits(vals).reshape(a.shape), bits(a)), a.dtype))
    return None


def place(arr: InPlace, mask: ArrayLike, vals: ArrayLike):
    """Put ``vals`` (cycled) into the positions where ``mask`` is true. Mirrors ``numpy.place``."""
    m = (mask if mask.dtype == torch.bool else mask != 0).reshape(-1).to(arr.device)
    if m.numel() != arr.numel():
        raise ValueError("place: mask and data must be the same size")
    pos = m.nonzero().reshape(-1)
    k = pos.numel()
    v = cast_to(vals, arr.dtype).reshape(-1).to(arr.device)
    if k == 0:
        return None
    if v.numel() == 0:
        raise ValueError("Cannot insert from an empty array!")
    if v.numel() != k:
        v = v.repeat(-(-k // v.numel()))[:k]
    bits(arr).put_(pos, bits(v))
    return None


def extract(condition: ArrayLike, arr: ArrayLike):
    """Elements of ``arr`` where ``condition`` is true (flattened). Mirrors ``numpy.extract``."""
    c = condition.reshape(-1)
    pos = (c != 0).nonzero().reshape(-1).to(arr.device)
    return take(arr, pos)


def compress(condition: ArrayLike, a: ArrayLike, axis=None, out: OutArray = None):
    """Select slices along ``axis`` where ``condition`` is true. Mirrors ``numpy.compress``."""
    if condition.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    if axis is None or a.ndim == 0:  # NumPy treats a 0-d array as 1-d when an axis is given
        a = a.reshape(-1)
    if axis is None:
        axis = 0
    else:
        axis = normalize_axis_index(operator.index(axis), a.ndim)
    pos = (condition != 0).nonzero().reshape(-1).to(a.device)
    n = a.shape[axis]
    if pos.numel() and int(pos[-1]) >= n:
        raise IndexError(f"index {int(pos[-1])} is out of bounds for axis {axis} with size {n}")
    return unbits(bits(a).index_select(axis, pos), a.dtype)


def _choice_tensors(choices):
    """``choices`` of choose: an array splits along axis 0; a sequence keeps Python scalars weak."""
    if isinstance(choices, torch.Tensor) or hasattr(choices, "tensor"):
        t = as_tensor(choices)
        return tuple(t.unbind(0)) if t.ndim else (t,)
    return tuple(as_tensor_or_scalar(c) for c in choices)


def choose(a: ArrayLike, choices, out: OutArray = None, mode="raise") -> ArrayOrScalar:
    """Build an array by picking from ``choices`` with index array ``a``. Mirrors ``numpy.choose``."""
    _mode(mode)
    choices = _choice_tensors(choices)
    if len(choices) == 0:
        raise ValueError("0-length sequence.")
    idx = index_tensor(a)
    dt = _dtypes.result_type_torch(*choices)
    dev = idx.device
    choices = [c if isinstance(c, torch.Tensor) else scalar_tensor(c, dt, dev) for c in choices]
    shp = _broadcast_shapes(tuple(idx.shape), *(tuple(c.shape) for c in choices))
    n = len(choices)
    idx = _checked_indices(idx, n, mode, "invalid entry in choice array")
    stacked = torch.stack([bits(cast_to(c, dt)).expand(shp) for c in choices])
    return unbits(stacked.gather(0, idx.expand(shp).unsqueeze(0).to(stacked.device)).squeeze(0), dt)


def select(condlist, choicelist, default=0):
    """Pick from ``choicelist`` where the matching condition holds. Mirrors ``numpy.select``."""
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [as_tensor(c) for c in choicelist] + [as_tensor_or_scalar(default)]  # default is weak
    conds = [as_tensor(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype != torch.bool:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    dt = _dtypes.result_type_torch(*choices)
    if not isinstance(choices[-1], torch.Tensor):
        choices[-1] = scalar_tensor(choices[-1], dt, choices[0].device)
    shp = _broadcast_shapes(*(tuple(c.shape) for c in choices), *(tuple(c.shape) for c in conds))
    result = bits(cast_to(choices[-1], dt)).expand(shp)
    for cond, choice in zip(reversed(conds), reversed(choices[:-1])):
        result = torch.where(cond, bits(cast_to(choice, dt)), result)
    return unbits(result, dt)  # torch.where made it: new, of the broadcast shape


# --- where / nonzero ------------------------------------------------------------------------
def where(condition: ArrayLike, x: ArrayLikeOrScalar = None, y: ArrayLikeOrScalar = None, /):
    """``x`` where ``condition`` else ``y``; with one argument, ``nonzero``. Mirrors ``numpy.where``."""
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    dt = _dtypes.result_type_torch(x, y)
    c = condition if condition.dtype == torch.bool else condition != 0
    dev = c.device
    xt = bits(cast_to(x, dt)) if isinstance(x, torch.Tensor) else bits(scalar_tensor(x, dt, dev))
    yt = bits(cast_to(y, dt)) if isinstance(y, torch.Tensor) else bits(scalar_tensor(y, dt, dev))
    return unbits(torch.where(c, bits(xt), bits(yt)), dt)


def nonzero(a: ArrayLike):
    """Indices of the non-zero elements, one array per axis. Mirrors ``numpy.nonzero``."""
    if a.ndim == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use "
                         "np.atleast_1d(scalar).nonzero() instead. If the context of this error "
                         "is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
    m = a if a.dtype == torch.bool else a != 0
    return torch.nonzero(m, as_tuple=True)


def argwhere(a: ArrayLike):
    """Indices of non-zero elements, grouped by element. Mirrors ``numpy.argwhere``."""
    m = a if a.dtype == torch.bool else a != 0
    if a.ndim == 0:
        return torch.argwhere(m.reshape(1))[:, :0]
    return torch.argwhere(m)


def flatnonzero(a: ArrayLike):
    """Indices of non-zero elements of the flattened array. Mirrors ``numpy.flatnonzero``."""
    m = a if a.dtype == torch.bool else a != 0
    return torch.nonzero(m.reshape(-1)).reshape(-1)


# --- diagonals and triangles -------------------------------------------------------------------
def diagonal(a: ViewSource, offset=0, axis1=0, axis2=1):
    """The specified diagonals (a read-only view). Mirrors ``numpy.diagonal``."""
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1 = normalize_axis_index(operator.index(axis1), a.ndim)
    ax2 = normalize_axis_index(operator.index(axis2), a.ndim)
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    return _views.diagonal(a, operator.index(offset), ax1, ax2, readonly=True)


def diag_indices(n, ndim=2):
    """Indices of the main diagonal of an ``ndim``-d array of side ``n``. Mirrors ``numpy.diag_indices``."""
    idx = torch.arange(max(operator.index(n), 0))  # NumPy's arange(n): empty for n < 0
    return (idx,) * ndim


def diag_indices_from(arr: ArrayLike):
    """Indices of the main diagonal of ``arr``. Mirrors ``numpy.diag_indices_from``."""
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if any(s != arr.shape[0] for s in arr.shape):
        raise ValueError("All dimensions of input must be of equal length")
    idx = torch.arange(arr.shape[0], device=arr.device)
    return (idx,) * arr.ndim


def fill_diagonal(a: InPlace, val: ArrayLike, wrap=False):
    """Fill the main diagonal in place. Mirrors ``numpy.fill_diagonal``."""
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = None
    if a.ndim == 2:
        step = a.shape[1] + 1
        if not wrap:
            end = a.shape[1] * a.shape[1]
    else:
        if any(s != a.shape[0] for s in a.shape):
            raise ValueError("All dimensions of input must be of equal length")
        step, p = 1, 1
        for s in a.shape[:-1]:
            p *= s
            step += p
    stop = a.numel() if end is None else min(end, a.numel())
    pos = torch.arange(0, stop, step, device=a.device)
    v = cast_to(val, a.dtype).reshape(-1).to(a.device)
    if pos.numel() == 0 or v.numel() == 0:
        return None
    if v.numel() != pos.numel():
        v = v.repeat(-(-pos.numel() // v.numel()))[:pos.numel()]
    bits(a).put_(pos, bits(v))
    return None


def tril_indices(n, k=0, m=None):
    """Indices of the lower triangle of an (n, m) array. Mirrors ``numpy.tril_indices``."""
    n = operator.index(n)
    m = n if m is None else operator.index(m)
    # NumPy's nonzero(tri(n, m, k)): a side below zero gives an empty triangle
    r = torch.tril_indices(max(n, 0), max(m, 0), operator.index(k))
    return (r[0], r[1])


def triu_indices(n, k=0, m=None):
    """Indices of the upper triangle of an (n, m) array. Mirrors ``numpy.triu_indices``."""
    n = operator.index(n)
    m = n if m is None else operator.index(m)
    # NumPy's nonzero(tri(n, m, k)): a side below zero gives an empty triangle
    r = torch.triu_indices(max(n, 0), max(m, 0), operator.index(k))
    return (r[0], r[1])


def tril_indices_from(arr: ArrayLike, k=0):
    """Indices of the lower triangle of a 2-d ``arr``. Mirrors ``numpy.tril_indices_from``."""
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k, arr.shape[-1])


def triu_indices_from(arr: ArrayLike, k=0):
    """Indices of the upper triangle of a 2-d ``arr``. Mirrors ``numpy.triu_indices_from``."""
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k, arr.shape[-1])


# --- generating index arrays --------------------------------------------------------------------
def ix_(*args: ArrayLike):
    """Open mesh from 1-d sequences. Mirrors ``numpy.ix_``."""
    out = []
    nd = len(args)
    for k, t in enumerate(args):
        if t.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if t.numel() == 0 and t.dtype == torch.float64:
            t = t.to(torch.int64)
        if t.dtype == torch.bool:
            t = t.nonzero().reshape(-1)
        out.append(t.reshape((1,) * k + (t.shape[0],) + (1,) * (nd - k - 1)))
    return tuple(out)


def _dims(shape):
    try:
        return (operator.index(shape),)
    except TypeError:
        return tuple(operator.index(s) for s in shape)


def unravel_index(indices: ArrayLike, shape, order="C") -> ArrayOrScalar:
    """Flat indices to a tuple of coordinate arrays. Mirrors ``numpy.unravel_index``."""
    dims = _dims(shape)
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    idx = index_tensor(indices)
    total = 1
    for d in dims:
        total *= d
    if idx.numel():
        bad = (idx < 0) | (idx >= total)
        if bool(bad.any()):
            raise ValueError(f"index {int(idx[bad].reshape(-1)[0])} is out of bounds for array with size {total}")
    out = []
    rest = idx
    seq = reversed(dims) if order == "C" else dims
    for d in seq:
        out.append(torch.remainder(rest, d) if d else rest)
        rest = torch.div(rest, d, rounding_mode="floor") if d else rest
    if order == "C":
        out.reverse()
    return tuple(out)


def ravel_multi_index(multi_index: ArrayLikeSeq, dims, mode="raise", order="C") -> ArrayOrScalar:
    """Coordinate arrays to flat indices. Mirrors ``numpy.ravel_multi_index``."""
    dims = _dims(dims)
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    if len(multi_index) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    modes = (mode,) * len(dims) if isinstance(mode, str) else tuple(mode)
    coords = [index_tensor(c) for c in multi_index]
    shp = torch.broadcast_shapes(*(c.shape for c in coords))
    fixed = []
    for c, d, md in zip(coords, dims, modes):
        _mode(md)
        fixed.append(_checked_indices(c, d, md, "invalid entry in coordinates array"))
    strides = []
    s = 1
    seq = list(range(len(dims)))
    for i in (reversed(seq) if order == "C" else seq):
        strides.append((i, s))
        s *= dims[i]
    out = torch.zeros(shp, dtype=torch.int64, device=fixed[0].device if fixed else None)
    for i, st in strides:
        out = out + fixed[i] * st
    return out
