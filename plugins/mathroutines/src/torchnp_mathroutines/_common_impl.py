"""Small helpers shared by the mathroutines impl modules (torch only)."""
from __future__ import annotations

__all__: list = []  # helpers only; nothing here is public

import torch

from torchnp._dtypes import promote_torch, result_type_torch
from torchnp._normalize import NoValue  # noqa: F401 - the core's one sentinel, for this plugin



INEXACT = (torch.float16, torch.float32, torch.float64, torch.complex64, torch.complex128)
# torch lacks CPU kernels (add, sub, mm, conv, shifts...) for these; integer work on
# them runs in int64 and is cast back, which keeps NumPy's modular wrap-around.
_WIDEN = {torch.uint16: torch.int64, torch.uint32: torch.int64, torch.uint64: torch.int64,
          torch.bool: torch.int64, torch.float16: torch.float32}


def check_broadcast(*operands):
    """Raise NumPy's ValueError when the tensors among ``operands`` don't broadcast (torch's
    own error is a RuntimeError); returns the broadcast shape."""
    shapes = [tuple(t.shape) for t in operands if isinstance(t, torch.Tensor)]
    try:
        return torch.broadcast_shapes(*shapes)
    except RuntimeError:
        text = " ".join(str(s).replace(",)", ")") if len(s) == 1 else str(s) for s in shapes)
        raise ValueError(f"operands could not be broadcast together with shapes {text} ") from None


def compute_dtype(dt):
    """The dtype torch can do arithmetic in for results of NumPy dtype ``dt``."""
    return _WIDEN.get(dt, dt)


def to_compute(t):
    dt = _WIDEN.get(t.dtype)
    return t if dt is None else t.to(dt)


def cast_back(t, dt):
    """Cast a result computed in ``compute_dtype(dt)`` back to ``dt`` (bool: nonzero)."""
    if t.dtype == dt:
        return t
    if dt == torch.bool:
        return t != 0
    return t.to(dt)


# torch's complex ``x + y`` / ``x - y`` computes ``x + alpha * y`` with a complex
# multiply, so an infinite part of ``y`` leaks NaN into the other part
# ((1+2j) + (inf+0j) gives inf+nanj); NumPy adds the parts separately (inf+2j).
def _parts(z):
    return torch.view_as_real(z.resolve_conj())  # (a no-op unless z carries torch's lazy conj bit)


def _complex_pair(x, y):
    dt = torch.promote_types(x.dtype, y.dtype)
    return torch.broadcast_tensors(_parts(x.to(dt)), _parts(y.to(dt)))


def add(x, y):
    """``x + y`` (tensors) with NumPy's complex semantics (parts added separately)."""
    if x.is_complex() or y.is_complex():
        px, py = _complex_pair(x, y)
        return torch.view_as_complex(px + py)
    return x + y


def sub(x, y):
    """``x - y`` (tensors) with NumPy's complex semantics (parts subtracted separately)."""
    if x.is_complex() or y.is_complex():
        px, py = _complex_pair(x, y)
        return torch.view_as_complex(px - py)
    return x - y


def promote(*tensors):
    """Promote tensors to their NumPy result dtype; return (dtype, tensors)."""
    dt = tensors[0].dtype
    for t in tensors[1:]:
        dt = promote_torch(dt, t.dtype)
    return dt, tuple(t if t.dtype == dt else t.to(dt) for t in tensors)


def weak_dtype(*args):
    return result_type_torch(*args)


def float_of(dt):
    """NumPy's inexact dtype for function-level float math: ints/bool -> float64."""
    if dt.is_floating_point or dt.is_complex:
        return dt
    return torch.float64


# dtype a NumPy float ufunc (sqrt, log, sin...) gives for an integer/bool input
_UFUNC_FLOAT = {torch.bool: torch.float16, torch.int8: torch.float16, torch.uint8: torch.float16,
                torch.int16: torch.float32, torch.uint16: torch.float32}


def ufunc_float_of(dt):
    if dt.is_floating_point or dt.is_complex:
        return dt
    return _UFUNC_FLOAT.get(dt, torch.float64)


def as_float(t, dt=None):
    """``t`` as float ``dt`` (default: float_of); float16 is computed in float32."""
    dt = dt or float_of(t.dtype)
    return t if t.dtype == dt else t.to(dt)


def check_numeric(t, name):
    if t.dtype == torch.bool:
        raise TypeError(f"{name}: numpy boolean subtract, the `-` operator, is not supported, "
                        "use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
