"""Differential tests of the convenience classes (Polynomial, Chebyshev, ...) against NumPy."""
import pickle
import sys
import warnings

import numpy as np
import numpy.polynomial as NP
import pytest

import torchnp as tnp
import torchnp.polynomial as TP
from _oracle import assert_same

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _cases import KINDS, coefs  # noqa: E402

CLASSES = [cls for _, cls in KINDS.values()]
DOMAINS = [None, ([0, 2], None), ([1, 3], [0, 1])]
TOL = dict(rtol=1e-8, atol=1e-10)


def pair(cls, coef, domain=None, window=None, symbol="x"):
    return (getattr(NP, cls)(coef, domain, window, symbol),
            getattr(TP, cls)(coef, domain, window, symbol))


def same_series(t, n, **tol):
    """A torchnp series equals a NumPy one: class name, coef, domain, window, symbol."""
    assert type(t).__name__ == type(n).__name__
    assert_same(t.coef, n.coef, **(tol or TOL))
    assert_same(t.domain, n.domain)
    assert_same(t.window, n.window)
    assert t.symbol == n.symbol


@pytest.mark.parametrize("dom", DOMAINS, ids=["default", "domain", "domain-window"])
@pytest.mark.parametrize("cls", CLASSES)
def test_arithmetic(cls, dom):
    d, w = dom or (None, None)
    for dt in ("float64", "complex128"):
        n1, t1 = pair(cls, coefs(4, dt), d, w)
        n2, t2 = pair(cls, coefs(2, "float64", 3), d, w)
        for f in (lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b,
                  lambda a, b: a // b, lambda a, b: a % b,
                  lambda a, b: a + 2, lambda a, b: 2 - a, lambda a, b: a * 1.5, lambda a, b: 3 * a,
                  lambda a, b: a / 2, lambda a, b: a // 2.0, lambda a, b: -a, lambda a, b: +a,
                  lambda a, b: a ** 3, lambda a, b: a ** 0, lambda a, b: 2 // b, lambda a, b: 5 % b,
                  lambda a, b: a + [1, 2], lambda a, b: [1, 2] * a):
            same_series(f(t1, t2), f(n1, n2))
        qn, rn = divmod(n1, n2)
        qt, rt = divmod(t1, t2)
        same_series(qt, qn)
        same_series(rt, rn)
        assert (t1 == t1.copy()) and not (t1 != t1.copy()) and not (t1 == t2)


@pytest.mark.parametrize("cls", CLASSES)
def test_arithmetic_errors(cls):
    n, t = pair(cls, [1, 2, 3])
    other = "Chebyshev" if cls != "Chebyshev" else "Legendre"
    with pytest.raises(TypeError):
        t + getattr(TP, other)([1])
    with pytest.raises(TypeError):
        t + getattr(TP, cls)([1], domain=[0, 5])
    with pytest.raises(TypeError):
        t + getattr(TP, cls)([1], window=[0, 5])
    with pytest.raises(ValueError):
        t + getattr(TP, cls)([1], symbol="y")
    with pytest.raises(TypeError):
        t / t
    with pytest.raises(TypeError):
        2 / t
    with pytest.raises(ZeroDivisionError):
        t // 0
    with pytest.raises(ValueError):
        t ** 101  # maxpower
    with pytest.raises(ValueError):
        t ** -1
    with pytest.raises(ValueError):
        getattr(TP, cls)([1], domain=[1, 2, 3])
    with pytest.raises(ValueError):
        getattr(TP, cls)([1], window=[1])
    with pytest.raises(ValueError):
        getattr(TP, cls)([1], symbol="1x")
    with pytest.raises(TypeError):
        getattr(TP, cls)([1], symbol=1)


