"""Helpers shared by the manipulation plugin's impl modules (torch only, not registered)."""
from __future__ import annotations

__all__ = ["bits", "unbits", "cast_to", "scalar_tensor", "check_int_fits", "promote_all", "check_cast", "axis_index",
           "index_tensor", "check_bounds"]

import operator

import torch

from torchnp import _dtypes
from torchnp.exceptions import normalize_axis_index

# torch stores uint16/32/64 but lacks most data-movement kernels for them
# ('"index_select" not implemented for \'UInt16\''): move their bits as the
# same-size signed type and view the result back.
_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def bits(t):
    """``t`` viewed as a dtype torch can move around (same bits, same size)."""
    twin = _SIGNED_TWIN.get(t.dtype)
    return t if twin is None else t.view(twin)


def unbits(t, dtype):
    """Undo :func:`bits`: view ``t`` back as ``dtype``."""
    return t.view(dtype) if dtype in _SIGNED_TWIN and t.dtype != dtype else t


def cast_to(t, dtype):
    """``t.to(dtype)`` with NumPy's complex->real rule (drop the imaginary part)."""
    if t.dtype == dtype:
        return t
    if dtype == torch.bool:
        return t != 0  # a complex value is true when either part is nonzero
    if t.is_complex() and not dtype.is_complex:
        r = t.real  # a view of t: a cast makes new values
        return r.clone() if r.dtype == dtype else r.to(dtype)
    return t.to(dtype)


def scalar_tensor(value, dtype, device=None):
    """A 0-d tensor of ``dtype`` from a Python scalar, wrapping integers as a C cast does.

    ``torch.tensor(300, dtype=torch.int8)`` raises; NumPy's ufunc-style casts (``where``)
    keep the low bits instead.
    """
    if type(value) is int and not (dtype.is_floating_point or dtype.is_complex or dtype == torch.bool):
        nbits = torch.iinfo(dtype).bits
        v = value & ((1 << nbits) - 1)
        if dtype == torch.uint64:
            v = v - (1 << 64) if v >= 1 << 63 else v
            return torch.tensor(v, dtype=torch.int64, device=device).view(torch.uint64)
        if torch.iinfo(dtype).min < 0 and v >= 1 << (nbits - 1):
            v -= 1 << nbits
        return torch.tensor(v, dtype=dtype, device=device)
    if type(value) is complex and not dtype.is_complex:
        value = value.real
    return torch.tensor(value, dtype=dtype, device=device)


def check_int_fits(value, dtype):
    """NumPy's OverflowError for a Python int that ``dtype`` cannot hold (array coercion)."""
    if type(value) is int and not (dtype.is_floating_point or dtype.is_complex or dtype == torch.bool):
        info = torch.iinfo(dtype)
        lo, hi = (0, 2**64 - 1) if dtype == torch.uint64 else (info.min, info.max)
        if not lo <= value <= hi:
            raise OverflowError(f"Python integer {value} out of bounds for "
                                f"{_dtypes.from_torch(dtype).name}")


def check_cast(from_, to, casting):
    if not _dtypes.can_cast_torch(from_, to, casting):
        raise TypeError(f"Cannot cast array data from dtype('{_dtypes.from_torch(from_).name}') to "
                        f"dtype('{_dtypes.from_torch(to).name}') according to the rule '{casting}'")


def promote_all(tensors, dtype=None, casting="same_kind"):
    """Cast a sequence of tensors to their NumPy result type (or ``dtype``, checking ``casting``)."""
    if dtype is None:
        dtype = _dtypes.result_type_torch(*tensors)
    else:
        for t in tensors:
            check_cast(t.dtype, dtype, casting)
    return [cast_to(t, dtype) for t in tensors], dtype


def axis_index(axis, ndim):
    return normalize_axis_index(operator.index(axis), ndim)


def index_tensor(idx, lenient=False):
    """An integer index tensor. NumPy casts indices to intp with the 'safe' rule, except
    in ``take``/``repeat``, which accept (and truncate) floats and bools (``lenient``)."""
    if idx.dtype == torch.int64:
        return idx
    if lenient and not idx.is_complex():
        return idx.to(torch.int64)
    if idx.dtype == torch.bool or idx.is_floating_point() or idx.is_complex() or idx.dtype == torch.uint64:
        raise TypeError(f"Cannot cast array data from dtype('{_dtypes.from_torch(idx.dtype).name}') "
                        "to dtype('int64') according to the rule 'safe'")
    return idx.to(torch.int64)


def check_bounds(idx, n, axis=0):
    """Raise NumPy's IndexError if any index is outside ``[-n, n)`` (one host sync).

    Returns whether any index is negative (so callers can skip the wrap-around)."""
    if idx.numel() == 0:
        return False
    if torch.compiler.is_compiling():  # a runtime check; negatives may be there
        torch._assert_async(((idx >= -n) & (idx < n)).all(),
                            f"index out of bounds for axis {axis} with size {n}")
        return True
    lo, hi = (int(v) for v in torch.aminmax(idx))
    if lo < -n or hi >= n:
        first = lo if lo < -n else hi
        raise IndexError(f"index {first} is out of bounds for axis {axis} with size {n}")
    return lo < 0
