"""Sorting, searching and counting (NumPy reference section of that name); torch only."""
from __future__ import annotations

import builtins
import operator

import torch

from torchnp._dtypes import can_cast_torch, from_torch, result_type_torch
from torchnp._normalize import (
    ArrayLike, ArrayOrScalar, AxisLike, KeepDims, NotImplementedType, OutArray, as_tensor,
)
from torchnp.exceptions import normalize_axis_index, normalize_axis_tuple

from ._util_impl import (
    PARTITION_MIN, NoValue, argsort_along, lex_argsort, ordered_key, partition_perm, sort_key,
    sort_values, take_along,
)

__all__ = [
    "sort", "argsort", "lexsort", "partition", "argpartition", "sort_complex",
    "searchsorted", "argmax", "argmin", "nanargmax", "nanargmin", "count_nonzero",
]

_KINDS = {"q": "quicksort", "h": "heapsort", "s": "stable", "m": "stable"}


def _check_kind(kind, stable):
    if kind is not None:
        if stable is not None:
            raise ValueError("`kind` and keyword parameters can't be provided at the same time. "
                             "Use only one of them.")
        if not isinstance(kind, str) or not kind or kind[0].lower() not in _KINDS:
            raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' (got {kind!r})")


def _prep_axis(a, axis):
    """(tensor, dim): flatten for axis=None, else normalize the axis (AxisError as NumPy)."""
    if axis is None:
        return a.reshape(-1), 0
    if type(axis) is tuple:
        raise TypeError("'tuple' object cannot be interpreted as an integer")
    return a, normalize_axis_index(axis, a.ndim)


def _zero_d_axis(a, axis):
    """NumPy's reductions accept an int axis of 0 or -1 on a 0-d array (as axis=None)."""
    if a.ndim == 0 and type(axis) is int and axis in (0, -1):
        return None
    return axis


def sort(a: ArrayLike, axis: AxisLike = -1, kind=None, order: NotImplementedType = None, *,
         stable=None) -> torch.Tensor:
    """Return a sorted copy (always stable; NaNs last). Mirrors ``numpy.sort``."""
    _check_kind(kind, stable)
    t, dim = _prep_axis(a, axis)
    if t.numel() <= 1:
        return t.clone()
    return sort_values(t, dim)


def argsort(a: ArrayLike, axis: AxisLike = -1, kind=None, order: NotImplementedType = None, *,
            stable=None) -> torch.Tensor:
    """Indices that sort ``a`` (always stable; NaNs last). Mirrors ``numpy.argsort``."""
    _check_kind(kind, stable)
    t, dim = _prep_axis(a.reshape(1) if a.ndim == 0 else a, axis)  # NumPy: a 0-d input acts as 1-d
    if t.numel() <= 1:
        return torch.zeros(t.shape, dtype=torch.int64, device=t.device)
    return argsort_along(t, dim)


def lexsort(keys, axis=-1) -> ArrayOrScalar:
    """Indirect stable sort on several keys, the last one primary. Mirrors ``numpy.lexsort``."""
    if isinstance(keys, (list, tuple)):
        ks = [as_tensor(k) for k in keys]
    else:
        kt = as_tensor(keys)
        if kt.ndim == 0:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        ks = list(kt.unbind(0))
    if not ks:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    shape = ks[0].shape
    for k in ks[1:]:
        if k.shape != shape:
            raise ValueError("all keys need to be the same shape")
    if len(shape) == 0:
        return torch.zeros((), dtype=torch.int64, device=ks[0].device)
    if axis is None:
        ks = [k.reshape(-1) for k in ks]
        dim = 0
    else:
        dim = normalize_axis_index(operator.index(axis), len(shape))
    if ks[0].numel() == 0:
        return torch.zeros(ks[0].shape, dtype=torch.int64, device=ks[0].device)
    return lex_argsort(ks, dim)


def _check_kth(kth, n):
    kt = kth
    if isinstance(kt, builtins.bool) or (isinstance(kt, torch.Tensor) and kt.dtype == torch.bool):
        raise ValueError("Booleans unacceptable as partition index")
    if isinstance(kt, torch.Tensor):
        if kt.dtype.is_floating_point or kt.dtype.is_complex:
            raise TypeError("Partition index must be integer")
        kt = kt.reshape(-1).tolist()
    elif isinstance(kt, (list, tuple)):
        kt = [operator.index(k) for k in kt]
    else:
        kt = [operator.index(kt)]
    for k in kt:
        if isinstance(k, builtins.bool):
            raise ValueError("Booleans unacceptable as partition index")
        if not -n <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")
    return [k % n for k in kt]


def _partition_fast(t, dim, kth):
    """The rank to partition a large 1-d CPU ``t`` at, when the selection path applies."""
    if (t.numel() >= PARTITION_MIN and t.ndim == 1 and t.is_cpu and not t.dtype.is_complex
            and not torch.compiler.is_compiling()):
        ks = set(kth)
        if len(ks) == 1:
            return ks.pop()
    return None


