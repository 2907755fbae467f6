"""Generate the bundled demo landscape (synthetic, deterministic, seeded).

A 30 x 30 km area at 30 m (1000 x 1000 cells by default; ``--size`` makes larger ones for
benchmarks) in CGCS2000 / 3-degree Gauss-Kruger CM 108E (EPSG:4545), loosely shaped like the
Xi'an study area: mountains in the south (a Qinling-like range), a river plain in the north with a
city, rural settlements and cropland. **Everything is synthetic**; see README "Using real data".

Layers written to ``--out``:
* ``dem.tif`` (Float32, m): fractal terrain (spectral synthesis, power-law spectrum β = 3.2)
  plus a south-north ramp, with river valleys carved in.
* ``landuse.tif`` (Byte): the nine classes of the Xi'an study — 1 forest, 2 shrub, 3 grassland,
  4 cropland, 5 urban, 6 rural settlement, 7 bare, 8 water, 9 wetland — from elevation, slope,
  noise, rivers, settlements and mines. A ``.qml`` style with bilingual labels sits beside it.
* ``fvc.tif`` (fractional vegetation cover 0-1), ``rocky_desertification.tif`` (0-5),
  ``soil_erosion.tif`` (1-6), ``geohazard.tif`` (1-3): the Liuzhi resistance factor and corrections.
* ``rivers.gpkg`` (lines), ``roads.gpkg`` (lines), ``mining.gpkg`` (coal-mining site polygons,
  in the east), ``redline.gpkg`` (ecological red line / nature reserve polygons in the mountains).
"""
import argparse
import math
import os
import sys

import numpy as np
from osgeo import ogr
from scipy import ndimage

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from core.io.raster import Grid, epsg_wkt, write_raster  # noqa: E402
from core.io.vector import write_vector  # noqa: E402

CELL = 30.0
X0, Y0 = 560000.0, 3810000.0      # upper-left corner, EPSG:4545 (about 108.6°E, 34.4°N)
EPSG = 4545
LANDUSE_CLASSES = {
    1: ("Forest 林地", (34, 139, 34)), 2: ("Shrub 灌木林地", (107, 170, 70)),
    3: ("Grassland 草地", (180, 215, 110)), 4: ("Cropland 耕地", (245, 222, 130)),
    5: ("Urban 城镇用地", (220, 50, 50)), 6: ("Rural settlement 农村居民点", (240, 140, 110)),
    7: ("Bare land 裸地", (190, 180, 170)), 8: ("Water 水域", (60, 120, 220)),
    9: ("Wetland 湿地", (100, 200, 210)),
}


def fractal_surface(size, rng, beta=3.2):
    """Zero-mean, unit-variance fractal noise by spectral synthesis (amplitude ∝ f^(-β/2))."""
    fy = np.fft.fftfreq(size)[:, None]
    fx = np.fft.rfftfreq(size)[None, :]
    freq = np.hypot(fx, fy)
    freq[0, 0] = 1.0
    amplitude = freq ** (-beta / 2.0)
    amplitude[0, 0] = 0.0
    phase = rng.uniform(0, 2 * np.pi, amplitude.shape)
    surface = np.fft.irfft2(amplitude * np.exp(1j * phase), s=(size, size)).astype(np.float32)
    surface -= surface.mean()
    surface /= surface.std()
    return surface


def river_paths(size, rng):
    """Cell paths (rows, cols) of the rivers: tributaries from the southern mountains to a main river."""
    main_row = lambda c: 0.18 * size + 0.05 * size * np.sin(c / size * 2.3 * np.pi + 0.7)  # noqa: E731
    cols = np.arange(size)
    paths = [("Main river 干流", main_row(cols), cols.astype(float), 3)]
    for i, start in enumerate(np.linspace(0.15, 0.85, 4)):
        rows = np.arange(int(main_row(start * size)), size, dtype=float)
        wander = np.cumsum(rng.normal(0, 0.6, rows.size))
        wander = ndimage.gaussian_filter1d(wander, size / 40) + 0.03 * size * np.sin(rows / size * 5 + i)
        paths.append((f"Tributary {i + 1} 支流", rows, start * size + wander, 1))
    return paths


