"""Hypothesis strategies for property-based tests of rule consistency (needs `hypothesis`)."""

from sandbox_rules.testing.strategies import (
    application_data,
    applications,
    dates_in_range,
    records,
    refinements,
    source_lists,
)

__all__ = [
    "application_data",
    "applications",
    "dates_in_range",
    "records",
    "refinements",
    "source_lists",
]
