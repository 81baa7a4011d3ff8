"""Objects of NumPy's indexing section that are not plain functions: ``r_``,
``c_``, ``s_``, ``index_exp``, ``ndenumerate``, ``ndindex``, ``broadcast``, the
``ndarray.flat`` iterator and ``mask_indices`` (which calls a user function on an
array). They deal in torchnp arrays, so they live outside the ``_impl`` modules
and reach ndarray through the public namespace at call time.
"""
from __future__ import annotations

__all__ = ["r_", "c_", "s_", "index_exp", "ndenumerate", "ndindex", "broadcast", "mask_indices"]

import itertools
import operator
import sys

import torch

from torchnp import _dtypes
from torchnp._normalize import as_tensor, as_tensor_or_scalar, wrap, wrap_scalar

from ._util import bits, cast_to, unbits


def _tnp():
    return sys.modules["torchnp"]


def _tensor_of(x):
    return as_tensor(x)


# --- r_ / c_ -----------------------------------------------------------------------------
class AxisConcatenator:
    """Translates slice objects to concatenation along an axis (``r_``/``c_``)."""

    def __init__(self, axis=0, matrix=False, ndmin=1, trans1d=-1):
        self.axis, self.matrix, self.trans1d, self.ndmin = axis, matrix, trans1d, ndmin

    def __getitem__(self, key):
        from ._joining_impl import _cat
        if not isinstance(key, tuple):
            key = (key,)
        trans1d, ndmin, axis = self.trans1d, self.ndmin, self.axis
        objs, rt_objs = [], []
        for k, item in enumerate(key):
            scalar = False
            if isinstance(item, slice):
                step = 1 if item.step is None else item.step
                start = 0 if item.start is None else item.start
                stop = item.stop
                if isinstance(step, complex):
                    size = int(abs(step))
                    newobj = torch.linspace(float(start), float(stop), size, dtype=torch.float64)
                else:
                    newobj = as_tensor(_tnp().arange(start, stop, step))
                if ndmin > 1:
                    newobj = _ndmin(newobj, ndmin)
                    if trans1d != -1:
                        newobj = newobj.swapaxes(-1, trans1d)
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ("r", "c"):
                    raise NotImplementedError("torchnp.r_: matrix directives 'r'/'c' are not supported "
                                              "(torchnp has no matrix class)")
                if "," in item:
                    vec = item.split(",")
                    try:
                        axis, ndmin = (int(x) for x in vec[:2])
                        if len(vec) == 3:
                            trans1d = int(vec[2])
                        continue
                    except Exception as exc:
                        raise ValueError(f"unknown special directive {item!r}") from exc
                try:
                    axis = int(item)
                    continue
                except (ValueError, TypeError) as exc:
                    raise ValueError(f"unknown special directive {item!r}") from exc
            elif type(item) in (bool, int, float, complex) or isinstance(item, _dtypes.generic):
                scalar = True
                newobj = as_tensor(item)
                rt_objs.append(as_tensor_or_scalar(item))
            else:
                t = as_tensor(item)
                item_ndim = t.ndim
                newobj = _ndmin(t, ndmin)
                if trans1d != -1 and item_ndim < ndmin:
                    k2 = ndmin - item_ndim
                    k1 = trans1d
                    if k1 < 0:
                        k1 += k2 + 1
                    defaxes = list(range(ndmin))
                    axes = defaxes[:k1] + defaxes[k2:] + defaxes[k1:k2]
                    newobj = newobj.permute(axes)
            objs.append(newobj)
            if not scalar:
                rt_objs.append(newobj)
        if not objs:
            return wrap(torch.zeros(0, dtype=torch.float64))
        dt = _dtypes.result_type_torch(*rt_objs)
        objs = [_ndmin(cast_to(o, dt), ndmin) for o in objs]
        return wrap(_cat(objs, axis))

    def __len__(self):
        return 0


def _ndmin(t, ndmin):
    return t if t.ndim >= ndmin else t.reshape((1,) * (ndmin - t.ndim) + tuple(t.shape))


class RClass(AxisConcatenator):
    """Row-wise concatenation via index syntax. Mirrors ``numpy.r_``."""

    def __init__(self):
        super().__init__(0)


class CClass(AxisConcatenator):
    """Column-wise concatenation via index syntax. Mirrors ``numpy.c_``."""

    def __init__(self):
        super().__init__(-1, ndmin=2, trans1d=0)


r_ = RClass()
c_ = CClass()


class IndexExpression:
    """Build index tuples with slice syntax. Mirrors ``numpy.s_`` / ``numpy.index_exp``."""

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)


