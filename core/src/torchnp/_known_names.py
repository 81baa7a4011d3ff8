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
    "utilities": "torchnp-utilities",
    "polynomial": "torchnp-polynomial",
    "reference": "torchnp-reference",  # opt-in: NumPy's answers (see _plugins.OPT_IN_PLUGINS)
}

# whole namespaces owned by one distribution
NAMESPACE_DISTRIBUTIONS = {
    "linalg": "torchnp-linalg",
    "fft": "torchnp-fft",
    "random": "torchnp-random",
    "testing": "torchnp-testing",
    "emath": "torchnp-mathroutines",
    "lib.stride_tricks": "torchnp-manipulation",
    "typing": "torchnp-utilities",
    "dtypes": "torchnp-utilities",
    "polynomial": "torchnp-polynomial",
}

# main-namespace names, by distribution (space-separated; each plugin fills its own line)
MAIN_NAMES = {
    "torchnp-ufuncs": "abs absolute acos acosh add arccos arccosh arcsin arcsinh arctan arctan2 arctanh asin asinh atan atan2 atanh bitwise_and bitwise_count bitwise_invert bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift bitwise_xor cbrt ceil conj conjugate copysign cos cosh deg2rad degrees divide divmod equal errstate exp exp2 expm1 fabs float_power floor floor_divide fmax fmin fmod frexp gcd geterr geterrcall greater greater_equal heaviside hypot invert isfinite isinf isnan isnat lcm ldexp left_shift less less_equal log log10 log1p log2 logaddexp logaddexp2 logical_and logical_not logical_or logical_xor matmul matvec maximum minimum mod modf multiply negative nextafter not_equal positive pow power rad2deg radians reciprocal remainder right_shift rint seterr seterrcall sign signbit sin sinh spacing sqrt square subtract tan tanh true_divide trunc ufunc vecdot vecmat",
    "torchnp-manipulation": (
        "reshape ravel shape size ndim transpose permute_dims matrix_transpose swapaxes moveaxis rollaxis expand_dims squeeze atleast_1d atleast_2d atleast_3d broadcast_to broadcast_arrays broadcast_shapes broadcast concatenate concat stack unstack vstack hstack dstack column_stack block split array_split vsplit hsplit dsplit tile repeat append insert delete resize trim_zeros flip fliplr flipud roll rot90 copyto require astype take take_along_axis put put_along_axis putmask place extract compress choose select where nonzero argwhere flatnonzero diagonal diag_indices diag_indices_from fill_diagonal tril_indices tril_indices_from triu_indices triu_indices_from mask_indices ix_ unravel_index ravel_multi_index r_ c_ s_ index_exp ndenumerate ndindex pad"
    ),
    "torchnp-sorting": ("all any isclose allclose array_equal array_equiv iscomplex iscomplexobj isreal isrealobj isscalar isneginf isposinf isfortran "
                        "may_share_memory shares_memory sort argsort lexsort partition argpartition sort_complex searchsorted argmax argmin nanargmax nanargmin count_nonzero "
                        "unique unique_all unique_counts unique_inverse unique_values intersect1d union1d setdiff1d setxor1d isin"),
    "torchnp-statistics": "sum prod cumsum cumprod cumulative_sum cumulative_prod nansum nanprod nancumsum nancumprod max min amax amin nanmax nanmin ptp mean average std var nanmean nanstd nanvar median nanmedian percentile quantile nanpercentile nanquantile cov corrcoef histogram histogram2d histogramdd histogram_bin_edges bincount digitize",
    "torchnp-mathroutines": "diff ediff1d gradient cross trapezoid interp convolve correlate around round fix i0 sinc nan_to_num angle real_if_close unwrap clip dot vdot inner outer kron tensordot trace packbits unpackbits bartlett blackman hamming hanning kaiser einsum einsum_path apply_along_axis apply_over_axes vectorize frompyfunc piecewise real imag iterable poly roots polyadd polysub polymul polydiv polyder polyint polyval polyfit poly1d",
    "torchnp-io": "save load savez savez_compressed savetxt loadtxt genfromtxt fromfile",
    "torchnp-utilities": "ScalarType typename asarray_chkfinite getbufsize setbufsize show_config show_runtime info get_include test flatiter nditer nested_iters fromstring fromregex memmap busday_count busday_offset busdaycalendar is_busday datetime_as_string datetime_data char strings rec recarray record ctypeslib f2py matrix asmatrix bmat",
}

_MAIN_INDEX = None


def distribution_for(namespace, name):
    """The distribution that provides ``name`` in ``namespace``, or None if unknown."""
    global _MAIN_INDEX
    if namespace:
        parts = namespace.split(".")
        for i in range(len(parts), 0, -1):  # "polynomial.chebyshev" -> "polynomial"
            dist = NAMESPACE_DISTRIBUTIONS.get(".".join(parts[:i]))
            if dist is not None:
                return dist
        return None
    if _MAIN_INDEX is None:
        _MAIN_INDEX = {n: dist for dist, names in MAIN_NAMES.items() for n in names.split()}
    if name in NAMESPACE_DISTRIBUTIONS:
        return NAMESPACE_DISTRIBUTIONS[name]
    return _MAIN_INDEX.get(name)
