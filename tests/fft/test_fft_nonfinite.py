"""fft of infinite input: NumPy's inf/NaN pattern is pocketfft's (irfft of
[0, inf, 2.5, 1e30] gives NaN last where torch's FFT gives inf), so torchnp raises
NotImplementedError naming it (docs/DIFFERENCES.md); NaN input matches NumPy."""
import warnings

import numpy as np
import pytest

import torchnp as tnp

NAMES = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "fftn", "ifftn",
         "rfftn", "irfftn", "rfft2", "irfft2"]


@pytest.mark.parametrize("name", NAMES)
def test_infinite_input_refused(name):
    a = tnp.asarray([[0.0, tnp.inf, 2.5, 1e30], [1.0, 2.0, 3.0, 4.0]])
    with pytest.raises(NotImplementedError, match="torchnp.fft: infinite input"):
        getattr(tnp.fft, name)(a)


def test_fuzz_case_irfftn():
    a = tnp.asarray([[0.0, tnp.inf, 2.5, 1e30], [-0.0, -3.25, 10.0, -tnp.inf]])
    with pytest.raises(NotImplementedError):
        tnp.fft.irfftn(a, axes=(-1,), out=tnp.zeros((2, 6)))


@pytest.mark.parametrize("name", NAMES)
def test_nan_input_matches(name):
    a = np.asarray([[1.0, np.nan, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = getattr(np.fft, name)(a)
    g = np.asarray(getattr(tnp.fft, name)(tnp.asarray(a)))
    assert g.dtype == e.dtype and g.shape == e.shape
    for part in ("real", "imag"):  # (assert_allclose mis-pairs complex arrays holding NaNs)
        np.testing.assert_allclose(getattr(g, part), getattr(e, part), rtol=1e-12, atol=1e-12)


def test_integer_input_unchecked():
    np.testing.assert_allclose(np.asarray(tnp.fft.fft(tnp.arange(4))), np.fft.fft(np.arange(4)))
