"""Entry point of the linalg plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['linalg']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the linalg plugin's implementation modules
