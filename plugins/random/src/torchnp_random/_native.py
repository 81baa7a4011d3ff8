"""CPU kernels for the NumPy-exact streams, compiled from ``_native_src`` on first use.

The tensor formulation of the engines (``_engines``) runs anywhere and traces
under torch.compile, but eagerly on a CPU a 128-bit LCG step is some forty
elementwise int64 ops per word: ~30x NumPy's time. These kernels are the same
algorithms as plain C loops (NumPy's speed), for eager draws on the CPU.

* Built with the system C compiler (``cc``, or ``$CC``) into
  ``$TORCHNP_CACHE_DIR`` (default ``~/.cache/torchnp``), named by a hash of the
  source and flags, so a process after the first loads it in about a
  millisecond; building takes ~0.3 s (``torchnp._cbuild``).
* No compiler, a failed build, ``TORCHNP_RANDOM_NATIVE=0`` or a non-x86-64/
  aarch64 platform: ``lib()`` is None and callers use the tensor path (exact
  too, slower).
* Never used while tracing (``torch.compiler.is_compiling()``): kernels are
  opaque to dynamo.
"""
from __future__ import annotations

import ctypes

from torchnp import _cbuild

__all__ = ["lib", "available", "loaded", "ENGINE_ID", "FILL", "CONT", "DISC", "CONT_ARGS",
           "DISC_ARGS", "STATE_LEN", "FILL_GAUSS"]

ENGINE_ID = {"PCG64": 0, "PCG64DXSM": 1, "Philox": 2, "SFC64": 3, "MT19937": 4}
# tnp_fill_f64 / tnp_fill_f32 distribution ids
FILL = {"random": 0, "standard_normal": 1, "standard_exponential": 2, "exponential_inv": 3,
        "legacy_gauss": 4, "legacy_exponential": 5, "standard_cauchy": 6,
        "legacy_cauchy": 7}
# tnp_cont ids (Generator, then RandomState's legacy_* from 40)
CONT = {"uniform": 0, "normal": 1, "exponential": 2, "standard_gamma": 3, "gamma": 4,
        "beta": 5, "chisquare": 6, "f": 7, "noncentral_chisquare": 8, "noncentral_f": 9,
        "standard_t": 10, "vonmises": 11, "pareto": 12, "weibull": 13, "power": 14,
        "laplace": 15, "gumbel": 16, "logistic": 17, "lognormal": 18, "rayleigh": 19,
        "wald": 20, "triangular": 21,
        "legacy_normal": 40, "legacy_exponential": 41, "legacy_standard_gamma": 42,
        "legacy_gamma": 43, "legacy_beta": 44, "legacy_chisquare": 45, "legacy_f": 46,
        "legacy_noncentral_chisquare": 47, "legacy_noncentral_f": 48, "legacy_standard_t": 49,
        "legacy_vonmises": 50, "legacy_pareto": 51, "legacy_weibull": 52, "legacy_power": 53,
        "legacy_lognormal": 54, "legacy_rayleigh": 55, "legacy_wald": 56}
DISC = {"poisson": 0, "binomial": 1, "negative_binomial": 2, "geometric": 3, "zipf": 4,
        "logseries": 5, "hypergeometric": 6, "legacy_binomial": 40,
        "legacy_negative_binomial": 41, "legacy_geometric": 42, "legacy_zipf": 43,
        "legacy_logseries": 44, "legacy_hypergeometric": 45}

# parameters each kernel id reads (tnp_cont: float64 count; tnp_disc: (float64, int64) counts),
# so that a call can never hand the C code fewer parameter arrays than it dereferences
_CONT_ARGS = {"uniform": 2, "normal": 2, "exponential": 1, "standard_gamma": 1, "gamma": 2,
              "beta": 2, "chisquare": 1, "f": 2, "noncentral_chisquare": 2, "noncentral_f": 3,
              "standard_t": 1, "vonmises": 2, "pareto": 1, "weibull": 1, "power": 1, "laplace": 2,
              "gumbel": 2, "logistic": 2, "lognormal": 2, "rayleigh": 1, "wald": 2,
              "triangular": 3}
