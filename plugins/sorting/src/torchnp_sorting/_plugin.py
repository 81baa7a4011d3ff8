"""Entry point of the sorting plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['']


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    from . import _logic_impl, _memory, _sets_impl, _sorting_impl
    for mod in (_sorting_impl, _sets_impl):
        registry.add_module(mod, namespace)
    # shares_memory/may_share_memory need a reversed view's memory, not its copy (see _memory)
    memory = dict(_memory.memory_functions())
    for name in _logic_impl.__all__:
        if name in memory:
            registry.add_function(name, memory[name], namespace, normalize=False)
        else:
            registry.add_function(name, getattr(_logic_impl, name), namespace)
