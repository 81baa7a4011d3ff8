"""Utility names: differential checks against NumPy, the loud names, typing and dtypes."""
import contextlib
import io
import math
import typing

import numpy as np
import pytest

import torchnp as tnp
from tests._oracle import assert_same, check
from torchnp import _plugins

# every main-namespace name the utilities plugin registers, with how it is tested
MAIN_TABLE = {
    "ScalarType": "value", "typename": "differential", "asarray_chkfinite": "differential",
    "getbufsize": "differential", "setbufsize": "differential", "show_config": "output",
    "show_runtime": "output", "info": "output", "get_include": "loud", "test": "loud",
    "flatiter": "class", "nditer": "differential (test_nditer.py)", "nested_iters": "loud",
    "fromstring": "differential (test_text_memmap.py)", "fromregex": "differential + loud",
    "memmap": "round trip (test_text_memmap.py)",
    "busday_count": "loud", "busday_offset": "loud", "busdaycalendar": "loud", "is_busday": "loud",
    "datetime_as_string": "loud", "datetime_data": "loud",
    "char": "loud module", "strings": "loud module", "rec": "loud module", "recarray": "loud",
    "record": "loud", "ctypeslib": "loud module", "f2py": "loud module",
    "matrix": "differential (test_matrix.py)", "asmatrix": "differential (test_matrix.py)",
    "bmat": "differential (test_matrix.py)",
}


def _registered(namespace):
    from torchnp_utilities import _plugin

    class _Collect:
        def __init__(self):
            self.names = set()

        def add_module(self, mod, namespace=""):
            self.names.update(mod.__all__)

        def add_function(self, name, fn, namespace="", normalize=True):
            self.names.add(name)

        def add_object(self, name, value, namespace=""):
            self.names.add(name)

        def add_lazy(self, names, register, namespace=""):
            self.names.update(names.split() if isinstance(names, str) else names)

    reg = _Collect()
    _plugin.register_namespace(registry=reg, namespace=namespace)
    return reg.names


def test_table_covers_registered_names():
    assert _registered("") == set(MAIN_TABLE)


def test_known_names_line_matches_registration():
    from torchnp._known_names import MAIN_NAMES
    assert set(MAIN_NAMES["torchnp-utilities"].split()) == set(MAIN_TABLE)


@pytest.mark.parametrize("name", sorted(MAIN_TABLE))
def test_names_are_published_by_this_plugin(name):
    assert hasattr(tnp, name)
    assert name in np.__dict__ or hasattr(np, name)
    losers = [c for c in _plugins._state.conflicts if c[0] == "" and c[1] == name]
    assert not losers, f"{name} is registered by several plugins: {losers}"


def test_signatures_match_numpy():
    import inspect
    for name in ("typename", "asarray_chkfinite", "getbufsize", "setbufsize", "show_config",
                 "show_runtime", "info", "get_include", "test", "fromregex", "busday_count",
                 "busday_offset", "is_busday", "datetime_as_string", "datetime_data"):
        assert str(inspect.signature(getattr(tnp, name))) == str(inspect.signature(getattr(np, name))), name
    assert list(inspect.signature(tnp.nditer).parameters) == list(inspect.signature(np.nditer).parameters)
    assert list(inspect.signature(tnp.memmap).parameters) == list(inspect.signature(np.memmap).parameters)


# --- ScalarType / typename --------------------------------------------------
def test_scalar_type_layout():
    names = [t.__name__ for t in tnp.ScalarType]
    expected = [t.__name__ for t in np.ScalarType if t.__name__ not in ("longlong", "ulonglong")]
    assert names == expected  # torchnp's longlong/ulonglong are int64/uint64
    assert all(isinstance(t, type) for t in tnp.ScalarType)


TYPECHARS = list("?bBhHiIlLqQefdgFDGSUVOMmc") + ["S1", "float", "x"]


@pytest.mark.parametrize("char", TYPECHARS)
def test_typename(char):
    check("typename", char)


