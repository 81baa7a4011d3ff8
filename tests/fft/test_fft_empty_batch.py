"""Differential regressions: transforms of an empty batch (issue #12 fuzz findings).

NumPy returns the empty result of the right shape and dtype; torch's MKL FFT raised
'Inconsistent configuration parameters' for an empty batch."""
import numpy as np
import pytest

from tests._oracle import check

CASES = [("ifft", (np.zeros((0, 1), dtype=np.complex64),), {}),
         ("hfft", (np.zeros((0, 2), dtype=np.int64),), {}),
         ("ifftn", (np.zeros((0, 3), dtype=np.complex64),), {}),
         ("ihfft", (np.zeros((0, 3)),), {}),
         ("fft", (np.zeros((0, 4)),), {"n": 6}),
         ("rfft", (np.zeros((2, 0, 4)),), {"axis": -1}),
         ("irfftn", (np.zeros((0, 3, 2)),), {}),
         ("fft2", (np.zeros((0, 2, 2), dtype=np.float32),), {}),
         ("ifft", (np.zeros((0, 3), dtype=np.float32),), {"norm": "ortho"}),
         ("rfft", (np.zeros((0, 3), dtype=np.float32),), {"norm": "forward"})]


@pytest.mark.parametrize("fn,args,kw", CASES, ids=str)
def test_empty_batch_as_numpy(fn, args, kw):
    check(fn, *args, module="fft", **kw)
