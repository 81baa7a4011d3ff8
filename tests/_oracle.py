"""The differential-testing oracle: run the same call through NumPy and torchnp.

``check(fn_name, *args, **kwargs)`` calls ``numpy.<fn>`` and ``torchnp.<fn>`` with
the same arguments (NumPy arrays are converted to torchnp arrays for torchnp)
and compares: exception class if NumPy raises; otherwise result structure,
scalar-vs-array, dtype, shape and values (per-dtype tolerance, NaNs equal).
"""
from __future__ import annotations

import numpy as np
import torch

import torchnp as tnp

TOL = {
    np.dtype("float16"): (1e-3, 1e-3),
    np.dtype("float32"): (1e-5, 1e-6),
    np.dtype("complex64"): (1e-5, 1e-6),
    np.dtype("float64"): (1e-12, 1e-14),
    np.dtype("complex128"): (1e-12, 1e-14),
}


def to_tnp(x):
    """NumPy inputs -> torchnp inputs (recursively through lists/tuples/dicts)."""
    if isinstance(x, np.ndarray):
        return tnp.asarray(torch.from_numpy(x.copy()) if x.dtype.kind != "b" or True else x)
    if isinstance(x, np.generic):
        return tnp.dtype(x.dtype).type(x.item())
    if isinstance(x, tuple):
        return tuple(to_tnp(v) for v in x)
    if isinstance(x, list):
        return [to_tnp(v) for v in x]
    if isinstance(x, dict):
        return {k: to_tnp(v) for k, v in x.items()}
    if isinstance(x, np.dtype):
        return tnp.dtype(x.name)
    if isinstance(x, type) and issubclass(x, np.generic):
        return getattr(tnp, x.__name__)
    return x


def to_np(x):
    """torchnp result -> NumPy (keeping scalar-ness)."""
    if isinstance(x, tnp.ndarray):
        return np.asarray(x.tensor.detach().cpu().resolve_conj().resolve_neg().numpy())
    if isinstance(x, tnp.generic):
        return np.dtype(x.dtype.name).type(x.item())
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return x


def assert_same(got, expected, rtol=None, atol=None, check_dtype=True, check_scalar=True, path="result"):
    """Compare a torchnp result with a NumPy result."""
    if isinstance(expected, tuple):
        assert isinstance(got, tuple), f"{path}: expected a tuple, got {type(got).__name__}"
        assert len(got) == len(expected), f"{path}: length {len(got)} != {len(expected)}"
        for i, (g, e) in enumerate(zip(got, expected)):
            assert_same(g, e, rtol, atol, check_dtype, check_scalar, f"{path}[{i}]")
        return
    if isinstance(expected, list) and not isinstance(got, (tnp.ndarray, np.ndarray)):
        assert isinstance(got, list), f"{path}: expected a list, got {type(got).__name__}"
        assert len(got) == len(expected)
        for i, (g, e) in enumerate(zip(got, expected)):
            assert_same(g, e, rtol, atol, check_dtype, check_scalar, f"{path}[{i}]")
        return
    if isinstance(expected, np.ndarray):
        assert isinstance(got, tnp.ndarray), f"{path}: expected an ndarray, got {type(got).__name__}"
    elif isinstance(expected, np.generic) and check_scalar:
        assert isinstance(got, tnp.generic), f"{path}: expected a scalar {type(expected).__name__}, got {type(got).__name__}"
        assert type(got).__name__ == type(expected).__name__, f"{path}: scalar type {type(got).__name__} != {type(expected).__name__}"
    elif isinstance(expected, (bool, int, float, complex)) and not isinstance(expected, np.generic):
        assert type(got) is type(expected), f"{path}: {type(got).__name__} != {type(expected).__name__}"
        e = np.asarray(expected)
        g = np.asarray(got)
        np.testing.assert_allclose(g, e, rtol=rtol or 1e-12, atol=atol or 0, equal_nan=True)
        return
    g = to_np(got)
    e = np.asarray(expected)
    g = np.asarray(g)
    if check_dtype:
        assert g.dtype == e.dtype, f"{path}: dtype {g.dtype} != {e.dtype}"
    assert g.shape == e.shape, f"{path}: shape {g.shape} != {e.shape}"
    if e.dtype.kind in "fc":
        r, a = TOL.get(e.dtype, (1e-12, 0))
        r = rtol if rtol is not None else r
        a = atol if atol is not None else a
        if e.dtype.kind == "c" and g.dtype.kind == "c":
            # NumPy counts a complex value as NaN when either part is: compare the parts
            # separately so that inf+nanj and nan+nanj are told apart
            np.testing.assert_allclose(g.real, e.real, rtol=r, atol=a, equal_nan=True,
                                       err_msg=path + " (real part)")
            np.testing.assert_allclose(g.imag, e.imag, rtol=r, atol=a, equal_nan=True,
                                       err_msg=path + " (imaginary part)")
        else:
            np.testing.assert_allclose(g, e, rtol=r, atol=a, equal_nan=True, err_msg=path)
    else:
        np.testing.assert_array_equal(g, e, err_msg=path)


def _torchnp_exception_class(cls):
    """NumPy's exception class -> the class torchnp must raise (AxisError etc. have torchnp twins)."""
    for c in cls.__mro__:
        if not c.__module__.startswith("numpy"):
            return c
        if hasattr(tnp.exceptions, c.__name__):
            return getattr(tnp.exceptions, c.__name__)
    return cls


def check(fn, *args, rtol=None, atol=None, check_dtype=True, check_scalar=True, module="", **kwargs):
    """Run ``fn`` through NumPy and torchnp and compare (see the module docstring)."""
    npmod = np
    tmod = tnp
    for part in filter(None, module.split(".")):
        npmod = getattr(npmod, part)
        tmod = getattr(tmod, part)
    np_fn = getattr(npmod, fn) if isinstance(fn, str) else fn[0]
    t_fn = getattr(tmod, fn) if isinstance(fn, str) else fn[1]
    try:
        expected = np_fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001
        import pytest
        with pytest.raises(_torchnp_exception_class(type(exc))):
            t_fn(*to_tnp(list(args)), **to_tnp(kwargs))
        return exc
    got = t_fn(*to_tnp(list(args)), **to_tnp(kwargs))
    assert_same(got, expected, rtol, atol, check_dtype, check_scalar)
    return got
