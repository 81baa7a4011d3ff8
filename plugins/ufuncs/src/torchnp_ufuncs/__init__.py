"""torchnp plugin: every NumPy ufunc as a ufunc object, and the ndarray operators."""
