"""Benchmark of the mathroutines plugin: torchnp vs raw torch vs NumPy, same run.

Run by hand: ``OMP_NUM_THREADS=1 python benchmarks/bench_mathroutines.py [filter]``.
Tiny sizes (10) show the per-call overhead of the torchnp layer; large ones
(1e6-1e7) should track raw torch. The "torch" column is the closest plain torch
call for the same result (same dtype, same semantics where torch has them).
"""
import os
import sys
import timeit

import numpy as np
import torch

import torchnp as tnp


def best(fn, number):
    fn()  # warm up (first calls load plugins, compile wrappers)
    return min(timeit.repeat(fn, number=number, repeat=7)) / number


ROWS = []


def row(name, t_tnp, t_torch, t_np):
    ROWS.append((name, t_tnp / t_torch))
    print(f"{name:<34} {t_tnp * 1e6:>11.1f} {t_torch * 1e6:>11.1f} {t_np * 1e6:>11.1f}"
          f" {t_tnp / t_torch:>9.2f} {t_tnp / t_np:>9.2f}", flush=True)


def case(name, f_tnp, f_torch, f_np, number):
    if len(sys.argv) > 1 and sys.argv[1] not in name:
        return
    row(name, best(f_tnp, number), best(f_torch, number), best(f_np, number))