CONT_ARGS = {**_CONT_ARGS, **{"legacy_" + k: v for k, v in _CONT_ARGS.items()}}
_DISC_ARGS = {"poisson": (1, 0), "binomial": (1, 1), "negative_binomial": (2, 0),
              "geometric": (1, 0), "zipf": (1, 0), "logseries": (1, 0), "hypergeometric": (0, 3)}
DISC_ARGS = {**_DISC_ARGS, **{"legacy_" + k: v for k, v in _DISC_ARGS.items()}}
# the state vector's length per engine id (the kernels read and write exactly this many words)
STATE_LEN = {0: 6, 1: 6, 2: 13, 3: 6, 4: 625}
# fills that read and write RandomState's cached normal (gs[0], gs[1])
FILL_GAUSS = {FILL["legacy_gauss"], FILL["legacy_cauchy"]}

_FLAGS = ["-O2", "-fPIC", "-shared", "-ffp-contract=off", "-fno-fast-math", "-std=gnu11"]

_P = ctypes.c_void_p
_I = ctypes.c_int
_L = ctypes.c_int64
_U = ctypes.c_uint64
_SIGS = {
    "tnp_set_tables": [_P] * 13,
    "tnp_raw64": [_I, _P, _L, _P],
    "tnp_raw32": [_I, _P, _L, _P],
    "tnp_fill_f64": [_I, _I, _P, _L, _P, _P],
    "tnp_fill_f32": [_I, _I, _P, _L, _P],
    "tnp_gamma_f32": [_I, _P, _L, _P, _P, _L],
    "tnp_cont": [_I, _I, _P, _L, _P, _P, _P, _L, _P, _L, _P, _L],
    "tnp_disc": [_I, _I, _P, _L, _P, _P, _P, _L, _P, _L, _P, _L, _P, _L, _P, _L],
    "tnp_bounded": [_I, _P, _L, _P, _I, _U, _U, _I],
    "tnp_bounded_b": [_I, _P, _L, _P, _I, _P, _P, _I],
    "tnp_shuffle": [_I, _P, _L, _L, _P, _I],
    "tnp_floyd": [_I, _P, _L, _L, _P, _P, _U],
    "tnp_multinomial": [_I, _P, _L, _L, _P, _P, _L, _P, _L, _I],
    "tnp_mvhg_marginals": [_I, _P, _L, _L, _P, _L, _L, _P],
    "tnp_mvhg_count": [_I, _P, _L, _L, _P, _L, _L, _P, _P],
}


def _build():
    from ._native_src import SOURCE
    return _cbuild.build("torchnp_random", SOURCE, _FLAGS, _SIGS)


def _init_tables(lib):
    import torch

    from ._tables import logfactorial_table
    from ._ziggurat import tables
    t = tables()
    keep = []
    cpu = torch.device("cpu")

    def ptr(x, dtype, n=256):
        # the kernel copies exactly n values (sizeof its static table): check them all
        x = x.to(device=cpu, dtype=dtype).contiguous()
        if x.numel() != n:
            raise OSError(f"torchnp.random: a kernel table has {x.numel()} values, not {n}")
        keep.append(x)
        return x.data_ptr()
    i64, f64, f32 = torch.int64, torch.float64, torch.float32
    args = [ptr(t["ki_double"], i64), ptr(t["wi_double"], f64), ptr(t["fi_double"], f64),
            ptr(t["ke_double"], i64), ptr(t["we_double"], f64), ptr(t["fe_double"], f64),
            ptr(t["ki_float"], i64), ptr(t["wi_float"], f32), ptr(t["fi_float"], f32),
            ptr(t["ke_float"], i64), ptr(t["we_float"], f32), ptr(t["fe_float"], f32),
            ptr(torch.tensor(logfactorial_table(), dtype=f64, device=cpu), f64, 126)]
    lib.tnp_set_tables(*args)
    keep.clear()  # the kernels hold copies


def _load():
    lib_ = _build()
    if lib_ is not None:
        _init_tables(lib_)
    return lib_


KERNELS = _cbuild.Kernels("TORCHNP_RANDOM_NATIVE", _load)


def lib():
    """The loaded kernel library, or None (see the module docstring)."""
    return KERNELS.get()


def available():
    return lib() is not None


def loaded():
    """True once ``lib()`` has loaded the kernels (never builds them)."""
    return KERNELS.lib is not None