def road_paths(size, rng):
    """Cell paths of the roads: an east-west expressway across the plain, county roads into the mountains."""
    cols = np.arange(size, dtype=float)
    roads = [("Expressway 高速公路", 0.27 * size + 0.02 * size * np.sin(cols / size * 3 * np.pi), cols, 1,
              "expressway")]
    for i, start in enumerate(np.linspace(0.1, 0.9, 5)):
        rows = np.arange(0, int(size * (0.6 + 0.08 * i)), dtype=float)
        wander = 0.04 * size * np.sin(rows / size * 4 + i) + np.cumsum(rng.normal(0, 0.3, rows.size))
        roads.append((f"County road {i + 1} 县道", rows, np.clip(start * size + wander, 0, size - 1), 1, "county"))
    return roads


def burn_lines(size, paths):
    """Boolean river mask with each path's width in cells."""
    mask = np.zeros((size, size), dtype=bool)
    for _, rows, cols, width, *_kind in paths:
        r = np.clip(np.round(rows).astype(int), 0, size - 1)
        c = np.clip(np.round(cols).astype(int), 0, size - 1)
        line = np.zeros_like(mask)
        # densify so consecutive cells touch
        for a in range(len(r) - 1):
            n = max(abs(r[a + 1] - r[a]), abs(c[a + 1] - c[a]), 1)
            line[np.linspace(r[a], r[a + 1], n + 1).round().astype(int),
                 np.linspace(c[a], c[a + 1], n + 1).round().astype(int)] = True
        if width > 1:
            line = ndimage.binary_dilation(line, iterations=width // 2)
        mask |= line
    return mask


def blobs(size, rng, count, radius_range, where):
    """Random round-ish blobs (centres drawn where ``where`` is True)."""
    mask = np.zeros((size, size), dtype=bool)
    candidates = np.flatnonzero(where)
    if candidates.size == 0:
        return mask, []
    centres = rng.choice(candidates, size=count, replace=False)
    yy, xx = np.ogrid[:size, :size]
    out = []
    for centre in centres:
        r0, c0 = divmod(int(centre), size)
        radius = rng.uniform(*radius_range)
        window = (slice(max(r0 - int(radius) - 2, 0), min(r0 + int(radius) + 3, size)),
                  slice(max(c0 - int(radius) - 2, 0), min(c0 + int(radius) + 3, size)))
        d = np.hypot(yy[window[0]] - r0, xx[:, window[1]] - c0)
        mask[window] |= d <= radius * (1 + 0.25 * rng.normal(size=d.shape).clip(-1, 1))
        out.append((r0, c0, radius))
    return mask, out


def make_rasters(size, seed):
    rng = np.random.default_rng(seed)
    rows = np.linspace(0, 1, size, dtype=np.float32)[:, None]
    relief = fractal_surface(size, rng)
    ridge = np.clip((rows - 0.45) / 0.55, 0, 1) ** 1.5          # mountains rise towards the south
    dem = 380 + 120 * rows + 1900 * ridge + (90 + 500 * ridge) * relief
    paths = river_paths(size, rng)
    rivers = burn_lines(size, paths)
    valley = ndimage.distance_transform_edt(~rivers) * CELL
    dem -= (60 + 250 * ridge) * np.exp(-valley / 600.0)
    dem = ndimage.gaussian_filter(dem, 1.0).astype(np.float32)
    dy, dx = np.gradient(dem, CELL)
    slope = np.degrees(np.arctan(np.hypot(dx, dy)))
    noise = fractal_surface(size, rng, beta=2.2)

    landuse = np.full((size, size), 4, dtype=np.uint8)                    # cropland by default
    hills = (dem > 700) | (slope > 12)
    landuse[hills & (noise > 0.3)] = 3                                     # grassland
    landuse[hills & (noise <= 0.3)] = 2                                    # shrub
    landuse[(dem > 900) & (noise > -0.6)] = 1                              # forest
    landuse[(dem > 1050)] = 1
    landuse[(dem > 1050) & (noise > 1.3)] = 2
    landuse[(dem > 2050) & (noise > 0.2)] = 3                              # alpine meadow
    landuse[(dem > 2250) & (slope > 30)] = 7                               # bare rock
    plain = (dem < 650) & (slope < 6)
    city, _ = blobs(size, rng, 1, (0.07 * size, 0.09 * size), plain & (rows < 0.35) &
                    (np.abs(np.linspace(0, 1, size)[None, :] - 0.45) < 0.1))
    landuse[city] = 5
    villages, _ = blobs(size, rng, max(size // 25, 4), (2, 5), plain & ~city)
    landuse[villages] = 6
    woods, _ = blobs(size, rng, max(size // 25, 6), (0.006 * size, 0.03 * size),
                     (dem < 800) & ~city & ~villages & (rows > 0.05))          # woodland patches in the plain
    landuse[woods & (noise > -1.0)] = 1
    mines, mine_list = blobs(size, rng, 6, (0.008 * size, 0.02 * size),
                             (dem > 650) & (dem < 1100) & (np.linspace(0, 1, size)[None, :] > 0.7))
    landuse[mines] = 7
    wet = (valley < 200) & (dem < 520) & ~city
    landuse[wet & (noise > -0.2)] = 9
    lakes, _ = blobs(size, rng, 3, (0.01 * size, 0.025 * size), (dem > 600) & (dem < 1200) & (slope < 15))
    farmed_valleys = (valley <= 2 * CELL) & (dem > 650) & np.isin(landuse, (1, 2, 3))
    landuse[farmed_valleys] = 4                                            # valley-floor fields split the forest
    roads = road_paths(size, rng)
    landuse[burn_lines(size, roads)] = 5                                   # roads are construction land
    landuse[lakes | rivers] = 8
    return dem, landuse, slope, noise, mines, paths, roads, mine_list


#: Fractional vegetation cover range (low, high) per land-use class.
FVC_RANGE = {1: (0.70, 0.95), 2: (0.50, 0.80), 3: (0.35, 0.65), 4: (0.30, 0.60), 5: (0.03, 0.15),
             6: (0.10, 0.30), 7: (0.00, 0.10), 8: (0.00, 0.02), 9: (0.35, 0.65)}


def make_environment(landuse, slope, noise, mines, rng):
    """Vegetation cover (0-1) and the three correction layers of the Liuzhi study (synthetic).

    * ``fvc``: per-class range modulated by noise;
    * rocky desertification 0 (none) … 5 (extreme): steep, sparsely vegetated slopes;
    * soil erosion 1 (slight) … 6 (severe): slope × (1 - cover);
    * geohazard 1 (low) … 3 (high): steep slopes and ground around the coal mines.
    """
    low = np.zeros(landuse.shape, np.float32)
    high = np.zeros(landuse.shape, np.float32)
    for value, (a, b) in FVC_RANGE.items():
        low[landuse == value], high[landuse == value] = a, b
    mix = 1.0 / (1.0 + np.exp(-fractal_surface(landuse.shape[0], rng, beta=2.0)))
    fvc = (low + (high - low) * mix).astype(np.float32)
    steep = np.clip(slope / 35.0, 0, 1)
    risk = steep * (1.0 - fvc) + 0.15 * steep * noise.clip(-2, 2)
    rocky = np.digitize(risk, [0.12, 0.2, 0.28, 0.36, 0.45]).astype(np.uint8)
    erosion = (1 + np.digitize(np.clip(slope, 0, 60) * (1.0 - fvc), [1, 3, 6, 10, 15])).astype(np.uint8)
    near_mines = ndimage.distance_transform_edt(~mines) * CELL < 1500
    hazard = (1 + (slope > 25) + (near_mines | (slope > 35))).astype(np.uint8)
    return fvc, rocky, erosion, hazard


def to_xy(row, col):
    return X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL


def line_wkt(rows, cols, step):
    points = [to_xy(r, c) for r, c in zip(rows[::step], cols[::step])]
    return "LINESTRING (" + ", ".join(f"{x:.1f} {y:.1f}" for x, y in points) + ")"


def polygon_wkt(row, col, radius, rng, vertices=14):
    angles = np.sort(rng.uniform(0, 2 * np.pi, vertices))
    radii = radius * rng.uniform(0.7, 1.2, vertices)
    ring = [to_xy(row + r * math.sin(a), col + r * math.cos(a)) for a, r in zip(angles, radii)]
    ring.append(ring[0])
    return "POLYGON ((" + ", ".join(f"{x:.1f} {y:.1f}" for x, y in ring) + "))"


def make_vectors(out, size, paths, roads, mine_list, landuse, seed):
    rng = np.random.default_rng(seed + 1)

    def save(name, geometry_type, features, fields):
        write_vector(os.path.join(out, f"{name}.gpkg"), features, epsg_wkt(EPSG), geometry_type, fields)

    step = max(size // 200, 1)
    save("rivers", ogr.wkbLineString,
                 [(line_wkt(r, c, step), {"name": name, "width_m": width * CELL}) for name, r, c, width in paths],
                 [("name", ogr.OFTString), ("width_m", ogr.OFTReal)])
    save("roads", ogr.wkbLineString,
                 [(line_wkt(r, c, step), {"name": name, "class": kind}) for name, r, c, _, kind in roads],
                 [("name", ogr.OFTString), ("class", ogr.OFTString)])
    save("mining", ogr.wkbPolygon,
                 [(polygon_wkt(r, c, radius, rng), {"name": f"Coal mine {i + 1} 煤矿", "type": "coal"})
                  for i, (r, c, radius) in enumerate(mine_list)],
                 [("name", ogr.OFTString), ("type", ogr.OFTString)])
    forest = ndimage.binary_opening(landuse == 1, iterations=3)
    labels, count = ndimage.label(forest)
    sizes = ndimage.sum(forest, labels, index=np.arange(1, count + 1))
    reserves = []
    for rank, label in enumerate(np.argsort(sizes)[::-1][:3]):
        r, c = ndimage.center_of_mass(labels == label + 1)
        radius = min(math.sqrt(sizes[label] / math.pi) * 0.6, 0.08 * size)
        kind = "Nature reserve 自然保护区" if rank == 0 else "Ecological red line 生态保护红线"
        reserves.append((polygon_wkt(r, c, radius, rng, 18), {"name": f"{kind} {rank + 1}", "kind": kind}))
    save("redline", ogr.wkbPolygon, reserves,
                 [("name", ogr.OFTString), ("kind", ogr.OFTString)])


def landuse_qml():
    entries = "\n".join(
        f'        <paletteEntry value="{value}" label="{label}" color="#{r:02x}{g:02x}{b:02x}" alpha="255"/>'
        for value, (label, (r, g, b)) in LANDUSE_CLASSES.items())
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">
      <colorPalette>
{entries}
      </colorPalette>
    </rasterrenderer>
  </pipe>
</qgis>
"""


def generate(out, size=1000, seed=20261121):
    """Write every demo layer into ``out``; returns the list of paths."""
    os.makedirs(out, exist_ok=True)
    dem, landuse, slope, noise, mine_mask, paths, roads, mines = make_rasters(size, seed)
    grid = Grid((X0, CELL, 0.0, Y0, 0.0, -CELL), epsg_wkt(EPSG), size, size)
    fvc, rocky, erosion, hazard = make_environment(landuse, slope, noise, mine_mask, np.random.default_rng(seed + 2))
    write_raster(os.path.join(out, "fvc.tif"), fvc, grid, nodata=-9999.0)
    for name, array in (("rocky_desertification", rocky), ("soil_erosion", erosion), ("geohazard", hazard)):
        write_raster(os.path.join(out, f"{name}.tif"), array, grid, nodata=255)
    write_raster(os.path.join(out, "dem.tif"), dem, grid, nodata=-9999.0)
    write_raster(os.path.join(out, "landuse.tif"), landuse, grid, nodata=0,
                 color_table={v: rgb for v, (_, rgb) in LANDUSE_CLASSES.items()},
                 category_names={v: label for v, (label, _) in LANDUSE_CLASSES.items()})
    with open(os.path.join(out, "landuse.qml"), "w", encoding="utf-8") as handle:
        handle.write(landuse_qml())
    make_vectors(out, size, paths, roads, mines, landuse, seed)
    with open(os.path.join(out, "README.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"EcoSecurity demo landscape: SYNTHETIC data generated by scripts/make_demo_data.py "
                     f"(seed {seed}, {size} x {size} cells of {CELL:g} m, EPSG:{EPSG}).\n"
                     "演示数据为程序生成的虚拟景观，并非真实数据。\n")
    return [os.path.join(out, name) for name in
            ("dem.tif", "landuse.tif", "fvc.tif", "rocky_desertification.tif", "soil_erosion.tif", "geohazard.tif",
             "rivers.gpkg", "roads.gpkg", "mining.gpkg", "redline.gpkg")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="demo_output/data")
    parser.add_argument("--size", type=int, default=1000, help="cells per side (30 m cells)")
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    for path in generate(args.out, args.size, args.seed):
        print(path)


if __name__ == "__main__":
    main()
