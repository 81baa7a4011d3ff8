"""Logic functions (NumPy reference section "Logic functions"); torch only.

Truth-value reductions, closeness, array comparisons, type tests and memory
overlap (from tensor data pointers, strides and byte ranges).
"""
from __future__ import annotations

import builtins
import numbers

import torch

from torchnp import _dtypes
from torchnp._dtypes import result_type_torch
from torchnp._normalize import (
    ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, AxisLike, KeepDims, OutArray, as_tensor,
    as_tensor_or_scalar,
)
from torchnp._shape_impl import _is_c_contig, _is_f_contig
from torchnp.exceptions import TooHardError, normalize_axis_tuple

from ._util_impl import NoValue

__all__ = [
    "all", "any", "isclose", "allclose", "array_equal", "array_equiv", "iscomplex",
    "iscomplexobj", "isreal", "isrealobj", "isscalar", "isneginf", "isposinf", "isfortran",
    "may_share_memory", "shares_memory",
]


def _truth(t):
    return t if t.dtype == torch.bool else t != 0


def _reduce_truth(a, axis, where, is_all):
    b = _truth(a)
    if where is not NoValue:
        w = as_tensor(where)
        if w.dtype != torch.bool:
            w = w.to(torch.bool)
        try:
            w = torch.broadcast_to(w, b.shape)
        except RuntimeError as exc:
            raise ValueError(f"operands could not be broadcast together with shapes "
                             f"{tuple(b.shape)} {tuple(w.shape)}") from exc
        b = (b | ~w) if is_all else (b & w)
    red = torch.all if is_all else torch.any
    if axis is None or (a.ndim == 0 and type(axis) is int and axis in (0, -1)):  # NumPy's 0-d leniency
        return red(b)
    dims = normalize_axis_tuple(axis, a.ndim)
    if not dims:
        return b.clone()
    for d in sorted(dims, reverse=True):  # one dim at a time: torch 2.11's tuple dims are partial
        b = red(b, d)
    return b


def all(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None,
        keepdims: KeepDims = NoValue, *, where=NoValue) -> ArrayOrScalar:
    """Whether all elements (along ``axis``, where ``where``) are true. Mirrors ``numpy.all``."""
    return _reduce_truth(a, axis, where, True)


def any(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None,
        keepdims: KeepDims = NoValue, *, where=NoValue) -> ArrayOrScalar:
    """Whether any element (along ``axis``, where ``where``) is true. Mirrors ``numpy.any``."""
    return _reduce_truth(a, axis, where, False)


def _broadcast_error(x, y):
    return ValueError(f"operands could not be broadcast together with shapes "
                      f"{tuple(getattr(x, 'shape', ()))} {tuple(getattr(y, 'shape', ()))} ")


def _isclose(x, y, rtol, atol, equal_nan):
    # NumPy: y is made inexact first (result_type(y, 1.)); x keeps its type (weak if a Python scalar)
    if isinstance(y, torch.Tensor):
        y = y.to(result_type_torch(y, 1.0))
    elif isinstance(y, builtins.int):
        y = float(y)
    if not isinstance(x, torch.Tensor) and not isinstance(y, torch.Tensor):
        y = torch.tensor(y, dtype=_dtypes.default_dtype_of_scalar(y))
    dt = result_type_torch(x, y)
    xt = x.to(dt) if isinstance(x, torch.Tensor) else torch.tensor(x, dtype=dt, device=y.device)
    yt = y.to(dt) if isinstance(y, torch.Tensor) else torch.tensor(y, dtype=dt, device=x.device)
    try:
        torch.broadcast_shapes(xt.shape, yt.shape)
    except RuntimeError:
        raise _broadcast_error(xt, yt) from None
    for t in (rtol, atol):  # array tolerances broadcast against the inputs too
        if isinstance(t, torch.Tensor):
            try:
                torch.broadcast_shapes(t.shape, xt.shape, yt.shape)
            except RuntimeError:
                raise _broadcast_error(t, torch.empty(torch.broadcast_shapes(xt.shape, yt.shape),
                                                      device="meta")) from None
    tol = atol + rtol * builtins.abs(y)
    diff = (xt - yt).abs()
    res = (diff <= tol) & torch.isfinite(yt) | (xt == yt)
    if equal_nan:
        res = res | (torch.isnan(xt) & torch.isnan(yt))
    return res


def isclose(a: ArrayLikeOrScalar, b: ArrayLikeOrScalar, rtol=1e-05, atol=1e-08,
            equal_nan=False) -> ArrayOrScalar:
    """Element-wise ``|a - b| <= atol + rtol * |b|``. Mirrors ``numpy.isclose``."""
    rtol = as_tensor_or_scalar(rtol)
    atol = as_tensor_or_scalar(atol)
    return _isclose(a, b, rtol, atol, equal_nan)


def allclose(a: ArrayLikeOrScalar, b: ArrayLikeOrScalar, rtol=1e-05, atol=1e-08,
             equal_nan=False) -> builtins.bool:
    """Whether ``isclose`` holds everywhere (a Python bool). Mirrors ``numpy.allclose``."""
    return builtins.bool(isclose(a, b, rtol, atol, equal_nan).all())


def _eq(x, y):
    dt = result_type_torch(x, y)
    if dt in (torch.uint16, torch.uint32):
        dt = torch.int64
    return x.to(dt) == y.to(dt)


