"""Copy the YAML test suite's cases into tests/yaml_test_suite/cases/, one JSON file a case.

The suite (https://github.com/yaml/yaml-test-suite, MIT) publishes its cases, generated from
`src/*.yaml` on main, as folders on its `data` branch: `<ID>/` or, for a case with variants,
`<ID>/<NN>/`, each with `===` (the case's name), `in.yaml`, `in.json` when the YAML has a JSON
equivalent, and an empty `error` when the YAML is invalid. spo's tests need only those four, so
each case is kept as one small JSON object; the in.yaml text keeps every byte (tabs, BOM, CR).
The files are not named `*.yaml` on purpose: the tests that walk every YAML file under tests/
are about registry records, and these are not.

    git clone -b data https://github.com/yaml/yaml-test-suite /tmp/yts-data
    python tools/yaml_test_suite.py /tmp/yts-data tests/yaml_test_suite/cases
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SKIP = {"name", "tags", ".git"}


def case_folders(data: Path) -> list[Path]:
    """Every case: a top folder with an in.yaml, or each numbered variant under one (the
    `name/` and `tags/` folders only link to the same cases again)."""
    found = []
    for top in sorted(p for p in data.iterdir() if p.is_dir() and p.name not in SKIP):
        if (top / "in.yaml").exists():
            found.append(top)
        else:
            found.extend(sorted(v for v in top.iterdir() if (v / "in.yaml").exists()))
    return found


def case_id(data: Path, folder: Path) -> str:
    return folder.relative_to(data).as_posix()


def case_record(data: Path, folder: Path) -> dict[str, object]:
    record: dict[str, object] = {
        "id": case_id(data, folder),
        "name": (folder / "===").read_text(encoding="utf-8").strip(),
        "error": (folder / "error").exists(),
        "yaml": (folder / "in.yaml").read_bytes().decode("utf-8"),
    }
    if (folder / "in.json").exists():
        record["json"] = (folder / "in.json").read_bytes().decode("utf-8")
    return record


def main(data: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    folders = case_folders(data)
    for folder in folders:
        record = case_record(data, folder)
        name = str(record["id"]).replace("/", "-") + ".json"
        text = json.dumps(record, indent=1, ensure_ascii=True) + "\n"
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(folders)} cases written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
