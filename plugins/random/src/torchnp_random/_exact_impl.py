"""The sampler of the NumPy-exact bit generators: NumPy's algorithms, value for value.

``ExactSampler(bit_generator, device)`` (``Generator``'s algorithms) and
``LegacySampler`` (``RandomState``'s) have the methods of
``_distributions_impl.TorchSampler`` (an output shape, then parameters that
``_generator_impl`` has validated: Python floats or float64 tensors that
broadcast to the shape) plus the permutation and multivariate primitives the
front ends need. Each computes what NumPy computes and leaves the bit
generator where NumPy's would be, so the next draw matches too.

Three ways to run a draw, picked per call:

* **CPU kernels** (``_native``: the algorithms as C loops over the state
  vector, NumPy's speed): eager draws on the CPU;
* **the tensor path** (``_tensor_impl.TensorPath``: torch arithmetic on the
  state tensor, any device, traceable): accelerators, torch.compile, and CPUs
  without a C compiler, for the distributions it has (uniforms, normals,
  exponentials and their transforms, integers, permutation indices); small CPU
  draws before the kernels are built use it too (its host path takes a few
  microseconds, building takes a fraction of a second);
* **host kernels on a device state** (the rest: gamma, beta, poisson,
  binomial, hypergeometric, RandomState's polar normals...): the CPU kernel
  runs on a copy of the state and the result moves to the device (one sync);
  under torch.compile this is the custom op ``torchnp_random::host``, which
  mutates the state tensor in the graph.
"""
from __future__ import annotations

import ctypes

import torch

from . import _native
from ._native import CONT, DISC, ENGINE_ID, FILL
from ._tensor_impl import TensorPath

__all__ = ["ExactSampler", "LegacySampler"]

F64, F32, I64 = torch.float64, torch.float32, torch.int64
_CPU = torch.device("cpu")
_HOST_MAX = 64   # below this many values, draws may use the tensor path's host stream


def _numel(shape):
    if type(shape) is int:
        return shape
    n = 1
    for s in shape:
        n *= s
    return n


def _dims(shape):
    return shape if type(shape) is tuple else (shape,)


def _compiling():
    return torch.compiler.is_compiling()


# ----------------------------------------------------------------------------------------
# host kernels: run on a CPU state vector (int64 tensor) and an optional gauss cache
# ----------------------------------------------------------------------------------------
class _Scalar:
    """A float64 parameter passed by address with stride 0."""

    __slots__ = ("buf",)

    def __init__(self, v):
        self.buf = (ctypes.c_double * 1)(v)

    def ptr(self):
        return ctypes.addressof(self.buf)


class KernelArgumentError(RuntimeError):
    """A kernel call that would reach outside its buffers (a torchnp bug, never user input)."""


# Every pointer the kernels get comes from _ptr/_st_ptr/_gs_ptr: a CPU tensor (never meta,
# CUDA or a tensor without storage) of exactly the dtype the C code reads, contiguous, with
# at least the elements it will touch. The callers hold the tensors in locals for the call.
def _ptr(t, dtype, n):
    if not (isinstance(t, torch.Tensor) and t.device.type == "cpu" and t.dtype == dtype
            and t.is_contiguous() and t.numel() >= n and not t.is_neg() and not t.is_conj()):
        raise KernelArgumentError(
            f"torchnp.random: kernel argument is not a contiguous CPU {dtype} tensor of "
            f"{n} values: {type(t).__name__} {getattr(t, 'dtype', '')} "
            f"{tuple(getattr(t, 'shape', ()))} on {getattr(t, 'device', '')}")
    return t.data_ptr()


def _st_ptr(st, kind):
    """The state vector of engine ``kind``: the kernels read and write all of its words."""
    if kind not in _native.STATE_LEN:
        raise KernelArgumentError(f"torchnp.random: no kernel engine {kind}")
    n = _native.STATE_LEN[kind]
    if isinstance(st, torch.Tensor) and st.numel() != n:
        raise KernelArgumentError(f"torchnp.random: a state of {st.numel()} words for engine "
                                  f"{kind} (needs {n})")
    return _ptr(st, I64, n)


def _gs_ptr(gauss, needed):
    """RandomState's cached normal [has_gauss, gauss], or NULL where the kernel never reads it."""
    if gauss is None:
        if needed:
            raise KernelArgumentError("torchnp.random: a legacy normal kernel without its cache")
        return None
    return _ptr(gauss, F64, 2)


