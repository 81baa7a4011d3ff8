"""Averages and variances: mean, average, std, var and their NaN-ignoring forms.

Torch-only. Integers and bool average in float64; float16 accumulates in
float32 and returns float16 (as NumPy does); complex var/std return real.
Empty slices give NaN with NumPy's RuntimeWarnings.
"""
from __future__ import annotations

import torch

from torchnp._dtypes import _BY_TORCH, promote_torch, result_type_torch
from torchnp._normalize import ArrayLike, ArrayOrScalar, AxisLike, DTypeLike, KeepDims, OutArray, as_tensor
from torchnp._normalize import check_data
from torchnp.exceptions import UFuncTypeError, normalize_axis_index

from ._common import (_NoValue, axes_of, from_compute, is_inexact, kind, mean_dtype,
                      reduced_count, to_compute, warn_runtime, where_tensor)

__all__ = ["mean", "average", "std", "var", "nanmean", "nanstd", "nanvar"]


def _acc_dtype(dt):
    """The dtype arithmetic runs in for result dtype ``dt`` (float16 -> float32)."""
    if dt == torch.float16:
        return torch.float32
    if dt == torch.complex32:
        return torch.complex64
    return dt


def _keep_dims(t, axes):
    """Reduced tensor ``t`` with ``axes`` reinserted as length-1 dims."""
    for ax in sorted(axes):
        t = t.unsqueeze(ax)
    return t


def _count(shape, axes, mask, device):
    """Number of elements per output slice: an int, or a tensor when ``mask`` varies."""
    if mask is None:
        return reduced_count(shape, axes)
    return mask.sum(dim=axes) if axes else mask.to(torch.int64)


def _red_sum(x, axes):
    if not axes:
        return x
    if len(axes) == x.ndim:
        return x.sum()
    return x.sum(dim=axes)


def _any_zero(n):
    if isinstance(n, int):
        return n == 0
    return bool((n == 0).any())


def _mean(a, axis, dtype, where, name="mean"):
    axes = axes_of(axis, a.ndim, lenient=name.startswith("nan"))
    rdt = dtype if dtype is not None else mean_dtype(a.dtype)
    cdt = _acc_dtype(rdt) if is_inexact(rdt) else torch.float64
    if not is_inexact(rdt):
        # an integer dtype= sums in that dtype (modular), then divides in float64, as NumPy does
        from ._sumprod_impl import _reduce
        s = _reduce(a, axes, rdt, _NoValue, where, False)
        n = _count(a.shape, axes, where_tensor(where, a.shape, a.device), a.device)
        return (s.to(torch.float64) / n).to(rdt)
    x = a.to(cdt)
    mask = where_tensor(where, a.shape, a.device)
    n = _count(a.shape, axes, mask, a.device)
    if _any_zero(n):
        warn_runtime("Mean of empty slice.")
    if mask is None and axes and x.numel():
        r = x.mean(dim=axes) if len(axes) < x.ndim else x.mean()
    else:
        if mask is not None:
            x = torch.where(mask, x, torch.zeros((), dtype=cdt, device=x.device))
        r = _red_sum(x, axes) / n
    return r.to(rdt)


def mean(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
         keepdims: KeepDims = _NoValue, *, where=_NoValue) -> ArrayOrScalar:
    """Arithmetic mean along the given axes. Mirrors ``numpy.mean``."""
    if dtype is None and where is _NoValue and a.numel():
        # the common call: one kernel, no no-op casts (empty input warns in _mean)
        dt = a.dtype
        if dt not in _MEAN_NATIVE:
            if dt not in _MEAN_VIA_F64:
                return _mean(a, axis, dtype, where)
            a = a.to(torch.float64)  # NumPy averages integers and bool in float64
        if axis is None:
            return a.mean()
        nd = a.ndim
        if type(axis) is int and nd:
            if not -nd <= axis < nd:
                normalize_axis_index(axis, nd)  # raises NumPy's AxisError
            return a.mean(axis)
    return _mean(a, axis, dtype, where)


_MEAN_NATIVE = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
_MEAN_VIA_F64 = frozenset({torch.bool, torch.int8, torch.int16, torch.int32, torch.int64,
                           torch.uint8})


def _ddof(ddof, correction):
    if correction is not _NoValue:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        return correction
    return ddof


