"""How `spo validate` scales: run with `python benchmarks/bench_validate.py`.

Measures, in one run on one synthetic registry (1,400 municipalities, 10,000 projects):
- the whole `validate` (load + schema + cross-file checks);
- spo's reading (the yaml-rs fast path where its guard allows, spo's exact reading elsewhere),
  spo's exact reading alone, libyaml's C loader and the pure-Python loader;
- composing nodes (what line lookup needs) vs loading data, i.e. what validate saves by
  composing only the files that have problems.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import build  # noqa: E402
from spo.checks.validation import validate  # noqa: E402
from spo.files import loader  # noqa: E402


def timed(label: str, fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed:8.2f} s")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = build(Path(tmp))
        files = sorted(root.glob("data/*/*.yaml"))
        texts = [f.read_text(encoding="utf-8") for f in files]
        print(f"{len(files)} files, {sum(map(len, texts)) / 1e6:.1f} MB")
        whole = timed("spo validate (whole registry)", lambda: validate(root))
        timed(
            "spo's reading, fast path first",
            lambda: [loader.parse(f, t) for f, t in zip(files, texts, strict=True)],
        )
        exact = timed(
            "spo's exact reading (with positions)",
            lambda: [loader.parse_exact(f, t) for f, t in zip(files, texts, strict=True)],
        )
        c_load = timed(
            "load data, libyaml C loader",
            lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts],  # noqa: S506
        )

        class PyLoader(yaml.SafeLoader):
            pass

        py_load = timed(
            "load data, pure-Python loader", lambda: [yaml.load(t, Loader=PyLoader) for t in texts]
        )  # noqa: S506
        compose = timed(
            "compose nodes (for line numbers), C", lambda: [loader.compose(t) for t in texts]
        )
        print(f"pure-Python / C loading: {py_load / c_load:.1f}x")
        print(f"spo's exact reading / C loading: {exact / c_load:.2f}x")
        print(f"compose / load: {compose / c_load:.2f}x (paid only for files with problems)")
        print(f"validate / load: {whole / c_load:.1f}x")


if __name__ == "__main__":
    main()
