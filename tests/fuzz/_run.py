"""Running a case on both sides and classifying the difference.

Categories (``Finding.category``):

- ``silent-mismatch``: both returned and the results differ (value, dtype,
  shape, scalar type, container, memory sharing with an input, identity,
  WRITEABLE flag, or what the call did to its inputs);
- ``leaked-torch-error``: torchnp raised an error made by torch (its class is
  torch's, it was raised inside torch, or it carries torch's wording);
- ``wrong-exception``: both raised, and torchnp's is not an instance of NumPy's class;
- ``missing-exception``: NumPy raised, torchnp returned;
- ``spurious-exception``: NumPy returned, torchnp raised;
- ``unsupported``: torchnp raised NotImplementedError that no table rule covers;
- ``hang``: torchnp did not return within the time limit;
- ``input``: torchnp could not build the case's inputs (asarray, indexing,
  dtype constructors), or built different ones.

The first two are what the issue calls silent mismatches and leaked torch
errors; the next four are exception-class differences.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import operator
import os
import re
import signal
import threading
import warnings

import numpy as np
import torch

import torchnp as tnp

CATEGORIES = ("silent-mismatch", "leaked-torch-error", "wrong-exception", "missing-exception",
              "spurious-exception", "unsupported", "hang", "input")
GROUPS = {
    "silent mismatch": ("silent-mismatch",),
    "leaked torch error": ("leaked-torch-error",),
    "wrong exception class": ("wrong-exception", "missing-exception", "spurious-exception",
                              "unsupported", "hang"),
    "input construction": ("input",),
}

TIMEOUT_S = 3.0
_TORCH_DIR = os.path.dirname(torch.__file__) + os.sep
_TNP_DIRS = tuple(os.path.dirname(os.path.abspath(m.__file__)) + os.sep for m in (tnp,))
# torch's wording (C++ checks, argument parsing, kernels); torchnp's own messages never use it
_TORCH_WORDS = re.compile(
    r"at::|c10::|aten::|Exception raised from|not implemented for '|Overflow when unpacking|"
    r"expanded size of the tensor|Dimension out of range|invalid combination of arguments|"
    r"0-dim tensor|\(position \d+\)|must be Tensor|\bTensor\b|\btensors?\b|_cpu\b|\bCPU\b|"
    r"Expected (a |an )?\w+ (tensor|dtype)|torch\.|\bScalarType\b|\bLong\b|\bDouble\b|"
    r"\bComplexFloat\b|\bComplexDouble\b|\bUInt(8|16|32|64)\b|\bBFloat16\b|\bHalf\b|"
    r"size of tensor|storage|scalar type|self\.dim\(\)|numel|the given numpy array|"
    r"^\w+\(\): |Got: \w+|__dlpack")
_STATEFUL = {"seterr", "seterrcall", "set_printoptions", "setbufsize", "printoptions", "errstate",
             "random.seed", "random.set_state", "random.set_bit_generator"}


class _Timeout(BaseException):
    """Raised by the alarm (a BaseException so that ``except Exception`` cannot eat it)."""


@dataclasses.dataclass
class Side:
    ok: bool = False
    value: object = None
    exc: BaseException | None = None
    warnings: tuple = ()
    ns: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Finding:
    category: str
    target: str
    detail: str
    source: str

    def __str__(self):
        return (f"[{self.category}] {self.target}: {self.detail}\n--- reproducer "
                f"(run with numpy and with torchnp) ---\n{self.source}")


def _alarm(signum, frame):
    raise _Timeout()


@contextlib.contextmanager
def _time_limit(seconds):
    if seconds is None or not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGALRM, _alarm)
    # repeating every half second after the limit: an alarm that lands in a callback whose
    # exceptions Python swallows (a gc callback) is raised again at the next tick
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_TMP = None


def _tmpdir():
    global _TMP
    if _TMP is None:
        import atexit
        import shutil
        import tempfile
        _TMP = tempfile.mkdtemp(prefix="torchnp-fuzz-")
        atexit.register(shutil.rmtree, _TMP, True)
    return _TMP


_FILE_COUNTER = iter(range(10**12))


def _write_file(kind, src, path):
    """Write the NumPy array of ``src`` as a file of ``kind`` (NumPy is the writer)."""
    a = eval(src, {"np": np})  # noqa: S307 - the fuzzer's own generated source
    if kind == "npy":
        np.save(path, a)
    elif kind == "npz":
        np.savez(path, a=a, b=a[..., :1])
    elif kind == "txt":
        np.savetxt(path, a if a.dtype.kind != "c" else a.real)
    elif kind == "txt_int":
        np.savetxt(path, a.real if a.dtype.kind == "c" else a, fmt="%d")
    elif kind == "csv":
        np.savetxt(path, a.real if a.dtype.kind == "c" else a, delimiter=",", fmt="%g")
    elif kind == "txt_sep":
        a.tofile(path, sep=" ")
    else:
        a.tofile(path)


def _namespace(module):
    side = "np" if module is np else "tnp"
    written = []

    def _file(kind, src):
        # each side reads its own copy: mmap_mode='r+' may write to it
        path = os.path.join(_tmpdir(), f"{side}-in-{next(_FILE_COUNTER)}.{kind}")
        _write_file(kind, src, path)
        return path

    def _outfile(ext):
        path = os.path.join(_tmpdir(), f"{side}-out-{next(_FILE_COUNTER)}{ext}")
        written.append(path)
        return path
    return {"np": module, "operator": operator, "__builtins__": __builtins__,
            "_file": _file, "_outfile": _outfile, "_written": written}


def files_diff(np_ns, t_ns):
    """Whether the files the call wrote hold what NumPy's hold."""
    for pe, pg in zip(np_ns.get("_written", ()), t_ns.get("_written", ())):
        for ext in ("", ".npy", ".npz"):
            if os.path.exists(pe + ext) and not pe.endswith(ext or "\0"):
                pe, pg = pe + ext, pg + ext
                break
        if not os.path.exists(pe):
            continue
        if not os.path.exists(pg):
            return f"NumPy wrote {os.path.basename(pe)}; torchnp wrote no file"
        if pe.endswith(".npz"):
            with np.load(pe, allow_pickle=True) as fe, np.load(pg, allow_pickle=True) as fg:
                if sorted(fe.files) != sorted(fg.files):
                    return f"npz members {sorted(fg.files)} != {sorted(fe.files)}"
                for k in fe.files:
                    d = _diff_array(fg[k], fe[k], {}, f"npz member {k}")
                    if d:
                        return d
            continue
        with open(pe, "rb") as f:
            be = f.read()
        with open(pg, "rb") as f:
            bg = f.read()
        if be != bg:
            return f"the file written differs: torchnp {bg[:120]!r} vs NumPy {be[:120]!r}"
    return None


