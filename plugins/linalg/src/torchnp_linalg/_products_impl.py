"""numpy.linalg "Matrix and vector products": matmul, outer, multi_dot, tensordot,
vecdot, cross, matrix_power. Torch in, torch out; imports torch and torchnp's core.
"""
from __future__ import annotations

__all__ = ["matmul", "outer", "multi_dot", "tensordot", "vecdot", "cross", "matrix_power"]

import math
import operator

import torch

from torchnp._dtypes import result_type_torch
from torchnp._normalize import ArrayLike, ArrayLikeSeq, ArrayOrScalar, OutArray
from torchnp.exceptions import normalize_axis_index

from ._exceptions_impl import _assert_2d, _assert_stacked_square, _to

_MATMUL_SIG = "(n?,k),(k,m?)->(n?,m?)"
# torch's CPU matmul lacks kernels for these ("addmm_impl_cpu_" not implemented for 'UInt16');
# int64 arithmetic is bit-identical modulo 2**64, so compute there and cast back.
_NO_MM_KERNEL = (torch.uint16, torch.uint32, torch.uint64)


def _mm(a, b):
    """``a @ b`` for same-dtype tensors (NumPy semantics), any dtype torch stores."""
    dt = a.dtype
    if dt.is_floating_point or dt.is_complex:
        return torch.matmul(a, b)
    if dt == torch.bool:
        # no bool matmul in torch; a count of products > 0 is NumPy's logical or-of-ands
        return torch.matmul(a.to(torch.float32), b.to(torch.float32)) != 0
    if a.device.type != "cpu":
        # CUDA has no integer matmul ("addmm_cuda" not implemented for 'Long')
        return _int_matmul_by_sum(a, b)
    if dt in _NO_MM_KERNEL:
        return torch.matmul(a.to(torch.int64), b.to(torch.int64)).to(dt)
    return torch.matmul(a, b)


def _int_matmul_by_sum(a, b):
    """Exact integer matmul by broadcast multiply and sum (for devices without int GEMM)."""
    a2 = a.unsqueeze(0) if a.ndim == 1 else a
    b2 = b.unsqueeze(-1) if b.ndim == 1 else b
    wide = torch.int64 if a.dtype in _NO_MM_KERNEL else a.dtype
    r = (a2.to(wide).unsqueeze(-1) * b2.to(wide).unsqueeze(-3)).sum(-2, dtype=wide).to(a.dtype)
    if b.ndim == 1:
        r = r.squeeze(-1)
    if a.ndim == 1:
        r = r.squeeze(-2 if b.ndim > 1 else -1)
    return r


def _matmul(a, b, name="matmul"):
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(f"{name}: Input operand {0 if a.ndim == 0 else 1} does not have enough "
                         f"dimensions (has 0, gufunc core with signature {_MATMUL_SIG} requires 1)")
    k2 = b.shape[-2] if b.ndim > 1 else b.shape[0]
    if a.shape[-1] != k2:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {_MATMUL_SIG} (size {k2} is different from {a.shape[-1]})")
    if a.ndim > 2 or b.ndim > 2:
        try:
            torch.broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except RuntimeError:
            raise ValueError(f"operands could not be broadcast together with remapped shapes "
                             f"[original->remapped]: {tuple(a.shape)}->{tuple(a.shape[:-2])} "
                             f"{tuple(b.shape)}->{tuple(b.shape[:-2])}") from None
    dt = result_type_torch(a, b)
    return _mm(_to(a, dt), _to(b, dt))


def _dot(a, b):
    """``numpy.dot`` (used by multi_dot for two operands)."""
    if a.ndim == 0 or b.ndim == 0:
        dt = result_type_torch(a, b)
        return torch.mul(_to(a, dt), _to(b, dt))
    if b.ndim <= 2:
        if a.shape[-1] != b.shape[0]:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned: "
                             f"{a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[0]} (dim 0)")
        return _matmul(a, b)
    if a.shape[-1] != b.shape[-2]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned: "
                         f"{a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[-2]} (dim {b.ndim - 2})")
    return _tensordot(a, b, [a.ndim - 1], [b.ndim - 2])


def matmul(x1: ArrayLike, x2: ArrayLike, /) -> ArrayOrScalar:
    """Matrix product of two arrays. Mirrors ``numpy.linalg.matmul``."""
    return _matmul(x1, x2)


