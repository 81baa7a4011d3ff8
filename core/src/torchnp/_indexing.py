"""Indexing of ndarrays: basic and advanced, reads and writes, flip views.

An array is described here by a positive-stride torch tensor ``p`` plus the set
of its axes that are logically reversed (``flips``): a plain ndarray has no
flips; a negative-step slice yields a ``_FlipView`` (see ``_ndarray``) holding
``p`` and ``flips``. Every key is applied to that pair:

* basic parts (ints, slices of any step, ``None``, ``...``) become positive
  torch slices of ``p`` plus an updated flip set, so results stay true views and
  writes through them reach the base;
* advanced parts (integer arrays, boolean masks; ints count as advanced when an
  array is present, as in NumPy) are placed by NumPy's rule: the broadcast index
  dimensions replace the indexed axes when those are adjacent, else go first.
  Torch treats ints differently (it selects them first), so the placement is
  done here with permute/movedim rather than left to torch.
"""
from __future__ import annotations

import builtins
import operator
import warnings

import torch

from . import _dtypes, _normalize
from .exceptions import ComplexWarning

__all__ = ["getitem", "setitem", "flip_view", "assign", "prepare_value"]

_FlipView = None  # set by _ndarray at import
_ndarray = None
_new = object.__new__
_SCALARS = _dtypes._SCALAR_BY_TORCH

_INDEX_ERR = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
              "integer or boolean arrays are valid indices")


# torch.flip has no uint16/32/64 kernel ("flip_cpu" not implemented for 'UInt16'):
# flip the same bytes viewed as the signed type of the same size
_FLIP_AS = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def flip(t, dims):
    """``torch.flip(t, dims)`` for every dtype torchnp stores (a fresh tensor)."""
    s = _FLIP_AS.get(t.dtype)
    if s is None:
        return torch.flip(t, dims)
    return torch.flip(t.view(s), dims).view(t.dtype)


def _uint_tensor(v, dtype, device):
    """A Python scalar (already range-checked by prepare_value) as a 0-d uint tensor."""
    if type(v) is builtins.int and v >= 2**63:
        return torch.tensor(v - 2**64, dtype=torch.int64, device=device).view(dtype)
    return torch.tensor(v, device=device).to(dtype)


# --- key parsing ----------------------------------------------------------------
def _comp(k, device):
    """Classify one key component: ('i', int) | ('s', slice) | ('n',) | ('e',) | ('a', t) | ('b', t)."""
    t = type(k)
    if t is int:
        return ("i", k)
    if t is slice:
        return ("s", k)
    if k is None:
        return ("n",)
    if k is Ellipsis:
        return ("e",)
    if t is builtins.bool:
        return ("b", torch.tensor(k, device=device))
    if isinstance(k, _dtypes.generic):
        tt = k.tensor
        if tt.dtype == torch.bool:
            return ("b", tt.to(device))
        if tt.is_floating_point() or tt.is_complex():
            raise IndexError(_INDEX_ERR)
        return ("i", builtins.int(tt.item()))
    if isinstance(k, (_ndarray, torch.Tensor, list, tuple)) or hasattr(k, "__array_interface__") \
            or hasattr(k, "__array__") or hasattr(k, "__dlpack__"):
        if t is list and len(k) == 0:
            return ("a", torch.zeros(0, dtype=torch.int64, device=device))
        is_array = isinstance(k, (_ndarray, torch.Tensor)) or hasattr(k, "shape")
        try:
            tt = _normalize.as_tensor(k)
        except (TypeError, ValueError, NotImplementedError):
            raise IndexError(_INDEX_ERR) from None
        if tt.dtype == torch.bool:
            return ("b", tt.to(device))
        if tt.is_floating_point() or tt.is_complex():
            raise IndexError(_INDEX_ERR if not is_array or tt.ndim == 0 else
                             "arrays used as indices must be of integer (or boolean) type")
        if tt.ndim == 0 and is_array:
            return ("i", builtins.int(tt.item()))  # NumPy: a 0-d integer array acts as an int
        return ("a", tt.to(device=device, dtype=torch.int64))
    try:
        return ("i", operator.index(k))
    except TypeError:
        raise IndexError(_INDEX_ERR) from None


