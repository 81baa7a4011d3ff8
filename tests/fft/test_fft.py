"""Differential tests of torchnp.fft against numpy.fft.

``CASES`` maps every registered name to oracle-checked calls (values, dtype,
shape, exception class); a completeness test checks the table covers exactly
what the plugin registers.
"""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

RNG = np.random.default_rng(7)
REAL = ["float16", "float32", "float64", "int64", "int8", "bool", "uint8"]
CPLX = ["complex64", "complex128"]
NORMS = [None, "backward", "ortho", "forward"]
TOL = {"float16": (2e-3, 2e-3), "float32": (2e-5, 2e-5), "complex64": (2e-5, 2e-5)}


def arr(shape, dtype="float64"):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return RNG.integers(0, 2, shape).astype(bool)
    if dt.kind in "iu":
        return RNG.integers(0, 5, shape).astype(dt)
    a = RNG.standard_normal(shape)
    if dt.kind == "c":
        a = a + 1j * RNG.standard_normal(shape)
    return a.astype(dt)


def case(*args, **kwargs):
    return (args, kwargs)


def _one_d(name, real_only):
    dts = REAL if real_only else REAL + CPLX
    c = [case(arr((n,), dt)) for dt in dts for n in (1, 7, 8)]
    c += [case(arr((8,), "float64"), norm=nm) for nm in NORMS]
    c += [case(arr((5,), "complex64" if not real_only else "float32"), n) for n in (3, 5, 9, 12)]
    c += [case(arr((3, 4, 5)), None, ax) for ax in (0, 1, -1, -3)]
    c += [case(arr((2, 6)), 4, 0, "ortho"), case(arr((4,)), 0), case(arr((4,)), -1),
          case(arr((4,)), None, 1), case(arr((4,)), norm="bogus"), case(arr((0,))),
          case(arr((0, 3)), 3, 0), case(np.float64(1.0))]
    if real_only:
        c.append(case(arr((4,), "complex128")))
    return c


def _n_d(name, real_only):
    dts = ["float32", "float64", "int64", "bool", "float16"] + ([] if real_only else CPLX)
    c = [case(arr((4, 5), dt)) for dt in dts]
    c += [case(arr((3, 4, 6), "float64"), norm=nm) for nm in NORMS]
    c += [case(arr((3, 4, 5)), axes=ax) for ax in [(0,), (0, 2), (2, 0), (-1, -2), (1, 1), (0, 1, 2)]]
    c += [case(arr((3, 4, 5)), s=s, axes=ax) for s, ax in
          [((2, 3), (0, 1)), ((6, 7), (1, 2)), ((4, -1), (0, 2)), ((5,), (1,))]]
    c += [case(arr((3, 4)), s=(0, 2), axes=(0, 1)), case(arr((3, 4)), s=(2,), axes=(0, 1)),
          case(arr((3, 4)), axes=(0, 5)), case(arr((3, 4)), norm="bogus"), case(arr((4,)), axes=(0,))]
    if name.endswith("2"):
        c += [case(arr((4,)))]
    if real_only:
        c.append(case(arr((4, 4), "complex64")))
    return c


def _cases():
    c = {}
    for name in ("fft", "ifft", "hfft"):
        c[name] = _one_d(name, False)
    for name in ("rfft", "ihfft"):
        c[name] = _one_d(name, True)
    c["irfft"] = _one_d("irfft", False) + [case(arr((5,), "complex128"), n) for n in (2, 8, 9, 15)]
    c["hfft"] += [case(arr((5,), "complex128"), n) for n in (2, 8, 9)]
    for name in ("fft2", "ifft2", "fftn", "ifftn", "irfft2", "irfftn"):
        c[name] = _n_d(name, False)
    for name in ("rfft2", "rfftn"):
        c[name] = _n_d(name, True)
    c["irfftn"] += [case(arr((3, 4, 5), "complex128"), s=(4, 6, 9), axes=(0, 1, 2))]
    freq = [case(n, d) for n in (1, 2, 7, 8) for d in (1.0, 0.5, 3)]
    freq += [case(8, np.float32(0.1)), case(8, 2j), case(5.0), case(np.int64(6), 2.0), case(0, 1.0)]
    # bad n / d: NumPy computes 1.0 / (n * d), so Python sequences, str and None are TypeErrors
    # and an array d must broadcast against the frequencies (ValueError)
    freq += [case(True), case(4, (1, 2)), case(4, [1.0]), case(4, "a"), case(4, None),
             case(4, np.ones(7)), case(4, np.ones(4)), case(4, np.array(2.0))]
    c["fftfreq"] = freq
    c["rfftfreq"] = list(freq)
    shift = [case(arr(s)) for s in [(0,), (5,), (6,), (3, 4), (2, 3, 5)]]
    shift += [case(arr((3, 4, 5)), ax) for ax in (0, -1, (0, 2), [1], (0, 0), ())]
    shift += [case(arr((3, 4), "int64")), case(arr((3, 4), "complex64"), 1), case(arr((3,)), 2),
              case(np.float64(2.0))]
    c["fftshift"] = shift + [case(arr((3, 4)), 2), case(arr((3, 4)), (0, 3))]
    c["ifftshift"] = list(shift)
    return c


