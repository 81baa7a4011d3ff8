"""What torchnp adds to dynamo (torch.compile's tracer) so that NumPy code traces.

Dynamo follows the operators of user-defined classes (``a + b`` calls
``ndarray.__add__``, which it inlines) except ``@``: it has no handler for
``operator.matmul``/``imatmul`` on objects that are not tensors, and graph-breaks
on ``A @ B`` for any class. This module gives dynamo's ``BuiltinVariable`` that
handler, for torchnp arrays and scalars only: it calls their ``__matmul__``
(then the other operand's ``__rmatmul__``, as Python does), which dynamo then
inlines like any method. Every other operand mix keeps dynamo's own behaviour.

Importing dynamo costs over a second, so nothing is imported here: the handler
is added when dynamo's builtin module is imported (a post-import hook on
``sys.meta_path``), or at once if it already was. Where torch's dynamo already
has the handler (a later torch), nothing is changed.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

__all__ = ["install"]

_TARGET = "torch._dynamo.variables.builtin"


def _ours(vt):
    from torch._dynamo.variables.user_defined import UserDefinedObjectVariable

    from ._dtypes import generic
    from ._ndarray import ndarray
    if not isinstance(vt, UserDefinedObjectVariable):
        return False
    try:
        return issubclass(vt.python_type(), (ndarray, generic))
    except NotImplementedError:
        return False


def _not_implemented(vt):
    return vt.is_python_constant() and vt.as_python_constant() is NotImplemented


def _binop(tx, a, b, forward, reverse):
    """``a <op> b`` through the operands' methods, as Python's binary operator protocol."""
    if _ours(a):
        r = a.call_method(tx, forward, [b], {})
        if not _not_implemented(r):
            return r
    if reverse is not None and _ours(b):
        r = b.call_method(tx, reverse, [a], {})
        if not _not_implemented(r):
            return r
    return None  # not ours: dynamo goes on as it would have


def _call_matmul(self, tx, *args, **kwargs):
    if len(args) != 2 or kwargs:
        return None
    return _binop(tx, args[0], args[1], "__matmul__", "__rmatmul__")


def _call_imatmul(self, tx, *args, **kwargs):
    if len(args) != 2 or kwargs:
        return None
    a, b = args
    if _ours(a):
        r = a.call_method(tx, "__imatmul__", [b], {})
        if not _not_implemented(r):
            return r
    return _binop(tx, a, b, "__matmul__", "__rmatmul__")


def _patch(module):
    cls = getattr(module, "BuiltinVariable", None)
    if cls is None:
        return
    if not hasattr(cls, "call_matmul"):
        cls.call_matmul = _call_matmul
    if not hasattr(cls, "call_imatmul"):
        cls.call_imatmul = _call_imatmul


class _Loader(importlib.abc.Loader):
    def __init__(self, inner):
        self._inner = inner

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        _patch(module)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds dynamo's builtin module with the normal machinery and patches it once loaded."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != _TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install():
    """Add the handler now if dynamo is loaded, else when it is."""
    mod = sys.modules.get(_TARGET)
    if mod is not None:
        _patch(mod)
    elif _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)
