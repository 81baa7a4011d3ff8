"""The Python-scalar fast paths and the shared distribution table.

Scalar parameters skip tensor conversion (see _generator_impl's docstring); these
tests pin that the fast path gives NumPy's results and errors, draws what the
general path draws, and follows reseeding, state changes and torch's default device.
"""
import math

import numpy as np
import pytest
import torch

import torchnp as tnp
from tests._oracle import to_np
from tests.random.test_random_distributions import DISTS

from torchnp_random import _generator_impl as gi


def _apis(seed):
    return [("Generator", np.random.default_rng(seed), tnp.random.default_rng(seed)),
            ("RandomState", np.random.RandomState(seed), tnp.random.RandomState(seed))]


def test_table_installed_on_both_classes():
    assert set(gi._PARAM_DISTRIBUTIONS) | set(gi._LEGACY_ONLY) <= set(DISTS)
    for cls, rows in ((tnp.random.Generator, gi._PARAM_DISTRIBUTIONS),
                      (tnp.random.RandomState, {**gi._PARAM_DISTRIBUTIONS, **gi._LEGACY_ONLY})):
        for name in rows:
            fn = cls.__dict__[name]
            assert fn.__qualname__ == f"{cls.__name__}.{name}"
            assert fn.__doc__.startswith(f"Mirrors ``{cls.__name__}.{name}``")
    # the methods whose signature both APIs share are written once
    for name in ("uniform", "triangular", "hypergeometric", "dirichlet", "multinomial", "bytes"):
        assert getattr(tnp.random.Generator, name) is getattr(tnp.random.RandomState, name)


# (method, args): Python-scalar parameters, edge values and odd sizes
FAST_CASES = [
    ("normal", (0, 1, 10)), ("normal", (0, -1, 10)), ("normal", (0, -1)), ("normal", (0, 1, -1)),
    ("normal", (0, 1, np.int64(3))), ("normal", (0, 1, 3.0)), ("normal", (0.5, 2.0, (2, 3))),
    ("normal", (True, False, 2)), ("uniform", (0, math.inf, 10)), ("uniform", (2, 1, 3)),
    ("uniform", (False, True, 2)), ("uniform", (math.nan, 1.0, 2)), ("uniform", ()),
    ("uniform", (-1e308, 1e308, 2)),
    ("integers", (5, 3, 10)), ("integers", (0, 2**63, 10)), ("integers", (0, 0, 3)),
    ("integers", (0,)), ("integers", (-1,)), ("integers", (0, 10, -1)), ("integers", (True, 5, 3)),
    ("integers", (0, 10, (2, 3))), ("integers", (3, None, 2)), ("integers", (7,)),
    ("integers", (-(2**63), 2**63 - 1, 4)),
    ("choice", (0, 3)), ("choice", (5, -1)), ("choice", (True, 2)), ("choice", (5, 3, False)),
    ("choice", (5, 0)), ("choice", (0, 0)), ("choice", (4, 3)),
    ("random", (-1,)), ("random", (0,)), ("standard_normal", (-2,)), ("standard_normal", (4,)),
    ("exponential", (0.0, 3)), ("exponential", (math.inf, 3)), ("exponential", (math.nan, 3)),
    ("exponential", (-1.0, 3)), ("binomial", (True, 0.5, 3)), ("binomial", (10.7, 0.5, 3)),
    ("binomial", (math.nan, 0.5, 3)), ("binomial", (10, 1.5)), ("poisson", (1e19, 3)),
    ("poisson", (math.nan,)), ("negative_binomial", (0, 0.5)), ("logseries", (math.nan, 2)),
    ("geometric", (math.nan, 2)), ("gamma", (math.nan, 1.0, 2)), ("zipf", (1.0, 2)),
    ("noncentral_chisquare", (3.0, math.nan, 2)), ("negative_binomial", (math.nan, 0.5, 2)),
    ("standard_cauchy", (3,)), ("standard_cauchy", ()), ("vonmises", (0.0, -1.0, 2)),
]
LEGACY_NAME = {"integers": "randint", "random": "random_sample"}


