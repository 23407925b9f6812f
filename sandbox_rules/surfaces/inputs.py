"""Reading the files legal officers write: YAML with the line of every key, and validation
errors translated into the officer's language — the field named in her terms (facts.py
labels), the file's line, list items counted from 1, the nearest valid value suggested.

Shared by the case-file runner, the interview and the CLI's input path.
"""

from __future__ import annotations

import difflib
import enum
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sandbox_rules._validation import iso_form, yes_no_hint
from sandbox_rules.errors import (
    EventOrderError,
    InputValidationError,
    SandboxRulesError,
    brief,
    field_message,
    field_problem,
    input_error_class,
)
from sandbox_rules.i18n import Message, Texts, by_name, messages, t, value_names
from sandbox_rules.io import yaml12_booleans

DataPath = tuple[str | int, ...]
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x


class _Loader(_Base):  # type: ignore[misc]
    """Safe loading; a date the calendar cannot hold (2026-13-01) stays text, so validation
    reports it on its line instead of the parser failing with no line."""


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


def _float(loader: Any, node: yaml.ScalarNode) -> Any:
    # 12.1 or 9.2 is a clause, not a number: keep the text as written. A float field still
    # gets its number (pydantic reads "3.5" as 3.5).
    if _CLAUSE_LIKE.match(str(node.value)):
        return str(node.value)
    return yaml.SafeLoader.construct_yaml_float(loader, node)


_CLAUSE_LIKE = re.compile(r"^\d+\.\d+$")
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)
yaml12_booleans(_Loader)


@dataclass(frozen=True, slots=True)
class Located:
    """Parsed YAML with the 1-based line of each key and list item, by data path."""

    data: Any
    lines: Mapping[DataPath, int] = field(default_factory=dict)
    source: str = "<input>"

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, or of its nearest ancestor present in the file."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)

    def sub(self, *prefix: str | int) -> Located:
        """The part of the document under ``prefix``, with paths relative to it."""
        data = self.data
        for k in prefix:
            data = data[k]
        n = len(prefix)
        lines = {p[n:]: ln for p, ln in self.lines.items() if p[:n] == prefix}
        return Located(data, lines, self.source)


