"""Distribution samplers on torch tensors (the engine behind Generator/RandomState).

``TorchSampler(gen, device)`` turns a ``torch.Generator`` into every NumPy
distribution. Each method takes the output ``shape`` and parameters that the
caller has already validated and broadcast-checked (Python floats or float64
tensors on ``device`` that broadcast to ``shape``) and returns a tensor of that
shape on ``device``; nothing is generated on the host and copied.

``shape`` is a tuple of ints; the primitives and the parameter distributions
(the methods ``_generator_impl._PARAM_DISTRIBUTIONS`` names) also take a plain
int for a 1-D draw, which torch parses faster than a tuple (tiny draws are all
per-call overhead).
Distributions torch lacks are vectorized: closed-form transforms where they
exist, otherwise rejection sampling that redraws only the rejected *batch*.

A NumPy-stream-exact bit generator can subclass TorchSampler and override the
primitives (``random``, ``standard_normal``, ``standard_exponential``,
``random_bits``) or whole distributions (see _bit_generator_impl). ``normal``,
``uniform`` and ``exponential`` with float parameters are single torch calls
that do not go through the primitives, so such a subclass overrides them too;
and ``integers`` between Python ints within int64, and ``choice(n, k)``, call
``torch.randint`` on the sampler's ``gen`` directly (_generator_impl's fast paths).
"""
from __future__ import annotations

import math

import torch

__all__ = ["TorchSampler"]

_F64 = torch.float64
_I64 = torch.int64
_TINY = 2.0 ** -60


def _flat(p, shape):
    """A parameter expanded to ``shape`` and flattened (Python scalars stay scalars)."""
    if isinstance(p, torch.Tensor):
        return p.expand(shape).reshape(-1)
    return p


def _take(p, mask):
    return p[mask] if isinstance(p, torch.Tensor) and p.ndim else p


def _dims(shape):
    """``shape`` as a tuple (for torch functions that refuse a plain int size)."""
    return shape if type(shape) is tuple else (shape,)


def _numel(shape):
    if type(shape) is int:
        return shape
    n = 1
    for s in shape:
        n *= s
    return n


