"""NumPy's "Mathematical functions" section that is not a ufunc or a reduction.

diff, ediff1d, gradient, cross, trapezoid, interp, convolve/correlate, rounding
(around/round/fix), special helpers (i0, sinc), nan_to_num, angle,
real_if_close, unwrap, clip. Torch in, torch out; imports only torch and the
torchnp core helpers.
"""
from __future__ import annotations

__all__ = [
    "diff", "ediff1d", "gradient", "cross", "trapezoid", "interp", "convolve", "correlate",
    "around", "round", "fix", "i0", "sinc", "nan_to_num", "angle", "real_if_close",
    "unwrap", "clip",
]

import builtins
import functools
import math
import warnings

import torch
import torch.nn.functional as F

from torchnp._dtypes import can_cast_torch, from_torch, promote_torch, weak_result
from torchnp import _views
from torchnp import _normalize
from torchnp._normalize import ArrayLike, ArrayOrScalar, OutArray, ViewSource, as_array, as_tensor
from torchnp.exceptions import AxisError, UFuncTypeError, normalize_axis_index, normalize_axis_tuple

from ._common_impl import (NoValue, add, cast_back, check_broadcast, compute_dtype, float_of, promote, sub,
                           to_compute, ufunc_float_of)

_PY_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)


# --- differences ------------------------------------------------------------
# dtypes whose ``-`` is NumPy's subtract in torch (no bool xor, no widening)
# (complex goes through ``sub``: torch's complex ``-`` leaks NaN from an infinite part)
_SUB_NATIVE = frozenset({torch.float32, torch.float64,
                         torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8})


def _sub(a, b):
    """``a - b`` with NumPy semantics (bool: xor; unsigned wide types: modular)."""
    if a.dtype == torch.bool:
        return a != b
    dt = a.dtype
    return cast_back(sub(to_compute(a), to_compute(b)), dt)


def _broadcast_edge(v, a, axis):
    """A prepend/append value as an array with ``a``'s shape and length along ``axis``."""
    v = as_tensor(v)
    if v.ndim == 0:
        shape = list(a.shape)
        shape[axis] = 1
        v = v.expand(shape)
    return v


def _check_joinable(parts, axis):
    """NumPy's concatenate checks (prepend, a, append) before joining; torch.cat's own
    errors are RuntimeErrors."""
    first = parts[0]
    if axis >= first.ndim:
        raise AxisError(axis, first.ndim)
    for i, p in enumerate(parts[1:], start=1):
        if p.ndim != first.ndim:
            raise ValueError("all the input arrays must have same number of dimensions, but the "
                             f"array at index 0 has {first.ndim} dimension(s) and the array at "
                             f"index {i} has {p.ndim} dimension(s)")
        for d in range(first.ndim):
            if d != axis and p.shape[d] != first.shape[d]:
                raise ValueError("all the input array dimensions except for the concatenation axis "
                                 f"must match exactly, but along dimension {d}, the array at index 0 "
                                 f"has size {first.shape[d]} and the array at index {i} has size "
                                 f"{p.shape[d]}")


def diff(a: ArrayLike, n=1, axis=-1, prepend=NoValue, append=NoValue) -> torch.Tensor:
    """n-th discrete difference along ``axis``. Mirrors ``numpy.diff``."""
    if n == 1 and prepend is NoValue and append is NoValue and a.dtype in _SUB_NATIVE \
            and type(axis) is builtins.int and -a.ndim <= axis < a.ndim:
        return torch.diff(a, dim=axis)  # NumPy's first difference, in one torch call
    if n == 0:
        return a
    if n < 0:
        raise ValueError(f"order must be non-negative but got {n!r}")
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = normalize_axis_index(axis, a.ndim)
    parts = []
    if prepend is not NoValue:
        parts.append(_broadcast_edge(prepend, a, axis))
    parts.append(a)
    if append is not NoValue:
        parts.append(_broadcast_edge(append, a, axis))
    if len(parts) > 1:
        _check_joinable(parts, axis)
        dt, parts = promote(*parts)
        a = torch.cat(parts, dim=axis)
    for _ in range(n):
        length = a.shape[axis]
        if length == 0:
            break
        a = _sub(a.narrow(axis, 1, length - 1), a.narrow(axis, 0, length - 1))
    return a


def ediff1d(ary: ArrayLike, to_end=None, to_begin=None) -> torch.Tensor:
    """Differences of the flattened array, with optional ends. Mirrors ``numpy.ediff1d``."""
    flat = ary.reshape(-1)
    if flat.dtype == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    pieces = []
    for name, v in (("to_begin", to_begin), ("to_end", to_end)):
        if v is None:
            pieces.append(None)
            continue
        v = as_tensor(v)
        if not can_cast_torch(v.dtype, flat.dtype, "same_kind"):
            raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under the "
                            "`same_kind` rule.")
        pieces.append(v.reshape(-1).to(flat.dtype))
    d = _sub(flat[1:], flat[:-1]) if flat.numel() else flat[:0]
    out = [p for p in (pieces[0], d, pieces[1]) if p is not None]
    return torch.cat(out) if len(out) > 1 else d


