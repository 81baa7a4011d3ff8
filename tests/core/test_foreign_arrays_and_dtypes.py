"""NumPy arrays torch cannot hold, and arrays given where a dtype is expected.

- ``torchnp.asarray`` (and every function taking arrays) of a NumPy array or scalar
  whose dtype torch cannot store raises NotImplementedError naming the dtype;
  non-native byte order is converted.
- ``torchnp.dtype(array)`` raises NumPy's TypeError, and ``numpy.dtype(torchnp array)``
  raises what NumPy raises for its own arrays (the ``__numpy_dtype__`` protocol);
  dtypes and scalars keep converting both ways.
"""
import numpy as np
import pytest
import torch

import torchnp as tnp

UNSUPPORTED = {
    "str": (np.array(["a"]), "<U1"), "str-0d": (np.array("ab"), "<U2"),
    "str-scalar": (np.str_("a"), "<U1"), "bytes": (np.array([b"ab"]), "|S2"),
    "object": (np.array([1, None], dtype=object), "object"),
    "datetime": (np.array(["2020-01-01"], dtype="datetime64[D]"), "datetime64[D]"),
    "datetime-scalar": (np.datetime64("2020-01-01"), "datetime64[D]"),
    "timedelta": (np.array([1], dtype="timedelta64[s]"), "timedelta64[s]"),
    "structured": (np.zeros(2, dtype=[("x", "f8"), ("y", "i4")]), "[('x', '<f8'), ('y', '<i4')]"),
    "void": (np.zeros(2, dtype="V8"), "|V8"),
    "longdouble": (np.zeros(2, dtype=np.longdouble), str(np.dtype(np.longdouble))),
    "clongdouble": (np.zeros(2, dtype=np.clongdouble), str(np.dtype(np.clongdouble))),
}
CALLS = {
    "asarray": tnp.asarray, "array": tnp.array, "asarray-dtype": lambda x: tnp.asarray(x, dtype=float),
    "sin": lambda x: tnp.sin(x), "add": lambda x: tnp.add(x, 1), "sum": lambda x: tnp.sum(x),
}


@pytest.mark.parametrize("call", list(CALLS.values()), ids=list(CALLS))
@pytest.mark.parametrize("case", list(UNSUPPORTED), ids=list(UNSUPPORTED))
def test_unsupported_numpy_dtype_raises_not_implemented(case, call):
    x, name = UNSUPPORTED[case]
    with pytest.raises(NotImplementedError) as info:
        call(x)
    assert name in str(info.value)


@pytest.mark.parametrize("dt", [">f8", ">i2", ">c16", "<f4", "<i8"])
def test_non_native_byte_order_and_negative_strides_converted(dt):
    n = np.arange(6, dtype=dt)[::-1].reshape(2, 3)
    a = tnp.asarray(n)
    assert a.dtype == tnp.dtype(n.dtype.newbyteorder("=").name)
    np.testing.assert_array_equal(np.asarray(a), n)
    np.testing.assert_allclose(np.asarray(tnp.sin(n)), np.sin(n), rtol=1e-6)


def _outcome(f):
    try:
        r = f()
    except Exception as exc:  # noqa: BLE001 - class and message compared
        return type(exc).__name__, str(exc)
    return "ok", str(r)


@pytest.mark.parametrize("make", [lambda xp: xp.arange(3), lambda xp: xp.zeros((2, 2))[::-1],
                                  lambda xp: xp.ones(()), lambda xp: xp.asarray([1.5])],
                         ids=["arange", "reversed", "0d", "list"])
def test_dtype_of_an_array_raises(make):
    want = _outcome(lambda: np.dtype(make(np)))
    assert want[0] == "TypeError"
    assert _outcome(lambda: tnp.dtype(make(tnp))) == want        # torchnp.dtype(torchnp array)
    assert _outcome(lambda: tnp.dtype(make(np))) == want         # torchnp.dtype(numpy array)
    assert _outcome(lambda: np.dtype(make(tnp))) == want         # numpy.dtype(torchnp array)
    assert _outcome(lambda: np.zeros(2, dtype=make(tnp))) == _outcome(
        lambda: np.zeros(2, dtype=make(np)))


def test_dtypes_and_scalars_still_convert():
    a = tnp.arange(3.0)
    assert np.dtype(a.dtype) == np.float64
    assert np.dtype(tnp.float32) == np.float32
    assert np.dtype(tnp.float32(1)) == np.float32
    assert np.result_type(a) == np.float64
    assert tnp.dtype(np.float32(1)) == tnp.float32
    assert tnp.dtype(tnp.int16(1)) == tnp.int16
    assert tnp.dtype(np.dtype("i2")) == tnp.int16
    assert tnp.dtype(torch.float32) == tnp.float32
    np.testing.assert_array_equal(np.asarray(a), [0.0, 1.0, 2.0])


def test_dtype_protocol_objects():
    class WithDtype:
        dtype = np.dtype("f4")

    class WithBadDtype:
        dtype = "f4"

    class WithProtocol:
        __numpy_dtype__ = np.dtype("i2")

    assert tnp.dtype(WithDtype()) == tnp.float32
    assert tnp.dtype(WithProtocol()) == tnp.int16
    want = _outcome(lambda: np.dtype(WithBadDtype()))
    got = _outcome(lambda: tnp.dtype(WithBadDtype()))
    assert got[0] == want[0] == "ValueError"
    assert "via `.dtype` value 'f4'" in got[1]