def partition(a: ArrayLike, kth, axis: AxisLike = -1, kind="introselect",
              order: NotImplementedType = None) -> torch.Tensor:
    """A partitioned copy of ``a``. Mirrors ``numpy.partition``.

    Like NumPy's, the order within each side is unspecified: here a large 1-d input
    with one ``kth`` keeps each side in input order (a selection, then a stable
    3-way placement); other inputs come back fully sorted (a valid partition for
    every ``kth``).
    """
    if kind != "introselect":
        raise ValueError(f"partition kind must be 'introselect' (got {kind!r})")
    t, dim = _prep_axis(a, axis)
    if not t.numel():  # NumPy checks kth only when there is something to partition
        return t.clone()
    r = _partition_fast(t, dim, _check_kth(kth, t.shape[dim]))
    if r is not None:
        return take_along(t, partition_perm(t, r), 0)
    return sort_values(t, dim) if t.numel() > 1 else t.clone()


def argpartition(a: ArrayLike, kth, axis: AxisLike = -1, kind="introselect",
                 order: NotImplementedType = None) -> torch.Tensor:
    """Indices that partition ``a``. Mirrors ``numpy.argpartition`` (see ``partition``)."""
    if kind != "introselect":
        raise ValueError(f"partition kind must be 'introselect' (got {kind!r})")
    t, dim = _prep_axis(a.reshape(1) if a.ndim == 0 else a, axis)  # NumPy: a 0-d input acts as 1-d
    if t.numel() <= 1:
        if t.numel():  # NumPy checks kth only when there is something to partition
            _check_kth(kth, t.shape[dim])
        return torch.zeros(t.shape, dtype=torch.int64, device=t.device)
    r = _partition_fast(t, dim, _check_kth(kth, t.shape[dim]))
    if r is not None:
        return partition_perm(t, r)
    return argsort_along(t, dim)


_SMALL_FOR_COMPLEX64 = (torch.int8, torch.uint8, torch.int16, torch.uint16)


def sort_complex(a: ArrayLike) -> torch.Tensor:
    """Sort lexicographically by real then imaginary part. Mirrors ``numpy.sort_complex``."""
    b = sort(a)
    if b.dtype.is_complex:
        return b
    target = torch.complex64 if b.dtype in _SMALL_FOR_COMPLEX64 else torch.complex128
    return b.to(target)


def searchsorted(a: ArrayLike, v: ArrayLike, side="left", sorter: ArrayLike | None = None) -> ArrayOrScalar:
    """Insertion indices of ``v`` into sorted ``a``. Mirrors ``numpy.searchsorted``."""
    if a.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if a.ndim > 1:
        raise ValueError("object too deep for desired array")
    if not isinstance(side, str) or side.lower()[:1] not in ("l", "r"):
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    right = side.lower()[0] == "r"
    if sorter is not None:
        if sorter.shape != a.shape:
            raise ValueError("sorter.size must equal a.size")
        if sorter.dtype.is_floating_point or sorter.dtype.is_complex or sorter.dtype == torch.bool:
            raise TypeError("Cannot cast array data from sorter's dtype to dtype('int64') "
                            "according to the rule 'safe'")
        sorter = sorter.to(torch.int64)
        if sorter.numel() and bool(((sorter < 0) | (sorter >= a.shape[0])).any()):
            raise ValueError("Sorter index out of range.")
        a = take_along(a, sorter, 0)
    dt = result_type_torch(a, v)
    a2, v2 = a.to(dt), v.to(dt)
    if dt.is_complex:
        return _searchsorted_complex(a2, v2, right)
    if a2.numel() == 0:
        return torch.zeros(v2.shape, dtype=torch.int64, device=v2.device)
    # torch.searchsorted mis-orders NaN: search integer keys of NumPy's order instead
    # (-0.0 ties 0.0, NaNs tie and sort last)
    ka, kv = sort_key(a2), sort_key(v2)
    return torch.searchsorted(ka.contiguous(), kv.contiguous(), right=right)


def _searchsorted_complex(a, v, right):
    # torch has no complex ordering: one stable sort of both arrays, then count the
    # elements of ``a`` that land before each element of ``v``
    m = v.numel()
    vf = v.reshape(-1)
    both = torch.cat([a, vf] if right else [vf, a])
    order = argsort_along(both, 0)
    is_a = (order >= m) if not right else (order < a.numel())
    count_a = torch.cumsum(is_a.to(torch.int64), 0)
    out = torch.empty(m, dtype=torch.int64, device=v.device)
    vpos = ~is_a
    vidx = order[vpos] - (a.numel() if right else 0)
    out[vidx] = count_a[vpos]
    return out.reshape(v.shape)


