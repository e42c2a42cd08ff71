"""The JSON Schemas: valid 2020-12 documents, in step with the vocabulary, usable by other tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spo.rules import schemas, vocabulary

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("kind", schemas.KINDS)
def test_schema_files_pass_the_2020_12_metaschema(kind: str) -> None:
    from jsonschema import Draft202012Validator

    document = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"urn:spo:schema:{kind}"


@pytest.mark.parametrize("kind", schemas.KINDS)
def test_schema_files_are_generated_from_the_vocabulary(kind: str) -> None:
    written = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert written == schemas.render(kind), "run: python -m spo.rules.schemas --write"


def test_every_vocabulary_value_has_both_labels() -> None:
    for vocab in vocabulary.ALL:
        for term in vocab.terms:
            assert term.tr.strip() and term.en.strip(), (vocab.name, term.value)
        assert len(set(vocab.values)) == len(vocab.values)


def test_every_vocabulary_is_an_enum_in_exactly_one_schema() -> None:
    defined = {
        name: kind
        for kind in schemas.KINDS
        for name, definition in schemas.build(kind)["$defs"].items()
        if "x-labels" in definition
    }
    assert sorted(defined) == sorted(v.name for v in vocabulary.ALL)


def test_unknown_keys_are_errors_everywhere() -> None:
    def objects(node: object) -> list[dict[str, object]]:
        found = []
        if isinstance(node, dict):
            if node.get("type") == "object":
                found.append(node)
            for value in node.values():
                found.extend(objects(value))
        elif isinstance(node, list):
            for value in node:
                found.extend(objects(value))
        return found

    for kind in schemas.KINDS:
        for obj in objects(schemas.build(kind)):
            assert obj.get("additionalProperties") is False, obj


def test_every_shipped_data_file_names_its_schema_for_editors() -> None:
    for kind, folder in (("project", "projects"), ("municipality", "municipalities")):
        for path in sorted((REPO / "data" / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", (
                path
            )


@pytest.mark.skipif(
    shutil.which("check-jsonschema") is None, reason="check-jsonschema not installed"
)
@pytest.mark.parametrize(
    ("kind", "folder"), [("project", "projects"), ("municipality", "municipalities")]
)
def test_check_jsonschema_accepts_the_shipped_data(kind: str, folder: str) -> None:
    files = sorted(str(p) for p in (REPO / "data" / folder).glob("*.yaml"))
    result = subprocess.run(
        ["check-jsonschema", "--schemafile", str(REPO / "schemas" / f"{kind}.schema.json"), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "ok -- validation done\n"), result.stderr


def test_python_dash_m_spo_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "spo", "--version"], capture_output=True, text=True, check=False
    )
    assert result.stdout.startswith("spo ")
