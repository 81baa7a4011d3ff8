"""Array creation routines (NumPy's "array creation routines" section).

Torch in, torch out; registered eagerly by ``torchnp/__init__.py``. Imports
only torch and the core's tag/dtype/exception helpers (never numpy, never
``ndarray``). With no ``device=``, results land on torch's default device
(``torch.set_default_device`` / ``with torch.device(...)``); ``_like`` results
and results computed from tensors follow their inputs' device.
"""
from __future__ import annotations

import array as _pyarray
import builtins
import itertools
import math
import operator
import warnings

import torch

from . import _dtypes, _normalize, _views
from ._normalize import (
    ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, DeviceLike, DTypeLike, NotImplementedType, ViewSource,
    as_tensor, wrap,
)
from .exceptions import normalize_axis_index

__all__ = [
    "array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray", "copy",
    "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like",
    "arange", "linspace", "logspace", "geomspace", "eye", "identity", "diag", "diagflat",
    "tri", "tril", "triu", "vander", "frombuffer", "fromiter", "fromfunction", "from_dlpack",
    "meshgrid", "mgrid", "ogrid", "indices",
]

_PY_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_ORDERS = ("C", "F", "A", "K")
_COPY_MSG = ("Unable to avoid copy while creating an array as requested.\n"
             "If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a "
             "copy when needed (no behavior change in NumPy 1.x).\n"
             "For more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html"
             "#adapting-to-changes-in-the-copy-keyword.")


_F64 = torch.float64
_I64 = torch.int64
_INT_LIMIT = 2**62  # Python ints below this pass to torch.arange without int64 overflow
_HOST_LOOP_MAX = 32  # up to this many values, Python arithmetic + one buffer beats 3 kernels
# True while any torch function mode is active; only then can torch's default device be
# other than the CPU (set_default_device and ``with torch.device(...)`` are such modes).
# torch.get_default_device() costs ~3 us; this check ~70 ns.
_modes_active = torch._C._is_torch_function_mode_enabled


# --- helpers -------------------------------------------------------------------
def _on_host(device):
    """Whether a result for ``device=device`` lives in host memory (CPU) and may be built
    there from Python values (not while dynamo traces: ``array.array`` is opaque to it)."""
    if torch.compiler.is_compiling():
        return False
    if device is None:
        return not _modes_active()
    return device.type == "cpu"


def _host_tensor(values, code="d", dtype=_F64):
    """A CPU tensor owning a copy of a list of Python floats (or ints with code "q").

    ``array.array`` packs the values in C and ``torch.frombuffer`` adopts the buffer
    (the tensor keeps it alive): ~1 us for ten values where ``torch.tensor(list)``
    takes ~3 us. Raises OverflowError/TypeError for values the C type can't hold.
    """
    return torch.frombuffer(_pyarray.array(code, values), dtype=dtype)


def _shape(shape):
    if type(shape) is builtins.bool:
        raise TypeError(f"expected a sequence of integers or a single integer, got '{shape}'")
    if type(shape) is builtins.int or hasattr(shape, "__index__"):
        out = (operator.index(shape),)
    elif isinstance(shape, torch.Tensor) or hasattr(shape, "tensor"):
        out = tuple(builtins.int(s) for s in getattr(shape, "tensor", shape).reshape(-1).tolist())
    else:
        out = []
        for s in shape:
            if type(s) is builtins.bool:  # NumPy refuses bools as sizes
                raise TypeError("an integer is required")
            out.append(operator.index(s))
        out = tuple(out)
    for s in out:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
    return out


def _check_order(order, allowed=_ORDERS):
    if order is None:
        return "K"
    if not isinstance(order, str) or order.upper() not in allowed:
        raise ValueError(f"order must be one of {', '.join(repr(o) for o in allowed[:-1])}, "
                         f"or {allowed[-1]!r} (got {order!r})")
    return order.upper()


def _fortran(t):
    """A column-major (F-contiguous) copy of ``t``, or ``t`` if it already is one."""
    if t.ndim < 2:
        return t.contiguous()
    rev = tuple(range(t.ndim - 1, -1, -1))
    return t.permute(rev).contiguous().permute(rev)


def _empty_ordered(shape, dtype, device, order):
    if order == "F" and len(shape) > 1:
        return torch.empty(shape[::-1], dtype=dtype, device=device).permute(
            tuple(range(len(shape) - 1, -1, -1)))
    return torch.empty(shape, dtype=dtype, device=device)


def _check_pyint(value, dtype):
    """NumPy 2 raises OverflowError for a Python int outside an integer dtype's range."""
    if type(value) is builtins.int and dtype is not None and not dtype.is_floating_point \
            and not dtype.is_complex and dtype is not torch.bool:
        info = torch.iinfo(dtype)
        if not info.min <= value <= info.max:
            raise OverflowError(f"Python integer {value} out of bounds for "
                                f"{_dtypes.from_torch(dtype).name}")


def _check_pyints_in(obj, dtype):
    """Range-check the Python ints of a nested list against an integer dtype."""
    if dtype is None or dtype.is_floating_point or dtype.is_complex or dtype is torch.bool:
        return
    stack = [obj]
    while stack:
        x = stack.pop()
        if type(x) in (list, tuple):
            stack.extend(x)
        else:
            _check_pyint(x, dtype)


def _cast(t, dtype):
    """``t.to(dtype)`` with NumPy's unsafe-cast semantics (complex -> real drops imag)."""
    if t.dtype == dtype:
        return t
    if t.is_complex() and not dtype.is_complex:
        t = t.real
    return t.to(dtype)


def _foreign_interface(obj):
    """An object exposing ``__array_interface__`` that torch.as_tensor cannot read."""
    return (type(obj) not in _PY_SCALARS and type(obj) not in (list, tuple)
            and not isinstance(obj, torch.Tensor) and not hasattr(obj, "tensor")
            and hasattr(obj, "__array_interface__") and not hasattr(obj, "__array__")
            and not hasattr(obj, "__dlpack__"))