# --- asarray_chkfinite ------------------------------------------------------
CHKFINITE = [
    ([1, 2, 3], {}),
    ([1.0, 2.5], {}),
    ([1.0, np.inf], {}),
    ([np.nan], {}),
    ([[1.0, -np.inf]], {}),
    (np.array([1 + 2j, complex(np.nan, 0)]), {}),
    (np.array([1 + 2j, 3j]), {}),
    (np.arange(6.0).reshape(2, 3)[:, ::2], {}),
    (np.zeros((0, 3)), {}),
    (np.float64(3.0), {}),
    (np.array(np.inf), {}),
    (np.array([1, 2], dtype=np.uint16), {}),
    (np.array([True, False]), {}),
    ([1, 2], {"dtype": np.float32}),
    ([1, 2], {"dtype": "f2"}),
    ([1.5, 2.5], {"dtype": np.int64}),
    (np.arange(6.0).reshape(2, 3), {"order": "F"}),
    (np.arange(6.0).reshape(2, 3), {"order": "C"}),
    ([1, 2], {"order": "X"}),
]


@pytest.mark.parametrize("a,kw", CHKFINITE, ids=[f"case{i}" for i in range(len(CHKFINITE))])
def test_asarray_chkfinite(a, kw):
    got = check("asarray_chkfinite", a, **kw)
    if kw.get("order") == "F" and isinstance(got, tnp.ndarray):
        assert got.flags.f_contiguous


def test_asarray_chkfinite_message():
    with pytest.raises(ValueError, match="array must not contain infs or NaNs"):
        tnp.asarray_chkfinite([0.0, tnp.nan])


def test_asarray_chkfinite_float32_inf():
    with pytest.raises(ValueError):
        tnp.asarray_chkfinite(tnp.asarray([1, np.inf], dtype=tnp.float32))


# --- buffer size ------------------------------------------------------------
@pytest.fixture
def restore_bufsize():
    old_np, old_t = np.getbufsize(), tnp.getbufsize()
    yield
    np.setbufsize(old_np)
    tnp.setbufsize(old_t)


@pytest.mark.parametrize("size", [16, 8192, 10_000_000, 10_000_016, 0, 4, 5, 8, -1, 3.5])
def test_setbufsize(size, restore_bufsize):
    assert tnp.getbufsize() == np.getbufsize()
    check("setbufsize", size)
    assert tnp.getbufsize() == np.getbufsize()


# --- printing helpers ------------------------------------------------------
def _stdout(fn, *a, **k):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        r = fn(*a, **k)
    return r, buf.getvalue()


def test_show_config():
    r, text = _stdout(tnp.show_config)
    assert r is None and "torch" in text and "version" in text
    cfg = tnp.show_config(mode="dicts")
    assert isinstance(cfg, dict) and cfg["torch"]["version"]
    with pytest.raises(AttributeError):
        tnp.show_config(mode="x")


def test_show_runtime():
    r, text = _stdout(tnp.show_runtime)
    assert r is None and "torch_version" in text and "num_threads" in text and "cpu" in text


def test_info_object_name_array_and_none():
    out = io.StringIO()
    tnp.info(tnp.typename, output=out)
    assert "typename(char)" in out.getvalue() and "Mirrors" in out.getvalue()
    out = io.StringIO()
    tnp.info("typename", output=out)
    assert "Found in torchnp" in out.getvalue()
    out = io.StringIO()
    tnp.info(tnp.arange(6.0).reshape(2, 3), output=out)
    text = out.getvalue()
    assert "shape:  (2, 3)" in text and "type:  float64" in text
    out = io.StringIO()
    tnp.info(None, output=out)
    assert "info(object=None" in out.getvalue()
    out = io.StringIO()
    tnp.info("no_such_name_anywhere", output=out)
    assert "not found" in out.getvalue()
    _, text = _stdout(tnp.info, tnp.float64)
    assert text.strip()


# --- loud names ---------------------------------------------------------------
LOUD_CALLS = {
    "get_include": lambda: tnp.get_include(),
    "test": lambda: tnp.test(),
    "busday_count": lambda: tnp.busday_count("2011-01", "2011-02"),
    "busday_offset": lambda: tnp.busday_offset("2011-10", 0, roll="forward"),
    "is_busday": lambda: tnp.is_busday("2011-01-01"),
    "busdaycalendar": lambda: tnp.busdaycalendar(),
    "datetime_as_string": lambda: tnp.datetime_as_string([0]),
    "datetime_data": lambda: tnp.datetime_data("M8[s]"),
    "recarray": lambda: tnp.recarray((2,), dtype=[("x", "i4")]),
    "record": lambda: tnp.record(),
    "nested_iters": lambda: tnp.nested_iters(tnp.arange(3), [[0], []]),
}


@pytest.mark.parametrize("name", sorted(LOUD_CALLS))
def test_loud_calls(name):
    with pytest.raises(NotImplementedError, match=name):
        LOUD_CALLS[name]()


