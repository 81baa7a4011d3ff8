"""Entry point of the manipulation plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl



@hookimpl
def list_namespaces():
    return ["", "lib.stride_tricks"]


@hookimpl
def register_namespace(registry, namespace):
    from . import _publish
    if namespace == "":
        _publish.register_main(registry)
    elif namespace == "lib.stride_tricks":
        _publish.register_stride_tricks(registry)
