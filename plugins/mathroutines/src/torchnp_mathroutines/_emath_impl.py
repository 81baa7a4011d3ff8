"""``torchnp.emath``: math functions whose result turns complex for inputs outside
the real domain (sqrt/log of negatives, arcsin/arccos/arctanh beyond [-1, 1]).

Whether the result dtype is complex depends on the values (as in NumPy), so each
function decides with one host-device sync; that sync is inherent to the API.
``power`` with a one-element complex exponent reads it too (a second sync).
"""
from __future__ import annotations

__all__ = ["sqrt", "log", "log2", "log10", "logn", "power", "arccos", "arcsin", "arctanh"]

import math

import torch

from torchnp._dtypes import promote_torch
from torchnp._normalize import ArrayLike, ArrayOrScalar

from ._common_impl import check_broadcast, ufunc_float_of

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
    check_broadcast(n, x)
    lx = log(x)
    ln = log(n)
    dt = promote_torch(lx.dtype, ln.dtype)
    if dt == torch.float16:
        return (lx.to(torch.float32) / ln.to(torch.float32)).to(dt)
    lx, ln = lx.to(dt), ln.to(dt)
    if dt.is_complex:
        lx, ln = torch.broadcast_tensors(lx, ln)
        return torch.complex(*_divide(lx.real, lx.imag, ln.real, ln.imag))
    return lx / ln


_POW_WORK = {torch.float16: torch.float32, torch.uint16: torch.int64,
             torch.uint32: torch.int64, torch.uint64: torch.int64}


def power(x: ArrayLike, p: ArrayLike) -> ArrayOrScalar:
    """``x ** p``, complex for negative real bases. Mirrors ``numpy.emath.power``.

    ``p`` is made an array first (as NumPy does), so a Python int exponent is int64,
    not a weak scalar; negative integer exponents make it float64. Complex results
    follow NumPy's complex power rules (see ``_complex_power``).
    """
    check_broadcast(x, p)
    x = _complex_if(x, _negative)
    if p.dtype.is_signed and not p.dtype.is_floating_point and not p.dtype.is_complex:
        if bool(torch.any(p < 0)):
            p = p.to(torch.float64)
    dt = promote_torch(x.dtype, p.dtype)
    if dt == torch.bool:
        dt = torch.int8  # NumPy's power on booleans computes in int8
    if dt.is_complex:
        x, p = x.to(dt), p.to(dt)
        if p.numel() == 1:
            # one exponent (the common case): read it (a second sync) and take only
            # the branch it needs
            return _complex_power_scalar(x, p, complex(p.reshape(()).item()))
        return _complex_power(x, p)
    # torch has no pow kernels for float16 (CPU) or uint16/32/64: compute wider;
    # integer products wrap modulo 2**64 alike in int64 and uint64
    work = _POW_WORK.get(dt, dt)
    base = x.to(work)
    r = torch.pow(base, p.to(work))
    if dt in (torch.float32, torch.float64) and p.numel() == 1 and (p.ndim == 0 or x.numel() > 1):
        # NumPy's float32/64 power loop takes sqrt for a broadcast exponent of 0.5,
        # so (-0.0) ** 0.5 is -0.0 there (pow gives +0.0)
        r = torch.where((p == 0.5) & (base == 0), base, r)
    return r.to(dt)


# --- complex power ------------------------------------------------------------------
# torch.pow on complex numbers is exp(p * log(x)) everywhere. NumPy's complex power
# (npy_cpow) instead has special cases, observable at the special values and as
# exact results for small integer powers:
#   p == 0            -> 1 + 0j (even for nan/inf/zero bases)
#   x == 0            -> 0 + 0j when real(p) > 0 (whatever imag(p)), otherwise nan + nanj
#   p integral, |p| < 100 -> repeated textbook complex products (square and
#                        multiply; 1, 2, 3 written out), and for p < 0 the
#                        reciprocal by Smith's division; so inf * (1 + 0j) gives
#                        inf + nanj and 1 / (inf + nanj) gives nan + nanj
#   otherwise         -> the C library's cpow (which torch.pow matches)
_INT_POWER_BITS = 7  # |p| <= 99 < 2**7


def _cmul(ar, ai, br, bi):
    """(ar + ai j) * (br + bi j) by the textbook formula (no inf/nan recovery, as NumPy)."""
    return ar * br - ai * bi, ar * bi + ai * br


def _divide(ar, ai, br, bi):
    """(ar + ai j) / (br + bi j) by Smith's method, as NumPy's complex division does
    (torch's complex division rounds differently: log(-2) / log(-2) is not exactly 1
    there). Comparisons with NaN take the second branch, as in C."""
    abr, abi = br.abs(), bi.abs()
    first = abr >= abi
    # |br| >= |bi|: rat = bi / br; scl = 1 / (br + bi * rat)
    rat1 = bi / br
    scl1 = 1.0 / (br + bi * rat1)
    re1 = (ar + ai * rat1) * scl1
    im1 = (ai - ar * rat1) * scl1
    # a zero divisor: each part divided by zero (a complex inf or nan)
    both_zero = (abr == 0) & (abi == 0)
    re1 = torch.where(both_zero, ar / abr, re1)
    im1 = torch.where(both_zero, ai / abr, im1)
    # |br| < |bi| (or NaN): rat = br / bi; scl = 1 / (bi + br * rat)
    rat2 = br / bi
    scl2 = 1.0 / (bi + br * rat2)
    re2 = (ar * rat2 + ai) * scl2
    im2 = (ai * rat2 - ar) * scl2
    return torch.where(first, re1, re2), torch.where(first, im1, im2)


