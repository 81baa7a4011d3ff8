"""Array manipulation, NumPy section "Padding arrays": ``pad``.

Torch in, torch out; imports only torch and torchnp's core helpers.

Design: the axes are padded one after another (so later axes see, and fill the
corners next to, the padding of earlier axes, which is what NumPy's documented
results show). For one axis the result is ``cat([before, core, after])`` where
the two pad blocks come from a mode-specific builder:

* index modes (edge, wrap, reflect, symmetric) turn the pad positions, counted
  relative to the core (``-L .. -1`` and ``n .. n+R-1``), into source indices
  with clamping or modular arithmetic and gather them with one ``index_select``;
  so pads wider than the array need no loop;
* ``reflect_type='odd'`` reflects ``v`` about an edge value ``e`` as ``2e - v``.
  Doing that over and over gives a closed form: with period ``P`` (``2(n-1)``
  for reflect, ``2n`` for symmetric), position ``p = k*P + q`` holds
  ``x[q] + 2kD`` on the rising half of a period and ``2*x[-1] - x[src] + 2kD``
  on the falling half, where ``D = x[-1] - x[0]``;
* constant / linear_ramp / statistic modes build the blocks from values
  broadcast along the axis.

A callable ``mode`` runs user code on ndarrays, so the plugin's publisher
handles it (it uses :func:`_normalize_pad_width` and the 'constant' mode here).
"""
from __future__ import annotations

__all__ = ["pad"]

import operator
import warnings

import torch

from torchnp._normalize import ArrayLike, as_tensor
from torchnp.exceptions import normalize_axis_index

from ._util import bits, unbits

# keyword arguments each string mode accepts
_MODE_KWARGS = {
    "constant": ("constant_values",),
    "edge": (),
    "linear_ramp": ("end_values",),
    "maximum": ("stat_length",),
    "mean": ("stat_length",),
    "median": ("stat_length",),
    "minimum": ("stat_length",),
    "reflect": ("reflect_type",),
    "symmetric": ("reflect_type",),
    "wrap": (),
    "empty": (),
}

_INTEGER = (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
            torch.uint16, torch.uint32, torch.uint64)


# --- per-axis (before, after) pairs -------------------------------------------
def _broadcast_pairs(t, ndim):
    """A tensor of pad parameters -> shape (ndim, 2), following numpy.pad's docs:
    one value for everything, one (before, after) pair for every axis, or one
    pair per axis."""
    if t.numel() == 1:
        return t.reshape(1, 1).expand(ndim, 2)
    if t.numel() == 2 and tuple(t.shape) != (2, 1):
        return t.reshape(1, 2).expand(ndim, 2)
    try:
        return t.expand(ndim, 2) if t.ndim <= 2 else t.reshape(())  # reshape raises
    except RuntimeError:
        shape = ",".join(str(s) for s in t.shape) + ("," if t.ndim == 1 else "")
        raise ValueError("operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: ({shape})  and requested shape ({ndim},2)") from None


def _python_pairs(value):
    """``value`` as a tuple of (before, after) tuples when it is ``(n,)``, ``(b, a)`` or
    ``((b, a), ...)`` of Python ints, else None."""
    if type(value) not in (tuple, list) or not value:
        return None
    if all(type(v) is int for v in value) and len(value) in (1, 2):
        return ((value[0], value[-1]),)
    if all(type(v) in (tuple, list) and len(v) == 2 and all(type(x) is int for x in v)
           for v in value):
        return tuple(tuple(v) for v in value)
    return None


def _index_pairs(value, ndim, what):
    """Non-negative integer pairs (Python ints), one (before, after) per axis."""
    if type(value) is int:
        if value < 0:
            raise ValueError("index can't contain negative values")
        return ((value, value),) * ndim
    py = _python_pairs(value)
    if py is not None:  # Python ints: no tensor (nothing for a trace to sync on)
        if any(v < 0 for pair in py for v in pair):
            raise ValueError("index can't contain negative values")
        if len(py) == 1:
            return py * ndim
        if len(py) == ndim:
            return py
    t = as_tensor(value)
    if t.is_floating_point() or t.is_complex():
        if what == "pad_width":
            raise TypeError("`pad_width` must be of integral type.")
        t = torch.round(t.real if t.is_complex() else t)  # stat_length is rounded
    elif t.dtype == torch.bool or (t.dtype == torch.uint64 and what == "pad_width"):
        raise TypeError(f"`{what}` must be of integral type.")
    t = t.to(torch.int64)
    if t.numel() and bool((t < 0).any()):
        raise ValueError("index can't contain negative values")
    return tuple(tuple(row) for row in _broadcast_pairs(t, ndim).tolist())


