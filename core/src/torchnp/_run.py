"""``torchnp run``: run an unmodified NumPy program with ``import numpy`` resolved to torchnp.

How the redirect works
----------------------
``builtins.__import__`` is replaced by ``_import``, which looks at *who* imports:
an ``import numpy`` / ``from numpy.linalg import ...`` statement executed by a
redirected module gets torchnp's module (``torchnp``, ``torchnp.linalg``, ...);
every other importer (installed libraries, the standard library, C extensions)
goes to the original ``__import__`` and gets real NumPy. A module is redirected
when its file lies under one of the roots (the script's folder) and not in an
installation directory (site-packages, the standard library), or when its name
is in an ``--include`` package. The decision is made per import statement, so
nothing sits on the call path of torchnp's functions, and ``sys.modules`` never
holds a fake ``numpy``: ``sys.modules["numpy"]`` stays real NumPy for the
libraries (torch itself imports it), and the importer's name ``np`` is bound to
torchnp's module.

Only import *statements* are redirected (the calling frame is executing
``IMPORT_NAME``): C code that imports NumPy through ``PyImport_Import`` while a
redirected frame is on top (pickle's ``find_class``, torch's NumPy bridge)
still gets real NumPy, as it must.

Limits: ``importlib.import_module("numpy")`` and ``sys.modules["numpy"]`` in
redirected code give real NumPy; processes started with multiprocessing's
``spawn`` re-run the script's top level without the redirect (functions shipped
by cloudpickle, as Dask does, keep their torchnp globals).
"""
from __future__ import annotations

import builtins
import dis
import os
import site
import sys
import sysconfig
import types

__all__ = ["install", "uninstall", "installed", "main"]

_IMPORT_NAME = dis.opmap["IMPORT_NAME"]
_original_import = None
_roots: tuple = ()
_include: tuple = ()
_excluded: tuple = ()
_decisions: dict = {}  # (module name, file) -> bool; filled per importer, not per call

# numpy module paths whose torchnp counterpart has another name
_ALIASES = {"numpy.lib.scimath": "torchnp.emath"}


def _install_dirs():
    dirs = set()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            dirs.add(path)
    try:
        dirs.update(site.getsitepackages())
    except AttributeError:  # virtualenv's old site.py
        pass
    user = getattr(site, "getusersitepackages", lambda: None)()
    if user:
        dirs.add(user)
    return tuple(sorted({os.path.realpath(d) + os.sep for d in dirs}))


def _under(path, prefixes):
    return any(path.startswith(p) for p in prefixes)


def _decide(name, file):
    if name == "torchnp" or name.startswith(("torchnp.", "torchnp_")):
        return False  # torchnp itself and its plugins (the reference plugin needs real NumPy)
    if any(name == p or name.startswith(p + ".") for p in _include):
        return True
    if not file:
        return name == "__main__"  # python -c, exec'd code run as the main program
    path = os.path.realpath(file)
    if not _under(path, _roots) or _under(path, _excluded):
        return False
    parts = path.split(os.sep)
    return "site-packages" not in parts and "dist-packages" not in parts


def wants_torchnp(module_globals):
    """Whether the module with these globals gets torchnp for ``import numpy``."""
    if module_globals is None:
        return False
    key = (module_globals.get("__name__") or "", module_globals.get("__file__"))
    hit = _decisions.get(key)
    if hit is None:
        hit = _decisions[key] = _decide(*key)
    return hit


def _target(name):
    """torchnp's module (or module-like object) for ``numpy.a.b``; ModuleNotFoundError if none."""
    import torchnp
    dotted = _ALIASES.get(name, "torchnp" + name[len("numpy"):])
    obj = torchnp
    for part in dotted.split(".")[1:]:
        try:
            obj = getattr(obj, part)
        except AttributeError as exc:
            raise ModuleNotFoundError(
                f"torchnp run: no module named {name!r}: torchnp provides no {dotted} ({exc})",
                name=name) from None
        if not isinstance(obj, types.ModuleType):
            raise ModuleNotFoundError(f"torchnp run: no module named {name!r}: {dotted} is not a "
                                      "module", name=name)
    return obj


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and (name == "numpy" or name.startswith("numpy.")) and wants_torchnp(globals):
        frame = sys._getframe(1)
        code = frame.f_code.co_code
        if 0 <= frame.f_lasti < len(code) and code[frame.f_lasti] == _IMPORT_NAME:
            target = _target(name)
            for item in fromlist or ():
                alias = f"{name}.{item}"
                if alias in _ALIASES and item not in target.__dict__:
                    setattr(target, item, _target(alias))  # from numpy.lib import scimath
            # `import numpy.linalg` binds the top package; `from numpy.linalg import x` the module
            return target if fromlist else sys.modules["torchnp"]
    return _original_import(name, globals, locals, fromlist, level)


