"""Array manipulation, NumPy sections "Basic operations", "Changing array shape",
"Transpose-like operations", "Changing number of dimensions" and "Changing kind of array".

Torch in, torch out, except where NumPy returns views: those functions take
the array itself (tag ``ViewSource``) and build their results with the core's
view model (``torchnp._views``), so writes through them reach the base array
whatever its strides. ``reshape``, ``ravel``, ``transpose``, ``squeeze`` and
``swapaxes`` live in core ``torchnp._shape_impl`` (the ndarray methods use
them); the plugin registers those.
"""
from __future__ import annotations

__all__ = [
    "shape", "size", "ndim", "permute_dims", "matrix_transpose", "moveaxis", "rollaxis",
    "expand_dims", "atleast_1d", "atleast_2d", "atleast_3d", "broadcast_to",
    "broadcast_arrays", "broadcast_shapes", "copyto", "require", "astype",
]

import operator

import torch

from torchnp import _dtypes, _normalize, _views
from torchnp._normalize import (ArrayLike, ArrayLikeOrScalar, CastingModes, DeviceLike, DTypeLike,
                                InPlace, NotImplementedType, ViewSource, as_tensor)
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


def copyto(dst: InPlace, src: ArrayLikeOrScalar, casting: CastingModes = "same_kind",
           where=True):
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
    if where is True:
        _views.write_tensor(dst, s.to(dst.device))
        return None
    where = as_tensor(where)
    w = where if where.dtype == torch.bool else where != 0
    if w.dtype != torch.bool:
        raise TypeError("copyto: where must be boolean")
    torch.broadcast_shapes(w.shape, dst.shape)
    dst.copy_(unbits(torch.where(w, bits(s), bits(dst)), dst.dtype))
    return None


def require(a: ViewSource, dtype: DTypeLike = None, requirements=None, *,
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
    if "C" in reqs and "F" in reqs:
        raise ValueError("Cannot specify both 'C' and 'F' order")
    # the array itself where it meets every requirement (NumPy returns its input)
    same = (dtype is None or a.dtype.torch_dtype == dtype) and \
        ("C" not in reqs or _views.is_c_contiguous(a)) and \
        ("F" not in reqs or _views.is_f_contiguous(a)) and \
        ("O" not in reqs or a.base is None) and ("W" not in reqs or a.flags.writeable)
    if same:
        nd = _normalize._ndarray_cls
        return _views.as_class(a, nd) if "E" in reqs and type(a)._plain is not nd else a
    t = a.tensor if dtype is None else cast_to(a.tensor, dtype)
    if "F" in reqs and t.ndim > 1:
        perm = list(reversed(range(t.ndim)))
        return t.permute(perm).clone(memory_format=torch.contiguous_format).permute(perm)
    return t.clone(memory_format=torch.contiguous_format) if t is a.tensor and \
        not _views.is_reversed(a) else t.contiguous()


def astype(x, dtype: DTypeLike, /, *, copy=True, device: DeviceLike = None):
    """Cast to ``dtype``. Mirrors ``numpy.astype`` (the Array API function)."""
    if not isinstance(x, _normalize._ndarray_cls):  # (untagged: only arrays are taken)
        if isinstance(x, (int, float, complex, str, bytes)):
            # NumPy's isscalar lets Python scalars through to x.astype(...)
            raise AttributeError(f"'{type(x).__name__}' object has no attribute 'astype'")
        if hasattr(x, "astype") and hasattr(x, "dtype"):  # a torchnp scalar
            return x.astype(_dtypes.from_torch(dtype), copy=copy)
        raise TypeError(f"Input should be a NumPy array or scalar. It is a {type(x).__name__} "
                        "instead.")
    t = x.tensor
    if dtype == t.dtype and not copy and (device is None or t.device == device):
        return x
    if dtype != t.dtype:
        t = cast_to(t, dtype)
    elif copy and not _views.is_reversed(x):
        t = t.clone()
    if device is not None and t.device != device:
        t = t.to(device)
    return t


# --- transpose-like ----------------------------------------------------------------
def permute_dims(a: ViewSource, axes=None):
    """Permute the axes (a view). Mirrors ``numpy.permute_dims``."""
    if axes is None:
        return _views.permute(a, tuple(range(a.ndim - 1, -1, -1)))
    axes = tuple(operator.index(ax) for ax in axes)
    if len(axes) != a.ndim:
        raise ValueError("axes don't match array")
    return _views.permute(a, normalize_axis_tuple(axes, a.ndim, "axes"))


def matrix_transpose(x: ViewSource, /):
    """Swap the last two axes (a view). Mirrors ``numpy.matrix_transpose``."""
    nd = x.ndim
    if nd < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {nd}")
    return _views.permute(x, tuple(range(nd - 2)) + (nd - 1, nd - 2))


def moveaxis(a: ViewSource, source, destination):
    """Move axes to new positions (a view). Mirrors ``numpy.moveaxis``."""
    src = normalize_axis_tuple(source, a.ndim, "source")
    dst = normalize_axis_tuple(destination, a.ndim, "destination")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    order = [n for n in range(a.ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return _views.permute(a, tuple(order))


def rollaxis(a: ViewSource, axis, start=0):
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
        return _views.same(a)
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return _views.permute(a, tuple(axes))


# --- changing number of dimensions -------------------------------------------------
def expand_dims(a: ViewSource, axis):
    """Insert length-1 axes (a view). Mirrors ``numpy.expand_dims``."""
    if type(axis) not in (tuple, list):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axes = normalize_axis_tuple(axis, out_ndim)
    return _views.expand_dims(a, sorted(axes))


# where atleast_Nd puts new axes, by (N, ndim): NumPy's 3-d puts a 1-d row in the middle
_NEW_AXES = {(1, 0): (0,), (2, 0): (0, 1), (2, 1): (0,), (3, 0): (0, 1, 2), (3, 1): (0, 2),
             (3, 2): (2,)}


def _atleast(arys, n):
    out = [a if a.ndim >= n else _views.expand_dims(a, _NEW_AXES[n, a.ndim]) for a in arys]
    return out[0] if len(out) == 1 else tuple(out)


def atleast_1d(*arys: ViewSource):
    """View inputs as arrays with at least one dimension. Mirrors ``numpy.atleast_1d``."""
    return _atleast(arys, 1)


def atleast_2d(*arys: ViewSource):
    """View inputs as arrays with at least two dimensions. Mirrors ``numpy.atleast_2d``."""
    return _atleast(arys, 2)


def atleast_3d(*arys: ViewSource):
    """View inputs as arrays with at least three dimensions. Mirrors ``numpy.atleast_3d``."""
    return _atleast(arys, 3)


# --- broadcasting ----------------------------------------------------------------------
def _shape_tuple(shape):
    if isinstance(shape, (tuple, list)):
        return tuple(operator.index(s) for s in shape)
    return (operator.index(shape),)


def broadcast_to(array: ViewSource, shape, subok=False):
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
    return _views.broadcast_to(array, shape, readonly=True)


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


def broadcast_arrays(*args: ViewSource, subok=False):
    """Broadcast arrays against each other (views). Mirrors ``numpy.broadcast_arrays``."""
    shp = _broadcast_shapes(*(t.shape for t in args))
    return tuple(t if t.shape == shp else _views.broadcast_to(t, shp) for t in args)


def broadcast_shapes(*args):
    """The shape that broadcasting ``args`` gives. Mirrors ``numpy.broadcast_shapes``."""
    return _broadcast_shapes(*(_shape_tuple(s) for s in args))