def outer(x1: ArrayLike, x2: ArrayLike, /) -> torch.Tensor:
    """Outer product of two vectors. Mirrors ``numpy.linalg.outer``."""
    if x1.ndim != 1 or x2.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they are "
                         f"x1.ndim={x1.ndim} and x2.ndim={x2.ndim}.")
    dt = result_type_torch(x1, x2)
    if dt == torch.bool:
        return x1[:, None] & x2[None, :]
    return _to(x1, dt)[:, None] * _to(x2, dt)[None, :]


def _chain_order(arrays):
    """Dynamic-programming matrix-chain order (as ``numpy.linalg._multi_dot_matrix_chain_order``)."""
    n = len(arrays)
    p = [a.shape[0] for a in arrays] + [arrays[-1].shape[1]]
    m = [[0] * n for _ in range(n)]
    s = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            m[i][j] = math.inf
            for k in range(i, j):
                q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < m[i][j]:
                    m[i][j] = q
                    s[i][j] = k
    return s


def _chain(arrays, s, i, j):
    if i == j:
        return arrays[i]
    return _matmul(_chain(arrays, s, i, s[i][j]), _chain(arrays, s, s[i][j] + 1, j), "dot")


def multi_dot(arrays: ArrayLikeSeq, *, out: OutArray = None) -> ArrayOrScalar:
    """Dot product of two or more arrays in the cheapest order. Mirrors ``numpy.linalg.multi_dot``."""
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    if n == 2:
        return _dot(arrays[0], arrays[1])
    arrays = list(arrays)
    ndim_first, ndim_last = arrays[0].ndim, arrays[-1].ndim
    if ndim_first == 1:
        arrays[0] = arrays[0].unsqueeze(0)
    if ndim_last == 1:
        arrays[-1] = arrays[-1].unsqueeze(1)
    _assert_2d(*arrays)
    for a, b in zip(arrays, arrays[1:]):
        if a.shape[1] != b.shape[0]:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} not aligned: "
                             f"{a.shape[1]} (dim 1) != {b.shape[0]} (dim 0)")
    result = _chain(arrays, _chain_order(arrays), 0, n - 1)
    if ndim_first == 1 and ndim_last == 1:
        return result[0, 0]
    if ndim_first == 1 or ndim_last == 1:
        return result.reshape(-1)
    return result


def _tensordot(a, b, axes_a, axes_b):
    as_, bs = a.shape, b.shape
    nda, ndb = a.ndim, b.ndim
    notin_a = [k for k in range(nda) if k not in axes_a]
    notin_b = [k for k in range(ndb) if k not in axes_b]
    n2 = math.prod(as_[ax] for ax in axes_a)
    at = a.permute(notin_a + axes_a).reshape(math.prod(as_[ax] for ax in notin_a), n2)
    bt = b.permute(axes_b + notin_b).reshape(n2, math.prod(bs[ax] for ax in notin_b))
    dt = result_type_torch(a, b)
    res = _mm(_to(at, dt), _to(bt, dt))
    return res.reshape([as_[ax] for ax in notin_a] + [bs[ax] for ax in notin_b])


def tensordot(x1: ArrayLike, x2: ArrayLike, /, *, axes=2) -> torch.Tensor:
    """Tensor dot product over the given axes. Mirrors ``numpy.linalg.tensordot``."""
    try:
        iter(axes)
    except TypeError:
        axes = operator.index(axes)
        axes_a, axes_b = list(range(-axes, 0)), list(range(0, axes))
    else:
        axes_a, axes_b = axes
    try:
        na = len(axes_a)
        axes_a = [operator.index(x) for x in axes_a]
    except TypeError:
        axes_a, na = [operator.index(axes_a)], 1
    try:
        nb = len(axes_b)
        axes_b = [operator.index(x) for x in axes_b]
    except TypeError:
        axes_b, nb = [operator.index(axes_b)], 1
    as_, bs = x1.shape, x2.shape
    equal = na == nb
    if equal:
        for k in range(na):
            if as_[axes_a[k]] != bs[axes_b[k]]:
                equal = False
                break
            if axes_a[k] < 0:
                axes_a[k] += x1.ndim
            if axes_b[k] < 0:
                axes_b[k] += x2.ndim
    if not equal:
        raise ValueError("shape-mismatch for sum")
    return _tensordot(x1, x2, axes_a, axes_b)


