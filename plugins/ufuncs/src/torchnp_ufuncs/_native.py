"""C loops for NumPy's complex multiply, square, divide and integer power, eagerly on a CPU.

NumPy's complex loops spell the arithmetic out on the parts and their rounding is
part of the result (``_math_impl``): its array multiply loop fuses on an FMA CPU,
its scalar multiply, its divide (Smith's method) and its power loop's products are
plain C. Torch's complex ops round differently, and spelling NumPy's arithmetic out
in torch ops costs 6-25 passes over strided part views; these loops are one pass.

* Built at first use through ``torchnp._cbuild`` (``$TORCHNP_CACHE_DIR``, hash-named,
  ~0.4 s once, then a millisecond per process), ``-ffp-contract=off``; when torch's
  CPU capability is AVX2/AVX512 (where NumPy's loop fuses) with ``-mavx2``, and the
  fused multiply loops alone get FMA (a target attribute) and call ``fma()``.
* ``TORCHNP_UFUNCS_NATIVE=0``, no compiler or a failed build: ``lib()`` is None and
  every function here returns None; the callers then use their torch-op path
  (exact too, slower).
* Only for plain CPU tensors, eagerly: never while tracing (dynamo, a dispatch or
  torch-function mode active), never for tensors needing grad, torch.func wrappers
  or tensor subclasses. Those take the torch-op path, which traces.
"""
from __future__ import annotations

import ctypes

import torch

from torchnp import _cbuild

__all__ = ["lib", "FUSED", "binary", "powi"]

_get_cap = getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", None)
_CAP = _get_cap() if _get_cap is not None else None
FUSED = _CAP in ("AVX2", "AVX512")

