"""The Dutch search page in headless Chromium, used the way a person would: type, tick, read, open, go back."""
from __future__ import annotations

import re
import urllib.parse

import pytest

from helpers import chips, dutch_date, facet_values, hit_titles, hit_types, label, total_on_page

QUERY = "loverboy"


def search(page, query: str):
    """Types a query in the search box and submits it with the Zoeken button."""
    page.goto("/")
    page.fill("#q", query)
    with page.expect_navigation():
        page.click(".searchbar button[type=submit]")


def tick(page, box_id: str):
    """Ticks or unticks a facet checkbox; the page's script submits the form at once."""
    with page.expect_navigation():
        page.click(f"#{box_id}")


def pick(values: list[dict], total: int, exclude=()) -> dict:
    """A facet value whose count is below the total, so that ticking it visibly narrows the results."""
    for value in values:
        if 0 < value["count"] < total and value["value"] not in exclude and not value["checked"] and value["visible"]:
            return value
    pytest.fail(f"no facet value narrows {total} results: {values}")


def test_search_page_loads(page, api, screenshot_dir):
    page.goto("/")
    assert page.title() == "Kennisbank Jeugdprostitutie"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("label[for=q]").inner_text().strip() == "Zoeken in de kennisbank"
    # An empty query lists everything the anonymous visitor may see.
    assert total_on_page(page) == api.json("/healthz")["documents"]
    assert len(hit_titles(page)) == 10
    assert page.locator("fieldset.facet legend", has_text="Soort document").count() == 1
    page.screenshot(path=str(screenshot_dir / "01-zoekpagina.png"), full_page=True)
    assert page.js_errors == []


def test_typing_a_query_and_submitting(page, api, screenshot_dir):
    search(page, QUERY)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["q"] == [QUERY]
    assert page.input_value("#q") == QUERY
    assert page.title().startswith(f"{QUERY} – ")
    expected = api.json("/api/search", {"q": QUERY})
    assert total_on_page(page) == expected["total"] > 0
    assert hit_titles(page) == [hit["title"] for hit in expected["hits"]]
    assert page.locator("ol.hits mark").count() > 0, "matches are not highlighted"
    page.screenshot(path=str(screenshot_dir / "02-resultaten.png"), full_page=True)
    assert page.js_errors == []


def test_facet_checkbox_narrows_results_and_chip_removes_it(page, api, screenshot_dir):
    search(page, QUERY)
    total = total_on_page(page)
    types = facet_values(page, "type")
    # Every document has one type, so the type counts add up to the total.
    assert sum(v["count"] for v in types) == total
    chosen = pick(types, total)
    assert chosen["label"] == label("type", chosen["value"])

    tick(page, chosen["id"])
    assert page.locator(f"#{chosen['id']}").is_checked()
    narrowed = total_on_page(page)
    assert narrowed == chosen["count"] < total, "the checkbox count should be the number of results after ticking"
    shown = hit_types(page)
    assert shown and all(t == chosen["label"] for t in shown), shown
    # Counts are disjunctive: the ticked facet's own counts stay as they were.
    after = {v["value"]: v for v in facet_values(page, "type")}
    assert {k: v["count"] for k, v in after.items()} == {v["value"]: v["count"] for v in types}
    assert after[chosen["value"]]["count"] == narrowed
    assert chips(page) == [f"Soort document: {chosen['label']}"]
    api_total = api.json("/api/search", {"q": QUERY, "type": chosen["value"]})["total"]
    assert narrowed == api_total
    page.screenshot(path=str(screenshot_dir / "03-facet-resultaat.png"), full_page=True)

    # A second value of the same facet is ORed: the totals add up.
    second = pick(list(after.values()), total, exclude={chosen["value"]})
    tick(page, second["id"])
    assert total_on_page(page) == chosen["count"] + second["count"]
    assert set(hit_types(page)) <= {chosen["label"], second["label"]}
    assert sorted(chips(page)) == sorted([f"Soort document: {chosen['label']}", f"Soort document: {second['label']}"])

    # Another facet is ANDed: its count (shown before ticking) becomes the total.
    both = total_on_page(page)
    theme = pick(facet_values(page, "theme"), both)
    tick(page, theme["id"])
    assert total_on_page(page) == theme["count"] < both

    # Removing chips, one by one, brings back the earlier results.
    with page.expect_navigation():
        page.locator(".chips a.chip", has_text=theme["label"]).click()
    assert total_on_page(page) == both
    with page.expect_navigation():
        page.locator(".chips a.chip", has_text=second["label"]).click()
    assert total_on_page(page) == narrowed
    with page.expect_navigation():
        page.locator(".chips a.chip", has_text=chosen["label"]).click()
    assert total_on_page(page) == total
    assert chips(page) == []
    assert not page.locator(f"#{chosen['id']}").is_checked()
    assert page.input_value("#q") == QUERY, "removing a filter must keep the query"
    assert page.js_errors == []


