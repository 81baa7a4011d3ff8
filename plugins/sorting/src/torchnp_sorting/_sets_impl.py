"""Set routines (NumPy reference section "Set routines"); torch only.

``unique`` is built around one stable sort (``_util_impl``: integer keys, torch's
radix sort) and a neighbour mask, the formulation NumPy's ``_unique1d`` uses;
index, inverse and counts come from the same sort. Without any ``return_*``, 8-
and 16-bit integers count with a histogram (eagerly), other integers go to
``torch.unique`` (as fast as a radix sort + mask), floats sort values only + mask
(torch.unique keeps every NaN, NumPy's ``equal_nan=True`` collapses them). Complex values-only input
follows NumPy's hash path: all NaNs (in either part) are one value, represented
by the first of them in input order.
"""
from __future__ import annotations

from typing import NamedTuple

import math

import torch

from torchnp._dtypes import result_type_torch
from torchnp._normalize import ArrayLike
from torchnp.exceptions import normalize_axis_index

from ._util_impl import (
    argsort_along, is_inexact, lex_argsort, ordered_key, sort_along, sort_values,
)

__all__ = [
    "unique", "unique_all", "unique_counts", "unique_inverse", "unique_values",
    "intersect1d", "union1d", "setdiff1d", "setxor1d", "isin",
]


class UniqueAllResult(NamedTuple):
    values: torch.Tensor
    indices: torch.Tensor
    inverse_indices: torch.Tensor
    counts: torch.Tensor


class UniqueCountsResult(NamedTuple):
    values: torch.Tensor
    counts: torch.Tensor


class UniqueInverseResult(NamedTuple):
    values: torch.Tensor
    inverse_indices: torch.Tensor


# dtypes torch.unique handles natively (others go through the sort path)
_TORCH_UNIQUE_OK = (torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64)


def _unique_mask(aux, equal_nan):
    n = aux.shape[0]
    mask = torch.empty(n, dtype=torch.bool, device=aux.device)
    mask[:1] = True
    if n > 1:
        torch.ne(aux[1:], aux[:-1], out=mask[1:])
        if equal_nan and is_inexact(aux):
            # NaNs sort last (complex: any NaN component); keep only the first of them
            nan = torch.isnan(aux)
            mask[1:] &= ~(nan[1:] & nan[:-1])
    return mask


def _unique_complex_values(ar):
    """Values-only complex ``unique`` with ``equal_nan``: NumPy's hash path keeps the NaN
    (either part) that comes first in *input* order, and sorts it last."""
    aux, perm = sort_along(ar, 0)  # stable: among equal values the first one wins
    mask = torch.empty(aux.shape, dtype=torch.bool, device=aux.device)
    mask[:1] = True
    torch.ne(aux[1:], aux[:-1], out=mask[1:])  # every NaN differs from its neighbour
    nan = torch.isnan(aux)
    first = torch.where(nan, perm, perm.numel()).amin()
    return aux[torch.where(nan, perm == first, mask)]


def _count_unique(ar):
    """Sorted unique values of an 8-/16-bit integer tensor: a histogram."""
    info = torch.iinfo(ar.dtype)
    counts = torch.bincount(ar if ar.dtype == torch.uint8 else ar.to(torch.int32) - info.min,
                            minlength=info.max - info.min + 1)
    return (counts.nonzero().view(-1) + info.min).to(ar.dtype)


# values-only unique of these dtypes counts from this length (a 256- or 65536-bin
# histogram; measured against torch.unique, see benchmarks/bench_sorting.py)
_COUNT_UNIQUE_MIN = {torch.uint8: 256, torch.int8: 256, torch.int16: 8192, torch.uint16: 8192}


