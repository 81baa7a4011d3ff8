"""Entry point of the mathroutines plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['', 'emath']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the mathroutines plugin's implementation modules
