"""SeedSequence (bit-exact with NumPy), bit generators, RandomState and the module functions."""
import inspect
import json

import numpy as np
import pytest
from hypothesis import given, strategies as st

import torchnp as tnp
from tests._oracle import to_np

from tests._api import API_PATH as API


def _scope(ns):
    if API.exists():
        return {e["name"] for e in json.loads(API.read_text())["namespaces"][ns]}
    return None


def test_every_public_name_present():
    names = _scope("numpy.random") or {n for n in dir(np.random) if not n.startswith("_")}
    missing = sorted(n for n in names if not hasattr(tnp.random, n))
    assert missing == []


@pytest.mark.parametrize("name", sorted(n for n in dir(np.random) if not n.startswith("_")
                                        and callable(getattr(np.random, n))
                                        and not isinstance(getattr(np.random, n), type)
                                        and n not in ("test",)))
def test_module_function_signature(name):
    # default_rng's device= is a documented keyword-only extension
    assert str(inspect.signature(getattr(tnp.random, name))).replace(", *, device=None", "") == \
        str(inspect.signature(getattr(np.random, name)))


# --- SeedSequence ---------------------------------------------------------------------
@given(entropy=st.one_of(st.integers(0, 2**200), st.lists(st.integers(0, 2**70), max_size=6)),
       spawn_key=st.lists(st.integers(0, 2**40), max_size=3),
       n=st.integers(0, 12), pool=st.sampled_from([4, 8]))
def test_seed_sequence_matches_numpy(entropy, spawn_key, n, pool):
    a = np.random.SeedSequence(entropy, spawn_key=tuple(spawn_key), pool_size=pool)
    b = tnp.random.SeedSequence(entropy, spawn_key=tuple(spawn_key), pool_size=pool)
    for dt in ("uint32", "uint64"):
        got = b.generate_state(n, getattr(tnp, dt))
        assert got.dtype == np.dtype(dt)
        np.testing.assert_array_equal(to_np(got), a.generate_state(n, dt))
    np.testing.assert_array_equal(to_np(b.pool), a.pool)
    for ca, cb in zip(a.spawn(2), b.spawn(2)):
        np.testing.assert_array_equal(to_np(cb.generate_state(4)), ca.generate_state(4))
        assert cb.spawn_key == ca.spawn_key


def test_seed_sequence_attributes_and_errors():
    s = tnp.random.SeedSequence(42)
    assert s.entropy == 42 and s.spawn_key == () and s.pool_size == 4
    s.spawn(3)
    assert s.n_children_spawned == 3 and s.state["n_children_spawned"] == 3
    assert s.generate_state(3).dtype == np.uint32  # default dtype
    assert isinstance(tnp.random.SeedSequence().entropy, int)
    with pytest.raises(TypeError):
        tnp.random.SeedSequence(1.5)
    with pytest.raises(ValueError):
        tnp.random.SeedSequence(-1)
    with pytest.raises(ValueError):
        tnp.random.SeedSequence(1).generate_state(2, tnp.int32)
    with pytest.raises(ValueError):
        tnp.random.SeedSequence(1, pool_size=2)
    assert "SeedSequence" in repr(s)


# --- bit generators ---------------------------------------------------------------------
BITGENS = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]


# --- RandomState and the module functions ---------------------------------------------
def test_seed_and_state_module_functions():
    tnp.random.seed(10)
    a = to_np(tnp.random.rand(5))
    tnp.random.seed(10)
    np.testing.assert_array_equal(to_np(tnp.random.rand(5)), a)
    state = tnp.random.get_state()
    assert state[0] == "MT19937"
    b = to_np(tnp.random.randn(6))
    tnp.random.set_state(state)
    np.testing.assert_array_equal(to_np(tnp.random.randn(6)), b)
    d = tnp.random.get_state(legacy=False)
    assert d["bit_generator"] == "MT19937"
    c = tnp.random.normal(size=3)
    tnp.random.set_state(d)
    np.testing.assert_array_equal(to_np(tnp.random.normal(size=3)), to_np(c))
    tnp.random.seed([1, 2, 3])
    tnp.random.seed(None)
    for bad, exc in [(-1, ValueError), (2**32, ValueError), (1.5, TypeError)]:
        with pytest.raises(exc):
            np.random.RandomState(bad)
        with pytest.raises(exc):
            tnp.random.seed(bad)


def test_legacy_simple_functions():
    rs = tnp.random.RandomState(3)
    assert isinstance(rs.rand(), float) and isinstance(rs.randn(), float)
    r = rs.rand(2, 3)
    assert r.shape == (2, 3) and r.dtype == np.float64
    assert rs.randn(4).shape == (4,)
    for name in ("random_sample", "random", "standard_normal", "standard_exponential"):
        assert isinstance(getattr(rs, name)(), float)
        assert getattr(rs, name)((2, 2)).shape == (2, 2)
    for fn in (tnp.random.ranf, tnp.random.sample, tnp.random.random_sample, tnp.random.random):
        a = to_np(fn(1000))
        assert a.shape == (1000,) and a.min() >= 0 and a.max() < 1
    x = rs.randint(5)
    assert type(x) is int and 0 <= x < 5
    assert isinstance(rs.randint(5, dtype=tnp.uint8), tnp.uint8)
    ri = to_np(rs.randint(-2, 3, size=1000))
    assert ri.dtype == np.int64 and ri.min() == -2 and ri.max() == 2
    assert type(rs.tomaxint()) is int
    with pytest.warns(DeprecationWarning):
        v = to_np(rs.random_integers(1, 6, size=1000))
    assert v.min() == 1 and v.max() == 6
    assert isinstance(rs.choice(5), int)
    assert rs.choice([1, 2, 3], size=(2, 2)).shape == (2, 2)
    assert sorted(to_np(rs.permutation(6))) == list(range(6))
    arr = tnp.asarray(np.arange(10))
    assert rs.shuffle(arr) is None and sorted(to_np(arr)) == list(range(10))
    assert len(rs.bytes(5)) == 5
    with pytest.raises(IndexError):
        np.random.RandomState(0).permutation(np.array(5.0))
    with pytest.raises(IndexError):
        rs.permutation(tnp.asarray(5.0))


@pytest.mark.parametrize("args,kw", [((5, 3), {}), ((-1,), {"dtype": np.uint8}), ((0,), {}),
                                     ((0, 300), {"dtype": np.uint8})])
def test_randint_errors(args, kw):
    tkw = {k: getattr(tnp, np.dtype(v).name) for k, v in kw.items()}
    with pytest.raises(Exception) as np_exc:
        np.random.RandomState(0).randint(*args, **kw)
    with pytest.raises(type(np_exc.value)) as t_exc:
        tnp.random.RandomState(0).randint(*args, **tkw)
    assert str(t_exc.value) == str(np_exc.value)


def test_bit_generator_get_set():
    bg = tnp.random.get_bit_generator()
    assert isinstance(bg, tnp.random.MT19937)
    new = tnp.random.PCG64(1)
    tnp.random.set_bit_generator(new)
    try:
        a = to_np(tnp.random.rand(3))
        np.testing.assert_array_equal(a, to_np(tnp.random.Generator(tnp.random.PCG64(1)).random(3)))
    finally:
        tnp.random.set_bit_generator(bg)
