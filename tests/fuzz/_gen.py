"""Cases: a call of one target, drawn with hypothesis, written as NumPy source.

A case is a few assignments (the array inputs) and one call, all as source
text in terms of ``np``: running it with ``np`` bound to NumPy and to torchnp
gives the two sides, and the text is the reproducer. Arguments are chosen by
parameter name (``axis`` gets axes, ``dtype`` dtypes, unknown required
parameters arrays); about one case in six has one nonsense argument.
"""
from __future__ import annotations

import dataclasses
import inspect
import math

import numpy as np
from hypothesis import strategies as st

DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")
_KIND = {d: np.dtype(d).kind for d in DTYPES}
MAX_SIZE = 36

P = inspect.Parameter


@dataclasses.dataclass
class Case:
    target: object
    setup: list  # [(name, source)]
    args: list  # sources of positional arguments
    kwargs: dict  # name -> source
    fn: str = ""  # source of the callable: "np.sum", "a.sum", "operator.add"
    nonsense: str | None = None  # the parameter that got a nonsense value
    arrays: tuple = ()  # setup names holding arrays (memory sharing, mutation checks)

    def kwarg_sources(self):
        return self.kwargs

    def call_source(self):
        parts = list(self.args) + [f"{k}={v}" for k, v in self.kwargs.items()]
        return f"{self.fn}({', '.join(parts)})"

    def source(self, module="numpy"):
        head = "import numpy as np" if module == "numpy" else "import torchnp as np"
        if self.fn.startswith("operator."):
            head += "; import operator"
        lines = [head] + [f"{n} = {s}" for n, s in self.setup] + [self.call_source()]
        return "\n".join(lines)


# ndarray dunders are called the way Python calls them: through the operator
# (``a.__eq__(x)`` may rightly return NotImplemented; ``a == x`` may not)
_OPERATOR = {
    "__abs__": "abs", "__neg__": "operator.neg", "__pos__": "operator.pos",
    "__invert__": "operator.invert", "__bool__": "bool", "__float__": "float", "__int__": "int",
    "__complex__": "complex", "__index__": "operator.index", "__len__": "len",
    "__contains__": "operator.contains", "__getitem__": "operator.getitem",
    "__setitem__": "operator.setitem", "__divmod__": "divmod", "__pow__": "pow",
    "__matmul__": "operator.matmul", "__eq__": "operator.eq", "__ne__": "operator.ne",
    "__lt__": "operator.lt", "__le__": "operator.le", "__gt__": "operator.gt",
    "__ge__": "operator.ge", "__add__": "operator.add", "__sub__": "operator.sub",
    "__mul__": "operator.mul", "__truediv__": "operator.truediv",
    "__floordiv__": "operator.floordiv", "__mod__": "operator.mod",
    "__and__": "operator.and_", "__or__": "operator.or_", "__xor__": "operator.xor",
    "__lshift__": "operator.lshift", "__rshift__": "operator.rshift",
}
_OPERATOR.update({f"__i{k[2:]}": f"operator.i{v.split('.')[1].rstrip('_')}" for k, v in
                  list(_OPERATOR.items()) if k[2:-2] in (
                      "add", "sub", "mul", "truediv", "floordiv", "mod", "and", "or", "xor",
                      "lshift", "rshift", "matmul")})
_OPERATOR["__ipow__"] = "operator.ipow"
# reflected forms: the other operand comes first
_REFLECTED = {f"__r{k[2:]}": v for k, v in _OPERATOR.items() if k[2:-2] in (
    "add", "sub", "mul", "truediv", "floordiv", "mod", "and", "or", "xor", "lshift", "rshift",
    "matmul", "divmod", "pow")}


