"""Torch kernels of NumPy's mathematical ufuncs (arithmetic, trigonometric,
hyperbolic, exponents and logarithms, rounding, miscellaneous).

Each kernel takes tensors already cast to the loop's compute dtype (see
``_ufunc``) and returns the result in that dtype. ``*_u64`` kernels receive
uint64 data as its int64 bit pattern. Imports only torch.
"""
from __future__ import annotations

import ctypes
import math

import torch

from . import _native

__all__ = [
    "int_floor_divide", "int_remainder", "int_fmod", "u64_lt", "u64_floor_divide",
    "u64_remainder", "float_remainder", "float_fmod", "float_floor_divide", "int_power", "check_int_power", "positive",
    "u64_power", "complex_power", "complex_add", "complex_sub", "complex_multiply",
    "complex_square", "complex_divide", "cmul_plain", "power", "rpower", "sign_float", "sign_complex", "sign_u64", "conj", "reciprocal_for", "heaviside", "cbrt",
    "exp2_complex", "rint", "rint_complex", "identity", "cmax", "cmin", "fmax_complex",
    "fmin_complex", "u64_maximum", "u64_minimum", "spacing", "modf", "frexp", "ldexp",
    "logaddexp2", "matmul", "vecdot", "matvec", "vecmat", "divmod_int", "divmod_float",
    "divmod_u64", "log_complex_base", "int_gcd", "int_lcm", "u64_gcd", "u64_lcm",
]

_SIGN64 = -9223372036854775808


def identity(x):
    return x.clone()


positive = identity


# --- integer division (NumPy: division by zero gives 0, no error) ------------
def _safe_divisor(y):
    return torch.where(y == 0, torch.ones((), dtype=y.dtype, device=y.device), y)


def int_floor_divide(x, y):
    d = _safe_divisor(y)
    return torch.where(y == 0, torch.zeros((), dtype=x.dtype, device=x.device),
                       torch.floor_divide(x, d))


def int_remainder(x, y):
    d = _safe_divisor(y)
    return torch.where(y == 0, torch.zeros((), dtype=x.dtype, device=x.device),
                       torch.remainder(x, d))


def int_fmod(x, y):
    d = _safe_divisor(y)
    return torch.where(y == 0, torch.zeros((), dtype=x.dtype, device=x.device), torch.fmod(x, d))


def divmod_int(x, y):
    return int_floor_divide(x, y), int_remainder(x, y)


# --- float fmod / remainder / floor_divide ------------------------------------
# The floating fmod is exact in IEEE arithmetic, but torch's vectorised CPU kernel
# gives NaN once x / y overflows (fmod(1e30, 2.2e-308)). fmod(x, m * y) reduced
# again by y equals fmod(x, y) for any integer m, so x is first reduced by y
# scaled by powers of two (exact) small enough that no quotient overflows.
# NumPy's remainder and floor_divide are built from that fmod (the pair comes
# from one shared computation), so they are derived from it here too.
_FMOD_STEP = {torch.float64: (1000, 52, 1023, torch.int64),
              torch.float32: (100, 23, 127, torch.int32)}


def _pow2(k, dtype):
    """2**k (0 <= k <= bias) built from its bit pattern: exact, no libm."""
    _, mbits, bias, itype = _FMOD_STEP[dtype]
    return ((k.to(itype) + bias) << mbits).view(dtype)


def _fmod_staged(x, y):
    step = _FMOD_STEP[x.dtype][0]
    ay = torch.abs(y)
    d = torch.frexp(x).exponent - torch.frexp(y).exponent  # log2 |x / y|, +-1
    r = x
    for lim in (step, 2 * step):  # each stage leaves a quotient below 2**(step + 1)
        k = torch.clamp(d - lim, min=0)
        half = k >> 1
        scaled = ay * _pow2(half, x.dtype) * _pow2(k - half, x.dtype)
        r = torch.where(k > 0, torch.fmod(r, scaled), r)
    return torch.fmod(r, y)


