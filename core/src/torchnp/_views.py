"""The view model: which arrays share memory, how, and every write into an array.

NumPy arrays are strided views of memory, and a write through any view reaches
every other view of the same memory. torchnp keeps that model on torch:

* A plain array's ``tensor`` slot holds a torch tensor. When the array is a view
  (``base`` is not None) that tensor is a torch view of the base's, so torch's
  own aliasing carries writes both ways: eagerly, under ``torch.compile``
  (functionalization replays them) and under ``torch.func``.
* Torch has no negative strides. An array that NumPy would give negative
  strides (``a[::-1]``, ``flip``, ``rot90``, a transpose or reshape of those)
  is a *reversed array*: an instance of its class's reversed twin (every
  ndarray subclass gets one when it is defined, ``make_twin``). A twin holds
  ``_mem``, a positive-stride torch view of the memory, and ``_flips``, the
  axes along which the array runs backwards through ``_mem``. Its ``tensor``
  is ``flip(_mem, _flips)``: a fresh tensor of the current values, so impls
  read it like any tensor and reads see the latest writes. Writes go through
  this module, which flips them back into ``_mem``.

This module is the only one that knows about ``_mem`` and ``_flips``. Other code
builds views with the primitives below (``permute``, ``reshape``, ``index``,
``diagonal``, ``as_strided``…), which set ``base`` (the array that owns the
memory) and the WRITEABLE flag as NumPy does, and writes with ``assign`` (all of
an array), ``begin_write``/``end_write`` (an in-place torch operation on an
array's values) or ``check_writeable``. Whether a result is a view is decided
by which primitive made it: nothing here looks at storage pointers, so every
path traces under dynamo and runs under torch.func.
"""
from __future__ import annotations

import operator
import typing

import torch


__all__ = [
    "wrap", "view", "as_class", "retype", "owner", "is_reversed", "permute", "reshape", "squeeze", "expand_dims",
    "broadcast_to", "diagonal", "index", "flip", "real", "imag", "dtype_view", "as_strided",
    "narrow", "same", "set_shape", "strides", "layout", "is_c_contiguous", "is_f_contiguous",
    "check_writeable", "assign", "begin_write", "end_write", "write_tensor", "flip_tensor",
    "overlaps_itself", "addresses", "write_at",
    "broadcast_value",
]

_ndarray: typing.Any = None  # the ndarray class, set by _ndarray at import
_new = object.__new__

# torch.flip has no kernel for uint16/32/64: flip the same bytes viewed as the signed type
_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def flip_tensor(t, dims):
    """``torch.flip(t, dims)`` for every dtype torchnp stores (a fresh tensor)."""
    s = _SIGNED_TWIN.get(t.dtype)
    if s is None:
        return torch.flip(t, dims)
    return torch.flip(t.view(s), dims).view(t.dtype)


# --- the representation ---------------------------------------------------------------
class _ReversedLayout:
    """What a reversed twin adds to its class: the layout read from ``_mem``.

    Never instantiated; ``make_twin`` copies these attributes into each twin.
    """

    _is_rev = True

    @property
    def tensor(self):
        return flip_tensor(self._mem, self._flips)

    @tensor.setter
    def tensor(self, value):
        raise AttributeError("torchnp: a reversed view's tensor is its memory flipped; "
                             "write into the array instead")

    @property
    def shape(self):
        return tuple(self._mem.shape)

    @shape.setter
    def shape(self, value):
        _ndarray.shape.fset(self, value)

    @property
    def ndim(self):
        return self._mem.ndim

    @property
    def size(self):
        return self._mem.numel()

    @property
    def dtype(self):
        return _dtype_of(self._mem)

    @property
    def itemsize(self):
        return self._mem.element_size()

    @property
    def nbytes(self):
        m = self._mem
        return m.numel() * m.element_size()

    @property
    def device(self):
        return self._mem.device

    def __len__(self):
        m = self._mem
        if m.ndim == 0:
            raise TypeError("len() of unsized object")
        return m.shape[0]


