"""The normalizer pipeline: type tags, argument conversion and result wrapping.

An implementation function takes and returns torch objects and annotates its
parameters with the tags below. ``make_public`` reads the annotations once, at
registration, and generates the source of a wrapper with the impl's exact
signature whose body is a straight line: normalize each tagged argument, call
the impl, apply ``keepdims``, write ``out=``, wrap tensors as ``ndarray`` (or
scalars). The source is compiled right then and registered with ``linecache``
(tracebacks and ``inspect`` show it); the function is never changed afterwards,
so dynamo and torch.func see a plain function. No signature inspection happens
per call.
"""
from __future__ import annotations

import array as _pyarray
import builtins
import inspect
import itertools
import linecache
import operator
import types
import typing
from typing import TYPE_CHECKING, Any, NewType

import torch

from . import _dtypes, _views
from .exceptions import UFuncTypeError, normalize_axis_tuple

__all__ = [
    "ArrayLike", "ArrayLikeOrScalar", "ArrayLikeSeq", "NDArray", "DTypeLike", "AxisLike",
    "KeepDims", "OutArray", "CastingModes", "NotImplementedType", "DeviceLike",
    "ArrayOrScalar", "ViewSource", "InPlace", "NoValue", "as_tensor", "as_tensor_or_scalar",
    "as_array", "check_data", "make_public", "wrap", "wrap_scalar", "copy_to_out",
]

# --- tags -------------------------------------------------------------------
if TYPE_CHECKING:
    # a tag names what the pipeline converts a caller's argument from, not one static
    # type: type checkers see each as Any
    ArrayLike = Any
    ArrayLikeOrScalar = Any
    ArrayLikeSeq = Any
    NDArray = Any
    DTypeLike = Any
    AxisLike = Any
    KeepDims = Any
    OutArray = Any
    CastingModes = Any
    NotImplementedType = Any
    DeviceLike = Any
    ArrayOrScalar = Any
    ViewSource = Any
    InPlace = Any
else:
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
    ViewSource = NewType("ViewSource", object)
    """The impl returns views of this argument: it receives the ndarray itself (other
    array-likes are made one first), builds its results with the view primitives of
    ``torchnp._views`` and returns those arrays; any tensor it returns is wrapped as new."""
    InPlace = NewType("InPlace", torch.Tensor)
    """The impl writes into this argument in place: it must be a writeable ndarray; the impl
    receives a tensor of its values to modify (``_views.begin_write``), and the writes
    reach the array's memory whatever its strides (``_views.end_write``)."""


class _NoValueType(int):
    """The default of parameters whose absence differs from any value (NumPy's ``_NoValue``).

    Falsy, and an ``int`` subclass (always 0) only so that its truth test runs in C:
    generated wrappers test ``if keepdims:`` on every call. Compare it by identity.
    There is one, ``NoValue``, for core and every plugin.
    """

    __slots__ = ()

    def __new__(cls):
        return int.__new__(cls, 0)

    def __repr__(self):
        return "<no value>"

    __str__ = __repr__

    def __reduce__(self):
        return (_no_value, ())


def _no_value():
    return NoValue


NoValue = _NoValueType()

_ndarray_cls: typing.Any = None  # set by _ndarray at import (avoids an import cycle)
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
_tracing = torch.compiler.is_compiling


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
    if dt is not _C128 and not _modes_active() and not _tracing():  # default device: CPU
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


# NumPy dtype kinds torch has no dtype for (str, bytes, object, datetime, timedelta, void)
_NO_TORCH_KIND = {"U": "str", "S": "bytes", "O": "object", "M": "datetime64",
                  "m": "timedelta64", "V": "void"}


