"""torchnp plugin: sorting, searching, counting, set routines and logic functions."""
