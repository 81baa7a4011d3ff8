"""The tensor path of the NumPy-exact sampler: NumPy's algorithms as torch arithmetic.

``TensorPath(bit_generator, device)`` draws the distributions whose algorithm
has a tensor formulation here (uniforms, the ziggurat normals and
exponentials, their elementwise transforms, bounded integers, permutation
indices) on any device, traceably (``_exact_impl`` decides when it is used:
on accelerators and under torch.compile). Each method computes what NumPy's
``Generator`` computes, value for value, and leaves the bit generator where
NumPy's would be; ``masked=True`` gives RandomState's masked integers.

How the algorithms become tensor code:

* fixed consumption (``random``, ``uniform``, the inverse-transform
  distributions): the words are taken and transformed elementwise;
* rejection with one-word (or k-word) attempts (bounded integers, BTPE,
  PTRS, zipf...): ``_reject.filter_draw``, the first n accepted attempts;
* variable consumption (ziggurats, gamma, von Mises...): ``_reject.draw``,
  every position tried as a start, the cheap common case for all positions
  at once and the full algorithm for the few others, then the path.

Transcendental functions come from the C library (``_libm.call``), exactly
as NumPy's; every other operation is IEEE arithmetic in the order NumPy's C
code performs it (no fused multiply-add), so the values are bit for bit.
"""
from __future__ import annotations


import torch

from . import _libm
from ._reject import draw, filter_draw, loop
from ._u64 import M32, mulhi, s64, srl, ult
from ._ziggurat import ZIGGURAT_EXP_R, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R, tables

__all__ = ["TensorPath"]

F64, F32, I64 = torch.float64, torch.float32, torch.int64
_F32_NOR_R = float(torch.tensor(ZIGGURAT_NOR_R, dtype=F32))
_F32_NOR_INV_R = float(torch.tensor(ZIGGURAT_NOR_INV_R, dtype=F32))
_F32_EXP_R = float(torch.tensor(ZIGGURAT_EXP_R, dtype=F32))
_TABLES = tables()
_DEV_TABLES = {}


def _zig(device):
    if device.type == "cpu":
        return _TABLES
    if torch.compiler.is_compiling():
        return {k: v.to(device) for k, v in _TABLES.items()}
    t = _DEV_TABLES.get(device)
    if t is None:
        t = _DEV_TABLES[device] = {k: v.to(device) for k, v in _TABLES.items()}
    return t


def _numel(shape):
    if type(shape) is int:
        return shape
    n = 1
    for s in shape:
        n *= s
    return n


def _dims(shape):
    return shape if type(shape) is tuple else (shape,)


def _flat(p, n):
    """A parameter per sample: a float stays a float, a tensor is expanded and flattened."""
    if isinstance(p, torch.Tensor):
        return p.expand(n).reshape(-1) if p.ndim == 0 else p.reshape(-1).expand(n) \
            if p.numel() == n else p
    return p


def _bcast(p, shape, n):
    if isinstance(p, torch.Tensor):
        return p.to(F64).expand(_dims(shape)).reshape(n)
    return p


def _at(p, idx):
    """Parameter values at sample indices ``idx`` (None: all samples share ``p``)."""
    if isinstance(p, torch.Tensor) and idx is not None:
        return p.index_select(0, idx)
    return p


def _where(mask, a, b):
    return torch.where(mask, a, b)


