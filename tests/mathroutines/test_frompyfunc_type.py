"""frompyfunc returns an object of a type named ``ufunc`` (NumPy: a numpy.ufunc) with
NumPy's attributes; scalar calls answer as NumPy does."""
import numpy as np

import torchnp as tnp


def test_type_name_and_attributes():
    f = lambda x, *a, **k: x * 2  # noqa: E731
    e, g = np.frompyfunc(f, 1, 1), tnp.frompyfunc(f, 1, 1)
    assert type(g).__name__ == type(e).__name__ == "ufunc"
    assert repr(g) == repr(e)
    for attr in ("nin", "nout", "nargs", "ntypes", "types", "identity", "signature", "__name__"):
        assert getattr(g, attr) == getattr(e, attr), attr
    assert g(3) == e(3) == 6
