"""Plugin discovery, selection and lazy namespace assembly.

Entry points in the group ``torchnp`` name plugin modules. Nothing here runs at
``import torchnp``; the first access to a missing name in any torchnp namespace
calls ``ensure_namespace``, which (once, under a lock) reads the entry points,
imports the small plugin modules, and asks the plugins that contribute to that
namespace to register their names. The public objects are then written into the
namespace module's globals, so later lookups are plain attribute access.

Selection and blocking (before first use):
- ``TORCHNP_LOAD_PLUGINS=a,b``: load only these plugins (by entry-point name).
- ``TORCHNP_BLOCK_PLUGINS=a,b``: never load these.
- ``TORCHNP_SELECT=linalg=myplug,sum=other,linalg.solve=third``: which plugin
  provides a namespace's names, or one name, when several provide it
  (``torchnp=P``: the main namespace).
- ``TORCHNP_COMPARE=linalg,fft`` (``TORCHNP_COMPARE_ACTION=raise|warn``): compare
  mode (``torchnp._compare``): each call in these namespaces (or of these names)
  runs through the chosen plugin and the ``reference`` plugin.
- ``torchnp.plugins.block/select/load_only/compare`` do the same from code.

Opt-in plugins (``reference``: NumPy itself) are loaded only when something asks
for them: a selection naming them, ``TORCHNP_LOAD_PLUGINS`` listing them, or
compare mode. They never win a conflict by the default rule and their overlaps
with other plugins are not recorded as conflicts.

Conflict rule, when two plugins provide one name and no selection applies:
built-in plugins win over third-party ones; between two of the same kind, the
entry-point name that sorts first wins. Every conflict is recorded and shown by
``python -m torchnp plugins``.
"""
from __future__ import annotations

import gc
import importlib
import importlib.metadata
import os
import sys
import threading
import types
import warnings
from ._known_names import BUILTIN_PLUGINS, distribution_for
from .exceptions import PluginError, PluginWarning

__all__ = ["Registry", "ensure_namespace", "namespace_module"]

GROUP = "torchnp"
# plugins loaded only on request; they shadow every namespace (see the module docstring)
OPT_IN_PLUGINS = frozenset({"reference"})
# namespaces compare mode refuses: the reference's answers differ there by design
_NOT_COMPARABLE = {"random": "torchnp's random streams differ from NumPy's by design "
                             "(docs/DIFFERENCES.md); select reference for random instead"}


class _Entry:
    __slots__ = ("name", "value", "plugin", "normalize", "group")

    def __init__(self, name, value, plugin, normalize, group=None):
        self.name, self.value, self.plugin, self.normalize = name, value, plugin, normalize
        self.group = group  # a _Group: the value is registered when a name of it is first used


class _Group:
    """Names a plugin declared with ``Registry.add_lazy``; registered on first use of one."""

    __slots__ = ("names", "register", "plugin", "namespace", "entries", "error")

    def __init__(self, names, register, plugin, namespace):
        self.names, self.register, self.plugin, self.namespace = names, register, plugin, namespace
        self.entries = None  # name -> _Entry, once registered
        self.error = None


class PluginInfo:
    """What is known about one installed plugin."""

    def __init__(self, name, module_name, dist, version, ep_dist=None):
        self.name = name
        self.module_name = module_name
        self._distribution = dist
        self._version = version
        self._ep_dist = ep_dist  # read lazily: parsing METADATA costs ~0.5 ms per plugin
        self.module = None
        self.namespaces = ()
        self.error = None
        self.broken = False  # failed to load, or a register_namespace raised: asked no more
        self.blocked = False
        self.dormant = False  # an opt-in plugin nobody asked for: not loaded
        self.names = {}  # namespace -> count of names registered

    def _read_dist(self):
        d, self._ep_dist = self._ep_dist, None
        if d is not None:
            try:
                self._distribution, self._version = d.metadata["Name"], d.version
            except Exception:  # noqa: BLE001 - a broken METADATA must not break loading
                self._distribution, self._version = "?", "?"

    @property
    def distribution(self):
        self._read_dist()
        return self._distribution

    @property
    def version(self):
        self._read_dist()
        return self._version

    @property
    def builtin(self):
        return self.name in BUILTIN_PLUGINS


