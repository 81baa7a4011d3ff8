"""Where the NumPy API listing (shared/api/numpy_api.json) is: beside the repository."""
import pathlib

_ROOT = pathlib.Path(__file__).resolve().parent.parent
API_PATH = next((p for p in (_ROOT.parent / "shared" / "api" / "numpy_api.json",
                             pathlib.Path("/work/shared/api/numpy_api.json")) if p.exists()),
                _ROOT.parent / "shared" / "api" / "numpy_api.json")