def _normalize_pad_width(pad_width, ndim):
    """``pad_width`` (int, pairs, array or ``{axis: width}``) -> ((before, after), ...)."""
    if isinstance(pad_width, dict):
        pairs = [(0, 0)] * ndim
        for axis, width in pad_width.items():
            ax = normalize_axis_index(operator.index(axis), ndim)
            w = _index_pairs(width, 1, "pad_width")
            if as_tensor(width).numel() > 2:
                raise ValueError(f"pad_width[{axis}] must be an int or a (before, after) pair, "
                                 f"got {width!r}")
            pairs[ax] = w[0]
        return tuple(pairs)
    return _index_pairs(pad_width, ndim, "pad_width")


def _value_pairs(value, ndim, dtype, device, what):
    """Per-axis (before, after) values as 0-d tensors cast to ``dtype``."""
    if value is None:
        raise TypeError(f"numpy.pad: {what}=None is not a number")
    t = as_tensor(value).to(device)
    if dtype in _INTEGER and (t.is_floating_point() or t.is_complex()):
        real = t.real if t.is_complex() else t
        if t.numel() and not bool(torch.isfinite(real).all()):
            if bool(torch.isnan(real).any()):
                raise ValueError("cannot convert float NaN to integer")
            raise OverflowError("cannot convert float infinity to integer")
    return _broadcast_pairs(t, ndim)


def _cast(t, dtype):
    """Cast with NumPy's unsafe assignment rules (complex drops the imaginary part,
    integers wrap around)."""
    if t.dtype == dtype:
        return t
    if t.is_complex() and not dtype.is_complex:
        t = t.real
    if dtype in (torch.uint16, torch.uint32, torch.uint64) and t.dtype != dtype:
        # wrap through the same-size signed type: torch has few kernels for these
        signed = bits(torch.empty(0, dtype=dtype)).dtype
        if t.is_floating_point():
            t = t.to(torch.int64)
        return t.to(signed).view(dtype)
    return t.to(dtype)


def _compute_dtype(dtype):
    """The dtype arithmetic on ``dtype`` data is done in."""
    if dtype.is_complex:
        return torch.complex128
    if dtype.is_floating_point:
        return torch.float64
    return torch.int64


def _as_compute(t):
    if t.dtype in (torch.uint16, torch.uint32):  # widen by value (their bits read as signed would wrap)
        return t.to(torch.int64)
    t = bits(t)  # uint64 stays as its int64 bits; callers add 2**64 where they need the value
    if t.dtype == torch.bool or t.dtype in _INTEGER:
        return t.to(torch.int64)
    return t.to(_compute_dtype(t.dtype))


def _shape_with(t, axis, size):
    shape = list(t.shape)
    shape[axis] = size
    return shape


def _along(vec, axis, ndim):
    """A 1-d tensor shaped to broadcast along ``axis`` of an ``ndim``-d tensor."""
    shape = [1] * ndim
    shape[axis] = vec.shape[0]
    return vec.reshape(shape)


# --- block builders: each returns (before, after) for one axis ------------------
def _gather(x, axis, idx):
    # advanced indexing, not index_select: on a strided slab index_select along a
    # non-leading axis is ~100x slower in torch's CPU kernel
    return unbits(bits(x)[(slice(None),) * axis + (idx,)], x.dtype)


def _positions(x, axis, before, after):
    n = x.shape[axis]
    dev = x.device
    return (torch.arange(-before, 0, device=dev), torch.arange(n, n + after, device=dev))


def _edge(x, axis, before, after, **_):
    n = x.shape[axis]
    return tuple(_gather(x, axis, p.clamp(0, n - 1)) for p in _positions(x, axis, before, after))


