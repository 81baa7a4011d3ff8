"""Differential regressions: parameters past C long (issue #12 fuzz findings).

NumPy converts binomial's ``n`` to a C long (OverflowError past int64), and its Generator
refuses a negative_binomial whose Poisson stage could overflow (RandomState does not)."""
import numpy as np
import pytest

import torchnp as tnp


def _outcome(mod, src):
    g, r = mod.random.default_rng(0), mod.random.RandomState(0)
    try:
        v = eval(src, {"g": g, "r": r, "np": mod})  # noqa: S307 - the test's own expressions
        return np.asarray(v).tolist() if mod is np else tnp.asarray(v).tolist()
    except Exception as exc:  # noqa: BLE001 - compared between the libraries
        return type(exc).__name__


@pytest.mark.parametrize("src", [
    "r.binomial(10**20, 0.5)", "g.binomial(10**20, 0.5)", "g.negative_binomial(10**20, 0.5)",
    "r.negative_binomial(10**20, 0.5)", "g.negative_binomial(1e15, 0.5)",
    "g.negative_binomial(np.asarray([1.0, 1e20]), 0.5)", "g.negative_binomial(5, 1e-12)",
])
def test_overflow_as_numpy(src):
    assert _outcome(tnp, src) == _outcome(np, src)