def build(case, module):
    """Evaluate the case's setup, arguments and function on ``module``'s side."""
    ns = _namespace(module)
    for name, src in case.setup:
        ns[name] = eval(src, ns)  # noqa: S307 - the fuzzer's own generated source
    args = [eval(s, ns) for s in case.args]  # noqa: S307
    kwargs = {k: eval(v, ns) for k, v in case.kwargs.items()}  # noqa: S307
    fn = eval(case.fn, ns)  # noqa: S307
    return ns, fn, args, kwargs


@contextlib.contextmanager
def _state_kept(target):
    if target.qualname not in _STATEFUL:
        yield
        return
    saved = [(m, m.geterr(), m.get_printoptions(), m.getbufsize(), m.geterrcall(),
              m.random.get_bit_generator()) for m in (np, tnp)]
    try:
        yield
    finally:
        for m, err, opts, bufsize, errcall, bitgen in saved:
            m.seterr(**err)
            m.set_printoptions(**opts)
            m.setbufsize(bufsize)
            m.seterrcall(errcall)
            m.random.set_bit_generator(bitgen)


def call(fn, args, kwargs, timeout=TIMEOUT_S):
    side = Side()
    with warnings.catch_warnings(record=True) as w, contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("always")
        try:
            with _time_limit(timeout):
                side.value = fn(*args, **kwargs)
            side.ok = True
        except _Timeout as exc:
            side.exc = exc
        except Exception as exc:  # noqa: BLE001 - every exception is data here
            side.exc = exc
    side.warnings = tuple(w)
    return side


# --- classification -------------------------------------------------------------------
def _public_numpy_exceptions():
    out = {v for v in vars(np.exceptions).values() if isinstance(v, type)}
    out.add(np.linalg.LinAlgError)
    return out


