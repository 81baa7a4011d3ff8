"""``__array_namespace_info__``: the array API's inspection object."""
from __future__ import annotations

import torch

from . import _dtypes

__all__ = ["__array_namespace_info__"]


class __array_namespace_info__:
    """Capabilities, devices and default dtypes of torchnp (array API inspection)."""

    def capabilities(self):
        return {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self):
        return torch.get_default_device()

    def devices(self):
        devs = [torch.device("cpu")]
        if torch.cuda.is_available():
            devs += [torch.device("cuda", i) for i in range(torch.cuda.device_count())]
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            devs.append(torch.device("mps"))
        return devs

    def default_dtypes(self, *, device=None):
        d = _dtypes._DTYPES
        return {"real floating": d["float64"], "complex floating": d["complex128"],
                "integral": d["int64"], "indexing": d["int64"]}

    def dtypes(self, *, device=None, kind=None):
        out = {}
        for name, dt in _dtypes._DTYPES.items():
            if name == "float16":
                continue  # not an array API dtype
            if kind is None or _dtypes.isdtype(dt, kind):
                out[name] = dt
        return out
