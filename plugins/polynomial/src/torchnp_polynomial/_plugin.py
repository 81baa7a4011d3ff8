"""Entry point of the polynomial plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

_NAMESPACES = ("polynomial", "polynomial.polynomial", "polynomial.chebyshev", "polynomial.legendre",
               "polynomial.laguerre", "polynomial.hermite", "polynomial.hermite_e",
               "polynomial.polyutils")


@hookimpl
def list_namespaces():
    return list(_NAMESPACES)


@hookimpl
def register_namespace(registry, namespace):
    pass  # filled in by the polynomial plugin's implementation modules