def float_fmod(x, y):
    if x.dtype not in _FMOD_STEP:  # float16 (and bfloat16): exact in float32
        return float_fmod(x.float(), y.float()).to(x.dtype)
    r = torch.fmod(x, y)
    # Only CPU's vectorised kernel has the overflow (CUDA's fmod is exact), and on
    # the CPU these checks read host memory: no device sync.
    if r.device.type != "cpu":
        return r
    if torch.compiler.is_compiling():  # no data-dependent branch: fix every element
        bad = torch.isnan(r) & torch.isfinite(x) & ~torch.isnan(y) & (y != 0)
        xb, yb = torch.broadcast_tensors(x, y)
        return torch.where(bad, _fmod_staged(xb, yb), r)
    if not torch.isnan(r).any():
        return r
    bad = torch.isnan(r) & torch.isfinite(x) & ~torch.isnan(y) & (y != 0)
    if bad.any():
        r[bad] = _fmod_staged(torch.broadcast_to(x, r.shape)[bad], torch.broadcast_to(y, r.shape)[bad])
    return r


def _float_divmod(x, y):
    """NumPy's float floor quotient and remainder, both from the exact fmod."""
    if x.dtype not in _FMOD_STEP:
        q, m = _float_divmod(x.float(), y.float())
        return q.to(x.dtype), m.to(x.dtype)
    mod = float_fmod(x, y)
    q = x / y
    div = (x - mod) / y
    fix = (mod != 0) & ((y < 0) != (mod < 0))
    mod = torch.where(fix, mod + y, mod)
    div = torch.where(fix, div - 1, div)
    mod = torch.where(mod == 0, torch.copysign(mod, y), mod)  # a zero takes y's sign
    fl = torch.floor(div)
    fl = torch.where(div - fl > 0.5, fl + 1, fl)
    fl = torch.where(div == 0, torch.copysign(div, q), fl)
    # division by zero: the quotient is x / y, the remainder fmod's NaN
    return torch.where(y == 0, q, fl), mod


def float_remainder(x, y):
    return _float_divmod(x, y)[1]


def float_floor_divide(x, y):
    return _float_divmod(x, y)[0]


def divmod_float(x, y):
    return _float_divmod(x, y)


# --- complex add/subtract ------------------------------------------------------
# torch's complex add computes a + alpha * b, and (1+0j) * (inf+0j) has a NaN
# imaginary part; NumPy adds the parts separately: (1+2j) + (inf+0j) == inf+2j.
def _parts(z):
    return torch.view_as_real(z.resolve_conj())  # (a no-op unless z carries torch's lazy conj bit)


def complex_add(x, y):
    return torch.view_as_complex(_parts(x) + _parts(y))


def complex_sub(x, y):
    return torch.view_as_complex(_parts(x) - _parts(y))


# --- complex multiply, square, divide ---------------------------------------------
# NumPy's complex loops spell the arithmetic out on the parts, and their rounding is
# part of the result. On a CPU with FMA (x86-64 v3/v4), NumPy's multiply (and square)
# loop over arrays rounds each part once after a fused multiply-add:
#     re = fma(ar, br, -(ai*bi)),  im = fma(ar, bi, ai*br)
# while its scalar arithmetic (np.complex128 * np.complex128), its power loop's
# repeated products and its divide are plain C: every product and sum rounded. Torch's
# own complex multiply is plain in its vectorised body and fused in its scalar tail,
# so neither matches; these kernels do the part arithmetic with real torch ops
# (separate ops never fuse; ``addcmul`` is one fused multiply-add, checked below).
def _addcmul_rounds_once():
    """Whether ``torch.addcmul`` on the CPU computes ``c + a*b`` with one rounding for
    float32 and float64, on contiguous, strided, broadcast and 0-d operands, on a CPU
    whose NumPy complex multiply loop uses FMA (torch's capability AVX2/AVX512)."""
    get = getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", None)
    if get is None or get() not in ("AVX2", "AVX512"):
        return False
    for dt, e in ((torch.float32, 2.0 ** -12), (torch.float64, 2.0 ** -27)):
        a = torch.full((37,), 1 + e, dtype=dt)  # (1+e)**2 - 1 = 2e + e*e exactly; unfused: 2e
        c = torch.full((37,), -1.0, dtype=dt)
        want = 2 * e + e * e
        for x, y, z in ((a, a, c), (a[::2], a[::2], c[::2]), (a[:1].expand(37), a, c),
                        (a[0], a[0], c[0])):
            if not bool((torch.addcmul(z, x, y) == want).all()):
                return False
    return True


_FUSED_MUL = _addcmul_rounds_once()


def _re_im(x, y):
    if x.shape != y.shape:
        x, y = torch.broadcast_tensors(x, y)
    ar, ai = _parts(x.resolve_neg()).unbind(-1)
    br, bi = _parts(y.resolve_neg()).unbind(-1)
    return ar, ai, br, bi


