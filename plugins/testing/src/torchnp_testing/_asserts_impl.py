"""``torchnp.testing``: NumPy's test assertions and helpers, on torch tensors.

Imports only torch, the standard library and torchnp's core (never NumPy: a
NumPy array given as input enters through ``as_tensor``). Everything here takes
anything array-like (torchnp arrays, tensors, NumPy arrays, lists, scalars), so
the plugin registers these functions without the normalizer.

The failure messages reproduce numpy.testing's text on the same inputs, worked
out by running numpy.testing on examples: a header line, an optional context
line, remarks (mismatch counts, offending indices, largest differences), then
the two operands. One engine, :func:`assert_array_compare`, produces every
element-wise message; the scalar and container paths of ``assert_equal`` and
friends format through :func:`build_err_msg`.
"""
from __future__ import annotations

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

import concurrent.futures
import contextlib
import difflib
import gc
import math
import os
import pathlib
import platform
import pprint
import re
import shutil
import sys
import sysconfig
import tempfile
import threading
import time
import unittest
import warnings

import torch

from torchnp import _dtypes
from torchnp import _normalize
from torchnp._normalize import as_tensor, wrap

# --- module-level objects numpy.testing exports --------------------------------
verbose = 0
IS_PYPY = platform.python_implementation() == "PyPy"
IS_PYSTON = hasattr(sys, "pyston_version_info")
IS_WASM = platform.machine() in ("wasm32", "wasm64")
IS_MUSL = "musl" in (sysconfig.get_config_var("HOST_GNU_TYPE") or "")
IS_64BIT = sys.maxsize > 2 ** 32
NUMPY_ROOT = pathlib.Path(_normalize.__file__).parent  # the torchnp package directory
IS_EDITABLE = "site-packages" not in NUMPY_ROOT.parts
IS_INSTALLED = True
HAS_REFCOUNT = getattr(sys, "getrefcount", None) is not None and not IS_PYSTON
HAS_LAPACK64 = False  # NumPy's flag is about an ILP64 LAPACK build; torch has none to ask
NOGIL_BUILD = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
BLAS_SUPPORTS_FPE = True
TestCase = unittest.TestCase
SkipTest = unittest.SkipTest


class KnownFailureException(Exception):
    """Raise to mark a test as a known failure."""


class IgnoreException(Exception):
    """Raise to make a test be ignored."""


_UNSIGNED_TO_SIGNED = {torch.uint8: torch.int8, torch.uint16: torch.int16,
                       torch.uint32: torch.int32, torch.uint64: torch.int64}


# --- input handling ----------------------------------------------------------
def _is_array(obj):
    """An ndarray-like operand (torchnp/NumPy array, tensor) rather than a scalar."""
    if isinstance(obj, torch.Tensor):
        return True
    if isinstance(obj, _dtypes.generic):
        return False
    if isinstance(obj, _normalize._ndarray_cls):
        return True
    return any(c.__name__ == "ndarray" for c in type(obj).__mro__) and hasattr(obj, "__array_interface__")


def _tensor(obj):
    t = as_tensor(obj)
    return t.detach().resolve_conj().resolve_neg()


def _dtype_name(t):
    return _dtypes.from_torch(t.dtype).name


def _shape_text(t):
    return str(tuple(t.shape))


def _py(t):
    """A 0-d tensor as the Python scalar NumPy's ``.item()`` gives."""
    if t.dtype == torch.uint64:
        v = int(t.view(torch.int64))
        return v + 2 ** 64 if v < 0 else v
    if t.dtype in (torch.uint16, torch.uint32):
        return int(t.to(torch.int64))
    return t.item()


# --- message formatting --------------------------------------------------------
_MAX_REPR_LINES = 3


def _operand_repr(a, precision):
    if _is_array(a):
        text = __import__("torchnp._printing", fromlist=["array_repr"]).array_repr(
            wrap(_tensor(a)), precision=precision)
        lines = text.splitlines()
        if len(lines) > _MAX_REPR_LINES:
            text = "\n".join(lines[:_MAX_REPR_LINES]) + "..."
        return text
    return repr(a)


def build_err_msg(arrays, err_msg, header="Items are not equal:", verbose=True,
                  names=("ACTUAL", "DESIRED"), precision=8):
    """The text of an assertion failure. Mirrors ``numpy.testing.build_err_msg``.

    A one-line ``err_msg`` short enough shares the header's line; anything else
    gets lines of its own. With ``verbose`` each operand follows, named."""
    lines = ["\n" + header]
    if err_msg:
        if "\n" not in err_msg and len(err_msg) < 79 - len(header):
            lines[0] += " " + err_msg
        else:
            lines.append(err_msg)
    if verbose:
        for i, a in enumerate(arrays):
            lines.append(f" {names[i]}: {_operand_repr(a, precision)}")
    return "\n".join(lines)


