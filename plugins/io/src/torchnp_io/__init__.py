"""torchnp plugin: NumPy's .npy/.npz and text I/O."""
