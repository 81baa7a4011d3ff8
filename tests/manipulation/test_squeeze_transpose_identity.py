"""Differential regressions (issue #12): what ``squeeze``/``transpose``/``reshape`` return.

NumPy's ``squeeze`` returns the array itself when no axis goes (``a.squeeze() is a``),
and the functions call the argument's own method, so a scalar gives a scalar.
"""
import numpy as np
import pytest

import torchnp as tnp
from _oracle import check, to_tnp


@pytest.mark.parametrize("shape,axis", [((3,), None), ((3,), ()), ((1, 3), ()), ((), None),
                                        ((), 0), ((), -1), ((2, 3), None)])
@pytest.mark.parametrize("method", [False, True])
def test_squeeze_returns_the_input_when_nothing_goes(shape, axis, method):
    e = np.arange(int(np.prod(shape)), dtype=np.int16).reshape(shape)
    g = to_tnp(e)
    if method:
        assert (g.squeeze(axis=axis) is g) == (e.squeeze(axis=axis) is e) is True
    else:
        assert (tnp.squeeze(g, axis=axis) is g) == (np.squeeze(e, axis=axis) is e) is True


def test_squeeze_that_removes_an_axis_is_a_view():
    g = tnp.zeros((1, 3))
    r = tnp.squeeze(g)
    assert r is not g and r.base is g


@pytest.mark.parametrize("s", [np.bool(True), np.float32(2.5), np.int8(-3), np.complex64(1j)])
def test_scalar_in_scalar_out(s):
    check("transpose", s)
    check("squeeze", s)
    check("squeeze", s, axis=0)
    check("reshape", s, ())
    check("reshape", s, (1,))
    check("transpose", np.asarray(s))  # a 0-d array stays an array
    check("squeeze", [1.5])
