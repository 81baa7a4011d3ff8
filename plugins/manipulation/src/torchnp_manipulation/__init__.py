"""torchnp plugin: array manipulation and indexing routines, numpy.lib.stride_tricks."""
