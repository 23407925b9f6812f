"""The report surface; its code and documentation are in ``render.py`` (loaded on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox_rules.surfaces.report.render import pdf_bytes, render_html, render_pdf, report_html

__all__ = ["pdf_bytes", "render_html", "render_pdf", "report_html"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so building the CLI's parser does not import the renderer (Jinja2, WeasyPrint).
    from importlib import import_module

    return getattr(import_module("sandbox_rules.surfaces.report.render"), name)
