"""The reference plugin: NumPy answering torchnp's namespaces; selecting it for one area."""

import numpy
import pytest

import torchnp
from torchnp import _plugins, plugins
from tests.dropin._dropin_util import run


@pytest.fixture
def fresh(monkeypatch):
    for var in ("TORCHNP_LOAD_PLUGINS", "TORCHNP_BLOCK_PLUGINS", "TORCHNP_SELECT",
                "TORCHNP_COMPARE", "TORCHNP_COMPARE_ACTION"):
        monkeypatch.delenv(var, raising=False)
    _plugins.reset_for_tests()
    yield plugins
    _plugins.reset_for_tests()


def _np(x):
    return numpy.asarray(x)


def test_dormant_unless_asked_for(fresh):
    torchnp.fft.fft([1.0, 2.0])
    info = {r["name"]: r for r in plugins.info()}
    assert info["reference"]["dormant"] and info["reference"]["names"] == {}
    assert not hasattr(torchnp.fft.fft, "__compared__")
    assert not any(c[2] == "reference" or "reference" in c[3] for c in plugins.conflicts())


def test_select_one_namespace(fresh):
    fresh.select("reference", namespace="fft")
    x = torchnp.arange(8.0)
    got = torchnp.fft.fft(x)
    assert type(got) is torchnp.ndarray and got.dtype == torchnp.complex128
    assert _np(got).tobytes() == numpy.fft.fft(numpy.arange(8.0)).tobytes()  # NumPy's own bits
    assert torchnp.fft.fft.__wrapped__ is numpy.fft.fft
    assert torchnp.linalg.det.__module__ == "torchnp.linalg"  # other areas unchanged
    info = {r["name"]: r for r in plugins.info()}
    assert info["reference"]["names"] == {"fft": len(numpy.fft.__all__)}
    assert ("fft", "fft", "reference", ["fft"]) in plugins.conflicts()


def test_conversions(fresh):
    fresh.select("reference", namespace="")
    fresh.select("reference", namespace="linalg")
    fresh.select("reference", namespace="polynomial")
    a = torchnp.array([[2.0, 1.0], [1.0, 3.0]], dtype=torchnp.float32)
    # dtypes, scalars, tuples and namedtuples come back as torchnp objects
    s = torchnp.sum(a)
    assert type(s) is torchnp.float32 and float(s) == 7.0
    assert torchnp.sum.__wrapped__ is numpy.sum
    assert torchnp.result_type(a, 1.0) == torchnp.float32  # core's own: never swapped
    w, v = torchnp.linalg.eigh(a)
    assert type(w) is torchnp.ndarray and w.dtype == torchnp.float32
    assert torchnp.argmax(torchnp.array([1, 5, 2]), axis=0).__class__ is torchnp.int64
    assert torchnp.cumsum(a, dtype=torchnp.float64).dtype == torchnp.float64
    # out= is written and returned; in-place functions write back (a reversed view too)
    out = torchnp.zeros(2, dtype=torchnp.float32)
    assert torchnp.add(a[0], a[1], out=out) is out
    assert out.tolist() == [3.0, 4.0]
    m = torchnp.zeros((3, 3))
    torchnp.fill_diagonal(m[::-1], 7.0)
    assert m.tolist() == [[0, 0, 7], [0, 7, 0], [7, 0, 0]]
    # ufuncs keep their methods; classes and their objects go through proxies
    assert torchnp.add.reduce(torchnp.arange(5)).__class__ is torchnp.int64
    p = torchnp.polynomial.Polynomial([1.0, 2.0])
    assert type(p(torchnp.arange(3.0))) is torchnp.ndarray
    assert (p * p).coef.tolist() == [1.0, 4.0, 4.0]


def test_numpy_exceptions_become_torchnp_exceptions(fresh):
    fresh.select("reference", namespace="linalg")
    fresh.select("reference", name="sum")
    with pytest.raises(torchnp.linalg.LinAlgError, match="Singular matrix"):
        torchnp.linalg.inv(torchnp.zeros((2, 2)))
    with pytest.raises(torchnp.exceptions.AxisError):
        torchnp.sum(torchnp.ones(2), axis=3)
    with pytest.raises(ValueError):
        torchnp.linalg.solve(torchnp.eye(2), torchnp.ones(3))


def test_unsupported_results_fail_loudly(fresh):
    fresh.select("reference", name="busday_offset")
    with pytest.raises(NotImplementedError, match="NumPy returned dtype datetime64"):
        torchnp.busday_offset("2011-10", 0, roll="forward")


def test_random_from_numpy(fresh):
    fresh.select("reference", namespace="random")
    got = torchnp.random.default_rng(7).normal(size=4)
    assert type(got) is torchnp.ndarray
    assert _np(got).tolist() == numpy.random.default_rng(7).normal(size=4).tolist()


def test_environment_selection_in_a_fresh_process():
    code = ("import torchnp as np, numpy\n"
            "print(np.fft.rfft.__wrapped__ is numpy.fft.rfft, np.linalg.det.__module__, "
            "np.sum.__wrapped__ is numpy.sum)\n")
    proc = run(["-c", code], TORCHNP_SELECT="fft=reference,torchnp=reference")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "torchnp.linalg", "True"]


def test_not_imported_in_a_fresh_process_that_does_not_ask():
    code = ("import sys, torchnp as np\n"
            "from torchnp import _plugins\n"
            "for ns in sorted(_plugins.all_namespaces()):\n"
            "    dir(_plugins.namespace_module(ns))\n"
            "print(np.sum(np.ones(3)), 'torchnp_reference._numpy_calls' in sys.modules)\n")
    proc = run(["-c", code])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["3.0", "False"]


def test_cli_lists_it():
    proc = run(["-m", "torchnp", "plugins"])
    assert proc.returncode == 0, proc.stderr
    line = next(l for l in proc.stdout.splitlines() if l.startswith("reference"))
    assert "opt-in, not loaded" in line