def _sum_as(x, axes, sdt, mask):
    """``umr_sum(x, axes, dtype=sdt, where=mask)`` (``sdt`` None: x's own accumulator)."""
    from ._sumprod_impl import _reduce
    if sdt is None:
        sdt = x.dtype if is_inexact(x.dtype) else None
    return _reduce(x, axes, sdt, _NoValue, _NoValue if mask is None else mask, False)


def _divide_into(s, n):
    """NumPy's ``true_divide(s, n, out=s, casting='unsafe')``: the quotient in s's dtype."""
    if is_inexact(s.dtype):
        if isinstance(n, torch.Tensor):
            n = n.to(s.real.dtype if s.is_complex() else s.dtype)
        return s / n
    q = s.to(torch.float64) / (n.to(torch.float64) if isinstance(n, torch.Tensor) else n)
    return q.to(s.dtype)


def _var(a, axis, dtype, ddof, where, mean_, nan=False):
    """NumPy's ``_var``: mean in ``dtype``, squared deviations, their sum in ``dtype``, divided
    by ``n - ddof``; integer ``dtype=`` truncates the mean and wraps the squares as NumPy's
    loops do; a complex ``dtype=`` gives a complex result."""
    if nan and is_inexact(a.dtype):
        return _nanvar(a, axis, dtype, ddof, where, mean_)
    axes = axes_of(axis, a.ndim, lenient=nan)
    mask = where_tensor(where, a.shape, a.device)
    n = _count(a.shape, axes, mask, a.device)
    sdt = dtype if dtype is not None else (torch.float64 if kind(a.dtype) in "biu" else None)
    if mean_ is not _NoValue:
        m = _mean_arg(mean_, a)
    else:
        m = _keep_dims(_divide_into(_sum_as(a, axes, sdt, mask),
                                    n if isinstance(n, int) else n), axes)
    # a Python scalar mean= is weak (NEP 50): the deviations stay in a's dtype
    xdt = result_type_torch(a.dtype, mean_) if type(mean_) in (int, float, complex) \
        else promote_torch(a.dtype, m.dtype)
    x = to_compute(a, xdt) - to_compute(m, xdt)
    if a.is_complex():
        sq = x.real * x.real + x.imag * x.imag
    elif a.dtype == torch.bool:
        sq = (x * x.conj()).real if x.is_complex() else x * x
    else:
        sq = x * x
    sq = from_compute(sq, xdt if not a.is_complex() else sq.dtype)
    ret = _sum_as(sq, axes, sdt, mask)
    bad = (n - ddof <= 0) if isinstance(n, int) else bool(((n - ddof) <= 0).any())
    if bad:
        warn_runtime("Degrees of freedom <= 0 for slice")
    d = builtins_max(n - ddof, 0) if isinstance(n, int) else torch.clamp(n - ddof, min=0)
    return _divide_into(ret, d)


def _mean_arg(mean_, a):
    """``mean=`` as a tensor that broadcasts against ``a`` (NumPy's errors otherwise)."""
    try:
        m = mean_ if isinstance(mean_, torch.Tensor) else as_tensor(mean_)
    except NotImplementedError:
        raise TypeError(f"unsupported operand type(s) for -: 'float' and "
                        f"'{type(mean_).__name__}'") from None
    try:
        torch.broadcast_shapes(a.shape, m.shape)
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with shapes "
                         f"{tuple(a.shape)} {tuple(m.shape)}") from None
    return m


