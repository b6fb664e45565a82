"""Extract: spaCy over each document's kept blocks, read as mentions and facts before resolution.

The only package that imports spaCy.
"""

from kg.extract.mentions import extract
from kg.extract.pipeline import load
from kg.extract.records import Candidate, DocExtraction, RawFact, RawMention

__all__ = ["Candidate", "DocExtraction", "RawFact", "RawMention", "extract", "load"]
