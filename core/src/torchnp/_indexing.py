"""Indexing of ndarrays (``a[key]`` and ``a[key] = value``) with NumPy's rules.

A key is parsed into one component per axis it consumes or adds: ints, slices,
None (a new axis) and advanced parts (integer arrays and boolean masks; ints
count as advanced when an array is present, as in NumPy). Indexing is then two
stages:

1. the basic components go to the view model (``_views.index``), so the result
   is a view, and writes reach the memory whatever its strides (negative steps
   included);
2. if the key has advanced parts, they gather from (or scatter into) the values
   of that view, placed by NumPy's rule: the broadcast index dimensions replace
   the indexed axes when those are adjacent, else go first. Torch selects ints
   first and places dimensions differently, so the placement is done here with
   permute/movedim rather than left to torch.

Data-dependent checks (index bounds) raise NumPy's IndexError eagerly; while
tracing (torch.compile) they become ``torch._assert_async`` with the same
message (a RuntimeError), see docs/ARCHITECTURE.md.
"""
from __future__ import annotations

import builtins
import operator
import warnings
import typing

import torch

from . import _dtypes, _normalize, _views
from .exceptions import ComplexWarning

__all__ = ["getitem", "setitem", "prepare_value"]

_ndarray: typing.Any = None  # set by _ndarray at import
_new = object.__new__
_SCALARS = _dtypes._SCALAR_BY_TORCH
_tracing = torch.compiler.is_compiling
_view = _views.view
_plain_view = _views.plain_view

_INDEX_ERR = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
              "integer or boolean arrays are valid indices")

# torch has no index_put kernel for uint16/32/64: write the same bytes as the signed type
_SIGNED = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


class _Adv:
    """An advanced key component: an int64 index tensor, or a boolean mask."""

    __slots__ = ("t", "mask")

    def __init__(self, t, mask):
        self.t, self.mask = t, mask


# --- key parsing ----------------------------------------------------------------
def _comp(k, device):
    """One key component: int, slice, None, Ellipsis or _Adv."""
    t = type(k)
    if t is int or t is slice or k is None or k is Ellipsis:
        return k
    if t is builtins.bool:
        return _Adv(torch.tensor(k, device=device), True)
    if isinstance(k, _dtypes.generic):
        tt = k.tensor
        if tt.dtype == torch.bool:
            return _Adv(tt.to(device), True)
        if tt.is_floating_point() or tt.is_complex():
            raise IndexError(_INDEX_ERR)
        return operator.index(k)
    if isinstance(k, (_ndarray, torch.Tensor, list, tuple)) or hasattr(k, "__array_interface__") \
            or hasattr(k, "__array__") or hasattr(k, "__dlpack__"):
        if (t is list or t is tuple) and len(k) == 0:
            # NumPy reads an empty sequence as an empty integer index array
            return _Adv(torch.zeros(0, dtype=torch.int64, device=device), False)
        is_array = isinstance(k, (_ndarray, torch.Tensor)) or hasattr(k, "shape")
        try:
            tt = _normalize.as_tensor(k)
        except (TypeError, ValueError, NotImplementedError):
            raise IndexError(_INDEX_ERR) from None
        if tt.dtype == torch.bool:
            return _Adv(tt.to(device), True)
        if tt.is_floating_point() or tt.is_complex():
            raise IndexError(_INDEX_ERR if not is_array or tt.ndim == 0 else
                             "arrays used as indices must be of integer (or boolean) type")
        if tt.ndim == 0 and is_array:
            return builtins.int(tt.item())  # NumPy: a 0-d integer array acts as an int
        return _Adv(tt.to(device=device, dtype=torch.int64), False)
    try:
        return operator.index(k)
    except TypeError:
        raise IndexError(_INDEX_ERR) from None


