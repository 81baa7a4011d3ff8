"""Differential tests of the numpy.polynomial module functions (all six kinds) against NumPy."""
import inspect
import sys
import warnings

import numpy as np
import numpy.polynomial as NP
import pytest

import torchnp as tnp
import torchnp.polynomial as TP
from _oracle import assert_same, check

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _cases import KINDS, coefs  # noqa: E402

X = np.linspace(-0.9, 0.9, 7)
DTYPES = ["float64", "float32", "complex128", "int64"]
LENGTHS = [1, 2, 3, 6]


def _tol(args):
    low = any(getattr(a, "dtype", None) in (np.float32, np.complex64) for a in args)
    return dict(rtol=2e-5, atol=1e-5) if low else dict(rtol=1e-9, atol=1e-11)


def run(mod, name, *args, rtol=None, atol=None, **kw):
    tol = _tol(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's own overflow/invalid warnings
        check(name, *args, module="polynomial." + mod, rtol=rtol or tol["rtol"],
              atol=atol if atol is not None else tol["atol"], **kw)


def _c(n, dt):
    return np.arange(1, n + 1) if dt == "int64" else coefs(n, dt)


# --- arithmetic over kinds x dtypes x lengths ------------------------------------------------------
@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(KINDS))
def test_arithmetic(mod, dt):
    p = KINDS[mod][0]
    for n in LENGTHS:
        c, c2 = _c(n, dt), coefs(max(n - 1, 1), "float64", 5)
        for op in ("add", "sub", "mul", "div"):
            run(mod, p + op, c, c2)
            run(mod, p + op, c2, c)
        run(mod, p + "mulx", c)
        for k in (0, 1, 3):
            run(mod, p + "pow", c, k)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(KINDS))
def test_evaluation(mod, dt):
    p = KINDS[mod][0]
    for n in LENGTHS:
        c = _c(n, dt)
        run(mod, p + "val", X, c)
        run(mod, p + "val", 0.5, c)              # Python scalar: NumPy scalar result
        run(mod, p + "val", X.astype(np.float32), c)
        run(mod, p + "val", X[::2].reshape(2, 2), c)
        run(mod, p + "vander", c, 3)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(KINDS))
def test_calculus(mod, dt):
    p = KINDS[mod][0]
    for n in LENGTHS:
        c = _c(n, dt)
        run(mod, p + "der", c)
        run(mod, p + "der", c, 2, scl=2.0)
        run(mod, p + "der", c, 9)
        run(mod, p + "int", c)
        run(mod, p + "int", c, 2, k=[1, 2], lbnd=0.5, scl=3)
        run(mod, p + "int", c, 0)
    run(mod, p + "int", [0.0], 1, k=3)  # the zero series stays short


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("mod", list(KINDS))
def test_roots_and_conversion(mod, dt):
    p = KINDS[mod][0]
    for n in LENGTHS:
        c = _c(n, dt)
        run(mod, p + "fromroots", c)
        run(mod, p + "trim", c, 0.5)
        run(mod, p + "roots", c, rtol=1e-6, atol=1e-8)
        if n >= 2:
            run(mod, p + "companion", c)
        if p != "poly":
            run(mod, p + "2poly", c)
            run(mod, "poly2" + p, c)


@pytest.mark.parametrize("mod", list(KINDS))
def test_multidimensional(mod):
    p = KINDS[mod][0]
    c2d = coefs(6).reshape(2, 3)
    c3d = coefs(8).reshape(2, 2, 2)
    run(mod, p + "val2d", X, X[::-1], c2d)
    run(mod, p + "val2d", 0.3, 0.2, c2d)
    run(mod, p + "grid2d", X, X[:3], c2d)
    run(mod, p + "val3d", X, X, X, c3d)
    run(mod, p + "grid3d", X[:2], X[:3], X, c3d)
    run(mod, p + "vander2d", X, X, [2, 1])
    run(mod, p + "vander3d", X, X, X, [1, 2, 1])
    run(mod, p + "der", c2d, 1, axis=1)
    run(mod, p + "der", c3d, 1, axis=-1)
    run(mod, p + "int", c2d, 1, axis=1, k=3)
    run(mod, p + "val", X, c2d)
    run(mod, p + "val", X[:3], c2d, tensor=False)
    run(mod, p + "val", X, c2d, tensor=False)    # shapes do not broadcast: ValueError


