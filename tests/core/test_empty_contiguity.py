"""Differential regression (issue #12): an empty array is both C and F contiguous in NumPy,
so ``asfortranarray``/``ascontiguousarray`` of one return the array itself."""
import numpy as np
import pytest

from _oracle import to_tnp
import torchnp as tnp


@pytest.mark.parametrize("make", [lambda m: m.zeros((0, 2), dtype=m.bool), lambda m: m.zeros((3, 0))[::-1],
                                  lambda m: m.zeros((2, 0, 3)).T, lambda m: m.zeros((0,))])
def test_empty_flags_and_identity(make):
    e, g = make(np), make(tnp)
    assert (g.flags.c_contiguous, g.flags.f_contiguous) == (e.flags.c_contiguous, e.flags.f_contiguous)
    assert (tnp.asfortranarray(g) is g) == (np.asfortranarray(e) is e)
    assert (tnp.ascontiguousarray(g) is g) == (np.ascontiguousarray(e) is e)
    assert to_tnp(e).shape == e.shape