def _spacing_list(varargs, f, axes):
    n = len(axes)
    if len(varargs) == 0:
        return [1.0] * n
    if len(varargs) == 1 and as_tensor(varargs[0]).ndim == 0:
        return [varargs[0]] * n
    if len(varargs) != n:
        raise TypeError("invalid number of arguments")
    out = []
    for ax, d in zip(axes, varargs):
        t = as_tensor(d)
        if t.ndim == 0:
            out.append(d)
            continue
        if t.ndim != 1:
            raise ValueError("distances must be either scalars or 1d")
        if t.shape[0] != f.shape[ax]:
            raise ValueError("when 1d, distances must match the length of the corresponding "
                             "dimension")
        out.append(t)
    return out


def gradient(f: ArrayLike, *varargs, axis=None, edge_order=1):
    """Second-order central differences inside, one-sided at the edges. Mirrors ``numpy.gradient``."""
    nd = f.ndim
    if axis is None:
        axes = tuple(range(nd))
    else:
        axes = normalize_axis_tuple(axis, nd)
    spacing = _spacing_list(varargs, f, axes)
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    for ax in axes:
        if f.shape[ax] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at "
                             "least (edge_order + 1) elements are required.")
    if f.dtype == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported")
    otype = float_of(f.dtype)
    work = otype if otype != torch.float16 else torch.float32
    y = f.to(work)
    results = []
    for ax, h in zip(axes, spacing):
        length = f.shape[ax]
        if length < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at "
                             "least (edge_order + 1) elements are required.")
        results.append(_gradient_axis(y, ax, h, edge_order).to(otype))
    if len(axes) == 1:
        return results[0]
    return tuple(results)


def _shape_for(v, ax, nd):
    shape = [1] * nd
    shape[ax] = -1
    return v.reshape(shape)


def _gradient_axis(y, ax, h, edge_order):
    nd = y.ndim
    n = y.shape[ax]

    def sl(start, stop):
        return y.narrow(ax, start, stop - start)

    out = torch.empty_like(y)
    if isinstance(h, torch.Tensor):
        x = h.to(torch.float64) if not (h.dtype.is_floating_point or h.dtype.is_complex) else h
        dx = (x[1:] - x[:-1]).to(y.dtype)
        dx1 = _shape_for(dx[:-1], ax, nd)
        dx2 = _shape_for(dx[1:], ax, nd)
        if n > 2:
            a = -dx2 / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            out.narrow(ax, 1, n - 2).copy_(add(add(a * sl(0, n - 2), b * sl(1, n - 1)), c * sl(2, n)))
        if edge_order == 1:
            d0 = dx[0]
            dn = dx[-1]
            out.narrow(ax, 0, 1).copy_(sub(sl(1, 2), sl(0, 1)) / d0)
            out.narrow(ax, n - 1, 1).copy_(sub(sl(n - 1, n), sl(n - 2, n - 1)) / dn)
        else:
            d1, d2 = dx[0], dx[1]
            a = -(2.0 * d1 + d2) / (d1 * (d1 + d2))
            b = (d1 + d2) / (d1 * d2)
            c = -d1 / (d2 * (d1 + d2))
            out.narrow(ax, 0, 1).copy_(add(add(a * sl(0, 1), b * sl(1, 2)), c * sl(2, 3)))
            d1, d2 = dx[-2], dx[-1]
            a = d2 / (d1 * (d1 + d2))
            b = -(d2 + d1) / (d1 * d2)
            c = (2.0 * d2 + d1) / (d2 * (d1 + d2))
            out.narrow(ax, n - 1, 1).copy_(add(add(a * sl(n - 3, n - 2), b * sl(n - 2, n - 1)),
                                               c * sl(n - 1, n)))
        return out
    h = h.item() if isinstance(h, torch.Tensor) else (h.tensor.item() if hasattr(h, "tensor") else h)
    if n > 2:
        out.narrow(ax, 1, n - 2).copy_(sub(sl(2, n), sl(0, n - 2)) / (2.0 * h))
    if edge_order == 1:
        out.narrow(ax, 0, 1).copy_(sub(sl(1, 2), sl(0, 1)) / h)
        out.narrow(ax, n - 1, 1).copy_(sub(sl(n - 1, n), sl(n - 2, n - 1)) / h)
    else:  # NumPy's weights -1.5/h, 2/h, -0.5/h (and mirrored) times the values, summed
        w0, w1, w2 = -1.5 / h, 2.0 / h, -0.5 / h
        out.narrow(ax, 0, 1).copy_(add(add(w0 * sl(0, 1), w1 * sl(1, 2)), w2 * sl(2, 3)))
        out.narrow(ax, n - 1, 1).copy_(add(add(-w2 * sl(n - 3, n - 2), -w1 * sl(n - 2, n - 1)),
                                           -w0 * sl(n - 1, n)))
    return out


