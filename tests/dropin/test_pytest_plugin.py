"""``pytest --torchnp``: a project's own tests run with numpy resolved to torchnp."""
import importlib.metadata
import textwrap

from tests.dropin._dropin_util import run

PROJECT = {
    "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '-p no:cacheprovider'\n",
    "conftest.py": """
        import numpy as np
        import pytest

        @pytest.fixture
        def grid():
            return np.arange(6.0).reshape(2, 3)
    """,
    "mylib/__init__.py": "",
    "mylib/core.py": """
        import numpy as np

        def normalize(x):
            return (x - x.mean()) / x.std()
    """,
    "tests/test_mine.py": """
        import os
        import numpy as np
        import pandas
        from mylib.core import normalize

        EXPECT = os.environ["EXPECT_NUMPY"]

        def test_numpy_module(grid):
            assert np.__name__ == EXPECT
            assert type(grid).__module__.split(".")[0] == EXPECT

        def test_project_code():
            out = normalize(np.array([1.0, 2.0, 3.0]))
            assert type(out).__module__.split(".")[0] == EXPECT
            np.testing.assert_allclose(out, [-1.224744871391589, 0.0, 1.224744871391589])

        def test_installed_library_keeps_numpy():
            assert type(pandas.Series([1.0]).values).__module__ == "numpy"
    """,
}


def _project(tmp_path):
    for name, text in PROJECT.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return tmp_path


def test_entry_point_is_registered():
    eps = [e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "torchnp"]
    assert eps and eps[0].value == "torchnp_pytest"


def test_runs_project_tests_on_torchnp(tmp_path):
    _project(tmp_path)
    proc = run(["-m", "pytest", "--torchnp", "-q", str(tmp_path)], cwd=tmp_path,
               EXPECT_NUMPY="torchnp")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "3 passed" in proc.stdout


def test_without_the_option_numpy_is_numpy(tmp_path):
    _project(tmp_path)
    proc = run(["-m", "pytest", "-q", str(tmp_path)], cwd=tmp_path, EXPECT_NUMPY="numpy")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "3 passed" in proc.stdout


def test_header_and_failures_are_reported(tmp_path):
    _project(tmp_path)
    # the same tests expecting NumPy fail under --torchnp: the redirect is really on
    proc = run(["-m", "pytest", "--torchnp", str(tmp_path)], cwd=tmp_path, EXPECT_NUMPY="numpy")
    assert proc.returncode == 1
    assert "torchnp: `import numpy` resolved to torchnp under " + str(tmp_path.resolve()) in proc.stdout
    assert "2 failed, 1 passed" in proc.stdout


def test_plugin_module_is_cheap_when_unused():
    proc = run(["-c", "import sys, torchnp_pytest; print('torch' in sys.modules, "
                      "'torchnp' in sys.modules)"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False"]
