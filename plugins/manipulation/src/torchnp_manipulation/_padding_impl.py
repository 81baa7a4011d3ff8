"""Array manipulation, NumPy section "Padding arrays": ``pad`` with every mode.

Torch in, torch out. A port of NumPy's ``numpy/lib/_arraypad_impl.py``: the array
is padded axis by axis, and reflect/symmetric/wrap fill the pad area in chunks,
exactly as NumPy does, so results agree for pads wider than the array. torch has
no negative-step slices, so reversed chunks use ``flip``. A callable ``mode`` is
handled by the plugin's publisher (it calls user code on ndarrays).
"""
from __future__ import annotations

__all__ = ["pad"]

import operator

import torch

from torchnp._normalize import ArrayLike, as_tensor

from ._util import bits, cast_to, unbits

_ALLOWED = {
    "empty": (), "edge": (), "wrap": (), "constant": ("constant_values",),
    "linear_ramp": ("end_values",), "maximum": ("stat_length",), "mean": ("stat_length",),
    "median": ("stat_length",), "minimum": ("stat_length",), "reflect": ("reflect_type",),
    "symmetric": ("reflect_type",),
}


def _sl(sl, axis, ndim):
    return (slice(None),) * axis + (sl,) + (slice(None),) * (ndim - axis - 1)


def _as_pairs(x, ndim, as_index=False):
    """NumPy's _as_pairs: broadcast ``x`` to ((before, after),) * ndim."""
    if x is None:
        return ((None, None),) * ndim
    t = as_tensor(x)
    if as_index:
        if t.is_floating_point():
            t = torch.round(t)
        t = t.to(torch.int64)
    if t.ndim < 3:
        if t.numel() == 1:
            v = t.reshape(-1).tolist()[0]
            if as_index and v < 0:
                raise ValueError("index can't contain negative values")
            return ((v, v),) * ndim
        if t.numel() == 2 and tuple(t.shape) != (2, 1):
            a, b = t.reshape(-1).tolist()
            if as_index and (a < 0 or b < 0):
                raise ValueError("index can't contain negative values")
            return ((a, b),) * ndim
    if as_index and t.numel() and min(t.reshape(-1).tolist()) < 0:
        raise ValueError("index can't contain negative values")
    try:
        t = t.expand(ndim, 2)
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {tuple(t.shape)}  and requested shape ({ndim},2)") from None
    return [tuple(p) for p in t.tolist()]


def _normalize_pad_width(pad_width, ndim):
    if isinstance(pad_width, dict):
        seq = [(0, 0)] * ndim
        for ax, w in pad_width.items():
            seq[ax] = (w, w) if isinstance(w, int) else tuple(w)
        pad_width = seq
    t = as_tensor(pad_width)
    if t.is_floating_point() or t.is_complex() or t.dtype == torch.bool:
        raise TypeError("`pad_width` must be of integral type.")
    return [(int(a), int(b)) for a, b in _as_pairs(t, ndim, as_index=True)]


def _get_edges(p, axis, wp):
    n = p.ndim
    left = p[_sl(slice(wp[0], wp[0] + 1), axis, n)]
    r = p.shape[axis] - wp[1]
    right = p[_sl(slice(r - 1, r), axis, n)]
    return left, right


def _set_pad_area(p, axis, wp, vp):
    n = p.ndim
    _assign(p, _sl(slice(None, wp[0]), axis, n), vp[0])
    _assign(p, _sl(slice(p.shape[axis] - wp[1], None), axis, n), vp[1])


def _assign(p, key, value):
    if isinstance(value, torch.Tensor):
        bits(p)[key] = bits(cast_to(value, p.dtype))
    else:
        target = p[key]
        if target.numel():
            if isinstance(value, complex) and not p.is_complex():
                value = value.real
            if p.dtype in (torch.uint16, torch.uint32, torch.uint64):
                bits(p)[key] = bits(torch.tensor(value, dtype=p.dtype).to(p.device))
            else:
                p[key] = value


def _linear_ramps(p, axis, wp, end_pair):
    edges = _get_edges(p, axis, wp)
    out = []
    ftype = p.dtype if (p.is_floating_point() and p.dtype != torch.float16) or p.is_complex() \
        else torch.float64
    for end, edge, width in zip(end_pair, edges, wp):
        shape = [1] * p.ndim
        shape[axis] = width
        steps = torch.arange(width, dtype=torch.float64, device=p.device).to(ftype).reshape(shape)
        e = edge.to(ftype)
        ramp = end + (e - end) / width * steps if width else e.expand(shape if width else e.shape)
        if not (p.is_floating_point() or p.is_complex() or p.dtype == torch.bool):
            ramp = torch.floor(ramp)  # NumPy 2's linspace floors for integer dtypes
        out.append(ramp)
    out[1] = out[1].flip(axis)
    return out


