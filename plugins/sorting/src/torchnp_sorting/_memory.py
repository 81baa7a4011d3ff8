"""Registration-time wrappers of the memory-overlap tests (imported by ``_plugin`` in its hook).

The pipeline hands an impl ``x.tensor``; for the core's reversed views (NumPy's
negative strides) that is a fresh copy, so it never overlaps anything. Memory
overlap only depends on which bytes a view covers, not on the direction it walks
them, so these wrappers hand the impl the memory an array covers
(``torchnp._views.layout``).
"""
from __future__ import annotations

__all__ = ["memory_functions"]

import functools

from torchnp import _normalize, _views
from torchnp._normalize import make_public


def _memory_of(x):
    """A positive-stride tensor covering the bytes an array covers; other objects as they are."""
    return _views.layout(x)[0] if isinstance(x, _normalize._ndarray_cls) else x


def _wrap(public):
    @functools.wraps(public)
    def f(a, b, /, max_work=None):
        return public(_memory_of(a), _memory_of(b), max_work)
    f.__signature__ = public.__signature__
    f.__defaults__ = public.__defaults__
    return f


def memory_functions():
    """(name, public function) pairs for shares_memory and may_share_memory."""
    from . import _logic_impl
    out = []
    for name in ("shares_memory", "may_share_memory"):
        out.append((name, _wrap(make_public(getattr(_logic_impl, name), name, "torchnp"))))
    return out
