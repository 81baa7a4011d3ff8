"""Functional tools, real/imag/iterable, and behaviour the table can't express
(out=, views, in-place nan_to_num, frompyfunc's documented limits)."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

rng = np.random.default_rng(3)
M = rng.normal(size=(3, 4, 5))


# --- apply_along_axis / apply_over_axes -------------------------------------------------
@pytest.mark.parametrize("axis", [0, 1, 2, -1])
def test_apply_along_axis_scalar_result(axis):
    got = tnp.apply_along_axis(lambda v: v.sum(), axis, to_tnp(M))
    assert_same(got, np.apply_along_axis(lambda v: v.sum(), axis, M))


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_apply_along_axis_array_result(axis):
    def f(v):
        return v[:2] * 2
    assert_same(tnp.apply_along_axis(f, axis, to_tnp(M)), np.apply_along_axis(f, axis, M))
    def g(v, k):
        return tnp.outer(v[:2], v[:k]) if isinstance(v, tnp.ndarray) else np.outer(v[:2], v[:k])
    assert_same(tnp.apply_along_axis(g, axis, to_tnp(M), 3), np.apply_along_axis(g, axis, M, 3))


def test_apply_along_axis_errors_and_dtype():
    with pytest.raises(ValueError):
        tnp.apply_along_axis(lambda v: v.sum(), 0, tnp.ones((3, 0)))
    with pytest.raises(tnp.exceptions.AxisError):
        tnp.apply_along_axis(lambda v: v.sum(), 3, tnp.ones((3, 2)))
    a = np.arange(12).reshape(3, 4)
    assert_same(tnp.apply_along_axis(lambda v: v.max(), 1, to_tnp(a)),
                np.apply_along_axis(lambda v: v.max(), 1, a))


@pytest.mark.parametrize("axes", [0, [0, 2], [1], (-1,)])
def test_apply_over_axes(axes):
    assert_same(tnp.apply_over_axes(tnp.sum, to_tnp(M), axes), np.apply_over_axes(np.sum, M, axes))


def test_apply_over_axes_bad_function():
    with pytest.raises(ValueError):
        tnp.apply_over_axes(lambda a, ax: tnp.sum(a), tnp.ones((2, 3, 4)), [0])


# --- vectorize -------------------------------------------------------------------------
def test_vectorize_basic_and_dtype_from_first_output():
    def f(a, b):
        return a - b if a > b else a + b
    x, y = np.arange(6).reshape(2, 3), np.array([1, 5, 2])
    assert_same(tnp.vectorize(f)(to_tnp(x), to_tnp(y)), np.vectorize(f)(x, y))
    assert_same(tnp.vectorize(f)(2, 5), np.vectorize(f)(2, 5))
    def h(v):
        return v / 2
    assert_same(tnp.vectorize(h)(to_tnp(x)), np.vectorize(h)(x))


def test_vectorize_otypes_excluded_kwargs_cache():
    def f(x, p, scale=1):
        return (x ** p) * scale
    x = np.arange(5.0)
    assert_same(tnp.vectorize(f, otypes=[np.float32])(to_tnp(x), 2),
                np.vectorize(f, otypes=[np.float32])(x, 2))
    assert_same(tnp.vectorize(f, otypes="d", excluded={1})(to_tnp(x), 3, scale=2),
                np.vectorize(f, otypes="d", excluded={1})(x, 3, scale=2))
    calls = []

    def g(v):
        calls.append(v)
        return v + 1
    tnp.vectorize(g, cache=True)(tnp.arange(3))
    assert len(calls) == 3
    assert tnp.vectorize(g).__doc__ == g.__doc__
    with pytest.raises(ValueError):
        tnp.vectorize(g)(tnp.zeros(0))
    assert_same(tnp.vectorize(g, otypes=[float])(tnp.zeros(0)),
                np.vectorize(g, otypes=[float])(np.zeros(0)))


def test_vectorize_multiple_outputs_and_decorator():
    def f(v):
        return v, v * 2.5
    got = tnp.vectorize(f)(tnp.arange(3))
    exp = np.vectorize(f)(np.arange(3))
    assert_same(got, exp)

    @tnp.vectorize
    def inc(v):
        return v + 1
    assert_same(inc(tnp.arange(3)), np.arange(1, 4))

    @tnp.vectorize(otypes=[float])
    def half(v):
        return v / 2
    assert_same(half(tnp.arange(3)), np.arange(3) / 2)


def test_vectorize_signature():
    def mean_std(v):
        return v.mean(), v.std()
    a = rng.normal(size=(3, 6))
    got = tnp.vectorize(mean_std, signature="(n)->(),()")(to_tnp(a))
    exp = np.vectorize(mean_std, signature="(n)->(),()")(a)
    assert_same(got, exp)

    def conv(x, k):
        return tnp.convolve(x, k) if isinstance(x, tnp.ndarray) else np.convolve(x, k)
    k = np.array([1.0, 0.5])
    assert_same(tnp.vectorize(conv, signature="(n),(m)->(k)")(to_tnp(a), to_tnp(k)),
                np.vectorize(conv, signature="(n),(m)->(k)")(a, k))
    with pytest.raises(ValueError):
        tnp.vectorize(conv, signature="(n),(m)->(k")
    with pytest.raises(ValueError):
        tnp.vectorize(lambda x, y: x, signature="(n),(n)->()")(tnp.ones(3), tnp.ones(4))


# --- frompyfunc --------------------------------------------------------------------------
def test_frompyfunc_scalars_and_documented_limits():
    f = tnp.frompyfunc(lambda a, b: a * 10 + b, 2, 1)
    g = np.frompyfunc(lambda a, b: a * 10 + b, 2, 1)
    assert f(3, 4) == g(3, 4) == 34
    assert (f.nin, f.nout, f.nargs) == (g.nin, g.nout, g.nargs)
    assert f.__name__ == g.__name__
    with pytest.raises(NotImplementedError):
        f(tnp.arange(3), 1)
    with pytest.raises(NotImplementedError):
        f.reduce(tnp.arange(3))
    with pytest.raises(TypeError):
        tnp.frompyfunc(3, 1, 1)


# --- piecewise -----------------------------------------------------------------------------
def _pw_cases():
    x = np.linspace(-2.5, 2.5, 6)
    yield x, [x < 0, x >= 0], [lambda v: -v, lambda v: v ** 2]
    yield x, [x < -1, x > 1], [-1.0, 1.0, lambda v: v * 10]
    yield x, [x < 0], [0.0, 1.0]
    yield x, x > 0, [lambda v: v + 100]
    yield np.array(2.0), [True], [lambda v: v * 3]
    yield np.arange(6), [np.arange(6) % 2 == 0], [lambda v: v // 2, -1]
    yield x, [x < 0, x > 0], [1.0]


@pytest.mark.parametrize("x,conds,funcs", list(_pw_cases()))
def test_piecewise(x, conds, funcs):
    check("piecewise", x, conds, funcs)


# --- real / imag / iterable -------------------------------------------------------------
@pytest.mark.parametrize("val", [np.array([1 + 2j, 3 - 4j]), np.arange(3.0), 2 + 3j, 4.0,
                                 [1, 2], np.complex64(1 + 1j), np.array(1.5 - 2j)])
def test_real_imag(val):
    check("real", val)
    check("imag", val)


def test_real_imag_are_views():
    c = tnp.asarray([1 + 2j, 3 - 4j])
    r = tnp.real(c)
    r[0] = 10
    assert complex(c[0]) == 10 + 2j
    i = tnp.imag(c)
    i[1] = 7
    assert complex(c[1]) == 3 + 7j


@pytest.mark.parametrize("obj", [[1, 2], (), 3, 3.5, "ab", np.arange(3), np.float64(1),
                                 np.array(2), {1: 2}])
def test_iterable(obj):
    assert tnp.iterable(to_tnp(obj)) == np.iterable(obj)


# --- out=, in place, signatures ---------------------------------------------------------
def test_out_arguments():
    a = rng.normal(size=(3, 4))
    out = tnp.zeros((3, 4))
    assert tnp.clip(to_tnp(a), -0.5, 0.5, out=out) is out
    assert_same(out, np.clip(a, -0.5, 0.5))
    out = tnp.zeros((3, 4))
    assert tnp.round(to_tnp(a), 2, out=out) is out
    assert_same(out, np.round(a, 2))
    out = tnp.zeros((3, 4))
    assert tnp.fix(to_tnp(a), out=out) is out
    assert_same(out, np.fix(a))
    out = tnp.zeros((3, 3))
    assert tnp.dot(to_tnp(a), to_tnp(a.T), out=out) is out
    assert_same(out, a @ a.T)
    out = tnp.zeros((4, 3))
    assert tnp.outer(tnp.arange(4.0), tnp.arange(3.0), out=out) is out
    out = tnp.zeros(())
    assert tnp.trace(to_tnp(a), out=out) is out
    with pytest.raises(TypeError):
        tnp.clip(to_tnp(a), 0, 1, out=tnp.zeros((3, 4), dtype=int))


def test_nan_to_num_in_place():
    x = tnp.asarray([np.nan, np.inf, 1.0])
    r = tnp.nan_to_num(x, copy=False)
    assert_same(x, np.array([0.0, np.finfo(float).max, 1.0]))
    assert tnp.shares_memory(r, x)
    y = tnp.asarray([np.nan, 2.0])
    tnp.nan_to_num(y)
    assert np.isnan(float(y[0]))


def test_ndarray_methods_route_here():
    a = rng.normal(size=(3, 3))
    t = to_tnp(a)
    assert_same(t.clip(-0.1, 0.1), a.clip(-0.1, 0.1))
    assert_same(t.round(1), a.round(1))
    assert_same(t.trace(), a.trace())
    assert_same(t.dot(t), a.dot(a))


SIG_NAMES = ["diff", "ediff1d", "gradient", "cross", "trapezoid", "interp", "convolve",
             "correlate", "around", "round", "fix", "i0", "sinc", "nan_to_num", "angle",
             "real_if_close", "unwrap", "clip", "dot", "vdot", "inner", "outer", "kron",
             "tensordot", "trace", "packbits", "unpackbits", "bartlett", "blackman", "hamming",
             "hanning", "kaiser", "einsum", "einsum_path", "apply_along_axis",
             "apply_over_axes", "frompyfunc", "piecewise", "real", "imag", "iterable", "poly",
             "roots", "polyadd", "polysub", "polymul", "polydiv", "polyder", "polyint",
             "polyval", "polyfit"]


@pytest.mark.parametrize("name", SIG_NAMES)
def test_signatures_match_numpy(name):
    import inspect
    ours = inspect.signature(getattr(tnp, name))
    theirs = inspect.signature(getattr(np, name))
    assert [(p.name, p.kind) for p in ours.parameters.values()] == \
        [(p.name, p.kind) for p in theirs.parameters.values()]
    assert [repr(p.default) for p in ours.parameters.values()] == \
        [repr(p.default) for p in theirs.parameters.values()]


@pytest.mark.parametrize("name", ["sqrt", "log", "log2", "log10", "logn", "power", "arccos",
                                  "arcsin", "arctanh"])
def test_emath_signatures(name):
    import inspect
    assert list(inspect.signature(getattr(tnp.emath, name)).parameters) == \
        list(inspect.signature(getattr(np.emath, name)).parameters)


# --- hypothesis: convolve / correlate sizes -------------------------------------------
@given(n=st.integers(1, 12), m=st.integers(1, 12),
       mode=st.sampled_from(["full", "same", "valid"]),
       kind=st.sampled_from(["int64", "float64", "complex128"]), seed=st.integers(0, 2 ** 16))
def test_convolve_correlate_sizes(n, m, mode, kind, seed):
    r = np.random.default_rng(seed)
    a = r.integers(-5, 6, n).astype(kind)
    v = r.integers(-5, 6, m).astype(kind)
    if kind == "complex128":
        a = a + 1j * r.integers(-5, 6, n)
        v = v - 2j * r.integers(-5, 6, m)
    check("convolve", a, v, mode=mode)
    check("correlate", a, v, mode=mode)


def test_vectorize_calls_with_python_scalars():
    # NumPy maps over object arrays: after one probing call with NumPy scalars, the
    # function sees Python scalars (so integer division by zero raises)
    seen = []

    def f(a, b):
        seen.append(type(a))
        return a // b
    with pytest.raises(ZeroDivisionError):
        np.vectorize(f)(np.arange(3), np.array([1, 1, 0]))
    with pytest.raises(ZeroDivisionError):
        tnp.vectorize(f)(tnp.arange(3), tnp.asarray([1, 1, 0]))
    seen.clear()
    tnp.vectorize(lambda a: seen.append(type(a)) or a)(tnp.arange(3))
    assert seen == [tnp.int64, int, int, int]
    seen.clear()
    tnp.vectorize(lambda a: seen.append(type(a)) or a, otypes=[float])(tnp.arange(2))
    assert seen == [int, int]
    seen.clear()
    tnp.vectorize(lambda a: seen.append(type(a)) or a, cache=True)(tnp.arange(2))
    assert seen == [tnp.int64, int]
