"""What the command line prints: the records of a document and one writer per format.

Records are plain dictionaries made one at a time (``quote_records``, ``speaker_records``,
``outline_record``); a writer (``WRITERS[format]``) writes each file's records as they are
made, so a text of a million quotations is never held as a million records, nor as one
string of them.

Everything printed comes from the file, so nothing in it may act on the terminal or on a
program that reads the output: in ``text`` and ``markdown`` output control, zero-width and
direction-changing characters are made visible (ESC -> ␛, U+202E -> \\u202e); in
``json``/``jsonl`` they are written as ``\\uXXXX`` escapes (lossless); in ``csv`` they are
made visible and a cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``)
gets a leading ``'``. A file name is shown on one line wherever it is printed as text (a
newline in it is ␊); json and jsonl keep the real name.

A quotation's place is its line and column in the text (``file:line:column`` in text
output, both counted from 1) and its character offsets (``start``, ``end``: json, jsonl and
csv); its ``text`` is on one line everywhere (hard wraps joined), so a csv row never breaks.
"""

from __future__ import annotations

import csv
import itertools
import json
import re

from reader.safe_text import UNSAFE, UNSAFE_FROM_DEL_OR_ASTRAL, escaped, escaped_line, shown_in_place

FORMATS = ("text", "jsonl", "json", "csv", "markdown")


# ---------------------------------------------------------------------------------------
# Escaping


def visible(s: str) -> str:
    """Text safe to print to a terminal: no control or direction-changing characters."""
    return escaped(s)


def to_json(obj, indent: int | None = None) -> str:
    """JSON with every control, format and bidi character escaped as \\uXXXX (lossless)."""
    return _escape_unsafe(json.dumps(obj, ensure_ascii=False, indent=indent))


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def to_json_lines(rows: list[dict]) -> str:
    """One JSON object a line, escaped as to_json escapes them; encoded in one pass."""
    if not rows:
        return ""
    return _escape_unsafe("\n".join(map(_LINE_ENCODER.encode, rows)) + "\n")


def _escape_unsafe(text: str) -> str:
    return UNSAFE_FROM_DEL_OR_ASTRAL.sub(_escape_one, text)


def _escape_one(m: re.Match) -> str:
    c = m.group()
    if c > "\uffff" and UNSAFE.match(c) is None:
        return c  # an astral character that is safe (an emoji)
    return "".join(f"\\u{u:04x}" for u in _utf16(c))


def _utf16(c: str) -> list[int]:
    o = ord(c)
    if o < 0x10000:
        return [o]
    o -= 0x10000
    return [0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)]


def file_name(path: str) -> str:
    """A file name as text, markdown and csv output and messages show it: on one line."""
    return escaped_line(path)


_HARD_WRAP = re.compile(r"[ \t]*\n[ \t\n]*")


def one_line(text: str) -> str:
    """A quotation on one line: each hard wrap (a line break and the spaces around it) one
    space; every other character kept (a lone carriage return is a character of its line)."""
    return _HARD_WRAP.sub(" ", text)


def _csv_cell(v):
    if not isinstance(v, str):
        return v
    v = visible(v)
    if v[:1] in ("=", "+", "-", "@"):
        v = "'" + v  # never a spreadsheet formula
    return v


def _md(s) -> str:
    return visible(str(s if s is not None else "")).replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------------------------------
# Records


# The fields of a quotation's record, in the order json and jsonl print them.
QUOTE_FIELDS = ("file", "line", "column", "start", "end", "text", "speaker", "kind", "cue", "mention",
                "mention_start", "mention_end", "section", "paragraph", "group")


def quote_records(path: str, doc, quotes):
    """A record for each of ``quotes`` (of ``doc``), one at a time."""
    doc_text = doc.text
    speakers, sections, paragraphs = doc.speakers, doc.sections, doc.paragraphs
    line, counted = 1, 0  # the line of offset ``counted`` (quotations come in text order: the
    # line breaks are counted once in all)
    for q in quotes:
        start = q.start
        if start < counted:
            line, counted = 1, 0
        line += doc_text.count("\n", counted, start)
        counted = start
        text = q.text
        yield {
            "file": path, "line": line, "column": start - doc_text.rfind("\n", 0, start), "start": start, "end": q.end,
            "text": one_line(text) if "\n" in text else text,
            "speaker": speakers[q.speaker].name if q.speaker is not None else None, "kind": q.kind, "cue": q.cue,
            "mention": q.mention, "mention_start": q.mention_start, "mention_end": q.mention_end,
            "section": sections[paragraphs[q.paragraph].section].title, "paragraph": q.paragraph, "group": q.group,
        }


