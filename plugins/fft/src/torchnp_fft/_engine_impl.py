"""The shared engine of the fft plugin: NumPy's ``_raw_fft``/``_cook_nd_args`` on torch.fft.

NumPy's dtype rule: complex64 and float32 stay single precision, float16 input
is computed in single precision (complex64 out; float16 out for irfft/hfft),
everything else (float64, ints, bool) gives complex128/float64. Imports torch and
torchnp's core only.
"""
from __future__ import annotations

__all__: list = []

import operator
import warnings

import torch

from torchnp._normalize import copy_to_out
from torchnp.exceptions import normalize_axis_index

_NORMS = (None, "backward", "ortho", "forward")
_SWAP = {None: "forward", "backward": "forward", "ortho": "ortho", "forward": "backward"}


def _check_norm(norm):
    if norm not in _NORMS:
        raise ValueError(f'Invalid norm value {norm}; should be "backward", "ortho" or "forward".')
    return norm


def _swap_direction(norm):
    try:
        return _SWAP[norm]
    except (KeyError, TypeError):
        raise ValueError(f'Invalid norm value {norm}; should be "backward", "ortho" or "forward".') \
            from None


def _prepare(a, real_input, name):
    """Cast ``a`` to the dtype torch.fft computes in; remember whether to return float16."""
    dt = a.dtype
    if dt.is_complex:
        if real_input:
            raise TypeError(f"ufunc '{name}' did not contain a loop with signature matching types "
                            f"<class 'numpy.dtypes.Complex{128 if dt == torch.complex128 else 64}DType'> "
                            "-> None")
        return a, False
    if dt in (torch.float32, torch.float64):
        return a, False
    if dt == torch.float16:
        # torch.fft has no CPU kernel for half ("Unsupported dtype Half"); NumPy computes in float32
        return a.to(torch.float32), True
    if dt == torch.bfloat16:
        raise TypeError("torchnp.fft: bfloat16 has no NumPy equivalent")
    return a.to(torch.float64), False


_WIDER = {torch.float16: torch.float64, torch.float32: torch.float64, torch.complex64: torch.complex128}


def _unit(norm, forward):
    """Whether a transform in this direction with ``norm`` is unscaled (NumPy's factor 1)."""
    return norm in (None, "backward") if forward else norm == "forward"


def with_out(compute, a, out, name, unit_scale):
    """Run ``compute(a, widen)`` and honour ``out=`` as NumPy does.

    NumPy's transform ufunc takes the scale factor as an operand: when it is the
    Python int 1 (``unit_scale``) a double ``out=`` selects the double loop for
    single-precision input; otherwise the factor is a single-precision scalar and
    the first pass runs in single precision, later n-d passes reading the double
    ``out``. ``widen`` (a complex dtype or None) asks the n-d loops for the latter.
    """
    if out is None:
        return compute(a, None)
    od = getattr(out, "tensor", out).dtype if hasattr(out, "tensor") or isinstance(out, torch.Tensor) \
        else None
    widen = None
    if od in (torch.float64, torch.complex128) and a.dtype in _WIDER:
        if unit_scale:
            a = a.to(_WIDER[a.dtype])
        else:
            widen = torch.complex128
    return copy_to_out(compute(a, widen), out, name=name)


def _check_n(n):
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    return n


# kind -> (torch function, real input?, numpy ufunc name for errors)
_KINDS = {
    "fft": (torch.fft.fft, False, "fft"),
    "ifft": (torch.fft.ifft, False, "ifft"),
    "rfft": (torch.fft.rfft, True, "rfft_n_even"),
    "irfft": (torch.fft.irfft, False, "irfft"),
}
_ND = {"fft": torch.fft.fftn, "ifft": torch.fft.ifftn, "rfft": torch.fft.rfftn,
       "irfft": torch.fft.irfftn}


_REAL_OF = {torch.float16: torch.float16, torch.float32: torch.float32, torch.complex64: torch.float32,
            torch.float64: torch.float64, torch.complex128: torch.float64}


def _real_of(dt):
    """The real dtype NumPy derives a transform's scale factor in (ints and bools: float64)."""
    return _REAL_OF.get(dt, torch.float64)


def raw_fft(a, n, axis, kind, norm):
    """One 1-D transform along ``axis`` (NumPy's ``_raw_fft``)."""
    fn, real_input, uname = _KINDS[kind]
    if n is None:
        n = a.shape[axis] if kind != "irfft" else (a.shape[axis] - 1) * 2
    n = _check_n(n)
    _check_norm(norm)
    axis = normalize_axis_index(axis, a.ndim)
    a, half = _prepare(a, real_input, uname)
    if half:
        r = _raw_fft_scaled(a, n, axis, kind, norm, torch.float16)
        return r.to(torch.float16) if kind == "irfft" else r
    # passing n only when it changes the length saves torch a crop/pad check
    r = fn(a, n, axis, norm) if n != a.shape[axis] or kind == "irfft" else fn(a, None, axis, norm)
    return r


