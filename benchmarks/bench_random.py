"""Benchmark torchnp.random against raw torch and NumPy (run by hand).

    OMP_NUM_THREADS=1 python benchmarks/bench_random.py [--device cuda] [--rounds 7]

Cases: 1e7 uniform and normal doubles (target: torchnp within 1.2x of raw
torch generation) and per-call overhead of tiny draws with Python-scalar
parameters, such as ``Generator.normal(0, 1, 10)`` or legacy ``rand(10)``
(target: within 1.5x of the single raw torch call that does the same work).

The three implementations of a case run in turns, in short rounds (many for
the tiny cases: ``--rounds`` times 6), and each keeps its best round: on a
shared machine, drift and neighbours' load hit all three alike.
"""
import argparse
import os
import time

import numpy as np
import torch

import torchnp as tnp


def best_times(fns, sync, repeat, rounds):
    """Best seconds per call of each function in ``fns`` (None -> nan), run in turns."""
    live = [f for f in fns if f is not None]
    for f in live:
        f()
    sync()
    best = {id(f): float("inf") for f in live}
    for _ in range(rounds):
        for f in live:
            t0 = time.perf_counter()
            for _ in range(repeat):
                f()
            sync()
            best[id(f)] = min(best[id(f)], (time.perf_counter() - t0) / repeat)
    return [best[id(f)] if f is not None else float("nan") for f in fns]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    dev = torch.device(args.device)
    cuda = dev.type == "cuda"
    sync = (lambda: torch.cuda.synchronize()) if cuda else (lambda: None)
    print(f"torch {torch.__version__}, numpy {np.__version__}, device {dev}, "
          f"torch threads {torch.get_num_threads()} (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')})")
    g = tnp.random.default_rng(0, device=dev)
    rs = tnp.random.RandomState(0, device=dev)
    mod = tnp.random
    if not cuda:
        mod.seed(0)
    tg = torch.Generator(device=dev).manual_seed(0)
    ng = np.random.default_rng(0)
    nrs = np.random.RandomState(0)
    dk = {"device": dev} if cuda else {}  # raw torch on the CPU: no device= argument
    big = 10**7
    f64 = torch.float64
    tiny = 300  # calls per round for the per-call-overhead cases
    cases = [
        # name, torchnp, raw torch, numpy, calls per round
        ("uniform 1e7 (Generator.random)", lambda: g.random(big),
         lambda: torch.rand(big, generator=tg, dtype=f64, **dk), lambda: ng.random(big), 1),
        ("uniform 1e7 (Generator.uniform(2, 5))", lambda: g.uniform(2.0, 5.0, big),
         lambda: torch.empty(big, dtype=f64, **dk).uniform_(2.0, 5.0, generator=tg),
         lambda: ng.uniform(2.0, 5.0, big), 1),
        ("normal 1e7 (Generator.standard_normal)", lambda: g.standard_normal(big),
         lambda: torch.randn(big, generator=tg, dtype=f64, **dk),
         lambda: ng.standard_normal(big), 1),
        ("normal 1e7 (Generator.normal(2, 3))", lambda: g.normal(2.0, 3.0, big),
         lambda: torch.normal(2.0, 3.0, (big,), generator=tg, dtype=f64, **dk),
         lambda: ng.normal(2.0, 3.0, big), 1),
    ]
    for size, label in ((10**6, "1e6"), (big, "1e7")):  # the large draws
        cases += [
            (f"Generator.integers(0, 1000, {label})", lambda n=size: g.integers(0, 1000, n),
             lambda n=size: torch.randint(0, 1000, (n,), generator=tg, **dk),
             lambda n=size: ng.integers(0, 1000, n), 1),
            (f"RandomState.rand({label})", lambda n=size: rs.rand(n),
             lambda n=size: torch.rand(n, generator=tg, dtype=f64, **dk),
             lambda n=size: nrs.rand(n), 1),
            (f"RandomState.randn({label})", lambda n=size: rs.randn(n),
             lambda n=size: torch.randn(n, generator=tg, dtype=f64, **dk),
             lambda n=size: nrs.randn(n), 1),
        ]
    m = 10**6
    cases += [
        ("Generator.random(1e6)", lambda: g.random(m),
         lambda: torch.rand(m, generator=tg, dtype=f64, **dk), lambda: ng.random(m), 1),
        ("Generator.standard_normal(1e6)", lambda: g.standard_normal(m),
         lambda: torch.randn(m, generator=tg, dtype=f64, **dk), lambda: ng.standard_normal(m), 1),
        ("Generator.random(10)", lambda: g.random(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, **dk), lambda: ng.random(10), tiny),
        ("Generator.standard_normal(10)", lambda: g.standard_normal(10),
         lambda: torch.randn(10, generator=tg, dtype=f64, **dk),
         lambda: ng.standard_normal(10), tiny),
        ("Generator.normal(0, 1, 10)", lambda: g.normal(0, 1, 10),
         lambda: torch.randn(10, generator=tg, dtype=f64, **dk),
         lambda: ng.normal(0, 1, 10), tiny),
        ("Generator.normal(2.0, 3.0, 10)", lambda: g.normal(2.0, 3.0, 10),
         lambda: torch.normal(2.0, 3.0, (10,), generator=tg, dtype=f64, **dk),
         lambda: ng.normal(2.0, 3.0, 10), tiny),
        ("Generator.uniform(size=10)", lambda: g.uniform(size=10),
         lambda: torch.rand(10, generator=tg, dtype=f64, **dk), lambda: ng.uniform(size=10), tiny),
        ("Generator.uniform(2.0, 5.0, 10)", lambda: g.uniform(2.0, 5.0, 10),
         lambda: torch.empty(10, dtype=f64, **dk).uniform_(2.0, 5.0, generator=tg),
         lambda: ng.uniform(2.0, 5.0, 10), tiny),
        ("Generator.exponential(2.0, 10)", lambda: g.exponential(2.0, 10),
         lambda: torch.empty(10, dtype=f64, **dk).exponential_(0.5, generator=tg),
         lambda: ng.exponential(2.0, 10), tiny),
        ("Generator.integers(0, 10, 10)", lambda: g.integers(0, 10, 10),
         lambda: torch.randint(0, 10, (10,), generator=tg, **dk),
         lambda: ng.integers(0, 10, 10), tiny),
        ("Generator.choice(10, 3)", lambda: g.choice(10, 3),
         lambda: torch.randint(0, 10, (3,), generator=tg, **dk), lambda: ng.choice(10, 3), tiny),
        ("RandomState.rand(10)", lambda: rs.rand(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, **dk), lambda: nrs.rand(10), tiny),
        ("RandomState.randn(10)", lambda: rs.randn(10),
         lambda: torch.randn(10, generator=tg, dtype=f64, **dk), lambda: nrs.randn(10), tiny),
        ("RandomState.randint(10, size=10)", lambda: rs.randint(10, size=10),
         lambda: torch.randint(0, 10, (10,), generator=tg, **dk),
         lambda: nrs.randint(10, size=10), tiny),
        ("RandomState.random_sample(10)", lambda: rs.random_sample(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, **dk), lambda: nrs.random_sample(10), tiny),
        ("RandomState.normal(0, 1, 10)", lambda: rs.normal(0, 1, 10),
         lambda: torch.randn(10, generator=tg, dtype=f64, **dk), lambda: nrs.normal(0, 1, 10), tiny),
        ("RandomState.choice(10, 3)", lambda: rs.choice(10, 3),
         lambda: torch.randint(0, 10, (3,), generator=tg, **dk), lambda: nrs.choice(10, 3), tiny),
        ("module rand(10)", lambda: mod.rand(10),
         lambda: torch.rand(10, generator=tg, dtype=f64, **dk), lambda: np.random.rand(10), tiny),
        ("module normal(0, 1, 10)", lambda: mod.normal(0, 1, 10),
         lambda: torch.randn(10, generator=tg, dtype=f64, **dk),
         lambda: np.random.normal(0, 1, 10), tiny),
        ("Generator.normal(0, 1) (scalar)", lambda: g.normal(0, 1),
         lambda: torch.randn((), generator=tg, dtype=f64, **dk).item(),
         lambda: ng.normal(0, 1), tiny),
        ("gamma(0.5) 1e6", lambda: g.gamma(0.5, size=10**6), None,
         lambda: ng.gamma(0.5, size=10**6), 1),
        ("binomial(20, 0.3) 1e6", lambda: g.binomial(20, 0.3, size=10**6),
         lambda: torch.binomial(torch.full((10**6,), 20.0, dtype=f64, **dk),
                                torch.full((10**6,), 0.3, dtype=f64, **dk), generator=tg),
         lambda: ng.binomial(20, 0.3, size=10**6), 1),
        ("hypergeometric(100, 200, 50) 1e6", lambda: g.hypergeometric(100, 200, 50, size=10**6),
         None, lambda: ng.hypergeometric(100, 200, 50, size=10**6), 1),
    ]
    print(f"{'case':40s} {'torchnp':>11s} {'torch':>11s} {'numpy':>11s} {'tnp/torch':>9s} {'tnp/np':>7s}")
    for name, f_t, f_raw, f_np, rep in cases:
        if cuda and name.startswith("module"):
            continue  # the module functions follow torch's default device, not --device
        rounds = args.rounds * (6 if rep > 1 else 1)
        t, r, n = best_times([f_t, f_raw, f_np], sync, rep, rounds)

        def fmt(s):
            return f"{s * 1e6:9.2f}us" if s < 1e-3 else f"{s * 1e3:9.2f}ms"
        print(f"{name:40s} {fmt(t):>11s} {fmt(r) if r == r else '-':>11s} {fmt(n):>11s} "
              f"{t / r:9.2f} {t / n:7.2f}", flush=True)


if __name__ == "__main__":
    main()
