"""Miscellaneous utilities: type names, finite-checked conversion,
buffer size, build/runtime reports, ``info`` and the infrastructure names.

Torch-only: imports torch and torchnp's core helper modules, never NumPy or
the public ndarray (arrays are recognized by duck typing in ``info``).
"""
from __future__ import annotations

import builtins
import inspect
import operator
import platform
import sys

import torch

from torchnp import _creation_impl, _dtypes
from torchnp._normalize import DTypeLike, check_data

# (``iterable`` is provided by the mathroutines plugin)

__all__ = [
    "ScalarType", "typename", "asarray_chkfinite", "getbufsize", "setbufsize",
    "show_config", "show_runtime", "info", "get_include", "test",
]

# NumPy's layout: the Python scalar types first, then the scalar classes.
# torchnp's aliases (longlong is int64) appear once each; the types torch cannot
# hold are listed too, as NumPy lists them (their constructors raise).
ScalarType = (
    builtins.int, builtins.float, builtins.complex, builtins.bool, builtins.bytes,
    builtins.str, builtins.memoryview,
    _dtypes.bool, _dtypes.complex64, _dtypes.complex128, _dtypes.clongdouble,
    _dtypes.float16, _dtypes.float32, _dtypes.float64, _dtypes.longdouble,
    _dtypes.int8, _dtypes.int16, _dtypes.int32, _dtypes.int64,
    _dtypes.datetime64, _dtypes.timedelta64, _dtypes.object_, _dtypes.bytes_, _dtypes.str_,
    _dtypes.uint8, _dtypes.uint16, _dtypes.uint32, _dtypes.uint64, _dtypes.void,
)

# description of each type character, as numpy.typename reports them
_TYPE_DESCRIPTIONS = {
    "S1": "character", "?": "bool", "b": "signed char", "B": "unsigned char",
    "h": "short", "H": "unsigned short", "i": "integer", "I": "unsigned integer",
    "l": "long integer", "L": "unsigned long integer", "q": "long long integer",
    "Q": "unsigned long long integer", "f": "single precision", "d": "double precision",
    "g": "long precision", "F": "complex single precision", "D": "complex double precision",
    "G": "complex long double precision", "S": "string", "U": "unicode", "V": "void",
    "O": "object",
}


def typename(char):
    """A description of the type character ``char``. Mirrors ``numpy.typename``."""
    return _TYPE_DESCRIPTIONS[char]


_ORDERS = (None, "C", "F", "A", "K")


def asarray_chkfinite(a, dtype: DTypeLike = None, order=None):
    """Convert to an array, refusing infs and NaNs. Mirrors ``numpy.asarray_chkfinite``.

    The conversion is ``asarray``'s: an array that needs no change is returned itself.
    """
    if order not in _ORDERS:
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    r = _creation_impl.asarray(a, dtype, order)
    t = r if isinstance(r, torch.Tensor) else r.tensor
    if t.is_floating_point() or t.is_complex():
        # the check itself needs the answer on the host: NumPy raises here too
        check_data(torch.isfinite(t).all(), ValueError, "array must not contain infs or NaNs")
    return r


# NumPy's ufunc buffer size; torchnp has no buffered loops, the value is only kept
_BUFSIZE = [8192]


def getbufsize():
    """The ufunc buffer size (kept for compatibility). Mirrors ``numpy.getbufsize``."""
    return _BUFSIZE[0]


def setbufsize(size):
    """Set the ufunc buffer size; returns the old one. Mirrors ``numpy.setbufsize``.

    Differences from NumPy: torch kernels are not buffered, so the value has no
    effect on computation (``nditer`` uses it as its default chunk size).
    """
    if size < 0:
        raise ValueError("buffer size must be non-negative")
    size = operator.index(size)
    if size > 10_000_000:
        raise ValueError(f"Buffer size, {size}, is too big")
    if size < 5:
        raise ValueError(f"Buffer size, {size}, is too small")
    if size % 16:
        raise ValueError(f"Buffer size, {size}, is not a multiple of 16")
    old = _BUFSIZE[0]
    _BUFSIZE[0] = size
    return old


def _versions():
    from importlib import metadata
    try:
        tnp_version = metadata.version("torchnp")
    except metadata.PackageNotFoundError:
        tnp_version = sys.modules["torchnp"].__version__ if "torchnp" in sys.modules else "?"
    return tnp_version


def _config_dict():
    cuda = torch.cuda.is_available()
    return {
        "torchnp": {"version": _versions()},
        "torch": {
            "version": torch.__version__,
            "cuda": torch.version.cuda,
            "hip": getattr(torch.version, "hip", None),
            "debug": torch.version.debug,
            "build": torch.__config__.show().strip(),
            "parallel": torch.__config__.parallel_info().strip(),
        },
        "Python Information": {"version": sys.version.split()[0],
                               "implementation": platform.python_implementation()},
        "Machine Information": {"system": platform.system(), "machine": platform.machine()},
        "Devices": {"cuda_available": cuda,
                    "cuda_devices": [torch.cuda.get_device_name(i)
                                     for i in range(torch.cuda.device_count())] if cuda else []},
    }


