"""Per-call cost of torchnp.linalg vs raw torch.linalg and NumPy (run by hand).

    python benchmarks/bench_linalg.py [--quick]

Prints, per case and size, the median time of torchnp, raw torch and NumPy in
the same run, and the ratios torchnp/torch and torchnp/numpy. Single thread
(torch.set_num_threads(1); set OMP_NUM_THREADS=1 too for NumPy's BLAS). Issue 6's
targets: solve/inv at 4x4 show the per-call overhead; at 1000x1000 torchnp is
within 1.1x of raw torch.linalg.
"""
from __future__ import annotations

import statistics
import sys
import timeit

import numpy as np
import torch

import torchnp as tnp

torch.set_num_threads(1)


def _time(fn, number, repeat=7):
    return statistics.median(timeit.timeit(fn, number=number) / number for _ in range(repeat))


def cases(n):
    rng = np.random.default_rng(0)
    a_np = rng.standard_normal((n, n)) + n * np.eye(n)
    b_np = rng.standard_normal(n)
    at, bt = torch.from_numpy(a_np.copy()), torch.from_numpy(b_np.copy())
    a, b = tnp.asarray(at), tnp.asarray(bt)
    return [
        ("solve(a, b)", lambda: tnp.linalg.solve(a, b),
         lambda: torch.linalg.solve(at, bt.unsqueeze(-1))[..., 0], lambda: np.linalg.solve(a_np, b_np)),
        ("inv(a)", lambda: tnp.linalg.inv(a), lambda: torch.linalg.inv(at), lambda: np.linalg.inv(a_np)),
        ("det(a)", lambda: tnp.linalg.det(a), lambda: torch.linalg.det(at), lambda: np.linalg.det(a_np)),
        ("norm(a)", lambda: tnp.linalg.norm(a), lambda: torch.linalg.vector_norm(at),
         lambda: np.linalg.norm(a_np)),
    ]


def main():
    quick = "--quick" in sys.argv
    print(f"torch {torch.__version__}, numpy {np.__version__}, threads: torch={torch.get_num_threads()}"
          " (run with OMP_NUM_THREADS=1 so NumPy's BLAS is single-threaded too), float64")
    print(f"{'case':14s} {'size':>9s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} "
          f"{'tnp/torch':>9s} {'tnp/np':>7s}")
    for n in (4, 1000):
        number = 5000 if n == 4 else (1 if quick else 3)
        for name, f_tnp, f_torch, f_np in cases(n):
            f_tnp(), f_torch(), f_np()
            tt, to, tn = _time(f_tnp, number), _time(f_torch, number), _time(f_np, number)
            unit, scale = ("us", 1e6) if n == 4 else ("ms", 1e3)
            print(f"{name:14s} {f'{n}x{n}':>9s} {tt * scale:8.2f}{unit} {to * scale:8.2f}{unit} "
                  f"{tn * scale:8.2f}{unit} {tt / to:9.2f} {tt / tn:7.2f}")


if __name__ == "__main__":
    main()
