"""Indexing of ndarrays: basic and advanced, reads and writes.

Keys are translated to torch keys; results of basic indexing are torch views, so
writes through them reach the base array.
"""
from __future__ import annotations

import torch

from . import _normalize

__all__ = ["getitem", "setitem"]


def _to_torch_key(key):
    t = type(key)
    if t is int or t is slice or key is None or key is Ellipsis:
        return key
    if t is tuple:
        return tuple(_to_torch_key(k) for k in key)
    if isinstance(key, _normalize._ndarray_cls):
        return key.tensor
    if t is list:
        return _normalize.as_tensor(key)
    if hasattr(key, "__index__") and not isinstance(key, torch.Tensor):
        return key.__index__()
    return key


def _has_negative_step(key):
    if type(key) is slice:
        return key.step is not None and key.step < 0
    if type(key) is tuple:
        return any(type(k) is slice and k.step is not None and k.step < 0 for k in key)
    return False


def getitem(a, key):
    from ._ndarray import _from_tensor
    tkey = _to_torch_key(key)
    if _has_negative_step(tkey):
        raise NotImplementedError("torchnp: negative-step slices are not implemented yet")
    r = a.tensor[tkey]
    if r.ndim == 0 and (type(key) is int or (type(key) is tuple and all(type(k) is int for k in key))):
        return _normalize.wrap_scalar(r)
    base = a._root() if r.untyped_storage().data_ptr() == a.tensor.untyped_storage().data_ptr() else None
    return _from_tensor(r, base)


def setitem(a, key, value):
    tkey = _to_torch_key(key)
    v = _normalize.as_tensor_or_scalar(value)
    if isinstance(v, torch.Tensor) and v.dtype != a.tensor.dtype:
        v = v.to(a.tensor.dtype)
    a._assign(v, tkey)
