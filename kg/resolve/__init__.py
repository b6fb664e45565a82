"""Resolve: one entity per real thing, facts grouped by their entities, and inferred facts."""

from kg.resolve.resolver import Merge, Resolution, Resolver, resolve

__all__ = ["Merge", "Resolution", "Resolver", "resolve"]
