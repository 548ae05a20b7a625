"""Value-chain analysis rules (domain.links): small territories with known answers."""

import random

import numpy as np
import pytest

from territorial_flux_plugin.domain import links
from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.domain.links import Flow, Settings


def flow(uid, company, direction, x_km, y_km, code="15 01 01", quantity=10.0, unit="t/yr", family=None,
         confidentiality="internal", status="active"):
    if family is None:
        family = "waste" if code[:2].isdigit() else {"EN": "energy", "MA": "matter"}[code[:2]]
    return Flow(uid, company, direction, family, code, quantity, unit, x_km * 1000.0, y_km * 1000.0,
                confidentiality, status, "label of " + uid)


def pairs(found):
    return {(link.offer.uid, link.need.uid) for link in found}


@pytest.fixture
def territory():
    """A offers at (0, 0); B, 10 km east, needs the same code; C, 40 km north, needs it too."""
    return [
        flow("a-offer", "A", "offer", 0, 0, quantity=10.0),
        flow("b-need", "B", "need", 10, 0, quantity=20.0),
        flow("c-need", "C", "need", 0, 40, quantity=5.0),
    ]


def test_two_companies_10_km_apart_and_a_third_40_km_away(territory):
    found = links.possible_links(territory)
    assert pairs(found) == {("a-offer", "b-need")}
    link = found[0]
    assert link.distance_km == pytest.approx(10.0)
    assert link.covered_share == pytest.approx(0.5)
    assert str(link.reason) == "same code 15 01 01 — 10.0 km — covers 50% of the need"
    assert link.resource_code == "15 01 01"

    missing = links.missing_links(territory)
    assert [(m.kind, m.flow.uid) for m in missing] == [("unmet_need", "c-need")]
    assert missing[0].nearest_km == pytest.approx(40.0)


def test_a_wider_distance_reaches_the_third_company(territory):
    found = links.possible_links(territory, Settings(max_distance_km=45))
    assert pairs(found) == {("a-offer", "b-need"), ("a-offer", "c-need")}
    assert links.missing_links(territory, Settings(max_distance_km=45)) == []


def test_nearest_km_is_none_without_any_counterpart():
    lonely = [flow("x-offer", "X", "offer", 0, 0, code="15 01 02")]
    missing = links.missing_links(lonely)
    assert [(m.kind, m.nearest_km) for m in missing] == [("orphan_offer", None)]


def test_a_live_synergy_is_never_proposed_again_and_covers_its_flows(territory):
    found = links.possible_links(territory, linked_pairs={("a-offer", "b-need")})
    assert found == []
    far = territory + [flow("d-offer", "D", "offer", 200, 200, code="15 01 03")]
    missing = links.missing_links(far, covered_flows={"d-offer"})
    assert "d-offer" not in {m.flow.uid for m in missing}
    assert "d-offer" in {m.flow.uid for m in links.missing_links(far)}


def test_a_rejected_pair_stays_rejected_but_does_not_make_a_missing_link(territory):
    assert links.possible_links(territory, rejected_pairs={("a-offer", "b-need")}) == []
    missing = links.missing_links(territory)
    assert "b-need" not in {m.flow.uid for m in missing}
    assert "a-offer" not in {m.flow.uid for m in missing}


def test_the_next_offer_takes_the_place_of_a_rejected_one():
    flows = [flow("n", "N", "need", 0, 0), flow("o1", "A", "offer", 1, 0), flow("o2", "B", "offer", 2, 0)]
    settings = Settings(max_per_flow=1)
    # o2's own nearest need is n, so it is in the union anyway; with o1 rejected n keeps o2.
    assert pairs(links.possible_links(flows, settings)) == {("o1", "n"), ("o2", "n")}
    assert pairs(links.possible_links(flows, settings, rejected_pairs={("o1", "n")})) == {("o2", "n")}


@pytest.mark.parametrize("offer_quantity, offer_unit, need_quantity, need_unit, share, sentence", [
    (500.0, "kg/yr", 2.0, "t/yr", 0.25, "same code 15 01 01 — 5.0 km — covers 25% of the need"),
    (3.0, "t/yr", 2.0, "t/yr", 1.0, "same code 15 01 01 — 5.0 km — covers all of the need"),
    (3.0, "m3/yr", 2.0, "t/yr", None,
     "same code 15 01 01 — 5.0 km — quantities not comparable (m3/yr offered, t/yr needed)"),
    (None, "t/yr", 2.0, "t/yr", None, "same code 15 01 01 — 5.0 km — quantity not known"),
    (1.0, "t/yr", 0.0, "t/yr", None, "same code 15 01 01 — 5.0 km — quantity not known"),
])
def test_units_that_convert_and_units_that_do_not(offer_quantity, offer_unit, need_quantity, need_unit, share,
                                                  sentence):
    flows = [flow("o", "A", "offer", 0, 0, quantity=offer_quantity, unit=offer_unit),
             flow("n", "B", "need", 3, 4, quantity=need_quantity, unit=need_unit)]
    (link,) = links.possible_links(flows)
    if share is None:
        assert link.covered_share is None
    else:
        assert link.covered_share == pytest.approx(share)
    assert str(link.reason) == sentence
    assert links.covered_share(offer_quantity, offer_unit, need_quantity, need_unit) == (
        pytest.approx(share) if share is not None else None)


