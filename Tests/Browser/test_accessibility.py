"""axe-core (through axe-playwright-python) on the main pages: no serious or critical WCAG 2.1 A/AA violation."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import AXE_SUMMARIES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def _pages(api):
    first = api.json("/api/search", {"q": "loverboy"})["hits"][0]["id"]
    english = api.json("/api/search", {"language": "en"})["hits"][0]["id"]
    return [
        ("zoekpagina", "/"),
        ("resultaten", "/?" + urllib.parse.urlencode({"q": "loverboy", "type": "goede-praktijk"})),
        ("geen-resultaten", "/?q=xqzwvjkq"),
        ("document", "/document/" + urllib.parse.quote(first)),
        ("document-engels", "/document/" + urllib.parse.quote(english)),
        ("niet-gevonden", "/document/bestaat-niet"),
    ]


@pytest.fixture(scope="module")
def pages(api):
    return _pages(api)


def _check(page, name: str, path: str, screenshot_dir):
    page.goto(path)
    page.wait_for_load_state("load")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                      "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert results.response["passes"], "axe checked nothing: is the page empty?"
    (screenshot_dir / f"axe-{name}.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False))
    summary = ", ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×)" for v in violations) or "no violations"
    AXE_SUMMARIES.append(f"{name:24} {path}: {len(results.response['passes'])} rules passed; {summary}")
    failing = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    assert not failing, "\n" + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(n["html"][:160] for n in v["nodes"][:5])
        for v in failing)


@pytest.mark.parametrize("name", ["zoekpagina", "resultaten", "geen-resultaten", "document", "document-engels",
                                  "niet-gevonden"])
def test_no_serious_wcag_violations(page, pages, name, screenshot_dir):
    _check(page, name, dict(pages)[name], screenshot_dir)


@pytest.mark.parametrize("name", ["resultaten", "document"])
def test_no_serious_wcag_violations_on_a_phone(context_factory, pages, name, screenshot_dir):
    """The same at 390 px wide (one column layout), where overlapping or clipped content shows up."""
    page = context_factory(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True,
                           has_touch=True).new_page()
    _check(page, f"{name}-mobiel", dict(pages)[name], screenshot_dir)
    page.screenshot(path=str(screenshot_dir / f"07-mobiel-{name}.png"))
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 390px wide"