def _from_array_interface(obj):
    """A tensor viewing the memory described by ``obj.__array_interface__`` (no NumPy needed)."""
    import ctypes
    iface = obj.__array_interface__
    dt = _dtypes.to_torch_dtype(iface["typestr"])
    shape = tuple(iface["shape"])
    itemsize = torch.empty((), dtype=dt).element_size()
    strides = iface.get("strides")
    if strides is None:
        strides, acc = [], 1
        for n in reversed(shape):
            strides.insert(0, acc)
            acc *= n
    else:
        if any(s % itemsize for s in strides):
            raise NotImplementedError("torchnp: unaligned __array_interface__ strides")
        strides = [s // itemsize for s in strides]
    numel = 1
    for n in shape:
        numel *= n
    if numel == 0:
        return torch.empty(shape, dtype=dt, device="cpu")
    ptr = iface["data"][0] + iface.get("offset", 0)
    lo = sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
    hi = sum(max(0, (n - 1) * s) for n, s in zip(shape, strides))
    raw = (ctypes.c_char * ((hi - lo + 1) * itemsize)).from_address(ptr + lo * itemsize)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # read-only memory: torch warns
        flat = torch.frombuffer(raw, dtype=dt)
    t = flat.as_strided(shape, strides, -lo)
    t._torchnp_keepalive = obj  # noqa: SLF001 - the memory belongs to obj
    return t


def _layout_ok(t, order):
    """Whether ``t``'s layout already meets ``order`` ('K', 'A', 'C' or 'F')."""
    if order == "C" or (order == "F" and t.ndim < 2):
        return t.is_contiguous()
    if order == "F":
        return _is_f_contig(t)
    return True


def _is_f_contig(t):
    if t.numel() == 0:  # NumPy: an empty array is both C and F contiguous
        return True
    expected = 1
    for n, s in zip(t.shape, t.stride()):
        if n != 1 and s != expected:
            return False
        expected *= n
    return True


def _convert_array(a, dtype, copy, device, order, subok):
    """array/asarray of an ndarray: the array itself (or a view of it, for a subclass
    given to asarray) where NumPy returns its input, else a new tensor."""
    t = a.tensor
    rev = _views.is_reversed(a)
    same = (dtype is None or t.dtype == dtype) and (device is None or t.device == device) and \
        (order in ("K", "A") or (not rev and _layout_ok(t, order)))
    if same and copy is not True:
        if subok or type(a)._plain is _normalize._ndarray_cls:
            return a
        return _views.as_class(a, _normalize._ndarray_cls)
    if copy is False:
        raise ValueError(_COPY_MSG if device is None or t.device == device else
                         "Unable to avoid copy while moving an array to another device.")
    if dtype is not None and t.dtype != dtype:
        t = _cast(t, dtype)
        rev = True  # t is new
    if device is not None and t.device != device:
        t = t.to(device)
        rev = True
    if order == "F" and t.ndim > 1:
        return _fortran(t) if rev or not _is_f_contig(t) else _fortran(t.clone())
    if not rev or (order == "C" and not t.is_contiguous()):
        t = t.clone(memory_format=torch.contiguous_format if order == "C" else
                    torch.preserve_format)
    return t


def _convert(obj, dtype, copy, device, order="K", subok=False):
    """Shared engine of array/asarray: convert, cast, move, copy as asked."""
    tp = type(obj)
    if isinstance(obj, _normalize._ndarray_cls):
        return _convert_array(obj, dtype, copy, device, order, subok)
    if tp is torch.Tensor:
        t, fresh = obj, False
    elif tp is list or tp is tuple:
        if dtype is not None:
            _check_pyints_in(obj, dtype)
        if copy is False:
            raise ValueError(_COPY_MSG)
        t, fresh = _normalize._from_sequence(obj), True
    else:
        t, fresh = _convert_other(obj, dtype, copy)
    if dtype is not None and t.dtype != dtype:
        if copy is False:
            raise ValueError(_COPY_MSG)
        t = _cast(t, dtype)
        fresh = True
    if device is not None and t.device != device:
        if copy is False:
            raise ValueError("Unable to avoid copy while moving an array to another device.")
        t = t.to(device)
        fresh = True
    if order == "K" or order == "A":
        pass
    elif order == "F" and t.ndim > 1:
        if not _is_f_contig(t):
            if copy is False:
                raise ValueError(_COPY_MSG)
            t, fresh = _fortran(t), True
    elif not t.is_contiguous():  # "C", or "F" of a strided 1-d array
        if copy is False:
            raise ValueError(_COPY_MSG)
        t, fresh = t.contiguous(), True
    if copy is True and not fresh:
        t = t.clone()
    return t


def _convert_other(obj, dtype, copy):
    """Scalars, ndarray subclasses and foreign objects: (tensor, whether it is a fresh copy)."""
    if type(obj) is builtins.complex and dtype is not None and not dtype.is_complex:
        raise TypeError("float() argument must be a string or a real number, not 'complex'")
    if type(obj) in _PY_SCALARS:
        _check_pyint(obj, dtype)
        if copy is False:
            raise ValueError(_COPY_MSG)
        return as_tensor(obj), True
    t = _from_array_interface(obj) if _foreign_interface(obj) else as_tensor(obj)
    fresh = not isinstance(obj, torch.Tensor) \
        and not hasattr(obj, "__array_interface__") and not hasattr(obj, "__array_struct__") \
        and not hasattr(obj, "__dlpack__") and not hasattr(obj, "__array__")
    return t, fresh  # fresh: other sequences, converted element by element


# --- from existing data ----------------------------------------------------------
def array(object, dtype: DTypeLike = None, *, copy=True, order="K", subok=False, ndmin=0,
          ndmax: NotImplementedType = 0, like: NotImplementedType = None):
    """Create an array. Mirrors ``numpy.array``.

    ``copy=True`` always copies, ``None`` copies only when needed and ``False``
    raises ``ValueError`` when a copy cannot be avoided.
    """
    order = "K" if order == "K" else _check_order(order)
    t = _convert(object, dtype, None if copy is None else builtins.bool(copy), None, order, subok)
    if ndmin > t.ndim:
        t = _reshape(t, (1,) * (ndmin - t.ndim) + tuple(t.shape))
    return t


def _reshape(r, shape):
    """Reshape a result of ``_convert``: a tensor, or an array (a view of it, always possible
    for the length-1 axes added here)."""
    if isinstance(r, torch.Tensor):
        return r.reshape(shape)
    return _views.reshape(r, shape)


def asarray(a, dtype: DTypeLike = None, order=None, *, device: DeviceLike = None,
            copy=None, like: NotImplementedType = None):
    """Convert the input to an array. Mirrors ``numpy.asarray``."""
    if dtype is None and device is None and copy is None and order is None:
        tp = type(a)  # already an array: nothing to do
        if tp is _normalize._ndarray_cls or tp is torch.Tensor:
            return a
    return _convert(a, dtype, copy, device, "K" if order is None else _check_order(order))


def asanyarray(a, dtype: DTypeLike = None, order=None, *, device: DeviceLike = None,
               copy=None, like: NotImplementedType = None):
    """Mirrors ``numpy.asanyarray``: like asarray, but ndarray subclasses pass through."""
    return _convert(a, dtype, copy, device, "K" if order is None else _check_order(order), True)


def ascontiguousarray(a, dtype: DTypeLike = None, *, like: NotImplementedType = None):
    """A C-contiguous array with ``ndim >= 1``. Mirrors ``numpy.ascontiguousarray``."""
    t = _convert(a, dtype, None, None, "C")
    return _reshape(t, (1,)) if t.ndim == 0 else t


def asfortranarray(a, dtype: DTypeLike = None, *, like: NotImplementedType = None):
    """A column-major array with ``ndim >= 1``. Mirrors ``numpy.asfortranarray``."""
    t = _convert(a, dtype, None, None, "F")
    return _reshape(t, (1,)) if t.ndim == 0 else t


def copy(a: ArrayLike, order="K", subok=False):
    """Mirrors ``numpy.copy``."""
    order = _check_order(order)
    if a.ndim > 1 and (order == "F" or (order == "A" and not a.is_contiguous() and
                                        _is_f_contig(a))):
        rev = tuple(range(a.ndim - 1, -1, -1))
        return a.permute(rev).clone(memory_format=torch.contiguous_format).permute(rev)
    if order == "C":
        return a.clone(memory_format=torch.contiguous_format)
    return a.clone()


def from_dlpack(x, /, *, device: DeviceLike = None, copy=None):
    """Mirrors ``numpy.from_dlpack``: zero-copy import of a DLPack producer."""
    if not hasattr(x, "__dlpack__"):
        raise TypeError(f"from_dlpack: {type(x).__name__} does not implement __dlpack__")
    if isinstance(x, _normalize._ndarray_cls):
        # NumPy's result shares x's memory, reversed axes included: a view of x
        if (device is None or x.device == device) and not copy:
            return _views.as_class(x, _normalize._ndarray_cls)
        t = x.tensor
    else:
        t = x if isinstance(x, torch.Tensor) else torch.from_dlpack(x)
    if device is not None and t.device != device:
        if copy is False:
            raise ValueError("Unable to avoid copy while moving an array to another device.")
        return t.to(device)
    return t.clone() if copy else t


# --- ones and zeros ----------------------------------------------------------------
# The fast paths below hand an int or tuple shape straight to torch (an int is the
# cheapest form torch parses); anything torch refuses goes through _shape, which
# raises NumPy's error (a negative size is a ValueError there, a RuntimeError in torch).
def _creator(name, torch_fn, fill, doc):
    """The creation routine ``name``: ``torch_fn`` (torch.empty/zeros/ones) in C order,
    else a column-major empty array given ``fill`` (None: left uninitialized)."""
    def create(shape, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
               like: NotImplementedType = None):
        if order == "C":
            if type(shape) is int and shape >= 0:
                return torch_fn(shape, dtype=dtype or _F64, device=device)
            if type(shape) is tuple:
                try:
                    return torch_fn(shape, dtype=dtype or _F64, device=device)
                except (RuntimeError, TypeError):
                    pass
            return torch_fn(_shape(shape), dtype=dtype or _F64, device=device)
        t = _empty_ordered(_shape(shape), dtype or _F64, device, _check_order(order, ("C", "F")))
        return t if fill is None else t.fill_(fill)
    create.__name__ = create.__qualname__ = name
    create.__doc__ = doc
    return create


empty = _creator("empty", torch.empty, None, "Mirrors ``numpy.empty`` (float64 by default).")
zeros = _creator("zeros", torch.zeros, 0, "Mirrors ``numpy.zeros`` (float64 by default).")
ones = _creator("ones", torch.ones, 1, "Mirrors ``numpy.ones`` (float64 by default).")


def _fill(out, fill_value):
    if type(fill_value) in _PY_SCALARS:
        if type(fill_value) is builtins.complex and not out.is_complex():
            fill_value = fill_value.real
        _check_pyint(fill_value, out.dtype)
        if type(fill_value) is builtins.float and out.dtype != _F64:
            # NumPy casts the float64 unsafely (1e300 -> inf in float32, -1.5 -> 255 in
            # uint8); torch's fill_ with a Python float refuses "without overflow"
            return out.fill_(torch.tensor(fill_value, dtype=_F64, device=out.device))
        return out.fill_(fill_value)
    fill = as_tensor(fill_value)
    if fill.device != out.device:
        fill = fill.to(out.device)
    try:
        ok = torch.broadcast_shapes(fill.shape, out.shape) == out.shape
    except RuntimeError:
        ok = False
    if not ok:
        raise ValueError(f"could not broadcast input array from shape {tuple(fill.shape)} into "
                         f"shape {tuple(out.shape)}")
    out.copy_(_cast(fill, out.dtype).expand(out.shape) if fill.ndim else _cast(fill, out.dtype))
    return out


def full(shape, fill_value, dtype: DTypeLike = None, order="C", *, device: DeviceLike = None,
         like: NotImplementedType = None):
    """Mirrors ``numpy.full``: dtype defaults to ``array(fill_value).dtype``."""
    tf = type(fill_value)
    if order == "C" and (tf is float or tf is bool or (
            tf is int and -_INT_LIMIT < fill_value < _INT_LIMIT)) and (
            dtype is None or dtype is _F64):
        # the fill needs no cast NumPy would do differently (float -> int, int range checks)
        if type(shape) is int and shape >= 0:
            shape = (shape,)
        if type(shape) is tuple:
            try:
                return torch.full(shape, fill_value, dtype=dtype or _FULL_DTYPES[tf],
                                  device=device)
            except (RuntimeError, TypeError):
                pass
    if dtype is None:
        if type(fill_value) in _PY_SCALARS:
            dtype = _dtypes.default_dtype_of_scalar(fill_value)
        else:
            fill_value = as_tensor(fill_value)
            dtype = fill_value.dtype
            if device is None and fill_value.ndim:
                device = fill_value.device
    out = _empty_ordered(_shape(shape), dtype, device, _check_order(order, ("C", "F")))
    return _fill(out, fill_value)


_FULL_DTYPES = {float: _F64, int: _I64, bool: torch.bool}


def _like(a, dtype, order, shape, device):
    dt = a.dtype if dtype is None else dtype
    dev = a.device if device is None else device
    order = _check_order(order)
    if shape is None:
        if order == "C":
            return torch.empty_like(a, dtype=dt, device=dev, memory_format=torch.contiguous_format)
        if order == "F":
            return _empty_ordered(tuple(a.shape), dt, dev, "F")
        return torch.empty_like(a, dtype=dt, device=dev)
    return _empty_ordered(_shape(shape), dt, dev, "F" if order == "F" else "C")


def empty_like(prototype: ArrayLike, /, dtype: DTypeLike = None, order="K", subok=True,
               shape=None, *, device: DeviceLike = None):
    """Mirrors ``numpy.empty_like``."""
    return _like(prototype, dtype, order, shape, device)


def _filled_like(name, torch_like, fill, doc):
    """``zeros_like``/``ones_like``: ``torch_like`` for the usual call, else ``_like`` filled."""
    def create(a: ArrayLike, dtype: DTypeLike = None, order="K", subok=True, shape=None, *,
               device: DeviceLike = None):
        if order == "K" and shape is None:
            if dtype is None and device is None:  # torch parses explicit None keywords slowly
                return torch_like(a)
            return torch_like(a, dtype=dtype, device=device)
        return _like(a, dtype, order, shape, device).fill_(fill)
    create.__name__ = create.__qualname__ = name
    create.__doc__ = doc
    return create


zeros_like = _filled_like("zeros_like", torch.zeros_like, 0, "Mirrors ``numpy.zeros_like``.")
ones_like = _filled_like("ones_like", torch.ones_like, 1, "Mirrors ``numpy.ones_like``.")


def full_like(a: ArrayLike, fill_value, dtype: DTypeLike = None, order="K", subok=True,
              shape=None, *, device: DeviceLike = None):
    """Mirrors ``numpy.full_like`` (the fill value is cast unsafely to the dtype)."""
    return _fill(_like(a, dtype, order, shape, device), fill_value)


# --- numerical ranges ----------------------------------------------------------------
def _py_value(v, name):
    if type(v) in _PY_SCALARS:
        return v
    t = as_tensor(v)
    if t.ndim != 0:
        raise TypeError(f"arange: {name} must be a scalar, not an array of shape {tuple(t.shape)}")
    return t.item()  # arange's length depends on the values: one sync is unavoidable


def _kind_dtype(values):
    """arange's result dtype: NumPy uses the default dtype of the widest kind present."""
    kinds = [type(v) for v in values]
    if builtins.complex in kinds:
        return torch.complex128
    if builtins.float in kinds:
        return torch.float64
    return torch.int64


def arange(start_or_stop, /, stop=None, step=1, *, dtype: DTypeLike = None,
           device: DeviceLike = None, like: NotImplementedType = None):
    """Mirrors ``numpy.arange``: ``ceil((stop - start) / step)`` values ``start + i*delta``.

    As NumPy does, ``delta`` is ``(start + step) - start`` in the result dtype, so
    float results match NumPy bit for bit.
    """
    if stop is None:
        if type(start_or_stop) is int and type(step) is int and step == 1 \
                and dtype is None and 0 < start_or_stop < _INT_LIMIT:
            return torch.arange(start_or_stop) if device is None else \
                torch.arange(start_or_stop, device=device)
        start, stop = 0, start_or_stop
    else:
        start = start_or_stop
    if step is None:
        step = 1
    ts, tt, tp = type(start), type(stop), type(step)
    if (dtype is None or dtype is _F64) and (ts is float or tt is float
                                              or tp is float or dtype is _F64) \
            and (ts is float or ts is int) \
            and (tt is float or tt is int) \
            and (tp is float or tp is int) and step != 0:
        # Python reals to float64: length and values in Python float arithmetic
        q = (stop - start) / step
        if q - q == 0:  # finite (nan and inf take the general path's errors)
            n = math.ceil(q)
            if n <= 0:
                return torch.empty((0,), dtype=_F64, device=device)
            return _arange_f64(float(start), float(step), n, device)
    if (dtype is None or dtype is _I64) and ts is int \
            and tt is int and tp is int:
        # all Python ints: torch's int64 arange has NumPy's values and length (it sizes
        # the result with integer arithmetic); only the empty case needs handling, as
        # torch refuses a range whose bounds disagree with the step's sign
        if -_INT_LIMIT < start < _INT_LIMIT and -_INT_LIMIT < stop < _INT_LIMIT \
                and 0 < builtins.abs(step) < _INT_LIMIT:
            if (stop > start) if step > 0 else (stop < start):
                if device is None:
                    return torch.arange(stop) if start == 0 and step == 1 else \
                        torch.arange(start, stop, step)
                return torch.arange(start, stop, step, device=device)
            return torch.empty((0,), dtype=_I64, device=device)
    if stop is None:
        raise TypeError("arange() requires stop to be specified.")
    start = _py_value(start, "start")
    stop = _py_value(stop, "stop")
    step = _py_value(step, "step")
    if step == 0:
        raise ZeroDivisionError("division by zero")
    q = (stop - start) / step
    if isinstance(q, builtins.complex):
        # NumPy: the shorter of the real and imaginary ranges
        re = (builtins.complex(stop).real - builtins.complex(start).real) / builtins.complex(step).real \
            if builtins.complex(step).real else math.inf
        im = (builtins.complex(stop).imag - builtins.complex(start).imag) / builtins.complex(step).imag \
            if builtins.complex(step).imag else (0.0 if builtins.complex(stop).imag == builtins.complex(start).imag else math.inf)
        q = min(re, im)
    if math.isnan(q):
        raise ValueError("arange: cannot compute length")
    if math.isinf(q):
        raise ValueError("Maximum allowed size exceeded")
    n = max(0, math.ceil(q))
    result_dt = _kind_dtype((start, stop, step))
    dt = dtype if dtype is not None else result_dt
    if dt is torch.bool:
        if n > 2:
            raise TypeError("arange() is only supported for booleans when the result has at "
                            "most length 2.")
        vals = [bool(start), bool(start + step)][:n]
        return torch.tensor(vals, dtype=torch.bool, device=device)
    if n == 0:
        return torch.empty((0,), dtype=dt, device=device)
    if not dt.is_floating_point and not dt.is_complex:
        first = int(start.real if isinstance(start, builtins.complex) else start)
        nxt = start + step
        second = int(nxt.real if isinstance(nxt, builtins.complex) else nxt)
        _check_pyint(first, dt)
        delta = second - first
        if delta and dt not in (torch.uint16, torch.uint32, torch.uint64):
            last = first + (n - 1) * delta
            _check_pyint(last, torch.int64)
            # exact for integers, and a single kernel (the arange length is n again)
            return torch.arange(first, last + (1 if delta > 0 else -1), delta, dtype=dt,
                                device=device)
        out = torch.arange(n, dtype=torch.int64, device=device).mul_(delta).add_(first)
        return out.to(dt)
    if dt is _F64 and type(start) is not builtins.complex \
            and type(step) is not builtins.complex:
        return _arange_f64(float(start), float(step), n, device)
    # float/complex: NumPy's fill computes start + i*delta in the dtype (float16 in float32),
    # with delta = (start + step) - start rounded to the dtype
    wide = torch.complex128 if dt.is_complex else torch.float64
    comp = torch.float32 if dt is torch.float16 else dt
    t0 = torch.tensor(start, dtype=wide, device=device).to(dt).to(comp)
    t1 = torch.tensor(start + step, dtype=wide, device=device).to(dt).to(comp)
    out = torch.arange(n, dtype=t0.real.dtype, device=device)
    out = (out if not dt.is_complex else out.to(comp)).mul_(t1 - t0).add_(t0)
    if n > 1:
        out[1] = t1
    return out.to(dt)


def _arange_f64(start, step, n, device):
    """NumPy's float64 arange from Python floats: ``x[0] = start``, ``x[1] = start + step``
    and ``x[i] = start + i*delta`` with ``delta = x[1] - x[0]``, all rounded as float64
    (which Python floats are), so the values match NumPy's bit for bit."""
    second = start + step
    delta = second - start
    m, _ = math.frexp(step)
    if (m == 0.5 or m == -0.5) and delta == step and (start / step).is_integer() \
            and n + builtins.abs(start / step) < 2**51 and not (start == 0 and math.copysign(1.0, start) < 0):
        # step a power of two, start a multiple of it: every value and every partial sum
        # torch's kernel forms ((start + i*step) + k*step when vectorized) is a multiple
        # of step below 2**52 * step, so exact, whichever formula -- one kernel. The end
        # is half a step past the last value so torch's float length is n exactly.
        end = start + (n - 0.5) * step
        if device is None:
            return torch.arange(start, end, step, dtype=_F64)
        return torch.arange(start, end, step, dtype=_F64, device=device)
    if n <= _HOST_LOOP_MAX and _on_host(device):
        vals = [start + i * delta for i in range(n)]
        vals[0] = start  # start + 0*delta loses a -0.0 start (and is nan for an inf delta)
        if n > 1:
            vals[1] = second
        return _host_tensor(vals)
    out = torch.arange(n, dtype=_F64, device=device).mul_(delta)
    if start != 0 or not delta > 0:  # adding +0.0 turns 0*delta = -0.0 into NumPy's 0.0
        out.add_(start)
    if start == 0 and math.copysign(1.0, start) < 0:
        out[0] = start  # x[0] is start itself: keep a -0.0
    if n > 1 and start + delta != second:
        out[1] = second
    return out


def _inexact(dt):
    return dt if dt.is_floating_point or dt.is_complex else _dtypes.weak_result(dt, 0.0)


def _as_inexact_pair(start, stop):
    """Start/stop as tensors of their (weak-aware) inexact result dtype."""
    dt = _inexact(_dtypes.result_type_torch(start, stop))
    dev = next((x.device for x in (start, stop) if isinstance(x, torch.Tensor)), None)
    ts = [x.to(dt) if isinstance(x, torch.Tensor) else torch.tensor(x, dtype=dt, device=dev)
          for x in (start, stop)]
    return ts[0], ts[1], dt


def linspace(start: ArrayLikeOrScalar, stop: ArrayLikeOrScalar, num=50, endpoint=True,
             retstep=False, dtype: DTypeLike = None, axis=0, *,
             device: DeviceLike = None) -> ArrayOrScalar:
    """Evenly spaced numbers over an interval. Mirrors ``numpy.linspace`` step by step."""
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = (num - 1) if endpoint else num
    if type(start) in (builtins.int, builtins.float) and type(stop) in (builtins.int, builtins.float) \
            and num > 0:
        return _linspace_py(builtins.float(start), builtins.float(stop), num, endpoint, retstep,
                            dtype, axis, device, div)
    start, stop, dt = _as_inexact_pair(start, stop)
    if device is not None:
        start, stop = start.to(device), stop.to(device)
    integer_dtype = dtype is not None and not dtype.is_floating_point and not dtype.is_complex \
        and dtype is not torch.bool
    delta = stop - start
    y = torch.arange(0, num, dtype=torch.float64 if dt.is_complex else dt,  # no complex arange
                     device=start.device).to(dt).reshape((-1,) + (1,) * delta.ndim)
    if div > 0:
        step = delta / div
        # NumPy switches formula when any step is 0; select on device instead of syncing
        y = torch.where((step == 0).any(), y / div * delta, y * step)
    else:
        step = math.nan
        y = y * delta
    y = y + start
    if endpoint and num > 1:
        y[-1, ...] = stop
    if axis != 0:
        y = torch.movedim(y, 0, normalize_axis_index(axis, y.ndim))
    if integer_dtype:
        y = torch.floor(y)
    if dtype is not None:
        y = _cast(y, dtype)
    if retstep:
        return y, step
    return y


def _linspace_py(start, stop, num, endpoint, retstep, dtype, axis, device, div):
    """linspace for Python real start/stop: NumPy's float64 arithmetic done on the host
    (Python floats are float64), so no device sync and one pass over the output."""
    if axis != 0 and axis != -1:
        normalize_axis_index(axis, 1)
    delta = stop - start
    step = delta / div if div > 0 else math.nan
    if num <= _HOST_LOOP_MAX and _on_host(device):
        # the same float64 operations in Python, packed into one buffer (no kernels)
        if div > 0 and step != 0:
            vals = [i * step + start for i in range(num)]
        elif div > 0:
            vals = [i / div * delta + start for i in range(num)]
        else:
            vals = [i * delta + start for i in range(num)]
        if endpoint and num > 1:
            vals[-1] = stop
        y = _host_tensor(vals)
    else:
        y = torch.arange(0, num, dtype=_F64, device=device)
        if div > 0:
            if step == 0:
                y.div_(div).mul_(delta)
            else:
                y.mul_(step)
        else:
            y.mul_(delta)
        y.add_(start)
        if endpoint and num > 1:
            y[-1] = stop
    if dtype is not None:
        if not dtype.is_floating_point and not dtype.is_complex and dtype is not torch.bool:
            y = torch.floor_(y)
        y = _cast(y, dtype)
    if retstep:
        return y, (torch.tensor(step, dtype=torch.float64, device=y.device) if div > 0 else step)
    return y


def logspace(start: ArrayLikeOrScalar, stop: ArrayLikeOrScalar, num=50, endpoint=True,
             base: ArrayLikeOrScalar = 10.0, dtype: DTypeLike = None, axis=0):
    """Numbers spaced evenly on a log scale. Mirrors ``numpy.logspace``."""
    if not isinstance(base, (builtins.float, builtins.int, builtins.complex)) and base.ndim:
        start, stop, base = (as_tensor(x) for x in (start, stop, base))
        nd = max(start.ndim, stop.ndim, base.ndim)
        start, stop, base = (x.reshape((1,) * (nd - x.ndim) + tuple(x.shape))
                             for x in (start, stop, base))
        base = base.unsqueeze(normalize_axis_index(axis, nd + 1))
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    if isinstance(base, torch.Tensor):
        dt = _dtypes.result_type_torch(base, y)
        r = torch.pow(base.to(dt), y.to(dt))
    else:
        r = torch.pow(base, y)
    return r if dtype is None else _cast(r, dtype)



def geomspace(start: ArrayLike, stop: ArrayLike, num=50, endpoint=True, dtype: DTypeLike = None,
              axis=0):
    """Numbers spaced evenly on a log scale (a geometric progression). Mirrors ``numpy.geomspace``."""
    if (start == 0).any() or (stop == 0).any():
        raise ValueError("Geometric sequence cannot include zero")
    dt = _dtypes.result_type_torch(start, stop, builtins.float(num), dtype or torch.float64)
    start = start.to(dt)
    stop = stop.to(dt)
    if dt.is_complex:
        out_sign = torch.sgn(start)
    else:
        out_sign = torch.sign(start)
    start = start / out_sign
    stop = stop / out_sign
    log_start = torch.log10(start)
    log_stop = torch.log10(stop)
    result = logspace(log_start, log_stop, num=num, endpoint=endpoint, base=10.0)
    result = result.to(dt)
    if num > 0:
        result[0] = start
        if num > 1 and endpoint:
            result[-1] = stop
    result = result * out_sign
    if axis != 0:
        result = torch.movedim(result, 0, normalize_axis_index(axis, result.ndim))
    return result if dtype is None else _cast(result, dtype)


# --- building matrices -------------------------------------------------------------
def eye(N, M=None, k=0, dtype: DTypeLike = builtins.float, order="C", *,
        device: DeviceLike = None, like: NotImplementedType = None):
    """Ones on the ``k``-th diagonal. Mirrors ``numpy.eye``."""
    if type(N) is int and M is None and k == 0 and order == "C" and N >= 0 \
            and dtype in _EYE_DTYPES:
        return torch.eye(N, dtype=dtype, device=device)
    if type(N) is bool or type(M) is bool:
        raise TypeError("an integer is required")  # NumPy's zeros((N, M)) refuses bools
    N = operator.index(N)
    M = N if M is None else operator.index(M)
    k = operator.index(k)
    if k == 0 and order == "C" and N >= 0 and M >= 0 and dtype in _EYE_DTYPES:
        return torch.eye(N, M, dtype=dtype, device=device)
    out = _empty_ordered(_shape((N, M)), dtype, device, _check_order(order, ("C", "F"))).zero_()
    if -N < k < M:
        out.diagonal(k).fill_(1)
    return out


_EYE_DTYPES = frozenset({torch.bool, torch.int8, torch.int16, torch.int32, torch.int64,
                         torch.uint8, torch.float16, torch.float32, torch.float64,
                         torch.complex64, torch.complex128})


def identity(n, dtype: DTypeLike = None, *, like: NotImplementedType = None):
    """The ``n x n`` identity matrix. Mirrors ``numpy.identity``."""
    return eye(n, dtype=dtype or torch.float64)


def _diag_from(v, k):
    n = v.shape[0] + builtins.abs(k)
    out = torch.zeros((n, n), dtype=v.dtype, device=v.device)
    out.diagonal(k).copy_(v)
    return out


def diag(v: ViewSource, k=0):
    """Extract a diagonal (a read-only view) or build a diagonal array. Mirrors ``numpy.diag``."""
    k = operator.index(k)
    if v.ndim == 1:
        return _diag_from(v.tensor, k)
    if v.ndim == 2:
        return _views.diagonal(v, k, 0, 1, readonly=True)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v: ArrayLike, k=0):
    """A 2-d array with the flattened input on the ``k``-th diagonal. Mirrors ``numpy.diagflat``."""
    return _diag_from(v.reshape(-1), operator.index(k))