def _foreign_array(obj, exc):
    """A NumPy-style array (or scalar) torch.as_tensor refused: NumPy's non-native byte
    order is converted; dtypes torch cannot store raise NotImplementedError naming them."""
    d = getattr(obj, "dtype", None)
    kind = getattr(d, "kind", None)
    if type(kind) is builtins.str:
        what = _NO_TORCH_KIND.get(kind)
        if what is None and getattr(d, "fields", None):
            what = "structured"
        if what is None and kind in "fc" and d.itemsize > (8 if kind == "f" else 16):
            what = "longdouble" if kind == "f" else "clongdouble"
        if what is not None:
            if what == "void" and getattr(d, "fields", None):
                what = "structured"
            raise NotImplementedError(f"torchnp: the NumPy dtype {builtins.str(d)} ({what}) has "
                                      "no torch equivalent") from None
        if getattr(d, "byteorder", "=") not in "=|" and hasattr(obj, "astype") \
                and not getattr(d, "isnative", True):
            return as_tensor(obj.astype(d.newbyteorder("=")))
        if any(st < 0 for st in getattr(obj, "strides", None) or ()) and hasattr(obj, "copy"):
            return torch.as_tensor(obj.copy())  # torch refuses negative strides: a copy
        if getattr(obj, "shape", None) == () and hasattr(obj, "__array__") \
                and not isinstance(obj, type):
            # a NumPy scalar torch reads as a Python number (uint64 ones fail): its 0-d array
            return torch.as_tensor(obj.__array__())
    raise TypeError(f"torchnp: cannot convert {type(obj).__name__} with dtype "
                    f"{d if d is not None else '?'} to a tensor: {exc}") from exc


def as_tensor(obj):
    """Convert any array-like to a torch.Tensor, with NumPy's default dtypes."""
    t = type(obj)
    if t is torch.Tensor:
        return obj
    if t in _PY_SCALARS:
        return _scalar_tensor(obj)
    if t is list or t is tuple:
        return _from_sequence(obj)
    if isinstance(obj, _ndarray_cls) or isinstance(obj, _dtypes.generic):
        return obj.tensor
    if isinstance(obj, torch.Tensor):
        return obj
    if hasattr(obj, "__array_interface__") or hasattr(obj, "__array_struct__"):
        try:
            return torch.as_tensor(obj)
        except (TypeError, ValueError) as exc:
            return _foreign_array(obj, exc)
    if hasattr(obj, "__dlpack__") and not isinstance(obj, type):  # a class has it unbound
        return torch.from_dlpack(obj)
    if hasattr(obj, "__array__") and not isinstance(obj, type):
        arr = obj.__array__()
        try:
            return torch.as_tensor(arr)
        except (TypeError, ValueError) as exc:
            return _foreign_array(arr, exc)
    if obj is None:
        raise NotImplementedError("torchnp: None is not an array-like (object arrays are not supported)")
    if isinstance(obj, (str, bytes)):
        raise NotImplementedError(f"torchnp: string data {obj!r} has no torch dtype (str/bytes arrays are not supported)")
    if isinstance(obj, _PY_SCALARS):  # subclasses of Python scalars
        return _scalar_tensor(t.__mro__[-2](obj) if t.__mro__[-2] in _PY_SCALARS else obj)
    if isinstance(obj, dict) or (hasattr(obj, "keys") and hasattr(obj, "items")):
        # a mapping is no sequence to NumPy: it makes a 0-d object array
        raise NotImplementedError(f"torchnp: cannot make an array from {type(obj).__name__} "
                                  "(NumPy makes a 0-d object array; dtype=object is not "
                                  "supported)")
    if hasattr(obj, "__len__") and hasattr(obj, "__getitem__"):
        return _from_sequence(list(obj))
    if hasattr(obj, "__iter__"):
        raise NotImplementedError(f"torchnp: cannot make an array from {type(obj).__name__} "
                                  "(iterators give object arrays in NumPy; use fromiter)")
    raise NotImplementedError(f"torchnp: cannot make an array from {type(obj).__name__}")


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


def check_data(ok, exc, message):
    """Raise ``exc(message)`` unless the 0-d boolean tensor ``ok`` is true.

    The check reads data (a host sync). While dynamo traces (torch.compile) it
    cannot, so it becomes ``torch._assert_async(ok, message)``: the same check at
    run time, failing with a RuntimeError carrying the message (the documented
    policy for data-dependent validation, docs/ARCHITECTURE.md).
    """
    if _tracing():
        torch._assert_async(ok, message)
    elif not ok:
        raise exc(message)


def as_array(obj):
    """``obj`` if it is an ndarray, else a new ndarray of it (the ViewSource conversion)."""
    if isinstance(obj, _ndarray_cls):
        return obj
    return _views.wrap(as_tensor(obj))


def _normalize_seq(x):
    if isinstance(x, (_ndarray_cls, torch.Tensor)):
        return tuple(as_tensor(x))
    return tuple(as_tensor(a) for a in x)


