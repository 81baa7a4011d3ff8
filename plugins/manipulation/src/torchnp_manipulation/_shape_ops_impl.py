"""Array manipulation, NumPy sections "Basic operations", "Changing array shape",
"Transpose-like operations", "Changing number of dimensions" and "Changing kind of array".

Torch in, torch out. Results that NumPy returns as views are torch views of the
input, so writes through them reach the base array. ``reshape``, ``ravel``,
``transpose``, ``squeeze`` and ``swapaxes`` live in core ``torchnp._shape_impl``
(the ndarray methods use them); the plugin registers those.
"""
from __future__ import annotations

__all__ = [
    "shape", "size", "ndim", "permute_dims", "matrix_transpose", "moveaxis", "rollaxis",
    "expand_dims", "atleast_1d", "atleast_2d", "atleast_3d", "broadcast_to",
    "broadcast_arrays", "broadcast_shapes", "copyto", "require", "astype",
]

import operator

import torch

from torchnp._normalize import (ArrayLike, ArrayLikeOrScalar, CastingModes, DeviceLike, DTypeLike,
                                NDArray, NotImplementedType)
from torchnp.exceptions import AxisError, normalize_axis_index, normalize_axis_tuple

from ._util import bits, cast_to, check_cast, unbits


# --- basic operations ----------------------------------------------------------
def shape(a: ArrayLike):
    """Shape of an array-like as a tuple. Mirrors ``numpy.shape``."""
    return tuple(a.shape)


def size(a: ArrayLike, axis=None):
    """Number of elements (along ``axis``). Mirrors ``numpy.size``."""
    if axis is None:
        return a.numel()
    if isinstance(axis, (tuple, list)):
        n = 1
        for ax in normalize_axis_tuple(axis, a.ndim):
            n *= a.shape[ax]
        return n
    return a.shape[normalize_axis_index(operator.index(axis), a.ndim)]


def ndim(a: ArrayLike):
    """Number of dimensions. Mirrors ``numpy.ndim``."""
    return a.ndim


def copyto(dst: NDArray, src: ArrayLikeOrScalar, casting: CastingModes = "same_kind",
           where: ArrayLike = True):
    """Copy ``src`` into ``dst`` (broadcasting, casting checked). Mirrors ``numpy.copyto``."""
    if isinstance(src, torch.Tensor):
        check_cast(src.dtype, dst.dtype, casting)
        s = cast_to(src, dst.dtype)
    else:
        s = torch.tensor(src, dtype=dst.dtype) if not isinstance(src, complex) or dst.is_complex() \
            else torch.tensor(src.real, dtype=dst.dtype)
        if casting != "unsafe" and type(src) is not bool:
            from torchnp import _dtypes
            kind = _dtypes.from_torch(dst.dtype).kind
            if (type(src) is float and kind in "biu") or (type(src) is complex and kind != "c") \
                    or (type(src) is int and kind == "b"):
                check_cast(_dtypes.default_dtype_of_scalar(src), dst.dtype, casting)
    try:
        torch.broadcast_shapes(s.shape, dst.shape)
        ok = torch.broadcast_shapes(s.shape, dst.shape) == dst.shape
    except RuntimeError:
        ok = False
    if not ok:
        raise ValueError(f"could not broadcast input array from shape {tuple(s.shape)} into shape "
                         f"{tuple(dst.shape)}")
    if where.ndim == 0 and where.dtype == torch.bool and where.device.type == "cpu" and bool(where):
        dst.copy_(s)
        return None
    w = where if where.dtype == torch.bool else where != 0
    if w.dtype != torch.bool:
        raise TypeError("copyto: where must be boolean")
    torch.broadcast_shapes(w.shape, dst.shape)
    dst.copy_(unbits(torch.where(w, bits(s), bits(dst)), dst.dtype))
    return None


def require(a: ArrayLike, dtype: DTypeLike = None, requirements=None, *,
            like: NotImplementedType = None):
    """Return an array meeting ``requirements`` (C/F/A/W/O/E). Mirrors ``numpy.require``."""
    names = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F", "F_CONTIGUOUS": "F",
             "FORTRAN": "F", "A": "A", "ALIGNED": "A", "W": "W", "WRITEABLE": "W", "O": "O",
             "OWNDATA": "O", "E": "E", "ENSUREARRAY": "E"}
    reqs = set()
    if requirements:
        for r in requirements:
            try:
                reqs.add(names[r.upper()])
            except KeyError:
                raise KeyError(r) from None
    t = a if dtype is None else cast_to(a, dtype)
    if "C" in reqs and "F" in reqs:
        raise ValueError("Cannot specify both 'C' and 'F' order")
    if "C" in reqs and not t.is_contiguous():
        t = t.contiguous()
    elif "F" in reqs:
        perm = list(reversed(range(t.ndim)))
        if not t.permute(perm).is_contiguous():
            t = t.permute(perm).contiguous().permute(perm)
    if "O" in reqs and t is a:
        t = t.clone()
    return t


