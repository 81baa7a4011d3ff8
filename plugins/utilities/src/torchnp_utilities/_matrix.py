"""``torchnp.matrix``, ``asmatrix`` and ``bmat``: NumPy's 2-D matrix subclass.

Not an ``_impl`` module: ``matrix`` subclasses the public ``ndarray``, and its
methods call the public namespace (``torchnp.dot``, ``torchnp.linalg.inv``…),
so that the plugins that provide those stay the single place of their logic.

A matrix is an ``ndarray`` whose results stay matrices and stay 2-D:

* ``*`` is ``dot`` and ``**`` is ``linalg.matrix_power``; every other operator
  is the ndarray's elementwise one with its result turned into a matrix.
* Any result of fewer dimensions is made 2-D as NumPy does: 0-d becomes 1×1,
  1-d becomes a row (except ``m[:, k]``, a column); more dimensions lose their
  length-1 axes or raise ``ValueError("shape too large to be a matrix.")``.
* Reductions with an axis keep both dimensions; with ``axis=None`` they give a
  scalar.

Views of a matrix are matrices (the core's view model keeps the class, and its
reversed views of a matrix are instances of the matrix's reversed twin), so
writes through them reach the memory as they do for plain arrays.
"""
from __future__ import annotations

import ast
import numbers
import sys
import warnings

import torch

from torchnp import _dtypes, _indexing, _printing, _views
from torchnp._ndarray import ndarray

__all__ = ["matrix", "asmatrix", "bmat"]

_new = object.__new__


def _tnp():
    return sys.modules["torchnp"]


def _isscalar(x):
    """NumPy's ``isscalar``: Python and NumPy-like numbers, strings and bytes (not 0-d arrays)."""
    return isinstance(x, (numbers.Number, str, bytes, _dtypes.generic)) and not isinstance(x, ndarray)


# --- making results 2-D --------------------------------------------------------
def _two_d_shape(shape):
    """The 2-D shape NumPy gives a matrix result of ``shape`` (ValueError when it has none)."""
    n = len(shape)
    if n == 2:
        return shape
    if n > 2:
        shape = tuple(s for s in shape if s != 1)
        if len(shape) == 2:
            return shape
        if len(shape) > 2:
            raise ValueError("shape too large to be a matrix.")
    if len(shape) == 0:
        return (1, 1)
    return (1, shape[0])


def _as_2d_tensor(t):
    """``t`` viewed with its matrix shape (reshaping to a shape that only adds or drops
    length-1 axes is always a view)."""
    nd = t.ndim
    if nd == 2:
        return t
    if nd == 1:
        return t[None]  # (the cheapest of torch's ways to add an axis)
    return t.reshape(_two_d_shape(tuple(t.shape)))


def _from_plain(r, column=False):
    """The ndarray ``r`` (a result about to be dropped) as a matrix sharing its memory,
    base and write flag (a 1-d ``r`` becomes a row, or a column with ``column``)."""
    shape = r.shape
    if len(shape) == 1 and column:
        return _views.retype(r, matrix, (shape[0], 1))
    return _views.retype(r, matrix, _two_d_shape(shape))


def _to_matrix(r):
    """Turn an ndarray method's result into NumPy's matrix result (structure kept)."""
    if isinstance(r, ndarray):
        if isinstance(r, matrix) and r.ndim == 2:
            return r
        return _from_plain(r)
    if type(r) is tuple:
        return tuple(_to_matrix(x) for x in r)
    if isinstance(r, _dtypes.generic):  # a 0-d result of a method: NumPy gives a 1×1 matrix
        return _views.wrap(r.tensor.reshape(1, 1), matrix)
    return r  # NotImplemented, Python objects


def _plain_alias(m):
    """A plain ndarray view of the matrix ``m`` (the core's fast paths take plain arrays);
    its views are views of ``m``'s memory."""
    return _views.as_class(m, ndarray)


_ALL = slice(None)


def _view_matrix(m, t):
    """``t``, a torch view of the matrix ``m``'s tensor, as a matrix view of ``m``."""
    return _views.view(m, t)


def _operand(x):
    """An operator's operand for the ufuncs: matrices as plain ndarrays (their fast path)."""
    if isinstance(x, matrix):
        return _views.as_class(x, ndarray)
    return x


def _fresh_matrix(t):
    return _views.wrap(_as_2d_tensor(t), matrix)


# --- the class -------------------------------------------------------------------
_PENDING_MSG = ("the matrix subclass is not the recommended way to represent matrices or to do "
                "linear algebra (NumPy plans to deprecate it); use regular ndarrays with the @ "
                "operator instead.")


