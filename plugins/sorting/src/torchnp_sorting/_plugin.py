"""Entry point of the sorting plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['']


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    from . import _logic_impl, _sets_impl, _sorting_impl
    for mod in (_logic_impl, _sorting_impl, _sets_impl):
        registry.add_module(mod, namespace)
