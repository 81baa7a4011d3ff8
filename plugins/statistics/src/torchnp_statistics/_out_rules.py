"""Registration-time wrappers giving sum/prod/mean and their NaN forms NumPy's ``out=`` rules.

Imported by ``_plugin`` inside its hook. The generic pipeline computes in the
function's own result dtype and copies into ``out`` with 'same_kind' casting.
NumPy's reductions instead let ``out`` take part in choosing the loop: with no
``dtype=``, they accumulate in the promotion of the input's and ``out``'s dtypes
(a float32 array summed into a float64 ``out`` adds in float64), and the final
cast into ``out`` is unsafe (float into int truncates, complex into real drops
the imaginary part with a ComplexWarning). Mean-likes keep their own
accumulator for integer (float64) and float16 (float32) input.
"""
from __future__ import annotations

__all__ = ["with_reduction_out", "with_out"]

import functools
import inspect
import warnings

import torch

from torchnp._dtypes import can_cast_torch, promote_torch, to_torch_dtype
from torchnp._normalize import as_tensor, copy_to_out
from torchnp.exceptions import ComplexWarning, UFuncTypeError

from torchnp.exceptions import normalize_axis_tuple

from ._averages_impl import mean_into
from ._common import _NoValue, is_inexact

_MEAN_LIKE = {"mean", "nanmean"}


# NumPy calls these through a NumPy scalar's own method, which returns a scalar
# even when out= is given
_SCALAR_RETURN = {"sum", "prod", "max", "min", "amax", "amin", "mean", "var", "std"}


def _scalar_of(out):
    from torchnp._normalize import wrap_scalar
    return wrap_scalar(out.tensor.reshape(()).clone())


def _is_scalar(a):
    from torchnp._dtypes import generic
    return isinstance(a, generic)


def _call(public, bound):
    """``public(**bound)``, positional-only parameters passed by position."""
    pos = [bound.pop(p.name) for p in public.__signature__.parameters.values()
           if p.kind is inspect.Parameter.POSITIONAL_ONLY and p.name in bound]
    return public(*pos, **bound)


def _tensor_of(a):
    t = a if isinstance(a, torch.Tensor) else getattr(a, "tensor", None)
    return as_tensor(a) if t is None else t


def _loop_dtype(name, in_dt, out_dtype):
    if name == "mean" or (name == "nanmean" and not is_inexact(in_dt)):
        if not is_inexact(in_dt):
            return torch.float64
        if in_dt is torch.float16:
            return torch.float32
    return promote_torch(in_dt, out_dtype)


def _keep(r, axis, ndim):
    if axis is None:
        return r.reshape((1,) * ndim)
    for ax in sorted(normalize_axis_tuple(axis, ndim)):
        r = r.unsqueeze(ax)
    return r


def with_reduction_out(public, name):
    """``public`` (the generated pipeline function) with NumPy's reduction ``out=`` rules."""
    params = list(public.__signature__.parameters)
    mean_like = name in _MEAN_LIKE

    def f(*args, **kwargs):
        bound = dict(zip(params, args))
        bound.update(kwargs)
        out = bound.get("out")
        if out is None:
            return public(*args, **kwargs)
        t = getattr(out, "tensor", None)
        if not isinstance(t, torch.Tensor):
            raise TypeError("output must be an array")
        a = _tensor_of(bound["a"])
        if name == "nanmean" and is_inexact(a.dtype) and not is_inexact(t.dtype):
            raise TypeError("If a is inexact, then out must be inexact")
        bound["out"] = None
        if bound.get("dtype") is None:
            loop = _loop_dtype(name, a.dtype, t.dtype)
        else:
            loop = to_torch_dtype(bound["dtype"])
        bound["dtype"] = loop
        r = _call(public, dict(bound))  # validates and warns as the call without out= would
        r = r if isinstance(r, torch.Tensor) else getattr(r, "tensor", None)
        if r is None:
            r = as_tensor(_call(public, dict(bound)))
        if r.shape != t.shape:
            op = "multiply" if name in ("prod", "nanprod") else "add"
            if r.ndim != t.ndim:
                raise ValueError(f"output parameter for reduction operation {op} has the wrong "
                                 f"number of dimensions: Found {t.ndim} but expected {r.ndim}")
            raise ValueError(f"output array of shape {tuple(t.shape)} does not match the "
                             f"reduction result's shape {tuple(r.shape)}")
        if t.is_complex() and not loop.is_complex:
            # NumPy reads the complex out back through the real loop
            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=2)
        if mean_like and t.dtype != r.dtype:
            # NumPy divides the sum inside out's dtype
            r = mean_into(a, bound.get("axis"), loop, t.dtype, bound.get("where", _NoValue),
                          name == "nanmean")
            if bound.get("keepdims"):
                r = _keep(r, bound.get("axis"), a.ndim)
        elif r.is_complex() and not t.is_complex():
            r = r != 0 if t.dtype == torch.bool else r.real
        if loop.is_complex and not t.is_complex() and t.dtype != torch.bool:
            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=2)
        res = copy_to_out(r, out, "unsafe", name)
        if name in _SCALAR_RETURN and _is_scalar(bound["a"]) and not t.ndim:
            return _scalar_of(out)
        return res
    return _front(public, f, name)