def _parse(key, ndim, device):
    """Key -> components with the Ellipsis expanded: one per consumed axis, plus newaxes."""
    if type(key) is not tuple:
        key = (key,)
    comps = [_comp(k, device) for k in key]
    count = n_ell = 0
    for c in comps:
        if c is None:
            continue
        if c is Ellipsis:
            n_ell += 1
        elif type(c) is _Adv and c.mask:
            count += c.t.ndim
        else:
            count += 1
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if count > ndim:
        raise IndexError(f"too many indices for array: array is {ndim}-dimensional, "
                         f"but {count} were indexed")
    fill = [slice(None)] * (ndim - count)
    if n_ell:
        i = next(j for j, c in enumerate(comps) if c is Ellipsis)
        comps[i:i + 1] = fill
    else:
        comps.extend(fill)
    return comps


def _norm_int(i, n, axis):
    if i < -n or i >= n:
        raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
    return i + n if i < 0 else i


def _in_bounds(idx, n):
    """Whether every index is in [-n, n) (checked before torch's index_put_, which checks
    while writing and would leave a partial write); traced, a runtime assert."""
    if _tracing():
        torch._assert_async(((idx >= -n) & (idx < n)).all(), "index out of bounds for axis 0 "
                            f"with size {n}")
        return True
    if idx.numel() <= 32 and idx.is_cpu:  # a few indices: reading them beats a reduction
        vals = idx.reshape(-1).tolist()
        return min(vals) >= -n and max(vals) < n
    lo, hi = torch.aminmax(idx)
    return lo.item() >= -n and hi.item() < n


def _check_bounds(idx, n, axis):
    """``idx`` with negative indices wrapped; NumPy's IndexError for out-of-range ones."""
    if idx.numel():
        bad = (idx < -n) | (idx >= n)
        if _tracing():
            torch._assert_async(~bad.any(), f"index out of bounds for axis {axis} with size {n}")
        elif bad.any():  # one sync; on CUDA torch would device-assert instead
            raise IndexError(f"index {idx[bad].reshape(-1)[0].item()} is out of bounds for axis "
                             f"{axis} with size {n}")
    return torch.where(idx < 0, idx + n, idx)


class _Plan:
    """A parsed key: the basic view and where the advanced index tensors apply in it."""

    __slots__ = ("view", "adv", "adv_pos", "others", "b_shape", "adjacent")


def _plan(a, key):
    shape = a.shape
    comps = _parse(key, len(shape), a.device)
    has_adv = any(type(c) is _Adv for c in comps)
    basic = []  # components for the view model
    adv = []    # (axis of the basic view, index tensor)
    pdim = odim = 0  # axis of ``a`` consumed / of the basic view produced
    for c in comps:
        tc = type(c)
        if c is None:
            basic.append(None)
            odim += 1
        elif tc is slice:
            basic.append(c)
            pdim += 1
            odim += 1
        elif tc is not _Adv:  # an int
            i = _norm_int(c, shape[pdim], pdim)
            if has_adv:
                basic.append(slice(None))
                adv.append((odim, torch.tensor(i, device=a.device)))
                odim += 1
            else:
                basic.append(i)
            pdim += 1
        elif not c.mask:
            basic.append(slice(None))
            adv.append((odim, _check_bounds(c.t, shape[pdim], pdim)))
            pdim += 1
            odim += 1
        else:
            m = c.t
            if m.ndim == 0:  # a[True] adds an axis of length 1, a[False] one of length 0
                basic.append(None)
                adv.append((odim, torch.zeros(1 if m else 0, dtype=torch.int64, device=a.device)))
                odim += 1
                continue
            for j, size in enumerate(m.shape):
                if size != shape[pdim + j]:
                    raise IndexError(
                        f"boolean index did not match indexed array along axis {pdim + j}; size "
                        f"of axis is {shape[pdim + j]} but size of corresponding boolean axis is {size}")
            # a k-d mask indexes k axes: one index tensor each (a data-dependent length)
            for idx in (m.nonzero().unbind(1) if m.ndim > 1 else (m.nonzero().reshape(-1),)):
                basic.append(slice(None))
                adv.append((odim, idx))
                pdim += 1
                odim += 1
    plan = _Plan()
    plan.view = _views.index(a, basic)
    plan.adv = adv
    if adv:
        tensors = [t for _, t in adv]
        try:
            b_shape = torch.broadcast_shapes(*(t.shape for t in tensors))
        except RuntimeError:
            shapes = " ".join(_views._shape_str(t.shape) for t in tensors)
            raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                             f"with shapes {shapes} ") from None
        plan.b_shape = tuple(b_shape)
        plan.adv_pos = [d for d, _ in adv]
        plan.others = [d for d in range(plan.view.ndim) if d not in plan.adv_pos]
        pos = plan.adv_pos
        plan.adjacent = pos == list(range(pos[0], pos[0] + len(pos)))
    return plan


