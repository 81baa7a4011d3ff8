"""The bit generators equal NumPy's: raw streams for every seed form, state dicts both ways,
advance, jumped, spawn, RandomState's legacy seeding, pickling."""
import pickle

import numpy as np
import pytest

import torchnp as tnp
from tests.random._exact import assert_same, path, to_np

BITGENS = ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"]
SEEDS = [0, 1, 42, 2**32 - 1, 2**100 + 7, [1, 2, 3], None]


def _pair(name, seed):
    if seed is None:  # a SeedSequence with a spawn key
        return (getattr(np.random, name)(np.random.SeedSequence(5, spawn_key=(3, 1))),
                getattr(tnp.random, name)(tnp.random.SeedSequence(5, spawn_key=(3, 1))))
    return getattr(np.random, name)(seed), getattr(tnp.random, name)(seed)


def _state_np(st):
    """A state dict with arrays as NumPy arrays (torchnp's hold torchnp arrays)."""
    if isinstance(st, dict):
        return {k: _state_np(v) for k, v in st.items()}
    if isinstance(st, tnp.ndarray):
        return to_np(st)
    return st


def _assert_state_equal(a, b):
    a, b = _state_np(a), _state_np(b)
    assert a.keys() == b.keys()
    for k in a:
        if isinstance(a[k], dict):
            _assert_state_equal(a[k], b[k])
        elif isinstance(a[k], np.ndarray):
            assert a[k].dtype == b[k].dtype
            np.testing.assert_array_equal(a[k], b[k])
        else:
            assert a[k] == b[k] and type(a[k]) is type(b[k]), (k, a[k], b[k])


@pytest.mark.parametrize("mode", ["native", "tensor"])
@pytest.mark.parametrize("seed", SEEDS, ids=str)
@pytest.mark.parametrize("name", BITGENS)
def test_random_raw_and_state(name, seed, mode):
    nb, tb = _pair(name, seed)
    _assert_state_equal(tb.state, nb.state)
    with path(mode):
        for n in (0, 1, 5, 64, 65, 700):
            assert_same(tb.random_raw(n), nb.random_raw(n), f"random_raw({n})")
        assert_same(tb.random_raw(), nb.random_raw(), "random_raw()")
        assert tb.random_raw(output=False) is None and nb.random_raw(output=False) is None
        assert_same(tb.random_raw((2, 3)), nb.random_raw((2, 3)), "random_raw((2, 3))")
    _assert_state_equal(tb.state, nb.state)


@pytest.mark.parametrize("name", BITGENS)
def test_state_dicts_interchange(name):
    nb, tb = _pair(name, 2024)
    n, t = np.random.Generator(nb), tnp.random.Generator(tb)
    # leave a buffered 32-bit half (and, for MT19937, a position inside the key)
    n.integers(0, 10, size=3, dtype=np.uint32)
    tb.state = nb.state                      # NumPy's state into torchnp
    assert_same(t.integers(0, 2**32, 5, dtype=tnp.uint32), n.integers(0, 2**32, 5, dtype=np.uint32))
    assert_same(tb.random_raw(3), nb.random_raw(3))
    t.integers(0, 10, size=1, dtype=tnp.uint32)
    nb.state = _state_np(tb.state)           # and back
    n2 = np.random.Generator(nb)
    assert_same(t.random(4), n2.random(4))
    _assert_state_equal(tb.state, nb.state)
    with pytest.raises(ValueError):
        tb.state = {"bit_generator": "other", "state": {}}
    with pytest.raises(TypeError):
        tb.state = [1, 2]


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox"])
@pytest.mark.parametrize("delta", [0, 1, 12345, 2**64 + 3, 2**130 + 1])
def test_advance(name, delta):
    nb, tb = _pair(name, 7)
    nb.random_raw(3)
    tb.random_raw(3)
    assert tb.advance(delta) is tb
    nb.advance(delta)
    assert_same(tb.random_raw(9), nb.random_raw(9))
    _assert_state_equal(tb.state, nb.state)


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox", "MT19937"])
@pytest.mark.parametrize("jumps", [1, 2])
def test_jumped(name, jumps):
    nb, tb = _pair(name, 3)
    nb.random_raw(5)
    tb.random_raw(5)
    nj, tj = nb.jumped(jumps), tb.jumped(jumps)
    assert type(tj) is type(tb)
    _assert_state_equal(tj.state, nj.state)
    assert_same(tj.random_raw(7), nj.random_raw(7))
    assert_same(tb.random_raw(2), nb.random_raw(2))   # the original is unchanged


def test_sfc64_has_no_jump():
    assert hasattr(tnp.random.SFC64(0), "jumped") == hasattr(np.random.SFC64(0), "jumped")


@pytest.mark.parametrize("name", BITGENS)
def test_spawn(name):
    nb, tb = _pair(name, 99)
    for nk, tk in zip(nb.spawn(2), tb.spawn(2)):
        assert type(tk) is type(tb)
        assert_same(tk.random_raw(4), nk.random_raw(4))
    assert_same(tb.spawn(1)[0].random_raw(2), nb.spawn(1)[0].random_raw(2))  # a third child
    ng, tg = np.random.default_rng(5), tnp.random.default_rng(5)
    for nk, tk in zip(ng.spawn(3), tg.spawn(3)):
        assert_same(tk.standard_normal(3), nk.standard_normal(3))


