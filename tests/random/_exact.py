"""Helpers for the bit-for-bit tests: call NumPy and torchnp the same way, compare.

``check(np_obj, t_obj, method, args, kwargs)`` calls ``method`` on both objects
(NumPy arrays and dtypes in the arguments become torchnp's on the torchnp
side), requires the results to be identical (type of scalar, dtype, shape,
every bit of every value; NaNs equal) and then requires the next draw of both
to be identical too (the stream position after the call matches).
"""
import contextlib

import numpy as np
import torch

import torchnp as tnp
from torchnp_random import _native


def to_tnp(x):
    if isinstance(x, np.ndarray):
        return tnp.asarray(x)
    if isinstance(x, (list, tuple)) and any(isinstance(v, np.ndarray) for v in x):
        return type(x)(to_tnp(v) for v in x)
    return x


def kw_to_tnp(kw):
    out = {}
    for k, v in kw.items():
        if k == "dtype" and v is not None and v is not bool and v is not int and v is not float:
            v = getattr(tnp, np.dtype(v).name)
        out[k] = to_tnp(v)
    return out


def to_np(x):
    if isinstance(x, tnp.ndarray):
        return x.tensor.detach().cpu().numpy()
    if isinstance(x, tnp.generic):
        return np.dtype(x.dtype.name).type(x.item())
    if isinstance(x, tuple):
        return tuple(to_np(v) for v in x)
    return x


def assert_same(got, exp, what=""):
    """Identical results: Python scalars of the same type, or arrays/NumPy scalars of the same
    dtype and shape with the same bits."""
    got = to_np(got)
    if isinstance(exp, (bytes, bool, int, float)) and not isinstance(exp, np.generic):
        assert type(got) is type(exp), f"{what}: {type(got)} vs {type(exp)}"
        if isinstance(exp, float):
            assert np.float64(got).tobytes() == np.float64(exp).tobytes(), f"{what}: {got} vs {exp}"
        else:
            assert got == exp, f"{what}: {got} vs {exp}"
        return
    g, e = np.asarray(got), np.asarray(exp)
    assert g.dtype == e.dtype, f"{what}: dtype {g.dtype} vs {e.dtype}"
    assert g.shape == e.shape, f"{what}: shape {g.shape} vs {e.shape}"
    assert isinstance(got, np.ndarray) == isinstance(exp, np.ndarray), \
        f"{what}: {type(got)} vs {type(exp)}"
    if e.dtype.kind == "f":
        same = (g.view(f"u{e.itemsize}") == e.view(f"u{e.itemsize}")) | (np.isnan(g) & np.isnan(e))
        bad = np.flatnonzero(~same.reshape(-1))
        assert bad.size == 0, (f"{what}: {bad.size} of {e.size} differ, first at {bad[0]}: "
                               f"{g.reshape(-1)[bad[0]]!r} vs {e.reshape(-1)[bad[0]]!r}")
    else:
        assert np.array_equal(g, e), f"{what}: values differ"


def next_draw(obj):
    return obj.random(3) if hasattr(obj, "integers") else obj.random_sample(3)


def check(np_obj, t_obj, method, args=(), kwargs=None, rtol=None):
    kwargs = kwargs or {}
    exp = getattr(np_obj, method)(*args, **kwargs)
    got = getattr(t_obj, method)(*[to_tnp(a) for a in args], **kw_to_tnp(kwargs))
    if rtol is None:
        assert_same(got, exp, method)
    else:
        g = to_np(got)
        assert g.dtype == exp.dtype and g.shape == exp.shape
        np.testing.assert_allclose(g, exp, rtol=rtol, atol=rtol)
    assert_same(next_draw(t_obj), next_draw(np_obj), f"{method}: the draw after it")


@contextlib.contextmanager
def tensor_path():
    """Run without the CPU kernels: every draw takes the tensor path (and its host stream for
    small draws), as on a machine without a C compiler."""
    k = _native.KERNELS
    lib, tried = k.lib, k.tried
    k.lib, k.tried = None, True
    try:
        yield
    finally:
        k.lib, k.tried = lib, tried


@contextlib.contextmanager
def path(name):
    if name == "tensor":
        with tensor_path():
            yield
    else:
        assert _native.lib() is not None, "the CPU kernels must build on the test machines"
        yield


def device_generator(seed, device, legacy=False):
    cls = tnp.random.RandomState if legacy else tnp.random.Generator
    if legacy:
        return cls(seed, device=device)
    return tnp.random.default_rng(seed, device=device)


__all__ = ["to_tnp", "kw_to_tnp", "to_np", "assert_same", "check", "next_draw", "tensor_path",
           "path", "device_generator", "torch"]
