"""nditer against NumPy: iteration order, indices, chunks, writes, allocation, errors.

Each case is a function of the module (``numpy`` or ``torchnp``) returning plain
Python data; both runs must agree (or raise the same exception class).
"""
import numpy as np
import pytest

import torchnp as tnp


def _a(m):
    return m.arange(6).reshape(2, 3)


def _ints(it):
    return [int(x) for x in it]


def _mi(m, a, **kw):
    it = m.nditer(a, flags=["multi_index"], **kw)
    return [(it.multi_index, int(x)) for x in it]


def _idx(m, a, flag):
    it = m.nditer(a, flags=[flag])
    return [(it.index, int(x)) for x in it]


def _chunks(m, a, **kw):
    return [x.tolist() for x in m.nditer(a, flags=["external_loop"] + kw.pop("flags", []), **kw)]


def _rw(m, a, **kw):
    with m.nditer(a, op_flags=["readwrite"], **kw) as it:
        for x in it:
            x[...] = 2 * x + 1
    return a.tolist(), a.dtype.name


def _alloc(m, a, b, **kw):
    with m.nditer([a, b, None], **kw) as it:
        for x, y, z in it:
            z[...] = x * y
        out = it.operands[2]
    return out.tolist(), out.dtype.name, out.shape


def _while(m):
    it = m.nditer(_a(m), flags=["multi_index"])
    out = []
    while not it.finished:
        out.append((it.multi_index, int(it[0])))
        it.iternext()
    return out


def _reduce(m):
    a, o = _a(m), m.zeros(3, dtype=m.int64)
    with m.nditer([a, o], flags=["reduce_ok"], op_flags=[["readonly"], ["readwrite"]]) as it:
        for x, y in it:
            y[...] = y + x
    return o.tolist()


def _set_multi(m):
    it = m.nditer(_a(m), flags=["multi_index"])
    it.multi_index = (1, 1)
    return it.iterindex, int(it.value)


def _set_iterindex(m):
    it = m.nditer(_a(m), flags=["c_index"])
    it.iterindex = 4
    return it.index, int(it.value)


def _readonly_operand(m):
    a = _a(m)
    a.flags.writeable = False
    return m.nditer(a, op_flags=["readwrite"])


def _write_readonly_element(m):
    for x in m.nditer(_a(m)):
        x[...] = 1


def _closed(m):
    it = m.nditer(_a(m))
    it.close()
    return it.value


