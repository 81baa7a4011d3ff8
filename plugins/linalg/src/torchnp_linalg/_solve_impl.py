"""numpy.linalg "Solving equations and inverting matrices": solve, tensorsolve,
lstsq, inv, pinv, tensorinv. Torch in, torch out; imports torch and torchnp's core.
"""
from __future__ import annotations

__all__ = ["solve", "tensorsolve", "lstsq", "inv", "pinv", "tensorinv"]

import math

import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, as_tensor

from ._exceptions_impl import (
    _REAL_OF, LinAlgError, _assert_2d, _assert_stacked_square, _common_type, _lapack_errors, _to,
)


from torchnp._normalize import NoValue as _NoValue  # the core's one sentinel


def _inv(a):
    _assert_stacked_square(a)
    a = _to(a, _common_type(a))
    try:
        return torch.linalg.inv(a)
    except torch.linalg.LinAlgError as exc:
        raise LinAlgError("Singular matrix") from exc


def inv(a: ArrayLike) -> torch.Tensor:
    """Inverse of a square matrix (stack). Mirrors ``numpy.linalg.inv``."""
    return _inv(a)


def _solve(a, b):
    _assert_stacked_square(a)
    dt = _common_type(a, b)
    m = a.shape[-1]
    vector = b.ndim == 1
    if vector:
        if b.shape[0] != m:
            raise ValueError("solve1: Input operand 1 has a mismatch in its core dimension 0, with "
                             f"gufunc signature (m,m),(m)->(m) (size {b.shape[0]} is different from {m})")
        b = b.unsqueeze(-1)
    elif b.ndim == 0:
        raise ValueError("solve: Input operand 1 does not have enough dimensions (has 0, gufunc "
                         "core with signature (m,m),(m,n)->(m,n) requires 2)")
    elif b.shape[-2] != m:
        raise ValueError("solve: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature (m,m),(m,n)->(m,n) (size {b.shape[-2]} is different from {m})")
    a, b = _to(a, dt), _to(b, dt)
    ba, bb = a.shape[:-2], b.shape[:-2]
    if ba != bb:
        # NumPy 2 treats b as a stack of matrices unless it is 1-D; torch guesses "batch of
        # vectors" when b.shape == a.shape[:-1], so give both operands the full batch shape
        batch = _broadcast_batch(a.shape, b.shape)
        a = a.expand(batch + a.shape[-2:])
        b = b.expand(batch + b.shape[-2:])
    try:
        x = torch.linalg.solve(a, b)
    except torch.linalg.LinAlgError as exc:
        raise LinAlgError("Singular matrix") from exc
    return x[..., 0] if vector else x


def _broadcast_batch(sa, sb):
    """Broadcast the batch shapes (all but the last two axes); NumPy's message on failure.

    Plain Python: torch.broadcast_shapes costs ~20us, more than a small solve.
    """
    ba, bb = tuple(sa[:-2]), tuple(sb[:-2])
    n = max(len(ba), len(bb))
    ba, bb = (1,) * (n - len(ba)) + ba, (1,) * (n - len(bb)) + bb
    out = []
    for x, y in zip(ba, bb):
        if x != y and x != 1 and y != 1:
            raise ValueError("operands could not be broadcast together with remapped shapes "
                             f"[original->remapped]: {tuple(sa)}->{tuple(sa[:-2])} "
                             f"{tuple(sb)}->{tuple(sb[:-2])}")
        out.append(y if x == 1 else x)
    return torch.Size(out)


def solve(a: ArrayLike, b: ArrayLike) -> torch.Tensor:
    """Solve ``a @ x = b``. Mirrors ``numpy.linalg.solve`` (NumPy 2 rule: only a 1-D ``b`` is a vector)."""
    return _solve(a, b)


