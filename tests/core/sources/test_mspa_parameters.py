"""EdgeWidth thresholds in single precision (spec §3.3) and parameter validation."""
import numpy as np
import pytest
from ecosecurity.core.runtime.errors import InputError
from ecosecurity.core.sources.mspa.parameters import mspa_parameters

# w: (t, T_c, pad P, core iff d2 >=) from shared/specs/mspa.md §3.3
SPEC_TABLE = {
    1: (1.98, 0.5658, 3, 4), 2: (2.98, 1.5658, 4, 9), 3: (3.98, 2.5658, 5, 16),
    4: (4.98, 3.5658, 6, 25), 5: (5.98, 4.5658, 7, 36), 6: (6.98, 5.5658, 8, 49),
    7: (7.98, 6.5658, 9, 64), 8: (8.98, 7.5658, 11, 81), 9: (9.98, 8.5658, 12, 100),
    10: (10.98, 9.5658, 13, 121), 25: (25.98, 24.5658, 29, 675),
}


@pytest.mark.parametrize("w", sorted(SPEC_TABLE))
def test_thresholds_and_pad_width_follow_the_spec_table(w):
    t, tc, pad, core_d2 = SPEC_TABLE[w]
    params = mspa_parameters(w)
    assert params.t == pytest.approx(t, abs=1e-4)
    assert params.tc == pytest.approx(tc, abs=1e-4)
    assert params.pad == pad
    assert params.d2_ring + 1 == core_d2


@pytest.mark.parametrize("w", range(1, 30))
def test_ring_threshold_is_the_largest_d2_passing_the_float32_comparison(w):
    params = mspa_parameters(w)
    assert np.sqrt(np.float32(params.d2_ring)) <= params.t
    assert np.sqrt(np.float32(params.d2_ring + 1)) > params.t


def test_intext_prepass_uses_the_8_neighbourhood():
    assert mspa_parameters(1).d2_hole == 2


def test_background_connectivity_is_the_complement():
    assert mspa_parameters(1, 8).background_connectivity == 4
    assert mspa_parameters(1, 4).background_connectivity == 8


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_edge_width_below_one_or_not_whole_is_refused(bad):
    with pytest.raises(InputError, match="EDGE_WIDTH"):
        mspa_parameters(bad)


def test_connectivity_other_than_4_or_8_is_refused():
    with pytest.raises(InputError, match="connectivity"):
        mspa_parameters(1, 6)
