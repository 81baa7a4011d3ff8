"""Unsigned 64- and 128-bit arithmetic on int64 tensors.

torch has int64 but (on the CPU) almost no uint64 kernels, so a uint64 value is
kept as the int64 with the same bits: addition, subtraction, multiplication
(low 64 bits), xor/and/or and left shifts are then exactly the unsigned
operations. What differs is done here: logical right shifts, unsigned
comparison, the high half of a 64x64 product (through 32-bit limbs) and
rotations. A 128-bit value is a (hi, lo) pair. Every function is plain torch
arithmetic, so it runs on any device and traces under torch.compile.
"""
from __future__ import annotations

import torch

M32 = 0xFFFFFFFF
M64 = (1 << 64) - 1
_SIGN = -(1 << 63)


def s64(v):
    """The int64 with the bits of the Python int ``v`` (taken modulo 2**64)."""
    v &= M64
    return v - (1 << 64) if v >> 63 else v


def u64(v):
    """The unsigned value of an int64 bit pattern (Python int)."""
    return v & M64


def srl(x, k):
    """Logical right shift by a constant 0 <= k < 64."""
    if k == 0:
        return x
    return (x >> k) & ((1 << (64 - k)) - 1)


def lo32(x):
    return x & M32


def hi32(x):
    return (x >> 32) & M32


def ult(a, b):
    """Unsigned a < b."""
    return (a ^ _SIGN) < (b ^ _SIGN)


def mulhi(a, b):
    """High 64 bits of the unsigned product a * b (tensors, or a tensor and a Python int)."""
    a0, a1 = lo32(a), hi32(a)
    if isinstance(b, int):
        b &= M64
        b0, b1 = b & M32, b >> 32
    else:
        b0, b1 = lo32(b), hi32(b)
    w0 = a0 * b0
    t = a1 * b0 + hi32(w0)
    w1 = lo32(t) + a0 * b1
    return a1 * b1 + hi32(t) + hi32(w1)


def mul128(ahi, alo, bhi, blo):
    """Low 128 bits of a 128x128 product, as (hi, lo)."""
    if isinstance(blo, int):
        blo_s = s64(blo)
        bhi_s = s64(bhi) if isinstance(bhi, int) else bhi
        return mulhi(alo, blo) + alo * bhi_s + ahi * blo_s, alo * blo_s
    return mulhi(alo, blo) + alo * bhi + ahi * blo, alo * blo


def add128(ahi, alo, bhi, blo):
    lo = alo + blo
    carry = ult(lo, alo).to(lo.dtype) if isinstance(lo, torch.Tensor) else 0
    return ahi + bhi + carry, lo


def srl_var(x, r):
    """Logical right shift of x by the tensor r (0 <= r < 64), elementwise."""
    # masks (1 << (64 - r)) - 1 without a shift by 64 (r == 0): ((-1 << (63 - r)) << 1) flipped
    mask = ~((torch.full_like(r, -1) << (63 - r)) << 1)
    return (x >> r) & mask


def rotr(x, r):
    """Rotate right by the tensor r (0 <= r < 64)."""
    return srl_var(x, r) | (x << ((64 - r) & 63))


def rotl_const(x, k):
    return (x << k) | srl(x, 64 - k)


def to_double_53(x):
    """NumPy's uint64 -> double in [0, 1): (x >> 11) * 2**-53."""
    return srl(x, 11).to(torch.float64) * (1.0 / 9007199254740992.0)