# --- cross product and integration -------------------------------------------
def cross(a: ArrayLike, b: ArrayLike, axisa=-1, axisb=-1, axisc=-1, axis=None) -> torch.Tensor:
    """Cross product of 2- or 3-vectors. Mirrors ``numpy.cross``."""
    if axis is not None:
        axisa = axisb = axisc = axis
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("At least one array has zero dimension")
    axisa = normalize_axis_index(axisa, a.ndim, msg_prefix="axisa")
    axisb = normalize_axis_index(axisb, b.ndim, msg_prefix="axisb")
    a = torch.movedim(a, axisa, -1)
    b = torch.movedim(b, axisb, -1)
    na, nb = a.shape[-1], b.shape[-1]
    if na not in (2, 3) or nb not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    if na == 2 and nb == 2:
        warnings.warn("Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                      "3-dimensional vectors instead. (deprecated in NumPy 2.0)",
                      DeprecationWarning, stacklevel=3)
    dt, (a, b) = promote(a, b)
    if dt == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    try:
        batch = torch.broadcast_shapes(a.shape[:-1], b.shape[:-1])
    except RuntimeError:
        raise ValueError("operands could not be broadcast together with shapes "
                         f"{tuple(a.shape[:-1])} {tuple(b.shape[:-1])}") from None
    a, b = to_compute(a), to_compute(b)
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    z = a0 * b1 - a1 * b0
    if na == 2 and nb == 2:
        return cast_back(z.expand(batch), dt)
    if na == 3:
        a2 = a[..., 2]
    if nb == 3:
        b2 = b[..., 2]
    if na == 3 and nb == 3:
        x = a1 * b2 - a2 * b1
        y = a2 * b0 - a0 * b2
    elif na == 2:  # a's z component is zero
        x = a1 * b2
        y = -(a0 * b2)
    else:  # b's z component is zero
        x = -(a2 * b1)
        y = a2 * b0
    out = torch.stack(torch.broadcast_tensors(x, y, z), dim=-1)
    axisc = normalize_axis_index(axisc, out.ndim, msg_prefix="axisc")
    return cast_back(torch.movedim(out, -1, axisc), dt)


def trapezoid(y: ArrayLike, x: ArrayLike | None = None, dx=1.0, axis=-1) -> ArrayOrScalar:
    """Integrate with the composite trapezoidal rule. Mirrors ``numpy.trapezoid``."""
    nd = y.ndim
    axis = normalize_axis_index(axis, nd)
    n = y.shape[axis]
    if x is None:
        d = dx.tensor if hasattr(dx, "tensor") else dx
        if not isinstance(d, (torch.Tensor,) + _PY_SCALARS):
            d = as_tensor(d)
    elif x.ndim == 1:
        d = _sub(x[1:], x[:-1])
        shape = [1] * nd
        shape[axis] = d.shape[0]
        d = d.reshape(shape)
    else:
        d = diff(x, axis=axis)
    hi = y.narrow(axis, builtins.min(1, n), builtins.max(n - 1, 0))
    lo = y.narrow(axis, 0, builtins.max(n - 1, 0))
    s = (hi | lo) if y.dtype == torch.bool else cast_back(add(to_compute(hi), to_compute(lo)), y.dtype)
    if isinstance(d, torch.Tensor):
        check_broadcast(d, s)
        pdt = promote_torch(d.dtype, s.dtype)
        prod = d.to(pdt) * s.to(pdt) if pdt != torch.bool else d & s
    else:
        pdt = weak_result(s.dtype, d)
        prod = s.to(pdt) * d if pdt != torch.bool else s & builtins.bool(d)
    rdt = weak_result(prod.dtype, 2.0)
    avg = to_compute(prod).to(compute_dtype(rdt)) / 2.0
    return avg.sum(dim=axis).to(rdt)


# --- interpolation ------------------------------------------------------------
def _interp_real(x, xp, fp, left, right):
    """Piecewise-linear interpolation on float64 data, following NumPy's edge rules."""
    if xp.device.type == "cpu":
        r = _interp_clean_table(x, xp, fp, left, right)
        if r is not None:
            return r
    n = xp.shape[0]
    j = torch.searchsorted(xp, x, right=True) - 1  # xp[j] <= x < xp[j+1]
    jc = j.clamp(0, max(n - 2, 0))
    x0 = xp[jc]
    y0 = fp[jc]
    if n > 1:
        x1 = xp[jc + 1]
        y1 = fp[jc + 1]
        slope = (y1 - y0) / (x1 - x0)
        res = slope * (x - x0) + y0
        # where the first form is NaN (inf slope), NumPy retries from the right end point
        alt = slope * (x - x1) + y1
        res = torch.where(torch.isnan(res), alt, res)
        res = torch.where(torch.isnan(res) & (y0 == y1), y0, res)
        res = torch.where(x == x0, y0, res)
    else:
        res = y0.expand(x.shape).clone()
    last = fp[n - 1]
    res = torch.where(x == xp[n - 1], last, res)
    lval = fp[0] if left is None else left
    rval = last if right is None else right
    res = torch.where(x < xp[0], lval, res)
    res = torch.where(x > xp[n - 1], rval, res)
    return torch.where(torch.isnan(x), x, res)


