"""Text forms of arrays and scalars: ``repr``/``str``, print options and the
float formatting functions (``format_float_positional`` & co.).

Written from NumPy's observable output, checked character for character by
``tests/core/test_printing.py``.  Design, in three layers:

* **digits** -- a positive finite float is turned into a decimal digit string
  and a power of ten, either the shortest string that reads back to the same
  value of its own type, or the exact binary value rounded (half to even) at a
  chosen place.  Everything is integer arithmetic on ``float.as_integer_ratio``;
  no ``decimal`` import at start-up.
* **cells** -- the shown elements (only those: large arrays are cut down on
  their own device first, then moved to the host in one transfer) become
  strings of one common width, decided per dtype kind from all shown values.
* **grid** -- the cells are laid out in nested brackets with line wrapping,
  summarisation rows, and the ``array(..., dtype=...)`` decoration.

No NumPy at run time; this module only needs torch and the core dtype table.
"""
from __future__ import annotations

__all__ = [
    "array2string", "array_repr", "array_str", "set_printoptions", "get_printoptions",
    "printoptions", "format_float_positional", "format_float_scientific", "base_repr",
    "binary_repr", "scalar_repr", "scalar_str",
]

import contextlib
import contextvars
import functools
import math
import operator
import struct
import sys

import torch

from . import _dtypes

# =============================================================================
# print options
# =============================================================================
_STANDARD = {
    "edgeitems": 3, "threshold": 1000, "floatmode": "maxprec", "precision": 8,
    "suppress": False, "linewidth": 75, "nanstr": "nan", "infstr": "inf", "sign": "-",
    "formatter": None, "legacy": False, "override_repr": None,
}
_state = contextvars.ContextVar("torchnp_printoptions", default=dict(_STANDARD))

# legacy string -> comparable number; ``False`` (current behaviour) is +infinity
_LEGACY_LEVELS = {"1.13": 113, "1.21": 121, "1.25": 125, "2.1": 201, "2.2": 202}
_CURRENT = sys.maxsize
_FLOAT_MODES = ("fixed", "unique", "maxprec", "maxprec_equal")
_SIGN_MODES = ("-", "+", " ")


def _legacy_level(opts):
    return _LEGACY_LEVELS.get(opts["legacy"], _CURRENT) if opts["legacy"] else _CURRENT


def _merge_options(base, changes):
    """``base`` updated by the non-None entries of ``changes``, validated as
    NumPy validates them."""
    new = dict(base)
    for key, value in changes.items():
        if value is None:
            continue
        if key == "precision" and (isinstance(value, bool) or not isinstance(value, int)):
            try:
                value = operator.index(value)
            except TypeError:
                raise TypeError("precision must be an integer") from None
        elif key == "threshold":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError("threshold must be numeric")
            if value != value:
                raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                                 "representation")
        elif key == "floatmode" and value not in _FLOAT_MODES:
            raise ValueError("floatmode option must be one of "
                             + ", ".join(f'"{m}"' for m in _FLOAT_MODES))
        elif key == "sign" and value not in _SIGN_MODES:
            raise ValueError("sign option must be one of ' ', '+', or '-'")
        elif key == "legacy" and value is not False and value not in _LEGACY_LEVELS:
            import warnings
            warnings.warn("legacy printing option can currently only be '1.13', '1.21', "
                          "'1.25', '2.1', '2.2' or `False`", UserWarning, stacklevel=3)
            continue
        new[key] = value
    # NumPy 1.13 printed a space for the sign of positive floats; leaving that
    # mode puts the default sign back
    if changes.get("sign") is None:
        if changes.get("legacy") == "1.13":
            new["sign"] = " "
        elif changes.get("legacy") is False and new["sign"] == " ":
            new["sign"] = "-"
    return new


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    """Set how arrays are printed. Mirrors ``numpy.set_printoptions``."""
    changes = dict(precision=precision, threshold=threshold, edgeitems=edgeitems,
                   linewidth=linewidth, suppress=suppress, nanstr=nanstr, infstr=infstr,
                   sign=sign, floatmode=floatmode, legacy=legacy)
    new = _merge_options(_state.get(), changes)
    new["formatter"] = formatter  # these two are reset by every call, as in NumPy
    new["override_repr"] = override_repr
    if suppress is not None:
        new["suppress"] = bool(suppress)
    _state.set(new)