def make_twin(cls):
    """The reversed twin of ndarray subclass ``cls`` (same name; ``isinstance`` of ``cls``)."""
    ns = {k: v for k, v in vars(_ReversedLayout).items()
          if k not in ("__dict__", "__weakref__", "__module__", "__qualname__", "__doc__")}
    ns.update(__slots__=("_mem", "_flips"), __module__=cls.__module__,
              __qualname__=cls.__qualname__, __doc__=cls.__doc__)
    twin = type(cls.__name__, (cls,), ns, twin=True)
    twin._plain = cls
    twin._reversed = twin
    return twin


def _dtype_of(t):
    from ._dtypes import _BY_TORCH
    return _BY_TORCH[t.dtype]


def is_reversed(a):
    """Whether ``a`` runs backwards through its memory along some axis (negative strides)."""
    return a._is_rev


def _pair(a):
    if a._is_rev:
        return a._mem, a._flips
    return a.tensor, ()


def owner(a):
    """The array that owns ``a``'s memory (``a`` itself if it owns it): NumPy's ``base``."""
    b = a._base
    return a if b is None else b


def wrap(t, cls=None):
    """A new array owning ``t`` (no base, writeable): the one constructor of fresh arrays."""
    r = _new(_ndarray if cls is None else cls)
    r.tensor = t
    r._base = None
    r._readonly = False
    return r


def view(a, t, flips=(), readonly=None):
    """A view of ``a``'s memory: ``t`` (a positive-stride torch view of it) reversed along ``flips``.

    The result has ``a``'s class, ``base`` the owner of the memory, and ``a``'s
    WRITEABLE flag unless ``readonly`` says otherwise (True, or a reason string).
    """
    cls = type(a)
    if flips and t.numel():
        flips = tuple(d for d in flips if t.shape[d] > 1)
    else:
        flips = ()
    if flips:
        r = _new(cls._reversed)
        r._mem = t
        r._flips = flips
    else:
        r = _new(cls._plain)
        r.tensor = t
    b = a._base
    r._base = a if b is None else b
    r._readonly = a._readonly if readonly is None else readonly
    if cls is not _ndarray:
        r.__array_finalize__(a)
    return r


def as_class(a, cls, parent=None):
    """A view of all of ``a`` as an instance of the ndarray class ``cls`` (``view(type=cls)``,
    ``asarray`` of a subclass), calling ``cls.__array_finalize__(parent)`` as NumPy does."""
    mem, flips = _pair(a)
    if flips:
        r = _new(cls._reversed)
        r._mem, r._flips = mem, flips
    else:
        r = _new(cls._plain)
        r.tensor = mem.view(mem.shape)
    b = a._base
    r._base = a if b is None else b
    r._readonly = a._readonly
    if cls._plain is not _ndarray:
        r.__array_finalize__(a if parent is None else parent)
    return r


def retype(a, cls, shape=None):
    """``a`` itself as an instance of the ndarray class ``cls``: the same memory, base and
    flags (not a view of ``a``: for code that replaces ``a`` by the result, such as a
    subclass turning its methods' results into its own type), optionally given ``shape``,
    which may only add or drop length-1 axes."""
    r = a if shape is None or tuple(shape) == a.shape else reshape(a, tuple(shape))
    mem, flips = _pair(r)
    if flips:
        o = _new(cls._reversed)
        o._mem, o._flips = mem, flips
    else:
        o = _new(cls._plain)
        o.tensor = mem
    o._base = a._base
    o._readonly = a._readonly
    return o


def plain_view(a, t):
    """``view(a, t)`` for ``a`` of exactly the ndarray class (the callers' fast paths)."""
    r = _new(_ndarray)
    r.tensor = t
    b = a._base
    r._base = a if b is None else b
    r._readonly = a._readonly
    return r


def same(a):
    """A new view of all of ``a`` (``a[...]``, ``a.view()``)."""
    mem, flips = _pair(a)
    return view(a, mem.view(mem.shape), flips)


# --- view primitives -------------------------------------------------------------------
def permute(a, perm):
    """``a`` with axes permuted (``perm`` a full tuple of non-negative axes)."""
    if not a._is_rev:
        t = a.tensor
        return view(a, t.permute(perm) if perm else t.view(t.shape))
    flips = a._flips
    return view(a, a._mem.permute(perm), [j for j, d in enumerate(perm) if d in flips])


