"""Attributing quotations to speakers: the stages, in order.

``attribute_speakers(text, paragraphs, spans, fiction)``:

1. **Tags** (``reader.tags``): for each quotation, the words that say who spoke it (a name, a
   pronoun or a description, with the verb), or an action beat next to it.
2. **Cast** (``reader.cast``, ``reader.people``): the people and organisations of the whole
   text, with their names, titles and gender, and every place the narrative names them.
3. **Narrator** (``reader.narrator``): a first-person narrator ("I said"), named where the
   text names them.
4. **Conversation** (``reader.conversation``): each quotation's speaker chosen among the people
   in the scene, by its tag, by the turns of the conversation and by the narrative around it.

A quotation with no recoverable speaker gets none rather than a probable wrong guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.cast import capitalised_words, find_cast
from reader.conversation import Conversation, load_weights
from reader.model import MENTION
from reader.narrator import find_narrator
from reader.tags import TagFinder, find_tags


@dataclass(slots=True)
class Attribution:
    speaker: int | None = None
    cue: str | None = None
    explicit: bool = False  # the tag names the speaker
    mention: str | None = None  # the words that attributed it ("he", "the minister", "Lavrov")
    mention_start: int | None = None
    mention_end: int | None = None


def attribute_speakers(text: str, paragraphs, spans, fiction: bool = False):
    """Return (attributions per span, people) for the spans of one document."""
    names = capitalised_words(text, paragraphs, spans)
    finder = TagFinder(text, paragraphs, spans, names[0])
    tags = find_tags(text, paragraphs, spans, names[0])
    beats = [finder.beat(i) if tags[i] is None and s.kind != MENTION and s.label is None else None
             for i, s in enumerate(spans)]
    cast = find_cast(text, paragraphs, spans, tags, names)
    narrator = find_narrator(text, spans, tags, cast, names[0])
    weights = load_weights()["fiction" if fiction else "news"]
    conv = Conversation(text, paragraphs, spans, tags, beats, cast, weights, narrator, fiction)
    transcript = _transcript_speakers(text, spans, cast)
    speakers = conv.decide()
    out = [Attribution() for _ in spans]
    for k, turn in enumerate(conv.turns):
        spk = speakers[k]
        if spk is None:
            continue
        tag = conv.mention_of(k)
        a = Attribution(spk, tag.cue if tag else None, tag is not None and tag.mention.kind == "name")
        if tag is not None:
            a.mention, a.mention_start, a.mention_end = tag.mention.text, tag.mention.start, tag.mention.end
            written = tag.mention.text
            if tag.mention.kind == "pronoun" and written != "I":
                written = written.lower()  # "It said": the pronoun, not its capital
            cast.people.persons[spk].add_mention(written)  # the names they went by
        out[turn.index] = a
    for i, spk in transcript.items():
        out[i] = Attribution(spk, f"{spans[i].label}:", True)
    return out, cast.people.persons


def _transcript_speakers(text, spans, cast) -> dict[int, int]:
    """Lines of an interview transcript ("Q:", "HOLLOWAY:"): the speaker the label names."""
    from reader.transcript import transcript_speakers

    if not any(s.label is not None for s in spans):
        return {}
    return transcript_speakers(text, spans, cast)
