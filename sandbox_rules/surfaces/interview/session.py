"""The interview (``sandbox-rules interview FILE``): from a partial application, ask only the
questions whose answers could still change an answer of the assessment or the routing — the
missing facts of each part still undetermined — in clause order, quoting the clause; accept
"không biết"; show the answers after each reply; write the completed file back.

The file is edited with ruamel.yaml's round-trip loader when it is installed (the
``workbench`` extra), so the officer's comments and layout stay; otherwise with PyYAML, and
the comments are lost (said before writing).
"""

from __future__ import annotations

import io
import itertools
import json
import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sandbox_rules.catalogues import fold
from sandbox_rules.errors import InputValidationError, field_message
from sandbox_rules.i18n import by_name, messages, t, value_names
from sandbox_rules.surfaces.inputs import (
    _unwrap,
    allowed_values,
    dotted,
    field_label,
    resolve,
)

UNKNOWN_WORDS = {
    "khong biet",
    "chua biet",
    "khong ro",
    "?",
    "unknown",
    "don't know",
    "dont know",
    "skip",
}
# A yes/no question offers "1. có / 2. không" (a list: "1. có / 2. không có"): the number of
# the choice is an answer too, as docs/casefiles.md says.
YES = {"co", "c", "dung", "yes", "y", "true", "1"}
NO = {"khong", "k", "sai", "no", "n", "false", "0", "2"}
NONE_WORDS = {"khong co", "none", "[]"}


@dataclass(frozen=True, slots=True)
class Question:
    """One fact to ask: its field path (0-based indices), name, label and clauses."""

    path: tuple[str | int, ...]
    fact: str
    label: str
    clauses: tuple[str, ...]
    annotation: Any

    @property
    def key(self) -> str:
        return dotted(self.path)


# -- the document ---------------------------------------------------------------------------------
class Document:
    """The application file being completed, comments kept where ruamel.yaml is present."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = path.read_text(encoding="utf-8")
        try:
            from ruamel.yaml import YAML

            self._yaml: Any = YAML()
            self._yaml.preserve_quotes = True
            self._yaml.width = 4096
            self._yaml.indent(mapping=2, sequence=4, offset=2)  # "  - item", as officers write
            self.data: Any = self._yaml.load(text)
            self.keeps_comments = True
        except ImportError:
            import yaml

            self._yaml = None
            self.data = yaml.safe_load(text)
            self.keeps_comments = False
        if not isinstance(self.data, Mapping):
            raise InputValidationError.from_key("interview.not_mapping", file=str(path))
        self.root: tuple[str, ...] = ("application",) if "application" in self.data else ()
        self.loaded = self.dump()  # as read: what an answer must change for it to be written

    def application(self) -> Any:
        node = self.data
        for k in self.root:
            node = node[k]
        return _plain(node)

    def set(self, path: tuple[str | int, ...], value: Any) -> None:
        _set_in(self.data, (*self.root, *path), value, self._map)

    def get(self, path: tuple[str | int, ...]) -> Any:
        """The value at ``path`` in the application (None where it is absent)."""
        node: Any = self.data
        for k in (*self.root, *path):
            if not _has(node, k):
                return None
            node = node[k]
        return _plain(node)

    def with_value(self, path: tuple[str | int, ...], value: Any) -> Any:
        """The application as plain data with ``value`` at ``path`` (the file unchanged)."""
        data = self.application()
        _set_in(data, path, value, dict)
        return data

    def _map(self) -> Any:
        if self._yaml is not None:
            from ruamel.yaml.comments import CommentedMap

            return CommentedMap()
        return {}

    def dump(self) -> str:
        if self._yaml is not None:
            buf = io.StringIO()
            self._yaml.dump(self.data, buf)
            return buf.getvalue()
        import yaml

        out: str = yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False)
        return out


def _set_in(node: Any, full: tuple[str | int, ...], value: Any, new_map: Callable[[], Any]) -> None:
    for here, nxt in itertools.pairwise(full):
        child = node[here] if _has(node, here) else None
        if child is None:
            child = [] if isinstance(nxt, int) else new_map()
            _put(node, here, child)
        node = child
    _put(node, full[-1], value)


def _has(node: Any, key: str | int) -> bool:
    if isinstance(key, int):
        return isinstance(node, list) and key < len(node)
    return isinstance(node, Mapping) and key in node


def _put(node: Any, key: str | int, value: Any) -> None:
    if isinstance(key, int):
        while len(node) <= key:
            node.append(None)
    node[key] = value


def _plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (dates kept)."""
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None or isinstance(node, (date, str)):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return json.loads(json.dumps(node, default=str))


