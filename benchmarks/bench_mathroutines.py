"""Benchmark of the mathroutines plugin: torchnp vs raw torch vs NumPy, same run.

Run by hand: ``python benchmarks/bench_mathroutines.py``. Tiny sizes show the
per-call overhead of the torchnp layer; large ones should track raw torch.
"""
import os
import timeit

import numpy as np
import torch

import torchnp as tnp


def best(fn, number):
    fn()  # warm up (first calls load plugins, compile wrappers)
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def row(name, t_tnp, t_torch, t_np):
    print(f"{name:<34} {t_tnp * 1e6:>11.1f} {t_torch * 1e6:>11.1f} {t_np * 1e6:>11.1f}"
          f" {t_tnp / t_torch:>9.2f} {t_tnp / t_np:>9.2f}")


def main():
    threads = torch.get_num_threads()
    print(f"torch threads: {threads} (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}),"
          f" torch {torch.__version__}, numpy {np.__version__}")
    print(f"{'case':<34} {'torchnp us':>11} {'torch us':>11} {'numpy us':>11}"
          f" {'tnp/torch':>9} {'tnp/np':>9}")
    rng = np.random.default_rng(0)

    # einsum: overhead (size 10) and a large contraction
    for n, number in ((10, 2000), (1000, 3)):
        a = rng.normal(size=(n, n))
        b = rng.normal(size=(n, n))
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        xa, xb = tnp.asarray(ta), tnp.asarray(tb)
        row(f"einsum ij,jk->ik n={n}",
            best(lambda: tnp.einsum("ij,jk->ik", xa, xb), number),
            best(lambda: torch.einsum("ij,jk->ik", ta, tb), number),
            best(lambda: np.einsum("ij,jk->ik", a, b), number))
    for n, number in ((10, 2000), (10_000_000, 3)):
        v = rng.normal(size=n)
        tv = torch.from_numpy(v)
        xv = tnp.asarray(tv)
        row(f"einsum i,i n={n:.0e}",
            best(lambda: tnp.einsum("i,i", xv, xv), number),
            best(lambda: torch.einsum("i,i", tv, tv), number),
            best(lambda: np.einsum("i,i", v, v), number))
    a3 = rng.normal(size=(64, 128, 128))
    t3 = torch.from_numpy(a3)
    x3 = tnp.asarray(t3)
    row("einsum bij,bjk->bik 64x128^2",
        best(lambda: tnp.einsum("bij,bjk->bik", x3, x3), 5),
        best(lambda: torch.einsum("bij,bjk->bik", t3, t3), 5),
        best(lambda: np.einsum("bij,bjk->bik", a3, a3), 5))

    # convolve (float64; torch reference is conv1d on the flipped kernel)
    for n, m, number in ((10, 3, 2000), (1_000_000, 64, 5)):
        a = rng.normal(size=n)
        v = rng.normal(size=m)
        ta, tv = torch.from_numpy(a), torch.from_numpy(v)
        xa, xv = tnp.asarray(ta), tnp.asarray(tv)

        def raw():
            return torch.nn.functional.conv1d(ta.view(1, 1, -1), tv.flip(0).view(1, 1, -1),
                                              padding=m - 1).view(-1)
        row(f"convolve full n={n} m={m}",
            best(lambda: tnp.convolve(xa, xv), number), best(raw, number),
            best(lambda: np.convolve(a, v), number))

    # interp (torch reference: searchsorted + gather + lerp)
    for n, number in ((10, 2000), (1_000_000, 5)):
        xp = np.sort(rng.uniform(0, 1, 1000))
        fp = rng.normal(size=1000)
        x = rng.uniform(-0.1, 1.1, n)
        txp, tfp, tx = map(torch.from_numpy, (xp, fp, x))
        xxp, xfp, xx = map(tnp.asarray, (txp, tfp, tx))

        def raw():
            j = (torch.searchsorted(txp, tx, right=True) - 1).clamp(0, 998)
            x0, x1 = txp[j], txp[j + 1]
            y0, y1 = tfp[j], tfp[j + 1]
            r = y0 + (y1 - y0) / (x1 - x0) * (tx - x0)
            return torch.where(tx < txp[0], tfp[0], torch.where(tx > txp[-1], tfp[-1], r))
        row(f"interp n={n} xp=1000",
            best(lambda: tnp.interp(xx, xxp, xfp), number), best(raw, number),
            best(lambda: np.interp(x, xp, fp), number))


if __name__ == "__main__":
    main()