def _ordered(x):
    """A tensor with the same ordering torch can reduce (uint kinds lack max/min kernels)."""
    if x.dtype in (torch.uint16, torch.uint32, torch.uint64):
        return bits(x) ^ torch.iinfo(bits(x).dtype).min, True
    return x, False


def _stat(chunk, axis, mode, dtype):
    if mode in ("maximum", "minimum") and chunk.is_complex():
        s = _lexsorted_complex(chunk, axis)
        return s.narrow(axis, s.shape[axis] - 1 if mode == "maximum" else 0, 1)
    if mode in ("maximum", "minimum"):
        c, flipped = _ordered(chunk)
        r = c.amax(axis, keepdim=True) if mode == "maximum" else c.amin(axis, keepdim=True)
        if flipped:
            r = (r ^ torch.iinfo(r.dtype).min).view(dtype)
        return r
    ftype = chunk.dtype if chunk.is_floating_point() and chunk.dtype != torch.float16 or chunk.is_complex() \
        else (torch.float32 if chunk.dtype == torch.float16 else torch.float64)
    c = cast_to(chunk, ftype)
    if mode == "mean":
        r = c.mean(axis, keepdim=True)
    else:
        s = c.sort(axis).values if not c.is_complex() else _lexsorted_complex(c, axis)
        n = c.shape[axis]
        lo = s.narrow(axis, (n - 1) // 2, 1)
        hi = s.narrow(axis, n // 2, 1)
        r = (lo + hi) / 2
        has_nan = torch.isnan(c).any(axis, keepdim=True) if c.is_floating_point() else None
        if has_nan is not None:
            r = torch.where(has_nan, torch.full_like(r, float("nan")), r)
    if not (dtype.is_floating_point or dtype.is_complex or dtype == torch.bool):
        r = torch.round(r)
    return r


def _get_stats(p, axis, wp, lp, mode):
    li = wp[0]
    ri = p.shape[axis] - wp[1]
    max_len = ri - li
    left_len, right_len = lp
    if left_len is None or max_len < left_len:
        left_len = max_len
    if right_len is None or max_len < right_len:
        right_len = max_len
    if (left_len == 0 or right_len == 0) and mode in ("maximum", "minimum"):
        raise ValueError("stat_length of 0 yields no value for padding")
    n = p.ndim
    left = _stat(p[_sl(slice(li, li + left_len), axis, n)], axis, mode, p.dtype)
    if left_len == right_len == max_len:
        return left, left
    right = _stat(p[_sl(slice(ri - right_len, ri), axis, n)], axis, mode, p.dtype)
    return left, right


def _reversed(p, start_pos, stop_pos, axis):
    """NumPy's ``p[start:stop:-1]`` along axis for non-negative start > stop >= -1."""
    return p[_sl(slice(stop_pos + 1, start_pos + 1), axis, p.ndim)].flip(axis)


def _odd(edge, chunk):
    """``2 * edge - chunk`` in the array's dtype (NumPy computes bool in int, then casts back)."""
    if edge.dtype == torch.bool:
        return (2 * edge.to(torch.int64) - chunk.to(torch.int64)) != 0
    return 2 * edge - chunk


def _lexsorted_complex(c, axis):
    """Sort complex values along ``axis`` in NumPy's order (real part, then imaginary)."""
    i1 = torch.argsort(c.imag, dim=axis, stable=True)
    c = c.gather(axis, i1)
    i2 = torch.argsort(c.real, dim=axis, stable=True)
    return c.gather(axis, i2)


def _set_reflect_both(p, axis, wp, method, period, include_edge):
    left_pad, right_pad = wp
    old_length = p.shape[axis] - right_pad - left_pad
    if include_edge:
        old_length = old_length // period * period
        edge_offset = 1
    else:
        old_length = (old_length - 1) // (period - 1) * (period - 1) + 1
        edge_offset = 0
        old_length -= 1
    n, L = p.ndim, p.shape[axis]
    b = bits(p)
    if left_pad > 0:
        chunk_length = min(old_length, left_pad)
        stop = left_pad - edge_offset
        start = stop + chunk_length
        chunk = _reversed(b, start, stop, axis)
        if method == "odd":
            chunk = _odd(b[_sl(slice(left_pad, left_pad + 1), axis, n)], chunk)
        b[_sl(slice(left_pad - chunk_length, left_pad), axis, n)] = chunk.to(b.dtype)
        left_pad -= chunk_length
    if right_pad > 0:
        chunk_length = min(old_length, right_pad)
        start = L - right_pad + edge_offset - 2
        stop = start - chunk_length
        chunk = _reversed(b, start, stop, axis)
        if method == "odd":
            chunk = _odd(b[_sl(slice(L - right_pad - 1, L - right_pad), axis, n)], chunk)
        s0 = L - right_pad
        b[_sl(slice(s0, s0 + chunk_length), axis, n)] = chunk.to(b.dtype)
        right_pad -= chunk_length
    return left_pad, right_pad


def _set_wrap_both(p, axis, wp, original_period):
    left_pad, right_pad = wp
    n, L = p.ndim, p.shape[axis]
    b = bits(p)
    period = L - right_pad - left_pad
    period = period // original_period * original_period
    new_left = new_right = 0
    if left_pad > 0:
        end = left_pad + period
        chunk = b[_sl(slice(end - min(period, left_pad), end), axis, n)]
        if left_pad > period:
            area = slice(left_pad - period, left_pad)
            new_left = left_pad - period
        else:
            area = slice(None, left_pad)
        b[_sl(area, axis, n)] = chunk.clone()
    if right_pad > 0:
        s = L - right_pad - period
        chunk = b[_sl(slice(s, s + min(period, right_pad)), axis, n)]
        if right_pad > period:
            area = slice(L - right_pad, L - right_pad + period)
            new_right = right_pad - period
        else:
            area = slice(L - right_pad, None)
        b[_sl(area, axis, n)] = chunk.clone()
    return new_left, new_right


def pad(array: ArrayLike, pad_width, mode="constant", **kwargs):
    """Pad an array. Mirrors ``numpy.pad`` (every string mode; callables via the publisher)."""
    widths = _normalize_pad_width(pad_width, array.ndim)
    if callable(mode):
        raise NotImplementedError("torchnp.pad: a callable mode is handled by torchnp.pad itself")
    try:
        unsupported = set(kwargs) - set(_ALLOWED[mode])
    except (KeyError, TypeError):
        raise ValueError(f"mode '{mode}' is not supported") from None
    if unsupported:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {unsupported}")
    shape = tuple(l + s + r for s, (l, r) in zip(array.shape, widths))
    padded = torch.empty(shape, dtype=array.dtype, device=array.device)
    orig = tuple(slice(l, l + s) for s, (l, r) in zip(array.shape, widths))
    bits(padded)[orig] = bits(array)
    nd = padded.ndim

    def roi(axis):
        return padded[(slice(None),) * (axis + 1) + orig[axis + 1:]]

    if mode == "constant":
        values = _as_pairs(kwargs.get("constant_values", 0), nd)
        for axis, (wp, vp) in enumerate(zip(widths, values)):
            _set_pad_area(roi(axis), axis, wp, vp)
    elif mode == "empty":
        pass  # NumPy leaves the pad area undefined
    elif array.numel() == 0:
        for axis, wp in enumerate(widths):
            if array.shape[axis] == 0 and any(wp):
                raise ValueError(f"can't extend empty axis {axis} using modes other than "
                                 "'constant' or 'empty'")
    elif mode == "edge":
        for axis, wp in enumerate(widths):
            r = roi(axis)
            _set_pad_area(r, axis, wp, _get_edges(r, axis, wp))
    elif mode == "linear_ramp":
        ends = _as_pairs(kwargs.get("end_values", 0), nd)
        for axis, (wp, ep) in enumerate(zip(widths, ends)):
            r = roi(axis)
            _set_pad_area(r, axis, wp, _linear_ramps(r, axis, wp, ep))
    elif mode in ("maximum", "minimum", "mean", "median"):
        lengths = _as_pairs(kwargs.get("stat_length"), nd, as_index=True)
        for axis, (wp, lp) in enumerate(zip(widths, lengths)):
            r = roi(axis)
            _set_pad_area(r, axis, wp, _get_stats(r, axis, wp, lp, mode))
    elif mode in ("reflect", "symmetric"):
        method = kwargs.get("reflect_type", "even")
        if method not in ("even", "odd"):
            raise ValueError(f"torchnp.pad: reflect_type must be 'even' or 'odd', not {method!r}")
        include_edge = mode == "symmetric"
        for axis, (li, ri) in enumerate(widths):
            if array.shape[axis] == 1 and (li > 0 or ri > 0):
                _set_pad_area(padded, axis, (li, ri), _get_edges(padded, axis, (li, ri)))
                continue
            r = roi(axis)
            while li > 0 or ri > 0:
                li, ri = _set_reflect_both(r, axis, (li, ri), method, array.shape[axis], include_edge)
    elif mode == "wrap":
        for axis, (li, ri) in enumerate(widths):
            r = roi(axis)
            period = padded.shape[axis] - ri - li
            while li > 0 or ri > 0:
                li, ri = _set_wrap_both(r, axis, (li, ri), period)
    return padded
