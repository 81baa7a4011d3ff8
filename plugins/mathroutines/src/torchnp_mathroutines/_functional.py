"""Functional programming tools (apply_along_axis, apply_over_axes, vectorize,
frompyfunc, piecewise) and the view-returning real/imag, plus iterable.

Not an impl module: these call user functions with ``torchnp`` arrays and scalars
and return what the user functions build, so they work at the public level and
import ``torchnp`` lazily (at call time). They loop in Python over elements or
slices by nature; that is what NumPy does too.
"""
from __future__ import annotations

__all__ = ["apply_along_axis", "apply_over_axes", "vectorize", "frompyfunc", "piecewise",
           "real", "imag", "iterable"]

import functools
import itertools
import re

from ._common_impl import NoValue

_PY_SCALARS = (bool, int, float, complex)


def _tnp():
    import torchnp
    return torchnp


# --- real / imag / iterable ---------------------------------------------------------
def real(val):
    """The real part; a view for arrays. Mirrors ``numpy.real``."""
    try:
        return val.real
    except AttributeError:
        return _tnp().asarray(val).real


def imag(val):
    """The imaginary part; a view for complex arrays. Mirrors ``numpy.imag``."""
    try:
        return val.imag
    except AttributeError:
        return _tnp().asarray(val).imag


def iterable(y):
    """Whether ``iter(y)`` works. Mirrors ``numpy.iterable``."""
    if isinstance(y, _tnp().generic):
        return False  # scalars are not iterable in NumPy
    try:
        iter(y)
    except TypeError:
        return False
    return True


# --- apply_along_axis / apply_over_axes ---------------------------------------------------
def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """Apply ``func1d`` to 1-D slices along ``axis``. Mirrors ``numpy.apply_along_axis``."""
    tnp = _tnp()
    from torchnp.exceptions import normalize_axis_index
    arr = tnp.asarray(arr)
    nd = arr.ndim
    axis = normalize_axis_index(axis, nd)
    moved = tnp.moveaxis(arr, axis, -1)
    outer = moved.shape[:-1]
    if any(s == 0 for s in outer):
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    indices = list(itertools.product(*(range(s) for s in outer)))
    first = tnp.asarray(func1d(moved[indices[0]], *args, **kwargs))
    buf = tnp.empty(outer + first.shape, dtype=first.dtype)
    buf[indices[0]] = first
    for ind in indices[1:]:
        buf[ind] = tnp.asarray(func1d(moved[ind], *args, **kwargs))
    # the result's own axes go where ``axis`` was
    rank = first.ndim
    order = list(range(axis)) + list(range(len(outer), len(outer) + rank)) + \
        list(range(axis, len(outer)))
    return tnp.transpose(buf, order) if rank else buf


def apply_over_axes(func, a, axes):
    """Apply ``func(a, axis)`` repeatedly, keeping dimensions. Mirrors ``numpy.apply_over_axes``."""
    tnp = _tnp()
    val = tnp.asarray(a)
    n = val.ndim
    if tnp.asarray(axes).ndim == 0:
        axes = (axes,)
    for ax in axes:
        if ax < 0:
            ax = n + ax
        res = func(val, ax)
        if tnp.asarray(res).ndim == val.ndim:
            val = res
        else:
            res = tnp.expand_dims(res, ax)
            if res.ndim == val.ndim:
                val = res
            else:
                raise ValueError("function is not returning an array of the correct shape")
    return val


# --- vectorize -----------------------------------------------------------------------
_DIM = r"\w+"
_CORE = rf"\((?:{_DIM}(?:,{_DIM})*)?\)"
_ARGS = rf"{_CORE}(?:,{_CORE})*"
_SIGNATURE = re.compile(rf"^{_ARGS}->{_ARGS}$")


def _parse_signature(signature):
    sig = signature.replace(" ", "")
    if not _SIGNATURE.match(sig):
        raise ValueError(f"not a valid gufunc signature: {signature}")
    ins, outs = sig.split("->")

    def parts(s):
        return [tuple(re.findall(_DIM, arg)) for arg in re.findall(_CORE, s)]
    return parts(ins), parts(outs)


