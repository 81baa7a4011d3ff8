"""What ``a[key] = value`` accepts, differential against NumPy: sequences and arrays into
one element ("setting an array element with a sequence."), nested sequences deeper than a
view, boolean-mask assignment's own errors, Python scalars out of an integer dtype's range
(NaN, infinities, too-large ints) and complex scalars inside lists, for every kind of key.

Each case compares the exception class and message, or the array's values afterwards.
"""
import warnings

import numpy as np
import pytest

import torchnp as tnp


def _values(xp):
    return {
        "ones(1)": xp.ones(1), "ones((1,1))": xp.ones((1, 1)), "array(5.)": xp.array(5.0),
        "[1]": [1], "[[1]]": [[1]], "(1,)": (1,), "[]": [], "ones(0)": xp.ones(0),
        "ones(2)": xp.ones(2), "[1,2]": [1, 2], "float64(3)": xp.float64(3),
        "[ones(1)]": [xp.ones(1)], "ones((1,2))": xp.ones((1, 2)), "ones((2,1))": xp.ones((2, 1)),
        "range(1)": range(1), "[float64(1)]": [xp.float64(1)], "[array(1.)]": [xp.array(1.0)],
        "[[1],[2]]": [[1], [2]], "[[1,2,3]]": [[1, 2, 3]], "[1,2,3]": [1, 2, 3],
        "ones(3)": xp.ones(3), "ones((1,3))": xp.ones((1, 3)), "[[[1,2,3]]]": [[[1, 2, 3]]],
        "[[1,2,3]]*2": [[1, 2, 3], [1, 2, 3]], "ragged": [[1], [1, 2]], "[1,[2,3]]": [1, [2, 3]],
        "1j": 1j, "[1j]": [1j], "ones(1,complex)": xp.ones(1, complex), "zeros(1)": xp.zeros(1),
        "[0]": [0], "range(0)": range(0),
    }


def _targets(xp):
    z = xp.zeros
    return {
        "1d[0]": (lambda: z(3), 0), "1d[-1]": (lambda: z(3), -1), "2d[0]": (lambda: z((2, 3)), 0),
        "2d[0,0]": (lambda: z((2, 3)), (0, 0)), "0d[()]": (lambda: z(()), ()),
        "0d[...]": (lambda: z(()), Ellipsis), "1d[...]": (lambda: z(3), Ellipsis),
        "1d[int64(0)]": (lambda: z(3), xp.int64(0)), "1d[0,...]": (lambda: z(3), (0, Ellipsis)),
        "2d[0,0,...]": (lambda: z((2, 3)), (0, 0, Ellipsis)), "1d[:1]": (lambda: z(3), slice(0, 1)),
        "1d[[0]]": (lambda: z(3), [0]), "1d[array(0)]": (lambda: z(3), xp.array(0)),
        "1d[True]": (lambda: z(3), True), "2d[:,0]": (lambda: z((2, 3)), (slice(None), 0)),
        "2d[0,:]": (lambda: z((2, 3)), (0, slice(None))), "3d[0,0]": (lambda: z((2, 2, 3)), (0, 0)),
        "rev[0]": (lambda: z(3)[::-1], 0), "2d[None,0,0]": (lambda: z((2, 3)), (None, 0, 0)),
        "2d[0,None]": (lambda: z((2, 3)), (0, None)), "1d[0,None]": (lambda: z(3), (0, None)),
        "T[0,0]": (lambda: z((2, 3)).T, (0, 0)),
        "1d[mask]": (lambda: z(3), xp.array([True, False, False])),
        "2d[mask2d]": (lambda: z((2, 3)), xp.array([[True, False, True], [False, False, True]])),
        "2d[mask1d]": (lambda: z((2, 3)), xp.array([True, False])),
        "2d[[0],0]": (lambda: z((2, 3)), ([0], 0)), "2d[0,[0]]": (lambda: z((2, 3)), (0, [0])),
    }


