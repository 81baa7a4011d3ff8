"""The ndarray class: a thin wrapper over one torch.Tensor.

Methods that mirror namespace functions (``a.sum``, ``a.sort``…) and the
operators hold no logic: they look the function up in the torchnp namespace at
call time, so swapping the plugin that provides ``torchnp.sum`` changes
``a.sum()`` too, and a missing plugin gives an error naming the distribution.

Every write into an array goes through ``ndarray._assign`` or ``__setitem__``
(both end in ``_indexing``), which is where read-only arrays are refused and
where writes through reversed views (``_FlipView``) are mapped back to memory.
"""
from __future__ import annotations

import builtins
import ctypes
import operator
import pickle
import sys
import types
import warnings

import torch

from . import _dtypes, _indexing, _normalize, _operators, _printing, _shape_impl
from ._normalize import as_tensor
from .exceptions import ComplexWarning

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
    # _base and _readonly are always set here: reading an unset slot (getattr with
    # a default) costs ~10x reading a set one, and views read both
    a = _new(ndarray)
    a.tensor = t
    a._base = base
    a._readonly = False
    return a


_new = object.__new__


def _view_of(a, t):
    """Wrap ``t`` (computed from ``a.tensor``) as a view of ``a`` if it shares memory, else fresh."""
    if t.untyped_storage().data_ptr() != a.tensor.untyped_storage().data_ptr():
        return _from_tensor(t)
    r = _from_tensor(t, a._root())
    ro = getattr(a, "_readonly", False)
    if ro:
        r._readonly = ro
    return r


class _Flags:
    """Memory-layout flags of an array (``ndarray.flags``); only WRITEABLE can be set."""

    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    @property
    def c_contiguous(self):
        a = self._a
        return not _flipped(a) and _is_c_contig(a._p)

    @property
    def f_contiguous(self):
        a = self._a
        return not _flipped(a) and _is_f_contig(a._p)

    contiguous = c_contiguous

    @property
    def owndata(self):
        return self._a.base is None

    @property
    def writeable(self):
        return getattr(self._a, "_readonly", False) is False

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
        if name == "_a" or name == "writeable":
            object.__setattr__(self, name, value)
            return
        raise AttributeError(f"torchnp: flag {name!r} cannot be set (only writeable can)")

    def __eq__(self, other):
        return isinstance(other, _Flags) and all(
            self[k] == other[k] for k in ("C", "F", "O", "W", "A", "X"))

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in
                         ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                          "WRITEBACKIFCOPY")) + "\n"


# NumPy's C/F-contiguity of a positive-stride tensor (length-1 axes' strides ignored)
_is_c_contig, _is_f_contig = _shape_impl._is_c_contig, _shape_impl._is_f_contig


def _flipped(a):
    return type(a) is not ndarray and bool(a._flips)


class _CTypes:
    """A small stand-in for ``ndarray.ctypes`` (CPU arrays): data pointer, shape, strides."""

    def __init__(self, a):
        if a.tensor.device.type != "cpu":
            raise AttributeError("ctypes: the array is not on the CPU")
        self._arr = a
        self.data = a.tensor.data_ptr()
        self.shape = (ctypes.c_ssize_t * a.ndim)(*a.shape)
        self.strides = (ctypes.c_ssize_t * a.ndim)(*a.strides)

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
        return iter(_from_tensor(self._flat().clone()))

    def __next__(self):
        if self._i >= self.base.size:
            raise StopIteration
        self._i += 1
        return _from_tensor(self._flat())[self._i - 1]

    @property
    def index(self):
        return self._i

    def __getitem__(self, key):
        r = _from_tensor(self._flat())[key]
        return r.copy() if isinstance(r, ndarray) else r

    def __setitem__(self, key, value):
        a = self.base
        _indexing._check_writeable(a)
        if type(a) is ndarray and a.tensor.is_contiguous():
            _indexing.setitem(_from_tensor(a.tensor.view(-1)), key, value)
            return
        tmp = _from_tensor(a.tensor.reshape(-1).clone())
        tmp[key] = value
        a._assign(tmp.tensor.reshape(a.shape))

    def __array__(self, dtype=None, copy=None):
        return _from_tensor(self._flat()).__array__(dtype)

    def copy(self):
        return _from_tensor(self._flat().clone())

    @property
    def coords(self):
        return tuple(int(c) for c in torch.unravel_index(torch.tensor(self._i), self.base.shape)) \
            if self.base.ndim else ()


