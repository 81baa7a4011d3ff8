"""torchnp's I/O against NumPy: files written by one load in the other, both directions."""
import io
import pickle

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same

ARRAYS = {
    "float64": np.arange(12.0).reshape(3, 4), "float32": np.linspace(-1, 1, 5, dtype=np.float32),
    "float16": np.arange(4, dtype=np.float16), "int8": np.arange(-3, 3, dtype=np.int8),
    "uint16": np.arange(5, dtype=np.uint16), "uint64": np.array([2**63 + 5], dtype=np.uint64),
    "bool": np.array([[True, False]]), "complex128": np.array([1 + 2j, -3j]),
    "complex64": np.array([1 + 2j], dtype=np.complex64), "int64-0d": np.array(7),
    "empty": np.zeros((0, 3)), "3d": np.arange(24, dtype=np.int32).reshape(2, 3, 4),
}


@pytest.mark.parametrize("key", ARRAYS)
def test_save_torchnp_load_numpy(key, tmp_path):
    a = ARRAYS[key]
    tnp.save(tmp_path / "a", tnp.asarray(a))  # suffix added as NumPy does
    got = np.load(tmp_path / "a.npy")
    assert got.dtype == a.dtype and got.shape == a.shape
    np.testing.assert_array_equal(got, a)


@pytest.mark.parametrize("key", ARRAYS)
@pytest.mark.parametrize("layout", ["C", "F", "big-endian", "noncontig"])
def test_save_numpy_load_torchnp(key, layout, tmp_path):
    a = ARRAYS[key]
    if layout == "F":
        a = np.asfortranarray(a)
    elif layout == "big-endian":
        a = a.astype(a.dtype.newbyteorder(">"))
    elif layout == "noncontig" and a.ndim:
        a = a[..., ::2]
    np.save(tmp_path / "a.npy", a)
    got = tnp.load(tmp_path / "a.npy")
    assert_same(got, a.astype(a.dtype.newbyteorder("=")))


def test_file_objects_and_noncontiguous():
    t = tnp.asarray(np.arange(20.0).reshape(4, 5))[:, 1::2]
    buf = io.BytesIO()
    tnp.save(buf, t)
    buf.seek(0)
    assert_same(t, np.load(buf))
    buf.seek(0)
    assert_same(tnp.load(buf), np.asarray(t))


def test_header_versions():
    import struct
    buf = io.BytesIO()
    tnp.save(buf, tnp.asarray([1.0, 2.0]))
    raw = buf.getvalue()
    assert raw[6:8] == b"\x01\x00" and len(raw[:10 + struct.unpack("<H", raw[8:10])[0]]) % 64 == 0
    header = b"{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }"
    pad = (-(12 + len(header) + 1)) % 64
    v2 = b"\x93NUMPY\x02\x00" + struct.pack("<I", len(header) + pad + 1) + header + b" " * pad + b"\n" \
        + np.arange(3, dtype="<i2").tobytes()
    assert_same(tnp.load(io.BytesIO(v2)), np.load(io.BytesIO(v2)))
    huge = b"{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }" + b" " * 20000 + b"\n"
    v1big = b"\x93NUMPY\x02\x00" + struct.pack("<I", len(huge)) + huge
    with pytest.raises(ValueError):
        np.load(io.BytesIO(v1big))
    with pytest.raises(ValueError):
        tnp.load(io.BytesIO(v1big))


@pytest.mark.parametrize("compressed", [False, True])
def test_npz_both_directions(compressed, tmp_path):
    t_save = tnp.savez_compressed if compressed else tnp.savez
    n_save = np.savez_compressed if compressed else np.savez
    a, b = ARRAYS["float64"], ARRAYS["bool"]
    t_save(tmp_path / "t", tnp.asarray(a), flag=tnp.asarray(b))
    with np.load(tmp_path / "t.npz") as f:
        assert sorted(f.files) == ["arr_0", "flag"]
        np.testing.assert_array_equal(f["arr_0"], a)
        np.testing.assert_array_equal(f["flag"], b)
    n_save(tmp_path / "n", a, flag=b)
    with tnp.load(tmp_path / "n.npz") as f:
        assert sorted(f.files) == ["arr_0", "flag"] and "flag" in f and len(f) == 2
        assert_same(f["arr_0"], a)
        assert_same(f["flag.npy"], b)
        with pytest.raises(KeyError):
            f["missing"]
    with pytest.raises(ValueError):
        f["arr_0"]  # closed


