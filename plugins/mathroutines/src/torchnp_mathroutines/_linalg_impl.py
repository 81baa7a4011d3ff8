"""Main-namespace products from NumPy's "Linear algebra" section: dot, vdot, inner,
outer, kron, tensordot, trace (einsum lives in ``_einsum_impl``).

Torch's matmul lacks kernels for bool and uint16/32/64 on CPU; those run in int64
and are cast back (integer products wrap the same way modulo 2**bits; bool becomes
"any pair true", which is NumPy's boolean sum-of-products).
"""
from __future__ import annotations

__all__ = ["dot", "vdot", "inner", "outer", "kron", "tensordot", "trace"]

import operator

import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, DTypeLike, OutArray, copy_to_out
from torchnp.exceptions import normalize_axis_index

from ._common_impl import cast_back, compute_dtype, promote


# dtypes torch's matmul/mul handle natively on every device (no promotion, no widening):
# two operands of one of these dtypes go straight to the torch call
_NATIVE = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128,
                     torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8})


def _mul(a, b):
    if a.dtype is b.dtype and a.dtype in _NATIVE:
        return a * b
    dt, (a, b) = promote(a, b)
    if dt == torch.bool:
        return a & b
    cdt = compute_dtype(dt)
    return cast_back(a.to(cdt) * b.to(cdt), dt)


def _contract(a, b, dims_a, dims_b):
    """tensordot over the given axes with NumPy's dtype rules."""
    dt, (a, b) = promote(a, b)
    cdt = compute_dtype(dt)
    r = torch.tensordot(a.to(cdt), b.to(cdt), dims=(list(dims_a), list(dims_b)))
    return cast_back(r, dt)


def dot(a: ArrayLike, b: ArrayLike, out=None) -> ArrayOrScalar:
    """Dot product (matrix product for 2-D, sum over a's last and b's second-to-last axis).
    Mirrors ``numpy.dot``.

    ``out`` is handled here, not by the pipeline: NumPy's dot does not cast into
    ``out`` but demands its exact dtype and shape and a C-contiguous buffer.
    """
    dt = a.dtype
    if out is None and dt is b.dtype and dt in _NATIVE and 0 < a.ndim < 3 and 0 < b.ndim < 3:
        # the common case: for 1-D/2-D operands dot is matmul
        try:
            return torch.matmul(a, b)
        except RuntimeError:
            pass  # mismatched shapes: _dot raises NumPy's error
    t = None
    if out is not None:
        t = getattr(out, "tensor", None)
        if not isinstance(t, torch.Tensor):
            raise TypeError("'out' must be an array")
    r = _dot(a, b)
    if t is None:
        return r
    if t.dtype != r.dtype or tuple(t.shape) != tuple(r.shape) or not t.is_contiguous():
        raise ValueError("output array is not acceptable (must have the right datatype, number "
                         "of dimensions, and be a C-Array)")
    res = copy_to_out(r, out, "no", "dot")
    # a 0-d out is written, but NumPy returns its value as a scalar (PyArray_Return)
    return res if r.ndim else res.tensor.clone()


def _dot(a, b):
    if a.ndim == 0 or b.ndim == 0:
        return _mul(a, b)
    bax = b.ndim - 2 if b.ndim >= 2 else 0
    if a.shape[-1] != b.shape[bax]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned: "
                         f"{a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[bax]} (dim {bax})")
    if a.ndim <= 2 and b.ndim <= 2:
        if a.dtype is b.dtype and a.dtype in _NATIVE:
            return torch.matmul(a, b)
        dt, (a, b) = promote(a, b)
        cdt = compute_dtype(dt)
        return cast_back(torch.matmul(a.to(cdt), b.to(cdt)), dt)
    return _contract(a, b, [a.ndim - 1], [bax])


def vdot(a: ArrayLike, b: ArrayLike, /) -> ArrayOrScalar:
    """Dot product of flattened arrays, conjugating the first. Mirrors ``numpy.vdot``."""
    a = a.reshape(-1)
    b = b.reshape(-1)
    if a.shape[0] != b.shape[0]:
        raise ValueError("cannot reshape array of size "
                         f"{b.shape[0]} into shape ({a.shape[0]},)")
    if a.is_complex():
        a = a.conj()
    return _dot(a.resolve_conj(), b)


