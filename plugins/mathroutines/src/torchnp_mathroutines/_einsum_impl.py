"""einsum and einsum_path.

Both take ``*operands`` that mix a subscripts string (or interleaved sublists)
with arrays, which the tag pipeline cannot express, so the plugin registers them
with ``normalize=False`` and they convert and wrap their own arguments here.

The subscripts are checked and rewritten into an explicit ``in,in->out`` string
once per (subscripts, operand ranks and dtypes) and cached with the dtypes to use; the contraction itself is one
``torch.einsum`` call in the operands' common dtype (bool and uint16/32/64 run in
int64 because torch's bmm has no kernels for them, then are cast back).
"""
from __future__ import annotations

__all__ = ["einsum", "einsum_path"]

import functools
import string

import torch

from torchnp._dtypes import can_cast_torch, from_torch, promote_torch, to_torch_dtype
from torchnp import _views
from torchnp.exceptions import UFuncTypeError
from torchnp._normalize import as_array, as_tensor, copy_to_out, wrap, wrap_scalar

from ._common_impl import cast_back, compute_dtype

_LETTERS = frozenset(string.ascii_letters)
_OPTIMIZE_NAMES = (False, True, "greedy", "optimal", None)


def _label_of_int(i):
    if i is Ellipsis:
        return "..."
    i = int(i)
    if 0 <= i < 26:
        return chr(ord("A") + i)
    if 26 <= i < 52:
        return chr(ord("a") + i - 26)
    raise ValueError("subscript is not within the valid range [0, 52)")


def _from_sublists(args):
    """einsum(op0, sub0, op1, sub1, ..., [subout]) -> (subscripts string, operands)."""
    ops = list(args[0::2])
    subs = list(args[1::2])
    out = None
    if len(args) % 2 == 1:
        out = ops.pop()
    text = ",".join("".join(_label_of_int(i) for i in s) for s in subs)
    if out is not None:
        text += "->" + "".join(_label_of_int(i) for i in out)
    return text, ops


def _split_term(term, pos):
    """'ab...c' -> (['a', 'b'], has_ellipsis, ['c']) style list with '...' marker."""
    labels = []
    i = 0
    seen_ell = False
    while i < len(term):
        ch = term[i]
        if ch == ".":
            if term[i:i + 3] != "..." or seen_ell:
                raise ValueError("einstein sum subscripts string contains a '.' that is not part "
                                 "of an ellipsis ('...')" + ("" if pos is None else f" in operand {pos}"))
            labels.append("...")
            seen_ell = True
            i += 3
            continue
        if ch not in _LETTERS:
            raise ValueError(f"invalid subscript '{ch}' in einstein sum subscripts string, "
                             "subscripts must be letters")
        labels.append(ch)
        i += 1
    return labels


@functools.lru_cache(maxsize=512)
def _parse(subscripts, ndims):
    """Validate; return (torch subscripts string, output labels, per-operand label lists)."""
    text = subscripts.replace(" ", "")
    if "->" in text:
        lhs, rhs = text.split("->", 1)
        if "->" in rhs or "-" in rhs.replace("->", "") or ">" in rhs:
            raise ValueError("einstein sum subscript string does not contain proper '->' output "
                             "specified")
    else:
        if "-" in text or ">" in text:
            raise ValueError("einstein sum subscript string does not contain proper '->' output "
                             "specified")
        lhs, rhs = text, None
    terms = lhs.split(",")
    if len(terms) > len(ndims):
        raise ValueError("fewer operands provided to einstein sum function than specified in the "
                         "subscripts string")
    if len(terms) < len(ndims):
        raise ValueError("more operands provided to einstein sum function than specified in the "
                         "subscripts string")
    in_labels = []
    ell_rank = 0
    for pos, (term, nd) in enumerate(zip(terms, ndims)):
        labels = _split_term(term, pos)
        named = len([x for x in labels if x != "..."])
        if "..." in labels:
            if named > nd:
                raise ValueError(f"einstein sum subscripts string contains too many subscripts "
                                 f"for operand {pos}")
            ell_rank = max(ell_rank, nd - named)
        elif named != nd:
            if named > nd:
                raise ValueError(f"einstein sum subscripts string contains too many subscripts "
                                 f"for operand {pos}")
            raise ValueError("operand has more dimensions than subscripts given in einstein sum, "
                             "but no '...' ellipsis provided to broadcast the extra dimensions.")
        in_labels.append(labels)
    counts = {}
    for labels in in_labels:
        for x in labels:
            if x != "...":
                counts[x] = counts.get(x, 0) + 1
    if rhs is None:
        out = (["..."] if ell_rank or any("..." in l for l in in_labels) else []) + \
            sorted(x for x, c in counts.items() if c == 1)
    else:
        out = _split_term(rhs, None)
        seen = set()
        for x in out:
            if x == "...":
                continue
            if x in seen:
                raise ValueError(f"einstein sum subscripts string includes output subscript "
                                 f"'{x}' multiple times")
            if x not in counts:
                raise ValueError(f"einstein sum subscripts string included output subscript "
                                 f"'{x}' which never appeared in an input")
            seen.add(x)
        if ell_rank and "..." not in out:
            raise ValueError("output has more dimensions than subscripts given in einstein sum, "
                             "but no '...' ellipsis provided to broadcast the extra dimensions.")
    torch_str = ",".join("".join(l) for l in in_labels) + "->" + "".join(out)
    return torch_str, tuple(out), tuple(tuple(l) for l in in_labels)


