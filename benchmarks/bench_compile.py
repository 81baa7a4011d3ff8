"""The compile suite's kernels, timed: NumPy code on torchnp, eager and compiled.

Run by hand: ``python benchmarks/bench_compile.py [--threads N] [--backend inductor]
[--device cpu|cuda] [KERNEL ...]``. For each kernel of ``tests/compile/kernels.py``
(its larger input, size 2), one run gives the median time per call of

* eager NumPy (the kernel written against ``numpy``),
* eager torchnp,
* torchnp under ``torch.compile`` (fullgraph for the kernels that allow it),
* the kernel's raw-torch twin under ``torch.compile``,
* real NumPy code through dynamo's own NumPy support (``torch._numpy``),

and the ratio compiled torchnp / compiled raw torch (target: <= 1.15). Compilation
happens before timing; the thread count is stated (default 1).
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import warnings

import numpy
import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import torchnp  # noqa: E402
from tests.compile.kernels import KERNELS  # noqa: E402


def median_time(fn, min_time=0.2, repeat=5):
    fn()  # warm
    n, t = 1, 0.0
    while True:  # calls per sample: enough for min_time / repeat
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        t = time.perf_counter() - t0
        if t > min_time / repeat or n > 1 << 16:
            break
        n *= 4
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        samples.append((time.perf_counter() - t0) / n)
    return statistics.median(samples)


def _sync(device):
    if device == "cuda":
        torch.cuda.synchronize()


def bench(k, backend, device):
    ins = tuple(t.to(device) for t in k.inputs(2))
    nins = tuple(t.cpu().numpy() for t in ins)
    extra, nextra = {}, {}
    if "rng-outside" in k.needs:
        extra["rng"] = torchnp.random.default_rng(0)
        nextra["rng"] = numpy.random.default_rng(0)

    def tnp_fn(*a):
        return k.fn(torchnp, *a, **extra)

    def np_fn(*a):
        return k.fn(numpy, *a, **nextra)

    row = {}
    row["numpy"] = median_time(lambda: np_fn(*nins))
    row["torchnp"] = median_time(lambda: (tnp_fn(*ins), _sync(device)))
    torch._dynamo.reset()
    ct = torch.compile(tnp_fn, fullgraph=not k.breaks, backend=backend)
    row["torchnp_compiled"] = median_time(lambda: (ct(*ins), _sync(device)))
    torch._dynamo.reset()
    cr = torch.compile(k.torch_fn, fullgraph=not k.breaks, backend=backend)
    row["torch_compiled"] = median_time(lambda: (cr(*ins), _sync(device)))
    torch._dynamo.reset()
    try:
        cn = torch.compile(np_fn, backend=backend)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row["numpy_dynamo"] = median_time(lambda: cn(*nins))
    except Exception as exc:  # noqa: BLE001 - dynamo's NumPy support does not cover it
        row["numpy_dynamo"] = float("nan")
        row["numpy_dynamo_error"] = type(exc).__name__
    return row


def main():
    p = argparse.ArgumentParser()
    p.add_argument("kernels", nargs="*")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--backend", default="inductor")
    p.add_argument("--device", default="cpu")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    names = args.kernels or list(KERNELS)
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, {args.threads} thread(s), "
          f"backend {args.backend}, device {args.device}; median seconds per call (us)")
    head = ("kernel", "numpy", "torchnp", "tnp-compiled", "torch-compiled", "numpy-dynamo",
            "tnp-c/torch-c")
    print("{:26s} {:>10s} {:>10s} {:>12s} {:>14s} {:>12s} {:>13s}".format(*head))
    ratios = []
    for name in names:
        k = KERNELS[name]
        try:
            r = bench(k, args.backend, args.device)
        except Exception as exc:  # noqa: BLE001 - report and go on
            print(f"{name:26s} failed: {type(exc).__name__}: {str(exc).splitlines()[0][:80]}")
            continue
        ratio = r["torchnp_compiled"] / r["torch_compiled"]
        ratios.append(ratio)
        print(f"{name:26s} {r['numpy'] * 1e6:10.1f} {r['torchnp'] * 1e6:10.1f} "
              f"{r['torchnp_compiled'] * 1e6:12.1f} {r['torch_compiled'] * 1e6:14.1f} "
              f"{r['numpy_dynamo'] * 1e6:12.1f} {ratio:13.2f}")
    if ratios:
        g = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
        print(f"geomean compiled torchnp / compiled raw torch: {g:.3f}; max {max(ratios):.2f}")


if __name__ == "__main__":
    main()
