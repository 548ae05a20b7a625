"""Rules for reading partner data (domain.importing): pure Python, no QGIS."""

import pytest

from territorial_flux_plugin.domain import importing as imp
from territorial_flux_plugin.domain.quantities import parse_quantity

# --- column mapping ---------------------------------------------------------------------------

SIRENE_COLUMNS = [
    "siren", "nic", "siret", "statutDiffusionEtablissement", "trancheEffectifsEtablissement",
    "activitePrincipaleEtablissement", "denominationUsuelleEtablissement", "enseigne1Etablissement",
    "numeroVoieEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
    "codePostalEtablissement", "libelleCommuneEtablissement", "codeCommuneEtablissement",
    "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement",
    "etatAdministratifEtablissement",
]


def test_sirene_official_names_are_proposed():
    mapping = imp.propose_mapping(SIRENE_COLUMNS)
    assert mapping["siret"] == "siret"
    assert mapping["naf_code"] == "activitePrincipaleEtablissement"
    assert mapping["commune_code"] == "codeCommuneEtablissement"
    assert mapping["x"] == "coordonneeLambertAbscisseEtablissement"
    assert mapping["y"] == "coordonneeLambertOrdonneeEtablissement"
    assert mapping["state"] == "etatAdministratifEtablissement"
    assert mapping["headcount_band"] == "trancheEffectifsEtablissement"
    assert mapping["diffusion"] == "statutDiffusionEtablissement"
    assert mapping["trade_name"] == "denominationUsuelleEtablissement"
    assert mapping["street_name"] == "libelleVoieEtablissement"
    assert mapping["postcode"] == "codePostalEtablissement"
    assert mapping["commune"] == "libelleCommuneEtablissement"
    assert "name" not in mapping  # the establishment file has no legal name: LEGAL_UNITS gives it


@pytest.mark.parametrize("columns, expected", [
    (["Raison sociale", "Code APE", "Adresse", "CP", "Commune", "Code INSEE"],
     {"name": "Raison sociale", "naf_code": "Code APE", "address": "Adresse", "postcode": "CP",
      "commune": "Commune", "commune_code": "Code INSEE"}),
    (["RAISON_SOCIALE", "NAF", "ADRESSE", "CODE_POSTAL", "VILLE", "INSEE"],
     {"name": "RAISON_SOCIALE", "naf_code": "NAF", "address": "ADRESSE", "postcode": "CODE_POSTAL",
      "commune": "VILLE", "commune_code": "INSEE"}),
    (["nom", "enseigne", "Activité (APE/NAF)", "Téléphone", "Courriel"],
     {"name": "nom", "trade_name": "enseigne", "contact_phone": "Téléphone", "contact_email": "Courriel"}),
])
def test_french_names_case_and_accents_do_not_matter(columns, expected):
    mapping = imp.propose_mapping(columns)
    for target, column in expected.items():
        assert mapping[target] == column


def test_shapefile_names_cut_at_ten_characters_are_recognised():
    mapping = imp.propose_mapping(["siret", "activitePr", "codeCommun", "etatAdmini", "raison_soc"])
    assert mapping["naf_code"] == "activitePr"
    assert mapping["commune_code"] == "codeCommun"
    assert mapping["state"] == "etatAdmini"
    assert mapping["name"] == "raison_soc"


def test_each_column_is_proposed_once():
    mapping = imp.propose_mapping(["nom", "entreprise"])
    assert sorted(mapping.values()) == sorted(set(mapping.values()))


def test_flow_headers_in_english_and_french():
    fr = imp.propose_mapping(["Entreprise", "SIRET", "Sens (offre / besoin)", "Ressource", "Quantité",
                              "Unité", "Confidentialité", "Commentaire"], imp.FLOW_TARGETS)
    assert fr == {"siret": "SIRET", "company": "Entreprise", "direction": "Sens (offre / besoin)",
                  "resource": "Ressource", "quantity": "Quantité", "unit": "Unité",
                  "confidentiality": "Confidentialité", "comment": "Commentaire"}
    en = imp.propose_mapping(["company", "DIRECTION", "resource", "quantity", "unit", "comment"],
                             imp.FLOW_TARGETS)
    assert en["company"] == "company" and en["direction"] == "DIRECTION" and en["quantity"] == "quantity"


