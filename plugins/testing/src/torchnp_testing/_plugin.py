"""Entry point of the testing plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['testing']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the testing plugin's implementation modules
