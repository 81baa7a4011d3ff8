"""Histograms: histogram, histogram2d, histogramdd, histogram_bin_edges, bincount, digitize.

Torch-only, mirroring numpy/lib/_histograms_impl.py. The number of bins and
the outer edges depend on the data (NumPy returns arrays whose length depends
on values), so those few scalars are read back to the host; counting itself is
a vectorized searchsorted + scatter_add on the device.
"""
from __future__ import annotations

import math
import operator
import warnings

import torch

from torchnp._dtypes import _BY_TORCH, promote_torch
from torchnp._normalize import ArrayLike, ArrayOrScalar, as_tensor
from torchnp._normalize import check_data

from ._common import kind, widen_ordered

__all__ = ["histogram", "histogram2d", "histogramdd", "histogram_bin_edges", "bincount", "digitize"]

_range = range


# --- helpers -----------------------------------------------------------------------
def _searchable(t):
    """A tensor torch.searchsorted accepts (no uint16/32/64 or bool kernels)."""
    if t.dtype == torch.uint64:
        return t.to(torch.float64)
    if t.dtype in (torch.uint16, torch.uint32, torch.bool):
        return t.to(torch.int64)
    return t


def _common_search(edges, values):
    e, v = _searchable(edges), _searchable(values)
    dt = promote_torch(e.dtype, v.dtype)
    return e.to(dt).contiguous(), v.to(dt).contiguous()


def _linspace(start, stop, num, dtype, device):
    """numpy.linspace(start, stop, num, endpoint=True) for Python scalars, bit for bit."""
    div = num - 1
    y = torch.arange(0, num, dtype=dtype, device=device)
    delta = torch.tensor(stop, dtype=dtype) - torch.tensor(start, dtype=dtype)
    if div > 0:
        step = delta / div
        if bool(step == 0):
            y = y / div * delta.to(device)
        else:
            y = y * step.to(device)
    else:
        y = y * delta.to(device)
    y = y + torch.tensor(start, dtype=dtype).to(device)
    if num > 1:
        y[-1] = torch.tensor(stop, dtype=dtype)
    return y


def _py(t):
    """A 0-d tensor's value as a Python number."""
    return t.item()


def _no_complex(t, name="histogram"):
    if t.is_complex():
        raise NotImplementedError(
            f"torchnp.{name}: complex data is not supported (NumPy orders complex samples "
            "lexicographically and drops the imaginary part of their bin index)")


def _ravel_and_check_weights(a, weights):
    _no_complex(a)
    if a.dtype == torch.bool:
        warnings.warn("Converting input from bool to <class 'numpy.uint8'> for compatibility.",
                      RuntimeWarning, stacklevel=4)
        a = a.to(torch.uint8)
    if weights is not None:
        if tuple(weights.shape) != tuple(a.shape):
            raise ValueError("weights should have the same shape as a.")
        weights = weights.reshape(-1)
    return a.reshape(-1), weights


def _edge(v):
    """One end of ``range=`` as a Python number (NumPy compares the two ends)."""
    if isinstance(v, (int, float)):
        return v
    t = as_tensor(v)
    if t.numel() != 1:
        raise ValueError("The truth value of an array with more than one element is ambiguous. "
                         "Use a.any() or a.all()")
    if t.is_complex():
        raise TypeError("'>' not supported for complex numbers")
    return _py(t.reshape(()))


def _get_outer_edges(a, range):
    if range is not None:
        first_edge, last_edge = range
        first_edge = _edge(first_edge)
        last_edge = _edge(last_edge)
        if first_edge > last_edge:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(first_edge) and math.isfinite(last_edge)):
            raise ValueError(f"supplied range of [{first_edge}, {last_edge}] is not finite")
    elif a.numel() == 0:
        first_edge, last_edge = 0, 1
    else:
        w = widen_ordered(a)
        first_edge, last_edge = _py(w.min()), _py(w.max())
        if a.dtype == torch.uint64:
            first_edge, last_edge = first_edge % 2**64 ^ 2**63, last_edge % 2**64 ^ 2**63
        if isinstance(first_edge, float) and not (math.isfinite(first_edge) and math.isfinite(last_edge)):
            raise ValueError(f"autodetected range of [{first_edge}, {last_edge}] is not finite")
    if first_edge == last_edge:
        first_edge = first_edge - 0.5
        last_edge = last_edge + 0.5
    return first_edge, last_edge


def _float_of(a):
    return a.to(a.dtype if a.dtype.is_floating_point else torch.float64)


def _ptp(x):
    w = widen_ordered(x)
    hi, lo = _py(w.max()), _py(w.min())
    if x.dtype == torch.uint64:
        hi, lo = hi % 2**64 ^ 2**63, lo % 2**64 ^ 2**63
    return hi - lo


