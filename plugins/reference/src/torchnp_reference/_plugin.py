"""Entry point of the reference plugin; kept import-light (NumPy is imported on registration)."""
from torchnp import hookimpl

# torchnp's namespaces that NumPy has (numpy.emath is numpy.lib.scimath)
NAMESPACES = ("", "linalg", "fft", "random", "testing", "emath", "lib.stride_tricks", "polynomial",
              "polynomial.chebyshev", "polynomial.hermite", "polynomial.hermite_e",
              "polynomial.laguerre", "polynomial.legendre", "polynomial.polynomial",
              "polynomial.polyutils")


@hookimpl
def list_namespaces():
    return list(NAMESPACES)


@hookimpl
def register_namespace(registry, namespace):
    from . import _numpy_calls
    for name, value in _numpy_calls.namespace_items(namespace):
        registry.add_function(name, value, namespace, normalize=False)
