"""Example torchnp plugin: ``torchnp.special`` and ``torchnp.softmax``."""