@pytest.mark.parametrize("mod", list(KINDS))
def test_lines_constants(mod):
    p = KINDS[mod][0]
    for off, scl in ((1, 2), (1.5, 0), (1, 2j), (0, 0), (-2, 3.5)):
        run(mod, p + "line", off, scl)
    for z in ("zero", "one", "x", "domain"):
        assert_same(getattr(getattr(TP, mod), p + z), getattr(getattr(NP, mod), p + z))


@pytest.mark.parametrize("mod", list(KINDS))
def test_fit(mod):
    p = KINDS[mod][0]
    rng = np.random.default_rng(3)
    x = np.linspace(-1, 1, 40)
    y = np.cos(3 * x) + 0.05 * rng.standard_normal(40)
    kw = dict(rtol=1e-7, atol=1e-9)
    run(mod, p + "fit", x, y, 3, **kw)
    run(mod, p + "fit", x, np.stack([y, y ** 2], 1), [0, 2], **kw)
    run(mod, p + "fit", x, y, 4, w=np.abs(x) + 1, **kw)
    run(mod, p + "fit", x, y + 1j * y[::-1], 2, **kw)
    run(mod, p + "fit", x.astype(np.float32), y.astype(np.float32), 2, rtol=1e-4, atol=1e-4)
    got = getattr(getattr(TP, mod), p + "fit")(x, y, 3, full=True)
    exp = getattr(getattr(NP, mod), p + "fit")(x, y, 3, full=True)
    assert_same(got[0], exp[0], **kw)
    assert_same(got[1][0], exp[1][0], rtol=1e-6)           # residuals
    assert int(got[1][1]) == int(exp[1][1])                # rank
    assert_same(got[1][2], exp[1][2], rtol=1e-9)           # singular values
    assert float(got[1][3]) == pytest.approx(float(exp[1][3]))


@pytest.mark.parametrize("mod", list(KINDS))
def test_fit_rank_warning(mod):
    p = KINDS[mod][0]
    x = np.array([0.5, 0.5, 0.5, 0.5])
    with pytest.warns(tnp.exceptions.RankWarning):
        getattr(getattr(TP, mod), p + "fit")(x, x, 2)


@pytest.mark.parametrize("mod", [m for m in KINDS if m != "polynomial"])
def test_gauss_weight(mod):
    p = KINDS[mod][0]
    for deg in (1, 2, 5, 30):
        run(mod, p + "gauss", deg, rtol=1e-9, atol=1e-13)
    run(mod, p + "weight", X)
    run(mod, p + "weight", X.astype(np.float32))
    run(mod, p + "weight", 0.25)


def test_chebyshev_extras():
    for n in (1, 2, 5):
        run("chebyshev", "chebpts1", n)
    for n in (2, 3, 7):
        run("chebyshev", "chebpts2", n)
    got = TP.chebyshev.chebinterpolate(tnp.cos, 6)
    assert_same(got, NP.chebyshev.chebinterpolate(np.cos, 6), rtol=1e-12, atol=1e-15)
    got = TP.chebyshev.chebinterpolate(lambda x, a: x * a, 2, args=(3.0,))
    assert_same(got, NP.chebyshev.chebinterpolate(lambda x, a: x * a, 2, args=(3.0,)), atol=1e-15)


def test_valfromroots():
    r = coefs(3)
    run("polynomial", "polyvalfromroots", X, r)
    run("polynomial", "polyvalfromroots", 0.5, r)
    run("polynomial", "polyvalfromroots", X[:2], r.reshape(3, 1) + X[:2], tensor=False)
    run("polynomial", "polyvalfromroots", X.reshape(7, 1), r.reshape(3, 1), tensor=False)


# --- errors -----------------------------------------------------------------------------------------
ERROR_CASES = [
    ("div", ([1, 2], [0])), ("pow", ([1, 2], -1)), ("pow", ([1, 2], 1.5)),
    ("der", ([1, 2, 3], -1)), ("der", ([1, 2, 3], 1.5)), ("der", ([1, 2, 3], 1, 1, 1)),
    ("int", ([1, 2], 1, [1, 2, 3])), ("int", ([1, 2], -1)), ("int", ([1, 2], 1, [], [1])),
    ("vander", ([1, 2], -1)), ("vander", ([1, 2], 1.0)), ("companion", ([1],)),
    ("fit", ([1, 2], [1, 2], -1)), ("fit", ([[1, 2]], [1, 2], 1)), ("fit", ([1, 2], [1, 2, 3], 1)),
    ("fit", ([1., 2], [1., 2], 1.5)), ("fit", ([], [], 1)),
    ("val2d", ([1, 2], [1], [[1]])), ("vander2d", ([1, 2], [1, 2], [1])),
    ("add", ([], [1])), ("mul", ([[1, 2]], [1])), ("add", ([True], [1.0])),
    ("trim", ([1, 0], -1)),
]