def _adv_layout(plan):
    """(perm of the basic view, index tuple, number of index dims, where they go)."""
    idx = [t for _, t in plan.adv]
    if plan.b_shape == ():
        idx = [t.reshape(1) for t in idx]
    nb = len(plan.b_shape)
    p0 = plan.adv_pos[0] if plan.adjacent else 0
    return plan.adv_pos + plan.others, tuple(idx), nb, p0


def _advanced_get(plan, t=None):
    """The advanced stage on the basic view's values (or on ``t`` of the same shape)."""
    perm, idx, nb, p0 = _adv_layout(plan)
    r = (plan.view.tensor if t is None else t).permute(*perm)[idx]
    if plan.b_shape == ():
        r = r.squeeze(0)
    if plan.adjacent and p0 and nb:
        r = r.movedim(tuple(range(nb)), tuple(range(p0, p0 + nb)))
    return r


def _result_shape(plan):
    shape = plan.view.shape
    rest = [shape[d] for d in plan.others]
    if plan.adjacent:
        k = sum(1 for d in plan.others if d < plan.adv_pos[0])
        return tuple(rest[:k]) + plan.b_shape + tuple(rest[k:])
    return plan.b_shape + tuple(rest)


def _advanced_set(plan, v):
    if _views.overlaps_itself(plan.view):
        # elements share memory: write the selected places one by one, as NumPy does
        _views.write_at(plan.view, _advanced_get(plan, _views.addresses(plan.view)), v)
        return
    perm, idx, nb, p0 = _adv_layout(plan)
    if isinstance(v, torch.Tensor):
        v = _views.broadcast_value(v, _result_shape(plan), advanced=True)
        if plan.adjacent and p0 and nb:
            v = v.movedim(tuple(range(p0, p0 + nb)), tuple(range(nb)))
        if plan.b_shape == ():
            v = v.unsqueeze(0)
    b = plan.view
    t = _views.begin_write(b)
    target = t.permute(*perm)
    s = _SIGNED.get(target.dtype)
    if s is not None:
        if not isinstance(v, torch.Tensor):
            v = _uint_tensor(v, target.dtype, target.device)
        target, v = target.view(s), v.view(s)
    target[idx] = v
    _views.end_write(b, t)


# --- values ------------------------------------------------------------------------------
_SEQ_ERR = "setting an array element with a sequence."
_C_LONG_ERR = "Python int too large to convert to C long"


def _int_range_error(v, dtype):
    """NumPy's OverflowError for the Python int ``v`` stored into integer ``dtype``, or None."""
    if dtype is torch.uint64:
        if 0 <= v < 2**64:
            return None
        return OverflowError(_C_LONG_ERR if v > 0 else
                             f"Python integer {v} out of bounds for uint64")
    if not -2**63 <= v < 2**63:
        return OverflowError(_C_LONG_ERR)
    info = torch.iinfo(dtype)
    if info.min <= v <= info.max:
        return None
    return OverflowError(f"Python integer {v} out of bounds for {_dtypes.from_torch(dtype).name}")


def _float_to_int(value, dtype):
    """A Python float stored into integer ``dtype`` as NumPy's setitem does: ``int(value)``
    (ValueError for NaN, OverflowError for infinities), range-checked."""
    v = builtins.int(value)  # NumPy's own messages for NaN and the infinities
    err = _int_range_error(v, dtype)
    if err is not None:
        raise err
    return v