def _parse(key, shape, device):
    """Key -> list of components with the Ellipsis expanded (one per consumed axis + newaxes)."""
    if type(key) is not tuple:
        key = (key,)
    comps = [_comp(k, device) for k in key]
    ndim = len(shape)
    count = 0
    n_ell = 0
    for c in comps:
        kind = c[0]
        if kind in "isa":
            count += 1
        elif kind == "b":
            count += c[1].ndim
        elif kind == "e":
            n_ell += 1
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if count > ndim:
        raise IndexError(f"too many indices for array: array is {ndim}-dimensional, "
                         f"but {count} were indexed")
    fill = [("s", slice(None))] * (ndim - count)
    if n_ell:
        i = next(j for j, c in enumerate(comps) if c[0] == "e")
        comps[i:i + 1] = fill
    else:
        comps.extend(fill)
    return comps, n_ell > 0


def _norm_int(i, n, axis):
    if i < -n or i >= n:
        raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
    return i + n if i < 0 else i


def _phys_slice(s, n, flipped):
    """A logical slice on an axis of length n -> (positive slice of p, reversed?)."""
    if s.step is not None and operator.index(s.step) == 0:
        raise ValueError("slice step cannot be zero")
    start, stop, step = s.indices(n)
    count = len(range(start, stop, step))
    if count == 0:
        return slice(0, 0), False
    if flipped:
        start, step = n - 1 - start, -step
    if step > 0:
        return slice(start, start + (count - 1) * step + 1, step), False
    last = start + (count - 1) * step
    return slice(last, start + 1, -step), True


# --- the engine ------------------------------------------------------------------------
class _Plan:
    __slots__ = ("p2", "flips", "adv", "adv_pos", "others", "b_shape", "adjacent")


def _plan(p, flips, key):
    """Apply the basic part of ``key`` to (p, flips); collect the advanced part."""
    comps, _ = _parse(key, p.shape, p.device)
    has_adv = any(c[0] in "ab" for c in comps)
    bk = []         # torch basic key on p
    out_flips = []  # dims of p2 reversed
    adv = []        # (p2 dim, index tensor)
    pdim = 0        # axis of p being consumed
    odim = 0        # axis of p2 being produced
    for c in comps:
        kind = c[0]
        if kind == "n":
            bk.append(None)
            odim += 1
        elif kind == "s":
            n = p.shape[pdim]
            s, rev = _phys_slice(c[1], n, pdim in flips)
            bk.append(s)
            if rev and len(range(*s.indices(n))) > 1:
                out_flips.append(odim)
            pdim += 1
            odim += 1
        elif kind == "i":
            n = p.shape[pdim]
            i = _norm_int(c[1], n, pdim)
            if pdim in flips:
                i = n - 1 - i
            if has_adv:
                bk.append(slice(None))
                adv.append((odim, torch.tensor(i, device=p.device)))
                odim += 1
            else:
                bk.append(i)
            pdim += 1
        else:  # advanced: an integer array ("a") or a boolean mask ("b")
            if kind == "a":
                idxs = (_check_bounds(c[1], p.shape[pdim], pdim),)
            else:
                m = c[1]
                if m.ndim == 0:
                    bk.append(None)
                    adv.append((odim, torch.zeros(1 if m else 0, dtype=torch.int64, device=p.device)))
                    odim += 1
                    continue
                for j, size in enumerate(m.shape):
                    if size != p.shape[pdim + j]:
                        raise IndexError(
                            f"boolean index did not match indexed array along axis {pdim + j}; size "
                            f"of axis is {p.shape[pdim + j]} but size of corresponding boolean axis is {size}")
                # a k-d mask indexes k axes: one index tensor each
                idxs = m.nonzero().unbind(1) if m.ndim > 1 else (m.nonzero().reshape(-1),)
            for idx in idxs:
                if pdim in flips:
                    idx = (p.shape[pdim] - 1) - idx
                bk.append(slice(None))
                adv.append((odim, idx))
                pdim += 1
                odim += 1
    plan = _Plan()
    plan.p2 = p[tuple(bk)] if bk else p
    plan.flips = out_flips
    plan.adv = adv
    if adv:
        tensors = [t for _, t in adv]
        try:
            b_shape = torch.broadcast_shapes(*(t.shape for t in tensors))
        except RuntimeError:
            shapes = " ".join(_shape_str(t.shape) for t in tensors)
            raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                             f"with shapes {shapes} ") from None
        plan.b_shape = tuple(b_shape)
        plan.adv_pos = [d for d, _ in adv]
        plan.others = [d for d in range(plan.p2.ndim) if d not in plan.adv_pos]
        pos = plan.adv_pos
        plan.adjacent = pos == list(range(pos[0], pos[0] + len(pos)))
    return plan