class ndarray:
    """An N-dimensional array over a ``torch.Tensor``. Mirrors ``numpy.ndarray``.

    Build one with ``torchnp.asarray``; ``.tensor`` is the underlying tensor.
    ``ndarray(shape, dtype)`` gives an uninitialized array, as in NumPy.
    """

    __slots__ = ("tensor", "_base", "_readonly", "__weakref__")
    __array_priority__ = 100
    __class_getitem__ = classmethod(types.GenericAlias)  # ndarray[shape, dtype] in annotations, as NumPy

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
        return _from_tensor(t)

    # --- attributes -------------------------------------------------------
    # The layout attributes read ``_p``, the positive-stride tensor over the array's
    # memory: a plain array's ``tensor`` (``_p`` aliases that slot, see below the
    # class) or a reversed view's unflipped view (``_FlipView``), so one
    # definition serves both at the cost of a slot read.
    @property
    def shape(self):
        return tuple(self._p.shape)

    @shape.setter
    def shape(self, value):
        value = (operator.index(value),) if not isinstance(value, (tuple, list)) else value
        if not self._reshape_in_place(value):
            raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` "
                                 "to make a copy with the desired shape.")

    def _reshape_in_place(self, shape):
        """Give the array ``shape`` as a view of its memory; False where that needs a copy."""
        try:
            self.tensor = _shape_impl.reshape(self.tensor, shape, copy=False)
        except ValueError as exc:
            if "copy" not in str(exc):
                raise
            return False
        return True

    @property
    def ndim(self):
        return self._p.ndim

    @property
    def size(self):
        return self._p.numel()

    @property
    def dtype(self):
        return _dtypes._BY_TORCH[self._p.dtype]

    @property
    def itemsize(self):
        return self._p.element_size()

    @property
    def nbytes(self):
        p = self._p
        return p.numel() * p.element_size()

    @property
    def device(self):
        return self._p.device

    @property
    def strides(self):
        es = self.tensor.element_size()
        return tuple(s * es for s in self.tensor.stride())

    @property
    def T(self):
        t = self.tensor
        nd = t.ndim
        return _indexing._plain_view(self, t.t() if nd == 2 else t.permute(*reversed(range(nd)))
                                     if nd > 2 else t.view(t.shape))

    @property
    def mT(self):
        if self.tensor.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return _from_tensor(self.tensor.transpose(-2, -1), self._root())._ro_from(self)

    @property
    def real(self):
        p, flips = _indexing._pair(self)  # a reversed view's real part is reversed too
        if p.is_complex():
            return _indexing._new_view(self, torch.view_as_real(p)[..., 0], flips)
        return self

    @real.setter
    def real(self, value):
        self.real[...] = value

    @property
    def imag(self):
        p, flips = _indexing._pair(self)
        if p.is_complex():
            return _indexing._new_view(self, torch.view_as_real(p)[..., 1], flips)
        r = _from_tensor(torch.zeros_like(p))
        r._readonly = True
        return r

    @imag.setter
    def imag(self, value):
        if not self.dtype.kind == "c":
            raise TypeError("array does not have imaginary part to set")
        self.imag[...] = value

    @property
    def base(self):
        return getattr(self, "_base", None)

    def _root(self):
        b = getattr(self, "_base", None)
        return self if b is None else b

    def _ro_from(self, src):
        ro = getattr(src, "_readonly", False)
        if ro:
            self._readonly = ro
        return self

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
        t = self.tensor
        if t.device.type != "cpu" or not t.is_contiguous() or _flipped(self):
            raise NotImplementedError("ndarray.data: only C-contiguous CPU arrays expose a buffer")
        buf = (ctypes.c_char * (t.numel() * t.element_size())).from_address(t.data_ptr())
        mv = memoryview(buf).cast("B")
        fmt = {"b": "?", "i": None, "u": None}.get(self.dtype.kind)
        fmt = fmt or self.dtype.char
        if fmt in "eFD":
            return mv
        return mv.cast(fmt, self.shape) if self.ndim else mv.cast(fmt)

    @property
    def __array_interface__(self):
        t = self._p
        if t.device.type != "cpu" or t.is_conj() or t.is_neg():
            raise AttributeError("__array_interface__: only CPU arrays expose their memory")
        es = t.element_size()
        ptr = t.data_ptr()
        strides = [s * es for s in t.stride()]
        for d in (self._flips if type(self) is not ndarray else ()):
            ptr += (t.shape[d] - 1) * strides[d]
            strides[d] = -strides[d]
        c = not _flipped(self) and _is_c_contig(t)
        return {"data": (ptr, not self.flags.writeable), "shape": tuple(t.shape),
                "strides": None if c else tuple(strides), "typestr": self.dtype.str,
                "descr": [("", self.dtype.str)], "version": 3}

    # --- conversion ---------------------------------------------------------
    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        """Cast to ``dtype``. Mirrors ``numpy.ndarray.astype``."""
        td = _dtypes.to_torch_dtype(dtype)
        src = self.tensor
        if not _dtypes.can_cast_torch(src.dtype, td, casting):
            raise TypeError(f"Cannot cast array data from dtype('{self.dtype.name}') to "
                            f"dtype('{_dtypes.from_torch(td).name}') according to the rule '{casting}'")
        if td == src.dtype and not copy:
            return self
        if src.is_complex() and not td.is_complex:
            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=2)
        r = _cast(src, td)
        if r is src or r.untyped_storage().data_ptr() == src.untyped_storage().data_ptr():
            r = r.clone()
        return _from_tensor(r)

    def copy(self, order="C"):
        """A copy. Mirrors ``numpy.ndarray.copy``."""
        t = self.tensor
        if order == "A":
            order = "F" if self.flags.fnc else "C"
        if order == "K":
            return _from_tensor(t.clone(memory_format=torch.preserve_format))
        if order == "F" and t.ndim > 1:
            rev = tuple(reversed(range(t.ndim)))
            return _from_tensor(t.permute(*rev).clone(memory_format=torch.contiguous_format).permute(*rev))
        if order not in ("C", "F"):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
        return _from_tensor(t.clone(memory_format=torch.contiguous_format))

    def view(self, *args, **kwargs):
        """A new view of the same memory, optionally reinterpreted as ``dtype``.

        Mirrors ``numpy.ndarray.view(dtype=None, type=None)``.
        """
        dtype, vtype = (list(args) + [None, None])[:2]
        dtype = kwargs.pop("dtype", dtype)
        vtype = kwargs.pop("type", vtype)
        if kwargs:
            raise TypeError(f"view() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if isinstance(dtype, builtins.type) and issubclass(dtype, ndarray):
            dtype, vtype = None, dtype
        if vtype is not None and not (isinstance(vtype, builtins.type) and issubclass(vtype, ndarray)):
            raise TypeError("Cannot specify output type.")
        t = self._p
        if dtype is None:
            return self._rewrap(t.view(t.shape))
        td = _dtypes.to_torch_dtype(dtype)
        t = t.resolve_conj().resolve_neg() if (t.is_conj() or t.is_neg()) else t
        old, new = t.element_size(), torch.empty((), dtype=td).element_size()
        if old != new:
            if t.ndim == 0:
                raise ValueError("Changing the dtype of a 0d array is only supported if the "
                                 "itemsize is unchanged")
            if (t.stride(-1) != 1 and t.shape[-1] != 1) or (_flipped(self) and (t.ndim - 1) in self._flips):
                raise ValueError("To change to a dtype of a different size, the last axis must "
                                 "be contiguous")
            if (t.shape[-1] * old) % new:
                raise ValueError("When changing to a larger dtype, its size must be a divisor "
                                 "of the total size in bytes of the last axis of the array.")
        if old != new and any(n == 1 for n in t.shape):
            # strides of length-1 axes are arbitrary; torch's view(dtype) checks them anyway
            st = list(t.stride())
            for d in range(t.ndim - 1, -1, -1):
                if t.shape[d] == 1:
                    st[d] = st[d + 1] * t.shape[d + 1] if d + 1 < t.ndim else 1
            t = t.as_strided(t.shape, st)
        try:
            r = _view_dtype(t, td)
        except RuntimeError as exc:
            raise ValueError(f"torchnp: cannot view {self.dtype.name} memory as "
                             f"{_dtypes.from_torch(td).name} here: {exc}") from exc
        return self._rewrap(r)

    def _rewrap(self, t):
        """``t`` (a view of this array's memory) as a view array of the same root and flips."""
        return _indexing._new_view(self, t, self._flips if type(self) is not ndarray else ())

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
        """Write ``value`` (tensor, scalar or array-like) into this array, or into ``self[key]``.

        With NumPy's setitem casting; refuses read-only arrays; writes through
        reversed views go back to memory.
        """
        if key is None:
            _indexing.assign(self, value)
        else:
            _indexing.setitem(self, key, value)

    def byteswap(self, inplace=False):
        """Swap the bytes of each element. Mirrors ``numpy.ndarray.byteswap``."""
        t = self.tensor.resolve_conj().resolve_neg()
        r = _byteswap(t)
        if inplace:
            self._assign(r)
            return self
        return _from_tensor(r)

    def getfield(self, dtype, offset=0):
        """The field of ``dtype`` at byte ``offset`` of each element, as a view where torch can."""
        td = _dtypes.to_torch_dtype(dtype)
        t = self._p
        es, ns = t.element_size(), torch.empty((), dtype=td).element_size()
        if offset < 0 or offset + ns > es:
            raise ValueError(f"Need 0 <= offset <= {es - ns} for requested type but received "
                             f"offset = {offset}")
        b = _view_dtype(t.unsqueeze(-1), torch.uint8)[..., offset:offset + ns]
        try:
            r = _view_dtype(b, td).squeeze(-1)
        except RuntimeError:  # misaligned: torch cannot view, so give a copy that refuses writes
            r = _view_dtype(b.contiguous(), td).squeeze(-1)
            out = _from_tensor(r)
            out._readonly = "getfield at a misaligned offset is a copy in torchnp, not a view"
            return out if not _flipped(self) else out
        return self._rewrap(r)

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
                b = self.base
                if b is not None and not b.flags.writeable:
                    raise ValueError("cannot set WRITEABLE flag to True of this array")
                if getattr(self, "_readonly", False):
                    del self._readonly
            else:
                self._readonly = True

    # --- shape ---------------------------------------------------------------
    def reshape(self, *shape, order="C", copy=None):
        """A view (or copy) with a new shape. Mirrors ``numpy.ndarray.reshape``."""
        if not shape:
            raise TypeError("reshape() takes exactly 1 argument (0 given)")
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        if order == "C" and copy is None:
            # where torch can view, its view is NumPy's; anything else (a copy, -2,
            # a size mismatch) goes the general way for NumPy's result or error
            try:
                r = self.tensor.view(shape)
            except (RuntimeError, TypeError):
                pass
            else:
                return _indexing._plain_view(self, r)
        return _view_of(self, _shape_impl.reshape(self.tensor, shape, order, copy=copy))

    def transpose(self, *axes):
        """The array with permuted axes (a view). Mirrors ``numpy.ndarray.transpose``."""
        if len(axes) == 1 and (axes[0] is None or not isinstance(axes[0], int)):
            axes = axes[0]
        return _view_of(self, _shape_impl.transpose(self.tensor, None if axes == () else
                                                    _normalize._normalize_axis(axes)))

    def swapaxes(self, axis1, axis2, /):
        """Interchange two axes (a view). Mirrors ``numpy.ndarray.swapaxes``."""
        return _view_of(self, _shape_impl.swapaxes(self.tensor, axis1, axis2))

    def ravel(self, order="C"):
        """Flattened, a view when possible. Mirrors ``numpy.ndarray.ravel``."""
        return _view_of(self, _shape_impl.ravel(self.tensor, order))

    def flatten(self, order="C"):
        """A flattened copy. Mirrors ``numpy.ndarray.flatten``."""
        r = _shape_impl.ravel(self.tensor, order)
        if r.untyped_storage().data_ptr() == self.tensor.untyped_storage().data_ptr():
            r = r.clone()
        return _from_tensor(r)

    def squeeze(self, axis=None):
        """Remove length-one axes (a view). Mirrors ``numpy.ndarray.squeeze``."""
        return _view_of(self, _shape_impl.squeeze(self.tensor, _normalize._normalize_axis(axis)))

    def resize(self, *new_shape, refcheck=True):
        """Change shape and size in place, padding with zeros. Mirrors ``numpy.ndarray.resize``."""
        if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)):
            new_shape = new_shape[0]
        shape = tuple(operator.index(s) for s in new_shape)
        if any(s < 0 for s in shape):
            raise ValueError("negative dimensions not allowed")
        if self.base is not None or type(self) is not ndarray:
            raise ValueError("cannot resize this array: it does not own its data")
        _indexing._check_writeable(self)
        n = 1
        for s in shape:
            n *= s
        old = self.tensor.reshape(-1)
        new = torch.zeros(n, dtype=old.dtype, device=old.device)
        k = min(n, old.numel())
        new[:k] = old[:k]
        self.tensor = new.reshape(shape)

    def __len__(self):
        if self.tensor.ndim == 0:
            raise TypeError("len() of unsized object")
        return self.tensor.shape[0]

    def __iter__(self):
        t = self.tensor
        if t.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        if t.ndim == 1:
            wrap = _normalize.wrap_scalar
            return (wrap(x) for x in t.clone().unbind(0))
        return (self[i] for i in range(t.shape[0]))

    def __contains__(self, value):
        t = self.tensor
        v = as_tensor(value).to(t.device)
        return builtins.bool((t == v).any())

    def __delitem__(self, key):
        raise ValueError("cannot delete array elements")

    # --- Python protocols ----------------------------------------------------
    def __bool__(self):
        if self.tensor.numel() != 1:
            if self.tensor.numel() == 0:
                raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` "
                                 "to check that an array is not empty.")
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return builtins.bool(self.tensor.item())

    def _to_py_scalar(self, kind):
        t = self.tensor
        if t.ndim != 0:
            if t.numel() != 1:
                raise TypeError("only length-1 arrays can be converted to Python scalars")
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        return t.item()

    def __int__(self):
        v = self._to_py_scalar("int")
        if isinstance(v, builtins.complex):
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
        return builtins.int(v)

    def __float__(self):
        v = self._to_py_scalar("float")
        if isinstance(v, builtins.complex):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        return builtins.float(v)

    def __complex__(self):
        return builtins.complex(self._to_py_scalar("complex"))

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
        if self.tensor.ndim == 0:
            return format(_py(self.tensor), spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    __hash__ = None

    def __array__(self, dtype=None, /, *, copy=None):
        # hands data to NumPy: torch's .numpy() builds the array, core never imports numpy
        if copy is False and _flipped(self):
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
        if getattr(self, "_readonly", False):
            arr = arr.view()
            arr.flags.writeable = False
        return arr

    def __array_namespace__(self, /, *, api_version=None):
        if api_version not in (None, "2021.12", "2022.12", "2023.12", "2024.12"):
            raise ValueError(f"Unrecognized array API version: {api_version!r}")
        return _ns()

    def __array_wrap__(self, array, context=None, return_scalar=True, /):
        t = as_tensor(array)
        return _normalize.wrap_scalar(t) if (return_scalar and t.ndim == 0) else _from_tensor(t)

    def __array_finalize__(self, obj, /):
        return None

    def __dlpack__(self, /, *, stream=None, max_version=None, dl_device=None, copy=None):
        if copy is False and _flipped(self):
            raise BufferError("torchnp: a reversed view cannot be exported without a copy")
        kwargs = {}
        if stream is not None:
            kwargs["stream"] = stream
        if max_version is not None:
            kwargs["max_version"] = max_version
        # a reversed view exports its flipped temporary; inside a pipeline call that
        # tracks it (from_dlpack), a result over it becomes a view again (_normalize._derive)
        t = self.tensor if type(self) is ndarray else _normalize._flip_tensor(self)
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
        return self._p.__dlpack_device__()

    def to_device(self, device, /, *, stream=None):
        return _from_tensor(self.tensor.to(_normalize._normalize_device(device)))

    def __reduce__(self):
        return (_rebuild, (self.tensor.detach().cpu().clone(), str(self.tensor.device)))

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

    # --- NumPy interop -----------------------------------------------------------
    def __array_ufunc__(self, ufunc, method, /, *inputs, **kwargs):
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

    def __array_function__(self, /, func, types, args, kwargs):
        mod = getattr(func, "__module__", "") or ""
        target = _ns()
        sub = mod.split(".")[1] if mod.startswith("numpy.") else ""
        if sub in ("linalg", "fft", "random"):
            target = getattr(target, sub)
        ours = getattr(target, func.__name__, None)
        if ours is None:
            return NotImplemented
        return ours(*args, **kwargs)


class _FlipView(ndarray):
    """A view reversed along some axes (NumPy's negative strides), writing through.

    Torch tensors cannot have negative strides. This view keeps ``_p``, a
    positive-stride torch view of the same memory, and ``_flips``, the axes that
    are reversed. ``.tensor`` is ``torch.flip(_p, _flips)`` (a fresh copy, so reads
    see later writes to the base); writes (``__setitem__``, ``_assign``, ``fill``,
    ``out=``) are flipped back into ``_p`` by ``_indexing``. Further slicing,
    transposing and reshaping stay views where NumPy's would; so do the results
    of namespace functions that view their input (``torchnp.transpose(v)``,
    ``split``, ``diagonal``…): the pipeline maps them back onto the memory
    (``_normalize._derive``).
    """

    __slots__ = ("_p", "_flips")

    @classmethod
    def _make(cls, p, flips, base):
        flips = tuple(d for d in flips if p.shape[d] > 1) if p.numel() else ()
        if not flips:
            return _from_tensor(p, base)
        a = object.__new__(cls)
        a._p = p
        a._flips = flips
        a._base = base
        return a

    @property
    def tensor(self):
        return _indexing.flip(self._p, self._flips)

    @tensor.setter
    def tensor(self, value):
        raise AttributeError("torchnp: the tensor of a reversed view cannot be replaced")

    def _reshape_in_place(self, shape):
        shape = _shape_impl._resolve_shape(shape, self._p.numel())
        r = _indexing.flip_reshape(self._p, self._flips, shape)
        if r is None or not r[1]:
            return False
        self._p, self._flips = r[0], tuple(r[1])
        return True

    @property
    def strides(self):
        es = self._p.element_size()
        return tuple((-s if d in self._flips else s) * es for d, s in enumerate(self._p.stride()))

    def _permuted(self, perm):
        flips = tuple(j for j, d in enumerate(perm) if d in self._flips)
        return _indexing._new_view(self, self._p.permute(*perm), flips)

    @property
    def T(self):
        return self._permuted(tuple(reversed(range(self._p.ndim))))

    @property
    def mT(self):
        nd = self._p.ndim
        if nd < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return self._permuted(tuple(range(nd - 2)) + (nd - 1, nd - 2))

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or not isinstance(axes[0], int)):
            axes = axes[0]
        ident = torch.empty(self._p.shape, device="meta")
        r = _shape_impl.transpose(ident, None if axes == () else _normalize._normalize_axis(axes))
        perm = _perm_of(ident, r)
        return self._permuted(perm)

    def swapaxes(self, axis1, axis2, /):
        nd = self._p.ndim
        from .exceptions import normalize_axis_index
        i = normalize_axis_index(operator.index(axis1), nd)
        j = normalize_axis_index(operator.index(axis2), nd)
        perm = list(range(nd))
        perm[i], perm[j] = perm[j], perm[i]
        return self._permuted(tuple(perm))

    def reshape(self, *shape, order="C", copy=None):
        if not shape:
            raise TypeError("reshape() takes exactly 1 argument (0 given)")
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        if order in ("C", "A") and copy is not True:
            dims = _shape_impl._resolve_shape(shape, self._p.numel())
            r = _indexing.flip_reshape(self._p, self._flips, dims)
            if r is not None:
                return _indexing._new_view(self, r[0], r[1])
        if copy is False and order in ("C", "A"):
            raise ValueError(_shape_impl._NO_COPY_MSG)
        return _from_tensor(_shape_impl.reshape(self.tensor, shape, order, copy=copy))

    def ravel(self, order="C"):
        # reversed axes are never contiguous, and NumPy's ravel copies unless contiguous
        return _from_tensor(_shape_impl.ravel(self.tensor, order))

    def flatten(self, order="C"):
        return _from_tensor(_shape_impl.ravel(self.tensor, order).clone())

    def squeeze(self, axis=None):
        p = self._p
        if axis is None:
            dims = [d for d, n in enumerate(p.shape) if n == 1]
        else:
            from .exceptions import normalize_axis_tuple
            dims = normalize_axis_tuple(_normalize._normalize_axis(axis), p.ndim)
            if any(p.shape[d] != 1 for d in dims):
                raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
        keep = [d for d in range(p.ndim) if d not in dims]
        flips = tuple(j for j, d in enumerate(keep) if d in self._flips)
        return _indexing._new_view(self, p.squeeze(tuple(dims)) if dims else p, flips)

    def __iter__(self):
        if self._p.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(self._p.shape[0]))

    def __len__(self):
        if self._p.ndim == 0:
            raise TypeError("len() of unsized object")
        return self._p.shape[0]

    def __reduce__(self):
        return (_rebuild, (self.tensor.detach().cpu(), str(self._p.device)))