def _check_scalars(obj, dtype):
    """The Python scalars inside the nested sequence ``obj`` stored into ``dtype``: NumPy
    converts each with the dtype's own setitem, so complex into a real dtype is a TypeError,
    NaN/inf into an integer dtype a ValueError/OverflowError, an int out of range an
    OverflowError (arrays and torchnp scalars inside are cast like arrays)."""
    if dtype is torch.bool or dtype.is_complex:
        return
    is_int = not dtype.is_floating_point
    stack = [obj]
    while stack:
        level = stack.pop()
        kinds = set(map(type, level))
        if not is_int and kinds <= _REAL_PY:
            continue  # floats, ints, bools into a float dtype: nothing to check
        for x in level:
            tx = type(x)
            if tx is list or tx is tuple:
                stack.append(x)
            elif tx is builtins.complex:
                raise TypeError(_COMPLEX_ERR[is_int])
            elif is_int:
                if tx is builtins.int:
                    err = _int_range_error(x, dtype)
                    if err is not None:
                        raise err
                elif tx is builtins.float:
                    _float_to_int(x, dtype)


_REAL_PY = frozenset({builtins.float, builtins.int, builtins.bool})
_COMPLEX_ERR = ("float() argument must be a string or a real number, not 'complex'",
                "int() argument must be a string, a bytes-like object or a real number, "
                "not 'complex'")


def _is_sequence(value):
    """Whether NumPy reads ``value`` as a nested sequence rather than an array or a scalar
    (lists, tuples, ranges and other sequences without an array protocol)."""
    t = type(value)
    if t is list or t is tuple:
        return True
    if isinstance(value, (_ndarray, torch.Tensor, _dtypes.generic, str, bytes)) \
            or hasattr(value, "__array_interface__") or hasattr(value, "__array_struct__") \
            or hasattr(value, "__array__") or hasattr(value, "__dlpack__"):
        return False
    return hasattr(value, "__len__") and hasattr(value, "__getitem__")


def _depth(obj):
    """How many dimensions NumPy's discovery finds in the nested sequence ``obj`` (its
    deepest branch; arrays inside count their own dimensions)."""
    if not isinstance(obj, (list, tuple)):
        obj = list(obj)
    if set(map(type, obj)) <= _REAL_PY:
        return 1
    d = 0
    for x in obj:
        if type(x) in _REAL_PY or type(x) is builtins.complex:
            continue
        if type(x) is list or type(x) is tuple or _is_sequence(x):
            d = builtins.max(d, _depth(x))
        else:
            d = builtins.max(d, getattr(x, "ndim", 0))
    return 1 + d


def _uint_tensor(v, dtype, device):
    """A Python scalar (already range-checked by prepare_value) as a 0-d uint tensor."""
    if type(v) is builtins.int and v >= 2**63:
        return torch.tensor(v - 2**64, dtype=torch.int64, device=device).view(dtype)
    return torch.tensor(v, device=device).to(dtype)


def prepare_value(value, dtype, device, maxdims=None):
    """A value to store into an array of torch ``dtype``: NumPy's (unsafe) setitem casting.

    Returns a Python scalar (stored with ``fill_``) or a tensor of ``dtype`` on ``device``.
    ``maxdims``: for a nested-sequence value, the most dimensions it may have (the
    target's; NumPy's discovery stops there), None for no limit.
    """
    t = type(value)
    if t is builtins.float or t is builtins.int or t is builtins.bool:
        if dtype == torch.bool:
            return builtins.bool(value)
        if dtype.is_floating_point or dtype.is_complex:
            return value
        if t is builtins.float:
            return _float_to_int(value, dtype)
        if t is builtins.int:
            err = _int_range_error(value, dtype)
            if err is not None:
                raise err
        return value
    if t is builtins.complex:
        if dtype == torch.bool:
            return builtins.bool(value)
        if not dtype.is_complex:
            raise TypeError(_COMPLEX_ERR[not dtype.is_floating_point])
        return value
    if _is_sequence(value):
        if maxdims is not None and _depth(value) > maxdims:
            raise ValueError(f"{_SEQ_ERR} The requested array would exceed the maximum number "
                             f"of dimension of {maxdims}.")
        _check_scalars(value if t is list or t is tuple else list(value), dtype)
    v = _normalize.as_tensor(value)
    if v.is_complex() and not dtype.is_complex and dtype is not torch.bool:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=4)
        v = v.real
    if v.dtype != dtype or v.device != device:
        v = v.to(device=device, dtype=dtype)
    return v