def _parse_matrix_string(text):
    """``"1 2; 3 4"`` -> nested lists of Python numbers (rows by ';', columns by ',' or blanks)."""
    text = text.replace("[", "").replace("]", "")
    rows = []
    for row in text.split(";"):
        values = []
        for part in row.split(","):
            values.extend(ast.literal_eval(word) for word in part.split())
        if rows and len(values) != len(rows[0]):
            raise ValueError("Rows not the same size.")
        rows.append(values)
    return rows


class matrix(ndarray):
    """A 2-D array whose ``*`` is matrix multiplication. Mirrors ``numpy.matrix``.

    ``matrix(data, dtype=None, copy=True)`` takes array-likes and strings such as
    ``"1 2; 3 4"``. As in NumPy, constructing one emits a PendingDeprecationWarning.

    Differences from NumPy: a matrix built from a list owns its memory (NumPy's
    keeps the temporary array as ``.base``); torchnp's ufuncs and functions
    (``torchnp.sqrt(m)``, ``torchnp.sum(m)``) return ndarrays, and a torchnp scalar on
    the left of an operator (``torchnp.float64(2) * m``) gives an elementwise ndarray.
    """

    __slots__ = ()
    __array_priority__ = 10.0

    def __new__(cls, data, dtype=None, copy=True):
        warnings.warn(_PENDING_MSG, PendingDeprecationWarning, stacklevel=2)
        return _construct(data, dtype, copy)

    # --- indexing: results keep two dimensions ---------------------------------
    def __getitem__(self, key):
        if type(self) is matrix:
            t = self.tensor
            tk = type(key)
            if tk is int:  # m[i]: row i, one narrow
                n = t.shape[0]
                if -n <= key < n:
                    return _view_matrix(self, t.narrow(0, key % n, 1))
            elif tk is tuple and len(key) == 2 and type(key[1]) is int \
                    and type(key[0]) is slice and key[0] == _ALL:
                n = t.shape[1]  # m[:, j]: column j
                j = key[1]
                if -n <= j < n:
                    return _view_matrix(self, t.narrow(1, j % n, 1))
            # index a plain stand-in (the core's fast paths take plain ndarrays only)
            # whose base is this matrix, so that views come out as views of it
            r = _indexing.getitem(_plain_alias(self), key)
        else:  # a reversed view: the core's general path
            r = _indexing.getitem(self, key)
        if not isinstance(r, ndarray):
            return r  # an element: a scalar
        nd = r.ndim
        if nd >= 2:  # NumPy leaves more dimensions (m[None]) alone here
            return _to_matrix_keep(r)
        if nd == 0:
            return r[()]
        # one dimension left: a column when the column index is a scalar (m[:, 1])
        if type(key) is tuple and len(key) > 1 and _isscalar(key[1]):
            if type(r) is ndarray:
                return _from_plain(r, column=True)
            return _to_matrix(r).T
        return _to_matrix(r)  # a row

    # --- matrix products ----------------------------------------------------------
    def __mul__(self, other):
        if isinstance(other, (ndarray, list, tuple, torch.Tensor)) or \
                hasattr(other, "__array_interface__"):
            return _to_matrix(_tnp().dot(self.tensor, _as_matrix_quiet(other).tensor))
        if _isscalar(other) or not hasattr(other, "__rmul__"):
            return _to_matrix(_tnp().dot(self.tensor, other))
        return NotImplemented

    def __rmul__(self, other):
        return _to_matrix(_tnp().dot(other, self.tensor))

    def __imul__(self, other):
        self[:] = self * other
        return self

    def __pow__(self, other):
        return _to_matrix(_tnp().linalg.matrix_power(self, other))

    def __ipow__(self, other):
        self[:] = self ** other
        return self

    def __rpow__(self, other):
        return NotImplemented

    # --- reductions: 2-D with an axis, a scalar without ---------------------------
    def _reduce(self, name, axis, out, **kwargs):
        f = getattr(_tnp(), name)
        t = self.tensor  # (the pipeline takes tensors as they are)
        if axis is None and out is None:
            return f(t, **kwargs)
        r = f(t, axis=axis, out=out, keepdims=True, **kwargs)
        if axis is None:
            return r[0, 0]
        return r if out is not None else _to_matrix(r)

    def sum(self, axis=None, dtype=None, out=None):
        """Sum; 2-D with an axis. Mirrors ``numpy.matrix.sum``."""
        return self._reduce("sum", axis, out, dtype=dtype)

    def mean(self, axis=None, dtype=None, out=None):
        """Mean; 2-D with an axis. Mirrors ``numpy.matrix.mean``."""
        return self._reduce("mean", axis, out, dtype=dtype)

    def std(self, axis=None, dtype=None, out=None, ddof=0):
        """Standard deviation; 2-D with an axis. Mirrors ``numpy.matrix.std``."""
        return self._reduce("std", axis, out, dtype=dtype, ddof=ddof)

    def var(self, axis=None, dtype=None, out=None, ddof=0):
        """Variance; 2-D with an axis. Mirrors ``numpy.matrix.var``."""
        return self._reduce("var", axis, out, dtype=dtype, ddof=ddof)

    def prod(self, axis=None, dtype=None, out=None):
        """Product; 2-D with an axis. Mirrors ``numpy.matrix.prod``."""
        return self._reduce("prod", axis, out, dtype=dtype)

    def any(self, axis=None, out=None):
        """Whether any element is true; 2-D with an axis. Mirrors ``numpy.matrix.any``."""
        return self._reduce("any", axis, out)

    def all(self, axis=None, out=None):
        """Whether all elements are true; 2-D with an axis. Mirrors ``numpy.matrix.all``."""
        return self._reduce("all", axis, out)

    def max(self, axis=None, out=None):
        """Maximum; 2-D with an axis. Mirrors ``numpy.matrix.max``."""
        return self._reduce("max", axis, out)

    def min(self, axis=None, out=None):
        """Minimum; 2-D with an axis. Mirrors ``numpy.matrix.min``."""
        return self._reduce("min", axis, out)

    def ptp(self, axis=None, out=None):
        """Peak to peak (max - min); a row (axis 0) or column (axis 1). Mirrors ``numpy.matrix.ptp``."""
        return self._arg("ptp", axis, out)  # NumPy aligns it like argmax (other axes raise)

    def _arg(self, name, axis, out):
        r = getattr(_tnp(), name)(self.tensor, axis, out)
        if axis is None or out is not None:
            return r
        r = _to_matrix(r)  # a row of indices
        if axis == 0:
            return r
        if axis == 1:
            return r.T  # one index per row: a column
        raise ValueError("unsupported axis")

    def argmax(self, axis=None, out=None):
        """Indices of the maxima; a row (axis 0) or column (axis 1). Mirrors ``numpy.matrix.argmax``."""
        return self._arg("argmax", axis, out)

    def argmin(self, axis=None, out=None):
        """Indices of the minima; a row (axis 0) or column (axis 1). Mirrors ``numpy.matrix.argmin``."""
        return self._arg("argmin", axis, out)

    # --- shape -------------------------------------------------------------------------
    def ravel(self, order="C"):
        """The elements as a 1×n matrix (a view when possible). Mirrors ``numpy.matrix.ravel``."""
        return _to_matrix(super().ravel(order))

    def flatten(self, order="C"):
        """A 1×n copy. Mirrors ``numpy.matrix.flatten``."""
        return _to_matrix(super().flatten(order))

    def squeeze(self, axis=None):
        """Length-one axes removed, then made 2-D again. Mirrors ``numpy.matrix.squeeze``."""
        return _to_matrix(super().squeeze(axis))

    def round(self, decimals=0, out=None):
        """Rounded to ``decimals``. Mirrors ``numpy.matrix.round``."""
        r = _tnp().round(self, decimals, out)
        if out is not None:
            return r
        # NumPy's rounding loses the subclass where it scales (floats with decimals != 0,
        # integers with decimals < 0): its result there is a plain ndarray
        kind = self.dtype.kind
        if (kind == "f" and decimals != 0) or (kind in "iu" and decimals < 0):
            return r
        return _to_matrix(r)

    def tolist(self):
        """Nested lists (always two levels). Mirrors ``numpy.matrix.tolist``."""
        return super().tolist()

    # --- attributes -----------------------------------------------------------------------
    @property
    def T(self):
        """The transpose (a view). Mirrors ``numpy.matrix.T``."""
        if type(self) is matrix:
            return _view_matrix(self, self.tensor.t())
        return self.transpose()

    @property
    def H(self):
        """The conjugate transpose. Mirrors ``numpy.matrix.H``."""
        if self.dtype.kind == "c":
            return self.transpose().conjugate()
        return self.transpose()

    @property
    def I(self):  # noqa: E743 - NumPy's name
        """The inverse, or the pseudo-inverse when not square. Mirrors ``numpy.matrix.I``."""
        m, n = self.shape
        linalg = _tnp().linalg
        return _to_matrix((linalg.inv if m == n else linalg.pinv)(self))

    @property
    def A(self):
        """The data as a plain ndarray view. Mirrors ``numpy.matrix.A``."""
        return _views.as_class(self, ndarray)

    @property
    def A1(self):
        """The data as a flat 1-D ndarray. Mirrors ``numpy.matrix.A1``."""
        return self.A.ravel()

    def getT(self):
        """Same as ``.T``. Mirrors ``numpy.matrix.getT``."""
        return self.T

    def getH(self):
        """Same as ``.H``. Mirrors ``numpy.matrix.getH``."""
        return self.H

    def getI(self):
        """Same as ``.I``. Mirrors ``numpy.matrix.getI``."""
        return self.I

    def getA(self):
        """Same as ``.A``. Mirrors ``numpy.matrix.getA``."""
        return self.A

    def getA1(self):
        """Same as ``.A1``. Mirrors ``numpy.matrix.getA1``."""
        return self.A1

    def view(self, *args, **kwargs):
        """A view, a matrix unless another type is asked for. Mirrors ``ndarray.view``."""
        vtype = kwargs.get("type", args[1] if len(args) > 1 else None)
        dt = kwargs.get("dtype", args[0] if args else None)
        if vtype is None and isinstance(dt, type) and issubclass(dt, ndarray):
            vtype = dt
        r = super().view(*args, **kwargs)
        if vtype is not None and not issubclass(vtype, matrix):
            return r
        return _to_matrix(r)

    # --- protocols ------------------------------------------------------------------------
    def __repr__(self):
        return _matrix_repr(self)

    def __reduce__(self):
        return (_rebuild_matrix, (self.tensor.detach().cpu().clone(), str(self.device)))

    def __array_wrap__(self, array, context=None, return_scalar=True, /):
        return _to_matrix(super().__array_wrap__(array, context, False))