def _bin_sqrt(x, range):
    return _ptp(x) / math.sqrt(x.numel())


def _bin_sturges(x, range):
    return _ptp(x) / (math.log2(x.numel()) + 1.0)


def _bin_rice(x, range):
    return _ptp(x) / (2.0 * x.numel() ** (1.0 / 3))


def _bin_scott(x, range):
    return (24.0 * math.pi ** 0.5 / x.numel()) ** (1.0 / 3.0) * _py(torch.std(_float_of(x), correction=0))


def _bin_stone(x, range):
    n = x.numel()
    ptp_x = _ptp(x)
    if n <= 1 or ptp_x == 0:
        return 0

    def jhat(nbins):
        hh = ptp_x / nbins
        edges, uniform = _get_bin_edges(x, nbins, range, None)
        p_k = _count(x, None, edges, uniform).to(torch.float64) / n
        return (2 - (n + 1) * _py(p_k.dot(p_k))) / hh

    upper = max(100, int(math.sqrt(n)))
    nbins = min(_range(1, upper + 1), key=jhat)
    if nbins == upper:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning, stacklevel=4)
    return ptp_x / nbins


def _bin_doane(x, range):
    n = x.numel()
    if n > 2:
        sg1 = math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
        xf = _float_of(x)
        sigma = _py(torch.std(xf, correction=0))
        if sigma > 0.0:
            g1 = _py((((xf - xf.mean()) / sigma) ** 3).mean())
            return _ptp(x) / (1.0 + math.log2(n) + math.log2(1.0 + abs(g1) / sg1))
    return 0.0


def _bin_fd(x, range):
    from ._order_impl import _quantile
    xf = x if x.dtype.is_floating_point else x
    q = torch.tensor([0.75, 0.25], dtype=torch.float64, device=x.device)
    p = _quantile(xf, q, False, None, "linear", None, False, False)
    iqr = _py(p[0] - p[1])
    return 2.0 * iqr * x.numel() ** (-1.0 / 3.0)


def _bin_auto(x, range):
    fd_bw = _bin_fd(x, range)
    sturges_bw = _bin_sturges(x, range)
    sqrt_bw = _bin_sqrt(x, range)
    return min(max(fd_bw, sqrt_bw / 2), sturges_bw)


_BIN_SELECTORS = {"stone": _bin_stone, "auto": _bin_auto, "doane": _bin_doane, "fd": _bin_fd,
                  "rice": _bin_rice, "scott": _bin_scott, "sqrt": _bin_sqrt, "sturges": _bin_sturges}


def _bins_ndim(bins):
    if isinstance(bins, (str, bytes)):
        return -1
    if isinstance(bins, torch.Tensor):
        return bins.ndim
    if hasattr(bins, "tensor"):
        return bins.tensor.ndim
    if isinstance(bins, (list, tuple)):
        return as_tensor(bins).ndim if len(bins) else 1
    return 0


def _bins_tensor(bins):
    if isinstance(bins, torch.Tensor):
        return bins
    if hasattr(bins, "tensor"):
        return bins.tensor
    return as_tensor(bins)


def _bin_type(a):
    return a.dtype if a.dtype.is_floating_point else torch.float64


def _get_bin_edges(a, bins, range, weights):
    n_equal_bins = None
    bin_edges = None
    if isinstance(bins, str):
        if bins not in _BIN_SELECTORS:
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported for weighted data")
        first_edge, last_edge = _get_outer_edges(a, range)
        if range is not None:
            af = a if a.dtype.is_floating_point else a.to(torch.float64)  # no uint wraparound of -1
            keep = (af >= first_edge) & (af <= last_edge)
            if not bool(keep.all()):
                a = a[keep]
        if a.numel() == 0:
            n_equal_bins = 1
        else:
            width = _BIN_SELECTORS[bins](a, (first_edge, last_edge))
            if width:
                if kind(a.dtype) in "iu" and width < 1:
                    width = 1
                n_equal_bins = int(math.ceil((last_edge - first_edge) / width))
            else:
                n_equal_bins = 1
    else:
        nd = _bins_ndim(bins)
        if nd == 0:
            try:
                n_equal_bins = operator.index(bins)
            except TypeError as e:
                raise TypeError("`bins` must be an integer, a string, or an array") from e
            if n_equal_bins < 1:
                raise ValueError("`bins` must be positive, when an integer")
            first_edge, last_edge = _get_outer_edges(a, range)
        elif nd == 1:
            bin_edges = _bins_tensor(bins).to(a.device)
            be = widen_ordered(bin_edges)
            if bin_edges.numel() > 1:
                check_data(~(be[:-1] > be[1:]).any(), ValueError,
                           "`bins` must increase monotonically, when an array")
        else:
            raise ValueError("`bins` must be 1d, when an array")
    if n_equal_bins is not None:
        bin_type = _bin_type(a)
        bin_edges = _linspace(first_edge, last_edge, n_equal_bins + 1, bin_type, a.device)
        check_data(~(bin_edges[:-1] >= bin_edges[1:]).any(), ValueError,
                   f"Too many bins for data range. Cannot create {n_equal_bins} finite-sized bins.")
        return bin_edges, (first_edge, last_edge, n_equal_bins)
    return bin_edges, None