class TensorPath:
    """NumPy's Generator algorithms on ``bit_generator``'s stream, on ``device``."""

    def __init__(self, bit_generator, device, masked=False):
        self._masked = masked
        self.bg = bit_generator
        self.device = device
        self.z = _zig(device)
        self._dbl = bit_generator._dbl

    # --- the stream -------------------------------------------------------------------
    def _u64(self, n):
        return self.bg._take(n, 64, self.device)

    def _u32(self, n):
        return self.bg._take(n, 32, self.device)

    def _doubles(self, n):
        return self._dbl(self._u64(n))

    @staticmethod
    def _float(u32):
        """next_float: (next_uint32 >> 8) * 2**-24."""
        return (u32 >> 8).to(F32) * (1.0 / 16777216.0)

    def _lane_double(self, L, mask=None):
        return self._dbl(L.take(mask))

    def _lane_float(self, L, mask=None):
        return self._float(L.take(mask))

    # --- uniform ----------------------------------------------------------------------
    def random(self, shape, dtype=F64):
        n = _numel(shape)
        if dtype == F32:
            return self._float(self._u32(n)).reshape(shape)
        return self._doubles(n).reshape(shape)

    def random_bits(self, shape):
        return self._u64(_numel(shape)).reshape(shape)

    def uniform(self, shape, low, high):
        n = _numel(shape)
        lo = _bcast(low, shape, n)
        rng = _bcast(high, shape, n) - lo
        return (lo + rng * self._doubles(n)).reshape(shape)

    def triangular(self, shape, left, mode, right):
        n = _numel(shape)
        left, mode, right = (_bcast(p, shape, n) for p in (left, mode, right))
        base = right - left
        leftbase = mode - left
        ratio = leftbase / base
        leftprod = leftbase * base
        rightprod = (right - mode) * base
        u = self._doubles(n)
        lo = left + _libm.call("sqrt", u * leftprod)
        hi = right - _libm.call("sqrt", (1.0 - u) * rightprod)
        return torch.where(u <= ratio, lo, hi).reshape(shape)

    # --- normal: NumPy's ziggurat ----------------------------------------------------
    def _normal_fast(self, r):
        z = self.z
        idx = r & 0xFF
        rabs = srl(r, 9) & 0x000FFFFFFFFFFFFF
        x = rabs.to(F64) * z["wi_double"].index_select(0, idx)
        x = torch.where(((r >> 8) & 1).bool(), -x, x)
        return rabs < z["ki_double"].index_select(0, idx), x, idx, rabs

    def _normal_lanes(self, L, act):
        """Full standard normals for the lanes in ``act`` (others keep 0)."""
        z = self.z
        val = torch.zeros(L.cur.shape, dtype=F64, device=self.device)
        state = {"val": val, "tail": torch.zeros_like(act), "rabs": torch.zeros_like(L.cur)}

        def body(act):
            r = L.take(act)
            ok, x, idx, rabs = self._normal_fast(r)
            done = act & ok
            v = torch.where(done, x, state["val"])
            tail = act & ~ok & (idx == 0)
            wedge = act & ~ok & (idx != 0)
            u = self._lane_double(L, wedge)
            f1 = z["fi_double"].index_select(0, idx)
            f0 = z["fi_double"].index_select(0, (idx - 1).clamp(min=0))
            lhs = (f0 - f1) * u + f1
            rhs = _libm.call("exp", -0.5 * x * x)
            accw = wedge & (lhs < rhs)
            v = torch.where(accw, x, v)
            state["tail"] = state["tail"] | tail
            state["rabs"] = torch.where(tail, rabs, state["rabs"])
            state["val"] = v
            return act & ~(done | accw | tail)
        left = loop(act, body)
        self._truncate(L, left)
        # an attempt in the base strip ends its lane with the tail algorithm, which reads
        # the lane's next words: run once for all such lanes after the loop, not inside
        # every round (compiled, each round's body is unrolled)
        tail = state["tail"]
        return torch.where(tail, self._normal_tail(L, tail, state["rabs"]), state["val"])

    def _normal_tail(self, L, act, rabs):
        out = torch.zeros(L.cur.shape, dtype=F64, device=self.device)
        state = {"out": out}
        neg = ((rabs >> 8) & 1).bool()

        def body(act):
            xx = -ZIGGURAT_NOR_INV_R * _libm.call("log1p", -self._lane_double(L, act))
            yy = -_libm.call("log1p", -self._lane_double(L, act))
            ok = act & (yy + yy > xx * xx)
            v = torch.where(neg, -(ZIGGURAT_NOR_R + xx), ZIGGURAT_NOR_R + xx)
            state["out"] = torch.where(ok, v, state["out"])
            return act & ~ok
        left = loop(act, body)
        self._truncate(L, left)
        return state["out"]

    @staticmethod
    def _truncate(L, left):
        """Compiled loops run a fixed number of rounds: lanes still going are marked as
        running past the block, so the draw is retried or reported, never wrong."""
        if left is not None:
            L.cur = torch.where(left, torch.full_like(L.cur, L.R + 1), L.cur)

    def _normal_f_fast(self, r):
        z = self.z
        idx = r & 0xFF
        rabs = (r >> 9) & 0x007FFFFF
        x = rabs.to(F32) * z["wi_float"].index_select(0, idx)
        x = torch.where(((r >> 8) & 1).bool(), -x, x)
        return rabs < z["ki_float"].index_select(0, idx), x, idx, rabs

    def _normal_f_lanes(self, L, act):
        z = self.z
        state = {"val": torch.zeros(L.cur.shape, dtype=F32, device=self.device),
                 "tail": torch.zeros_like(act), "rabs": torch.zeros_like(L.cur)}

        def body(act):
            r = L.take(act)
            ok, x, idx, rabs = self._normal_f_fast(r)
            done = act & ok
            v = torch.where(done, x, state["val"])
            tail = act & ~ok & (idx == 0)
            wedge = act & ~ok & (idx != 0)
            u = self._lane_float(L, wedge)
            f1 = z["fi_float"].index_select(0, idx)
            f0 = z["fi_float"].index_select(0, (idx - 1).clamp(min=0))
            lhs = (f0 - f1) * u + f1
            xd = x.to(F64)
            rhs = _libm.call("exp", -0.5 * xd * xd)
            accw = wedge & (lhs.to(F64) < rhs)
            v = torch.where(accw, x, v)
            state["tail"] = state["tail"] | tail
            state["rabs"] = torch.where(tail, rabs, state["rabs"])
            state["val"] = v
            return act & ~(done | accw | tail)
        self._truncate(L, loop(act, body))
        # the tail, in single precision, once for every lane that ended in it (as above)
        tail = state["tail"]
        st = {"o": torch.zeros_like(state["val"])}
        neg = ((state["rabs"] >> 8) & 1).bool()

        def tbody(ta):
            xx = -_F32_NOR_INV_R * _libm.call("log1pf", -self._lane_float(L, ta))
            yy = -_libm.call("log1pf", -self._lane_float(L, ta))
            ok2 = ta & (yy + yy > xx * xx)
            tv = torch.where(neg, -(_F32_NOR_R + xx), _F32_NOR_R + xx)
            st["o"] = torch.where(ok2, tv, st["o"])
            return ta & ~ok2
        self._truncate(L, loop(tail, tbody))
        return torch.where(tail, st["o"], state["val"])

    def _std_normal(self, n, dtype=F64):
        if dtype == F32:
            def fast(raws, _):
                ok, x, _i, _r = self._normal_f_fast(raws)
                return ok, x
            return draw(self.bg, self.device, 32, n, fast,
                        lambda L, _: self._normal_f_lanes(L, torch.ones_like(L.cur, dtype=torch.bool)),
                        1, 1.02)

        def fast(raws, _):
            ok, x, _i, _r = self._normal_fast(raws)
            return ok, x
        return draw(self.bg, self.device, 64, n, fast,
                    lambda L, _: self._normal_lanes(L, torch.ones_like(L.cur, dtype=torch.bool)),
                    1, 1.02)

    def standard_normal(self, shape, dtype=F64):
        n = _numel(shape)
        if n == 0:
            return torch.empty(_dims(shape), dtype=dtype, device=self.device)
        return self._std_normal(n, dtype).reshape(shape)

    def normal(self, shape, loc, scale):
        n = _numel(shape)
        z = self.standard_normal(shape).reshape(n)
        return (_bcast(loc, shape, n) + _bcast(scale, shape, n) * z).reshape(shape)

    def lognormal(self, shape, mean, sigma):
        return _libm.call("exp", self.normal(shape, mean, sigma))

    def standard_cauchy(self, shape):
        n = _numel(shape)
        if n == 0:
            return torch.empty(_dims(shape), dtype=F64, device=self.device)
        z = self._std_normal(2 * n).reshape(n, 2)
        return (z[:, 0] / z[:, 1]).reshape(shape)

    # --- exponential: NumPy's ziggurat -------------------------------------------------
    def _exp_fast(self, r):
        z = self.z
        idx = srl(r, 3) & 0xFF
        ri = srl(r, 11)
        x = ri.to(F64) * z["we_double"].index_select(0, idx)
        return ri < z["ke_double"].index_select(0, idx), x, idx

    def _exp_lanes(self, L, act):
        z = self.z
        state = {"val": torch.zeros(L.cur.shape, dtype=F64, device=self.device)}

        def body(act):
            ok, x, idx = self._exp_fast(L.take(act))
            done = act & ok
            v = torch.where(done, x, state["val"])
            tail = act & ~ok & (idx == 0)
            wedge = act & ~ok & (idx != 0)
            u = self._lane_double(L, act & ~ok)
            tv = ZIGGURAT_EXP_R - _libm.call("log1p", -u)
            f1 = z["fe_double"].index_select(0, idx)
            f0 = z["fe_double"].index_select(0, (idx - 1).clamp(min=0))
            accw = wedge & ((f0 - f1) * u + f1 < _libm.call("exp", -x))
            v = torch.where(tail, tv, torch.where(accw, x, v))
            state["val"] = v
            return act & ~(done | tail | accw)
        self._truncate(L, loop(act, body))
        return state["val"]

    def _exp_f_fast(self, r):
        z = self.z
        idx = (r >> 1) & 0xFF
        ri = r >> 9
        x = ri.to(F32) * z["we_float"].index_select(0, idx)
        return ri < z["ke_float"].index_select(0, idx), x, idx

    def _exp_f_lanes(self, L, act):
        z = self.z
        state = {"val": torch.zeros(L.cur.shape, dtype=F32, device=self.device)}

        def body(act):
            ok, x, idx = self._exp_f_fast(L.take(act))
            done = act & ok
            v = torch.where(done, x, state["val"])
            tail = act & ~ok & (idx == 0)
            wedge = act & ~ok & (idx != 0)
            u = self._lane_float(L, act & ~ok)
            tv = _F32_EXP_R - _libm.call("log1pf", -u)
            f1 = z["fe_float"].index_select(0, idx)
            f0 = z["fe_float"].index_select(0, (idx - 1).clamp(min=0))
            accw = wedge & ((f0 - f1) * u + f1 < _libm.call("expf", -x))
            v = torch.where(tail, tv, torch.where(accw, x, v))
            state["val"] = v
            return act & ~(done | tail | accw)
        self._truncate(L, loop(act, body))
        return state["val"]

    def _std_exp(self, n, dtype=F64):
        if dtype == F32:
            def fast(raws, _):
                ok, x, _i = self._exp_f_fast(raws)
                return ok, x
            return draw(self.bg, self.device, 32, n, fast,
                        lambda L, _: self._exp_f_lanes(L, torch.ones_like(L.cur, dtype=torch.bool)),
                        1, 1.02)

        def fast(raws, _):
            ok, x, _i = self._exp_fast(raws)
            return ok, x
        return draw(self.bg, self.device, 64, n, fast,
                    lambda L, _: self._exp_lanes(L, torch.ones_like(L.cur, dtype=torch.bool)),
                    1, 1.02)

    def standard_exponential(self, shape, dtype=F64, method="zig"):
        n = _numel(shape)
        if n == 0:
            return torch.empty(_dims(shape), dtype=dtype, device=self.device)
        if method == "inv":
            if dtype == F32:
                u = self._float(self._u32(n)).to(F64)
                return (-_libm.call("log1p", -u)).to(F32).reshape(shape)
            return (-_libm.call("log1p", -self._doubles(n))).reshape(shape)
        return self._std_exp(n, dtype).reshape(shape)

    def exponential(self, shape, scale):
        n = _numel(shape)
        return (_bcast(scale, shape, n) * self.standard_exponential(shape).reshape(n)).reshape(shape)

    # transforms of one standard exponential per sample
    def pareto(self, shape, a):
        n = _numel(shape)
        e = self.standard_exponential(shape).reshape(n)
        return _libm.call("expm1", e / _bcast(a, shape, n)).reshape(shape)

    def weibull(self, shape, a):
        """pow(E, 1/a); a == 0 gives 0 without a draw (so only the others consume)."""
        n = _numel(shape)
        dev = self.device
        if not isinstance(a, torch.Tensor):
            if a == 0:
                return torch.zeros(_dims(shape), dtype=F64, device=dev)
            e = self.standard_exponential(shape).reshape(n)
            return _libm.call("pow", e, torch.tensor(1.0 / a, dtype=F64, device=dev)).reshape(shape)
        a = _bcast(a, shape, n)
        zero = a == 0
        if torch.compiler.is_compiling() or not bool(zero.any()):
            e = self.standard_exponential(shape).reshape(n)
            if torch.compiler.is_compiling():
                torch._assert_async((~zero).all(), "weibull(a=0) inside torch.compile")
            return _libm.call("pow", e, 1.0 / a).reshape(shape)
        keep = (~zero).nonzero().reshape(-1)
        r = torch.zeros(n, dtype=F64, device=dev)
        if keep.numel():
            e = self.standard_exponential((keep.numel(),))
            r[keep] = _libm.call("pow", e, 1.0 / a.index_select(0, keep))
        return r.reshape(shape)

    def power(self, shape, a):
        n = _numel(shape)
        e = self.standard_exponential(shape).reshape(n)
        base = -_libm.call("expm1", -e)
        a = _bcast(a, shape, n)
        inv = 1.0 / a if isinstance(a, torch.Tensor) else torch.tensor(1.0 / a, dtype=F64,
                                                                        device=self.device)
        return _libm.call("pow", base, inv).reshape(shape)

    def rayleigh(self, shape, scale):
        n = _numel(shape)
        e = self.standard_exponential(shape).reshape(n)
        return (_bcast(scale, shape, n) * _libm.call("sqrt", 2.0 * e)).reshape(shape)

    # --- the one-double rejection loops (a draw of exactly 0 or 1 is redrawn) ----------
    def _one_double(self, n, reject):
        def test(rows, _):
            u = self._dbl(rows[:, 0])
            return ~reject(u), u
        return filter_draw(self.bg, self.device, 64, n, test, 1, 1.0)

    def laplace(self, shape, loc, scale):
        n = _numel(shape)
        u = self._one_double(n, lambda u: u == 0.0)
        loc, scale = _bcast(loc, shape, n), _bcast(scale, shape, n)
        hi = loc - scale * _libm.call("log", 2.0 - u - u)
        lo = loc + scale * _libm.call("log", u + u)
        return torch.where(u >= 0.5, hi, lo).reshape(shape)

    def gumbel(self, shape, loc, scale):
        n = _numel(shape)
        u = 1.0 - self._one_double(n, lambda u: (1.0 - u) >= 1.0)
        loc, scale = _bcast(loc, shape, n), _bcast(scale, shape, n)
        return (loc - scale * _libm.call("log", -_libm.call("log", u))).reshape(shape)

    def logistic(self, shape, loc, scale):
        n = _numel(shape)
        u = self._one_double(n, lambda u: u <= 0.0)
        loc, scale = _bcast(loc, shape, n), _bcast(scale, shape, n)
        return (loc + scale * _libm.call("log", u / (1.0 - u))).reshape(shape)

    # --- integers ------------------------------------------------------------------------
    def integers(self, shape, low, high, dtype):
        """Uniform integers in [low, high] (inclusive) with NumPy's bounded generators."""
        n = _numel(shape)
        if isinstance(low, torch.Tensor) or isinstance(high, torch.Tensor):
            return self._integers_array(shape, low, high, dtype)
        off, rng = int(low), int(high) - int(low)
        r = self._bounded(n, rng, dtype)
        return _cast_int(r, off, dtype).reshape(shape)

    def _bounded(self, n, rng, dtype):
        """n values in [0, rng] the way NumPy's random_bounded_<dtype>_fill draws them."""
        dev = self.device
        if n == 0 or rng == 0:
            return torch.zeros(n, dtype=I64, device=dev)
        bits = {torch.bool: 1, torch.int8: 8, torch.uint8: 8, torch.int16: 16,
                torch.uint16: 16}.get(dtype, 64 if dtype in (torch.int64, torch.uint64) else 32)
        if bits == 1:
            return self._chunks(n, 1)
        if bits in (8, 16):
            full = (1 << bits) - 1
            if rng == full:
                return self._chunks(n, bits)
            return self._small_bounded(n, rng, bits)
        if rng <= M32:
            if rng == M32:
                return self._u32(n)
            return self._bounded32(n, rng)
        if rng == (1 << 64) - 1:
            return self._u64(n)
        return self._bounded64(n, rng)

    def _chunks(self, n, bits):
        """n values of ``bits`` bits cut from 32-bit draws, low bits first (NumPy's local
        buffer: the unused rest of the last draw is dropped)."""
        per = 32 // bits
        words = self._u32(-(-n // per))
        shifts = torch.arange(per, device=self.device) * bits
        v = (words[:, None] >> shifts[None, :]) & ((1 << bits) - 1)
        return v.reshape(-1)[:n]

    def _bounded32(self, n, rng):
        excl = rng + 1
        if self._masked:
            mask = _gen_mask(rng)

            def test(rows, _):
                v = rows[:, 0] & mask
                return v <= rng, v
        else:
            threshold = ((M32 - rng) % excl)

            def test(rows, _):
                m = rows[:, 0] * excl
                return (m & M32) >= threshold, srl(m, 32)
        return filter_draw(self.bg, self.device, 32, n, test, 1, 1.0 + (1.0 if self._masked else 0.0))

    def _bounded64(self, n, rng):
        excl = rng + 1
        if self._masked:
            mask = s64(_gen_mask(rng))
            rng_s = s64(rng)

            def test(rows, _):
                v = rows[:, 0] & mask
                return ~ult(torch.full_like(v, rng_s), v), v
        else:
            threshold = s64(((1 << 64) - 1 - rng) % excl)
            excl_s = s64(excl)

            def test(rows, _):
                x = rows[:, 0]
                left = x * excl_s
                return ~ult(left, torch.full_like(left, threshold)), mulhi(x, excl)
        return filter_draw(self.bg, self.device, 64, n, test, 1, 2.0 if self._masked else 1.0)

    def _small_bounded(self, n, rng, bits):
        """8/16-bit values from buffered 32-bit draws: rejection works on the chunks."""
        per = 32 // bits
        full = (1 << bits) - 1
        excl = rng + 1
        # attempts are chunks; speculate on whole 32-bit words and cut them
        m = int(n * 2.05) + 64
        while True:
            words, commit = self.bg._peek(-(-m // per), 32, self.device)
            shifts = torch.arange(per, device=self.device) * bits
            ch = ((words[:, None] >> shifts[None, :]) & full).reshape(-1)
            if self._masked:
                v = ch & _gen_mask(rng)
                acc = v <= rng
            else:
                prod = ch * excl
                v = prod >> bits
                acc = (prod & full) >= ((full - rng) % excl)
            cs = torch.cumsum(acc.to(I64), 0)
            if bool(cs[-1] >= n) or torch.compiler.is_compiling():
                break
            m *= 2
        pos = torch.searchsorted(cs, torch.arange(1, n + 1, device=self.device))
        commit(torch.div(pos[-1], per, rounding_mode="floor") + 1)
        return v.index_select(0, pos)

    def _integers_array(self, shape, low, high, dtype):
        """Broadcast bounds: one bounded draw per element (NumPy's *_broadcast loops)."""
        dev = self.device
        n = _numel(shape)
        lo = torch.as_tensor(low, device=dev).expand(_dims(shape)).reshape(n)
        hi = torch.as_tensor(high, device=dev).expand(_dims(shape)).reshape(n)
        lo_l, hi_l = _big_list(low, shape, n), _big_list(high, shape, n)
        rngs = [h - l for l, h in zip(lo_l, hi_l)]
        out = torch.zeros(n, dtype=I64, device=dev)
        if dtype in (torch.bool, torch.int8, torch.uint8, torch.int16, torch.uint16):
            vals = self._small_bounded_per(rngs, dtype)
        else:
            vals = self._bounded_per(rngs, dtype)
        out = vals
        offs = torch.tensor([s64(v) for v in lo_l], dtype=I64, device=dev) if n else out
        del lo, hi
        return _cast_int(out, offs, dtype).reshape(shape)

    def _bounded_per(self, rngs, dtype):
        """Bounded draws with a range per element; rng 0 draws nothing. Elements are taken in
        runs that use the same word size (32-bit for ranges below 2**32 in 64-bit dtypes)."""
        dev = self.device
        n = len(rngs)
        out = torch.zeros(n, dtype=I64, device=dev)
        wide = dtype in (torch.int64, torch.uint64)

        def kind(r):
            if r == 0:
                return 0
            if not wide or r <= M32:
                return 32 if r != M32 else 33        # 33: a raw 32-bit draw
            return 64 if r != (1 << 64) - 1 else 65  # 65: a raw 64-bit draw
        kinds = [kind(r) for r in rngs]
        i = 0
        while i < n:
            k = kinds[i]
            j = i
            while j < n and (kinds[j] == k or kinds[j] == 0 or k == 0):
                if k == 0 and kinds[j] != 0:
                    k = kinds[j]
                j += 1
            idx = [t for t in range(i, j) if kinds[t] != 0]
            if idx:
                rr = [rngs[t] for t in idx]
                vals = self._bounded_run(rr, k)
                out[torch.tensor(idx, device=dev)] = vals
            i = j
        return out

    def _bounded_run(self, rr, k):
        dev = self.device
        m = len(rr)
        if k == 33:
            return self._u32(m)
        if k == 65:
            return self._u64(m)
        unit = 32 if k == 32 else 64
        if unit == 32:
            excl = torch.tensor([r + 1 for r in rr], dtype=I64, device=dev)
            if self._masked:
                mask = torch.tensor([_gen_mask(r) for r in rr], dtype=I64, device=dev)
                rng = excl - 1

                def test(rows, out):
                    v = rows[:, 0] & mask.index_select(0, out)
                    return v <= rng.index_select(0, out), v
            else:
                thr = torch.tensor([(M32 - r) % (r + 1) for r in rr], dtype=I64, device=dev)

                def test(rows, out):
                    prod = rows[:, 0] * excl.index_select(0, out)
                    return (prod & M32) >= thr.index_select(0, out), srl(prod, 32)
        else:
            excl = torch.tensor([s64(r + 1) for r in rr], dtype=I64, device=dev)
            if self._masked:
                mask = torch.tensor([s64(_gen_mask(r)) for r in rr], dtype=I64, device=dev)
                rng = torch.tensor([s64(r) for r in rr], dtype=I64, device=dev)

                def test(rows, out):
                    v = rows[:, 0] & mask.index_select(0, out)
                    return ~ult(rng.index_select(0, out), v), v
            else:
                thr = torch.tensor([s64(((1 << 64) - 1 - r) % (r + 1)) for r in rr], dtype=I64,
                                   device=dev)

                def test(rows, out):
                    x = rows[:, 0]
                    e = excl.index_select(0, out)
                    return ~ult(x * e, thr.index_select(0, out)), mulhi(x, e)
        return filter_draw(self.bg, dev, unit, m, test, 1, 1.5, index_params=True)

    def _small_bounded_per(self, rngs, dtype):
        """8/16-bit and bool broadcast draws: one shared 32-bit buffer for the whole call."""
        dev = self.device
        n = len(rngs)
        bits = 1 if dtype == torch.bool else (8 if dtype in (torch.int8, torch.uint8) else 16)
        per = 32 // bits
        full = (1 << bits) - 1
        out = torch.zeros(n, dtype=I64, device=dev)
        idx = [t for t in range(n) if rngs[t] != 0]
        if not idx:
            return out
        rr = [rngs[t] for t in idx]
        m = len(rr)
        if bits == 1:
            vals = self._chunks(m, 1)
        else:
            excl = torch.tensor([r + 1 for r in rr], dtype=I64, device=dev)
            rng_t = excl - 1
            is_full = rng_t == full
            mask = torch.tensor([_gen_mask(r) for r in rr], dtype=I64, device=dev)
            thr = torch.tensor([(full - r) % (r + 1) for r in rr], dtype=I64, device=dev)
            masked = self._masked

            def test(rows, o):
                ch = rows[:, 0]
                if masked:
                    v = ch & mask.index_select(0, o)
                    acc = v <= rng_t.index_select(0, o)
                else:
                    prod = ch * excl.index_select(0, o)
                    v = prod >> bits
                    acc = (prod & full) >= thr.index_select(0, o)
                f = is_full.index_select(0, o)
                return acc | f, torch.where(f, ch, v)
            # a stream of chunks: peek whole words, cut, filter, commit whole words
            cnt = int(m * 2.05) + 64
            while True:
                words, commit = self.bg._peek(-(-cnt // per), 32, dev)
                shifts = torch.arange(per, device=dev) * bits
                chunks = ((words[:, None] >> shifts[None, :]) & full).reshape(-1)
                vals, used = _chunk_filter(chunks, m, test)
                if used is not None:
                    break
                cnt *= 2
            commit(-(-used // per))
        out[torch.tensor(idx, device=dev)] = vals
        return out

    # --- permutations (Fisher-Yates with NumPy's interval draws) ----------------------
    def _fy_draws(self, n, first=1, lemire=False):
        """j_i for i = n-1 down to ``first``: random_interval(i) (masked), or with ``lemire``
        random_bounded_uint64(0, i) (Generator's int64 shuffles)."""
        maxes = list(range(n - 1, first - 1, -1))
        if not maxes:
            return torch.zeros(0, dtype=I64, device=self.device), maxes
        old = self._masked
        self._masked = not lemire
        try:
            js = self._bounded_per(maxes, torch.int64)
        finally:
            self._masked = old
        return js, maxes

    def permutation_index(self, n):
        """The permutation NumPy's shuffle applies to arange(n)."""
        return _apply_swaps(n, *self._fy_draws(n), self.device)

    def shuffle_index(self, n, first=1, lemire=False):
        return _apply_swaps(n, *self._fy_draws(n, first, lemire), self.device)


def _chunk_filter(chunks, m, test):
    """The first m accepted chunks (index-refined), and the number of chunks used."""
    dev = chunks.device
    R = chunks.numel()
    out = (torch.arange(R, device=dev) * m // max(R, 1)).clamp(max=m - 1)
    rows = chunks.reshape(-1, 1)
    while True:
        acc, val = test(rows, out)
        cs = torch.cumsum(acc.to(I64), 0)
        if int(cs[-1]) < m:
            return None, None
        real = (cs - acc.to(I64)).clamp(max=m - 1)
        pos = torch.searchsorted(cs, torch.arange(1, m + 1, device=dev))
        upto = int(pos[-1])
        if bool((real[:upto + 1] == out[:upto + 1]).all()):
            return val.index_select(0, pos), upto + 1
        out = real


def _gen_mask(v):
    m = v
    for s in (1, 2, 4, 8, 16, 32):
        m |= m >> s
    return m


def _big_list(x, shape, n):
    """Python ints of a (possibly uint64 beyond int64) bound, broadcast to ``shape``."""
    if isinstance(x, torch.Tensor):
        t = x.expand(_dims(shape)).reshape(n)
        if t.dtype == torch.uint64:
            return [v & ((1 << 64) - 1) for v in t.view(I64).tolist()]
        return [int(v) for v in t.tolist()]
    return [int(x)] * n


def _cast_int(r, off, dtype):
    """off + r in ``dtype`` with wrap-around (r as int64 bits)."""
    if isinstance(off, int):
        off = s64(off)
        r = r + off if off else r
    else:
        r = r + off
    if dtype == torch.uint64:
        return r.view(torch.uint64)
    if dtype == torch.bool:
        return r != 0
    return r.to(dtype)


def _apply_swaps(n, js, maxes, device):
    """The result of ``for i, j in zip(maxes, js): x[i], x[j] = x[j], x[i]`` on arange(n),
    without a loop: the element that ends at position p was last written there by the
    latest swap touching p, and that swap moved the element then at its top position."""
    if n == 0:
        return torch.zeros(0, dtype=I64, device=device)
    if not maxes:
        return torch.arange(n, device=device)
    i_t = torch.tensor(maxes, dtype=I64, device=device)      # decreasing
    j_t = js.to(I64)
    # step s (0-based, in execution order) swaps positions i_t[s] and j_t[s];
    # for a position p and a step s, "the next step after s writing p with j" is what we need.
    m = i_t.numel()
    steps = torch.arange(m, device=device)
    # sort steps by (j, step) to find, for any (p, s), the first step > s with j == p
    key = j_t * (m + 1) + steps
    sk, order = torch.sort(key)

    def next_write(p, s):
        """First step > s whose j equals p (or m if none)."""
        k = torch.searchsorted(sk, p * (m + 1) + s + 1)
        kc = k.clamp(max=m - 1)
        hit = (k < m) & (torch.div(sk.index_select(0, kc), m + 1, rounding_mode="floor") == p)
        return torch.where(hit, order.index_select(0, kc), torch.full_like(k, m))

    # T[s]: the element sitting at position i_t[s] when step s runs. Position i_t[s] was last
    # written (before s) by the latest earlier step s' < s with j == i_t[s]; but positions
    # above are written only as "i" (top) once; earlier steps have larger i, so position
    # i_t[s] can only have been written as a j. The latest such step before s:
    def prev_write(p, s):
        """Last step < s whose j equals p (or -1)."""
        k = torch.searchsorted(sk, p * (m + 1) + s) - 1
        kc = k.clamp(min=0)
        hit = (k >= 0) & (torch.div(sk.index_select(0, kc), m + 1, rounding_mode="floor") == p)
        return torch.where(hit, order.index_select(0, kc), torch.full_like(k, -1))

    prev = prev_write(i_t, steps)
    # T[s] = T[prev[s]] while there is an earlier write: follow prev to the chain's first step
    # (pointer doubling), whose element is the original one at its top position
    root = torch.where(prev >= 0, prev, steps)
    while True:
        nxt = root.index_select(0, root)
        if bool(torch.equal(nxt, root)):
            break
        root = nxt
    T = i_t.index_select(0, root)
    # final content: position p holds, if some step wrote p as j, the element T[s] of the last
    # such step s; positions that were a step's top i hold the element at j then.
    res = torch.arange(n, device=device)
    # at step s, position i_t[s] receives the element at j_t[s] at that time:
    # that is the element last written to j_t[s] before s (T of that step) or j_t[s] itself
    pj = prev_write(j_t, steps)
    at_j = torch.where(pj >= 0, T.index_select(0, pj.clamp(min=0)), j_t)
    # i_t[s] == j_t[s]: the element stays (it is T[s] == at_j then)
    res = res.index_put((i_t,), at_j)
    # positions below the lowest top (0 .. first-1) hold their last j-write
    low = torch.arange(int(maxes[-1]), device=device)
    if low.numel():
        lw = prev_write(low, torch.full_like(low, m))
        res[low] = torch.where(lw >= 0, T.index_select(0, lw.clamp(min=0)), low)
    return res
