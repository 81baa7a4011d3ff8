"""NumPy-style kernels for the compile suite and ``benchmarks/bench_compile.py``.

Each kernel is written once against a NumPy-like module ``np`` (torchnp, or real
NumPy for the oracle and for dynamo's own NumPy support), starts with
``np.asarray`` of its torch inputs as user code does, and has a raw-torch twin
doing the same work (what torch.compile of plain torch code gives, for the
recompile and speed comparisons). ``inputs(size)`` makes the arguments: ``size``
0 and 1 are two shapes of the same kernel (the second call of the suite changes
shape), ``size`` 2 is the benchmark's larger problem.

``breaks`` marks kernels whose output shape depends on the data: torch itself
cannot compile those into one graph, and the suite asserts a clean, resumable
graph break there instead.
"""
from __future__ import annotations

import math

import torch

__all__ = ["KERNELS", "Kernel"]


class Kernel:
    def __init__(self, name, area, fn, torch_fn, inputs, breaks=False, rtol=1e-10,
                 atol=1e-12, needs=()):
        self.name, self.area, self.fn, self.torch_fn = name, area, fn, torch_fn
        self.inputs, self.breaks, self.rtol, self.atol = inputs, breaks, rtol, atol
        self.needs = needs  # features of the kernel: "rng" (a random stream)


def _g(seed):
    return torch.Generator().manual_seed(seed)


def _randn(*shape, seed=0, dtype=torch.float64):
    return torch.randn(*shape, generator=_g(seed), dtype=dtype)


def _rand(*shape, seed=0, dtype=torch.float64):
    return torch.rand(*shape, generator=_g(seed), dtype=dtype)


KERNELS: dict[str, Kernel] = {}


def kernel(name, area, torch_fn, inputs, **kw):
    def deco(fn):
        KERNELS[name] = Kernel(name, area, fn, torch_fn, inputs, **kw)
        return fn
    return deco


_SIZES = (8, 13, 200)


# --- ufuncs and masks ---------------------------------------------------------------
def _mandel_in(size):
    n = _SIZES[size]
    re = torch.linspace(-2.0, 0.6, n, dtype=torch.float64)
    im = torch.linspace(-1.2, 1.2, n + 1, dtype=torch.float64)
    return (torch.complex(re[None, :].expand(n + 1, n), im[:, None].expand(n + 1, n)),)


def _mandel_t(c):
    z = torch.zeros_like(c)
    n = torch.zeros(c.shape, dtype=torch.int64)
    for _ in range(8):
        m = z.abs() <= 2
        z = torch.where(m, z * z + c, z)
        n = n + m
    return n


@kernel("mandelbrot", "ufuncs", _mandel_t, _mandel_in)
def mandelbrot(np, c):
    c = np.asarray(c)
    z = np.zeros_like(c)
    n = np.zeros(c.shape, dtype=np.int64)
    for _ in range(8):
        m = np.abs(z) <= 2
        z = np.where(m, z * z + c, z)
        n = n + m
    return n


def _softmax_t(x):
    m = x.amax(dim=-1, keepdim=True)
    e = torch.exp(x - m)
    s = e.sum(dim=-1, keepdim=True)
    return e / s, torch.log(s) + m


@kernel("softmax_logsumexp", "ufuncs", _softmax_t,
        lambda size: (_randn(_SIZES[size], 7 + size, dtype=torch.float32),), rtol=1e-6, atol=1e-6)
def softmax_logsumexp(np, x):
    x = np.asarray(x)
    m = x.max(axis=-1, keepdims=True)
    e = np.exp(x - m)
    s = e.sum(axis=-1, keepdims=True)
    return e / s, np.log(s) + m


def _newton_t(x):
    y = torch.where(x > 1, x / 2, torch.ones_like(x))
    for _ in range(5):
        y = 0.5 * (y + x / y)
    return y, torch.abs(y * y - x).max()


