"""NumPy's exception and warning classes, and helpers for recurring messages."""
import operator

__all__ = [
    "AxisError", "ComplexWarning", "DTypePromotionError", "ModuleDeprecationWarning",
    "RankWarning", "TooHardError", "VisibleDeprecationWarning", "UFuncTypeError",
    "PluginError", "PluginWarning", "axis_error", "normalize_axis_index",
    "normalize_axis_tuple",
]


class AxisError(ValueError, IndexError):
    """An axis argument out of range. Mirrors ``numpy.exceptions.AxisError``."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            self._msg = axis
            self.axis = self.ndim = None
        else:
            self._msg = msg_prefix
            self.axis, self.ndim = axis, ndim
        super().__init__(str(self))

    def __str__(self):
        if self.axis is None:
            return str(self._msg)
        msg = f"axis {self.axis} is out of bounds for array of dimension {self.ndim}"
        return f"{self._msg}: {msg}" if self._msg is not None else msg


class ComplexWarning(RuntimeWarning):
    """Casting complex to real discards the imaginary part."""


class DTypePromotionError(TypeError):
    """No common dtype exists for the given inputs."""


class ModuleDeprecationWarning(DeprecationWarning):
    """Module deprecation warning."""


class RankWarning(RuntimeWarning):
    """Rank-deficient least squares fit (polyfit)."""


class TooHardError(RuntimeError):
    """max_work was exceeded (shares_memory)."""


class VisibleDeprecationWarning(UserWarning):
    """A deprecation shown to users by default."""


class UFuncTypeError(TypeError):
    """A ufunc cannot be applied with the given dtypes or casting rule."""


class PluginError(ImportError):
    """A torchnp plugin failed to load or registered something invalid."""


class PluginWarning(UserWarning):
    """A torchnp plugin could not be loaded; its names are unavailable."""


def axis_error(axis, ndim, msg_prefix=None):
    return AxisError(axis, ndim, msg_prefix)


def normalize_axis_index(axis, ndim, msg_prefix=None):
    """Map ``axis`` into ``range(ndim)`` or raise NumPy's AxisError."""
    if -ndim <= axis < ndim:
        return axis + ndim if axis < 0 else axis
    raise AxisError(axis, ndim, msg_prefix)


def normalize_axis_tuple(axis, ndim, argname=None, allow_duplicate=False):
    """Map an int or a sequence of ints to a tuple of axes in ``range(ndim)``."""
    if type(axis) not in (tuple, list):
        try:
            axis = [operator.index(axis)]
        except TypeError:
            if isinstance(axis, (str, bytes)) or not hasattr(axis, "__iter__"):
                raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an "
                                "integer") from None
            axis = list(axis)
    out = tuple(normalize_axis_index(operator.index(a), ndim, argname) for a in axis)
    if not allow_duplicate and len(set(out)) != len(out):
        if argname:
            raise ValueError(f"repeated axis in `{argname}` argument")
        raise ValueError("repeated axis")
    return out