def _scalar_text(t):
    from torchnp import _printing
    return _printing.array2string(wrap(t))


# --- the element-wise engine ----------------------------------------------------
def _abs_error(x, y):
    """|x - y| the way NumPy computes it: in the operands' common dtype, integer
    differences wrapping around (unsigned ones read back as signed)."""
    dt = _dtypes.result_type_torch(x, y)
    if dt == torch.bool:
        return None
    if dt in _UNSIGNED_TO_SIGNED:
        sdt = _UNSIGNED_TO_SIGNED[dt]
        diff = x.to(dt).view(sdt) - y.to(dt).view(sdt)  # same bits as the unsigned difference
        return diff.abs(), y.to(dt)
    return (x.to(dt) - y.to(dt)).abs(), y.to(dt)


def _relative(err, y):
    if y.dtype in _UNSIGNED_TO_SIGNED.values() or y.dtype in _UNSIGNED_TO_SIGNED or y.dtype in (
            torch.int8, torch.int16, torch.int32, torch.int64, torch.bool):
        if y.dtype == torch.uint64:
            ay = y.view(torch.int64).to(torch.float64)
            ay = torch.where(ay < 0, ay + 2.0 ** 64, ay)
        elif y.dtype in _UNSIGNED_TO_SIGNED:
            ay = y.to(torch.int64).to(torch.float64)
        else:
            ay = y.abs().to(torch.float64)  # abs wraps at the minimum, as in NumPy
        return err.to(torch.float64) / ay
    return err / y.abs()


def _mismatch_remarks(x, y, ok, names):
    xb, yb = torch.broadcast_tensors(x, y)
    bad = ~ok
    n_bad = int(bad.sum())
    total = ok.numel()
    remarks = [f"Mismatched elements: {n_bad} / {total} ({100 * n_bad / total:.3g}%)"]
    if ok.ndim:
        where = torch.nonzero(bad)[:5].tolist()
        title = ("Mismatch at index:" if n_bad == 1 else
                 "Mismatch at indices:" if n_bad <= 5 else "First 5 mismatches are at indices:")
        remarks.append(title)
        for idx in where:
            xv, yv = _py(xb[tuple(idx)]), _py(yb[tuple(idx)])
            remarks.append(f" [{', '.join(str(i) for i in idx)}]: {xv} ({names[0]}), {yv} ({names[1]})")
    diff = _abs_error(xb, yb)
    if diff is not None:
        err, yc = diff
        rel = _relative(err, yc)
        remarks.append(f"Max absolute difference among violations: {_scalar_text(err[bad].max())}")
        # NumPy leaves out violations where desired is 0; with none left it says inf
        counted = bad & (yc != 0)
        worst = rel[counted].max() if bool(counted.any()) else torch.tensor(math.inf, dtype=rel.dtype)
        remarks.append(f"Max relative difference among violations: {_scalar_text(worst)}")
    return remarks


def _run_comparison(comparison, x, y):
    if getattr(comparison, "_torch_native", False):
        return comparison(x, y)
    return _tensor(comparison(wrap(x), wrap(y))).to(torch.bool)


def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="", precision=6,
                         equal_nan=True, equal_inf=True, *, strict=False, names=("ACTUAL", "DESIRED")):
    """Assert ``comparison(x, y)`` holds element-wise. Mirrors ``numpy.testing.assert_array_compare``.

    ``comparison`` receives torchnp arrays (the built-in asserts use torch-level
    comparisons)."""
    __tracebackhide__ = True  # noqa: F841 - pytest hides this frame
    xt, yt = _tensor(x), _tensor(y)

    def fail(remark, shown=(xt, yt)):
        msg = build_err_msg([wrap(shown[0]), wrap(shown[1])], err_msg + "\n" + remark,
                            verbose=verbose, header=header, names=names, precision=precision)
        raise AssertionError(msg)

    if strict:
        if xt.shape != yt.shape:
            fail(f"(shapes {_shape_text(xt)}, {_shape_text(yt)} mismatch)")
        if xt.dtype != yt.dtype:
            fail(f"(dtypes {_dtype_name(xt)}, {_dtype_name(yt)} mismatch)")
    elif not (xt.shape == yt.shape or xt.ndim == 0 or yt.ndim == 0):
        fail(f"(shapes {_shape_text(xt)}, {_shape_text(yt)} mismatch)")
    xb, yb = torch.broadcast_tensors(xt, yt)
    settled = torch.zeros(xb.shape, dtype=torch.bool, device=xb.device)
    inexact = xb.is_floating_point() or xb.is_complex() or yb.is_floating_point() or yb.is_complex()
    if inexact and equal_nan:
        xn, yn = torch.isnan(xb), torch.isnan(yb)
        if bool((xn != yn).any()):
            fail("nan location mismatch:")
        settled |= xn
    if inexact and equal_inf:
        xi, yi = torch.isinf(xb), torch.isinf(yb)
        if bool((xi != yi).any()):
            fail("inf location mismatch:")
        if bool(xi.any()):
            if bool((xb[xi] != yb[xi]).any()):
                fail("inf values mismatch:", (xb[xi], yb[xi]))
            settled |= xi
    if xb.numel() == 0:
        return
    ok = _run_comparison(comparison, xt, yt)
    ok = torch.broadcast_to(ok, xb.shape) | settled
    if bool(ok.all()):
        return
    fail("\n".join(_mismatch_remarks(xt, yt, ok, names)))


