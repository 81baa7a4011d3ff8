"""torchnp plugin: numpy.linalg."""