def test_parse_mapping():
    assert imp.parse_mapping("siret=N_SIRET; name = Nom ;zone=") == {
        "siret": "N_SIRET", "name": "Nom", "zone": None}
    with pytest.raises(ValueError) as error:
        imp.parse_mapping("colour=red")
    assert "colour" in str(error.value.args[0])
    with pytest.raises(ValueError):
        imp.parse_mapping("siret")
    assert imp.parse_mapping(imp.format_mapping({"siret": "a", "name": "b"})) == {"siret": "a", "name": "b"}


# --- SIRENE codes -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1071C", "10.71C"), ("10.71C", "10.71C"), ("10.71c", "10.71C"), ("10 71 C", "10.71C"),
    ("4711D", "47.11D"), ("10.7", None), ("", None), (None, None), ("ABCDE", None),
])
def test_naf_normalisation(text, expected):
    assert imp.normalise_naf(text) == expected


def test_commune_postcode_and_headcount():
    assert imp.normalise_commune_code("1053") == "01053"
    assert imp.normalise_commune_code("2A004") == "2A004"
    assert imp.normalise_commune_code("123") is None
    assert imp.normalise_postcode("59140") == "59140"
    assert imp.normalise_postcode("1000") == "01000"
    assert imp.normalise_postcode("5914O") is None
    assert imp.normalise_headcount_band("1") == "01"
    assert imp.normalise_headcount_band("NN") == "NN"
    assert imp.normalise_headcount_band("beaucoup") is None


# --- probable duplicates ----------------------------------------------------------------------

def test_name_and_commune_normalisation():
    assert imp.normalise_name("Sté DUPONT & Fils, SARL") == imp.normalise_name("dupont fils")
    assert imp.normalise_name("Société Générale de Pâtisserie") == "generale patisserie"
    assert imp.duplicate_key("Boulangerie Martin SAS", "Saint-Pol-sur-Mer") == \
        imp.duplicate_key("BOULANGERIE MARTIN", "SAINT POL SUR MER")
    assert imp.duplicate_key("Martin", "Dunkerque") != imp.duplicate_key("Martin", "Gravelines")


# --- words ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("offer", "offer"), ("Offre", "offer"), ("OFFRES", "offer"), (" besoin ", "need"),
    ("Need", "need"), ("Besoins", "need"), ("maybe", None), ("", None),
])
def test_direction_words(text, expected):
    assert imp.parse_direction(text) == expected


def test_confidentiality_and_priority_words():
    assert imp.parse_confidentiality("Partenaires") == "partners"
    assert imp.parse_confidentiality("interne") == "internal"
    assert imp.parse_confidentiality("Conseiller") == "advisor"
    assert imp.parse_confidentiality("secret") is None
    assert imp.parse_priority("Haute") == "high"
    assert imp.parse_priority("élevée") == "high"


# --- encodings --------------------------------------------------------------------------------

WORDS = "Société;Pâtisserie;Coopérative\n"


def test_detect_encoding():
    assert imp.detect_encoding(WORDS.encode("utf-8")) == "utf-8"
    assert imp.detect_encoding(b"\xef\xbb\xbf" + WORDS.encode("utf-8")) == "utf-8-sig"
    assert imp.detect_encoding(WORDS.encode("cp1252")) == "cp1252"
    assert WORDS.encode("cp1252").decode(imp.detect_encoding(WORDS.encode("cp1252"))) == WORDS
    assert imp.detect_encoding(b"plain ascii") == "utf-8"


def test_python_encoding_names_from_cpg_files():
    assert imp.python_encoding("UTF-8") == "utf-8"
    assert imp.python_encoding("1252") == "cp1252"
    assert imp.python_encoding("ANSI 1252") == "cp1252"
    assert imp.python_encoding("ISO-8859-1") == "latin-1"
    assert imp.python_encoding("klingon") is None


def test_wrong_cpg_is_noticed():
    assert imp.declared_encoding_problem("UTF-8", WORDS.encode("cp1252"), "a.shp") is not None
    assert imp.declared_encoding_problem("1252", WORDS.encode("utf-8"), "a.shp") is not None
    assert imp.declared_encoding_problem("1252", WORDS.encode("cp1252"), "a.shp") is None
    assert imp.declared_encoding_problem("UTF-8", WORDS.encode("utf-8"), "a.shp") is None
    assert "a.shp" in str(imp.declared_encoding_problem("UTF-8", WORDS.encode("cp1252"), "a.shp"))


def test_sniff_delimiter():
    assert imp.sniff_delimiter("siret;nom;commune") == ";"
    assert imp.sniff_delimiter("siret,nom,commune") == ","
    assert imp.sniff_delimiter("siret\tnom") == "\t"
    assert imp.sniff_delimiter("siret") is None


