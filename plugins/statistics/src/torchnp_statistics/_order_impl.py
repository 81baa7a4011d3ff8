"""Order statistics: median, percentile, quantile and their NaN-ignoring forms.

Torch-only. Quantiles sort along the reduced (flattened) axes once and then
evaluate every one of NumPy 2's 13 methods on the sorted values, vectorized over
slices and q (numpy/lib/_function_base_impl.py ``_quantile`` is mirrored).
NaN-ignoring forms use the per-slice count of non-NaN values (NaN sorts last in
torch.sort). Medians use torch's selection kernels (torch.median/nanmedian give
the lower median; the upper one is found with two cheap passes).
"""
from __future__ import annotations

import builtins
import math

import torch

from torchnp._dtypes import _BY_TORCH, promote_torch
from torchnp._normalize import ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, AxisLike, KeepDims, OutArray
from torchnp._normalize import check_data

from ._common import (_NoValue, axes_of, is_inexact, mean_dtype, move_to_last,
                      unwiden_ordered, warn_runtime, widen_ordered)

__all__ = ["median", "nanmedian", "percentile", "quantile", "nanpercentile", "nanquantile"]

_METHODS = (
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
    "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher",
    "midpoint", "nearest",
)
_ALPHA_BETA = {
    "interpolated_inverted_cdf": (0.0, 1.0), "hazen": (0.5, 0.5), "weibull": (0.0, 0.0),
    "median_unbiased": (1 / 3.0, 1 / 3.0), "normal_unbiased": (3 / 8.0, 3 / 8.0),
}
# alpha and beta are integers: an integer q keeps an integer virtual index
_INT_ALPHA_BETA = ("interpolated_inverted_cdf", "weibull")
# methods that interpolate even when an integer q array gives an integer virtual index
_INTEGER_GAMMA = ("averaged_inverted_cdf", *_INT_ALPHA_BETA)
_DISCRETE = ("inverted_cdf", "closest_observation", "lower", "higher", "nearest")


# --- medians -------------------------------------------------------------------
# Up to this many values per slice, one sort beats torch's selection kernel plus the
# passes that find the upper median: at small sizes the count of kernel launches is
# the cost. Above it, selection (O(n)) wins.
_SORT_MEDIAN_MAX = 4096


def _median_compute_dtype(dt):
    rdt = mean_dtype(dt)
    return rdt, (torch.float32 if rdt == torch.float16 else rdt)


def _to(t, dt):
    return t if t.dtype is dt else t.to(dt)


def _sorted_complex(x):
    """``x`` sorted along its last axis in NumPy's complex order.

    NumPy orders ``R + Rj < R + nanj < nan + Rj < nan + nanj``, each group
    lexicographically. torch.sort has no complex kernel: stable sorts by imaginary
    part, then real part, then NaN group give that order.
    """
    order = torch.sort(x.imag, dim=-1, stable=True).indices
    re = x.real.gather(-1, order)
    order = order.gather(-1, torch.sort(re, dim=-1, stable=True).indices)
    y = x.gather(-1, order)
    group = torch.isnan(y.real).to(torch.int8) * 2 + torch.isnan(y.imag).to(torch.int8)
    return y.gather(-1, torch.sort(group, dim=-1, stable=True).indices)


