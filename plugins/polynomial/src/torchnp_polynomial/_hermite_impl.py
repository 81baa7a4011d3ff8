"""``numpy.polynomial.hermite``: the Hermite (physicists') series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the Hermite (physicists') series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'hermzero',
    'hermone',
    'hermx',
    'hermdomain',
    'hermline',
    'hermadd',
    'hermsub',
    'hermmulx',
    'hermmul',
    'hermdiv',
    'hermpow',
    'hermval',
    'hermder',
    'hermint',
    'herm2poly',
    'poly2herm',
    'hermfromroots',
    'hermvander',
    'hermfit',
    'hermtrim',
    'hermroots',
    'hermval2d',
    'hermval3d',
    'hermgrid2d',
    'hermgrid3d',
    'hermvander2d',
    'hermvander3d',
    'hermcompanion',
    'hermgauss',
    'hermweight',
]

import math

import torch

from ._series_impl import (Basis, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_from_poly, make_gauss, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_to_poly, make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, make_weight, ramp_steps, tridiagonal, jacobi_table)

_der_step, _int_step = ramp_steps(2)


def _companion(n, c):
    scl = torch.cat([torch.ones(1, dtype=torch.float64),
                     1. / torch.sqrt(2. * torch.arange(n - 1, 0, -1, dtype=torch.float64))])
    scl = torch.cumprod(scl, 0).flip(0)
    mat = tridiagonal(n, torch.sqrt(.5 * torch.arange(1, n, dtype=torch.float64)), None,
                      c.dtype, c.device)
    mat[:, -1] -= scl.to(c.device) * c[:-1] / (2.0 * c[-1])
    return mat


_B = Basis("herm", rec=lambda k: (2.0, 0.0, 2.0 * k), x_coefs=torch.tensor([0, .5], dtype=torch.float64),
           der_step=_der_step, int_step=_int_step, companion=_companion,
           root1=lambda c0, c1: -.5 * c0 / c1,
           jacobi=jacobi_table(lambda k: 0.0, lambda k: math.sqrt(k / 2), math.sqrt(math.pi)),
           weight=lambda x: torch.exp(-x ** 2))

hermzero = make_constant(_B, "zero")
hermone = make_constant(_B, "one")
hermx = make_constant(_B, "x")
hermdomain = make_constant(_B, "domain")
hermline = make_line(_B)
hermadd = make_add(_B)
hermsub = make_add(_B, sub=True)
hermmulx = make_mulx(_B)
hermmul = make_mul(_B)
hermdiv = make_div(_B)
hermpow = make_pow(_B, 16)
hermval = make_val(_B)
hermder = make_der(_B)
hermint = make_int(_B)
herm2poly = make_to_poly(_B)
poly2herm = make_from_poly(_B)
hermfromroots = make_fromroots(_B)
hermvander = make_vander(_B)
hermfit = make_fit(_B)
hermtrim = make_trim(_B)
hermroots = make_roots(_B)
hermval2d = make_valnd(_B, 2)
hermval3d = make_valnd(_B, 3)
hermgrid2d = make_gridnd(_B, 2)
hermgrid3d = make_gridnd(_B, 3)
hermvander2d = make_vandernd(_B, 2)
hermvander3d = make_vandernd(_B, 3)
hermcompanion = make_companion(_B)
hermgauss = make_gauss(_B)
hermweight = make_weight(_B)