def test_clear_all_filters(page):
    page.goto("/?" + urllib.parse.urlencode({"q": QUERY, "type": "rapport", "approach": "preventief"}))
    assert len(chips(page)) == 2
    with page.expect_navigation():
        page.click(".chips a.clear")
    assert chips(page) == []
    assert page.input_value("#q") == QUERY


def test_filters_work_without_javascript(context_factory):
    """Without the script nothing submits on ticking; the 'Filters toepassen' button does it."""
    page = context_factory(java_script_enabled=False).new_page()
    page.goto("/?q=" + QUERY)
    total = total_on_page(page)
    chosen = pick(facet_values(page, "type"), total)
    page.check(f"#{chosen['id']}")
    with page.expect_navigation():
        page.click("button.apply")
    assert total_on_page(page) == chosen["count"]
    assert chips(page) == [f"Soort document: {chosen['label']}"]


def test_open_document_check_metadata_and_similar_then_go_back(page, api, screenshot_dir):
    search(page, QUERY)
    search_url = page.url
    heading = page.locator("#resultaten-kop").inner_text()
    first = page.locator("ol.hits > li.hit h3 a").first
    title = first.inner_text().strip()
    href = first.get_attribute("href")
    with page.expect_navigation():
        first.click()
    assert page.url.endswith(href)
    doc_id = urllib.parse.unquote(href.rsplit("/", 1)[1])
    document = api.json(f"/api/documents/{urllib.parse.quote(doc_id)}")

    assert page.locator("h1").inner_text().strip() == title == document["title"]
    assert page.title().startswith(document["title"])
    assert page.locator(".summary").inner_text().strip() == document["summary"].strip()
    metadata = {}
    for row in page.locator("dl.metadata > div").all():
        metadata[row.locator("dt").inner_text().strip()] = row.locator("dd").inner_text().strip()
    assert metadata["Soort document"] == label("type", document["type"])
    assert metadata["Datum"] == dutch_date(document["published"])
    for organisation in document["organisations"]:
        assert organisation in metadata["Organisatie"]
    for theme in document["themes"]:
        assert label("theme", theme) in metadata["Thema"]
    for audience in document["audiences"]:
        assert label("audience", audience) in metadata["Doelgroep"]
    assert metadata["Taal"] == label("language", document["language"])
    assert metadata["Toegang"] == label("access", document["access"])
    if document["practice"]:
        assert metadata["Uitgevoerd door"] == document["practice"]["runBy"]

    similar = page.locator("aside.similar")
    assert similar.locator("h2").inner_text().strip() == "Vergelijkbare documenten"
    expected = api.json(f"/api/documents/{urllib.parse.quote(doc_id)}/similar")["documents"]
    assert expected, f"no similar documents for {doc_id}"
    shown = [t.strip() for t in similar.locator("li a").all_inner_texts()]
    assert shown == [d["title"] for d in expected]
    assert document["title"] not in shown, "a document is not similar to itself"
    page.screenshot(path=str(screenshot_dir / "04-document.png"), full_page=True)

    page.go_back()
    page.wait_for_load_state()
    assert page.url == search_url
    assert page.input_value("#q") == QUERY
    assert page.locator("#resultaten-kop").inner_text() == heading
    assert page.js_errors == []


def test_metadata_links_search_that_value(page, api):
    doc = api.json("/api/search", {"q": QUERY})["hits"][0]
    document = api.json(f"/api/documents/{urllib.parse.quote(doc['id'])}")
    page.goto(f"/document/{urllib.parse.quote(doc['id'])}")
    theme = document["themes"][0]
    with page.expect_navigation():
        page.locator("dl.metadata a", has_text=label("theme", theme)).first.click()
    assert chips(page) == [f"Thema: {label('theme', theme)}"]
    assert total_on_page(page) == api.json("/api/search", {"theme": theme})["total"] >= 1


def test_similar_document_link_opens_it(page, api):
    doc_id = api.json("/api/search", {"q": QUERY})["hits"][0]["id"]
    page.goto(f"/document/{urllib.parse.quote(doc_id)}")
    link = page.locator("aside.similar li a").first
    title = link.inner_text().strip()
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text().strip() == title


