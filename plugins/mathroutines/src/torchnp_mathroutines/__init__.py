"""torchnp plugin: math routines, products and einsum, polynomials, windows, functional tools, numpy.emath."""
