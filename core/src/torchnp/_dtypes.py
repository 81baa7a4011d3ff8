"""NumPy dtypes and scalar types on torch dtypes, and NumPy 2 type promotion.

Everything here is data plus small lookups: the dtype table, the scalar type
hierarchy, the promotion rule (NEP 50, Python scalars weak) and casting rules.
Imports only torch.
"""
from __future__ import annotations

import builtins
import sys
import types
import typing

import torch

__all__ = [
    "dtype", "generic", "number", "integer", "signedinteger", "unsignedinteger",
    "inexact", "floating", "complexfloating", "flexible", "character",
    "bool", "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16",
    "uint32", "uint64", "float16", "float32", "float64", "complex64", "complex128",
    "byte", "ubyte", "short", "ushort", "intc", "uintc", "int_", "uint", "intp",
    "uintp", "long", "ulong", "longlong", "ulonglong", "half", "single", "double",
    "csingle", "cdouble", "longdouble", "clongdouble", "float128", "complex256", "object_", "str_", "bytes_",
    "void", "datetime64", "timedelta64",
    "result_type", "promote_types", "can_cast", "min_scalar_type", "common_type",
    "mintypecode", "issubdtype", "isdtype", "finfo", "iinfo", "typecodes", "sctypeDict",
]

# ---------------------------------------------------------------------------
# the table: name, char, kind, itemsize, torch dtype
# ---------------------------------------------------------------------------
_TABLE = (
    ("bool", "?", "b", 1, torch.bool),
    ("int8", "b", "i", 1, torch.int8),
    ("int16", "h", "i", 2, torch.int16),
    ("int32", "i", "i", 4, torch.int32),
    ("int64", "l", "i", 8, torch.int64),
    ("uint8", "B", "u", 1, torch.uint8),
    ("uint16", "H", "u", 2, torch.uint16),
    ("uint32", "I", "u", 4, torch.uint32),
    ("uint64", "L", "u", 8, torch.uint64),
    ("float16", "e", "f", 2, torch.float16),
    ("float32", "f", "f", 4, torch.float32),
    ("float64", "d", "f", 8, torch.float64),
    ("complex64", "F", "c", 8, torch.complex64),
    ("complex128", "D", "c", 16, torch.complex128),
)

_UNSUPPORTED = {
    "O": "object", "object": "object", "object_": "object",
    "U": "str", "str": "str", "str_": "str", "S": "bytes", "bytes": "bytes",
    "bytes_": "bytes", "a": "bytes", "V": "void", "void": "void",
    "M": "datetime64", "datetime64": "datetime64", "m": "timedelta64",
    "timedelta64": "timedelta64", "g": "longdouble", "longdouble": "longdouble",
    "float128": "longdouble", "f16": "longdouble", "G": "clongdouble",
    "clongdouble": "clongdouble", "complex256": "clongdouble", "c32": "clongdouble",
    "bfloat16": "bfloat16",
}


