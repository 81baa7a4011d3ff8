"""Input and output: arrays from text (``fromstring``) and from regular expressions (``fromregex``).

Torch-only. Text is tokenized in Python (one compiled regex split, one
``fullmatch`` per token) and converted with one ``torch.tensor`` call.
"""
from __future__ import annotations

import re

import torch

from torchnp import _dtypes
from torchnp._normalize import DTypeLike

__all__ = ["fromstring", "fromregex"]

_UNMATCHED = "string or file could not be read to its end due to unmatched data"

# token grammars of NumPy's text readers (C strtod / strtoll / strtoull):
# decimal floats with optional exponent, inf/nan; integers in base 10 only
_UFLOAT = r"(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)"
_FLOAT = r"[+-]?" + _UFLOAT
_FLOAT_RE = re.compile(_FLOAT, re.IGNORECASE)
_INT_RE = re.compile(r"[+-]?\d+")
_UINT_RE = re.compile(r"\d+")
# complex: "re", "re+imj" or "imj"
_COMPLEX_RE = re.compile(rf"({_FLOAT})([+-]{_UFLOAT})[jJ]|({_FLOAT})|({_FLOAT})[jJ]", re.IGNORECASE)

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def _separator_regex(sep):
    """NumPy's separator rule: whitespace in ``sep`` matches any run of whitespace (or none)."""
    if sep.strip() == "":
        return re.compile(r"\s+")
    parts = re.split(r"(\s+)", sep.strip())
    body = "".join(r"\s*" if p.isspace() else re.escape(p) for p in parts if p)
    return re.compile(r"\s*" + body + r"\s*")


def _wrap_int(v, td):
    """C-style narrowing: an integer beyond the parser's 64-bit range saturates, then wraps."""
    if td == torch.uint64:
        return min(v, 2**64 - 1)
    v = max(_INT64_MIN, min(v, _INT64_MAX))
    if td in (torch.int64, torch.bool):
        return v
    bits = _dtypes._BY_TORCH[td].itemsize * 8
    v &= (1 << bits) - 1
    if td.is_signed and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


def _parse_tokens(tokens, td):
    kind = _dtypes._BY_TORCH[td].kind
    out = []
    if kind in "iub":
        rx = _UINT_RE if kind == "u" else _INT_RE
        for tok in tokens:
            if rx.fullmatch(tok) is None:
                raise ValueError(_UNMATCHED)
            out.append(_wrap_int(int(tok), td))
        if kind == "b":
            return torch.tensor([v != 0 for v in out], dtype=torch.bool)
        if td == torch.uint64:  # torch.tensor can't parse values >= 2**63 into uint64
            return torch.tensor([v - 2**64 if v > _INT64_MAX else v for v in out],
                                dtype=torch.int64).view(torch.uint64)
        if td in (torch.uint16, torch.uint32):
            return torch.tensor(out, dtype=torch.int64).to(td)
        return torch.tensor(out, dtype=td)
    if kind == "f":
        for tok in tokens:
            if _FLOAT_RE.fullmatch(tok) is None:
                raise ValueError(_UNMATCHED)
            out.append(float(tok))
        # parse in double, round once to the target type (as strtod + cast does)
        return torch.tensor(out, dtype=torch.float64).to(td)
    for tok in tokens:
        m = _COMPLEX_RE.fullmatch(tok)
        if m is None:
            raise ValueError(_UNMATCHED)
        re_s, im_s, real_only, imag_only = m.groups()
        if imag_only is not None:
            out.append(complex(0.0, float(imag_only)))
        elif real_only is not None:
            out.append(complex(float(real_only), 0.0))
        else:
            out.append(complex(float(re_s), float(im_s)))
    return torch.tensor(out, dtype=torch.complex128).to(td)


def fromstring(string, dtype: DTypeLike = float, count=-1, *, sep, like=None):
    """A 1-D array from numbers in text separated by ``sep``. Mirrors ``numpy.fromstring``.

    As in NumPy 2, binary mode (``sep=''``) is refused: use ``frombuffer``.

    Differences from NumPy: asking for more items (``count``) than the text
    holds raises ValueError where NumPy returns uninitialized values.
    """
    if like is not None:
        raise NotImplementedError("torchnp.fromstring: like= is not supported")
    if sep == "":
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    if isinstance(string, (bytes, bytearray, memoryview)):
        string = bytes(string).decode("latin-1")
    if dtype is None:
        dtype = torch.float64
    count = int(count)
    text = string.strip()
    if text == "":
        tokens = []
    else:
        tokens = _separator_regex(sep).split(text)
        if tokens and tokens[-1] == "":  # a trailing separator is allowed
            tokens.pop()
    if count >= 0:
        if count > len(tokens):
            raise ValueError(f"fromstring: the text holds {len(tokens)} items, fewer than "
                             f"count={count}")
        tokens = tokens[:count]
    if not tokens:
        return torch.empty((0,), dtype=dtype)
    return _parse_tokens([t.strip() for t in tokens], dtype)


def _is_structured(dtype):
    if isinstance(dtype, (list, tuple, dict)):
        return True
    return isinstance(dtype, str) and "," in dtype


def fromregex(file, regexp, dtype, encoding=None):
    """An array from the groups a regular expression matches in a file. Mirrors ``numpy.fromregex``.

    NumPy 2 requires a structured dtype (one field per group); torch has no
    structured dtypes, so such a call raises NotImplementedError, and a plain
    dtype raises NumPy's TypeError.
    """
    if _is_structured(dtype):
        raise NotImplementedError("torchnp.fromregex: structured dtypes (one field per regex "
                                  "group) have no torch equivalent")
    if hasattr(dtype, "names") and getattr(dtype, "names") is not None:
        raise NotImplementedError("torchnp.fromregex: structured dtypes have no torch equivalent")
    _dtypes.to_torch_dtype(dtype)  # unknown or unsupported dtypes fail first, as in NumPy
    raise TypeError("dtype must be a structured datatype.")
