"""Inputs beyond plain text: web pages (files and addresses), EPUB books, legacy encodings,
and ``reader text``. Pages are served by a local HTTP server on 127.0.0.1 that each test
starts itself; no test touches the internet. EPUB books are built by the tests."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import load_document

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry Fares Frozen for Winter | The Estuary Post</title>
<meta property="og:site_name" content="The Estuary Post">
<meta name="author" content="Ines Varga"><meta property="article:published_time" content="2025-01-09">
<script>var tracking = "do not show";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookies"><p>We use cookies. <button>OK</button></p></div>
<article><h1>Ferry Fares Frozen for Winter</h1>
<p>Fares on the estuary ferry will not rise this winter, the operator announced on Thursday, after a season in which passenger numbers fell for the third year in a row.</p>
<p>“We would rather carry more people for the same money than fewer people for more,” said Ines Varga, the operator's chief executive. “A half-empty boat costs us almost as much as a full one.”</p>
<h2>Crews welcome the decision</h2>
<p>The crews' union said the freeze was sensible. “Our members see the empty seats every crossing,” said its secretary, Dmitri Holm, who has worked on the route for twenty years.</p>
<p>The operator will review fares again in March, when the spring timetable is drawn up and the figures for the winter months are known.</p>
</article>
<footer><p>© The Estuary Post. Terms · Privacy · Contact</p></footer></body></html>
"""

PAGE_TEXT = (
    "Ferry Fares Frozen for Winter\n\n"
    "Fares on the estuary ferry will not rise this winter, the operator announced on Thursday, after a season in "
    "which passenger numbers fell for the third year in a row.\n\n"
    "“We would rather carry more people for the same money than fewer people for more,” said Ines Varga, the "
    "operator's chief executive. “A half-empty boat costs us almost as much as a full one.”\n\n"
    "Crews welcome the decision\n\n"
    "The crews' union said the freeze was sensible. “Our members see the empty seats every crossing,” said its "
    "secretary, Dmitri Holm, who has worked on the route for twenty years.\n\n"
    "The operator will review fares again in March, when the spring timetable is drawn up and the figures for the "
    "winter months are known.\n"
)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, out, err)
    return status, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------------------------------
# HTML files


def test_html_file_is_read_as_its_article(tmp_path):
    p = tmp_path / "ferry.html"
    p.write_text(PAGE, encoding="utf-8")
    status, out, err = run(["text", str(p)])
    assert (status, err) == (0, "")
    assert out == PAGE_TEXT  # no navigation, cookie banner, script or footer
    status, out, _ = run(["outline", str(p), "-f", "json"])
    assert json.loads(out) == {
        "kicker": None, "title": "Ferry Fares Frozen for Winter", "standfirst": None, "dateline": None,
        "sections": [{"title": "Crews welcome the decision", "level": 1, "paragraphs": 2, "quotes": 1, "sections": []}],
        "opening": {"paragraphs": 2, "quotes": 2},
        "source": {"format": "html", "file": str(p), "url": None, "extracted": True, "encoding": "utf-8"},
        "byline": "Ines Varga", "date": "2025-01-09",
    }


