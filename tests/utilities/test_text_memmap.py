"""fromstring / fromregex against NumPy, and memmap round trips with NumPy's memmap."""
import io

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same, check

FROMSTRING = [
    ("1 2 3", {"sep": " "}),
    ("1 2 3", {"dtype": int, "sep": " "}),
    ("1,2,3", {"sep": ","}),
    ("1, 2 ,3", {"sep": ","}),
    ("1 2 3", {"sep": " ", "count": 2}),
    ("1 2 3", {"sep": " ", "count": 0}),
    ("1 2 3", {"sep": " ", "count": -2}),
    ("1  2\n3", {"sep": " "}),
    ("", {"sep": " "}),
    ("1, 2,", {"sep": ","}),
    (" 1 , 2 ", {"sep": ","}),
    ("1,2", {"sep": ", "}),
    ("1 ,2", {"sep": " ,"}),
    ("1x2x3", {"sep": "x"}),
    ("1;2;3", {"sep": ";"}),
    (b"1 2", {"sep": " "}),
    ("1e3 -inf nan .5 5.", {"sep": " "}),
    ("1 2 3", {"dtype": np.float32, "sep": " "}),
    ("1 2", {"dtype": np.float16, "sep": " "}),
    ("1 0 3", {"dtype": bool, "sep": " "}),
    ("1 2 3", {"dtype": "c8", "sep": " "}),
    ("1+2j 3 1j -2.5-0.5j", {"dtype": complex, "sep": " "}),
    ("255 256", {"dtype": np.uint8, "sep": " "}),
    ("300 -129", {"dtype": np.int8, "sep": " "}),
    ("+3 -4", {"dtype": int, "sep": " "}),
    ("70000", {"dtype": np.uint16, "sep": " "}),
    ("18446744073709551615 5", {"dtype": np.uint64, "sep": " "}),
    ("99999999999999999999", {"dtype": np.int64, "sep": " "}),
    ("3 4", {"sep": " ", "dtype": None}),
    # malformed text
    ("1 2 x", {"sep": " "}),
    ("1.5 2", {"dtype": int, "sep": " "}),
    ("0x10", {"sep": " "}),
    ("-1", {"dtype": np.uint8, "sep": " "}),
    ("+3", {"dtype": np.uint64, "sep": " "}),
    ("1,,2", {"sep": ","}),
    ("1,2;3", {"sep": ","}),
    (",", {"sep": ","}),
    ("1_000", {"sep": " "}),
    ("(1+2j)", {"dtype": complex, "sep": " "}),
    ("true", {"dtype": bool, "sep": " "}),
    # binary mode is gone in NumPy 2
    ("1 2 3", {"sep": ""}),
    (b"\x01\x02", {"dtype": np.uint8, "sep": ""}),
]


@pytest.mark.parametrize("text,kw", FROMSTRING, ids=[f"{t!r}-{k}" for t, k in FROMSTRING])
def test_fromstring(text, kw):
    check("fromstring", text, **kw)


def test_fromstring_sep_is_keyword_only_and_required():
    # numpy_api.json's signature (from NumPy's docstring) makes sep required;
    # NumPy's C function would default it to '' and then refuse binary mode
    with pytest.raises(TypeError):
        tnp.fromstring("1 2 3")


def test_fromstring_count_beyond_text_raises():
    # NumPy returns uninitialized memory here; torchnp refuses
    with pytest.raises(ValueError):
        tnp.fromstring("1 2 3", sep=" ", count=5)


@pytest.mark.parametrize("dtype", ["U3", "O"])
def test_fromstring_unsupported_dtype(dtype):
    with pytest.raises(NotImplementedError):
        tnp.fromstring("1 2", dtype=dtype, sep=" ")


@pytest.mark.parametrize("dtype", [np.int64, np.float32, "f8"])
def test_fromregex_plain_dtype_is_type_error(dtype):
    check("fromregex", io.StringIO("1 2\n3 4"), r"(\d+) (\d+)", dtype)


@pytest.mark.parametrize("dtype", [[("a", "i8"), ("b", "i8")], "f8,f8"])
def test_fromregex_structured_is_loud(dtype):
    with pytest.raises(NotImplementedError, match="structured"):
        tnp.fromregex(io.StringIO("1 2\n3 4"), r"(\d+) (\d+)", dtype)


# --- memmap -----------------------------------------------------------------
MM_DTYPES = ["uint8", "int16", "int32", "int64", "uint16", "float32", "float64", "complex64",
             "complex128", "bool"]


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "data.bin")


