"""The ``ufunc`` class: NumPy's universal functions on torch tensors.

A ufunc holds NumPy's loop table (from ``_table``) and a torch *kernel*. A call
resolves a loop once per combination of input dtypes / Python-scalar types
(NEP 50: Python scalars are weak) and caches a *plan*, a small function that
casts the inputs to the loop's dtypes, runs the kernel and casts back. Later
calls with the same input kinds are one dict lookup plus the kernel call.

Torch has almost no kernels for uint16/32/64: those loops compute in the next
wider signed type (uint16 -> int32, uint32 -> int64) and uint64 computes on
the int64 bit pattern (a ``view``), with unsigned-aware kernels where the sign
matters (comparisons, division, right shift...). Results are cast back, so
dtypes and values are NumPy's.

This module imports only torch and the core's torch-level helpers; results are
wrapped through ``torchnp._normalize``.
"""
from __future__ import annotations

import builtins

import torch

from torchnp import _dtypes, _normalize, _views
from torchnp.exceptions import UFuncTypeError, normalize_axis_index, normalize_axis_tuple

from . import _errstate_impl, _logic_impl
from ._table import UFUNCS

__all__ = ["ufunc"]

_CHAR = {"?": torch.bool, "b": torch.int8, "B": torch.uint8, "h": torch.int16,
         "H": torch.uint16, "i": torch.int32, "I": torch.uint32, "l": torch.int64,
         "L": torch.uint64, "q": torch.int64, "Q": torch.uint64, "e": torch.float16,
         "f": torch.float32, "d": torch.float64, "F": torch.complex64, "D": torch.complex128}
# torch dtypes torch has (almost) no kernels for, and the dtype we compute in
_COMPUTE = {torch.uint16: torch.int32, torch.uint32: torch.int64, torch.uint64: torch.int64}
_PY = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_PY_SET = frozenset(_PY)
_DEFAULT = {builtins.bool: torch.bool, builtins.int: torch.int64,
            builtins.float: torch.float64, builtins.complex: torch.complex128}
_REP = {builtins.bool: False, builtins.int: 0, builtins.float: 0.0, builtins.complex: 0j}
_SCALAR_CLS = _dtypes._SCALAR_BY_TORCH
_HOLDERS = frozenset(_SCALAR_CLS.values())
_ND = _normalize._ndarray_cls
_INT_RANGE = {t: (torch.iinfo(t).min, torch.iinfo(t).max) for t in
              (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.uint16,
               torch.uint32, torch.uint64)}
_NOVALUE = _normalize.NoValue
_WEAK_OK = {builtins.bool: lambda ld: True,
            builtins.int: lambda ld: ld is not torch.bool,
            builtins.float: lambda ld: ld.is_floating_point or ld.is_complex,
            builtins.complex: lambda ld: ld.is_complex}
_new = object.__new__
_KIND_RANK = {"b": 0, "i": 1, "u": 1, "f": 2, "c": 3}
_PY_KIND = {builtins.bool: "b", builtins.int: "i", builtins.float: "f", builtins.complex: "c"}
# While dynamo traces, the per-ufunc caches (resolved loops, plans, reduction fast
# paths) are neither read nor filled: a read would guard on the cache's contents
# (a recompile whenever an eager call adds a key) and a fill would happen at trace
# time. Loop resolution is pure Python on dtypes, so the traced result is the same.
_tracing = torch.compiler.is_compiling


def _name(td):
    return _dtypes._BY_TORCH[td].name


def _kind(td):
    return _dtypes._BY_TORCH[td].kind


def _category(ld):
    """Kernel category of a loop dtype: b, i (signed or small unsigned), u64, f, c."""
    if ld is torch.bool:
        return "b"
    if ld is torch.uint64:
        return "u64"
    k = _kind(ld)
    return "i" if k in "iu" else k


def _no_compare(a, value):
    """``a == obj`` / ``a != obj`` for an object no ufunc takes (a str, None, a plain
    instance): NumPy compares element by element and gets all False (all True for !=),
    a bool array, or a bool scalar for a 0-d array."""
    r = torch.full(a.shape, value, dtype=torch.bool, device=a.tensor.device)
    return _normalize.wrap_scalar(r)


def _operand_ok(x):
    """Whether an operator should handle ``x`` (else it returns NotImplemented)."""
    if isinstance(x, (list, tuple, range, torch.Tensor, _normalize._ndarray_cls, _dtypes.generic,
                      builtins.int, builtins.float, builtins.complex)):
        return True
    return any(hasattr(x, a) for a in ("__array_interface__", "__array_struct__", "__array__",
                                        "__dlpack__"))


def _broadcast_error(tensors):
    shapes = " ".join(str(tuple(t.shape)).replace(",)", ")") if t.ndim == 1 else str(tuple(t.shape))
                      for t in tensors if isinstance(t, torch.Tensor))
    return ValueError(f"operands could not be broadcast together with shapes {shapes} ")


def _check_broadcast(tensors, exc):
    try:
        torch.broadcast_shapes(*(t.shape for t in tensors if isinstance(t, torch.Tensor)))
    except RuntimeError:
        raise _broadcast_error(tensors) from None
    raise exc


