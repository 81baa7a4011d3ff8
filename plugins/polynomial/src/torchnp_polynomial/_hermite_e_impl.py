"""``numpy.polynomial.hermite_e``: the HermiteE (probabilists') series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the HermiteE (probabilists') series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'hermezero',
    'hermeone',
    'hermex',
    'hermedomain',
    'hermeline',
    'hermeadd',
    'hermesub',
    'hermemulx',
    'hermemul',
    'hermediv',
    'hermepow',
    'hermeval',
    'hermeder',
    'hermeint',
    'herme2poly',
    'poly2herme',
    'hermefromroots',
    'hermevander',
    'hermefit',
    'hermetrim',
    'hermeroots',
    'hermeval2d',
    'hermeval3d',
    'hermegrid2d',
    'hermegrid3d',
    'hermevander2d',
    'hermevander3d',
    'hermecompanion',
    'hermegauss',
    'hermeweight',
]

import math

import torch

from ._series_impl import (Basis, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_from_poly, make_gauss, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_to_poly, make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, make_weight, ramp_steps, tridiagonal, jacobi_table)

_der_step, _int_step = ramp_steps()


def _companion(n, c):
    scl = torch.cat([torch.ones(1, dtype=torch.float64),
                     1. / torch.sqrt(torch.arange(n - 1, 0, -1, dtype=torch.float64))])
    scl = torch.cumprod(scl, 0).flip(0)
    mat = tridiagonal(n, torch.sqrt(torch.arange(1, n, dtype=torch.float64)), None,
                      c.dtype, c.device)
    mat[:, -1] -= scl.to(c.device) * c[:-1] / c[-1]
    return mat


_B = Basis("herme", rec=lambda k: (1.0, 0.0, float(k)), x_coefs=torch.tensor([0, 1]),
           der_step=_der_step, int_step=_int_step, companion=_companion,
           root1=lambda c0, c1: -c0 / c1,
           jacobi=jacobi_table(lambda k: 0.0, lambda k: math.sqrt(k), math.sqrt(2 * math.pi)),
           weight=lambda x: torch.exp(-.5 * x ** 2))

hermezero = make_constant(_B, "zero")
hermeone = make_constant(_B, "one")
hermex = make_constant(_B, "x")
hermedomain = make_constant(_B, "domain")
hermeline = make_line(_B)
hermeadd = make_add(_B)
hermesub = make_add(_B, sub=True)
hermemulx = make_mulx(_B)
hermemul = make_mul(_B)
hermediv = make_div(_B)
hermepow = make_pow(_B, 16)
hermeval = make_val(_B)
hermeder = make_der(_B)
hermeint = make_int(_B)
herme2poly = make_to_poly(_B)
poly2herme = make_from_poly(_B)
hermefromroots = make_fromroots(_B)
hermevander = make_vander(_B)
hermefit = make_fit(_B)
hermetrim = make_trim(_B)
hermeroots = make_roots(_B)
hermeval2d = make_valnd(_B, 2)
hermeval3d = make_valnd(_B, 3)
hermegrid2d = make_gridnd(_B, 2)
hermegrid3d = make_gridnd(_B, 3)
hermevander2d = make_vandernd(_B, 2)
hermevander3d = make_vandernd(_B, 3)
hermecompanion = make_companion(_B)
hermegauss = make_gauss(_B)
hermeweight = make_weight(_B)