@kernel("newton_sqrt", "ufuncs", _newton_t, lambda size: (_rand(_SIZES[size] * 5, seed=3) * 50 + 0.5,))
def newton_sqrt(np, x):
    x = np.asarray(x)
    y = np.where(x > 1, x / 2, np.ones_like(x))
    for _ in range(5):
        y = 0.5 * (y + x / y)
    return y, np.abs(y * y - x).max()


def _angles_t(x, y):
    r = torch.hypot(x, y)
    th = torch.atan2(y, x)
    q = torch.floor_divide(th, math.pi / 2)
    return r, torch.rad2deg(th), torch.sign(y) * torch.remainder(q, 4)


@kernel("polar_angles", "ufuncs", _angles_t,
        lambda size: (_randn(_SIZES[size] * 3, seed=1), _randn(_SIZES[size] * 3, seed=2)))
def polar_angles(np, x, y):
    x, y = np.asarray(x), np.asarray(y)
    r = np.hypot(x, y)
    th = np.arctan2(y, x)
    q = np.floor_divide(th, np.pi / 2)
    return r, np.degrees(th), np.sign(y) * np.remainder(q, 4)


def _bits_in(size):
    return (torch.randint(0, 1 << 20, (_SIZES[size] * 4,), generator=_g(5), dtype=torch.int64),)


def _bits_t2(a):
    b = (a << 3) ^ (a >> 1)
    return (b & 0xFF) | (a % 7), torch.maximum(a, b) - torch.minimum(a, b)


@kernel("integer_bits", "ufuncs", _bits_t2, _bits_in)
def integer_bits(np, a):
    a = np.asarray(a)
    b = (a << 3) ^ (a >> 1)
    return (b & 0xFF) | (a % 7), np.maximum(a, b) - np.minimum(a, b)


def _ufunc_methods_t(x):
    return torch.cummax(x, 0).values, torch.outer(x, x[:4]), x.sum()


@kernel("ufunc_methods", "ufuncs", _ufunc_methods_t, lambda size: (_randn(_SIZES[size] + 3, seed=4),))
def ufunc_methods(np, x):
    x = np.asarray(x)
    return np.maximum.accumulate(x), np.multiply.outer(x, x[:4]), np.add.reduce(x)


# --- indexing and views --------------------------------------------------------------
def _stencil_t(u):
    u = u.clone()
    for _ in range(5):
        u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


@kernel("stencil_5pt", "indexing", _stencil_t, lambda size: (_rand(_SIZES[size], _SIZES[size] + 2),))
def stencil_5pt(np, u):
    u = np.asarray(u).copy()
    for _ in range(5):
        u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


def _maskset_t(x, idx):
    x = x.clone()
    x[x < 0] = 0
    y = x[idx]
    x[idx] = y * 2
    return x, y.sum(dim=0)


@kernel("mask_and_fancy_set", "indexing", _maskset_t,
        lambda size: (_randn(_SIZES[size], 3, seed=6), torch.tensor([0, 2, 1, 5][:3 + size])))
def mask_and_fancy_set(np, x, idx):
    x = np.asarray(x).copy()
    x[x < 0] = 0
    idx = np.asarray(idx)
    y = x[idx]
    x[idx] = y * 2
    return x, y.sum(axis=0)


def _reversed_t(a):
    a = a.clone()
    v = a.flip(0)
    v.mul_(10)
    t = a.flip(0).t()
    t[0] = 100.0
    return a, a.flip(1)[:, ::2] + 1


def _rev_ref_t(a):
    a = a.clone()
    a.mul_(10)
    a[:, -1] = 100.0  # transpose(a[::-1])[0] is the last column of a... reversed
    return a, a.flip(1)[:, ::2] + 1


@kernel("reversed_views", "indexing", _rev_ref_t, lambda size: (_randn(_SIZES[size], 6, seed=7),))
def reversed_views(np, a):
    a = np.asarray(a).copy()
    v = a[::-1]
    v *= 10
    t = np.transpose(a[::-1])
    t[-1] = 100.0
    w = np.flip(a, 1)
    return a, w[:, ::2] + 1