def _raw_fft_scaled(a, n, axis, kind, norm, fct_dtype):
    """A transform whose scale factor NumPy rounds to a narrower dtype than it computes in.

    float16 input is computed in float32, but the factor (``1/n`` or ``1/sqrt(n)``)
    is derived in float16: the transform runs unscaled and that rounded factor is
    applied after.
    """
    fn = _KINDS[kind][0]
    inverse = kind in ("ifft", "irfft")
    applied = _SWAP.get(norm, norm) if inverse else norm  # the factor this direction carries
    r = fn(a, n, axis, "forward" if inverse else "backward")  # unscaled in this direction
    if applied == "ortho":
        r = r * float(torch.tensor(float(n), dtype=fct_dtype).sqrt().reciprocal())
    elif applied == "forward":
        r = r * float(torch.tensor(float(n), dtype=fct_dtype).reciprocal())
    return r


def cook_nd_args(a, s=None, axes=None, invreal=False):
    """NumPy's ``_cook_nd_args``: the sizes and axes of an n-d transform."""
    if s is None and not invreal and type(axes) is tuple:  # fast path: fft2's default axes
        return [a.shape[ax] for ax in axes], list(axes)
    if s is None:
        shapeless = True
        if axes is None:
            s = list(a.shape)
        else:
            s = [a.shape[operator.index(ax)] for ax in axes]
    else:
        shapeless = False
    s = list(s)
    if axes is None:
        if not shapeless:
            warnings.warn("`axes` should not be `None` if `s` is not `None` (Deprecated in NumPy "
                          "2.0). In a future version of NumPy, this will raise an error and `s[i]` "
                          "will correspond to the size along the transformed axis specified by "
                          "`axes[i]`. To retain current behaviour, pass a sequence [0, ..., k-1] "
                          "to `axes` for an array of dimension k.", DeprecationWarning, stacklevel=4)
        axes = list(range(-len(s), 0))
    axes = [operator.index(ax) for ax in axes]
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    if invreal and shapeless:
        s[-1] = (a.shape[axes[-1]] - 1) * 2
    if any(x is None for x in s):
        warnings.warn("Passing an array containing `None` values to `s` is deprecated in NumPy "
                      "2.0 and will raise an error in a future version of NumPy. To use the "
                      "default behaviour of the corresponding 1-D transform, pass the value "
                      "matching the default for its `n` parameter. To use the default behaviour "
                      "for every axis, the `s` argument can be omitted.", DeprecationWarning,
                      stacklevel=4)
    s = [a.shape[ax] if sz == -1 else sz for sz, ax in zip(s, axes)]
    return s, axes


def _one_by_one(a, widen):
    """Whether the n-d transform must run as 1-D passes (float16 scaling, widening after pass one)."""
    return a.dtype == torch.float16 or widen is not None


def raw_fftnd(a, s, axes, kind, norm, widen=None):
    """An n-d complex transform (NumPy's ``_raw_fftnd``)."""
    s, axes = cook_nd_args(a, s, axes)
    _check_norm(norm)
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if not naxes:
        return a
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, widen):
        s = [_check_n(x) for x in s]
        a, _ = _prepare(a, False, kind)
        if all(x == a.shape[ax] for x, ax in zip(s, naxes)):
            s = None
        return _ND[kind](a, s, naxes, norm)
    # repeated axes or None sizes: NumPy applies the 1-D transforms one by one, last axis first
    for ii in reversed(range(len(axes))):
        a = raw_fft(a, s[ii], axes[ii], kind, norm)
        if widen is not None:  # NumPy's later passes read (and write) the double out=
            a, widen = a.to(widen), None
    return a


def raw_rfftnd(a, s, axes, norm, widen=None):
    """NumPy's ``rfftn``: rfft over the last axis, then fft over the others."""
    s, axes = cook_nd_args(a, s, axes)
    _check_norm(norm)
    if not axes:  # NumPy indexes the last axis to transform
        raise IndexError("list index out of range")
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, widen):
        s = [_check_n(x) for x in s]
        a, _ = _prepare(a, True, "rfft_n_even")
        return torch.fft.rfftn(a, s=s, dim=naxes, norm=norm)
    a = raw_fft(a, s[-1], axes[-1], "rfft", norm)
    if widen is not None:  # NumPy's later passes read (and write) the double out=
        a = a.to(widen)
    for ii in range(len(axes) - 2, -1, -1):
        a = raw_fft(a, s[ii], axes[ii], "fft", norm)
    return a


def raw_irfftnd(a, s, axes, norm, widen=None):
    """NumPy's ``irfftn``: ifft over all but the last axis, then irfft over it."""
    if axes is not None and len(axes) == 0:  # NumPy indexes the last axis to transform
        raise IndexError("tuple index out of range")
    s, axes = cook_nd_args(a, s, axes, invreal=True)
    _check_norm(norm)
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, widen):
        s = [_check_n(x) for x in s]
        a, half = _prepare(a, False, "irfft")
        r = torch.fft.irfftn(a, s=s, dim=naxes, norm=norm)
        # NumPy's complex passes over the other axes turn float16 into complex64 first
        return r.to(torch.float16) if half and len(naxes) == 1 else r
    for ii in range(len(axes) - 1):
        a = raw_fft(a, s[ii], axes[ii], "ifft", norm)
        if widen is not None:  # NumPy's later passes read (and write) the double out=
            a, widen = a.to(widen), None
    return raw_fft(a, s[-1], axes[-1], "irfft", norm)
