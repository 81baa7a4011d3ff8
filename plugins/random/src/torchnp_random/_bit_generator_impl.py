"""Bit generators and SeedSequence. Mirrors NumPy's "Bit Generators" section.

PCG64 (the default), PCG64DXSM, MT19937, Philox and SFC64 reproduce NumPy's
streams bit for bit: they are seeded from SeedSequence exactly as NumPy seeds
them, their state is NumPy's (``state`` reads and writes NumPy's dict, so a
state taken from NumPy continues NumPy's stream here and vice versa), and
``random_raw``, ``advance``, ``jumped`` and ``spawn`` match NumPy's.

The state is an int64 tensor (``_engines`` lays it out and steps it with torch
arithmetic), kept on the device of the last draw. Distributions reach the
stream through two calls::

    raws, commit = bit_generator._peek(n, unit, device)   # next n words, unused yet
    commit(k)                                             # k of them were used

(``unit`` 64: NumPy's next_uint64; 32: next_uint32, halves of 64-bit words
buffered in the state as NumPy does). ``k`` may be a 0-d tensor, so rejection
samplers never read a device value back. ``_take(n, unit, device)`` is the two
together. ``_sampler(device, legacy)`` gives the object whose methods draw each
distribution (``_exact_impl``: NumPy's Generator algorithms, or RandomState's
with ``legacy=True``).

``TorchBitGenerator`` is the other kind: torch's own engine for the device
(mt19937 on CPU, Philox on CUDA) seeded from SeedSequence, with a sampler of
torch's native distributions (``_distributions_impl.TorchSampler``): fastest
on a device, but not NumPy's numbers.
"""
from __future__ import annotations

import operator
import secrets
import threading

import torch

from torchnp._normalize import wrap

from . import _engines
from ._u64 import M64, srl, to_double_53

__all__ = ["SeedSequence", "BitGenerator", "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64",
           "TorchBitGenerator"]

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


def _default_device():
    # torch.get_default_device() costs ~3 us; an empty torch-function mode stack
    # means no DeviceContext is active, i.e. the default device is the CPU.
    if _len_mode_stack() == 0:
        return _CPU
    return torch.get_default_device()


_CPU = torch.device("cpu")
_len_mode_stack = getattr(torch._C, "_len_torch_function_stack", lambda: 1)
_I64 = torch.int64


def _words(seed_seq, n, dtype):
    """``seed_seq.generate_state(n, dtype)`` as Python ints."""
    if isinstance(seed_seq, SeedSequence):
        w = seed_seq._generate_words(2 * n if dtype == "uint64" else n)
        if dtype == "uint64":
            return [w[2 * i] | (w[2 * i + 1] << 32) for i in range(n)]
        return w
    st = seed_seq.generate_state(n, dtype)
    return _int_list(st)


def _int_list(x):
    """Python ints from a sequence, array or tensor of (unsigned) integers."""
    t = getattr(x, "tensor", None)
    if isinstance(t, torch.Tensor):
        x = t
    if isinstance(x, torch.Tensor):
        if x.dtype == torch.uint64:
            return [v & M64 for v in x.view(torch.int64).reshape(-1).tolist()]
        return [int(v) for v in x.reshape(-1).tolist()]
    if hasattr(x, "tolist"):
        x = x.tolist()
    return [int(v) for v in x]


def _uint_array(values, dtype):
    return wrap(_uint_tensor(list(values), dtype))