def _views_t(a):
    a = a.clone()
    r = a.reshape(2, -1).T
    r[0] = -1.0
    s = a.swapaxes(0, 1)[1:]
    s += 1
    d = torch.diagonal(a)
    return a, d.clone(), a.ravel()[::3]


@kernel("views_write_through", "indexing", _views_t, lambda size: (_randn(_SIZES[size] - size, 4, seed=8),))
def views_write_through(np, a):
    a = np.asarray(a).copy()
    r = a.reshape(2, -1).T
    r[0] = -1.0
    s = a.swapaxes(0, 1)[1:]
    s += 1
    d = np.diagonal(a)
    return a, d.copy(), a.ravel()[::3]


def _onehot_t(labels):
    k = 5
    e = torch.eye(k, dtype=torch.float64)[labels]
    return e, e.sum(dim=0)


@kernel("one_hot", "indexing", _onehot_t,
        lambda size: (torch.randint(0, 5, (_SIZES[size] * 2,), generator=_g(9)),))
def one_hot(np, labels):
    labels = np.asarray(labels)
    e = np.eye(5)[labels]
    return e, e.sum(axis=0)


def _maskget_t(x):
    return x[x > 0].sum(), torch.nonzero(x > 0.5).shape[0]


@kernel("mask_select", "indexing", _maskget_t, lambda size: (_randn(_SIZES[size] * 2, seed=10),),
        breaks=True)
def mask_select(np, x):
    x = np.asarray(x)
    return x[x > 0].sum(), np.count_nonzero(x > 0.5)


# --- statistics and reductions --------------------------------------------------------
def _kmeans_t(x, c):
    d = ((x[:, None, :] - c[None, :, :]) ** 2).sum(-1)
    labels = d.argmin(1)
    k = c.shape[0]
    counts = torch.bincount(labels, minlength=k)
    sums = torch.zeros_like(c).index_add_(0, labels, x)
    return sums / torch.clamp(counts, min=1)[:, None], labels


def _kmeans_in(size):
    return _randn(_SIZES[size] * 3, 2, seed=11), _randn(4, 2, seed=12)


@kernel("kmeans_step", "statistics", _kmeans_t, _kmeans_in)
def kmeans_step(np, x, c):
    x, c = np.asarray(x), np.asarray(c)
    d = ((x[:, None, :] - c[None, :, :]) ** 2).sum(-1)
    labels = d.argmin(1)
    k = c.shape[0]
    counts = np.bincount(labels, minlength=k)
    sums = np.zeros_like(c)
    np.add.at(sums, labels, x)
    return sums / np.maximum(counts, 1)[:, None], labels


def _reduce_t(x):
    return (x.sum(dim=0, keepdim=True, dtype=torch.float64) + x.mean(dim=1, keepdim=True),
            torch.std(x, correction=0), x.amax(dim=1), x.argmax(dim=0))


@kernel("reductions_keepdims_dtype", "statistics", _reduce_t,
        lambda size: (_randn(_SIZES[size], 5, seed=13, dtype=torch.float32),), rtol=1e-5, atol=1e-5)
def reductions_keepdims_dtype(np, x):
    x = np.asarray(x)
    return (x.sum(axis=0, keepdims=True, dtype=np.float64) + x.mean(axis=1, keepdims=True),
            np.std(x), np.max(x, axis=1), np.argmax(x, axis=0))


def _stats_t(x, w):
    avg = (x * w).sum(0) / w.sum(0)
    var = x.var(0, correction=1)
    xc = x - x.mean(0)
    cov = xc.T @ xc / (x.shape[0] - 1)
    d = torch.sqrt(torch.diagonal(cov))
    return avg, var, torch.clamp(cov / d[:, None] / d[None, :], -1, 1)


@kernel("weighted_stats", "statistics", _stats_t,
        lambda size: (_randn(_SIZES[size] * 2, 3, seed=14), _rand(_SIZES[size] * 2, 3, seed=15)))
def weighted_stats(np, x, w):
    x, w = np.asarray(x), np.asarray(w)
    avg = np.average(x, axis=0, weights=w)
    var = np.var(x, axis=0, ddof=1)
    return avg, var, np.corrcoef(x, rowvar=False)