def test_rejects_pickles_and_malformed(tmp_path):
    p = tmp_path / "obj.npy"
    np.save(p, np.array([1, "a", None], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="allow_pickle"):
        tnp.load(p)
    pk = tmp_path / "p.pkl"
    pk.write_bytes(pickle.dumps([1, 2]))
    with pytest.raises(ValueError, match="pickled"):
        tnp.load(pk)
    assert tnp.load(pk, allow_pickle=True) == [1, 2]
    for bad in [b"\x93NUMPY\x09\x00", b"\x93NUMPY\x01\x00\x10\x00{'descr': 1}    \n",
                b"\x93NUMPY\x01\x00\x46\x00" + b"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }".ljust(69) + b"\n" + b"\x00" * 3]:
        (tmp_path / "bad.npy").write_bytes(bad)
        with pytest.raises(ValueError):
            np.load(tmp_path / "bad.npy")
        with pytest.raises(ValueError):
            tnp.load(tmp_path / "bad.npy")
    with pytest.raises(ValueError):  # a truncated file maps no more than NumPy's does
        tnp.load(tmp_path / "bad.npy", mmap_mode="r")


@pytest.mark.parametrize("a,kw", [(np.arange(6.0).reshape(2, 3), {}), (np.arange(4), {"fmt": "%d"}),
                                  (np.arange(6).reshape(3, 2), {"fmt": ["%d", "%.2f"], "delimiter": ","}),
                                  (np.array([[1 + 2j, 3 - 1j]]), {}),
                                  (np.arange(4.0), {"header": "h1\nh2", "footer": "end"}),
                                  # %s / %r print NumPy scalars (shortest float32 repr)
                                  (np.array([[0.1, 2.4438074]], "float32"), {"fmt": ["%d", "%s"]}),
                                  (np.array([1.5, 2.25], "float16"), {"fmt": "%s"}),
                                  (np.arange(3.0) / 7, {"fmt": "%r"}),
                                  (np.array([[1 + 2j, 3 - 1j]], "complex64"), {"fmt": "%s"})])
def test_savetxt_matches_numpy(a, kw, tmp_path):
    np.savetxt(tmp_path / "n.txt", a, **kw)
    tnp.savetxt(tmp_path / "t.txt", tnp.asarray(a), **kw)
    assert (tmp_path / "t.txt").read_text() == (tmp_path / "n.txt").read_text()


@pytest.mark.parametrize("text,kw", [
    ("1 2 3\n4 5 6\n", {}), ("# c\n1,2\n3,4 # x\n", {"delimiter": ","}), ("1 2\n3 4\n", {"dtype": int}),
    ("1 2 3\n4 5 6\n", {"usecols": (0, 2), "unpack": True}), ("5\n", {}), ("5\n", {"ndmin": 2}),
    ("1 2\n3 4\n5 6\n", {"skiprows": 1, "max_rows": 1}), ("1 2\n3\n", {}), ("a b\n", {}),
    ("1 2 3\n", {"ndmin": 1}), ("1 2\n3 4\n", {"dtype": np.float32}),
    # audit regressions
    ("1.5 2\n", {"dtype": int}), ("1e3\n", {"dtype": np.int8}), ("+1 -2\n", {"dtype": int}),
    ("1 2\n3 4\n", {"max_rows": 0}),
    ("1 2\n3 4\n", {"converters": {1: lambda s: -float(s)}, "usecols": [1]}),
    ("1 2\n3 4\n", {"converters": {-1: lambda s: -float(s)}}),
    ("1 2 3\n4 5 6\n", {"converters": {2: lambda s: 10 * float(s)}, "usecols": [-1, 0]}),
    ("1 2 3\n4 5 6\n", {"converters": {-1: lambda s: 10 * float(s)}, "usecols": [-1, 0]}),
    ("1 2 3\n", {"converters": {5: float}}),
])
@pytest.mark.filterwarnings("ignore:loadtxt. input contained no data:UserWarning")
def test_loadtxt_matches_numpy(text, kw):
    try:
        expected = np.loadtxt(io.StringIO(text), **kw)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            tnp.loadtxt(io.StringIO(text), **kw)
        return
    assert_same(tnp.loadtxt(io.StringIO(text), **{k: v for k, v in kw.items()}), expected)


@pytest.mark.parametrize("text,kw", [("1,,3\n4,5,6\n", {"delimiter": ","}), ("1 2\n3 4\n9 9\n", {"skip_footer": 1}),
                                     ("h\n1 2\n", {"skip_header": 1}),
                                     ("1,N/A\n", {"delimiter": ",", "missing_values": "N/A", "filling_values": -1}),
                                     ("1.5 2\n", {"dtype": int}),  # a failed int parse gives -1
                                     ("1 2\nTrue false\n", {"dtype": bool})])
def test_genfromtxt_matches_numpy(text, kw):
    assert_same(tnp.genfromtxt(io.StringIO(text), **kw), np.genfromtxt(io.StringIO(text), **kw))


def test_fromfile(tmp_path):
    a = np.arange(10, dtype=np.int16)
    a.tofile(tmp_path / "raw.bin")
    assert_same(tnp.fromfile(tmp_path / "raw.bin", dtype=tnp.int16), np.fromfile(tmp_path / "raw.bin", dtype=np.int16))
    assert_same(tnp.fromfile(tmp_path / "raw.bin", dtype=tnp.int16, count=3, offset=4),
                np.fromfile(tmp_path / "raw.bin", dtype=np.int16, count=3, offset=4))
    # a count beyond the end reads what is there (whole items only)
    assert_same(tnp.fromfile(tmp_path / "raw.bin", dtype=tnp.int16, count=50),
                np.fromfile(tmp_path / "raw.bin", dtype=np.int16, count=50))
    assert_same(tnp.fromfile(tmp_path / "raw.bin", dtype=tnp.float64, offset=2),
                np.fromfile(tmp_path / "raw.bin", dtype=np.float64, offset=2))
    (tmp_path / "t.txt").write_text("1.5, 2, 3")
    assert_same(tnp.fromfile(tmp_path / "t.txt", sep=","), np.fromfile(tmp_path / "t.txt", sep=","))


def test_signatures_match_numpy():
    import inspect
    for name in ("save", "load", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt", "fromfile"):
        ours = inspect.signature(getattr(tnp, name))
        theirs = inspect.signature(getattr(np, name))
        assert [(p.name, p.kind) for p in ours.parameters.values()] == \
            [(p.name, p.kind) for p in theirs.parameters.values()], name


@pytest.mark.parametrize("make", [lambda a: a.T, lambda a: a.transpose(2, 0, 1).T,
                                  lambda a: a[:, :1].T, lambda a: a[::2].T],
                         ids=["T", "perm", "size1", "strided"])
def test_save_fortran_order_like_numpy(make):
    # NumPy writes fortran_order=True for F- but not C-contiguous arrays
    a = np.arange(24.0).reshape(2, 3, 4)
    b1, b2 = io.BytesIO(), io.BytesIO()
    np.save(b1, make(a))
    tnp.save(b2, make(tnp.asarray(a)))
    assert b2.getvalue() == b1.getvalue()
    b2.seek(0)
    assert_same(tnp.load(b2), make(a))


@pytest.mark.parametrize("text,kw", [("", {}), ("# only a comment\n", {}), ("1 2\n", {"max_rows": 0})])
def test_loadtxt_warns_on_no_data(text, kw):
    with pytest.warns(UserWarning, match="input contained no data"):
        expected = np.loadtxt(io.StringIO(text), **kw)
    with pytest.warns(UserWarning, match="input contained no data"):
        got = tnp.loadtxt(io.StringIO(text), **kw)
    assert_same(got, expected)


@pytest.mark.parametrize("make", [lambda: np.arange(6.0).reshape(2, 3),
                                  lambda: np.asfortranarray(np.arange(6, dtype=np.int16).reshape(2, 3)),
                                  lambda: np.arange(5, dtype=np.complex64),
                                  lambda: np.zeros((0, 3), dtype=np.uint8)])
@pytest.mark.parametrize("mode", ["r", "c", "r+"])
def test_load_mmap_mode(make, mode, tmp_path):
    """np.load(mmap_mode=): the file's memory, read-only ('r'), copy-on-write ('c') or shared
    ('r+'): the .npy header is 64-byte aligned, so torch maps the data in place (issue 12)."""
    a = make()
    p = tmp_path / "a.npy"
    np.save(p, a)
    e = np.load(p, mmap_mode=mode)
    g = tnp.load(p, mmap_mode=mode)
    assert type(g).__name__ == "memmap"
    assert g.flags.writeable == e.flags.writeable
    assert_same(tnp.asarray(g), np.asarray(e))
    if not a.size or mode in ("r", "readonly"):
        if a.size:
            with pytest.raises(ValueError, match="read-only"):
                g[0] = 1
        return
    g[(0,) * a.ndim] = 7
    del e, g
    on_disk = np.load(p)
    assert on_disk[(0,) * a.ndim] == (7 if mode == "r+" else a[(0,) * a.ndim])


def test_load_mmap_mode_errors(tmp_path):
    p = tmp_path / "a.npy"
    for mode in ("w+", "x", "copyonwrite", "readwrite"):
        np.save(p, np.arange(3))  # NumPy's failing 'w+' has truncated the file
        with pytest.raises(Exception) as e_np:
            np.load(p, mmap_mode=mode)
        np.save(p, np.arange(3))
        with pytest.raises(e_np.type):
            tnp.load(p, mmap_mode=mode)
    with open(p, "rb") as f, pytest.raises(ValueError, match="file handles"):
        tnp.load(f, mmap_mode="r")
    np.savez(tmp_path / "z.npz", a=np.arange(3))  # NumPy ignores mmap_mode for .npz
    with tnp.load(tmp_path / "z.npz", mmap_mode="r") as z:
        assert z["a"].tolist() == [0, 1, 2]


_MEM = """
import resource, sys
import numpy, torchnp
m = numpy if sys.argv[1] == "numpy" else torchnp
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with m.load(sys.argv[2]) as z:
    a = z["a"]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.parametrize("compressed", [False, True])
def test_npz_load_peak_memory(compressed, tmp_path):
    """Loading a .npz member reads straight into the array: peak memory within 1.2x of
    NumPy's (it was 3x: bytes, a bytearray copy, then the array) (issue 12)."""
    import subprocess
    import sys
    p = tmp_path / "big.npz"
    (np.savez_compressed if compressed else np.savez)(p, a=np.ones(8 * 1024 * 1024))  # 64 MB
    peak = {}
    for lib in ("numpy", "torchnp"):
        r = subprocess.run([sys.executable, "-c", _MEM, lib, str(p)], capture_output=True,
                           text=True, timeout=120, check=True)
        peak[lib] = int(r.stdout.split()[-1])
    assert peak["torchnp"] <= 1.2 * peak["numpy"], peak


@pytest.mark.parametrize("fn", ["loadtxt", "genfromtxt"])
@pytest.mark.parametrize("dtype", ["int64", "int8", "uint8", "uint16", "uint64", "bool", "int32",
                                   "float32", "complex128"])
@pytest.mark.parametrize("data, kw", [(np.asarray([[1, 2], [3, -4]]), {}),
                                      (np.asarray([[1, 2], [3, 4]]), {"fmt": "%d"}),
                                      (np.asarray([1, 2**64 - 1], dtype=np.uint64), {"fmt": "%d"}),
                                      (np.asarray([0.5, 300.0]), {})])
def test_text_integer_dtypes(fn, dtype, data, kw, tmp_path):
    """savetxt's default '%.18e' output read with an integer dtype: loadtxt refuses it,
    genfromtxt converts as NumPy's StringConverter does (-1 for what int64 cannot parse,
    truncation for the other integers, OverflowError out of range); the uint64 maximum
    round-trips (issue 12: silently -1/the maximum, and a leaked torch overflow)."""
    p = tmp_path / "t.txt"
    np.savetxt(p, data, **kw)
    try:
        expected = getattr(np, fn)(p, dtype=dtype)
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            getattr(tnp, fn)(p, dtype=dtype)
        return
    assert_same(getattr(tnp, fn)(p, dtype=dtype), expected)