class dtype:
    """A NumPy data type backed by a torch dtype. Mirrors ``numpy.dtype``."""

    __slots__ = ("name", "char", "kind", "itemsize", "torch_dtype", "type", "_str")
    __class_getitem__: typing.Any = classmethod(types.GenericAlias)  # dtype[float64] in annotations, as NumPy

    def __new__(cls, obj, align=False, copy=False, metadata=None):
        d = _DTYPE_LOOKUP.get(obj) if _hashable(obj) else None
        if d is not None:
            return d
        return _convert_dtype(obj)

    def __reduce__(self):
        return (dtype, (self.name,))

    @property
    def str(self):
        return self._str

    @property
    def byteorder(self):
        return "|" if self.itemsize == 1 else "="

    @property
    def num(self):
        return _NUMS[self.name]

    @property
    def descr(self):
        return [("", self._str)]

    @property
    def alignment(self):
        return self.itemsize // 2 if self.kind == "c" else self.itemsize

    # Constant for every dtype torchnp has (built-in, native, no fields or subarray).
    # Class attributes of a slotted class: read-only on instances, as NumPy's are.
    isbuiltin = 1
    isnative = True
    shape = ()
    ndim = 0
    subdtype = None
    names = None
    fields = None
    hasobject = False
    flags = 0
    metadata = None

    @property
    def base(self):
        return self

    @property
    def __numpy_dtype__(self):
        # NumPy's dtype protocol: numpy.dtype(d), result_type(d, ...) and libraries
        # built on them (Dask, pandas) read this. Only NumPy asks for it, so NumPy is
        # already imported: the core never imports it.
        np = sys.modules.get("numpy")
        if np is None:
            raise AttributeError("__numpy_dtype__: NumPy is not imported")
        return np.dtype(self.name)

    def newbyteorder(self, new_order="S"):
        if new_order in ("=", "<", "|", "N", "native", "little", "L") or self.itemsize == 1:
            return self
        raise NotImplementedError(
            f"dtype.newbyteorder: torch stores only native byte order ({self.name})")

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, dtype):
            return False
        try:
            return dtype(other) is self
        except (TypeError, NotImplementedError, ValueError):
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("torchnp.dtype", self.name))

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    # ordering: a < b when a casts safely to b, as NumPy defines it
    def __lt__(self, other):
        other = dtype(other)
        return self is not other and can_cast(self, other, "safe")

    def __le__(self, other):
        return can_cast(self, dtype(other), "safe")

    def __gt__(self, other):
        return dtype(other) < self

    def __ge__(self, other):
        return dtype(other) <= self


def _hashable(obj):
    try:
        hash(obj)
        return True
    except TypeError:
        return False


def _make_dtype(name, char, kind, itemsize, tdtype):
    d = object.__new__(dtype)
    d.name, d.char, d.kind, d.itemsize, d.torch_dtype = name, char, kind, itemsize, tdtype
    d._str = ("|" if itemsize == 1 else "<") + kind + builtins.str(itemsize)
    d.type = None  # set once scalar types exist
    return d


_DTYPES = {row[0]: _make_dtype(*row) for row in _TABLE}
_BY_TORCH = {d.torch_dtype: d for d in _DTYPES.values()}
_NUMS = {"bool": 0, "int8": 1, "uint8": 2, "int16": 3, "uint16": 4, "int32": 5,
         "uint32": 6, "int64": 7, "uint64": 8, "float16": 23, "float32": 11,
         "float64": 12, "complex64": 14, "complex128": 15}

# ---------------------------------------------------------------------------
# scalar type hierarchy
# ---------------------------------------------------------------------------
# The scalar classes themselves (with arithmetic) live in _scalars.py; here are
# the bare classes so dtype objects can refer to them.


class _NumPyScalarDtype:
    """``__numpy_dtype__`` of the scalar types and their instances, for ``numpy.dtype(torchnp.float32)``.

    A descriptor, so that it answers on the class as well as on instances; it maps
    a type to NumPy's type of the same name (abstract ones raise NumPy's TypeError).
    """

    def __get__(self, obj, owner):
        np = sys.modules.get("numpy")
        if np is None:
            raise AttributeError("__numpy_dtype__: NumPy is not imported")
        return np.dtype(getattr(np, owner.__name__))


class generic:
    """Base class of torchnp scalar types. Mirrors ``numpy.generic``.

    A scalar holds a 0-d tensor (slot ``tensor``), so making one never forces a
    host-device sync; the Python value is read only when asked for.
    """

    __slots__ = ("tensor",)
    __numpy_dtype__ = _NumPyScalarDtype()


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()


class complexfloating(inexact):
    __slots__ = ()


class flexible(generic):
    __slots__ = ()


class character(flexible):
    __slots__ = ()


def _concrete(name, base):
    cls = type(name, (base,), {"__slots__": (), "__module__": "torchnp"})
    cls.__qualname__ = name
    return cls


