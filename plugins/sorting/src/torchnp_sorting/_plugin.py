"""Entry point of the sorting plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "_sets_impl": (
        "unique unique_all unique_counts unique_inverse unique_values intersect1d union1d "
        "setdiff1d setxor1d isin"),
    "_sorting_impl": (
        "sort argsort lexsort partition argpartition sort_complex searchsorted argmax argmin "
        "nanargmax nanargmin count_nonzero"),
    "_logic_impl": (
        "all any isclose allclose array_equal array_equiv iscomplex iscomplexobj isreal "
        "isrealobj isscalar isneginf isposinf isfortran may_share_memory shares_memory"),
}


def _register_sorting(registry):
    import types

    from torchnp._normalize import make_public

    from . import _sorting_impl
    # argmax-likes check out= as NumPy does (safe cast to int64, exact shape); see
    # _sorting_impl.checked_arg_out
    arg_out = {"argmax", "argmin", "nanargmax", "nanargmin"}
    for name in _sorting_impl.__all__:
        fn = getattr(_sorting_impl, name)
        if name in arg_out:
            fn = _sorting_impl.checked_arg_out(make_public(fn, name, "torchnp"))
            registry.add_function(name, fn, normalize=False)
        elif isinstance(fn, types.FunctionType):
            registry.add_function(name, fn)
        else:
            registry.add_object(name, fn)


def _register_logic(registry):
    from . import _logic_impl, _memory
    # shares_memory/may_share_memory need a reversed view's memory, not its copy (see _memory)
    memory = dict(_memory.memory_functions())
    for name in _logic_impl.__all__:
        if name in memory:
            registry.add_function(name, memory[name], normalize=False)
        else:
            registry.add_function(name, getattr(_logic_impl, name))


_REGISTER = {"_sets_impl": f"{__package__}._sets_impl", "_sorting_impl": _register_sorting,
             "_logic_impl": _register_logic}


@hookimpl
def list_namespaces():
    return ['']


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    for module, names in _GROUPS.items():
        registry.add_lazy(names, _REGISTER[module])
