"""Entry point of the utilities plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the utilities plugin's implementation modules