def get_printoptions():
    """The current print options as a dict. Mirrors ``numpy.get_printoptions``."""
    return dict(_state.get())


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager: print options set inside, restored on exit.
    Mirrors ``numpy.printoptions``."""
    token = _state.set(dict(_state.get()))
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _state.reset(token)


# =============================================================================
# digits of a float
# =============================================================================
# significand bits (with the implicit one) and smallest normal exponent, per width
_FORMATS = {16: (11, -14), 32: (24, -126), 64: (53, -1022)}
_BITS_OF = {torch.float16: 16, torch.float32: 32, torch.float64: 64,
            torch.complex64: 32, torch.complex128: 64}


def _in_width(v, bits):
    """``v`` rounded to a float of ``bits`` bits (inf on overflow), as NumPy's
    comparisons in that dtype would see a Python float constant."""
    if bits == 64:
        return v
    try:
        return struct.unpack("<e" if bits == 16 else "<f",
                             struct.pack("<e" if bits == 16 else "<f", v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def _pow10_floor(num, den, guess):
    """Largest k with 10**k <= num/den, starting from a float estimate."""
    k = guess
    while True:
        if k >= 0:
            lo_ok = num >= den * 10 ** k
        else:
            lo_ok = num * 10 ** -k >= den
        if not lo_ok:
            k -= 1
            continue
        if k + 1 >= 0:
            hi_ok = num < den * 10 ** (k + 1)
        else:
            hi_ok = num * 10 ** -(k + 1) < den
        if hi_ok:
            return k
        k += 1


def _magnitude(x):
    num, den = x.as_integer_ratio()
    return num, den, _pow10_floor(num, den, math.floor(math.log10(x)))


def _round_half_even(num, den):
    q, r = divmod(num, den)
    twice = 2 * r
    if twice > den or (twice == den and q & 1):
        q += 1
    return q


@functools.lru_cache(maxsize=4096)  # array printing asks twice per element
def _shortest(x, bits):
    """(digits, k): the shortest digit string (no trailing zeros) that reads back
    as x in a float of ``bits`` bits, nearest to x among those; x ~ d.ddd * 10**k."""
    if bits == 64:  # Python's repr is exactly this for doubles
        text = repr(x)
        mant, _, exp = text.partition("e")
        whole, _, frac = mant.partition(".")
        digits = (whole + frac).lstrip("0")
        k = (int(exp) if exp else 0) + len(whole) - 1 - (len(whole + frac) - len(
            (whole + frac).lstrip("0")))
        return digits.rstrip("0") or "0", k
    p, emin = _FORMATS[bits]
    m, e = math.frexp(x)  # x = m * 2**e, 0.5 <= m < 1
    e2 = max(e - p, emin - p + 1)
    sig = int(math.ldexp(x, -e2))  # x = sig * 2**e2 exactly
    if sig != 1 << (p - 1):
        # Fast path: the halfway points to the neighbours are exact doubles, and
        # C's correctly rounded "%.*e" gives the nearest n-digit decimal; only a
        # candidate that lands on a halfway point needs the exact test below.
        half = math.ldexp(1.0, e2 - 1)
        lo, hi = x - half, x + half
        for n in range(1, 10):
            text = "%.*e" % (n - 1, x)
            y = float(text)
            if y == lo or y == hi:
                break
            if lo < y < hi:
                mant, _, exp = text.partition("e")
                digits = mant.replace(".", "").rstrip("0") or "0"
                return digits, int(exp)
    # rounding interval in units of 2**(e2 - 2): [low, high] around 4*sig
    value, high = 4 * sig, 4 * sig + 2
    low = 4 * sig - (1 if sig == 1 << (p - 1) and e2 > emin - p + 1 else 2)
    inclusive = sig % 2 == 0
    shift = e2 - 2
    num, den, k = _magnitude(x)
    del num, den
    n = 1
    while True:
        place = k - n + 1  # candidate = q * 10**place
        # compare q*10**place with v*2**shift: scale both to integers
        a10 = 10 ** max(place, 0)
        b10 = 10 ** max(-place, 0)
        a2 = 1 << max(shift, 0)
        b2 = 1 << max(-shift, 0)
        # decimal unit U and the three bounds on a common integer scale
        unit = a10 * b2
        scale = b10 * a2
        v, lo, hi = value * scale, low * scale, high * scale
        q, r = divmod(v, unit)
        down, up = q * unit, (q + 1) * unit
        down_ok = down > lo or (inclusive and down == lo)
        up_ok = r != 0 and (up < hi or (inclusive and up == hi))
        if down_ok or up_ok:
            if down_ok and up_ok:
                twice = 2 * r
                pick_up = twice > unit or (twice == unit and q & 1)
            else:
                pick_up = up_ok
            if pick_up:
                q += 1
            digits = str(q)
            if len(digits) > n:  # 9.99 -> 10.0
                k += 1
            return digits.rstrip("0") or "0", k
        n += 1


def _cut(x, place, keep_exact_zeros=False):
    """(digits, place): exact x rounded (ties to even) at 10**place, ``x ~
    int(digits) * 10**place``.  Trailing zeros are dropped when they are not
    digits of the value: made by a carry (0.0999 -> 0.10) or lying past the
    end of an exactly representable value (0.5 -> 0.500), unless
    ``keep_exact_zeros`` (digits forced by ``min_digits``)."""
    num, den = x.as_integer_ratio()
    top, bottom = num * 10 ** max(-place, 0), den * 10 ** max(place, 0)
    q = _round_half_even(top, bottom)
    if q * bottom > top or (q * bottom == top and not keep_exact_zeros):
        stripped = str(q).rstrip("0")
        if not stripped:
            return "0", place
        return stripped, place + len(str(q)) - len(stripped)
    return str(q), place


def _exceeds(digits, place, x):
    """Whether int(digits) * 10**place is above the exact value of x."""
    num, den = x.as_integer_ratio()
    return int(digits) * den * 10 ** max(place, 0) > num * 10 ** max(-place, 0)


def _cut_significant(x, n, keep_exact_zeros=False):
    """Like ``_cut`` at n significant digits; returns (digits, k), x ~ d.ddd * 10**k."""
    k = _magnitude(x)[2]
    digits, place = _cut(x, k - n + 1, keep_exact_zeros)
    return digits, place + len(digits) - 1


def _positional_digits(x, bits, precision, unique, fractional, min_digits):
    """(digits, place, pad) for x >= 0: the digits that belong to the value, and
    how to pad its fraction with zeros: ("frac", n) to n places, ("all", n) to n
    digits shown in total (a leading "0" counts), or None."""
    if x == 0:
        if unique:
            return "0", 0, ("frac" if fractional else "all", min_digits or 0)
        return "0", 0, ("frac" if fractional else "all", precision)
    if not unique:
        if fractional:
            digits, place = _cut(x, -precision)
            return digits, place, ("frac", precision)
        digits, k = _cut_significant(x, precision)
        return digits, k - len(digits) + 1, ("all", precision)
    digits, k = _shortest(x, bits)
    place = k - len(digits) + 1
    if precision is not None:
        if fractional and place < -precision:
            digits, place = _cut(x, -precision)
            if digits == "0":  # rounds away entirely: a zero at the last place
                return "0", 0, ("frac", max(precision, min_digits or 0))
        elif not fractional and len(digits) > precision:
            digits, k = _cut_significant(x, precision)
            place = k - len(digits) + 1
    if min_digits is None:
        return digits, place, None
    # min_digits asks for more digits of the exact value (min_digits=0: all
    # integer digits exact), then zeros; past a precision (only 0 lets min_digits
    # exceed it) the value stays rounded and gets zeros: NumPy's 1.5 -> "2.0"
    if fractional:
        if place > -min_digits and not (precision is not None and min_digits > precision):
            digits, place = _cut(x, -min_digits, keep_exact_zeros=True)
        return digits, place, ("frac", min_digits)
    if len(digits) < min_digits:
        digits, k = _cut_significant(x, min_digits, keep_exact_zeros=True)
        place = k - len(digits) + 1
    return digits, place, ("all", min_digits)


def _trim_fraction(whole, frac, trim, keep_point=False):
    """Join the integer and fractional digit strings under a trim mode."""
    if trim == "k":
        return whole + "." + frac
    frac = frac.rstrip("0")
    if frac:
        return whole + "." + frac
    if trim == "-":
        return whole + ("." if keep_point else "")
    return whole + ("." if trim == "." else ".0")


def _sign_prefix(negative, sign):
    if negative:
        return "-"
    return "+" if sign is True or sign == "+" else (" " if sign == " " else "")


def _positional_text(x, bits, precision=None, unique=True, fractional=True, trim="k",
                     sign=False, pad_left=None, pad_right=None, min_digits=None):
    """Positional text of a finite Python float ``x`` as a float of ``bits`` bits."""
    negative = math.copysign(1.0, x) < 0
    digits, place, pad = _positional_digits(abs(x), bits, precision, unique, fractional,
                                            min_digits)
    if place >= 0:
        whole = digits + "0" * place if digits != "0" else "0"
        frac = ""
    else:
        cut = len(digits) + place
        whole = digits[:cut] if cut > 0 else "0"
        frac = digits[cut:] if cut > 0 else "0" * -cut + digits
    if pad is not None:
        how, n = pad
        frac += "0" * ((n if how == "frac" else n - len(whole)) - len(frac))
    text = _trim_fraction(whole, frac, trim)
    left, dot, right = text.partition(".")
    left = _sign_prefix(negative, sign) + left
    if pad_left is not None:
        left = left.rjust(pad_left)
    right = dot + right
    if pad_right is not None:
        right = right.ljust(pad_right + 1)
    return left + right


def _scientific_text(x, bits, precision=None, unique=True, trim="k", sign=False,
                     pad_left=None, exp_digits=None, min_digits=None):
    """Scientific text of a finite Python float ``x`` as a float of ``bits`` bits."""
    negative = math.copysign(1.0, x) < 0
    x = abs(x)
    pad = 0
    keep_point = None
    if x == 0:
        digits, k = "0", 0
        pad = (min_digits or 0) if unique else precision
    elif unique:
        digits, k = _shortest(x, bits)
        if precision is not None and len(digits) - 1 > precision:
            digits, k = _cut_significant(x, precision + 1)
        if min_digits is not None and precision is not None and min_digits > precision:
            pad = min_digits  # rounded to the precision (0), then zeros, as NumPy
        elif min_digits is not None and len(digits) - 1 < min_digits:
            digits, k = _cut_significant(x, min_digits + 1)
            pad = min_digits
            # NumPy keeps the point under trim="-" unless rounding carried
            # (1.0 -> "1.e+00", 0.05 -> "5.e-02"; 5.99999e-8 -> "6e-08")
            keep_point = not _exceeds(digits, k - len(digits) + 1, x)
    else:
        digits, k = _cut_significant(x, precision + 1)
        pad = precision
    frac = digits[1:]
    # trim="-" keeps the point after digits the value has (4.0033 -> "4.e+00")
    # and drops it when there are none (4.0 -> "4e+00")
    if keep_point is None:
        keep_point = bool(frac)
    text = _trim_fraction(digits[0], frac + "0" * (pad - len(frac)), trim, keep_point)
    left, dot, right = text.partition(".")
    left = _sign_prefix(negative, sign) + left
    if pad_left is not None:
        left = left.rjust(pad_left)
    # NumPy writes a zero exponent with no digit of its own and pads with at
    # most five zeros: exp_digits=0 gives "1.e+", exp_digits=9 gives "1.e+00000"
    exponent = (str(abs(k)) if k else "").zfill(2 if exp_digits is None else min(exp_digits, 5))
    return f"{left}{dot}{right}e{'-' if k < 0 else '+'}{exponent}"


def _nonfinite_text(x, sign, nanstr="nan", infstr="inf"):
    if x != x:
        return (_sign_prefix(False, sign) if isinstance(sign, str) else "") + nanstr
    return _sign_prefix(x < 0, sign) + infstr


# --- the public float formatters ----------------------------------------------
_FOREIGN_FLOAT_BITS = {"float16": 16, "float32": 32, "float64": 64}


def _float_value(x):
    """(Python float, bits) of a float scalar argument: a torchnp scalar or 0-d
    array, a 0-d tensor, a Python number, or a foreign float scalar."""
    t = x if isinstance(x, torch.Tensor) else getattr(x, "tensor", None)
    if isinstance(t, torch.Tensor):
        if t.ndim != 0 or t.is_complex():
            raise TypeError(f"format_float_*: expected a real scalar, got "
                            f"{t.dtype} with shape {tuple(t.shape)}")
        # integers and bools print as the float64 they convert to, as in NumPy
        return float(_host_value(t)), _BITS_OF.get(t.dtype, 64)
    if isinstance(x, (int, float)):
        return float(x), 64
    bits = _FOREIGN_FLOAT_BITS.get(str(getattr(x, "dtype", "")))
    if bits is not None and hasattr(x, "item"):
        return float(x.item()), bits
    raise TypeError(f"format_float_*: expected a floating-point scalar, got "
                    f"{type(x).__name__}")


def _check_format_args(precision, unique, trim, min_digits, fractional=True, **sizes):
    """The argument checks of format_float_positional/_scientific, in NumPy's order
    (``sizes``: the padding/exponent widths, checked like precision)."""
    for name, value in (("precision", precision), *sizes.items(), ("min_digits", min_digits)):
        if value is not None and value < 0:
            raise ValueError(f"{name} must be >= 0")
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    if min_digits and precision and min_digits > precision:  # NumPy: precision 0 passes
        raise ValueError("min_digits must be less than or equal to precision")
    if trim not in ("k", ".", "0", "-"):
        raise TypeError(f"if supplied, trim must be 'k', '.', '0' or '-' found `{trim}`")
    if not unique and precision is None:
        raise TypeError("in non-unique mode `precision` must be supplied")


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """Positional decimal text of a float scalar. Mirrors
    ``numpy.format_float_positional``."""
    v, bits = _float_value(x)
    _check_format_args(precision, unique, trim, min_digits, fractional, pad_left=pad_left,
                       pad_right=pad_right)
    if not math.isfinite(v):
        return _nonfinite_text(v, sign)
    return _positional_text(v, bits, precision, unique, fractional, trim, sign, pad_left,
                            pad_right, min_digits)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """Scientific-notation text of a float scalar. Mirrors
    ``numpy.format_float_scientific``."""
    v, bits = _float_value(x)
    _check_format_args(precision, unique, trim, min_digits, pad_left=pad_left,
                       exp_digits=exp_digits)
    if not math.isfinite(v):
        return _nonfinite_text(v, sign)
    return _scientific_text(v, bits, precision, unique, trim, sign, pad_left, exp_digits,
                            min_digits)


# =============================================================================
# scalars
# =============================================================================
# NumPy 2 scalars switch to scientific notation from these magnitudes on
_SCALAR_SCI_AT = {16: 1e3, 32: 1e6, 64: 1e16}


def _float_scalar_text(v, bits, trim_positional="0", trim_scientific="-"):
    if not math.isfinite(v):
        return _nonfinite_text(v, False)
    a = abs(v)
    # up to NumPy 2.2 every float type switched at 1e16
    big = _SCALAR_SCI_AT[bits] if _legacy_level(_state.get()) > 202 else 1e16
    if a != 0 and (a < _in_width(1e-4, bits) or a >= _in_width(big, bits)):
        return _scientific_text(v, bits, trim=trim_scientific)
    return _positional_text(v, bits, trim=trim_positional)


def _complex_scalar_text(z, bits):
    re = _float_scalar_text(z.real, bits, "-")
    im = _float_scalar_text(z.imag, bits, "-")
    if im[0] not in "+-":
        im = "+" + im
    if z.real == 0 and math.copysign(1.0, z.real) > 0:
        return im.lstrip("+") + "j"
    return f"({re}{im}j)"


def _host_value(t):
    """Python value of a 0-d tensor (uint64 read without wrap-around)."""
    if t.dtype == torch.uint64:
        v = int(t.view(torch.int64).item()) if t.device.type != "cpu" else int(t.item())
        return v + (1 << 64) if v < 0 else v
    return t.item()


def _scalar_text_of(t):
    v = _host_value(t)
    dt = t.dtype
    if dt == torch.bool:
        return "True" if v else "False"
    if dt.is_complex:
        return _complex_scalar_text(complex(v), _BITS_OF[dt])
    if dt.is_floating_point:
        return _float_scalar_text(float(v), _BITS_OF[dt])
    return str(int(v))


def scalar_str(s):
    """``str`` of a torchnp scalar, as NumPy 2 prints its scalars."""
    t = s.tensor
    if _legacy_level(_state.get()) <= 113 and t.dtype == torch.float64:
        v = float(_host_value(t))
        if math.isfinite(v):
            return _float_scalar_text(v, 64)
    return _scalar_text_of(t)


def scalar_repr(s):
    """``repr`` of a torchnp scalar: ``np.float64(2.5)``, ``np.True_``; NumPy 1.x
    style (the bare value) under ``legacy <= '1.25'``."""
    t = s.tensor
    level = _legacy_level(_state.get())
    if level <= 113 and t.dtype == torch.float64:
        v = float(_host_value(t))
        return repr(v) if not math.isfinite(v) else f"{v:.17g}"
    text = _scalar_text_of(t)
    if level <= 125:
        return text
    if t.dtype == torch.bool:
        return f"np.{text}_"
    if t.dtype.is_complex and text.startswith("("):
        text = text[1:-1]
    return f"np.{_dtypes._BY_TORCH[t.dtype].name}({text})"


# =============================================================================
# cells: the shown elements as strings
# =============================================================================
def _user_formatter(formatter, kind):
    """The formatter the user gave for a dtype kind, or None."""
    if not formatter:
        return None
    keys = {"b": ("bool",), "i": ("int", "int_kind"), "u": ("int", "int_kind"),
            "f": ("float", "float_kind"), "c": ("complexfloat", "complex_kind")}[kind]
    for key in keys:
        if formatter.get(key) is not None:
            return formatter[key]
    return formatter.get("all")


def _bool_cells(values, zero_d):
    if zero_d:
        return ["True" if values[0] else "False"]
    return [" True" if v else "False" for v in values]  # NumPy pads True even alone


def _int_cells(values, sign):
    if sign == " " and any(v < 0 for v in values):  # the sign column exists already
        sign = "-"
    words = [(("+" if sign == "+" else " " if sign == " " else "") if v >= 0 else "") + str(v)
             for v in values]
    width = max(map(len, words), default=0)
    return [w.rjust(width) for w in words]


# arrays switch to scientific notation from these magnitudes on (and for a
# smallest nonzero below 1e-4, or a max/min ratio above 1e3)
_ARRAY_SCI_AT = {16: 1e3, 32: 1e6, 64: 1e8}


def _use_scientific(finite_abs, bits, opts):
    """NumPy's switch to scientific notation, compared in the array's own dtype;
    ``suppress`` only silences the small-value tests."""
    if not finite_abs:
        return False
    big = max(finite_abs)
    if big >= _in_width(_ARRAY_SCI_AT[bits], bits):
        return True
    nonzero = [v for v in finite_abs if v != 0]
    if opts["suppress"] or not nonzero:
        return False
    small = min(nonzero)
    return small < _in_width(1e-4, bits) or \
        _in_width(big / small, bits) > _in_width(1e3, bits)


def _float_cells(values, bits, opts, sign=None, equal_digits=None):
    """Strings of one width for a list of Python floats (one dtype)."""
    sign = opts["sign"] if sign is None else sign
    if sign == " " and any(v < 0 for v in values if math.isfinite(v)):
        sign = "-"  # a finite negative number already holds the sign column
    legacy = _legacy_level(opts)
    finite = [v for v in values if math.isfinite(v)]
    mode = opts["floatmode"]
    precision = opts["precision"]
    if equal_digits is None:
        equal_digits = mode == "maxprec_equal"
    scientific = _use_scientific([abs(v) for v in finite], bits, opts)
    unique = mode != "fixed"
    cap = None if mode == "unique" else precision
    if scientific and legacy <= 113:
        unique, cap = False, precision
    trim = "k" if not unique else "."
    if scientific:
        raw = [_scientific_text(v, bits, cap, unique, trim, sign) for v in finite]
        fracs = [len(r.partition(".")[2].partition("e")[0]) for r in raw]
        n_frac = max(fracs, default=0)
        exp_len = max((len(r.partition("e")[2]) - 1 for r in raw), default=2)
        lefts = [len(r.partition(".")[0]) for r in raw]
        pad_left = max(lefts, default=0) + (1 if legacy <= 113 else 0)

        def fmt(v):
            if unique:
                return _scientific_text(v, bits, n_frac, True, "k" if n_frac else ".", sign,
                                        pad_left, exp_len, n_frac)
            return _scientific_text(v, bits, cap, False, "k", sign, pad_left, exp_len)
        width = (pad_left + 1 + n_frac + 2 + exp_len) if finite else 0
    else:
        raw = [_positional_text(v, bits, cap, unique, True, trim, sign) for v in finite]
        n_frac = max((len(r.partition(".")[2]) for r in raw), default=0)
        pad_left = max((len(r.partition(".")[0]) for r in raw), default=0)
        if equal_digits and unique:
            def fmt(v):
                return _positional_text(v, bits, cap, True, True, "k" if n_frac else ".",
                                        sign, pad_left, n_frac, n_frac)
        else:
            def fmt(v):
                return _positional_text(v, bits, cap, unique, True, trim, sign, pad_left,
                                        n_frac)
        width = pad_left + 1 + n_frac if finite else 0
    specials = [_nonfinite_text(v, sign, opts["nanstr"], opts["infstr"])
                for v in values if not math.isfinite(v)]
    if specials and not scientific and finite:
        widest = max(map(len, specials))
        if widest > width:  # nan/inf wider than the numbers: widen the integer part
            pad_left += widest - width
            width = widest
    elif specials:
        width = max(width, max(map(len, specials)))
    out = []
    for v in values:
        if math.isfinite(v):
            out.append(fmt(v))
        else:
            out.append(_nonfinite_text(v, sign, opts["nanstr"], opts["infstr"]).rjust(width))
    return out


def _complex_cells(values, bits, opts):
    legacy = _legacy_level(opts)
    real = _float_cells([z.real for z in values], bits, opts,
                        equal_digits=True if legacy <= 113 and opts["floatmode"] == "maxprec"
                        else None)
    imag = _float_cells([z.imag for z in values], bits, opts, sign="+")
    out = []
    for r, i in zip(real, imag):
        core = i.rstrip()
        out.append(r + (core + "j").ljust(len(i) + 1))
    return out


def _cells(values, dtype, opts, zero_d=False):
    """Format a flat list of host values of torch ``dtype`` under ``opts``."""
    kind = _dtypes._BY_TORCH[dtype].kind
    custom = _user_formatter(opts["formatter"], kind)
    if custom is not None:
        stype = _dtypes._SCALAR_BY_TORCH[dtype]
        return [custom(stype(v)) for v in values]
    if kind == "b":
        return _bool_cells(values, zero_d)
    if kind in "iu":
        return _int_cells(values, opts["sign"] if _legacy_level(opts) > 113 else "-")
    if kind == "f":
        return _float_cells(values, _BITS_OF[dtype], opts)
    return _complex_cells(values, _BITS_OF[dtype], opts)


# =============================================================================
# grid: nested brackets, wrapping, summarisation
# =============================================================================
_ELLIPSIS = "..."


def _shown_part(t, edgeitems, summarize):
    """The sub-tensor that will be shown (edge blocks of long axes when
    summarising), and per axis whether a '...' goes in the middle."""
    gaps = []
    for axis, n in enumerate(t.shape):
        if summarize and n > 2 * edgeitems:
            t = torch.cat([t.narrow(axis, 0, edgeitems), t.narrow(axis, n - edgeitems, edgeitems)],
                          dim=axis)  # index_select lacks uint16/32/64 kernels
            gaps.append(True)
        else:
            gaps.append(False)
    return t, gaps


def _host_list(t):
    """All elements of ``t`` as a flat Python list (one device->host transfer)."""
    flat = t.detach().reshape(-1).cpu()
    if flat.dtype == torch.uint64:  # read bits as signed, then unwrap
        return [v + (1 << 64) if v < 0 else v for v in flat.view(torch.int64).tolist()]
    if flat.dtype in (torch.uint16, torch.uint32):
        return flat.to(torch.int64).tolist()
    if flat.is_complex():
        return flat.resolve_conj().tolist()
    return flat.tolist()


def _wrap_word(lines, line, word, limit, indent, legacy):
    """Add ``word`` to the current ``line``, first starting a new line (at
    ``indent``) if it would pass ``limit`` and the line holds something already.
    A word of several lines (from a custom formatter) keeps its breaks, each
    line set under the column where the word starts."""
    parts = word.split("\n")
    widest = max(map(len, parts)) if legacy > 113 else len(word)
    if len(line) + widest > limit and (len(line) > len(indent) or legacy <= 113):
        lines.append(line.rstrip())
        line = indent
    if len(parts) == 1 or legacy <= 113:
        return line + word
    column = " " * len(line)
    lines.append(line + parts[0])
    lines.extend(column + p for p in parts[1:-1])
    return column + parts[-1]


class _Grid:
    """Lays out the cells of one array; one instance per call."""

    def __init__(self, cells, shape, gaps, separator, width, legacy):
        self.cells = cells
        self.shape = shape
        self.gaps = gaps
        self.sep = separator
        self.width = width
        self.legacy = legacy
        self.pos = 0

    def _next_cell(self):
        c = self.cells[self.pos]
        self.pos += 1
        return c

    def render(self, indent):
        """Text of the whole array, the first line assumed to start after
        ``indent`` (which is also the continuation indent)."""
        lines = []
        line = self._block(0, indent, lines, indent)
        lines.append(line)
        text = "\n".join(lines)
        return text[len(indent):]

    def _block(self, axis, indent, lines, line):
        """Append the finished lines of the sub-array at ``axis`` to ``lines``;
        return its unfinished last line (``line`` is the text before its '[')."""
        ndim = len(self.shape)
        n = self.shape[axis]
        half = n // 2 if self.gaps[axis] else None
        line += "["
        inner = indent + " "
        sep_core = self.sep.rstrip()
        if axis == ndim - 1:
            # NumPy keeps room for the closing brackets of every level, and for
            # the separator (at least one column) after all but the last item
            limit_mid = limit_last = self.width - (ndim - 1) - max(len(sep_core), 1)
            if self.legacy <= 113:
                limit_mid = limit_last = self.width - (ndim - 1)
            for i in range(n):
                if i == half:
                    line = _wrap_word(lines, line, _ELLIPSIS, limit_mid, inner, self.legacy)
                    line += self.sep
                word = self._next_cell()
                last = i == n - 1
                if last and self.legacy <= 113:  # NumPy 1.13 never wrapped before the last item
                    line += word
                    continue
                line = _wrap_word(lines, line, word, limit_last if last else limit_mid,
                                           inner, self.legacy)
                if not last:
                    line += self.sep
            return line + "]"
        gap_lines = ndim - axis - 2
        for i in range(n):
            if i == half:
                lines.append(line + sep_core)
                lines.extend([""] * gap_lines)
                line = inner + _ELLIPSIS
                if self.legacy <= 113:  # NumPy 1.13 left the separator's space there
                    line += self.sep[len(sep_core):]
            if i > 0:
                lines.append(line + sep_core)
                lines.extend([""] * gap_lines)
                line = inner
            line = self._block(axis + 1, inner, lines, line)
        return line + "]"


def _layout(cells, shape, gaps, separator, width, prefix, legacy):
    grid = _Grid(cells, shape, gaps, separator, width, legacy)
    return grid.render(" " * len(prefix))


# =============================================================================
# entry points
# =============================================================================
_IMPLIED_DTYPES = (torch.float64, torch.int64, torch.complex128, torch.bool)


def _tensor_of(a):
    from ._normalize import as_tensor
    t = a if isinstance(a, torch.Tensor) else as_tensor(a)
    if t.dtype not in _dtypes._BY_TORCH:
        raise NotImplementedError(f"torchnp: printing of dtype {t.dtype} is not supported")
    return t


def _effective_options(**overrides):
    opts = _state.get()
    if any(v is not None for v in overrides.values()):
        opts = _merge_options(opts, overrides)
    return opts


def _body(t, opts, separator=" ", prefix="", suffix=""):
    """array2string of the tensor ``t`` under the resolved options."""
    legacy = _legacy_level(opts)
    if t.numel() == 0:
        return "[]"
    summarize = t.numel() > opts["threshold"]
    shown, gaps = _shown_part(t, opts["edgeitems"], summarize)
    values = _host_list(shown)
    cells = _cells(values, t.dtype, opts, t.ndim == 0)
    width = opts["linewidth"]
    if t.ndim == 0:
        return cells[0]
    width -= len(suffix)
    return _layout(cells, tuple(shown.shape), gaps, separator, width, prefix, legacy)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *, formatter=None, threshold=None, edgeitems=None, sign=None,
                 floatmode=None, suffix="", legacy=None):
    """Text of an array, no ``array(...)`` decoration. Mirrors ``numpy.array2string``."""
    t = _tensor_of(a)
    opts = _effective_options(linewidth=max_line_width, precision=precision,
                              suppress=suppress_small, threshold=threshold,
                              edgeitems=edgeitems, sign=sign, floatmode=floatmode,
                              legacy=legacy)
    if formatter is not None:
        opts = dict(opts, formatter=formatter)
    if suppress_small is not None:
        opts = dict(opts, suppress=bool(suppress_small))
    if t.ndim == 0 and _legacy_level(opts) <= 113:
        return scalar_str(_scalar_of(t))
    return _body(t, opts, separator, prefix, suffix)


def _scalar_of(t):
    s = object.__new__(_dtypes._SCALAR_BY_TORCH[t.dtype])
    s.tensor = t
    return s


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """``repr`` of an array: ``array([...], dtype=...)``. Mirrors ``numpy.array_repr``."""
    opts = _state.get()
    if opts["override_repr"] is not None and max_line_width is None and precision is None \
            and suppress_small is None:
        return opts["override_repr"](arr)
    t = _tensor_of(arr)
    opts = _effective_options(linewidth=max_line_width, precision=precision,
                              suppress=suppress_small)
    if suppress_small is not None:
        opts = dict(opts, suppress=bool(suppress_small))
    legacy = _legacy_level(opts)
    name = _dtypes._BY_TORCH[t.dtype].name
    extras = []
    if t.numel() == 0 and t.shape != (0,):
        extras.append(f"shape={_shape_text(t.shape)}")
    elif t.numel() > opts["threshold"] and legacy > 202:
        extras.append(f"shape={_shape_text(t.shape)}")
    if t.dtype not in _IMPLIED_DTYPES or t.numel() == 0 or \
            (legacy <= 113 and t.dtype == torch.bool):
        extras.append(f"dtype={name}")
    prefix = "array("
    if t.ndim == 0 and legacy <= 113:
        body = scalar_str(_scalar_of(t))
    else:
        body = _body(t, opts, ", ", prefix, "," if extras else ")")
    text = prefix + body
    if extras:
        tail = ", ".join(extras) + ")"
        last = text.rpartition("\n")[2]
        if len(last) + len(tail) + 2 > opts["linewidth"]:
            text += ",\n" + " " * len(prefix) + tail
        else:
            text += ", " + tail
    else:
        text += ")"
    return text


def _shape_text(shape):
    return repr(tuple(shape))


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """``str`` of an array. Mirrors ``numpy.array_str``."""
    t = _tensor_of(a)
    if t.ndim == 0:
        return scalar_str(_scalar_of(t))
    opts = _effective_options(linewidth=max_line_width, precision=precision,
                              suppress=suppress_small)
    if suppress_small is not None:
        opts = dict(opts, suppress=bool(suppress_small))
    return _body(t, opts, " ", "", "")


# =============================================================================
# integers in other bases
# =============================================================================
_DIGITS36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _as_int(value, fn):
    v = getattr(value, "tensor", value)
    if isinstance(v, torch.Tensor):
        if v.dtype.is_floating_point or v.is_complex():
            raise TypeError(f"{fn}: expected an integer, got {v.dtype}")
        return int(_host_value(v))
    return operator.index(value)


def binary_repr(num, width=None):
    """Binary string of an integer, two's complement for negatives when ``width``
    is given. Mirrors ``numpy.binary_repr``."""
    n = _as_int(num, "binary_repr")
    if n >= 0:
        text = bin(n)[2:]
        if width is not None:
            if len(text) > width:
                raise ValueError(f"Insufficient bit width={width} provided for "
                                 f"binwidth={len(text)}")
            text = text.zfill(width)
        return text
    magnitude = bin(-n)[2:]
    if width is None:
        return "-" + magnitude
    needed = (-n - 1).bit_length() + 1
    if width < needed:
        raise ValueError(f"Insufficient bit width={width} provided for binwidth={needed}")
    return bin((1 << width) + n)[2:].zfill(width)


def base_repr(number, base=2, padding=0):
    """String of an integer in another base (2 to 36). Mirrors ``numpy.base_repr``."""
    if base > len(_DIGITS36):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    # as NumPy: int() of the number (floats truncate; a many-element array raises
    # int()'s TypeError), its sign read from the number itself (-0.5 gives "-")
    m = abs(int(number))
    out = []
    while m:
        m, r = divmod(m, base)
        out.append(_DIGITS36[r])
    text = "".join(reversed(out))
    if padding:
        text = "0" * padding + text
    if number < 0:
        text = "-" + text
    return text or "0"
