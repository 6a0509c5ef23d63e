"""reader: a terminal reader for news articles and prose that knows who said what."""

__version__ = "0.1.0"
