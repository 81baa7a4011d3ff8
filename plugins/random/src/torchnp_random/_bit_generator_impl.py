"""Bit generators and SeedSequence. Mirrors NumPy's "Bit Generators" section.

The bit-generator layer
-----------------------
Distributions never see a bit generator directly. ``Generator`` and
``RandomState`` ask their bit generator for a *sampler* bound to a device::

    sampler = bit_generator._sampler(device)   # -> _distributions_impl.TorchSampler

and call the sampler's methods (``random``, ``standard_normal``,
``standard_gamma``, ``binomial``, ``hypergeometric`` …), each of which takes a
shape, a dtype and already validated/broadcast parameters and returns a tensor
on that device. That is the whole interface between the two layers:

* ``BitGenerator._sampler(device)`` returns an object with TorchSampler's
  methods; the default implementation builds a ``TorchSampler`` around
  ``BitGenerator._torch_generator(device)``, a ``torch.Generator`` for that device
  seeded from the bit generator's SeedSequence. Samplers are made once per
  device; the plain CPU's is also kept as ``_cpu_sampler``, which the per-call
  fast paths read directly (an override of ``_sampler`` that leaves it None
  is simply called every time).
* A bit generator that must reproduce NumPy's exact streams (a later issue)
  overrides ``_sampler`` to return a subclass of ``TorchSampler`` whose
  primitives (``random``, ``standard_normal``, ``random_bits``…) or whole
  distributions follow NumPy's algorithms; callers do not change.
* ``state`` / ``state = …`` round-trip the seed and the torch generators' states.

All bit generators here (PCG64, PCG64DXSM, MT19937, Philox, SFC64) currently
drive torch's native engine for the device (mt19937 on CPU, Philox on CUDA);
the class only changes how the 64-bit torch seed is derived from the
SeedSequence, so different classes give different, reproducible streams.
Streams do not equal NumPy's.
"""
from __future__ import annotations

import secrets
import threading

import torch

from torchnp._normalize import wrap

