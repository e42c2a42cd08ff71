"""The help catalogue (spo/cli/text/help.toml), checked as plain data: no CLI import.

Every entry has Turkish and English text, every command and parameter has help, every option
that takes a value has a placeholder word in capitals, and every command has a real example.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spo.rules.vocabulary import (
    ENGAGEMENT_KINDS,
    METRICS,
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Vocabulary,
)

CATALOGUE = Path(__file__).resolve().parents[1] / "spo" / "cli" / "text" / "help.toml"
HELP: dict[str, Any] = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["help"]

GROUPS = ["project", "municipality", "transfer", "engagement", "figure", "export"]

# Every command and its parameters (Python parameter names); True: takes a value (needs a
# metavar), False: a flag. "spo" is the root command.
PARAMETERS: dict[str, dict[str, bool]] = {
    "spo": {
        "root": True,
        "lang": True,
        "version": False,
        "install_completion": False,
        "show_completion": False,
    },
    "validate": {"paths": True, "format": True, "strict": False, "if_changed": False},
    "diff": {
        "base": True,
        "head": True,
        "base_dir": True,
        "head_dir": True,
        "as_of": True,
        "format": True,
        "strict": False,
    },
    "report": {
        "as_of": True,
        "owner": True,
        "format": True,
        "lang": True,
        "explain": True,
        "kind": True,
        "output": True,
        "force": False,
        "strict": False,
    },
    "search": {"query_words": True, "limit": True, "format": True, "delimiter": True},
    "project.list": {
        "owner": True,
        "theme": True,
        "target_group": True,
        "service_model": True,
        "status": True,
        "adopted_by": True,
        "sort": True,
        "format": True,
        "delimiter": True,
    },
    "project.show": {"project_id": True, "format": True},
    "project.new": {
        "name": True,
        "owner": True,
        "summary": True,
        "status": True,
        "project_id": True,
        "name_en": True,
        "summary_en": True,
        "launched": True,
        "status_as_of": True,
        "status_source": True,
        "themes": True,
        "target_groups": True,
        "service_model": True,
        "website": True,
        "sources": True,
        "dry_run": False,
        "yes": False,
    },
    "municipality.list": {
        "kind": True,
        "province": True,
        "engagements": False,
        "transfers": False,
        "stage": True,
        "sort": True,
        "format": True,
        "delimiter": True,
    },
    "municipality.show": {"municipality_id": True, "format": True},
    "municipality.new": {
        "province": True,
        "district": True,
        "town": True,
        "kind": True,
        "name": True,
        "website": True,
        "sources": True,
        "dry_run": False,
        "yes": False,
    },
    "transfer.add": {
        "project": True,
        "to": True,
        "stage": True,
        "when": True,
        "note": True,
        "source": True,
        "dry_run": False,
        "yes": False,
    },
    "transfer.list": {
        "project": True,
        "to": True,
        "stage": True,
        "owner": True,
        "since": True,
        "until": True,
        "sort": True,
        "format": True,
        "delimiter": True,
    },
    "engagement.add": {
        "to": True,
        "host": True,
        "kind": True,
        "when": True,
        "participants": True,
        "note": True,
        "source": True,
        "dry_run": False,
        "yes": False,
    },
    "figure.add": {
        "to": True,
        "metric": True,
        "value": True,
        "qualifier": True,
        "kind": True,
        "when": True,
        "note": True,
        "source": True,
        "source_title": True,
        "source_publisher": True,
        "source_date": True,
        "source_archived": True,
        "dry_run": False,
        "yes": False,
    },
    "init": {
        "folder": True,
        "province": True,
        "district": True,
        "town": True,
        "office": True,
        "website": True,
        "sources": True,
        "spo_requirement": True,
    },
    "schema": {"kind": True, "write": True, "force": False},
    "serve": {"path": True, "port": True, "host": True, "token": False},
    "export.sqlite": {
        "file": True,
        "force": False,
        "source_url": True,
        "license": True,
        "license_url": True,
    },
    "export.csv": {"folder": True, "force": False, "delimiter": True},
}
COMMANDS = [c for c in PARAMETERS if c != "spo"]

# Options that take a value from a fixed list: their help names every value.
VOCABULARY_OPTIONS: dict[tuple[str, str], Vocabulary] = {
    ("project.list", "theme"): THEMES,
    ("project.list", "target_group"): TARGET_GROUPS,
    ("project.list", "service_model"): SERVICE_MODELS,
    ("project.list", "status"): PROJECT_STATUSES,
    ("project.new", "themes"): THEMES,
    ("project.new", "target_groups"): TARGET_GROUPS,
    ("project.new", "service_model"): SERVICE_MODELS,
    ("project.new", "status"): PROJECT_STATUSES,
    ("municipality.list", "kind"): MUNICIPALITY_KINDS,
    ("report", "kind"): MUNICIPALITY_KINDS,
    ("report", "explain"): METRICS,
    ("municipality.list", "stage"): STAGES,
    ("municipality.new", "kind"): MUNICIPALITY_KINDS,
    ("transfer.add", "stage"): STAGES,
    ("transfer.list", "stage"): STAGES,
    ("engagement.add", "kind"): ENGAGEMENT_KINDS,
}


def tr_upper(text: str) -> str:
    """Upper case the Turkish way: i -> İ, ı -> I."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def entries(table: dict[str, Any], path: str = "help") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every table holding `tr` or `en`, with its dotted key."""
    if "tr" in table or "en" in table:
        yield path, table
    for key, value in table.items():
        if isinstance(value, dict):
            yield from entries(value, f"{path}.{key}")