def tri(N, M=None, k=0, dtype: DTypeLike = builtins.float, *, like: NotImplementedType = None):
    """Ones at and below the ``k``-th diagonal. Mirrors ``numpy.tri``."""
    N = operator.index(N)
    M = N if M is None else operator.index(M)
    N, M = max(N, 0), max(M, 0)
    m = torch.ones((N, M), dtype=torch.bool).tril(operator.index(k))
    return m.to(dtype)


def _tri_mask(m, k, lower):
    if m.ndim == 0:
        raise TypeError("tri() missing 1 required positional argument: 'N'")
    rows, cols = (m.shape[-2], m.shape[-1]) if m.ndim >= 2 else (m.shape[-1], m.shape[-1])
    ones = torch.ones((rows, cols), dtype=torch.bool, device=m.device)
    return ones.tril(k) if lower else ones.triu(k)


def tril(m: ArrayLike, k=0):
    """Lower triangle of an array (of each matrix in a stack). Mirrors ``numpy.tril``."""
    if m.ndim >= 2 and m.dtype in _EYE_DTYPES:
        return torch.tril(m, operator.index(k))
    mask = _tri_mask(m, operator.index(k), True)
    return torch.where(mask, m, torch.zeros((), dtype=m.dtype, device=m.device))


def triu(m: ArrayLike, k=0):
    """Upper triangle of an array (of each matrix in a stack). Mirrors ``numpy.triu``."""
    if m.ndim >= 2 and m.dtype in _EYE_DTYPES:
        return torch.triu(m, operator.index(k))
    mask = _tri_mask(m, operator.index(k) - 1, True)
    return torch.where(mask, torch.zeros((), dtype=m.dtype, device=m.device), m)


