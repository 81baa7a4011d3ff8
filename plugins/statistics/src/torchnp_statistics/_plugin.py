"""Entry point of the statistics plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

# names per implementation module, imported on the first use of one (Registry.add_lazy;
# tests/core/test_plugins.py checks the lists against what each group registers)
_GROUPS = {
    "_sumprod_impl": (
        "sum prod cumsum cumprod cumulative_sum cumulative_prod nansum nanprod nancumsum "
        "nancumprod"),
    "_extrema_impl": "max min amax amin nanmax nanmin ptp",
    "_averages_impl": "mean average std var nanmean nanstd nanvar",
    "_order_impl": "median nanmedian percentile quantile nanpercentile nanquantile",
    "_correlating_impl": "cov corrcoef",
    "_histograms_impl": "histogram histogram2d histogramdd histogram_bin_edges bincount digitize",
}

_OUT_PROMOTING = {"sum", "prod", "nansum", "nanprod", "mean", "nanmean"}


class _Module:
    """Registers one implementation module's functions (with NumPy's out= rules) when called."""

    def __init__(self, name):
        self.name = name

    def __call__(self, registry):
        import importlib
        import types

        from torchnp._normalize import make_public

        from ._out_rules import with_out, with_reduction_out
        mod = importlib.import_module(f"torchnp_statistics.{self.name}")
        for fname in mod.__all__:
            fn = getattr(mod, fname)
            if fname in _OUT_PROMOTING:
                # NumPy lets out= choose the accumulator (see _out_rules)
                public = with_reduction_out(make_public(fn, fname, "torchnp"), fname)
                registry.add_function(fname, public, normalize=False)
            elif isinstance(fn, types.FunctionType) and "out" in fn.__code__.co_varnames[
                    :fn.__code__.co_argcount + fn.__code__.co_kwonlyargcount]:
                # NumPy's out= rules of reductions, accumulations, quantiles (see _out_rules)
                public = with_out(make_public(fn, fname, "torchnp"), fname)
                registry.add_function(fname, public, normalize=False)
            elif isinstance(fn, types.FunctionType):
                registry.add_function(fname, fn)
            else:
                registry.add_object(fname, fn)


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    if namespace != "":
        return
    for module, names in _GROUPS.items():
        registry.add_lazy(names, _Module(module))
