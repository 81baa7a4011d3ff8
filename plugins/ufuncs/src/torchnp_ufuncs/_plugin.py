"""Entry point of the ufuncs plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "_ufuncs_impl": (
        "ufunc abs absolute acos acosh add arccos arccosh arcsin arcsinh arctan arctan2 "
        "arctanh asin asinh atan atan2 atanh bitwise_and bitwise_count bitwise_invert "
        "bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift bitwise_xor cbrt ceil "
        "conj conjugate copysign cos cosh deg2rad degrees divide divmod equal exp exp2 expm1 "
        "fabs float_power floor floor_divide fmax fmin fmod frexp gcd greater greater_equal "
        "heaviside hypot invert isfinite isinf isnan isnat lcm ldexp left_shift less "
        "less_equal log log10 log1p log2 logaddexp logaddexp2 logical_and logical_not "
        "logical_or logical_xor matmul matvec maximum minimum mod modf multiply negative "
        "nextafter not_equal positive pow power rad2deg radians reciprocal remainder "
        "right_shift rint sign signbit sin sinh spacing sqrt square subtract tan tanh "
        "true_divide trunc vecdot vecmat"),
    "_errstate_impl": "errstate seterr geterr seterrcall geterrcall",
}


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    for module, names in _GROUPS.items():
        registry.add_lazy(names, f"{__package__}.{module}")
