"""numpy.testing's assertions on torch: torchnp arrays, NumPy arrays, tensors, scalars.

A port of NumPy's ``numpy/testing/_private/utils.py`` logic (BSD-3-Clause) with
its message layout (header, ``Mismatched elements``, ``Max absolute/relative
difference among violations``, ``ACTUAL``/``DESIRED`` reprs). NumPy arrays come
in through ``torch.as_tensor`` (their ``__array_interface__``); numpy itself is
never imported. Arrays are shown with torchnp's NumPy-identical repr.
"""
from __future__ import annotations

import builtins
import contextlib
import difflib
import gc
import operator
import os
import re
import shutil
import sys
import tempfile
import unittest
import warnings
from functools import partial

import torch

from torchnp import _dtypes
from torchnp._normalize import as_tensor, wrap, wrap_scalar

__all__ = [
    "assert_", "assert_equal", "assert_almost_equal", "assert_approx_equal",
    "assert_array_equal", "assert_array_less", "assert_string_equal",
    "assert_array_almost_equal", "assert_raises", "build_err_msg", "print_assert_equal",
    "assert_array_almost_equal_nulp", "assert_raises_regex", "assert_array_max_ulp",
    "assert_warns", "assert_no_warnings", "assert_allclose", "assert_array_compare",
    "assert_no_gc_cycles", "break_cycles", "decorate_methods", "temppath", "tempdir",
    "jiffies", "memusage", "measure", "rundocs", "runstring", "run_threaded",
    "check_support_sve",
]

verbose = 0
IS_PYPY = sys.implementation.name == "pypy"
IS_PYSTON = hasattr(sys, "pyston_version_info")
IS_WASM = sys.platform in ("emscripten", "wasi")
IS_MUSL = False
IS_64BIT = sys.maxsize > 2**32
IS_EDITABLE = False
IS_INSTALLED = True
HAS_REFCOUNT = getattr(sys, "getrefcount", None) is not None and not IS_PYPY
HAS_LAPACK64 = False
NOGIL_BUILD = bool(getattr(sys, "_is_gil_enabled", lambda: True)() is False)
BLAS_SUPPORTS_FPE = True
NUMPY_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(_dtypes.__file__)))
TestCase = unittest.TestCase
SkipTest = unittest.SkipTest


class KnownFailureException(Exception):
    """Raise this exception to mark a test as a known failing test."""


class IgnoreException(Exception):
    """Ignoring this exception due to disabled feature."""


# --- conversions -------------------------------------------------------------
def _nd_class():
    return type(wrap(torch.empty(0)))


def _is_array(x):
    """torchnp ndarray, torch.Tensor or a NumPy ndarray (not scalars)."""
    if isinstance(x, torch.Tensor) or isinstance(x, _nd_class()):
        return True
    return type(x).__name__ == "ndarray" and hasattr(x, "__array_interface__")


def _is_np_scalar(x):
    return isinstance(x, _dtypes.generic) or (
        hasattr(x, "__array_interface__") and type(x).__module__ == "numpy"
        and type(x).__name__ != "ndarray")


def _tensor(x):
    """Any input -> a CPU tensor (torch.as_tensor takes NumPy arrays without importing numpy)."""
    if isinstance(x, _dtypes.generic):
        t = x.tensor
    elif type(x).__name__ in ("ndarray", "matrix") and not isinstance(x, _nd_class()) \
            and hasattr(x, "__array_interface__"):
        kind = getattr(getattr(x, "dtype", None), "kind", "")
        if kind in "OUSVMm" and kind:
            raise NotImplementedError(f"torchnp.testing: NumPy arrays of dtype {x.dtype} are not supported")
        t = torch.as_tensor(x)
    elif hasattr(x, "__array_interface__") and type(x).__module__ == "numpy":
        t = torch.as_tensor(x.item() if not hasattr(x, "dtype") else x)
        try:
            t = t.to(_dtypes.to_torch_dtype(x.dtype.name))
        except Exception:  # noqa: BLE001
            pass
    else:
        t = as_tensor(x)
    t = t.detach()
    if t.device.type != "cpu":
        t = t.cpu()
    return t.resolve_conj().resolve_neg()


def _show(t):
    return wrap(t)


def _repr(a, precision=None):
    if isinstance(a, torch.Tensor):
        a = wrap(a)
    if isinstance(a, _nd_class()) and precision is not None:
        try:
            from torchnp import _printing
            return _printing.array_repr(a, precision=precision)
        except TypeError:
            return repr(a)
    return repr(a)


def _array2string(t):
    try:
        from torchnp import _printing
        return _printing.array2string(wrap(t))
    except (ImportError, AttributeError):
        return str(wrap(t))