class BitGenerator:
    """Base class of the bit generators. Mirrors ``numpy.random.BitGenerator``.

    See the module docstring for the stream interface distributions use.
    """

    _engine = None     # an _engines engine (shared, stateless)
    _raw_unit = 64     # random_raw's word: 64 bits, or MT19937's 32

    @staticmethod
    def _dbl(u):
        """NumPy's next_double from a next_uint64 word: (u >> 11) * 2**-53."""
        return to_double_53(u)

    def __init__(self, seed=None):
        self._seed_seq = _as_seed_seq(seed)
        # on the CPU whatever torch's default device is (draws move it where they run)
        self._state = torch.tensor(self._checked(self._seed_state()), dtype=_I64, device=_CPU)

    @property
    def lock(self):
        """A threading.Lock, made on first use (NumPy's attribute). Draws in the CPU kernels
        hold it, so threads sharing a bit generator get distinct numbers, as with NumPy."""
        lk = self.__dict__.get("_lock")
        if lk is None:
            lk = self.__dict__.setdefault("_lock", threading.Lock())
        return lk

    def _checked(self, values):
        """A state vector for this engine, or ValueError: the right length, and the buffer
        positions the kernels index with in range (NumPy accepts any and then reads outside
        its buffers)."""
        eng = self._engine
        values = [int(v) for v in values]
        n = getattr(eng, "nstate", 6)
        if len(values) != n:
            raise ValueError(f"state is not a valid {type(self).__name__} state: {len(values)} "
                             f"words, not {n}")
        if eng.name == "MT19937" and not 0 <= values[624] <= 624:
            raise ValueError("MT19937 state 'pos' must be in [0, 624], not "
                             f"{values[624]}")
        if eng.name == "Philox" and not 0 <= values[10] <= 4:
            raise ValueError(f"Philox state 'buffer_pos' must be in [0, 4], not {values[10]}")
        if eng.name != "MT19937":
            values[-2] = 1 if values[-2] else 0      # has_uint32: a flag
            values[-1] &= 0xFFFFFFFF
        for v in values:
            if not -(1 << 63) <= v < (1 << 63):
                raise ValueError(f"state is not a valid {type(self).__name__} state: {v} is "
                                 "not a 64-bit word")
        return values

    # --- the stream ---------------------------------------------------------------------
    def _state_on(self, device):
        st = self._state
        if st.device != device:
            st = st.to(device)
            if not torch.compiler.is_compiling():
                self._state = st
        return st

    def _peek(self, n, unit, device):
        """The next ``n`` words (64- or 32-bit, as int64) on ``device``, and ``commit(k)``."""
        st = self._state_on(device)
        eng = self._engine
        if n <= _engines.HOST_MAX and device.type == "cpu" and not torch.compiler.is_compiling():
            host = st.tolist()
            vals, after = (eng.hpeek64 if unit == 64 else eng.hpeek32)(host, n)
            raws = torch.tensor(vals, dtype=_I64)

            def commit(k):
                st.copy_(torch.tensor(after(k), dtype=_I64))
            return raws, commit
        raws, after = (eng.peek64 if unit == 64 else eng.peek32)(st, n)

        def commit(k):
            st.copy_(after(k))
        return raws, commit

    def _take(self, n, unit, device):
        raws, commit = self._peek(n, unit, device)
        commit(n)
        return raws

    def _host_state(self):
        return [int(v) for v in self._state.tolist()]

    def _set_host_state(self, values):
        values = self._checked(values)
        old = self.__dict__.get("_state")
        dev = old.device if isinstance(old, torch.Tensor) and old.device.type != "meta" else _CPU
        new = torch.tensor(values, dtype=_I64, device=_CPU).to(dev)
        with self.lock:  # never swap the state under a kernel that is writing it
            self._state = new

    def _sampler(self, device, legacy=False, gauss=None):
        """A sampler of NumPy's algorithms for ``device`` (``_exact_impl``); ``gauss`` is
        RandomState's cached polar normal (a float64 tensor [has_gauss, gauss])."""
        from ._exact_impl import ExactSampler, LegacySampler
        if device.type == "meta":
            raise NotImplementedError("torchnp.random: random draws need data; the meta device "
                                      "has none")
        if device.type == "cpu" and device.index is None:
            device = _CPU
        return (LegacySampler if legacy else ExactSampler)(self, device, gauss)

    # --- NumPy's API ----------------------------------------------------------------------
    @property
    def seed_seq(self):
        """The SeedSequence this bit generator was seeded from."""
        return self._seed_seq

    @property
    def state(self):
        """NumPy's state dict (arrays as torchnp arrays)."""
        d = self._engine.get_state(self._host_state())
        return {"bit_generator": type(self).__name__, **self._wrap_state(d)}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != type(self).__name__:
            raise ValueError(self._state_message())
        try:
            self._set_host_state(self._engine.set_state(value))
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"state is not a valid {type(self).__name__} state: {exc}") from None

    def _state_message(self):
        return f"state must be for a {type(self).__name__} RNG"

    @staticmethod
    def _wrap_state(d):
        return d

    def random_raw(self, size=None, output=True):
        """Raw words of the bit generator. Mirrors ``BitGenerator.random_raw``."""
        shape = () if size is None else _size(size)
        n = 1
        for s in shape:
            n *= s
        raws = self._raw(n)
        if not output:
            return None
        if size is None:
            return int(raws[0]) & M64
        return wrap(raws.view(torch.uint64).reshape(shape))

    def _raw(self, n):
        dev = _default_device()
        if dev.type == "cpu" and not torch.compiler.is_compiling() and n > _engines.HOST_MAX:
            from . import _native
            lib = _native.lib()
            if lib is not None:
                from ._exact_impl import _ptr, _st_ptr
                out = torch.empty(n, dtype=_I64, device=_CPU)
                f = lib.tnp_raw64 if self._raw_unit == 64 else lib.tnp_raw32
                kind = _native.ENGINE_ID[self._engine.name]
                with self.lock:
                    st = self._state_on(_CPU)   # held here for the call
                    f(kind, _st_ptr(st, kind), n, _ptr(out, _I64, n))
                return out
        return self._take(n, self._raw_unit, dev)

    def spawn(self, n_children):
        """Independent child bit generators of the same class. Mirrors ``BitGenerator.spawn``."""
        if not isinstance(self._seed_seq, SeedSequence) and not hasattr(self._seed_seq, "spawn"):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        n_children = _c_int(n_children, -(1 << 31), (1 << 31) - 1, "value too large to convert to int")
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    @property
    def ctypes(self):
        raise NotImplementedError(f"{type(self).__name__}.ctypes: torchnp bit generators have no "
                                  "C interface")

    @property
    def cffi(self):
        raise NotImplementedError(f"{type(self).__name__}.cffi: torchnp bit generators have no "
                                  "C interface")

    @property
    def capsule(self):
        raise NotImplementedError(f"{type(self).__name__}.capsule: torchnp bit generators have no "
                                  "C interface")

    def __getstate__(self):
        return {"seed_seq": self._seed_seq, "state_vector": self._host_state()}

    def __setstate__(self, d):
        self._seed_seq = d["seed_seq"]
        self._state = torch.tensor(self._checked(d["state_vector"]), dtype=_I64, device=_CPU)

    def __repr__(self):
        return f"{type(self).__name__}(seed_seq={getattr(self._seed_seq, 'entropy', None)!r})"


