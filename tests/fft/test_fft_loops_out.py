"""Which precision NumPy's fft passes run in, and what out= they write.

Each pass is a ufunc with a double and a single loop; the single loop runs only for an
exact match (complex64 input, float32 into rfft, with a non-unit scale factor, rounded
to the input's real dtype); float16 and float32 input to a complex transform take the
double loop, so a double out= gets double-precision values. ifft2/irfft2 ignore out=;
a wrong out shape is NumPy's ValueError before any dtype error.
"""
import warnings

import numpy as np
import pytest

import torchnp as tnp

FUNCS = ["fft", "ifft", "rfft", "irfft", "ihfft", "fftn", "ifftn", "rfftn", "irfftn", "fft2", "rfft2"]


def _input(dt, shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    if np.dtype(dt).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


@pytest.mark.parametrize("name", FUNCS)
@pytest.mark.parametrize("dt", [np.float16, np.float32, np.complex64, np.float64])
@pytest.mark.parametrize("norm", [None, "ortho", "forward"])
def test_double_out(name, dt, norm):
    nd = name[-1] in "n2"
    x = _input(dt, (4, 6) if nd else (7,), 3)
    try:
        e0 = getattr(np.fft, name)(x, norm=norm)
    except TypeError:
        return
    od = np.complex128 if e0.dtype.kind == "c" else np.float64
    out, tout = np.zeros(e0.shape, od), tnp.zeros(e0.shape, od)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = getattr(np.fft, name)(x, norm=norm, out=out)
        g = getattr(tnp.fft, name)(tnp.asarray(x), norm=norm, out=tout)
    assert g is tout and e is out
    # real half/single input to the complex transforms: every pass in double, as NumPy;
    # passes NumPy runs in its single loop agree to single precision only
    exact = dt == np.float64 or (dt != np.complex64 and name in ("fft", "ifft", "fftn", "ifftn", "fft2"))
    tol = 1e-12 if exact else 1e-5
    np.testing.assert_allclose(np.asarray(tout), out, rtol=tol, atol=tol)


def test_fuzz_case_ifft_float16():
    a = np.asarray([-3.25, -3.25, 1.0], dtype=np.float16)
    out, tout = np.zeros(3, np.complex128), tnp.zeros(3, np.complex128)
    np.fft.ifft(a, out=out)
    tnp.fft.ifft(tnp.asarray(a), out=tout)
    np.testing.assert_allclose(np.asarray(tout), out, rtol=1e-15, atol=0)


@pytest.mark.parametrize("dt", [np.float16, np.float32])
def test_single_input_default_out(dt):
    x = _input(dt, (9,), 5)
    for name in ("fft", "ifft", "rfft"):
        e = getattr(np.fft, name)(x, norm="ortho")
        g = getattr(tnp.fft, name)(tnp.asarray(x), norm="ortho")
        assert np.asarray(g).dtype == e.dtype
        np.testing.assert_allclose(np.asarray(g), e, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", ["ifft2", "irfft2"])
def test_out_ignored(name):
    x = np.arange(24.0).reshape(4, 6)
    shape = getattr(np.fft, name)(x).shape
    od = np.complex128 if name == "ifft2" else np.float64
    out, tout = np.zeros(shape, od), tnp.zeros(shape, od)
    e = getattr(np.fft, name)(x, out=out)
    g = getattr(tnp.fft, name)(tnp.asarray(x), out=tout)
    assert g is not tout and e is not out
    np.testing.assert_array_equal(np.asarray(tout), out)
    np.testing.assert_allclose(np.asarray(g), e, atol=1e-12)


@pytest.mark.parametrize("name", ["rfft", "ihfft"])
def test_wrong_out_shape_first(name):
    for m in (np, tnp):
        with pytest.raises(ValueError, match="wrong shape"):
            getattr(m.fft, name)(m.ones(4), out=m.zeros(4, m.float64))