# -- what to ask -----------------------------------------------------------------------------------
def _cite_key(c: str) -> Any:
    from sandbox_rules.errors import SandboxRulesError
    from sandbox_rules.law.citation import Citation

    try:
        return Citation.parse(c).sort_key
    except SandboxRulesError:
        return ()


def questions(app: Any, lang: str = "vi", skip: frozenset[str] = frozenset()) -> list[Question]:
    """The facts still missing in each part that is undetermined, and for the routing if it
    is, as questions in clause order; ``skip``: keys answered "không biết"."""
    from sandbox_rules.engine import assess, route
    from sandbox_rules.facts import _INDEX, form_position, spec_for
    from sandbox_rules.models import Application

    a = assess(app)
    facts: set[str] = set()
    for part in (a.conditions, a.scope, a.plan):
        if part.answer == "undetermined":  # a decided part: no answer can change it
            facts.update(m.fact for m in part.missing_facts)
    r = route(app)
    if r.status == "undetermined":
        facts.update(r.missing)
    out: dict[str, Question] = {}
    kind = app.applicant.kind
    for fact in facts:
        spec = spec_for(fact)
        if spec is None:
            continue
        for path in _paths(spec.field, fact, app):
            loc = ("applicant", kind, *path[1:]) if path and path[0] == "applicant" else path
            _, ann, _ = resolve(Application, loc)
            q = Question(
                path,
                fact,
                field_label(path, lang) or (spec.label_vi if lang == "vi" else spec.label_en),
                spec.asked_by,
                ann,
            )
            if q.key not in skip:
                out.setdefault(q.key, q)
    return sorted(  # within a clause: the form's order
        out.values(),
        key=lambda q: (
            min((_cite_key(c) for c in q.clauses), default=()),
            form_position(_INDEX.sub("[]", q.fact)),
            dotted(q.path),
        ),
    )


def _paths(field: str, fact: str, app: Any) -> Iterator[tuple[str | int, ...]]:
    """The field path(s) of a fact: an item's index from the fact, or each item lacking it."""
    parts = field.split(".")
    if "[" in fact:  # e.g. rep.convictions[0].record_expunged
        yield tuple(_with_index(parts, int(fact[fact.index("[") + 1 : fact.index("]")])))
        return
    if not any(p.endswith("[]") for p in parts):
        yield tuple(parts)
        return
    head = parts
    i = next(i for i, p in enumerate(head) if p.endswith("[]"))
    list_path = [*head[:i], head[i][:-2]]
    rest = head[i + 1 :]
    items = app.model_dump(mode="python")
    for k in list_path:
        items = items.get(k) if isinstance(items, Mapping) else None
    for n, item in enumerate(items or []):
        value: Any = item
        for k in rest:
            value = value.get(k) if isinstance(value, Mapping) else None
        if value is None:
            yield (*list_path, n, *rest)


def _with_index(parts: list[str], idx: int) -> list[str | int]:
    out: list[str | int] = []
    for p in parts:
        if p.endswith("[]"):
            out.extend((p[:-2], idx))
        else:
            out.append(p)
    return out


# -- answers ----------------------------------------------------------------------------------------
class Unknown(Exception):
    """The answer "không biết"."""


