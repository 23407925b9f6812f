"""The report's pictures as inline SVG, laid out here and written by the template.

``timeline_figure``: a procedure's steps on a calendar strip (12.3-16.3): every day a cell
shaded by its kind (working day, weekend, official day off, worked Saturday) with the days off
named, each step a bar from its start to its due date, late or overdue days in a hatched red,
the clock stop as a striped band, the as-of day a dashed line. ``obligations_figure``: the
testing period with its reports, windows, inspections and revocation grounds. Both are built
from the records' ``to_dict()`` form; the calendar only tells the kind and name of each day.
Patterns as well as colours tell the kinds apart, so a greyscale print reads the same.

A figure is a dict: ``id``, ``width``, ``height``, ``title``, ``elements`` (each ``tag``,
``attrs``, optional ``text`` and ``title``), ``patterns`` (ids for the template's defs).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sandbox_rules.surfaces.report.i18n import fmt_date, t

WIDTH = 1000
CHAR_EM = 0.62  # a generous average advance of DejaVu/Liberation Sans, in em
WEEKDAY = {
    "vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
    "en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),
}


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_EM


# Presentation attributes by class, written on each shape (not left to the page's CSS, which
# not every renderer applies inside SVG). Greyscale-safe: fills differ in lightness or pattern.
STYLE: dict[str, dict[str, Any]] = {
    "day": {"stroke": "#8a8a8a", "stroke_width": 0.6},
    "daynum": {"font_weight": 600},
    "weekday": {"fill": "#333333"},
    "dayname": {"font_weight": 600},
    "bracket": {"stroke": "#444444", "stroke_width": 1},
    "bar": {"fill": "#2f5d8a", "stroke": "#0d2238", "stroke_width": 1},
    "late-part": {"stroke": "#5d0000", "stroke_width": 1},
    "startmark": {"fill": "#ffffff", "stroke": "#000000", "stroke_width": 1.6},
    "actual": {"fill": "#000000", "stroke": "#ffffff", "stroke_width": 1},
    "stop": {"stroke": "#9a6a00", "stroke_width": 1.2, "stroke_dasharray": "5 3", "opacity": 0.8},
    "asof": {"stroke": "#000000", "stroke_width": 2, "stroke_dasharray": "7 4"},
    "asof-label": {"font_weight": 700},
    "lane": {"font_weight": 600},
    "sep": {"stroke": "#dadada", "stroke_width": 1},
    "tick": {"stroke": "#555555", "stroke_width": 1},
    "period": {"fill": "#555555", "stroke": "#000000", "stroke_width": 0.8},
    "period-ext": {"stroke": "#000000", "stroke_width": 0.8},
    "span": {"fill": "#b0bec5", "stroke": "#263238", "stroke_width": 0.8},
    "s-open": {"fill": "#2e7d32"},
    "s-closed": {"fill": "#e0e0e0", "stroke_dasharray": "3 2"},
    "ground": {"stroke": "#5d0000", "stroke_width": 0.8},
    "m-done": {"fill": "#1b1b1b", "stroke": "#000000", "stroke_width": 1.5},
    "m-done-late": {"fill": "#9e9e9e", "stroke": "#000000", "stroke_width": 3},
    "m-upcoming": {"fill": "#ffffff", "stroke": "#000000", "stroke_width": 2},
    "m-overdue": {"stroke": "#5d0000", "stroke_width": 1},
    "m-info": {"fill": "#cfcfcf", "stroke": "#444444", "stroke_width": 1},
}
TEXT_STYLE = {
    "fill": "#111111",
    "font_family": "DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif",
}


class _Figure:
    def __init__(self, fig_id: str, title: str) -> None:
        self.id = fig_id
        self.title = title
        self.elements: list[dict[str, Any]] = []

    def pat(self, name: str) -> str:
        return f"url(#{self.id}-{name})"

    def add(
        self, tag: str, text: str | None = None, title: str | None = None, **attrs: Any
    ) -> None:
        styled: dict[str, Any] = dict(TEXT_STYLE) if tag == "text" else {}
        for name in str(attrs.get("class_", "")).split():
            styled.update(STYLE.get(name, {}))
        attrs = {**styled, **attrs}  # what the call gives wins (a pattern fill, say)
        clean = {
            k.rstrip("_").replace("_", "-"): _num(v) for k, v in attrs.items() if v is not None
        }
        self.elements.append({"tag": tag, "attrs": clean, "text": text, "title": title})

    def label(
        self, x: float, y: float, text: str, size: float, *, cls: str = "lbl", anchor: str = "start"
    ) -> None:
        """A text kept inside the figure's width (moved left, not cut, near the right edge)."""
        w = text_width(text, size)
        if anchor == "middle":
            x = min(max(x, w / 2 + 2), WIDTH - w / 2 - 2)
        elif anchor == "end":
            x = min(max(x, w + 2), WIDTH - 2)
        else:
            x = max(2.0, min(x, WIDTH - w - 2))
        self.add("text", text, x=x, y=y, class_=cls, font_size=size, text_anchor=anchor)

    def done(self, height: float) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "width": WIDTH,
            "height": math.ceil(height),
            "elements": self.elements,
        }


