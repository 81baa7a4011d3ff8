"""Entry point of the io plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# the names of _npyio_impl (its __all__), declared so that it is imported only when one
# of them is first used (tests/core/test_plugins.py checks the list)
_NAMES = "save load savez savez_compressed savetxt loadtxt genfromtxt fromfile"

# (file, *args, **kwds): the generated wrapper would pass `file=` by keyword after
# *args, so these convert their arrays themselves
_UNNORMALIZED = ("savez", "savez_compressed")


def _register(registry):
    from . import _npyio_impl
    for name in _npyio_impl.__all__:
        fn = getattr(_npyio_impl, name)
        if name in _UNNORMALIZED:
            fn.__module__ = "torchnp"
        registry.add_function(name, fn, normalize=name not in _UNNORMALIZED)


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "":
        registry.add_lazy(_NAMES, _register)