def _wrap(x, axis, before, after, **_):
    n = x.shape[axis]
    return tuple(_gather(x, axis, torch.remainder(p, n)) for p in _positions(x, axis, before, after))


def _mirror(x, axis, before, after, reflect_type, include_edge):
    """reflect (``include_edge=False``) and symmetric (``True``), even or odd."""
    n = x.shape[axis]
    if n == 1:  # no room to reflect: NumPy repeats the single value
        return _edge(x, axis, before, after)
    if reflect_type == "odd" and x.dtype == torch.bool:
        return _stepwise_odd_mirror(x, axis, before, after, include_edge)
    period = 2 * n if include_edge else 2 * (n - 1)
    blocks = []
    for p in _positions(x, axis, before, after):
        turns = torch.div(p, period, rounding_mode="floor")
        q = p - turns * period
        falling = q >= n
        mirrored = (period - 1 - q) if include_edge else (period - q)
        src = torch.where(falling, mirrored, q)
        block = _gather(x, axis, src)
        if reflect_type == "odd" and p.numel():
            first = _as_compute(x.narrow(axis, 0, 1))
            last = _as_compute(x.narrow(axis, n - 1, 1))
            ndim = x.ndim
            k = _along(turns, axis, ndim).to(first.dtype)
            fall = _along(falling, axis, ndim)
            vals = _as_compute(block)
            vals = torch.where(fall, 2 * last - vals, vals) + 2 * k * (last - first)
            block = _cast(vals, x.dtype)
        blocks.append(block)
    return tuple(blocks)


def _odd_step(edge, values):
    if values.dtype == torch.bool:
        return values | edge
    return 2 * edge - values


def _stepwise_odd_mirror(x, axis, before, after, include_edge):
    """Odd reflection of booleans, one reflection at a time.

    ``2e - v`` cast back to bool is ``e or v``, which is not affine, so the closed
    form does not apply; NumPy's results match growing the array one original span
    at a time, alternating before/after, each new span mirroring the current
    outermost values about the current edge. The loop runs once per span, not per
    element. (Numeric dtypes use the closed form; for float16 that can differ from
    NumPy's step-by-step rounding by an ulp or two on pads wider than the array.)"""
    n = x.shape[axis]
    span = n if include_edge else n - 1
    shift = 0 if include_edge else 1
    cur, left, right = x, before, after
    while left or right:
        if left:
            c = min(left, span)
            edge = cur.narrow(axis, 0, 1)
            new = _odd_step(edge, cur.narrow(axis, shift, c)).flip(axis)
            cur, left = torch.cat([new, cur], dim=axis), left - c
        if right:
            c = min(right, span)
            m = cur.shape[axis]
            edge = cur.narrow(axis, m - 1, 1)
            new = _odd_step(edge, cur.narrow(axis, m - c - shift, c)).flip(axis)
            cur, right = torch.cat([cur, new], dim=axis), right - c
    return cur.narrow(axis, 0, before), cur.narrow(axis, before + n, after)


def _reflect(x, axis, before, after, reflect_type="even"):
    return _mirror(x, axis, before, after, reflect_type, include_edge=False)


def _symmetric(x, axis, before, after, reflect_type="even"):
    return _mirror(x, axis, before, after, reflect_type, include_edge=True)


def _filled(x, axis, width, value):
    return value.to(x.dtype).expand(_shape_with(x, axis, width)) if x.dtype not in (
        torch.uint16, torch.uint32, torch.uint64) else unbits(
        bits(value).expand(_shape_with(x, axis, width)), x.dtype)


def _constant(x, axis, before, after, values):
    lo, hi = (_cast(v.reshape(()), x.dtype) for v in values)
    return _filled(x, axis, before, lo), _filled(x, axis, after, hi)


def _empty(x, axis, before, after, **_):
    return (torch.empty(_shape_with(x, axis, before), dtype=x.dtype, device=x.device),
            torch.empty(_shape_with(x, axis, after), dtype=x.dtype, device=x.device))


def _finish_float(vals, dtype):
    """Float results back to ``dtype``: integer dtypes are floored first (as
    ``numpy.linspace`` does for integer output)."""
    if dtype in _INTEGER:
        vals = torch.floor(vals)
    if dtype == torch.bool:
        return vals != 0
    return _cast(vals, dtype)


