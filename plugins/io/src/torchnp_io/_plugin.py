"""Entry point of the io plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# (file, *args, **kwds): the generated wrapper would pass `file=` by keyword after
# *args, so these convert their arrays themselves
_UNNORMALIZED = ("savez", "savez_compressed")


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "":
        from . import _npyio_impl
        for name in _npyio_impl.__all__:
            fn = getattr(_npyio_impl, name)
            if name in _UNNORMALIZED:
                fn.__module__ = "torchnp"
            registry.add_function(name, fn, normalize=name not in _UNNORMALIZED)