def _comp_is_int(k):
    """Whether the key component ``k`` selects one place along an axis (an int, an integer
    scalar, a 0-d integer array) rather than being a slice, a new axis or advanced."""
    t = type(k)
    if t is int:
        return True
    if t is builtins.bool or t is list or t is tuple or t is slice or k is None \
            or k is Ellipsis:
        return False
    if isinstance(k, (_ndarray, torch.Tensor)):
        if k.ndim:
            return False
        d = k.dtype if type(k) is torch.Tensor else k.dtype.torch_dtype
        return not (d == torch.bool or d.is_floating_point or d.is_complex)
    if isinstance(k, _dtypes.generic):
        return isinstance(k, _dtypes.integer)
    return hasattr(k, "__index__")


def _key_kind(key, ndim):
    """How NumPy stores into ``a[key]`` (``a`` of ``ndim`` dimensions): 0 for one element
    (a scalar slot: sequences and arrays of ndim > 0 are refused), 1 for a view (basic
    indexing: a nested sequence may have at most the view's dimensions), 2 for advanced
    indexing; and the view's number of dimensions (None for advanced indexing)."""
    if type(key) is int:
        return (0, 0) if ndim == 1 else (1, ndim - 1)
    if type(key) is not tuple:
        key = (key,)
    ints = nones = 0
    ell = False
    for k in key:
        if _comp_is_int(k):
            ints += 1
        elif k is None:
            nones += 1
        elif k is Ellipsis:
            ell = True
        elif type(k) is not slice:
            return 2, None
    if ints == ndim and not ell and not nones:
        return 0, 0
    return 1, ndim - ints + nones


def _element_value(value, dtype, device):
    """A value (not a Python scalar) stored into one element of a ``dtype`` array, with the
    errors of NumPy's per-dtype element setters: a sequence is "an array element with a
    sequence" for floats, an ``int()``/complex argument error for integers and complex,
    and its truth value for bool; an array must be 0-d (bool: of size 1)."""
    if _is_sequence(value):
        name = type(value).__name__
        if dtype is torch.bool:
            return builtins.bool(value)
        if dtype.is_complex:
            raise TypeError(f"must be real number, not {name}")
        if not dtype.is_floating_point:
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            f"number, not '{name}'")
        raise ValueError(_SEQ_ERR)
    v = prepare_value(value, dtype, device)
    if isinstance(v, torch.Tensor) and v.ndim:
        if dtype is torch.bool and v.numel() == 1:
            return v.reshape(())
        if dtype.is_complex:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        raise ValueError(_SEQ_ERR)
    return v


def _prepare_for(a, key, value, dtype, device):
    """``prepare_value`` of a value that is not a Python scalar, with NumPy's rules for
    what may be stored at ``a[key]``: one element takes a scalar or a 0-d array, never a
    sequence ("setting an array element with a sequence."); a basic-index view takes
    nested sequences of at most its dimensions; a boolean array of ``a``'s dimensions
    takes 0-d or 1-d values."""
    kind, vdim = _key_kind(key, a.ndim)
    if kind == 0:
        return _element_value(value, dtype, device)
    v = prepare_value(value, dtype, device, vdim)
    if kind == 2 and isinstance(v, torch.Tensor) and v.ndim > 1 and _is_full_mask(key, a.ndim):
        raise TypeError("NumPy boolean array indexing assignment requires a 0 or 1-dimensional "
                        f"input, input has {v.ndim} dimensions")
    return v


def _check_key(a, key):
    """Raise NumPy's IndexError if ``key`` is not a valid index of ``a`` (the basic part of
    it, as NumPy checks before converting the value; advanced indices are checked later)."""
    if _key_kind(key, a.ndim)[0] == 2:
        _parse(key, a.ndim, a.device)
    else:
        _plan(a, key)


