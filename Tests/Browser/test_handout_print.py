"""The printable handout of the perpetrator profiles (issue 7), as a trainer gets it and prints it.

A trainer signs in, searches the perpetrator profiles (type=daderprofiel), takes the "Hand-out (HTML)" export
link from the search page and downloads the handout with the session. Chromium prints it to an A4 PDF with the
handout's own print stylesheet, and poppler (pdfinfo, pdftotext -bbox, pdftoppm) reads the PDF back, page by
page: the table of contents on page 1, each profile starting on its own page with its title, the confidential
banner on every confidential profile, no word lost or pushed past the right margin, no heading stranded at the
bottom of a page, no screen-only chrome. The PDF and a PNG of page 1 are kept under screenshots/.
"""
from __future__ import annotations

import collections
import html
import re
import shutil
import subprocess
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

import pytest

from conftest import sign_in

# A4 in PostScript points, and the handout's @page margins (2cm top and bottom, 1.8cm left and right).
A4_WIDTH, A4_HEIGHT = 595.28, 841.89
CM = 72 / 2.54
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_SIDE = 2 * CM, 2 * CM, 1.8 * CM
# What the search site shows around its pages, and none of which belongs on paper.
SCREEN_CHROME = ["Direct naar de inhoud", "Uitloggen", "Ingelogd als", "Hoofdmenu", "Nieuwste documenten",
                 "Zoekopdracht bewaren", "Bewaarde zoekopdrachten", "Hand-out (HTML)", "Dublin Core (XML)",
                 "Zoeken in de kennisbank", "JSON-API", "Filters wissen"]
CONFIDENTIAL_BANNER = "Vertrouwelijk – uitsluitend voor trainingsdoeleinden"


