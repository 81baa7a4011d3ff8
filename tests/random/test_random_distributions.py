"""Every distribution of Generator and RandomState: shape, dtype, scalar-ness,
broadcasting, reproducibility, NumPy's errors, and goodness of fit.

Goodness of fit: at a fixed seed (so the outcome is deterministic), a KS test
(continuous) or chi-square test (discrete) against the exact distribution must
give p > 1e-3. Exact CDFs/pmfs are in _gof.py.
"""
import inspect

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import to_np
from tests.random import _gof

# name -> (valid parameters, "f" (float64 result) or "i" (int64 result))
DISTS = {
    "beta": ((0.5, 2.0), "f"),
    "binomial": ((10, 0.3), "i"),
    "chisquare": ((3.0,), "f"),
    "exponential": ((2.0,), "f"),
    "f": ((3.0, 4.0), "f"),
    "gamma": ((2.0, 1.5), "f"),
    "geometric": ((0.3,), "i"),
    "gumbel": ((0.5, 2.0), "f"),
    "hypergeometric": ((10, 5, 7), "i"),
    "laplace": ((0.5, 2.0), "f"),
    "logistic": ((0.5, 2.0), "f"),
    "lognormal": ((0.3, 0.8), "f"),
    "logseries": ((0.7,), "i"),
    "negative_binomial": ((2.5, 0.4), "i"),
    "noncentral_chisquare": ((3.0, 1.5), "f"),
    "noncentral_f": ((3.0, 4.0, 1.5), "f"),
    "normal": ((0.5, 2.0), "f"),
    "pareto": ((3.0,), "f"),
    "poisson": ((3.0,), "i"),
    "power": ((2.5,), "f"),
    "rayleigh": ((2.0,), "f"),
    "standard_cauchy": ((), "f"),
    "standard_exponential": ((), "f"),
    "standard_gamma": ((0.7,), "f"),
    "standard_normal": ((), "f"),
    "standard_t": ((3.0,), "f"),
    "triangular": ((0.0, 1.0, 5.0), "f"),
    "uniform": ((1.0, 3.0), "f"),
    "vonmises": ((0.5, 2.0), "f"),
    "wald": ((1.0, 2.0), "f"),
    "weibull": ((1.5,), "f"),
    "zipf": ((2.5,), "i"),
}

# names whose tests live in test_generator.py / test_legacy.py (not parameter distributions)
OTHER_GENERATOR = {"bit_generator", "bytes", "choice", "dirichlet", "integers", "multinomial",
                   "multivariate_hypergeometric", "multivariate_normal", "permutation",
                   "permuted", "random", "shuffle", "spawn"}


def gen(seed=1234):
    return tnp.random.default_rng(seed)


@pytest.fixture(params=["generator", "legacy"])
def rng(request):
    return gen() if request.param == "generator" else tnp.random.RandomState(1234)


def test_table_covers_generator_methods():
    import json
    from tests._api import API_PATH
    api = json.loads(API_PATH.read_text()) if API_PATH.exists() else None
    names = {n for n in dir(np.random.Generator) if not n.startswith("_")}
    if api is not None:
        names = {e["name"] for e in api["namespaces"]["numpy.random.Generator"]}
    assert set(DISTS) | OTHER_GENERATOR == names
    assert all(hasattr(tnp.random.Generator, n) for n in names)


@pytest.mark.parametrize("name", sorted(DISTS))
def test_signature_matches_numpy(name):
    for np_cls, t_cls in ((np.random.Generator, tnp.random.Generator),
                          (np.random.RandomState, tnp.random.RandomState)):
        sig = str(inspect.signature(getattr(np_cls, name))).replace("numpy.", "torchnp.")
        assert str(inspect.signature(getattr(t_cls, name))) == sig


@pytest.mark.parametrize("name", sorted(DISTS))
def test_shape_dtype_scalar(name, rng):
    params, kind = DISTS[name]
    dt = np.int64 if kind == "i" else np.float64
    fn = getattr(rng, name)
    r = fn(*params)
    assert type(r) is (int if kind == "i" else float)
    for size, shape in ((None, None), (3, (3,)), ((2, 3), (2, 3)), ((), ()), (0, (0,)),
                        ((2, 0), (2, 0))):
        if size is None:
            continue
        a = fn(*params, size=size)
        assert isinstance(a, tnp.ndarray)
        assert a.shape == shape
        assert a.dtype == dt
        assert a.tensor.device.type == "cpu"