def _arg_extreme(a, axis, find_max, name):
    if type(axis) is tuple:
        raise TypeError("'tuple' object cannot be interpreted as an integer")
    axis = _zero_d_axis(a, axis)
    if axis is not None:
        axis = normalize_axis_index(axis, a.ndim)
    if a.numel() == 0 and (axis is None or a.shape[axis] == 0):
        raise ValueError(f"attempt to get {name} of an empty sequence")
    t = a.reshape(-1) if axis is None else a
    dim = 0 if axis is None else axis
    if t.ndim == 0:
        return torch.zeros((), dtype=torch.int64, device=t.device)
    if t.dtype.is_complex:
        return _arg_extreme_complex(t, dim, find_max)
    k = ordered_key(t)
    return torch.argmax(k, dim) if find_max else torch.argmin(k, dim)


def _arg_extreme_complex(t, dim, find_max):
    # lexicographic order; any NaN component wins (first occurrence), as NumPy
    re, im = t.real, t.imag
    red = torch.amax if find_max else torch.amin
    fill = float("-inf") if find_max else float("inf")
    best_re = red(re, dim, keepdim=True)
    cand = re == best_re
    im2 = torch.where(cand, im, torch.full_like(im, fill))
    hit = cand & (im2 == red(im2, dim, keepdim=True))
    nan = torch.isnan(re) | torch.isnan(im)
    hit = torch.where(nan.any(dim, keepdim=True), nan, hit)
    return torch.argmax(hit.to(torch.uint8), dim)


def argmax(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None, *,
           keepdims: KeepDims = NoValue) -> ArrayOrScalar:
    """Index of the maximum (first on ties; the first NaN wins). Mirrors ``numpy.argmax``."""
    return _arg_extreme(a, axis, True, "argmax")


def argmin(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None, *,
           keepdims: KeepDims = NoValue) -> ArrayOrScalar:
    """Index of the minimum (first on ties; the first NaN wins). Mirrors ``numpy.argmin``."""
    return _arg_extreme(a, axis, False, "argmin")


def checked_arg_out(public):
    """Wrap a generated public argmax-like function with NumPy's ``out=`` rules.

    NumPy needs ``out`` to be an array whose dtype casts *safely to* int64 and whose
    shape is exactly the result's; the generic pipeline would accept any same_kind
    dtype and a broadcastable shape. Used by ``_plugin`` at registration.
    """
    import functools

    @functools.wraps(public)
    def f(a, axis=None, out=None, *, keepdims=NoValue):
        if out is None:
            return public(a, axis, keepdims=keepdims)
        t = getattr(out, "tensor", None)
        if not isinstance(t, torch.Tensor):
            raise TypeError("output must be an array")
        if not can_cast_torch(t.dtype, torch.int64, "safe"):
            raise TypeError(f"Cannot cast array data from dtype('{from_torch(t.dtype).name}') "
                            "to dtype('int64') according to the rule 'safe'")
        r = public(a, axis, keepdims=keepdims)
        shape = getattr(r, "shape", ())
        if tuple(shape) != tuple(t.shape):
            raise ValueError("output array does not match result of np.argmax.")
        out[...] = r
        return out
    f.__signature__ = public.__signature__
    return f


def _nanarg(a, axis, find_max, name):
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        return _arg_extreme(a, axis, find_max, name)
    axis = _zero_d_axis(a, axis)
    mask = torch.isnan(a)
    fill = float("-inf") if find_max else float("inf")
    filled = torch.where(mask, torch.full_like(a, fill), a)
    res = _arg_extreme(filled, axis, find_max, name)
    if axis is None:
        allnan = mask.all()
    else:
        allnan = mask.all(normalize_axis_index(axis, a.ndim)).any()
    if bool(allnan):  # NumPy raises here: the check needs the data
        raise ValueError("All-NaN slice encountered")
    return res


def nanargmax(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None, *,
              keepdims: KeepDims = NoValue) -> ArrayOrScalar:
    """argmax ignoring NaNs; all-NaN slices raise ValueError. Mirrors ``numpy.nanargmax``."""
    return _nanarg(a, axis, True, "argmax")


def nanargmin(a: ArrayLike, axis: AxisLike = None, out: OutArray | None = None, *,
              keepdims: KeepDims = NoValue) -> ArrayOrScalar:
    """argmin ignoring NaNs; all-NaN slices raise ValueError. Mirrors ``numpy.nanargmin``."""
    return _nanarg(a, axis, False, "argmin")


def count_nonzero(a: ArrayLike, axis: AxisLike = None, *, keepdims: KeepDims = False) -> ArrayOrScalar:
    """Number of non-zero values. Mirrors ``numpy.count_nonzero``."""
    nz = a if a.dtype == torch.bool else a != 0
    if _zero_d_axis(a, axis) is None:
        return nz.sum(dtype=torch.int64)
    dims = normalize_axis_tuple(axis, a.ndim)
    if not dims:
        return nz.to(torch.int64)
    return nz.sum(dim=dims, dtype=torch.int64)
