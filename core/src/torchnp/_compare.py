"""Compare mode: run each call of chosen namespaces through the selected plugin and ``reference``.

``TORCHNP_COMPARE=linalg,fft`` (or ``torchnp.plugins.compare("linalg", "fft")``)
makes the plugin machinery publish, for every function of those namespaces that
the ``reference`` plugin also provides, ``compared(ours, theirs, ...)`` instead of
``ours``. Each call then runs both (the reference on copies of the array
arguments) and compares result structure, scalar-vs-array, dtype, shape, values
(per-dtype tolerance, NaNs equal), exception class, and the array arguments
after the call (in-place functions). The first difference raises
``CompareError`` (``TORCHNP_COMPARE_ACTION=warn``: warns ``CompareWarning``) naming
the function and its arguments. With compare mode off no wrapper exists: the
namespaces hold the plugins' functions themselves.
"""
from __future__ import annotations

import functools
import os
import types
import warnings

import torch

__all__ = ["CompareError", "CompareWarning", "compared"]


class CompareError(AssertionError):
    """A call gave a different answer from NumPy's (compare mode)."""


class CompareWarning(UserWarning):
    """A call gave a different answer from NumPy's (compare mode, action ``warn``)."""


_RTOL = {torch.float16: 1e-3, torch.bfloat16: 1e-2, torch.float32: 1e-5, torch.complex64: 1e-5,
         torch.float64: 1e-9, torch.complex128: 1e-9}


def _rtol(tdtype):
    override = os.environ.get("TORCHNP_COMPARE_RTOL")
    return float(override) if override else _RTOL.get(tdtype, 0.0)


def compared(ours, theirs, qualname, action="raise", plugin="?"):
    """A callable that runs ``ours`` and ``theirs`` and reports their first difference."""
    def run(call_ours, call_theirs, label, args, kwargs):
        return _run_both(call_ours, call_theirs, label, args, kwargs, action, plugin)

    if isinstance(ours, (types.FunctionType, types.BuiltinFunctionType)):
        @functools.wraps(ours)
        def compared_call(*args, **kwargs):
            return run(ours, theirs, qualname, args, kwargs)
        compared_call.__compared__ = (ours, theirs)
        return compared_call
    return _ComparedObject(ours, theirs, qualname, run)


class _ComparedObject:
    """A compared ufunc-like object: calls and its reduce/accumulate/outer/... are compared."""

    _METHODS = frozenset({"reduce", "accumulate", "reduceat", "outer", "at"})

    def __init__(self, ours, theirs, qualname, run):
        self.__compared__ = (ours, theirs)
        self._qualname, self._run = qualname, run

    def __call__(self, *args, **kwargs):
        ours, theirs = self.__compared__
        return self._run(ours, theirs, self._qualname, args, kwargs)

    def __getattr__(self, name):
        ours, theirs = self.__dict__["__compared__"]
        value = getattr(ours, name)
        if name in self._METHODS and callable(value):
            other = getattr(theirs, name)
            label = f"{self._qualname}.{name}"
            return lambda *a, **k: self._run(value, other, label, a, k)
        return value

    def __repr__(self):
        return repr(self.__compared__[0])


def _copy_args(x):
    from ._ndarray import ndarray
    if isinstance(x, ndarray):
        return x.copy()
    if type(x) in (list, tuple):
        return type(x)(_copy_args(v) for v in x)
    if type(x) is dict:
        return {k: _copy_args(v) for k, v in x.items()}
    return x


def _arrays_in(x, path, out):
    from ._ndarray import ndarray
    if isinstance(x, ndarray):
        out.append((path, x))
    elif type(x) in (list, tuple):
        for i, v in enumerate(x):
            _arrays_in(v, f"{path}[{i}]", out)
    elif type(x) is dict:
        for k, v in x.items():
            _arrays_in(v, f"{path}[{k!r}]", out)
    return out


