"""The engine behind the six series kinds of ``numpy.polynomial`` (torch only).

Every kind (power, Chebyshev, Legendre, Laguerre, Hermite, HermiteE) is a
family of polynomials ``P_k`` obeying a three-term recurrence

    P_0 = 1,  P_{k+1} = (a_k x + b_k) P_k - g_k P_{k-1}.

A :class:`Basis` records ``(a_k, b_k, g_k)`` plus the few things that do not
follow from the recurrence (derivative and antiderivative steps, companion
matrix, Gauss rule). From it this module derives evaluation (Clenshaw),
Vandermonde matrices, multiplication by ``x``, series products, division,
powers, fits, roots and conversions, and the ``make_*`` factories build the
public impl functions with NumPy's exact signatures and normalizer tags.
The per-kind modules are then one binding per public name.
"""
from __future__ import annotations

__all__: list = []

import math
import operator
import warnings

import torch

from torchnp import _dtypes
from torchnp._normalize import (ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, as_tensor,
                                as_tensor_or_scalar, wrap)
from torchnp.exceptions import RankWarning, normalize_axis_index

from ._polyutils_impl import (as_int, float_of, real_dtype, series, trim_tensor, trimcoef)


class Basis:
    """One series kind: its recurrence and the kind-specific pieces."""

    def __init__(self, prefix, rec, x_coefs, der_step, int_step, companion, root1,
                 jacobi=None, weight=None):
        self.prefix = prefix
        self.rec = rec              # k -> (a_k, b_k, g_k)
        self.x_coefs = x_coefs      # the series of ``x`` itself in this basis
        self.der_step = der_step    # (c (n, ...)) -> derivative coefficients (n-1, ...)
        self.int_step = int_step    # (c (n, ...)) -> antiderivative (n+1, ...), tmp[0] unset
        self.companion_parts = companion  # n, c -> companion matrix (n >= 2)
        self.root1 = root1          # c0, c1 -> the root of a degree-1 series
        self.jacobi = jacobi        # n -> (diag, offdiag, mu0) of the orthonormal recurrence
        self.weight = weight
        self._mulx_cache = {}
        # the kinds whose NumPy product/division goes through generic float64 helpers
        self.widens = prefix in ("leg", "lag", "herm", "herme")

    # -- recurrence tables ---------------------------------------------------
    def mulx_tables(self, n):
        """1/a_k, b_k/a_k, g_k/a_k for k < n, as float64 tensors (cached per length)."""
        t = self._mulx_cache.get(n)
        if t is None:
            inva, ba, ga = [], [], []
            for k in range(n):
                a, b, g = self.rec(k)
                inva.append(1.0 / a)
                ba.append(b / a)
                ga.append(g / a)
            t = (torch.tensor(inva, dtype=torch.float64), torch.tensor(ba, dtype=torch.float64),
                 torch.tensor(ga, dtype=torch.float64))
            self._mulx_cache[n] = t
        return t


def _like(v, c):
    """A float64 table in the real dtype of ``c`` (so float32 series stay float32)."""
    return v.to(device=c.device, dtype=real_dtype(c.dtype))


# --- core algorithms on tensors ------------------------------------------------------
def mulx_raw(B, c):
    """``x * c`` for a 1-D series, result one longer (no trimming)."""
    n = c.shape[0]
    inva, ba, ga = B.mulx_tables(n)
    out = torch.zeros(n + 1, dtype=c.dtype, device=c.device)
    out[1:] = c * _like(inva, c)
    out[:n] -= c * _like(ba, c)
    if n > 1:
        out[:n - 1] += c[1:] * _like(ga, c)[1:]
    return out


def mul_raw(B, c1, c2):
    """Product of two 1-D series of equal dtype, length len1 + len2 - 1 (no trimming)."""
    n1, n2 = c1.shape[0], c2.shape[0]
    L = n1 + n2 - 1
    if B.prefix == "poly":  # a plain convolution: sum the outer product along anti-diagonals
        idx = (torch.arange(n1, device=c1.device)[:, None]
               + torch.arange(n2, device=c1.device)[None, :]).reshape(-1)
        out = torch.zeros(L, dtype=c1.dtype, device=c1.device)
        return out.index_add_(0, idx, (c1[:, None] * c2[None, :]).reshape(-1))
    if B.prefix == "cheb":  # T_i T_j = (T_{i+j} + T_{|i-j|}) / 2: two scatter-adds
        i = torch.arange(n1, device=c1.device)[:, None]
        j = torch.arange(n2, device=c1.device)[None, :]
        half = (c1[:, None] * c2[None, :]).reshape(-1) / 2
        out = torch.zeros(L, dtype=c1.dtype, device=c1.device)
        out.index_add_(0, (i + j).reshape(-1), half)
        return out.index_add_(0, (i - j).abs().reshape(-1), half)
    if n1 > n2:
        c1, c2, n1, n2 = c2, c1, n2, n1
    if n1 == 1 and B.widens:
        # NumPy's legmul & co. finish with ``mulx(0)``, a float64 series: float32 widens
        wide = _dtypes.promote_torch(c1.dtype, torch.float64)
        c1, c2 = c1.to(wide), c2.to(wide)
    # Clenshaw in coefficient space: sum_k c1[k] P_k(x) * c2, x-multiplication acting on series
    inva, ba, ga = (_like(t, c1) for t in B.mulx_tables(L))
    xs = torch.zeros(L, dtype=c1.dtype, device=c1.device)
    xs[:n2] = c2

    def mx(s):  # x * s within the fixed length L (the top entry stays zero by degree)
        out = torch.zeros_like(s)
        out[1:] = s[:-1] * inva[:-1]
        out = out - s * ba
        out[:-1] += s[1:] * ga[1:]
        return out

    b1 = c1[n1 - 1] * xs
    b2 = torch.zeros_like(xs)
    for k in range(n1 - 2, -1, -1):
        a, b, _ = B.rec(k)
        g = B.rec(k + 1)[2]
        b1, b2 = c1[k] * xs + a * mx(b1) + b * b1 - g * b2, b1
    return b1