@pytest.mark.parametrize("mod", list(KINDS))
@pytest.mark.parametrize("op,args", ERROR_CASES, ids=[f"{o}-{i}" for i, (o, _) in enumerate(ERROR_CASES)])
def test_errors(mod, op, args):
    p = KINDS[mod][0]
    exc = check(p + op, *args, module="polynomial." + mod)
    assert isinstance(exc, Exception)  # every case is an error in NumPy too


def test_gauss_errors():
    for mod in KINDS:
        if mod != "polynomial":
            p = KINDS[mod][0]
            assert isinstance(check(p + "gauss", 0, module="polynomial." + mod), ValueError)
            assert isinstance(check(p + "gauss", 1.5, module="polynomial." + mod), TypeError)
    for bad in (0, 1.5):
        check("chebpts1", bad, module="polynomial.chebyshev")
    check("chebpts2", 1, module="polynomial.chebyshev")
    check("chebinterpolate", np.cos, -1, module="polynomial.chebyshev")
    check("chebinterpolate", np.cos, 1.5, module="polynomial.chebyshev")


def test_object_coefficients_not_implemented():
    with pytest.raises(NotImplementedError):
        TP.polynomial.polyadd([1, None], [1])


# --- polyutils ---------------------------------------------------------------------------------------
def test_polyutils():
    run("polyutils", "trimcoef", [1, 2, 0, 1e-9], 1e-6)
    run("polyutils", "trimcoef", [0, 0, 1e-9], 1e-6)
    run("polyutils", "trimseq", np.array([1.0, 2.0, 0.0, 0.0]))
    run("polyutils", "getdomain", [1, 5, -2])
    run("polyutils", "getdomain", np.array([1, 2j, -3 + 1j]))
    run("polyutils", "getdomain", np.array([1, 2], dtype=np.float32))
    run("polyutils", "mapdomain", X, [-1, 1], [0, 2])
    run("polyutils", "mapdomain", X.astype(np.float32), [-1, 1], [0, 2])
    run("polyutils", "mapdomain", X.astype(np.float32), np.array([-1., 1]), np.array([0., 2]))
    run("polyutils", "mapdomain", 0.5, [-1, 1], [0, 2])
    run("polyutils", "mapparms", [0, 1], [1, 3])
    run("polyutils", "mapparms", np.array([0., 1]), np.array([1., 3]))
    assert_same(TP.polyutils.as_series([[1, 2], [3.0, 0.0]]), NP.polyutils.as_series([[1, 2], [3.0, 0.0]]))
    assert_same(TP.polyutils.as_series([[1, 0]], trim=False), NP.polyutils.as_series([[1, 0]], trim=False))
    assert_same(TP.polyutils.as_series([np.array([1, 2], np.float32)]),
                NP.polyutils.as_series([np.array([1, 2], np.float32)]))
    for bad in ([[]], [[[1]]], [[True]]):
        check("as_series", bad, module="polynomial.polyutils")
    for v in (1.5, 1e10, 1e-7, 0.0, np.nan, -np.inf):
        assert TP.polyutils.format_float(tnp.float64(v)) == NP.polyutils.format_float(np.float64(v))
    assert TP.polyutils.format_float(tnp.float64(1e10), parens=True) == "(1.0e+10)"
    assert TP.polyutils.format_float(3) == "3"


# --- completeness and signatures -----------------------------------------------------------------
NAMESPACES = list(KINDS) + ["polyutils"]


@pytest.mark.parametrize("mod", NAMESPACES)
def test_namespace_complete(mod):
    expected = set(getattr(NP, mod).__all__)
    got = set(n for n in dir(getattr(TP, mod)) if not n.startswith("_"))
    assert expected <= got, sorted(expected - got)
    assert got - expected <= {"polyutils"} | set(), sorted(got - expected)


def test_top_namespace_complete():
    assert set(NP.__all__) <= set(dir(TP))


@pytest.mark.parametrize("mod", NAMESPACES)
def test_signatures(mod):
    for name in getattr(NP, mod).__all__:
        n, t = getattr(getattr(NP, mod), name), getattr(getattr(TP, mod), name)
        if inspect.isfunction(n):
            assert inspect.signature(t) == inspect.signature(n), name
