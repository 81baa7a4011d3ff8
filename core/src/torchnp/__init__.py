"""torchnp: the NumPy API on PyTorch tensors.

Core objects (ndarray, dtypes, promotion, array creation) are defined here;
every other name comes from a plugin and is loaded on first access.
"""
import math as _math

from . import exceptions
from ._dtypes import (  # noqa: F401
    bool, bool_, byte, bytes_, can_cast, cdouble, character, clongdouble, common_type,
    complex64, complex128, complex256, complexfloating, csingle, datetime64, double, dtype, finfo,
    flexible, float16, float32, float64, float128, floating, generic, half, iinfo, inexact, int8,
    int16, int32, int64, int_, intc, integer, intp, isdtype, issubdtype, long, longdouble,
    longlong, min_scalar_type, mintypecode, number, object_, promote_types, result_type,
    sctypeDict, short, signedinteger, single, str_, timedelta64, typecodes, ubyte, uint,
    uint8, uint16, uint32, uint64, uintc, uintp, ulong, ulonglong, unsignedinteger,
    ushort, void,
)
from . import _scalars  # noqa: F401  (gives the scalar types their behaviour)
from ._ndarray import ndarray
from ._info import __array_namespace_info__  # noqa: F401
from . import _creation_impl as _creation
from ._plugins import install_finder as _install_finder, install_lazy_getattr as _lazy, \
    _CORE_LAZY as _core_lazy
from .hookspecs import hookimpl  # noqa: F401

__version__ = "0.1.0"
__array_api_version__ = "2024.12"

pi = _math.pi
e = _math.e
euler_gamma = 0.5772156649015329
inf = _math.inf
nan = _math.nan
newaxis = None
little_endian = True
True_ = None  # set below, once scalars exist
False_ = None

# the creation functions' public wrappers are made on first use (_plugins._CORE_LAZY)
for _name in _creation.__all__:
    _obj = getattr(_creation, _name)
    if callable(_obj) and not hasattr(_obj, "__getitem__"):
        _core_lazy[_name] = _obj
    else:
        globals()[_name] = _obj
del _name, _obj
from ._printing import (  # noqa: E402,F401
    array2string, array_repr, array_str, base_repr, binary_repr, format_float_positional,
    format_float_scientific, get_printoptions, printoptions, set_printoptions,
)

from ._scalars import _make_bool as _mb  # noqa: E402

True_ = _mb(True)
False_ = _mb(False)
del _mb

_install_finder()
_lazy(globals(), "")

from . import _dynamo_support  # noqa: E402  (``@`` under torch.compile; imports nothing now)

_dynamo_support.install()
