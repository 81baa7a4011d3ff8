"""Shared engine of the statistics plugin: axis handling, accumulator dtypes, widening.

Private helpers only (the plugin registers the section modules, not this one).
Imports torch and torchnp's private helpers; never numpy.
"""
from __future__ import annotations

import warnings

import torch

from torchnp._normalize import NoValue

from torchnp._dtypes import _BY_TORCH
from torchnp.exceptions import AxisError, normalize_axis_tuple

__all__ = [
    "_NoValue", "axes_of", "sum_dtype", "mean_dtype", "compute_dtype", "widen_ordered",
    "unwiden_ordered", "apply_where", "reduced_count", "move_to_last", "warn_runtime",
    "kind", "is_inexact", "where_tensor", "finish_shape", "to_compute", "from_compute",
    "scalar_as", "no_initial",
]


_NoValue = NoValue  # the core's one sentinel

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
        # NumPy's reductions accept an int axis 0/-1 (and ()) on 0-d input; not (0,)
        if type(axis) is int:
            if axis not in (0, -1):
                raise AxisError(axis, 0)
            return ()
        return normalize_axis_tuple(axis, 0)
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
    if type(where) in (int, float, complex):
        where = bool(where)  # Python scalars are weak: NumPy takes their truth value
    w = as_tensor(where) if not isinstance(where, torch.Tensor) else where
    if type(where) in (list, tuple) and w.dtype != torch.bool:
        w = w != 0  # NumPy converts a sequence to bool (its elements' truth values)
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


def no_initial(initial):
    """Whether ``initial=`` was not given (NumPy treats ``None`` as not given)."""
    return initial is _NoValue or initial is None


def scalar_as(v, dt, device=None):
    """A scalar argument (``initial=``, a fill value) as a 0-d tensor of dtype ``dt``,
    converted as NumPy converts it, with NumPy's errors: ``int()``/``float()``/
    ``complex()``/``bool()`` of the object, integers range-checked."""
    t = getattr(v, "tensor", v)
    if isinstance(t, torch.Tensor):
        if t.ndim:
            if dt.is_complex:
                raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
            raise ValueError("setting an array element with a sequence.")
        return t.to(device=device if device is not None else t.device, dtype=dt)
    k = kind(dt)
    if k == "b":
        return torch.tensor(bool(v), device=device)
    if k in "iu":
        if isinstance(v, (list, tuple)):
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            f"number, not '{type(v).__name__}'")
        iv = int(v)  # NumPy converts with int(): its TypeError/ValueError
        info = torch.iinfo(dt) if dt != torch.uint64 else None
        lo, hi = (0, 2**64 - 1) if info is None else (info.min, info.max)
        if not lo <= iv <= hi:
            if not -2**63 <= iv < 2**64:
                raise OverflowError("Python int too large to convert to C long")
            raise OverflowError(f"Python integer {iv} out of bounds for {_BY_TORCH[dt].name}")
        if dt == torch.uint64 and iv >= 2**63:
            return torch.tensor(iv - 2**64, dtype=torch.int64, device=device).view(torch.uint64)
        return torch.tensor(iv, dtype=dt, device=device)
    if isinstance(v, (list, tuple)):
        if k == "c":
            raise TypeError(f"must be real number, not {type(v).__name__}")
        raise ValueError("setting an array element with a sequence.")
    if k == "c":
        if isinstance(v, (bytes, str)):
            try:
                v = complex(v.decode("latin-1") if isinstance(v, bytes) else v)
            except ValueError:
                raise ValueError("complex() arg is a malformed string") from None
        elif not isinstance(v, (int, float, complex)) and not hasattr(v, "__complex__") \
                and not hasattr(v, "__float__") and not hasattr(v, "__index__"):
            raise TypeError(f"must be real number, not {type(v).__name__}")
        return torch.tensor(complex(v), dtype=dt, device=device)
    return torch.tensor(float(v), dtype=dt, device=device)
