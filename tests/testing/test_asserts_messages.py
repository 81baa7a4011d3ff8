"""More torchnp.testing vs numpy.testing cases: edge-case messages and helpers."""
import warnings

import numpy as np
import numpy.testing as npt
import pytest
import torch

import torchnp as tnp
import torchnp.testing as tt


def _outcome(fn, *args, **kw):
    try:
        fn(*args, **kw)
    except AssertionError as exc:
        return str(exc)
    return None


def _same(name, *args, **kw):
    expected = _outcome(getattr(npt, name), *args, **kw)
    got = _outcome(getattr(tt, name), *args, **kw)
    assert got == expected


ARRAY_CASES = [
    ("assert_array_equal", [np.array([np.inf, -np.inf, 1.0]), np.array([np.inf, np.inf, 1.0])], {}),
    ("assert_array_equal", [np.array([np.inf, 1.0]), np.array([1.0, np.inf])], {}),
    ("assert_array_equal", [np.array([1.0, 2]), np.array([1.0])], {}),
    ("assert_array_equal", [np.array([[1.0, 2]]), np.array([1.0, 3])], {}),
    ("assert_array_equal", [np.array([np.nan]), np.array([1.0])], {"err_msg": "e"}),
    ("assert_array_equal", [np.array([1, 2]), np.array([0, 4])], {}),
    ("assert_array_equal", [np.array([1, 2], np.int8), np.array([-128, 3], np.int8)], {}),
    ("assert_array_equal", [np.array([1, 2], np.uint64), np.array([3, 5], np.uint64)], {}),
    ("assert_array_equal", [np.array([1, 2], np.uint16), np.array([7, 0], np.uint16)], {}),
    ("assert_array_equal", [np.arange(100.0).reshape(10, 10), np.zeros((10, 10))], {}),
    ("assert_array_equal", [np.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3) * 2], {}),
    ("assert_array_equal", [np.array([1.0]), np.array([2.0])], {"verbose": False, "err_msg": "ctx"}),
    ("assert_array_equal", [np.array([1.0, 2.0], np.float16), np.array([1.5, 2.0], np.float16)], {}),
    ("assert_array_equal", [np.array([1.0]), 1.0], {"strict": True}),
    ("assert_array_less", [np.array([np.nan, 1]), np.array([1, 2])], {}),
    ("assert_array_less", [np.array([np.inf, 1]), np.array([np.inf, 2])], {}),
    ("assert_array_less", [np.array([1, 1]), 2], {}),
    ("assert_array_less", [np.array([1 + 1j]), np.array([2 + 0j])], {}),
    ("assert_array_less", [np.array([2 + 1j, 1j]), np.array([2 + 0j, 2j])], {}),
    ("assert_array_less", [np.array([0.0, 5]), np.array([0, 1.5])], {}),
    ("assert_allclose", [np.array([1e300]), np.array([np.inf])], {}),
    ("assert_allclose", [np.array([1.0, 5]), np.array([np.nan, 1.5])], {"equal_nan": False}),
    ("assert_allclose", [np.array([[1.0, 2.0]]), np.array([[1.5, 2.0]])], {}),
    ("assert_allclose", [1.0, 1.1], {}),
    ("assert_allclose", [np.array([1, 2]), np.array([1, 3])], {"rtol": 0.2}),
    ("assert_allclose", [np.array([1, 2]), np.array([1, 3])], {"atol": 0.5, "err_msg": "x" * 100}),
    ("assert_array_almost_equal", [np.array([1.0, 2.0]), np.array([1.0, 2.0000016])], {}),
    ("assert_array_almost_equal", [np.array([1.0, 2.0]), np.array([1.0, 2.000000016])], {"decimal": 8}),
    ("assert_array_almost_equal", [np.array([1, 2]), np.array([1, 3])], {}),
    ("assert_almost_equal", [np.array([1 + 1j, 2]), np.array([1 + 2j, 2])], {}),
    ("assert_almost_equal", [[1.0, 2.0], [1.0, 2.1]], {}),
    ("assert_almost_equal", [np.nan, 1.0], {}),
    ("assert_almost_equal", [np.inf, -np.inf], {}),
    ("assert_almost_equal", [1 + 1j, 1 + 2j], {}),
    ("assert_almost_equal", [1.0, 1.0000001], {}),
    ("assert_equal", [1, 2], {"err_msg": "ctx"}),
    ("assert_equal", [[1, [2, 3]], [1, [2, 4]]], {}),
    ("assert_equal", [[1, 2], [1, 2, 3]], {}),
    ("assert_equal", [np.float64(1), np.float64(2)], {}),
    ("assert_equal", ["ab", "ac"], {}),
    ("assert_equal", [np.nan, np.nan], {}),
    ("assert_equal", [np.array([1.0, np.nan]), [1.0, np.nan]], {}),
    ("assert_equal", [{"a": [1, 2]}, {"a": [1, 3]}], {}),
    ("assert_approx_equal", [1.0, np.nan], {}),
    ("assert_approx_equal", [np.nan, np.nan], {}),
    ("assert_approx_equal", [0.0, 1e-20], {}),
    ("assert_approx_equal", [1.0, np.inf], {}),
    ("assert_approx_equal", [-1.0, 1.0], {}),
    ("assert_approx_equal", [1e-300, 1.0000001e-300], {}),
    ("assert_approx_equal", [123456.7, 123456.8], {"significant": 6}),
    ("assert_string_equal", ["ab", "ab\n"], {}),
    ("assert_string_equal", ["a\nb\nx\n", "a\nc\nx\ny\n"], {}),
    ("assert_string_equal", ["one\ntwo\nthree\n", "one\ntwo\nthre\n"], {}),
]


