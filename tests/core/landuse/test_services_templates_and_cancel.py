"""The shipped Gujiao tables cover the nine demo classes; progress moves; a cancel leaves no output."""
from pathlib import Path

import numpy as np
import pytest
from ecosecurity.core.landuse.ecosystem_services import ServiceOutputs, ecosystem_services
from ecosecurity.core.landuse.service_tables import read_carbon_table, read_sensitivity_table, read_threats_table
from ecosecurity.core.runtime.errors import CancelledError
from ecosecurity.core.runtime.progress import Progress
from services_case import raster

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def test_gujiao_templates_cover_the_nine_demo_classes_and_every_threat():
    carbon = read_carbon_table(TEMPLATES / "gujiao_carbon.csv")
    threats = read_threats_table(TEMPLATES / "gujiao_threats.csv")
    sensitivity = read_sensitivity_table(TEMPLATES / "gujiao_sensitivity.csv", threats)
    assert carbon.codes.tolist() == sensitivity.codes.tolist() == list(range(1, 10))
    assert [t.name for t in threats] == ["cropland", "urban", "rural_settlement", "roads", "mining"]
    assert [t.lucodes for t in threats] == [(4,), (5,), (6,), (), ()]
    assert sensitivity.habitat[4] == sensitivity.habitat[5] == 0            # urban, rural settlement: not habitat


def test_progress_moves_and_cancel_stops_without_output(tmp_path):
    land = raster(tmp_path / "lu.tif", np.ones((300, 200), np.int16), nodata=0)
    threat = np.zeros((300, 200), np.float32)
    threat[150, 100] = 1
    roads = raster(tmp_path / "roads.tif", threat)
    (tmp_path / "t.csv").write_text("threat,max_dist,weight,decay,lucodes\nroads,2,1,linear,\nother,1,1,linear,7\n",
                                    encoding="utf-8")
    (tmp_path / "s.csv").write_text("lulc,habitat,roads,other\n1,1,1,1\n", encoding="utf-8")
    seen = []
    outputs = ServiceOutputs(quality=str(tmp_path / "q.tif"), degradation=str(tmp_path / "d.tif"))
    ecosystem_services(land, outputs, threats_table=str(tmp_path / "t.csv"), sensitivity_table=str(tmp_path / "s.csv"),
                       threat_rasters=[roads], progress=Progress(lambda percent, message: seen.append(percent)))
    assert seen[-1] == pytest.approx(100) and len(set(seen)) >= 5 and seen == sorted(seen)
    for path in (outputs.quality, outputs.degradation):
        Path(path).unlink()
    calls = []

    def cancel_after_a_few():
        calls.append(1)
        return len(calls) > 4
    with pytest.raises(CancelledError):
        ecosystem_services(land, outputs, threats_table=str(tmp_path / "t.csv"),
                           sensitivity_table=str(tmp_path / "s.csv"), threat_rasters=[roads],
                           progress=Progress(None, cancel_after_a_few))
    assert not Path(outputs.quality).exists() and not Path(outputs.degradation).exists()
    assert not list(tmp_path.glob(".*part*"))


def test_memory_is_bounded_by_strips_not_by_the_number_of_rows():
    from ecosecurity.core.landuse.habitat_quality import estimate_quality_memory
    from ecosecurity.core.landuse.service_tables import Threat
    from services_case import grid
    threats = [Threat("urban", 10.0, 1.0, "exponential")]
    short = estimate_quality_memory(grid(2000, 1000, cell=30.0), threats)
    assert estimate_quality_memory(grid(200_000, 1000, cell=30.0), threats) == short
    assert short < 600 * 2 ** 20                  # the demo grid width: well under 1 GB