_tracing = torch.compiler.is_compiling
_BITS = {torch.float32: torch.int32, torch.float64: torch.int64}
_wrapped = getattr(getattr(torch._C, "_functorch", None), "is_functorch_wrapped_tensor",
                   lambda t: False)


def _select(c, a, b):
    """``torch.where(c, a, b)`` for float tensors of one shape. Eagerly on the CPU (no
    autograd, no torch.func wrapper) it selects the bits with masks: torch's CPU
    ``where`` is several times slower than the three integer ops. Same values."""
    it = _BITS.get(a.dtype)
    if it is None or _tracing() or a.device.type != "cpu" or a.shape != b.shape \
            or a.shape != c.shape or a.requires_grad or b.requires_grad or _wrapped(a) \
            or _wrapped(b) or b.dtype is not a.dtype:
        return torch.where(c, a, b)
    ai, bi = a.view(it), b.view(it)
    return (bi ^ ((ai ^ bi) & c.to(it).neg_())).view(a.dtype)


def _cmul_fused(x, y):
    """NumPy's FMA complex multiply loop (one rounding per part)."""
    ar, ai, br, bi = _re_im(x, y)
    return torch.complex(torch.addcmul(torch.neg(ai * bi), ar, br),
                         torch.addcmul(ai * br, ar, bi))


def _f32(v, _c=ctypes.c_float):
    return _c(v).value  # C's (float) cast: round to nearest, overflow to inf


def _eager_scalars(x, y):
    """Whether ``x`` and ``y`` are 0-d CPU tensors computed on eagerly in Python floats."""
    return x.ndim == 0 and y.ndim == 0 and x.device.type == "cpu" and not _tracing() \
        and not x.requires_grad and not y.requires_grad and not _wrapped(x) \
        and not _wrapped(y)


_cbinary = _native.binary
_MUL = "cmul" if _native.FUSED else "cmulp"  # NumPy's array multiply loop


def cmul_plain(x, y):
    """Plain C complex multiply: each product and each sum rounded."""
    r = _cbinary("cmulp", x, y)  # (eager CPU: the C loop; else torch ops)
    if r is not None:
        return r
    if _eager_scalars(x, y):
        a, b = complex(x.item()), complex(y.item())
        ar, ai, br, bi = a.real, a.imag, b.real, b.imag
        if x.dtype is torch.complex64:  # float32 ops: each a double op rounded once more
            f = _f32  # (exact: 53 >= 2*24 + 2 bits, so the double rounding is innocuous)
            re = f(f(ar * br) - f(ai * bi))
            im = f(f(ar * bi) + f(ai * br))
        else:
            re = ar * br - ai * bi
            im = ar * bi + ai * br
        return torch.tensor(complex(re, im), dtype=x.dtype)
    ar, ai, br, bi = _re_im(x, y)
    return torch.complex(ar * br - ai * bi, ar * bi + ai * br)


def complex_multiply(x, y):
    """NumPy's complex multiply loop (on an FMA CPU fused), 0-d arrays included. Its scalar
    arithmetic (``np.complex128 * np.complex128``, a scalar and a Python number) is plain:
    the ufunc's operators on two scalars take ``cmul_plain`` (``_ufuncs_impl``)."""
    r = _cbinary(_MUL, x, y)
    if r is not None:
        return r
    if _FUSED_MUL and x.device.type == "cpu":
        return _cmul_fused(x, y)
    return cmul_plain(x, y)


def complex_square(x):
    """NumPy's complex square loop: the multiply loop's arithmetic (also for 0-d)."""
    r = _cbinary(_MUL, x, x)
    if r is not None:
        return r
    if _FUSED_MUL and x.device.type == "cpu":
        return _cmul_fused(x, x)
    return cmul_plain(x, x)


