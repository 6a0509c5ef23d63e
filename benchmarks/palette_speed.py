"""How fast the palette answers on documents with very many headings. Prints figures; asserts nothing.

    uv run python benchmarks/palette_speed.py [--sizes 10000 100000]

For a generated Markdown document of N headings: the app's start (until the article is
shown), then through the pilot at 100x30 the section picker (from ctrl+p until its first
list is shown), a query typed into it key by key (until the best match is at the top), and
the same query in the main palette. Each figure is one run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from textual.command import CommandList, CommandPalette  # noqa: E402

from reader.app import ReaderApp  # noqa: E402
from reader.document import analyse  # noqa: E402


def listed(app) -> list[str]:
    found = app.screen.query(CommandList) if isinstance(app.screen, CommandPalette) else []
    if not found:  # no palette, or not composed yet
        return []
    options = found.first()
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def until(pilot, predicate, timeout=600.0) -> float:
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        await pilot.pause(0.005)
    return time.perf_counter() - start


async def measure(n: int) -> None:
    text = "\n".join(f"# Heading number {i}\n\nParagraph {i}.\n" for i in range(n))
    t0 = time.perf_counter()
    doc = analyse(text, markdown=True)
    analysed = time.perf_counter() - t0
    app = ReaderApp(doc, path="headings.md")
    t0 = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.ready)
        start = time.perf_counter() - t0
        t0 = time.perf_counter()
        app.action_pick_section()
        await until(pilot, lambda: len(listed(app)) > 1)
        picker = time.perf_counter() - t0
        target = f"Heading number {n // 2 + 7}"
        t0 = time.perf_counter()
        await pilot.press(*str(n // 2 + 7))
        await until(pilot, lambda: listed(app)[:1] == [target])
        query = time.perf_counter() - t0
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
        t0 = time.perf_counter()
        await pilot.press("ctrl+p", *str(n // 2 + 7))
        await until(pilot, lambda: listed(app)[:1] == [f"Jump to section: {target}"])
        palette = time.perf_counter() - t0
    print(f"{n:>7} headings: analysis {analysed:5.2f} s, app start {start:5.2f} s, picker open {picker:5.2f} s, "
          f"query typed {query:5.2f} s, main palette query {palette:5.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    for n in parser.parse_args().sizes:
        asyncio.run(measure(n))


if __name__ == "__main__":
    main()
