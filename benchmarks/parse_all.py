"""The baseline every figure is compared with: libyaml's C parser over every record file.

Run as its own process by `python -m benchmarks` (start-up included, as for spo):
    python benchmarks/parse_all.py ROOT            parse every data/*/*.yaml, keep nothing
    python benchmarks/parse_all.py ROOT --memory   print the size of all the parsed data (bytes,
                                                   tracemalloc: what the data holds once loaded)
    python benchmarks/parse_all.py ROOT --spo      read every file as spo does: the fast path
                                                   (yaml-rs), else spo's exact reading (issue 25)
    python benchmarks/parse_all.py ROOT --yaml-rs  every file by yaml-rs alone (Rust; spo's fast
                                                   path without its guard)
    python benchmarks/parse_all.py ROOT --ryaml    every file by ryaml (Rust, serde_yaml; not a
                                                   dependency: `pip install ryaml`)
The libyaml yardstick is PyYAML's `CSafeLoader`; each other mode imports only its own parser.
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import yaml


def files(root: Path) -> list[Path]:
    return sorted(root.glob("data/*/*.yaml"))


def main(argv: list[str]) -> None:
    root = Path(argv[0])
    if "--memory" in argv:
        tracemalloc.start()
        kept = []
        for path in files(root):
            with path.open(encoding="utf-8") as f:
                kept.append(yaml.load(f, Loader=yaml.CSafeLoader))  # noqa: S506
        size, peak = tracemalloc.get_traced_memory()
        print(size, peak)
        return
    if "--spo" in argv:
        from spo.files.loader import load_file  # only this yardstick pays for importing spo

        for path in files(root):
            load_file(path, root)
        return
    if "--yaml-rs" in argv:
        import yaml_rs  # only this yardstick pays for importing it

        for path in files(root):
            yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)  # as spo does
        return
    if "--ryaml" in argv:
        import ryaml  # optional: `python -m benchmarks` shows n/a when it is not installed

        for path in files(root):
            ryaml.loads(path.read_text(encoding="utf-8"))
        return
    for path in files(root):
        with path.open(encoding="utf-8") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)  # noqa: S506


if __name__ == "__main__":
    main(sys.argv[1:])
