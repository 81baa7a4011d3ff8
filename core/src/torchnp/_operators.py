"""The Python operators of ndarray and scalars, routed to the ufuncs in the namespace.

Each operator finds its ufunc in ``torchnp`` on first use (so the core imports
without the ufuncs plugin, and a missing plugin gives an error naming the
distribution) and then keeps it: later calls go straight to the ufunc's
no-keyword fast path (``ufunc._fast``) when it has one.

Operands the ufuncs cannot take (strings, None, arbitrary objects) make the
operator return ``NotImplemented``, so Python tries the other operand's
reflected method and finally raises TypeError, as it does for NumPy arrays.
In-place operators (``a += b``) call the ufunc with ``out=a`` (NumPy's casting
rule 'same_kind': ``int_array += 1.5`` raises UFuncTypeError); scalars are
immutable and get no in-place operators (Python falls back to ``a = a + b``).
"""
from __future__ import annotations

import builtins
import sys

import torch

__all__ = ["install"]

_FAST_TYPES = {builtins.bool, builtins.int, builtins.float, builtins.complex, list, tuple,
               torch.Tensor}


def _ns():
    return sys.modules["torchnp"]


def _lookup(name):
    try:
        f = getattr(_ns(), name)
    except AttributeError as exc:
        raise NotImplementedError(str(exc)) from None
    return getattr(f, "_fast", f)


def _lookup_full(name):
    try:
        return getattr(_ns(), name)
    except AttributeError as exc:
        raise NotImplementedError(str(exc)) from None


def _accepts(other):
    """Whether ``other`` is something a ufunc takes as an operand."""
    t = type(other)
    if t in _FAST_TYPES:
        return True
    from . import _dtypes, _ndarray
    if isinstance(other, (_ndarray.ndarray, _dtypes.generic, torch.Tensor, builtins.int,
                          builtins.float, builtins.complex)):
        return True
    return any(hasattr(other, a) for a in ("__array_interface__", "__array_struct__",
                                            "__array__", "__dlpack__"))


def _specialize(cls, dunder, name, which):
    """Replace ``cls.<dunder>`` by the ufunc's own operator method, if it offers one.

    A ufunc may expose ``_operator_methods``: (forward, reflected) plain functions
    with operator semantics (NotImplemented for foreign operands). Installing them
    on the class removes a call layer from every later ``a + b``.
    """
    try:
        f = getattr(_ns(), name)
    except AttributeError:
        return None
    methods = getattr(f, "_operator_methods", None)
    m = methods[which] if methods else None
    if m is not None:
        setattr(cls, dunder, m)
    return m


def _binop(name, dunder, cls=None, reflected=False):
    """``cls.<dunder>``: the ufunc ``name`` of (self, other), or of (other, self) if ``reflected``."""
    slot = []
    nd_types = _known_types()

    def op(self, other):
        if not slot and cls is not None:
            m = _specialize(cls, dunder, name, 1 if reflected else 0)
            if m is not None:
                return m(self, other)
        if type(other) not in nd_types and not _accepts(other):
            return NotImplemented
        if not slot:
            slot.append(_lookup(name))
        return slot[0](other, self) if reflected else slot[0](self, other)
    op.__name__ = op.__qualname__ = dunder
    return op


def _ibinop(name, dunder):
    slot = []

    def op(self, other):
        if not _accepts(other):
            return NotImplemented
        if not slot:
            slot.append(_lookup_full(name))
        slot[0](self, other, out=self)
        return self
    op.__name__ = op.__qualname__ = dunder
    return op


def _unop(name, dunder, cls=None):
    slot = []

    def op(self):
        if not slot and cls is not None:
            m = _specialize(cls, dunder, name, 0)
            if m is not None:
                return m(self)
        if not slot:
            slot.append(_lookup(name))
        return slot[0](self)
    op.__name__ = op.__qualname__ = dunder
    return op


_known = set(_FAST_TYPES)


def _known_types():
    return _known


_OPERATORS = {
    "add": "add", "sub": "subtract", "mul": "multiply", "truediv": "divide",
    "floordiv": "floor_divide", "mod": "remainder", "pow": "power", "matmul": "matmul",
    "and": "bitwise_and", "or": "bitwise_or", "xor": "bitwise_xor",
    "lshift": "left_shift", "rshift": "right_shift", "divmod": "divmod",
}


def install(cls, inplace=True):
    """Give ``cls`` (ndarray or generic) the arithmetic, comparison and unary operators.

    ``inplace=False`` (scalars) leaves out ``__iadd__`` and friends.
    """
    from . import _dtypes
    if cls is _dtypes.generic:
        inplace = False  # scalars are immutable: ``s += 1`` rebinds s
    _known.add(cls)
    _known.update(_dtypes._SCALAR_BY_TORCH.values())
    for dunder, ufunc in _OPERATORS.items():
        setattr(cls, f"__{dunder}__", _binop(ufunc, f"__{dunder}__", cls))
        setattr(cls, f"__r{dunder}__", _binop(ufunc, f"__r{dunder}__", cls, reflected=True))
        if inplace and dunder != "divmod":
            setattr(cls, f"__i{dunder}__", _ibinop(ufunc, f"__i{dunder}__"))
    for dunder, ufunc in (("lt", "less"), ("le", "less_equal"), ("gt", "greater"),
                          ("ge", "greater_equal"), ("eq", "equal"), ("ne", "not_equal")):
        setattr(cls, f"__{dunder}__", _binop(ufunc, f"__{dunder}__", cls))
    for dunder, ufunc in (("neg", "negative"), ("pos", "positive"), ("abs", "absolute"),
                          ("invert", "invert")):
        setattr(cls, f"__{dunder}__", _unop(ufunc, f"__{dunder}__", cls))