def _acc_dtype(dt):
    k = kind(dt)
    if k in "biu":
        return torch.int64
    if k == "f":
        return torch.float64
    return torch.complex128


def _count(a, weights, edges, uniform):
    """Histogram counts of ``a`` (1-d) over ``edges`` (half-open bins, last one closed)."""
    nb = edges.numel() - 1
    e, v = _common_search(edges, a)
    idx = torch.searchsorted(e, v, right=True) - 1
    keep = (v >= e[0]) & (v <= e[-1]) if nb >= 0 and e.numel() else torch.zeros_like(v, dtype=torch.bool)
    idx = torch.clamp(idx, 0, builtins_max(nb - 1, 0))
    ntype = torch.int64 if weights is None else weights.dtype
    acc = _acc_dtype(ntype)
    w = keep.to(acc) if weights is None else torch.where(keep, weights.to(acc), torch.zeros((), dtype=acc, device=a.device))
    hist = torch.zeros(builtins_max(nb, 0), dtype=acc, device=a.device)
    if nb > 0:
        hist.scatter_add_(0, idx, w)
    return hist.to(ntype)


builtins_max = max
range_ = range


def histogram_bin_edges(a: ArrayLike, bins=10, range=None, weights: ArrayLike | None = None) -> torch.Tensor:
    """Bin edges that ``histogram`` would use. Mirrors ``numpy.histogram_bin_edges``."""
    a, weights = _ravel_and_check_weights(a, weights)
    return _get_bin_edges(a, bins, range, weights)[0]


def histogram(a: ArrayLike, bins=10, range=None, density=None,
              weights: ArrayLike | None = None) -> tuple:
    """Histogram of a data set (every string ``bins`` rule). Mirrors ``numpy.histogram``."""
    a, weights = _ravel_and_check_weights(a, weights)
    edges, uniform = _get_bin_edges(a, bins, range, weights)
    n = _count(a, weights, edges, uniform)
    if density:
        db = torch.diff(edges.to(torch.float64))
        return n / db / n.sum(), edges
    return n, edges


def histogramdd(sample, bins=10, range=None, density=None, weights: ArrayLike | None = None) -> tuple:
    """Multidimensional histogram. Mirrors ``numpy.histogramdd``."""
    t = getattr(sample, "tensor", sample)
    if not (isinstance(t, torch.Tensor) and t.ndim == 2):
        # NumPy: a sequence of 1-D samples (or anything not 2-d) is atleast_2d(sample).T
        t = t if isinstance(t, torch.Tensor) else as_tensor(sample)
        t = t.reshape(1, 1) if t.ndim == 0 else t.reshape(1, -1) if t.ndim == 1 else t
        t = t.permute(*range_(t.ndim - 1, -1, -1))
        if t.ndim != 2:
            raise ValueError("too many values to unpack (expected 2)")
    sample = t
    _no_complex(sample, "histogramdd")
    N, D = sample.shape
    if sample.dtype == torch.bool:
        sample = sample.to(torch.uint8)
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the sample x.")
    except TypeError:
        bins = D * [bins]
    if range is None:
        range = (None,) * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    edges = []
    nbin = []
    for i in _range(D):
        b = bins[i]
        nd = _bins_ndim(b)
        col = sample[:, i]
        if nd == 0:
            if b < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            smin, smax = _get_outer_edges(col, range[i])
            try:
                n = operator.index(b)
            except TypeError as e:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from e
            dt = _bin_type(col) if range[i] is None else torch.float64
            if isinstance(smin, float) and range[i] is None and not col.dtype.is_floating_point:
                dt = torch.float64
            edges.append(_linspace(smin, smax, n + 1, dt, sample.device))
        elif nd == 1:
            e = _bins_tensor(b).to(sample.device)
            we = widen_ordered(e)
            if e.numel() > 1 and bool((we[:-1] > we[1:]).any()):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
            edges.append(e)
        else:
            raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
        nbin.append(edges[i].numel() + 1)
    flat = torch.zeros(N, dtype=torch.int64, device=sample.device)
    for i in _range(D):
        e, v = _common_search(edges[i], sample[:, i])
        cnt = torch.searchsorted(e, v, right=True)
        cnt = cnt - (v == e[-1]).to(torch.int64)
        flat = flat * nbin[i] + cnt
    total = 1
    for nb in nbin:
        total *= nb
    acc = torch.float64
    if weights is not None:
        if weights.is_complex():
            raise TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') "
                            "according to the rule 'safe'")
        w = weights.reshape(-1).to(acc)
        if w.numel() != N:
            raise ValueError("The weights and list don't have the same length.")
    else:
        w = torch.ones(N, dtype=acc, device=sample.device)
    hist = torch.zeros(total, dtype=acc, device=sample.device).scatter_add_(0, flat, w)
    hist = hist.reshape(nbin)
    hist = hist[(slice(1, -1),) * D]
    if density:
        s = hist.sum()
        for i in _range(D):
            shape = [1] * D
            shape[i] = nbin[i] - 2
            hist = hist / torch.diff(edges[i]).to(acc).reshape(shape)
        hist = hist / s
    return hist, edges


