"""NumPy's array printing (``repr``/``str`` of arrays and scalars, print options).

A port of ``numpy/_core/arrayprint.py`` onto torch and plain Python: the part of
an array that will be shown (the whole array, or its corners above
``threshold``) is moved to the host once with ``.cpu().tolist()``; the rest is
string work. NumPy's Dragon4 float formatting is reproduced exactly with
``decimal`` arithmetic: every float16/32/64 value is exactly a Python float, the
shortest round-trip digits come from ``repr`` (float64) or a short search
(float32/float16), and fixed-precision digits are the exact value rounded half
to even. Imports only torch and the core's dtype helpers (never numpy).
"""
from __future__ import annotations

import contextlib
import contextvars
import decimal
import math
import numbers
import operator
import struct
import sys
import warnings

import torch

from . import _dtypes

__all__ = [
    "array2string", "array_repr", "array_str", "set_printoptions", "get_printoptions",
    "printoptions", "format_float_positional", "format_float_scientific", "base_repr",
    "binary_repr",
]

# --- print options ------------------------------------------------------------------
_DEFAULTS = {
    "edgeitems": 3, "threshold": 1000, "floatmode": "maxprec", "precision": 8,
    "suppress": False, "linewidth": 75, "nanstr": "nan", "infstr": "inf", "sign": "-",
    "formatter": None, "legacy": sys.maxsize, "override_repr": None,
}
_options = contextvars.ContextVar("torchnp_printoptions", default=_DEFAULTS)
_LEGACY = {"1.13": 113, "1.21": 121, "1.25": 125, "2.1": 201, "2.2": 202}
_LEGACY_NAMES = {v: k for k, v in _LEGACY.items()}
_LEGACY_NAMES[sys.maxsize] = False
_FLOATMODES = ("fixed", "unique", "maxprec", "maxprec_equal")


def _make_options_dict(precision=None, threshold=None, edgeitems=None, linewidth=None,
                       suppress=None, nanstr=None, infstr=None, sign=None, formatter=None,
                       floatmode=None, legacy=None, override_repr=None):
    """Validate print options as ``numpy._core.arrayprint._make_options_dict`` does."""
    options = {k: v for k, v in list(locals().items()) if v is not None}
    if suppress is not None:
        options["suppress"] = bool(suppress)
    if floatmode not in _FLOATMODES + (None,):
        raise ValueError("floatmode option must be one of " +
                         ", ".join(f'"{m}"' for m in _FLOATMODES))
    if sign not in (None, "-", "+", " "):
        raise ValueError("sign option must be one of ' ', '+', or '-'")
    if legacy is False:
        options["legacy"] = sys.maxsize
    elif legacy is None:
        pass
    elif legacy == False:  # noqa: E712 - NumPy deprecates falsy non-False values
        warnings.warn(f"Passing `legacy={legacy!r}` is deprecated.", FutureWarning, stacklevel=3)
        options["legacy"] = sys.maxsize
    elif legacy in _LEGACY:
        options["legacy"] = _LEGACY[legacy]
    else:
        options.pop("legacy", None)
        warnings.warn("legacy printing option can currently only be '1.13', '1.21', "
                      "'1.25', '2.1', '2.2' or `False`", stacklevel=3)
    if threshold is not None:
        if not isinstance(threshold, numbers.Number):
            raise TypeError("threshold must be numeric")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                             "representation")
    if precision is not None:
        try:
            options["precision"] = operator.index(precision)
        except TypeError as exc:
            raise TypeError("precision must be an integer") from exc
    return options


def _set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                      suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                      floatmode=None, *, legacy=None, override_repr=None):
    new = _make_options_dict(precision, threshold, edgeitems, linewidth, suppress, nanstr,
                             infstr, sign, formatter, floatmode, legacy)
    new["formatter"] = formatter
    new["override_repr"] = override_repr
    updated = dict(_options.get())
    updated.update(new)
    if updated["legacy"] == 113:
        updated["sign"] = "-"
    return _options.set(updated)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    """Set how arrays print. Mirrors ``numpy.set_printoptions`` (context-local, as NumPy's)."""
    _set_printoptions(precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr,
                      formatter, sign, floatmode, legacy=legacy, override_repr=override_repr)