def main():
    threads = torch.get_num_threads()
    print(f"torch threads: {threads} (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}),"
          f" torch {torch.__version__}, numpy {np.__version__}")
    print(f"{'case':<34} {'torchnp us':>11} {'torch us':>11} {'numpy us':>11}"
          f" {'tnp/torch':>9} {'tnp/np':>9}")
    rng = np.random.default_rng(0)

    def trio(*arrays):
        ts = [torch.from_numpy(a) for a in arrays]
        return ts, [tnp.asarray(t) for t in ts]

    # einsum: overhead (size 10) and a large contraction
    for n, number in ((10, 3000), (1000, 3)):
        a, b = rng.normal(size=(n, n)), rng.normal(size=(n, n))
        (ta, tb), (xa, xb) = trio(a, b)
        case(f"einsum ij,jk n={n}", lambda: tnp.einsum("ij,jk", xa, xb),
             lambda: torch.einsum("ij,jk", ta, tb), lambda: np.einsum("ij,jk", a, b), number)
        case(f"einsum ij,jk->ik n={n}", lambda: tnp.einsum("ij,jk->ik", xa, xb),
             lambda: torch.einsum("ij,jk->ik", ta, tb), lambda: np.einsum("ij,jk->ik", a, b),
             number)
    for n, number in ((10, 3000), (10_000_000, 3)):
        v = rng.normal(size=n)
        (tv,), (xv,) = trio(v)
        case(f"einsum i,i n={n:.0e}", lambda: tnp.einsum("i,i", xv, xv),
             lambda: torch.einsum("i,i", tv, tv), lambda: np.einsum("i,i", v, v), number)
    a3 = rng.normal(size=(64, 128, 128))
    (t3,), (x3,) = trio(a3)
    case("einsum bij,bjk->bik 64x128^2", lambda: tnp.einsum("bij,bjk->bik", x3, x3),
         lambda: torch.einsum("bij,bjk->bik", t3, t3),
         lambda: np.einsum("bij,bjk->bik", a3, a3), 5)

    # dot / inner / outer
    for n, number in ((10, 3000), (1000, 3)):
        a, b = rng.normal(size=(n, n)), rng.normal(size=(n, n))
        (ta, tb), (xa, xb) = trio(a, b)
        case(f"dot 2d n={n}", lambda: tnp.dot(xa, xb), lambda: torch.matmul(ta, tb),
             lambda: np.dot(a, b), number)
        case(f"inner 2d n={n}", lambda: tnp.inner(xa, xb),
             lambda: torch.inner(ta, tb), lambda: np.inner(a, b), number)
    for n, number in ((10, 3000), (10_000_000, 5)):
        v, w = rng.normal(size=n), rng.normal(size=n)
        (tv, tw), (xv, xw) = trio(v, w)
        case(f"dot 1d n={n:.0e}", lambda: tnp.dot(xv, xw), lambda: torch.dot(tv, tw),
             lambda: np.dot(v, w), number)
        case(f"inner 1d n={n:.0e}", lambda: tnp.inner(xv, xw), lambda: torch.inner(tv, tw),
             lambda: np.inner(v, w), number)
    for n, number in ((10, 3000), (3000, 5)):
        v, w = rng.normal(size=n), rng.normal(size=n)
        (tv, tw), (xv, xw) = trio(v, w)
        case(f"outer n={n}", lambda: tnp.outer(xv, xw), lambda: torch.outer(tv, tw),
             lambda: np.outer(v, w), number)

    # clip / round / diff (elementwise)
    for n, number in ((10, 3000), (10_000_000, 5)):
        v = rng.normal(size=n)
        (tv,), (xv,) = trio(v)
        case(f"clip scalars n={n:.0e}", lambda: tnp.clip(xv, -0.5, 0.5),
             lambda: torch.clamp(tv, -0.5, 0.5), lambda: np.clip(v, -0.5, 0.5), number)
        case(f"round n={n:.0e}", lambda: tnp.round(xv), lambda: torch.round(tv),
             lambda: np.round(v), number)
        case(f"round decimals=2 n={n:.0e}", lambda: tnp.round(xv, 2),
             lambda: torch.round(tv * 100.0) / 100.0, lambda: np.round(v, 2), number)
        case(f"diff n={n:.0e}", lambda: tnp.diff(xv), lambda: torch.diff(tv),
             lambda: np.diff(v), number)

    # convolve (float64; torch reference is conv1d on the flipped kernel)
    for n, m, number in ((10, 3, 3000), (1_000_000, 64, 5)):
        a, v = rng.normal(size=n), rng.normal(size=m)
        (ta, tv), (xa, xv) = trio(a, v)

        def raw():
            return torch.nn.functional.conv1d(ta.view(1, 1, -1), tv.flip(0).view(1, 1, -1),
                                              padding=m - 1).view(-1)
        case(f"convolve full n={n} m={m}", lambda: tnp.convolve(xa, xv), raw,
             lambda: np.convolve(a, v), number)

    # interp (torch reference: searchsorted + gather + lerp)
    for n, number in ((10, 3000), (1_000_000, 5)):
        xp = np.sort(rng.uniform(0, 1, 1000))
        fp = rng.normal(size=1000)
        x = rng.uniform(-0.1, 1.1, n)
        (txp, tfp, tx), (xxp, xfp, xx) = trio(xp, fp, x)

        def raw():
            j = (torch.searchsorted(txp, tx, right=True) - 1).clamp(0, 998)
            x0, x1 = txp[j], txp[j + 1]
            y0, y1 = tfp[j], tfp[j + 1]
            r = y0 + (y1 - y0) / (x1 - x0) * (tx - x0)
            return torch.where(tx < txp[0], tfp[0], torch.where(tx > txp[-1], tfp[-1], r))
        case(f"interp n={n:.0e} xp=1000", lambda: tnp.interp(xx, xxp, xfp), raw,
             lambda: np.interp(x, xp, fp), number)

    # emath.power (one host sync for the value-dependent dtype; complex path)
    for n, number in ((10, 2000), (1_000_000, 5)):
        v = rng.normal(size=n)
        (tv,), (xv,) = trio(v)
        case(f"emath.power x**2 (complex) n={n:.0e}", lambda: tnp.emath.power(xv, 2),
             lambda: torch.pow(tv.to(torch.complex128), 2), lambda: np.emath.power(v, 2),
             number)


if __name__ == "__main__":
    main()