def _to_matrix_keep(r):
    """Like ``_to_matrix`` but leaves results of more than two dimensions as they are (indexing)."""
    if r.ndim <= 2:
        return _to_matrix(r)
    return _views.retype(r, matrix)


# methods of ndarray whose results NumPy turns into matrices (views stay views)
_WRAPPED_METHODS = (
    "copy", "astype", "reshape", "transpose", "swapaxes", "conj", "conjugate", "clip",
    "cumsum", "cumprod", "repeat", "take", "compress", "diagonal", "argsort", "dot", "trace",
    "byteswap", "getfield", "searchsorted", "__copy__", "__deepcopy__", "to_device",
)
# properties likewise
_WRAPPED_PROPERTIES = ("real", "imag", "mT")
# operators: elementwise, the result made a matrix (``*`` and ``**`` are above)
_WRAPPED_OPERATORS = (
    "__add__", "__radd__", "__sub__", "__rsub__", "__truediv__", "__rtruediv__",
    "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__matmul__", "__rmatmul__",
    "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__lshift__",
    "__rlshift__", "__rshift__", "__rrshift__", "__divmod__", "__rdivmod__",
    "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__",
    "__neg__", "__pos__", "__abs__", "__invert__",
)
_UNARY_OPERATORS = ("__neg__", "__pos__", "__abs__", "__invert__")