class Registry:
    """Collects what plugins register; handed to ``register_namespace``."""

    def __init__(self, state):
        self._state = state
        self._current = None  # plugin being registered

    def add_module(self, module, namespace=""):
        """Add every name in ``module.__all__`` (functions are normalized)."""
        names = getattr(module, "__all__", None)
        if names is None:
            raise PluginError(f"plugin {self._current!r}: module {module.__name__} has no __all__")
        for name in names:
            try:
                value = getattr(module, name)
            except AttributeError:
                raise PluginError(f"plugin {self._current!r}: {module.__name__}.__all__ lists "
                                  f"{name!r}, which the module does not define") from None
            if isinstance(value, types.FunctionType):
                self.add_function(name, value, namespace)
            else:
                self.add_object(name, value, namespace)

    def add_function(self, name, impl, namespace="", normalize=True):
        """Add one function; with ``normalize`` it goes through the normalizer pipeline."""
        if not callable(impl):
            raise PluginError(f"plugin {self._current!r}: {name!r} is not callable")
        self._add(name, impl, namespace, normalize)

    def add_object(self, name, value, namespace=""):
        """Add a class, constant or other object as is."""
        self._add(name, value, namespace, False)

    def add_lazy(self, names, register, namespace=""):
        """Declare ``names`` (an iterable or a space-separated string) without importing them.

        ``register(registry)`` is called once, on the first use of any of these names,
        and adds them with ``add_module``/``add_function``/``add_object`` (into
        ``namespace``), as ``register_namespace`` would: a plugin imports its
        implementation modules only when one of their names is used. ``register`` may
        be a module's dotted name instead: that module is imported and added with
        ``add_module``.
        """
        if isinstance(names, str):
            names = names.split()
        names = tuple(names)
        if isinstance(register, str):
            register = _AddModule(register, namespace)
        if not callable(register):
            raise PluginError(f"plugin {self._current!r}: add_lazy needs a callable or a "
                              f"module name, not {register!r}")
        group = _Group(frozenset(names), register, self._current, namespace)
        for name in names:
            self._add(name, None, namespace, None, group)

    def _add(self, name, value, namespace, normalize, group=None):
        if not isinstance(name, str) or not name.isidentifier():
            raise PluginError(f"plugin {self._current!r}: invalid name {name!r}")
        pending = self._state.pending.setdefault(namespace, {})
        pending.setdefault(name, []).append(_Entry(name, value, self._current, normalize, group))


class _AddModule:
    """``add_lazy``'s register function for a module name: import it, ``add_module`` it."""

    __slots__ = ("module", "namespace")

    def __init__(self, module, namespace):
        self.module, self.namespace = module, namespace

    def __call__(self, registry):
        import importlib
        registry.add_module(importlib.import_module(self.module), self.namespace)


class _State:
    def __init__(self):
        self.lock = threading.RLock()
        self.loaded = False
        self.pm = None
        self.plugins = {}  # entry-point name -> PluginInfo
        self.namespaces_done = set()
        self.pending = {}
        self.conflicts = []  # (namespace, name, winner, losers)
        self.deferred = {}  # namespace -> {name: (chosen _Entry, candidates)}: not yet made
        self.blocked = set(_env_list("TORCHNP_BLOCK_PLUGINS"))
        only = _env_list("TORCHNP_LOAD_PLUGINS")
        self.only = set(only) if only else None
        self.select = dict(_env_select())
        self.compare = {_env_key(k) for k in _env_list("TORCHNP_COMPARE")}
        self.compare_action = os.environ.get("TORCHNP_COMPARE_ACTION", "raise").strip() or "raise"
        self.extra_plugins = []  # (name, module) registered from code, before first use


def _env_list(var):
    return [x.strip() for x in os.environ.get(var, "").split(",") if x.strip()]


def _env_select():
    for item in _env_list("TORCHNP_SELECT"):
        key, sep, plugin = item.partition("=")
        if not sep:
            raise PluginError(f"TORCHNP_SELECT: expected KEY=PLUGIN, got {item!r}")
        yield _env_key(key.strip()), plugin.strip()


def _env_key(key):
    """``torchnp`` names the main namespace in TORCHNP_SELECT/TORCHNP_COMPARE ("" in code)."""
    return "" if key == "torchnp" else key


_state = _State()


def _check_not_loaded(what):
    if _state.loaded:
        raise RuntimeError(f"torchnp.plugins.{what}() must be called before the first use of a "
                           "torchnp namespace (plugins are already loaded)")