# the ufunc whose reduction NumPy runs (named in its shape errors)
_OP = {"max": "maximum", "amax": "maximum", "ptp": "maximum", "min": "minimum",
       "amin": "minimum", "nanmax": "fmax", "nanmin": "fmin", "prod": "multiply",
       "nanprod": "multiply"}
_ACCUMULATE = {"cumsum", "cumprod", "nancumsum", "nancumprod", "cumulative_sum",
               "cumulative_prod"}
_QUANTILE = {"quantile", "percentile", "nanquantile", "nanpercentile"}
_DISCRETE = {"inverted_cdf", "closest_observation", "lower", "higher", "nearest"}


def _out_tensor(out, tuples):
    if tuples and type(out) is tuple and len(out) == 1:
        out = out[0]  # ufunc reductions take out=(arr,)
    t = getattr(out, "tensor", None)
    if not isinstance(t, torch.Tensor) or isinstance(out, torch.Tensor):
        raise TypeError("output must be an array" if tuples else
                        "return arrays must be of ArrayType")
    return out, t


def _broadcasts_into(shape, oshape):
    try:
        return tuple(torch.broadcast_shapes(shape, oshape)) == tuple(oshape)
    except RuntimeError:
        return False


def _same_kind_error(op, r, t):
    from torchnp._dtypes import _BY_TORCH
    return UFuncTypeError(f"Cannot cast ufunc '{op}' output from dtype('{_BY_TORCH[r].name}') "
                          f"to dtype('{_BY_TORCH[t].name}') with casting rule 'same_kind'")