def show_config(mode="stdout"):
    """Print (or, with ``mode='dicts'``, return) how torchnp and torch were built.

    Mirrors ``numpy.show_config``; the content is torch's build configuration,
    since torchnp has no compiled code of its own.
    """
    if mode not in ("stdout", "dicts"):
        raise AttributeError("Invalid `mode`, use one of: stdout, dicts")
    cfg = _config_dict()
    if mode == "dicts":
        return cfg
    for section, values in cfg.items():
        print(f"{section}:")
        for key, value in values.items():
            text = str(value)
            if "\n" in text:
                text = "\n" + "\n".join("    " + line for line in text.splitlines())
            print(f"  {key}: {text}")
    return None


def show_runtime():
    """Print the runtime environment: versions, threads and devices. Mirrors ``numpy.show_runtime``."""
    from pprint import pprint
    info_ = [
        {"torchnp_version": _versions(), "torch_version": torch.__version__,
         "python": sys.version, "platform": platform.platform()},
        {"num_threads": torch.get_num_threads(),
         "num_interop_threads": torch.get_num_interop_threads(),
         "default_device": str(torch.get_default_device()),
         "default_dtype": str(torch.get_default_dtype())},
    ]
    devices = [{"device": "cpu", "cpu_capability": torch.backends.cpu.get_cpu_capability()}]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            p = torch.cuda.get_device_properties(i)
            devices.append({"device": f"cuda:{i}", "name": p.name,
                            "total_memory": p.total_memory,
                            "capability": f"{p.major}.{p.minor}"})
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append({"device": "mps"})
    info_.append({"devices": devices})
    pprint(info_)


def _is_array(obj):
    return isinstance(getattr(obj, "tensor", None), torch.Tensor) and hasattr(obj, "ndim") \
        and not isinstance(obj, _dtypes.generic)


def _array_info(a, out):
    t = a.tensor
    flags = a.flags
    rows = [("class: ", type(a).__name__), ("shape: ", a.shape), ("strides: ", a.strides),
            ("itemsize: ", a.itemsize), ("aligned: ", True),
            ("contiguous: ", flags.c_contiguous), ("fortran: ", flags.f_contiguous),
            ("data pointer: ", hex(t.data_ptr())), ("byteorder: ", "little"),
            ("byteswap: ", False), ("type: ", a.dtype), ("device: ", t.device)]
    for label, value in rows:
        print(f"{label} {value}", file=out)


def _signature_text(obj, name):
    try:
        return f" {name}{inspect.signature(obj)}"
    except (TypeError, ValueError):
        return f" {name}"


def info(object=None, maxwidth=76, output=None, toplevel="numpy"):
    """Print help on an object, a name or an array. Mirrors ``numpy.info``.

    A string is looked up in torchnp's namespaces (``toplevel`` 'numpy' is
    read as torchnp). For an array, its layout is printed.
    """
    out = sys.stdout if output is None else output
    if object is None:
        object = info
    if _is_array(object):
        _array_info(object, out)
        return
    if isinstance(object, str):
        tnp = sys.modules["torchnp"]
        found = []
        from torchnp import _plugins
        for ns in [""] + sorted(_plugins.all_namespaces()):
            mod = _plugins.namespace_module(ns) if ns else tnp
            try:
                obj = getattr(mod, object)
            except (AttributeError, NotImplementedError):
                continue
            if all(obj is not f for f, _ in found):
                found.append((obj, "torchnp" + (f".{ns}" if ns else "")))
        if not found:
            print(f"Help for {object} not found.", file=out)
            return
        for obj, where in found:
            print(f"     *** Found in {where} ***", file=out)
            info(obj, maxwidth, out, toplevel)
            print("-" * maxwidth, file=out)
        print(f"\n     *** Total of {len(found)} references found. ***", file=out)
        return
    doc = inspect.getdoc(object)
    if inspect.isfunction(object) or inspect.ismethod(object) or inspect.isclass(object) \
            or inspect.isbuiltin(object):
        name = getattr(object, "__name__", type(object).__name__)
        print(_signature_text(object, name) + "\n", file=out)
        print(doc or "", file=out)
        return
    print(doc or "", file=out)


def get_include():
    """Not available: torchnp has no C API (NumPy returns its C headers' directory)."""
    raise NotImplementedError("torchnp.get_include: torchnp has no C API or headers")


def test(label="fast", verbose=1, extra_argv=None, doctests=False, coverage=False,
         durations=-1, tests=None):
    """Not available: run torchnp's test suite with ``pytest tests`` from the repository."""
    raise NotImplementedError("torchnp.test: run the test suite with `pytest tests` from the "
                              "torchnp repository")
