"""dot / ndarray.dot with out=: a 0-d out is written and its value returned as a scalar
(NumPy's PyArray_Return); an out that is not an array is refused before the shapes."""
import numpy as np
import pytest

import torchnp as tnp


@pytest.mark.parametrize("method", [False, True])
@pytest.mark.parametrize("dtype", [np.float16, np.float64, np.int32])
def test_zero_d_out_returns_scalar(method, dtype):
    a = np.asarray([-1.0, 2.0], dtype=dtype)
    b = np.asarray([4.0, 10.0, 3.0], dtype=dtype)[1:]
    out, tout = np.zeros((), dtype=dtype), tnp.zeros((), dtype=dtype)
    ta, tb = tnp.asarray(a), tnp.asarray(b)
    e = a.dot(b, out=out) if method else np.dot(a, b, out=out)
    g = ta.dot(tb, out=tout) if method else tnp.dot(ta, tb, out=tout)
    assert type(g).__name__ == type(e).__name__ == np.dtype(dtype).name
    assert g == e and tout == out
    tout[()] = 0  # the scalar is not a view of out
    assert g == e


def test_nd_out_is_returned():
    out = tnp.zeros((1, 1))
    assert tnp.ones((1, 2)).dot(tnp.ones((2, 1)), out=out) is out


@pytest.mark.parametrize("o", [5, [1.0]])
def test_out_not_an_array(o):
    for mod in (np, tnp):
        with pytest.raises(TypeError, match="'out' must be an array"):
            mod.dot(mod.ones((1, 3)), mod.ones((1, 1)), out=o)