def test_philox_key_and_counter():
    for kw in [{"key": 7}, {"key": 2**127 + 5, "counter": 3}, {"counter": 2**255 + 2**70},
               {"key": [1, 2]}, {"counter": [1, 2, 3, 4]}]:
        seed = None if "key" in kw else 11
        nb = np.random.Philox(seed, **kw)
        tb = tnp.random.Philox(seed, **kw)
        _assert_state_equal(tb.state, nb.state)
        assert_same(tb.random_raw(9), nb.random_raw(9))
    with pytest.raises(ValueError):
        tnp.random.Philox(1, key=2)


LEGACY_SEEDS = [0, 1, 123456789, 2**32 - 1, [0], [1, 2, 3], list(range(700)),
                np.array([5, 6], dtype=np.uint32), np.int64(77)]


@pytest.mark.parametrize("seed", LEGACY_SEEDS, ids=lambda s: str(s)[:20])
def test_legacy_seeding(seed):
    n = np.random.RandomState(seed)
    t = tnp.random.RandomState(tnp.asarray(seed) if isinstance(seed, np.ndarray) else seed)
    a, b = n.get_state(), t.get_state()
    assert b[0] == a[0] and b[2] == a[2] and b[3] == a[3] and b[4] == a[4]
    np.testing.assert_array_equal(to_np(b[1]), a[1])
    assert to_np(b[1]).dtype == np.uint32
    assert_same(t.random_sample(5), n.random_sample(5))
    np.random.seed(seed)
    tnp.random.seed(tnp.asarray(seed) if isinstance(seed, np.ndarray) else seed)
    assert_same(tnp.random.random_sample(3), np.random.random_sample(3))
    bn = np.random.MT19937()
    bt = tnp.random.MT19937()
    bn._legacy_seeding(seed)
    bt._legacy_seeding(tnp.asarray(seed) if isinstance(seed, np.ndarray) else seed)
    _assert_state_equal(bt.state, bn.state)


@pytest.mark.parametrize("bad", [-1, 2**32, 1.5, [], [[1, 2]], [-1], [2**32]], ids=str)
def test_legacy_seeding_errors(bad):
    with pytest.raises(Exception) as e:
        np.random.RandomState(bad)
    with pytest.raises(type(e.value)) as t:
        tnp.random.RandomState(bad)
    assert str(t.value) == str(e.value)


def test_seed_none_and_reseeding_in_place():
    bg = tnp.random.get_bit_generator()
    tnp.random.seed(None)
    assert tnp.random.get_bit_generator() is bg   # reseeded in place, as NumPy does
    k1 = to_np(tnp.random.get_state()[1])
    tnp.random.seed(None)
    assert not np.array_equal(k1, to_np(tnp.random.get_state()[1]))
    assert to_np(tnp.random.get_state()[1])[0] == 0x80000000
    rs = tnp.random.RandomState(tnp.random.PCG64(1))
    with pytest.raises(TypeError, match="can only re-seed a MT19937 BitGenerator"):
        rs.seed(3)


def test_legacy_state_tuples_and_dicts_interchange():
    n, t = np.random.RandomState(8), tnp.random.RandomState(8)
    n.randn(3)                               # a cached normal
    t.set_state(n.get_state())
    assert_same(t.randn(5), n.randn(5))
    n.randn(1)
    t.set_state(n.get_state(legacy=False))
    assert_same(t.standard_normal(3), n.standard_normal(3))
    st = t.get_state()
    n.set_state((st[0], to_np(st[1]), st[2], st[3], st[4]))
    assert_same(t.randn(2), n.randn(2))
    d = t.get_state(legacy=False)
    assert d["bit_generator"] == "MT19937" and set(d) == set(n.get_state(legacy=False))
    n.set_state(_state_np(d))
    assert_same(t.randn(3), n.randn(3))
    t.set_state(("MT19937", n.get_state()[1], 624))  # the short legacy tuple
    n.set_state(("MT19937", n.get_state()[1], 624))
    assert_same(t.random_sample(700), n.random_sample(700))
    with pytest.warns(RuntimeWarning, match="legacy can only be used"):
        tnp.random.RandomState(tnp.random.PCG64(0)).get_state()


@pytest.mark.parametrize("name", BITGENS)
def test_pickle(name):
    _, tb = _pair(name, 31)
    tb.random_raw(3)
    g = tnp.random.Generator(tb)
    g2 = pickle.loads(pickle.dumps(g))
    assert_same(g2.random(5), to_np(g.random(5)))
    rs = tnp.random.RandomState(4)
    rs.randn(1)
    rs2 = pickle.loads(pickle.dumps(rs))
    assert_same(rs2.randn(3), to_np(rs.randn(3)))


def test_seed_sequence_words_and_default_rng_forms():
    ss = tnp.random.SeedSequence(2**70 + 5, spawn_key=(1,))
    nss = np.random.SeedSequence(2**70 + 5, spawn_key=(1,))
    for dt in ("uint32", "uint64"):
        np.testing.assert_array_equal(to_np(ss.generate_state(7, getattr(tnp, dt))),
                                      nss.generate_state(7, dt))
    assert_same(tnp.random.default_rng(ss).random(3), np.random.default_rng(nss).random(3))
    g = tnp.random.default_rng(3)
    assert tnp.random.default_rng(g) is g
    bg = tnp.random.MT19937(3)
    assert tnp.random.default_rng(bg).bit_generator is bg
    assert_same(tnp.random.default_rng([1, 2]).random(2), np.random.default_rng([1, 2]).random(2))
    assert_same(tnp.random.default_rng(tnp.asarray(np.array([4, 5], dtype=np.uint32))).random(2),
                np.random.default_rng(np.array([4, 5], dtype=np.uint32)).random(2))


def test_lock_is_lazy_and_usable():
    bg = tnp.random.PCG64(0)
    assert "_lock" not in bg.__dict__
    with bg.lock:
        pass
    assert bg.lock is bg.lock