def parse_answer(q: Question, raw: Any) -> Any:
    """The value for ``q`` from the officer's answer; raises Unknown or InputValidationError."""
    if raw is None:
        raise Unknown
    ann = _unwrap(q.annotation)
    text = raw if isinstance(raw, str) else None
    if isinstance(raw, int) and not isinstance(raw, bool):
        text = str(raw)  # the number of a choice, written without quotes in an answers file
    if text is not None and fold(text) in UNKNOWN_WORDS | {""}:
        raise Unknown
    if typing.get_origin(ann) is list:
        if raw == [] or (text is not None and fold(text) in NONE_WORDS | NO):
            return []
        if isinstance(raw, list):
            return raw
        if text is not None and fold(text) in YES:
            item = typing.get_args(ann)[0]
            return [{}] if _unwrap(item) is not str else [text]
        raise InputValidationError.from_key("interview.bad_list", given=raw)
    if ann is bool:
        if isinstance(raw, bool):
            return raw
        if text is not None and fold(text) in YES:
            return True
        if text is not None and fold(text) in NO:
            return False
        raise InputValidationError.from_key("interview.bad_bool", given=raw)
    values = allowed_values(ann)
    if values:
        if text is not None and text.strip().isdigit() and 1 <= int(text) <= len(values):
            return values[int(text) - 1]
        if str(raw) in values:
            return str(raw)
        code, several = by_name(raw, values)  # «Bộ Công an»: the name the choices show
        if code is not None:
            return code
        shown = several or values
        raise InputValidationError.from_key(
            "interview.bad_choice", given=raw, values=", ".join(_choice(v, "vi") for v in shown)
        )
    if isinstance(ann, type) and issubclass(ann, date):
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw).strip())
        except ValueError:
            try:
                d, m, y = (int(x) for x in str(raw).strip().split("/"))
                return date(y, m, d)
            except ValueError:
                raise InputValidationError.from_key("interview.bad_date", given=raw) from None
    if ann in (int, float):
        try:
            return ann(str(raw).replace(",", "."))
        except ValueError:
            raise InputValidationError.from_key("interview.bad_number", given=raw) from None
    return str(raw).strip()


def _choice(code: str, lang: str) -> str:
    """A choice as the interview shows it: its name first, then its code (for a file)."""
    names = value_names(code, lang)
    return f"{names[0]} ({code})" if names and names[0] != code else code


def hint(q: Question, lang: str = "vi") -> str:
    ann = _unwrap(q.annotation)
    if typing.get_origin(ann) is list:
        return t("interview.hint_list", lang)
    if ann is bool:
        return t("interview.hint_bool", lang)
    values = allowed_values(ann)
    if values:
        return t(
            "interview.hint_choice",
            lang,
            values=", ".join(f"{i}. {_choice(v, lang)}" for i, v in enumerate(values, 1)),
        )
    if isinstance(ann, type) and issubclass(ann, date):
        return t("interview.hint_date", lang)
    if ann in (int, float):
        return t("interview.hint_number", lang)
    return t("interview.hint_text", lang)


def quote(q: Question, lang: str = "vi", limit: int = 320) -> str:
    from sandbox_rules.errors import SandboxRulesError
    from sandbox_rules.law.citation import Citation
    from sandbox_rules.law.text import load_law

    lines = []
    for c in q.clauses:
        try:
            cit = Citation.parse(c)
            unit = load_law().resolve(cit)
            lines.append(f"{cit.vi() if lang == 'vi' else cit.en()}: «{unit.quote(limit)}»")
        except SandboxRulesError:
            continue
    return "\n".join(lines)


def status_line(app: Any, lang: str = "vi") -> str:
    """The three answers and the routing, in one line."""
    from sandbox_rules.engine import assess, route
    from sandbox_rules.surfaces.casefiles.runner import _parts

    parts = _parts(assess(app))
    r = route(app)
    auth = None
    if r.authority is not None:  # 12.1 decided, as route shows it, whatever the procedure
        auth = r.authority.title_vi if lang == "vi" else r.authority.title_en
    words = [
        f"{t(f'expect.{k}', lang)}: {messages(lang).get(f'value.{v}', v)}" for k, v in parts.items()
    ]
    words.append(
        f"{t('expect.authority', lang)}: {auth or messages(lang).get('value.undetermined', 'undetermined')}"
    )
    return " · ".join(words)


# -- the loop ------------------------------------------------------------------------------------------
#: Wrong answers in a row at the terminal before the question is treated as "không biết".
TRIES = 3


class NotAnswered(Exception):
    """The answers file holds no answer to this question: it stays empty (said as such, not
    as "không biết")."""


def _problem(exc: InputValidationError, lang: str) -> tuple[str, str | None]:
    """What is wrong with an answer, in the officer's language, and the nearest valid value."""
    if exc.errors:
        problem = "; ".join(
            field_message(e, lang) or field_message(e, "en") or "" for e in exc.errors
        )
        suggestion = next((e["suggestion"] for e in exc.errors if e.get("suggestion")), None)
        return problem, suggestion
    return exc.terminal_in(lang), None


