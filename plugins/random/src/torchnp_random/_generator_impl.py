"""``Generator`` and ``default_rng``. Mirrors NumPy's "Random Generator" section.

Methods convert their array-like parameters to float64 tensors on the
generator's device, check NumPy's parameter constraints (with NumPy's
messages), work out the output shape from ``size`` and the parameters'
broadcast shape, and hand the draw to the bit generator's sampler
(``_distributions_impl.TorchSampler``; see ``_bit_generator_impl`` for that
interface). Results are ndarrays; with ``size=None`` and scalar parameters,
Python floats/ints as NumPy returns.

One code path for both APIs
---------------------------
``_RandomBase`` holds everything ``Generator`` and the legacy ``RandomState``
share. The plain parameter distributions (``normal``, ``beta``, ``zipf`` …)
are rows of ``_PARAM_DISTRIBUTIONS`` (parameter names, defaults, NumPy's
constraint); ``_install_distributions`` writes each row out as a method of
each class, with NumPy's exact signature. The two classes differ only where
NumPy's legacy API does, through the ``_legacy`` class attribute (messages,
``hypergeometric``'s nsample >= 1, ``uniform`` allowing high < low) and
``_LEGACY_CONSTRAINTS``.

Per-call overhead
-----------------
Small draws (``normal(0, 1, 10)``) are all overhead, so every method has a
straight-line path for Python-scalar parameters: plain Python comparisons
check NumPy's constraints (no tensor is built), ``_smp()`` returns the bit
generator's cached sampler (one attribute read on the CPU), and the sampler
makes a single torch call where torch has one (``torch.normal``,
``uniform_``, ``randint``). The integer paths (``integers``, ``choice(n, k)``)
call ``torch.randint`` themselves only when the sampler is exactly
``TorchSampler``; any other sampler (a NumPy-exact one, say) is asked through
its methods, so bit generators stay swappable. Array parameters take the
general path (``_draw``): convert, check with tensor ops, broadcast, sample.

Extension: ``default_rng(seed, *, device=None)`` and ``Generator(bit_generator,
*, device=None)`` take a torch device; arrays are generated directly there.
``device=None`` means torch's default device at each call.
"""
from __future__ import annotations

import linecache
import math
import operator
import warnings

import torch

from torchnp import _dtypes
from torchnp._normalize import _normalize_device, as_tensor, wrap, wrap_scalar
from torchnp.exceptions import AxisError, normalize_axis_index

from ._bit_generator_impl import (
    _CPU, PCG64, BitGenerator, _c_int, _default_device, _len_mode_stack,
)
from ._distributions_impl import TorchSampler

__all__ = ["Generator", "default_rng"]

_F64 = torch.float64
_I64 = torch.int64
_PY_NUMBERS = frozenset({float, int, bool})  # parameters that take the scalar fast path

# --- parameter constraints (NumPy's check_constraint) ------------------------------------
NONNEG, POS, POS_NOT_NAN, BOUNDED_0_1, BOUNDED_GT_0_1, BOUNDED_LT_0_1, GT_1, POISSON = range(8)
_POISSON_LAM_MAX = 9.223372006484771e18

# constraint -> its rules, in order: (expression that is true when ``{v}`` is bad,
# NumPy's message). The expressions use only ``<``, ``!=`` and ``|``, so one text
# serves a Python float (inlined into the generated fast paths) and a float64
# tensor (compiled into ``_RULE_FNS``, reduced with ``any``). ``{nan}`` is NumPy's
# wording for a NaN: "is NaN" for a scalar, "contains NaNs" for an array.
_RULES = {
    NONNEG: (("{v} < 0", "{0} < 0"),),
    POS: (("{v} <= 0", "{0} <= 0"),),
    POS_NOT_NAN: (("{v} != {v}", "{0} must not be NaN"), ("{v} <= 0", "{0} <= 0")),
    BOUNDED_0_1: (("({v} < 0) | ({v} > 1) | ({v} != {v})", "{0} < 0, {0} > 1 or {0} {nan}"),),
    BOUNDED_GT_0_1: (("({v} <= 0) | ({v} > 1) | ({v} != {v})",
                      "{0} <= 0, {0} > 1 or {0} contains NaNs"),),
    BOUNDED_LT_0_1: (("({v} < 0) | ({v} >= 1) | ({v} != {v})", "{0} < 0, {0} >= 1 or {0} is NaN"),),
    GT_1: (("({v} <= 1) | ({v} != {v})", "{0} <= 1 or {0} is NaN"),),
    POISSON: (("({v} < 0) | ({v} != {v})", "{0} < 0 or {0} is NaN"),
              (f"{{v}} > {_POISSON_LAM_MAX!r}", "{0} value too large")),
}
_RULE_FNS = {kind: tuple((eval("lambda v: " + expr.format(v="v")), msg)  # noqa: S307 (fixed text)
                         for expr, msg in rules)
             for kind, rules in _RULES.items()}


def _message(msg, name, scalar):
    return msg.format(name, nan="is NaN" if scalar else "contains NaNs")


def _check(name, v, kind):
    """Raise NumPy's ValueError if ``v`` (a float or float64 tensor) breaks constraint ``kind``."""
    if kind is None:
        return
    scalar = not isinstance(v, torch.Tensor)
    for bad, msg in _RULE_FNS[kind]:
        if bad(v) if scalar else bool(bad(v).any()):
            raise ValueError(_message(msg, name, scalar))


# --- sizes and shapes -------------------------------------------------------------
_INTP_MAX = (1 << 63) - 1
_BIG = 1 << 56   # an int size below this takes the fast paths (larger ones: _size_tuple's errors)


def _is_bool_scalar(v):
    return isinstance(v, (bool, _dtypes.bool_))


def _dim(v):
    """One dimension of a shape sequence (NumPy's PyArray_PyIntAsIntp, then its range check)."""
    if type(v) is not int:
        if _is_bool_scalar(v):
            raise TypeError("an integer is required")
        v = operator.index(v)
    if not -_INTP_MAX - 1 <= v <= _INTP_MAX:
        raise ValueError("Maximum allowed dimension exceeded")
    return v


def _size_dims(size):
    """The dimensions NumPy's shape converter (``np.empty(size)``) reads from ``size``."""
    t = getattr(size, "tensor", None)
    if isinstance(t, torch.Tensor):  # a torchnp array or scalar
        if t.ndim == 0:
            if t.dtype == torch.bool or t.is_floating_point() or t.is_complex():
                raise TypeError("expected a sequence of integers or a single integer, "
                                f"got '{size!r}'")
            return (_dim(int(t.item())),)
        if t.ndim > 1:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        if t.dtype == torch.bool:
            raise TypeError("an integer is required")
        if t.is_floating_point() or t.is_complex():
            raise TypeError(f"'numpy.{_dtypes.from_torch(t.dtype).name}' object cannot be "
                            "interpreted as an integer")
        if t.dtype == torch.uint64:
            vals = [v & ((1 << 64) - 1) for v in t.view(torch.int64).tolist()]
        else:
            vals = t.tolist()
        return tuple(_dim(v) for v in vals)
    if not isinstance(size, dict) and hasattr(type(size), "__getitem__"):
        try:
            items = list(size)   # PySequence_Fast; a failure means "try a single integer"
        except Exception:  # noqa: BLE001 - NumPy clears any error here
            items = None
        if items is not None:
            if len(items) > 64:
                raise ValueError("maximum supported dimension for an ndarray is currently 64, "
                                 f"found {len(items)}")
            return tuple(_dim(v) for v in items)
    try:
        if _is_bool_scalar(size):
            raise TypeError
        return (_dim(operator.index(size)),)
    except TypeError:
        raise TypeError("expected a sequence of integers or a single integer, "
                        f"got '{size!r}'") from None