def _c_int(x, lo=-(1 << 63), hi=(1 << 63) - 1, overflow="Python int too large to convert to C long"):
    """Cython's conversion of an argument typed as a C integer (``int n``, ``npy_intp n``): ints,
    and anything with ``__int__`` (floats truncate, 0-d arrays); not strings or complex."""
    if not isinstance(x, int):
        if getattr(type(x), "__int__", None) is None:
            raise TypeError("an integer is required")
        x = int(x)
    if not lo <= x <= hi:
        raise OverflowError(overflow)
    return int(x)


def _size(size):
    """``size`` as a shape, with NumPy's errors (``np.empty(size)``'s)."""
    from ._generator_impl import _size_tuple
    return _size_tuple(size)


def _as_seed_seq(seed):
    if isinstance(seed, SeedSequence):
        return seed
    if hasattr(seed, "generate_state") and hasattr(seed, "spawn"):
        return seed
    if isinstance(seed, float):
        raise TypeError(f"SeedSequence expects int or sequence of ints for entropy not {seed}")
    if isinstance(seed, int) and not isinstance(seed, bool) and seed < 0:
        raise ValueError("expected non-negative integer")
    return SeedSequence(seed)


class _PCGBase(BitGenerator):
    def _seed_state(self):
        return self._engine.seed_state(_words(self._seed_seq, 4, "uint64"))

    def advance(self, delta):
        """Advance the stream as if ``delta`` words were drawn. Mirrors ``PCG64.advance``."""
        delta = operator.index(delta) % (1 << 128)
        self._set_host_state(self._engine.advance(self._host_state(), delta))
        return self

    def jumped(self, jumps=1):
        """A copy advanced by ``jumps`` * 0x9e3779b97f4a7c15f39cc0605cedc835 steps."""
        bg = type(self).__new__(type(self))
        bg._seed_seq = self._seed_seq
        bg._state = self._state.clone()
        return bg.advance(0x9E3779B97F4A7C15F39CC0605CEDC835 * operator.index(jumps))


class PCG64(_PCGBase):
    """PCG XSL RR 128/64, NumPy's default bit generator. Mirrors ``numpy.random.PCG64``."""

    _engine = _engines.PCG64Engine()


class PCG64DXSM(_PCGBase):
    """PCG CM DXSM 128/64. Mirrors ``numpy.random.PCG64DXSM``."""

    _engine = _engines.PCG64DXSMEngine()


