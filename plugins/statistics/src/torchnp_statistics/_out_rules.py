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

__all__ = ["with_reduction_out"]

import functools
import inspect
import warnings

import torch

from torchnp._dtypes import promote_torch, to_torch_dtype
from torchnp._normalize import as_tensor, copy_to_out
from torchnp.exceptions import ComplexWarning

from torchnp.exceptions import normalize_axis_tuple

from ._averages_impl import mean_into
from ._common import _NoValue, is_inexact

_MEAN_LIKE = {"mean", "nanmean"}


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
        r = public(**bound)  # validates and warns as the call without out= would
        r = r if isinstance(r, torch.Tensor) else getattr(r, "tensor", None)
        if r is None:
            r = as_tensor(public(**bound))
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
        return copy_to_out(r, out, "unsafe", name)
    return _front(public, f, name)


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
