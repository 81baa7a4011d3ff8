"""``RandomState`` and the legacy module functions. Mirrors NumPy's "Legacy random generation".

The module-level functions (``torchnp.random.rand``, ``normal``, ``seed``…) are
the bound methods of one global ``RandomState``, as in NumPy; ``seed()`` reseeds
that instance in place. RandomState shares Generator's machinery
(``_generator_impl._RandomBase``: the parameter distributions are the same
table rows, installed on both classes) and differs where NumPy's legacy API
does: signatures, a few messages, Python ints from ``randint``.

Differences from NumPy: streams differ (torch engines, see _bit_generator_impl);
``get_state()`` returns torchnp's own state (the legacy tuple carries the bit
generator's state dict where NumPy has MT19937 key words); ``set_state`` takes
only states produced by torchnp.
Extension: ``RandomState(seed, *, device=None)``.
"""
from __future__ import annotations

import operator
import sys
import warnings

import torch

from torchnp._normalize import as_tensor, wrap

from ._bit_generator_impl import _CPU, MT19937, BitGenerator
from ._generator_impl import _canonical_device, _install_distributions, _RandomBase, _size_tuple

__all__ = [
    "RandomState", "seed", "get_state", "set_state", "rand", "randn", "randint", "random",
    "random_sample", "ranf", "sample", "choice", "bytes", "shuffle", "permutation",
    "beta", "binomial", "chisquare", "dirichlet", "exponential", "f", "gamma", "geometric",
    "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries",
    "multinomial", "multivariate_normal", "negative_binomial", "noncentral_chisquare",
    "noncentral_f", "normal", "pareto", "poisson", "power", "rayleigh", "standard_cauchy",
    "standard_exponential", "standard_gamma", "standard_normal", "standard_t",
    "triangular", "uniform", "vonmises", "wald", "weibull", "zipf", "random_integers",
    "get_bit_generator", "set_bit_generator",
]

_F64 = torch.float64


def _legacy_bit_generator(seed):
    if isinstance(seed, BitGenerator):
        return seed
    if seed is None:
        return MT19937(None)
    if isinstance(seed, float):
        raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to "
                        "the rule 'safe'")
    vals = seed if isinstance(seed, int) else as_tensor(seed)
    if isinstance(vals, torch.Tensor):
        if vals.is_floating_point() or vals.is_complex():
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                            "according to the rule 'safe'")
        if vals.numel() == 0:
            raise ValueError("Seed must be non-empty")
        lo, hi = vals.min().item(), vals.max().item()
        entropy = vals.reshape(-1).tolist()
    else:
        lo = hi = vals
        entropy = vals
    if lo < 0 or hi > 2**32 - 1:
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    return MT19937(entropy)