class MT19937(BitGenerator):
    """The Mersenne Twister. Mirrors ``numpy.random.MT19937`` (and RandomState's legacy seeding)."""

    _engine = _engines.MT19937Engine()
    _raw_unit = 32

    @staticmethod
    def _dbl(u):
        """mt19937_next_double of the two words (a, b) = (u >> 32, u & 0xffffffff):
        ((a >> 5) * 2**26 + (b >> 6)) / 2**53, an exact 53-bit integer scaled."""
        a = srl(u, 37)
        b = (u & 0xFFFFFFFF) >> 6
        return ((a << 26) | b).to(torch.float64) * (1.0 / 9007199254740992.0)

    def _seed_state(self):
        return self._engine.seed_state(_words(self._seed_seq, 624, "uint32"))

    def _state_message(self):
        return "state must be for a MT19937 PRNG"

    @staticmethod
    def _wrap_state(d):
        return {"state": {"key": _uint_array(d["state"]["key"], torch.uint32),
                          "pos": d["state"]["pos"]}}

    @property
    def state(self):
        """NumPy's state dict: {'key': 624 uint32 words, 'pos': int}."""
        return BitGenerator.state.fget(self)

    @state.setter
    def state(self, value):
        if isinstance(value, tuple):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        BitGenerator.state.fset(self, value)

    def _legacy_seeding(self, seed):
        """RandomState's seeding: a 32-bit int (init_genrand) or an array (init_by_array)."""
        if seed is None:
            ss = SeedSequence()
            val = _words(ss, 624, "uint32")
            st = self._host_state()
            self._set_host_state([0x80000000] + val[1:624] + [st[624]])
            self._seed_seq = None
            return
        if isinstance(seed, float):
            raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according "
                            "to the rule 'safe'")
        t = getattr(seed, "tensor", seed)
        if isinstance(t, torch.Tensor) and t.ndim == 0:
            t = t.item()
        if isinstance(t, int) or (hasattr(t, "__index__") and not hasattr(t, "__len__")):
            idx = operator.index(t)
            if idx > 2**32 - 1 or idx < 0:
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._set_host_state(self._engine.legacy_seed(idx))
        else:
            if isinstance(seed, str):
                raise TypeError(f"Cannot cast scalar from dtype('<U{len(seed)}') to "
                                "dtype('int64') according to the rule 'safe'")
            if not isinstance(seed, (list, tuple, torch.Tensor)) and not hasattr(seed, "tensor"):
                # dicts, sets, arbitrary objects: NumPy sees an object scalar
                raise TypeError("Cannot cast scalar from dtype('O') to dtype('int64') according "
                                "to the rule 'safe'")
            from torchnp._normalize import as_tensor
            arr = as_tensor(seed)
            if arr.numel() == 0:
                raise ValueError("Seed must be non-empty")
            if arr.is_floating_point() or arr.is_complex():
                raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                                "according to the rule 'safe'")
            if arr.ndim != 1:
                raise ValueError("Seed array must be 1-d")
            vals = _int_list(arr)
            if any(v < 0 or v > 2**32 - 1 for v in vals):
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._set_host_state(self._engine.init_by_array(vals))
        self._seed_seq = None

    def jumped(self, jumps=1):
        """A copy jumped as if 2**128 * ``jumps`` words were drawn. Mirrors ``MT19937.jumped``."""
        from ._mt_jump import mt_jump
        bg = type(self).__new__(type(self))
        bg._seed_seq = self._seed_seq
        st = self._host_state()
        for _ in range(operator.index(jumps)):
            st = mt_jump(st)
        bg._state = torch.tensor(bg._checked(st), dtype=_I64, device=_CPU)
        return bg


class Philox(BitGenerator):
    """Philox 4x64-10, counter based. Mirrors ``numpy.random.Philox``."""

    _engine = _engines.PhiloxEngine()

    def __init__(self, seed=None, counter=None, key=None):
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot be both used")
        self._counter = 0 if counter is None else _int_to_words(counter, "counter", 256)
        self._key = None if key is None else _int_to_words(key, "key", 128)
        super().__init__(seed)
        if key is not None:
            self._seed_seq = None
        del self._counter, self._key

    def _seed_state(self):
        key = self._key
        if key is None:
            key = _words(self._seed_seq, 2, "uint64")
        else:
            key = [(key >> (64 * i)) & M64 for i in range(2)]
        return self._engine.seed_state(key, self._counter)

    def _state_message(self):
        return "state must be for a Philox PRNG"

    @staticmethod
    def _wrap_state(d):
        return {"state": {"counter": _uint_array(d["state"]["counter"], torch.uint64),
                          "key": _uint_array(d["state"]["key"], torch.uint64)},
                "buffer": _uint_array(d["buffer"], torch.uint64),
                "buffer_pos": d["buffer_pos"], "has_uint32": d["has_uint32"],
                "uinteger": d["uinteger"]}

    def advance(self, delta):
        """Advance the counter by ``delta``. Mirrors ``Philox.advance``."""
        delta = operator.index(delta) % (1 << 256)
        self._set_host_state(self._engine.advance(self._host_state(), delta))
        return self

    def jumped(self, jumps=1):
        """A copy advanced by ``jumps`` * 2**128. Mirrors ``Philox.jumped``."""
        bg = type(self).__new__(type(self))
        bg._seed_seq = self._seed_seq
        bg._state = self._state.clone()
        return bg.advance(operator.index(jumps) * (1 << 128))