def speaker_records(path: str, doc):
    """The speakers, most quoted first, one record at a time."""
    for s in sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index)):
        yield {"file": path, "speaker": s.name, "kind": s.kind, "quotes": s.quote_count, "mentions": list(s.mentions)}


def outline_record(path: str, doc) -> dict:
    """The outline: the parts above the text and the tree of sections that have a heading.

    The text before the first heading (which the app lists under the title) is not a section
    heading: its counts are the ``opening``, or None when the text starts with a heading.
    """
    counts = doc.section_counts()
    nodes = {
        s.index: {"title": s.title, "level": s.level, "paragraphs": counts[s.index][0],
                  "quotes": counts[s.index][1], "sections": []}
        for s in doc.sections
        if s.heading is not None
    }
    roots = []
    for s in doc.sections:
        if s.index in nodes:
            (nodes[s.parent]["sections"] if s.parent in nodes else roots).append(nodes[s.index])
    opening = next((counts[s.index] for s in doc.sections if s.heading is None), None)
    block = lambda b: b.text if b else None  # noqa: E731
    record = {"file": path, "kicker": block(doc.kicker), "title": block(doc.title),
              "standfirst": block(doc.standfirst), "dateline": block(doc.dateline), "sections": roots,
              "opening": None if opening is None else {"paragraphs": opening[0], "quotes": opening[1]}}
    if not doc.origin.as_read:  # a text file read as it is, in UTF-8: nothing more to say
        record.update(source=source_record(doc), byline=doc.byline, date=doc.date)
    return record


def source_record(doc) -> dict:
    """Where a document's text came from: the file or the address, its format, whether the
    text was extracted from markup, and the encoding it was decoded from."""
    o = doc.origin
    return {"format": o.format, "file": o.file, "url": o.url, "extracted": o.extracted, "encoding": o.encoding}


def text_record(path: str, doc) -> dict:
    """``reader text`` in json: the text exactly as read, and where it came from."""
    return {"file": path, "source": source_record(doc), "text": doc.text}


def _source_line(source: dict) -> str:
    """``source`` of the text outline: ``html, extracted from https://… (utf-8)``."""
    where = source["url"] or ("standard input" if source["file"] == "-" else file_name(source["file"] or ""))
    how = f"{source['format']}, extracted from {where}" if source["extracted"] else f"{source['format']}, {where}"
    return f"{how} ({source['encoding']})" if source["encoding"] else how


# The parts above the text, in the order the text and markdown outlines show them; source,
# byline and date only for a text that was not a UTF-8 text file read as it is.
OUTLINE_PARTS = ("source", "kicker", "title", "byline", "date", "standfirst", "dateline")


def _outline_parts(rec: dict):
    """(name, value) of each part above the text that the outline has."""
    for key in OUTLINE_PARTS:
        value = rec.get(key)
        if key == "source" and value:
            value = _source_line(value)
        if value:
            yield key, value


def _counted(paragraphs: int, quotes: int) -> str:
    return (f"{paragraphs} paragraph{'' if paragraphs == 1 else 's'}, "
            f"{quotes} quote{'' if quotes == 1 else 's'}")


# ---------------------------------------------------------------------------------------
# Writers: one per format. Each is given the records of one file after another, then
# ``finish``. ``many``: more than one file was named (text and markdown then head each
# file's part with its name where the records do not carry it).


def counted_people(quotes: int, articles: int) -> str:
    return (f"{quotes:,} quotation{'' if quotes == 1 else 's'} in {articles:,} "
            f"article{'' if articles == 1 else 's'}")


class Writer:
    def __init__(self, out, many: bool) -> None:
        self.out = out
        self.many = many
        self.first = True  # nothing written yet: a header or a table head comes first

    def quotes(self, path: str, rows) -> None:
        raise NotImplementedError

    def speakers(self, path: str, rows) -> None:
        raise NotImplementedError

    def outline(self, path: str, rec: dict) -> None:
        raise NotImplementedError

    def people(self, path: str, rows) -> None:
        """The people of a library (``reader speakers --library``): ``speaker``, ``kind``,
        ``quotes``, ``articles`` and the ``names`` they went by."""
        raise NotImplementedError

    def write(self, command: str, path: str, doc_records) -> None:
        getattr(self, command)(path, doc_records)
        self.first = False

    def finish(self, command: str, ok: bool) -> None:
        pass


