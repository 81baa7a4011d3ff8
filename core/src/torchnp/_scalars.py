"""Behaviour of torchnp scalar objects (``torchnp.float64(2.5)`` and friends).

A scalar holds a 0-d tensor; arithmetic goes through the same ufuncs as arrays
and the Python value is read (a device sync) only when asked for.
"""
from __future__ import annotations

import builtins
import sys

import torch

from . import _dtypes
from ._dtypes import generic

__all__ = []


def _make_bool(value):
    s = object.__new__(_dtypes.bool)
    s.tensor = torch.tensor(value, dtype=torch.bool, device="cpu")
    return s


_PARSE = {"b": lambda v: builtins.bool(v), "i": builtins.int, "u": builtins.int,
          "f": builtins.float, "c": builtins.complex}


def _scalar_new(cls, value=0, *args, **kwargs):
    """``torchnp.float64(x)``: a scalar from a number or string, an array from an array-like."""
    from ._normalize import as_tensor
    d = _dtypes.dtype(cls)
    td = d.torch_dtype
    t = type(value)
    if t is builtins.str or t is builtins.bytes:
        value = _PARSE[d.kind](value.decode() if t is builtins.bytes else value)
        t = type(value)
    elif value is None:
        if d.kind == "b":
            value, t = False, builtins.bool
        elif d.kind not in "fc":
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            "number, not 'NoneType'")
        elif d.kind == "c":  # NumPy fills both parts: complex64(None) is nan+nanj
            value, t = complex(float("nan"), float("nan")), builtins.complex
        else:
            value, t = float("nan"), builtins.float
    if t is builtins.int and d.kind in "iu":
        info = torch.iinfo(td)
        if not info.min <= value <= info.max:
            raise OverflowError(f"Python integer {value} out of bounds for {d.name}")
        s = object.__new__(cls)
        s.tensor = torch.tensor(value, dtype=td)
        return s
    if d.kind == "b" and t in (builtins.int, builtins.float, builtins.complex):
        value, t = builtins.bool(value), builtins.bool
    if t is builtins.complex and d.kind not in "c":
        raise TypeError("float() argument must be a string or a real number, not 'complex'"
                        if d.kind == "f" else "int() argument must be a string, a bytes-like "
                        "object or a real number, not 'complex'")
    if t in (builtins.bool, builtins.int, builtins.float, builtins.complex):
        s = object.__new__(cls)
        try:
            s.tensor = torch.tensor(value, dtype=td)
        except (TypeError, RuntimeError):  # e.g. a float into an unsigned type: cast like NumPy
            s.tensor = torch.tensor(value).to(td)
        return s
    tt = as_tensor(value)
    if tt.dtype != td:
        tt = (tt.real if tt.is_complex() and not td.is_complex else tt).to(td)
    elif isinstance(value, generic):
        return value if type(value) is cls else _wrap(tt)
    if tt.ndim != 0:
        from ._ndarray import _from_tensor
        return _from_tensor(tt.clone() if tt is getattr(value, "tensor", None) else tt)
    s = object.__new__(cls)
    s.tensor = tt.clone() if tt is getattr(value, "tensor", value) else tt
    return s


def _ns():
    return sys.modules["torchnp"]


def _item(self):
    return self.tensor.item()


