"""Registration of the manipulation plugin's names (imported by ``_plugin`` inside its hooks).

Every function goes through the normalizer pipeline as it is: views, read-only
views and in-place writes are declared by the impls' tags (``ViewSource``,
``InPlace``) and built by the core's view model.
"""
from __future__ import annotations

__all__ = ["Group", "core_shape", "register_stride_tricks"]

import functools
import importlib

from torchnp._normalize import make_public

_CORE_SHAPE = ("reshape", "ravel", "transpose", "squeeze", "swapaxes")


def _pad(public):
    """``pad`` with NumPy's callable ``mode`` (user code runs on ndarray slices)."""
    from ._index_tricks import pad_with_function

    @functools.wraps(public)
    def pad(array, pad_width, mode="constant", **kwargs):
        if callable(mode):
            return pad_with_function(array, pad_width, mode, kwargs)
        return public(array, pad_width, mode, **kwargs)
    pad.__signature__ = public.__signature__
    return pad


def core_shape():
    """torchnp's own ``_shape_impl`` module (None where this core lacks it)."""
    try:  # not `from torchnp import ...`: a missing module would hit torchnp's lazy __getattr__
        return importlib.import_module("torchnp._shape_impl")
    except ModuleNotFoundError:
        return None


_SCALAR_ANSWERS = ("reshape", "transpose", "squeeze")


def _scalar_in_scalar_out(public):
    """``reshape``/``transpose``/``squeeze`` as NumPy's: they call the argument's own method,
    so a scalar (``np.float32(2)``) gives a scalar where the result is 0-d."""
    from torchnp import generic

    @functools.wraps(public)
    def f(a, *args, **kwargs):
        r = public(a, *args, **kwargs)
        if isinstance(a, generic) and r.ndim == 0:
            return r[()]
        return r
    f.__signature__ = public.__signature__
    return f


class Group:
    """Registers one group of the main namespace's names when called (``_plugin._GROUPS``)."""

    def __init__(self, key):
        self.key = key

    def __call__(self, registry):
        key = self.key
        if key == "_padding_impl":
            from . import _padding_impl
            registry.add_function("pad", _pad(make_public(_padding_impl.pad, "pad", "torchnp")),
                                  normalize=False)
        elif key == "core_shape":
            shape_impl = core_shape()
            for name in _CORE_SHAPE:
                if hasattr(shape_impl, name):
                    impl = getattr(shape_impl, name)
                    if name in _SCALAR_ANSWERS:
                        registry.add_function(name, _scalar_in_scalar_out(
                            make_public(impl, name, "torchnp")), normalize=False)
                    else:
                        registry.add_function(name, impl)
        elif key == "_index_tricks":
            from . import _index_tricks
            for name in _index_tricks.__all__:
                obj = getattr(_index_tricks, name)
                if name == "mask_indices":
                    # calls a user function on an ndarray: not expressible with tags
                    registry.add_function(name, obj, normalize=False)
                else:
                    registry.add_object(name, obj)


def register_stride_tricks(registry):
    from . import _stride_tricks_impl
    for name in _stride_tricks_impl.__all__:
        registry.add_function(name, getattr(_stride_tricks_impl, name), "lib.stride_tricks")