def _in_x_dtype(x, f):
    """``f(x)`` computed in the dtype of ``x``, as NumPy's ``2 * x`` or ``1 - x`` is (integer
    arrays wrap around, bool becomes int64, float32 rounds in float32)."""
    if not isinstance(x, torch.Tensor):  # a Python scalar: plain Python arithmetic
        return f(x)
    if x.dtype == torch.bool:
        return f(x.to(torch.int64))
    if not (x.is_floating_point() or x.is_complex()):
        # torch lacks arithmetic on uint16/32/64 and refuses out-of-range Python ints:
        # compute in int64 (wrapping modulo 2**64) and truncate back to x's dtype
        return f(x.to(torch.int64)).to(x.dtype)
    return f(x)


def _check_weak_int(v, x):
    """NumPy 2 refuses a Python int operand out of range of an integer array's dtype."""
    if isinstance(x, torch.Tensor) and not (x.is_floating_point() or x.is_complex()) \
            and x.dtype != torch.bool:
        info = torch.iinfo(x.dtype)
        if not info.min <= v <= info.max:
            raise OverflowError(f"Python integer {v} out of bounds for "
                                f"{_dtypes.from_torch(x.dtype).name}")


def _bin(op, a, b):
    """``op(a, b)`` in NumPy's result dtype of the two operands (torch would keep float32
    for float32 * int32, or let a 0-d tensor take the other operand's dtype)."""
    dt = _dtypes.result_type_torch(a, b)
    if isinstance(a, torch.Tensor):
        a = a.to(dt)
    if isinstance(b, torch.Tensor):
        b = b.to(dt)
    return op(a, b)


def _add(a, b):
    return _bin(operator.add, a, b)


def _sub(a, b):
    return _bin(operator.sub, a, b)


def _mul(a, b):
    return _bin(operator.mul, a, b)


def _div(a, b):
    return _bin(operator.truediv, a, b)


def clenshaw(B, x, c):
    """Evaluate the series with coefficients along axis 0 of ``c`` at ``x`` (broadcasting),
    by NumPy's own recurrence for each kind (``chebval``, ``lagval``, ...): the terms NumPy
    computes from ``x`` alone (``2*x``, ``(2*nd - 1) - x``) in the dtype of ``x``, and each
    step in the dtype NumPy's promotion gives it."""
    n = c.shape[0]
    p = B.prefix
    if p == "poly":  # Horner, as NumPy's polyval (whose ``x*0`` makes bool x int64)
        xt = x.to(torch.int64) if isinstance(x, torch.Tensor) and x.dtype == torch.bool else x
        dt = _dtypes.result_type_torch(xt, c)
        c = c.to(dt)
        if isinstance(x, torch.Tensor):
            x = x.to(dt)
        r = c[n - 1] + x * 0  # a fresh tensor of the result's shape: update it in place
        if n > 1 and r.shape == torch.broadcast_shapes(r.shape, c.shape[1:]):
            for k in range(n - 2, -1, -1):
                r.mul_(x).add_(c[k])
            return r
        for k in range(n - 2, -1, -1):
            r = c[k] + r * x
        return r
    if p == "herm":
        x2 = _in_x_dtype(x, lambda v: v * 2)
    if n == 1:
        c0, c1 = c[0], 0
    elif n == 2:
        c0, c1 = c[0], c[1]
    else:
        c0, c1 = c[-2], c[-1]
        if p == "cheb":
            x2 = _in_x_dtype(x, lambda v: 2 * v)
        nd = n
        for i in range(3, n + 1):
            tmp = c0
            nd = nd - 1
            if p == "cheb":
                c0, c1 = _sub(c[-i], c1), _add(tmp, _mul(c1, x2))
            elif p == "herm":
                c0, c1 = _sub(c[-i], c1 * (2 * (nd - 1))), _add(tmp, _mul(c1, x2))
            elif p == "herme":
                c0, c1 = _sub(c[-i], c1 * (nd - 1)), _add(tmp, _mul(c1, x))
            elif p == "leg":
                c0 = _sub(c[-i], c1 * ((nd - 1) / nd))
                c1 = _add(tmp, _mul(c1, x) * ((2 * nd - 1) / nd))
            else:  # lag
                _check_weak_int(2 * nd - 1, x)
                k = 2 * nd - 1
                c0 = _sub(c[-i], (c1 * (nd - 1)) / nd)
                c1 = _add(tmp, _mul(c1, _in_x_dtype(x, lambda v: k - v)) / nd)
    if p == "herm":
        return _add(c0, _mul(c1, x2))
    if p == "lag":
        return _add(c0, _mul(c1, _in_x_dtype(x, lambda v: 1 - v)))
    return _add(c0, _mul(c1, x))