CASES = {
    # order
    "K-contig": lambda m: _ints(m.nditer(_a(m))),
    "K-transposed": lambda m: _ints(m.nditer(_a(m).T)),
    "K-reversed": lambda m: _ints(m.nditer(_a(m)[:, ::-1])),
    "K-reversed-both": lambda m: _ints(m.nditer(_a(m)[::-1, ::-1])),
    "K-3d-permuted": lambda m: _ints(m.nditer(m.arange(24).reshape(2, 3, 4).transpose(1, 2, 0))),
    "K-strided": lambda m: _ints(m.nditer(m.arange(24).reshape(4, 6)[::2, 1::2])),
    "C-transposed": lambda m: _ints(m.nditer(_a(m).T, order="C")),
    "F": lambda m: _ints(m.nditer(_a(m), order="F")),
    "A-fortran": lambda m: _ints(m.nditer(m.asfortranarray(_a(m)), order="A")),
    "A-c": lambda m: _ints(m.nditer(_a(m), order="A")),
    "0d": lambda m: [x.tolist() for x in m.nditer(5)],
    "0d-shape": lambda m: m.nditer(m.float64(3)).shape,
    "float-values": lambda m: [float(x) for x in m.nditer(m.linspace(0, 1, 5))],
    "bool": lambda m: [bool(x) for x in m.nditer(m.asarray([True, False]))],
    "element-type": lambda m: [(type(x).__name__, x.shape, x.dtype.name) for x in m.nditer(_a(m))][:1],
    "single-in-list": lambda m: [type(x).__name__ for x in m.nditer([_a(m)])][:1],
    # multi_index / index
    "multi-index": lambda m: _mi(m, _a(m)),
    "multi-index-transposed": lambda m: _mi(m, _a(m).T),
    "multi-index-reversed": lambda m: _mi(m, _a(m)[:, ::-1]),
    "multi-index-F": lambda m: _mi(m, _a(m), order="F"),
    "c-index": lambda m: _idx(m, _a(m), "c_index"),
    "f-index": lambda m: _idx(m, _a(m), "f_index"),
    "c-index-transposed": lambda m: _idx(m, _a(m).T, "c_index"),
    "while-iternext": _while,
    "set-multi-index": _set_multi,
    "set-iterindex": _set_iterindex,
    "no-multi-index": lambda m: m.nditer(_a(m)).multi_index,
    "no-index": lambda m: m.nditer(_a(m)).index,
    # external loop
    "external": lambda m: _chunks(m, _a(m)),
    "external-F": lambda m: _chunks(m, _a(m), order="F"),
    "external-sliced": lambda m: _chunks(m, _a(m)[:, :2]),
    "external-buffered": lambda m: _chunks(m, m.arange(20), flags=["buffered"], buffersize=6),
    "external-broadcast": lambda m: [(x.tolist(), y.tolist()) for x, y in
                                     m.nditer([_a(m), m.arange(3)], flags=["external_loop"])],
    "external-with-multi-index": lambda m: m.nditer(_a(m), flags=["external_loop", "multi_index"]),
    "external-with-index": lambda m: m.nditer(_a(m), flags=["external_loop", "c_index"]),
    # several operands
    "broadcast": lambda m: [(int(x), int(y)) for x, y in m.nditer([_a(m), m.arange(3)])],
    "broadcast-scalar": lambda m: [(int(x), float(y)) for x, y in m.nditer([_a(m), 1.5])],
    "broadcast-error": lambda m: m.nditer([_a(m), m.arange(4)]),
    "allocate": lambda m: _alloc(m, _a(m), m.arange(3)),
    "allocate-float": lambda m: _alloc(m, _a(m), m.arange(3.0)),
    "allocate-transposed": lambda m: _alloc(m, _a(m).T, m.arange(2)),
    "allocate-op-dtype": lambda m: [d.name for d in m.nditer([_a(m), None], op_dtypes=[None, m.float32]).dtypes],
    "null-without-allocate": lambda m: m.nditer([_a(m), None], op_flags=[["readonly"], ["readonly"]]),
    "reduce-ok": _reduce,
    "output-needs-reduce": lambda m: m.nditer([_a(m), m.zeros(3)], op_flags=[["readonly"], ["readwrite"]]),
    # writes
    "readwrite": lambda m: _rw(m, _a(m)),
    "readwrite-transposed": lambda m: _rw(m, _a(m).T),
    "readwrite-external": lambda m: _rw(m, _a(m), flags=["external_loop"]),
    "readwrite-F": lambda m: _rw(m, _a(m), order="F"),
    "readwrite-cast": lambda m: _rw(m, m.arange(6.0).reshape(2, 3), op_dtypes=[m.float32],
                                    flags=["buffered"], casting="same_kind"),
    "readwrite-float32": lambda m: _rw(m, m.arange(6, dtype=m.float32)),
    "readwrite-uint16": lambda m: _rw(m, m.arange(6, dtype=m.uint16)),
    "readonly-operand-write-flag": _readonly_operand,
    "readonly-element-write": _write_readonly_element,
    "list-operand-writeable": lambda m: m.nditer([_a(m), [1, 2, 3]], op_flags=[["readonly"], ["readwrite"]]),
    # dtypes
    "cast-needs-buffering": lambda m: m.nditer(_a(m), op_dtypes=[m.float64]),
    "cast-buffered": lambda m: [(float(x), x.dtype.name) for x in
                                m.nditer(_a(m), op_dtypes=[m.float64], flags=["buffered"])],
    "cast-unsafe-refused": lambda m: m.nditer(_a(m), op_dtypes=[m.int32], flags=["buffered"]),
    "cast-unsafe-allowed": lambda m: [int(x) for x in m.nditer(_a(m), op_dtypes=[m.int32], flags=["buffered"],
                                                               casting="unsafe")],
    "common-dtype": lambda m: [d.name for d in m.nditer([_a(m), m.arange(3.0)], flags=["common_dtype"],
                                                        op_flags=[["readonly", "copy"], ["readonly"]]).dtypes],
    "common-dtype-needs-copy": lambda m: m.nditer([_a(m), m.arange(3.0)], flags=["common_dtype"]),
    # attributes
    "attributes": lambda m: (lambda it: (it.itersize, it.iterindex, it.ndim, it.shape, it.nop,
                                         [d.name for d in it.dtypes], it.finished, it.has_multi_index,
                                         it.has_index, len(it)))(m.nditer(_a(m))),
    "attributes-multi-index": lambda m: (lambda it: (it.shape, it.ndim))(m.nditer(_a(m).T, flags=["multi_index"])),
    "shape-external-sliced": lambda m: m.nditer([_a(m)[:, :2], None], flags=["external_loop"]).shape,
    "iternext": lambda m: (lambda it: (it.iternext(), it.iterindex, int(it[0]), int(it.value)))(m.nditer(_a(m))),
    "operands-identity": lambda m: (lambda a: m.nditer(a).operands[0] is a)(_a(m)),
    "closed": _closed,
    # empty
    "zero-size": lambda m: m.nditer(m.zeros((0, 3))),
    "zero-size-ok": lambda m: list(m.nditer(m.zeros((0, 3)), flags=["zerosize_ok"])),
    # bad arguments
    "bad-flag": lambda m: m.nditer(_a(m), flags=["bogus"]),
    "bad-op-flag": lambda m: m.nditer(_a(m), op_flags=["bogus"]),
    "two-rw-flags": lambda m: m.nditer(_a(m), op_flags=["readonly", "readwrite"]),
    "bad-order": lambda m: m.nditer(_a(m), order="Z"),
    "bad-casting": lambda m: m.nditer(_a(m), casting="bogus"),
}


