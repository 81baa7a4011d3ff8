"""The normalizer pipeline: type tags, argument conversion and result wrapping.

An implementation function takes and returns torch objects and annotates its
parameters with the tags below. ``make_public`` reads the annotations once, at
registration, and generates a wrapper with the impl's exact signature whose
body is a straight line: normalize each tagged argument, call the impl, apply
``keepdims``, write ``out=``, wrap tensors as ``ndarray`` (or scalars).
No signature inspection happens per call.
"""
from __future__ import annotations

import array as _pyarray
import builtins
import inspect
import itertools
import operator
import threading
import types
import typing
from typing import NewType, Optional

import torch

from . import _dtypes
from .exceptions import UFuncTypeError, normalize_axis_tuple

__all__ = [
    "ArrayLike", "ArrayLikeOrScalar", "ArrayLikeSeq", "NDArray", "DTypeLike", "AxisLike",
    "KeepDims", "OutArray", "CastingModes", "NotImplementedType", "DeviceLike",
    "ArrayOrScalar", "as_tensor", "as_tensor_or_scalar", "make_public", "wrap",
    "wrap_scalar", "copy_to_out",
]

# --- tags -------------------------------------------------------------------
ArrayLike = NewType("ArrayLike", torch.Tensor)
"""Any array-like; the impl receives a torch.Tensor (Python scalars get NumPy's default dtype)."""
ArrayLikeOrScalar = NewType("ArrayLikeOrScalar", torch.Tensor)
"""Like ArrayLike, but Python bool/int/float/complex pass through unchanged (weak, NEP 50)."""
ArrayLikeSeq = NewType("ArrayLikeSeq", tuple)
"""A sequence of array-likes; the impl receives a tuple of tensors."""
NDArray = NewType("NDArray", torch.Tensor)
"""Only a torchnp.ndarray is accepted; the impl receives its tensor."""
DTypeLike = NewType("DTypeLike", torch.dtype)
"""A dtype-like; the impl receives a torch.dtype (or None)."""
AxisLike = NewType("AxisLike", object)
"""None, an int or a tuple of ints; the impl receives None, an int or a tuple of ints."""
KeepDims = NewType("KeepDims", builtins.bool)
"""Handled by the pipeline: the impl reduces without keepdims; reduced axes are restored after."""
OutArray = NewType("OutArray", object)
"""Handled by the pipeline: the impl never sees out; the result is cast into it and it is returned."""
CastingModes = NewType("CastingModes", str)
"""One of NumPy's casting names; anything else raises ValueError."""
NotImplementedType = NewType("NotImplementedType", object)
"""A parameter torchnp does not support: any value but the default raises NotImplementedError."""
DeviceLike = NewType("DeviceLike", torch.device)
"""None, a string or a torch.device; the impl receives a torch.device or None."""
ArrayOrScalar = NewType("ArrayOrScalar", torch.Tensor)
"""Return annotation: 0-d tensors in the result become torchnp scalars (as NumPy's ufuncs and reductions return)."""

_ndarray_cls = None  # set by _ndarray at import (avoids an import cycle)
_PY_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)


# --- conversion -------------------------------------------------------------
def _scalar_tensor(value):
    t = type(value)
    if t is builtins.float:
        return torch.tensor(value, dtype=torch.float64)
    if t is builtins.int:
        try:
            return torch.tensor(value, dtype=torch.int64)
        except (RuntimeError, ValueError):  # torch: "Overflow when unpacking long long"
            if 0 <= value < 2**64:  # NumPy gives uint64; torch.tensor can't parse it directly
                return torch.tensor(value - 2**64, dtype=torch.int64).view(torch.uint64)
            raise NotImplementedError(
                f"torchnp: Python integer {value} fits neither int64 nor uint64; NumPy makes an "
                "object array of it, and object arrays are not supported") from None
    return torch.tensor(value, dtype=_dtypes.default_dtype_of_scalar(value))


# the dtype NumPy gives a flat sequence whose element types are exactly these
_FLAT_DTYPES = {
    frozenset({builtins.float}): torch.float64,
    frozenset({builtins.float, builtins.int}): torch.float64,
    frozenset({builtins.float, builtins.bool}): torch.float64,
    frozenset({builtins.float, builtins.int, builtins.bool}): torch.float64,
    frozenset({builtins.int}): torch.int64,
    frozenset({builtins.complex}): torch.complex128,
}
_F64, _I64, _C128 = torch.float64, torch.int64, torch.complex128
_INT, _frombuffer = builtins.int, torch.frombuffer
_NESTED = frozenset({list, tuple})
# True while a torch function mode is active; only then can torch's default device
# be other than the CPU (set_default_device and ``with torch.device(...)`` are modes)
_modes_active = torch._C._is_torch_function_mode_enabled