def vander(x: ArrayLike, N=None, increasing=False):
    """The Vandermonde matrix. Mirrors ``numpy.vander`` (dtype ``promote_types(x.dtype, int)``)."""
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    n = x.shape[0] if N is None else operator.index(N)
    dt = _dtypes.promote_torch(x.dtype, torch.int64)
    if n == 0:
        return torch.empty((x.shape[0], 0), dtype=dt, device=x.device)
    # NumPy builds the columns with multiply.accumulate: repeated products, not pow
    base = x.to(dt).unsqueeze(1).expand(x.shape[0], max(n - 1, 0))
    cols = torch.cat([torch.ones((x.shape[0], 1), dtype=dt, device=x.device),
                      torch.cumprod(base, dim=1)], dim=1)
    return cols if increasing else cols.flip(1)


# --- from buffers, iterators, functions --------------------------------------------
def frombuffer(buffer, dtype: DTypeLike = None, count=-1, offset=0, *,
               like: NotImplementedType = None):
    """Interpret a buffer as a 1-d array (a view of its memory). Mirrors ``numpy.frombuffer``."""
    dt = dtype or torch.float64
    mv = memoryview(buffer)
    nbytes = mv.nbytes
    if offset < 0 or offset > nbytes:
        raise ValueError(f"offset must be non-negative and no greater than buffer length ({nbytes})")
    itemsize = torch.empty((), dtype=dt).element_size()
    avail = nbytes - offset
    if count < 0:
        if avail % itemsize:
            raise ValueError("buffer size must be a multiple of element size")
        count = avail // itemsize
    elif count * itemsize > avail:
        raise ValueError("buffer is smaller than requested size")
    if count == 0:
        return torch.empty((0,), dtype=dt, device="cpu")
    with warnings.catch_warnings():
        # read-only buffers (bytes): NumPy gives a read-only view; torch warns instead
        warnings.simplefilter("ignore", UserWarning)
        return torch.frombuffer(buffer, dtype=dt, count=count, offset=offset)


