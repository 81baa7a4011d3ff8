"""What the fuzzer calls: every public callable of every torchnp namespace that NumPy has.

Derived at run time from the plugin registry (``torchnp._plugins.all_namespaces``
and each namespace's ``dir``), so a function a plugin adds is fuzzed with no
edit here. Signatures come from NumPy (``shared/api/numpy_api.json``, else
``inspect``): torchnp must accept what NumPy accepts. ``ndarray`` methods and
operators, and the methods of ``random.Generator``, are targets too.
"""
from __future__ import annotations

import dataclasses
import functools
import inspect
import json
import re
import types

import numpy as np

import torchnp as tnp
from torchnp import _plugins

from tests._api import API_PATH

# namespaces without callables worth fuzzing (type aliases, dtype classes)
_SKIP_NAMESPACES = {"typing", "dtypes", "lib"}
# NumPy's tooling, and names whose oracle call is unsafe or meaningless to compare:
# reading memory at arbitrary strides can crash NumPy itself; info/who print docs
_SKIP_NAMES = {
    "show_config", "show_runtime", "test", "get_include", "info", "who", "hookimpl",
    "lib.stride_tricks.as_strided",
    # the testing namespace's helpers that run code, print, or measure the process
    "testing.measure", "testing.rundocs", "testing.run_threaded", "testing.print_assert_equal",
    "testing.break_cycles", "testing.memusage", "testing.jiffies", "testing.clear_and_catch_warnings",
    "testing.suppress_warnings", "testing.assert_no_gc_cycles", "testing.assert_no_warnings",
    "testing.assert_warns", "testing.assert_raises", "testing.assert_raises_regex",
    "testing.decorate_methods", "testing.runstring", "testing.tempdir", "testing.temppath",
    "testing.extbuild", "testing.overrides", "testing.IS_PYPY", "testing.HAS_REFCOUNT",
    "testing.check_support_sve", "testing.IS_WASM", "testing.IS_MUSL",
}
# ndarray members that are not calls on values (pickling, buffers, NumPy protocols)
_SKIP_METHODS = {
    "__array__", "__array_finalize__", "__array_function__", "__array_ufunc__",
    "__array_wrap__", "__array_namespace__", "__dlpack__", "__dlpack_device__",
    "__reduce__", "__reduce_ex__", "__setstate__", "__deepcopy__", "__copy__", "__iter__",
    "__repr__", "__str__", "__format__", "__sizeof__", "__class_getitem__", "__init_subclass__",
    "__new__", "__init__", "__getstate__", "__subclasshook__", "__delitem__",
    "dump", "dumps", "tofile", "ctypes", "setflags", "getfield", "setfield", "byteswap",
    "to_device", "__buffer__", "__release_buffer__",
}


@dataclasses.dataclass
class Param:
    name: str
    kind: int  # inspect.Parameter kinds
    required: bool
    default_src: str | None = None


@dataclasses.dataclass
class Target:
    qualname: str  # "sum", "linalg.solve", "ndarray.sum", "random.Generator.normal"
    namespace: str
    name: str
    kind: str  # "function", "ufunc", "method", "class"
    np_obj: object
    tnp_obj: object
    params: list

    def __repr__(self):
        return f"Target({self.qualname})"


@functools.lru_cache(maxsize=1)
def _api_signatures():
    try:
        data = json.loads(API_PATH.read_text())
    except OSError:
        return {}
    out = {}
    for ns, entries in data["namespaces"].items():
        key = "" if ns == "numpy" else ns[len("numpy."):] if ns.startswith("numpy.") else ns
        for e in entries:
            if e.get("signature") and "infra" not in e.get("tags", ()):
                out[(key, e["name"])] = (e["signature"], e["kind"])
    return out


class _Default:
    """Stands for a default the signature text cannot spell (``<no value>``, ``<class 'float'>``)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def _params_from_text(sig):
    """Parameters of a signature written as text (``(a, axis=None, /, *, out=None)``)."""
    placeholders = {}

    def sub(m):
        key = f"_D{len(placeholders)}"
        placeholders[key] = _Default(m.group(0))
        return key
    text = re.sub(r"<[^<>]*>", sub, sig)
    ns = dict(placeholders)
    ns.update(np=np, inf=float("inf"), nan=float("nan"))
    try:
        exec(f"def _f{text}: pass", ns)  # noqa: S102 - signature text of NumPy's own listing
    except Exception:  # noqa: BLE001 - defaults that are not expressions: fall back
        return None
    return _params_from_signature(inspect.signature(ns["_f"]))


def _params_from_signature(sig):
    out = []
    for p in sig.parameters.values():
        if p.name == "self":
            continue
        req = p.default is inspect.Parameter.empty and p.kind not in (
            p.VAR_POSITIONAL, p.VAR_KEYWORD)
        dsrc = None if p.default is inspect.Parameter.empty else repr(p.default)
        out.append(Param(p.name, int(p.kind), req, dsrc))
    return out


def _params(namespace, name, np_obj, tnp_obj):
    entry = _api_signatures().get((namespace, name))
    if entry is not None:
        ps = _params_from_text(entry[0])
        if ps is not None:
            return ps
    for obj in (np_obj, tnp_obj):
        try:
            return _params_from_signature(inspect.signature(obj))
        except (TypeError, ValueError):
            continue
    return None


def _np_module(namespace):
    mod = np
    for part in filter(None, namespace.split(".")):
        mod = getattr(mod, part, None)
        if mod is None:
            return None
    return mod


def _is_function_like(obj):
    return callable(obj) and not isinstance(obj, (type, types.ModuleType))


@functools.lru_cache(maxsize=1)
def all_targets():
    """Every fuzz target, sorted by qualified name."""
    out = []
    namespaces = sorted((_plugins.all_namespaces() | {""}) - _SKIP_NAMESPACES)
    for ns in namespaces:
        tmod = _plugins.namespace_module(ns)
        nmod = _np_module(ns)
        if nmod is None:
            continue
        for name in dir(tmod):
            qual = f"{ns}.{name}" if ns else name
            if name.startswith("_") or qual in _SKIP_NAMES or name in _SKIP_NAMES and not ns:
                continue
            tobj = getattr(tmod, name, None)
            nobj = getattr(nmod, name, None)
            if nobj is None or not _is_function_like(tobj) or not _is_function_like(nobj):
                continue
            kind = "ufunc" if isinstance(nobj, np.ufunc) else "function"
            params = _params(ns, name, nobj, tobj)
            if params is None:
                continue
            out.append(Target(qual, ns, name, kind, nobj, tobj, params))
    out.extend(_method_targets("ndarray", np.ndarray, tnp.ndarray))
    out.extend(_method_targets("random.Generator", np.random.Generator,
                               getattr(tnp.random, "Generator", None)))
    out.sort(key=lambda t: t.qualname)
    return tuple(out)


def _method_targets(prefix, np_cls, tnp_cls):
    if tnp_cls is None:
        return []
    out = []
    sigs = _api_signatures()
    for (ns, name), (sig, kind) in sorted(sigs.items()):
        if ns != prefix.split(".")[-1] and ns != prefix:
            continue
        if kind not in ("method", "dunder") or name in _SKIP_METHODS:
            continue
        if not hasattr(np_cls, name) or not hasattr(tnp_cls, name):
            continue
        params = _params_from_text(sig)
        if params is None:
            continue
        out.append(Target(f"{prefix}.{name}", prefix, name, "method", getattr(np_cls, name),
                          getattr(tnp_cls, name), params))
    return out


def find(qualname):
    for t in all_targets():
        if t.qualname == qualname:
            return t
    raise KeyError(qualname)