def _wrapped_method(name):
    def method(self, *args, **kwargs):
        # super(matrix, self): ndarray's method
        return _to_matrix(getattr(super(matrix, self), name)(*args, **kwargs))
    method.__name__ = name
    method.__qualname__ = f"matrix.{name}"
    method.__doc__ = f"``ndarray.{name}`` with its result as a matrix."
    return method


def _wrapped_operator(name):
    # ndarray's operator on plain stand-ins (the ufuncs' fast path takes plain ndarrays);
    # looked up per call: the ufuncs plugin replaces ndarray's operators on first use
    if name in _UNARY_OPERATORS:
        def op(self):
            return _to_matrix(getattr(ndarray, name)(_operand(self)))
    else:
        def op(self, other):
            if isinstance(other, matrix):
                other = _operand(other)
            return _to_matrix(getattr(ndarray, name)(_operand(self), other))
    op.__name__ = name
    op.__qualname__ = f"matrix.{name}"
    return op


def _wrapped_property(name):
    def get(self):
        return _to_matrix(getattr(super(matrix, self), name))

    def set_(self, value):
        # the setter of the class after matrix (ndarray's, or the reversed view's)
        mro = type(self).__mro__
        for klass in mro[mro.index(matrix) + 1:]:
            if name in klass.__dict__:
                klass.__dict__[name].__set__(self, value)
                return
    return property(get, set_ if name != "mT" else None)


