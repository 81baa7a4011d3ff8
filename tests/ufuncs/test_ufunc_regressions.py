"""Regression cases found by a differential audit against NumPy 2.4.

Each row is one call that once gave a different answer (or crashed the
process); ``check`` compares result type, dtype, shape, values and the
exception class with NumPy.
"""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from tests._oracle import check

I64_MIN = -2**63
U64_BIG = np.array([0, 1, 7, 2**63, 2**63 + 6, 2**64 - 1, 2**64 - 12, 12], dtype=np.uint64)
I64_EDGE = np.array([0, 1, -1, 7, -7, 12, I64_MIN, 2**63 - 1, -2**62], dtype=np.int64)


def _grid(v):
    a, b = np.meshgrid(v, v)
    return a.ravel(), b.ravel()


def _mixed(d1, d2):
    return np.array([1, 0, 5, 3], dtype=d1), np.array([-1, 2, 5, 7] if d2[0] == "i" else [1, 2, 5, 7],
                                                         dtype=d2)


CASES = [
    # gcd/lcm: torch's Euclid loop traps (SIGFPE) on MIN % -1; uint64 read as signed
    ("gcd", _grid(I64_EDGE)), ("lcm", _grid(I64_EDGE)),
    ("gcd", _grid(I64_EDGE.astype(np.int32))), ("lcm", _grid(I64_EDGE.astype(np.int32))),
    ("gcd", _grid(U64_BIG)), ("lcm", _grid(U64_BIG)),
    # loop search: int8 with uint8 fits the float16 loop (not result_type's int16)
    ("arctan2", _mixed("int8", "uint8")), ("hypot", _mixed("uint16", "int8")),
    ("copysign", _mixed("int16", "uint16")), ("heaviside", _mixed("uint8", "int8")),
    # NEP 50 weak scalars in the linear loop search
    ("arctan2", (np.array([1, 2], np.int8), 3)), ("arctan2", (np.array([1, 2], np.int8), 2.5)),
    ("arctan2", (3, np.array([True, False]))), ("arctan2", (True, np.array([1, 2], np.int16))),
    ("ldexp", (3, np.array([1, 2], np.int16))), ("ldexp", (3, np.array([True, False]))),
    ("ldexp", (2.5, np.array([1, 2], np.int8))), ("ldexp", (np.array([True, False]), I64_MIN)),
    ("ldexp", (np.array([1, 2], np.float16), 3)), ("ldexp", (np.array([1, 2], np.float16), 2**40)),
    ("logaddexp", (np.array([1, 2], np.int8), 2**63)),
    # uint64 against signed integers: NumPy's exact mixed-sign comparison loops
    *[(op, (U64_BIG, np.array([-1, 2, -7, 5, 9, -2**63, 2**63 - 1, 12], dtype=np.int64)))
      for op in ("less", "less_equal", "greater", "greater_equal", "equal", "not_equal")],
    *[(op, (np.array([-1, 2, 7, 3], dtype=np.int8), np.array([1, 2, 2**63, 3], dtype=np.uint64)))
      for op in ("less", "greater_equal", "equal")],
    # bool and a too-big Python int compare as int64: OverflowError
    ("less", (np.array([True, False]), 2**63)), ("equal", (2**63, np.array([True, False]))),
    ("less", (np.array([1, 2], np.int8), 2**63)), ("equal", (np.array([1, 2], np.int8), 2**64)),
    # logical ufuncs cast everything to bool: any C long works
    ("logical_and", (np.array([1, 0], np.int8), 300)), ("logical_or", (-2, np.array([1, 0], np.uint8))),
    ("logical_xor", (np.array([1, 0], np.uint64), -2)), ("logical_and", (np.array([1, 0], np.int8), 2**64)),
    ("logical_or", (np.array([1.5, 0], np.float32), 2**63)), ("logical_and", (np.array([1, 0], np.int8), 1j)),
    # uint64 power with an exponent >= 2**63
    ("power", (np.array([0, 1, 2, 3, 2**64 - 1], np.uint64), 2**63)),
    ("power", (np.array([0, 1, 2, 3, 5], np.uint64), np.array([2**63 + 1] * 5, np.uint64))),
    # float16 loops with Python scalars outside float16's range
    ("power", (np.array([0.5, 1, 2], np.float16), 2**63)), ("add", (np.array([1, 2], np.float16), 70000.0)),
    ("multiply", (np.array([1, 2], np.float16), -1e300)),
    # complex add/subtract with infinities keep the other part (torch gives NaN)
    ("add", (np.array([1 + 2j, -3j], np.complex64), 1e300)),
    ("subtract", (np.array([1 + 2j, -3j], np.complex128), np.array([complex(np.inf, 0)] * 2))),
    ("add", (np.array([complex(np.inf, 1), 2j]), np.array([1 + 1j, complex(0, -np.inf)]))),
    # huge Python ints with complex arrays
    ("add", (np.array([1 + 2j], np.complex64), 2**64)), ("equal", (2**64, np.array([1 + 2j]))),
    ("multiply", (np.array([1 + 2j]), 2**70)),
    # complex comparisons: a NaN imaginary part blocks the real-part ordering
    *[(op, (np.array([complex(-2, np.nan), -2, complex(1.5, np.nan), 1j]),
            np.array([0j, complex(0, np.nan), -0j, complex(1j)])))
      for op in ("less", "less_equal", "greater", "greater_equal")],
    # complex sign with infinite / NaN parts
    ("sign", (np.array([complex(np.inf, 0), complex(np.inf, 1), complex(0, -np.inf), complex(np.inf, np.nan),
                        complex(np.nan, -np.inf), complex(np.inf, np.inf), complex(np.nan, 0), 0j, 3 - 4j]),)),
    ("exp2", (np.array([complex(np.inf, 0), complex(np.inf, 1), complex(-np.inf, 0), 1 + 1j], np.complex64),)),
    # complex power: x**0 == 1, 0**y, exact small integer powers, inf bases
    ("power", (np.array([0j, complex(np.nan, 1), complex(np.inf, 0), 1j, 1 + 1j]), 0j)),
    ("power", (np.array([0j, -0j]), np.array([1.5 + 1j, -1 + 0j]))),
    ("power", (np.array([1j, 1 + 1j, -1j, 2 - 1j]), 2)),
    ("power", (np.array([1j, 1 + 1j, 0.5 - 2j], np.complex64), np.array([-3, 5, 7]))),
    ("power", (np.array([complex(np.inf, 0), complex(0, -np.inf), 2j]), -2 + 0j)),
    ("float_power", (np.array([0j, 1j, complex(np.inf, 1)]), np.array([0j, 2, 1.5]))),
]


