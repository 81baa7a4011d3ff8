"""Benchmark the sort family: torchnp vs raw torch vs NumPy, same run, same data, 1 thread.

Run by hand: ``python benchmarks/bench_sorting.py [--large] [--only sort,argsort]``
(``--large`` adds n = 1e7). n = 10 measures per-call overhead; 1e4 and 1e6 the
kernels. Each figure is the median of several rounds that time the three
libraries in turn (the machine this was written on has 2 shared, noisy cores), in
microseconds; the ratios are torchnp / raw torch and torchnp / NumPy.

The raw torch column is the plain torch call a user would write for the same
result: ``torch.sort(t, stable=True)`` for sort/argsort (and for partition, which
torch lacks), ``torch.unique`` for unique (it keeps every NaN apart),
``torch.searchsorted``; "n/a" where torch has no kernel (its CPU radix sort lacks
uint16/32/64). NumPy runs its default kind unless the case says stable.

Data: random values over the dtype's range (ints), standard normal (floats,
complex), no NaNs; the tests cover NaN/-0.0 placement, this measures speed.
"""
import argparse
import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

import torchnp as tnp  # noqa: E402

torch.set_num_threads(1)


def _time(fn, budget):
    """Seconds per call: repeat until ``budget`` seconds are spent (at least 2 calls)."""
    fn()
    reps, start = 0, time.perf_counter()
    while True:
        fn()
        reps += 1
        el = time.perf_counter() - start
        if (el > budget and reps >= 2) or reps >= 20000:
            return el / reps


def measure(fns, n, rounds=5):
    """Median seconds per call of each function, timed in interleaved rounds."""
    budget = 0.02 if n <= 10 else 0.15
    out = [[] for _ in fns]
    for _ in range(rounds):
        for i, f in enumerate(fns):
            out[i].append(_time(f, budget) if f is not None else float("nan"))
    return [statistics.median(v) for v in out]


def data(dtype, n, rng):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, n, endpoint=True, dtype=dt)
    if dt.kind == "c":
        return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return rng.standard_normal(n).astype(dt)


def _raw_sort(t, stable=True):
    try:
        torch.sort(t[:40000], stable=stable)  # uint16/32/64: no CPU radix kernel
    except (RuntimeError, NotImplementedError):
        return None
    if t.dtype.is_complex:
        return None
    return lambda: torch.sort(t, stable=stable)


