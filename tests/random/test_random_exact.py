"""Every distribution of Generator and RandomState equals NumPy's, bit for bit.

Each case calls the method on a NumPy and a torchnp generator seeded alike and
requires identical results (dtype, shape, scalar type, every bit) and the same
stream position afterwards (the next draw matches). Paths: ``native`` (the
CPU kernels, what eager CPU draws use) and ``tensor`` (torch arithmetic on the
state tensor, what accelerators and torch.compile use; also small draws before
the kernels are built), for every method the tensor path implements.
"""
import numpy as np
import pytest

import torchnp as tnp
from tests.random._exact import check, path

F32, U8, I8, I16, U16, I32, U32, U64 = (np.float32, np.uint8, np.int8, np.int16, np.uint16,
                                        np.int32, np.uint32, np.uint64)
A = np.array

# (method, args, kwargs)
GENERATOR = [
    ("random", (), {}), ("random", (), {"size": 0}), ("random", (), {"size": 1}),
    ("random", (), {"size": 64}), ("random", (), {"size": 65}), ("random", (), {"size": 1001}),
    ("random", (), {"size": (3, 5), "dtype": F32}), ("random", (), {"size": 1001, "dtype": F32}),
    ("random", (), {"size": ()}),
    ("standard_normal", (), {}), ("standard_normal", (), {"size": 5}),
    ("standard_normal", (), {"size": 3001}), ("standard_normal", (), {"size": (7, 9)}),
    ("standard_normal", (), {"size": 3001, "dtype": F32}),
    ("standard_normal", (), {"size": 3, "dtype": F32}),
    ("standard_exponential", (), {"size": 3001}), ("standard_exponential", (), {"size": 2}),
    ("standard_exponential", (), {"size": 3001, "dtype": F32}),
    ("standard_exponential", (), {"size": 1001, "method": "inv"}),
    ("standard_exponential", (), {"size": 1001, "method": "inv", "dtype": F32}),
    ("uniform", (), {"size": 11}), ("uniform", (-2.0, 3.0), {"size": 1001}),
    ("uniform", (A([0.0, 1.0, 5.0]), 10.0), {"size": (4, 3)}), ("uniform", (1.0, 2.0), {}),
    ("normal", (1.0, 2.0), {"size": 1001}), ("normal", (A([0.0, 1.0]), A([[1.0], [2.0]])), {}),
    ("normal", (0.5, 0.0), {"size": 3}), ("normal", (), {}),
    ("exponential", (2.0,), {"size": 1001}), ("exponential", (A([0.5, 1.0, 0.0]),), {}),
    ("lognormal", (0.5, 0.3), {"size": 1001}),
    ("standard_gamma", (0.5,), {"size": 1001}), ("standard_gamma", (3.5,), {"size": 1001}),
    ("standard_gamma", (1.0,), {"size": 11}), ("standard_gamma", (0.0,), {"size": 3}),
    ("standard_gamma", (A([0.2, 1.0, 7.0]),), {"size": (5, 3)}),
    ("standard_gamma", (0.5,), {"size": 1001, "dtype": F32}),
    ("standard_gamma", (4.5,), {"size": 1001, "dtype": F32}), ("standard_gamma", (2.0,), {}),
    ("gamma", (2.5, 3.0), {"size": 1001}), ("gamma", (A([0.3, 30.0]), 2.0), {"size": (4, 2)}),
    ("beta", (0.5, 0.7), {"size": 1001}), ("beta", (2.0, 5.0), {"size": 1001}),
    ("beta", (1e-104, 1e-105), {"size": 100}), ("beta", (1e-3, 1e-2), {"size": 1000}),
    ("chisquare", (3.0,), {"size": 1001}), ("f", (3.0, 7.0), {"size": 1001}),
    ("noncentral_chisquare", (3.0, 2.0), {"size": 1001}),
    ("noncentral_chisquare", (0.5, 2.0), {"size": 1001}),
    ("noncentral_chisquare", (3.0, 0.0), {"size": 11}),
    ("noncentral_f", (3.0, 7.0, 1.5), {"size": 1001}), ("standard_t", (4.0,), {"size": 1001}),
    ("vonmises", (0.5, 2.0), {"size": 1001}), ("vonmises", (0.5, 1e-6), {"size": 101}),
    ("vonmises", (0.5, 1e7), {"size": 101}), ("vonmises", (0.0, 1e-9), {"size": 11}),
    ("pareto", (3.0,), {"size": 1001}), ("weibull", (1.5,), {"size": 1001}),
    ("weibull", (0.0,), {"size": 5}), ("weibull", (A([0.0, 2.0, 0.0, 1.0]),), {}),
    ("power", (2.0,), {"size": 1001}), ("laplace", (1.0, 2.0), {"size": 1001}),
    ("gumbel", (1.0, 2.0), {"size": 1001}), ("logistic", (1.0, 2.0), {"size": 1001}),
    ("rayleigh", (2.0,), {"size": 1001}), ("wald", (1.5, 2.0), {"size": 1001}),
    ("triangular", (-1.0, 0.5, 2.0), {"size": 1001}),
    ("triangular", (A([0.0, 1.0]), 1.5, 2.0), {}), ("standard_cauchy", (), {"size": 1001}),
    ("poisson", (3.0,), {"size": 1001}), ("poisson", (50.0,), {"size": 1001}),
    ("poisson", (A([0.0, 2.0, 100.0]),), {"size": (7, 3)}), ("poisson", (), {}),
    ("binomial", (10, 0.3), {"size": 1001}), ("binomial", (1000, 0.3), {"size": 1001}),
    ("binomial", (1000, 0.8), {"size": 1001}), ("binomial", (0, 0.5), {"size": 5}),
    ("binomial", (A([5, 50, 5000]), A([0.1, 0.5, 0.95])), {"size": (6, 3)}),
    ("negative_binomial", (3.0, 0.4), {"size": 1001}), ("geometric", (0.5,), {"size": 1001}),
    ("geometric", (0.01,), {"size": 1001}), ("zipf", (2.5,), {"size": 1001}),
    ("zipf", (1.1,), {"size": 201}), ("zipf", (2000.0,), {"size": 3}),
    ("logseries", (0.7,), {"size": 1001}), ("logseries", (0.999,), {"size": 1001}),
    ("hypergeometric", (10, 20, 5), {"size": 1001}),
    ("hypergeometric", (100, 200, 150), {"size": 1001}),
    ("hypergeometric", (1000, 200, 1195), {"size": 101}),
    ("hypergeometric", (A([10, 300]), A([5, 100]), A([7, 350])), {"size": (4, 2)}),
    ("integers", (0, 10), {"size": 1001}), ("integers", (-5, 2**40), {"size": 1001}),
    ("integers", (0, 2**63), {"size": 101, "dtype": U64}),
    ("integers", (0, 2**64), {"size": 101, "dtype": U64}),
    ("integers", (-(2**63), 2**63), {"size": 101}),
    ("integers", (0, 7), {"size": 1001, "dtype": U8}),
    ("integers", (-100, 27), {"size": 1001, "dtype": I8}),
    ("integers", (0, 256), {"size": 101, "dtype": U8}),
    ("integers", (0, 1000), {"size": 1001, "dtype": I16}),
    ("integers", (0, 65536), {"size": 11, "dtype": U16}),
    ("integers", (0, 2), {"size": 1001, "dtype": bool}), ("integers", (0, 1), {"dtype": bool}),
    ("integers", (0, 2**31), {"size": 1001, "dtype": I32}),
    ("integers", (0, 2**32), {"size": 101, "dtype": U32}), ("integers", (0, 2**32), {"size": 9}),
    ("integers", (7, 2**32 + 7), {"size": 9, "dtype": U64}),
    ("integers", (A([0, 5, 10]), A([[30], [300]])), {"size": (2, 3), "dtype": I16}),
    ("integers", (A([0, 5, 10]), A([[30], [2**40]])), {}),
    ("integers", (A([0, 0]), A([1, 2])), {"dtype": bool}),
    ("integers", (0, A([2, 256, 1])), {"dtype": U8, "size": (4, 3)}),
    ("integers", (0, A([2, 2**32, 1, 2**33])), {"dtype": np.int64, "size": (2, 4)}),
    ("integers", (0, 10), {"endpoint": True, "size": 11}), ("integers", (5,), {}),
    ("integers", (0, 10), {"size": (0, 3)}), ("integers", (0, 10), {"size": 3, "dtype": U32}),
    ("choice", (10,), {}), ("choice", (10, 5), {}), ("choice", (10, 5), {"replace": False}),
    ("choice", (100000, 5000), {"replace": False}),
    ("choice", (100000, 50), {"replace": False, "shuffle": False}),
    ("choice", (20, 10), {"replace": False, "shuffle": False}),
    ("choice", (10, 6), {"p": [0.1] * 10}), ("choice", (10, 6), {"p": [0.1] * 10,
                                                                  "replace": False}),
    ("choice", (A([1.5, 2.5, 3.5]),), {}), ("choice", (A([1.5, 2.5, 3.5]), (2, 2)), {}),
    ("choice", (A(np.arange(12.0).reshape(3, 4)), 5), {"axis": 1}),
    ("permutation", (20,), {}), ("permutation", (A(np.arange(12).reshape(3, 4)),), {"axis": 1}),
    ("permutation", (A([3.0, 1.0, 2.0]),), {}), ("permutation", (0,), {}),
    ("permuted", (A(np.arange(24).reshape(4, 6)),), {"axis": 1}),
    ("permuted", (A(np.arange(24).reshape(4, 6)),), {}),
    ("permuted", (A(np.arange(24).reshape(4, 6)),), {"axis": 0}),
    ("multinomial", (20, [0.2, 0.3, 0.5]), {"size": 10}),
    ("multinomial", (A([10, 20]), A([[0.5, 0.5], [0.1, 0.9]])), {}),
    ("multinomial", (100, [0.0, 1.0]), {}),
    ("multivariate_hypergeometric", ([5, 10, 15], 12), {"size": 7}),
    ("multivariate_hypergeometric", ([5, 10, 15], 12), {"size": 7, "method": "count"}),
    ("multivariate_hypergeometric", ([5, 10, 15], 25), {}),
    ("dirichlet", ([0.5, 2.0, 3.0],), {"size": 10}), ("dirichlet", ([0.01, 0.05, 0.02],),
                                                      {"size": 10}),
    ("dirichlet", ([0.01, 0.0, 0.0],), {"size": 3}), ("dirichlet", ([2.0],), {}),
    ("bytes", (13,), {}), ("bytes", (0,), {}),
]

