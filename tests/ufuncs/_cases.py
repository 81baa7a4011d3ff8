"""Shared inputs for the ufunc differential tests: dtypes, values, input kinds."""
from __future__ import annotations

import numpy as np
import torch

from torchnp import _normalize

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
KINDS = ["array", "pyscalar", "pyscalar_first", "0d", "empty", "broadcast", "noncontig"]

_F_SPECIAL = [0.0, -0.0, 0.5, -2.5, 3.0, np.nan, np.inf, -np.inf, 1.0, 7.25]
_F_SPECIAL2 = [1.5, 2.0, -0.0, 0.0, -1.0, 2.5, np.inf, np.nan, -3.0, 0.25]


def values(dtype, which=0, domain=None):
    """Ten values of ``dtype`` (``which`` picks the first or second operand's set)."""
    dt = np.dtype(dtype)
    if domain == "shift":
        bits = dt.itemsize * 8 if dt.kind != "b" else 1
        v = [0, 1, 2, 3, bits - 1, bits, bits + 1, 5, 1, 2] if which else \
            [1, -3, 5, 100, -1, 7, 2, -128, 0, 64]
        if dt.kind in "ub":
            v = [abs(x) % 128 for x in v]
    elif dt.kind == "b":
        v = [True, False, True, True, False, False, True, False, True, True]
    elif dt.kind == "u":
        v = [0, 1, 2, 5, 7, 200, 3, 10, 4, 13] if not which else [1, 3, 0, 2, 7, 5, 4, 9, 2, 6]
        if dt.itemsize >= 2 and not which and domain != "small":
            v[5] = np.iinfo(dt).max
    elif dt.kind == "i":
        v = [0, -1, 2, -5, 7, -100, 3, 10, -4, 13] if not which else [1, 3, -2, 0, 2, -7, 5, 4, -3, 6]
        if not which and domain != "small":
            v[5] = np.iinfo(dt).min
    elif dt.kind == "f":
        v = _F_SPECIAL2 if which else _F_SPECIAL
    else:
        v = ([1 + 2j, -0.5 + 0.25j, 3 - 1j, 0j, -2 - 2j, 0.5j, 2.0, -1.5 + 3j, 1j, 4 + 0.5j] if not which
             else [2 - 1j, 1 + 1j, -0.5 + 2j, 1.0, 3j, -1 - 1j, 0.25, 2 + 2j, -3 + 0j, 1 - 3j])
    if domain == "positive_exp":
        if dt.kind in "iu":
            v = [abs(int(x)) % 5 for x in v]
        elif dt.kind == "b":
            pass
    if domain == "small" and dt.kind in "iu":
        v = [x % 7 if dt.kind == "u" else max(min(x, 7), -7) for x in v]
    with np.errstate(all="ignore"):
        return np.array(v, dtype=dt) if dt.kind != "c" else np.array(v).astype(dt)


def pyscalar(dtype, which=1):
    k = np.dtype(dtype).kind
    return {"b": True, "i": 3 if not which else 2, "u": 2, "f": 1.5, "c": 1.5 - 0.5j}[k]


def tnp_array(x):
    return _normalize.wrap(torch.from_numpy(np.array(x, order="C", copy=True)))


def make_inputs(kind, nin, dtype, domain=None):
    """(numpy_args, torchnp_args) for one input kind."""
    vals = [values(dtype, i, domain) for i in range(nin)]
    if kind == "array":
        return vals, [tnp_array(v) for v in vals]
    if kind in ("pyscalar", "pyscalar_first"):
        s = values(dtype, 1, domain)[1].item() if domain else pyscalar(dtype)
        if kind == "pyscalar":
            np_args = [vals[0]] + [s] * (nin - 1)
        else:
            np_args = [s] * (nin - 1) + [vals[-1]]
        return np_args, [tnp_array(a) if isinstance(a, np.ndarray) else a for a in np_args]
    if kind == "0d":
        np_args = [np.array(v[2]) for v in vals]
        return np_args, [tnp_array(a) for a in np_args]
    if kind == "empty":
        np_args = [v[:0] for v in vals]
        return np_args, [tnp_array(a) for a in np_args]
    if kind == "broadcast":
        np_args = [vals[0][:3].reshape(3, 1)] + [v[:4] for v in vals[1:]]
        return np_args, [tnp_array(a) for a in np_args]
    if kind == "noncontig":
        np_args = [v[::2] for v in vals]
        t_args = [_normalize.wrap(torch.from_numpy(v.copy())[::2]) for v in vals]
        return np_args, t_args
    raise ValueError(kind)