def _native(fn):
    fn._torch_native = True
    return fn


def _common(x, y):
    dt = _dtypes.result_type_torch(x, y)
    return x.to(dt), y.to(dt)


@_native
def _equal(x, y):
    x, y = _common(x, y)
    return x == y


@_native
def _less(x, y):
    x, y = _common(x, y)
    if x.is_complex():  # NumPy orders complex numbers lexicographically
        return (x.real < y.real) | ((x.real == y.real) & (x.imag < y.imag))
    if x.dtype in (torch.uint16, torch.uint32):  # torch has no comparison kernels for these
        return x.to(torch.int64) < y.to(torch.int64)
    if x.dtype == torch.uint64:  # order-preserving: flip the sign bit
        lo = torch.iinfo(torch.int64).min
        return (x.view(torch.int64) ^ lo) < (y.view(torch.int64) ^ lo)
    return x < y


def _as_float(x, y):
    x, y = _common(x, y)
    if not (x.is_floating_point() or x.is_complex()):
        x, y = x.to(torch.float64), y.to(torch.float64)
    return x, y


def _pynum(v):
    """A tolerance or count given as a torchnp (or NumPy) scalar or 0-d array -> a Python
    number, as NumPy's scalars (float/int subclasses) are; arrays stay tensors."""
    if isinstance(v, (bool, int, float, complex)):
        return v
    t = getattr(v, "tensor", v)
    if isinstance(t, torch.Tensor):
        return t.item() if t.ndim == 0 else t
    if hasattr(v, "item") and getattr(v, "ndim", 1) == 0:
        return v.item()
    if isinstance(v, (list, tuple)):
        return torch.as_tensor(v, dtype=torch.float64)
    return v


def _tol_tensor(v, like):
    real = like.real.dtype if like.is_complex() else like.dtype
    if isinstance(v, torch.Tensor):
        return v.to(device=like.device, dtype=real if v.is_floating_point() or not
                    (v.is_floating_point() or v.is_complex()) else v.dtype)
    return v


def _close_to(rtol, atol, equal_nan):
    rtol, atol = _pynum(rtol), _pynum(atol)

    @_native
    def close(x, y):
        # NumPy's isclose: |x - y| <= atol + rtol * |y| where both are finite, else x == y;
        # rtol/atol may be arrays (broadcast), which torch.isclose does not take
        x, y = _as_float(x, y)
        rt, at = _tol_tensor(rtol, x), _tol_tensor(atol, x)
        fin = torch.isfinite(x) & torch.isfinite(y)
        r = torch.where(fin, (x - y).abs() <= at + rt * y.abs(), x == y)
        if equal_nan:
            r = r | (torch.isnan(x) & torch.isnan(y))
        return r
    return close


def _within_decimals(decimal):
    decimal = _pynum(decimal)

    @_native
    def within(x, y):
        x, y = _as_float(x, y)
        return (x - y).abs() < 1.5 * 10.0 ** (-decimal)
    return within


