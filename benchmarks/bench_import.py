"""Importing companies: 100,000 SIRENE-like establishments from a shapefile into a fresh
workspace with territorialflux:importcompanies, against ``ogr2ogr -f GPKG`` of the same file
in the same run. Goal: the whole validated import in at most 1.5 times ogr2ogr's time."""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

COUNT = 100000
RUNS = 3  # each: ogr2ogr, then the import
FIELDS = [("siret", 14), ("raison_soc", 80), ("enseigne", 50), ("ape", 6), ("adresse", 80), ("cp", 5),
          ("commune", 50), ("code_insee", 5), ("effectif", 2), ("etat", 1)]
COMMUNES = [("59183", "59140", "Dunkerque"), ("59273", "59820", "Gravelines"), ("59155", "59279", "Loon-Plage"),
            ("59131", "59210", "Coudekerque-Branche"), ("59271", "59760", "Grande-Synthe"),
            ("59540", "59430", "Saint-Pol-sur-Mer"), ("59340", "59640", "Leffrinckoucke"),
            ("59094", "59630", "Bourbourg"), ("59588", "59380", "Wormhout"), ("59043", "59380", "Bergues")]
WORDS = ["Société", "Pâtisserie", "Coopérative", "Boulangerie", "Métallerie", "Transports", "Garage",
         "Menuiserie", "Chaudronnerie", "Imprimerie", "Brasserie", "Fonderie", "Plasturgie", "Logistique"]
NAMES = ["du Port", "des Flandres", "Dupont", "Lefebvre", "de l'Yser", "Martin", "du Littoral", "Vandenbussche",
         "de la Colme", "Côte d'Opale", "Deswarte", "Nord Énergie"]


def generate(path, count=COUNT, seed=59):
    """A Lambert-93 point shapefile of SIRENE-like establishments (Windows-1252, with .cpg)."""
    from osgeo import gdal, ogr, osr

    from territorial_flux_plugin.domain.nomenclature import naf_rows
    from territorial_flux_plugin.domain.siret import complete_siret

    rng = random.Random(seed)
    nafs = [r["code"].replace(".", "") for r in naf_rows()]
    bands = ["NN", "00", "01", "02", "03", "11", "12", "21", "22"]
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = data.CreateLayer("etablissements", srs, ogr.wkbPoint, options=["ENCODING=CP1252"])
    for name, width in FIELDS:
        definition = ogr.FieldDefn(name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    definition = layer.GetLayerDefn()
    data.StartTransaction()
    for n in range(count):
        siren = complete_siret("{:08d}".format(30000000 + n))
        commune = rng.choice(COMMUNES)
        feature = ogr.Feature(definition)
        feature.SetField(0, complete_siret(siren + "{:04d}".format(rng.randint(1, 99))))
        feature.SetField(1, "{} {} {}".format(rng.choice(WORDS), rng.choice(NAMES), n))
        if rng.random() < 0.3:
            feature.SetField(2, "{} {}".format(rng.choice(WORDS), rng.choice(NAMES)))
        feature.SetField(3, rng.choice(nafs))
        feature.SetField(4, "{} rue de la Gare".format(rng.randint(1, 300)))
        feature.SetField(5, commune[1])
        feature.SetField(6, commune[2])
        feature.SetField(7, commune[0])
        feature.SetField(8, rng.choice(bands))
        feature.SetField(9, "A")
        geometry = ogr.Geometry(ogr.wkbPoint)
        geometry.AddPoint_2D(rng.gauss(650000, 15000), rng.gauss(7100000, 12000))
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    data.CommitTransaction()
    data = None
    gdal.SetConfigOption("SHAPE_ENCODING", saved)


def main(count=COUNT):
    import processing
    from qgis.core import QgsProcessingFeedback

    from territorial_flux_plugin.storage import geopackage as gpkg

    folder = tempfile.mkdtemp(prefix="tf_bench_import_")
    try:
        source = os.path.join(folder, "etablissements.shp")
        started = time.perf_counter()
        generate(source, count)
        print("generated {} establishments in {:.1f} s".format(count, time.perf_counter() - started), flush=True)
        empty = os.path.join(folder, "empty.gpkg")
        processing.run("territorialflux:createworkspace", {"OUTPUT": empty, "NAME": "Bench"})

        runs = []
        for attempt in range(RUNS):
            # each run starts with nothing waiting to be written to the disk (a commit's wait for the
            # disk would otherwise include what the run before wrote, ogr2ogr's file for the import)
            os.sync()
            target = os.path.join(folder, "ogr2ogr_{}.gpkg".format(attempt))
            started = time.perf_counter()
            subprocess.run(["ogr2ogr", "-f", "GPKG", target, source], check=True)
            ogr_seconds = time.perf_counter() - started

            workspace = os.path.join(folder, "workspace_{}.gpkg".format(attempt))
            shutil.copy(empty, workspace)
            os.sync()
            started = time.perf_counter()
            result = processing.run("territorialflux:importcompanies", {
                "WORKSPACE": workspace, "INPUT": source,
                "REJECTS": os.path.join(folder, "rejects.csv")}, feedback=QgsProcessingFeedback())
            import_seconds = time.perf_counter() - started
            assert result["IMPORTED"] == count, result
            assert gpkg.integrity_problems(workspace) == []
            runs.append((ogr_seconds, import_seconds))
        # the best time of each (the least disturbed by the machine's other work), and every run
        ogr_seconds, import_seconds = min(r[0] for r in runs), min(r[1] for r in runs)
        print("ogr2ogr -f GPKG: {:.2f} s; importcompanies (validated, into a workspace): {:.2f} s; "
              "ratio {:.2f} (goal: at most 1.5; best times of {} runs)".format(
                  ogr_seconds, import_seconds, import_seconds / ogr_seconds, len(runs)))
        print("all runs (ogr2ogr s, import s, ratio): " + ", ".join(
            "({:.2f}, {:.2f}, {:.2f})".format(o, i, i / o) for o, i in runs))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