@pytest.mark.parametrize("dom", DOMAINS, ids=["default", "domain", "domain-window"])
@pytest.mark.parametrize("cls", CLASSES)
def test_call_and_calculus(cls, dom):
    d, w = dom or (None, None)
    n, t = pair(cls, coefs(5), d, w)
    x = np.linspace(-1, 2, 9)
    assert_same(t(x), n(x), **TOL)
    assert_same(t(0.5), n(0.5), **TOL)
    assert_same(t([0.5, 1]), n([0.5, 1]), **TOL)
    assert_same(t(x.astype(np.float32)), n(x.astype(np.float32)), rtol=1e-5, atol=1e-5)
    for m in (1, 2, 7):
        same_series(t.deriv(m), n.deriv(m))
    same_series(t.integ(), n.integ())
    same_series(t.integ(2, k=[1, 2], lbnd=0.5), n.integ(2, k=[1, 2], lbnd=0.5))
    assert_same(t.roots(), n.roots(), rtol=1e-6, atol=1e-8)
    xs_t, ys_t = t.linspace(7)
    xs_n, ys_n = n.linspace(7)
    assert_same(xs_t, xs_n, **TOL)
    assert_same(ys_t, ys_n, **TOL)
    xs_t, ys_t = t.linspace(4, domain=[0, 3])
    xs_n, ys_n = n.linspace(4, domain=[0, 3])
    assert_same(xs_t, xs_n, **TOL)
    assert_same(ys_t, ys_n, **TOL)
    mt, mn = t.mapparms(), n.mapparms()
    assert_same(mt[0], mn[0])
    assert_same(mt[1], mn[1])


@pytest.mark.parametrize("cls", CLASSES)
def test_shape_methods(cls):
    n, t = pair(cls, [1.0, 2.0, 1e-3, 0.0, 0.0], [0, 4])
    assert t.degree() == n.degree() and len(t) == len(n)
    assert_same(np.array(list(t)), np.array(list(n))) if False else None  # iteration checked below
    assert [float(v) for v in t] == [float(v) for v in n]
    for f in (lambda p: p.trim(), lambda p: p.trim(1e-2), lambda p: p.truncate(2),
              lambda p: p.truncate(9), lambda p: p.cutdeg(1), lambda p: p.cutdeg(0), lambda p: p.copy()):
        same_series(f(t), f(n))
    for bad in (0, 1.5):
        with pytest.raises(ValueError):
            t.truncate(bad)
    assert t.has_samecoef(t.copy()) and not t.has_samecoef(t.trim())
    assert t.has_samedomain(t) and t.has_samewindow(t) and t.has_sametype(t)
    assert not t.has_sametype(TP.Polynomial([1]) if cls != "Polynomial" else TP.Chebyshev([1]))


@pytest.mark.parametrize("cls", CLASSES)
def test_constructors(cls):
    N, T = getattr(NP, cls), getattr(TP, cls)
    r = np.array([-0.5, 0.25, 0.75])
    same_series(T.fromroots(r), N.fromroots(r))
    same_series(T.fromroots(r, domain=[0, 2]), N.fromroots(r, domain=[0, 2]))
    same_series(T.fromroots(r, domain=None), N.fromroots(r, domain=None))
    same_series(T.identity(), N.identity())
    same_series(T.identity([0, 3], window=[-1, 1]), N.identity([0, 3], window=[-1, 1]))
    for deg in (0, 3):
        same_series(T.basis(deg), N.basis(deg))
        same_series(T.basis(deg, domain=[1, 2], symbol="t"), N.basis(deg, domain=[1, 2], symbol="t"))
    with pytest.raises(ValueError):
        T.basis(-1)
    for other in CLASSES:
        src_n, src_t = pair(other, [1.0, -2.0, 0.5], [0, 1])
        same_series(T.cast(src_t), N.cast(src_n))
        same_series(src_t.convert(kind=T), src_n.convert(kind=N))
        same_series(src_t.convert(domain=[-2, 2], kind=T), src_n.convert(domain=[-2, 2], kind=N))


