"""numpy.linalg "Other matrix operations": diagonal, matrix_transpose.

Both return views of their input, as NumPy does. Torch in, torch out.
"""
from __future__ import annotations

__all__ = ["diagonal", "matrix_transpose"]

import torch

from torchnp._normalize import ArrayLike


def diagonal(x: ArrayLike, /, *, offset=0) -> torch.Tensor:
    """Diagonals of the last two axes (a view). Mirrors ``numpy.linalg.diagonal``."""
    if x.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return torch.diagonal(x, offset=offset, dim1=-2, dim2=-1)


def matrix_transpose(x: ArrayLike, /) -> torch.Tensor:
    """Swap the last two axes (a view). Mirrors ``numpy.linalg.matrix_transpose``."""
    if x.ndim < 2:
        raise ValueError("Input array must be at least 2-dimensional")
    return x.transpose(-2, -1)
