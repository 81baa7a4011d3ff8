"""Complex multiply, square, divide and integer power round as NumPy's loops do, bit for bit.

Both paths: the C loops (``torchnp_ufuncs._native``, eagerly on the CPU) and the
torch-op kernels (no compiler, ``TORCHNP_UFUNCS_NATIVE=0``, tracing, autograd).
"""
import os
import subprocess
import sys
import warnings

import numpy
import pytest
import torch

import torchnp as tnp
from torchnp_ufuncs import _native

_SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -3.25, 1e-30, 7e30, numpy.inf, -numpy.inf, numpy.nan]
_SPECIAL128 = [*_SPECIAL, 5e-324, 1e300, -2.5e-310]


def _values(dt, n=1000, seed=0, special=True):
    """Special parts crossed with each other, then random values of mixed scale."""
    sp = (_SPECIAL128 if dt == numpy.complex128 else _SPECIAL) if special else [1.5]
    re, im = numpy.meshgrid(sp, sp)
    special = (re.ravel() + 0j).astype(dt)
    special.imag = im.ravel()
    rng = numpy.random.default_rng(seed)
    r = rng.standard_normal((2, n)) * 10.0 ** rng.integers(-6, 7, (2, n))
    rand = (r[0] + 1j * r[1]).astype(dt)
    return numpy.concatenate([special, rand])


def _same(got, want):
    """Equal values (NaN equal to NaN, signed zeros told apart), dtype and shape."""
    got = numpy.asarray(got)
    assert got.dtype == want.dtype and got.shape == want.shape, (got.dtype, got.shape,
                                                                 want.dtype, want.shape)
    for g, w in ((got.real, want.real), (got.imag, want.imag)):
        ok = (numpy.isnan(g) & numpy.isnan(w)) | ((g == w) & (numpy.signbit(g) == numpy.signbit(w)))
        bad = numpy.flatnonzero(~ok)
        assert bad.size == 0, (bad.size, got.ravel()[bad[:5]], want.ravel()[bad[:5]])


def _ops():
    return {
        "multiply": (lambda m, a, b: a * b),
        "np.multiply": (lambda m, a, b: m.multiply(a, b)),
        "divide": (lambda m, a, b: a / b),
        "np.divide": (lambda m, a, b: m.divide(a, b)),
    }


_UNARY = {
    "square": lambda m, a: m.square(a),
    "z*z": lambda m, a: a * a,
    "z**2": lambda m, a: a ** 2,
    "z**3": lambda m, a: a ** 3,
    "power4": lambda m, a: m.power(a, 4),
    "power5": lambda m, a: m.power(a, 5),
    "power99": lambda m, a: m.power(a, 99),
    "power-1": lambda m, a: m.power(a, -1),
    "power-2": lambda m, a: m.power(a, -2),
    "power-7": lambda m, a: m.power(a, -7),
    "power1": lambda m, a: m.power(a, 1),
    "power0": lambda m, a: m.power(a, 0),
}


def _quiet(f, *args):
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return f(*args)


def _check_binary(op, x, y):
    f = _ops()[op]
    want = _quiet(f, numpy, x, y)
    got = _quiet(f, tnp, tnp.asarray(x) if isinstance(x, numpy.ndarray) else x,
                 tnp.asarray(y) if isinstance(y, numpy.ndarray) else y)
    _same(got, numpy.asarray(want))