# --- messages ----------------------------------------------------------------
def build_err_msg(arrays, err_msg, header="Items are not equal:", verbose=True,
                  names=("ACTUAL", "DESIRED"), precision=8):
    """Format an assertion message as numpy.testing does."""
    msg = ["\n" + header]
    err_msg = str(err_msg)
    if err_msg:
        if err_msg.find("\n") == -1 and len(err_msg) < 79 - len(header):
            msg = [msg[0] + " " + err_msg]
        else:
            msg.append(err_msg)
    if verbose:
        for i, a in enumerate(arrays):
            try:
                r = _repr(a, precision) if (isinstance(a, torch.Tensor) or
                                            isinstance(a, _nd_class())) else repr(a)
            except Exception as exc:  # noqa: BLE001
                r = f"[repr failed for <{type(a).__name__}>: {exc}]"
            if r.count("\n") > 3:
                r = "\n".join(r.splitlines()[:3])
                r += "..."
            msg.append(f" {names[i]}: {r}")
    return "\n".join(msg)


def assert_(val, msg=""):
    """Assert that works in release mode. Mirrors ``numpy.testing.assert_``."""
    __tracebackhide__ = True
    if not val:
        try:
            smsg = msg()
        except TypeError:
            smsg = msg
        raise AssertionError(smsg)


# --- array comparison engine ---------------------------------------------------
def _is_numeric(t):
    return True  # every tensor dtype torchnp supports is numeric or bool


def _wide(t):
    """torch lacks most kernels for uint16/32/64: widen to a computable dtype."""
    if t.dtype in (torch.uint16, torch.uint32):
        return t.to(torch.int64)
    if t.dtype == torch.uint64:
        return t.to(torch.float64) if bool((t.view(torch.int64) < 0).any()) else t.view(torch.int64)
    return t


def _isnan(t):
    return torch.isnan(t) if (t.dtype.is_floating_point or t.dtype.is_complex) else \
        torch.zeros(t.shape, dtype=torch.bool)


def _isinf(t):
    return torch.isinf(t) if (t.dtype.is_floating_point or t.dtype.is_complex) else \
        torch.zeros(t.shape, dtype=torch.bool)


def _eq(x, y):
    x, y = _wide(x), _wide(y)
    return x == y


def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="", precision=6,
                         equal_nan=True, equal_inf=True, *, strict=False,
                         names=("ACTUAL", "DESIRED")):
    """The engine of the array assertions. Mirrors ``numpy.testing.assert_array_compare``."""
    __tracebackhide__ = True
    x = _tensor(x)
    y = _tensor(y)
    ox, oy = _show(x), _show(y)

    def _fail(reason_msg, a=ox, b=oy):
        raise AssertionError(build_err_msg([a, b], reason_msg, verbose=verbose, header=header,
                                           names=names, precision=precision))

    def same_pos(fx, fy, hasval):
        if bool((fx != fy).any()):
            _fail(err_msg + f"\n{hasval} location mismatch:")
        if fx.ndim == 0:
            return fx
        if fy.ndim == 0:
            return fy
        return fy

    if strict:
        cond = x.shape == y.shape and x.dtype == y.dtype
    else:
        cond = (x.ndim == 0 or y.ndim == 0) or x.shape == y.shape
    if not cond:
        if x.shape != y.shape:
            reason = f"\n(shapes {tuple(x.shape)}, {tuple(y.shape)} mismatch)"
        else:
            reason = (f"\n(dtypes {_dtypes.from_torch(x.dtype).name}, "
                      f"{_dtypes.from_torch(y.dtype).name} mismatch)")
        _fail(err_msg + reason)
    flagged = torch.tensor(False)
    if equal_nan:
        flagged = same_pos(_isnan(x), _isnan(y), "nan")
    if equal_inf:
        fx = _isinf(x) & ~flagged
        fy = _isinf(y) & ~flagged
        infs = same_pos(fx, fy, "inf")
        if bool(infs.any()):
            if x.ndim > 0 and y.ndim > 0:
                xi, yi = x[infs], y[infs]
            else:
                xi, yi = x, y
            if bool((~_eq(xi, yi)).any()):
                _fail(err_msg + "\ninf values mismatch:", _show(xi), _show(yi))
        flagged = flagged | infs
    if flagged.ndim > 0:
        keep = ~flagged
        x2 = x[keep] if x.ndim > 0 else x
        y2 = y[keep] if y.ndim > 0 else y
        if x2.numel() == 0 and (x.ndim > 0 or y.ndim > 0):
            return
        if x.ndim == 0:
            x2 = x
        if y.ndim == 0:
            y2 = y
    elif bool(flagged):
        return
    else:
        x2, y2 = x, y
    try:
        val = comparison(x2, y2)
    except RuntimeError as exc:
        raise ValueError(f"error during assertion: {exc}") from exc
    if isinstance(val, builtins.bool):
        val = torch.tensor(val)
    reduced = val.reshape(-1)
    if bool(reduced.all()):
        return
    invalids = ~val
    n_mismatch = int(reduced.numel() - reduced.sum())
    n_elements = flagged.numel() if flagged.ndim != 0 else reduced.numel()
    percent = 100 * n_mismatch / n_elements
    remarks = [f"Mismatched elements: {n_mismatch} / {n_elements} ({percent:.3g}%)"]
    if invalids.ndim != 0:
        if flagged.ndim > 0:
            positions = torch.argwhere(~flagged)[invalids.reshape(-1)]
        else:
            positions = torch.argwhere(invalids)
        lines = []
        for p in positions[:5].tolist():
            xs = ox if x.ndim == 0 else wrap_scalar(x[tuple(p)])
            ys = oy if y.ndim == 0 else wrap_scalar(y[tuple(p)])
            lines.append(f" {p}: {xs} ({names[0]}), {ys} ({names[1]})")
        s = "\n".join(lines)
        if len(positions) == 1:
            remarks.append(f"Mismatch at index:\n{s}")
        elif len(positions) <= 5:
            remarks.append(f"Mismatch at indices:\n{s}")
        else:
            remarks.append(f"First 5 mismatches are at indices:\n{s}")
    if x2.dtype != torch.bool or y2.dtype != torch.bool:
        remarks.extend(_difference_remarks(x2, y2, invalids))
    err = str(err_msg) + "\n" + "\n".join(remarks)
    raise AssertionError(build_err_msg([ox, oy], err, verbose=verbose, header=header,
                                       names=names, precision=precision))


