"""The results as one table (Markdown, to paste into the README) and as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.bench import Row
from benchmarks.measure import Figure

COLUMNS = [
    "what", "spo CPU", "spo wall", "against", "its CPU", "ratio CPU", "ratio wall", "target",
    "met?",
]  # fmt: skip
MIB = 1024 * 1024


def _seconds(figure: Figure, value: float, memory: bool) -> str:
    if figure.failed:
        return "n/a"
    if memory:
        return f"{figure.rss / MIB:.0f} MiB"
    return f"{value:.2f} s" if value >= 1 else f"{value:.3f} s"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def cells(row: Row) -> list[str]:
    return [
        row.what,
        _seconds(row.spo, row.spo.cpu, row.memory),
        "" if row.memory else _seconds(row.spo, row.spo.wall, False),
        row.against,
        _seconds(row.other, row.other.cpu, row.memory),
        _ratio(row.ratio_cpu),
        "" if row.memory else _ratio(row.ratio_wall),
        row.target or "—",
        _met(row),
    ]


def _met(row: Row) -> str:
    if row.cpu_limit is None:
        return "—"  # no target: a figure to compare
    met = row.met
    return "n/a" if met is None else ("yes" if met else "no")


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    failures = [f"- {r.what} / {r.against}: {r.failed}" for r in rows if r.failed]
    if failures:
        lines += ["", "n/a (the command did not succeed):", *failures]
    return "\n".join(lines)


def as_json(rows: list[Row], about: dict[str, Any]) -> dict[str, Any]:
    def figure(f: Figure) -> dict[str, Any]:
        return {"cpu": f.cpu, "wall": f.wall, "rss": f.rss, "failed": f.failed}

    return {
        **about,
        "rows": [
            {
                "what": r.what,
                "against": r.against,
                "spo": figure(r.spo),
                "other": figure(r.other),
                "ratio_cpu": r.ratio_cpu,
                "ratio_wall": r.ratio_wall,
                "target": r.target,
                "cpu_limit": r.cpu_limit,
                "wall_limit": r.wall_limit,
                "memory": r.memory,
                "met": r.met,
            }
            for r in rows
        ],
    }


def save(path: Path, rows: list[Row], about: dict[str, Any]) -> None:
    path.write_text(json.dumps(as_json(rows, about), indent=2, ensure_ascii=False) + "\n")


def load(path: Path) -> tuple[list[Row], dict[str, Any]]:
    """A saved run (`--json`), to print its table again (`--show`)."""
    saved = json.loads(path.read_text())
    fields = ("cpu", "wall", "rss", "failed")
    rows = [
        Row(
            r["what"],
            Figure(*(r["spo"][f] for f in fields)),
            r["against"],
            Figure(*(r["other"][f] for f in fields)),
            r["target"],
            r["cpu_limit"],
            r["wall_limit"],
            r["memory"],
        )
        for r in saved.pop("rows")
    ]
    return rows, saved