def _size_tuple(size, itemsize=8):
    """``size`` as a shape tuple, with NumPy's errors (``np.empty(size)``'s conversion, negative
    dimensions, arrays too big to address)."""
    if type(size) is int and 0 <= size < _BIG:
        return (size,)
    if torch.compiler.is_compiling():
        # traced: shapes come from the program (symbolic sizes stay as dynamo makes them)
        if isinstance(size, int) or not hasattr(size, "__iter__"):
            return (operator.index(size),)
        return tuple(operator.index(s) for s in size)
    if type(size) is tuple and all(type(d) is int for d in size):
        dims = size
        if any(not -_INTP_MAX - 1 <= d <= _INTP_MAX for d in dims):
            raise ValueError("Maximum allowed dimension exceeded")
    else:
        dims = _size_dims(size)
    nbytes = itemsize
    for d in dims:
        if d < 0:
            raise ValueError("negative dimensions are not allowed")
    for d in dims:
        if d:  # NumPy skips empty dimensions when it sizes the allocation
            nbytes *= d
    if nbytes > _INTP_MAX:
        raise ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the "
                         "maximum possible size.")
    return dims


def _broadcast_shapes(*shapes):
    """Pure-Python broadcast of shape tuples (torch.broadcast_shapes costs tens of us)."""
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for s in shapes:
        off = ndim - len(s)
        for i, d in enumerate(s):
            o = out[off + i]
            if o == 1:
                out[off + i] = d
            elif d != 1 and d != o:
                raise RuntimeError("shape mismatch")
    return tuple(out)


def _broadcast_error(shapes):
    for i in range(len(shapes)):
        for j in range(i + 1, len(shapes)):
            try:
                _broadcast_shapes(shapes[i], shapes[j])
            except RuntimeError:
                return ValueError(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                    f"between arg {i} with shape {tuple(shapes[i])} and arg {j} with shape "
                    f"{tuple(shapes[j])}.")
    return ValueError("shape mismatch: objects cannot be broadcast to a single shape")


def _out_shape(size, params):
    """NumPy's output shape: ``size`` if given (parameters must broadcast to it)."""
    shapes = [tuple(p.shape) for p in params if isinstance(p, torch.Tensor)]
    if size is None:
        try:
            return _broadcast_shapes(*shapes) if shapes else ()
        except RuntimeError:
            raise _broadcast_error(shapes) from None
    size = _size_tuple(size)
    if not shapes:
        return size
    try:
        full = _broadcast_shapes(size, *shapes)
    except RuntimeError:
        raise _broadcast_error([size] + shapes) from None
    if full != size:
        raise ValueError(f"Output size {size} is not compatible with broadcast dimensions of "
                         f"inputs {full}.")
    return size


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _any_cmp(v, op, bound):
    """``any(v <op> bound)`` for an int or int64 tensor; ``bound`` may lie outside int64."""
    if isinstance(v, torch.Tensor):
        if bound > _INT64_MAX:
            return op in ("<", "<=")
        if bound < _INT64_MIN:
            return op in (">", ">=")
    m = {"<": v < bound, "<=": v <= bound, ">": v > bound}[op] if not isinstance(v, torch.Tensor) \
        else {"<": v < bound, "<=": v <= bound, ">": v > bound}[op].any()
    return bool(m)


_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def _take(t, dim, idx):
    """``t.index_select(dim, idx)`` for every dtype (torch has no unsigned 16/32/64-bit gather:
    those move as the signed integers of the same width, bits unchanged)."""
    twin = _SIGNED_TWIN.get(t.dtype)
    if twin is None:
        return t.index_select(dim, idx)
    return t.view(twin).index_select(dim, idx).view(t.dtype)


def _is_integer_scalar(x):
    """``isinstance(x, (int, np.integer))`` (bools included, as NumPy's tests have them)."""
    return isinstance(x, (int, _dtypes.integer))


def _bounds_message(closed, low_is_zero):
    """NumPy's format_bounds_error."""
    if low_is_zero:
        return "high < 0" if closed else "high <= 0"
    return "low > high" if closed else "low >= high"


def _prod_check(size):
    """The errors of NumPy's ``np.prod(size)`` for strings (no multiply loop)."""
    if isinstance(size, (str, bytes)):
        dt = f"<U{max(len(size), 1)}" if isinstance(size, str) else f"S{max(len(size), 1)}"
        raise TypeError(f"ufunc 'multiply' did not contain a loop with signature matching types "
                        f"(dtype('{dt}'), dtype('{dt}')) -> None")


def _choice_shape(size):
    """choice's size: NumPy takes np.prod(size) first (objects that are not numbers fail there)."""
    _prod_check(size)
    if isinstance(size, (dict, set, frozenset)):
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        f"not '{type(size).__name__}'")
    return _size_tuple(size)


def _iterate(size):
    """``tuple(size)`` with NumPy's errors for 0-d arrays and scalars."""
    t = getattr(size, "tensor", None)
    if isinstance(t, torch.Tensor) and t.ndim == 0:
        if hasattr(size, "shape") and type(size).__name__ == "ndarray":
            raise TypeError("iteration over a 0-d array")
        raise TypeError(f"'numpy.{_dtypes.from_torch(t.dtype).name}' object is not iterable")
    return tuple(size)


def _is_scalar_like(x):
    """np.isscalar: Python numbers, str/bytes, NumPy scalars (not 0-d arrays)."""
    if isinstance(x, (int, float, complex, str, bytes)):
        return True
    return isinstance(x, _dtypes.generic)


def _lead_shape(size):
    """The leading shape of multinomial/dirichlet: (operator.index(size),) or tuple(size)."""
    try:
        return _size_tuple((operator.index(size),))
    except TypeError:
        return _size_tuple(_iterate(size))


def _mvn_shape(size):
    """multivariate_normal's ``size``: NumPy slices it (``shape[:]``) unless it is an integer."""
    if type(size) is int or isinstance(size, _dtypes.integer):
        return _size_tuple((operator.index(size),))
    if isinstance(size, (list, tuple, range)) or (
            isinstance(getattr(size, "tensor", None), torch.Tensor) and size.tensor.ndim >= 1
            and not isinstance(size, _dtypes.generic)):
        return _size_tuple(size)
    t = getattr(size, "tensor", None)
    if isinstance(t, torch.Tensor):
        if isinstance(size, _dtypes.generic):
            raise IndexError("invalid index to scalar variable.")
        raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed")
    if isinstance(size, (str, bytes)):
        return _size_tuple(list(size))
    if isinstance(size, dict):
        raise TypeError("unhashable type: 'slice'")
    raise TypeError(f"'{type(size).__name__}' object is not subscriptable")


def _broadcast_or_raise(shapes):
    try:
        return _broadcast_shapes(*shapes)
    except RuntimeError:
        raise _broadcast_error(shapes) from None


def _int_bound(x):
    """An integer bound: a Python int (scalars and 0-d arrays, converted as NumPy's int()), or a
    tensor of its original dtype."""
    if type(x) is int:
        return x
    if type(x) is bool:
        return int(x)
    t = as_tensor(x)
    if t.ndim == 0:
        if t.is_complex():
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            "number, not 'complex'")
        if t.dtype == torch.uint64:
            return int(t.view(torch.int64).item()) & ((1 << 64) - 1)
        return int(t.item())
    if t.is_complex():
        raise TypeError("Cannot cast array data from dtype('complex128') to dtype('int64') "
                        "according to the rule 'safe'")
    return t


_TWO64 = 1 << 64


