"""Iterating over arrays: ``nditer`` (a useful subset) and ``nested_iters``.

Torch-only. The iterator never copies an operand it can view: each operand
becomes a tensor view laid out in iteration order (axes permuted, broadcast
axes with stride 0), and every yielded 0-d array or 1-D chunk is a view of it,
so writes through ``readwrite``/``writeonly`` operands reach the arrays. An
operand that needs a copy (a cast to ``op_dtypes``, or memory reversed against
the iteration direction) is copied once and written back when the iteration
ends or the iterator is closed.

Operands that are torchnp arrays are read through the core's view model
(``_views.layout``: their memory and signed strides), so reversed views are
iterated and written in place like any other.
"""
from __future__ import annotations

import math

import torch

from torchnp import _dtypes, _views
from torchnp._normalize import as_tensor, wrap

__all__ = ["nditer", "nested_iters"]

_GLOBAL_FLAGS = frozenset({
    "multi_index", "c_index", "f_index", "external_loop", "buffered", "grow_inner",
    "refs_ok", "zerosize_ok", "reduce_ok", "common_dtype", "delay_bufalloc",
    "copy_if_overlap", "ranged",
})
_GLOBAL_UNSUPPORTED = frozenset({"delay_bufalloc", "ranged"})
_OP_FLAGS = frozenset({
    "readonly", "readwrite", "writeonly", "allocate", "copy", "updateifcopy", "no_broadcast",
    "nbo", "aligned", "contig", "no_subtype", "arraymask", "writemasked", "virtual",
    "overlap_assume_elementwise",
})
_OP_UNSUPPORTED = frozenset({"arraymask", "writemasked", "virtual"})
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def _shape_text(shape):
    return "(" + ",".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _is_array(o):
    return isinstance(getattr(o, "tensor", None), torch.Tensor) and not isinstance(o, _dtypes.generic)


class _Operand:
    """One operand: the user's object, its physical tensor and the iteration view."""

    __slots__ = ("orig", "phys", "flips", "flags", "write", "dtype", "view", "writeback",
                 "public", "rev", "istrides")


def _parse_op_flags(op_flags, nop, ops):
    if op_flags is None:
        per = [["allocate", "writeonly"] if o is None else ["readonly"] for o in ops]
    elif len(op_flags) and all(isinstance(f, str) for f in op_flags):
        per = [list(op_flags)] * nop
    else:
        per = [list(f) for f in op_flags]
        if len(per) != nop:
            raise ValueError("op_flags must be a tuple/list matching the number of ops")
    out = []
    for fl in per:
        for f in fl:
            if f not in _OP_FLAGS:
                raise ValueError(f'Unexpected per-op iterator flag "{f}"')
            if f in _OP_UNSUPPORTED:
                raise NotImplementedError(f"torchnp.nditer: per-op flag {f!r} is not supported")
        if sum(f in fl for f in ("readonly", "readwrite", "writeonly")) > 1:
            raise ValueError("Only one of the iterator flags READWRITE, READONLY, and WRITEONLY "
                             "may be specified for an operand")
        out.append(frozenset(fl))
    return out