def _median_by_sort(flat, kept, rdt, cdt, nan, whole):
    """Median of each row of ``flat`` from one sort (small rows, and complex input)."""
    dt = flat.dtype
    inexact = is_inexact(dt)
    if dt.is_complex:
        s = _sorted_complex(flat)
        src = dt
    else:
        src = dt if dt != torch.bool else torch.uint8
        x = widen_ordered(flat if dt != torch.bool else flat.to(torch.uint8))
        s = torch.sort(x, dim=-1).values  # NaN sorts last
    N = s.shape[-1]
    if nan and inexact:
        n = (~torch.isnan(s)).sum(-1, keepdim=True)  # NaNs sit at the end of each row
        lo_i = torch.clamp((n - 1) // 2, min=0)
        hi_i = torch.clamp(n // 2, max=N - 1)
        lo = _to(unwiden_ordered(s.gather(-1, lo_i), src), cdt).squeeze(-1)
        hi = _to(unwiden_ordered(s.gather(-1, hi_i), src), cdt).squeeze(-1)
        n = n.squeeze(-1)
        # an odd count takes the middle value itself (a sum of two could overflow)
        r = torch.where(n % 2 == 1, lo, (lo + hi) / 2)
        allnan = n == 0
        if bool(allnan.any()):
            warn_runtime("All-NaN slice encountered")
            # NumPy: a 1-d all-NaN input gives its last element, other slices NaN
            fill = flat[..., -1] if whole else torch.tensor(
                complex("nan") if dt.is_complex else float("nan"), dtype=dt, device=r.device)
            r = torch.where(allnan, _to(fill, r.dtype), r)
        return _to(r, rdt).reshape(kept)
    h = N // 2
    if N % 2:
        r = _to(unwiden_ordered(s.select(-1, h), src), cdt)
    else:
        lo = _to(unwiden_ordered(s.select(-1, h - 1), src), cdt)
        hi = _to(unwiden_ordered(s.select(-1, h), src), cdt)
        r = (lo + hi) / 2
    if inexact:
        last = s.select(-1, -1)  # NaN propagates: NumPy returns the NaN (the largest value) itself
        r = torch.where(torch.isnan(last), _to(last, r.dtype), r)
    return _to(r, rdt).reshape(kept)


def _median(a, axis, nan):
    axes = axes_of(axis, a.ndim)
    if axis is None:
        flat, kept = a.reshape(-1), ()
    else:
        flat, kept = move_to_last(a, axes)
    rdt, cdt = _median_compute_dtype(a.dtype)
    n_all = flat.shape[-1]
    if flat.numel() == 0 or n_all == 0:
        if n_all == 0:
            warn_runtime("Mean of empty slice." if not nan else "All-NaN slice encountered")
        return torch.full(kept, float("nan"), dtype=rdt, device=a.device)
    if a.dtype.is_floating_point and not nan and n_all <= _SORT_MEDIAN_MAX:
        # torch.median gives the lower median (and NaN if any); the upper one is the
        # negated lower median of -x. Tiny 0-d ops dominate here, and this needs fewest
        if kept:
            lower = torch.median(flat, dim=-1).values
        else:
            lower = torch.median(flat)
        if n_all % 2:
            return _to(lower, rdt)
        neg_upper = torch.median(-flat, dim=-1).values if kept else torch.median(-flat)
        # (lower + upper) / 2 exactly as NumPy's mean of the two (negation and halving are exact)
        r = (_to(lower, cdt) - _to(neg_upper, cdt)) * 0.5
        return _to(r, rdt)
    if n_all <= _SORT_MEDIAN_MAX or a.dtype.is_complex:
        return _median_by_sort(flat, kept, rdt, cdt, nan, axis is None or a.ndim == 1)
    x = widen_ordered(flat)
    if x.dtype == torch.bool:
        x = x.to(torch.uint8)
    src = a.dtype if a.dtype != torch.bool else torch.uint8
    if nan and is_inexact(a.dtype):
        isn = torch.isnan(x)
        n = (~isn).sum(-1)
        lower = torch.nanmedian(x, dim=-1).values
        allnan = n == 0
        if bool(allnan.any()):
            warn_runtime("All-NaN slice encountered")
    else:
        n = n_all
        lower = torch.median(x) if not kept else torch.median(x, dim=-1).values
        if n_all % 2 == 1:
            # odd length: the median is the middle value itself (no averaging pass)
            return _to(_to(unwiden_ordered(lower, src), cdt), rdt).reshape(kept)
    # upper median: equal to lower when enough values are <= lower, else the next larger value
    gt = x > lower.unsqueeze(-1)
    le = x.shape[-1] - gt.sum(-1) if not (nan and is_inexact(a.dtype)) else (~gt & ~isn).sum(-1)
    nxt = torch.where(gt, x, _max_value(x.dtype, x.device)).amin(-1)
    upper = torch.where(le >= n // 2 + 1, lower, nxt)
    lo = _to(unwiden_ordered(lower, src), cdt)
    hi = _to(unwiden_ordered(upper, src), cdt)
    r = (lo + hi) / 2
    if is_inexact(a.dtype):
        # NaN propagates (torch.median already gives NaN; keep it exact) and all-NaN gives NaN
        if nan:
            r = torch.where(allnan, torch.tensor(float("nan"), dtype=r.dtype, device=r.device), r)
            r = torch.where(n % 2 == 1, _to(lo, r.dtype), r)  # odd count: the middle value itself
        else:
            r = torch.where(torch.isnan(lower), _to(lower, r.dtype), r)
    return _to(r, rdt).reshape(kept)


def _max_value(dt, device):
    if dt.is_floating_point:
        return torch.tensor(float("inf"), dtype=dt, device=device)
    return torch.tensor(torch.iinfo(dt).max, dtype=dt, device=device)


def median(a: ArrayLike, axis: AxisLike = None, out: OutArray = None, overwrite_input=False,
           keepdims: KeepDims = False) -> ArrayOrScalar:
    """Median along the given axes. Mirrors ``numpy.median`` (complex: lexicographic order)."""
    return _median(a, axis, False)


def nanmedian(a: ArrayLike, axis: AxisLike = None, out: OutArray = None, overwrite_input=False,
              keepdims: KeepDims = _NoValue) -> ArrayOrScalar:
    """Median ignoring NaNs. Mirrors ``numpy.nanmedian`` (complex: lexicographic order)."""
    return _median(a, axis, is_inexact(a.dtype))


# --- quantiles -------------------------------------------------------------------
def _q_tensor(q, scale, device):
    """q as a tensor (divided by ``scale``) and whether it was a Python scalar (weak)."""
    weak = type(q) in (builtins.int, builtins.float)
    if isinstance(q, torch.Tensor):
        qt = q
    elif type(q) is builtins.bool:
        qt = torch.tensor(q)
    elif weak:
        qt = torch.tensor(q, dtype=torch.int64 if type(q) is builtins.int else torch.float64)
    else:
        raise TypeError(f"q must be a real number or array, not {type(q).__name__}")
    if qt.is_complex():
        raise TypeError("q must be real")
    if scale != 1:
        if not qt.dtype.is_floating_point:
            qt = qt.to(torch.float64)
        qt = qt / scale
    return qt.to(device), weak


def _check_q(qt, what):
    # no comparison kernels for wide unsigned dtypes; a uint64 above 2**63 reads as
    # negative in int64, which is out of range either way
    if qt.dtype == torch.uint64:
        qt = qt.view(torch.int64)
    elif qt.dtype in (torch.uint16, torch.uint32):
        qt = qt.to(torch.int64)
    if qt.numel():
        check_data(((qt >= 0) & (qt <= 1)).all(), ValueError, what)


def _weights_valid(w, a, axes, axis):
    if tuple(w.shape) != tuple(a.shape):
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        if w.ndim != len(axes) or tuple(w.shape) != tuple(a.shape[ax] for ax in axes):
            raise ValueError("Shape of weights must be consistent with shape of a along specified axis.")
        shape = [1] * a.ndim
        for ax in axes:
            shape[ax] = a.shape[ax]
        order = sorted(range(len(axes)), key=lambda i: axes[i])
        w = (w.permute(*order) if w.ndim > 1 else w).reshape(shape).expand(a.shape)
    if bool((w < 0).any()):
        raise ValueError("Weights must be non-negative.")
    return w


def _virtual_index(method, n, q):
    """(index tensor, integer?) as NumPy's ``_QuantileMethods[method]['get_virtual_index']``."""
    if method == "linear":
        return (n - 1) * q
    if method == "lower":
        return torch.floor((n - 1) * q).to(torch.int64)
    if method == "higher":
        return torch.ceil((n - 1) * q).to(torch.int64)
    if method == "nearest":
        return torch.round((n - 1) * q).to(torch.int64)
    if method == "midpoint":
        v = (n - 1) * q
        if not v.dtype.is_floating_point:
            v = v.to(torch.float64)  # NumPy's 0.5 * (integers) is float64, torch's float32
        return 0.5 * (torch.floor(v) + torch.ceil(v))
    if method in ("inverted_cdf", "closest_observation"):
        idx = n * q - 1 if method == "inverted_cdf" else n * q - 1 - 0.5
        prev = torch.floor(idx)
        gamma = idx - prev
        cond = gamma == 0
        if method == "closest_observation":
            cond = cond & (prev % 2 == 1)
        res = torch.where(cond, prev, prev + 1).to(torch.int64)
        return torch.clamp(res, min=0)
    if method == "averaged_inverted_cdf":
        return n * q - 1
    alpha, beta = _ALPHA_BETA[method]
    if method in _INT_ALPHA_BETA:
        alpha, beta = int(alpha), int(beta)
    elif not q.dtype.is_floating_point:
        q = q.to(torch.float64)  # NumPy's float alpha gives float64, not torch's float32
    return n * q + (alpha + q * (1 - alpha - beta)) - 1


_UNSIGNED = (torch.uint8, torch.uint16, torch.uint32, torch.uint64)


def _check_unsigned_q(method, q_dt, qf, n, inexact):
    """The errors NumPy's quantile raises for an unsigned integer q array.

    The virtual index keeps q's unsigned dtype there, so: the interpolating methods
    mark out-of-bounds indexes with -1 in it (OverflowError; q = 0 wraps and q = 1
    is the last index, so any q hits this); 'linear' partitions an inexact array at
    uint64 indexes (TypeError); 'inverted_cdf' and 'closest_observation' at q = 0 take index
    ``n * 0 - 1``, which wraps to the dtype's maximum (ValueError) below uint64.
    """
    if not qf.numel():
        return
    if method in _INTEGER_GAMMA:
        raise OverflowError(f"Python integer -1 out of bounds for {_BY_TORCH[q_dt].name}")
    if method == "linear" and q_dt == torch.uint64 and inexact:
        raise TypeError("Partition index must be integer")
    if method in ("inverted_cdf", "closest_observation") and q_dt != torch.uint64 \
            and bool((qf == 0).any()):
        raise ValueError(f"kth(={torch.iinfo(q_dt).max}) out of bounds ({n})")


def _fix_gamma(method, gamma, v):
    if method == "averaged_inverted_cdf":
        return torch.where(gamma == 0, torch.full_like(gamma, 0.5), torch.ones_like(gamma))
    if method == "midpoint":
        return torch.where(v % 1 == 0, torch.zeros_like(gamma), torch.full_like(gamma, 0.5))
    return gamma


def _quantile(a, qt, weak, axis, method, weights, nan, keepdims):
    if method not in _METHODS:
        raise ValueError(f"{method!r} is not a valid method. Use one of: {_METHODS}")
    if a.dtype.is_complex:
        raise TypeError("a must be an array of real numbers")
    if qt.ndim > 2:
        raise ValueError("q must be a scalar or 1d")
    axes = axes_of(axis, a.ndim)
    nan = nan and is_inexact(a.dtype)
    flat, kept = move_to_last(a, axes)
    N = flat.shape[-1]
    qf = qt.reshape(-1)
    Qn = qf.numel()
    out_shape = tuple(qt.shape) + kept
    if N == 0:
        if nan:
            warn_runtime("All-NaN slice encountered")
            r = torch.full(out_shape, float("nan"), dtype=mean_dtype(a.dtype), device=a.device)
            return r if not keepdims else r.reshape(tuple(qt.shape) + tuple(1 if i in axes else d for i, d in enumerate(a.shape)))
        if not math.prod(out_shape):
            r = torch.empty(out_shape, dtype=mean_dtype(a.dtype), device=a.device)
            return r if not keepdims else r.reshape(tuple(qt.shape) + tuple(
                1 if i in axes else d for i, d in enumerate(a.shape)))
        raise IndexError("index 0 is out of bounds for axis 0 with size 0")
    src_dt = a.dtype if a.dtype != torch.bool else torch.uint8
    x = widen_ordered(flat if a.dtype != torch.bool else flat.to(torch.uint8))
    full = kept + (Qn,)
    w = None
    if weights is not None:
        if method != "inverted_cdf":
            raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
        w = move_to_last(_weights_valid(weights, a, axes, axis), axes)[0]
        order = torch.argsort(x, dim=-1, stable=True)
        s = x.gather(-1, order)
        w = w.gather(-1, order)
    else:
        s = torch.sort(x, dim=-1).values
    if nan:
        isn = torch.isnan(s)
        n = (~isn).sum(-1, keepdim=True)
        allnan = (n == 0).squeeze(-1)
        if bool(allnan.any()):
            warn_runtime("All-NaN slice encountered")
        last = torch.clamp(n - 1, min=0)
    else:
        n = N
        last = N - 1
    if w is not None:
        if nan:
            w = torch.where(isn, torch.zeros((), dtype=w.dtype, device=w.device), w)
        cdf = torch.cumsum(w.to(torch.float64), dim=-1)
        cdf = cdf / cdf[..., -1:]
        if bool(torch.isnan(cdf[..., -1]).any()):
            raise ValueError("Weights included NaN, inf or were all zero.")
        if qf.dtype.is_floating_point:
            cdf = cdf.to(qf.dtype)
        cdf = torch.where(cdf == 0, torch.full_like(cdf, -1), cdf)
        idx = torch.searchsorted(cdf.contiguous(), qf.to(cdf.dtype).expand(full).contiguous(), side="left")
        idx = torch.minimum(idx, torch.as_tensor(last, device=idx.device).expand_as(idx[..., :1]) if nan else
                            torch.tensor(last, device=idx.device))
        r = unwiden_ordered(s.gather(-1, idx), src_dt)
        rdt = r.dtype
    else:
        # NumPy's virtual index of an integer q array has q's dtype (bool q: int64, as
        # n * q with a Python int n gives)
        v_dt = torch.int64 if qf.dtype == torch.bool else qf.dtype
        wide_unsigned = qf.dtype in (torch.uint16, torch.uint32, torch.uint64)
        if wide_unsigned:
            # no arithmetic kernels: compute in int64 (q holds only 0 and 1 here, checked)
            # and mirror the unsigned wraparound below
            qf = qf.to(torch.int64)
        # per-slice counts act like NumPy's weak Python int n: q's dtype wins
        nt = n.to(qf.dtype) if (nan and qf.dtype != torch.bool) else n
        if weak and method in ("averaged_inverted_cdf", *_INT_ALPHA_BETA) and not qf.dtype.is_floating_point:
            qf = qf.to(torch.float64)  # NumPy averages for a Python-int q (not an int array)
        v = _virtual_index(method, nt, qf)
        if not v.dtype.is_floating_point:
            if v_dt in _UNSIGNED:
                _check_unsigned_q(method, v_dt, qf, N, is_inexact(a.dtype))
            # discrete methods (and 'linear' with integer q): take, keeping a's dtype
            idx = torch.minimum(torch.clamp(v, min=0), torch.as_tensor(last, device=v.device))
            r = unwiden_ordered(s.gather(-1, idx.to(torch.int64).expand(full)), src_dt)
            if method in _INTEGER_GAMMA and not weak:
                # NumPy still interpolates, with its gamma cast to the integer index dtype:
                # the value taken, in a's dtype promoted with q's
                if a.dtype == torch.bool:
                    raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use "
                                    "the bitwise_xor, the `^` operator, or the logical_xor function "
                                    "instead.")
                r = r.to(promote_torch(src_dt, v_dt))
            rdt = r.dtype
        else:
            if a.dtype == torch.bool:  # NumPy interpolates with b - a: bool subtract
                raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use "
                                "the bitwise_xor, the `^` operator, or the logical_xor function "
                                "instead.")
            prev = torch.floor(v)
            gamma = _fix_gamma(method, v - prev, v)
            lastf = last if not nan else last.to(v.dtype)
            above = v >= (n - 1 if not nan else (n - 1).to(v.dtype))
            below = v < 0
            pi = torch.where(below, torch.zeros_like(prev), prev)
            ni = torch.where(below, torch.zeros_like(prev), prev + 1)
            pi = torch.where(above, lastf if nan else torch.full_like(prev, last), pi)
            ni = torch.where(above, lastf if nan else torch.full_like(prev, last), ni)
            pi = pi.to(torch.int64).expand(full)
            ni = ni.to(torch.int64).expand(full)
            if weak:
                rdt = a.dtype if a.dtype.is_floating_point else torch.float64
            else:
                rdt = promote_torch(src_dt, gamma.dtype)
                if not rdt.is_floating_point:
                    rdt = torch.float64
            cdt = torch.float32 if rdt == torch.float16 else rdt
            lo = unwiden_ordered(s.gather(-1, pi), src_dt)
            hi = unwiden_ordered(s.gather(-1, ni), src_dt)
            # NumPy's _lerp takes b - a in a's dtype (floats), then promotes with gamma
            diff = (hi - lo).to(cdt) if src_dt.is_floating_point else hi.to(cdt) - lo.to(cdt)
            lo, hi = lo.to(cdt), hi.to(cdt)
            t = gamma.to(cdt).expand(full)
            r = torch.where(t >= 0.5, hi - diff * (1 - t), lo + diff * t).to(rdt)
    if is_inexact(a.dtype):
        if nan:
            bad = allnan
        else:
            bad = torch.isnan(s[..., -1])
        r = torch.where(bad.unsqueeze(-1), torch.tensor(float("nan"), dtype=r.dtype, device=r.device), r)
    if a.dtype == torch.bool:
        r = r.to(torch.bool)  # a taken element keeps a's dtype (bool was ordered as uint8)
    r = r.movedim(-1, 0).reshape(out_shape)
    if keepdims:
        # q's dims come first, so the pipeline's KeepDims cannot be used here
        shape = list(a.shape)
        for ax in axes:
            shape[ax] = 1
        r = r.reshape(tuple(qt.shape) + tuple(shape))
    return r


def _linear_at_scalar(a, q, axis, method, weights, keepdims):
    """The common quantile call (float array, one Python float q, 'linear'), or None.

    The virtual index, its floor and gamma are Python numbers here, so the work is
    one sort, two takes and the interpolation: a handful of kernels instead of the
    general engine's tensor index arithmetic.
    """
    if method != "linear" or weights is not None or keepdims or a.dtype not in _FLOAT_FAST \
            or not 0.0 <= q <= 1.0 or not a.numel():
        return None
    if axis is None:
        flat, kept = a.reshape(-1), ()
    elif type(axis) is int and a.ndim:
        flat, kept = move_to_last(a, axes_of(axis, a.ndim))
    else:
        return None
    s = torch.sort(flat, dim=-1).values  # NaN sorts last
    last = flat.shape[-1] - 1
    v = last * q
    prev = math.floor(v)
    if v >= last:
        r = s.select(-1, last)
    else:
        gamma = v - prev
        lo, hi = s.select(-1, prev), s.select(-1, prev + 1)
        diff = hi - lo
        # NumPy's _lerp: from the nearer end, so gamma 1 gives hi exactly
        r = hi - diff * (1 - gamma) if gamma >= 0.5 else lo + diff * gamma
    top = s.select(-1, -1)
    return torch.where(torch.isnan(top), top, r).reshape(kept)


_FLOAT_FAST = (torch.float32, torch.float64)


def _quantile_entry(a, q, scale, axis, method, weights, ignore_nan, keepdims):
    """Shared front of (nan)percentile / (nan)quantile; ``scale`` is 100 for percentiles."""
    if not ignore_nan and type(q) is builtins.float:
        r = _linear_at_scalar(a, q if scale == 1 else q / scale, axis, method, weights, keepdims)
        if r is not None:
            return r
    if a.dtype.is_complex:
        raise TypeError("a must be an array of real numbers")
    qt, weak = _q_tensor(q, scale, a.device)
    _check_q(qt, "Percentiles must be in the range [0, 100]" if scale == 100
             else "Quantiles must be in the range [0, 1]")
    return _quantile(a, qt, weak, axis, method, weights, ignore_nan, keepdims)


def percentile(a: ArrayLike, q: ArrayLikeOrScalar, axis: AxisLike = None, out: OutArray = None,
               overwrite_input=False, method="linear", keepdims=False, *,
               weights: ArrayLike | None = None) -> ArrayOrScalar:
    """q-th percentile along the given axes (every NumPy 2 method). Mirrors ``numpy.percentile``."""
    return _quantile_entry(a, q, 100, axis, method, weights, False, keepdims)


def quantile(a: ArrayLike, q: ArrayLikeOrScalar, axis: AxisLike = None, out: OutArray = None,
             overwrite_input=False, method="linear", keepdims=False, *,
             weights: ArrayLike | None = None) -> ArrayOrScalar:
    """q-th quantile along the given axes (every NumPy 2 method). Mirrors ``numpy.quantile``."""
    return _quantile_entry(a, q, 1, axis, method, weights, False, keepdims)


def nanpercentile(a: ArrayLike, q: ArrayLikeOrScalar, axis: AxisLike = None, out: OutArray = None,
                  overwrite_input=False, method="linear", keepdims=_NoValue, *,
                  weights: ArrayLike | None = None) -> ArrayOrScalar:
    """Percentile ignoring NaNs. Mirrors ``numpy.nanpercentile``."""
    return _quantile_entry(a, q, 100, axis, method, weights, True, keepdims)


def nanquantile(a: ArrayLike, q: ArrayLikeOrScalar, axis: AxisLike = None, out: OutArray = None,
                overwrite_input=False, method="linear", keepdims=_NoValue, *,
                weights: ArrayLike | None = None) -> ArrayOrScalar:
    """Quantile ignoring NaNs. Mirrors ``numpy.nanquantile``."""
    return _quantile_entry(a, q, 1, axis, method, weights, True, keepdims)