def _install():
    for name in _WRAPPED_METHODS:
        setattr(matrix, name, _wrapped_method(name))
    for name in _WRAPPED_OPERATORS:
        setattr(matrix, name, _wrapped_operator(name))
    for name in _WRAPPED_PROPERTIES:
        setattr(matrix, name, _wrapped_property(name))
    matrix.__hash__ = None


_install()


def _rebuild_matrix(tensor, device):
    return _fresh_matrix(tensor.to(device))


def _matrix_repr(m):
    """``matrix([[...]], dtype=...)``: ``array_repr`` with NumPy's subclass prefix."""
    opts = _printing._state.get()
    if opts["override_repr"] is not None:
        return opts["override_repr"](m)
    t = _printing._tensor_of(m)
    opts = _printing._effective_options()
    extras = []
    if t.numel() == 0:
        extras.append(f"shape={tuple(t.shape)}")
    elif t.numel() > opts["threshold"] and _printing._legacy_level(opts) > 202:
        extras.append(f"shape={tuple(t.shape)}")
    if t.dtype not in _printing._IMPLIED_DTYPES or t.numel() == 0 or \
            (_printing._legacy_level(opts) <= 113 and t.dtype == torch.bool):
        extras.append(f"dtype={_dtypes._BY_TORCH[t.dtype].name}")
    prefix = "matrix("
    text = prefix + _printing._body(t, opts, ", ", prefix, "," if extras else ")")
    if not extras:
        return text + ")"
    tail = ", ".join(extras) + ")"
    if len(text.rpartition("\n")[2]) + len(tail) + 2 > opts["linewidth"]:
        return text + ",\n" + " " * len(prefix) + tail
    return text + ", " + tail


# --- construction ----------------------------------------------------------------
def _construct(data, dtype, copy):
    if isinstance(data, matrix):
        if dtype is not None and _dtypes.to_torch_dtype(dtype) != data.tensor.dtype:
            return data.astype(dtype)
        return data.copy() if copy else data
    if isinstance(data, ndarray):
        view = _to_matrix(ndarray.view(data))  # ValueError for more than two real axes
        if dtype is not None and _dtypes.to_torch_dtype(dtype) != data.tensor.dtype:
            return view.astype(dtype)
        return view.copy() if copy else view
    if isinstance(data, str):
        data = _parse_matrix_string(data)
    arr = _tnp().array(data, dtype=dtype, copy=True if copy else None)
    t = arr.tensor
    if t.ndim > 2:
        raise ValueError("matrix must be 2-dimensional")
    return _fresh_matrix(t)


def _as_matrix_quiet(data, dtype=None):
    """``asmatrix`` without the PendingDeprecationWarning (internal use)."""
    if type(data) is matrix and dtype is None:
        return data
    return _construct(data, dtype, False)


def asmatrix(data, dtype=None):
    """``data`` as a matrix, without copying where possible. Mirrors ``numpy.asmatrix``."""
    warnings.warn(_PENDING_MSG, PendingDeprecationWarning, stacklevel=2)
    return _construct(data, dtype, False)


def _lookup(name, ldict, gdict):
    try:
        return ldict[name]
    except KeyError:
        try:
            return gdict[name]
        except KeyError:
            raise NameError(f"name {name!r} is not defined") from None


def bmat(obj, ldict=None, gdict=None):
    """A matrix assembled from blocks. Mirrors ``numpy.bmat``.

    ``obj`` is a string of names (``"A B; C D"``: rows by ';', blocks by ',' or
    blanks) looked up in ``ldict`` then ``gdict`` (by default the caller's locals
    and globals), a nested sequence of blocks, or an array.
    """
    concatenate = _tnp().concatenate
    if isinstance(obj, str):
        if gdict is None:
            frame = sys._getframe(1)
            gdict, ldict = frame.f_globals, frame.f_locals
        rows = []
        for row in obj.split(";"):
            names = [w for part in row.split(",") for w in part.split()]
            rows.append(concatenate([_lookup(n, ldict, gdict) for n in names], axis=-1))
        return matrix(concatenate(rows, axis=0))
    if isinstance(obj, (tuple, list)):
        rows = []
        for row in obj:
            if isinstance(row, ndarray):  # a flat list of blocks: one block row
                return matrix(concatenate(obj, axis=-1))
            rows.append(concatenate(row, axis=-1))
        return matrix(concatenate(rows, axis=0))
    if isinstance(obj, ndarray):
        return matrix(obj)
    return None  # as NumPy, for anything else