def install(roots=(), include=()):
    """Resolve ``numpy`` to torchnp for modules under ``roots`` and in the packages ``include``."""
    global _original_import, _roots, _include, _excluded
    import torchnp  # noqa: F401  (imported before the hook: torch imports real NumPy itself)
    _roots = tuple(sorted({os.path.realpath(r).rstrip(os.sep) + os.sep for r in roots}))
    _include = tuple(include)
    _excluded = _install_dirs()
    _decisions.clear()
    if _original_import is None:
        _original_import = builtins.__import__
        builtins.__import__ = _import


def uninstall():
    """Restore the original ``__import__`` (modules already imported keep what they got)."""
    global _original_import
    if _original_import is not None:
        builtins.__import__ = _original_import
        _original_import = None
    _decisions.clear()


def installed():
    """``(roots, include)`` of the active redirect, or None."""
    return (_roots, _include) if _original_import is not None else None


USAGE = """\
usage: torchnp run [--device DEVICE] [--include PKG]... (SCRIPT | -m MODULE) [ARGS...]

Run a NumPy program on torchnp without editing it: `import numpy` (and
numpy.linalg, numpy.fft, numpy.random, ...) gives torchnp in the script and the
modules of its folder (for -m: the current folder and the module's package);
installed libraries keep real NumPy.

  --device DEVICE   arrays default to this torch device (cpu, cuda, cuda:1, ...)
  --include PKG     map numpy to torchnp in the installed package PKG too (repeatable,
                    or comma-separated)
  -m MODULE         run a module, as python -m does
"""


def _parse(argv):
    device, include = None, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            return None
        if arg.startswith("--device"):
            value, i = _option_value(argv, i, "--device")
            device = value
        elif arg.startswith("--include"):
            value, i = _option_value(argv, i, "--include")
            include.extend(p.strip() for p in value.split(",") if p.strip())
        elif arg == "-m":
            if i + 1 >= len(argv):
                raise _UsageError("-m needs a module name")
            return device, include, "module", argv[i + 1], argv[i + 2:]
        elif arg.startswith("-"):
            raise _UsageError(f"unknown option {arg!r}")
        else:
            return device, include, "script", arg, argv[i + 1:]
        i += 1
    raise _UsageError("no script or -m MODULE given")


def _option_value(argv, i, option):
    arg = argv[i]
    if arg == option:
        if i + 1 >= len(argv):
            raise _UsageError(f"{option} needs a value")
        return argv[i + 1], i + 1
    if arg.startswith(option + "="):
        return arg[len(option) + 1:], i
    raise _UsageError(f"unknown option {arg!r}")


class _UsageError(Exception):
    pass


def _set_device(device):
    import torch
    try:
        dev = torch.device(device)
    except (RuntimeError, TypeError) as exc:
        raise _UsageError(f"--device {device!r}: {exc}") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise _UsageError(f"--device {device}: torch finds no CUDA device "
                          "(torch.cuda.is_available() is False)")
    torch.set_default_device(dev)


def main(argv):
    """``torchnp run ...``; returns the exit status."""
    try:
        parsed = _parse(argv)
        if parsed is None:
            print(USAGE, end="")
            return 0
        device, include, kind, target, args = parsed
        if device is not None:
            _set_device(device)
    except _UsageError as exc:
        print(USAGE.splitlines()[0], file=sys.stderr)
        print(f"torchnp run: error: {exc}", file=sys.stderr)
        return 2
    import runpy
    if kind == "script":
        if not os.path.exists(target):
            print(f"torchnp run: can't open file {target!r}: no such file", file=sys.stderr)
            return 2
        folder = os.path.dirname(os.path.abspath(target))
        install([folder], include)
        sys.argv[:] = [target, *args]
        sys.path[0] = folder  # as `python script.py` does
        def runner():
            runpy.run_path(target, run_name="__main__")
    else:
        cwd = os.getcwd()
        install([cwd], [*include, target.split(".")[0]])
        sys.argv[:] = [target, *args]  # run_module replaces argv[0] with the module's file
        sys.path[0] = cwd  # as `python -m` does
        def runner():
            runpy.run_module(target, run_name="__main__", alter_sys=True)
    try:
        runner()
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - print it as `python script.py` would, then exit 1
        _print_user_traceback(exc)
        return 1
    return 0


def _print_user_traceback(exc):
    """The traceback without torchnp run's and runpy's own frames."""
    import traceback
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    here = os.path.realpath(__file__)
    for part in _chain(te):
        part.stack[:] = [f for f in part.stack if f.filename != "<frozen runpy>"
                         and not f.filename.endswith(os.sep + "runpy.py")
                         and os.path.realpath(f.filename) != here]
    print("".join(te.format()), end="", file=sys.stderr)


def _chain(te):
    seen = []
    while te is not None and te not in seen:
        seen.append(te)
        yield te
        te = te.__cause__ or (None if te.__suppress_context__ else te.__context__)
