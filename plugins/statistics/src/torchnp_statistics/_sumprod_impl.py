"""Sums, products and their cumulative and NaN-ignoring forms (NumPy's "Sums, products, differences").

Torch-only: takes and returns tensors. uint16/32/64 have no torch add/multiply
kernels on CPU, so they are accumulated in int64 (two's-complement wraparound
gives NumPy's modular uint64 results) and viewed back.
"""
from __future__ import annotations

import warnings

import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, AxisLike, DTypeLike, KeepDims, OutArray
from torchnp.exceptions import ComplexWarning, normalize_axis_index

from ._common import (_NoValue, axes_of, from_compute, is_inexact, move_to_last, no_initial,
                      scalar_as, sum_dtype, to_compute, where_tensor)

__all__ = [
    "sum", "prod", "cumsum", "cumprod", "cumulative_sum", "cumulative_prod",
    "nansum", "nanprod", "nancumsum", "nancumprod",
]


def _cast_input(a, dst):
    """NumPy casts a reduction's input to an explicit ``dtype=`` unsafely (complex drops imag)."""
    if a.is_complex() and not dst.is_complex:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=5)
        return a.real
    return a


def _replace_nan(a, value):
    if is_inexact(a.dtype):
        return torch.where(torch.isnan(a), torch.as_tensor(value, dtype=a.dtype, device=a.device), a)
    return a


# dtypes whose torch sum/prod already has NumPy's default result dtype (small ints and
# bool give int64 in both); the common call with no dtype/initial/where goes straight
# to the kernel, skipping every no-op cast (a same-dtype ``.to`` alone costs as much as
# summing ten elements)
_NATIVE = frozenset({torch.bool, torch.int8, torch.int16, torch.int32, torch.int64,
                     torch.float16, torch.float32, torch.float64, torch.complex64,
                     torch.complex128})


def _reduce(a, axis, dtype, initial, where, is_prod):
    """The add/multiply reduction engine behind sum, prod, nansum, nanprod."""
    if dtype is None and initial is _NoValue and where is _NoValue and a.dtype in _NATIVE:
        if axis is None:
            return a.prod() if is_prod else a.sum()
        nd = a.ndim
        if type(axis) is int and nd:
            if not -nd <= axis < nd:
                normalize_axis_index(axis, nd)  # raises NumPy's AxisError
            return a.prod(axis) if is_prod else a.sum(axis)
    axes = axes_of(axis, a.ndim, lenient=True)
    rdt = dtype if dtype is not None else sum_dtype(a.dtype)
    init = None if no_initial(initial) else scalar_as(initial, rdt, a.device)
    mask = where_tensor(where, a.shape, a.device)
    if rdt == torch.bool:
        # NumPy casts to bool first, then reduces with logical or (and, for prod)
        x = a if a.dtype == torch.bool else a != 0
        if mask is not None:
            x = torch.where(mask, x, torch.tensor(is_prod, device=x.device))
        if not axes:
            r = x.clone()  # x may be a view of a (a same-dtype cast, uint64 as int64)
        else:
            r = x.all(dim=axes) if is_prod else x.any(dim=axes)
        if init is not None:
            r = (r & init) if is_prod else (r | init)
        return r
    x = to_compute(_cast_input(a, rdt), rdt)
    ident = 1 if is_prod else 0
    if mask is not None:
        x = torch.where(mask, x, torch.as_tensor(ident, dtype=x.dtype, device=x.device))
    if not axes:
        r = x.clone()  # x may be a view of a (a same-dtype cast, uint64 as int64)
    elif is_prod:
        if len(axes) == 1:
            r = torch.prod(x, dim=axes[0])
        else:
            r = torch.prod(move_to_last(x, axes)[0], dim=-1)
    elif len(axes) == x.ndim:
        r = x.sum()
    else:
        r = x.sum(dim=axes)
    if init is not None:
        init = to_compute(init, rdt)
        r = r * init if is_prod else r + init
    return from_compute(r, rdt)


