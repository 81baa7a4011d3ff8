"""The differential fuzzer in the suite: every target, a bounded derandomized budget.

Each target (every public callable of every namespace, ``_targets``) runs
``TORCHNP_FUZZ_EXAMPLES`` cases (default 25; the same cases on every run); a
finding fails the test with hypothesis's shrunk reproducer. Deliberate
differences are the rules of docs/DIFFERENCES.md's table, nothing else.
Targets with an open finding in code owned elsewhere are strict xfails
(``_known.py``, regenerated with ``python -m tests.fuzz --write-known``): fixing
the code makes the test pass, and strictness makes its entry go.
"""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import torchnp as tnp

from . import _driver, _gen, _run, _table, _targets
from ._known import KNOWN

EXAMPLES = int(os.environ.get("TORCHNP_FUZZ_EXAMPLES", "25"))
RULES = _table.load_rules()
TARGETS = _targets.all_targets()


@pytest.fixture(autouse=True)
def _in_tmp_dir(tmp_path, monkeypatch):
    """Nonsense file names ("abc") make both libraries write files: keep them out of the repo."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("target", TARGETS, ids=[t.qualname for t in TARGETS])
def test_fuzz(target, request):
    known = KNOWN.get(target.qualname)
    if known is not None:
        request.applymarker(pytest.mark.xfail(strict=True, reason=known,
                                              raises=_driver.FuzzFailure))
    _driver.run_target(target, RULES, EXAMPLES, fail=True, shrink=known is None)


def test_known_entries_are_targets():
    names = {t.qualname for t in TARGETS}
    assert sorted(set(KNOWN) - names) == []


# --- the inputs every case is built from --------------------------------------------
@settings(max_examples=400, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_inputs_build_the_same(data):
    """Arrays (every dtype and view kind), scalars and dtype specs build the same in torchnp.

    Target cases whose inputs torchnp cannot build are skipped (``input``); this
    test is where such a failure shows.
    """
    shape = data.draw(_gen.shape_plan())
    src, _ = data.draw(_gen.array_source(shape))
    e, g = eval(src, {"np": np}), eval(src, {"np": tnp})  # noqa: S307
    assert _run.diff(g, e, {}) is None, src
    assert g.flags.writeable == e.flags.writeable, src
    s = data.draw(st.sampled_from(_gen.DTYPE_SOURCES))
    e, g = eval(s, {"np": np}), eval(s, {"np": tnp})  # noqa: S307
    assert tnp.dtype(g).name == np.dtype(e).name, s
    s = data.draw(st.sampled_from(_gen.SCALARS))
    e, g = eval(s, {"np": np}), eval(s, {"np": tnp})  # noqa: S307
    assert _run.diff(g, e, {}) is None, s


# --- the table ----------------------------------------------------------------------
def test_every_rule_names_a_target():
    """A rule whose names match no target is stale (a renamed function, a typo)."""
    for r in RULES:
        if r.kind in ("unsupported", "same-type"):
            continue
        for g in r.names:
            assert any(_table._name_matches(g, t) for t in TARGETS), (r.row, g)


def test_rules_parse():
    r = _table.parse_rule("values linalg.svd[0/2], sum if dtype=np.int8 and !out")
    assert r.names == ("linalg.svd[0/2]", "sum")
    assert r.paths(_targets.find("linalg.svd")) == {"result[0]", "result[2]"}
    assert r.paths(_targets.find("sum")) is None
    with pytest.raises(ValueError):
        _table.parse_rule("silence everything")
    assert _table._split_row(r"| a | `x \| y` | b|c |") == ["a", "`x | y`", "b", "c"]


# --- the fuzzer finds what it should ------------------------------------------------
def _fake_target(name, tnp_fn, np_fn=np.sum):
    base = _targets.find("sum")
    return _targets.Target(name, "", name, "function", np_fn, tnp_fn, base.params)


def _wrong_dtype(a, *args, **kwargs):
    return tnp.sum(a, *args, **kwargs).astype(tnp.float16)


def _leaks(a, *args, **kwargs):
    import torch
    return torch.zeros(2) + torch.zeros(3)


def _wrong_class(a, *args, **kwargs):
    raise KeyError("no")


def _view(a, *args, **kwargs):
    return a[...] if isinstance(a, tnp.ndarray) else tnp.sum(a)


@pytest.mark.parametrize("fn, category", [
    (_wrong_dtype, {"silent-mismatch"}), (_leaks, {"leaked-torch-error"}),
    (_wrong_class, {"spurious-exception", "wrong-exception"}), (_view, {"silent-mismatch"}),
])
def test_the_fuzzer_catches(fn, category, monkeypatch):
    target = _fake_target("fake_" + fn.__name__, fn)
    monkeypatch.setattr(tnp, target.qualname, fn, raising=False)
    monkeypatch.setattr(np, target.qualname, np.sum, raising=False)
    found = []
    _driver.run_target(target, RULES, 20, record=lambda c, f: f and found.append(f))
    assert found and {f.category for f in found} <= category | {"wrong-exception",
                                                                  "missing-exception"}
    assert category & {f.category for f in found}, found[:1]


def test_a_documented_difference_is_not_a_finding():
    """``values random.*``: the streams differ, the shapes and dtypes do not."""
    found = []
    _driver.run_target(_targets.find("random.Generator.random"), RULES, 10,
                       record=lambda c, f: f and found.append(f))
    assert not [f for f in found if f.category == "silent-mismatch" and "values" in f.detail]


def test_torch_errors_are_recognised():
    import torch
    try:
        torch.zeros(2) + torch.zeros(3)
    except RuntimeError as exc:
        assert _run.is_torch_error(exc)
    assert not _run.is_torch_error(ValueError("axes don't match array"))
    try:
        tnp.sum(tnp.zeros(3), axis=4)
    except Exception as exc:  # noqa: BLE001
        assert not _run.is_torch_error(exc)
