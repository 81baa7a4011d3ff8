"""``numpy.polynomial.polyutils`` and the coefficient-array helpers every series kind shares.

Torch only: functions take and return tensors (or Python objects). Imports
torch and torchnp's tag/dtype/exception helpers, nothing public.
"""
from __future__ import annotations

__all__ = ["as_series", "trimseq", "trimcoef", "getdomain", "mapdomain", "mapparms",
           "format_float"]

import operator

import torch

from torchnp import _dtypes
from torchnp._normalize import ArrayLike, ArrayLikeOrScalar, ArrayOrScalar, as_tensor

_INTEGRAL = (torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
             torch.uint16, torch.uint32, torch.uint64)
_FLOAT_RANK = {torch.float16: 0, torch.float32: 1, torch.float64: 2,
               torch.complex64: 1, torch.complex128: 2}
_REAL_BY_RANK = (torch.float16, torch.float32, torch.float64)
_COMPLEX_BY_RANK = (torch.complex64, torch.complex64, torch.complex128)


# --- dtype rules ---------------------------------------------------------------
def check_supported(t):
    """Reject dtypes NumPy would turn into object series (we have no object arrays)."""
    if t.dtype in (torch.bfloat16, torch.complex32):
        raise NotImplementedError(f"torchnp.polynomial: dtype {t.dtype} has no NumPy counterpart")
    return t


def common_series_type(tensors):
    """``numpy.common_type`` of coefficient arrays: integers count as float64; bool has none."""
    rank, cplx = -1, False
    for t in tensors:
        d = t.dtype
        if d is torch.bool:
            raise ValueError("Coefficient arrays have no common type")
        if d in _INTEGRAL:
            r = 2
        else:
            r = _FLOAT_RANK.get(d)
            if r is None:
                raise NotImplementedError(f"torchnp.polynomial: coefficients of dtype {d} are not supported")
            cplx = cplx or d.is_complex
        rank = max(rank, r)
    return _COMPLEX_BY_RANK[rank] if cplx else _REAL_BY_RANK[rank]


def float_of(t):
    """Integers and bool become float64 (what ``c + 0.0`` / ``astype(double)`` does in NumPy)."""
    if t.dtype in _INTEGRAL:
        return t.to(torch.float64)
    return check_supported(t)


def real_dtype(dt):
    return {torch.complex64: torch.float32, torch.complex128: torch.float64}.get(dt, dt)


def as_int(x, desc):
    """``operator.index`` with the message NumPy's polynomial code uses."""
    try:
        return operator.index(x)
    except TypeError as exc:
        raise TypeError(f"{desc} must be an integer, received {x}") from exc


# --- series coercion and trimming ------------------------------------------------
def trim_tensor(c):
    """Drop trailing zeros of a 1-D tensor, keeping at least one element (one host sync)."""
    n = c.shape[0]
    if n <= 1:
        return c
    # index of the last nonzero entry, or 0 when all are zero
    idx = torch.arange(n, device=c.device)
    last = int(torch.where(c != 0, idx, 0).max())
    return c[:last + 1] if last + 1 < n else c


def series(*cs, trim=True):
    """Coefficient array-likes -> 1-D tensors of their common type (copies)."""
    ts = []
    for c in cs:
        t = c if isinstance(c, torch.Tensor) else as_tensor(c)
        if t.ndim == 0:
            t = t.reshape(1)
        if t.numel() == 0:
            raise ValueError("Coefficient array is empty")
        if t.ndim != 1:
            raise ValueError("Coefficient array is not 1-d")
        ts.append(t)
    if trim:
        ts = [trim_tensor(t) for t in ts]
    dt = common_series_type(ts)
    return [t.to(dt, copy=True) for t in ts]


def as_series(alist, trim=True):
    """Coefficient arrays of a common type. Mirrors ``numpy.polynomial.polyutils.as_series``."""
    if isinstance(alist, torch.Tensor):
        items = [alist[i] for i in range(alist.shape[0])] if alist.ndim > 0 else [alist]
    elif hasattr(alist, "tensor") and not isinstance(alist, (list, tuple)):
        t = alist.tensor
        items = [t[i] for i in range(t.shape[0])] if t.ndim > 0 else [t]
    else:
        items = list(alist)
    if any(isinstance(a, torch.Tensor) and a.numel() == 0 for a in items) or \
            any(isinstance(a, (list, tuple)) and len(a) == 0 for a in items):
        raise ValueError("Coefficient array is empty")
    return series(*items, trim=trim)


