"""The published figures in a report come in one fixed order, whatever order the files list them
in: by date (the latest possible day, then the earliest), then by metric as the vocabulary lists
them, then by kind of municipality (all kinds first, then metropolitan, provincial, district,
town), then by publisher. Staff compare one report with the next line by line, so a figure that
moved would look like a change.

The registry is `report-histories` with Mersin's figures replaced by a shuffled list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import TESTS, assert_golden, run_spo

Copy = Callable[[str], Path]

SHUFFLED = """\
reported_figures:
  - {date: "2025-06-30", metric: projects-transferred, value: 2, qualifier: at-least}
  - {date: "2025-06", metric: municipalities-supported, municipality_kind: town, value: 1,
     qualifier: at-least}
  - {date: "2025-06", metric: municipalities-supported, municipality_kind: district, value: 1,
     qualifier: at-least}
  - {date: "2025-06", metric: municipalities-supported, value: 2, qualifier: at-least}
  - {date: "2025-06", metric: municipalities-supported, municipality_kind: metropolitan,
     value: 1, qualifier: at-least}
  - {date: "2025-06", metric: municipalities-supported, municipality_kind: provincial, value: 1,
     qualifier: at-least}
  - {date: "2025-06", metric: municipalities-hosted, value: 3, qualifier: at-least}
  - {date: "2025-06-01/2025-06-30", metric: visitors, value: 20, qualifier: at-least}
  - {date: "2025-06-30", metric: municipalities-hosted, value: 3, qualifier: at-least}
  - {date: "../2025-06-30", metric: municipalities-in-talks, value: 1, qualifier: at-least}
  - {date: "2025-03-21", metric: projects-transferred, value: 1, qualifier: at-least}
  - {date: "2025-12-31", metric: municipalities-supported, value: 1, qualifier: at-least}
"""

# İzmir hosted no study visit: nothing in the registry could back this figure.
IZMIR = """\
  - {date: "2025-12-31", metric: municipalities-hosted, value: 5, qualifier: as-stated,
     source: https://example.org/izmir/2}
"""

# (date, metric, kind, publisher) as the report lists them.
ORDER = [
    ("2025-01", "projects-supported", None, "izmir-bb"),
    ("2025-03-21", "projects-transferred", None, "mersin-bb"),
    # Its latest day is 2025-06-30 like June's, but with no earliest day it comes first.
    ("../2025-06-30", "municipalities-in-talks", None, "mersin-bb"),
    ("2025-06", "municipalities-hosted", None, "mersin-bb"),
    ("2025-06", "municipalities-supported", None, "mersin-bb"),
    ("2025-06", "municipalities-supported", "metropolitan", "mersin-bb"),
    ("2025-06", "municipalities-supported", "provincial", "mersin-bb"),
    ("2025-06", "municipalities-supported", "district", "mersin-bb"),
    ("2025-06", "municipalities-supported", "town", "mersin-bb"),
    ("2025-06-01/2025-06-30", "visitors", None, "mersin-bb"),  # June's days: by metric
    ("2025-06-30", "municipalities-hosted", None, "mersin-bb"),
    ("2025-06-30", "projects-transferred", None, "mersin-bb"),
    ("2025-12-31", "municipalities-hosted", None, "izmir-bb"),
    ("2025-12-31", "municipalities-supported", None, "izmir-bb"),  # İzmir before Mersin
    ("2025-12-31", "municipalities-supported", None, "mersin-bb"),
]


def shuffled(registry_copy: Copy) -> Path:
    root = registry_copy("report-histories")
    mersin = root / "data" / "municipalities" / "mersin-bb.yaml"
    text = mersin.read_text(encoding="utf-8")
    head, _, rest = text.partition("reported_figures:\n")
    sources = rest[rest.index("sources:\n") :]
    figures = SHUFFLED.replace("}", ", source: https://example.org/mersin/4}")
    mersin.write_text(head + figures + sources, encoding="utf-8")
    izmir = root / "data" / "municipalities" / "izmir-bb.yaml"
    text = izmir.read_text(encoding="utf-8")
    izmir.write_text(text.replace("reported_figures:\n", "reported_figures:\n" + IZMIR), "utf-8")
    return root


def test_figures_come_in_date_metric_kind_publisher_order(registry_copy: Copy) -> None:
    root = shuffled(registry_copy)
    run = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", "-f", "json")

    assert run.exit_code == 0
    reported = json.loads(run.stdout)["reported"]
    assert [(r["date"], r["metric"], r["municipality_kind"], r["owner"]) for r in reported] == ORDER


def test_the_table_lists_them_in_the_same_order(registry_copy: Copy) -> None:
    root = shuffled(registry_copy)
    run = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env={"COLUMNS": "250"})

    assert run.exit_code == 0
    section = run.stdout[run.stdout.index("Reported vs recorded\n") :]
    assert_golden(TESTS / "golden" / "report" / "figure-order.txt", section)