def _wide(x, dev):
    """An integer bound as (carry, bits): int64 tensors with value bits + carry * 2**64, so
    every int64 and uint64 value (and floats, truncated) compares exactly."""
    if isinstance(x, int):
        x = max(min(x, _TWO64 + _INT64_MAX), -_TWO64 + _INT64_MIN)
        c = (x - _INT64_MIN) // _TWO64 if x < _INT64_MIN else (1 if x > _INT64_MAX else 0)
        return (torch.tensor(c, dtype=_I64, device=dev),
                torch.tensor(x - c * _TWO64, dtype=_I64, device=dev))
    t = x.to(dev)
    if t.dtype == torch.uint64:
        v = t.view(_I64)
        return (v < 0).to(_I64), v
    if t.is_floating_point():
        t = t.to(_F64)
        if bool(torch.isnan(t).any()):
            raise ValueError("cannot convert float NaN to integer")
        if bool(torch.isinf(t).any()):
            raise OverflowError("cannot convert float infinity to integer")
        t = torch.trunc(t).clamp(-2.0 ** 64, 2.0 ** 65)
        c = torch.where(t >= 2.0 ** 63, 1, torch.where(t < -2.0 ** 63, -1, 0)).to(_I64)
        bits = (t - c.to(_F64) * 2.0 ** 64).clamp(-2.0 ** 63, 2.0 ** 63 - 1024).to(_I64)
        return c, bits
    return torch.zeros((), dtype=_I64, device=t.device), t.to(_I64)


def _wide_pair(b):
    c = (b - _INT64_MIN) // _TWO64 if b < _INT64_MIN else (1 if b > _INT64_MAX else 0)
    return c, b - c * _TWO64


def _wide_gt(a, b):
    (ac, av), (bc, bv) = a, b
    return (ac > bc) | ((ac == bc) & (av > bv))


def _wide_any(w, op, bound):
    """any(w <op> bound) for a wide value and a Python int."""
    b = _wide_pair(bound)
    return _wide_cmp_any(w, op, (torch.tensor(b[0], dtype=_I64), torch.tensor(b[1], dtype=_I64)))


def _wide_cmp_any(a, op, b):
    a = tuple(x.to(b[0].device) for x in a) if a[0].device != b[0].device else a
    if op == ">":
        m = _wide_gt(a, b)
    elif op == "<":
        m = _wide_gt(b, a)
    elif op == ">=":
        m = ~_wide_gt(b, a)
    else:  # "<="
        m = ~_wide_gt(a, b)
    return bool(m.any())


def _wide_dec(w):
    """w - 1."""
    c, v = w
    borrow = (v == _INT64_MIN).to(_I64)
    return c - borrow, v - 1


def _write_out(arr, o, values):
    """Write ``values`` into the ndarray ``arr`` (tensor ``o``) through torchnp's view model."""
    from torchnp._views import begin_write, end_write
    t = begin_write(arr)
    t.copy_(values)
    end_write(arr, t)


def _kahan_sum(values):
    """NumPy's kahan_sum of a sequence of floats (compensated, left to right)."""
    if not values:
        return 0.0
    total = values[0]
    c = 0.0
    for v in values[1:]:
        y = v - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


def _choice_p_noreplace(s, p, num):
    """choice(replace=False, p=...): NumPy's rounds of ``random`` draws, keeping the first
    occurrence of each new index, zeroing the chosen ones' probabilities."""
    p = p.clone()
    found = torch.zeros(num, dtype=_I64)
    n_uniq = 0
    while n_uniq < num:
        x = s.random((num - n_uniq,)).to(_CPU)
        if n_uniq > 0:
            p[found[:n_uniq]] = 0
        cdf = torch.cumsum(p, 0)
        cdf = cdf / cdf[-1]
        new = torch.searchsorted(cdf, x, right=True)
        uniq, inv = torch.unique(new, return_inverse=True)
        first = torch.full((uniq.numel(),), new.numel(), dtype=_I64)
        first.scatter_reduce_(0, inv, torch.arange(new.numel()), reduce="amin")
        new = new.index_select(0, torch.sort(first).values)
        found[n_uniq:n_uniq + new.numel()] = new
        n_uniq += new.numel()
    return found


def _k_order_is_f(t):
    """Whether NumPy's copy(order='K') of ``t`` is Fortran-ordered (strides increasing)."""
    st = [abs(v) for v, d in zip(t.stride(), t.shape) if d > 1]
    return len(st) > 1 and st == sorted(st) and st != sorted(st, reverse=True)


def _canonical_device(device):
    """A torch.device or None; the plain CPU becomes the _CPU singleton (an ``is`` test on hot paths)."""
    d = _normalize_device(device)
    if d is not None and d.type == "cpu" and d.index is None:
        return _CPU
    return d