def trimseq(seq):
    """Remove trailing zeros (keeping one). Mirrors ``numpy.polynomial.polyutils.trimseq``.

    As NumPy's, it works on the sequence itself: the input comes back unchanged (a list
    stays that list, an array that array) or sliced (a list slice, an array view)."""
    t = getattr(seq, "tensor", None)
    if isinstance(t, torch.Tensor) and t.ndim == 1:
        n = t.shape[0]
        if n == 0 or bool(t[-1] != 0):
            return seq
        last = int(torch.where(t != 0, torch.arange(n, device=t.device), 0).max())
        return seq[:last + 1]
    if len(seq) == 0 or seq[-1] != 0:
        return seq
    for i in range(len(seq) - 1, -1, -1):
        if seq[i] != 0:
            break
    return seq[:i + 1]


def trimcoef(c: ArrayLike, tol=0) -> torch.Tensor:
    """Drop trailing coefficients no larger than ``tol``. Mirrors ``polyutils.trimcoef``."""
    if tol < 0:
        raise ValueError("tol must be non-negative")
    [c] = series(c)
    n = c.shape[0]
    idx = torch.arange(n, device=c.device)
    last = int(torch.where(c.abs() > tol, idx, -1).max())
    if last < 0:
        return c[:1] * 0
    return c[:last + 1].clone()


def getdomain(x: ArrayLike) -> torch.Tensor:
    """The smallest interval (or complex rectangle) holding ``x``. Mirrors ``polyutils.getdomain``."""
    [x] = series(x, trim=False)
    if x.is_complex():
        lo = torch.complex(x.real.min(), x.imag.min())
        hi = torch.complex(x.real.max(), x.imag.max())
        return torch.stack([lo, hi]).to(torch.complex128)
    return torch.stack([x.min(), x.max()])


def _pair(v):
    # Python sequences keep Python arithmetic (NumPy returns Python floats for them)
    if type(v) in (list, tuple):
        return [float_of(as_tensor(e)) if type(e) not in (bool, int, float, complex) else e for e in v]
    # integer tensors divide to float64 in NumPy (torch's true division would give float32)
    return float_of(as_tensor(v))


def _mapparms(old, new):
    old, new = _pair(old), _pair(new)
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    off = (old[1] * new[0] - old[0] * new[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapparms(old, new) -> ArrayOrScalar:
    """Offset and scale of the linear map from ``old`` to ``new``. Mirrors ``polyutils.mapparms``."""
    return _mapparms(old, new)


def mapdomain(x: ArrayLikeOrScalar, old, new) -> ArrayOrScalar:
    """Map ``x`` linearly from the ``old`` interval to ``new``. Mirrors ``polyutils.mapdomain``."""
    off, scl = _mapparms(old, new)
    if isinstance(x, torch.Tensor):
        # a 0-d tensor off/scl is a strong NumPy scalar: promote as NumPy does
        dt = _dtypes.result_type_torch(x, off, scl)
        x = x.to(dt)
        off = off.to(dt) if isinstance(off, torch.Tensor) else off
        scl = scl.to(dt) if isinstance(scl, torch.Tensor) else scl
    return off + scl * x


def format_float(x, parens=False):
    """A float formatted as the polynomial printers do. Mirrors ``polyutils.format_float``."""
    from torchnp import _printing  # the core's printing options and digit generation
    t = getattr(x, "tensor", None)
    if t is None or not t.dtype.is_floating_point:
        return str(x)
    opts = _printing.get_printoptions()
    v = float(t)
    if v != v:
        return opts["nanstr"]
    if v in (float("inf"), float("-inf")):
        return opts["infstr"]
    exp_format = False
    if v != 0:
        a = abs(v)
        if a >= 1.e8 or a < 10 ** min(0, -(opts["precision"] - 1) // 2):
            exp_format = True
    trim, unique = "0", True
    if opts["floatmode"] == "fixed":
        trim, unique = "k", False
    if exp_format:
        s = _printing.format_float_scientific(x, precision=opts["precision"], unique=unique,
                                              trim=trim, sign=opts["sign"] == "+")
        if parens:
            s = "(" + s + ")"
    else:
        s = _printing.format_float_positional(x, precision=opts["precision"], fractional=True,
                                              unique=unique, trim=trim, sign=opts["sign"] == "+")
    return s
