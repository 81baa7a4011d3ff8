"""Array manipulation, NumPy sections "Joining arrays", "Splitting arrays" and
"Tiling arrays". Torch in, torch out; split parts and ``unstack``'s pieces are
views of the input (built by the core's view model, ``torchnp._views``).
"""
from __future__ import annotations

__all__ = [
    "concatenate", "concat", "stack", "unstack", "vstack", "hstack", "dstack", "column_stack",
    "block", "split", "array_split", "vsplit", "hsplit", "dsplit", "tile", "repeat",
]

import operator

import torch

from torchnp import _views
from torchnp._normalize import (ArrayLike, ArrayLikeSeq, ArrayOrScalar, CastingModes, DTypeLike, OutArray,
                                ViewSource, as_tensor)
from torchnp.exceptions import normalize_axis_index

from ._util import bits, index_tensor, promote_all, unbits


# --- joining ----------------------------------------------------------------------
def _cat(tensors, axis, dtype=None, casting="same_kind"):
    """torch.cat with NumPy's promotion, checks and messages."""
    if len(tensors) == 0:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        tensors = [t.reshape(-1) for t in tensors]
        axis = 0
    first = tensors[0]
    if first.ndim == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    axis = normalize_axis_index(operator.index(axis), first.ndim)
    for i, t in enumerate(tensors[1:], 1):
        if t.ndim != first.ndim:
            raise ValueError("all the input arrays must have same number of dimensions, but the array "
                             f"at index 0 has {first.ndim} dimension(s) and the array at index {i} "
                             f"has {t.ndim} dimension(s)")
        for d in range(first.ndim):
            if d != axis and t.shape[d] != first.shape[d]:
                raise ValueError("all the input array dimensions except for the concatenation axis "
                                 f"must match exactly, but along dimension {d}, the array at index 0 "
                                 f"has size {first.shape[d]} and the array at index {i} has size {t.shape[d]}")
    tensors, dt = promote_all(tensors, dtype, casting)
    if len(tensors) == 1:
        return tensors[0].clone() if tensors[0] is first else tensors[0]
    return unbits(torch.cat([bits(t) for t in tensors], axis), dt)


def concatenate(arrays: ArrayLikeSeq, /, axis=0, out: OutArray = None, *, dtype: DTypeLike = None,
                casting: CastingModes = "same_kind"):
    """Join arrays along an existing axis. Mirrors ``numpy.concatenate``."""
    return _cat(arrays, axis, dtype, casting)


def concat(arrays: ArrayLikeSeq, /, axis=0, out: OutArray = None, *, dtype: DTypeLike = None,
           casting: CastingModes = "same_kind"):
    """Alias of concatenate (Array API name). Mirrors ``numpy.concat``."""
    return _cat(arrays, axis, dtype, casting)


def stack(arrays: ArrayLikeSeq, axis=0, out: OutArray = None, *, dtype: DTypeLike = None,
          casting: CastingModes = "same_kind"):
    """Join arrays along a new axis. Mirrors ``numpy.stack``."""
    if len(arrays) == 0:
        raise ValueError("need at least one array to stack")
    shp = arrays[0].shape
    if any(t.shape != shp for t in arrays[1:]):
        raise ValueError("all input arrays must have the same shape")
    axis = normalize_axis_index(operator.index(axis), len(shp) + 1)
    return _cat([t.unsqueeze(axis) for t in arrays], axis, dtype, casting)


def unstack(x: ViewSource, /, *, axis=0) -> ArrayOrScalar:
    """Split an array into a tuple of views along ``axis``. Mirrors ``numpy.unstack``."""
    nd = x.ndim
    if nd == 0:
        raise ValueError("Input array must be at least 1-d.")
    ax = normalize_axis_index(operator.index(axis), nd)
    if nd == 1:  # the pieces are scalars (copies), as iterating a 1-d array gives
        return tuple(x.tensor.clone().unbind(0))
    head = [slice(None)] * ax
    return tuple(_views.index(x, head + [i]) for i in range(x.shape[ax]))


