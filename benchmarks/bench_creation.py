"""Array creation and printing: torchnp vs raw torch vs NumPy, in one run.

Run by hand: ``python benchmarks/bench_creation.py``. Single-threaded torch
(stated in the output). Size 10 measures per-call overhead; 1e6 the bulk cost.
Printing has no torch counterpart; its torch column is ``str(tensor)``.
"""
import math
import timeit

import numpy
import torch

import torchnp as tnp

torch.set_num_threads(1)
F64 = torch.float64


def best(fn, budget=0.2):
    n = max(1, int(budget / max(min(timeit.repeat(fn, number=1, repeat=3)), 1e-7)))
    return min(timeit.repeat(fn, number=n, repeat=5)) / n * 1e6  # microseconds


def cases(n):
    lst = [float(i) for i in range(n)] if n <= 10**5 else None
    a, t, x = tnp.arange(float(n)), torch.arange(n, dtype=F64), numpy.arange(float(n))
    side = int(math.isqrt(n))
    out = [
        (f"zeros({n})", lambda: tnp.zeros(n), lambda: torch.zeros(n, dtype=F64), lambda: numpy.zeros(n)),
        (f"full({n}, 1.5)", lambda: tnp.full(n, 1.5), lambda: torch.full((n,), 1.5, dtype=F64),
         lambda: numpy.full(n, 1.5)),
        (f"arange({n})", lambda: tnp.arange(n), lambda: torch.arange(n), lambda: numpy.arange(n)),
        (f"arange(0.,{n},.5)", lambda: tnp.arange(0.0, n, 0.5),
         lambda: torch.arange(0.0, n, 0.5, dtype=F64), lambda: numpy.arange(0.0, n, 0.5)),
        (f"linspace(0,1,{n})", lambda: tnp.linspace(0, 1, n),
         lambda: torch.linspace(0, 1, n, dtype=F64), lambda: numpy.linspace(0, 1, n)),
        (f"zeros_like({n})", lambda: tnp.zeros_like(a), lambda: torch.zeros_like(t),
         lambda: numpy.zeros_like(x)),
        (f"asarray(arr {n})", lambda: tnp.asarray(a), lambda: torch.as_tensor(t), lambda: numpy.asarray(x)),
        (f"array(arr {n})", lambda: tnp.array(a), lambda: t.clone(), lambda: numpy.array(x)),
        (f"eye({side})", lambda: tnp.eye(side), lambda: torch.eye(side, dtype=F64), lambda: numpy.eye(side)),
        (f"tril({side}x{side})", lambda: tnp.tril(a[:side * side].reshape(side, side)),
         lambda: torch.tril(t[:side * side].reshape(side, side)),
         lambda: numpy.tril(x[:side * side].reshape(side, side))),
    ]
    if lst is not None:
        out.append((f"array(list {n})", lambda: tnp.array(lst), lambda: torch.tensor(lst, dtype=F64),
                    lambda: numpy.array(lst)))
    out.append((f"repr(arange {n})", lambda: repr(a), lambda: str(t), lambda: repr(x)))
    return out


def main():
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, "
          f"torch threads: {torch.get_num_threads()}; times in microseconds (best of 5)")
    print(f"{'case':<24}{'torchnp':>10}{'torch':>10}{'numpy':>10}{'tnp/torch':>11}{'tnp/numpy':>11}")
    for n in (10, 10**6):
        ratios = []
        for name, f_tnp, f_torch, f_np in cases(n):
            a, b, c = best(f_tnp), best(f_torch), best(f_np)
            if not name.startswith("repr"):
                ratios.append(a / b)
            print(f"{name:<24}{a:>10.2f}{b:>10.2f}{c:>10.2f}{a / b:>11.2f}{a / c:>11.2f}")
        geo = math.exp(sum(map(math.log, ratios)) / len(ratios))
        print(f"geomean torchnp/torch (size {n}, excluding repr): {geo:.2f}\n")


if __name__ == "__main__":
    main()