bool = _concrete("bool", generic)
int8 = _concrete("int8", signedinteger)
int16 = _concrete("int16", signedinteger)
int32 = _concrete("int32", signedinteger)
int64 = _concrete("int64", signedinteger)
uint8 = _concrete("uint8", unsignedinteger)
uint16 = _concrete("uint16", unsignedinteger)
uint32 = _concrete("uint32", unsignedinteger)
uint64 = _concrete("uint64", unsignedinteger)
float16 = _concrete("float16", floating)
float32 = _concrete("float32", floating)
float64 = _concrete("float64", floating)
complex64 = _concrete("complex64", complexfloating)
complex128 = _concrete("complex128", complexfloating)

bool_ = bool
byte, ubyte, short, ushort = int8, uint8, int16, uint16
intc, uintc = int32, uint32
int_, uint, intp, uintp = int64, uint64, int64, uint64
long, ulong, longlong, ulonglong = int64, uint64, int64, uint64
half, single, double = float16, float32, float64
csingle, cdouble = complex64, complex128

_SCALAR_TYPES = {
    "bool": bool, "int8": int8, "int16": int16, "int32": int32, "int64": int64,
    "uint8": uint8, "uint16": uint16, "uint32": uint32, "uint64": uint64,
    "float16": float16, "float32": float32, "float64": float64,
    "complex64": complex64, "complex128": complex128,
}
for _n, _d in _DTYPES.items():
    _d.type = _SCALAR_TYPES[_n]
_SCALAR_BY_TORCH = {d.torch_dtype: d.type for d in _DTYPES.values()}