def _interp_clean_table(x, xp, fp, left, right):
    """Interpolation with per-interval slopes computed once (as NumPy does for long x),
    or None when a slope is not finite or fp holds a -0.0: those need NumPy's retries and
    exact-match rules (the general path). Inspecting the table reads values, so this
    runs for CPU tables only, where that costs no device sync.

    With finite slopes, ``slope * (x - xp[j]) + fp[j]`` is NaN only for NaN x, and at
    x == xp[j] it is fp[j] exactly (unless fp[j] is -0.0); appending a zero slope for
    the last point makes x == xp[-1] give fp[-1] exactly."""
    if torch.compiler.is_compiling():
        return None  # the table check reads data: traced, the general path
    n = xp.shape[0]
    dx = xp[1:] - xp[:-1]
    slope = (fp[1:] - fp[:-1]) / dx
    if not builtins.bool(torch.isfinite(slope).all() & ~(torch.signbit(fp) & (fp == 0)).any()):
        return None
    slope = torch.cat([slope, slope.new_zeros(1)])
    j = (torch.searchsorted(xp, x, right=True) - 1).clamp_(0, n - 1)
    res = slope[j].mul_(x - xp[j]).add_(fp[j])
    res = torch.where(x < xp[0], fp[0] if left is None else left, res)
    return torch.where(x > xp[n - 1], fp[n - 1] if right is None else right, res)


def interp(x: ArrayLike, xp: ArrayLike, fp: ArrayLike, left=None, right=None,
           period=None) -> ArrayOrScalar:
    """One-dimensional linear interpolation. Mirrors ``numpy.interp``."""
    if fp.is_complex():
        odt = torch.complex128
    else:
        if fp.dtype != torch.float64 and not can_cast_torch(fp.dtype, torch.float64, "safe"):
            raise TypeError(f"Cannot cast array data from dtype('{from_torch(fp.dtype).name}') "
                            "to dtype('float64') according to the rule 'safe'")
        odt = torch.float64
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array" if max(xp.ndim, fp.ndim) > 1
                         else "object of too small depth for desired array")
    if xp.is_complex() or x.is_complex():
        raise TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') "
                        "according to the rule 'safe'")
    xp = xp.to(torch.float64)
    x = x.to(torch.float64)
    fp = fp.to(odt)
    if fp.shape[0] != xp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(float(period))
        left = right = None
        x = torch.remainder(x, period)
        xp = torch.remainder(xp, period)
        order = torch.argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = torch.cat([xp[-1:] - period, xp, xp[:1] + period])
        fp = torch.cat([fp[-1:], fp, fp[:1]])
    if odt == torch.complex128:
        def part(v, k):
            if v is None:
                return None
            c = complex(v.tensor.item() if hasattr(v, "tensor") else v)
            return c.real if k == 0 else c.imag
        re = _interp_real(x, xp, fp.real.contiguous(), part(left, 0), part(right, 0))
        im = _interp_real(x, xp, fp.imag.contiguous(), part(left, 1), part(right, 1))
        return torch.complex(re, im)
    lv = None if left is None else float(left.tensor.item() if hasattr(left, "tensor") else left)
    rv = None if right is None else float(right.tensor.item() if hasattr(right, "tensor") else right)
    return _interp_real(x, xp, fp, lv, rv)


# --- convolution ----------------------------------------------------------------
# NumPy 2 takes the full names and the old integer codes (not 'v'/'s'/'f')
_MODES = {"valid": "valid", "same": "same", "full": "full", 0: "valid", 1: "same", 2: "full"}


def _full_window(n, m, mode):
    """(start, length) of ``mode``'s output inside the full correlation of lengths n, m."""
    if mode == "full":
        return 0, n + m - 1
    if mode == "valid":
        return min(n, m) - 1, max(n, m) - min(n, m) + 1
    start = (m - 1) // 2 if n >= m else n // 2
    return start, max(n, m)


def _correlate_full_window(a, v, start, length):
    """out[i] = sum_k a[i + start - (m-1) + k] * v[k], for i in range(length)."""
    n, m = a.shape[0], v.shape[0]
    pad_left = (m - 1) - start
    pad_right = length + m - 1 - n - pad_left
    dt = a.dtype
    if dt.is_complex:
        # complex conv is done as four real ones (torch's conv1d lacks complex support on CPU)
        ar, ai = a.real, a.imag
        vr, vi = v.real, v.imag
        re = _real_corr(ar, vr, pad_left, pad_right) - _real_corr(ai, vi, pad_left, pad_right)
        im = _real_corr(ar, vi, pad_left, pad_right) + _real_corr(ai, vr, pad_left, pad_right)
        return torch.complex(re, im)
    return _real_corr(a, v, pad_left, pad_right)


