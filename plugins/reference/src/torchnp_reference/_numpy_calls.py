"""torchnp objects -> NumPy -> call NumPy -> torchnp objects.

Functions and ufuncs become callables that convert their arguments (torchnp
arrays, scalars, dtypes and scalar types, recursively through lists, tuples and
dicts), call NumPy and convert the result back; NumPy's exception classes
become torchnp's of the same name. Classes (Polynomial, Generator, errstate,
...) become ``NumPyObject`` proxies, and so do the objects NumPy returns that
have no torchnp counterpart: their calls, attributes, operators and items
convert in the same way. Array arguments written by NumPy (``out=``,
``fill_diagonal``, ``shuffle``) are written back.
Dtypes, scalar types, ``ndarray`` and exception classes are not provided:
torchnp's own stay in place.
"""
from __future__ import annotations

import functools
import importlib
import operator
import types

import numpy as np
import torch

import torchnp
from torchnp import _dtypes
from torchnp._ndarray import ndarray

__all__ = ["namespace_items", "call_numpy", "to_numpy", "from_numpy", "NumPyObject"]

_STRIDE_TRICKS = ("as_strided", "sliding_window_view")


def _numpy_module(namespace):
    if namespace == "":
        return np
    if namespace == "emath":
        return np.emath
    return importlib.import_module("numpy." + namespace)


def namespace_items(namespace):
    """(name, callable) for every function and class of NumPy's ``namespace``."""
    mod = _numpy_module(namespace)
    names = _STRIDE_TRICKS if namespace == "lib.stride_tricks" else mod.__all__
    qual = "numpy" + (f".{namespace}" if namespace else "")
    for name in names:
        obj = getattr(mod, name, None)
        if obj is None or isinstance(obj, types.ModuleType) or not callable(obj):
            continue  # submodules come as namespaces; constants stay torchnp's
        if isinstance(obj, type):
            if issubclass(obj, (BaseException, np.generic, np.ndarray, np.dtype)):
                continue
            yield name, NumPyObject(obj)
        elif isinstance(obj, np.ufunc):
            yield name, NumPyObject(obj)
        else:
            yield name, _function(obj, f"{qual}.{name}")


def _function(fn, qualname):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        return call_numpy(fn, args, kwargs)
    call.__doc__ = f"{qualname}, called on NumPy (torchnp reference plugin)."
    return call


# --- torchnp -> NumPy --------------------------------------------------------------
class _Converted:
    """The torchnp arrays handed to NumPy in one call, to write NumPy's writes back."""

    __slots__ = ("pairs", "device")

    def __init__(self):
        self.pairs = []  # (torchnp array, numpy array, snapshot or None when memory is shared)
        self.device = None


def to_numpy(x, seen=None):
    """A NumPy counterpart of a torchnp object (others pass through)."""
    t = type(x)
    if isinstance(x, ndarray):
        tensor = x.tensor.detach()
        shared = tensor.device.type == "cpu" and type(x) is ndarray and not (
            tensor.is_conj() or tensor.is_neg())
        arr = tensor.cpu().resolve_conj().resolve_neg().numpy()
        if not x.flags.writeable:
            arr = arr.view()
            arr.flags.writeable = False
        if seen is not None:
            seen.pairs.append((x, arr, None if shared else arr.copy()))
            if seen.device is None:
                seen.device = tensor.device
        return arr
    if isinstance(x, _dtypes.generic):
        return np.dtype(x.dtype.name).type(x.item())
    if t is _dtypes.dtype:
        return np.dtype(x.name)
    if t is type and issubclass(x, _dtypes.generic):
        return getattr(np, x.__name__)
    if isinstance(x, NumPyObject):
        return object.__getattribute__(x, "_obj")
    if t is list or t is tuple:
        return t(to_numpy(v, seen) for v in x)
    if isinstance(x, tuple) and hasattr(x, "_fields"):
        return t(*(to_numpy(v, seen) for v in x))
    if t is dict:
        return {k: to_numpy(v, seen) for k, v in x.items()}
    return x


# --- NumPy -> torchnp --------------------------------------------------------------
def from_numpy(r, device=None):
    """The torchnp counterpart of a NumPy result."""
    if isinstance(r, np.ndarray) and type(r) is np.ndarray:
        _check_storable(r.dtype)
        if r.dtype.byteorder == ">" or any(s < 0 for s in r.strides) or not r.flags.writeable:
            r = r.copy()  # torch takes neither negative strides nor read-only memory
        return torchnp.asarray(torch.from_numpy(r), device=device)
    if isinstance(r, np.generic):
        _check_storable(r.dtype)
        return getattr(torchnp, r.dtype.name)(r.item())
    if isinstance(r, np.dtype):
        return torchnp.dtype(r.name) if r.kind in "biufc" else torchnp.dtype(r)
    if isinstance(r, type) and issubclass(r, np.generic):
        return getattr(torchnp, np.dtype(r).name) if np.dtype(r).kind in "biufc" else r
    t = type(r)
    if t is list:
        return [from_numpy(v, device) for v in r]
    if t is tuple:
        return tuple(from_numpy(v, device) for v in r)
    if isinstance(r, tuple) and hasattr(r, "_fields"):
        return t(*(from_numpy(v, device) for v in r))
    if r is None or t in (bool, int, float, complex, str, bytes, slice, range) or r is Ellipsis:
        return r
    if isinstance(r, (types.ModuleType, BaseException)) or t is dict:
        return r
    return NumPyObject(r)