def _load_plugins():
    """Read entry points and import the plugin modules (once)."""
    import pluggy  # not at import time: only plugin loading needs it

    from . import hookspecs
    st = _state
    _check_compare(st)
    pm = pluggy.PluginManager("torchnp")
    hookspecs.mark_specs()
    pm.add_hookspecs(hookspecs)
    seen = set()
    eps = sorted(importlib.metadata.entry_points(group=GROUP), key=lambda e: (e.name, e.value))
    candidates = []
    for ep in eps:
        if (ep.name, ep.value) in seen:
            continue  # the all-in-one and a split distribution may both declare it
        seen.add((ep.name, ep.value))
        info = PluginInfo(ep.name, ep.value, "?", "?", getattr(ep, "dist", None))
        candidates.append((info, ep.load))
    for name, module in st.extra_plugins:
        info = PluginInfo(name, getattr(module, "__name__", repr(module)), "(registered in code)", "")
        candidates.append((info, lambda m=module: m))
    for info, load in candidates:
        if info.name in st.plugins:
            other = st.plugins[info.name]
            info.error = f"entry-point name {info.name!r} already used by {other.module_name}"
            st.plugins[f"{info.name} ({info.module_name})"] = info
            continue
        st.plugins[info.name] = info
        if info.name in st.blocked or (st.only is not None and info.name not in st.only):
            info.blocked = True
            continue
        if info.name in OPT_IN_PLUGINS and not _wanted(st, info.name):
            info.dormant = True
            continue
        try:
            module = load()
            pm.register(module, name=info.name)
            info.module = module
            info.namespaces = tuple(_call_one(pm, info.name, "list_namespaces") or ())
        except Exception as exc:  # noqa: BLE001 - one broken plugin must not break the others
            info.error = f"{type(exc).__name__}: {exc}"
            info.broken = True
            warnings.warn(f"torchnp plugin {info.name!r} ({info.distribution}) failed to load: "
                          f"{info.error}", PluginWarning, stacklevel=4)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        warnings.warn(f"torchnp: {exc}", PluginWarning, stacklevel=4)
    st.pm = pm
    st.loaded = True


def _wanted(st, name):
    """Whether an opt-in plugin was asked for."""
    return ((st.only is not None and name in st.only) or name in st.select.values()
            or (name == "reference" and bool(st.compare)))


def _check_compare(st):
    if st.compare_action not in ("raise", "warn"):
        raise PluginError(f"TORCHNP_COMPARE_ACTION: expected 'raise' or 'warn', got "
                          f"{st.compare_action!r}")
    for key in st.compare:
        top = key.split(".")[0]
        if top in _NOT_COMPARABLE:
            raise PluginError(f"TORCHNP_COMPARE={key}: {top} cannot be compared: "
                              f"{_NOT_COMPARABLE[top]}")


def _compared(namespace, name):
    """Whether compare mode covers ``namespace``'s ``name``."""
    keys = _state.compare
    full = f"{namespace}.{name}" if namespace else name
    if full in keys or namespace in keys:
        return True
    parts = namespace.split(".")
    return any(".".join(parts[:i]) in keys for i in range(1, len(parts)))


def _call_one(pm, plugin_name, hook):
    plugin = pm.get_plugin(plugin_name)
    impl = getattr(plugin, hook, None)
    if impl is None:
        return None
    return impl()


def _priority(info):
    return (2 if info.name in OPT_IN_PLUGINS else 0 if info.builtin else 1, info.name)


def _choose(namespace, name, entries):
    st = _state
    for key in ((f"{namespace}.{name}" if namespace else name), namespace):
        plugin = st.select.get(key)
        if plugin is not None:
            for e in entries:
                if e.plugin == plugin:
                    return e
    return min(entries, key=lambda e: _priority(st.plugins[e.plugin]))


def ensure_namespace(namespace):
    """Assemble ``namespace`` (once): load plugins, register, publish names."""
    st = _state
    if namespace in st.namespaces_done:
        return
    with st.lock:
        if namespace in st.namespaces_done:
            return
        # Assembly allocates many small objects; with torch loaded a full collection
        # walks millions of objects (~80 ms), and one usually triggers right here.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            _assemble(namespace)
        finally:
            if paused:
                gc.enable()


