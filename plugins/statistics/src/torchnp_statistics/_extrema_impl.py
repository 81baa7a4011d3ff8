"""Extrema finding: max/min (amax/amin), their NaN-ignoring forms and ptp.

Torch-only. torch.amax has no uint16/32/64 kernels; those are compared in an
order-preserving int64 image (see ``_common.widen_ordered``). Complex values are
ordered lexicographically (real part, then imaginary part), as NumPy does.
"""
from __future__ import annotations

import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, AxisLike, KeepDims, OutArray

from ._common import (_NoValue, axes_of, is_inexact, kind, move_to_last, scalar_as,
                      unwiden_ordered, warn_runtime, where_tensor, widen_ordered)

__all__ = ["max", "min", "amax", "amin", "nanmax", "nanmin", "ptp"]


def _complex_extreme(x, axes, is_max):
    """Lexicographic max/min of complex ``x`` over ``axes`` (NaN propagates)."""
    flat, kept = move_to_last(x, axes)
    re, im = flat.real, flat.imag
    best_re = re.amax(-1, keepdim=True) if is_max else re.amin(-1, keepdim=True)
    cand = re == best_re
    fill = torch.tensor(float("-inf") if is_max else float("inf"), dtype=im.dtype, device=im.device)
    im_c = torch.where(cand, im, fill)
    best_im = im_c.amax(-1, keepdim=True) if is_max else im_c.amin(-1, keepdim=True)
    isn = torch.isnan(flat)
    r = torch.complex(best_re, best_im)
    # NumPy's maximum.reduce keeps the first NaN it meets: that element itself
    first = flat.gather(-1, isn.to(torch.uint8).argmax(-1, keepdim=True))
    r = torch.where(isn.any(-1, keepdim=True), first, r)
    return r.reshape(kept)


def _complex_pick(r, other, is_max):
    """Elementwise lexicographic maximum/minimum of complex ``r`` and ``other``.

    NaN (in either part) propagates, ``other``'s first: NumPy's ``maximum.reduce``
    starting from ``initial`` keeps the first NaN it meets.
    """
    rr, ri, orr, oi = r.real, r.imag, other.real, other.imag
    if is_max:
        take_r = (rr > orr) | ((rr == orr) & (ri > oi))
    else:
        take_r = (rr < orr) | ((rr == orr) & (ri < oi))
    res = torch.where(take_r, r, other)
    res = torch.where(torch.isnan(r), r, res)
    return torch.where(torch.isnan(other), other, res)


def _complex_minmax(a, axes, initial, mask, is_max):
    """max/min of complex input (lexicographic order), with ``initial=`` and ``where=``."""
    init = None
    if initial is not _NoValue:
        init = scalar_as(initial, a.dtype, a.device)
        if mask is not None:
            a = torch.where(mask, a, init)  # masked-out elements are the initial value
        if any(a.shape[ax] == 0 for ax in axes):
            shape = [s for i, s in enumerate(a.shape) if i not in axes]
            return init.expand(shape).clone()
    r = _complex_extreme(a, axes, is_max) if axes else a.clone()
    if init is not None:
        r = _complex_pick(r, init.expand(r.shape), is_max)
    return r


# dtypes torch.amax/amin reduce as NumPy does (no widening, no complex order)
_ORDERED_NATIVE = frozenset({torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8,
                             torch.float16, torch.float32, torch.float64})


def _minmax(a, axis, initial, where, is_max, name):
    if initial is None:
        initial = _NoValue  # NumPy: initial=None is no initial
    if axis is None and initial is _NoValue and where is _NoValue and a.dtype in _ORDERED_NATIVE \
            and a.numel():
        return torch.amax(a) if is_max else torch.amin(a)  # the common call: one kernel
    axes = axes_of(axis, a.ndim, lenient=True)
    opname = "maximum" if is_max else "minimum"
    mask = where_tensor(where, a.shape, a.device)
    if initial is _NoValue:
        if mask is not None:
            raise ValueError(f"reduction operation '{opname}' does not have an identity, so to use a "
                             "where mask one has to specify 'initial'")
        if any(a.shape[ax] == 0 for ax in axes) or (axis is None and a.numel() == 0):
            raise ValueError(f"zero-size array to reduction operation {opname} which has no identity")
    dt = a.dtype
    if dt.is_complex:
        return _complex_minmax(a, axes, initial, mask, is_max)
    x = widen_ordered(a)
    if mask is not None or initial is not _NoValue:
        init = scalar_as(initial, dt, a.device)
        init = widen_ordered(init.reshape(1)).reshape(())
        if mask is not None:
            x = torch.where(mask, x, init)
        # an empty reduced axis gives 'initial' (the identity of this reduction)
        if any(x.shape[ax] == 0 for ax in axes):
            shape = [s for i, s in enumerate(x.shape) if i not in axes]
            r = init.expand(shape).clone()
            return unwiden_ordered(r, dt)
    if not axes:
        r = x.clone() if x is a else x
    elif x.dtype == torch.bool:
        r = x.any(dim=axes) if is_max else x.all(dim=axes)
    else:
        r = x.amax(dim=axes) if is_max else x.amin(dim=axes)
    if initial is not _NoValue:
        if is_inexact(dt):
            # NumPy's maximum propagates NaN from either side
            r = torch.maximum(r, init) if is_max else torch.minimum(r, init)
        elif dt == torch.bool:
            r = (r | init) if is_max else (r & init)
        else:
            r = torch.maximum(r, init) if is_max else torch.minimum(r, init)
    return unwiden_ordered(r, dt)