_NP_PUBLIC = _public_numpy_exceptions()


def numpy_class_for_torchnp(cls):
    """NumPy's exception class -> the class torchnp must raise: the first public one in
    its MRO (``numpy.exceptions``' classes and LinAlgError have torchnp twins; private
    ones such as ``_UFuncNoLoopError``/``UFuncTypeError`` stand for their builtin base)."""
    for c in cls.__mro__:
        if not c.__module__.startswith("numpy"):
            return c
        if c in _NP_PUBLIC:
            for mod in (tnp.exceptions, tnp.linalg):
                twin = getattr(mod, c.__name__, None)
                if isinstance(twin, type) and issubclass(twin, BaseException):
                    return twin
    return cls


def is_torch_error(exc):
    """Whether ``exc`` was made by torch rather than by torchnp or Python."""
    if type(exc).__module__.split(".")[0] == "torch":
        return True
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is not None:
        fname = last.tb_frame.f_code.co_filename
        if fname.startswith(_TORCH_DIR):
            return True
        line = _line(fname, last.tb_lineno)
        own_raise = line.lstrip().startswith("raise") and _is_torchnp_file(fname)
        if own_raise:
            # torchnp's own raise: only torch's internal wording passed through counts
            return bool(re.search(r"at::|c10::|Exception raised from|not implemented for '|"
                                  r"Overflow when unpacking|expanded size of the tensor|"
                                  r"invalid combination of arguments|0-dim tensor",
                                  str(exc)))
        if isinstance(exc, RuntimeError) and type(exc) is not tnp.exceptions.TooHardError:
            return True  # raised by a C call, not by a raise statement: Python itself
            # raises RuntimeError almost never, torch's C++ checks always
    return bool(_TORCH_WORDS.search(str(exc)))


def _is_torchnp_file(fname):
    return "torchnp" in fname or fname.startswith("<torchnp")


def _line(fname, lineno):
    import linecache
    return linecache.getline(fname, lineno) or ""


def _short_exc(exc):
    msg = str(exc).split("\n")[0]
    if len(msg) > 200:
        msg = msg[:200] + "..."
    return f"{type(exc).__name__}: {msg}"


def _short_path(f):
    for marker in ("/core/src/", "/plugins/", "/site-packages/"):
        if marker in f:
            return f.split(marker, 1)[1]
    return f


def _where(exc):
    """`` at file:line`` of the innermost torchnp frame (and of torch's, when it raised)."""
    tb = exc.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    if not frames:
        return ""
    own = [fr for fr in frames if _is_torchnp_file(fr[0]) and "/tests/" not in fr[0]]
    last = frames[-1]
    if own:
        f, n = own[-1]
        text = f" at {_short_path(f)}:{n}"
        if own[-1] != last:
            text += f" (raised in {_short_path(last[0])}:{last[1]})"
        return text
    return f" at {_short_path(last[0])}:{last[1]}"


# --- values ---------------------------------------------------------------------------
RTOL = {"f2": 1e-2, "c2": 1e-2, "f4": 1e-4, "c8": 1e-4, "f8": 1e-9, "c16": 1e-9}


def to_numpy(x):
    """A torchnp array (or scalar) as a NumPy array, read through torch (not torchnp)."""
    t = x.tensor.detach()
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    return t.cpu().numpy()


def _type_name(x):
    return type(x).__name__