def reads_backwards(shape, strides):
    """Whether NumPy's ufunc iterator hands its inner loop a negative stride: ``strides``
    are the inputs' element strides (NumPy's signs, broadcast to ``shape``: 0 along
    broadcast axes). NumPy orders the axes as its iterator does (by stride magnitude,
    C order where the operands disagree) and reads an operand in place only where it
    runs linearly over the whole iteration; it copies any other into a forward buffer.
    (Measured on NumPy 2.4: exact for 1-d operations, full reversals and small arrays; a
    large array reversed along some of its axes may be read in place row by row, which
    this does not model.)"""
    axes = [d for d in range(len(shape)) if shape[d] != 1]
    if not axes or any(shape[d] == 0 for d in axes):
        return False
    perm = axes[::-1]  # innermost first
    for i0 in range(1, len(perm)):
        j0, ipos = perm[i0], i0
        for i1 in range(i0 - 1, -1, -1):
            j1 = perm[i1]
            ambiguous, swap = True, False
            for st in strides:
                if st[j0] != 0 and st[j1] != 0:
                    if abs(st[j1]) <= abs(st[j0]):
                        swap = False  # (a conflict between operands: C order wins)
                    elif ambiguous:
                        swap = True
                    ambiguous = False
            if not ambiguous:
                if not swap:
                    break
                ipos = i1
        if ipos != i0:
            perm.insert(ipos, perm.pop(i0))
    for st in strides:
        if st[perm[0]] < 0 and all(st[b] == st[a] * shape[a] for a, b in zip(perm, perm[1:])):
            return True
    return False


def cmul_layout(vals, shape, strides):
    """The kernel NumPy's complex multiply/square loop amounts to for operands it reads in
    this layout (``reads_backwards``), or None for the usual one. Its complex64 SIMD loop
    takes non-negative strides only: an operand read backwards rounds plainly. (complex128:
    fused on every layout.)"""
    if not all(isinstance(v, torch.Tensor) and v.dtype is torch.complex64 for v in vals) \
            or not reads_backwards(shape, strides):
        return None
    return cmul_plain if len(vals) == 2 else _csquare_plain


def _csquare_plain(x):
    return cmul_plain(x, x)


def _smith(ar, ai, br, bi, f):
    """NumPy's complex division of Python floats (``f`` rounds each result to the
    working precision)."""
    if abs(br) >= abs(bi):
        if br == 0 and bi == 0:
            d = abs(br)
            return complex(_fdiv(ar, d), _fdiv(ai, d))
        rat = f(_fdiv(bi, br))
        scl = f(_fdiv(1.0, f(br + f(bi * rat))))
        return complex(f(f(ar + f(ai * rat)) * scl), f(f(ai - f(ar * rat)) * scl))
    rat = f(_fdiv(br, bi))  # (also a NaN divisor part: NumPy's second branch)
    scl = f(_fdiv(1.0, f(bi + f(br * rat))))
    return complex(f(f(f(ar * rat) + ai) * scl), f(f(f(ai * rat) - ar) * scl))


def _fdiv(a, b):
    """IEEE a / b of Python floats (b may be zero)."""
    if b != 0:
        return a / b
    if a == 0 or a != a or b != b:
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def complex_divide(x, y):
    """NumPy's complex divide (Smith's method): scale by the larger part of the divisor;
    a zero divisor divides the parts by +0 (inf or nan, by the dividend's signs)."""
    r = _cbinary("cdiv", x, y)
    if r is not None:
        return r
    if _eager_scalars(x, y):
        a, b = complex(x.item()), complex(y.item())
        f = _f32 if x.dtype is torch.complex64 else float
        return torch.tensor(_smith(a.real, a.imag, b.real, b.imag, f), dtype=x.dtype)
    ar, ai, br, bi = _re_im(x, y)
    abr, abi = br.abs(), bi.abs()
    rb = abr >= abi  # NaN parts: False, NumPy's second branch too
    p, q = _select(rb, br, bi), _select(rb, bi, br)  # the larger part, the other
    s1, s2 = _select(rb, ar, ai), _select(rb, ai, ar)
    # |br| >= |bi|: rat = bi/br, re = (ar + ai*rat)*scl, im = (ai - ar*rat)*scl;
    # otherwise rat = br/bi, re = (ai + ar*rat)*scl, im = (ai*rat - ar)*scl (NumPy's
    # order of each subtraction: negating the other one's result flips a zero's sign)
    rat = q / p
    scl = 1.0 / (p + q * rat)
    re = (s1 + s2 * rat) * scl
    u = s1 * rat
    im = _select(rb, s2 - u, u - s2) * scl
    # both parts zero (NumPy's first branch only: a NaN real part with a zero imaginary
    # one takes the second, rat = nan/0): NumPy divides by |br| = +0
    zero = rb & (p == 0)
    d = p.abs()
    re = _select(zero, ar / d, re)
    im = _select(zero, ai / d, im)
    return torch.complex(re, im)


