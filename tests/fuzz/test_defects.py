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


def test_isdtype_parameter_names():
    """The array API calls them dtype and kind (issue 12)."""
    import inspect
    assert list(inspect.signature(tnp.isdtype).parameters) == ["dtype", "kind"]
    assert tnp.isdtype(dtype=tnp.float32, kind="real floating")
    assert not tnp.isdtype(dtype=tnp.int8, kind=("real floating", "complex floating"))
    with pytest.raises(TypeError):
        tnp.isdtype(dtype=3, kind="integral")
