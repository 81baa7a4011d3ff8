"""numpy.fft "Real FFTs": rfft, irfft, rfft2, irfft2, rfftn, irfftn.

Torch in, torch out; the shared engine is ``_engine_impl``.
"""
from __future__ import annotations

__all__ = ["rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn"]

import torch

from torchnp._normalize import ArrayLike, OutArray

from ._engine_impl import raw_fft, raw_irfftnd, raw_rfftnd


def rfft(a: ArrayLike, n=None, axis=-1, norm=None, out: OutArray = None) -> torch.Tensor:
    """1-D FFT of real input (non-negative frequencies). Mirrors ``numpy.fft.rfft``."""
    return raw_fft(a, n, axis, "rfft", norm)


def irfft(a: ArrayLike, n=None, axis=-1, norm=None, out: OutArray = None) -> torch.Tensor:
    """Inverse of rfft; ``n`` defaults to ``2 * (m - 1)``. Mirrors ``numpy.fft.irfft``."""
    return raw_fft(a, n, axis, "irfft", norm)


def rfft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out: OutArray = None) -> torch.Tensor:
    """2-D FFT of real input. Mirrors ``numpy.fft.rfft2``."""
    return raw_rfftnd(a, s, axes, norm)


def irfft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out: OutArray = None) -> torch.Tensor:
    """Inverse of rfft2. Mirrors ``numpy.fft.irfft2``."""
    return raw_irfftnd(a, s, axes, norm)


def rfftn(a: ArrayLike, s=None, axes=None, norm=None, out: OutArray = None) -> torch.Tensor:
    """N-D FFT of real input. Mirrors ``numpy.fft.rfftn``."""
    return raw_rfftnd(a, s, axes, norm)


def irfftn(a: ArrayLike, s=None, axes=None, norm=None, out: OutArray = None) -> torch.Tensor:
    """Inverse of rfftn. Mirrors ``numpy.fft.irfftn``."""
    return raw_irfftnd(a, s, axes, norm)
