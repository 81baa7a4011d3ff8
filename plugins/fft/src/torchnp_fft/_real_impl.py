"""numpy.fft "Real FFTs": rfft, irfft, rfft2, irfft2, rfftn, irfftn.

Torch in, torch out; the shared engine is ``_engine_impl``.
"""
from __future__ import annotations

__all__ = ["rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn"]

from torchnp._normalize import ArrayLike

from ._engine_impl import raw_fft, raw_irfftnd, raw_rfftnd, with_out


def rfft(a: ArrayLike, n=None, axis=-1, norm=None, out=None):
    """1-D FFT of real input (non-negative frequencies). Mirrors ``numpy.fft.rfft``."""
    return with_out(lambda a, w: raw_fft(a, n, axis, "rfft", norm, w), a, out, "rfft")


def irfft(a: ArrayLike, n=None, axis=-1, norm=None, out=None):
    """Inverse of rfft; ``n`` defaults to ``2 * (m - 1)``. Mirrors ``numpy.fft.irfft``."""
    return with_out(lambda a, w: raw_fft(a, n, axis, "irfft", norm, w), a, out, "irfft")


def rfft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D FFT of real input. Mirrors ``numpy.fft.rfft2``."""
    return with_out(lambda a, w: raw_rfftnd(a, s, axes, norm, w), a, out, "rfft2")


def irfft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out=None):
    """Inverse of rfft2. Mirrors ``numpy.fft.irfft2``.

    NumPy 2 accepts ``out`` here but does not use it (it calls ``irfftn`` with
    ``out=None``): ``out`` is left untouched and a new array returned.
    """
    return raw_irfftnd(a, s, axes, norm)


def rfftn(a: ArrayLike, s=None, axes=None, norm=None, out=None):
    """N-D FFT of real input. Mirrors ``numpy.fft.rfftn``."""
    return with_out(lambda a, w: raw_rfftnd(a, s, axes, norm, w), a, out, "rfftn")


def irfftn(a: ArrayLike, s=None, axes=None, norm=None, out=None):
    """Inverse of rfftn. Mirrors ``numpy.fft.irfftn``."""
    return with_out(lambda a, w: raw_irfftnd(a, s, axes, norm, w), a, out, "irfftn")