def _linear_ramp(x, axis, before, after, values):
    n = x.shape[axis]
    ndim = x.ndim
    ends = [values[0], values[1]]
    edges = (x.narrow(axis, 0, 1), x.narrow(axis, n - 1, 1))
    blocks = []
    for side, width in enumerate((before, after)):
        edge = _as_compute(edges[side])
        ftype = torch.complex128 if (edge.is_complex() or ends[side].is_complex()) else torch.float64
        edge = edge.to(ftype)
        end = ends[side].to(device=x.device, dtype=ftype)
        # numpy.linspace(end, edge, width, endpoint=False); the after side runs backwards
        steps = torch.arange(width, device=x.device, dtype=torch.float64)
        if side == 1:
            steps = steps.flip(0)
        steps = _along(steps, axis, ndim)
        delta = edge - end
        div = max(width, 1)
        # numpy.linspace evaluates i * (delta / n), but (i / n) * delta when any
        # step in the block is zero; the two round differently, and integer
        # output floors the result, so follow it (a 0-d condition: no host sync)
        by_step = steps * (delta / div)
        by_fraction = (steps / div) * delta
        ramp = end + torch.where((delta == 0).any(), by_fraction, by_step)
        blocks.append(_finish_float(ramp, x.dtype))
    return tuple(blocks)


def _complex_key_order(t, axis):
    """Sort complex values along ``axis`` lexicographically (real, then imaginary)."""
    by_imag = torch.argsort(t.imag, dim=axis, stable=True)
    t = torch.take_along_dim(t, by_imag, axis)
    by_real = torch.argsort(t.real, dim=axis, stable=True)
    return torch.take_along_dim(t, by_real, axis)