def get_printoptions():
    """The current print options. Mirrors ``numpy.get_printoptions``."""
    opts = dict(_options.get())
    opts["legacy"] = _LEGACY_NAMES[opts["legacy"]]
    return opts


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Print options for a ``with`` block. Mirrors ``numpy.printoptions``."""
    token = _set_printoptions(*args, **kwargs)
    try:
        yield get_printoptions()
    finally:
        _options.reset(token)


# --- Dragon4: exact float digits ----------------------------------------------------
_FLOAT_BITS = {torch.float16: 16, torch.float32: 32, torch.float64: 64,
               torch.complex64: 32, torch.complex128: 64}
_PACK = {16: "<e", 32: "<f"}
_FINFO_PRECISION = {16: 3, 32: 6, 64: 15}
_CTX = decimal.Context(prec=2000, rounding=decimal.ROUND_HALF_EVEN, Emax=10**6, Emin=-10**6)


def _roundtrips(s, x, bits):
    try:
        return struct.unpack(_PACK[bits], struct.pack(_PACK[bits], float(s)))[0] == x
    except (OverflowError, struct.error):
        return False


def _shortest(x, bits):
    """Shortest round-trip digits of the positive finite ``x`` in its type: (digits, exponent)."""
    if bits == 64:
        s = repr(x)
    else:
        s = None
        for p in range(1, 10):
            cand = "%.*e" % (p - 1, x)
            if _roundtrips(cand, x, bits):
                s = cand
                break
            # the nearest p-digit decimal may miss an asymmetric interval (at powers of
            # two) while its neighbour above hits it, as Dragon4's unequal margins allow
            mant, _, ex = cand.partition("e")
            d = decimal.Decimal(mant.replace(".", "")) + 1
            up = f"{d}e{int(ex) - (p - 1)}"
            if _roundtrips(up, x, bits):
                s = up
                break
        if s is None:
            s = "%.9e" % x
    d = decimal.Decimal(s)
    sign, digits, exp = d.as_tuple()
    digits = "".join(map(str, digits)).rstrip("0") or "0"
    ndig = len("".join(map(str, d.as_tuple()[1])))
    return digits, exp + ndig - 1


def _cut(x, total, p):
    """Digits of positive ``x`` cut off as Dragon4 does: (digits, exponent).

    The exact value is truncated at the cutoff (``p`` significant digits when
    ``total``, else ``p`` digits after the point) and rounded half to even.
    Rounding down keeps the trailing zeros up to the cutoff; rounding up drops
    the digits a carry turned into zeros (``19.96`` at one decimal -> ``2``, e=1).
    """
    d = _CTX.create_decimal(x)  # exact: every float is a finite decimal
    e = d.adjusted()
    k = p if total else e + 1 + p  # digits kept
    if k <= 0:
        # the first digit lies past the cutoff: the result is 0 or 1 at the cutoff digit
        half = decimal.Decimal(5).scaleb(-p - 1)
        return ("1", -p) if k == 0 and d > half else ("0", -p)
    q = d.scaleb(k - 1 - e, _CTX)
    whole = int(q)
    rem = q - whole
    if rem > decimal.Decimal("0.5") or (rem == decimal.Decimal("0.5") and whole % 2 == 1):
        up = str(whole + 1)
        if len(up) > k:
            return "1", e + 1
        return up.rstrip("0"), e
    if rem == 0:  # the exact value ran out before the cutoff: Dragon4 stops there
        return str(whole).rstrip("0") or "0", e
    return str(whole), e


def _dragon4(x, bits, unique, total, precision, min_digits):
    """(digits, exponent) as NumPy's Dragon4 produces them for positive finite ``x``.

    ``total``: the cutoff counts significant digits, else digits after the point.
    ``precision``/``min_digits`` < 0 mean unset.
    """
    if x == 0:
        return "0", 0
    if unique:
        digits, e = _shortest(x, bits)
        n = len(digits) if total else len(digits) - e - 1  # digits in the cutoff's metric
        if precision >= 0 and n > precision:
            return _cut(x, total, precision)
        if precision >= 0:
            min_digits = min(min_digits, precision)  # the cutoff wins over min_digits
        if min_digits >= 0 and n < min_digits:
            return _cut(x, total, min_digits)
        return digits, e
    return _cut(x, total, precision)


_TRIM = {"k": "none", ".": "zeros", "0": "one", "-": "dpt"}


def _trim_mode(trim):
    try:
        return _TRIM[trim]
    except KeyError:
        raise TypeError(f"if supplied, trim must be 'k', '.', '0' or '-' found `{trim}`") from None


def _positional(x, bits, precision=-1, unique=True, fractional=True, trim="k", sign=False,
                pad_left=-1, pad_right=-1, min_digits=-1):
    """Dragon4 positional formatting (``FormatPositional`` in numpy's dragon4.c)."""
    mode = _trim_mode(trim)
    neg = math.copysign(1.0, x) < 0
    s = "-" if neg else ("+" if sign else "")
    has_sign = len(s)
    digits, e = _dragon4(abs(x), bits, unique, not fractional, precision, min_digits)
    if e >= 0:
        whole_n = e + 1
        if len(digits) <= whole_n:
            whole, frac = digits + "0" * (whole_n - len(digits)), ""
        else:
            whole, frac = digits[:whole_n], digits[whole_n:]
    else:
        whole_n = 1
        whole, frac = "0", "0" * (-e - 1) + digits
        if digits == "0":
            frac = frac[:-1] if False else frac
    out = s + whole
    nfrac = len(frac)
    if frac:
        out += "." + frac
    elif mode != "dpt":
        out += "."
    add = min_digits if unique else precision
    desired = max(add, 0)
    if not fractional:
        desired = add - whole_n
    if mode == "one":
        if nfrac == 0:
            out += "0"
            nfrac = 1
    elif mode == "none" and desired > nfrac:
        out += "0" * (desired - nfrac)
        nfrac = desired
    if mode != "none" and nfrac > 0:
        stripped = out.rstrip("0")
        nfrac -= len(out) - len(stripped)
        out = stripped
        if out.endswith("."):
            if mode == "one":
                out += "0"
                nfrac += 1
            elif mode == "dpt":
                out = out[:-1]
    if pad_right >= nfrac:
        if mode == "dpt" and nfrac == 0:
            out += " "
        out += " " * (pad_right - nfrac)
    if pad_left > whole_n + has_sign:
        out = " " * (pad_left - whole_n - has_sign) + out
    return out


def _scientific(x, bits, precision=-1, unique=True, trim="k", sign=False, pad_left=-1,
                exp_digits=-1, min_digits=-1):
    """Dragon4 scientific formatting (``FormatScientific`` in numpy's dragon4.c)."""
    mode = _trim_mode(trim)
    neg = math.copysign(1.0, x) < 0
    s = "-" if neg else ("+" if sign else "")
    digits, e = _dragon4(abs(x), bits, unique, True,
                         precision + 1 if precision >= 0 else -1,
                         min_digits + 1 if min_digits >= 0 else -1)
    if x == 0:
        e = 0
    out = s + digits[0]
    frac = digits[1:]
    nfrac = len(frac)
    if frac:
        out += "." + frac
    elif mode != "dpt":
        out += "."
    add = min_digits if unique else precision
    desired = max(add, 0)
    if mode == "one":
        if nfrac == 0:
            out += "0"
            nfrac = 1
    elif mode == "none" and desired > nfrac:
        out += "0" * (desired - nfrac)
        nfrac = desired
    if mode != "none" and nfrac > 0:
        stripped = out.rstrip("0")
        nfrac -= len(out) - len(stripped)
        out = stripped
        if out.endswith(".") and mode == "one":
            out += "0"
    exp_digits = 2 if exp_digits < 0 else min(exp_digits, 5)
    ed = str(abs(e)) if e else ""  # NumPy prints no digit for a zero exponent past exp_digits
    out += ("e+" if e >= 0 else "e-") + ed.zfill(exp_digits)
    if pad_left > 1 + len(s):
        out = " " * (pad_left - 1 - len(s)) + out
    return out


def _nonfinite(x, sign):
    if x != x:
        return "nan"
    return ("-" if x < 0 else ("+" if sign else "")) + "inf"


def _none_or_positive_arg(x, name):
    if x is None:
        return -1
    if x < 0:
        raise ValueError(f"{name} must be >= 0")
    return x


def _float_arg(x):
    """A float-like argument as (Python float, bits of its type)."""
    t = getattr(x, "tensor", None)
    if isinstance(x, torch.Tensor):
        t = x
    if isinstance(t, torch.Tensor):
        if t.numel() != 1:
            raise TypeError("not a float")
        bits = _FLOAT_BITS.get(t.dtype, 64)
        if t.is_complex():
            raise TypeError("not a float")
        return float(t.reshape(()).item()), bits
    if hasattr(x, "dtype") and hasattr(x, "item"):  # other libraries' scalars
        name = getattr(x.dtype, "name", "float64")
        bits = {"float16": 16, "float32": 32}.get(name, 64)
        return float(x.item()), bits
    if isinstance(x, complex):
        raise TypeError("not a float")
    return float(x), 64


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """Format a float in positional notation. Mirrors ``numpy.format_float_positional``."""
    precision = _none_or_positive_arg(precision, "precision")
    pad_left = _none_or_positive_arg(pad_left, "pad_left")
    pad_right = _none_or_positive_arg(pad_right, "pad_right")
    min_digits = _none_or_positive_arg(min_digits, "min_digits")
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    v, bits = _float_arg(x)
    if not unique and precision < 0:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if not math.isfinite(v):
        return _nonfinite(v, sign)
    return _positional(v, bits, precision, unique, fractional, trim, sign, pad_left,
                       pad_right, min_digits)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """Format a float in scientific notation. Mirrors ``numpy.format_float_scientific``."""
    precision = _none_or_positive_arg(precision, "precision")
    pad_left = _none_or_positive_arg(pad_left, "pad_left")
    exp_digits = _none_or_positive_arg(exp_digits, "exp_digits")
    min_digits = _none_or_positive_arg(min_digits, "min_digits")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    v, bits = _float_arg(x)
    if not unique and precision < 0:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if not math.isfinite(v):
        return _nonfinite(v, sign)
    return _scientific(v, bits, precision, unique, trim, sign, pad_left, exp_digits, min_digits)


# --- element formatters (arrayprint's IntegerFormat, FloatingFormat, ...) ----------------
class _IntegerFormat:
    def __init__(self, data, sign="-"):
        if data:
            mx, mn = max(data), min(data)
            max_len = len(str(mx))
            if sign == " " and mn < 0:
                sign = "-"
            if mx >= 0 and sign in "+ ":
                max_len += 1
            max_len = max(max_len, len(str(mn)))
        else:
            max_len = 0
        self.format = f"{{:{sign}{max_len}d}}"

    def __call__(self, x):
        return self.format.format(x)


class _BoolFormat:
    def __init__(self, zero_d):
        self.truestr = "True" if zero_d else " True"

    def __call__(self, x):
        return self.truestr if x else "False"


class _FloatingFormat:
    def __init__(self, data, bits, zero_d, precision, floatmode, suppress_small, sign=False, *,
                 legacy):
        if isinstance(sign, bool):
            sign = "+" if sign else "-"
        self._legacy = legacy
        self.bits = bits
        if legacy <= 113 and not zero_d and sign == "-":
            sign = " "
        self.floatmode = floatmode
        self.precision = None if floatmode == "unique" else precision
        self.precision = _none_or_positive_arg(self.precision, "precision")
        self.suppress_small = suppress_small
        self.sign = sign
        self.exp_format = False
        self._fill(data)

    def _fill(self, data):
        finite = [x for x in data if math.isfinite(x)]
        nonzero = [abs(x) for x in finite if x != 0]
        if nonzero:
            max_val, min_val = max(nonzero), min(nonzero)
            cutoff = 1e8 if self._legacy <= 202 else 10.0 ** min(8, _FINFO_PRECISION[self.bits])
            if max_val >= cutoff or (not self.suppress_small and (
                    min_val < 0.0001 or _ratio(max_val, min_val) > 1000.0)):
                self.exp_format = True
        plus = self.sign == "+"
        if not finite:
            self.pad_left = self.pad_right = 0
            self.trim = "."
            self.exp_size = -1
            self.unique = True
            self.min_digits = -1
        elif self.exp_format:
            trim, unique = ".", True
            if self.floatmode == "fixed" or self._legacy <= 113:
                trim, unique = "k", False
            strs = [_scientific(x, self.bits, self.precision, unique, trim, plus) for x in finite]
            parts = [s.partition("e") for s in strs]
            int_frac = [p[0].split(".") for p in parts]
            self.exp_size = max(len(p[2]) for p in parts) - 1
            self.trim = "k"
            self.precision = max(len(f[1]) for f in int_frac)
            self.min_digits = self.precision
            self.unique = unique
            self.pad_left = 3 if self._legacy <= 113 else max(len(f[0]) for f in int_frac)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            trim, unique = ".", True
            if self.floatmode == "fixed":
                trim, unique = "k", False
            strs = [_positional(x, self.bits, self.precision, unique, True, trim, plus)
                    for x in finite]
            int_frac = [s.split(".") for s in strs]
            if self._legacy <= 113:
                self.pad_left = 1 + max(len(f[0].lstrip("-+")) for f in int_frac)
            else:
                self.pad_left = max(len(f[0]) for f in int_frac)
            self.pad_right = max(len(f[1]) for f in int_frac)
            self.exp_size = -1
            self.unique = unique
            if self.floatmode in ("fixed", "maxprec_equal"):
                self.precision = self.min_digits = self.pad_right
                self.trim = "k"
            else:
                self.trim = "."
                self.min_digits = 0
        if self._legacy > 113:
            if self.sign == " " and not any(math.copysign(1.0, x) < 0 for x in finite):
                self.pad_left += 1
        if len(data) != len(finite):
            opts = _options.get()
            neginf = self.sign != "-" or any(x < 0 for x in data if math.isinf(x))
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, len(opts["nanstr"]) - offset,
                                len(opts["infstr"]) + neginf - offset)

    def __call__(self, x):
        if not math.isfinite(x):
            opts = _options.get()
            if x != x:
                ret = ("+" if self.sign == "+" else "") + opts["nanstr"]
            else:
                ret = ("-" if x < 0 else "+" if self.sign == "+" else "") + opts["infstr"]
            return " " * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp_format:
            return _scientific(x, self.bits, self.precision, self.unique, self.trim,
                               self.sign == "+", self.pad_left, self.exp_size, self.min_digits)
        return _positional(x, self.bits, self.precision, self.unique, True, self.trim,
                           self.sign == "+", self.pad_left, self.pad_right, self.min_digits)


