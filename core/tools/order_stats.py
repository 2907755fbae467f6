"""Exact order statistics and quantiles of values streamed in chunks, in bounded memory.

MSD radix selection: each float64 value is mapped to an unsigned key that sorts like the value
(:func:`sort_keys`: negative values have all bits flipped, others get the sign bit set). Each pass
over the chunks counts the keys by their next 16-bit digit inside the buckets that hold the wanted
ranks, most significant digit first; as soon as those buckets hold at most ``collect`` values in
all, one more pass collects and sorts them. At most 5 passes, all exact (no binning by value).

Memory: one 65 536-bin int64 count row (512 KB) per wanted bucket, the collected values
(≤ ``collect`` × 16 B) and one chunk's keys.
"""
import numpy as np

_SIGN = np.uint64(1 << 63)
_DIGIT_BITS = 16
_DIGITS = 1 << _DIGIT_BITS
#: Collect the wanted buckets' values once they hold at most this many values together.
COLLECT = 1 << 20


def sort_keys(values):
    """uint64 keys ordered like the float64 ``values`` (IEEE-754 bits; NaN must be absent)."""
    bits = np.ascontiguousarray(values, dtype=np.float64).view(np.uint64)
    return np.where(bits & _SIGN, ~bits, bits | _SIGN)


def key_values(keys):
    """The float64 values of :func:`sort_keys` keys."""
    keys = np.asarray(keys, dtype=np.uint64)
    return np.where(keys & _SIGN, keys & ~_SIGN, ~keys).view(np.float64)


def _bucket_of(keys, buckets, shift):
    """Row in sorted ``buckets`` of each key's prefix ``keys >> shift`` (−1 when in none)."""
    if shift >= 64:
        return np.zeros(keys.size, dtype=np.int64)
    prefix = keys >> np.uint64(shift)
    row = np.minimum(np.searchsorted(buckets, prefix), buckets.size - 1)
    return np.where(buckets[row] == prefix, row, -1)


def order_statistics(chunks, count, ranks, collect=COLLECT):
    """Values at the 0-based ``ranks`` of the sorted values of ``chunks`` (a callable returning a
    fresh iterable of 1-D float64 arrays holding ``count`` values in all, no NaN)."""
    ranks = np.asarray(ranks, dtype=np.int64)
    prefix = np.zeros(ranks.size, dtype=np.uint64)   # key bits above `shift` of each rank's bucket
    offset = ranks.copy()                            # rank inside its bucket
    size = np.full(ranks.size, count, dtype=np.int64)
    shift = 64
    while shift > 0:
        buckets, first = np.unique(prefix, return_index=True)
        if size[first].sum() <= collect:
            break
        shift -= _DIGIT_BITS
        counts = np.zeros((buckets.size, _DIGITS), dtype=np.int64)
        for values in chunks():
            keys = sort_keys(values)
            row = _bucket_of(keys, buckets, shift + _DIGIT_BITS)
            inside = row >= 0
            digit = (keys[inside] >> np.uint64(shift)) & np.uint64(_DIGITS - 1)
            counts += np.bincount(row[inside] * _DIGITS + digit.astype(np.int64),
                                  minlength=counts.size).reshape(counts.shape)
        cumulative = np.cumsum(counts, axis=1)
        row = np.searchsorted(buckets, prefix)
        for i in range(ranks.size):
            digit = int(np.searchsorted(cumulative[row[i]], offset[i], side="right"))
            offset[i] -= cumulative[row[i], digit] - counts[row[i], digit]
            size[i] = counts[row[i], digit]
            prefix[i] = (prefix[i] << np.uint64(_DIGIT_BITS)) | np.uint64(digit)
    if shift == 0:
        return key_values(prefix)
    buckets = np.unique(prefix)
    picked = [keys[_bucket_of(keys, buckets, shift) >= 0] for keys in map(sort_keys, chunks())]
    picked = np.sort(np.concatenate(picked))
    start = np.searchsorted(picked >> np.uint64(shift), prefix) if shift < 64 else np.zeros(ranks.size, np.int64)
    return key_values(picked[start + offset])


def quantiles(chunks, count, q):
    """``np.quantile(values, q)`` (linear method) of the ``count`` values of ``chunks``, bit for bit:
    the two order statistics around each virtual index ``(count − 1)·q`` are found exactly and
    interpolated by ``np.quantile`` itself on the pair (virtual index 0 + the same fraction)."""
    q = np.asarray(q, dtype=np.float64)
    virtual = (count - 1) * q
    below = np.floor(virtual)
    lower = np.minimum(below.astype(np.int64), count - 1)
    upper = np.minimum(lower + 1, count - 1)
    wanted = np.unique(np.concatenate([lower, upper]))
    found = dict(zip(wanted.tolist(), order_statistics(chunks, count, wanted).tolist()))
    return np.array([np.quantile(np.array([found[a], found[b]]), min(fraction, 1.0))
                     for a, b, fraction in zip(lower.tolist(), upper.tolist(), (virtual - below).tolist())])