def _shape_str(s):
    s = tuple(s)
    return "(" + ",".join(str(d) for d in s) + ("," if len(s) == 1 else "") + ")"


def _check_bounds(idx, n, axis):
    if idx.numel():
        bad = (idx < -n) | (idx >= n)
        if bad.any():  # one sync; NumPy raises IndexError, torch on CUDA would device-assert
            raise IndexError(f"index {idx[bad].reshape(-1)[0].item()} is out of bounds for axis "
                             f"{axis} with size {n}")
    return torch.where(idx < 0, idx + n, idx)


def _adv_layout(plan):
    """(perm of p2, index tuple, nb, p0 or None) for the advanced stage."""
    idx = [t for _, t in plan.adv]
    if plan.b_shape == ():
        idx = [t.reshape(1) for t in idx]
    perm = plan.adv_pos + plan.others
    nb = len(plan.b_shape)
    p0 = plan.adv_pos[0] if plan.adjacent else 0
    return perm, tuple(idx), nb, p0


def _out_flips(plan, nb, p0):
    """Positions of the reversed basic dims in the advanced result."""
    out = []
    for j, d in enumerate(plan.others):
        if d in plan.flips:
            out.append(j if (plan.adjacent and d < p0) else nb + j)
    return out


def _advanced_get(plan):
    perm, idx, nb, p0 = _adv_layout(plan)
    r = plan.p2.permute(*perm)[idx]
    if plan.b_shape == ():
        r = r.squeeze(0)
    if plan.adjacent and p0 and nb:
        r = r.movedim(tuple(range(nb)), tuple(range(p0, p0 + nb)))
    fl = _out_flips(plan, nb, p0)
    return flip(r, fl) if fl else r


def _result_shape(plan):
    perm, _, nb, p0 = _adv_layout(plan)
    rest = [plan.p2.shape[d] for d in plan.others]
    if plan.adjacent:
        k = sum(1 for d in plan.others if d < p0)
        return tuple(rest[:k]) + plan.b_shape + tuple(rest[k:])
    return plan.b_shape + tuple(rest)


def _advanced_set(plan, v):
    perm, idx, nb, p0 = _adv_layout(plan)
    shape = _result_shape(plan)
    if isinstance(v, torch.Tensor):
        v = _broadcast_value(v, shape, advanced=True)
        fl = _out_flips(plan, nb, p0)
        if fl:
            v = flip(v, fl)
        if plan.adjacent and p0 and nb:
            v = v.movedim(tuple(range(p0, p0 + nb)), tuple(range(nb)))
        if plan.b_shape == ():
            v = v.unsqueeze(0)
    target = plan.p2.permute(*perm)
    s = _FLIP_AS.get(target.dtype)
    if s is not None:  # no index_put kernel for uint16/32/64: write the same bytes as signed
        if not isinstance(v, torch.Tensor):
            v = _uint_tensor(v, target.dtype, target.device)
        target, v = target.view(s), v.view(s)
    target[idx] = v


