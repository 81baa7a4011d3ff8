"""Shape basics (NumPy's "changing array shape" / "transpose-like operations").

``reshape``, ``ravel``, ``transpose``, ``swapaxes`` and ``squeeze`` on torch
tensors. They return a torch view exactly where NumPy returns a view (so writes
through the result reach the input) and a fresh tensor otherwise. The ndarray
methods call these directly; the manipulation plugin registers the same
functions as ``torchnp.reshape`` etc. Torch only: imports torch and core helpers.
"""
from __future__ import annotations

__all__ = ["reshape", "ravel", "transpose", "swapaxes", "squeeze"]

import operator

import torch

from ._normalize import ArrayLike, AxisLike
from .exceptions import normalize_axis_index, normalize_axis_tuple

_NO_COPY_MSG = "Unable to avoid creating a copy while reshaping."


def _is_f_contig(t):
    expected = 1
    for size, stride in zip(t.shape, t.stride()):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


def _resolve_shape(shape, size):
    """NumPy's shape argument (int or sequence, one -1 allowed) -> a tuple of ints."""
    if shape is None:
        raise TypeError("reshape() missing required argument 'shape' (pos 1)")
    if isinstance(shape, (list, tuple)):
        dims = [operator.index(s) for s in shape]
    else:
        dims = [operator.index(shape)]
    unknown = [i for i, d in enumerate(dims) if d < 0]  # NumPy takes any negative as unknown
    if len(unknown) > 1:
        raise ValueError("can only specify one unknown dimension")
    known = 1
    for d in dims:
        if d >= 0:
            known *= d
    if unknown:
        if known == 0 or size % known:
            raise ValueError(f"cannot reshape array of size {size} into shape "
                             f"{_shape_str(dims)}")
        dims[unknown[0]] = size // known
    elif known != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {_shape_str(dims)}")
    return tuple(dims)


def _shape_str(dims):
    """A requested shape as NumPy's reshape errors print it: ``(3,3)``; a one-entry
    shape as ``(4,)``; an unknown (negative) dimension as ``newaxis``, or left out
    where it leads (``(-1, 3)`` prints ``(3)``)."""
    n = len(dims)
    shown = list(dims)
    while shown and shown[0] < 0:
        shown.pop(0)
    if not shown:
        return "()"
    body = ",".join("newaxis" if d < 0 else str(d) for d in shown)
    return f"({body},)" if n == 1 else f"({body})"


def _reshape_c(t, shape, copy):
    if copy is True:
        r = t.reshape(shape)
        return r.clone() if _shares(r, t) else r
    try:
        return t.view(shape)
    except RuntimeError:
        if copy is False:
            raise ValueError(_NO_COPY_MSG) from None
        return t.reshape(shape)


def _shares(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


def _rev(t):
    return t.permute(*reversed(range(t.ndim))) if t.ndim > 1 else t


def reshape(a: ArrayLike, /, shape, order="C", *, copy=None):
    """Give an array a new shape. Mirrors ``numpy.reshape``.

    Returns a view when NumPy does (the input's strides allow it), else a copy;
    ``copy=False`` raises ValueError where a copy would be needed.
    """
    shape = _resolve_shape(shape, a.numel())
    if order == "A":
        order = "F" if _is_f_contig(a) and not a.is_contiguous() else "C"
    if order == "C":
        return _reshape_c(a, shape, copy)
    if order == "F":
        return _rev(_reshape_c(_rev(a), tuple(reversed(shape)), copy))
    if order == "K":
        raise ValueError("order 'K' is not permitted for reshaping")
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


def ravel(a: ArrayLike, order="C"):
    """Flatten to 1-D. Mirrors ``numpy.ravel``.

    A view only when the input is contiguous in the requested order (NumPy
    copies otherwise, even where a strided 1-D view would exist).
    """
    c = _is_c_contig(a)
    if order == "A":
        order = "F" if _is_f_contig(a) and not c else "C"
    if order == "K":
        if c:
            order = "C"
        elif _is_f_contig(a):
            order = "F"
        else:  # memory order: axes by decreasing stride (torch strides are never negative)
            perm = sorted(range(a.ndim), key=lambda i: -a.stride(i))
            return a.permute(*perm).reshape(-1).clone()
    if order == "C":
        return a.view(-1) if c else a.reshape(-1).clone() if _views(a) else a.reshape(-1)
    if order == "F":
        r = _rev(a)
        return r.view(-1) if _is_f_contig(a) else r.reshape(-1).clone() if _views(r) else r.reshape(-1)
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


def _views(t):
    return _shares(t.reshape(-1), t)


def _is_c_contig(t):
    expected = 1
    for size, stride in zip(reversed(t.shape), reversed(t.stride())):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


def transpose(a: ArrayLike, axes: AxisLike = None):
    """Permute the axes (reverse them by default); always a view. Mirrors ``numpy.transpose``."""
    nd = a.ndim
    if axes is None:
        return a.permute(*reversed(range(nd))) if nd > 1 else a.view(a.shape)
    if type(axes) is int:
        axes = (axes,)
    if len(axes) != nd:
        raise ValueError("axes don't match array")
    if not nd:  # torch's permute() needs at least one dim
        return a.view(a.shape)
    perm = tuple(normalize_axis_index(ax, nd) for ax in axes)
    if len(set(perm)) != nd:
        raise ValueError("repeated axis in transpose")
    return a.permute(*perm)


def swapaxes(a: ArrayLike, axis1, axis2):
    """Interchange two axes; a view. Mirrors ``numpy.swapaxes``."""
    nd = a.ndim
    i = normalize_axis_index(operator.index(axis1), nd)
    j = normalize_axis_index(operator.index(axis2), nd)
    return a.transpose(i, j) if nd > 1 else a.view(a.shape)


def squeeze(a: ArrayLike, axis: AxisLike = None):
    """Remove axes of length one; a view. Mirrors ``numpy.squeeze``."""
    if axis is None:
        return _squeeze_dims(a, [i for i, s in enumerate(a.shape) if s == 1])
    if not a.ndim and type(axis) is int:
        # NumPy accepts an int axis 0 or -1 for a 0-d array (a tuple still raises)
        if axis != 0 and axis != -1:
            normalize_axis_index(axis, 0)  # raises NumPy's AxisError
        return a.view(())
    axes = normalize_axis_tuple(axis, a.ndim)
    for ax in axes:
        if a.shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
    return _squeeze_dims(a, sorted(axes))


def _squeeze_dims(a, dims):
    if not dims:
        return a.view(a.shape)
    return a.squeeze(tuple(dims))