CASES = _cases()


def _ids():
    for name, calls in CASES.items():
        for i, (args, kwargs) in enumerate(calls):
            a = args[0] if args else None
            desc = f"{np.asarray(a).dtype}{list(np.shape(a))}" if not isinstance(a, int) else str(a)
            yield pytest.param(name, args, kwargs, id=f"{name}-{i}-{desc}")


def _tol(args):
    a = args[0] if args else None
    return TOL.get(np.asarray(a).dtype.name, (1e-10, 1e-12)) if not isinstance(a, int) else (1e-12, 0)


def test_table_is_complete():
    registered = {n for n in dir(tnp.fft) if not n.startswith("_")}
    assert set(CASES) == registered == set(np.fft.__all__)


def test_signatures_match_numpy():
    import inspect
    for name in np.fft.__all__:
        assert str(inspect.signature(getattr(tnp.fft, name))) == \
            str(inspect.signature(getattr(np.fft, name))), name


@pytest.mark.parametrize("name,args,kwargs", list(_ids()))
def test_differential(name, args, kwargs):
    rtol, atol = _tol(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check(name, *args, module="fft", rtol=rtol, atol=atol, **kwargs)


@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
def test_s_without_axes_is_deprecated(name):
    a = arr((3, 4))
    with pytest.warns(DeprecationWarning):
        expected = getattr(np.fft, name)(a, s=(3, 4))
    with pytest.warns(DeprecationWarning, match="`axes` should not be `None`"):
        got = getattr(tnp.fft, name)(to_tnp(a), s=(3, 4))
    assert_same(got, expected)


def test_s_with_none_is_deprecated():
    a = arr((3, 4), "complex128")
    with pytest.warns(DeprecationWarning):
        expected = np.fft.fftn(a, s=(None, 6), axes=(0, 1))
    with pytest.warns(DeprecationWarning, match="`None` values to `s`"):
        got = tnp.fft.fftn(to_tnp(a), s=(None, 6), axes=(0, 1))
    assert_same(got, expected)


@pytest.mark.parametrize("name,shape,out_shape,out_dtype", [
    ("fft", (8,), (8,), "complex128"), ("ifft", (3, 8), (3, 8), "complex128"),
    ("rfft", (8,), (5,), "complex128"), ("irfft", (5,), (8,), "float64"),
    ("ihfft", (8,), (5,), "complex128"), ("fftn", (3, 4), (3, 4), "complex128"),
    ("rfftn", (3, 4), (3, 3), "complex128"), ("irfftn", (3, 3), (3, 4), "float64"),
    ("fft2", (3, 4), (3, 4), "complex128"), ("rfft", (8,), (5,), "complex64"),
])
def test_out(name, shape, out_shape, out_dtype):
    a = arr(shape, "complex128" if name.startswith("irfft") else "float64")
    out = tnp.zeros(out_shape, dtype=out_dtype)
    res = getattr(tnp.fft, name)(to_tnp(a), out=out)
    assert res is out
    np_out = np.zeros(out_shape, dtype=out_dtype)
    getattr(np.fft, name)(a, out=np_out)
    assert_same(out, np_out, rtol=1e-5, atol=1e-6)


def test_out_wrong_dtype_and_shape():
    a = arr((8,))
    with pytest.raises(TypeError):
        tnp.fft.fft(to_tnp(a), out=tnp.zeros(8))
    with pytest.raises(ValueError):
        tnp.fft.fft(to_tnp(a), out=tnp.zeros(4, dtype=tnp.complex128))


def test_hfft_ignores_out_like_numpy():
    a = arr((5,), "complex128")
    out = tnp.zeros(8)
    res = tnp.fft.hfft(to_tnp(a), out=out)
    assert res is not out and not out.tensor.any()


def test_precision_is_preserved():
    assert tnp.fft.fft(tnp.ones(4, dtype=tnp.float32)).dtype == tnp.complex64
    assert tnp.fft.fft(tnp.ones(4, dtype=tnp.complex64)).dtype == tnp.complex64
    assert tnp.fft.irfft(tnp.ones(4, dtype=tnp.complex64)).dtype == tnp.float32
    assert tnp.fft.fft(tnp.ones(4, dtype=tnp.int32)).dtype == tnp.complex128
    assert tnp.fft.irfft(tnp.ones(4, dtype=tnp.float16)).dtype == tnp.float16


def test_fftfreq_device():
    f = tnp.fft.fftfreq(8, 0.5, device="cpu")
    assert f.device.type == "cpu"
    assert_same(f, np.fft.fftfreq(8, 0.5, device="cpu"))
    assert_same(tnp.fft.rfftfreq(9, device="cpu"), np.fft.rfftfreq(9, device="cpu"))


@given(st.lists(st.integers(1, 6), min_size=1, max_size=3), st.sampled_from(NORMS),
       st.sampled_from(["float32", "float64", "complex128"]), st.data())
def test_fftn_hypothesis(shape, norm, dtype, data):
    a = arr(tuple(shape), dtype)
    nax = data.draw(st.integers(1, len(shape)))
    axes = data.draw(st.permutations(range(len(shape))))[:nax]
    s = data.draw(st.lists(st.integers(1, 7), min_size=nax, max_size=nax))
    rtol, atol = TOL.get(dtype, (1e-10, 1e-12))
    for name in ("fftn", "ifftn", "irfftn") + (("rfftn",) if dtype != "complex128" else ()):
        check(name, a, module="fft", s=s, axes=axes, norm=norm, rtol=rtol, atol=atol)


@pytest.mark.cuda
def test_cuda_results_stay_on_device():
    a = tnp.asarray(arr((16,))).to_device("cuda")
    assert tnp.fft.fft(a).device.type == "cuda"
    assert tnp.fft.fftfreq(8, device="cuda").device.type == "cuda"


# --- regressions found by the differential audit -------------------------------------
@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifftn",
                                  "rfftn", "irfft2"])
