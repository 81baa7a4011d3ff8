"""torchnp plugin: numpy.testing."""
