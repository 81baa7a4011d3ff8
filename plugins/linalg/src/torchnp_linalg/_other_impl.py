"""numpy.linalg "Other matrix operations": diagonal, matrix_transpose.

Both return views of their input, as NumPy does (``numpy.diagonal`` and
``numpy.matrix_transpose`` over the last two axes), made by the view model: the
diagonal is read-only, the transpose keeps its input's WRITEABLE flag.
"""
from __future__ import annotations

__all__ = ["diagonal", "matrix_transpose"]

import operator

from torchnp import _views
from torchnp._normalize import ViewSource


def diagonal(x: ViewSource, /, *, offset=0):
    """Diagonals of the last two axes (a read-only view). Mirrors ``numpy.linalg.diagonal``."""
    offset = operator.index(offset)
    nd = x.ndim
    if nd < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return _views.diagonal(x, offset, nd - 2, nd - 1, readonly=True)


def matrix_transpose(x: ViewSource, /):
    """Swap the last two axes (a view). Mirrors ``numpy.linalg.matrix_transpose``."""
    nd = x.ndim
    if nd < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {nd}")
    return _views.permute(x, tuple(range(nd - 2)) + (nd - 1, nd - 2))