def _check_sizes(in_labels, tensors):
    sizes = {}
    for labels, t in zip(in_labels, tensors):
        dims = [x for x in labels]
        if "..." in dims:
            k = dims.index("...")
            n_after = len(dims) - k - 1
            shape = list(t.shape[:k]) + list(t.shape[t.ndim - n_after:]) if n_after else list(t.shape[:k])
            dims = dims[:k] + dims[k + 1:]
        else:
            shape = list(t.shape)
        for x, s in zip(dims, shape):
            prev = sizes.get(x)
            if prev is None or prev == 1:
                sizes[x] = s
            elif s != prev and s != 1:
                raise ValueError("operands could not be broadcast together with remapped shapes "
                                 f"[original->remapped]: label '{x}' has sizes {prev} and {s}")
    return sizes


def _split_args(operands):
    if not operands:
        raise ValueError("No input operands")
    if isinstance(operands[0], str):
        return operands[0], list(operands[1:])
    return _from_sublists(operands)


# (subscripts, (ndim, dtype) of each operand) -> (torch subscripts, result dtype,
# compute dtype) for the plain calls (no out/dtype/optimize): a repeated call skips
# parsing, validation and dtype promotion and goes straight to torch.einsum
_PLANS: dict = {}
_PLANS_MAX = 1024


def einsum(*operands, out=None, optimize=False, **kwargs):
    """Einstein summation. Mirrors ``numpy.einsum``.

    ``optimize`` is validated; the contraction order is torch's own.
    """
    if out is None and optimize is False and not kwargs and operands \
            and type(operands[0]) is str:
        tensors = [as_tensor(o) for o in operands[1:]]
        key = (operands[0], *[(t.ndim, t.dtype) for t in tensors])
        # (traced, the cache is neither read nor filled: that would guard on its keys)
        plan = None if torch.compiler.is_compiling() else _PLANS.get(key)
        if plan is None and torch.compiler.is_compiling():
            plan = _plain_plan(operands[0], tensors)
        elif plan is None:
            plan = _plain_plan(operands[0], tensors)
            if len(_PLANS) >= _PLANS_MAX:
                _PLANS.clear()
            _PLANS[key] = plan
        torch_str, rdt, cdt, in_labels, convert, vspec = plan
        if vspec is not None:
            return _single_view(as_array(operands[1]), vspec)
        if convert:
            tensors = [t if t.dtype == cdt else t.to(cdt) for t in tensors]
        try:
            r = torch.einsum(torch_str, *tensors)
        except RuntimeError as exc:
            _check_sizes(in_labels, tensors)
            raise ValueError(f"einsum: {exc}") from exc
        # torch sums small integers into int64 ('ij->' of int32): NumPy keeps the dtype
        return wrap_scalar(r if r.dtype is rdt else cast_back(r, rdt))
    return _einsum_general(operands, out, optimize, kwargs)


def _plain_plan(subscripts, tensors):
    torch_str, _, in_labels = _parse(subscripts, tuple(t.ndim for t in tensors))
    rdt = tensors[0].dtype
    for t in tensors[1:]:
        rdt = promote_torch(rdt, t.dtype)
    cdt = compute_dtype(rdt)
    vspec = _view_spec(in_labels, torch_str, tensors[0].ndim) if len(tensors) == 1 else None
    return torch_str, rdt, cdt, in_labels, any(t.dtype != cdt for t in tensors), vspec