@pytest.mark.parametrize("dtype", MM_DTYPES)
def test_memmap_torchnp_writes_numpy_reads(path, dtype):
    ref = (np.arange(12) % 3).astype(dtype).reshape(3, 4)
    m = tnp.memmap(path, dtype=dtype, mode="w+", shape=(3, 4))
    m[...] = tnp.asarray(ref)
    m.flush()
    assert_same(m, ref)
    got = np.memmap(path, dtype=dtype, mode="r", shape=(3, 4))
    np.testing.assert_array_equal(np.asarray(got), ref)


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("offset", [0, 16])
def test_memmap_numpy_writes_torchnp_reads(path, order, offset):
    with open(path, "wb") as f:
        f.write(b"\0" * 64)
    ref = np.memmap(path, dtype="f8", mode="r+", offset=offset, shape=(2, 3), order=order)
    ref[...] = np.arange(6.0).reshape(2, 3) + 0.5
    ref.flush()
    m = tnp.memmap(path, dtype="f8", mode="r", offset=offset, shape=(2, 3), order=order)
    assert_same(m, np.asarray(ref))
    assert m.flags.f_contiguous == ref.flags.f_contiguous
    assert (m.offset, m.mode, m.shape) == (offset, "r", (2, 3))


def test_memmap_r_plus_writes_reach_file_through_views(path):
    np.arange(10, dtype="i4").tofile(path)
    m = tnp.memmap(path, dtype="i4")  # default mode r+, shape from the file size
    assert m.shape == (10,)
    m[2:5] = -1
    v = m[::2]
    v[-1] = 99
    m.flush()
    np.testing.assert_array_equal(np.fromfile(path, dtype="i4"),
                                  [0, 1, -1, -1, -1, 5, 6, 7, 99, 9])


def test_memmap_readonly_and_copy_on_write(path):
    np.arange(4, dtype="f4").tofile(path)
    r = tnp.memmap(path, dtype="f4", mode="r")
    assert not r.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        r[0] = 5
    c = tnp.memmap(path, dtype="f4", mode="c")
    c[0] = 5
    assert float(c[0]) == 5.0
    np.testing.assert_array_equal(np.fromfile(path, dtype="f4"), [0, 1, 2, 3])


def test_memmap_grows_file_in_r_plus(path):
    np.zeros(2, dtype="u1").tofile(path)
    m = tnp.memmap(path, dtype="u1", mode="r+", shape=(8,))
    m[...] = 7
    assert np.fromfile(path, dtype="u1").tolist() == [7] * 8


def test_memmap_attributes_and_arithmetic(path):
    m = tnp.memmap(path, dtype="f8", mode="w+", shape=(4,))
    m[...] = tnp.arange(4.0)
    assert m.filename == path and isinstance(m, tnp.ndarray)
    assert_same(m + 1, np.arange(4.0) + 1)
    assert_same(tnp.sum(m), np.sum(np.arange(4.0)))
    assert repr(m).startswith("memmap(")


@pytest.mark.parametrize("kw,exc", [
    ({"mode": "x"}, ValueError),
    ({"mode": "w+"}, ValueError),  # shape needed
    ({"mode": "r", "dtype": "f8", "shape": (100,)}, ValueError),  # beyond the file
    ({"mode": "r", "dtype": "f8", "offset": 3}, ValueError),  # not a whole number of items
])
def test_memmap_errors_match_numpy(path, kw, exc):
    np.arange(6, dtype="f4").tofile(path)
    with pytest.raises(exc):
        np.memmap(path, **kw)
    with pytest.raises(exc):
        tnp.memmap(path, **kw)


def test_memmap_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        tnp.memmap(str(tmp_path / "nope.bin"), mode="r")


def test_memmap_misaligned_offset_is_loud(path):
    np.zeros(8, dtype="f8").tofile(path)
    with pytest.raises(NotImplementedError, match="offset"):
        tnp.memmap(path, dtype="f8", mode="r", offset=4, shape=(2,))


# --- property tests -------------------------------------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_SEPS = st.sampled_from([" ", ",", ", ", " ; ", "\t", "x"])


@settings(max_examples=40)
@given(st.lists(st.floats(allow_nan=False, width=64), max_size=8), _SEPS,
       st.sampled_from(["f8", "f4", "f2", "c16"]))
def test_fromstring_floats_roundtrip(values, sep, dtype):
    text = sep.join(repr(v) for v in values)
    check("fromstring", text, dtype=dtype, sep=sep)


@settings(max_examples=40)
@given(st.lists(st.integers(-(2**63), 2**64 - 1), max_size=8), _SEPS,
       st.sampled_from(["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "?"]))
def test_fromstring_ints(values, sep, dtype):
    text = sep.join(str(v) for v in values)
    check("fromstring", text, dtype=dtype, sep=sep)
