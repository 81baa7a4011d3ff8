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
    _CPU, PCG64, BitGenerator, _default_device, _len_mode_stack,
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
def _size_tuple(size):
    if isinstance(size, int):
        dims = (size,)
    elif isinstance(size, float):
        raise TypeError(f"expected a sequence of integers or a single integer, got '{size}'")
    elif hasattr(size, "__index__") and not hasattr(size, "__len__"):
        dims = (operator.index(size),)
    else:
        t = getattr(size, "tensor", None)
        if isinstance(t, torch.Tensor):
            size = t.tolist() if t.ndim else [t.item()]
        try:
            dims = tuple(operator.index(s) for s in size)
        except TypeError as exc:
            if not hasattr(size, "__iter__"):
                raise TypeError(f"expected a sequence of integers or a single integer, "
                                f"got '{size}'") from None
            raise TypeError(str(exc)) from None
    if any(d < 0 for d in dims):
        raise ValueError("negative dimensions are not allowed")
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
    try:
        b = _broadcast_shapes(*shapes) if shapes else ()
    except RuntimeError:
        raise _broadcast_error(shapes) from None
    if size is None:
        return b
    size = _size_tuple(size)
    try:
        full = _broadcast_shapes(size, b)
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

    def _smp(self):
        """The sampler for this object's device; on the CPU, the bit generator's cached one."""
        dev = self._device
        if (dev is None and not _len_mode_stack()) or dev is _CPU:
            s = self._bit_generator._cpu_sampler
            return s if s is not None else self._bit_generator._sampler(_CPU)
        return self._bit_generator._sampler(self._dev())

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
        vals = []
        for i, (x, name, kind) in enumerate(specs):
            v = self._param(x, dev, _I64 if i in int_params else _F64)
            if i in int_params and kind is not None:
                _check(name, v.to(_F64) if isinstance(v, torch.Tensor) else float(v), kind)
            else:
                _check(name, v, kind)
            vals.append(v)
        return self._sample(method, size, vals, dev)

    def _sample(self, method, size, vals, dev):
        shape = _out_shape(size, vals)
        r = getattr(self._bit_generator._sampler(dev), method)(shape, *vals)
        if size is None and not shape:
            return r.item()
        return wrap(r)

    def _simple(self, prim, size, dtype=_F64):
        """A parameterless draw (``random``, ``standard_normal`` …) of ``size``."""
        if type(size) is int and size >= 0:
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
            if type(size) is int and size >= 0:
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
            big = (lambda v: bool((v >= 10**9).any()) if isinstance(v, torch.Tensor) else v >= 10**9)
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
            if _INT64_MIN <= lo <= hi < _INT64_MAX:
                s = self._smp()
                shape = (size,) if type(size) is int and size >= 0 else (
                    () if size is None else _size_tuple(size))
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
        lo, hi = self._param(low, dev, _I64), self._param(high, dev, _I64)
        if isinstance(high, int) and not isinstance(high, bool) and high >= (1 << 63):
            hi = high  # uint64 upper bounds beyond int64
        if isinstance(low, int) and not isinstance(low, bool):
            lo = low

        if not endpoint:
            if isinstance(low, int) and low == 0 and _any_cmp(hi, "<=", 0):
                raise ValueError("high <= 0")
            hi = hi - 1
        if _any_cmp(lo, "<", lo_b):
            raise ValueError(f"low is out of bounds for {name}")
        if _any_cmp(hi, ">", hi_b):
            raise ValueError(f"high is out of bounds for {name}")
        if _any_cmp(lo - hi, ">", 0):
            raise ValueError("low > high" if endpoint else "low >= high")
        shape = _out_shape(size, [lo, hi])
        r = self._bit_generator._sampler(dev).integers(shape, lo, hi, tdt)
        if size is None and not shape:
            if legacy_int is True:
                return r.item()
            return wrap_scalar(r)
        return wrap(r)


    def _choice(self, a, size, replace, p, axis):
        if type(a) is int and a > 0 and replace and p is None and type(size) is int and size >= 0:
            # fast path: ``choice(n, k)`` is k uniform integers below n
            s = self._smp()
            if type(s) is TorchSampler:
                return wrap(torch.randint(0, a, (size,), generator=s.gen, device=s.device))
            return wrap(s.integers((size,), 0, a - 1, torch.int64))
        legacy = self._legacy
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
                    raise ValueError(f"a must be a sequence or an integer, not {type(a)}")
                pop_size = int(arr.item())
                is_int = True
                arr = None
            else:
                axis = normalize_axis_index(axis, arr.ndim)
                pop_size = arr.shape[axis]
        shape = () if size is None else _size_tuple(size)
        num = 1
        for s in shape:
            num *= s
        if is_int and pop_size <= 0 and (num > 0 or pop_size < 0):
            raise ValueError("a must be greater than 0 unless no samples are taken" if legacy
                             else "a must be a positive integer unless no samples are taken")
        if not is_int and pop_size == 0 and num > 0:
            raise ValueError("'a' cannot be empty unless no samples are taken" if legacy
                             else "a cannot be empty unless no samples are taken")
        s = self._bit_generator._sampler(dev)
        if p is not None:
            pt = as_tensor(p).to(device=dev, dtype=_F64)
            if pt.ndim != 1:
                raise ValueError("'p' must be 1-dimensional" if legacy else "p must be 1-dimensional")
            if pt.numel() != pop_size:
                raise ValueError("'a' and 'p' must have same size" if legacy
                                 else "a and p must have same size")
            bad_nan, bad_neg, total, nnz = torch.stack([
                torch.isnan(pt).any().to(_F64), (pt < 0).any().to(_F64), pt.sum(),
                (pt > 0).sum().to(_F64)]).tolist()  # one sync for every check
            if bad_nan:
                raise ValueError("probabilities contain NaN" if legacy else "Probabilities contain NaN")
            if bad_neg:
                raise ValueError("probabilities are not non-negative" if legacy
                                 else "Probabilities are not non-negative")
            if abs(total - 1.0) > math.sqrt(2.220446049250313e-16):
                raise ValueError("probabilities do not sum to 1" if legacy else
                                 "Probabilities do not sum to 1. See Notes section of docstring "
                                 "for more information.")
            if not replace:
                if num > pop_size:
                    raise ValueError("Cannot take a larger sample than population when "
                                     + ("'replace=False'" if legacy else "replace is False"))
                if num > nnz:
                    raise ValueError("Fewer non-zero entries in p than size")
            idx = s.choice_p(pt, num, replace)
        elif replace:
            idx = s.integers((num,), 0, max(pop_size, 1) - 1, torch.int64)
        else:
            if num > pop_size:
                raise ValueError("Cannot take a larger sample than population when "
                                 + ("'replace=False'" if legacy else "replace is False"))
            idx = s.permutation_index(pop_size)[:num]
        if is_int:
            r = idx.reshape(shape)
            if size is None:
                return r.item()
            return wrap(r)
        r = arr.index_select(axis, idx)
        r = r.reshape(arr.shape[:axis] + tuple(shape) + arr.shape[axis + 1:])
        if size is None and arr.ndim == 1:
            return wrap_scalar(r)
        return wrap(r)

    def _permutation(self, x, axis):
        dev = self._dev()
        if isinstance(x, int) or (hasattr(x, "__index__") and not hasattr(x, "shape")):
            return wrap(self._bit_generator._sampler(dev).permutation_index(operator.index(x)))
        t = as_tensor(x)
        if t.ndim == 0:
            raise AxisError(axis, 0)
        axis = normalize_axis_index(axis, t.ndim)
        perm = self._bit_generator._sampler(t.device).permutation_index(t.shape[axis])
        return wrap(t.index_select(axis, perm))

    def _shuffle(self, x, axis):
        t = x if isinstance(x, torch.Tensor) else getattr(x, "tensor", None)
        if isinstance(t, torch.Tensor):  # an ndarray (or a raw tensor): shuffled in place
            if t.ndim == 0:
                raise TypeError("object of type 'numpy.ndarray' has no len()")
            axis = normalize_axis_index(axis, t.ndim)
            perm = self._bit_generator._sampler(t.device).permutation_index(t.shape[axis])
            t.copy_(t.index_select(axis, perm))
            return None
        if not hasattr(x, "__len__"):
            raise TypeError(f"object of type '{type(x).__name__}' has no len()")
        if axis != 0:
            raise NotImplementedError("shuffle: axis must be 0 for non-array sequences")
        perm = self._bit_generator._sampler(_default_device()).permutation_index(len(x)).tolist()
        items = [x[i] for i in perm]
        for i, v in enumerate(items):
            x[i] = v
        return None

    def _multivariate_normal(self, mean, cov, size, check_valid, tol, method):
        dev = self._dev()
        m = as_tensor(mean).to(device=dev, dtype=_F64)
        c = as_tensor(cov).to(device=dev, dtype=_F64)
        if m.ndim != 1:
            raise ValueError("mean must be 1 dimensional")
        if c.ndim != 2 or c.shape[0] != c.shape[1]:
            raise ValueError("cov must be 2 dimensional and square")
        if m.shape[0] != c.shape[0]:
            raise ValueError("mean and cov must have same length")
        if check_valid not in ("warn", "raise", "ignore"):
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        shape = () if size is None else _size_tuple(size)
        if method == "cholesky":
            factor = torch.linalg.cholesky(c).mT
        elif method == "eigh":
            s, u = torch.linalg.eigh(c)
            if check_valid != "ignore":
                psd = bool((s >= -tol).all())
                self._psd_report(psd, check_valid)
            factor = (u * torch.sqrt(s.clamp(min=0))).mT
        else:
            u, s, vh = torch.linalg.svd(c)
            if check_valid != "ignore":
                psd = bool(torch.allclose((vh.mT * s) @ vh, c, rtol=tol, atol=tol))
                self._psd_report(psd, check_valid)
            factor = torch.sqrt(s)[:, None] * vh
        return wrap(self._bit_generator._sampler(dev).multivariate_normal(shape, m, factor))

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
        shape = () if size is None else _size_tuple(size)
        if a.numel() == 0:
            return wrap(torch.empty(shape + (0,), dtype=_F64, device=dev))
        return wrap(self._bit_generator._sampler(dev).dirichlet(shape, a))

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
            shape = _size_tuple(size)
            try:
                full = _broadcast_shapes(shape, tuple(bshape))
            except RuntimeError:
                raise _broadcast_error([shape, tuple(bshape)]) from None
            if full != shape:
                raise ValueError(f"Output size {shape} is not compatible with broadcast dimensions "
                                 f"of inputs {full}.")
        nt = nv if isinstance(nv, torch.Tensor) else float(nv)
        return wrap(self._bit_generator._sampler(dev).multinomial(shape, nt, pv))

    def bytes(self, length):
        """Random bytes. Mirrors ``Generator.bytes`` / ``RandomState.bytes``."""
        length = operator.index(length)
        s = self._bit_generator._sampler(self._dev())
        r = s.integers((max(length, 0),), 0, 255, torch.uint8)
        return bytes(r.cpu().tolist())


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
        return [type(self)(bg, device=self._device) for bg in self._bit_generator.spawn(n_children)]

    # --- simple random data -------------------------------------------------------
    @staticmethod
    def _float_dtype(dtype, what):
        if dtype is _dtypes.float64:
            return _F64
        tdt = _dtypes.to_torch_dtype(dtype)
        if tdt not in (torch.float64, torch.float32):
            raise TypeError(f"Unsupported dtype dtype('{_dtypes.from_torch(tdt).name}') for {what}")
        return tdt

    @staticmethod
    def _out_tensor(out, tdt, size, contiguous=True):
        """The tensor of a ``out=`` array, after NumPy's checks against ``dtype`` and ``size``."""
        o = getattr(out, "tensor", None)
        if not isinstance(o, torch.Tensor):
            raise TypeError(f"out must be a torchnp.ndarray, not {type(out).__name__}")
        if o.dtype != tdt:
            raise TypeError("Supplied output array has the wrong type. Expected "
                            f"{_dtypes.from_torch(tdt).name}, got {_dtypes.from_torch(o.dtype).name}")
        if contiguous and not o.is_contiguous():
            raise ValueError("Supplied output array must be contiguous, writable, aligned, and "
                             "in machine byte-order.")
        if size is not None and _size_tuple(size) != tuple(o.shape):
            raise ValueError("size must match out.shape when used together")
        return o

    def _fill(self, prim, size, dtype, out, what):
        if type(size) is int and dtype is _dtypes.float64 and out is None and size >= 0:
            return wrap(getattr(self._smp(), prim)(size))
        tdt = self._float_dtype(dtype, what)
        if out is None:
            return self._simple(prim, size, tdt)
        o = self._out_tensor(out, tdt, size)
        o.copy_(getattr(self._bit_generator._sampler(o.device), prim)(tuple(o.shape), tdt))
        return out

    def random(self, size=None, dtype=_dtypes.float64, out=None):
        """Uniform floats in [0, 1). Mirrors ``Generator.random``."""
        return self._fill("random", size, dtype, out, "random")

    def standard_normal(self, size=None, dtype=_dtypes.float64, out=None):
        """Standard normal draws. Mirrors ``Generator.standard_normal``."""
        return self._fill("standard_normal", size, dtype, out, "standard_normal")

    def standard_exponential(self, size=None, dtype=_dtypes.float64, method="zig", out=None):
        """Standard exponential draws. Mirrors ``Generator.standard_exponential``."""
        if method not in ("zig", "inv"):
            raise ValueError("'method' argument must be either 'zig' or 'inv'")
        return self._fill("standard_exponential", size, dtype, out, "standard_exponential")

    def standard_gamma(self, shape, size=None, dtype=_dtypes.float64, out=None):
        """Standard gamma draws. Mirrors ``Generator.standard_gamma``."""
        tdt = self._float_dtype(dtype, "standard_gamma")
        dev = self._dev()
        k = self._param(shape, dev)
        _check("shape", k, NONNEG)
        if out is not None:
            o = self._out_tensor(out, tdt, size, contiguous=False)
            o.copy_(self._bit_generator._sampler(dev).standard_gamma(_out_shape(o.shape, [k]), k, tdt))
            return out
        shp = _out_shape(size, [k])
        r = self._bit_generator._sampler(dev).standard_gamma(shp, k, tdt)
        if size is None and not shp:
            return r.item()
        return wrap(r)

    def integers(self, low, high=None, size=None, dtype=_dtypes.int64, endpoint=False):
        """Uniform integers in [low, high) (or [low, high] with endpoint). Mirrors ``Generator.integers``."""
        return self._integers(low, high, size, dtype, endpoint)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Random sample from an array or ``arange(a)``. Mirrors ``Generator.choice``."""
        return self._choice(a, size, replace, p, axis)
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
        s = self._bit_generator._sampler(t.device)
        if axis is None:
            flat = t.reshape(-1)
            r = flat[s.permutation_index(flat.numel())].reshape(t.shape)
        else:
            axis = normalize_axis_index(operator.index(axis), t.ndim)
            keys = s.random(tuple(t.shape))
            r = torch.take_along_dim(t, keys.argsort(dim=axis), dim=axis)
        if out is not None:
            o = getattr(out, "tensor", None)
            if not isinstance(o, torch.Tensor):
                raise TypeError(f"out must be a torchnp.ndarray, not {type(out).__name__}")
            if tuple(o.shape) != tuple(t.shape):
                raise ValueError("out must have the same shape as x")
            o.copy_(r)
            return out
        return wrap(r)

    # --- distributions ------------------------------------------------------------
    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """Mirrors ``Generator.multivariate_hypergeometric``."""
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        dev = self._dev()
        c = as_tensor(colors)
        if c.ndim != 1 or c.is_floating_point() or c.is_complex() or bool((c < 0).any()):
            raise ValueError("colors must be a one-dimensional sequence of nonnegative integers "
                             "not exceeding 9223372036854775807.")
        c = c.to(device=dev, dtype=_I64)
        nsample = operator.index(nsample)
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        total = int(c.sum().item())
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        shape = () if size is None else _size_tuple(size)
        k = c.numel()
        out = torch.empty(shape + (k,), dtype=_I64, device=dev)
        if k == 0:
            return wrap(out)
        s = self._bit_generator._sampler(dev)
        rem_sample = torch.full(shape, nsample, dtype=_I64, device=dev)
        rem_total = total
        for j in range(k - 1):
            cj = c[j]
            others = rem_total - cj
            x = s.hypergeometric(shape, cj.expand(shape), others.expand(shape), rem_sample)
            out[..., j] = x
            rem_sample = rem_sample - x
            rem_total = others
        out[..., k - 1] = rem_sample
        return wrap(out)

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

_METHOD_GLOBALS = {"_PY": _PY_NUMBERS, "_wrap": wrap, "_size_tuple": _size_tuple,
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
        "        if type(size) is int and size >= 0:",
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
