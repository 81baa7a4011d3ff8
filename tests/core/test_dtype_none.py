"""Differential regressions: ``None`` where a dtype is expected (issue #12).

``astype(None)`` is NumPy's ``dtype(None)``, float64; ``promote_types`` and ``can_cast``
refuse None with TypeError. Before, a KeyError of the promotion table leaked."""
import numpy as np
import pytest

from tests._oracle import check

CASES = [("promote_types", (None, np.uint8)), ("promote_types", (np.uint8, None)),
         ("promote_types", (None, None)), ("can_cast", (None, np.complex64)),
         ("can_cast", (np.float64, None))]


@pytest.mark.parametrize("fn,args", CASES, ids=str)
def test_none_dtype_refused_as_numpy(fn, args):
    check(fn, *args)


@pytest.mark.parametrize("casting", ["unsafe", "safe", "no", "same_kind"])
@pytest.mark.parametrize("src", ["float64", "int64", "float32", "bool"])
def test_astype_none_is_float64(src, casting):
    import torchnp as tnp
    a = np.arange(3).astype(src)
    check((lambda x: x.astype(None, casting=casting), lambda x: x.astype(None, casting=casting)),
          a)
    assert tnp.asarray(a).astype(None, casting="unsafe").dtype == tnp.float64
