"""numpy.fft "Helper routines": fftfreq, rfftfreq, fftshift, ifftshift.

Torch in, torch out; imports torch and torchnp's core only.
"""
from __future__ import annotations

__all__ = ["fftfreq", "rfftfreq", "fftshift", "ifftshift"]

import operator

import torch

from torchnp import _dtypes
from torchnp._normalize import ArrayLike, DeviceLike, as_tensor_or_scalar


def _as_n(n):
    # NumPy accepts Python ints and NumPy integer scalars only
    if isinstance(n, int) or isinstance(n, _dtypes.integer):
        return operator.index(n)
    raise ValueError("n should be an integer")


def _freqs(k, n, d, device):
    if d is None:
        raise TypeError("unsupported operand type(s) for *: 'int' and 'NoneType'")
    if isinstance(d, (list, tuple, str, bytes)):  # NumPy's 1.0 / (n * d): a repeated sequence
        raise TypeError(f"unsupported operand type(s) for /: 'float' and '{type(d).__name__}'")
    d = as_tensor_or_scalar(d)
    val = 1.0 / (n * d)
    if isinstance(val, torch.Tensor):
        try:
            torch.broadcast_shapes(k.shape, val.shape)
        except RuntimeError:
            raise ValueError(f"operands could not be broadcast together with shapes "
                             f"{tuple(k.shape)} {tuple(val.shape)} ") from None
    dt = _dtypes.result_type_torch(k, val)
    if isinstance(val, torch.Tensor):
        val = val.to(device=k.device)
    return k.to(dt) * val if not dt.is_complex else k.to(dt) * val


def fftfreq(n, d=1.0, device: DeviceLike = None) -> torch.Tensor:
    """Sample frequencies of fft. Mirrors ``numpy.fft.fftfreq``."""
    if isinstance(n, bool):  # NumPy's empty(n) refuses a bool size (rfftfreq takes it as 0/1)
        raise TypeError(f"expected a sequence of integers or a single integer, got '{n!r}'")
    n = _as_n(n)
    if n < 0:  # NumPy allocates the result first (rfftfreq just gives an empty range)
        raise ValueError("negative dimensions are not allowed")
    N = (n - 1) // 2 + 1
    k = torch.cat([torch.arange(0, N, dtype=torch.int64, device=device),
                   torch.arange(-(n // 2), 0, dtype=torch.int64, device=device)])
    return _freqs(k, n, d, device)


def rfftfreq(n, d=1.0, device: DeviceLike = None) -> torch.Tensor:
    """Sample frequencies of rfft. Mirrors ``numpy.fft.rfftfreq``."""
    n = _as_n(n)
    k = torch.arange(0, n // 2 + 1, dtype=torch.int64, device=device)
    return _freqs(k, n, d, device)


def _shift(x, axes, sign):
    if axes is None:
        if x.ndim == 0:
            # NumPy's roll(x, [], ()) fails on 0-d input with a ValueError
            raise ValueError("fftshift/ifftshift: a 0-d array has no axes to shift")
        axes = tuple(range(x.ndim))
        shift = [sign * (dim // 2) for dim in x.shape]
    elif isinstance(axes, int) or isinstance(axes, _dtypes.integer):
        axes = operator.index(axes)
        shift = sign * (x.shape[axes] // 2)
        axes = (axes,)
        shift = (shift,)
    else:
        axes = tuple(operator.index(ax) for ax in axes)
        shift = [sign * (x.shape[ax] // 2) for ax in axes]
    if not axes:
        return x.clone()
    return torch.roll(x, shifts=tuple(shift), dims=axes)


def fftshift(x: ArrayLike, axes=None) -> torch.Tensor:
    """Move the zero-frequency term to the centre. Mirrors ``numpy.fft.fftshift``."""
    return _shift(x, axes, 1)


def ifftshift(x: ArrayLike, axes=None) -> torch.Tensor:
    """Inverse of fftshift. Mirrors ``numpy.fft.ifftshift``."""
    return _shift(x, axes, -1)