def _nanvar(a, axis, dtype, ddof, where, mean_):
    """NumPy's ``nanvar`` for inexact input (NaNs replaced by 0 and not counted)."""
    if dtype is not None and not is_inexact(dtype):
        raise TypeError("If a is inexact, then dtype must be inexact")
    axes = axes_of(axis, a.ndim, lenient=True)
    mask = where_tensor(where, a.shape, a.device)
    isnan = torch.isnan(a)
    arr = torch.where(isnan, torch.zeros((), dtype=a.dtype, device=a.device), a)
    valid = ~isnan if mask is None else (~isnan & mask)
    cnt = valid.sum(dim=axes, keepdim=True) if axes else valid.to(torch.int64)
    if mean_ is not _NoValue:
        avg = _mean_arg(mean_, a)
        if type(mean_) in (int, float, complex):
            avg = avg.to(result_type_torch(a.dtype, mean_))
    else:
        avg = _divide_into(_keep_dims(_sum_as(arr, axes, dtype, mask), axes), cnt)
    dev = (arr - avg).to(arr.dtype)  # NumPy subtracts into arr (unsafe)
    dev = torch.where(isnan, torch.zeros((), dtype=dev.dtype, device=dev.device), dev)
    sqr = dev.real * dev.real + dev.imag * dev.imag if dev.is_complex() else dev * dev
    var = _sum_as(sqr, axes, dtype, mask)
    dof = (cnt.reshape(var.shape) if axes else cnt) - ddof
    var = _divide_into(var, dof)
    isbad = dof <= 0
    if bool(isbad.any()):
        warn_runtime("Degrees of freedom <= 0 for slice.")
        var = torch.where(isbad, torch.tensor(float("nan"), dtype=var.dtype, device=var.device),
                          var)
    return var


builtins_max = max


def _sqrt_of(v, keep, name):
    """NumPy's ``sqrt`` of a variance: into the array itself (``same_kind``), or of a
    scalar cast back to its type."""
    if is_inexact(v.dtype):
        return torch.sqrt(v)
    if v.ndim or keep:
        bits = 8 if v.dtype == torch.bool else torch.iinfo(v.dtype).bits
        f = {8: "float16", 16: "float32"}.get(bits, "float64")
        raise UFuncTypeError(f"Cannot cast ufunc 'sqrt' output from dtype('{f}') to "
                             f"dtype('{_BY_TORCH[v.dtype].name}') with casting rule 'same_kind'")
    return torch.sqrt(v.to(torch.float64)).to(v.dtype)


def var(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
        ddof=0, keepdims: KeepDims = _NoValue, *, where=_NoValue, mean=_NoValue,
        correction=_NoValue) -> ArrayOrScalar:
    """Variance along the given axes. Mirrors ``numpy.var``."""
    return _var(a, axis, dtype, _ddof(ddof, correction), where, mean)


def std(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
        ddof=0, keepdims=_NoValue, *, where=_NoValue, mean=_NoValue,
        correction=_NoValue) -> ArrayOrScalar:
    """Standard deviation along the given axes. Mirrors ``numpy.std``."""
    a_ddof = _ddof(ddof, correction)
    axes = axes_of(axis, a.ndim)
    n = reduced_count(a.shape, axes)
    keep = keepdims is not _NoValue and bool(keepdims)
    if (where is _NoValue and mean is _NoValue and n - a_ddof > 0 and axes
            and type(a_ddof) is int and dtype is None and is_inexact(a.dtype)
            and a.dtype != torch.float16):
        # one fused kernel for the common case
        r = torch.std(a, dim=axes, correction=a_ddof, keepdim=keep) if len(axes) < a.ndim \
            else torch.std(a, correction=a_ddof)
    else:
        v = _var(a, axis, dtype, a_ddof, where, mean)
        r = _sqrt_of(v, keep, "std")
    if keep and r.ndim < a.ndim:
        r = _keep_dims(r, axes)
    return r


def nanmean(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
            keepdims: KeepDims = _NoValue, *, where=_NoValue) -> ArrayOrScalar:
    """Mean ignoring NaNs. Mirrors ``numpy.nanmean``."""
    if dtype is not None and not is_inexact(dtype) and is_inexact(a.dtype):
        raise TypeError("If a is inexact, then dtype must be inexact")
    if not is_inexact(a.dtype):
        return _mean(a, axis, dtype, where, "nanmean")
    axes = axes_of(axis, a.ndim, lenient=True)
    rdt = dtype if dtype is not None else a.dtype
    cdt = _acc_dtype(rdt)
    x = a.to(cdt)
    valid = ~torch.isnan(x)
    mask = where_tensor(where, a.shape, a.device)
    if mask is not None:
        valid = valid & mask
    x = torch.where(valid, x, torch.zeros((), dtype=cdt, device=x.device))
    cnt = valid.sum(dim=axes) if axes else valid.to(torch.int64)
    tot = _red_sum(x, axes)
    if bool((cnt == 0).any()):
        warn_runtime("Mean of empty slice")
    real = cdt.to_real() if cdt.is_complex else cdt
    return (tot / cnt.to(real)).to(rdt)


