"""Hand-run benchmark of torchnp.polynomial against raw torch and NumPy (same process).

    python benchmarks/bench_polynomial.py

Prints per-call times and the ratios torchnp/torch and torchnp/numpy. Sizes: 10
(per-call overhead) and 1_000_000 points (throughput).
"""
import os
import timeit

import numpy as np
import numpy.polynomial as NP
import torch

import torchnp as tnp
import torchnp.polynomial as TP


def bench(fn, number=None):
    fn()
    if number is None:
        t = timeit.timeit(fn, number=1)
        number = max(1, min(2000, int(0.2 / max(t, 1e-7))))
    return min(timeit.repeat(fn, number=number, repeat=3)) / number


def torch_horner(x, c):
    r = c[-1] + x * 0
    for k in range(c.shape[0] - 2, -1, -1):
        r = c[k] + r * x
    return r


def torch_cheb(x, c):
    b1, b2 = c[-1] + x * 0, 0
    for k in range(c.shape[0] - 2, 0, -1):
        b1, b2 = c[k] + 2 * x * b1 - b2, b1
    return c[0] + x * b1 - b2


def main():
    print(f"torch threads: {torch.get_num_threads()}  (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')})")
    print(f"{'case':34s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} {'t/torch':>8s} {'t/numpy':>8s}")
    c = np.random.default_rng(0).standard_normal(8)
    ct = torch.from_numpy(c)
    for n in (10, 1_000_000):
        x = np.linspace(-1, 1, n)
        xt = torch.from_numpy(x)
        xa = tnp.asarray(xt)
        ca = tnp.asarray(ct)
        y = np.cos(3 * x)
        ya = tnp.asarray(torch.from_numpy(y))
        pn, pt = NP.Polynomial(c), TP.Polynomial(c)
        cases = [
            ("polyval", lambda: TP.polynomial.polyval(xa, ca), lambda: torch_horner(xt, ct),
             lambda: NP.polynomial.polyval(x, c)),
            ("chebval", lambda: TP.chebyshev.chebval(xa, ca), lambda: torch_cheb(xt, ct),
             lambda: NP.chebyshev.chebval(x, c)),
            ("Polynomial.__call__", lambda: pt(xa), lambda: torch_horner(xt, ct), lambda: pn(x)),
            ("legvander deg 8", lambda: TP.legendre.legvander(xa, 8), None,
             lambda: NP.legendre.legvander(x, 8)),
            ("polyfit deg 5", lambda: TP.polynomial.polyfit(xa, ya, 5), None,
             lambda: NP.polynomial.polyfit(x, y, 5)),
        ]
        for name, f_t, f_torch, f_np in cases:
            tt, tn = bench(f_t), bench(f_np)
            tr = bench(f_torch) if f_torch else float("nan")
            print(f"{name + f' n={n}':34s} {tt*1e6:9.1f}u {tr*1e6:9.1f}u {tn*1e6:9.1f}u "
                  f"{tt/tr:8.2f} {tt/tn:8.2f}")
    a, b = np.random.default_rng(1).standard_normal((2, 50))
    at, bt = tnp.asarray(torch.from_numpy(a)), tnp.asarray(torch.from_numpy(b))
    for name, f_t, f_np in [
        ("polymul 50x50", lambda: TP.polynomial.polymul(at, bt), lambda: NP.polynomial.polymul(a, b)),
        ("chebmul 50x50", lambda: TP.chebyshev.chebmul(at, bt), lambda: NP.chebyshev.chebmul(a, b)),
        ("polyroots deg 49", lambda: TP.polynomial.polyroots(at), lambda: NP.polynomial.polyroots(a)),
        ("leggauss 50", lambda: TP.legendre.leggauss(50), lambda: NP.legendre.leggauss(50)),
    ]:
        tt, tn = bench(f_t), bench(f_np)
        print(f"{name:34s} {tt*1e6:9.1f}u {'-':>10s} {tn*1e6:9.1f}u {'-':>8s} {tt/tn:8.2f}")


if __name__ == "__main__":
    main()
