"""Habitat quality Q = H (1 − D^z / (D^z + k^z)), D = Σ_r Σ_y (w_r/Σw) r_y i_rxy β_x S_jr (InVEST user guide)."""
import math

import numpy as np
import pytest
from ecosecurity.core.io.raster import read_raster
from ecosecurity.core.landuse import habitat_quality as hq_module
from ecosecurity.core.landuse.ecosystem_services import ServiceOutputs, ecosystem_services
from ecosecurity.core.landuse.threat_decay import decay_kernel
from services_case import grid, raster, table

K = 0.5


def q(d, h=1.0, k=K):
    return h * (1 - d ** 2.5 / (d ** 2.5 + k ** 2.5))


def run(tmp_path, land, threat_arrays, threats_csv, sensitivity_csv, access=None, normalise=False, k=K, cell=100.0):
    on_grid = grid(*np.shape(land), cell=cell)
    land_use = raster(tmp_path / "lu.tif", np.asarray(land, np.int16), on_grid, nodata=0)
    rasters = [raster(tmp_path / f"{name}.tif", np.asarray(a, np.float32), on_grid)
               for name, a in threat_arrays.items()]
    access_path = None if access is None else raster(tmp_path / "access.tif", np.asarray(access, np.float32), on_grid)
    outputs = ServiceOutputs(quality=str(tmp_path / "q.tif"), degradation=str(tmp_path / "d.tif"))
    result = ecosystem_services(land_use, outputs, threats_table=table(tmp_path / "threats.csv", threats_csv),
                                sensitivity_table=table(tmp_path / "sens.csv", sensitivity_csv), threat_rasters=rasters,
                                access=access_path, half_saturation=k, normalise_kernel=normalise)
    quality, degradation = read_raster(outputs.quality), read_raster(outputs.degradation)
    return quality.array.astype(np.float64), degradation.array.astype(np.float64), result


ONE_CLASS = "lulc,name,habitat,t\n1,forest,1,1"


def row_with_threat_at_col0(n=9):
    threat = np.zeros((1, n))
    threat[0, 0] = 1.0
    return threat


def test_linear_decay_equals_one_minus_d_over_dmax_and_zero_beyond(tmp_path):
    # 100 m cells, d_max = 300 m: i = 1, 2/3, 1/3, 0 (at d_max), 0 beyond
    quality, degradation, _ = run(tmp_path, np.ones((1, 9)), {"t": row_with_threat_at_col0()},
                                  "threat,max_dist,weight,decay\nt,0.3,1,linear", ONE_CLASS)
    expected = np.array([1, 2 / 3, 1 / 3, 0, 0, 0, 0, 0, 0])
    assert degradation[0] == pytest.approx(expected, abs=1e-6)
    assert quality[0] == pytest.approx([q(d) for d in expected], abs=1e-6)


def test_exponential_decay_equals_exp_minus_2_99_d_over_dmax_and_zero_beyond(tmp_path):
    quality, degradation, _ = run(tmp_path, np.ones((1, 9)), {"t": row_with_threat_at_col0()},
                                  "threat,max_dist,weight,decay\nt,0.3,1,exponential", ONE_CLASS)
    expected = np.array([1, math.exp(-2.99 / 3), math.exp(-2 * 2.99 / 3), math.exp(-2.99), 0, 0, 0, 0, 0])
    assert degradation[0] == pytest.approx(expected, abs=1e-6)
    assert quality[0] == pytest.approx([q(d) for d in expected], abs=1e-6)


def test_a_threat_beyond_its_distance_does_not_degrade(tmp_path):
    # threat at column 0, cells from column 3 (300 m) lie beyond d_max = 250 m: D = 0 and Q = H exactly
    quality, degradation, _ = run(tmp_path, np.ones((1, 9)), {"t": row_with_threat_at_col0()},
                                  "threat,max_dist,weight,decay\nt,0.25,1,exponential", ONE_CLASS)
    assert np.all(degradation[0, 3:] == 0) and np.all(quality[0, 3:] == 1)
    assert degradation[0, 2] == pytest.approx(math.exp(-2.99 * 200 / 250), abs=1e-6)


def test_zero_sensitivity_and_non_habitat_classes(tmp_path):
    # class 1 habitat sensitive, class 2 habitat insensitive (S = 0), class 3 not habitat (H = 0) but sensitive
    land = np.array([[1, 2, 3, 1]])
    threat = np.array([[0.0, 0.0, 0.0, 0.0]])
    threat[0, 0] = 0.8
    quality, degradation, result = run(
        tmp_path, land, {"t": threat}, "threat,max_dist,weight,decay\nt,0.4,1,linear",
        "lulc,name,habitat,t\n1,forest,1,1\n2,water,0.7,0\n3,urban,0,0.5")
    i = [1, 0.75, 0.5, 0.25]                             # 1 − d/400 at 0, 100, 200, 300 m
    expected_d = [0.8 * i[0] * 1, 0.0, 0.8 * i[2] * 0.5, 0.8 * i[3] * 1]
    assert degradation[0] == pytest.approx(expected_d, abs=1e-6)
    assert quality[0] == pytest.approx([q(expected_d[0]), 0.7, 0.0, q(expected_d[3])], abs=1e-6)
    water = next(row for row in result.summary if row["lucode"] == 2)
    assert (water["habitat"], water["mean_quality"], water["mean_degradation"]) == (0.7, pytest.approx(0.7), 0.0)
    assert result.mean_quality == pytest.approx(np.mean(quality), abs=1e-6)


