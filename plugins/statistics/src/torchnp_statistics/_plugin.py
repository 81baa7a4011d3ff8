"""Entry point of the statistics plugin; kept import-light (see torchnp.hookspecs)."""
from torchnp import hookimpl

_IMPL_MODULES = ("_sumprod_impl", "_extrema_impl", "_averages_impl", "_order_impl",
                 "_correlating_impl", "_histograms_impl")

_OUT_PROMOTING = {"sum", "prod", "nansum", "nanprod", "mean", "nanmean"}


@hookimpl
def list_namespaces():
    return [""]


@hookimpl
def register_namespace(registry, namespace):
    import importlib
    import types

    from torchnp._normalize import make_public

    from ._out_rules import with_out, with_reduction_out
    for name in _IMPL_MODULES:
        mod = importlib.import_module(f"torchnp_statistics.{name}")
        for fname in mod.__all__:
            fn = getattr(mod, fname)
            if fname in _OUT_PROMOTING:
                # NumPy lets out= choose the accumulator (see _out_rules)
                public = with_reduction_out(make_public(fn, fname, "torchnp"), fname)
                registry.add_function(fname, public, namespace, normalize=False)
            elif isinstance(fn, types.FunctionType) and "out" in fn.__code__.co_varnames[
                    :fn.__code__.co_argcount + fn.__code__.co_kwonlyargcount]:
                # NumPy's out= rules of reductions, accumulations, quantiles (see _out_rules)
                public = with_out(make_public(fn, fname, "torchnp"), fname)
                registry.add_function(fname, public, namespace, normalize=False)
            elif isinstance(fn, types.FunctionType):
                registry.add_function(fname, fn, namespace)
            else:
                registry.add_object(fname, fn, namespace)