def _statistic(chunk, axis, mode):
    """One statistic of ``chunk`` along ``axis`` (kept as a length-1 axis), in ``chunk.dtype``."""
    dtype = chunk.dtype
    if mode in ("maximum", "minimum"):
        if dtype.is_complex:
            ordered = _complex_key_order(chunk, axis)
            m = chunk.shape[axis]
            return ordered.narrow(axis, m - 1 if mode == "maximum" else 0, 1)
        work = bits(chunk) if dtype not in (torch.uint16, torch.uint32, torch.uint64) else _as_compute(chunk)
        if dtype == torch.uint64:
            # order by the unsigned value: flip the sign bit so int64 order matches
            flipped = work ^ torch.iinfo(torch.int64).min
            r = (flipped.amax if mode == "maximum" else flipped.amin)(axis, keepdim=True)
            return (r ^ torch.iinfo(torch.int64).min).view(torch.uint64)
        r = (work.amax if mode == "maximum" else work.amin)(axis, keepdim=True)
        return _cast(r, dtype)
    vals = _as_compute(chunk)
    if dtype == torch.uint64:
        vals = vals.to(torch.float64) + torch.where(vals < 0, 2.0 ** 64, 0.0)
    if not (vals.is_floating_point() or vals.is_complex()):
        vals = vals.to(torch.float64)
    if vals.shape[axis] == 0:
        r = torch.full(_shape_with(vals, axis, 1), float("nan"), dtype=vals.dtype, device=vals.device)
    elif mode == "mean":
        r = vals.mean(axis, keepdim=True)
    else:  # median: the mean of the middle one or two of the sorted values
        m = vals.shape[axis]
        srt = _complex_key_order(vals, axis) if vals.is_complex() else torch.sort(vals, dim=axis).values
        r = (srt.narrow(axis, (m - 1) // 2, 1) + srt.narrow(axis, m // 2, 1)) / 2
        if not vals.is_complex():  # any NaN makes the median NaN
            r = torch.where(torch.isnan(vals).any(axis, keepdim=True), float("nan"), r)
    if dtype in _INTEGER:
        return _cast(torch.round(r), dtype)  # NumPy rounds integer means/medians
    if dtype == torch.bool:
        return r != 0
    return _cast(r, dtype)


def _stat_mode(mode):
    def build(x, axis, before, after, lengths):
        n = x.shape[axis]
        lo_len, hi_len = (n if s is None else min(s, n) for s in lengths)
        if (lo_len == 0 or hi_len == 0) and mode in ("maximum", "minimum"):
            raise ValueError("stat_length of 0 yields no value for padding")
        if lo_len == 0 or hi_len == 0:  # NumPy: the mean of nothing is NaN, with a warning
            warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=4)
        lo = _statistic(x.narrow(axis, 0, lo_len), axis, mode)
        hi = _statistic(x.narrow(axis, n - hi_len, hi_len), axis, mode)
        return _filled(x, axis, before, lo), _filled(x, axis, after, hi)
    return build


_BUILDERS = {
    "constant": _constant, "edge": _edge, "linear_ramp": _linear_ramp, "wrap": _wrap,
    "reflect": _reflect, "symmetric": _symmetric, "empty": _empty,
    "maximum": _stat_mode("maximum"), "minimum": _stat_mode("minimum"),
    "mean": _stat_mode("mean"), "median": _stat_mode("median"),
}


def _axis_options(mode, kwargs, ndim, x):
    """Per-axis keyword arguments for the builder of ``mode``."""
    if mode == "constant":
        pairs = _value_pairs(kwargs.get("constant_values", 0), ndim, x.dtype, x.device,
                             "constant_values")
        return [{"values": (pairs[i, 0], pairs[i, 1])} for i in range(ndim)]
    if mode == "linear_ramp":
        pairs = _value_pairs(kwargs.get("end_values", 0), ndim, x.dtype, x.device, "end_values")
        return [{"values": (pairs[i, 0], pairs[i, 1])} for i in range(ndim)]
    if mode in ("maximum", "minimum", "mean", "median"):
        stat = kwargs.get("stat_length")
        lengths = ((None, None),) * ndim if stat is None else _index_pairs(stat, ndim, "stat_length")
        return [{"lengths": lengths[i]} for i in range(ndim)]
    if mode in ("reflect", "symmetric"):
        rt = kwargs.get("reflect_type", "even")
        return [{"reflect_type": "odd" if rt == "odd" else "even"}] * ndim
    return [{}] * ndim


def pad(array: ArrayLike, pad_width, mode="constant", **kwargs):
    """Pad an array. Mirrors ``numpy.pad`` (string modes; a callable ``mode`` is
    handled by the public wrapper)."""
    widths = _normalize_pad_width(pad_width, array.ndim)
    if callable(mode):
        raise NotImplementedError("torchnp.pad: a callable mode is handled by torchnp.pad itself")
    allowed = _MODE_KWARGS.get(mode) if isinstance(mode, str) else None
    if allowed is None:
        raise ValueError(f"mode '{mode}' is not supported")
    extra = set(kwargs) - set(allowed)
    if extra:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {extra}")
    if mode not in ("constant", "empty"):
        for axis, (size, (before, after)) in enumerate(zip(array.shape, widths)):
            if size == 0 and (before or after):
                raise ValueError(f"can't extend empty axis {axis} using modes other than "
                                 "'constant' or 'empty'")
    options = _axis_options(mode, kwargs, array.ndim, array)
    build = _BUILDERS[mode]
    shape = [s + b + a for s, (b, a) in zip(array.shape, widths)]
    # one allocation: copy the array into the middle, then fill each axis's pad
    # slabs in place. The slab for ``axis`` spans the full (padded) extent of the
    # axes before it and the original extent of the axes after it.
    out = torch.empty(shape, dtype=bits(array).dtype, device=array.device)
    core = [slice(b, b + n) for n, (b, _) in zip(array.shape, widths)]
    out[tuple(core)] = bits(array)
    if mode == "empty" or (array.numel() == 0 and mode != "constant"):
        return unbits(out, array.dtype)  # nothing to copy from
    for axis, (before, after) in enumerate(widths):
        if before == 0 and after == 0 and mode not in ("maximum", "minimum", "mean", "median"):
            continue
        slab = out[tuple([slice(None)] * (axis + 1) + core[axis + 1:])]
        n = array.shape[axis]
        lo, hi = build(unbits(slab.narrow(axis, before, n), array.dtype), axis, before, after,
                       **options[axis])
        slab.narrow(axis, 0, before).copy_(bits(lo))
        slab.narrow(axis, before + n, after).copy_(bits(hi))
    return unbits(out, array.dtype)
