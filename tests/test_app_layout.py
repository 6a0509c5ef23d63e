"""The wrapping index under the article view: never loses text, never overflows a row."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.app.layout import BLANK, HEADING, PARAGRAPH, Layout, build_items, display_text, wrap_span
from reader.document import analyse

words = st.text(alphabet=st.sampled_from("abcdefghij ,.\"'“”é漢\n\t\x1b"), min_size=0, max_size=300)


@settings(max_examples=300, deadline=None)
@given(text=words, width=st.integers(min_value=1, max_value=90))
def test_wrap_keeps_every_character_and_fits(text, width):
    shown = display_text(text)
    rows = wrap_span(shown, 0, len(shown), width)
    assert rows
    for s, e in rows:
        assert cell_len(shown[s:e]) <= max(width, 2)  # a wide character may not fit a 1-cell row
    # Only spaces are dropped at the breaks.
    kept = "".join(shown[s:e] for s, e in rows).replace(" ", "")
    assert kept == shown.replace(" ", "")
    starts = [s for s, _ in rows]
    assert starts == sorted(starts)


def test_display_text_keeps_offsets_and_shows_controls():
    text = "a\x1b[1mb\x07\tc\nd\u202ee\x7f"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert shown == "a\u241b[1mb\u2407 c d\ufffde\u2421"


@pytest.mark.parametrize("width", [1, 5, 20, 80])
def test_wrap_examples(width):
    text = "The quick brown fox jumps over the lazy dog"
    rows = wrap_span(text, 0, len(text), width)
    assert all(len(text[s:e]) <= width for s, e in rows)
    assert " ".join(text[s:e] for s, e in rows).split() == text.split() or width < 5


def test_wrap_greedy_at_width():
    text = "aaa bbb ccc ddd"
    assert [text[s:e] for s, e in wrap_span(text, 0, len(text), 7)] == ["aaa bbb", "ccc ddd"]
    assert [text[s:e] for s, e in wrap_span(text, 0, len(text), 6)] == ["aaa", "bbb", "ccc", "ddd"]
    long_word = "abcdefgh"
    assert [long_word[s:e] for s, e in wrap_span(long_word, 0, 8, 3)] == ["abc", "def", "gh"]


def test_layout_index_finds_paragraphs_and_sections():
    doc = analyse("Title\n\nFirst paragraph here.\n\nHeading\n\n" + "word " * 50 + "\n\nLast.\n")
    items = build_items(doc)
    layout = Layout(display_text(doc.text), items, 20)
    assert layout.height == len(layout.row_spans)
    for p in range(len(doc.paragraphs)):
        i = layout.paragraph_item[p]
        assert items[i].kind == PARAGRAPH
        assert layout.item_at_row(layout.item_first_row[i]) == i
    kinds = [it.kind for it in items]
    assert HEADING in kinds and kinds[-1] != BLANK
    rows = [r for r, _ in layout.section_rows()]
    assert rows == sorted(rows) and rows[0] == 0
