"""The ndarray class: a thin wrapper over one torch.Tensor.

Everything here is a plain function or method defined once, so that dynamo and
torch.func follow it. The methods that mirror namespace functions (``a.sum``,
``a.sort``…) and the operators hold no logic: they call the function of the
torchnp namespace (``_ns``), so swapping the plugin that provides
``torchnp.sum`` changes ``a.sum()`` too, and a missing plugin gives an error
naming the distribution. Views and writes go through the view model
(``_views``); every write ends in it, which is where read-only arrays are
refused and where writes through reversed views are mapped back to memory.
"""
from __future__ import annotations

import builtins
import ctypes
import operator
import pickle
import sys
import types
import warnings
import typing

import torch

from . import _dtypes, _indexing, _normalize, _printing, _shape_impl, _views
from ._normalize import as_tensor
from .exceptions import ComplexWarning

__all__ = ["ndarray"]

# the torchnp package (being initialized while this module is imported): namespace
# functions are looked up on it per call, which assembles the namespace on first use
_ns = sys.modules["torchnp"]
_wrap = _views.wrap
_tracing = torch.compiler.is_compiling


def _func(name):
    """The public torchnp function ``name``; NotImplementedError if no plugin provides it."""
    try:
        return getattr(_ns, name)
    except AttributeError as exc:
        raise NotImplementedError(str(exc)) from None


def _from_tensor(t, base=None):
    """A new array over ``t`` (kept for callers that still pass a base: a view of it)."""
    if base is None:
        return _wrap(t)
    return _views.view(base, t)


class _Flags:
    """Memory-layout flags of an array (``ndarray.flags``); only WRITEABLE can be set."""

    __slots__ = ("_a",)

    def __init__(self, a):
        object.__setattr__(self, "_a", a)

    @property
    def c_contiguous(self):
        return _views.is_c_contiguous(self._a)

    @property
    def f_contiguous(self):
        return _views.is_f_contiguous(self._a)

    contiguous = c_contiguous

    @property
    def owndata(self):
        return self._a.base is None

    @property
    def writeable(self):
        return self._a._readonly is False

    @writeable.setter
    def writeable(self, value):
        self._a.setflags(write=value)

    @property
    def aligned(self):
        return True

    @property
    def writebackifcopy(self):
        return False

    @property
    def fnc(self):
        return self.f_contiguous and not self.c_contiguous

    @property
    def forc(self):
        return self.f_contiguous or self.c_contiguous

    @property
    def behaved(self):
        return self.writeable

    @property
    def carray(self):
        return self.writeable and self.c_contiguous

    @property
    def farray(self):
        return self.writeable and self.f_contiguous and not self.c_contiguous

    _NAMES = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
              "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
              "OWNDATA": "owndata", "O": "owndata", "WRITEABLE": "writeable", "W": "writeable",
              "ALIGNED": "aligned", "A": "aligned", "WRITEBACKIFCOPY": "writebackifcopy",
              "X": "writebackifcopy", "FNC": "fnc", "FORC": "forc", "BEHAVED": "behaved",
              "B": "behaved", "CARRAY": "carray", "CA": "carray", "FARRAY": "farray", "FA": "farray"}

    def __getitem__(self, key):
        try:
            return getattr(self, self._NAMES[key])
        except KeyError:
            raise KeyError(f"Unknown flag {key!r}") from None

    def __setitem__(self, key, value):
        if self._NAMES.get(key) != "writeable":
            raise KeyError(f"Unknown flag {key!r}" if key not in self._NAMES else
                           f"torchnp: flag {key!r} cannot be set")
        self.writeable = value

    def __setattr__(self, name, value):
        if name == "writeable":
            self._a.setflags(write=value)
            return
        raise AttributeError(f"torchnp: flag {name!r} cannot be set (only writeable can)")

    def __eq__(self, other):
        return isinstance(other, _Flags) and all(
            self[k] == other[k] for k in ("C", "F", "O", "W", "A", "X"))

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in
                         ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                          "WRITEBACKIFCOPY")) + "\n"


def _first_element_pointer(a):
    """The address of ``a``'s first element and its signed byte strides (CPU arrays)."""
    mem, st, off = _views.layout(a)
    es = mem.element_size()
    return mem.untyped_storage().data_ptr() + off * es, tuple(s * es for s in st)


class _CTypes:
    """A small stand-in for ``ndarray.ctypes`` (CPU arrays): data pointer, shape, strides."""

    def __init__(self, a):
        if a.device.type != "cpu":
            raise AttributeError("ctypes: the array is not on the CPU")
        self._arr = a
        self.data, strides = _first_element_pointer(a)
        self.shape = (ctypes.c_ssize_t * a.ndim)(*a.shape)
        self.strides = (ctypes.c_ssize_t * a.ndim)(*strides)

    def data_as(self, obj):
        return ctypes.cast(self.data, obj)

    def shape_as(self, obj):
        return (obj * self._arr.ndim)(*self._arr.shape)

    def strides_as(self, obj):
        return (obj * self._arr.ndim)(*self._arr.strides)

    @property
    def _as_parameter_(self):
        return ctypes.c_void_p(self.data)


