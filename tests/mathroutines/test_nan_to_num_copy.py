"""nan_to_num's copy= as NumPy's np.array(x, copy=copy): copy=False/None return an array
x itself, written in place (reversed views included; read-only refuses); copy=False
refuses non-arrays; a str copy is ValueError; bad replacement values raise Python's
conversion errors (NumPy's classes)."""
import numpy as np
import pytest

import torchnp as tnp


def _arrays(m):
    return [m.asarray([[7, 1, 2], [-4, -4, 3]], dtype=m.int16)[..., ::-1],
            m.asarray([1.0, m.nan, m.inf, -m.inf])[::-1],
            m.asarray([complex(m.nan, m.inf), 1 + 2j]),
            m.asarray(m.inf),
            m.asarray([[m.nan, 1.0], [m.inf, 2.0]], dtype=m.float16).T]


@pytest.mark.parametrize("i", range(5))
@pytest.mark.parametrize("copy", [True, False, None, 0])
@pytest.mark.parametrize("kw", [{}, {"nan": 1.5, "posinf": 9.0}, {"neginf": -3}])
def test_copy_and_in_place(i, copy, kw):
    x, tx = _arrays(np)[i], _arrays(tnp)[i]
    e = np.nan_to_num(x, copy=copy, **kw)
    g = tnp.nan_to_num(tx, copy=copy, **kw)
    assert (g is tx) == (e is x)
    assert type(g).__name__ == type(e).__name__
    np.testing.assert_array_equal(np.asarray(g), np.asarray(e))
    np.testing.assert_array_equal(np.asarray(tx), x)


def test_read_only():
    for m in (np, tnp):
        x = m.broadcast_to(m.asarray([1.0, m.nan]), (2, 2))
        with pytest.raises(ValueError, match="read-only"):
            m.nan_to_num(x, copy=False)
        assert m.nan_to_num(x).flags.writeable


@pytest.mark.parametrize("x", [[1.0, float("nan")], 2.5])
def test_copy_false_needs_an_array(x):
    for m in (np, tnp):
        with pytest.raises(ValueError):
            m.nan_to_num(x, copy=False)


def test_bad_arguments():
    for m in (np, tnp):
        with pytest.raises(ValueError, match="strings are not allowed"):
            m.nan_to_num(m.bool(True), copy="abc")
        with pytest.raises(TypeError):
            m.nan_to_num(m.asarray([1.0, m.inf], dtype=m.float16), neginf=object(), posinf=object())
