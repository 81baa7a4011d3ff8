"""The bit-generator engines: NumPy's PCG64, PCG64DXSM, Philox, SFC64 and MT19937.

Each engine works on a state vector (an int64 tensor, laid out below) and
offers, for a draw of ``n`` units (64-bit words, or 32-bit words as NumPy's
``next_uint32`` gives them)::

    raws, after = engine.peek64(state, n)     # the next n words, state untouched
    new_state = after(k)                      # the state once k <= n were used

``k`` may be a Python int or a 0-d int64 tensor (rejection samplers know how
many words they used only as a tensor), so a draw never needs ``.item()``.
Two implementations stand behind every engine:

* host: Python ints, for small draws on the CPU outside torch.compile (a few
  microseconds, where a chain of tiny tensor ops would cost a hundred);
* tensor: torch arithmetic on int64 tensors (``_u64``), on the state's device,
  traceable by torch.compile. Jumpable engines compute many stream positions
  at once: PCG's state after ``q*R + r`` steps is ``A[r] * S[q] + C[r]`` with
  precomputed lane multipliers, Philox is counter based, and MT19937's
  recurrence yields 623 new words per vectorized step. SFC64 has no jump
  ahead; its stream is produced on the host (``_host_op``).

State vectors (int64; uint64 words stored as their bit patterns):

* PCG64/PCG64DXSM: [state_hi, state_lo, inc_hi, inc_lo, has_uint32, uinteger]
* Philox: [ctr0..ctr3, key0, key1, buf0..buf3, buffer_pos, has_uint32, uinteger]
* SFC64: [s0, s1, s2, s3, has_uint32, uinteger]
* MT19937: [key0..key623, pos]
"""
from __future__ import annotations

import torch

from ._u64 import (
    M32, M64, add128, hi32, lo32, mul128, mulhi, rotr, s64, srl, u64, ult,
)

__all__ = ["PCG64Engine", "PCG64DXSMEngine", "PhiloxEngine", "SFC64Engine", "MT19937Engine",
           "HOST_MAX"]

I64 = torch.int64
M128 = (1 << 128) - 1
HOST_MAX = 64  # draws up to this many words take the host path on the CPU


def _is_compiling():
    return torch.compiler.is_compiling()


def _as_int(k):
    return k if isinstance(k, int) else int(k)


def _tensor(values, device):
    return torch.tensor(values, dtype=I64, device=device)


# ----------------------------------------------------------------------------------------
# the 32-bit stream of a 64-bit engine (NumPy's next_uint32: low half first, the high
# half kept in (has_uint32, uinteger) for the next call)
# ----------------------------------------------------------------------------------------
def _host_peek32(engine, st, n):
    has, uint = st[-2], st[-1]
    need = n - 1 if has and n else n
    k64 = (need + 1) // 2
    raws, after64 = engine.hpeek64(st, k64)
    words = [uint] if has and n else []
    for r in raws:
        words.append(r & M32)
        words.append((r >> 32) & M32)
    words = words[:n]

    def after(m):
        m = _as_int(m)
        used_buf = 1 if has and m else 0
        rest = m - used_buf
        k = (rest + 1) // 2
        new = list(after64(k))
        if rest % 2:
            new[-2], new[-1] = 1, (raws[k - 1] >> 32) & M32
        elif rest:
            new[-2], new[-1] = 0, (raws[k - 1] >> 32) & M32
        else:
            new[-2], new[-1] = (has if not used_buf else 0), uint
        return new
    return words, after


