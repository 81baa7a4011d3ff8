"""Per-call cost of torchnp ufuncs and operators vs raw torch and NumPy (run by hand).

    python benchmarks/bench_ufuncs.py [--quick]

Prints, per case and size, the best-of-7 time of torchnp, raw torch and NumPy in
the same run, and the ratios torchnp/torch and torchnp/numpy. Single thread
(torch.set_num_threads(1)); the issue's targets: size 10 within 1.5x of torch,
size 1e7 within 1.1x.
"""
from __future__ import annotations

import sys
import timeit

import numpy as np
import torch

import torchnp as tnp

torch.set_num_threads(1)


def _time(fn, number):
    reps = [timeit.timeit(fn, number=number) / number for _ in range(7)]
    return min(reps)  # min: robust to other load on a shared machine


def cases(n):
    rng = np.random.default_rng(0)
    a_np = rng.random(n)
    b_np = rng.random(n)
    at, bt = torch.from_numpy(a_np.copy()), torch.from_numpy(b_np.copy())
    a, b = tnp.asarray(at), tnp.asarray(bt)
    f32 = tnp.asarray(at.float())
    f32t = at.float()
    f32n = a_np.astype(np.float32)
    return [
        ("a + b", lambda: a + b, lambda: at + bt, lambda: a_np + b_np),
        ("np.add(a, b)", lambda: tnp.add(a, b), lambda: torch.add(at, bt), lambda: np.add(a_np, b_np)),
        ("sin(a)", lambda: tnp.sin(a), lambda: torch.sin(at), lambda: np.sin(a_np)),
        ("a * 2.0", lambda: a * 2.0, lambda: at * 2.0, lambda: a_np * 2.0),
        ("f32 * 2.0", lambda: f32 * 2.0, lambda: f32t * 2.0, lambda: f32n * 2.0),
        ("a < b", lambda: a < b, lambda: at < bt, lambda: a_np < b_np),
        ("add.reduce(a)", lambda: tnp.add.reduce(a), lambda: torch.sum(at, 0), lambda: np.add.reduce(a_np)),
    ]


def main():
    quick = "--quick" in sys.argv
    print(f"torch {torch.__version__}, numpy {np.__version__}, threads: torch={torch.get_num_threads()}")
    print(f"{'case':16s} {'size':>9s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} {'tnp/torch':>9s} {'tnp/np':>7s}")
    for n in (10, 10_000_000):
        number = 20000 if n == 10 else (3 if quick else 10)
        for name, f_tnp, f_torch, f_np in cases(n):
            f_tnp(), f_torch(), f_np()
            tt, to, tn = _time(f_tnp, number), _time(f_torch, number), _time(f_np, number)
            unit, scale = ("us", 1e6) if n == 10 else ("ms", 1e3)
            print(f"{name:16s} {n:>9d} {tt * scale:8.2f}{unit} {to * scale:8.2f}{unit} "
                  f"{tn * scale:8.2f}{unit} {tt / to:9.2f} {tt / tn:7.2f}")


if __name__ == "__main__":
    main()
