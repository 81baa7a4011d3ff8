"""Dask arrays of torchnp chunks; xarray and pandas objects built on torchnp arrays."""
import dask
import dask.array as da
import numpy
import pandas as pd
import pytest
import xarray as xr

import torchnp


@pytest.fixture(autouse=True)
def _synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture
def data():
    return torchnp.arange(24.0).reshape(4, 6) - 7.5


def test_from_array_chunks_are_torchnp(data):
    x = da.from_array(data, chunks=(2, 3))
    assert x.dtype == numpy.float64 and x.chunks == ((2, 2), (3, 3))
    assert type(x._meta) is torchnp.ndarray
    blocks = [b.compute() for b in x.blocks]
    assert all(type(b) is torchnp.ndarray for b in blocks)
    assert type(x.compute()) is torchnp.ndarray and x.compute().tolist() == data.tolist()


@pytest.mark.parametrize("op", [
    lambda x: x.sum(), lambda x: x.mean(axis=0), lambda x: x.std(axis=1), lambda x: x.max(),
    lambda x: (x ** 2).sum(axis=1), lambda x: x @ x.T, lambda x: abs(x).min(axis=0),
    lambda x: da.sin(x).sum(), lambda x: x.cumsum(axis=1),
])
def test_reductions_return_torchnp(data, op):
    got = op(da.from_array(data, chunks=(2, 3))).compute()
    want = op(numpy.asarray(data))
    assert isinstance(got, (torchnp.ndarray, torchnp.generic))
    numpy.testing.assert_allclose(numpy.asarray(got), want, rtol=1e-12)
    assert numpy.dtype(got.dtype) == want.dtype


def test_map_blocks_runs_torchnp_code(data):
    x = da.from_array(data, chunks=(2, 6))
    kinds = x.map_blocks(lambda b: torchnp.full((1, 1), type(b) is torchnp.ndarray), chunks=(1, 1),
                         dtype=bool).compute()
    assert kinds.tolist() == [[True], [True]]


def test_xarray_dataarray(data):
    arr = xr.DataArray(data, dims=("t", "x"), coords={"t": [0, 1, 2, 3]})
    assert type(arr.data) is torchnp.ndarray  # kept as a duck array
    s = arr.sum("t")
    assert type(s.data) is torchnp.ndarray
    assert s.values.tolist() == numpy.asarray(data).sum(axis=0).tolist()
    assert float(arr.mean()) == numpy.asarray(data).mean()
    assert arr.sel(t=2).values.tolist() == data[2].tolist()


def test_pandas(data):
    s = pd.Series(data[0])
    assert s.sum() == numpy.asarray(data[0]).sum() and s.dtype == numpy.float64
    df = pd.DataFrame(data, columns=list("abcdef"))
    assert df.mean().tolist() == numpy.asarray(data).mean(axis=0).tolist()
    assert df.describe().loc["max"].tolist() == numpy.asarray(data).max(axis=0).tolist()
    assert pd.DataFrame({"x": torchnp.arange(3), "y": torchnp.ones(3)}).sum().tolist() == [3.0, 3.0]