@pytest.mark.parametrize("name,args", CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_regression(name, args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        check(name, *args)


_A = np.array([[3, -1, 4, 1], [5, 9, -2, 6], [5, 3, 5, -8]])
_W = np.array([True, False, True, True])
METHOD_CASES = [
    # where= with initial: masked elements count as the identity, initial applies once
    ("add", "reduce", (_A,), dict(axis=0, initial=1, where=_W)),
    ("multiply", "reduce", (_A.astype(np.float32),), dict(axis=0, initial=2, where=_W)),
    ("maximum", "reduce", (_A,), dict(axis=0, initial=-100, where=_W)),
    # order-dependent folds start from initial and skip masked elements
    ("subtract", "reduce", (_A,), dict(axis=0, initial=1)),
    ("subtract", "reduce", (_A.astype(np.uint8),), dict(axis=0, initial=1, where=_W)),
    ("divide", "reduce", (_A.astype(float),), dict(axis=1, initial=1.0, where=_W)),
    # bitwise_and's identity -1 on unsigned types is all bits set
    ("bitwise_and", "reduce", (_A.astype(np.uint64),), dict(axis=())),
    ("bitwise_and", "reduce", (_A.astype(np.uint64),), dict(axis=0, where=_W)),
    ("bitwise_and", "reduce", (np.uint64(7),), dict(axis=None)),
    # comparisons reduce only booleans; logical ufuncs reduce through bool
    ("equal", "reduce", (_A,), dict(axis=0)), ("less", "accumulate", (_A.astype(float),), {}),
    ("equal", "reduce", (_A > 0,), dict(axis=1)), ("logical_xor", "reduce", (_A,), dict(axis=0)),
    # a dtype error comes before the "not reorderable" error
    ("subtract", "reduce", (_A > 0,), dict(axis=None)), ("lcm", "reduce", (_A.astype(float),), dict(axis=None)),
    # reduceat: a single-element slice has the reduction's dtype
    ("add", "reduceat", (_A.astype(np.int8), [2, 1]), dict(axis=1)),
    ("logical_or", "reduceat", (_A, [3, 3, 1]), dict(axis=1)),
    ("multiply", "reduceat", (_A.astype(np.uint8), [1, 0]), {}),
]


@pytest.mark.parametrize("name,method,args,kw", METHOD_CASES,
                         ids=[f"{i}-{c[0]}.{c[1]}" for i, c in enumerate(METHOD_CASES)])
def test_method_regression(name, method, args, kw):
    import torchnp as tnp
    check((getattr(getattr(np, name), method), getattr(getattr(tnp, name), method)), *args, **kw)


@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_order_dependent_reduce_is_a_left_fold(dt):
    # NumPy 2.4's float power/arctan2 loops mis-handle reductions (np.power.reduce([2., 3., 2.])
    # gives 4.0); torchnp folds left like NumPy's integer loops: (2**3)**2 == 64
    import torchnp as tnp
    assert float(tnp.power.reduce(tnp.asarray(np.array([2, 3, 2], dtype=dt)))) == 64.0
    assert int(np.power.reduce(np.array([2, 3, 2]))) == 64
    got = float(tnp.arctan2.reduce(tnp.asarray(np.array([1, 2, 3], dtype=dt))))
    assert abs(got - np.arctan2(np.arctan2(1.0, 2.0), 3.0)) < 1e-6


_FMOD_EDGE = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -3.0, 0.5, 7.0, 0.1, 2.0**60, 5e-324,
              -2.2e-308, 1e-300, 1e-45, 1e-7, 6e4, 3e38, -1e30, 1e300, 1.7976931348623157e308]


@pytest.mark.parametrize("dt", ["float16", "float32", "float64"])
@pytest.mark.parametrize("name", ["fmod", "remainder", "floor_divide", "divmod"])
def test_float_division_family_is_exact(name, dt):
    # torch's vectorised fmod gave NaN once x / y overflowed (fmod(1e30, 2.2e-308));
    # NumPy's answer is exact, and remainder/floor_divide/divmod derive from it
    import torchnp as tnp
    rng = np.random.default_rng(7)
    with np.errstate(all="ignore"):
        grid = _grid(np.array(_FMOD_EDGE, dtype=dt))
        rand = tuple((rng.standard_normal(400) * 10.0 ** rng.uniform(-320, 310, 400)).astype(dt)
                     for _ in range(2))
    for a, b in (grid, rand):
        with np.errstate(all="ignore"):
            exp = getattr(np, name)(a, b)
            got = getattr(tnp, name)(tnp.asarray(a), tnp.asarray(b))
        for e, g in zip(exp if name == "divmod" else (exp,), got if name == "divmod" else (got,)):
            g = g.tensor.numpy()
            assert g.dtype == e.dtype
            same = (g == e) & (np.signbit(g) == np.signbit(e)) | np.isnan(g) & np.isnan(e)
            assert same.all(), (a[~same][:4], b[~same][:4], e[~same][:4], g[~same][:4])


def test_fmod_of_python_floats_with_huge_quotient():
    check("fmod", 1e30, 2.2e-308)
    check("remainder", -1e300, 3e-300)
    with np.errstate(all="ignore"):
        check("floor_divide", np.array([3e38], np.float32), 1e-45)


def test_complex_fmax_fmin_two_nans_keep_the_first():
    import torchnp as tnp
    from tests._oracle import assert_same
    a = np.array([complex("nan+0j"), 1 + 0j, complex("0+nanj"), complex("nan+0j")])
    b = np.array([complex("0+nanj"), complex("nan+1j"), 2 + 0j, 3 + 0j])
    for name in ("fmax", "fmin", "maximum", "minimum"):
        got = getattr(tnp, name)(tnp.asarray(a), tnp.asarray(b))
        assert_same(got, getattr(np, name)(a, b))
