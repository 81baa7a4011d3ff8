"""The shared engine of the fft plugin: NumPy's ``_raw_fft``/``_cook_nd_args`` on torch.fft.

NumPy's rule: each 1-D pass is a ufunc with a double and a single-precision loop,
called with ``out`` (allocated when not given: complex64 for float16/float32/complex64
input, float16/float32 for irfft of those; complex128/float64 otherwise). The single
loop runs only for an exact match of the input and scale-factor dtypes (complex64
input, or float32 into rfft, with a non-unit factor, which NumPy rounds to the input's
real dtype); every other input (float16, float32 into a complex transform, a unit
factor given as the int 1) takes the double loop, and the result is rounded to the
buffer written. Imports torch and torchnp's core only.
"""
from __future__ import annotations

__all__: list = []

import operator
import warnings

import torch

from torchnp._normalize import check_data, copy_to_out
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


def _check_input(dt, real_input, name):
    """NumPy's TypeError for complex input to a real transform; bfloat16 has no NumPy twin."""
    if dt.is_complex and real_input:
        raise TypeError(f"ufunc '{name}' did not contain a loop with signature matching types "
                        f"<class 'numpy.dtypes.Complex{128 if dt == torch.complex128 else 64}DType'> "
                        "-> None")
    if dt == torch.bfloat16:
        raise TypeError("torchnp.fft: bfloat16 has no NumPy equivalent")


def _refuse_inf(a):
    """Infinite input: which outputs NumPy gives as NaN (inf - inf inside a butterfly) is
    a property of pocketfft's factorisation, which torch's FFT does not share, so
    torchnp refuses rather than answer differently (one check, a sync on a device)."""
    if a.dtype.is_floating_point or a.dtype.is_complex:
        check_data(~torch.isinf(a).any(), NotImplementedError,
                   "torchnp.fft: infinite input (NumPy's inf/NaN pattern follows pocketfft's "
                   "butterflies, which torch's FFT does not reproduce)")


def _prepare(a, real_input, name):
    """Cast ``a`` for a one-call n-d transform; remember whether to return float16."""
    dt = a.dtype
    _check_input(dt, real_input, name)
    _refuse_inf(a)
    if dt.is_complex or dt in (torch.float32, torch.float64):
        return a, False
    if dt == torch.float16:
        # torch.fft has no CPU kernel for half ("Unsupported dtype Half")
        return a.to(torch.float32), True
    return a.to(torch.float64), False


def _unit(norm, forward):
    """Whether a transform in this direction with ``norm`` is unscaled (NumPy's factor 1)."""
    return norm in (None, "backward") if forward else norm == "forward"


def with_out(compute, a, out, name):
    """Run ``compute(a, o)`` and write the result into ``out=`` as NumPy does.

    ``o`` is the tensor of ``out`` (None without one): NumPy's passes check its shape
    and write into it, so a double ``out`` keeps a double-loop result unrounded (and
    later n-d passes read it).
    """
    if out is None:
        return compute(a, None)
    t = getattr(out, "tensor", out)
    return copy_to_out(compute(a, t if isinstance(t, torch.Tensor) else None), out, name=name)


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


def _default_out(dt, kind):
    """The dtype of the buffer NumPy allocates for one pass without ``out``."""
    if kind == "irfft":
        return _real_of(dt)
    return torch.complex64 if dt in (torch.float16, torch.float32, torch.complex64) else torch.complex128


def _on_empty(fn, a, *args):
    """``fn(a, *args)``; for an empty ``a`` (MKL refuses an empty batch) the result's shape
    and dtype come from the transform of a meta tensor, and its values are zeros (an
    empty signal padded to ``n`` is all zeros, and so is its transform)."""
    if a.numel():
        return fn(a, *args)
    m = fn(a.to("meta"), *args)
    return torch.zeros(m.shape, dtype=m.dtype, device=a.device)