class _FlatIter:
    """``ndarray.flat``: a 1-D iterator over the array in C order, indexable and assignable."""

    __slots__ = ("base", "_i")

    def __init__(self, a):
        self.base = a
        self._i = 0

    def _flat(self):
        return self.base.tensor.reshape(-1)

    def __len__(self):
        return self.base.size

    def __iter__(self):
        return iter(_wrap(self._flat().clone()))

    def __next__(self):
        if self._i >= self.base.size:
            raise StopIteration
        self._i += 1
        return _wrap(self._flat())[self._i - 1]

    @property
    def index(self):
        return self._i

    def __getitem__(self, key):
        r = _wrap(self._flat())[key]
        return r.copy() if isinstance(r, ndarray) else r

    def __setitem__(self, key, value):
        a = self.base
        flat = _shape_impl.ravel(a)
        if flat.base is not None or flat is a:  # a view of a's memory: write into it
            _indexing.setitem(flat, key, value)
            return
        _views.check_writeable(a)
        tmp = _wrap(flat.tensor)
        tmp[key] = value
        _views.assign(a, tmp.tensor.reshape(a.shape))

    def __array__(self, dtype=None, copy=None):
        return _wrap(self._flat()).__array__(dtype)

    def copy(self):
        return _wrap(self._flat().clone())

    @property
    def coords(self):
        return tuple(int(c) for c in torch.unravel_index(torch.tensor(self._i), self.base.shape)) \
            if self.base.ndim else ()


def _fast_power(a, e):
    """NumPy's ``array ** e`` shortcut: for a complex array (not a scalar) and exactly
    the Python int 2 or -1 or the Python float 0.5, the operator calls square,
    reciprocal or sqrt, whose rounding differs from power's (float arrays keep power);
    else None."""
    te = type(e)
    if te is builtins.int:
        name = "square" if e == 2 else "reciprocal" if e == -1 else None
    elif te is builtins.float:
        name = "sqrt" if e == 0.5 else None
    else:
        return None
    if name is None or not isinstance(a, ndarray):
        return None
    if a.dtype.kind != "c":
        return None
    return getattr(_ns, name)


def _operand(x):
    """Whether an operator takes ``x`` as an operand (else it returns NotImplemented)."""
    t = type(x)
    if t in _OPERAND_TYPES:
        return True
    if isinstance(x, (ndarray, _dtypes.generic, torch.Tensor, builtins.int, builtins.float,
                      builtins.complex, range)):
        return True
    return any(hasattr(x, a) for a in ("__array_interface__", "__array_struct__",
                                        "__array__", "__dlpack__"))


_OPERAND_TYPES: frozenset = frozenset()  # the types operators always take: set below the class


def _generic(f, a, b, other):
    """``f(a, b)`` for an operator whose namespace function is not a torchnp ufunc."""
    return f(a, b) if _operand(other) else NotImplemented


