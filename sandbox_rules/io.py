"""Reading input documents (YAML, JSON, TOML) within bounded resources.

One loader for the CLI and the Python API: a size limit (``DEFAULT_MAX_BYTES``, configurable
per call), UTF-8 only, no binary, YAML aliases refused (a small file cannot expand into a
large one: the "billion laughs"), nesting depth and node count capped. Every failure is a
typed :class:`~sandbox_rules.errors.DocumentFormatError` or
:class:`~sandbox_rules.errors.InputTooLargeError` naming the file.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from sandbox_rules.errors import DocumentFormatError, InputTooLargeError, brief

#: Largest input file read by default (bytes): an application is a few kilobytes, a record
#: with a thousand events about 60 KB.
DEFAULT_MAX_BYTES = 256 * 1024
#: Deepest nesting of mappings and lists, and most values, in one document.
MAX_DEPTH = 64
MAX_NODES = 200_000

FORMATS = ("yaml", "json", "toml")


def format_of(path: str | os.PathLike[str]) -> str:
    """The format a file's suffix names: .yaml/.yml, .toml, otherwise JSON."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "toml" if suffix == ".toml" else "json"


def read_bounded(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing a file larger than ``max_bytes`` before reading it."""
    if not isinstance(path, (str, os.PathLike)):
        from sandbox_rules.i18n import Term

        raise DocumentFormatError.from_key(
            "error.io.path_type", kind=Term("type", type(path).__name__)
        )
    name = brief(os.fspath(path), 200)
    if type(max_bytes) is not int or max_bytes < 1:
        raise DocumentFormatError.from_key("error.io.max_bytes", given=brief(max_bytes))
    size = 0
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            # A pipe or a growing file has no reliable size: read at most one byte too many.
            raw = b"" if size > max_bytes else fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise DocumentFormatError.from_key("error.directory", name=name) from None
    except FileNotFoundError:  # said in the tables' words, not the system's (English)
        raise DocumentFormatError.from_key("error.no_such_file", name=name) from None
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise DocumentFormatError.from_key("error.cannot_read", name=name, detail=detail) from None
    except ValueError as exc:  # e.g. an embedded NUL byte in the path
        raise DocumentFormatError.from_key(
            "error.cannot_read", name=name, detail=str(exc)
        ) from None
    if size > max_bytes or len(raw) > max_bytes:
        raise InputTooLargeError.from_key(
            "error.io.file_too_large", name=name, size=max(size, len(raw)), limit=max_bytes
        )
    return raw


def load_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    format: str | None = None,
) -> Any:
    """Read and parse the document at ``path`` (format from the suffix unless given)."""
    raw = read_bounded(path, max_bytes)
    return parse_document(raw, format or format_of(path), name=os.fspath(path), max_bytes=max_bytes)


def parse_document(
    text: str | bytes,
    format: str = "yaml",
    *,
    name: str = "<text>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """Parse YAML, JSON or TOML text within the same bounds as :func:`load_document`.

    An empty document (nothing but blanks or comments) is refused: no input is empty."""
    label = brief(name, 200)
    if format not in FORMATS:
        raise DocumentFormatError.from_key(
            "error.io.format", formats=", ".join(FORMATS), given=brief(format)
        )
    if isinstance(text, (bytes, bytearray)):
        if len(text) > max_bytes:
            raise InputTooLargeError.from_key("error.io.bytes", name=label, limit=max_bytes)
        if b"\x00" in text:
            raise DocumentFormatError.from_key("error.binary", name=label, format=format.upper())
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentFormatError.from_key(
                "error.io.not_utf8",
                name=label,
                byte=exc.start,
                sample=brief(exc.object[exc.start : exc.start + 4]),
            ) from None
    elif not isinstance(text, str):
        from sandbox_rules.i18n import Term

        raise DocumentFormatError.from_key(
            "error.io.text_type", kind=Term("type", type(text).__name__)
        )
    elif len(text) > max_bytes:
        raise InputTooLargeError.from_key("error.io.characters", name=label, limit=max_bytes)
    elif "\x00" in text:
        raise DocumentFormatError.from_key("error.binary", name=label, format=format.upper())
    try:
        if format == "yaml":
            data = load_yaml(text, label)
        elif format == "json":
            data = loads_json(text, label)
        else:
            import tomllib

            data = tomllib.loads(text)
    except (DocumentFormatError, InputTooLargeError):
        raise
    except RecursionError:
        raise InputTooLargeError.from_key("error.too_deep", name=label, depth=MAX_DEPTH) from None
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError, tomllib.TOMLDecodeError
        detail = str(exc).replace("\n", " ")
        if len(detail) > 300:
            detail = detail[:299] + "…"
        raise DocumentFormatError.from_key(
            "error.not_valid", name=label, format=format.upper(), detail=detail
        ) from None
    if data is None:
        raise DocumentFormatError.from_key("error.empty", name=label)
    check_shape(data, label)
    return data


def loads_json(text: str | bytes, label: object) -> Any:
    """Strict JSON (RFC 8259): a key given twice in an object (:func:`unique_keys`) and NaN or
    Infinity, which are not JSON numbers, are refused as DocumentFormatError (keys
    ``error.duplicate_key``, ``error.json_constant``); a text that is not JSON raises
    ``json``'s own ValueError. Bytes must be UTF-8 (else a UnicodeDecodeError); a leading
    byte-order mark is dropped."""
    if isinstance(text, (bytes, bytearray)):
        # a byte-order mark is not part of the JSON (RFC 8259 §8.1 lets a reader ignore it),
        # as files are read (utf-8-sig); UnicodeDecodeError is a ValueError
        text = bytes(text).decode("utf-8-sig")
    else:
        text = text.removeprefix("\ufeff")

    def not_json(constant: str) -> Any:
        raise DocumentFormatError.from_key("error.json_constant", name=label, constant=constant)

    return json.loads(text, object_pairs_hook=unique_keys(label), parse_constant=not_json)


def unique_keys(label: object) -> Any:
    """A JSON object hook that refuses a key given twice (``json`` would keep the last value
    without a word: two answers to one question, from a system that wrote both)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) < len(items):
            seen: set[str] = set()
            key = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            raise _duplicate(label, key, None)
        return out

    return pairs


