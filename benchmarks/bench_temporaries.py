"""Large temporaries: where ``np.sqrt(a*a + b*b)`` at 10^7 loses time, and what settings do.

Run by hand: ``python benchmarks/bench_temporaries.py [--sizes 1e6,1e7] [--rounds 7]``.

Each configuration (environment variables that the C libraries read at start-up)
runs in a fresh child process; inside it, NumPy, raw torch and torchnp are timed
in interleaved rounds on the same data (1 thread), medians reported in ms, plus
the minor page faults per call (``getrusage``), which is where the time goes:
every temporary of an 80 MB expression is a fresh ``mmap`` that the kernel
zero-fills 4 KiB page by page on first touch, unless huge pages or a heap that
keeps freed memory avoid it. NumPy madvises its own large buffers
(``MADV_HUGEPAGE``, >= 4 MiB); torch's allocator does so only with
``THP_MEM_ALLOC_ENABLE=1``.

Rows: ``numpy``, ``torch`` (the same expression on tensors), ``torchnp``,
``torch out=`` (preallocated buffers, the no-allocation floor),
``torch madvise`` (fresh outputs madvised like NumPy's: what a library-side
allocator change would give), ``add n=10`` (per-call cost, microseconds) and
``sort 1e6`` (a kernel with large internal buffers), so that a setting's cost
elsewhere shows too.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

CONFIGS = [
    ("default", {}),
    ("THP_MEM_ALLOC_ENABLE=1", {"THP_MEM_ALLOC_ENABLE": "1"}),
    ("GLIBC_TUNABLES=glibc.malloc.hugetlb=1", {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}),
    ("MALLOC_MMAP_THRESHOLD_=32MiB +TRIM", {"MALLOC_MMAP_THRESHOLD_": str(32 << 20),
                                            "MALLOC_TRIM_THRESHOLD_": str(1 << 34)}),
    ("MALLOC_MMAP_MAX_=0 +TRIM", {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(1 << 34)}),
    ("MALLOC_MMAP_MAX_=0 +TRIM +THP", {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(1 << 34),
                                       "THP_MEM_ALLOC_ENABLE": "1"}),
]


def child(sizes, rounds):
    import ctypes
    import resource

    import numpy as np
    import torch

    import torchnp as tnp
    torch.set_num_threads(1)
    libc = ctypes.CDLL(None)
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    MADV_HUGEPAGE = 14

    def empty_huge(like):
        # what NumPy does for its own buffers >= 4 MiB (numpy/_core/src/multiarray/alloc.c)
        t = torch.empty_like(like)
        nbytes = t.numel() * t.element_size()
        if nbytes >= 1 << 22:
            p = t.data_ptr()
            off = (-p) % 4096
            libc.madvise(p + off, nbytes - off, MADV_HUGEPAGE)
        return t

    def faults():
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

    def timed(fn, reps):
        fn()
        f0, t0 = faults(), time.perf_counter()
        for _ in range(reps):
            fn()
        return (time.perf_counter() - t0) / reps, (faults() - f0) / reps

    out = {}
    rng = np.random.default_rng(0)
    for n in sizes:
        a, b = rng.standard_normal(n), rng.standard_normal(n)
        ta, tb = torch.from_numpy(a.copy()), torch.from_numpy(b.copy())
        xa, xb = tnp.asarray(ta), tnp.asarray(tb)
        bufs = [torch.empty(n, dtype=torch.float64) for _ in range(3)]

        def t_out():
            torch.mul(ta, ta, out=bufs[0])
            torch.mul(tb, tb, out=bufs[1])
            torch.add(bufs[0], bufs[1], out=bufs[2])
            return torch.sqrt(bufs[2], out=bufs[2])

        def t_madv():
            x = torch.mul(ta, ta, out=empty_huge(ta))
            y = torch.mul(tb, tb, out=empty_huge(tb))
            s = torch.add(x, y, out=empty_huge(ta))
            del x, y
            return torch.sqrt(s, out=empty_huge(ta))

        fns = {
            "numpy": lambda: np.sqrt(a * a + b * b),
            "torch": lambda: torch.sqrt(ta * ta + tb * tb),
            "torchnp": lambda: tnp.sqrt(xa * xa + xb * xb),
            "torch out=": t_out,
            "torch madvise": t_madv,
        }
        reps = max(3, int(2e7 // n))
        res = {k: [] for k in fns}
        for _ in range(rounds):
            for k, f in fns.items():
                res[k].append(timed(f, reps))
        for k, v in res.items():
            out[f"{k} n={n:.0e}"] = (statistics.median(x[0] for x in v) * 1e3,
                                     statistics.median(x[1] for x in v))
    s10a, s10b = tnp.asarray(torch.ones(10)), tnp.asarray(torch.ones(10))
    v = [timed(lambda: s10a + s10b, 20000)[0] for _ in range(rounds)]
    out["add n=10 (us)"] = (statistics.median(v) * 1e6, 0.0)
    srt = tnp.asarray(torch.from_numpy(rng.standard_normal(10**6)))
    v = [timed(lambda: tnp.sort(srt), 5) for _ in range(rounds)]
    out["tnp.sort n=1e6"] = (statistics.median(x[0] for x in v) * 1e3, statistics.median(x[1] for x in v))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="1e6,1e7")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    if args.child:
        print("RESULT " + json.dumps(child(sizes, args.rounds)))
        return
    import numpy
    import torch
    print(f"torch {torch.__version__}, numpy {numpy.__version__}, 1 thread (torch.set_num_threads(1), "
          f"OMP_NUM_THREADS=1); THP: {open('/sys/kernel/mm/transparent_hugepage/enabled').read().strip()}")
    print("ms per call (median of rounds), minor page faults per call; ratio = / numpy at the same size")
    base = {k: v for k, v in os.environ.items() if k not in {e for _, c in CONFIGS for e in c}}
    base["OMP_NUM_THREADS"] = "1"
    for label, env in CONFIGS:
        r = subprocess.run([sys.executable, __file__, "--child", "--sizes", args.sizes, "--rounds",
                            str(args.rounds)], env={**base, **env}, capture_output=True, text=True)
        line = [ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")]
        if not line:
            print(f"== {label}: failed\n{r.stderr[-2000:]}")
            continue
        res = json.loads(line[0][7:])
        print(f"== {label}")
        for k, (ms, flt) in res.items():
            n = k.rsplit("n=", 1)[-1]
            ref = res.get(f"numpy n={n}")
            ratio = f"{ms / ref[0]:6.2f}x" if ref and "n=1e+0" in k else ""
            print(f"   {k:28s} {ms:9.2f} {flt:10.0f} flt {ratio}")


if __name__ == "__main__":
    main()
