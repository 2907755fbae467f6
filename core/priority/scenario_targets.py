"""``ecosecurity:scenariotargets``: space areas (zone raster or text) and bounds → every scenario target
group of the seed paper's rule (:mod:`.targets`), as a CSV table and an optional HTML page."""
from ..runtime.errors import InputError
from ..runtime.progress import ensure
from .target_inputs import measure_zones, parse_areas, parse_bounds
from .target_report import write_targets_csv, write_targets_html
from .targets import TargetProblem, by_family, enumerate_groups


def scenario_targets(output, lower, upper, zones=None, areas=None, fraction=0.38, base_area=None, step=0.01,
                     family=None, html_path=None, progress=None):
    """Enumerate the target groups and write them to ``output`` (CSV) and ``html_path`` (optional).

    Exactly one of ``zones`` (raster of space codes) and ``areas`` (``"1:2539.84; 2:904.53; …"`` km²)
    is given. ``base_area`` None or 0 = the whole region (every cell of ``zones`` with data, or the sum of
    ``areas``). ``family``: a space code to keep only the groups that put it first. Returns the
    :class:`.targets.TargetGroups` written.
    """
    progress = ensure(progress)
    if bool(zones) == bool(areas):
        given = "both ZONES and AREAS are given" if zones else "neither ZONES nor AREAS is given"
        raise InputError(
            f"Give exactly one source of the space areas: {given}. ZONES = a raster of space codes (1 production, "
            "2 living, 3 ecological, as ecosecurity:suitability writes them), or AREAS = e.g. '1:2539.84; 2:904.53; "
            "3:6523.46' (km²). / 请在 ZONES（三生空间栅格）与 AREAS（各空间面积，km²）中二选一。")
    if zones:
        measured = measure_zones(zones, progress.sub(0.0, 0.6))
        space_areas, region = measured.areas, measured.region
    else:
        space_areas = parse_areas(areas)
        region = sum(space_areas.values())
    codes = sorted(space_areas)
    problem = TargetProblem(space_areas, base_area or region, fraction, parse_bounds(lower, codes, "LOWER"),
                            parse_bounds(upper, codes, "UPPER"), step)
    groups = by_family(enumerate_groups(problem, progress.sub(0.6, 0.8)), family)
    write_targets_csv(output, groups, progress.sub(0.8, 0.98))
    if html_path:
        write_targets_html(html_path, groups)
    progress.update(1.0, f"{len(groups.fractions)} target groups / 个目标组")
    return groups