def _unique1d(ar, return_index, return_inverse, return_counts, equal_nan, inverse_shape):
    ar = ar.reshape(-1)
    if not (return_index or return_inverse or return_counts):
        n = ar.numel()
        if n >= _COUNT_UNIQUE_MIN.get(ar.dtype, n + 1) and not torch.compiler.is_compiling():
            return (_count_unique(ar),)
        if ar.dtype in _TORCH_UNIQUE_OK:
            return (torch.unique(ar, sorted=True),)
        if ar.dtype.is_complex and equal_nan and n > 1:
            return (_unique_complex_values(ar),)
        aux = sort_values(ar, 0) if n > 1 else ar
        if ar.dtype.is_floating_point:
            # NaNs (sorted last, each unequal to its neighbour) collapse on the result
            u = aux[_unique_mask(aux, False)]
            if equal_nan and u.numel() > 1:
                nan = torch.isnan(u)
                keep = torch.ones_like(nan)
                keep[1:] = ~(nan[1:] & nan[:-1])
                u = u[keep]
            return (u,)
        return (aux[_unique_mask(aux, equal_nan)],)
    if ar.numel() > 1:
        aux, perm = sort_along(ar, 0)
    else:
        aux, perm = ar, torch.zeros(ar.shape, dtype=torch.int64, device=ar.device)
    mask = _unique_mask(aux, equal_nan)
    ret = (aux[mask],)
    if return_index:
        ret += (perm[mask],)
    if return_inverse:
        imask = torch.cumsum(mask, 0) - 1
        inv = torch.empty_like(imask).scatter_(0, perm, imask)
        ret += (inv.reshape(inverse_shape),)
    if return_counts:
        idx = torch.cat([torch.nonzero(mask).reshape(-1),
                         torch.tensor([mask.numel()], dtype=torch.int64, device=mask.device)])
        ret += (torch.diff(idx),)
    return ret


def _unique_rows(rows, return_index, return_inverse, return_counts):
    n, m = rows.shape
    # lexicographic: last column least significant
    perm = lex_argsort([rows[:, j] for j in range(m - 1, -1, -1)], 0) if m and n > 1 \
        else torch.arange(n, device=rows.device)
    srt = rows[perm]
    mask = torch.ones(n, dtype=torch.bool, device=rows.device)
    if n > 1:
        mask[1:] = (srt[1:] != srt[:-1]).any(1)
    ret = (srt[mask],)
    if return_index:
        ret += (perm[mask],)
    if return_inverse:
        imask = torch.cumsum(mask, 0) - 1
        ret += (torch.empty_like(imask).scatter_(0, perm, imask),)
    if return_counts:
        idx = torch.cat([torch.nonzero(mask).reshape(-1),
                         torch.tensor([n], dtype=torch.int64, device=mask.device)])
        ret += (torch.diff(idx),)
    return ret


def unique(ar: ArrayLike, return_index=False, return_inverse=False, return_counts=False,
           axis=None, *, equal_nan=True, sorted=True):
    """Sorted unique elements (and optional index, inverse, counts). Mirrors ``numpy.unique``.

    Differences from NumPy: ``sorted=False`` still returns sorted values (NumPy
    leaves the order unspecified).
    """
    if axis is None or ar.ndim == 1:
        if axis is not None:
            normalize_axis_index(axis, ar.ndim)
        ret = _unique1d(ar, return_index, return_inverse, return_counts, equal_nan, ar.shape)
    else:
        axis = normalize_axis_index(axis, ar.ndim)
        moved = torch.movedim(ar, axis, 0)
        shape = moved.shape
        rows = moved.reshape(shape[0], math.prod(shape[1:]))  # explicit: -1 is ambiguous when empty
        ret = _unique_rows(rows, return_index, return_inverse, return_counts)
        vals = torch.movedim(ret[0].reshape(ret[0].shape[0], *shape[1:]), 0, axis)
        ret = (vals,) + ret[1:]
    return ret[0] if len(ret) == 1 else ret


def unique_all(x: ArrayLike):
    """Unique values with first indices, inverse and counts. Mirrors ``numpy.unique_all``."""
    return UniqueAllResult(*_unique1d(x, True, True, True, False, x.shape))


