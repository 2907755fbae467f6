"""The Zonation 5 training toy (slide 14): 2 species x 4 cells, removal C, B, A, D for CAZMAX and CAZ1."""
import csv

import numpy as np
import pytest
from ecosecurity.core.priority.ranking import marginal_loss, ranks_from_order, removal_order
from priority_case import TOY


def toy_rows():
    with open(TOY, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def toy_q():
    rows = toy_rows()
    return np.array([[float(r["sp1"]), float(r["sp2"])] for r in rows], np.float32), [r["cell"] for r in rows]


@pytest.mark.parametrize("rule", ["CAZMAX", "CAZ1", "CAZ2"])
def test_toy_removal_order_and_ranks_are_exactly_the_slides(rule):
    q, cells = toy_q()
    order = removal_order(q, np.ones(2), rule, step=0)
    assert [cells[i] for i in order] == ["C", "B", "A", "D"]
    ranks = ranks_from_order(order)
    assert dict(zip(cells, ranks)) == {"A": 0.5, "B": 0.25, "C": 0.0, "D": 0.75}


def test_toy_renormalised_values_and_sum_losses_match_each_step():
    q, _cells = toy_q()
    rows = toy_rows()
    remaining = [0, 1, 2, 3]
    for step, removed in (("step1", 2), ("step2", 1)):
        remaining.remove(removed)
        big_q = q[remaining].sum(axis=0, dtype=np.float64)
        for i in remaining[:-1] if step == "step2" else remaining:
            expected = [float(rows[i][f"{step}_sp1"]), float(rows[i][f"{step}_sp2"])]
            assert q[i] / big_q == pytest.approx(expected, abs=6e-5)
            loss = marginal_loss(q[i:i + 1], big_q, np.ones(2), "CAZ1")[0]
            assert loss == pytest.approx(float(rows[i][f"{step}_sum"]), abs=2e-4)
            top = marginal_loss(q[i:i + 1], big_q, np.ones(2), "CAZMAX")[0]
            assert top == pytest.approx(float(rows[i][f"{step}_max"]), rel=0.02)
