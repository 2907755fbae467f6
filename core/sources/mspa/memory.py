"""Memory plan of MSPA (measured on 10000 x 10000 maps, see ``bench/mspa.py`` and ``bench/README.md``).

``mspa_classes`` works on the padded grid (``pad`` pixels more on every side). Its peak is
reached either in the connector distance (EdgeWidth >= 2: the byte image, the mask, the
distance field of 9 bytes per pixel and its 1-bit stopping set, the other images bit-packed,
and a queue that grows with the edge width), or, at EdgeWidth 1, in the thinning (the int32
core labels, kept for the flood, next to the thinning's uint8 codes and three bool images) and
in the label flooding and hole filling (an int32 label image next to about six bool / uint8
images), plus chunks of index arrays (about 100 MB).
Measured peak of the whole process on 10000 x 10000: 1.49 GiB (EdgeWidth 1, 2026-12-06 06:05),
1.66-1.82 GiB (EdgeWidth 5), 1.89 GiB (EdgeWidth 10), input map included.
"""
from .parameters import mspa_parameters

#: Work bytes per padded pixel without the connector (EdgeWidth 1) and with it.
BYTES_PER_PADDED_PIXEL = 16
CONNECTOR_BYTES_PER_PADDED_PIXEL = 18
CHUNK_BYTES = 128 * 1024 * 1024


def estimate_mspa_memory(rows, cols, edge_width=1):
    """Bytes needed to run MSPA on a ``rows`` x ``cols`` raster.

    The 0/1/2 map and the output (1 byte per pixel each) come on top of the padded work
    arrays. Reading and mapping the input band (at most 8 bytes per pixel for the values,
    1 for the NoData mask, 1 for the map and 1 for a temporary) needs less than that.
    """
    params = mspa_parameters(edge_width)
    padded = (rows + 2 * params.pad) * (cols + 2 * params.pad)
    per_pixel = BYTES_PER_PADDED_PIXEL if params.edge_width == 1 else CONNECTOR_BYTES_PER_PADDED_PIXEL
    return rows * cols * 2 + padded * per_pixel + CHUNK_BYTES