_TAP_LOOP_MAX = 64
# up to this many multiply-adds the sliding windows are one matrix-vector product
_UNFOLD_MAX = 1 << 14


def _real_corr(a, v, pad_left, pad_right):
    if (pad_left or pad_right) and v.dtype.is_floating_point:
        # NumPy sums only the overlapping terms; a padding zero times an infinite or NaN
        # tap would turn the output NaN, so windows reaching into the padding are masked
        n, m = a.shape[0], v.shape[0]
        length = n + pad_left + pad_right - m + 1
        if length * m <= _UNFOLD_MAX:
            idx, valid = _window_index(n, m, pad_left, 0, length, a.device)
            return _masked_windows(a, v, idx, valid)
        out = _real_corr_padded(a, v, pad_left, pad_right)
        # at most m - 1 outputs per side: never more work than the correlation itself
        first_right = builtins.max(length - pad_right, pad_left)
        if pad_left:
            idx, valid = _window_index(n, m, pad_left, 0, pad_left, a.device)
            out[:pad_left] = _masked_windows(a, v, idx, valid)
        if first_right < length:
            idx, valid = _window_index(n, m, pad_left, first_right, length, a.device)
            out[first_right:] = _masked_windows(a, v, idx, valid)
        return out
    return _real_corr_padded(a, v, pad_left, pad_right)


@functools.lru_cache(maxsize=128)
def _window_index(n, m, pad_left, start, stop, device):
    """For outputs ``start:stop``: the positions in ``a`` their windows read (clamped,
    flat) and the (outputs, taps) mask of those that fall outside ``a``."""
    idx = (torch.arange(start - pad_left, stop - pad_left, device=device)[:, None]
           + torch.arange(m, device=device))
    return idx.clamp(0, n - 1).reshape(-1), (idx < 0) | (idx >= n)


def _masked_windows(a, v, idx, outside):
    terms = a.index_select(0, idx).view(outside.shape).mul_(v)
    return terms.masked_fill_(outside, 0).sum(1)


def _real_corr_padded(a, v, pad_left, pad_right):
    x = torch.constant_pad_nd(a, (pad_left, pad_right)) if pad_left or pad_right else a
    m = v.shape[0]
    length = x.shape[0] - m + 1
    if length * m <= _UNFOLD_MAX:
        # small inputs: the per-call cost dominates; the (length, m) window view times v
        # is one torch call
        return torch.mv(x.unfold(0, m, 1), v)
    if m <= _TAP_LOOP_MAX:
        # short kernels: one fused multiply-add per tap beats torch's CPU conv1d
        # (which has no fast float64/integer path) by an order of magnitude
        out = x[:length] * v[0]
        for k in range(1, m):
            out.addcmul_(x[k:k + length], v[k])
        return out
    return F.conv1d(x.reshape(1, 1, -1), v.reshape(1, 1, -1)).reshape(-1)


_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def _flip1d(v):
    """Reverse a 1-D tensor (torch's flip has no uint16/32/64 kernel: flip a signed view)."""
    if v.ndim != 1:
        return v
    twin = _SIGNED_TWIN.get(v.dtype)
    if twin is not None:
        return v.view(twin).flip(0).view(v.dtype)
    return v.flip(0)


def _correlate(a, v, mode, conj):
    a = a.reshape(1) if a.ndim == 0 else a
    v = v.reshape(1) if v.ndim == 0 else v
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array" if max(a.ndim, v.ndim) > 1
                         else "object of too small depth for desired array")
    try:
        mode = _MODES[mode]
    except (KeyError, TypeError):
        raise ValueError("Use one of 'valid', 'same', or 'full' for convolve/correlate "
                         "mode") from None
    dt, (a, v) = promote(a, v)
    n, m = a.shape[0], v.shape[0]
    if n == 0:
        raise ValueError("a cannot be empty")
    if m == 0:
        raise ValueError("v cannot be empty")
    if conj and dt.is_complex:
        v = v.conj()
    start, length = _full_window(n, m, mode)
    cdt = compute_dtype(dt)
    if cdt == torch.int64 or (not cdt.is_floating_point and not cdt.is_complex):
        cdt = torch.int64  # integer conv1d works on CPU in int64 and keeps wrap-around
    res = _correlate_full_window(a.to(cdt).resolve_conj(), v.to(cdt).resolve_conj(), start, length)
    return cast_back(res, dt)


def _correlate_direct(a, v, mode):
    """The common case (1-D, one real float dtype, non-empty, a known mode), or None."""
    dt = a.dtype
    if dt is not v.dtype or dt not in _REAL_FLOAT or a.ndim != 1 or v.ndim != 1 \
            or type(mode) is not str:
        return None
    n, m = a.shape[0], v.shape[0]
    mode = _MODES.get(mode)
    if mode is None or not n or not m:
        return None
    start, length = _full_window(n, m, mode)
    pad_left = (m - 1) - start
    return _real_corr(a, v, pad_left, length + m - 1 - n - pad_left)


