"""numpy.linalg "Decompositions": cholesky, qr, svd, svdvals.

Results are NumPy 2's named tuples (``QRResult``, ``SVDResult``; NumPy keeps
them out of ``numpy.linalg.__all__``, so they are not registered either).
Torch in, torch out; imports torch and torchnp's core.
"""
from __future__ import annotations

__all__ = ["cholesky", "qr", "svd", "svdvals"]

import warnings
from typing import NamedTuple

import torch

from torchnp._normalize import ArrayLike

from ._exceptions_impl import (
    _assert_stacked_2d, _assert_stacked_square, _common_type, _lapack_errors, _to,
)


class QRResult(NamedTuple):
    Q: torch.Tensor
    R: torch.Tensor


class SVDResult(NamedTuple):
    U: torch.Tensor
    S: torch.Tensor
    Vh: torch.Tensor


QRResult.__module__ = SVDResult.__module__ = "torchnp.linalg"


def cholesky(a: ArrayLike, /, *, upper=False) -> torch.Tensor:
    """Cholesky factor of a Hermitian positive-definite matrix. Mirrors ``numpy.linalg.cholesky``."""
    _assert_stacked_square(a)
    a = _to(a, _common_type(a))
    with _lapack_errors("Matrix is not positive definite"):
        if upper:
            # NumPy's upper factor reads the upper triangle of ``a``; torch's
            # upper=True reads the lower one, so factor a^H instead
            return torch.linalg.cholesky(a.mH, upper=True)
        return torch.linalg.cholesky(a)


def qr(a: ArrayLike, mode="reduced"):
    """QR decomposition. Mirrors ``numpy.linalg.qr`` (modes reduced, complete, r, raw)."""
    if mode not in ("reduced", "complete", "r", "raw"):
        if mode in ("f", "full"):
            warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\n"
                          "For backward compatibility let mode default.", DeprecationWarning,
                          stacklevel=3)
            mode = "reduced"
        elif mode in ("e", "economic"):
            warnings.warn("The 'economic' option is deprecated.", DeprecationWarning, stacklevel=3)
            mode = "economic"
        else:
            raise ValueError(f"Unrecognized mode '{mode}'")
    _assert_stacked_2d(a)
    a = _to(a, _common_type(a))
    if mode in ("raw", "economic"):
        h, tau = torch.geqrf(a)
        if mode == "economic":
            return h
        # NumPy returns LAPACK's Fortran-ordered array: geqrf's with the last two axes swapped
        return h.mT, tau
    if mode == "r":
        return torch.linalg.qr(a, mode="r").R
    q, r = torch.linalg.qr(a, mode=mode)
    return QRResult(q, r)


def _svd_hermitian(a, compute_uv):
    from ._eigenvalues_impl import _eigh
    if not compute_uv:
        s = _eigh(a, "L", False).abs()
        return torch.sort(s, dim=-1, descending=True).values
    w, u = _eigh(a, "L", True)
    sgn = torch.sgn(w)
    s = w.abs()
    sidx = torch.argsort(s, dim=-1, descending=True, stable=True)
    sgn = torch.take_along_dim(sgn, sidx, dim=-1)
    s = torch.take_along_dim(s, sidx, dim=-1)
    u = torch.take_along_dim(u, sidx[..., None, :], dim=-1)
    vh = (u * sgn[..., None, :].to(u.dtype)).mH
    return SVDResult(u, s, vh)


def svd(a: ArrayLike, full_matrices=True, compute_uv=True, hermitian=False):
    """Singular value decomposition. Mirrors ``numpy.linalg.svd``."""
    if hermitian:
        return _svd_hermitian(a, compute_uv)
    _assert_stacked_2d(a)
    a = _to(a, _common_type(a))
    with _lapack_errors("SVD did not converge"):
        if not compute_uv:
            return torch.linalg.svdvals(a)
        u, s, vh = torch.linalg.svd(a, full_matrices=bool(full_matrices))
    return SVDResult(u, s, vh)


def svdvals(x: ArrayLike, /) -> torch.Tensor:
    """Singular values, largest first. Mirrors ``numpy.linalg.svdvals``."""
    return _svdvals(x)


def _svdvals(x):
    _assert_stacked_2d(x)
    x = _to(x, _common_type(x))
    with _lapack_errors("SVD did not converge"):
        return torch.linalg.svdvals(x)