def _difference_remarks(x, y, invalids):
    # NumPy computes abs(x - y) in the promoted dtype (so int8 can wrap, as there)
    dt = _dtypes.result_type_torch(x, y)
    xd, yd = x.to(dt), y.to(dt)
    unsigned = dt in (torch.uint8, torch.uint16, torch.uint32, torch.uint64)
    if dt == torch.bool:
        return []
    if unsigned and dt != torch.uint64:
        # NumPy: min(abs(x - y), abs(y - x)) with unsigned wrap-around
        mod = 2 ** (8 * xd.element_size())
        xi, yi = xd.to(torch.int64), yd.to(torch.int64)
        error = torch.minimum((xi - yi) % mod, (yi - xi) % mod).to(dt)
    elif unsigned:
        error = (xd.to(torch.float64) - yd.to(torch.float64)).abs()
    else:
        error = (xd - yd).abs()
    error_b = torch.broadcast_to(error, torch.broadcast_shapes(error.shape, invalids.shape))
    red = error_b[torch.broadcast_to(invalids, error_b.shape)]
    max_abs = _max(red)
    out = ["Max absolute difference among violations: " + _array2string(max_abs)]
    nonzero = torch.broadcast_to(_wide(yd) != 0, error_b.shape)
    nz_inv = torch.broadcast_to(invalids, error_b.shape) & nonzero
    if not bool(nz_inv.any()):
        max_rel = torch.tensor(float("inf"))
    else:
        num = _wide(error_b[nz_inv])
        den = _wide(torch.broadcast_to(yd, error_b.shape)[nz_inv]).abs()
        if not (num.dtype.is_floating_point or num.dtype.is_complex):
            num, den = num.to(torch.float64), den.to(torch.float64)  # NumPy's int / int
        rel = num / den
        max_rel = _max(rel)
    out.append("Max relative difference among violations: " + _array2string(max_rel))
    return out


def _max(t):
    if t.dtype.is_complex:
        # np.max of complex values: lexicographic
        re = t.real
        cand = re == re.max()
        return t[cand][t.imag[cand].argmax()]
    if t.dtype in (torch.uint16, torch.uint32, torch.uint64):
        return _wide(t).max().to(t.dtype) if t.dtype != torch.uint64 else t[_wide(t).argmax()]
    if t.dtype == torch.bool:
        return t.any()
    return t.max() if t.numel() else t


