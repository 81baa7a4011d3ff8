"""Generator's non-distribution methods, multivariate distributions, and default_rng."""
import numpy as np
import pytest
import torch

import torchnp as tnp
from tests._oracle import to_np
from tests.random import _gof


def gen(seed=1234, **kw):
    return tnp.random.default_rng(seed, **kw)


def _compare_error(np_fn, t_fn, *args, **kwargs):
    with pytest.raises(Exception) as np_exc:
        np_fn(*args, **kwargs)
    with pytest.raises(type(np_exc.value)) as t_exc:
        t_fn(*args, **kwargs)
    assert str(t_exc.value) == str(np_exc.value)


# --- integers -------------------------------------------------------------------------
INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"]


@pytest.mark.parametrize("dtype", INT_DTYPES)
@pytest.mark.parametrize("endpoint", [False, True])
def test_integers_dtype_bounds(dtype, endpoint):
    info = np.iinfo(dtype) if dtype != "bool" else None
    lo, hi = (0, 1) if dtype == "bool" else (int(info.min), int(info.max) + (0 if endpoint else 1))
    r = gen().integers(lo, hi, size=2000, dtype=getattr(tnp, dtype), endpoint=endpoint)
    assert r.dtype == np.dtype(dtype)
    a = to_np(r)
    assert a.min() >= lo and a.max() <= (hi if endpoint else hi - 1)
    s = gen().integers(lo, hi, dtype=getattr(tnp, dtype), endpoint=endpoint)
    assert isinstance(s, tnp.generic) and s.dtype == np.dtype(dtype)


def test_integers_small_range_uniform():
    a = to_np(gen().integers(-3, 4, size=14000))
    assert a.dtype == np.int64 and a.min() == -3 and a.max() == 3
    assert _gof.chi2_pvalue(a, lambda k: np.full(k.shape, 1 / 7)) > 1e-3
    e = to_np(gen().integers(1, 6, size=12000, endpoint=True))
    assert _gof.chi2_pvalue(e, lambda k: np.full(k.shape, 1 / 6)) > 1e-3


def test_integers_array_bounds():
    r = gen().integers([0, 10, 15], [[50], [20]], size=None)
    assert r.shape == (2, 3)
    a = to_np(gen().integers([0, 1000], [3, 1003], size=(6000, 2)))
    assert set(np.unique(a[:, 0])) == {0, 1, 2} and set(np.unique(a[:, 1])) == {1000, 1001, 1002}
    assert _gof.chi2_pvalue(a[:, 1] - 1000, lambda k: np.full(k.shape, 1 / 3)) > 1e-3
    assert to_np(gen().integers(0, [2**62, 5], size=(10, 2))).max() >= 0


def test_integers_one_argument_and_huge():
    a = to_np(gen().integers(5, size=100))
    assert a.min() >= 0 and a.max() < 5
    u = to_np(gen().integers(2**63, 2**64, size=100, dtype=tnp.uint64))
    assert (u >= 2**63).all()


@pytest.mark.parametrize("args,kw", [((5, 3), {}), ((5, 5), {}), (([5, 6], 3), {}),
                                     ((-1,), {"dtype": np.uint8}), ((-5, -1), {"dtype": np.uint8}),
                                     ((0, 300), {"dtype": np.uint8}), ((3, 2), {"endpoint": True}),
                                     ((0, [5, 0]), {}), ((0, 5), {"dtype": np.float64}),
                                     ((0, 3), {"dtype": bool}), ((0, 2**70), {})])
def test_integers_errors(args, kw):
    tkw = {k: (getattr(tnp, np.dtype(v).name) if k == "dtype" else v) for k, v in kw.items()}
    with pytest.raises(Exception) as np_exc:
        np.random.default_rng(0).integers(*args, **kw)
    with pytest.raises(type(np_exc.value)) as t_exc:
        gen().integers(*args, **tkw)
    assert str(t_exc.value) == str(np_exc.value).replace("bool_", "bool")


