"""Benchmark sort and unique: torchnp vs raw torch vs NumPy, same run, same data.

Run by hand: ``python benchmarks/bench_sorting.py [--large]`` (``--large`` adds 1e7).
Tiny size (10) measures per-call overhead; 1e6/1e7 measure the kernels. The raw
torch column is the best plain-torch formulation of the same NumPy result.
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

import torchnp as tnp  # noqa: E402


def _time(fn, min_time=0.2, max_reps=10000):
    fn()
    reps, start = 0, time.perf_counter()
    while True:
        fn()
        reps += 1
        el = time.perf_counter() - start
        if el > min_time or reps >= max_reps:
            return el / reps


def _raw_unique(t):
    # the best raw-torch formulation per dtype (see _sets_impl): torch.unique for ints,
    # sort + neighbour mask for floats (torch.unique's float path is slower on CPU)
    if t.dtype.is_floating_point:
        v = torch.sort(t).values
        m = torch.empty(v.shape, dtype=torch.bool)
        m[:1] = True
        torch.ne(v[1:], v[:-1], out=m[1:])
        return v[m]
    return torch.unique(t, sorted=True)


def _raw_unique_all(t):
    v, idx = torch.sort(t, stable=True)
    return torch.unique_consecutive(v, return_inverse=True, return_counts=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--large", action="store_true", help="also run n = 1e7")
    args = p.parse_args()
    print(f"torch {torch.__version__}, numpy {np.__version__}, threads: torch={torch.get_num_threads()} "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    sizes = [10, 10**6] + ([10**7] if args.large else [])
    rng = np.random.default_rng(0)
    print(f"{'case':38s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} {'tnp/torch':>9s} {'tnp/np':>7s}")
    for n in sizes:
        for dtype in ("float64", "int64"):
            a = (rng.integers(0, max(n // 10, 2), n)).astype(dtype)
            t = torch.from_numpy(a.copy())
            ta = tnp.asarray(t)
            cases = [
                ("sort", lambda: tnp.sort(ta), lambda: torch.sort(t, stable=True).values,
                 lambda: np.sort(a)),
                ("argsort(stable)", lambda: tnp.argsort(ta, stable=True),
                 lambda: torch.sort(t, stable=True).indices, lambda: np.argsort(a, stable=True)),
                ("unique", lambda: tnp.unique(ta), lambda: _raw_unique(t), lambda: np.unique(a)),
                ("unique(inverse,counts)",
                 lambda: tnp.unique(ta, return_inverse=True, return_counts=True),
                 lambda: _raw_unique_all(t),
                 lambda: np.unique(a, return_inverse=True, return_counts=True)),
            ]
            for label, f_t, f_r, f_n in cases:
                mt = 0.05 if n <= 10 else 0.5
                tt, tr, tn = _time(f_t, mt), _time(f_r, mt), _time(f_n, mt)
                print(f"{label + f' {dtype} n={n:.0e}':38s} {tt*1e6:9.1f}u {tr*1e6:9.1f}u "
                      f"{tn*1e6:9.1f}u {tt/tr:9.2f} {tt/tn:7.2f}")


if __name__ == "__main__":
    main()
