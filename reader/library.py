"""A library: many articles, indexed once, with one list of the people quoted in them.

The index is an SQLite database in the user's cache directory (nothing is written next to the
articles), one per library (the folders and files it was opened on). Per file it holds the
path, size, modification time and a hash of the content; the outline; and the quotations with
their speakers and mentions (with an FTS5 index of the quotation text), not the articles' text.
Opening a library stats every file and analyses only the new and changed ones (a changed time
with the same content is not analysed again); files that have gone are dropped.

Two processes may update one library at once: the database is in WAL mode and each file's
records are written in one transaction. A damaged database, or one locked for longer than
``LOCK_WAIT`` seconds, is started again from nothing (the articles are all still there: it
costs time, nothing else), with one line saying so.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.corpus import article_files
from reader.identity import SpeakerName, group_people, name_core
from reader.search import _slip_limit, as_typed_first, fold, parse_query, word_matches, words

SCHEMA_VERSION = 1
LOCK_WAIT = 10.0  # seconds to wait for another process's write before giving up on the file

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER, mtime INTEGER, hash TEXT,
    title TEXT, dateline TEXT, date TEXT, quotes INTEGER DEFAULT 0, main_speakers TEXT,
    outline TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, idx INTEGER, name TEXT, kind TEXT,
    mentions TEXT, quotes INTEGER, person INTEGER);
CREATE INDEX IF NOT EXISTS speakers_file ON speakers(file);
CREATE INDEX IF NOT EXISTS speakers_person ON speakers(person);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, speaker INTEGER, record TEXT,
    start INTEGER, kind TEXT, text TEXT);
CREATE INDEX IF NOT EXISTS quotes_file ON quotes(file, start);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE VIRTUAL TABLE IF NOT EXISTS quote_text USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS quote_terms USING fts5vocab(quote_text, 'row');
CREATE TRIGGER IF NOT EXISTS quotes_added AFTER INSERT ON quotes BEGIN
    INSERT INTO quote_text(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_removed AFTER DELETE ON quotes BEGIN
    INSERT INTO quote_text(quote_text, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE IF NOT EXISTS persons (
    id INTEGER PRIMARY KEY, name TEXT, kind TEXT, quotes INTEGER, articles INTEGER, forms TEXT);
CREATE TABLE IF NOT EXISTS person_words (word TEXT, person INTEGER);
CREATE INDEX IF NOT EXISTS person_words_word ON person_words(word);
"""


class LibraryError(Exception):
    """The library cannot be used: the message is one line."""


class _Damaged(Exception):
    """The database is not usable as it is: it is started again."""


# ---------------------------------------------------------------------------------------
# Where the index lives, and what is in a library


def cache_root() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("reader", appauthor=False) / "libraries"


