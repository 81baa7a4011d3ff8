"""Entry point of the mathroutines plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "_mathematical_impl": (
        "diff ediff1d gradient cross trapezoid interp convolve correlate around round fix i0 "
        "sinc nan_to_num angle real_if_close unwrap clip"),
    "_linalg_impl": "dot vdot inner outer kron tensordot trace",
    "_bitwise_impl": "packbits unpackbits",
    "_window_impl": "bartlett blackman hamming hanning kaiser",
    # registered by _registration (they need more than add_module)
    "einsum": "einsum einsum_path",
    "functional": (
        "apply_along_axis apply_over_axes vectorize frompyfunc piecewise real imag iterable"),
    "poly": "poly roots polyadd polysub polymul polydiv polyder polyint polyfit polyval poly1d",
}


class _Group:
    """Registers a group of ``_registration`` (``register_<key>``) when called."""

    def __init__(self, key):
        self.key = key

    def __call__(self, registry):
        from . import _registration
        getattr(_registration, f"register_{self.key}")(registry)


@hookimpl
def list_namespaces():
    return ["", "emath"]


@hookimpl
def register_namespace(registry, namespace):
    if namespace == "emath":
        from . import _emath_impl
        registry.add_module(_emath_impl, "emath")
        return
    if namespace != "":
        return
    for key, names in _GROUPS.items():
        registry.add_lazy(names, f"{__package__}.{key}" if key.startswith("_") else _Group(key))
