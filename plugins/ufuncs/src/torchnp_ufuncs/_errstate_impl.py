"""Floating-point error handling: ``errstate``, ``seterr``, ``geterr``, ``seterrcall``, ``geterrcall``.

Detecting a floating-point error means looking at the data, which on an
accelerator is a host-device sync. So torchnp checks **only when asked**:

- By default ``geterr()`` reports NumPy's defaults (``divide``/``over``/
  ``invalid``: ``'warn'``, ``under``: ``'ignore'``) but nothing is checked: the
  values are NumPy's (inf, nan) and no RuntimeWarning is emitted. This is the
  one deliberate difference from NumPy, chosen so that no ufunc call syncs by
  default.
- Once ``seterr``/``errstate`` sets a category to anything but ``'ignore'``
  (``'warn'`` included), every ufunc call checks its result afterwards: one
  device sync per call, for as long as such a mode is set. ``errstate(all='ignore')``
  or ``seterr(all='ignore')`` turns checking off again.
- ``old = seterr(...); ...; seterr(**old)`` restores the old state exactly,
  including whether checks ran (the dict ``seterr`` returned is recognised).
- Checks: ``invalid`` (a NaN result from non-NaN inputs), ``divide`` (an
  infinite result from finite inputs in a dividing or logarithmic ufunc, and
  integer division by zero), ``over`` (an infinite result from finite inputs in
  other ufuncs). ``under`` is never checked.
"""
from __future__ import annotations

import contextlib
import sys
import warnings

import torch

__all__ = ["errstate", "seterr", "geterr", "seterrcall", "geterrcall"]

_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_KEYS = ("divide", "over", "under", "invalid")


class _State:
    __slots__ = ("modes", "explicit", "call", "checking")

    def __init__(self):
        self.modes = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
        self.explicit = set()
        self.call = None
        self.checking = False

    def refresh(self):
        self.checking = any(self.modes[k] != "ignore" for k in self.explicit if k != "under")


_state = _State()


def geterr():
    """Current floating-point error handling. Mirrors ``numpy.geterr``."""
    return dict(_state.modes)


