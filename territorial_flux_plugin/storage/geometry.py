"""GeoPackage geometry blobs: the one place that encodes and decodes them.

A GeoPackage geometry is a small header (``GP``, version, flags, the srs id, an optional
envelope) followed by standard WKB. Pure Python (numpy only for the batch encoders, which the
analysis uses for hundreds of thousands of lines at once); GDAL only where an envelope must be
computed from a geometry the file stored without one.
"""

import struct

_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_POINT = struct.Struct("<BIdd")


def header(srs_id):
    """The 8-byte header of a little-endian blob without envelope."""
    return struct.pack("<2sBBi", b"GP", 0, 1, int(srs_id))


def point_wkb(x, y):
    return _POINT.pack(1, 1, x, y)


def line_wkb(x1, y1, x2, y2):
    """A two-point multilinestring (the shape of a synergy or a possible link)."""
    return struct.pack("<BIIBII4d", 1, 5, 1, 1, 2, 2, x1, y1, x2, y2)


def blob_from_wkb(wkb, srs_id, envelope=None):
    """A GeoPackage blob wrapping ``wkb``, with ``envelope`` (minx, maxx, miny, maxy) when given
    (worth it for polygons: readers skip them without parsing); None for None."""
    if wkb is None:
        return None
    if envelope is None:
        return header(srs_id) + bytes(wkb)
    return struct.pack("<2sBBi4d", b"GP", 0, 0b00000011, int(srs_id), *envelope) + bytes(wkb)


def wkb_envelope(wkb):
    """(minx, maxx, miny, maxy) of a WKB geometry other than a point (a point's blob carries no
    envelope, as GDAL writes them); None for a point or an empty geometry."""
    data = bytes(wkb)
    order = "<" if data[0] == 1 else ">"
    if struct.unpack_from(order + "I", data, 1)[0] % 1000 == 1:
        return None
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkb(data)
    if geometry is None or geometry.IsEmpty():
        return None
    return geometry.GetEnvelope()


def point_blob(srs_id, x, y):
    return header(srs_id) + _POINT.pack(1, 1, x, y)


def point_encoder(srs_id):
    """A fast ``blob(x, y)`` for many points of one srs (the header is made once)."""
    prefix = header(srs_id)
    pack = _POINT.pack

    def blob(x, y):
        return prefix + pack(1, 1, x, y)

    return blob


def wkb_from_blob(blob):
    """The WKB inside a GeoPackage blob; None for None."""
    if blob is None:
        return None
    blob = bytes(blob)
    return blob[8 + _ENVELOPE_SIZES.get((blob[3] >> 1) & 0x07, 0):]


def point_of_blob(blob):
    """(x, y) of a GeoPackage point (or one-point multipoint) blob, else None."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    return point_of_wkb(blob, 8 + _ENVELOPE_SIZES.get((flags >> 1) & 0x07, 0))


def point_of_wkb(wkb, start=0):
    """(x, y) of a WKB point (or one-point multipoint) starting at ``start``, else None."""
    if wkb is None or len(wkb) < start + 21:
        return None
    order = "<" if wkb[start] == 1 else ">"
    kind = struct.unpack_from(order + "I", wkb, start + 1)[0] % 1000
    if kind == 1:
        return struct.unpack_from(order + "dd", wkb, start + 5)
    if kind == 4:  # a one-point multipoint
        inner = start + 9
        inner_order = "<" if wkb[inner] == 1 else ">"
        return struct.unpack_from(inner_order + "dd", wkb, inner + 5)
    return None


def envelope(blob):
    """(minx, maxx, miny, maxy) of a GeoPackage blob, or None when empty."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    kind = (flags >> 1) & 0x07
    order = "<" if flags & 0x01 else ">"
    if kind:
        return struct.unpack(order + "4d", blob[8:40])
    from osgeo import ogr  # no envelope stored: compute it

    geometry = ogr.CreateGeometryFromWkb(bytes(blob[8 + _ENVELOPE_SIZES.get(kind, 0):]))
    if geometry is None or geometry.IsEmpty():
        return None
    return geometry.GetEnvelope()


def line_blobs(srs_id, x1, y1, x2, y2):
    """Blobs of two-point multilinestrings built by numpy, one after the other in one bytes
    object: (the bytes, the size of one). Without the optional envelope (a third of a blob; the
    spatial index holds the envelopes, and readers take them from the points)."""
    import numpy as np

    dtype = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                      ("order", "u1"), ("type", "<u4"), ("parts", "<u4"), ("order2", "u1"), ("type2", "<u4"),
                      ("points", "<u4"), ("coordinates", "<f8", 4)])
    data = np.zeros(len(x1), dtype=dtype)
    data["magic"], data["version"], data["flags"], data["srs"] = b"GP", 0, 1, srs_id
    data["order"], data["type"], data["parts"] = 1, 5, 1
    data["order2"], data["type2"], data["points"] = 1, 2, 2
    data["coordinates"] = np.stack([x1, y1, x2, y2], 1)
    return data.tobytes(), dtype.itemsize


def line_wkbs(x1, y1, x2, y2):
    """WKB of two-point linestrings (not multi), built by numpy: a list."""
    import numpy as np

    dtype = np.dtype([("order", "u1"), ("type", "<u4"), ("points", "<u4"), ("coordinates", "<f8", 4)])
    data = np.zeros(len(x1), dtype=dtype)
    data["order"], data["type"], data["points"] = 1, 2, 2
    data["coordinates"] = np.stack([x1, y1, x2, y2], 1)
    raw, size = data.tobytes(), dtype.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]
