"""territorialflux:exportwebmap: the site is loaded from the file system in headless Chromium, in
English and in French; it shows the title, draws the map, finds a company, filters by family,
shows names as text, and makes no network request without a background."""

import io
import json
import os
import re
import subprocess
import time

import pytest
from qgis.core import QgsProcessingException, QgsSettings

from territorial_flux_plugin.sharing import webmap
from tests.browser import Proxy, chromium, requested_urls
from tests.sharing_helpers import HTML_NAME, all_uids, expected_rows, leaks, messy_copy, never_leave, output_texts, shared_uids

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE = os.path.join(ROOT, "territorial_flux_plugin", "resources", "webmap")


@pytest.fixture(scope="module")
def messy(demo_workspace, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("webmap") / "messy.gpkg")
    facts = messy_copy(demo_workspace, path)
    return path, facts


@pytest.fixture
def proxy():
    server = Proxy()
    yield server
    server.stop()


@pytest.fixture
def browser(proxy):
    driver = chromium(proxy)
    yield driver
    driver.quit()


@pytest.fixture
def french():
    """QGIS in French, with the plugin's French catalogue installed as the plugin installs it."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    settings = QgsSettings()
    previous = settings.value("locale/userLocale", None)
    settings.setValue("locale/userLocale", "fr_FR")
    translator = QTranslator()
    assert translator.load(os.path.join(ROOT, "territorial_flux_plugin", "resources", "i18n", "territorial_flux_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    if previous is None:
        settings.remove("locale/userLocale")
    else:
        settings.setValue("locale/userLocale", previous)


CHROMIUM_SERVICES = re.compile(r"^(CONNECT |[A-Z]+ http://)[\w.-]*(google\.com|googleapis\.com|gvt1\.com)[:/]")


def server_requests(proxy):
    """What reached the proxy, but the browser's own services (updates, clock) that any page sees."""
    return [r for r in proxy.requests if not CHROMIUM_SERVICES.match(r)]


def load(driver, folder):
    driver.get("file://" + os.path.join(str(folder), "index.html"))
    for _ in range(100):
        if driver.execute_script("return window.territorialFluxReady === true"):
            return
        time.sleep(0.1)
    raise AssertionError("the page did not finish drawing: {}".format(driver.get_log("browser")))


def drawn_pixels(driver):
    """Pixels of the map area that are neither its background nor white."""
    from PIL import Image
    from selenium.webdriver.common.by import By

    image = Image.open(io.BytesIO(driver.find_element(By.ID, "map").screenshot_as_png)).convert("RGB")
    background = {(238, 242, 243), (255, 255, 255)}
    return sum(1 for pixel in image.getdata() if pixel not in background)


def paths(driver):
    return driver.execute_script("return document.querySelectorAll('#map path.leaflet-interactive').length")


def search(driver, text):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    time.sleep(0.3)
    popups = driver.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content")
    return popups[0].text if popups else None


def test_the_page_shows_the_title_draws_finds_filters_and_asks_no_server(run, messy, tmp_path, browser, proxy):
    from selenium.webdriver.common.by import By

    source, _facts = messy
    output = tmp_path / "site"
    result = run("exportwebmap", {"WORKSPACE": source, "TITLE": "Les synergies du Dunkerquois",
                                  "ORGANISATION": "CCI Test", "OUTPUT": str(output)})
    expected = expected_rows(source, "public")
    assert result["OUTPUT"] == str(output)
    assert (result["COMPANIES"], result["FLOWS"], result["SYNERGIES"]) == (
        len(expected["companies"]), len(expected["flows"]), len(expected["synergies"]))
    assert result["SYNERGIES"] >= 3, "the demo publicises its successes"
    load(browser, output)
    assert browser.title == "Les synergies du Dunkerquois"
    assert browser.find_element(By.ID, "title").text == "Les synergies du Dunkerquois"
    footer = browser.find_element(By.ID, "footer").text
    assert "CCI Test" in footer and "Licence Ouverte / Open Licence 2.0" in footer and result and "Issued by" in footer
    legend = browser.find_element(By.ID, "legend").text
    assert "Operating" in legend and "Offers" in legend and "Needs" in legend
    # every synergy, company and offer or need is drawn
    assert paths(browser) == result["SYNERGIES"] + result["COMPANIES"] + result["FLOWS"]
    assert drawn_pixels(browser) > 2000, "the map is not blank"
    # the search finds a company by its name, and by a resource it offers or needs
    data = json.loads((output / "companies.geojson").read_text())
    name = next(f["properties"]["name"] for f in data["features"] if "<" not in f["properties"]["name"])
    popup = search(browser, name.upper())
    assert popup is not None and popup.splitlines()[0] == name
    flows = json.loads((output / "flows.geojson").read_text())["features"]
    resource = flows[0]["properties"]["resource"]
    assert search(browser, resource) is not None
    listed = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#results button")]
    assert flows[0]["properties"]["company_name"] in listed
    search(browser, "zzzz-nothing")
    assert browser.find_element(By.ID, "results").text == "No company or resource matches."
    # the family filter hides the offers and needs of a family
    boxes = browser.find_elements(By.CSS_SELECTOR, "#families input")
    assert len(boxes) == len({f["properties"]["family"] for f in flows})
    family = boxes[0].get_attribute("value")
    before = paths(browser)
    boxes[0].click()
    assert paths(browser) == before - sum(1 for f in flows if f["properties"]["family"] == family)
    boxes[0].click()
    assert paths(browser) == before
    # nothing but the site's own files was asked for
    assert [u for u in requested_urls(browser) if not u.startswith(("file://", "data:"))] == []
    assert server_requests(proxy) == []


