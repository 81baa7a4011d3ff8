"""Control which installed plugins provide torchnp's names (call before first use)."""
from __future__ import annotations

from . import _plugins
from ._compare import CompareError, CompareWarning

__all__ = ["block", "select", "load_only", "register", "compare", "info", "conflicts",
           "CompareError", "CompareWarning"]


def block(*plugins):
    """Never load these plugins (entry-point names). Same as ``TORCHNP_BLOCK_PLUGINS``."""
    _plugins._check_not_loaded("block")
    _plugins._state.blocked.update(plugins)


def load_only(*plugins):
    """Load only these plugins. Same as ``TORCHNP_LOAD_PLUGINS``."""
    _plugins._check_not_loaded("load_only")
    _plugins._state.only = set(plugins)


def select(plugin, *, namespace=None, name=None):
    """Make ``plugin`` provide a namespace's names (or one name) where several plugins do.

    ``name`` is a public path below torchnp: ``"sum"`` or ``"linalg.solve"``;
    ``namespace=""`` is the main namespace (``TORCHNP_SELECT=torchnp=plugin``).
    Same as ``TORCHNP_SELECT=namespace=plugin`` / ``TORCHNP_SELECT=name=plugin``.
    """
    _plugins._check_not_loaded("select")
    if (namespace is None) == (name is None):
        raise TypeError("select() takes exactly one of namespace= or name=")
    _plugins._state.select[namespace if namespace is not None else name] = plugin


def compare(*keys, action="raise"):
    """Compare mode for these namespaces or names (``"linalg"``, ``"fft"``, ``"sum"``; ``""``: main).

    Every call runs through the chosen plugin and the ``reference`` plugin (NumPy);
    the first difference in value, dtype, shape, scalar-ness or exception class
    raises ``CompareError`` (``action="warn"``: warns ``CompareWarning``). Same as
    ``TORCHNP_COMPARE=linalg,fft`` and ``TORCHNP_COMPARE_ACTION=raise|warn``.
    """
    _plugins._check_not_loaded("compare")
    if action not in ("raise", "warn"):
        raise ValueError(f"compare(action=...): expected 'raise' or 'warn', got {action!r}")
    _plugins._state.compare.update(keys)
    _plugins._state.compare_action = action


def register(name, module):
    """Register a plugin module from code (no entry point), before first use."""
    _plugins._check_not_loaded("register")
    _plugins._state.extra_plugins.append((name, module))


def info():
    """A list of dicts, one per installed plugin (what ``python -m torchnp plugins`` prints)."""
    with _plugins._state.lock:
        if not _plugins._state.loaded:
            _plugins._load_plugins()
    st = _plugins._state
    rows = []
    for key, p in sorted(st.plugins.items()):
        rows.append({
            "name": p.name, "entry_point": p.module_name, "distribution": p.distribution,
            "version": p.version, "namespaces": list(p.namespaces), "names": dict(p.names),
            "blocked": p.blocked, "builtin": p.builtin, "error": p.error, "dormant": p.dormant,
            "selected_for": sorted(k for k, v in st.select.items() if v == p.name),
        })
    return rows


def conflicts():
    """(namespace, name, winner, losers) for every name several plugins provide (so far)."""
    return list(_plugins._state.conflicts)
