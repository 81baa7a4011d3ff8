"""astype (np.astype and ndarray.astype) against NumPy: a complex -> real cast is new
memory even with copy=False; Python scalars raise AttributeError (NumPy's isscalar lets
them through to x.astype); a NumPy scalar gives a scalar; casting must be a str."""
import warnings

import numpy as np
import pytest

import torchnp as tnp


@pytest.mark.parametrize("src,dst", [(np.complex128, np.float64), (np.complex64, np.float32),
                                     (np.complex128, np.float32), (np.float64, np.float64)])
@pytest.mark.parametrize("method", [False, True])
def test_complex_to_real_copy_false(src, dst, method):
    x = np.asarray([[[1 + 1j]], [[1.0]]]).astype(src)
    tx = tnp.asarray(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = x.astype(dst, copy=False) if method else np.astype(x, dst, copy=False)
        g = tx.astype(dst, copy=False) if method else tnp.astype(tx, dst, copy=False)
    assert tnp.shares_memory(g, tx) == np.shares_memory(e, x)
    np.testing.assert_array_equal(np.asarray(g), e)
    assert np.asarray(g).dtype == e.dtype


@pytest.mark.parametrize("x", ["abc", 1.5, complex(1, 1), 3])
def test_python_scalar(x):
    with pytest.raises(AttributeError):
        np.astype(x, np.uint16)
    with pytest.raises(AttributeError):
        tnp.astype(x, tnp.uint16)


def test_list_is_refused():
    for mod in (np, tnp):
        with pytest.raises(TypeError):
            mod.astype([1, 2], mod.int8)


def test_numpy_scalar():
    e = np.astype(np.float64(2.5), np.int8)
    g = tnp.astype(tnp.float64(2.5), tnp.int8)
    assert type(g).__name__ == type(e).__name__ and g == e


def test_casting_not_str():
    for mod in (np, tnp):
        with pytest.raises(TypeError, match="casting must be str"):
            mod.ones(2).astype("uint16", casting=[1.5, 2])
