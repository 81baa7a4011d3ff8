"""Entry point of the manipulation plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "core_shape": "reshape ravel transpose squeeze swapaxes",
    "_shape_ops_impl": (
        "shape size ndim permute_dims matrix_transpose moveaxis rollaxis expand_dims "
        "atleast_1d atleast_2d atleast_3d broadcast_to broadcast_arrays broadcast_shapes "
        "copyto require astype"),
    "_joining_impl": (
        "concatenate concat stack unstack vstack hstack dstack column_stack block split "
        "array_split vsplit hsplit dsplit tile repeat"),
    "_rearranging_impl": "append insert delete resize trim_zeros flip fliplr flipud roll rot90",
    "_indexing_routines_impl": (
        "take take_along_axis put put_along_axis putmask place extract compress choose select "
        "where nonzero argwhere flatnonzero diagonal diag_indices diag_indices_from "
        "fill_diagonal tril_indices tril_indices_from triu_indices triu_indices_from ix_ "
        "unravel_index ravel_multi_index"),
    "_index_tricks": "r_ c_ s_ index_exp ndenumerate ndindex broadcast mask_indices",
    "_padding_impl": "pad",
}


@hookimpl
def list_namespaces():
    return ["", "lib.stride_tricks"]


@hookimpl
def register_namespace(registry, namespace):
    from . import _publish
    if namespace == "":
        for key, names in _GROUPS.items():
            if key == "core_shape":
                shape_impl = _publish.core_shape()
                names = [n for n in names.split() if hasattr(shape_impl, n)]
            special = key in ("core_shape", "_padding_impl", "_index_tricks")
            registry.add_lazy(names, _publish.Group(key) if special else f"{__package__}.{key}")
    elif namespace == "lib.stride_tricks":
        _publish.register_stride_tricks(registry)
