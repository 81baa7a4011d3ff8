"""``numpy.polynomial.legendre``: the Legendre series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the Legendre series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'legzero',
    'legone',
    'legx',
    'legdomain',
    'legline',
    'legadd',
    'legsub',
    'legmulx',
    'legmul',
    'legdiv',
    'legpow',
    'legval',
    'legder',
    'legint',
    'leg2poly',
    'poly2leg',
    'legfromroots',
    'legvander',
    'legfit',
    'legtrim',
    'legroots',
    'legval2d',
    'legval3d',
    'leggrid2d',
    'leggrid3d',
    'legvander2d',
    'legvander3d',
    'legcompanion',
    'leggauss',
    'legweight',
]

import math

import torch

from ._series_impl import (Basis, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_from_poly, make_gauss, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_to_poly, make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, make_weight, ramp, revcumsum, tridiagonal, new_int, jacobi_table)

def _der_step(c):
    # NumPy adds c[j] into c[j-2] from the top: running sums per parity
    return revcumsum(c[1:], 2) * (2 * ramp(1, c.shape[0], c) - 1)


def _int_step(c):
    n = c.shape[0]
    tmp = new_int(c)
    tmp[1] = c[0]
    if n > 1:
        t = c[1:] / (2 * ramp(1, n, c) + 1)
        tmp[2:] = t
        tmp[1:n - 1] -= t[1:]
    return tmp


def _companion(n, c):
    k = torch.arange(n, dtype=torch.float64)
    scl = 1. / torch.sqrt(2 * k + 1)
    mat = tridiagonal(n, torch.arange(1, n, dtype=torch.float64) * scl[:n - 1] * scl[1:n], None,
                      c.dtype, c.device)
    mat[:, -1] -= (c[:-1] / c[-1]) * (scl / scl[-1]).to(c.device) * (n / (2 * n - 1))
    return mat


_B = Basis("leg", rec=lambda k: ((2 * k + 1) / (k + 1), 0.0, k / (k + 1)),
           x_coefs=torch.tensor([0, 1]), der_step=_der_step, int_step=_int_step,
           companion=_companion, root1=lambda c0, c1: -c0 / c1,
           jacobi=jacobi_table(lambda k: 0.0, lambda k: k / math.sqrt(4 * k * k - 1), 2.0),
           weight=lambda x: x * 0.0 + 1.0)

legzero = make_constant(_B, "zero")
legone = make_constant(_B, "one")
legx = make_constant(_B, "x")
legdomain = make_constant(_B, "domain")
legline = make_line(_B)
legadd = make_add(_B)
legsub = make_add(_B, sub=True)
legmulx = make_mulx(_B)
legmul = make_mul(_B)
legdiv = make_div(_B)
legpow = make_pow(_B, 16)
legval = make_val(_B)
legder = make_der(_B)
legint = make_int(_B)
leg2poly = make_to_poly(_B)
poly2leg = make_from_poly(_B)
legfromroots = make_fromroots(_B)
legvander = make_vander(_B)
legfit = make_fit(_B)
legtrim = make_trim(_B)
legroots = make_roots(_B)
legval2d = make_valnd(_B, 2)
legval3d = make_valnd(_B, 3)
leggrid2d = make_gridnd(_B, 2)
leggrid3d = make_gridnd(_B, 3)
legvander2d = make_vandernd(_B, 2)
legvander3d = make_vandernd(_B, 3)
legcompanion = make_companion(_B)
leggauss = make_gauss(_B)
legweight = make_weight(_B)
