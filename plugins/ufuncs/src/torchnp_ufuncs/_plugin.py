"""Entry point of the ufuncs plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    from . import _errstate_impl, _ufuncs_impl
    registry.add_module(_ufuncs_impl, namespace)
    registry.add_module(_errstate_impl, namespace)
