"""Shared helpers of the statistics tests: the oracle plus exception-class mapping."""
import warnings

import numpy as np
import pytest

import torchnp as tnp
from torchnp import exceptions as tnp_exc

from tests._oracle import assert_same, check, to_tnp  # noqa: F401

# NumPy exception classes that torchnp mirrors with its own class (no numpy at runtime)
_EXC_MAP = {np.exceptions.AxisError: tnp_exc.AxisError}

# float16 sums: NumPy rounds every pairwise add to float16, torch accumulates in float32
F16_TOL = dict(rtol=4e-3, atol=4e-3)


def run(name, *args, **kwargs):
    """Differential check of ``name``; NumPy's exceptions are mapped to torchnp's classes."""
    tol = {k: kwargs.pop(k) for k in ("rtol", "atol") if k in kwargs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = getattr(np, name)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            cls = _EXC_MAP.get(type(exc), type(exc))
            with pytest.raises(cls):
                getattr(tnp, name)(*to_tnp(list(args)), **to_tnp(kwargs))
            return exc
        got = getattr(tnp, name)(*to_tnp(list(args)), **to_tnp(kwargs))
    assert_same(got, expected, **tol)
    return got
