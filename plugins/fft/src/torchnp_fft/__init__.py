"""torchnp plugin: numpy.fft."""