class TorchSampler:
    """Every distribution, drawn from one ``torch.Generator`` on one device."""

    def __init__(self, gen, device):
        self.gen = gen
        self.device = device

    # --- primitives ---------------------------------------------------------------
    def random(self, shape, dtype=_F64):
        """Uniform on [0, 1)."""
        return torch.rand(shape, generator=self.gen, dtype=dtype, device=self.device)

    def random_open(self, shape, dtype=_F64):
        """Uniform on (0, 1) (the ends are unreachable; used where log(0) would hurt)."""
        return torch.rand(shape, generator=self.gen, dtype=dtype, device=self.device).clamp_(min=_TINY)

    def standard_normal(self, shape, dtype=_F64):
        return torch.randn(shape, generator=self.gen, dtype=dtype, device=self.device)

    def standard_exponential(self, shape, dtype=_F64):
        return torch.empty(shape, dtype=dtype, device=self.device).exponential_(generator=self.gen)

    def random_bits(self, shape):
        """Uniform 64-bit words as int64 (two 32-bit draws per word)."""
        hi = torch.randint(0, 1 << 32, shape, generator=self.gen, dtype=_I64, device=self.device)
        lo = torch.randint(0, 1 << 32, shape, generator=self.gen, dtype=_I64, device=self.device)
        return (hi << 32) | lo

    # --- rejection sampling over batches ------------------------------------------
    def _rejection(self, n, params, propose, dtype=_F64):
        """Draw ``n`` values: ``propose(m, *params)`` gives (values, accepted) for m candidates.

        Only the rejected entries are redrawn, as one batch per round.
        """
        out = torch.empty(n, dtype=dtype, device=self.device)
        idx = None
        sub = params
        while True:
            m = n if idx is None else idx.numel()
            vals, ok = propose(m, *sub)
            if idx is None:
                out.copy_(vals)
                bad = ~ok
                idx = torch.arange(n, device=self.device)[bad]
            else:
                out[idx[ok]] = vals[ok].to(dtype)
                bad = ~ok
                idx = idx[bad]
            if idx.numel() == 0:
                return out
            sub = [_take(p, bad) for p in sub]

    # --- continuous ---------------------------------------------------------------
    def _log_gamma_ge1(self, n, k):
        """log of Gamma(k) draws for k >= 1 (Marsaglia & Tsang 2000)."""
        def propose(m, k):
            d = k - 1.0 / 3.0
            c = 1.0 / torch.sqrt(9.0 * d) if isinstance(d, torch.Tensor) else 1.0 / math.sqrt(9.0 * d)
            x = self.standard_normal((m,))
            v = 1.0 + c * x
            v = v * v * v
            u = self.random((m,))
            pos = v > 0
            logv = torch.log(torch.where(pos, v, 1.0))
            ok = pos & (torch.log(u) < 0.5 * x * x + d - d * v + d * logv)
            if isinstance(d, torch.Tensor):
                ok = ok | torch.isnan(d)  # NaN shape: give NaN, as NumPy does
                return torch.log(d) + logv, ok
            return math.log(d) + logv, ok
        if not isinstance(k, torch.Tensor) and math.isnan(k):
            return torch.full((n,), math.nan, dtype=_F64, device=self.device)
        return self._rejection(n, [k], propose)

    def log_standard_gamma(self, shape, k):
        """log of standard Gamma(k) draws; k = 0 gives -inf (the value 0)."""
        n = _numel(shape)
        kf = _flat(k, shape)
        if isinstance(kf, torch.Tensor):
            small = kf < 1
            logg = self._log_gamma_ge1(n, torch.where(small, kf + 1.0, kf))
            # Gamma(k) = Gamma(k + 1) * U**(1/k) for k < 1
            u = self.random_open((n,))
            logg = torch.where(small, logg + torch.log(u) / kf, logg)
            logg = torch.where(kf == 0, -math.inf, logg)
        else:
            if kf == 0:
                return torch.full(_dims(shape), -math.inf, dtype=_F64, device=self.device)
            logg = self._log_gamma_ge1(n, kf + 1.0 if kf < 1 else kf)
            if kf < 1:
                logg = logg + torch.log(self.random_open((n,))) / kf
        return logg.reshape(shape)

    def standard_gamma(self, shape, k, dtype=_F64):
        return torch.exp(self.log_standard_gamma(shape, k)).to(dtype)

    # normal, uniform and exponential with float parameters are one torch call each:
    # no temporaries for big draws, no extra op for small ones
    def normal(self, shape, loc, scale):
        if type(loc) is float and type(scale) is float:
            if loc == 0.0 and scale == 1.0:
                return torch.randn(shape, generator=self.gen, dtype=_F64, device=self.device)
            if 0.0 <= scale < math.inf:  # torch.normal refuses NaN and gives +inf for inf
                return torch.normal(loc, scale, _dims(shape), generator=self.gen, dtype=_F64,
                                    device=self.device)
            return self.standard_normal(shape).mul_(scale).add_(loc)
        return loc + scale * self.standard_normal(shape)

    def uniform(self, shape, low, high):
        if type(low) is float and type(high) is float:
            if low == 0.0 and high == 1.0:
                return torch.rand(shape, generator=self.gen, dtype=_F64, device=self.device)
            if low <= high and high - low < math.inf:  # uniform_'s own domain
                return torch.empty(shape, dtype=_F64, device=self.device).uniform_(
                    low, high, generator=self.gen)
            return self.random(shape).mul_(high - low).add_(low)
        return low + (high - low) * self.random(shape)

    def exponential(self, shape, scale):
        if type(scale) is float:
            if 0.0 < scale < math.inf:  # exponential_ needs a positive, finite rate
                return torch.empty(shape, dtype=_F64, device=self.device).exponential_(
                    1.0 / scale, generator=self.gen)
            return self.standard_exponential(shape).mul_(scale)
        return scale * self.standard_exponential(shape)

    def gamma(self, shape, k, scale):
        return scale * self.standard_gamma(shape, k)

    def beta(self, shape, a, b):
        # X / (X + Y) = sigmoid(log X - log Y): no 0/0 when both draws underflow
        return torch.sigmoid(self.log_standard_gamma(shape, a) - self.log_standard_gamma(shape, b))

    def chisquare(self, shape, df):
        return 2.0 * self.standard_gamma(shape, df / 2.0)

    def f(self, shape, dfnum, dfden):
        return (self.chisquare(shape, dfnum) / dfnum) / (self.chisquare(shape, dfden) / dfden)

    def noncentral_chisquare(self, shape, df, nonc):
        # Poisson mixture: chi2(df + 2 * Poisson(nonc / 2)), valid for every df > 0
        i = self.poisson(shape, nonc / 2.0).to(_F64)
        r = self.chisquare(shape, df + 2.0 * i)
        if isinstance(nonc, torch.Tensor):
            return torch.where(torch.isnan(nonc), math.nan, r)
        return r.fill_(math.nan) if nonc != nonc else r  # NaN nonc gives NaN, as in NumPy

    def noncentral_f(self, shape, dfnum, dfden, nonc):
        t = self.noncentral_chisquare(shape, dfnum, nonc) * dfden
        return t / (self.chisquare(shape, dfden) * dfnum)

    def standard_t(self, shape, df):
        z = self.standard_normal(shape)
        return z / torch.sqrt(self.chisquare(shape, df) / df)

    def standard_cauchy(self, shape):
        return self.standard_normal(shape) / self.standard_normal(shape)

    def lognormal(self, shape, mean, sigma):
        return torch.exp(self.normal(shape, mean, sigma))

    def laplace(self, shape, loc, scale):
        # the difference of two standard exponentials is standard Laplace
        return loc + scale * (self.standard_exponential(shape) - self.standard_exponential(shape))

    def logistic(self, shape, loc, scale):
        u = self.random_open(shape)
        return loc + scale * torch.log(u / (1.0 - u))

    def gumbel(self, shape, loc, scale):
        return loc - scale * torch.log(self.standard_exponential(shape).clamp_(min=_TINY))

    def pareto(self, shape, a):
        return torch.expm1(self.standard_exponential(shape) / a)

    def power(self, shape, a):
        return torch.pow(-torch.expm1(-self.standard_exponential(shape)), 1.0 / a)

    def rayleigh(self, shape, scale):
        return scale * torch.sqrt(2.0 * self.standard_exponential(shape))

    def weibull(self, shape, a):
        e = self.standard_exponential(shape)
        r = torch.pow(e, 1.0 / a) if not (isinstance(a, float) and a == 0) else torch.zeros_like(e)
        if isinstance(a, torch.Tensor):
            r = torch.where(a == 0, 0.0, r)
        return r

    def wald(self, shape, mean, scale):
        # Michael, Schucany & Haas (1976), as NumPy's random_wald
        n = self.standard_normal(shape)
        y = mean * n * n
        x = mean + (mean / (2.0 * scale)) * (y - torch.sqrt(4.0 * scale * y + y * y))
        u = self.random(shape)
        return torch.where(u <= mean / (mean + x), x, mean * mean / x)

    def triangular(self, shape, left, mode, right):
        base = right - left
        leftbase = mode - left
        rightbase = right - mode
        u = self.random(shape)
        ratio = leftbase / base
        lo = left + torch.sqrt(u * leftbase * base)
        hi = right - torch.sqrt((1.0 - u) * rightbase * base)
        return torch.where(u <= ratio, lo, hi)

    def vonmises(self, shape, mu, kappa):
        """Best & Fisher (1979) rejection, as NumPy's random_vonmises."""
        n = _numel(shape)
        kf = _flat(kappa, shape)
        k = kf if isinstance(kf, torch.Tensor) else torch.full((n,), float(kf), dtype=_F64,
                                                               device=self.device)
        ks = k.clamp(min=1e-8)
        r = 1.0 + torch.sqrt(1.0 + 4.0 * ks * ks)
        rho = (r - torch.sqrt(2.0 * r)) / (2.0 * ks)
        s_big = (1.0 + rho * rho) / (2.0 * rho)
        s_small = 1.0 / ks + ks  # series form for tiny kappa (avoids cancellation)
        s = torch.where(ks < 1e-5, s_small, s_big)

        def propose(m, s, k):
            z = torch.cos(math.pi * self.random((m,)))
            w = (1.0 + s * z) / (s + z)
            y = k * (s - w)
            v = self.random_open((m,))
            ok = (y * (2.0 - y) - v >= 0) | (torch.log(y / v) + 1.0 - y >= 0) | torch.isnan(k)
            return w, ok

        w = self._rejection(n, [s, ks], propose)
        ang = torch.acos(w.clamp(-1.0, 1.0))
        ang = torch.where(self.random((n,)) < 0.5, -ang, ang)
        # tiny kappa: uniform; huge kappa: wrapped normal (NumPy's branches)
        ang = torch.where(k < 1e-8, math.pi * (2.0 * self.random((n,)) - 1.0), ang)
        big = k > 1e6
        ang = torch.where(big, torch.sqrt(1.0 / k) * self.standard_normal((n,)), ang)
        res = ang.reshape(shape) + mu
        # wrap into [-pi, pi]
        return torch.remainder(res + math.pi, 2.0 * math.pi) - math.pi

    def multivariate_normal(self, shape, mean, factor):
        """``shape + (d,)`` draws: mean + z @ factor."""
        z = self.standard_normal(tuple(shape) + (factor.shape[0],))
        return mean + z @ factor

    def dirichlet(self, shape, alpha):
        """``shape + (k,)`` draws; normalized in log space so tiny alphas do not give 0/0."""
        full = tuple(shape) + (alpha.shape[-1],)
        logg = self.log_standard_gamma(full, alpha)
        return torch.softmax(logg, dim=-1)

    # --- discrete -----------------------------------------------------------------
    def poisson(self, shape, lam):
        # a NaN rate draws 0, as NumPy's Poisson sampler does (torch.poisson refuses NaN);
        # only legacy negative_binomial(nan, p) gets one past the parameter checks
        if isinstance(lam, torch.Tensor):
            rates = torch.nan_to_num(lam.expand(shape), nan=0.0)
        else:
            rates = torch.full(_dims(shape), 0.0 if lam != lam else float(lam), dtype=_F64,
                               device=self.device)
        return torch.poisson(rates.contiguous(), generator=self.gen).to(_I64)

    def binomial(self, shape, n, p):
        cnt = n.to(_F64).expand(shape) if isinstance(n, torch.Tensor) else \
            torch.full(_dims(shape), float(n), dtype=_F64, device=self.device)
        prob = p.expand(shape) if isinstance(p, torch.Tensor) else \
            torch.full(_dims(shape), float(p), dtype=_F64, device=self.device)
        return torch.binomial(cnt.contiguous(), prob.contiguous(), generator=self.gen).to(_I64)

    def negative_binomial(self, shape, n, p):
        lam = self.standard_gamma(shape, n) * ((1.0 - p) / p)
        return self.poisson(shape, lam)

    def geometric(self, shape, p):
        e = self.standard_exponential(shape)
        return torch.ceil(e / -torch.log1p(-torch.as_tensor(p, dtype=_F64, device=self.device))
                          ).clamp_(min=1).to(_I64)

    def zipf(self, shape, a):
        """Rejection algorithm of NumPy's random_zipf (Devroye 1986)."""
        n = _numel(shape)
        am1 = _flat(a, shape) - 1.0
        b = torch.pow(2.0, torch.as_tensor(am1, dtype=_F64, device=self.device))
        limit = float(2 ** 63 - 1)

        def propose(m, am1, b):
            u = 1.0 - self.random((m,))
            v = self.random((m,))
            x = torch.floor(torch.pow(u, -1.0 / am1))
            inrange = (x >= 1) & (x <= limit)
            xs = torch.where(inrange, x, 1.0)
            t = torch.pow(1.0 + 1.0 / xs, am1)
            ok = inrange & (v * xs * (t - 1.0) / (b - 1.0) <= t / b)
            return xs, ok
        return self._rejection(n, [am1, b], propose).to(_I64).reshape(shape)

    def logseries(self, shape, p):
        """Kemp's algorithm, as NumPy's random_logseries."""
        n = _numel(shape)
        pf = _flat(p, shape)
        r = torch.log1p(-torch.as_tensor(pf, dtype=_F64, device=self.device))

        def propose(m, p, r):
            v = self.random((m,))
            u = self.random((m,))
            q = -torch.expm1(r * u)
            res = torch.floor(1.0 + torch.log(v) / torch.log(q))
            small = v <= q * q
            res = torch.where(small, res, torch.where(v >= q, 1.0, 2.0))
            res = torch.where(v >= p, 1.0, res)
            ok = ~(small & (v < p) & ((res < 1) | (v == 0)))
            return res, ok
        return self._rejection(n, [pf, r], propose).to(_I64).reshape(shape)

    def hypergeometric(self, shape, ngood, nbad, nsample):
        """HRUA ratio-of-uniforms rejection (Stadlober 1989), as NumPy's hypergeometric_hrua."""
        n = _numel(shape)

        def full(x):
            x = torch.as_tensor(x, device=self.device)
            return x.to(_I64).expand(shape).reshape(-1)
        good, bad, sample = full(ngood), full(nbad), full(nsample)
        popsize = good + bad
        comp = torch.minimum(sample, popsize - sample)
        mingb = torch.minimum(good, bad)
        maxgb = torch.maximum(good, bad)
        pd = popsize.to(_F64)
        p = mingb / pd
        q = maxgb / pd
        cs = comp.to(_F64)
        mu = cs * p
        a = mu + 0.5
        var = (pd - cs) * cs * p * q / (pd - 1.0).clamp(min=1.0)
        c = torch.sqrt(var + 0.5)
        h = 1.7155277699214135 * c + 0.8989161620588988
        mgb, xgb = mingb.to(_F64), maxgb.to(_F64)
        m = torch.floor((cs + 1.0) * (mgb + 1.0) / (pd + 2.0))

        def logfact(x):
            return torch.lgamma(x + 1.0)
        g = logfact(m) + logfact(mgb - m) + logfact(cs - m) + logfact(xgb - cs + m)
        b = torch.minimum(torch.minimum(cs, mgb) + 1.0, torch.floor(a + 16.0 * c))
        trivial = (comp == 0) | (mingb == 0)

        def propose(k, a, h, b, g, mgb, cs, xgb, trivial):
            u = self.random_open((k,))
            v = self.random((k,))
            x = a + h * (v - 0.5) / u
            inrange = (x >= 0.0) & (x < b)
            kk = torch.floor(torch.where(inrange, x, 0.0))
            gp = logfact(kk) + logfact(mgb - kk) + logfact(cs - kk) + logfact(xgb - cs + kk)
            t = g - gp
            ok = inrange & (((u * (4.0 - u) - 3.0) <= t) |
                            ((u * (u - t) < 1) & (2.0 * torch.log(u) <= t)))
            ok = ok | trivial
            return torch.where(trivial, 0.0, kk), ok
        k = self._rejection(n, [a, h, b, g, mgb, cs, xgb, trivial], propose).to(_I64)
        k = torch.where(good > bad, comp - k, k)
        k = torch.where(comp < sample, good - k, k)
        return k.reshape(shape)

    def multinomial(self, shape, n, pvals):
        """``shape + (k,)`` counts by sequential conditional binomials (one per category)."""
        k = pvals.shape[-1]
        full = tuple(shape) + (k,)
        out = torch.empty(full, dtype=_I64, device=self.device)
        remaining = torch.as_tensor(n, device=self.device).to(_F64).expand(shape).clone()
        left = torch.ones(shape, dtype=_F64, device=self.device)
        pv = pvals.expand(full)
        for j in range(k - 1):
            pj = pv[..., j]
            prob = torch.where(left > 0, (pj / left).clamp(0.0, 1.0), 0.0)
            x = torch.binomial(remaining.contiguous(), prob.contiguous(), generator=self.gen)
            out[..., j] = x.to(_I64)
            remaining = remaining - x
            left = left - pj
        out[..., k - 1] = remaining.to(_I64)
        return out

    def integers(self, shape, low, high, dtype):
        """Uniform integers in [low, high] (inclusive), computed in int64; cast to ``dtype``.

        ``low``/``high`` are Python ints or int64 tensors; ranges up to 2**64 - 1
        with scalar bounds, up to 2**62 with array bounds.
        """
        if not isinstance(low, torch.Tensor) and not isinstance(high, torch.Tensor):
            return self._integers_scalar(shape, low, high, dtype)
        lo = torch.as_tensor(low, dtype=_I64, device=self.device).expand(shape).reshape(-1)
        hi = torch.as_tensor(high, dtype=_I64, device=self.device).expand(shape).reshape(-1)
        rng = hi - lo
        # masked rejection: smallest 2**j - 1 >= range; acceptance >= 1/2 per round
        mask = rng.clone()
        for s in (1, 2, 4, 8, 16, 32):
            mask = mask | (mask >> s)

        def propose(m, mask, rng):
            bits = torch.randint(0, 1 << 62, (m,), generator=self.gen, dtype=_I64,
                                 device=self.device) & mask
            return bits, bits <= rng
        r = self._rejection(lo.numel(), [mask, rng], propose, dtype=_I64)
        return (lo + r).reshape(shape).to(dtype)

    def _integers_scalar(self, shape, low, high, dtype):
        lo, hi = int(low), int(high)
        if lo >= -(1 << 63) and hi + 1 <= (1 << 63) - 1:
            r = torch.randint(lo, hi + 1, shape, generator=self.gen, dtype=_I64, device=self.device)
            return r if dtype == _I64 else r.to(dtype)
        span = hi - lo
        if span < (1 << 63) - 1:
            # shift into int64 range, then shift back with wrap-around arithmetic
            off = lo if lo >= 0 else 0
            r = torch.randint(lo - off, hi - off + 1, shape, generator=self.gen, dtype=_I64,
                              device=self.device)
            return self._wrap_add(r, off, dtype)
        if span == (1 << 64) - 1 or span == (1 << 63) * 2 - 1:
            bits = self.random_bits(shape)
            return self._wrap_add(bits, lo, dtype)
        # span in [2**63 - 1, 2**64 - 1): rejection on full 64-bit words (acceptance > 1/2)
        n = _numel(shape)
        span_s = span - (1 << 64) if span >= (1 << 63) else span

        def propose(m):
            bits = self.random_bits((m,))
            # unsigned comparison bits <= span via the sign-flip trick
            return bits, (bits ^ (-(1 << 63))) <= (span_s ^ (-(1 << 63)))
        r = self._rejection(n, [], propose, dtype=_I64).reshape(shape)
        return self._wrap_add(r, lo, dtype)

    @staticmethod
    def _wrap_add(r, off, dtype):
        off = off % (1 << 64)
        if off >= (1 << 63):
            off -= 1 << 64
        r = r + off if off else r  # int64 arithmetic wraps modulo 2**64
        if dtype == torch.uint64:
            return r.view(torch.uint64)
        return r.to(dtype)

    def permutation_index(self, n):
        return torch.randperm(n, generator=self.gen, device=self.device)

    def choice_p(self, p, num, replace):
        """Indices drawn with probabilities ``p`` (1-D, already validated)."""
        if num == 0:
            return torch.empty(0, dtype=_I64, device=self.device)
        if replace:
            cdf = torch.cumsum(p, 0)
            cdf = cdf / cdf[-1]
            u = self.random((num,))
            return torch.searchsorted(cdf, u, right=True).clamp_(max=p.numel() - 1)
        # successive draws proportional to the remaining p: Efraimidis-Spirakis keys
        keys = torch.log(self.random_open((p.numel(),))) / p
        return torch.topk(keys, num).indices