SOURCE = r"""
#include <math.h>
#include <stdint.h>
typedef int64_t L;

/* GCC 12 fuses the plain loops' a*b +- c*d into vfmsubadd when FMA is enabled for the
   whole file, -ffp-contract=off or not: only the fused multiply loops get FMA (a target
   attribute), written with intrinsics. Parts: re = fma(ar, br, -(ai*bi)),
   im = fma(ar, bi, ai*br), i.e. fmaddsub(ar ar, br bi, (ai ai) * (bi br)). */
#define PMUL_RE(ar, ai, br, bi) ((ar) * (br) - (ai) * (bi))
#define PMUL_IM(ar, ai, br, bi) ((ar) * (bi) + (ai) * (br))

/* one loop per operand layout (sa, sb: 1 contiguous, 0 one element), so each vectorises */
#define LOOPS(BODY, T, I0) \
    if (sa && sb) { for (L i = I0; i < n; i++) { \
        T ar = a[2*i], ai = a[2*i+1], br = b[2*i], bi = b[2*i+1]; BODY } } \
    else if (sb) { T ar = a[0], ai = a[1]; for (L i = I0; i < n; i++) { \
        T br = b[2*i], bi = b[2*i+1]; BODY } } \
    else if (sa) { T br = b[0], bi = b[1]; for (L i = I0; i < n; i++) { \
        T ar = a[2*i], ai = a[2*i+1]; BODY } } \
    else { T ar = a[0], ai = a[1], br = b[0], bi = b[1]; for (L i = I0; i < n; i++) { BODY } }

#define MULS(NAME, T) \
void NAME(const T *restrict a, L sa, const T *restrict b, L sb, T *restrict o, L n) { \
    LOOPS(o[2*i] = PMUL_RE(ar, ai, br, bi); o[2*i+1] = PMUL_IM(ar, ai, br, bi);, T, 0) }

MULS(tnp_cmulp_f, float)
MULS(tnp_cmulp_d, double)

#ifdef TNP_FMA
#include <immintrin.h>
#define FUSED_TARGET __attribute__((target("avx2,fma")))
FUSED_TARGET void tnp_cmul_f(const float *restrict a, L sa, const float *restrict b, L sb,
                             float *restrict o, L n) {
    L j = 0;
    __m256 ca = _mm256_castpd_ps(_mm256_broadcast_sd((const double *)a));
    __m256 cb = _mm256_castpd_ps(_mm256_broadcast_sd((const double *)b));
#define VMUL_F(VA, VB) for (; j + 4 <= n; j += 4) { __m256 va = VA, vb = VB; \
        __m256 t = _mm256_mul_ps(_mm256_movehdup_ps(va), _mm256_permute_ps(vb, 0xB1)); \
        _mm256_storeu_ps(o + 2*j, _mm256_fmaddsub_ps(_mm256_moveldup_ps(va), vb, t)); }
    if (sa && sb) VMUL_F(_mm256_loadu_ps(a + 2*j), _mm256_loadu_ps(b + 2*j))
    else if (sb) VMUL_F(ca, _mm256_loadu_ps(b + 2*j))
    else if (sa) VMUL_F(_mm256_loadu_ps(a + 2*j), cb)
    LOOPS(o[2*i] = fmaf(ar, br, -(ai * bi)); o[2*i+1] = fmaf(ar, bi, ai * br);, float, j)
}
FUSED_TARGET void tnp_cmul_d(const double *restrict a, L sa, const double *restrict b, L sb,
                             double *restrict o, L n) {
    L j = 0;
    __m256d ca = _mm256_broadcast_pd((const __m128d *)a);
    __m256d cb = _mm256_broadcast_pd((const __m128d *)b);
#define VMUL_D(VA, VB) for (; j + 2 <= n; j += 2) { __m256d va = VA, vb = VB; \
        __m256d t = _mm256_mul_pd(_mm256_permute_pd(va, 0xF), _mm256_permute_pd(vb, 0x5)); \
        _mm256_storeu_pd(o + 2*j, _mm256_fmaddsub_pd(_mm256_movedup_pd(va), vb, t)); }
    if (sa && sb) VMUL_D(_mm256_loadu_pd(a + 2*j), _mm256_loadu_pd(b + 2*j))
    else if (sb) VMUL_D(ca, _mm256_loadu_pd(b + 2*j))
    else if (sa) VMUL_D(_mm256_loadu_pd(a + 2*j), cb)
    LOOPS(o[2*i] = fma(ar, br, -(ai * bi)); o[2*i+1] = fma(ar, bi, ai * br);, double, j)
}
#define FUSED512 __attribute__((target("avx512f,avx2,fma")))
FUSED512 void tnp_cmul512_f(const float *restrict a, L sa, const float *restrict b, L sb,
                            float *restrict o, L n) {
    L j = 0;
    __m512 ca = _mm512_castpd_ps(_mm512_set1_pd(*(const double *)a));
    __m512 cb = _mm512_castpd_ps(_mm512_set1_pd(*(const double *)b));
#define VMUL512_F(VA, VB) for (; j + 8 <= n; j += 8) { __m512 va = VA, vb = VB; \
        __m512 t = _mm512_mul_ps(_mm512_movehdup_ps(va), _mm512_permute_ps(vb, 0xB1)); \
        _mm512_storeu_ps(o + 2*j, _mm512_fmaddsub_ps(_mm512_moveldup_ps(va), vb, t)); }
    if (sa && sb) VMUL512_F(_mm512_loadu_ps(a + 2*j), _mm512_loadu_ps(b + 2*j))
    else if (sb) VMUL512_F(ca, _mm512_loadu_ps(b + 2*j))
    else if (sa) VMUL512_F(_mm512_loadu_ps(a + 2*j), cb)
    LOOPS(o[2*i] = fmaf(ar, br, -(ai * bi)); o[2*i+1] = fmaf(ar, bi, ai * br);, float, j)
}
FUSED512 void tnp_cmul512_d(const double *restrict a, L sa, const double *restrict b, L sb,
                            double *restrict o, L n) {
    L j = 0;
    __m512d ca = _mm512_castps_pd(_mm512_broadcast_f32x4(_mm_loadu_ps((const float *)a)));
    __m512d cb = _mm512_castps_pd(_mm512_broadcast_f32x4(_mm_loadu_ps((const float *)b)));
#define VMUL512_D(VA, VB) for (; j + 4 <= n; j += 4) { __m512d va = VA, vb = VB; \
        __m512d t = _mm512_mul_pd(_mm512_permute_pd(va, 0xFF), _mm512_permute_pd(vb, 0x55)); \
        _mm512_storeu_pd(o + 2*j, _mm512_fmaddsub_pd(_mm512_movedup_pd(va), vb, t)); }
    if (sa && sb) VMUL512_D(_mm512_loadu_pd(a + 2*j), _mm512_loadu_pd(b + 2*j))
    else if (sb) VMUL512_D(ca, _mm512_loadu_pd(b + 2*j))
    else if (sa) VMUL512_D(_mm512_loadu_pd(a + 2*j), cb)
    LOOPS(o[2*i] = fma(ar, br, -(ai * bi)); o[2*i+1] = fma(ar, bi, ai * br);, double, j)
}
#else
MULS(tnp_cmul_f, float)
MULS(tnp_cmul_d, double)
MULS(tnp_cmul512_f, float)
MULS(tnp_cmul512_d, double)
#endif

/* NumPy's complex divide loop (Smith's method), plain C */
#define SMITH(T, FABS, ar, ai, br, bi, RE, IM) { \
    T abr = FABS(br), abi = FABS(bi); \
    if (abr >= abi) { \
        if (abr == 0 && abi == 0) { RE = (ar) / abr; IM = (ai) / abr; } \
        else { T rat = (bi) / (br); T scl = (T)1 / ((br) + (bi) * rat); \
               RE = ((ar) + (ai) * rat) * scl; IM = ((ai) - (ar) * rat) * scl; } \
    } else { T rat = (br) / (bi); T scl = (T)1 / ((bi) + (br) * rat); \
             RE = ((ar) * rat + (ai)) * scl; IM = ((ai) * rat - (ar)) * scl; } }

#define DIVS(NAME, T, FABS) \
void NAME(const T *restrict a, L sa, const T *restrict b, L sb, T *restrict o, L n) { \
    LOOPS(T re; T im; SMITH(T, FABS, ar, ai, br, bi, re, im) o[2*i] = re; o[2*i+1] = im;, T, 0) }

DIVS(tnp_cdiv_f, float, fabsf)
DIVS(tnp_cdiv_d, double, fabs)

/* NumPy's complex power loop for an integer exponent 0 < |e| < 100 (nc_pow): 0 -> 0 for
   e > 0 else nan+nanj; e = 1, 2, 3 unrolled; else binary powering from 1, then 1/r by
   Smith for e < 0. Every product plain. */
#define POWI(NAME, T, FABS) \
void NAME(const T *restrict a, T *restrict o, L n, L e) { \
    L m = e < 0 ? -e : e; \
    for (L i = 0; i < n; i++) { \
        T ar = a[2*i], ai = a[2*i+1], rr, ri; \
        if (ar == 0 && ai == 0) { \
            if (e > 0) { rr = 0; ri = 0; } else { rr = (T)NAN; ri = (T)NAN; } \
        } else if (e == 1) { rr = ar; ri = ai; } \
        else if (e == 2) { rr = ar * ar - ai * ai; ri = ar * ai + ai * ar; } \
        else if (e == 3) { T sr = ar * ar - ai * ai, si = ar * ai + ai * ar; \
                           rr = ar * sr - ai * si; ri = ar * si + ai * sr; } \
        else { \
            T qr = 1, qi = 0, pr = ar, pi = ai; L mask = 1; \
            for (;;) { \
                if (m & mask) { T tr = qr * pr - qi * pi; qi = qr * pi + qi * pr; qr = tr; } \
                mask <<= 1; \
                if (m < mask) break; \
                T tr = pr * pr - pi * pi; pi = pr * pi + pi * pr; pr = tr; \
            } \
            rr = qr; ri = qi; \
            if (e < 0) { T one = 1, zero = 0, xr, xi; \
                SMITH(T, FABS, one, zero, qr, qi, xr, xi) rr = xr; ri = xi; } \
        } \
        o[2*i] = rr; o[2*i+1] = ri; \
    } }

POWI(tnp_cpowi_f, float, fabsf)
POWI(tnp_cpowi_d, double, fabs)
"""