def node(dotted: str) -> dict[str, Any] | None:
    found: Any = HELP
    for part in dotted.split("."):
        if not isinstance(found, dict) or part not in found:
            return None
        found = found[part]
    return found if isinstance(found, dict) else None


def parameter_entry(command: str, parameter: str) -> dict[str, Any] | None:
    """The parameter's own entry, else the shared one (as the loader resolves it)."""
    return node(f"{command}.options.{parameter}") or node(f"options.{parameter}")


ALL_ENTRIES = list(entries(HELP))


def test_the_catalogue_has_entries() -> None:
    assert len(ALL_ENTRIES) > 100


@pytest.mark.parametrize("key,entry", ALL_ENTRIES, ids=[k for k, _ in ALL_ENTRIES])
def test_every_entry_has_both_languages_non_empty(key: str, entry: dict[str, Any]) -> None:
    for lang in ("tr", "en"):
        assert isinstance(entry.get(lang), str), f"{key} has no {lang}"
        assert entry[lang].strip(), f"{key}: {lang} is empty"


@pytest.mark.parametrize("key,entry", ALL_ENTRIES, ids=[k for k, _ in ALL_ENTRIES])
def test_placeholders_match(key: str, entry: dict[str, Any]) -> None:
    def placeholders(text: str) -> set[str]:
        return set(re.findall(r"\{[^{}]*\}", text))

    assert placeholders(entry.get("tr", "")) == placeholders(entry.get("en", ""))


def test_root_groups_and_shared_help_exist() -> None:
    for key in ["spo", *GROUPS, "options.help"]:
        entry = node(key)
        assert entry is not None and "tr" in entry, key


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_real_example(command: str) -> None:
    entry = node(command)
    assert entry is not None and "tr" in entry and "en" in entry, command
    examples = entry.get("examples")
    assert isinstance(examples, list) and 1 <= len(examples) <= 2, command
    assert all(isinstance(e, str) for e in examples)
    assert all(
        e.startswith(f"spo {command.replace('.', ' ')} ") or e == f"spo {command.replace('.', ' ')}"
        for e in examples
    ), examples


@pytest.mark.parametrize("command", COMMANDS)
def test_the_first_sentence_stands_alone(command: str) -> None:
    """The first paragraph is one sentence: it is the short help in command lists."""
    entry = node(command)
    assert entry is not None
    for lang in ("tr", "en"):
        first = entry[lang].split("\n\n")[0]
        assert "\n" not in first and first.endswith("."), (command, lang, first)
        assert ". " not in first, (command, lang, first)


@pytest.mark.parametrize(
    "command,parameter,takes_value",
    [(c, p, v) for c, params in PARAMETERS.items() for p, v in params.items()],
)
def test_every_parameter_has_help_and_a_metavar_when_it_takes_a_value(
    command: str, parameter: str, takes_value: bool
) -> None:
    entry = parameter_entry(command, parameter)
    assert entry is not None and "tr" in entry, f"no help for {command} {parameter}"
    own = node(f"{command}.options.{parameter}")
    metavar = (own or {}).get("metavar") or (node(f"options.{parameter}") or {}).get("metavar")
    if takes_value:
        assert metavar is not None, f"{command} {parameter} takes a value but has no metavar"
    else:
        assert metavar is None, f"{command} {parameter} is a flag but has a metavar"


def test_every_metavar_is_a_word_in_capitals() -> None:
    metavars = [(k, e) for k, e in ALL_ENTRIES if k.endswith(".metavar")]
    assert metavars
    for key, entry in metavars:
        for lang in ("tr", "en"):
            word = entry[lang]
            assert word == tr_upper(word), f"{key}: {lang} {word!r} is not in capitals"
            assert re.fullmatch(r"[^\W\d_]+(\.\.\.)?", word), f"{key}: {lang} {word!r}"


def test_no_help_for_a_parameter_that_does_not_exist() -> None:
    for command, params in PARAMETERS.items():
        options = (node(command) or {}).get("options", {})
        assert set(options) <= set(params), command
    commands = {c.split(".")[0] for c in PARAMETERS} | {"options"}
    assert set(HELP) <= commands


@pytest.mark.parametrize(
    "command,parameter", list(VOCABULARY_OPTIONS), ids=[".".join(k) for k in VOCABULARY_OPTIONS]
)
def test_fixed_choices_are_named_in_the_help(command: str, parameter: str) -> None:
    entry = parameter_entry(command, parameter)
    assert entry is not None
    vocab = VOCABULARY_OPTIONS[command, parameter]
    for lang in ("tr", "en"):
        if f"{{choices[{vocab.name}]}}" in entry[lang]:  # every value, with its label
            continue
        named = set(re.findall(r"[a-z]+(?:-[a-z]+)*", entry[lang]))
        missing = set(vocab.values) - named
        assert not missing, (command, parameter, lang, missing)


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("command", [["diff"], ["validate"], ["project", "show"], ["search"]])
def test_a_help_page_lists_each_argument_once(lang: str, command: list[str]) -> None:
    """Typer lists a command's arguments beside its options; click (8.5 on) would list them again
    under a heading of its own."""
    from tests.conftest import run_spo

    page = run_spo("--lang", lang, *command, "--help", env={"COLUMNS": "100"}).stdout
    headings = [line for line in page.splitlines() if line and not line.startswith(" ")]
    assert sum(h.rstrip(":") in ("Argümanlar", "Arguments") for h in headings) == 1
    assert not any("Positional" in h or "Konumsal" in h for h in headings)