def sum(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
        keepdims: KeepDims = _NoValue, initial=_NoValue, where=_NoValue) -> ArrayOrScalar:
    """Sum of array elements over the given axes. Mirrors ``numpy.sum``."""
    if axis is None and dtype is None and initial is _NoValue and where is _NoValue \
            and a.dtype in _NATIVE:
        return torch.sum(a)  # the common call, inline (see _NATIVE)
    return _reduce(a, axis, dtype, initial, where, False)


def prod(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
         keepdims: KeepDims = _NoValue, initial=_NoValue, where=_NoValue) -> ArrayOrScalar:
    """Product of array elements over the given axes. Mirrors ``numpy.prod``."""
    return _reduce(a, axis, dtype, initial, where, True)


def nansum(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
           keepdims: KeepDims = _NoValue, initial=_NoValue, where=_NoValue) -> ArrayOrScalar:
    """Sum treating NaNs as zero. Mirrors ``numpy.nansum``."""
    return _reduce(_replace_nan(a, 0), axis, dtype, initial, where, False)


def nanprod(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
            keepdims: KeepDims = _NoValue, initial=_NoValue, where=_NoValue) -> ArrayOrScalar:
    """Product treating NaNs as one. Mirrors ``numpy.nanprod``."""
    return _reduce(_replace_nan(a, 1), axis, dtype, initial, where, True)


def _accumulate(a, axis, dtype, is_prod):
    rdt = dtype if dtype is not None else sum_dtype(a.dtype)
    a = _cast_input(a, rdt)
    if axis is None:
        a = a.reshape(-1)
        ax = 0
    else:
        if type(axis) is tuple:
            raise TypeError("an integer is required for the axis")
        if a.ndim == 0:
            a = a.reshape(1)
        ax = normalize_axis_index(axis, a.ndim)
    x = to_compute(a, rdt)
    if x.dtype == torch.bool:
        x = x.to(torch.int64)
    r = torch.cumprod(x, dim=ax) if is_prod else torch.cumsum(x, dim=ax)
    return from_compute(r, rdt)


def cumsum(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None,
           out: OutArray = None) -> torch.Tensor:
    """Cumulative sum along an axis (flattened when axis is None). Mirrors ``numpy.cumsum``."""
    return _accumulate(a, axis, dtype, False)


def cumprod(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None,
            out: OutArray = None) -> torch.Tensor:
    """Cumulative product along an axis. Mirrors ``numpy.cumprod``."""
    return _accumulate(a, axis, dtype, True)


def nancumsum(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None,
              out: OutArray = None) -> torch.Tensor:
    """Cumulative sum treating NaNs as zero. Mirrors ``numpy.nancumsum``."""
    return _accumulate(_replace_nan(a, 0), axis, dtype, False)


def nancumprod(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None,
               out: OutArray = None) -> torch.Tensor:
    """Cumulative product treating NaNs as one. Mirrors ``numpy.nancumprod``."""
    return _accumulate(_replace_nan(a, 1), axis, dtype, True)


def _cumulative(x, axis, dtype, include_initial, is_prod):
    if x.ndim == 0:
        x = x.reshape(1)
    if axis is None:
        if x.ndim > 1:
            raise ValueError("For arrays which have more than one dimension ``axis`` argument is required.")
        axis = 0
    ax = normalize_axis_index(axis, x.ndim)
    r = _accumulate(x, ax, dtype, is_prod)
    if include_initial:
        shape = list(r.shape)
        shape[ax] = 1
        init = torch.full(shape, 1 if is_prod else 0, dtype=r.dtype, device=r.device)
        r = torch.cat([init, r], dim=ax)
    return r


def cumulative_sum(x: ArrayLike, /, *, axis: AxisLike = None, dtype: DTypeLike = None,
                   out: OutArray = None, include_initial=False) -> torch.Tensor:
    """Array API cumulative sum. Mirrors ``numpy.cumulative_sum``."""
    return _cumulative(x, axis, dtype, include_initial, False)


def cumulative_prod(x: ArrayLike, /, *, axis: AxisLike = None, dtype: DTypeLike = None,
                    out: OutArray = None, include_initial=False) -> torch.Tensor:
    """Array API cumulative product. Mirrors ``numpy.cumulative_prod``."""
    return _cumulative(x, axis, dtype, include_initial, True)