def _run_both(ours, theirs, label, args, kwargs, action, plugin):
    ref_args, ref_kwargs = _copy_args(args), _copy_args(kwargs)
    ours_exc = theirs_exc = ours_val = theirs_val = None
    try:
        ours_val = ours(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - compared below, then re-raised
        ours_exc = exc
    try:
        theirs_val = theirs(*ref_args, **ref_kwargs)
    except Exception as exc:  # noqa: BLE001
        theirs_exc = exc
    if ours_exc is not None or theirs_exc is not None:
        if ours_exc is None:
            diff = f"NumPy raises {type(theirs_exc).__name__}: {theirs_exc}; {plugin!r} returns"
        elif theirs_exc is None:
            diff = f"{plugin!r} raises {type(ours_exc).__name__}: {ours_exc}; NumPy returns"
        elif type(ours_exc) is not type(theirs_exc):
            diff = (f"exception class: {plugin!r} raises {type(ours_exc).__name__}: {ours_exc}; "
                    f"NumPy raises {type(theirs_exc).__name__}: {theirs_exc}")
        else:
            diff = None
    else:
        diff = _difference(ours_val, theirs_val, "result")
    if diff is None:  # the arguments after the call (functions that write into them)
        after = _arrays_in(ref_args, "args", []) + _arrays_in(ref_kwargs, "kwargs", [])
        before = _arrays_in(args, "args", []) + _arrays_in(kwargs, "kwargs", [])
        for (path, mine), (_, ref) in zip(before, after):
            diff = _difference(mine, ref, f"{path} after the call")
            if diff is not None:
                break
    if diff is not None:
        msg = (f"torchnp compare: {label}{_describe(args, kwargs)} differs from NumPy "
               f"(plugin {plugin!r} vs 'reference'): {diff}")
        if action == "warn":
            warnings.warn(msg, CompareWarning, stacklevel=3)
        else:
            raise CompareError(msg) from (ours_exc or theirs_exc)
    if ours_exc is not None:
        raise ours_exc
    return ours_val


def _difference(a, b, path):
    """A description of how torchnp result ``a`` differs from reference result ``b``, or None."""
    from ._dtypes import dtype, generic
    from ._ndarray import ndarray
    if isinstance(b, ndarray) or isinstance(b, generic):
        kind = "an ndarray" if isinstance(b, ndarray) else f"a {type(b).__name__} scalar"
        if isinstance(b, ndarray) != isinstance(a, ndarray) or (
                isinstance(b, generic) and type(a) is not type(b)):
            return f"{path}: expected {kind}, got {type(a).__name__}"
        if a.dtype != b.dtype:
            return f"{path}: dtype {a.dtype} vs NumPy's {b.dtype}"
        if a.shape != b.shape:
            return f"{path}: shape {a.shape} vs NumPy's {b.shape}"
        return _tensor_difference(a.tensor, b.tensor, path)
    if isinstance(b, (tuple, list)):
        if type(a) is not type(b):
            return f"{path}: expected {type(b).__name__}, got {type(a).__name__}"
        if len(a) != len(b):
            return f"{path}: length {len(a)} vs NumPy's {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = _difference(x, y, f"{path}[{i}]")
            if d is not None:
                return d
        return None
    if isinstance(b, (bool, int, float, complex)) or b is None or isinstance(b, (str, dtype)):
        if type(a) is not type(b):
            return f"{path}: expected {type(b).__name__}, got {type(a).__name__}"
        if isinstance(b, (float, complex)):
            t = torch.float64 if isinstance(b, float) else torch.complex128
            return _tensor_difference(torch.tensor(a, dtype=t), torch.tensor(b, dtype=t), path)
        return None if a == b else f"{path}: {a!r} vs NumPy's {b!r}"
    return None  # objects compare mode cannot look into (generators, polynomial objects, ...)


def _tensor_difference(x, y, path):
    x, y = x.detach().cpu().resolve_conj(), y.detach().cpu().resolve_conj()
    if x.dtype.is_floating_point or x.dtype.is_complex:
        nan_x, nan_y = torch.isnan(x), torch.isnan(y)
        if not torch.equal(nan_x, nan_y):
            return f"{path}: NaN at different positions (first at flat index {_first(nan_x != nan_y)})"
        x, y = torch.where(nan_x, 0, x), torch.where(nan_y, 0, y)
        inf_x, inf_y = torch.isinf(x), torch.isinf(y)
        if not torch.equal(inf_x, inf_y) or not torch.equal(x[inf_x], y[inf_y]):
            return f"{path}: infinities differ"
        x, y = torch.where(inf_x, 0, x), torch.where(inf_y, 0, y)
        # tolerance relative to the largest magnitude: tiny values near zero (fft, linalg
        # round-off) differ by more than rtol of themselves between two correct libraries
        rtol = _rtol(x.dtype)
        err = (x - y).abs()
        bad = err > rtol * y.abs().max() if y.numel() else err.bool()
        if bad.any():
            i = _first(bad)
            return (f"{path}: values differ (first at flat index {i}: {x.flatten()[i].item()!r} vs "
                    f"NumPy's {y.flatten()[i].item()!r}; relative tolerance {rtol:g})")
        return None
    if not torch.equal(x, y):
        return (f"{path}: values differ (first at flat index {_first(x != y)}: "
                f"{x.flatten()[_first(x != y)].item()!r} vs NumPy's {y.flatten()[_first(x != y)].item()!r})")
    return None


def _first(mask):
    return int(mask.flatten().nonzero()[0, 0]) if mask.any() else 0


def _describe(args, kwargs, limit=300):
    parts = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
    text = "(" + ", ".join(parts) + ")"
    return text if len(text) <= limit else text[:limit - 4] + "...)"


def _short(x):
    from ._ndarray import ndarray
    if isinstance(x, ndarray) and x.size > 12:
        return f"<array shape={x.shape} dtype={x.dtype}>"
    text = repr(x)
    return text if len(text) <= 120 else text[:117] + "..."