def _perm_of(src, r):
    """The permutation ``r = src.permute(perm)`` used (from strides of a meta tensor)."""
    strides = list(src.stride())
    shape = list(src.shape)
    perm = []
    used = set()
    for s, n in zip(r.stride(), r.shape):
        for d, (s0, n0) in enumerate(zip(strides, shape)):
            if d not in used and s0 == s and n0 == n:
                perm.append(d)
                used.add(d)
                break
    return tuple(perm)


def _py(t):
    """A 0-d tensor as a Python scalar (uint16/32 lack .item() on some torch versions)."""
    if t.dtype in (torch.uint16, torch.uint32):
        t = t.to(torch.int64)
    return t.item()


def _view_dtype(t, td):
    if td == t.dtype:
        return t.view(t.shape)
    if t.dtype == torch.bool or td == torch.bool:
        # torch views bool as uint8 only through an intermediate of the same size
        mid = t.view(torch.uint8) if t.dtype == torch.bool else t
        return mid.view(td) if td != torch.bool else mid.view(torch.uint8).view(torch.bool)
    return t.view(td)


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
    return _from_tensor(tensor.to(device))


def _cast(t, td):
    """``t.to(td)`` with NumPy's cast semantics where torch differs (complex -> real drops imag)."""
    if t.is_complex() and not (td.is_complex):
        t = t.real
    return t.to(td)