LEGACY = [
    ("random_sample", (), {"size": 1001}), ("random_sample", (), {}), ("random", (), {"size": 7}),
    ("rand", (3, 4), {}), ("rand", (), {}), ("rand", (65,), {}),
    ("randn", (1001,), {}), ("randn", (), {}), ("randn", (3,), {}),
    ("standard_normal", (), {"size": 1001}), ("standard_exponential", (), {"size": 1001}),
    ("uniform", (-2.0, 3.0), {"size": 1001}), ("uniform", (3.0, 1.0), {"size": 5}),
    ("normal", (1.0, 2.0), {"size": 1001}), ("normal", (A([1.0, 2.0]), 2.0), {"size": (3, 2)}),
    ("exponential", (2.0,), {"size": 1001}), ("lognormal", (0.5, 0.3), {"size": 1001}),
    ("standard_gamma", (0.5,), {"size": 1001}), ("standard_gamma", (3.5,), {"size": 1001}),
    ("gamma", (2.5, 3.0), {"size": 1001}), ("beta", (0.5, 0.7), {"size": 1001}),
    ("beta", (2.0, 5.0), {"size": 1001}), ("chisquare", (3.0,), {"size": 1001}),
    ("f", (3.0, 7.0), {"size": 1001}), ("noncentral_chisquare", (3.0, 2.0), {"size": 1001}),
    ("noncentral_chisquare", (0.5, 2.0), {"size": 1001}),
    ("noncentral_f", (3.0, 7.0, 1.5), {"size": 1001}), ("standard_t", (4.0,), {"size": 1001}),
    ("vonmises", (0.5, 2.0), {"size": 1001}), ("pareto", (3.0,), {"size": 1001}),
    ("weibull", (1.5,), {"size": 1001}), ("power", (2.0,), {"size": 1001}),
    ("laplace", (1.0, 2.0), {"size": 1001}), ("gumbel", (1.0, 2.0), {"size": 1001}),
    ("logistic", (1.0, 2.0), {"size": 1001}), ("rayleigh", (2.0,), {"size": 1001}),
    ("wald", (1.5, 2.0), {"size": 1001}), ("triangular", (-1.0, 0.5, 2.0), {"size": 1001}),
    ("standard_cauchy", (), {"size": 1001}), ("poisson", (3.0,), {"size": 1001}),
    ("poisson", (50.0,), {"size": 1001}), ("binomial", (10, 0.3), {"size": 1001}),
    ("binomial", (1000, 0.3), {"size": 1001}), ("binomial", (10, 0.3), {}),
    ("negative_binomial", (3.0, 0.4), {"size": 1001}), ("geometric", (0.5,), {"size": 1001}),
    ("geometric", (0.01,), {"size": 1001}), ("zipf", (2.5,), {"size": 1001}),
    ("logseries", (0.7,), {"size": 1001}), ("hypergeometric", (10, 20, 5), {"size": 1001}),
    ("hypergeometric", (100, 200, 150), {"size": 1001}),
    ("randint", (0, 10), {"size": 1001}), ("randint", (-5, 2**40), {"size": 1001}),
    ("randint", (0, 7), {"size": 1001, "dtype": U8}), ("randint", (0, 2), {"size": 101,
                                                                          "dtype": bool}),
    ("randint", (A([0, 5, 10]), A([[30], [300]])), {"size": (2, 3), "dtype": I16}),
    ("randint", (10,), {}), ("randint", (0, 2), {"dtype": bool}),
    ("randint", (-(2**63), 2**63 - 1), {"size": 5}), ("tomaxint", (), {"size": 5}),
    ("random_integers", (1, 6), {"size": 20}), ("random_integers", (6,), {}),
    ("choice", (10, 5), {}), ("choice", (10, 5), {"replace": False}), ("choice", (10,), {}),
    ("choice", (10, 6), {"p": [0.1] * 10}),
    ("choice", (10, 6), {"p": [0.1] * 10, "replace": False}),
    ("choice", (A([1.5, 2.5, 3.5]), 4), {}),
    ("permutation", (20,), {}), ("permutation", (A(np.arange(12).reshape(4, 3)),), {}),
    ("multinomial", (20, [0.2, 0.3, 0.5]), {"size": 10}),
    ("dirichlet", ([0.5, 2.0, 3.0],), {"size": 10}),
    ("bytes", (13,), {}),
]

