"""kg's exceptions: one base class, each subclass named for the situation.

Every message names the input it is about and what to do, so the CLI can print it as one line.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """A source (file, folder or string) cannot be read as a document."""


class ModelError(KgError):
    """No usable spaCy model is installed, or the one asked for cannot be loaded."""


class FormatError(KgError):
    """An unknown output or input format was asked for."""


class RdfError(KgError):
    """An RDF file is malformed or is not a kg graph."""


class RdfValueError(RdfError):
    """A kg graph holds a value kg cannot use: a number that is none, or is NaN or infinite."""


class QueryError(KgError):
    """A SPARQL query is malformed or failed."""


class ConfigError(KgError):
    """A configuration or gazetteer file is invalid."""


class OutputError(KgError):
    """A file or folder cannot be written: the disk is full, or permission is denied."""


class WorkerError(KgError):
    """A worker process of a build died (killed, out of memory) before returning its work."""