def astype(x: NDArray, dtype: DTypeLike, /, *, copy=True, device: DeviceLike = None):
    """Cast to ``dtype``. Mirrors ``numpy.astype`` (the Array API function)."""
    t = x
    if dtype != t.dtype:
        t = cast_to(t, dtype)
    elif copy:
        t = t.clone()
    if device is not None and t.device != device:
        t = t.to(device)
    return t


# --- transpose-like ----------------------------------------------------------------
def permute_dims(a: ArrayLike, axes=None):
    """Permute the axes (a view). Mirrors ``numpy.permute_dims``."""
    if axes is None:
        return a.permute(*reversed(range(a.ndim)))
    axes = tuple(operator.index(ax) for ax in axes)
    if len(axes) != a.ndim:
        raise ValueError("axes don't match array")
    return a.permute(normalize_axis_tuple(axes, a.ndim, "axes"))


def matrix_transpose(x: ArrayLike, /):
    """Swap the last two axes (a view). Mirrors ``numpy.matrix_transpose``."""
    if x.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {x.ndim}")
    return x.transpose(-2, -1)


def moveaxis(a: ArrayLike, source, destination):
    """Move axes to new positions (a view). Mirrors ``numpy.moveaxis``."""
    src = normalize_axis_tuple(source, a.ndim, "source")
    dst = normalize_axis_tuple(destination, a.ndim, "destination")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    order = [n for n in range(a.ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return a.permute(order)


def rollaxis(a: ArrayLike, axis, start=0):
    """Roll ``axis`` backwards until it lies before ``start`` (a view). Mirrors ``numpy.rollaxis``."""
    n = a.ndim
    axis = normalize_axis_index(operator.index(axis), n)
    start = operator.index(start)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.permute(axes)


# --- changing number of dimensions -------------------------------------------------
def expand_dims(a: ArrayLike, axis):
    """Insert length-1 axes (a view). Mirrors ``numpy.expand_dims``."""
    if type(axis) not in (tuple, list):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axes = normalize_axis_tuple(axis, out_ndim)
    return _unsqueeze_all(a, sorted(axes))


def _unsqueeze_all(a, axes):
    for ax in axes:
        a = a.unsqueeze(ax)
    return a


def _atleast(arys, n):
    out = []
    for t in arys:
        if t.ndim < n:
            if n == 3 and t.ndim == 1:
                t = t[None, :, None]
            elif n == 3 and t.ndim == 2:
                t = t[:, :, None]
            else:
                t = t.reshape((1,) * (n - t.ndim) + tuple(t.shape))
        out.append(t)
    return out[0] if len(out) == 1 else tuple(out)


def atleast_1d(*arys: ArrayLike):
    """View inputs as arrays with at least one dimension. Mirrors ``numpy.atleast_1d``."""
    return _atleast(arys, 1)


def atleast_2d(*arys: ArrayLike):
    """View inputs as arrays with at least two dimensions. Mirrors ``numpy.atleast_2d``."""
    return _atleast(arys, 2)


def atleast_3d(*arys: ArrayLike):
    """View inputs as arrays with at least three dimensions. Mirrors ``numpy.atleast_3d``."""
    return _atleast(arys, 3)


# --- broadcasting ----------------------------------------------------------------------
def _shape_tuple(shape):
    if isinstance(shape, (tuple, list)):
        return tuple(operator.index(s) for s in shape)
    return (operator.index(shape),)


def broadcast_to(array: ArrayLike, shape, subok=False):
    """Broadcast to ``shape`` (a read-only view). Mirrors ``numpy.broadcast_to``."""
    shape = _shape_tuple(shape)
    if any(s < 0 for s in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    if array.ndim > len(shape) or any(
            s != d and s != 1 for s, d in zip(reversed(array.shape), reversed(shape))):
        if not shape and array.ndim:
            raise ValueError("cannot broadcast a non-scalar to a scalar array")
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {tuple(array.shape)} and requested shape {shape}")
    return array.expand(shape)


def _broadcast_shapes(*shapes):
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for i, s in enumerate(shapes):
        for k, d in enumerate(s):
            pos = ndim - len(s) + k
            if d != 1:
                if out[pos] not in (1, d):
                    j = next(j for j, t in enumerate(shapes)
                             if len(t) >= ndim - pos and t[pos - ndim] not in (1, d))
                    raise ValueError(
                        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                        f"is between arg {j} with shape {shapes[j]} and arg {i} with shape {s}.")
                out[pos] = d
    return tuple(out)


def broadcast_arrays(*args: ArrayLike, subok=False):
    """Broadcast arrays against each other (views). Mirrors ``numpy.broadcast_arrays``."""
    shp = _broadcast_shapes(*(tuple(t.shape) for t in args))
    return tuple(t if tuple(t.shape) == shp else t.expand(shp) for t in args)


def broadcast_shapes(*args):
    """The shape that broadcasting ``args`` gives. Mirrors ``numpy.broadcast_shapes``."""
    return _broadcast_shapes(*(_shape_tuple(s) for s in args))