class RandomState(_RandomBase):
    """The legacy random number container. Mirrors ``numpy.random.RandomState``.

    Extension: ``device=`` (keyword only), as for ``Generator``. The
    distributions shared with Generator are installed from
    ``_generator_impl._PARAM_DISTRIBUTIONS``.
    """

    _legacy = True

    def __init__(self, seed=None, *, device=None):
        self._bit_generator = _legacy_bit_generator(seed)
        self._device = _canonical_device(device)

    def seed(self, seed=None):
        """Reseed in place. Mirrors ``RandomState.seed``."""
        self._bit_generator = _legacy_bit_generator(seed)

    def get_state(self, legacy=True):
        """The generator state; see the module docstring for its torchnp-specific format."""
        st = self._bit_generator.state
        if legacy:
            return ("MT19937", st, 624, 0, 0.0)
        return st

    def set_state(self, state):
        """Restore a state from ``get_state``. Mirrors ``RandomState.set_state``."""
        if isinstance(state, tuple):
            if len(state) < 2 or state[0] != "MT19937":
                raise ValueError("state must be for a MT19937 PRNG")
            state = state[1]
        if not isinstance(state, dict):
            raise TypeError("state must be a dict or a tuple.")
        if state.get("bit_generator") != type(self._bit_generator).__name__:
            bg_cls = {c.__name__: c for c in BitGenerator.__subclasses__()}.get(
                state.get("bit_generator"))
            if bg_cls is None:
                raise ValueError("state must be for a MT19937 PRNG")
            self._bit_generator = bg_cls(0)
        self._bit_generator.state = state

    # --- simple random data -------------------------------------------------------
    def rand(self, *args):
        """Uniform floats in [0, 1) of shape ``args``. Mirrors ``RandomState.rand``."""
        return self._shaped(torch.rand, args)

    def randn(self, *args):
        """Standard normal draws of shape ``args``. Mirrors ``RandomState.randn``."""
        return self._shaped(torch.randn, args)

    def _shaped(self, fn, args):
        """rand/randn: ``fn`` (torch.rand or torch.randn) with the dimensions ``args``."""
        s = self._smp()
        if not args:
            return fn((), generator=s.gen, dtype=_F64, device=s.device).item()
        if s.device is _CPU:
            # rand(10) is all per-call overhead: the dimensions go to torch as they
            # are (no tuple built) and torch's own error is translated if it refuses them
            try:
                return wrap(fn(*args, generator=s.gen, dtype=_F64))
            except (RuntimeError, TypeError):
                _size_tuple(args)  # NumPy's error for negative or non-integer dimensions
                raise
        return wrap(fn(_size_tuple(args), generator=s.gen, dtype=_F64, device=s.device))

    def random_sample(self, size=None):
        """Uniform floats in [0, 1). Mirrors ``RandomState.random_sample``."""
        return self._simple("random", size)

    def random(self, size=None):
        """Alias of ``random_sample``. Mirrors ``RandomState.random``."""
        return self._simple("random", size)

    def standard_normal(self, size=None):
        """Mirrors ``RandomState.standard_normal``."""
        return self._simple("standard_normal", size)

    def standard_exponential(self, size=None):
        """Mirrors ``RandomState.standard_exponential``."""
        return self._simple("standard_exponential", size)

    def randint(self, low, high=None, size=None, dtype=int):
        """Uniform integers in [low, high). Mirrors ``RandomState.randint``."""
        return self._integers(low, high, size, dtype, False, legacy_int=dtype is int)

    def random_integers(self, low, high=None, size=None):
        """Deprecated: uniform integers in [low, high]. Mirrors ``RandomState.random_integers``."""
        if high is None:
            warnings.warn("This function is deprecated. Please call randint(1, {low} + 1) "
                          "instead".format(low=low), DeprecationWarning, stacklevel=2)
            high, low = low, 1
        else:
            warnings.warn("This function is deprecated. Please call randint({low}, {high} + 1) "
                          "instead".format(low=low, high=high), DeprecationWarning, stacklevel=2)
        return self._integers(low, high, size, int, True, legacy_int=True)

    def tomaxint(self, size=None):
        """Uniform integers in [0, sys.maxsize]. Mirrors ``RandomState.tomaxint``."""
        return self._integers(0, sys.maxsize, size, int, True, legacy_int=True)

    def choice(self, a, size=None, replace=True, p=None):
        """Random sample from an array or ``arange(a)``. Mirrors ``RandomState.choice``."""
        return self._choice(a, size, replace, p, 0)

    def shuffle(self, x):
        """Shuffle in place along the first axis. Mirrors ``RandomState.shuffle``."""
        return self._shuffle(x, 0)

    def permutation(self, x):
        """A permuted copy (or ``arange(x)`` permuted). Mirrors ``RandomState.permutation``."""
        if isinstance(x, int) or (hasattr(x, "__index__") and not hasattr(x, "shape")):
            return self._permutation(operator.index(x), 0)
        t = as_tensor(x)
        if t.ndim == 0:
            raise IndexError("x must be an integer or at least 1-dimensional")
        return self._permutation(t, 0)

    # --- distributions (the rest are installed from the shared table below) -----------
    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        """Mirrors ``RandomState.multivariate_normal``."""
        return self._multivariate_normal(mean, cov, size, check_valid, tol, "svd")


_install_distributions(RandomState, legacy=True)


# --- the global RandomState behind the module functions ------------------------------
_rand = RandomState()

seed = _rand.seed
get_state = _rand.get_state
set_state = _rand.set_state
rand = _rand.rand
randn = _rand.randn
randint = _rand.randint
random = _rand.random
random_sample = _rand.random_sample
choice = _rand.choice
bytes = _rand.bytes
shuffle = _rand.shuffle
permutation = _rand.permutation
beta = _rand.beta
binomial = _rand.binomial
chisquare = _rand.chisquare
dirichlet = _rand.dirichlet
exponential = _rand.exponential
f = _rand.f
gamma = _rand.gamma
geometric = _rand.geometric
gumbel = _rand.gumbel
hypergeometric = _rand.hypergeometric
laplace = _rand.laplace
logistic = _rand.logistic
lognormal = _rand.lognormal
logseries = _rand.logseries
multinomial = _rand.multinomial
multivariate_normal = _rand.multivariate_normal
negative_binomial = _rand.negative_binomial
noncentral_chisquare = _rand.noncentral_chisquare
noncentral_f = _rand.noncentral_f
normal = _rand.normal
pareto = _rand.pareto
poisson = _rand.poisson
power = _rand.power
rayleigh = _rand.rayleigh
standard_cauchy = _rand.standard_cauchy
standard_exponential = _rand.standard_exponential
standard_gamma = _rand.standard_gamma
standard_normal = _rand.standard_normal
standard_t = _rand.standard_t
triangular = _rand.triangular
uniform = _rand.uniform
vonmises = _rand.vonmises
wald = _rand.wald
weibull = _rand.weibull
zipf = _rand.zipf
random_integers = _rand.random_integers


def get_bit_generator():
    """The bit generator behind the module functions. Mirrors ``numpy.random.get_bit_generator``."""
    return _rand._bit_generator


def set_bit_generator(bitgen):
    """Replace the module functions' bit generator. Mirrors ``numpy.random.set_bit_generator``."""
    if not isinstance(bitgen, BitGenerator):
        raise TypeError("bitgen must be a BitGenerator instance")
    _rand._bit_generator = bitgen


def ranf(*args, **kwargs):
    """Alias of ``random_sample``. Mirrors ``numpy.random.ranf``."""
    return _rand.random_sample(*args, **kwargs)


def sample(*args, **kwargs):
    """Alias of ``random_sample``. Mirrors ``numpy.random.sample``."""
    return _rand.random_sample(*args, **kwargs)