# methods with a tensor formulation (the others run in the CPU kernels on every device)
TENSOR = {"random", "standard_normal", "standard_exponential", "uniform", "normal",
          "exponential", "lognormal", "pareto", "weibull", "power", "laplace", "gumbel",
          "logistic", "rayleigh", "triangular", "standard_cauchy", "integers", "permutation",
          "permuted", "bytes", "random_sample", "rand", "randint", "random_integers"}
TENSOR_CHOICE = lambda kw: kw.get("replace", True)  # noqa: E731
LEGACY_TENSOR_EXCLUDE = {"standard_normal", "randn", "standard_exponential", "normal",
                         "exponential", "lognormal", "pareto", "weibull", "power", "rayleigh",
                         "standard_cauchy"}  # RandomState's versions of these are host kernels


def _id(case):
    name, args, kw = case
    a = ",".join(str(x.tolist() if isinstance(x, np.ndarray) else x)[:20] for x in args)
    k = ",".join(f"{key}={getattr(v, '__name__', v)}" for key, v in kw.items())
    return f"{name}({a};{k})"


def _tensor_ok(case, legacy):
    name, _, kw = case
    if legacy and name in LEGACY_TENSOR_EXCLUDE:
        return False
    if name == "choice":
        return TENSOR_CHOICE(kw) or legacy
    return name in TENSOR


