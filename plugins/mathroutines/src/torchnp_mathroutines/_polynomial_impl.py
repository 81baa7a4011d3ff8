"""Legacy polynomial functions (NumPy's "Poly1d" section), on coefficient tensors.

Coefficients run from the highest power down, as in NumPy. The ``poly1d`` class
and the "return a poly1d when given one" behaviour live in ``_poly1d.py``; the
functions here only see tensors.
"""
from __future__ import annotations

__all__ = ["poly", "roots", "polyadd", "polysub", "polymul", "polydiv", "polyder", "polyint",
           "polyval", "polyfit"]

import builtins
import operator
import warnings

import torch

from torchnp._dtypes import can_cast_torch, from_torch, promote_torch, weak_result
from torchnp._normalize import ArrayLike, ArrayOrScalar, as_tensor, wrap
from torchnp.exceptions import RankWarning, UFuncTypeError

from ._common_impl import add, cast_back, check_broadcast, compute_dtype, promote, sub, to_compute
from ._mathematical_impl import _SIGNED_TWIN, _correlate, _flip1d


def _atleast_1d(t):
    return t.reshape(1) if t.ndim == 0 else t


# NumPy's mintypecode(dtype.char) over 'GDFgdf' with default 'd', as torch dtypes
_ROOTS_DTYPE = {torch.float32: torch.float32, torch.complex64: torch.complex64,
                torch.complex128: torch.complex128}


def _nonfinite_matrix_error():
    """``LinAlgError`` (the linalg plugin's, else its base ``ValueError``) for a NaN/inf
    matrix, as ``numpy.linalg.eigvals`` raises; imported only on this error path."""
    try:
        from torchnp_linalg._exceptions_impl import LinAlgError
    except ImportError:  # linalg plugin not installed
        LinAlgError = ValueError
    return LinAlgError("Array must not contain infs or NaNs")


def _eigvals(m):
    """torch's eigvals behind NumPy's refusal of NaN/inf (torch's CPU kernel crashes on a
    real NaN, so the check comes first: one sync)."""
    if not bool(torch.isfinite(m).all()):
        raise _nonfinite_matrix_error()
    return torch.linalg.eigvals(m)


def _real_if_all_real(z):
    """eigvals' result as NumPy returns it: real when every imaginary part is 0 (one sync)."""
    if bool(torch.all(z.imag == 0)):
        return z.real.contiguous()
    return z


def _sorted_complex(z):
    """Lexicographic (real, then imaginary) sort, NumPy's order for complex values."""
    z = z[torch.sort(z.imag, stable=True).indices]
    return z[torch.sort(z.real, stable=True).indices]


def poly(seq_of_zeros: ArrayLike) -> torch.Tensor:
    """Coefficients of the monic polynomial with the given roots. Mirrors ``numpy.poly``."""
    if seq_of_zeros.ndim == 0:
        raise TypeError("poly: seq_of_zeros must be a sequence of roots or a square matrix")
    z = seq_of_zeros
    if z.ndim == 2 and z.shape[0] == z.shape[1] and z.shape[0] != 0:
        if z.dtype == torch.float16:
            raise TypeError("array type float16 is unsupported in linalg")
        cdt = z.dtype if z.dtype in (torch.float32, torch.float64, torch.complex64,
                                     torch.complex128) else torch.float64
        z = _real_if_all_real(_eigvals(z.to(cdt)))
    elif z.ndim == 1:
        z = z.to(_ROOTS_DTYPE.get(z.dtype, torch.float64))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if z.shape[0] == 0:
        return 1.0
    a = torch.ones(1, dtype=z.dtype, device=z.device)
    for k in range(z.shape[0]):
        # NumPy's convolve(a, [1, -z_k]): only overlapping terms, no zero padding, so an
        # infinite root does not spoil the leading coefficient
        nz = -z[k]
        a = torch.cat([a[:1], add(a[1:], a[:-1] * nz), a[-1:] * nz])
    if a.is_complex():
        s = _sorted_complex(z.to(torch.complex128))
        if bool(torch.all(s == _sorted_complex(s.conj().resolve_conj()))):
            a = a.real.contiguous()
    return a