def _c_view_strides(shape, strides, new):
    """Strides of ``new`` as a C-order view of a positive-stride layout, or None.

    NumPy's no-copy reshape: old and new axes are matched in groups of equal
    size products; each group of old axes must be contiguous among itself.
    """
    old = [(n, s) for n, s in zip(shape, strides) if n != 1]
    out = [0] * len(new)
    i = 0
    j = 0
    while j < len(new) and new[j] == 1:
        j += 1
    while i < len(old) and j < len(new):
        ni, nj = old[i][0], new[j]
        i2, j2 = i + 1, j + 1
        while ni != nj:
            if ni < nj:
                ni *= old[i2][0]
                i2 += 1
            else:
                nj *= new[j2]
                j2 += 1
        for k in range(i, i2 - 1):  # the group's old axes must nest contiguously
            if old[k][1] != old[k + 1][1] * old[k + 1][0]:
                return None
        stride = old[i2 - 1][1]
        for k in range(j2 - 1, j - 1, -1):
            out[k] = stride
            stride *= new[k]
        i, j = i2, j2
        while j < len(new) and new[j] == 1:
            j += 1
    # length-1 axes get C-order strides, as NumPy's and torch's views do
    inner = 1
    for k in range(len(new) - 1, -1, -1):
        if new[k] == 1:
            out[k] = inner
        else:
            inner = out[k] * new[k]
    return out


def reshape(a, shape):
    """``a`` reshaped in C order as a view, or None where NumPy must copy.

    ``shape`` is resolved (a tuple of non-negative ints whose product is ``a.size``).
    """
    mem, flips = _pair(a)
    if mem.numel() == 0 or len(shape) == mem.ndim and tuple(mem.shape) == tuple(shape):
        return view(a, mem.view(shape), flips if mem.numel() else ())
    if not flips:
        if _c_view_strides(mem.shape, mem.stride(), shape) is None:
            return None
        return view(a, mem.view(shape))
    # a group of old axes merged or split into new ones keeps one direction: all
    # of it reversed or none (else the elements are not one strided run)
    old = [(d, n) for d, n in enumerate(mem.shape) if n != 1]
    newd = [(d, n) for d, n in enumerate(shape) if n != 1]
    new_flips = []
    i = j = 0
    while i < len(old) and j < len(newd):
        go, gn = [old[i][0]], [newd[j][0]]
        po, pn = old[i][1], newd[j][1]
        i += 1
        j += 1
        while po != pn:
            if po < pn:
                go.append(old[i][0])
                po *= old[i][1]
                i += 1
            else:
                gn.append(newd[j][0])
                pn *= newd[j][1]
                j += 1
        states = {d in flips for d in go}
        if len(states) != 1:
            return None
        if states.pop():
            # reversing a C-contiguous run reverses each axis it is split into
            new_flips.extend(gn)
    if _c_view_strides(mem.shape, mem.stride(), shape) is None:
        return None
    return view(a, mem.view(shape), new_flips)


def squeeze(a, dims):
    """``a`` without the length-1 axes ``dims`` (sorted, non-negative)."""
    mem, flips = _pair(a)
    if not dims:
        return view(a, mem.view(mem.shape), flips)
    keep = [d for d in range(mem.ndim) if d not in dims]
    return view(a, mem.squeeze(tuple(dims)), [j for j, d in enumerate(keep) if d in flips])


def expand_dims(a, axes):
    """``a`` with new length-1 axes at ``axes`` (sorted positions in the result)."""
    mem, flips = _pair(a)
    shape = list(mem.shape)
    pos = list(range(mem.ndim))
    for ax in axes:
        shape.insert(ax, 1)
        pos.insert(ax, None)
    return view(a, mem.view(shape), [j for j, d in enumerate(pos) if d is not None and d in flips])


def broadcast_to(a, shape, readonly=None):
    """``a`` broadcast to ``shape`` (already checked compatible), as a view."""
    mem, flips = _pair(a)
    lead = len(shape) - mem.ndim
    return view(a, mem.expand(shape), [d + lead for d in flips], readonly)