def _tensor_peek32(engine, st, n):
    has, uint = st[-2], st[-1]
    # one spare 64-bit word: the buffered half may or may not be there
    k64 = (n + 1) // 2 + 1
    raws, after64 = engine.peek64(st, k64)
    halves = torch.stack([lo32(raws), hi32(raws)], 1).reshape(-1)
    words = torch.cat([uint.reshape(1), halves])
    # without a buffered half the stream starts at halves[0]
    start = 1 - has
    idx = torch.arange(n, device=st.device) + start
    out = words.index_select(0, idx) if n else words[:0]

    def after(m):
        m = torch.as_tensor(m, dtype=I64, device=st.device)
        used_buf = has * (m > 0).to(I64)
        rest = m - used_buf
        k = (rest + 1) // 2
        new = after64(k).clone()
        last_hi = hi32(raws.index_select(0, (k - 1).clamp(min=0).reshape(1))).reshape(())
        odd = rest % 2
        new_has = torch.where(rest > 0, odd, has - used_buf)
        new_uint = torch.where(rest > 0, last_hi, uint)
        new[-2] = new_has
        new[-1] = new_uint
        return new
    return out, after


class _Engine64:
    """An engine whose native output is 64-bit; the 32-bit stream is derived."""

    def peek32(self, st, n):
        return _tensor_peek32(self, st, n)

    def hpeek32(self, st, n):
        return _host_peek32(self, st, n)


# ----------------------------------------------------------------------------------------
# PCG64 and PCG64DXSM
# ----------------------------------------------------------------------------------------
PCG_MULT = (2549297995355413924 << 64) + 4865540595714422341
PCG_CHEAP = 0xDA942042E4DD58B5
_LANES = 1024   # R: lanes per row
_ROWS = 1024    # rows per tensor block (R * ROWS stream positions at most)


def _lcg_tables(mult, count, stride):
    """[(A, G)] for j < count: stepping j*stride times is s -> A*s + G*inc."""
    # one step of stride: s -> Ms*s + Gs*inc
    ms, gs = 1, 0
    for _ in range(stride):
        gs = (gs * mult + 1) & M128
        ms = (ms * mult) & M128
    out = []
    a, g = 1, 0
    for _ in range(count):
        out.append((a, g))
        g = (g * ms + gs) & M128
        a = (a * ms) & M128
    return out


def _split_table(rows):
    """(A_hi, A_lo, G_hi, G_lo) int64 tensors from [(A, G)]."""
    cols = [[s64(a >> 64) for a, _ in rows], [s64(a) for a, _ in rows],
            [s64(g >> 64) for _, g in rows], [s64(g) for _, g in rows]]
    return torch.tensor(cols, dtype=I64)


class _PCGTables:
    """Lane (r < R) and row (q < ROWS, stride R) step tables of one multiplier."""

    def __init__(self, mult):
        self.mult = mult
        self.lane = _split_table(_lcg_tables(mult, _LANES + 1, 1))
        self.row = _split_table(_lcg_tables(mult, _ROWS + 1, _LANES))
        self._dev = {}

    def on(self, device):
        if device.type == "cpu":
            return self.lane, self.row
        if _is_compiling():
            return self.lane.to(device), self.row.to(device)
        t = self._dev.get(device)
        if t is None:
            t = self._dev[device] = (self.lane.to(device), self.row.to(device))
        return t


def pcg_advance(state, inc, delta, mult):
    """NumPy's pcg_advance_lcg_128: the state after ``delta`` steps (Python ints)."""
    acc_mult, acc_plus = 1, 0
    cur_mult, cur_plus = mult, inc
    delta &= M128
    while delta > 0:
        if delta & 1:
            acc_mult = (acc_mult * cur_mult) & M128
            acc_plus = (acc_plus * cur_mult + cur_plus) & M128
        cur_plus = ((cur_mult + 1) * cur_plus) & M128
        cur_mult = (cur_mult * cur_mult) & M128
        delta >>= 1
    return (acc_mult * state + acc_plus) & M128


