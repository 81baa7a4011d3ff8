"""numpy.fft "Standard FFTs": fft, ifft, fft2, ifft2, fftn, ifftn.

Torch in, torch out; the shared engine is ``_engine_impl``.
"""
from __future__ import annotations

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"]

import torch

from torchnp._normalize import ArrayLike, OutArray

from ._engine_impl import raw_fft, raw_fftnd


def fft(a: ArrayLike, n=None, axis=-1, norm=None, out: OutArray = None) -> torch.Tensor:
    """1-D discrete Fourier transform. Mirrors ``numpy.fft.fft``."""
    return raw_fft(a, n, axis, "fft", norm)


def ifft(a: ArrayLike, n=None, axis=-1, norm=None, out: OutArray = None) -> torch.Tensor:
    """1-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifft``."""
    return raw_fft(a, n, axis, "ifft", norm)


def fft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out: OutArray = None) -> torch.Tensor:
    """2-D discrete Fourier transform. Mirrors ``numpy.fft.fft2``."""
    return raw_fftnd(a, s, axes, "fft", norm)


def ifft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out: OutArray = None) -> torch.Tensor:
    """2-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifft2``."""
    return raw_fftnd(a, s, axes, "ifft", norm)


def fftn(a: ArrayLike, s=None, axes=None, norm=None, out: OutArray = None) -> torch.Tensor:
    """N-D discrete Fourier transform. Mirrors ``numpy.fft.fftn``."""
    return raw_fftnd(a, s, axes, "fft", norm)


def ifftn(a: ArrayLike, s=None, axes=None, norm=None, out: OutArray = None) -> torch.Tensor:
    """N-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifftn``."""
    return raw_fftnd(a, s, axes, "ifft", norm)