# --- public assertions -----------------------------------------------------------
def assert_array_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Raise AssertionError if two array-likes differ. Mirrors ``numpy.testing.assert_array_equal``."""
    __tracebackhide__ = True
    assert_array_compare(_eq, actual, desired, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not equal", strict=strict)


def _isclose(x, y, rtol, atol, equal_nan):
    from torchnp._dtypes import result_type_torch
    y = y.to(result_type_torch(y, 1.0))
    dt = result_type_torch(x, y)
    xt, yt = _wide(x).to(dt), y.to(dt)
    res = ((xt - yt).abs() <= atol + rtol * y.abs()) & torch.isfinite(yt) | (xt == yt)
    if equal_nan:
        res = res | (torch.isnan(xt) & torch.isnan(yt))
    return res


def assert_allclose(actual, desired, rtol=1e-07, atol=0, equal_nan=True, err_msg="",
                    verbose=True, *, strict=False):
    """Raise AssertionError unless ``|actual - desired| <= atol + rtol * |desired|``.

    Mirrors ``numpy.testing.assert_allclose``.
    """
    __tracebackhide__ = True
    header = f"Not equal to tolerance rtol={rtol:g}, atol={atol:g}"
    assert_array_compare(partial(_isclose, rtol=rtol, atol=atol, equal_nan=equal_nan),
                         actual, desired, err_msg=str(err_msg), verbose=verbose, header=header,
                         equal_nan=equal_nan, strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg="", verbose=True):
    """Raise AssertionError unless ``abs(desired-actual) < 1.5 * 10**(-decimal)``.

    Mirrors ``numpy.testing.assert_array_almost_equal``.
    """
    __tracebackhide__ = True

    def compare(x, y):
        y = y.to(_dtypes.result_type_torch(y, 1.0))
        dt = _dtypes.result_type_torch(x, y)
        z = (_wide(x).to(dt) - y.to(dt)).abs()
        return z < 1.5 * 10.0 ** (-decimal)

    assert_array_compare(compare, actual, desired, err_msg=err_msg, verbose=verbose,
                         header=f"Arrays are not almost equal to {decimal:d} decimals",
                         precision=decimal)


def assert_array_less(x, y, err_msg="", verbose=True, *, strict=False):
    """Raise AssertionError unless ``x < y`` everywhere. Mirrors ``numpy.testing.assert_array_less``."""
    __tracebackhide__ = True

    def less(a, b):
        dt = _dtypes.result_type_torch(a, b)
        if dt.is_complex:  # NumPy orders complex lexicographically
            a, b = a.to(dt), b.to(dt)
            return (a.real < b.real) | ((a.real == b.real) & (a.imag < b.imag))
        if dt in (torch.uint16, torch.uint32, torch.uint64, torch.bool):
            return _wide(a.to(dt)).to(torch.float64 if dt == torch.uint64 else torch.int64) < \
                _wide(b.to(dt)).to(torch.float64 if dt == torch.uint64 else torch.int64)
        return a.to(dt) < b.to(dt)

    assert_array_compare(less, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not strictly ordered `x < y`", equal_inf=False,
                         strict=strict, names=("x", "y"))


def _scalar_like(x):
    return isinstance(x, (builtins.int, builtins.float, builtins.complex, builtins.bool)) or \
        _is_np_scalar(x)


def _iscomplexobj(x):
    if isinstance(x, builtins.complex):
        return True
    dt = getattr(x, "dtype", None)
    if dt is not None:
        if isinstance(dt, torch.dtype):
            return dt.is_complex
        return getattr(dt, "kind", "") == "c"
    try:
        return _tensor(x).dtype.is_complex
    except Exception:  # noqa: BLE001
        return False


def _real_imag(x):
    t = _tensor(x)
    return wrap_scalar(t.real) if t.ndim == 0 else wrap(t.real), \
        wrap_scalar(t.imag) if t.ndim == 0 else wrap(t.imag)


def _isscalar(x):
    import numbers
    return isinstance(x, _dtypes.generic) or _is_np_scalar(x) or \
        type(x) in (builtins.int, builtins.float, builtins.complex, builtins.bool, bytes, str,
                    memoryview) or isinstance(x, numbers.Number)


def assert_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Raise AssertionError if two objects are not equal. Mirrors ``numpy.testing.assert_equal``."""
    __tracebackhide__ = True
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in desired:
            if k not in actual:
                raise AssertionError(repr(k))
            assert_equal(actual[k], desired[k], f"key={k!r}\n{err_msg}", verbose)
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in range(len(desired)):
            assert_equal(actual[k], desired[k], f"item={k!r}\n{err_msg}", verbose)
        return
    if _is_array(actual) or _is_array(desired):
        return assert_array_equal(actual, desired, err_msg, verbose, strict=strict)
    msg = build_err_msg([actual, desired], err_msg, verbose=verbose)
    try:
        usecomplex = _iscomplexobj(actual) or _iscomplexobj(desired)
    except (ValueError, TypeError):
        usecomplex = False
    if usecomplex:
        ar, ai = _real_imag(actual) if _iscomplexobj(actual) else (actual, 0)
        dr, di = _real_imag(desired) if _iscomplexobj(desired) else (desired, 0)
        try:
            assert_equal(ar, dr)
            assert_equal(ai, di)
        except AssertionError:
            raise AssertionError(msg) from None
    if _isscalar(desired) != _isscalar(actual):
        raise AssertionError(msg)
    try:
        td, ta = _tensor(desired), _tensor(actual)
        if td.numel() == 1 and ta.numel() == 1:
            dn, an = bool(_isnan(td).all()), bool(_isnan(ta).all())
            if dn and an:
                return
            if bool((td == 0).all()) and bool((ta == 0).all()) and \
                    (td.dtype.is_floating_point or ta.dtype.is_floating_point):
                if bool(torch.signbit(td.to(torch.float64)).all()) != \
                        bool(torch.signbit(ta.to(torch.float64)).all()):
                    raise AssertionError(msg)
    except (TypeError, ValueError, NotImplementedError, RuntimeError):
        pass
    if not (desired == actual):
        raise AssertionError(msg)


def print_assert_equal(test_string, actual, desired):
    """Test if two objects are equal, and print an error message if test fails."""
    __tracebackhide__ = True
    import pprint
    if not (actual == desired):
        import io
        msg = io.StringIO()
        msg.write(test_string)
        msg.write(" failed\nACTUAL: \n")
        pprint.pprint(actual, msg)
        msg.write("DESIRED: \n")
        pprint.pprint(desired, msg)
        raise AssertionError(msg.getvalue())


def _finite(x):
    return math_isfinite(x)


def math_isfinite(x):
    t = _tensor(x)
    return bool(torch.isfinite(t).all()) if (t.dtype.is_floating_point or t.dtype.is_complex) else True


