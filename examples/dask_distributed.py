"""Scale a NumPy-style computation out with Dask: chunks are torchnp arrays, workers are processes.

    python examples/dask_distributed.py

Starts a LocalCluster of two worker processes on the loopback interface, splits a
torchnp array into chunks, and computes column statistics, a Gram matrix and a
per-chunk torchnp function on the workers. Dask schedules; every chunk, partial
result and final answer is a torchnp array.
"""
import logging

import dask.array as da
from dask.distributed import Client, LocalCluster

import torchnp as np


def standardize(block):
    """A function of one chunk, written with torchnp (any NumPy-style code works)."""
    return (block - block.mean(axis=0)) / block.std(axis=0)


def compute(client, data, chunk_rows=250, timeout=300):
    """Column means, the Gram matrix and standardized row norms of ``data``, on ``client``'s workers."""
    x = da.from_array(data, chunks=(chunk_rows, data.shape[1]))
    means = x.mean(axis=0)
    gram = x.T @ x
    norms = da.map_blocks(standardize, x, dtype=x.dtype).sum(axis=1)
    futures = client.compute([means, gram, norms])
    return [f.result(timeout=timeout) for f in futures]


def start_cluster(n_workers=2):
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
    return cluster, Client(cluster)


if __name__ == "__main__":
    cluster, client = start_cluster()
    try:
        data = np.random.default_rng(0).standard_normal((2000, 4))
        means, gram, norms = compute(client, data)
        print("types:", type(means).__module__, type(gram).__module__, type(norms).__module__)
        print("means close to 0:", bool(np.all(np.abs(means) < 0.1)))
        print("gram matches:", bool(np.allclose(gram, data.T @ data)))
        print("norms:", norms.shape, norms.dtype)
    finally:
        client.close()
        cluster.close()
