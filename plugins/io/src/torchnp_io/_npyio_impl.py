"""NumPy's "Input and output" section: .npy/.npz files and text files.

Torch in, torch out, plus the standard library (zipfile, io). Files written here
load in NumPy and vice versa; the .npy format itself is in ``_format``.
"""
from __future__ import annotations

__all__ = ["save", "load", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt",
           "fromfile"]

import os
import pickle
import re
import warnings
import zipfile

import torch

from torchnp import _dtypes
from torchnp._normalize import ArrayLike, DTypeLike, NotImplementedType, as_tensor, wrap, wrap_scalar

from . import _format


def _open(file, mode, suffix=None):
    """(file object, should_close) for a path or an open file."""
    if hasattr(file, "read") or hasattr(file, "write"):
        return file, False
    path = os.fspath(file)
    if suffix and "w" in mode and not path.endswith(suffix):
        path += suffix
    return open(path, mode), True


def save(file, arr: ArrayLike, allow_pickle=True):
    """Save an array to a .npy file. Mirrors ``numpy.save``."""
    fp, close = _open(file, "wb", ".npy")
    try:
        _format.write_array(fp, arr)
    finally:
        if close:
            fp.close()


class NpzFile:
    """The lazy mapping ``load`` returns for .npz files. Mirrors ``numpy.lib.npyio.NpzFile``."""

    def __init__(self, fid, own_fid=False, allow_pickle=False, max_header_size=10000):
        self.zip = zipfile.ZipFile(fid)
        self._files = self.zip.namelist()
        self.files = [f[:-4] if f.endswith(".npy") else f for f in self._files]
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.fid = fid if own_fid else None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    def __len__(self):
        return len(self.files)

    def __iter__(self):
        return iter(self.files)

    def __contains__(self, key):
        return key in self.files or key in self._files

    def keys(self):
        return list(self.files)

    def values(self):
        return [self[k] for k in self.files]

    def items(self):
        return [(k, self[k]) for k in self.files]

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __getitem__(self, key):
        if self.zip is None:
            raise ValueError("I/O operation on closed file.")
        if key in self.files:
            member = self._files[self.files.index(key)]
        elif key in self._files:
            member = key
        else:
            raise KeyError(f"{key} is not a file in the archive")
        with self.zip.open(member) as f:
            magic = f.read(len(_format.MAGIC))
            if magic != _format.MAGIC:
                return magic + f.read()
        with self.zip.open(member) as f:  # read straight into the array (no bytes copy)
            return wrap(_format.read_array(f, self.allow_pickle, self.max_header_size))

    def __repr__(self):
        return f"NpzFile object with {len(self.files)} arrays: {', '.join(self.files[:5])}"


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True,
         encoding="ASCII", *, max_header_size=10000):
    """Load arrays from .npy, .npz or pickled files. Mirrors ``numpy.load``.

    ``mmap_mode`` ('r', 'c', 'r+') maps a .npy file (``torchnp.memmap``); object
    arrays raise.
    """
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    fp, close = _open(file, "rb")
    try:
        start = fp.tell() if hasattr(fp, "tell") else 0
        magic = fp.read(len(_format.MAGIC))
        if hasattr(fp, "seek"):
            fp.seek(start)
        if not magic:
            raise EOFError("No data left in file")
        if magic.startswith(b"PK\x03\x04") or magic.startswith(b"PK\x05\x06"):
            if close:
                close = False
                return NpzFile(fp, own_fid=True, allow_pickle=allow_pickle,
                               max_header_size=max_header_size)
            return NpzFile(fp, allow_pickle=allow_pickle, max_header_size=max_header_size)
        if magic == _format.MAGIC:
            if mmap_mode is not None:
                if not isinstance(file, (str, bytes, os.PathLike)):
                    raise ValueError("Filename must be a string or a path-like object.  Memmap "
                                     "cannot use existing file handles.")
                if mmap_mode in ("copyonwrite", "readwrite"):
                    # NumPy opens the file with the unnormalized name + 'b'
                    raise ValueError(f"invalid mode: '{mmap_mode}b'")
                if "w" in mmap_mode:
                    raise TypeError("object of type 'NoneType' has no len()")
                if close:
                    fp.close()
                    close = False
                return _format.open_memmap(os.fspath(file), mmap_mode, allow_pickle,
                                           max_header_size)
            return _format.read_array(fp, allow_pickle, max_header_size)
        if not allow_pickle:
            raise ValueError("This file contains pickled (object) data. If you trust the file you "
                             "can load it unsafely using the `allow_pickle=` keyword argument or "
                             "`pickle.load()`.")
        try:
            return pickle.load(fp, fix_imports=fix_imports, encoding=encoding)
        except Exception as exc:
            raise pickle.UnpicklingError(f"Failed to interpret file {file!r} as a pickle") from exc
    finally:
        if close:
            fp.close()