def _is_full_mask(key, ndim):
    """Whether ``key`` is one boolean array of the array's ``ndim`` (NumPy's own
    boolean-assignment path, with its own errors)."""
    tk = type(key)
    m = key.tensor if tk is _ndarray else key if tk is torch.Tensor else None
    if m is None and tk is list and key and set(map(type, key)) == {builtins.bool}:
        return ndim == 1
    return m is not None and m.dtype == torch.bool and m.ndim == ndim and ndim > 0


# --- public entry points ---------------------------------------------------------------------
def _is_basic_fast(key):
    """Keys torch indexes exactly as NumPy does: ints, positive-step slices, None, Ellipsis."""
    t = type(key)
    if t is int or key is None or key is Ellipsis:
        return True
    if t is slice:
        return key.step is None or (type(key.step) is int and key.step > 0)
    if t is tuple:
        ell = False
        for k in key:
            tk = type(k)
            if k is Ellipsis:
                if ell:
                    return False
                ell = True
                continue
            if tk is int or k is None:
                continue
            if tk is slice and (k.step is None or (type(k.step) is int and k.step > 0)):
                continue
            return False
        return True
    return False


def _has_ellipsis(key):
    return key is Ellipsis or (type(key) is tuple and any(k is Ellipsis for k in key))


# 0-d int64 CPU tensors for ``torch.take`` (``a[i]`` on a 1-D CPU array): one op that
# both selects and copies, where ``t[i].clone()`` is two. Filled by eager calls only.
_TAKE_INDEX: dict = {}


def _take_index(i):
    r = _TAKE_INDEX.get(i)
    if r is None:
        r = torch.tensor(i, dtype=torch.int64)
        if -1024 <= i < 1024:
            _TAKE_INDEX[i] = r
    return r

_SIMPLE_INDEX_DTYPES = frozenset({torch.int64, torch.int32, torch.bool})


def _single_index_tensor(key, tk):
    """The tensor of a key that is one integer or boolean array (list, ndarray, tensor), else None."""
    if tk is _ndarray:
        idx = key.tensor
    elif tk is torch.Tensor:
        idx = key
    elif tk is list:
        try:
            idx = torch.tensor(key)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            return None
    else:
        return None
    if idx.ndim and idx.dtype in _SIMPLE_INDEX_DTYPES:
        return idx
    return None


def _scalar(r):
    s = _new(_SCALARS[r.dtype])
    s.tensor = r
    return s


def getitem(a, key, /):
    """``a[key]`` with NumPy's semantics (``ndarray.__getitem__``)."""
    if type(a) is _ndarray:
        # fast paths where torch indexes exactly as NumPy does; anything torch
        # rejects is retried on the general path, which raises NumPy's error
        t = a.tensor
        tk = type(key)
        if tk is int:
            if t.ndim == 1:
                n = t.shape[0]
                if -n <= key < n:  # a scalar: a copy, which must not see later writes
                    if t.is_cpu and t.dtype not in _SIGNED and not _tracing():
                        ti = _TAKE_INDEX.get(key)
                        r = t.take(ti if ti is not None else _take_index(key))
                    else:
                        r = t[key].clone()
                    s = _new(_SCALARS[r.dtype])
                    s.tensor = r
                    return s
            elif t.ndim > 1 and -t.shape[0] <= key < t.shape[0]:
                return _plain_view(a, t[key])
        elif tk is slice:
            step = key.step
            if step is None or (type(step) is int and step > 0):
                return _plain_view(a, t[key])
        elif t.is_cpu and not _tracing():
            idx = _single_index_tensor(key, tk)
            if idx is not None and idx.is_cpu and t.ndim:
                # one integer array or mask: torch's result is NumPy's; on the CPU torch
                # raises IndexError for out-of-bounds indices itself (NumPy's message
                # comes from the general path)
                try:
                    r = t[idx]
                except (IndexError, RuntimeError):
                    pass
                else:
                    return _views.wrap(r)
        if _is_basic_fast(key):
            try:
                r = t[key]
            except (IndexError, ValueError, OverflowError):
                _plan(a, key)  # raises NumPy's IndexError (torch: ValueError past int64)
                raise
            if r.ndim == 0 and not _has_ellipsis(key):
                return _scalar(r.clone())  # a scalar must not see later writes
            return _view(a, r)
    plan = _plan(a, key)
    if plan.adv:
        r = _advanced_get(plan)
        if r.ndim == 0 and not _has_ellipsis(key):
            return _scalar(r)
        return _views.wrap(r)
    r = plan.view
    if r.ndim == 0 and not _has_ellipsis(key):
        return _scalar(r.tensor.clone())
    return r


