"""NaN/inf coefficients in numpy.polynomial, against NumPy: complex series add/sub by
parts, NaN/inf refused before the eigenvalue solver, float32 roots accuracy."""
import warnings

import numpy as np
import numpy.polynomial as NP
import pytest

import torchnp as tnp
from _oracle import check

nan, inf = np.nan, np.inf
KINDS = {"polynomial": "poly", "chebyshev": "cheb", "legendre": "leg", "laguerre": "lag",
         "hermite": "herm", "hermite_e": "herme"}
C1 = np.array([1 + 2j, complex(0, -0.0), complex(nan, inf), complex(inf, 0), complex(-inf, 1), 2j])
C2 = np.array([complex(nan, nan), complex(1, nan), 0j, complex(-inf, -inf)])


@pytest.mark.parametrize("mod", list(KINDS))
@pytest.mark.parametrize("op", ["add", "sub"])
def test_complex_add_sub(mod, op):
    name = KINDS[mod] + op
    for a, b in [(C1, C2), (C2, C1), (C1, C1[::-1].copy())]:
        for dt in ["complex64", "complex128"]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                check(name, a.astype(dt), b.astype(dt), module="polynomial." + mod)


@pytest.mark.parametrize("mod", list(KINDS))
@pytest.mark.parametrize("bad", [nan, inf, complex(0, nan)])
def test_roots_refuse_nonfinite(mod, bad):
    c = np.array([1.0, bad, 2.0, 3.0])
    name = KINDS[mod] + "roots"
    with pytest.raises(np.linalg.LinAlgError):
        getattr(getattr(NP, mod), name)(c)
    with pytest.raises(tnp.linalg.LinAlgError, match="infs or NaNs"):
        getattr(getattr(tnp.polynomial, mod), name)(c)


@pytest.mark.parametrize("mod", list(KINDS))
def test_float32_roots_close_to_numpy(mod):
    # torch's single-precision eigensolver strays ~1e-7 relative; roots are solved in double
    rng = np.random.default_rng(5)
    for n in [3, 5, 8]:
        c = rng.standard_normal(n).astype("float32")
        check(KINDS[mod] + "roots", c, module="polynomial." + mod, rtol=2e-6, atol=1e-7)


@pytest.mark.xfail(strict=True, reason="mulx runs every kind through one recurrence table, "
                   "whose zero entries times an infinite coefficient give NaN where NumPy's "
                   "per-kind formula has a plain copy")
def test_complex_mulx_inf():
    check("polymulx", C1, module="polynomial.polynomial")