# --- values ------------------------------------------------------------------------------
def prepare_value(value, dtype, device):
    """A value to store into an array of torch ``dtype``: NumPy's (unsafe) setitem casting.

    Returns a Python scalar (stored with ``fill_``) or a tensor of ``dtype`` on ``device``.
    """
    t = type(value)
    if t is builtins.float or t is builtins.int or t is builtins.bool:
        if dtype == torch.bool:
            return builtins.bool(value)
        if t is builtins.int and not (dtype.is_floating_point or dtype.is_complex):
            info = torch.iinfo(dtype)
            if not info.min <= value <= info.max:
                raise OverflowError(f"Python integer {value} out of bounds for "
                                    f"{_dtypes.from_torch(dtype).name}")
        if t is builtins.float and not (dtype.is_floating_point or dtype.is_complex) \
                and (value != value or value in (float("inf"), float("-inf"))):
            return torch.tensor(value).to(dtype)  # NumPy: undefined cast result
        return value
    if t is builtins.complex:
        if dtype == torch.bool:
            return builtins.bool(value)
        if not dtype.is_complex:
            raise TypeError("float() argument must be a string or a real number, not 'complex'"
                            if dtype.is_floating_point else
                            "int() argument must be a string, a bytes-like object or a real "
                            "number, not 'complex'")
        return value
    v = _normalize.as_tensor(value)
    if v.is_complex() and not dtype.is_complex:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=4)
        v = v.real
    if v.dtype != dtype or v.device != device:
        v = v.to(device=device, dtype=dtype)
    return v


def _broadcast_value(v, shape, advanced=False):
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
        raise ValueError(f"could not broadcast input array from shape {_shape_str(vs)} into "
                         f"shape {_shape_str(shape)}") from None


def _write(target, flips, v):
    """Write a prepared value into the positive-stride view ``target`` reversed along ``flips``."""
    if not isinstance(v, torch.Tensor):
        target.fill_(v)
        return
    v = _broadcast_value(v, tuple(target.shape))
    if flips:
        v = flip(v, flips)
    elif v.untyped_storage().data_ptr() == target.untyped_storage().data_ptr() and target.numel():
        v = v.clone()  # overlapping source and destination: NumPy copies first
    target.copy_(v)


# --- public entry points ---------------------------------------------------------------------
def _is_basic_fast(key):
    """Keys torch indexes exactly as NumPy does: ints, positive-step slices, None, Ellipsis."""
    t = type(key)
    if t is int or key is None or key is Ellipsis:
        return True
    if t is slice:
        return key.step is None or (type(key.step) is int and key.step > 0)
    if t is tuple:
        ell = False
        for k in key:
            tk = type(k)
            if k is Ellipsis:
                if ell:
                    return False
                ell = True
                continue
            if tk is int or k is None:
                continue
            if tk is slice and (k.step is None or (type(k.step) is int and k.step > 0)):
                continue
            return False
        return True
    return False


def _pair(a):
    if type(a) is _ndarray:
        return a.tensor, ()
    return a._p, a._flips


def _new_view(a, t, flips):
    b = getattr(a, "_base", None)
    root = a if b is None else b
    if flips:
        r = _FlipView._make(t, tuple(flips), root)
    else:
        r = _new(_ndarray)
        r.tensor = t
        r._base = root
    r._readonly = getattr(a, "_readonly", False)
    return r


