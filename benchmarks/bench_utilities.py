"""Benchmark the utilities plugin: torchnp vs raw torch vs NumPy, same run, same data.

Run by hand: ``python benchmarks/bench_utilities.py``. Size 10 measures per-call
overhead; the large sizes measure the work. The raw torch column is the plain-torch
way to get the same result.
"""
import os
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

import torchnp as tnp  # noqa: E402


def _time(fn, min_time=0.2, max_reps=20000):
    fn()
    best = float("inf")
    for _ in range(3):
        reps, start = 0, time.perf_counter()
        while True:
            fn()
            reps += 1
            el = time.perf_counter() - start
            if el > min_time / 3 or reps >= max_reps:
                break
        best = min(best, el / reps)
    return best


def _raw_iter(t):
    s = 0
    for x in t.reshape(-1):
        s += 1 if x is not None else 0
    return s


def _matrix_rows():
    """numpy.matrix: products, powers, axis reductions and row indexing (n x n)."""
    import warnings
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    rows = []
    for n in (10, 500):
        a_np = np.random.default_rng(2).random((n, n)) + n * np.eye(n)
        a_t = torch.from_numpy(a_np.copy())
        m_np, m_tnp = np.matrix(a_np), tnp.matrix(tnp.asarray(a_t))
        rows.append((f"matrix(list) n={n}", lambda a=a_np.tolist(): tnp.matrix(a),
                     lambda a=a_np.tolist(): torch.tensor(a, dtype=torch.float64),
                     lambda a=a_np.tolist(): np.matrix(a)))
        rows.append((f"matrix m*m n={n}", lambda m=m_tnp: m * m, lambda t=a_t: t @ t,
                     lambda m=m_np: m * m))
        rows.append((f"matrix m+m n={n}", lambda m=m_tnp: m + m, lambda t=a_t: t + t,
                     lambda m=m_np: m + m))
        rows.append((f"matrix m**3 n={n}", lambda m=m_tnp: m ** 3,
                     lambda t=a_t: torch.linalg.matrix_power(t, 3), lambda m=m_np: m ** 3))
        rows.append((f"matrix m.I n={n}", lambda m=m_tnp: m.I, lambda t=a_t: torch.linalg.inv(t),
                     lambda m=m_np: m.I))
        rows.append((f"matrix m.sum(axis=1) n={n}", lambda m=m_tnp: m.sum(axis=1),
                     lambda t=a_t: t.sum(1, keepdim=True), lambda m=m_np: m.sum(axis=1)))
        rows.append((f"matrix m[:, 1] n={n}", lambda m=m_tnp: m[:, 1],
                     lambda t=a_t: t[:, 1:2], lambda m=m_np: m[:, 1]))
    return rows


def main():
    tmp = tempfile.mkdtemp()
    rows = []
    for n in (10, 1_000_000):
        x_np = np.random.default_rng(0).random(n)
        x_t = torch.from_numpy(x_np.copy())
        x_tnp = tnp.asarray(x_t)
        rows.append((f"asarray_chkfinite n={n}",
                     lambda: tnp.asarray_chkfinite(x_tnp),
                     lambda: bool(torch.isfinite(x_t).all()),
                     lambda: np.asarray_chkfinite(x_np)))
    for n in (10, 100_000):
        text = " ".join(str(v) for v in np.random.default_rng(1).random(n))
        rows.append((f"fromstring n={n}",
                     lambda text=text: tnp.fromstring(text, sep=" "),
                     lambda text=text: torch.tensor([float(v) for v in text.split()], dtype=torch.float64),
                     lambda text=text: np.fromstring(text, sep=" ")))
    for n in (10, 10_000):
        a_np = np.arange(float(n))
        a_t = torch.from_numpy(a_np.copy())
        a_tnp = tnp.asarray(a_t)
        rows.append((f"nditer elements n={n}",
                     lambda a=a_tnp: sum(1 for _ in tnp.nditer(a)),
                     lambda a=a_t: _raw_iter(a),
                     lambda a=a_np: sum(1 for _ in np.nditer(a))))
    for n in (10, 1_000_000):
        a_np = np.arange(float(n)).reshape(-1, 10)[:, :5]  # non-contiguous: chunks of 5
        a_t = torch.from_numpy(np.arange(float(n)).reshape(-1, 10)).narrow(1, 0, 5)
        a_tnp = tnp.asarray(a_t)

        def _tnp_ext(a=a_tnp):
            with tnp.nditer(a, flags=["external_loop"], op_flags=["readwrite"]) as it:
                for c in it:
                    c[...] = c * 0.5

        def _np_ext(a=a_np):
            with np.nditer(a, flags=["external_loop"], op_flags=["readwrite"]) as it:
                for c in it:
                    c[...] = c * 0.5

        rows.append((f"nditer external_loop rw n={n // 2}", _tnp_ext,
                     lambda a=a_t: a.mul_(0.5), _np_ext))
    for n in (10, 4_000_000):
        path = os.path.join(tmp, f"m{n}.bin")
        np.arange(n, dtype="f4").tofile(path)
        rows.append((f"memmap open+sum n={n}",
                     lambda path=path, n=n: float(tnp.sum(tnp.memmap(path, dtype="f4", mode="r"))),
                     lambda path=path, n=n: float(torch.from_file(path, shared=False, size=n,
                                                                  dtype=torch.float32).sum()),
                     lambda path=path: float(np.memmap(path, dtype="f4", mode="r").sum())))
    rows.extend(_matrix_rows())

    print(f"torch {torch.__version__}, numpy {np.__version__}, threads: torch={torch.get_num_threads()} "
          f"(OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')})")
    print(f"{'case':40s} {'torchnp':>11s} {'torch':>11s} {'numpy':>11s} {'tnp/torch':>9s} {'tnp/np':>8s}")
    for name, f_tnp, f_t, f_np in rows:
        t1, t2, t3 = _time(f_tnp), _time(f_t), _time(f_np)
        print(f"{name:40s} {t1 * 1e6:9.1f}us {t2 * 1e6:9.1f}us {t3 * 1e6:9.1f}us "
              f"{t1 / t2:9.2f} {t1 / t3:8.2f}")


if __name__ == "__main__":
    main()