__all__ = ["SeedSequence", "BitGenerator", "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]

# --- SeedSequence: NumPy's algorithm (numpy/random/bit_generator.pyx), in pure Python
_DEFAULT_POOL_SIZE = 4
_INIT_A = 0x43B0D7E5
_MULT_A = 0x931E8875
_INIT_B = 0x8B51F9DD
_MULT_B = 0x58F38DED
_MIX_MULT_L = 0xCA01F9DD
_MIX_MULT_R = 0x4973F715
_XSHIFT = 16
_MASK32 = 0xFFFFFFFF


def _int_to_uint32_list(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    if n == 0:
        return [0]
    out = []
    while n > 0:
        out.append(n & _MASK32)
        n >>= 32
    return out


def _is_integer(x):
    if isinstance(x, bool):
        return True
    if isinstance(x, int):
        return True
    return hasattr(x, "__index__") and not isinstance(x, (torch.Tensor,)) and not hasattr(x, "shape")


def _coerce_to_uint32_list(x):
    if isinstance(x, str):
        if x.startswith("0x"):
            x = int(x, base=16)
        elif x.startswith("0"):
            x = int(x, base=8)
        else:
            x = int(x, base=10)
        return _int_to_uint32_list(x)
    if isinstance(x, float):
        raise TypeError("seed must be integer")
    if isinstance(x, int):
        return _int_to_uint32_list(int(x))
    t = getattr(x, "tensor", None)
    if isinstance(t, torch.Tensor):
        x = t
    if isinstance(x, torch.Tensor):
        if x.is_floating_point() or x.is_complex():
            raise TypeError("seed must be integer")
        if x.dtype == torch.uint32:
            return [int(v) & _MASK32 for v in x.reshape(-1).to(torch.int64).tolist()]
        if x.ndim == 0:
            return _int_to_uint32_list(int(x.item()))
        x = x.tolist()
    elif hasattr(x, "__index__"):
        return _int_to_uint32_list(x.__index__())
    out = []
    for v in x:
        out.extend(_coerce_to_uint32_list(v))
    return out


def _hashmix(value, hash_const):
    value = (value ^ hash_const[0]) & _MASK32
    hash_const[0] = (hash_const[0] * _MULT_A) & _MASK32
    value = (value * hash_const[0]) & _MASK32
    value ^= value >> _XSHIFT
    return value


def _mix(x, y):
    result = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _MASK32
    result ^= result >> _XSHIFT
    return result


def _uint_tensor(values, dtype):
    """A uint32/uint64 tensor from Python ints (torch cannot parse uint64 > 2**63 directly)."""
    if dtype == torch.uint64:
        signed = [v - (1 << 64) if v >= (1 << 63) else v for v in values]
        return torch.tensor(signed, dtype=torch.int64).view(torch.uint64)
    return torch.tensor(values, dtype=torch.int64).to(torch.uint32)


def _uint_dtype(dtype):
    if dtype is None:
        return torch.uint32
    if isinstance(dtype, torch.dtype):
        return dtype
    from torchnp._dtypes import to_torch_dtype
    return to_torch_dtype(dtype)


class SeedSequence:
    """Mixes entropy into reproducible seeds. Mirrors ``numpy.random.SeedSequence``.

    Implements NumPy's algorithm exactly: ``SeedSequence(s).generate_state(n)``
    equals NumPy's for the same entropy and spawn key.
    """

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=_DEFAULT_POOL_SIZE,
                 n_children_spawned=0):
        if pool_size < _DEFAULT_POOL_SIZE:
            raise ValueError(f"The size of the entropy pool should be at least {_DEFAULT_POOL_SIZE}")
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not (isinstance(entropy, (int, list, tuple, range, torch.Tensor))
                  or hasattr(entropy, "__index__") or hasattr(entropy, "tensor")):
            raise TypeError(f"SeedSequence expects int or sequence of ints for entropy not {entropy}")
        if hasattr(entropy, "__index__") and not isinstance(entropy, int) and not hasattr(entropy, "shape"):
            entropy = entropy.__index__()
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        self._pool = self._mix_entropy(self._get_assembled_entropy())

    def __repr__(self):
        lines = [f"{type(self).__name__}(", f"    entropy={self.entropy!r},"]
        if self.spawn_key:
            lines.append(f"    spawn_key={self.spawn_key!r},")
        if self.pool_size != _DEFAULT_POOL_SIZE:
            lines.append(f"    pool_size={self.pool_size!r},")
        if self.n_children_spawned != 0:
            lines.append(f"    n_children_spawned={self.n_children_spawned!r},")
        lines.append(")")
        return "\n".join(lines)

    @property
    def state(self):
        return {"entropy": self.entropy, "spawn_key": self.spawn_key,
                "pool_size": self.pool_size, "n_children_spawned": self.n_children_spawned}

    @property
    def pool(self):
        return wrap(_uint_tensor(self._pool, torch.uint32))

    def _get_assembled_entropy(self):
        run_entropy = _coerce_to_uint32_list(self.entropy)
        spawn_entropy = _coerce_to_uint32_list(self.spawn_key)
        if len(spawn_entropy) > 0 and len(run_entropy) < self.pool_size:
            run_entropy = run_entropy + [0] * (self.pool_size - len(run_entropy))
        return run_entropy + spawn_entropy

    def _mix_entropy(self, entropy_array):
        hash_const = [_INIT_A]
        n = self.pool_size
        mixer = [_hashmix(entropy_array[i] if i < len(entropy_array) else 0, hash_const)
                 for i in range(n)]
        for i_src in range(n):
            for i_dst in range(n):
                if i_src != i_dst:
                    mixer[i_dst] = _mix(mixer[i_dst], _hashmix(mixer[i_src], hash_const))
        for i_src in range(n, len(entropy_array)):
            for i_dst in range(n):
                mixer[i_dst] = _mix(mixer[i_dst], _hashmix(entropy_array[i_src], hash_const))
        return mixer

    def _generate_words(self, n_words):
        hash_const = _INIT_B
        out = []
        pool = self._pool
        for i in range(n_words):
            data_val = pool[i % len(pool)]
            data_val ^= hash_const
            hash_const = (hash_const * _MULT_B) & _MASK32
            data_val = (data_val * hash_const) & _MASK32
            data_val ^= data_val >> _XSHIFT
            out.append(data_val)
        return out

    def generate_state(self, n_words, dtype=None):
        """Return ``n_words`` uint32 (or uint64) words of seed state, as NumPy does."""
        dt = _uint_dtype(dtype)
        if dt == torch.uint32:
            return wrap(_uint_tensor(self._generate_words(n_words), torch.uint32))
        if dt == torch.uint64:
            w = self._generate_words(2 * n_words)
            vals = [w[2 * i] | (w[2 * i + 1] << 32) for i in range(n_words)]
            return wrap(_uint_tensor(vals, torch.uint64))
        raise ValueError("only support uint32 or uint64")

    def spawn(self, n_children):
        """Spawn ``n_children`` independent child SeedSequences."""
        if n_children < 0:
            raise OverflowError("can't convert negative value to uint32_t")
        seqs = [type(self)(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size)
                for i in range(self.n_children_spawned, self.n_children_spawned + n_children)]
        self.n_children_spawned += n_children
        return seqs


def _torch_seed(seed_seq, salt):
    """A 63-bit torch seed from a SeedSequence, distinct per bit-generator class."""
    w = seed_seq._generate_words(2)
    return ((w[0] | (w[1] << 32)) ^ salt) & ((1 << 63) - 1)


def _default_device():
    # torch.get_default_device() costs ~3 us; an empty torch-function mode stack
    # means no DeviceContext is active, i.e. the default device is the CPU.
    if _len_mode_stack() == 0:
        return _CPU
    return torch.get_default_device()


_CPU = torch.device("cpu")
_len_mode_stack = getattr(torch._C, "_len_torch_function_stack", lambda: 1)


class BitGenerator:
    """Base class of the bit generators. Mirrors ``numpy.random.BitGenerator``.

    See the module docstring for the interface distributions use
    (``_sampler(device)``).
    """

    _salt = 0x5EED0000

    def __init__(self, seed=None):
        if isinstance(seed, SeedSequence):
            self._seed_seq = seed
        elif hasattr(seed, "generate_state") and hasattr(seed, "spawn"):
            self._seed_seq = seed
        else:
            if isinstance(seed, float) or (isinstance(seed, int) and not isinstance(seed, bool) and seed < 0):
                if isinstance(seed, float):
                    raise TypeError("SeedSequence expects int or sequence of ints for entropy not "
                                    f"{seed}")
                raise ValueError("expected non-negative integer")
            self._seed_seq = SeedSequence(seed)
        self.lock = threading.Lock()
        self._reset()

    def _reset(self):
        self._seed = _torch_seed(self._seed_seq, self._salt)
        self._gens = {}
        self._samplers = {}
        self._cpu_sampler = None  # the CPU sampler, cached for the per-call fast paths

    @property
    def seed_seq(self):
        return self._seed_seq

    def _torch_generator(self, device):
        """The ``torch.Generator`` for ``device`` (created and seeded on first use)."""
        key = (device.type, device.index)
        g = self._gens.get(key)
        if g is None:
            g = torch.Generator(device=device)
            g.manual_seed(self._seed)
            self._gens[key] = g
        return g

    def _sampler(self, device):
        """The distribution sampler for ``device`` (see the module docstring)."""
        s = self._samplers.get(device)
        if s is None:
            from ._distributions_impl import TorchSampler
            if device.type == "cpu" and device.index is None:
                device = _CPU  # one object, so hot paths can test ``is _CPU``
            s = TorchSampler(self._torch_generator(device), device)
            self._samplers[device] = s
            if device is _CPU:
                self._cpu_sampler = s
        return s

    @property
    def state(self):
        """``{'bit_generator': name, 'state': {'seed': int, 'torch_states': {...}}}``.

        Differences from NumPy: the inner state holds the torch generators'
        states (uint8 tensors), not the NumPy engine's words.
        """
        return {"bit_generator": type(self).__name__,
                "state": {"seed": self._seed,
                          "torch_states": {f"{k[0]}:{k[1]}" if k[1] is not None else k[0]:
                                           g.get_state() for k, g in self._gens.items()}},
                "has_uint32": 0, "uinteger": 0}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != type(self).__name__:
            raise ValueError(f"state must be for a {type(self).__name__} PRNG")
        inner = value.get("state")
        if not isinstance(inner, dict) or "seed" not in inner or "torch_states" not in inner:
            raise NotImplementedError(
                f"{type(self).__name__}.state: only states produced by torchnp can be set "
                "(NumPy's engine words cannot seed torch's generators)")
        self._seed = int(inner["seed"])
        self._gens = {}
        self._samplers = {}
        self._cpu_sampler = None
        for key, st in inner["torch_states"].items():
            g = self._torch_generator(torch.device(key))
            g.set_state(st.clone())

    def random_raw(self, size=None, output=True):
        """Raw 64-bit words from the engine. Mirrors ``BitGenerator.random_raw``."""
        s = self._sampler(_default_device())
        shape = () if size is None else ((size,) if isinstance(size, int) else tuple(size))
        bits = s.random_bits(shape)
        if not output:
            return None
        out = bits.view(torch.uint64)
        if size is None:
            return int(out.to(torch.int64).item()) % (1 << 64)
        return wrap(out)

    def spawn(self, n_children):
        """Independent child bit generators of the same class. Mirrors ``BitGenerator.spawn``."""
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    def jumped(self, jumps=1):
        raise NotImplementedError(f"{type(self).__name__}.jumped: jumping torch's engines is not "
                                  "supported; use spawn() for independent streams")

    def advance(self, delta):
        raise NotImplementedError(f"{type(self).__name__}.advance: advancing torch's engines is not "
                                  "supported")

    @property
    def ctypes(self):
        raise NotImplementedError(f"{type(self).__name__}.ctypes: no C interface on torch engines")

    @property
    def cffi(self):
        raise NotImplementedError(f"{type(self).__name__}.cffi: no C interface on torch engines")

    def __getstate__(self):
        return {"seed_seq": self._seed_seq, "state": self.state}

    def __setstate__(self, d):
        self._seed_seq = d["seed_seq"]
        self.lock = threading.Lock()
        self._reset()
        self.state = d["state"]

    def __repr__(self):
        return f"{type(self).__name__}(seed_seq={self._seed_seq.entropy!r})"


class PCG64(BitGenerator):
    """Mirrors ``numpy.random.PCG64`` (seeding only; see the module docstring)."""

    _salt = 0x0C6A0064


class PCG64DXSM(BitGenerator):
    """Mirrors ``numpy.random.PCG64DXSM`` (seeding only; see the module docstring)."""

    _salt = 0x0C6AD550


class MT19937(BitGenerator):
    """Mirrors ``numpy.random.MT19937`` (seeding only; see the module docstring)."""

    _salt = 0x19937000


class Philox(BitGenerator):
    """Mirrors ``numpy.random.Philox`` (seeding only; see the module docstring)."""

    _salt = 0x9410C000

    def __init__(self, seed=None, counter=None, key=None):
        if counter is not None or key is not None:
            raise NotImplementedError("Philox: counter= and key= are not supported "
                                      "(torch's engines are seeded from the SeedSequence)")
        super().__init__(seed)


class SFC64(BitGenerator):
    """Mirrors ``numpy.random.SFC64`` (seeding only; see the module docstring)."""

    _salt = 0x5FC64000