def cases(dtype, n, rng):
    a = data(dtype, n, rng)
    t = torch.from_numpy(a.copy())
    x = tnp.asarray(t)
    raw = _raw_sort(t)
    raw_vals = (lambda: raw().values) if raw else None
    raw_idx = (lambda: raw().indices) if raw else None
    out = [
        ("sort", lambda: tnp.sort(x), raw_vals, lambda: np.sort(a)),
        ("argsort", lambda: tnp.argsort(x), raw_idx, lambda: np.argsort(a)),
        ("argsort stable", lambda: tnp.argsort(x, stable=True), raw_idx,
         lambda: np.argsort(a, stable=True)),
    ]
    if dtype in ("int8", "int64", "float32", "float64") or n <= 10:
        k = n // 2
        out += [
            ("partition n/2", lambda: tnp.partition(x, k), raw_vals, lambda: np.partition(a, k)),
            ("argpartition n/2", lambda: tnp.argpartition(x, k), raw_idx,
             lambda: np.argpartition(a, k)),
        ]
    if dtype in ("bool", "int8", "int16", "int32", "int64", "uint64", "float32", "float64",
                 "complex128"):
        uq = (lambda: torch.unique(t, sorted=True)) if not t.dtype.is_complex and raw else None
        uqa = (lambda: torch.unique(t, sorted=True, return_inverse=True, return_counts=True)) \
            if uq else None
        out += [
            ("unique", lambda: tnp.unique(x), uq, lambda: np.unique(a)),
            ("unique inverse+counts", lambda: tnp.unique(x, return_inverse=True, return_counts=True),
             uqa, lambda: np.unique(a, return_inverse=True, return_counts=True)),
        ]
    if dtype in ("int64", "float64", "float32") and n > 10:
        s = np.sort(a)
        v = data(dtype, max(n // 10, 1), rng)
        ts, tv = torch.from_numpy(s), torch.from_numpy(v)
        xs, xv = tnp.asarray(ts), tnp.asarray(tv)
        order = np.argsort(a, kind="stable")
        xo, to = tnp.asarray(torch.from_numpy(order)), torch.from_numpy(order)
        out += [
            ("searchsorted (n/10 queries)", lambda: tnp.searchsorted(xs, xv),
             lambda: torch.searchsorted(ts, tv), lambda: np.searchsorted(s, v)),
            ("searchsorted sorter=", lambda: tnp.searchsorted(x, xv, sorter=xo),
             lambda: torch.searchsorted(t, tv, sorter=to), lambda: np.searchsorted(a, v, sorter=order)),
        ]
    return out


def nd_cases(rng):
    a = rng.standard_normal((1000, 1000))
    t = torch.from_numpy(a.copy())
    x = tnp.asarray(t)
    b = rng.integers(0, 1000, 10**6)
    tb = torch.from_numpy(b)
    xb = tnp.asarray(tb)
    tf = t.reshape(-1)

    def raw_lex():
        i = torch.sort(tf, stable=True).indices
        return i[torch.sort(tb[i], stable=True).indices]
    return [
        ("sort 1000x1000 f64 axis=-1", lambda: tnp.sort(x), lambda: torch.sort(t, stable=True).values,
         lambda: np.sort(a)),
        ("sort 1000x1000 f64 axis=0", lambda: tnp.sort(x, axis=0),
         lambda: torch.sort(t, dim=0, stable=True).values, lambda: np.sort(a, axis=0)),
        ("argsort 1000x1000 f64 axis=-1", lambda: tnp.argsort(x),
         lambda: torch.sort(t, stable=True).indices, lambda: np.argsort(a)),
        ("lexsort (f64, int64) n=1e6", lambda: tnp.lexsort((x.reshape(-1), xb)), raw_lex,
         lambda: np.lexsort((a.reshape(-1), b))),
    ]


DTYPES = ["bool", "int8", "int16", "uint16", "int32", "int64", "uint64", "float16", "float32",
          "float64", "complex128"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--large", action="store_true", help="also run n = 1e7")
    p.add_argument("--only", default="", help="comma-separated case names (prefixes)")
    p.add_argument("--dtypes", default=",".join(DTYPES))
    p.add_argument("--sizes", default="")
    args = p.parse_args()
    only = [s for s in args.only.split(",") if s]
    print(f"torch {torch.__version__}, numpy {np.__version__}, torch threads={torch.get_num_threads()}, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}; microseconds per call, median of 5 rounds")
    sizes = [int(float(s)) for s in args.sizes.split(",") if s] or \
        [10, 10**4, 10**6] + ([10**7] if args.large else [])
    rng = np.random.default_rng(0)
    print(f"{'case':44s} {'torchnp':>11s} {'torch':>11s} {'numpy':>11s} {'tnp/torch':>9s} {'tnp/np':>7s}")

    def row(label, n, fns):
        tt, tr, tn = measure(fns, n)
        rt = f"{tt / tr:9.2f}" if tr == tr else f"{'n/a':>9s}"
        print(f"{label:44s} {tt*1e6:10.1f}u " + (f"{tr*1e6:10.1f}u " if tr == tr else f"{'n/a':>11s} ")
              + f"{tn*1e6:10.1f}u {rt} {tt / tn:7.2f}", flush=True)
    for n in sizes:
        for dtype in args.dtypes.split(","):
            for label, f_t, f_r, f_n in cases(dtype, n, rng):
                if only and not any(label.startswith(o) for o in only):
                    continue
                row(f"{label} {dtype} n={n:.0e}", n, [f_t, f_r, f_n])
    if not args.sizes:
        for label, f_t, f_r, f_n in nd_cases(rng):
            if only and not any(label.startswith(o) for o in only):
                continue
            row(label, 10**6, [f_t, f_r, f_n])


if __name__ == "__main__":
    main()
