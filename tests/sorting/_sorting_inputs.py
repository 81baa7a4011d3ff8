"""Input arrays for the sorting plugin's differential tests (NumPy side)."""
import numpy as np

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
REAL = [d for d in DTYPES if not d.startswith("complex")]
INEXACT = ["float16", "float32", "float64", "complex64", "complex128"]

SHAPES = {
    "0d": (),
    "empty": (0,),
    "1d": (9,),
    "2d": (4, 5),
    "3d": (2, 3, 4),
    "empty2d": (3, 0),
}


def make(dtype, shape=(9,), seed=0, special=True, noncontig=False):
    """Values with ties (small range); NaN/inf/-0.0 for inexact dtypes when ``special``."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    full = tuple(shape) if not noncontig else tuple(shape[:-1]) + (2 * shape[-1],) if shape else ()
    n = int(np.prod(full)) if full else 1
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind == "u":
        x = rng.integers(0, 5, n).astype(dt)
        if n > 2:
            x[0] = np.iinfo(dt).max
    elif dt.kind == "i":
        x = rng.integers(-3, 4, n).astype(dt)
        if n > 2:
            x[0] = np.iinfo(dt).min
    elif dt.kind == "f":
        x = rng.integers(-3, 4, n).astype(dt) / 2
        if special and n > 4:
            x[1], x[2], x[3] = np.nan, -0.0, np.inf
            x[-1] = np.nan
    else:
        x = (rng.integers(-2, 3, n) + 1j * rng.integers(-2, 3, n)).astype(dt)
        if special and n > 5:
            x[1] = complex(np.nan, 1)
            x[2] = complex(1, np.nan)
            x[3] = complex(np.nan, np.nan)
            x[4] = complex(np.inf, 0)
    x = x.reshape(full)
    if noncontig and shape:
        x = x[..., ::2]
    return x


_EXC_MAP = {}


def ck(fn, *args, module="", **kwargs):
    """``_oracle.check``, mapping NumPy's exception classes to torchnp's (AxisError…)."""
    import pytest

    import torchnp as tnp
    from _oracle import check, to_tnp
    if not _EXC_MAP:
        _EXC_MAP[np.exceptions.AxisError] = tnp.exceptions.AxisError
        _EXC_MAP[np.exceptions.TooHardError] = tnp.exceptions.TooHardError
    npf = getattr(np, fn) if isinstance(fn, str) else fn[0]
    try:
        npf(*args, **kwargs)
    except tuple(_EXC_MAP) as exc:
        tf = getattr(tnp, fn) if isinstance(fn, str) else fn[1]
        with pytest.raises(_EXC_MAP[type(exc)]):
            tf(*to_tnp(list(args)), **to_tnp(kwargs))
        return exc
    except Exception:  # noqa: BLE001 - the oracle compares the class
        pass
    return check(fn, *args, module=module, **kwargs)