def normal(text: str) -> str:
    """NFKC (ligatures apart), one space between words, lowercase: how texts are compared here."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normal(text))


@dataclass
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    @property
    def body(self) -> list[Word]:
        """The words inside the type area (the running header and page number live in the margins)."""
        return [w for w in self.words if w.y_min >= MARGIN_TOP - 2 and w.y_max <= self.height - MARGIN_BOTTOM + 2]

    @property
    def margin(self) -> list[Word]:
        return [w for w in self.words if w not in self.body]

    @property
    def text(self) -> str:
        return normal(" ".join(w.text for w in self.body))

    @property
    def fill(self) -> float:
        """How far down the type area the text reaches, 0 (empty) to 1 (full)."""
        body = self.body
        if not body:
            return 0.0
        return (max(w.y_max for w in body) - MARGIN_TOP) / (self.height - MARGIN_TOP - MARGIN_BOTTOM)


@dataclass
class Handout:
    html: str
    pdf_pages: int
    pages: list[Page]
    dom: dict
    expected_titles: list[str]
    confidential_titles: list[str]


def read_pdf(path) -> tuple[int, list[Page]]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for number, match in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S), 1):
        page = Page(number, float(match.group(1)), float(match.group(2)))
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             match.group(3)):
            page.words.append(Word(html.unescape(w.group(5)), *(float(w.group(i)) for i in range(1, 5))))
        pages.append(page)
    return count, pages


@pytest.fixture(scope="module")
def handout(browser, base_url, tokens, screenshot_dir) -> Handout:
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} not found: install poppler-utils (Scripts/install-deps does)")
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, tokens["trainer"])

        # What this trainer may see of the profiles, confidential ones included.
        found = context.request.get("/api/search?" + urllib.parse.urlencode({"type": "daderprofiel", "size": 100}))
        assert found.ok, found.text()
        expected_titles = [hit["title"] for hit in found.json()["hits"]]
        secret = context.request.get("/api/search?" + urllib.parse.urlencode(
            {"type": "daderprofiel", "access": "vertrouwelijk", "size": 100}))
        assert secret.ok, secret.text()
        confidential_titles = [hit["title"] for hit in secret.json()["hits"]]
        assert confidential_titles, "the trainer sees no confidential profile: is the corpus or the role wrong?"

        # The export link on the search page, as the trainer would click it.
        page.goto("/?type=daderprofiel")
        link = page.locator(".export a", has_text="Hand-out (HTML)")
        assert link.count() == 1, "no handout link on the search page"
        href = link.get_attribute("href")
        parsed = urllib.parse.urlparse(href)
        assert parsed.path == "/api/export"
        assert urllib.parse.parse_qs(parsed.query) == {"type": ["daderprofiel"], "format": ["html"]}
        response = context.request.get(href)
        assert response.status == 200, response.text()
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.headers["content-disposition"].startswith("attachment; filename=\"kennisbank-daderprofiel-")
        text = response.text()

        # Printed as Chromium prints it: A4, backgrounds on, the print media rules of the handout itself.
        printer = context.new_page()
        printer.set_content(text, wait_until="load")
        printer.emulate_media(media="print")
        dom = printer.evaluate("""() => ({
            toc: [...document.querySelectorAll('nav li')].map(li => li.innerText),
            titles: [...document.querySelectorAll('article > h2')].map(h => h.innerText),
            confidential: [...document.querySelectorAll('article')].filter(a => a.querySelector('.banner'))
                .map(a => a.querySelector('h2').innerText),
            headings: [...document.querySelectorAll('h1, h2, h3')].map(h => h.innerText),
            text: document.body.innerText,
            controls: document.querySelectorAll('button, input, select, textarea, form, script, iframe').length,
            navs: [...document.querySelectorAll('nav')].map(n => n.getAttribute('aria-label')),
        })""")
        pdf = screenshot_dir / "handout-daderprofielen.pdf"
        printer.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        context.close()

    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(screenshot_dir / "09-handout-pagina1")], check=True)
    count, pages = read_pdf(pdf)
    return Handout(text, count, pages, dom, expected_titles, confidential_titles)


def page_of(handout: Handout, text: str) -> list[int]:
    """The pages whose type area holds `text` whole (so a heading split over two pages is found nowhere)."""
    return [p.number for p in handout.pages if normal(text) in p.text]


def profile_start(handout: Handout, title: str) -> Page | None:
    """The page a profile starts on: after the contents page (which lists the same titles), beginning with it."""
    return next((p for p in handout.pages[1:] if p.text.startswith(normal(title))), None)


def test_page_count_is_sensible(handout):
    profiles = len(handout.expected_titles)
    assert handout.pdf_pages == len(handout.pages)
    # Contents page, then every profile on pages of its own: at least one, at most four each.
    assert 2 <= handout.pdf_pages
    assert profiles + 1 <= handout.pdf_pages <= 4 * profiles + 1, f"{handout.pdf_pages} pages for {profiles} profiles"
    for page in handout.pages:
        assert abs(page.width - A4_WIDTH) < 2 and abs(page.height - A4_HEIGHT) < 2, f"page {page.number} is not A4"


def test_every_page_has_text_and_only_the_end_of_a_profile_is_short(handout):
    starts = {profile_start(handout, title).number for title in handout.dom["titles"] if profile_start(handout, title)}
    for page in handout.pages:
        assert len(page.body) >= 5, f"page {page.number} is (nearly) blank: {page.text!r}"
        # Each profile starts on a new page, so only the last page of a profile (or of the handout) may be short.
        ends_a_profile = page.number == len(handout.pages) or page.number + 1 in starts
        if not ends_a_profile:
            assert page.fill > 0.6, f"page {page.number} is mostly empty ({page.fill:.0%}) in the middle of a profile"


def test_table_of_contents_is_on_page_one(handout):
    first = handout.pages[0]
    assert "inhoud" in words(first.text)
    # Before any profile, the reader learns that they are composite and fictional.
    assert "samengestelde daderprofielen in deze bundel zijn fictief" in first.text
    assert handout.dom["toc"], "the handout has no table of contents"
    assert len(handout.dom["toc"]) == len(handout.expected_titles)
    position = 0
    for entry in handout.dom["toc"]:
        found = first.text.find(normal(entry), position)
        assert found >= 0, f"table of contents entry {entry!r} is not on page 1 (or out of order)"
        position = found
    # The profiles themselves start after the contents page, the first one right after it.
    assert profile_start(handout, handout.dom["titles"][0]).number == 2


def test_every_profile_has_its_title_at_the_top_of_a_new_page(handout):
    assert handout.dom["titles"], "the handout has no profiles"
    shown = [re.sub(r"^\d+\.\s*", "", title) for title in handout.dom["titles"]]
    assert sorted(shown) == sorted(handout.expected_titles), "the handout is not the profiles this trainer may see"
    previous = 1
    for number, title in enumerate(handout.dom["titles"], 1):
        assert title.startswith(f"{number}. ")
        page = profile_start(handout, title)
        assert page, f"profile title {title!r} does not start a page (missing, split or mid-page)"
        assert page.number > previous, f"{title!r} does not follow the previous profile"
        previous = page.number


def test_confidential_profiles_carry_the_banner(handout):
    confidential = [re.sub(r"^\d+\.\s*", "", title) for title in handout.dom["confidential"]]
    assert sorted(confidential) == sorted(handout.confidential_titles)
    for title in handout.dom["confidential"]:
        page = profile_start(handout, title)
        after = page.text.split(normal(title), 1)[1]
        assert after.lstrip().startswith(normal(CONFIDENTIAL_BANNER)), \
            f"no confidential banner under {title!r} on page {page.number}"
    # Public profiles carry none; the whole bundle is marked on page 1 and at the top of every page.
    for title in handout.dom["titles"]:
        if title not in handout.dom["confidential"]:
            page = profile_start(handout, title)
            assert normal(CONFIDENTIAL_BANNER) not in page.text.split(normal(title), 1)[1][:200]
    assert "bevat vertrouwelijk materiaal" in handout.pages[0].text
    for page in handout.pages:
        header = normal(" ".join(w.text for w in page.margin if w.y_max < MARGIN_TOP))
        assert "vertrouwelijk" in header, f"page {page.number} has no confidential marking in its header: {header!r}"


def test_pages_are_numbered(handout):
    total = len(handout.pages)
    for page in handout.pages:
        footer = normal(" ".join(w.text for w in page.margin if w.y_min > page.height - MARGIN_BOTTOM))
        assert f"pagina {page.number} van {total}" in footer, f"page {page.number} footer: {footer!r}"


def test_no_word_is_lost_or_cut_off_at_the_edges(handout):
    # Every word of the handout as the browser lays it out for print is in the PDF, as often.
    expected = collections.Counter(words(handout.dom["text"]))
    printed = collections.Counter(w for page in handout.pages for w in words(page.text))
    missing = {word: n - printed[word] for word, n in expected.items() if printed[word] < n}
    assert not missing, f"words of the handout missing from the PDF: {dict(list(missing.items())[:20])}"
    # And no word reaches past the type area, where the paper (or the printer's margin) would cut it.
    for page in handout.pages:
        for w in page.body:
            assert w.x_min >= MARGIN_SIDE - 1.5, f"page {page.number}: {w.text!r} starts in the left margin ({w.x_min:.1f}pt)"
            assert w.x_max <= page.width - MARGIN_SIDE + 1.5, \
                f"page {page.number}: {w.text!r} runs into the right margin ({w.x_max:.1f} of {page.width:.1f}pt)"
        for w in page.words:
            assert 0 <= w.x_min and w.x_max <= page.width and 0 <= w.y_min and w.y_max <= page.height, \
                f"page {page.number}: {w.text!r} is outside the page"


def heading_lines(page: Page, heading: str) -> list[int]:
    """Where `heading` stands on `page` as a heading: its words in a row, from the left margin of the type area to
    the end of their line. Returns the index of the word after each occurrence."""
    wanted = [normal(w) for w in heading.split()]
    body = page.body
    found = []
    for start in range(len(body) - len(wanted) + 1):
        run = body[start:start + len(wanted)]
        if [normal(w.text) for w in run] != wanted or run[0].x_min > MARGIN_SIDE + 20:
            continue
        end = start + len(wanted)
        if end == len(body) or body[end].y_min > run[-1].y_max - 2:  # the next word is on a later line
            found.append(end)
    return found


def test_no_heading_is_split_or_left_at_the_bottom_of_a_page(handout):
    for heading in handout.dom["headings"]:
        # The contents page lists the profile titles too; the headings themselves come after it.
        places = [(page, end) for page in handout.pages[1:] for end in heading_lines(page, heading)]
        if heading == handout.dom["headings"][0] or heading == "Inhoud":
            places = [(handout.pages[0], end) for end in heading_lines(handout.pages[0], heading)]
        assert places, f"heading {heading!r} is split over two pages or missing"
        # What follows a heading is on the same page: it is never the last thing on a page.
        for page, end in places:
            assert end < len(page.body) or page.number == len(handout.pages), \
                f"heading {heading!r} is stranded at the bottom of page {page.number}"


def test_no_screen_chrome_in_print(handout):
    assert handout.dom["controls"] == 0, "the handout has buttons, forms or scripts"
    assert handout.dom["navs"] == ["Inhoudsopgave"], f"navigation other than the contents: {handout.dom['navs']}"
    text = normal(" ".join(w.text for page in handout.pages for w in page.words))
    for chrome in SCREEN_CHROME:
        assert normal(chrome) not in text, f"screen-only text {chrome!r} is printed"
    assert "<script" not in handout.html.lower()


def test_page_one_picture_is_saved(handout, screenshot_dir):
    picture = screenshot_dir / "09-handout-pagina1.png"
    assert picture.exists() and picture.stat().st_size > 5_000
    assert (screenshot_dir / "handout-daderprofielen.pdf").stat().st_size > 10_000
