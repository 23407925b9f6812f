"""The command line's edges: reading input files and stdin, writing output files, JSON text,
and terminals that cannot show Vietnamese. Every failure is a typed error, never a traceback;
its message is a key of the tables (``io.*``), so it is said in whichever language the
command prints (``message_in``) and is English in ``--json``.

Kept apart from ``cli.py`` so the commands read as what they compute.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sandbox_rules.errors import (
    InputFileError,
    InputFileTooLargeError,
    InputTooLargeError,
    OutputPathError,
)

# The largest input the CLI reads (a file or stdin); an application is a few KB.
MAX_INPUT_BYTES = 8 * 1024 * 1024
_SAMPLE_VI = "Điều ữ đ —"


def message(key: str, lang: str, /, **fields: object) -> str:
    """The interface message ``key`` in ``lang`` from the message tables (sandbox_rules.i18n,
    ``vi.toml`` and ``en.toml``). The tables are imported and read on the first message, not
    when the CLI is imported."""
    from sandbox_rules.i18n import t as _message

    return _message(key, lang, **fields)


def short(value: str, limit: int = 120) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# -- terminals ---------------------------------------------------------------------------------
_ASCII_FALLBACK = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "—": "-",
        "–": "-",
        "−": "-",
        "→": "->",
        "…": "...",
        "≤": "<=",
        "≥": ">=",
        "≡": "==",
        "“": '"',
        "”": '"',
        "✓": "+",
        "✗": "x",
        "§": "S",
        "¶": "P",
    }
)


def transliterate(text: str) -> str:
    """Vietnamese without diacritics ("Điều" -> "Dieu"), for an output that cannot show them."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FALLBACK))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def can_show_vietnamese(stream: IO[str]) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        _SAMPLE_VI.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def prepare_stream(stream: IO[str] | None) -> bool:
    """True if ``stream`` shows Vietnamese. If not, anything still unencodable becomes '?'
    instead of raising, and callers transliterate (the notice is the caller's)."""
    if stream is None:  # closed by the caller (`>&-`); reported when first written
        return True
    ok = can_show_vietnamese(stream)
    if not ok:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    return ok


def is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def write_stdout(text: str, *, flush: bool = False) -> None:
    """Write to stdout; a stdout that is closed or refuses the write (a full disk) is a typed
    error. A reader that went away (BrokenPipeError) is left to the caller: not an error."""
    from sandbox_rules.i18n import Message

    stream = sys.stdout
    name = Message("io.stdout", {})
    if stream is None:
        raise _of_stdout(OutputPathError(name, "io.closed"))
    try:
        if text:
            stream.write(text)
        if flush:
            stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: write to a closed file
        silence_stdout()  # so the interpreter's last flush does not fail again
        raise _of_stdout(OutputPathError(name, "io.cannot_write", exc)) from None


def _of_stdout(error: OutputPathError) -> OutputPathError:
    """``error``, marked as standard output's own: its error record cannot go there too."""
    error.of_stdout = True
    return error


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. captured in tests)
        pass


# -- JSON ----------------------------------------------------------------------------------------
def dumps(data: Any, *, pretty: bool, ascii_only: bool = False) -> str:
    """JSON text: one line unless ``pretty``; \\u escapes only where the terminal needs them."""
    if pretty:
        return json.dumps(data, ensure_ascii=ascii_only, indent=2, default=str)
    return json.dumps(data, ensure_ascii=ascii_only, separators=(",", ":"), default=str)


def encode(value: Any, *, pretty: bool, form: str = "full", ascii_only: bool = False) -> str:
    """JSON text of an output record (a ``sandbox_rules.records.Record``) in ``form``, or of
    plain data. The one place the CLI turns results into JSON."""
    from sandbox_rules.records import Record

    if isinstance(value, Record):
        if not ascii_only:  # msgspec writes UTF-8 directly
            return value.to_json(pretty=pretty, form=form)  # type: ignore[arg-type]
        value = value.to_dict(form)  # type: ignore[arg-type]
    return dumps(value, pretty=pretty, ascii_only=ascii_only)


# -- input -----------------------------------------------------------------------------------------
def input_name(path: str) -> object:
    """The name messages give an input: the file's, quoted, or standard input's (a message
    of the tables, said in the language of the message it is in)."""
    from sandbox_rules.i18n import Message

    return Message("io.stdin", {}) if path == "-" else repr(short(path))


