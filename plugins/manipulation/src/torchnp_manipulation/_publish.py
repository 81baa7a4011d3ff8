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


_IN_PLACE = {"put": "a", "put_along_axis": "arr", "putmask": "a", "place": "arr",
             "fill_diagonal": "a", "copyto": "dst"}


def _write_through(public, target):
    """Make an in-place function reach the memory of a reversed (negative-stride) view.

    The pipeline hands the impl ``x.tensor``; for the core's reversed views that is
    a fresh copy, so the impl's writes would be lost. Such a target is worked on as
    a copy and written back through the view's own assignment.
    """
    @functools.wraps(public)
    def f(*args, **kwargs):
        if args:
            dst, rest = args[0], args[1:]
        else:
            dst, rest = kwargs.pop(target, None), ()
        if not hasattr(dst, "_flips"):
            return public(dst, *rest, **kwargs)
        work = _copy_of(dst)
        r = public(work, *rest, **kwargs)
        dst[...] = work
        return r
    f.__signature__ = public.__signature__
    return f


def _copy_of(a):
    import sys
    return sys.modules["torchnp"].asarray(a.tensor)


def _flip_functions():
    """flip/fliplr/flipud/rot90 as write-through views (NumPy: negative strides).

    They work on the ndarray (``torchnp._indexing.flip_view``), not on tensors, so
    they are registered with ``normalize=False``; the value logic stays in
    ``_rearranging_impl`` (used for validation and for 0-d input).
    """
    import sys

    from torchnp import _indexing
    from torchnp.exceptions import normalize_axis_tuple

    from . import _rearranging_impl as impl

    def _arr(m):
        tnp = sys.modules["torchnp"]
        return m if isinstance(m, tnp.ndarray) else tnp.asarray(m)

    def flip(m, axis=None):
        """Reverse the order of elements along ``axis`` (a view). Mirrors ``numpy.flip``."""
        a = _arr(m)
        if a.ndim == 0:
            if axis is not None:
                normalize_axis_tuple(axis, 0)
            return a[()]
        axes = None if axis is None else normalize_axis_tuple(axis, a.ndim)
        return _indexing.flip_view(a, axes)

    def fliplr(m):
        """Reverse along axis 1 (a view). Mirrors ``numpy.fliplr``."""
        a = _arr(m)
        if a.ndim < 2:
            raise ValueError("Input must be >= 2-d.")
        return _indexing.flip_view(a, (1,))

    def flipud(m):
        """Reverse along axis 0 (a view). Mirrors ``numpy.flipud``."""
        a = _arr(m)
        if a.ndim < 1:
            raise ValueError("Input must be >= 1-d.")
        return _indexing.flip_view(a, (0,))

    def rot90(m, k=1, axes=(0, 1)):
        """Rotate by 90 degrees in the plane of ``axes`` (a view). Mirrors ``numpy.rot90``."""
        tnp = sys.modules["torchnp"]
        a = _arr(m)
        axes = tuple(axes)
        if len(axes) != 2:
            raise ValueError("len(axes) must be 2.")
        if axes[0] == axes[1] or abs(axes[0] - axes[1]) == a.ndim:
            raise ValueError("Axes must be different.")
        if not (-a.ndim <= axes[0] < a.ndim and -a.ndim <= axes[1] < a.ndim):
            raise ValueError(f"Axes={axes} out of range for array of ndim={a.ndim}.")
        k = operator.index(k) % 4
        a0, a1 = axes[0] % a.ndim, axes[1] % a.ndim
        if k == 0:
            return a[...]
        if k == 2:
            return _indexing.flip_view(a, (a0, a1))
        perm = list(range(a.ndim))
        perm[a0], perm[a1] = perm[a1], perm[a0]
        if k == 1:  # NumPy: transpose(flip(m, a1)) == flip(transpose(m), a0)
            return _indexing.flip_view(tnp.transpose(a, perm), (a0,))
        return _indexing.flip_view(tnp.transpose(a, perm), (a1,))

    del impl
    return {"flip": flip, "fliplr": fliplr, "flipud": flipud, "rot90": rot90}


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


def _indexing_mod():
    return importlib.import_module("torchnp._indexing")


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
    flips = _flip_functions() if hasattr(_indexing_mod(), "flip_view") else {}
    for mod in (_shape_ops_impl, _joining_impl, _rearranging_impl, _indexing_routines_impl):
        for name in mod.__all__:
            fn = getattr(mod, name)
            if name in _IN_PLACE:
                registry.add_function(name, _write_through(make_public(fn, name, "torchnp"),
                                                           _IN_PLACE[name]), normalize=False)
            elif name in special:
                registry.add_function(name, special[name](make_public(fn, name, "torchnp")),
                                      normalize=False)
            elif name in flips:
                flips[name].__module__ = "torchnp"
                registry.add_function(name, flips[name], normalize=False)
            else:
                registry.add_function(name, fn)
    for name in _index_tricks.__all__:
        obj = getattr(_index_tricks, name)
        if name == "mask_indices":
            # calls a user function on an ndarray: not expressible with tags
            registry.add_function(name, obj, normalize=False)
        else:
            registry.add_object(name, obj)


def register_stride_tricks(registry):
    from . import _stride_tricks_impl
    ns = "lib.stride_tricks"
    mod = "torchnp.lib.stride_tricks"
    impl = _stride_tricks_impl
    registry.add_function("sliding_window_view", _readonly_unless_writeable(
        make_public(impl.sliding_window_view, "sliding_window_view", mod)), ns, normalize=False)
    registry.add_function("as_strided", impl.as_strided, ns)
