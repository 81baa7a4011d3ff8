"""torchnp plugin: numpy.polynomial."""
