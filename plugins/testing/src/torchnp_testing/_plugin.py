"""Entry point of the testing plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# module-level objects of numpy.testing besides the functions in __all__
_OBJECTS = ("verbose", "IS_PYPY", "IS_PYSTON", "IS_WASM", "IS_MUSL", "IS_64BIT", "IS_EDITABLE",
            "IS_INSTALLED", "HAS_REFCOUNT", "HAS_LAPACK64", "NOGIL_BUILD", "BLAS_SUPPORTS_FPE",
            "NUMPY_ROOT", "TestCase", "SkipTest", "KnownFailureException", "IgnoreException",
            "suppress_warnings", "clear_and_catch_warnings")


@hookimpl
def list_namespaces():
    return ['testing']


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "testing":
        return
    from . import _asserts_impl as mod
    # assertions take anything (lists, NumPy arrays, dicts, callables): no normalizer
    for name in mod.__all__:
        registry.add_function(name, getattr(mod, name), namespace, normalize=False)
    for name in _OBJECTS:
        registry.add_object(name, getattr(mod, name), namespace)
