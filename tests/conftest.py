import os

import pytest
from hypothesis import settings

# ci: deterministic (derandomized, no example database) so a run is reproducible;
# dev: random and longer, for hunting bugs locally (HYPOTHESIS_PROFILE=dev)
settings.register_profile("ci", deadline=None, max_examples=30, print_blob=True, derandomize=True,
                          database=None)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config, items):
    import torch
    if torch.cuda.is_available():
        return
    skip = pytest.mark.skip(reason="no CUDA device on this machine")
    for item in items:
        if "cuda" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    config.addinivalue_line("markers", "cuda: needs a CUDA device (skipped without one)")
    config.addinivalue_line("markers", "slow: slower than a second or two")
