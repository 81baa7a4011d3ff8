"""Torch kernels of NumPy's comparison, logical and bit-twiddling ufuncs.

Kernels take tensors in the loop's compute dtype (see ``_ufunc``); shift
kernels are built per loop dtype because NumPy's result for a shift count
at or past the type's width depends on that width. Imports only torch.
"""
from __future__ import annotations

import torch

from ._math_impl import u64_lt

__all__ = [
    "clt", "cle", "cgt", "cge", "u64_le", "u64_gt", "u64_ge", "u64_lt",
    "left_shift_for", "right_shift_for", "bitwise_count", "mixed_sign_compare",
]


def _bits(ld):
    return torch.iinfo(ld).bits if ld is not torch.bool else 1


# --- complex comparisons: lexicographic; NumPy orders by the real parts only when
# neither imaginary part is NaN (so (-2+nanj) < 0j is False) ------------------------
def _no_nan_imag(a, b):
    return ~(torch.isnan(a.imag) | torch.isnan(b.imag))


def clt(a, b):
    return ((a.real < b.real) & _no_nan_imag(a, b)) | ((a.real == b.real) & (a.imag < b.imag))


def cle(a, b):
    return ((a.real < b.real) & _no_nan_imag(a, b)) | ((a.real == b.real) & (a.imag <= b.imag))


def cgt(a, b):
    return clt(b, a)


def cge(a, b):
    return cle(b, a)


# --- uint64 comparisons on int64 bit patterns ------------------------------------
def u64_le(a, b):
    return ~u64_lt(b, a)


def u64_gt(a, b):
    return u64_lt(b, a)


def u64_ge(a, b):
    return ~u64_lt(a, b)


# --- uint64 against int64 (NumPy's exact 'Qq->?' / 'qQ->?' loops) -----------------
# u holds uint64 as its int64 bit pattern: when u >= 2**63 (negative pattern) or
# the signed operand is negative, u is the larger; otherwise plain int64 order.
_MIXED = {"less": (False, torch.lt), "less_equal": (False, torch.le),
          "greater": (True, torch.gt), "greater_equal": (True, torch.ge),
          "equal": (False, torch.eq), "not_equal": (True, torch.ne)}
_MIRROR = {"less": "greater", "less_equal": "greater_equal", "greater": "less",
           "greater_equal": "less_equal", "equal": "equal", "not_equal": "not_equal"}


def mixed_sign_compare(name, unsigned_first):
    """Kernel for ``name`` on (uint64, int64) operands (or (int64, uint64))."""
    if not unsigned_first:
        inner = mixed_sign_compare(_MIRROR[name], True)
        return lambda s, u: inner(u, s)
    u_bigger, op = _MIXED[name]

    def compare(u, s):
        apart = (u < 0) | (s < 0)  # u > s for sure
        r = op(u, s)
        return (apart | r) if u_bigger else (~apart & r)
    return compare


# --- shifts: counts outside [0, bits) give 0 (or -1 for negative right shifts) ----
def left_shift_for(ld):
    bits = _bits(ld)

    def left_shift(x, s):
        ok = (s >= 0) & (s < bits)
        sc = torch.where(ok, s, torch.zeros_like(s))
        r = torch.bitwise_left_shift(x, sc)
        return torch.where(ok, r, torch.zeros((), dtype=r.dtype, device=r.device))
    return left_shift


def right_shift_for(ld):
    bits = _bits(ld)
    unsigned64 = ld is torch.uint64

    def right_shift(x, s):
        ok = (s >= 0) & (s < bits)
        sc = torch.where(ok, s, torch.zeros_like(s))
        r = torch.bitwise_right_shift(x, sc)
        if unsigned64:  # logical shift on the int64 bit pattern
            mask = torch.where(sc == 0, torch.full_like(sc, -1),
                               torch.bitwise_right_shift(torch.full_like(sc, 0x7FFFFFFFFFFFFFFF),
                                                         (sc - 1).clamp(min=0)))
            r = r & mask
            fill = torch.zeros((), dtype=r.dtype, device=r.device)
        else:
            fill = torch.where(x < 0, torch.full((), -1, dtype=r.dtype, device=r.device),
                               torch.zeros((), dtype=r.dtype, device=r.device))
        return torch.where(ok, r, fill)
    return right_shift


def bitwise_count(x):
    """Number of 1-bits in ``abs(x)`` (NumPy's rule), as uint8."""
    unsigned = x.dtype == torch.uint8
    v = x.to(torch.int64)
    if not unsigned:
        v = v.abs()
    return _popcount64(v).to(torch.uint8)


def bitwise_count_u64(x):
    return _popcount64(x).to(torch.uint8)


def _popcount64(v):
    v = v - ((v >> 1) & 0x5555555555555555)
    v = (v & 0x3333333333333333) + ((v >> 2) & 0x3333333333333333)
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0F
    return (v * 0x0101010101010101) >> 56