def test_reasons_are_translatable_templates():
    flows = [flow("o", "A", "offer", 0, 0, quantity=1.0), flow("n", "B", "need", 0, 4.2, quantity=1.0)]
    (link,) = links.possible_links(flows)
    assert link.reason.template == "same code {code} — {distance} km — covers all of the need"
    french = link.reason.translated(lambda context, text: "même code {code} — {distance} km — tout le besoin")
    assert french == "même code 15 01 01 — 4.2 km — tout le besoin"
    table = links.link_table(flows)
    assert table.reasons(lambda context, text: "[{}] ".format(context) + text) == [
        "[Validation] same code 15 01 01 — 4.2 km — covers all of the need"]


def test_the_same_company_on_both_sides_is_not_a_link():
    flows = [flow("o", "A", "offer", 0, 0), flow("n", "A", "need", 0, 0)]
    assert links.possible_links(flows) == []
    assert {(m.kind, m.flow.uid) for m in links.missing_links(flows)} == {("orphan_offer", "o"), ("unmet_need", "n")}
    # Another company's need 50 km away: the nearest counterpart beyond the radius.
    flows.append(flow("far", "B", "need", 50, 0))
    nearest = {m.flow.uid: m.nearest_km for m in links.missing_links(flows)}
    assert nearest["o"] == pytest.approx(50.0)
    assert nearest["n"] is None


def test_match_level_subchapter():
    flows = [flow("o", "A", "offer", 0, 0, code="15 01 01"), flow("n", "B", "need", 2, 0, code="15 01 02"),
             flow("h-o", "A", "offer", 0, 0, code="EN 01 04"), flow("h-n", "B", "need", 2, 0, code="EN 01 05"),
             flow("x", "C", "need", 1, 0, code="15 02 02")]
    assert links.possible_links(flows) == []
    found = links.possible_links(flows, Settings(match_level="subchapter"))
    assert pairs(found) == {("o", "n"), ("h-o", "h-n")}
    reason = {link.offer.uid: str(link.reason) for link in found}["o"]
    assert reason == ("same sub-chapter 15 01 (15 01 01 offered, 15 01 02 needed) — 2.0 km — "
                      "covers all of the need")
    assert {m.flow.uid for m in links.missing_links(flows, Settings(match_level="subchapter"))} == {"x"}


def test_max_confidentiality():
    flows = [flow("o", "A", "offer", 0, 0, confidentiality="advisor"), flow("n", "B", "need", 1, 0),
             flow("p", "C", "need", 2, 0, confidentiality="partners")]
    assert links.possible_links(flows) == []
    assert pairs(links.possible_links(flows, Settings(max_confidentiality="advisor"))) == {("o", "n"), ("o", "p")}
    assert links.missing_links(flows, Settings(max_confidentiality="partners")) == [
        links.MissingLink("unmet_need", flows[2], None)]


def test_archived_flows_and_companies_are_left_out():
    flows = [flow("o", "A", "offer", 0, 0, status="archived"), flow("n", "B", "need", 1, 0),
             flow("o2", "C", "offer", 2, 0)]
    assert pairs(links.possible_links(flows)) == {("o2", "n")}
    assert links.possible_links(flows, archived_companies={"C"}) == []
    assert {m.flow.uid for m in links.missing_links(flows, archived_companies={"C"})} == {"n"}


def test_ties_go_to_the_smaller_flow_uid():
    # One offer 5 km from three needs; each need has its own offer 1 km further out, so only
    # the central offer's own list decides which of the three it keeps.
    for names in (("n-a", "n-b", "n-c"), ("n-c", "n-b", "n-a")):
        flows = [flow("centre", "Z", "offer", 0, 0)]
        for index, (name, (x, y)) in enumerate(zip(names, ((5, 0), (0, 5), (-5, 0)))):
            flows.append(flow(name, "N{}".format(index), "need", x, y))
            flows.append(flow("own-" + name, "O{}".format(index), "offer", x * 1.2, y * 1.2))
        found = pairs(links.possible_links(flows, Settings(max_per_flow=1)))
        assert ("centre", "n-a") in found
        assert ("centre", "n-b") not in found and ("centre", "n-c") not in found


