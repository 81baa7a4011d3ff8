"""torchnp.pad against numpy.pad over dtypes x modes x pad widths x options."""
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

DTYPES = ["bool", "uint8", "int8", "int16", "int32", "int64", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]

# (mode, extra keyword arguments); each is tried on every dtype
MODES = [
    ("constant", {}), ("constant", {"constant_values": 7}),
    ("constant", {"constant_values": ((1, 2), (3, 4))}), ("edge", {}), ("wrap", {}),
    ("reflect", {}), ("reflect", {"reflect_type": "odd"}),
    ("symmetric", {}), ("symmetric", {"reflect_type": "odd"}),
    ("linear_ramp", {}), ("linear_ramp", {"end_values": (5, -3)}),
    ("maximum", {}), ("minimum", {"stat_length": 2}), ("mean", {}), ("mean", {"stat_length": (1, 3)}),
    ("median", {}), ("median", {"stat_length": 2}),
]

# pad widths for a (4, 3) array, several wider than the axis
WIDTHS = [0, 1, 3, ((2, 0), (0, 5)), ((9, 4), (7, 10))]


def _data(dtype, shape=(4, 3)):
    rng = np.random.default_rng(sum(map(ord, dtype)))
    if dtype == "bool":
        return rng.random(shape) > 0.5
    if dtype.startswith("uint"):
        return rng.integers(0, 200, shape).astype(dtype)
    if dtype.startswith("int"):
        return rng.integers(-100, 100, shape).astype(dtype)
    if dtype.startswith("complex"):
        return (rng.normal(size=shape) + 1j * rng.normal(size=shape)).astype(dtype)
    return rng.normal(size=shape).astype(dtype)


def _ids(val):
    return str(val).replace(" ", "")


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("mode,kw", MODES, ids=[f"{m}-{_ids(k)}" for m, k in MODES])
def test_sweep(dtype, mode, kw):
    a = _data(dtype)
    if dtype in ("uint8", "uint16", "uint32", "uint64") and kw.get("end_values") == (5, -3):
        kw = {"end_values": (5, 3)}  # NumPy refuses the Python int -3 for unsigned arrays
    # odd reflection wider than the array: NumPy rounds float16 after every
    # reflection step, torchnp evaluates the closed form; allow a few ulps
    tol = {"rtol": 5e-3} if dtype == "float16" and kw.get("reflect_type") == "odd" else {}
    for width in WIDTHS:
        check("pad", a, width, mode, **kw, **tol)


@pytest.mark.parametrize("mode", ["edge", "wrap", "reflect", "symmetric"])
@pytest.mark.parametrize("reflect_type", ["even", "odd"])
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_wide_1d(mode, reflect_type, n):
    """1-d pads of every width up to several periods, on each side independently."""
    kw = {"reflect_type": reflect_type} if mode in ("reflect", "symmetric") else {}
    a = np.arange(1, n + 1, dtype=np.int64) ** 2
    f = a.astype(np.float64)
    for before, after in itertools.product([0, 1, n - 1, n, n + 1, 2 * n + 1, 5 * n + 2], repeat=2):
        check("pad", a, (before, after), mode, **kw)
        check("pad", f, (before, after), mode, **kw)


def test_noncontiguous_and_3d():
    a = np.arange(60.0).reshape(3, 4, 5).transpose(2, 0, 1)[::2]
    for mode in ["edge", "wrap", "reflect", "symmetric", "mean", "linear_ramp", "constant"]:
        check("pad", a, ((1, 2), (0, 3), (4, 1)), mode)


def test_zero_d_and_empty():
    check("pad", np.array(5.0), 3)
    check("pad", np.array(5.0), 3, "reflect")
    for mode in ["edge", "wrap", "mean", "reflect", "constant", "linear_ramp"]:
        check("pad", np.zeros((0, 3)), ((0, 0), (1, 2)), mode)
        check("pad", np.zeros((0, 3)), ((1, 0), (1, 2)), mode)  # NumPy refuses all but constant
    r = tnp.pad(tnp.zeros((2, 0)), 1, "empty")
    assert r.shape == (4, 2) and r.dtype == tnp.float64


def test_returns_a_copy():
    a = tnp.asarray([1.0, 2.0])
    r = tnp.pad(a, 0)
    r[0] = 9.0
    assert float(a[0]) == 1.0