def unique_counts(x: ArrayLike):
    """Unique values and their counts. Mirrors ``numpy.unique_counts``."""
    return UniqueCountsResult(*_unique1d(x, False, False, True, False, x.shape))


def unique_inverse(x: ArrayLike):
    """Unique values and the inverse (shaped like ``x``). Mirrors ``numpy.unique_inverse``."""
    return UniqueInverseResult(*_unique1d(x, False, True, False, False, x.shape))


def unique_values(x: ArrayLike) -> torch.Tensor:
    """Unique values (NaNs kept apart). Mirrors ``numpy.unique_values``."""
    return _unique1d(x, False, False, False, False, x.shape)[0]


def _common(*ts):
    dt = result_type_torch(*ts)
    return [t.reshape(-1).to(dt) for t in ts]


def intersect1d(ar1: ArrayLike, ar2: ArrayLike, assume_unique=False, return_indices=False):
    """Sorted common values (optionally with their indices). Mirrors ``numpy.intersect1d``."""
    if not assume_unique:
        if return_indices:
            ar1, ind1 = _unique1d(ar1, True, False, False, True, None)
            ar2, ind2 = _unique1d(ar2, True, False, False, True, None)
        else:
            ar1 = _unique1d(ar1, False, False, False, True, None)[0]
            ar2 = _unique1d(ar2, False, False, False, True, None)[0]
    a1, a2 = _common(ar1, ar2)
    aux = torch.cat([a1, a2])
    if return_indices:
        order = argsort_along(aux, 0) if aux.numel() > 1 else torch.zeros(aux.shape, dtype=torch.int64)
        aux = aux[order]
    else:
        aux = sort_along(aux, 0)[0] if aux.numel() > 1 else aux
    mask = aux[1:] == aux[:-1]
    int1d = aux[:-1][mask]
    if not return_indices:
        return int1d
    i1 = order[:-1][mask]
    i2 = order[1:][mask] - a1.numel()
    if not assume_unique:
        i1, i2 = ind1[i1], ind2[i2]
    return int1d, i1, i2


def union1d(ar1: ArrayLike, ar2: ArrayLike) -> torch.Tensor:
    """Sorted unique values of both inputs. Mirrors ``numpy.union1d``."""
    return _unique1d(torch.cat(_common(ar1, ar2)), False, False, False, True, None)[0]


def setdiff1d(ar1: ArrayLike, ar2: ArrayLike, assume_unique=False) -> torch.Tensor:
    """Unique values of ``ar1`` not in ``ar2``. Mirrors ``numpy.setdiff1d``."""
    if assume_unique:
        ar1 = ar1.reshape(-1)
    else:
        ar1 = _unique1d(ar1, False, False, False, True, None)[0]
        ar2 = _unique1d(ar2, False, False, False, True, None)[0]
    return ar1[_isin_unique(ar1, ar2, True, None)]


def setxor1d(ar1: ArrayLike, ar2: ArrayLike, assume_unique=False) -> torch.Tensor:
    """Sorted values in exactly one of the inputs. Mirrors ``numpy.setxor1d``."""
    if not assume_unique:
        ar1 = _unique1d(ar1, False, False, False, True, None)[0]
        ar2 = _unique1d(ar2, False, False, False, True, None)[0]
    aux = torch.cat(_common(ar1, ar2))
    if aux.numel() == 0:
        return aux
    aux = sort_along(aux, 0)[0]
    flag = torch.ones(aux.numel() + 1, dtype=torch.bool, device=aux.device)
    flag[1:-1] = aux[1:] != aux[:-1]
    return aux[flag[1:] & flag[:-1]]


