"""core/io/crs.py: the one check that distances and areas are measured in a projected CRS."""
import pytest
from ecosecurity.core.io.crs import area_unit, check_projected, is_geographic
from ecosecurity.core.io.raster import epsg_wkt
from ecosecurity.core.runtime.errors import InputError


def test_geographic_crs_is_refused_naming_the_layer_and_a_projected_crs():
    with pytest.raises(InputError, match="(?s)'roads'.*geographic.*EPSG:4326.*not metres.*UTM.*Gauss-Kruger"):
        check_projected(epsg_wkt(4326), "roads", "distances")


def test_projected_metric_crs_passes_and_feet_are_refused_when_metres_are_needed():
    check_projected(epsg_wkt(4545), "landuse", metres=True)
    check_projected(epsg_wkt(2229), "ca", "distances")                   # US feet: fine for distances
    with pytest.raises(InputError, match="not metres"):
        check_projected(epsg_wkt(2229), "ca", "patch areas", metres=True)


def test_missing_crs_passes_unless_metres_are_needed():
    check_projected("", "grid", "distances")
    with pytest.raises(InputError, match="'grid' has no"):
        check_projected("", "grid", "patch areas", metres=True)


def test_area_unit_says_pixels_for_geographic_crs():
    assert area_unit(epsg_wkt(4326)) == ("pixels", False) and is_geographic(epsg_wkt(4490))
    assert area_unit(epsg_wkt(32650)) == ("m²", True) and area_unit("") == ("map units²", True)
