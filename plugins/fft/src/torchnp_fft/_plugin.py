"""Entry point of the fft plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# the implementation modules, one per section of NumPy's numpy.fft reference
_MODULES = ("_standard_impl", "_real_impl", "_hermitian_impl", "_helper_impl")


@hookimpl
def list_namespaces():
    return ['fft']


@hookimpl
def register_namespace(registry, namespace):
    import importlib
    for name in _MODULES:
        registry.add_module(importlib.import_module(f"torchnp_fft.{name}"), namespace)
