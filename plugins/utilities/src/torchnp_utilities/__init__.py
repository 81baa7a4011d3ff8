"""torchnp plugin: utility functions, iteration helpers, typing, memmap."""