def _index(node: yaml.Node, path: DataPath, out: dict[DataPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                sub = (*path, key.value)
                out[sub] = key.start_mark.line + 1
                _index(value, sub, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = (*path, i)
            out[sub] = item.start_mark.line + 1
            _index(item, sub, out)


def parse_yaml(text: str, source: str = "<input>") -> Located:
    """Parse one YAML document keeping lines; a syntax error is an InputValidationError that
    gives the line and column."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): 1}, source)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        fields: dict[str, object] = {
            "file": source,
            "where": Message("input.line", {"line": line}) if line else "",
            "detail": exc.problem or "",
        }
        entry = {**field_problem("(file)", "input.yaml_syntax", **fields), "line": line}
        raise InputValidationError.from_key("input.yaml_syntax", errors=[entry], **fields) from None
    except yaml.YAMLError as exc:
        raise InputValidationError.from_key(
            "input.yaml_syntax", file=source, where="", detail=str(exc)
        ) from None
    finally:
        loader.dispose()
    lines: dict[DataPath, int] = {(): node.start_mark.line + 1}
    _index(node, (), lines)
    return Located(data, lines, source)


def read_yaml(path: str | Path) -> Located:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputValidationError.from_key(
            "input.unreadable", file=str(p), detail=exc.strerror or str(exc)
        ) from None
    except UnicodeDecodeError:
        raise InputValidationError.from_key("input.not_utf8", file=str(p)) from None
    return parse_yaml(text, str(p))


# -- walking a model along an error's location -----------------------------------------------
def _unwrap(ann: Any) -> Any:
    while True:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            ann = typing.get_args(ann)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            if len(args) != 1:
                return tuple(args)  # a real union: the members
            ann = args[0]
        else:
            return ann


def _is_model(ann: Any) -> bool:
    return isinstance(ann, type) and issubclass(ann, BaseModel)


def resolve(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[DataPath, Any, Any]:
    """Follow a pydantic error location through ``model``: the data path (union tags
    dropped), the annotation at the end and the one of its parent."""
    ann: Any = model
    parent: Any = None
    path: list[str | int] = []
    for part in loc:
        ann = _unwrap(ann)
        if isinstance(ann, tuple):  # a discriminated union: the location names the member
            member = next(
                (
                    m
                    for m in ann
                    if _is_model(m)
                    and m.model_fields.get("kind") is not None
                    and m.model_fields["kind"].default == part
                ),
                None,
            )
            if member is not None:
                ann = member
                continue
        if isinstance(part, int):
            path.append(part)
            args = typing.get_args(ann)
            parent, ann = (
                ann,
                (args[0] if typing.get_origin(ann) in (list, tuple) and args else None),
            )
        else:
            path.append(part)
            if _is_model(ann) and part in ann.model_fields:
                parent, ann = ann, ann.model_fields[part].annotation
            elif typing.get_origin(ann) is dict:
                parent, ann = ann, typing.get_args(ann)[1]
            else:
                parent, ann = ann, None
    return tuple(path), _unwrap(ann), _unwrap(parent)


def allowed_values(ann: Any) -> list[str]:
    """The values a field accepts, where they form a closed set."""
    ann = _unwrap(ann)
    if isinstance(ann, type) and issubclass(ann, enum.Enum):
        return [str(m.value) for m in ann]
    if typing.get_origin(ann) is typing.Literal:
        return [str(a) for a in typing.get_args(ann)]
    if ann is bool:
        return ["true", "false"]
    return []


def field_names(ann: Any) -> list[str]:
    ann = _unwrap(ann)
    if isinstance(ann, tuple):
        return sorted({n for m in ann if _is_model(m) for n in m.model_fields})
    return list(ann.model_fields) if _is_model(ann) else []


def nearest(given: object, choices: Sequence[str]) -> str | None:
    """The valid value closest to ``given``: by spelling, or by its Vietnamese name
    ("tổ chức" -> organisation, from the tables' ``value.*`` names)."""
    if not isinstance(given, str) or not choices:
        return None
    from sandbox_rules.catalogues import fold

    by_name = {fold(messages("vi").get(f"value.{c}", "")): c for c in choices}
    by_name.pop("", None)
    if fold(given) in by_name:
        return by_name[fold(given)]
    # the words of one name only: "gia hạn" -> extended ("đã gia hạn")
    words = f" {fold(given)} "
    within = {c for name, c in by_name.items() if len(words) > 4 and words in f" {name} "}
    if len(within) == 1:
        return within.pop()
    ends = [c for c in choices if given.strip() and c.endswith("-" + given.strip())]
    if len(ends) == 1:  # "12.4" -> "issuance-12.4"
        return ends[0]
    found = difflib.get_close_matches(given, list(choices), n=1, cutoff=0.5)
    if not found:
        low = {c.lower(): c for c in choices}
        found = difflib.get_close_matches(given.lower(), list(low), n=1, cutoff=0.5)
        return low[found[0]] if found else None
    return found[0]


@cache
def _labels() -> dict[str, tuple[str, str]]:
    from sandbox_rules.facts import SPECS

    out = {s.field: (s.label_vi, s.label_en) for s in SPECS}
    for key in messages("vi"):  # the tables name the fields facts.py does not, or better
        if key.startswith("field."):
            name = key[len("field.") :]
            out[name] = (messages("vi")[key], messages("en").get(key, name))
    return out


def field_label(path: Sequence[str | int], lang: str = "vi") -> str | None:
    """The field's name in the officer's terms (facts.py labels, then the i18n tables)."""
    key = ".".join("[]" if isinstance(p, int) else p for p in path).replace(".[]", "[]")
    found = _labels().get(key)
    if found is None:
        return None
    return found[0] if lang == "vi" else found[1]


def show_path(path: Sequence[str | int], lang: str = "vi") -> str:
    """``data_sources, mục thứ 2, managed_by``: items counted from 1."""
    if not path:
        return t("input.root", lang)
    parts = [t("input.item", lang, n=p + 1) if isinstance(p, int) else p for p in path]
    return ", ".join(parts)


def _body_suggestion(given: object) -> str | None:
    from sandbox_rules.catalogues import catalogue, fold

    if not isinstance(given, str):
        return None
    bodies = catalogue().bodies.values()
    by_fold = {fold(b.name): b.name for b in bodies}
    within = [name for key, name in by_fold.items() if fold(given) and fold(given) in key]
    if len(within) == 1:  # "Ngân hàng Nhà nước" -> "Ngân hàng Nhà nước Việt Nam"
        return within[0]
    hit = difflib.get_close_matches(fold(given), list(by_fold), n=1, cutoff=0.6)
    return by_fold[hit[0]] if hit else None


def iso_hint(value: object, lang: str = "vi") -> str:
    """ " Có phải ý bạn là «2026-03-01»?" for a day written dd/mm/yyyy; empty otherwise."""
    found = iso_form(value)
    return " " + t("validation.suggest", lang, value=found) if found else ""


# A validator's error of the library told in the officer's terms: an unknown body with the
# nearest one in the catalogue, the planned period with both fields' names.
_VALUE_ERROR_KEYS = {
    "error.catalogue.unknown_body": "validation.unknown_body",
    "error.end_before_start": "validation.end_before_start",
}


def translate(
    model: type[BaseModel],
    exc: ValidationError,
    located: Located | None = None,
    *,
    root: DataPath = (),
    lang: str = "vi",
) -> list[dict[str, Any]]:
    """Each pydantic error as ``{field, path, line, type, problem, problem_vi, problem_en,
    suggestion}`` — the problem in the officer's language, the path as in her file."""
    from sandbox_rules._validation import pydantic_errors

    out = []
    for raw in pydantic_errors(exc):
        err: dict[str, Any] = dict(raw)
        path, ann, parent = resolve(model, err["loc"])
        _recover(err, located, (*root, *path), ann)
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            path = (*path, str((err.get("ctx") or {}).get("discriminator", "kind")).strip("'"))
        full = (*root, *path)
        entry: dict[str, Any] = {
            "field": ".".join(str(p) for p in full) or "(root)",
            "loc": list(full),
            "line": located.line(full) if located else None,
            "type": err["type"],
            "input": err.get("input")
            if isinstance(err.get("input"), (str, int, float, bool))
            else None,
        }
        error = (err.get("ctx") or {}).get("error")
        if err["type"] == "value_error" and isinstance(error, SandboxRulesError):
            entry["code"] = error.code  # the validator's own error: its code (an interpretation)
        for lg in ("vi", "en"):
            problem, suggestion = _problem(err, path, ann, parent, lg)
            entry[f"problem_{lg}"] = problem
            if lg == lang:
                entry["msg"] = problem
                entry["suggestion"] = suggestion
        out.append(entry)
    out.sort(key=lambda e: e["line"] or 0)
    return out


_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*$")


def _recover(err: dict[str, Any], located: Located | None, full: DataPath, ann: Any) -> None:
    """Inputs that hide the offending value (hide_input) still have it in the file: take it
    from there, and the union's tags and a limit from the message, so the officer is told
    what she wrote and what is valid."""
    if "input" not in err and located is not None:
        value: Any = located.data
        for k in full:
            try:
                value = value[k]
            except (KeyError, IndexError, TypeError):
                value = None
                break
        if isinstance(value, Mapping) and err["type"].startswith("union_tag"):
            value = value.get("kind")
        err["input"] = value
    ctx = dict(err.get("ctx") or {})
    msg = str(err.get("msg", ""))
    if err["type"].startswith("union_tag") and "expected_tags" not in ctx:
        tags = msg.split("expected tags:", 1)[1] if "expected tags:" in msg else ""
        ctx.setdefault("expected_tags", tags)
        ctx.setdefault("tag", err.get("input"))
        ctx.setdefault("discriminator", "kind")
    if err["type"] in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        m = _NUMBER.search(msg)
        key = {"greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le"}.get(
            err["type"], "lt"
        )
        if m and key not in ctx:
            ctx[key] = m.group(1)
    err["ctx"] = ctx


def dotted(path: Sequence[str | int]) -> str:
    """``data_sources[1].managed_by``: list items counted from 1, as an officer counts."""
    text = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in path)
    return text.lstrip(".") or "(root)"


#: The fields of a request body (surfaces/server) that hold a whole input of its own: the
#: labels of the fields under them are the input's.
_WRAPPERS = ("application", "record")


def _problem(
    err: Mapping[str, Any], path: DataPath, ann: Any, parent: Any, lang: str
) -> tuple[str, str | None]:
    kind = err["type"]
    written = err.get("input")
    given = written
    if not isinstance(given, (str, int, float, bool, type(None))):
        given = brief(given)  # said in the message: a list, or an object, by its bounded repr
    ctx = err.get("ctx") or {}
    name = str(path[-1]) if path else ""
    suggestion: str | None = None
    choices: list[str] = []
    if kind == "missing":
        text = t("validation.missing", lang, name=name)
    elif kind == "extra_forbidden":
        choices = field_names(parent)
        suggestion = nearest(name, choices)
        text = t("validation.extra_forbidden", lang, name=name)
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        choices = [c.strip(" '") for c in str(ctx.get("expected_tags", "")).split(",") if c.strip()]
        tag = ctx.get("tag")
        if kind == "union_tag_not_found" or isinstance(tag, (Mapping, list)):
            # no kind written: the group of fields is not "the kind given" (never a dict shown)
            text = t(
                "validation.missing",
                lang,
                name=str(ctx.get("discriminator") or "kind").strip("'\""),
            )
        else:
            suggestion = nearest(tag, choices)
            text = t(
                "validation.union_tag", lang, given=str(tag) if tag is not None else "", name=name
            )
    elif kind in ("enum", "literal_error"):
        choices = allowed_values(ann)
        _, several = by_name(written, choices)
        text = t("validation.enum", lang, given=given)
        if several:  # a name of more than one value: the candidates, never a guess
            choices = [f"{c} («{value_names(c)[0]}»)" for c in several]
            text += ". " + t("validation.ambiguous_name", lang)
        else:
            suggestion = nearest(written, choices)
    elif kind in ("bool_parsing", "bool_type"):
        text = t("validation.bool", lang, given=given)
        suggestion = yes_no_hint(written)  # «yes» -> «có»: an English word is not guessed
    elif kind.startswith(("date", "datetime")):
        text = t("validation.date", lang, given=given)
        suggestion = iso_form(written)  # «01/03/2026» -> «2026-03-01»
    elif kind == "int_from_float":  # a number, not a whole one: «1.5» months
        text = t("validation.whole_number", lang, given=given)
    elif kind == "finite_number":  # YAML .nan / .inf, a float NaN, 1e400 in JSON
        text = t("validation.finite_number", lang, given=given)
    elif kind.startswith(("int", "float")):
        text = t("validation.number", lang, given=given)
    elif kind == "too_long":  # a resource limit (docs/errors.md: Limits)
        actual = ctx.get("actual_length")
        if actual is None and isinstance(written, (list, tuple, dict)):
            actual = len(written)
        text = t("validation.too_long", lang, limit=ctx.get("max_length", "?"), actual=actual)
    elif kind == "string_too_long":
        text = t("validation.string_too_long", lang, limit=ctx.get("max_length", "?"))
    elif kind in ("greater_than_equal", "greater_than"):
        text = t("validation.ge", lang, limit=ctx.get("ge", ctx.get("gt")), given=given)
    elif kind in ("less_than_equal", "less_than"):
        text = t("validation.le", lang, limit=ctx.get("le", ctx.get("lt")), given=given)
    elif kind in ("list_type", "tuple_type", "set_type"):
        text = t("validation.list", lang)
        if isinstance(written, dict) and written:
            text += t("validation.list_as_mapping", lang)  # "a: 1" for "- a: 1"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        text = t("validation.mapping", lang)
        if (
            isinstance(written, list)
            and written
            and all(isinstance(i, dict) and len(i) == 1 for i in written)
        ):
            text += t("validation.mapping_as_list", lang)  # "- a: 1" for "a: 1"
    elif kind == "string_type":
        text = t("validation.string", lang)
    elif kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, SandboxRulesError) and error.key is not None:
            # The library's own validators raise keyed errors: said in ``lang``.
            key = _VALUE_ERROR_KEYS.get(error.key)
            if key == "validation.unknown_body":
                suggestion = _body_suggestion(written)
            elif isinstance(error.fields.get("suggestion"), str):  # the validator's nearest
                suggestion = str(error.fields["suggestion"])
            text = t(key, lang, given=given) if key else error.message_in(lang)
        else:  # another library's words (English), quoted
            text = t("validation.other", lang, detail=str(error or err.get("msg", "")))
    else:
        text = t("validation.other", lang, detail=err.get("msg", kind))
    label = field_label(path, lang)
    if label is None and len(path) > 1 and path[0] in _WRAPPERS:
        label = field_label(path[1:], lang)  # an application inside a request's body
    if label:
        text = f"{text} ({label})"
    if suggestion is not None:
        text += ". " + t("validation.suggest", lang, value=suggestion)
    elif choices and kind != "extra_forbidden":
        text += ". " + t("validation.allowed", lang, values=", ".join(choices))
    return text, suggestion


def validate(
    model: type[BaseModel],
    located: Located,
    *,
    root: DataPath = (),
    lang: str = "vi",
    what: str | None = None,
    source: object = None,
) -> Any:
    """``model.model_validate`` of the part of ``located`` under ``root``; errors become one
    InputValidationError listing every problem with its line (``msg`` in ``lang``). ``what``:
    the input's name, a key of the tables; ``source``: where it came from, if not the
    file's name (a message, e.g. a batch's line)."""
    data = located.data
    for k in root:
        data = data[k]
    try:
        return model.model_validate(data)
    except ValidationError as first:
        exc = first
    named = _by_names(model, data, exc)  # «Bộ Công an» for ministry_of_public_security
    if named is not None:
        try:
            return model.model_validate(named)
        except ValidationError as again:
            exc, data = again, named
    errors = translate(model, exc, located, root=root, lang=lang)
    errors += _behind_wrong_kinds(model, data, errors, located, root, lang)
    errors = _fields_of_another_kind(model, data, exc, errors, located, root, lang)
    errors.sort(key=lambda e: e["line"] or 0)
    raise invalid(errors, located.source if source is None else source, what)


def _by_names(model: type[BaseModel], data: Any, exc: ValidationError) -> Any:
    """A copy of ``data`` with each coded value written as its Vietnamese name (as the
    tables print it, by_name) replaced by its code; None when there is none."""

    from sandbox_rules._validation import pydantic_errors

    found = []
    for err in pydantic_errors(exc):  # pydantic's locations: the union tags name the kinds
        if err["type"] == "union_tag_invalid":  # a kind written as its name: «tổ chức»
            path = resolve(model, err["loc"])[0]
            ctx = dict(err.get("ctx") or {})
            msg = str(err.get("msg", ""))
            listed = ctx.get("expected_tags") or msg.partition("expected tags:")[2]
            tags = [c.strip(" '\"") for c in str(listed).split(",") if c.strip(" '\"")]
            key = str(ctx.get("discriminator") or "kind").strip("'\"")
            code, _ = by_name(_at(data, (*path, key)), tags)
            if code is not None:
                found.append(((*path, key), code))
            continue
        if err["type"] not in ("enum", "literal_error"):
            continue
        path, ann, _ = resolve(model, err["loc"])
        value = err["input"] if "input" in err else _at(data, path)
        code, _ = by_name(value, allowed_values(ann))
        if code is not None:
            found.append((path, code))
    return _patched(data, found) if found else None


def _patched(
    data: Any, changes: Sequence[tuple[DataPath, Any]], *, in_mapping: bool = False
) -> Any:
    """A copy of ``data`` with the value at each path replaced; None where a path does not
    lead into the data (or, with ``in_mapping``, not into a mapping)."""
    import copy

    patched = copy.deepcopy(data)
    for path, value in changes:
        node = patched
        for k in path[:-1]:
            try:
                node = node[k]
            except (KeyError, IndexError, TypeError):
                return None
        if in_mapping and not isinstance(node, dict):
            return None
        try:
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            return None
    return patched


def _at(data: Any, path: DataPath) -> Any:
    for k in path:
        try:
            data = data[k]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def event_at(
    located: Located, path: DataPath, n: int, source: object
) -> tuple[Message, int | None]:
    """Where an event is written, as a refusal of it names it: the file ``source``, the
    event's line (``path``: where it is in the file) and its item among the events counted
    from 1 (``n``: its place, from 0); and the line, None where the file does not say it."""
    item = Message("input.item", {"n": n + 1})
    line = located.lines.get(tuple(path))
    if line is None:
        return Message("cli.event_at", {"file": source, "item": item}), None
    return Message("cli.event_at_line", {"file": source, "line": line, "item": item}), line


def order_at(
    exc: EventOrderError, located: Located, events: DataPath, source: object
) -> EventOrderError:
    """A timeline's events refused for their order (``exc``) naming the line of the event
    written too early and its item among the timeline's ``events`` (their path in the file),
    as an invalid transition names its event; unchanged where the file has no lines."""
    written = _at(located.data, events)
    names = list(written) if isinstance(written, Mapping) else []
    if not located.lines or exc.first not in names:
        return exc
    path = (*events, exc.first)
    where, line = event_at(located, path, names.index(exc.first), source)
    return exc.at(where, path, line)


def invalid(
    errors: Sequence[dict[str, Any]],
    source: object,
    what: str | None = None,
    key: str = "input.invalid",
    notes: Sequence[Message] = (),
    **more: object,
) -> InputValidationError:
    """One InputValidationError for the problems of an officer's file: the message ``key``
    of the tables (its fields: ``file``, ``what``, the input's name as a key of the tables,
    ``count``, ``problems``, a line per problem with its line in the file, then ``notes``,
    and ``more``), said in each language from each problem's ``problem_vi``/``problem_en``."""

    def problems(lang: str) -> str:  # for the terminal: one a line
        return _lines(errors, lang) + "".join("\n  " + n.render(lang) for n in notes)

    def one_line(lang: str) -> str:  # for programs (``message``): one line
        said = [_one(e, lang) for e in errors] + [n.render(lang) for n in notes]
        return ": " + "; ".join(said) if said else ""

    fields = {
        "file": source,
        "what": Message(what or "input.data", {}),
        "count": len(errors),
        "problems": Texts(one_line("vi"), one_line("en")),
        **more,
    }
    error = input_error_class(errors).from_key(key, errors=errors, **fields)
    error._terminal = {**fields, "problems": Texts(problems("vi"), problems("en"))}
    return error


def _one(e: Mapping[str, Any], lang: str) -> str:
    """A problem as the terminal's line says it, without its padding: ``line 3 applicant,
    staff_qualified: …`` (the problems of a message joined by "; ")."""
    where = t("input.line", lang, line=e["line"]) + " " if e.get("line") else ""
    return f"{where}{show_path(e['loc'], lang)}: {field_message(e, lang) or e['msg']}"


def together(
    failures: Sequence[InputValidationError], source: object, what: str | None = None
) -> InputValidationError:
    """One error for the problems of several parts of one file (an application, a record, a
    ``compliance:`` table…), every one on its line and all in the file's order, so an officer
    reads them top-down and fixes the file once; a part's error alone, or one naming no field
    (a part missing), as it is."""
    if len(failures) == 1 or any(not exc.errors for exc in failures):
        return failures[0]
    errors = [dict(e) for exc in failures for e in exc.errors]
    errors.sort(key=lambda e: e.get("line") or 0)
    return invalid(errors, source, what)


def _behind_wrong_kinds(
    model: type[BaseModel],
    data: Any,
    errors: Sequence[Mapping[str, Any]],
    located: Located,
    root: DataPath,
    lang: str,
) -> list[dict[str, Any]]:
    """The problems a wrong ``kind`` hides. Pydantic checks nothing else of a part whose
    kind it does not know, so an officer who fixed the kind would be shown a second wave of
    errors; instead the part is checked once more as the nearest kind, and what that finds
    under it is reported now, each saying which kind it assumed."""
    wrong = [
        (tuple(e["loc"][len(root) :]), e["suggestion"])
        for e in errors
        if e["type"] in ("union_tag_invalid", "union_tag_not_found") and e.get("suggestion")
    ]
    if not wrong:
        return []
    return _as_kinds(model, data, wrong, located, root, lang)


def _as_kinds(
    model: type[BaseModel],
    data: Any,
    wrong: Sequence[tuple[DataPath, str]],
    located: Located,
    root: DataPath,
    lang: str,
    skip: Sequence[tuple[DataPath, str]] = (),
) -> list[dict[str, Any]]:
    """The problems under each part of ``wrong`` (the path of its ``kind``, the kind meant)
    when the part is checked as that kind, each saying which kind it assumed; ``skip``: the
    (path, type) of problems already reported."""
    patched = _with_kinds(data, wrong)
    if patched is None:
        return []
    try:
        model.model_validate(patched)
    except ValidationError as exc:
        found = exc
    else:
        return []
    again = translate(model, found, located, root=root, lang=lang)
    out = []
    for e in again:
        loc = tuple(e["loc"][len(root) :])
        if (loc, e["type"]) in skip:
            continue
        for tag_loc, kind in wrong:
            part = tag_loc[:-1]
            if loc[: len(part)] == part and loc != tag_loc:
                said = {
                    lg: f"{e[f'problem_{lg}']} "
                    f"({t('validation.assuming_kind', lg, name=tag_loc[-1], value=kind)})"
                    for lg in ("vi", "en")
                }
                out.append(
                    {
                        **e,
                        "msg": said[lang],
                        "problem_vi": said["vi"],
                        "problem_en": said["en"],
                        "assumed_kind": kind,
                    }
                )
                break
    return out


def _union_at(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[int, Any] | None:
    """Where ``loc`` (a pydantic error location) enters a union chosen by ``kind``: the index
    of the tag in ``loc`` and the union's members; the last such union, None if none."""
    found = None
    for i, part in enumerate(loc):
        _, ann, _ = resolve(model, loc[:i])
        if isinstance(ann, tuple) and any(
            _is_model(m) and getattr(m.model_fields.get("kind"), "default", None) == part
            for m in ann
        ):
            found = (i, ann)
    return found


def _fields_of_another_kind(
    model: type[BaseModel],
    data: Any,
    exc: ValidationError,
    errors: list[dict[str, Any]],
    located: Located,
    root: DataPath,
    lang: str,
) -> list[dict[str, Any]]:
    """Fields "not in the form" that are all the fields of another kind of the same part (a
    company filed with ``kind: individual``): each error points at ``kind`` on its line as
    the likely cause, instead of suggesting a field of the kind written. When at least half
    of them are fields of the other kind, the rest (misspelt) get the nearest field of that
    kind, and the values of the part are checked as that kind too (what fixing ``kind``
    alone would show next)."""
    groups: dict[tuple[DataPath, str], list[str]] = {}
    members: dict[tuple[DataPath, str], Any] = {}
    from sandbox_rules._validation import pydantic_errors

    for raw in pydantic_errors(exc):  # pydantic's locations: the union tags name the kinds
        if raw["type"] != "extra_forbidden":
            continue
        found = _union_at(model, raw["loc"])
        if found is None:
            continue
        i, union = found
        part, _, _ = resolve(model, raw["loc"][:i])
        key = (part, str(raw["loc"][i]))
        groups.setdefault(key, []).append(str(raw["loc"][-1]))
        members[key] = union
    hints: dict[tuple[str | int, ...], dict[str, str]] = {}  # each said in both languages
    nearer: dict[tuple[str | int, ...], str] = {}  # a misspelt field: the other kind's nearest
    meant: list[tuple[DataPath, str]] = []  # each part's kind path and the kind it seems
    for (part, given), names in groups.items():
        others = [
            m
            for m in members[(part, given)]
            if _is_model(m)
            and m.model_fields["kind"].default != given
            and 2 * sum(n in m.model_fields for n in names) >= len(names)
            and any(n in m.model_fields for n in names)
        ]
        if len(others) != 1:
            continue
        kind = str(others[0].model_fields["kind"].default)
        meant.append(((*part, "kind"), kind))
        for n in names:
            if n not in others[0].model_fields:
                near = nearest(n, [f for f in others[0].model_fields if f != "kind"])
                if near is not None:
                    nearer[(*root, *part, n)] = near
        line = located.line((*root, *part, "kind"))
        note = {
            lg: t(
                "validation.fields_of_kind",
                lg,
                kind=kind,
                kind_name=messages(lg).get(f"value.{kind}", kind),
                given=given,
                line=line if line is not None else "?",
            )
            for lg in ("vi", "en")
        }
        for n in names:
            hints[(*root, *part, n)] = note
    if not hints:
        return errors
    out = []
    for e in errors:
        hint = hints.get(tuple(e["loc"])) if e["type"] == "extra_forbidden" else None
        if hint is None:
            out.append(e)
            continue
        said = {}
        near = nearer.get(tuple(e["loc"]))
        for lg in ("vi", "en"):
            msg = str(e[f"problem_{lg}"])
            if e.get("suggestion"):  # a field of the kind written is not what was meant
                msg = msg.split(". " + t("validation.suggest", lg, value=e["suggestion"]))[0]
            said[lg] = f"{msg} ({hint[lg]})"
            if near is not None:  # legal_rep -> legal_representative, of the kind meant
                said[lg] += ". " + t("validation.suggest", lg, value=near)
        out.append(
            {
                **e,
                "msg": said[lang],
                "problem_vi": said["vi"],
                "problem_en": said["en"],
                "suggestion": near,
                "kind_hint": hint[lang],
            }
        )
    if meant:  # the values under the kind meant: checked now, not after the kind is fixed
        skip = [(tuple(e["loc"][len(root) :]), str(e["type"])) for e in errors]
        misspelt = {(*k[:-1], v) for k, v in nearer.items()}
        more = _as_kinds(model, data, meant, located, root, lang, skip)
        out += [e for e in more if not (e["type"] == "missing" and tuple(e["loc"]) in misspelt)]
    return out


def _with_kinds(data: Any, wrong: Sequence[tuple[DataPath, str]]) -> Any:
    """A copy of ``data`` with each wrong kind (by its path) replaced by the nearest one;
    None where a path does not lead to a mapping (nothing to check again)."""
    return _patched(data, wrong, in_mapping=True)


def render_errors(
    errors: Sequence[Mapping[str, Any]], source: str, lang: str = "vi", what: str | None = None
) -> str:
    """The problems of a file as the command line shows them (``what``: a key of the tables)."""
    what_ = Message(what or "input.data", {})
    problems = _lines(errors, lang)
    return t("input.invalid", lang, file=source, what=what_, count=len(errors), problems=problems)


def _lines(errors: Sequence[Mapping[str, Any]], lang: str) -> str:
    out = []
    for e in errors:
        where = t("input.line", lang, line=e["line"]) if e.get("line") else ""
        path = show_path(e["loc"], lang)
        out.append(f"\n  {where:<9} {path}: {field_message(e, lang) or e['msg']}")
    return "".join(out)