_REAL_FLOAT = (torch.float64, torch.float32)


def convolve(a: ArrayLike, v: ArrayLike, mode="full") -> torch.Tensor:
    """Discrete linear convolution of two 1-D sequences. Mirrors ``numpy.convolve``."""
    if v.ndim == 1 and a.ndim == 1 and v.shape[0] > a.shape[0]:
        a, v = v, a  # convolution commutes; NumPy centres 'same' on the longer input
    v = _flip1d(v)
    r = _correlate_direct(a, v, mode)
    return _correlate(a, v, mode, conj=False) if r is None else r


def correlate(a: ArrayLike, v: ArrayLike, mode="valid") -> torch.Tensor:
    """Cross-correlation of two 1-D sequences (``v`` conjugated). Mirrors ``numpy.correlate``."""
    r = _correlate_direct(a, v, mode)
    return _correlate(a, v, mode, conj=True) if r is None else r


# --- rounding -----------------------------------------------------------------
def _round_real(x, decimals):
    if decimals == 0:
        return torch.round(x)
    if decimals > 0:
        f = 10.0 ** decimals
        return torch.round(x * f) / f
    f = 10.0 ** (-decimals)
    return torch.round(x / f) * f


def _round(a, decimals):
    if type(decimals) is builtins.int and decimals == 0 and a.dtype in _FLOAT_CLAMP:
        return torch.round(a)
    decimals = int(decimals)
    dt = a.dtype
    if dt == torch.bool:
        if decimals != 0:
            raise UFuncTypeError("Cannot cast ufunc 'multiply' output from dtype('float64') to "
                                 "dtype('bool') with casting rule 'same_kind'")
        a = a.to(torch.float16)  # NumPy rounds booleans through float16
        dt = torch.float16
    if not (dt.is_floating_point or dt.is_complex):
        if decimals >= 0:
            return a.clone()
        return _round_real(a.to(torch.float64), decimals).to(dt)
    if dt.is_complex:
        return torch.complex(_round_real(a.real, decimals), _round_real(a.imag, decimals))
    if dt == torch.float16:
        return _round_half(a, decimals)
    return _round_real(a, decimals)


def _round_half(a, decimals):
    """float16 rounding with every step rounded to float16, as NumPy's float16 loops do
    (so ``10**decimals`` overflows to inf for decimals >= 5 and the result is NaN)."""
    h = torch.float16
    x = a.to(torch.float32)
    if decimals == 0:
        return torch.round(x).to(h)
    f = builtins.float(torch.tensor(10.0 ** builtins.abs(decimals), dtype=h))
    if decimals > 0:
        return (torch.round((x * f).to(h).to(torch.float32)) / f).to(h)
    return (torch.round((x / f).to(h).to(torch.float32)) * f).to(h)


def around(a: ArrayLike, decimals=0, out: OutArray | None = None) -> ArrayOrScalar:
    """Round half to even to ``decimals`` places. Mirrors ``numpy.around``."""
    return _round(a, decimals)


def round(a: ArrayLike, decimals=0, out: OutArray | None = None) -> ArrayOrScalar:
    """Round half to even to ``decimals`` places. Mirrors ``numpy.round``."""
    return _round(a, decimals)


def fix(x: ArrayLike, out: OutArray | None = None) -> ArrayOrScalar:
    """Round toward zero (integers keep their dtype). Mirrors ``numpy.fix``."""
    if x.dtype == torch.bool:
        return x.clone()
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        return x.clone()
    if x.is_complex():
        raise TypeError("ufunc 'floor' not supported for the input types, and the inputs could "
                        "not be safely coerced to any supported types according to the casting "
                        "rule ''safe''")
    return torch.trunc(x)


# --- special helpers -------------------------------------------------------------
def i0(x: ArrayLike) -> torch.Tensor:
    """Modified Bessel function of the first kind, order 0. Mirrors ``numpy.i0``."""
    if x.is_complex():
        raise TypeError("i0 not supported for complex values")
    dt = float_of(x.dtype)
    if dt == torch.float16:
        return torch.special.i0(x.to(torch.float32)).to(dt)
    return torch.special.i0(x.to(dt))