def _check_int_range(values):
    """NumPy makes an object array of a list holding an int beyond int64/uint64, floats or not."""
    ints = [x for x in values if type(x) is builtins.int]
    if ints and (min(ints) < -2**63 or max(ints) >= 2**64):
        v = min(ints) if min(ints) < -2**63 else max(ints)
        raise NotImplementedError(
            f"torchnp: Python integer {v} fits neither int64 nor uint64; NumPy makes an "
            "object array of it, and object arrays are not supported")


def _from_flat(values, kinds, dt):
    """A 1-D ``dt`` tensor of a flat list of Python scalars whose element types are
    ``kinds`` (a key of ``_FLAT_DTYPES``, ``dt`` its value); None where the general
    path must decide (ints beyond int64: uint64 or an object array)."""
    if dt is not _I64 and _INT in kinds:
        _check_int_range(values)
    if dt is not _C128 and not _modes_active():  # torch's default device is the CPU
        # array.array packs the values in C and torch.frombuffer adopts the buffer:
        # ~3x faster than torch.tensor(list); OverflowError for what C can't hold
        try:
            return _frombuffer(_pyarray.array("d" if dt is _F64 else "q", values), dtype=dt)
        except OverflowError:
            if dt is _I64:
                return None
    try:
        return torch.tensor(values, dtype=dt)
    except (ValueError, RuntimeError, OverflowError):  # "Overflow when unpacking long long"
        if dt is not _I64:
            raise
        return None


def _from_sequence(obj):
    """Nested lists/tuples to a tensor with NumPy's dtype inference."""
    if len(obj) == 0:
        return torch.zeros((0,), dtype=torch.float64)
    # flat Python scalars, or rectangular rows of them (the common cases): torch
    # would infer float32 for floats and need a second pass; the set of element
    # types is computed at C speed
    kinds = frozenset(map(type, obj))
    dt = _FLAT_DTYPES.get(kinds)
    if dt is not None:
        t = _from_flat(obj, kinds, dt)
        if t is not None:
            return t
    elif kinds <= _NESTED:
        n = len(obj[0])
        if n and all([len(row) == n for row in obj]):
            flat = list(itertools.chain.from_iterable(obj))
            kinds = frozenset(map(type, flat))
            dt = _FLAT_DTYPES.get(kinds)
            if dt is not None:
                t = _from_flat(flat, kinds, dt)
                if t is not None:
                    return t.view(len(obj), n)
    try:
        t = torch.tensor(obj)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return _from_mixed_sequence(obj)
    if t.dtype in (torch.float32, torch.float16, torch.bfloat16):
        if not _contains_strong(obj):
            t = torch.tensor(obj, dtype=torch.float64)
    elif t.dtype == torch.complex64 and not _contains_strong(obj):
        t = torch.tensor(obj, dtype=torch.complex128)
    return t


def _contains_strong(obj):
    """Whether a nested sequence holds something with its own dtype (not a Python scalar)."""
    for x in obj:
        if type(x) in (list, tuple):
            if _contains_strong(x):
                return True
        elif type(x) not in _PY_SCALARS:
            return True
    return False


def _from_mixed_sequence(obj):
    # array coercion gives Python scalars their default dtypes (not NEP 50 weak):
    # np.array([np.int8(1), 2]).dtype is int64
    parts = [as_tensor(x) if type(x) not in (list, tuple) else _from_sequence(x)
             for x in obj]
    tensors = [p for p in parts if isinstance(p, torch.Tensor)]
    if tensors:
        dt = _dtypes.result_type_torch(*parts)
    else:
        dt = _dtypes.result_type_torch(*parts)
    conv = [p.to(dt) if isinstance(p, torch.Tensor) else torch.tensor(p, dtype=dt) for p in parts]
    shapes = {tuple(c.shape) for c in conv}
    if len(shapes) != 1:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         "inhomogeneous shape after 1 dimensions. The detected shape was "
                         f"({len(obj)},) + inhomogeneous part.")
    return torch.stack(conv)


def as_tensor(obj):
    """Convert any array-like to a torch.Tensor, with NumPy's default dtypes."""
    t = type(obj)
    if t is torch.Tensor:
        return obj
    if t in _PY_SCALARS:
        return _scalar_tensor(obj)
    if t is list or t is tuple:
        return _from_sequence(obj)
    if t is _flipview_cls:
        return _flip_tensor(obj)
    if isinstance(obj, _ndarray_cls) or isinstance(obj, _dtypes.generic):
        return obj.tensor
    if isinstance(obj, torch.Tensor):
        return obj
    if hasattr(obj, "__array_interface__") or hasattr(obj, "__array_struct__"):
        try:
            return torch.as_tensor(obj)
        except TypeError as exc:
            raise TypeError(f"torchnp: cannot convert {type(obj).__name__} with dtype "
                            f"{getattr(obj, 'dtype', '?')} to a tensor: {exc}") from exc
    if hasattr(obj, "__dlpack__"):
        return torch.from_dlpack(obj)
    if hasattr(obj, "__array__"):
        return torch.as_tensor(obj.__array__())
    if obj is None:
        raise NotImplementedError("torchnp: None is not an array-like (object arrays are not supported)")
    if isinstance(obj, (str, bytes)):
        raise NotImplementedError(f"torchnp: string data {obj!r} has no torch dtype (str/bytes arrays are not supported)")
    if isinstance(obj, _PY_SCALARS):  # subclasses of Python scalars
        return _scalar_tensor(t.__mro__[-2](obj) if t.__mro__[-2] in _PY_SCALARS else obj)
    if hasattr(obj, "__len__") and hasattr(obj, "__getitem__"):
        return _from_sequence(list(obj))
    if hasattr(obj, "__iter__"):
        raise NotImplementedError(f"torchnp: cannot make an array from {type(obj).__name__} "
                                  "(iterators give object arrays in NumPy; use fromiter)")
    raise NotImplementedError(f"torchnp: cannot make an array from {type(obj).__name__}")


