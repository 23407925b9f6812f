"""The decision report: ``sandbox-rules report FILE --html out.html [--pdf out.pdf]``.

An appraisal note for an application, a scenario or a case file: the answers with each
finding and its clause quoted, the missing facts with the clause asking for each, the
authority and procedure with how each data source matched, the dossier checklist, the
procedure timelines and obligations drawn as inline SVG, the interpretations used and the
provenance. One self-contained HTML page (no network, no external fonts or scripts), Jinja2
with autoescape, Vietnamese by default; the PDF is the same page laid out by WeasyPrint.
Extras: ``report`` (jinja2), ``pdf`` (weasyprint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox_rules.surfaces.report.render import pdf_bytes, render_html, render_pdf, report_html

__all__ = ["pdf_bytes", "render_html", "render_pdf", "report_html"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so building the CLI's parser does not import the renderer (Jinja2, WeasyPrint).
    from importlib import import_module

    return getattr(import_module("sandbox_rules.surfaces.report.render"), name)
