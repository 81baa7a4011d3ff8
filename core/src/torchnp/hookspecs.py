"""The torchnp plugin contract: the hooks a plugin may implement.

A plugin is a module named by an entry point in the group ``torchnp``::

    [project.entry-points."torchnp"]
    linalg = "torchnp_linalg._plugin"

That module must stay cheap to import (no implementation modules at its top
level): torchnp imports it on the first access to *any* namespace, to learn
which namespaces it contributes to, and only then asks it to register names for
the namespace being used.
"""
import pluggy

hookspec = pluggy.HookspecMarker("torchnp")
hookimpl = pluggy.HookimplMarker("torchnp")


@hookspec
def list_namespaces():
    """Return the namespaces this plugin contributes names to.

    A namespace is a dotted path below ``torchnp``: ``""`` is the main namespace
    (``torchnp.sum``), ``"linalg"`` is ``torchnp.linalg``, and a new name such as
    ``"special"`` creates the submodule ``torchnp.special``. Called once, when
    plugins are first loaded; must not import implementation modules.
    """


@hookspec
def register_namespace(registry, namespace):
    """Add this plugin's names in ``namespace`` to ``registry``.

    Called once per namespace, on the first access to a name in it, only for
    plugins whose ``list_namespaces()`` includes ``namespace``. Import the
    implementation modules here and hand them over with
    ``registry.add_module(module, namespace)``,
    ``registry.add_function(name, impl, namespace, normalize=True)`` or
    ``registry.add_object(name, value, namespace)``. The return value is ignored.
    """
