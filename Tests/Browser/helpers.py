"""Small helpers shared by the browser tests: reading the search page as a person would see it."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Accessibility summaries collected by test_accessibility.py, printed at the end of the run (see conftest.py).
AXE_SUMMARIES: list[str] = []

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def dutch_number(text: str) -> int:
    """'1.234' → 1234 (Dutch thousands separator)."""
    return int(text.replace(".", ""))


def dutch_date(iso: str) -> str:
    """'2019-03-12' → '12 maart 2019', as the pages show dates."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads((ROOT / "Corpus" / "vocabulaire.json").read_text(encoding="utf-8"))


def label(facet: str, value: str) -> str:
    """The Dutch label of a controlled value (the value itself when the vocabulary has none)."""
    for entry in vocabulary().get(facet, []):
        if isinstance(entry, dict) and entry.get("value") == value:
            return entry.get("label", value)
    return value


def total_on_page(page) -> int:
    """The number of documents in the results heading ('30 documenten (resultaat 1–10)')."""
    heading = page.locator("#resultaten-kop").inner_text()
    match = re.match(r"\s*([\d.]+) document", heading)
    assert match, f"unexpected results heading: {heading!r}"
    return dutch_number(match.group(1))


def hit_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("ol.hits > li.hit h3 a").all_inner_texts()]


def hit_types(page) -> list[str]:
    return [t.strip() for t in page.locator("ol.hits > li.hit .meta .type").all_inner_texts()]


def facet_values(page, facet: str) -> list[dict]:
    """Every checkbox of one facet: value, label (without count), count, checked, element id."""
    values = []
    for box in page.locator(f"fieldset.facet input[type=checkbox][name='{facet}']").all():
        box_id = box.get_attribute("id")
        # textContent, not innerText: values behind a closed "Toon nog … waarden" have no rendered text.
        text = " ".join(page.locator(f"label[for='{box_id}']").text_content().split())
        match = re.match(r"(.*)\s+\(([\d.]+)\)$", text, re.S)
        assert match, f"facet label without a count: {text!r}"
        values.append({"value": box.get_attribute("value"), "label": match.group(1).strip(),
                       "count": dutch_number(match.group(2)), "checked": box.is_checked(), "id": box_id,
                       "visible": box.is_visible()})
    return values


def chips(page) -> list[str]:
    """The chip texts, without the hidden 'Verwijder filter' prefix and the × sign."""
    texts = page.locator(".chips a.chip").evaluate_all(
        "els => els.map(e => { const c = e.cloneNode(true); c.querySelectorAll('.visually-hidden,[aria-hidden=true]')"
        ".forEach(x => x.remove()); return c.textContent.trim(); })")
    return texts