@pytest.mark.parametrize("name", sorted(n for n in DISTS if DISTS[n][0]))
def test_broadcast_parameters(name, rng):
    params, kind = DISTS[name]
    fn = getattr(rng, name)
    # the first parameter as a column, the rest as scalars -> shape (3, 1); with size (3, 4)
    col = np.array([params[0]] * 3).reshape(3, 1).tolist()
    a = fn(col, *params[1:])
    assert a.shape == (3, 1)
    b = fn(col, *params[1:], size=(3, 4))
    assert b.shape == (3, 4)
    c = fn(tnp.asarray(np.array([params[0]] * 2)), *params[1:], size=(5, 2))
    assert c.shape == (5, 2)
    with pytest.raises(ValueError, match="shape mismatch|not compatible"):
        fn(col, *params[1:], size=(4,))
    with pytest.raises(ValueError, match="Output size"):
        fn([params[0]] * 2, *params[1:], size=(2, 1))
    # 0-d array parameters behave like scalars (NumPy returns a Python scalar)
    s = fn(*(tnp.asarray(np.array(p)) for p in params))
    assert type(s) is (int if kind == "i" else float)


@pytest.mark.parametrize("name", sorted(DISTS))
def test_reproducible(name):
    params, _ = DISTS[name]
    a = getattr(gen(7), name)(*params, size=50)
    b = getattr(gen(7), name)(*params, size=50)
    c = getattr(gen(8), name)(*params, size=50)
    np.testing.assert_array_equal(to_np(a), to_np(b))
    assert not np.array_equal(to_np(a), to_np(c))
    la = getattr(tnp.random.RandomState(7), name)(*params, size=50)
    lb = getattr(tnp.random.RandomState(7), name)(*params, size=50)
    np.testing.assert_array_equal(to_np(la), to_np(lb))


# --- goodness of fit ------------------------------------------------------------------
N = 20000
GOF = [(n, DISTS[n][0]) for n in sorted(DISTS)] + [
    ("beta", (0.1, 0.1)), ("gamma", (0.3, 1.0)), ("gamma", (50.0, 0.1)),
    ("standard_gamma", (3.0,)), ("vonmises", (-2.0, 0.01)), ("vonmises", (1.0, 50.0)),
    ("binomial", (1000, 0.05)), ("poisson", (250.0,)), ("hypergeometric", (1000, 2000, 500)),
    ("hypergeometric", (3, 40, 10)), ("zipf", (1.5,)), ("logseries", (0.1,)),
    ("geometric", (0.9,)), ("negative_binomial", (0.5, 0.7)), ("standard_t", (0.7,)),
    ("noncentral_chisquare", (0.5, 3.0)), ("wald", (3.0, 0.5)), ("power", (0.3,)),
    ("weibull", (0.5,)), ("f", (1.0, 1.0)),
]
DIST_PARAM_NAME = {"uniform": "uniform", "random": "random"}


def _gof_pvalue(name, params, sample):
    kind = DISTS[name][1]
    if kind == "i":
        return _gof.chi2_pvalue(sample, lambda k: _gof.pmf(name, k, *params))
    return _gof.ks_pvalue(sample, lambda x: _gof.cdf(name, x, *params))


@pytest.mark.parametrize("name,params", GOF, ids=[f"{n}-{'-'.join(map(str, p))}" for n, p in GOF])
def test_goodness_of_fit(name, params):
    n = N // 4 if name == "noncentral_f" else N
    sample = to_np(getattr(gen(2024), name)(*params, size=n))
    assert _gof_pvalue(name, params, sample) > 1e-3


@pytest.mark.parametrize("name", ["normal", "gamma", "binomial", "poisson", "zipf", "vonmises"])
def test_goodness_of_fit_legacy(name):
    params = DISTS[name][0]
    sample = to_np(getattr(tnp.random.RandomState(99), name)(*params, size=N))
    assert _gof_pvalue(name, params, sample) > 1e-3