def _ratio(a, b):
    try:
        return a / b
    except OverflowError:
        return math.inf


class _ComplexFloatingFormat:
    def __init__(self, data, bits, zero_d, precision, floatmode, suppress_small, sign=False, *,
                 legacy):
        if isinstance(sign, bool):
            sign = "+" if sign else "-"
        fm_real = fm_imag = floatmode
        if legacy <= 113:
            fm_real, fm_imag = "maxprec_equal", "maxprec"
        self.real_format = _FloatingFormat([z.real for z in data], bits, zero_d, precision,
                                           fm_real, suppress_small, sign=sign, legacy=legacy)
        self.imag_format = _FloatingFormat([z.imag for z in data], bits, zero_d, precision,
                                           fm_imag, suppress_small, sign="+", legacy=legacy)

    def __call__(self, x):
        r = self.real_format(x.real)
        i = self.imag_format(x.imag)
        sp = len(i.rstrip())
        return r + i[:sp] + "j" + i[sp:]


def _flatten(nested, ndim):
    if ndim == 0:
        return [nested]
    out = nested
    for _ in range(ndim - 1):
        out = [y for x in out for y in x]
    return out


def _format_function(t, data_flat, zero_d, options):
    """arrayprint._get_format_function for the dtypes torch stores."""
    dt = t.dtype
    formatter = options["formatter"]
    if formatter is not None:
        keys = [k for k in formatter if formatter[k] is not None]
        kind = ("bool" if dt is torch.bool else
                "complexfloat" if dt.is_complex else
                "float" if dt.is_floating_point else "int")
        group = {"int": "int_kind", "float": "float_kind", "complexfloat": "complex_kind"}.get(kind)
        chosen = None
        if "all" in keys:
            chosen = formatter["all"]
        if group in keys:
            chosen = formatter[group]
        if kind in keys:
            chosen = formatter[kind]
        if chosen is not None:
            scalar_type = _dtypes._SCALAR_BY_TORCH[dt]
            return lambda x, f=chosen: f(scalar_type(x))
    legacy = options["legacy"]
    if dt is torch.bool:
        return _BoolFormat(zero_d)
    if dt.is_complex:
        return _ComplexFloatingFormat(data_flat, _FLOAT_BITS[dt], zero_d, options["precision"],
                                      options["floatmode"], options["suppress"],
                                      options["sign"], legacy=legacy)
    if dt.is_floating_point:
        if dt not in _FLOAT_BITS:
            raise NotImplementedError(f"torchnp: printing {dt} is not supported")
        return _FloatingFormat(data_flat, _FLOAT_BITS[dt], zero_d, options["precision"],
                               options["floatmode"], options["suppress"], options["sign"],
                               legacy=legacy)
    return _IntegerFormat(data_flat, options["sign"])


