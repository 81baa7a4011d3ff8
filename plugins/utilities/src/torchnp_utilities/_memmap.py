"""``torchnp.memmap``: an ndarray whose memory is a file, on ``torch.from_file``.

Not an ``_impl`` module: memmap subclasses the public ``ndarray``. Modes map
onto torch's two kinds of mapping: ``MAP_SHARED`` (``shared=True``) for
``r+``/``w+``, where writes reach the file, and ``MAP_PRIVATE``
(``shared=False``) for ``c`` (copy-on-write) and ``r`` (marked read-only).
"""
from __future__ import annotations

import operator
import os

import torch

from torchnp import _dtypes, _views
from torchnp._ndarray import ndarray

__all__ = ["memmap"]

_MODES = {"r": "r", "readonly": "r", "r+": "r+", "readwrite": "r+", "w+": "w+", "write": "w+",
          "c": "c", "copyonwrite": "c"}
_VALID = ["r", "c", "r+", "w+", "readonly", "copyonwrite", "readwrite", "write"]


class memmap(ndarray):
    """An array mapped onto a file on disk. Mirrors ``numpy.memmap``.

    Slices and views of a memmap are memmaps sharing the file's memory, so
    writes through them reach the file in ``r+``/``w+`` mode. Differences from
    NumPy: offsets must be a multiple of the dtype's item size (torch cannot
    view misaligned storage).
    """

    __slots__ = ("filename", "offset", "mode")

    def __new__(cls, filename, dtype=_dtypes.uint8, mode="r+", offset=0, shape=None, order="C"):
        try:
            mode_ = _MODES[mode]
        except (KeyError, TypeError):
            raise ValueError(f"mode must be one of {_VALID} (got {mode!r})") from None
        if mode_ == "w+" and shape is None:
            raise ValueError("shape must be given if mode == 'w+'")
        if order not in ("C", "F"):
            raise ValueError(f"order must be 'C' or 'F' (got {order!r})")
        d = _dtypes.dtype(dtype)
        td, itemsize = d.torch_dtype, d.itemsize
        offset = operator.index(offset)
        if offset < 0:
            raise ValueError("offset must be non-negative")
        path = os.fspath(filename.name if hasattr(filename, "read") or hasattr(filename, "write")
                         else filename)
        path = os.path.abspath(path)
        if mode_ == "w+":
            with open(path, "wb"):
                pass  # create or truncate; the mapping below sizes the file
        filesize = os.path.getsize(path)  # FileNotFoundError as NumPy's open() gives
        if shape is None:
            available = filesize - offset
            if available < 0 or available % itemsize:
                raise ValueError("Size of available data is not a multiple of the data-type size.")
            shape = (available // itemsize,)
        else:
            shape = (operator.index(shape),) if not isinstance(shape, (tuple, list)) else \
                tuple(operator.index(s) for s in shape)
        n = 1
        for s in shape:
            n *= s
        end = offset + n * itemsize
        if mode_ in ("r", "c") and end > filesize:
            raise ValueError("mmap length is greater than file size")
        if n == 0:
            raise ValueError("torchnp.memmap: cannot map an empty array")
        if offset % itemsize:
            raise NotImplementedError(
                f"torchnp.memmap: offset {offset} is not a multiple of the item size {itemsize} "
                f"of {d.name}; torch cannot view misaligned file memory")
        if mode_ in ("r+", "w+") and end > filesize:
            with open(path, "r+b") as f:  # grow the file as NumPy does for writable modes
                f.truncate(end)
        lead = offset // itemsize
        flat = torch.from_file(path, shared=mode_ in ("r+", "w+"), size=lead + n, dtype=td)
        flat = flat[lead:]
        if order == "F" and len(shape) > 1:
            t = flat.view(shape[::-1]).permute(*reversed(range(len(shape))))
        else:
            t = flat.view(shape)
        self = _views.wrap(t, cls)
        self.filename, self.offset, self.mode = path, offset, mode_
        if mode_ == "r":
            self._readonly = True
        return self

    def __array_finalize__(self, obj, /):
        # a view of a memmap maps the same file (NumPy's memmap does the same)
        src = obj if isinstance(obj, memmap) else None
        self.filename = getattr(src, "filename", None)
        self.offset = getattr(src, "offset", None)
        self.mode = getattr(src, "mode", None)

    def flush(self):
        """Write changes to disk. Mirrors ``numpy.memmap.flush``.

        A shared mapping's writes are already in the OS page cache, where every
        reader of the file sees them; torch offers no msync, so durability
        against a crash is left to the OS.
        """
        return None

    def __repr__(self):
        return "memmap(" + ndarray.__repr__(self).partition("(")[2]
