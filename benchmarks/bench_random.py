"""Benchmark torchnp.random against raw torch and NumPy (run by hand).

    python benchmarks/bench_random.py [--device cuda]

Cases: 1e7 uniform and normal doubles (target: torchnp within 1.2x of raw
torch generation) and per-call overhead of tiny draws such as legacy
``rand(10)`` (target: within 1.5x of raw torch).
"""
import argparse
import os
import time

import numpy as np
import torch

import torchnp as tnp


def bench(fn, sync, repeat):
    fn()
    sync()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        sync()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args()
    dev = torch.device(args.device)
    sync = (lambda: torch.cuda.synchronize()) if dev.type == "cuda" else (lambda: None)
    print(f"torch {torch.__version__}, numpy {np.__version__}, device {dev}, "
          f"torch threads {torch.get_num_threads()} (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')})")
    g = tnp.random.default_rng(0, device=dev)
    rs = tnp.random.RandomState(0, device=dev)
    tg = torch.Generator(device=dev).manual_seed(0)
    ng = np.random.default_rng(0)
    nrs = np.random.RandomState(0)
    big = 10**7
    f64 = torch.float64
    cases = [
        ("uniform 1e7 (Generator.random)", lambda: g.random(big),
         lambda: torch.rand(big, generator=tg, dtype=f64, device=dev), lambda: ng.random(big), 5),
        ("normal 1e7 (Generator.standard_normal)", lambda: g.standard_normal(big),
         lambda: torch.randn(big, generator=tg, dtype=f64, device=dev),
         lambda: ng.standard_normal(big), 5),
        ("normal 1e7 (Generator.normal(2, 3))", lambda: g.normal(2.0, 3.0, big),
         lambda: torch.randn(big, generator=tg, dtype=f64, device=dev).mul_(3.0).add_(2.0),
         lambda: ng.normal(2.0, 3.0, big), 5),
        ("legacy rand(10)", lambda: rs.rand(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, device=dev), lambda: nrs.rand(10), 20000),
        ("module rand(10)", lambda: tnp.random.rand(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, device=dev),
         lambda: np.random.rand(10), 20000),
        ("Generator.random(10)", lambda: g.random(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, device=dev), lambda: ng.random(10), 20000),
        ("Generator.normal(0, 1, 10)", lambda: g.normal(0.0, 1.0, 10),
         lambda: torch.randn(10, generator=tg, dtype=f64, device=dev),
         lambda: ng.normal(0.0, 1.0, 10), 20000),
        ("Generator.integers(0, 100, 10)", lambda: g.integers(0, 100, 10),
         lambda: torch.randint(0, 100, (10,), generator=tg, device=dev),
         lambda: ng.integers(0, 100, 10), 20000),
        ("gamma(0.5) 1e6", lambda: g.gamma(0.5, size=10**6), None,
         lambda: ng.gamma(0.5, size=10**6), 3),
        ("binomial(20, 0.3) 1e6", lambda: g.binomial(20, 0.3, size=10**6),
         lambda: torch.binomial(torch.full((10**6,), 20.0, dtype=f64, device=dev),
                                torch.full((10**6,), 0.3, dtype=f64, device=dev), generator=tg),
         lambda: ng.binomial(20, 0.3, size=10**6), 3),
        ("hypergeometric(100, 200, 50) 1e6", lambda: g.hypergeometric(100, 200, 50, size=10**6),
         None, lambda: ng.hypergeometric(100, 200, 50, size=10**6), 3),
    ]
    print(f"{'case':42s} {'torchnp':>11s} {'torch':>11s} {'numpy':>11s} {'tnp/torch':>9s} {'tnp/np':>7s}")
    for name, f_t, f_raw, f_np, rep in cases:
        t = bench(f_t, sync, rep)
        r = bench(f_raw, sync, rep) if f_raw is not None else float("nan")
        n = bench(f_np, lambda: None, rep)
        fmt = (lambda s: f"{s * 1e6:9.2f}us" if s < 1e-3 else f"{s * 1e3:9.2f}ms")
        print(f"{name:42s} {fmt(t):>11s} {fmt(r) if r == r else '-':>11s} {fmt(n):>11s} "
              f"{t / r:9.2f} {t / n:7.2f}")


if __name__ == "__main__":
    main()