def _leading_trailing(t, edgeitems):
    """The corners of ``t``: along each axis longer than 2*edgeitems keep both ends."""
    for axis in range(t.ndim):
        n = t.shape[axis]
        if n > 2 * edgeitems:
            t = torch.cat((t.narrow(axis, 0, edgeitems), t.narrow(axis, n - edgeitems, edgeitems)),
                          dim=axis)
    return t


def _to_host_list(t):
    t = t.detach()
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    t = t.cpu()
    if t.dtype in (torch.uint16, torch.uint32):
        t = t.to(torch.int64)  # tolist lacks these kernels on some torch versions
    elif t.dtype is torch.uint64:
        vals = t.view(torch.int64).tolist()
        return _map_nested(vals, lambda v: v + 2**64 if v < 0 else v, t.ndim)
    return t.tolist()


def _map_nested(vals, fn, ndim):
    if ndim == 0:
        return fn(vals)
    return [_map_nested(v, fn, ndim - 1) for v in vals]


def _extend_line(s, line, word, line_width, next_line_prefix, legacy):
    needs_wrap = len(line) + len(word) > line_width
    if legacy > 113 and len(line) <= len(next_line_prefix):
        needs_wrap = False
    if needs_wrap:
        s += line.rstrip() + "\n"
        line = next_line_prefix
    line += word
    return s, line


