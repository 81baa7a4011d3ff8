"""Bit packing (NumPy's "Bit-wise operations" section): packbits, unpackbits."""
from __future__ import annotations

__all__ = ["packbits", "unpackbits"]

import operator

import torch
import torch.nn.functional as F

from torchnp._normalize import ArrayLike
from torchnp.exceptions import normalize_axis_index

_BIG = torch.tensor([128, 64, 32, 16, 8, 4, 2, 1], dtype=torch.uint8)
_LITTLE = torch.tensor([1, 2, 4, 8, 16, 32, 64, 128], dtype=torch.uint8)
_SHIFTS_BIG = torch.arange(7, -1, -1, dtype=torch.uint8)
_SHIFTS_LITTLE = torch.arange(0, 8, dtype=torch.uint8)


def _bitorder(bitorder):
    if bitorder is None or bitorder in ("big", "b", "B"):
        return "big"
    if bitorder in ("little", "l", "L"):
        return "little"
    raise ValueError("'order' must be either 'little' or 'big'")


def _bit_axis(a, axis):
    """``(a, axis)`` for the bit routines: ``None`` flattens, a 0-d input counts as 1-d."""
    if axis is None:
        return a.reshape(-1), 0
    if a.ndim == 0:
        a = a.reshape(1)  # NumPy treats a 0-d input as 1-d when an axis is given
    return a, normalize_axis_index(operator.index(axis), a.ndim)


def packbits(a: ArrayLike, /, axis=None, bitorder="big") -> torch.Tensor:
    """Pack a binary-valued array into uint8 bytes. Mirrors ``numpy.packbits``."""
    if a.is_floating_point() or a.is_complex():
        raise TypeError("Expected an input array of integer or boolean data type")
    order = _bitorder(bitorder)
    a, axis = _bit_axis(a, axis)
    bits = (a != 0).to(torch.uint8)
    bits = torch.movedim(bits, axis, -1)
    n = bits.shape[-1]
    pad = (-n) % 8
    if pad:
        bits = F.pad(bits.to(torch.int16), (0, pad)).to(torch.uint8)
    grouped = bits.reshape(*bits.shape[:-1], (n + pad) // 8, 8)
    w = (_BIG if order == "big" else _LITTLE).to(bits.device)
    packed = (grouped.to(torch.int32) * w.to(torch.int32)).sum(-1).to(torch.uint8)
    return torch.movedim(packed, -1, axis)


def unpackbits(a: ArrayLike, /, axis=None, count=None, bitorder="big") -> torch.Tensor:
    """Unpack uint8 bytes into bits. Mirrors ``numpy.unpackbits``."""
    if a.dtype != torch.uint8:
        raise TypeError("Expected an input array of unsigned byte data type")
    order = _bitorder(bitorder)
    a, axis = _bit_axis(a, axis)
    if count is not None:
        count = operator.index(count)
    x = torch.movedim(a, axis, -1)
    shifts = (_SHIFTS_BIG if order == "big" else _SHIFTS_LITTLE).to(x.device)
    bits = (x.unsqueeze(-1) >> shifts) & 1
    bits = bits.reshape(*x.shape[:-1], x.shape[-1] * 8)
    n = bits.shape[-1]
    if count is not None:
        if count < 0:
            if -count > n:
                raise ValueError("-count larger than number of elements")
            keep = n + count
        else:
            keep = count
        if keep <= n:
            bits = bits[..., :keep]
        else:
            bits = F.pad(bits.to(torch.int16), (0, keep - n)).to(torch.uint8)
    return torch.movedim(bits, -1, axis)
