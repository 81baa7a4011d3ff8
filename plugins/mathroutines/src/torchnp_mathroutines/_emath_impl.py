"""``torchnp.emath``: math functions whose result turns complex for inputs outside
the real domain (sqrt/log of negatives, arcsin/arccos/arctanh beyond [-1, 1]).

Whether the result dtype is complex depends on the values (as in NumPy), so each
function decides with one host-device sync; that sync is inherent to the API.
"""
from __future__ import annotations

__all__ = ["sqrt", "log", "log2", "log10", "logn", "power", "arccos", "arcsin", "arctanh"]

import math

import torch

from torchnp._dtypes import promote_torch
from torchnp._normalize import ArrayLike, ArrayOrScalar

from ._common_impl import ufunc_float_of

# NumPy moves these real dtypes to complex64 when a complex result is needed;
# every other one (float16 included) goes to complex128.
_TO_COMPLEX64 = (torch.float32, torch.int8, torch.int16, torch.uint8, torch.uint16)


def _to_complex(x):
    return x.to(torch.complex64 if x.dtype in _TO_COMPLEX64 else torch.complex128)


def _complex_if(x, mask):
    """``x`` as complex when any element (of a real array) satisfies ``mask(x)`` (one sync)."""
    if x.is_complex() or x.dtype == torch.bool:
        return x
    if bool(torch.any(mask(x))):
        return _to_complex(x)
    return x


_UNSIGNED = (torch.uint8, torch.uint16, torch.uint32, torch.uint64)


def _negative(t):
    if t.dtype in _UNSIGNED:
        return torch.zeros((), dtype=torch.bool)
    return t < 0


def _outside_unit(t):
    if t.dtype in _UNSIGNED:
        # comparing with -1 would wrap the -1; != has kernels for uint16/32/64, > has not
        return (t != 0) & (t != 1)
    return (t > 1) | (t < -1)


def _scale_real(z, c):
    """A complex tensor times a real constant, part by part: torch's complex
    arithmetic turns (inf + 0j) * c into inf + nanj, NumPy keeps the zero imaginary
    part. (NumPy's complex log2/log10 multiply log(z) by log2(e)/log10(e).)"""
    return torch.complex(z.real * c, z.imag * c)


def _float_unary(fn, x):
    """A NumPy float ufunc on a tensor: ints -> the ufunc's float type; float16 via float32."""
    dt = ufunc_float_of(x.dtype)
    if dt == torch.float16:
        return fn(x.to(torch.float32)).to(dt)
    return fn(x.to(dt))


def sqrt(x: ArrayLike) -> ArrayOrScalar:
    """Square root, complex for negative reals. Mirrors ``numpy.emath.sqrt``."""
    return _float_unary(torch.sqrt, _complex_if(x, _negative))


def log(x: ArrayLike) -> ArrayOrScalar:
    """Natural logarithm, complex for negative reals. Mirrors ``numpy.emath.log``."""
    return _float_unary(torch.log, _complex_if(x, _negative))


def _log2(t):
    if t.is_complex():
        return _scale_real(torch.log(t), 1.0 / math.log(2.0))
    return torch.log2(t)


def _log10(t):
    if t.is_complex():
        return _scale_real(torch.log(t), math.log10(math.e))
    return torch.log10(t)


def log2(x: ArrayLike) -> ArrayOrScalar:
    """Base-2 logarithm, complex for negative reals. Mirrors ``numpy.emath.log2``."""
    return _float_unary(_log2, _complex_if(x, _negative))


def log10(x: ArrayLike) -> ArrayOrScalar:
    """Base-10 logarithm, complex for negative reals. Mirrors ``numpy.emath.log10``."""
    return _float_unary(_log10, _complex_if(x, _negative))


def logn(n: ArrayLike, x: ArrayLike) -> ArrayOrScalar:
    """Logarithm of ``x`` to base ``n``. Mirrors ``numpy.emath.logn``."""
    lx = log(x)
    ln = log(n)
    dt = promote_torch(lx.dtype, ln.dtype)
    if dt == torch.float16:
        return (lx.to(torch.float32) / ln.to(torch.float32)).to(dt)
    return lx.to(dt) / ln.to(dt)


def power(x: ArrayLike, p: ArrayLike) -> ArrayOrScalar:
    """``x ** p``, complex for negative real bases. Mirrors ``numpy.emath.power``.

    ``p`` is made an array first (as NumPy does), so a Python int exponent is int64,
    not a weak scalar; negative integer exponents make it float64.
    """
    x = _complex_if(x, _negative)
    if not (p.dtype.is_floating_point or p.dtype.is_complex) and p.dtype != torch.bool:
        if bool(torch.any(p < 0)):
            p = p.to(torch.float64)
    dt = promote_torch(x.dtype, p.dtype)
    if dt == torch.bool:
        dt = torch.int8  # NumPy's power on booleans computes in int8
    work = torch.float32 if dt == torch.float16 else dt
    base = x.to(work)
    return torch.pow(base, p.to(work)).to(dt)


def arccos(x: ArrayLike) -> ArrayOrScalar:
    """Inverse cosine, complex where abs(x) > 1. Mirrors ``numpy.emath.arccos``."""
    return _float_unary(torch.acos, _complex_if(x, _outside_unit))


def arcsin(x: ArrayLike) -> ArrayOrScalar:
    """Inverse sine, complex where abs(x) > 1. Mirrors ``numpy.emath.arcsin``."""
    return _float_unary(torch.asin, _complex_if(x, _outside_unit))


def arctanh(x: ArrayLike) -> ArrayOrScalar:
    """Inverse hyperbolic tangent, complex where abs(x) > 1. Mirrors ``numpy.emath.arctanh``."""
    return _float_unary(torch.atanh, _complex_if(x, _outside_unit))