def vander_raw(B, x, deg):
    """Pseudo-Vandermonde matrix, degree along the last axis."""
    cols = [x * 0 + 1]
    if deg > 0:
        a, b, _ = B.rec(0)
        cols.append(a * x + b if b else a * x)
        for k in range(1, deg):
            a, b, g = B.rec(k)
            cols.append((a * x + b) * cols[k] - g * cols[k - 1])
    return torch.stack(cols, dim=-1)


# --- shared helpers ---------------------------------------------------------------------
def _sort_complex(r):
    """Sort by real part, then imaginary part (NumPy's order for complex arrays)."""
    if not r.is_complex():
        return torch.sort(r).values
    order = torch.sort(r.imag, stable=True).indices
    r = r[order]
    order = torch.sort(r.real, stable=True).indices
    return r[order]


def _nonfinite_matrix_error():
    """``LinAlgError`` (the linalg plugin's, else its base ``ValueError``) for a NaN/inf
    matrix, as ``numpy.linalg.eigvals`` raises; imported only on this error path."""
    try:
        from torchnp_linalg._exceptions_impl import LinAlgError
    except ImportError:  # linalg plugin not installed
        LinAlgError = ValueError
    return LinAlgError("Array must not contain infs or NaNs")


def _eigvals_sorted(m):
    """Eigenvalues as ``numpy.linalg.eigvals`` gives them (real when all are real), sorted."""
    # single precision: torch's float32 eigensolver strays further from the true
    # eigenvalues than NumPy's (~1e-7 vs ~1e-8 relative on the parts); solve in double
    # and round back, which lands within float32 rounding of NumPy's answer
    # torch's CPU eigvals crashes the process on a real NaN; NumPy refuses non-finite input
    if not bool(torch.isfinite(m).all()):
        raise _nonfinite_matrix_error()
    wide = {torch.float32: torch.float64, torch.complex64: torch.complex128}.get(m.dtype)
    if wide is None:
        w = torch.linalg.eigvals(m)
    else:
        w = torch.linalg.eigvals(m.to(wide)).to(torch.complex64)
    if not bool((w.imag != 0).any()):  # host sync: NumPy's result dtype depends on the values
        w = w.real
    return _sort_complex(w)


def _axis_series(c):
    c = c.reshape(1) if c.ndim == 0 else c
    return float_of(c).clone()


# --- factories of public impls -------------------------------------------------------------
def _named(fn, name, doc):
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = doc
    return fn


def make_constant(B, which):
    """The ``*domain``/``*zero``/``*one``/``*x`` arrays (float64 for x/zero/one, int64 domain)."""
    if which == "domain":
        t = torch.tensor([0., 1.] if B.prefix == "lag" else [-1., 1.], dtype=torch.float64)
    elif which == "zero":
        t = torch.tensor([0])
    elif which == "one":
        t = torch.tensor([1])
    else:
        t = B.x_coefs.clone()
    return wrap(t)  # registered as a plain object: it must already be a torchnp array


def make_line(B):
    def line(off, scl):
        # NumPy's own expressions, on the caller's objects: their operators (``scl / 2``,
        # ``off + scl``, ``scl != 0``), then array coercion of the list, so dtypes (list
        # discovery, not weak scalars), shapes and errors (ragged parts) are NumPy's
        if not scl != 0:
            return as_tensor([off])
        if B.prefix == "herm":  # H_1 = 2x
            return as_tensor([off, scl / 2])
        if B.prefix == "lag":  # L_1 = 1 - x
            return as_tensor([off + scl, -scl])
        return as_tensor([off, scl])
    return _named(line, B.prefix + "line",
                  f"The series ``off + scl*x``. Mirrors ``numpy.polynomial.{B.prefix}line``.")


def _by_parts(x, y, sub):
    """``x - y`` or ``x + y``; complex by parts, as NumPy adds (torch's complex add
    computes ``x + 1 * y`` and an infinite part of ``y`` leaks NaN into the other)."""
    if x.is_complex():
        px, py = torch.view_as_real(x.resolve_conj()), torch.view_as_real(y.resolve_conj())
        return torch.view_as_complex(px - py if sub else px + py)
    return x - y if sub else x + y


def make_add(B, sub=False):
    def add(c1: ArrayLike, c2: ArrayLike) -> torch.Tensor:
        c1, c2 = series(c1, c2)
        n1, n2 = c1.shape[0], c2.shape[0]
        if n1 >= n2:
            out = c1
            out[:n2] = _by_parts(c1[:n2], c2, sub)
        else:
            out = -c2 if sub else c2
            out[:n1] = _by_parts(out[:n1], c1, False)
        return trim_tensor(out)
    name = B.prefix + ("sub" if sub else "add")
    return _named(add, name, f"{'Difference' if sub else 'Sum'} of two series. Mirrors ``{name}``.")


def make_mulx(B):
    def mulx(c: ArrayLike) -> torch.Tensor:
        [c] = series(c)
        if c.shape[0] == 1 and not bool(c[0] != 0):
            return c
        return mulx_raw(B, c)
    return _named(mulx, B.prefix + "mulx", f"Multiply a series by x. Mirrors ``{B.prefix}mulx``.")


def make_mul(B):
    def mul(c1: ArrayLike, c2: ArrayLike) -> torch.Tensor:
        c1, c2 = series(c1, c2)
        return trim_tensor(mul_raw(B, c1, c2))
    return _named(mul, B.prefix + "mul", f"Product of two series. Mirrors ``{B.prefix}mul``.")