def _reciprocal(br, bi):
    return _divide(torch.ones_like(br), torch.zeros_like(bi), br, bi)


def _small_int_power(ar, ai, n):
    """x ** n for integral float ``n`` with |n| < 100, elementwise, NumPy's way."""
    k = n.abs().to(torch.int64)
    # square and multiply, starting from 1 + 0j (so even n = 1 multiplies once)
    rr, ri = torch.ones_like(ar), torch.zeros_like(ai)
    pr, pi = ar, ai
    for bit in range(_INT_POWER_BITS):
        take = (k >> bit) & 1 == 1
        mr, mi = _cmul(rr, ri, pr, pi)
        rr, ri = torch.where(take, mr, rr), torch.where(take, mi, ri)
        if bit + 1 < _INT_POWER_BITS:
            pr, pi = _cmul(pr, pi, pr, pi)
    qr, qi = _reciprocal(rr, ri)
    neg = n < 0
    rr, ri = torch.where(neg, qr, rr), torch.where(neg, qi, ri)
    # n = 1, 2, 3 are written out in NumPy (x, x*x, x*(x*x)), not square-and-multiply
    sr, si = _cmul(ar, ai, ar, ai)
    cr, ci = _cmul(ar, ai, sr, si)
    rr = torch.where(n == 1, ar, torch.where(n == 2, sr, torch.where(n == 3, cr, rr)))
    ri = torch.where(n == 1, ai, torch.where(n == 2, si, torch.where(n == 3, ci, ri)))
    return rr, ri


def _complex_power_scalar(x, p, pv):
    """``_complex_power`` for a one-element exponent ``p`` whose value is ``pv``."""
    shape = torch.broadcast_shapes(x.shape, p.shape)
    if x.shape != shape:
        x = x.expand(shape)
    if pv == 0:
        return torch.ones(shape, dtype=x.dtype, device=x.device)
    n = int(pv.real) if pv.imag == 0 and math.isfinite(pv.real) else None
    if n is not None and n == pv.real and abs(n) < 100:
        # torch's complex multiply is the textbook formula too (no inf/nan recovery),
        # and on whole complex tensors it is several times faster than on .real/.imag
        if n == 1:
            r = x
        elif n in (2, 3):
            r = x * x
            if n == 3:
                r = x * r
        else:
            k = abs(n)
            r = None
            q = x
            while True:
                if k & 1:
                    # the first product is (1 + 0j) * q, which can turn inf into inf + nanj
                    r = q * torch.ones((), dtype=x.dtype, device=x.device) if r is None else r * q
                k >>= 1
                if not k:
                    break
                q = q * q
            if n < 0:
                r = torch.complex(*_reciprocal(r.real, r.imag))
    else:
        r = torch.pow(x, p)  # a tensor exponent: torch's scalar fast paths (sqrt...) stay out
    zero = torch.tensor(0 if pv.real > 0 else complex(math.nan, math.nan), dtype=x.dtype,
                        device=x.device)
    return torch.where(x == 0, zero, r)


def _complex_power(x, p):
    """NumPy's complex ``x ** p`` for complex tensors of one dtype (see the notes above)."""
    x, p = torch.broadcast_tensors(x, p)
    general = torch.pow(x, p)
    ar, ai = x.real, x.imag
    br, bi = p.real, p.imag
    small_int = (bi == 0) & (br == br.round()) & (br.abs() < 100)
    ir, ii = _small_int_power(ar, ai, torch.where(small_int, br, 0.0))
    re = torch.where(small_int, ir, general.real)
    im = torch.where(small_int, ii, general.imag)
    zero_base = (ar == 0) & (ai == 0)
    nan = torch.tensor(float("nan"), dtype=re.dtype, device=re.device)
    zero_or_nan = torch.where(br > 0, 0.0, nan)
    re = torch.where(zero_base, zero_or_nan, re)
    im = torch.where(zero_base, zero_or_nan, im)
    zero_p = (br == 0) & (bi == 0)
    re = torch.where(zero_p, 1.0, re)
    im = torch.where(zero_p, 0.0, im)
    return torch.complex(re, im)


def _acos(t):
    r = torch.acos(t)
    if not t.is_complex():
        return r
    # C99's cacos has imag(result) of the opposite sign to imag(t), zeros included
    # (cacos(0.5 + 0j) = 1.047 - 0j, as NumPy gives); torch's complex128 acos returns
    # +0j on the real axis
    im = r.imag
    fixed = torch.where(im == 0, torch.copysign(torch.zeros_like(im), -t.imag), im)
    return torch.complex(r.real, fixed)


def arccos(x: ArrayLike) -> ArrayOrScalar:
    """Inverse cosine, complex where abs(x) > 1. Mirrors ``numpy.emath.arccos``."""
    return _float_unary(_acos, _complex_if(x, _outside_unit))


def arcsin(x: ArrayLike) -> ArrayOrScalar:
    """Inverse sine, complex where abs(x) > 1. Mirrors ``numpy.emath.arcsin``."""
    return _float_unary(torch.asin, _complex_if(x, _outside_unit))


def arctanh(x: ArrayLike) -> ArrayOrScalar:
    """Inverse hyperbolic tangent, complex where abs(x) > 1. Mirrors ``numpy.emath.arctanh``."""
    return _float_unary(torch.atanh, _complex_if(x, _outside_unit))