def test_the_page_speaks_french_with_the_plugin(run, messy, tmp_path, browser, proxy, french):
    from selenium.webdriver.common.by import By

    source, _facts = messy
    output = tmp_path / "site"
    run("exportwebmap", {"WORKSPACE": source, "MAX_CONFIDENTIALITY": "partners", "OUTPUT": str(output)})
    load(browser, output)
    assert browser.title == "Territoire dunkerquois (démo)"
    assert browser.find_element(By.ID, "search-label").text == "Rechercher une entreprise ou une ressource"
    assert "Publié par" in browser.find_element(By.ID, "footer").text
    legend = browser.find_element(By.ID, "legend").text
    assert "En fonctionnement" in legend and "Offres" in legend and "Besoins" in legend
    assert "Partenaires" in browser.find_element(By.ID, "subtitle").text
    flows = json.loads((output / "flows.geojson").read_text())["features"]
    assert all(f["properties"]["confidentiality"] in ("partners", "public") for f in flows)
    company = flows[0]["properties"]["company_name"]
    popup = search(browser, company)
    assert popup and ("Offres" in popup or "Besoins" in popup)
    assert server_requests(proxy) == [] and [u for u in requested_urls(browser) if not u.startswith(("file://", "data:"))] == []


def test_names_are_shown_as_text_and_nothing_personal_leaves(run, messy, tmp_path, browser):
    source, facts = messy
    output = tmp_path / "site"
    run("exportwebmap", {"WORKSPACE": source, "MAX_CONFIDENTIALITY": "partners", "OUTPUT": str(output)})
    expected = expected_rows(source, "partners")
    for name in webmap.PAGE_FILES:  # the page is the plugin's own files, untouched: the data is the rest
        assert (output / name).read_bytes() == open(os.path.join(PAGE, name), "rb").read()
    texts = [t for name in webmap.DATA_FILES for t in output_texts(str(output / name))]
    found = leaks(texts, never_leave(source), all_uids(source) - shared_uids(expected))
    assert not found, found[:10]
    load(browser, output)
    popup = search(browser, "Acme")
    assert popup is not None and popup.splitlines()[0] == HTML_NAME
    assert browser.execute_script("return window.injected === undefined")
    assert browser.execute_script("return document.querySelectorAll('#map img, #panel img').length") == 0
    from tests.qgis.test_sharing import SHARED

    for table, extra in (("companies", []), ("flows", ["company_name"]), ("synergies", [])):
        features = json.loads((output / (table + ".geojson")).read_text())["features"]
        assert features and all(list(f["properties"]) == SHARED[table] + extra for f in features), table
    data = (output / "data.js").read_text()
    assert data.startswith("window.TERRITORIAL_FLUX = ")
    page = json.loads(data[len("window.TERRITORIAL_FLUX = "):].rstrip().rstrip(";"))
    assert all(list(p) == SHARED["synergy_participants"] for p in page["participants"])
    geojson = json.loads((output / "companies.geojson").read_text())
    assert facts["archived"] not in {f["properties"]["uid"] for f in geojson["features"]}
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in geojson["features"] if f["geometry"])


def test_an_openstreetmap_background_asks_for_its_tiles_and_credits_them(run, messy, tmp_path, browser, proxy):
    from selenium.webdriver.common.by import By

    source, _facts = messy
    output = tmp_path / "site"
    run("exportwebmap", {"WORKSPACE": source, "BACKGROUND": "osm", "OUTPUT": str(output)})
    load(browser, output)
    time.sleep(1)
    asked = [u for u in requested_urls(browser) if not u.startswith(("file://", "data:"))]
    assert asked and all(u.startswith("https://tile.openstreetmap.org/") for u in asked)
    assert any("tile.openstreetmap.org:443" in r for r in proxy.requests)
    assert "OpenStreetMap" in browser.find_element(By.CSS_SELECTOR, ".leaflet-control-attribution").text