def div_raw(B, c1, c2):
    n1, n2 = c1.shape[0], c2.shape[0]
    if n2 == 1 and not bool(c2[0] != 0):
        raise ZeroDivisionError(f"{B.prefix}div: division by a zero series")
    if n1 < n2:
        return c1[:1] * 0, c1
    if n2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    quo = torch.empty(n1 - n2 + 1, dtype=c1.dtype, device=c1.device)
    rem = c1
    if B.prefix == "poly":  # synthetic division with the normalized divisor
        lead = c2[-1]
        d = c2[:-1] / lead
        rem = c1.clone()
        for i in range(n1 - n2, -1, -1):
            j = i + n2 - 1
            rem[i:j] -= d * rem[j]
        return rem[n2 - 1:] / lead, trim_tensor(rem[:n2 - 1])
    if B.widens:  # NumPy multiplies c2 by float64 basis series: the remainder widens
        rem = rem.to(_dtypes.promote_torch(rem.dtype, torch.float64))
    for i in range(n1 - n2, -1, -1):
        e = torch.zeros(i + 1, dtype=rem.dtype, device=c1.device)
        e[i] = 1
        p = mul_raw(B, e, c2.to(rem.dtype))
        q = rem[-1] / p[-1]
        rem = rem[:-1] - q * p[:-1]
        quo[i] = q
    return quo, trim_tensor(rem)


def make_div(B):
    def div(c1: ArrayLike, c2: ArrayLike) -> tuple:
        c1, c2 = series(c1, c2)
        return div_raw(B, c1, c2)
    return _named(div, B.prefix + "div", f"Quotient and remainder of two series. Mirrors ``{B.prefix}div``.")


def pow_raw(B, c, pow, maxpower):
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    if maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    if power == 0:
        return torch.ones(1, dtype=c.dtype, device=c.device)
    prd = c
    for _ in range(power - 1):
        prd = mul_raw(B, prd, c)
    return trim_tensor(prd) if power > 1 else prd


def make_pow(B, maxpower_default):
    if maxpower_default is None:
        def pow_(c: ArrayLike, pow, maxpower=None) -> torch.Tensor:
            [c] = series(c)
            return pow_raw(B, c, pow, maxpower)
    else:
        def pow_(c: ArrayLike, pow, maxpower=16) -> torch.Tensor:
            [c] = series(c)
            return pow_raw(B, c, pow, maxpower)
    return _named(pow_, B.prefix + "pow", f"A series raised to a power. Mirrors ``{B.prefix}pow``.")


def _promote_x(x, c):
    """Cast ``x`` and ``c`` to NumPy's result type (0-d ``c`` entries are strong scalars)."""
    dt = _dtypes.result_type_torch(x, c)
    if isinstance(x, torch.Tensor):
        x = x.to(dt)
    return x, c.to(dt)


def val_raw(B, x, c, tensor=True):
    c = float_of(c.reshape(1) if c.ndim == 0 else c)
    if isinstance(x, torch.Tensor) and tensor:
        c = c.reshape(tuple(c.shape) + (1,) * x.ndim)
    if isinstance(x, torch.Tensor) and not tensor:
        try:
            torch.broadcast_shapes(x.shape, c.shape[1:])
        except RuntimeError as exc:
            raise ValueError(f"operands could not be broadcast together with shapes "
                             f"{tuple(c.shape[1:])} {tuple(x.shape)}") from exc
    return clenshaw(B, x, c)


def make_val(B):
    def val(x: ArrayLikeOrScalar, c: ArrayLike, tensor=True) -> ArrayOrScalar:
        return val_raw(B, x, c, tensor)
    return _named(val, B.prefix + "val", f"Evaluate a series at x. Mirrors ``{B.prefix}val``.")


def _same_shapes(args, names):
    shape0 = tuple(args[0].shape)
    if not all(tuple(a.shape) == shape0 for a in args[1:]):
        raise ValueError(f"{names} are incompatible")


def make_valnd(B, nd):
    names = "x, y" if nd == 2 else "x, y, z"
    if nd == 2:
        def valnd(x: ArrayLike, y: ArrayLike, c: ArrayLike) -> ArrayOrScalar:
            _same_shapes((x, y), names)
            return val_raw(B, y, val_raw(B, x, c), tensor=False)
    else:
        def valnd(x: ArrayLike, y: ArrayLike, z: ArrayLike, c: ArrayLike) -> ArrayOrScalar:
            _same_shapes((x, y, z), names)
            return val_raw(B, z, val_raw(B, y, val_raw(B, x, c), tensor=False), tensor=False)
    return _named(valnd, f"{B.prefix}val{nd}d",
                  f"Evaluate a {nd}-D series at points. Mirrors ``{B.prefix}val{nd}d``.")


def make_gridnd(B, nd):
    if nd == 2:
        def gridnd(x: ArrayLikeOrScalar, y: ArrayLikeOrScalar, c: ArrayLike) -> ArrayOrScalar:
            return val_raw(B, y, val_raw(B, x, c))
    else:
        def gridnd(x: ArrayLikeOrScalar, y: ArrayLikeOrScalar, z: ArrayLikeOrScalar,
                   c: ArrayLike) -> ArrayOrScalar:
            return val_raw(B, z, val_raw(B, y, val_raw(B, x, c)))
    return _named(gridnd, f"{B.prefix}grid{nd}d",
                  f"Evaluate a {nd}-D series on a grid. Mirrors ``{B.prefix}grid{nd}d``.")


