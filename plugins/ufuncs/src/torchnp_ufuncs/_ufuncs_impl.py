"""Every ufunc of NumPy 2's main namespace, as ``torchnp.ufunc`` objects.

Each public name is bound once here (``add = ufunc("add", _K(torch.add, ...))``);
aliases sit next to their target. Kernels live in ``_math_impl`` and
``_logic_impl``; loop tables in ``_table``. Imports only torch.
"""
from __future__ import annotations

import torch

from . import _logic_impl as L
from . import _math_impl as M
from ._ufunc import _Kernel as _K
from ._ufunc import ufunc

__all__ = [
    "ufunc",
    "abs", "absolute", "acos", "acosh", "add", "arccos", "arccosh", "arcsin", "arcsinh",
    "arctan", "arctan2", "arctanh", "asin", "asinh", "atan", "atan2", "atanh", "bitwise_and",
    "bitwise_count", "bitwise_invert", "bitwise_left_shift", "bitwise_not", "bitwise_or",
    "bitwise_right_shift", "bitwise_xor", "cbrt", "ceil", "conj", "conjugate", "copysign",
    "cos", "cosh", "deg2rad", "degrees", "divide", "divmod", "equal", "exp", "exp2", "expm1",
    "fabs", "float_power", "floor", "floor_divide", "fmax", "fmin", "fmod", "frexp", "gcd",
    "greater", "greater_equal", "heaviside", "hypot", "invert", "isfinite", "isinf", "isnan",
    "isnat", "lcm", "ldexp", "left_shift", "less", "less_equal", "log", "log10", "log1p",
    "log2", "logaddexp", "logaddexp2", "logical_and", "logical_not", "logical_or",
    "logical_xor", "matmul", "matvec", "maximum", "minimum", "mod", "modf", "multiply",
    "negative", "nextafter", "not_equal", "positive", "pow", "power", "rad2deg",
    "radians", "reciprocal", "remainder", "right_shift", "rint", "sign", "signbit", "sin",
    "sinh", "spacing", "sqrt", "square", "subtract", "tan", "tanh", "true_divide", "trunc",
    "vecdot", "vecmat",
]


def _sum_axes(x, axes):
    return torch.sum(x, dim=axes)


_sum_axes.torch_reduction = torch.sum  # the reduce cache calls torch.sum(x, dim=axes) itself


def _prod_axes(x, axes):
    for a in sorted(axes, reverse=True):
        x = torch.prod(x, dim=a)
    return x


def _amax(x, axes):
    if x.is_complex():
        return None
    return torch.amax(x, dim=axes)


def _amin(x, axes):
    if x.is_complex():
        return None
    return torch.amin(x, dim=axes)


def _cummax(x, ax):
    if x.is_complex() or x.dtype in (torch.bool, torch.float16):
        return None
    return torch.cummax(x, ax).values


def _cummin(x, ax):
    if x.is_complex() or x.dtype in (torch.bool, torch.float16):
        return None
    return torch.cummin(x, ax).values


def _cumprod(x, ax):
    return None if x.dtype is torch.bool else torch.cumprod(x, ax)


def _cumsum(x, ax):
    return None if x.dtype is torch.bool else torch.cumsum(x, ax)


def _rpow(t, s):
    return torch.pow(s, t)


def _unsupported(*args):
    raise TypeError("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.")


# --- arithmetic ---------------------------------------------------------------------
add = ufunc("add", _K(torch.add, b=torch.logical_or, c=M.complex_add, scalar_ok=True,
                      swap=torch.add),
            reduce_fast=_sum_axes, accumulate_fast=_cumsum)
subtract = ufunc("subtract", _K(torch.sub, c=M.complex_sub, scalar_ok=True, swap=torch.rsub))
multiply = ufunc("multiply", _K(torch.mul, b=torch.logical_and, c=M.complex_multiply,
                                scalar_ok=True, swap=torch.mul, layout=M.cmul_layout),
                 reduce_fast=_prod_axes, accumulate_fast=_cumprod)
# NumPy's scalar arithmetic multiplies complex scalars plainly, its array loop fuses
multiply._scalar_twin = ufunc("multiply", _K(torch.mul, b=torch.logical_and, c=M.cmul_plain,
                                             scalar_ok=True, swap=torch.mul))