class PCG64Engine(_Engine64):
    """PCG XSL RR 128/64: step, then output the new state."""

    name = "PCG64"
    nstate = 6
    mult = PCG_MULT
    step_first = True

    def __init__(self):
        self.tables = _PCGTables(self.mult)

    # host ----------------------------------------------------------------------------
    @staticmethod
    def _out(s):
        hi, lo = s >> 64, s & M64
        v, rot = hi ^ lo, hi >> 58
        return ((v >> rot) | (v << ((-rot) & 63))) & M64

    def hpeek64(self, st, n):
        s = (u64(st[0]) << 64) | u64(st[1])
        inc = (u64(st[2]) << 64) | u64(st[3])
        mult, out = self.mult, self._out
        raws, states = [], [s]
        for _ in range(n):
            if self.step_first:
                s = (s * mult + inc) & M128
                raws.append(s64(out(s)))
            else:
                raws.append(s64(out(s)))
                s = (s * mult + inc) & M128
            states.append(s)

        def after(k):
            sk = states[_as_int(k)]
            return [s64(sk >> 64), s64(sk), st[2], st[3], st[4], st[5]]
        return raws, after

    # tensor --------------------------------------------------------------------------
    @staticmethod
    def _out_t(hi, lo):
        v = hi ^ lo
        return rotr(v, srl(hi, 58))

    def _grid(self, shi, slo, ihi, ilo, npos):
        """States after p steps, p < npos (hi, lo flat tensors), from the state (shi, slo)."""
        lane, row = self.tables.on(shi.device)
        nl = min(_LANES, npos)
        nr = -(-npos // _LANES)
        # row bases S_q = B_q * s + E_q * inc, q < nr
        bh, bl, eh, el = row[0, :nr], row[1, :nr], row[2, :nr], row[3, :nr]
        sh, sl = add128(*mul128(bh, bl, shi, slo), *mul128(eh, el, ihi, ilo))
        # lane offsets C_r = G_r * inc
        ah, al, gh, gl = lane[0, :nl], lane[1, :nl], lane[2, :nl], lane[3, :nl]
        ch, cl = mul128(gh, gl, ihi, ilo)
        ph, pl = add128(*mul128(ah[None, :], al[None, :], sh[:, None], sl[:, None]),
                        ch[None, :], cl[None, :])
        return ph.reshape(-1), pl.reshape(-1)

    def peek64(self, st, n):
        shi, slo, ihi, ilo = st[0], st[1], st[2], st[3]
        limit = _LANES * _ROWS - 1
        if n > limit:  # several blocks: the state after each block starts the next
            parts, afters, cur = [], [], st
            left = n
            while left:
                m = min(left, limit)
                r, a = self.peek64(cur, m)
                parts.append(r)
                afters.append((m, a))
                cur = a(m)
                left -= m
            raws = torch.cat(parts)

            def after(k):
                if isinstance(k, int):
                    base = 0
                    for m, a in afters:
                        if k <= base + m:
                            return a(k - base)
                        base += m
                # a tensor k: select the block it falls in
                result = None
                base = 0
                for m, a in afters:
                    kk = (k - base).clamp(0, m)
                    cand = a(kk)
                    inside = (k >= base) & (k <= base + m)
                    result = cand if result is None else torch.where(inside, cand, result)
                    base += m
                return result
            return raws, after
        ph, pl = self._grid(shi, slo, ihi, ilo, n + 1)
        if self.step_first:
            raws = self._out_t(ph[1:n + 1], pl[1:n + 1])
        else:
            raws = self._out_t(ph[:n], pl[:n])

        def after(k):
            if isinstance(k, int):
                hi, lo = ph[k], pl[k]
            else:
                kk = k.reshape(1)
                hi, lo = ph.index_select(0, kk)[0], pl.index_select(0, kk)[0]
            return torch.stack([hi, lo, st[2], st[3], st[4], st[5]])
        return raws, after

    # seeding and jumps (Python ints) -------------------------------------------------
    def seed_state(self, words):
        """NumPy's pcg64_set_seed from four uint64 SeedSequence words."""
        initstate = (words[0] << 64) | words[1]
        initseq = (words[2] << 64) | words[3]
        inc = ((initseq << 1) | 1) & M128
        s = (0 * PCG_MULT + inc) & M128
        s = (s + initstate) & M128
        s = (s * PCG_MULT + inc) & M128
        return [s64(s >> 64), s64(s), s64(inc >> 64), s64(inc), 0, 0]

    def advance(self, st, delta):
        s = (u64(st[0]) << 64) | u64(st[1])
        inc = (u64(st[2]) << 64) | u64(st[3])
        s = pcg_advance(s, inc, delta, self.mult)
        return [s64(s >> 64), s64(s), st[2], st[3], 0, 0]

    def get_state(self, st):
        return {"state": {"state": (u64(st[0]) << 64) | u64(st[1]),
                          "inc": (u64(st[2]) << 64) | u64(st[3])},
                "has_uint32": int(st[4]), "uinteger": int(st[5])}

    def set_state(self, value):
        s, inc = int(value["state"]["state"]), int(value["state"]["inc"])
        return [s64(s >> 64), s64(s), s64(inc >> 64), s64(inc), int(value["has_uint32"]),
                int(value["uinteger"]) & M32]


class PCG64DXSMEngine(PCG64Engine):
    """PCG CM DXSM 128/64: output the old state, then step with the cheap multiplier."""

    name = "PCG64DXSM"
    mult = PCG_CHEAP
    step_first = False

    @staticmethod
    def _out(s):
        hi, lo = s >> 64, (s & M64) | 1
        hi ^= hi >> 32
        hi = (hi * PCG_CHEAP) & M64
        hi ^= hi >> 48
        return (hi * lo) & M64

    @staticmethod
    def _out_t(hi, lo):
        lo = lo | 1
        hi = hi ^ srl(hi, 32)
        hi = hi * s64(PCG_CHEAP)
        hi = hi ^ srl(hi, 48)
        return hi * lo


# ----------------------------------------------------------------------------------------
# Philox 4x64-10
# ----------------------------------------------------------------------------------------
PH_M0, PH_M1 = 0xD2E7470EE14C6C93, 0xCA5A826395121157
PH_W0, PH_W1 = 0x9E3779B97F4A7C15, 0xBB67AE8584CAA73B


def philox_block(ctr, key):
    """Philox4x64-10 of one counter (Python ints) -> 4 words."""
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for r in range(10):
        if r:
            k0, k1 = (k0 + PH_W0) & M64, (k1 + PH_W1) & M64
        p0, p1 = PH_M0 * c0, PH_M1 * c2
        c0, c1, c2, c3 = ((p1 >> 64) ^ c1 ^ k0, p1 & M64, (p0 >> 64) ^ c3 ^ k1, p0 & M64)
    return [c0, c1, c2, c3]


class PhiloxEngine(_Engine64):
    name = "Philox"
    nstate = 13

    @staticmethod
    def _ctr(st):
        return [u64(v) for v in st[0:4]]

    def hpeek64(self, st, n):
        ctr = self._ctr(st)
        key = [u64(st[4]), u64(st[5])]
        buf = [u64(v) for v in st[6:10]]
        pos = int(st[10])
        raws, states = [], []
        for _ in range(n):
            if pos >= 4:
                c = (ctr[0] | ctr[1] << 64 | ctr[2] << 128 | ctr[3] << 192) + 1
                ctr = [(c >> (64 * i)) & M64 for i in range(4)]
                buf = philox_block(ctr, key)
                pos = 0
            raws.append(s64(buf[pos]))
            pos += 1
            states.append((ctr, buf, pos))

        def after(k):
            k = _as_int(k)
            if k == 0:
                return list(st)
            c, b, p = states[k - 1]
            return [s64(v) for v in c] + list(st[4:6]) + [s64(v) for v in b] + [p] + list(st[11:])
        return raws, after

    @staticmethod
    def _rounds(c0, c1, c2, c3, k0, k1):
        for r in range(10):
            if r:
                k0 = k0 + s64(PH_W0)
                k1 = k1 + s64(PH_W1)
            hi0, lo0 = mulhi(c0, PH_M0), c0 * s64(PH_M0)
            hi1, lo1 = mulhi(c2, PH_M1), c2 * s64(PH_M1)
            c0, c1, c2, c3 = hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0
        return c0, c1, c2, c3

    def peek64(self, st, n):
        dev = st.device
        pos = st[10]
        # words left in the buffer, then whole blocks
        nb = -(-n // 4) + 1
        b = torch.arange(1, nb + 1, dtype=I64, device=dev)
        v0 = st[0] + b
        c0 = ult(v0, st[0]).to(I64)
        v1 = st[1] + c0
        c1 = c0 * (v1 == 0).to(I64)
        v2 = st[2] + c1
        c2 = c1 * (v2 == 0).to(I64)
        v3 = st[3] + c2
        o0, o1, o2, o3 = self._rounds(v0, v1, v2, v3, st[4], st[5])
        blocks = torch.stack([o0, o1, o2, o3], 1)           # (nb, 4)
        stream = torch.cat([st[6:10], blocks.reshape(-1)])  # the buffer, then new blocks
        idx = torch.arange(n, dtype=I64, device=dev) + pos
        raws = stream.index_select(0, idx) if n else stream[:0]
        ctrs = torch.stack([v0, v1, v2, v3], 1)

        def after(k):
            k = torch.as_tensor(k, dtype=I64, device=dev)
            p = pos + k                      # position in ``stream`` after the draw
            nblk = torch.div(p - 1, 4, rounding_mode="floor")  # -1: still the old buffer
            new_pos = p - 4 * nblk
            j = (nblk - 1).clamp(min=0).reshape(1)
            ctr = torch.where(nblk > 0, ctrs.index_select(0, j)[0], st[0:4])
            buf = torch.where(nblk > 0, blocks.index_select(0, j)[0], st[6:10])
            new_pos = torch.where(k > 0, new_pos, pos)
            return torch.cat([ctr, st[4:6], buf, new_pos.reshape(1), st[11:13]])
        return raws, after

    def seed_state(self, key_words, counter=0):
        ctr = [(counter >> (64 * i)) & M64 for i in range(4)]
        return [s64(v) for v in ctr] + [s64(key_words[0]), s64(key_words[1])] + [0, 0, 0, 0, 4, 0, 0]

    def advance(self, st, delta):
        """NumPy's philox_advance (its carry rule included), resetting the buffer."""
        ctr = self._ctr(st)
        step = [(delta >> (64 * i)) & M64 for i in range(4)]
        carry = 0
        for i in range(4):
            if carry == 1:
                ctr[i] = (ctr[i] + 1) & M64
                carry = 1 if ctr[i] == 0 else 0
            orig = ctr[i]
            ctr[i] = (ctr[i] + step[i]) & M64
            if ctr[i] < orig and carry == 0:
                carry = 1
        return [s64(v) for v in ctr] + list(st[4:6]) + [0, 0, 0, 0, 4, 0, 0]

    def get_state(self, st):
        return {"state": {"counter": [u64(v) for v in st[0:4]],
                          "key": [u64(v) for v in st[4:6]]},
                "buffer": [u64(v) for v in st[6:10]], "buffer_pos": int(st[10]),
                "has_uint32": int(st[11]), "uinteger": int(st[12])}

    def set_state(self, value):
        inner = value["state"]
        ctr = [int(v) for v in inner["counter"]]
        key = [int(v) for v in inner["key"]]
        buf = [int(v) for v in value["buffer"]]
        return ([s64(v) for v in ctr] + [s64(v) for v in key] + [s64(v) for v in buf]
                + [int(value["buffer_pos"]), int(value["has_uint32"]),
                   int(value["uinteger"]) & M32])


# ----------------------------------------------------------------------------------------
# SFC64 (sequential: no jump ahead exists, so its words are made on the host)
# ----------------------------------------------------------------------------------------
def _sfc_run(s, n):
    a, b, c, w = s
    out = []
    for _ in range(n):
        tmp = (a + b + w) & M64
        w = (w + 1) & M64
        a = b ^ (b >> 11)
        b = (c + (c << 3)) & M64
        c = (((c << 24) | (c >> 40)) + tmp) & M64
        out.append(tmp)
    return out, [a, b, c, w]


class SFC64Engine(_Engine64):
    name = "SFC64"
    nstate = 6

    def hpeek64(self, st, n):
        s0 = [u64(v) for v in st[0:4]]
        raws, _ = _sfc_run(s0, n)

        def after(k):
            _, s = _sfc_run(s0, _as_int(k))
            return [s64(v) for v in s] + list(st[4:6])
        return [s64(v) for v in raws], after

    def peek64(self, st, n):
        if _is_compiling():
            raise NotImplementedError(
                "SFC64 under torch.compile: its stream is strictly sequential (no jump "
                "ahead) and is produced on the host; draw outside the compiled region or use "
                "PCG64, PCG64DXSM, Philox or MT19937")
        host = [int(v) for v in st.tolist()]
        raws, hafter = self.hpeek64(host, n)
        dev = st.device

        def after(k):
            return _tensor(hafter(_as_int(k)), dev)
        return _tensor(raws, dev), after

    def seed_state(self, words):
        s = [words[0], words[1], words[2], 1]
        _, s = _sfc_run(s, 12)
        return [s64(v) for v in s] + [0, 0]

    def get_state(self, st):
        return {"state": {"state": [u64(v) for v in st[0:4]]},
                "has_uint32": int(st[4]), "uinteger": int(st[5])}

    def set_state(self, value):
        s = [int(v) for v in value["state"]["state"]]
        return [s64(v) for v in s] + [int(value["has_uint32"]), int(value["uinteger"]) & M32]


# ----------------------------------------------------------------------------------------
# MT19937
# ----------------------------------------------------------------------------------------
MT_N, MT_M = 624, 397
MT_A, MT_U, MT_L = 0x9908B0DF, 0x80000000, 0x7FFFFFFF


def mt_twist(key):
    """One twist of the 624-word key (Python ints), as NumPy's mt19937_gen."""
    k = list(key)
    for i in range(MT_N):
        y = (k[i] & MT_U) | (k[(i + 1) % MT_N] & MT_L)
        k[i] = k[(i + MT_M) % MT_N] ^ (y >> 1) ^ (MT_A if y & 1 else 0)
    return k


def mt_temper(y):
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    return y ^ (y >> 18)


def mt_temper_t(y):
    y = y ^ (y >> 11)
    y = y ^ ((y << 7) & 0x9D2C5680)
    y = y ^ ((y << 15) & 0xEFC60000)
    return y ^ (y >> 18)


def mt_sequence(key, nwords):
    """Untempered words following a 624-word key tensor: the next ``nwords`` (a multiple
    of 624) of the infinite sequence whose first 624 words are ``key``.

    x[n+624] = x[n+397] ^ T(x[n], x[n+1]) only looks back 227 words or 623 and more, so
    623 words can be produced at once: first d[n] = T(x[n-624], x[n-623]) for the next
    623 positions, then x[n] = x[n-227] ^ d[n] in three slices of 227.
    """
    total = MT_N + nwords
    buf = torch.empty(total, dtype=I64, device=key.device)
    buf[:MT_N] = key
    p = MT_N
    while p < total:
        m = min(623, total - p)
        a = buf[p - 624:p - 624 + m]
        b = buf[p - 623:p - 623 + m]
        d = (((a & MT_U) | (b & MT_L)) >> 1) ^ ((b & 1) * MT_A)
        for s in range(0, m, 227):
            e = min(s + 227, m)
            torch.bitwise_xor(buf[p + s - 227:p + e - 227], d[s:e], out=buf[p + s:p + e])
        p += m
    return buf[MT_N:]


class MT19937Engine:
    name = "MT19937"
    nstate = MT_N + 1

    # host ----------------------------------------------------------------------------
    def hpeek32(self, st, n):
        key, pos = list(st[:MT_N]), int(st[MT_N])
        words, states = [], []
        for _ in range(n):
            if pos >= MT_N:
                key = mt_twist(key)
                pos = 0
            words.append(mt_temper(key[pos]))
            pos += 1
            states.append((key, pos))

        def after(k):
            k = _as_int(k)
            if k == 0:
                return list(st)
            kk, p = states[k - 1]
            return list(kk) + [p]
        return words, after

    def hpeek64(self, st, n):
        w, a32 = self.hpeek32(st, 2 * n)
        return [s64((w[2 * i] << 32) | w[2 * i + 1]) for i in range(n)], (lambda k: a32(2 * _as_int(k)))

    # tensor --------------------------------------------------------------------------
    def peek32(self, st, n):
        dev = st.device
        key, pos = st[:MT_N], st[MT_N]
        # words are key[pos:], then whole twists; pos is read only as a tensor, so
        # generate enough twists for the worst case pos = 0 and gather
        nt = -(-(n + MT_N) // MT_N)
        seq = torch.cat([key, mt_sequence(key, nt * MT_N)]) if n else key
        idx = torch.arange(n, dtype=I64, device=dev) + pos
        words = mt_temper_t(seq.index_select(0, idx)) if n else key[:0]

        def after(k):
            k = torch.as_tensor(k, dtype=I64, device=dev)
            p = pos + k
            blk = torch.div(p - 1, MT_N, rounding_mode="floor").clamp(min=0)
            new_pos = torch.where(k > 0, p - MT_N * blk, pos)
            off = torch.where(k > 0, blk, torch.zeros_like(blk)) * MT_N
            sel = torch.arange(MT_N, dtype=I64, device=dev) + off
            return torch.cat([seq.index_select(0, sel), new_pos.reshape(1)])
        return words, after

    def peek64(self, st, n):
        w, a32 = self.peek32(st, 2 * n)
        raws = (w[0::2] << 32) | w[1::2]
        return raws, (lambda k: a32(2 * torch.as_tensor(k, dtype=I64, device=st.device)))

    # seeding -------------------------------------------------------------------------
    def seed_state(self, words):
        """MT19937(SeedSequence): key[0] = 0x80000000, key[1:] from the sequence, pos 623."""
        return [0x80000000] + [int(w) for w in words[1:MT_N]] + [MT_N - 1]

    @staticmethod
    def legacy_seed(seed):
        """NumPy's mt19937_seed (a 32-bit integer seed)."""
        seed &= M32
        key = []
        for i in range(MT_N):
            key.append(seed)
            seed = (1812433253 * (seed ^ (seed >> 30)) + i + 1) & M32
        return key + [MT_N]

    @staticmethod
    def init_by_array(init_key):
        """NumPy's mt19937_init_by_array (array seeds)."""
        mt = MT19937Engine.legacy_seed(19650218)[:MT_N]
        i, j = 1, 0
        n = len(init_key)
        for _ in range(max(MT_N, n)):
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + init_key[j] + j) & M32
            i += 1
            j += 1
            if i >= MT_N:
                mt[0] = mt[MT_N - 1]
                i = 1
            if j >= n:
                j = 0
        for _ in range(MT_N - 1):
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & M32
            i += 1
            if i >= MT_N:
                mt[0] = mt[MT_N - 1]
                i = 1
        mt[0] = 0x80000000
        return mt + [MT_N]

    def get_state(self, st):
        return {"state": {"key": [int(v) for v in st[:MT_N]], "pos": int(st[MT_N])}}

    def set_state(self, value):
        inner = value["state"]
        key = [int(v) & M32 for v in inner["key"]]
        if len(key) != MT_N:
            raise ValueError("state must be 624 32-bit integers")
        return key + [int(inner["pos"])]


ENGINES = {"PCG64": PCG64Engine, "PCG64DXSM": PCG64DXSMEngine, "Philox": PhiloxEngine,
           "SFC64": SFC64Engine, "MT19937": MT19937Engine}
