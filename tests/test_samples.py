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
    articles = {p.name for p in (ROOT / "sample_articles").iterdir() if p.suffix in (".txt", ".md")}
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