def index_path(roots: Iterable[str]) -> Path:
    """The database of the library made of ``roots`` (folders and files, in any order)."""
    real = sorted({os.path.realpath(r) for r in roots})
    digest = hashlib.blake2b("\0".join(real).encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    stem = re.sub(r"[^\w.-]+", "_", os.path.basename(real[0]) if len(real) == 1 else "files")[:40] or "root"
    return cache_root() / f"{stem}-{digest}.sqlite3"


# ---------------------------------------------------------------------------------------
# Analysing one file for the index (in a worker process)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """What the index keeps of one file, as a worker made it."""

    path: str
    size: int
    mtime: int
    hash: str
    unchanged: bool = False  # the content hashes as before: nothing else was made
    error: str | None = None
    title: str | None = None
    dateline: str | None = None
    date: str | None = None
    outline: str | None = None  # JSON
    main_speakers: str | None = None  # JSON list
    speakers: tuple = ()  # (idx, name, kind, mentions JSON, quotes)
    quotes: tuple = ()  # (speaker idx or None, record JSON, start, kind, text)


def analyse_entry(job: tuple[str, int, int, str | None]) -> FileEntry:
    """Read, hash and analyse one file for the index. ``job`` is (path, size, mtime, the hash
    the index holds or None). Never raises: a file that cannot be read is an entry with its
    error, kept so that it is not tried again until it changes."""
    from reader.document import source_from_bytes
    from reader.output import outline_record, quote_records  # the records reader prints
    from reader.textio import InputError, read_bytes

    path, size, mtime, known = job
    try:
        data = read_bytes(path, allow_zip=True)
    except InputError as exc:
        return FileEntry(path, size, mtime, "", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug reading: recorded, the others go on
        return FileEntry(path, size, mtime, "", error=f"{path}: internal error while reading: {exc!r}")
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest == known:
        return FileEntry(path, size, mtime, digest, unchanged=True)
    try:
        doc = source_from_bytes(data, path).analyse()
        del data
        outline = outline_record(path, doc)
        records = list(quote_records(path, doc, doc.quotes))
    except InputError as exc:
        return FileEntry(path, size, mtime, digest, error=str(exc))
    except Exception as exc:  # noqa: BLE001
        return FileEntry(path, size, mtime, digest, error=f"{path}: internal error while analysing: {exc!r}")
    by_speaker = sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index))
    speakers = tuple(
        (s.index, s.name, s.kind, json.dumps(list(s.mentions), ensure_ascii=False), s.quote_count) for s in doc.speakers
    )
    quotes = tuple(
        (q.speaker, json.dumps(r, ensure_ascii=False), q.start, q.kind, q.text) for q, r in zip(doc.quotes, records)
    )
    return FileEntry(
        path, size, mtime, digest,
        title=doc.title.text if doc.title else None,
        dateline=doc.dateline.text if doc.dateline else None,
        date=article_date(doc, path),
        outline=json.dumps(outline, ensure_ascii=False),
        main_speakers=json.dumps([s.name for s in by_speaker[:3] if s.quote_count], ensure_ascii=False),
        speakers=speakers,
        quotes=quotes,
    )


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATES = (
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.](\d\d?)[-_/.](\d\d?)(?!\d)"), ("y", "m", "d")),
    (re.compile(r"\b" + _MONTH + r"\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)"), ("b", "d", "y")),
    (re.compile(r"(?<!\d)(\d\d?)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)(?!\d)"), ("d", "b", "y")),
)


def find_date(text: str) -> str | None:
    """The first full date written in ``text`` (2024-03-05, March 5, 2024, 5 March 2024) as
    YYYY-MM-DD, or None."""
    best = None
    for pattern, order in _DATES:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            parts = dict(zip(order, m.groups()))
            month = int(parts["m"]) if "m" in parts else _MONTHS[parts["b"][:3].lower()]
            try:
                found = datetime.date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:  # not a day of the calendar
                continue
            best = (m.start(), found.isoformat())
    return best[1] if best else None


def article_date(doc, path: str) -> str | None:
    """The article's date: in its dateline, else near its top, else in its file name."""
    for text in (doc.dateline.text if doc.dateline else "", doc.text[:600], os.path.basename(path)):
        found = find_date(text)
        if found:
            return found
    return None


# ---------------------------------------------------------------------------------------
# The library


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    path: str
    title: str | None
    dateline: str | None
    date: str | None
    quotes: int
    main_speakers: tuple[str, ...]
    error: str | None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    id: int
    name: str
    kind: str
    quotes: int
    articles: int
    names: tuple[str, ...] = ()  # the names they went by, titles dropped


class QuoteEntry:
    """A quotation in the library: the record ``reader quotes`` prints for it (read from the
    index when first asked for: a query may find thousands and show a hundred), and who said it
    across the library."""

    __slots__ = ("_stored", "_path", "_record", "person", "article", "score")

    def __init__(self, stored: str, path: str, person: str | None, article: int, score: float = 0.0) -> None:
        self._stored, self._path, self._record = stored, path, None
        self.person = person
        self.article = article
        self.score = score  # how well it matched a search: the phrase, the words, the speaker

    @property
    def record(self) -> dict:
        if self._record is None:
            self._record = json.loads(self._stored)
            self._record["file"] = self._path
        return self._record


@dataclass(frozen=True, slots=True)
class Progress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    seconds: float

    @property
    def rate(self) -> float:
        """Bytes a second so far."""
        return self.bytes_done / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        if not self.bytes_done or self.seconds <= 0:
            return None
        return (self.bytes_total - self.bytes_done) / self.rate


@dataclass(frozen=True, slots=True)
class Update:
    """What an update did."""

    files: int  # in the library now
    analysed: int  # new or changed, analysed
    touched: int  # changed time, same content
    removed: int
    failed: int  # could not be read: kept with their error
    seconds: float
    megabytes: float