class ndarray:
    """An N-dimensional array over a ``torch.Tensor``. Mirrors ``numpy.ndarray``.

    Build one with ``torchnp.asarray``; ``.tensor`` is the underlying tensor.
    ``ndarray(shape, dtype)`` gives an uninitialized array, as in NumPy.
    """

    __slots__ = ("tensor", "_base", "_readonly", "__weakref__")
    __array_priority__ = 100
    __class_getitem__: typing.Any = classmethod(types.GenericAlias)  # ndarray[shape, dtype] in annotations, as NumPy
    _is_rev = False  # reversed twins (``_views``) say True

    def __init_subclass__(cls, twin=False, **kwargs):
        # every subclass gets its reversed twin (``_views``), so its negative-stride
        # views are instances of it too
        super().__init_subclass__(**kwargs)
        if not twin:
            cls._plain = cls
            cls._reversed = _views.make_twin(cls)

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("torchnp.ndarray(): buffer= and strides= are not supported; "
                                      "use torchnp.frombuffer or torchnp.asarray")
        shape = (operator.index(shape),) if not isinstance(shape, (tuple, list)) else \
            tuple(operator.index(s) for s in shape)
        if any(s < 0 for s in shape):
            raise ValueError("negative dimensions are not allowed")
        td = _dtypes.to_torch_dtype(dtype)
        if order == "F":
            t = torch.empty(shape[::-1], dtype=td).permute(*reversed(range(len(shape))))
        else:
            t = torch.empty(shape, dtype=td)
        r = _wrap(t, cls)
        if cls is not ndarray:
            r.__array_finalize__(None)
        return r

    # --- attributes -------------------------------------------------------
    # (reversed twins override the layout attributes to read their memory, _views)
    @property
    def shape(self):
        return tuple(self.tensor.shape)

    @shape.setter
    def shape(self, value):
        value = (operator.index(value),) if not isinstance(value, (tuple, list)) else value
        if not _views.set_shape(self, _shape_impl._resolve_shape(value, self.size)):
            raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` "
                                 "to make a copy with the desired shape.")

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
        t = self.tensor
        return t.numel() * t.element_size()

    @property
    def device(self):
        return self.tensor.device

    @property
    def strides(self):
        return _views.strides(self)

    @property
    def T(self):
        if type(self) is ndarray:  # (the plain array's fast path)
            t = self.tensor
            return _views.plain_view(self, t.t() if t.ndim == 2 else t.permute(
                tuple(range(t.ndim - 1, -1, -1))) if t.ndim else t.view(()))
        return _views.permute(self, tuple(range(self.ndim - 1, -1, -1)))

    @property
    def mT(self):
        nd = self.ndim
        if nd < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return _views.permute(self, tuple(range(nd - 2)) + (nd - 1, nd - 2))

    @property
    def real(self):
        return _views.real(self)

    @real.setter
    def real(self, value):
        _indexing.setitem(_views.real(self), Ellipsis, value)

    @property
    def imag(self):
        return _views.imag(self)

    @imag.setter
    def imag(self, value):
        if not self.dtype.kind == "c":
            raise TypeError("array does not have imaginary part to set")
        _indexing.setitem(_views.imag(self), Ellipsis, value)

    @property
    def base(self):
        return self._base

    @property
    def flags(self):
        return _Flags(self)

    @property
    def flat(self):
        return _FlatIter(self)

    @flat.setter
    def flat(self, value):
        v = as_tensor(value).reshape(-1)
        n = self.size
        if v.numel() == 0:
            return
        if v.numel() < n:
            v = v.repeat((n + v.numel() - 1) // v.numel())
        self._assign(v[:n].reshape(self.shape))

    @property
    def ctypes(self):
        return _CTypes(self)

    @property
    def data(self):
        if self.device.type != "cpu" or not _views.is_c_contiguous(self):
            raise NotImplementedError("ndarray.data: only C-contiguous CPU arrays expose a buffer")
        t = self.tensor
        buf = (ctypes.c_char * (t.numel() * t.element_size())).from_address(t.data_ptr())
        mv = memoryview(buf).cast("B")
        fmt = {"b": "?", "i": None, "u": None}.get(self.dtype.kind)
        fmt = fmt or self.dtype.char
        if fmt in "eFD":
            return mv
        return mv.cast(fmt, self.shape) if self.ndim else mv.cast(fmt)

    @property
    def __array_interface__(self):
        if self.device.type != "cpu":
            raise AttributeError("__array_interface__: only CPU arrays expose their memory")
        t = self.tensor if not self._is_rev else None
        if t is not None and (t.is_conj() or t.is_neg()):
            # lazily conjugated/negated memory does not hold the values: NumPy falls
            # back to __array__, which resolves them
            raise AttributeError("__array_interface__: the memory holds conjugated values")
        ptr, strides = _first_element_pointer(self)
        return {"data": (ptr, not self.flags.writeable), "shape": self.shape,
                "strides": None if _views.is_c_contiguous(self) else strides,
                "typestr": self.dtype.str, "descr": [("", self.dtype.str)], "version": 3}

    # --- conversion ---------------------------------------------------------
    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        """Cast to ``dtype``. Mirrors ``numpy.ndarray.astype``."""
        td = _dtypes.to_torch_dtype(dtype)
        if td is None:  # NumPy's dtype(None): the default float
            td = torch.float64
        src = self.tensor
        if not isinstance(casting, str):
            raise TypeError(f"casting must be str, not {type(casting).__name__}")
        if not _dtypes.can_cast_torch(src.dtype, td, casting):
            raise TypeError(f"Cannot cast array data from dtype('{self.dtype.name}') to "
                            f"dtype('{_dtypes.from_torch(td).name}') according to the rule '{casting}'")
        if td == src.dtype:
            if not copy:
                return self
            return _wrap(src if self._is_rev else src.clone())
        if src.is_complex() and not td.is_complex:
            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=2)
        return _wrap(_cast(src, td))  # a different dtype: torch's .to() makes a new tensor

    def copy(self, order="C"):
        """A copy. Mirrors ``numpy.ndarray.copy``."""
        t = self.tensor
        if order == "A":
            order = "F" if self.flags.fnc else "C"
        if order == "K":
            return _wrap(t.clone(memory_format=torch.preserve_format))
        if order == "F" and t.ndim > 1:
            rev = tuple(reversed(range(t.ndim)))
            return _wrap(t.permute(*rev).clone(memory_format=torch.contiguous_format).permute(*rev))
        if order not in ("C", "F"):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
        return _wrap(t.clone(memory_format=torch.contiguous_format))

    def view(self, *args, **kwargs):
        """A new view of the same memory, optionally reinterpreted as ``dtype`` or as
        an ndarray subclass ``type``. Mirrors ``numpy.ndarray.view(dtype=None, type=None)``."""
        dtype, vtype = (list(args) + [None, None])[:2]
        dtype = kwargs.pop("dtype", dtype)
        vtype = kwargs.pop("type", vtype)
        if kwargs:
            raise TypeError(f"view() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if isinstance(dtype, builtins.type) and issubclass(dtype, ndarray):
            dtype, vtype = None, dtype
        if vtype is not None and not (isinstance(vtype, builtins.type) and issubclass(vtype, ndarray)):
            raise TypeError("Cannot specify output type.")
        r = _views.same(self) if dtype is None else \
            _views.dtype_view(self, _dtypes.to_torch_dtype(dtype))
        if vtype is not None and vtype is not type(r)._plain:
            r = _views.as_class(r, vtype, self)
        return r

    def item(self, *args):
        """The element as a Python scalar. Mirrors ``numpy.ndarray.item``."""
        t = self.tensor
        if args:
            if len(args) == 1 and not isinstance(args[0], tuple):
                idx = operator.index(args[0])
                n = t.numel()
                if not -n <= idx < n:
                    raise IndexError(f"index {idx} is out of bounds for size {n}")
                return _py(t.reshape(-1)[idx])
            key = args[0] if len(args) == 1 else args
            if len(key) != t.ndim:
                raise ValueError("incorrect number of indices for array")
            for ax, (i, n) in enumerate(zip(key, t.shape)):
                if not -n <= operator.index(i) < n:
                    raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
            return _py(t[tuple(operator.index(i) for i in key)])
        if t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return _py(t.reshape(()))

    def tolist(self):
        """Nested Python lists of Python scalars. Mirrors ``numpy.ndarray.tolist``."""
        t = self.tensor.resolve_conj().resolve_neg()
        if t.dtype in (torch.uint16, torch.uint32):
            t = t.to(torch.int64)  # torch lacks tolist for these
        return t.tolist()

    def tobytes(self, order="C"):
        """The raw bytes in C (or F) order. Mirrors ``numpy.ndarray.tobytes``."""
        t = self.tensor.resolve_conj().resolve_neg()
        if order == "A":
            order = "F" if self.flags.fnc else "C"
        if order == "F" and t.ndim > 1:
            t = t.permute(*reversed(range(t.ndim)))
        elif order not in ("C", "F", "K"):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
        t = t.contiguous().cpu()
        return ctypes.string_at(t.data_ptr(), t.numel() * t.element_size()) if t.numel() else b""

    def tofile(self, fid, sep="", format="%s"):
        """Write to a file, binary (``sep=''``) or text. Mirrors ``numpy.ndarray.tofile``."""
        own = isinstance(fid, (str, bytes)) or hasattr(fid, "__fspath__")
        f = open(fid, "wb" if not sep else "w") if own else fid
        try:
            if not sep:
                f.write(self.tobytes())
            else:
                text = sep.join(format % v for v in self.tensor.reshape(-1).tolist())
                f.write(text if "b" not in getattr(f, "mode", "") else text.encode())
        finally:
            if own:
                f.close()

    def dump(self, file):
        """Pickle to a file. Mirrors ``numpy.ndarray.dump``."""
        own = isinstance(file, (str, bytes)) or hasattr(file, "__fspath__")
        f = open(file, "wb") if own else file
        try:
            pickle.dump(self, f, protocol=2)
        finally:
            if own:
                f.close()

    def dumps(self):
        """The pickle as bytes. Mirrors ``numpy.ndarray.dumps``."""
        return pickle.dumps(self, protocol=2)

    def fill(self, value):
        """Set every element to the scalar ``value``. Mirrors ``numpy.ndarray.fill``."""
        if not isinstance(value, (builtins.bool, builtins.int, builtins.float, builtins.complex)):
            v = as_tensor(value)
            if v.ndim != 0:
                raise ValueError("setting an array element with a sequence.")
            value = v
        self._assign(value)

    def _assign(self, value, key=None):
        """Write ``value`` (tensor, scalar or array-like) into this array, or into ``self[key]``,
        with NumPy's setitem casting (the one write entry point for whole-array writes)."""
        _indexing.setitem(self, Ellipsis if key is None else key, value)

    def byteswap(self, inplace=False):
        """Swap the bytes of each element. Mirrors ``numpy.ndarray.byteswap``."""
        t = self.tensor.resolve_conj().resolve_neg()
        r = _byteswap(t)
        if inplace:
            self._assign(r)
            return self
        return _wrap(r)

    def getfield(self, dtype, offset=0):
        """The field of ``dtype`` at byte ``offset`` of each element, as a view where torch can."""
        td = _dtypes.to_torch_dtype(dtype)
        es, ns = self.itemsize, torch.empty((), dtype=td).element_size()
        if offset < 0 or offset + ns > es:
            raise ValueError(f"Need 0 <= offset <= {es - ns} for requested type but received "
                             f"offset = {offset}")
        if offset % ns == 0 and es % ns == 0:
            # the field is every (es/ns)-th element of the memory viewed as td
            b = _views.dtype_view(_views.expand_dims(self, (self.ndim,)), td)
            return _views.squeeze(_views.index(b, [slice(None)] * self.ndim + [slice(
                offset // ns, offset // ns + 1)]), (self.ndim,))
        # misaligned: torch cannot view it, so give a copy that refuses writes
        raw = _view_as(self.tensor.unsqueeze(-1), torch.uint8)[..., offset:offset + ns]
        out = _wrap(_view_as(raw.contiguous(), td).squeeze(-1))
        out._readonly = "getfield at a misaligned offset is a copy in torchnp, not a view"
        return out

    def setfield(self, val, dtype, offset=0):
        """Write ``val`` into the field of ``dtype`` at byte ``offset``. Mirrors ``numpy.ndarray.setfield``."""
        field = self.getfield(dtype, offset)
        if field.flags.writeable:
            field[...] = val
            return None
        raise NotImplementedError("torchnp: setfield at a misaligned offset (torch cannot view it)")

    def setflags(self, write=None, align=None, uic=None):
        """Set WRITEABLE (the only flag torch arrays can change). Mirrors ``numpy.ndarray.setflags``."""
        if uic is not None and uic:
            raise ValueError("cannot set WRITEBACKIFCOPY flag to True of this array")
        if align is not None and not align:
            raise NotImplementedError("torchnp: arrays are always aligned (align=False)")
        if write is not None:
            if write:
                b = self._base
                if b is not None and b._readonly is not False:
                    raise ValueError("cannot set WRITEABLE flag to True of this array")
                self._readonly = False
            else:
                self._readonly = True

    # --- shape ---------------------------------------------------------------
    def reshape(self, *shape, order="C", copy=None):
        """A view (or copy) with a new shape. Mirrors ``numpy.ndarray.reshape``."""
        if not shape:
            raise TypeError("reshape() takes exactly 1 argument (0 given)")
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        if type(self) is ndarray and order == "C" and copy is None and not _tracing():
            # eager fast path: where torch can view, its view is NumPy's; anything else
            # (a copy, -2, a size mismatch) goes the general way for NumPy's result or error
            try:
                r = self.tensor.view(shape)
            except (RuntimeError, TypeError):
                pass
            else:
                return _views.plain_view(self, r)
        return _shape_impl.reshape(self, shape, order, copy=copy)

    def transpose(self, *axes):
        """The array with permuted axes (a view). Mirrors ``numpy.ndarray.transpose``."""
        if len(axes) == 1 and (axes[0] is None or not isinstance(axes[0], int)):
            axes = axes[0]
        return _shape_impl.transpose(self, None if axes == () else _normalize._normalize_axis(axes))

    def swapaxes(self, axis1, axis2, /):
        """Interchange two axes (a view). Mirrors ``numpy.ndarray.swapaxes``."""
        return _shape_impl.swapaxes(self, axis1, axis2)

    def ravel(self, order="C"):
        """Flattened, a view when possible. Mirrors ``numpy.ndarray.ravel``."""
        return _shape_impl.ravel(self, order)

    def flatten(self, order="C"):
        """A flattened copy. Mirrors ``numpy.ndarray.flatten``."""
        r = _shape_impl.ravel(self, order)
        return r.copy() if r._base is not None else r

    def squeeze(self, axis=None):
        """Remove length-one axes (a view). Mirrors ``numpy.ndarray.squeeze``."""
        return _shape_impl.squeeze(self, _normalize._normalize_axis(axis))

    def resize(self, *new_shape, refcheck=True):
        """Change shape and size in place, padding with zeros. Mirrors ``numpy.ndarray.resize``."""
        if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)):
            new_shape = new_shape[0]
        shape = tuple(operator.index(s) for s in new_shape)
        if any(s < 0 for s in shape):
            raise ValueError("negative dimensions not allowed")
        if self._base is not None or self._is_rev:
            raise ValueError("cannot resize this array: it does not own its data")
        _views.check_writeable(self)
        n = 1
        for s in shape:
            n *= s
        old = self.tensor.reshape(-1)
        new = torch.zeros(n, dtype=old.dtype, device=old.device)
        k = min(n, old.numel())
        new[:k] = old[:k]
        self.tensor = new.reshape(shape)

    def __len__(self):
        t = self.tensor
        if t.ndim == 0:
            raise TypeError("len() of unsized object")
        return t.shape[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        if self.ndim == 1:
            return (_normalize.wrap_scalar(x) for x in self.tensor.clone().unbind(0))
        return (self[i] for i in range(self.shape[0]))

    def __contains__(self, value):
        # NumPy's (self == value).any(): the comparison's broadcasting and its errors
        return builtins.bool((self == value).any())

    def __delitem__(self, key):
        raise ValueError("cannot delete array elements")

    # --- Python protocols ----------------------------------------------------
    def __bool__(self):
        t = self.tensor
        if t.numel() != 1:
            if t.numel() == 0:
                raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` "
                                 "to check that an array is not empty.")
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return builtins.bool(t.item())

    def _to_py_scalar(self):
        t = self.tensor
        if t.ndim != 0:
            if t.numel() != 1:
                raise TypeError("only length-1 arrays can be converted to Python scalars")
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        return t.item()

    def __int__(self):
        v = self._to_py_scalar()
        if isinstance(v, builtins.complex):
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
        return builtins.int(v)

    def __float__(self):
        v = self._to_py_scalar()
        if isinstance(v, builtins.complex):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        return builtins.float(v)

    def __complex__(self):
        return builtins.complex(self._to_py_scalar())

    def __index__(self):
        t = self.tensor
        if t.ndim != 0 or t.dtype.is_floating_point or t.is_complex() or t.dtype == torch.bool:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return builtins.int(t.item())

    def __round__(self, ndigits=None):
        return _func("round")(self, 0 if ndigits is None else ndigits)

    def __repr__(self):
        return _printing.array_repr(self)

    def __str__(self):
        return _printing.array_str(self)

    def __format__(self, spec):
        if self.ndim == 0:
            return format(_py(self.tensor), spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    __hash__ = None  # type: ignore[assignment]  # unhashable, as NumPy's arrays

    def __array__(self, dtype=None, /, *, copy=None):
        # hands data to NumPy: torch's .numpy() builds the array, core never imports numpy
        if copy is False and self._is_rev:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        t = self.tensor.detach()
        if t.is_conj() or t.is_neg():
            if copy is False:
                raise ValueError("Unable to avoid copy while creating an array as requested.")
            t = t.resolve_conj().resolve_neg()
        if t.device.type != "cpu":
            if copy is False:
                raise ValueError("Unable to avoid copy while creating an array as requested.")
            t = t.cpu()
        arr = t.numpy()
        if dtype is not None and arr.dtype != dtype:
            if copy is False:
                raise ValueError("Unable to avoid copy while creating an array as requested.")
            return arr.astype(dtype)
        if copy:
            return arr.copy()
        if self._readonly is not False:
            arr = arr.view()
            arr.flags.writeable = False
        return arr

    @property
    def __numpy_dtype__(self):
        # NumPy's dtype protocol: an array is no dtype-like (``numpy.dtype(a)`` raises
        # NumPy's TypeError for its own arrays; without this it would read ``a.dtype``)
        raise TypeError("Cannot construct a dtype from an array")

    def __array_namespace__(self, /, *, api_version=None):
        if api_version not in (None, "2021.12", "2022.12", "2023.12", "2024.12"):
            raise ValueError(f"Unrecognized array API version: {api_version!r}")
        return _ns

    def __array_wrap__(self, array, context=None, return_scalar=True, /):
        t = as_tensor(array)
        return _normalize.wrap_scalar(t) if (return_scalar and t.ndim == 0) else _wrap(t)

    def __array_finalize__(self, obj, /):
        return None

    def __dlpack__(self, /, *, stream=None, max_version=None, dl_device=None, copy=None):
        if copy is False and self._is_rev:
            raise BufferError("torchnp: a reversed view cannot be exported without a copy")
        kwargs = {}
        if stream is not None:
            kwargs["stream"] = stream
        if max_version is not None:
            kwargs["max_version"] = max_version
        t = self.tensor
        if dl_device is not None and tuple(dl_device) != tuple(t.__dlpack_device__()):
            if copy is False:
                raise BufferError("torchnp: exporting to another device needs a copy")
            t = t.cpu() if dl_device[0] == 1 else t
        elif copy:
            t = t.clone()
        try:
            return t.__dlpack__(**kwargs)
        except TypeError:  # older torch without max_version
            kwargs.pop("max_version", None)
            return t.__dlpack__(**kwargs)

    def __dlpack_device__(self, /):
        return _views.layout(self)[0].__dlpack_device__()

    def to_device(self, device, /, *, stream=None):
        return _wrap(self.tensor.to(_normalize._normalize_device(device)))

    def __reduce__(self):
        return (_rebuild, (self.tensor.detach().cpu().clone(), str(self.device)))

    def __setstate__(self, state, /):
        if not isinstance(state, torch.Tensor):
            raise NotImplementedError("torchnp: __setstate__ takes the tensor that __reduce__ gave")
        self.tensor = state

    def __copy__(self):
        return self.copy(order="K")

    def __deepcopy__(self, memo, /):
        return self.copy(order="K")

    # --- indexing --------------------------------------------------------------
    # the _indexing functions themselves: no extra Python frame per a[key]
    __getitem__ = _indexing.getitem
    __setitem__ = _indexing.setitem

    # --- operators: the ufuncs of the namespace ------------------------------------
    # ``a + b`` is ``add._binop(a, b)``, the ufunc's operator entry (NotImplemented for
    # operands a ufunc cannot take, as NumPy's operators); a function that is not a
    # torchnp ufunc (another plugin's) is called as it is. ``a += b`` is
    # ``add(a, b, out=a)`` (NumPy's 'same_kind' casting).
    def __add__(self, other):
        try:
            m = _ns.add._binop
        except AttributeError:
            return _generic(_ns.add, self, other, other)
        return m(self, other)

    def __radd__(self, other):
        try:
            m = _ns.add._rbinop
        except AttributeError:
            return _generic(_ns.add, other, self, other)
        return m(self, other)

    def __iadd__(self, other):
        return _ns.add(self, other, out=self) if _operand(other) else NotImplemented

    def __sub__(self, other):
        try:
            m = _ns.subtract._binop
        except AttributeError:
            return _generic(_ns.subtract, self, other, other)
        return m(self, other)

    def __rsub__(self, other):
        try:
            m = _ns.subtract._rbinop
        except AttributeError:
            return _generic(_ns.subtract, other, self, other)
        return m(self, other)

    def __isub__(self, other):
        return _ns.subtract(self, other, out=self) if _operand(other) else NotImplemented

    def __mul__(self, other):
        try:
            m = _ns.multiply._binop
        except AttributeError:
            return _generic(_ns.multiply, self, other, other)
        return m(self, other)

    def __rmul__(self, other):
        try:
            m = _ns.multiply._rbinop
        except AttributeError:
            return _generic(_ns.multiply, other, self, other)
        return m(self, other)

    def __imul__(self, other):
        return _ns.multiply(self, other, out=self) if _operand(other) else NotImplemented

    def __truediv__(self, other):
        try:
            m = _ns.divide._binop
        except AttributeError:
            return _generic(_ns.divide, self, other, other)
        return m(self, other)

    def __rtruediv__(self, other):
        try:
            m = _ns.divide._rbinop
        except AttributeError:
            return _generic(_ns.divide, other, self, other)
        return m(self, other)

    def __itruediv__(self, other):
        return _ns.divide(self, other, out=self) if _operand(other) else NotImplemented

    def __floordiv__(self, other):
        try:
            m = _ns.floor_divide._binop
        except AttributeError:
            return _generic(_ns.floor_divide, self, other, other)
        return m(self, other)

    def __rfloordiv__(self, other):
        try:
            m = _ns.floor_divide._rbinop
        except AttributeError:
            return _generic(_ns.floor_divide, other, self, other)
        return m(self, other)

    def __ifloordiv__(self, other):
        return _ns.floor_divide(self, other, out=self) if _operand(other) else NotImplemented

    def __mod__(self, other):
        try:
            m = _ns.remainder._binop
        except AttributeError:
            return _generic(_ns.remainder, self, other, other)
        return m(self, other)

    def __rmod__(self, other):
        try:
            m = _ns.remainder._rbinop
        except AttributeError:
            return _generic(_ns.remainder, other, self, other)
        return m(self, other)

    def __imod__(self, other):
        return _ns.remainder(self, other, out=self) if _operand(other) else NotImplemented

    def __pow__(self, other):
        try:
            m = _ns.power._binop
        except AttributeError:
            return _generic(_ns.power, self, other, other)
        f = _fast_power(self, other)
        if f is not None:
            return f(self)
        return m(self, other)

    def __rpow__(self, other):
        try:
            m = _ns.power._rbinop
        except AttributeError:
            return _generic(_ns.power, other, self, other)
        return m(self, other)

    def __ipow__(self, other):
        f = _fast_power(self, other)
        if f is not None:
            return f(self, out=self)
        return _ns.power(self, other, out=self) if _operand(other) else NotImplemented

    def __matmul__(self, other):
        try:
            m = _ns.matmul._binop
        except AttributeError:
            return _generic(_ns.matmul, self, other, other)
        return m(self, other)

    def __rmatmul__(self, other):
        try:
            m = _ns.matmul._rbinop
        except AttributeError:
            return _generic(_ns.matmul, other, self, other)
        return m(self, other)

    def __imatmul__(self, other):
        return _ns.matmul(self, other, out=self) if _operand(other) else NotImplemented

    def __and__(self, other):
        try:
            m = _ns.bitwise_and._binop
        except AttributeError:
            return _generic(_ns.bitwise_and, self, other, other)
        return m(self, other)

    def __rand__(self, other):
        try:
            m = _ns.bitwise_and._rbinop
        except AttributeError:
            return _generic(_ns.bitwise_and, other, self, other)
        return m(self, other)

    def __iand__(self, other):
        return _ns.bitwise_and(self, other, out=self) if _operand(other) else NotImplemented

    def __or__(self, other):
        try:
            m = _ns.bitwise_or._binop
        except AttributeError:
            return _generic(_ns.bitwise_or, self, other, other)
        return m(self, other)

    def __ror__(self, other):
        try:
            m = _ns.bitwise_or._rbinop
        except AttributeError:
            return _generic(_ns.bitwise_or, other, self, other)
        return m(self, other)

    def __ior__(self, other):
        return _ns.bitwise_or(self, other, out=self) if _operand(other) else NotImplemented

    def __xor__(self, other):
        try:
            m = _ns.bitwise_xor._binop
        except AttributeError:
            return _generic(_ns.bitwise_xor, self, other, other)
        return m(self, other)

    def __rxor__(self, other):
        try:
            m = _ns.bitwise_xor._rbinop
        except AttributeError:
            return _generic(_ns.bitwise_xor, other, self, other)
        return m(self, other)

    def __ixor__(self, other):
        return _ns.bitwise_xor(self, other, out=self) if _operand(other) else NotImplemented

    def __lshift__(self, other):
        try:
            m = _ns.left_shift._binop
        except AttributeError:
            return _generic(_ns.left_shift, self, other, other)
        return m(self, other)

    def __rlshift__(self, other):
        try:
            m = _ns.left_shift._rbinop
        except AttributeError:
            return _generic(_ns.left_shift, other, self, other)
        return m(self, other)

    def __ilshift__(self, other):
        return _ns.left_shift(self, other, out=self) if _operand(other) else NotImplemented

    def __rshift__(self, other):
        try:
            m = _ns.right_shift._binop
        except AttributeError:
            return _generic(_ns.right_shift, self, other, other)
        return m(self, other)

    def __rrshift__(self, other):
        try:
            m = _ns.right_shift._rbinop
        except AttributeError:
            return _generic(_ns.right_shift, other, self, other)
        return m(self, other)

    def __irshift__(self, other):
        return _ns.right_shift(self, other, out=self) if _operand(other) else NotImplemented

    def __divmod__(self, other):
        try:
            m = _ns.divmod._binop
        except AttributeError:
            return _generic(_ns.divmod, self, other, other)
        return m(self, other)

    def __rdivmod__(self, other):
        try:
            m = _ns.divmod._rbinop
        except AttributeError:
            return _generic(_ns.divmod, other, self, other)
        return m(self, other)

    def __lt__(self, other):
        try:
            m = _ns.less._binop
        except AttributeError:
            return _generic(_ns.less, self, other, other)
        return m(self, other)

    def __le__(self, other):
        try:
            m = _ns.less_equal._binop
        except AttributeError:
            return _generic(_ns.less_equal, self, other, other)
        return m(self, other)

    def __gt__(self, other):
        try:
            m = _ns.greater._binop
        except AttributeError:
            return _generic(_ns.greater, self, other, other)
        return m(self, other)

    def __ge__(self, other):
        try:
            m = _ns.greater_equal._binop
        except AttributeError:
            return _generic(_ns.greater_equal, self, other, other)
        return m(self, other)

    def __eq__(self, other):
        try:
            m = _ns.equal._binop
        except AttributeError:
            return _generic(_ns.equal, self, other, other)
        return m(self, other)

    def __ne__(self, other):
        try:
            m = _ns.not_equal._binop
        except AttributeError:
            return _generic(_ns.not_equal, self, other, other)
        return m(self, other)

    def __neg__(self):
        return _ns.negative(self)

    def __pos__(self):
        return _ns.positive(self)

    def __abs__(self):
        return _ns.absolute(self)

    def __invert__(self):
        return _ns.invert(self)

    # --- methods that are the namespace function with the array first -------------
    def all(self, *args, **kwargs):
        return _ns.all(self, *args, **kwargs)

    def any(self, *args, **kwargs):
        return _ns.any(self, *args, **kwargs)

    def argmax(self, *args, **kwargs):
        return _ns.argmax(self, *args, **kwargs)

    def argmin(self, *args, **kwargs):
        return _ns.argmin(self, *args, **kwargs)

    def argpartition(self, *args, **kwargs):
        return _ns.argpartition(self, *args, **kwargs)

    def argsort(self, *args, **kwargs):
        return _ns.argsort(self, *args, **kwargs)

    def choose(self, *args, **kwargs):
        return _ns.choose(self, *args, **kwargs)

    def clip(self, *args, **kwargs):
        return _ns.clip(self, *args, **kwargs)

    def conj(self):
        if not self.tensor.is_complex():
            return self  # NumPy: the method returns a real array itself (the ufunc copies)
        return _ns.conj(self)

    def conjugate(self):
        if not self.tensor.is_complex():
            return self
        return _ns.conjugate(self)

    def cumprod(self, *args, **kwargs):
        return _ns.cumprod(self, *args, **kwargs)

    def cumsum(self, *args, **kwargs):
        return _ns.cumsum(self, *args, **kwargs)

    def diagonal(self, *args, **kwargs):
        return _ns.diagonal(self, *args, **kwargs)

    def dot(self, *args, **kwargs):
        return _ns.dot(self, *args, **kwargs)

    def max(self, *args, **kwargs):
        return _ns.max(self, *args, **kwargs)

    def mean(self, *args, **kwargs):
        return _ns.mean(self, *args, **kwargs)

    def min(self, *args, **kwargs):
        return _ns.min(self, *args, **kwargs)

    def nonzero(self):
        return _ns.nonzero(self)

    def prod(self, *args, **kwargs):
        return _ns.prod(self, *args, **kwargs)

    def put(self, *args, **kwargs):
        return _ns.put(self, *args, **kwargs)

    def repeat(self, *args, **kwargs):
        return _ns.repeat(self, *args, **kwargs)

    def round(self, *args, **kwargs):
        return _ns.round(self, *args, **kwargs)

    def searchsorted(self, *args, **kwargs):
        return _ns.searchsorted(self, *args, **kwargs)

    def std(self, *args, **kwargs):
        return _ns.std(self, *args, **kwargs)

    def sum(self, *args, **kwargs):
        return _ns.sum(self, *args, **kwargs)

    def take(self, *args, **kwargs):
        return _ns.take(self, *args, **kwargs)

    def trace(self, *args, **kwargs):
        return _ns.trace(self, *args, **kwargs)

    def var(self, *args, **kwargs):
        return _ns.var(self, *args, **kwargs)

    def compress(self, condition, /, axis=None, out=None):
        """Same as ``torchnp.compress(condition, a, axis, out)`` (the array is the second argument)."""
        return _ns.compress(condition, self, axis=axis, out=out)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """In-place sort (``torchnp.sort`` written back into the array)."""
        self._assign(_ns.sort(self, axis=axis, kind=kind, order=order, stable=stable))

    def partition(self, kth, /, axis=-1, kind="introselect", order=None):
        """In-place partition (``torchnp.partition`` written back into the array)."""
        self._assign(_ns.partition(self, kth, axis=axis, kind=kind, order=order))

    # --- NumPy interop -----------------------------------------------------------
    def __array_ufunc__(self, ufunc, method, /, *inputs, **kwargs):
        # a real NumPy ufunc (or operator) met a torchnp array: answer with ours
        try:
            ours = getattr(_ns, ufunc.__name__)
        except AttributeError:
            return NotImplemented
        if method != "__call__":
            ours = getattr(ours, method, None)
            if ours is None:
                return NotImplemented
        return ours(*inputs, **kwargs)

    def __array_function__(self, /, func, types, args, kwargs):
        mod = getattr(func, "__module__", "") or ""
        target = _ns
        sub = mod.split(".")[1] if mod.startswith("numpy.") else ""
        if sub in ("linalg", "fft", "random"):
            target = getattr(target, sub)
        ours = getattr(target, func.__name__, None)
        if ours is None:
            return NotImplemented
        return ours(*args, **kwargs)


ndarray._plain = ndarray  # type: ignore[attr-defined]
ndarray._reversed = _views.make_twin(ndarray)  # type: ignore[attr-defined]
_OPERAND_TYPES = frozenset({builtins.bool, builtins.int, builtins.float, builtins.complex, list,
                            tuple, range, torch.Tensor, ndarray, ndarray._reversed,  # type: ignore[attr-defined]
                            *_dtypes._SCALAR_BY_TORCH.values()})


def _py(t):
    """A 0-d tensor as a Python scalar (uint16/32 lack .item() on some torch versions)."""
    if t.dtype in (torch.uint16, torch.uint32):
        t = t.to(torch.int64)
    return t.item()


_view_as = _views._view_as


def _byteswap(t):
    es = t.element_size()
    if t.dtype == torch.bool or es == 1:
        return t.clone()
    if t.is_complex():
        r = torch.view_as_real(t)
        return torch.view_as_complex(_byteswap(r).contiguous())
    b = t.contiguous().reshape(-1).view(torch.uint8).reshape(*t.shape, es)
    return b.flip(-1).contiguous().view(t.dtype).reshape(t.shape)


def _rebuild(tensor, device):
    return _wrap(tensor.to(device))


def _cast(t, td):
    """``t.to(td)`` with NumPy's cast semantics where torch differs (complex -> real drops imag)."""
    if t.is_complex() and not (td.is_complex):
        r = t.real  # a view of t: the cast's result must be new memory
        return r.clone() if r.dtype == td else r.to(td)
    return t.to(td)


# names the scalar types reuse (``_scalars``): the namespace-routed methods
_METHODS = (
    "all", "any", "argmax", "argmin", "argpartition", "argsort", "choose", "clip",
    "conj", "conjugate", "cumprod", "cumsum", "diagonal", "dot", "max",
    "mean", "min", "nonzero", "prod", "put", "repeat", "round",
    "searchsorted", "std", "sum", "take", "trace", "var", "compress",
)
_OPERATORS = tuple(n for n in vars(ndarray) if n.startswith("__") and n[2:-2] in (
    "add radd iadd sub rsub isub mul rmul imul truediv rtruediv itruediv floordiv rfloordiv "
    "ifloordiv mod rmod imod pow rpow ipow matmul rmatmul imatmul and rand iand or ror ior xor "
    "rxor ixor lshift rlshift ilshift rshift rrshift irshift divmod rdivmod lt le gt ge eq ne "
    "neg pos abs invert").split())

_views._ndarray = ndarray
_normalize._ndarray_cls = ndarray
_indexing._ndarray = ndarray