divide = ufunc("divide", _K(torch.div, c=M.complex_divide, scalar_ok=True), int_to_double=True)
true_divide = divide
floor_divide = ufunc("floor_divide", _K(M.float_floor_divide, i=M.int_floor_divide,
                                        u64=M.u64_floor_divide))
remainder = ufunc("remainder", _K(M.float_remainder, i=M.int_remainder, u64=M.u64_remainder))
mod = remainder
fmod = ufunc("fmod", _K(M.float_fmod, i=M.int_fmod, u64=M.u64_remainder))
divmod = ufunc("divmod", _K(M.divmod_float, i=M.divmod_int, u64=M.divmod_u64))
# power's default kernel takes complex loops too, so that a Python exponent reaches it
# unconverted (np.power(z, 3) multiplies out without reading a tensor's value)
power = ufunc("power", _K(M.power, u64=M.u64_power, scalar_ok=True, swap=M.rpower),
              pre_check={"i": M.check_int_power, "b": M.check_int_power})
pow = power
float_power = ufunc("float_power", _K(M.power, scalar_ok=True))
negative = ufunc("negative", _K(torch.neg))
positive = ufunc("positive", _K(M.positive), no_bool=True)
absolute = ufunc("absolute", _K(torch.abs, b=M.identity, u64=M.identity))
abs = absolute
fabs = ufunc("fabs", _K(torch.abs))
sign = ufunc("sign", _K(torch.sign, f=M.sign_float, c=M.sign_complex, u64=M.sign_u64),
             no_bool=True)
conjugate = ufunc("conjugate", _K(M.conj))
conj = conjugate
reciprocal = ufunc("reciprocal", _K(torch.reciprocal, factory=M.reciprocal_for))
square = ufunc("square", _K(torch.square, c=M.complex_square, layout=M.cmul_layout))
sqrt = ufunc("sqrt", _K(torch.sqrt))
cbrt = ufunc("cbrt", _K(M.cbrt))
heaviside = ufunc("heaviside", _K(M.heaviside))
gcd = ufunc("gcd", _K(M.int_gcd, u64=M.u64_gcd), no_bool=True)
lcm = ufunc("lcm", _K(M.int_lcm, u64=M.u64_lcm), no_bool=True)
maximum = ufunc("maximum", _K(torch.maximum, c=M.cmax, u64=M.u64_maximum),
                reduce_fast=_amax, accumulate_fast=_cummax, reorderable=True)
minimum = ufunc("minimum", _K(torch.minimum, c=M.cmin, u64=M.u64_minimum),
                reduce_fast=_amin, accumulate_fast=_cummin, reorderable=True)
fmax = ufunc("fmax", _K(torch.fmax, i=torch.maximum, c=M.fmax_complex, u64=M.u64_maximum),
             reorderable=True)
fmin = ufunc("fmin", _K(torch.fmin, i=torch.minimum, c=M.fmin_complex, u64=M.u64_minimum),
             reorderable=True)
matmul = ufunc("matmul", _K(M.matmul))
vecdot = ufunc("vecdot", _K(M.vecdot))
matvec = ufunc("matvec", _K(M.matvec))
vecmat = ufunc("vecmat", _K(M.vecmat))

# --- exponents and logarithms ---------------------------------------------------------
exp = ufunc("exp", _K(torch.exp))
exp2 = ufunc("exp2", _K(torch.exp2, c=M.exp2_complex))
expm1 = ufunc("expm1", _K(torch.expm1))
log = ufunc("log", _K(torch.log))
log2 = ufunc("log2", _K(torch.log2))
log10 = ufunc("log10", _K(torch.log10))
log1p = ufunc("log1p", _K(torch.log1p))
logaddexp = ufunc("logaddexp", _K(torch.logaddexp))
logaddexp2 = ufunc("logaddexp2", _K(M.logaddexp2))

