"""NaN/inf matrices in linalg, against NumPy: refusals that must come before torch's
kernels (its CPU eigvals crashes the process on a real NaN) and NumPy's real slogdet sign."""
import warnings

import numpy as np
import pytest

from _oracle import check

nan, inf = np.nan, np.inf


def _bad(dtype, value):
    m = np.array([[1.0, 2.0, 0.5], [value, 1.0, 3.0], [0.0, 1.0, 2.0]])
    return m.astype(dtype)


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("value", [nan, inf, -inf])
@pytest.mark.parametrize("name", ["eigvals", "eig"])
def test_eig_refuses_nonfinite(dtype, value, name):
    exc = check(name, _bad(dtype, value), module="linalg")
    assert isinstance(exc, np.linalg.LinAlgError)


def test_eigvals_nonfinite_in_a_stack():
    a = np.stack([np.eye(3), _bad("float64", nan)])
    assert isinstance(check("eigvals", a, module="linalg"), np.linalg.LinAlgError)


_LU_INF = pytest.mark.xfail(strict=True, reason="torch's complex LU divides by an infinite "
                            "pivot into NaN where LAPACK's zgetrf gets 0, so logabsdet is NaN, "
                            "not NumPy's inf")


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("value", [nan, 0.0, -7.0, inf])
def test_slogdet_nonfinite(dtype, value, request):
    if value == inf and dtype.startswith("complex"):
        request.applymarker(_LU_INF)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check("slogdet", _bad(dtype, value), module="linalg")
        check("slogdet", np.stack([_bad(dtype, value), np.eye(3, dtype=dtype)]), module="linalg")


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_slogdet_sign_parity(dtype):
    rng = np.random.default_rng(3)
    a = rng.standard_normal((6, 4, 4)).astype(dtype)
    check("slogdet", a, module="linalg", rtol=1e-4 if dtype == "float32" else 1e-10)
    check("slogdet", np.zeros((2, 3, 3), dtype), module="linalg")
    check("slogdet", np.zeros((0, 0), dtype), module="linalg")
    check("slogdet", np.eye(4, dtype=dtype)[[2, 0, 3, 1]], module="linalg")