def _outcome(obj, name, args):
    try:
        r = getattr(obj, name)(*args)
    except Exception as exc:  # noqa: BLE001 - the class and text are compared
        return ("raises", type(exc).__name__, str(exc))
    if isinstance(r, (np.generic, tnp.generic)):
        return ("returns", "scalar", str(r.dtype))
    if type(r) in (int, float):
        return ("returns", type(r).__name__)
    return ("returns", "array", tuple(r.shape), str(r.dtype))


@pytest.mark.parametrize("api", ["Generator", "RandomState"])
@pytest.mark.parametrize("name,args", FAST_CASES, ids=[f"{n}-{a}" for n, a in FAST_CASES])
def test_scalar_fast_path_matches_numpy(api, name, args):
    if api == "RandomState":
        name = LEGACY_NAME.get(name, name)
    np_obj, t_obj = {a: (n, t) for a, n, t in _apis(0)}[api]
    assert _outcome(t_obj, name, args) == _outcome(np_obj, name, args)


@pytest.mark.parametrize("api", ["Generator", "RandomState"])
@pytest.mark.parametrize("name", sorted(set(gi._PARAM_DISTRIBUTIONS) | {"uniform"}))
def test_fast_path_draws_what_general_path_draws(api, name):
    # 0-d array parameters take the general path (``_draw``); Python scalars the fast one
    params = DISTS[name][0]
    make = tnp.random.default_rng if api == "Generator" else tnp.random.RandomState
    for size in (7, (2, 3)):
        fast = getattr(make(3), name)(*params, size=size)
        general = getattr(make(3), name)(*(tnp.asarray(p) for p in params), size=size)
        np.testing.assert_array_equal(to_np(fast), to_np(general))


def test_fast_path_follows_reseeding_and_state():
    rs = tnp.random.RandomState(5)
    a = to_np(rs.normal(0, 1, 6))
    rs.seed(5)
    np.testing.assert_array_equal(to_np(rs.normal(0, 1, 6)), a)
    st = rs.get_state()
    b = (to_np(rs.integers(0, 9, 5)) if hasattr(rs, "integers") else to_np(rs.randint(9, size=5)),
         to_np(rs.uniform(2.0, 3.0, 4)), to_np(rs.choice(10, 3)), to_np(rs.exponential(2.0, 3)))
    rs.set_state(st)
    again = (to_np(rs.randint(9, size=5)), to_np(rs.uniform(2.0, 3.0, 4)),
             to_np(rs.choice(10, 3)), to_np(rs.exponential(2.0, 3)))
    for x, y in zip(b, again):
        np.testing.assert_array_equal(x, y)
    g = tnp.random.default_rng(8)
    st = g.bit_generator.state
    c = to_np(g.normal(1.0, 2.0, 5))
    g.bit_generator.state = st
    np.testing.assert_array_equal(to_np(g.normal(1.0, 2.0, 5)), c)


def test_fast_path_follows_set_bit_generator():
    old = tnp.random.get_bit_generator()
    try:
        tnp.random.set_bit_generator(tnp.random.PCG64(4))
        nold = np.random.get_bit_generator()
        np.random.set_bit_generator(np.random.PCG64(4))
        try:
            for _ in range(2):  # legacy polar normals (a cached second value) on PCG64
                np.testing.assert_array_equal(to_np(tnp.random.normal(0, 1, 5)),
                                              np.random.normal(0, 1, 5))
                assert tnp.random.rand() == np.random.rand()
        finally:
            np.random.set_bit_generator(nold)
    finally:
        tnp.random.set_bit_generator(old)


@pytest.mark.parametrize("call", [
    lambda g: g.normal(0, 1, 3), lambda g: g.normal(2.0, 3.0, 3), lambda g: g.uniform(size=3),
    lambda g: g.integers(0, 5, 3), lambda g: g.choice(5, 3), lambda g: g.standard_normal(3),
    lambda g: g.exponential(2.0, 3), lambda g: g.gamma(2.0, size=3)])
