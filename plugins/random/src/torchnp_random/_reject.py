"""Vectorized rejection sampling that consumes the stream exactly as NumPy does.

NumPy draws sample after sample, each taking as many words as its algorithm
needs (a ziggurat normal usually one, sometimes three or more). Here a
speculative block of R words is read at once and *every* position q in it is
treated as the possible start of a sample: ``c[q]`` words would be used and
``val[q]`` produced. The cheap common case (``c0`` words, the first attempt
accepted) is computed for all positions with shifted slices; only the few
positions where it fails are run through the full algorithm (``Lanes``: one
lane per position, loops over the still-rejecting lanes). The actual samples
are then the path 0 -> c[0] -> c[0] + c[c[0]] ...: ``resolve`` finds it with
the sparse irregular positions only (pointer doubling over them, a strided
prefix sum for the regular runs between them), and the first ``n`` samples
and the words they used follow from prefix sums. No Python loop per sample.

Parameters that differ between samples (array arguments) make a sample's
algorithm depend on its index, which depends on the path: ``draw`` then
assigns each position the index the previous resolution gave it and
repeats until the assignment is consistent (each pass fixes at least the
prefix up to the first disagreement; usually one or two passes suffice).
"""
from __future__ import annotations

import math

import torch

I64 = torch.int64


def compiling():
    return torch.compiler.is_compiling()


def nonzero1(mask, cap):
    """Indices of the true entries (1-D). Under torch.compile: a fixed ``cap`` entries
    (padded with len(mask)) and a flag set when more were true."""
    n = mask.numel()
    if compiling():
        idx = torch.nonzero_static(mask, size=cap, fill_value=n).reshape(-1)
        return idx, mask.sum() > cap
    return torch.nonzero(mask).reshape(-1), None


class Lanes:
    """Independent cursors into one block of raw words, one per lane."""

    def __init__(self, raws, start):
        self.raws = raws
        self.R = raws.numel()
        self.start = start
        self.cur = start.clone()

    def take(self, mask=None):
        """The word at each lane's cursor; advances the cursors (of ``mask``'s lanes)."""
        idx = self.cur.clamp(max=self.R - 1)
        v = self.raws.index_select(0, idx) if self.R else torch.zeros_like(idx)
        self.cur = self.cur + (1 if mask is None else mask.to(I64))
        return v

    def sub(self, idx):
        lanes = Lanes.__new__(Lanes)
        lanes.raws, lanes.R = self.raws, self.R
        lanes.start = self.start.index_select(0, idx)
        lanes.cur = self.cur.index_select(0, idx)
        return lanes

    def merge(self, idx, other):
        self.cur = self.cur.index_copy(0, idx, other.cur)


def loop(active, body, cap=8):
    """Run ``body(mask)`` while some lane is active; ``body`` returns the new mask.

    Eager: until no lane is left. Compiled: ``cap`` masked rounds (lanes still
    active afterwards are reported so the caller can mark them truncated, and the
    draw fails its ``_assert_async`` rather than return a wrong value). The callers
    are ziggurat slow paths: a lane survives its first round with probability < 1/2
    and each later one with < 1.2% (a fresh fast attempt must fail too), the normal
    tail's rounds with < 8%, so 8 rounds leave < 1e-9 per lane. Dynamo unrolls
    every round, and the tail loop runs inside the normal loop's body: 64 rounds
    made 64 * 64 bodies, ~10^5 traced ops and minutes of tracing.
    """
    if compiling():
        for _ in range(cap):
            active = body(active)
        return active
    while bool(active.any()):
        active = body(active)
    return None