# --- element-wise asserts ---------------------------------------------------------
def assert_array_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Assert two array-likes are equal (NaNs in the same places count as equal).
    Mirrors ``numpy.testing.assert_array_equal``."""
    __tracebackhide__ = True  # noqa: F841
    assert_array_compare(_equal, actual, desired, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not equal", strict=strict)


def assert_array_less(x, y, err_msg="", verbose=True, *, strict=False):
    """Assert ``x < y`` element-wise. Mirrors ``numpy.testing.assert_array_less``."""
    __tracebackhide__ = True  # noqa: F841
    assert_array_compare(_less, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not strictly ordered `x < y`", equal_inf=False,
                         strict=strict, names=("x", "y"))


def assert_allclose(actual, desired, rtol=1e-07, atol=0, equal_nan=True, err_msg="",
                    verbose=True, *, strict=False):
    """Assert ``|actual - desired| <= atol + rtol * |desired|`` element-wise.
    Mirrors ``numpy.testing.assert_allclose``."""
    __tracebackhide__ = True  # noqa: F841
    header = f"Not equal to tolerance rtol={rtol:g}, atol={atol:g}"
    assert_array_compare(_close_to(rtol, atol, equal_nan), actual, desired, err_msg=str(err_msg),
                         verbose=verbose, header=header, equal_nan=equal_nan, strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg="", verbose=True):
    """Assert ``|desired - actual| < 1.5 * 10**-decimal`` element-wise.
    Mirrors ``numpy.testing.assert_array_almost_equal``."""
    __tracebackhide__ = True  # noqa: F841
    assert_array_compare(_within_decimals(decimal), actual, desired, err_msg=err_msg,
                         verbose=verbose, header=f"Arrays are not almost equal to {decimal} decimals",
                         precision=decimal)


# --- scalar and container asserts ----------------------------------------------------
def _is_complex_scalar(v):
    if isinstance(v, complex):
        return True
    return isinstance(v, _dtypes.generic) and v.tensor.is_complex() or (
        hasattr(v, "dtype") and not _is_array(v) and getattr(v.dtype, "kind", "") == "c")


def _parts(v):
    return (v.real, v.imag) if _is_complex_scalar(v) else (v, 0)


def _real_part(t):
    return t.real if t.is_complex() else t


def _imag_part(t):
    return t.imag if t.is_complex() else torch.zeros_like(t)


def _float_or_none(v):
    try:
        return float(v)
    except (TypeError, ValueError, OverflowError):
        return None


def assert_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Assert two objects are equal (recursing into dicts, lists and tuples; arrays
    element-wise). Mirrors ``numpy.testing.assert_equal``."""
    __tracebackhide__ = True  # noqa: F841
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for key, value in desired.items():
            if key not in actual:
                raise AssertionError(repr(key))
            assert_equal(actual[key], value, f"key={key!r}\n{err_msg}", verbose)
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for i, (a, d) in enumerate(zip(actual, desired)):
            assert_equal(a, d, f"item={i!r}\n{err_msg}", verbose)
        return
    if _is_array(actual) or _is_array(desired):
        assert_array_equal(actual, desired, err_msg, verbose, strict=strict)
        return
    fail_msg = build_err_msg([actual, desired], err_msg, verbose=verbose)
    if _is_complex_scalar(actual) or _is_complex_scalar(desired):
        (ar, ai), (dr, di) = _parts(actual), _parts(desired)
        try:
            assert_equal(ar, dr)
            assert_equal(ai, di)
        except AssertionError:
            raise AssertionError(fail_msg) from None
        return
    a, d = _float_or_none(actual), _float_or_none(desired)
    if a is not None and d is not None and not isinstance(actual, str) and not isinstance(desired, str):
        if math.isnan(a) or math.isnan(d):
            if math.isnan(a) and math.isnan(d):
                return
            raise AssertionError(fail_msg)
        if a == 0 and d == 0 and math.copysign(1, a) != math.copysign(1, d):
            raise AssertionError(fail_msg)  # NumPy tells 0.0 from -0.0 here
    if not bool(desired == actual):
        raise AssertionError(fail_msg)


def print_assert_equal(test_string, actual, desired):
    """Raise with both values pretty-printed unless they are equal.
    Mirrors ``numpy.testing.print_assert_equal``."""
    __tracebackhide__ = True  # noqa: F841
    same = actual == desired
    if isinstance(same, torch.Tensor) or _is_array(same):
        same = bool(_tensor(same).all())
    if not same:
        raise AssertionError(f"{test_string} failed\nACTUAL: \n{pprint.pformat(actual)}\n"
                             f"DESIRED: \n{pprint.pformat(desired)}\n")


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """Assert ``|desired - actual| < 1.5 * 10**-decimal``. Mirrors
    ``numpy.testing.assert_almost_equal`` (arrays and sequences element-wise)."""
    __tracebackhide__ = True  # noqa: F841
    decimal = _pynum(decimal)
    header = f"Arrays are not almost equal to {decimal} decimals"
    sequence = (_is_array(actual) or _is_array(desired) or isinstance(actual, (list, tuple))
                or isinstance(desired, (list, tuple)))
    if sequence and (_tensor(actual).is_complex() or _tensor(desired).is_complex()):
        # complex arrays: real and imaginary parts separately, one summary message
        at, dt = _tensor(actual), _tensor(desired)
        try:
            assert_almost_equal(_real_part(at), _real_part(dt), decimal=decimal)
            assert_almost_equal(_imag_part(at), _imag_part(dt), decimal=decimal)
        except AssertionError:
            raise AssertionError(build_err_msg([actual, desired], err_msg, verbose=verbose,
                                               header=header)) from None
        return
    if sequence:
        assert_array_almost_equal(actual, desired, decimal, err_msg)
        return
    fail_msg = build_err_msg([actual, desired], err_msg, verbose=verbose, header=header)
    if _is_complex_scalar(actual) or _is_complex_scalar(desired):
        (ar, ai), (dr, di) = _parts(actual), _parts(desired)
        try:
            assert_almost_equal(ar, dr, decimal=decimal)
            assert_almost_equal(ai, di, decimal=decimal)
        except AssertionError:
            raise AssertionError(fail_msg) from None
        return
    a, d = float(actual), float(desired)
    if not (math.isfinite(a) and math.isfinite(d)):
        if (math.isnan(a) and math.isnan(d)) or a == d:
            return
        raise AssertionError(fail_msg)
    if abs(d - a) >= 1.5 * 10.0 ** (-decimal):
        raise AssertionError(fail_msg)


