"""Entry point: declares the namespaces, registers on first use (import-light)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ["special", ""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "special":
        from . import _special_impl
        registry.add_module(_special_impl, namespace="special")
    elif namespace == "":
        from ._special_impl import softmax
        registry.add_function("softmax", softmax)
