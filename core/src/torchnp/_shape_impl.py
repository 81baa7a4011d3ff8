"""Shape basics (NumPy's "changing array shape" / "transpose-like operations").

``reshape``, ``ravel``, ``transpose``, ``swapaxes`` and ``squeeze``, built on the
view model (``_views``): they return a view exactly where NumPy returns one (so
writes through the result reach the input, whatever its strides) and a new
array otherwise. The ndarray methods call these directly; the manipulation
plugin registers the same functions as ``torchnp.reshape`` etc.
"""
from __future__ import annotations

__all__ = ["reshape", "ravel", "transpose", "swapaxes", "squeeze"]

import operator

import torch

from . import _views
from ._normalize import AxisLike, ViewSource
from .exceptions import normalize_axis_index, normalize_axis_tuple

_NO_COPY_MSG = "Unable to avoid creating a copy while reshaping."


def _is_c_contig(t):
    """NumPy's C-contiguity of a positive-stride tensor (length-1 axes' strides ignored)."""
    expected = 1
    for size, stride in zip(reversed(t.shape), reversed(t.stride())):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


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


def _rev(n):
    return tuple(range(n - 1, -1, -1))


def _values(a):
    """A new C-contiguous tensor of ``a``'s values (a reversed array's are new already)."""
    t = a.tensor
    # (torch.flip keeps its input's layout: a reversed array's values may be permuted)
    return t.contiguous() if _views.is_reversed(a) else t.clone(memory_format=torch.contiguous_format)


def reshape(a: ViewSource, /, shape, order="C", *, copy=None):
    """Give an array a new shape. Mirrors ``numpy.reshape``.

    Returns a view when NumPy does (the input's strides allow it), else a copy;
    ``copy=False`` raises ValueError where a copy would be needed.
    """
    shape = _resolve_shape(shape, a.size)
    if order == "A":
        order = "F" if _views.is_f_contiguous(a) and not _views.is_c_contiguous(a) else "C"
    if order == "C":
        if copy is not True:
            r = _views.reshape(a, shape)
            if r is not None:
                return r
            if copy is False:
                raise ValueError(_NO_COPY_MSG)
        return _views.wrap(_values(a).view(shape))
    if order == "F":
        # F order: reverse the axes, reshape in C order to the reversed shape, reverse back
        if copy is not True:
            r = _views.reshape(_views.permute(a, _rev(a.ndim)), shape[::-1])
            if r is not None:
                return _views.permute(r, _rev(len(shape)))
            if copy is False:
                raise ValueError(_NO_COPY_MSG)
        t = a.tensor.permute(_rev(a.ndim)).clone(memory_format=torch.contiguous_format)
        return _views.wrap(t.view(shape[::-1]).permute(_rev(len(shape))))
    if order == "K":
        raise ValueError("order 'K' is not permitted for reshaping")
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


def ravel(a: ViewSource, order="C"):
    """Flatten to 1-D. Mirrors ``numpy.ravel``.

    A view only when the input is contiguous in the requested order (NumPy
    copies otherwise, even where a strided 1-D view would exist).
    """
    n = (a.size,)
    c = _views.is_c_contiguous(a)
    if order == "A":
        order = "F" if _views.is_f_contiguous(a) and not c else "C"
    if order == "K":
        if c:
            order = "C"
        elif _views.is_f_contiguous(a):
            order = "F"
        else:
            # memory order: axes by decreasing stride magnitude, each in its own direction
            st = _views.strides(a)
            perm = tuple(sorted(range(a.ndim), key=lambda i: -abs(st[i])))
            p = _views.permute(a, perm)
            if _views.is_c_contiguous(p):
                return _views.reshape(p, n)
            return _views.wrap(_values(p).view(n))
    if order == "C":
        return _views.reshape(a, n) if c else _views.wrap(_values(a).view(n))
    if order == "F":
        r = _views.permute(a, _rev(a.ndim))
        if _views.is_f_contiguous(a):
            return _views.reshape(r, n)
        return _views.wrap(_values(r).view(n))
    raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


def transpose(a: ViewSource, axes: AxisLike = None):
    """Permute the axes (reverse them by default); always a view. Mirrors ``numpy.transpose``."""
    nd = a.ndim
    if axes is None:
        return _views.permute(a, _rev(nd))
    if type(axes) is int:
        axes = (axes,)
    if len(axes) != nd:
        raise ValueError("axes don't match array")
    perm = tuple(normalize_axis_index(ax, nd) for ax in axes)
    if len(set(perm)) != nd:
        raise ValueError("repeated axis in transpose")
    return _views.permute(a, perm)


def swapaxes(a: ViewSource, axis1, axis2):
    """Interchange two axes; a view. Mirrors ``numpy.swapaxes``."""
    nd = a.ndim
    i = normalize_axis_index(operator.index(axis1), nd)
    j = normalize_axis_index(operator.index(axis2), nd)
    perm = list(range(nd))
    perm[i], perm[j] = j, i
    return _views.permute(a, tuple(perm))


def squeeze(a: ViewSource, axis: AxisLike = None):
    """Remove axes of length one; a view. Mirrors ``numpy.squeeze``."""
    # NumPy returns the array itself, not a view, when no axis goes
    shape = a.shape
    if axis is None:
        axes = tuple(i for i, s in enumerate(shape) if s == 1)
        return _views.squeeze(a, axes) if axes else a
    if not shape and type(axis) is int:
        # NumPy accepts an int axis 0 or -1 for a 0-d array (a tuple still raises)
        if axis != 0 and axis != -1:
            normalize_axis_index(axis, 0)  # raises NumPy's AxisError
        return a
    axes = normalize_axis_tuple(axis, len(shape))
    for ax in axes:
        if shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
    return _views.squeeze(a, tuple(sorted(axes))) if axes else a
