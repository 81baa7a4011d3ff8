"""Shared engine of the statistics plugin: axis handling, accumulator dtypes, widening.

Private helpers only (the plugin registers the section modules, not this one).
Imports torch and torchnp's private helpers; never numpy.
"""
from __future__ import annotations

import warnings

import torch

from torchnp._dtypes import _BY_TORCH
from torchnp.exceptions import AxisError, normalize_axis_tuple

__all__ = [
    "_NoValue", "axes_of", "sum_dtype", "mean_dtype", "compute_dtype", "widen_ordered",
    "unwiden_ordered", "apply_where", "reduced_count", "move_to_last", "warn_runtime",
    "kind", "is_inexact", "where_tensor", "finish_shape", "to_compute", "from_compute",
]


class _NoValueType(int):
    """NumPy's ``np._NoValue``: 'not given' for keepdims/initial/where; falsy.

    An ``int`` subclass (always 0) only so that its truth test runs in C: the
    generated wrappers test ``if keepdims:`` on every call, and a Python-level
    ``__bool__`` costs as much as a small kernel launch. Always compare it by identity.
    """

    __slots__ = ()

    def __new__(cls):
        return int.__new__(cls, 0)

    def __repr__(self):
        return "<no value>"

    __str__ = __repr__

    def __reduce__(self):
        return (_get_novalue, ())


def _get_novalue():
    return _NoValue


_NoValue = _NoValueType()

_UNSIGNED_WIDE = (torch.uint16, torch.uint32)


def kind(dt):
    """NumPy's kind character ('b', 'i', 'u', 'f', 'c') of a torch dtype."""
    return _BY_TORCH[dt].kind


def is_inexact(dt):
    return dt.is_floating_point or dt.is_complex


def axes_of(axis, ndim, lenient=False):
    """Normalized reduction axes as a tuple (None -> all axes).

    ``lenient``: NumPy's ufunc reductions (sum, max...) accept axis 0/-1 on 0-d input;
    mean/var/median do not.
    """
    if axis is None:
        return tuple(range(ndim))
    if ndim == 0 and lenient:
        # NumPy's reductions accept axis 0/-1 (and ()) on 0-d input
        ax = (axis,) if type(axis) is int else tuple(axis)
        for a in ax:
            if a not in (0, -1):
                raise AxisError(a, 0)
        return ()
    return normalize_axis_tuple(axis, ndim)


def sum_dtype(dt):
    """NumPy's default accumulator of add/multiply reductions."""
    k = kind(dt)
    if k in "bi":
        return torch.int64 if dt.itemsize < 8 or k == "b" else dt
    if k == "u":
        return torch.uint64
    return dt


def mean_dtype(dt):
    """Result dtype of mean/var-like reductions (ints and bool give float64)."""
    return torch.float64 if kind(dt) in "biu" else dt


def compute_dtype(dt):
    """A dtype torch has arithmetic kernels for that holds ``dt`` (uint64 wraps as int64)."""
    if dt in _UNSIGNED_WIDE or dt == torch.uint64:
        return torch.int64
    return dt


def widen_ordered(t):
    """Map a tensor to one torch can compare/sort, preserving order (see unwiden_ordered)."""
    dt = t.dtype
    if dt in _UNSIGNED_WIDE:
        return t.to(torch.int64)
    if dt == torch.uint64:
        # flip the sign bit: unsigned order becomes signed order
        return t.view(torch.int64) ^ torch.iinfo(torch.int64).min
    return t


def unwiden_ordered(t, dt):
    if dt in _UNSIGNED_WIDE:
        return t.to(dt)
    if dt == torch.uint64:
        return (t ^ torch.iinfo(torch.int64).min).view(torch.uint64)
    return t


def to_compute(t, dt):
    """``t`` cast to the result dtype ``dt`` but held in a dtype with kernels (int64 for uints)."""
    cd = compute_dtype(dt)
    if t.dtype == torch.uint64 and cd == torch.int64:
        return t.view(torch.int64)
    return t.to(cd)


def from_compute(t, dt):
    if t.dtype == dt:
        return t
    if dt == torch.uint64 and t.dtype == torch.int64:
        return t.view(torch.uint64)
    return t.to(dt)


def where_tensor(where, shape, device):
    """The ``where=`` mask as a bool tensor broadcast to ``shape`` (None when not given)."""
    if where is _NoValue or where is True:
        return None
    from torchnp._normalize import as_tensor
    w = as_tensor(where) if not isinstance(where, torch.Tensor) else where
    if w.dtype != torch.bool:
        if not (w.dtype == torch.bool or kind(w.dtype) in "b"):
            raise TypeError(f"Cannot cast array data from dtype('{_BY_TORCH[w.dtype].name}') "
                            "to dtype('bool') according to the rule 'safe'")
    try:
        return torch.broadcast_to(w.to(device), shape)
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with shapes "
                         f"{tuple(shape)} {tuple(w.shape)}") from None


def apply_where(t, mask, fill):
    if mask is None:
        return t
    return torch.where(mask, t, torch.as_tensor(fill, dtype=t.dtype, device=t.device))


def reduced_count(shape, axes):
    n = 1
    for a in axes:
        n *= shape[a]
    return n


def move_to_last(t, axes):
    """Move ``axes`` to the end and flatten them: returns (tensor (..., N), kept shape)."""
    keep = [i for i in range(t.ndim) if i not in axes]
    t2 = t.permute(*keep, *axes) if axes else t
    kept_shape = tuple(t.shape[i] for i in keep)
    return t2.reshape(kept_shape + (reduced_count(t.shape, axes),)), kept_shape


def finish_shape(r, kept_shape):
    return r.reshape(kept_shape)


def warn_runtime(msg, stacklevel=4):
    warnings.warn(msg, RuntimeWarning, stacklevel=stacklevel)