def _layouts(x, y):
    """(x, y) operand pairs: contiguous, n=1, empty, strided, transposed, broadcast (outer,
    one element, a Python-free 0-d array). (Reversed operands: ``test_layouts``; here
    ``tnp.asarray`` would copy them.)"""
    n = min(x.size, y.size)
    x, y = x[:n], y[:n]
    m = (n // 8) * 8
    yield x, y
    yield x[:1], y[:1]
    yield x[:0], y[:0]
    yield x[::3], y[1::3][: x[::3].size]
    x2, y2 = x[:m].reshape(8, -1), y[:m].reshape(8, -1)
    yield x2.T, y2.T
    yield x2.T, y2.T.copy()
    yield x[:40, None], y[None, :40]
    yield x, y[5:6]
    yield x[7:8], y
    yield x, numpy.asarray(y[9])  # a 0-d array operand


_DTYPES = [numpy.complex64, numpy.complex128]
@pytest.fixture(params=["native", "torch_ops"])
def path(request, monkeypatch):
    if request.param == "native":
        if _native.lib() is None:
            pytest.skip("no C compiler: the torch-op path is the only one")
    else:  # the C loops unavailable: every kernel takes its torch-op formulation
        monkeypatch.setattr(_native.KERNELS, "tried", True)
        monkeypatch.setattr(_native, "_FNS", {})
    return request.param


@pytest.mark.parametrize("dt", _DTYPES)
@pytest.mark.parametrize("op", list(_ops()))
def test_binary_matches_numpy(path, dt, op):
    v = _values(dt)
    w = numpy.roll(_values(dt, seed=1), 37)
    for x, y in _layouts(v, w):
        _check_binary(op, x, y)
    # every special pair (an outer product of the special values)
    s = v[: len(_SPECIAL128 if dt == numpy.complex128 else _SPECIAL) ** 2]
    _check_binary(op, s[:, None], s[None, :])


@pytest.mark.parametrize("dt", _DTYPES)
@pytest.mark.parametrize("op", ["multiply", "divide"])
def test_scalars_match_numpy(path, dt, op):
    """Both operands 0-d (NumPy's scalar arithmetic, plain C) and scalar with array."""
    f = _ops()[op]
    v = _values(dt)[::7]
    w = numpy.roll(v, 3)
    for a, b in zip(v, w):
        want = _quiet(f, numpy, a, b)
        got = _quiet(f, tnp, tnp.asarray(numpy.asarray(a))[()], tnp.asarray(numpy.asarray(b))[()])
        _same(got, numpy.asarray(want))
        assert type(got).__name__ == type(want).__name__
    _check_binary(op, v, w[3])
    _check_binary(op, v[3], w)


@pytest.mark.parametrize("dt", _DTYPES)
def test_zero_d_arrays_and_scalars_multiply(path, dt):
    """NumPy's array loop (fused on an FMA CPU) for 0-d arrays and ``np.multiply`` of
    scalars; its scalar arithmetic (plain) for the operators on two scalars or a scalar
    and a Python number."""
    v = _values(dt)[::7]
    for a, b in zip(v, numpy.roll(v, 3)):
        A, B = numpy.asarray(a), numpy.asarray(b)
        sa, sb = tnp.asarray(A)[()], tnp.asarray(B)[()]
        cases = [
            (lambda: A * B, lambda: tnp.asarray(A) * tnp.asarray(B)),
            (lambda: A * b, lambda: tnp.asarray(A) * sb),
            (lambda: a * B, lambda: sa * tnp.asarray(B)),
            (lambda: numpy.multiply(a, b), lambda: tnp.multiply(sa, sb)),
            (lambda: numpy.multiply(A, B), lambda: tnp.multiply(tnp.asarray(A), tnp.asarray(B))),
            (lambda: A * complex(b), lambda: tnp.asarray(A) * complex(b)),
            (lambda: a * b, lambda: sa * sb),
            (lambda: a * complex(b), lambda: sa * complex(b)),
            (lambda: complex(a) * b, lambda: complex(a) * sb),
            (lambda: a * a, lambda: sa * sa),
            (lambda: a ** 2, lambda: sa ** 2),
            (lambda: A ** 2, lambda: tnp.asarray(A) ** 2),
            (lambda: numpy.square(A), lambda: tnp.square(tnp.asarray(A))),
        ]  # (not numpy.square(scalar): NumPy fuses its first call in a process, then not)
        for want, got in cases:
            w, g = _quiet(want), _quiet(got)
            _same(g, numpy.asarray(w))
            assert type(g).__name__ == type(w).__name__


# (name, f(x, y) -> operands): the same indexing on NumPy arrays and torchnp arrays, so a
# torchnp operand has NumPy's layout (reversed arrays included)
_BINARY_LAYOUTS = [
    ("contiguous", lambda x, y: (x, y)),
    ("reversed * contiguous", lambda x, y: (x[::-1], y)),
    ("contiguous * reversed", lambda x, y: (x, y[::-1])),
    ("reversed * reversed", lambda x, y: (x[::-1], y[::-1])),
    ("stride 2", lambda x, y: (x[::2], y[::2])),
    ("stride -2 * stride 2", lambda x, y: (x[::-2], y[::2])),
    ("stride 3 * contiguous", lambda x, y: (x[::3], y[: x[::3].shape[0]])),
    ("one element", lambda x, y: (x, y[5:6])),
    ("reversed * one element", lambda x, y: (x[::-1], y[5:6])),
    ("0-d * array", lambda x, y: (x[7:8].reshape(()), y)),
    ("reversed * 0-d", lambda x, y: (x[::-1], y[7:8].reshape(()))),
    ("reversed * Python complex", lambda x, y: (x[::-1], 1.5 - 0.25j)),
    ("Python complex * reversed", lambda x, y: (0.75 + 2j, x[::-1])),
    ("transposed", lambda x, y: (x[:96].reshape(8, 12).T, y[:96].reshape(8, 12).T)),
    ("C * transposed", lambda x, y: (x[:96].reshape(12, 8), y[:96].reshape(8, 12).T)),
    ("2-d reversed rows", lambda x, y: (x[:96].reshape(8, 12)[::-1], y[:96].reshape(8, 12))),
    ("2-d reversed columns", lambda x, y: (x[:96].reshape(8, 12)[:, ::-1], y[:96].reshape(8, 12))),
    ("2-d reversed both", lambda x, y: (x[:96].reshape(8, 12)[::-1, ::-1], y[:96].reshape(8, 12))),
    ("2-d reversed both, both", lambda x, y: (x[:96].reshape(8, 12)[::-1, ::-1],
                                             y[:96].reshape(8, 12)[::-1, ::-1])),
    ("2-d reversed both * row", lambda x, y: (x[:96].reshape(8, 12)[::-1, ::-1], y[None, :12])),
    ("2-d reversed both * reversed row", lambda x, y: (x[:96].reshape(8, 12)[::-1, ::-1],
                                                      y[None, 11::-1])),
    ("2-d reversed both, transposed", lambda x, y: (x[:96].reshape(8, 12)[::-1, ::-1].T,
                                                   y[:96].reshape(12, 8))),
    ("F reversed * C", lambda x, y: (x[:96].reshape(12, 8).T[::-1, ::-1], y[:96].reshape(8, 12))),
    ("2-d strided reversed", lambda x, y: (x[:96].reshape(8, 12)[::-2, ::-1], y[:48].reshape(4, 12))),
    ("3-d reversed inner axes", lambda x, y: (x[:120].reshape(2, 6, 10)[:, ::-1, ::-1],
                                             y[:120].reshape(2, 6, 10))),
    ("3-d reversed", lambda x, y: (x[:120].reshape(2, 6, 10)[::-1, ::-1, ::-1],
                                  y[:120].reshape(2, 6, 10))),
    ("column * row", lambda x, y: (x[:40, None], y[None, :40])),
    ("reversed column * row", lambda x, y: (x[39::-1, None], y[None, :40])),
]

_UNARY_LAYOUTS = [
    ("contiguous", lambda x: x), ("reversed", lambda x: x[::-1]), ("stride 2", lambda x: x[::2]),
    ("stride -2", lambda x: x[::-2]), ("transposed", lambda x: x[:96].reshape(8, 12).T),
    ("2-d reversed rows", lambda x: x[:96].reshape(8, 12)[::-1]),
    ("2-d reversed columns", lambda x: x[:96].reshape(8, 12)[:, ::-1]),
    ("2-d reversed both", lambda x: x[:96].reshape(8, 12)[::-1, ::-1]),
    ("F reversed", lambda x: x[:96].reshape(12, 8).T[::-1, ::-1]),
    ("3-d reversed inner axes", lambda x: x[:120].reshape(2, 6, 10)[:, ::-1, ::-1]),
]


@pytest.mark.parametrize("dt", _DTYPES)
def test_layouts(path, dt):
    """NumPy's complex64 SIMD multiply/square loop takes no negative stride: an operand its
    iterator reads backwards in place (1-d reversed, fully reversed, linear over the whole
    iteration) rounds plainly; one it copies into a buffer (partly reversed n-d), any
    other layout, and complex128 on every layout, fused."""
    v = _values(dt)
    w = numpy.roll(_values(dt, seed=1), 37)
    tv, tw = tnp.asarray(v), tnp.asarray(w)
    for name, f in _BINARY_LAYOUTS:
        x, y = f(v, w)
        want = _quiet(lambda: x * y)
        tx, ty = f(tv, tw)
        _same(_quiet(lambda: tx * ty), want)
        _same(_quiet(lambda: tnp.multiply(tx, ty)), want)
    for name, f in _UNARY_LAYOUTS:
        x, tx = f(v), f(tv)
        want = _quiet(numpy.square, x)
        for got in (tnp.square(tx), tx * tx, tx ** 2):
            _same(_quiet(lambda: got), want)


def test_layouts_compiled():
    """Traced, a reversed array is a structure dynamo sees: its plain rounding is kept."""
    torch._dynamo.reset()
    v = _values(numpy.complex64, n=200)
    w = numpy.roll(_values(numpy.complex64, n=200, seed=3), 11)

    def f(t, u):
        a, b = tnp.asarray(t), tnp.asarray(u)
        return (a[::-1] * b).tensor, tnp.square(a[::-1]).tensor, (a[::-2] * b[::2]).tensor, \
            (a[:96].reshape(8, 12)[:, ::-1] * b[:96].reshape(8, 12)).tensor

    got = torch.compile(f, backend="aot_eager", fullgraph=True)(torch.from_numpy(v.copy()),
                                                               torch.from_numpy(w.copy()))
    want = _quiet(lambda: (v[::-1] * w, numpy.square(v[::-1]), v[::-2] * w[::2],
                           v[:96].reshape(8, 12)[:, ::-1] * w[:96].reshape(8, 12)))
    for g, x in zip(got, want):
        _same(g.numpy(), x)


@pytest.mark.parametrize("dt", _DTYPES)
@pytest.mark.parametrize("op", list(_UNARY))
def test_square_and_power_match_numpy(path, dt, op):
    f = _UNARY[op]
    v = _values(dt)
    m = (v.size // 8) * 8
    for x in (v, v[:1], v[:0], v[::3], v[:m].reshape(8, -1).T):
        want = _quiet(f, numpy, x)
        got = _quiet(f, tnp, tnp.asarray(x))
        _same(got, numpy.asarray(want))
    for a in v[::11]:  # 0-d arrays
        _same(_quiet(f, tnp, tnp.asarray(numpy.asarray(a))), numpy.asarray(_quiet(f, numpy, numpy.asarray(a))))


@pytest.mark.parametrize("dt", _DTYPES)
def test_divide_by_zero(path, dt):
    x = numpy.array([1 + 1j, -1 + 0j, 0j, complex(0, -0.0), 2.5 - 3j, numpy.nan + 0j,
                     numpy.inf - 2j, complex(-numpy.inf, numpy.nan)], dt)
    for z in (0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0)):
        y = numpy.full_like(x, z)
        _check_binary("divide", x, y)
        _check_binary("divide", x, y[:1])


def test_in_place_and_out(path):
    x = _values(numpy.complex128)
    y = numpy.roll(x, 5)
    a = tnp.asarray(x.copy())
    a *= tnp.asarray(y)
    _same(a, x * y)
    o = tnp.empty_like(tnp.asarray(x))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tnp.divide(tnp.asarray(x), tnp.asarray(y), out=o)
    _same(o, _quiet(numpy.divide, x, y))
    a = tnp.asarray(x.copy())
    _quiet(a.__ipow__, 2)
    _same(a, _quiet(numpy.square, x))


def test_conj_views(path):
    t = torch.from_numpy(_values(numpy.complex64)).conj()  # torch's lazy conj bit
    u = torch.from_numpy(numpy.roll(_values(numpy.complex64), 3))
    x, y = t.resolve_conj().numpy(), u.numpy()
    _same(_quiet(lambda: tnp.asarray(t) * tnp.asarray(u)), _quiet(lambda: x * y))
    _same(_quiet(lambda: tnp.asarray(u) / tnp.asarray(t)), _quiet(lambda: y / x))


def test_native_builds():
    """The C loops build on the test machines (a C compiler is there)."""
    from torchnp import _cbuild
    if _cbuild.compiler() is None:
        pytest.skip("no C compiler")
    assert _native.lib() is not None


def test_native_switch_off_subprocess():
    code = (
        "import numpy, torchnp as tnp\n"
        "from torchnp_ufuncs import _native\n"
        "x = (numpy.arange(1, 200) * (1.1 + 0.7j)).astype(numpy.complex64)\n"
        "y = x[::-1].copy()\n"
        "a, b = tnp.asarray(x), tnp.asarray(y)\n"
        "for got, want in ((a * b, x * y), (a / b, x / y), (a ** 2, x ** 2), (a ** 3, x ** 3)):\n"
        "    assert numpy.array_equal(numpy.asarray(got), want)\n"
        "assert _native.lib() is None\n"
        "print('ok')\n")
    env = dict(os.environ, TORCHNP_UFUNCS_NATIVE="0")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_autograd_takes_torch_ops():
    """A tensor needing grad never reaches the C loops (the result has a grad_fn)."""
    x = torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex128, requires_grad=True)
    y = torch.tensor([0.5 + 1j, -2 + 0.25j], dtype=torch.complex128)
    assert _native.binary("cmul", x, y) is None
    from torchnp_ufuncs import _math_impl as M
    r = M.complex_multiply(x, y)
    assert r.grad_fn is not None
    r = M.complex_divide(x, y)
    assert r.grad_fn is not None


