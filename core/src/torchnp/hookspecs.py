"""The torchnp plugin contract: the hooks a plugin may implement.

A plugin is a module named by an entry point in the group ``torchnp``::

    [project.entry-points."torchnp"]
    linalg = "torchnp_linalg._plugin"

That module must stay cheap to import (no implementation modules at its top
level): torchnp imports it on the first access to *any* namespace, to learn
which namespaces it contributes to, and only then asks it to register names for
the namespace being used.
"""


class _LazyMarker:
    """pluggy's ``HookspecMarker``/``HookimplMarker`` for project "torchnp", made on first use.

    ``import torchnp`` must not import pluggy (a few ms); plugin loading does.
    Calling the marker (``@hookimpl``, ``@hookimpl(tryfirst=True)``) or reading
    any attribute of it gives pluggy's real marker's behaviour.
    """

    __slots__ = ("_kind", "_real")

    def __init__(self, kind):
        self._kind = kind
        self._real = None

    def _marker(self):
        if self._real is None:
            import pluggy
            self._real = getattr(pluggy, self._kind)("torchnp")
        return self._real

    def __call__(self, *args, **kwargs):
        return self._marker()(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._marker(), name)

    def __repr__(self):
        return f"<torchnp {self._kind} (pluggy, created on first use)>"


hookspec = _LazyMarker("HookspecMarker")
hookimpl = _LazyMarker("HookimplMarker")

_SPECS: list = []


def _spec(function):
    """Record a hook of this module; ``mark_specs`` applies ``hookspec`` when plugins load."""
    _SPECS.append(function)
    return function


def mark_specs():
    """Mark this module's hooks with pluggy's ``hookspec`` (called before ``add_hookspecs``)."""
    for function in _SPECS:
        hookspec(function)


@_spec
def list_namespaces():
    """Return the namespaces this plugin contributes names to.

    A namespace is a dotted path below ``torchnp``: ``""`` is the main namespace
    (``torchnp.sum``), ``"linalg"`` is ``torchnp.linalg``, and a new name such as
    ``"special"`` creates the submodule ``torchnp.special``. Called once, when
    plugins are first loaded; must not import implementation modules.
    """


@_spec
def register_namespace(registry, namespace):
    """Add this plugin's names in ``namespace`` to ``registry``.

    Called once per namespace, on the first access to a name in it, only for
    plugins whose ``list_namespaces()`` includes ``namespace``. Import the
    implementation modules here and hand them over with
    ``registry.add_module(module, namespace)``,
    ``registry.add_function(name, impl, namespace, normalize=True)`` or
    ``registry.add_object(name, value, namespace)``. The return value is ignored.
    """