def _plain_view(a, r):
    """``r``, a torch view of the plain ndarray ``a``'s memory, as an ndarray view of ``a``."""
    try:
        v = _new(_ndarray)
        b = a._base
        v._readonly = a._readonly
    except AttributeError:  # made by a plugin without the slots
        return _new_view(a, r, ())
    v.tensor = r
    v._base = a if b is None else b
    return v


# 0-d int64 CPU tensors for ``torch.take`` (``a[i]`` on a 1-D CPU array): one op
# that both selects and copies, where ``t[i].clone()`` is two
_TAKE_INDEX: dict = {}


def _take_index(i):
    r = _TAKE_INDEX.get(i)
    if r is None:
        r = torch.tensor(i, dtype=torch.int64, device="cpu")
        if -1024 <= i < 1024:
            _TAKE_INDEX[i] = r
    return r


_SIMPLE_INDEX_DTYPES = frozenset({torch.int64, torch.int32, torch.bool})


def _single_index_tensor(key, tk):
    """The tensor of a key that is one integer or boolean array (list, ndarray, tensor), else None."""
    if tk is _ndarray:
        idx = key.tensor
    elif tk is torch.Tensor:
        idx = key
    elif tk is list:
        try:
            idx = torch.tensor(key)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            return None
    else:
        return None
    if idx.ndim and idx.dtype in _SIMPLE_INDEX_DTYPES:
        return idx
    return None


def getitem(a, key, /):
    """``a[key]`` with NumPy's semantics (``ndarray.__getitem__``)."""
    if type(a) is _ndarray:
        # fast paths where torch indexes exactly as NumPy does; anything torch
        # rejects is retried on the general path, which raises NumPy's error
        t = a.tensor
        tk = type(key)
        if tk is int:
            if t.ndim == 1:
                # a scalar: must be a copy (it must not see later writes to ``a``)
                n = t.shape[0]
                if -n <= key < n:
                    r = None
                    if t.is_cpu:
                        try:
                            r = t.take(_take_index(key))
                        except RuntimeError:  # no take kernel (uint16/32/64)
                            pass
                    if r is None:
                        r = t[key].clone()
                    s = _new(_SCALARS[r.dtype])
                    s.tensor = r
                    return s
            elif t.ndim > 1:
                try:
                    r = t[key]
                except IndexError:  # the general path raises NumPy's error
                    pass
                else:
                    return _plain_view(a, r)
        elif tk is slice:
            step = key.step
            if step is None or (type(step) is int and step > 0):
                return _plain_view(a, t[key])
        elif t.is_cpu:
            idx = _single_index_tensor(key, tk)
            if idx is not None and idx.is_cpu and t.ndim:
                # one integer array or mask: torch's result is NumPy's; on the CPU
                # torch raises IndexError for out-of-bounds indices itself, so no
                # separate check (on CUDA it would device-assert: general path)
                try:
                    r = t[idx]
                except (IndexError, RuntimeError):
                    pass
                else:
                    o = _new(_ndarray)
                    o.tensor = r
                    o._base = None
                    o._readonly = False
                    return o
        if _is_basic_fast(key):
            try:
                r = t[key]
            except IndexError:
                _plan(t, (), key)  # raises NumPy's IndexError
                raise
            if r.ndim == 0 and not _has_ellipsis(key):
                return _normalize.wrap_scalar(r.clone())  # a scalar must not see later writes
            return _new_view(a, r, ())
    p, flips = _pair(a)
    plan = _plan(p, flips, key)
    if plan.adv:
        r = _advanced_get(plan)
        if r.ndim == 0 and not _has_ellipsis(key):
            return _normalize.wrap_scalar(r)
        return _normalize.wrap(r)
    r = plan.p2
    if r.ndim == 0 and not _has_ellipsis(key):
        return _normalize.wrap_scalar(r.clone())
    return _new_view(a, r, plan.flips)


def _has_ellipsis(key):
    return key is Ellipsis or (type(key) is tuple and any(k is Ellipsis for k in key))