def test_weights_are_normalised_and_threats_add_up_with_accessibility(tmp_path):
    a = np.zeros((1, 5))
    a[0, 0] = 1.0
    b = np.zeros((1, 5))
    b[0, 4] = 0.5
    quality, degradation, _ = run(
        tmp_path, np.ones((1, 5)), {"a": a, "b": b},
        "threat,max_dist,weight,decay\na,0.2,3,linear\nb,0.2,1,exponential",
        "lulc,habitat,a,b\n1,1,1,0.4", access=[[1, 1, 0.5, 1, 0]], k=0.3)
    ia = [1, 0.5, 0, 0, 0]                                # linear, d_max 200 m
    ib = [0, 0, math.exp(-2.99), math.exp(-2.99 / 2), 1]   # exponential from column 4
    beta = [1, 1, 0.5, 1, 0]
    expected = [(0.75 * 1 * ia[x] + 0.25 * 0.5 * ib[x] * 0.4) * beta[x] for x in range(5)]
    assert degradation[0] == pytest.approx(expected, abs=1e-6)
    assert quality[0] == pytest.approx([q(d, k=0.3) for d in expected], abs=1e-6)


def brute_force(threat, cell, d_max, decay, normalise):
    """Σ_y r_y i_xy over every pair of cells, straight from the user guide's definition."""
    rows, cols = threat.shape
    total = np.zeros(threat.shape)
    kernel_sum = 0.0
    reach = int(d_max // cell) + 1
    for di in range(-reach, reach + 1):
        for dj in range(-reach, reach + 1):
            d = cell * math.hypot(di, dj)
            if d <= d_max:
                kernel_sum += 1 - d / d_max if decay == "linear" else math.exp(-2.99 * d / d_max)
    for x in np.ndindex(threat.shape):
        for y in zip(*np.nonzero(threat)):
            d = cell * math.hypot(x[0] - y[0], x[1] - y[1])
            if d <= d_max:
                i = 1 - d / d_max if decay == "linear" else math.exp(-2.99 * d / d_max)
                total[x] += threat[y] * i
    return total / kernel_sum if normalise else total


@pytest.mark.parametrize("decay", ["linear", "exponential"])
@pytest.mark.parametrize("normalise", [False, True])
def test_strips_and_fft_equal_the_brute_force_sum_over_all_cell_pairs(tmp_path, monkeypatch, decay, normalise):
    rng = np.random.default_rng(7)
    threat = np.where(rng.random((23, 19)) < 0.08, rng.random((23, 19)), 0.0)
    monkeypatch.setattr(hq_module, "strip_rows", lambda rows, cols, radius: 5)   # several strips, halos across them
    _, degradation, _ = run(tmp_path, np.ones(threat.shape), {"t": threat},
                            f"threat,max_dist,weight,decay\nt,0.25,1,{decay}", ONE_CLASS, normalise=normalise,
                            cell=30.0)
    assert decay_kernel(0.25, 30.0, decay).size > 121                             # the FFT path
    assert degradation == pytest.approx(brute_force(threat, 30.0, 250.0, decay, normalise), abs=1e-6)


def test_normalised_kernel_makes_a_full_threat_field_degrade_by_one(tmp_path):
    # InVEST's convolution divides the kernel by its sum: a cell far from the edges of a landscape
    # that is all threat (r = 1) gets a filtered threat of exactly 1
    _, degradation, _ = run(tmp_path, np.ones((11, 11)), {"t": np.ones((11, 11))},
                            "threat,max_dist,weight,decay\nt,0.3,1,linear", ONE_CLASS, normalise=True)
    assert degradation[5, 5] == pytest.approx(1.0, abs=1e-6)
    assert degradation[0, 0] < 1


def test_land_use_classes_as_threats_equal_the_same_threat_given_as_a_raster(tmp_path):
    land = np.array([[1, 1, 5, 1, 1, 1, 5]])
    sens = "lulc,habitat,urban\n1,1,1\n5,0,0"
    _, by_class, _ = run(tmp_path, land, {}, "threat,max_dist,weight,decay,lucodes\nurban,0.2,1,linear,5", sens)
    _, by_raster, _ = run(tmp_path, land, {"urban": (land == 5).astype(float)},
                          "threat,max_dist,weight,decay\nurban,0.2,1,linear", sens)
    assert by_class == pytest.approx(by_raster)
    assert by_class[0] == pytest.approx([0, 0.5, 0, 0.5, 0, 0.5, 0])