_FLAGS = ["-O3", "-fPIC", "-shared", "-ffp-contract=off", "-fno-fast-math", "-std=gnu11",
          *(["-mavx2", "-DTNP_FMA"] if FUSED else [])]
_P, _L = ctypes.c_void_p, ctypes.c_int64
_BIN = [_P, _L, _P, _L, _P, _L]
_SIGS = {**{f"tnp_{k}_{t}": _BIN for k in ("cmul", "cmul512", "cmulp", "cdiv") for t in "fd"},
         "tnp_cpowi_f": [_P, _P, _L, _L], "tnp_cpowi_d": [_P, _P, _L, _L]}

_FNS = {}  # (op, dtype) -> the C function


def _load():
    lib_ = _cbuild.build("torchnp_ufuncs", SOURCE, _FLAGS, _SIGS)
    if lib_ is not None:
        for op in ("cmul", "cmulp", "cdiv", "cpowi"):
            name = "cmul512" if op == "cmul" and _CAP == "AVX512" else op
            _FNS[op, torch.complex64] = getattr(lib_, f"tnp_{name}_f")
            _FNS[op, torch.complex128] = getattr(lib_, f"tnp_{name}_d")
    return lib_


KERNELS = _cbuild.Kernels("TORCHNP_UFUNCS_NATIVE", _load)


