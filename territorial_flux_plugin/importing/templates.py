"""The flows template an advisor fills in during a synergy-detection workshop.

The shipped files (``resources/templates/flows_template_<lang>.xlsx`` and ``.csv``) are written
by :func:`write_templates` (``python -m territorial_flux_plugin.importing.templates``): a first
sheet with the headers :mod:`..domain.importing` recognises, a second one with examples and
the accepted words.
"""

import csv
import os

FOLDER = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "templates")

HEADERS = {
    "en": ["company", "siret", "direction (offer/need)", "resource (code or words)", "label", "quantity",
           "unit", "confidentiality", "priority", "comment"],
    "fr": ["entreprise", "siret", "sens (offre/besoin)", "ressource (code ou mots)", "libellé", "quantité",
           "unité", "confidentialité", "priorité", "commentaire"],
}
SHEETS = {"en": ("flows", "help"), "fr": ("flux", "aide")}
HELP = {
    "en": [
        ["column", "what to write", "example"],
        ["company", "the company's name as in the workspace (or leave it and give the SIRET)", "Biscuiterie du Port"],
        ["siret", "14 digits; spaces allowed", "356 000 000 00048"],
        ["direction", "offer or need", "offer"],
        ["resource", "a code of the nomenclature (15 01 01, EN 01 05) or its name in English or French",
         "wooden packaging"],
        ["quantity", "a number; 1 200, 12.5, 12,5 and 12 t are understood", "1 200"],
        ["unit", "t/yr, kg/yr, MWh/yr, m3/yr, h/yr, FTE, m2, unit… (t/an, MWh/an work too)", "t/yr"],
        ["confidentiality", "advisor, internal (default), partners or public", "internal"],
        ["priority", "high, medium (default) or low", "high"],
        ["comment", "anything useful to the advisor", "pallets collected monthly"],
    ],
    "fr": [
        ["colonne", "quoi écrire", "exemple"],
        ["entreprise", "le nom de l'entreprise comme dans l'espace de travail (ou le SIRET seul)", "Biscuiterie du Port"],
        ["siret", "14 chiffres ; espaces acceptés", "356 000 000 00048"],
        ["sens", "offre ou besoin", "offre"],
        ["ressource", "un code de la nomenclature (15 01 01, EN 01 05) ou son nom en français ou en anglais",
         "emballages en bois"],
        ["quantité", "un nombre ; 1 200, 12,5 et 12 t sont compris", "1 200"],
        ["unité", "t/an, kg/an, MWh/an, m3/an, h/an, ETP, m2, unité…", "t/an"],
        ["confidentialité", "conseiller, interne (par défaut), partenaires ou public", "interne"],
        ["priorité", "haute, moyenne (par défaut) ou basse", "haute"],
        ["commentaire", "ce qui sera utile au conseiller", "palettes collectées chaque mois"],
    ],
}


def template_path(lang="en", extension="xlsx"):
    lang = lang if lang in HEADERS else "en"
    return os.path.join(FOLDER, "flows_template_{}.{}".format(lang, extension))


def write_templates(folder=FOLDER):
    from osgeo import ogr

    os.makedirs(folder, exist_ok=True)
    for lang, headers in HEADERS.items():
        path = os.path.join(folder, "flows_template_{}.xlsx".format(lang))
        if os.path.exists(path):
            os.remove(path)
        data = ogr.GetDriverByName("XLSX").CreateDataSource(path)
        sheet, help_sheet = SHEETS[lang]
        layer = data.CreateLayer(sheet, None, ogr.wkbNone)
        for header in headers:
            layer.CreateField(ogr.FieldDefn(header, ogr.OFTString))
        # GDAL writes the header row only above a row: one empty row, which imports skip
        layer.CreateFeature(ogr.Feature(layer.GetLayerDefn()))
        help_rows = HELP[lang]
        guide = data.CreateLayer(help_sheet, None, ogr.wkbNone)
        for header in help_rows[0]:
            guide.CreateField(ogr.FieldDefn(header, ogr.OFTString))
        for row in help_rows[1:]:
            feature = ogr.Feature(guide.GetLayerDefn())
            for index, value in enumerate(row):
                feature.SetField(index, value)
            guide.CreateFeature(feature)
        data = None
        with open(os.path.join(folder, "flows_template_{}.csv".format(lang)), "w", encoding="utf-8-sig",
                  newline="") as handle:
            csv.writer(handle, delimiter=";").writerow(headers)


if __name__ == "__main__":
    write_templates()
