"""Complex multiply, divide, z**2 and z**3: torchnp vs NumPy and raw torch.

Run by hand: ``python benchmarks/bench_complex.py [--threads N]`` (default 1 thread;
stated in the output). Every ratio compares timings taken in this same run.
Targets (issue 13): torchnp within ~1.5x of NumPy on large arrays, a few µs at
n=10, z**2 on 50k complex64 within 2x of NumPy. ``TORCHNP_UFUNCS_NATIVE=0`` times
the torch-op fallback instead of the C kernels.
"""
import argparse
import timeit

import numpy
import torch

import torchnp as tnp


def best(fn, n):
    number = max(1, int(2e6 // max(n, 10) // 4))
    number = min(number, 20000)
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6  # µs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} "
          f"cpu={torch.backends.cpu.get_cpu_capability()} numpy {numpy.__version__}")
    print(f"{'case':<22}{'numpy µs':>11}{'torch µs':>11}{'torchnp µs':>12}"
          f"{'tnp/np':>8}{'tnp/torch':>10}")
    rng = numpy.random.default_rng(0)
    for dt in ("complex64", "complex128"):
        for n in (10, 50_000, 1_000_000):
            x = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
            y = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
            tx, ty = torch.from_numpy(x.copy()), torch.from_numpy(y.copy())
            ax, ay = tnp.asarray(x), tnp.asarray(y)
            ops = [
                ("mul", lambda: x * y, lambda: tx * ty, lambda: ax * ay),
                ("div", lambda: x / y, lambda: tx / ty, lambda: ax / ay),
                ("z**2", lambda: x ** 2, lambda: tx ** 2, lambda: ax ** 2),
                ("z**3", lambda: x ** 3, lambda: tx ** 3, lambda: ax ** 3),
            ]
            for name, fn_np, fn_t, fn_a in ops:
                tn, tt, ta = best(fn_np, n), best(fn_t, n), best(fn_a, n)
                print(f"{name + ' ' + dt[7:] + ' n=' + format(n, ','):<22}{tn:>11.2f}"
                      f"{tt:>11.2f}{ta:>12.2f}{ta / tn:>8.2f}{ta / tt:>10.2f}")


if __name__ == "__main__":
    main()