# --- reversed views through pipeline functions ------------------------------
# A reversed view (``_FlipView``: NumPy's negative strides) has no torch tensor of
# its own, so normalizing one hands the impl a flipped *temporary*. A function
# that returns a view of its input (transpose, reshape, split, diagonal…) then
# returns a view of that temporary; were it wrapped as is, writes through it
# would be lost and it would not see later writes to the base. So the temporary
# is remembered here (a slow path: only reversed views get here), and when the
# wrapper finishes it turns every result that aliases the temporary into a true
# view of the base memory (``_derive``). Plain arrays pay one truth test of
# ``_PENDING`` per call.
_flipview_cls = None  # set by _ndarray at import
_PENDING: list = []   # (temporary, reversed view, thread id), newest last
_PENDING_LOCK = threading.Lock()
_get_ident = threading.get_ident
_is_compiling = torch.compiler.is_compiling


def _always(args):
    return True


def _asks_c_or_f_order(args):
    order = args.get("order")
    return type(order) is str and order.upper() in ("C", "F")


_ORDER_REQUIREMENTS = frozenset({"C", "C_CONTIGUOUS", "CONTIGUOUS", "F", "F_CONTIGUOUS", "FORTRAN"})


def _requires_c_or_f(args):
    reqs = args.get("requirements")
    return bool(reqs) and any(type(r) is str and r.upper() in _ORDER_REQUIREMENTS for r in reqs)


# Functions whose result NumPy makes C- or F-contiguous (a copy, for a reversed
# input) where the flipped temporary, itself contiguous, lets the impl return it
# unchanged: name -> predicate on the call's arguments (some only for some
# arguments: ``asarray(v)`` is ``v``, ``asarray(v, order="C")`` a copy).
_CONTIGUOUS_RESULT = {
    "ravel": _always, "ascontiguousarray": _always, "asfortranarray": _always,
    "array": _asks_c_or_f_order, "asarray": _asks_c_or_f_order,
    "asanyarray": _asks_c_or_f_order, "require": _requires_c_or_f,
}


def _flip_temporary(v):
    """The tensor of the reversed view ``v`` (a flipped copy), remembered for ``_derive``.

    Called by the wrappers' normalization only, so only a wrapper call (which
    ends in ``_derive``) leaves entries; ``as_tensor`` elsewhere (ufuncs, impls)
    does not track, except that inside a wrapper call it reuses the temporary
    of a view the wrapper tracked (``_flip_tensor``).
    """
    if _is_compiling():  # under torch.compile the views are not tracked (dynamo can't trace a lock)
        return v.tensor
    me = _get_ident()
    with _PENDING_LOCK:
        for e in _PENDING:
            if e[1] is v and e[2] == me:
                return e[0]
        t = v.tensor
        if len(_PENDING) > 16:  # entries of calls that raised before finishing
            del _PENDING[:8]
        _PENDING.append((t, v, me))
    return t


def _flip_tensor(v):
    """``v.tensor``, or the temporary already tracked for ``v`` in this thread's current call."""
    if _PENDING:
        me = _get_ident()
        with _PENDING_LOCK:
            for e in _PENDING:
                if e[1] is v and e[2] == me:
                    return e[0]
    return v.tensor


def _as_tensor_tracked(obj):
    """as_tensor for the wrappers' normalization: reversed views are tracked."""
    return _flip_temporary(obj) if type(obj) is _flipview_cls else as_tensor(obj)


def _track(obj):
    """An untagged array parameter that is a reversed view: track it for the impl's as_tensor."""
    _flip_temporary(obj)


def _derive(r, name, args):
    """Results of a call that normalized reversed views: aliases of a temporary become views.

    ``args`` are the wrapper's locals (its arguments), read only by the rules of
    ``_CONTIGUOUS_RESULT``.
    """
    me = _get_ident()
    with _PENDING_LOCK:
        mine = [e for e in _PENDING if e[2] == me]
        if not mine:
            return r
        _PENDING[:] = [e for e in _PENDING if e[2] != me]
    rule = _CONTIGUOUS_RESULT.get(name)
    return _derive_in(r, mine, rule is not None and rule(args))


