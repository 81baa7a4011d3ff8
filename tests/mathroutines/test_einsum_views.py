"""einsum of one operand without a sum is a view of it in NumPy (dtype/casting ignored);
operands NumPy cannot cast to the common dtype under ``casting`` raise."""
import numpy as np
import pytest

import torchnp as tnp

CASES = [("i", (4,)), ("i->i", (4,)), ("ij->ji", (2, 3)), ("ii->i", (3, 3)), ("ij", (2, 3)),
         ("ji", (2, 3)), ("i->", (4,)), ("...ij->ji...", (2, 3, 4)), ("i...->...i", (2, 3, 4)),
         ("iji->ij", (3, 2, 3)), ("iij->ji", (3, 3, 2)), ("...", (2, 3)), ("ii", (3, 3)),
         ("", ()), ("->", ()), ("...ii->...i", (2, 3, 3)), ("ij->i", (2, 3)), ("i", (0,))]


@pytest.mark.parametrize("sub,shape", CASES)
@pytest.mark.parametrize("kw", [{}, {"dtype": "f8"}, {"dtype": "f4", "casting": "no"},
                                {"optimize": True}, {"dtype": "i8", "optimize": "greedy"}])
def test_single_operand(sub, shape, kw):
    a = np.arange(int(np.prod(shape)), dtype=np.int16).reshape(shape)
    if a.ndim:
        a = a[..., ::-1]
    ta = tnp.asarray(a)
    try:
        e = np.einsum(sub, a, **kw)
    except TypeError:
        with pytest.raises(TypeError):
            tnp.einsum(sub, ta, **kw)
        return
    g = tnp.einsum(sub, ta, **kw)
    assert type(g).__name__ == type(e).__name__
    assert np.asarray(g).dtype == e.dtype
    np.testing.assert_array_equal(np.asarray(g), e)
    if isinstance(e, np.ndarray):
        assert tnp.shares_memory(g, ta) == np.shares_memory(e, a)
        assert g.flags.writeable == e.flags.writeable
        if np.shares_memory(e, a) and e.size:
            e.flat[0] = 99
            g.flat[0] = 99
            np.testing.assert_array_equal(np.asarray(ta), a)


def test_bool_view_ignores_dtype():
    a = np.asarray([False, True, True, True])[::-1]
    e = np.einsum("i", a, dtype="i8")
    g = tnp.einsum("i", tnp.asarray(a), dtype="i8")
    assert e.dtype == np.bool and np.asarray(g).dtype == np.bool


@pytest.mark.parametrize("optimize,exc", [(False, TypeError), ("greedy", tnp.exceptions.UFuncTypeError)])
@pytest.mark.parametrize("casting", ["no", "equiv"])
def test_operand_casting(optimize, exc, casting):
    a = np.ones((2, 2, 3), np.uint64)
    b = np.ones((2, 3, 2), np.int8)
    with pytest.raises(TypeError):
        np.einsum("bij,bjk->bik", a, b, casting=casting, optimize=optimize)
    with pytest.raises(exc):
        tnp.einsum("bij,bjk->bik", tnp.asarray(a), tnp.asarray(b), casting=casting, optimize=optimize)


def test_bad_casting_value():
    a = np.ones(2)
    for bad, exc in (("bogus", ValueError), (3, TypeError)):
        with pytest.raises(exc):
            np.einsum("i", a, casting=bad)
        with pytest.raises(exc):
            tnp.einsum("i", tnp.asarray(a), casting=bad)
