"""Array manipulation, NumPy sections "Adding and removing elements" and
"Rearranging elements". Torch in, torch out.

``flip``/``fliplr``/``flipud``/``rot90`` and ``trim_zeros`` are views in NumPy
(negative strides for the flips, which torch lacks): they take the array itself
(tag ``ViewSource``) and return views from the core's view model
(``torchnp._views``), so writes through them reach the base.
"""
from __future__ import annotations

__all__ = [
    "append", "insert", "delete", "resize", "trim_zeros", "flip", "fliplr", "flipud", "roll",
    "rot90",
]

import operator

import torch

from torchnp import _views
from torchnp._normalize import ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, ViewSource, as_tensor
from torchnp.exceptions import normalize_axis_index, normalize_axis_tuple

from ._util import bits, cast_to, check_int_fits, index_tensor, scalar_tensor, unbits


# --- adding and removing elements ------------------------------------------------
def append(arr: ArrayLike, values: ArrayLike, axis=None):
    """Append values at the end (a copy). Mirrors ``numpy.append``."""
    from ._joining_impl import _cat
    if axis is None:
        if arr.ndim != 1:
            arr = arr.reshape(-1)
        values = values.reshape(-1)
        axis = arr.ndim - 1
    return _cat([arr, values], axis)


def _obj_axis(arr, axis):
    if axis is None:
        return arr.reshape(-1), 0
    return arr, normalize_axis_index(operator.index(axis), arr.ndim)


def insert(arr: ArrayLike, obj, values: ArrayLikeOrScalar, axis=None):
    """Insert values before the given indices. Mirrors ``numpy.insert``."""
    arr, axis = _obj_axis(arr, axis)
    n = arr.shape[axis]
    dt = arr.dtype
    if isinstance(obj, slice):
        idx = torch.arange(*obj.indices(n), device=arr.device)
    else:
        idx = as_tensor(obj.tensor if hasattr(obj, "tensor") and not isinstance(obj, torch.Tensor) else obj)
        if idx.dtype == torch.bool:
            raise TypeError("torchnp.insert: boolean obj is not supported (NumPy treats it as integers "
                            "with a deprecation)")
        if idx.numel() == 0 and idx.is_floating_point():
            idx = idx.to(torch.int64)
        idx = index_tensor(idx)
        if idx.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or scalar")
    if not isinstance(values, torch.Tensor):  # a Python scalar: NumPy coerces it to arr's dtype
        check_int_fits(values, dt)
        values = scalar_tensor(values, dt)
    vals = cast_to(values, dt).to(arr.device)
    if idx.ndim == 0:
        i = int(idx)
        if not -n <= i <= n:
            raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
        if i < 0:
            i += n
        # NumPy: values = array(values, ndmin=arr.ndim); moveaxis(values, 0, axis)
        if vals.ndim < arr.ndim:
            vals = vals.reshape((1,) * (arr.ndim - vals.ndim) + tuple(vals.shape))
        vals = vals.movedim(0, axis)
        numnew = vals.shape[axis]
        target = list(arr.shape)
        target[axis] = numnew
        if tuple(vals.shape) != tuple(target):
            try:
                vals = vals.expand(target)
            except RuntimeError:  # NumPy assigns the block: its broadcast error
                shown = tuple(vals.shape)
                while len(shown) > 1 and shown[0] == 1:
                    shown = shown[1:]
                raise ValueError(f"could not broadcast input array from shape {shown} into "
                                 f"shape {tuple(target)}") from None
        from ._joining_impl import _cat
        return _cat([arr.narrow(axis, 0, i), vals, arr.narrow(axis, i, n - i)], axis)
    if idx.numel() == 1 and idx.ndim == 1:
        # a length-1 sequence inserts `values` as one block along axis (NumPy special case)
        pass
    numnew = idx.shape[0]
    bad = (idx < -n) | (idx > n)
    if numnew and bool(bad.any()):
        raise IndexError(f"index {int(idx[bad][0])} is out of bounds for axis {axis} with size {n}")
    idx = torch.where(idx < 0, idx + n, idx)
    order = torch.argsort(idx, stable=True)
    pos = torch.empty_like(idx)
    pos[order] = idx[order] + torch.arange(numnew, device=idx.device)
    total = n + numnew
    shape = list(arr.shape)
    shape[axis] = total
    newshape = list(arr.shape)
    newshape[axis] = numnew
    vals = vals.reshape((1,) * (arr.ndim - vals.ndim) + tuple(vals.shape)) if vals.ndim < arr.ndim else vals
    vals = vals.expand(newshape) if tuple(vals.shape) != tuple(newshape) else vals
    old_mask = torch.ones(total, dtype=torch.bool, device=arr.device)
    old_mask[pos] = False
    out = torch.empty(shape, dtype=dt, device=arr.device)
    ob = bits(out).movedim(axis, 0)
    ob[pos] = bits(vals).movedim(axis, 0)
    ob[old_mask] = bits(arr).movedim(axis, 0)
    return out


def delete(arr: ArrayLike, obj, axis=None):
    """Remove sub-arrays along an axis. Mirrors ``numpy.delete``."""
    arr, axis = _obj_axis(arr, axis)
    n = arr.shape[axis]
    keep = torch.ones(n, dtype=torch.bool, device=arr.device)
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        idx = as_tensor(obj)
        if idx.dtype == torch.bool:
            if idx.ndim != 1 or idx.shape[0] != n:
                raise ValueError("boolean array argument obj to delete must be one dimensional and "
                                 f"match the axis length of {n}")
            keep = ~idx.to(arr.device)
        else:
            if idx.numel() == 0 and idx.is_floating_point():
                idx = idx.to(torch.int64)
            if idx.is_floating_point() or idx.is_complex():
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            idx = idx.to(torch.int64).reshape(-1).to(arr.device)
            bad = (idx < -n) | (idx >= n)
            if idx.numel() and bool(bad.any()):
                raise IndexError(f"index {int(idx[bad][0])} is out of bounds for axis {axis} with size {n}")
            keep[idx] = False
    sel = keep.nonzero().reshape(-1)
    return unbits(bits(arr).index_select(axis, sel), arr.dtype)