def assert_approx_equal(actual, desired, significant=7, err_msg="", verbose=True):
    """Assert two numbers agree to ``significant`` significant digits.
    Mirrors ``numpy.testing.assert_approx_equal``."""
    __tracebackhide__ = True  # noqa: F841
    significant = _pynum(significant)
    a, d = float(actual), float(desired)
    header = f"Items are not equal to {significant} significant digits:"
    fail_msg = build_err_msg([actual, desired], err_msg, header=header, verbose=verbose)
    if a == d:
        return
    if math.isnan(a) or math.isnan(d):
        if math.isnan(a) and math.isnan(d):
            return
        raise AssertionError(fail_msg)
    if not (math.isfinite(a) and math.isfinite(d)):
        raise AssertionError(fail_msg)
    # bring both to the decade of their mean magnitude, then compare digits
    magnitude = 0.5 * (abs(a) + abs(d))
    decade = 10.0 ** math.floor(math.log10(magnitude)) if magnitude else 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if abs(a / decade - d / decade) >= 10.0 ** -(significant - 1):
            raise AssertionError(fail_msg)


def assert_string_equal(actual, desired):
    """Assert two strings are equal, showing a line diff. Mirrors
    ``numpy.testing.assert_string_equal``."""
    __tracebackhide__ = True  # noqa: F841
    for s in (actual, desired):
        if not isinstance(s, str):
            raise AssertionError(repr(type(s)))
    if actual == desired:
        return
    lines = iter(difflib.Differ().compare(actual.splitlines(True), desired.splitlines(True)))
    shown = []
    pending = None  # a differ line read ahead
    for line in lines:
        if line.startswith("  "):
            continue
        if not line.startswith("- "):
            raise AssertionError(repr(line))
        group = [line]
        nxt = next(lines, "")
        if nxt.startswith("? "):
            group.append(nxt)
            nxt = next(lines, "")
        if not nxt.startswith("+ "):
            raise AssertionError(repr(nxt))
        group.append(nxt)
        pending = next(lines, None)
        if pending is not None and pending.startswith("? "):
            group.append(pending)
            pending = None
        if nxt[2:] != line[2:]:
            shown.extend(group)
        if pending is not None:
            lines = _chain_first(pending, lines)
    if shown:
        raise AssertionError("Differences in strings:\n" + "".join(shown).rstrip())


def _chain_first(first, rest):
    yield first
    yield from rest


# --- ULP-based asserts -------------------------------------------------------------------
_INT_OF_FLOAT = {torch.float64: torch.int64, torch.float32: torch.int32, torch.float16: torch.int16,
                 torch.bfloat16: torch.int16}


def _common_type(x, y):
    """NumPy's ``common_type``: integers and bool count as float64."""
    dts = [t.dtype if (t.is_floating_point() or t.is_complex()) else torch.float64 for t in (x, y)]
    return _dtypes.promote_torch(*dts)


def _ulp_operands(a, b, dtype=None):
    """NumPy's ``nulp_diff`` operands: common_type, complex refused, same shapes."""
    x, y = _tensor(a), _tensor(b)
    if dtype is not None:
        dt = _dtypes.to_torch_dtype(dtype)
        x, y = x.to(dt), y.to(dt)
    dt = _common_type(x, y)
    if x.is_complex() or y.is_complex():
        raise NotImplementedError("_nulp not implemented for complex array")
    x, y = x.to(dt).reshape((1,) + tuple(x.shape)), y.to(dt).reshape((1,) + tuple(y.shape))
    if x.shape != y.shape:
        raise ValueError(f"Arrays do not have the same shape: {tuple(x.shape)} - {tuple(y.shape)}")
    return x, y