def vecdot(x1: ArrayLike, x2: ArrayLike, /, *, axis=-1) -> ArrayOrScalar:
    """Vector dot product (conjugating ``x1``) along ``axis``. Mirrors ``numpy.linalg.vecdot``."""
    sig = "(n),(n)->()"
    for i, x in enumerate((x1, x2)):
        if x.ndim == 0:
            raise ValueError(f"vecdot: Input operand {i} does not have enough dimensions (has 0, "
                             f"gufunc core with signature {sig} requires 1)")
    ax1 = normalize_axis_index(axis, x1.ndim)
    ax2 = normalize_axis_index(axis, x2.ndim)
    if x1.shape[ax1] != x2.shape[ax2]:
        raise ValueError(f"vecdot: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {sig} (size {x2.shape[ax2]} is different from "
                         f"{x1.shape[ax1]})")
    dt = result_type_torch(x1, x2)
    a = _to(x1, dt).movedim(ax1, -1)
    b = _to(x2, dt).movedim(ax2, -1)
    if dt == torch.bool:
        return (a & b).any(-1)
    if dt.is_complex:
        a = a.conj()
    try:
        torch.broadcast_shapes(a.shape[:-1], b.shape[:-1])
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {tuple(x1.shape)}->{tuple(a.shape[:-1])} "
                         f"{tuple(x2.shape)}->{tuple(b.shape[:-1])}") from None
    if dt.is_floating_point or dt.is_complex:
        # a batched (1,n)@(n,1) goes to BLAS
        return (a.unsqueeze(-2) @ b.unsqueeze(-1))[..., 0, 0]
    if dt in (torch.uint16, torch.uint32, torch.uint64):
        # torch has no unsigned sum: products and sums of the int64 patterns (mod 2**64),
        # cut back to the dtype, wrap as NumPy's
        ai = a.view(torch.int64) if dt == torch.uint64 else a.to(torch.int64)
        bi = b.view(torch.int64) if dt == torch.uint64 else b.to(torch.int64)
        r = (ai * bi).sum(-1)
        return r.view(torch.uint64) if dt == torch.uint64 else r.to(dt)
    return (a * b).sum(-1, dtype=dt)


def cross(x1: ArrayLike, x2: ArrayLike, /, *, axis=-1) -> torch.Tensor:
    """Cross product of 3-element vectors. Mirrors ``numpy.linalg.cross``."""
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors, but they "
                         f"are {x1.shape[axis]} and {x2.shape[axis]} dimensional instead.")
    try:  # NumPy checks the shapes before the dtypes
        torch.broadcast_shapes(x1.movedim(axis, -1).shape, x2.movedim(axis, -1).shape)
    except RuntimeError:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.") from None
    dt = result_type_torch(x1, x2)
    if dt == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    a = _to(x1, dt).movedim(axis, -1)
    b = _to(x2, dt).movedim(axis, -1)
    a0, a1, a2 = a.unbind(-1)
    b0, b1, b2 = b.unbind(-1)
    cp = torch.stack(torch.broadcast_tensors(a1 * b2 - a2 * b1, a2 * b0 - a0 * b2,
                                             a0 * b1 - a1 * b0), -1)
    return cp.movedim(-1, axis)


def matrix_power(a: ArrayLike, n) -> torch.Tensor:
    """Raise a square matrix (stack) to an integer power. Mirrors ``numpy.linalg.matrix_power``."""
    _assert_stacked_square(a)
    try:
        n = operator.index(n)
    except TypeError as exc:
        raise TypeError("exponent must be an integer") from exc
    if n == 0:
        # torch.eye lacks some dtypes ("eye" not implemented for 'UInt16')
        eye = torch.eye(a.shape[-1], dtype=torch.int64, device=a.device).to(a.dtype)
        return eye.expand(a.shape).clone()
    if n < 0:
        from ._solve_impl import _inv
        a = _inv(a)
        n = -n
    if n == 1:
        return a
    if n == 2:
        return _mm(a, a)
    if n == 3:
        return _mm(_mm(a, a), a)
    z = result = None
    while n > 0:
        z = a if z is None else _mm(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else _mm(result, z)
    return result