# --- methods that route through the registry ------------------------------------
# ndarray methods that are the namespace function with the array first
_METHODS = (
    "all", "any", "argmax", "argmin", "argpartition", "argsort", "choose", "clip",
    "conj", "conjugate", "cumprod", "cumsum", "diagonal", "dot", "max",
    "mean", "min", "nonzero", "prod", "put", "repeat", "round",
    "searchsorted", "std", "sum", "take", "trace", "var",
)


def _method(name):
    tnp = sys.modules["torchnp"]  # the package (being initialized: _ndarray is imported by it)

    def m(self, *args, **kwargs):
        # looked up per call, so swapping the provider of torchnp.<name> swaps the method
        try:
            f = getattr(tnp, name)
        except AttributeError as exc:
            raise NotImplementedError(str(exc)) from None
        return f(self, *args, **kwargs)
    m.__name__ = name
    m.__qualname__ = f"ndarray.{name}"
    m.__doc__ = f"Same as ``torchnp.{name}(a, ...)``."
    return m


def _sort(self, axis=-1, kind=None, order=None, *, stable=None):
    """In-place sort (``torchnp.sort`` written back into ``self``)."""
    self._assign(_func("sort")(self, axis=axis, kind=kind, order=order, stable=stable))


def _partition(self, kth, /, axis=-1, kind="introselect", order=None):
    """In-place partition (``torchnp.partition`` written back into ``self``)."""
    self._assign(_func("partition")(self, kth, axis=axis, kind=kind, order=order))


def _compress(self, condition, /, axis=None, out=None):
    """Same as ``torchnp.compress(condition, a, axis, out)`` (the array is the second argument)."""
    return _func("compress")(condition, self, axis=axis, out=out)


def _install_methods():
    for name in _METHODS:
        setattr(ndarray, name, _method(name))
    _compress.__name__ = "compress"
    ndarray.compress = _compress
    _sort.__name__ = "sort"
    _partition.__name__ = "partition"
    ndarray.sort = _sort
    ndarray.partition = _partition


# ``_p`` on a plain array is its ``tensor`` slot under a second name (the same slot
# descriptor: as fast as ``.tensor``); _FlipView's own ``_p`` slot shadows it
ndarray._p = ndarray.__dict__["tensor"]
_install_methods()
_operators.install(ndarray)
_normalize._ndarray_cls = ndarray
_normalize._flipview_cls = _FlipView
_indexing._ndarray = ndarray
_indexing._FlipView = _FlipView