def _outcome(xp, dtype, target, value):
    make, key = _targets(xp)[target]
    a = make().astype(dtype) if target != "rev[0]" else xp.zeros(3, dtype)[::-1]
    v = _values(xp)[value]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a[key] = v
    except Exception as exc:  # noqa: BLE001 - the class and message are compared
        return type(exc).__name__, str(exc)
    return "ok", np.asarray(a).tolist()


DTYPES = ["bool", "int64", "uint8", "int8", "uint64", "float32", "float64", "complex128"]


@pytest.mark.parametrize("target", list(_targets(np)))
@pytest.mark.parametrize("dtype", DTYPES)
def test_setitem_value_kinds(dtype, target):
    bad = {}
    for value in _values(np):
        want, got = _outcome(np, dtype, target, value), _outcome(tnp, dtype, target, value)
        if want != got:
            bad[value] = (want, got)
    assert not bad, bad


def test_sequence_into_element_message():
    a = tnp.zeros(3)
    with pytest.raises(ValueError, match=r"^setting an array element with a sequence\.$"):
        a[0] = tnp.ones(1)
    with pytest.raises(ValueError, match=r"^setting an array element with a sequence\.$"):
        a[0] = [1]
    with pytest.raises(ValueError, match="maximum number of dimension of 1"):
        a[...] = [[1]]
    a[...] = tnp.ones((1, 1))  # arrays drop leading length-1 axes
    assert a.tolist() == [1.0, 1.0, 1.0]


PY_SCALARS = [("int64", float("inf")), ("int64", float("nan")), ("int8", 300.0),
              ("uint8", -1.5), ("int64", 1e30), ("uint8", -1), ("bool", float("nan")),
              ("int64", 1j), ("int64", 2**63), ("uint64", 2**64), ("uint64", 2.0**63),
              ("int64", -2**63), ("float64", 1j), ("bool", 1j), ("int16", -0.5),
              ("uint64", -1), ("int64", -2**63 - 1)]
KEYS = {"int": 0, "ellipsis": Ellipsis, "slice": slice(None), "list": [0],
        "mask": "mask", "oob-int": 5, "too-many": (0, 0)}


def _scalar_outcome(xp, dtype, key, value, wrap):
    a = xp.zeros(2, dtype)
    if key == "mask":
        key = xp.array([True, False])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a[key] = [value] if wrap else value
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__, str(exc)
    return "ok", repr(np.asarray(a).tolist())


@pytest.mark.parametrize("wrap", [False, True], ids=["scalar", "in-list"])
@pytest.mark.parametrize("key", list(KEYS.values()), ids=list(KEYS))
@pytest.mark.parametrize("dtype,value", PY_SCALARS, ids=[f"{d}-{v!r}" for d, v in PY_SCALARS])
def test_python_scalar_into_dtype(dtype, value, key, wrap):
    if wrap and key in (0, 5, (0, 0)):
        pytest.skip("a list into one element: test_setitem_value_kinds")
    assert _scalar_outcome(tnp, dtype, key, value, wrap) == \
        _scalar_outcome(np, dtype, key, value, wrap)


def test_index_error_before_value_error():
    """NumPy reads a basic key before the value: its IndexError wins."""
    for key, value in [(10, [1]), (10, 1j), ((0, 0), [1, 2]), (1.0, [1])]:
        for xp in (np, tnp):
            with pytest.raises(IndexError):
                xp.zeros(3)[key] = value


def test_mask_assignment_errors():
    for xp in (np, tnp):
        a = xp.zeros((2, 3))
        m = xp.ones((2, 3), dtype=bool)
        with pytest.raises(TypeError, match="requires a 0 or 1-dimensional input, input has 2"):
            a[m] = xp.ones((1, 1))
        with pytest.raises(ValueError, match="cannot assign 3 input values to the 6 output"):
            a[m] = xp.ones(3)
        a[m] = xp.arange(6.0)
        assert np.asarray(a).tolist() == [[0, 1, 2], [3, 4, 5]]
