"""A NumPy program, run through torchnp: the same code with `import numpy as np` gives the same output."""
import torchnp as np

rng = np.random.default_rng(12345)

# a noisy signal and its spectrum
t = np.linspace(0.0, 1.0, 256, endpoint=False)
signal = np.sin(2 * np.pi * 12 * t) + 0.5 * np.sin(2 * np.pi * 40 * t)
spectrum = np.abs(np.fft.rfft(signal))
freqs = np.fft.rfftfreq(t.size, d=t[1] - t[0])
print("strongest frequencies:", np.sort(freqs[np.argsort(spectrum)[-2:]]))

# least squares: recover a line from exact samples
x = np.arange(10.0)
A = np.stack([x, np.ones_like(x)], axis=1)
coef, residuals, rank, sv = np.linalg.lstsq(A, 3.0 * x - 2.0, rcond=None)
print("slope, intercept:", np.round(coef, 6), "rank:", rank)

# a linear system and a check
M = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
b = np.array([1.0, 2.0, 3.0])
sol = np.linalg.solve(M, b)
print("solve:", sol, "residual ok:", np.allclose(M @ sol, b))

# statistics with integer and float data
data = np.array([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]], dtype=np.int32)
print("sum:", data.sum(), data.sum().dtype, "| mean by row:", data.mean(axis=1))
print("median:", np.median(data), "| percentile 90:", np.percentile(data, 90))
print("unique:", np.unique(data))

# NumPy 2 promotion: Python scalars are weak
small = np.array([1, 2, 3], dtype=np.int8)
print("int8 + 1 ->", (small + 1).dtype, "| float32 * 2.0 ->", (np.float32(1.5) * 2.0).dtype)

# views write through
grid = np.zeros((3, 4))
grid[::2, 1:3] = 7
grid.T[0] = -1
print(grid)

# random numbers: shape and dtype (values depend on the bit generator)
sample = rng.normal(size=(2, 3))
print("normal sample:", sample.shape, sample.dtype)
