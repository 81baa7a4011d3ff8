"""``RandomState`` and the legacy module functions. Mirrors NumPy's "Legacy random generation".

The module-level functions (``torchnp.random.rand``, ``normal``, ``seed``…) are
the bound methods of one global ``RandomState``, as in NumPy; ``seed()`` reseeds
that instance in place. RandomState shares Generator's machinery
(``_generator_impl._RandomBase``: the parameter distributions are the same
table rows, installed on both classes) and differs where NumPy's legacy API
does: signatures, a few messages, Python ints from ``randint``.

The streams are NumPy's: ``seed``/``RandomState(seed)`` seed MT19937 the legacy
way, the distributions are RandomState's legacy algorithms (``_exact_impl.
LegacySampler``), and ``get_state``/``set_state`` use NumPy's tuple and dict
(the cached polar normal included), interchangeable with NumPy's.
Extension: ``RandomState(seed, *, device=None)``.
"""
from __future__ import annotations

import operator
import warnings

import torch

from torchnp._normalize import as_tensor, wrap

from torchnp import _dtypes

from ._bit_generator_impl import _CPU, MT19937, BitGenerator

from ._generator_impl import (
    _BIG, _canonical_device, _install_distributions, _RandomBase, _size_tuple,
)

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
    """NumPy's RandomState(seed): a BitGenerator as it is, None a fresh MT19937, anything else
    an MT19937 with the legacy seeding (32-bit integers, arrays of them)."""
    if isinstance(seed, BitGenerator):
        return seed
    bg = MT19937.__new__(MT19937)
    bg._seed_seq = None
    bg._state = torch.zeros(625, dtype=torch.int64, device=_CPU)
    if seed is None:
        return MT19937(None)
    bg._legacy_seeding(seed)
    return bg


def _new_gauss():
    # the CPU kernels read and write it in place: always a CPU tensor, whatever the default device
    return torch.zeros(2, dtype=_F64, device=_CPU)


class RandomState(_RandomBase):
    """The legacy random number container. Mirrors ``numpy.random.RandomState``.

    Extension: ``device=`` (keyword only), as for ``Generator``. The
    distributions shared with Generator are installed from
    ``_generator_impl._PARAM_DISTRIBUTIONS``. The cached second value of the
    polar normal method lives in ``_gauss`` (a float64 tensor [has_gauss,
    gauss], NumPy's aug_state), so ``get_state``/``set_state`` carry it as NumPy's do.
    """

    _legacy = True

    def __init__(self, seed=None, *, device=None):
        self._bit_generator = _legacy_bit_generator(seed)
        self._device = _canonical_device(device)
        self._gauss = _new_gauss()

    def _reset_gauss(self):
        self._gauss.zero_()

    def seed(self, seed=None):
        """Reseed a legacy MT19937 in place. Mirrors ``RandomState.seed``."""
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)
        self._reset_gauss()

    def get_state(self, legacy=True):
        """The generator state, in NumPy's formats. Mirrors ``RandomState.get_state``."""
        st = self._bit_generator.state
        if st["bit_generator"] != "MT19937" and legacy:
            warnings.warn("get_state and legacy can only be used with the MT19937 BitGenerator. "
                          "To silence this warning, set `legacy` to False.", RuntimeWarning,
                          stacklevel=2)
            legacy = False
        has, gauss = self._gauss.tolist()
        st["has_gauss"] = int(has)
        st["gauss"] = float(gauss)
        if legacy:
            return (st["bit_generator"], st["state"]["key"], st["state"]["pos"],
                    st["has_gauss"], st["gauss"])
        return st

    def set_state(self, state):
        """Restore a state (NumPy's tuple or dict). Mirrors ``RandomState.set_state``."""
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state "
                                 "instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        gauss = float(st.get("gauss", 0.0))
        has = int(st.get("has_gauss", 0))
        self._bit_generator.state = st
        self._gauss.copy_(torch.tensor([float(has != 0), gauss], dtype=_F64, device=_CPU))

    def __getstate__(self):
        return {"bit_generator": self._bit_generator, "device": self._device,
                "gauss": self._gauss.tolist()}

    def __setstate__(self, d):
        self._bit_generator = d["bit_generator"]
        self._device = d["device"]
        has, gauss = (float(v) for v in d.get("gauss", (0.0, 0.0)))  # exactly two values
        self._gauss = torch.tensor([has, gauss], dtype=_F64, device=_CPU)

    # --- simple random data -------------------------------------------------------
    def rand(self, *args):
        """Uniform floats in [0, 1) of shape ``args``. Mirrors ``RandomState.rand``."""
        if not args:
            return self._simple("random", None)
        if len(args) == 1 and type(args[0]) is int and 0 <= args[0] < _BIG:
            return self._simple("random", args[0])
        return self._simple("random", args)

    def randn(self, *args):
        """Standard normal draws of shape ``args``. Mirrors ``RandomState.randn``."""
        if not args:
            return self._simple("standard_normal", None)
        if len(args) == 1 and type(args[0]) is int and 0 <= args[0] < _BIG:
            return self._simple("standard_normal", args[0])
        return self._simple("standard_normal", args)

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
        return self._integers(low, int(high) + 1, size, _dtypes.int64, False)

    def tomaxint(self, size=None):
        """Uniform integers in [0, sys.maxsize] (next_uint64 >> 1). Mirrors ``RandomState.tomaxint``."""
        s = self._smp() if self._device is None or self._device is _CPU else \
            self._sampler_for(self._dev())
        if size is None:
            return int(s.tomaxint(()).item())
        return wrap(s.tomaxint(_size_tuple(size)))

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
        # NumPy reads bitgen.capsule (torchnp's bit generators have none to read)
        tp = type(bitgen)
        name = tp.__name__ if tp.__module__ == "builtins" else \
            f"{tp.__module__.split('.')[0]}.{tp.__name__}"
        raise AttributeError(f"'{name}' object has no attribute 'capsule'")
    _rand._bit_generator = bitgen
    _rand._reset_gauss()


def seed(seed=None):
    """Reseed the global RandomState. Mirrors ``numpy.random.seed`` (a non-MT19937 bit
    generator is replaced by one of its class seeded with ``seed``)."""
    if isinstance(_rand._bit_generator, MT19937):
        return _rand.seed(seed)
    _rand._bit_generator.state = type(_rand._bit_generator)(seed).state
    return None


def ranf(*args, **kwargs):
    """Alias of ``random_sample``. Mirrors ``numpy.random.ranf``."""
    return _rand.random_sample(*args, **kwargs)


def sample(*args, **kwargs):
    """Alias of ``random_sample``. Mirrors ``numpy.random.sample``."""
    return _rand.random_sample(*args, **kwargs)