def read_bytes(path: str) -> tuple[bytes, object]:
    """The bytes of ``path`` (``-`` is standard input) and a name for messages."""
    name = input_name(path)
    stream = open_input(path)
    try:
        raw = stream.read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError) as exc:  # e.g. EISDIR on some systems, a closed stdin
        raise InputFileError(name, "io.cannot_read", exc) from None
    finally:
        if path != "-":
            stream.close()
    if len(raw) > MAX_INPUT_BYTES:
        raise InputFileTooLargeError(name, "io.too_large", mb=MAX_INPUT_BYTES // (1024 * 1024))
    return raw, name


def decode(raw: bytes, name: object) -> str:
    """UTF-8 text of an input (a BOM is allowed); binary, non-UTF-8 and empty inputs refused."""
    if b"\x00" in raw:
        raise InputFileError(name, "io.binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(name, "io.not_utf8", byte=exc.start) from None
    if not text.strip():
        raise InputFileError(name, "io.empty")
    return text


def parse_document(text: str, name: object) -> Any:
    """JSON or YAML, told apart by content: JSON starts with '{' or '['; YAML is the rest
    (YAML aliases are refused, so a small file cannot expand into a large one). Nesting and
    the number of values are bounded as for the Python API (sandbox_rules.io: MAX_DEPTH,
    MAX_NODES): beyond them, InputFileTooLargeError (code ``input_too_large``)."""
    from sandbox_rules.io import MAX_DEPTH, MAX_NODES, check_shape

    try:
        data = _parse(text, name)
        check_shape(data, name)
    except InputTooLargeError as exc:
        if isinstance(exc, InputFileTooLargeError):
            raise
        if exc.key == "error.io.values":
            raise InputFileTooLargeError(name, "io.too_many_values", limit=MAX_NODES) from None
        raise InputFileTooLargeError(name, "io.too_deep", depth=MAX_DEPTH) from None
    return data


def _parse(text: str, name: object) -> Any:
    start = text.lstrip()[:1]
    try:
        if start in ("{", "["):
            from sandbox_rules.io import loads_json

            try:
                return loads_json(text, name)
            except json.JSONDecodeError as exc:
                json_error = exc
            try:  # a YAML flow mapping such as {kind: organization} also starts with '{'
                return _yaml_load(text)
            except Exception:
                raise InputFileError(
                    name,
                    "io.not_json",
                    line=json_error.lineno,
                    column=json_error.colno,
                    detail=json_error.msg,
                ) from None
        return _yaml_load(text)
    except (InputFileError, InputTooLargeError):
        raise
    except RecursionError:
        from sandbox_rules.io import MAX_DEPTH

        raise InputFileTooLargeError(name, "io.too_deep", depth=MAX_DEPTH) from None
    except Exception as exc:  # yaml.YAMLError and its marks
        key, fields = _yaml_problem(exc)
        raise InputFileError(name, key, **fields) from None


# The core reader's refusals of a document that parses, by the CLI's key for each.
_REFUSED = {"error.duplicate_key": "io.duplicate_key", "error.json_constant": "io.json_constant"}


def _yaml_problem(exc: Exception) -> tuple[str, dict[str, object]]:
    """Why a text is not YAML (a key of the tables and its fields): our own refusals; the
    YAML reader's own words (English) quoted, at the line and column it names."""
    from sandbox_rules.errors import SandboxRulesError
    from sandbox_rules.i18n import Message

    if isinstance(exc, SandboxRulesError) and exc.key in _REFUSED:
        # read as JSON or YAML, and refused for what it says (a key twice, a NaN)
        return _REFUSED[exc.key], {k: v for k, v in exc.fields.items() if k != "name"}
    if isinstance(exc, SandboxRulesError) and exc.key is not None:
        # an alias, nesting too deep (sandbox_rules.io): said in the message's language
        return "io.not_yaml_because", {"detail": Message(exc.key, exc.fields)}
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if mark is not None and problem:
        context = getattr(exc, "context", None)
        detail = f"{problem} ({context})" if context else str(problem)
        return "io.not_yaml_at", {
            "line": mark.line + 1,
            "column": mark.column + 1,
            "detail": short(detail, 200),
        }
    return "io.not_yaml_detail", {"detail": short(str(exc), 200)}


def _yaml_load(text: str) -> Any:
    from sandbox_rules.i18n import Message
    from sandbox_rules.io import load_yaml

    # the core's bounded YAML: aliases refused, nesting capped
    return load_yaml(text, Message("io.document", {}))


def open_input(path: str) -> IO[bytes]:
    """A binary stream of ``path`` (``-`` is standard input), for reading line by line."""
    if path == "-":
        if sys.stdin is None:
            raise InputFileError(input_name(path), "io.closed")
        return sys.stdin.buffer
    name = input_name(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputFileError(name, "io.directory")
        return p.open("rb")
    except InputFileError:
        raise
    except FileNotFoundError:
        raise InputFileError(name, "io.no_such_file") from None
    except (OSError, ValueError) as exc:
        raise InputFileError(name, "io.cannot_read", exc) from None


def iter_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than ``limit`` bytes, whose
    rest is skipped without holding it in memory."""
    lineno = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while True:
                rest = stream.readline(limit + 1)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
        else:
            yield lineno, chunk


def load_input(path: str) -> Any:
    """An input file (or ``-``, standard input) as data, JSON or YAML by content."""
    raw, name = read_bytes(path)
    return parse_document(decode(raw, name), name)


def load_overrides(path: str) -> str | dict[str, Any]:
    """``--overrides``: a path goes to the calendar, which reads TOML or JSON itself and
    versions the bytes; ``-`` is read here (JSON if it starts with '{', else TOML)."""
    if path != "-":
        open_input(path).close()  # missing, a folder, unreadable: an input file's error
        return path
    raw, name = read_bytes(path)
    text = decode(raw, name)
    try:
        if text.lstrip().startswith("{"):
            data = json.loads(text)
        else:
            import tomllib

            data = tomllib.loads(text)
    except ValueError as exc:
        raise InputFileError(name, "io.not_toml_json", detail=short(str(exc), 200)) from None
    if not isinstance(data, dict):
        raise InputFileError(name, "io.not_table")
    return data


# -- output files ----------------------------------------------------------------------------------
def write_output(path: str, text: str, *, force: bool) -> None:
    """Write ``text`` (UTF-8) to ``path``; an existing file is replaced only with ``force``."""
    name = repr(short(path))
    p = Path(path)
    try:
        if p.is_dir():
            raise OutputPathError(name, "io.directory")
        if p.parent.exists() and not p.parent.is_dir():
            raise OutputPathError(name, "io.under_file")
        if not p.parent.is_dir():
            raise OutputPathError(name, "io.no_folder")
        if p.exists() and not force:
            raise OutputPathError(name, "io.exists")
        with p.open("w" if force else "x", encoding="utf-8", newline="") as f:
            f.write(text)
    except OutputPathError:
        raise
    except FileExistsError:
        raise OutputPathError(name, "io.exists") from None
    except (OSError, ValueError) as exc:
        raise OutputPathError(name, "io.cannot_write", exc) from None