@pytest.mark.parametrize("seed", [0, 12345, 2**32 - 1])
@pytest.mark.parametrize("case", GENERATOR, ids=_id)
def test_generator_native(case, seed):
    name, args, kw = case
    with path("native"):
        check(np.random.default_rng(seed), tnp.random.default_rng(seed), name, args, kw,
              rtol=1e-12 if name == "multivariate_normal" else None)


@pytest.mark.parametrize("case", [c for c in GENERATOR if _tensor_ok(c, False)], ids=_id)
def test_generator_tensor(case):
    name, args, kw = case
    with path("tensor"):
        check(np.random.default_rng(7), tnp.random.default_rng(7), name, args, kw)


@pytest.mark.parametrize("seed", [0, 1, 2**32 - 1])
@pytest.mark.parametrize("case", LEGACY, ids=_id)
def test_legacy_native(case, seed):
    name, args, kw = case
    with path("native"):
        check(np.random.RandomState(seed), tnp.random.RandomState(seed), name, args, kw)


@pytest.mark.parametrize("case", [c for c in LEGACY if _tensor_ok(c, True)], ids=_id)
def test_legacy_tensor(case):
    name, args, kw = case
    with path("tensor"):
        check(np.random.RandomState(5), tnp.random.RandomState(5), name, args, kw)


