"""The .npy file format (NumPy's ``numpy/lib/format.py``), written with torch and
the standard library only: header dict, little-endian data, versions 1.0/2.0/3.0.
"""
from __future__ import annotations

__all__ = ["MAGIC", "write_array", "read_array", "open_memmap", "descr_of", "tensor_bytes"]

import ast
import ctypes
import os
import struct

import torch

MAGIC = b"\x93NUMPY"
_ALIGN = 64

# torch dtype <-> NumPy descr (little-endian; 1-byte types use '|')
_DESCR = {
    torch.bool: "|b1", torch.int8: "|i1", torch.uint8: "|u1", torch.int16: "<i2",
    torch.uint16: "<u2", torch.int32: "<i4", torch.uint32: "<u4", torch.int64: "<i8",
    torch.uint64: "<u8", torch.float16: "<f2", torch.float32: "<f4", torch.float64: "<f8",
    torch.complex64: "<c8", torch.complex128: "<c16",
}
_BY_CODE = {d[1:]: t for t, d in _DESCR.items()}


def descr_of(dtype):
    try:
        return _DESCR[dtype]
    except KeyError:
        raise NotImplementedError(f"torchnp: dtype {dtype} cannot be written to .npy") from None


def tensor_bytes(t):
    """The C-order bytes of ``t`` (on the CPU), without going through NumPy."""
    t = t.detach().resolve_conj().resolve_neg().cpu().contiguous()
    n = t.numel() * t.element_size()
    return ctypes.string_at(t.data_ptr(), n) if n else b""


def _header(t, fortran):
    shape = tuple(t.shape)
    d = "{'descr': '%s', 'fortran_order': %r, 'shape': %r, }" % (descr_of(t.dtype), fortran, shape)
    return d


def _is_fortran_only(t):
    """NumPy writes Fortran order for arrays that are F- but not C-contiguous."""
    if t.ndim < 2 or t.is_contiguous():
        return False
    return t.permute(*range(t.ndim - 1, -1, -1)).is_contiguous()


def write_array(fp, t):
    """Write ``t`` to the binary file object ``fp`` in .npy format."""
    fortran = _is_fortran_only(t)
    header = _header(t, fortran).encode("latin1")
    for version, fmt in (((1, 0), "<H"), ((2, 0), "<I")):
        hlen = len(header) + 1  # trailing newline
        prefix = len(MAGIC) + 2 + struct.calcsize(fmt)
        pad = (-(prefix + hlen)) % _ALIGN
        total = hlen + pad
        if total < 2 ** (8 * struct.calcsize(fmt)):
            break
    fp.write(MAGIC + bytes(version) + struct.pack(fmt, total) + header + b" " * pad + b"\n")
    fp.write(tensor_bytes(t.permute(*range(t.ndim - 1, -1, -1)) if fortran else t))


def _read_exact(fp, n, what):
    data = fp.read(n)
    if len(data) != n:
        raise ValueError(f"EOF: reading {what}, expected {n} bytes got {len(data)}")
    return data


def read_header(fp, max_header_size=10000):
    magic = fp.read(len(MAGIC))
    if magic != MAGIC:
        raise ValueError(f"the magic string is not correct; expected {MAGIC!r}, got {magic!r}")
    major, minor = _read_exact(fp, 2, "array version")
    if (major, minor) not in ((1, 0), (2, 0), (3, 0)):
        raise ValueError(f"we only support format version (1,0), (2,0), and (3,0), not ({major}, {minor})")
    fmt = "<H" if major == 1 else "<I"
    (hlen,) = struct.unpack(fmt, _read_exact(fp, struct.calcsize(fmt), "array header length"))
    raw = _read_exact(fp, hlen, "array header")
    if hlen > max_header_size:
        raise ValueError(f"Header info length ({hlen}) is large and may not be safe to load securely. "
                         "To allow loading, adjust `max_header_size` or fully trust the `.npy` file "
                         "using `allow_pickle=True`.")
    text = raw.decode("utf8" if major == 3 else "latin1")
    try:
        d = ast.literal_eval(text)
    except (SyntaxError, ValueError) as exc:
        raise ValueError(f"Cannot parse header: {text!r}") from exc
    if not isinstance(d, dict) or set(d) != {"descr", "fortran_order", "shape"}:
        raise ValueError(f"Header does not contain the correct keys: {text!r}")
    shape = d["shape"]
    if not isinstance(shape, tuple) or not all(isinstance(x, int) and x >= 0 for x in shape):
        raise ValueError(f"shape is not valid: {shape!r}")
    if not isinstance(d["fortran_order"], bool):
        raise ValueError(f"fortran_order is not a valid bool: {d['fortran_order']!r}")
    return d["descr"], d["fortran_order"], shape


