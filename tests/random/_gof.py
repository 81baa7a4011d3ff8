"""Goodness-of-fit helpers: exact CDFs/pmfs and KS / chi-square p-values.

scipy is not a test dependency, so the special functions come from
``torch.special`` (gammainc, ndtr, zeta) and a small continued fraction for
the regularized incomplete beta; everything works on NumPy arrays.
"""
from __future__ import annotations

import math

import numpy as np
import torch


def _t(x):
    return torch.as_tensor(np.asarray(x, dtype=np.float64))


def gammainc(a, x):
    """Regularized lower incomplete gamma P(a, x)."""
    a, x = np.broadcast_arrays(np.asarray(a, float), np.maximum(np.asarray(x, float), 0))
    return torch.special.gammainc(_t(a), _t(x)).numpy()


def gammaincc(a, x):
    a, x = np.broadcast_arrays(np.asarray(a, float), np.maximum(np.asarray(x, float), 0))
    return torch.special.gammaincc(_t(a), _t(x)).numpy()


def _betacf(a, b, x, iters=150):
    """Continued fraction of the incomplete beta (modified Lentz), vectorized."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 - qab * x / qap
    d = np.where(np.abs(d) < tiny, tiny, d)
    d = 1.0 / d
    h = d.copy()

    def lentz_step(aa, c, d):
        """One term of the fraction: the new (c, d) and the factor it puts on h."""
        d = 1.0 + aa * d
        d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
        c = 1.0 + aa / c
        c = np.where(np.abs(c) < tiny, tiny, c)
        return c, d, d * c

    for m in range(1, iters + 1):
        m2 = 2 * m
        # each m contributes an even and an odd term
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                   -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            c, d, factor = lentz_step(aa, c, d)
            h *= factor
    return h


def betainc(a, b, x):
    """Regularized incomplete beta I_x(a, b)."""
    a, b, x = np.broadcast_arrays(np.asarray(a, float), np.asarray(b, float),
                                  np.clip(np.asarray(x, float), 0, 1))
    lbeta = (torch.lgamma(_t(a + b)) - torch.lgamma(_t(a)) - torch.lgamma(_t(b))).numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        front = np.exp(lbeta + a * np.log(x) + b * np.log1p(-x))
        swap = x > (a + 1.0) / (a + b + 2.0)
        xs = np.where(swap, 1.0 - x, x)
        aa, bb = np.where(swap, b, a), np.where(swap, a, b)
        cf = _betacf(aa, bb, xs)
        direct = front * cf / aa
        r = np.where(swap, 1.0 - direct, direct)
    r = np.where(x <= 0, 0.0, np.where(x >= 1, 1.0, r))
    return r


def norm_cdf(x):
    return torch.special.ndtr(_t(x)).numpy()


def _poisson_mixture(lam, f):
    """sum_j Poisson(j; lam) f(j) (truncated where the Poisson weights are below ~1e-17)."""
    terms = int(lam + 12 * math.sqrt(lam) + 30)
    out = 0.0
    for j in range(terms):
        w = math.exp(-lam + j * math.log(lam) - math.lgamma(j + 1)) if lam > 0 else float(j == 0)
        out = out + w * f(j)
    return out


def cdf(name, x, *p):
    """CDF of the continuous distribution ``name`` with NumPy's parameters ``p``."""
    x = np.asarray(x, float)
    if name == "normal":
        return norm_cdf((x - p[0]) / p[1])
    if name == "standard_normal":
        return norm_cdf(x)
    if name == "uniform" or name == "random":
        lo, hi = (p if p else (0.0, 1.0))
        return np.clip((x - lo) / (hi - lo), 0, 1)
    if name in ("exponential", "standard_exponential"):
        s = p[0] if p else 1.0
        return -np.expm1(-np.maximum(x, 0) / s)
    if name in ("gamma", "standard_gamma"):
        s = p[1] if len(p) > 1 else 1.0
        return gammainc(p[0], x / s)
    if name == "chisquare":
        return gammainc(p[0] / 2, x / 2)
    if name == "beta":
        return betainc(p[0], p[1], x)
    if name == "f":
        d1, d2 = p
        return betainc(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2))
    if name == "standard_t":
        df = p[0]
        tail = 0.5 * betainc(df / 2, 0.5, df / (df + x * x))
        return np.where(x > 0, 1 - tail, tail)
    if name == "standard_cauchy":
        return 0.5 + np.arctan(x) / np.pi
    if name == "lognormal":
        with np.errstate(divide="ignore"):
            return norm_cdf((np.log(x) - p[0]) / p[1])
    if name == "laplace":
        z = (x - p[0]) / p[1]
        return np.where(z < 0, 0.5 * np.exp(np.minimum(z, 0)), 1 - 0.5 * np.exp(-np.maximum(z, 0)))
    if name == "logistic":
        return 1 / (1 + np.exp(-(x - p[0]) / p[1]))
    if name == "gumbel":
        return np.exp(-np.exp(-(x - p[0]) / p[1]))
    if name == "pareto":
        return 1 - (1 + np.maximum(x, 0)) ** (-p[0])
    if name == "power":
        return np.clip(x, 0, 1) ** p[0]
    if name == "rayleigh":
        return -np.expm1(-x * x / (2 * p[0] ** 2))
    if name == "weibull":
        return -np.expm1(-np.maximum(x, 0) ** p[0])
    if name == "wald":
        mu, lam = p
        x = np.maximum(x, 1e-300)
        a = np.sqrt(lam / x)
        return norm_cdf(a * (x / mu - 1)) + np.exp(2 * lam / mu) * norm_cdf(-a * (x / mu + 1))
    if name == "triangular":
        a, c, b = p
        return np.where(x <= c, (x - a) ** 2 / ((b - a) * (c - a)),
                        1 - (b - x) ** 2 / ((b - a) * (b - c))).clip(0, 1)
    if name == "noncentral_chisquare":
        df, nc = p
        return _poisson_mixture(nc / 2, lambda j: gammainc(df / 2 + j, x / 2))
    if name == "noncentral_f":
        d1, d2, nc = p
        y = d1 * x / (d1 * x + d2)
        return _poisson_mixture(nc / 2, lambda j: betainc(d1 / 2 + j, d2 / 2, y))
    if name == "vonmises":
        mu, kappa = p
        grid = np.linspace(-np.pi, np.pi, 200001)
        dens = np.exp(kappa * np.cos(grid - mu))
        c = np.concatenate([[0], np.cumsum((dens[1:] + dens[:-1]) / 2 * np.diff(grid))])
        return np.interp(x, grid, c / c[-1])
    raise KeyError(name)


