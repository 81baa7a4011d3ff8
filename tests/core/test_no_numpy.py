"""torchnp's runtime needs torch and pluggy only: it works with NumPy blocked.

``import torch`` imports NumPy when it is installed, so looking at sys.modules
proves nothing; instead NumPy is made unimportable before anything else runs.
"""
import subprocess
import sys
import textwrap

CODE = textwrap.dedent("""
    import sys
    sys.modules["numpy"] = None
    import warnings
    warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
    import io
    import torchnp as np
    from torchnp import _plugins

    for ns in sorted(_plugins.all_namespaces()):
        mod = _plugins.namespace_module(ns)
        names = dir(mod)
        assert names, ns
        for name in names:
            getattr(mod, name)

    a = np.arange(6.0).reshape(2, 3)
    results = [
        np.sin(a).sum(), a + 1, a @ a.T, np.mean(a, axis=0), np.sort(a[:, ::-1]),
        np.concatenate([a, a]), np.unique(np.array([3, 1, 3])),
        np.linalg.solve(np.eye(2) * 2, np.ones(2)), np.fft.fft(np.ones(4)),
        np.random.default_rng(0).normal(size=3).shape, np.emath.sqrt(-1.0),
        repr(a), str(np.float32(0.1)), np.einsum("ij->j", a),
    ]
    np.testing.assert_allclose(a, a)
    buf = io.BytesIO()
    np.save(buf, a)
    buf.seek(0)
    assert np.load(buf).tolist() == a.tolist()
    assert "numpy" not in {m.split(".")[0] for m in sys.modules if sys.modules[m] is not None}
    print("ok", len(results))
""")


def test_runs_with_numpy_blocked():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.split()[0] == "ok"