def _assemble(namespace):
    """Register the plugins' names of ``namespace`` and choose a provider for each.

    The public objects are made later, one name at a time, on first use
    (``_materialize``): most programs use a few dozen of a namespace's hundreds of
    names, and making a wrapper (or importing the module behind a lazy group)
    costs more than choosing it.
    """
    st = _state
    if not st.loaded:
        _load_plugins()
    registry = Registry(st)
    st.pending = {}
    for info in sorted(st.plugins.values(), key=_priority):
        if info.module is None or info.broken or namespace not in info.namespaces:
            continue
        registry._current = info.name
        before = {ns: {k: list(v) for k, v in d.items()} for ns, d in st.pending.items()}
        try:
            info.module.register_namespace(registry=registry, namespace=namespace)
        except Exception as exc:  # noqa: BLE001
            st.pending = before  # drop whatever the failing plugin half-registered
            info.error = f"register_namespace({namespace!r}) raised {type(exc).__name__}: {exc}"
            info.broken = True
            warnings.warn(f"torchnp plugin {info.name!r} failed: {info.error}", PluginWarning,
                          stacklevel=4)
    entries = st.pending.get(namespace, {})
    st.pending = {}
    mod = namespace_module(namespace)
    published = _published.get(namespace, ())
    deferred = st.deferred.setdefault(namespace, {})
    core = _CORE_LAZY if not namespace else {}
    for name, cands in entries.items():
        # core's own names (asarray, dtype, ...) are never replaced by a plugin's
        if name in core or (name in mod.__dict__ and name not in published):
            continue
        chosen = _choose(namespace, name, cands)
        losers = [e.plugin for e in cands if e is not chosen and e.plugin not in OPT_IN_PLUGINS]
        if losers:
            st.conflicts.append((namespace, name, chosen.plugin, losers))
        deferred[name] = (chosen, cands)
        counts = st.plugins[chosen.plugin].names
        counts[namespace] = counts.get(namespace, 0) + 1
    st.namespaces_done.add(namespace)


def _resolve(entry):
    """``entry``, or for a name of a lazy group the entry its ``register`` added (the group
    registers on first need); None, with a PluginWarning, where that fails."""
    group = entry.group
    if group is None:
        return entry
    if group.entries is None and group.error is None:
        st = _state
        registry = Registry(st)
        registry._current = group.plugin
        saved, st.pending = st.pending, {}
        try:
            group.register(registry)
            got = st.pending.get(group.namespace, {})
            group.entries = {n: e[-1] for n, e in got.items()}
            extra = sorted(set(got) - group.names)
            if extra:  # they cannot be published: nothing chose a provider for them
                warnings.warn(f"torchnp plugin {group.plugin!r}: a lazy group registered names "
                              f"it did not declare to add_lazy (left out): {', '.join(extra)}",
                              PluginWarning, stacklevel=5)
        except Exception as exc:  # noqa: BLE001 - one broken group must not break the others
            group.error = (f"registering {', '.join(sorted(group.names)[:3])}"
                           f"{', ...' if len(group.names) > 3 else ''} raised "
                           f"{type(exc).__name__}: {exc}")
            info = st.plugins.get(group.plugin)
            if info is not None:
                info.error = group.error
            warnings.warn(f"torchnp plugin {group.plugin!r} failed: {group.error}", PluginWarning,
                          stacklevel=5)
        finally:
            st.pending = saved
    if group.entries is None:
        return None
    got = group.entries.get(entry.name)
    if got is None or got.group is not None:
        info = _state.plugins.get(group.plugin)
        msg = f"declared {entry.name!r} with add_lazy but its register function did not add it"
        if info is not None:
            info.error = msg
        warnings.warn(f"torchnp plugin {group.plugin!r}: {msg}", PluginWarning, stacklevel=5)
        return None
    return got


def _materialize(namespace, name, module_globals):
    """Make the public object of a registered ``name`` of ``namespace`` and publish it.

    Returns it, or ``_MISSING`` where no plugin provides the name (or making it failed:
    then a PluginWarning names the plugin and the cause).
    """
    st = _state
    with st.lock:
        if name in module_globals:  # another thread made it meanwhile
            return module_globals[name]
        item = st.deferred.get(namespace, {}).pop(name, None)
        if item is None:
            return _MISSING
        chosen, cands = item
        paused = gc.isenabled()
        if paused:
            gc.disable()  # a group's registration imports modules: many small objects
        try:
            entry = _resolve(chosen)
            if entry is None:
                return _MISSING
            module_name = "torchnp" + (f".{namespace}" if namespace else "")
            try:
                if entry.normalize:
                    from ._normalize import make_public
                    value = make_public(entry.value, name, module_name)
                else:
                    value = entry.value
                if st.compare and entry.plugin != "reference" and _compared(namespace, name):
                    value = _compare_with_reference(value, cands, namespace, name, entry.plugin,
                                                    module_name)
            except Exception as exc:  # noqa: BLE001
                info = st.plugins[entry.plugin]
                info.error = f"invalid registration of {name!r}: {exc}"
                warnings.warn(f"torchnp plugin {entry.plugin!r}: {info.error}", PluginWarning,
                              stacklevel=4)
                return _MISSING
        finally:
            if paused:
                gc.enable()
        module_globals[name] = value
        _published.setdefault(namespace, set()).add(name)
        return value