def test_empty_result_page_suggests_what_to_try(page, api, screenshot_dir):
    search(page, "xqzwvjkq")
    assert total_on_page(page) == 0
    empty = page.locator(".empty")
    assert empty.locator("h3").inner_text().strip() == "Geen documenten gevonden"
    text = empty.inner_text()
    assert "Controleer de spelling" in text
    assert "ronsel*" in text
    page.screenshot(path=str(screenshot_dir / "05-geen-resultaten.png"), full_page=True)
    with page.expect_navigation():
        empty.locator("a", has_text="Bekijk alle documenten").click()
    assert total_on_page(page) == api.json("/healthz")["documents"]


def test_empty_result_with_filters_offers_to_clear_them(page):
    page.goto("/?" + urllib.parse.urlencode({"q": "xqzwvjkq", "type": "rapport"}))
    link = page.locator(".empty a", has_text="wis alle filters")
    assert link.count() == 1
    with page.expect_navigation():
        link.click()
    assert chips(page) == []
    assert page.input_value("#q") == "xqzwvjkq"


def test_words_fall_back_to_any_and_say_so(page):
    search(page, f"{QUERY} xqzwvjkq")
    assert total_on_page(page) > 0
    understood = page.locator(".understood")
    assert understood.count() == 1, "the page must say the query was read as 'any of the words'"
    assert "gezocht op" in understood.inner_text()


def test_spelling_correction_for_a_misspelling(page, api, screenshot_dir):
    """'loverbouy' finds nothing as typed: the page either searches 'loverboy' and says so, or offers 'Bedoelde u'."""
    search(page, "loverbouy")
    page.screenshot(path=str(screenshot_dir / "08-spelling.png"))
    corrected = page.locator(".understood", has_text="Resultaten voor")
    suggestion = page.locator(":is(p, div, li, span):has-text('Bedoelde u') a", has_text="loverboy")
    expected = api.json("/api/search", {"q": "loverboy"})
    if corrected.count():
        # Searched for the correction at once; the typed word stays one click away.
        assert corrected.locator("strong").inner_text().strip() == "loverboy"
        assert "Niets gevonden voor" in corrected.inner_text()
        assert page.input_value("#q") == "loverbouy"
        assert total_on_page(page) == expected["total"] > 0
        assert hit_titles(page) == [hit["title"] for hit in expected["hits"]]
        typed = corrected.locator("a", has_text="loverbouy")
        assert typed.count() == 1
        with page.expect_navigation():
            typed.click()
        assert total_on_page(page) == 0, "the link to the typed word searches exactly that word"
        assert "loverbouy" in page.input_value("#q")
    else:
        assert total_on_page(page) < 3
        assert suggestion.count() >= 1, "no correction and no 'Bedoelde u' suggestion for 'loverbouy'"
        with page.expect_navigation():
            suggestion.first.click()
        assert page.input_value("#q") == "loverboy"
        assert total_on_page(page) == expected["total"] > 0


