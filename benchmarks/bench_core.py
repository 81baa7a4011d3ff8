"""Per-call overhead of torchnp over raw torch (and NumPy) on size-10 arrays; import cost.

Run by hand: ``python benchmarks/bench_core.py``. Single-threaded torch (stated
in the output); ratios compare timings taken in this same run.
Targets (issue 2): geomean torchnp/torch <= 1.5; ``import torchnp`` within 30 ms
of ``import torch``; first access of a namespace <= 50 ms.
"""
import math
import subprocess
import sys
import timeit

import numpy
import torch

import torchnp as tnp

torch.set_num_threads(1)


def best(stmt, number=20000, repeat=7):
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e9  # ns


def cases():
    a = tnp.arange(10.0)
    b = tnp.arange(10.0) + 1
    t = torch.arange(10.0, dtype=torch.float64)
    u = t + 1
    n = numpy.arange(10.0)
    m = n + 1
    idx_t = torch.tensor([1, 3, 5])
    idx_a = tnp.asarray([1, 3, 5])
    idx_n = numpy.array([1, 3, 5])
    lst = [1.0, 2.0, 3.0]
    return [
        ("zeros(10)", lambda: tnp.zeros(10), lambda: torch.zeros(10, dtype=torch.float64), lambda: numpy.zeros(10)),
        ("asarray(list)", lambda: tnp.asarray(lst), lambda: torch.tensor(lst, dtype=torch.float64), lambda: numpy.asarray(lst)),
        ("arange(10)", lambda: tnp.arange(10), lambda: torch.arange(10), lambda: numpy.arange(10)),
        ("a[2:5]", lambda: a[2:5], lambda: t[2:5], lambda: n[2:5]),
        ("a[idx]", lambda: a[idx_a], lambda: t[idx_t], lambda: n[idx_n]),
        ("a + b", lambda: a + b, lambda: t + u, lambda: n + m),
        ("a * 2.0", lambda: a * 2.0, lambda: t * 2.0, lambda: n * 2.0),
        ("sin(a)", lambda: tnp.sin(a), lambda: torch.sin(t), lambda: numpy.sin(n)),
        ("sum(a)", lambda: tnp.sum(a), lambda: torch.sum(t), lambda: numpy.sum(n)),
        ("a.mean(axis=0)", lambda: a.mean(axis=0), lambda: t.mean(dim=0), lambda: n.mean(axis=0)),
    ]


def import_times():
    def run(code):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True)
        total = {}
        for line in out.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() in ("torch", "torchnp"):
                total[parts[2].strip()] = int(parts[1]) / 1000
        return total
    code = ("import time, torch; t0 = time.perf_counter(); import torchnp; t1 = time.perf_counter();"
            "torchnp.linalg.solve; t2 = time.perf_counter(); torchnp.sin; t3 = time.perf_counter();"
            "print((t1-t0)*1e3, (t2-t1)*1e3, (t3-t2)*1e3)")
    res = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        res.append([float(x) for x in out.stdout.split()])
    return [min(r[i] for r in res) for i in range(3)]


def main():
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, torch threads = {torch.get_num_threads()}")
    print(f"{'case':<16} {'torchnp':>10} {'torch':>10} {'numpy':>10} {'tnp/torch':>10} {'tnp/numpy':>10}")
    ratios = []
    for name, f_tnp, f_torch, f_np in cases():
        try:
            f_tnp()
        except Exception as exc:  # noqa: BLE001 - a missing plugin shows as such
            print(f"{name:<16} unavailable: {type(exc).__name__}: {exc}")
            continue
        x, y, z = best(f_tnp), best(f_torch), best(f_np)
        ratios.append(x / y)
        print(f"{name:<16} {x:>8.0f}ns {y:>8.0f}ns {z:>8.0f}ns {x / y:>10.2f} {x / z:>10.2f}")
    if ratios:
        print(f"geomean torchnp/torch over {len(ratios)} cases: "
              f"{math.exp(sum(map(math.log, ratios)) / len(ratios)):.2f}  (target <= 1.5)")
    imp, first_linalg, first_main = import_times()
    print(f"import torchnp after torch: {imp:.1f} ms (target <= 30); first torchnp.linalg access: "
          f"{first_linalg:.1f} ms; first main-namespace access: {first_main:.1f} ms (target <= 50)")


if __name__ == "__main__":
    main()