def materialize_all(namespace):
    """Make every public object of ``namespace`` now (``dir``-complete modules, the CLI)."""
    ensure_namespace(namespace)
    module_globals = namespace_module(namespace).__dict__
    for name in list(_state.deferred.get(namespace, ())):
        _materialize(namespace, name, module_globals)


_MISSING = object()
# the core's own functions of the main namespace (array creation), made on first use:
# name -> (impl, public name); filled by torchnp/__init__.py
_CORE_LAZY: dict = {}


def _core_name(name, module_globals):
    with _state.lock:
        if name in module_globals:
            return module_globals[name]
        from ._normalize import make_public
        impl = _CORE_LAZY[name]
        value = module_globals[name] = make_public(impl, name, "torchnp")
        return value


def _compare_with_reference(value, cands, namespace, name, plugin, module_name):
    """``value`` wrapped by compare mode, when the reference plugin provides ``name`` too."""
    ref = next((e for e in cands if e.plugin == "reference"), None)
    if ref is None or isinstance(value, type) or not callable(value):
        return value  # classes and constants are not compared; names NumPy lacks neither
    ref = _resolve(ref)
    if ref is None:
        return value
    from ._compare import compared
    from ._normalize import make_public
    theirs = make_public(ref.value, name, module_name) if ref.normalize else ref.value
    qualname = f"{namespace}.{name}" if namespace else name
    return compared(value, theirs, qualname, _state.compare_action, plugin)


_published: dict = {}
# namespace stubs that ship with core (torchnp/linalg.py …): always importable
_CORE_SUBMODULES = frozenset({"linalg", "fft", "random", "testing", "emath"})
# core modules that are not namespaces
_REAL_SUBMODULES = frozenset({"plugins", "hookspecs", "exceptions"})


def all_namespaces():
    """Every namespace some loaded plugin contributes to."""
    with _state.lock:
        if not _state.loaded:
            _load_plugins()
    out = set()
    for info in _state.plugins.values():
        for ns in info.namespaces:
            parts = ns.split(".")
            out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def namespace_module(namespace):
    """The module object of ``namespace``, creating dynamic submodules on demand."""
    module_name = "torchnp" + (f".{namespace}" if namespace else "")
    mod = sys.modules.get(module_name)
    # a module another thread is still importing is in sys.modules without its
    # __getattr__ yet: import_module waits for that import to finish
    if mod is None or getattr(getattr(mod, "__spec__", None), "_initializing", False):
        try:
            mod = importlib.import_module(module_name)
        except ModuleNotFoundError:
            mod = _make_dynamic_module(namespace)
    return mod


def _make_dynamic_module(namespace):
    module_name = "torchnp." + namespace
    mod = types.ModuleType(module_name, f"torchnp.{namespace}: names provided by plugins.")
    mod.__path__ = []  # a package, so nested namespaces import (import torchnp.polynomial.chebyshev)
    install_lazy_getattr(mod.__dict__, namespace)
    sys.modules[module_name] = mod
    parent_name, _, child = module_name.rpartition(".")
    parent = sys.modules.get(parent_name) or namespace_module(parent_name[len("torchnp."):] if "." in parent_name else "")
    setattr(parent, child, mod)
    return mod


def missing_name_error(namespace, name):
    module_name = "torchnp" + (f".{namespace}" if namespace else "")
    msg = f"module {module_name!r} has no attribute {name!r}"
    dist = distribution_for(namespace, name)
    if dist is not None:
        blocked = [i.name for i in _state.plugins.values()
                   if i.blocked and (BUILTIN_PLUGINS.get(i.name) == dist or i.distribution == dist)]
        present = [i.name for i in _state.plugins.values() if not i.blocked
                   and (BUILTIN_PLUGINS.get(i.name) == dist or i.distribution == dist)]
        if blocked:
            msg += (f"; it is provided by the distribution {dist!r}, whose plugin "
                    f"{', '.join(blocked)} is blocked")
        elif present:
            msg += (f"; it should come from the plugin {', '.join(present)} of the distribution "
                    f"{dist!r}, which is installed but did not provide it")
        else:
            msg += f"; it is provided by the distribution {dist!r} (pip install {dist})"
    broken = [f"{i.name}: {i.error}" for i in _state.plugins.values()
              if i.error and (namespace in i.namespaces or not i.namespaces)]
    if broken:
        msg += "; plugins that failed to load: " + "; ".join(broken)
    return AttributeError(msg)


