"""Driving cases through hypothesis: seeded, bounded, recording or failing."""
from __future__ import annotations

import zlib

from hypothesis import HealthCheck, Phase, given, reject, settings
from hypothesis import seed as hseed

from . import _gen, _run


class FuzzFailure(AssertionError):
    """A finding, raised in failing mode (hypothesis shrinks the case first)."""


def run_target(target, rules, examples, seed=None, record=None, fail=False, shrink=True):
    """Run ``examples`` cases of ``target``.

    ``record(case, finding_or_None)`` sees every case that ran; with ``fail`` the
    first finding is raised as FuzzFailure (after hypothesis has shrunk it, with ``shrink``).
    ``seed=None`` is derandomized (the suite's mode): the same cases every run.
    """
    phases = (Phase.generate, Phase.shrink) if fail and shrink else (Phase.generate,)

    @settings(max_examples=examples, database=None, deadline=None, derandomize=seed is None,
              phases=phases, suppress_health_check=list(HealthCheck), print_blob=False,
              report_multiple_bugs=False)
    @given(c=_gen.case(target))
    def body(c):
        try:
            f = _run.check(c, rules)
        except _run.Rejected:
            reject()
        if record is not None:
            record(c, f)
        if f is not None and fail:
            raise FuzzFailure(str(f))

    if seed is not None:
        body = hseed(seed ^ zlib.crc32(target.qualname.encode()))(body)
    body()


def owner(finding, target):
    """Who owns the code behind a finding: ``core`` or a plugin's name."""
    import re
    m = re.search(r" at ([\w./<>-]+):\d+", finding.detail)
    if m:
        path = m.group(1)
        if path.startswith("torchnp/"):
            return "core"
        p = path.split("/")[0]
        if p and p not in ("torch", "numpy") and "/tests/" not in path:
            return p
    return provider(target)


def provider(target):
    """The plugin (or ``core``) that provides ``target``."""
    obj = target.tnp_obj
    impl = getattr(obj, "__wrapped_impl__", None) or getattr(obj, "__wrapped__", None) or obj
    mod = getattr(impl, "__module__", None) or type(impl).__module__ or ""
    if target.kind == "method" and target.namespace == "ndarray":
        mod = "torchnp"
    top = mod.split(".")[0]
    if top.startswith("torchnp_"):
        return top[len("torchnp_"):]
    return "core"