def roots(p: ArrayLike) -> torch.Tensor:
    """Roots of a polynomial (eigenvalues of its companion matrix). Mirrors ``numpy.roots``."""
    p = _atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = torch.nonzero(_nonzero_able(p)).reshape(-1)
    if nz.numel() == 0:
        return torch.zeros(0, dtype=torch.float64, device=p.device)
    first, last = int(nz[0]), int(nz[-1])
    trailing = p.shape[0] - last - 1
    p = p[first:last + 1]
    if not (p.dtype.is_floating_point or p.dtype.is_complex):
        p = p.to(torch.float64)
    if p.dtype == torch.float16:
        raise TypeError("array type float16 is unsupported in linalg")
    n = p.shape[0]
    if n > 1:
        A = torch.diag(torch.ones(n - 2, dtype=p.dtype, device=p.device), -1)
        A[0, :] = -p[1:] / p[0]
        r = _real_if_all_real(_eigvals(A))
    else:
        r = torch.zeros(0, dtype=torch.float64, device=p.device)
    if trailing:
        r = torch.cat([r, torch.zeros(trailing, dtype=r.dtype, device=r.device)])
    return r


def _pad_front(t, n):
    if n <= 0:
        return t
    if t.ndim != 1:  # NumPy pads with concatenate((zeros(n), t))
        raise ValueError("all the input arrays must have same number of dimensions, but the array "
                         f"at index 0 has 1 dimension(s) and the array at index 1 has {t.ndim} "
                         "dimension(s)")
    return torch.cat([torch.zeros(n, dtype=t.dtype, device=t.device), t])


def _aligned_pair(a1, a2):
    """Two coefficient vectors padded at the front to one length and promoted: ``(dt, a1, a2)``."""
    a1, a2 = _atleast_1d(a1), _atleast_1d(a2)
    n = max(a1.shape[0], a2.shape[0])
    a1, a2 = _pad_front(a1, n - a1.shape[0]), _pad_front(a2, n - a2.shape[0])
    check_broadcast(a1, a2)
    dt, (a1, a2) = promote(a1, a2)
    return dt, a1, a2


def polyadd(a1: ArrayLike, a2: ArrayLike) -> torch.Tensor:
    """Sum of two polynomials. Mirrors ``numpy.polyadd``."""
    dt, a1, a2 = _aligned_pair(a1, a2)
    if dt == torch.bool:
        return a1 | a2
    return cast_back(add(to_compute(a1), to_compute(a2)), dt)


def polysub(a1: ArrayLike, a2: ArrayLike) -> torch.Tensor:
    """Difference of two polynomials. Mirrors ``numpy.polysub``."""
    dt, a1, a2 = _aligned_pair(a1, a2)
    if dt == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    return cast_back(sub(to_compute(a1), to_compute(a2)), dt)


def polymul(a1: ArrayLike, a2: ArrayLike) -> torch.Tensor:
    """Product of two polynomials. Mirrors ``numpy.polymul``."""
    a1, a2 = _trim_leading_zeros(_atleast_1d(a1)), _trim_leading_zeros(_atleast_1d(a2))
    return _correlate(a1, _flip1d(a2), "full", conj=False)


def _trim_leading_zeros(t):
    """Coefficients without leading zeros, as NumPy's polymul gets them (it goes through
    poly1d): all zeros leave one zero; an empty list becomes [0.0]. One sync."""
    if t.ndim != 1:
        return t
    if t.shape[0] == 0:
        return torch.zeros(1, dtype=torch.float64, device=t.device)
    nz = torch.nonzero(t.view(torch.uint8) if t.dtype == torch.bool else _nonzero_able(t))
    if nz.shape[0] == 0:
        return t[-1:].clone()
    return t[int(nz[0, 0]):]


def _nonzero_able(t):
    """``t`` in a dtype torch.nonzero has a kernel for (not uint16/32/64), same zeros."""
    twin = _SIGNED_TWIN.get(t.dtype)
    return t.view(twin) if twin is not None else t