def _normalize_ndarray(x, name):
    if isinstance(x, _ndarray_cls):
        return x.tensor
    raise TypeError(f"{name} must be a torchnp.ndarray, not {type(x).__name__}")


def _begin_in_place(x, name, func):
    if not isinstance(x, _ndarray_cls):
        raise TypeError(f"{func}: argument {name!r} must be a torchnp.ndarray, not "
                        f"{type(x).__name__}")
    return _views.begin_write(x)


_CASTING_NAMES = ("no", "equiv", "safe", "same_kind", "unsafe")


def _normalize_casting(x):
    if x not in _CASTING_NAMES:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    return x


def _normalize_device(x):
    if x is None or isinstance(x, torch.device):
        return x
    if isinstance(x, str):
        try:
            return torch.device(x)
        except RuntimeError:  # NumPy's class for a device it does not know
            raise ValueError(f"Device not understood: {x!r} is not a torch device "
                             "(\"cpu\", \"cuda\", \"cuda:1\", ...)") from None
    if hasattr(x, "type") and hasattr(x, "index"):
        return torch.device(x.type, x.index)
    raise ValueError(f"Device not understood: {x!r} (a string or a torch.device is allowed)")


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
    """Wrap the tensors in an impl's result as new ndarrays, keeping the structure
    (ndarrays, such as views built by the view model, pass through)."""
    if isinstance(r, torch.Tensor):
        return _views.wrap(r)
    return _map_items(r, wrap)


def wrap_scalar(r):
    """Like wrap, but 0-d tensors become torchnp scalar objects."""
    if isinstance(r, torch.Tensor):
        if r.ndim:
            return _views.wrap(r)
        s = object.__new__(_dtypes._SCALAR_BY_TORCH[r.dtype])
        s.tensor = r
        return s
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
    r = result if isinstance(result, torch.Tensor) else as_tensor(result)
    od = out.dtype.torch_dtype
    if not _dtypes.can_cast_torch(r.dtype, od, casting):
        raise UFuncTypeError(
            f"Cannot cast {name} output from dtype('{_dtypes.from_torch(r.dtype).name}') to "
            f"dtype('{_dtypes.from_torch(od).name}') with casting rule '{casting}'")
    oshape = out.shape
    if tuple(r.shape) != oshape:
        try:
            ok = tuple(torch.broadcast_shapes(r.shape, oshape)) == oshape
        except RuntimeError:
            ok = False
        if not ok:
            raise ValueError(f"non-broadcastable output operand with shape {oshape} "
                             f"doesn't match the broadcast shape {tuple(r.shape)}")
    if out._readonly:
        raise ValueError("output array is read-only")
    if r.dtype != od or r.device != out.device:
        r = (r.real if r.is_complex() and not od.is_complex else r).to(device=out.device, dtype=od)
    _views.assign(out, r)
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
# Each entry is the statement that normalizes one tagged parameter ``{p}``. The
# common cases (an ndarray, a tensor, None, an int axis) stay inline so that a
# call pays no extra Python function call for them.
_TAG_CODE = {
    ArrayLike: "{p} = {p}.tensor if type({p}) is _nd else _as_tensor({p})",
    ArrayLikeOrScalar: "{p} = {p}.tensor if type({p}) is _nd else _as_tensor_or_scalar({p})",
    ArrayLikeSeq: "{p} = _normalize_seq({p})",
    NDArray: "{p} = _normalize_ndarray({p}, {p!r})",
    DTypeLike: "if {p} is not None: {p} = _normalize_dtype({p})",
    AxisLike: "if {p} is not None and type({p}) is not int: {p} = _normalize_axis({p})",
    CastingModes: "{p} = _normalize_casting({p})",
    DeviceLike: "if {p} is not None: {p} = _normalize_device({p})",
    ViewSource: "if not isinstance({p}, _nd): {p} = _as_array({p})",
    InPlace: "_w_{p} = {p}; {p} = _begin_in_place({p}, {p!r}, _name)",
}
_ARRAY_TAGS = (ArrayLike, ArrayLikeOrScalar, NDArray, ViewSource, InPlace)
_PIPELINE_TAGS = (KeepDims, OutArray, NotImplementedType)
_ALL_TAGS = tuple(_TAG_CODE) + _PIPELINE_TAGS
_EMPTY = inspect.Parameter.empty

