"""The three ways `spo validate` reports: for people, for programs, and for GitHub."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

BROKEN = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: 8
notes: 'Cep: 0532 123 45 67'
engagements:
  - kind: visit
    host: mersin-bb
    date: "2025-01"
sources:
  - https://example.org/artvin
"""


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "data/municipalities/artvin.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "data/projects/mahalle-mutfaklari.yaml").write_text(
        "id: mahalle-mutfaklari\nname: {tr: Mahalle Mutfakları}\nowner: mersin-bb\n"
        "summary: {tr: Sıcak yemek.}\nstatus: unknown\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    return root


def test_json_is_an_array_of_problems_and_nothing_else(broken: Path) -> None:
    result = run_spo("validate", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": "data/municipalities/artvin.yaml",
            "line": 5,
            "column": 8,
            "path": "$.notes",
            "code": "personal-data",
            "message": "this value holds a phone number; phone numbers belong only in "
            "a contact's 'phone' field",
            "severity": "error",
        },
        {
            "file": "data/municipalities/artvin.yaml",
            "line": 7,
            "column": 11,
            "path": "$.engagements[0].kind",
            "code": "schema",
            "message": "'kind' is 'visit' (did you mean 'study-visit'?); expected one of: "
            "Study visit (study-visit), Meeting (meeting), Training (training)",
            "severity": "error",
        },
        {
            "file": "data/projects/mahalle-mutfaklari.yaml",
            "line": 1,
            "column": 1,
            "path": "$",
            "code": "no-source",
            "message": "record has no sources; say where its facts come from",
            "severity": "warning",
        },
    ]
    assert result.stderr == "3 files checked, 3 problems (2 errors, 1 warning)\n"


def test_json_keeps_turkish_letters_unescaped(broken: Path) -> None:
    (broken / "data/municipalities/artvin.yaml").write_text(
        BROKEN.replace("kind: visit", "kind: Görüşme"), encoding="utf-8"
    )
    result = run_spo("validate", "--format", "json")
    assert "'Görüşme'" in result.stdout
    assert "\\u" not in result.stdout


def test_github_annotations_point_at_the_line(broken: Path) -> None:
    result = run_spo("validate", "--format", "github")
    assert result.stdout == (
        "::error file=data/municipalities/artvin.yaml,line=5,col=8,title=spo personal-data::"
        "this value holds a phone number; phone numbers belong only in a contact's "
        "'phone' field at $.notes\n"
        "::error file=data/municipalities/artvin.yaml,line=7,col=11,title=spo schema::"
        "'kind' is 'visit' (did you mean 'study-visit'?); expected one of: "
        "Study visit (study-visit), Meeting (meeting), Training (training) at "
        "$.engagements[0].kind\n"
        "::warning file=data/projects/mahalle-mutfaklari.yaml,line=1,col=1,title=spo no-source::"
        "record has no sources; say where its facts come from\n"
        "3 files checked, 3 problems (2 errors, 1 warning)\n"
    )


def test_github_format_is_chosen_inside_github_actions(broken: Path) -> None:
    result = run_spo("validate", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=data/municipalities/artvin.yaml,line=5,")


def test_github_annotation_escapes_newlines_percent_and_separators() -> None:
    from spo.cli.render.problems import format_github
    from spo.rules.message import Message
    from spo.rules.problems import Problem

    message = Message.of("read.key-not-text", key="50% done\nnext line")
    problem = Problem(Path("a,b:c.yaml"), 3, 1, (), message, "schema")
    assert format_github([problem], "en", Path.cwd()) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=1,title=spo schema::"
        "key '50%25 done%0Anext line' is not text; write it in quotes\n"
    )


def test_an_unknown_format_is_a_usage_error(broken: Path) -> None:
    result = run_spo("validate", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == "spo: --format: 'xml' is not a choice; use one of: text, json, github\n"
