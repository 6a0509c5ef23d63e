"""The reading app: a Textual front end that renders what the engine found."""

from __future__ import annotations

__all__ = ["ReaderApp"]


def __getattr__(name: str):
    if name == "ReaderApp":
        from reader.app.app import ReaderApp

        return ReaderApp
    raise AttributeError(name)