def _ulp_distance(x, y):
    """How many representable floats lie between x and y: the bit patterns read as
    integers, negative numbers mirrored below zero so the scale is monotonic."""
    itype = _INT_OF_FLOAT[x.dtype]
    x, y = torch.broadcast_tensors(x, y)

    def ordinal(v):
        bits_ = v.contiguous().view(itype).to(torch.int64)
        sign = -(2 ** (torch.iinfo(itype).bits - 1))
        return torch.where(bits_ < 0, sign - bits_, bits_)

    return (ordinal(x) - ordinal(y)).abs().to(x.dtype)


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Assert ``a`` and ``b`` differ by at most ``maxulp`` units in the last place;
    return the distances. Mirrors ``numpy.testing.assert_array_max_ulp``."""
    __tracebackhide__ = True  # noqa: F841
    maxulp = _pynum(maxulp)
    x, y = _ulp_operands(a, b, dtype)
    ret = _ulp_distance(x, y)
    if not bool((ret <= maxulp).all()):
        raise AssertionError(f"Arrays are not almost equal up to {maxulp:g} ULP "
                             f"(max difference is {float(ret.max()):g} ULP)")
    return wrap(ret)  # NumPy's result has a leading axis (_ulp_operands added it)


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Assert ``|x - y| <= nulp * spacing(max(|x|, |y|))`` element-wise.
    Mirrors ``numpy.testing.assert_array_almost_equal_nulp``."""
    __tracebackhide__ = True  # noqa: F841
    nulp = _pynum(nulp)
    if isinstance(nulp, int) and not -2**63 <= nulp < 2**63:
        nulp = float(nulp)  # torch multiplies by C integers only
    xt, yt = _tensor(x), _tensor(y)
    dt = _dtypes.result_type_torch(xt, yt)
    if not (dt.is_floating_point or dt.is_complex):
        dt = torch.float64
    xt, yt = xt.to(dt), yt.to(dt)
    try:
        torch.broadcast_shapes(xt.shape, yt.shape)
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with shapes "
                         f"{tuple(xt.shape)} {tuple(yt.shape)}") from None
    ax, ay = xt.abs(), yt.abs()
    top = torch.maximum(ax, ay)
    spacing = torch.nextafter(top, torch.full_like(top, math.inf)) - top
    if bool(((xt - yt).abs() <= nulp * spacing).all()):
        return
    if xt.is_complex():
        raise AssertionError(f"Arrays are not equal to {nulp} ULP")
    worst = float(_ulp_distance(*_ulp_operands(x, y)).max())
    raise AssertionError(f"Arrays are not equal to {nulp} ULP (max is {worst:g})")


# --- exceptions and warnings -----------------------------------------------------------------
class _Asserter(unittest.TestCase):
    def runTest(self):  # pragma: no cover - only here so the TestCase can be built
        pass


_ASSERTER = _Asserter()


def assert_raises(*args, **kwargs):
    """``assert_raises(exc, fn, *args, **kw)`` or ``with assert_raises(exc):``.
    Mirrors ``numpy.testing.assert_raises`` (unittest's ``assertRaises``)."""
    __tracebackhide__ = True  # noqa: F841
    return _ASSERTER.assertRaises(*args, **kwargs)


def assert_raises_regex(exception_class, expected_regexp, *args, **kwargs):
    """Like :func:`assert_raises`, also matching the message against a regex.
    Mirrors ``numpy.testing.assert_raises_regex``."""
    __tracebackhide__ = True  # noqa: F841
    return _ASSERTER.assertRaisesRegex(exception_class, expected_regexp, *args, **kwargs)


@contextlib.contextmanager
def _expect_warning(category, where):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    if not any(issubclass(w.category, category) for w in caught):
        raise AssertionError(f"No warning raised{where}")


def assert_warns(warning_class, *args, **kwargs):
    """Assert that calling ``fn(*args, **kwargs)`` (or the ``with`` block) warns
    with ``warning_class``; return fn's result. Mirrors ``numpy.testing.assert_warns``."""
    __tracebackhide__ = True  # noqa: F841
    if not args and not kwargs:
        return _expect_warning(warning_class, "")
    if not args:
        raise TypeError("assert_warns: keyword arguments need a function to call")
    func, *args = args
    with _expect_warning(warning_class, f" when calling {func.__name__}"):
        return func(*args, **kwargs)


@contextlib.contextmanager
def _expect_silence(where):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    if caught:
        raise AssertionError(f"Got warnings{where}: {caught}")


def assert_no_warnings(*args, **kwargs):
    """Assert that calling ``fn(*args, **kwargs)`` (or the ``with`` block) warns
    nothing; return fn's result. Mirrors ``numpy.testing.assert_no_warnings``."""
    __tracebackhide__ = True  # noqa: F841
    if not args:
        return _expect_silence("")
    func, *args = args
    with _expect_silence(f" when calling {func.__name__}"):
        return func(*args, **kwargs)


