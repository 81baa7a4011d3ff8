"""einsum / einsum_path against NumPy: fixed cases, errors, and random subscripts."""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import torchnp as tnp
from tests._oracle import assert_same, check, to_tnp

rng = np.random.default_rng(7)


def A(*shape, dtype="float64"):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, shape).astype(bool)
    if dt.kind in "iu":
        return rng.integers(0, 5, shape).astype(dt)
    if dt.kind == "c":
        return (rng.normal(size=shape) + 1j * rng.normal(size=shape)).astype(dt)
    return rng.normal(size=shape).astype(dt)


CASES = [
    ("ij,jk->ik", (3, 4), (4, 5)),
    ("ij,jk", (3, 4), (4, 5)),
    ("ii->i", (4, 4)),
    ("ii", (4, 4)),
    ("ij->ji", (2, 3)),
    ("ij->", (2, 3)),
    ("i,i", (5,), (5,)),
    ("i,j->ij", (2,), (3,)),
    ("...ij,...jk->...ik", (2, 3, 4), (2, 4, 5)),
    ("...ij,...jk", (2, 3, 4), (4, 5)),
    ("i...->...", (3, 2, 2)),
    ("bij,bjk->bik", (2, 3, 4), (2, 4, 1)),
    ("ijk,jil->kl", (3, 2, 4), (2, 3, 5)),
    ("iij->ij", (3, 3, 2)),
    ("ij,jk,kl->il", (2, 3), (3, 4), (4, 2)),
    ("Ab,bC->AC", (2, 3), (3, 2)),
    ("aB,Ba", (2, 3), (3, 2)),
    (" i j , j k -> i k ", (2, 3), (3, 2)),
    ("i,i->", (0,), (0,)),
]


@pytest.mark.parametrize("subs,shapes", [pytest.param(c[0], c[1:], id=c[0]) for c in CASES])
def test_einsum_cases(subs, shapes):
    check("einsum", subs, *[A(*s) for s in shapes])


def _params_dtypes():
    for dt in ["bool", "int8", "int32", "int64", "uint8", "uint16", "uint64", "float16",
               "float32", "float64", "complex64", "complex128"]:
        yield pytest.param(dt, id=dt)


@pytest.mark.parametrize("dtype", list(_params_dtypes()))
def test_einsum_dtypes(dtype):
    rtol = 2e-3 if dtype == "float16" else None
    check("einsum", "ij,jk->ik", A(3, 4, dtype=dtype), A(4, 2, dtype=dtype), rtol=rtol)
    check("einsum", "i,i", A(4, dtype=dtype), A(4, dtype=dtype), rtol=rtol)


def test_einsum_mixed_dtypes_promote():
    check("einsum", "ij,j->i", A(3, 4, dtype="int8"), A(4, dtype="float32"))
    check("einsum", "ij,j->i", A(3, 4, dtype="int8"), A(4, dtype="uint8"))


def test_einsum_sublist_form():
    a, b = A(3, 4), A(4, 5)
    check("einsum", a, [0, 1], b, [1, 2])
    check("einsum", a, [0, 1], b, [1, 2], [2, 0])
    check("einsum", A(2, 3, 4), [Ellipsis, 0], [Ellipsis])


def test_einsum_dtype_and_casting():
    a = A(3, 3, dtype="int64")
    check("einsum", "ij->i", a, dtype="float64")
    check("einsum", "ij->i", A(3, 3), dtype="int64")  # float -> int is not 'safe'
    check("einsum", "ij->i", A(3, 3), dtype="int64", casting="unsafe")


def test_einsum_out():
    a, b = A(3, 4), A(4, 2)
    out = tnp.zeros((3, 2))
    r = tnp.einsum("ij,jk->ik", to_tnp(a), to_tnp(b), out=out)
    assert r is out
    assert_same(out, np.einsum("ij,jk->ik", a, b))
    with pytest.raises(TypeError):
        tnp.einsum("ij,jk->ik", to_tnp(a), to_tnp(b), out=tnp.zeros((3, 2), dtype=int))


@pytest.mark.parametrize("optimize", [False, True, "greedy", "optimal"])
def test_einsum_optimize(optimize):
    check("einsum", "ij,jk,kl->il", A(2, 3), A(3, 4), A(4, 2), optimize=optimize)


@pytest.mark.parametrize("args", [
    ("ij,jk->ik", (3, 4), (5, 2)),  # size mismatch
    ("ij,jk->ik", (3, 4)),  # too few operands
    ("ij->ik", (3, 4)),  # output label not in inputs
    ("ij->ii", (3, 4)),  # repeated output label
    ("ijk->i", (3, 4)),  # too many subscripts
    ("i->i", (3, 4)),  # too few subscripts, no ellipsis
    ("i1->i", (3,)),  # bad character
    ("i.j->i", (3, 3)),
    ("...ij->ij", (2, 3, 4)),  # ellipsis dims dropped from an explicit output
], ids=lambda a: a[0])
def test_einsum_errors(args):
    subs, *shapes = args
    check("einsum", subs, *[A(*s) for s in shapes])