def make_valfromroots():
    def polyvalfromroots(x: ArrayLikeOrScalar, r: ArrayLike, tensor=True) -> ArrayOrScalar:
        """Evaluate the product of ``(x - r_i)``. Mirrors ``numpy.polynomial.polynomial.polyvalfromroots``."""
        r = float_of(r.reshape(1) if r.ndim == 0 else r)
        if isinstance(x, torch.Tensor):
            if tensor:
                r = r.reshape(tuple(r.shape) + (1,) * x.ndim)
            elif x.ndim >= r.ndim:
                raise ValueError("x.ndim must be < r.ndim when tensor == False")
        x, r = _promote_x(x, r)
        return torch.prod(x - r, dim=0)
    return polyvalfromroots


def _vander_x(x):
    x = x.reshape(1) if x.ndim == 0 else x
    return float_of(x)


def vander_checked(B, x, deg):
    ideg = as_int(deg, "deg")
    if ideg < 0:
        raise ValueError("deg must be non-negative")
    return vander_raw(B, _vander_x(x), ideg)


def make_vander(B):
    def vander(x: ArrayLike, deg) -> torch.Tensor:
        return vander_checked(B, x, deg)
    return _named(vander, B.prefix + "vander", f"Pseudo-Vandermonde matrix. Mirrors ``{B.prefix}vander``.")


def _vander_nd(B, points, degrees):
    nd = len(points)
    if nd != len(degrees):
        raise ValueError(f"Expected {nd} dimensions of degrees, got {len(degrees)}")
    try:
        pts = torch.broadcast_tensors(*points)
        if any(tuple(p.shape) != tuple(pts[0].shape) for p in points):
            raise RuntimeError("shapes differ")
    except RuntimeError as exc:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         "inhomogeneous shape") from exc
    dt = _dtypes.result_type_torch(*[float_of(p) for p in points])
    mats = []
    for i in range(nd):
        v = vander_checked(B, pts[i].to(dt), degrees[i])
        # put this degree axis at position i among the nd trailing axes
        shape = tuple(v.shape[:-1]) + tuple(v.shape[-1] if j == i else 1 for j in range(nd))
        mats.append(v.reshape(shape))
    out = mats[0]
    for m in mats[1:]:
        out = out * m
    return out.reshape(tuple(out.shape[:out.ndim - nd]) + (-1,))


def make_vandernd(B, nd):
    if nd == 2:
        def vandernd(x: ArrayLike, y: ArrayLike, deg) -> torch.Tensor:
            return _vander_nd(B, (x, y), list(deg))
    else:
        def vandernd(x: ArrayLike, y: ArrayLike, z: ArrayLike, deg) -> torch.Tensor:
            return _vander_nd(B, (x, y, z), list(deg))
    return _named(vandernd, f"{B.prefix}vander{nd}d",
                  f"{nd}-D pseudo-Vandermonde matrix. Mirrors ``{B.prefix}vander{nd}d``.")


# --- calculus ---------------------------------------------------------------------------------
def der_raw(B, c, m, scl, axis):
    c = _axis_series(c)
    cnt = as_int(m, "the order of derivation")
    iaxis = as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of derivation must be non-negative")
    iaxis = normalize_axis_index(iaxis, c.ndim)
    if cnt == 0:
        return c
    cdt = c.dtype
    c = torch.movedim(c, iaxis, 0)
    n = c.shape[0]
    if cnt >= n:
        c = c[:1] * 0
    else:
        for _ in range(cnt):
            c = (c * scl).to(cdt)
            c = B.der_step(c)
    return torch.movedim(c, 0, iaxis)


def make_der(B):
    def der(c: ArrayLike, m=1, scl=1, axis=0) -> torch.Tensor:
        return der_raw(B, c, m, scl, axis)
    return _named(der, B.prefix + "der", f"Differentiate a series. Mirrors ``{B.prefix}der``.")


def int_raw(B, c, m, k, lbnd, scl, axis):
    c = _axis_series(c)
    cdt = c.dtype
    if isinstance(k, (list, tuple)):
        k = list(k)
    elif hasattr(k, "__len__") and getattr(k, "ndim", 1) > 0:
        k = list(as_tensor(k))
    else:
        k = [k]
    cnt = as_int(m, "the order of integration")
    iaxis = as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of integration must be non-negative")
    if len(k) > cnt:
        raise ValueError("Too many integration constants")
    if _ndim(lbnd) != 0:
        raise ValueError("lbnd must be a scalar.")
    if _ndim(scl) != 0:
        raise ValueError("scl must be a scalar.")
    iaxis = normalize_axis_index(iaxis, c.ndim)
    if cnt == 0:
        return c
    k = k + [0] * (cnt - len(k))
    lb = lbnd.tensor if hasattr(lbnd, "tensor") else lbnd
    c = torch.movedim(c, iaxis, 0)
    for i in range(cnt):
        n = c.shape[0]
        c = (c * scl).to(cdt)
        ki = k[i].tensor if hasattr(k[i], "tensor") else k[i]
        if n == 1 and not bool((c[0] != 0).any()):  # NumPy keeps the zero series short
            c = c.clone()
            c[0] += ki
            continue
        tmp = B.int_step(c)
        tmp[0] += ki - clenshaw(B, lb, tmp)
        c = tmp
    return torch.movedim(c, 0, iaxis)


def _ndim(v):
    if isinstance(v, (bool, int, float, complex)):
        return 0
    if isinstance(v, (list, tuple)):
        return 1 + (_ndim(v[0]) if v else 0)
    return getattr(v, "ndim", 0)