def sinc(x: ArrayLike) -> ArrayOrScalar:
    """Normalized sinc, sin(pi x) / (pi x). Mirrors ``numpy.sinc``."""
    dt = float_of(x.dtype)
    if dt == torch.float16:
        return torch.sinc(x.to(torch.float32)).to(dt)
    return torch.sinc(x.to(dt))


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None) -> ArrayOrScalar:
    """Replace NaN and infinities by finite numbers. Mirrors ``numpy.nan_to_num``.

    As NumPy: ``np.array(x, copy=copy)`` first, so ``copy=False`` (or None) returns an
    array ``x`` itself, written in place (through views; a read-only one refuses),
    and refuses input that is not an array; a 0-d result is a scalar.
    """
    if isinstance(copy, str):
        raise ValueError("strings are not allowed for 'copy' keyword. Use True/False/None instead.")
    is_arr = isinstance(x, _normalize._ndarray_cls)
    if copy is not None and not copy and not is_arr:
        raise ValueError("Unable to avoid copy while creating an array as requested.\n"
                         "If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` "
                         "to allow a copy when needed (no behavior change in NumPy 1.x).")
    a = x if is_arr else as_array(x)
    t = a.tensor
    in_place = is_arr and not (copy is not None and copy)
    if not (t.is_floating_point() or t.is_complex()):
        return a if in_place and t.ndim else t.clone()
    nan, posinf, neginf = (v.tensor.item() if hasattr(v, "tensor") else v
                           for v in (nan, posinf, neginf))
    # NumPy makes arrays of them in x's real dtype: Python's float() errors (TypeError,
    # ValueError) are NumPy's classes
    nan = float(nan)
    posinf = None if posinf is None else float(posinf)
    neginf = None if neginf is None else float(neginf)
    src = torch.view_as_real(t) if t.is_complex() else t
    r = torch.nan_to_num(src, nan=nan, posinf=posinf, neginf=neginf)
    if t.is_complex():
        r = torch.view_as_complex(r)
    if not in_place:
        return r
    w = _views.begin_write(a)
    w.copy_(r)
    _views.end_write(a, w)
    return a if t.ndim else r


def angle(z: ArrayLike, deg=False) -> ArrayOrScalar:
    """Argument of complex numbers (radians, or degrees). Mirrors ``numpy.angle``."""
    if z.is_complex():
        a = torch.atan2(z.imag, z.real)
    else:
        # arctan2(0, z) with a weak 0: booleans meet an int, so they go to float64
        dt = torch.float64 if z.dtype == torch.bool else ufunc_float_of(z.dtype)
        zz = z.to(torch.float32) if dt == torch.float16 else z.to(dt)
        a = torch.atan2(torch.zeros_like(zz), zz).to(dt)
    if deg:
        a = a * (180.0 / math.pi)
    return a


def real_if_close(a: ViewSource, tol=100):
    """Drop the imaginary part when it is negligible everywhere. Mirrors ``numpy.real_if_close``:
    a real input is returned itself, a complex one itself or as its ``.real`` view.

    Whether the result is real depends on the values, so deciding costs one sync.
    """
    t = a.tensor
    if not t.is_complex():
        return a
    if tol > 1:
        tol = tol * torch.finfo(t.real.dtype).eps
    if bool(torch.all(torch.abs(t.imag) < tol)):
        return _views.real(a)
    return a


def unwrap(p: ArrayLike, discont=None, axis=-1, *, period=2 * math.pi) -> torch.Tensor:
    """Undo jumps larger than ``discont`` by adding multiples of ``period``. Mirrors ``numpy.unwrap``."""
    axis = normalize_axis_index(axis, p.ndim)
    if p.is_complex():
        raise TypeError("ufunc 'remainder' not supported for the input types, and the inputs "
                        "could not be safely coerced to any supported types according to the "
                        "casting rule ''safe''")
    dd = diff(p, axis=axis)
    period_t = period.tensor if hasattr(period, "tensor") else period
    if isinstance(period_t, torch.Tensor):
        dt = promote_torch(dd.dtype, period_t.dtype)
        per = period_t.item()
    else:
        dt = weak_result(dd.dtype, period_t)
        per = period_t
    if discont is None:
        discont = per / 2
    elif hasattr(discont, "tensor"):
        discont = discont.tensor.item()
    integral = not (dt.is_floating_point or dt.is_complex)
    if integral:
        high, rem = divmod(per, 2)
        ambiguous = rem == 0
    else:
        high = per / 2
        ambiguous = True
    low = -high
    d = dd.to(compute_dtype(dt))
    wrapped = torch.remainder(d - low, per) + low
    if ambiguous:
        wrapped = torch.where((wrapped == low) & (d > 0), torch.as_tensor(high, dtype=d.dtype), wrapped)
    correction = wrapped - d
    correction = torch.where(torch.abs(d) < discont, torch.zeros((), dtype=d.dtype), correction)
    up = p.to(compute_dtype(dt)).clone()
    n = p.shape[axis]
    if n > 1:
        up.narrow(axis, 1, n - 1).add_(torch.cumsum(correction, dim=axis))
    return cast_back(up, dt)


# --- clip ----------------------------------------------------------------------
_F64_INT = (-2 ** 53, 2 ** 53)  # Python ints a float bound converts exactly
# dtype -> range of Python ints that torch.clamp can take as bounds for it directly;
# Python floats qualify only for the float dtypes (None marks them)
_CLAMP_DIRECT = {torch.float64: _F64_INT, torch.float32: _F64_INT,
                 torch.int64: (-2 ** 63, 2 ** 63 - 1), torch.int32: (-2 ** 31, 2 ** 31 - 1)}
_FLOAT_CLAMP = (torch.float64, torch.float32)


