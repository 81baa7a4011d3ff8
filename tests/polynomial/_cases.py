"""Shared inputs for the polynomial tests: the kinds and random coefficient arrays."""
import numpy as np

KINDS = {  # submodule -> (prefix, class name)
    "polynomial": ("poly", "Polynomial"),
    "chebyshev": ("cheb", "Chebyshev"),
    "legendre": ("leg", "Legendre"),
    "laguerre": ("lag", "Laguerre"),
    "hermite": ("herm", "Hermite"),
    "hermite_e": ("herme", "HermiteE"),
}


def coefs(n, dtype="float64", seed=0):
    rng = np.random.default_rng(seed + 17 * n)
    c = rng.standard_normal(n)
    if np.dtype(dtype).kind == "c":
        c = c + 1j * rng.standard_normal(n)
    return c.astype(dtype)
