"""numpy.linalg's exception and the helpers every linalg impl module shares.

``LinAlgError`` mirrors ``numpy.linalg.LinAlgError`` (a ValueError subclass).
The helpers reproduce NumPy's input checks (``_assert_stacked_2d``,
``_assert_stacked_square``), its dtype rule for LAPACK routines
(``_common_type``) and the translation of torch's linalg failures into
``LinAlgError`` with NumPy's messages. Imports torch and torchnp's core only.
"""
from __future__ import annotations

import contextlib

import torch

from torchnp import _dtypes

__all__ = ["LinAlgError"]


class LinAlgError(ValueError):
    """Generic linear-algebra error. Mirrors ``numpy.linalg.LinAlgError``."""


LinAlgError.__module__ = "torchnp.linalg"

_INEXACT = (torch.float32, torch.float64, torch.complex64, torch.complex128)
_REAL_OF = {torch.complex64: torch.float32, torch.complex128: torch.float64,
            torch.float32: torch.float32, torch.float64: torch.float64,
            torch.float16: torch.float16}
_COMPLEX_OF = {torch.float32: torch.complex64, torch.float64: torch.complex128,
               torch.complex64: torch.complex64, torch.complex128: torch.complex128}


def _assert_stacked_2d(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least "
                              "two-dimensional")


def _assert_stacked_square(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least "
                              "two-dimensional")
        if a.shape[-1] != a.shape[-2]:
            raise LinAlgError("Last 2 dimensions of the array must be square")


def _assert_2d(*arrays):
    for a in arrays:
        if a.ndim != 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")


def _common_type(*arrays):
    """NumPy's ``_commonType``: the result dtype of a LAPACK-backed function.

    Integers and bool give float64; float32/complex64 stay single precision;
    any double input makes the result double; float16 is rejected as NumPy does.
    torch computes directly in the result dtype (NumPy computes in double and
    casts back, so single-precision results may differ in the last bits).
    """
    double = False
    is_complex = False
    for a in arrays:
        dt = a.dtype
        if dt.is_floating_point or dt.is_complex:
            if dt.is_complex:
                is_complex = True
            if dt in (torch.float64, torch.complex128):
                double = True
            elif dt not in (torch.float32, torch.complex64):
                raise TypeError(f"array type {_dtypes.from_torch(dt).name} is unsupported in linalg")
        else:
            double = True
    if is_complex:
        return torch.complex128 if double else torch.complex64
    return torch.float64 if double else torch.float32


def _to(a, dtype):
    return a if a.dtype == dtype else a.to(dtype)


@contextlib.contextmanager
def _lapack_errors(message):
    """Translate torch's LinAlgError (a RuntimeError) into NumPy's LinAlgError."""
    try:
        yield
    except torch.linalg.LinAlgError as exc:
        raise LinAlgError(message) from exc


def _check_finite(a):
    """NumPy's ``_assert_finite`` (one host-device sync)."""
    if a.numel() and not bool(torch.isfinite(a).all()):
        raise LinAlgError("Array must not contain infs or NaNs")