def histogram2d(x: ArrayLike, y: ArrayLike, bins=10, range=None, density=None,
                weights: ArrayLike | None = None) -> tuple:
    """Bi-dimensional histogram. Mirrors ``numpy.histogram2d``."""
    try:
        N = len(bins)
    except TypeError:
        N = 1
    if N != 1 and N != 2:
        xedges = yedges = _bins_tensor(bins)
        bins = [xedges, yedges]
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-d arrays of the same length")
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


def bincount(x: ArrayLike, /, weights: ArrayLike | None = None, minlength=0) -> torch.Tensor:
    """Counts of each non-negative integer value. Mirrors ``numpy.bincount``."""
    if x.ndim == 1 and x.numel() == 0 and x.dtype == torch.float64:
        x = x.to(torch.int64)  # NumPy special-cases an empty list
    k = kind(x.dtype)
    if k not in "biu":
        raise TypeError(f"Cannot cast array data from dtype('{_BY_TORCH[x.dtype].name}') to "
                        "dtype('int64') according to the rule 'safe'")
    if x.ndim != 1:
        raise ValueError("object too deep for desired array" if x.ndim > 1 else
                         "object of too small depth for desired array")
    if minlength is None:
        raise TypeError("'NoneType' object cannot be interpreted as an integer")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    xi = x.to(torch.int64)
    if weights is not None:
        if weights.is_complex():
            raise TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') "
                            "according to the rule 'safe'")
        if weights.shape != x.shape:
            raise ValueError("The weights and list don't have the same length.")
    if torch.compiler.is_compiling() and minlength > 0:
        # The length is max(x) + 1 or minlength: data. Traced, it is minlength, and a
        # runtime check refuses data that would make it longer (docs/ARCHITECTURE.md).
        torch._assert_async(((xi >= 0) & (xi < minlength)).all(),
                            "torchnp.bincount under torch.compile: every value must be in "
                            "[0, minlength) (the output length may not depend on the data)")
        w = torch.ones_like(xi) if weights is None else weights.to(torch.float64)
        return torch.zeros(minlength, dtype=w.dtype, device=xi.device).index_add_(0, xi, w)
    if xi.numel() and bool((xi < 0).any()):
        raise ValueError("'list' argument must have no negative elements")
    if weights is not None:
        return torch.bincount(xi, weights=weights.to(torch.float64), minlength=minlength)
    return torch.bincount(xi, minlength=minlength)


def digitize(x: ArrayLike, bins: ArrayLike, right=False) -> ArrayOrScalar:
    """Indices of the bins to which each value belongs. Mirrors ``numpy.digitize``."""
    if x.is_complex():
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object too deep for desired array" if bins.ndim > 1 else
                         "object of too small depth for desired array")
    b = widen_ordered(bins) if bins.dtype != torch.bool else bins.to(torch.int64)
    if b.numel() > 1:
        d_inc = bool((b[:-1] <= b[1:]).all())
        mono = 1 if d_inc else (-1 if bool((b[:-1] >= b[1:]).all()) else 0)
        if mono == 0:
            raise ValueError("bins must be monotonically increasing or decreasing")
    else:
        mono = 1
    if mono == -1:
        e, v = _common_search(bins.flip(0), x)
        return bins.numel() - torch.searchsorted(e, v, right=not right)
    e, v = _common_search(bins, x)
    return torch.searchsorted(e, v, right=not right)