def diagonal(a, offset, axis1, axis2, readonly=None):
    """The diagonal of ``a`` over ``axis1``/``axis2`` (non-negative, distinct), as a view."""
    mem, flips = _pair(a)
    f1, f2 = axis1 in flips, axis2 in flips
    rest = [d for d in range(mem.ndim) if d != axis1 and d != axis2]
    rest_flips = [j for j, d in enumerate(rest) if d in flips]
    if not f1 and not f2:
        return view(a, mem.diagonal(offset, axis1, axis2), rest_flips, readonly)
    n1, n2 = mem.shape[axis1], mem.shape[axis2]
    if f1 and f2:
        # backwards along both axes: the memory's diagonal n2 - n1 - offset, run backwards
        d = mem.diagonal(n2 - n1 - offset, axis1, axis2)
        return view(a, d, rest_flips + [d.ndim - 1], readonly)
    # backwards along one axis: an anti-diagonal of the memory, a strided run of its own
    shape, st, off = _signed_layout(a)
    first = max(0, -offset)
    length = max(0, min(n1 - first, n2 - first - offset))
    off += first * st[axis1] + (first + offset) * st[axis2]
    new_shape = [shape[d] for d in rest] + [length]
    new_st = [st[d] for d in rest] + [st[axis1] + st[axis2]]
    return _from_signed(a, mem, new_shape, new_st, off if length else mem.storage_offset(),
                        readonly)


def _phys_slice(s, n, backwards):
    """A slice of a logical axis of length ``n`` as (positive slice of the memory, reversed?)."""
    step = s.step
    if step is not None and operator.index(step) == 0:
        raise ValueError("slice step cannot be zero")
    start, stop, step = s.indices(n)
    count = len(range(start, stop, step))
    if count == 0:
        return slice(0, 0), False
    if backwards:
        start, step = n - 1 - start, -step
    if step > 0:
        return slice(start, start + (count - 1) * step + 1, step), False
    last = start + (count - 1) * step
    return slice(last, start + 1, -step), count > 1


def index(a, comps):
    """Basic indexing: ``comps`` is one entry per axis consumed or added, each an int
    (already in range for its axis), a slice, or None (a new axis)."""
    mem, flips = _pair(a)
    if not flips and all(type(c) is not slice or c.step is None or
                         (type(c.step) is int and c.step > 0) for c in comps):
        return view(a, mem[tuple(comps)])  # torch slices as NumPy does here
    key, out_flips, pdim, odim = [], [], 0, 0
    for c in comps:
        if c is None:
            key.append(None)
            odim += 1
        elif type(c) is slice:
            s, rev = _phys_slice(c, mem.shape[pdim], pdim in flips)
            key.append(s)
            if rev:
                out_flips.append(odim)
            pdim += 1
            odim += 1
        else:
            n = mem.shape[pdim]
            key.append(n - 1 - c if pdim in flips else c)
            pdim += 1
    return view(a, mem[tuple(key)], out_flips)


def narrow(a, axis, start, length):
    """``a`` restricted to ``[start, start + length)`` along ``axis`` (``split``'s pieces)."""
    mem, flips = _pair(a)
    if axis in flips:
        start = mem.shape[axis] - start - length
    return view(a, mem.narrow(axis, start, length), flips)


def flip(a, axes):
    """``a`` reversed along ``axes`` (non-negative): NumPy's negative-stride view."""
    mem, flips = _pair(a)
    return view(a, mem, sorted(set(flips).symmetric_difference(axes)))


def real(a):
    """The real part of a complex ``a`` as a view (``a`` itself when real, as NumPy)."""
    mem, flips = _pair(a)
    if not mem.is_complex():
        return a
    return view(a, torch.view_as_real(mem).select(-1, 0), flips)


def imag(a):
    """The imaginary part of ``a``: a view when complex, else read-only zeros (NumPy)."""
    mem, flips = _pair(a)
    if mem.is_complex():
        return view(a, torch.view_as_real(mem).select(-1, 1), flips)
    r = wrap(torch.zeros_like(mem), type(a)._plain)
    r._readonly = True
    return r