@pytest.mark.parametrize("backend", ["eager", "aot_eager"])
def test_compiled_fullgraph_matches_numpy(backend):
    """Traced, the kernels are the torch-op formulation (no C call, no graph break):
    NumPy's values, bit for bit."""
    torch._dynamo.reset()

    def f(t, u):
        a, b = tnp.asarray(t), tnp.asarray(u)
        return (a * b).tensor, (a / b).tensor, (a ** 2).tensor, tnp.power(a, 3).tensor

    for dt in _DTYPES:
        x = _values(dt, n=200)
        y = numpy.roll(_values(dt, n=200, seed=3), 11)
        got = torch.compile(f, backend=backend, fullgraph=True)(torch.from_numpy(x.copy()),
                                                               torch.from_numpy(y.copy()))
        want = _quiet(lambda: (x * y, x / y, x ** 2, numpy.power(x, 3)))
        for g, w in zip(got, want):
            _same(g.numpy(), w)


# --- inf, nan and signed zeros in every part of both operands ------------------------------
_PARTS = [0.0, -0.0, 1.0, -2.5, 1e-30, 7e30, numpy.inf, -numpy.inf, numpy.nan]


def _every_special_pair(dt):
    """(x, y): every complex of ``_PARTS`` parts against every other (6561 pairs); y's
    real parts 1.0 made 3.0 (small integer exponents for ``power(x, y.real)``)."""
    p = numpy.array(_PARTS, dtype=numpy.float64)
    ar, ai, br, bi = (g.ravel() for g in numpy.meshgrid(p, p, p, p, indexing="ij"))
    x = numpy.empty(ar.size, dt)
    y = numpy.empty(ar.size, dt)
    x.real, x.imag, y.real, y.imag = ar, ai, numpy.where(br == 1.0, 3.0, br), bi
    return x, y


