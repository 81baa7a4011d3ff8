"""The C math library's functions, bit for bit, on tensors.

NumPy's distributions call the platform's libm (``exp``, ``log``, ``log1p``,
``expm1``, ``pow``, ``sqrt``, ``cos``, ``acos`` and the float versions
``expf``, ``logf``, ``log1pf``, ``powf``). torch's CPU kernels use vectorized
approximations (SLEEF, MKL VML) that differ from libm in the last bit for a
few percent of inputs (``torch.sqrt`` included), and CUDA has its own, so a
distribution that feeds such a value into its result or into an acceptance
test would drift from NumPy. Here the values are computed by libm itself:
doubles through Python's ``math`` module (the same libm NumPy links), floats
through libm's float functions via ctypes. The arguments are computed on the
device with torch's exact IEEE arithmetic, only the function values come from
the host, so the number of values sent is what matters: the ziggurats need it
for about one draw in a hundred, RandomState's normal for every pair.

Under torch.compile the call is the custom op ``torchnp_random::libm`` (an
opaque extern kernel to inductor), so compiled code calls the same host
functions.
"""
from __future__ import annotations

import array
import ctypes
import ctypes.util
import math

import torch

__all__ = ["call"]

_DOUBLE = {
    "exp": math.exp, "log": math.log, "log1p": math.log1p, "expm1": math.expm1,
    "sqrt": math.sqrt, "cos": math.cos, "acos": math.acos, "pow": math.pow,
}
_FLOAT = ("expf", "logf", "log1pf", "powf")

_LIBM = None


def _libm():
    global _LIBM
    if _LIBM is None:
        name = ctypes.util.find_library("m")
        lib = ctypes.CDLL(name) if name else ctypes.CDLL(None)
        fns = {}
        for fname in (*_DOUBLE, *_FLOAT):
            f = getattr(lib, fname)
            ct = ctypes.c_float if fname in _FLOAT else ctypes.c_double
            f.argtypes = [ct, ct] if fname in ("pow", "powf") else [ct]
            f.restype = ct
            fns[fname] = f
        _LIBM = fns
    return _LIBM


def _view(t, code):
    n = t.numel()
    ctype = ctypes.c_double if code == "d" else ctypes.c_float
    if n == 0:
        return memoryview(array.array(code))
    buf = (ctype * n).from_address(t.data_ptr())
    return memoryview(buf).cast("B").cast(code)


def _host(name, args):
    """Evaluate on CPU tensors (contiguous copies made here)."""
    if name in _FLOAT:
        ts = [a.to(torch.float32).contiguous() for a in args]
        views = [_view(t, "f") for t in ts]
        res = array.array("f", map(_libm()[name], *views))
        return torch.frombuffer(res, dtype=torch.float32).clone() if len(res) else \
            torch.empty(0, dtype=torch.float32)
    ts = [a.to(torch.float64).contiguous() for a in args]
    views = [_view(t, "d") for t in ts]
    try:  # Python's math is libm plus error checks; libm itself (ctypes) where they fire
        res = array.array("d", map(_DOUBLE[name], *views))
    except (OverflowError, ValueError):
        res = array.array("d", map(_libm()[name], *views))
    if not len(res):
        return torch.empty(0, dtype=torch.float64)
    return torch.frombuffer(res, dtype=torch.float64).clone()


def _eager(name, *args):
    shape = torch.broadcast_shapes(*(a.shape for a in args))
    dev = args[0].device
    flat = [a.expand(shape).reshape(-1).cpu() for a in args]
    out = _host(name, flat).reshape(shape)
    return out if dev.type == "cpu" else out.to(dev)


@torch.library.custom_op("torchnp_random::libm", mutates_args=())
def _libm_op(name: str, args: list[torch.Tensor]) -> torch.Tensor:
    return _eager(name, *args)


@_libm_op.register_fake
def _(name, args):
    shape = torch.broadcast_shapes(*(a.shape for a in args))
    dt = torch.float32 if name in _FLOAT else torch.float64
    return args[0].new_empty(shape, dtype=dt)


def call(name, *args):
    """libm's ``name`` applied elementwise to tensors (broadcast), on their device."""
    if name == "sqrt" and args[0].device.type == "cuda":
        return torch.sqrt(args[0])  # IEEE-exact on CUDA (torch's CPU kernel is not)
    if torch.compiler.is_compiling():
        return _libm_op(name, list(args))
    return _eager(name, *args)