def _int_to_words(value, name, bits):
    """NumPy's int_to_array for Philox's counter/key: an int, or an array of uint64 words."""
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"{name} must be positive")
        if value >= 1 << bits:
            raise ValueError(f"{name} must be smaller than 2**{bits}")
        return value
    words = _int_list(value)
    if len(words) != bits // 64:
        raise ValueError(f"{name} must have {bits // 64} elements")
    return sum((w & M64) << (64 * i) for i, w in enumerate(words))


class SFC64(BitGenerator):
    """Chris Doty-Humphrey's Small Fast Chaotic generator. Mirrors ``numpy.random.SFC64``.

    Its stream is strictly sequential (no jump ahead), so its words are made on
    the host and copied to the device.
    """

    _engine = _engines.SFC64Engine()

    def _seed_state(self):
        return self._engine.seed_state(_words(self._seed_seq, 3, "uint64"))

    def _state_message(self):
        return "state must be for a {self.__class__.__name__} RNG"  # NumPy's text, as it is

    @staticmethod
    def _wrap_state(d):
        return {"state": {"state": _uint_array(d["state"]["state"], torch.uint64)},
                "has_uint32": d["has_uint32"], "uinteger": d["uinteger"]}


# --- torch's own engines, by name --------------------------------------------------------
class TorchBitGenerator(BitGenerator):
    """torch's native engine for each device (mt19937 on CPU, Philox on CUDA).

    torchnp extension: ``default_rng(seed, bit_generator="torch")`` or
    ``Generator(TorchBitGenerator(seed))``. Distributions use torch's kernels
    (``_distributions_impl.TorchSampler``): fast on any device, reproducible
    for a seed, but not NumPy's numbers. ``state`` holds the torch generators'
    states.
    """

    def __init__(self, seed=None):
        self._seed_seq = _as_seed_seq(seed)
        self._reset()

    def _reset(self):
        w = _words(self._seed_seq, 2, "uint32")
        self._seed = (w[0] | (w[1] << 32)) & ((1 << 63) - 1)
        self._gens = {}
        self._samplers = {}

    def _torch_generator(self, device):
        key = (device.type, device.index)
        g = self._gens.get(key)
        if g is None:
            g = torch.Generator(device=device)
            g.manual_seed(self._seed)
            self._gens[key] = g
        return g

    def _sampler(self, device, legacy=False, gauss=None):
        s = self._samplers.get(device)
        if s is None:
            from ._distributions_impl import TorchSampler
            if device.type == "cpu" and device.index is None:
                device = _CPU
            s = self._samplers[device] = TorchSampler(self._torch_generator(device), device)
        return s

    def _peek(self, n, unit, device):
        raise NotImplementedError("TorchBitGenerator has no NumPy word stream")

    @property
    def state(self):
        """``{'bit_generator': 'TorchBitGenerator', 'state': {'seed', 'torch_states'}}``."""
        return {"bit_generator": "TorchBitGenerator",
                "state": {"seed": self._seed,
                          "torch_states": {f"{k[0]}:{k[1]}" if k[1] is not None else k[0]:
                                           g.get_state() for k, g in self._gens.items()}}}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != "TorchBitGenerator":
            raise ValueError("state must be for a TorchBitGenerator RNG")
        inner = value["state"]
        self._seed = int(inner["seed"])
        self._gens = {}
        self._samplers = {}
        for key, st in inner["torch_states"].items():
            self._torch_generator(torch.device(key)).set_state(st.clone())

    def random_raw(self, size=None, output=True):
        """64-bit words from torch's engine (two 32-bit draws each)."""
        s = self._sampler(_default_device())
        shape = () if size is None else _size(size)
        bits = s.random_bits(shape)
        if not output:
            return None
        if size is None:
            return int(bits.item()) & M64
        return wrap(bits.view(torch.uint64))

    def __getstate__(self):
        return {"seed_seq": self._seed_seq, "state": self.state}

    def __setstate__(self, d):
        self._seed_seq = d["seed_seq"]
        self._reset()
        self.state = d["state"]
