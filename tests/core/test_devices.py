"""Devices: ``device=`` on creation routines, torch's default device, ``_like`` following
the prototype, and printing from any device. The ``meta`` device stands in for an
accelerator on CPU-only machines (it has storage-free tensors on a non-CPU device);
``@pytest.mark.cuda`` tests run where CUDA is available."""
import numpy as np
import pytest
import torch

import torchnp as tnp

CREATORS = {
    "zeros": lambda **k: tnp.zeros(3, **k),
    "ones": lambda **k: tnp.ones((2, 2), **k),
    "empty": lambda **k: tnp.empty(2, **k),
    "full": lambda **k: tnp.full(3, 1.5, **k),
    "eye": lambda **k: tnp.eye(3, **k),
    "arange-int": lambda **k: tnp.arange(5, **k),
    "arange-float": lambda **k: tnp.arange(0.5, 3, 0.5, **k),
    "asarray": lambda **k: tnp.asarray([1.5, 2.0], **k),
    "linspace": lambda **k: tnp.linspace(0, 1, 5, **k),
    # the variants below take other fast paths (built in host memory when the result
    # goes to the CPU, by kernels elsewhere): each must still honour the device
    "ones-tuple": lambda **k: tnp.ones((2, 3), **k),
    "full-int": lambda **k: tnp.full((2,), 7, **k),
    "arange-int-range": lambda **k: tnp.arange(2, 9, 3, **k),
    "arange-float-host": lambda **k: tnp.arange(0, 1, 0.1, **k),
    "arange-float-long": lambda **k: tnp.arange(0, 100, 0.3, **k),
    "arange-empty": lambda **k: tnp.arange(5, 1, **k),
    "asarray-ints": lambda **k: tnp.asarray([1, 2, 3], **k),
    "asarray-2d": lambda **k: tnp.asarray([[1.5, 2.0], [3.0, 4.0]], **k),
    "linspace-long": lambda **k: tnp.linspace(0, 1, 100, **k),
}
DEFAULT_ONLY = {  # no device= parameter in NumPy: torch's default device applies
    "array": lambda: tnp.array([1, 2]),
    "array-floats": lambda: tnp.array([[1.5], [2.5]]),
    "identity": lambda: tnp.identity(2),
    "tri": lambda: tnp.tri(3),
    "indices": lambda: tnp.indices((2, 2)),
    "logspace": lambda: tnp.logspace(0, 1, 3),
    # geomspace is left out: NumPy's "cannot include zero" check reads values (meta has none)
    "mgrid": lambda: tnp.mgrid[0:3, 0:2],
    "meshgrid": lambda: tnp.meshgrid([1, 2], [3])[0],
}


@pytest.mark.parametrize("device", ["cpu", torch.device("cpu"), "meta"], ids=str)
@pytest.mark.parametrize("name", list(CREATORS))
def test_device_argument(name, device):
    a = CREATORS[name](device=device)
    assert a.tensor.device == torch.device(device)
    assert a.device == torch.device(device)


@pytest.mark.parametrize("name", list(CREATORS) + list(DEFAULT_ONLY))
def test_default_device_context(name):
    make = CREATORS.get(name) or DEFAULT_ONLY[name]
    with torch.device("meta"):
        a = make()
    assert a.tensor.device.type == "meta"
    assert make().tensor.device.type == "cpu"


def test_set_default_device():
    from torch.overrides import _get_current_function_mode_stack
    # restoring "cpu" would leave a device mode active for later tests; None removes it
    old = torch.get_default_device() if _get_current_function_mode_stack() else None
    torch.set_default_device("meta")
    try:
        assert tnp.zeros(2).tensor.device.type == "meta"
        assert tnp.arange(3).tensor.device.type == "meta"
        assert tnp.linspace(0, 1, 3).tensor.device.type == "meta"
        assert tnp.asarray([1.0, 2.0]).tensor.device.type == "meta"
        assert tnp.arange(0, 1, 0.1).tensor.device.type == "meta"
    finally:
        torch.set_default_device(old)


@pytest.mark.parametrize("name", ["zeros_like", "ones_like", "empty_like", "full_like"])
def test_like_follows_prototype(name):
    proto = tnp.asarray(torch.empty((2, 3), dtype=torch.float32, device="meta"))
    args = (proto, 7) if name == "full_like" else (proto,)
    r = getattr(tnp, name)(*args)
    assert r.tensor.device.type == "meta"
    assert r.dtype == tnp.float32
    assert r.shape == (2, 3)
    assert getattr(tnp, name)(*args, device="cpu").tensor.device.type == "cpu"


@pytest.mark.parametrize("name", ["tril", "triu", "diag", "vander", "copy"])
def test_results_stay_on_input_device(name):
    x = tnp.asarray(torch.empty((3, 3), device="meta"))
    if name in ("vander",):
        x = x[0]
    assert getattr(tnp, name)(x).tensor.device.type == "meta"


def test_asarray_device_copy_rules():
    a = tnp.arange(3)
    assert tnp.asarray(a, device="cpu").tensor is a.tensor  # already there: no copy
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        tnp.asarray(a, device="meta", copy=False)
    # NumPy's class for a device it does not understand (torch's RuntimeError must not leak)
    for bad in (12.5, [], "abc", "cudaa:0"):
        with pytest.raises(ValueError, match="Device not understood"):
            tnp.zeros(2, device=bad)
        with pytest.raises(ValueError):
            np.zeros(2, device=bad)


def test_frombuffer_stays_on_host():
    # a view of host memory, as NumPy's; moving it would be a copy
    assert tnp.frombuffer(b"ab", dtype="uint8").tensor.device.type == "cpu"


# --- CUDA -------------------------------------------------------------------------------------
@pytest.mark.cuda
@pytest.mark.parametrize("device", ["cuda", "cuda:0", torch.device("cuda")], ids=str)
@pytest.mark.parametrize("name", list(CREATORS))
def test_cuda_device_argument(name, device):
    a = CREATORS[name](device=device)
    assert a.tensor.device.type == "cuda"


@pytest.mark.cuda
@pytest.mark.parametrize("name", list(CREATORS) + list(DEFAULT_ONLY))
def test_cuda_default_device(name):
    make = CREATORS.get(name) or DEFAULT_ONLY[name]
    with torch.device("cuda"):
        a = make()
    assert a.tensor.device.type == "cuda"


@pytest.mark.cuda
def test_cuda_values_and_printing():
    import numpy as np
    a = tnp.linspace(0, 1, 7, device="cuda")
    np.testing.assert_allclose(a.tensor.cpu().numpy(), np.linspace(0, 1, 7))
    assert repr(a) == repr(np.linspace(0, 1, 7))
    big = tnp.arange(5000.0, device="cuda")
    assert repr(big) == repr(np.arange(5000.0))
    assert tnp.zeros_like(a).tensor.device.type == "cuda"
    assert tnp.mgrid[0:2, 0:2].tensor.device.type == "cpu"  # default device, not cuda
