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


def _scalar_new(cls, value=0, *args, **kwargs):
    from ._normalize import as_tensor
    td = _dtypes.dtype(cls).torch_dtype
    t = as_tensor(value)
    if t.dtype != td:
        t = (t.real if t.is_complex() and not td.is_complex else t).to(td)
    if t.ndim != 0:
        from ._ndarray import _from_tensor
        return _from_tensor(t)
    s = object.__new__(cls)
    s.tensor = t
    return s


def _ns():
    return sys.modules["torchnp"]


def _item(self):
    return self.tensor.item()


class _ScalarMethods:
    def item(self, *args):
        return self.tensor.item()

    def tolist(self):
        return self.tensor.item()

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
        return hash(self.tensor.item())

    def __format__(self, spec):
        return format(self.tensor.item(), spec)

    def __repr__(self):
        from ._printing import scalar_repr
        return scalar_repr(self)

    def __str__(self):
        from ._printing import scalar_str
        return scalar_str(self)

    def __array__(self, dtype=None, copy=None):
        arr = self.tensor.detach().cpu().resolve_conj().numpy()
        return arr.astype(dtype) if dtype is not None else arr

    def __reduce__(self):
        return (_rebuild, (type(self), self.tensor.item()))

    def __getitem__(self, key):
        if key == () or key is Ellipsis:
            return self
        from ._ndarray import _from_tensor
        return _from_tensor(self.tensor)[key]

    def astype(self, dtype, **kwargs):
        return _dtypes.dtype(dtype).type(self)

    def __array_namespace__(self, *, api_version=None):
        return _ns()


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
                "__array_namespace__"):
            setattr(generic, name, value)
    from . import _operators
    _operators.install(generic)
    for cls in _dtypes._SCALAR_TYPES.values():
        cls.__new__ = _scalar_new
    for cls in _dtypes._SCALAR_TYPES.values():
        if issubclass(cls, _dtypes.integer):
            cls.__index__ = _index


_install()
