"""torchnp.fft: filled on first use by the plugins that provide it."""
from ._plugins import install_lazy_getattr as _install

_install(globals(), "fft")