def dtype_view(a, td):
    """``a``'s memory reinterpreted as torch dtype ``td`` (``ndarray.view(dtype)``)."""
    mem, flips = _pair(a)
    old, new = mem.element_size(), torch.empty((), dtype=td).element_size()
    if old != new:
        if mem.ndim == 0:
            raise ValueError("Changing the dtype of a 0d array is only supported if the "
                             "itemsize is unchanged")
        if (mem.stride(-1) != 1 and mem.shape[-1] != 1) or (mem.ndim - 1) in flips:
            raise ValueError("To change to a dtype of a different size, the last axis must "
                             "be contiguous")
        if (mem.shape[-1] * old) % new:
            raise ValueError("When changing to a larger dtype, its size must be a divisor "
                             "of the total size in bytes of the last axis of the array.")
        if any(n == 1 for n in mem.shape):
            # strides of length-1 axes are arbitrary; torch's view(dtype) checks them anyway
            st = list(mem.stride())
            for d in range(mem.ndim - 1, -1, -1):
                if mem.shape[d] == 1:
                    st[d] = st[d + 1] * mem.shape[d + 1] if d + 1 < mem.ndim else 1
            mem = mem.as_strided(mem.shape, st)
    try:
        r = _view_as(mem, td)
    except RuntimeError as exc:
        raise ValueError(f"torchnp: cannot view {_dtype_of(mem).name} memory as "
                         f"{_dtype_of(torch.empty((), dtype=td)).name} here: {exc}") from None
    return view(a, r, flips)


def _view_as(t, td):
    if td == t.dtype:
        return t.view(t.shape)
    if t.dtype == torch.bool or td == torch.bool:
        # torch views bool as uint8 only through an intermediate of the same size
        mid = t.view(torch.uint8) if t.dtype == torch.bool else t
        return mid.view(td) if td != torch.bool else mid.view(torch.uint8).view(torch.bool)
    return t.view(td)


def _signed_layout(a):
    """(shape, signed element strides, storage offset of the first element) of ``a``."""
    mem, flips = _pair(a)
    st = list(mem.stride())
    off = mem.storage_offset()
    for d in flips:
        off += (mem.shape[d] - 1) * st[d]
        st[d] = -st[d]
    return list(mem.shape), st, off


def _from_signed(a, mem, shape, strides, offset, readonly=None):
    """The view of ``a``'s storage with signed element ``strides`` from storage ``offset``."""
    flips, pos = [], []
    start = end = offset
    for d, (n, s) in enumerate(zip(shape, strides)):
        if s < 0 and n > 1:
            start += (n - 1) * s
            flips.append(d)
        elif n > 1:
            end += (n - 1) * s
        pos.append(-s if s < 0 else s)
    if 0 in shape:
        start = offset
    elif start < 0 or end >= mem.untyped_storage().nbytes() // mem.element_size():
        raise NotImplementedError("torchnp: a strided view (shape and strides) reaching outside "
                                  "the array's memory; torch cannot make one")
    return view(a, mem.as_strided(shape, pos, start), flips, readonly)