@pytest.mark.parametrize("bitgen", ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"])
@pytest.mark.parametrize("mode", ["native", "tensor"])
def test_every_bit_generator_through_the_main_distributions(bitgen, mode):
    """The distributions that read 32-bit, 64-bit and double streams, on every engine."""
    n = np.random.Generator(getattr(np.random, bitgen)(99))
    t = tnp.random.Generator(getattr(tnp.random, bitgen)(99))
    with path(mode):
        for name, args, kw in [("random", (), {"size": 501}), ("random", (), {"size": 7,
                                                                               "dtype": F32}),
                               ("standard_normal", (), {"size": 701}),
                               ("integers", (0, 1000), {"size": 33, "dtype": U16}),
                               ("integers", (0, 3), {"size": 33, "dtype": I32}),
                               ("integers", (0, 2**50), {"size": 33}),
                               ("standard_exponential", (), {"size": 301, "dtype": F32}),
                               ("random", (), {"size": 1})]:
            check(n, t, name, args, kw)
        if mode == "native":
            for name, args, kw in [("gamma", (0.7, 1.0), {"size": 101}),
                                   ("binomial", (100, 0.4), {"size": 101}),
                                   ("poisson", (20.0,), {"size": 101})]:
                check(n, t, name, args, kw)


@pytest.mark.parametrize("mode", ["native", "tensor"])
def test_large_draws(mode):
    with path(mode):
        n, t = np.random.default_rng(2024), tnp.random.default_rng(2024)
        for name, kw in [("random", {}), ("standard_normal", {}), ("standard_exponential", {}),
                         ("integers", {"low": 0, "high": 100})]:
            check(n, t, name, (), {"size": 100_000, **kw})
        ln, lt = np.random.RandomState(3), tnp.random.RandomState(3)
        check(ln, lt, "random_sample", (), {"size": 100_000})
        check(ln, lt, "randint", (0, 6), {"size": 100_000})


def test_draws_interleave_across_paths():
    """A stream continues across the CPU kernels, the host stream and the tensor path."""
    n, t = np.random.default_rng(11), tnp.random.default_rng(11)
    for i in range(6):
        mode = "tensor" if i % 2 else "native"
        with path(mode):
            check(n, t, "standard_normal", (), {"size": 37 + 40 * i})
            check(n, t, "integers", (0, 5), {"size": 3, "dtype": U8})
            check(n, t, "random", (), {"size": 2, "dtype": F32})


def test_legacy_gauss_cache_crosses_calls():
    """RandomState's polar method keeps its second value for the next normal draw."""
    n, t = np.random.RandomState(4), tnp.random.RandomState(4)
    for name, args in [("randn", (3,)), ("gamma", (5.0, 1.0, 3)), ("standard_normal", (1,)),
                       ("randn", ()), ("standard_t", (3.0, 2)), ("normal", (1.0, 1.0, 5))]:
        check(n, t, name, args)
    st = n.get_state()
    assert st[3] == t.get_state()[3] and st[4] == t.get_state()[4]
