"""pytest plugin: ``pytest --torchnp`` runs a project's tests with ``import numpy`` resolved to torchnp.

Registered through the ``pytest11`` entry point of torchnp's distributions. It is
a separate top-level package so that pytest's start-up imports only this file
(not torchnp, and so not torch) when ``--torchnp`` is not given.

The redirect is that of ``torchnp run`` (``torchnp._run``): test modules,
conftest files and the project's own modules under pytest's rootdir get
torchnp; installed libraries (pytest, hypothesis, pandas, ...) keep NumPy.
"""
import pytest


def pytest_addoption(parser):
    group = parser.getgroup("torchnp")
    group.addoption("--torchnp", action="store_true", default=False,
                    help="resolve `import numpy` to torchnp in the project's modules and tests "
                         "(installed libraries keep NumPy), as `torchnp run` does")
    group.addoption("--torchnp-include", action="append", default=[], metavar="PKG",
                    help="with --torchnp: map numpy to torchnp in the installed package PKG too")
    group.addoption("--torchnp-device", default=None, metavar="DEVICE",
                    help="with --torchnp: arrays default to this torch device (cuda, ...)")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # before the first conftest.py is imported (it may import numpy)
    opts = early_config.known_args_namespace
    if not getattr(opts, "torchnp", False):
        return
    from torchnp import _run
    include = [p.strip() for item in opts.torchnp_include for p in item.split(",") if p.strip()]
    if opts.torchnp_device:
        try:
            _run._set_device(opts.torchnp_device)
        except _run._UsageError as exc:
            raise pytest.UsageError(f"--torchnp-device: {exc}") from None
    _run.install([str(early_config.rootpath)], include)


def pytest_report_header(config):
    if not config.getoption("torchnp"):
        return None
    from torchnp import _run
    roots, include = _run.installed()
    where = ", ".join(r.rstrip("/") for r in roots) + (f"; packages {', '.join(include)}" if include else "")
    return f"torchnp: `import numpy` resolved to torchnp under {where}"
