"""Correlating: cov and corrcoef (numpy/lib/_function_base_impl.py mirrored on torch).

Torch-only. Weight validity and degrees-of-freedom checks read values back to
the host (NumPy raises/warns on them), everything else stays on the device.
"""
from __future__ import annotations

import operator

import torch

from torchnp._dtypes import _BY_TORCH, result_type_torch
from torchnp.exceptions import UFuncTypeError
from torchnp._normalize import ArrayLike, ArrayOrScalar, DTypeLike

from ._common import warn_runtime

__all__ = ["cov", "corrcoef"]


def _atleast_2d(t):
    if t.ndim == 0:
        return t.reshape(1, 1)
    if t.ndim == 1:
        return t.unsqueeze(0)
    return t


def _check_weights(w, nobs, name):
    w = w.to(torch.float64)
    if name == "fweights" and not bool((w == torch.round(w)).all()):
        raise TypeError("fweights must be integer")
    if w.ndim > 1:
        raise RuntimeError(f"cannot handle multidimensional {name}")
    if w.ndim == 0 or w.shape[0] != nobs:
        raise RuntimeError(f"incompatible numbers of samples and {name}")
    if bool((w < 0).any()):
        raise ValueError(f"{name} cannot be negative")
    return w


def cov(m: ArrayLike, y: ArrayLike | None = None, rowvar=True, bias=False, ddof=None,
        fweights: ArrayLike | None = None, aweights: ArrayLike | None = None, *,
        dtype: DTypeLike = None) -> torch.Tensor:
    """Covariance matrix. Mirrors ``numpy.cov``."""
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None and y.ndim > 2:
        raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = result_type_torch(m.dtype, torch.float64) if y is None else \
            result_type_torch(m.dtype, y.dtype, torch.float64)
    elif not (dtype.is_floating_point or dtype.is_complex):
        # NumPy subtracts the (float64) mean from X in place, in X's dtype
        raise UFuncTypeError("Cannot cast ufunc 'subtract' output from dtype('float64') to "
                             f"dtype('{_BY_TORCH[dtype].name}') with casting rule 'same_kind'")
    X = _atleast_2d(m).to(dtype)
    if not rowvar and m.ndim != 1:
        X = X.T
    if X.shape[0] == 0:
        return torch.zeros((0, 0), dtype=torch.float64, device=m.device)
    if y is not None:
        Y = _atleast_2d(y).to(dtype)
        if not rowvar and Y.shape[0] != 1:
            Y = Y.T
        if Y.shape[1] != X.shape[1]:
            raise ValueError("all the input array dimensions except for the concatenation axis must "
                             f"match exactly, but along dimension 1, the array at index 0 has size "
                             f"{X.shape[1]} and the array at index 1 has size {Y.shape[1]}")
        X = torch.cat([X, Y], dim=0)
    if ddof is None:
        ddof = 0 if bias else 1
    ddof = operator.index(int(ddof))
    nobs = X.shape[1]
    w = None
    aw = None
    if fweights is not None:
        w = _check_weights(fweights, nobs, "fweights")
    if aweights is not None:
        aw = _check_weights(aweights, nobs, "aweights")
        w = aw if w is None else w * aw
    real = X.real.dtype if X.is_complex() else X.dtype
    if w is None:
        avg = X.mean(dim=1) if nobs else X.sum(dim=1) / 0
        fact = nobs - ddof
    else:
        wr = w.to(real)
        w_sum = wr.sum()
        if bool(w_sum == 0):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = (X * wr).sum(dim=1) / w_sum
        ws = float(w_sum)
        if ddof == 0:
            fact = ws
        elif aw is None:
            fact = ws - ddof
        else:
            fact = ws - ddof * float((w * aw).sum()) / ws
    if fact <= 0:
        warn_runtime("Degrees of freedom <= 0 for slice", stacklevel=3)
        fact = 0.0
    Xc = X - avg[:, None]
    X_T = Xc.T if w is None else (Xc * w.to(real)).T
    c = Xc @ X_T.conj()
    c = c * (1.0 / fact) if fact != 0 else c / torch.tensor(0.0, dtype=real, device=c.device)
    return c.squeeze()


def corrcoef(x: ArrayLike, y: ArrayLike | None = None, rowvar=True, *,
             dtype: DTypeLike = None) -> ArrayOrScalar:
    """Pearson correlation coefficients. Mirrors ``numpy.corrcoef``."""
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim == 0:
        return c / c
    if c.ndim != 2:
        raise ValueError("Input must be 1- or 2-d.")
    d = torch.diagonal(c)
    stddev = torch.sqrt(d.real)
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    if c.is_complex():
        c = torch.complex(c.real.clamp(-1, 1), c.imag.clamp(-1, 1))
    else:
        c = c.clamp(-1, 1)
    return c