def with_out(public, name):
    """``public`` with NumPy's ``out=`` rules for the reduction, accumulation or quantile
    ``name``: the result is computed as without ``out``, checked against ``out``'s shape
    with the rule NumPy applies there, and cast into it ('unsafe', as NumPy's reductions
    cast; 'same_kind' where NumPy finishes with a ufunc writing into ``out``)."""
    params = list(public.__signature__.parameters)

    def f(*args, **kwargs):
        bound = dict(zip(params, args))
        bound.update(kwargs)
        given = bound.get("out")
        bound["out"] = None
        if name in _OP and name not in ("ptp", "prod", "nanprod") and \
                bound.get("initial", _NoValue) not in (_NoValue, None):
            # out's dtype takes part in choosing the loop: initial= is converted to it
            ot = getattr(given, "tensor", None)
            a0 = _tensor_of(bound["a"])
            if isinstance(ot, torch.Tensor):
                loop = promote_torch(a0.dtype, ot.dtype)
                if loop != a0.dtype:
                    bound["a"] = a0.to(loop)
        r = _call(public, dict(bound))  # NumPy's checks of the other arguments come first
        out, t = _out_tensor(given, name not in _QUANTILE and name != "median"
                             and not name.startswith("nanmedian"))
        a = _tensor_of(bound.get("a", bound.get("x")))
        if name in ("nanvar", "nanstd") and is_inexact(a.dtype) and not is_inexact(t.dtype):
            raise TypeError("If a is inexact, then out must be inexact")
        r = r.tensor if hasattr(r, "tensor") else as_tensor(r)
        nan_path = name.startswith("nan") and is_inexact(a.dtype)
        casting = "unsafe"
        if name in _ACCUMULATE:
            if tuple(r.shape) != tuple(t.shape):
                raise ValueError("provided out is the wrong size for the accumulation.")
        elif name in _QUANTILE and not nan_path:
            if bound.get("method", "linear") in _DISCRETE:
                if tuple(r.shape) != tuple(t.shape):
                    raise ValueError("output array does not match result of ndarray.take")
                if t.is_complex() and not r.is_complex():
                    raise TypeError(f"Cannot cast array data from dtype('{out.dtype.name}') to "
                                    f"dtype('{_dtype_name(r.dtype)}') according to the rule 'safe'")
            else:
                if not _broadcasts_into(r.shape, t.shape):
                    raise ValueError(f"operands could not be broadcast together with shapes "
                                     f"{tuple(r.shape)} {tuple(t.shape)}")
                if not can_cast_torch(r.dtype, t.dtype, "same_kind"):
                    raise _same_kind_error("add", r.dtype, t.dtype)
        elif name in _QUANTILE or name == "nanmedian" and nan_path:
            if not _broadcasts_into(r.shape, t.shape):
                raise ValueError(f"could not broadcast input array from shape {tuple(r.shape)} "
                                 f"into shape {tuple(t.shape)}")
        else:
            op = _OP.get(name, "add")
            if r.ndim != t.ndim:
                raise ValueError(f"output parameter for reduction operation {op} has the wrong "
                                 f"number of dimensions: Found {t.ndim} but expected {r.ndim}")
            if tuple(r.shape) != tuple(t.shape):
                raise ValueError(f"operands could not be broadcast together with remapped "
                                 f"shapes [original->remapped]: {tuple(t.shape)} "
                                 f"{tuple(r.shape)}")
            if name.endswith("std") and not is_inexact(t.dtype) and r.ndim:
                # NumPy finishes with sqrt(out, out=out)
                bits = 8 if t.dtype == torch.bool else torch.iinfo(t.dtype).bits
                f_dt = {8: torch.float16, 16: torch.float32}.get(bits, torch.float64)
                raise _same_kind_error("sqrt", f_dt, t.dtype)
        if r.is_complex() and not t.is_complex():
            if t.dtype == torch.bool:
                r = r != 0
            else:
                warnings.warn("Casting complex values to real discards the imaginary part",
                              ComplexWarning, stacklevel=2)
                r = r.real
        res = copy_to_out(r, out, casting, name)
        if name in _SCALAR_RETURN and _is_scalar(bound.get("a")) and not t.ndim:
            return _scalar_of(out)
        return res
    return _front(public, f, name)


def _dtype_name(dt):
    from torchnp._dtypes import _BY_TORCH
    return _BY_TORCH[dt].name


def _front(public, with_out, name):
    """A function with ``public``'s exact signature: without ``out=`` it calls ``public``
    positionally (no ``*args``/``**kwargs`` packing on the common path), else ``with_out``."""
    ns = {"_public": public, "_with_out": with_out}
    params, call = [], []
    for p in public.__signature__.parameters.values():
        if p.kind is inspect.Parameter.KEYWORD_ONLY:
            if "*" not in params:
                params.append("*")
            call.append(f"{p.name}={p.name}")
        else:
            call.append(p.name)
        if p.default is inspect.Parameter.empty:
            params.append(p.name)
        else:
            ns[f"_d_{p.name}"] = p.default
            params.append(f"{p.name}=_d_{p.name}")
    args = ", ".join(call)
    src = (f"def {name}({', '.join(params)}):\n"
           f"    if out is None:\n"
           f"        return _public({args})\n"
           f"    return _with_out({args})\n")
    exec(compile(src, f"<torchnp reduction {name}>", "exec"), ns)  # noqa: S102 - generated from the signature
    fn = functools.update_wrapper(ns[name], public)
    fn.__signature__ = public.__signature__
    return fn
