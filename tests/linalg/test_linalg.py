"""Differential tests of torchnp.linalg against numpy.linalg.

``CASES`` maps every registered name to the calls checked through the oracle
(values, dtype, shape, scalar-vs-array, exception class); a completeness test
checks the table covers exactly what the plugin registers. Factorizations that
are not unique (qr, svd, eig, eigh) are checked by reconstruction below.
"""
import functools
import warnings

import numpy as np
import pytest
import torch
from hypothesis import given, strategies as st

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

RNG = np.random.default_rng(1234)
FLOATS = ["float32", "float64", "complex64", "complex128"]
ALL = FLOATS + ["int64", "int32", "uint8", "bool"]
SINGLE = ("float32", "complex64")


def mat(shape, dtype="float64", square_boost=True):
    """A well-conditioned random array of ``shape`` (diagonally dominant when square)."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        a = RNG.integers(0, 2, shape).astype(bool)
        if square_boost and len(shape) >= 2 and shape[-1] == shape[-2]:
            a |= np.eye(shape[-1], dtype=bool)
        return a
    if dt.kind in "iu":
        a = RNG.integers(0 if dt.kind == "u" else -3, 4, shape)
    else:
        a = RNG.standard_normal(shape)
        if dt.kind == "c":
            a = a + 1j * RNG.standard_normal(shape)
    if square_boost and len(shape) >= 2 and shape[-1] == shape[-2] and shape[-1] > 0:
        a = a + 4 * shape[-1] * np.eye(shape[-1])
    return a.astype(dt)


def spd(shape, dtype="float64"):
    a = mat(shape, dtype, square_boost=False)
    n = shape[-1]
    return (a @ np.swapaxes(a, -1, -2).conj() + n * np.eye(n)).astype(dtype)


def herm(shape, dtype="float64"):
    a = mat(shape, dtype, square_boost=False)
    return ((a + np.swapaxes(a, -1, -2).conj()) / 2).astype(dtype)


def tol(*arrays):
    if any(np.asarray(a).dtype.name in SINGLE for a in arrays):
        return {"rtol": 2e-4, "atol": 2e-5}
    return {"rtol": 1e-9, "atol": 1e-11}


def case(*args, **kwargs):
    return (args, kwargs)


def _cases():
    c = {}
    sq = lambda dt, b=(): mat(b + (3, 3), dt)  # noqa: E731
    c["solve"] = ([case(sq(dt), mat((3,), dt, False)) for dt in ALL]
                  + [case(sq(dt, (2,)), mat((2, 3, 2), dt, False)) for dt in FLOATS]
                  + [case(sq("float64", (2,)), mat((3,), "float64")),         # NumPy 2: 1-D b
                     case(sq("float64", (3,)), mat((3, 3), "float64")),       # b a stack of one
                     case(sq("float64", (2, 1)), mat((4, 3, 1), "float64")),  # broadcast batch
                     case(sq("float32"), mat((3,), "float64")),
                     case(np.zeros((0, 0)), np.zeros((0,))),
                     case(np.zeros((2, 0, 0)), np.zeros((2, 0, 4))),
                     case(np.zeros((3, 3)), np.ones(3)),                      # singular
                     case(np.ones(3), np.ones(3)),
                     case(np.ones((2, 3)), np.ones(2)),
                     case(sq("float64"), np.ones(4)),
                     case(sq("float64"), np.ones((4, 2))),
                     case(sq("float64"), np.float64(1.0)),
                     case(sq("float16"), np.ones(3, np.float16))])
    c["inv"] = ([case(sq(dt)) for dt in ALL] + [case(sq(dt, (2, 2))) for dt in FLOATS]
                + [case(np.zeros((0, 0))), case(np.zeros((3, 0, 0))), case(np.zeros((2, 2))),
                   case(np.ones((2, 3))), case(np.ones(3)), case(sq("float16"))])
    c["det"] = ([case(sq(dt)) for dt in ALL] + [case(sq(dt, (4,))) for dt in FLOATS]
                + [case(np.zeros((0, 0))), case(np.zeros((2, 0, 0))), case(np.ones((2, 2))),
                   case(np.ones((2, 3))), case(sq("float16"))])
    c["slogdet"] = ([case(sq(dt)) for dt in ALL] + [case(sq(dt, (2,))) for dt in FLOATS]
                    + [case(np.zeros((2, 2))), case(-np.eye(3)), case(np.zeros((0, 0))),
                       case(np.ones(3))])
    c["pinv"] = ([case(mat((4, 3), dt, False)) for dt in FLOATS + ["int64"]]
                 + [case(mat((2, 3, 4), "float64", False)),
                    case(np.ones((3, 3))), case(np.ones((3, 3)), rcond=0.5),
                    case(mat((3, 3), "float64"), rtol=None), case(np.ones((3, 3)), rtol=0.1),
                    case(herm((3, 3)), hermitian=True), case(herm((2, 3, 3), "complex128"), hermitian=True),
                    case(np.zeros((0, 3), np.int64)), case(np.ones(3)),
                    case(np.ones((2, 2)), rcond=0.1, rtol=0.1),
                    case(np.ones((2, 2), np.int64), rtol=None)])
    c["matrix_rank"] = ([case(mat((4, 3), dt, False)) for dt in ALL]
                        + [case(np.ones((3, 3))), case(np.zeros((3, 3))), case(np.ones(3)),
                           case(np.zeros(3)), case(np.float64(2.0)), case(np.zeros((3, 0))),
                           case(mat((2, 4, 4), "float64")), case(np.ones((3, 3)), tol=0.5),
                           case(np.ones((3, 3)), rtol=0.5), case(herm((3, 3)), hermitian=True),
                           case(np.ones((3, 3)), tol=1.0, rtol=1.0)])
    c["matrix_power"] = ([case(sq(dt), n) for dt in ["float64", "complex64", "int64", "int8", "bool", "uint16"]
                          for n in (0, 1, 2, 3, 5, 6)]
                         + [case(sq(dt), n) for dt in ["float64", "int64", "float32"] for n in (-1, -3)]
                         + [case(sq("float64", (2,)), 4), case(np.zeros((0, 0)), 3),
                            case(sq("float64"), 2.0), case(np.ones((2, 3)), 2), case(np.zeros((2, 2)), -1)])
    c["multi_dot"] = ([case([mat((2, 3), dt, False), mat((3, 4), dt, False), mat((4, 2), dt, False)])
                       for dt in ALL]
                      + [case([mat((3,)), mat((3, 4)), mat((4, 5)), mat((5, 2)), mat((2,))]),
                         case([mat((3,)), mat((3, 4)), mat((4, 5)), mat((5, 2))]),
                         case([mat((10, 3)), mat((3, 20)), mat((20, 2)), mat((2, 7))]),
                         case([mat((3,)), mat((3,))]), case([mat((2, 3)), mat((3, 4, 2))]),
                         case([mat((2, 3))]), case([mat((2, 3)), mat((4, 4)), mat((4, 2))]),
                         case([mat((2, 3)), mat((2, 3, 4)), mat((4, 2))])])
    c["tensorinv"] = ([case(mat((6, 2, 3), dt, False) + 0 * 0, ind=1) for dt in ["float64"]]
                      + [case(np.eye(6).reshape(6, 2, 3) * 3 + mat((6, 2, 3)) * 0.1, ind=1),
                         case((np.eye(24) * 4 + mat((24, 24)) * 0.1).reshape(4, 6, 8, 3)),
                         case(np.eye(4).reshape(2, 2, 2, 2).astype(np.complex64)),
                         case(np.eye(4).reshape(2, 2, 2, 2), ind=0), case(np.ones((2, 3)))])
    c["tensorsolve"] = ([case((np.eye(6) * 4 + mat((6, 6)) * 0.1).reshape(6, 2, 3), mat((6,)))]
                        + [case((np.eye(24) * 4 + mat((24, 24)) * 0.1).reshape(2, 3, 4, 2, 3, 4),
                                mat((2, 3, 4)))]
                        + [case((np.eye(6) * 4).reshape(2, 3, 6), mat((2, 3)), axes=None),
                           case((np.eye(6) * 4).reshape(6, 2, 3).transpose(1, 0, 2), mat((6,)), axes=(0,)),
                           case(np.ones((2, 3, 4)), mat((2,)))])
    c["cond"] = ([case(sq(dt), p) for dt in FLOATS + ["int64"]
                  for p in (None, 1, -1, 2, -2, np.inf, -np.inf, "fro", "nuc")]
                 + [case(mat((3, 4)), None), case(mat((2, 3, 3)), 1), case(mat((2, 3, 3)), None),
                    case(np.ones((3, 3)), 1), case(np.ones((3, 3))), case(np.zeros((0, 0))),
                    case(np.array([[1.0, np.nan], [0, 1]]), 1), case(mat((3, 3)), 3),
                    case(np.ones((2, 3)), 1)])
    c["norm"] = ([case(mat((5,), dt, False), o) for dt in ALL
                  for o in (None, 0, 1, -1, 2, -2, 3, 0.5, np.inf, -np.inf)]
                 + [case(mat((3, 4), dt, False), o) for dt in FLOATS + ["int64"]
                    for o in (None, 1, -1, 2, -2, np.inf, -np.inf, "fro", "nuc")]
                 + [case(mat((2, 3, 4)), None), case(mat((2, 3, 4)), None, (0, 2), True),
                    case(mat((2, 3, 4)), 1, (2, 0)), case(mat((2, 3, 4)), np.inf, (-1, 0), True),
                    case(mat((2, 3, 4)), 2, 1, True), case(mat((2, 3, 4)), 3, -1),
                    case(mat((2, 3, 4)), 0, 0), case(mat((2, 3)), None, None, True),
                    case(mat((3,)), None, None, True), case(mat((2, 3)), "fro", None, True),
                    case(np.float64(3.0)), case(np.zeros((0,))), case(np.zeros((0, 3))),
                    case(np.zeros((0,)), np.inf), case(np.zeros((0, 3)), 1), case(np.zeros((3, 0)), 1),
                    case(mat((3,)), "fro"), case(mat((3, 3)), 3), case(mat((2, 3, 4)), 1),
                    case(mat((2, 3, 4)), None, (0, 0)), case(mat((2, 3, 4)), None, (0, 1, 2)),
                    case(mat((2, 3)), None, 2), case(mat((2, 3)), None, 1.5),
                    case(mat((4,), "float16"), None), case(mat((4,), "float16"), 1),
                    case(mat((3, 3), "float16"), "fro"), case(mat((3, 3), "float16"), 2)])
    c["matrix_norm"] = ([case(mat((3, 4), dt, False), ord=o) for dt in FLOATS + ["int64"]
                         for o in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf)]
                        + [case(mat((2, 3, 4)), keepdims=True), case(mat((2, 3, 4)), ord=2),
                           case(mat((3,))), case(mat((3, 3)), ord=3)])
    c["vector_norm"] = ([case(mat((2, 3, 4), dt, False), ord=o) for dt in ALL
                         for o in (2, 1, 0, np.inf, -np.inf, 3, -1)]
                        + [case(mat((2, 3, 4)), axis=(0, 2)), case(mat((2, 3, 4)), axis=(-1, 0), keepdims=True),
                           case(mat((2, 3, 4)), axis=1, keepdims=True), case(mat((2, 3, 4)), keepdims=True),
                           case(np.float64(-2.0)), case(mat((2, 3, 4)), axis=(0, 1, 2), ord=1),
                           case(mat((2, 3)), axis=3), case(mat((2, 3)), ord="fro")])
    c["vecdot"] = ([case(mat((3,), dt, False), mat((3,), dt, False)) for dt in ALL]
                   + [case(mat((2, 3), "complex128"), mat((4, 1, 3), "complex128")),
                      case(mat((3, 2)), mat((3, 2)), axis=0), case(mat((3,), "int8"), mat((3,), "float32")),
                      case(mat((3,)), mat((4,))), case(np.float64(1.0), mat((3,))),
                      case(mat((2, 3)), mat((3, 3))), case(mat((3,)), mat((3,)), axis=1)])
    c["svdvals"] = ([case(mat((4, 3), dt, False)) for dt in ALL]
                    + [case(mat((2, 3, 5))), case(np.zeros((0, 3))), case(np.ones(3)),
                       case(mat((3, 3), "float16"))])
    c["diagonal"] = ([case(mat((3, 4), dt, False)) for dt in ALL]
                     + [case(mat((2, 3, 4)), offset=1), case(mat((3, 4)), offset=-2),
                        case(mat((3, 4)), offset=7), case(mat((3,)))])
    c["trace"] = ([case(mat((3, 4), dt, False)) for dt in ALL + ["int8", "uint32", "float16"]]
                  + [case(mat((2, 3, 4)), offset=1), case(mat((3, 4), "int32"), dtype=np.float32),
                     case(mat((3, 4)), dtype=np.complex128), case(mat((3, 4), "uint8"), dtype=np.int8),
                     case(mat((3,)))])
    c["outer"] = ([case(mat((3,), dt, False), mat((2,), dt, False)) for dt in ALL]
                  + [case(mat((3,), "int8"), mat((2,), "float32")), case(mat((2, 2)), mat((2,))),
                     case(np.zeros(0), mat((2,)))])
    c["cross"] = ([case(mat((3,), dt, False), mat((3,), dt, False)) for dt in FLOATS + ["int64", "int8"]]
                  + [case(mat((4, 3)), mat((3,))), case(mat((3, 5)), mat((3, 1)), axis=0),
                     case(mat((2,)), mat((3,))), case(mat((3,), "bool"), mat((3,), "bool")),
                     case(mat((3, 2)), mat((3, 2))),
                     # audit: shapes are checked before the bool dtype error
                     case(mat((2, 3), "bool"), mat((3, 3), "bool")), case(mat((2, 3)), mat((4, 3)))])
    c["tensordot"] = ([case(mat((2, 3, 4), dt, False), mat((3, 4, 5), dt, False)) for dt in ALL]
                      + [case(mat((2, 3)), mat((3, 2)), axes=1), case(mat((2, 3)), mat((2, 3)), axes=0),
                         case(mat((2, 3, 4)), mat((4, 2, 3)), axes=([0, 1], [1, 2])),
                         case(mat((2, 3, 4)), mat((4, 3)), axes=([-1, 1], [0, -1])),
                         case(mat((3,)), mat((3,)), axes=1), case(mat((2, 3)), mat((2, 3)), axes=1),
                         case(mat((2, 3)), mat((3, 2)), axes=(1, 0))])
    c["matmul"] = ([case(mat((2, 3), dt, False), mat((3, 4), dt, False)) for dt in ALL + ["uint16", "int8"]]
                   + [case(mat((3,)), mat((3,))), case(mat((3,)), mat((2, 3, 4))),
                      case(mat((2, 1, 2, 3)), mat((3, 3, 2))), case(mat((2, 3)), mat((3,))),
                      case(mat((2, 3), "int8"), mat((3,), "float32")), case(mat((2, 0)), mat((0, 3))),
                      case(mat((2, 3)), mat((2, 3))), case(np.float64(1.0), mat((2,))),
                      case(mat((2, 2, 3)), mat((3, 3, 2))), case(mat((3, 2)), np.float64(2.0))])
    c["matrix_transpose"] = ([case(mat((2, 3), dt, False)) for dt in ALL]
                             + [case(mat((4, 2, 3))), case(mat((3,)))])
    c["eigvalsh"] = ([case(herm((3, 3), dt)) for dt in FLOATS]
                     + [case(herm((2, 4, 4))), case(herm((3, 3)), UPLO="U"), case(herm((3, 3)), "u"),
                        case(herm((3, 3)), UPLO="X"), case(np.ones((2, 3))), case(np.zeros((0, 0))),
                        case(mat((3, 3), "int64")),
                        # a UPLO that is not a string: NumPy's UPLO.upper() raises AttributeError
                        case(herm((3, 3)), UPLO=None), case(herm((3, 3)), UPLO=1),
                        case(herm((3, 3)), UPLO=b"L")])
    c["eigvals"] = [case(np.triu(mat((3, 3), dt))) for dt in FLOATS + ["int64"]] + [
        case(np.array([[0.0, -1.0], [1.0, 0.0]])), case(np.array([[0.0, -1.0], [1.0, 0.0]], np.float32)),
        case(np.ones((2, 3))), case(np.zeros((0, 0))), case(np.array([[1.0, np.inf], [0, 1]])),
        case(np.array([[1.0, np.nan], [0, 1]], np.complex128))]
    c["cholesky"] = ([case(spd((3, 3), dt)) for dt in FLOATS]
                     + [case(spd((2, 3, 3))), case(spd((3, 3)), upper=True),
                        case(spd((3, 3), "complex128"), upper=True), case(np.eye(3, dtype=np.int64)),
                        case(-np.eye(3)), case(np.ones((2, 3))), case(np.zeros((0, 0)))])
    c["lstsq"] = ([case(mat((5, 3), dt, False), mat((5,), dt, False)) for dt in FLOATS + ["int64"]]
                  + [case(mat((5, 3)), mat((5, 2))), case(mat((3, 5)), mat((3,))),
                     case(mat((3, 3)), mat((3, 2))), case(np.ones((4, 3)), mat((4,))),
                     case(mat((5, 3)), mat((5,)), rcond=0.5), case(mat((5, 3), "float32"), mat((5,), "float32")),
                     case(np.zeros((0, 3)), np.zeros((0,))), case(mat((4, 3)), np.zeros((4, 0))),
                     case(mat((4, 3)), mat((3,))), case(mat((2, 4, 3)), mat((2, 4)))])
    return c


CASES = _cases()
# compared by hand (not unique); still listed so the completeness test sees them
BY_HAND = {"qr", "svd", "eig", "eigh", "LinAlgError"}


def _ids():
    for name, calls in CASES.items():
        for i, (args, kwargs) in enumerate(calls):
            shapes = "-".join(f"{np.asarray(a).dtype}{list(np.shape(a))}" if not isinstance(a, list)
                              else f"list{len(a)}" for a in args[:2])
            yield pytest.param(name, args, kwargs, id=f"{name}-{i}-{shapes}")


def test_table_is_complete():
    registered = {n for n in dir(tnp.linalg) if not n.startswith("_")}
    assert set(CASES) | BY_HAND == registered
    assert registered == set(np.linalg.__all__)


def test_signatures_match_numpy():
    import inspect
    for name in np.linalg.__all__:
        f = getattr(np.linalg, name)
        if isinstance(f, type):
            continue
        assert str(inspect.signature(getattr(tnp.linalg, name))) == str(inspect.signature(f)), name


@pytest.mark.parametrize("name,args,kwargs", list(_ids()))
def test_differential(name, args, kwargs):
    flat = [x for a in args for x in (a if isinstance(a, list) else [a])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's divide-by-zero in cond
        if "rtol" in kwargs:  # pinv/matrix_rank's rtol collides with the oracle's tolerance
            kw = dict(kwargs)
            fn = (functools.partial(getattr(np.linalg, name), rtol=kw["rtol"]),
                  functools.partial(getattr(tnp.linalg, name), rtol=to_tnp(kw.pop("rtol"))))
            check(fn, *args, **tol(*flat), **kw)
        else:
            check(name, *args, module="linalg", **tol(*flat), **kwargs)


# --- LinAlgError ------------------------------------------------------------
def test_linalgerror_is_valueerror():
    assert issubclass(tnp.linalg.LinAlgError, ValueError)
    assert tnp.linalg.LinAlgError.__name__ == "LinAlgError"


@pytest.mark.parametrize("fn,args,msg", [
    ("inv", (np.zeros((2, 2)),), "Singular matrix"),
    ("solve", (np.zeros((2, 2)), np.ones(2)), "Singular matrix"),
    ("cholesky", (-np.eye(2),), "Matrix is not positive definite"),
    ("inv", (np.ones((2, 3)),), "Last 2 dimensions of the array must be square"),
    ("det", (np.ones(3),), "1-dimensional array given. Array must be at least two-dimensional"),
    ("eig", (np.array([[np.nan, 1.0], [0, 1]]),), "Array must not contain infs or NaNs"),
    ("eigvals", (np.array([[np.inf, 1.0], [0, 1]]),), "Array must not contain infs or NaNs"),
    ("lstsq", (np.ones((3, 2)), np.ones(2)), "Incompatible dimensions"),
    ("cond", (np.zeros((0, 0)),), "cond is not defined on empty arrays"),
])
def test_linalgerror_messages(fn, args, msg):
    with pytest.raises(np.linalg.LinAlgError) as np_exc:
        getattr(np.linalg, fn)(*args)
    with pytest.raises(tnp.linalg.LinAlgError) as t_exc:
        getattr(tnp.linalg, fn)(*to_tnp(list(args)))
    assert str(t_exc.value) == str(np_exc.value) == msg


def test_float16_is_rejected_like_numpy():
    with pytest.raises(TypeError, match="array type float16 is unsupported in linalg"):
        tnp.linalg.inv(tnp.eye(2, dtype=tnp.float16))


# --- factorizations: reconstruction and invariants ----------------------------
def _np(x):
    return np.asarray(x.tensor.resolve_conj().numpy())


def _close(a, b, dtype):
    t = tol(np.zeros(1, dtype))
    np.testing.assert_allclose(a, b, rtol=t["rtol"] * 10, atol=t["atol"] * 100)


@pytest.mark.parametrize("dtype", FLOATS + ["int64"])
@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (3, 3), (2, 5, 3), (0, 3), (3, 0)])
@pytest.mark.parametrize("mode", ["reduced", "complete", "r", "raw"])
def test_qr(dtype, shape, mode):
    a = mat(shape, dtype, False)
    expected = np.linalg.qr(a, mode=mode)
    got = tnp.linalg.qr(to_tnp(a), mode=mode)
    if mode == "r":
        assert isinstance(got, tnp.ndarray) and got.dtype.name == expected.dtype.name
        assert got.shape == expected.shape
        _close(np.abs(_np(got)), np.abs(expected), expected.dtype)
        return
    if mode == "raw":
        h, tau = got
        assert type(got) is tuple
        assert (h.shape, h.dtype.name, tau.shape, tau.dtype.name) == (
            expected[0].shape, expected[0].dtype.name, expected[1].shape, expected[1].dtype.name)
        _close(np.abs(_np(h)), np.abs(expected[0]), expected[0].dtype)
        return
    assert type(got).__name__ == "QRResult"
    q, r = got.Q, got.R
    assert (q.shape, r.shape) == (expected.Q.shape, expected.R.shape)
    assert q.dtype.name == expected.Q.dtype.name and r.dtype.name == expected.R.dtype.name
    qn, rn = _np(q), _np(r)
    _close(qn @ rn, a.astype(expected.Q.dtype), expected.Q.dtype)
    np.testing.assert_allclose(np.triu(rn), rn)
    k = qn.shape[-1]
    _close(np.swapaxes(qn, -1, -2).conj() @ qn, np.broadcast_to(np.eye(k), qn.shape[:-2] + (k, k)),
           expected.Q.dtype)


def test_qr_bad_mode_and_deprecated_modes():
    check("qr", np.eye(2), mode="bogus", module="linalg")
    with pytest.warns(DeprecationWarning):
        q, r = tnp.linalg.qr(tnp.eye(3), mode="full")
    with pytest.warns(DeprecationWarning):
        h = tnp.linalg.qr(tnp.eye(3), mode="economic")
    assert h.shape == (3, 3)


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (3, 3), (2, 5, 3), (0, 3), (2, 0, 0)])
@pytest.mark.parametrize("full_matrices", [True, False])
def test_svd(dtype, shape, full_matrices):
    a = mat(shape, dtype, False)
    e = np.linalg.svd(a, full_matrices=full_matrices)
    g = tnp.linalg.svd(to_tnp(a), full_matrices=full_matrices)
    assert type(g).__name__ == "SVDResult"
    for gx, ex in zip(g, e):
        assert (gx.shape, gx.dtype.name) == (ex.shape, ex.dtype.name)
    _close(_np(g.S), e.S, e.U.dtype)
    u, s, vh = _np(g.U), _np(g.S), _np(g.Vh)
    k = s.shape[-1]
    _close((u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :], a.astype(e.U.dtype), e.U.dtype)
    assert_same(tnp.linalg.svd(to_tnp(a), compute_uv=False), np.linalg.svd(a, compute_uv=False),
                **tol(a.astype(e.U.dtype)))


@pytest.mark.parametrize("dtype", FLOATS)
def test_svd_hermitian(dtype):
    a = herm((2, 4, 4), dtype)
    e = np.linalg.svd(a, hermitian=True)
    g = tnp.linalg.svd(to_tnp(a), hermitian=True)
    assert [x.dtype.name for x in g] == [x.dtype.name for x in e]
    _close(_np(g.S), e.S, a.dtype)
    _close((_np(g.U) * _np(g.S)[..., None, :]) @ _np(g.Vh), a, a.dtype)
    assert_same(tnp.linalg.svd(to_tnp(a), compute_uv=False, hermitian=True),
                np.linalg.svd(a, compute_uv=False, hermitian=True), **tol(a))


@pytest.mark.parametrize("dtype", FLOATS + ["int64"])
@pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4), (0, 0)])
@pytest.mark.parametrize("UPLO", ["L", "U"])
def test_eigh(dtype, shape, UPLO):
    a = herm(shape, dtype) if dtype != "int64" else mat(shape, dtype, False)
    e = np.linalg.eigh(a, UPLO)
    g = tnp.linalg.eigh(to_tnp(a), UPLO)
    assert type(g).__name__ == "EighResult"
    assert [(x.dtype.name, x.shape) for x in g] == [(x.dtype.name, x.shape) for x in e]
    _close(_np(g.eigenvalues), e.eigenvalues, e.eigenvectors.dtype)
    v, w = _np(g.eigenvectors), _np(g.eigenvalues)
    sym = np.tril(a) if UPLO == "L" else np.triu(a)
    sym = sym + np.swapaxes(sym, -1, -2).conj() - np.eye(shape[-1]) * np.diagonal(a, 0, -2, -1)[..., None, :].real
    _close(v @ (w[..., None] * np.swapaxes(v, -1, -2).conj()), sym.astype(e.eigenvectors.dtype),
           e.eigenvectors.dtype)


@pytest.mark.parametrize("a", [
    np.triu(mat((3, 3))), mat((4, 4)), np.array([[0.0, -1.0], [1.0, 0.0]]),
    np.array([[0.0, -1.0], [1.0, 0.0]], np.float32), mat((2, 3, 3), "complex64"),
    np.stack([np.eye(2), np.array([[0.0, -1.0], [1.0, 0.0]])]), np.zeros((0, 0)),
    mat((3, 3), "int64"),
], ids=lambda a: f"{a.dtype}{list(a.shape)}")
def test_eig(a):
    e = np.linalg.eig(a)
    g = tnp.linalg.eig(to_tnp(a))
    assert type(g).__name__ == "EigResult"
    assert [(x.dtype.name, x.shape) for x in g] == [(x.dtype.name, x.shape) for x in e]
    w, v = _np(g.eigenvalues), _np(g.eigenvectors)
    _close(np.sort_complex(w.reshape(-1)), np.sort_complex(e.eigenvalues.reshape(-1)), w.dtype)
    _close(a @ v, v * w[..., None, :], v.dtype)


def test_eig_real_only_when_all_real():
    w = tnp.linalg.eigvals(tnp.asarray([[2.0, 1.0], [0.0, 3.0]]))
    assert w.dtype == tnp.float64
    w = tnp.linalg.eigvals(tnp.asarray([[0.0, -1.0], [1.0, 0.0]]))
    assert w.dtype == tnp.complex128


# --- named tuples, scalars, out= ------------------------------------------------
def test_named_tuples_unpack_and_attributes():
    a = tnp.asarray(spd((3, 3)))
    sign, logdet = tnp.linalg.slogdet(a)
    r = tnp.linalg.slogdet(a)
    assert r.sign is not None and isinstance(r.logabsdet, tnp.float64)
    assert float(sign) == 1.0
    u, s, vh = tnp.linalg.svd(a)
    assert tnp.linalg.svd(a).S.shape == (3,)
    w, v = tnp.linalg.eigh(a)
    assert tnp.linalg.eigh(a).eigenvectors.shape == (3, 3)
    q, r_ = tnp.linalg.qr(a)
    assert tnp.linalg.qr(a).R.shape == (3, 3)


def test_multi_dot_out():
    arrs = [mat((2, 3)), mat((3, 4)), mat((4, 2))]
    out = tnp.zeros((2, 2))
    res = tnp.linalg.multi_dot(to_tnp(arrs), out=out)
    assert res is out
    assert_same(out, np.linalg.multi_dot(arrs))
    with pytest.raises(TypeError):
        tnp.linalg.multi_dot(to_tnp(arrs), out=tnp.zeros((2, 2), dtype=tnp.int64))


def test_matrix_power_non_integer_exponent():
    with pytest.raises(TypeError, match="exponent must be an integer"):
        tnp.linalg.matrix_power(tnp.eye(2), 1.5)


def test_views():
    a = tnp.asarray(mat((3, 4)))
    d = tnp.linalg.diagonal(a)
    assert d.tensor.data_ptr() == a.tensor.data_ptr()
    t = tnp.linalg.matrix_transpose(a)
    assert t.tensor.data_ptr() == a.tensor.data_ptr()


def test_results_stay_single_precision():
    a = tnp.asarray(spd((3, 3), "float32"))
    for fn in ("inv", "cholesky", "pinv", "eigvalsh", "svdvals", "det"):
        assert getattr(tnp.linalg, fn)(a).dtype == tnp.float32, fn


@given(st.integers(1, 5), st.integers(0, 3), st.sampled_from(["float64", "complex128", "float32"]),
       st.booleans())
def test_solve_hypothesis(n, nbatch, dtype, vec):
    a = mat((nbatch,) * min(nbatch, 1) + (n, n), dtype)
    b = mat((n,) if vec else (nbatch,) * min(nbatch, 1) + (n, 2), dtype, False)
    check("solve", a, b, module="linalg", **tol(a))


@pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")  # NumPy's, for ord < 0 on zeros
@given(st.lists(st.integers(0, 4), min_size=1, max_size=3),
       st.sampled_from([None, 1, 2, np.inf, -np.inf, 0, -1, 3]), st.booleans())
def test_vector_norm_hypothesis(shape, ord, keepdims):
    x = mat(tuple(shape), "float64", False)
    for axis in [None] + list(range(-len(shape), len(shape))):
        check("vector_norm", x, module="linalg", axis=axis, keepdims=keepdims,
              ord=2 if ord is None else ord)


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint16", "uint64"])
@pytest.mark.parametrize("sa,sb", [((2, 3), (3, 4)), ((3,), (3, 4)), ((2, 3), (3,)), ((3,), (3,)),
                                   ((2, 1, 2, 3), (3, 3, 2))])
def test_int_matmul_fallback_matches_numpy(dtype, sa, sb):
    # the path used on devices without integer GEMM (CUDA), exercised here on CPU
    from torchnp_linalg._products_impl import _int_matmul_by_sum
    a, b = mat(sa, dtype, False), mat(sb, dtype, False)
    got = _int_matmul_by_sum(torch.from_numpy(a), torch.from_numpy(b))
    expected = np.matmul(a, b)
    assert got.dtype == torch.from_numpy(expected.reshape(-1)).dtype
    np.testing.assert_array_equal(got.numpy(), expected)


@pytest.mark.cuda
def test_cuda_results_stay_on_device():
    a = tnp.asarray(mat((3, 3))).to_device("cuda")
    assert tnp.linalg.inv(a).device.type == "cuda"
    assert tnp.linalg.matmul(tnp.asarray(mat((2, 3), "int64")).to_device("cuda"),
                             tnp.asarray(mat((3, 2), "int64")).to_device("cuda")).device.type == "cuda"
    assert tnp.linalg.eig(a).eigenvalues.device.type == "cuda"


@pytest.mark.parametrize("dt", ["uint8", "uint16", "uint32", "uint64"])
def test_vecdot_unsigned_wraps_as_numpy(dt):
    # torch has no unsigned sum ("sum_cpu" not implemented for 'UInt64' leaked); NumPy's
    # products and sums wrap in the dtype
    rng = np.random.default_rng(1)
    hi = np.iinfo(dt).max
    a = rng.integers(0, hi, (3, 4), dtype=dt, endpoint=True)
    b = rng.integers(0, hi, (3, 4), dtype=dt, endpoint=True)
    for x, y in ((a, b), (a.T, b.T)):
        want = np.linalg.vecdot(x, y)
        got = tnp.linalg.vecdot(tnp.asarray(x), tnp.asarray(y))
        assert str(got.dtype) == str(want.dtype) and np.asarray(got).tolist() == want.tolist()