def fromiter(iter, dtype: DTypeLike, count=-1, *, like: NotImplementedType = None):
    """A 1-d array from an iterable. Mirrors ``numpy.fromiter``."""
    if dtype is None:
        raise ValueError("Must specify length when using variable-size data-type.")
    count = operator.index(count)
    items = list(iter) if count < 0 else list(itertools.islice(iter, count))
    if count >= 0 and len(items) < count:
        raise ValueError(f"iterator too short: Expected {count} but iterator had only "
                         f"{len(items)} items.")
    if not items:
        return torch.empty((0,), dtype=dtype)
    items = [x.tensor if hasattr(x, "tensor") else x for x in items]
    if all(type(x) in _PY_SCALARS for x in items):
        _check_pyints_in(items, dtype)
        if not dtype.is_complex and any(type(x) is builtins.complex for x in items):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        return torch.tensor(items, dtype=dtype)
    return _cast(torch.stack([as_tensor(x) for x in items]), dtype)


def fromfunction(function, shape, *, dtype: DTypeLike = builtins.float,
                 like: NotImplementedType = None, **kwargs):
    """Call ``function`` on index grids of ``shape``. Mirrors ``numpy.fromfunction``."""
    args = indices(shape, dtype=dtype)
    return function(*wrap(tuple(args)), **kwargs)