# --- iteration ---------------------------------------------------------------------------
class ndindex:
    """Iterate over the indices of an array of the given shape. Mirrors ``numpy.ndindex``."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(operator.index(s) for s in shape)
        if any(s < 0 for s in self._shape):
            raise ValueError("negative dimensions are not allowed")
        self._it = itertools.product(*(range(s) for s in self._shape))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """Yield ``(index, value)`` pairs of an array. Mirrors ``numpy.ndenumerate``."""

    def __init__(self, arr):
        t = as_tensor(arr)
        self._idx = itertools.product(*(range(s) for s in t.shape))
        self._vals = iter(t.reshape(-1).unbind(0)) if t.ndim else iter([t])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._idx), wrap_scalar(next(self._vals))


class flatiter:
    """The flat iterator of an array (``a.flat``). Mirrors ``numpy.flatiter``."""

    def __init__(self, base):
        self._base = base
        self.index = 0

    @property
    def base(self):
        return self._base

    @property
    def coords(self):
        shape = self._base.shape
        out, rest = [], self.index
        for s in reversed(shape):
            out.append(rest % s if s else 0)
            rest //= s if s else 1
        return tuple(reversed(out))

    def _flat(self):
        return self._base.tensor.reshape(-1)

    def __len__(self):
        return self._base.tensor.numel()

    def __iter__(self):
        return self

    def __next__(self):
        t = self._base.tensor
        if self.index >= t.numel():
            raise StopIteration
        v = self._flat()[self.index]
        self.index += 1
        return wrap_scalar(v)

    def _positions(self, key):
        n = self._base.tensor.numel()
        dev = self._base.tensor.device
        if key is Ellipsis:
            return torch.arange(n, device=dev)
        if isinstance(key, tuple):
            if len(key) != 1:
                raise IndexError("unsupported iterator index")
            key = key[0]
        if isinstance(key, slice):
            return torch.arange(n, device=dev)[key]
        k = as_tensor(key.tensor if hasattr(key, "tensor") else key).to(dev)
        if k.dtype == torch.bool:
            if k.numel() != n:
                raise IndexError("boolean index did not match indexed flat iterator")
            return k.reshape(-1).nonzero().reshape(-1)
        if k.is_floating_point() or k.is_complex():
            raise IndexError("unsupported iterator index")
        bad = (k < -n) | (k >= n)
        if k.numel() and bool(bad.any()):
            raise IndexError(f"index {int(k[bad].reshape(-1)[0])} is out of bounds for axis 0 with size {n}")
        return torch.where(k < 0, k + n, k)

    def __getitem__(self, key):
        t = self._base.tensor
        if type(key) is int or (hasattr(key, "__index__") and not hasattr(key, "tensor")
                                and not isinstance(key, (slice, tuple))):
            i = operator.index(key)
            n = t.numel()
            if not -n <= i < n:
                raise IndexError(f"index {i} is out of bounds for axis 0 with size {n}")
            return wrap_scalar(self._flat()[i])
        pos = self._positions(key)
        return wrap(unbits(bits(t).reshape(-1).index_select(0, pos.reshape(-1)).reshape(pos.shape), t.dtype))

    def __setitem__(self, key, value):
        base = self._base
        if getattr(base, "_readonly", False):
            raise ValueError("assignment destination is read-only")
        t = base.tensor
        if type(key) is int or (hasattr(key, "__index__") and not hasattr(key, "tensor")
                                and not isinstance(key, (slice, tuple))):
            i = operator.index(key)
            n = t.numel()
            if not -n <= i < n:
                raise IndexError(f"index {i} is out of bounds for axis 0 with size {n}")
            pos = torch.tensor([i % n], device=t.device)
        else:
            pos = self._positions(key).reshape(-1)
        v = cast_to(as_tensor(value), t.dtype).reshape(-1).to(t.device)
        k = pos.numel()
        if k == 0 or v.numel() == 0:
            return
        if v.numel() != k:
            v = v.repeat(-(-k // v.numel()))[:k]
        bits(t).put_(pos, bits(v))

    def copy(self):
        return wrap(self._base.tensor.reshape(-1).clone())

    def __array__(self, dtype=None, copy=None):
        return self.copy().__array__(dtype)

    def __len_hint__(self):
        return len(self) - self.index


# --- broadcast ------------------------------------------------------------------------------
class broadcast:
    """Broadcast arrays against each other and iterate over tuples. Mirrors ``numpy.broadcast``."""

    def __init__(self, *arrays):
        if len(arrays) > 64:
            raise ValueError(f"Need at most 64 array objects, got {len(arrays)}.")
        from ._shape_ops_impl import _broadcast_shapes
        ts = [a if isinstance(a, broadcast) else as_tensor(a) for a in arrays]
        flat = []
        for t in ts:
            flat.extend(t._tensors if isinstance(t, broadcast) else [t])
        self._tensors = flat
        self.shape = _broadcast_shapes(*(tuple(t.shape) for t in flat))
        self._expanded = [t.expand(self.shape) for t in flat]
        self.index = 0

    @property
    def nd(self):
        return len(self.shape)

    ndim = nd

    @property
    def numiter(self):
        return len(self._tensors)

    @property
    def size(self):
        n = 1
        for s in self.shape:
            n *= s
        return n

    @property
    def iters(self):
        return tuple(flatiter(wrap(e)) for e in self._expanded)

    def reset(self):
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= self.size:
            raise StopIteration
        coords, rest = [], self.index
        for s in reversed(self.shape):
            coords.append(rest % s)
            rest //= s
        key = tuple(reversed(coords))
        self.index += 1
        return tuple(wrap_scalar(e[key]) for e in self._expanded)


def mask_indices(n, mask_func, k=0):
    """Indices where ``mask_func(ones((n, n)), k)`` is non-zero. Mirrors ``numpy.mask_indices``."""
    n = operator.index(n)
    if n < 0:
        raise ValueError("negative dimensions are not allowed")
    m = wrap(torch.ones((n, n), dtype=torch.int64))
    a = mask_func(m, k)
    return _tnp().nonzero(wrap(as_tensor(a) != 0))


def pad_with_function(array, pad_width, function, kwargs):
    """``pad`` with a callable mode: zero-pad, then call ``function`` on every 1-d
    slice along each axis, as NumPy does (the function writes in place)."""
    from ._padding_impl import _normalize_pad_width, pad
    tnp = _tnp()
    t = as_tensor(array)
    widths = _normalize_pad_width(pad_width, t.ndim)
    padded = wrap(pad(t, widths, "constant"))
    for axis in range(padded.ndim):
        view = tnp.moveaxis(padded, axis, -1)
        for ind in itertools.product(*(range(s) for s in view.shape[:-1])):
            function(view[ind + (Ellipsis,)], widths[axis], axis, kwargs)
    return padded
