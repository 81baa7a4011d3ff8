"""Shared torch-only helpers of the sorting plugin: NumPy's sort order on torch.

Every sort here is a stable sort of *integer keys* (``sort_key``): floats are
mapped to integers whose order is NumPy's (-0.0 and 0.0 tie, every NaN ties and
sorts last), unsigned types to the signed type of their width, complex values to
three keys sorted one after the other (NumPy's lexicographic order with its NaN
rules). Integer keys are what torch sorts fastest on CPU (its radix sort, for 1-d
tensors of at least ``RADIX_MIN`` elements, against a comparison sort for floats),
they are exact on every device, and a stable sort of them is NumPy's
``kind='stable'`` result bit for bit (values come from the input by index, so
NaN payloads and signed zeros survive). See ``benchmarks/bench_sorting.py``.
"""
from __future__ import annotations

import torch

__all__ = ["NoValue", "sort_key", "ordered_key", "from_ordered_key", "argsort_keys",
           "lex_argsort", "argsort_along", "sort_along", "sort_values", "take_along", "is_inexact"]


from torchnp._normalize import NoValue  # the core's one sentinel

_INT64_MIN = -(2**63)

# torch's CPU sort takes its radix sort for 1-d integer tensors of this many elements
# or more (at::internal::GRAIN_SIZE); below, a comparison sort whose cost per element
# jumps past ~3k elements. Mid-sized 1-d sorts are padded up to this length with
# sentinels (_PAD_MIN: from where padding pays, by key width in bytes; measured).
RADIX_MIN = 32768
_PAD_MIN = {1: 3584, 2: 3584, 4: 4608, 8: 7168}
# N-d CPU sorts whose rows are at least this long sort all keys at once, then by row
_LSD_MIN_ROW = 512
# CPU rows shorter than this go to torch.sort of the values themselves: no key ops
_TINY = 512

# float dtype -> (integer dtype of its width, bit pattern of +inf, that dtype's max)
_FLOAT_KEY = {
    torch.float16: (torch.int16, 0x7C00, 2**15 - 1),
    torch.bfloat16: (torch.int16, 0x7F80, 2**15 - 1),
    torch.float32: (torch.int32, 0x7F800000, 2**31 - 1),
    torch.float64: (torch.int64, 0x7FF0000000000000, 2**63 - 1),
}
# unsigned dtype -> signed dtype of its width (flipping the sign bit keeps the order)
_UNSIGNED_KEY = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}
# gather of half floats quiets signalling NaNs: move their bits instead
_BITS = {torch.float16: torch.int16, torch.bfloat16: torch.int16}
_IMAX = {torch.uint8: 2**8 - 1, torch.int8: 2**7 - 1, torch.int16: 2**15 - 1,
         torch.int32: 2**31 - 1, torch.int64: 2**63 - 1}
_IMIN = {torch.int16: -2**15, torch.int32: -2**31, torch.int64: -2**63}
# dtypes whose torch CPU comparison sort is NumPy's stable order (floats: NaNs last in
# any sign, -0.0 ties 0.0); the unsigned ones only below RADIX_MIN (no radix kernel)
_NATIVE = frozenset([torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
                     torch.float16, torch.bfloat16, torch.float32, torch.float64])
_NATIVE_TINY = _NATIVE | frozenset(_UNSIGNED_KEY)


def is_inexact(t):
    return t.dtype.is_floating_point or t.dtype.is_complex


def ordered_key(t):
    """A real tensor whose torch ordering is NumPy's ordering of ``t`` (``t`` not complex).

    For ops other than sort (argmax, isin, ...): bool and the small unsigned types are
    widened; uint64 is mapped to int64 by flipping the sign bit.
    """
    dt = t.dtype
    if dt == torch.bool:
        return t.to(torch.uint8)
    if dt == torch.uint16:
        return t.to(torch.int32)
    if dt == torch.uint32:
        return t.to(torch.int64)
    if dt == torch.uint64:
        return t.view(torch.int64) ^ _INT64_MIN
    return t


def from_ordered_key(k, dtype):
    """Inverse of ``ordered_key`` (torch has no gather for uint16/32/64)."""
    if dtype == torch.uint64:
        return (k ^ _INT64_MIN).view(torch.uint64)
    return k.to(dtype)


def _float_key(t):
    ity, inf, imax = _FLOAT_KEY[t.dtype]
    m = t.view(ity) & imax                   # magnitude bits
    m.clamp_max_(inf + 1)                    # every NaN -> one key just above +inf
    # negative values (not -0.0, not NaN) -> -magnitude = (m ^ -1) + 1: two's complement
    # order. (Integer ops only: inductor computes addcmul of integers in floating point.)
    s = (t < 0).to(ity).neg_()
    m ^= s
    m -= s
    return m