def diff(got, exp, opts, path="result"):
    """The first difference between torchnp's ``got`` and NumPy's ``exp`` (None if none)."""
    if isinstance(exp, np.ndarray):
        if not isinstance(got, tnp.ndarray):
            return f"{path}: expected an ndarray ({_type_name(exp)}), got {_type_name(got)}"
        if _type_name(got) != _type_name(exp):
            return f"{path}: array class {_type_name(got)} != {_type_name(exp)}"
        return _diff_array(to_numpy(got), exp, opts, path)
    if isinstance(exp, np.generic):
        if not isinstance(got, tnp.generic):
            return f"{path}: expected a scalar {_type_name(exp)}, got {_type_name(got)}"
        if _type_name(got) != _type_name(exp) and \
                (_type_name(exp), _type_name(got)) not in opts.get("same_type", ()):
            return f"{path}: scalar type {_type_name(got)} != {_type_name(exp)}"
        return _diff_array(np.asarray(to_numpy(got)), np.asarray(exp), opts, path)
    if isinstance(exp, (bool, int, float, complex, str, bytes)) or exp is None:
        if type(got) is not type(exp):
            return f"{path}: {_type_name(got)} != {_type_name(exp)} (expected {exp!r})"
        if isinstance(exp, (float, complex)):
            return _diff_array(np.asarray(got), np.asarray(exp), opts, path)
        if got != exp:
            return f"{path}: {got!r} != {exp!r}"
        return None
    if isinstance(exp, (tuple, list)):
        if _type_name(got) != _type_name(exp) or not isinstance(got, (tuple, list)):
            return f"{path}: {_type_name(got)} != {_type_name(exp)}"
        if len(got) != len(exp):
            return f"{path}: length {len(got)} != {len(exp)}"
        fields = getattr(exp, "_fields", None)
        if fields is not None and tuple(getattr(got, "_fields", ())) != tuple(fields):
            return f"{path}: fields {getattr(got, '_fields', None)} != {fields}"
        for i, (g, e) in enumerate(zip(got, exp)):
            d = diff(g, e, opts, f"{path}[{i}]")
            if d:
                return d
        return None
    if isinstance(exp, dict):
        if not isinstance(got, dict) or sorted(map(str, got)) != sorted(map(str, exp)):
            return f"{path}: dict keys differ"
        for k in exp:
            d = diff(got[k], exp[k], opts, f"{path}[{k!r}]")
            if d:
                return d
        return None
    if isinstance(exp, np.dtype):
        if not isinstance(got, tnp.dtype) or got.name != exp.name:
            return f"{path}: dtype {got!r} != {exp!r}"
        return None
    if isinstance(exp, type):
        if not isinstance(got, type) or (got.__name__ != exp.__name__ and (
                exp.__name__, got.__name__) not in opts.get("same_type", ())):
            return f"{path}: type {got!r} != {exp!r}"
        return None
    if _type_name(got) != _type_name(exp):
        return f"{path}: {_type_name(got)} != {_type_name(exp)}"
    return None


def _diff_array(g, e, opts, path):
    with np.errstate(all="ignore"):
        return _diff_array_(g, e, opts, path)


def _diff_array_(g, e, opts, path):
    if g.dtype != e.dtype:
        return f"{path}: dtype {g.dtype} != {e.dtype}"
    if g.shape != e.shape:
        return f"{path}: shape {g.shape} != {e.shape}"
    if _covers(opts, "no_values", path):
        return None
    if _covers(opts, "unordered", path):
        g, e = np.sort(g, axis=None), np.sort(e, axis=None)
    if e.dtype.kind in "fc":
        rtol = opts.get("rtol") or builtins_max(RTOL[e.dtype.str[1:]], opts.get("floor", 0))
        parts = ((g.real, e.real), (g.imag, e.imag)) if e.dtype.kind == "c" else ((g, e),)
        for gp, ep in parts:
            gp = gp.astype(np.float64)
            ep = ep.astype(np.float64)
            fin = np.isfinite(ep)
            scale = max(1.0, float(np.max(np.abs(ep[fin]))) if fin.any() else 1.0)
            same_nan = np.isnan(gp) == np.isnan(ep)
            same_inf = (np.isinf(gp) == np.isinf(ep)) & (~np.isinf(ep) | (gp == ep))
            close = np.isnan(ep) | np.isinf(ep) | (np.abs(gp - ep) <= rtol * scale)
            bad = ~(same_nan & same_inf & close)
            if bad.any():
                idx = tuple(int(i[0]) for i in np.nonzero(bad)) if bad.ndim else ()
                return (f"{path}: values differ at {idx}: torchnp {g[idx]!r} vs NumPy {e[idx]!r}"
                        f" (torchnp {_clip(g)}, NumPy {_clip(e)})")
        return None
    if not np.array_equal(g, e):
        return f"{path}: values differ: torchnp {_clip(g)} vs NumPy {_clip(e)}"
    return None


builtins_max = max
# a result is no more precise than the least precise floats the case computes with
_LOW_PRECISION = ((re.compile(r"float16|'f2'|'e'|np\.half"), RTOL["f2"]),
                  (re.compile(r"float32|complex64|'f4'|'c8'|'f'|np\.single|np\.csingle"),
                   RTOL["f4"]))