# --- messages ---------------------------------------------------------------------------------

def test_row_message_names_file_row_and_problem_and_translates_both():
    problem = parse_quantity("-3")[2]
    message = imp.RowMessage("flows.csv", 7, problem)
    assert str(message).startswith("flows.csv, row 7: ")
    assert "negative" in str(message)
    seen = []

    def translate(context, text):
        seen.append((context, text))
        return text.replace("cannot be negative", "CANNOT BE NEGATIVE")

    text = message.translated(translate)
    assert "CANNOT BE NEGATIVE" in text and text.startswith("flows.csv, row 7")
    assert all(context == "Validation" for context, _t in seen)


def test_closed_and_partial():
    assert imp.is_closed("F") and imp.is_closed("fermé") and not imp.is_closed("A")
    assert imp.is_partial_diffusion("P") and not imp.is_partial_diffusion("O")


def test_quick_siret_check_agrees_with_the_full_rule():
    from territorial_flux_plugin.domain.siret import complete_siret, is_valid_siret

    samples = [complete_siret("{:013d}".format(n * 7919)) for n in range(1, 300)]
    samples += ["{:014d}".format(n * 104729) for n in range(1, 300)] + ["1234567890123", "abcdefghijklmn"]
    for siret in samples:
        if imp.quick_siret_ok(siret):
            assert is_valid_siret(siret), siret
    assert all(imp.quick_siret_ok(s) for s in samples[:299])


def test_utf16_with_a_bom_is_detected():
    assert imp.detect_encoding("siret\tnom\r\n1\tÉpoisses".encode("utf-16")) == "utf-16"
    assert imp.detect_encoding("siret\tnom".encode("utf-16-be")) != "utf-16"  # no BOM: not guessed
    assert imp.detect_encoding(b"\xfe\xff" + "siret".encode("utf-16-be")) == "utf-16"


def test_two_columns_of_one_rank_are_a_conflict_named_with_their_positions():
    conflicts = imp.column_conflicts(["siret", "sens", "ressource", "quantité", "quantity"], imp.FLOW_TARGETS)
    assert conflicts == {"quantity": [(4, "quantité"), (5, "quantity")]}
    assert imp.column_conflicts(["siret", "nom", "siret"]) == {"siret": [(1, "siret"), (3, "siret")]}
    message = str(imp.conflict_message("f.csv", "quantity", conflicts["quantity"]))
    assert "'quantité' (4), 'quantity' (5)" in message and "f.csv" in message


def test_ranked_names_are_not_a_conflict():
    columns = ["siret", "denominationUsuelleEtablissement", "enseigne1Etablissement", "raison_sociale", "nom"]
    assert imp.column_conflicts(columns) == {}
    mapping = imp.propose_mapping(columns)
    assert mapping["trade_name"] == "denominationUsuelleEtablissement" and mapping["name"] == "raison_sociale"
    # volume is a weaker name of the quantity than quantité
    assert imp.column_conflicts(["sens", "ressource", "quantité", "volume"], imp.FLOW_TARGETS) == {}
    assert imp.propose_mapping(["quantité", "volume"], imp.FLOW_TARGETS)["quantity"] == "quantité"


@pytest.mark.parametrize("commune, crs", [
    ("59183", "EPSG:2154"), ("2A004", "EPSG:2154"), ("97105", "EPSG:5490"), ("97209", "EPSG:5490"),
    ("97701", "EPSG:5490"), ("97801", "EPSG:5490"), ("97302", "EPSG:2972"), ("97411", "EPSG:2975"),
    ("97502", "EPSG:4467"), ("97611", "EPSG:4471"), ("", None), (None, None)])
def test_sirene_crs_follows_the_commune_code(commune, crs):
    assert imp.sirene_crs(commune) == crs


def test_archive_datasets_leave_out_sidecars_readmes_and_mac_folders(tmp_path):
    import zipfile

    from territorial_flux_plugin.importing.tables import archive_datasets, member_for

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("sites.shp", "sites.dbf", "sites.shx", "sites.prj", "README.txt", "notice.pdf",
                     "__MACOSX/._sites.shp", "data/flux.csv", "data/", "orphan.dbf"):
            archive.writestr(name, b"x")
    assert archive_datasets(str(path)) == ["sites.shp", "data/flux.csv", "orphan.dbf"]
    assert member_for(archive_datasets(str(path)), "FLUX") == "data/flux.csv"
    assert member_for(archive_datasets(str(path)), "sites.shp") == "sites.shp"
    assert member_for(archive_datasets(str(path)), "nothing") is None
