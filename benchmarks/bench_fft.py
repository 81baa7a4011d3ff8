"""Per-call cost of torchnp.fft vs raw torch.fft and NumPy (run by hand).

    python benchmarks/bench_fft.py [--quick]

Prints, per case and size, the median time of torchnp, raw torch and NumPy in
the same run, and the ratios torchnp/torch and torchnp/numpy. Single thread
(torch.set_num_threads(1)). Issue 7's targets: 16 points shows the per-call
overhead; at 2**22 points torchnp is within 1.1x of raw torch.fft.
"""
from __future__ import annotations

import statistics
import sys
import timeit

import numpy as np
import torch

import torchnp as tnp

torch.set_num_threads(1)


def _time(fn, number, repeat=7):
    return statistics.median(timeit.timeit(fn, number=number) / number for _ in range(repeat))


def cases(n):
    rng = np.random.default_rng(0)
    x_np = rng.standard_normal(n)
    c_np = x_np + 1j * rng.standard_normal(n)
    xt, ct = torch.from_numpy(x_np.copy()), torch.from_numpy(c_np.copy())
    x, c = tnp.asarray(xt), tnp.asarray(ct)
    side = int(round(n ** 0.5))
    m_np = x_np[: side * side].reshape(side, side)
    mt = torch.from_numpy(m_np.copy())
    m = tnp.asarray(mt)
    return [
        ("fft(complex)", lambda: tnp.fft.fft(c), lambda: torch.fft.fft(ct), lambda: np.fft.fft(c_np)),
        ("fft(real)", lambda: tnp.fft.fft(x), lambda: torch.fft.fft(xt), lambda: np.fft.fft(x_np)),
        ("rfft", lambda: tnp.fft.rfft(x), lambda: torch.fft.rfft(xt), lambda: np.fft.rfft(x_np)),
        ("ifft", lambda: tnp.fft.ifft(c), lambda: torch.fft.ifft(ct), lambda: np.fft.ifft(c_np)),
        ("fft2", lambda: tnp.fft.fft2(m), lambda: torch.fft.fft2(mt), lambda: np.fft.fft2(m_np)),
        ("fftshift", lambda: tnp.fft.fftshift(c), lambda: torch.fft.fftshift(ct),
         lambda: np.fft.fftshift(c_np)),
    ]


def main():
    quick = "--quick" in sys.argv
    print(f"torch {torch.__version__}, numpy {np.__version__}, threads: torch={torch.get_num_threads()}, "
          "float64/complex128")
    print(f"{'case':14s} {'size':>9s} {'torchnp':>10s} {'torch':>10s} {'numpy':>10s} "
          f"{'tnp/torch':>9s} {'tnp/np':>7s}")
    for n in (16, 2 ** 22):
        number = 5000 if n == 16 else (1 if quick else 3)
        for name, f_tnp, f_torch, f_np in cases(n):
            f_tnp(), f_torch(), f_np()
            tt, to, tn = _time(f_tnp, number), _time(f_torch, number), _time(f_np, number)
            unit, scale = ("us", 1e6) if n == 16 else ("ms", 1e3)
            print(f"{name:14s} {n:>9d} {tt * scale:8.2f}{unit} {to * scale:8.2f}{unit} "
                  f"{tn * scale:8.2f}{unit} {tt / to:9.2f} {tt / tn:7.2f}")


if __name__ == "__main__":
    main()