def _special_ops(dt):
    ops = [("multiply", lambda m, a, b: m.multiply(a, b)), ("divide", lambda m, a, b: a / b),
           ("power(x, y)", lambda m, a, b: m.power(a, b.real.astype(dt)))]
    for e in (-1, -2, -3, -4, -7, 2, 3, 5):
        ops.append((f"x**{e}", lambda m, a, b, e=e: m.power(a, e)))
    return ops


def _check_special(dt):
    x, y = _every_special_pair(dt)
    for name, f in _special_ops(dt):
        want = _quiet(f, numpy, x, y)
        got = _quiet(f, tnp, tnp.asarray(x), tnp.asarray(y))
        _same(numpy.asarray(got), numpy.asarray(want))


@pytest.mark.parametrize("dt", _DTYPES)
def test_special_parts_every_position(path, dt):
    """Divide (Smith's branch on |br| >= |bi|: a NaN part takes the second; a zero divisor
    divides by +0) and integer powers (negative ones power from 1, then 1/r) with inf,
    nan and signed-zero parts anywhere, and multiply for good measure: both paths."""
    _check_special(dt)


def test_special_parts_torch_ops_subprocess():
    """The same with ``TORCHNP_UFUNCS_NATIVE=0`` in a fresh process (no C loops at all)."""
    code = ("import sys; sys.path.insert(0, %r)\n"
            "import test_complex_exact as T, numpy\n"
            "from torchnp_ufuncs import _native\n"
            "assert _native.lib() is None\n"
            "for dt in T._DTYPES:\n"
            "    T._check_special(dt)\n"
            "print('ok')\n") % os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, TORCHNP_UFUNCS_NATIVE="0")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0 and r.stdout.strip().endswith("ok"), r.stderr[-3000:]