def _isin(element, test, invert=False):
    e, t = _common(element, test)
    if e.dtype.is_complex:
        # torch.isin has no complex kernel: NumPy's sort-based method on unique values
        u, inv = _unique1d(e, False, True, False, True, (-1,))
        both = torch.cat([u, t])
        order = argsort_along(both, 0) if both.numel() > 1 else torch.zeros(both.shape, dtype=torch.int64)
        sar = both[order]
        flag = torch.zeros(both.numel(), dtype=torch.bool, device=both.device)
        flag[:-1] = sar[1:] == sar[:-1]
        ret = torch.empty_like(flag)
        ret[order] = flag
        res = ret[:u.numel()][inv]
    else:
        e, t = ordered_key(e), ordered_key(t)
        if e.dtype in (torch.int32, torch.uint8, torch.int8, torch.int16) or e.dtype.is_floating_point \
                or e.dtype == torch.int64:
            res = torch.isin(e, t)
        else:
            res = torch.isin(e.to(torch.int64), t.to(torch.int64))
    return ~res if invert else res


def _isin_unique(e, t, invert, kind):
    """``_isin`` with NumPy's ``assume_unique=True``: exact where NumPy's table or loop
    method answers; where its sort method does, a value repeated in ``e`` is found "in"
    ``t`` at every occurrence but its last (the stable sort puts the next one beside it).
    """
    n1, n2 = e.numel(), t.numel()
    exact = _isin(e, t)
    if kind == "table" or n2 == 0 or n1 == 0 or n2 < 10 * n1 ** 0.145:
        res = exact
    else:
        flat = e.reshape(-1)
        order = argsort_along(flat, 0)
        s = flat[order]
        later = torch.zeros(n1, dtype=torch.bool, device=e.device)
        later[order[:-1]] = s[1:] == s[:-1]
        sort = exact | later.reshape(e.shape)
        is_int = all(not x.dtype.is_floating_point and not x.dtype.is_complex for x in (e, t))
        if kind is None and is_int:
            k = ordered_key(t.reshape(-1))
            if k.dtype != torch.int64:
                k = k.to(torch.int64)
            lo, hi = torch.aminmax(k)
            d = hi - lo  # wraps negative past int64's range (uint64's keys)
            limit = torch.iinfo(t.dtype).max if t.dtype not in (torch.bool, torch.int64, torch.uint64) \
                else (255 if t.dtype == torch.bool else 2**63 - 1)
            table = (d >= 0) & (d <= min(6 * (n1 + n2), limit))
            res = torch.where(table, exact, sort)
        else:
            res = sort
    return ~res if invert else res


def isin(element: ArrayLike, test_elements: ArrayLike, assume_unique=False, invert=False, *,
         kind=None) -> torch.Tensor:
    """Element-wise membership of ``element`` in ``test_elements``. Mirrors ``numpy.isin``."""
    if kind not in (None, "sort", "table"):
        raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    if kind == "table" and (is_inexact(element) or is_inexact(test_elements)):
        raise ValueError("The 'table' method is only supported for boolean or integer arrays. "
                         "Please select 'sort' or None for kind.")
    if kind == "table" and test_elements.numel() and test_elements.dtype != torch.bool:
        _check_table_range(test_elements)
    if assume_unique:
        return _isin_unique(element, test_elements, invert, kind).reshape(element.shape)
    return _isin(element, test_elements, invert).reshape(element.shape)


def _check_table_range(t):
    # NumPy builds a lookup table of size max - min + 1; mirror its failures on huge ranges
    k = ordered_key(t)
    lo, hi = (int(v) for v in torch.aminmax(k))
    if t.dtype == torch.uint64:
        lo, hi = lo + 2**63, hi + 2**63
    if hi - lo > torch.iinfo(t.dtype).max:
        raise RuntimeError("You have specified kind='table', but the range of values in `ar2` or "
                           "`ar1` exceed the maximum integer of the datatype. Please set `kind` to "
                           "None or 'sort'.")
    if hi - lo + 1 > 2**62:
        raise ValueError("Maximum allowed dimension exceeded")
