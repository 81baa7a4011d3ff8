"""Argument handling against NumPy: sizes, integer bounds, choice/shuffle/permutation inputs,
out= arrays, C-integer arguments, set_bit_generator. Each case runs on both libraries from the
same seed; results (values, dtype, and the next draw) or exception classes must agree."""
import numpy
import pytest

import torchnp

SIZES = ["True", "False", "{}", "set()", "np.asarray(False)", "np.asarray(True)", "np.asarray(3)",
         "np.asarray([2, 3])", "np.asarray(3.0)", "2.0", "np.int64(3)", "np.uint8(2)", "[2.0]",
         "(2, True)", "[True]", "np.bool_(True)", "'3'", "b'3'", "[]", "()", "range(3)",
         "np.asarray([[2]])", "[[2]]", "[-1]", "-1", "2**63", "[2**63]", "(2**62, 4)",
         "(0, 2**62)", "np.asarray([2, 3], dtype=np.uint16)[::-1]", "complex(1, 1)", "None"]
CALLS = ["g.random(size=S)", "g.standard_normal(size=S)", "g.pareto(2.0, size=S)",
         "g.pareto(np.asarray([[7], [2], [5]], dtype=np.uint8), size=S)", "g.integers(5, size=S)",
         "g.integers([1, 2], 5, size=S)", "g.standard_cauchy(size=S)", "g.choice(5, size=S)",
         "g.uniform(size=S)", "g.standard_gamma(1.0, size=S)", "g.bit_generator.random_raw(size=S)",
         "g.multinomial(3, [0.5, 0.5], size=S)", "g.dirichlet([1, 1], size=S)",
         "g.multivariate_normal([0], [[1]], size=S)",
         "g.multivariate_hypergeometric([2, 3], 2, size=S)",
         "r.random_sample(size=S)", "r.rand(S)", "r.randn(S)", "r.randint(5, size=S)",
         "r.choice(5, size=S)", "r.tomaxint(size=S)", "r.standard_exponential(size=S)"]


def _run(np, src):
    g = np.random.default_rng(0)
    r = np.random.RandomState(0)
    try:
        with numpy.errstate(all="ignore"):
            v = eval(src)  # noqa: S307 - the test's own expressions
    except Exception as exc:  # noqa: BLE001
        return exc
    nxt = (g.integers(0, 10**9), r.randint(10**9))
    if isinstance(v, (bytes, list)):
        return ("ok", v if isinstance(v, bytes) else len(v), nxt)
    a = numpy.asarray(v)
    return ("ok", a.shape, str(a.dtype), a.tolist(), nxt)


def check(src):
    e, t = _run(numpy, src), _run(torchnp, src)
    if isinstance(e, Exception):
        assert isinstance(t, Exception), f"{src}: NumPy raised {e!r}, torchnp returned {t}"
        # NumPy's own classes (UFuncTypeError, AxisError) are matched by their builtin base
        base = next(c for c in type(e).__mro__ if c.__module__ == "builtins")
        assert isinstance(t, base), f"{src}: NumPy {e!r}, torchnp {t!r}"
        return
    assert not isinstance(t, Exception), f"{src}: NumPy returned, torchnp raised {t!r}"
    assert e == t, src


@pytest.mark.parametrize("call", CALLS)
def test_sizes_as_numpy(call):
    for s in SIZES:
        if s == "None" and call.startswith("r.rand"):
            continue  # rand(None): NumPy's own TypeError message differs by version
        check(call.replace("S", s))


INT_BOUNDS = [("0", "0"), ("-1", "5"), ("0", "256"), ("0", "257"), ("5", "5"), ("0", "2**64"),
              ("0", "2**64-1"), ("-2**63", "2**63"), ("-2**63-1", "0"), ("[0, 1]", "[5, 6]"),
              ("[0, 0]", "[0, 1]"), ("[1, 0]", "[0, 1]"), ("0", "[2**63]"), ("[2**63]", "[2**63]"),
              ("[-2**63, 0]", "[2**63-1, 2**63-1]"), ("[0, 0]", "[256, 1]"), ("[0.5, 1.5]", "[3.7, 9.1]"),
              ("np.array(3.5)", "np.array(9.9)"), ("[True, False]", "[True, True]"), ("[1]", "[5]"),
              ("[[1]]", "[5, 6]")]


@pytest.mark.parametrize("dtype", ["np.int8", "np.uint8", "np.int32", "np.uint32", "np.int64",
                                   "np.uint64", "bool"])
@pytest.mark.parametrize("low, high", INT_BOUNDS)
def test_integer_bounds_as_numpy(low, high, dtype):
    for size in ["None", "3", "(2, 2)", "0", "(2, 1)", "()"]:
        for ep in (False, True):
            check(f"g.integers({low}, {high}, size={size}, dtype={dtype}, endpoint={ep})")
        check(f"r.randint({low}, {high}, size={size}, dtype={dtype})")


def test_empty_size_returns_before_the_bounds():
    check("g.integers(0.0, size=0)")
    check("r.randint(-1, size=0)")
    check("r.random_integers(0, size=0)")
    check("g.integers(5, 1, size=(3, 0), dtype=np.uint8)")