@pytest.mark.parametrize("args,kw", [
    ((np.arange(3), 1.5), {}), ((np.arange(3), -1), {}), ((np.arange(3), ((1, 2), (3, 4))), {}),
    ((np.arange(3), True), {}), ((np.arange(3), 2, "bogus"), {}), ((np.arange(3), -1, "bogus"), {}),
    ((np.arange(3), 2, "edge"), {"foo": 1}), ((np.arange(3), 2, "wrap"), {"reflect_type": "odd"}),
    ((np.arange(3), 2, "maximum"), {"stat_length": 0}), ((np.arange(3), 0, "maximum"), {"stat_length": 0}),
    ((np.arange(3), 2, "mean"), {"stat_length": -1}), ((np.arange(3), 2, "maximum"), {"stat_length": 1.5}),
    ((np.arange(3), 2, "maximum"), {"stat_length": (1, 5)}),
    ((np.arange(3), 1), {"constant_values": 2.7}), ((np.arange(3), 1), {"constant_values": np.nan}),
    ((np.arange(3), 1), {"constant_values": np.inf}), ((np.arange(3), 1), {"constant_values": [[1], [2]]}),
    ((np.ones((2, 2), int), 1), {"constant_values": [[1], [2]]}),
    ((np.array([1, 2], np.uint8), 1), {"constant_values": -1}),
    ((np.arange(3), {-1: 2}), {}), ((np.ones((2, 3)), {1: (1, 2)}), {}), ((np.arange(3), {3: 2}), {}),
    ((np.arange(3), np.array([1, 2])), {}),
    ((np.arange(3), 2, "reflect"), {"reflect_type": "foo"}),
    ((np.array([1, 10, -3]), 5, "linear_ramp"), {}),
    ((np.array([1, 10, 250], np.uint8), 5, "linear_ramp"), {}),
    ((np.array([True, False]), 2, "mean"), {}), ((np.array([True, False]), 3, "reflect"), {"reflect_type": "odd"}),
    ((np.array([1 + 2j, 3 - 1j, 2 + 5j]), 2, "maximum"), {}),
    ((np.array([1 + 2j, 3 - 1j, 2 + 5j, 0j]), 2, "median"), {}),
    ((np.array([1.0, np.nan, 3.0]), 2, "median"), {}), ((np.array([1.0, np.nan, 3.0]), 2, "maximum"), {}),
    ((np.array([1, 2, 4, 8]), 2, "median"), {}), ((np.array([1, 2, 4]), 2, "mean"), {}),
    ((np.array([2**64 - 1, 5], np.uint64), 2, "maximum"), {}),
    ((np.array([2**64 - 1, 5], np.uint64), 2, "minimum"), {}),
    ((np.array([2**63, 2**63 + 4], np.uint64), 2, "mean"), {}),
])
def test_edge_cases(args, kw):
    check("pad", *args, **kw)


@pytest.mark.filterwarnings("ignore:Mean of empty slice:RuntimeWarning")
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("mode", ["mean", "median"])
@pytest.mark.parametrize("width", [0, 2, (0, 2)])
def test_mean_of_nothing(mode, width):
    """stat_length=0 gives NaN (and a RuntimeWarning) for mean/median."""
    check("pad", np.arange(3.0), width, mode, stat_length=0)
    check("pad", np.arange(3.0), width, mode, stat_length=((0, 1),))
    with pytest.warns(RuntimeWarning, match="Mean of empty slice"):
        tnp.pad(tnp.arange(3.0), 1, mode, stat_length=0)


def test_callable_mode_matches():
    def ten(vector, width, iaxis, kwargs):
        vector[:width[0]] = 10 + iaxis
        if width[1]:
            vector[-width[1]:] = -10 - iaxis

    a = np.arange(6).reshape(2, 3)
    assert_same(tnp.pad(to_tnp(a), ((1, 2), (3, 0)), ten), np.pad(a, ((1, 2), (3, 0)), ten))


@settings(max_examples=40)
@given(n=st.integers(1, 6), before=st.integers(0, 20), after=st.integers(0, 20),
       mode=st.sampled_from(["edge", "wrap", "reflect", "symmetric"]),
       reflect_type=st.sampled_from(["even", "odd"]))
def test_hypothesis_1d(n, before, after, mode, reflect_type):
    kw = {"reflect_type": reflect_type} if mode in ("reflect", "symmetric") else {}
    a = np.array([3, -1, 4, 1, -5, 9][:n], dtype=np.int32)
    check("pad", a, (before, after), mode, **kw)