def _check_storable(dt):
    if dt.kind not in "biufc" or dt.name not in ("bool", "int8", "int16", "int32", "int64", "uint8",
                                                  "uint16", "uint32", "uint64", "float16",
                                                  "float32", "float64", "complex64", "complex128"):
        raise NotImplementedError(f"torchnp reference: NumPy returned dtype {dt}, which torch "
                                  "cannot store")


def _torchnp_exception(exc):
    """torchnp's exception of the class NumPy raised (same name), or None."""
    for cls in type(exc).__mro__:
        if not cls.__module__.startswith("numpy"):
            return None  # a builtin class: raise NumPy's exception as it is
        for home in (torchnp.exceptions, torchnp.linalg):
            ours = getattr(home, cls.__name__, None)
            if isinstance(ours, type) and issubclass(ours, BaseException):
                try:
                    return ours(str(exc))
                except Exception:  # noqa: BLE001 - a constructor wanting other arguments
                    return None
    return None


def call_numpy(fn, args, kwargs):
    """``fn(*args, **kwargs)`` on NumPy objects, with the result converted back."""
    seen = _Converted()
    np_args = to_numpy(args, seen)
    np_kwargs = to_numpy(kwargs, seen)
    try:
        result = fn(*np_args, **np_kwargs)
    except Exception as exc:
        mapped = _torchnp_exception(exc)
        if mapped is None:
            raise
        raise mapped from exc
    by_id = {}
    for orig, arr, snapshot in seen.pairs:
        by_id[id(arr)] = orig
        if snapshot is not None and not np.array_equal(arr, snapshot, equal_nan=arr.dtype.kind in "fc"):
            orig[...] = torchnp.asarray(torch.from_numpy(arr.copy()), device=orig.tensor.device)
    if isinstance(result, np.ndarray) and id(result) in by_id:
        return by_id[id(result)]  # out= (and functions returning their argument): the same object
    if type(result) is tuple and any(id(v) in by_id for v in result):
        return tuple(by_id.get(id(v)) or from_numpy(v, seen.device) for v in result)
    return from_numpy(result, seen.device)


class NumPyObject:
    """A NumPy object (class, ufunc, generator, polynomial, ...) seen through torchnp conversion."""

    __slots__ = ("_obj",)

    def __init__(self, obj):
        object.__setattr__(self, "_obj", obj)

    def __call__(self, *args, **kwargs):
        return call_numpy(object.__getattribute__(self, "_obj"), args, kwargs)

    def __getattr__(self, name):
        value = getattr(object.__getattribute__(self, "_obj"), name)
        if callable(value) and not isinstance(value, type):
            return NumPyObject(value)
        return from_numpy(value)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_obj"), name, to_numpy(value))

    def __repr__(self):
        return repr(object.__getattribute__(self, "_obj"))

    def __str__(self):
        return str(object.__getattribute__(self, "_obj"))

    def __dir__(self):
        return dir(object.__getattribute__(self, "_obj"))

    def __bool__(self):
        return bool(object.__getattribute__(self, "_obj"))

    def __len__(self):
        return len(object.__getattribute__(self, "_obj"))

    def __iter__(self):
        return (from_numpy(v) for v in object.__getattribute__(self, "_obj"))

    def __hash__(self):
        return hash(object.__getattribute__(self, "_obj"))

    def __enter__(self):
        return from_numpy(object.__getattribute__(self, "_obj").__enter__())

    def __exit__(self, *exc):
        return object.__getattribute__(self, "_obj").__exit__(*exc)

    def __array__(self, dtype=None, copy=None):
        return np.asarray(object.__getattribute__(self, "_obj"), dtype=dtype)


def _forward(op):
    def method(self, *args):
        return call_numpy(op, (self, *args), {})
    method.__name__ = f"__{op.__name__.strip('_')}__"
    return method


for _name in ("getitem", "setitem", "contains", "eq", "ne", "lt", "le", "gt", "ge", "add", "sub",
              "mul", "truediv", "floordiv", "mod", "pow", "matmul", "neg", "pos", "abs",
              "invert", "and_", "or_", "xor", "lshift", "rshift"):
    _op = getattr(operator, _name)
    setattr(NumPyObject, f"__{_name.rstrip('_')}__", _forward(_op))
for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_",
              "xor"):
    _op = getattr(operator, _name)
    setattr(NumPyObject, f"__r{_name.rstrip('_')}__",
            (lambda op: lambda self, other: call_numpy(op, (other, self), {}))(_op))
del _name, _op
