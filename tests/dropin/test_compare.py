"""Compare mode: each call through the selected plugin and the reference; the first difference reported."""
import types
import warnings

import pytest
import torch

import torchnp
from torchnp import _plugins, hookimpl, plugins
from torchnp._normalize import ArrayLike, ArrayOrScalar
from torchnp.exceptions import PluginError
from tests.dropin._dropin_util import run


@pytest.fixture
def fresh(monkeypatch):
    for var in ("TORCHNP_LOAD_PLUGINS", "TORCHNP_BLOCK_PLUGINS", "TORCHNP_SELECT",
                "TORCHNP_COMPARE", "TORCHNP_COMPARE_ACTION"):
        monkeypatch.delenv(var, raising=False)
    _plugins.reset_for_tests()
    yield plugins
    _plugins.reset_for_tests()


# a deliberately wrong fft/linalg plugin: each function is wrong in one way
def fft(a: ArrayLike, n=None, axis=-1, norm=None):
    r = torch.fft.fft(a.to(torch.complex128), dim=axis)
    return r * 1.001 if r.numel() > 4 else r  # small inputs right, larger ones 0.1% off


def ifft(a: ArrayLike, n=None, axis=-1, norm=None):
    return torch.fft.ifft(a.to(torch.complex128), dim=axis).to(torch.complex64)  # dtype


def rfft(a: ArrayLike, n=None, axis=-1, norm=None):
    return torch.fft.fft(a.to(torch.complex128), dim=axis)  # shape: the full spectrum


def det(a: ArrayLike) -> ArrayOrScalar:
    if a.shape[-1] != a.shape[-2]:
        raise TypeError("not square")  # NumPy: LinAlgError
    return torch.linalg.det(a)


def solve(a: ArrayLike, b: ArrayLike):
    return torch.linalg.solve(a, b)


def _wrong_plugin():
    mod = types.ModuleType("wrong")

    @hookimpl
    def list_namespaces():
        return ["fft", "linalg"]

    @hookimpl
    def register_namespace(registry, namespace):
        if namespace == "fft":
            for f in (fft, ifft, rfft):
                registry.add_function(f.__name__, f, "fft")
        else:
            registry.add_function("det", det, "linalg")
            registry.add_function("solve", solve, "linalg")

    mod.list_namespaces, mod.register_namespace = list_namespaces, register_namespace
    return mod


@pytest.fixture
def wrong(fresh):
    fresh.register("wrong", _wrong_plugin())
    fresh.select("wrong", namespace="fft")
    fresh.select("wrong", namespace="linalg")
    return fresh


def test_catches_a_wrong_value_naming_function_and_arguments(wrong):
    wrong.compare("fft", "linalg")
    assert torchnp.fft.fft(torchnp.ones(2)).tolist() == [2, 0]  # agrees: no error
    with pytest.raises(plugins.CompareError) as info:
        torchnp.fft.fft(torchnp.arange(8.0))
    msg = str(info.value)
    assert msg.startswith("torchnp compare: fft.fft(array([0., 1., 2., 3., 4., 5., 6., 7.]))")
    assert "plugin 'wrong'" in msg and "values differ" in msg and "28.028" in msg


def test_catches_dtype_shape_and_exception_class(wrong):
    wrong.compare("fft", "linalg")
    with pytest.raises(plugins.CompareError, match=r"fft.ifft\(.*dtype complex64 vs NumPy's complex128"):
        torchnp.fft.ifft(torchnp.arange(3.0))
    with pytest.raises(plugins.CompareError, match=r"fft.rfft\(.*shape \(4,\) vs NumPy's \(3,\)"):
        torchnp.fft.rfft(torchnp.arange(4.0))
    with pytest.raises(plugins.CompareError,
                       match="exception class: 'wrong' raises TypeError: not square; NumPy raises LinAlgError"):
        torchnp.linalg.det(torchnp.ones((2, 3)))
    # scalar vs 0-d array: torch's det gives a tensor, ArrayOrScalar makes it a scalar as NumPy's
    assert float(torchnp.linalg.det(torchnp.eye(3))) == 1.0


