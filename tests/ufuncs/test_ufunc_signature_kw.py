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


class _Plain:
    pass


class _Defers:
    __array_ufunc__ = None


@pytest.mark.parametrize("other", ["abc", None, _Plain()], ids=["str", "None", "plain"])
@pytest.mark.parametrize("shape", [(), (3,), (2, 1)])
@pytest.mark.parametrize("op", ["eq", "ne"])
def test_compare_with_an_object_no_ufunc_takes(op, shape, other):
    # NumPy compares element by element: a bool array (a bool scalar for 0-d), never a bool
    import operator
    a = np.ones(shape, dtype=np.int16)
    f = getattr(operator, op)
    check((lambda x: f(x, other), lambda x: f(x, other)), a)
    check((lambda x: f(other, x), lambda x: f(other, x)), a)


def test_compare_defers_to_array_ufunc_none():
    a = np.arange(2)
    check((lambda x: x == _Defers(), lambda x: x == _Defers()), a, check_scalar=False)
