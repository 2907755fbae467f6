"""Class rasters (land use, zones) hold whole class codes: one check and one message for every step
that reads them."""
import numpy as np

from ..runtime.errors import InputError


def check_whole_codes(values, name):
    """Raise :class:`InputError` when one of ``values`` (the valid cells of a band) is not a whole
    number; integer bands always pass."""
    if np.issubdtype(values.dtype, np.integer):
        return
    fractional = values[values != np.floor(values)]
    if fractional.size:
        bad = fractional[0]
        raise InputError(
            f"'{name}' holds values that are not whole class codes (e.g. the non-integer value {bad:g}); a land-use "
            "map must hold integer class codes. Reclassify it first (Raster ▸ Raster Calculator / Reclassify by "
            f"table). / “{name}”含非整数的地类代码（如 {bad:g}），地类代码必须为整数，请先重分类。")