class vectorize:
    """Turn a Python function of scalars into one that broadcasts over arrays.
    Mirrors ``numpy.vectorize``.

    The function is called once per element (per core slice with ``signature``),
    with torchnp scalars, exactly as NumPy calls it with NumPy scalars.
    """

    def __init__(self, pyfunc=NoValue, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        if pyfunc is not NoValue and not callable(pyfunc):
            raise TypeError("vectorize: pyfunc must be callable")
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        self._in_and_out_core_dims = _parse_signature(signature) if signature is not None else None
        if isinstance(otypes, str):
            for char in otypes:
                if char not in "?bhilqpBHILQPefdgFDG":
                    raise ValueError(f"Invalid otype specified: {char}")
        elif otypes is not None and not isinstance(otypes, str):
            otypes = "".join(_tnp().dtype(x).char for x in otypes)
        self.otypes = otypes
        self.excluded = set(excluded) if excluded is not None else set()
        if pyfunc is not NoValue:
            self.__doc__ = pyfunc.__doc__ if doc is None else doc
            functools.update_wrapper(self, pyfunc, updated=())
        else:
            self.__doc__ = doc

    def __call__(self, *args, **kwargs):
        if self.pyfunc is NoValue:
            # used as @vectorize(otypes=...): the first call supplies the function
            return vectorize(args[0], otypes=self.otypes, doc=self.__doc__, excluded=self.excluded,
                             cache=self.cache, signature=self.signature)
        excluded = self.excluded
        if not kwargs and not excluded:
            func = self.pyfunc
            vargs = list(args)
            names = []
        else:
            names = [k for k in kwargs if k not in excluded]
            pos = [i for i in range(len(args)) if i not in excluded]
            fixed_args = list(args)
            fixed_kwargs = dict(kwargs)

            def func(*vals):
                a = list(fixed_args)
                for i, v in zip(pos, vals[:len(pos)]):
                    a[i] = v
                kw = dict(fixed_kwargs)
                kw.update(zip(names, vals[len(pos):]))
                return self.pyfunc(*a, **kw)
            vargs = [args[i] for i in pos] + [kwargs[k] for k in names]
        if self._in_and_out_core_dims is not None:
            return self._call_with_signature(func, vargs)
        return self._call_elementwise(func, vargs)

    def _output_dtypes(self, first_out, nout):
        tnp = _tnp()
        if self.otypes is not None:
            return [tnp.dtype(c) for c in self.otypes]
        outs = first_out if isinstance(first_out, tuple) else (first_out,)
        return [tnp.asarray(o).dtype for o in outs]

    def _call_elementwise(self, func, vargs):
        tnp = _tnp()
        arrays = [tnp.asarray(a) for a in vargs]
        if not arrays:
            return func()
        shape = tnp.broadcast_shapes(*(a.shape for a in arrays))
        arrays = [tnp.broadcast_to(a, shape) for a in arrays]
        size = 1
        for s in shape:
            size *= s
        if size == 0:
            if self.otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            outs = [tnp.empty(shape, dtype=c) for c in self.otypes]
            return outs[0] if len(outs) == 1 else tuple(outs)
        flat = [a.ravel() for a in arrays]
        # NumPy probes the output types with one call on the first elements as NumPy
        # scalars, then maps the function over object arrays: every element arrives
        # as a Python scalar (so 1 // 0 raises ZeroDivisionError, ints never wrap)
        first = None
        if self.otypes is None:
            first = func(*(f[0] for f in flat))
        py = [f.tolist() for f in flat]
        start = 1 if (self.cache and first is not None) else 0
        results = [first] if start else []
        results += [func(*(p[i] for p in py)) for i in range(start, size)]
        if first is None:
            first = results[0]
        nout = len(first) if isinstance(first, tuple) else 1
        dtypes = self._output_dtypes(first, nout)
        if nout == 1 and not isinstance(first, tuple):
            return tnp.asarray(_as_list(results), dtype=dtypes[0]).reshape(shape)
        outs = []
        for k in range(nout):
            outs.append(tnp.asarray(_as_list([r[k] for r in results]),
                                    dtype=dtypes[k]).reshape(shape))
        return tuple(outs)

    def _call_with_signature(self, func, vargs):
        tnp = _tnp()
        in_dims, out_dims = self._in_and_out_core_dims
        if len(vargs) != len(in_dims):
            raise TypeError(f"wrong number of positional arguments: expected {len(in_dims)}, "
                            f"got {len(vargs)}")
        arrays = [tnp.asarray(a) for a in vargs]
        sizes = {}
        batch_shapes = []
        for a, dims in zip(arrays, in_dims):
            nc = len(dims)
            if a.ndim < nc:
                raise ValueError(f"{a.ndim} dimensional argument does not have enough dimensions "
                                 f"for all core dimensions {dims!r}")
            core = a.shape[a.ndim - nc:] if nc else ()
            for d, s in zip(dims, core):
                if d in sizes and sizes[d] != s:
                    raise ValueError(f"inconsistent size for core dimension {d!r}: {s} vs "
                                     f"{sizes[d]}")
                sizes[d] = s
            batch_shapes.append(a.shape[:a.ndim - nc])
        batch = tnp.broadcast_shapes(*batch_shapes)
        arrays = [tnp.broadcast_to(a, batch + a.shape[a.ndim - len(d):] if d else batch)
                  for a, d in zip(arrays, in_dims)]
        nout = len(out_dims)
        outs = None
        for idx in itertools.product(*(range(s) for s in batch)):
            res = func(*(a[idx] for a in arrays))
            res = res if nout > 1 else (res,)
            if nout > 1 and (not isinstance(res, tuple) or len(res) != nout):
                raise ValueError(f"wrong number of outputs from pyfunc: expected {nout}")
            if outs is None:
                dtypes = self._output_dtypes(res if nout > 1 else res[0], nout)
                outs = []
                for r, dims, dt in zip(res, out_dims, dtypes):
                    r = tnp.asarray(r)
                    for d, s in zip(dims, r.shape):
                        if d in sizes and sizes[d] != s:
                            raise ValueError(f"inconsistent size for core dimension {d!r}: "
                                             f"{s} vs {sizes[d]}")
                        sizes[d] = s
                    outs.append(tnp.empty(batch + tuple(sizes[d] for d in dims), dtype=dt))
            for o, r in zip(outs, res):
                o[idx] = r
        if outs is None:
            if self.otypes is None or any(d not in sizes for dims in out_dims for d in dims):
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            outs = [tnp.empty(batch + tuple(sizes[d] for d in dims), dtype=c)
                    for dims, c in zip(out_dims, self.otypes)]
        return outs[0] if nout == 1 else tuple(outs)


def _as_list(values):
    """torchnp scalars -> Python numbers so one asarray call builds the output."""
    tnp = _tnp()
    return [v.item() if isinstance(v, tnp.generic) else v for v in values]


# --- frompyfunc ---------------------------------------------------------------------------
class _PyFuncUfunc:
    """What ``torchnp.frompyfunc`` returns: a ufunc-like wrapper of a Python function.

    NumPy's version always builds object arrays, which torch cannot hold. This one
    gives the same answer where NumPy's gives plain Python objects (all arguments
    scalars: the function's own return value) and raises NotImplementedError where
    NumPy would return an object array; ``torchnp.vectorize(func, otypes=...)`` is
    the typed alternative.
    """

    def __init__(self, func, nin, nout, identity=None):
        self.func = func
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.identity = identity
        self.ntypes = 1
        self.types = ["O" * nin + "->" + "O" * nout]
        self.signature = None
        self.__name__ = f"{getattr(func, '__name__', 'func')} (vectorized)"
        self.__doc__ = "dynamic ufunc based on a python function"

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, *args, **kwargs):
        tnp = _tnp()
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__}() takes from {self.nin} to {self.nargs} "
                            f"positional arguments but {len(args)} were given")
        if kwargs:
            raise NotImplementedError("torchnp.frompyfunc: keyword arguments (out=, where=...) "
                                      "need object arrays, which torch cannot store")
        if all(isinstance(a, _PY_SCALARS) or (isinstance(a, tnp.generic)) for a in args):
            return self.func(*args)
        raise NotImplementedError(
            "torchnp.frompyfunc: calling on arrays returns an object array in NumPy, and torch "
            "has no object dtype; use torchnp.vectorize(func, otypes=...) instead")

    def _unsupported(self, *args, **kwargs):
        raise NotImplementedError("torchnp.frompyfunc ufunc methods need object arrays, which "
                                  "torch cannot store")

    reduce = accumulate = outer = at = reduceat = _unsupported


