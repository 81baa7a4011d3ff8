"""The ndarray class: a thin wrapper over one torch.Tensor.

Methods that mirror namespace functions (``a.sum``, ``a.sort``…) and the
operators hold no logic: they look the function up in the torchnp namespace at
call time, so swapping the plugin that provides ``torchnp.sum`` changes
``a.sum()`` too, and a missing plugin gives an error naming the distribution.
"""
from __future__ import annotations

import builtins
import operator
import sys

import torch

from . import _dtypes, _indexing, _normalize, _operators, _printing
from ._normalize import as_tensor

__all__ = ["ndarray"]


def _ns():
    return sys.modules["torchnp"]


def _func(name):
    """The public torchnp function ``name``; NotImplementedError if no plugin provides it."""
    try:
        return getattr(sys.modules["torchnp"], name)
    except AttributeError as exc:
        raise NotImplementedError(str(exc)) from None


def _from_tensor(t, base=None):
    a = object.__new__(ndarray)
    a.tensor = t
    if base is not None:
        a._base = base
    return a


class _Flags:
    """Read-only view of an array's memory-layout flags (``ndarray.flags``)."""

    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    @property
    def c_contiguous(self):
        return _is_c_contig(self._a.tensor)

    @property
    def f_contiguous(self):
        t = self._a.tensor
        return _is_c_contig(t.permute(*reversed(range(t.ndim)))) if t.ndim > 1 else _is_c_contig(t)

    contiguous = c_contiguous

    @property
    def owndata(self):
        return self._a.base is None

    @property
    def writeable(self):
        return getattr(self._a, "_readonly", False) is False

    @property
    def aligned(self):
        return True

    @property
    def writebackifcopy(self):
        return False

    def __getitem__(self, key):
        names = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "F_CONTIGUOUS": "f_contiguous",
                 "F": "f_contiguous", "OWNDATA": "owndata", "O": "owndata", "WRITEABLE": "writeable",
                 "W": "writeable", "ALIGNED": "aligned", "A": "aligned",
                 "WRITEBACKIFCOPY": "writebackifcopy", "X": "writebackifcopy"}
        try:
            return getattr(self, names[key])
        except KeyError:
            raise KeyError(f"Unknown flag {key!r}") from None

    def __setattr__(self, name, value):
        if name == "_a":
            object.__setattr__(self, name, value)
            return
        raise AttributeError(f"torchnp: flag {name!r} cannot be set (flags are a read-only view)")

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in
                         ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                          "WRITEBACKIFCOPY")) + "\n"


def _is_c_contig(t):
    expected = 1
    for size, stride in zip(reversed(t.shape), reversed(t.stride())):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


