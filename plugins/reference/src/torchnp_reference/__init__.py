"""torchnp-reference: torchnp's namespaces answered by real NumPy.

An opt-in plugin: it is loaded only when selected (``TORCHNP_SELECT=fft=reference``)
or by compare mode (``TORCHNP_COMPARE=linalg``). Each function converts its
torchnp arguments to NumPy, calls NumPy and converts the result back.
"""
