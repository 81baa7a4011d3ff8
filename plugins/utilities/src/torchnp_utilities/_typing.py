"""``torchnp.typing``: annotation helpers mirroring ``numpy.typing``.

Static-typing objects only; they hold no logic. ``NDArray[torchnp.float64]``
is a generic alias of ``torchnp.ndarray`` parametrized like NumPy's.
"""
from __future__ import annotations

import types
import typing
from collections.abc import Sequence

from torchnp import _dtypes
from torchnp._ndarray import ndarray

__all__ = ["ArrayLike", "DTypeLike", "NDArray", "NBitBase"]

_ScalarT = typing.TypeVar("_ScalarT", bound=_dtypes.generic)

NDArray = types.GenericAlias(ndarray, (tuple[typing.Any, ...],
                                       types.GenericAlias(_dtypes.dtype, (_ScalarT,))))
"""``ndarray`` with its dtype's scalar type as parameter: ``NDArray[torchnp.float64]``."""

ArrayLike = typing.Union[ndarray, _dtypes.generic, bytes, memoryview, bool, int, float, complex,
                         Sequence[typing.Any]]
"""Objects torchnp accepts as arrays (arrays, scalars, nested sequences, buffers)."""

DTypeLike = typing.Union[_dtypes.dtype, type, str, None]
"""Objects torchnp accepts as dtypes."""


class NBitBase:
    """Base of the precision classes of NumPy's typing (kept for annotations only)."""

    def __init_subclass__(cls, **kwargs):
        if cls.__name__ not in ("NBitBase", "_256Bit", "_128Bit", "_96Bit", "_80Bit",
                                "_64Bit", "_32Bit", "_16Bit", "_8Bit"):
            raise TypeError('cannot inherit from final class "NBitBase"')
        super().__init_subclass__(**kwargs)