def _extend_line_pretty(s, line, word, line_width, next_line_prefix, legacy):
    words = word.splitlines()
    if len(words) == 1 or legacy <= 113:
        return _extend_line(s, line, word, line_width, next_line_prefix, legacy)
    max_word_length = max(len(w) for w in words)
    if len(line) + max_word_length > line_width and len(line) > len(next_line_prefix):
        s += line.rstrip() + "\n"
        line = next_line_prefix + words[0]
        indent = next_line_prefix
    else:
        indent = len(line) * " "
        line += words[0]
    for w in words[1:]:
        s += line.rstrip() + "\n"
        line = indent + w
    line += (max_word_length - len(words[-1])) * " "
    return s, line


def _format_array(data, shape, format_function, line_width, next_line_prefix, separator,
                  edge_items, summary_insert, legacy):
    """arrayprint._formatArray over a nested list (``data``) of the shown corners."""
    ndim = len(shape)

    def recurser(sub, axis, hanging_indent, curr_width):
        axes_left = ndim - axis
        if axes_left == 0:
            return format_function(sub)
        next_hanging_indent = hanging_indent + " "
        next_width = curr_width if legacy <= 113 else curr_width - len("]")
        a_len = shape[axis]
        show_summary = summary_insert and 2 * edge_items < a_len
        if show_summary:
            leading_items = trailing_items = edge_items
        else:
            leading_items, trailing_items = 0, a_len
        s = ""
        if axes_left == 1:
            if legacy <= 113:
                elem_width = curr_width - len(separator.rstrip())
            else:
                elem_width = curr_width - max(len(separator.rstrip()), len("]"))
            line = hanging_indent
            for i in range(leading_items):
                word = recurser(sub[i], axis + 1, next_hanging_indent, next_width)
                s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent, legacy)
                line += separator
            if show_summary:
                s, line = _extend_line(s, line, summary_insert, elem_width, hanging_indent, legacy)
                line += ", " if legacy <= 113 else separator
            for i in range(trailing_items, 1, -1):
                word = recurser(sub[-i], axis + 1, next_hanging_indent, next_width)
                s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent, legacy)
                line += separator
            if legacy <= 113:
                elem_width = curr_width
            word = recurser(sub[-1], axis + 1, next_hanging_indent, next_width)
            s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent, legacy)
            s += line
        else:
            line_sep = separator.rstrip() + "\n" * (axes_left - 1)
            for i in range(leading_items):
                nested = recurser(sub[i], axis + 1, next_hanging_indent, next_width)
                s += hanging_indent + nested + line_sep
            if show_summary:
                if legacy <= 113:
                    s += hanging_indent + summary_insert + ", \n"
                else:
                    s += hanging_indent + summary_insert + line_sep
            for i in range(trailing_items, 1, -1):
                nested = recurser(sub[-i], axis + 1, next_hanging_indent, next_width)
                s += hanging_indent + nested + line_sep
            nested = recurser(sub[-1], axis + 1, next_hanging_indent, next_width)
            s += hanging_indent + nested
        return "[" + s[len(hanging_indent):] + "]"

    return recurser(data, 0, next_line_prefix, line_width)