# numpy.testing's own assert_approx_equal warns on a NaN operand; torchnp's does not
@pytest.mark.filterwarnings("ignore:invalid value encountered in scalar divide:RuntimeWarning")
@pytest.mark.parametrize("name,args,kw", ARRAY_CASES,
                         ids=[f"{i}-{c[0]}" for i, c in enumerate(ARRAY_CASES)])
def test_message_matches_numpy(name, args, kw):
    _same(name, *args, **kw)


@pytest.mark.parametrize("name,args,kw", [c for c in ARRAY_CASES if isinstance(c[1][0], np.ndarray)])
def test_torchnp_operands_give_the_same_message(name, args, kw):
    """The actual operand as a torchnp array prints as NumPy prints the NumPy array."""
    expected = _outcome(getattr(npt, name), *args, **kw)
    got = _outcome(getattr(tt, name), tnp.asarray(torch.from_numpy(args[0].copy())), *args[1:], **kw)
    assert got == expected


def test_build_err_msg():
    for err in ["m", "m\nx", "m" * 58, "m" * 59, ""]:
        assert tt.build_err_msg([1, 2], err) == npt.build_err_msg([1, 2], err)
    a = np.arange(3.0) / 3
    assert tt.build_err_msg([a, 2], "", precision=3, names=("a", "b")) == \
        npt.build_err_msg([a, 2], "", precision=3, names=("a", "b"))
    assert tt.build_err_msg([a, 2], "", verbose=False) == npt.build_err_msg([a, 2], "", verbose=False)


def test_ulp_helpers():
    a = np.array([np.nan, np.inf, -1.0, 0.0])
    b = np.array([np.nan, np.inf, 1.0, -0.0])
    got = tt.assert_array_max_ulp(a, b, 1e300)
    np.testing.assert_array_equal(np.asarray(got.tensor), npt.assert_array_max_ulp(a, b, 1e300))
    for x, y in [(1.0, 1.0), (np.ones((2, 2)), np.ones((2, 2)))]:
        assert tt.assert_array_max_ulp(x, y).shape == npt.assert_array_max_ulp(x, y).shape
    f32 = np.array([1.0], np.float32)
    assert tt.assert_array_max_ulp(f32, f32, dtype=np.float32).dtype == tnp.float32
    _same("assert_array_max_ulp", np.array([1, 2]), np.array([1, 3]), 5)
    _same("assert_array_almost_equal_nulp", np.array([np.nan]), np.array([np.nan]))
    _same("assert_array_almost_equal_nulp", np.array([1 + 1j]), np.array([1 + 1.0000001j]))
    _same("assert_array_almost_equal_nulp", np.array([1, 2]), np.array([1, 3]))


def test_print_assert_equal():
    assert _outcome(tt.print_assert_equal, "hello", [1, 2], [1, 3]) == \
        _outcome(npt.print_assert_equal, "hello", [1, 2], [1, 3])
    tt.print_assert_equal("same", {"a": 1}, {"a": 1})


def test_warning_context_managers():
    with pytest.raises(AssertionError, match="^No warning raised$"):
        with tt.assert_warns(UserWarning):
            pass
    with tt.assert_warns(UserWarning):
        warnings.warn("x", UserWarning)
    with pytest.raises(AssertionError, match="^Got warnings: "):
        with tt.assert_no_warnings():
            warnings.warn("y", UserWarning)


def test_suppress_warnings_forwarding_and_decorator():
    sup = tt.suppress_warnings(forwarding_rule="once")
    sup.filter(UserWarning, "hide")

    @sup
    def noisy():
        warnings.warn("hide me", UserWarning)
        warnings.warn("show me", RuntimeWarning)
        warnings.warn("show me", RuntimeWarning)

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        noisy()
    assert [str(w.message) for w in seen] == ["show me"]
    with pytest.raises(ValueError):
        tt.suppress_warnings(forwarding_rule="bogus")


def test_misc_helpers(tmp_path):
    calls = []
    tt.run_threaded(lambda i: calls.append(i), max_workers=3, pass_count=True)
    assert sorted(calls) == [0, 1, 2]
    ns = {}
    tt.runstring("z = 3", ns)
    assert ns["z"] == 3
    assert tt.measure("sum(range(10))", times=2) >= 0
    assert isinstance(tt.jiffies(), int)
    assert tt.check_support_sve() is False

    class Case:
        def test_one(self):
            return 1

        def helper(self):
            return 2

    tt.decorate_methods(Case, lambda f: (lambda self: f(self) * 10))
    assert Case().test_one() == 10 and Case().helper() == 2
    assert tt.verbose == npt.verbose and tt.IS_64BIT == npt.IS_64BIT


def test_no_numpy_in_impl_module_source():
    import torchnp_testing._asserts_impl as mod
    src = open(mod.__file__).read()
    assert "import numpy" not in src and "from numpy" not in src


def test_assert_no_gc_cycles_in_a_fresh_process():
    # in a fresh process: threads other tests leave running (dask's event loop) make
    # garbage of their own while the check collects
    import subprocess
    import sys
    code = """
import pytest
import torchnp.testing as tt
tt.assert_no_gc_cycles(lambda: [1, 2])
def make_cycle():
    a = []
    a.append(a)
with pytest.raises(AssertionError, match="Reference cycles were found when calling make_cycle"):
    tt.assert_no_gc_cycles(make_cycle)
print("ok")
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip().endswith("ok"), r.stderr[-2000:]
