"""The convenience classes of ``numpy.polynomial`` (Polynomial, Chebyshev, ...).

Not an impl module: the classes are user-facing objects whose ``coef``,
``domain`` and ``window`` are torchnp arrays. They build those through
``torchnp._normalize.wrap`` (never importing ``ndarray``) and do all their
numerical work with the torch-only functions of the ``_<kind>_impl`` modules.
"""
from __future__ import annotations

import numbers
import os

import torch

from torchnp._normalize import as_tensor, wrap, wrap_scalar

from . import (_chebyshev_impl, _hermite_e_impl, _hermite_impl, _laguerre_impl,
               _legendre_impl, _polynomial_impl)
from . import _polyutils_impl as pu
from . import _series_impl as se

__all__ = ["set_default_printstyle", "Polynomial", "Chebyshev", "Legendre", "Laguerre",
           "Hermite", "HermiteE"]

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def set_default_printstyle(style):
    """Choose ``'unicode'`` or ``'ascii'`` for printing series. Mirrors
    ``numpy.polynomial.set_default_printstyle``."""
    if style not in ("unicode", "ascii"):
        raise ValueError(f"Unsupported format string '{style}'. Valid options are 'ascii' "
                         "and 'unicode'")
    _SeriesBase._use_unicode = style == "unicode"


def _tensor(x):
    return x if isinstance(x, torch.Tensor) else as_tensor(x)


def _series1d(x):
    [t] = pu.series(x, trim=False)
    return t


def _same(a, b):
    return tuple(a.shape) == tuple(b.shape) and bool((a == b).all())