def _n(n):
    """An element count for a C int64 argument."""
    n = int(n)
    if not 0 <= n < (1 << 63):
        raise KernelArgumentError(f"torchnp.random: kernel count {n}")
    return n


def _par(p, shape, n):
    """(pointer, stride, keep-alive) of a float64 parameter for the kernels."""
    if isinstance(p, torch.Tensor):
        if p.ndim == 0 or p.numel() == 1:
            s = _Scalar(float(p.reshape(()).item()))
            return s.ptr(), 0, s
        t = p.to(device=_CPU, dtype=F64).resolve_neg().expand(_dims(shape)).contiguous()
        return _ptr(t, F64, n), 1, t
    s = _Scalar(float(p))
    return s.ptr(), 0, s


def _ipar(p, shape, n):
    if isinstance(p, torch.Tensor):
        t = p.to(device=_CPU, dtype=I64).resolve_neg().expand(_dims(shape)).contiguous()
        return _ptr(t, I64, n), 1, t
    v = int(p)
    if not -(1 << 63) <= v < (1 << 63):  # NumPy converts the parameter to a C long first
        raise OverflowError("Python int too large to convert to C long")
    t = torch.tensor([v], dtype=I64, device=_CPU)
    return _ptr(t, I64, 1), 0, t


def _out(shape, dtype):
    return torch.empty(_dims(shape), dtype=dtype, device=_CPU)


def h_fill(kind, st, gauss, shape, dist, dtype):
    lib = _native.lib()
    n = _n(_numel(shape))
    out = _out(shape, dtype)
    if n:
        d = FILL[dist]
        if dtype == F32:
            if d > 3:
                raise KernelArgumentError(f"torchnp.random: no float32 kernel for {dist}")
            lib.tnp_fill_f32(d, kind, _st_ptr(st, kind), n, _ptr(out, F32, n))
        else:
            lib.tnp_fill_f64(d, kind, _st_ptr(st, kind), n, _ptr(out, F64, n),
                             _gs_ptr(gauss, d in _native.FILL_GAUSS))
    return out


def h_cont(kind, st, gauss, shape, dist, params):
    lib = _native.lib()
    n = _n(_numel(shape))
    out = _out(shape, F64)
    if n:
        if len(params) != _native.CONT_ARGS[dist]:
            raise KernelArgumentError(f"torchnp.random: {dist} takes {_native.CONT_ARGS[dist]} "
                                      f"parameters, not {len(params)}")
        ps = [_par(p, shape, n) for p in params] + [(None, 0, None)] * (3 - len(params))
        d = CONT[dist]
        lib.tnp_cont(d, kind, _st_ptr(st, kind), n, _ptr(out, F64, n), _gs_ptr(gauss, d >= 40),
                     ps[0][0], ps[0][1], ps[1][0], ps[1][1], ps[2][0], ps[2][1])
        del ps   # (kept alive until here)
    return out


def h_disc(kind, st, gauss, shape, dist, fparams, iparams):
    lib = _native.lib()
    n = _n(_numel(shape))
    out = _out(shape, I64)
    if n:
        if (len(fparams), len(iparams)) != _native.DISC_ARGS[dist]:
            raise KernelArgumentError(f"torchnp.random: {dist} takes {_native.DISC_ARGS[dist]} "
                                      f"parameters, not {(len(fparams), len(iparams))}")
        fs = [_par(p, shape, n) for p in fparams] + [(None, 0, None)] * (2 - len(fparams))
        is_ = [_ipar(p, shape, n) for p in iparams] + [(None, 0, None)] * (3 - len(iparams))
        d = DISC[dist]
        lib.tnp_disc(d, kind, _st_ptr(st, kind), n, _ptr(out, I64, n), _gs_ptr(gauss, d >= 40),
                     fs[0][0], fs[0][1], fs[1][0], fs[1][1],
                     is_[0][0], is_[0][1], is_[1][0], is_[1][1], is_[2][0], is_[2][1])
        del fs, is_
    return out


def h_gamma_f32(kind, st, shape, k):
    lib = _native.lib()
    n = _n(_numel(shape))
    out = _out(shape, F32)
    if n:
        if isinstance(k, torch.Tensor) and k.numel() > 1:
            kt = k.to(device=_CPU, dtype=F32).resolve_neg().expand(_dims(shape)).contiguous()
            lib.tnp_gamma_f32(kind, _st_ptr(st, kind), n, _ptr(out, F32, n), _ptr(kt, F32, n), 1)
        else:
            kt = torch.tensor([float(k)], dtype=F32, device=_CPU)
            lib.tnp_gamma_f32(kind, _st_ptr(st, kind), n, _ptr(out, F32, n), _ptr(kt, F32, 1), 0)
    return out


