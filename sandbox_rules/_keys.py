"""Keys of input values, for results kept per the values they are a function of.

A result computed from an input (an application, a sandbox record) is kept in a bounded
``functools`` cache under a key of the values it reads; :class:`Keyed` carries the input
beside its key so that the cached function can compute from it on a miss. Numbers and flags
carry their class: ``1 == True`` but a condition may test ``is True``, so they are not the
same input.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel


def scalar_key(value: Any) -> Any:
    """``value`` with its class (None as itself)."""
    return value if value is None else (value.__class__, value)


_SCALARS = (str, int, float, date)


def value_key(value: Any) -> Any:
    """A hashable key of an input value: models (by class and field values, nested), lists
    and scalars; raises TypeError for anything else (a model with private or extra values,
    a mapping, an object the input models never hold)."""
    if value is None or isinstance(value, _SCALARS):
        return value if value is None else (value.__class__, value)
    if isinstance(value, (list, tuple)):
        return (list, tuple([value_key(v) for v in value]))
    if isinstance(value, BaseModel):
        if value.__pydantic_private__ or value.__pydantic_extra__:
            raise TypeError(f"cannot key a {type(value).__name__} with private or extra values")
        values = tuple(value.__dict__.values())
        classes = tuple(map(type, values))
        if _plain(classes):  # the common case: a model of scalars, keyed without recursion
            return (value.__class__, values, classes)
        return (value.__class__, tuple([value_key(v) for v in values]))
    raise TypeError(f"cannot key a {type(value).__name__}")


@lru_cache(maxsize=256)
def _plain(classes: tuple[type, ...]) -> bool:
    return all(c is type(None) or issubclass(c, _SCALARS) for c in classes)


def items_key(value: Any) -> Any:
    """:func:`value_key` of each item of a list (None as itself), models of scalars inline."""
    if value is None:
        return None
    if not value:
        return ()
    out = []
    for v in value:
        if _bare_model(v.__class__):
            values = tuple(v.__dict__.values())
            classes = tuple(map(type, values))
            if _plain(classes):
                out.append((v.__class__, values, classes))
                continue
        out.append(value_key(v))
    return tuple(out)


@lru_cache(maxsize=256)
def _bare_model(cls: type) -> bool:
    """Whether every instance of ``cls`` is a model whose values are all in its ``__dict__``:
    a pydantic model with no private attributes that forbids extra keys (the input models),
    so a list of them is keyed without reading the two per item."""
    if not issubclass(cls, BaseModel):
        return False
    return not cls.__private_attributes__ and cls.model_config.get("extra") == "forbid"


class Keyed:
    """An input with its key, equal to another and hashed by the key alone, so that a
    ``functools`` cache finds the result of any input of the same values."""

    __slots__ = ("_hash", "key", "value")

    def __init__(self, key: Any, value: Any) -> None:
        self._hash = hash(key)  # TypeError if a value cannot be hashed
        self.key = key
        self.value = value

    def take(self) -> Any:
        """The input, once (for the cached function on a miss): a kept key then holds only
        the values it is made of, not the input."""
        value, self.value = self.value, None
        return value

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Keyed) and self.key == other.key