class TextWriter(Writer):
    def quotes(self, path, rows) -> None:
        out, name = self.out, file_name(path)
        for r in rows:
            who = r["speaker"] or "(unknown speaker)"
            cue = f" ({r['cue']})" if r["cue"] else ""
            kind = "" if r["kind"] == "speech" else f" [{r['kind']}]"
            out.write(f"{name}:{r['line']}:{r['column']}  {visible(who)}{visible(cue)}{kind}\n")
            out.write(f"    “{visible(' '.join(r['text'].split()))}”\n")

    def speakers(self, path, rows) -> None:
        if self.many:
            self.out.write(f"{file_name(path)}\n")
        for r in rows:
            mentions = ", ".join(m for m in r["mentions"] if m != r["speaker"])
            extra = f"  ({visible(mentions)})" if mentions else ""
            self.out.write(f"{r['quotes']:5d}  {visible(r['speaker'])}{extra}\n")

    def people(self, path, rows) -> None:
        for r in rows:
            self.out.write(f"{visible(r['speaker'])} — {counted_people(r['quotes'], r['articles'])}\n")

    def outline(self, path, rec) -> None:
        out = self.out
        if self.many:
            out.write(f"== {file_name(path)}\n")
        for key, value in _outline_parts(rec):
            out.write(f"{key}: {visible(value)}\n")
        if rec["opening"] is not None:
            out.write(f"opening: {_counted(rec['opening']['paragraphs'], rec['opening']['quotes'])}\n")
        if rec["sections"]:
            out.write("sections:\n")

            def walk(nodes, depth):
                for n in nodes:
                    out.write(f"{'  ' * depth}{visible(n['title'])}  ({_counted(n['paragraphs'], n['quotes'])})\n")
                    walk(n["sections"], depth + 1)

            walk(rec["sections"], 1)


    def text(self, path, doc) -> None:
        """The text as read, a control character shown as one visible character in its place."""
        if self.many:
            self.out.write(f"{'' if self.first else chr(10)}== {file_name(path)}\n")
        self.out.write(shown_in_place(doc.text))
        if doc.text and not doc.text.endswith("\n"):
            self.out.write("\n")


class MarkdownWriter(Writer):
    def _table(self, head: str, rows, cells) -> None:
        """A Markdown table: its head (the column names) before the first file's rows."""
        if self.first:
            self.out.write(f"| {' | '.join(head.split())} |\n{'|---' * len(head.split())}|\n")
        for r in rows:
            self.out.write(f"| {' | '.join(map(str, cells(r)))} |\n")

    def quotes(self, path, rows) -> None:
        self._table("file speaker kind cue quote", rows, lambda r: (
            _md(file_name(r["file"])), _md(r["speaker"] or ""), r["kind"], _md(r["cue"] or ""), _md(r["text"])))

    def speakers(self, path, rows) -> None:
        self._table("file speaker quotes mentions", rows, lambda r: (
            _md(file_name(r["file"])), _md(r["speaker"]), r["quotes"], _md("; ".join(r["mentions"]))))

    def people(self, path, rows) -> None:
        self._table("speaker kind quotes articles names", rows, lambda r: (
            _md(r["speaker"]), r["kind"], r["quotes"], r["articles"], _md("; ".join(r["names"]))))

    def outline(self, path, rec) -> None:
        out = self.out
        if self.many:
            out.write(f"## {file_name(path)}\n")
        for key, value in _outline_parts(rec):
            out.write(f"- **{key}:** {_md(value)}\n")
        if rec["opening"] is not None:
            out.write(f"- **opening:** {_counted(rec['opening']['paragraphs'], rec['opening']['quotes'])}\n")
        if rec["sections"]:
            out.write("- **sections:**\n")

            def walk(nodes, depth):
                for n in nodes:
                    out.write(f"{'  ' * depth}- {_md(n['title'])}  ({_counted(n['paragraphs'], n['quotes'])})\n")
                    walk(n["sections"], depth + 1)

            walk(rec["sections"], 1)


QUOTE_COLUMNS = ["file", "line", "column", "start", "end", "speaker", "kind", "cue", "section", "paragraph", "text"]
SPEAKER_COLUMNS = ["file", "speaker", "kind", "quotes", "mentions"]
PEOPLE_COLUMNS = ["speaker", "kind", "quotes", "articles", "names"]
OUTLINE_COLUMNS = ["file", "part", "text", "level", "paragraphs", "quotes", "parent"]