class _UnsupportedScalar(generic):
    """Scalar types NumPy has and torch cannot store; using them raises."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError(
            f"torchnp: the NumPy dtype {cls.__name__} has no torch equivalent")


longdouble = type("longdouble", (_UnsupportedScalar, floating), {"__slots__": (), "__module__": "torchnp"})
clongdouble = type("clongdouble", (_UnsupportedScalar, complexfloating), {"__slots__": (), "__module__": "torchnp"})
float128, complex256 = longdouble, clongdouble  # NumPy's names for them on x86-64 Linux
object_ = type("object_", (_UnsupportedScalar,), {"__slots__": (), "__module__": "torchnp"})
str_ = type("str_", (_UnsupportedScalar, character), {"__slots__": (), "__module__": "torchnp"})
bytes_ = type("bytes_", (_UnsupportedScalar, character), {"__slots__": (), "__module__": "torchnp"})
void = type("void", (_UnsupportedScalar, flexible), {"__slots__": (), "__module__": "torchnp"})
datetime64 = type("datetime64", (_UnsupportedScalar,), {"__slots__": (), "__module__": "torchnp"})
timedelta64 = type("timedelta64", (_UnsupportedScalar, signedinteger), {"__slots__": (), "__module__": "torchnp"})
_UNSUPPORTED_TYPES = (longdouble, clongdouble, object_, str_, bytes_, void,
                      datetime64, timedelta64)

# ---------------------------------------------------------------------------
# converting dtype-likes
# ---------------------------------------------------------------------------
_DTYPE_LOOKUP: dict = {}
for _d in _DTYPES.values():
    for _key in (_d, _d.name, _d.char, _d.str, "=" + _d._str[1:], _d.kind + builtins.str(_d.itemsize),
                 _d.torch_dtype, _d.type):
        _DTYPE_LOOKUP[_key] = _d
    if _d.itemsize > 1:
        _DTYPE_LOOKUP[">" + _d._str[1:]] = None  # non-native: handled in _convert_dtype
_DTYPE_LOOKUP.update({
    builtins.bool: _DTYPES["bool"], builtins.int: _DTYPES["int64"],
    builtins.float: _DTYPES["float64"], builtins.complex: _DTYPES["complex128"],
    "b1": _DTYPES["bool"], "bool_": _DTYPES["bool"], "?": _DTYPES["bool"],
    "int": _DTYPES["int64"], "float": _DTYPES["float64"], "complex": _DTYPES["complex128"],
    "q": _DTYPES["int64"], "Q": _DTYPES["uint64"], "p": _DTYPES["int64"], "P": _DTYPES["uint64"],
    "n": _DTYPES["int64"], "N": _DTYPES["uint64"],  # NumPy 2's intp/uintp codes
    "int_": _DTYPES["int64"], "intp": _DTYPES["int64"], "uintp": _DTYPES["uint64"],
    "uint": _DTYPES["uint64"], "long": _DTYPES["int64"], "ulong": _DTYPES["uint64"],
    "longlong": _DTYPES["int64"], "ulonglong": _DTYPES["uint64"],
    "byte": _DTYPES["int8"], "ubyte": _DTYPES["uint8"], "short": _DTYPES["int16"],
    "ushort": _DTYPES["uint16"], "intc": _DTYPES["int32"], "uintc": _DTYPES["uint32"],
    "half": _DTYPES["float16"], "single": _DTYPES["float32"], "double": _DTYPES["float64"],
    "csingle": _DTYPES["complex64"], "cdouble": _DTYPES["complex128"],
    "i": _DTYPES["int32"], "u": _DTYPES["uint32"], "f": _DTYPES["float32"], "d": _DTYPES["float64"],
    "c": None,
})
_DTYPE_LOOKUP = {k: v for k, v in _DTYPE_LOOKUP.items() if v is not None}
# float16/32/64 also answer to "f2"/"f4"/"f8"; "c8"/"c16" likewise (kind+size above).


def _convert_dtype(obj):
    """Slow path of ``dtype(obj)``: the cases a dict lookup does not cover."""
    if obj is None:
        return _DTYPES["float64"]
    if isinstance(obj, dtype):
        return obj
    if isinstance(obj, builtins.str):
        s = obj.strip()
        if s and s[0] in "<>=|":
            order, rest = s[0], s[1:]
            d = _DTYPE_LOOKUP.get(rest)
            if d is not None:
                if order == ">" and d.itemsize > 1:
                    raise NotImplementedError(
                        f"torchnp: big-endian dtype {obj!r} cannot be stored by torch")
                return d
        d = _DTYPE_LOOKUP.get(s)
        if d is not None:
            return d
        base = s.lstrip("<>=|").rstrip("0123456789") or s
        name = _UNSUPPORTED.get(s) or _UNSUPPORTED.get(base) or (
            _UNSUPPORTED.get(s.split("[")[0]) if "[" in s else None)
        if name is not None:
            raise NotImplementedError(f"torchnp: the NumPy dtype {name!r} has no torch equivalent")
        raise TypeError(f"data type {obj!r} not understood")
    if isinstance(obj, type):
        if issubclass(obj, _UnsupportedScalar):
            raise NotImplementedError(
                f"torchnp: the NumPy dtype {obj.__name__} has no torch equivalent")
        if obj in (builtins.str, builtins.bytes, object):
            raise NotImplementedError(
                f"torchnp: the NumPy dtype for {obj.__name__} has no torch equivalent")
        if issubclass(obj, generic):
            raise TypeError(f"Converting {obj.__name__!r} (an abstract type) to a dtype is not "
                            "supported; use a concrete type such as float64")
        # NumPy's scalar types (np.float32) are matched by name
        name = getattr(obj, "__name__", None)
        if name in _DTYPES:
            return _DTYPES[name]
        if name in _UNSUPPORTED:
            raise NotImplementedError(
                f"torchnp: the NumPy dtype {_UNSUPPORTED[name]!r} has no torch equivalent")
    if isinstance(obj, torch.dtype):
        d = _BY_TORCH.get(obj)
        if d is None:
            raise TypeError(f"torchnp: torch dtype {obj} has no NumPy equivalent")
        return d
    if _is_array(obj):
        raise TypeError("Cannot construct a dtype from an array")
    # numpy.dtype instances and other objects carrying a dtype's name and kind
    name = getattr(obj, "name", None)
    if isinstance(name, builtins.str) and getattr(obj, "kind", None) is not None:
        return _convert_dtype(name if name in _DTYPES else getattr(obj, "str", name))
    if not isinstance(obj, type):
        # NumPy's dtype protocol: ``__numpy_dtype__`` (its errors propagate), else a
        # ``.dtype`` attribute that must itself be a dtype (no recursion)
        p = getattr(obj, "__numpy_dtype__", None)
        if p is not None:
            if isinstance(p, dtype) or _is_numpy_dtype(p):
                return _convert_dtype(p)
            raise ValueError(f"Could not convert {obj!r} to a NumPy dtype (via "
                             f"`__numpy_dtype__` value {p!r}).")
        d = getattr(obj, "dtype", None)
        if d is not None:
            if isinstance(d, (dtype, torch.dtype)) or _is_numpy_dtype(d):
                return _convert_dtype(d)
            raise ValueError(f"Could not convert {obj!r} to a NumPy dtype (via `.dtype` "
                             f"value {d!r}).")
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


def _is_numpy_dtype(obj):
    """Whether ``obj`` is a ``numpy.dtype`` (read from ``sys.modules``: the core never
    imports NumPy, and an object of NumPy's exists only once NumPy is imported)."""
    np = sys.modules.get("numpy")
    return np is not None and isinstance(obj, np.dtype)


def _is_array(obj):
    """Whether ``obj`` is a torchnp or NumPy array (not dtype-likes, as in NumPy)."""
    from ._normalize import _ndarray_cls
    if _ndarray_cls is not None and isinstance(obj, _ndarray_cls):
        return True
    np = sys.modules.get("numpy")
    return np is not None and isinstance(obj, np.ndarray)


def to_torch_dtype(obj):
    """Map a dtype-like to a torch dtype (``None`` stays ``None``)."""
    if obj is None:
        return None
    d = _DTYPE_LOOKUP.get(obj) if _hashable(obj) else None
    if d is None:
        d = _convert_dtype(obj)
    return d.torch_dtype


def from_torch(tdtype):
    """The torchnp dtype of a torch dtype."""
    try:
        return _BY_TORCH[tdtype]
    except KeyError:
        raise TypeError(f"torchnp: torch dtype {tdtype} has no NumPy equivalent") from None


def scalar_type(tdtype):
    return _SCALAR_BY_TORCH[tdtype]


# ---------------------------------------------------------------------------
# promotion (NumPy 2)
# ---------------------------------------------------------------------------
_KIND_ORDER = {"b": 0, "u": 1, "i": 2, "f": 3, "c": 4}
# the smallest float that holds every value of an integer type, by size
_INT_TO_FLOAT_SIZE = {1: 2, 2: 4, 4: 8, 8: 8}
_FLOAT_BY_SIZE = {2: torch.float16, 4: torch.float32, 8: torch.float64}
_COMPLEX_BY_FLOAT = {2: torch.complex64, 4: torch.complex64, 8: torch.complex128}
_INT_BY_SIZE = {1: torch.int8, 2: torch.int16, 4: torch.int32, 8: torch.int64}
_UINT_BY_SIZE = {1: torch.uint8, 2: torch.uint16, 4: torch.uint32, 8: torch.uint64}


def _promote_pair(a, b):
    da, db = _BY_TORCH[a], _BY_TORCH[b]
    ka, kb = da.kind, db.kind
    if ka == "b":
        return b
    if kb == "b":
        return a
    if ka in "iu" and kb in "iu":
        if ka == kb:
            return a if da.itemsize >= db.itemsize else b
        s, u = (da, db) if ka == "i" else (db, da)
        if s.itemsize > u.itemsize:
            return s.torch_dtype
        if u.itemsize == 8:
            return torch.float64
        return _INT_BY_SIZE[2 * u.itemsize]

    def fsize(d):  # precision of d expressed as a float size
        if d.kind in "iu":
            return _INT_TO_FLOAT_SIZE[d.itemsize]
        if d.kind == "c":
            return d.itemsize // 2
        return d.itemsize

    size = max(fsize(da), fsize(db))
    if "c" in (ka, kb):
        return _COMPLEX_BY_FLOAT[size]
    return _FLOAT_BY_SIZE[size]


_PROMOTE = {(a, b): _promote_pair(a, b) for a in _BY_TORCH for b in _BY_TORCH}


def promote_torch(a, b):
    """NumPy 2 promotion of two torch dtypes."""
    return _PROMOTE[(a, b)]


def weak_result(tdtype, scalar):
    """Result torch dtype of an array of ``tdtype`` with a Python scalar (NEP 50)."""
    kind = _BY_TORCH[tdtype].kind
    t = type(scalar)
    if t is builtins.bool:
        return tdtype
    if t is builtins.int:
        return torch.int64 if kind == "b" else tdtype
    if t is builtins.float:
        return torch.float64 if kind in "biu" else tdtype
    if t is builtins.complex:
        if kind in "biu":
            return torch.complex128
        if kind == "f":
            return _COMPLEX_BY_FLOAT[_BY_TORCH[tdtype].itemsize]
        return tdtype
    raise TypeError(f"not a Python scalar: {scalar!r}")


def default_dtype_of_scalar(value):
    """NumPy's default torch dtype for a Python scalar."""
    t = type(value)
    if t is builtins.bool:
        return torch.bool
    if t is builtins.int:
        return torch.int64
    if t is builtins.float:
        return torch.float64
    if t is builtins.complex:
        return torch.complex128
    raise TypeError(f"not a Python scalar: {value!r}")


_WEAK_RANK = {builtins.bool: 0, builtins.int: 1, builtins.float: 2, builtins.complex: 3}


def result_type_torch(*args):
    """``result_type`` over torch dtypes, tensors and Python scalars (weak)."""
    strong = None
    weak = None
    for a in args:
        t = type(a)
        if t in _WEAK_RANK:
            if weak is None or _WEAK_RANK[t] > _WEAK_RANK[type(weak)]:
                weak = a
            continue
        td = a if isinstance(a, torch.dtype) else a.dtype
        strong = td if strong is None else _PROMOTE[(strong, td)]
    if strong is None:
        if weak is None:
            raise ValueError("at least one array or dtype is required")
        return default_dtype_of_scalar(weak)
    if weak is None:
        return strong
    return weak_result(strong, weak)


def result_type(*arrays_and_dtypes):
    """Mirrors ``numpy.result_type`` (NumPy 2 rules: Python scalars are weak)."""
    from ._normalize import as_tensor_or_scalar
    items = []
    for a in arrays_and_dtypes:
        if type(a) in _WEAK_RANK:
            items.append(a)
        elif isinstance(a, (dtype, builtins.str, torch.dtype)) or (isinstance(a, type)):
            items.append(to_torch_dtype(a))
        elif hasattr(a, "kind") and hasattr(a, "itemsize") and not hasattr(a, "shape"):
            items.append(to_torch_dtype(a))
        else:
            items.append(as_tensor_or_scalar(a))
    return from_torch(result_type_torch(*items))


def promote_types(type1, type2):
    """Mirrors ``numpy.promote_types``."""
    t1, t2 = to_torch_dtype(type1), to_torch_dtype(type2)
    if t1 is None or t2 is None:
        raise TypeError("did not understand one of the types")
    return from_torch(_PROMOTE[(t1, t2)])


_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def can_cast_torch(from_, to, casting="safe"):
    if casting in ("unsafe",):
        return True
    if casting in ("no", "equiv"):
        return from_ == to
    if casting == "safe":
        return _PROMOTE[(from_, to)] == to
    if casting == "same_kind":
        if _PROMOTE[(from_, to)] == to:
            return True
        kf, kt = _BY_TORCH[from_].kind, _BY_TORCH[to].kind
        return _KIND_ORDER[kf] <= _KIND_ORDER[kt]
    raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")


def can_cast(from_, to, casting="safe"):
    """Mirrors ``numpy.can_cast`` (NumPy 2: Python scalars are rejected)."""
    if type(from_) in _WEAK_RANK:
        raise TypeError("can_cast() does not support Python ints, floats, and complex because "
                        "the result used to depend on the value.\nThis change was part of "
                        "adopting NEP 50, we may explicitly allow them again in the future.")
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    if not isinstance(from_, type) and hasattr(from_, "shape") and hasattr(from_, "dtype"):
        from_ = from_.dtype
    if from_ is None or to is None:
        raise TypeError("did not understand one of the types; 'None' not accepted")
    return can_cast_torch(to_torch_dtype(from_), to_torch_dtype(to), casting)


def min_scalar_type(a):
    """Mirrors ``numpy.min_scalar_type``."""
    import math
    from ._normalize import as_tensor
    t = as_tensor(a)
    if t.ndim != 0:
        return from_torch(t.dtype)
    kind = _BY_TORCH[t.dtype].kind
    v = t.item()
    if kind == "b":
        return _DTYPES["bool"]
    if kind in "iu":
        if v >= 0:
            for n in ("uint8", "uint16", "uint32", "uint64"):
                if v <= torch.iinfo(_DTYPES[n].torch_dtype).max:
                    return _DTYPES[n]
        for n in ("int8", "int16", "int32", "int64"):
            if v >= torch.iinfo(_DTYPES[n].torch_dtype).min:
                return _DTYPES[n]
        return _DTYPES["int64"]
    if kind == "f":
        if not math.isfinite(v) or abs(v) <= 65504.0:
            return _DTYPES["float16"]
        if abs(v) <= 3.4028234663852886e38:
            return _DTYPES["float32"]
        return _DTYPES["float64"]
    re, im = v.real, v.imag
    if max(abs(re), abs(im)) <= 3.4028234663852886e38 or not (math.isfinite(re) and math.isfinite(im)):
        return _DTYPES["complex64"]
    return _DTYPES["complex128"]


def common_type(*arrays):
    """Mirrors ``numpy.common_type``."""
    is_complex = False
    precision = 0
    for a in arrays:
        k = a.dtype.kind
        if k == "c":
            is_complex = True
        if k in "iub":
            if k == "b":
                raise TypeError("can't get common type for non-numeric array")
            p = 8
        else:
            p = a.dtype.itemsize // (2 if k == "c" else 1)
        precision = max(precision, p)
    if is_complex:
        return complex64 if precision <= 4 else complex128
    return {2: float16, 4: float32, 8: float64}.get(precision, float64)


typecodes = {
    "Character": "c", "Integer": "bhilqnp", "UnsignedInteger": "BHILQNP",
    "Float": "efdg", "Complex": "FDG", "AllInteger": "bBhHiIlLqQnNpP",
    "AllFloat": "efdgFDG", "Datetime": "Mm", "All": "?bhilqnpBHILQNPefdgFDGSUVOMm",
}


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """Mirrors ``numpy.mintypecode``."""
    typecodes_ = [(t if isinstance(t, builtins.str) else dtype(t).char) for t in typechars]
    intersection = set(t for t in typecodes_ if t in typeset)
    if not intersection:
        return default
    if "F" in intersection and "d" in intersection:
        return "D"
    return min(intersection, key=typeset.index)


sctypeDict = {}
for _n, _d in _DTYPES.items():
    sctypeDict[_n] = _d.type
    sctypeDict[_d.char] = _d.type
for _alias in ("int_", "intp", "uintp", "uint", "long", "ulong", "longlong", "ulonglong",
               "byte", "ubyte", "short", "ushort", "intc", "uintc", "half", "single",
               "double", "csingle", "cdouble", "bool_"):
    sctypeDict[_alias] = _DTYPE_LOOKUP[_alias].type
sctypeDict.update({"int": int64, "float": float64, "complex": complex128, "bool": bool})


def _as_scalar_type(x):
    if isinstance(x, type) and issubclass(x, generic):
        return x
    return dtype(x).type


def issubdtype(arg1, arg2):
    """Mirrors ``numpy.issubdtype``."""
    t1 = _as_scalar_type(arg1)
    t2 = arg2 if isinstance(arg2, type) and issubclass(arg2, generic) else _as_scalar_type(arg2)
    return issubclass(t1, t2)


_ISDTYPE_KINDS = {
    "bool": ("b",), "signed integer": ("i",), "unsigned integer": ("u",),
    "integral": ("i", "u"), "real floating": ("f",), "complex floating": ("c",),
    "numeric": ("i", "u", "f", "c"),
}


_dtype_class = dtype


def isdtype(dtype, kind):  # noqa: A002 - NumPy's parameter name (array API)
    """Mirrors ``numpy.isdtype``."""
    dtype_, dtype = dtype, _dtype_class  # the parameter shadows the class here
    if not isinstance(dtype_, dtype):
        if isinstance(dtype_, type) and issubclass(dtype_, generic) and dtype_ in _SCALAR_TYPES.values():
            dtype_ = dtype(dtype_)
        else:
            raise TypeError(f"dtype argument must be a NumPy dtype, but it is a {type(dtype_)}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, builtins.str):
            if k not in _ISDTYPE_KINDS:
                raise ValueError(f"kind argument is a string, but {k!r} is not a known kind name.")
            if dtype_.kind in _ISDTYPE_KINDS[k]:
                return True
        else:
            if isinstance(k, type) and issubclass(k, generic) and k not in _SCALAR_TYPES.values():
                raise TypeError(f"kind argument must be comprised of NumPy dtypes or strings only, but is a {k!r}.")
            if dtype(k) is dtype_:
                return True
    return False


class finfo:
    """Machine limits for floating point types. Mirrors ``numpy.finfo``."""

    _cache: dict = {}

    def __new__(cls, dtype_):
        if isinstance(dtype_, builtins.float) or dtype_ is builtins.float:
            dtype_ = float64
        elif isinstance(dtype_, builtins.complex) or dtype_ is builtins.complex:
            dtype_ = complex128
        elif hasattr(dtype_, "dtype") and not isinstance(dtype_, type):
            dtype_ = dtype_.dtype
        d = dtype(dtype_)
        if d.kind == "c":
            d = _DTYPES["float32" if d.itemsize == 8 else "float64"]
        if d.kind != "f":
            raise ValueError(f"data type {d.type!r} not inexact")
        if d in cls._cache:
            return cls._cache[d]
        self = object.__new__(cls)
        fi = torch.finfo(d.torch_dtype)
        self.dtype = d
        self.bits = fi.bits
        st = d.type

        def mk(v):
            s = object.__new__(st)
            s.tensor = torch.tensor(v, dtype=d.torch_dtype, device="cpu")
            return s
        self.eps = mk(fi.eps)
        self.max = mk(fi.max)
        self.min = mk(fi.min)
        self.tiny = mk(fi.tiny)
        self.smallest_normal = self.tiny
        self.resolution = mk(fi.resolution)
        self.smallest_subnormal = mk({2: 2.0**-24, 4: 2.0**-149, 8: 5e-324}[d.itemsize])
        self.epsneg = mk(fi.eps / 2)
        params = {2: (10, -14, 16, 5, 3), 4: (23, -126, 128, 8, 6), 8: (52, -1022, 1024, 11, 15)}[d.itemsize]
        self.nmant, self.minexp, self.maxexp, self.nexp, self.precision = params
        self.negep = -(self.nmant + 1)
        self.machep = -self.nmant
        self.iexp = self.nexp
        cls._cache[d] = self
        return self

    def __repr__(self):
        return (f"finfo(resolution={self.resolution}, min={self.min}, max={self.max}, "
                f"dtype={self.dtype})")


class iinfo:
    """Machine limits for integer types. Mirrors ``numpy.iinfo``."""

    def __init__(self, int_type):
        if hasattr(int_type, "dtype") and not isinstance(int_type, type):
            int_type = int_type.dtype
        d = dtype(int_type)
        if d.kind not in "iu":
            raise ValueError(f"Invalid integer data type {d.kind!r}.")
        self.dtype = d
        self.kind = d.kind
        self.bits = d.itemsize * 8
        if d.kind == "u":
            self.min, self.max = 0, 2 ** self.bits - 1
        else:
            self.min, self.max = -(2 ** (self.bits - 1)), 2 ** (self.bits - 1) - 1

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"