class nditer:
    """A multi-operand iterator with broadcasting. Mirrors ``numpy.nditer`` (a subset).

    Supported: several operands with broadcasting, ``allocate`` for ``None``
    operands, flags ``multi_index``, ``c_index``, ``f_index``,
    ``external_loop``, ``buffered``, ``zerosize_ok``, ``reduce_ok``,
    ``common_dtype`` (and the no-op ``refs_ok``, ``grow_inner``,
    ``copy_if_overlap``), op_flags ``readonly``/``readwrite``/``writeonly``
    with writes reaching the operands, ``order``, ``op_dtypes`` with
    ``casting``, the context-manager protocol, ``multi_index``, ``index``,
    ``iterindex``, ``itersize``, ``operands``, ``value``. ``op_axes``,
    ``itershape`` and the flags listed in NotImplementedError messages are not.

    Differences from NumPy: an operand that must be copied (a cast, or a view
    reversed against the iteration order) is written back when the iteration
    ends or on ``close()``, not buffer by buffer; the chunk sizes of
    ``external_loop`` may differ (NumPy does not fix them either).
    """

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", op_axes=None, itershape=None, buffersize=0):
        if op_axes is not None:
            raise NotImplementedError("torchnp.nditer: op_axes is not supported")
        if itershape is not None:
            raise NotImplementedError("torchnp.nditer: itershape is not supported")
        if order not in ("C", "F", "A", "K"):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
        if casting not in _CASTINGS:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                             f"'unsafe' (got {casting!r})")
        gflags = frozenset(flags or ())
        for f in gflags:
            if f not in _GLOBAL_FLAGS:
                raise ValueError(f'Unexpected iterator global flag "{f}"')
            if f in _GLOBAL_UNSUPPORTED:
                raise NotImplementedError(f"torchnp.nditer: flag {f!r} is not supported")
        if "c_index" in gflags and "f_index" in gflags:
            raise ValueError("Iterator flags C_INDEX and F_INDEX cannot both be specified")
        self._multi = "multi_index" in gflags
        self._index_kind = "C" if "c_index" in gflags else "F" if "f_index" in gflags else None
        self._external = "external_loop" in gflags
        if self._external and (self._multi or self._index_kind):
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                             "multi-index is being tracked")
        buffered = self._buffered = "buffered" in gflags
        self._buffersize = int(buffersize) if buffersize else 8192
        if self._buffersize <= 0:
            raise ValueError("buffersize must be positive")

        ops = list(op) if isinstance(op, (list, tuple)) else [op]
        nop = len(ops)
        if nop == 0:
            raise ValueError("Must provide at least one operand")
        oflags = _parse_op_flags(op_flags, nop, ops)
        if op_dtypes is None:
            want = [None] * nop
        elif isinstance(op_dtypes, (list, tuple)):
            if len(op_dtypes) != nop:
                raise ValueError("op_dtypes must be a tuple/list matching the number of ops")
            want = [None if d is None else _dtypes.to_torch_dtype(d) for d in op_dtypes]
        else:
            want = [_dtypes.to_torch_dtype(op_dtypes)] * nop

        operands = []
        for i, (o, fl) in enumerate(zip(ops, oflags)):
            rec = _Operand()
            rec.orig, rec.flags = o, fl
            rec.write = "readwrite" in fl or "writeonly" in fl
            rec.writeback = False
            rec.public = None
            if o is None:
                if "allocate" not in fl:
                    raise ValueError("Iterator operand was NULL, but neither the ALLOCATE nor "
                                     "the VIRTUAL flag was specified")
                if not rec.write:
                    raise ValueError("Iterator operand was NULL, but the ALLOCATE flag was "
                                     "specified without a write flag")
                rec.phys, rec.flips = None, ()
            elif _is_array(o):
                # the memory, and the axes along which the array runs backwards through it
                mem, strides, _ = _views.layout(o)
                rec.phys, rec.flips = mem, tuple(d for d, s in enumerate(strides) if s < 0)
                if rec.write and getattr(o, "_readonly", False):
                    raise ValueError("operand array with iterator write flag set is read-only")
            else:
                if rec.write:
                    raise TypeError("Iterator operand is flagged as writeable, but is an object "
                                    "which cannot be written back to via WRITEBACKIFCOPY")
                rec.phys, rec.flips = as_tensor(o), ()
            operands.append(rec)

        # the broadcast shape of the given operands
        given = [r for r in operands if r.phys is not None]
        if not given:
            raise ValueError("At least one iterator operand must be non-NULL")
        shapes = [tuple(r.phys.shape) for r in given]
        try:
            shape = tuple(torch.broadcast_shapes(*shapes))
        except RuntimeError:
            raise ValueError("operands could not be broadcast together with shapes "
                             + " ".join(_shape_text(s) for s in shapes) + " ") from None
        nd = len(shape)
        reduce_ok = "reduce_ok" in gflags
        for r in given:
            if r.write and tuple(r.phys.shape) != shape:
                extra = nd - r.phys.ndim
                full = (1,) * extra + tuple(r.phys.shape)
                bad = [d for d in range(nd) if full[d] != shape[d]]
                if not reduce_ok:
                    d = bad[0] if bad else 0
                    raise ValueError(f"output operand requires a reduction along dimension {d}, "
                                     "but the reduction is not enabled. The dimension size of "
                                     f"{full[d]} does not match the expected output shape.")
                if "readwrite" not in r.flags:
                    raise ValueError("output operand requires a reduction, but is flagged as "
                                     "write-only, not read-write")
            if "no_broadcast" in r.flags and tuple(r.phys.shape) != shape:
                raise ValueError(f"non-broadcastable operand with shape {_shape_text(r.phys.shape)} "
                                 f"doesn't match the broadcast shape {_shape_text(shape)}")

        # dtypes: requested, common, or the operand's own
        if "common_dtype" in gflags:
            common = _dtypes.result_type_torch(*[r.phys for r in given])
            want = [common if w is None else w for w in want]
        alloc_dtype = _dtypes.result_type_torch(*[r.phys for r in given]) if len(given) > 1 \
            else given[0].phys.dtype
        copies_ok = buffered
        for i, (r, w) in enumerate(zip(operands, want)):
            if r.phys is None:
                r.dtype = w if w is not None else alloc_dtype
                continue
            src = r.phys.dtype
            r.dtype = src if w is None else w
            if r.dtype == src:
                continue
            if not (copies_ok or "copy" in r.flags or "updateifcopy" in r.flags):
                raise TypeError("Iterator operand required copying or buffering, but neither "
                                "copying nor buffering was enabled")
            reads = "writeonly" not in r.flags
            if (reads and not _dtypes.can_cast_torch(src, r.dtype, casting)) or \
                    (r.write and not _dtypes.can_cast_torch(r.dtype, src, casting)):
                a, b = (src, r.dtype) if reads and not _dtypes.can_cast_torch(src, r.dtype, casting) \
                    else (r.dtype, src)
                raise TypeError(f"Iterator operand {i} dtype could not be cast from "
                                f"dtype('{_dtypes.from_torch(a).name}') to "
                                f"dtype('{_dtypes.from_torch(b).name}') according to the rule "
                                f"'{casting}'")

        # logical strides (negative on reversed axes, 0 on broadcast axes), per operand
        def logical_strides(r):
            t = r.phys
            extra = nd - t.ndim
            st = [0] * extra
            for d, (n, s) in enumerate(zip(t.shape, t.stride())):
                st.append(0 if n == 1 and shape[extra + d] != 1 else (-s if d in r.flips else s))
            return st

        strides = [logical_strides(r) for r in given]
        for r in operands:
            r.istrides = logical_strides(r) if r.phys is not None else None
        perm, flip = self._iteration_order(order, shape, strides)
        self._shape, self._perm, self._flip = shape, perm, flip
        ishape = [shape[d] for d in perm]
        self._ishape = ishape

        inv = _inverse(perm)
        for r in operands:
            if r.phys is None:  # allocate in iteration order, as NumPy's K layout does
                buf = torch.empty(ishape, dtype=r.dtype, device=given[0].phys.device)
                r.phys = buf.permute(*inv) if nd else buf
                r.public = wrap(r.phys)
            if r.istrides is not None:  # memory steps per iteration axis (negative: reversed)
                r.istrides = [-r.istrides[d] if d in flip else r.istrides[d] for d in perm]
            t = r.phys
            extra = nd - t.ndim
            t = t.reshape((1,) * extra + tuple(t.shape)).expand(shape)
            # axes whose memory runs against the iteration direction need a reversed copy
            rev = [d for d in range(nd) if ((d - extra) in r.flips) != (d in flip) and shape[d] > 1]
            r.rev = tuple(rev)
            if r.dtype != t.dtype or rev:
                if rev and r.write and extra + r.phys.ndim != nd:
                    raise NotImplementedError("torchnp.nditer: a broadcast, reversed write "
                                              "operand is not supported")
                t = (t.flip(rev) if rev else t).to(r.dtype, copy=True)
                r.writeback = r.write
            r.view = t.permute(*perm) if nd else t
            if r.writeback or rev or r.dtype != r.phys.dtype:
                r.view = r.view.contiguous()  # any coalescing the original allows is valid here
        self._ops = operands
        self._nop = nop
        self._closed = False
        self._itersize = math.prod(shape)
        if self._itersize == 0 and "zerosize_ok" not in gflags:
            raise ValueError("Iteration of zero-sized operands is not enabled")
        self._setup_chunks()
        self._pos = 0
        self._started = False

    # --- layout -----------------------------------------------------------
    @staticmethod
    def _iteration_order(order, shape, strides):
        nd = len(shape)
        if order == "C" or nd < 2:
            perm = list(range(nd))
        elif order == "F":
            perm = list(reversed(range(nd)))
        elif order == "A":
            perm = list(reversed(range(nd))) if all(_f_contig(shape, s) for s in strides) and \
                not all(_c_contig(shape, s) for s in strides) else list(range(nd))
        else:
            # insertion sort from C order: an axis moves outside every axis it has larger
            # memory steps than; axes no operand can rank (length 1, equal or zero
            # steps) are stepped over, and a disagreement between operands stops it
            perm = []
            for d in range(nd):
                pos = j = len(perm)
                while j > 0:
                    j -= 1
                    v = _outer_than(d, perm[j], shape, strides)
                    if v is False:
                        break
                    if v:
                        pos = j
                perm.insert(pos, d)
        flip = set()
        if order == "K":
            for d in range(nd):
                sd = [s[d] for s in strides if s[d] != 0]
                if sd and all(x < 0 for x in sd):
                    flip.add(d)
        return perm, frozenset(flip)

    def _setup_chunks(self):
        """Coalesce iteration axes whose memory is contiguous in every operand."""
        views = [r.view for r in self._ops]
        dims = [k for k, n in enumerate(self._ishape) if n != 1]
        if not dims and self._ishape:  # all axes of length 1: NumPy keeps one
            dims = [len(self._ishape) - 1]
        cshape, cstrides, last = [], [[] for _ in views], None
        for k in dims:
            n = self._ishape[k]
            if cshape and not self._multi and not self._index_kind and all(
                    r.istrides is None or r.istrides[last] == r.istrides[k] * n for r in self._ops):
                cshape[-1] *= n
                for st, v in zip(cstrides, views):
                    st[-1] = v.stride(k)
                last = k
            else:
                cshape.append(n)
                last = k
                for st, v in zip(cstrides, views):
                    st.append(v.stride(k))
        self._cshape = cshape
        # without a multi-index NumPy reports its internal axes, innermost first
        self._reported_shape = tuple(reversed(cshape))
        if self._external:
            self._cviews = [v.as_strided(cshape, st, v.storage_offset())
                            for v, st in zip(views, cstrides)]
            inner = cshape[-1] if cshape else 1
            step = min(inner, self._buffersize) if self._buffered else inner
            self._step = max(step, 1)
            self._per_row = -(-inner // self._step) if inner else 0
            self._nchunks = (math.prod(cshape[:-1]) if cshape else 1) * self._per_row

    # --- state ------------------------------------------------------------
    def _check_open(self):
        if self._closed:
            raise ValueError("Iterator is past the end")

    @property
    def finished(self):
        self._check_open()
        return self._pos >= (self._nchunks if self._external else self._itersize)

    def _coords(self, pos):
        out = []
        for n in reversed(self._ishape):
            pos, c = divmod(pos, n)
            out.append(c)
        return tuple(reversed(out))

    def _element(self, i):
        if self._external:
            row, j = divmod(self._pos, self._per_row)
            outer = []
            for n in reversed(self._cshape[:-1]):
                row, c = divmod(row, n)
                outer.append(c)
            start = j * self._step
            v = self._cviews[i]
            if not self._cshape:
                t = v.reshape(1)
            else:
                t = v[tuple(reversed(outer))][start:start + self._step]
        else:
            t = self._ops[i].view[self._coords(self._pos)]
        a = wrap(t)
        if not self._ops[i].write:
            a._readonly = True
        return a

    @property
    def value(self):
        """The current element(s): a 0-d array (a 1-D chunk with external_loop), a tuple for several operands."""
        if self.finished:
            raise ValueError("Iterator is past the end")
        if self._nop == 1:
            return self._element(0)
        return tuple(self._element(i) for i in range(self._nop))

    def __getitem__(self, i):
        if self.finished:
            raise ValueError("Iterator is past the end")
        if isinstance(i, slice):
            return tuple(self._element(k) for k in range(self._nop)[i])
        return self._element(range(self._nop)[i])

    def __setitem__(self, i, value):
        self[i][...] = value

    def __iter__(self):
        return self

    def __next__(self):
        self._check_open()
        if self._started:
            self._pos += 1
        else:
            self._started = True
        if self.finished:
            self._write_back()
            raise StopIteration
        return self.value

    def iternext(self):
        """Advance one step; False once the iteration is over. Mirrors ``nditer.iternext``."""
        self._check_open()
        self._started = True
        self._pos += 1
        if self.finished:
            self._write_back()
            return False
        return True

    def reset(self):
        """Go back to the first element."""
        self._check_open()
        self._pos = 0
        self._started = False

    def __len__(self):  # the operand count: nditer is a sequence of its current values
        return self._nop

    @property
    def itersize(self):
        return self._itersize

    @property
    def iterindex(self):
        self._check_open()
        if self._external:
            row, j = divmod(self._pos, self._per_row) if self._per_row else (0, 0)
            inner = self._cshape[-1] if self._cshape else 1
            return min(row * inner + j * self._step, self._itersize)
        return self._pos

    @iterindex.setter
    def iterindex(self, value):
        if self._external:
            raise NotImplementedError("torchnp.nditer: setting iterindex with external_loop")
        if not 0 <= value < self._itersize:
            raise ValueError("Iterator iterindex out of bounds")
        self._pos = int(value)
        self._started = True

    @property
    def iterrange(self):
        return (0, self._itersize)

    def _logical(self):
        c = self._coords(self._pos)
        out = [0] * len(self._shape)
        for k, d in enumerate(self._perm):
            out[d] = self._shape[d] - 1 - c[k] if d in self._flip else c[k]
        return tuple(out)

    @property
    def multi_index(self):
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        if self.finished:
            raise ValueError("Iterator is past the end")
        return self._logical()

    @multi_index.setter
    def multi_index(self, value):
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        value = tuple(int(v) for v in value)
        if len(value) != len(self._shape) or any(not 0 <= v < n for v, n in zip(value, self._shape)):
            raise IndexError("Iterator requested a multi-index out of bounds")
        pos = 0
        for k, d in enumerate(self._perm):
            c = self._shape[d] - 1 - value[d] if d in self._flip else value[d]
            pos = pos * self._ishape[k] + c
        self._pos = pos
        self._started = True

    @property
    def index(self):
        if self._index_kind is None:
            raise ValueError("Iterator does not have an index")
        if self.finished:
            raise ValueError("Iterator is past the end")
        idx, shape = self._logical(), self._shape
        if self._index_kind == "F":
            idx, shape = idx[::-1], shape[::-1]
        flat = 0
        for c, n in zip(idx, shape):
            flat = flat * n + c
        return flat

    @property
    def has_index(self):
        return self._index_kind is not None

    @property
    def has_multi_index(self):
        return self._multi

    @property
    def has_delayed_bufalloc(self):
        return False

    @property
    def iterationneedsapi(self):
        return False

    @property
    def shape(self):
        if self._multi:
            return self._shape
        return self._reported_shape

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def nop(self):
        return self._nop

    @property
    def dtypes(self):
        return tuple(_dtypes.from_torch(r.dtype) for r in self._ops)

    @property
    def operands(self):
        """The operands: the given arrays themselves, allocated outputs as new arrays."""
        self._check_open()
        out = []
        for r in self._ops:
            if r.public is None:
                r.public = r.orig if _is_array(r.orig) else wrap(r.phys)
            out.append(r.public)
        return tuple(out)

    def remove_multi_index(self):
        """Stop tracking the multi-index (lets axes coalesce)."""
        self._multi = False
        self._setup_chunks()

    def enable_external_loop(self):
        """Switch to yielding 1-D chunks."""
        if self._multi or self._index_kind:
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                             "multi-index is being tracked")
        self._external = True
        self._setup_chunks()
        self.reset()

    def remove_axis(self, i, /):
        raise NotImplementedError("torchnp.nditer.remove_axis is not supported")

    def copy(self):
        raise NotImplementedError("torchnp.nditer.copy is not supported")

    def debug_print(self):
        raise NotImplementedError("torchnp.nditer.debug_print is not supported")

    @property
    def itviews(self):
        raise NotImplementedError("torchnp.nditer.itviews is not supported")

    # --- write-back and the context manager ---------------------------------
    def _write_back(self):
        """Copy operands that were iterated through a copy back into their memory."""
        for r in self._ops:
            if not r.writeback:
                continue
            t = r.view.permute(*_inverse(self._perm)) if self._perm else r.view
            if r.rev:
                t = t.flip(list(r.rev))
            if t.is_complex() and not r.phys.is_complex():
                t = t.real  # NumPy's unsafe complex -> real cast drops the imaginary part
            r.phys.copy_(t.reshape(r.phys.shape))

    def close(self):
        """Write back copied operands and release them. Mirrors ``nditer.close``."""
        if not self._closed:
            self._write_back()
            self._closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


def _inverse(perm):
    inv = [0] * len(perm)
    for k, d in enumerate(perm):
        inv[d] = k
    return inv


def _c_contig(shape, st):
    expected = 1
    for n, s in zip(reversed(shape), reversed(st)):
        if n == 1:
            continue
        if s != expected:
            return False
        expected *= n
    return True


def _f_contig(shape, st):
    return _c_contig(shape[::-1], st[::-1])


def _outer_than(a, b, shape, strides):
    """K order: whether axis ``a`` goes outside axis ``b`` (True/False), or None if nothing ranks them."""
    if shape[a] == 1 or shape[b] == 1:
        return None
    verdict = None
    for st in strides:
        sa, sb = abs(st[a]), abs(st[b])
        if sa == 0 or sb == 0 or sa == sb:
            continue
        v = sa > sb
        if verdict is None:
            verdict = v
        elif verdict != v:
            return False  # operands disagree: keep C order
    return verdict


def nested_iters(op, axes, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", buffersize=0):
    """Not available: linked iterators over axis subsets. Mirrors ``numpy.nested_iters``'s signature."""
    raise NotImplementedError("torchnp.nested_iters is not supported; use nditer with "
                              "multi_index, or loop over torchnp.ndindex of the outer axes")
