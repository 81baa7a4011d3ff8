"""Run one kernel of the compile suite in this fresh process; print a JSON report.

``python -m tests.compile._runner NAME BACKEND``. torchnp is imported but not
used before the compiled call, so that call is torchnp's first (cold). The
report holds: whether tracing succeeded (fullgraph, or for data-dependent
kernels a clean graph break), how many frames torchnp's and the raw-torch
twin's compiles took over three calls (a shape, the same shape, a new shape),
and whether each result equals eager NumPy's (and torchnp's eager result).
"""
from __future__ import annotations

import json
import sys
import traceback

import torch
import torch._dynamo.testing

import torchnp


def _to_numpy(x):
    import numpy
    if isinstance(x, tuple):
        return tuple(_to_numpy(v) for v in x)
    if isinstance(x, torchnp.ndarray):
        return numpy.asarray(x.tensor.detach().cpu().numpy())
    if isinstance(x, torchnp.generic):
        return numpy.dtype(x.dtype.name).type(x.item())
    return x


def _mismatch(got, exp, rtol, atol, path="result"):
    """None if ``got`` (NumPy objects) equals ``exp``, else what differs."""
    import numpy
    if isinstance(exp, tuple):
        if not isinstance(got, tuple) or len(got) != len(exp):
            return f"{path}: {type(got).__name__} vs a tuple of {len(exp)}"
        for i, (g, e) in enumerate(zip(got, exp)):
            m = _mismatch(g, e, rtol, atol, f"{path}[{i}]")
            if m:
                return m
        return None
    if type(got) is not type(exp) and not (isinstance(got, numpy.ndarray) and
                                           isinstance(exp, numpy.ndarray)):
        return f"{path}: type {type(got).__name__} vs {type(exp).__name__}"
    g, e = numpy.asarray(got), numpy.asarray(exp)
    if g.dtype != e.dtype:
        return f"{path}: dtype {g.dtype} vs {e.dtype}"
    if g.shape != e.shape:
        return f"{path}: shape {g.shape} vs {e.shape}"
    if e.dtype.kind in "fc":
        ok = numpy.allclose(g, e, rtol=rtol, atol=atol, equal_nan=True)
    else:
        ok = numpy.array_equal(g, e)
    return None if ok else f"{path}: values differ (max abs diff {numpy.abs(g - e).max()})"


def run(name, backend):
    import numpy

    from tests.compile.kernels import KERNELS
    k = KERNELS[name]
    extra = {}
    if "rng-outside" in k.needs:
        extra["rng"] = torchnp.random.default_rng(0)  # made before the compiled region

    def f(*args):
        return k.fn(torchnp, *args, **extra)

    report = {"name": name, "backend": backend, "breaks": k.breaks}
    ins = [k.inputs(0), k.inputs(0), k.inputs(1)]
    cnt = torch._dynamo.testing.CompileCounterWithBackend(backend)
    try:
        if k.breaks:
            ex = torch._dynamo.explain(f)(*ins[0])
            report["graphs"] = ex.graph_count
            report["graph_breaks"] = ex.graph_break_count
            report["ops"] = [len(ops) for ops in ex.ops_per_graph]
            report["break_reasons"] = [str(r.reason).splitlines()[0] for r in ex.break_reasons]
            torch._dynamo.reset()
        compiled = torch.compile(f, fullgraph=not k.breaks, backend=cnt)
        results = [compiled(*a) for a in ins]
        report["traced"] = True
    except Exception as exc:  # noqa: BLE001 - reported to the test
        report["traced"] = False
        report["error"] = f"{type(exc).__name__}: {exc}"[:3000]
        report["traceback"] = traceback.format_exc()[-3000:]
        return report
    report["frames"] = cnt.frame_count
    tcnt = torch._dynamo.testing.CompileCounterWithBackend(backend)
    tc = torch.compile(k.torch_fn, fullgraph=not k.breaks, backend=tcnt)
    for a in ins:
        tc(*a)
    report["torch_frames"] = tcnt.frame_count
    if k.breaks:
        tex = torch._dynamo.explain(k.torch_fn)(*ins[0])
        report["torch_graph_breaks"] = tex.graph_break_count
    numpy_rng = {"rng": numpy.random.default_rng(0)} if "rng-outside" in k.needs else {}
    eager_rng = {"rng": torchnp.random.default_rng(0)} if "rng-outside" in k.needs else {}
    report["numpy_mismatch"], report["eager_mismatch"] = [], []
    for a, got in zip(ins, results):
        g = _to_numpy(got)
        exp = k.fn(numpy, *[t.numpy() for t in a], **numpy_rng)
        report["numpy_mismatch"].append(_mismatch(g, exp, k.rtol, k.atol))
        eager = _to_numpy(k.fn(torchnp, *a, **eager_rng))
        report["eager_mismatch"].append(_mismatch(g, eager, k.rtol, k.atol))
    return report


if __name__ == "__main__":
    print("REPORT " + json.dumps(run(sys.argv[1], sys.argv[2])))
