"""Entry point of the random plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ["random"]


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "random":
        return
    from . import _bit_generator_impl, _generator_impl, _legacy_impl
    # Classes, and the bound methods of the global RandomState, are registered as
    # they are: they convert their own arguments (a method cannot go through the
    # tag pipeline), so the module functions are exactly RandomState's methods.
    for mod in (_bit_generator_impl, _generator_impl, _legacy_impl):
        for name in mod.__all__:
            registry.add_object(name, getattr(mod, name), namespace)
