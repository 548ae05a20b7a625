"""What an import needs to know of the workspace, read once, whatever its storage."""

import math

from ..domain.errors import fail
from ..domain.messages import QT_TRANSLATE_NOOP


def spatial_reference(user_input):
    """An OSR spatial reference in x/y order from an authid, a WKT or a PROJ string; None if unknown."""
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.SetFromUserInput(user_input) != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class WorkspaceFacts:
    """The workspace's CRS, srid, NAF codes and extents, and its companies on demand."""

    def __init__(self, workspace):
        self.workspace = workspace
        self.reference = workspace.reference
        info = workspace.info
        if not info:
            fail(QT_TRANSLATE_NOOP("Validation", "{path} is not a Territorial Flux workspace."), path=self.reference)
        self.srs_id = workspace.srid
        self.crs_authid = info.get("crs") or "EPSG:{}".format(self.srs_id)
        self.crs_wkt = workspace.stored_crs_wkt()
        with workspace.opened(read_only=True) as database:
            self.naf_codes = {r["code"] for r in database.rows("SELECT code FROM {t:naf_nomenclature}")}
        self.territory = workspace.extent("areas", "kind = 'territory'")
        self.companies_extent = workspace.extent("companies")
        self.srs = spatial_reference(self.crs_authid) or (spatial_reference(self.crs_wkt) if self.crs_wkt else None)
        if self.srs is None:
            fail(QT_TRANSLATE_NOOP("Validation", "The workspace's CRS {crs} is unknown to GDAL."), crs=self.crs_authid)

    def companies(self, columns):
        """Existing companies as dicts with ``fid`` and ``columns`` (what the user may read)."""
        with self.workspace.opened(read_only=True) as database:
            return database.rows("SELECT fid, {} FROM {{t:companies}}".format(", ".join('"{}"'.format(c) for c in columns)))

    def bounds(self):
        """(minx, miny, maxx, maxy) beyond which a point is "outside the territory by far"."""
        for box in (self.territory, self.companies_extent):
            if box and box[0] is not None:
                minx, miny, maxx, maxy = box
                margin = 0.5 * max(maxx - minx, maxy - miny) + (0.5 if self.srs.IsGeographic() else 50000)
                return minx - margin, miny - margin, maxx + margin, maxy + margin
        area = self.srs.GetAreaOfUse()
        if area is None:
            return None
        from osgeo import osr

        transform = osr.CoordinateTransformation(spatial_reference("EPSG:4326"), self.srs)
        pad = 2.0
        west, east = area.west_lon_degree - pad, area.east_lon_degree + pad
        south, north = area.south_lat_degree - pad, area.north_lat_degree + pad
        samples = [(west + (east - west) * i / 8.0, south + (north - south) * j / 8.0)
                   for i in range(9) for j in range(9)]
        points = [p for p in transform.TransformPoints(samples) if all(map(math.isfinite, p[:2]))]
        if not points:
            return None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)