def _nanminmax(a, axis, initial, where, is_max, name):
    if not is_inexact(a.dtype):
        return _minmax(a, axis, initial, where, is_max, name)
    axes = axes_of(axis, a.ndim, lenient=True)
    nan = torch.isnan(a)  # complex: NaN in either part
    fill = float("-inf") if is_max else float("inf")
    if a.dtype.is_complex:
        fill = complex(fill, fill)  # below (above) every value in lexicographic order
    x = torch.where(nan, torch.tensor(fill, dtype=a.dtype, device=a.device), a)
    init_nan = initial is not _NoValue and _is_nan_scalar(initial)
    if init_nan:
        # NumPy reduces with fmax/fmin, which skip a NaN start value: the fill (below
        # every value) acts alike, and slices left with nothing give NaN below
        initial = fill
    r = _minmax(x, axis, initial, where, is_max, name)
    # slices with no non-NaN value (inside where=) give NaN and a warning, as in NumPy
    mask = where_tensor(where, a.shape, a.device)
    valid = ~nan if mask is None else (~nan & mask)
    if axes:
        allnan = ~valid.any(dim=axes)
    else:
        allnan = ~valid
    if initial is not _NoValue and not init_nan:
        return r
    if bool(allnan.any()):
        warn_runtime("All-NaN slice encountered")
        if init_nan:
            first = torch.tensor(_nan_of(r.dtype), dtype=r.dtype, device=r.device)
        elif a.dtype.is_complex and axes:
            # NumPy's fmax.reduce keeps the first of two NaNs: an all-NaN slice gives its first element
            first = move_to_last(a, axes)[0][..., 0]
        elif a.dtype.is_complex:
            first = a
        else:
            first = torch.tensor(float("nan"), dtype=r.dtype, device=r.device)
        r = torch.where(allnan, first, r)
    return r


def _is_nan_scalar(v):
    try:
        c = complex(v)
    except (TypeError, ValueError):
        return False
    return c != c


def _nan_of(dt):
    return complex("nan") if dt.is_complex else float("nan")


def _extremum(reduce, is_max, name, doc):
    """One public max/min flavour: ``reduce`` (``_minmax`` or ``_nanminmax``) in one direction."""
    def extremum(a: ArrayLike, axis: AxisLike = None, out: OutArray = None,
                 keepdims: KeepDims = _NoValue, initial=_NoValue,
                 where=_NoValue) -> ArrayOrScalar:
        return reduce(a, axis, initial, where, is_max, name)
    extremum.__name__ = extremum.__qualname__ = name
    extremum.__doc__ = doc
    return extremum


max = _extremum(_minmax, True, "max",
                "Maximum along the given axes (NaN propagates). Mirrors ``numpy.max``.")
min = _extremum(_minmax, False, "min",
                "Minimum along the given axes (NaN propagates). Mirrors ``numpy.min``.")
amax = _extremum(_minmax, True, "amax",
                 "Alias of ``max``. Mirrors ``numpy.amax``.")
amin = _extremum(_minmax, False, "amin",
                 "Alias of ``min``. Mirrors ``numpy.amin``.")
nanmax = _extremum(_nanminmax, True, "nanmax",
                   "Maximum ignoring NaNs. Mirrors ``numpy.nanmax``.")
nanmin = _extremum(_nanminmax, False, "nanmin",
                   "Minimum ignoring NaNs. Mirrors ``numpy.nanmin``.")


def ptp(a: ArrayLike, axis: AxisLike = None, out: OutArray = None,
        keepdims: KeepDims = _NoValue) -> ArrayOrScalar:
    """Range (max - min) along the given axes. Mirrors ``numpy.ptp``."""
    hi = _minmax(a, axis, _NoValue, _NoValue, True, "ptp")  # axis / empty errors first
    lo = _minmax(a, axis, _NoValue, _NoValue, False, "ptp")
    if a.dtype == torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    if kind(a.dtype) == "u" and a.dtype != torch.uint8:
        wide = torch.int64
        return (hi.view(wide) - lo.view(wide)).view(a.dtype) if a.dtype == torch.uint64 else \
            (hi.to(wide) - lo.to(wide)).to(a.dtype)
    return hi - lo