def _view_spec(in_labels, torch_str, ndim):
    """For one operand whose every label is in the output (no sum), NumPy's einsum
    returns a view of it (diagonals for repeated labels, then a transpose), whatever
    ``dtype``/``casting`` say: the [(axis1, axis2), ...] diagonals and the permutation,
    or None (a sum). A 0-d operand gives a scalar of its own dtype."""
    out = torch_str.split("->")[1]
    labels = []
    for x in in_labels[0]:
        if x == "...":
            n_ell = ndim - (len(in_labels[0]) - 1)
            labels += [f"...{k}" for k in range(n_ell)]
        else:
            labels.append(x)
    out_labels = []
    i = 0
    while i < len(out):
        if out.startswith("...", i):
            out_labels += [x for x in labels if x.startswith("...")]
            i += 3
        else:
            out_labels.append(out[i])
            i += 1
    if set(labels) != set(out_labels):
        return None
    diags = []
    cur = list(labels)
    for x in dict.fromkeys(labels):
        while cur.count(x) > 1:
            a1 = cur.index(x)
            a2 = cur.index(x, a1 + 1)
            diags.append((a1, a2))
            cur = [y for k, y in enumerate(cur) if k not in (a1, a2)] + [x]
    return tuple(diags), tuple(cur.index(x) for x in out_labels)


def _single_view(a, vspec):
    diags, perm = vspec
    if a.ndim == 0:
        return wrap_scalar(a.tensor.clone())
    for a1, a2 in diags:
        a = _views.diagonal(a, 0, a1, a2)
    return _views.permute(a, perm)


def _einsum_general(operands, out, optimize, kwargs):
    dtype = kwargs.pop("dtype", None)
    casting = kwargs.pop("casting", "safe")
    order = kwargs.pop("order", "K")
    if kwargs:
        raise TypeError(f"einsum() got an unexpected keyword argument '{next(iter(kwargs))}'")
    if not isinstance(casting, str):
        raise TypeError(f"casting must be str, not {type(casting).__name__}")
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' "
                         f"(got {casting!r})")
    if order not in ("K", "C", "F", "A", None):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    _check_optimize(optimize)
    subscripts, ops = _split_args(operands)
    tensors = [as_tensor(o) for o in ops]
    torch_str, _, in_labels = _parse(subscripts, tuple(t.ndim for t in tensors))
    if out is None and len(tensors) == 1:
        vspec = _view_spec(in_labels, torch_str, tensors[0].ndim)
        if vspec is not None:
            if dtype is not None:
                to_torch_dtype(dtype)
            return _single_view(as_array(ops[0]), vspec)
    if dtype is not None:
        rdt = to_torch_dtype(dtype)
        for t in tensors:
            if not can_cast_torch(t.dtype, rdt, casting):
                raise TypeError(f"Cannot cast array data from dtype('{from_torch(t.dtype).name}') "
                                f"to dtype('{from_torch(rdt).name}') according to the rule "
                                f"'{casting}'")
    else:
        rdt = tensors[0].dtype
        for t in tensors[1:]:
            rdt = promote_torch(rdt, t.dtype)
        for i, t in enumerate(tensors):
            # every operand is cast to the common dtype under ``casting``: the nditer's
            # TypeError, or (optimized: pairwise ufuncs) the ufunc's casting error
            if not can_cast_torch(t.dtype, rdt, casting):
                src, dst = from_torch(t.dtype).name, from_torch(rdt).name
                if optimize is False:
                    raise TypeError(f"Iterator operand {i} dtype could not be cast from "
                                    f"dtype('{src}') to dtype('{dst}') according to the rule "
                                    f"'{casting}'")
                raise UFuncTypeError(f"Cannot cast ufunc input from dtype('{src}') to "
                                     f"dtype('{dst}') with casting rule '{casting}'")
    cdt = compute_dtype(rdt)
    conv = [t if t.dtype == cdt else t.to(cdt) for t in tensors]
    try:
        r = torch.einsum(torch_str, *conv)
    except RuntimeError as exc:
        _check_sizes(in_labels, tensors)
        raise ValueError(f"einsum: {exc}") from exc
    r = cast_back(r, rdt)
    if out is not None:
        return copy_to_out(r, out, casting, "einsum")
    if _ends_in_matmul(optimize, in_labels):
        # NumPy's optimized path ends in a pairwise matmul, which returns an array:
        # a full contraction gives a 0-d array there (a scalar without optimize)
        return wrap(r)
    return wrap_scalar(r)


def _ends_in_matmul(optimize, in_labels):
    """Whether NumPy's einsum ends in a pairwise matmul (whose result is an array, 0-d
    included, where plain einsum gives a scalar). With ``optimize`` False there is no
    path; with None the path is one contraction of every operand; a given path ends
    with its last step; greedy/optimal contract pairwise. A pair that shares no label
    is multiplied, not matmul'ed."""
    n = len(in_labels)
    if optimize is False or n < 2:
        return False
    if optimize is None and n != 2:
        return False
    if isinstance(optimize, (list, tuple)) and optimize and optimize[0] == "einsum_path":
        if len(optimize) < 2 or len(optimize[-1]) != 2:
            return False
    if n == 2:
        return bool(set(in_labels[0]) & set(in_labels[1]))
    return True