class _RandomBase:
    """What Generator and RandomState share: parameter handling, shapes, and every
    method whose NumPy signature is the same in both (``_legacy`` picks the
    legacy messages)."""

    _bit_generator: BitGenerator
    _device = None
    _legacy = False

    def _dev(self):
        d = self._device
        return d if d is not None else _default_device()

    _cpu_smp = None   # (bit generator, its CPU sampler), once made (read on hot paths)
    _gauss = None     # RandomState: the cached polar normal, float64 [has_gauss, gauss]

    def _smp(self):
        """The sampler for this object's device (cached; the CPU's in ``_cpu_smp``)."""
        dev = self._device
        if (dev is None and not _len_mode_stack()) or dev is _CPU:
            c = self._cpu_smp
            if c is not None and c[0] is self._bit_generator:
                return c[1]
            return self._sampler_for(_CPU)
        return self._sampler_for(self._dev())

    def _sampler_for(self, dev):
        """The bit generator's sampler for ``dev`` with this object's algorithms (made once per
        device and bit generator; never cached while tracing)."""
        if dev.type == "cpu" and dev.index is None:
            dev = _CPU
        bg = self._bit_generator
        cache = self.__dict__.get("_smps")
        if cache is not None:
            c = cache.get(dev)
            if c is not None and c[0] is bg:
                return c[1]
        s = bg._sampler(dev, self._legacy, self._gauss)
        if not torch.compiler.is_compiling():
            if cache is None:
                cache = self.__dict__["_smps"] = {}
            cache[dev] = (bg, s)
            if dev is _CPU:
                self._cpu_smp = (bg, s)
        return s

    def _param(self, x, dev, dtype=_F64):
        """A parameter as a Python float (scalars, 0-d) or a tensor on ``dev``."""
        if type(x) in _PY_NUMBERS:
            return float(x) if dtype == _F64 else int(x)
        t = as_tensor(x)
        if t.is_complex():
            raise TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') "
                            "according to the rule 'safe'")
        if t.ndim == 0:
            v = t.item()
            return float(v) if dtype == _F64 else int(v)
        return t.to(device=dev, dtype=dtype)

    def _draw(self, method, size, specs, int_params=()):
        """The general path: convert, check, shape, sample, wrap.

        ``specs`` is a sequence of (value, name, constraint-or-None); the
        parameters at ``int_params`` are integers (checked as floats).
        """
        dev = self._dev()
        # every parameter is converted (NumPy's float64 casts, in order) before any is checked
        vals = [self._param(x, dev, _I64 if i in int_params else _F64)
                for i, (x, _, _) in enumerate(specs)]
        for i, ((_, name, kind), v) in enumerate(zip(specs, vals)):
            if i in int_params and kind is not None:
                _check(name, v.to(_F64) if isinstance(v, torch.Tensor) else float(v), kind)
            else:
                _check(name, v, kind)
        return self._sample(method, size, vals, dev)

    def _sample(self, method, size, vals, dev):
        shape = _out_shape(size, vals)
        r = getattr(self._sampler_for(dev), method)(shape, *vals)
        if size is None and not shape:
            return r.item()
        return wrap(r)

    def _simple(self, prim, size, dtype=_F64):
        """A parameterless draw (``random``, ``standard_normal`` …) of ``size``."""
        if type(size) is int and 0 <= size < _BIG:
            return wrap(getattr(self._smp(), prim)(size, dtype))
        if size is None:
            return getattr(self._smp(), prim)((), dtype).item()
        return wrap(getattr(self._smp(), prim)(_size_tuple(size), dtype))

    # --- methods with one signature in both APIs ----------------------------------------
    def uniform(self, low=0.0, high=1.0, size=None):
        """Uniform floats in [low, high). Mirrors ``Generator.uniform`` / ``RandomState.uniform``."""
        if type(low) in _PY_NUMBERS and type(high) in _PY_NUMBERS:
            lo = float(low)
            hi = float(high)
            rng = hi - lo
            if not 0.0 <= rng < math.inf:  # one test for the usual case
                if rng < 0 and not self._legacy:
                    raise ValueError("high - low < 0")
                if rng - rng != 0:  # inf or NaN
                    raise OverflowError("Range exceeds valid bounds" if self._legacy else
                                        "high - low range exceeds valid bounds")
            s = self._smp()
            if type(size) is int and 0 <= size < _BIG:
                # the default [0, 1) is the sampler's primitive
                return wrap(s.random(size) if lo == 0.0 and hi == 1.0 else s.uniform(size, lo, hi))
            if size is None:
                return s.uniform((), lo, hi).item()
            return wrap(s.uniform(_size_tuple(size), lo, hi))
        dev = self._dev()
        lo, hi = self._param(low, dev), self._param(high, dev)
        rng = hi - lo
        if isinstance(rng, torch.Tensor):
            neg, finite = torch.stack([(rng < 0).any(), torch.isfinite(rng).all()]).tolist()
        else:
            neg, finite = rng < 0, math.isfinite(rng)
        if neg and not self._legacy:
            raise ValueError("high - low < 0")
        if not finite:
            raise OverflowError("Range exceeds valid bounds" if self._legacy else
                                "high - low range exceeds valid bounds")
        return self._sample("uniform", size, [lo, hi], dev)

    def triangular(self, left, mode, right, size=None):
        """Mirrors ``Generator.triangular`` / ``RandomState.triangular``."""
        dev = self._dev()
        lo, mo, hi = (self._param(x, dev) for x in (left, mode, right))

        def anyof(m):
            return bool(m.any()) if isinstance(m, torch.Tensor) else bool(m)
        if anyof(lo > mo):
            raise ValueError("left > mode")
        if anyof(mo > hi):
            raise ValueError("mode > right")
        if anyof(lo == hi):
            raise ValueError("left == right")
        return self._sample("triangular", size, [lo, mo, hi], dev)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """Mirrors ``Generator.hypergeometric`` / ``RandomState.hypergeometric``."""
        dev = self._dev()
        g, b, s = (self._param(x, dev, _I64) for x in (ngood, nbad, nsample))
        for name, v in (("ngood", g), ("nbad", b), ("nsample", s)):
            fv = v.to(_F64) if isinstance(v, torch.Tensor) else float(v)
            if self._legacy and name == "nsample":
                if bool((fv < 1).any()) if isinstance(fv, torch.Tensor) else fv < 1:
                    raise ValueError("nsample < 1 or nsample is NaN")
            _check(name, fv, NONNEG)
        tot = g + b
        if bool((tot < s).any()) if isinstance(tot, torch.Tensor) or isinstance(s, torch.Tensor) \
                else tot < s:
            raise ValueError("ngood + nbad < nsample")
        if not self._legacy:
            def big(v):
                return bool((v >= 10**9).any()) if isinstance(v, torch.Tensor) else v >= 10**9
            if big(g) or big(b):
                raise ValueError("both ngood and nbad must be less than 1000000000")
        return self._sample("hypergeometric", size, [g, b, s], dev)

    def _integers(self, low, high, size, dtype, endpoint, legacy_int=False):
        if type(low) is int and (type(high) is int or high is None) \
                and (dtype is _dtypes.int64 or dtype is int):
            # fast path: int64 draws between Python-int bounds inside int64's range
            lo, hi = (0, low) if high is None else (low, high)
            if not endpoint:
                hi -= 1
            if _INT64_MIN <= lo <= hi < _INT64_MAX and (size is None or
                                                         (type(size) is int and 0 < size < _BIG)):
                s = self._smp()
                shape = () if size is None else (size,)
                if type(s) is TorchSampler:  # torch's engine: one direct call
                    r = torch.randint(lo, hi + 1, shape, generator=s.gen, device=s.device)
                else:  # another sampler (e.g. NumPy-exact streams) draws its own way
                    r = s.integers(shape, lo, hi, torch.int64)
                if size is None:
                    return r.item() if legacy_int is True else wrap_scalar(r)
                return wrap(r)
        if high is None:
            low, high = 0, low
        tdt = _dtypes.to_torch_dtype(dtype)
        name = _dtypes.from_torch(tdt).name
        if tdt.is_floating_point or tdt.is_complex:
            raise TypeError(f"Unsupported dtype dtype('{name}') for "
                            f"{'randint' if self._legacy else 'integers'}")
        if tdt == torch.bool:
            lo_b, hi_b = 0, 1
        else:
            info = torch.iinfo(tdt)
            lo_b, hi_b = info.min, info.max
        dev = self._dev()
        shape = None
        if size is not None:
            # NumPy returns np.empty(size, dtype) before looking at the bounds when size is empty
            _prod_check(size)
            try:
                shape = _size_tuple(size, tdt.itemsize)
            except (TypeError, ValueError):
                shape = None  # raised again below, after the bounds (NumPy's order)
            if shape is not None and 0 in shape:
                return wrap(torch.empty(shape, dtype=tdt, device=dev))
        lt, ht = _int_bound(low), _int_bound(high)
        if isinstance(lt, int) and isinstance(ht, int):
            lo, hi = lt, ht if endpoint else ht - 1
            if lo < lo_b:
                raise ValueError(f"low is out of bounds for {name}")
            if hi > hi_b:
                raise ValueError(f"high is out of bounds for {name}")
            if lo > hi:
                raise ValueError(_bounds_message(endpoint, lo == 0))
            if size is None:
                shape = ()
            elif shape is None:
                shape = _size_tuple(size, tdt.itemsize)
            r = self._sampler_for(dev).integers(shape, lo, hi, tdt)
        else:
            lo, hi, shape = self._integer_arrays(lt, ht, size, shape, tdt, name, lo_b, hi_b,
                                                 endpoint, dev)
            r = self._sampler_for(dev).integers(shape, lo, hi, tdt)
        if size is None and not shape:
            if dtype is bool:
                return bool(r.item())
            if legacy_int is True:
                return r.item()
            return wrap_scalar(r)
        return wrap(r)

    @staticmethod
    def _integer_arrays(lt, ht, size, shape, tdt, name, lo_b, hi_b, endpoint, dev):
        """NumPy's _rand_<type>_broadcast checks on array bounds, then the bounds of each
        output element (the first prod(size) positions of their broadcast with ``size``)."""
        lw, hw = _wide(lt, dev), _wide(ht, dev)
        if _wide_any(lw, "<", lo_b) or (tdt.itemsize == 8 and _wide_any(lw, ">", hi_b)):
            raise ValueError(f"low is out of bounds for {name}")
        low_zero = not bool((lw[0] != 0).any() | (lw[1] != 0).any())
        if tdt.itemsize < 8 or tdt == torch.bool:
            # the smaller types compare against max + 1 before subtracting one
            if _wide_any(hw, ">=" if endpoint else ">", hi_b + 1):
                raise ValueError(f"high is out of bounds for {name}")
            if _wide_cmp_any(lw, ">" if endpoint else ">=", hw):
                raise ValueError(_bounds_message(endpoint, low_zero))
            hm1 = hw if endpoint else _wide_dec(hw)
        else:
            if _wide_any(hw, "<" if endpoint else "<=", lo_b):
                raise ValueError(_bounds_message(endpoint, low_zero))
            hm1 = hw if endpoint else _wide_dec(hw)
            if _wide_any(hm1, ">", hi_b):
                raise ValueError(f"high is out of bounds for {name}")
            if _wide_cmp_any(lw, ">", hm1):
                raise ValueError(_bounds_message(endpoint, low_zero))
        lo, hi = lw[1], hm1[1]   # the values' bits (mod 2**64)
        bshape = _broadcast_or_raise([tuple(lo.shape), tuple(hi.shape)])
        if size is None:
            shape = bshape
        else:
            if shape is None:
                shape = _size_tuple(size, tdt.itemsize)
            full = _broadcast_or_raise([shape, tuple(lo.shape), tuple(hi.shape)])
            if full != shape:  # NumPy fills the output from the start of the broadcast
                n = 1
                for d in shape:
                    n *= d
                lo = lo.expand(full).reshape(-1)[:n].reshape(shape)
                hi = hi.expand(full).reshape(-1)[:n].reshape(shape)
        if tdt == torch.uint64:
            lo, hi = lo.view(torch.uint64), hi.view(torch.uint64)
        return lo, hi, shape

    def _choice(self, a, size, replace, p, axis, shuffle=True):
        legacy = self._legacy
        if type(a) is int and 0 < a <= _INT64_MAX and replace and p is None and type(size) is int \
                and 0 <= size < _BIG:
            # fast path: ``choice(n, k)`` is k uniform integers below n (NumPy's own reduction)
            s = self._smp()
            if type(s) is TorchSampler:
                return wrap(torch.randint(0, a, (size,), generator=s.gen, device=s.device))
            return wrap(s.integers((size,), 0, a - 1, torch.int64))
        dev = self._dev()
        is_int = False
        if isinstance(a, bool) or isinstance(a, int) or (hasattr(a, "__index__") and not
                                                          hasattr(a, "shape")):
            pop_size = operator.index(a)
            is_int = True
            arr = None
        elif isinstance(a, float):
            raise ValueError("a must be 1-dimensional or an integer" if legacy
                             else f"a must be a sequence or an integer, not {type(a)}")
        else:
            arr = as_tensor(a)
            if arr.device != dev:
                arr = arr.to(dev)
            if arr.ndim == 0:
                if arr.is_floating_point() or arr.is_complex():
                    raise ValueError("a must be 1-dimensional or an integer" if legacy
                                     else f"a must be a sequence or an integer, not {type(a)}")
                pop_size = int(arr.item())
                is_int = True
                arr = None
            elif legacy and arr.ndim != 1:
                raise ValueError("a must be 1-dimensional")
            else:
                axis = normalize_axis_index(axis, arr.ndim)
                pop_size = arr.shape[axis]
        # NumPy reads the sample count (np.prod(size)) before the probabilities, and the shape
        # after them: a bad size raises after p's errors
        size_err = None
        if size is None:
            shape = ()
        else:
            try:
                shape = _choice_shape(size)
            except (TypeError, ValueError) as exc:
                size_err, shape = exc, None
        num = 1
        for d in shape or ():
            num *= d
        if is_int and pop_size <= 0 and size_err is not None:
            raise size_err
        if is_int and pop_size <= 0 and num != 0:
            raise ValueError("a must be greater than 0 unless no samples are taken" if legacy
                             else "a must be a positive integer unless no samples are taken")
        if not is_int and pop_size == 0 and num != 0:
            raise ValueError("'a' cannot be empty unless no samples are taken" if legacy
                             else "a cannot be empty unless no samples are taken")
        pt = None
        if p is not None:
            len(p)  # NumPy's d = len(p): scalars raise TypeError here
            pt = as_tensor(p)
            if pt.is_complex():
                raise TypeError("Cannot cast array data from dtype('complex128') to "
                                "dtype('float64') according to the rule 'safe'")
            pt = pt.to(device=_CPU, dtype=_F64)
            if pt.ndim != 1:
                raise ValueError("'p' must be 1-dimensional" if legacy else "p must be 1-dimensional")
            if pt.numel() != pop_size:
                raise ValueError("'a' and 'p' must have same size" if legacy
                                 else "a and p must have same size")
            total = _kahan_sum(pt.tolist())
            if math.isnan(total):
                raise ValueError("probabilities contain NaN" if legacy else "Probabilities contain NaN")
            if bool((pt < 0).any()):
                raise ValueError("probabilities are not non-negative" if legacy
                                 else "Probabilities are not non-negative")
            atol = math.sqrt(2.220446049250313e-16)
            pd = getattr(p, "dtype", None)
            if pd is not None and str(pd) in ("float32", "float16") and hasattr(p, "shape"):
                atol = max(atol, math.sqrt({"float32": 1.1920929e-07,
                                            "float16": 0.000977}[str(pd)]))
            if abs(total - 1.0) > atol:
                raise ValueError("probabilities do not sum to 1" if legacy else
                                 "Probabilities do not sum to 1. See Notes section of docstring "
                                 "for more information.")
        if size_err is not None:
            raise size_err
        if pop_size > _INT64_MAX:
            if replace:
                raise ValueError("high is out of bounds for int64")
            if num <= pop_size and not legacy:
                raise OverflowError("Python int too large to convert to C long")
            if num <= pop_size:
                raise ValueError("Maximum allowed size exceeded")
        s = self._sampler_for(dev)
        if replace:
            if pt is not None:
                cdf = torch.cumsum(pt, 0)
                cdf = cdf / cdf[-1]
                u = s.random(shape).reshape(-1).to(_CPU)
                idx = torch.searchsorted(cdf, u, right=True).to(dev)
            else:
                idx = s.integers((num,), 0, max(pop_size, 1) - 1, torch.int64) if num else \
                    torch.zeros(0, dtype=_I64, device=dev)
        else:
            if num > pop_size:
                raise ValueError("Cannot take a larger sample than population when "
                                 + ("'replace=False'" if legacy else "replace is False"))
            if pt is not None:
                if int((pt > 0).sum()) < num:
                    raise ValueError("Fewer non-zero entries in p than size")
                idx = _choice_p_noreplace(s, pt, num).to(dev)
            elif legacy:
                idx = s.permutation_index(pop_size)[:num]
            else:
                idx = s.choice_noreplace(pop_size, num, shuffle)
        if is_int:
            r = idx.reshape(shape)
            if size is None:
                return r.item()
            return wrap(r)
        r = _take(arr, axis, idx.reshape(-1))
        r = r.reshape(arr.shape[:axis] + tuple(shape) + arr.shape[axis + 1:])
        if size is None and arr.ndim == 1:
            return wrap_scalar(r)
        return wrap(r)

    def _permutation(self, x, axis):
        if _is_integer_scalar(x):
            n = max(operator.index(x), 0)   # np.arange(x): empty for x <= 0
            return wrap(self._sampler_for(self._dev()).permutation_index(n))
        t = as_tensor(x)
        if t.ndim == 0:
            if self._legacy:
                raise IndexError("x must be an integer or at least 1-dimensional")
            raise AxisError(axis, 0)
        axis = normalize_axis_index(operator.index(axis), t.ndim)
        perm = self._sampler_for(t.device).permutation_index(t.shape[axis])
        return wrap(_take(t, axis, perm.to(t.device)))

    def _shuffle(self, x, axis):
        arr = x if isinstance(getattr(x, "tensor", None), torch.Tensor) else None
        if arr is not None and self._legacy and not arr.flags.writeable:
            raise ValueError("array is read-only")
        if isinstance(x, torch.Tensor):
            raise TypeError("shuffle: pass a torchnp array or a mutable sequence, not a "
                            "torch.Tensor")
        n = len(x)   # NumPy's first step: 0-d arrays and scalars raise TypeError here
        if arr is not None:
            from torchnp._views import begin_write, end_write
            if not self._legacy and not arr.flags.writeable:
                raise ValueError("array is read-only")
            t = arr.tensor
            axis = normalize_axis_index(operator.index(axis), t.ndim)
            if t.numel() == 0:
                return None
            perm = self._sampler_for(t.device).permutation_index(t.shape[axis]).to(t.device)
            w = begin_write(arr)
            w.copy_(_take(t, axis, perm))
            end_write(arr, w)
            return None
        if axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects")
        if n <= 1:
            return None  # NumPy's swap loop does nothing (tuples pass too)
        perm = self._sampler_for(_CPU).permutation_index(n).tolist()
        items = [x[i] for i in perm]
        for i, v in enumerate(items):
            x[i] = v
        return None

    def _multivariate_normal(self, mean, cov, size, check_valid, tol, method):
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        dev = self._dev()
        m = as_tensor(mean)
        c = as_tensor(cov)
        if not self._legacy and (m.is_complex() or c.is_complex()):
            raise TypeError("mean and cov must not be complex")
        if m.ndim != 1:
            raise ValueError("mean must be 1 dimensional")
        if c.ndim != 2 or c.shape[0] != c.shape[1]:
            raise ValueError("cov must be 2 dimensional and square")
        if m.shape[0] != c.shape[0]:
            raise ValueError("mean and cov must have same length")
        shape = () if size is None else _mvn_shape(size)
        final = tuple(shape) + (m.shape[0],)
        x = self._sampler_for(dev).standard_normal(final).reshape(-1, m.shape[0])
        m = m.to(device=dev, dtype=_F64)
        c = c.to(device=_CPU, dtype=_F64)
        if method == "svd":
            u, s, vh = torch.linalg.svd(c)
        elif method == "eigh":
            s, u = torch.linalg.eigh(c)
        else:
            lower = torch.linalg.cholesky(c)
        if check_valid != "ignore" and method != "cholesky":
            if check_valid not in ("warn", "raise"):
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            if method == "svd":
                psd = bool(torch.allclose((vh.mT * s) @ vh, c, rtol=tol, atol=tol))
            else:
                psd = not bool((s < -tol).any())
            self._psd_report(psd, check_valid)
        if self._legacy:
            factor = (torch.sqrt(s)[:, None] * vh).to(dev)
            r = x @ factor
            r = r + m
        else:
            if method == "cholesky":
                factor = lower
            elif method == "eigh":
                factor = u * torch.sqrt(s.abs())
            else:
                factor = u * torch.sqrt(s)
            r = m + x @ factor.to(dev).mT
        return wrap(r.reshape(final))

    @staticmethod
    def _psd_report(psd, check_valid):
        if psd:
            return
        msg = "covariance is not symmetric positive-semidefinite."
        if check_valid == "warn":
            warnings.warn(msg, RuntimeWarning, stacklevel=4)
        else:
            raise ValueError(msg)

    def dirichlet(self, alpha, size=None):
        """Mirrors ``Generator.dirichlet`` / ``RandomState.dirichlet``."""
        dev = self._dev()
        if isinstance(alpha, (int, float)):
            raise TypeError(f"object of type '{type(alpha).__name__}' has no len()")
        a = as_tensor(alpha).to(device=dev, dtype=_F64)
        if a.ndim != 1:
            raise ValueError("setting an array element with a sequence. The requested array would "
                             "exceed the maximum number of dimension of 1.")
        if self._legacy:
            if bool((a <= 0).any()) or bool(torch.isnan(a).any()):
                raise ValueError("alpha <= 0")
        else:
            if bool((a < 0).any()):
                raise ValueError("alpha < 0")
            if bool(torch.isnan(a).any()):
                raise ValueError("alpha contains NaNs")
        shape = () if size is None else _lead_shape(size)
        if a.numel() == 0:
            return wrap(torch.empty(shape + (0,), dtype=_F64, device=dev))
        return wrap(self._sampler_for(dev).dirichlet(shape, a))

    def multinomial(self, n, pvals, size=None):
        """Mirrors ``Generator.multinomial`` / ``RandomState.multinomial``."""
        dev = self._dev()
        pv = as_tensor(pvals).to(device=dev, dtype=_F64)
        if pv.ndim == 0 or pv.shape[-1] == 0:
            raise ValueError("pvals must have at least 1 dimension and the last dimension of pvals "
                             "must be greater than 0.")
        if self._legacy and pv.ndim != 1:
            raise ValueError("object too deep for desired array")
        nv = self._param(n, dev, _I64)
        _check("n", nv.to(_F64) if isinstance(nv, torch.Tensor) else float(nv), NONNEG)
        if bool(((pv < 0) | (pv > 1) | torch.isnan(pv)).any()):
            raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
        if bool((pv[..., :-1].sum(-1) > 1.0 + 1e-12).any()):
            raise ValueError("sum(pvals[:-1]) > 1.0")
        bshape = pv.shape[:-1]
        if isinstance(nv, torch.Tensor):
            try:
                bshape = _broadcast_shapes(tuple(bshape), tuple(nv.shape))
            except RuntimeError:
                raise _broadcast_error([tuple(nv.shape), tuple(pv.shape[:-1])]) from None
        if size is None:
            shape = tuple(bshape)
        else:
            shape = _lead_shape(size)
            try:
                full = _broadcast_shapes(shape, tuple(bshape))
            except RuntimeError:
                raise _broadcast_error([shape, tuple(bshape)]) from None
            if full != shape:
                raise ValueError(f"Output size {shape} is not compatible with broadcast dimensions "
                                 f"of inputs {full}.")
        nt = nv if isinstance(nv, torch.Tensor) else int(nv)
        return wrap(self._sampler_for(dev).multinomial(shape, nt, pv))

    def bytes(self, length):
        """Random bytes. Mirrors ``Generator.bytes`` / ``RandomState.bytes``."""
        length = _c_int(length)   # NumPy's npy_intp argument: floats truncate
        q = abs(length - 1) // 4  # C's truncating division, as NumPy's Cython computes it
        n_words = (q if length >= 1 else -q) + 1
        s = self._sampler_for(self._dev())
        words = s.integers((max(n_words, 0),), 0, 0xFFFFFFFF, torch.uint32)
        w = words.to(_CPU).to(_I64).tolist()
        return b"".join(v.to_bytes(4, "little") for v in w)[:length]


    # --- pickling and repr (the same state for both classes) -----------------------------
    def __repr__(self):
        return f"{type(self).__name__}({type(self._bit_generator).__name__})"

    def __getstate__(self):
        return {"bit_generator": self._bit_generator, "device": self._device}

    def __setstate__(self, d):
        self._bit_generator = d["bit_generator"]
        self._device = d["device"]


