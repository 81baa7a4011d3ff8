"""Differential regressions: negative sizes in the index-building routines (issue #12).

NumPy builds these from ``arange``/``tri``/``ones``: a negative side gives empty index
arrays (diag_indices, tril_indices, triu_indices) or ``ones``' ValueError (mask_indices,
indices, fromfunction). Before, torch's RuntimeErrors leaked."""
import numpy as np
import pytest

from _oracle import check

CASES = [("diag_indices", (-1,)), ("diag_indices", (0, 3)), ("tril_indices", (-1,)),
         ("triu_indices", (-2, 1)), ("tril_indices", (3, 0, -1)), ("triu_indices", (3, -1, 2)),
         ("indices", ((2, -1),)), ("indices", ((2, 0),))]


@pytest.mark.parametrize("fn,args", CASES, ids=str)
def test_negative_sizes_as_numpy(fn, args):
    check(fn, *args)


def test_mask_indices_and_fromfunction_negative():
    import torchnp as tnp
    with pytest.raises(ValueError, match="negative dimensions"):
        np.mask_indices(-1, np.triu)
    with pytest.raises(ValueError, match="negative dimensions"):
        tnp.mask_indices(-1, tnp.triu)
    with pytest.raises(ValueError, match="negative dimensions"):
        tnp.fromfunction(lambda i: i + 1, (-1,))
