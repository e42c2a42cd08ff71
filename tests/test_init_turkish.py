"""A Turkish office's new registry speaks Turkish: `spo --lang tr init` writes the comments of its
.gitignore, pre-commit hook and workflow in Turkish, with the very same settings as in English
(only the comments differ), and a Turkish README; `--lang en` writes them as before."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import run_spo
from tests.english_words import english_words

KESKIN = ["--province", "Kırıkkale", "--district", "Keskin", "--source", "https://example.org/a"]
COMMENTED = (".gitignore", ".pre-commit-config.yaml", ".github/workflows/validate.yml")


def comments(text: str) -> list[str]:
    """The comment lines, without what they quote as code (`always_run`)."""
    return [
        re.sub(r"`[^`]*`", "", line.split("#", 1)[1])
        for line in text.splitlines()
        if line.lstrip().startswith("#")
    ]


def started(tmp_path: Path, lang: str) -> Path:
    root = tmp_path / lang
    run = run_spo("--lang", lang, "init", str(root), *KESKIN)
    assert (run.exit_code, run.stderr) == (0, "")
    return root


def test_turkish_comments_under_tr_and_the_same_settings(tmp_path: Path) -> None:
    turkish, english = started(tmp_path, "tr"), started(tmp_path, "en")
    for name in COMMENTED:
        tr_text = (turkish / name).read_text(encoding="utf-8")
        en_text = (english / name).read_text(encoding="utf-8")
        assert comments(tr_text) and comments(tr_text) != comments(en_text), name
        assert [english_words(c) for c in comments(tr_text)] == [[]] * len(comments(tr_text))
        assert english_words(" ".join(comments(en_text)))  # English stays English
        if name.endswith((".yaml", ".yml")):
            assert yaml.safe_load(tr_text) == yaml.safe_load(en_text), name
        else:
            settings = [line for line in tr_text.splitlines() if not line.startswith("#")]
            assert settings == [line for line in en_text.splitlines() if not line.startswith("#")]
    readme = (turkish / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```|`[^`]*`|\(http[^)]*\)", "", readme, flags=re.S)
    assert english_words(prose) == []


def test_the_turkish_messages_of_init_and_schema(tmp_path: Path) -> None:
    run = run_spo("--lang", "tr", "init", str(tmp_path / "k"), *KESKIN)
    assert run.stdout.splitlines()[0] == (
        f"{tmp_path / 'k'} klasöründe yeni bir kayıt başlatıldı; ofisin belediyesi: "
        "kirikkale-keskin. Yazılan dosyalar:"
    )
    run = run_spo("--lang", "tr", "schema", "--write", str(tmp_path / "s"))
    assert run.stdout == (
        f"{tmp_path / 's' / 'project.schema.json'} yazıldı\n"
        f"{tmp_path / 's' / 'municipality.schema.json'} yazıldı\n"
    )
