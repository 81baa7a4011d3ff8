"""NaN/inf in either part of complex inputs (and inf/NaN in real kernels) against NumPy.

torch's complex ``x + y`` computes ``x + 1 * y`` with a complex multiply, so an
infinite part of ``y`` turns the other part NaN; NumPy adds parts separately. A
zero-padded convolution multiplies padding zeros by infinite taps. These cases pin
the by-parts arithmetic and the padding-free convolution edges.
"""
import warnings

import numpy as np
import pytest

import torchnp as tnp
from _oracle import check

nan, inf = np.nan, np.inf
SPECIAL = np.array([1 + 2j, complex(nan, 0), complex(0, nan), complex(nan, nan), complex(inf, 0),
                    complex(-inf, 1), complex(0, inf), complex(inf, inf), complex(inf, nan),
                    complex(nan, inf), complex(-0.0, 0), complex(0, -0.0), 2 - 1j, complex(nan, 1),
                    complex(1, nan), complex(-inf, -inf)])
CDTYPES = ["complex64", "complex128"]


def _arrays(dtype, n=8, count=4):
    rng = np.random.default_rng(7)
    base = SPECIAL.astype(dtype)
    return [base[rng.integers(0, len(base), n)] for _ in range(count)] + [base]


def ck(name, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's invalid-value warnings
        check(name, *args, atol=1e-6, **kw)


@pytest.mark.parametrize("dtype", CDTYPES)
@pytest.mark.parametrize("name", ["diff", "ediff1d"])
def test_differences(dtype, name):
    for a in _arrays(dtype):
        ck(name, a)
    ck("diff", SPECIAL.astype(dtype), n=2) if name == "diff" else None
    ck(name, SPECIAL.astype(dtype).reshape(4, 4)) if name == "diff" else None


@pytest.mark.parametrize("dtype", CDTYPES)
@pytest.mark.parametrize("edge_order", [1, 2])
def test_gradient(dtype, edge_order):
    for a in _arrays(dtype):
        ck("gradient", a, edge_order=edge_order)
        ck("gradient", a, 0.5, edge_order=edge_order)
        ck("gradient", a, np.cumsum(np.arange(1.0, 9.0)), edge_order=edge_order)
    ck("gradient", SPECIAL.astype(dtype).reshape(4, 4), edge_order=edge_order)


@pytest.mark.parametrize("dtype", CDTYPES)
def test_trapezoid(dtype):
    for a in _arrays(dtype):
        ck("trapezoid", a)
        ck("trapezoid", a, dx=0.5)


@pytest.mark.parametrize("dtype", CDTYPES)
@pytest.mark.parametrize("name", ["polyadd", "polysub"])
def test_polyadd_polysub(dtype, name):
    arrs = _arrays(dtype)
    for a, b in zip(arrs, arrs[1:]):
        ck(name, a, b)
        ck(name, a[:3], b)
        ck(name, a, b[:5])
    ck(name, arrs[0], np.array([inf, 1.0]))


@pytest.mark.parametrize("dtype", CDTYPES)
def test_polyval_and_poly(dtype):
    for a in _arrays(dtype, n=5):
        ck("polyval", a, np.array([0.5, -1.0, 2.0]).astype(dtype))
        ck("poly", a)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("name", ["convolve", "correlate"])
@pytest.mark.parametrize("sizes", [(6, 3), (3, 6), (300, 40), (400, 120)], ids=str)
def test_real_convolution_nonfinite(dtype, mode, name, sizes):
    # the sizes reach the small windowed, the per-tap and the conv1d paths
    n, m = sizes
    rng = np.random.default_rng(n + m)
    a = rng.standard_normal(n).astype(dtype)
    v = rng.standard_normal(m).astype(dtype)
    v[0], v[-1] = inf, nan
    a[n // 2] = -inf
    ck(name, a, v, mode=mode, rtol=1e-4 if dtype == "float32" else 1e-9)
    ck(name, v, a, mode=mode, rtol=1e-4 if dtype == "float32" else 1e-9)


@pytest.mark.parametrize("name", ["roots", "poly"])
@pytest.mark.parametrize("bad", [nan, inf, complex(0, nan)])
def test_nonfinite_companion_refused(name, bad):
    # torch's eigvals crashes the process on a real NaN: NumPy's LinAlgError comes first
    arg = np.array([1.0, bad, 2.0]) if name == "roots" else np.array([[1.0, bad], [0.0, 1.0]])
    with pytest.raises(tnp.linalg.LinAlgError, match="infs or NaNs"):
        getattr(tnp, name)(arg)
    with pytest.raises(np.linalg.LinAlgError):
        getattr(np, name)(arg)


@pytest.mark.xfail(strict=True, reason="NumPy's complex convolve sums through its BLAS dot "
                   "kernel, whose NaN pattern for infinite parts differs from the by-parts "
                   "products torchnp sums (NumPy: nan+nanj where torchnp has inf+nanj)")
def test_complex_convolution_blas_nan_pattern():
    check("convolve", np.array([1 + 2j, 3, 4 - 1j, 5, 6j]), np.array([1.0 + 0j, 2, complex(inf, 0)]))
