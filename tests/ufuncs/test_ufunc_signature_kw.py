"""Differential regressions (issue #12): NumPy's errors for ``signature=`` and its kin.

NumPy refuses ``signature=`` together with ``dtype=`` (even both None), a signature that
is not a string or tuple (None included), malformed type strings and tuples, and
reports an unknown keyword before anything else.
"""
import numpy as np
import pytest

from _oracle import check

X = np.arange(3.0)

KWARGS = [
    dict(signature=None), dict(signature=None, dtype=None), dict(signature="dd->d", dtype=None),
    dict(signature=3, dtype=float), dict(dtype=None), dict(signature=[None, None]),
    dict(signature=np.float64), dict(signature=np.dtype("f8")), dict(signature="d"),
    dict(signature=(None,)), dict(signature=("d",)), dict(signature="dd"), dict(signature=""),
    dict(signature=()), dict(signature="d->d->d"), dict(signature="xx->x"),
    dict(signature=(None, None, None)), dict(signature=(None, "d")), dict(signature=(None, None, "f")),
    dict(signature="ff->f"), dict(signature="d->d"), dict(signature="dd->d"),
    dict(signature=("d", "d", "d")),
    dict(casting="bogus", signature=None), dict(casting=1), dict(casting=None), dict(order=1),
    dict(order="Q", signature=None), dict(bogus=1, casting="bogus"), dict(axis=1, signature=None),
]


@pytest.mark.parametrize("kw", KWARGS, ids=[repr(k) for k in KWARGS])
@pytest.mark.parametrize("name,nin", [("abs", 1), ("add", 2), ("sqrt", 1), ("multiply", 2)])
def test_signature_errors(name, nin, kw):
    check(name, *([X] * nin), **kw)