def inner(a: ArrayLike, b: ArrayLike, /) -> ArrayOrScalar:
    """Sum product over the last axes. Mirrors ``numpy.inner``."""
    if a.ndim == 0 or b.ndim == 0:
        return _mul(a, b)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned: "
                         f"{a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[-1]} (dim {b.ndim - 1})")
    if a.dtype is b.dtype and a.dtype in _NATIVE:
        return torch.inner(a, b)
    return _contract(a, b, [a.ndim - 1], [b.ndim - 1])


def outer(a: ArrayLike, b: ArrayLike, out: OutArray | None = None) -> torch.Tensor:
    """Outer product of two flattened vectors. Mirrors ``numpy.outer``."""
    if a.dtype is b.dtype and a.dtype in _NATIVE:
        return torch.outer(a if a.ndim == 1 else a.reshape(-1), b if b.ndim == 1 else b.reshape(-1))
    return _mul(a.reshape(-1, 1), b.reshape(1, -1))


def kron(a: ArrayLike, b: ArrayLike) -> ArrayOrScalar:
    """Kronecker product. Mirrors ``numpy.kron``."""
    if a.ndim == 0 or b.ndim == 0:
        return _mul(a, b)
    nd = max(a.ndim, b.ndim)
    a = a.reshape((1,) * (nd - a.ndim) + tuple(a.shape))
    b = b.reshape((1,) * (nd - b.ndim) + tuple(b.shape))
    # interleave: a's axis i at position 2i, b's at 2i + 1
    a_x = a.reshape([s for d in a.shape for s in (d, 1)])
    b_x = b.reshape([s for d in b.shape for s in (1, d)])
    return _mul(a_x, b_x).reshape([x * y for x, y in zip(a.shape, b.shape)])


def tensordot(a: ArrayLike, b: ArrayLike, axes=2) -> torch.Tensor:
    """Sum products over the given axes. Mirrors ``numpy.tensordot``."""
    try:
        iter(axes)
    except TypeError:
        n = operator.index(axes)
        axes_a = [a.ndim + i for i in range(-n, 0)]
        axes_b = list(range(0, n))
    else:
        axes_a, axes_b = axes
        axes_a = [axes_a] if isinstance(axes_a, int) else list(axes_a)
        axes_b = [axes_b] if isinstance(axes_b, int) else list(axes_b)
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    axes_a = [ax + a.ndim if ax < 0 else ax for ax in axes_a]
    axes_b = [ax + b.ndim if ax < 0 else ax for ax in axes_b]
    for x, y in zip(axes_a, axes_b):
        if not (0 <= x < a.ndim) or not (0 <= y < b.ndim):
            raise IndexError("tuple index out of range")
        if a.shape[x] != b.shape[y]:
            raise ValueError("shape-mismatch for sum")
    return _contract(a, b, axes_a, axes_b)


_SUM_DTYPE = {torch.bool: torch.int64, torch.int8: torch.int64, torch.int16: torch.int64,
              torch.int32: torch.int64, torch.uint8: torch.uint64, torch.uint16: torch.uint64,
              torch.uint32: torch.uint64}


def trace(a: ArrayLike, offset=0, axis1=0, axis2=1, dtype: DTypeLike = None,
          out: OutArray | None = None) -> ArrayOrScalar:
    """Sum along a diagonal. Mirrors ``numpy.trace``."""
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    axis1 = normalize_axis_index(axis1, a.ndim)
    axis2 = normalize_axis_index(axis2, a.ndim)
    if axis1 == axis2:
        raise ValueError("axis1 and axis2 cannot be the same")
    d = torch.diagonal(a, offset=offset, dim1=axis1, dim2=axis2)
    rdt = dtype if dtype is not None else _SUM_DTYPE.get(a.dtype, a.dtype)
    cdt = compute_dtype(rdt)
    if cdt == torch.bool:
        return d.to(torch.int64).sum(-1) != 0
    s = d.to(cdt).sum(-1) if rdt not in (torch.uint64,) else d.to(torch.int64).sum(-1)
    return cast_back(s, rdt)
