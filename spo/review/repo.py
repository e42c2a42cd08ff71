"""The git repository around a registry, as `spo.review` asks it: every call a list of arguments
(never a shell), with a timeout, with git's prompts turned off; a failure is a `review.*` code
that quotes git's own first line.

A code's parameters are kept from naming this computer's absolute paths: they are shown on a web
page, maybe to a browser on another computer (`spo serve --host`). The registry's folder is named
by its name; spo's files in git's folder from the repository's top (`.git/spo/sent.json`); in
git's own words (`without_paths`) the repository's top is `.`, git's folder `$GIT_DIR`, and any
other absolute path its last name, while a URL's host and path (`ssh://srv/home/u/x`) are left as
git wrote them: they are another computer's.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spo.rules.errors import SpoError, UsageError

# Local plumbing answers at once; a push or a call to GitHub may wait on the network.
LOCAL_SECONDS = 30
NETWORK_SECONDS = 120


# The folders a command's words name by a word: the folder it ran in as `.`, unless told.
Named = tuple[tuple[Path, str], ...]


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: bytes
    stderr: bytes
    named: Named = ()  # the folders its error names by a word (`without_paths`)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8", "surrogateescape").strip()

    @property
    def error(self) -> str:
        """The first line that says something, of stderr (else stdout), without paths."""
        for stream in (self.stderr, self.stdout):
            for line in stream.decode("utf-8", "replace").splitlines():
                if line.strip():
                    return without_paths(line.strip(), self.named)
        return f"exit {self.returncode}"


# A path begins the text, a word, a quotation or an option's value: not inside a URL
# (`ssh://srv/home/u/x`, whose path is the server's) or a longer path (`/b/a/c` holds no `/a`).
# A `file://` URL is a path of this computer, reduced as one.
_BEGINS = r"(?<![^\s'\"`(=])(?i:file://)?"
# A folder ends at a separator, a space, a quotation mark, punctuation, or the text's end: not
# in a longer name (`/home/u/kayit-bare` is not `/home/u/kayit`).
_ENDS = r"(?=[/\\\s'\"`:;,)]|$)"
_ABSOLUTE = re.compile(_BEGINS + r"(?:[A-Za-z]:)?/[^\s'\"`]*")


def without_paths(text: str, named: Named) -> str:
    """`text` without this computer's absolute paths: each folder of `named` (as given,
    resolved, or with `/`, as git on Windows writes it) by its word, a path inside it from
    there (`'/home/u/kayit/.git/index.lock'` -> `'.git/index.lock'` where the folder is `.`),
    and any other absolute path by its last name (`/home/u/.gitconfig` -> `.gitconfig`)."""
    for folder, word in named:
        forms = {str(folder), str(folder.resolve()), folder.as_posix()}
        forms.add(folder.resolve().as_posix())
        for form in sorted(forms - {"", ".", "/"}, key=len, reverse=True):
            found = re.compile(_BEGINS + re.escape(form) + _ENDS + r"([/\\](?=[^\s/\\'\"`]))?")
            text = found.sub(_by(word), text)
    return _ABSOLUTE.sub(lambda m: _last_name(m.group()), text)


def _by(word: str) -> Callable[[re.Match[str]], str]:
    """The folder itself by `word`; a path inside it from there (`.git/x`, `$GIT_DIR/x`)."""
    inside = "" if word == "." else f"{word}/"
    return lambda found: inside if found.group(1) else word


def _last_name(path: str) -> str:
    return re.split(r"[/\\]", path.rstrip("/\\"))[-1] or "/"


def call(
    command: list[str],
    cwd: Path,
    *,
    given: bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = LOCAL_SECONDS,
    named: Named | None = None,
) -> Done:
    """Run `command` (a program and its arguments) in `cwd`; `review.no-program` when there
    is no such program, `review.timeout` when it does not finish in time. Its error names the
    folders of `named` by their words (else `cwd` as `.`)."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GH_PROMPT_DISABLED": "1"}
    environment.update(env or {})
    program = _last_name(command[0])  # `gh` as found on PATH: the name, not its folder
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            input=given if given is not None else b"",
            capture_output=True,
            env=environment,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SpoError.of(
            "review.timeout", command=" ".join([program, *command[1:2]]), seconds=int(timeout)
        ) from None
    except OSError:
        raise SpoError.of("review.no-program", program=program) from None
    here: Named = ((cwd, "."),) if named is None else named
    return Done(done.returncode, done.stdout, done.stderr, here)