def _median_t(x):
    return torch.quantile(x, torch.tensor([0.25, 0.5, 0.75], dtype=x.dtype), dim=0)


@kernel("quantiles", "statistics", _median_t, lambda size: (_randn(_SIZES[size] * 2 + 1, 3, seed=16),))
def quantiles(np, x):
    x = np.asarray(x)
    return np.quantile(x, [0.25, 0.5, 0.75], axis=0)


def _hist_t(x):
    return torch.histc(x, bins=10, min=-3.0, max=3.0)


@kernel("histogram_fixed_bins", "statistics", _hist_t, lambda size: (_randn(_SIZES[size] * 10, seed=17),))
def histogram_fixed_bins(np, x):
    x = np.asarray(x)
    counts, edges = np.histogram(x, bins=10, range=(-3.0, 3.0))
    return counts, edges


# --- math routines ---------------------------------------------------------------------
def _cumdiff_t(x):
    c = torch.cumsum(x, 0)
    d = torch.diff(c)
    return torch.clamp(torch.where(d > 0.5, d, -d), 0.1, 0.9), c[-1]


@kernel("cumsum_diff_clip", "mathroutines", _cumdiff_t, lambda size: (_rand(_SIZES[size] * 4, seed=18),))
def cumsum_diff_clip(np, x):
    x = np.asarray(x)
    c = np.cumsum(x)
    d = np.diff(c)
    return np.clip(np.where(d > 0.5, d, -d), 0.1, 0.9), c[-1]


def _einsum_t(a, b):
    return torch.einsum("ij,jk->ik", a, b), torch.einsum("ii->", a[:, :a.shape[0]])


@kernel("einsum", "mathroutines", _einsum_t,
        lambda size: (_randn(_SIZES[size], _SIZES[size] + 1, seed=19),
                      _randn(_SIZES[size] + 1, 3, seed=20)))
def einsum(np, a, b):
    a, b = np.asarray(a), np.asarray(b)
    return np.einsum("ij,jk->ik", a, b), np.einsum("ii->", a[:, :a.shape[0]])


def _integrate_t(y):
    x = torch.linspace(0.0, 1.0, y.shape[0], dtype=torch.float64)
    return torch.trapezoid(y, x), torch.gradient(y, spacing=(x,))[0]


@kernel("trapezoid_gradient", "mathroutines", _integrate_t, lambda size: (_rand(_SIZES[size] * 3, seed=21),))
def trapezoid_gradient(np, y):
    y = np.asarray(y)
    x = np.linspace(0.0, 1.0, y.shape[0])
    return np.trapezoid(y, x), np.gradient(y, x)


def _products_t(a, b):
    return torch.kron(a, b[:2, :2]), torch.tensordot(a, b, dims=([1], [0])), \
        torch.linalg.cross(a[:, :3], b.T[:, :3], dim=-1)


@kernel("products", "mathroutines", _products_t,
        lambda size: (_randn(3 + size, 4, seed=22), _randn(4, 3 + size, seed=23)))
def products(np, a, b):
    a, b = np.asarray(a), np.asarray(b)
    return np.kron(a, b[:2, :2]), np.tensordot(a, b, axes=([1], [0])), np.cross(a[:, :3], b.T[:, :3])


def _interp_t(x):
    xp = torch.linspace(0, 1, 11, dtype=torch.float64)
    fp = xp ** 2
    i = torch.clamp(torch.searchsorted(xp, x, right=True), 1, 10)
    x0, x1 = xp[i - 1], xp[i]
    return fp[i - 1] + (x - x0) * (fp[i] - fp[i - 1]) / (x1 - x0)


@kernel("interp", "mathroutines", _interp_t, lambda size: (_rand(_SIZES[size] * 3, seed=24),))
def interp(np, x):
    x = np.asarray(x)
    xp = np.linspace(0, 1, 11)
    return np.interp(x, xp, xp ** 2)