def array_equal(a1: ArrayLike, a2: ArrayLike, equal_nan=False) -> builtins.bool:
    """Same shape and elements (a Python bool). Mirrors ``numpy.array_equal``."""
    if a1.shape != a2.shape:
        return False
    eq = _eq(a1, a2)
    if equal_nan and (a1.dtype.is_floating_point or a1.dtype.is_complex
                      or a2.dtype.is_floating_point or a2.dtype.is_complex):
        n1, n2 = torch.isnan(a1), torch.isnan(a2)
        return builtins.bool(((n1 == n2) & (eq | n1)).all())
    return builtins.bool(eq.all())


def array_equiv(a1: ArrayLike, a2: ArrayLike) -> builtins.bool:
    """Shape-consistent (broadcastable) and equal (a Python bool). Mirrors ``numpy.array_equiv``."""
    try:
        torch.broadcast_shapes(a1.shape, a2.shape)
    except RuntimeError:
        return False
    return builtins.bool(_eq(a1, a2).all())


def iscomplex(x: ArrayLike) -> ArrayOrScalar:
    """Element-wise: non-zero imaginary part. Mirrors ``numpy.iscomplex``."""
    if x.dtype.is_complex:
        return x.imag != 0
    return torch.zeros(x.shape, dtype=torch.bool, device=x.device)


def isreal(x: ArrayLikeOrScalar) -> ArrayOrScalar:
    """Element-wise: zero imaginary part. Mirrors ``numpy.isreal``."""
    if not isinstance(x, torch.Tensor):
        return x.imag == 0  # NumPy uses ``x.imag`` of a Python scalar: a Python bool
    if x.dtype.is_complex:
        return x.imag == 0
    return torch.ones(x.shape, dtype=torch.bool, device=x.device)


def iscomplexobj(x: ArrayLike) -> builtins.bool:
    """Whether ``x`` has a complex dtype. Mirrors ``numpy.iscomplexobj``."""
    return x.dtype.is_complex


def isrealobj(x: ArrayLike) -> builtins.bool:
    """Whether ``x`` has a non-complex dtype. Mirrors ``numpy.isrealobj``."""
    return not x.dtype.is_complex


_SCALAR_TYPES = (builtins.int, builtins.float, builtins.complex, builtins.bool, bytes, str, memoryview)


def isscalar(element) -> builtins.bool:
    """Whether ``element`` is a scalar type (0-d arrays are not). Mirrors ``numpy.isscalar``."""
    return (isinstance(element, _dtypes.generic) or type(element) in _SCALAR_TYPES
            or isinstance(element, numbers.Number))


def _isinf_sign(x, positive):
    if x.dtype.is_complex:
        raise TypeError("This operation is not supported for complex values because it would be "
                        "ambiguous.")
    if not x.dtype.is_floating_point:
        return torch.zeros(x.shape, dtype=torch.bool, device=x.device)
    return torch.isposinf(x) if positive else torch.isneginf(x)


def isneginf(x: ArrayLike, out: OutArray | None = None) -> ArrayOrScalar:
    """Element-wise test for negative infinity. Mirrors ``numpy.isneginf``."""
    return _isinf_sign(x, False)


def isposinf(x: ArrayLike, out: OutArray | None = None) -> ArrayOrScalar:
    """Element-wise test for positive infinity. Mirrors ``numpy.isposinf``."""
    return _isinf_sign(x, True)


def isfortran(a: ArrayLike) -> builtins.bool:
    """Fortran-contiguous and not C-contiguous. Mirrors ``numpy.isfortran``."""
    if a.ndim < 2:
        return False
    return _is_f_contig(a) and not _is_c_contig(a)


def _byte_bounds(t):
    es = t.element_size()
    lo = t.data_ptr()
    span = builtins.sum((s - 1) * st for s, st in zip(t.shape, t.stride()))
    return lo, lo + span * es + es


def _byte_offsets(t, base):
    """Every byte address (relative to ``base``) that ``t`` covers, as a 1-D int64 tensor."""
    es = t.element_size()
    off = torch.zeros((), dtype=torch.int64)
    for s, st in zip(t.shape, t.stride()):
        off = off.unsqueeze(-1) + torch.arange(s, dtype=torch.int64) * (st * es)
    off = off.reshape(-1) + (t.data_ptr() - base)
    return (off.unsqueeze(-1) + torch.arange(es, dtype=torch.int64)).reshape(-1)


def _overlap(a, b, max_work):
    if not isinstance(a, torch.Tensor) or not isinstance(b, torch.Tensor):
        return False
    if a.numel() == 0 or b.numel() == 0 or a.device != b.device:
        return False
    (alo, ahi), (blo, bhi) = _byte_bounds(a), _byte_bounds(b)
    if ahi <= blo or bhi <= alo:
        return False
    if max_work == 0:
        return True  # bounds only, as NumPy's may_share_memory
    if max_work is not None and max_work > 0 and (a.numel() + b.numel()) > max_work:
        raise TooHardError("Exceeded max_work")
    # exact answer from metadata only (strides and pointers, never the data)
    lo, hi = builtins.min(alo, blo), builtins.max(ahi, bhi)
    mask = torch.zeros(hi - lo, dtype=torch.bool)
    mask[_byte_offsets(a, lo)] = True
    return builtins.bool(mask[_byte_offsets(b, lo)].any())


def may_share_memory(a: ArrayLike, b: ArrayLike, /, max_work=0) -> builtins.bool:
    """Whether ``a`` and ``b`` might share memory (byte bounds). Mirrors ``numpy.may_share_memory``."""
    return _overlap(a, b, max_work)


def shares_memory(a: ArrayLike, b: ArrayLike, /, max_work=-1) -> builtins.bool:
    """Whether ``a`` and ``b`` share memory (exact). Mirrors ``numpy.shares_memory``."""
    return _overlap(a, b, max_work)
