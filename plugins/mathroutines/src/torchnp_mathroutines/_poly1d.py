"""The ``poly1d`` class and the poly1d-aware public polynomial functions.

Not an impl module: poly1d holds a ``torchnp.ndarray`` of coefficients and its
operators call the public polynomial functions, so this module works at the
public level (it imports ``torchnp`` lazily, at call time). The numeric work is
in ``_polynomial_impl``.
"""
from __future__ import annotations

__all__ = ["poly1d", "poly_aware"]

import functools
import re

_POWER = re.compile(r"\*\*([0-9]*)")


def _tnp():
    import torchnp
    return torchnp


def _is_scalar(x):
    tnp = _tnp()
    return isinstance(x, (bool, int, float, complex, tnp.generic))


def _coeffs_of(x):
    return x.coeffs if isinstance(x, poly1d) else x


def poly_aware(public, rewrap):
    """Wrap a public polynomial function: poly1d arguments pass their coefficients, and
    when ``rewrap`` the result comes back as poly1d (a tuple of them for polydiv)."""

    @functools.wraps(public)
    def f(*args, **kwargs):
        had_poly = any(isinstance(a, poly1d) for a in args) or any(
            isinstance(v, poly1d) for v in kwargs.values())
        r = public(*(_coeffs_of(a) for a in args),
                   **{k: _coeffs_of(v) for k, v in kwargs.items()})
        if rewrap and had_poly:
            if isinstance(r, tuple):
                return tuple(poly1d(x) for x in r)
            return poly1d(r)
        return r

    f.__signature__ = public.__signature__
    f.__wrapped_impl__ = getattr(public, "__wrapped_impl__", None)
    return f


def polyval_public(public):
    """polyval: a poly1d ``x`` composes polynomials (Horner's scheme on poly1d objects)."""

    @functools.wraps(public)
    def polyval(p, x):
        p = _coeffs_of(p)
        if isinstance(x, poly1d):
            y = poly1d([0])
            for pv in _tnp().asarray(p):
                y = y * x + pv
            return y
        return public(p, x)

    polyval.__signature__ = public.__signature__
    return polyval


def _fmt_float(q):
    s = "%.4g" % q
    if s.endswith(".0000"):
        s = s[:-5]
    return s


def _fmt_coeff(c):
    c = complex(c) if isinstance(c, complex) else c
    if isinstance(c, complex) and c.imag != 0:
        if c.real == 0:
            return f"{_fmt_float(c.imag)}j"
        return f"({_fmt_float(c.real)} + {_fmt_float(c.imag)}j)"
    return _fmt_float(c.real if isinstance(c, complex) else c)


def _two_line(text, width=70):
    """Move every ``**N`` exponent onto a line above its base, wrapping at ``width``."""
    out = " "
    top = bottom = ""
    pos = 0
    for m in _POWER.finditer(text):
        exp = m.group(1)
        base = text[pos:m.start()]
        pos = m.end()
        add_bottom = base + " " * (len(exp) - 1)
        add_top = " " * (len(base) - 1) + exp
        if len(bottom) + len(add_bottom) > width or len(top) + len(add_top) > width:
            out += top + "\n" + bottom + "\n "
            top, bottom = add_top, add_bottom
        else:
            top += add_top
            bottom += add_bottom
    bottom += text[pos:]
    return out + top + "\n" + bottom


class poly1d:
    """A one-dimensional polynomial (coefficients from the highest power). Mirrors
    ``numpy.poly1d``."""

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        tnp = _tnp()
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = tnp.poly(c_or_r)
        c = tnp.atleast_1d(tnp.asarray(c_or_r))
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c = tnp.trim_zeros(c, trim="f")
        if len(c) == 0:
            c = tnp.zeros((1,), dtype=c.dtype)
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    # --- attributes -------------------------------------------------------------
    @property
    def coeffs(self):
        """The coefficients, highest power first."""
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    c = coef = coefficients = coeffs

    @property
    def variable(self):
        """The name of the variable used in ``str``."""
        return self._variable

    @property
    def order(self):
        """The degree of the polynomial."""
        return len(self._coeffs) - 1

    o = order

    @property
    def roots(self):
        """The roots of the polynomial."""
        return _tnp().roots(self._coeffs)

    r = roots

    # --- conversion and printing ---------------------------------------------------
    def __array__(self, t=None, copy=None):
        return self.coeffs.__array__(t) if t is not None else self.coeffs.__array__()

    def __repr__(self):
        vals = repr(self.coeffs)
        vals = vals[6:-1]
        return f"poly1d({vals})"

    def __len__(self):
        return self.order

    def __str__(self):
        var = self.variable
        coeffs = self.coeffs.tolist()
        while coeffs and coeffs[0] == 0:
            coeffs = coeffs[1:]
        n = len(coeffs) - 1
        text = "0"
        for k, coeff in enumerate(coeffs):
            cs = _fmt_coeff(coeff)
            power = n - k
            if power == 0:
                term = cs if cs != "0" else ("0" if k == 0 else "")
            elif cs == "0":
                term = ""
            elif power == 1:
                term = f"{cs} {var}"
            else:
                term = f"{cs} {var}**{power}"
            if k == 0:
                text = term
            elif term:
                text = f"{text} - {term[1:]}" if term.startswith("-") else f"{text} + {term}"
        return _two_line(text)

    # --- evaluation and arithmetic ---------------------------------------------------
    def __call__(self, val):
        return _tnp().polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if _is_scalar(other):
            return poly1d(self.coeffs * other)
        other = poly1d(other)
        return poly1d(_tnp().polymul(self.coeffs, other.coeffs))

    def __rmul__(self, other):
        if _is_scalar(other):
            return poly1d(other * self.coeffs)
        other = poly1d(other)
        return poly1d(_tnp().polymul(self.coeffs, other.coeffs))

    def __add__(self, other):
        other = poly1d(other)
        return poly1d(_tnp().polyadd(self.coeffs, other.coeffs))

    __radd__ = __add__  # polyadd is symmetric

    def __pow__(self, val):
        if not _is_scalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(int(val)):
            res = _tnp().polymul(self.coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        other = poly1d(other)
        return poly1d(_tnp().polysub(self.coeffs, other.coeffs))

    def __rsub__(self, other):
        other = poly1d(other)
        return poly1d(_tnp().polysub(other.coeffs, self.coeffs))

    def __truediv__(self, other):
        if _is_scalar(other):
            return poly1d(self.coeffs / other)
        other = poly1d(other)
        q, r = _tnp().polydiv(self.coeffs, other.coeffs)
        return poly1d(q), poly1d(r)

    def __rtruediv__(self, other):
        if _is_scalar(other):
            return poly1d(other / self.coeffs)
        other = poly1d(other)
        q, r = _tnp().polydiv(other.coeffs, self.coeffs)
        return poly1d(q), poly1d(r)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return (self.coeffs == other.coeffs).all()

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    # --- coefficient access ------------------------------------------------------------
    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return self.coeffs.dtype.type(0)
        return self.coeffs[ind]

    def __setitem__(self, key, val):
        tnp = _tnp()
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            zr = tnp.zeros(key - self.order, self.coeffs.dtype)
            self._coeffs = tnp.concatenate((zr, self.coeffs))
        self._coeffs[self.order - key] = val

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        """The m-th antiderivative (see ``polyint``)."""
        return poly1d(_tnp().polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        """The m-th derivative (see ``polyder``)."""
        return poly1d(_tnp().polyder(self.coeffs, m=m))
