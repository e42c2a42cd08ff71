"""`spo export sqlite FILE` and `spo export csv DIR`: the registry as tables for Datasette,
sqlite-utils and Excel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import run_spo

TABLES = [
    "provinces",
    "municipalities",
    "projects",
    "sources",
    "partners",
    "engagements",
    "transfers",
    "transfer_stages",
    "reported_figures",
]


@pytest.fixture
def exported(registry_copy, tmp_path: Path) -> Path:
    root = registry_copy("sample")
    out = tmp_path / "out"
    out.mkdir()
    run = run_spo("--root", str(root), "export", "sqlite", str(out / "spo.db"))
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        f"Wrote {out / 'spo.db'}\nWrote {out / 'metadata.json'}\n",
        "",
    )
    return out


def test_the_database_answers_a_join_over_its_foreign_keys(exported: Path) -> None:
    db = sqlite_utils.Database(exported / "spo.db")

    rows = db.execute(
        "SELECT p.name_tr, m.name, v.name, t.current_stage, t.current_date FROM transfers t"
        " JOIN projects p ON p.id = t.project"
        " JOIN municipalities m ON m.id = t.municipality"
        " JOIN provinces v ON v.plate = m.province ORDER BY t.id"
    ).fetchall()

    assert rows == [
        ("Mahalle Mutfakları", "Artvin Belediyesi", "Artvin", "planning-support", "2025-06"),
        ("Mahalle Mutfakları", "Çardak Belediyesi", "Çanakkale", "launched", "2025-09-01"),
        ("Kadın Ustalar", "Üsküdar Belediyesi", "İstanbul", "inquiry", "2025-01-15"),
        ("Bizİzmir Dayanışma Noktaları", "Üsküdar Belediyesi", "İstanbul", "dropped", "2025-07"),
    ]
    stages = db.execute(
        "SELECT s.position, s.stage, s.date FROM transfer_stages s"
        " JOIN transfers t ON t.id = s.transfer WHERE t.municipality = 'canakkale-lapseki-cardak'"
        " ORDER BY s.position"
    ).fetchall()
    assert [stage for _, stage, _ in stages][-1] == "launched"
    assert [position for position, _, _ in stages] == list(range(1, len(stages) + 1))


def test_every_table_is_there_with_its_keys_and_every_reference_holds(exported: Path) -> None:
    db = sqlite_utils.Database(exported / "spo.db")

    assert [t for t in db.table_names() if "_fts" not in t] == TABLES
    assert {t: db[t].pks for t in TABLES} == {
        **{t: ["id"] for t in TABLES},
        "provinces": ["plate"],
    }
    declared = {
        (row[2], row[3], row[4])
        for row in db.execute("PRAGMA foreign_key_list(transfers)").fetchall()
    }
    assert declared == {("projects", "project", "id"), ("municipalities", "municipality", "id")}
    assert {
        (fk.column, fk.other_table, fk.other_column) for fk in db["engagements"].foreign_keys
    } == {
        ("municipality", "municipalities", "id"),
        ("host", "municipalities", "id"),
        ("source", "sources", "id"),
    }
    assert [(fk.column, fk.other_table) for fk in db["municipalities"].foreign_keys] == [
        ("province", "provinces")
    ]
    assert sorted((fk.column, fk.other_table) for fk in db["transfer_stages"].foreign_keys) == [
        ("source", "sources"),
        ("transfer", "transfers"),
    ]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db["provinces"].count == 81
    assert db["projects"].count == 4


def test_full_text_search_finds_a_project_by_part_of_a_turkish_word(exported: Path) -> None:
    db = sqlite_utils.Database(exported / "spo.db")

    assert [row["id"] for row in db["projects"].search("mutfak", columns=["id"])] == [
        "mahalle-mutfaklari"
    ]
    assert [row["id"] for row in db["projects"].search("ustalar", columns=["id"])] == [
        "kadin-ustalar"
    ]
    for written in ("Üsküdar", "uskudar", "ÜSKÜDAR"):
        found = db["municipalities"].search(written, columns=["id"])
        assert [row["id"] for row in found] == ["istanbul-uskudar"], written
    for written in ("KADIN", "kadın", "Kadin"):
        assert [row["id"] for row in db["projects"].search(written, columns=["id"])] == [
            "kadin-ustalar"
        ], written
    assert [row["id"] for row in db["municipalities"].search("izmir", columns=["id"])] == [
        "izmir-bb"
    ]
    assert db.execute(
        "SELECT search_text FROM municipalities WHERE id = 'canakkale-lapseki-cardak'"
    ).fetchall() == [("cardak belediyesi",)]
    assert db["projects"].detect_fts() == "projects_fts"


def test_metadata_describes_the_database_and_every_table(exported: Path) -> None:
    metadata = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))

    assert metadata["title"] == "Social Policy Office registry"
    assert metadata["source"] == "The office's YAML registry, exported by spo 0.1.0"
    assert "license" not in metadata
    database = metadata["databases"]["spo"]
    assert list(database["tables"]) == TABLES
    assert database["tables"]["projects"] == {
        "description": "The projects, with their Turkish and English names and summaries; owner"
        " is the municipality that runs it and mentors others. List columns are JSON arrays.",
        "fts_table": "projects_fts",
        "columns": {
            "search_text": "The searched columns in plain form (lower case, without Turkish"
            " letters or accents: Üsküdar → uskudar), so that a search finds them however it is"
            " typed."
        },
        "label_column": "name_tr",
        "facets": [
            "owner",
            "status",
            {"array": "themes"},
            {"array": "target_groups"},
            "service_model",
        ],
    }
    assert database["tables"]["transfer_stages"] == {
        "description": "Every transfer's stages, in order (position).",
        "facets": ["stage"],
    }


def test_metadata_speaks_turkish_and_carries_the_licence_given(
    registry_copy, tmp_path: Path
) -> None:
    root = registry_copy("sample")
    run = run_spo(
        "--root",
        str(root),
        "--lang",
        "tr",
        "export",
        "sqlite",
        str(tmp_path / "kayit.db"),
        "--license",
        "CC-BY-4.0",
        "--license-url",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))

    assert run.stdout == f"{tmp_path / 'kayit.db'} yazıldı\n{tmp_path / 'metadata.json'} yazıldı\n"
    assert metadata["title"] == "Sosyal Politikalar Ofisi kaydı"
    assert metadata["license"] == "CC-BY-4.0"
    assert metadata["databases"]["kayit"]["license_url"] == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert metadata["databases"]["kayit"]["tables"]["transfer_stages"]["description"] == (
        "Her aktarımın aşamaları, sırasıyla (position)."
    )


def test_csv_files_open_in_excel_as_written(registry_copy, tmp_path: Path) -> None:
    root = registry_copy("sample")
    folder = tmp_path / "tablolar"

    run = run_spo("--root", str(root), "export", "csv", str(folder))

    assert run.exit_code == 0
    assert run.stdout == "".join(f"Wrote {folder / f'{t}.csv'}\n" for t in TABLES)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert (folder / "partners.csv").read_bytes() == (
        "\ufeffid,project,name,type,role,municipality,note,source\r\n"
        "1,bizizmir-dayanisma-noktalari,Lund Üniversitesi,university,implementer,,,\r\n"
    ).encode()
    assert (folder / "engagements.csv").read_bytes() == (
        "\ufeffid,municipality,kind,host,date,participants,note,source\r\n"
        "1,artvin,study-visit,mersin-bb,2025-02-10,6,,15\r\n"
        "2,canakkale-lapseki-cardak,meeting,mersin-bb,2025-01,2,,\r\n"
        "3,istanbul-uskudar,study-visit,mersin-bb,../2025-03-21,,,\r\n"
    ).encode()
    lines = (folder / "municipalities.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[3].startswith("istanbul-uskudar,Üsküdar Belediyesi,district,34,İstanbul,")


def test_an_existing_export_is_replaced_only_with_force(exported: Path) -> None:
    root = exported.parent / "sample"
    target = exported / "spo.db"
    before = target.read_bytes()
    (exported / "metadata.json").write_text("{}", encoding="utf-8")

    refused = run_spo("--root", str(root), "export", "sqlite", str(target))
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        f"spo: {target} already exists; add --force to replace it\n",
    )
    assert target.read_bytes() == before
    assert (exported / "metadata.json").read_text(encoding="utf-8") == "{}"

    forced = run_spo("--root", str(root), "export", "sqlite", str(target), "--force")
    assert forced.exit_code == 0
    assert json.loads((exported / "metadata.json").read_text(encoding="utf-8"))["title"]
    assert sorted(p.name for p in exported.iterdir()) == ["metadata.json", "spo.db"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["sqlite", "{tmp}/missing/spo.db"], "spo: the folder {tmp}/missing does not exist\n"),
        (["sqlite", "{tmp}"], "spo: {tmp} is a folder; give a file name\n"),
        (
            ["sqlite", "{tmp}/spo.db", "--source-url", "github.com/x"],
            "spo: --source-url: 'github.com/x' is not a web address"
            " (it must start with http:// or https://)\n",
        ),
        (["csv", "{tmp}/file.txt"], "spo: {tmp}/file.txt is not a folder\n"),
        (
            ["csv", "{tmp}/old"],
            "spo: {tmp}/old/projects.csv already exists; add --force to replace it\n",
        ),
    ],
)
def test_usage_errors_write_nothing(
    registry_copy, tmp_path: Path, args: list[str], error: str
) -> None:
    root = registry_copy("sample")
    place = tmp_path / "place"
    place.mkdir()
    (place / "file.txt").write_text("x", encoding="utf-8")
    (place / "old").mkdir()
    (place / "old" / "projects.csv").write_text("old", encoding="utf-8")
    before = sorted(str(p.relative_to(place)) for p in place.rglob("*"))

    run = run_spo("--root", str(root), "export", *[a.format(tmp=place) for a in args])

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", error.format(tmp=place))
    assert sorted(str(p.relative_to(place)) for p in place.rglob("*")) == before
    assert (place / "old" / "projects.csv").read_text(encoding="utf-8") == "old"


def test_a_registry_with_problems_exports_what_can_be_read_and_says_what_is_missing(
    registry_copy, tmp_path: Path
) -> None:
    """mahalle-mutfaklari.yaml does not have a project's shape, so the transfer of it that
    artvin.yaml records points to no row of projects."""
    root = registry_copy("turkish-validate")

    run = run_spo("--root", str(root), "export", "sqlite", str(tmp_path / "spo.db"))

    assert (run.exit_code, run.stderr) == (
        0,
        "spo: warning: 1 file(s) could not be read and were left out;"
        " run `spo validate` to see why\n"
        "spo: warning: 1 reference(s) point to no record (exported, but unlinked);"
        " run `spo validate` to see why\n",
    )
    db = sqlite_utils.Database(tmp_path / "spo.db")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == [("transfers", 1, "projects", 1)]
    assert db.execute("SELECT project, municipality FROM transfers").fetchall() == [
        ("mahalle-mutfaklari", "artvin")
    ]
