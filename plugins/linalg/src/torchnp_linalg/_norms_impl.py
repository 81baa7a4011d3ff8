"""numpy.linalg "Norms and other numbers": norm, matrix_norm, vector_norm, cond,
det, matrix_rank, slogdet, trace. Torch in, torch out; imports torch and torchnp's core.
"""
from __future__ import annotations

__all__ = ["norm", "matrix_norm", "vector_norm", "cond", "det", "matrix_rank", "slogdet", "trace"]

import math
from typing import NamedTuple

import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, DTypeLike, as_tensor
from torchnp.exceptions import normalize_axis_index, normalize_axis_tuple

from ._exceptions_impl import (
    _REAL_OF, LinAlgError, _assert_stacked_square, _common_type, _to,
)


class SlogdetResult(NamedTuple):
    sign: torch.Tensor
    logabsdet: torch.Tensor


SlogdetResult.__module__ = "torchnp.linalg"

_INF = math.inf


# --- norms -------------------------------------------------------------------
def _compute(x):
    """float16 has few torch kernels and loses precision in sums: work in float32."""
    return x.to(torch.float32) if x.dtype == torch.float16 else x


def _reduce_extreme(x, dim, largest):
    """max (with NumPy's ``initial=0``: the values are >= 0) or min over ``dim``."""
    if x.shape[dim] == 0:
        if largest:
            return x.sum(dim)  # zeros of the reduced shape
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    return x.amax(dim) if largest else x.amin(dim)


def _abs(x):
    return x.abs() if x.dtype != torch.bool else x


def _vector_norm_1axis(x, axis, ord):
    """NumPy's ``norm`` for a single axis; ``x`` is inexact."""
    out_t = _REAL_OF[x.dtype]
    xc = _compute(x)
    if ord == _INF:
        r = _reduce_extreme(xc.abs(), axis, True)
    elif ord == -_INF:
        r = _reduce_extreme(xc.abs(), axis, False)
    elif ord == 0:
        r = (xc != 0).sum(axis, dtype=_REAL_OF[xc.dtype])
    elif ord == 1:
        r = xc.abs().sum(axis)
    elif ord is None or ord == 2:
        r = torch.linalg.vector_norm(xc, 2, dim=axis)
    elif isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    else:
        r = xc.abs().pow(ord).sum(axis).pow(1 / ord)
    return r.to(out_t)


def _matrix_norm_axes(x, row_axis, col_axis, ord):
    """NumPy's ``norm`` over two axes; ``x`` is inexact."""
    out_t = _REAL_OF[x.dtype]
    if ord in (2, -2, "nuc"):
        from ._decompositions_impl import _svdvals
        y = x.movedim((row_axis, col_axis), (-2, -1))
        s = _svdvals(y)
        if ord == "nuc":
            return s.sum(-1).to(out_t)
        return _reduce_extreme(s, -1, ord == 2).to(out_t)
    xc = _compute(x)
    if ord in (1, -1):
        if col_axis > row_axis:
            col_axis -= 1
        r = _reduce_extreme(xc.abs().sum(row_axis), col_axis, ord == 1)
    elif ord in (_INF, -_INF):
        if row_axis > col_axis:
            row_axis -= 1
        r = _reduce_extreme(xc.abs().sum(col_axis), row_axis, ord == _INF)
    elif ord in (None, "fro", "f"):
        r = torch.linalg.vector_norm(xc, 2, dim=(row_axis, col_axis))
    else:
        raise ValueError("Invalid norm order for matrices.")
    return r.to(out_t)