# --- uint64 on its int64 bit pattern -----------------------------------------
def _flip(x):
    return x ^ _SIGN64  # unsigned order becomes signed order


def u64_lt(x, y):
    return _flip(x) < _flip(y)


def u64_maximum(x, y):
    return torch.where(_flip(x) >= _flip(y), x, y)


def u64_minimum(x, y):
    return torch.where(_flip(x) <= _flip(y), x, y)


def _u64_divmod(n, d):
    """Unsigned 64-bit division on int64 bit patterns; d == 0 gives (0, 0)."""
    n, d = torch.broadcast_tensors(n, d)
    big = d < 0  # divisor >= 2**63: quotient is 0 or 1
    dz = d == 0
    ds = torch.where(big | dz, torch.ones_like(d), d)
    half = (n >> 1) & 0x7FFFFFFFFFFFFFFF  # logical shift: a non-negative int64
    q = (half // ds) << 1
    r = n - q * ds
    fix = _flip(r) >= _flip(ds)
    q = torch.where(fix, q + 1, q)
    r = torch.where(fix, r - ds, r)
    qb = (_flip(n) >= _flip(d)).to(n.dtype)
    rb = torch.where(qb.bool(), n - d, n)
    q = torch.where(big, qb, q)
    r = torch.where(big, rb, r)
    zero = torch.zeros((), dtype=n.dtype, device=n.device)
    return torch.where(dz, zero, q), torch.where(dz, zero, r)


def u64_floor_divide(x, y):
    return _u64_divmod(x, y)[0]


def u64_remainder(x, y):
    return _u64_divmod(x, y)[1]


divmod_u64 = _u64_divmod


# --- gcd / lcm ------------------------------------------------------------------
# torch.gcd runs Euclid's loop in C, where ``MIN % -1`` traps (SIGFPE kills the
# process) and uint64 data would be read as signed. One Euclid step done here
# first brings every operand into the range torch.gcd handles safely.
def _int_min(t):
    return torch.iinfo(t.dtype).min


def int_gcd(x, y):
    x, y = torch.broadcast_tensors(x, y)
    lo = _int_min(x)
    x = torch.where((x == lo) & (y != 0), torch.fmod(x, _safe_divisor(y)), x)
    y = torch.where((y == lo) & (x != 0), torch.fmod(y, _safe_divisor(x)), y)
    return torch.gcd(x, y)


def int_lcm(x, y):
    # NumPy: |x| // gcd * |y|, wrapping on overflow
    g = int_gcd(x, y)
    r = (torch.abs(x) // _safe_divisor(g)) * torch.abs(y)
    return torch.where(g == 0, torch.zeros((), dtype=r.dtype, device=r.device), r)


def u64_gcd(x, y):
    x, y = torch.broadcast_tensors(x, y)
    hi, lo = u64_maximum(x, y), u64_minimum(x, y)
    zero = torch.zeros((), dtype=x.dtype, device=x.device)
    h = torch.where(lo == 0, zero, u64_remainder(hi, lo))  # h < 2**63 (see Euclid)
    lo2 = u64_remainder(lo, h)  # < h where h != 0
    g = torch.gcd(h, lo2)
    return torch.where(lo == 0, hi, torch.where(h == 0, lo, g))


def u64_lcm(x, y):
    g = u64_gcd(x, y)
    r = u64_floor_divide(x, g) * y
    return torch.where(g == 0, torch.zeros((), dtype=r.dtype, device=r.device), r)


# --- powers ------------------------------------------------------------------
def check_int_power(x, y):
    """NumPy raises for an integer raised to a negative integer (one host read for arrays)."""
    neg = (y < 0) if isinstance(y, torch.Tensor) else y < 0
    if isinstance(neg, torch.Tensor):
        neg = bool(neg.any()) if neg.numel() else False  # sync: NumPy must raise here
    if neg:
        raise ValueError("Integers to negative integer powers are not allowed.")


def int_power(x, y):
    return torch.pow(x, y)


def _int_power_plain(x, n, unrolled=True):
    """x**n for a Python int 0 < n < 100 as NumPy's power loop multiplies it out: x*x,
    x*(x*x), else binary powering from 1 (plain products). A negative exponent's power
    (``unrolled=False``) always powers from 1: NumPy unrolls e = 1, 2, 3 only, and
    1 * z is not z where a part is inf or nan."""
    if unrolled and n == 1:
        return x.clone()
    if unrolled and n == 2:
        return cmul_plain(x, x)
    if unrolled and n == 3:
        return cmul_plain(x, cmul_plain(x, x))
    acc = None
    p = x
    bit = 1
    while True:
        if n & bit:
            acc = cmul_plain(torch.ones((), dtype=x.dtype, device=x.device) if acc is None
                             else acc, p)
        bit <<= 1
        if n < bit:
            return acc
        p = cmul_plain(p, p)


def _zero_base(x, r, positive):
    """NumPy's 0**y (before any other case): 0 when y.real > 0, else nan+nanj."""
    v = torch.zeros((), dtype=r.dtype, device=r.device) if positive else _cnan(r)
    return torch.where(x == 0, v, r)


def _cnan(r):
    """nan+nanj of ``r``'s dtype, 0-d (built from real parts: traced, torch.fx writes a
    complex NaN constant as ``nan+nanj``, which its generated code cannot read)."""
    f = torch.full((), math.nan, dtype=r.real.dtype, device=r.device)
    return torch.complex(f, f)


def complex_power(x, y):
    """NumPy's complex power: x**0 is 1; 0**y is 0 when y.real > 0, else nan+nanj;
    integer exponents below 100 in magnitude multiply out (binary powering, then Smith's
    1/r for negative ones), others go through exp/log. A Python exponent (the common
    ``np.power(z, 3)``) picks its case here; an array exponent is decided per element."""
    if not isinstance(y, torch.Tensor):
        y = complex(y)
        if y == 0:
            return torch.ones(x.shape, dtype=x.dtype, device=x.device)
        yr = y.real
        if y.imag == 0 and math.isfinite(yr) and yr == math.trunc(yr) and abs(yr) < 100:
            n = int(yr)
            r = _native.powi(x, n)
            if r is not None:
                return r
            r = _int_power_plain(x, abs(n), n > 0)
            if n < 0:
                r = complex_divide(torch.ones((), dtype=x.dtype, device=x.device), r)
            return _zero_base(x, r, n > 0)
        return _zero_base(x, torch.pow(x, torch.tensor(y, dtype=x.dtype, device=x.device)),
                          yr > 0)
    x, y = torch.broadcast_tensors(x, y)
    r = torch.pow(x, y)
    yr = y.real
    n_ok = (y.imag == 0) & (yr == torch.trunc(yr)) & (yr.abs() < 100)
    n = torch.where(n_ok, yr.abs(), torch.zeros_like(yr)).to(torch.int64)
    one = torch.ones((), dtype=r.dtype, device=r.device)
    acc = one.expand(r.shape)
    started = torch.zeros(r.shape, dtype=torch.bool, device=r.device)
    p = x
    for bit in range(7):  # n < 100 < 2**7: the same products as the Python-exponent case
        take = ((n >> bit) & 1) == 1
        acc = torch.where(take, cmul_plain(torch.where(started, acc, one), p), acc)
        started = started | take
        if bit < 6:
            p = cmul_plain(p, p)
    sq = cmul_plain(x, x)
    p = torch.where(yr == 1, x, torch.where(yr == 2, sq, torch.where(yr == 3, cmul_plain(x, sq),
                                                                     acc)))
    p = torch.where(yr < 0, complex_divide(one, p), p)
    r = torch.where(n_ok, p, r)
    nan = _cnan(r)
    r = torch.where(x == 0, torch.where(yr > 0, torch.zeros_like(one), nan), r)
    return torch.where(y == 0, one, r)


def power(x, y):
    """power's kernel (complex loops included; ``y`` may be a Python scalar)."""
    if x.is_complex():
        return complex_power(x, y)
    return torch.pow(x, y)


def rpower(t, s):
    """``s ** t`` for a Python scalar ``s`` (the operator ``2 ** a``)."""
    if t.is_complex():
        return complex_power(torch.tensor(s, dtype=t.dtype, device=t.device), t)
    return torch.pow(s, t)


def u64_power(x, y):
    """uint64 power on bit patterns: an exponent >= 2**63 reads as negative in int64.
    x**(2**63) is 1 for odd x and 0 for even x modulo 2**64, so split that factor off."""
    big = y < 0
    r = torch.pow(x, y & 0x7FFFFFFFFFFFFFFF)
    return torch.where(big, r * (x & 1), r)


# --- sign, conj, reciprocal ------------------------------------------------------
def sign_float(x):
    return torch.where(torch.isnan(x), x, torch.sign(x))


def sign_complex(z):
    # NumPy 2: z / |z|; an infinite part gives its unit direction (inf+1j -> 1+0j), both
    # parts infinite or |z| NaN give nan+nanj, 0 gives 0
    re, im = z.real, z.imag
    mag = torch.hypot(re, im)
    zero = torch.zeros((), dtype=re.dtype, device=re.device)
    nan = torch.full((), math.nan, dtype=re.dtype, device=re.device)
    safe = torch.where((mag == 0) | torch.isinf(mag), torch.ones_like(mag), mag)
    r, i = re / safe, im / safe
    inf_r, inf_i = torch.isinf(re), torch.isinf(im)
    r = torch.where(torch.isinf(mag), torch.where(inf_r, torch.sign(re), zero), r)
    i = torch.where(torch.isinf(mag), torch.where(inf_r, zero, torch.sign(im)), i)
    bad = torch.isnan(mag) | (inf_r & inf_i)
    r = torch.where(bad, nan, torch.where(mag == 0, zero, r))
    i = torch.where(bad, nan, torch.where(mag == 0, zero, i))
    return torch.complex(r, i)


def sign_u64(x):
    return (x != 0).to(x.dtype)


def conj(x):
    return torch.conj_physical(x) if x.is_complex() else x.clone()


def _complex_reciprocal(z):
    """1 / z by scaling with the larger part first, as NumPy's complex reciprocal loop does.

    The scaled form gives NumPy's special values, which torch.reciprocal does not:
    1 / 0 is nan+nanj (torch: inf+nanj), a huge z gives a signed zero, a tiny one inf.
    """
    re, im = z.real, z.imag
    real_first = im.abs() <= re.abs()
    # real part dominant: t = im / re, d = re + im * t, 1/z = (1 - i t) / d
    t1 = im / re
    d1 = re + im * t1
    # imaginary part dominant: t = re / im, d = re * t + im, 1/z = (t - i) / d
    t2 = re / im
    d2 = re * t2 + im
    out_re = torch.where(real_first, 1 / d1, t2 / d2)
    out_im = torch.where(real_first, -t1 / d1, -1 / d2)
    return torch.complex(out_re, out_im)


def reciprocal_for(ld):
    """NumPy's integer reciprocal is ``1 / x`` in C: 1 and -1 map to themselves, other
    values to 0, and 0 to what the platform's int conversion of inf gives (INT_MIN
    for 32/64-bit signed types, 0 otherwise)."""
    if ld.is_complex:
        return _complex_reciprocal
    if ld.is_floating_point:
        return torch.reciprocal
    zero_val = {torch.int32: -2**31, torch.int64: -2**63}.get(ld, 0)
    signed = _is_signed(ld)

    def reciprocal_int(x):
        keep = (x == 1) | (x == -1) if signed else x == 1
        r = torch.where(keep, x, torch.zeros_like(x))
        return torch.where(x == 0, torch.full_like(x, zero_val), r)
    return reciprocal_int


def _is_signed(ld):
    return ld in (torch.int8, torch.int16, torch.int32, torch.int64)


def heaviside(x, h):
    return torch.where(torch.isnan(x), x, torch.heaviside(x, h.to(x.dtype) if isinstance(h, torch.Tensor) else h))


def cbrt(x):
    if x.dtype == torch.float16:
        return cbrt(x.float()).half()
    return torch.sign(x) * torch.pow(torch.abs(x), 1.0 / 3.0)


def exp2_complex(z):
    # scale the parts separately: (inf+0j) * ln2 as a complex product has a NaN part
    ln2 = math.log(2.0)
    return torch.exp(torch.complex(z.real * ln2, z.imag * ln2))


def log_complex_base(fn):
    return fn


def rint(x):
    return torch.round(x)


def rint_complex(z):
    return torch.complex(torch.round(z.real), torch.round(z.imag))


def logaddexp2(x, y):
    return torch.logaddexp2(x, y)


# --- complex max/min (NumPy orders complex numbers lexicographically) -----------
def _c_isnan(z):
    return torch.isnan(z.real) | torch.isnan(z.imag)


def _c_ge(a, b):
    return (a.real > b.real) | ((a.real == b.real) & (a.imag >= b.imag))


def _c_extreme(a, b, largest, propagate_nan):
    """Lexicographic complex max (``largest``) or min; ties keep ``a``.

    A NaN operand (either part NaN) wins when ``propagate_nan`` (maximum/minimum:
    the first NaN wins), else the other operand does (fmax/fmin).
    """
    a, b = torch.broadcast_tensors(a, b)
    r = torch.where(_c_ge(a, b) if largest else _c_ge(b, a), a, b)
    a_nan, b_nan = _c_isnan(a), _c_isnan(b)
    if propagate_nan:
        r = torch.where(b_nan, b, r)
        return torch.where(a_nan, a, r)
    # fmax/fmin: the number wins over a NaN; of two NaNs, the first (as NumPy)
    r = torch.where(b_nan, a, r)
    return torch.where(a_nan & ~b_nan, b, r)


def cmax(a, b):
    return _c_extreme(a, b, True, True)


def cmin(a, b):
    return _c_extreme(a, b, False, True)


def fmax_complex(a, b):
    return _c_extreme(a, b, True, False)


def fmin_complex(a, b):
    return _c_extreme(a, b, False, False)


# --- floating-point routines -------------------------------------------------
def spacing(x):
    inf = torch.full_like(x, math.inf)
    if x.dtype == torch.float16:
        # NumPy's half-precision spacing is positive for negative x: the gap toward zero
        r = torch.where(x < 0, torch.nextafter(x, torch.zeros_like(x)) - x,
                        torch.nextafter(x, inf) - x)
    else:
        r = torch.nextafter(x, torch.copysign(inf, x)) - x
    return torch.where(torch.isinf(x), torch.full_like(x, math.nan), r)


def modf(x):
    ip = torch.trunc(x)
    frac = torch.where(torch.isinf(x), torch.copysign(torch.zeros_like(x), x), x - ip)
    return frac, ip


def frexp(x):
    m, e = torch.frexp(x)
    ok = torch.isfinite(x)
    m = torch.where(ok, m, x)
    e = torch.where(ok, e, torch.zeros_like(e))
    return m, e.to(torch.int32)


def ldexp(x, n):
    if n.dtype == torch.int64:
        n = n.clamp(-100000, 100000)
    x, n = torch.broadcast_tensors(x, n)  # torch.ldexp resizes a 0-d x with a warning
    r = torch.ldexp(x, n)
    return r.to(x.dtype)


# --- gufuncs -------------------------------------------------------------------
def _need(x, nd, name, sig, i):
    if x.ndim < nd:
        raise ValueError(f"{name}: Input operand {i} does not have enough dimensions (has "
                         f"{x.ndim}, gufunc core with signature {sig} requires {nd})")


def _core_check(name, sig, a, a_nd, ka, b, b_nd, kb):
    """Operands of a contracting gufunc: enough core dimensions each, and the
    contracted sizes ``a.shape[ka]`` and ``b.shape[kb]`` equal (NumPy's messages)."""
    _need(a, a_nd, name, sig, 0)
    _need(b, b_nd, name, sig, 1)
    if a.shape[ka] != b.shape[kb]:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {sig} (size {b.shape[kb]} is different from "
                         f"{a.shape[ka]})")


def matmul(a, b):
    _core_check("matmul", "(n?,k),(k,m?)->(n?,m?)", a, 1, -1, b, 1, -2 if b.ndim > 1 else -1)
    if a.dtype == torch.bool:
        return torch.matmul(a.to(torch.int64), b.to(torch.int64)) != 0
    if not (a.is_floating_point() or a.is_complex()) and a.device.type != "cpu":
        return torch.matmul(a.double(), b.double()).to(a.dtype)  # no integer GEMM on CUDA
    return torch.matmul(a, b)


def vecdot(a, b):
    _core_check("vecdot", "(n),(n)->()", a, 1, -1, b, 1, -1)
    if a.dtype == torch.bool:
        return (a & b).any(-1)
    return (torch.conj_physical(a) * b if a.is_complex() else a * b).sum(-1, dtype=a.dtype)


def matvec(a, v):
    _core_check("matvec", "(m,n),(n)->(m)", a, 2, -1, v, 1, -1)
    return matmul(a, v.unsqueeze(-1)).squeeze(-1)


def vecmat(v, a):
    _core_check("vecmat", "(n),(n,m)->(m)", v, 1, -1, a, 2, -2)
    vc = torch.conj_physical(v) if v.is_complex() else v
    return matmul(vc.unsqueeze(-2), a).squeeze(-2)
