"""numpy.fft "Standard FFTs": fft, ifft, fft2, ifft2, fftn, ifftn.

Torch in, torch out; the shared engine is ``_engine_impl``.
"""
from __future__ import annotations

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"]

from torchnp._normalize import ArrayLike

from ._engine_impl import raw_fft, raw_fftnd, with_out


def fft(a: ArrayLike, n=None, axis=-1, norm=None, out=None):
    """1-D discrete Fourier transform. Mirrors ``numpy.fft.fft``."""
    return with_out(lambda a, w: raw_fft(a, n, axis, "fft", norm, w), a, out, "fft")


def ifft(a: ArrayLike, n=None, axis=-1, norm=None, out=None):
    """1-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifft``."""
    return with_out(lambda a, w: raw_fft(a, n, axis, "ifft", norm, w), a, out, "ifft")


def fft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D discrete Fourier transform. Mirrors ``numpy.fft.fft2``."""
    return with_out(lambda a, w: raw_fftnd(a, s, axes, "fft", norm, w), a, out, "fft2")


def ifft2(a: ArrayLike, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifft2``.

    NumPy 2 accepts ``out`` here but does not use it (it calls ``_raw_fftnd`` with
    ``out=None``): ``out`` is left untouched and a new array returned.
    """
    return raw_fftnd(a, s, axes, "ifft", norm)


def fftn(a: ArrayLike, s=None, axes=None, norm=None, out=None):
    """N-D discrete Fourier transform. Mirrors ``numpy.fft.fftn``."""
    return with_out(lambda a, w: raw_fftnd(a, s, axes, "fft", norm, w), a, out, "fftn")


def ifftn(a: ArrayLike, s=None, axes=None, norm=None, out=None):
    """N-D inverse discrete Fourier transform. Mirrors ``numpy.fft.ifftn``."""
    return with_out(lambda a, w: raw_fftnd(a, s, axes, "ifft", norm, w), a, out, "ifftn")
