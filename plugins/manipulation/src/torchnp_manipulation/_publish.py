"""Registration of the manipulation plugin's names (imported by ``_plugin`` inside its hooks).

Most functions go through the normalizer pipeline as they are. A few need a step
after it: NumPy returns some views read-only (``broadcast_to``, ``diagonal``,
``sliding_window_view``), and ``flip``-like functions are negative-stride views,
which need the core's write-through ``flip_view`` on the ndarray.
"""
from __future__ import annotations

__all__ = ["register_main", "register_stride_tricks"]

import functools
import importlib
import operator

from torchnp._normalize import make_public

_CORE_SHAPE = ("reshape", "ravel", "transpose", "squeeze", "swapaxes")


def _readonly(public):
    """Wrap a public function so its ndarray result is marked read-only."""
    @functools.wraps(public)
    def f(*args, **kwargs):
        r = public(*args, **kwargs)
        r._readonly = True
        return r
    f.__signature__ = public.__signature__
    return f


def _readonly_unless_writeable(public):
    @functools.wraps(public)
    def f(*args, **kwargs):
        r = public(*args, **kwargs)
        if not kwargs.get("writeable", False):
            r._readonly = True
        return r
    f.__signature__ = public.__signature__
    return f


def _flipper(public, name):
    """Publish a flip-like function: a write-through view if the core has ``flip_view``.

    Without it the result is a copy, marked read-only so that a write fails loudly
    ("assignment destination is read-only") instead of silently missing the base.
    """
    from torchnp import _indexing
    flip_view = getattr(_indexing, "flip_view", None)

    @functools.wraps(public)
    def f(*args, **kwargs):
        r = public(*args, **kwargs)
        if name == "rot90" and operator.index(kwargs.get("k", args[1] if len(args) > 1 else 1)) % 4 == 0:
            return r  # k=0 is a plain view
        if hasattr(r, "_readonly"):
            r._readonly = True
        return r
    f.__signature__ = public.__signature__
    del flip_view  # TODO(core): use _indexing.flip_view(arr, axes) once it exists
    return f


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


def register_main(registry):
    from . import (_index_tricks, _indexing_routines_impl, _joining_impl, _padding_impl,
                   _rearranging_impl, _shape_ops_impl)
    registry.add_function("pad", _pad(make_public(_padding_impl.pad, "pad", "torchnp")),
                          normalize=False)
    try:  # not `from torchnp import ...`: a missing module would hit torchnp's lazy __getattr__
        _shape_impl = importlib.import_module("torchnp._shape_impl")
    except ModuleNotFoundError:
        _shape_impl = None
    if _shape_impl is not None:
        for name in _CORE_SHAPE:
            if hasattr(_shape_impl, name):
                registry.add_function(name, getattr(_shape_impl, name))
    special = {"broadcast_to": _readonly, "diagonal": _readonly}
    flips = ("flip", "fliplr", "flipud", "rot90")
    for mod in (_shape_ops_impl, _joining_impl, _rearranging_impl, _indexing_routines_impl):
        for name in mod.__all__:
            fn = getattr(mod, name)
            if name in special:
                registry.add_function(name, special[name](make_public(fn, name, "torchnp")),
                                      normalize=False)
            elif name in flips:
                registry.add_function(name, _flipper(make_public(fn, name, "torchnp"), name),
                                      normalize=False)
            else:
                registry.add_function(name, fn)
    for name in _index_tricks.__all__:
        obj = getattr(_index_tricks, name)
        if name == "mask_indices":
            # calls a user function on an ndarray: not expressible with tags
            registry.add_function(name, obj, normalize=False)
        elif name == "flatiter":
            registry.add_object("flatiter", obj)
            registry.add_object("_flatiter", obj)  # ndarray.flat calls torchnp._flatiter(a)
        else:
            registry.add_object(name, obj)


def register_stride_tricks(registry):
    from . import _shape_ops_impl, _stride_tricks_impl
    ns = "lib.stride_tricks"
    mod = "torchnp.lib.stride_tricks"
    impl = _stride_tricks_impl
    registry.add_function("sliding_window_view", _readonly_unless_writeable(
        make_public(impl.sliding_window_view, "sliding_window_view", mod)), ns, normalize=False)
    registry.add_function("as_strided", impl.as_strided, ns)
    registry.add_function("broadcast_to", _readonly(
        make_public(_shape_ops_impl.broadcast_to, "broadcast_to", mod)), ns, normalize=False)
    registry.add_function("broadcast_arrays", _shape_ops_impl.broadcast_arrays, ns)
    registry.add_function("broadcast_shapes", _shape_ops_impl.broadcast_shapes, ns)
