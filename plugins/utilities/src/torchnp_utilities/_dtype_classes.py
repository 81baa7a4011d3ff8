"""``torchnp.dtypes``: the per-dtype classes NumPy 2 exposes in ``numpy.dtypes``.

torchnp keeps one ``dtype`` class (its instances are interned, which keeps
``torchnp.dtype(x)`` a dict lookup), so these classes are not the instances'
types: a metaclass makes ``isinstance(torchnp.dtype('f8'), Float64DType)``
true, ``issubclass(Float64DType, torchnp.dtype)`` holds, and calling a class
returns the matching dtype instance, as NumPy's ``Float64DType()`` does.
Classes for dtypes torch cannot hold exist and raise NotImplementedError when
called.
"""
from __future__ import annotations

from torchnp import _dtypes

__all__ = [
    "BoolDType", "Int8DType", "Int16DType", "Int32DType", "Int64DType", "UInt8DType",
    "UInt16DType", "UInt32DType", "UInt64DType", "Float16DType", "Float32DType",
    "Float64DType", "Complex64DType", "Complex128DType", "ByteDType", "UByteDType",
    "ShortDType", "UShortDType", "IntDType", "UIntDType", "LongDType", "ULongDType",
    "LongLongDType", "ULongLongDType", "LongDoubleDType", "CLongDoubleDType",
    "BytesDType", "StrDType", "StringDType", "VoidDType", "ObjectDType",
    "DateTime64DType", "TimeDelta64DType",
]


class _DTypeMeta(type):
    """Metaclass of the dtype classes: instance checks by dtype name, calls return the dtype."""

    def __instancecheck__(cls, obj):
        name = cls._dtype_name
        return type(obj) is _dtypes.dtype and name is not None and obj.name == name

    def __subclasscheck__(cls, sub):
        return type.__subclasscheck__(cls, sub)

    def __call__(cls, *args, **kwargs):
        if cls._dtype_name is None:
            raise NotImplementedError(f"torchnp.dtypes.{cls.__name__}: {cls._reason}")
        if args or kwargs:
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return _dtypes.dtype(cls._dtype_name)

    def __repr__(cls):
        return f"<class 'torchnp.dtypes.{cls.__name__}'>"


def _dtype_class(cls_name, dtype_name, reason=None):
    scalar = _dtypes._DTYPES[dtype_name].type if dtype_name else None
    ns = {"__module__": "torchnp.dtypes", "__slots__": (), "_dtype_name": dtype_name,
          "_reason": reason, "type": scalar,
          "__doc__": f"The class of torchnp's {dtype_name} dtype (see numpy.dtypes)." if dtype_name
          else f"Not available in torchnp: {reason}."}
    return _DTypeMeta(cls_name, (_dtypes.dtype,), ns)


BoolDType = _dtype_class("BoolDType", "bool")
Int8DType = _dtype_class("Int8DType", "int8")
Int16DType = _dtype_class("Int16DType", "int16")
Int32DType = _dtype_class("Int32DType", "int32")
Int64DType = _dtype_class("Int64DType", "int64")
UInt8DType = _dtype_class("UInt8DType", "uint8")
UInt16DType = _dtype_class("UInt16DType", "uint16")
UInt32DType = _dtype_class("UInt32DType", "uint32")
UInt64DType = _dtype_class("UInt64DType", "uint64")
Float16DType = _dtype_class("Float16DType", "float16")
Float32DType = _dtype_class("Float32DType", "float32")
Float64DType = _dtype_class("Float64DType", "float64")
Complex64DType = _dtype_class("Complex64DType", "complex64")
Complex128DType = _dtype_class("Complex128DType", "complex128")
# C-name aliases, bound to the same classes as in NumPy; torchnp's longlong is int64
ByteDType, UByteDType = Int8DType, UInt8DType
ShortDType, UShortDType = Int16DType, UInt16DType
IntDType, UIntDType = Int32DType, UInt32DType
LongDType, ULongDType = Int64DType, UInt64DType
LongLongDType, ULongLongDType = Int64DType, UInt64DType

LongDoubleDType = _dtype_class("LongDoubleDType", None, "torch has no extended-precision float")
CLongDoubleDType = _dtype_class("CLongDoubleDType", None, "torch has no extended-precision complex")
BytesDType = _dtype_class("BytesDType", None, "torch cannot hold bytes arrays")
StrDType = _dtype_class("StrDType", None, "torch cannot hold str arrays")
StringDType = _dtype_class("StringDType", None, "torch cannot hold str arrays")
VoidDType = _dtype_class("VoidDType", None, "torch cannot hold structured or void arrays")
ObjectDType = _dtype_class("ObjectDType", None, "torch cannot hold object arrays")
DateTime64DType = _dtype_class("DateTime64DType", None, "torch has no datetime64 dtype")
TimeDelta64DType = _dtype_class("TimeDelta64DType", None, "torch has no timedelta64 dtype")
