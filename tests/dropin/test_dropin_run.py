"""``torchnp run``: an unmodified NumPy program runs on torchnp, libraries keep NumPy.

Every case runs in a fresh process, as a user would run it.
"""
import os
import shutil
import sys
import textwrap

import pytest

from tests.dropin._dropin_util import ROOT, run, torchnp_run

DEMO = os.path.join(ROOT, "examples", "dropin")


def write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return folder


# --- the "done when" program: several modules, star import, linalg, random ----------
@pytest.mark.parametrize("seed", ["0", "12345"])
def test_multi_module_program_prints_what_numpy_prints(seed):
    source = open(os.path.join(DEMO, "main.py")).read()
    assert "torchnp" not in source.split('"""', 2)[2]  # unmodified NumPy code
    for needle in ("from numpy import *", "import numpy.linalg as la",
                   "from numpy.random import default_rng"):
        assert needle in source
    theirs = run([os.path.join(DEMO, "main.py"), seed])
    ours = torchnp_run([os.path.join(DEMO, "main.py"), seed])
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout == theirs.stdout
    assert ours.stdout.count("\n") > 10


def test_console_script_runs_the_program():
    exe = shutil.which("torchnp", path=os.path.dirname(sys.executable) + os.pathsep
                       + os.environ.get("PATH", ""))
    assert exe is not None, "the torchnp console script is not installed (pip install -e .)"
    import subprocess
    from tests.dropin._dropin_util import env
    ours = subprocess.run([exe, "run", "main.py", "3"], cwd=DEMO, capture_output=True, text=True,
                          timeout=240, env=env())
    theirs = run(["main.py", "3"], cwd=DEMO)
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout == theirs.stdout


# --- who gets torchnp ----------------------------------------------------------------
PROBE = {
    "prog/main.py": """
        import sys
        import numpy as np
        import numpy.linalg, numpy.fft as F
        from numpy.random import default_rng
        from numpy.lib.stride_tricks import sliding_window_view
        import numpy.polynomial.chebyshev as C
        import numpy.typing as npt, numpy.exceptions as E, numpy.testing as T
        from numpy.lib import scimath
        import helper, pkg.inner
        import outside
        import libpkg.mod
        print("main", np.__name__, numpy.linalg.__name__, F.__name__, C.__name__, npt.__name__,
              E.__name__, T.__name__, scimath.__name__, default_rng is np.random.default_rng)
        print("window", sliding_window_view(np.arange(4), 2).shape)
        print("helper", helper.np.__name__, pkg.inner.np.__name__)
        print("outside", outside.np.__name__, "libpkg", libpkg.mod.np.__name__)
        print("venv", __import__("vendored").np.__name__)
        print("sys.modules", sys.modules["numpy"].__name__, type(np.zeros(2)).__module__)
        print("argv", sys.argv[1:])
    """,
    "prog/helper.py": "import numpy as np\n",
    "prog/pkg/__init__.py": "",
    "prog/pkg/inner.py": "import numpy as np\n",
    # an installed library below the script's folder (a virtualenv there)
    "prog/.venv/lib/python3/site-packages/vendored.py": "import numpy as np\n",
    # modules outside the script's folder: like installed libraries, real NumPy
    "lib/outside.py": "import numpy as np\n",
    "lib/libpkg/__init__.py": "",
    "lib/libpkg/mod.py": "import numpy as np\n",
}


def _probe(tmp_path, *options):
    write(tmp_path, PROBE)
    sys_path = os.pathsep.join([str(tmp_path / "lib"),
                                str(tmp_path / "prog/.venv/lib/python3/site-packages"),
                                os.environ.get("PYTHONPATH", "")])
    proc = torchnp_run([*options, str(tmp_path / "prog" / "main.py"), "a", "--b"],
                       PYTHONPATH=sys_path)
    assert proc.returncode == 0, proc.stderr
    return dict(line.split(" ", 1) for line in proc.stdout.splitlines())


def test_script_and_its_folder_get_torchnp_libraries_keep_numpy(tmp_path):
    out = _probe(tmp_path)
    assert out["main"] == ("torchnp torchnp.linalg torchnp.fft torchnp.polynomial.chebyshev "
                           "torchnp.typing torchnp.exceptions torchnp.testing torchnp.emath "
                           "True")
    assert out["window"] == "(3, 2)"
    assert out["helper"] == "torchnp torchnp"
    assert out["outside"] == "numpy libpkg numpy"
    assert out["venv"] == "numpy"
    # sys.modules keeps the real NumPy for everyone else; the script's arrays are torchnp's
    assert out["sys.modules"] == "numpy torchnp._ndarray"
    assert out["argv"] == "['a', '--b']"


def test_include_maps_a_named_package(tmp_path):
    out = _probe(tmp_path, "--include", "libpkg")
    assert out["outside"] == "numpy libpkg torchnp"
    out = _probe(tmp_path, "--include=outside,libpkg")
    assert out["outside"] == "torchnp libpkg torchnp"