def precision_floor(src):
    for rx, tol in _LOW_PRECISION:
        if rx.search(src):
            return tol
    return 0


def _clip(a):
    s = np.array2string(np.asarray(a), threshold=20, separator=", ")
    return s if len(s) < 300 else s[:300] + "..."


def _leaves(x, path="result"):
    if isinstance(x, (tuple, list)):
        for i, v in enumerate(x):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, x


def _memory(a):
    """The positive-stride torch tensor covering the memory of torchnp array ``a``."""
    from torchnp import _views
    return _views.layout(a)[0]


def _byte_set(t):
    es = t.element_size()
    off = torch.zeros((), dtype=torch.int64)
    for n, st in zip(t.shape, t.stride()):
        off = off.unsqueeze(-1) + torch.arange(n, dtype=torch.int64) * (st * es)
    base = t.data_ptr() - t.untyped_storage().data_ptr()
    return set((off.reshape(-1) + base).tolist())


def shares_memory(a, b):
    """Exact memory overlap of two torchnp arrays, read from torch (the fuzzer's own check,
    so that a broken ``torchnp.shares_memory`` cannot hide a difference)."""
    ta, tb = _memory(a), _memory(b)
    if ta.numel() == 0 or tb.numel() == 0:
        return False
    if ta.untyped_storage().data_ptr() != tb.untyped_storage().data_ptr():
        return False
    ea, eb = ta.element_size(), tb.element_size()
    sa = {x + i for x in _byte_set(ta) for i in range(ea)}
    return any(x + i in sa for x in _byte_set(tb) for i in range(eb))


def memory_diff(case, np_side, t_side):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NumPy: FutureWarning reading broadcast_arrays flags
        return _memory_diff(case, np_side, t_side)


def _memory_diff(case, np_side, t_side):
    """Whether results share memory with (or are) an input exactly when NumPy's do."""
    names = case.arrays
    if not names:
        return None
    t_leaves = dict(_leaves(t_side.value))
    for path, e in _leaves(np_side.value):
        g = t_leaves.get(path)
        if not isinstance(e, np.ndarray) or not isinstance(g, tnp.ndarray):
            continue
        if e.flags.writeable != g.flags.writeable:
            return f"{path}: WRITEABLE {g.flags.writeable} != NumPy's {e.flags.writeable}"
        for n in names:
            ei, gi = np_side.ns.get(n), t_side.ns.get(n)
            if not isinstance(ei, np.ndarray) or not isinstance(gi, tnp.ndarray):
                continue
            if (e is ei) != (g is gi):
                return f"{path} {'is' if e is ei else 'is not'} the input {n} in NumPy"
            es = bool(np.shares_memory(e, ei))
            gs = shares_memory(g, gi)
            if es != gs:
                return (f"{path} {'shares' if es else 'does not share'} memory with the input "
                        f"{n} in NumPy; in torchnp it {'does' if gs else 'does not'}")
    return None


def inputs_diff(case, np_side, t_side, opts):
    """Whether the call left its array inputs as NumPy's left them."""
    for n in case.arrays:
        e, g = np_side.ns.get(n), t_side.ns.get(n)
        if isinstance(e, np.ndarray) and isinstance(g, tnp.ndarray):
            d = _diff_array(to_numpy(g), e, {"rtol": opts.get("rtol")}, f"input {n} after the call")
            if d:
                return d
    return None


# --- the check ------------------------------------------------------------------------
def rule_options(rules, case, np_side):
    """What the table's rules relax for this case: kind -> result paths (None: all)."""
    opts = {}
    for r in rules:
        if r.kind == "unsupported" or not r.applies(case.target, case, np_side.warnings):
            continue
        if r.kind == "same-type":
            opts.setdefault("same_type", set()).update(r.names)
            continue
        paths = r.paths(case.target)
        key = {"values": "no_values", "unordered": "unordered", "inputs": "no_inputs",
               "rtol": "rtol"}[r.kind]
        if key == "rtol":
            opts["rtol"] = max(opts.get("rtol") or 0, r.rtol)
            continue
        prev = opts.get(key, set())
        opts[key] = None if paths is None or prev is None else prev | paths
    return opts


