"""Entry point of the utilities plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl


@hookimpl
def list_namespaces():
    return ["", "typing", "dtypes"]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "":
        from . import _inputoutput_impl, _iterating_impl, _misc_impl, _unsupported_impl
        from ._memmap import memmap
        from torchnp._ndarray import _FlatIter
        registry.add_module(_misc_impl, namespace)
        registry.add_module(_inputoutput_impl, namespace)
        registry.add_module(_iterating_impl, namespace)
        registry.add_module(_unsupported_impl, namespace)
        registry.add_object("memmap", memmap, namespace)
        # matrix is a class; asmatrix and bmat return matrices (which the pipeline would
        # wrap as ndarrays) and bmat reads its caller's frame: registered as they are
        from ._matrix import asmatrix, bmat, matrix
        registry.add_object("matrix", matrix, namespace)
        registry.add_function("asmatrix", asmatrix, namespace, normalize=False)
        registry.add_function("bmat", bmat, namespace, normalize=False)
        # ndarray.flat's class lives in the core; expose it under NumPy's name
        registry.add_object("flatiter", _FlatIter, namespace)
    elif namespace == "typing":
        from . import _typing
        registry.add_module(_typing, namespace)
    elif namespace == "dtypes":
        from . import _dtype_classes
        registry.add_module(_dtype_classes, namespace)