def resize(a: ArrayLike, new_shape):
    """New array of ``new_shape`` filled with repeated copies of ``a``. Mirrors ``numpy.resize``."""
    try:
        new_shape = (operator.index(new_shape),)
    except TypeError:
        new_shape = tuple(operator.index(s) for s in new_shape)
    total = 1
    for s in new_shape:
        if s < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
        total *= s
    flat = bits(a).reshape(-1)
    if flat.numel() == 0 or total == 0:
        return torch.zeros(new_shape, dtype=a.dtype, device=a.device)
    reps = -(-total // flat.numel())
    return unbits(flat.repeat(reps)[:total].reshape(new_shape), a.dtype)


def trim_zeros(filt: ViewSource, trim="fb", axis=None):
    """Trim leading and/or trailing zeros (a view). Mirrors ``numpy.trim_zeros``."""
    trim = trim.lower()
    if any(c not in "fb" for c in trim):
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    if filt.ndim == 0:  # NumPy returns a 0-d input as it is
        return filt
    axes = tuple(range(filt.ndim)) if axis is None else normalize_axis_tuple(axis, filt.ndim)
    nz = (filt.tensor != 0).nonzero()  # the bounds are data: one host read
    key = [slice(None)] * filt.ndim
    if nz.shape[0] == 0:
        for ax in axes:
            key[ax] = slice(0, 0)
        return _views.index(filt, key)
    lo = nz.amin(0).tolist()
    hi = (nz.amax(0) + 1).tolist()
    for ax in axes:
        key[ax] = slice(lo[ax] if "f" in trim else 0, hi[ax] if "b" in trim else filt.shape[ax])
    return _views.index(filt, key)


# --- rearranging elements -------------------------------------------------------------
def flip(m: ViewSource, axis=None) -> ArrayOrScalar:
    """Reverse the order of elements along ``axis`` (a view). Mirrors ``numpy.flip``
    (a 0-d input gives a scalar)."""
    if m.ndim == 0:
        if axis is not None:
            normalize_axis_tuple(axis, 0)
        return m.tensor.clone()
    axes = tuple(range(m.ndim)) if axis is None else normalize_axis_tuple(axis, m.ndim)
    return _views.flip(m, axes)


def fliplr(m: ViewSource):
    """Reverse along axis 1 (a view). Mirrors ``numpy.fliplr``."""
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return _views.flip(m, (1,))


def flipud(m: ViewSource):
    """Reverse along axis 0 (a view). Mirrors ``numpy.flipud``."""
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return _views.flip(m, (0,))


def _shift_int(s):
    # NumPy reads each shift with int() after making an array of them: floats truncate,
    # numeric strings parse, other strings raise ValueError, None raises TypeError
    try:
        return operator.index(s)
    except TypeError:
        pass
    if isinstance(s, (list, tuple)):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    if isinstance(s, complex):
        s = s.real
    return int(s)


def _roll_shifts(shift):
    """The shifts as a list of ints (one for a scalar shift)."""
    if type(shift) is int:
        return [shift]
    if hasattr(shift, "tensor"):
        shift = shift.tensor
    if isinstance(shift, torch.Tensor):
        if shift.ndim > 1:
            raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
        many = shift.ndim == 1
        shift = shift.tolist()
        return [_shift_int(s) for s in shift] if many else [_shift_int(shift)]
    if isinstance(shift, (tuple, list)):
        return [_shift_int(s) for s in shift]
    return [_shift_int(shift)]


def roll(a: ArrayLike, shift, axis=None):
    """Roll elements along axes (a copy). Mirrors ``numpy.roll``."""
    shifts = _roll_shifts(shift)
    b = bits(a)
    if axis is None:
        return unbits(torch.roll(b.reshape(-1), sum(shifts)).reshape(a.shape), a.dtype)
    axes = normalize_axis_tuple(axis, a.ndim, allow_duplicate=True)
    if len(axes) != len(shifts):
        if len(axes) == 1:
            axes = axes * len(shifts)
        elif len(shifts) == 1:
            shifts = shifts * len(axes)
        else:
            raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    total = {}
    for ax, s in zip(axes, shifts):
        total[ax] = total.get(ax, 0) + s
    if not total:
        return a.clone()
    return unbits(torch.roll(b, tuple(total.values()), tuple(total)), a.dtype)


def rot90(m: ViewSource, k=1, axes=(0, 1)):
    """Rotate by 90 degrees in the plane of ``axes`` (a view). Mirrors ``numpy.rot90``."""
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim:
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k = operator.index(k) % 4
    a0, a1 = axes[0] % m.ndim, axes[1] % m.ndim
    if k == 0:
        return _views.same(m)
    if k == 2:
        return _views.flip(m, (a0, a1))
    perm = list(range(m.ndim))
    perm[a0], perm[a1] = perm[a1], perm[a0]
    if k == 1:  # NumPy: transpose(flip(m, a1)); k == 3: flip(transpose(m), a1)
        return _views.permute(_views.flip(m, (a1,)), tuple(perm))
    return _views.flip(_views.permute(m, tuple(perm)), (a1,))