def pmf(name, k, *p):
    """pmf of the discrete distribution ``name`` at integers ``k``."""
    k = np.asarray(k, float)
    lg = lambda v: torch.lgamma(_t(v)).numpy()  # noqa: E731
    with np.errstate(divide="ignore", invalid="ignore"):
        if name == "binomial":
            n, q = p
            return np.exp(lg(n + 1) - lg(k + 1) - lg(n - k + 1) + k * np.log(q) + (n - k) * np.log1p(-q))
        if name == "poisson":
            lam = p[0]
            return np.exp(-lam + k * np.log(lam) - lg(k + 1))
        if name == "geometric":
            return np.where(k >= 1, (1 - p[0]) ** (k - 1) * p[0], 0.0)
        if name == "negative_binomial":
            n, q = p
            return np.exp(lg(k + n) - lg(n) - lg(k + 1) + n * np.log(q) + k * np.log1p(-q))
        if name == "hypergeometric":
            g, b, s = p

            def lc(a, c):
                return lg(a + 1) - lg(c + 1) - lg(a - c + 1)
            return np.exp(lc(g, k) + lc(b, s - k) - lc(g + b, s))
        if name == "zipf":
            a = p[0]
            z = torch.special.zeta(torch.tensor(a, dtype=torch.float64),
                                   torch.tensor(1.0, dtype=torch.float64)).item()
            return np.where(k >= 1, k ** (-a) / z, 0.0)
        if name == "logseries":
            q = p[0]
            return np.where(k >= 1, -(q ** k) / (k * np.log1p(-q)), 0.0)
    raise KeyError(name)


def ks_pvalue(sample, cdf_values_fn):
    """Two-sided one-sample KS p-value (asymptotic Kolmogorov distribution, Stephens' correction)."""
    x = np.sort(np.asarray(sample, float).ravel())
    n = x.size
    f = cdf_values_fn(x)
    i = np.arange(1, n + 1)
    d = max(np.max(i / n - f), np.max(f - (i - 1) / n))
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    if lam < 0.2:
        return 1.0
    p = 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * lam * lam) for j in range(1, 101))
    return min(max(p, 0.0), 1.0)


def chi2_pvalue(sample, probs_fn, support_max=None):
    """Chi-square GOF p-value for integer samples; tail bins merged until expected >= 5."""
    x = np.asarray(sample).ravel().astype(np.int64)
    n = x.size
    lo, hi = int(x.min()), int(x.max())
    if support_max is not None:
        hi = max(hi, support_max)
    hi = min(hi, lo + 5000)  # heavy tails (zipf): the last bin collects everything above
    x = np.minimum(x, hi)
    ks = np.arange(lo, hi + 1)
    probs = np.nan_to_num(probs_fn(ks))
    obs = np.bincount(x - lo, minlength=ks.size).astype(float)
    exp = probs * n
    # everything outside [lo, hi] goes to the edge bins
    rest = max(0.0, 1.0 - probs.sum()) * n
    exp[-1] += rest
    # merge bins with small expectation into their neighbours
    o_m, e_m, acc_o, acc_e = [], [], 0.0, 0.0
    for o, e in zip(obs, exp):
        acc_o += o
        acc_e += e
        if acc_e >= 5:
            o_m.append(acc_o)
            e_m.append(acc_e)
            acc_o = acc_e = 0.0
    if acc_e > 0 or acc_o > 0:
        if e_m:
            o_m[-1] += acc_o
            e_m[-1] += acc_e
        else:
            o_m.append(acc_o)
            e_m.append(acc_e)
    o_m, e_m = np.array(o_m), np.array(e_m)
    if o_m.size < 2:
        return 1.0
    stat = float(((o_m - e_m) ** 2 / e_m).sum())
    return float(gammaincc((o_m.size - 1) / 2, stat / 2))