def test_quotes_of_a_page_point_into_its_text(tmp_path):
    p = tmp_path / "ferry.htm"
    p.write_text(PAGE, encoding="utf-8")
    status, out, _ = run(["quotes", str(p), "-f", "jsonl"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("We would rather carry more people for the same money than fewer people for more,", "Ines Varga"),
        ("A half-empty boat costs us almost as much as a full one.", "Ines Varga"),
        ("Our members see the empty seats every crossing,", "Dmitri Holm"),
    ]
    for r in rows:
        assert PAGE_TEXT[r["start"] : r["end"]] == r["text"]
    status, out, _ = run(["speakers", str(p)])
    assert out.splitlines() == ["    2  Ines Varga", "    1  Dmitri Holm  (its secretary)"]


def test_a_file_that_is_html_whatever_its_name(tmp_path):
    p = tmp_path / "saved-page.txt"
    p.write_text("\n  <!-- saved -->\n" + PAGE, encoding="utf-8")
    status, out, _ = run(["text", str(p)])
    assert out == PAGE_TEXT
    # Plain text that mentions a tag is not HTML.
    q = tmp_path / "note.txt"
    q.write_text("Use <html> to start a page.\n\nThat is all.\n", encoding="utf-8")
    assert run(["text", str(q)])[1] == "Use <html> to start a page.\n\nThat is all.\n"


def test_a_page_in_a_legacy_encoding_declared_in_its_meta_tag(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    p = tmp_path / "old.html"
    p.write_bytes(page.encode("cp1252"))
    status, out, _ = run(["text", str(p)])
    assert out == PAGE_TEXT
    _, out, _ = run(["outline", str(p), "-f", "json"])
    assert json.loads(out)["source"]["encoding"] == "cp1252"


def test_html_page_lists_and_tables_are_blocks(tmp_path):
    page = ("<html><body><article><h1>Budget Lines Agreed</h1><p>The council agreed these lines on a long "
            "evening of debate that ran past midnight.</p><ul><li>Roads: more</li><li>Parks: the same</li></ul>"
            "<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Roads</td><td>4.8m</td></tr></table>"
            "<p>The vote was close, and the opposition said it would try again next year with a new plan.</p>"
            "</article></body></html>")
    p = tmp_path / "lines.html"
    p.write_text(page, encoding="utf-8")
    doc = load_document(str(p))
    shown = [(doc.text[x.start : x.end], x.form) for x in doc.paragraphs]
    assert ("• Roads: more", "item") in shown and ("• Parks: the same", "item") in shown
    assert ("Item   Cost\nRoads  4.8m", "pre") in shown


# ---------------------------------------------------------------------------------------
# Addresses, served from 127.0.0.1


class _Server:
    """A local HTTP server: ``routes`` maps a path to (status, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.release = threading.Event()
        routes, release = self.routes, self.release

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                if self.path == "/slow":
                    release.wait(10)  # answers only once the test is over
                    return
                status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<p>missing</p>"))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    s = _Server()
    yield s
    s.close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_url_is_fetched_and_read_as_a_page(server):
    server.routes["/story"] = (200, HTML, PAGE.encode("utf-8"))
    url = server.base + "/story"
    status, out, err = run(["text", url])
    assert (status, out, err) == (0, PAGE_TEXT, "")
    _, out, _ = run(["outline", url, "-f", "json"])
    obj = json.loads(out)
    assert obj["title"] == "Ferry Fares Frozen for Winter"
    assert obj["source"] == {"format": "html", "file": None, "url": url, "extracted": True, "encoding": "utf-8"}
    _, out, _ = run(["quotes", url, "-f", "jsonl"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["file"] == url and PAGE_TEXT[rows[0]["start"] : rows[0]["end"]] == rows[0]["text"]


def test_url_redirects_are_followed(server):
    server.routes["/story"] = (200, HTML, PAGE.encode("utf-8"))
    server.routes["/old"] = (301, {"Location": "/story"}, b"")
    _, out, _ = run(["outline", server.base + "/old", "-f", "json"])
    assert json.loads(out)["source"]["url"] == server.base + "/story"
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    status, out, err = run(["text", server.base + "/loop"])
    assert (status, out, err) == (1, "", f"reader: {server.base}/loop: too many redirects\n")


def test_url_errors_are_one_line_and_exit_1(server, monkeypatch):
    import reader.web

    status, out, err = run(["text", server.base + "/nothing-here"])
    assert (status, out, err) == (1, "", f"reader: {server.base}/nothing-here: HTTP 404 Not Found\n")

    server.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 binary")
    assert run(["quotes", server.base + "/pdf"])[2] == f"reader: {server.base}/pdf: not a web page or text (application/pdf)\n"

    monkeypatch.setattr(reader.web, "MAX_PAGE_BYTES", 1000)
    server.routes["/big"] = (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")
    status, _, err = run(["text", server.base + "/big"])
    assert (status, err) == (1, f"reader: {server.base}/big: too large (5007 bytes; the limit is 1000 bytes)\n")

    monkeypatch.setattr(reader.web, "TIMEOUT", 0.3)
    status, _, err = run(["text", server.base + "/slow"])
    assert (status, err) == (1, f"reader: {server.base}/slow: timed out (no answer in 0.3 s)\n")


def test_url_refused_connection_is_one_line():
    import socket

    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    status, out, err = run(["text", f"http://127.0.0.1:{port}/"])
    assert (status, out, err) == (1, "", f"reader: http://127.0.0.1:{port}/: connection refused\n")


def test_url_through_the_real_entry_point(server):
    server.routes["/story"] = (200, HTML, PAGE.encode("utf-8"))
    env = {k: v for k, v in __import__("os").environ.items() if "proxy" not in k.lower()}
    p = subprocess.run([sys.executable, "-m", "reader", "outline", server.base + "/story"], capture_output=True,
                       text=True, timeout=60, env=env)
    assert p.returncode == 0 and p.stderr == ""
    assert p.stdout.splitlines()[:4] == [
        f"source: html, extracted from {server.base}/story (utf-8)",
        "title: Ferry Fares Frozen for Winter", "byline: Ines Varga", "date: 2025-01-09"]


# ---------------------------------------------------------------------------------------
# EPUB books


def make_epub(path: Path, *, drm: bool = False, nav: bool = True, broken: bool = False) -> Path:
    """A small EPUB: two parts, three chapters, the table of contents nested (EPUB 3 nav or
    EPUB 2 NCX)."""
    chapters = {
        "part1.xhtml": '<h1>Part One: The Crossing</h1>',
        "ch1.xhtml": ('<h2 id="c1">The Harbour</h2><p>The boat left at dawn with nine passengers and a dog.</p>'
                      '<p>“We will be there by noon,” said Captain Arla Venn. “The wind is with us.”</p>'),
        "ch2.xhtml": ('<h2>The Storm</h2><p>By ten the sky had turned the colour of slate.</p>'
                      '<p>“Get below,” Venn told the passengers.</p>'),
        "part2.xhtml": '<h1>Part Two: The Island</h1><h2 id="c3">Landfall</h2><p>They reached the island at dusk, '
                       'cold and quiet.</p>',
    }
    spine = ["part1.xhtml", "ch1.xhtml", "ch2.xhtml", "part2.xhtml"]
    manifest = "".join(f'<item id="{n[:-6]}" href="text/{n}" media-type="application/xhtml+xml"/>' for n in spine)
    nav_doc = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
               'xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>'
               '<li><a href="text/part1.xhtml">Part One: The Crossing</a><ol>'
               '<li><a href="text/ch1.xhtml#c1">The Harbour</a></li><li><a href="text/ch2.xhtml">The Storm</a></li>'
               '</ol></li><li><a href="text/part2.xhtml">Part Two: The Island</a><ol>'
               '<li><a href="text/part2.xhtml#c3">Landfall</a></li></ol></li></ol></nav></body></html>')
    ncx = ('<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>'
           '<navPoint id="p1"><navLabel><text>Part One: The Crossing</text></navLabel><content src="text/part1.xhtml"/>'
           '<navPoint id="c1"><navLabel><text>The Harbour</text></navLabel><content src="text/ch1.xhtml#c1"/></navPoint>'
           '<navPoint id="c2"><navLabel><text>The Storm</text></navLabel><content src="text/ch2.xhtml"/></navPoint>'
           '</navPoint><navPoint id="p2"><navLabel><text>Part Two: The Island</text></navLabel>'
           '<content src="text/part2.xhtml"/><navPoint id="c3"><navLabel><text>Landfall</text></navLabel>'
           '<content src="text/part2.xhtml#c3"/></navPoint></navPoint></navMap></ncx>')
    opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Night Crossing</dc:title>'
           '<dc:creator>Mira Halloway</dc:creator><dc:date>2024-10-01</dc:date></metadata>'
           f'<manifest>{manifest}'
           + ('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' if nav else
              '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
           + '</manifest><spine' + ('' if nav else ' toc="ncx"') + '>'
           + "".join(f'<itemref idref="{n[:-6]}"/>' for n in spine) + '</spine></package>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                   'version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" '
                   'media-type="application/oebps-package+xml"/></rootfiles></container>')
        if not broken:
            z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml" if nav else "OEBPS/toc.ncx", nav_doc if nav else ncx)
        for name, body in chapters.items():
            z.writestr(f"OEBPS/text/{name}", '<?xml version="1.0" encoding="utf-8"?><html '
                       f'xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>{body}</body></html>')
        if drm:
            z.writestr("META-INF/encryption.xml",
                       '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                       'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                       '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                       '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData>'
                       '</enc:EncryptedData></encryption>')
    return path


BOOK_OUTLINE = {
    "kicker": None, "title": "The Night Crossing", "standfirst": None, "dateline": None,
    "sections": [
        {"title": "Part One: The Crossing", "level": 1, "paragraphs": 4, "quotes": 3, "sections": [
            {"title": "The Harbour", "level": 2, "paragraphs": 2, "quotes": 2, "sections": []},
            {"title": "The Storm", "level": 2, "paragraphs": 2, "quotes": 1, "sections": []}]},
        {"title": "Part Two: The Island", "level": 1, "paragraphs": 1, "quotes": 0, "sections": [
            {"title": "Landfall", "level": 2, "paragraphs": 1, "quotes": 0, "sections": []}]},
    ],
    "opening": None,
    "byline": "Mira Halloway", "date": "2024-10-01",
}


@pytest.mark.parametrize("nav", [True, False], ids=["epub3-nav", "epub2-ncx"])
def test_epub_chapters_in_order_with_the_books_nested_contents(tmp_path, nav):
    book = make_epub(tmp_path / "crossing.epub", nav=nav)
    status, out, err = run(["outline", str(book), "-f", "json"])
    assert (status, err) == (0, "")
    obj = json.loads(out)
    source = obj.pop("source")
    assert obj == BOOK_OUTLINE
    assert source == {"format": "epub", "file": str(book), "url": None, "extracted": True, "encoding": None}
    _, text, _ = run(["text", str(book)])
    assert text == ("The Night Crossing\n\nPart One: The Crossing\n\nThe Harbour\n\n"
                    "The boat left at dawn with nine passengers and a dog.\n\n"
                    "“We will be there by noon,” said Captain Arla Venn. “The wind is with us.”\n\n"
                    "The Storm\n\nBy ten the sky had turned the colour of slate.\n\n“Get below,” Venn told the passengers.\n\n"
                    "Part Two: The Island\n\nLandfall\n\nThey reached the island at dusk, cold and quiet.\n")
    _, out, _ = run(["speakers", str(book)])
    assert out.splitlines() == ["    3  Arla Venn  (Captain Arla Venn, Venn)"]


def test_epub_whatever_its_name(tmp_path):
    book = make_epub(tmp_path / "download.bin")
    _, out, _ = run(["outline", str(book)])
    assert out.splitlines()[1:3] == ["title: The Night Crossing", "byline: Mira Halloway"]


def test_locked_or_broken_epub_is_one_line(tmp_path):
    locked = make_epub(tmp_path / "locked.epub", drm=True)
    assert run(["quotes", str(locked)]) == (
        1, "", f"reader: {locked}: the book is locked by DRM (its chapters are encrypted); it cannot be read\n")
    broken = make_epub(tmp_path / "broken.epub", broken=True)
    assert run(["outline", str(broken)]) == (
        1, "", f"reader: {broken}: not a readable EPUB book (its package document is missing)\n")
    cut = tmp_path / "cut.epub"
    cut.write_bytes(make_epub(tmp_path / "whole.epub").read_bytes()[:300])
    status, out, err = run(["text", str(cut)])
    assert (status, out) == (1, "") and err.startswith(f"reader: {cut}: not a readable EPUB book (") and err.count("\n") == 1
    other = tmp_path / "archive.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("notes.txt", "hello")
    assert run(["text", str(other)]) == (1, "", f"reader: {other}: not a text file\n")


# ---------------------------------------------------------------------------------------
# In the app


async def test_html_url_and_epub_open_in_the_app(tmp_path, server):
    from reader.app import ReaderApp

    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    server.routes["/story"] = (200, HTML, PAGE.encode("utf-8"))
    book = make_epub(tmp_path / "crossing.epub")
    for path, title, section in ((str(page), "Ferry Fares Frozen for Winter", "Crews welcome the decision"),
                                 (server.base + "/story", "Ferry Fares Frozen for Winter", "Crews welcome the decision"),
                                 (str(book), "The Night Crossing", "The Storm")):
        app = ReaderApp(load_document(path), path=path)
        async with app.run_test(size=(100, 40)) as pilot:
            while not app.ready:
                await pilot.pause()
            lines = app.article.visible_lines()
            assert lines[0].strip() == title
            assert not any("<" in line or "cookies" in line for line in lines)
            target = next(s.index for s in app.doc.sections if s.title == section)
            app.jump_to_section(target)
            await pilot.pause()
            assert app.article.current_section == target


# ---------------------------------------------------------------------------------------
# Legacy encodings and `reader text` for plain text


@pytest.mark.parametrize("codec, text", [
    ("cp1251", "Министр заявил журналистам: «Мы не согласны с этим решением». Переговоры продолжатся в понедельник."),
    ("iso8859_2", "Minister powiedział dziennikarzom: \"Nie zgadzamy się z tą decyzją\". Rozmowy będą w poniedziałek."),
    ("shift_jis", "外務大臣は記者団に「私たちはこの決定に同意しない」と述べた。交渉は月曜日に続けられる予定だ。"),
    ("gb18030", "外交部长对记者表示：“我们不同意这一决定。”谈判将于星期一在北京继续进行。"),
])
def test_legacy_encodings_are_detected_when_utf8_fails(tmp_path, codec, text):
    import codecs

    p = tmp_path / "story.txt"
    p.write_bytes(text.encode(codec))
    status, out, err = run(["text", str(p)])
    assert (status, out, err) == (0, text + "\n", "")
    _, out, _ = run(["outline", str(p), "-f", "json"])
    source = json.loads(out)["source"]
    assert codecs.lookup(source["encoding"]).name in {codecs.lookup(codec).name, "cp932"}  # Shift-JIS as Windows reads it
    assert source["format"] == "text" and not source["extracted"]
    _, out, _ = run(["outline", str(p)])
    assert out.splitlines()[0] == f"source: text, {p} ({source['encoding']})"


def test_western_legacy_text_stays_windows_1252_and_utf8_asks_no_detector(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_bytes("The café’s owner said: “We open at nine.” It costs £5 — no more.\n".encode("cp1252"))
    _, out, _ = run(["outline", str(p), "-f", "json"])
    assert json.loads(out)["source"]["encoding"] == "cp1252"
    code = ("import sys, reader.cli, io; reader.cli.main(['text', sys.argv[1]], io.StringIO(), io.StringIO()); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('charset_normalizer', 'trafilatura', 'lxml', 'markdown_it', 'textual')))")
    p2 = tmp_path / "plain.txt"
    p2.write_text("A plain “UTF-8” text.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code, str(p2)], capture_output=True, text=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_text_command_prints_the_decoded_file_and_json_holds_it_exactly(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Title\r\n\r\nA \x1b[31mred\x1b[0m word.\r\n")
    status, out, _ = run(["text", str(p)])
    assert out == "Title\n\nA \u241b[31mred\u241b[0m word.\n"  # one visible character for each: offsets kept
    _, out, _ = run(["text", str(p), "-f", "json"])
    obj = json.loads(out)
    assert obj["text"] == "Title\n\nA \x1b[31mred\x1b[0m word.\n"
    assert obj["source"] == {"format": "text", "file": str(p), "url": None, "extracted": False, "encoding": "utf-8"}


def test_plain_text_outline_json_is_as_before(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Council Votes\n\nThe council voted on Monday.\n", encoding="utf-8")
    _, out, _ = run(["outline", str(p), "-f", "json"])
    assert list(json.loads(out)) == ["kicker", "title", "standfirst", "dateline", "sections", "opening"]


async def test_markdown_is_shown_rendered_in_the_app():
    from reader.app import ReaderApp

    path = ROOT / "sample_articles" / "library-van-route.md"
    app = ReaderApp(load_document(str(path)), path=str(path))
    async with app.run_test(size=(100, 60)) as pilot:
        while not app.ready:
            await pilot.pause()
        lines = [line.strip() for line in app.article.visible_lines()]
        assert lines[0] == "Mobile Library Van Returns to the Hill Villages"
        assert "1. Upper Brackley, Mondays, outside the chapel" in lines
        assert "| Upper Brackley | chapel          | 10:00–12:00 |" in lines  # a table kept line by line
        assert 'RESERVED  Kell, R.   "The Hill Farmer"   due 17/06' in lines  # code, not reflowed
        assert "Where it stops" in lines and "reported from Fellgate." in lines
        shown = "\n".join(lines)
        for markup in ("**", "](", "<br>", "<div", "{{", "{%", "```", "+++", "> “", "title ="):
            assert markup not in shown
