"""EPUB books: the chapters in reading order, the book's own table of contents as headings.

An EPUB is a zip archive: ``META-INF/container.xml`` names the package document (OPF),
which gives the title, the author, the files in reading order (the spine) and the table of
contents (an EPUB 3 navigation document, or an EPUB 2 NCX file). Each chapter's XHTML goes
through the same block reading as a web page's article (``reader.extract.Blocks``); every
entry of the table of contents becomes a heading where it points, nested as the table nests
it. A book whose chapters are encrypted (DRM) or whose archive is broken is refused in one
line.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import unquote, urldefrag

from reader.extract import Blocks, Extracted, _inline, _tag
from reader.structure import HEADING_PART, PARAGRAPH_PART, TITLE_PART, Part
from reader.textio import InputError

# Font obfuscation is not DRM: the text stays readable.
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_MAX_MEMBER = 64 * 1024 * 1024  # a chapter larger than this (unpacked) is a zip bomb, not a chapter


@dataclass
class _Entry:
    label: str
    href: str  # the file, relative to the archive's root
    fragment: str
    depth: int
    children: list[_Entry] = field(default_factory=list)


def read_epub(data: bytes, name: str) -> Extracted:
    """The book's text and structure; InputError when it cannot be read."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"{name}: not a readable EPUB book (the archive is damaged)") from None
    with archive:
        names = set(archive.namelist())
        is_epub = "META-INF/container.xml" in names or _member(archive, "mimetype", 100).strip() == b"application/epub+zip"
        if not is_epub:
            if name.lower().endswith(".epub"):
                raise InputError(f"{name}: not a readable EPUB book (no META-INF/container.xml)")
            raise InputError(f"{name}: not a text file")
        try:
            return _read(archive, names, name)
        except InputError:
            raise
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, UnicodeDecodeError, RuntimeError) as exc:
            raise InputError(f"{name}: not a readable EPUB book ({_why(exc)})") from None


