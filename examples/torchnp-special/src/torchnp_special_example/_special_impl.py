"""A few special functions, torch in and torch out."""
import torch

from torchnp._normalize import ArrayLike, ArrayOrScalar, AxisLike

__all__ = ["expit", "logit", "erf", "gammaln"]


def _inexact(x):
    return x if x.is_floating_point() or x.is_complex() else x.to(torch.float64)


def expit(x: ArrayLike) -> ArrayOrScalar:
    """Logistic sigmoid ``1 / (1 + exp(-x))``."""
    return torch.special.expit(_inexact(x))


def logit(x: ArrayLike) -> ArrayOrScalar:
    """Inverse of expit: ``log(x / (1 - x))``."""
    return torch.special.logit(_inexact(x))


def erf(x: ArrayLike) -> ArrayOrScalar:
    """The error function."""
    return torch.special.erf(_inexact(x))


def gammaln(x: ArrayLike) -> ArrayOrScalar:
    """``log(abs(gamma(x)))``."""
    return torch.special.gammaln(_inexact(x))


def softmax(x: ArrayLike, axis: AxisLike = None):
    """Softmax over ``axis`` (all elements when None)."""
    x = _inexact(x)
    if axis is None:
        return torch.softmax(x.reshape(-1), 0).reshape(x.shape)
    return torch.softmax(x, axis)
