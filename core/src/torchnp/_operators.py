"""The Python operators of ndarray and scalars, routed to the ufuncs in the namespace.

Each operator looks its ufunc up in ``torchnp`` at call time, so the core imports
without the ufuncs plugin and swapping that plugin changes the operators too.
"""
from __future__ import annotations

import sys

__all__ = ["install"]


def _ns():
    return sys.modules["torchnp"]


def _binop(name):
    def op(self, other):
        return getattr(_ns(), name)(self, other)
    op.__name__ = name
    return op


def _rbinop(name):
    def op(self, other):
        return getattr(_ns(), name)(other, self)
    op.__name__ = name
    return op


def _ibinop(name):
    def op(self, other):
        getattr(_ns(), name)(self, other, out=self)
        return self
    op.__name__ = name
    return op


_OPERATORS = {
    "add": "add", "sub": "subtract", "mul": "multiply", "truediv": "true_divide",
    "floordiv": "floor_divide", "mod": "remainder", "pow": "power", "matmul": "matmul",
    "and": "bitwise_and", "or": "bitwise_or", "xor": "bitwise_xor",
    "lshift": "left_shift", "rshift": "right_shift",
}


def install(cls):
    """Give ``cls`` (ndarray or generic) the arithmetic, comparison and unary operators."""
    for dunder, ufunc in _OPERATORS.items():
        setattr(cls, f"__{dunder}__", _binop(ufunc))
        setattr(cls, f"__r{dunder}__", _rbinop(ufunc))
        setattr(cls, f"__i{dunder}__", _ibinop(ufunc))
    for dunder, ufunc in (("lt", "less"), ("le", "less_equal"), ("gt", "greater"),
                          ("ge", "greater_equal"), ("eq", "equal"), ("ne", "not_equal")):
        setattr(cls, f"__{dunder}__", _binop(ufunc))
    for dunder, ufunc in (("neg", "negative"), ("pos", "positive"), ("abs", "absolute"),
                          ("invert", "invert")):
        def op(self, _u=ufunc):
            return getattr(_ns(), _u)(self)
        op.__name__ = f"__{dunder}__"
        setattr(cls, f"__{dunder}__", op)

    def divmod_(self, other):
        return _ns().divmod(self, other)

    def rdivmod_(self, other):
        return _ns().divmod(other, self)
    cls.__divmod__ = divmod_
    cls.__rdivmod__ = rdivmod_


