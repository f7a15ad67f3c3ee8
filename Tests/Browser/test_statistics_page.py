"""The curators' statistics page (issue 7): charts with accessible names, the gap lists, the zero-result searches.

A curator signs in, searches for something the collection cannot have, and then finds that search on
/beheer/statistiek among the searches without results. Every chart is an SVG with role=img, a name and a title,
its labels inside the drawing (not clipped at its edges), numbers that agree with the table under it, and the page
passes axe (WCAG 2.1 A/AA, no serious or critical violation). A full-page screenshot is kept.
"""
from __future__ import annotations

import json
import random
import re
import time
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import sign_in
from helpers import AXE_SUMMARIES, dutch_number

CHARTS = [
    ("per-jaar", "Documenten per type per jaar"),
    ("thema-aanpak", "Thema × aanpak"),
    ("thema-doelgroep", "Thema × doelgroep"),
    ("organisaties", "Organisaties met de meeste documenten"),
    ("talen", "Talen"),
    ("toegang", "Toegangsniveaus"),
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def absurd_query() -> str:
    """A query no collection matches, new on every run (letters only, so no privacy rule withholds it)."""
    return "zzqxyfiets" + "".join(random.choice("qxzjwv") for _ in range(5))


def zero_result_queries(page) -> list[dict]:
    """The list under "Zoekopdrachten zonder resultaat": text, count and link of each query."""
    return page.evaluate("""() => {
        const heading = [...document.querySelectorAll('#mist h3')]
            .find(h => h.textContent.trim() === 'Zoekopdrachten zonder resultaat');
        if (!heading) return null;
        const items = [];
        for (let next = heading.nextElementSibling; next && next.tagName !== 'H3'; next = next.nextElementSibling) {
            if (next.tagName !== 'OL') continue;
            for (const li of next.querySelectorAll('li')) {
                const link = li.querySelector('a');
                items.push({query: link.textContent.trim(), href: link.getAttribute('href'),
                            count: li.querySelector('.count').textContent.trim()});
            }
        }
        return items;
    }""")


@pytest.fixture
def curator_page(context_factory, tokens):
    page = context_factory().new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors  # type: ignore[attr-defined]
    sign_in(page, tokens["curator"])
    return page


def test_statistics_page_is_for_curators_only(context_factory, tokens):
    for role in (None, "trainer"):
        page = context_factory().new_page()
        if role:
            sign_in(page, tokens[role])
        response = page.goto("/beheer/statistiek")
        assert response.status == 404, f"{role or 'anonymous'} got {response.status}"
        assert page.locator("a[href='/beheer/statistiek']").count() == 0


def test_a_search_without_results_is_listed_as_a_gap(curator_page):
    page = curator_page
    query = absurd_query()
    page.goto("/")
    page.fill("#q", query)
    with page.expect_navigation():
        page.click(".searchbar button[type=submit]")
    assert page.locator(".empty h3").inner_text().strip() == "Geen documenten gevonden"

    # The analytics count in memory and write to disk within a few seconds; the page reads them as they are.
    listed = None
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        page.goto("/beheer/statistiek")
        items = zero_result_queries(page)
        assert items is not None, "no list of searches without results on the statistics page"
        listed = next((item for item in items if item["query"] == query), None)
        if listed:
            break
        time.sleep(0.5)
    assert listed, f"{query!r} is not among the searches without results: {items}"
    assert listed["count"] == "(1×)"
    assert urllib.parse.parse_qs(urllib.parse.urlparse(listed["href"]).query) == {"q": [query]}
    # The same list comes out of the JSON the page links to.
    response = page.context.request.get("/api/statistics")
    assert response.ok
    assert {"query": query, "count": 1} in response.json()["searches"]["zeroResultQueries"]


def test_charts_are_drawn_named_and_agree_with_their_tables(curator_page):
    page = curator_page
    page.goto("/beheer/statistiek")
    assert page.locator("h1").inner_text().strip() == "Statistiek van de collectie"
    toc = [a.strip() for a in page.locator(".toc a").all_inner_texts()]
    assert toc == ["Wat de collectie mist"] + [title for _, title in CHARTS]

    for chart_id, title in CHARTS:
        section = page.locator(f"section#{chart_id}")
        assert section.count() == 1, f"no section for {title}"
        assert section.locator("h2").inner_text().strip() == title
        svg = section.locator(".chart-figure svg")
        assert svg.count() == 1, f"{title}: {svg.count()} SVGs"
        info = svg.evaluate("""svg => {
            const box = svg.getBoundingClientRect();
            const outside = [...svg.querySelectorAll('text')].filter(t => {
                const r = t.getBoundingClientRect();
                return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
            }).map(t => t.textContent);
            return {
                role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'),
                title: svg.querySelector(':scope > title')?.textContent,
                width: box.width, height: box.height, outside,
                marks: [...svg.querySelectorAll('rect')].filter(r => r.querySelector('title'))
                    .map(r => r.querySelector('title').textContent),
                texts: [...svg.querySelectorAll('text')].map(t => t.textContent),
            };
        }""")
        assert info["role"] == "img", f"{title}: role {info['role']}"
        assert info["label"] == title, f"{title}: aria-label {info['label']!r}"
        assert info["title"] == title, f"{title}: <title> {info['title']!r}"
        assert info["width"] > 200 and info["height"] > 40, f"{title}: drawn at {info['width']}×{info['height']}"
        assert not info["outside"], f"{title}: labels cut off at the edge of the chart: {info['outside']}"
        assert info["marks"], f"{title}: no bar or cell says what it shows"

        # The same numbers as a table under the chart, behind a disclosure.
        table = section.locator("details table.stats")
        assert table.count() == 1
        assert section.locator("details summary").inner_text().strip() == f"Tabel: {title}"
        assert table.locator("caption").text_content().strip() == title
        columns = [c.strip() for c in table.locator("thead th").all_text_contents()][1:]
        rows = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => [r.querySelector('th').textContent.trim(),"
            " [...r.querySelectorAll('td')].map(td => td.textContent.trim())])")
        assert rows, f"{title}: empty table"

        if chart_id == "per-jaar":
            types = columns[:-1]
            for name in types:
                assert name in info["texts"], f"{title}: type {name!r} missing from the legend"
            for year, cells in rows:
                assert year in info["texts"], f"{title}: year {year} missing from the axis"
                for name, cell in zip(types, cells):
                    if "leemte" not in cell and cell != "0":
                        assert f"{name} {year}: {dutch_number(cell)}" in info["marks"], f"{title}: {name} {year}"
        elif chart_id.startswith("thema-"):
            assert len(info["marks"]) == len(rows) * len(columns), f"{title}: {len(info['marks'])} cells"
            for theme, cells in rows:
                for column, cell in zip(columns, cells):
                    number = 0 if "leemte" in cell else dutch_number(cell)
                    expected = f"{theme} × {column}: {number}" + (" (leemte)" if number == 0 else "")
                    assert expected in info["marks"], f"{title}: no cell {expected!r}"
        else:
            assert len(info["marks"]) == len(rows), f"{title}: {len(info['marks'])} bars for {len(rows)} rows"
            for (name, cells), mark in zip(rows, info["marks"]):
                assert mark.endswith(f": {dutch_number(cells[0])}"), f"{title}: bar {mark!r} for row {name} {cells}"
            if chart_id == "toegang":
                shares = [int(cells[1].rstrip("%")) for _, cells in rows if cells[1] != "<1%"]
                assert 98 <= sum(shares) <= 102, f"access shares add up to {sum(shares)}%"
                assert all(re.search(r"\(\d+%\)$|\(<1%\)$", mark.split(":")[0]) for mark in info["marks"])

    # The total above the charts is the sum of the access levels.
    total = dutch_number(re.match(r"([\d.]+) documenten", page.locator(".statistics-page > p").first.inner_text()).group(1))
    access = page.locator("section#toegang tbody tr td:first-of-type").all_text_contents()
    assert total == sum(dutch_number(a) for a in access)
    # Every id on the page is unique (six SVGs inline, each with its own fill patterns) and every pattern exists.
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids"
    html = page.content()
    for reference in set(re.findall(r"url\(#([^)]+)\)", html)):
        assert reference in ids, f"fill pattern #{reference} is missing"
    assert page.js_errors == []


def test_statistics_page_screenshot_and_accessibility(curator_page, screenshot_dir):
    page = curator_page
    page.goto("/beheer/statistiek")
    page.wait_for_load_state("load")
    page.screenshot(path=str(screenshot_dir / "10-statistiek.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the statistics page scrolls sideways by {overflow}px"

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert results.response["passes"], "axe checked nothing: is the page empty?"
    (screenshot_dir / "axe-statistiek.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    summary = ", ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×)" for v in violations) or "no violations"
    AXE_SUMMARIES.append(f"{'statistiek':24} /beheer/statistiek: {len(results.response['passes'])} rules passed; {summary}")
    failing = [v for v in violations if v.get("impact") in {"serious", "critical"}]
    assert not failing, "\n" + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(n["html"][:160] for n in v["nodes"][:5])
        for v in failing)
