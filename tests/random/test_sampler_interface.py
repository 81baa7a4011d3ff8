"""The bit-generator layer's contract: a bit generator that brings its own sampler
(as a NumPy-exact one would) is used by every Generator and RandomState method,
fast paths included, without changing the callers."""
import torch

import torchnp as tnp
from torchnp_random._bit_generator_impl import TorchBitGenerator
from torchnp_random._distributions_impl import TorchSampler


class ConstantSampler(TorchSampler):
    """Draws that are easy to recognise: uniforms are 0.25, integers are ``low``."""

    def random(self, shape, dtype=torch.float64):
        shape = (shape,) if isinstance(shape, int) else shape  # samplers get an int or a tuple
        return torch.full(shape, 0.25, dtype=dtype, device=self.device)

    def integers(self, shape, low, high, dtype):
        shape = (shape,) if isinstance(shape, int) else shape
        low = low if isinstance(low, torch.Tensor) else torch.tensor(low, device=self.device)
        return torch.broadcast_to(low, shape).to(dtype).clone()


class ConstantBitGenerator(TorchBitGenerator):
    def _sampler(self, device, legacy=False, gauss=None):
        return ConstantSampler(self._torch_generator(device), device)


def test_own_sampler_reaches_every_path():
    g = tnp.random.Generator(ConstantBitGenerator(0))
    assert g.integers(3, 10, size=5).tolist() == [3] * 5
    assert g.integers(3, 10) == 3
    assert g.choice(10, 4).tolist() == [0] * 4
    assert g.choice(10, 3, replace=True, shuffle=False).tolist() == [0] * 3
    assert g.random(3).tolist() == [0.25] * 3
    assert g.bytes(3) == b"\x00\x00\x00"
    rs = tnp.random.RandomState(ConstantBitGenerator(0))
    assert rs.randint(2, 9, size=4).tolist() == [2] * 4
    assert rs.random_sample(2).tolist() == [0.25] * 2
