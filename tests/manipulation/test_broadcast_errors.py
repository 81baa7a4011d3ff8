"""Differential regressions: broadcast errors of choose/select/insert (issue #12).

NumPy raises ValueError (shape mismatch / could not broadcast); torch's RuntimeError
leaked before."""
import numpy as np
import pytest

from _oracle import check

CASES = [
    ("choose", (np.broadcast_to(np.asarray([[[1], [1]], [[0], [1]], [[1], [1]], [[1], [0]]]),
                                (4, 2, 1)),
                [np.asarray([[[7]], [[5]], [[0]], [[2]]], dtype=np.uint16),
                 np.ones((5, 3, 2), dtype=np.int64)])),
    ("select", ([np.ones((2, 4), bool), np.ones((2, 4), bool)], [np.ones((2, 4)), np.ones((3, 5))])),
    ("insert", (np.broadcast_to(np.asarray([[[True], [True]]]), (1, 2, 1)), 0,
                np.asarray([[[3], [100]]], dtype=np.uint64))),
    ("insert", (np.arange(6).reshape(2, 3), 1, [[1], [2]])),
    ("insert", (np.arange(6).reshape(2, 3), 1, np.ones((3, 3)), 1)),
    ("choose", ([0, 1], [[1, 2], [3, 4]])),
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_broadcast_errors_as_numpy(case):
    fn, args = CASES[case]
    check(fn, *args)