def _poly_t(x):
    c = torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=torch.float64)
    r = torch.zeros_like(x)
    for k in c:
        r = r * x + k
    return r


@kernel("polyval", "mathroutines", _poly_t, lambda size: (_randn(_SIZES[size] * 2, seed=25),))
def polyval(np, x):
    x = np.asarray(x)
    return np.polyval([1.0, -2.0, 0.5, 3.0], x)


# --- manipulation ---------------------------------------------------------------------------
def _life_t(g):
    n = sum(torch.roll(torch.roll(g, i, 0), j, 1) for i in (-1, 0, 1) for j in (-1, 0, 1)
            if (i, j) != (0, 0))
    return ((n == 3) | ((g == 1) & (n == 2))).to(torch.int64)


@kernel("game_of_life", "manipulation", _life_t,
        lambda size: (torch.randint(0, 2, (_SIZES[size], _SIZES[size] + 1), generator=_g(26)),))
def game_of_life(np, g):
    g = np.asarray(g)
    n = sum(np.roll(np.roll(g, i, 0), j, 1) for i in (-1, 0, 1) for j in (-1, 0, 1)
            if (i, j) != (0, 0))
    return ((n == 3) | ((g == 1) & (n == 2))).astype(np.int64)


def _reshape_t(a):
    b = torch.cat([a, a.flip(0)], 0)
    c = torch.stack([b, -b], -1)
    parts = torch.tensor_split(c.reshape(-1, 2).T, 2, dim=1)
    return torch.movedim(c, -1, 0), parts[0] + parts[1]


@kernel("join_split_reshape", "manipulation", _reshape_t, lambda size: (_randn(_SIZES[size], 3, seed=27),))
def join_split_reshape(np, a):
    a = np.asarray(a)
    b = np.concatenate([a, a[::-1]], axis=0)
    c = np.stack([b, -b], axis=-1)
    parts = np.array_split(c.reshape(-1, 2).T, 2, axis=1)
    return np.moveaxis(c, -1, 0), parts[0] + parts[1]


def _pad_t(a):
    return torch.nn.functional.pad(a, (1, 2, 2, 1)), torch.tile(a[:2], (2, 3))


@kernel("pad_tile", "manipulation", _pad_t, lambda size: (_randn(_SIZES[size], 4, seed=28),))
def pad_tile(np, a):
    a = np.asarray(a)
    return np.pad(a, ((2, 1), (1, 2))), np.tile(a[:2], (2, 3))


def _create_t(x):
    n = x.shape[0]
    g = torch.meshgrid(torch.arange(n, dtype=torch.float64), torch.linspace(0, 1, 5,
                       dtype=torch.float64), indexing="xy")
    return g[0] * g[1] + torch.eye(5, n, dtype=torch.float64) + torch.full((5, n), 2.0) + x


@kernel("creation", "manipulation", _create_t, lambda size: (_randn(_SIZES[size], seed=29),))
def creation(np, x):
    x = np.asarray(x)
    n = x.shape[0]
    gx, gy = np.meshgrid(np.arange(n, dtype=np.float64), np.linspace(0, 1, 5))
    return gx * gy + np.eye(5, n) + np.full((5, n), 2.0) + x


# --- sorting ---------------------------------------------------------------------------------
def _topk_t(x):
    s = torch.sort(x, dim=1).values
    idx = torch.argsort(x, dim=1, stable=True)[:, -3:]
    return s, torch.gather(x, 1, idx), torch.searchsorted(s[0].contiguous(), x[0].contiguous())


@kernel("sort_topk", "sorting", _topk_t, lambda size: (_randn(4 + size, _SIZES[size], seed=30),))
def sort_topk(np, x):
    x = np.asarray(x)
    s = np.sort(x, axis=1)
    idx = np.argsort(x, axis=1, kind="stable")[:, -3:]
    return s, np.take_along_axis(x, idx, axis=1), np.searchsorted(s[0], x[0])


def _unique_t(x):
    return torch.unique(x * 2 + 1) * 3