def raw_fft(a, n, axis, kind, norm, o=None):
    """One 1-D transform along ``axis`` (NumPy's ``_raw_fft``) into a buffer like ``o``."""
    fn, real_input, uname = _KINDS[kind]
    if n is None:
        n = a.shape[axis] if kind != "irfft" else (a.shape[axis] - 1) * 2
    n = _check_n(n)
    _check_norm(norm)
    axis = normalize_axis_index(axis, a.ndim)
    if o is not None and (o.ndim != a.ndim or o.shape[axis] != (n // 2 + 1 if kind == "rfft" else n)):
        raise ValueError("output array has wrong shape.")
    dt = a.dtype
    _check_input(dt, real_input, uname)
    _refuse_inf(a)
    inverse = kind in ("ifft", "irfft")
    applied = _SWAP[norm] if inverse else norm  # the factor this direction carries
    scaled = applied not in (None, "backward")
    # passing n only when it changes the length saves torch a crop/pad check
    nn = n if n != a.shape[axis] or kind == "irfft" else None
    if scaled and dt == (torch.float32 if kind == "rfft" else torch.complex64):
        return _on_empty(fn, a, nn, axis, norm).resolve_conj()  # the single-precision loop
    wide = torch.complex128 if dt.is_complex else torch.float64
    fdt = _real_of(dt)
    if dt != wide:
        a = a.to(wide)
    if not scaled or fdt == torch.float64:
        r = _on_empty(fn, a, nn, axis, norm)
    else:  # the factor (1/n or 1/sqrt(n)) is rounded to the input's real dtype
        r = _on_empty(fn, a, nn, axis, "forward" if inverse else "backward")  # unscaled here
        f = torch.tensor(float(n), dtype=fdt)
        r = r * float(f.sqrt().reciprocal() if applied == "ortho" else f.reciprocal())
    target = _default_out(dt, kind)
    if o is not None and o.dtype.is_complex == target.is_complex:
        target = o.dtype  # the pass writes NumPy's out= itself
    # torch's inverse of real input is a lazily conjugated view: arrays hold plain values
    r = r.resolve_conj()
    return r if r.dtype == target else r.to(target)


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


def _one_by_one(a, o):
    """Whether the n-d transform must run as NumPy's 1-D passes (float16 scaling; an out=
    that every pass writes)."""
    return a.dtype == torch.float16 or o is not None


def raw_fftnd(a, s, axes, kind, norm, o=None):
    """An n-d complex transform (NumPy's ``_raw_fftnd``)."""
    s, axes = cook_nd_args(a, s, axes)
    _check_norm(norm)
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if not naxes:
        return a
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, o):
        s = [_check_n(x) for x in s]
        a, _ = _prepare(a, False, kind)
        if all(x == a.shape[ax] for x, ax in zip(s, naxes)):
            s = None
        return _on_empty(_ND[kind], a, s, naxes, norm).resolve_conj()
    # repeated axes or None sizes: NumPy applies the 1-D transforms one by one, last axis first
    for ii in reversed(range(len(axes))):
        a = raw_fft(a, s[ii], axes[ii], kind, norm, o)
    return a


def raw_rfftnd(a, s, axes, norm, o=None):
    """NumPy's ``rfftn``: rfft over the last axis, then fft over the others."""
    s, axes = cook_nd_args(a, s, axes)
    _check_norm(norm)
    if not axes:  # NumPy indexes the last axis to transform
        raise IndexError("list index out of range")
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, o):
        s = [_check_n(x) for x in s]
        a, _ = _prepare(a, True, "rfft_n_even")
        return torch.fft.rfftn(a, s=s, dim=naxes, norm=norm)
    a = raw_fft(a, s[-1], axes[-1], "rfft", norm, o)
    for ii in range(len(axes) - 2, -1, -1):  # NumPy's later passes read and write out=
        a = raw_fft(a, s[ii], axes[ii], "fft", norm, o)
    return a


def raw_irfftnd(a, s, axes, norm, o=None):
    """NumPy's ``irfftn``: ifft over all but the last axis, then irfft over it."""
    if axes is not None and len(axes) == 0:  # NumPy indexes the last axis to transform
        raise IndexError("tuple index out of range")
    s, axes = cook_nd_args(a, s, axes, invreal=True)
    _check_norm(norm)
    naxes = [normalize_axis_index(ax, a.ndim) for ax in axes]
    if len(set(naxes)) == len(naxes) and None not in s and not _one_by_one(a, o):
        s = [_check_n(x) for x in s]
        a, half = _prepare(a, False, "irfft")
        r = torch.fft.irfftn(a, s=s, dim=naxes, norm=norm)
        # NumPy's complex passes over the other axes turn float16 into complex64 first
        return r.to(torch.float16) if half and len(naxes) == 1 else r
    for ii in range(len(axes) - 1):  # NumPy's ifft passes allocate their own buffers
        a = raw_fft(a, s[ii], axes[ii], "ifft", norm)
    return raw_fft(a, s[-1], axes[-1], "irfft", norm, o)