def test_a_leaking_torch_error_is_reported(wrong):
    wrong.compare("linalg")
    # the wrong solve lets torch's error out where NumPy raises LinAlgError
    with pytest.raises(plugins.CompareError, match="linalg.solve"):
        torchnp.linalg.solve(torchnp.zeros((2, 2)), torchnp.ones(2))


def test_warn_action_returns_the_plugins_answer(wrong):
    wrong.compare("fft", action="warn")
    with pytest.warns(plugins.CompareWarning, match="fft.fft"):
        got = torchnp.fft.fft(torchnp.arange(8.0))
    assert abs(got[0].real - 28.028) < 1e-9


def test_only_compared_names_are_wrapped(wrong):
    wrong.compare("fft.ifft")
    assert hasattr(torchnp.fft.ifft, "__compared__")
    assert not hasattr(torchnp.fft.fft, "__compared__")
    torchnp.fft.fft(torchnp.arange(8.0))  # wrong, but not compared


def test_off_costs_nothing(fresh):
    fresh.register("wrong", _wrong_plugin())
    fresh.select("wrong", namespace="fft")
    assert not hasattr(torchnp.fft.fft, "__compared__")
    assert torchnp.fft.fft.__wrapped_impl__ is fft  # the plain public function, no wrapper
    info = {r["name"]: r for r in plugins.info()}
    assert info["reference"]["dormant"]


def test_builtin_plugins_agree_with_numpy(fresh):
    fresh.compare("linalg", "fft", "", "polynomial")
    a = torchnp.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error", plugins.CompareWarning)
        torchnp.linalg.solve(a, torchnp.ones(3))
        torchnp.linalg.inv(a), torchnp.linalg.det(a), torchnp.linalg.norm(a, axis=0)
        torchnp.linalg.eigvalsh(a), torchnp.linalg.matrix_rank(a)
        torchnp.fft.rfft(torchnp.arange(16.0)), torchnp.fft.fftfreq(8, 0.5)
        torchnp.sum(a, axis=1), torchnp.cumsum(a), torchnp.sort(a[:, ::-1]), torchnp.mean(a)
        torchnp.add.reduce(a), torchnp.sqrt(a), torchnp.where(a > 1, a, 0)
        torchnp.polynomial.polynomial.polyval(2.0, [1.0, 2.0, 3.0])
        with pytest.raises(torchnp.linalg.LinAlgError):  # both raise LinAlgError: no report
            torchnp.linalg.inv(torchnp.zeros((2, 2)))
    assert hasattr(torchnp.linalg.solve, "__compared__") and hasattr(torchnp.sum, "__compared__")


def test_in_place_results_are_compared(fresh):
    fresh.compare("fill_diagonal")
    m = torchnp.zeros((3, 3))
    torchnp.fill_diagonal(m, 2.0)  # writes m; the reference writes its copy: equal
    assert m.tolist()[1][1] == 2.0


def test_random_is_refused(fresh):
    fresh.compare("random")
    with pytest.raises(PluginError, match="random cannot be compared"):
        torchnp.linalg.det(torchnp.eye(2))


def test_environment_variables_in_a_fresh_process():
    code = """
import types, torch, torchnp as np
from torchnp import hookimpl, plugins
from torchnp._normalize import ArrayLike
mod = types.ModuleType("wrong")
def fftfreq(n, d=1.0):
    return torch.arange(n, dtype=torch.float64)
mod.list_namespaces = hookimpl(lambda: ["fft"])
mod.register_namespace = hookimpl(lambda registry, namespace: registry.add_function("fftfreq", fftfreq, "fft", normalize=False))
plugins.register("wrong", mod)
try:
    np.fft.fftfreq(4)
except plugins.CompareError as exc:
    print("caught", exc)
"""
    proc = run(["-c", code], TORCHNP_SELECT="fft=wrong", TORCHNP_COMPARE="fft")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("caught torchnp compare: fft.fftfreq(4) differs from NumPy")
    proc = run(["-c", "import torchnp as np; np.fft.fft([1.0])"], TORCHNP_COMPARE_ACTION="nope",
               TORCHNP_COMPARE="fft")
    assert proc.returncode == 1 and "TORCHNP_COMPARE_ACTION" in proc.stderr