@pytest.mark.parametrize("src", [
    "g.choice(np.asarray([2, 2], dtype=np.uint32), size=3)",
    "g.choice(np.asarray([2, 3], dtype=np.uint64), size=0, replace=True)",
    "g.choice(np.asarray([[1, 2], [3, 4]], dtype=np.uint16), 2, axis=1)",
    "g.choice(np.arange(9).reshape(3, 3), size=(), p=0.5)",
    "r.choice(np.asarray([100, 0, 3, 1], dtype=np.uint8), replace=False, p=0.25)",
    "g.choice(3, p=[0.5, 0.5j, 0.5])", "g.choice(10**20, 3)", "g.choice(10**20, 3, replace=False)",
    "g.choice(2**63, 3, replace=False)", "g.choice(2**63 - 1, 3)", "r.choice(10**20, 3)",
    "g.choice(-1, size='ab')", "g.choice(5, size={})", "g.choice(0, size=0)",
    "g.permutation(np.asarray([5, 7, 0, 5], dtype=np.uint16)[..., ::-1])",
    "g.permutation(np.asarray([5], dtype=np.uint64))", "g.permutation(np.uint8(4))",
    "g.permutation(-3)", "r.permutation(True)", "g.permutation(np.ones((2, 3)), axis=())",
    "g.permuted(np.asarray([5, 7, 0, 5], dtype=np.uint16)[..., ::-1])",
    "g.permuted(np.asarray([[5, 7], [0, 5]], dtype=np.uint32), axis=1)",
    "g.permuted(complex(1, 1))", "g.permuted(np.ones(3), out=np.zeros(3, dtype=np.int64))",
    "g.permuted(np.ones(3), out=np.broadcast_to(np.zeros(1), (3,)))",
    "g.shuffle(np.broadcast_to(np.asarray([1.0]), (1,)), axis=())",
    "g.shuffle(np.ones(2), axis=())", "g.shuffle(np.asarray(3.0))", "r.shuffle((1.5,))",
    "r.shuffle((1.5, 2.5))", "g.shuffle((1.5,))", "r.shuffle(np.asarray([], dtype=np.uint64))",
])
def test_sequences_as_numpy(src):
    check(src)


def test_shuffle_unsigned_in_place():
    for dt in ("uint16", "uint32", "uint64"):
        a = numpy.arange(7, dtype=dt)
        b = torchnp.arange(7, dtype=dt)
        numpy.random.default_rng(3).shuffle(a)
        torchnp.random.default_rng(3).shuffle(b)
        assert b.tolist() == a.tolist()


@pytest.mark.parametrize("src", [
    "g.random(out='float64')", "g.standard_normal(dtype=np.double, out='float64')",
    "g.random(out=np.zeros(3)[::2])", "g.random(out=np.zeros(3, dtype=np.float32))",
    "g.random(out=np.zeros(3), size=True)", "g.random(out=np.zeros(1), size=True)",
    "g.random(out=np.zeros(3), size=(3,))", "g.random(out=np.broadcast_to(np.zeros(1), (3,)))",
    "g.random(out=np.zeros((2, 3)).T)", "g.standard_normal(out=np.zeros((3, 2), dtype=np.float32).T,"
    " dtype=np.float32)", "g.standard_gamma(2.0, out=np.zeros((2, 3)).T)",
    "g.standard_exponential(method='inverted_cdf', size=3)", "g.standard_exponential(dtype=None)",
    "g.standard_exponential(3, dtype=np.int64)",
])
def test_out_and_dtype_as_numpy(src):
    check(src)


@pytest.mark.parametrize("src", [
    "g.bytes(np.asarray(0.125, dtype=np.float16))", "g.bytes(2.5)", "g.bytes(True)", "g.bytes(-1)",
    "g.bytes('3')", "g.bytes(complex(1, 1))", "g.bytes(2**63)", "g.bytes([2])",
    "g.spawn(np.asarray(0.125, dtype=np.float16))", "g.spawn(1.5)", "g.spawn(2**31)",
    "g.spawn(-1)", "g.spawn('2')", "g.spawn(np.asarray([5, 7], dtype=np.uint16))",
])
def test_c_integer_arguments_as_numpy(src):
    check(src)


def test_beta_converts_every_parameter_before_checking():
    check("g.beta(np.asarray([100, -1], dtype=np.int8), np.asarray([0.5, 1j]), size=complex(1, 1))")
    check("r.beta(np.asarray([100, -1], dtype=np.int8), np.asarray([0.5, 1j]))")


def test_set_bit_generator_rejects_non_bit_generators():
    saved = torchnp.random.get_bit_generator()
    try:
        for bad in (numpy.zeros(2), torchnp.zeros(2), 3):
            with pytest.raises(AttributeError, match="capsule"):
                torchnp.random.set_bit_generator(bad)
            assert torchnp.random.get_bit_generator() is saved
    finally:
        torchnp.random.set_bit_generator(saved)