def sort_key(t):
    """An integer tensor (same shape) whose stable torch sort is NumPy's stable sort of ``t``.

    ``t`` is real. Equal keys are exactly NumPy's ties (-0.0 == 0.0, NaN == NaN), and
    torch's CPU radix sort accepts every key dtype returned (int8/16/32/64, uint8).
    """
    dt = t.dtype
    if dt in _FLOAT_KEY:
        return _float_key(t)
    if dt == torch.bool:
        return t.view(torch.uint8)
    if dt in _UNSIGNED_KEY:
        ity = _UNSIGNED_KEY[dt]
        return t.view(ity) ^ _IMIN[ity]
    return t


def _from_sort_key(k, dtype):
    """Values back from the keys of integer dtypes (``sort_key`` is a bijection there)."""
    if dtype == torch.bool:
        return k.view(torch.bool)
    if dtype in _UNSIGNED_KEY:
        return (k ^ _IMIN[k.dtype]).view(dtype)
    return k


def _keys(t, dim):
    """Keys, least significant first, whose successive stable sorts give NumPy's order."""
    if t.dtype.is_complex:
        re, im = t.real, t.imag
        # NumPy: R + Rj < R + nanj < nan + Rj < nan + nanj; within a class by the non-NaN parts
        cls = torch.isnan(re).to(torch.uint8) * 2 + torch.isnan(im).to(torch.uint8)
        if t.is_cpu and t.shape[dim] < _TINY:
            return [im, re, cls]  # torch's float sort is NumPy's order: no key ops
        return [sort_key(im), sort_key(re), cls]
    return [sort_key(t)]


def _use_lsd(k, dim):
    length, n = k.shape[dim], k.numel()
    return k.is_cpu and length >= _LSD_MIN_ROW and n >= RADIX_MIN and n > length


def _native(t, dim):
    """Whether torch.sort of the values themselves is the stable NumPy sort to use (CPU):
    for short rows the key ops would only add per-call cost. (On other devices keys are
    always used: exact everywhere.)"""
    if not t.is_cpu:
        return False
    n = t.shape[dim]
    if n < _TINY:
        return t.dtype in _NATIVE_TINY
    return t.dtype in _NATIVE and n < _PAD_MIN[t.element_size()] and not _use_lsd(t, dim)


def _padded(k):
    # pad with the largest key up to the radix sort's minimum length: a stable sort keeps
    # every real element (ties included) ahead of the padding
    n = k.shape[0]
    if k.is_cpu and _PAD_MIN[k.element_size()] <= n < RADIX_MIN and k.dtype in _IMAX:
        return torch.cat([k, torch.full((RADIX_MIN - n,), _IMAX[k.dtype], dtype=k.dtype)])
    return k


def _argsort_1d(k):
    """Stable argsort of a 1-d key tensor."""
    p = _padded(k)
    idx = torch.sort(p, stable=True)[1]
    return idx if p is k else idx[:k.shape[0]]


def _row_dtype(rows):
    for dt in (torch.uint8, torch.int16, torch.int32):
        if rows - 1 <= _IMAX[dt]:
            return dt
    return torch.int64


def _argsort_int(k, dim):
    """Stable argsort of a key tensor along ``dim``."""
    if k.ndim == 1:
        return _argsort_1d(k)
    length, n = k.shape[dim], k.numel()
    if _use_lsd(k, dim):
        # long rows: torch sorts a 2-d tensor row by row with a comparison sort; sort
        # every key at once (radix), then stably by row (a narrow radix key): each row
        # ends up in key order
        x = k.movedim(dim, -1)
        shape = x.shape
        p = _argsort_1d(x.reshape(-1))
        rows = n // length
        rid = torch.div(p, length, rounding_mode="floor").to(_row_dtype(rows))
        p = p.index_select(0, _argsort_1d(rid))
        col = p.view(rows, length) - torch.arange(0, n, length, device=p.device).unsqueeze(1)
        return col.view(shape).movedim(-1, dim)
    if length == n:  # one row: sort it as 1-d
        return _argsort_1d(k.reshape(-1)).view(k.shape)
    return torch.sort(k, dim=dim, stable=True)[1]


def take_along(t, idx, dim):
    """``t.gather(dim, idx)`` for every dtype (index_select for 1-d: faster on CPU)."""
    dt = t.dtype
    # move bits, not values: torch's CPU gathers lack uint16/32/64
    ity = _UNSIGNED_KEY.get(dt) or _BITS.get(dt)
    if ity is not None:
        return take_along(t.view(ity), idx, dim).view(dt)
    if t.ndim == 1:
        return t.index_select(0, idx)  # far faster than gather on CPU
    return t.gather(dim, idx)


def argsort_keys(keys, dim):
    """Stable argsort by keys (least significant first) along ``dim``: LSD order."""
    idx = _argsort_int(keys[0], dim)
    for k in keys[1:]:
        idx = take_along(idx, _argsort_int(take_along(k, idx, dim), dim), dim)
    return idx