def _tensor_of(a):
    t = getattr(a, "tensor", None)
    if isinstance(t, torch.Tensor):
        return t
    if isinstance(a, torch.Tensor):
        return a
    from ._normalize import as_tensor
    return as_tensor(a)


def _array2string(t, options, separator=" ", prefix=""):
    if t.numel() > options["threshold"]:
        summary_insert = "..."
        shown = _leading_trailing(t, options["edgeitems"])
    else:
        summary_insert = ""
        shown = t
    data = _to_host_list(shown)
    fmt = _format_function(t, _flatten(data, t.ndim), t.ndim == 0, options)
    next_line_prefix = " " + " " * len(prefix)
    return _format_array(data, tuple(t.shape), fmt, options["linewidth"], next_line_prefix,
                         separator, options["edgeitems"], summary_insert, options["legacy"])


def _check_dtype(t):
    if t.dtype not in _dtypes._BY_TORCH:
        raise NotImplementedError(f"torchnp: printing arrays of torch dtype {t.dtype} is not "
                                  "supported (no NumPy equivalent)")


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *, formatter=None, threshold=None, edgeitems=None, sign=None,
                 floatmode=None, suffix="", legacy=None):
    """The string of an array's data. Mirrors ``numpy.array2string``."""
    t = _tensor_of(a)
    _check_dtype(t)
    overrides = _make_options_dict(precision, threshold, edgeitems, max_line_width,
                                   suppress_small, None, None, sign, formatter, floatmode, legacy)
    options = dict(_options.get())
    options.update(overrides)
    if options["legacy"] <= 113 and t.ndim == 0:
        return repr(_to_host_list(t))
    if options["legacy"] > 113:
        options["linewidth"] -= len(suffix)
    if t.numel() == 0:
        return "[]"
    return _array2string(t, options, separator, prefix)