_BITS = {torch.bool: 1, torch.int8: 8, torch.uint8: 8, torch.int16: 16, torch.uint16: 16,
         torch.int32: 32, torch.uint32: 32, torch.int64: 64, torch.uint64: 64}
_STORE = {1: torch.uint8, 8: torch.uint8, 16: torch.uint16, 32: torch.uint32, 64: torch.int64}


def h_bounded(kind, st, shape, off, rng, dtype, masked):
    """NumPy's random_bounded_<type>_fill: values off + [0, rng] (wrapping) of ``dtype``."""
    lib = _native.lib()
    n = _n(_numel(shape))
    bits = _BITS[dtype]
    store = _STORE[bits]
    out = _out(shape, store)
    if n:
        m = (1 << bits) - 1 if bits < 64 else (1 << 64) - 1
        lib.tnp_bounded(kind, _st_ptr(st, kind), n, _ptr(out, store, n), bits, off & m, rng & m,
                        1 if masked else 0)
    return out.view(dtype) if store.itemsize == dtype.itemsize else out.to(dtype)


def h_bounded_b(kind, st, shape, off, rng, dtype, masked):
    """The broadcast loops: ``off``/``rng`` int64 tensors (uint64 bit patterns) of ``shape``."""
    lib = _native.lib()
    n = _n(_numel(shape))
    bits = _BITS[dtype]
    out = _out(shape, I64)
    if n:
        o = off.to(device=_CPU, dtype=I64).expand(_dims(shape)).contiguous()
        r = rng.to(device=_CPU, dtype=I64).expand(_dims(shape)).contiguous()
        lib.tnp_bounded_b(kind, _st_ptr(st, kind), n, _ptr(out, I64, n), bits, _ptr(o, I64, n),
                          _ptr(r, I64, n), 1 if masked else 0)
    return _from_bits(out, bits, dtype)


def _from_bits(v, bits, dtype):
    """int64 holding ``bits``-bit two's-complement values (as unsigned) -> ``dtype``."""
    if dtype == torch.bool:
        return v != 0
    if bits == 64:
        return v.view(torch.uint64) if dtype == torch.uint64 else v
    m = (1 << bits) - 1
    v = v & m
    if dtype in (torch.int8, torch.int16, torch.int32):
        half = 1 << (bits - 1)
        v = ((v + half) & m) - half
    return v.to(dtype)


def h_shuffle(kind, st, n, first, data, lemire):
    """Fisher-Yates on the int64 CPU tensor ``data`` (in place): positions n-1 down to first."""
    n, first = _n(n), _n(first)
    if n > first:
        _native.lib().tnp_shuffle(kind, _st_ptr(st, kind), n, first, _ptr(data, I64, n),
                                  1 if lemire else 0)
    return data


# the names the custom op dispatches to (arguments: tensors, then plain values)
def _host_dispatch(fn, st, gauss, params, ints, floats, strs, shape):
    kind = ints[0]
    if fn == "fill":
        return h_fill(kind, st, gauss, tuple(shape), strs[0], _DTYPES[strs[1]])
    if fn == "cont":
        vals = _unpack(params, floats, ints[1:])
        return h_cont(kind, st, gauss, tuple(shape), strs[0], vals)
    if fn == "disc":
        nf = ints[1]
        vals = _unpack(params, floats, ints[2:])
        return h_disc(kind, st, gauss, tuple(shape), strs[0], vals[:nf], vals[nf:])
    if fn == "gamma_f32":
        vals = _unpack(params, floats, ints[1:])
        return h_gamma_f32(kind, st, tuple(shape), vals[0])
    raise ValueError(fn)


_DTYPES = {"float64": F64, "float32": F32}


def _pack(values):
    """Parameters as (tensors, floats, layout) for the custom op: layout[i] is 1 when value i
    is the next tensor, 0 when it is the next float."""
    tensors, floats, layout = [], [], []
    for v in values:
        if isinstance(v, torch.Tensor):
            tensors.append(v)
            layout.append(1)
        else:
            floats.append(float(v))
            layout.append(0)
    return tensors, floats, layout


def _unpack(tensors, floats, layout):
    it_t, it_f = iter(tensors), iter(floats)
    return [next(it_t) if k else next(it_f) for k in layout]