def _at_least(t, n):
    if t.ndim >= n:
        return t
    if n == 3:
        return t.reshape(1, 1, 1) if t.ndim == 0 else t[None, :, None] if t.ndim == 1 else t[:, :, None]
    return t.reshape((1,) * (n - t.ndim) + tuple(t.shape))


def vstack(tup: ArrayLikeSeq, *, dtype: DTypeLike = None, casting: CastingModes = "same_kind"):
    """Stack arrays vertically (row-wise). Mirrors ``numpy.vstack``."""
    return _cat([_at_least(t, 2) for t in tup], 0, dtype, casting)


def hstack(tup: ArrayLikeSeq, *, dtype: DTypeLike = None, casting: CastingModes = "same_kind"):
    """Stack arrays horizontally (column-wise). Mirrors ``numpy.hstack``."""
    arrs = [_at_least(t, 1) for t in tup]
    return _cat(arrs, 0 if arrs and arrs[0].ndim == 1 else 1, dtype, casting)


def dstack(tup: ArrayLikeSeq):
    """Stack arrays along the third axis. Mirrors ``numpy.dstack``."""
    return _cat([_at_least(t, 3) for t in tup], 2)


def column_stack(tup: ArrayLikeSeq):
    """Stack 1-D arrays as columns of a 2-D array. Mirrors ``numpy.column_stack``."""
    return _cat([t.reshape(-1, 1) if t.ndim < 2 else t for t in tup], 1)


def block(arrays):
    """Assemble an array from nested lists of blocks. Mirrors ``numpy.block``."""
    def depth_of(x, index):
        if type(x) is tuple:
            raise TypeError("arrays is a tuple. Only lists can be used to arrange blocks, and "
                            "np.block does not allow implicit conversion from tuple to ndarray.")
        if type(x) is list:
            if len(x) == 0:
                raise ValueError(f"List at arrays{index} cannot be empty")
            depths = [depth_of(y, index + f"[{i}]") for i, y in enumerate(x)]
            if any(d != depths[0] for d in depths):
                raise ValueError("List depths are mismatched. First element was at depth "
                                 f"{depths[0] + 1}, but there is an element at depth "
                                 f"{[d for d in depths if d != depths[0]][0] + 1}")
            return depths[0] + 1
        return 0

    depth = depth_of(arrays, "")
    leaves = []

    def convert(x):
        if type(x) is list:
            return [convert(y) for y in x]
        t = as_tensor(x)
        leaves.append(t)
        return t

    tree = convert(arrays)
    ndim = max(depth, max(t.ndim for t in leaves))
    dt = leaves[0].dtype
    for t in leaves[1:]:
        from torchnp._dtypes import promote_torch
        dt = promote_torch(dt, t.dtype)

    def assemble(x, level):
        if type(x) is not list:
            return _at_least_front(x, ndim)
        parts = [assemble(y, level + 1) for y in x]
        return _cat(parts, -(depth - level), dt)

    if depth == 0:
        return _at_least_front(tree, ndim).to(dt).clone()
    return assemble(tree, 0)


def _at_least_front(t, n):
    return t if t.ndim >= n else t.reshape((1,) * (n - t.ndim) + tuple(t.shape))


# --- splitting ------------------------------------------------------------------------
def _split_at(t, bounds, axis):
    n = t.shape[axis]
    out = []
    for st, end in zip(bounds[:-1], bounds[1:]):
        start, stop, _ = slice(st, end).indices(n)
        out.append(_views.narrow(t, axis, start, max(0, stop - start)))
    return out


def _split(ary, indices_or_sections, axis, equal):
    axis = normalize_axis_index(operator.index(axis), ary.ndim)
    n = ary.shape[axis]
    if hasattr(indices_or_sections, "tensor"):
        indices_or_sections = indices_or_sections.tensor
    if isinstance(indices_or_sections, torch.Tensor) and indices_or_sections.ndim == 0:
        indices_or_sections = int(indices_or_sections)
    try:
        sections = operator.index(indices_or_sections)
    except TypeError:
        idx = indices_or_sections
        if isinstance(idx, torch.Tensor):
            idx = idx.tolist()
        bounds = [0] + [operator.index(i) for i in idx] + [None]
        return _split_at(ary, bounds, axis)
    if sections <= 0:
        raise ValueError("number sections must be larger than 0.")
    if equal and n % sections:
        raise ValueError("array split does not result in an equal division")
    each, extra = divmod(n, sections)
    sizes = [each + 1] * extra + [each] * (sections - extra)
    bounds = [0]
    for s in sizes:
        bounds.append(bounds[-1] + s)
    return _split_at(ary, bounds, axis)


