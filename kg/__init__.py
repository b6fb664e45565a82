"""kg: an offline knowledge graph builder for news-style text.

>>> import kg
>>> g = kg.build(["Jane Doe works for Acme Corp, a Boston-based startup."])
>>> for r in g.relations:
...     print(r.subject.name, r.predicate, r.object.name)
Jane Doe employer Acme Corp
>>> for r in g.candidates:  # read with less confidence than kg asserts
...     print(r.subject.name, r.predicate, r.object.name, r.confidence)
Acme Corp headquarters_location Boston 0.234
Acme Corp located_in Boston 0.357
"""

from kg.errors import (
    ConfigError,
    FormatError,
    InputError,
    KgError,
    ModelError,
    QueryError,
    RdfError,
)
from kg.graph import DEFAULT_BASE, KnowledgeGraph
from kg.ingest.text import from_text
from kg.model import (
    ENTITY_TYPES,
    Block,
    Document,
    Entity,
    Evidence,
    Mention,
    Quote,
    Relation,
    Time,
)
from kg.resolve.resolver import Merge
from kg.run.local import build
from kg.vocab import PREDICATES, Predicate

__all__ = [
    "DEFAULT_BASE",
    "ENTITY_TYPES",
    "PREDICATES",
    "Block",
    "ConfigError",
    "Document",
    "Entity",
    "Evidence",
    "FormatError",
    "InputError",
    "KgError",
    "KnowledgeGraph",
    "Mention",
    "Merge",
    "ModelError",
    "Predicate",
    "QueryError",
    "Quote",
    "RdfError",
    "Relation",
    "Time",
    "build",
    "from_text",
]
__version__ = "0.1.0"