@torch.library.custom_op("torchnp_random::host", mutates_args=("state", "gauss"))
def _host_op(fn: str, state: torch.Tensor, gauss: torch.Tensor, params: list[torch.Tensor],
             ints: list[int], floats: list[float], strs: str, shape: list[int],
             device: torch.device) -> torch.Tensor:
    strs = strs.split("|")
    st = state.cpu() if state.device.type != "cpu" else state
    g = gauss.cpu() if gauss.device.type != "cpu" else gauss
    out = _host_dispatch(fn, st, g if g.numel() else None,
                         [p.cpu() for p in params], ints, floats, strs, shape)
    if st is not state:
        state.copy_(st)
    if g is not gauss:
        gauss.copy_(g)
    return out.to(device)


@_host_op.register_fake
def _(fn, state, gauss, params, ints, floats, strs, shape, device):
    strs = strs.split("|")
    if fn == "fill":
        dt = _DTYPES[strs[1]]
    elif fn == "disc":
        dt = I64
    elif fn == "gamma_f32":
        dt = F32
    else:
        dt = F64
    return torch.empty(shape, dtype=dt, device=device)


# ----------------------------------------------------------------------------------------
# the sampler
# ----------------------------------------------------------------------------------------
_EMPTY = {}


def _no_gauss(device):
    t = _EMPTY.get(device)
    if t is None or _compiling():
        t = torch.zeros(0, dtype=F64, device=device)
        if not _compiling():
            _EMPTY[device] = t
    return t


