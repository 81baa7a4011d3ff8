"""The sorting plugin's fast paths, bit for bit against NumPy's stable sort.

``_util_impl`` picks a formulation by size (torch's own comparison sort, integer
keys, keys padded up to torch's radix-sort length, the radix sort itself, and for
N-d inputs a sort of all keys then by row); each size below sits on one side of a
threshold, and every result is compared with NumPy's ``kind='stable'`` result as
bits (NaN payloads and signs, -0.0), which is what the key mapping promises.
"""
import numpy as np
import pytest
import torch

import torchnp as tnp
import torchnp_sorting._util_impl as U
from _oracle import assert_same



@pytest.fixture(autouse=True)
def _one_thread():
    # torch's radix sort runs OpenMP barriers per pass: on a machine whose cores are
    # busy (shared CI), two threads can take 1000x longer than one. Same results.
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
_UINT = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}


def _floats(dt, n, rng):
    dt = np.dtype(dt)
    x = (rng.standard_normal(n) * 10).astype(dt)
    x[::5] = np.round(x[::5])  # ties
    specials = np.array([np.nan, -np.nan, 0.0, -0.0, np.inf, -np.inf, np.finfo(dt).tiny / 4,
                         -np.finfo(dt).tiny / 4], dtype=dt)
    pos = rng.integers(0, n, max(n // 10, 1))
    x[pos] = rng.choice(specials, pos.size)
    # NaNs of both signs with payloads (signalling ones too): they must survive the sort
    b = x.view(_UINT[dt.itemsize])
    pos = rng.integers(0, n, max(n // 50, 1))
    inf = {2: 0x7C00, 4: 0x7F800000, 8: 0x7FF0000000000000}[dt.itemsize]
    sign = b.dtype.type(1) << b.dtype.type(8 * dt.itemsize - 1)
    b[pos] = (inf | rng.integers(1, 1000, pos.size).astype(b.dtype)) | (
        rng.integers(0, 2, pos.size).astype(b.dtype) * sign)
    return x


def data(dtype, shape, seed=0):
    """Values with many ties, both extremes, and (inexact dtypes) every special value."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        x = rng.integers(info.min, info.max, n, endpoint=True, dtype=dt)
        x[::7] = rng.integers(0, 3, x[::7].size).astype(dt)
        x[:2] = info.min, info.max
    elif dt.kind == "f":
        x = _floats(dt, n, rng)
    else:
        part = np.float32 if dt == np.complex64 else np.float64
        x = np.empty(n, dt)
        x.real, x.imag = _floats(part, n, rng), _floats(part, n, rng)
        x.real[::4] = 1.0  # ties in the real part: the imaginary part decides
        x.imag[::3] = 0.0
    return x.reshape(shape)


def bits(x):
    x = np.ascontiguousarray(x)
    return x.view(np.uint8) if x.dtype.kind == "c" else x.view(_UINT[x.itemsize])


def tn(x):
    return np.asarray(x.tensor.numpy())


def _key_width(dtype):
    return 1 if dtype == "bool" else np.dtype(dtype).itemsize


def _sizes(dtype):
    """1-d lengths on both sides of every size threshold the dtype passes."""
    w = min(_key_width(dtype), 8)
    return sorted({U._PAD_MIN[w] - 1, U._PAD_MIN[w], U.RADIX_MIN - 1, U.RADIX_MIN + 3})


def _check_sorts(a, axes):
    t = tnp.asarray(torch.from_numpy(a.copy()))
    for axis in axes:
        exp = np.sort(a, axis=axis, kind="stable")
        got = tn(tnp.sort(t, axis=axis))
        assert got.dtype == exp.dtype and got.shape == exp.shape
        assert np.array_equal(bits(got), bits(exp)), f"sort axis={axis}"
        exp = np.argsort(a, axis=axis, kind="stable")
        got = tn(tnp.argsort(t, axis=axis))
        assert got.dtype == np.int64 and np.array_equal(got, exp), f"argsort axis={axis}"
        got = tn(tnp.argsort(t, axis=axis, kind="stable"))
        assert np.array_equal(got, exp)


@pytest.mark.parametrize("dtype", DTYPES)
def test_sort_1d_every_path(dtype):
    for n in _sizes(dtype):
        _check_sorts(data(dtype, (n,), seed=n), [-1])


@pytest.mark.parametrize("dtype", ["int8", "uint16", "int64", "uint64", "float16", "float64",
                                   "complex128", "bool"])
@pytest.mark.parametrize("shape", [(12, 3000), (3000, 12), (1, 40000), (40000, 1), (70, 600)],
                         ids=str)
def test_sort_nd_every_path(dtype, shape):
    _check_sorts(data(dtype, shape, seed=sum(shape)), [-1, 0, None])


def test_sort_noncontiguous_and_reversed():
    a = data("float64", (6, 20000), seed=3)
    t = tnp.asarray(torch.from_numpy(a.copy()))
    assert np.array_equal(bits(tn(tnp.sort(t[:, ::2], axis=1))), bits(np.sort(a[:, ::2], axis=1, kind="stable")))
    assert np.array_equal(tn(tnp.argsort(t[::-1], axis=0)), np.argsort(a[::-1], axis=0, kind="stable"))
    assert np.array_equal(bits(tn(tnp.sort(t.T[::-1], axis=0))),
                          bits(np.sort(a.T[::-1], axis=0, kind="stable")))
    v = t[0][::-1]
    v.sort()  # in place, through the view model
    assert np.array_equal(bits(tn(t[0])), bits(np.sort(a[0][::-1], kind="stable")[::-1]))


def test_float_keys_order_and_ties():
    # the key of every special value, checked directly: NumPy's order, -0.0 ties 0.0,
    # every NaN ties every other NaN and sorts after +inf
    for dt, ity in ((torch.float16, np.uint16), (torch.float32, np.uint32), (torch.float64, np.uint64)):
        v = torch.tensor([-np.inf, -1.5, -np.finfo(np.float16).tiny, -0.0, 0.0, 1e-8, 2.0, np.inf],
                         dtype=torch.float64).to(dt)
        k = U.sort_key(v)
        assert bool((k[1:] >= k[:-1]).all()) and k[3] == k[4]
        nans = torch.from_numpy(np.array([0x7C01, 0xFE00, 0x7E00, 0xFC01], dtype=np.uint16).astype(ity)
                                if dt == torch.float16 else np.array([], ity))
        if nans.numel():
            kn = U.sort_key(nans.view(torch.int16).view(dt))
            assert bool((kn == kn[0]).all()) and bool((kn > k[-1]).all())
        kq = U.sort_key(torch.tensor([float("nan"), -float("nan")], dtype=dt))
        assert kq[0] == kq[1] and kq[0] > k[-1]


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint64",
                                   "float32", "float64", "complex128"])
@pytest.mark.parametrize("n", [300, 9000, 300000])
def test_unique_every_path(dtype, n):
    a = data(dtype, (n,), seed=n)
    if a.dtype.kind in "iu" and a.dtype.itemsize > 1:
        a = a % 50 if a.dtype.kind == "u" else a // 2**(8 * a.dtype.itemsize - 12)  # repeats
    t = tnp.asarray(torch.from_numpy(a.copy()))
    for kw in ({}, {"equal_nan": False}):
        assert_same(tnp.unique(t, **kw), np.unique(a, **kw))
    got = tnp.unique(t, return_index=True, return_inverse=True, return_counts=True)
    exp = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    assert_same(got, exp)
    # NumPy's unique_values leaves the order (and which of -0.0/0.0 stays) unspecified
    np.testing.assert_array_equal(np.sort(tn(tnp.unique_values(t))), np.sort(np.unique_values(a)))


def _numpy_le(x, v):
    """x <= v elementwise in NumPy's sort order (real dtypes)."""
    if x.dtype.kind == "f":
        return np.isnan(v) | (~np.isnan(x) & (x <= v))
    return x <= v


def _check_partition(a, kth, vals, idx):
    n = a.size
    srt = np.sort(a, kind="stable")
    assert np.array_equal(np.sort(idx), np.arange(n))  # a permutation
    for got in (vals, a[idx]):
        assert np.array_equal(bits(np.sort(got, kind="stable")), bits(srt))  # same elements
        kv = got[kth]
        assert kv == srt[kth] or (np.isnan(kv) and np.isnan(srt[kth]))
        assert _numpy_le(got[:kth], kv).all()
        assert _numpy_le(np.full(n - kth - 1, kv, a.dtype), got[kth + 1:]).all()


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "int32", "uint64", "float16",
                                   "float64"])
def test_partition_selection_path(dtype):
    n = U.PARTITION_MIN + 1000
    rng = np.random.default_rng(1)
    cases = [data(dtype, (n,), seed=2)]
    if dtype == "float64":
        b = rng.standard_normal(4 * n)
        cases += [np.sort(b), np.sort(b)[::-1].copy(), np.zeros(n), np.full(n, np.nan),
                  np.where(rng.random(n) < 0.5, np.nan, rng.integers(0, 3, n).astype(float)),
                  np.tile(np.arange(4096.0), 20)]  # periodic: the sample sees few values
    for a in cases:
        t = tnp.asarray(torch.from_numpy(a.copy()))
        m = a.size
        for kth in {0, 1, m // 3, m // 2, m - 2, m - 1, -1}:
            k = kth % m
            _check_partition(a, k, tn(tnp.partition(t, kth)), tn(tnp.argpartition(t, kth)))


def test_partition_several_kth_and_nd_stay_valid():
    a = data("float64", (40000,), seed=5)
    t = tnp.asarray(torch.from_numpy(a.copy()))
    vals = tn(tnp.partition(t, [5, 20000]))
    idx = tn(tnp.argpartition(t, [5, 20000]))
    for k in (5, 20000):
        _check_partition(a, k, vals, idx)
    b = data("int32", (4, 10000), seed=6)
    got = tn(tnp.partition(tnp.asarray(torch.from_numpy(b.copy())), 777, axis=1))
    for row, src in zip(got, b):
        _check_partition(src, 777, row, np.argsort(src, kind="stable"))


@pytest.mark.parametrize("dtype", ["uint16", "int64", "float32", "float64"])
def test_searchsorted_with_sorter_large(dtype):
    a = data(dtype, (50000,), seed=7)
    v = data(dtype, (300,), seed=8)
    s = np.argsort(a, kind="stable")
    ta, tv, ts = (tnp.asarray(torch.from_numpy(x.copy())) for x in (a, v, s))
    for side in ("left", "right"):
        assert np.array_equal(tn(tnp.searchsorted(ta, tv, side=side, sorter=ts)),
                              np.searchsorted(a, v, side=side, sorter=s))
        srt = np.sort(a)
        assert np.array_equal(tn(tnp.searchsorted(tnp.asarray(torch.from_numpy(srt)), tv, side=side)),
                              np.searchsorted(srt, v, side=side))


def test_lexsort_large_mixed():
    n = 40000
    keys = (data("float64", (n,), seed=9), data("int8", (n,), seed=10) % 3,
            data("uint32", (n,), seed=11) % 5, data("complex64", (n,), seed=12))
    exp = np.lexsort(keys)
    got = tn(tnp.lexsort(tuple(tnp.asarray(torch.from_numpy(k.copy())) for k in keys)))
    assert np.array_equal(got, exp)
    k2 = tuple(k.reshape(8, 5000) for k in keys[:3])
    for axis in (0, 1):
        got = tn(tnp.lexsort(tuple(tnp.asarray(torch.from_numpy(k.copy())) for k in k2), axis=axis))
        assert np.array_equal(got, np.lexsort(k2, axis=axis))


@pytest.mark.parametrize("backend", ["eager", "aot_eager"])
def test_paths_trace_fullgraph(backend):
    # the key, padding and by-row paths are plain torch ops: no graph break, same bits
    torch._dynamo.reset()

    def f(t):
        a = tnp.asarray(t)
        return (tnp.sort(a).tensor, tnp.argsort(a, axis=0).tensor,
                tnp.searchsorted(tnp.sort(a[0]), a[1]).tensor)
    for shape in ((2, 5000), (12, 3000)):
        t = torch.from_numpy(data("float64", shape, seed=13))
        exp = f(t)
        got = torch.compile(f, fullgraph=True, backend=backend)(t)
        for e, g in zip(exp, got):
            assert torch.equal(e.view(torch.int64) if e.is_floating_point() else e,
                               g.view(torch.int64) if g.is_floating_point() else g)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # torch.jit, inside inductor
def test_key_traces_with_inductor_integer_exact():
    # inductor once computed an integer addcmul in floating point: the key must stay exact
    torch._dynamo.reset()
    t = torch.from_numpy(data("float64", (4000,), seed=14))
    got = torch.compile(U.sort_key, fullgraph=True, backend="inductor")(t)
    assert got.dtype == torch.int64 and torch.equal(got, U.sort_key(t))


@pytest.mark.cuda
@pytest.mark.parametrize("dtype", ["int16", "uint32", "float16", "float64", "complex64"])
def test_cuda_matches_numpy_bits(dtype):
    for shape in ((1000,), (40000,), (12, 3000)):
        a = data(dtype, shape, seed=15)
        t = tnp.asarray(torch.from_numpy(a.copy()).cuda())
        for axis in (-1, None):
            got = tnp.sort(t, axis=axis).tensor.cpu().numpy()
            assert np.array_equal(bits(got), bits(np.sort(a, axis=axis, kind="stable")))
            got = tnp.argsort(t, axis=axis).tensor.cpu().numpy()
            assert np.array_equal(got, np.argsort(a, axis=axis, kind="stable"))
        if a.ndim == 1 and a.dtype.kind != "c":
            r = tnp.unique(t, return_counts=True)
            e = np.unique(a, return_counts=True)
            assert np.array_equal(bits(r[0].tensor.cpu().numpy()), bits(e[0]))
            assert np.array_equal(r[1].tensor.cpu().numpy(), e[1])
            p = tnp.argpartition(t, 17).tensor.cpu().numpy()
            _check_partition(a, 17, a[p], p)
