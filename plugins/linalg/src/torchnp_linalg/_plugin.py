"""Entry point of the linalg plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# the implementation modules, one per section of NumPy's numpy.linalg reference
_MODULES = ("_exceptions_impl", "_products_impl", "_decompositions_impl", "_eigenvalues_impl",
            "_norms_impl", "_solve_impl", "_other_impl")


@hookimpl
def list_namespaces():
    return ['linalg']


@hookimpl
def register_namespace(registry, namespace):
    import importlib
    for name in _MODULES:
        registry.add_module(importlib.import_module(f"torchnp_linalg.{name}"), namespace)