_IMPLIED = (torch.int64, torch.float64, torch.complex128, torch.bool)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """``repr`` of an array, as NumPy writes it. Mirrors ``numpy.array_repr``."""
    opts = _options.get()
    if opts["override_repr"] is not None:
        return opts["override_repr"](arr)
    t = _tensor_of(arr)
    _check_dtype(t)
    if max_line_width is None:
        max_line_width = opts["linewidth"]
    prefix = "array("
    shape = tuple(t.shape)
    if opts["legacy"] <= 113 and shape == ():
        lst = repr(_to_host_list(t))
    else:
        lst = array2string(t, max_line_width, precision, suppress_small, ", ", prefix,
                           suffix=")")
    extras = []
    size = t.numel()
    if (size == 0 and shape != (0,)) or (opts["legacy"] > 210 and size > opts["threshold"]):
        extras.append(f"shape={shape}")
    implied = t.dtype in _IMPLIED and not (opts["legacy"] <= 113 and t.dtype is torch.bool)
    if not implied or size == 0:
        extras.append(f"dtype={_dtypes._BY_TORCH[t.dtype].name}")
    if not extras:
        return prefix + lst + ")"
    arr_str = prefix + lst + ","
    extra_str = ", ".join(extras) + ")"
    last_line_len = len(arr_str) - (arr_str.rfind("\n") + 1)
    spacer = " "
    if opts["legacy"] > 113 and last_line_len + len(extra_str) + 1 > max_line_width:
        spacer = "\n" + " " * len(prefix)
    return arr_str + spacer + extra_str


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """``str`` of an array, as NumPy writes it. Mirrors ``numpy.array_str``."""
    t = _tensor_of(a)
    _check_dtype(t)
    if t.ndim == 0:
        if _options.get()["legacy"] <= 113:
            return str(_to_host_list(t))
        return _scalar_text(t, repr_mode=False)
    return array2string(t, max_line_width, precision, suppress_small, " ", "")