class suppress_warnings:  # noqa: N801 - NumPy's name
    """Silence (and optionally record) chosen warnings inside a ``with`` block or a
    decorated function, letting the others through. Mirrors
    ``numpy.testing.suppress_warnings``.

    ``forwarding_rule`` decides how often a warning that is let through is shown:
    "always", "once" (per message), "module" (per message and module) or
    "location" (per message and line)."""

    def __init__(self, forwarding_rule="always", _warn=True):
        if forwarding_rule not in ("always", "module", "once", "location"):
            raise ValueError("unsupported forwarding rule.")
        self._rule = forwarding_rule
        self._rules = []  # (category, compiled message regex, module name or None, log or None)
        self._active = False

    def _add(self, category, message, module, log):
        pattern = re.compile(message, re.I) if message else None
        name = module.__name__ if module is not None else None
        self._rules.append((category, pattern, name, log))

    def filter(self, category=Warning, message="", module=None):
        """Suppress warnings of ``category`` whose text starts with the regex ``message``."""
        self._add(category, message, module, None)

    def record(self, category=Warning, message="", module=None):
        """Like :meth:`filter`, and return a list the suppressed warnings are appended to."""
        log = []
        self._add(category, message, module, log)
        return log

    def __enter__(self):
        if self._active:
            raise RuntimeError("cannot enter suppress_warnings twice.")
        self._active = True
        self._catcher = warnings.catch_warnings()
        self._catcher.__enter__()
        warnings.simplefilter("always")
        self._seen = set()
        self._forward = warnings.showwarning
        self.log = []
        warnings.showwarning = self._show
        return self

    def __exit__(self, *exc_info):
        warnings.showwarning = self._forward
        self._catcher.__exit__(*exc_info)
        self._active = False

    def _matches(self, rule, message, category, filename):
        cat, pattern, module, _ = rule
        if not issubclass(category, cat):
            return False
        if pattern is not None and not pattern.match(str(message)):
            return False
        if module is not None:
            stem = os.path.splitext(os.path.basename(filename))[0]
            if stem != module.rsplit(".", 1)[-1]:
                return False
        return True

    def _show(self, message, category, filename, lineno, file=None, line=None):
        for rule in reversed(self._rules):
            if self._matches(rule, message, category, filename):
                log = rule[3]
                if log is not None:
                    entry = warnings.WarningMessage(message, category, filename, lineno, file, line)
                    log.append(entry)
                    self.log.append(entry)
                return
        key = {"always": None, "once": (str(message), category),
               "module": (str(message), category, filename),
               "location": (str(message), category, filename, lineno)}[self._rule]
        if key is not None:
            if key in self._seen:
                return
            self._seen.add(key)
        self._forward(message, category, filename, lineno, file, line)

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapper


class clear_and_catch_warnings(warnings.catch_warnings):  # noqa: N801 - NumPy's name
    """``warnings.catch_warnings`` that also empties, then restores, the
    ``__warningregistry__`` of the given modules, so "once" warnings fire again.
    Mirrors ``numpy.testing.clear_and_catch_warnings``."""

    class_modules = ()

    def __init__(self, record=False, modules=()):
        self.modules = set(modules).union(self.class_modules)
        self._saved_registries = {}
        super().__init__(record=record)

    def __enter__(self):
        for mod in self.modules:
            registry = getattr(mod, "__warningregistry__", None)
            if registry is not None:
                self._saved_registries[mod] = dict(registry)
                registry.clear()
        return super().__enter__()

    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        for mod in self.modules:
            registry = getattr(mod, "__warningregistry__", None)
            if registry is not None:
                registry.clear()
            if mod in self._saved_registries:
                mod.__warningregistry__ = dict(self._saved_registries[mod])


# --- miscellaneous helpers ------------------------------------------------------------------------
def assert_(val, msg=""):
    """Raise AssertionError(msg) unless ``val``; works under ``python -O``.
    Mirrors ``numpy.testing.assert_``."""
    __tracebackhide__ = True  # noqa: F841
    if not val:
        raise AssertionError(msg() if callable(msg) else msg)


@contextlib.contextmanager
def _no_new_cycles(where):
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    old_flags = gc.get_debug()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        yield
        found = gc.collect()
        garbage = list(gc.garbage)
    finally:
        gc.garbage.clear()
        gc.set_debug(old_flags)
        if was_enabled:
            gc.enable()
    if found:
        raise AssertionError(f"Reference cycles were found{where}: {found} objects were collected, "
                             f"of which {len(garbage)} are shown below:\n"
                             + "\n".join(f"  {type(o).__name__} object with id={id(o)}:\n    {o!r}"
                                         for o in garbage[:10]))


