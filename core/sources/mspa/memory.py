"""Memory plan of MSPA (measured on 10000 x 10000 maps, see ``bench/mspa.py``).

``mspa_classes`` works on the padded grid (``pad`` pixels more on every side). Its peak is
reached either in the connector distance (EdgeWidth >= 2: the byte image, the mask, the
distance field of 9 bytes per pixel and its 1-bit stopping set, the other images bit-packed)
or in the label flooding and hole filling (an int32 label image next to about six bool / uint8
images): about 15 bytes per padded pixel, plus chunks of index arrays (about 100 MB). Measured
peak of the whole process on 10000 x 10000: 1.5 GB (EdgeWidth 1), 1.75 GB (EdgeWidth 5), input map included.
"""
from .parameters import mspa_parameters

BYTES_PER_PADDED_PIXEL = 16
CHUNK_BYTES = 128 * 1024 * 1024


def estimate_mspa_memory(rows, cols, edge_width=1):
    """Bytes needed to run MSPA on a ``rows`` x ``cols`` raster.

    The 0/1/2 map and the output (1 byte per pixel each) come on top of the padded work
    arrays. Reading and mapping the input band (at most 8 bytes per pixel for the values,
    1 for the NoData mask, 1 for the map and 1 for a temporary) needs less than that.
    """
    pad = mspa_parameters(edge_width).pad
    padded = (rows + 2 * pad) * (cols + 2 * pad)
    return rows * cols * 2 + padded * BYTES_PER_PADDED_PIXEL + CHUNK_BYTES
