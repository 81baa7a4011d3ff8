"""Array creation routines (NumPy's "array creation routines" section).

Torch in, torch out; registered eagerly by ``torchnp/__init__.py``.
"""
from __future__ import annotations

import builtins
import operator

import torch

from . import _dtypes
from ._normalize import ArrayLike, DeviceLike, DTypeLike, NotImplementedType, as_tensor

__all__ = [
    "array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray", "copy",
    "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like",
    "arange",
]


def _shape(shape):
    if isinstance(shape, int) or hasattr(shape, "__index__"):
        return (operator.index(shape),)
    out = tuple(operator.index(s) for s in shape)
    if any(s < 0 for s in out):
        raise ValueError("negative dimensions are not allowed")
    return out


def _default(dtype, fallback=torch.float64):
    return fallback if dtype is None else dtype


def _convert(obj, dtype, copy, device):
    """Shared engine of array/asarray: convert, cast, move, copy as asked."""
    t = as_tensor(obj)
    fresh = t is not getattr(obj, "tensor", obj) and not hasattr(obj, "__array_interface__") \
        and not hasattr(obj, "__dlpack__")
    if dtype is not None and t.dtype != dtype:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        t = t.real.to(dtype) if t.is_complex() and not dtype.is_complex else t.to(dtype)
        fresh = True
    if device is not None and t.device != device:
        if copy is False:
            raise ValueError("Unable to avoid copy while moving an array to another device.")
        t = t.to(device)
        fresh = True
    if copy is True and not fresh:
        t = t.clone()
    return t


def array(object: ArrayLike, dtype: DTypeLike = None, *, copy=True, order="K",
          subok=False, ndmin=0, ndmax=0, like: NotImplementedType = None):
    """Create an array. Mirrors ``numpy.array``."""
    t = object
    if dtype is not None and t.dtype != dtype:
        t = t.real.to(dtype) if t.is_complex() and not dtype.is_complex else t.to(dtype)
    elif copy:
        t = t.clone()
    if ndmin > t.ndim:
        t = t.reshape((1,) * (ndmin - t.ndim) + tuple(t.shape))
    return t


def asarray(a, dtype: DTypeLike = None, order=None, *, device: DeviceLike = None,
            copy=None, like: NotImplementedType = None):
    """Convert the input to an array. Mirrors ``numpy.asarray``."""
    return _convert(a, dtype, copy, device)


def asanyarray(a, dtype: DTypeLike = None, order=None, *, device: DeviceLike = None,
               copy=None, like: NotImplementedType = None):
    """Mirrors ``numpy.asanyarray`` (no subclasses: same as asarray)."""
    return _convert(a, dtype, copy, device)


def ascontiguousarray(a: ArrayLike, dtype: DTypeLike = None, *, like: NotImplementedType = None):
    """Mirrors ``numpy.ascontiguousarray``."""
    t = a if dtype is None else a.to(dtype)
    if t.ndim == 0:
        t = t.reshape(1)
    return t.contiguous()


def asfortranarray(a: ArrayLike, dtype: DTypeLike = None, *, like: NotImplementedType = None):
    """Mirrors ``numpy.asfortranarray``: a column-major copy."""
    t = a if dtype is None else a.to(dtype)
    if t.ndim == 0:
        t = t.reshape(1)
    return t.mT.contiguous().mT if t.ndim == 2 else t.permute(*reversed(range(t.ndim))).contiguous().permute(*reversed(range(t.ndim)))


def copy(a: ArrayLike, order="K", subok=False):
    """Mirrors ``numpy.copy``."""
    return a.clone()


def empty(shape, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
          like: NotImplementedType = None):
    """Mirrors ``numpy.empty``."""
    return torch.empty(_shape(shape), dtype=_default(dtype), device=device)


def zeros(shape, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
          like: NotImplementedType = None):
    """Mirrors ``numpy.zeros``."""
    return torch.zeros(_shape(shape), dtype=_default(dtype), device=device)


def ones(shape, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
         like: NotImplementedType = None):
    """Mirrors ``numpy.ones``."""
    return torch.ones(_shape(shape), dtype=_default(dtype), device=device)


def full(shape, fill_value, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
         like: NotImplementedType = None):
    """Mirrors ``numpy.full``."""
    fill = as_tensor(fill_value)
    if dtype is None:
        dtype = fill.dtype
    shape = _shape(shape)
    if fill.ndim == 0:
        return torch.full(shape, fill.item(), dtype=dtype, device=device or fill.device)
    return fill.to(dtype=dtype, device=device or fill.device).expand(shape).clone()


def _like(a, dtype, shape, device):
    return (a.dtype if dtype is None else dtype,
            tuple(a.shape) if shape is None else _shape(shape),
            a.device if device is None else device)


def empty_like(prototype: ArrayLike, dtype: DTypeLike = None, order="K", subok=True,
               shape=None, *, device: DeviceLike = None):
    """Mirrors ``numpy.empty_like``."""
    dt, sh, dev = _like(prototype, dtype, shape, device)
    return torch.empty(sh, dtype=dt, device=dev)


def zeros_like(a: ArrayLike, dtype: DTypeLike = None, order="K", subok=True, shape=None, *,
               device: DeviceLike = None):
    """Mirrors ``numpy.zeros_like``."""
    dt, sh, dev = _like(a, dtype, shape, device)
    return torch.zeros(sh, dtype=dt, device=dev)


def ones_like(a: ArrayLike, dtype: DTypeLike = None, order="K", subok=True, shape=None, *,
              device: DeviceLike = None):
    """Mirrors ``numpy.ones_like``."""
    dt, sh, dev = _like(a, dtype, shape, device)
    return torch.ones(sh, dtype=dt, device=dev)


def full_like(a: ArrayLike, fill_value, dtype: DTypeLike = None, order="K", subok=True,
              shape=None, *, device: DeviceLike = None):
    """Mirrors ``numpy.full_like``."""
    dt, sh, dev = _like(a, dtype, shape, device)
    fill = as_tensor(fill_value)
    return fill.to(dev).to(dt).expand(sh).clone() if fill.ndim else torch.full(sh, fill.item(), dtype=dt, device=dev)


def arange(start_or_stop, /, stop=None, step=None, *, dtype: DTypeLike = None,
           device: DeviceLike = None, like: NotImplementedType = None):
    """Mirrors ``numpy.arange`` (length ``ceil((stop - start) / step)``)."""
    start = start_or_stop
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    vals = [as_tensor(v).item() if not isinstance(v, (builtins.int, builtins.float, builtins.complex)) else v
            for v in (start, stop, step)]
    if step == 0:
        raise ZeroDivisionError("division by zero")
    result_dt = _dtypes.result_type_torch(*vals)
    import math
    n = max(0, math.ceil((vals[1] - vals[0]) / vals[2]))
    dt = dtype if dtype is not None else result_dt
    if dt.is_floating_point or result_dt.is_floating_point:
        out = vals[0] + torch.arange(n, dtype=torch.float64, device=device) * vals[2]
        return out.to(dt)
    return torch.arange(vals[0], vals[0] + n * vals[2], vals[2], dtype=torch.int64, device=device)[:n].to(dt)