def _num(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return value


class _Lanes:
    """Greedy rows for labels: a label goes in the first row where it overlaps nothing."""

    def __init__(self, gap: float = 8) -> None:
        self.ends: list[float] = []
        self.gap = gap

    def place(self, start: float, end: float) -> int:
        for i, last in enumerate(self.ends):
            if start >= last + self.gap:
                self.ends[i] = end
                return i
        self.ends.append(end)
        return len(self.ends) - 1


def _extent(x: float, w: float, anchor: str) -> tuple[float, float]:
    if anchor == "middle":
        x = min(max(x, w / 2 + 2), WIDTH - w / 2 - 2)
        return x - w / 2, x + w / 2
    x = max(2.0, min(x, WIDTH - w - 2))
    return x, x + w


def _legend(fig: _Figure, y: float, items: list[tuple[dict[str, Any], str]], size: float) -> float:
    """Swatches with their labels, wrapped onto as many rows as the width needs."""
    x = 4.0
    row_h = size + 10
    for swatch, text in items:
        w = 18 + 6 + text_width(text, size) + 18
        if x + w > WIDTH - 4:
            x, y = 4.0, y + row_h
        attrs = {**swatch, "class_": f"{swatch.get('class_', '')} swatch".strip()}
        fig.add("rect", x=x, y=y - size + 1, width=18, height=size + 2, **attrs)
        fig.label(x + 24, y + 1, text, size, cls="legend")
        x += w
    return y + row_h


def _day_kind(cal: Any, d: date) -> tuple[str, Any]:
    try:
        info = cal.day_info(d)
    except Exception:  # outside the calendar's range: drawn as a plain day
        info = None
    if info is not None:
        return ("off" if info.status == "off" else "worked"), info
    return ("weekend" if d.weekday() >= 5 else "work"), None


def _iso(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def _common_name(a: str, b: str) -> str | None:
    """One label for neighbouring days off of one holiday: the same name, or the words their
    names share at the start or the end ('Mùng hai Tết Nguyên Đán', 'Tết Nguyên Đán')."""
    if a == b:
        return a
    wa, wb = a.split(), b.split()
    k = 0
    while k < min(len(wa), len(wb)) and wa[-1 - k] == wb[-1 - k]:
        k += 1
    if k >= 2:
        return " ".join(wa[-k:])
    k = 0
    while k < min(len(wa), len(wb)) and wa[k] == wb[k]:
        k += 1
    return " ".join(wa[:k]) if k >= 2 else None


# Step statuses of a procedure still running on its as-of day (the strip then runs to it).
RUNNING = ("pending", "overdue", "paused", "waiting")


def timeline_range(
    td: Mapping[str, Any], stop: Mapping[str, Any] | None = None
) -> tuple[date, date]:
    """The days a timeline's strip shows: its events, due dates and clock stop (``stop``:
    start and end, as the report's ``clock_stops`` give them), with a day either side; and
    the as-of day while a step is still running (a procedure finished long before as-of is
    not stretched to it)."""
    days: list[date] = []
    if any(s.get("status") in RUNNING for s in td["steps"]) or not any(
        s.get("due") for s in td["steps"]
    ):
        days.append(date.fromisoformat(td["as_of"]))
    for s in td["steps"]:
        if s.get("due"):
            days += [d for d in (_iso(s.get("start")), _iso(s["due"]), _iso(s.get("actual"))) if d]
    stop = stop or {}
    days += [d for d in (_iso(stop.get("start")), _iso(stop.get("end"))) if d]
    return min(days) - timedelta(days=1), max(days) + timedelta(days=1)


def timeline_figure(
    td: Mapping[str, Any],
    cal: Any,
    lang: str,
    fig_id: str,
    stop: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A procedure timeline (``Timeline.to_dict()``) and its clock stop (``stop``: start and
    end, the report's ``clock_stops``) on a calendar strip."""
    as_of = date.fromisoformat(td["as_of"])
    steps = [s for s in td["steps"] if s.get("due")]
    stop = stop or {}
    stop_start, stop_end = _iso(stop.get("start")), _iso(stop.get("end"))
    lo, hi = timeline_range(td, stop)
    n = (hi - lo).days + 1
    cw = WIDTH / n
    fig = _Figure(
        fig_id,
        t("fig_timeline", lang) + " — " + (td["title_vi"] if lang == "vi" else td["title_en"]),
    )

    def left(d: date) -> float:
        return (d - lo).days * cw

    # Month names along the top.
    y = 14.0
    for i in range(n):
        d = lo + timedelta(days=i)
        if d.day == 1 or (i == 0 and (d + timedelta(days=7)).month == d.month):
            fig.label(left(d) + 2, y, t("month", lang).format(m=d.month, y=d.year), 12, cls="month")
    # Days off and worked Saturdays named above the strip, in rows that do not overlap.
    runs: list[tuple[date, date, str, str]] = []
    kinds: list[tuple[date, str]] = []
    for i in range(n):
        d = lo + timedelta(days=i)
        kind, info = _day_kind(cal, d)
        kinds.append((d, kind))
        if info is None:
            continue
        name = info.name_vi if lang == "vi" else info.name_en
        common = _common_name(runs[-1][2], name) if runs else None
        if runs and common and (d - runs[-1][1]).days <= 3 and runs[-1][3] == kind:
            runs[-1] = (runs[-1][0], d, common, kind)
        else:
            runs.append((d, d, name, kind))
    lanes = _Lanes()
    placed = []
    for a, b, name, kind in runs:
        mid = (left(a) + left(b) + cw) / 2
        x0, x1 = _extent(mid, text_width(name, 11), "middle")
        placed.append((a, b, name, kind, mid, lanes.place(x0, x1)))
    top = y + 8
    strip_y = top + len(lanes.ends) * 18 + 6
    for a, b, name, _kind, mid, lane in placed:
        ly = top + lane * 18 + 11
        fig.label(mid, ly, name, 11, cls="dayname", anchor="middle")
        fig.add("line", x1=left(a) + 1, y1=ly + 4, x2=left(b) + cw - 1, y2=ly + 4, class_="bracket")
        fig.add("line", x1=mid, y1=ly + 4, x2=mid, y2=strip_y, class_="bracket")
    # The strip: one cell per day.
    cell_h = 32.0
    fills = {
        "work": {"fill": "#ffffff"},
        "weekend": {"fill": "#dcdcdc"},
        "off": {"fill": fig.pat("off")},
        "worked": {"fill": fig.pat("worked")},
    }
    num_size = min(12.0, cw * 0.5)
    for d, kind in kinds:
        x = left(d)
        tip = f"{fmt_date(d.isoformat(), lang)} — {t('day_' + kind, lang)}"
        fig.add(
            "rect",
            title=tip,
            x=x,
            y=strip_y,
            width=cw,
            height=cell_h,
            class_=f"day {kind}",
            **fills[kind],
        )
        fig.add(
            "text",
            str(d.day),
            x=x + cw / 2,
            y=strip_y + 13,
            class_="daynum",
            font_size=num_size,
            text_anchor="middle",
        )
        if cw >= 16:
            fig.add(
                "text",
                WEEKDAY[lang][d.weekday()],
                x=x + cw / 2,
                y=strip_y + 27,
                class_="weekday",
                font_size=min(10.0, cw * 0.42),
                text_anchor="middle",
            )
    # Steps, over the clock-stop band (drawn first so that it never hides a label).
    y = strip_y + cell_h + 14
    steps_top = y - 6
    steps_bottom = y + 40 * len(steps)
    notes = _Lanes(gap=12)
    note_rows: list[tuple[float, str, int]] = []
    if stop_start is not None:
        stop_to = stop_end or as_of
        sx0, sx1 = left(stop_start), left(stop_to) + cw
        fig.add(
            "rect",
            x=sx0,
            y=steps_top,
            width=max(sx1 - sx0, cw),
            height=steps_bottom - steps_top,
            class_="stop",
            fill=fig.pat("stop"),
        )
        text = t("clock_stop", lang).format(
            a=fmt_date(stop_start.isoformat(), lang),
            b=fmt_date(stop_end.isoformat(), lang) if stop_end else t("ongoing", lang),
        )
        x0, x1 = _extent(sx0, text_width(text, 12), "start")
        note_rows.append((sx0, text, notes.place(x0, x1)))
    for s in steps:
        start, actual = _iso(s.get("start")), _iso(s.get("actual"))
        due = date.fromisoformat(s["due"])
        status = s["status"]
        cite = s["citation_vi"] if lang == "vi" else s["citation"]
        label = s["label_vi"] if lang == "vi" else s["label_en"]
        text = f"{cite}: {label} — {t('due', lang)} {fmt_date(s['due'], lang)} · {t('step_' + status, lang)}"
        if s.get("late_working_days"):
            text += f" ({s['late_working_days']} {t('wd', lang)})"
        fig.label(left(start or due) + cw / 2, y + 12, text, 12, cls="steplabel")
        bar_y = y + 18
        x0 = left(start) + cw / 2 if start else left(due)
        x1 = left(due) + cw
        bar: dict[str, Any] = (
            {"fill": "#ffffff", "stroke_dasharray": "5 3", "stroke_width": 1.5}
            if status in ("waiting", "not_started")
            else {}
        )
        fig.add(
            "rect", x=x0, y=bar_y, width=max(x1 - x0, 2), height=14, class_=f"bar {status}", **bar
        )
        if start:
            fig.add("circle", cx=left(start) + cw / 2, cy=bar_y + 7, r=5, class_="startmark")
        end_late = actual if status == "late" else (as_of if status == "overdue" else None)
        if end_late is not None and end_late > due:
            fig.add(
                "rect",
                title=t("late_days", lang),
                x=x1,
                y=bar_y,
                width=left(end_late) + cw - x1,
                height=14,
                class_="late-part",
                fill=fig.pat("late"),
            )
        if actual:
            cx = left(actual) + cw / 2
            pts = f"{cx:.1f},{bar_y - 3:.1f} {cx + 7:.1f},{bar_y + 7:.1f} {cx:.1f},{bar_y + 17:.1f} {cx - 7:.1f},{bar_y + 7:.1f}"
            fig.add(
                "polygon",
                title=t("actual", lang) + " " + fmt_date(s["actual"], lang),
                points=pts,
                class_="actual",
            )
        y += 40
    # The as-of mark: on its day, or at the strip's right end when the procedure ended before.
    ax = left(min(as_of, hi)) + cw / 2
    as_of_text = t("as_of_mark", lang).format(d=fmt_date(td["as_of"], lang))
    x0, x1 = _extent(ax - text_width(as_of_text, 12) / 2, text_width(as_of_text, 12), "start")
    as_of_lane = notes.place(x0, x1)
    if as_of <= hi:
        fig.add(
            "line",
            x1=ax,
            y1=strip_y - 4,
            x2=ax,
            y2=steps_bottom + 6 + as_of_lane * 18,
            class_="asof",
        )
    for x, text, lane in note_rows:
        fig.label(x, steps_bottom + 16 + lane * 18, text, 12, cls="note")
    fig.label(x0, steps_bottom + 16 + as_of_lane * 18, as_of_text, 12, cls="note asof-label")
    y = steps_bottom + 16 + len(notes.ends) * 18 + 14
    legend = [
        ({"fill": "#ffffff", "class_": "day work"}, t("day_work", lang)),
        ({"fill": "#dcdcdc", "class_": "day weekend"}, t("day_weekend", lang)),
        ({"fill": fig.pat("off"), "class_": "day off"}, t("day_off", lang)),
        ({"fill": fig.pat("worked"), "class_": "day worked"}, t("day_worked", lang)),
        ({"class_": "bar pending"}, t("legend_step", lang)),
        ({"fill": fig.pat("late"), "class_": "late-part"}, t("late_days", lang)),
        ({"fill": fig.pat("stop"), "class_": "stop"}, t("legend_stop", lang)),
    ]
    y = _legend(fig, y, legend, 12)
    return fig.done(y)


# The rows of the obligations figure, in this order; their names are the page table's
# lane.CLAUSE messages.
LANES = ("10.2", "18.3", "18.4", "14.1", "17.2", "19.2", "17.3", "18.5", "15.1", "15.2")
MARK_CLASS = {
    "done": "m-done",
    "done_late": "m-done-late",
    "overdue": "m-overdue",
    "upcoming": "m-upcoming",
    "informational": "m-info",
}


def obligations_figure(
    sched: Mapping[str, Any], life: Mapping[str, Any] | None, lang: str, fig_id: str
) -> dict[str, Any] | None:
    """The testing period and its obligations (``Schedule.to_dict()``, ``LifecycleStatus``)."""
    items = [i for i in sched["items"] if i.get("due") or i.get("window")]
    start, end = _iso(sched.get("start")), _iso(sched.get("end"))
    if not items and start is None:
        return None
    as_of = date.fromisoformat(sched["as_of"])
    grounds = list((life or {}).get("revocation_grounds") or [])
    days: list[date] = [as_of] + [d for d in (start, end) if d]
    for i in items:
        days += [d for d in (_iso(i.get("due")),) if d]
        if i.get("window"):
            days += [_iso(i["window"]["start"]) or as_of, _iso(i["window"]["end"]) or as_of]
    for g in grounds:
        days += [date.fromisoformat(g["arose_on"]), date.fromisoformat(g["decision_due"])]
    lo = min(days).replace(day=1)
    hi = max(days) + timedelta(days=20)
    x0, x1 = 214.0, WIDTH - 8.0
    scale = (x1 - x0) / max((hi - lo).days, 1)

    def X(d: date) -> float:
        return x0 + (d - lo).days * scale

    fig = _Figure(fig_id, t("fig_obligations", lang))
    # Month ticks, labelled as often as there is room.
    month_px = 30.4 * scale
    every = max(1, math.ceil(text_width("00/0000", 11) / max(month_px, 1) + 0.25))
    m = lo
    k = 0
    while m <= hi:
        fig.add("line", x1=X(m), y1=20, x2=X(m), y2=26, class_="tick")
        if k % every == 0 and X(m) + 2 + text_width("00/0000", 11) <= WIDTH - 2:
            fig.add(
                "text", f"{m.month:02d}/{m.year}", x=X(m) + 2, y=16, class_="month", font_size=11
            )
        m = (m.replace(day=28) + timedelta(days=4)).replace(day=1)
        k += 1
    lanes: dict[str, list[dict[str, Any]]] = {}
    if start and end:
        lanes["10.2"] = []
    for i in items:
        lanes.setdefault(i["citation"], []).append(i)
    if grounds:
        lanes["15.1"] = []
        lanes.pop("15.2", None)  # each ground is drawn with its decision's due date
    order = {c: n for n, c in enumerate(LANES)}
    y = 34.0
    rows_top = y
    for cite in sorted(lanes, key=lambda c: (order.get(c, len(order)), c)):
        lane_items = lanes[cite]
        name = (
            t(f"lane.{cite}", lang)
            if cite in LANES
            else (lane_items[0]["title_vi" if lang == "vi" else "title_en"])[:24]
        )
        fig.label(4, y + 16, f"{name} ({cite})", 12, cls="lane")
        mid = y + 12
        below = _Lanes(gap=6)
        extra = 0
        if cite == "10.2" and start and end:
            approved = _iso((life or {}).get("approved_end")) or end
            fig.add(
                "rect",
                x=X(start),
                y=mid - 6,
                width=X(approved) - X(start),
                height=12,
                class_="period",
            )
            if approved < end:
                fig.add(
                    "rect",
                    x=X(approved),
                    y=mid - 6,
                    width=X(end) - X(approved),
                    height=12,
                    class_="period-ext",
                    fill=fig.pat("ext"),
                )
            for d in (start, end):
                text = fmt_date(d.isoformat(), lang)
                a, b = _extent(X(d) - text_width(text, 10) / 2, text_width(text, 10), "start")
                row = below.place(a, b)
                fig.label(a, mid + 20 + row * 13, text, 10, cls="datelabel")
        for g in grounds if cite == "15.1" else []:
            a_, g_due = date.fromisoformat(g["arose_on"]), date.fromisoformat(g["decision_due"])
            fig.add(
                "rect",
                x=X(a_),
                y=mid - 5,
                width=max(X(g_due) - X(a_), 3),
                height=10,
                class_="ground",
                fill=fig.pat("late"),
            )
            pts = f"{X(a_):.1f},{mid - 9:.1f} {X(a_) + 7:.1f},{mid + 5:.1f} {X(a_) - 7:.1f},{mid + 5:.1f}"
            fig.add(
                "polygon",
                title=g["statement_vi" if lang == "vi" else "statement_en"],
                points=pts,
                class_="m-overdue",
            )
            text = f"{g['citation']}: {fmt_date(g['arose_on'], lang)} → {fmt_date(g['decision_due'], lang)}"
            a, b = _extent(X(a_) - 7, text_width(text, 10), "start")
            row = below.place(a, b)
            fig.label(a, mid + 20 + row * 13, text, 10, cls="datelabel")
        for i in lane_items:
            due = _iso(i.get("due"))
            title = i["title_vi" if lang == "vi" else "title_en"]
            status_word = t("ob_" + i["status"], lang)
            if i.get("window") and not due:
                ws, we = _iso(i["window"]["start"]), _iso(i["window"]["end"])
                assert ws is not None and we is not None
                thin = cite == "19.2"
                fig.add(
                    "rect",
                    title=f"{title}: {fmt_date(ws.isoformat(), lang)} – {fmt_date(we.isoformat(), lang)} · {status_word}",
                    x=X(ws) + (1 if thin else 0),
                    y=mid - (3 if thin else 6),
                    width=max(X(we + timedelta(days=1)) - X(ws) - (2 if thin else 0), 2),
                    height=6 if thin else 12,
                    class_=f"span s-{i['status']}",
                )
                if not thin:
                    text = f"{fmt_date(ws.isoformat(), lang)} – {fmt_date(we.isoformat(), lang)}"
                    a, b = _extent(X(ws), text_width(text, 10), "start")
                    row = below.place(a, b)
                    fig.label(a, mid + 20 + row * 13, text, 10, cls="datelabel")
                continue
            if due is None:
                continue
            cls = MARK_CLASS.get(i["status"], "m-info")
            cx = X(due)
            tip = f"{title} — {fmt_date(i['due'], lang)} · {status_word}"
            if cls == "m-overdue":
                fig.add(
                    "rect",
                    title=tip,
                    x=cx - 6,
                    y=mid - 6,
                    width=12,
                    height=12,
                    class_=cls,
                    fill=fig.pat("late"),
                )
            elif cls == "m-info":
                pts = f"{cx:.1f},{mid - 7:.1f} {cx + 7:.1f},{mid:.1f} {cx:.1f},{mid + 7:.1f} {cx - 7:.1f},{mid:.1f}"
                fig.add("polygon", title=tip, points=pts, class_=cls)
            else:
                fig.add("circle", title=tip, cx=cx, cy=mid, r=6, class_=cls)
            text = fmt_date(i["due"], lang)
            a, b = _extent(cx - text_width(text, 10) / 2, text_width(text, 10), "start")
            row = below.place(a, b)
            fig.label(a, mid + 20 + row * 13, text, 10, cls="datelabel")
        extra = max(len(below.ends), 1)
        y += 26 + extra * 13 + 6
        fig.add("line", x1=4, y1=y - 3, x2=WIDTH - 4, y2=y - 3, class_="sep")
    rows_bottom = y
    ax = X(as_of)
    fig.add("line", x1=ax, y1=rows_top - 6, x2=ax, y2=rows_bottom + 4, class_="asof")
    as_of_text = t("as_of_mark", lang).format(d=fmt_date(sched["as_of"], lang))
    fig.label(
        ax - text_width(as_of_text, 12) / 2, rows_bottom + 18, as_of_text, 12, cls="note asof-label"
    )
    y = rows_bottom + 42
    legend = [
        ({"class_": "m-done"}, t("ob_done", lang)),
        ({"class_": "m-done-late"}, t("ob_done_late", lang)),
        ({"class_": "m-upcoming"}, t("ob_upcoming", lang)),
        ({"fill": fig.pat("late"), "class_": "m-overdue"}, t("ob_overdue", lang)),
        ({"class_": "m-info"}, t("ob_informational", lang)),
        ({"class_": "span s-open"}, t("ob_open", lang)),
        ({"class_": "period"}, t("legend_period", lang)),
        ({"fill": fig.pat("ext"), "class_": "period-ext"}, t("legend_extended", lang)),
    ]
    y = _legend(fig, y, legend, 12)
    return fig.done(y)