def interview(
    doc: Document,
    ask: Callable[[Question, int], Any],
    say: Callable[[str], None],
    lang: str = "vi",
    *,
    tries: int = TRIES,
    from_file: Callable[[Question], str] | None = None,
) -> dict[str, Any]:
    """Ask until no question is left or the answers run out (``ask`` raises EOFError; it
    raises NotAnswered for a question it has no answer to).

    At the terminal a wrong answer is asked again, at most ``tries`` times, then treated as
    "không biết". With ``from_file`` (the answers come from a file; it names where the
    question's answer is, e.g. "tl.yaml, dòng 3: ") a wrong answer is reported once, with its
    place and the nearest valid value, and the question left empty: the file cannot answer
    again. Returns ``{answered, unknown, unanswered, rejected, final}``; the document holds
    the answers accepted."""
    from sandbox_rules.models import Application
    from sandbox_rules.surfaces.inputs import Located, validate

    def load(data: Any) -> Any:
        return validate(Application, Located(data, source=str(doc.path)), lang=lang)

    app = load(doc.application())
    say(t("interview.start", lang, file=str(doc.path)))
    say("→ " + status_line(app, lang))
    skipped: set[str] = set()
    answered: dict[str, Any] = {}
    unanswered: list[str] = []
    rejected: list[dict[str, Any]] = []
    limit = 1 if from_file is not None else max(1, tries)

    def result() -> dict[str, Any]:
        unknown = sorted(skipped - set(unanswered) - {r["field"] for r in rejected})
        return {
            "answered": answered,
            "unknown": unknown,
            "unanswered": unanswered,
            "rejected": rejected,
            "final": status_line(app, lang),
        }

    n = 0
    while True:
        qs = questions(app, lang, frozenset(skipped))
        if not qs:
            say(t("interview.done", lang))
            break
        q = qs[0]
        n += 1
        say("")
        say(t("interview.question", lang, n=n, left=len(qs), label=q.label, field=q.key))
        text = quote(q, lang)
        if text:
            say(text)
        for attempt in range(1, limit + 1):
            try:
                raw = ask(q, n)
            except EOFError:
                say(t("interview.eof", lang))
                # the questions still open when the answers ran out are unanswered, not done
                unanswered.extend(x.key for x in qs if x.key not in unanswered)
                return result()
            except NotAnswered:
                unanswered.append(q.key)
                skipped.add(q.key)
                break
            try:
                value = parse_answer(q, raw)
                new = load(doc.with_value(q.path, value))  # the file changes only if valid
            except Unknown:
                skipped.add(q.key)
                say(t("interview.skipped", lang))
                break
            except InputValidationError as exc:
                if from_file is not None:
                    skipped.add(q.key)
                    rejected.append(_rejection(q, raw, from_file(q), exc, say, lang))
                    break
                say(_problem(exc, lang)[0])
                if attempt == limit:
                    skipped.add(q.key)
                    say(t("interview.gave_up", lang, n=limit))
                continue
            doc.set(q.path, value)
            app = new
            answered[q.key] = value if not isinstance(value, date) else value.isoformat()
            break
        say("→ " + status_line(app, lang))
    return result()


def _rejection(
    q: Question,
    raw: Any,
    where: str,
    exc: InputValidationError,
    say: Callable[[str], None],
    lang: str,
) -> dict[str, Any]:
    """An answer of the file refused: said once, with its place and the nearest valid value."""
    problem, suggestion = _problem(exc, lang)
    say(t("interview.rejected", lang, where=where, given=raw, field=q.key))
    say("  " + problem)
    return {
        "field": q.key,
        "given": _jsonable(raw),
        "where": where,
        "problem": problem,
        "suggestion": suggestion,
    }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# -- the answers file: what it names -----------------------------------------------------------------
_STEP = re.compile(r"\s*(?:\.?\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*(-?\d+)\s*\])")


def answer_path(key: str) -> tuple[str | int, ...] | None:
    """``data_sources[2].managed_by`` as a data path (items counted from 1 in the key, from 0
    in the path); None for a key of another shape or an item numbered below 1."""
    out: list[str | int] = []
    pos = 0
    text = key.strip()
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None or m.end() == pos:
            return None
        if m.group(1) is not None:
            out.append(m.group(1))
        else:
            n = int(m.group(2))
            if n < 1:
                return None
            out.append(n - 1)
        pos = m.end()
    return tuple(out) or None