def _direct_bound(v, rng):
    t = type(v)
    if t is builtins.int:
        return rng[0] <= v <= rng[1]
    if t is builtins.float:
        return rng is _F64_INT
    return v is None


def _clip_bound_dtype(a_dtype, bound):
    if bound is None:
        return a_dtype
    if type(bound) in _PY_SCALARS:
        return weak_result(a_dtype, bound)
    return promote_torch(a_dtype, bound.dtype)


def _clip_scalar_for(v, dt):
    """A Python-int bound outside an integer dtype's range is clamped to it (NumPy 2)."""
    if type(v) is builtins.int and not (dt.is_floating_point or dt.is_complex) and dt != torch.bool:
        info = torch.iinfo(dt)
        return builtins.max(info.min, builtins.min(info.max, v))
    return v


def clip(a: ArrayLike, a_min=NoValue, a_max=NoValue, out: OutArray | None = None, *,
         min=NoValue, max=NoValue, **kwargs) -> ArrayOrScalar:
    """Limit values to [min, max] (NaN propagates). Mirrors ``numpy.clip``."""
    rng = _CLAMP_DIRECT.get(a.dtype)
    if rng is not None and not kwargs and min is NoValue and max is NoValue \
            and (a_min is not None or a_max is not None) \
            and _direct_bound(a_min, rng) and _direct_bound(a_max, rng):
        # Python-scalar bounds that keep a's dtype (NEP 50) and fit it: torch.clamp is
        # NumPy's minimum(maximum(a, lo), hi), NaNs included
        return torch.clamp(a, a_min, a_max)
    if min is not NoValue or max is not NoValue:
        if a_min is not NoValue or a_max is not NoValue:
            raise ValueError("Passing `min` or `max` keyword argument when `a_min` and `a_max` "
                            "are provided is forbidden.")
        a_min = None if min is NoValue else min
        a_max = None if max is NoValue else max
    elif (a_min is NoValue) != (a_max is NoValue):
        missing = "a_max" if a_max is NoValue else "a_min"
        raise TypeError(f"clip() missing 1 required positional argument: '{missing}'")
    a_min = None if a_min is NoValue else a_min
    a_max = None if a_max is NoValue else a_max
    for k in kwargs:
        if k not in ("casting", "dtype", "order", "subok"):
            raise TypeError(f"clip() got an unexpected keyword argument '{k}'")
    lo = None if a_min is None else (a_min if type(a_min) in _PY_SCALARS else as_tensor(a_min))
    hi = None if a_max is None else (a_max if type(a_max) in _PY_SCALARS else as_tensor(a_max))
    dt = _clip_bound_dtype(_clip_bound_dtype(a.dtype, lo), hi)
    if kwargs.get("dtype") is not None:
        from torchnp._dtypes import to_torch_dtype
        dt = to_torch_dtype(kwargs["dtype"])
    lo_t = None if lo is None else _clip_bound_tensor(lo, dt, a.device)
    hi_t = None if hi is None else _clip_bound_tensor(hi, dt, a.device)
    x = a.to(dt)
    if lo_t is None and hi_t is None:
        return x.clone() if x is a else x
    check_broadcast(x, lo_t, hi_t)
    if dt.is_complex:
        return _clip_complex(x, lo_t, hi_t)
    key, back = _clip_order_key(dt)
    # NumPy's clip is minimum(maximum(a, lo), hi): a NaN anywhere propagates, and so
    # does torch.clamp (one pass instead of two)
    return back(torch.clamp(key(x), None if lo_t is None else key(lo_t),
                            None if hi_t is None else key(hi_t)))


def _complex_less(a, b):
    """NumPy's complex order: by real part, then by imaginary part."""
    return (a.real < b.real) | ((a.real == b.real) & (a.imag < b.imag))


def _clip_complex(x, lo, hi):
    r = x
    if lo is not None:
        r = torch.where(_complex_less(r, lo), lo, r)
    if hi is not None:
        r = torch.where(_complex_less(hi, r), hi, r)
    return r


_I64_MIN = -(2 ** 63)


def _clip_order_key(dt):
    """Maps to a dtype torch can compare in (max/min lack uint16/32/64 and bool kernels)
    that keeps the order, and back."""
    if dt == torch.bool:
        return (lambda t: t.to(torch.int8)), (lambda t: t != 0)
    if dt in (torch.uint16, torch.uint32):
        return (lambda t: t.to(torch.int64)), (lambda t: t.to(dt))
    if dt == torch.uint64:
        # flipping the top bit maps unsigned order onto signed order
        return ((lambda t: t.view(torch.int64) ^ _I64_MIN),
                (lambda t: (t ^ _I64_MIN).view(torch.uint64)))
    if dt == torch.float16:
        return (lambda t: t.to(torch.float32)), (lambda t: t.to(dt))
    return (lambda t: t), (lambda t: t)


def _clip_bound_tensor(b, dt, device):
    if isinstance(b, torch.Tensor):
        return b.to(dt)
    return torch.as_tensor(_clip_scalar_for(b, dt), dtype=dt, device=device)