def test_special_parts_compiled():
    """Traced (``torch.compile(fullgraph=True)``, aot_eager): the torch-op kernels on the
    special parts, bit for bit."""
    torch._dynamo.reset()
    for dt in _DTYPES:
        x, y = _every_special_pair(dt)
        ops = _special_ops(dt)

        def g(t, u):
            a, b = tnp.asarray(t), tnp.asarray(u)
            return [f(tnp, a, b).tensor for _, f in ops]

        c = torch.compile(g, backend="aot_eager", fullgraph=True)
        got = c(torch.from_numpy(x.copy()), torch.from_numpy(y.copy()))
        for (name, f), r in zip(ops, got):
            _same(r.numpy(), numpy.asarray(_quiet(f, numpy, x, y)))


def test_scalars_compiled():
    """Traced: scalar operators plain, 0-d arrays and ``multiply`` of scalars fused."""
    torch._dynamo.reset()
    v = _values(numpy.complex64, n=40)[::5]
    w = numpy.roll(v, 3)

    def f(t, u):
        a, b = tnp.asarray(t), tnp.asarray(u)
        out = []
        for i in range(v.size):
            out += [(a[i] * b[i]).tensor, tnp.multiply(a[i], b[i]).tensor,
                    (a[i:i + 1].reshape(()) * b[i:i + 1].reshape(())).tensor]
        return out

    got = torch.compile(f, backend="aot_eager", fullgraph=True)(torch.from_numpy(v.copy()),
                                                               torch.from_numpy(w.copy()))
    want = []
    for i in range(v.size):
        want += _quiet(lambda: [v[i] * w[i], numpy.multiply(v[i], w[i]),
                                v[i:i + 1].reshape(()) * w[i:i + 1].reshape(())])
    for g, x in zip(got, want):
        _same(g.numpy(), numpy.asarray(x))
