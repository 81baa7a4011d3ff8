"""Entry point of the polynomial plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

_NAMESPACES = ("polynomial", "polynomial.polynomial", "polynomial.chebyshev", "polynomial.legendre",
               "polynomial.laguerre", "polynomial.hermite", "polynomial.hermite_e",
               "polynomial.polyutils")

# submodule -> (impl module, convenience class name)
_KINDS = {
    "polynomial": ("_polynomial_impl", "Polynomial"),
    "chebyshev": ("_chebyshev_impl", "Chebyshev"),
    "legendre": ("_legendre_impl", "Legendre"),
    "laguerre": ("_laguerre_impl", "Laguerre"),
    "hermite": ("_hermite_impl", "Hermite"),
    "hermite_e": ("_hermite_e_impl", "HermiteE"),
}


@hookimpl
def list_namespaces():
    return list(_NAMESPACES)


@hookimpl
def register_namespace(registry, namespace):
    import importlib

    if namespace == "polynomial.polyutils":
        from . import _polyutils_impl
        registry.add_module(_polyutils_impl, namespace)
        return
    from . import _polybase
    if namespace == "polynomial":
        registry.add_object("set_default_printstyle", _polybase.set_default_printstyle, namespace)
        for cls_name in ("Polynomial", "Chebyshev", "Legendre", "Hermite", "HermiteE", "Laguerre"):
            registry.add_object(cls_name, getattr(_polybase, cls_name), namespace)
        return
    sub = namespace.split(".", 1)[1]
    mod_name, cls_name = _KINDS[sub]
    registry.add_module(importlib.import_module("." + mod_name, __package__), namespace)
    registry.add_object(cls_name, getattr(_polybase, cls_name), namespace)
