"""``numpy.polynomial.laguerre``: the Laguerre series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the Laguerre series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'lagzero',
    'lagone',
    'lagx',
    'lagdomain',
    'lagline',
    'lagadd',
    'lagsub',
    'lagmulx',
    'lagmul',
    'lagdiv',
    'lagpow',
    'lagval',
    'lagder',
    'lagint',
    'lag2poly',
    'poly2lag',
    'lagfromroots',
    'lagvander',
    'lagfit',
    'lagtrim',
    'lagroots',
    'lagval2d',
    'lagval3d',
    'laggrid2d',
    'laggrid3d',
    'lagvander2d',
    'lagvander3d',
    'lagcompanion',
    'laggauss',
    'lagweight',
]


import torch

from ._series_impl import (Basis, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_from_poly, make_gauss, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_to_poly, make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, make_weight, revcumsum, tridiagonal, new_int, jacobi_table)

def _der_step(c):
    # NumPy adds c[j] into c[j-1] from the top: a running sum
    return -revcumsum(c[1:])


def _int_step(c):
    n = c.shape[0]
    tmp = new_int(c)
    tmp[:n] = c
    tmp[1:] -= c
    return tmp


def _companion(n, c):
    mat = tridiagonal(n, -torch.arange(1, n, dtype=torch.float64),
                      2. * torch.arange(n, dtype=torch.float64) + 1., c.dtype, c.device)
    mat[:, -1] += (c[:-1] / c[-1]) * n
    return mat


_B = Basis("lag", rec=lambda k: (-1.0 / (k + 1), (2 * k + 1) / (k + 1), k / (k + 1)),
           x_coefs=torch.tensor([1, -1]), der_step=_der_step, int_step=_int_step,
           companion=_companion, root1=lambda c0, c1: 1 + c0 / c1,
           jacobi=jacobi_table(lambda k: 2 * k + 1, lambda k: k, 1.0),
           weight=lambda x: torch.exp(-x))

lagzero = make_constant(_B, "zero")
lagone = make_constant(_B, "one")
lagx = make_constant(_B, "x")
lagdomain = make_constant(_B, "domain")
lagline = make_line(_B)
lagadd = make_add(_B)
lagsub = make_add(_B, sub=True)
lagmulx = make_mulx(_B)
lagmul = make_mul(_B)
lagdiv = make_div(_B)
lagpow = make_pow(_B, 16)
lagval = make_val(_B)
lagder = make_der(_B)
lagint = make_int(_B)
lag2poly = make_to_poly(_B)
poly2lag = make_from_poly(_B)
lagfromroots = make_fromroots(_B)
lagvander = make_vander(_B)
lagfit = make_fit(_B)
lagtrim = make_trim(_B)
lagroots = make_roots(_B)
lagval2d = make_valnd(_B, 2)
lagval3d = make_valnd(_B, 3)
laggrid2d = make_gridnd(_B, 2)
laggrid3d = make_gridnd(_B, 3)
lagvander2d = make_vandernd(_B, 2)
lagvander3d = make_vandernd(_B, 3)
lagcompanion = make_companion(_B)
laggauss = make_gauss(_B)
lagweight = make_weight(_B)