def test_module_mode_runs_like_python_m(tmp_path):
    write(tmp_path, {"app/__init__.py": "", "app/__main__.py": """
        import sys
        import numpy as np
        from . import core
        print(np.__name__, core.total(np.arange(5)), sys.argv[1:])
    """, "app/core.py": """
        import numpy
        def total(x):
            return int(numpy.sum(x))
    """})
    proc = torchnp_run(["-m", "app", "x"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["torchnp", "10", "['x']"]


# --- failures are loud -----------------------------------------------------------------
@pytest.mark.parametrize("code, error, fragment", [
    ("import numpy as np\nnp.frobnicate(1)\n", "AttributeError",
     "module 'torchnp' has no attribute 'frobnicate'"),
    ("from numpy import frobnicate\n", "ImportError", "frobnicate"),
    ("import numpy.ma\n", "ModuleNotFoundError", "no module named 'numpy.ma'"),
    ("from numpy.linalg import frobnicate\n", "ImportError", "frobnicate"),
])
def test_missing_names_fail_loudly(tmp_path, code, error, fragment):
    write(tmp_path, {"s.py": code})
    proc = torchnp_run([str(tmp_path / "s.py")])
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(error + ":"), proc.stderr
    assert fragment in last
    # the traceback is the script's, as `python s.py` prints it: no runpy or torchnp run frames
    assert 'File "' + str(tmp_path / "s.py") in proc.stderr or "s.py" in proc.stderr
    assert "runpy" not in proc.stderr and "_run.py" not in proc.stderr


def test_exit_status_and_usage(tmp_path):
    write(tmp_path, {"s.py": "import sys\nsys.exit(3)\n"})
    assert torchnp_run([str(tmp_path / "s.py")]).returncode == 3
    proc = torchnp_run([str(tmp_path / "missing.py")])
    assert proc.returncode == 2 and "can't open file" in proc.stderr
    proc = torchnp_run([])
    assert proc.returncode == 2 and "usage: torchnp run" in proc.stderr
    proc = torchnp_run(["--frob", "s.py"])
    assert proc.returncode == 2 and "unknown option '--frob'" in proc.stderr
    proc = run(["-m", "torchnp", "run", "--help"])
    assert proc.returncode == 0 and "--include PKG" in proc.stdout


def test_c_level_imports_keep_real_numpy(tmp_path):
    # pickle imports classes through C (not an import statement): a real NumPy array
    # pickled by a library must unpickle as one even inside a redirected script
    write(tmp_path, {"s.py": """
        import importlib, pickle
        import numpy as np
        real = importlib.import_module("numpy")
        back = pickle.loads(pickle.dumps(real.arange(3)))
        print(np.__name__, type(back).__module__, back.tolist())
    """})
    proc = torchnp_run([str(tmp_path / "s.py")])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["torchnp", "numpy", "[0,", "1,", "2]"]


# --- devices ---------------------------------------------------------------------------
def test_device_option(tmp_path):
    write(tmp_path, {"s.py": "import numpy as np\nprint(np.ones(2).device)\n"})
    proc = torchnp_run(["--device", "cpu", str(tmp_path / "s.py")])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "cpu"
    proc = torchnp_run(["--device", "nonsense", str(tmp_path / "s.py")])
    assert proc.returncode == 2 and "--device 'nonsense'" in proc.stderr


def test_device_cuda_refused_without_a_gpu(tmp_path):
    import torch
    if torch.cuda.is_available():
        pytest.skip("a CUDA device is present (test_device_cuda runs instead)")
    write(tmp_path, {"s.py": "print('ran')\n"})
    proc = torchnp_run(["--device", "cuda", str(tmp_path / "s.py")])
    assert proc.returncode == 2
    assert "no CUDA device" in proc.stderr and "ran" not in proc.stdout


@pytest.mark.cuda
def test_device_cuda(tmp_path):
    write(tmp_path, {"s.py": """
        import numpy as np
        a = np.arange(4.0)
        print(a.device.type, (a @ a), np.linalg.norm(np.eye(2)).dtype)
    """})
    proc = torchnp_run(["--device", "cuda", str(tmp_path / "s.py")])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["cuda", "14.0", "float64"]


@pytest.fixture
def redirect(tmp_path):
    from torchnp import _run
    _run.install([tmp_path], ["somepkg"])
    yield _run
    _run.uninstall()


def test_decisions(redirect, tmp_path):
    import builtins
    assert builtins.__import__ is redirect._import
    wants = redirect.wants_torchnp
    assert wants({"__name__": "m", "__file__": str(tmp_path / "m.py")})
    assert wants({"__name__": "a.b", "__file__": str(tmp_path / "a" / "b.py")})
    assert wants({"__name__": "somepkg.x", "__file__": "/elsewhere/somepkg/x.py"})
    assert wants({"__name__": "__main__"})  # python -c
    assert not wants({"__name__": "m", "__file__": str(tmp_path / "site-packages" / "m.py")})
    assert not wants({"__name__": "m", "__file__": "/elsewhere/m.py"})
    assert not wants({"__name__": "torchnp_reference._numpy_calls",
                      "__file__": str(tmp_path / "r.py")})
    assert not wants(None)
    # this test module lies outside tmp_path: its imports are untouched
    import numpy
    assert numpy.__name__ == "numpy"


def test_uninstall_restores_import(redirect):
    import builtins
    redirect.uninstall()
    assert builtins.__import__ is not redirect._import and redirect.installed() is None
