"""Speaker colours: one per speaker, in a variant for dark themes and one for light themes.

Colours are given to speakers by rank (most quoted first), so the speakers a reader sees
most get the most distinct hues. Both palettes keep a contrast ratio of at least 4.5:1
against the usual theme backgrounds.
"""

from __future__ import annotations

from reader.model import Document

# Light, saturated hues for dark backgrounds.
DARK_PALETTE = (
    "#f4a261",  # orange
    "#5fb8ef",  # sky blue
    "#8fd694",  # green
    "#f28cc8",  # pink
    "#ffd166",  # yellow
    "#b9a3f0",  # lavender
    "#4fd6cc",  # teal
    "#ff7b72",  # coral
    "#c5e063",  # lime
    "#9fc3ff",  # periwinkle
)

# Deep hues of the same families for light backgrounds.
LIGHT_PALETTE = (
    "#a64d00",
    "#005a9c",
    "#23702a",
    "#a3195b",
    "#7a5f00",
    "#5b34b0",
    "#006d65",
    "#b3261e",
    "#4b6b00",
    "#27408b",
)


def speaker_ranks(doc: Document) -> list[int]:
    """Speaker indices, most quoted first (ties: first quoted first)."""
    return [s.index for s in sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index))]


def speaker_colours(doc: Document, dark: bool) -> dict[int, str]:
    """A colour for every speaker of the document."""
    palette = DARK_PALETTE if dark else LIGHT_PALETTE
    return {spk: palette[rank % len(palette)] for rank, spk in enumerate(speaker_ranks(doc))}
