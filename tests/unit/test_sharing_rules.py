"""What leaves the organisation (domain.sharing): the column lists and the row selection."""

import pytest

from territorial_flux_plugin.domain import sharing
from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.storage.schema import PERSONAL_COLUMNS, TABLES_BY_NAME

NEVER = {"contact_name", "contact_email", "contact_phone", "advisor", "by", "updated_by", "created_by", "notes",
         "comment", "address", "postcode", "current_route", "current_cost_eur", "savings_eur_per_year",
         "next_action", "next_action_date", "abandon_reason", "reason", "source", "row_version"}


def test_the_columns_are_the_issue_s_lists_word_for_word():
    assert sharing.COMPANY_COLUMNS == ["uid", "siret", "name", "naf_code", "activity", "headcount_band", "commune",
                                       "commune_code", "zone"]
    assert sharing.FLOW_COLUMNS == ["uid", "company_uid", "direction", "family", "resource_code", "resource",
                                    "label", "quantity", "unit", "availability", "hazardous", "priority",
                                    "confidentiality", "last_verified"]
    assert sharing.SYNERGY_COLUMNS == ["uid", "kind", "title", "resource_code", "resource", "status", "quantity",
                                       "unit", "diverted_t_per_year", "co2e_avoided_t_per_year", "distance_km",
                                       "confidentiality"]
    assert sharing.PARTICIPANT_COLUMNS == ["synergy_uid", "company_uid", "flow_uid", "role"]


def test_no_personal_or_internal_column_is_ever_read():
    for table in sharing.SHARED_TABLES:
        read = set(sharing.read_columns(table))
        assert not read & NEVER, table
        assert not read & set(PERSONAL_COLUMNS.get(table, ())), table
        assert read <= set(TABLES_BY_NAME[table].column_names), table


def _rows():
    companies = [
        {"uid": "c1", "status": "active", "name": "One", "naf_code": "10.71C", "geom": b"p1"},
        {"uid": "c2", "status": "active", "name": "Two", "naf_code": None, "geom": b"p2"},
        {"uid": "c3", "status": "archived", "name": "Gone", "geom": b"p3"},
        {"uid": "c4", "status": "active", "name": "Quiet", "geom": b"p4"},
        {"uid": "c5", "status": "active", "name": "Member", "geom": None},
    ]
    flows = [
        {"uid": "f1", "company_uid": "c1", "status": "active", "confidentiality": "public", "resource_code": "R"},
        {"uid": "f2", "company_uid": "c2", "status": "active", "confidentiality": "partners"},
        {"uid": "f3", "company_uid": "c3", "status": "active", "confidentiality": "public"},
        {"uid": "f4", "company_uid": "c4", "status": "active", "confidentiality": "internal"},
        {"uid": "f5", "company_uid": "c1", "status": "archived", "confidentiality": "public"},
        {"uid": "f6", "company_uid": "c5", "status": "active", "confidentiality": "advisor"},
    ]
    synergies = [
        {"uid": "s1", "status": "operating", "confidentiality": "public", "geom": b"l1"},
        {"uid": "s2", "status": "abandoned", "confidentiality": "public", "geom": b"l2"},
        {"uid": "s3", "status": "studying", "confidentiality": "partners", "geom": b"l3"},
        {"uid": "s4", "status": "idea", "confidentiality": "internal", "geom": b"l4"},
    ]
    participants = [
        {"synergy_uid": "s1", "company_uid": "c1", "flow_uid": "f1", "role": "supplier"},
        {"synergy_uid": "s1", "company_uid": "c5", "flow_uid": "f6", "role": "receiver"},
        {"synergy_uid": "s1", "company_uid": "c3", "flow_uid": "f3", "role": "member"},
        {"synergy_uid": "s2", "company_uid": "c4", "flow_uid": "f4", "role": "supplier"},
        {"synergy_uid": "s3", "company_uid": "c2", "flow_uid": "f2", "role": "receiver"},
        {"synergy_uid": "s4", "company_uid": "c4", "flow_uid": "f4", "role": "supplier"},
    ]
    return companies, flows, synergies, participants


def uids(rows, key="uid"):
    return [r[key] for r in rows]


def test_public_keeps_active_public_flows_of_active_companies_and_their_synergies():
    shared = sharing.select(*_rows(), "public", words={"activity": {"10.71C": "Bakery"}, "resource": {"R": "Res"}})
    assert uids(shared.flows) == ["f1"]
    assert uids(shared.synergies) == ["s1"]
    # the archived company's participation goes; the advisor-level flow of a member is blanked
    assert [(p["company_uid"], p["flow_uid"]) for p in shared.participants] == [("c1", "f1"), ("c5", None)]
    assert uids(shared.companies) == ["c1", "c5"]
    assert shared.companies[0]["activity"] == "Bakery" and shared.flows[0]["resource"] == "Res"
    assert shared.companies[0]["geom"] == b"p1" and shared.synergies[0]["geom"] == b"l1"
    assert list(shared.flows[0]) == sharing.FLOW_COLUMNS
    assert [k for k in shared.companies[0] if k != "geom"] == sharing.COMPANY_COLUMNS
    assert "status" not in shared.companies[0]
    assert shared.counts == {"companies": 2, "flows": 1, "synergies": 1, "synergy_participants": 2}


def test_partners_see_partners_and_public_rows_never_internal_ones():
    shared = sharing.select(*_rows(), "partners")
    assert uids(shared.flows) == ["f1", "f2"]
    assert uids(shared.synergies) == ["s1", "s3"]
    assert uids(shared.companies) == ["c1", "c2", "c5"]
    assert "c4" not in uids(shared.companies), "a company with only internal flows and synergies stays home"


@pytest.mark.parametrize("level", ["advisor", "internal", "everyone", None])
def test_only_the_partner_levels_are_accepted(level):
    with pytest.raises(TerritorialFluxError):
        sharing.select(*_rows(), level)


def test_licences_and_numbers_for_a_french_spreadsheet():
    assert sharing.check_licence("etalab-2.0") == "etalab-2.0"
    with pytest.raises(TerritorialFluxError):
        sharing.check_licence("cc-by")
    assert sharing.decimal_comma(1234.5) == "1234,5"
    assert sharing.decimal_comma(12.0) == "12"
    assert sharing.decimal_comma(None) == ""
    assert sharing.decimal_comma(True) == "1"
    assert sharing.decimal_comma("0123") == "0123"