# --- grids -------------------------------------------------------------------------
def indices(dimensions, dtype: DTypeLike = builtins.int, sparse=False):
    """Index grids of the given shape. Mirrors ``numpy.indices``."""
    dimensions = tuple(operator.index(d) for d in dimensions)
    if any(d < 0 for d in dimensions):
        raise ValueError("negative dimensions are not allowed")
    n = len(dimensions)
    res = []
    for i, dim in enumerate(dimensions):
        shape = (1,) * i + (dim,) + (1,) * (n - i - 1)
        res.append(torch.arange(dim, dtype=torch.int64).to(dtype).reshape(shape))
    if sparse:
        return tuple(res)
    if n == 0:
        return torch.empty((0,), dtype=dtype)
    return torch.stack([r.expand(dimensions) for r in res])


def meshgrid(*xi: ViewSource, copy=True, sparse=False, indexing="xy"):
    """Coordinate matrices from coordinate vectors. Mirrors ``numpy.meshgrid`` (returns a tuple).

    With a false ``copy`` (None included, as NumPy tests it) the results are views of the
    inputs (reshaped, then broadcast), whose writes reach them."""
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    ndim = len(xi)
    s0 = (1,) * ndim

    def reshaped(x, shape):  # NumPy's x.reshape: a view where the strides allow, else a copy
        shape = tuple(x.size if d == -1 else d for d in shape)
        v = _views.reshape(x, shape)
        return v if v is not None else _views.wrap(x.tensor.reshape(shape))

    output = [reshaped(x, s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        output[0] = reshaped(output[0], (1, -1) + s0[2:])
        output[1] = reshaped(output[1], (-1, 1) + s0[2:])
    if not sparse:
        shape = torch.broadcast_shapes(*(o.shape for o in output))
        output = [o if o.shape == shape else _views.broadcast_to(o, shape) for o in output]
    if copy:
        return tuple(o.tensor.clone() for o in output)  # new arrays
    return tuple(output)


def _scalar_step(step):
    return isinstance(step, builtins.complex) or (
        hasattr(step, "dtype") and getattr(step.dtype, "kind", "") == "c")


class _NdGrid:
    """``mgrid`` / ``ogrid``: index with slices to build grids. Mirrors ``numpy.lib.nd_grid``."""

    __slots__ = ("sparse",)

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, key):
        if isinstance(key, slice):
            return wrap(self._one(key))
        size = []
        num_list = [0]
        for k in key:
            start = 0 if k.start is None else _py(k.start)
            step = 1 if k.step is None else _py(k.step)
            stop = _py(k.stop)
            if isinstance(step, builtins.complex):
                step = builtins.abs(step)
                size.append(builtins.int(step))
            else:
                size.append(math.ceil((stop - start) / step))
            num_list += [start, stop, step]
        typ = _kind_dtype(num_list)
        if self.sparse:
            nn = [torch.arange(s, dtype=typ) for s in size]
        else:
            nn = list(indices(size, typ))
        for k, kk in enumerate(key):
            start = 0 if kk.start is None else _py(kk.start)
            step = 1 if kk.step is None else _py(kk.step)
            if isinstance(step, builtins.complex):
                step = builtins.int(builtins.abs(step))
                if step != 1:
                    step = (_py(kk.stop) - start) / builtins.float(step - 1)
            if not nn[k].is_floating_point() and (isinstance(step, builtins.float)
                                                  or isinstance(start, builtins.float)):
                nn[k] = nn[k].to(torch.float64)  # torch would give float32 for int * float
            nn[k] = nn[k] * step + start
        if self.sparse:
            n = len(size)
            return wrap(tuple(t.reshape((1,) * k + (-1,) + (1,) * (n - k - 1))
                              for k, t in enumerate(nn)))
        return wrap(torch.stack(nn) if nn else torch.empty((0,), dtype=typ))

    @staticmethod
    def _one(key):
        start = 0 if key.start is None else _py(key.start)
        stop, step = _py(key.stop), key.step
        if step is not None and isinstance(_py(step), builtins.complex):
            step_float = builtins.abs(_py(step))
            step = length = builtins.int(step_float)
            if step != 1:
                step = (stop - start) / builtins.float(step - 1)
            typ = _kind_dtype((start, stop, step_float))
            return torch.arange(0, length, 1, dtype=typ) * step + start
        return arange(start, stop, 1 if step is None else _py(step))

    def __len__(self):
        return 0


def _py(v):
    return v if type(v) in _PY_SCALARS else _py_value(v, "slice bound")

mgrid = _NdGrid(sparse=False)
ogrid = _NdGrid(sparse=True)