@pytest.mark.parametrize("cls", CLASSES)
def test_fit(cls):
    N, T = getattr(NP, cls), getattr(TP, cls)
    rng = np.random.default_rng(5)
    x = np.linspace(0, 3, 30)
    y = np.sin(x) + 0.05 * rng.standard_normal(30)
    tol = dict(rtol=1e-7, atol=1e-9)
    same_series(T.fit(x, y, 3), N.fit(x, y, 3), **tol)
    same_series(T.fit(x, y, [0, 1, 3]), N.fit(x, y, [0, 1, 3]), **tol)
    same_series(T.fit(x, y, 3, domain=[0, 4]), N.fit(x, y, 3, domain=[0, 4]), **tol)
    same_series(T.fit(x, y, 3, domain=[]), N.fit(x, y, 3, domain=[]), **tol)
    same_series(T.fit(x, y, 2, w=1 + x, window=[0, 1], symbol="s"),
                N.fit(x, y, 2, w=1 + x, window=[0, 1], symbol="s"), **tol)
    same_series(T.fit(np.ones(4), np.arange(4.0), 0), N.fit(np.ones(4), np.arange(4.0), 0), **tol)
    (st, it), (sn, inf) = T.fit(x, y, 3, full=True), N.fit(x, y, 3, full=True)
    same_series(st, sn, **tol)
    assert_same(it[0], inf[0], rtol=1e-6)
    assert int(it[1]) == int(inf[1])


@pytest.mark.parametrize("cls", CLASSES)
def test_pickle_and_hash(cls):
    _, t = pair(cls, [1.0, 2.0], [0, 1], None, "z")
    u = pickle.loads(pickle.dumps(t))
    assert u == t
    with pytest.raises(TypeError):
        hash(t)


def test_chebyshev_interpolate():
    n = NP.Chebyshev.interpolate(np.exp, 5, domain=[0, 2])
    t = TP.Chebyshev.interpolate(tnp.exp, 5, domain=[0, 2])
    same_series(t, n, rtol=1e-12, atol=1e-14)
    same_series(TP.Chebyshev.interpolate(tnp.sin, 3), NP.Chebyshev.interpolate(np.sin, 3),
                rtol=1e-12, atol=1e-14)


def test_class_namespaces():
    for mod, (_, cls) in KINDS.items():
        assert getattr(TP, cls) is getattr(getattr(TP, mod), cls)
        assert_same(getattr(TP, cls).domain, getattr(NP, cls).domain)
        assert_same(getattr(TP, cls).window, getattr(NP, cls).window)
        assert getattr(TP, cls).basis_name == getattr(NP, cls).basis_name
        assert getattr(TP, cls).maxpower == getattr(NP, cls).maxpower


# --- printing ---------------------------------------------------------------------------------------
PRINT_CASES = [
    ([1, 2, 3], {}), ([1, -2.5, 3e9], {"domain": [0, 2]}),
    ([0.5, -1e-5, 2], {"domain": [1, 3], "window": [0, 1]}),
    (list(np.arange(1, 25) * 1.5), {}), ([1j, 2, 3 - 1j], {}),
    ([1, 2, np.nan, np.inf], {"symbol": "t"}), (list(np.arange(-15.0, 15)), {"domain": [-3, 3]}),
    ([0.0], {}), ([1.0, 0.0, -0.0], {"domain": [0, 1], "window": [0, 2]}),
]


@pytest.fixture
def restore_printstyle():
    old_n = NP._polybase.ABCPolyBase._use_unicode
    yield
    NP.set_default_printstyle("unicode" if old_n else "ascii")
    TP.set_default_printstyle("unicode" if old_n else "ascii")


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("coef,kw", PRINT_CASES, ids=[str(i) for i in range(len(PRINT_CASES))])
def test_printing(cls, coef, kw, restore_printstyle):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        n = getattr(NP, cls)(coef, **kw)
        t = getattr(TP, cls)(coef, **kw)
        assert repr(t) == repr(n)
        for style in ("ascii", "unicode"):
            assert format(t, style) == format(n, style)
            NP.set_default_printstyle(style)
            TP.set_default_printstyle(style)
            assert str(t) == str(n)
        assert f"{t}" == f"{n}"


def test_printing_linewidth():
    n, t = pair("Legendre", list(np.arange(1, 12) * 1.25))
    with np.printoptions(linewidth=30), tnp.printoptions(linewidth=30):
        assert format(t, "ascii") == format(n, "ascii")
        assert format(t, "unicode") == format(n, "unicode")


def test_printing_errors():
    _, t = pair("Polynomial", [1, 2])
    with pytest.raises(ValueError):
        format(t, "latex")
    with pytest.raises(ValueError):
        TP.set_default_printstyle("fancy")