def test_einsum_bad_optimize_and_kwarg():
    a = to_tnp(A(2, 2))
    with pytest.raises(TypeError):
        tnp.einsum("ij->i", a, optimize="fastest")
    with pytest.raises(TypeError):
        tnp.einsum("ij->i", a, bogus=1)


def _valid_path(path, n):
    assert path[0] == "einsum_path"
    live = n
    for step in path[1:]:
        assert all(0 <= i < live for i in step) and len(set(step)) == len(step)
        live = live - len(step) + 1
    assert live == 1


@pytest.mark.parametrize("subs,shapes", [
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ii->i", [(3, 3)]),
    ("ea,fb,abcd,gc,hd->efgh", [(4, 3), (4, 3), (3, 3, 3, 3), (4, 3), (4, 3)]),
])
@pytest.mark.parametrize("optimize", ["greedy", "optimal", False, True])
def test_einsum_path_is_valid(subs, shapes, optimize):
    ops = [A(*s) for s in shapes]
    expected_path, _ = np.einsum_path(subs, *ops, optimize=optimize)
    path, text = tnp.einsum_path(subs, *to_tnp(ops), optimize=optimize)
    assert isinstance(path, list) and isinstance(text, str)
    _valid_path(path, len(ops))
    if len(ops) <= 2 or optimize is False:
        assert path == expected_path
    # the path is usable as einsum's optimize argument
    got = tnp.einsum(subs, *to_tnp(ops), optimize=path)
    assert_same(got, np.einsum(subs, *ops))


@pytest.mark.parametrize("optimize", [False, True, "greedy", "optimal", None])
@pytest.mark.parametrize("subs,shapes", [
    ("i,i", [(3,), (3,)]),  # optimized: a 0-d array (NumPy contracts with matmul)
    ("ij,ij", [(3, 4), (3, 4)]),
    ("i,i,i", [(3,), (3,), (3,)]),
    (",", [(), ()]),  # no shared label: NumPy multiplies, a scalar either way
    ("ij->", [(3, 4)]),  # one operand: a scalar either way
])
def test_einsum_optimize_scalar_vs_array(subs, shapes, optimize):
    check("einsum", subs, *[A(*s) for s in shapes], optimize=optimize)


@pytest.mark.parametrize("optimize", ["greedy", "optimal"])
def test_einsum_path_matrix_chain(optimize):
    # greedy removes the most elements first; optimal counts multiply-adds
    ops = [A(3, 4), A(4, 5), A(5, 6)]
    expected, _ = np.einsum_path("ij,jk,kl->il", *ops, optimize=optimize)
    got, _ = tnp.einsum_path("ij,jk,kl->il", *to_tnp(ops), optimize=optimize)
    assert got == expected


def test_einsum_path_explicit_path_roundtrip():
    ops = [A(2, 3), A(3, 4), A(4, 2)]
    path = ["einsum_path", (1, 2), (0, 1)]
    got, _ = tnp.einsum_path("ij,jk,kl->il", *to_tnp(ops), optimize=path)
    assert got == path


# --- random subscripts ------------------------------------------------------------------
@st.composite
def einsum_problems(draw):
    letters = "abcdef"
    sizes = {c: draw(st.integers(1, 3)) for c in letters}
    n_ops = draw(st.integers(1, 3))
    terms = []
    for _ in range(n_ops):
        k = draw(st.integers(0, 3))
        terms.append("".join(draw(st.lists(st.sampled_from(letters), min_size=k, max_size=k))))
    used = sorted(set("".join(terms)))
    explicit = draw(st.booleans())
    if explicit:
        out = "".join(draw(st.permutations(used))[:draw(st.integers(0, len(used)))])
        subs = ",".join(terms) + "->" + out
    else:
        subs = ",".join(terms)
    dtype = draw(st.sampled_from(["float64", "int64", "complex128"]))
    ops = [A(*[sizes[c] for c in t], dtype=dtype) for t in terms]
    return subs, ops


@given(einsum_problems())
def test_einsum_random_subscripts(problem):
    subs, ops = problem
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check("einsum", subs, *ops)


@pytest.mark.parametrize("subs, shapes", [("ij->", [(2, 3)]), ("ij->i", [(2, 3)]), ("ii", [(3, 3)]),
                                          ("i,i", [(3,), (3,)]), ("ij,jk->ik", [(2, 3), (3, 2)])])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "int32", "uint16", "bool", "float16"])
def test_einsum_keeps_small_dtypes(subs, shapes, dtype):
    """torch sums small integers into int64; NumPy's einsum keeps the operands' dtype
    (issue 12: 'ij->' of int32 gave int64)."""
    from tests._oracle import check
    ops = [(np.arange(int(np.prod(s))) % 3).reshape(s).astype(dtype) for s in shapes]
    check("einsum", subs, *ops)