# --- scalars -------------------------------------------------------------------------
_SCALAR_SCI_CUTOFF = {16: 1e3, 32: 1e6, 64: 1e16}  # NumPy 2 scalars switch to scientific here


def _float_either(x, bits, trim_pos, trim_sci):
    """NumPy's scalar float text: positional for 1e-4 <= |x| < 1e16 (or 0), else scientific."""
    if not math.isfinite(x):
        return "nan" if x != x else ("-inf" if x < 0 else "inf")
    ax = abs(x)
    if ax == 0 or 1e-4 <= ax < _SCALAR_SCI_CUTOFF[bits]:
        return _positional(x, bits, -1, True, True, trim_pos, False)
    return _scientific(x, bits, -1, True, trim_sci, False)


def _scalar_text(t, repr_mode):
    """str of a 0-d tensor as NumPy prints the matching scalar."""
    v = _to_host_list(t.reshape(()))
    dt = t.dtype
    if dt is torch.bool:
        return str(v)
    if dt.is_complex:
        bits = _FLOAT_BITS[dt]
        if bits == 64:
            return repr(v)
        re, im = v.real, v.imag
        im_s = _float_either(im, bits, "-", "-")
        if not math.isfinite(im):
            im_s = im_s  # nan/inf print bare, as in Python's complex repr
        if re == 0 and math.copysign(1.0, re) > 0:
            return im_s + "j"
        re_s = _float_either(re, bits, "-", "-")
        if not im_s.startswith("-"):
            im_s = "+" + im_s
        return f"({re_s}{im_s}j)"
    if dt.is_floating_point:
        bits = _FLOAT_BITS[dt]
        if bits == 64:
            return repr(v)
        return _float_either(v, bits, "0", "-")
    return str(v)


def scalar_str(s):
    """``str`` of a torchnp scalar (``str(np.float32(0.1)) == '0.1'``)."""
    return _scalar_text(s.tensor, repr_mode=False)


def scalar_repr(s):
    """``repr`` of a torchnp scalar, NumPy 2 style: ``np.float64(2.5)``, ``np.True_``."""
    t = s.tensor
    text = _scalar_text(t, repr_mode=True)
    if _options.get()["legacy"] <= 125:
        return text
    if t.dtype is torch.bool:
        return f"np.{text}_"
    if t.dtype.is_complex and text.startswith("("):
        text = text[1:-1]  # np.complex128(1+2j): the call's parentheses replace the pair
    return f"np.{_dtypes._BY_TORCH[t.dtype].name}({text})"


# --- integers in other bases -----------------------------------------------------------
def binary_repr(num, width=None):
    """Two's-complement binary string of an integer. Mirrors ``numpy.binary_repr``."""
    def err_if_insufficient(width, binwidth):
        if width is not None and width < binwidth:
            raise ValueError(f"Insufficient bit {width=} provided for {binwidth=}")

    num = operator.index(num)
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        binary = f"{num:b}"
        binwidth = len(binary)
        outwidth = binwidth if width is None else max(binwidth, width)
        err_if_insufficient(width, binwidth)
        return binary.zfill(outwidth)
    if width is None:
        return f"-{-num:b}"
    poswidth = len(f"{-num:b}")
    if 2 ** (poswidth - 1) == -num:  # numpy gh-8679: no extra digit at the boundary
        poswidth -= 1
    twocomp = 2 ** (poswidth + 1) + num
    binary = f"{twocomp:b}"
    binwidth = len(binary)
    outwidth = max(binwidth, width)
    err_if_insufficient(width, binwidth)
    return "1" * (outwidth - binwidth) + binary


def base_repr(number, base=2, padding=0):
    """String of an integer in base 2..36. Mirrors ``numpy.base_repr``."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(int(number))
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append("0" * padding)
    if number < 0:
        res.append("-")
    return "".join(reversed(res or "0"))
