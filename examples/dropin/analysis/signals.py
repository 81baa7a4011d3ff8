"""Spectra and smoothing."""
import numpy as np
from numpy.fft import rfft, rfftfreq


def dominant_frequencies(signal, spacing, k):
    spectrum = np.abs(rfft(signal))
    freqs = rfftfreq(signal.size, d=spacing)
    return np.sort(freqs[np.argsort(spectrum)[-k:]])


def smooth(values, width):
    kernel = np.ones(width) / width
    return np.convolve(values, kernel, mode="valid")
