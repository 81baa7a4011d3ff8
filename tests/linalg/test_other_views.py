"""linalg.diagonal / linalg.matrix_transpose are views as in NumPy: the diagonal is
read-only, the transpose keeps its input's WRITEABLE flag, both have the input's base and
see writes to it; offset is converted with operator.index first."""
import numpy as np
import pytest

import torchnp as tnp


def _src(m, kind):
    a = m.arange(24.0).reshape(2, 3, 4)
    if kind == "rev":
        return a[..., ::-1]
    if kind == "T":
        return a.T
    if kind == "bcast":
        return m.broadcast_to(m.asarray([[2.5, 1.0]]), (3, 2))
    return a


@pytest.mark.parametrize("kind", ["plain", "rev", "T", "bcast"])
@pytest.mark.parametrize("name,kw", [("diagonal", {}), ("diagonal", {"offset": 1}),
                                     ("diagonal", {"offset": True}), ("matrix_transpose", {})])
def test_view_flags(kind, name, kw):
    a, ta = _src(np, kind), _src(tnp, kind)
    e = getattr(np.linalg, name)(a, **kw)
    g = getattr(tnp.linalg, name)(ta, **kw)
    np.testing.assert_array_equal(np.asarray(g), e)
    assert g.flags.writeable == e.flags.writeable
    assert tnp.shares_memory(g, ta) == np.shares_memory(e, a)
    assert (g.base is None) == (e.base is None)
    if a.flags.writeable:
        a[...] += 100
        ta[...] += 100
        np.testing.assert_array_equal(np.asarray(g), e)
    if e.flags.writeable:
        e[...] = -1
        g[...] = -1
        np.testing.assert_array_equal(np.asarray(ta), a)


@pytest.mark.parametrize("x,kw", [("scalar", {"offset": "abc"}), ("1d", {}), ("2d", {"offset": 1.5}),
                                  ("2d", {"offset": None})])
def test_diagonal_errors(x, kw):
    for m in (np, tnp):
        arg = {"scalar": m.bool(True), "1d": m.ones(3), "2d": m.ones((3, 3))}[x]
        with pytest.raises(TypeError if kw else ValueError):
            m.linalg.diagonal(arg, **kw)


def test_matrix_transpose_1d():
    for m in (np, tnp):
        with pytest.raises(ValueError, match="at least 2-dimensional"):
            m.linalg.matrix_transpose(m.ones(3))