def _layout_kernel(lay, inputs, vals):
    """The kernel's ``layout`` answer for these inputs (see ``_Kernel``), or None."""
    ts = [v for v in vals if isinstance(v, torch.Tensor)]
    if not ts or not ts[0].is_complex():
        return None
    if len(ts) < len(vals):  # a weak Python number: an operand of the array's loop dtype
        try:
            vals = [v if isinstance(v, torch.Tensor) else
                    torch.tensor(v, dtype=ts[0].dtype, device=ts[0].device) for v in vals]
        except (RuntimeError, TypeError, OverflowError):
            return None
    try:
        shape = torch.broadcast_shapes(*(v.shape for v in vals))
    except RuntimeError:
        return None
    strides = []
    for x, v in zip(inputs, vals):
        if isinstance(x, _normalize._ndarray_cls):
            st = [s // v.element_size() for s in _views.strides(x)]
        else:
            st = list(v.stride())
        st = [0 if n == 1 else s for n, s in zip(v.shape, st)]
        strides.append([0] * (len(shape) - len(st)) + st)
    k = lay(vals, tuple(shape), strides)
    if k is None or len(ts) == len(vals):
        return k
    return lambda *_: k(*vals)


# --- input conversion ------------------------------------------------------
def _normalize_input(x):
    """-> (value, key): key is a torch dtype (strong) or a Python scalar type (weak)."""
    t = type(x)
    if t in _PY_SET:
        return x, t
    if t is _normalize._ndarray_cls or t in _HOLDERS:
        v = x.tensor
        return v, v.dtype
    if t is torch.Tensor:
        return x, x.dtype
    v = _normalize.as_tensor(x)
    return v, v.dtype


def _scalar_converter(pytype, ld, cd):
    """Convert a weak Python scalar for a loop dtype ``ld`` computed in ``cd``."""
    k = _kind(ld)
    if k in "iu":
        lo, hi = _INT_RANGE[ld]
        name = _name(ld)
        wrap = ld is torch.uint64

        def conv(v):
            v = builtins.int(v)
            if v < lo or v > hi:
                raise OverflowError(f"Python integer {v} out of bounds for {name}")
            if wrap and v > 9223372036854775807:
                v -= 18446744073709551616
            return v
        return conv
    if k == "b":
        return builtins.bool
    if k == "f":
        if pytype is builtins.complex:
            return None  # no safe loop; resolution never picks this
        if ld is torch.float16:
            # NumPy casts the scalar to float16 first (huge values become inf); torch
            # refuses a scalar that overflows half
            return lambda v: torch.tensor(builtins.float(v), dtype=torch.float64).to(
                torch.float16).item()
        return builtins.float
    return builtins.complex


def _logical_scalar(v):
    """A weak Python scalar for a logical ufunc: its truth value (ints must fit a C long)."""
    if type(v) is builtins.int and not -9223372036854775808 <= v <= 9223372036854775807:
        raise OverflowError("Python int too large to convert to C long")
    return builtins.bool(v)


def _to_compute(t, ld, cd):
    """Cast a tensor to loop dtype ``ld`` then to compute dtype ``cd``."""
    if t.dtype is not ld:
        if t.is_complex() and not ld.is_complex:
            t = t.real
        t = t.to(ld)
    if cd is not ld:
        t = t.view(cd) if ld is torch.uint64 else t.to(cd)
    return t


def _from_compute(r, ld):
    if r.dtype is ld:
        return r
    if ld is torch.uint64 and r.dtype is torch.int64:
        return r.view(torch.uint64)
    if r.is_complex() and not ld.is_complex:
        r = r.real
    return r.to(ld)


class _Kernel:
    """Per-category torch implementations of one ufunc."""

    __slots__ = ("by_cat", "scalar_ok", "compute", "factory", "default", "swap", "layout")

    def __init__(self, default=None, *, b=None, i=None, u64=None, f=None, c=None,
                 scalar_ok=False, compute=None, factory=None, swap=None, layout=None):
        self.swap = swap  # f(tensor, scalar) computing kernel(scalar, tensor)
        # layout(tensors, shape, strides) -> a kernel for operands NumPy's loop reads with
        # these (signed, broadcast) element strides, or None: asked only where an input
        # is a reversed array (the one layout a tensor does not show)
        self.layout = layout
        self.factory = factory  # loop dtype -> kernel, for kernels that depend on the width
        self.default = default
        self.by_cat = {"b": b or i or default, "i": i or default, "u64": u64 or i or default,
                       "f": f or default, "c": c or default}
        self.scalar_ok = scalar_ok
        self.compute = compute or {}

    def get(self, cat):
        return self.by_cat.get(cat)


def _simple_plan(fn, keys, convs, out_conv, pre, kern, pass_ok):
    """Specialised plans for (tensor, Python scalar) pairs that need no cast."""
    if len(keys) != 2 or pre is not None or any(o is not None for o in out_conv) or not pass_ok:
        return None
    c0, c1 = convs
    if c0 is None and c1 is not None and c1[0] == "py":
        conv = c1[1]
        k = keys[1]
        if conv is builtins.float and k is builtins.float or conv is builtins.complex \
                and (k is builtins.float or k is builtins.complex):
            return fn  # torch's own weak-scalar rule gives the loop dtype here
        return lambda a, b: fn(a, conv(b))
    if c1 is None and c0 is not None and c0[0] == "pyt" and kern.swap is not None:
        conv = c0[1]
        k = keys[0]
        sw = kern.swap
        if conv is builtins.float and k is builtins.float or conv is builtins.complex \
                and (k is builtins.float or k is builtins.complex):
            return lambda a, b: sw(b, a)
        return lambda a, b: sw(b, conv(a))
    return None



# The loop search reads the ufunc's whole loop table; traced, dynamo would guard every
# entry it read (hundreds of guards per call of a compiled kernel). The table is fixed at
# construction, so the search's answer is a constant of its arguments: dynamo runs it
# once while tracing and bakes the result in (``assume_constant_result``'s mark), guarding only
# the arguments. ``_BY_NAME`` is filled at construction, never while tracing.
_BY_NAME = {}


def _constant_loop(name, keys, dtype, casting):
    return _BY_NAME[name]._resolve_uncached(keys, dtype, casting)


# what torch._dynamo.assume_constant_result does (torch 2.0 to 2.14), without importing
# torch._dynamo at start-up (it costs more than all of torchnp)
_constant_loop._dynamo_marked_constant = True

_GUFUNC_KEYWORDS = ("axes", "axis", "keepdims")
_CALL_KEYWORDS = frozenset(("out", "where", "casting", "order", "dtype", "subok", "signature")
                           + _GUFUNC_KEYWORDS)


class ufunc:
    """A universal function on torchnp arrays. Mirrors ``numpy.ufunc``.

    Calls take NumPy's arguments (``out``, ``where``, ``casting``, ``order``,
    ``dtype``, ``subok``, ``signature``) and follow NumPy 2's promotion (NEP 50).

    Differences from NumPy: with ``where=`` and no ``out``, masked-out elements
    hold the computed values (NumPy leaves them uninitialized); ``order`` only
    accepts NumPy's values and does not change the memory layout.
    """

    def __init__(self, name, kernel, *, reduce_fast=None, accumulate_fast=None,
                 no_bool=False, reorderable=None, pre_check=None, int_to_double=False):
        nin, nout, identity, signature, types, summary = UFUNCS[name]
        self.__name__ = name
        self.__qualname__ = name
        self.nin, self.nout, self.nargs = nin, nout, nin + nout
        self.identity = identity
        self.signature = signature
        self.types = types.split()
        self.ntypes = len(self.types)
        self._kernel = kernel
        self._reduce_fast = reduce_fast
        self._accumulate_fast = accumulate_fast
        self._reorderable = identity is not None if reorderable is None else reorderable
        self._pre_check = pre_check
        self._no_bool = no_bool
        self._int_to_double = int_to_double
        self._logical = name.startswith("logical_")
        loops = []
        for ty in self.types:
            ins, outs = ty.split("->")
            if all(ch in _CHAR for ch in ins + outs):
                loop = (tuple(_CHAR[ch] for ch in ins), tuple(_CHAR[ch] for ch in outs))
                if loop not in loops:
                    loops.append(loop)
        self._loops = loops
        # the table loop search may be baked into a trace (``_constant_loop``): this ufunc's
        # or a twin's of the same loops (``_scalar_twin``)
        self._table_loops = _BY_NAME.setdefault(name, self)._loops == loops
        self._homogeneous = all(len(set(ins)) == 1 for ins, _ in loops)
        self._resolved = {}
        self._plans = {}
        self._reduce_cache = {}  # (dtype, ndim, axis) -> (fn, arg): fn(tensor, arg) reduces
        self._has_identity = identity is not None
        args = ", ".join(f"x{i + 1}" for i in range(nin)) if nin > 1 else "x"
        outs = "out=None" if nout == 1 else ", ".join(["out1", "out2"]) + ", out=(None, None)"
        self.__doc__ = (f"{name}({args}, /, {outs}, *, where=True, casting='same_kind', "
                        f"order='K', dtype=None, subok=True[, signature])\n\n{summary}\n\n"
                        f"Mirrors ``numpy.{name}`` (a torchnp ufunc on torch tensors).")
        import inspect
        P = inspect.Parameter
        params = [P(f"x{i + 1}" if nin > 1 else "x", P.POSITIONAL_ONLY) for i in range(nin)]
        params += [P("out", P.POSITIONAL_OR_KEYWORD, default=None if nout == 1 else (None,) * nout)]
        params += [P(n, P.KEYWORD_ONLY, default=d) for n, d in (
            ("where", True), ("casting", "same_kind"), ("order", "K"), ("dtype", None),
            ("subok", True), ("signature", None))]
        self.__signature__ = inspect.Signature(params)
        self._fast_n = nin if nout == 1 and nin <= 2 else -1  # arity of the no-keyword path
        self._plans2 = {}  # first key -> second key -> plan (no-keyword binary calls)
        self._plans1 = {}  # key -> plan (no-keyword unary calls)
        # the ufunc NumPy's scalar arithmetic amounts to: the operators on two scalars (or a
        # scalar and a Python number) take it (``np.complex64 * np.complex64`` is plain C,
        # ``np.multiply`` of the same and 0-d arrays its array loop); None: this one
        self._scalar_twin = None

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __reduce__(self):
        return (_lookup_ufunc, (self.__name__,))

    # --- loop resolution ---------------------------------------------------
    def _no_loop(self):
        return UFuncTypeError(
            f"ufunc '{self.__name__}' not supported for the input types, and the inputs could "
            "not be safely coerced to any supported types according to the casting rule ''safe''")

    def _resolve(self, keys, dtype=None, casting="same_kind"):
        if _tracing():
            return self._resolve_uncached(keys, dtype, casting)
        ck = (keys, dtype, casting)
        r = self._resolved.get(ck)
        if r is None:
            r = self._resolved[ck] = self._resolve_uncached(keys, dtype, casting)
        return r

    def _resolve_uncached(self, keys, dtype, casting):
        name = self.__name__
        if name == "isnat":
            raise TypeError("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.")
        if all(type(k) is type for k in keys):
            keys = tuple(_DEFAULT[k] for k in keys)
        strong = [k for k in keys if type(k) is not type]
        if strong and all(k is torch.bool for k in strong) and all(
                k is torch.bool or k is builtins.bool for k in keys):
            if name == "subtract":
                raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                                "bitwise_xor, the `^` operator, or the logical_xor function instead.")
            if name == "negative":
                raise TypeError("The numpy boolean negative, the `-` operator, is not supported, "
                                "use the `~` operator or the logical_not function instead.")
        if self._no_bool and all(k is torch.bool or k is builtins.bool for k in keys):
            raise self._no_loop()
        if dtype is not None:
            return self._resolve_dtype(keys, dtype, casting)
        if self._logical:
            # NumPy's logical ufuncs cast every input to bool: a weak scalar only has to
            # fit a C long, whatever the other operand's dtype
            keys = tuple(torch.bool if type(k) is type else k for k in keys)
        # NEP 50 in NumPy's linear loop search: a weak Python scalar of a higher kind
        # than every strong operand takes its promoted dtype (int8 and 2.5 -> float64,
        # bool and 3 -> int64); otherwise it stays weak and matches any loop input of its
        # kind or a higher one (int8 and 3 -> the int8 loop; ldexp(3, int16) -> float16)
        if strong and len(strong) != len(keys):
            top = max(_KIND_RANK[_kind(k)] for k in strong)
            st = None
            typed = []
            for k in keys:
                if type(k) is type and _KIND_RANK[_PY_KIND[k]] > top:
                    if st is None:
                        st = _dtypes.result_type_torch(
                            *strong, *(_REP[k] for k in keys if type(k) is type))
                    k = st
                typed.append(k)
            typed = tuple(typed)
        else:
            typed = keys
        if self._int_to_double and all(
                (_PY_KIND[k] if type(k) is type else _kind(k)) in "biu" for k in typed):
            typed = (torch.float64,) * len(typed)  # true_divide: integers divide as double
        for loop in self._loops:
            if all((type(k) is type and _WEAK_OK[k](ld)) or
                   (type(k) is not type and _dtypes.can_cast_torch(k, ld, "safe"))
                   for k, ld in zip(typed, loop[0])):
                return loop
        raise self._no_loop()

    def _resolve_dtype(self, keys, dtype, casting):
        for ins, outs in self._loops:
            if outs[0] is dtype and (not self._homogeneous or ins[0] is dtype or
                                     all(o is torch.bool for o in outs)):
                ok = all(type(k) is type or _dtypes.can_cast_torch(k, ld, casting)
                         for k, ld in zip(keys, ins))
                if ok:
                    return ins, outs
                for i, (k, ld) in enumerate(zip(keys, ins)):
                    if type(k) is not type and not _dtypes.can_cast_torch(k, ld, casting):
                        raise UFuncTypeError(
                            f"Cannot cast ufunc '{self.__name__}' input {i} from dtype('{_name(k)}') "
                            f"to dtype('{_name(ld)}') with casting rule '{casting}'")
        raise UFuncTypeError(f"No loop matching the specified signature and casting was found "
                             f"for ufunc {self.__name__}")

    # --- plans -------------------------------------------------------------
    def _plan(self, keys, dtype=None, casting="same_kind"):
        if _tracing():
            if self._table_loops:
                return self._make_plan(keys, _constant_loop(self.__name__, keys, dtype, casting))
            return self._make_plan(keys, self._resolve_uncached(keys, dtype, casting))
        pk = (keys, dtype, casting)
        p = self._plans.get(pk)
        if p is None:
            p = self._plans[pk] = self._make_plan(keys, self._resolve(keys, dtype, casting))
            if dtype is None and casting == "same_kind" and len(keys) == 2 and self.nout == 1:
                self._plans2.setdefault(keys[0], {})[keys[1]] = p
            elif dtype is None and casting == "same_kind" and len(keys) == 1 and self.nout == 1:
                self._plans1[keys[0]] = p
        return p

    def _make_plan(self, keys, loop):
        ins, outs = loop
        kern = self._kernel
        cat = _category(ins[0]) if ins else "f"
        fn = kern.factory(ins[0]) if kern.factory is not None else kern.get(cat)
        if len(ins) == 2 and ins[0] is not ins[1] and self.__name__ in self._CMP_BIG and \
                {ins[0], ins[1]} == {torch.uint64, torch.int64}:
            fn = _logic_impl.mixed_sign_compare(self.__name__, ins[0] is torch.uint64)
        if fn is None:
            raise self._no_loop()
        cds = tuple(kern.compute.get(ld, _COMPUTE.get(ld, ld)) for ld in ins)
        convs = []
        exact = True
        tensor_pos = [i for i, k in enumerate(keys) if type(k) is not type]
        for i, (k, ld, cd) in enumerate(zip(keys, ins, cds)):
            if type(k) is type:
                c = _logical_scalar if self._logical else _scalar_converter(k, ld, cd)
                if kern.scalar_ok and i == len(keys) - 1 and tensor_pos and \
                        cat in ("i", "f", "c") and fn is kern.default and ld not in _COMPUTE:
                    convs.append(("py", c))
                else:
                    convs.append(("pyt", c, cd))
                exact = False
            elif k is cd and k is ld:
                convs.append(None)
            else:
                convs.append(("t", ld, cd))
                exact = False
        out_conv = tuple(None if kern.compute.get(lo, _COMPUTE.get(lo, lo)) is lo else lo
                         for lo in outs)
        # when the kernel's output is the loop's output dtype, no cast back is needed
        single = self.nout == 1
        pre = self._pre_check.get(cat) if self._pre_check else None
        if exact and all(o is None for o in out_conv) and pre is None:
            return fn
        pass_ok = kern.scalar_ok and cat in ("i", "f", "c") and fn is kern.default and \
            ins[0] not in _COMPUTE
        simple = _simple_plan(fn, keys, convs, out_conv, pre, kern, pass_ok)
        if simple is not None:
            return self._guard_compare(simple, keys, ins)
        first_tensor = tensor_pos[0] if tensor_pos else None

        def plan(*vals):
            args = []
            dev = vals[first_tensor].device if first_tensor is not None else None
            for v, c in zip(vals, convs):
                if c is None:
                    args.append(v)
                elif c[0] == "t":
                    args.append(_to_compute(v, c[1], c[2]))
                elif c[0] == "py":
                    args.append(c[1](v))
                else:
                    args.append(torch.tensor(c[1](v), dtype=c[2], device=dev))
            if pre is not None:
                pre(*args)
            r = fn(*args)
            if single:
                return r if out_conv[0] is None and r.dtype is outs[0] else _from_compute(r, outs[0])
            return tuple(_from_compute(x, lo) for x, lo in zip(r, outs))
        return self._guard_compare(plan, keys, ins)

    _CMP_BIG = {"equal": (False, False), "not_equal": (True, True), "less": (True, False),
                "less_equal": (True, False), "greater": (False, True),
                "greater_equal": (False, True)}

    def _guard_compare(self, plan, keys, ins):
        """Comparing an int array with a Python int outside its range is well defined
        in NumPy 2 (no OverflowError): every element gets the same answer."""
        table = self._CMP_BIG.get(self.__name__)
        if table is None or builtins.int not in keys or _kind(ins[0]) not in "iu" or \
                torch.bool in keys:  # bool and a Python int compare as int64: big ints raise
            return plan
        scalar_first = keys[0] is builtins.int

        def guarded(a, b):
            try:
                return plan(a, b)
            except OverflowError:
                sv, t = (a, b) if scalar_first else (b, a)
                big = sv > 0  # the scalar is above the dtype's range (else below)
                # table: answer of ``array OP scalar`` for a too-big scalar; mirror it
                val = table[0] if big else not table[0]
                if self.__name__ in ("equal", "not_equal"):
                    val = table[0]
                elif scalar_first:
                    val = not val
                return torch.full(t.shape, val, dtype=torch.bool, device=t.device)
        return guarded

    # --- calling -----------------------------------------------------------
    # The no-keyword calls (and so the ndarray operators) take these plain methods:
    # the cached plan for the operands' dtype kinds, the kernel, and the result
    # built without further calls; anything else goes the general way.
    def _run2(self, a, k1, b, k2, x1, x2):
        if _tracing() or _errstate_impl._state.checking or self._kernel.layout is not None and (
                type(x1) is not _ND and getattr(x1, "_is_rev", False)
                or type(x2) is not _ND and getattr(x2, "_is_rev", False)):
            return self._call_general((x1, x2), {})
        d = self._plans2.get(k1)
        p = d.get(k2) if d is not None else None
        if p is None:
            return self._call_general((x1, x2), {})
        try:
            r = p(a, b)
        except RuntimeError as exc:
            _check_broadcast((a, b), exc)
        if r.ndim:  # 0-d results become NumPy scalars, others ndarrays
            return _views.wrap(r)
        o = _new(_SCALAR_CLS[r.dtype])
        o.tensor = r
        return o

    def _call2(self, x1, x2):
        t1 = type(x1)
        if t1 is _ND or t1 in _HOLDERS:
            a = x1.tensor
            k1 = a.dtype
        elif t1 in _PY_SET:
            a = x1
            k1 = t1
        else:
            return self._call_general((x1, x2), {})
        t2 = type(x2)
        if t2 is _ND or t2 in _HOLDERS:
            b = x2.tensor
            return self._run2(a, k1, b, b.dtype, x1, x2)
        if t2 in _PY_SET:
            return self._run2(a, k1, x2, t2, x1, x2)
        return self._call_general((x1, x2), {})

    # The ndarray/scalar operators call these (``a + b`` is ``add._binop(a, b)``, ``1 - a``
    # is ``subtract._rbinop(a, 1)``): NumPy's operator rules, NotImplemented for operands
    # a ufunc does not take, so that Python tries the other side.
    def _binop(self, x1, x2):
        t2 = type(x2)
        if t2 is _ND:
            a = x1.tensor
            b = x2.tensor
            return self._run2(a, a.dtype, b, b.dtype, x1, x2)
        if t2 in _HOLDERS:
            tw = self._scalar_twin
            if tw is not None and type(x1) in _HOLDERS:
                return tw._binop(x1, x2)
            a = x1.tensor
            b = x2.tensor
            return self._run2(a, a.dtype, b, b.dtype, x1, x2)
        if t2 in _PY_SET:
            tw = self._scalar_twin
            if tw is not None and type(x1) in _HOLDERS:
                return tw._binop(x1, x2)
            a = x1.tensor
            return self._run2(a, a.dtype, x2, t2, x1, x2)
        if _operand_ok(x2):
            return self._call_general((x1, x2), {})
        if self.__name__ in ("equal", "not_equal") and type(x1) is _ND \
                and getattr(type(x2), "__array_ufunc__", 0) is not None:
            return _no_compare(x1, self.__name__ == "not_equal")
        return NotImplemented

    def _rbinop(self, x2, x1):
        t1 = type(x1)
        tw = self._scalar_twin
        if tw is not None and type(x2) in _HOLDERS and (t1 in _PY_SET or t1 in _HOLDERS):
            return tw._rbinop(x2, x1)
        if t1 in _PY_SET:
            b = x2.tensor
            return self._run2(x1, t1, b, b.dtype, x1, x2)
        if t1 is _ND or t1 in _HOLDERS:
            a, b = x1.tensor, x2.tensor
            return self._run2(a, a.dtype, b, b.dtype, x1, x2)
        if _operand_ok(x1):
            return self._call_general((x1, x2), {})
        if self.__name__ in ("equal", "not_equal") and type(x2) is _ND \
                and getattr(type(x1), "__array_ufunc__", 0) is not None:
            return _no_compare(x2, self.__name__ == "not_equal")
        return NotImplemented

    def _call1(self, x1):
        if type(x1) is _ND and not _tracing():
            a = x1.tensor
            p = self._plans1.get(a.dtype)
            if p is not None and not _errstate_impl._state.checking:
                r = p(a)
                if r.ndim:
                    return _views.wrap(r)
                o = _new(_SCALAR_CLS[r.dtype])
                o.tensor = r
                return o
        return self._call_general((x1,), {})

    def __call__(self, *args, **kwargs):
        if not kwargs:
            n = len(args)
            if n == self._fast_n:  # 2 for binary, 1 for unary one-output ufuncs
                return self._call2(args[0], args[1]) if n == 2 else self._call1(args[0])
        return self._call_general(args, kwargs)

    def _parse(self, args, kwargs):
        nin, nout = self.nin, self.nout
        if len(args) < nin:
            raise TypeError(f"{self.__name__}() takes from {nin} to {nin + nout} positional "
                            f"arguments but {len(args)} were given")
        if len(args) > nin + nout:
            raise TypeError(f"{self.__name__}() takes from {nin} to {nin + nout} positional "
                            f"arguments but {len(args)} were given")
        out = args[nin:] or None
        if "out" in kwargs:
            if out is not None:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            out = kwargs.pop("out")
        if out is not None:
            if type(out) is not tuple:
                out = (out,)
            if len(out) != nout:
                raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
            if all(o is None for o in out):
                out = None
            else:
                out = tuple(_as_out(o) for o in out)
        return args[:nin], out

    def _signature_dtype(self, signature):
        """The ``dtype`` a ``signature=`` amounts to, with NumPy's errors for a bad one."""
        nin, nargs = self.nin, self.nargs
        if isinstance(signature, str):
            if "->" not in signature and len(signature) == 1:  # NumPy reads it as a 1-tuple
                raise TypeError("Use `dtype` or  fill the tuple with more than one 'None'.")
            parts = signature.split("->")
            if len(parts) != 2 or len(parts[0]) != nin or len(parts[1]) != self.nout:
                raise ValueError(f"a type-string for {self.__name__}, {nin} typecode(s) before "
                                 f"and {self.nout} after the -> sign")
            try:
                types = [_dtypes.to_torch_dtype(ch) for ch in parts[0] + parts[1]]
            except TypeError:
                raise ValueError("Invalid data-type for array") from None
        elif isinstance(signature, tuple):
            if len(signature) == 1:
                if signature[0] is None:
                    raise TypeError("a single item type tuple cannot contain None.")
                raise TypeError("Use `dtype` or  fill the tuple with more than one 'None'.")
            if len(signature) != nargs:
                raise ValueError(f"a type-tuple must be specified of length {nargs} for ufunc "
                                 f"'{self.__name__}'")
            types = [None if t is None else _dtypes.to_torch_dtype(t) for t in signature]
        else:
            raise TypeError("the signature object to ufunc must be a string or a tuple.")
        last = types[-1]
        if all(t is None for t in types):
            return None
        # what torchnp has: the last output's dtype fixed (dtype=), the rest free or equal to it
        if last is None or any(t is not None for t in types[nin:-1]) \
                or any(t is not None and t != last for t in types[:nin]):
            raise NotImplementedError(f"torchnp.{self.__name__}: signature={signature!r} is not "
                                      "supported (use dtype=)")
        return last

    def _call_general(self, args, kwargs):
        # NumPy's order of complaints: an unknown keyword, the positional count and out=,
        # then signature=/dtype=, then casting= and order=
        for k in kwargs:
            if k not in _CALL_KEYWORDS or (k in _GUFUNC_KEYWORDS and self.signature is None):
                raise TypeError(f"{self.__name__}() got an unexpected keyword argument '{k}'")
        kwargs = dict(kwargs)
        inputs, out = self._parse(args, kwargs)
        where = kwargs.pop("where", True)
        casting = kwargs.pop("casting", "same_kind")
        order = kwargs.pop("order", "K")
        both = "dtype" in kwargs and "signature" in kwargs  # NumPy refuses both, even None
        has_sig = "signature" in kwargs
        dtype = kwargs.pop("dtype", None)
        kwargs.pop("subok", True)
        signature = kwargs.pop("signature", None)
        sig_kw = {k: kwargs.pop(k) for k in _GUFUNC_KEYWORDS if k in kwargs}
        if both:
            raise TypeError("cannot specify both 'signature' and 'dtype'")
        if has_sig:
            dtype = self._signature_dtype(signature)
        if type(casting) is not str:
            raise TypeError(f"casting must be str, not {type(casting).__name__}")
        if order is not None and type(order) is not str:
            raise TypeError(f"order must be str, not {type(order).__name__}")
        if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
        if order not in ("K", "A", "C", "F", None):
            raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got '{order}')")
        if sig_kw:
            raise NotImplementedError(f"torchnp.{self.__name__}: axes=/axis=/keepdims= are not supported")
        tdtype = _dtypes.to_torch_dtype(dtype) if dtype is not None else None
        vals, keys = [], []
        for x in inputs:
            v, k = _normalize_input(x)
            vals.append(v)
            keys.append(k)
        keys = tuple(keys)
        plan = self._plan(keys, tdtype, casting)
        lay = self._kernel.layout
        if lay is not None and any(isinstance(x, _normalize._ndarray_cls) and _views.is_reversed(x)
                                   for x in inputs) and (tdtype is None or tdtype is keys[0]):
            plan = _layout_kernel(lay, inputs, vals) or plan
        try:
            r = plan(*vals)
        except RuntimeError as exc:
            _check_broadcast(vals, exc)
        if _errstate_impl._state.checking:
            _errstate_impl.check(self.__name__, vals, r)
        if out is None:
            return _normalize.wrap_scalar(r)
        rs = r if type(r) is tuple else (r,)
        mask = None
        if where is not True:
            mask = _normalize.as_tensor(where)
            if mask.dtype is not torch.bool:
                mask = mask.to(torch.bool)
        res = []
        for rr, o in zip(rs, out):
            if o[1] is None:
                res.append(_normalize.wrap(rr))
                continue
            _write_out(self.__name__, rr, o[1], casting, mask)
            res.append(o[0])
        return res[0] if self.nout == 1 else tuple(res)

    # --- methods -----------------------------------------------------------
    def _binary_only(self, method):
        if self.nin != 2 or self.nout != 1:
            raise ValueError(f"{method} only supported for binary functions")
        if self.signature is not None:
            raise TypeError(f"method {method} is not allowed in ufunc with non-trivial signature")

    def _reduce_dtype(self, t, dtype, method):
        if dtype is not None:
            return _dtypes.to_torch_dtype(dtype)
        if self.__name__ in ("add", "multiply") and method in ("reduce", "accumulate"):
            k = _kind(t.dtype)
            if k == "b" or (k == "i" and t.dtype is not torch.int64):
                return torch.int64
            if k == "u" and t.dtype is not torch.uint64:
                return torch.uint64
        return None

    def _fold(self, acc, x, plan):
        return plan(acc, x)

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=_NOVALUE,
               where=True):
        """Reduce ``array``'s dimension(s) by applying the ufunc along them. Mirrors ``numpy.ufunc.reduce``."""
        if type(array) is _normalize._ndarray_cls and dtype is None and out is None and \
                keepdims is False and initial is _NOVALUE and where is True and not _tracing():
            t = array.tensor
            fast = self._reduce_cache.get((t.dtype, t.ndim, axis))
            if fast is not None and (self._has_identity or t.numel()):
                r = fast[0](t, fast[1])
                if r is not None:
                    if r.ndim:
                        o = _new(_normalize._ndarray_cls)
                        o.tensor = r
                        return o
                    o = _new(_SCALAR_CLS[r.dtype])
                    o.tensor = r
                    return o
        self._binary_only("reduce")
        t = array.tensor if type(array) is _normalize._ndarray_cls else _normalize.as_tensor(array)
        simple = (dtype is None and out is None and keepdims is False and initial is _NOVALUE
                  and where is True and (axis is None or type(axis) is int))
        ndim = t.ndim
        if type(out) is tuple:
            out = out[0] if len(out) == 1 else out
        if axis is None:
            axes = tuple(range(ndim))
        else:
            axes = normalize_axis_tuple(axis if not isinstance(axis, list) else tuple(axis), ndim)
        tdt = self._reduce_dtype(t, dtype, "reduce")
        key = tdt if tdt is not None else t.dtype
        loop_dt = self._reduction_loop(key, tdt if dtype is not None else None)
        if len(axes) > 1 and not self._reorderable:
            raise ValueError(f"reduction operation '{self.__name__}' is not reorderable, so at most "
                             "one axis may be specified")
        plan = self._plan((loop_dt[0][0], loop_dt[0][0]))
        x = t.to(loop_dt[0][0]) if t.dtype is not loop_dt[0][0] else t
        if initial is _NOVALUE:
            initial = self.identity
            has_initial = initial is not None and not (
                self.__name__ in ("maximum", "minimum") and False)
            use_initial = False
        else:
            has_initial = initial is not None
            use_initial = has_initial
        if where is not True:
            mask = _normalize.as_tensor(where).to(torch.bool)
            if not has_initial:
                raise ValueError(f"reduction operation '{self.__name__}' does not have an identity, "
                                 "so to use a where mask one has to specify 'initial'")
            if self._reorderable:
                # masked-out elements become the identity (for the identity-less reorderable
                # ops, maximum & co, the initial value: they are idempotent)
                fillv = self.identity if self.identity is not None else initial
                fill = _full((), fillv, x)
                x = torch.where(mask, x, fill.to(x.dtype))
                mask = None
            else:
                try:
                    mask = torch.broadcast_to(mask, x.shape)
                except RuntimeError:
                    raise ValueError(f"operands could not be broadcast together with shapes "
                                     f"{tuple(x.shape)} {tuple(mask.shape)}") from None
        else:
            mask = None
        empty = any(x.shape[a] == 0 for a in axes)
        if empty and not has_initial:
            raise ValueError(f"zero-size array to reduction operation {self.__name__} which has "
                             "no identity")
        if not axes:
            r = x.clone()
            if initial is not None and not use_initial and self.identity is not None:
                use_initial = True  # NumPy applies the identity once: hypot.reduce(x, axis=()) == |x|
        elif empty:
            shape = [s for i, s in enumerate(x.shape) if i not in axes]
            r = _full(shape, initial, x)
            use_initial = False
        elif not self._reorderable and (use_initial or mask is not None):
            # an order-dependent fold starts from ``initial`` and skips masked elements:
            # subtract.reduce(a, initial=1) is 1 - a[0] - a[1] - ...
            r = self._fold_from(x, axes[0], plan, initial, mask)
            use_initial = False
        elif self._reduce_fast is not None and _category(x.dtype) not in ("u64",) and \
                x.dtype not in _COMPUTE:
            r = self._reduce_fast(x, axes)
            if simple and r is not None and x is t and r.dtype is loop_dt[1][0] and \
                    not _tracing():
                # per (dtype, ndim, axis): torch's own reduction where the ufunc names one
                # (add -> torch.sum), else the fast kernel with the axes
                direct = getattr(self._reduce_fast, "torch_reduction", None)
                # called positionally as fn(tensor, arg); an int dim, as torch parses a
                # one-element dim tuple (or a keyword) markedly slower
                self._reduce_cache[(t.dtype, t.ndim, axis)] = \
                    (direct, axes[0] if len(axes) == 1 else axes) if direct is not None else \
                    (self._reduce_fast, axes)
        else:
            r = None
        if r is not None:
            pass
        elif not axes or empty:
            pass
        else:
            r = x
            for ax in sorted(axes, reverse=True):
                r = self._reduce_axis(r, ax, plan)
        if use_initial:
            init = _full((), initial, r)
            r = plan(init, r) if plan is not None else r
            r = _from_compute(r, loop_dt[1][0])
        if r.dtype is not loop_dt[1][0]:
            r = _from_compute(r, loop_dt[1][0])
        if keepdims:
            shape = list(t.shape)
            for a in axes:
                shape[a] = 1
            r = r.reshape(shape)
        if out is not None:
            if not isinstance(out, _normalize._ndarray_cls):
                raise TypeError("output must be an array")
            _write_out(self.__name__, r, out, "same_kind", None, reduce=True)
            return out
        return _normalize.wrap_scalar(r)

    def _reduction_loop(self, key, dtype):
        """The loop a reduction runs: its output must feed back as its first input
        (comparisons only reduce booleans; logical ufuncs reduce through bool)."""
        if self._logical:
            key = torch.bool
        loop = self._resolve((key, key), dtype)
        if loop[1][0] is not loop[0][0]:
            raise UFuncTypeError(f"No loop matching the specified signature and casting was found "
                            f"for ufunc {self.__name__}")
        return loop

    def _fold_from(self, x, ax, plan, initial, mask):
        acc = _full(x.select(ax, 0).shape, initial, x)
        for i in range(x.shape[ax]):
            new = plan(acc, x.select(ax, i))
            acc = new if mask is None else torch.where(mask.select(ax, i), new, acc.to(new.dtype))
        return acc

    def _reduce_axis(self, x, ax, plan):
        n = x.shape[ax]
        if self._reorderable and n > 2:
            # pairwise tree: log2(n) kernel calls (the op is associative)
            while n > 1:
                half = n // 2
                a = x.narrow(ax, 0, half)
                b = x.narrow(ax, half, half)
                y = plan(a, b)
                if n % 2:
                    y = torch.cat([y, x.narrow(ax, 2 * half, 1).to(y.dtype)], dim=ax)
                x = y
                n = x.shape[ax]
            return x.squeeze(ax)
        acc = x.select(ax, 0)
        for i in range(1, n):
            acc = plan(acc, x.select(ax, i))
        return acc

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Accumulate the ufunc's result along ``axis``. Mirrors ``numpy.ufunc.accumulate``."""
        self._binary_only("accumulate")
        t = array.tensor if type(array) is _normalize._ndarray_cls else _normalize.as_tensor(array)
        if t.ndim == 0:
            raise TypeError("cannot accumulate on a scalar")
        ax = normalize_axis_index(0 if axis is None else axis, t.ndim)
        tdt = self._reduce_dtype(t, dtype, "accumulate")
        key = tdt if tdt is not None else t.dtype
        loop = self._reduction_loop(key, tdt if dtype is not None else None)
        ld = loop[0][0]
        plan = self._plan((ld, ld))
        x = t.to(ld) if t.dtype is not ld else t
        if self._accumulate_fast is not None and x.dtype not in _COMPUTE:
            r = self._accumulate_fast(x, ax)
        else:
            r = None
        if r is None:
            parts = []
            n = x.shape[ax]
            if n:
                acc = x.select(ax, 0)
                parts.append(acc)
                for i in range(1, n):
                    acc = plan(acc, x.select(ax, i))
                    parts.append(acc)
                r = torch.stack([_from_compute(p, loop[1][0]) for p in parts], dim=ax)
            else:
                r = x.to(loop[1][0])
        r = _from_compute(r, loop[1][0])
        return _array_result(self.__name__, r, out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """Reduce over slices given by ``indices``. Mirrors ``numpy.ufunc.reduceat``."""
        self._binary_only("reduceat")
        t = array.tensor if type(array) is _normalize._ndarray_cls else _normalize.as_tensor(array)
        ax = normalize_axis_index(axis, t.ndim)
        idx = _normalize.as_tensor(indices)
        if idx.dtype.is_floating_point or idx.is_complex():
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                            "according to the rule 'safe'")
        idx = idx.reshape(-1).tolist()  # indices drive the slicing: one host read
        n = t.shape[ax]
        for i in idx:
            if not 0 <= i < n:
                raise IndexError(f"index {i} out-of-bounds in {self.__name__}.reduceat [0, {n})")
        parts = []
        for j, i in enumerate(idx):
            end = idx[j + 1] if j + 1 < len(idx) else n
            if end > i:
                piece = t.narrow(ax, i, end - i)
                parts.append(self.reduce(_normalize.wrap(piece), axis=ax, dtype=dtype,
                                         keepdims=True))
            else:  # NumPy: the single element at i, cast like a reduction's result
                parts.append(self.reduce(_normalize.wrap(t.narrow(ax, i, 1)), axis=ax,
                                         dtype=dtype, keepdims=True))
        ts = [p.tensor for p in parts]
        dt = ts[0].dtype if ts else t.dtype
        r = torch.cat([x.to(dt) for x in ts], dim=ax) if ts else t.narrow(ax, 0, 0)
        return _array_result(self.__name__, r, out)

    def outer(self, A, B, /, **kwargs):
        """Apply the ufunc to all pairs ``(a, b)``. Mirrors ``numpy.ufunc.outer``."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        if self.signature is not None:
            raise TypeError("method outer is not allowed in ufunc with non-trivial signature")
        a, ka = _normalize_input(A)
        b, kb = _normalize_input(B)
        a = a if isinstance(a, torch.Tensor) else _normalize.as_tensor(a)
        b = b if isinstance(b, torch.Tensor) else _normalize.as_tensor(b)
        a = a.reshape(tuple(a.shape) + (1,) * b.ndim)
        return self(_normalize.wrap(a), _normalize.wrap(b), **kwargs)

    def at(self, a, indices, b=None, /):
        """Unbuffered in-place ``a[indices] = ufunc(a[indices], b)``. Mirrors ``numpy.ufunc.at``."""
        if not isinstance(a, _normalize._ndarray_cls):
            raise TypeError("first operand must be array")
        if self.nin == 2 and b is None:
            raise ValueError("second operand needed for ufunc")
        if self.nin == 1 and b is not None:
            raise ValueError("second operand provided when ufunc is unary")
        if self.nout != 1 or self.signature is not None:
            raise TypeError(f"ufunc.at does not support {self.__name__}")
        t = a.tensor
        lin = torch.arange(t.numel(), device=t.device).reshape(t.shape)
        key = indices.tensor if isinstance(indices, _normalize._ndarray_cls) else indices
        if isinstance(key, tuple):
            key = tuple(k.tensor if isinstance(k, _normalize._ndarray_cls) else k for k in key)
        if isinstance(key, list):
            key = torch.as_tensor(key)
        sel = lin[key]
        flat = sel.reshape(-1)
        if self.nin == 1:
            vals = self(_normalize.wrap(t.reshape(-1)[flat]))
            newv = vals.tensor if hasattr(vals, "tensor") else _normalize.as_tensor(vals)
            # unary: duplicates apply repeatedly
            uniq, counts = torch.unique(flat, return_counts=True)
            if bool((counts > 1).any()):
                for i in flat.tolist():
                    r = self(_normalize.wrap(t.reshape(-1)[i]))
                    _assign_flat(a, i, r.tensor)
                return None
            _assign_flat(a, flat, newv.to(t.dtype))
            return None
        bv, kb = _normalize_input(b)
        bt = bv if isinstance(bv, torch.Tensor) else torch.tensor(bv)
        bt = torch.broadcast_to(bt, sel.shape).reshape(-1)
        r = self(_normalize.wrap(t.reshape(-1)[flat]), _normalize.wrap(bt) if bt.ndim else b)
        rt = r.tensor
        if not _dtypes.can_cast_torch(rt.dtype, t.dtype, "same_kind"):
            raise UFuncTypeError(f"Cannot cast ufunc '{self.__name__}' output from "
                                 f"dtype('{_name(rt.dtype)}') to dtype('{_name(t.dtype)}') with "
                                 "casting rule 'same_kind'")
        if self.__name__ == "add" and t.dtype not in _COMPUTE and t.dtype is not torch.bool:
            w = _views.begin_write(a)
            if w.is_contiguous():
                w.view(-1).index_add_(0, flat, bt.to(t.dtype))  # accumulates repeated indices
            else:
                acc = w.reshape(-1).clone()
                acc.index_add_(0, flat, bt.to(t.dtype))
                w.copy_(acc.reshape(w.shape))
            _views.end_write(a, w)
            return None
        # general: apply in order (unbuffered: repeated indices accumulate)
        uniq = torch.unique(flat)
        if uniq.numel() == flat.numel():
            _assign_flat(a, flat, rt.to(t.dtype))
            return None
        fl = flat.tolist()
        for j, i in enumerate(fl):
            cur = _normalize.wrap(t.reshape(-1)[i])
            rr = self(cur, _normalize.wrap(bt[j]))
            _assign_flat(a, i, _normalize.as_tensor(rr).to(t.dtype))
        return None

    def resolve_dtypes(self, dtypes, *, signature=None, casting=None, reduction=False):
        """Return the loop dtypes chosen for ``dtypes``. Mirrors ``numpy.ufunc.resolve_dtypes``."""
        keys = []
        for d in dtypes[:self.nin]:
            if d in _PY:
                keys.append(d)
            else:
                keys.append(_dtypes.to_torch_dtype(d))
        ins, outs = self._resolve(tuple(keys))
        return tuple(_dtypes.from_torch(x) for x in ins + outs)


def _full(shape, value, like):
    """torch.full in ``like``'s dtype/device; bitwise_and's identity -1 means all bits set."""
    dt = like.dtype
    if type(value) is builtins.int and value < 0 and dt in (torch.uint8, torch.uint16,
                                                             torch.uint32, torch.uint64):
        value += 1 << torch.iinfo(dt).bits
    return torch.full(shape, value, dtype=dt, device=like.device)


def _as_out(o):
    """out= operand -> (object to return, ndarray to write into)."""
    if o is None or isinstance(o, _normalize._ndarray_cls):
        return (o, o)
    if hasattr(o, "__array_interface__") and not isinstance(o, _dtypes.generic):
        # a NumPy array (``numpy_array += torchnp_array``): write through shared memory
        return (o, _normalize.wrap(torch.as_tensor(o)))
    raise TypeError("return arrays must be of ArrayType")


def _assign_flat(a, idx, values):
    """``a.flat[idx] = values`` for ``ufunc.at`` (through the view model)."""
    t = _views.begin_write(a)
    if t.is_contiguous():
        t.view(-1)[idx] = values
    else:
        flat = t.reshape(-1).clone()
        flat[idx] = values
        t.copy_(flat.reshape(t.shape))
    _views.end_write(a, t)


def _array_result(name, r, out):
    """Result of accumulate/reduceat: copied into ``out`` (a 1-tuple allowed) under
    'same_kind' casting and ``out`` returned, else ``r`` wrapped as an ndarray."""
    if type(out) is tuple:
        out = out[0]
    if out is not None:
        _write_out(name, r, out, "same_kind", None)
        return out
    return _normalize.wrap(r)


def _write_out(name, r, out, casting, mask, reduce=False):
    od = out.dtype.torch_dtype
    if not _dtypes.can_cast_torch(r.dtype, od, casting):
        raise UFuncTypeError(f"Cannot cast ufunc '{name}' output from dtype('{_name(r.dtype)}') to "
                             f"dtype('{_name(od)}') with casting rule '{casting}'")
    if out._readonly is not False and out._readonly:
        raise ValueError("output array is read-only")
    oshape = out.shape
    if tuple(r.shape) != oshape:
        try:
            ok = tuple(torch.broadcast_shapes(r.shape, oshape)) == oshape
        except RuntimeError:
            ok = False
        if not ok:
            if reduce:
                raise ValueError(f"output parameter for reduction operation {name} has the wrong "
                                 f"number of dimensions: Found {len(oshape)} but expected {r.ndim}")
            raise ValueError(f"non-broadcastable output operand with shape {oshape} "
                             f"doesn't match the broadcast shape {tuple(r.shape)}")
    if r.is_complex() and not od.is_complex:
        r = r.real
    if r.dtype is not od or r.device != out.device:
        r = r.to(device=out.device, dtype=od)
    if mask is not None:
        r = torch.where(mask, r, out.tensor)
    _views.assign(out, r)


def _lookup_ufunc(name):
    import torchnp
    return getattr(torchnp, name)
