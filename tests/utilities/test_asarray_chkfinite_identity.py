"""asarray_chkfinite converts as asarray does: an array needing no change is returned
itself (NumPy), a copy only where dtype/order ask for one; infs and NaNs are refused."""
import numpy as np
import pytest

import torchnp as tnp


def _inputs(m):
    return [m.asarray([5, 7, 0, 5], dtype=m.uint16)[..., ::-1], m.asarray(True),
            m.arange(6.0).reshape(2, 3), m.arange(6.0).reshape(2, 3).T,
            m.arange(6.0).reshape(2, 3)[:, ::2]]


@pytest.mark.parametrize("i", range(5))
@pytest.mark.parametrize("kw", [{}, {"order": "C"}, {"order": "F"}, {"order": "A"}, {"order": "K"},
                                {"dtype": None}, {"dtype": "f8"}, {"dtype": "f4"}])
def test_identity_and_copies(i, kw):
    a, ta = _inputs(np)[i], _inputs(tnp)[i]
    e = np.asarray_chkfinite(a, **kw)
    g = tnp.asarray_chkfinite(ta, **kw)
    assert (g is ta) == (e is a)
    assert tnp.shares_memory(g, ta) == np.shares_memory(e, a)
    assert np.asarray(g).dtype == e.dtype
    np.testing.assert_array_equal(np.asarray(g), e)
    assert g.flags.c_contiguous == e.flags.c_contiguous
    assert g.flags.f_contiguous == e.flags.f_contiguous


def test_refuses_nonfinite():
    for mod in (np, tnp):
        with pytest.raises(ValueError):
            mod.asarray_chkfinite(mod.asarray([1.0, mod.nan]))
        with pytest.raises(ValueError):
            mod.asarray_chkfinite([1.0, mod.inf])
    assert tnp.asarray_chkfinite([1, 2]).dtype == tnp.int64
