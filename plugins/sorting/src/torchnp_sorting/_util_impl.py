"""Shared torch-only helpers of the sorting plugin: NumPy's sort order on torch.

torch's sort/argmax/searchsorted kernels lack uint16/32/64 and bool on CPU, and
complex sorting altogether; these helpers map such tensors to keys whose torch
order is NumPy's order (NaNs last, complex lexicographic with NumPy's NaN rules).
"""
from __future__ import annotations

import torch

__all__ = ["NoValue", "sort_keys", "ordered_key", "from_ordered_key", "argsort_along", "sort_along",
           "total_order_int", "is_inexact"]


class _NoValueType:
    """NumPy's ``np._NoValue``: the 'argument not given' default (falsy, repr ``<no value>``)."""

    __slots__ = ()

    def __repr__(self):
        return "<no value>"

    def __bool__(self):
        return False

    def __reduce__(self):
        return (_get_novalue, ())


def _get_novalue():
    return NoValue


NoValue = _NoValueType()

_INT64_MIN = -(2**63)


def is_inexact(t):
    return t.dtype.is_floating_point or t.dtype.is_complex


def ordered_key(t):
    """A real tensor whose torch ordering is NumPy's ordering of ``t`` (``t`` not complex).

    bool and the small unsigned types are widened; uint64 is mapped to int64 by
    flipping the sign bit (an order-preserving bijection).
    """
    dt = t.dtype
    if dt == torch.bool:
        return t.to(torch.uint8)
    if dt == torch.uint16:
        return t.to(torch.int32)
    if dt == torch.uint32:
        return t.to(torch.int64)
    if dt == torch.uint64:
        return t.view(torch.int64) ^ _INT64_MIN
    return t


def total_order_int(t):
    """Floats -> ints with the same order, NaN largest and -0.0 == 0.0 (for searchsorted)."""
    dt = t.dtype
    if not dt.is_floating_point:
        return ordered_key(t)
    if dt == torch.bfloat16:
        t = t.to(torch.float32)
        dt = torch.float32
    ity = {torch.float16: torch.int16, torch.float32: torch.int32, torch.float64: torch.int64}[dt]
    bits = torch.iinfo(ity).bits
    t = torch.where(torch.isnan(t), torch.tensor(float("nan"), dtype=dt, device=t.device).abs(), t + 0.0)
    i = t.view(ity)
    # negative floats: flip the magnitude bits so that more negative sorts first
    return i ^ ((i >> (bits - 1)) & torch.iinfo(ity).max)


def sort_keys(t):
    """Keys, least significant first, whose successive stable sorts give NumPy's order."""
    if t.dtype.is_complex:
        re, im = t.real, t.imag
        cls = torch.isnan(re).to(torch.uint8) * 2 + torch.isnan(im).to(torch.uint8)
        return [im, re, cls]
    return [ordered_key(t)]


def argsort_along(t, dim):
    """Stable argsort of ``t`` along ``dim`` in NumPy's order."""
    keys = sort_keys(t)
    idx = torch.sort(keys[0], dim=dim, stable=True).indices
    for k in keys[1:]:
        idx = idx.gather(dim, torch.sort(k.gather(dim, idx), dim=dim, stable=True).indices)
    return idx


def sort_along(t, dim):
    """(values, indices) of a stable sort along ``dim`` in NumPy's order."""
    if t.dtype.is_complex:
        idx = argsort_along(t, dim)
        return t.gather(dim, idx), idx
    key = ordered_key(t)
    v, idx = torch.sort(key, dim=dim, stable=True)
    if key is not t:
        v = from_ordered_key(v, t.dtype)
    return v, idx


def from_ordered_key(k, dtype):
    """Inverse of ``ordered_key`` (torch has no gather for uint16/32/64)."""
    if dtype == torch.uint64:
        return (k ^ _INT64_MIN).view(torch.uint64)
    return k.to(dtype)
