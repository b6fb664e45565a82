"""Ingest: sources (files, folders, stdin, JSON Lines, text) read as kg.Documents of kept blocks."""

from kg.ingest.text import clean_text, from_text, read

__all__ = ["clean_text", "from_text", "read"]
