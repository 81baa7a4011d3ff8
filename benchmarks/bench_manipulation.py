"""Benchmark of the manipulation plugin: torchnp vs raw torch vs NumPy, same run.

Run by hand: ``python benchmarks/bench_manipulation.py [--big]`` (``--big`` adds 1e7).
Size 10 measures per-call overhead; 1e6/1e7 measure the kernels.
"""
import sys
import timeit

import numpy as np
import torch

import torchnp as tnp


def best(fn, n):
    t = timeit.Timer(fn)
    return min(t.repeat(5, n)) / n


def cases(size):
    rng = np.random.default_rng(0)
    a = rng.standard_normal(size)
    b = rng.standard_normal(size)
    idx = rng.integers(0, size, size)
    ta, tb, tidx = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(idx)
    xa, xb, xidx = tnp.asarray(ta), tnp.asarray(tb), tnp.asarray(tidx)
    cond, tcond, xcond = a > 0, ta > 0, tnp.asarray(ta > 0)
    return [
        ("concatenate", lambda: tnp.concatenate([xa, xb]), lambda: torch.cat([ta, tb]),
         lambda: np.concatenate([a, b])),
        ("where(c,x,y)", lambda: tnp.where(xcond, xa, xb), lambda: torch.where(tcond, ta, tb),
         lambda: np.where(cond, a, b)),
        ("where(c)", lambda: tnp.where(xcond), lambda: torch.nonzero(tcond, as_tuple=True),
         lambda: np.where(cond)),
        ("a[idx]", lambda: xa[xidx], lambda: ta[tidx], lambda: a[idx]),
        ("take", lambda: tnp.take(xa, xidx), lambda: ta.index_select(0, tidx), lambda: np.take(a, idx)),
    ]


def main():
    sizes = [10, 10**6] + ([10**7] if "--big" in sys.argv else [])
    print(f"torch threads: {torch.get_num_threads()}  (set OMP_NUM_THREADS to change)")
    print(f"{'case':14s} {'size':>9s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} "
          f"{'tnp/torch':>9s} {'tnp/np':>7s}")
    for size in sizes:
        n = 2000 if size == 10 else (20 if size == 10**6 else 3)
        for name, f_tnp, f_torch, f_np in cases(size):
            t1, t2, t3 = best(f_tnp, n), best(f_torch, n), best(f_np, n)
            print(f"{name:14s} {size:9d} {t1 * 1e6:9.1f}us {t2 * 1e6:9.1f}us {t3 * 1e6:9.1f}us "
                  f"{t1 / t2:9.2f} {t1 / t3:7.2f}")


if __name__ == "__main__":
    main()