# --- random / standard_* with dtype and out -----------------------------------------------
@pytest.mark.parametrize("name", ["random", "standard_normal", "standard_exponential"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_float_dtype_and_out(name, dtype):
    fn = getattr(gen(), name)
    r = fn(size=(3, 2), dtype=getattr(tnp, dtype))
    assert r.dtype == np.dtype(dtype) and r.shape == (3, 2)
    assert isinstance(fn(dtype=getattr(tnp, dtype)), float)
    out = tnp.zeros((4,), dtype=getattr(tnp, dtype))
    assert fn(out=out, dtype=getattr(tnp, dtype)) is out
    assert (to_np(out) != 0).all()
    with pytest.raises(ValueError, match="size must match out.shape"):
        fn(size=3, out=out, dtype=getattr(tnp, dtype))
    with pytest.raises(TypeError, match="Supplied output array has the wrong type"):
        fn(out=tnp.zeros(3, dtype=tnp.float64 if dtype == "float32" else tnp.float32),
           dtype=getattr(tnp, dtype))
    with pytest.raises(TypeError, match=f"Unsupported dtype dtype\\('int32'\\) for {name}"):
        fn(dtype=tnp.int32)


def test_random_bounds_and_gamma_out():
    a = to_np(gen().random(10000))
    assert a.min() >= 0 and a.max() < 1
    out = tnp.zeros((5,))
    assert gen().standard_gamma(2.0, out=out) is out and (to_np(out) > 0).all()
    r = gen().standard_gamma([1.0, 2.0], size=(3, 2), dtype=tnp.float32)
    assert r.dtype == np.float32 and r.shape == (3, 2)
    with pytest.raises(ValueError, match="contiguous"):
        gen().standard_normal(out=tnp.zeros((2, 2))[:, 0])


# --- choice / permutations -------------------------------------------------------------
def test_choice_forms():
    g = gen()
    assert isinstance(g.choice(5), int)
    assert g.choice(5, 3).shape == (3,)
    assert g.choice(5, (2, 2)).dtype == np.int64
    x = tnp.asarray(np.arange(12.0).reshape(3, 4))
    assert g.choice(x, 2).shape == (2, 4)
    assert g.choice(x, 5, axis=1).shape == (3, 5)
    assert isinstance(g.choice([1.5, 2.5]), tnp.float64)
    r = to_np(g.choice(10, 10, replace=False))
    assert sorted(r) == list(range(10))
    r = to_np(g.choice(10, 3, replace=False, shuffle=False))
    assert len(set(r)) == 3
    p = [0.1, 0.2, 0.3, 0.4]
    a = to_np(g.choice(4, 20000, p=p))
    assert _gof.chi2_pvalue(a, lambda k: np.array(p)[k]) > 1e-3
    b = to_np(g.choice(4, 3, replace=False, p=[0.5, 0.5, 0.0, 1e-9]))
    assert len(set(b)) == 3 and 2 not in b[:2]
    assert g.choice(0, 0).shape == (0,)


@pytest.mark.parametrize("args,kw", [((5,), {"p": [0.1] * 5}), ((5,), {"p": [0.2] * 4}),
                                     ((0,), {}), ((3, 5), {"replace": False}),
                                     ((5,), {"p": [-0.2, 0.2, 0.4, 0.3, 0.3]}), ((-1,), {}),
                                     ((5,), {"p": [[0.2] * 5]}), (([],), {}), ((5.5,), {}),
                                     ((5,), {"p": [np.nan, 0.2, 0.2, 0.2, 0.2]}),
                                     ((3, 3), {"replace": False, "p": [0.5, 0.5, 0]})])
def test_choice_errors(args, kw):
    _compare_error(np.random.default_rng(0).choice, gen().choice, *args, **kw)
    if "p" not in kw or np.ndim(kw["p"]) == 1 and not np.isnan(kw["p"]).any():
        _compare_error(np.random.RandomState(0).choice, tnp.random.RandomState(0).choice,
                       *args, **kw)


def test_permutation_shuffle_permuted():
    g = gen()
    p = to_np(g.permutation(10))
    assert sorted(p) == list(range(10)) and p.dtype == np.int64
    x = tnp.asarray(np.arange(12).reshape(3, 4))
    y = g.permutation(x, axis=1)
    assert sorted(to_np(y)[0]) == [0, 1, 2, 3] and (to_np(x) == np.arange(12).reshape(3, 4)).all()
    g.shuffle(x)
    assert sorted(to_np(x)[:, 0].tolist()) == [0, 4, 8]
    assert (np.sort(to_np(x), axis=0) == np.arange(12).reshape(3, 4)).all()
    lst = list(range(6))
    g.shuffle(lst)
    assert sorted(lst) == list(range(6))
    z = tnp.asarray(np.arange(12).reshape(3, 4))
    w = g.permuted(z, axis=1)
    assert (np.sort(to_np(w), axis=1) == np.arange(12).reshape(3, 4)).all()
    out = tnp.zeros((3, 4), dtype=tnp.int64)
    assert g.permuted(z, out=out) is out
    assert sorted(to_np(out).ravel()) == list(range(12))
    # the first position is uniform over the population
    first = np.array([to_np(g.permutation(4))[0] for _ in range(400)])
    assert _gof.chi2_pvalue(first, lambda k: np.full(k.shape, 0.25)) > 1e-3
    with pytest.raises(tnp.exceptions.AxisError):
        g.permuted([1, 2], axis=1)
    with pytest.raises(tnp.exceptions.AxisError):
        g.permutation(5.5)
    with pytest.raises(TypeError):
        g.shuffle(5)


def test_bytes_spawn_bit_generator():
    b = gen().bytes(10)
    assert isinstance(b, bytes) and len(b) == 10 and b == gen().bytes(10)
    g = gen(3)
    assert isinstance(g.bit_generator, tnp.random.PCG64)
    kids = g.spawn(2)
    a, b2 = (to_np(k.random(20)) for k in kids)
    assert not np.array_equal(a, b2)
    again = [to_np(k.random(20)) for k in gen(3).spawn(2)]
    np.testing.assert_array_equal(again[0], a)
    more = g.spawn(1)[0]  # a third child differs from both
    assert not np.array_equal(to_np(more.random(20)), a)


# --- multivariate ------------------------------------------------------------------------
def test_dirichlet():
    alpha = [0.5, 2.0, 3.5]
    d = to_np(gen().dirichlet(alpha, size=20000))
    assert d.shape == (20000, 3) and np.allclose(d.sum(1), 1)
    for j, a in enumerate(alpha):
        assert _gof.ks_pvalue(d[:, j], lambda x, a=a: _gof.cdf("beta", x, a, sum(alpha) - a)) > 1e-3
    tiny = to_np(gen().dirichlet([1e-3, 1e-3], size=50))
    assert np.isfinite(tiny).all()
    assert gen().dirichlet([1, 2]).shape == (2,)
    _compare_error(np.random.default_rng(0).dirichlet, gen().dirichlet, [-1, 1])
    _compare_error(np.random.RandomState(0).dirichlet, tnp.random.RandomState(0).dirichlet, [0, 1])


def test_multinomial():
    p = [0.2, 0.3, 0.5]
    m = to_np(gen().multinomial(20, p, size=20000))
    assert m.shape == (20000, 3) and m.dtype == np.int64 and (m.sum(1) == 20).all()
    for j in range(3):
        assert _gof.chi2_pvalue(m[:, j], lambda k, j=j: _gof.pmf("binomial", k, 20, p[j])) > 1e-3
    assert gen().multinomial([5, 6], [0.5, 0.5]).shape == (2, 2)
    assert gen().multinomial([5, 6], [[0.5, 0.5]], size=(3, 2)).shape == (3, 2, 2)
    for args in [(-1, [0.5, 0.5]), (5, [0.6, 0.6, -0.2]), (5, []), (5, 5)]:
        _compare_error(np.random.default_rng(0).multinomial, gen().multinomial, *args)
    _compare_error(np.random.RandomState(0).multinomial, tnp.random.RandomState(0).multinomial,
                   5, [0.6, 0.6, 0.0])


def test_multivariate_hypergeometric():
    colors = [4, 7, 9]
    m = to_np(gen().multivariate_hypergeometric(colors, 8, size=20000))
    assert m.shape == (20000, 3) and (m.sum(1) == 8).all() and (m <= colors).all()
    for j, c in enumerate(colors):
        assert _gof.chi2_pvalue(m[:, j], lambda k, c=c: _gof.pmf("hypergeometric", k, c, 20 - c, 8)) > 1e-3
    assert gen().multivariate_hypergeometric(colors, 3, method="count").shape == (3,)
    for args, kw in [(([2, 3], 6), {}), (([2, 3], 2), {"method": "x"}), (([-2, 3], 2), {})]:
        _compare_error(np.random.default_rng(0).multivariate_hypergeometric,
                       gen().multivariate_hypergeometric, *args, **kw)


@pytest.mark.parametrize("method", ["svd", "eigh", "cholesky"])
def test_multivariate_normal(method):
    cov = np.array([[2.0, 0.6], [0.6, 1.0]])
    x = to_np(gen().multivariate_normal([1.0, -1.0], cov, size=20000, method=method))
    assert x.shape == (20000, 2)
    v = np.array([0.3, -1.2])
    proj = x @ v
    sd = np.sqrt(v @ cov @ v)
    assert _gof.ks_pvalue(proj, lambda t: _gof.cdf("normal", t, v @ [1.0, -1.0], sd)) > 1e-3
    assert gen().multivariate_normal([0, 0], cov).shape == (2,)
    assert tnp.random.RandomState(1).multivariate_normal([0, 0], cov, size=(2, 3)).shape == (2, 3, 2)


def test_multivariate_normal_errors():
    g, ng = gen(), np.random.default_rng(0)
    for args, kw in [(([0, 0], [[1, 0], [0, 1], [1, 1]]), {}), (([0], [[1, 0], [0, 1]]), {}),
                     (([[0, 0]], [[1, 0], [0, 1]]), {}),
                     (([0, 0], [[1, 0], [0, 1]]), {"check_valid": "x"}),
                     (([0, 0], [[1, 0], [0, 1]]), {"method": "x"}),
                     (([0, 0], [[1, 2], [2, 1]]), {"check_valid": "raise"})]:
        _compare_error(ng.multivariate_normal, g.multivariate_normal, *args, **kw)
    with pytest.warns(RuntimeWarning, match="positive-semidefinite"):
        g.multivariate_normal([0, 0], [[1, 2], [2, 1]])


# --- default_rng, devices, pickling --------------------------------------------------------
def test_default_rng_forms():
    g = gen(5)
    assert tnp.random.default_rng(g) is g
    bg = tnp.random.SFC64(5)
    assert tnp.random.default_rng(bg).bit_generator is bg
    ss = tnp.random.SeedSequence(5)
    np.testing.assert_array_equal(to_np(tnp.random.default_rng(ss).random(5)), to_np(gen(5).random(5)))
    assert not np.array_equal(to_np(gen(None).random(5)), to_np(gen(None).random(5)))
    for cls in ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"):
        a = to_np(tnp.random.Generator(getattr(tnp.random, cls)(9)).random(5))
        b = to_np(tnp.random.Generator(getattr(tnp.random, cls)(9)).random(5))
        np.testing.assert_array_equal(a, b)
    with pytest.raises(TypeError):
        tnp.random.Generator(5)
    with pytest.raises(TypeError):
        tnp.random.default_rng(1.5)
    with pytest.raises(ValueError):
        tnp.random.default_rng(-1)


def test_device_keyword_cpu():
    g = gen(1, device="cpu")
    assert g.normal(size=3).tensor.device.type == "cpu"
    assert g.integers(0, 5, size=3).tensor.device.type == "cpu"
    assert tnp.random.RandomState(1, device="cpu").rand(3).tensor.device.type == "cpu"


def test_default_device_followed():
    g = gen(1)
    with torch.device("meta"):
        # generation happens on torch's default device (meta has no generator: torch raises)
        with pytest.raises((RuntimeError, NotImplementedError)):
            g.random(3)
    assert g.random(3).tensor.device.type == "cpu"


@pytest.mark.cuda
def test_cuda_generation_and_reproducibility():
    g = gen(11, device="cuda")
    for name, args in [("random", ()), ("normal", (0.0, 1.0)), ("gamma", (0.5,)),
                       ("binomial", (10, 0.3)), ("zipf", (2.0,)), ("hypergeometric", (10, 5, 7)),
                       ("integers", (0, 10))]:
        a = getattr(g, name)(*args, size=100)
        assert a.tensor.device.type == "cuda"
        b = getattr(gen(11, device="cuda"), name)(*args, size=100)
        np.testing.assert_array_equal(to_np(a), to_np(b))  # same seed, same numbers
    x = to_np(gen(11, device="cuda").normal(size=1000))
    y = to_np(gen(11, device="cuda").normal(size=1000))
    np.testing.assert_array_equal(x, y)
    with torch.device("cuda"):
        assert tnp.random.rand(3).tensor.device.type == "cuda"
        assert gen(2).random(3).tensor.device.type == "cuda"


def test_pickle_roundtrip():
    import pickle
    g = gen(21)
    g.random(3)
    h = pickle.loads(pickle.dumps(g))
    np.testing.assert_array_equal(to_np(g.random(5)), to_np(h.random(5)))
