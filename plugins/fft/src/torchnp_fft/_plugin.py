"""Entry point of the fft plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ['fft']


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the fft plugin's implementation modules
