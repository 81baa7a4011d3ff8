"""numpy.fft "Hermitian FFTs": hfft, ihfft.

Torch in, torch out; the shared engine is ``_engine_impl``.
"""
from __future__ import annotations

__all__ = ["hfft", "ihfft"]

import torch

from torchnp._normalize import ArrayLike

from ._engine_impl import _swap_direction, raw_fft, with_out


def hfft(a: ArrayLike, n=None, axis=-1, norm=None, out=None) -> torch.Tensor:
    """FFT of a Hermitian-symmetric signal (real spectrum). Mirrors ``numpy.fft.hfft``.

    NumPy 2 accepts ``out`` here but does not use it (it calls irfft with
    ``out=None``); torchnp does the same, so ``out`` is left untouched.
    """
    if n is None:
        n = (a.shape[axis] - 1) * 2
    return raw_fft(a.conj() if a.is_complex() else a, n, axis, "irfft", _swap_direction(norm))


def ihfft(a: ArrayLike, n=None, axis=-1, norm=None, out=None):
    """Inverse of hfft for real input. Mirrors ``numpy.fft.ihfft``."""
    if n is None:
        n = a.shape[axis]
    return with_out(lambda a, w: raw_fft(a, n, axis, "rfft", _swap_direction(norm), w).conj().resolve_conj(),
                    a, out, "ihfft")
