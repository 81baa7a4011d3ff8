"""Entry point of the statistics plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

_IMPL_MODULES = ("_sumprod_impl", "_extrema_impl", "_averages_impl", "_order_impl",
                 "_correlating_impl", "_histograms_impl")


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    import importlib
    for name in _IMPL_MODULES:
        registry.add_module(importlib.import_module(f"torchnp_statistics.{name}"), namespace)
