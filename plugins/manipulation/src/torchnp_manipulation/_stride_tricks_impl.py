"""``numpy.lib.stride_tricks``: sliding_window_view and as_strided, as torch
views (``Tensor.as_strided``). Torch in, torch out. NumPy strides are in bytes,
torch's in elements; negative strides have no torch equivalent.
"""
from __future__ import annotations

__all__ = ["sliding_window_view", "as_strided"]

import operator

import torch

from torchnp._normalize import ArrayLike, NotImplementedType
from torchnp.exceptions import normalize_axis_tuple


def sliding_window_view(x: ArrayLike, window_shape, axis=None, *, subok=False, writeable=False):
    """Sliding windows over ``x`` (a read-only view). Mirrors ``numpy.lib.stride_tricks.sliding_window_view``."""
    try:
        window_shape = (operator.index(window_shape),)
    except TypeError:
        window_shape = tuple(operator.index(w) for w in window_shape)
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(range(x.ndim))
        if len(window_shape) != len(axis):
            raise ValueError(f"Since axis is `None`, must provide window_shape for all dimensions "
                             f"of `x`; got {len(window_shape)} window_shape elements and `x.ndim` "
                             f"is {x.ndim}.")
    else:
        axis = normalize_axis_tuple(axis, x.ndim, allow_duplicate=True)
        if len(window_shape) != len(axis):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axis)} axes "
                             "elements.")
    out_strides = list(x.stride()) + [x.stride(ax) for ax in axis]
    shape = list(x.shape)
    for ax, dim in zip(axis, window_shape):
        if shape[ax] < dim:
            raise ValueError("window shape cannot be larger than input array shape")
        shape[ax] -= dim - 1
    return x.as_strided(tuple(shape) + window_shape, out_strides, x.storage_offset())


def as_strided(x: ArrayLike, shape=None, strides=None, subok=False, writeable=True):
    """A view with the given shape and byte strides. Mirrors ``numpy.lib.stride_tricks.as_strided``.

    Differences from NumPy: strides must be non-negative multiples of the item size
    (torch strides count elements); anything else raises NotImplementedError.
    """
    shape = tuple(x.shape) if shape is None else tuple(operator.index(s) for s in shape)
    es = x.element_size()
    if strides is None:
        st = list(x.stride())
        if len(st) != len(shape):
            # NumPy keeps the array's strides only when the shape length matches
            st = [1] * len(shape)
            acc = 1
            for i in range(len(shape) - 1, -1, -1):
                st[i] = acc
                acc *= shape[i]
    else:
        strides = tuple(operator.index(s) for s in strides)
        if len(strides) != len(shape):
            raise ValueError("mismatch in length of strides and shape")
        if any(s < 0 or s % es for s in strides):
            raise NotImplementedError(f"torchnp.lib.stride_tricks.as_strided: strides {strides} are not "
                                      f"non-negative multiples of the item size {es} (torch strides count "
                                      "elements and cannot be negative)")
        st = [s // es for s in strides]
    return x.as_strided(shape, st, x.storage_offset())