@pytest.mark.parametrize("mod,attr", [("char", "upper"), ("strings", "add"), ("rec", "array"),
                                      ("rec", "fromarrays"), ("ctypeslib", "as_array"),
                                      ("f2py", "compile")])
def test_loud_submodules(mod, attr):
    import types
    m = getattr(tnp, mod)
    assert isinstance(m, types.ModuleType) and m.__name__ == f"torchnp.{mod}"
    with pytest.raises(NotImplementedError, match=f"torchnp.{mod}.{attr}"):
        getattr(m, attr)
    assert not hasattr(m, "__path__") and not hasattr(m, "_private")  # introspection stays quiet
    assert dir(m) == []


# --- flatiter -----------------------------------------------------------------
def test_flatiter_is_the_class_of_flat():
    a = tnp.arange(6).reshape(2, 3)
    assert isinstance(a.flat, tnp.flatiter)
    assert type(a.flat) is tnp.flatiter
    assert_same(a.T.flat[3], np.arange(6).reshape(2, 3).T.flat[3])


# --- typing -------------------------------------------------------------------
def test_typing_namespace():
    from torchnp.typing import ArrayLike, DTypeLike, NBitBase, NDArray
    alias = NDArray[tnp.float64]
    assert typing.get_origin(alias) is tnp.ndarray
    assert typing.get_args(typing.get_args(alias)[1]) == (tnp.float64,)
    assert tnp.ndarray in typing.get_args(ArrayLike)
    assert tnp.dtype in typing.get_args(DTypeLike)
    with pytest.raises(TypeError):
        isinstance(tnp.zeros(2), NDArray)  # as with NumPy, generic aliases can't be isinstance-checked

    def f(x: NDArray[tnp.int64]) -> NDArray[tnp.float64]:
        return x

    assert typing.get_type_hints(f)["x"] == NDArray[tnp.int64]
    with pytest.raises(TypeError):
        class _Bits(NBitBase):
            pass
    assert sorted(dir(tnp.typing)) == sorted(n for n in dir(np.typing) if not n.startswith("_"))


# --- dtypes -------------------------------------------------------------------
SUPPORTED_DTYPE_CLASSES = [n for n in dir(np.dtypes) if not n.startswith("_")
                           and np.dtypes.__dict__[n].type.__name__ in
                           {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                            "uint64", "float16", "float32", "float64", "complex64", "complex128",
                            "longlong", "ulonglong"}]
UNSUPPORTED_DTYPE_CLASSES = [n for n in dir(np.dtypes) if not n.startswith("_")
                             and n not in SUPPORTED_DTYPE_CLASSES]


def test_dtypes_namespace_names():
    assert sorted(dir(tnp.dtypes)) == sorted(n for n in dir(np.dtypes) if not n.startswith("_"))


@pytest.mark.parametrize("name", SUPPORTED_DTYPE_CLASSES)
def test_dtype_classes(name):
    cls = getattr(tnp.dtypes, name)
    np_dt = np.dtypes.__dict__[name]()
    name_t = {"longlong": "int64", "ulonglong": "uint64"}.get(np_dt.type.__name__, np_dt.name)
    d = tnp.dtype(name_t)
    assert isinstance(d, cls) and cls() is d and issubclass(cls, tnp.dtype)
    others = [tnp.dtype(x) for x in ("bool", "int8", "float32", "complex128") if x != name_t]
    assert not any(isinstance(o, cls) for o in others)
    assert cls.type is d.type
    assert not isinstance(name_t, cls)


@pytest.mark.parametrize("name", UNSUPPORTED_DTYPE_CLASSES)
def test_unsupported_dtype_classes_are_loud(name):
    cls = getattr(tnp.dtypes, name)
    with pytest.raises(NotImplementedError, match=name):
        cls()
    assert not any(isinstance(tnp.dtype(x), cls) for x in ("float64", "int64", "bool"))


def test_dtype_lookup_not_slowed():
    # the dtype classes must not change what torchnp.dtype returns
    assert type(tnp.dtype("f8")) is tnp.dtype
    assert tnp.dtype("f8") is tnp.dtype(tnp.float64)


def test_iterable_matches_numpy():
    for obj in (3, [1], (), "ab", np.array(3), np.arange(2), np.float64(1), {1: 2}, None):
        assert tnp.iterable(to := (tnp.asarray(obj) if isinstance(obj, np.ndarray) else obj)) \
            == np.iterable(obj), to
    assert math.isfinite(float(tnp.asarray_chkfinite([1.0])[0]))
