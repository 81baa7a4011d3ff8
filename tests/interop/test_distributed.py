"""examples/dask_distributed.py on a LocalCluster of worker processes (loopback only)."""
import os
import runpy

import dask
import numpy
import pytest

import torchnp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = runpy.run_path(os.path.join(ROOT, "examples", "dask_distributed.py"))


@pytest.fixture(scope="module")
def client():
    cluster, client = EXAMPLE["start_cluster"](n_workers=2)
    try:
        client.wait_for_workers(2, timeout=120)
        yield client
    finally:
        client.close(timeout=30)
        cluster.close(timeout=30)


@pytest.mark.slow
def test_chunked_computation_on_worker_processes(client):
    assert all(addr.startswith("tcp://127.0.0.1:") for addr in client.scheduler_info()["workers"])
    data = torchnp.random.default_rng(1).standard_normal((1000, 3))
    means, gram, norms = EXAMPLE["compute"](client, data, chunk_rows=200, timeout=120)
    ref = numpy.asarray(data)
    for got in (means, gram, norms):
        assert type(got) is torchnp.ndarray
    numpy.testing.assert_allclose(numpy.asarray(means), ref.mean(axis=0), rtol=1e-12)
    numpy.testing.assert_allclose(numpy.asarray(gram), ref.T @ ref, rtol=1e-12)
    blocks = [ref[i:i + 200] for i in range(0, 1000, 200)]
    want = numpy.concatenate([((b - b.mean(0)) / b.std(0)).sum(1) for b in blocks])
    numpy.testing.assert_allclose(numpy.asarray(norms), want, rtol=1e-10, atol=1e-12)


@pytest.mark.slow
def test_chunks_live_as_torchnp_arrays_in_other_processes(client):
    import dask.array as da
    x = da.from_array(torchnp.arange(12.0).reshape(6, 2), chunks=(2, 2))
    where = [dask.delayed(lambda b: (type(b).__module__, os.getpid()))(d)
             for d in x.to_delayed().ravel()]
    results = [f.result(timeout=120) for f in client.compute(where)]
    assert {kind for kind, _ in results} == {"torchnp._ndarray"}
    assert os.getpid() not in {pid for _, pid in results}