class _SeriesBase:
    """What the six series classes share. Mirrors ``numpy.polynomial._polybase.ABCPolyBase``."""

    __hash__ = None
    __array_ufunc__ = None  # let series win over arrays in mixed arithmetic
    maxpower = 100
    _use_unicode = os.name != "nt"
    basis_name = None
    _B = None  # the Basis of the kind
    _fn = None  # the kind's impl module

    # -- construction -------------------------------------------------------------------
    def __init__(self, coef, domain=None, window=None, symbol="x"):
        self.coef = wrap(_series1d(coef))
        if domain is not None:
            d = _series1d(domain)
            if d.shape[0] != 2:
                raise ValueError("Domain has wrong number of elements.")
            self.domain = wrap(d)
        if window is not None:
            w = _series1d(window)
            if w.shape[0] != 2:
                raise ValueError("Window has wrong number of elements.")
            self.window = wrap(w)
        try:
            if not symbol.isidentifier():
                raise ValueError("Symbol string must be a valid Python identifier")
        except AttributeError:
            raise TypeError("Symbol must be a non-empty string") from None
        self._symbol = symbol

    @property
    def symbol(self):
        return self._symbol

    def _new(self, coef):
        return self.__class__(coef, self.domain, self.window, self.symbol)

    def _c(self):
        return self.coef.tensor

    # -- comparisons ------------------------------------------------------------------------
    def has_samecoef(self, other):
        """Whether the coefficients equal those of ``other``."""
        return _same(self._c(), other.coef.tensor)

    def has_samedomain(self, other):
        """Whether the domain equals that of ``other``."""
        return bool((_tensor(self.domain) == _tensor(other.domain)).all())

    def has_samewindow(self, other):
        """Whether the window equals that of ``other``."""
        return bool((_tensor(self.window) == _tensor(other.window)).all())

    def has_sametype(self, other):
        """Whether ``other`` is of the same series class."""
        return isinstance(other, self.__class__)

    def _get_coefficients(self, other):
        if isinstance(other, _SeriesBase):
            if not isinstance(other, self.__class__):
                raise TypeError("Polynomial types differ")
            if not self.has_samedomain(other):
                raise TypeError("Domains differ")
            if not self.has_samewindow(other):
                raise TypeError("Windows differ")
            if self.symbol != other.symbol:
                raise ValueError("Polynomial symbols differ")
            return other._c()
        return other

    def __eq__(self, other):
        return (isinstance(other, self.__class__) and self.has_samedomain(other)
                and self.has_samewindow(other) and _same(self._c(), other._c())
                and self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    # -- printing -------------------------------------------------------------------------------
    def __repr__(self):
        coef = repr(self.coef)[6:-1]
        domain = repr(self.domain)[6:-1]
        window = repr(self.window)[6:-1]
        return f"{self.__class__.__name__}({coef}, domain={domain}, window={window}, symbol='{self.symbol}')"

    def __format__(self, fmt_str):
        if fmt_str == "":
            return self.__str__()
        if fmt_str not in ("ascii", "unicode"):
            raise ValueError(f"Unsupported format string '{fmt_str}' passed to {self.__class__}"
                             ".__format__. Valid options are 'ascii' and 'unicode'")
        if fmt_str == "ascii":
            return self._generate_string(self._str_term_ascii)
        return self._generate_string(self._str_term_unicode)

    def __str__(self):
        if self._use_unicode:
            return self._generate_string(self._str_term_unicode)
        return self._generate_string(self._str_term_ascii)

    def _format_term(self, off, scale):
        f = pu.format_float
        if off == 0 and scale == 1:
            return self.symbol, False
        if scale == 1:
            return f"{f(off)} + {self.symbol}", True
        if off == 0:
            return f"{f(scale)}{self.symbol}", True
        return f"{f(off)} + {f(scale)}{self.symbol}", True

    def _generate_string(self, term_method):
        from torchnp import _printing
        linewidth = max(_printing.get_printoptions().get("linewidth", 75), 1)
        c = self._c()
        coefs = [wrap_scalar(c[i]) for i in range(c.shape[0])]
        out = pu.format_float(coefs[0])
        off, scale = self.mapparms()
        sym, parens = self._format_term(off, scale)
        if parens:
            sym = "(" + sym + ")"
        rest = coefs[1:]
        for i, coef in enumerate(rest):
            out += " "
            if c.is_complex():  # complex coefficients print as-is (they have no order)
                term = f"+ {coef}"
            elif coef >= 0:
                term = "+ " + pu.format_float(coef, parens=True)
            else:
                term = "- " + pu.format_float(-coef, parens=True)
            term += term_method(str(i + 1), sym)
            line_len = len(out.split("\n")[-1]) + len(term)
            if i < len(rest) - 1:
                line_len += 2
            if line_len >= linewidth:
                term = term.replace(" ", "\n", 1)
            out += term
        return out

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        return f"·{cls.basis_name}{i.translate(_SUBSCRIPTS)}({arg_str})"

    @classmethod
    def _str_term_ascii(cls, i, arg_str):
        return f" {cls.basis_name}_{i}({arg_str})"

    # -- container and arithmetic ---------------------------------------------------------------
    def __iter__(self):
        return iter(self.coef)

    def __len__(self):
        return len(self.coef)

    def __neg__(self):
        return self._new(-self._c())

    def __pos__(self):
        return self

    def _binary(self, fn, a, b):
        try:
            return self._new(fn(a, b))
        except (TypeError, ValueError, NotImplementedError, RuntimeError):
            return NotImplemented

    def __add__(self, other):
        return self._binary(self._add, self._c(), self._get_coefficients(other))

    def __sub__(self, other):
        return self._binary(self._sub, self._c(), self._get_coefficients(other))

    def __mul__(self, other):
        return self._binary(self._mul, self._c(), self._get_coefficients(other))

    def __truediv__(self, other):
        # only division by a number: a series quotient is spelled // (or divmod)
        if not isinstance(other, numbers.Number) or isinstance(other, bool):
            if not (hasattr(other, "tensor") and getattr(other, "ndim", 1) == 0
                    and other.tensor.dtype is not torch.bool):
                raise TypeError(f"unsupported types for true division: '{type(self)}', "
                                f"'{type(other)}'")
        return self.__floordiv__(other)

    def __floordiv__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[0]

    def __mod__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[1]

    def _divmod_pair(self, num, den):
        """``(quo, rem)`` as series, or NotImplemented when the operands do not divide."""
        try:
            quo, rem = self._div(num, den)
        except ZeroDivisionError:
            raise
        except (TypeError, ValueError, NotImplementedError, RuntimeError):
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __divmod__(self, other):
        return self._divmod_pair(self._c(), self._get_coefficients(other))

    def __pow__(self, other):
        return self._new(self._pow(self._c(), other, maxpower=self.maxpower))

    def __radd__(self, other):
        return self._binary(self._add, other, self._c())

    def __rsub__(self, other):
        return self._binary(self._sub, other, self._c())

    def __rmul__(self, other):
        return self._binary(self._mul, other, self._c())

    def __rtruediv__(self, other):
        # a series is not a number: NumPy leaves this to the other operand
        return NotImplemented

    def __rfloordiv__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[0]

    def __rmod__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[1]

    def __rdivmod__(self, other):
        return self._divmod_pair(other, self._c())

    # -- evaluation -------------------------------------------------------------------------------
    def __call__(self, arg):
        if isinstance(arg, _SeriesBase):
            return self._call_series(arg)
        x = arg if type(arg) in (bool, int, float, complex) else as_tensor(arg)
        x = pu.mapdomain(x, self.domain.tensor, self.window.tensor)
        return wrap_scalar(se.val_raw(self._B, x, self._c()))

    def _call_series(self, arg):
        # the composition self(arg): Clenshaw's recurrence carried out in arg's series arithmetic
        off, scl = pu._mapparms(self.domain.tensor, self.window.tensor)
        x = arg * wrap_scalar(scl) + wrap_scalar(off)
        c = self._c()
        n = c.shape[0]
        b1 = x * 0 + wrap_scalar(c[n - 1])
        b2 = x * 0
        for k in range(n - 2, -1, -1):
            a, b, _ = self._B.rec(k)
            g = self._B.rec(k + 1)[2]
            b1, b2 = (x * a + b) * b1 - b2 * g + wrap_scalar(c[k]), b1
        return b1

    # -- methods ------------------------------------------------------------------------------------
    def copy(self):
        """A copy of the series."""
        return self.__class__(self.coef, self.domain, self.window, self.symbol)

    def degree(self):
        """The degree of the series (``len(coef) - 1``)."""
        return len(self) - 1

    def cutdeg(self, deg):
        """Truncate to degree ``deg``."""
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        """Drop trailing coefficients with absolute value ``<= tol``."""
        return self._new(pu.trimcoef(self._c(), tol))

    def truncate(self, size):
        """Keep the first ``size`` coefficients."""
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        c = self._c()
        return self._new(c if isize >= c.shape[0] else c[:isize])

    def convert(self, domain=None, kind=None, window=None):
        """The same function as a series of class ``kind`` on ``domain``/``window``."""
        if kind is None:
            kind = self.__class__
        if domain is None:
            domain = kind.domain
        if window is None:
            window = kind.window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    def mapparms(self):
        """Offset and scale of the map from the domain to the window."""
        off, scl = pu._mapparms(self.domain.tensor, self.window.tensor)
        return wrap_scalar(off), wrap_scalar(scl)

    def integ(self, m=1, k=[], lbnd=None):  # noqa: B006 - NumPy's default
        """Integrate ``m`` times (in the domain's variable)."""
        off, scl = pu._mapparms(self.domain.tensor, self.window.tensor)
        if lbnd is None:
            lbnd = 0
        else:
            lbnd = off + scl * _tensor(lbnd).to(off.dtype) if not isinstance(lbnd, (int, float)) \
                else off + scl * lbnd
        return self._new(se.int_raw(self._B, self._c(), m, k, lbnd, 1. / scl, 0))

    def deriv(self, m=1):
        """Differentiate ``m`` times (in the domain's variable)."""
        off, scl = pu._mapparms(self.domain.tensor, self.window.tensor)
        return self._new(se.der_raw(self._B, self._c(), m, scl, 0))

    def roots(self):
        """The roots, mapped back to the domain."""
        [c] = pu.series(self._c())
        r = se.roots_raw(self._B, c)
        return wrap(pu.mapdomain(r, self.window.tensor, self.domain.tensor))

    def linspace(self, n=100, domain=None):
        """``n`` equally spaced points of the domain and the series' values there."""
        d = _tensor(self.domain if domain is None else domain)
        d = d.to(torch.float64) if not (d.dtype.is_floating_point or d.dtype.is_complex) else d
        lo, hi = d[0], d[1]
        t = torch.linspace(0, 1, n, dtype=pu.real_dtype(d.dtype))
        x = lo + (hi - lo) * t if n > 1 else lo.reshape(1)[:n]
        if n > 1:
            x[-1] = hi
        x = wrap(x)
        return x, self(x)

    # -- alternative constructors ------------------------------------------------------------------
    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None,
            symbol="x"):
        """Least-squares fit of a series to ``(x, y)``, with the data mapped to the window."""
        xt = _tensor(x)
        if domain is None:
            domain = pu.getdomain(xt)
            if bool(domain[0] == domain[1]):
                domain = domain + torch.tensor([-1, 1], dtype=domain.dtype)
        elif type(domain) is list and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        dt, wt = _tensor(domain), _tensor(window)
        xnew = pu.mapdomain(pu.float_of(xt), dt, wt)
        res = se.fit_raw(cls._B, xnew, _tensor(y), deg, rcond=rcond, full=full,
                         w=None if w is None else _tensor(w))
        if full:
            coef, status = res
            return (cls(coef, domain=domain, window=window, symbol=symbol),
                    [wrap(status[0]), wrap_scalar(status[1]), wrap(status[2]),
                     wrap_scalar(status[3])])
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):  # noqa: B006 - NumPy's default
        """The series with the given roots (leading coefficient one in the domain's variable)."""
        r = _series1d(roots)
        if domain is None:
            domain = pu.getdomain(r)
        elif type(domain) is list and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        deg = r.shape[0]
        off, scl = pu._mapparms(_tensor(domain), _tensor(window))
        rnew = off + scl * r
        coef = se.fromroots_raw(cls._B, rnew) / scl ** deg
        return cls(coef, domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        """The identity ``x`` as a series on ``domain``/``window``."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = pu._mapparms(_tensor(window), _tensor(domain))
        coef = cls._fn_line(wrap_scalar(off), wrap_scalar(scl))
        return cls(coef, domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        """The basis polynomial of degree ``deg``."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        return cls([0] * ideg + [1], domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        """Convert ``series`` (any series class) to this class."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        return series.convert(domain, cls, window)


def _kind(name, mod, prefix, basis_name, doc):
    """Build one series class from its impl module (class attributes only)."""
    ns = {
        "__doc__": doc,
        "basis_name": basis_name,
        "_B": mod._B,
        "_add": staticmethod(getattr(mod, prefix + "add")),
        "_sub": staticmethod(getattr(mod, prefix + "sub")),
        "_mul": staticmethod(getattr(mod, prefix + "mul")),
        "_div": staticmethod(getattr(mod, prefix + "div")),
        "_pow": staticmethod(getattr(mod, prefix + "pow")),
        "_fn_line": staticmethod(getattr(mod, prefix + "line")),
        "domain": wrap(torch.tensor([0., 1.] if prefix == "lag" else [-1., 1.], dtype=torch.float64)),
        "window": wrap(torch.tensor([0., 1.] if prefix == "lag" else [-1., 1.], dtype=torch.float64)),
    }
    return type(name, (_SeriesBase,), ns)


class Polynomial(_kind("_PolynomialBase", _polynomial_impl, "poly", None, "")):
    """A power series. Mirrors ``numpy.polynomial.Polynomial``."""

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        return f"·{arg_str}" if i == "1" else f"·{arg_str}{i.translate(_SUPERSCRIPTS)}"

    @classmethod
    def _str_term_ascii(cls, i, arg_str):
        return f" {arg_str}" if i == "1" else f" {arg_str}**{i}"


Chebyshev = _kind("Chebyshev", _chebyshev_impl, "cheb", "T",
                  "A Chebyshev series. Mirrors ``numpy.polynomial.Chebyshev``.")
Legendre = _kind("Legendre", _legendre_impl, "leg", "P",
                 "A Legendre series. Mirrors ``numpy.polynomial.Legendre``.")
Laguerre = _kind("Laguerre", _laguerre_impl, "lag", "L",
                 "A Laguerre series. Mirrors ``numpy.polynomial.Laguerre``.")
Hermite = _kind("Hermite", _hermite_impl, "herm", "H",
                "A Hermite (physicists') series. Mirrors ``numpy.polynomial.Hermite``.")
HermiteE = _kind("HermiteE", _hermite_e_impl, "herme", "He",
                 "A HermiteE (probabilists') series. Mirrors ``numpy.polynomial.HermiteE``.")


def _cheb_interpolate(cls, func, deg, domain=None, args=()):
    """Interpolate ``func`` at Chebyshev points of the first kind on ``domain``."""
    if domain is None:
        domain = cls.domain

    def xfunc(x, *a):
        off, scl = pu._mapparms(_tensor(cls.window), _tensor(domain))
        return func(wrap(off + scl * x.tensor), *a)
    coef = _chebyshev_impl.chebinterpolate(xfunc, deg, args)
    return cls(coef, domain=domain)


Chebyshev.interpolate = classmethod(_cheb_interpolate)