def _nan(x):
    t = _tensor(x)
    return bool(torch.isnan(t).all()) if (t.dtype.is_floating_point or t.dtype.is_complex) else False


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """Raise AssertionError unless ``abs(desired-actual) < 1.5 * 10**(-decimal)``.

    Mirrors ``numpy.testing.assert_almost_equal``.
    """
    __tracebackhide__ = True
    try:
        usecomplex = _iscomplexobj(actual) or _iscomplexobj(desired)
    except ValueError:
        usecomplex = False

    def _build():
        return build_err_msg([actual, desired], err_msg, verbose=verbose,
                             header=f"Arrays are not almost equal to {decimal:d} decimals")

    if usecomplex:
        ar, ai = _real_imag(actual) if _iscomplexobj(actual) else (actual, 0)
        dr, di = _real_imag(desired) if _iscomplexobj(desired) else (desired, 0)
        try:
            assert_almost_equal(ar, dr, decimal=decimal)
            assert_almost_equal(ai, di, decimal=decimal)
        except AssertionError:
            raise AssertionError(_build()) from None
    if _is_array(actual) or isinstance(actual, (tuple, list)) or _is_array(desired) \
            or isinstance(desired, (tuple, list)):
        return assert_array_almost_equal(actual, desired, decimal, err_msg)
    try:
        if not (_finite(desired) and _finite(actual)):
            if _nan(desired) or _nan(actual):
                if not (_nan(desired) and _nan(actual)):
                    raise AssertionError(_build())
            elif not desired == actual:
                raise AssertionError(_build())
            return
    except (NotImplementedError, TypeError):
        pass
    d = _tensor(desired).to(torch.float64) if not _tensor(desired).dtype.is_complex else _tensor(desired)
    a = _tensor(actual).to(d.dtype) if not _tensor(actual).dtype.is_complex else _tensor(actual)
    if bool(((d - a).abs() >= 1.5 * 10.0 ** (-decimal)).any()):
        raise AssertionError(_build())


def assert_approx_equal(actual, desired, significant=7, err_msg="", verbose=True):
    """Raise AssertionError unless equal to ``significant`` digits. Mirrors ``numpy.testing.assert_approx_equal``."""
    __tracebackhide__ = True
    import math
    actual, desired = float(actual), float(desired)
    if desired == actual:
        return
    scale = 0.5 * (abs(desired) + abs(actual))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            scale = 10.0 ** math.floor(math.log10(scale)) if scale > 0 and math.isfinite(scale) else \
                (float("nan") if not math.isfinite(scale) else 0.0)
        except (ValueError, OverflowError):
            scale = float("nan")
    try:
        sc_desired = desired / scale
    except ZeroDivisionError:
        sc_desired = 0.0
    try:
        sc_actual = actual / scale
    except ZeroDivisionError:
        sc_actual = 0.0
    msg = build_err_msg([actual, desired], err_msg,
                        header=f"Items are not equal to {significant:d} significant digits:",
                        verbose=verbose)
    if not (math.isfinite(desired) and math.isfinite(actual)):
        if math.isnan(desired) or math.isnan(actual):
            if not (math.isnan(desired) and math.isnan(actual)):
                raise AssertionError(msg)
        elif not desired == actual:
            raise AssertionError(msg)
        return
    if abs(sc_desired - sc_actual) >= 10.0 ** -(significant - 1):
        raise AssertionError(msg)


def assert_string_equal(actual, desired):
    """Test if two strings are equal, showing a diff if not. Mirrors ``numpy.testing.assert_string_equal``."""
    __tracebackhide__ = True
    if not isinstance(actual, str):
        raise AssertionError(repr(type(actual)))
    if not isinstance(desired, str):
        raise AssertionError(repr(type(desired)))
    if desired == actual:
        return
    diff = list(difflib.Differ().compare(actual.splitlines(True), desired.splitlines(True)))
    diff_list = []
    while diff:
        d1 = diff.pop(0)
        if d1.startswith("  "):
            continue
        if d1.startswith("- "):
            lines = [d1]
            d2 = diff.pop(0)
            if d2.startswith("? "):
                lines.append(d2)
                d2 = diff.pop(0)
            if not d2.startswith("+ "):
                raise AssertionError(repr(d2))
            lines.append(d2)
            if diff:
                d3 = diff.pop(0)
                if d3.startswith("? "):
                    lines.append(d3)
                else:
                    diff.insert(0, d3)
            if d2[2:] == d1[2:]:
                continue
            diff_list.extend(lines)
            continue
        raise AssertionError(repr(d1))
    if not diff_list:
        return
    msg = f"Differences in strings:\n{''.join(diff_list).rstrip()}"
    if actual != desired:
        raise AssertionError(msg)


# --- ULP comparisons -------------------------------------------------------------
_INT_FOR_FLOAT = {torch.float16: torch.int16, torch.float32: torch.int32, torch.float64: torch.int64}