def resolve(n, c, c0):
    """The first ``n`` samples on the path through the attempts ``c`` (words used by a
    sample starting at each position; c == c0 almost everywhere).

    Returns (positions of the n samples, words used in all, ok). ``ok`` is false
    when the block was too short (or, compiled, had too many irregular positions).
    """
    dev = c.device
    R = c.numel()
    if n == 0:
        return torch.zeros(0, dtype=I64, device=dev), torch.zeros((), dtype=I64, device=dev), None
    irr = c != c0
    cap = int(0.05 * R) + 64 + (8 * math.isqrt(R))
    I, overflow = nonzero1(irr, cap)
    K = I.numel()
    Ic = I.clamp(max=R - 1)
    tgt = I + c.index_select(0, Ic)             # where the next sample starts after each
    big = R + c0 + 1                            # key stride: residue class, then position
    if c0 == 1:
        keys = I
        order = None
    else:
        keys, order = torch.sort((I % c0) * big + I)
        I = I.index_select(0, order)
        tgt = tgt.index_select(0, order)

    def first_irregular(t):
        """Index (in ``keys`` order) of the first irregular position >= t in t's residue
        class; K when there is none."""
        if c0 == 1:
            return torch.searchsorted(keys, t)
        kt = (t % c0) * big + t
        j = torch.searchsorted(keys, kt)
        jc = j.clamp(max=max(K - 1, 0))
        same = (keys.index_select(0, jc) // big == t % c0) & (j < K) if K else j < 0
        return torch.where(same, j, torch.full_like(j, K))

    nxt = torch.cat([first_irregular(tgt), torch.tensor([K], device=dev)])
    start = first_irregular(torch.zeros(1, dtype=I64, device=dev))
    # irregular positions on the path: nxt^m(start), m >= 0, by doubling
    seen = start
    jump = nxt
    steps = 1
    while steps <= K:
        seen = torch.cat([seen, jump.index_select(0, seen)])
        jump = jump.index_select(0, jump)
        steps *= 2
    visited = torch.zeros(K + 1, dtype=torch.bool, device=dev)
    visited[seen] = True
    visited = visited[:K]
    # the regular runs: from 0 and from each visited irregular's successor, stride c0, up to
    # the next irregular position of their residue class
    run_start = torch.cat([torch.zeros(1, dtype=I64, device=dev), tgt])
    run_next = torch.cat([start, nxt[:K]])
    run_end = torch.cat([I, torch.tensor([R + c0 * 2], device=dev)]).index_select(0, run_next)
    run_ok = torch.cat([torch.ones(1, dtype=torch.bool, device=dev), visited]) & (run_start < R)
    # ends beyond the block: first position >= R of the same residue
    run_end = torch.where(run_end >= R, R + ((run_start - R) % c0 + c0) % c0, run_end)
    Rp = -(-(R + 2 * c0) // c0) * c0
    diff = torch.zeros(Rp, dtype=I64, device=dev)
    w = run_ok.to(I64)
    diff.index_add_(0, run_start.clamp(max=Rp - 1), w)
    diff.index_add_(0, run_end.clamp(max=Rp - 1), -w)
    chain = diff.reshape(-1, c0).cumsum(0).reshape(-1)[:R] > 0
    # samples: regular run members and visited irregular positions
    mark = chain.clone()
    mark.index_put_((I.clamp(max=R - 1),), visited & (I < R), accumulate=True)
    cs = torch.cumsum(mark.to(I64), 0)
    want = torch.arange(1, n + 1, device=dev)
    pos = torch.searchsorted(cs, want).clamp(max=R - 1)
    last = pos[-1]
    used = last + c.index_select(0, last.reshape(1))[0]
    ok = (cs[-1] >= n) & (used <= R)
    if overflow is not None:
        ok = ok & ~overflow
    return pos, used, ok


def draw(bg, device, unit, n, fast, full, c0, rate, index_params=False):
    """``n`` samples of an algorithm that takes words from ``bg``'s ``unit`` stream.

    ``fast(raws, out)`` -> (ok, val) for every position (``ok``: the common c0-word
    case holds; positions within c0 of the block's end must be False).
    ``full(lanes, out)`` -> val, running the whole algorithm for the given lanes
    (advancing ``lanes.cur``). ``out`` is None, or (with ``index_params``) the sample
    index assumed at each position / lane, for parameters given per sample.
    ``rate``: expected words per sample (sizes the speculative block).
    """
    if n == 0:
        return None
    R = int(n * rate * 1.01) + 16 * math.isqrt(n) + 64 + c0
    while True:
        raws, commit = bg._peek(R, unit, device)
        out_idx = None
        if index_params:
            out_idx = (torch.arange(R, device=device) // c0).clamp(max=n - 1)
        for _ in range(10**9):
            ok, val = fast(raws, out_idx)
            cand, overflow = nonzero1(~ok, int(0.05 * R) + 64 + 8 * math.isqrt(R))
            cand_c = cand.clamp(max=R - 1)
            lanes = Lanes(raws, cand_c)
            sub_idx = None if out_idx is None else out_idx.index_select(0, cand_c)
            v2 = full(lanes, sub_idx)
            c = torch.full((R,), c0, dtype=I64, device=device)
            cl = lanes.cur - cand_c
            # a lane that read past the block gets a length that ends beyond it
            cl = torch.where(lanes.cur > R, torch.full_like(cl, R + 1) - cand_c, cl)
            c = c.index_put((cand_c,), cl)
            val = val.index_put((cand_c,), v2.to(val.dtype))
            pos, used, good = resolve(n, c, c0)
            if overflow is not None:
                good = good & ~overflow
            if out_idx is None:
                break
            # the sample index each position really has on the path
            on = torch.zeros(R, dtype=I64, device=device)
            on.index_put_((pos,), torch.ones_like(pos), accumulate=True)
            real = (torch.cumsum(on, 0) - on).clamp(max=n - 1)
            # positions inside the used prefix where the assumed index was wrong
            bad = (real != out_idx) & (torch.arange(R, device=device) < used)
            check = on.bool() & bad
            if not bool(check.any()):
                break
            out_idx = real
        if compiling():
            torch._assert_async(good, "torchnp.random: speculative block exhausted")
            break
        if bool(good):
            break
        R *= 2
    commit(used)
    return val.index_select(0, pos)


def filter_draw(bg, device, unit, n, test, stride, rate, index_params=False):
    """``n`` samples of a rejection loop whose every attempt takes ``stride`` words.

    Attempts then sit at positions 0, stride, 2*stride... of the stream, so the
    samples are simply the first ``n`` accepted attempts. ``test(rows, out)`` ->
    (accepted, value) for each attempt (``rows``: (m, stride) words); ``out`` is
    the sample index assumed per attempt when parameters differ per sample
    (``index_params``), refined until it agrees with the acceptances.
    """
    if n == 0:
        return None
    m = int(n * rate * 1.01) + 16 * math.isqrt(n) + 64
    while True:
        raws, commit = bg._peek(m * stride, unit, device)
        rows = raws.reshape(m, stride)
        out = None
        if index_params:
            out = (torch.arange(m, device=device) * n // m).clamp(max=n - 1)
        while True:
            acc, val = test(rows, out)
            cs = torch.cumsum(acc.to(I64), 0)
            if out is None:
                break
            real = (cs - acc.to(I64)).clamp(max=n - 1)
            pos = torch.searchsorted(cs, torch.arange(1, n + 1, device=device)).clamp(max=m - 1)
            upto = pos[-1]
            bad = (real != out) & (torch.arange(m, device=device) <= upto)
            if not bool(bad.any()):
                break
            out = real
        pos = torch.searchsorted(cs, torch.arange(1, n + 1, device=device)).clamp(max=m - 1)
        good = cs[-1] >= n
        if compiling():
            torch._assert_async(good, "torchnp.random: speculative block exhausted")
            break
        if bool(good):
            break
        m *= 2
    commit((pos[-1] + 1) * stride)
    return val.index_select(0, pos)