# NumPy's frompyfunc returns an instance of ``numpy.ufunc``: the type is named so
_PyFuncUfunc.__name__ = _PyFuncUfunc.__qualname__ = "ufunc"


def frompyfunc(func, /, nin, nout, **kwargs):
    """A ufunc-like object from a Python function. Mirrors ``numpy.frompyfunc`` for
    scalar calls (see ``_PyFuncUfunc`` for what differs)."""
    if not callable(func):
        raise TypeError("function must be callable")
    identity = kwargs.pop("identity", None)
    if kwargs:
        raise TypeError(f"frompyfunc() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return _PyFuncUfunc(func, int(nin), int(nout), identity)


# --- piecewise ----------------------------------------------------------------------------
def piecewise(x, condlist, funclist, *args, **kw):
    """Evaluate a function chosen by conditions, element by element. Mirrors ``numpy.piecewise``."""
    tnp = _tnp()
    x = tnp.asarray(x)
    n2 = len(funclist)
    # a lone condition (a scalar, or a flat list of booleans for an n-d x) means [condition]
    if isinstance(condlist, _PY_SCALARS + (tnp.generic,)) or (
            x.ndim != 0 and not isinstance(condlist[0], (list, tnp.ndarray))):
        condlist = [condlist]
    conds = tnp.asarray(condlist, dtype=bool)
    n = len(conds)
    if n == n2 - 1:
        otherwise = ~tnp.any(conds, axis=0, keepdims=True)
        conds = tnp.concatenate([conds, otherwise], axis=0)
        n += 1
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    y = tnp.zeros_like(x)
    for cond, func in zip(conds, funclist):
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y