class Repo:
    """The repository whose working tree holds the registry at `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        asked = [
            "git",
            "rev-parse",
            "--show-toplevel",
            "--absolute-git-dir",
            "--show-object-format",
        ]
        done = call(asked, root)
        if not done.ok:
            if "not a git repository" in done.error:
                raise UsageError.of("review.not-git", root=root.resolve().name or "/")
            raise SpoError.of("review.git-failed", command="rev-parse", error=done.error)
        top, git_dir, object_format = [*done.text.split("\n"), "", ""][:3]
        self.top = Path(top)
        self.git_dir = Path(git_dir)
        # How git's words name them: the top as `.`, as the commands run there; git's folder
        # (a worktree's is elsewhere) as git's documentation writes it.
        self.named: Named = ((self.top, "."), (self.git_dir, "$GIT_DIR"))
        # (a git older than 2.25 says the option back: its objects are sha1)
        self._object_format = object_format if object_format in ("sha1", "sha256") else "sha1"

    def shown(self, path: Path) -> str:
        """A file of git's folder as a message names it: from the repository's top
        (`.git/spo/pending/journal.json`), or from git's folder where that is elsewhere (a
        worktree's, `--separate-git-dir`), as git's documentation writes it (`$GIT_DIR/...`)."""
        for base, prefix in ((self.top, ""), (self.git_dir, "$GIT_DIR/")):
            try:
                return prefix + path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
        return path.name

    @property
    def folder(self) -> Path:
        """spo's own folder in the git directory: per clone (and per worktree), never
        committed, never seen by `git status`."""
        return self.git_dir / "spo"

    def run(
        self,
        *args: str,
        given: bytes | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = LOCAL_SECONDS,
    ) -> Done:
        return call(
            ["git", *args], self.top, given=given, env=env, timeout=timeout, named=self.named
        )

    def must(
        self, *args: str, given: bytes | None = None, env: Mapping[str, str] | None = None
    ) -> str:
        """git's answer, or `review.git-failed` with git's words."""
        done = self.run(*args, given=given, env=env)
        if not done.ok:
            command = next((a for a in args if not a.startswith("-") and "=" not in a), "")
            raise SpoError.of("review.git-failed", command=command, error=done.error)
        return done.text

    def relative(self, path: Path) -> str:
        """A path of the working tree as git names it (from the top, with `/`)."""
        return path.resolve().relative_to(self.top.resolve()).as_posix()

    def head(self) -> str:
        """The commit HEAD names; `review.no-commit` in a repository with none yet."""
        found = self.head_or_none()
        if found is None:
            raise SpoError.of("review.no-commit")
        return found

    def head_or_none(self) -> str | None:
        """The commit HEAD names; None in a repository with none yet."""
        done = self.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        return done.text if done.ok and done.text else None

    def object_format(self) -> str:
        """How the repository names its objects: sha1, or sha256."""
        return self._object_format

    def branch(self) -> str | None:
        """The current branch's short name; None on a detached HEAD."""
        done = self.run("symbolic-ref", "--quiet", "--short", "HEAD")
        return done.text if done.ok and done.text else None

    def has_identity(self) -> bool:
        """Whether git knows who commits (user.name and user.email, or their variables): not
        guessed from the machine's names, which a reviewer could not answer."""
        return all(
            self.run("-c", "user.useConfigOnly=true", "var", name).ok
            for name in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT")
        )

    def ref_exists(self, ref: str) -> bool:
        return self.run("rev-parse", "--verify", "--quiet", ref).ok

    def remote(self) -> str | None:
        """Where a branch is pushed: the current branch's remote, else `origin`, else the only
        remote; None without one."""
        names = [n for n in self.run("remote").text.split() if not n.startswith("-")]
        if not names:
            return None
        branch = self.branch()
        if branch:
            own = self.run("config", "--get", f"branch.{branch}.remote").text
            if own in names:
                return own
        return "origin" if "origin" in names else names[0]

    def changed_paths(self) -> list[str]:
        """Every path `git status` shows as changed, staged or untracked (from the top)."""
        # No optional locks: `status` would otherwise refresh the user's index and write it.
        done = self.run(
            "--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all"
        )
        if not done.ok:
            raise SpoError.of("review.git-failed", command="status", error=done.error)
        paths: list[str] = []
        entries = iter(done.stdout.decode("utf-8", "surrogateescape").split("\0"))
        for entry in entries:
            if len(entry) < 4:
                continue
            paths.append(entry[3:])
            if entry[0] in "RC":  # a rename names its old path next
                paths.append(next(entries, ""))
        return [p for p in dict.fromkeys(paths) if p]
