"""Entry point of the manipulation plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['', 'lib.stride_tricks']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the manipulation plugin's implementation modules