class CsvWriter(Writer):
    def _rows(self, rows, columns: list[str]) -> None:
        w = csv.DictWriter(self.out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        if self.first:
            w.writeheader()
        for r in rows:
            w.writerow({k: _csv_cell(file_name(v) if k == "file" else "; ".join(v) if isinstance(v, list) else v)
                        for k, v in r.items()})

    def quotes(self, path, rows) -> None:
        self._rows(rows, QUOTE_COLUMNS)

    def speakers(self, path, rows) -> None:
        self._rows(rows, SPEAKER_COLUMNS)

    def people(self, path, rows) -> None:
        self._rows(rows, PEOPLE_COLUMNS)

    def outline(self, path, rec) -> None:
        """One row for each part above the text (``kicker``, ``title``, ``standfirst``,
        ``dateline``: its ``text``), the ``opening`` (its counts) and each ``section``."""
        rows = [{"file": path, "part": key, "text": value} for key, value in _outline_parts(rec)]
        if rec["opening"] is not None:
            rows.append({"file": path, "part": "opening", **rec["opening"]})

        def flat(nodes, parent):
            for n in nodes:
                rows.append({"file": path, "part": "section", "text": n["title"], "level": n["level"],
                             "paragraphs": n["paragraphs"], "quotes": n["quotes"], "parent": parent})
                flat(n["sections"], n["title"])

        flat(rec["sections"], None)
        self._rows(rows, OUTLINE_COLUMNS)


class JsonlWriter(Writer):
    def _rows(self, rows) -> None:
        while batch := list(itertools.islice(rows, 1000)):
            self.out.write(to_json_lines(batch))

    def quotes(self, path, rows) -> None:
        self._rows(rows)

    def speakers(self, path, rows) -> None:
        self._rows(rows)

    people = speakers

    def outline(self, path, rec) -> None:
        self.out.write(to_json(rec) + "\n")

    def text(self, path, doc) -> None:
        self.outline(path, text_record(path, doc))


class JsonWriter(Writer):
    """One array of every record; the outline of one file is one object, without its file."""

    items = 0  # objects written into the array so far

    def _item(self, obj) -> None:
        """One element of the array, laid out as json.dumps(array, indent=2) lays it out."""
        self.out.write(("[\n  " if not self.items else ",\n  ") + to_json(obj, indent=2).replace("\n", "\n  "))
        self.items += 1

    def quotes(self, path, rows) -> None:
        for r in rows:
            self._item(r)

    speakers = people = quotes

    def outline(self, path, rec) -> None:
        if self.many:
            self._item(rec)
        else:
            self.out.write(to_json({k: v for k, v in rec.items() if k != "file"}, indent=2) + "\n")

    def text(self, path, doc) -> None:
        self.outline(path, text_record(path, doc))

    def finish(self, command: str, ok: bool) -> None:
        if command not in ("outline", "text") or self.many:
            if self.items:
                self.out.write("\n]\n")
            elif ok:
                self.out.write("[]\n")


WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter, "jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter, "markdown": MarkdownWriter,
}


# ---------------------------------------------------------------------------------------
# A document's quotations as a Markdown file (the app's export)


def quotes_markdown(doc, quotes, source: str, shown: str = "") -> str:
    """The quotations as Markdown: a heading with the document's title, where they come from
    and which were chosen (``shown``), then each quotation as a block quote with its speaker
    and section. Nothing in the text is read as Markdown markup or HTML."""

    def md(s: str) -> str:
        s = visible(one_line(s))
        return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", s)

    title = doc.title.text if doc.title is not None else source
    lines = [f"# Quotations: {md(title)}", "", f"From {md(source)}{f' ({md(shown)})' if shown else ''}: "
             f"{len(quotes)} quotation{'' if len(quotes) == 1 else 's'}.", ""]
    section = None
    for q in quotes:
        sec = doc.section_of_paragraph(q.paragraph)
        if sec.index != section:
            section = sec.index
            lines += [f"## {md(sec.title)}", ""]
        spk = doc.speaker_of(q)
        who = md(spk.name) if spk is not None else "*unknown speaker*"
        lines += [f"> “{md(q.text)}”", ">", f"> — {who}", ""]
    return "\n".join(lines)