class _ScalarMethods:
    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),)):
            raise IndexError("index out of bounds" if isinstance(args[0], int) else
                             "incorrect number of indices for array")
        return _py(self.tensor)

    def tolist(self):
        return _py(self.tensor)

    @property
    def base(self):
        return None

    @property
    def flags(self):
        from ._ndarray import _Flags
        return _Flags(self._array())

    @property
    def data(self):
        return self._array().data

    def _array(self):
        from ._ndarray import _from_tensor
        a = _from_tensor(self.tensor.clone())
        return a

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __round__(self, ndigits=None):
        if ndigits is None:
            v = _py(self.tensor)
            return round(v) if not isinstance(v, builtins.complex) else round(v.real)
        return _ns().round(self, ndigits)

    def is_integer(self):
        if not isinstance(self, _dtypes.floating):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute 'is_integer'")
        return builtins.float(_py(self.tensor)).is_integer()

    def __contains__(self, value):
        raise TypeError(f"argument of type '{type(self).__name__}' is not iterable")

    @property
    def dtype(self):
        return _dtypes._BY_TORCH[self.tensor.dtype]

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0

    @property
    def size(self):
        return 1

    @property
    def itemsize(self):
        return self.tensor.element_size()

    @property
    def nbytes(self):
        return self.tensor.element_size()

    @property
    def strides(self):
        return ()

    @property
    def real(self):
        return _wrap(self.tensor.real if self.tensor.is_complex() else self.tensor)

    @property
    def imag(self):
        return _wrap(self.tensor.imag if self.tensor.is_complex() else torch.zeros_like(self.tensor))

    @property
    def T(self):
        return self

    @property
    def device(self):
        return self.tensor.device

    def __bool__(self):
        return builtins.bool(self.tensor.item())

    def __len__(self):
        raise TypeError(f"object of type '{type(self).__name__}' has no len()")

    def __int__(self):
        if self.tensor.is_complex():
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
        return builtins.int(self.tensor.item())

    def __float__(self):
        if self.tensor.is_complex():
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        return builtins.float(self.tensor.item())

    def __complex__(self):
        return builtins.complex(self.tensor.item())

    def __hash__(self):
        return hash(_py(self.tensor))

    def __format__(self, spec):
        return format(_py(self.tensor), spec)

    def __repr__(self):
        from ._printing import scalar_repr
        return scalar_repr(self)

    def __str__(self):
        from ._printing import scalar_str
        return scalar_str(self)

    def __array__(self, dtype=None, /, *, copy=None):
        arr = self.tensor.detach().cpu().resolve_conj().numpy()
        return arr.astype(dtype) if dtype is not None else arr

    def __reduce__(self):
        return (_rebuild, (type(self), self.tensor.item()))

    def __getitem__(self, key):
        if type(key) is tuple and key == ():
            return self
        if key is Ellipsis or key is None or (type(key) is tuple and all(
                k is None or k is Ellipsis for k in key)):
            return self._array()[key]
        raise IndexError("invalid index to scalar variable.")

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        return _scalarize(self._array().astype(dtype, order, casting, subok, copy))

    def __array_namespace__(self, *, api_version=None):
        return _ns()


def _py(t):
    if t.dtype in (torch.uint16, torch.uint32):
        t = t.to(torch.int64)
    return t.item()


def _scalarize(r):
    from ._ndarray import ndarray
    if isinstance(r, ndarray) and r.ndim == 0:
        return _wrap(r.tensor)
    return r


# array methods scalars answer by way of a private 0-d array (NumPy's generic methods do the same)
_ARRAY_METHODS = ("reshape", "transpose", "ravel", "flatten", "squeeze", "swapaxes", "copy",
                  "view", "tobytes", "byteswap", "getfield", "dump", "dumps", "tofile",
                  "to_device", "__array_wrap__", "__dlpack__", "__dlpack_device__")


def _array_method(name):
    def m(self, *args, **kwargs):
        return _scalarize(getattr(self._array(), name)(*args, **kwargs))
    m.__name__ = name
    m.__qualname__ = f"generic.{name}"
    return m


def _rebuild(cls, value):
    return cls(value)


def _wrap(t):
    s = object.__new__(_dtypes._SCALAR_BY_TORCH[t.dtype])
    s.tensor = t
    return s


def _index(self):
    return builtins.int(self.tensor.item())


def _install():
    # generic is defined in _dtypes without behaviour; give it the methods here
    for name, value in vars(_ScalarMethods).items():
        if not name.startswith("__") or name in (
                "__bool__", "__int__", "__float__", "__complex__", "__hash__", "__format__",
                "__repr__", "__str__", "__array__", "__reduce__", "__getitem__",
                "__array_namespace__", "__copy__", "__deepcopy__", "__round__", "__len__",
                "__contains__"):
            setattr(generic, name, value)
    # the namespace-routed methods and the operators are ndarray's own functions
    # (they work on anything the namespace functions take); scalars are immutable,
    # so they get no in-place operators (``s += 1`` rebinds s)
    from ._ndarray import _METHODS, _OPERATORS, ndarray
    for name in _METHODS:
        setattr(generic, name, ndarray.__dict__[name])
    for name in _ARRAY_METHODS:
        setattr(generic, name, _array_method(name))
    for name in _OPERATORS:
        if not name.startswith("__i") or name == "__invert__":
            setattr(generic, name, ndarray.__dict__[name])
    for cls in _dtypes._SCALAR_TYPES.values():
        cls.__new__ = _scalar_new
    for cls in _dtypes._SCALAR_TYPES.values():
        if issubclass(cls, _dtypes.integer):
            cls.__index__ = _index


_install()
generic.__doc__ = (generic.__doc__ or "") + """
    Differences from NumPy: ``torchnp.float64`` is not a subclass of Python's
    ``float`` (nor ``int64`` of ``int``, ``complex128`` of ``complex``):
    subclassing would need the Python value, a host-device sync, at creation.
    ``float(x)``, ``int(x)``, ``operator.index(x)`` (integers only), hashing
    (equal to the Python value's hash), f-string formatting and ``range(x)``
    all work; ``isinstance(x, float)`` is False.
    """
