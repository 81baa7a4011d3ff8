"""torchnp plugin: numpy.random, legacy and Generator."""
