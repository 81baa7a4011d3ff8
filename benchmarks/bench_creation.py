"""Array creation and printing: torchnp vs raw torch vs NumPy, in one run.

Run by hand: ``python benchmarks/bench_creation.py [--before REV]``. Single-threaded
torch (stated in the output). Size 10 measures per-call overhead; 1e6 the bulk cost.
Printing has no torch counterpart; its torch column is ``str(tensor)``.

Timings are CPU time of this process (``time.process_time``), best of many short
rounds with all columns of a case interleaved, so other processes on a shared
machine disturb them less than wall-clock best-of-5 would.

``--before REV`` adds a column: the same torchnp call with ``_creation_impl.py``
as of git revision REV (loaded beside the current one, wrapped by the same
pipeline), for before/after numbers taken in the same run.
"""
import argparse
import importlib.util
import math
import pathlib
import subprocess
import sys
import time
import timeit

import numpy
import torch

import torchnp as tnp
from torchnp._normalize import make_public

torch.set_num_threads(1)
F64 = torch.float64
ROOT = pathlib.Path(__file__).resolve().parents[1]


def load_before(rev):
    """torchnp's public creation functions built from ``_creation_impl.py`` at ``rev``."""
    src = subprocess.run(["git", "show", f"{rev}:core/src/torchnp/_creation_impl.py"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    name = "torchnp._creation_impl_before"
    spec = importlib.util.spec_from_loader(name, loader=None)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "torchnp"
    sys.modules[name] = mod
    exec(compile(src, f"<_creation_impl.py at {rev}>", "exec"), mod.__dict__)  # noqa: S102
    ns = argparse.Namespace()
    for n in mod.__all__:
        obj = getattr(mod, n)
        setattr(ns, n, make_public(obj, n) if callable(obj) and not hasattr(obj, "__getitem__")
                else obj)
    return ns


def best(fns, budget=0.05, rounds=15):
    """Per-call microseconds of each fn: CPU time, best round, rounds interleaved."""
    timers = [timeit.Timer(f, timer=time.process_time) for f in fns]
    numbers = []
    for t in timers:
        once = max(min(t.repeat(repeat=3, number=1)), 1e-7)
        numbers.append(max(1, int(budget / once)))
    res = [math.inf] * len(fns)
    for _ in range(rounds):
        for i, (t, n) in enumerate(zip(timers, numbers)):
            res[i] = min(res[i], t.timeit(n) / n * 1e6)
    return res


def cases(n, ns):
    lst = [float(i) for i in range(n)] if n <= 10**5 else None
    lst2 = [[float(i), float(i + 1)] for i in range(n // 2)] if n <= 10**5 else None
    a, t, x = tnp.arange(float(n)), torch.arange(n, dtype=F64), numpy.arange(float(n))
    side = int(math.isqrt(n))
    out = [
        (f"zeros({n})", lambda m: m.zeros(n), lambda: torch.zeros(n, dtype=F64), lambda: numpy.zeros(n)),
        (f"ones(({side},{side}))", lambda m: m.ones((side, side)),
         lambda: torch.ones((side, side), dtype=F64), lambda: numpy.ones((side, side))),
        (f"full({n}, 1.5)", lambda m: m.full(n, 1.5), lambda: torch.full((n,), 1.5, dtype=F64),
         lambda: numpy.full(n, 1.5)),
        (f"arange({n})", lambda m: m.arange(n), lambda: torch.arange(n), lambda: numpy.arange(n)),
        (f"arange(3,{n},2)", lambda m: m.arange(3, n, 2), lambda: torch.arange(3, n, 2),
         lambda: numpy.arange(3, n, 2)),
        (f"arange(0.,{n},.5)", lambda m: m.arange(0.0, n, 0.5),
         lambda: torch.arange(0.0, n, 0.5, dtype=F64), lambda: numpy.arange(0.0, n, 0.5)),
        (f"arange(0,{n / 10:g},.1)", lambda m: m.arange(0, n / 10, 0.1),
         lambda: torch.arange(0, n / 10, 0.1, dtype=F64), lambda: numpy.arange(0, n / 10, 0.1)),
        (f"linspace(0,1,{n})", lambda m: m.linspace(0, 1, n),
         lambda: torch.linspace(0, 1, n, dtype=F64), lambda: numpy.linspace(0, 1, n)),
        (f"zeros_like({n})", lambda m: m.zeros_like(a), lambda: torch.zeros_like(t),
         lambda: numpy.zeros_like(x)),
        (f"asarray(arr {n})", lambda m: m.asarray(a), lambda: torch.as_tensor(t), lambda: numpy.asarray(x)),
        (f"array(arr {n})", lambda m: m.array(a), lambda: t.clone(), lambda: numpy.array(x)),
        (f"eye({side})", lambda m: m.eye(side), lambda: torch.eye(side, dtype=F64), lambda: numpy.eye(side)),
    ]
    if lst is not None:
        out.append((f"asarray(list {n})", lambda m: m.asarray(lst),
                    lambda: torch.tensor(lst, dtype=F64), lambda: numpy.asarray(lst)))
        out.append((f"array(2-d list {n // 2}x2)", lambda m: m.array(lst2),
                    lambda: torch.tensor(lst2, dtype=F64), lambda: numpy.array(lst2)))
    out.append((f"repr(arange {n})", lambda m: repr(a), lambda: str(t), lambda: repr(x)))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", metavar="REV", help="also time _creation_impl.py at this git revision")
    p.add_argument("--sizes", default="10,1000000", help="comma-separated sizes (default 10,1000000)")
    args = p.parse_args()
    before = load_before(args.before) if args.before else None
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, "
          f"torch threads: {torch.get_num_threads()}; microseconds per call (CPU time, best round)")
    head = f"{'case':<26}{'torchnp':>10}"
    if before:
        head += f"{'before':>10}"
    head += f"{'torch':>10}{'numpy':>10}{'tnp/torch':>11}"
    if before:
        head += f"{'bef/torch':>11}"
    head += f"{'tnp/numpy':>11}"
    print(head)
    for n in (int(s) for s in args.sizes.split(",")):
        ratios, ratios_before = [], []
        for name, f_tnp, f_torch, f_np in cases(n, before):
            fns = [lambda f=f_tnp: f(tnp), f_torch, f_np]
            if before:
                fns.append(lambda f=f_tnp: f(before))
            times = best(fns, budget=0.05 if n <= 1000 else 0.2, rounds=15 if n <= 1000 else 3)
            a, b, c = times[:3]
            line = f"{name:<26}{a:>10.2f}"
            if before:
                line += f"{times[3]:>10.2f}"
            line += f"{b:>10.2f}{c:>10.2f}{a / b:>11.2f}"
            if before:
                line += f"{times[3] / b:>11.2f}"
            line += f"{a / c:>11.2f}"
            print(line)
            if not name.startswith("repr"):
                ratios.append(a / b)
                if before:
                    ratios_before.append(times[3] / b)
        geo = math.exp(sum(map(math.log, ratios)) / len(ratios))
        msg = f"geomean torchnp/torch (size {n}, excluding repr): {geo:.2f}"
        if before:
            msg += f"; before: {math.exp(sum(map(math.log, ratios_before)) / len(ratios_before)):.2f}"
        print(msg + "\n")


if __name__ == "__main__":
    main()