def answer_fields(app: Any) -> dict[str, tuple[str | int, ...]]:
    """Every field of ``app`` an answers file may name, by its key as the interview writes it
    (``data_sources[2].managed_by``, items counted from 1: the items the application has)."""
    from pydantic import BaseModel

    out: dict[str, tuple[str | int, ...]] = {}

    def walk(obj: BaseModel, path: tuple[str | int, ...]) -> None:
        for name, spec in type(obj).model_fields.items():
            if name == "interpretations" or (name == "kind" and path == ("applicant",)):
                continue
            value = getattr(obj, name)
            here = (*path, name)
            ann = _unwrap(spec.annotation)
            if isinstance(value, BaseModel):
                walk(value, here)
            elif isinstance(ann, type) and issubclass(ann, dict):
                continue
            else:
                out[dotted(here)] = here
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if isinstance(item, BaseModel):
                            walk(item, (*here, i))

    walk(app, ())
    return out


def nearest_field(key: str, fields: Mapping[str, Any]) -> str | None:
    """The field an answers file most likely meant by ``key`` (a slip of spelling, an item
    counted from 0)."""
    import difflib

    text = key.strip()
    if _FROM_ZERO.search(text):  # counted from 0: the same items counted from 1
        shifted = re.sub(r"\[\s*(\d+)\s*\]", lambda m: f"[{int(m.group(1)) + 1}]", text)
        if shifted in fields:
            return shifted
    found = difflib.get_close_matches(text, list(fields), n=1, cutoff=0.6)
    return found[0] if found else None


_FROM_ZERO = re.compile(r"\[\s*0\s*\]")


def question_for(path: tuple[str | int, ...], app: Any, lang: str = "vi") -> Question:
    """A question for any field of the application (to read an answer nobody asked for)."""
    from sandbox_rules.models import Application

    loc = ("applicant", app.applicant.kind, *path[1:]) if path[:1] == ("applicant",) else path
    _, ann, _ = resolve(Application, loc)
    return Question(path, "", field_label(path, lang) or dotted(path), (), ann)


def write_unasked(
    doc: Document,
    entries: Sequence[tuple[str, Any, str]],
    say: Callable[[str], None],
    lang: str = "vi",
) -> dict[str, Any]:
    """The answers of a file that no question took (``entries``: key, answer, where in the
    file): a field of the application still empty gets its answer (the officer gave it, even
    if it can no longer change an answer); a field the file already fills keeps its value; a
    key naming no field is a warning with the nearest field. Returns ``{written, kept,
    unknown_fields, rejected, final}``."""
    from sandbox_rules.facts import SPEC_BY_NAME
    from sandbox_rules.models import Application
    from sandbox_rules.surfaces.inputs import Located, validate

    def load(data: Any) -> Any:
        return validate(Application, Located(data, source=str(doc.path)), lang=lang)

    app = load(doc.application())
    out: dict[str, Any] = {"written": {}, "kept": [], "unknown_fields": [], "rejected": []}
    for key, raw, where in entries:
        fields = answer_fields(app)
        path = answer_path(key)
        spec = SPEC_BY_NAME.get(key.strip())
        if (path is None or dotted(path) not in fields) and spec and "[]" not in spec.field:
            path = answer_path(spec.field)  # a fact's name, e.g. org.staff_qualified
        if path is None or dotted(path) not in fields:
            near = nearest_field(key, fields)
            text = t("interview.unknown_field", lang, where=where, given=key)
            if near is not None:
                text += " " + t("interview.did_you_mean", lang, field=near)
            if _FROM_ZERO.search(key):
                text += " " + t("interview.counted_from_one", lang)
            say(text)
            out["unknown_fields"].append({"field": key, "where": where, "suggestion": near})
            continue
        q = question_for(path, app, lang)
        try:
            value = parse_answer(q, raw)
        except Unknown:
            continue  # "không biết": nothing to write
        except InputValidationError as exc:
            out["rejected"].append(_rejection(q, raw, where, exc, say, lang))
            continue
        current = doc.get(path)
        shown = value.isoformat() if isinstance(value, date) else value
        if current is not None:
            if _jsonable(current) != _jsonable(value):
                say(
                    t(
                        "interview.kept",
                        lang,
                        where=where,
                        field=q.key,
                        current=_jsonable(current),
                        given=raw,
                    )
                )
                out["kept"].append(q.key)
            continue
        try:
            new = load(doc.with_value(path, value))
        except InputValidationError as exc:
            out["rejected"].append(_rejection(q, raw, where, exc, say, lang))
            continue
        doc.set(path, value)
        app = new
        out["written"][q.key] = shown
        say(t("interview.unasked_written", lang, where=where, field=q.key, given=raw))
    out["final"] = status_line(app, lang)
    if out["written"]:
        say("→ " + out["final"])
    return out