def nanvar(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
           ddof=0, keepdims: KeepDims = _NoValue, *, where=_NoValue, mean=_NoValue,
           correction=_NoValue) -> ArrayOrScalar:
    """Variance ignoring NaNs. Mirrors ``numpy.nanvar``."""
    return _var(a, axis, dtype, _ddof(ddof, correction), where, mean, nan=True)


def nanstd(a: ArrayLike, axis: AxisLike = None, dtype: DTypeLike = None, out: OutArray = None,
           ddof=0, keepdims=_NoValue, *, where=_NoValue, mean=_NoValue,
           correction=_NoValue) -> ArrayOrScalar:
    """Standard deviation ignoring NaNs. Mirrors ``numpy.nanstd``."""
    keep = keepdims is not _NoValue and bool(keepdims)
    v = _var(a, axis, dtype, _ddof(ddof, correction), where, mean, nan=True)
    r = _sqrt_of(v, keep, "nanstd")
    if keep and (axis is None or a.ndim):
        r = _keep_dims(r, axes_of(axis, a.ndim, lenient=True)) if r.ndim < a.ndim else r
    return r


def average(a: ArrayLike, axis: AxisLike = None, weights: ArrayLike | None = None, returned=False, *,
            keepdims: KeepDims = _NoValue) -> ArrayOrScalar:
    """Weighted average along the given axes. Mirrors ``numpy.average``."""
    axes = axes_of(axis, a.ndim)
    if weights is None:
        avg = _mean(a, axis, None, _NoValue)
        if returned:
            n = reduced_count(a.shape, axes)
            scl = torch.full(avg.shape, n, dtype=avg.dtype, device=avg.device)
            return avg, scl
        return avg
    wgt = weights
    if kind(a.dtype) in "biu":
        rdt = result_type_torch(a.dtype, wgt.dtype, torch.float64)
    else:
        rdt = result_type_torch(a.dtype, wgt.dtype)
    if tuple(a.shape) != tuple(wgt.shape):
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        if wgt.shape != tuple(a.shape[ax] for ax in axes):
            raise ValueError("Shape of weights must be consistent with shape of a along specified axis.")
        # broadcast the weights along the non-reduced axes, in the order given by axes
        order = sorted(range(len(axes)), key=lambda i: axes[i])
        wgt = wgt.permute(*order) if wgt.ndim > 1 else wgt
        shape = [1] * a.ndim
        for ax in axes:
            shape[ax] = a.shape[ax]
        wgt = wgt.reshape(shape)
        wgt = wgt.expand(a.shape)
    w = wgt.to(rdt)
    scl = _red_sum(w, axes)
    check_data(~(scl == 0).any(), ZeroDivisionError, "Weights sum to zero, can't be normalized")
    avg = _red_sum(a.to(rdt) * w, axes) / scl
    if returned:
        if scl.shape != avg.shape:
            scl = torch.broadcast_to(scl, avg.shape).clone()
        return avg, scl
    return avg


def mean_into(a, axis, loop_dt, out_dt, where, skip_nan):
    """mean/nanmean as NumPy computes them into an ``out`` of another dtype.

    The sum runs in ``loop_dt``, is cast into ``out_dt``, and the division by the
    count happens there (an integer ``out`` truncates the sum first). Used by
    ``_out_rules``; the result has the reduced shape (no keepdims).
    """
    from ._sumprod_impl import _reduce
    axes = axes_of(axis, a.ndim, lenient=skip_nan)
    mask = where_tensor(where, a.shape, a.device)
    if skip_nan and is_inexact(a.dtype):
        nan = torch.isnan(a)
        a = torch.where(nan, torch.zeros((), dtype=a.dtype, device=a.device), a)
        valid = ~nan if mask is None else ~nan & mask
        n = valid.sum(dim=axes) if axes else valid.to(torch.int64)
    else:
        n = _count(a.shape, axes, mask, a.device)
    s = _reduce(a, axes, loop_dt, _NoValue, where, False)
    if s.is_complex() and not out_dt.is_complex:
        s = s.real if out_dt != torch.bool else s != 0
    s = s.to(out_dt)
    n = torch.as_tensor(n, device=s.device)
    if is_inexact(out_dt):
        return s / n.to(out_dt)
    return (s.to(torch.float64) / n).to(out_dt)