def _common_float(x, y):
    dt = _dtypes.result_type_torch(x, y)
    if dt.is_complex:
        raise NotImplementedError("_nulp not implemented for complex array")
    if not dt.is_floating_point:
        dt = torch.float64
    return dt


def _integer_repr(t):
    ity = _INT_FOR_FLOAT[t.dtype]
    r = t.view(ity).to(torch.int64)
    comp = -(2 ** (torch.iinfo(ity).bits - 1))
    return torch.where(r < 0, comp - r, r)


def nulp_diff(x, y, dtype=None):
    """Number of representable floats between ``x`` and ``y`` (element-wise)."""
    x, y = _tensor(x), _tensor(y)
    if dtype is not None:
        td = _dtypes.to_torch_dtype(dtype)
        x, y = x.to(td), y.to(td)
    if x.dtype.is_complex or y.dtype.is_complex:
        raise NotImplementedError("_nulp not implemented for complex array")
    dt = _common_float(x, y)
    x, y = x.to(dt).unsqueeze(0), y.to(dt).unsqueeze(0)
    if x.shape != y.shape:
        raise ValueError(f"Arrays do not have the same shape: {tuple(x.shape)} - {tuple(y.shape)}")
    x = torch.where(torch.isnan(x), torch.tensor(float("nan"), dtype=dt), x)
    y = torch.where(torch.isnan(y), torch.tensor(float("nan"), dtype=dt), y)
    return (_integer_repr(x) - _integer_repr(y)).to(dt).abs()


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Check that all items differ by at most ``maxulp`` ULP. Mirrors ``numpy.testing.assert_array_max_ulp``."""
    __tracebackhide__ = True
    ret = nulp_diff(a, b, dtype)
    if not bool((ret <= maxulp).all()):
        mx = ret.max().item() if not bool(torch.isnan(ret).any()) else float("nan")
        raise AssertionError("Arrays are not almost equal up to %g ULP (max difference is %g ULP)"
                             % (maxulp, mx))
    return wrap(ret)


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Compare two arrays relative to their spacing. Mirrors ``numpy.testing.assert_array_almost_equal_nulp``."""
    __tracebackhide__ = True
    ax, ay = _tensor(x), _tensor(y)
    dt = _common_float(ax, ay)
    ax, ay = ax.to(dt).abs(), ay.to(dt).abs()
    ref = nulp * torch.nextafter(torch.maximum(ax, ay), torch.tensor(float("inf"), dtype=dt)) - \
        nulp * torch.maximum(ax, ay)
    tx, ty = _tensor(x).to(dt), _tensor(y).to(dt)
    if not bool(((tx - ty).abs() <= ref).all()):
        if tx.dtype.is_complex or ty.dtype.is_complex:
            msg = f"Arrays are not equal to {nulp} ULP"
        else:
            max_nulp = nulp_diff(x, y).max().item()
            msg = f"Arrays are not equal to {nulp} ULP (max is {max_nulp:g})"
        raise AssertionError(msg)


# --- exceptions and warnings ------------------------------------------------------
class _Dummy(unittest.TestCase):
    def nop(self):
        pass


_D = _Dummy("nop")


def assert_raises(*args, **kwargs):
    """assert_raises(exception_class, callable, *args, **kwargs) or as a context manager.

    Mirrors ``numpy.testing.assert_raises`` (unittest's ``assertRaises``).
    """
    __tracebackhide__ = True
    return _D.assertRaises(*args, **kwargs)


def assert_raises_regex(exception_class, expected_regexp, *args, **kwargs):
    """Like assert_raises, also matching the message. Mirrors ``numpy.testing.assert_raises_regex``."""
    __tracebackhide__ = True
    return _D.assertRaisesRegex(exception_class, expected_regexp, *args, **kwargs)


@contextlib.contextmanager
def _assert_warns_context(warning_class, name=None):
    __tracebackhide__ = True
    with suppress_warnings(_warn=False) as sup:
        w = sup.record(warning_class)
        yield
        if not len(w) > 0:
            name_str = f" when calling {name}" if name is not None else ""
            raise AssertionError("No warning raised" + name_str)


def assert_warns(warning_class, *args, **kwargs):
    """Fail unless ``warning_class`` is raised. Mirrors ``numpy.testing.assert_warns``."""
    if not args and not kwargs:
        return _assert_warns_context(warning_class)
    elif len(args) < 1:
        if "match" in kwargs:
            raise RuntimeError("assert_warns does not use 'match' kwarg, use pytest.warns instead")
        raise RuntimeError("assert_warns(...) needs at least one arg")
    func = args[0]
    args = args[1:]
    with _assert_warns_context(warning_class, name=func.__name__):
        return func(*args, **kwargs)


@contextlib.contextmanager
def _assert_no_warnings_context(name=None):
    __tracebackhide__ = True
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
        if len(caught) > 0:
            name_str = f" when calling {name}" if name is not None else ""
            raise AssertionError(f"Got warnings{name_str}: {caught}")


def assert_no_warnings(*args, **kwargs):
    """Fail if the given callable (or block) warns. Mirrors ``numpy.testing.assert_no_warnings``."""
    if not args:
        return _assert_no_warnings_context()
    func = args[0]
    args = args[1:]
    with _assert_no_warnings_context(name=func.__name__):
        return func(*args, **kwargs)