def make_int(B):
    def int_(c: ArrayLike, m=1, k=[], lbnd=0, scl=1, axis=0) -> torch.Tensor:  # noqa: B006 - NumPy's default
        return int_raw(B, c, m, k, lbnd, scl, axis)
    return _named(int_, B.prefix + "int", f"Integrate a series. Mirrors ``{B.prefix}int``.")


# --- roots, companion, fromroots --------------------------------------------------------
def companion_raw(B, c):
    if c.shape[0] < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if c.shape[0] == 2:
        return B.root1(c[0], c[1]).reshape(1, 1)
    return B.companion_parts(c.shape[0] - 1, c)


def make_companion(B):
    def companion(c: ArrayLike) -> torch.Tensor:
        [c] = series(c)
        return companion_raw(B, c)
    return _named(companion, B.prefix + "companion", f"Companion matrix. Mirrors ``{B.prefix}companion``.")


def roots_raw(B, c):
    if c.shape[0] < 2:
        return torch.empty(0, dtype=c.dtype, device=c.device)
    if c.shape[0] == 2:
        return B.root1(c[0], c[1]).reshape(1)
    m = companion_raw(B, c).flip(0, 1)
    return _eigvals_sorted(m)


def make_roots(B):
    def roots(c: ArrayLike) -> torch.Tensor:
        [c] = series(c)
        return roots_raw(B, c)
    return _named(roots, B.prefix + "roots", f"Roots of a series. Mirrors ``{B.prefix}roots``.")


def fromroots_raw(B, roots):
    if roots.shape[0] == 0:
        return torch.ones(1, dtype=torch.float64, device=roots.device)
    roots = _sort_complex(roots)
    # line(-r, 1) through Python scalars in NumPy: real roots give float64 series
    dt = torch.complex128 if roots.is_complex() else torch.float64
    roots = roots.to(dt)
    x0, x1 = (v for v in B.x_coefs.to(dt))
    p = [torch.stack([-r + x0, x1 + 0 * r]) for r in roots]
    while len(p) > 1:
        m, rest = divmod(len(p), 2)
        tmp = [mul_raw(B, p[i], p[i + m]) for i in range(m)]
        if rest:
            tmp[0] = mul_raw(B, tmp[0], p[-1])
        p = tmp
    return p[0]


def make_fromroots(B):
    def fromroots(roots: ArrayLike) -> torch.Tensor:
        if roots.numel() == 0:
            return torch.ones(1, dtype=torch.float64)
        [r] = series(roots, trim=False)
        return fromroots_raw(B, r)
    return _named(fromroots, B.prefix + "fromroots",
                  f"The series with the given roots. Mirrors ``{B.prefix}fromroots``.")


# --- least squares ------------------------------------------------------------------------------
def fit_raw(B, x, y, deg, rcond=None, full=False, w=None):
    x = float_of(x)
    y = float_of(y)
    degt = deg if isinstance(deg, torch.Tensor) else as_tensor(deg)
    if degt.ndim > 1 or degt.dtype.is_floating_point or degt.dtype.is_complex or \
            degt.dtype is torch.bool or degt.numel() == 0:
        raise TypeError("deg must be an int or non-empty 1-D array of int")
    if int(degt.min()) < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.numel() == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if degt.ndim == 0:
        lmax = int(degt)
        order = lmax + 1
        van = vander_raw(B, x, lmax)
        degs = None
    else:
        degs = torch.sort(degt).values
        lmax = int(degs[-1])
        order = degs.shape[0]
        van = vander_raw(B, x, lmax)[:, degs]
    lhs = van.T
    rhs = y.T if y.ndim == 2 else y
    if w is not None:
        w = float_of(w if isinstance(w, torch.Tensor) else as_tensor(w))
        if w.ndim != 1:
            raise TypeError("expected 1D vector for w")
        if x.shape[0] != w.shape[0]:
            raise TypeError("expected x and w to have same length")
        lhs = lhs * w
        rhs = rhs * w
    dt = _dtypes.result_type_torch(lhs, rhs)
    lhs, rhs = lhs.to(dt), rhs.to(dt)
    if rcond is None:
        rcond = x.shape[0] * torch.finfo(real_dtype(x.dtype)).eps
    if lhs.is_complex():
        scl = torch.sqrt((lhs.real.square() + lhs.imag.square()).sum(1))
    else:
        scl = torch.sqrt(lhs.square().sum(1))
    scl = torch.where(scl == 0, torch.ones_like(scl), scl)
    A = lhs.T / scl
    bm = rhs.T if rhs.ndim == 2 else rhs
    b2 = bm if bm.ndim == 2 else bm[:, None]
    # NumPy's lstsq is SVD-based (gelsd, rank and singular values); torch has gelsd on CPU only
    sol = torch.linalg.lstsq(A.cpu() if A.device.type != "cpu" else A,
                             b2.cpu() if b2.device.type != "cpu" else b2,
                             rcond=rcond, driver="gelsd")
    c = sol.solution.to(A.device)
    if bm.ndim == 1:
        c = c[:, 0]
    rank = int(sol.rank)
    s = sol.singular_values.to(A.device)
    m_rows, n_cols = A.shape
    if rank == n_cols and m_rows > n_cols:
        resids = ((A @ (c if c.ndim == 2 else c[:, None]) - b2).abs() ** 2).sum(0)
        resids = resids.to(real_dtype(dt))
    else:
        resids = torch.empty(0, dtype=real_dtype(dt), device=A.device)
    c = c / scl.reshape((-1,) + (1,) * (c.ndim - 1))
    if degs is not None:
        cc = torch.zeros((lmax + 1,) + tuple(c.shape[1:]), dtype=c.dtype, device=c.device)
        cc[degs] = c
        c = cc
    if rank != order and not full:
        warnings.warn("The fit may be poorly conditioned", RankWarning, stacklevel=3)
    if full:
        return c, [resids, torch.tensor(rank, dtype=torch.int32),
                   s, torch.tensor(rcond, dtype=torch.float64)]
    return c