def test_unknown_match_level_is_refused_with_the_accepted_words():
    with pytest.raises(TerritorialFluxError) as raised:
        links.possible_links([], Settings(match_level="family"))
    assert str(raised.value.message) == "Unknown match level 'family'; use one of: code, subchapter."
    with pytest.raises(TerritorialFluxError):
        links.missing_links([], Settings(max_confidentiality="secret"))
    with pytest.raises(TerritorialFluxError):
        links.possible_links([], Settings(max_per_flow=0))
    with pytest.raises(TerritorialFluxError):
        links.possible_links([], Settings(max_distance_km=0))


def test_resource_balance():
    flows = [flow("o1", "A", "offer", 0, 0, quantity=500.0, unit="kg/yr"),
             flow("o2", "B", "offer", 0, 0, quantity=2.0, unit="t/yr"),
             flow("o3", "B", "offer", 0, 0, quantity=7.0, unit="m3/yr"),
             flow("n1", "C", "need", 0, 0, quantity=1.0, unit="t"),
             flow("n2", "C", "need", 0, 0, code="15 01 02", quantity=1.0),
             flow("h", "D", "offer", 0, 0, code="EN 01 04", quantity=3.0, unit="GWh/yr"),
             flow("gone", "D", "need", 0, 0, code="EN 01 04", status="archived")]
    rows = {row.resource_code: row for row in links.resource_balance(flows)}
    paper = rows["15 01 01"]
    assert (paper.unit, paper.offered, paper.needed) == ("t/yr", pytest.approx(2.5), 0.0)
    assert (paper.offer_companies, paper.need_companies, paper.offer_flows, paper.need_flows) == (2, 1, 3, 1)
    assert paper.unconverted_flows == 2  # m3/yr and t (a stock, not a yearly flow)
    assert paper.gap is None
    assert rows["15 01 02"].gap == "unmet_need"
    assert (rows["EN 01 04"].gap, rows["EN 01 04"].unit, rows["EN 01 04"].offered) == (
        "orphan_offer", "MWh/yr", pytest.approx(3000.0))
    grouped = {row.resource_code: row for row in links.resource_balance(flows, Settings(match_level="subchapter"))}
    assert grouped["15 01"].gap is None and grouped["15 01"].need_flows == 2


def brute_force(flows, settings, excluded=frozenset()):
    """Every pair within the distance, the k nearest kept on each side: the rule, slowly."""
    analysed = links.analysed_flows(flows, settings)
    offers = [f for f in analysed if f.direction == "offer"]
    needs = [f for f in analysed if f.direction == "need"]
    radius = settings.max_distance_km * 1000.0
    key = lambda f: links.match_key(f.resource_code, settings.match_level)  # noqa: E731
    found = set()
    for side, other, side_is_offer in ((needs, offers, False), (offers, needs, True)):
        for query in side:
            candidates = []
            for target in other:
                pair = (query.uid, target.uid) if side_is_offer else (target.uid, query.uid)
                if key(target) != key(query) or target.company_uid == query.company_uid or pair in excluded:
                    continue
                distance = float(np.sqrt((query.x - target.x) ** 2 + (query.y - target.y) ** 2))
                if distance <= radius:
                    candidates.append((distance, target.uid, pair))
            candidates.sort()
            found.update(pair for _d, _uid, pair in candidates[:settings.max_per_flow])
    return found


@pytest.mark.parametrize("seed, max_per_flow, match_level, distance", [
    (1, 1, "code", 30), (2, 2, "code", 12), (3, 5, "code", 30), (4, 5, "subchapter", 8), (5, 3, "code", 500),
])
def test_same_pairs_as_every_pair_within_the_distance(seed, max_per_flow, match_level, distance):
    # Integer kilometre grid: many exact ties; clustered and scattered companies; exclusions.
    rng = random.Random(seed)
    codes = ["15 01 01", "15 01 02", "15 01 03", "17 02 01", "EN 01 04"]
    flows = []
    for index in range(700):
        if rng.random() < 0.7:
            x, y = rng.choice([(10, 10), (60, 20), (30, 70)])
            x, y = x + rng.randint(-4, 4), y + rng.randint(-4, 4)
        else:
            x, y = rng.randint(0, 100), rng.randint(0, 100)
        company = "c{}".format(rng.randint(0, 300))
        flows.append(flow("{:04x}-{}".format(rng.getrandbits(16), index), company, rng.choice(["offer", "need"]),
                          x, y, code=rng.choice(codes)))
    settings = Settings(max_distance_km=distance, match_level=match_level, max_per_flow=max_per_flow)
    offers = [f.uid for f in flows if f.direction == "offer"]
    needs = [f.uid for f in flows if f.direction == "need"]
    excluded = {(rng.choice(offers), rng.choice(needs)) for _ in range(200)}
    expected = brute_force(flows, settings, excluded)
    table = links.link_table(flows, settings, excluded)
    got = {(table.offers[o].uid, table.needs[n].uid) for o, n in zip(table.offer_index, table.need_index)}
    assert got == expected
    assert len(got) > 100