# the globals every wrapper sees (a copy per wrapper adds its impl and defaults)
_BASE_NS: dict = {}
# generated source (with a placeholder name) -> compiled code: wrappers of the same
# shape (``(a, axis=None, ...)`` reductions…) share one compile
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
            "_wrap": wrap, "_wrap_scalar": wrap_scalar, "_wrap1": _views.wrap,
            "_as_array": as_array, "_begin_in_place": _begin_in_place,
            "_end_write": _views.end_write, "int": builtins.int,
            "isinstance": builtins.isinstance, "__builtins__": builtins,
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
    params, body, call, after = [], [], [], []
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
                code = f"{p.name} = tuple([_as_tensor(_x) for _x in {p.name}])"
            elif p.kind == P.VAR_POSITIONAL and tag is ViewSource:
                code = f"{p.name} = tuple([_as_array(_x) for _x in {p.name}])"
            if (optional or (p.default is None and tag not in (DTypeLike, AxisLike, DeviceLike))) \
                    and not code.startswith(f"if {p.name} is not None"):
                if tag is InPlace:
                    raise TypeError(f"{impl.__qualname__}: an InPlace parameter cannot be optional")
                code = f"if {p.name} is not None: {code}"
            body.append(code)
            if tag is InPlace:
                after.append(f"_end_write(_w_{p.name}, {p.name})")
            if tag in _ARRAY_TAGS and first_array is None:
                first_array = p.name
            if tag is AxisLike and axis_param is None:
                axis_param = p.name
            if tag is CastingModes:
                casting_param = p.name
        elif hint is not None and hint not in _ALL_TAGS and _looks_like_array_param(p.name):
            raise TypeError(f"{impl.__module__}.{impl.__qualname__}: parameter {p.name!r} looks "
                            "array-like but has no normalizer tag")
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
    body.append(f"_r = _impl({', '.join(call)})")
    body.extend(after)
    if keep_param is not None:
        # the array parameter now holds the normalized input: its ndim is the input's
        ndim = f"({first_array}.ndim if isinstance({first_array}, (_T, _nd)) else 0)"
        ax = axis_param if axis_param is not None else "None"
        body.append(f"if {keep_param}: _r = _apply_keepdims(_r, {ax}, {ndim})")
    if out_param is not None:
        casting = casting_param if casting_param is not None else "'same_kind'"
        body.append(f"if {out_param} is not None: return _copy_to_out(_r, {out_param}, {casting}, _name)")
    # wrapping: the usual single-tensor result without a further call
    body.append("if type(_r) is _T:")
    if scalar_result:
        body.append("    if not _r.ndim:")
        body.append("        _o = _new(_SC[_r.dtype])")
        body.append("        _o.tensor = _r")
        body.append("        return _o")
    body.append("    return _wrap1(_r)")
    body.append("return _wrap_scalar(_r)" if scalar_result else "return _wrap(_r)")
    head = "(" + ", ".join(params) + "):\n"
    lines = "".join("    " + line + "\n" for line in body)
    fn = _bind("def _f" + head + lines, "def " + name + head + lines, ns, name, module)
    fn.__doc__ = impl.__doc__
    fn.__module__ = module
    fn.__wrapped__ = fn.__wrapped_impl__ = impl  # inspect.getsource(np.sum) shows the impl
    fn.__signature__ = _LazySignature.of(impl)
    return fn


def _bind(template, src, ns, name, module):
    """Compile the wrapper (once per template) and register its source for tracebacks."""
    code = _CODE_CACHE.get(template)
    if code is None:
        code = _CODE_CACHE[template] = compile(template, "<torchnp wrapper>", "exec")
    filename = f"<torchnp wrapper {module}.{name}>"
    exec(code, ns)  # noqa: S102 - defines _f in ns, with this wrapper's impl and defaults
    fn = ns.pop("_f")
    fn.__code__ = fn.__code__.replace(co_name=name, co_qualname=name, co_filename=filename)
    fn.__name__ = fn.__qualname__ = name
    linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
    return fn


_ARRAYISH_NAMES = frozenset({"a", "x", "x1", "x2", "arr", "ary", "array", "m", "v", "y"})


def _looks_like_array_param(pname):
    return pname in _ARRAYISH_NAMES


def _raise_not_implemented(func, param, value, default):
    raise NotImplementedError(
        f"torchnp.{func}: parameter {param}={value!r} is not supported (only the default {default!r})")
