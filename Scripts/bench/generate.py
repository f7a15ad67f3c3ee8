#!/usr/bin/env python3
"""Writes N synthetic Kennisbank documents for benchmarking.

    generate.py N OUTDIR [--seed S]

Documents are valid against kennisbank.rng and Corpus/vocabulaire.json (copied into OUTDIR
so `kennisbank index OUTDIR` finds it). Text is Dutch (~5% English) drawn from a Zipf-like
distribution over the word lists in woorden.py, with each document leaning towards words of
its own themes, so posting lists and rankings look like those of a real collection.
The same N and seed always give byte-identical files.
"""
import argparse
import datetime
import itertools
import json
import pathlib
import random
import shutil
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository: outputs go to OUTDIR only
import woorden  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
VOCABULARY = REPO / "Corpus" / "vocabulaire.json"
FILES_PER_FOLDER = 1000
BODY_WORDS = 600
ZIPF_EXPONENT = 1.0
TOPIC_SHARE = 0.12  # share of body words taken from the document's own themes

# Words each theme makes more likely, so a search for them ranks the right documents first.
THEME_WORDS = {
    "ronselen-via-internet": "ronselen online internet chat grooming nepprofiel datingapp instagram snapchat sociale media",
    "signalering": "signalering signalen signaleren herkennen meldcode melding zorgcoördinator signaleringskaart",
    "opvang": "opvang opvanglocatie crisisopvang beschermde opvangplekken begeleiding woonbegeleiding",
    "uitstappen": "uitstappen uitstapprogramma exitprogramma prostitutie sekswerkers herstel perspectief",
    "aangifte": "aangifte aangiftebereidheid verhoor zedenpolitie getuige verklaring politie",
    "weerbaarheid": "weerbaarheid weerbaarheidstraining grenzen assertiviteit voorlichtingsles meisjes",
    "ketensamenwerking": "ketensamenwerking ketenpartners casusoverleg veiligheidshuis riec convenant",
    "opsporing-en-vervolging": "opsporing vervolging recherche officier rechter veroordeling strafzaak verdachte",
    "nazorg": "nazorg terugval herstel trajectbegeleiding casemanager dagbesteding huisvesting",
    "jongens-als-slachtoffer": "jongens jongensslachtoffers mannelijke schaamte jongensprostitutie",
    "licht-verstandelijke-beperking": "lvb licht verstandelijke beperking kwetsbaar begeleiding",
    "sociale-media": "sociale media sexting naaktfoto sextortion beeldmisbruik groepsapp tiktok",
    "cijfers-en-monitoring": "cijfers registratie monitor schatting prevalentie trends percentage",
    "wetgeving": "wetgeving artikel wetboek strafbaar wetsvoorstel wetswijziging strafrecht",
    "vergunningen-en-toezicht": "vergunning vergunningen toezicht handhaving escortbureau seksbedrijf bibob-toets",
    "werkwijze-daders": "loverboy loverboys pooier ronselaar daders werkwijze manipulatie afhankelijkheid chantage",
    "ouderbetrokkenheid": "ouders ouderavond ouderbetrokkenheid oudernetwerk opvoeders gezin",
}
ENGLISH_TOPIC = "victim victims trafficking exploitation loverboy recruitment grooming police youth care shelter"

PROVINCES = {
    "Groningen": ["Groningen", "Delfzijl", "Veendam", "Stadskanaal"],
    "Friesland": ["Leeuwarden", "Sneek", "Heerenveen", "Drachten"],
    "Drenthe": ["Assen", "Emmen", "Meppel", "Hoogeveen"],
    "Overijssel": ["Zwolle", "Deventer", "Enschede", "Almelo", "Hengelo"],
    "Flevoland": ["Almere", "Lelystad", "Dronten"],
    "Gelderland": ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Tiel"],
    "Utrecht": ["Utrecht", "Amersfoort", "Nieuwegein", "Zeist"],
    "Noord-Holland": ["Amsterdam", "Haarlem", "Zaanstad", "Alkmaar", "Hilversum", "Den Helder"],
    "Zuid-Holland": ["Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Delft", "Gouda"],
    "Zeeland": ["Middelburg", "Vlissingen", "Goes", "Terneuzen"],
    "Noord-Brabant": ["Eindhoven", "Tilburg", "Breda", "Den Bosch", "Helmond", "Oss"],
    "Limburg": ["Maastricht", "Heerlen", "Venlo", "Sittard-Geleen", "Roermond"],
}
FIRST_NAMES = "Anna Sanne Fatima Eva Lotte Noor Inge Marieke Yasmina Petra Jeroen Mark Ahmed Bram Kees Pieter Tim Sander Joost Ruben".split()
LAST_NAMES = "de Vries|Jansen|Bakker|Visser|Smit|Meijer|van Dijk|Mulder|de Boer|Bos|El Amrani|Yilmaz|Hendriks|van Leeuwen|Dekker|Brouwer|de Graaf|Kok|Vermeulen|Peters".split("|")


