"""The README's main job: examples/demo.py prints the same through torchnp as through NumPy."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_demo_output_matches_numpy(tmp_path):
    source = open(os.path.join(ROOT, "examples", "demo.py")).read()
    assert "import torchnp as np" in source
    numpy_version = tmp_path / "demo_numpy.py"
    numpy_version.write_text(source.replace("import torchnp as np", "import numpy as np"))
    ours = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "demo.py")],
                          capture_output=True, text=True, timeout=300)
    theirs = subprocess.run([sys.executable, str(numpy_version)], capture_output=True, text=True, timeout=300)
    assert ours.returncode == 0, ours.stderr
    assert theirs.returncode == 0, theirs.stderr
    assert ours.stdout == theirs.stdout