def _mask_fill(a, key, v):
    """``a[mask] = scalar`` as one masked fill (no data-dependent shape: traces whole)."""
    mask = key.tensor if type(key) is _ndarray else key
    if type(mask) is not torch.Tensor or mask.dtype is not torch.bool or not mask.ndim \
            or mask.ndim > a.ndim or tuple(mask.shape) != a.shape[:mask.ndim] \
            or (isinstance(v, torch.Tensor) and v.ndim) or mask.device != a.device:
        return False
    if _views.overlaps_itself(a):
        # elements share memory: write the selected places one by one, as NumPy does
        _views.write_at(a, _views.addresses(a)[mask], v)
        return True
    t = _views.begin_write(a)
    m = mask.reshape(tuple(mask.shape) + (1,) * (t.ndim - mask.ndim))
    s = _SIGNED.get(t.dtype)
    if s is not None:
        if not isinstance(v, torch.Tensor):
            v = _uint_tensor(v, t.dtype, t.device)
        t.view(s).masked_fill_(m, v.view(s))
    else:
        t.masked_fill_(m, v)
    _views.end_write(a, t)
    return True


def setitem(a, key, value, /):
    """``a[key] = value`` with NumPy's semantics (``ndarray.__setitem__``)."""
    _views.check_writeable(a)
    dt, dev = (a.tensor.dtype, a.tensor.device) if type(a) is _ndarray else \
        (a.dtype.torch_dtype, a.device)
    tv = type(value)
    try:
        if tv is builtins.float or tv is builtins.int or tv is builtins.bool \
                or tv is builtins.complex:
            v = prepare_value(value, dt, dev)
        else:
            v = _prepare_for(a, key, value, dt, dev)
    except (ValueError, TypeError, OverflowError):
        _check_key(a, key)  # NumPy reads the key first: its IndexError wins
        raise
    tk = type(key)
    if tk is not int and tk is not slice and tk is not tuple:
        if _mask_fill(a, key, v):
            return
        if type(a) is _ndarray:
            p = a.tensor
            idx = _single_index_tensor(key, tk)
            if idx is not None and idx.device == p.device and p.ndim and idx.numel() \
                    and p.dtype not in _SIGNED and not _views._overlaps_itself(p):
                if idx.dtype is not torch.bool and not _in_bounds(idx, p.shape[0]):
                    _check_bounds(idx, p.shape[0], 0)  # raises NumPy's IndexError
                try:
                    p[idx] = v
                    return
                except (IndexError, RuntimeError, ValueError):
                    pass  # the general path raises NumPy's error
    if type(a) is _ndarray and _is_basic_fast(key):
        try:
            target = a.tensor[key]
        except (IndexError, ValueError, OverflowError):
            _plan(a, key)  # raises NumPy's IndexError (torch: ValueError past int64)
            raise
        _views.write_tensor(target, v)
        return
    plan = _plan(a, key)
    if plan.adv:
        try:
            _advanced_set(plan, v)
        except ValueError:
            if isinstance(v, torch.Tensor) and _is_full_mask(key, a.ndim):
                raise ValueError("NumPy boolean array indexing assignment cannot assign "
                                 f"{v.numel()} input values to the {plan.b_shape[0]} output "
                                 "values where the mask is true") from None
            raise
    else:
        _views.assign(plan.view, v)
