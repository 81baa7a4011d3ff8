"""Every view kind x every write method, against NumPy: eagerly and under torch.compile.

For each pair, the same view is made of the same base array in NumPy and in
torchnp and written through with the same method. NumPy's outcome is the
oracle: either an exception (a read-only view: ValueError) or the final content
of the base. A lost write (the base unchanged where NumPy's changed), a
misplaced one, or a write into a view NumPy makes read-only all fail here.
Under torch.compile the torchnp steps run in one compiled function that takes
the base tensor; its writes must reach the tensor just the same.
"""
from __future__ import annotations

import numpy
import pytest
import torch

import torchnp

ST = "lib.stride_tricks"


def _sub(m, path):
    for part in path.split("."):
        m = getattr(m, part)
    return m


# view kind -> f(module, base array) -> view (the base is 4 x 6 float64)
VIEWS = {
    "slice": lambda m, a: a[1:3, 2:],
    "step": lambda m, a: a[::2, 1::2],
    "reversed": lambda m, a: a[::-1],
    "reversed-both": lambda m, a: a[::-2, ::-1],
    "reversed-twice": lambda m, a: a[::-1][1:, ::-1][::-1],
    "row": lambda m, a: a[2],
    "reversed-column": lambda m, a: a[::-1, 3],
    "newaxis-ellipsis": lambda m, a: a[None, ..., 1:4],
    "T": lambda m, a: a.T,
    "transpose-of-reversed": lambda m, a: m.transpose(a[::-1]),
    "swapaxes": lambda m, a: m.swapaxes(a, 0, 1),
    "moveaxis-reversed": lambda m, a: m.moveaxis(a[:, ::-1], 0, 1),
    "reshape": lambda m, a: a.reshape(2, 12),
    "reshape-of-reversed": lambda m, a: a[::-1].reshape(2, 2, 6),
    "reshape-fn-reversed": lambda m, a: m.reshape(a[::-1, ::-1], -1),
    "ravel": lambda m, a: m.ravel(a),
    "squeeze": lambda m, a: m.squeeze(a[1:2]),
    "expand_dims": lambda m, a: m.expand_dims(a[:, ::-1], 0),
    "atleast_3d": lambda m, a: m.atleast_3d(a),
    "split": lambda m, a: m.split(a, 2, axis=1)[1],
    "array_split-reversed": lambda m, a: m.array_split(a[::-1], 3)[0],
    "flip": lambda m, a: m.flip(a, 1),
    "fliplr-flipud": lambda m, a: m.flipud(m.fliplr(a)),
    "rot90": lambda m, a: m.rot90(a),
    "view": lambda m, a: a.view(),
    "view-int64": lambda m, a: a.view(m.int64),
    "real-of-complex": lambda m, a: a.view(m.complex128).real,
    "imag-of-complex": lambda m, a: a.view(m.complex128).imag,
    "imag-of-real": lambda m, a: a.imag,
    "diagonal": lambda m, a: m.diagonal(a),
    "diagonal-method": lambda m, a: a.diagonal(1),
    "diag": lambda m, a: m.diag(a),
    "broadcast_to": lambda m, a: m.broadcast_to(a[0], (3, 6)),
    "as_strided": lambda m, a: _sub(m, ST).as_strided(a, (3, 4), (16, 8)),
    "as_strided-negative": lambda m, a: _sub(m, ST).as_strided(a[::-1], (2, 3), (-48, 8)),
    "sliding_window_view": lambda m, a: _sub(m, ST).sliding_window_view(a, 3, axis=1),
    "sliding_window_view-writeable": lambda m, a: _sub(m, ST).sliding_window_view(
        a[:, ::-1], 2, axis=0, writeable=True)[::2],
    "asarray": lambda m, a: m.asarray(a),
    "trim_zeros": lambda m, a: m.trim_zeros(a[0]),
    "unstack": lambda m, a: m.unstack(a, axis=1)[2],
}


def _mask(m, v):
    return m.arange(v.size).reshape(v.shape) % 3 == 0


