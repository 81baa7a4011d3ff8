"""``numpy.polynomial.polynomial``: the power series functions (torch only).

The algorithms live in ``_series_impl``; this module gives the power series
basis (its recurrence and the pieces that do not follow from it) and binds
each public name once.
"""
from __future__ import annotations

__all__ = [
    'polyzero',
    'polyone',
    'polyx',
    'polydomain',
    'polyline',
    'polyadd',
    'polysub',
    'polymulx',
    'polymul',
    'polydiv',
    'polypow',
    'polyval',
    'polyvalfromroots',
    'polyder',
    'polyint',
    'polyfromroots',
    'polyvander',
    'polyfit',
    'polytrim',
    'polyroots',
    'polyval2d',
    'polyval3d',
    'polygrid2d',
    'polygrid3d',
    'polyvander2d',
    'polyvander3d',
    'polycompanion',
]


import torch

from ._series_impl import (Basis, make_valfromroots, make_add, make_companion, make_constant, make_der, make_div,
                           make_fit, make_fromroots, make_gridnd,
                           make_int, make_line, make_mul, make_mulx, make_pow, make_roots,
                           make_trim, make_val, make_valnd, make_vander,
                           make_vandernd, ramp_steps)

_der_step, _int_step = ramp_steps()


def _companion(n, c):
    mat = torch.diag(torch.ones(n - 1, dtype=c.dtype, device=c.device), -1)
    mat[:, -1] -= c[:-1] / c[-1]
    return mat


_B = Basis("poly", rec=lambda k: (1.0, 0.0, 0.0), x_coefs=torch.tensor([0, 1]),
           der_step=_der_step, int_step=_int_step, companion=_companion,
           root1=lambda c0, c1: -c0 / c1)

polyzero = make_constant(_B, "zero")
polyone = make_constant(_B, "one")
polyx = make_constant(_B, "x")
polydomain = make_constant(_B, "domain")
polyline = make_line(_B)
polyadd = make_add(_B)
polysub = make_add(_B, sub=True)
polymulx = make_mulx(_B)
polymul = make_mul(_B)
polydiv = make_div(_B)
polypow = make_pow(_B, None)
polyval = make_val(_B)
polyvalfromroots = make_valfromroots()
polyder = make_der(_B)
polyint = make_int(_B)
polyfromroots = make_fromroots(_B)
polyvander = make_vander(_B)
polyfit = make_fit(_B)
polytrim = make_trim(_B)
polyroots = make_roots(_B)
polyval2d = make_valnd(_B, 2)
polyval3d = make_valnd(_B, 3)
polygrid2d = make_gridnd(_B, 2)
polygrid3d = make_gridnd(_B, 3)
polyvander2d = make_vandernd(_B, 2)
polyvander3d = make_vandernd(_B, 3)
polycompanion = make_companion(_B)
