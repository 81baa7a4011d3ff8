"""numpy.linalg "Matrix eigenvalues": eig, eigh, eigvals, eigvalsh.

Results are NumPy 2's named tuples ``EigResult`` and ``EighResult`` (not public
in ``numpy.linalg`` either). Torch in, torch out; imports torch and torchnp's core.
"""
from __future__ import annotations

__all__ = ["eig", "eigh", "eigvals", "eigvalsh"]

from typing import NamedTuple

import torch

from torchnp._normalize import ArrayLike

from ._exceptions_impl import (
    LinAlgError, _assert_stacked_square, _common_type, _lapack_errors, _to,
)


class EigResult(NamedTuple):
    eigenvalues: torch.Tensor
    eigenvectors: torch.Tensor


class EighResult(NamedTuple):
    eigenvalues: torch.Tensor
    eigenvectors: torch.Tensor


EigResult.__module__ = EighResult.__module__ = "torchnp.linalg"


def _finite_and_real(finite, w):
    """(``finite`` as a bool, all eigenvalues real), read back in one host-device sync.

    NumPy returns real eigenvalues for a real input exactly when every imaginary
    part is zero, so the output dtype depends on the values: this sync cannot be
    avoided. Real inputs only.
    """
    flags = torch.stack([finite, (w.imag == 0).all()]).tolist()
    return flags[0], flags[1]


def eig(a: ArrayLike):
    """Eigenvalues and right eigenvectors. Mirrors ``numpy.linalg.eig``.

    A real input gives real results when all eigenvalues are real (one sync decides).
    """
    _assert_stacked_square(a)
    dt = _common_type(a)
    a = _to(a, dt)
    try:
        w, v = torch.linalg.eig(a)
    except torch.linalg.LinAlgError as exc:
        raise LinAlgError("Eigenvalues did not converge") from exc
    except RuntimeError as exc:
        # torch checks finiteness itself: "input tensor should not contain infs or NaNs"
        if "infs or NaNs" in str(exc):
            raise LinAlgError("Array must not contain infs or NaNs") from exc
        raise
    if not dt.is_complex:
        if bool((w.imag == 0).all()):  # the one sync that decides the output dtype
            return EigResult(w.real.contiguous(), v.real.contiguous())
    return EigResult(w, v)


def eigvals(a: ArrayLike) -> torch.Tensor:
    """Eigenvalues of a general matrix. Mirrors ``numpy.linalg.eigvals``."""
    _assert_stacked_square(a)
    dt = _common_type(a)
    a = _to(a, dt)
    if dt.is_complex:
        if a.numel() and not bool(torch.isfinite(a).all()):
            raise LinAlgError("Array must not contain infs or NaNs")
        with _lapack_errors("Eigenvalues did not converge"):
            return torch.linalg.eigvals(a)
    finite_t = torch.isfinite(a).all()
    # torch's CPU eigvals (MKL ?gebal) crashes the process on a real NaN: solve a zero
    # matrix instead when anything is non-finite, and raise after the one sync below
    safe = torch.where(finite_t, a, torch.zeros((), dtype=a.dtype, device=a.device))
    with _lapack_errors("Eigenvalues did not converge"):
        w = torch.linalg.eigvals(safe)
    finite, real = _finite_and_real(finite_t, w)
    if not finite:
        raise LinAlgError("Array must not contain infs or NaNs")
    return w.real.contiguous() if real else w


def _check_uplo(UPLO):
    if not hasattr(UPLO, "upper"):  # NumPy calls UPLO.upper() first
        raise AttributeError(f"'{type(UPLO).__name__}' object has no attribute 'upper'")
    up = UPLO.upper()
    if up not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return up


def _eigh(a, UPLO, vectors):
    _assert_stacked_square(a)
    a = _to(a, _common_type(a))
    with _lapack_errors("Eigenvalues did not converge"):
        if vectors:
            return torch.linalg.eigh(a, UPLO=UPLO)
        return torch.linalg.eigvalsh(a, UPLO=UPLO)


def eigh(a: ArrayLike, UPLO="L"):
    """Eigen-decomposition of a Hermitian matrix. Mirrors ``numpy.linalg.eigh``."""
    w, v = _eigh(a, _check_uplo(UPLO), True)
    return EighResult(w, v)


def eigvalsh(a: ArrayLike, UPLO="L") -> torch.Tensor:
    """Eigenvalues of a Hermitian matrix, ascending. Mirrors ``numpy.linalg.eigvalsh``."""
    return _eigh(a, _check_uplo(UPLO), False)