def split(ary: ViewSource, indices_or_sections, axis=0):
    """Split into equal sections or at indices (views). Mirrors ``numpy.split``."""
    return _split(ary, indices_or_sections, axis, True)


def array_split(ary: ViewSource, indices_or_sections, axis=0):
    """Split into possibly unequal sections (views). Mirrors ``numpy.array_split``."""
    return _split(ary, indices_or_sections, axis, False)


def vsplit(ary: ViewSource, indices_or_sections):
    """Split along the first axis. Mirrors ``numpy.vsplit``."""
    if ary.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return _split(ary, indices_or_sections, 0, True)


def hsplit(ary: ViewSource, indices_or_sections):
    """Split along the second axis (the first for 1-D). Mirrors ``numpy.hsplit``."""
    if ary.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return _split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0, True)


def dsplit(ary: ViewSource, indices_or_sections):
    """Split along the third axis. Mirrors ``numpy.dsplit``."""
    if ary.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return _split(ary, indices_or_sections, 2, True)


# --- tiling ------------------------------------------------------------------------------
def _rep_count(r):
    if isinstance(r, str):
        int(r)  # NumPy's int() of a non-numeric string is the ValueError users see
    return operator.index(r)


def _tile_reps(reps):
    """``reps`` as a tuple of ints: an integer or a sequence of integers, as NumPy takes it.
    A 0-d non-integer (torchnp.float64(2.0)) is neither: TypeError, not an empty sequence."""
    try:
        return (operator.index(reps),)
    except TypeError:
        if getattr(reps, "ndim", None) == 0 or not hasattr(reps, "__iter__") and not isinstance(reps, str):
            raise TypeError(f"'{type(reps).__name__}' object cannot be interpreted as an integer") from None
    return tuple(_rep_count(r) for r in reps)


def tile(A: ArrayLike, reps):
    """Repeat an array ``reps`` times per axis. Mirrors ``numpy.tile``."""
    reps = _tile_reps(reps)
    if any(r < 0 for r in reps):
        raise ValueError("negative dimensions are not allowed")
    if len(reps) < A.ndim:
        reps = (1,) * (A.ndim - len(reps)) + reps
    r = unbits(bits(A).tile(reps), A.dtype)
    # with every rep 1 torch's tile gives a view of its input; NumPy's is a copy
    return r.clone() if all(x == 1 for x in reps) else r


def repeat(a: ArrayLike, repeats: ArrayLike, axis=None):
    """Repeat each element. Mirrors ``numpy.repeat``."""
    if axis is None or a.ndim == 0:  # NumPy treats a 0-d array as 1-d when an axis is given
        a = a.reshape(-1)
    if axis is None:
        axis = 0
    else:
        axis = normalize_axis_index(operator.index(axis), a.ndim)
    reps = index_tensor(repeats, lenient=True)
    if reps.ndim > 1:
        raise ValueError("object too deep for desired array")
    n = a.shape[axis]
    if reps.ndim == 1 and reps.shape[0] not in (1, n):
        raise ValueError(f"operands could not be broadcast together with shape ({n},) ({reps.shape[0]},)")
    if reps.ndim == 0 or reps.shape[0] == 1:
        k = int(reps.reshape(()))
        if k < 0:
            raise ValueError("negative dimensions are not allowed")
        return unbits(bits(a).repeat_interleave(k, dim=axis), a.dtype)
    try:
        return unbits(bits(a).repeat_interleave(reps.to(a.device), dim=axis), a.dtype)
    except RuntimeError as exc:
        if "negative" in str(exc):
            raise ValueError("repeats may not contain negative values.") from exc
        raise