@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("n", [1, 5, 6])
def test_float16_scaling_is_numpys(name, norm, n):
    """NumPy rounds the normalization factor (1/n, 1/sqrt(n)) to float16 for float16 input."""
    a = (np.arange(2 * n, dtype=np.float16) * 0.75 - 2).reshape(2, n)
    check(name, a, norm=norm, module="fft")  # the oracle's complex64/float32 tolerance, not float16's


@pytest.mark.parametrize("name,dt,out_dt", [("fft", "float32", "complex128"), ("ifft", "complex64", "complex128"),
                                            ("rfft", "float32", "complex128"), ("irfft", "complex64", "float64"),
                                            ("fftn", "float32", "complex128"), ("ihfft", "float32", "complex128"),
                                            ("fft", "float64", "complex64"), ("ifftn", "complex64", "complex128"),
                                            ("irfftn", "complex64", "float64"), ("rfft2", "float32", "complex128")])
@pytest.mark.parametrize("norm", NORMS)
def test_out_sets_the_precision(name, dt, out_dt, norm):
    """A double out= with single input: NumPy's double loop when unscaled, else single first pass."""
    a = (np.arange(10) * 1.1 + 0.3).astype(dt).reshape(2, 5)
    shape = getattr(np.fft, name)(a).shape
    o = np.zeros(shape, out_dt)
    to = tnp.zeros(shape, out_dt)
    r = getattr(tnp.fft, name)(to_tnp(a), out=to, norm=norm)
    getattr(np.fft, name)(a, out=o, norm=norm)
    assert r is to
    unit = norm in (None, "backward") if name in ("fft", "rfft", "fftn", "rfft2") else norm == "forward"
    if name == "ihfft":  # an rfft with the swapped norm
        unit = norm == "forward"
    if unit and out_dt in ("complex128", "float64") and name != "irfftn":  # irfftn: out= only on its last pass
        assert_same(to, o, rtol=1e-13, atol=1e-13)  # NumPy's double loop: double-precision values
    else:  # a single-precision first pass: the two FFT libraries agree to single precision
        assert_same(to, o, rtol=2e-6, atol=2e-5)


@pytest.mark.parametrize("name,args,kw", [("fftfreq", (-1,), {}), ("rfftfreq", (-1,), {}),
                                          ("rfftn", (np.ones(3),), {"axes": ()}),
                                          ("irfftn", (np.ones(3),), {"axes": ()}),
                                          ("rfft2", (np.ones((2, 3)),), {"axes": ()}),
                                          ("fftn", (np.ones(3),), {"axes": ()})])
def test_audit_edge_cases(name, args, kw):
    check(name, *args, module="fft", **kw)