@kernel("unique", "sorting", _unique_t,
        lambda size: (torch.randint(0, 6, (_SIZES[size] * 2,), generator=_g(31)),), breaks=True)
def unique(np, x):
    x = np.asarray(x)
    return np.unique(x * 2 + 1) * 3


def _logic_t(x, y):
    return torch.isclose(x, y, rtol=1e-5, atol=1e-8).all(), torch.logical_xor(x > 0, y > 0), \
        torch.where(torch.isfinite(x / y), x / y, 0.0)


@kernel("logic", "sorting", _logic_t,
        lambda size: (_randn(_SIZES[size] * 2, seed=32), _randn(_SIZES[size] * 2, seed=33)))
def logic(np, x, y):
    x, y = np.asarray(x), np.asarray(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = x / y
    return np.isclose(x, y).all(), np.logical_xor(x > 0, y > 0), np.where(np.isfinite(q), q, 0.0)


# --- linalg and fft ---------------------------------------------------------------------------
def _pdist_t(x):
    return torch.linalg.vector_norm(x[:, None, :] - x[None, :, :], dim=-1)


@kernel("pairwise_distances", "linalg", _pdist_t, lambda size: (_randn(_SIZES[size], 3, seed=34),))
def pairwise_distances(np, x):
    x = np.asarray(x)
    return np.linalg.norm(x[:, None, :] - x[None, :, :], axis=-1)


def _lstsq_t(X, y):
    A = X.T @ X + 1e-3 * torch.eye(X.shape[1], dtype=X.dtype)
    w = torch.linalg.solve(A, X.T @ y)
    return w, torch.linalg.inv(A) @ A, torch.linalg.det(A)


@kernel("ridge_regression", "linalg", _lstsq_t,
        lambda size: (_randn(_SIZES[size] * 3, 4, seed=35), _randn(_SIZES[size] * 3, seed=36)),
        rtol=1e-8, atol=1e-9)
def ridge_regression(np, X, y):
    X, y = np.asarray(X), np.asarray(y)
    A = X.T @ X + 1e-3 * np.eye(X.shape[1])
    w = np.linalg.solve(A, X.T @ y)
    return w, np.linalg.inv(A) @ A, np.linalg.det(A)


def _power_t(a):
    m = a @ a.T
    v = torch.ones(m.shape[0], dtype=m.dtype)
    for _ in range(4):
        v = m @ v
        v = v / torch.linalg.vector_norm(v)
    return v, v @ m @ v


@kernel("power_iteration", "linalg", _power_t, lambda size: (_randn(_SIZES[size], 4, seed=37),),
        rtol=1e-9, atol=1e-9)
def power_iteration(np, a):
    a = np.asarray(a)
    m = a @ a.T
    v = np.ones(m.shape[0])
    for _ in range(4):
        v = m.dot(v)
        v = v / np.linalg.norm(v)
    return v, v @ m @ v


def _eigh_t(a):
    s = a @ a.T
    w, _ = torch.linalg.eigh(s)
    return w, torch.linalg.matrix_norm(s)


@kernel("symmetric_eigenvalues", "linalg", _eigh_t, lambda size: (_randn(4 + size, 4 + size, seed=38),),
        rtol=1e-8, atol=1e-9)
def symmetric_eigenvalues(np, a):
    a = np.asarray(a)
    s = a @ a.T
    return np.linalg.eigvalsh(s), np.linalg.norm(s)


def _fftconv_t(a, b):
    n = a.shape[0] + b.shape[0] - 1
    return torch.fft.irfft(torch.fft.rfft(a, n) * torch.fft.rfft(b, n), n)


@kernel("fft_convolution", "fft", _fftconv_t,
        lambda size: (_randn(_SIZES[size] * 2, seed=39), _randn(5, seed=40)))
def fft_convolution(np, a, b):
    a, b = np.asarray(a), np.asarray(b)
    n = a.shape[0] + b.shape[0] - 1
    return np.fft.irfft(np.fft.rfft(a, n) * np.fft.rfft(b, n), n)


def _spectrum_t(x):
    f = torch.fft.fftshift(torch.fft.fft2(x))
    return f.abs(), torch.fft.fftfreq(x.shape[0], d=0.1)


@kernel("fft2_spectrum", "fft", _spectrum_t, lambda size: (_randn(_SIZES[size], 6, seed=41),))
def fft2_spectrum(np, x):
    x = np.asarray(x)
    f = np.fft.fftshift(np.fft.fft2(x))
    return np.abs(f), np.fft.fftfreq(x.shape[0], d=0.1)


# --- programs with loops -------------------------------------------------------------------------
def _heat_t(u):
    u = u.clone()
    for _ in range(4):
        lap = torch.zeros_like(u)
        lap[1:-1] = u[:-2] - 2 * u[1:-1] + u[2:]
        u = u + 0.2 * lap
        u[0] = u[-1] = 0.0
    return u


@kernel("heat_equation", "programs", _heat_t, lambda size: (_rand(_SIZES[size] * 3, seed=42),))
def heat_equation(np, u):
    u = np.asarray(u).copy()
    for _ in range(4):
        lap = np.zeros_like(u)
        lap[1:-1] = u[:-2] - 2 * u[1:-1] + u[2:]
        u = u + 0.2 * lap
        u[0] = u[-1] = 0.0
    return u


def _nbody_t(pos, vel):
    for _ in range(3):
        d = pos[None, :, :] - pos[:, None, :]
        r2 = (d ** 2).sum(-1) + 0.01
        acc = (d / r2[..., None] ** 1.5).sum(1)
        vel = vel + 0.01 * acc
        pos = pos + 0.01 * vel
    return pos, 0.5 * (vel ** 2).sum()


@kernel("nbody", "programs", _nbody_t,
        lambda size: (_randn(_SIZES[size], 3, seed=43), _randn(_SIZES[size], 3, seed=44)))
def nbody(np, pos, vel):
    pos, vel = np.asarray(pos), np.asarray(vel)
    for _ in range(3):
        d = pos[np.newaxis, :, :] - pos[:, np.newaxis, :]
        r2 = np.sum(d ** 2, axis=-1) + 0.01
        acc = np.sum(d / r2[..., np.newaxis] ** 1.5, axis=1)
        vel = vel + 0.01 * acc
        pos = pos + 0.01 * vel
    return pos, 0.5 * np.sum(vel ** 2)


def _gd_t(X, y):
    w = torch.zeros(X.shape[1], dtype=X.dtype)
    for _ in range(6):
        p = 1 / (1 + torch.exp(-(X @ w)))
        w = w - 0.1 * X.T @ (p - y) / y.shape[0]
    return w


@kernel("logistic_regression", "programs", _gd_t,
        lambda size: (_randn(_SIZES[size] * 4, 3, seed=45),
                      (_rand(_SIZES[size] * 4, seed=46) > 0.5).to(torch.float64)))
def logistic_regression(np, X, y):
    X, y = np.asarray(X), np.asarray(y)
    w = np.zeros(X.shape[1])
    for _ in range(6):
        p = 1 / (1 + np.exp(-X.dot(w)))
        w -= 0.1 * X.T.dot(p - y) / y.shape[0]
    return w


# --- random ---------------------------------------------------------------------------------------
def _rng_t(x):
    # torch's default generator: a torch.Generator cannot be made inside a compiled region
    return x + torch.rand(x.shape, dtype=x.dtype)


@kernel("rng_inside", "random", _rng_t, lambda size: (_randn(_SIZES[size], seed=47),), needs=("rng",))
def rng_inside(np, x):
    x = np.asarray(x)
    g = np.random.default_rng(0)
    return x + g.random(x.shape)


@kernel("rng_outside", "random", _rng_t, lambda size: (_randn(_SIZES[size], seed=48),),
        needs=("rng", "rng-outside"))
def rng_outside(np, x, rng=None):
    x = np.asarray(x)
    return x + rng.standard_normal(x.shape) * 0.1 + rng.integers(0, 10, x.shape)
