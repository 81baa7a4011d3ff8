"""Subprocess helpers for the drop-in tests (start-up behaviour needs fresh processes)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_ENV_DROP = ("TORCHNP_LOAD_PLUGINS", "TORCHNP_BLOCK_PLUGINS", "TORCHNP_SELECT", "TORCHNP_COMPARE",
             "TORCHNP_COMPARE_ACTION", "TORCHNP_COMPARE_RTOL")


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k not in _ENV_DROP}
    e.update(extra)
    return e


def run(args, cwd=None, timeout=240, **extra_env):
    """``python ARGS`` in a fresh process; returns the CompletedProcess."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env(**extra_env))


def torchnp_run(args, cwd=None, timeout=240, **extra_env):
    return run(["-m", "torchnp", "run", *args], cwd=cwd, timeout=timeout, **extra_env)
