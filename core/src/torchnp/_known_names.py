"""Which distribution provides which names, for "install X" messages.

Core cannot import a plugin that is not installed, so this table records, for
the built-in plugins, the namespaces and main-namespace names each provides.
Each built-in plugin keeps its own entry up to date.
"""

# entry-point name -> distribution
BUILTIN_PLUGINS = {
    "ufuncs": "torchnp-ufuncs",
    "linalg": "torchnp-linalg",
    "fft": "torchnp-fft",
    "random": "torchnp-random",
    "manipulation": "torchnp-manipulation",
    "sorting": "torchnp-sorting",
    "statistics": "torchnp-statistics",
    "mathroutines": "torchnp-mathroutines",
    "io": "torchnp-io",
    "testing": "torchnp-testing",
}

# whole namespaces owned by one distribution
NAMESPACE_DISTRIBUTIONS = {
    "linalg": "torchnp-linalg",
    "fft": "torchnp-fft",
    "random": "torchnp-random",
    "testing": "torchnp-testing",
    "emath": "torchnp-mathroutines",
    "lib.stride_tricks": "torchnp-manipulation",
}

# main-namespace names, by distribution (space-separated; each plugin fills its own line)
MAIN_NAMES = {
    "torchnp-ufuncs": "",
    "torchnp-manipulation": "",
    "torchnp-sorting": "",
    "torchnp-statistics": "",
    "torchnp-mathroutines": "",
    "torchnp-io": "",
}

_MAIN_INDEX = None


def distribution_for(namespace, name):
    """The distribution that provides ``name`` in ``namespace``, or None if unknown."""
    global _MAIN_INDEX
    if namespace:
        return NAMESPACE_DISTRIBUTIONS.get(namespace)
    if _MAIN_INDEX is None:
        _MAIN_INDEX = {n: dist for dist, names in MAIN_NAMES.items() for n in names.split()}
    if name in NAMESPACE_DISTRIBUTIONS:
        return NAMESPACE_DISTRIBUTIONS[name]
    return _MAIN_INDEX.get(name)