def _norm(x, ord=None, axis=None, keepdims=False):
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        x = x.to(torch.float64)
    nd = x.ndim
    if axis is None and (ord is None or (nd == 2 and isinstance(ord, str) and ord in ("f", "fro"))
                         or (nd == 1 and ord == 2)):
        r = torch.linalg.vector_norm(_compute(x), 2).to(_REAL_OF[x.dtype])
        return r.reshape((1,) * nd) if keepdims else r
    if axis is None:
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = (int(axis),)
        except Exception as exc:  # noqa: BLE001 - NumPy turns any failure into this TypeError
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from exc
    if len(axis) == 1:
        ax = normalize_axis_index(axis[0], nd)
        r = _vector_norm_1axis(x, ax, ord)
        return r.unsqueeze(ax) if keepdims else r
    if len(axis) == 2:
        row_axis = normalize_axis_index(axis[0], nd)
        col_axis = normalize_axis_index(axis[1], nd)
        if row_axis == col_axis:
            raise ValueError("Duplicate axes given.")
        r = _matrix_norm_axes(x, row_axis, col_axis, ord)
        if keepdims:
            shape = list(x.shape)
            shape[row_axis] = shape[col_axis] = 1
            r = r.reshape(shape)
        return r
    raise ValueError("Improper number of dimensions to norm.")


def norm(x: ArrayLike, ord=None, axis=None, keepdims=False) -> ArrayOrScalar:
    """Matrix or vector norm. Mirrors ``numpy.linalg.norm``."""
    return _norm(x, ord, axis, keepdims)


def matrix_norm(x: ArrayLike, /, *, keepdims=False, ord="fro") -> ArrayOrScalar:
    """Matrix norm over the last two axes. Mirrors ``numpy.linalg.matrix_norm``."""
    return _norm(x, ord, (-2, -1), keepdims)


def vector_norm(x: ArrayLike, /, *, axis=None, keepdims=False, ord=2) -> ArrayOrScalar:
    """Vector norm over any axes. Mirrors ``numpy.linalg.vector_norm``."""
    shape = list(x.shape)
    if axis is None:
        y = x.reshape(-1)
        _axis = 0
    elif isinstance(axis, tuple):
        normalized = normalize_axis_tuple(axis, x.ndim)
        rest = tuple(i for i in range(x.ndim) if i not in normalized)
        y = x.permute(normalized + rest).reshape(
            (math.prod(x.shape[i] for i in normalized), *[x.shape[i] for i in rest]))
        _axis = 0
    else:
        y, _axis = x, axis
    r = _norm(y, ord, _axis)
    if keepdims:
        axes = normalize_axis_tuple(range(len(shape)) if axis is None else axis, len(shape))
        for i in axes:
            shape[i] = 1
        r = r.reshape(shape)
    return r


def cond(x: ArrayLike, p=None) -> ArrayOrScalar:
    """Condition number of a matrix. Mirrors ``numpy.linalg.cond``."""
    if x.numel() == 0 and (x.ndim < 2 or x.shape[-1] * x.shape[-2] == 0):
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or p in (2, -2):
        from ._decompositions_impl import _svdvals
        s = _svdvals(x)
        r = s[..., -1] / s[..., 0] if p == -2 else s[..., 0] / s[..., -1]
    else:
        _assert_stacked_square(x)
        dt = _common_type(x)
        invx, info = torch.linalg.inv_ex(_to(x, dt))
        # NumPy inverts with errors ignored: a failed inversion is a NaN matrix
        invx = torch.where((info != 0)[..., None, None], torch.nan, invx)
        r = (_norm(x, p, (-2, -1)) * _norm(invx, p, (-2, -1))).to(_REAL_OF[dt])
    # NaNs become infs unless the input had NaNs (no sync: a masked where)
    xnan = torch.isnan(x).any(-1).any(-1) if x.dtype.is_floating_point or x.dtype.is_complex \
        else torch.zeros((), dtype=torch.bool, device=x.device)
    return torch.where(torch.isnan(r) & ~xnan, torch.inf, r)


def det(a: ArrayLike) -> ArrayOrScalar:
    """Determinant. Mirrors ``numpy.linalg.det``."""
    _assert_stacked_square(a)
    a = _to(a, _common_type(a))
    if a.shape[-1] == 0:
        return torch.ones(a.shape[:-2], dtype=a.dtype, device=a.device)
    # NumPy's det is sign * exp(log|det|) from the LU (umath_linalg's det_from_slogdet);
    # torch.linalg.det's product loses digits that NumPy keeps (a 4x4 integer matrix
    # gives -2.0000000037 for -2)
    lu, piv, _ = torch.linalg.lu_factor_ex(a)
    d = lu.diagonal(dim1=-2, dim2=-1)
    n = d.shape[-1]
    swaps = (piv != torch.arange(1, n + 1, dtype=piv.dtype, device=piv.device)).sum(-1)
    absd = d.abs()
    logdet = absd.log().sum(-1)
    if a.is_complex():
        sign = torch.where(swaps % 2 == 1, -1, 1).to(a.dtype) * (d / absd).prod(-1)
    else:
        sign = (1 - 2 * ((swaps + (d < 0).sum(-1)) % 2)).to(a.dtype)
    r = sign * logdet.exp()
    # a zero pivot (getrf's info > 0): NumPy's sign 0 and log -inf, a det of 0
    return torch.where((d == 0).any(-1), torch.zeros((), dtype=a.dtype, device=a.device), r)