def polydiv(u: ArrayLike, v: ArrayLike) -> tuple:
    """Quotient and remainder of polynomial division. Mirrors ``numpy.polydiv``."""
    u, v = _atleast_1d(u), _atleast_1d(v)
    u = u.to(weak_result(u.dtype, 0.0))
    v = v.to(weak_result(v.dtype, 0.0))
    dt = promote_torch(u.dtype, v.dtype)
    m, n = u.shape[0] - 1, v.shape[0] - 1
    if m < 0 or n < 0:  # NumPy reads u[0] and v[0] first
        raise IndexError("index 0 is out of bounds for axis 0 with size 0")
    if m >= n and (u.ndim > 1 or v.ndim > 1):  # NumPy stores each quotient term in a 1-d slot
        raise ValueError("setting an array element with a sequence.")
    u, v = u.to(dt), v.to(dt)
    scale = 1.0 / v[0]
    q = torch.zeros(max(m - n + 1, 1), dtype=dt, device=u.device)
    r = u.clone()
    for k in range(0, m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while r.shape[0] > 1 and bool(torch.abs(r[0]) <= 1e-8):
        r = r[1:]
    return q, r


def polyder(p: ArrayLike, m=1) -> torch.Tensor:
    """m-th derivative of a polynomial. Mirrors ``numpy.polyder``."""
    m = int(m)  # NumPy's int(): 1.5 -> 1, '2' -> 2
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    if p.ndim == 0:
        raise TypeError("len() of unsized object")
    for _ in range(m):
        n = builtins.max(p.shape[0] - 1, 0)
        k = torch.arange(n, 0, -1, dtype=torch.int64, device=p.device)
        dt = promote_torch(p.dtype, torch.int64)
        try:
            p = cast_back(to_compute(p[:-1].to(dt)) * k.to(compute_dtype(dt)), dt)
        except RuntimeError as exc:  # torch: "The size of tensor a (2) must match ..."
            raise ValueError(f"operands could not be broadcast together with shapes "
                             f"{tuple(p[:-1].shape)} {tuple(k.shape)} ") from exc
    return p


def polyint(p: ArrayLike, m=1, k=None) -> torch.Tensor:
    """m-th antiderivative of a polynomial (integration constants ``k``). Mirrors ``numpy.polyint``."""
    m = int(m)  # NumPy's int(): 1.5 -> 1, '2' -> 2
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        kt = torch.zeros(m, dtype=torch.float64)
    else:
        kt = _atleast_1d(as_tensor(k))
        if kt.shape[0] == 1 and m > 1:
            kt = kt[0] * torch.ones(m, dtype=torch.float64)
    if kt.shape[0] < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >= m.")
    if p.ndim == 0:
        raise TypeError("len() of unsized object")
    if m and (p.ndim != 1 or kt.ndim != 1):  # NumPy joins each step with concatenate
        if p.ndim != 1:
            check_broadcast(p, torch.empty(p.shape[0], device="meta"))
        raise ValueError("all the input arrays must have same number of dimensions, but the array "
                         f"at index 0 has {p.ndim} dimension(s) and the array at index 1 has "
                         f"{kt.ndim} dimension(s)")
    for i in range(m):
        n = p.shape[0]
        div = torch.arange(n, 0, -1, dtype=torch.int64, device=p.device)
        dt = promote_torch(weak_result(p.dtype, 1.0) if p.dtype == torch.bool else p.dtype,
                           torch.int64)
        dt = weak_result(dt, 1.0)
        q = p.to(dt) / div.to(dt)
        c = kt[i:i + 1]
        rdt = promote_torch(q.dtype, c.dtype)
        p = torch.cat([q.to(rdt), c.to(rdt).to(p.device)])
    return p


def polyval(p: ArrayLike, x: ArrayLike) -> ArrayOrScalar:
    """Evaluate a polynomial at ``x`` (Horner's scheme). Mirrors ``numpy.polyval``."""
    p = _atleast_1d(p) if p.ndim == 0 else p
    if p.shape[0] == 0:
        # NumPy returns its zeros_like(x) untouched: a 0-d array, not a scalar
        return wrap(torch.zeros_like(x))
    check_broadcast(x, p[0])
    dt = promote_torch(x.dtype, p.dtype)
    if dt == torch.bool:
        y = torch.zeros_like(x)
        for i in range(p.shape[0]):
            y = (y & x) | p[i]
        return y
    cdt = compute_dtype(dt)
    xc = x.to(cdt)
    y = torch.zeros_like(xc)
    pc = p.to(cdt)
    for i in range(p.shape[0]):
        y = add(y * xc, pc[i])
    return cast_back(y, dt)


def _vander(x, order):
    """Columns x**(order-1), ..., x, 1 (built by cumulative products, as NumPy's vander)."""
    cols = torch.ones(x.shape[0], order, dtype=x.dtype, device=x.device)
    if order > 1:
        cols[:, :-1] = x.unsqueeze(1).expand(-1, order - 1)
        cols = torch.cumprod(cols.flip(1), dim=1).flip(1)
    return cols


def polyfit(x: ArrayLike, y: ArrayLike, deg, rcond=None, full=False, w: ArrayLike | None = None,
            cov=False) -> ArrayOrScalar:
    """Least-squares polynomial fit. Mirrors ``numpy.polyfit``.

    NumPy's arithmetic is kept: the Vandermonde matrix is at least float64 (vander
    promotes with int), weights are applied in place (so ``y`` keeps its dtype), and
    the column scale and covariance use ``lhs * lhs`` / ``lhs.T @ lhs`` without a
    conjugate, as NumPy does for complex ``x``.
    """
    order = operator.index(deg) + 1
    x = x.to(weak_result(x.dtype, 0.0))
    y = y.to(weak_result(y.dtype, 0.0))
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.numel() == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    rcond_out = rcond
    if rcond is None:
        eps_dt = x.real.dtype if x.is_complex() else x.dtype
        rcond = x.shape[0] * torch.finfo(eps_dt).eps
        rcond_out = torch.tensor(rcond, dtype=eps_dt)
    lhs = _vander(x.to(promote_torch(x.dtype, torch.int64)), order)
    rhs = y
    if w is not None:
        w = w.to(weak_result(w.dtype, 0.0))
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = _times_in_place(lhs, w[:, None])
        rhs = _times_in_place(rhs, w if rhs.ndim == 1 else w[:, None])
    if rhs.dtype == torch.float16 or lhs.dtype == torch.float16:
        raise TypeError("array type float16 is unsupported in linalg")
    scale = torch.sqrt((lhs * lhs).sum(0))
    lhs = lhs / scale
    dt = promote_torch(lhs.dtype, rhs.dtype)
    c, resids, rank, s = _lstsq(lhs.to(dt), rhs.to(dt), rcond)
    c = c / scale.to(dt) if c.ndim == 1 else c / scale.to(dt)[:, None]
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=3)
    if full:
        # NumPy hands back lstsq's int32 rank and rcond as it was given (or computed)
        return c, resids, torch.tensor(rank, dtype=torch.int32), s, rcond_out
    if cov:
        vbase = _inv(lhs.T @ lhs) / torch.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if x.shape[0] <= order:
                raise ValueError("the number of data points must exceed order to scale the "
                                 "covariance matrix")
            fac = resids / (x.shape[0] - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def _linalg_error():
    """numpy.linalg.LinAlgError's twin when the linalg plugin is installed, else ValueError
    (its base class); looked up only when an error is raised."""
    try:
        from torchnp_linalg._exceptions_impl import LinAlgError
    except ImportError:
        return ValueError
    return LinAlgError


def _inv(a):
    try:
        return torch.linalg.inv(a)
    except RuntimeError as exc:  # torch._C._LinAlgError: "... the input matrix is singular."
        raise _linalg_error()("Singular matrix") from exc


def _times_in_place(a, b):
    """``a *= b`` as NumPy does it: the result keeps ``a``'s dtype (same_kind cast)."""
    rdt = promote_torch(a.dtype, b.dtype)
    if not can_cast_torch(rdt, a.dtype, "same_kind"):
        raise UFuncTypeError(f"Cannot cast ufunc 'multiply' output from dtype('{from_torch(rdt).name}') "
                             f"to dtype('{from_torch(a.dtype).name}') with casting rule 'same_kind'")
    return (a.to(rdt) * b.to(rdt)).to(a.dtype)


def _lstsq(a, b, rcond):
    """NumPy's lstsq result (x, residuals, rank, singular values) via an SVD."""
    m, n = a.shape
    b2 = b if b.ndim == 2 else b[:, None]
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    cutoff = rcond * s[0] if s.numel() else 0.0
    keep = s > cutoff
    rank = int(keep.sum())
    sinv = torch.where(keep, 1.0 / s, torch.zeros((), dtype=s.dtype))
    uh = u.conj().T if u.is_complex() else u.T
    vv = vh.conj().T if vh.is_complex() else vh.T
    x = vv @ (sinv.to(u.dtype)[:, None] * (uh @ b2))
    if rank == n and m > n:
        r = a @ x - b2
        resids = (torch.abs(r) ** 2).sum(0)
    else:
        resids = torch.zeros(0, dtype=s.dtype)
    if b.ndim == 1:
        x = x[:, 0]
    return x, resids, rank, s