def as_strided(a, shape, strides, readonly=None):
    """NumPy's ``as_strided``: ``shape`` and byte ``strides`` (any sign) from ``a``'s first element."""
    mem, _ = _pair(a)
    es = mem.element_size()
    if any(s % es for s in strides):
        raise NotImplementedError("torchnp: as_strided with strides that are not a multiple of "
                                  "the itemsize (torch cannot view misaligned elements)")
    _, _, off = _signed_layout(a)
    return _from_signed(a, mem, list(shape), [s // es for s in strides], off, readonly)


def set_shape(a, shape):
    """Give ``a`` itself the resolved ``shape`` as a view of its memory (``a.shape = ...``).

    Returns False where that would need a copy.
    """
    r = reshape(a, shape)
    if r is None:
        return False
    if a._is_rev and r._is_rev:
        a._mem, a._flips = r._mem, r._flips
        return True
    if a._is_rev:  # the new shape runs forwards: the array stays a twin with no flips
        a._mem, a._flips = r.tensor, ()
        return True
    if r._is_rev:
        return False  # unreachable: a forwards array reshapes forwards
    a.tensor = r.tensor
    return True


# --- layout queries ---------------------------------------------------------------------
def strides(a):
    """NumPy's byte strides (negative along reversed axes)."""
    mem, flips = _pair(a)
    es = mem.element_size()
    return tuple((-s if d in flips else s) * es for d, s in enumerate(mem.stride()))


def layout(a):
    """(positive-stride tensor over ``a``'s memory, signed element strides, storage offset
    of ``a``'s first element): what ``__array_interface__``, ``shares_memory`` and
    ``nditer`` need to know of the memory, independent of how reversal is represented."""
    mem, _ = _pair(a)
    _, st, off = _signed_layout(a)
    return mem, tuple(st), off


def is_c_contiguous(a):
    """NumPy's C_CONTIGUOUS (strides of length-1 axes ignored)."""
    mem, flips = _pair(a)
    if mem.numel() == 0:  # NumPy: an empty array is both C and F contiguous
        return True
    if flips:
        return False
    expected = 1
    for n, s in zip(reversed(mem.shape), reversed(mem.stride())):
        if n != 1 and s != expected:
            return False
        expected *= n
    return True


def is_f_contiguous(a):
    """NumPy's F_CONTIGUOUS."""
    mem, flips = _pair(a)
    if mem.numel() == 0:  # NumPy: an empty array is both C and F contiguous
        return True
    if flips:
        return False
    expected = 1
    for n, s in zip(mem.shape, mem.stride()):
        if n != 1 and s != expected:
            return False
        expected *= n
    return True


# --- writes ------------------------------------------------------------------------------
def check_writeable(a):
    """NumPy's ValueError for a write into a read-only array."""
    ro = a._readonly
    if ro is not False and ro:
        raise ValueError("assignment destination is read-only" +
                         (f" ({ro})" if type(ro) is str else ""))


def _shape_str(s):
    s = tuple(s)
    return "(" + ",".join(str(d) for d in s) + ("," if len(s) == 1 else "") + ")"


def broadcast_value(v, shape, advanced=False):
    """``v`` broadcast to ``shape`` for a write (NumPy drops leading length-1 axes of ``v``)."""
    vs = tuple(v.shape)
    if vs == shape:
        return v
    while v.ndim > len(shape) and v.shape[0] == 1:
        v = v[0]
    try:
        return v.expand(shape)
    except RuntimeError:
        if advanced:
            raise ValueError(f"shape mismatch: value array of shape {_shape_str(vs)} could not be "
                             f"broadcast to indexing result of shape {_shape_str(shape)}") from None
        # NumPy names the value's shape with the leading length-1 axes it dropped
        raise ValueError(f"could not broadcast input array from shape {_shape_str(v.shape)} "
                         f"into shape {_shape_str(shape)}") from None


def write_tensor(target, v):
    """Write ``v`` (a Python scalar or a tensor of ``target``'s dtype and device) into the
    torch tensor ``target``, a view of a plain array's memory (basic-index fast paths)."""
    _write(target, (), v)


def _overlaps_itself(t):
    """Whether two elements of ``t`` share memory (from shape and strides alone)."""
    if t.is_contiguous() or t.numel() <= 1:
        return False
    # by increasing stride, each axis must step past everything the smaller ones reach
    # (a selection sort by plain comparisons: strides may be symbolic while dynamo traces)
    dims = [(s, n) for n, s in zip(t.shape, t.stride()) if n > 1]
    extent = 0
    while dims:
        k = 0
        for j in range(1, len(dims)):
            if dims[j][0] < dims[k][0]:
                k = j
        stride, n = dims.pop(k)
        if stride <= extent:
            return True
        extent += (n - 1) * stride
    return False


def _addresses(shape, strides, offset, device):
    """The storage index of every element of a strided layout (signed strides), as a tensor."""
    idx = torch.full((), offset, dtype=torch.int64, device=device)
    for n, st in zip(shape, strides):
        idx = idx.unsqueeze(-1) + torch.arange(n, device=device) * st
    return idx


def overlaps_itself(a):
    """Whether two elements of ``a`` share memory (``as_strided``, writeable windows)."""
    return _overlaps_itself(_pair(a)[0])


def addresses(a):
    """The storage index of each element of ``a`` (an int64 array of ``a``'s shape): writes
    into arrays whose elements share memory select their places with it."""
    mem, st, off = layout(a)
    return _addresses(mem.shape, st, off, mem.device)


def write_at(a, places, v):
    """Write ``v`` (a tensor, broadcast to ``places``' shape) at the storage indices
    ``places`` of ``a``'s memory, in C order, the last write to a place winning."""
    check_writeable(a)
    mem, st, off = layout(a)
    v = broadcast_value(v if isinstance(v, torch.Tensor) else
                        torch.full((), v, dtype=mem.dtype, device=mem.device), tuple(places.shape))
    top = off + sum(max(0, (n - 1) * s) for n, s in zip(mem.shape, st))
    _scatter_last(mem, places.reshape(-1), v.reshape(-1), top + 1)


def _write_sequential(target, v):
    """Write ``v`` (of ``target``'s shape) into a ``target`` whose elements share memory,
    as NumPy does: element by element in C order, the last write to a place winning."""
    idx = _addresses(target.shape, target.stride(), target.storage_offset(), target.device)
    top = target.storage_offset() + sum((n - 1) * s for n, s in zip(target.shape, target.stride()))
    _scatter_last(target, idx.reshape(-1), v.reshape(-1), top + 1)


def _scatter_last(mem, idx, vals, size):
    """``storage[idx] = vals`` through ``mem``'s storage (indices below ``size``), the
    last of repeated places winning."""
    if not idx.numel():
        return
    order = torch.arange(idx.numel(), device=mem.device)
    last = torch.full((size,), -1, dtype=torch.int64, device=mem.device)
    last.scatter_reduce_(0, idx, order, "amax")
    flat = mem.as_strided((size,), (1,), 0)
    # every write to a place carries the value of the last one: the result is the same
    # whichever duplicate torch happens to apply
    s = _SIGNED_TWIN.get(flat.dtype)
    vals = vals[last[idx]]
    if s is not None:
        flat, vals = flat.view(s), vals.view(s)
    flat.index_put_((idx,), vals)


def _write(target, flips, v):
    """Write ``v`` (a Python scalar, or a tensor of ``target``'s dtype and device) into
    ``target``, a positive-stride view of memory, reversed along ``flips``."""
    if _overlaps_itself(target):  # (as_strided, writeable sliding windows)
        if not isinstance(v, torch.Tensor):
            v = torch.full((), v, dtype=target.dtype, device=target.device)
        v = broadcast_value(v, tuple(target.shape))
        _write_sequential(target, flip_tensor(v, flips) if flips else v)
        return
    if not isinstance(v, torch.Tensor):
        target.fill_(v)
        return
    v = broadcast_value(v, tuple(target.shape))
    if flips:
        v = flip_tensor(v, flips)
    try:
        target.copy_(v)
    except RuntimeError:
        # v overlaps target in memory (``a[1:] = a[:-1]``): torch refuses, NumPy copies first
        target.copy_(v.clone())


def assign(a, value):
    """Write ``value`` into all of ``a``: a Python scalar, or a tensor already of ``a``'s
    dtype and device (``prepare_value`` in ``_indexing`` gives NumPy's setitem casting)."""
    check_writeable(a)
    mem, flips = _pair(a)
    _write(mem, flips, value)


def begin_write(a):
    """The tensor an in-place torch operation on ``a`` writes into; pair with ``end_write``.

    A plain array's own tensor (the memory); a reversed array's values, or those of
    an array whose elements share memory, as a fresh tensor that ``end_write``
    writes back.
    """
    check_writeable(a)
    t = a.tensor
    return t.clone() if not a._is_rev and _overlaps_itself(t) else t


def end_write(a, t):
    """Finish an in-place write begun with ``begin_write`` (``t`` is what it returned)."""
    if a._is_rev:
        _write(a._mem, a._flips, t)
    elif t is not a.tensor:
        _write(a.tensor, (), t)
