"""Differential regressions: series evaluated at integer/bool ``x`` (issue #12).

NumPy's ``chebval``/``hermval``/``lagval`` compute ``2*x``, ``x*2``, ``(2*nd - 1) - x``
and ``1 - x`` in the dtype of ``x``, so narrow integers wrap around; the weight
functions' ``-x**2``/``-x`` do too, and ``exp`` then picks float16/float32.
"""
import warnings

import numpy as np
import pytest

from _oracle import check

MODS = {"chebyshev": "cheb", "hermite": "herm", "hermite_e": "herme", "laguerre": "lag",
        "legendre": "leg", "polynomial": "poly"}
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32"]


def _x(dt, shift=0):
    v = np.asarray([0, 1, 3, 100, 200, 250], dtype=np.int64)[::-1 if shift else 1]
    return (v % 2).astype(bool) if dt == "bool" else v.astype(dt)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(MODS))
def test_val_integer_x(mod, dt):
    p = MODS[mod]
    c1, c2 = [1.0, 2.0, 3.0, -0.5], [[1.0, 0.5, 2.0], [-1.0, 4.0, 1.0], [3.0, 1.0, 2.0]]
    c3 = np.arange(27.0).reshape(3, 3, 3) / 7
    x, y, z = _x(dt), _x(dt, 1), _x(dt)
    m = "polynomial." + mod
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for c in ([2.0], [2.0, 3.0], c1, np.asarray(c1, dtype=np.float32)):
            check(p + "val", x, c, module=m)
        check(p + "val2d", x, y, c2, module=m)
        check(p + "val3d", x, y, z, c3, module=m)
        check(p + "grid2d", x[:3], y[:2], c2, module=m)
        check(p + "grid3d", x[:2], y[:3], z[:2], c3, module=m)


def test_lagval_python_int_out_of_range():
    # (2*nd - 1) - x with a Python int that int8 cannot hold: NumPy 2 raises OverflowError
    check("lagval", np.asarray([1, 2], dtype=np.int8), np.ones(70), module="polynomial.laguerre")


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(MODS)[:5])
def test_weight_dtype(mod, dt):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check(MODS[mod] + "weight", _x(dt) // (1 if dt == "bool" else 50), module="polynomial." + mod)


@pytest.mark.parametrize("x", [True, 3, 0.5, [1.0, 2.0], (1.5,), {}, None])
@pytest.mark.parametrize("mod", list(MODS)[:5])
def test_weight_python_inputs(mod, x):
    # a Python scalar follows Python arithmetic; a list, tuple or dict refuses NumPy's operators
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check(MODS[mod] + "weight", x, module="polynomial." + mod)


@pytest.mark.parametrize("seq", [[], (), [1, 0, 0], (0, 0), [1.5, 2.0], np.asarray([1.0, 0.0, 0.0]),
                                 np.asarray([0.0, 0.0]), np.zeros((2, 2)), np.float64(0)])
def test_trimseq_keeps_the_sequence_type(seq):
    # NumPy's trimseq returns the sequence itself or a slice of it: list, tuple or array view
    got = check("trimseq", seq, module="polynomial.polyutils")
    if isinstance(seq, (list, tuple)):
        assert type(got) is type(seq)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(MODS)[:5])
def test_weight_wrapping_squares(mod, dt, request):
    # values whose square wraps in narrow integers (hermeweight's x**2 in uint8: 100**2 is
    # 16, so exp(-8), where a float square gave exp(-5000) = 0)
    if (mod, dt) == ("hermite", "bool"):
        request.applymarker(pytest.mark.xfail(strict=True, reason=(
            "NumPy's bool scalar squares to int64 (exp: float64) where a bool array squares "
            "to int8 (float16); torchnp follows the array rule for both")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check(MODS[mod] + "weight", _x(dt), module="polynomial." + mod)
        check(MODS[mod] + "weight", _x(dt)[3], module="polynomial." + mod)