_SNAPSHOTS: list = []  # (modes, explicit) that seterr handed out, most recent last


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set floating-point error handling; returns the old settings. Mirrors ``numpy.seterr``.

    Differences from NumPy: see this module's docstring (checks cost a device
    sync and run only once a mode has been set explicitly).
    """
    old = geterr()
    new = {"divide": divide, "over": over, "under": under, "invalid": invalid}
    if all is None and None not in new.values():
        for modes, explicit in reversed(_SNAPSHOTS):
            if modes == new:  # restoring what an earlier seterr returned
                _state.modes.update(modes)
                _state.explicit = set(explicit)
                _state.refresh()
                return old
    _SNAPSHOTS.append((dict(old), frozenset(_state.explicit)))
    del _SNAPSHOTS[:-16]
    for k in _KEYS:
        v = new[k] if new[k] is not None else all
        if v is None:
            continue
        if v not in _MODES:
            raise ValueError(f"Invalid error handling mode {v!r}; must be one of {', '.join(_MODES)}")
        _state.modes[k] = v
        _state.explicit.add(k)
    _state.refresh()
    return old


def geterrcall():
    """The current error callback. Mirrors ``numpy.geterrcall``."""
    return _state.call


def seterrcall(func):
    """Set the callback for the 'call'/'log' modes; returns the old one. Mirrors ``numpy.seterrcall``."""
    if func is not None and not callable(func):
        if not hasattr(func, "write") or not callable(func.write):
            raise ValueError("Only callable can be used as callback")
    old = _state.call
    _state.call = func
    return old


class errstate(contextlib.ContextDecorator):
    """Context manager (and decorator) for floating-point error handling. Mirrors ``numpy.errstate``.

    ``errstate(*, call=<unspecified>, all=None, divide=None, over=None, under=None,
    invalid=None)``; ``call`` is read from the keywords so that an absent one needs
    no sentinel object (which dynamo could not follow into a compiled region).
    """

    def __init__(self, *, all=None, divide=None, over=None, under=None, invalid=None, **call):
        if set(call) - {"call"}:
            raise TypeError(f"errstate() got an unexpected keyword argument "
                            f"'{next(iter(set(call) - {'call'}))}'")
        self._has_call = "call" in call
        self._call = call.get("call")
        self._kw = {"all": all, "divide": divide, "over": over, "under": under, "invalid": invalid}
        self._saved = []

    def __enter__(self):
        # Traced (torch.compile), a block that only asks to ignore errors while none are
        # checked changes nothing: skip the bookkeeping, which would be state mutated
        # at trace time (and a recompile per call)
        self._noop = torch.compiler.is_compiling() and not _state.checking and \
            not self._has_call and all(v in (None, "ignore") for v in self._kw.values())
        if self._noop:
            return self
        saved = (dict(_state.modes), set(_state.explicit), _state.call)
        self._saved.append(saved)
        seterr(**self._kw)
        if self._has_call:
            seterrcall(self._call)
        return self

    def __exit__(self, *exc):
        if self._noop:
            return False
        modes, explicit, call = self._saved.pop()
        _state.modes.clear()
        _state.modes.update(modes)
        _state.explicit = explicit
        _state.call = call
        _state.refresh()
        return False


_DIVIDING = frozenset({"divide", "floor_divide", "remainder", "fmod", "divmod", "reciprocal",
                       "log", "log2", "log10", "log1p", "arctanh", "power", "float_power"})
_INT_DIVIDING = frozenset({"floor_divide", "remainder", "fmod", "divmod"})


def _handle(kind, name):
    mode = _state.modes[kind]
    if kind not in _state.explicit or mode == "ignore":
        return
    what = {"divide": "divide by zero", "over": "overflow", "invalid": "invalid value",
            "under": "underflow"}[kind]
    msg = f"{what} encountered in {name}"
    if mode == "warn":
        warnings.warn(msg, RuntimeWarning, stacklevel=4)
    elif mode == "raise":
        raise FloatingPointError(msg)
    elif mode == "call":
        f = _state.call
        if f is None:
            raise ValueError(f"No callback set: {msg}")
        f(what, {"divide": 1, "over": 2, "under": 4, "invalid": 8}[kind])
    elif mode == "print":
        print(f"Warning: {msg}", file=sys.stdout)
    elif mode == "log":
        f = _state.call
        if f is None or not hasattr(f, "write"):
            raise ValueError(f"No object with a write method set for 'log': {msg}")
        f.write(f"Warning: {msg}\n")


def check(name, inputs, result):
    """Inspect one ufunc call's result (a device sync); act per the error modes."""
    results = result if type(result) is tuple else (result,)
    tensors = [x for x in inputs if isinstance(x, torch.Tensor)]
    floats = [float(x) if not isinstance(x, complex) else x for x in inputs
              if not isinstance(x, torch.Tensor)]
    flags = []
    if name in _INT_DIVIDING and len(inputs) == 2:
        d = inputs[1]
        if isinstance(d, torch.Tensor) and not (d.is_floating_point() or d.is_complex()):
            flags.append(("divide", (d == 0).any()))
        elif isinstance(d, int) and d == 0:
            flags.append(("divide", torch.tensor(True)))
    fr = [r for r in results if r.is_floating_point() or r.is_complex()]
    if fr:
        in_nan = None
        in_fin = None
        for t in tensors:
            if t.is_floating_point() or t.is_complex():
                n, f = torch.isnan(t), torch.isfinite(t)
            else:
                n, f = torch.zeros((), dtype=torch.bool), torch.ones((), dtype=torch.bool)
            in_nan = n if in_nan is None else in_nan | n
            in_fin = f if in_fin is None else in_fin & f
        for v in floats:
            n = torch.tensor(v != v)
            f = torch.tensor(abs(v) != float("inf") and v == v)
            in_nan = n if in_nan is None else in_nan | n
            in_fin = f if in_fin is None else in_fin & f
        r = fr[0]
        try:
            flags.append(("invalid", (torch.isnan(r) & ~in_nan.to(r.device)).any()))
            inf_from_finite = (torch.isinf(r) & in_fin.to(r.device)).any()
        except RuntimeError:
            return
        flags.append(("divide" if name in _DIVIDING else "over", inf_from_finite))
    if not flags:
        return
    values = torch.stack([f.reshape(()).cpu() for _, f in flags]).tolist()  # the one sync
    for (kind, _), hit in zip(flags, values):
        if hit:
            _handle(kind, name)