# write method -> f(module, view); each writes through the view (or raises as NumPy does)
WRITES = {
    "setitem-all": lambda m, v: v.__setitem__(Ellipsis, -1.0),
    "setitem-first": lambda m, v: v.__setitem__(0, 7.0) if v.ndim else v.__setitem__((), 7.0),
    "setitem-array": lambda m, v: v.__setitem__(Ellipsis, m.arange(v.size, dtype=v.dtype)
                                                .reshape(v.shape)),
    "setitem-mask": lambda m, v: v.__setitem__(_mask(m, v), 5.0),
    "setitem-fancy": lambda m, v: v.__setitem__((m.asarray([0]),) if v.ndim else (), 9.0),
    "iadd": lambda m, v: v.__iadd__(1.0),
    "imul": lambda m, v: v.__imul__(3.0),
    "out": lambda m, v: m.multiply(v, 2.0, out=v),
    "fill": lambda m, v: v.fill(4.0),
    "copyto": lambda m, v: m.copyto(v, 2.5),
    "put": lambda m, v: m.put(v, [0, v.size - 1], [8.0, 9.0]),
    "putmask": lambda m, v: m.putmask(v, _mask(m, v), 6.0),
    "place": lambda m, v: m.place(v, _mask(m, v), [1.5, 2.5]),
    "sort": lambda m, v: v.sort(axis=-1) if v.ndim else None,
    "flat": lambda m, v: v.flat.__setitem__(1 if v.size > 1 else 0, 11.0),
}


def _outcome(m, make, write, a):
    """(exception class or None, the base afterwards) of one view/write pair."""
    try:
        v = make(m, a)
        if v.dtype.kind == "c" or v.dtype.kind == "i":
            pass
        write(m, v)
    except Exception as exc:  # noqa: BLE001 - the oracle's class is what is compared
        return type(exc), None
    return None, a


def _numpy_base():
    return numpy.arange(24, dtype=numpy.float64).reshape(4, 6).copy()


def _torchnp_class(cls):
    if cls is None:
        return None
    for c in cls.__mro__:
        if hasattr(torchnp.exceptions, c.__name__) and c.__module__.startswith("numpy"):
            return getattr(torchnp.exceptions, c.__name__)
    return cls


PAIRS = [(v, w) for v in VIEWS for w in WRITES]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
@pytest.mark.parametrize("view,write", PAIRS)
def test_eager(view, write):
    exc_n, n = _outcome(numpy, VIEWS[view], WRITES[write], _numpy_base())
    a = torchnp.asarray(torch.from_numpy(_numpy_base()))
    exc_t, _ = _outcome(torchnp, VIEWS[view], WRITES[write], a)
    if exc_n is not None:
        assert exc_t is not None and issubclass(exc_t, _torchnp_class(exc_n)), (exc_n, exc_t)
        return
    assert exc_t is None, exc_t
    numpy.testing.assert_array_equal(a.tensor.numpy(), n)


# under torch.compile: every view kind with the writes that traced code uses most
COMPILED_WRITES = ("setitem-all", "setitem-first", "setitem-mask", "iadd", "out", "fill", "copyto")


def _writable(view):
    """The compiled writes NumPy allows through ``view`` (read-only views allow none)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [w for w in COMPILED_WRITES
                if _outcome(numpy, VIEWS[view], WRITES[w], _numpy_base())[0] is None]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
@pytest.mark.parametrize("view", [v for v in VIEWS if _writable(v)])
def test_compiled(view):
    # one compiled function per view kind: each write through its own base tensor
    writes = _writable(view)

    def f(*ts):
        for t, w in zip(ts, writes):
            WRITES[w](torchnp, VIEWS[view](torchnp, torchnp.asarray(t)))

    torch._dynamo.reset()
    ts = [torch.from_numpy(_numpy_base()) for _ in writes]
    torch.compile(f, backend="aot_eager")(*ts)
    for t, w in zip(ts, writes):
        numpy.testing.assert_array_equal(t.numpy(), _outcome(numpy, VIEWS[view], WRITES[w],
                                                             _numpy_base())[1],
                                         err_msg=f"{view} x {w}")
