"""Differential regressions: torch errors that reached users (issue #12 fuzz findings)."""
import operator

import numpy as np
import pytest

import torchnp as tnp


def _outcome(mod, f):
    a = mod.asarray([[-3.25, 0.0], [0.5, 0.5]])
    try:
        return repr(f(mod, a))
    except Exception as exc:  # noqa: BLE001 - compared between the libraries
        return type(exc).__name__


CASES = [lambda m, a: operator.contains(a, ()), lambda m, a: 0.5 in a, lambda m, a: 7 in a,
         lambda m, a: [0.5, 0.5] in a, lambda m, a: a[10**20], lambda m, a: a[0, 10**20],
         lambda m, a: a[-10**20], lambda m, a: a.__setitem__(10**20, 1),
         lambda m, a: a.__setitem__((0, 10**20), 1)]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_outcome_as_numpy(case):
    # `x in a` is NumPy's (a == x).any() (its broadcast ValueError); an index past int64
    # is NumPy's IndexError (torch raised ValueError: Overflow when unpacking long long)
    assert _outcome(tnp, CASES[case]) == _outcome(np, CASES[case])