class Library:
    """The index of the articles under ``roots``. ``notice`` is given one-line messages (a
    damaged index started again)."""

    def __init__(self, roots: Iterable[str], notice: Callable[[str], None] | None = None, path: Path | None = None):
        self.roots = list(roots)
        if not self.roots:
            raise LibraryError("a library needs at least one folder or file")
        self.path = path or index_path(self.roots)
        self.notice = notice or (lambda message: None)
        self.con: sqlite3.Connection | None = None
        self._open()

    # -- opening, and starting again -----------------------------------------------------

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library index folder {self.path.parent}: "
                               f"{exc.strerror or exc}") from None
        try:
            self._connect()
        except _Damaged as exc:
            self._start_again(str(exc))

    def _connect(self) -> None:
        try:
            con = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot open the library index {self.path}: {exc}") from None
        self.con = con
        try:
            mode = con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            con.execute("PRAGMA synchronous=NORMAL")
            if mode.lower() != "wal":
                raise _Damaged(f"the library index {self.path} cannot be shared (journal mode {mode})")
            have = dict(con.execute("SELECT key, value FROM meta").fetchall()) if self._has_meta() else {}
            engine = engine_signature()
            if have.get("schema") != str(SCHEMA_VERSION):
                if have:
                    self._drop_all()
                con.executescript("BEGIN IMMEDIATE;" + _SCHEMA + "COMMIT;")
                self._transaction(lambda: self._set_meta(engine))
            elif have.get("engine") != engine:
                # The engine has changed since these files were analysed: analyse them again.
                self._transaction(lambda: (con.execute("UPDATE files SET hash = NULL, size = -1"),
                                           self._set_meta(engine)))
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                raise _Damaged(f"the library index {self.path} was locked for more than {LOCK_WAIT:g} s") from None
            raise _Damaged(f"the library index {self.path} is damaged ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise _Damaged(f"the library index {self.path} is damaged ({exc})") from None

    def _has_meta(self) -> bool:
        return self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is not None

    def _set_meta(self, engine: str) -> None:
        rows = [("schema", str(SCHEMA_VERSION)), ("engine", engine), ("roots", json.dumps(self.roots))]
        self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)

    def _drop_all(self) -> None:
        names = [r[0] for r in self.con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'quote_text_%'")]
        self.con.execute("BEGIN IMMEDIATE")
        for name in names:
            self.con.execute(f'DROP TABLE IF EXISTS "{name}"')
        self.con.execute("COMMIT")

    def _start_again(self, why: str) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise LibraryError(f"{why}, and it cannot be removed: {exc.strerror or exc}") from None
        self.notice(f"{why}; starting it again")
        try:
            self._connect()
        except _Damaged as exc:
            raise LibraryError(str(exc)) from None

    def close(self) -> None:
        if self.con is not None:
            try:
                self.con.close()
            except sqlite3.Error:
                pass
            self.con = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _transaction(self, work: Callable[[], object]) -> None:
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            work()
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def guarded(self, work: Callable[[], object]):
        """Run ``work()`` (a query); a damaged or long-locked index is started again, brought
        up to date, and ``work()`` run once more."""
        try:
            return work()
        except sqlite3.DatabaseError as exc:
            why = self._why(exc)
        self._start_again(why)
        self._update(1, None, 0.25)
        return work()

    # -- bringing it up to date ----------------------------------------------------------

    def update(self, jobs: int = 1, progress: Callable[[Progress], None] | None = None,
               every: float = 0.25) -> Update:
        """Analyse the new and changed files and drop the removed ones. ``progress`` is called
        at most every ``every`` seconds and once at the end. The files analysed are written a
        few at a time: an interrupted update keeps what it did. A damaged index, or one locked
        for longer than LOCK_WAIT, is started again and the update done on the new one."""
        try:
            return self._update(jobs, progress, every)
        except sqlite3.DatabaseError as exc:
            why = self._why(exc)
        self._start_again(why)
        return self._update(jobs, progress, every)

    def _why(self, exc: sqlite3.DatabaseError) -> str:
        if isinstance(exc, sqlite3.OperationalError) and _is_locked(exc):
            return f"the library index {self.path} was locked for more than {LOCK_WAIT:g} s"
        return f"the library index {self.path} is damaged ({exc})"

    def _update(self, jobs: int, progress: Callable[[Progress], None] | None, every: float) -> Update:
        from reader.parallel import in_order

        started = time.perf_counter()
        paths, _problems = article_files(self.roots)
        known = {row[0]: row[1:] for row in self.con.execute("SELECT path, id, size, mtime, hash FROM files")}
        jobs_todo: list[tuple[str, int, int, str | None]] = []
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                continue  # gone since it was listed: dropped below with the others
            old = known.get(path)
            if old is not None and old[1] == st.st_size and old[2] == st.st_mtime_ns:
                continue
            jobs_todo.append((path, st.st_size, st.st_mtime_ns, old[3] if old else None))
        here = set(paths)
        gone = [(v[0],) for p, v in known.items() if p not in here]
        if gone:
            self._transaction(lambda: self._remove(gone))
        total = sum(j[1] for j in jobs_todo)
        done_bytes = analysed = touched = failed = 0
        pending: list[FileEntry] = []
        last_write = last_progress = time.perf_counter()

        def flush() -> None:
            if pending:
                self._transaction(lambda: [self._store(e) for e in pending])
                pending.clear()

        try:
            for i, entry in enumerate(in_order(analyse_entry, jobs_todo, jobs), 1):
                pending.append(entry)
                done_bytes += entry.size
                touched += entry.unchanged
                failed += entry.error is not None
                analysed += not entry.unchanged
                now = time.perf_counter()
                if now - last_write >= every or len(pending) >= 200:
                    flush()
                    last_write = now
                if progress is not None and now - last_progress >= every:
                    progress(Progress(i, len(jobs_todo), done_bytes, total, now - started))
                    last_progress = now
        finally:
            flush()
            if analysed or gone:
                self._transaction(self._regroup_people)
        seconds = time.perf_counter() - started
        if progress is not None and jobs_todo:
            progress(Progress(len(jobs_todo), len(jobs_todo), done_bytes, total, seconds))
        count = self.con.execute("SELECT count(*) FROM files").fetchone()[0]
        return Update(count, analysed, touched, len(gone), failed, seconds, done_bytes / 1e6)

    def _remove(self, ids: list[tuple[int]]) -> None:
        con = self.con
        con.executemany("DELETE FROM quotes WHERE file = ?", ids)
        con.executemany("DELETE FROM speakers WHERE file = ?", ids)
        con.executemany("DELETE FROM files WHERE id = ?", ids)

    def _store(self, e: FileEntry) -> None:
        con = self.con
        row = con.execute("SELECT id FROM files WHERE path = ?", (e.path,)).fetchone()
        if e.unchanged and row is not None:
            con.execute("UPDATE files SET size = ?, mtime = ? WHERE id = ?", (e.size, e.mtime, row[0]))
            return
        if row is not None:
            self._remove([(row[0],)])
        spoken = sum(1 for q in e.quotes if q[3] != "mention")
        cur = con.execute(
            "INSERT INTO files (path, size, mtime, hash, title, dateline, date, quotes, main_speakers, outline, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.path, e.size, e.mtime, e.hash, e.title, e.dateline, e.date, spoken, e.main_speakers, e.outline, e.error),
        )
        file_id = cur.lastrowid
        ids = {}
        for idx, name, kind, mentions, quotes in e.speakers:
            ids[idx] = con.execute(
                "INSERT INTO speakers (file, idx, name, kind, mentions, quotes) VALUES (?, ?, ?, ?, ?, ?)",
                (file_id, idx, name, kind, mentions, quotes),
            ).lastrowid
        con.executemany(
            "INSERT INTO quotes (file, speaker, record, start, kind, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(file_id, ids.get(spk) if spk is not None else None, rec, start, kind, text)
             for spk, rec, start, kind, text in e.quotes],
        )

    def _regroup_people(self) -> None:
        """Group every speaker of the library into persons, and index their names' words."""
        con = self.con
        rows = con.execute("SELECT id, file, name, kind, mentions, quotes FROM speakers").fetchall()
        names = [SpeakerName(r[0], r[2], r[3], tuple(json.loads(r[4] or "[]")), r[5]) for r in rows]
        by_id = {r[0]: r for r in rows}
        con.execute("DELETE FROM persons")
        con.execute("DELETE FROM person_words")
        member_person = []
        word_rows = []
        for pid, person in enumerate(group_people(names), 1):
            # The names the person goes by, without titles: what a typed name is matched against
            # ("Clinton campaign manager Robby Mook" is Robby Mook, not a Clinton).
            forms = [person.name]
            for key in person.members:
                core = " ".join(name_core(by_id[key][2])) or by_id[key][2]
                if core not in forms:
                    forms.append(core)
                member_person.append((pid, key))
            articles = len({by_id[k][1] for k in person.members})
            con.execute("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?)",
                        (pid, person.name, person.kind, person.quotes, articles, json.dumps(forms, ensure_ascii=False)))
            word_rows.extend((w, pid) for w in {w for f in forms for w in words(f)})
        con.executemany("UPDATE speakers SET person = ? WHERE id = ?", member_person)
        con.executemany("INSERT INTO person_words VALUES (?, ?)", word_rows)

    # -- what is in it -------------------------------------------------------------------

    def articles(self) -> list[Article]:
        return [
            Article(r[0], r[1], r[2], r[3], r[4], r[5] or 0, tuple(json.loads(r[6] or "[]")), r[7])
            for r in self.con.execute(
                "SELECT id, path, title, dateline, date, quotes, main_speakers, error FROM files ORDER BY path")
        ]

    def people(self) -> list[PersonEntry]:
        """Everyone quoted (speech and partial quotations), most quoted first."""
        return [PersonEntry(*r[:5], tuple(json.loads(r[5]))) for r in self.con.execute(
            "SELECT id, name, kind, quotes, articles, forms FROM persons WHERE quotes > 0 "
            "ORDER BY quotes DESC, name")]

    def people_matching(self, query: str) -> dict[int, float]:
        """The persons a typed name may mean, with how well it matches (as ``reader quotes
        --speaker`` matches the speakers of one article)."""
        from reader.search import _score_speaker

        query_words = words(query)
        if not query_words:
            return {}
        cache: dict[str, dict[str, float]] = {}

        def match(qw: str) -> dict[str, float]:
            found = cache.get(qw)
            if found is None:
                found = cache[qw] = self._vocabulary_matches("person_words", "word", qw)
            return found

        candidates: set[int] | None = None
        for qw in query_words:
            found = match(qw)
            if not found:
                return {}
            marks = ",".join("?" * len(found))
            ids = {r[0] for r in self.con.execute(
                f"SELECT DISTINCT person FROM person_words WHERE word IN ({marks})", list(found))}
            candidates = ids if candidates is None else candidates & ids
        scores = {}
        for pid in candidates or ():
            forms = json.loads(self.con.execute("SELECT forms FROM persons WHERE id = ?", (pid,)).fetchone()[0])
            score = _score_speaker([words(f) for f in forms], query_words, match)
            if score > 0:
                scores[pid] = score
        # Among many people, those the name fits best: "Sanders" is Bernie and Felicia Sanders,
        # not Sandra Inman, whose name is one slip away.
        best = max(scores.values(), default=0.0)
        return {pid: score for pid, score in scores.items() if score >= best - 0.1}

    def _vocabulary_matches(self, table: str, column: str, query_word: str) -> dict[str, float]:
        """The words of a vocabulary that a typed word matches, with their scores: those with
        the same first letter (slips keep it), found by a range of the index."""
        first = query_word[:1]
        low, high = first, first + "\U0010ffff"
        if len(query_word) >= 3 and not _slip_limit(query_word):
            low, high = query_word, query_word + "\U0010ffff"  # only equal or longer words match
        found = {}
        for (w,) in self.con.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE {column} >= ? AND {column} < ?", (low, high)):
            score = word_matches(query_word, w)
            if score:
                found[w] = score
        return found

    def quotes(self, speaker: str | None = None, search: str | None = None,
               include_mentions: bool = False, person: int | None = None) -> list[QuoteEntry]:
        """Quotations in file order, scored as one article's search scores them: all; or those
        of the persons ``speaker`` names; or those ``search`` finds (its words in the quotation,
        a slip or a prefix counting less and the exact phrase more, or the name of the person
        who said it); or both. ``search`` may itself be ``speaker:NAME words``. ``person`` (an
        id of ``people()``) keeps that one person's quotations, whoever else a name fits."""
        if search:
            named, rest = parse_query(search)
            if named is not None:
                speaker = named if speaker is None else speaker
                search = rest.strip() or None
        where, params = [], []
        if not include_mentions:
            where.append("q.kind != 'mention'")
        person_ids: dict[int, float] | None = None  # the persons kept, and how well the name fits each
        if speaker is not None:
            person_ids = self.people_matching(speaker)
        if person is not None:
            person_ids = {person: 1.0} if person_ids is None else {p: s for p, s in person_ids.items() if p == person}
        if person_ids is not None:
            if not person_ids:
                return []
            where.append(f"s.person IN ({','.join('?' * len(person_ids))})")
            params.extend(person_ids)
        text_scores: dict[int, float] = {}
        by_name: dict[int, float] = {}
        if search and words(search):
            text_scores = self._text_scores(search)
            if person_ids is None:
                by_name = self.people_matching(search)  # "lavrov" finds what Lavrov said
            either = []
            if text_scores:
                either.append(f"q.id IN ({','.join('?' * len(text_scores))})")
                params.extend(text_scores)
            if by_name:
                either.append(f"s.person IN ({','.join('?' * len(by_name))})")
                params.extend(by_name)
            if not either:
                return []
            where.append("(" + " OR ".join(either) + ")")
        sql = ("SELECT q.id, q.record, f.path, f.id, p.name, p.id FROM quotes q JOIN files f ON f.id = q.file "
               "LEFT JOIN speakers s ON s.id = q.speaker LEFT JOIN persons p ON p.id = s.person"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY f.path, q.start")
        searching = bool(text_scores or by_name)
        out = []
        for qid, record, path, fid, name, pid in self.con.execute(sql, params):
            if person_ids is not None:
                score = person_ids[pid] + (text_scores.get(qid, 0.0) if searching else 1.0)
            elif searching:
                score = max(2.0 * by_name.get(pid, 0.0), text_scores.get(qid, 0.0))
                if score < 0.5:
                    continue  # one word of several, or a slip of a short word: not enough alone
            else:
                score = 0.0
            out.append(QuoteEntry(record, path, name, fid, score))
        return out

    def _text_scores(self, query: str) -> dict[int, float]:
        """For each quotation that holds a word of the query: the share of the query's words it
        holds (a slip or a prefix counting less), plus a half for the exact phrase."""
        query_words = words(query)
        if not query_words:
            return {}
        best: dict[int, float] = {}
        for qw in query_words:
            found = as_typed_first(self._vocabulary_matches("quote_terms", "term", qw))
            per_quote: dict[int, float] = {}
            for term, score in found.items():
                for (rowid,) in self.con.execute(
                        "SELECT rowid FROM quote_text WHERE quote_text MATCH ?", ('"' + term.replace('"', '""') + '"',)):
                    if score > per_quote.get(rowid, 0.0):
                        per_quote[rowid] = score
            for rowid, score in per_quote.items():
                best[rowid] = best.get(rowid, 0.0) + score
        phrase = fold(query).strip()
        texts = {}
        ids = list(best)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            texts.update(self.con.execute(
                f"SELECT id, text FROM quotes WHERE id IN ({','.join('?' * len(part))})", part).fetchall())
        scores = {}
        for rowid, found in best.items():
            score = found / len(query_words)
            if phrase and phrase in fold(texts.get(rowid, "")):
                score += 0.5  # the exact phrase
            scores[rowid] = score
        return scores

    def outline(self, article: int) -> dict | None:
        row = self.con.execute("SELECT outline FROM files WHERE id = ?", (article,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


_ENGINE_MODULES = (
    "structure", "quotes", "document", "model", "textio", "lexicon", "phrases", "tags", "people",
    "cast", "narrator", "transcript", "conversation", "speakers", "identity", "library",
)


def engine_signature() -> str:
    """A hash of the engine's code and weights: an index made by another engine is made again."""
    from reader import __version__

    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    here = Path(__file__).parent
    for name in (*(f"{m}.py" for m in _ENGINE_MODULES), "weights.json"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()


def iter_progress_line(p: Progress) -> str:
    """One line for a terminal: files, MB/s and the time left."""
    left = p.seconds_left
    tail = "" if left is None else f", {_duration(left)} left"
    return (f"indexing {p.files_done:,}/{p.files_total:,} files, {p.bytes_done / 1e6:.1f}/{p.bytes_total / 1e6:.1f} MB, "
            f"{p.rate / 1e6:.1f} MB/s{tail}")


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"

