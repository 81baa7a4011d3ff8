"""NumPy kernels written with torchnp compile to one graph, cold, and equal NumPy.

Each kernel of ``kernels.py`` runs in a fresh process (``_runner``) where the
compiled call is torchnp's first: ``torch.compile(fullgraph=True)`` over three
calls (a shape, the same shape again, a new shape). The suite asserts that
tracing succeeds, that torchnp needs no more compiles than the raw-torch twin
of the kernel over the same calls, and that every result equals eager NumPy's.
Kernels whose output shape depends on the data (raw torch breaks there too)
must break cleanly: the frame is compiled in pieces around the break, not
skipped. The backend is ``aot_eager`` (it runs functionalization, where
in-place writes through views must survive); ``TORCHNP_COMPILE_BACKEND=inductor``
runs the same suite through inductor.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.compile.kernels import KERNELS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BACKEND = os.environ.get("TORCHNP_COMPILE_BACKEND", "aot_eager")
AREAS = {"ufuncs", "indexing", "statistics", "mathroutines", "manipulation", "sorting", "linalg",
         "fft", "random", "programs"}


def _run(name):
    try:
        p = subprocess.run([sys.executable, "-m", "tests.compile._runner", name, BACKEND],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return {"name": name, "traced": False, "error": "no report within 300 s"}
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("REPORT ")]
    if not lines:
        return {"name": name, "traced": False, "error": p.stderr[-3000:]}
    return json.loads(lines[-1][len("REPORT "):])


@pytest.fixture(scope="module")
def reports():
    # Build the random plugin's CPU kernels once, here: without them the rng kernels' eager
    # runs take minutes on a fresh machine (the slow path is an open defect of the random
    # plugin, not what this suite measures).
    from torchnp_random import _native
    _native.lib()
    with ThreadPoolExecutor(max(1, min(4, os.cpu_count() or 1))) as ex:
        return {r["name"]: r for r in ex.map(_run, KERNELS)}


def test_the_kernels_cover_every_area():
    assert len(KERNELS) >= 30
    assert {k.area for k in KERNELS.values()} == AREAS


@pytest.mark.parametrize("name", [n for n, k in KERNELS.items() if not k.breaks])
def test_fullgraph_cold_no_extra_recompiles_equal_to_numpy(reports, name):
    r = reports[name]
    assert r["traced"], r.get("error", "") + "\n" + r.get("traceback", "")
    assert r["frames"] <= r["torch_frames"], (r["frames"], r["torch_frames"])
    assert r["numpy_mismatch"] == [None] * 3, r["numpy_mismatch"]
    assert r["eager_mismatch"] == [None] * 3, r["eager_mismatch"]


@pytest.mark.parametrize("name", [n for n, k in KERNELS.items() if k.breaks])
def test_data_dependent_kernels_break_cleanly(reports, name):
    r = reports[name]
    assert r["traced"], r.get("error", "") + "\n" + r.get("traceback", "")
    # compiled in pieces (graphs with ops in them), not skipped as a whole
    assert r["graphs"] >= 1 and sum(r["ops"]) > 0, r
    assert all("Dynamic shape operator" in b or "data dependent" in b.lower()
               or "item" in b.lower() for b in r["break_reasons"]), r["break_reasons"]
    assert r["numpy_mismatch"] == [None] * 3, r["numpy_mismatch"]
