"""NumPy's array printing (repr/str) for ndarrays and scalars."""
from __future__ import annotations

__all__ = ["array_repr", "array_str"]


def array_str(a):
    return str(a.__array__())


def array_repr(a):
    return repr(a.__array__())


def scalar_repr(s):
    return f"{type(s).__name__}({s.tensor.item()!r})" if type(s).__name__ != "bool" else f"np.{s.tensor.item()}_"


def scalar_str(s):
    return str(s.tensor.item())
