"""From a land-use raster to the 0/1/2 map MSPA works on, with GuidosToolbox's checks.

GuidosToolbox's convention (``shared/specs/mspa.md`` §1.1): 0 = missing, 1 = background,
2 = foreground. Any integer raster is accepted: the pixels whose value is one of
``foreground_values`` are habitat (2), the values in ``missing_values`` and the band's NoData
are missing (0), every other valid pixel is background (1). GWB refuses a map without
foreground or without background; so does this module, with a message saying what to change.
"""
import numpy as np

from ...runtime.errors import InputError

MISSING, BACKGROUND, FOREGROUND = 0, 1, 2


def _as_whole_numbers(values, what):
    """``values`` (iterable of numbers) as a sorted list of ints; non-integers are an error."""
    result = []
    for value in values:
        number = float(value)
        if not number.is_integer():
            raise InputError(
                f"{what}: {value!r} is not a whole number; MSPA classes are integer codes "
                f"(e.g. 1,2,3). / {what}：{value!r} 不是整数，请填写整数类别代码（如 1,2,3）。")
        result.append(int(number))
    return sorted(set(result))


def _check_whole_numbers(values, valid, name, block_rows=1024):
    """:class:`InputError` when a valid pixel of float ``values`` is not a whole number."""
    for top in range(0, values.shape[0], block_rows):
        block = values[top:top + block_rows]
        fractional = block[(block != np.floor(block)) & valid[top:top + block_rows]]
        if fractional.size:
            raise InputError(
                f"'{name}' holds non-integer values (e.g. {fractional[0]:g}); MSPA needs a "
                "classified map (land-use or habitat codes). Reclassify it first (e.g. with "
                f"'Classify raster' or 'Reclassify by table'). / “{name}”含有非整数值（如 "
                f"{fractional[0]:g}），MSPA 需要分类栅格（土地利用或生境代码），请先重分类。")


def mspa_codes(values, valid=None, foreground_values=(2,), missing_values=(0,), name="input"):
    """uint8 array: 2 where ``values`` is habitat, 0 where missing or not ``valid``, 1 elsewhere.

    ``values``: 2-D array of class codes (integer, or float holding whole numbers);
    ``valid``: bool mask, ``False`` on NoData; ``name``: the layer name used in messages.
    Raises :class:`InputError` for non-integer values, for a value listed both as habitat and
    as missing, and for a map without habitat or without background pixels.
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise InputError(f"'{name}' must be a single-band raster (2-D array). / “{name}”必须是单波段栅格。")
    foreground = _as_whole_numbers(foreground_values, "FOREGROUND_VALUES")
    missing = _as_whole_numbers(missing_values, "MISSING_VALUES")
    if not foreground:
        raise InputError(
            "FOREGROUND_VALUES is empty: give the pixel values that are habitat, e.g. 1,2,3. "
            "/ 前景值（FOREGROUND_VALUES）为空：请填写作为生境的像元值，如 1,2,3。")
    both = sorted(set(foreground) & set(missing))
    if both:
        raise InputError(
            f"The values {both} are listed both as habitat (FOREGROUND_VALUES) and as missing "
            f"(MISSING_VALUES); remove them from one of the two lists. "
            f"/ 值 {both} 同时出现在前景值和缺失值中，请从其中一个列表删除。")
    if valid is None:
        valid = np.ones(values.shape, dtype=bool)
    if np.issubdtype(values.dtype, np.floating):
        _check_whole_numbers(values, valid, name)
    elif not np.issubdtype(values.dtype, np.integer) and values.dtype != bool:
        raise InputError(f"'{name}' has the unsupported data type {values.dtype}. / 不支持的数据类型。")
    codes = np.full(values.shape, BACKGROUND, dtype=np.uint8)
    codes[np.isin(values, foreground)] = FOREGROUND
    codes[np.isin(values, missing)] = MISSING
    codes[~valid] = MISSING
    if not (codes == FOREGROUND).any():
        raise InputError(
            f"'{name}' has no habitat pixel: none of its valid pixels has one of the values "
            f"{foreground} (FOREGROUND_VALUES). Check the habitat values against the raster's "
            f"values. / “{name}”中没有生境像元：没有有效像元的值属于 {foreground}，请核对前景值。")
    if not (codes == BACKGROUND).any():
        raise InputError(
            f"'{name}' has no background pixel: every valid pixel is habitat "
            f"({foreground}) or missing. MSPA needs both habitat and non-habitat; add the "
            "surrounding land or check FOREGROUND_VALUES / MISSING_VALUES. "
            f"/ “{name}”中没有背景像元：所有有效像元都是生境或缺失值，MSPA 需要同时有生境和非生境。")
    return codes
