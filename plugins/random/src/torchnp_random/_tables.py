"""Numeric tables the distributions share.

``logfactorial_table()``: log(k!) for k < 126, each the correctly rounded
double (computed here with 60-digit decimal arithmetic; NumPy's table holds the
same correctly rounded values, which the hypergeometric tests check).
"""
from __future__ import annotations

import math
from decimal import Context

__all__ = ["logfactorial_table"]

_LOGFACT = None


def logfactorial_table():
    global _LOGFACT
    if _LOGFACT is None:
        ctx = Context(prec=60)
        _LOGFACT = [float(ctx.ln(math.factorial(k))) for k in range(126)]
    return _LOGFACT