def lex_argsort(cols, dim):
    """Stable argsort by several same-shape tensors along ``dim``, the last one primary."""
    if all(_native(c, dim) for c in cols):
        idx = torch.sort(cols[0], dim=dim, stable=True)[1]
        for c in cols[1:]:
            idx = take_along(idx, torch.sort(take_along(c, idx, dim), dim=dim, stable=True)[1], dim)
        return idx
    return argsort_keys([k for c in cols for k in _keys(c, dim)], dim)


def argsort_along(t, dim):
    """Stable argsort of ``t`` along ``dim`` in NumPy's order (int64 indices)."""
    if _native(t, dim):
        return torch.sort(t, dim=dim, stable=True)[1]
    return argsort_keys(_keys(t, dim), dim)


def sort_along(t, dim):
    """(values, indices) of a stable sort along ``dim`` in NumPy's order."""
    if _native(t, dim):
        return tuple(torch.sort(t, dim=dim, stable=True))
    idx = argsort_along(t, dim)
    return take_along(t, idx, dim), idx


def _counting_sort(t):
    """Values-only sort of a 1-d 8-/16-bit integer (or bool) tensor: a histogram."""
    n = t.numel()
    if t.dtype == torch.bool:
        return torch.arange(n, device=t.device) >= n - t.sum()
    info = torch.iinfo(t.dtype)
    lo, span = info.min, info.max - info.min + 1
    counts = torch.bincount(t if t.dtype == torch.uint8 else t.to(torch.int32) - lo, minlength=span)
    table = torch.arange(lo, lo + span, dtype=torch.int32, device=t.device)
    return torch.repeat_interleave(table, counts, output_size=n).to(t.dtype)


# values-only sorts of 1-d 8-/16-bit integers count instead, from this length (measured)
_COUNTING_MIN = {torch.bool: 512, torch.uint8: 512, torch.int8: 512, torch.int16: 2**18,
                 torch.uint16: 2**18}


def sort_values(t, dim):
    """Values of a stable sort along ``dim`` in NumPy's order (no indices kept)."""
    dt = t.dtype
    if dt in _COUNTING_MIN and t.ndim == 1 and t.numel() >= _COUNTING_MIN[dt] \
            and not torch.compiler.is_compiling():  # bincount's length is data-dependent
        return _counting_sort(t)
    if _native(t, dim):
        return torch.sort(t, dim=dim, stable=True)[0]
    if dt.is_floating_point or dt.is_complex:
        return take_along(t, argsort_along(t, dim), dim)  # by index: NaN payloads, -0.0 kept
    return _from_sort_key(_sort_int_values(sort_key(t), dim), dt)


def _sort_int_values(k, dim):
    n = k.numel()
    if k.shape[dim] == n:  # one row
        k1 = k.reshape(-1)
        p = _padded(k1)
        v = torch.sort(p, stable=True)[0]
        return (v if p is k1 else v[:n]).view(k.shape)
    if _use_lsd(k, dim):
        return k.gather(dim, _argsort_int(k, dim))
    return torch.sort(k, dim=dim, stable=True)[0]


# --- partition -------------------------------------------------------------------------------
# 1-d CPU partitions of at least this many elements select the kth key from a sorted
# sample and place every element by a 3-way key (below, or elsewhere, a full sort)
PARTITION_MIN = RADIX_MIN
_SAMPLE = 4096


def _select_key(k, r):
    """The key of rank ``r`` (0-based) in the 1-d integer key tensor ``k`` (CPU, eager).

    Floyd-Rivest: bracket rank ``r`` between two keys of a sorted sample, count what
    lies below and inside, and recurse into the (small) inside; a bracket that misses
    (rare: ties, unlucky samples) falls back to sorting what is left.
    """
    while k.numel() > RADIX_MIN:
        n = k.numel()
        step = n // _SAMPLE
        s = torch.sort(k[::step][:_SAMPLE]).values
        pos = r * _SAMPLE // n
        d = 96  # ~3 standard deviations of the rank of a sample quantile (sqrt(4096)/2 * 3)
        lo, hi = s[max(pos - d, 0)], s[min(pos + d, _SAMPLE - 1)]
        below = k < lo
        upto = k <= hi
        n_below, n_upto = int(below.sum()), int(upto.sum())
        if not n_below <= r < n_upto or n_upto - n_below > n // 2:
            break
        k = k[upto ^ below]
        r -= n_below
    return _sort_int_values(k, 0)[r]


def partition_perm(t, r):
    """A permutation of 1-d real ``t`` that puts the element of rank ``r`` at position ``r``,
    smaller elements (NumPy's order) before it and larger after, each side in input order."""
    k = sort_key(t)
    kv = _select_key(k, r)
    side = (k > kv).to(torch.uint8)
    side += k >= kv  # 0 below, 1 equal, 2 above
    return _argsort_1d(side)
