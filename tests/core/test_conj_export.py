"""An array whose tensor is lazily conjugated (torch's conj bit, as torch.fft's inverse of
real input returns) hands NumPy its values, not the unconjugated memory."""
import numpy as np
import torch

import torchnp as tnp
from torchnp import _views


def test_conj_bit_tensor_to_numpy():
    x = _views.wrap(torch.tensor([1 + 2j, 3 - 4j]).conj())
    np.testing.assert_array_equal(np.asarray(x), np.asarray([1 - 2j, 3 + 4j]))
    np.testing.assert_array_equal(np.array(x), np.asarray([1 - 2j, 3 + 4j]))


def test_ifft_of_real_to_numpy():
    a = np.asarray([1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(np.asarray(tnp.fft.ifft(tnp.asarray(a))), np.fft.ifft(a))