def _check_writeable(a):
    ro = getattr(a, "_readonly", False)
    if ro is not False and ro:
        raise ValueError("assignment destination is read-only" +
                         (f" ({ro})" if isinstance(ro, str) else ""))


def setitem(a, key, value, /):
    """``a[key] = value`` with NumPy's semantics (``ndarray.__setitem__``)."""
    _check_writeable(a)
    p, flips = _pair(a)
    v = prepare_value(value, p.dtype, p.device)
    if not flips and p.is_cpu:
        tk = type(key)
        if tk is not int and tk is not slice and tk is not tuple:
            idx = _single_index_tensor(key, tk)
            if idx is not None and idx.is_cpu and p.ndim and idx.numel():
                # torch's index_put_ on the CPU checks bounds while writing, so an
                # out-of-bounds index would leave a partial write: check first
                if idx.dtype is not torch.bool:
                    n = p.shape[0]
                    if idx.numel() <= 32:  # a few indices: reading them beats a reduction
                        vals = idx.reshape(-1).tolist()
                        ok = min(vals) >= -n and max(vals) < n
                    else:
                        lo, hi = torch.aminmax(idx)
                        ok = lo.item() >= -n and hi.item() < n
                else:
                    ok = True
                if ok:
                    try:
                        p[idx] = v
                        return
                    except (IndexError, RuntimeError, ValueError):
                        pass  # the general path raises NumPy's error (or handles uint64)
    if not flips and _is_basic_fast(key):
        try:
            target = p[key]
        except IndexError:
            _plan(p, (), key)
            raise
        _write(target, (), v)
        return
    plan = _plan(p, flips, key)
    if plan.adv:
        _advanced_set(plan, v)
    else:
        _write(plan.p2, plan.flips, v)


def assign(a, value):
    """Write ``value`` into all of ``a`` (the body of ``ndarray._assign`` with no key)."""
    _check_writeable(a)
    p, flips = _pair(a)
    _write(p, list(flips), prepare_value(value, p.dtype, p.device))


def flip_view(arr, axes=None):
    """A view of ``arr`` reversed along ``axes`` (all by default) that writes through.

    Torch tensors cannot have negative strides, so this returns a ``_FlipView``:
    reads flip a positive-stride view of the same memory, writes are flipped back
    into it. Plugins use it for ``flip``/``fliplr``/``flipud``/``rot90`` views.
    """
    from .exceptions import normalize_axis_tuple
    p, flips = _pair(arr)
    nd = p.ndim
    axes = tuple(range(nd)) if axes is None else normalize_axis_tuple(axes, nd)
    new = set(flips) ^ set(axes)
    new = [d for d in sorted(new) if p.shape[d] > 1]
    if p.numel() == 0:
        new = []
    return _new_view(arr, p, new) if (new or flips) else _new_view(arr, p.view(p.shape), ())


def flip_reshape(p, flips, shape):
    """C-order reshape of the flipped array (p, flips) as a view: (p2, flips2), or None.

    NumPy can view when every group of old axes merged or split into new axes has
    strides of one sign; in flip terms: each group is all reversed or all not.
    """
    old = [(d, n) for d, n in enumerate(p.shape) if n != 1]
    new = [(d, n) for d, n in enumerate(shape) if n != 1]
    if p.numel() == 0:
        return None
    flips2 = []
    i = j = 0
    while i < len(old) and j < len(new):
        go, gn = [old[i]], [new[j]]
        po, pn = old[i][1], new[j][1]
        i += 1
        j += 1
        while po != pn:
            if po < pn:
                go.append(old[i])
                po *= old[i][1]
                i += 1
            else:
                gn.append(new[j])
                pn *= new[j][1]
                j += 1
        states = {d in flips for d, _ in go}
        if len(states) != 1:
            return None
        if states.pop():
            flips2.extend(d for d, _ in gn)
    try:
        return p.view(shape), flips2
    except RuntimeError:
        return None
