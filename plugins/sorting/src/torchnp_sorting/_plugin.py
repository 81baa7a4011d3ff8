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
    import types

    from torchnp._normalize import make_public
    registry.add_module(_sets_impl, namespace)
    # argmax-likes check out= as NumPy does (safe cast to int64, exact shape); see
    # _sorting_impl.checked_arg_out
    arg_out = {"argmax", "argmin", "nanargmax", "nanargmin"}
    for name in _sorting_impl.__all__:
        fn = getattr(_sorting_impl, name)
        if name in arg_out:
            fn = _sorting_impl.checked_arg_out(make_public(fn, name, "torchnp"))
            registry.add_function(name, fn, namespace, normalize=False)
        elif isinstance(fn, types.FunctionType):
            registry.add_function(name, fn, namespace)
        else:
            registry.add_object(name, fn, namespace)
    # shares_memory/may_share_memory need a reversed view's memory, not its copy (see _memory)
    memory = dict(_memory.memory_functions())
    for name in _logic_impl.__all__:
        if name in memory:
            registry.add_function(name, memory[name], namespace, normalize=False)
        else:
            registry.add_function(name, getattr(_logic_impl, name), namespace)
