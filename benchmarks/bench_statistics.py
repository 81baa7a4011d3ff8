"""Benchmark of the statistics plugin: torchnp vs raw torch vs NumPy, same run.

Run by hand: ``python benchmarks/bench_statistics.py [--threads N]``. Size 10 measures
per-call overhead; size 1e7 should be within ~1.1x of raw torch.
"""
import argparse
import time

import numpy as np
import torch

import torchnp as tnp


def _time(fn, repeat):
    fn()
    best = float("inf")
    for _ in range(7 if repeat > 10 else 3):  # min of rounds: robust to a shared machine's load
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best


CASES = {
    # name: (torchnp call, raw torch equivalent, numpy call)
    "sum": (lambda a: tnp.sum(a), lambda t: t.sum(), lambda x: np.sum(x)),
    "mean": (lambda a: tnp.mean(a), lambda t: t.mean(), lambda x: np.mean(x)),
    "std": (lambda a: tnp.std(a), lambda t: torch.std(t, correction=0), lambda x: np.std(x)),
    "median": (lambda a: tnp.median(a), lambda t: torch.median(t), lambda x: np.median(x)),
    "percentile": (lambda a: tnp.percentile(a, 30.0), lambda t: torch.quantile(t, 0.3),
                   lambda x: np.percentile(x, 30.0)),
    "nanmedian": (lambda a: tnp.nanmedian(a), lambda t: torch.nanmedian(t), lambda x: np.nanmedian(x)),
    "max": (lambda a: tnp.max(a), lambda t: torch.amax(t), lambda x: np.max(x)),
    "sum-axis0": (lambda a: tnp.sum(a.reshape(-1, 10), axis=0), lambda t: t.reshape(-1, 10).sum(0),
                  lambda x: np.sum(x.reshape(-1, 10), axis=0)),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch threads: {torch.get_num_threads()} (NumPy is single-threaded here)")
    print(f"{'case':<14}{'size':>10}{'torchnp':>12}{'torch':>12}{'numpy':>12}{'tnp/torch':>11}{'tnp/np':>9}")
    for size, repeat in ((10, 2000), (10**7, 3), (10**7 + 1, 3)):
        x = np.random.default_rng(0).normal(size=size)
        t = torch.from_numpy(x.copy())
        a = tnp.asarray(t)
        for name, (f_tnp, f_torch, f_np) in CASES.items():
            if name == "percentile" and size > 16_000_000:
                continue  # torch.quantile refuses inputs above 16M elements
            if size % 10 and name not in ("median", "nanmedian"):
                continue  # the odd size only shows the median's odd-length path
            tt = _time(lambda: f_tnp(a), repeat)
            tr = _time(lambda: f_torch(t), repeat)
            tn = _time(lambda: f_np(x), repeat)
            print(f"{name:<14}{size:>10}{tt * 1e6:>10.1f}us{tr * 1e6:>10.1f}us{tn * 1e6:>10.1f}us"
                  f"{tt / tr:>10.2f}x{tt / tn:>8.2f}x")
    print("note: raw torch median is torch.median (lower median, one selection); torchnp adds the "
          "upper median pass NumPy's definition needs (even sizes).")


if __name__ == "__main__":
    main()