def _savez(file, args, kwds, compress):
    named = dict(kwds)
    for i, a in enumerate(args):
        key = f"arr_{i}"
        if key in named:
            raise ValueError(f"Cannot use un-named variables and keyword {key}")
        named[key] = a
    fp, close = _open(file, "wb", ".npz")
    try:
        with zipfile.ZipFile(fp, mode="w", compression=zipfile.ZIP_DEFLATED if compress
                             else zipfile.ZIP_STORED, allowZip64=True) as zf:
            for key, val in named.items():
                with zf.open(key + ".npy", "w", force_zip64=True) as f:
                    _format.write_array(f, as_tensor(getattr(val, "tensor", val)))
    finally:
        if close:
            fp.close()


def savez(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into an uncompressed .npz file. Mirrors ``numpy.savez``."""
    _savez(file, args, kwds, False)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into a compressed .npz file. Mirrors ``numpy.savez_compressed``."""
    _savez(file, args, kwds, True)


# --- text files ------------------------------------------------------------------------------
def _text_open(fname, mode, encoding):
    if hasattr(fname, "read") or hasattr(fname, "write"):
        return fname, False
    if encoding == "bytes":
        encoding = "latin1"  # NumPy's 'bytes' reads (and writes) latin-1
    return open(os.fspath(fname), mode, encoding=encoding), True


_OBJECT_CONVERSION = re.compile(r"%[-+ #0]*\d*(?:\.\d*)?[sr]")


def savetxt(fname, X: ArrayLike, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    """Save an array to a text file. Mirrors ``numpy.savetxt``."""
    if X.ndim == 0 or X.ndim > 2:
        raise ValueError(f"Expected 1D or 2D array, got {X.ndim}D array instead")
    rows = X.reshape(-1, 1) if X.ndim == 1 else X
    ncol = rows.shape[1]
    iscomplex = X.is_complex()
    if isinstance(fmt, bytes):
        fmt = fmt.decode("latin1")
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError(f"fmt has wrong shape.  {fmt}")
        line_fmt = delimiter.join(fmt)
    elif isinstance(fmt, str):
        n = fmt.count("%")
        if n == 1:
            line_fmt = delimiter.join([fmt] * ncol) if not iscomplex else \
                delimiter.join([f" ({fmt}+{fmt}j)"] * ncol)
        elif (iscomplex and n != 2 * ncol) or (not iscomplex and n != ncol):
            raise ValueError(f"fmt has wrong number of % formats:  {fmt}")
        else:
            line_fmt = fmt
    else:
        raise ValueError(f"invalid fmt: {fmt!r}")
    fh, close = _text_open(fname, "w", encoding)
    try:
        if header:
            fh.write(comments + header.replace("\n", "\n" + comments) + newline)
        data = rows.detach().cpu().resolve_conj()
        if _OBJECT_CONVERSION.search(line_fmt):
            # %s / %r print NumPy scalars (float32's shortest repr, 'np.float64(...)'):
            # format torchnp scalars, which print the same way
            data = [[wrap_scalar(x) for x in row.unbind()] for row in data.unbind()]
        else:
            data = data.tolist()
        for row in data:
            if iscomplex:
                vals = []
                for v in row:
                    vals += [v.real, v.imag]
                fh.write((line_fmt % tuple(vals)).replace("+-", "-") + newline)
            else:
                fh.write(line_fmt % tuple(row) + newline)
        if footer:
            fh.write(comments + footer.replace("\n", "\n" + comments) + newline)
    finally:
        if close:
            fh.close()


def _lines(fname, encoding):
    if isinstance(fname, (list, tuple)):
        return list(fname)
    fh, close = _text_open(fname, "r", encoding)
    try:
        return fh.read().splitlines()
    finally:
        if close:
            fh.close()


def _parser(dtype):
    """loadtxt's parser of one field for ``dtype`` (NumPy's C parser's rules)."""
    if dtype.is_complex:
        return lambda s: complex(s.strip().replace("+-", "-"))
    if dtype.is_floating_point:
        return float
    # bool parses as an int64 (then nonzero), other integers within their range
    lo, hi = _int_range(torch.int64 if dtype == torch.bool else dtype)

    def parse(s):
        # integers parse as integers only: NumPy rejects '1.5' or '1e3' for an int dtype
        v = _parse_int(s)
        if not lo <= v <= hi:
            raise ValueError(f"{v} out of range")
        return v if dtype != torch.bool else v != 0
    return parse


def _int_range(dtype):
    if dtype == torch.uint64:
        return 0, 2**64 - 1
    info = torch.iinfo(dtype)
    return info.min, info.max


def _parse_int(s):
    t = s.strip()
    if not t.lstrip("+-").isdigit():
        raise ValueError(f"could not convert string {s!r} to an integer")
    return int(t)


def _parse_bool_genfromtxt(s):
    """genfromtxt's booleans are the words True/False (any case); anything else fails."""
    u = s.strip().upper()
    if u == "TRUE":
        return True
    if u == "FALSE":
        return False
    raise ValueError(f"invalid boolean {s!r}")


def _np_int(bits_dtype):
    """genfromtxt's int64/uint64 converters: NumPy's ``np.int64(str)``/``np.uint64(str)``."""
    lo, hi = _int_range(bits_dtype)
    name = _dtypes.from_torch(bits_dtype).name

    def conv(s):
        v = int(s)  # ValueError for '1.5', '1e3': genfromtxt then uses the default (-1)
        if not lo <= v <= hi:
            if bits_dtype == torch.int64 or v >= 2**64:
                raise OverflowError("Python int too large to convert to C long")
            raise OverflowError(f"Python integer {v} out of bounds for {name}")
        return v
    return conv


def _genfromtxt_converter(dtype):
    """(function, default) of NumPy's StringConverter for ``dtype``."""
    if dtype == torch.bool:
        return _parse_bool_genfromtxt, False
    if dtype in (torch.int64, torch.uint64):
        return _np_int(dtype), -1
    if not (dtype.is_floating_point or dtype.is_complex):
        return (lambda x: int(float(x))), -1  # the other integer types truncate floats
    if dtype.is_complex:
        return (lambda s: complex(s.strip().replace("+-", "-"))), complex("nan")
    return float, float("nan")


def _rows_tensor(rows, dtype, strict_name=None):
    """A tensor of Python values ``rows`` in ``dtype``, checked as ``np.array(rows, dtype)``."""
    if dtype.is_floating_point or dtype.is_complex or dtype == torch.bool:
        return torch.tensor(rows, dtype=dtype)
    lo, hi = _int_range(dtype)
    name = _dtypes.from_torch(dtype).name
    flat = []
    for row in rows:
        for v in (row if isinstance(row, list) else [row]):
            if isinstance(v, float):
                if v != v:
                    raise ValueError("cannot convert float NaN to integer")
                v = int(v)
            if not lo <= v <= hi:
                raise OverflowError(f"Python integer {v} out of bounds for {name}")
            flat.append(v - 2**64 if v >= 2**63 else v)
    t = torch.tensor(flat, dtype=torch.int64)
    t = t.view(torch.uint64) if dtype == torch.uint64 else t.to(dtype)
    return t.reshape(len(rows), -1) if rows and isinstance(rows[0], list) else t


def _finish(rows, dtype, ndmin, unpack, ncols_hint=0):
    if not rows:
        t = torch.empty((0, ncols_hint) if ncols_hint else (0,), dtype=dtype)
    else:
        t = _rows_tensor(rows, dtype)
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if t.ndim > ndmin:
        t = t.squeeze()
    while t.ndim < ndmin:
        t = t.unsqueeze(0) if t.ndim == 0 else t.unsqueeze(-1)
    if unpack and t.ndim:
        return t.permute(*reversed(range(t.ndim)))
    return t


def loadtxt(fname, dtype: DTypeLike = float, comments="#", delimiter=None, converters=None,
            skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar: NotImplementedType = None, like: NotImplementedType = None):
    """Load data from a text file. Mirrors ``numpy.loadtxt`` (no structured dtypes)."""
    if dtype is None:
        dtype = torch.float64
    _dtypes.from_torch(dtype)
    parse = _parser(dtype)
    if isinstance(comments, str):
        comments = [comments]
    comments = [c for c in (comments or []) if c]
    if isinstance(usecols, int):
        usecols = [usecols]
    lines = _lines(fname, encoding)[skiprows:]
    if max_rows is not None and max_rows <= 0:
        lines = []
    rows = []
    for row_no, ln in enumerate(lines):
        for c in comments:
            ln = ln.split(c, 1)[0]
        ln = ln.strip("\r\n")
        if not ln.strip():
            continue
        fields = ln.split(delimiter) if delimiter is not None else ln.split()
        nfields = len(fields)
        cols = range(nfields)
        if usecols is not None:
            try:
                fields = [fields[i] for i in usecols]
            except IndexError:
                raise ValueError(f"invalid column index {max(usecols)} at row {len(rows) + 1} "
                                 f"with {nfields} columns") from None
            cols = [i % nfields for i in usecols]
        if converters is None:
            funcs = [parse] * len(fields)
        elif callable(converters):
            funcs = [converters] * len(fields)
        elif usecols is not None:
            # with usecols, a key matches a usecols entry as written (-1 is not 2)
            funcs = [converters.get(u, parse) for u in usecols]
        else:
            # keys are column numbers of the file (negative ones count from the end)
            for k in converters:
                if not -nfields <= k < nfields:
                    raise ValueError(f"converter specified for column {k}, which is invalid for "
                                     f"the number of fields {nfields}.")
            funcs = [converters.get(i, converters.get(i - nfields, parse)) for i in cols]
        vals = []
        for col, f, fn in zip(cols, fields, funcs):
            try:
                vals.append(fn(f))
            except (ValueError, TypeError):
                raise ValueError(f"could not convert string {f.strip()!r} to "
                                 f"{_dtypes.from_torch(dtype).name} at row {row_no}, column "
                                 f"{col + 1}.") from None
        if rows and len(vals) != len(rows[0]):
            raise ValueError(f"the number of columns changed from {len(rows[0])} to {len(vals)} "
                             f"at row {len(rows) + 1}; use `usecols` to select a subset and avoid "
                             "this error")
        rows.append(vals)
        if max_rows is not None and len(rows) >= max_rows:
            break
    if not rows:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"', UserWarning, stacklevel=3)
    return _finish(rows, dtype, ndmin, unpack)


def genfromtxt(fname, dtype: DTypeLike = float, comments="#", delimiter=None, skip_header=0,
               skip_footer=0, converters: NotImplementedType = None, missing_values=None,
               filling_values=None, usecols=None, names: NotImplementedType = None,
               excludelist: NotImplementedType = None,
               deletechars=" !#$%&'()*+,-./:;<=>?@[\\]^{|}~", replace_space="_", autostrip=False,
               case_sensitive=True, defaultfmt="f%i", unpack=None,
               usemask: NotImplementedType = False, loose=True, invalid_raise=True, max_rows=None,
               encoding=None, *, ndmin=0, like: NotImplementedType = None):
    """Load data from a text file, filling missing values. Mirrors ``numpy.genfromtxt``.

    Differences from NumPy: no structured dtypes (``names``), masks or converters.
    """
    if dtype is None:
        dtype = torch.float64
    parse, default = _genfromtxt_converter(dtype)
    if isinstance(missing_values, str):
        missing_values = missing_values.split(",")
    missing = {""} | set(missing_values or ())
    fill = default if filling_values is None else filling_values
    if isinstance(usecols, int):
        usecols = [usecols]
    lines = _lines(fname, encoding)[skip_header:]
    if skip_footer:
        lines = lines[:-skip_footer]
    rows = []
    for ln in lines:
        if comments:
            ln = ln.split(comments, 1)[0]
        if not ln.strip():
            continue
        fields = ln.split(delimiter) if delimiter is not None else ln.split()
        if usecols is not None:
            fields = [fields[i] for i in usecols]
        vals = []
        for f in fields:
            f = f.strip()
            if f in missing:
                vals.append(fill)
                continue
            try:
                vals.append(parse(f))
            except ValueError:
                if not loose:
                    raise ValueError(f"Cannot convert string {f!r}") from None
                vals.append(default)
        if rows and len(vals) != len(rows[0]):
            if invalid_raise:
                raise ValueError(f"Some errors were detected !\n    Line #{len(rows) + 1 + skip_header} "
                                 f"(got {len(vals)} columns instead of {len(rows[0])})")
            continue
        rows.append(vals)
        if max_rows is not None and len(rows) >= max_rows:
            break
    return _finish(rows, dtype, ndmin, bool(unpack))


def fromfile(file, dtype: DTypeLike = float, count=-1, sep="", offset=0, *,
             like: NotImplementedType = None):
    """Read raw binary or text data into a 1-d array. Mirrors ``numpy.fromfile``."""
    if dtype is None:
        dtype = torch.float64
    fp, close = _open(file, "rb")
    try:
        if offset:
            fp.seek(offset, 1)
        data = fp.read()
    finally:
        if close:
            fp.close()
    if sep == "":
        itemsize = torch.empty((), dtype=dtype).element_size()
        # NumPy reads whole items only, and at most what the file holds (count may be larger)
        n = len(data) // itemsize if count < 0 else min(count, len(data) // itemsize)
        if n == 0:
            return torch.empty(0, dtype=dtype)
        return torch.frombuffer(bytearray(data[:n * itemsize]), dtype=torch.uint8).view(dtype).clone()
    text = data.decode("latin1")
    parse = _parser(dtype)
    parts = [p for p in (text.split(sep) if sep.strip() else text.split()) if p.strip()]
    if count >= 0:
        parts = parts[:count]
    return _finish([parse(p) for p in parts], dtype, 1, False)