def test_keyboard_reaches_search_box_with_visible_focus(page, screenshot_dir):
    page.goto("/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first == "Direct naar de inhoud", "the first Tab stop should be the skip link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "the focused skip link must come into view"
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "q":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the search box")
    outline = page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                focusVisible: el.matches(':focus-visible')};
    }""")
    assert outline["focusVisible"]
    assert outline["style"] != "none" and outline["width"] >= 2, f"no visible focus outline: {outline}"
    page.screenshot(path=str(screenshot_dir / "06-toetsenbord-focus.png"))

    page.keyboard.type(QUERY)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.input_value("#q") == QUERY
    assert total_on_page(page) > 0


def test_keyboard_ticks_a_facet_and_focus_returns_to_it(page):
    page.goto("/?q=" + QUERY)
    total = total_on_page(page)
    chosen = pick(facet_values(page, "type"), total)
    page.focus(f"#{chosen['id']}")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert total_on_page(page) == chosen["count"]
    # The script remembers the ticked box, so a keyboard user is not thrown back to the top of the page.
    page.wait_for_function(f"document.activeElement && document.activeElement.id === '{chosen['id']}'", timeout=5000)


PAYLOADS = ["<script>window.__x=1</script>", '"><img src=x onerror=window.__x=1>']


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-only"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=["script-tag", "img-onerror"])
def test_script_in_query_is_shown_escaped_and_never_runs(context_factory, api, payload, bypass_csp):
    # With bypass_csp the Content-Security-Policy is switched off, so this checks the escaping itself.
    page = context_factory(bypass_csp=bypass_csp).new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/")
    page.fill("#q", payload)
    with page.expect_navigation():
        page.press("#q", "Enter")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__x") == "undefined"
    assert page.input_value("#q") == payload
    assert page.title().startswith(payload), "the title shows the query as text"
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__x')).length") == 0
    assert dialogs == []

    status, _, html = api.get("/", {"q": payload})
    assert status == 200
    assert payload not in html
    assert "&lt;" in html and ("&lt;script&gt;" in html or "&lt;img" in html)


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script-tag", "img-onerror"])
def test_script_in_other_parameters_never_runs(context_factory, payload):
    page = context_factory(bypass_csp=True).new_page()
    # A free-text facet (shown as a chip), a controlled facet (rejected with a message), a document id (404 page).
    for path, expected_status in [("/?" + urllib.parse.urlencode({"organisation": payload}), 200),
                                  ("/?" + urllib.parse.urlencode({"type": payload}), 400),
                                  ("/?" + urllib.parse.urlencode({"from": payload}), 400),
                                  ("/document/" + urllib.parse.quote(payload, safe=""), 404)]:
        response = page.goto(path)
        assert response.status == expected_status, path
        assert page.evaluate("typeof window.__x") == "undefined", path
        assert page.locator("img[src=x]").count() == 0, path


def test_thesaurus_synonym_finds_documents_without_the_word(page, api):
    """'exitprogramma' is in no record; the loaded thesaurus makes it find the uitstap-programmes."""
    search(page, "exitprogramma")
    assert total_on_page(page) == api.json("/api/search", {"q": "exitprogramma"})["total"] > 0
    assert page.locator("ol.hits mark").count() > 0


def test_documents_with_every_word_come_first_and_can_be_shown_alone(page, api, screenshot_dir):
    query = "seksbranche toezicht"
    everything = api.json("/api/search", {"q": query, "size": 100})
    all_words = everything["totalAllWords"]
    assert 0 < all_words < everything["total"], everything["totalAllWords"]
    strict = api.json("/api/search", {"q": query, "mode": "all", "size": 100})
    assert strict["total"] == all_words
    # The documents with both words open the list, in the same order as the strict search.
    assert [hit["id"] for hit in everything["hits"][:all_words]] == [hit["id"] for hit in strict["hits"]]

    search(page, query)
    note = page.locator("p.understood", has_text="al uw zoekwoorden")
    assert note.count() == 1
    assert re.search(rf"\b{all_words}\b", note.inner_text())
    assert total_on_page(page) == everything["total"]
    page.screenshot(path=str(screenshot_dir / "11-alle-woorden-eerst.png"), full_page=True)
    with page.expect_navigation():
        note.locator("a", has_text="alleen documenten met alle woorden").click()
    assert "mode=all" in page.url
    assert total_on_page(page) == all_words
    assert page.locator("p.understood", has_text="al uw zoekwoorden").count() == 0
    assert page.js_errors == []


def test_a_word_that_names_no_subject_is_not_required_and_the_page_says_so(page, api, screenshot_dir):
    query = "mensenhandel problematiek"
    everything = api.json("/api/search", {"q": query, "size": 100})
    assert everything["allWordsExcept"] == ["problematiek"]
    all_words = everything["totalAllWords"]
    assert 0 < all_words < everything["total"], everything
    # "Only those" lists exactly the documents counted as having every word.
    strict = api.json("/api/search", {"q": query, "mode": "all", "size": 100})
    assert strict["total"] == all_words

    search(page, query)
    note = page.locator("p.understood", has_text="al uw zoekwoorden")
    assert "problematiek telt niet mee" in note.inner_text()
    page.screenshot(path=str(screenshot_dir / "13-woord-telt-niet-mee.png"), full_page=False)
    with page.expect_navigation():
        note.locator("a", has_text="alleen documenten met alle woorden").click()
    assert total_on_page(page) == all_words
    assert page.js_errors == []


def test_a_question_typed_as_a_sentence_is_searched_for_its_subject(page, api, screenshot_dir):
    sentence = api.json("/api/search", {"q": "ik zoek informatie over loverboys", "size": 10})
    subject = api.json("/api/search", {"q": "loverboys", "size": 10})
    assert sentence["understood"] == "loverboys"
    assert [hit["id"] for hit in sentence["hits"]] == [hit["id"] for hit in subject["hits"]]

    search(page, "ik zoek informatie over loverboys")
    understood = page.locator("p.understood", has_text="gezocht op")
    assert understood.count() == 1
    assert understood.locator("strong").inner_text() == "loverboys"
    assert total_on_page(page) == subject["total"]
    page.screenshot(path=str(screenshot_dir / "12-vraag-als-zin.png"), full_page=True)
    assert page.js_errors == []