class ndarray:
    """An N-dimensional array over a ``torch.Tensor``. Mirrors ``numpy.ndarray``.

    Build one with ``torchnp.asarray``; ``.tensor`` is the underlying tensor.
    """

    __slots__ = ("tensor", "_base", "_readonly", "__weakref__")
    __array_priority__ = 100

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("torchnp.ndarray(): buffer= and strides= are not supported; "
                                      "use torchnp.frombuffer or torchnp.asarray")
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        return _from_tensor(torch.empty(shape, dtype=_dtypes.to_torch_dtype(dtype)))

    # --- attributes -------------------------------------------------------
    @property
    def shape(self):
        return tuple(self.tensor.shape)

    @shape.setter
    def shape(self, value):
        new = self.tensor.view(_normalize_shape(value))
        self.tensor = new

    @property
    def ndim(self):
        return self.tensor.ndim

    @property
    def size(self):
        return self.tensor.numel()

    @property
    def dtype(self):
        return _dtypes._BY_TORCH[self.tensor.dtype]

    @property
    def itemsize(self):
        return self.tensor.element_size()

    @property
    def nbytes(self):
        return self.tensor.numel() * self.tensor.element_size()

    @property
    def strides(self):
        es = self.tensor.element_size()
        return tuple(s * es for s in self.tensor.stride())

    @property
    def T(self):
        return _from_tensor(self.tensor.permute(*reversed(range(self.tensor.ndim))), self._root())

    @property
    def mT(self):
        if self.tensor.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return _from_tensor(self.tensor.transpose(-2, -1), self._root())

    @property
    def real(self):
        t = self.tensor
        if t.is_complex():
            return _from_tensor(torch.view_as_real(t)[..., 0], self._root())
        return self

    @real.setter
    def real(self, value):
        self.real[...] = value

    @property
    def imag(self):
        t = self.tensor
        if t.is_complex():
            return _from_tensor(torch.view_as_real(t)[..., 1], self._root())
        r = _from_tensor(torch.zeros_like(t))
        r._readonly = True
        return r

    @imag.setter
    def imag(self, value):
        if not self.tensor.is_complex():
            raise TypeError("array does not have imaginary part to set")
        self.imag[...] = value

    @property
    def base(self):
        return getattr(self, "_base", None)

    def _root(self):
        return getattr(self, "_base", None) or self

    @property
    def flags(self):
        return _Flags(self)

    @property
    def device(self):
        return self.tensor.device

    @property
    def flat(self):
        return _func("_flatiter")(self)

    # --- conversion ---------------------------------------------------------
    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        td = _dtypes.to_torch_dtype(dtype)
        if not _dtypes.can_cast_torch(self.tensor.dtype, td, casting):
            raise TypeError(f"Cannot cast array data from dtype('{self.dtype.name}') to "
                            f"dtype('{_dtypes.from_torch(td).name}') according to the rule '{casting}'")
        if td == self.tensor.dtype and not copy:
            return self
        return _from_tensor(_cast(self.tensor, td))

    def copy(self, order="C"):
        return _from_tensor(self.tensor.clone(memory_format=torch.contiguous_format))

    def view(self, dtype=None, type=None):
        if dtype is None or (isinstance(dtype, builtins.type) and issubclass(dtype, ndarray)):
            return _from_tensor(self.tensor.view(self.tensor.shape), self._root())
        td = _dtypes.to_torch_dtype(dtype)
        return _from_tensor(self.tensor.view(td), self._root())

    def item(self, *args):
        t = self.tensor
        if args:
            if len(args) == 1 and not isinstance(args[0], tuple):
                idx = operator.index(args[0])
                if not -t.numel() <= idx < t.numel():
                    raise IndexError("index out of bounds")
                return t.reshape(-1)[idx].item()
            return t[args[0] if len(args) == 1 else args].item()
        if t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return t.reshape(()).item()

    def tolist(self):
        return self.tensor.resolve_conj().resolve_neg().tolist()

    def tobytes(self, order="C"):
        return self.__array__().tobytes(order=order)

    def fill(self, value):
        v = as_tensor(value)
        if v.ndim != 0:
            raise ValueError("fill value must be a scalar")
        self._assign(v)

    def _assign(self, value, key=None):
        """Write ``value`` (a tensor or scalar) into this array, or into ``self[key]``."""
        if getattr(self, "_readonly", False):
            raise ValueError("assignment destination is read-only")
        if key is None:
            self.tensor.copy_(value) if isinstance(value, torch.Tensor) else self.tensor.fill_(value)
        else:
            self.tensor[key] = value

    # --- shape ---------------------------------------------------------------
    def reshape(self, *shape, order="C", copy=None):
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        return _func("reshape")(self, shape, order=order, copy=copy)

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or not isinstance(axes[0], int)):
            axes = axes[0]
        return _func("transpose")(self, axes if axes != () else None)

    def swapaxes(self, axis1, axis2):
        return _func("swapaxes")(self, axis1, axis2)

    def ravel(self, order="C"):
        return _func("ravel")(self, order)

    def flatten(self, order="C"):
        return _func("ravel")(self, order).copy() if order in ("C", "K", "A") else \
            _func("ravel")(self, order)

    def squeeze(self, axis=None):
        return _func("squeeze")(self, axis)

    def __len__(self):
        if self.tensor.ndim == 0:
            raise TypeError("len() of unsized object")
        return self.tensor.shape[0]

    def __iter__(self):
        if self.tensor.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        if self.tensor.ndim == 1:
            wrap = _normalize.wrap_scalar
            return (wrap(t) for t in self.tensor.unbind(0))
        root = self._root()
        return (_from_tensor(t, root) for t in self.tensor.unbind(0))

    # --- Python protocols ----------------------------------------------------
    def __bool__(self):
        if self.tensor.numel() != 1:
            if self.tensor.numel() == 0:
                raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` "
                                 "to check that an array is not empty.")
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return builtins.bool(self.tensor.item())

    def __int__(self):
        if self.tensor.numel() != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        if self.tensor.is_complex():
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
        return int(self.tensor.item())

    def __float__(self):
        if self.tensor.numel() != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        if self.tensor.is_complex():
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        return float(self.tensor.item())

    def __complex__(self):
        if self.tensor.numel() != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        return complex(self.tensor.item())

    def __index__(self):
        if self.tensor.ndim != 0 or self.tensor.dtype.is_floating_point or self.tensor.is_complex() \
                or self.tensor.dtype == torch.bool:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self.tensor.item())

    def __repr__(self):
        return _printing.array_repr(self)

    def __str__(self):
        return _printing.array_str(self)

    def __format__(self, spec):
        if self.tensor.ndim == 0:
            return format(self.tensor.item(), spec)
        return format(str(self), spec)

    def __hash__(self):
        raise TypeError("unhashable type: 'torchnp.ndarray'")

    def __array__(self, dtype=None, copy=None):
        # hands data to NumPy: torch's .numpy() builds the array, core never imports numpy
        t = self.tensor.detach().resolve_conj().resolve_neg()
        if t.device.type != "cpu":
            t = t.cpu()
            copy = False if copy is None else copy
        arr = t.numpy()
        if dtype is not None and arr.dtype != dtype:
            return arr.astype(dtype)
        return arr.copy() if copy else arr

    def __array_namespace__(self, *, api_version=None):
        if api_version not in (None, "2021.12", "2022.12", "2023.12", "2024.12"):
            raise ValueError(f"Unrecognized array API version: {api_version!r}")
        return _ns()

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        kwargs = {}
        if stream is not None:
            kwargs["stream"] = stream
        return self.tensor.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return self.tensor.__dlpack_device__()

    def to_device(self, device, /, *, stream=None):
        return _from_tensor(self.tensor.to(_normalize._normalize_device(device)))

    def __reduce__(self):
        return (_rebuild, (self.tensor.detach().cpu().clone(), str(self.tensor.device)))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    # --- indexing --------------------------------------------------------------
    def __getitem__(self, key):
        return _indexing.getitem(self, key)

    def __setitem__(self, key, value):
        _indexing.setitem(self, key, value)

    # --- NumPy interop -----------------------------------------------------------
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        # a real NumPy ufunc (or operator) met a torchnp array: answer with ours
        try:
            ours = getattr(_ns(), ufunc.__name__)
        except AttributeError:
            return NotImplemented
        if method != "__call__":
            ours = getattr(ours, method, None)
            if ours is None:
                return NotImplemented
        return ours(*inputs, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        mod = getattr(func, "__module__", "") or ""
        target = _ns()
        sub = mod.split(".")[1] if mod.startswith("numpy.") else ""
        if sub in ("linalg", "fft", "random"):
            target = getattr(target, sub)
        ours = getattr(target, func.__name__, None)
        if ours is None:
            return NotImplemented
        return ours(*args, **kwargs)


def _rebuild(tensor, device):
    return _from_tensor(tensor.to(device))


def _cast(t, td):
    """``t.to(td)`` with NumPy's cast semantics where torch differs (complex -> real drops imag)."""
    if t.is_complex() and not (td.is_complex):
        t = t.real
    return t.to(td)


def _normalize_shape(shape):
    if isinstance(shape, int):
        return (shape,)
    return tuple(operator.index(s) for s in shape)


# --- methods that route through the registry ------------------------------------
# ndarray methods that are the namespace function with the array first
_METHODS = (
    "all", "any", "argmax", "argmin", "argpartition", "argsort", "choose", "clip",
    "compress", "conj", "conjugate", "cumprod", "cumsum", "diagonal", "dot", "max",
    "mean", "min", "nonzero", "partition", "prod", "ptp", "put", "repeat", "round",
    "searchsorted", "std", "sum", "take", "trace", "var",
)


def _method(name):
    def m(self, *args, **kwargs):
        return _func(name)(self, *args, **kwargs)
    m.__name__ = name
    m.__qualname__ = f"ndarray.{name}"
    m.__doc__ = f"Same as ``torchnp.{name}(a, ...)``."
    return m


def _install_methods():
    for name in _METHODS:
        setattr(ndarray, name, _method(name))

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """In-place sort (``torchnp.sort`` writes back into ``self``)."""
        self._assign(_func("sort")(self, axis=axis, kind=kind, order=order, stable=stable).tensor)
    ndarray.sort = sort

    def resize(self, *new_shape, refcheck=True):
        raise NotImplementedError("ndarray.resize in place cannot be done on torch storage; "
                                  "use torchnp.resize(a, shape)")
    ndarray.resize = resize


_install_methods()
_operators.install(ndarray)
_normalize._ndarray_cls = ndarray
