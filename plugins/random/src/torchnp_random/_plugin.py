"""Entry point of the random plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['random']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the random plugin's implementation modules