def test_fast_path_follows_default_device(call):
    g = tnp.random.default_rng(1)
    assert call(g).tensor.device.type == "cpu"
    with torch.device("meta"):  # meta has no generator: drawing there must fail
        with pytest.raises((RuntimeError, NotImplementedError)):
            call(g)
    assert call(g).tensor.device.type == "cpu"


def test_edge_parameters_give_numpys_values():
    g = tnp.random.default_rng(2)
    inf_draws = to_np(g.normal(0.0, math.inf, 400))
    assert (inf_draws == math.inf).any() and (inf_draws == -math.inf).any()
    assert np.isnan(to_np(g.normal(0.0, math.nan, 3))).all()
    assert (to_np(g.normal(1.5, 0.0, 3)) == 1.5).all()
    assert (to_np(g.exponential(0.0, 3)) == 0.0).all()
    assert (to_np(g.exponential(math.inf, 50)) == math.inf).all()
    assert (to_np(g.uniform(2.0, 2.0, 3)) == 2.0).all()
    swapped = to_np(tnp.random.RandomState(0).uniform(3.0, 1.0, 1000))  # legacy allows high < low
    assert swapped.min() > 1.0 and swapped.max() <= 3.0 and swapped.max() > 2.9
    for rng in (g, tnp.random.RandomState(0)):  # NumPy: a NaN non-centrality gives NaN
        assert np.isnan(to_np(rng.noncentral_chisquare(3.0, math.nan, 3))).all()
        assert np.isnan(to_np(rng.noncentral_f(3.0, 4.0, [math.nan, math.nan]))).all()
    # legacy NumPy lets a NaN n through; its Poisson step then draws 0
    np.testing.assert_array_equal(
        to_np(tnp.random.RandomState(0).negative_binomial(math.nan, 0.5, 4)),
        np.random.RandomState(0).negative_binomial(math.nan, 0.5, 4))
    wide = to_np(g.uniform(-8e307, 8e307, 1000))  # a range just below the largest double
    assert np.isfinite(wide).all() and wide.min() < -1e307 and wide.max() > 1e307


CALLS = [lambda r: r.normal(0, 1, 3), lambda r: r.normal(2.0, 3.0, (2, 2)),
         lambda r: r.uniform(size=3), lambda r: r.uniform(1.0, 4.0, 3), lambda r: r.choice(5, 3),
         lambda r: r.gamma(2.0, size=3), lambda r: r.exponential(2.0, 4), lambda r: r.normal()]


@pytest.mark.parametrize("api", ["Generator", "RandomState"])
def test_explicit_device_path_draws_what_cpu_fast_path_draws(api):
    # "cpu:0" is not the plain CPU: it takes the per-device sampler path, same engine and seed
    make = tnp.random.default_rng if api == "Generator" else tnp.random.RandomState
    extra = [lambda r: r.integers(0, 9, 5)] if api == "Generator" else \
        [lambda r: r.randint(9, size=5), lambda r: r.rand(2, 3), lambda r: r.randn(4), lambda r: r.rand()]
    for call in CALLS + extra:
        a, b = call(make(6)), call(make(6, device="cpu:0"))
        assert type(a) is type(b)
        if isinstance(b, tnp.ndarray):
            assert b.tensor.device.type == "cpu"
        np.testing.assert_array_equal(to_np(a) if isinstance(a, tnp.ndarray) else a,
                                      to_np(b) if isinstance(b, tnp.ndarray) else b)


@pytest.mark.parametrize("api,name", [("Generator", "integers"), ("RandomState", "randint")])
def test_integer_draw_float_dtype_message(api, name):
    np_obj, t_obj = {a: (n, t) for a, n, t in _apis(0)}[api]
    with pytest.raises(TypeError) as np_exc:
        getattr(np_obj, name)(5, dtype=np.float64)
    with pytest.raises(TypeError) as t_exc:
        getattr(t_obj, name)(5, dtype=tnp.float64)
    assert str(t_exc.value) == str(np_exc.value)
