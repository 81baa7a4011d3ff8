"""Window functions (NumPy's "Window functions" section). Always float64, on torch's
default device; M <= 0 gives an empty window and M == 1 a single 1.0."""
from __future__ import annotations

__all__ = ["bartlett", "blackman", "hamming", "hanning", "kaiser"]

import math
import operator

import torch



def _window_length(M):
    """NumPy takes M through a float64 array: any real M works, fractional ones included."""
    M = _real_scalar(M)
    if isinstance(M, complex):
        raise TypeError("window length must be real")
    try:
        return operator.index(M)
    except TypeError:
        return float(M)


def _real_scalar(v):
    """One number out of ``v`` the way NumPy's ``array([0.0, v])`` sees it: a sequence or
    an array with more than one axis-0 element is an inhomogeneous row (ValueError), and a
    string or None fails at NumPy's later comparison (TypeError)."""
    if hasattr(v, "tensor"):
        v = v.tensor
    if isinstance(v, torch.Tensor):
        if v.ndim:
            raise ValueError("setting an array element with a sequence. The requested array has "
                             "an inhomogeneous shape after 1 dimensions.")
        return v.item()
    if isinstance(v, (list, tuple)):
        raise ValueError("setting an array element with a sequence. The requested array has "
                         "an inhomogeneous shape after 1 dimensions.")
    if v is None or isinstance(v, (str, bytes)):
        raise TypeError(f"window arguments must be real numbers, not {type(v).__name__}")
    return v


def _edge(M):
    if M < 1:
        return torch.zeros(0, dtype=torch.float64)
    if M == 1:
        return torch.ones(1, dtype=torch.float64)
    return None


def bartlett(M) -> torch.Tensor:
    """Triangular window. Mirrors ``numpy.bartlett``."""
    M = _window_length(M)
    e = _edge(M)
    if e is not None:
        return e
    n = torch.arange(1 - M, M, 2, dtype=torch.float64)
    return torch.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))


def _cosine_sum(M, coeffs):
    M = _window_length(M)
    e = _edge(M)
    if e is not None:
        return e
    n = torch.arange(1 - M, M, 2, dtype=torch.float64)
    w = torch.full_like(n, coeffs[0])
    for k, c in enumerate(coeffs[1:], start=1):
        w = w + c * torch.cos(k * math.pi * n / (M - 1))
    return w


def blackman(M) -> torch.Tensor:
    """Blackman window. Mirrors ``numpy.blackman``."""
    return _cosine_sum(M, (0.42, 0.5, 0.08))


def hamming(M) -> torch.Tensor:
    """Hamming window. Mirrors ``numpy.hamming``."""
    return _cosine_sum(M, (0.54, 0.46))


def hanning(M) -> torch.Tensor:
    """Hann window. Mirrors ``numpy.hanning``."""
    return _cosine_sum(M, (0.5, 0.5))


def kaiser(M, beta) -> torch.Tensor:
    """Kaiser window. Mirrors ``numpy.kaiser``."""
    M = _window_length(M)
    if M == 1:
        return torch.ones(1, dtype=torch.float64)
    if M < 1:
        return torch.zeros(0, dtype=torch.float64)
    beta = float(_real_scalar(beta))
    n = torch.arange(0, M, dtype=torch.float64)
    alpha = (M - 1) / 2.0
    arg = beta * torch.sqrt(1 - ((n - alpha) / alpha) ** 2.0)
    return torch.special.i0(arg) / torch.special.i0(torch.tensor(beta, dtype=torch.float64))