def _check_optimize(optimize):
    if isinstance(optimize, (list, tuple)) and optimize:
        if optimize[0] == "einsum_path":
            return "path"
        if isinstance(optimize, tuple) and optimize[0] in ("greedy", "optimal") and len(optimize) == 2:
            return optimize[0]
        raise TypeError(f"Did not understand the path: {optimize}")
    if isinstance(optimize, str) or optimize in _OPTIMIZE_NAMES:
        if optimize not in _OPTIMIZE_NAMES:
            raise TypeError(f"Did not understand the path: {optimize}")
        return optimize
    raise TypeError(f"Did not understand the path: {optimize}")


def _size(labels, sizes):
    n = 1
    for x in labels:
        n *= sizes.get(x, 1)
    return n


def _greedy_path(in_labels, out_labels, sizes):
    """Pairwise contraction order: at each step the pair whose contraction shrinks the
    total size of the operands most (intermediate size minus both input sizes, the
    greedy criterion NumPy documents), ties going to the earliest pair."""
    remaining = [frozenset(x for x in l if x != "...") for l in in_labels]
    has_ell = ["..." in l for l in in_labels]
    keep_out = frozenset(x for x in out_labels if x != "...")
    path = []
    while len(remaining) > 1:
        best = None
        for i in range(len(remaining)):
            for j in range(i + 1, len(remaining)):
                others = set(keep_out)
                for k, s in enumerate(remaining):
                    if k not in (i, j):
                        others |= s
                new = (remaining[i] | remaining[j]) & others
                cost = _size(new, sizes) - _size(remaining[i], sizes) - _size(remaining[j], sizes)
                if best is None or cost < best[0]:
                    best = (cost, i, j, new)
        _, i, j, new = best
        path.append((i, j))
        ell = has_ell[i] or has_ell[j]
        remaining = [s for k, s in enumerate(remaining) if k not in (i, j)] + [frozenset(new)]
        has_ell = [h for k, h in enumerate(has_ell) if k not in (i, j)] + [ell]
    return path


# exhaustive search grows like n!**2; beyond this many operands 'optimal' goes greedy
_OPTIMAL_MAX = 6


def _optimal_path(in_labels, out_labels, sizes):
    """The pairwise order with the fewest multiply-adds (exhaustive search)."""
    keep_out = frozenset(x for x in out_labels if x != "...")
    start = tuple(frozenset(x for x in l if x != "...") for l in in_labels)
    best = [None, None]

    def search(terms, cost, path):
        if best[0] is not None and cost >= best[0]:
            return
        if len(terms) == 1:
            best[0], best[1] = cost, list(path)
            return
        for i in range(len(terms)):
            for j in range(i + 1, len(terms)):
                rest = [t for k, t in enumerate(terms) if k not in (i, j)]
                needed = set(keep_out)
                for t in rest:
                    needed |= t
                new = (terms[i] | terms[j]) & needed
                path.append((i, j))
                search(tuple(rest) + (frozenset(new),), cost + _size(terms[i] | terms[j], sizes),
                       path)
                path.pop()

    search(start, 0, [])
    return best[1]


def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """A contraction order for ``einsum`` and a readable report. Mirrors ``numpy.einsum_path``.

    The path is a valid pairwise order (greedy: smallest intermediate first); the
    report is shorter than NumPy's.
    """
    if einsum_call:
        raise NotImplementedError("torchnp.einsum_path: einsum_call=True is NumPy-internal")
    kind = _check_optimize(optimize)
    subscripts, ops = _split_args(operands)
    tensors = [as_tensor(o) for o in ops]
    torch_str, out_labels, in_labels = _parse(subscripts, tuple(t.ndim for t in tensors))
    sizes = _check_sizes(in_labels, tensors)
    n = len(tensors)
    if kind == "path":
        path = list(optimize)
    elif kind in (False, None) or n <= 2:
        path = ["einsum_path", tuple(range(n))]
    elif kind == "optimal" and n <= _OPTIMAL_MAX:
        path = ["einsum_path"] + _optimal_path(in_labels, out_labels, sizes)
    else:
        path = ["einsum_path"] + _greedy_path(in_labels, out_labels, sizes)
    naive = 1
    for s in sizes.values():
        naive *= s
    report = (f"  Complete contraction:  {torch_str}\n"
              f"         Naive scaling:  {len(sizes)}\n"
              f"     Naive FLOP count:  {naive * max(n, 1):.3e}\n"
              + "".join(f"  contraction {k}: {c}\n" for k, c in enumerate(path[1:])))
    return path, report
