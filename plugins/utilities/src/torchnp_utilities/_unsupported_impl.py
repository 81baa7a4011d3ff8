"""Names for NumPy features torch tensors cannot hold, failing loudly on use.

datetime64 business-day routines, string arrays (``char``, ``strings``),
record arrays (``rec``, ``recarray``, ``record``), ``ctypeslib`` and ``f2py``
exist in torchnp so that code can refer to them, but calling them or reading
an attribute of the submodules raises NotImplementedError naming the feature.
No silent fallbacks.
"""
from __future__ import annotations

import types

__all__ = [
    "busday_count", "busday_offset", "busdaycalendar", "is_busday", "datetime_as_string",
    "datetime_data", "char", "strings", "rec", "recarray", "record", "ctypeslib", "f2py",
]

_DATETIME = "datetime64/timedelta64 dtypes have no torch equivalent"


def _no_datetime(name):
    raise NotImplementedError(f"torchnp.{name}: {_DATETIME}")


def busday_count(begindates, enddates, weekmask="1111100", holidays=(), busdaycal=None, out=None):
    """Not available (datetime64). Mirrors the signature of ``numpy.busday_count``."""
    _no_datetime("busday_count")


def busday_offset(dates, offsets, roll="raise", weekmask="1111100", holidays=None,
                  busdaycal=None, out=None):
    """Not available (datetime64). Mirrors the signature of ``numpy.busday_offset``."""
    _no_datetime("busday_offset")


def is_busday(dates, weekmask="1111100", holidays=None, busdaycal=None, out=None):
    """Not available (datetime64). Mirrors the signature of ``numpy.is_busday``."""
    _no_datetime("is_busday")


def datetime_as_string(arr, unit=None, timezone="naive", casting="same_kind"):
    """Not available (datetime64). Mirrors the signature of ``numpy.datetime_as_string``."""
    _no_datetime("datetime_as_string")


def datetime_data(dtype, /):
    """Not available (datetime64). Mirrors the signature of ``numpy.datetime_data``."""
    _no_datetime("datetime_data")


class busdaycalendar:
    """Not available (datetime64): constructing one raises NotImplementedError."""

    def __init__(self, weekmask="1111100", holidays=None):
        _no_datetime("busdaycalendar")


_RECORDS = "record arrays need structured dtypes, which torch cannot hold"


class recarray:
    """Not available (structured dtypes): constructing one raises NotImplementedError."""

    def __new__(cls, shape, dtype=None, buf=None, offset=0, strides=None, formats=None,
                names=None, titles=None, byteorder=None, aligned=False, order="C"):
        raise NotImplementedError(f"torchnp.recarray: {_RECORDS}")


class record:
    """Not available (structured dtypes): the scalar type of record arrays."""

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError(f"torchnp.record: {_RECORDS}")


class _UnsupportedModule(types.ModuleType):
    """A submodule that exists but raises NotImplementedError for every public attribute.

    Private and dunder lookups still raise AttributeError, so introspection (``hasattr``,
    pickling, pytest's collection, ``help``) treats it as an ordinary empty module.
    """

    def __init__(self, name, reason):
        super().__init__(f"torchnp.{name}", f"torchnp.{name}: not available ({reason}).")
        self.__dict__["_reason"] = reason

    def __getattr__(self, attr):
        if attr.startswith("_"):  # dunders and private probes (hasattr) stay AttributeError
            raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")
        raise NotImplementedError(f"{self.__name__}.{attr}: {self._reason}")

    def __dir__(self):
        return []

    def __repr__(self):
        return f"<module {self.__name__!r} (not available: {self._reason})>"


char = _UnsupportedModule("char", "string arrays (str/bytes dtypes) have no torch equivalent")
strings = _UnsupportedModule("strings", "string arrays (str/bytes dtypes) have no torch equivalent")
rec = _UnsupportedModule("rec", _RECORDS)
ctypeslib = _UnsupportedModule(
    "ctypeslib", "torchnp arrays live in torch tensors; use torch's own interop "
    "(tensor.data_ptr(), torch.frombuffer) instead of NumPy's ctypes helpers")
f2py = _UnsupportedModule("f2py", "Fortran wrapping builds NumPy C extensions; torchnp has no C API")
