"""A registry's history as a reviewer would make it: a copy of `tests/registries/report-histories`
in a git repository, then one commit per edit, each a text edit of the YAML that keeps its
comments, as someone changing the files by hand would make it. Authors and dates are fixed, so
the commits' ids (which the goldens show) move only when that registry does.

`build(folder)` returns the repository with its commits tagged, so that tests name them:

- `base`: the registry as it is;
- `new-stage`: Üsküdar's transfer of Kadın Ustalar gets a `presentation` stage with its source
  (Üsküdar becomes supported: "supported" 5 → 6, and Mersin's published "transferred to
  exactly 4" is no longer met);
- `deleted-municipality`: İzmir is deleted while a project (its owner) and Karaköprü's
  engagement (its host) still name it;
- `renamed`: `camasir-kafe.yaml` becomes `camasir-kafe-mersin.yaml`, its `id:` line with it
  (nothing names the project), then `renamed-referenced`: `kadin-ustalar.yaml` becomes
  `kadin-ustalar-kursu.yaml`, which Üsküdar's transfer still names, until
  `references-updated` names the new id;
- `removed-source`: Üsküdar's new stage loses its `source:` and the record its only source;
- `new-figure`: Mersin publishes "at least 4 municipalities supported" on 2025-12-31.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REGISTRIES

# git as a test needs it: no user or system configuration, a fixed author and dates.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Reviewer",
    "GIT_AUTHOR_EMAIL": "reviewer@example.org",
    "GIT_COMMITTER_NAME": "Reviewer",
    "GIT_COMMITTER_EMAIL": "reviewer@example.org",
    "GIT_AUTHOR_DATE": "2026-01-02T10:00:00+03:00",
    "GIT_COMMITTER_DATE": "2026-01-02T10:00:00+03:00",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, message: str, tag: str | None = None) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    if tag:
        git(repo, "tag", tag)


def init(repo: Path) -> None:
    git(repo, "init", "-q", "-b", "main")


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file's text, as an editor would."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def municipality(root: Path, name: str) -> Path:
    return root / "data" / "municipalities" / f"{name}.yaml"


def project(root: Path, name: str) -> Path:
    return root / "data" / "projects" / f"{name}.yaml"


# --- the edits ------------------------------------------------------------------------------


def new_stage(root: Path) -> None:
    edit(
        municipality(root, "istanbul-uskudar"),
        """  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-15"
""",
        """  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-15"
      - stage: presentation
        date: "2025-05-02"
        source: https://example.org/uskudar/sunum
""",
    )


def delete_municipality(root: Path) -> None:
    municipality(root, "izmir-bb").unlink()


def rename_unreferenced(root: Path) -> None:
    old = project(root, "camasir-kafe")
    new = project(root, "camasir-kafe-mersin")
    old.rename(new)
    edit(new, "id: camasir-kafe\n", "id: camasir-kafe-mersin\n")


def rename_referenced(root: Path) -> None:
    old = project(root, "kadin-ustalar")
    new = project(root, "kadin-ustalar-kursu")
    old.rename(new)
    edit(new, "id: kadin-ustalar\n", "id: kadin-ustalar-kursu\n")


def update_references(root: Path) -> None:
    edit(
        municipality(root, "istanbul-uskudar"),
        "  - project: kadin-ustalar\n",
        "  - project: kadin-ustalar-kursu\n",
    )


def remove_source(root: Path) -> None:
    path = municipality(root, "istanbul-uskudar")
    edit(path, "        source: https://example.org/uskudar/sunum\n", "")
    edit(path, "sources:\n  - https://example.org/uskudar\n", "")


def new_figure(root: Path) -> None:
    edit(
        municipality(root, "mersin-bb"),
        """    source: https://example.org/mersin/6
""",
        """    source: https://example.org/mersin/6
  # The year-end bulletin: "at least four municipalities" took up a Mersin project.
  - date: "2025-12-31"
    metric: municipalities-supported
    value: 4
    qualifier: at-least
    source: https://example.org/mersin/7
""",
    )


HISTORY = (
    ("new-stage", "Üsküdar: Kadın Ustalar presented on 2 May 2025", new_stage),
    ("deleted-municipality", "İzmir removed", delete_municipality),
    ("renamed", "Çamaşır Kafe: a clearer id", rename_unreferenced),
    ("renamed-referenced", "Kadın Ustalar: a clearer id", rename_referenced),
    ("references-updated", "Üsküdar: Kadın Ustalar's new id", update_references),
    ("removed-source", "Üsküdar: sources dropped", remove_source),
    ("new-figure", "Mersin: the year-end bulletin's figure", new_figure),
)


def build(repo: Path, registry: str = "report-histories") -> Path:
    """A git repository at `repo` whose commits are the registry and then each edit of
    `HISTORY`, each tagged with its name (the first `base`)."""
    shutil.copytree(REGISTRIES / registry, repo)
    init(repo)
    commit(repo, "The registry", "base")
    for tag, message, change in HISTORY:
        change(repo)
        commit(repo, message, tag)
    return repo