def _drop_pending():
    """Forget this thread's tracked temporaries (its wrapper call raised)."""
    me = _get_ident()
    with _PENDING_LOCK:
        _PENDING[:] = [e for e in _PENDING if e[2] != me]


def _derive_in(r, entries, copy):
    if not isinstance(r, torch.Tensor):
        return _map_items(r, lambda x: _derive_in(x, entries, copy))
    if not r.numel():
        return r
    ptr = r.untyped_storage().data_ptr()
    for tmp, v, _ in entries:
        if tmp.numel() and tmp.untyped_storage().data_ptr() == ptr:
            break
    else:
        return r
    if copy:
        # the temporary is this call's own flipped copy, which nothing else holds:
        # a result in it is already the copy NumPy makes
        return r
    if not (r.is_conj() or r.is_neg()):
        m = _memory_view(r, tmp, v._p, v._flips)
        if m is not None:
            from . import _indexing
            return _indexing._new_view(v, m[0], m[1])
    # NumPy copies here (its result could not be a strided view of the memory)
    return r.clone(memory_format=torch.contiguous_format)


def _memory_view(r, tmp, p, flips):
    """``r``, a view of ``tmp = flip(p, flips)``, as (positive-stride view of p's memory, flips).

    None when no strided view of the memory holds ``r``'s elements in order (as
    for NumPy's reshapes that must copy). Works on byte offsets so dtype views
    (``.real``, ``.view(dtype)``) map too. All index arithmetic runs on the CPU
    on metadata: no device sync.
    """
    if p.is_conj() or p.is_neg():
        return None
    es_t, es_r = tmp.element_size(), r.element_size()
    sizes, rstrides = list(r.shape), [s * es_r for s in r.stride()]
    axes = [k for k in range(r.ndim) if sizes[k] > 1 and rstrides[k] != 0]
    i64 = torch.int64
    b = torch.tensor(r.storage_offset() * es_r - tmp.storage_offset() * es_t, dtype=i64)
    for k in axes:  # byte offset in the temporary of every element of r (over its real axes)
        b = b.unsqueeze(-1) + torch.arange(sizes[k], dtype=i64) * rstrides[k]
    slot, byte = torch.div(b, es_t, rounding_mode="floor"), b % es_t
    addr = byte + p.storage_offset() * es_t
    for d in range(tmp.ndim):  # temporary element -> its index -> byte address in memory
        n = tmp.shape[d]
        if n == 1:
            continue
        i = torch.div(slot, tmp.stride(d), rounding_mode="floor") % n
        if d in flips:
            i = (n - 1) - i
        addr = addr + i * (p.stride(d) * es_t)
    flat = addr.reshape(-1)
    a0 = int(flat[0])
    deltas, expect = [], torch.tensor(a0, dtype=i64)
    for j, k in enumerate(axes):
        step = int(flat[addr.stride(j)]) - a0 if addr.ndim else 0
        deltas.append(step)
        expect = expect.unsqueeze(-1) + torch.arange(sizes[k], dtype=i64) * step
    if not torch.equal(addr, expect):
        return None
    start, strides, out_flips = a0, [0] * r.ndim, []
    dk = dict(zip(axes, deltas))
    inner = es_r
    for k in range(r.ndim - 1, -1, -1):
        d = dk.get(k)
        if d is None:  # a length-1 axis gets the C-order stride, as NumPy's do; broadcast ones 0
            strides[k] = inner if sizes[k] == 1 else 0
            continue
        if d < 0:
            start += (sizes[k] - 1) * d
            out_flips.append(k)
        strides[k] = abs(d)
        inner = abs(d) * sizes[k]
    out_flips.reverse()
    if start % es_r or any(s % es_r for s in strides):
        return None
    q = torch.empty(0, dtype=r.dtype, device=p.device)
    q.set_(p.untyped_storage(), start // es_r, sizes, [s // es_r for s in strides])
    return q, out_flips


def as_tensor_or_scalar(obj):
    """Like as_tensor, but Python scalars stay Python scalars (they are weak under NEP 50)."""
    t = type(obj)
    if t in _PY_SCALARS:
        return obj
    return as_tensor(obj)


def _normalize_dtype(x):
    if x is None:
        return None
    return _dtypes.to_torch_dtype(x)


def _normalize_axis(x):
    if x is None:
        return None
    t = type(x)
    if t is builtins.int:
        return x
    if t is tuple or t is list:
        return tuple(operator.index(a) for a in x)
    try:
        return operator.index(x)
    except TypeError:
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer") from None


def _normalize_seq(x):
    if isinstance(x, (_ndarray_cls, torch.Tensor)):
        return tuple(_as_tensor_tracked(x))
    return tuple(_as_tensor_tracked(a) for a in x)


def _normalize_ndarray(x, name):
    if isinstance(x, _ndarray_cls):
        return x.tensor if type(x) is not _flipview_cls else _flip_temporary(x)
    raise TypeError(f"{name} must be a torchnp.ndarray, not {type(x).__name__}")


_CASTING_NAMES = ("no", "equiv", "safe", "same_kind", "unsafe")


def _normalize_casting(x):
    if x not in _CASTING_NAMES:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    return x


def _normalize_device(x):
    if x is None or isinstance(x, torch.device):
        return x
    if isinstance(x, str):
        return torch.device(x)
    if hasattr(x, "type") and hasattr(x, "index"):
        return torch.device(x.type, x.index)
    raise TypeError(f"device must be None, a string or a torch.device, not {x!r}")


# --- wrapping ---------------------------------------------------------------
def _map_items(r, f):
    """``f`` of each item of a tuple, list or named tuple ``r``, in the same type; else ``r``."""
    t = type(r)
    if t is tuple or t is list:
        return t([f(x) for x in r])
    if isinstance(r, tuple) and hasattr(r, "_fields"):
        return t(*[f(x) for x in r])
    return r


def wrap(r):
    """Wrap the tensors in an impl's result as ndarrays, keeping the structure."""
    if type(r) is torch.Tensor or isinstance(r, torch.Tensor):
        a = object.__new__(_ndarray_cls)
        a.tensor = r
        a._base = None  # set, not left unset: reading an unset slot is slow (see _ndarray)
        a._readonly = False
        return a
    return _map_items(r, wrap)


def wrap_scalar(r):
    """Like wrap, but 0-d tensors become torchnp scalar objects."""
    if type(r) is torch.Tensor and not r.ndim:
        s = object.__new__(_dtypes._SCALAR_BY_TORCH[r.dtype])
        s.tensor = r
        return s
    if isinstance(r, torch.Tensor):
        return wrap(r)
    return _map_items(r, wrap_scalar)


def copy_to_out(result, out, casting="same_kind", name="function"):
    """Cast ``result`` into ``out`` following NumPy's rules; return ``out``."""
    if type(out) is tuple:
        if type(result) is not tuple or len(out) != len(result):
            raise ValueError(f"{name}: out must be a tuple of {len(result) if type(result) is tuple else 1} arrays")
        for r, o in zip(result, out):
            if o is not None:
                copy_to_out(r, o, casting, name)
        return out
    if not isinstance(out, _ndarray_cls):
        raise TypeError(f"return arrays must be of ArrayType, not {type(out).__name__}")
    r = result if isinstance(result, torch.Tensor) else \
        result.tensor if isinstance(result, _ndarray_cls) else as_tensor(result)
    if not _dtypes.can_cast_torch(r.dtype, out.tensor.dtype, casting):
        raise UFuncTypeError(
            f"Cannot cast {name} output from dtype('{_dtypes.from_torch(r.dtype).name}') to "
            f"dtype('{_dtypes.from_torch(out.tensor.dtype).name}') with casting rule '{casting}'")
    if tuple(r.shape) != tuple(out.tensor.shape):
        try:
            torch.broadcast_shapes(r.shape, out.tensor.shape)
            ok = torch.broadcast_shapes(r.shape, out.tensor.shape) == out.tensor.shape
        except RuntimeError:
            ok = False
        if not ok:
            raise ValueError(f"non-broadcastable output operand with shape {tuple(out.tensor.shape)} "
                             f"doesn't match the broadcast shape {tuple(r.shape)}")
    out._assign(r)
    return out


def _apply_keepdims(r, axis, ndim):
    if type(r) is tuple:
        return tuple(_apply_keepdims(x, axis, ndim) for x in r)
    if not isinstance(r, torch.Tensor):
        r = as_tensor(r)
    if axis is None:
        return r.reshape((1,) * ndim)
    if not ndim and type(axis) is builtins.int:
        # NumPy reduces a 0-d array over an int axis 0 or -1 and keeps it 0-d
        if axis != 0 and axis != -1:
            normalize_axis_tuple(axis, 0)  # raises NumPy's AxisError
        return r.reshape(())
    axes = normalize_axis_tuple(axis, ndim)
    shape = list(r.shape)
    for ax in sorted(axes):
        shape.insert(ax, 1)
    return r.reshape(shape)


# --- the wrapper generator --------------------------------------------------
# Each line is one statement of the generated wrapper; ``{p}`` is the parameter.
# The common cases (an ndarray, a tensor, None, an int axis) stay inline so a
# call pays no extra Python function call for them.
_TAG_CODE = {
    ArrayLike: "{p} = {p}.tensor if type({p}) is _nd else _as_tensor({p}) if type({p}) is not _FV "
               "else _flip_temporary({p})",
    ArrayLikeOrScalar: "{p} = {p}.tensor if type({p}) is _nd else _as_tensor_or_scalar({p}) "
                       "if type({p}) is not _FV else _flip_temporary({p})",
    ArrayLikeSeq: "{p} = _normalize_seq({p})",
    NDArray: "{p} = _normalize_ndarray({p}, {p!r})",
    DTypeLike: "if {p} is not None: {p} = _normalize_dtype({p})",
    AxisLike: "if {p} is not None and type({p}) is not int: {p} = _normalize_axis({p})",
    CastingModes: "{p} = _normalize_casting({p})",
    DeviceLike: "if {p} is not None: {p} = _normalize_device({p})",
}
_PIPELINE_TAGS = (KeepDims, OutArray, NotImplementedType)
_ALL_TAGS = tuple(_TAG_CODE) + _PIPELINE_TAGS
_EMPTY = inspect.Parameter.empty

# the globals every wrapper sees (a copy per wrapper adds its impl and defaults)
_BASE_NS: dict = {}
# generated source (name-independent) -> compiled module code; wrappers of the
# same shape (``(a, axis=None, ...)`` reductions…) share one compile
_CODE_CACHE: dict = {}
# (id of the impl's module globals, annotation string) -> evaluated tag
_HINT_CACHE: dict = {}


def _base_ns():
    if not _BASE_NS:
        _BASE_NS.update({
            "_nd": _ndarray_cls, "_T": torch.Tensor, "_new": object.__new__,
            "_SC": _dtypes._SCALAR_BY_TORCH, "_as_tensor": as_tensor,
            "_as_tensor_or_scalar": as_tensor_or_scalar, "_normalize_seq": _normalize_seq,
            "_normalize_ndarray": _normalize_ndarray, "_normalize_dtype": _normalize_dtype,
            "_normalize_axis": _normalize_axis, "_normalize_casting": _normalize_casting,
            "_normalize_device": _normalize_device, "_apply_keepdims": _apply_keepdims,
            "_copy_to_out": copy_to_out, "_NotImplemented": _raise_not_implemented,
            "_wrap": wrap, "_wrap_scalar": wrap_scalar, "int": builtins.int,
            "_PENDING": _PENDING, "_derive": _derive, "_FV": _flipview_cls,
            "_drop_pending": _drop_pending,
            "_flip_temporary": _flip_temporary, "_track": _track,
            "_as_tensor_tracked": _as_tensor_tracked,
            "tuple": builtins.tuple, "isinstance": builtins.isinstance,
            "__builtins__": builtins,
        })
    return _BASE_NS


class _Param:
    """What make_public needs of one impl parameter (cheaper than inspect.Parameter)."""

    __slots__ = ("name", "kind", "default")
    POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD = range(5)

    def __init__(self, name, kind, default):
        self.name, self.kind, self.default = name, kind, default


def _impl_params(impl):
    """The impl's parameters, read from its code object (inspect.signature as a fallback)."""
    code = getattr(impl, "__code__", None)
    if type(impl) is not types.FunctionType or code is None or "__signature__" in impl.__dict__ \
            or "__wrapped__" in impl.__dict__:
        sig = inspect.signature(impl)
        return [_Param(q.name, int(q.kind), q.default) for q in sig.parameters.values()]
    names = code.co_varnames
    npos, nposonly, nkw = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
    defaults = impl.__defaults__ or ()
    kwdefaults = impl.__kwdefaults__ or {}
    first_default = npos - len(defaults)
    out = []
    for i in range(npos):
        kind = _Param.POSITIONAL_ONLY if i < nposonly else _Param.POSITIONAL_OR_KEYWORD
        out.append(_Param(names[i], kind, defaults[i - first_default] if i >= first_default else _EMPTY))
    i = npos
    var = None
    if code.co_flags & inspect.CO_VARARGS:
        var = _Param(names[npos + nkw], _Param.VAR_POSITIONAL, _EMPTY)
        out.append(var)
    for j in range(npos, npos + nkw):
        out.append(_Param(names[j], _Param.KEYWORD_ONLY, kwdefaults.get(names[j], _EMPTY)))
    if code.co_flags & inspect.CO_VARKEYWORDS:
        out.append(_Param(names[npos + nkw + (1 if var else 0)], _Param.VAR_KEYWORD, _EMPTY))
    if var is not None:  # inspect's order: positional, *args, keyword-only, **kwargs
        out.remove(var)
        out.insert(npos, var)
    return out


def _impl_hints(impl):
    """The impl's annotations, evaluated (strings under ``from __future__ import annotations``)."""
    ann = getattr(impl, "__annotations__", None) or {}
    if not ann:
        return {}
    g = getattr(impl, "__globals__", None)
    if g is None:
        return typing.get_type_hints(impl)
    gid = id(g)
    out = {}
    for k, v in ann.items():
        if type(v) is str:
            key = (gid, v)
            r = _HINT_CACHE.get(key, _HINT_CACHE)
            if r is _HINT_CACHE:
                try:
                    r = eval(v, g)  # noqa: S307 - an annotation of the impl's own module
                except Exception:  # noqa: BLE001 - typing reports it with its own wording
                    return typing.get_type_hints(impl)
                if type(r) is str:
                    return typing.get_type_hints(impl)  # a forward reference: typing resolves it
                _HINT_CACHE[key] = r
            v = r
        out[k] = type(None) if v is None else v
    return out


class _LazySignature(inspect.Signature):
    """The public ``__signature__``: the impl's, without annotations, built on first use.

    Building an ``inspect.Signature`` per function costs more than generating the
    wrapper, and most wrappers are never introspected.
    """

    __slots__ = ("_impl",)

    @staticmethod
    def of(impl):
        s = object.__new__(_LazySignature)
        s._impl = impl
        return s

    def _resolve(self):
        sig = inspect.signature(self._impl)
        self._parameters = sig.replace(
            parameters=[q.replace(annotation=_EMPTY) for q in sig.parameters.values()]).parameters
        self._return_annotation = _EMPTY

    @property
    def parameters(self):
        try:
            return self._parameters
        except AttributeError:
            self._resolve()
            return self._parameters

    @property
    def return_annotation(self):
        try:
            return self._return_annotation
        except AttributeError:
            self._resolve()
            return self._return_annotation

    def __reduce__(self):
        return (inspect.Signature, (list(self.parameters.values()),))


def _split_optional(hint):
    """``X | None`` -> (X, True); ``X`` -> (X, False)."""
    if hint is None or type(hint) is NewType:  # no hint, or a bare tag
        return hint, False
    args = typing.get_args(hint)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return hint, False


def make_public(impl, name=None, module="torchnp"):
    """Build the public function for ``impl`` (see the module docstring)."""
    name = name or impl.__name__
    params_in = _impl_params(impl)
    try:
        hints = _impl_hints(impl)
    except Exception as exc:  # noqa: BLE001 - report which impl has a bad annotation
        raise TypeError(f"cannot resolve the annotations of {impl.__module__}.{impl.__qualname__}: {exc}") from exc
    ns = dict(_BASE_NS or _base_ns())
    ns["_impl"] = impl
    ns["_name"] = name
    scalar_result = hints.get("return") is ArrayOrScalar
    P = _Param
    params, body, call = [], [], []
    seen_kwonly = False
    out_param = keep_param = axis_param = first_array = casting_param = None
    skipped = False  # an out/keepdims parameter was dropped from the impl call
    n_posonly = sum(1 for q in params_in if q.kind == P.POSITIONAL_ONLY)
    for p in params_in:
        text = p.name
        if p.default is not _EMPTY:
            ns[f"_d_{p.name}"] = p.default
            text += f"=_d_{p.name}"
        if p.kind == P.VAR_POSITIONAL:
            text = "*" + p.name
            seen_kwonly = True
        elif p.kind == P.VAR_KEYWORD:
            text = "**" + p.name
        elif p.kind == P.KEYWORD_ONLY and not seen_kwonly:
            params.append("*")
            seen_kwonly = True
        params.append(text)
        if p.kind == P.POSITIONAL_ONLY and len(params) == n_posonly:
            params.append("/")
        hint = hints.get(p.name)
        tag, optional = _split_optional(hint)
        if tag is OutArray:
            out_param = p.name
            skipped = True  # later parameters must go by keyword
            continue  # the impl never sees out
        if tag is KeepDims:
            keep_param = p.name
            skipped = True
            continue
        if tag is NotImplementedType:
            ns[f"_d_{p.name}"] = p.default
            body.append(f"if {p.name} is not _d_{p.name}: _NotImplemented(_name, {p.name!r}, {p.name}, _d_{p.name})")
        elif tag in _TAG_CODE:
            code = _TAG_CODE[tag].format(p=p.name)
            if p.kind == P.VAR_POSITIONAL and tag is ArrayLike:
                code = f"{p.name} = tuple([_as_tensor_tracked(_x) for _x in {p.name}])"
            if (optional or (p.default is None and tag not in (DTypeLike, AxisLike, DeviceLike))) \
                    and not code.startswith(f"if {p.name} is not None"):
                code = f"if {p.name} is not None: {code}"
            body.append(code)
            if tag in (ArrayLike, ArrayLikeOrScalar, NDArray) and first_array is None:
                first_array = p.name
            if tag is AxisLike and axis_param is None:
                axis_param = p.name
            if tag is CastingModes:
                casting_param = p.name
        elif hint is not None and hint not in _ALL_TAGS and _looks_like_array_param(p.name):
            raise TypeError(f"{impl.__module__}.{impl.__qualname__}: parameter {p.name!r} looks "
                            "array-like but has no normalizer tag")
        elif hint is None and p.kind <= P.KEYWORD_ONLY and p.kind != P.VAR_POSITIONAL \
                and (_looks_like_array_param(p.name) or p.name in _UNTAGGED_ARRAY_NAMES):
            # the impl converts it itself (asarray's ``a``): a reversed view is tracked
            # here so that a result aliasing its temporary becomes a view (``_derive``)
            body.append(f"if type({p.name}) is _FV: _track({p.name})")
        if p.kind == P.POSITIONAL_ONLY or (p.kind == P.POSITIONAL_OR_KEYWORD and not skipped):
            call.append(p.name)  # positionally: keeps order before *args, and is faster
        elif p.kind == P.VAR_POSITIONAL:
            call.append("*" + p.name)
        elif p.kind == P.VAR_KEYWORD:
            call.append("**" + p.name)
        else:
            call.append(f"{p.name}={p.name}")
    if keep_param is not None and first_array is None:
        raise TypeError(f"{impl.__qualname__}: KeepDims needs an array parameter")
    if keep_param is not None:
        # the array parameter now holds the normalized input: its ndim is the input's
        ndim = f"({first_array}.ndim if isinstance({first_array}, _T) else 0)"
        call_line = f"_impl({', '.join(call)})"
        body.append(f"_r = {call_line}")
        ax = axis_param if axis_param is not None else "None"
        body.append(f"if {keep_param}: _r = _apply_keepdims(_r, {ax}, {ndim})")
    else:
        body.append(f"_r = _impl({', '.join(call)})")
    body.append("if _PENDING: _r = _derive(_r, _name, locals())")
    if out_param is not None:
        casting = casting_param if casting_param is not None else "'same_kind'"
        body.append(f"if {out_param} is not None: return _copy_to_out(_r, {out_param}, {casting}, _name)")
    # wrapping, inline for the usual single-tensor result
    body.append("if type(_r) is _T:")
    if scalar_result:
        body.append("    if not _r.ndim:")
        body.append("        _o = _new(_SC[_r.dtype])")
        body.append("        _o.tensor = _r")
        body.append("        return _o")
    body.append("    _o = _new(_nd)")
    body.append("    _o.tensor = _r")
    body.append("    _o._base = None")
    body.append("    _o._readonly = False")
    body.append("    return _o")
    body.append("return _wrap_scalar(_r)" if scalar_result else "return _wrap(_r)")
    # a call that raises drops the reversed-view temporaries it tracked, so that no
    # later conversion reuses one (its values would be stale); try is free in 3.11
    src = ("def _f(" + ", ".join(params) + "):\n    try:\n" +
           "\n".join("        " + line for line in body) +
           "\n    except BaseException:\n        if _PENDING: _drop_pending()\n        raise\n")
    if src in _CODE_CACHE:
        fn = _bind(src, ns, name, module)
    else:
        # Compiling is most of the cost of assembling a namespace, and most of its
        # functions are never called: a stub with the same globals compiles the
        # wrapper on its first call and takes over its code.
        exec(_STUB_CODE, ns)  # noqa: S102
        fn = ns["_self"] = ns.pop("_f")
        fn.__code__ = fn.__code__.replace(co_name=name, co_qualname=name)
        ns["_src"] = src
        ns["_finish"] = _finish_stub
        fn.__defaults__ = tuple(p.default for p in params_in if p.default is not _EMPTY
                                and p.kind <= P.POSITIONAL_OR_KEYWORD) or None
        fn.__kwdefaults__ = {p.name: p.default for p in params_in
                             if p.kind == P.KEYWORD_ONLY and p.default is not _EMPTY} or None
    fn.__name__ = name
    fn.__doc__ = impl.__doc__
    fn.__qualname__ = name
    fn.__module__ = module
    fn.__wrapped_impl__ = impl
    fn.__signature__ = _LazySignature.of(impl)
    return fn


_STUB_CODE = compile("def _f(*args, **kwargs):\n    return _finish(_self)(*args, **kwargs)\n",
                     "<torchnp wrapper stub>", "exec")


def _bind(src, ns, name, module):
    """The wrapper function for generated source ``src`` with globals ``ns`` (compiled once per source)."""
    code = _CODE_CACHE.get(src)
    if code is None:
        code = _CODE_CACHE[src] = compile(src, "<torchnp wrapper>", "exec")
    exec(code, ns)  # noqa: S102 - binds _f with this wrapper's defaults and impl
    fn = ns.pop("_f")
    fn.__code__ = fn.__code__.replace(co_name=name, co_qualname=name,
                                      co_filename=f"<torchnp wrapper {module}.{name}>")
    return fn


def _finish_stub(fn):
    """First call of a stub from make_public: give it the compiled wrapper's code and defaults."""
    g = fn.__globals__
    src = g.get("_src")
    if src is not None:  # else another thread finished it
        real = _bind(src, g, fn.__name__, fn.__module__)
        fn.__code__ = real.__code__
        fn.__defaults__, fn.__kwdefaults__ = real.__defaults__, real.__kwdefaults__
        g.pop("_src", None)
    return fn


_ARRAYISH_NAMES = frozenset({"a", "x", "x1", "x2", "arr", "ary", "array", "m", "v", "y"})


_UNTAGGED_ARRAY_NAMES = frozenset({"object", "prototype"})


def _looks_like_array_param(pname):
    return pname in _ARRAYISH_NAMES


def _raise_not_implemented(func, param, value, default):
    raise NotImplementedError(
        f"torchnp.{func}: parameter {param}={value!r} is not supported (only the default {default!r})")
