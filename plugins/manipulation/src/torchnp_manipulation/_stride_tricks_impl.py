"""``numpy.lib.stride_tricks``: sliding_window_view and as_strided, as views from
the core's view model (``torchnp._views.as_strided``: NumPy's byte strides, of
either sign, from the array's first element).
"""
from __future__ import annotations

__all__ = ["sliding_window_view", "as_strided"]

import operator


from torchnp import _views
from torchnp._normalize import ViewSource
from torchnp.exceptions import normalize_axis_tuple


def sliding_window_view(x: ViewSource, window_shape, axis=None, *, subok=False, writeable=False):
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
    st = x.strides
    out_strides = list(st) + [st[ax] for ax in axis]
    shape = list(x.shape)
    for ax, dim in zip(axis, window_shape):
        if shape[ax] < dim:
            raise ValueError("window shape cannot be larger than input array shape")
        shape[ax] -= dim - 1
    return _views.as_strided(x, tuple(shape) + window_shape, out_strides,
                             readonly=None if writeable else True)


def as_strided(x: ViewSource, shape=None, strides=None, subok=False, writeable=True):
    """A view with the given shape and byte strides. Mirrors ``numpy.lib.stride_tricks.as_strided``.

    Differences from NumPy: strides must be multiples of the item size (torch
    strides count elements); others raise NotImplementedError.
    """
    shape = tuple(x.shape) if shape is None else tuple(operator.index(s) for s in shape)
    es = x.itemsize
    if strides is None:
        st = x.strides
        if len(st) != len(shape):
            # NumPy keeps the array's strides only when the shape length matches
            st = [es] * len(shape)
            acc = es
            for i in range(len(shape) - 1, -1, -1):
                st[i] = acc
                acc *= shape[i]
    else:
        st = tuple(operator.index(s) for s in strides)
        if len(st) != len(shape):
            raise ValueError("mismatch in length of strides and shape")
    return _views.as_strided(x, shape, st, readonly=None if writeable else True)