def _why(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__


def _member(archive: zipfile.ZipFile, path: str, limit: int = _MAX_MEMBER) -> bytes:
    try:
        info = archive.getinfo(path)
    except KeyError:
        return b""
    if info.file_size > limit and limit == _MAX_MEMBER:
        raise ValueError(f"{path} is too large")
    with archive.open(info) as f:
        return f.read(limit + 1)[:limit]


def _xml(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser) if data.strip() else None
    if root is None:
        raise ValueError("a document of the book is not XML")
    return root


def _html(data: bytes):
    """A chapter: as XML (XHTML), or as HTML when it is not well-formed."""
    from lxml import etree, html

    try:
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        root = etree.fromstring(data, parser)
        if root is not None and _tag(root) == "html":
            return root
    except etree.XMLSyntaxError:
        pass
    return html.fromstring(data) if data.strip() else None


def _read(archive: zipfile.ZipFile, names: set[str], name: str) -> Extracted:
    container = _xml(_member(archive, "META-INF/container.xml"))
    rootfile = next((el.get("full-path") for el in container.iter() if _tag(el) == "rootfile" and el.get("full-path")),
                    None)
    if not rootfile or rootfile not in names:
        raise InputError(f"{name}: not a readable EPUB book (its package document is missing)")
    _refuse_drm(archive, names, name)
    opf = _xml(_member(archive, rootfile))
    base = posixpath.dirname(rootfile)

    def resolve(href: str, relative_to: str = base) -> str:
        return posixpath.normpath(posixpath.join(relative_to, unquote(href))) if href else ""

    metadata = next((el for el in opf.iter() if _tag(el) == "metadata"), None)
    title = author = date = None
    if metadata is not None:
        for el in metadata.iter():
            tag = _tag(el)
            value = " ".join("".join(el.itertext()).split())
            if tag == "title" and title is None and value:
                title = value
            elif tag == "creator" and value:
                author = value if author is None else author if value in author else f"{author}, {value}"
            elif tag == "date" and date is None and value:
                date = value
    manifest: dict[str, tuple[str, str, str]] = {}
    for el in opf.iter():
        if _tag(el) == "item" and el.get("id") and el.get("href"):
            manifest[el.get("id")] = (resolve(el.get("href")), el.get("media-type") or "", el.get("properties") or "")
    spine_el = next((el for el in opf.iter() if _tag(el) == "spine"), None)
    if spine_el is None:
        raise InputError(f"{name}: not a readable EPUB book (it has no reading order)")
    spine = [manifest[ref.get("idref")][0] for ref in spine_el if _tag(ref) == "itemref"
             and ref.get("idref") in manifest and ref.get("linear", "yes") != "no"]
    toc = _toc(archive, names, manifest, spine_el, resolve)

    blocks = Blocks()
    if title:
        blocks.add(TITLE_PART, title)
    # TOC entries by file, in the order they come in the table
    by_file: dict[str, list[_Entry]] = {}
    for entry in _flatten(toc):
        by_file.setdefault(entry.href, []).append(entry)
    for path in dict.fromkeys(spine):  # each file once, in reading order
        if path not in names:
            continue
        root = _html(_member(archive, path))
        if root is None:
            continue
        body = next((el for el in root.iter() if _tag(el) == "body"), root)
        chapter = Blocks()
        chapter.walk(body)
        entries = by_file.get(path, [])
        _merge(blocks, chapter, entries)
    if not spine:
        raise InputError(f"{name}: not a readable EPUB book (it has no chapters)")
    return Extracted(blocks.text, blocks.parts, title, author, date)


def _merge(book: Blocks, chapter: Blocks, entries: list[_Entry]) -> None:
    """A chapter's blocks added to the book, with a heading for each entry of the table of
    contents that points into it: where its anchor is, or at the top. A heading of the
    chapter that says what the entry says is that heading; other headings are paragraphs."""
    text = chapter.text
    at: dict[int, list[_Entry]] = {}
    for entry in entries:
        index = chapter.anchors.get(entry.fragment, 0) if entry.fragment else 0
        at.setdefault(min(index, len(chapter.parts)), []).append(entry)
    used: set[int] = set()
    for i, part in enumerate(chapter.parts + [None]):
        for entry in at.get(i, ()):
            # The chapter's own heading, at or right after the anchor, when it says the same.
            same = None
            for j in range(i, min(i + 3, len(chapter.parts))):
                p = chapter.parts[j]
                if p.kind == HEADING_PART and j not in used and _same(text[p.start : p.end], entry.label):
                    same = j
                    break
            if same is not None:
                used.add(same)
                for k in range(i, same):  # what comes before it (a chapter number) goes first
                    if k not in used:
                        used.add(k)
                        _copy(book, text, chapter.parts[k], PARAGRAPH_PART)
                book.add(HEADING_PART, text[chapter.parts[same].start : chapter.parts[same].end], entry.depth)
            else:
                book.add(HEADING_PART, entry.label, entry.depth)
        if part is None or i in used:
            continue
        # A heading the table does not list, or the title page's title: a paragraph.
        _copy(book, text, part, PARAGRAPH_PART if part.kind in (HEADING_PART, TITLE_PART) else part.kind)


def _copy(book: Blocks, text: str, part: Part, kind: str) -> None:
    book.add(kind, text[part.start : part.end], part.level, part.form)


def _same(a: str, b: str) -> bool:
    norm = lambda s: " ".join(re.findall(r"\w+", s.lower()))  # noqa: E731
    return norm(a) == norm(b) or norm(b) in norm(a) and len(norm(b)) > 3


def _flatten(entries: list[_Entry]) -> list[_Entry]:
    out: list[_Entry] = []
    for e in entries:
        out.append(e)
        out.extend(_flatten(e.children))
    return out


def _toc(archive, names, manifest, spine_el, resolve) -> list[_Entry]:
    """The table of contents: the EPUB 3 navigation document, else the EPUB 2 NCX."""
    nav = next((href for href, _, props in manifest.values() if "nav" in props.split()), None)
    if nav and nav in names:
        root = _html(_member(archive, nav))
        if root is not None:
            for el in root.iter():
                if _tag(el) == "nav" and "toc" in (el.get("{http://www.idpf.org/2007/ops}type") or el.get("epub:type")
                                                   or el.get("role") or "toc"):
                    ol = next((c for c in el.iter() if _tag(c) in ("ol", "ul")), None)
                    if ol is not None:
                        entries = _nav_entries(ol, 1, lambda h: resolve(h, posixpath.dirname(nav)))
                        if entries:
                            return entries
    ncx_id = spine_el.get("toc")
    ncx = manifest[ncx_id][0] if ncx_id in manifest else next(
        (href for href, media, _ in manifest.values() if media == "application/x-dtbncx+xml"), None)
    if ncx and ncx in names:
        root = _xml(_member(archive, ncx))
        nav_map = next((el for el in root.iter() if _tag(el) == "navmap"), None)
        if nav_map is not None:
            return _ncx_entries(nav_map, 1, lambda h: resolve(h, posixpath.dirname(ncx)))
    return []


def _split(href: str, resolve) -> tuple[str, str]:
    path, fragment = urldefrag(href)
    return resolve(path), unquote(fragment)


def _nav_entries(ol, depth: int, resolve) -> list[_Entry]:
    out = []
    for li in ol:
        if _tag(li) != "li":
            continue
        link = next((c for c in li if _tag(c) in ("a", "span")), None)
        label = _inline(link) if link is not None else ""
        href = link.get("href") if link is not None else None
        sub = next((c for c in li if _tag(c) in ("ol", "ul")), None)
        children = _nav_entries(sub, depth + 1, resolve) if sub is not None else []
        if href and label:
            path, fragment = _split(href, resolve)
            out.append(_Entry(label, path, fragment, depth, children))
        else:
            out.extend(children)
    return out


def _ncx_entries(parent, depth: int, resolve) -> list[_Entry]:
    out = []
    for point in parent:
        if _tag(point) != "navpoint":
            continue
        label_el = next((c for c in point if _tag(c) == "navlabel"), None)
        label = " ".join("".join(label_el.itertext()).split()) if label_el is not None else ""
        content = next((c for c in point if _tag(c) == "content"), None)
        children = _ncx_entries(point, depth + 1, resolve)
        if content is not None and content.get("src") and label:
            path, fragment = _split(content.get("src"), resolve)
            out.append(_Entry(label, path, fragment, depth, children))
        else:
            out.extend(children)
    return out


def _refuse_drm(archive: zipfile.ZipFile, names: set[str], name: str) -> None:
    """A book whose content is encrypted cannot be read: one line says so."""
    if "META-INF/rights.xml" in names:
        raise InputError(f"{name}: the book is locked by DRM (META-INF/rights.xml); it cannot be read")
    if "META-INF/encryption.xml" not in names:
        return
    root = _xml(_member(archive, "META-INF/encryption.xml"))
    for data in root.iter():
        if _tag(data) != "encrypteddata":
            continue
        method = next((el.get("Algorithm") for el in data.iter() if _tag(el) == "encryptionmethod"), "")
        target = next((el.get("URI") for el in data.iter() if _tag(el) == "cipherreference"), "") or ""
        if method in _FONT_OBFUSCATION or target.lower().endswith((".ttf", ".otf", ".woff", ".woff2")):
            continue
        raise InputError(f"{name}: the book is locked by DRM (its chapters are encrypted); it cannot be read")
