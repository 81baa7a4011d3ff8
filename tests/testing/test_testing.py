"""torchnp.testing against numpy.testing: same pass/fail and the same messages."""
import re
import warnings

import numpy as np
import numpy.testing as npt
import pytest
import torch

import torchnp as tnp
import torchnp.testing as tt

ASSERTS = ["assert_equal", "assert_array_equal", "assert_allclose", "assert_almost_equal",
           "assert_array_almost_equal", "assert_array_less"]


def _outcome(fn, *args, **kw):
    try:
        fn(*args, **kw)
    except AssertionError as exc:
        return str(exc)
    return None


def _forms(x):
    """The same data as a NumPy array, a torchnp array and a tensor."""
    a = np.asarray(x)
    return [a, tnp.asarray(torch.from_numpy(a.copy())), torch.from_numpy(a.copy())]


CASES = [
    ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
    ([1.0, 2.0, 4.0], [1.0, 2.0, 3.0]),
    ([[1, 2], [3, 4]], [[1, 2], [3, 5]]),
    ([1, 2], [1, 2, 3]),
    ([np.nan, 2.0], [np.nan, 2.0]),
    ([np.nan, 2.0], [1.0, 2.0]),
    ([np.inf, 2.0], [-np.inf, 2.0]),
    ([1.0, 2.0000001], [1.0, 2.0]),
    ([1.0, 2.00001], [1.0, 2.0]),
    (np.arange(10.0), np.arange(10.0) + 0.5),
    (np.array([1, 2], np.float32), np.array([1.5, 2], np.float32)),
    (np.array([1 + 1j, 2]), np.array([1 + 2j, 2])),
    (np.array([3, 200], np.uint8), np.array([5, 2], np.uint8)),
    (np.array(1.0), np.array(2.0)),
    ([1.0, 2.0], 1.0),
    (np.zeros((0,)), np.zeros((0,))),
    ([True, False], [True, True]),
    ([0.0, 1.0], [0.0, 1.5]),
]


@pytest.mark.parametrize("name", ASSERTS)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_same_outcome_and_message(name, case):
    x, y = CASES[case]
    expected = _outcome(getattr(npt, name), np.asarray(x), np.asarray(y))
    for fx in _forms(x):
        got = _outcome(getattr(tt, name), fx, np.asarray(y))
        assert (got is None) == (expected is None), (got, expected)
        if expected is not None:
            assert got == expected


@pytest.mark.parametrize("kw", [dict(rtol=0.1), dict(atol=0.6), dict(equal_nan=False),
                                dict(err_msg="context")])
def test_allclose_options(kw):
    for x, y in [([1.0, np.nan], [1.05, np.nan]), ([1.0, 2.0], [1.5, 2.0])]:
        assert _outcome(tt.assert_allclose, x, y, **kw) == _outcome(npt.assert_allclose, x, y, **kw)


def test_strict():
    for name in ["assert_array_equal", "assert_allclose", "assert_array_less"]:
        for x, y in [(np.array([1.0]), np.array([1.0], np.float32)), (np.array([1.0]), 1.0),
                     (np.array([1.0]), np.array([2.0]))]:
            assert _outcome(getattr(tt, name), x, y, strict=True) == \
                _outcome(getattr(npt, name), x, y, strict=True)


@pytest.mark.parametrize("x,y", [(1, 1), (1, 2), (1.0, np.nan), (np.nan, np.nan), (0.0, -0.0),
                                 ({"a": 1}, {"a": 1}), ({"a": 1}, {"a": 2}), ([1, [2, 3]], [1, [2, 3]]),
                                 ((1, 2), (1, 3)), ("ab", "ab"), (1 + 2j, 1 + 2j), (1 + 2j, 1 + 3j)])
def test_assert_equal_scalars_and_containers(x, y):
    assert _outcome(tt.assert_equal, x, y) == _outcome(npt.assert_equal, x, y)


@pytest.mark.parametrize("x,y,dec", [(1.0, 1.0000001, 7), (1.0, 1.00001, 7), (np.nan, np.nan, 7),
                                     (1.0, 1.01, 1), (np.inf, np.inf, 7)])
def test_assert_almost_equal_scalars(x, y, dec):
    assert _outcome(tt.assert_almost_equal, x, y, decimal=dec) == \
        _outcome(npt.assert_almost_equal, x, y, decimal=dec)


@pytest.mark.parametrize("x,y,sig", [(1.0, 1.0000001, 7), (1.0, 1.001, 7), (1234.5, 1234.6, 4),
                                     (0.0, 0.0, 7)])
def test_assert_approx_equal(x, y, sig):
    assert _outcome(tt.assert_approx_equal, x, y, significant=sig) == \
        _outcome(npt.assert_approx_equal, x, y, significant=sig)


