"""Entry point of the utilities plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "_misc_impl": (
        "ScalarType typename asarray_chkfinite getbufsize setbufsize show_config show_runtime "
        "info get_include test"),
    "_inputoutput_impl": "fromstring fromregex",
    "_iterating_impl": "nditer nested_iters",
    "_unsupported_impl": (
        "busday_count busday_offset busdaycalendar is_busday datetime_as_string datetime_data "
        "char strings rec recarray record ctypeslib f2py"),
    "memmap": "memmap",
    "matrix": "matrix asmatrix bmat",
    "flatiter": "flatiter",
}


class _Group:
    """Registers one group of ``_GROUPS`` when called."""

    def __init__(self, key):
        self.key = key

    def __call__(self, registry):
        key = self.key
        if key == "memmap":
            from ._memmap import memmap
            registry.add_object("memmap", memmap)
        elif key == "matrix":
            # matrix is a class; asmatrix and bmat return matrices (which the pipeline would
            # wrap as ndarrays) and bmat reads its caller's frame: registered as they are
            from ._matrix import asmatrix, bmat, matrix
            registry.add_object("matrix", matrix)
            registry.add_function("asmatrix", asmatrix, normalize=False)
            registry.add_function("bmat", bmat, normalize=False)
        elif key == "flatiter":
            # ndarray.flat's class lives in the core; expose it under NumPy's name
            from torchnp._ndarray import _FlatIter
            registry.add_object("flatiter", _FlatIter)


@hookimpl
def list_namespaces():
    return ["", "typing", "dtypes"]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "":
        for key, names in _GROUPS.items():
            registry.add_lazy(names, f"{__package__}.{key}" if key.startswith("_")
                              else _Group(key))
    elif namespace == "typing":
        from . import _typing
        registry.add_module(_typing, namespace)
    elif namespace == "dtypes":
        from . import _dtype_classes
        registry.add_module(_dtype_classes, namespace)
