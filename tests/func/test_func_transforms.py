"""torch.func transforms run through torchnp code: grad, vjp, jacrev and vmap.

Each case is a NumPy-style function of one tensor written with torchnp, and the
same computation in raw torch; the transform of both must agree. The cases are
the ones that used to fail (views, reshapes that copy, dtype casts, slice
assignment, reversed views) plus reductions and ufuncs.
"""
from __future__ import annotations

import pytest
import torch
from torch.func import grad, jacrev, vjp, vmap

import torchnp as np


def _t(x):
    return x.tensor if isinstance(x, (np.ndarray, np.generic)) else x


def _slice_assign(a):
    u = a.copy()
    u[1:-1] = 0.5 * (a[:-2] + a[2:])
    return u


def _slice_assign_t(a):
    u = a.clone()
    u[1:-1] = 0.5 * (a[:-2] + a[2:])
    return u


# name -> (torchnp function of an ndarray, raw torch function of a tensor); input shape (4, 6)
CASES = {
    "astype": (lambda a: a.astype(np.float32).astype(np.float64), lambda t: t.float().double()),
    "flatten": (lambda a: a.flatten(), lambda t: t.flatten()),
    "ravel": (lambda a: a.ravel(), lambda t: t.reshape(-1)),
    "ravel-of-transpose": (lambda a: a.T.ravel(), lambda t: t.T.reshape(-1)),
    "transpose": (lambda a: np.transpose(a), lambda t: t.T),
    "T": (lambda a: a.T, lambda t: t.T),
    "squeeze": (lambda a: np.squeeze(a[None, :, None]), lambda t: t),
    "swapaxes": (lambda a: a.swapaxes(0, 1), lambda t: t.transpose(0, 1)),
    "reshape-view": (lambda a: a.reshape(2, 12), lambda t: t.reshape(2, 12)),
    "reshape-copy": (lambda a: a.T.reshape(24), lambda t: t.T.reshape(24)),
    "expand_dims": (lambda a: np.expand_dims(a, 1), lambda t: t.unsqueeze(1)),
    "moveaxis": (lambda a: np.moveaxis(a[..., None], -1, 0), lambda t: t[..., None].movedim(-1, 0)),
    "broadcast_to": (lambda a: np.broadcast_to(a, (3, 4, 6)), lambda t: t.expand(3, 4, 6)),
    "basic-index": (lambda a: a[1:3, ::2], lambda t: t[1:3, ::2]),
    "reversed": (lambda a: a[::-1, ::2] * 2, lambda t: t.flip(0)[:, ::2] * 2),
    "flip": (lambda a: np.flip(a, 1) + a, lambda t: t.flip(1) + t),
    "fancy-index": (lambda a: a[[0, 2, 2]], lambda t: t[[0, 2, 2]]),
    "slice-assign": (_slice_assign, _slice_assign_t),
    "concatenate": (lambda a: np.concatenate([a, a[:1]], axis=0), lambda t: torch.cat([t, t[:1]])),
    "ufuncs": (lambda a: np.sin(a) * np.exp(-a ** 2) + np.sqrt(a * a + 1),
               lambda t: torch.sin(t) * torch.exp(-t ** 2) + torch.sqrt(t * t + 1)),
    "where": (lambda a: np.where(a > 0, a, 0.1 * a), lambda t: torch.where(t > 0, t, 0.1 * t)),
    "reductions": (lambda a: a.sum(axis=0) + a.mean(axis=0) + np.std(a, axis=0),
                   lambda t: t.sum(0) + t.mean(0) + t.std(0, correction=0)),
    "max-keepdims": (lambda a: a - a.max(axis=1, keepdims=True),
                     lambda t: t - t.amax(1, keepdim=True)),
    "matmul": (lambda a: a @ a.T, lambda t: t @ t.T),
    "einsum": (lambda a: np.einsum("ij,kj->ik", a, a), lambda t: torch.einsum("ij,kj->ik", t, t)),
    "norm": (lambda a: np.linalg.norm(a, axis=1), lambda t: torch.linalg.vector_norm(t, dim=1)),
    "cumsum-diff": (lambda a: np.diff(np.cumsum(a, axis=1), axis=1),
                    lambda t: torch.diff(torch.cumsum(t, 1), dim=1)),
    "clip": (lambda a: np.clip(a, -0.5, 0.5), lambda t: torch.clamp(t, -0.5, 0.5)),
}


def _x():
    return torch.randn(4, 6, dtype=torch.float64, generator=torch.Generator().manual_seed(0))


@pytest.mark.parametrize("name", list(CASES))
def test_grad(name):
    f, g = CASES[name]
    ours = grad(lambda t: _t(f(np.asarray(t))).sum())(_x())
    theirs = grad(lambda t: g(t).sum())(_x())
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize("name", list(CASES))
def test_vjp_and_jacrev(name):
    f, g = CASES[name]
    out, pull = vjp(lambda t: _t(f(np.asarray(t))), _x())
    out_t, pull_t = vjp(g, _x())
    torch.testing.assert_close(out, out_t)
    cot = torch.ones_like(out_t)
    torch.testing.assert_close(pull(cot)[0], pull_t(cot)[0])
    x = _x()
    torch.testing.assert_close(jacrev(lambda t: _t(f(np.asarray(t))))(x), jacrev(g)(x))


@pytest.mark.parametrize("name", list(CASES))
def test_vmap(name):
    f, g = CASES[name]
    xs = torch.randn(3, 4, 6, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    ours = vmap(lambda t: _t(f(np.asarray(t))))(xs)
    torch.testing.assert_close(ours, vmap(g)(xs))


def test_grad_of_a_scalar_result():
    # a reduction to a torchnp scalar: its tensor carries the gradient
    x = _x()
    ours = grad(lambda t: np.sum(np.tanh(np.asarray(t)) ** 2).tensor)(x)
    torch.testing.assert_close(ours, grad(lambda t: (torch.tanh(t) ** 2).sum())(x))


def test_vmap_over_rows_with_masks_and_in_place_update():
    def step(row):
        a = np.asarray(row).copy()
        a[a < 0] = 0.0
        a *= 2
        return (a + a[::-1]).tensor

    def step_t(row):
        a = row.clone()
        a = torch.where(a < 0, torch.zeros_like(a), a)
        a = a * 2
        return a + a.flip(0)
    xs = torch.randn(5, 7, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    torch.testing.assert_close(vmap(step)(xs), vmap(step_t)(xs))