def test_goodness_of_fit_array_parameters():
    # every column has its own parameters: each must follow its own distribution
    g = gen(5)
    scales = [0.5, 1.0, 4.0]
    a = to_np(g.gamma([[0.4, 2.0, 9.0]], scales, size=(N // 2, 3)))
    for j, (k, s) in enumerate(zip([0.4, 2.0, 9.0], scales)):
        assert _gof.ks_pvalue(a[:, j], lambda x, k=k, s=s: _gof.cdf("gamma", x, k, s)) > 1e-3
    b = to_np(g.binomial([5, 50, 500], [0.9, 0.5, 0.01], size=(N // 2, 3)))
    for j, (n, p) in enumerate(zip([5, 50, 500], [0.9, 0.5, 0.01])):
        assert _gof.chi2_pvalue(b[:, j], lambda k, n=n, p=p: _gof.pmf("binomial", k, n, p)) > 1e-3
    h = to_np(g.hypergeometric([10, 300], [5, 100], [7, 350], size=(N // 2, 2)))
    for j, p in enumerate([(10, 5, 7), (300, 100, 350)]):
        assert _gof.chi2_pvalue(h[:, j], lambda k, p=p: _gof.pmf("hypergeometric", k, *p)) > 1e-3


# --- NumPy's errors ---------------------------------------------------------------------
BAD = [
    ("normal", (0, -1)), ("normal", (0, [-1, 1])), ("uniform", (1, 0)), ("uniform", (0, np.inf)),
    ("beta", (0, 1)), ("beta", (1, -1)), ("binomial", (-1, 0.5)), ("binomial", (1, 1.5)),
    ("binomial", (5, [0.5, np.nan])), ("poisson", (-1,)), ("poisson", (1e20,)),
    ("poisson", (np.nan,)), ("geometric", (0,)), ("geometric", (1.5,)), ("zipf", (1,)),
    ("zipf", (np.nan,)), ("logseries", (1,)), ("logseries", (-0.1,)),
    ("hypergeometric", (2, 2, 5)), ("hypergeometric", (-1, 2, 1)),
    ("hypergeometric", (2, 2, -1)), ("hypergeometric", (2**40, 2, 1)), ("vonmises", (0, -1)),
    ("triangular", (1, 0, 2)), ("triangular", (0, 0, 0)), ("triangular", (0, 3, 2)),
    ("wald", (0, 1)), ("wald", (1, 0)), ("pareto", (0,)), ("power", (0,)), ("weibull", (-1,)),
    ("negative_binomial", (0, 0.5)), ("negative_binomial", (1, 0)),
    ("negative_binomial", (np.nan, 0.5)), ("noncentral_chisquare", (0, 1)),
    ("noncentral_chisquare", (1, -1)), ("noncentral_f", (1, 1, -1)), ("f", (0, 1)),
    ("standard_t", (0,)), ("chisquare", (0,)), ("gamma", (-1,)), ("standard_gamma", (-1,)),
    ("laplace", (0, -1)), ("lognormal", (0, -1)), ("rayleigh", (-1,)), ("exponential", (-1,)),
    ("gumbel", (0, -1)), ("logistic", (0, -1)), ("normal", (0, 1, -1)),
    ("normal", (0, 1, 2.0)), ("normal", ([0, 1], 1, 3)), ("normal", ([0, 1], 1, (3, 1))),
]


def _compare_error(np_fn, t_fn, args, kwargs=None):
    kwargs = kwargs or {}
    with pytest.raises(Exception) as np_exc:
        np_fn(*args, **kwargs)
    with pytest.raises(type(np_exc.value)) as t_exc:
        t_fn(*args, **kwargs)
    assert str(t_exc.value) == str(np_exc.value)


@pytest.mark.parametrize("name,args", BAD, ids=[f"{n}-{a}" for n, a in BAD])
def test_errors_generator(name, args):
    _compare_error(getattr(np.random.default_rng(0), name), getattr(gen(0), name), args)


LEGACY_BAD = [b for b in BAD if b[0] != "uniform" and b != ("hypergeometric", (2**40, 2, 1))
              and b[0] != "negative_binomial"]


@pytest.mark.parametrize("name,args", LEGACY_BAD, ids=[f"{n}-{a}" for n, a in LEGACY_BAD])
def test_errors_legacy(name, args):
    _compare_error(getattr(np.random.RandomState(0), name),
                   getattr(tnp.random.RandomState(0), name), args)


@pytest.mark.parametrize("name,args", [("normal", (np.nan, 1.0)), ("normal", (0.0, np.nan)),
                                       ("gamma", (np.nan,)), ("beta", (np.nan, 1.0)),
                                       ("vonmises", (0.0, np.nan)), ("wald", (np.nan, 1.0)),
                                       ("standard_gamma", ([1.0, np.nan],))])
def test_nan_parameters_propagate(name, args):
    r = getattr(gen(), name)(*args)
    assert np.isnan(to_np(r)).any()
