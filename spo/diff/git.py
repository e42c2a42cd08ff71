"""A registry's side as a git revision: its record files listed from the commit's tree and read
from git's objects, as `spo validate` would read them from a checkout of that commit.

What a checkout would make of a tree entry is said the same way here: a link is followed
within the repository (`git cat-file --follow-symlinks`), and one that leads nowhere or out of
it is the problem a checkout's link would be; a submodule or a folder named `x.yaml` is not a
file; a file too large is refused from its size, unread; anything else in a record folder is a
stray file. Git's own refusals (an unsafe repository, a missing object) are usage errors that
quote git.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from spo.diff.sides import Side, SideFile, file_order
from spo.files import registry
from spo.files.loader import MAX_FILE_BYTES
from spo.rules.errors import UsageError
from spo.rules.message import Message
from spo.rules.problems import Problem

# Where a default branch may be found when `origin/HEAD` does not say (`git clone` sets it).
DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")
_RECORD_FOLDERS = tuple(f"data/{name}" for name in registry.FOLDERS.values())


class Git:
    """The git repository that holds a registry, asked through the `git` command."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.top = root
        done = self._call(
            "rev-parse", "--show-toplevel", "--show-prefix", "--show-object-format", cwd=root
        )
        if done.returncode != 0:
            error = _first_line(done.stderr)
            if "not a git repository" in error:
                raise UsageError.of("diff.not-git", root=str(root))
            raise UsageError.of("diff.git-error", error=error)
        lines = done.stdout.decode("utf-8", "surrogateescape").split("\n")
        top, prefix, object_format = [*lines, "", ""][:3]
        self.top = Path(top)
        self.prefix = prefix.strip()
        # (a git older than 2.25 says the option back: its objects are sha1)
        self.object_format = object_format if object_format in ("sha1", "sha256") else "sha1"

    def _call(
        self, *args: str, cwd: Path | None = None, given: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                ["git", *args], cwd=cwd or self.top, input=given, capture_output=True, check=False
            )
        except OSError:  # no git at all
            raise UsageError.of("diff.no-git") from None

    def _run(self, *args: str) -> str | None:
        done = self._call(*args)
        return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None

    def commit(self, revision: str) -> str:
        """The commit a revision names; an unknown one, or one that is no commit, is a usage
        error."""
        if revision.startswith("-"):
            raise UsageError.of("diff.unknown-revision", revision=revision)
        found = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", revision)
        if not found:
            raise UsageError.of("diff.unknown-revision", revision=revision)
        commit = self._run("rev-parse", "--verify", "--quiet", f"{found.strip()}^{{commit}}")
        if not commit:
            raise UsageError.of("diff.not-a-commit", revision=revision)
        return commit.strip()

    def default_base(self) -> Side:
        """The merge base of HEAD with the default branch (named as the side's label)."""
        named = self._run("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
        candidates = list(dict.fromkeys(([named.strip()] if named else []) + [*DEFAULT_BRANCHES]))
        for branch in candidates:
            if self._run("rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}"):
                base = self._run("merge-base", "HEAD", branch)
                if not base:  # a shallow clone, or histories with nothing in common
                    raise UsageError.of("diff.no-merge-base", branch=branch)
                side = self.side(base.strip(), "merge-base")
                side.label = branch
                return side
        raise UsageError.of("diff.no-default-branch", tried=", ".join(candidates))

    def side(self, revision: str, origin: str = "revision") -> Side:
        commit = self.commit(revision)
        folders = [f"{self.prefix}{folder}/" for folder in _RECORD_FOLDERS]
        listing = self._run("ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", *folders)
        side = Side(revision, commit, [], origin, _git=self)
        links: list[SideFile] = []
        seen: set[Path] = set()
        for entry in (listing or "").split("\0"):
            if not entry:
                continue
            meta, _, name = entry.partition("\t")
            mode, kind, blob, size = meta.split()
            # As text: 11,400 paths made and cut by pathlib cost a warm diff a fifth of its time.
            parts = name.removeprefix(self.prefix).split("/")
            relative = Path("/".join(parts[:3]))
            if relative in seen or (relative.name.startswith(".") and relative.suffix != ".yaml"):
                continue  # a folder's second file; hidden, not a record: `spo validate` skips it
            seen.add(relative)
            record_kind = registry.kind_of(relative)
            if relative.suffix != ".yaml":
                side.files.append(SideFile(None, relative, ""))  # a stray file or folder
                continue
            file = SideFile(record_kind, relative, "")
            if len(parts) > 3 or kind == "commit":  # a folder on disk, or a submodule
                side._problems[relative] = _problem(relative, "read.not-a-file", "not-a-file")
            elif mode == "120000":
                links.append(file)
            elif size.isdigit() and int(size) > MAX_FILE_BYTES:
                side._problems[relative] = _too_large(relative, int(size))
            else:
                file = SideFile(record_kind, relative, blob)
            side.files.append(file)
        resolved = self._follow(commit, links, side)
        side.files = [resolved.get(f.path, f) for f in side.files]
        records = sorted((f for f in side.files if f.kind), key=file_order)
        side.files = records + sorted((f for f in side.files if not f.kind), key=file_order)
        return side

    def _follow(self, commit: str, links: list[SideFile], side: Side) -> dict[Path, SideFile]:
        """The files links lead to, as a checkout would follow them; a link that leads out of
        the repository, nowhere, or round in a loop is the problem it would be there."""
        if not links:
            return {}
        names = "".join(f"{commit}:{self.prefix}{f.path.as_posix()}\n" for f in links)
        done = self._call("cat-file", "--batch-check", "--follow-symlinks", given=names.encode())
        lines = iter(done.stdout.decode("utf-8", "surrogateescape").split("\n"))
        found: dict[Path, SideFile] = {}
        for file in links:
            words = next(lines, "").split()
            if len(words) == 3 and words[1] == "blob":
                if int(words[2]) > MAX_FILE_BYTES:
                    side._problems[file.path] = _too_large(file.path, int(words[2]))
                else:
                    found[file.path] = SideFile(file.kind, file.path, words[0])
                continue
            target = next(lines, "") if words[:1] in (["symlink"], ["dangling"], ["loop"]) else ""
            if words[:1] == ["symlink"]:  # out of the repository: as this machine has it
                problem = self._outside(file.path, target)
            elif words[:1] == ["loop"]:
                problem = _problem(file.path, "read.unreadable", "unreadable", error="ELOOP")
            elif len(words) == 3 and words[1] == "tree":
                problem = _problem(file.path, "read.not-a-file", "not-a-file")
            else:
                problem = _problem(file.path, "read.file-missing", "file-missing")
            side._problems[file.path] = problem
        return found

    def _outside(self, path: Path, target: str) -> Problem:
        """A link out of the repository, as a checkout here would find it: a file outside the
        registry, or nothing."""
        try:
            found = (self.top / target).resolve(strict=True)
        except (OSError, RuntimeError):
            return _problem(path, "read.file-missing", "file-missing")
        return _problem(path, "read.link-outside", "link-outside", target=found.as_posix())

    def blobs(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The content of each blob, in one `git cat-file --batch`."""
        unique = list(dict.fromkeys(ids))
        done = self._call("cat-file", "--batch", given="".join(f"{i}\n" for i in unique).encode())
        out: dict[str, bytes] = {}
        data, at = done.stdout, 0
        for blob in unique:
            end = data.find(b"\n", at)
            header = data[at:end].split() if end >= 0 else []
            if done.returncode != 0 or len(header) != 3:  # missing: a partial clone offline
                error = _first_line(done.stderr) or data[at:end].decode("utf-8", "replace")
                raise UsageError.of("diff.git-error", error=error or blob)
            size = int(header[2])
            out[blob] = data[end + 1 : end + 1 + size]
            at = end + 1 + size + 1
        return out


def _first_line(stderr: bytes) -> str:
    return stderr.decode("utf-8", "replace").strip().split("\n")[0]


def _problem(path: Path, key: str, code: str, **params: object) -> Problem:
    return Problem(path, 0, 0, (), Message.of(key, **params), code)


def _too_large(path: Path, size: int) -> Problem:
    return _problem(path, "read.file-too-large", "file-too-large", size=size, limit=MAX_FILE_BYTES)