class ExactSampler:
    """NumPy's Generator algorithms on ``bit_generator``'s stream, on ``device``."""

    legacy = False
    _masked = False
    # legacy RandomState names of the C kernels (LegacySampler)
    _CONT_NAMES = {}
    _DISC_NAMES = {}

    def __init__(self, bit_generator, device, gauss=None):
        self.bg = bit_generator
        self.device = device
        self.kind = ENGINE_ID[bit_generator._engine.name]
        self.gauss = gauss          # RandomState's cached polar normal: float64 [has, value]
        self.tensor = TensorPath(bit_generator, device, masked=self._masked)
        self._on_cpu = device.type == "cpu"

    # --- where a draw runs ------------------------------------------------------------
    def _native(self, n):
        """True: run the CPU kernels directly (eager, CPU; small draws only once built)."""
        if not self._on_cpu or _compiling():
            return False
        if n <= _HOST_MAX and not _native.loaded():
            return False
        return _native.lib() is not None

    def _st(self):
        return self.bg._state_on(_CPU)

    def _k(self, fn, *args):
        """The CPU kernel ``fn(kind, state, *args)``, holding the bit generator's lock (as NumPy
        does: threads sharing it draw distinct numbers, and its state is never swapped or
        moved under a running kernel)."""
        with self.bg.lock:
            return fn(self.kind, self.bg._state_on(_CPU), *args)

    def _gauss_on(self, device):
        return self.gauss   # always a CPU tensor (the host kernels are its only users)

    def _host(self, fn, shape, strs, values=(), ints=(), gauss=False):
        """A host kernel: directly on the CPU, through the custom op under torch.compile,
        on a host copy of the state for other devices."""
        if not _compiling() and self._on_cpu:
            if _native.lib() is None:
                raise NotImplementedError(
                    f"torchnp.random.{strs[0]}: NumPy's algorithm runs in torchnp's CPU "
                    "kernels, which need a C compiler (cc, or $CC); none worked here")
            g = self._gauss_on(_CPU) if gauss else None
            if fn == "fill":
                return self._k(h_fill, g, shape, strs[0], _DTYPES[strs[1]])
            if fn == "cont":
                return self._k(h_cont, g, shape, strs[0], values)
            if fn == "disc":
                nf = ints[0]
                return self._k(h_disc, g, shape, strs[0], values[:nf], values[nf:])
            return self._k(h_gamma_f32, shape, values[0])
        dev = self.device
        st = self.bg._state_on(dev)
        g = self._gauss_on(dev) if gauss else None
        tensors, floats, layout = _pack(values)
        return _host_op(fn, st, g if g is not None else _no_gauss(_CPU), tensors,
                        [self.kind, *ints, *layout], floats, "|".join(strs), list(_dims(shape)),
                        dev)

    # --- uniform, normal, exponential -------------------------------------------------
    def random(self, shape, dtype=F64):
        if self._native(_numel(shape)):
            return self._k(h_fill, None, shape, "random", dtype)
        return self.tensor.random(shape, dtype)

    def random_bits(self, shape):
        if self._native(_numel(shape)):
            n = _n(_numel(shape))
            out = _out(shape, I64)
            if n:
                with self.bg.lock:
                    st = self._st()
                    _native.lib().tnp_raw64(self.kind, _st_ptr(st, self.kind), n,
                                            _ptr(out, I64, n))
            return out
        return self.tensor.random_bits(shape)

    def standard_normal(self, shape, dtype=F64):
        if self._native(_numel(shape)):
            return self._k(h_fill, None, shape, "standard_normal", dtype)
        return self.tensor.standard_normal(shape, dtype)

    def standard_exponential(self, shape, dtype=F64, method="zig"):
        name = "standard_exponential" if method == "zig" else "exponential_inv"
        if self._native(_numel(shape)):
            return self._k(h_fill, None, shape, name, dtype)
        return self.tensor.standard_exponential(shape, dtype, method)

    def _tensor_or_cont(self, name, shape, *params):
        if self._native(_numel(shape)):
            return self._k(h_cont, None, shape, name, params)
        return getattr(self.tensor, name)(shape, *params)

    def uniform(self, shape, low, high):
        # NumPy draws low + (high - low) * U, the range computed once per element
        rng = high - low
        if self._native(_numel(shape)):
            return self._k(h_cont, None, shape, "uniform", (low, rng))
        return self.tensor.uniform(shape, low, high)

    def normal(self, shape, loc, scale):
        return self._tensor_or_cont("normal", shape, loc, scale)

    def exponential(self, shape, scale):
        return self._tensor_or_cont("exponential", shape, scale)

    def lognormal(self, shape, mean, sigma):
        return self._tensor_or_cont("lognormal", shape, mean, sigma)

    def pareto(self, shape, a):
        return self._tensor_or_cont("pareto", shape, a)

    def weibull(self, shape, a):
        return self._tensor_or_cont("weibull", shape, a)

    def power(self, shape, a):
        return self._tensor_or_cont("power", shape, a)

    def rayleigh(self, shape, scale):
        return self._tensor_or_cont("rayleigh", shape, scale)

    def laplace(self, shape, loc, scale):
        return self._tensor_or_cont("laplace", shape, loc, scale)

    def gumbel(self, shape, loc, scale):
        return self._tensor_or_cont("gumbel", shape, loc, scale)

    def logistic(self, shape, loc, scale):
        return self._tensor_or_cont("logistic", shape, loc, scale)

    def triangular(self, shape, left, mode, right):
        return self._tensor_or_cont("triangular", shape, left, mode, right)

    def standard_cauchy(self, shape):
        if self._native(_numel(shape)):
            return self._k(h_fill, None, shape, "standard_cauchy", F64)
        return self.tensor.standard_cauchy(shape)

    # --- the host-kernel distributions ------------------------------------------------
    def _cont(self, name, shape, *params):
        return self._host("cont", shape, (name,), params)

    def _disc(self, name, shape, fparams, iparams):
        return self._host("disc", shape, (name,), (*fparams, *iparams), (len(fparams),))

    def standard_gamma(self, shape, k, dtype=F64):
        if dtype == F32:
            return self._host("gamma_f32", shape, ("standard_gamma",), (k,))
        return self._cont("standard_gamma", shape, k)

    def gamma(self, shape, k, scale):
        return self._cont("gamma", shape, k, scale)

    def beta(self, shape, a, b):
        return self._cont("beta", shape, a, b)

    def chisquare(self, shape, df):
        return self._cont("chisquare", shape, df)

    def f(self, shape, dfnum, dfden):
        return self._cont("f", shape, dfnum, dfden)

    def noncentral_chisquare(self, shape, df, nonc):
        return self._cont("noncentral_chisquare", shape, df, nonc)

    def noncentral_f(self, shape, dfnum, dfden, nonc):
        return self._cont("noncentral_f", shape, dfnum, dfden, nonc)

    def standard_t(self, shape, df):
        return self._cont("standard_t", shape, df)

    def vonmises(self, shape, mu, kappa):
        return self._cont("vonmises", shape, mu, kappa)

    def wald(self, shape, mean, scale):
        return self._cont("wald", shape, mean, scale)

    def poisson(self, shape, lam):
        return self._disc("poisson", shape, (lam,), ())

    def binomial(self, shape, n, p):
        return self._disc("binomial", shape, (p,), (n,))

    def negative_binomial(self, shape, n, p):
        # Generator's check that the Poisson stage cannot overflow (RandomState has none)
        lam = (1 - p) / p * (n + 10 * (n ** 0.5))
        if bool((lam > 9.223372006484771e18).any()) if isinstance(lam, torch.Tensor) \
                else lam > 9.223372006484771e18:
            raise ValueError("n too large or p too small, see Generator.negative_binomial Notes")
        return self._disc("negative_binomial", shape, (n, (1 - p) / p), ())

    def geometric(self, shape, p):
        return self._disc("geometric", shape, (p,), ())

    def zipf(self, shape, a):
        return self._disc("zipf", shape, (a,), ())

    def logseries(self, shape, p):
        return self._disc("logseries", shape, (p,), ())

    def hypergeometric(self, shape, ngood, nbad, nsample):
        return self._disc("hypergeometric", shape, (), (ngood, nbad, nsample))

    # --- integers -----------------------------------------------------------------------
    def integers(self, shape, low, high, dtype):
        """Values in [low, high] (inclusive) with NumPy's bounded generators (Lemire's for
        Generator, masked rejection for RandomState)."""
        n = _numel(shape)
        if self._native(n):
            if isinstance(low, torch.Tensor) or isinstance(high, torch.Tensor):
                lo = _big_tensor(low, shape)
                hi = _big_tensor(high, shape)
                return self._k(h_bounded_b, shape, lo, hi - lo, dtype, self._masked)
            lo, hi = int(low), int(high)
            return self._k(h_bounded, shape, lo, hi - lo, dtype, self._masked)
        return self.tensor.integers(shape, low, high, dtype)

    # --- permutations -------------------------------------------------------------------
    def permutation_index(self, n):
        """The order NumPy's shuffle gives arange(n) (Fisher-Yates, random_interval)."""
        if self._native(n):
            return self._k(h_shuffle, n, 1, torch.arange(n, dtype=I64, device=_CPU), False)
        return self.tensor.permutation_index(n)

    def shuffle_rows(self, rows, n):
        """``rows`` independent permutations of arange(n), drawn one after the other
        (Generator.permuted's slices): a (rows, n) int64 tensor."""
        out = torch.arange(n, dtype=I64, device=_CPU).repeat(rows, 1) if rows else \
            torch.zeros((0, n), dtype=I64, device=_CPU)
        if self._native(rows * n):
            with self.bg.lock:
                st = self._st()
                for r in range(rows):
                    h_shuffle(self.kind, st, n, 1, out[r], False)
            return out
        return torch.stack([self.tensor.permutation_index(n) for _ in range(rows)]) if rows \
            else out.to(self.device)

    def choice_noreplace(self, pop, size, shuffle):
        """Generator.choice(pop, size, replace=False) without p: NumPy's tail shuffle for
        large samples of large populations, else Floyd's algorithm (then a shuffle)."""
        pop, size = int(pop), int(size)
        if not 0 <= size <= pop < (1 << 63):
            raise ValueError(f"torchnp.random: choice of {size} from {pop} without replacement")
        cutoff = 50 if shuffle else 20
        lib = _native.lib()
        if lib is None:
            raise NotImplementedError("torchnp.random: Generator.choice(replace=False) runs in "
                                      "torchnp's CPU kernels, which need a C compiler")
        with self.bg.lock:
            st = self.bg._state_on(_CPU)
            if pop > 10000 and size > pop // cutoff:
                idx = torch.arange(pop, dtype=I64, device=_CPU)
                h_shuffle(self.kind, st, pop, max(pop - size, 1), idx, True)
                out = idx[pop - size:].clone()
            else:
                out = _out(size, I64)
                mask = _gen_mask(int(1.2 * size))   # a table always larger than the sample
                hset = torch.full((mask + 1,), -1, dtype=I64, device=_CPU)
                if size:
                    lib.tnp_floyd(self.kind, _st_ptr(st, self.kind), pop, size,
                                  _ptr(out, I64, size), _ptr(hset, I64, mask + 1), mask)
                if shuffle:
                    h_shuffle(self.kind, st, size, 1, out, True)
        return out.to(self.device)

    # --- multivariate -------------------------------------------------------------------
    def multinomial(self, shape, n, pvals):
        """Rows of counts: ``n`` (int or int64 tensor of ``shape``), ``pvals`` (..., d)."""
        lib = self._lib_or_raise("multinomial")
        d = pvals.shape[-1] if pvals.ndim else 0
        if d < 1:
            raise ValueError("pvals must have at least 1 dimension and the last dimension of "
                             "pvals must be greater than 0.")
        rows = _n(_numel(shape))
        out = torch.zeros(_dims(shape) + (d,), dtype=I64, device=_CPU)
        pv = pvals.to(device=_CPU, dtype=F64).resolve_neg()
        if pv.ndim > 1:
            pv = pv.expand(_dims(shape) + (d,)).contiguous()
            sp = d
        else:
            pv = pv.contiguous()
            sp = 0
        if isinstance(n, torch.Tensor):
            nn = n.to(device=_CPU, dtype=I64).expand(_dims(shape)).contiguous()
            sn = 1
        else:
            nn = torch.tensor([int(n)], dtype=I64, device=_CPU)
            sn = 0
        if rows:
            if bool((nn < 0).any()):
                raise ValueError("n < 0")
            with self.bg.lock:
                st = self._cpu_state()
                lib.tnp_multinomial(self.kind, _st_ptr(st, self.kind), rows, d,
                                    _ptr(out, I64, rows * d), _ptr(nn, I64, rows if sn else 1),
                                    sn, _ptr(pv, F64, rows * d if sp else d), sp,
                                    1 if self.legacy else 0)
        return self._to_dev(out)

    def mv_hypergeometric(self, colors, nsample, nvar, method):
        lib = self._lib_or_raise("multivariate_hypergeometric")
        c = colors.to(device=_CPU, dtype=I64).contiguous()
        k = c.numel()
        vals = c.tolist()
        total = sum(vals)            # exactly (the 'count' kernel writes total indices)
        nsample, nvar = int(nsample), _n(nvar)
        if any(v < 0 for v in vals) or total >= (1 << 63) or not 0 <= nsample <= total:
            raise ValueError("torchnp.random: invalid multivariate_hypergeometric arguments")
        out = torch.zeros((nvar, k), dtype=I64, device=_CPU)
        with self.bg.lock:
            st = self._cpu_state()
            if method == "count":
                work = torch.empty(max(total, 1), dtype=I64, device=_CPU)
                lib.tnp_mvhg_count(self.kind, _st_ptr(st, self.kind), total, k, _ptr(c, I64, k),
                                   nsample, nvar, _ptr(out, I64, nvar * k),
                                   _ptr(work, I64, total))
            else:
                lib.tnp_mvhg_marginals(self.kind, _st_ptr(st, self.kind), total, k,
                                       _ptr(c, I64, k), nsample, nvar, _ptr(out, I64, nvar * k))
        return self._to_dev(out)

    def dirichlet(self, shape, alpha):
        """Generator.dirichlet: stick-breaking with betas when every alpha < 0.1, else
        normalised gammas (RandomState: always gammas)."""
        a = alpha.to(device=_CPU, dtype=F64)
        k = a.numel()
        rows = _numel(shape)
        if not self.legacy and k > 0 and float(a.max()) < 0.1:
            csum = torch.flip(torch.cumsum(torch.flip(a, [0]), 0), [0]).tolist()
            out = torch.zeros((rows, k), dtype=F64, device=_CPU)
            if csum[0] <= 0:
                return self._to_dev(out.reshape(_dims(shape) + (k,)))
            # NumPy's right-to-left running sum, exactly
            acc_s = 0.0
            for j in range(k - 1, -1, -1):
                acc_s += float(a[j])
                csum[j] = acc_s
            # betas per row: up to the first column whose remaining mass is 0
            ncol = k - 1
            for j in range(k - 1):
                if csum[j + 1] == 0:
                    ncol = j + 1
                    break
            if ncol:
                aa = a[:ncol].repeat(rows)
                bb = torch.tensor(csum[1:ncol + 1], dtype=F64, device=_CPU).repeat(rows)
                v = self.beta((rows * ncol,), aa, bb).to(_CPU).reshape(rows, ncol)
            acc = torch.ones(rows, dtype=F64, device=_CPU)
            for j in range(ncol):
                out[:, j] = acc * v[:, j]
                acc = acc * (1. - v[:, j])
            out[:, k - 1] = acc
            return self._to_dev(out.reshape(_dims(shape) + (k,)))
        g = self.standard_gamma((rows * k,), a.repeat(rows)).to(_CPU).reshape(rows, k)
        acc = torch.zeros(rows, dtype=F64, device=_CPU)
        for j in range(k):        # NumPy's sequential sum
            acc = acc + g[:, j]
        inv = 1. / acc
        return self._to_dev((g * inv[:, None]).reshape(_dims(shape) + (k,)))

    # --- helpers ------------------------------------------------------------------------
    def _lib_or_raise(self, what):
        lib = _native.lib()
        if lib is None:
            raise NotImplementedError(f"torchnp.random.{what}: NumPy's algorithm runs in "
                                      "torchnp's CPU kernels, which need a C compiler")
        if _compiling():
            raise NotImplementedError(f"torchnp.random.{what} under torch.compile: draw it "
                                      "outside the compiled region")
        return lib

    def _cpu_state(self):
        return self.bg._state_on(_CPU)

    def _to_dev(self, t):
        return t if self._on_cpu else t.to(self.device)