def test_an_empty_territory_says_so(run, provider, tmp_path, browser, proxy):
    from selenium.webdriver.common.by import By

    workspace = str(tmp_path / "empty.gpkg")
    run("createworkspace", {"OUTPUT": workspace, "NAME": "Territoire vide"})
    result = run("exportwebmap", {"WORKSPACE": workspace, "OUTPUT": "TEMPORARY_OUTPUT"})  # a folder QGIS names
    output = result["OUTPUT"]
    assert (result["COMPANIES"], result["FLOWS"], result["SYNERGIES"]) == (0, 0, 0)
    load(browser, output)
    assert browser.find_element(By.CSS_SELECTOR, ".empty-message").text == "Nothing is shared at this level yet."
    assert server_requests(proxy) == []


def test_on_a_small_screen_the_popup_fits_and_clears_the_zoom_buttons(run, messy, tmp_path, proxy):
    source, _facts = messy
    output = tmp_path / "site"
    run("exportwebmap", {"WORKSPACE": source, "MAX_CONFIDENTIALITY": "partners", "OUTPUT": str(output)})
    driver = chromium(proxy, 380, 740)
    try:
        load(driver, output)
        flows = json.loads((output / "flows.geojson").read_text())["features"]
        richest = max({f["properties"]["company_name"] for f in flows},
                      key=lambda n: sum(1 for f in flows if f["properties"]["company_name"] == n))
        assert search(driver, richest)
        box = driver.execute_script(
            "var p = document.querySelector('.leaflet-popup').getBoundingClientRect();"
            "var z = document.querySelector('.leaflet-control-zoom').getBoundingClientRect();"
            "var m = document.getElementById('map').getBoundingClientRect();"
            "return [p.left, p.right, p.top, p.bottom, z.right, z.bottom, m.left, m.right, m.top, m.bottom, "
            "window.innerWidth];")
        left, right, top, bottom, zoom_right, zoom_bottom, map_left, map_right, map_top, map_bottom, width = box
        assert map_left - 1 <= left and right <= map_right + 1 <= width + 1, "the popup opens whole"
        assert map_top - 1 <= top and bottom <= map_bottom + 1, "the popup opens whole"
        assert left >= zoom_right or top >= zoom_bottom, "the popup clears the zoom buttons"
    finally:
        driver.quit()


def test_every_word_of_the_page_is_in_both_languages():
    script = open(os.path.join(PAGE, "map.js"), encoding="utf-8").read()
    used = set(re.findall(r"\bt\(\"(\w+)\"", script))
    catalogue = open(os.path.join(PAGE, "i18n.js"), encoding="utf-8").read()
    languages = dict(re.findall(r"\n  (\w\w): \{(.*?)\n  \}", catalogue, re.S))
    assert set(languages) == {"en", "fr"}
    for language, body in languages.items():
        keys = set(re.findall(r"^\s+(\w+): \"", body, re.M))
        assert used <= keys, (language, used - keys)
        assert keys == set(re.findall(r"^\s+(\w+): \"", languages["en"], re.M)), language
    assert len(used) > 15


def test_leaflet_comes_from_npm_checked_against_its_pin(tmp_path):
    pin = open(os.path.join(PAGE, "leaflet.pin")).read().split()
    assert pin[0].startswith("leaflet@") and pin[1].startswith("sha512-")
    installed = os.path.join(PAGE, "vendor", "leaflet")
    assert open(os.path.join(installed, ".integrity")).read().strip() == pin[1]
    assert "Agafonkin" in open(os.path.join(installed, "LICENSE")).read()
    tampered = tmp_path / "leaflet.pin"
    tampered.write_text("{} sha512-{}\n".format(pin[0], "A" * 86 + "=="))
    target = tmp_path / "leaflet"
    done = subprocess.run(["bash", os.path.join(ROOT, "scripts", "fetch_leaflet.sh")], capture_output=True, text=True,
                          env=dict(os.environ, LEAFLET_PIN=str(tampered), LEAFLET_TARGET=str(target)))
    assert done.returncode != 0 and "refused" in done.stderr
    assert not target.exists()


def test_without_leaflet_the_export_says_what_to_do(run, messy, tmp_path, monkeypatch):
    source, _facts = messy
    monkeypatch.setattr(webmap, "LEAFLET", str(tmp_path / "no-leaflet"))
    with pytest.raises(QgsProcessingException, match="make setup"):
        run("exportwebmap", {"WORKSPACE": source, "OUTPUT": str(tmp_path / "site")})
    assert not (tmp_path / "site").exists()