def make_fit(B):
    def fit(x: ArrayLike, y: ArrayLike, deg, rcond=None, full=False, w: ArrayLike | None = None) -> ArrayOrScalar:
        return fit_raw(B, x, y, deg, rcond, full, w)
    return _named(fit, B.prefix + "fit", f"Least-squares fit of a series. Mirrors ``{B.prefix}fit``.")


def make_trim(B):
    def trim(c: ArrayLike, tol=0) -> torch.Tensor:
        return trimcoef(c, tol)
    return _named(trim, B.prefix + "trim", f"Drop small trailing coefficients. Mirrors ``{B.prefix}trim``.")


# --- conversions ----------------------------------------------------------------------------------
def to_poly_raw(B, c):
    """Power-series coefficients of a series in basis ``B``."""
    n = c.shape[0]
    if n < 3 and B.prefix in ("cheb", "leg", "herme"):
        return c  # P_0 = 1 and P_1 = x in these bases
    out = torch.zeros(n, dtype=c.dtype, device=c.device)
    pm1 = torch.zeros(n, dtype=c.dtype, device=c.device)
    pk = torch.zeros(n, dtype=c.dtype, device=c.device)
    pk[0] = 1
    out = out + c[0] * pk
    for k in range(n - 1):
        a, b, g = B.rec(k)
        nxt = torch.zeros_like(pk)
        nxt[1:] = a * pk[:-1]
        nxt = nxt + b * pk - g * pm1
        pm1, pk = pk, nxt
        out = out + c[k + 1] * pk
    return out


def from_poly_raw(B, pol):
    """Series in basis ``B`` of power-series coefficients (Horner with ``mulx``)."""
    n = pol.shape[0]
    res = torch.zeros(n, dtype=pol.dtype, device=pol.device)
    inva, ba, ga = (_like(t, pol) for t in B.mulx_tables(n))
    for i in range(n - 1, -1, -1):
        nxt = torch.zeros_like(res)
        nxt[1:] = res[:-1] * inva[:-1]
        nxt = nxt - res * ba
        nxt[:-1] += res[1:] * ga[1:]
        nxt[0] += pol[i]
        res = nxt
    return res


def make_to_poly(B):
    def to_poly(c: ArrayLike) -> torch.Tensor:
        [c] = series(c)
        return to_poly_raw(B, c)
    return _named(to_poly, f"{B.prefix}2poly", f"Convert to a power series. Mirrors ``{B.prefix}2poly``.")


def make_from_poly(B):
    def from_poly(pol: ArrayLike) -> torch.Tensor:
        [pol] = series(pol)
        # NumPy's Horner loop starts from the int 0, a float64 series: float32 input widens
        return from_poly_raw(B, pol.to(_dtypes.promote_torch(pol.dtype, torch.float64)))
    return _named(from_poly, f"poly2{B.prefix}", f"Convert a power series. Mirrors ``poly2{B.prefix}``.")


# --- Gauss quadrature ------------------------------------------------------------------------------
def gauss_raw(B, deg):
    ideg = as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    diag, off, mu0 = B.jacobi(ideg)
    # Golub-Welsch nodes, polished with one Newton step on the orthonormal recurrence
    J = torch.diag(diag) + torch.diag(off[1:ideg], 1) + torch.diag(off[1:ideg], -1)
    x = torch.linalg.eigvalsh(J)
    p, dp, s = _orthonormal(diag, off, mu0, x, ideg)
    x = x - p / dp
    p, dp, s = _orthonormal(diag, off, mu0, x, ideg)
    w = 1.0 / s
    if B.prefix != "lag":  # a symmetric weight: make the rule exactly symmetric, as NumPy does
        w = (w + w.flip(0)) / 2
        x = (x - x.flip(0)) / 2
    return x, w * (mu0 / w.sum())


def _orthonormal(diag, off, mu0, x, n):
    """p_n(x), p_n'(x) and sum_{k<n} p_k(x)^2 for the orthonormal polynomials of a Jacobi matrix."""
    pm1 = torch.zeros_like(x)
    p = torch.full_like(x, 1.0 / math.sqrt(mu0))
    dpm1 = torch.zeros_like(x)
    dp = torch.zeros_like(x)
    s = p * p
    for k in range(n):
        pn = ((x - diag[k]) * p - off[k] * pm1) / off[k + 1]
        dpn = ((x - diag[k]) * dp + p - off[k] * dpm1) / off[k + 1]
        pm1, p, dpm1, dp = p, pn, dp, dpn
        if k < n - 1:
            s = s + p * p
    return p, dp, s


def make_gauss(B):
    def gauss(deg) -> tuple:
        return gauss_raw(B, deg)
    return _named(gauss, B.prefix + "gauss", f"Gauss quadrature nodes and weights. Mirrors ``{B.prefix}gauss``.")


_WEIGHT_SEQ_ERRORS = {
    "cheb": "unsupported operand type(s) for +: 'float' and '{}'",
    "leg": "can't multiply sequence by non-int of type 'float'",
    "herm": "unsupported operand type(s) for ** or pow(): '{}' and 'int'",
    "herme": "unsupported operand type(s) for ** or pow(): '{}' and 'int'",
    "lag": "bad operand type for unary -: '{}'",
}