def _run(m, fn):
    try:
        return fn(m), None
    except Exception as exc:  # noqa: BLE001 - compared below
        return None, exc


@pytest.mark.parametrize("name", list(CASES))
def test_nditer_matches_numpy(name):
    expected, np_exc = _run(np, CASES[name])
    got, t_exc = _run(tnp, CASES[name])
    if np_exc is not None:
        assert t_exc is not None, f"NumPy raised {np_exc!r}, torchnp returned {got!r}"
        assert isinstance(t_exc, type(np_exc)), (np_exc, t_exc)
        return
    assert t_exc is None, f"torchnp raised {t_exc!r}"
    assert got == expected


def test_nditer_messages():
    with pytest.raises(ValueError, match="could not be broadcast together with shapes"):
        tnp.nditer([tnp.arange(6).reshape(2, 3), tnp.arange(4)])
    with pytest.raises(ValueError, match='Unexpected iterator global flag "bogus"'):
        tnp.nditer(tnp.arange(3), flags=["bogus"])
    with pytest.raises(TypeError, match="could not be cast from dtype\\('int64'\\) to dtype\\('int32'\\)"):
        tnp.nditer(tnp.arange(3), op_dtypes=[tnp.int32], flags=["buffered"])


@pytest.mark.parametrize("kw", [{"op_axes": [[0]]}, {"itershape": (3,)}, {"flags": ["ranged"]},
                                {"flags": ["delay_bufalloc"]}, {"op_flags": ["arraymask"]},
                                {"op_flags": ["virtual"]}])
def test_nditer_unsupported_is_loud(kw):
    with pytest.raises(NotImplementedError):
        tnp.nditer(tnp.arange(3), **kw)


def test_nditer_writes_reach_flipped_view_in_C_order():
    a = tnp.arange(6).reshape(2, 3)
    v = a[:, ::-1]
    with tnp.nditer(v, op_flags=["readwrite"], order="C") as it:
        for i, x in enumerate(it):
            x[...] = i
    assert a.tolist() == [[2, 1, 0], [5, 4, 3]]


def test_nditer_elements_are_views():
    a = tnp.arange(4.0)
    it = tnp.nditer(a, op_flags=["readwrite"])
    x = next(it)
    x[...] = 7
    assert float(a[0]) == 7.0
    assert a.tensor.data_ptr() == it.operands[0].tensor.data_ptr()


def test_nested_iters_is_loud():
    with pytest.raises(NotImplementedError, match="nested_iters"):
        tnp.nested_iters(tnp.arange(6).reshape(2, 3), [[0], [1]])


# --- property test: order and values over random layouts ------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402
from hypothesis.extra import numpy as hnp  # noqa: E402


@st.composite
def _layouts(draw):
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    perm = tuple(draw(st.permutations(range(len(shape)))))
    key = tuple(slice(None, None, draw(st.sampled_from([1, -1]))) for _ in shape)
    return shape, perm, key


def _make(m, layout):
    shape, perm, key = layout
    return m.arange(int(np.prod(shape))).reshape(shape).transpose(perm)[key]


@settings(max_examples=40)
@given(_layouts(), st.sampled_from(["K", "C", "F", "A"]), st.booleans())
def test_nditer_layouts(layout, order, multi):
    flags = ["multi_index"] if multi else []
    it_np = np.nditer(_make(np, layout), flags=flags, order=order)
    it_t = tnp.nditer(_make(tnp, layout), flags=flags, order=order)
    assert it_t.shape == it_np.shape
    got, expected = [], []
    for x in it_np:
        expected.append((int(x), it_np.multi_index if multi else None))
    for x in it_t:
        got.append((int(x), it_t.multi_index if multi else None))
    assert got == expected
