"""``numpy.polynomial.chebyshev``: the Chebyshev series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the Chebyshev series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'chebzero',
    'chebone',
    'chebx',
    'chebdomain',
    'chebline',
    'chebadd',
    'chebsub',
    'chebmulx',
    'chebmul',
    'chebdiv',
    'chebpow',
    'chebval',
    'chebder',
    'chebint',
    'cheb2poly',
    'poly2cheb',
    'chebfromroots',
    'chebvander',
    'chebfit',
    'chebtrim',
    'chebroots',
    'chebpts1',
    'chebpts2',
    'chebval2d',
    'chebval3d',
    'chebgrid2d',
    'chebgrid3d',
    'chebvander2d',
    'chebvander3d',
    'chebcompanion',
    'chebgauss',
    'chebweight',
    'chebinterpolate',
]

import math

import torch

from torchnp import _dtypes
from torchnp._normalize import as_tensor

from ._polyutils_impl import as_int, float_of
from ._series_impl import (Basis, call_user, vander_raw, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_from_poly, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_to_poly, make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, make_weight, ramp, revcumsum, tridiagonal, new_int)

def _der_step(c):
    # NumPy folds j*c[j]/(j-2) into c[j-2] from the top: running sums of j*c[j] per parity
    e = revcumsum(c[1:] * ramp(1, c.shape[0], c), 2)
    der = 2 * e
    der[0] = e[0]
    return der


def _int_step(c):
    n = c.shape[0]
    tmp = new_int(c)
    tmp[1] = c[0]
    if n > 1:
        tmp[2:] = c[1:] / (2 * ramp(2, n + 1, c))
        tmp[1:n - 1] -= c[2:] / (2 * ramp(1, n - 1, c))
    return tmp


def _companion(n, c):
    scl = torch.tensor([1.0] + [math.sqrt(.5)] * (n - 1), dtype=torch.float64)
    mat = tridiagonal(n, [math.sqrt(.5)] + [.5] * (n - 2), None, c.dtype, c.device)
    mat[:, -1] -= (c[:-1] / c[-1]) * (scl / scl[-1]).to(c.device) * .5
    return mat


_B = Basis("cheb", rec=lambda k: (1.0, 0.0, 0.0) if k == 0 else (2.0, 0.0, 1.0),
           x_coefs=torch.tensor([0, 1]), der_step=_der_step, int_step=_int_step,
           companion=_companion, root1=lambda c0, c1: -c0 / c1,
           weight=lambda x: 1. / (torch.sqrt(1. + x) * torch.sqrt(1. - x)))

chebzero = make_constant(_B, "zero")
chebone = make_constant(_B, "one")
chebx = make_constant(_B, "x")
chebdomain = make_constant(_B, "domain")
chebline = make_line(_B)
chebadd = make_add(_B)
chebsub = make_add(_B, sub=True)
chebmulx = make_mulx(_B)
chebmul = make_mul(_B)
chebdiv = make_div(_B)
chebpow = make_pow(_B, 16)
chebval = make_val(_B)
chebder = make_der(_B)
chebint = make_int(_B)
cheb2poly = make_to_poly(_B)
poly2cheb = make_from_poly(_B)
chebfromroots = make_fromroots(_B)
chebvander = make_vander(_B)
chebfit = make_fit(_B)
chebtrim = make_trim(_B)
chebroots = make_roots(_B)
chebval2d = make_valnd(_B, 2)
chebval3d = make_valnd(_B, 3)
chebgrid2d = make_gridnd(_B, 2)
chebgrid3d = make_gridnd(_B, 3)
chebvander2d = make_vandernd(_B, 2)
chebvander3d = make_vandernd(_B, 3)
chebcompanion = make_companion(_B)
chebweight = make_weight(_B)


def chebgauss(deg) -> tuple:
    """Gauss-Chebyshev nodes and weights (closed form). Mirrors ``numpy.polynomial.chebyshev.chebgauss``."""
    ideg = as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    x = torch.cos(math.pi * torch.arange(1, 2 * ideg, 2, dtype=torch.float64) / (2.0 * ideg))
    w = torch.full((ideg,), math.pi / ideg, dtype=torch.float64)
    return x, w


def _npts(npts, least):
    try:
        n = int(npts)
    except (TypeError, ValueError) as exc:
        raise ValueError("npts must be integer") from exc
    if n != npts:
        raise ValueError("npts must be integer")
    if n < least:
        raise ValueError(f"npts must be >= {least}")
    return n


def chebpts1(npts) -> torch.Tensor:
    """Chebyshev points of the first kind. Mirrors ``numpy.polynomial.chebyshev.chebpts1``."""
    n = _npts(npts, 1)
    x = 0.5 * math.pi / n * torch.arange(-n + 1, n + 1, 2, dtype=torch.float64)
    return torch.sin(x)


def chebpts2(npts) -> torch.Tensor:
    """Chebyshev points of the second kind. Mirrors ``numpy.polynomial.chebyshev.chebpts2``."""
    n = _npts(npts, 2)
    return torch.cos(torch.linspace(-math.pi, 0, n, dtype=torch.float64))


def chebinterpolate(func, deg, args=()) -> torch.Tensor:
    """Chebyshev interpolant of ``func`` at the first-kind points. Mirrors ``chebinterpolate``.

    ``func`` receives a torchnp array (float64) and may return anything array-like.
    """
    d = as_tensor(deg)
    if d.ndim > 0 or d.dtype.is_floating_point or d.dtype.is_complex or d.dtype is torch.bool:
        raise TypeError("deg must be an int")
    ideg = int(d)
    if ideg < 0:
        raise ValueError("expected deg >= 0")
    order = ideg + 1
    xcheb = chebpts1(order)
    yfunc = float_of(call_user(func, xcheb, args))
    m = vander_raw(_B, xcheb, ideg).to(_dtypes.result_type_torch(xcheb, yfunc))
    c = m.T @ yfunc.to(m.dtype)
    c[0] /= order
    c[1:] /= 0.5 * order
    return c