def _duplicate(label: object, key: object, line: int | None) -> DocumentFormatError:
    from sandbox_rules.i18n import Message

    where = Message("error.duplicate_key_line", {"line": line}) if line is not None else ""
    return DocumentFormatError.from_key(
        "error.duplicate_key", name=label, key=str(key)[:60], where=where
    )


def check_shape(data: Any, label: object) -> None:
    """Depth and size limits (MAX_DEPTH nested mappings and lists, MAX_NODES values) of
    parsed data, checked without recursion: InputTooLargeError beyond them."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    nodes = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise InputTooLargeError.from_key("error.io.values", name=label, limit=MAX_NODES)
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_DEPTH:  # the root's mapping or list is level 1
            raise InputTooLargeError.from_key("error.too_deep", name=label, depth=MAX_DEPTH)
        stack.extend((c, depth + 1) for c in children)


#: YAML 1.2's booleans (true/false in any of its three cases): YAML 1.1's yes/no/on/off/y/n
#: stay text, so a yes/no field written «yes» is refused with a suggestion instead of being
#: read as true without a word (docs/errors.md).
_BOOL_12 = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def yaml12_booleans(loader: Any) -> None:
    """Make ``loader`` (a PyYAML loader class) resolve only YAML 1.2's booleans."""
    resolvers = {}
    for first, entries in loader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in entries if tag != "tag:yaml.org,2002:bool"]
        if first in "tTfF":
            kept.append(("tag:yaml.org,2002:bool", _BOOL_12))
        resolvers[first] = kept
    for first in "tTfF":
        resolvers.setdefault(first, [("tag:yaml.org,2002:bool", _BOOL_12)])
    loader.yaml_implicit_resolvers = resolvers


def _yaml_loader() -> Any:
    import yaml

    global _LOADER
    if _LOADER is None:
        base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc]
            """Safe loading with YAML 1.2's booleans only; a key given twice is refused."""

            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                keys: set[Any] = set()
                for key_node, _ in node.value:
                    key = self.construct_object(key_node, deep=deep)
                    try:
                        repeated = key in keys
                    except TypeError:  # a key that cannot be hashed: the base refuses it
                        break
                    if repeated:
                        line = key_node.start_mark.line + 1 if key_node.start_mark else None
                        raise _duplicate(self.name_label, key, line)
                    keys.add(key)
                return super().construct_mapping(node, deep=deep)

        yaml12_booleans(Loader)
        _LOADER = Loader
    return _LOADER


_LOADER: Any = None


def load_yaml(text: str, label: object = "'<text>'") -> Any:
    """Safe YAML, checked first as a stream of events (nothing is built): an alias is
    refused and nesting is capped before anything could expand. LibYAML when present."""
    import yaml
    from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

    loader = _yaml_loader()
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, AliasEvent):
            raise DocumentFormatError.from_key(
                "error.yaml_alias",
                name=label,
                anchor=str(event.anchor)[:40],
                line=event.start_mark.line + 1 if event.start_mark else "?",
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputTooLargeError.from_key("error.too_deep", name=label, depth=MAX_DEPTH)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    reader = loader(text)
    reader.name_label = label  # for its errors (a key given twice)
    try:
        return reader.get_single_data()
    finally:
        reader.dispose()