def _covers(opts, key, path):
    if key not in opts:
        return False
    paths = opts[key]
    return paths is None or path in paths or any(path.startswith(p + "[") for p in paths)


def documented_unsupported(rules, exc):
    msg = str(exc)
    return any(r.kind == "unsupported" and r.regex.search(msg) for r in rules)


class Rejected(Exception):
    """The case is not a valid NumPy program to build (the generator's fault)."""


def check(case, rules, timeout=TIMEOUT_S):
    """Run ``case`` on both sides; a Finding, or None when torchnp behaves as NumPy."""
    src = case.source()
    tq = case.target.qualname
    with _state_kept(case.target):
        if tq.startswith("random.") and case.target.kind == "function":
            # the legacy functions draw from the global RandomState: start both sides alike
            np.random.seed(1234)
            tnp.random.seed(1234)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                np_ns, np_fn, np_args, np_kwargs = build(case, np)
        except Exception as exc:  # noqa: BLE001
            raise Rejected(_short_exc(exc)) from None
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore")
                with _time_limit(timeout):
                    t_ns, t_fn, t_args, t_kwargs = build(case, tnp)
        except BaseException as exc:  # noqa: BLE001
            if isinstance(exc, KeyboardInterrupt):
                raise
            return Finding("input", "<inputs>", f"building the inputs raised {_short_exc(exc)}"
                           f"{_where(exc)}", src)
        for n, _ in case.setup:
            e, g = np_ns.get(n), t_ns.get(n)
            if isinstance(e, np.ndarray):
                d = (f"{n} is a {_type_name(g)}" if not isinstance(g, tnp.ndarray)
                     else _diff_array(to_numpy(g), e, {}, n))
                if d is None and e.flags.writeable != g.flags.writeable:
                    d = f"{n}: WRITEABLE {g.flags.writeable} != NumPy's {e.flags.writeable}"
                if d:
                    return Finding("input", "<inputs>", f"the inputs differ: {d}", src)
        np_side = call(np_fn, np_args, np_kwargs)
        np_side.ns = np_ns
        t_side = call(t_fn, t_args, t_kwargs, timeout)
        t_side.ns = t_ns
    return classify(case, np_side, t_side, rules, src)


def classify(case, np_side, t_side, rules, src):
    tq = case.target.qualname
    if not t_side.ok:
        exc = t_side.exc
        if isinstance(exc, _Timeout):
            return Finding("hang", tq, f"no result within {TIMEOUT_S:g} s", src)
        if is_torch_error(exc):
            return Finding("leaked-torch-error", tq, _short_exc(exc) + _where(exc)
                           + _np_said(np_side), src)
        if isinstance(exc, NotImplementedError) and not (
                np_side.exc is not None and isinstance(np_side.exc, NotImplementedError)):
            if documented_unsupported(rules, exc):
                return None
            return Finding("unsupported", tq, _short_exc(exc) + _where(exc) + _np_said(np_side),
                           src)
        if np_side.ok:
            return Finding("spurious-exception", tq, _short_exc(exc) + _where(exc)
                           + _np_said(np_side), src)
        want = numpy_class_for_torchnp(type(np_side.exc))
        if not isinstance(exc, want):
            return Finding("wrong-exception", tq, f"{_short_exc(exc)}{_where(exc)}; NumPy: "
                           f"{_short_exc(np_side.exc)}", src)
        return None
    if not np_side.ok:
        return Finding("missing-exception", tq, f"NumPy raised {_short_exc(np_side.exc)}; "
                       f"torchnp returned {_type_name(t_side.value)}", src)
    opts = rule_options(rules, case, np_side)
    opts["floor"] = precision_floor(src)
    d = diff(t_side.value, np_side.value, opts)
    if d is None:
        d = memory_diff(case, np_side, t_side)
    if d is None and not _covers(opts, "no_inputs", "result"):
        d = inputs_diff(case, np_side, t_side, opts)
    if d is None:
        d = files_diff(np_side.ns, t_side.ns)
    if d is not None:
        return Finding("silent-mismatch", tq, d, src)
    return None


def _np_said(np_side):
    if np_side.ok:
        return f"; NumPy returned {_type_name(np_side.value)}"
    return f"; NumPy: {_short_exc(np_side.exc)}"
