"""Per-call overhead of torchnp over raw torch (and NumPy) on size-10 arrays; import cost.

Run by hand: ``python benchmarks/bench_core.py``. Single-threaded torch (stated
in the output); ratios compare timings taken in this same run.
Targets (issue 2): geomean torchnp/torch <= 1.5; ``import torchnp`` within 30 ms
of ``import torch``; first access of a namespace <= 50 ms.
"""
import math
import os
import subprocess
import sys
import tempfile
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
    mask_t, mask_a, mask_n = t > 4, tnp.asarray(n > 4), n > 4
    a2, t2, n2 = a.reshape(2, 5), t.reshape(2, 5), n.reshape(2, 5)
    lst = [1.0, 2.0, 3.0]
    return [
        ("a[3]", lambda: a[3], lambda: t[3], lambda: n[3]),
        ("a[[1,3,5]]", lambda: a[[1, 3, 5]], lambda: t[[1, 3, 5]], lambda: n[[1, 3, 5]]),
        ("a[mask]", lambda: a[mask_a], lambda: t[mask_t], lambda: n[mask_n]),
        ("a[3] = 1.0", lambda: a.__setitem__(3, 1.0), lambda: t.__setitem__(3, 1.0),
         lambda: n.__setitem__(3, 1.0)),
        ("a[idx] = 1.0", lambda: a.__setitem__(idx_a, 1.0), lambda: t.__setitem__(idx_t, 1.0),
         lambda: n.__setitem__(idx_n, 1.0)),
        ("a.reshape(2,5)", lambda: a.reshape(2, 5), lambda: t.reshape(2, 5), lambda: n.reshape(2, 5)),
        ("a2.T", lambda: a2.T, lambda: t2.T, lambda: n2.T),
        ("asarray(2.5)", lambda: tnp.asarray(2.5), lambda: torch.tensor(2.5, dtype=torch.float64),
         lambda: numpy.asarray(2.5)),
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
    """(import torchnp after torch, first torchnp.linalg access, first main-namespace access),
    each the best of 5 fresh processes, as (wall ms, CPU ms).

    The environment may set PYTHONDONTWRITEBYTECODE (then every import compiles from
    source); the child processes get a private bytecode cache, warmed first, so the
    numbers are what an installed torchnp costs.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "torchnp-bench-pycache")
    code = ("import time, torch; w0, c0 = time.perf_counter(), time.process_time(); import torchnp; "
            "w1, c1 = time.perf_counter(), time.process_time(); torchnp.{ns}; "
            "w2, c2 = time.perf_counter(), time.process_time(); "
            "print((w1-w0)*1e3, (c1-c0)*1e3, (w2-w1)*1e3, (c2-c1)*1e3)")

    def best(ns):
        rows = []
        for _ in range(5):
            out = subprocess.run([sys.executable, "-c", code.format(ns=ns)], capture_output=True,
                                 text=True, env=env)
            rows.append([float(x) for x in out.stdout.split()])
        return [min(r[i] for r in rows) for i in range(4)]

    best("sin")  # warm the bytecode cache
    linalg, main = best("linalg.solve"), best("sin")
    imp = (min(linalg[0], main[0]), min(linalg[1], main[1]))
    return imp, (linalg[2], linalg[3]), (main[2], main[3])


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
    print("wall / CPU ms, best of 5 processes:")
    print(f"  import torchnp after torch:    {imp[0]:6.1f} / {imp[1]:6.1f}  (target <= 30)")
    print(f"  first torchnp.linalg.solve:    {first_linalg[0]:6.1f} / {first_linalg[1]:6.1f}  (target <= 50)")
    print(f"  first torchnp.sin (main ns):   {first_main[0]:6.1f} / {first_main[1]:6.1f}  (target <= 50)")


if __name__ == "__main__":
    main()