def test_assert_array_max_ulp():
    a = np.array([1.0, 2.0])
    b = np.nextafter(a, 10)
    assert_ret = tt.assert_array_max_ulp(a, b)
    np.testing.assert_array_equal(np.asarray(assert_ret), npt.assert_array_max_ulp(a, b))
    c = b + 1e-10
    assert _outcome(tt.assert_array_max_ulp, a, c) == _outcome(npt.assert_array_max_ulp, a, c)
    f = np.array([1.0], np.float32)
    assert _outcome(tt.assert_array_max_ulp, f, np.nextafter(f, np.float32(2)), 0) == \
        _outcome(npt.assert_array_max_ulp, f, np.nextafter(f, np.float32(2)), 0)
    with pytest.raises(NotImplementedError):
        tt.assert_array_max_ulp([1j], [1j])


def test_assert_array_almost_equal_nulp():
    a = np.array([1.0, 2.0])
    tt.assert_array_almost_equal_nulp(a, np.nextafter(a, 10))
    assert _outcome(tt.assert_array_almost_equal_nulp, a, a * 1.001) == \
        _outcome(npt.assert_array_almost_equal_nulp, a, a * 1.001)


def test_assert_string_equal():
    assert _outcome(tt.assert_string_equal, "a\nb", "a\nb") is None
    assert _outcome(tt.assert_string_equal, "a\nb\n", "a\nc\n") == \
        _outcome(npt.assert_string_equal, "a\nb\n", "a\nc\n")
    with pytest.raises(AssertionError):
        tt.assert_string_equal(1, "a")


def test_assert_raises_and_regex():
    tt.assert_raises(ValueError, int, "x")
    with tt.assert_raises(ZeroDivisionError):
        1 / 0
    with pytest.raises(AssertionError):
        tt.assert_raises(ValueError, int, "1")
    tt.assert_raises_regex(ValueError, "invalid literal", int, "x")
    with pytest.raises(AssertionError):
        tt.assert_raises_regex(ValueError, "nope", int, "x")


def test_warnings_helpers():
    def warn():
        warnings.warn("careful", UserWarning)
        return 3

    assert tt.assert_warns(UserWarning, warn) == 3
    with pytest.raises(AssertionError, match="No warning raised"):
        tt.assert_warns(UserWarning, lambda: None)
    assert tt.assert_no_warnings(lambda: 4) == 4
    with pytest.raises(AssertionError, match="Got warnings"):
        tt.assert_no_warnings(warn)
    with tt.suppress_warnings() as sup:
        log = sup.record(UserWarning, "care")
        warn()
        sup.filter(RuntimeWarning)
        warnings.warn("x", RuntimeWarning)
    assert len(log) == 1
    with tt.clear_and_catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warn()
    assert len(w) == 1


def test_misc_names():
    npnames = set(npt.__all__) - {"overrides"}
    missing = sorted(n for n in npnames if not hasattr(tt, n))
    assert missing == []
    assert tt.assert_ is not None
    with pytest.raises(AssertionError, match="boom"):
        tt.assert_(False, "boom")
    with tt.tempdir() as d, tt.temppath(dir=d) as p:
        assert p.startswith(d)
    with pytest.raises(NotImplementedError, match="rundocs"):
        tt.rundocs()
    assert tt.build_err_msg([1, 2], "m") == npt.build_err_msg([1, 2], "m")


def test_accepts_scalars_and_tensors():
    tt.assert_allclose(tnp.float64(1.0), 1.0)
    tt.assert_array_equal(torch.tensor([1, 2]), tnp.asarray([1, 2]))
    tt.assert_equal(tnp.asarray([1.0, np.nan]), np.array([1.0, np.nan]))
    msg = _outcome(tt.assert_array_equal, torch.tensor([1, 2]), [1, 3])
    assert re.search(r"Mismatched elements: 1 / 2 \(50%\)", msg)


@pytest.mark.parametrize("call", [
    lambda t: t.testing.assert_allclose(t.ones(3), t.ones(3) + 1e-6, atol=t.finfo(t.float32).eps * 16),
    lambda t: t.testing.assert_allclose(t.ones(3), t.ones(3) * 1.0001, rtol=t.float32(1e-3)),
    lambda t: t.testing.assert_array_almost_equal(t.ones(3), t.ones(3), decimal=t.int64(3)),
    lambda t: t.testing.assert_almost_equal(1.0, 1.0001, decimal=t.int8(3)),
    lambda t: t.testing.assert_approx_equal(1.0, 1.0001, significant=t.int64(3)),
    lambda t: t.testing.assert_array_max_ulp(t.ones(2), t.ones(2), maxulp=t.int32(1)),
    lambda t: t.testing.assert_array_almost_equal_nulp(t.ones(2), t.ones(2), nulp=t.int64(1)),
])
def test_torchnp_scalars_as_tolerances(call):
    """torchnp scalars are accepted where NumPy's (float/int subclasses) are: atol=finfo(...).eps
    raised torch's TypeError (issue 12)."""
    import numpy as np
    call(np)
    call(tnp)


def test_array_tolerance_as_numpy():
    """NumPy formats rtol/atol into its message with :g, so an array tolerance is a TypeError."""
    import numpy as np
    for m in (np, tnp):
        with pytest.raises(TypeError):
            m.testing.assert_allclose(m.ones(3), m.ones(3), rtol=m.asarray([0.1, 0.1, 0.1]))