def build_ranked_dutch():
    """One ranked word list: function words first, then the groups interleaved by how common they are."""
    groups = [(woorden.DOMEIN.split(), 3), (woorden.ZELFSTANDIG.split(), 3), (woorden.WERKWOORD.split(), 2),
              (woorden.BIJVOEGLIJK.split(), 2), (woorden.SAMENSTELLING.split(), 1), (woorden.ALGEMEEN.split(), 2),
              (woorden.UITDRUKKINGEN, 1)]
    ranked = woorden.FUNCTIE.split()
    iterators = [(iter(words), share) for words, share in groups]
    while iterators:
        alive = []
        for it, share in iterators:
            taken = list(itertools.islice(it, share))
            ranked.extend(taken)
            if len(taken) == share:
                alive.append((it, share))
        iterators = alive
    return list(dict.fromkeys(ranked))  # drop duplicates, keep first (highest) rank


def zipf_weights(n):
    return list(itertools.accumulate(1.0 / (rank ** ZIPF_EXPONENT) for rank in range(1, n + 1)))


class Language:
    """A ranked word list and its cumulative Zipf weights, for fast batched draws."""

    def __init__(self, words):
        self.words = words
        self.cumulative = zipf_weights(len(words))

    def draw(self, rng, count, topic, topic_share):
        words = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        for i in range(count):
            if rng.random() < topic_share:
                words[i] = rng.choice(topic)
        return words


def sentence(words):
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, lang, topic, count):
    words = lang.draw(rng, count, topic, TOPIC_SHARE)
    sentences, start = [], 0
    while start < count:
        length = rng.randint(7, 18)
        sentences.append(sentence(words[start:start + length]))
        start += length
    return " ".join(sentences)


def phrase(rng, lang, topic, low, high, share=0.35):
    """A short capitalised phrase without a full stop (titles, headings, list items)."""
    text = " ".join(lang.draw(rng, rng.randint(low, high), topic, share))
    return text[0].upper() + text[1:]


def slug(text, words=3):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = ["".join(c for c in w if c.isalnum()) for w in ascii_text.split()]
    return "-".join([p for p in parts if p][:words])[:40].strip("-") or "doc"


def pick_weighted(rng, values, weights):
    return rng.choices(values, weights=weights, k=1)[0]


def sample_some(rng, values, low, high):
    """low..high distinct values, earlier values in the list more likely (facets are never uniform)."""
    k = rng.randint(low, min(high, len(values)))
    chosen = []
    weights = [1.0 / (i + 1) ** 0.7 for i in range(len(values))]
    while len(chosen) < k:
        value = pick_weighted(rng, values, weights)
        if value not in chosen:
            chosen.append(value)
    return chosen


def organisation_pool():
    pool = ["Landelijk Expertisepunt Jeugdprostitutie", "Openbaar Ministerie", "CoMensha", "Ministerie van Justitie en Veiligheid",
            "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)", "Nationaal Rapporteur Mensenhandel",
            "Raad voor de Kinderbescherming", "Slachtofferhulp Nederland", "Vereniging van Nederlandse Gemeenten",
            "Politie, Landelijke Eenheid", "Koninklijke Marechaussee", "Nederlands Jeugdinstituut", "Movisie"]
    for province, towns in PROVINCES.items():
        pool += [f"Gemeente {town}" for town in towns]
        pool += [f"Veilig Thuis {province}", f"GGD {province}", f"Stichting Jeugdzorg {province}",
                 f"Zorg- en Veiligheidshuis {towns[0]}", f"Politie {province}"]
    return pool