# --- trigonometric and hyperbolic -------------------------------------------------------
sin = ufunc("sin", _K(torch.sin))
cos = ufunc("cos", _K(torch.cos))
tan = ufunc("tan", _K(torch.tan))
arcsin = ufunc("arcsin", _K(torch.asin))
asin = arcsin
arccos = ufunc("arccos", _K(torch.acos))
acos = arccos
arctan = ufunc("arctan", _K(torch.atan))
atan = arctan
arctan2 = ufunc("arctan2", _K(torch.atan2))
atan2 = arctan2
hypot = ufunc("hypot", _K(torch.hypot))
sinh = ufunc("sinh", _K(torch.sinh))
cosh = ufunc("cosh", _K(torch.cosh))
tanh = ufunc("tanh", _K(torch.tanh))
arcsinh = ufunc("arcsinh", _K(torch.asinh))
asinh = arcsinh
arccosh = ufunc("arccosh", _K(torch.acosh))
acosh = arccosh
arctanh = ufunc("arctanh", _K(torch.atanh))
atanh = arctanh
degrees = ufunc("degrees", _K(torch.rad2deg))
rad2deg = ufunc("rad2deg", _K(torch.rad2deg))
radians = ufunc("radians", _K(torch.deg2rad))
deg2rad = ufunc("deg2rad", _K(torch.deg2rad))

# --- rounding ----------------------------------------------------------------------------
rint = ufunc("rint", _K(M.rint, c=M.rint_complex))
floor = ufunc("floor", _K(torch.floor, i=M.identity))
ceil = ufunc("ceil", _K(torch.ceil, i=M.identity))
trunc = ufunc("trunc", _K(torch.trunc, i=M.identity))

# --- floating-point routines ------------------------------------------------------------
isnan = ufunc("isnan", _K(torch.isnan))
isinf = ufunc("isinf", _K(torch.isinf))
isfinite = ufunc("isfinite", _K(torch.isfinite))
isnat = ufunc("isnat", _K(_unsupported))
signbit = ufunc("signbit", _K(torch.signbit))
copysign = ufunc("copysign", _K(torch.copysign))
nextafter = ufunc("nextafter", _K(torch.nextafter))
spacing = ufunc("spacing", _K(M.spacing))
modf = ufunc("modf", _K(M.modf))
frexp = ufunc("frexp", _K(M.frexp))
ldexp = ufunc("ldexp", _K(M.ldexp))

# --- comparison ------------------------------------------------------------------------------
equal = ufunc("equal", _K(torch.eq, scalar_ok=True, swap=torch.eq))
not_equal = ufunc("not_equal", _K(torch.ne, scalar_ok=True, swap=torch.ne))
less = ufunc("less", _K(torch.lt, c=L.clt, u64=L.u64_lt, scalar_ok=True, swap=torch.gt))
less_equal = ufunc("less_equal", _K(torch.le, c=L.cle, u64=L.u64_le, scalar_ok=True, swap=torch.ge))
greater = ufunc("greater", _K(torch.gt, c=L.cgt, u64=L.u64_gt, scalar_ok=True, swap=torch.lt))
greater_equal = ufunc("greater_equal", _K(torch.ge, c=L.cge, u64=L.u64_ge, scalar_ok=True, swap=torch.le))

# --- logical -----------------------------------------------------------------------------------
logical_and = ufunc("logical_and", _K(torch.logical_and),
                    reduce_fast=lambda x, axes: torch.all(x, dim=axes) if x.ndim else x.bool())
logical_or = ufunc("logical_or", _K(torch.logical_or),
                   reduce_fast=lambda x, axes: torch.any(x, dim=axes) if x.ndim else x.bool())
logical_xor = ufunc("logical_xor", _K(torch.logical_xor))
logical_not = ufunc("logical_not", _K(torch.logical_not))

# --- bit-twiddling ---------------------------------------------------------------------------
bitwise_and = ufunc("bitwise_and", _K(torch.bitwise_and, scalar_ok=True, swap=torch.bitwise_and))
bitwise_or = ufunc("bitwise_or", _K(torch.bitwise_or, scalar_ok=True, swap=torch.bitwise_or))
bitwise_xor = ufunc("bitwise_xor", _K(torch.bitwise_xor, scalar_ok=True, swap=torch.bitwise_xor))
invert = ufunc("invert", _K(torch.bitwise_not, b=torch.logical_not))
bitwise_not = invert
bitwise_invert = invert
left_shift = ufunc("left_shift", _K(factory=L.left_shift_for))
bitwise_left_shift = left_shift
right_shift = ufunc("right_shift", _K(factory=L.right_shift_for))
bitwise_right_shift = right_shift
bitwise_count = ufunc("bitwise_count", _K(L.bitwise_count, u64=L.bitwise_count_u64))