def slogdet(a: ArrayLike) -> ArrayOrScalar:
    """Sign and log of the absolute determinant. Mirrors ``numpy.linalg.slogdet``."""
    _assert_stacked_square(a)
    a = _to(a, _common_type(a))
    if a.is_complex():
        sign, logabsdet = torch.linalg.slogdet(a)
        return SlogdetResult(sign, logabsdet)
    # real: NumPy's sign is the parity of the row swaps and negative LU pivots, +-1 even
    # when a NaN pivot makes the log NaN (torch's slogdet gives a sign of -0.0 there)
    lu, piv, _ = torch.linalg.lu_factor_ex(a)
    d = lu.diagonal(dim1=-2, dim2=-1)
    n = d.shape[-1]
    swaps = (piv != torch.arange(1, n + 1, dtype=piv.dtype, device=piv.device)).sum(-1)
    odd = (swaps + (d < 0).sum(-1)) % 2
    sign = torch.where((d == 0).any(-1), 0, 1 - 2 * odd).to(a.dtype)
    return SlogdetResult(sign, d.abs().log().sum(-1))


def matrix_rank(A: ArrayLike, tol=None, hermitian=False, *, rtol=None) -> ArrayOrScalar:
    """Rank of a matrix by SVD. Mirrors ``numpy.linalg.matrix_rank``."""
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    if A.ndim < 2:
        return int(not bool((A == 0).all()))  # NumPy returns a Python int here
    if hermitian:
        from ._decompositions_impl import _svd_hermitian
        S = _svd_hermitian(A, False)
    else:
        from ._decompositions_impl import _svdvals
        S = _svdvals(A)
    if tol is None:
        # S.max(axis=-1, keepdims=True, initial=0)
        smax = S.amax(-1, keepdim=True) if S.shape[-1] else S.new_zeros(S.shape[:-1] + (1,))
        if rtol is None:
            tol = smax * (max(A.shape[-2:]) * torch.finfo(S.dtype).eps)
        else:
            tol = smax * _to(as_tensor(rtol), S.dtype).to(S.device)[..., None]
    else:
        tol = _to(as_tensor(tol), S.dtype).to(S.device)[..., None]
    return (S > tol).sum(-1)


_SUM_DTYPE = {torch.bool: torch.int64, torch.int8: torch.int64, torch.int16: torch.int64,
              torch.int32: torch.int64, torch.uint8: torch.uint64, torch.uint16: torch.uint64,
              torch.uint32: torch.uint64}


def trace(x: ArrayLike, /, *, offset=0, dtype: DTypeLike = None) -> ArrayOrScalar:
    """Sum along the diagonals of the last two axes. Mirrors ``numpy.linalg.trace``."""
    if x.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    out_t = dtype if dtype is not None else _SUM_DTYPE.get(x.dtype, x.dtype)
    d = torch.diagonal(x, offset=offset, dim1=-2, dim2=-1)
    if out_t.is_complex and not d.dtype.is_complex:
        d = d.to(out_t)
    if out_t in (torch.uint16, torch.uint32, torch.uint64):
        # torch has no uint sum kernel for these; int64 sums are bit-identical mod 2**64
        return d.sum(-1, dtype=torch.int64).to(out_t)
    if out_t == torch.float16:
        return d.sum(-1, dtype=torch.float32).to(out_t)
    if out_t == torch.bool:
        return d.sum(-1) != 0
    if d.is_complex() and not out_t.is_complex:
        d = d.real
    return d.sum(-1, dtype=out_t)
