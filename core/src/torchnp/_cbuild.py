"""Small C kernel libraries built with the system C compiler and loaded through ctypes.

Plugins whose eager CPU paths need plain C loops (``torchnp_random``'s streams,
``torchnp_ufuncs``' complex arithmetic) hand their source here:

* Built with ``$CC`` (else ``cc``, ``gcc``, ``clang``) into ``$TORCHNP_CACHE_DIR``
  (default ``$XDG_CACHE_HOME/torchnp`` or ``~/.cache/torchnp``), named by a hash of
  the source, compiler, flags and platform, so a later process loads it in about a
  millisecond. The file is written in a temporary directory and renamed into place
  (atomic: concurrent builders agree on the file).
* No compiler or a failed build: ``build`` returns None and the caller keeps its
  torch-op path. ``enabled(var)`` reads the caller's off switch (``var=0``) and
  the platforms the kernels are written for (x86-64, aarch64).

Imports no NumPy and no torch; callers never use a library while tracing.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading

__all__ = ["cache_dir", "compiler", "enabled", "build", "Kernels", "BUILD_ERRORS"]

# what a failed compile or load raises (callers catch these and fall back)
BUILD_ERRORS = (OSError, subprocess.SubprocessError, AttributeError)


def cache_dir():
    d = os.environ.get("TORCHNP_CACHE_DIR")
    if not d:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = os.path.join(base, "torchnp")
    return d


def compiler():
    return os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") \
        or shutil.which("clang")


def enabled(switch):
    """Whether the environment variable ``switch`` is not "0" and the platform is one
    the kernels are written for."""
    return os.environ.get(switch, "1") != "0" and \
        platform.machine().lower() in ("x86_64", "amd64", "aarch64", "arm64")


def build(prefix, source, flags, sigs, restype=None, libs=("-lm",)):
    """Compile ``source`` (C) with ``flags`` into the cache as ``{prefix}_{hash}.so``
    unless it is there, load it and give each function of ``sigs`` (name -> ctypes
    argument types) its ``argtypes`` and ``restype``. None without a compiler or when
    the compile fails; a failed load raises one of ``BUILD_ERRORS``."""
    cc = compiler()
    if cc is None:
        return None
    key = hashlib.sha256("\0".join([source, cc, *flags, platform.machine(),
                                    sys.platform]).encode()).hexdigest()[:20]
    d = cache_dir()
    path = os.path.join(d, f"{prefix}_{key}.so")
    if not os.path.exists(path):
        os.makedirs(d, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=d) as tmp:
            src = os.path.join(tmp, "k.c")
            with open(src, "w") as fh:
                fh.write(source)
            out = os.path.join(tmp, "k.so")
            r = subprocess.run([cc, *flags, "-o", out, src, *libs], capture_output=True,
                               timeout=120)
            if r.returncode != 0:
                return None
            os.replace(out, path)
    lib = ctypes.CDLL(path)
    for name, args in sigs.items():
        f = getattr(lib, name)
        f.argtypes = args
        f.restype = restype
    return lib


class Kernels:
    """A plugin's kernel library, loaded once on first use (thread-safe).

    ``get()`` returns what ``load()`` gave (None: no compiler, or the build failed), or
    None without calling it where the environment variable ``switch`` is "0" or the
    platform is not one the kernels are written for; a load that raises one of
    ``BUILD_ERRORS`` counts as None. ``lib``/``tried`` are the state (tests set them to
    run without the kernels)."""

    def __init__(self, switch, load):
        self.switch, self._load = switch, load
        self._lock = threading.Lock()
        self.lib = None
        self.tried = False

    def get(self):
        if self.tried:
            return self.lib
        with self._lock:
            if not self.tried:
                lib = None
                if enabled(self.switch):
                    try:
                        lib = self._load()
                    except BUILD_ERRORS:
                        lib = None
                self.lib, self.tried = lib, True
        return self.lib