def _star_names(namespace, module_globals):
    """``__all__`` of a namespace, made on first ``from torchnp... import *``.

    NumPy's own list for the namespace (stored in ``_numpy_all``) less the names
    torchnp does not provide; for namespaces NumPy lacks, every public name.
    """
    from ._numpy_all import NUMPY_ALL
    mod = sys.modules[module_globals["__name__"]]
    listed = NUMPY_ALL.get(namespace)
    if listed is None:
        ensure_namespace(namespace)
        names = sorted(n for n in module_globals if not n.startswith("_"))
    else:
        names = []
        for n in listed:
            try:
                getattr(mod, n)
            except AttributeError:
                continue
            names.append(n)
    module_globals["__all__"] = names
    return names


def install_lazy_getattr(module_globals, namespace):
    """Give a namespace module PEP 562 ``__getattr__``/``__dir__`` backed by the registry."""

    def __getattr__(name):
        if name == "__all__":
            return _star_names(namespace, module_globals)
        if name.startswith("_") or (not namespace and name in _REAL_SUBMODULES):
            # private names and core's own submodules (``from torchnp import plugins``,
            # ``from torchnp import _run``) are never plugin names: answering at once lets
            # the import system import the submodule without loading any plugin
            raise AttributeError(f"module {module_globals['__name__']!r} has no attribute {name!r}")
        # a submodule is found without assembling this namespace (torchnp.linalg
        # must not load the main namespace's plugins)
        if not namespace and name in _CORE_LAZY:
            return _core_name(name, module_globals)
        sub = f"{namespace}.{name}" if namespace else name
        if sub in _CORE_SUBMODULES or sub in all_namespaces():
            return namespace_module(sub)
        ensure_namespace(namespace)
        try:
            return module_globals[name]
        except KeyError:
            pass
        value = _materialize(namespace, name, module_globals)
        if value is not _MISSING:
            return value
        raise missing_name_error(namespace, name)

    def __dir__():
        ensure_namespace(namespace)
        names = set(module_globals)
        names.update(_state.deferred.get(namespace, ()))
        if not namespace:
            names.update(_CORE_LAZY)
        prefix = f"{namespace}." if namespace else ""
        for ns in all_namespaces():
            if ns.startswith(prefix) and ns != namespace and "." not in ns[len(prefix):]:
                names.add(ns[len(prefix):])
        return sorted(n for n in names if not n.startswith("_"))

    module_globals["__getattr__"] = __getattr__
    module_globals["__dir__"] = __dir__


class _SubmoduleFinder:
    """Lets ``import torchnp.special`` find a namespace that only plugins define."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not fullname.startswith("torchnp.") or fullname.count(".") < 1:
            return None
        ns = fullname[len("torchnp."):]
        if ns.split(".")[0].startswith("_") or ns in ("plugins",):
            return None
        if ns not in all_namespaces():
            return None
        import importlib.util
        # is_package: nested plugin namespaces (torchnp.polynomial.chebyshev) import too
        return importlib.util.spec_from_loader(fullname, _DynamicLoader(ns), is_package=True)


class _DynamicLoader:
    def __init__(self, namespace):
        self.namespace = namespace

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        install_lazy_getattr(module.__dict__, self.namespace)
        module.__doc__ = f"torchnp.{self.namespace}: names provided by plugins."


def install_finder():
    if _SubmoduleFinder not in sys.meta_path:
        sys.meta_path.append(_SubmoduleFinder)


def reset_for_tests():
    """Forget every loaded plugin and published name (tests use this with a fresh env)."""
    global _state
    with _state.lock:
        for ns, names in _published.items():
            mod = sys.modules.get("torchnp" + (f".{ns}" if ns else ""))
            if mod is not None:
                for n in names:
                    mod.__dict__.pop(n, None)
                if "__getattr__" in mod.__dict__:
                    mod.__dict__.pop("__all__", None)  # made from the published names
        _published.clear()
        _state = _State()
