"""The articles in sample_articles/ read exactly as their expectations say."""

import json
from pathlib import Path

import pytest

from reader.document import load_document
from reader.model import MENTION

ROOT = Path(__file__).resolve().parent.parent
EXPECTATIONS = json.loads((ROOT / "tests" / "sample_expectations.json").read_text(encoding="utf-8"))


def _ids(e):
    return e["file"]


@pytest.fixture(scope="module")
def documents():
    return {e["file"]: load_document(str(ROOT / "sample_articles" / e["file"])) for e in EXPECTATIONS}


def test_every_sample_article_has_expectations():
    articles = {p.name for p in (ROOT / "sample_articles").iterdir() if p.suffix in (".txt", ".md", ".html")}
    articles.discard("README.md")
    assert articles == {e["file"] for e in EXPECTATIONS}


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=_ids)
def test_structure(documents, expected):
    doc = documents[expected["file"]]
    assert (doc.title.text if doc.title else None) == expected["title"]
    assert (doc.dateline.text if doc.dateline else None) == expected["dateline"]
    assert [s.title for s in doc.sections if s.heading is not None] == expected["sections"]


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=_ids)
def test_quotes_and_speakers(documents, expected):
    doc = documents[expected["file"]]
    got = [
        {"text": q.text, "speaker": doc.speaker_of(q).name if doc.speaker_of(q) else None, "kind": q.kind}
        for q in doc.quotes
        if q.kind != MENTION
    ]
    assert got == expected["quotes"]


def test_the_legacy_file_decodes_its_curly_quotes(documents):
    doc = documents["legacy-cp1252.txt"]
    assert "\r" not in doc.text and "\ufffd" not in doc.text
    assert "£" in doc.text and "“" in doc.text and "’" in doc.text


@pytest.mark.parametrize("expected", [e for e in EXPECTATIONS if "outline" in e], ids=_ids)
def test_outline(documents, expected):
    from reader.output import outline_record

    record = outline_record(expected["file"], documents[expected["file"]])
    del record["file"], record["source"]["file"]
    assert record == expected["outline"]


def test_quotations_of_the_markdown_sample_point_into_its_file(documents):
    text = (ROOT / "sample_articles" / "library-van-route.md").read_text(encoding="utf-8")
    doc = documents["library-van-route.md"]
    assert doc.text == text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
    # Template tags, attribute values and code are never quotations.
    assert not [q for q in doc.quotes if "tomasz" in q.text or q.text in ("Kell", "The Hill Farmer")]


def test_the_markdown_sample_as_shown():
    from reader.markdown import rendered

    doc = rendered(load_document(str(ROOT / "sample_articles" / "library-van-route.md")))
    shown = [(doc.text[p.start : p.end].strip(), p.form) for p in doc.paragraphs]
    assert shown == [
        ("The county's mobile library is back on the road after an eighteen-month absence, serving seven hill "
         "villages that lost their branch libraries in 2021.\nThe new van, bought with a rural services grant, "
         "carries about three thousand books and a printer.", ""),
        ("“People have been asking for it at every parish meeting,” said Rhiannon Kell, who drives the van and runs "
         "the service. “Some of them have been rationing the last books they borrowed.”", ""),
        ("Photo: the van outside Upper Brackley chapel.", ""),
        ("The van visits each village once a fortnight:", ""),
        ("1. Upper Brackley, Mondays, outside the chapel", "item"),
        ("2. Fellgate, Tuesdays, in the pub car park", "item"),
        ("3. Sallow Cross, Wednesdays, by the old school", "item"),
        ("| Village        | Stop            | Time        |\n|----------------|-----------------|-------------|\n"
         "| Upper Brackley | chapel          | 10:00–12:00 |\n| Fellgate       | pub car park    | 13:30–15:00 |", "pre"),
        ("“I read to the children while their parents choose,” said Amos Fairweather, a retired teacher who "
         "volunteers on Tuesdays.\n“Half of them have never been inside a library.”", "blockquote"),
        ("Readers can reserve books online with the code VAN-RESERVE or by phone. The booking system prints a "
         "slip like this:", ""),
        ('RESERVED  Kell, R.   "The Hill Farmer"   due 17/06', "pre"),
        ("reported from Fellgate.", ""),
    ]
    assert doc.title.text == "Mobile Library Van Returns to the Hill Villages"
    styled = {(doc.text[s.start : s.end], s.style, s.target) for s in doc.styles}
    assert styled == {("mobile library", "strong", None), ("three thousand", "emphasis", None),
                      ("rural services grant", "link", "https://example.org/grants"), ("VAN-RESERVE", "code", None)}
    for q in doc.quotes:  # the quotations moved with the text shown
        assert doc.text[q.start : q.end] == q.text