class Generator(_RandomBase):
    """Container for a bit generator with every distribution. Mirrors ``numpy.random.Generator``.

    Extension: ``device=`` (keyword only) fixes the torch device arrays are
    generated on; by default, torch's default device at each call.
    The distributions shared with RandomState are installed from
    ``_PARAM_DISTRIBUTIONS`` (see the module docstring).
    """

    def __init__(self, bit_generator, *, device=None):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Generator requires a BitGenerator instance (torchnp.random.PCG64, ...)")
        self._bit_generator = bit_generator
        self._device = _canonical_device(device)

    @property
    def bit_generator(self):
        """The bit generator this Generator draws from."""
        return self._bit_generator

    def spawn(self, n_children):
        """Independent child Generators. Mirrors ``Generator.spawn``."""
        n_children = _c_int(n_children, -(1 << 31), (1 << 31) - 1, "value too large to convert to int")
        return [type(self)(bg, device=self._device) for bg in self._bit_generator.spawn(n_children)]

    # --- simple random data -------------------------------------------------------
    @staticmethod
    def _float_dtype(dtype, what):
        if dtype is _dtypes.float64 or dtype is None:   # np.dtype(None) is float64
            return _F64
        tdt = _dtypes.to_torch_dtype(dtype)
        if tdt not in (torch.float64, torch.float32):
            raise TypeError(f"Unsupported dtype dtype('{_dtypes.from_torch(tdt).name}') for {what}")
        return tdt

    @staticmethod
    def _out_tensor(out, tdt, size, require_c=True):
        """The tensor of a ``out=`` array, after NumPy's check_output: C- (or, unless
        ``require_c``, Fortran-) contiguous and writeable, then the dtype, then the size."""
        o = getattr(out, "tensor", None)
        ok = isinstance(o, torch.Tensor) and getattr(out, "flags", None) is not None and \
            out.flags.writeable and (out.flags.c_contiguous or
                                     (not require_c and out.flags.f_contiguous))
        if not ok:
            raise ValueError(f"Supplied output array must be {'C-' if require_c else ''}"
                             "contiguous, writable, aligned, and in machine byte-order.")
        if o.dtype != tdt:
            raise TypeError("Supplied output array has the wrong type. Expected "
                            f"{_dtypes.from_torch(tdt).name}, got {_dtypes.from_torch(o.dtype).name}")
        if size is not None:
            try:
                tup = tuple(size)
            except TypeError:
                tup = (size,)
            if tup != tuple(o.shape):
                raise ValueError("size must match out.shape when used together")
        return o

    def _fill(self, prim, size, dtype, out, what, *extra):
        if type(size) is int and dtype is _dtypes.float64 and out is None and 0 <= size < _BIG:
            return wrap(getattr(self._smp(), prim)(size, _F64, *extra))
        tdt = self._float_dtype(dtype, what)
        if out is None:
            if type(size) is int and 0 <= size < _BIG:
                return wrap(getattr(self._smp(), prim)(size, tdt, *extra))
            if size is None:
                return getattr(self._smp(), prim)((), tdt, *extra).item()
            return wrap(getattr(self._smp(), prim)(_size_tuple(size, tdt.itemsize), tdt, *extra))
        o = self._out_tensor(out, tdt, size, require_c=False)
        shape = tuple(o.shape)
        if out.flags.c_contiguous:
            vals = getattr(self._sampler_for(o.device), prim)(shape, tdt, *extra)
        else:  # NumPy fills a Fortran-ordered out in its memory order
            vals = getattr(self._sampler_for(o.device), prim)(shape[::-1], tdt, *extra)
            vals = vals.permute(*reversed(range(len(shape))))
        _write_out(out, o, vals)
        return out

    def random(self, size=None, dtype=_dtypes.float64, out=None):
        """Uniform floats in [0, 1). Mirrors ``Generator.random``."""
        return self._fill("random", size, dtype, out, "random")

    def standard_normal(self, size=None, dtype=_dtypes.float64, out=None):
        """Standard normal draws. Mirrors ``Generator.standard_normal``."""
        return self._fill("standard_normal", size, dtype, out, "standard_normal")

    def standard_exponential(self, size=None, dtype=_dtypes.float64, method="zig", out=None):
        """Standard exponential draws. Mirrors ``Generator.standard_exponential``."""
        # NumPy: 'zig' is the ziggurat, any other method the inverse CDF
        return self._fill("standard_exponential", size, dtype, out, "standard_exponential",
                          "zig" if method == "zig" else "inv")

    def standard_gamma(self, shape, size=None, dtype=_dtypes.float64, out=None):
        """Standard gamma draws. Mirrors ``Generator.standard_gamma``."""
        tdt = self._float_dtype(dtype, "standard_gamma")
        dev = self._dev()
        k = self._param(shape, dev)
        _check("shape", k, NONNEG)
        if out is not None:
            o = self._out_tensor(out, tdt, size)
            _write_out(out, o, self._sampler_for(dev).standard_gamma(_out_shape(o.shape, [k]), k,
                                                                      tdt))
            return out
        shp = _out_shape(size, [k])
        r = self._sampler_for(dev).standard_gamma(shp, k, tdt)
        if size is None and not shp:
            return r.item()
        return wrap(r)

    def integers(self, low, high=None, size=None, dtype=_dtypes.int64, endpoint=False):
        """Uniform integers in [low, high) (or [low, high] with endpoint). Mirrors ``Generator.integers``."""
        return self._integers(low, high, size, dtype, endpoint, legacy_int=dtype is int)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Random sample from an array or ``arange(a)``. Mirrors ``Generator.choice``."""
        return self._choice(a, size, replace, p, axis, shuffle)

    # --- permutations -------------------------------------------------------------
    def shuffle(self, x, axis=0):
        """Shuffle an array in place along ``axis``. Mirrors ``Generator.shuffle``."""
        return self._shuffle(x, axis)

    def permutation(self, x, axis=0):
        """A permuted copy (or ``arange(x)`` permuted). Mirrors ``Generator.permutation``."""
        return self._permutation(x, axis)

    def permuted(self, x, *, axis=None, out=None):
        """Shuffle every slice along ``axis`` independently. Mirrors ``Generator.permuted``."""
        t = as_tensor(x)
        if out is not None:
            o = getattr(out, "tensor", None)
            if not isinstance(o, torch.Tensor):
                raise TypeError("out must be a numpy array")
            if not out.flags.writeable:
                raise ValueError("out is read-only")
            if tuple(o.shape) != tuple(t.shape):
                raise ValueError("out must have the same shape as x")
            if not _dtypes.can_cast_torch(t.dtype, o.dtype, "safe"):
                raise TypeError(f"Cannot cast array data from dtype('{_dtypes.from_torch(t.dtype).name}')"
                                f" to dtype('{_dtypes.from_torch(o.dtype).name}') according to the "
                                "rule 'safe'")
        s = self._sampler_for(t.device)
        if axis is None:
            if t.ndim == 0:
                raise TypeError("len() of unsized object")  # NumPy shuffles the 0-d copy
            flat_f = t.ndim > 1 and _k_order_is_f(t)
            src = t.permute(*reversed(range(t.ndim))) if flat_f else t
            flat = src.reshape(-1)
            r = _take(flat, 0, s.permutation_index(flat.numel()).to(t.device))
            r = r.reshape(src.shape)
            if flat_f:
                r = r.permute(*reversed(range(t.ndim)))
        else:
            ax = normalize_axis_index(operator.index(axis), t.ndim)
            moved = t.movedim(ax, -1)
            rows = moved.numel() // max(moved.shape[-1], 1) if moved.shape[-1] else 0
            n = t.shape[ax]
            perms = s.shuffle_rows(rows, n).to(t.device)
            twin = _SIGNED_TWIN.get(t.dtype)
            m2 = moved.reshape(rows, n)
            if rows:
                r = torch.take_along_dim(m2 if twin is None else m2.view(twin), perms, dim=1)
                r = r if twin is None else r.view(t.dtype)
            else:
                r = m2
            r = r.reshape(moved.shape).movedim(-1, ax)
        if out is not None:
            _write_out(out, out.tensor, r.to(out.tensor.dtype))
            return out
        return wrap(r.clone())

    # --- distributions ------------------------------------------------------------
    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """Mirrors ``Generator.multivariate_hypergeometric``."""
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        try:
            operator.index(nsample)
        except TypeError:
            raise ValueError("nsample must be an integer") from None
        nsample = operator.index(nsample)
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        if nsample > _INT64_MAX:
            raise ValueError("nsample must not exceed %d" % _INT64_MAX)
        msg = ("colors must be a one-dimensional sequence of nonnegative integers not exceeding "
               "%d." % _INT64_MAX)
        try:
            c = as_tensor(colors)
        except (TypeError, ValueError):
            raise ValueError(msg) from None
        if c.ndim != 1 or (c.numel() > 0 and (c.is_floating_point() or c.is_complex()
                                               or c.dtype == torch.bool)) \
                or (c.numel() and bool((c < 0).any())):
            raise ValueError(msg)
        c = c.to(device=_CPU, dtype=_I64)
        vals = c.tolist()
        total = 0
        for v in vals:
            if v > _INT64_MAX - total:
                raise ValueError("sum(colors) must not exceed the maximum value of a 64 bit "
                                 "signed integer (%d)" % _INT64_MAX)
            total += v
        if method == "marginals" and total >= 1000000000:
            raise ValueError('When method is "marginals", sum(colors) must be less than '
                             '1000000000.')
        max_index = _INT64_MAX // 8
        if method == "count" and total > max_index:
            raise ValueError("When method is 'count', sum(colors) must not exceed %d" % max_index)
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        if size is None:
            shape = ()
        elif _is_scalar_like(size):      # NumPy: np.isscalar(size) -> (size, k)
            shape = _size_tuple((size,))
        else:
            shape = _size_tuple(_iterate(size))
        k = c.numel()
        dev = self._dev()
        nvar = 1
        for d in shape:
            nvar *= d
        if k == 0:
            return wrap(torch.zeros(shape + (0,), dtype=_I64, device=dev))
        r = self._sampler_for(dev).mv_hypergeometric(c, nsample, nvar, method)
        return wrap(r.reshape(shape + (k,)).to(dev))

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        """Mirrors ``Generator.multivariate_normal``."""
        return self._multivariate_normal(mean, cov, size, check_valid, tol, method)



# --- the parameter distributions, written once for both classes ----------------------------
_REQUIRED = object()
_R = _REQUIRED

# method -> its parameters as (name, default or _REQUIRED, NumPy's constraint or None). The
# sampler method of the same name draws it (TorchSampler.<name>(shape, *params)).
_PARAM_DISTRIBUTIONS = {
    "beta": (("a", _R, POS), ("b", _R, POS)),
    "binomial": (("n", _R, NONNEG), ("p", _R, BOUNDED_0_1)),
    "chisquare": (("df", _R, POS),),
    "exponential": (("scale", 1.0, NONNEG),),
    "f": (("dfnum", _R, POS), ("dfden", _R, POS)),
    "gamma": (("shape", _R, NONNEG), ("scale", 1.0, NONNEG)),
    "geometric": (("p", _R, BOUNDED_GT_0_1),),
    "gumbel": (("loc", 0.0, None), ("scale", 1.0, NONNEG)),
    "laplace": (("loc", 0.0, None), ("scale", 1.0, NONNEG)),
    "logistic": (("loc", 0.0, None), ("scale", 1.0, NONNEG)),
    "lognormal": (("mean", 0.0, None), ("sigma", 1.0, NONNEG)),
    "logseries": (("p", _R, BOUNDED_LT_0_1),),
    "negative_binomial": (("n", _R, POS_NOT_NAN), ("p", _R, BOUNDED_GT_0_1)),
    "noncentral_chisquare": (("df", _R, POS), ("nonc", _R, NONNEG)),
    "noncentral_f": (("dfnum", _R, POS), ("dfden", _R, POS), ("nonc", _R, NONNEG)),
    "normal": (("loc", 0.0, None), ("scale", 1.0, NONNEG)),
    "pareto": (("a", _R, POS),),
    "poisson": (("lam", 1.0, POISSON),),
    "power": (("a", _R, POS),),
    "rayleigh": (("scale", 1.0, NONNEG),),
    "standard_cauchy": (),
    "standard_t": (("df", _R, POS),),
    "vonmises": (("mu", _R, None), ("kappa", _R, NONNEG)),
    "wald": (("mean", _R, POS), ("scale", _R, POS)),
    "weibull": (("a", _R, NONNEG),),
    "zipf": (("a", _R, GT_1),),
}
# integer parameters (converted to int64; checked as floats)
_INT_PARAMS = {("binomial", "n")}
# where the legacy API checks a different constraint
_LEGACY_CONSTRAINTS = {("negative_binomial", "n"): POS}
# RandomState's own rows (Generator's standard_gamma also takes dtype= and out=)
_LEGACY_ONLY = {"standard_gamma": (("shape", _R, NONNEG),)}

_METHOD_GLOBALS = {"_PY": _PY_NUMBERS, "_wrap": wrap, "_size_tuple": _size_tuple, "_BIG": _BIG,
                   "__builtins__": __builtins__}


def _method_source(name, params, legacy):
    """The source of one distribution method: a Python-scalar fast path, then ``_draw``."""
    sig, fast, specs, ints = [], [], [], []
    for i, (p, default, kind) in enumerate(params):
        sig.append(p if default is _REQUIRED else f"{p}={default!r}")
        if legacy:
            kind = _LEGACY_CONSTRAINTS.get((name, p), kind)
        is_int = (name, p) in _INT_PARAMS
        if is_int:
            ints.append(i)
        fast.append(f"        {p} = {'int' if is_int else 'float'}({p})")
        for expr, msg in _RULES.get(kind, ()):
            fast.append(f"        if {expr.format(v=p)}:")
            fast.append(f"            raise ValueError({_message(msg, p, True)!r})")
        specs.append(f"({p}, {p!r}, {kind!r})")
    args = "".join(f", {p}" for p, _, _ in params)
    scalar = " and ".join(f"type({p}) in _PY" for p, _, _ in params) or "True"
    api = "RandomState" if legacy else "Generator"
    return "\n".join([
        f"def {name}(self, {''.join(s + ', ' for s in sig)}size=None):",
        f"    \"\"\"Mirrors ``{api}.{name}`` (see ``_PARAM_DISTRIBUTIONS``).\"\"\"",
        f"    if {scalar}:",
        *fast,
        "        if type(size) is int and 0 <= size < _BIG:",
        f"            return _wrap(self._smp().{name}(size{args}))",
        "        if size is None:",
        f"            return self._smp().{name}((){args}).item()",
        f"        return _wrap(self._smp().{name}(_size_tuple(size){args}))",
        f"    return self._draw({name!r}, size, ({''.join(s + ', ' for s in specs)}), {tuple(ints)!r})",
        "",
    ])


def _install_distributions(cls, legacy):
    """Add every row of the distribution tables to ``cls`` as a method."""
    rows = dict(_PARAM_DISTRIBUTIONS, **(_LEGACY_ONLY if legacy else {}))
    for name, params in rows.items():
        src = _method_source(name, params, legacy)
        filename = f"<torchnp.random {cls.__name__}.{name}>"
        linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
        ns = {}
        exec(compile(src, filename, "exec"), _METHOD_GLOBALS, ns)  # noqa: S102 (our own text)
        fn = ns[name]
        fn.__module__ = cls.__module__
        fn.__qualname__ = f"{cls.__name__}.{name}"
        setattr(cls, name, fn)


_install_distributions(Generator, legacy=False)


def default_rng(seed=None, *, device=None):
    """A Generator on PCG64 seeded with ``seed``. Mirrors ``numpy.random.default_rng``.

    Extension: ``device=`` (keyword only) is passed to ``Generator``.
    """
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed, device=device)
    return Generator(PCG64(seed), device=device)
