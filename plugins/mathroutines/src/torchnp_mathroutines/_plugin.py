"""Entry point of the mathroutines plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

_IMPL_MODULES = ("_mathematical_impl", "_linalg_impl", "_bitwise_impl", "_window_impl")


@hookimpl
def list_namespaces():
    return ["", "emath"]


@hookimpl
def register_namespace(registry, namespace):
    import importlib
    if namespace == "emath":
        from . import _emath_impl
        registry.add_module(_emath_impl, "emath")
        return
    if namespace != "":
        return
    for name in _IMPL_MODULES:
        registry.add_module(importlib.import_module(f"torchnp_mathroutines.{name}"), "")
    from . import _registration
    _registration.register_main(registry)
