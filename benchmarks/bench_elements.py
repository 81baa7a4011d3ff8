"""Per-element Python loops: torchnp vs raw torch vs NumPy (run by hand).

    python benchmarks/bench_elements.py [--n 1000] [--rounds 5]

Programs ported from NumPy often walk an array in Python: read ``a[i]``, compare
the scalar, write ``a[i] = v``. Each case runs the same loop on a NumPy array, a
torchnp array, and a raw torch tensor written the way torch code does it
(``t[i].item()`` for reads, Python numbers for the arithmetic). Times are the best
round, in microseconds per element, 1 torch thread; the three run in turns so
that a shared machine's load hits them alike. Target (issue #13): torchnp within
1.5x of raw torch.
"""
import argparse
import time

import numpy
import torch

import torchnp

torch.set_num_threads(1)


def read_compare_write(a):
    for i in range(len(a)):
        x = a[i]
        if x > 0.5:
            a[i] = x * 0.5


def read_compare_write_t(t):
    for i in range(t.shape[0]):
        x = t[i].item()
        if x > 0.5:
            t[i] = x * 0.5


def running_sum(a):
    s = 0.0
    for i in range(len(a)):
        s += float(a[i])
    return s


def running_sum_t(t):
    s = 0.0
    for i in range(t.shape[0]):
        s += t[i].item()
    return s


def fill(a):
    for i in range(len(a)):
        a[i] = i


def fill_t(t):
    for i in range(t.shape[0]):
        t[i] = i


CASES = [("x = a[i]; if x > 0.5: a[i] = x * 0.5", read_compare_write, read_compare_write_t),
         ("s += float(a[i])", running_sum, running_sum_t),
         ("a[i] = i", fill, fill_t)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    n = args.n
    base = numpy.random.default_rng(0).random(n)
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, torch threads "
          f"{torch.get_num_threads()}, n = {n}; us per element, best of {args.rounds} rounds")
    print(f"{'loop':40s} {'torchnp':>9s} {'torch':>9s} {'numpy':>9s} {'tnp/torch':>9s} "
          f"{'tnp/np':>8s}")
    for name, f, f_t in CASES:
        makers = [(lambda: torchnp.asarray(base.copy()), f),
                  (lambda: torch.from_numpy(base.copy()), f_t),
                  (lambda: base.copy(), f)]
        best = [float("inf")] * 3
        for _ in range(args.rounds):
            for j, (make, fn) in enumerate(makers):
                arr = make()
                t0 = time.perf_counter()
                fn(arr)
                best[j] = min(best[j], (time.perf_counter() - t0) / n * 1e6)
        x, y, z = best
        print(f"{name:40s} {x:9.2f} {y:9.2f} {z:9.2f} {x / y:9.2f} {x / z:8.1f}", flush=True)


if __name__ == "__main__":
    main()