def _parse_descr(descr, allow_pickle):
    if not isinstance(descr, str):
        raise ValueError(f"torchnp: structured dtypes are not supported (descr {descr!r})")
    order, code = (descr[0], descr[1:]) if descr[:1] in "<>|=" else ("=", descr)
    if code == "O":
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        raise NotImplementedError("torchnp: object arrays (pickled .npy data) are not supported")
    code = {"?": "b1", "b": "i1", "B": "u1", "h": "i2", "H": "u2", "i": "i4", "I": "u4",
            "l": "i8", "q": "i8", "L": "u8", "Q": "u8", "e": "f2", "f": "f4", "d": "f8",
            "F": "c8", "D": "c16"}.get(code, code)
    try:
        dtype = _BY_CODE[code]
    except KeyError:
        raise NotImplementedError(f"torchnp: .npy dtype {descr!r} has no torch equivalent") from None
    return dtype, order == ">"


def _readinto(fp, t, what):
    """Fill the CPU tensor ``t`` (contiguous) from ``fp`` without an intermediate bytes copy."""
    n = t.numel() * t.element_size()
    if not n:
        return
    buf = memoryview((ctypes.c_char * n).from_address(t.data_ptr())).cast("B")
    got = 0
    readinto = getattr(fp, "readinto", None)
    while got < n:
        if readinto is not None:
            k = readinto(buf[got:got + _CHUNK])
        else:
            chunk = fp.read(min(_CHUNK, n - got))
            k = len(chunk)
            buf[got:got + k] = chunk
        if not k:
            raise ValueError(f"EOF: reading {what}, expected {n} bytes got {got}")
        got += k


_CHUNK = 1 << 20  # read in 1 MiB pieces: a compressed member decompresses piecewise


def read_array(fp, allow_pickle=False, max_header_size=10000):
    """Read one array in .npy format from the binary file object ``fp``.

    The data is read straight into the result's memory (peak memory: the array).
    """
    descr, fortran, shape = read_header(fp, max_header_size if not allow_pickle else 2 ** 31)
    dtype, swap = _parse_descr(descr, allow_pickle)
    count = 1
    for s in shape:
        count *= s
    t = torch.empty(count, dtype=dtype)
    _readinto(fp, t, "array data")
    if swap and count:
        itemsize = t.element_size()
        width = itemsize if dtype not in (torch.complex64, torch.complex128) else itemsize // 2
        raw = t.view(torch.uint8).reshape(-1, width)
        raw.copy_(raw.flip(1))
    if fortran:
        return t.reshape(shape[::-1]).permute(*reversed(range(len(shape))))
    return t.reshape(shape)


def open_memmap(path, mode, allow_pickle=False, max_header_size=10000):
    """``np.load(path, mmap_mode=mode)`` of a .npy file: a ``torchnp.memmap`` of its data.

    The header is padded to 64 bytes, so the data is aligned for every dtype and
    the file maps directly (``torch.from_file``; 'r' and 'c' map it privately,
    'r' read-only; 'r+' shares the mapping, so writes reach the file).
    """
    with open(path, "rb") as fp:
        descr, fortran, shape = read_header(fp, max_header_size if not allow_pickle else 2 ** 31)
        offset = fp.tell()
    dtype, swap = _parse_descr(descr, allow_pickle)
    import torchnp
    try:
        memmap = torchnp.memmap
    except AttributeError:
        raise NotImplementedError("torchnp.load(mmap_mode=...) needs torchnp.memmap "
                                  "(the torchnp-utilities distribution)") from None
    if swap:
        raise NotImplementedError(f"torchnp: a big-endian .npy file ({descr!r}) cannot be "
                                  "memory-mapped: torch has no byte-swapped dtypes")
    from torchnp import _dtypes, _views
    np_dtype = _dtypes.from_torch(dtype)
    count = 1
    for s in shape:
        count *= s
    if count == 0:
        # validate the mode as memmap does, without mapping an empty file
        if mode not in ("r", "c", "r+", "w+", "readonly", "copyonwrite", "readwrite", "write"):
            memmap(path, np_dtype, mode=mode, offset=offset, shape=(1,))
        out = _views.wrap(torch.empty(shape, dtype=dtype), memmap)
        out.filename, out.offset, out.mode = os.path.abspath(path), offset, mode
        out._readonly = mode in ("r", "readonly")
        return out
    return memmap(path, np_dtype, mode=mode, offset=offset, shape=tuple(shape),
                  order="F" if fortran else "C")