def assert_no_gc_cycles(*args, **kwargs):
    """Assert the call (or ``with`` block) leaves no reference cycles for the
    garbage collector. Mirrors ``numpy.testing.assert_no_gc_cycles``."""
    __tracebackhide__ = True  # noqa: F841
    if not args:
        return _no_new_cycles("")
    func, *args = args
    with _no_new_cycles(f" when calling {func.__name__}"):
        func(*args, **kwargs)
    return None


def break_cycles():
    """Run the garbage collector until nothing more is freed. Mirrors
    ``numpy.testing.break_cycles``."""
    gc.collect()
    if IS_PYPY:
        for _ in range(4):
            gc.collect()


def decorate_methods(cls, decorator, testmatch=None):
    """Apply ``decorator`` to the methods of ``cls`` whose names match ``testmatch``
    (by default, test methods). Mirrors ``numpy.testing.decorate_methods``."""
    if testmatch is None:
        testmatch = re.compile(r"(?:^|[\b_\.%s-])[Tt]est" % re.escape(os.sep))
    else:
        testmatch = re.compile(testmatch)
    for name, member in list(vars(cls).items()):
        if callable(member) and not isinstance(member, type) and testmatch.search(name):
            setattr(cls, name, decorator(member))


@contextlib.contextmanager
def temppath(*args, **kwargs):
    """A temporary file path (created closed, removed afterwards); arguments as
    ``tempfile.mkstemp``. Mirrors ``numpy.testing.temppath``."""
    fd, path = tempfile.mkstemp(*args, **kwargs)
    os.close(fd)
    try:
        yield path
    finally:
        os.remove(path)


@contextlib.contextmanager
def tempdir(*args, **kwargs):
    """A temporary directory, removed afterwards; arguments as ``tempfile.mkdtemp``.
    Mirrors ``numpy.testing.tempdir``."""
    path = tempfile.mkdtemp(*args, **kwargs)
    try:
        yield path
    finally:
        shutil.rmtree(path)


_START = time.time()


def _proc_stat_fields(path):
    try:
        with open(path) as fh:
            text = fh.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces; the fields after it are plain
    return text[text.rfind(")") + 2:].split()


def jiffies(_proc_pid_stat=None, _load_time=None):
    """User CPU time of this process in 1/100 s. Mirrors ``numpy.testing.jiffies``."""
    fields = _proc_stat_fields(_proc_pid_stat or f"/proc/{os.getpid()}/stat")
    if fields is not None:
        return int(fields[11])  # utime: field 14 of the file
    start = _START if _load_time is None else _load_time[0] if isinstance(_load_time, list) else _load_time
    return int(100 * (time.time() - start))


def memusage(_proc_pid_stat=None):
    """Virtual memory size of this process in bytes, or None where unknown.
    Mirrors ``numpy.testing.memusage``."""
    fields = _proc_stat_fields(_proc_pid_stat or f"/proc/{os.getpid()}/stat")
    if fields is None:
        return None
    return int(fields[20])  # vsize: field 23 of the file


def measure(code_str, times=1, label=None):
    """Seconds to run ``code_str`` ``times`` times in the caller's namespace.
    Mirrors ``numpy.testing.measure``."""
    frame = sys._getframe(1)
    code = compile(code_str, f"Test name: {label} ", "exec")
    start = time.perf_counter()
    for _ in range(times):
        exec(code, frame.f_globals, frame.f_locals)  # noqa: S102 - running the caller's code is the point
    return time.perf_counter() - start


def rundocs(filename=None, raise_on_error=True):
    """Not supported: NumPy's ``rundocs`` runs a module's doctests against NumPy."""
    raise NotImplementedError("torchnp.testing.rundocs is not supported; use python -m doctest")


def runstring(astr, dict):  # noqa: A002 - NumPy's parameter name
    """Execute ``astr`` with ``dict`` as its namespace. Mirrors ``numpy.testing.runstring``."""
    exec(astr, dict)  # noqa: S102


def run_threaded(func, max_workers=8, pass_count=False, pass_barrier=False, outer_iterations=1,
                 prepare_args=None):
    """Call ``func`` from ``max_workers`` threads at once, ``outer_iterations``
    times. Mirrors ``numpy.testing.run_threaded``."""
    for _ in range(outer_iterations):
        with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as pool:
            extra = [] if prepare_args is None else list(prepare_args())
            barrier = threading.Barrier(max_workers) if pass_barrier else None
            futures = []
            for i in range(max_workers):
                call_args = list(extra)
                if pass_count:
                    call_args.insert(0, i)
                if barrier is not None:
                    call_args.append(barrier)
                futures.append(pool.submit(func, *call_args))
            for f in futures:
                f.result()


def check_support_sve(__cache=[]):  # noqa: B006 - NumPy's signature
    """Whether NumPy's SVE kernels apply; always False for torchnp. Mirrors
    ``numpy.testing.check_support_sve``."""
    return False