def make_weight(B):
    def weight(x) -> ArrayOrScalar:
        if not isinstance(x, (bool, int, float, complex)) and not any(
                hasattr(x, a) for a in ("__array__", "__array_interface__", "__dlpack__")):
            # NumPy's formula applies Python operators to x: a list, dict, ... refuses them
            msg = _WEIGHT_SEQ_ERRORS[B.prefix]
            if B.prefix == "leg" and not isinstance(x, (list, tuple, str, bytes)):
                msg = "unsupported operand type(s) for *: '{}' and 'float'"
            raise TypeError(msg.format(type(x).__name__))
        x = as_tensor_or_scalar(x)
        if not isinstance(x, torch.Tensor):
            if B.prefix == "leg":  # NumPy's ``x*0.0 + 1.0``: a Python scalar stays one
                return x * 0.0 + 1.0
            if B.prefix in ("herm", "lag"):  # ``-x**2`` / ``-x`` in Python arithmetic
                return torch.exp(float_of(as_tensor(-(x ** 2) if B.prefix == "herm" else -x)))
            x = as_tensor(x)
        if B.prefix in ("herm", "lag") and not (x.is_floating_point() or x.is_complex()):
            # NumPy's ``exp(-x**2)`` / ``exp(-x)``: the power and negation run in the
            # integer dtype (wrapping; bool**2 is int8), exp then picks the smallest float
            # that holds it (float16 for 1-byte, float32 for 2-byte integers)
            if x.dtype == torch.bool:
                if B.prefix == "lag":
                    raise TypeError("The numpy boolean negative, the `-` operator, is not "
                                    "supported, use the `~` operator or the logical_not "
                                    "function instead.")
                idt = torch.int8
            else:
                idt = x.dtype
            v = x.to(torch.int64)
            v = (-(v * v) if B.prefix == "herm" else -v).to(idt)
            size = torch.empty((), dtype=idt).element_size()
            return torch.exp(v.to({1: torch.float16, 2: torch.float32}.get(size, torch.float64)))
        if B.prefix == "herme" and not (x.is_floating_point() or x.is_complex()):
            # NumPy's ``exp(-.5*x**2)``: the square in the integer dtype (wrapping; bool**2
            # is int8), then the Python float makes it float64
            idt = torch.int8 if x.dtype == torch.bool else x.dtype
            v = x.to(torch.int64)
            return torch.exp(-.5 * (v * v).to(idt).to(torch.float64))
        return B.weight(float_of(x))
    return _named(weight, B.prefix + "weight", f"The weight function. Mirrors ``{B.prefix}weight``.")


def call_user(func, x, args):
    """Call a user's function on a torchnp array and get a tensor back (chebinterpolate)."""
    r = func(wrap(x), *args)
    return r.tensor if hasattr(r, "tensor") else as_tensor(r)


# --- small pieces the kind modules build their bases from ---------------------------------
def ramp(start, stop, c):
    """``arange(start, stop)`` shaped to scale the coefficient axis of ``c``."""
    r = torch.arange(start, stop, dtype=real_dtype(c.dtype), device=c.device)
    return r.reshape((-1,) + (1,) * (c.ndim - 1))


def ramp_steps(scale=1):
    """``(der_step, int_step)`` for bases whose derivative maps ``c[j]`` to ``scale * j * c[j]``
    in slot ``j - 1`` (power series: 1, HermiteE: 1, Hermite: 2)."""
    def der_step(c):
        r = ramp(1, c.shape[0], c)
        return c[1:] * (r if scale == 1 else scale * r)

    def int_step(c):
        r = ramp(1, c.shape[0] + 1, c)
        tmp = new_int(c)
        tmp[1:] = c / (r if scale == 1 else scale * r)
        return tmp
    return der_step, int_step


def revcumsum(w, stride=1):
    """Sums from the top down (``out[j] = w[j] + out[j + stride]``), as NumPy's loops accumulate."""
    if stride == 1:
        return w.flip(0).cumsum(0).flip(0)
    out = torch.empty_like(w)
    for p in range(stride):
        out[p::stride] = w[p::stride].flip(0).cumsum(0).flip(0)
    return out


def tridiagonal(n, sup, diag, dtype, device):
    """An ``n x n`` matrix with ``sup`` above and below the diagonal and ``diag`` on it."""
    m = torch.zeros((n, n), dtype=torch.float64)
    if n > 1:
        m += torch.diag(torch.as_tensor(sup, dtype=torch.float64), 1)
        m += torch.diag(torch.as_tensor(sup, dtype=torch.float64), -1)
    if diag is not None:
        m += torch.diag(torch.as_tensor(diag, dtype=torch.float64))
    return m.to(dtype=dtype, device=device)


def new_int(c):
    """The antiderivative buffer, one longer than ``c`` along axis 0, zero-filled."""
    return torch.zeros((c.shape[0] + 1,) + tuple(c.shape[1:]), dtype=c.dtype, device=c.device)


def jacobi_table(alpha, beta, mu0):
    """A ``B.jacobi`` from per-index alpha_k and beta_k formulas."""
    def jacobi(n):
        diag = torch.tensor([float(alpha(k)) for k in range(n)], dtype=torch.float64)
        off = torch.tensor([0.0] + [float(beta(k)) for k in range(1, n + 1)], dtype=torch.float64)
        return diag, off, mu0
    return jacobi