def document_xml(rng, number, vocab, dutch, english, organisations, org_weights):
    doc_type = pick_weighted(rng, vocab["type"], [25, 20, 8, 12, 20, 15])
    language = "en" if rng.random() < 0.05 else "nl"
    access = pick_weighted(rng, ["openbaar", "professional", "vertrouwelijk"], [85, 10, 5])
    themes = sample_some(rng, vocab["theme"], 1, 4)
    audiences = sample_some(rng, vocab["audience"], 1, 3)
    approaches = sample_some(rng, vocab["approach"], 1, 2)
    if rng.random() < 0.25:
        scope, municipality = "landelijk", None
    else:
        scope = rng.choice([p for p in vocab["region"] if p != "landelijk"])
        municipality = rng.choice(PROVINCES[scope]) if rng.random() < 0.6 else None
    orgs = list(dict.fromkeys(rng.choices(organisations, weights=org_weights, k=rng.randint(1, 3))))
    published = datetime.date(2004, 1, 1) + datetime.timedelta(days=rng.randrange(22 * 365 + 5))

    if language == "en":
        lang, topic = english, ENGLISH_TOPIC.split()
    else:
        lang = dutch
        topic = [w for theme in themes for w in THEME_WORDS[theme].split()]
    title = phrase(rng, lang, topic, 5, 10, share=0.5)
    summary = paragraph(rng, lang, topic, rng.randint(25, 45))
    prefix = {"rapport": "rap", "goede-praktijk": "gp", "daderprofiel": "dp", "cijfers": "cijf",
              "voorlichting": "vl", "beleid": "bel"}[doc_type]
    doc_id = f"{prefix}-{number:07d}-{slug(title)}"

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<document id="{doc_id}" type="{doc_type}" language="{language}" access="{access}">',
           f"  <title>{escape(title)}</title>",
           f"  <summary>{escape(summary)}</summary>",
           f"  <published>{published.isoformat()}</published>",
           "  <organisations>" + "".join(f"<organisation>{escape(o)}</organisation>" for o in orgs) + "</organisations>"]
    if rng.random() < 0.6:
        authors = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 2))]
        out.append("  <authors>" + "".join(f"<author>{escape(a)}</author>" for a in authors) + "</authors>")
    region = f'  <region scope="{scope}"'
    out.append(region + (f" municipality={quoteattr(municipality)}/>" if municipality else "/>"))
    out.append("  <audiences>" + "".join(f"<audience>{a}</audience>" for a in audiences) + "</audiences>")
    out.append("  <approaches>" + "".join(f"<approach>{a}</approach>" for a in approaches) + "</approaches>")
    out.append("  <themes>" + "".join(f"<theme>{t}</theme>" for t in themes) + "</themes>")
    if rng.random() < 0.7:
        out.append(f'  <source url="https://example.org/kennisbank/{doc_id}">Synthetisch benchmarkdocument</source>')
    if doc_type == "goede-praktijk":
        out += ["  <practice>",
                f"    <runBy>{escape(rng.choice(organisations))}</runBy>",
                f"    <location>{escape(phrase(rng, lang, topic, 4, 9))}</location>",
                f"    <since>{rng.randint(2000, published.year)}</since>",
                f"    <evidence>{rng.choice(vocab['evidence'])}</evidence>",
                "  </practice>"]
    if doc_type == "daderprofiel":
        out += ["  <workingMethod>",
                *(f"    <recruitmentChannel>{escape(phrase(rng, lang, topic, 2, 6))}</recruitmentChannel>" for _ in range(rng.randint(1, 3))),
                *(f"    <exploitationSetting>{escape(phrase(rng, lang, topic, 2, 5))}</exploitationSetting>" for _ in range(rng.randint(1, 2))),
                f"    <victimAgeBand>{rng.randint(12, 16)} tot {rng.randint(17, 23)} jaar</victimAgeBand>",
                f"    <groupContext>{escape(phrase(rng, lang, topic, 4, 10))}</groupContext>",
                *(f"    <controlMethod>{escape(phrase(rng, lang, topic, 3, 8))}</controlMethod>" for _ in range(rng.randint(1, 3))),
                "  </workingMethod>"]

    # Body: ~600 words over 3-5 sections of paragraphs and the odd bulleted list.
    out.append("  <body>")
    sections = rng.randint(3, 5)
    budget = int(rng.gauss(BODY_WORDS, 60))
    for s in range(sections):
        words_left = budget // sections
        page = f' page="{s + 1}"' if rng.random() < 0.3 else ""
        out.append(f"    <section{page}>")
        if rng.random() < 0.9:
            out.append(f"      <heading>{escape(phrase(rng, lang, topic, 1, 4))}</heading>")
        while words_left > 0:
            if rng.random() < 0.15:
                items = [phrase(rng, lang, topic, 4, 12, share=TOPIC_SHARE) for _ in range(rng.randint(3, 5))]
                words_left -= sum(len(i.split()) for i in items)
                out.append("      <list>" + "".join(f"<item>{escape(i)}</item>" for i in items) + "</list>")
            else:
                count = min(words_left, rng.randint(40, 120))
                words_left -= count
                out.append(f"      <p>{escape(paragraph(rng, lang, topic, max(count, 8)))}</p>")
        out.append("    </section>")
    out += ["  </body>", "</document>", ""]
    return doc_id, "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of documents")
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    # Refuse to mix with an older run: stale files would silently change the corpus.
    if args.outdir.exists() and any(args.outdir.iterdir()):
        sys.exit(f"error: {args.outdir} is not empty; remove it first")
    args.outdir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(VOCABULARY, args.outdir / "vocabulaire.json")
    vocab = {key: [entry["value"] for entry in entries]
             for key, entries in json.loads(VOCABULARY.read_text(encoding="utf-8")).items() if isinstance(entries, list)}

    rng = random.Random(args.seed)
    dutch = Language(build_ranked_dutch())
    english = Language(list(dict.fromkeys(woorden.ENGLISH.split())))
    organisations = organisation_pool()
    org_weights = [1.0 / (i + 1) for i in range(len(organisations))]

    ids, total_bytes = set(), 0
    for number in range(args.count):
        doc_id, xml = document_xml(rng, number, vocab, dutch, english, organisations, org_weights)
        assert doc_id not in ids, doc_id  # the number in the id makes this impossible; checked anyway
        ids.add(doc_id)
        folder = args.outdir / f"{number // FILES_PER_FOLDER:04d}"
        folder.mkdir(exist_ok=True)
        data = xml.encode("utf-8")
        (folder / f"{doc_id}.xml").write_bytes(data)
        total_bytes += len(data)
    print(f"generated {args.count} documents ({total_bytes / 1e6:.1f} MB, {len(dutch.words)} Dutch words) in {args.outdir}")


if __name__ == "__main__":
    main()