# --- values -----------------------------------------------------------------------
def fmt(v):
    """Source of a Python scalar (NaN and infinities through ``np``)."""
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, int):
        return repr(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "np.nan"
        if math.isinf(v):
            return "np.inf" if v > 0 else "-np.inf"
        return repr(v)
    if isinstance(v, complex):
        return f"complex({fmt(v.real)}, {fmt(v.imag)})"
    if isinstance(v, (list, tuple)):
        inner = ", ".join(fmt(x) for x in v)
        return f"[{inner}]" if isinstance(v, list) else f"({inner}{',' if len(v) == 1 else ''})"
    return repr(v)


def _pool(dt, special):
    k = _KIND[dt]
    if k == "b":
        return [True, False]
    if k in "iu":
        info = np.iinfo(dt)
        base = [0, 1, 2, 3, 5, 7, 100] + ([-1, -2, -4] if k == "i" else [])
        base = [v for v in base if info.min <= v <= info.max]
        return base + ([int(info.max), int(info.min)] if special else [])
    f = [0.0, 1.0, -1.0, 0.5, 2.5, -3.25, 4.0, 0.125, 10.0]
    if special:
        f += [math.nan, math.inf, -math.inf, -0.0, 1e30]
    if k == "f":
        return f
    return f + [complex(a, b) for a in f[:6] for b in f[:4] if b]


@st.composite
def shape_plan(draw):
    """The case's base shape: 0-3 dims, sometimes square in its last two or empty."""
    ndim = draw(st.sampled_from((0, 1, 1, 2, 2, 2, 3)))
    dims = [draw(st.integers(1, 4)) for _ in range(ndim)]
    if ndim >= 2 and draw(st.integers(0, 9)) < 4:
        dims[-1] = dims[-2]
    if ndim and draw(st.integers(0, 14)) == 0:
        dims[draw(st.integers(0, ndim - 1))] = 0
    while math.prod(dims) > MAX_SIZE:
        dims[dims.index(max(dims))] -= 1
    return tuple(dims)


def _nested(flat, shape):
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = math.prod(shape[1:])
    return [_nested(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _array_literal(values, shape, dt):
    if 0 in shape:
        return f"np.zeros({fmt(tuple(shape))}, dtype=np.{dt})"
    return f"np.asarray({fmt(_nested(values, shape))}, dtype=np.{dt})"


@st.composite
def array_source(draw, shape, dt=None, allow_views=True, values=None):
    """Source of an ndarray of ``shape``: contiguous, reversed, strided, transposed,
    offset or broadcast."""
    dt = dt or draw(st.sampled_from(DTYPES))
    special = draw(st.integers(0, 6)) == 0
    pool = values or _pool(dt, special)
    view = ""
    base = list(shape)
    if allow_views and shape and 0 not in shape:
        view = draw(st.sampled_from(("", "", "", "", "[::-1]", "[..., ::-1]", "[::2]", ".T",
                                     "bcast", "[1:]")))
        if view == "[::2]":
            base[0] *= 2
        elif view == "[1:]":
            base[0] += 1
        elif view == ".T":
            base = base[::-1]
        elif view == "bcast":
            base = [1 if draw(st.booleans()) else n for n in base]
    n = math.prod(base)
    vals = [draw(st.sampled_from(pool)) for _ in range(n)]
    lit = _array_literal(vals, base, dt)
    if view == "bcast":
        return f"np.broadcast_to({lit}, {fmt(tuple(shape))})", dt
    return lit + view, dt


@st.composite
def array_like(draw, shape, ctx, dt=None, forms=True):
    """An array-like argument: an ndarray (a setup variable), a list, or a scalar."""
    form = draw(st.integers(0, 19)) if forms else 0
    dt = dt or draw(st.sampled_from(DTYPES))
    if form == 0 and not shape:
        v = draw(st.sampled_from(_pool(dt, False)))
        return ("scalar", f"np.{dt}({fmt(v)})")
    if form == 1 and not shape:
        v = draw(st.sampled_from(_pool("float64", False) + [0, 1, -2, True]))
        return ("scalar", fmt(v))
    if form == 2 and len(shape) <= 2 and 0 not in shape:
        pdt = draw(st.sampled_from(("int64", "float64", "bool", "complex128")))
        vals = [draw(st.sampled_from(_pool(pdt, False))) for _ in range(math.prod(shape))]
        return ("list", fmt(_nested(vals, shape)))
    src, _ = draw(array_source(shape, dt))
    return ("array", src)


def broadcast_variant(draw, shape):
    """A shape that broadcasts against ``shape`` (sometimes one that does not)."""
    r = draw(st.integers(0, 9))
    if r < 5 or not shape:
        return tuple(shape)
    if r < 7:
        return tuple(1 if draw(st.booleans()) else n for n in shape)
    if r < 8:
        return tuple(shape[1:])
    if r < 9:
        return ()
    return tuple(n + 1 for n in shape)


# --- nonsense ---------------------------------------------------------------------
NONSENSE = ("'abc'", "None", "[[1, 2], [3]]", "{}", "object()", "10**20", "1.5", "-7", "()",
            "[]", "(0, 'a')", "np.int8", "'float64'", "complex(1, 1)", "True", "[1.5, 2]",
            "np.nan", "-1", "b'x'", "(1.5,)")

DTYPE_SOURCES = tuple(f"np.{d}" for d in DTYPES) + (
    "float", "int", "complex", "bool", "'f4'", "'i8'", "'u1'", "'c16'", "'?'", "'e'", "'d'",
    "'l'", "'int32'", "'float64'", "'uint16'", "np.dtype('int16')", "np.dtype('float32')",
    "'n'", "'N'", "np.intp", "np.uintp", "np.double", "np.longlong", "np.float64(0).dtype")

CALLABLES = ("lambda x, *a, **k: x * 2", "lambda x, *a, **k: x.sum()",
             "lambda *a, **k: a[0] + 1", "lambda x, *a, **k: x")


def _ints(*vals):
    return tuple(str(v) for v in vals)


# parameter name -> a function (draw, ctx) -> source, or a tuple of sources
SCALARS = ("0", "1", "-1", "2.5", "-0.5", "True", "np.nan", "np.float32(1.5)", "np.int8(3)",
           "complex(1, 2)", "3")
NAMED = {
    "keepdims": ("True", "False"),
    "order": ("'C'", "'F'", "'A'", "'K'", "None"),
    "casting": ("'no'", "'equiv'", "'safe'", "'same_kind'", "'unsafe'"),
    "copy": ("True", "False", "None"),
    "subok": ("True", "False"),
    "signature": ("None",),
    "like": ("None",),
    "device": ("None", "'cpu'"),
    "stream": ("None",),
    "ddof": _ints(0, 1, 2) + ("0.5",),
    "correction": _ints(0, 1) + ("0.5",),
    "n": _ints(-1, 0, 1, 2, 3, 5) + ("None",),
    "k": _ints(-2, -1, 0, 1, 2),
    "N": _ints(0, 1, 2, 3, 4) + ("None",),
    "M": _ints(0, 1, 3) + ("None",),
    "num": _ints(0, 1, 2, 5),
    "deg": _ints(0, 1, 2, 3) + ("True", "False"),
    "count": _ints(-1, 0, 1, 2),
    "ndmin": _ints(0, 1, 2, 3),
    "decimals": _ints(0, 1, -1, 2),
    "offset": _ints(0, 1, -1),
    "shift": _ints(0, 1, -2, 5) + ("(1, 0)",),
    "kth": _ints(0, 1, -1) + ("(0, 1)",),
    "lbnd": _ints(0, 1),
    "m": _ints(0, 1, 2),
    "scl": ("1", "2", "0.5"),
    "size": ("None", "3", "(2, 3)", "()", "0", "(2,)"),
    "shape": ("()", "3", "(2, 3)", "(6,)", "(-1,)", "(2, -1)", "[3, 2]", "(0,)", "(1, 1)", "None"),
    "newshape": ("(6,)", "(-1,)", "(2, 3)", "3"),
    "new_shape": ("(6,)", "(2, 3)", "3", "(0,)", "(2, 2, 2)"),
    "dims": ("(2, 3)", "(6,)", "(3,)", "(2, 2)"),
    "reps": ("2", "(2, 1)", "(1, 2, 2)", "0", "()"),
    "window_shape": ("1", "2", "(2,)", "(1, 1)"),
    "axes": ("None", "(1, 0)", "1", "2", "0", "(0,)", "((1,), (0,))", "(-1,)", "[0, 1]", "(0, 1)"),
    "s": ("None", "(4,)", "(2, 2)", "3", "(2,)"),
    "norm": ("None", "'backward'", "'ortho'", "'forward'"),
    "ord": ("None", "1", "2", "-1", "-2", "np.inf", "-np.inf", "'fro'", "'nuc'", "0", "3"),
    "mode": ("'constant'", "'edge'", "'reflect'", "'wrap'", "'symmetric'", "'maximum'", "'mean'",
             "'median'", "'minimum'", "'linear_ramp'", "'full'", "'same'", "'valid'", "'raise'",
             "'clip'", "'reduced'", "'complete'", "'r'"),
    "method": ("'linear'", "'lower'", "'higher'", "'midpoint'", "'nearest'", "'inverted_cdf'",
               "'hazen'", "'weibull'", "'median_unbiased'", "'averaged_inverted_cdf'"),
    "kind": ("None", "'quicksort'", "'mergesort'", "'stable'", "'heapsort'", "'bool'",
             "'signed integer'", "'integral'", "'real floating'", "'complex floating'",
             "'numeric'", "np.float64", "('integral', 'real floating')"),
    "side": ("'left'", "'right'"),
    "bins": ("3", "5", "1", "'auto'", "'sturges'", "'fd'", "[0, 1, 2]", "'rice'"),
    "range": ("None", "(0, 5)", "(-1, 1)", "(2, 2)"),
    "q": ("0.5", "50", "[0.25, 0.75]", "0.0", "1.0", "100", "np.asarray([0.1, 0.9])"),
    "indexing": ("'xy'", "'ij'"),
    "bitorder": ("'big'", "'little'"),
    "UPLO": ("'L'", "'U'"),
    "rtol": ("1e-05", "1e-07", "0.0", "0.1"),
    "atol": ("1e-08", "0.0", "0.1", "np.float64(1e-3)"),
    "rcond": ("None", "1e-15", "-1", "0.1"),
    "tol": ("None", "1e-10", "0.5"),
    "trim": ("'fb'", "'f'", "'b'"),
    "max_work": ("None", "-1", "0"),
    "seed": ("0", "1", "None"),
    "stable": ("True", "False", "None"),
    "indices_or_sections": ("2", "3", "[1, 2]", "1"),
    "pad_width": ("1", "(1, 2)", "((1, 0),)", "0", "((1, 1), (0, 2))"),
    "repeats": ("2", "[1, 2]", "0", "1"),
    "obj": ("0", "1", "[0, 1]", "slice(0, 2)", "-1"),
    "trim_zeros": ("'fb'",),
    "edge_order": ("1", "2"),
    "precision": ("None", "3", "8"),
    "threshold": ("None", "5", "1000"),
    "edgeitems": ("None", "1", "3"),
    "linewidth": ("None", "20", "75"),
    "max_line_width": ("None", "20"),
    "suppress_small": ("None", "True"),
    "separator": ("' '", "', '"),
    "prefix": ("''", "'x'"),
    "sep": ("' '", "''", "','"),
    "unique": ("True", "False"),
    "period": ("6.283185307179586", "4", "360"),
    "discont": ("None", "1.0"),
    "base": ("2", "10.0", "2.5"),
    "width": ("None", "8", "4"),
    "padding": ("0", "2"),
    "radix": ("2", "16"),
    "minlength": ("0", "5"),
    "nbins": ("3",),
    "dx": ("1.0", "0.5"),
    "start": ("0", "1", "-1", "0.5", "complex(1, 2)"),
    "stop": ("5", "3", "-2", "2.5", "None"),
    "step": ("1", "2", "-1", "0.5", "None"),
    "endpoint": ("True", "False"),
    "retstep": ("True", "False"),
    "initial": ("0", "1", "-5", "2.5"),
    "nan": ("0.0", "1.5"),
    "posinf": ("None", "100.0"),
    "neginf": ("None", "-100.0"),
    "fill_value": SCALARS,
    "val": SCALARS,
    "value": SCALARS,
    "default": ("0", "-1", "2.5"),
    "prepend": ("0", "1.5", "np.nan"),
    "append": ("0", "1.5"),
    "to_begin": ("None", "0", "[1, 2]"),
    "to_end": ("None", "0", "[1, 2]"),
    "a_min": ("None", "0", "1", "-1.5"),
    "a_max": ("None", "2", "3.5"),
    "min": ("None", "0", "1", "-1.5"),
    "max": ("None", "2", "3.5"),
    "max_rows": ("None", "1"),
    "func": CALLABLES,
    "func1d": CALLABLES,
    "function": ("lambda *a, **k: a[0] + 1",),
    "pyfunc": CALLABLES,
    "f": CALLABLES,
    "nin": ("1", "2"),
    "nout": ("1",),
    "sparse": ("True", "False"),
    "sorted": ("True", "False"),
    "equal_nan": ("True", "False"),
    "assume_unique": ("True", "False"),
    "invert": ("True", "False"),
    "density": ("None", "True", "False"),
    "right": ("True", "False"),
    "increasing": ("True", "False"),
    "rowvar": ("True", "False"),
    "bias": ("True", "False"),
    "full": ("True", "False"),
    "full_matrices": ("True", "False"),
    "compute_uv": ("True", "False"),
    "hermitian": ("True", "False"),
    "include_initial": ("True", "False"),
    "return_index": ("True", "False"),
    "return_inverse": ("True", "False"),
    "return_counts": ("True", "False"),
    "return_indices": ("True", "False"),
    "overwrite_input": ("True", "False"),
    "returned": ("True", "False"),
    "endpoint_": ("True",),
    "optimize": ("False", "True", "'greedy'", "'optimal'"),
    "sign": ("'-'", "'+'", "' '"),
    "char": ("'?'", "'d'"),
    "typechars": ("'fd'", "'id'", "'FD'"),
    "typeset": ("'GDFgdf'",),
    "default_": ("'d'",),
    "strict": ("True", "False"),
    "verbose": ("True", "False"),
    "err_msg": ("''", "'msg'"),
    "decimal": ("6", "2"),
    "significant": ("7", "3"),
    "nulp": ("1", "4"),
    "maxulp": ("1", "4"),
    "header": ("''", "'x'"),
    "names": ("None",),
    "domain": ("None", "[-1, 1]", "[0, 2]"),
    "window": ("None", "[-1, 1]"),
    "symbol": ("'x'",),
    "roots": ("[1, 2]",),
    "w": ("None",),
    "cov": ("False", "True", "'unscaled'"),
    "lam": ("1.0", "0.5", "3"),
    "loc": ("0.0", "1.5", "-1"),
    "scale": ("1.0", "2.0", "0.5"),
    "low": ("0", "0.0", "-1", "1"),
    "high": ("None", "5", "1.0", "10"),
    "p": ("0.5", "0.25", "[0.5, 0.5]"),
    "df": ("1.0", "3", "0.5"),
    "dfnum": ("1.0", "3"),
    "dfden": ("2.0", "5"),
    "nonc": ("0.5", "1.0"),
    "mean": ("0.0", "1.0", "[0.0, 1.0]"),
    "sigma": ("1.0", "0.5"),
    "alpha": ("[1.0, 2.0]", "1.0"),
    "kappa": ("1.0", "0.5"),
    "mu": ("0.0", "1.0"),
    "ngood": ("3", "5"),
    "nbad": ("2", "4"),
    "nsample": ("2", "3"),
    "pvals": ("[0.5, 0.5]", "[0.2, 0.3, 0.5]"),
    "replace": ("True", "False"),
    "shuffle": ("True", "False"),
    "endpoint__": ("True",),
    "colors": ("[2, 3]", "[1, 1, 1]"),
    "mmap_mode": ("None", "'r'", "'c'", "'r+'", "'w+'", "'x'"),
    "allow_pickle": ("False", "True"),
    "fix_imports": ("True",),
    "encoding": ("None", "'latin1'", "'ASCII'", "'bytes'", "'utf-8'"),
    "max_header_size": ("10000",),
    "delimiter": ("None", "','", "' '", "'\\t'"),
    "comments": ("'#'", "None", "'%'"),
    "skiprows": ("0", "1"),
    "skip_header": ("0", "1"),
    "skip_footer": ("0", "1"),
    "usecols": ("None", "0", "(0, 1)", "[1]", "-1"),
    "unpack": ("True", "False"),
    "converters": ("None",),
    "quotechar": ("None", "'\"'"),
    "filling_values": ("None", "0", "-1"),
    "missing_values": ("None", "''"),
    "fmt": ("'%.18e'", "'%d'", "'%.3f'", "'%s'", "'%10.5f'", "'%x'"),
    "newline": ("'\\n'", "';'"),
    "footer": ("''", "'end'"),
    "format": ("'%s'",),
    "autostrip": ("True", "False"),
    "case_sensitive": ("True",),
    "invalid_raise": ("True", "False"),
    "loose": ("True",),
    "usemask": ("False",),
    "regexp": ("r'(\\d+)'", "r'(\\S+)\\s+(\\S+)'"),
}
# parameters that take a dtype
DTYPE_PARAMS = {"dtype", "type1", "type2", "from_", "to", "dtype1", "dtype2", "arg1", "arg2"}
# parameters that take a sequence of arrays
SEQ_PARAMS = {"arrays", "tup", "arys", "condlist", "choicelist", "choices", "funclist",
              "seq", "xi", "operands", "args", "arrays_and_dtypes", "tensors", "arrs", "dims_"}
# parameters that take an axis
AXIS_PARAMS = {"axis", "axis1", "axis2", "axisa", "axisb", "axisc", "source", "destination",
               "start_axis"}
# parameters that take boolean masks
MASK_PARAMS = {"condition", "mask", "where"}
# parameters that name a file (readers get one NumPy wrote; writers a fresh path)
FILE_PARAMS = {"file", "fname", "fid"}
FILE_KINDS = ("npy", "npz", "txt", "txt_int", "csv", "raw", "txt_sep")
# parameters that take integer index arrays
INDEX_PARAMS = {"indices", "ind", "inds", "key_"}


def axis_pool(ndim):
    """Axes valid for an array of ``ndim`` dimensions (bad ones are in BAD["axis"])."""
    srcs = ["None"] + [str(i) for i in range(-ndim, ndim)]
    if ndim >= 2:
        srcs += ["(0, 1)", "(-1, 0)", "(1,)"]
    if ndim >= 1:
        srcs += ["(0,)", "()"]
    else:
        srcs += ["0", "-1", "()"]  # NumPy's reductions take these on 0-d input
    return tuple(dict.fromkeys(srcs))


def index_pool(ndim, shape):
    srcs = ["0", "-1", "slice(None, None, -1)", "...", "None", "(Ellipsis, 0)", "()",
            "slice(1, None)", "[0, 1]", "5", "1.5", "'a'", "np.asarray([0, -1])",
            "(0, slice(None, None, 2))", "np.asarray(True)", "np.asarray(False)", "[True]"]
    if ndim >= 2:
        srcs += ["(0, 0)", "(slice(None), 0)", "(0, [0, 0])", "([0, 1], slice(None))",
                 "(..., None, 0)"]
    return tuple(srcs)


class Ctx:
    """What later parameters need to know about the case so far."""

    def __init__(self, shape):
        self.shape = shape
        self.ndim = len(shape)
        self.setup = []
        self.arrays = []
        self.first_dtype = None
        self.n = 0

    def var(self, prefix, src, is_array=True):
        used = {v for v, _ in self.setup}
        name = prefix
        while name in used or name in ("np", "inf", "nan"):
            self.n += 1
            name = f"{prefix}{self.n}"
        self.setup.append((name, src))
        if is_array:
            self.arrays.append(name)
        return name


def _array_arg(draw, ctx, name, first):
    shape = ctx.shape if first else broadcast_variant(draw, ctx.shape)
    dt = None
    if not first and ctx.first_dtype and draw(st.booleans()):
        dt = ctx.first_dtype
    form, src = draw(array_like(shape, ctx, dt))
    if form == "array":
        if first and ctx.first_dtype is None:
            ctx.first_dtype = src.rsplit("dtype=np.", 1)[-1].split(")")[0] if "dtype=np." in src else None
        return ctx.var(_short(name), src)
    return src


def _short(name):
    return "".join(ch for ch in name if ch.isalnum())[:3] or "v"


def _seq_arg(draw, ctx, name):
    n = draw(st.integers(1, 3))
    items = []
    for _ in range(n):
        shape = broadcast_variant(draw, ctx.shape)
        form, src = draw(array_like(shape, ctx, ctx.first_dtype if draw(st.booleans()) else None))
        items.append(ctx.var("s", src) if form == "array" else src)
    if name == "funclist":
        return "[" + ", ".join(draw(st.sampled_from(CALLABLES + ("0", "1.5"))) for _ in range(n)) + "]"
    if name in ("condlist",):
        return "[" + ", ".join(ctx.var("c", draw(array_source(ctx.shape, "bool"))[0])
                               for _ in range(n)) + "]"
    return "[" + ", ".join(items) + "]" if draw(st.booleans()) else "(" + ", ".join(items) + ",)"


def value_for(draw, ctx, p, first_array, target, bad=False):
    """Source of the value of parameter ``p`` (None: leave it out).

    Values are valid for the parameter on its own; with ``bad`` the value is one
    NumPy must refuse (a bad axis, dtype, order, shape...) or a nonsense object.
    """
    name = p.name
    if bad:
        pool = BAD.get(_family(name, p), ()) + NONSENSE
        return draw(st.sampled_from(pool))
    if name in FILE_PARAMS:
        return _file_arg(draw, ctx, target)
    if name == "value" and target.name.startswith("__"):
        return _array_arg(draw, ctx, name, False)
    if name in DTYPE_PARAMS:
        return draw(st.sampled_from(DTYPE_SOURCES + ("None",)))
    if name in AXIS_PARAMS:
        return draw(st.sampled_from(axis_pool(ctx.ndim)))
    if name == "out":
        return OUT  # sized from NumPy's result once the other arguments are known
    if name in MASK_PARAMS:
        if name == "where" and draw(st.booleans()):
            return "True"
        shape = ctx.shape if draw(st.integers(0, 3)) else broadcast_variant(draw, ctx.shape)
        return ctx.var("m", draw(array_source(shape, "bool"))[0])
    if name in INDEX_PARAMS:
        n = max(1, ctx.shape[0] if ctx.shape else 1)
        vals = [draw(st.integers(-n, n - 1)) for _ in range(draw(st.integers(1, 4)))]
        return ctx.var("i", f"np.asarray({fmt(vals)})") if draw(st.booleans()) else fmt(vals)
    if name == "key":
        return draw(st.sampled_from(index_pool(ctx.ndim, ctx.shape)
                                    + (ctx.var("k", draw(array_source(ctx.shape, "bool"))[0]),)))
    if name in SEQ_PARAMS or p.kind == P.VAR_POSITIONAL:
        return _seq_arg(draw, ctx, name)
    pool = NAMED.get(name)
    if pool is not None:
        return draw(st.sampled_from(pool))
    # unknown: required parameters are arrays; optional ones mostly keep their default
    if p.required or name in _ARRAYISH:
        return _array_arg(draw, ctx, name, first_array)
    return None


OUT = "<out>"


def _family(name, p):
    if name in DTYPE_PARAMS:
        return "dtype"
    if name in AXIS_PARAMS:
        return "axis"
    if name in ("order", "casting", "out", "keepdims"):
        return name
    if name in SEQ_PARAMS or p.kind == P.VAR_POSITIONAL:
        return "seq"
    return "other"


# values NumPy refuses, by kind of parameter (NONSENSE is added to each)
BAD = {
    "axis": ("5", "-6", "(0, 0)", "[0]", "1.5", "(0, 5)", "np.float64(1)"),
    "dtype": ("'abc'", "'U5'", "object", "'M8[s]'", "np.dtype", "[('a', 'i4')]", "'i7'",
              "np.generic", "np.floating"),
    "order": ("'Z'", "1", "'CF'"),
    "casting": ("'bogus'", "1"),
    "out": ("<bad out>",),
    "keepdims": ("'abc'",),
    "seq": ("[]", "[[1, 2], [3]]"),
    "other": (),
}


def _numpy_result(ctx, target, args, kwargs, fn):
    """NumPy's result of the case so far (None when it raises): sizes ``out=``."""
    import warnings
    ns = {"np": np, "operator": __import__("operator")}
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            for n, src in ctx.setup:
                if "_file(" in src or "_outfile(" in src:
                    return None
                ns[n] = eval(src, ns)  # noqa: S307
            if any("_file(" in a or "_outfile(" in a for a in list(args) + list(kwargs.values())):
                return None
            a = [eval(x, ns) for x in args]  # noqa: S307
            k = {n: eval(v, ns) for n, v in kwargs.items()}  # noqa: S307
            return eval(fn, ns)(*a, **k)  # noqa: S307
    except Exception:  # noqa: BLE001
        return None


def _resolve_out(draw, ctx, target, args, kwargs, fn):
    """Replace the ``out=`` placeholder by an array sized from NumPy's result."""
    marks = (OUT, "<bad out>")
    vals = list(args) + list(kwargs.values())
    if not any(v in marks for v in vals):
        return args, kwargs
    bad = "<bad out>" in vals
    a = [x for x in args if x not in marks]
    k = {n: v for n, v in kwargs.items() if v not in marks}
    res = _numpy_result(ctx, target, a, k, fn.replace("<out>", ""))
    osrc = _out_source(draw, ctx, target, res, bad)
    return ([osrc if x in marks else x for x in args],
            {n: (osrc if v in marks else v) for n, v in kwargs.items()})


def _out_source(draw, ctx, target, result, bad):
    """An ``out=`` for ``result``: its shape and dtype, or another dtype NumPy may cast to;
    with ``bad`` (or no result to copy) a wrong shape."""
    if isinstance(result, tuple) and result and all(isinstance(r, (np.ndarray, np.generic))
                                                    for r in result):
        parts = [_out_source(draw, ctx, target, r, bad) for r in result]
        return "(" + ", ".join(parts) + ",)"
    if isinstance(result, (np.ndarray, np.generic)) and not bad:
        shape, dt = np.shape(result), np.asarray(result).dtype.name
        if draw(st.integers(0, 3)) == 0:
            dt = draw(st.sampled_from(("float64", "complex128", "int8", "bool", "float32")))
    else:
        shape = draw(st.sampled_from((ctx.shape, (), ctx.shape[1:], ctx.shape + (2,))))
        dt = draw(st.sampled_from((ctx.first_dtype or "float64", "float64", "int8")))
        if not shape and "cum" in target.name:
            shape = (1,)  # NumPy 2.4 crashes (SIGSEGV) accumulating into a 0-d out
    return ctx.var("out", f"np.zeros({fmt(tuple(shape))}, dtype=np.{dt})")


_ARRAYISH = {"a", "x", "x1", "x2", "arr", "ary", "array", "m", "v", "y", "b", "a1", "a2", "ar1",
             "ar2", "ar", "A", "X", "xp", "fp", "u", "z", "values", "c", "c1", "c2", "cs", "pol",
             "weights", "prototype", "data", "element", "test_elements", "object", "vals",
             "fweights", "aweights", "sample", "xi_", "vander", "fill", "other"}

def _file_arg(draw, ctx, target):
    if target.name.startswith("save"):
        ext = ".npz" if target.name.startswith("savez") else ".npy" if target.name == "save" \
            else ".txt"
        return f"_outfile({ext!r})"
    shape = ctx.shape if 1 <= ctx.ndim <= 2 and 0 not in ctx.shape else (3, 2)
    src, _ = draw(array_source(shape, allow_views=False))
    kind = draw(st.sampled_from(FILE_KINDS))
    return f"_file({kind!r}, {src!r})"


# a few functions whose arguments must agree with each other to get past NumPy's checks
EINSUM = (("ij->", ((2, 3),)), ("ij,jk->ik", ((2, 3), (3, 2))), ("ii->i", ((3, 3),)),
          ("i,i", ((3,), (3,))), ("...j,j->...", ((2, 3), (3,))), ("ij->ji", ((2, 3),)),
          ("i", ((4,),)), ("ijk->kj", ((2, 3, 2),)), ("ij,ij->i", ((2, 2), (2, 2))),
          ("i,j->ij", ((2,), (3,))), ("ii", ((3, 3),)), ("bij,bjk->bik", ((2, 2, 3), (2, 3, 2))))


@st.composite
def _einsum(draw, target):
    ctx = Ctx(())
    subs, shapes = draw(st.sampled_from(EINSUM))
    ops = []
    for sh in shapes:
        form, src = draw(array_like(sh, ctx, forms=False))
        ops.append(ctx.var("op", src))
    kwargs = {}
    for pname in ("dtype", "casting", "optimize", "order"):
        if draw(st.integers(0, 3)) == 0:
            kwargs[pname] = value_for(draw, ctx, _P(pname), False, target)
    if draw(st.integers(0, 4)) == 0:
        kwargs["out"] = value_for(draw, ctx, _P("out"), False, target)
    return ctx, [repr(subs)] + ops, kwargs


def _P(name):
    from ._targets import Param
    return Param(name, P.KEYWORD_ONLY, False)


SPECIAL = {"einsum": _einsum, "einsum_path": _einsum}


@st.composite
def case(draw, target):
    """One call of ``target``."""
    special = SPECIAL.get(target.qualname)
    nonsense_at = None
    receiver = None
    fn = "np." + target.qualname
    if special is not None:
        ctx, args, kwargs = draw(special(target))
        args, kwargs = _resolve_out(draw, ctx, target, args, kwargs, fn)
    else:
        ctx = Ctx(draw(shape_plan()))
        args, kwargs = [], {}
        params = list(target.params)
        if target.kind == "method":
            if target.namespace == "random.Generator":
                receiver = ctx.var("g", "np.random.default_rng(0)", is_array=False)
            else:
                src, dt = draw(array_source(ctx.shape))
                ctx.first_dtype = dt
                receiver = ctx.var("a", src)
        nonsense = draw(st.integers(0, 99)) < 18 and params
        if nonsense:
            nonsense_at = draw(st.sampled_from([p.name for p in params]))
        first = receiver is None or target.namespace == "random.Generator"
        positional_ok = True
        for p in params:
            if p.kind == P.VAR_KEYWORD:
                continue
            include = p.required or p.kind == P.VAR_POSITIONAL or draw(st.integers(0, 9)) < 3
            if p.name == nonsense_at:
                include = True
            if not include:
                if p.kind != P.KEYWORD_ONLY:
                    positional_ok = False
                continue
            bad = p.name == nonsense_at
            src = value_for(draw, ctx, p, first and p.name not in NAMED, target, bad=bad)
            if src is None:
                if p.kind != P.KEYWORD_ONLY:
                    positional_ok = False
                continue
            if p.name in _ARRAYISH or p.required:
                first = False
            if p.kind == P.VAR_POSITIONAL:
                if src.startswith(("[", "(")) and not src.startswith("[[") and not bad:
                    inner = src[1:-1].rstrip(",")
                    args.extend(x.strip() for x in _split_top(inner) if x.strip())
                else:
                    args.append(src)
            elif p.kind == P.POSITIONAL_ONLY or (p.kind == P.POSITIONAL_OR_KEYWORD and positional_ok
                                                 and p.required):
                args.append(src)
            else:
                kwargs[p.name] = src
        if draw(st.integers(0, 49)) == 0 and target.name not in _OPERATOR \
                and target.name not in _REFLECTED:
            kwargs["bogus_keyword"] = "1"
        if receiver is not None:
            fn = f"{receiver}.{target.name}"
        args, kwargs = _resolve_out(draw, ctx, target, args, kwargs, fn)
        if receiver is not None:
            if target.name in _OPERATOR:
                fn = _OPERATOR[target.name]
                args = [receiver] + args[:1 if target.name == "__pow__" else None]
            elif target.name in _REFLECTED:
                fn = _REFLECTED[target.name]
                args = args[:1] + [receiver]
    return Case(target, ctx.setup, args, kwargs, fn, nonsense_at, tuple(ctx.arrays))


def _split_top(text):
    """Split a comma-separated source list at depth 0."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out