def tensorsolve(a: ArrayLike, b: ArrayLike, axes=None) -> torch.Tensor:
    """Solve the tensor equation ``tensordot(a, x, x.ndim) = b``. Mirrors ``numpy.linalg.tensorsolve``."""
    an = a.ndim
    if axes is not None:
        allaxes = list(range(an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        a = a.permute(allaxes)
    oldshape = tuple(a.shape[-(an - b.ndim):])
    prod = math.prod(oldshape)
    if a.numel() != prod ** 2:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    x = _solve(a.reshape(prod, prod), b.reshape(-1))
    return x.reshape(oldshape)


def tensorinv(a: ArrayLike, ind=2) -> torch.Tensor:
    """Inverse of an N-d array for tensordot. Mirrors ``numpy.linalg.tensorinv``."""
    oldshape = tuple(a.shape)
    if ind > 0:
        invshape = oldshape[ind:] + oldshape[:ind]
        prod = math.prod(oldshape[ind:])
    else:
        raise ValueError("Invalid ind argument.")
    a = a.reshape(prod, -1)
    return _inv(a).reshape(invshape)


def _pinv_core(a, rcond, hermitian):
    from ._decompositions_impl import _svd_hermitian
    ac = a.conj() if a.is_complex() else a
    if hermitian:
        u, s, vt = _svd_hermitian(ac, True)
    else:
        ac = _to(ac, _common_type(ac))
        with _lapack_errors("SVD did not converge"):
            u, s, vt = torch.linalg.svd(ac, full_matrices=False)
    rcond = _to(as_tensor(rcond), s.dtype).to(s.device)
    cutoff = rcond[..., None] * s.amax(dim=-1, keepdim=True)
    large = s > cutoff
    sinv = torch.where(large, 1 / torch.where(large, s, 1), 0)
    return vt.mT @ (sinv[..., None] * u.mT).to(vt.dtype)


def pinv(a: ArrayLike, rcond=None, hermitian=False, *, rtol=_NoValue) -> torch.Tensor:
    """Moore-Penrose pseudo-inverse. Mirrors ``numpy.linalg.pinv``."""
    if rcond is None:
        if rtol is _NoValue:
            rcond = 1e-15
        elif rtol is None:
            if not (a.dtype.is_floating_point or a.dtype.is_complex):
                from torchnp._dtypes import from_torch
                raise ValueError(f"data type <class 'numpy.{from_torch(a.dtype).name}'> not inexact")
            rcond = max(a.shape[-2:]) * torch.finfo(a.dtype).eps
        else:
            rcond = rtol
    elif rtol is not _NoValue:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    if a.ndim >= 2 and a.numel() == 0 and a.shape[-1] * a.shape[-2] == 0:
        m, n = a.shape[-2:]
        return torch.empty(a.shape[:-2] + (n, m), dtype=a.dtype, device=a.device)
    from ._exceptions_impl import _assert_stacked_2d
    _assert_stacked_2d(a)
    return _pinv_core(a, rcond, hermitian)


def lstsq(a: ArrayLike, b: ArrayLike, rcond=None) -> ArrayOrScalar:
    """Least-squares solution of ``a @ x = b``. Mirrors ``numpy.linalg.lstsq``.

    Computed through an SVD in double precision, as NumPy does (gelsd); the
    residuals' shape depends on the rank, so reading the rank back is one sync.
    """
    is_1d = b.ndim == 1
    if is_1d:
        b = b[:, None]
    _assert_2d(a, b)
    m, n = a.shape[-2:]
    m2, n_rhs = b.shape[-2:]
    if m != m2:
        raise LinAlgError("Incompatible dimensions")
    result_t = _common_type(a, b)
    t = torch.complex128 if result_t.is_complex else torch.float64
    real_t = _REAL_OF[result_t]
    if rcond is None:
        rcond = torch.finfo(torch.float64).eps * max(n, m)
    a = _to(a, t)
    b = _to(b, t)
    with _lapack_errors("SVD did not converge in Linear Least Squares"):
        u, s, vh = torch.linalg.svd(a, full_matrices=False)
    # LAPACK's dlalsd: an rcond outside (0, 1) is eps; with one singular value the
    # cutoff is not applied at all (only a zero one is rank-deficient); otherwise
    # values <= rcond * the largest are dropped
    if not 0 < rcond < 1:
        rcond = torch.finfo(torch.float64).eps
    if min(m, n) == 1:
        large = s != 0
    else:
        large = s > rcond * s[..., :1] if s.numel() else s > 0
    sinv = torch.where(large, 1 / torch.where(large, s, 1), 0).to(t)
    x = vh.mH @ (sinv[:, None] * (u.mH @ b))
    rank_t = large.sum(dtype=torch.int32)
    rank = int(rank_t)  # the one sync: the residuals' shape depends on the rank
    if rank != n or m <= n:
        resids = torch.empty((0,), dtype=real_t, device=a.device)
    else:
        resids = (b - a @ x).abs().square().sum(dim=0).to(real_t)
    if is_1d:
        x = x[:, 0]
    return x.to(result_t), resids, rank_t, s.to(real_t)