class suppress_warnings:
    """Context manager and decorator that filters (and records) warnings.

    Mirrors ``numpy.testing.suppress_warnings``: ``filter(category, message, module)``
    suppresses, ``record(...)`` suppresses and returns the list of caught warnings;
    other warnings are forwarded with ``forwarding_rule``.
    """

    def __init__(self, forwarding_rule="always", _warn=True):
        if forwarding_rule not in {"always", "module", "once", "location"}:
            raise ValueError("unsupported forwarding rule.")
        self._entered = False
        self._suppressions = []
        self._forwarding_rule = forwarding_rule
        self._tmp_suppressions = []
        self._tmp_modules = set()
        self.log = []

    def _clear_registries(self):
        if hasattr(warnings, "_filters_mutated"):
            warnings._filters_mutated()
            return
        for module in list(sys.modules.values()):
            reg = getattr(module, "__warningregistry__", None)
            if reg is not None:
                reg.clear()

    def _filter(self, category=Warning, message="", module=None, record=False):
        if record:
            record = []
        else:
            record = None
        if self._entered:
            if module is None:
                warnings.filterwarnings("always", category=category, message=message)
            else:
                module_regex = module.__name__.replace(".", r"\.") + "$"
                warnings.filterwarnings("always", category=category, message=message,
                                        module=module_regex)
                self._tmp_modules.add(module)
                self._clear_registries()
            self._tmp_suppressions.append(
                (category, message, re.compile(message, re.I), module, record))
        else:
            self._suppressions.append(
                (category, message, re.compile(message, re.I), module, record))
        return record

    def filter(self, category=Warning, message="", module=None):
        """Add a new suppressing filter (or apply it if already entered)."""
        self._filter(category=category, message=message, module=module, record=False)

    def record(self, category=Warning, message="", module=None):
        """Append a recording filter; return the list the warnings will be recorded into."""
        return self._filter(category=category, message=message, module=module, record=True)

    def __enter__(self):
        if self._entered:
            raise RuntimeError("cannot enter suppress_warnings twice.")
        self._orig_show = warnings.showwarning
        self._filters = warnings.filters
        warnings.filters = self._filters[:]
        self._entered = True
        self._tmp_suppressions = []
        self._tmp_modules = set()
        self._forwarded = set()
        self.log = []
        for cat, mess, _, mod, log in self._suppressions:
            if log is not None:
                del log[:]
            if mod is None:
                warnings.filterwarnings("always", category=cat, message=mess)
            else:
                module_regex = mod.__name__.replace(".", r"\.") + "$"
                warnings.filterwarnings("always", category=cat, message=mess, module=module_regex)
                self._tmp_modules.add(mod)
        warnings.showwarning = self._showwarning
        self._clear_registries()
        return self

    def __exit__(self, *exc_info):
        warnings.showwarning = self._orig_show
        warnings.filters = self._filters
        self._clear_registries()
        self._entered = False
        del self._orig_show
        del self._filters

    def _showwarning(self, message, category, filename, lineno, *args, use_warnmsg=None, **kwargs):
        for cat, _, pattern, mod, rec in (self._suppressions + self._tmp_suppressions)[::-1]:
            if issubclass(category, cat) and pattern.match(message.args[0]) is not None:
                if mod is None:
                    if rec is not None:
                        msg = warnings.WarningMessage(message, category, filename, lineno, **kwargs)
                        self.log.append(msg)
                        rec.append(msg)
                    return
                elif mod.__file__.startswith(filename):
                    if rec is not None:
                        msg = warnings.WarningMessage(message, category, filename, lineno, **kwargs)
                        self.log.append(msg)
                        rec.append(msg)
                    return
        if self._forwarding_rule == "always":
            if use_warnmsg is None:
                self._orig_show(message, category, filename, lineno, *args, **kwargs)
            else:
                self._orig_showmsg(use_warnmsg)
            return
        if self._forwarding_rule == "once":
            signature = (message.args, category)
        elif self._forwarding_rule == "module":
            signature = (message.args, category, filename)
        else:
            signature = (message.args, category, filename, lineno)
        if signature in self._forwarded:
            return
        self._forwarded.add(signature)
        self._orig_show(message, category, filename, lineno, *args, **kwargs)

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def new_func(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return new_func


class clear_and_catch_warnings(warnings.catch_warnings):
    """catch_warnings that also resets ``__warningregistry__`` of ``modules``."""

    class_modules = ()

    def __init__(self, record=False, modules=()):
        self.modules = set(modules).union(self.class_modules)
        self._warnreg_copies = {}
        super().__init__(record=record)

    def __enter__(self):
        for mod in self.modules:
            if hasattr(mod, "__warningregistry__"):
                mod_reg = mod.__warningregistry__
                self._warnreg_copies[mod] = mod_reg.copy()
                mod_reg.clear()
        return super().__enter__()

    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        for mod in self.modules:
            if hasattr(mod, "__warningregistry__"):
                mod.__warningregistry__.clear()
            if mod in self._warnreg_copies:
                mod.__warningregistry__.update(self._warnreg_copies[mod])


# --- misc helpers -------------------------------------------------------------------
@contextlib.contextmanager
def tempdir(*args, **kwargs):
    """Context manager giving a temporary directory, removed afterwards."""
    tmpdir = tempfile.mkdtemp(*args, **kwargs)
    try:
        yield tmpdir
    finally:
        shutil.rmtree(tmpdir)


@contextlib.contextmanager
def temppath(*args, **kwargs):
    """Context manager giving a temporary file path, removed afterwards."""
    fd, path = tempfile.mkstemp(*args, **kwargs)
    os.close(fd)
    try:
        yield path
    finally:
        os.remove(path)


def break_cycles():
    """Break reference cycles by calling gc.collect (several times on PyPy)."""
    gc.collect()
    if IS_PYPY:
        gc.collect()
        gc.collect()
        gc.collect()
        gc.collect()


@contextlib.contextmanager
def _assert_no_gc_cycles_context(name=None):
    __tracebackhide__ = True
    if not HAS_REFCOUNT:
        yield
        return
    assert_(gc.isenabled())
    gc.disable()
    gc_debug = gc.get_debug()
    try:
        for _ in range(100):
            if gc.collect() == 0:
                break
        else:
            raise RuntimeError("Unable to fully collect garbage - perhaps a __del__ method "
                               "is creating more reference cycles?")
        gc.set_debug(gc.DEBUG_SAVEALL)
        yield
        n_objects_in_cycles = gc.collect()
        objects_in_cycles = gc.garbage[:]
    finally:
        del gc.garbage[:]
        gc.set_debug(gc_debug)
        gc.enable()
    if n_objects_in_cycles:
        name_str = f" when calling {name}" if name is not None else ""
        raise AssertionError(
            f"Reference cycles were found{name_str}: {n_objects_in_cycles} objects were "
            f"collected, of which {len(objects_in_cycles)} are shown below")


def assert_no_gc_cycles(*args, **kwargs):
    """Fail if the given callable (or block) creates reference cycles."""
    if not args:
        return _assert_no_gc_cycles_context()
    func = args[0]
    args = args[1:]
    with _assert_no_gc_cycles_context(name=func.__name__):
        func(*args, **kwargs)


def decorate_methods(cls, decorator, testmatch=None):
    """Apply ``decorator`` to the methods of ``cls`` whose names match ``testmatch``."""
    import inspect
    if testmatch is None:
        testmatch = re.compile(r"(?:^|[\\b_\\.%s-])[Tt]est" % re.escape(os.sep))
    else:
        testmatch = re.compile(testmatch)
    for name, function in inspect.getmembers(cls, inspect.isfunction):
        if testmatch.search(name):
            setattr(cls, name, decorator(function))


def jiffies(_proc_pid_stat=None, _load_time=None):
    """CPU time of this process in 1/100 s."""
    import time
    return int(100 * time.process_time())


def memusage(_proc_pid_stat=None):
    """Virtual memory size of this process in bytes (Linux), else None."""
    path = _proc_pid_stat or f"/proc/{os.getpid()}/stat"
    try:
        with open(path) as f:
            return int(f.readline().split(" ")[22])
    except Exception:  # noqa: BLE001
        return None


def measure(code_str, times=1, label=None):
    """Seconds taken to exec ``code_str`` ``times`` times in the caller's namespace."""
    import time
    frame = sys._getframe(1)
    locs, globs = frame.f_locals, frame.f_globals
    code = compile(code_str, f"Test name: {label} ", "exec")
    i = 0
    elapsed = time.perf_counter()
    while i < times:
        i += 1
        exec(code, globs, locs)  # noqa: S102
    return time.perf_counter() - elapsed


def rundocs(filename=None, raise_on_error=True):
    """Not supported: NumPy's doctest runner for its own modules."""
    raise NotImplementedError("torchnp.testing.rundocs is not supported (NumPy doctest tooling)")


def runstring(astr, dict):
    """Not supported: NumPy's legacy exec helper."""
    raise NotImplementedError("torchnp.testing.runstring is not supported")


def run_threaded(func, max_workers=8, pass_count=False, pass_barrier=False, outer_iterations=1,
                 prepare_args=None):
    """Run ``func`` concurrently in ``max_workers`` threads. Mirrors ``numpy.testing.run_threaded``."""
    import concurrent.futures
    import threading
    for _ in range(outer_iterations):
        with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as tpe:
            args = prepare_args() if prepare_args is not None else ()
            if pass_barrier:
                barrier = threading.Barrier(max_workers)
                args = args + (barrier,)
            if pass_count:
                all_args = [(func, i, *args) for i in range(max_workers)]
            else:
                all_args = [(func, *args) for _ in range(max_workers)]
            futures = [tpe.submit(*a) for a in all_args]
            for f in futures:
                f.result()


def check_support_sve(__cache=[]):  # noqa: B006 - NumPy's signature
    """Whether the CPU supports ARM SVE (always False here)."""
    return False