def lib():
    """The loaded kernels, or None (see the module docstring). Builds on first call."""
    return KERNELS.get()


_T = torch.Tensor
_tracing = torch.compiler.is_compiling
_dispatch_modes = torch._C._len_torch_dispatch_stack
_function_mode = torch._C._is_torch_function_mode_enabled
_wrapped = getattr(getattr(torch._C, "_functorch", None), "is_functorch_wrapped_tensor",
                   lambda t: False)
_STRIDED = torch.strided


def _plain(t):
    """Whether ``t`` is a plain strided CPU tensor an eager C loop may read."""
    return type(t) is _T and t.is_cpu and not t.requires_grad \
        and t.layout is _STRIDED and not _wrapped(t)


def _eager():
    return not _tracing() and not _dispatch_modes() and not _function_mode()


def _resolved(t):
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    return t


def _dense(t):
    """Whether ``t``'s elements fill one block of memory in some order (a permuted
    contiguous tensor: transposes, F order), so a loop over memory order reads them."""
    dims = sorted((st, sz) for st, sz in zip(t.stride(), t.shape) if sz != 1)
    expect = 1
    for st, sz in dims:
        if st != expect:
            return False
        expect *= sz
    return True


def _operand(t):
    """``t`` readable as one block of memory (``torch.empty_like(t)`` has its layout)."""
    if t.is_contiguous() or _dense(t):
        return t
    return t.contiguous()


def binary(op, x, y):
    """``op`` ("cmul": NumPy's array multiply loop, "cmulp": plain multiply, "cdiv":
    Smith's divide) of complex64/complex128 tensors of one dtype, broadcast; None
    where the C loop does not apply (the caller computes it with torch ops)."""
    if type(y) is not _T or not _eager():
        return None
    dt = x.dtype
    if y.dtype is not dt or not _plain(x) or not _plain(y):
        return None
    if not KERNELS.tried:
        lib()
    fn = _FNS.get((op, dt))
    if fn is None:
        return None
    if x.is_conj() or x.is_neg():
        x = _resolved(x)
    if y.is_conj() or y.is_neg():
        y = _resolved(y)
    xs, ys = x.shape, y.shape
    sa = sb = 1
    if xs == ys:
        if x.is_contiguous() and y.is_contiguous():
            out = torch.empty_like(x)  # (contiguous; empty_like is the quickest allocation)
        elif x.stride() == y.stride() and _dense(x):
            out = torch.empty_like(x)  # the operands' memory order (NumPy's order K)
        else:
            x, y = x.contiguous(), y.contiguous()
            out = torch.empty_like(x)
    elif y.numel() == 1 and y.dim() <= x.dim():
        x = _operand(x)
        out = torch.empty_like(x)
        sb = 0
    elif x.numel() == 1 and x.dim() <= y.dim():
        y = _operand(y)
        out = torch.empty_like(y)
        sa = 0
    else:
        shape = torch.broadcast_shapes(xs, ys)
        x, y = x.expand(shape).contiguous(), y.expand(shape).contiguous()
        out = torch.empty_like(x)
    n = out.numel()
    if n:
        fn(x.data_ptr(), sa, y.data_ptr(), sb, out.data_ptr(), n)
    return out


def powi(x, e):
    """NumPy's ``x ** e`` for a complex tensor and a Python int 0 < |e| < 100; None where
    the C loop does not apply."""
    if not _eager() or not _plain(x):
        return None
    if not KERNELS.tried:
        lib()
    fn = _FNS.get(("cpowi", x.dtype))
    if fn is None:
        return None
    x = _operand(_resolved(x))
    out = torch.empty_like(x)
    n = out.numel()
    if n:
        fn(x.data_ptr(), out.data_ptr(), n, e)
    return out
