"""torchnp plugin: reductions, statistics and NaN-aware reductions."""
