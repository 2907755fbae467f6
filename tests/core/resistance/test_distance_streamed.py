"""Issue 19: with a maximum distance, ``distance_raster`` streams strips with a halo of
ceil(max_distance / cell height) rows; tiny strips equal the whole-grid transform bit for bit."""
import numpy as np
import pytest
from ecosecurity.core.io.raster import Grid, read_raster, write_raster
from ecosecurity.core.resistance.distance import (distance_raster, estimate_distance_memory, euclidean_distance,
                                                   margin_cells, padded_grid)
from ecosecurity.core.runtime.errors import InputError
from osgeo import ogr, osr

SRS = osr.SpatialReference()
SRS.ImportFromEPSG(32648)


def whole_grid(grid, sources_path, max_distance, edge_margin):
    """The whole-grid result: the padded source raster read at once, one transform."""
    margin = margin_cells(grid, max(edge_margin, max_distance))
    from ecosecurity.core.io.blockio import AlignedSource
    array, valid = AlignedSource(sources_path, padded_grid(grid, margin)).read(0, grid.rows + 2 * margin)
    return euclidean_distance(valid & (array != 0), grid.cell_height, grid.cell_width, max_distance, margin)


@pytest.mark.parametrize("seed", range(16))
def test_strips_with_a_halo_equal_the_whole_grid(tmp_path, seed):
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(5, 40)), int(rng.integers(5, 40))
    width, height = (30.0, 30.0) if seed % 4 else (float(rng.choice([10.0, 12.5, 0.3])), float(rng.choice([20.0, 7.0])))
    big = Grid((500000.0 - 25 * width, width, 0.0, 3000000.0 + 25 * height, 0.0, -height), SRS.ExportToWkt(),
               rows + 50, cols + 50)
    sources = (rng.random(big.shape) < rng.choice([0.002, 0.02, 0.2])).astype(np.uint8)
    sources[25 + int(rng.integers(0, rows)), 25 + int(rng.integers(0, cols))] = 1   # one inside the grid
    path = write_raster(tmp_path / "sources.tif", sources, big)
    grid = Grid((500000.0, width, 0.0, 3000000.0, 0.0, -height), SRS.ExportToWkt(), rows, cols)
    cap = float(rng.uniform(0.5, 12.0)) * max(width, height)
    edge = float(rng.choice([0.0, 3.0 * width, 20.0 * height]))
    expected = whole_grid(grid, path, cap, edge)
    out = distance_raster(grid, str(tmp_path / "d.tif"), raster=path, max_distance=cap, edge_margin=edge,
                          block_cells=int(rng.integers(1, 4)) * cols)
    assert read_raster(out).array.tobytes() == expected.tobytes()


def line_layer(path, lines, srs):
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("roads", srs, ogr.wkbLineString)
    for points in lines:
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in points:
            line.AddPoint_2D(x, y)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(line)
        layer.CreateFeature(feature)
    return str(path)


@pytest.mark.parametrize("all_touched", [True, False])
@pytest.mark.parametrize("seed", range(4))
def test_vector_sources_burnt_to_a_file_give_the_whole_grid_result(tmp_path, seed, all_touched):
    from ecosecurity.core.io.rasterize import rasterize_features
    rng = np.random.default_rng(seed)
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), SRS.ExportToWkt(), 45, 33)
    lines = [[(500000.0 + rng.uniform(-200, 1200), 3000000.0 - rng.uniform(-200, 1500)) for _ in range(3)]
             for _ in range(int(rng.integers(1, 4)))]
    lines.append([(500000.0 + 30.0 * 5, 3000000.0 - 30.0 * 44), (500000.0 + 30.0 * 20, 3000000.0 - 30.0 * 44)])
    path = line_layer(tmp_path / "roads.gpkg", lines, SRS)
    cap, edge = 250.0, 400.0
    margin = margin_cells(grid, edge)
    burnt = rasterize_features(path, padded_grid(grid, margin), layer="roads", all_touched=all_touched) > 0
    expected = euclidean_distance(burnt, 30.0, 30.0, cap, margin)
    out = distance_raster(grid, str(tmp_path / "d.tif"), vector=(path, "roads"), max_distance=cap, edge_margin=edge,
                          all_touched=all_touched, block_cells=2 * grid.cols)
    assert read_raster(out).array.tobytes() == expected.tobytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.tif", "roads.gpkg"]     # the burnt file is gone


def test_no_source_in_the_padded_grid_is_refused_without_output(tmp_path):
    grid = Grid((500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0), SRS.ExportToWkt(), 12, 10)
    path = write_raster(tmp_path / "none.tif", np.zeros(grid.shape, np.uint8), grid)
    with pytest.raises(InputError, match="no source"):
        distance_raster(grid, str(tmp_path / "d.tif"), raster=path, max_distance=100.0, block_cells=20)
    assert not (tmp_path / "d.tif").exists()


def test_capped_memory_estimate_is_a_strip_and_its_halo_not_the_grid():
    grid = Grid((0.0, 30.0, 0.0, 0.0, 0.0, -30.0), "", 10000, 10000)
    whole = estimate_distance_memory(grid)
    capped = estimate_distance_memory(grid, max_distance=3000.0)
    assert whole == 25 * 10000 * 10000
    assert capped == 25 * (256 + 2 * 100) * 10200