def _gen_mask(v):
    m = v
    for s in (1, 2, 4, 8, 16, 32):
        m |= m >> s
    return m


def _big_tensor(x, shape):
    """A bound as an int64 tensor of ``shape`` (uint64 values beyond int64 as their bits)."""
    if isinstance(x, torch.Tensor):
        if x.dtype == torch.uint64:
            x = x.view(I64)
        return x.to(device=_CPU, dtype=I64).expand(_dims(shape))
    v = int(x) & ((1 << 64) - 1)
    v = v - (1 << 64) if v >> 63 else v
    return torch.full(_dims(shape), v, dtype=I64, device=_CPU)


class LegacySampler(ExactSampler):
    """RandomState's algorithms (NumPy's legacy distributions) on a bit generator."""

    legacy = True
    _masked = True

    def __init__(self, bit_generator, device, gauss=None):
        super().__init__(bit_generator, device, gauss)

    def standard_normal(self, shape, dtype=F64):
        return self._host("fill", shape, ("legacy_gauss", "float64"), gauss=True)

    def standard_exponential(self, shape, dtype=F64, method="inv"):
        return self._host("fill", shape, ("legacy_exponential", "float64"))

    def standard_cauchy(self, shape):
        return self._host("fill", shape, ("legacy_cauchy", "float64"), gauss=True)

    def _lcont(self, name, shape, *params):
        return self._host("cont", shape, ("legacy_" + name,), params, gauss=True)

    def normal(self, shape, loc, scale):
        return self._lcont("normal", shape, loc, scale)

    def exponential(self, shape, scale):
        return self._lcont("exponential", shape, scale)

    def lognormal(self, shape, mean, sigma):
        return self._lcont("lognormal", shape, mean, sigma)

    def pareto(self, shape, a):
        return self._lcont("pareto", shape, a)

    def weibull(self, shape, a):
        return self._lcont("weibull", shape, a)

    def power(self, shape, a):
        return self._lcont("power", shape, a)

    def rayleigh(self, shape, scale):
        return self._lcont("rayleigh", shape, scale)

    def standard_gamma(self, shape, k, dtype=F64):
        return self._lcont("standard_gamma", shape, k)

    def gamma(self, shape, k, scale):
        return self._lcont("gamma", shape, k, scale)

    def beta(self, shape, a, b):
        return self._lcont("beta", shape, a, b)

    def chisquare(self, shape, df):
        return self._lcont("chisquare", shape, df)

    def f(self, shape, dfnum, dfden):
        return self._lcont("f", shape, dfnum, dfden)

    def noncentral_chisquare(self, shape, df, nonc):
        return self._lcont("noncentral_chisquare", shape, df, nonc)

    def noncentral_f(self, shape, dfnum, dfden, nonc):
        return self._lcont("noncentral_f", shape, dfnum, dfden, nonc)

    def standard_t(self, shape, df):
        return self._lcont("standard_t", shape, df)

    def vonmises(self, shape, mu, kappa):
        return self._lcont("vonmises", shape, mu, kappa)

    def wald(self, shape, mean, scale):
        return self._lcont("wald", shape, mean, scale)

    def _ldisc(self, name, shape, fparams, iparams):
        return self._host("disc", shape, ("legacy_" + name,), (*fparams, *iparams),
                          (len(fparams),), gauss=True)

    def binomial(self, shape, n, p):
        return self._ldisc("binomial", shape, (p,), (n,))

    def negative_binomial(self, shape, n, p):
        return self._ldisc("negative_binomial", shape, (n, (1 - p) / p), ())

    def geometric(self, shape, p):
        return self._ldisc("geometric", shape, (p,), ())

    def zipf(self, shape, a):
        return self._ldisc("zipf", shape, (a,), ())

    def logseries(self, shape, p):
        return self._ldisc("logseries", shape, (p,), ())

    def hypergeometric(self, shape, ngood, nbad, nsample):
        return self._ldisc("hypergeometric", shape, (), (ngood, nbad, nsample))

    def tomaxint(self, shape):
        """random_positive_int: next_uint64 >> 1 per value."""
        return self.random_bits(shape) >> 1 & ((1 << 63) - 1)
