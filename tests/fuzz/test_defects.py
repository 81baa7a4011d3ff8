"""Regression tests of the defects of issue 12 that the fix touched in core files
(the plugin defects are tested beside their plugins' tests)."""
from __future__ import annotations

import numpy as np
import pytest

import torchnp as tnp


@pytest.mark.parametrize("code, name", [("n", "int64"), ("N", "uint64")])
def test_dtype_intp_codes(code, name):
    """NumPy 2's type codes for intp/uintp."""
    assert np.dtype(code).name == name
    assert tnp.dtype(code).name == name
    assert tnp.zeros(2, dtype=code).dtype == tnp.dtype(name)
