"""Registration of the names that need more than ``registry.add_module``.

- einsum/einsum_path take a mixed ``*operands`` list (subscripts and arrays), which
  the tag pipeline cannot express: registered with ``normalize=False``.
- the polynomial functions return a ``poly1d`` when given one, so their public
  functions (built by the pipeline) are wrapped once more here.
- the functional tools, real/imag and iterable work at the public level.
"""
from __future__ import annotations

__all__ = ["register_main", "register_einsum", "register_functional", "register_poly",
           "POLY_NAMES"]

from torchnp._normalize import make_public

# name -> whether a poly1d argument makes the result a poly1d
POLY_NAMES = {"poly": False, "roots": False, "polyadd": True, "polysub": True,
              "polymul": True, "polydiv": True, "polyder": True, "polyint": True,
              "polyfit": False}


def register_einsum(registry):
    from . import _einsum_impl
    for name in _einsum_impl.__all__:
        registry.add_function(name, getattr(_einsum_impl, name), "", normalize=False)


def register_functional(registry):
    from . import _functional
    for name in _functional.__all__:
        obj = getattr(_functional, name)
        if isinstance(obj, type):
            registry.add_object(name, obj, "")
        else:
            registry.add_function(name, obj, "", normalize=False)


def register_poly(registry):
    from . import _poly1d, _polynomial_impl
    for name, rewrap in POLY_NAMES.items():
        public = make_public(getattr(_polynomial_impl, name), name, "torchnp")
        registry.add_function(name, _poly1d.poly_aware(public, rewrap), "", normalize=False)
    polyval = make_public(_polynomial_impl.polyval, "polyval", "torchnp")
    registry.add_function("polyval", _poly1d.polyval_public(polyval), "", normalize=False)
    registry.add_object("poly1d", _poly1d.poly1d, "")


def register_main(registry):
    register_einsum(registry)
    register_functional(registry)
    register_poly(registry)
