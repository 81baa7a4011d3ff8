"""torchnp code runs under torch.compile with the same results as eagerly."""
import pytest
import torch

import torchnp as np


def program(t):
    a = np.asarray(t)
    b = np.sin(a) * 2.0 + a.sum(axis=0)
    c = np.where(b > 0, b, -b)[:, ::-1]
    d = np.linalg.inv(c @ c.T + np.eye(4))
    return (np.mean(d, axis=1, keepdims=True) + np.fft.fft(a).real).tensor


@pytest.mark.parametrize("backend", ["eager", "aot_eager"])
def test_compiled_matches_eager(backend):
    torch._dynamo.reset()
    t = torch.randn(4, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    expected = program(t)
    got = torch.compile(program, backend=backend)(t)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    torch.testing.assert_close(got, expected)


def test_compiled_graph_breaks_are_few():
    torch._dynamo.reset()
    t = torch.randn(4, 4, dtype=torch.float64)

    def small(t):
        a = np.asarray(t)
        return (np.sin(a) * 2.0 + a.sum(axis=0)).tensor
    explanation = torch._dynamo.explain(small)(t)
    assert explanation.graph_break_count <= 2, [str(r.reason) for r in explanation.break_reasons]
