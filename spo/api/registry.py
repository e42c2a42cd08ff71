"""`spo.api.Registry`: a registry folder and what can be asked of it (see `spo.api`).

Every core module is imported inside the method that needs it: `spo.api` is imported whenever
the command line starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from spo.api.changes import Changes
from spo.api.writes import Writes

if TYPE_CHECKING:
    from spo.checks.progress import Progress
    from spo.checks.validation import ValidationResult
    from spo.diff import Diff
    from spo.export import Table
    from spo.index import Index
    from spo.index.search_rows import Row
    from spo.model import Municipality, Project, Transfer
    from spo.model import Registry as Records
    from spo.query.lists import NameOf
    from spo.query.search import Hit
    from spo.report import Explanation, Report
    from spo.report.places import Place, Year

Sort = Literal["name", "date"]


class Registry(Writes, Changes):
    """The registry in the folder `path` (the one holding `data/`). Every method reads the
    files as they are now, through the index spo keeps in the user's cache folder; `records`
    parameters let a caller that already read them (`read`) compute on the same ones."""

    def __init__(self, path: str | PathLike[str]) -> None:
        self.root = Path(path)

    @classmethod
    def at(cls, root: str | PathLike[str] | None = None) -> Registry:
        """As `spo.api.open`: `root`, else `$SPO_ROOT`, else the nearest folder holding data/."""
        from spo.files.registry import find_root

        return cls(find_root(Path(root) if root is not None else None))

    def __repr__(self) -> str:
        return f"Registry({str(self.root)!r})"

    # --- reading ---------------------------------------------------------------------------

    @contextmanager
    def index(self) -> Iterator[Index]:
        """The registry's index, brought up to date with its files, open for the block."""
        from spo.index import opened

        with opened(self.root) as index:
            yield index

    def read(self, *, index: Index | None = None) -> Records:
        """Every record (`.projects`, `.municipalities`: dicts by id; `.skipped`: the files
        left out, which `validate` explains), from `index` when given."""
        from spo.query.reading import read_registry, registry_of

        return read_registry(self.root) if index is None else registry_of(index, index.records())

    def _read(self, records: Records | None) -> Records:
        return self.read() if records is None else records

    def read_for_listing(self, index: Index, *, whole: str | None) -> Records:
        """The records a list needs: those of kind `whole` whole, the others outlined."""
        from spo.query.reading import listing_registry_of

        return listing_registry_of(index, whole=whole)

    def read_around(self, kind: str, record_id: str) -> Records:
        """What showing one record needs: its file read itself, and the records it names or
        is named by; the whole registry when that file is not a clean record. SpoError
        `show.unreadable` when the file exists but had to be left out."""
        from spo.files.registry import record_path
        from spo.query.reading import partial_registry, read_registry
        from spo.rules.errors import SpoError

        loaded = partial_registry(self.root, kind, record_id)
        if loaded is None:
            loaded = read_registry(self.root)
            path = record_path(self.root, kind, record_id)
            if path in loaded.skipped:
                raise SpoError.of("show.unreadable", path=path.relative_to(self.root).as_posix())
        return loaded

    def touched(self) -> bool:
        """Whether git shows changes under the registry's data/ (staged or not)."""
        from spo.files.staged import registry_touched

        return registry_touched(self.root)

    # --- naming ----------------------------------------------------------------------------

    def id_of(
        self, kind: str, text: str, *, read_rows: Callable[[], Sequence[Row]] | None = None
    ) -> str:
        """The id of the record `text` names: its id, or its name as people type it ("kadikoy",
        "Ankara BB"). A name is looked for among the registry's rows, read by `read_rows` if
        given (a caller naming several records keeps them: `rows()` once). UsageError when it
        names none, or several."""
        from spo.query.naming import record_id

        return record_id(self.root, kind, text, read_rows)

    @overload
    def find(self, text: str, *, kind: Literal["project"]) -> Project: ...
    @overload
    def find(self, text: str, *, kind: Literal["municipality"]) -> Municipality: ...
    def find(self, text: str, *, kind: str) -> Project | Municipality:
        """The record `text` names, by id or by name as people type it."""
        found = self.id_of(kind, text)
        return self.project(found) if kind == "project" else self.municipality(found)

    def project(self, project_id: str) -> Project:
        """One project by its id; UsageError (with the closest ids) when there is none."""
        from spo.rules.lookup import get

        return get("project", self.read_around("project", project_id).projects, project_id)

    def municipality(self, municipality_id: str) -> Municipality:
        """One municipality by its id; UsageError when there is none."""
        from spo.rules.lookup import get

        records = self.read_around("municipality", municipality_id).municipalities
        return get("municipality", records, municipality_id)

    def rows(self, kind: str | None = None) -> list[Row]:
        """The index's row of each readable record (its id, kind, names and words), of `kind`
        if given: what completions and questions offer."""
        from spo.index import registry_rows

        return [r for r in registry_rows(self.root) if kind is None or r["kind"] == kind]

    def candidates(
        self, kind: str, text: str, *, offered: bool = False, rows: Sequence[Row] | None = None
    ) -> list[str]:
        """The ids of the records of `kind` that `text` may name (see `id_of`), among `rows` if
        given (`rows()`); `offered`: for a numbered list to choose from, where typos count."""
        from spo.query.naming import candidates

        among = self.rows(kind) if rows is None else rows
        return [str(r["id"]) for r in candidates(kind, text, among, offered)]

    # --- lists and search -----------------------------------------------------------------

    def _ids(self, kind: str, records: Records, given: Iterable[str]) -> frozenset[str]:
        from spo.query.lists import known_ids

        table = records.projects if kind == "project" else records.municipalities
        return known_ids(kind, table, [self.id_of(kind, text) for text in given])

    def projects(
        self,
        *,
        owner: Sequence[str] = (),
        theme: Sequence[str] = (),
        target_group: Sequence[str] = (),
        service_model: Sequence[str] = (),
        status: Sequence[str] = (),
        adopted_by: Sequence[str] = (),
        sort: Sort = "name",
        name_of: NameOf | None = None,
        records: Records | None = None,
    ) -> list[Project]:
        """The projects that hold every option given (each: any of its values; municipalities
        by id or name, vocabulary values as `spo project list` takes them), by Turkish name
        (`name_of`: which name to sort by) or by `sort="date"` launched."""
        from spo.query import lists
        from spo.rules import vocabulary as v

        records = self._read(records)
        wanted = lists.ProjectFilter(
            owners=self._ids("municipality", records, owner),
            themes=lists.vocabulary_values(v.THEMES, theme),
            target_groups=lists.vocabulary_values(v.TARGET_GROUPS, target_group),
            service_models=lists.vocabulary_values(v.SERVICE_MODELS, service_model),
            statuses=lists.vocabulary_values(v.PROJECT_STATUSES, status),
            adopted_by=self._ids("municipality", records, adopted_by),
        )
        return lists.projects(records, wanted, sort, name_of or lists.turkish_name)

    def municipalities(
        self,
        *,
        kind: Sequence[str] = (),
        province: Sequence[str] = (),
        has_engagements: bool | None = None,
        has_transfers: bool | None = None,
        stage: Sequence[str] = (),
        sort: Sort = "name",
        records: Records | None = None,
    ) -> list[Municipality]:
        """The municipalities that hold every option given (`province`: names or plates)."""
        from spo.query import lists
        from spo.rules import vocabulary as v

        records = self._read(records)
        wanted = lists.MunicipalityFilter(
            kinds=lists.vocabulary_values(v.MUNICIPALITY_KINDS, kind),
            provinces=lists.province_plates(province),
            has_engagements=has_engagements,
            has_transfers=has_transfers,
            stages=lists.vocabulary_values(v.STAGES, stage),
        )
        return lists.municipalities(records, wanted, sort)

    def transfers(
        self,
        *,
        project: Sequence[str] = (),
        municipality: Sequence[str] = (),
        stage: Sequence[str] = (),
        mentor: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        sort: Sort = "name",
        name_of: NameOf | None = None,
        records: Records | None = None,
    ) -> list[Transfer]:
        """The transfers that hold every option given, each with its whole history; `since`
        and `until` as dates are typed ("2024", "2024-03")."""
        from spo.query import lists
        from spo.rules import vocabulary as v

        records = self._read(records)
        wanted = lists.TransferFilter(
            projects=self._ids("project", records, project),
            municipalities=self._ids("municipality", records, municipality),
            stages=lists.vocabulary_values(v.STAGES, stage),
            mentors=self._ids("municipality", records, mentor),
            dates=lists.date_range(since, until),
        )
        return lists.transfers(records, wanted, sort, name_of or lists.turkish_name)

    def search(self, words: str, *, english: bool = False) -> list[Hit]:
        """Projects and municipalities by name, place, labels, summary, notes and tags, the best
        first (`english`: labels and names in English count too). UsageError for no words."""
        from spo.query.search import search_registry

        return search_registry(self.root, words, english=english)

    # --- figures ---------------------------------------------------------------------------

    def report(
        self, *, as_of: date | None = None, owner: str | None = None, records: Records | None = None
    ) -> Report:
        """The figures as of `as_of` (default: today), of the municipality `owner` (an id)
        and the transfers it mentors, or of the whole registry; with why each record file
        left out was left out."""
        from spo.report import compute_report

        records = self._read(records)
        return compute_report(records, as_of or date.today(), owner, with_left_out=True)

    def places(
        self, *, as_of: date | None = None, owner: str | None = None, records: Records | None = None
    ) -> tuple[Place, ...]:
        """Every municipality with its province and relation (`RELATIONS`) as of the day."""
        from spo.report.places import relations

        return relations(self._read(records), as_of or date.today(), owner)

    def timeline(
        self, *, as_of: date | None = None, owner: str | None = None, records: Records | None = None
    ) -> tuple[Year, ...]:
        """Study visits and stages reached per year, up to the day."""
        from spo.report.places import timeline

        return timeline(self._read(records), as_of or date.today(), owner)

    def explain(
        self,
        metric: str,
        *,
        as_of: date | None = None,
        kind: str | None = None,
        owner: str | None = None,
        records: Records | None = None,
    ) -> Explanation:
        """The records behind one figure of the report (`METRICS`), of municipalities of `kind`
        only if given. UsageError for an unknown metric, kind or owner."""
        from spo.report import explain

        return explain(self._read(records), metric, as_of or date.today(), kind, owner)

    def diff(
        self,
        base: str | None = None,
        head: str | None = None,
        *,
        base_dir: str | PathLike[str] | None = None,
        head_dir: str | PathLike[str] | None = None,
        as_of: date | None = None,
    ) -> Diff:
        """What changed between two versions of this registry: see `compare`."""
        return compare(
            base, head, root=self.root, base_dir=base_dir, head_dir=head_dir, as_of=as_of
        )

    def export_tables(self, *, records: Records | None = None) -> list[Table]:
        """The registry as the tables of `spo export` (`SHAPES`), each with its rows."""
        from spo.export import tables

        return tables(self._read(records))

    # --- checks ----------------------------------------------------------------------------

    def validate(
        self,
        paths: Sequence[str | PathLike[str]] = (),
        *,
        today: date | None = None,
        cache: bool = False,
        progress: Progress | None = None,
    ) -> ValidationResult:
        """Every problem of the registry's files, or of `paths` only (their references still
        checked against the whole registry), each with its file, line and code; `cache`: keep
        each file's result in the user's cache folder while the file and the day stay."""
        from spo.checks.validation import validate

        chosen = [Path(p) for p in paths]
        return validate(self.root, chosen, today=today, cache=cache, progress=progress)

    @staticmethod
    def validate_files(
        paths: Sequence[str | PathLike[str]],
        *,
        today: date | None = None,
        progress: Progress | None = None,
    ) -> ValidationResult:
        """Files outside any registry, each checked on its own (no references resolve)."""
        from spo.checks.validation import validate

        return validate(None, [Path(p) for p in paths], today=today, progress=progress)


def compare(
    base: str | None = None,
    head: str | None = None,
    *,
    root: str | PathLike[str] | None = None,
    base_dir: str | PathLike[str] | None = None,
    head_dir: str | PathLike[str] | None = None,
    as_of: date | None = None,
) -> Diff:
    """What changed between two versions of a registry (`spo diff`): git revisions of the
    repository holding it (`base`: by default the merge base with the default branch; `head`:
    by default the working tree), or registry folders (`base_dir`, `head_dir`). The registry
    (`root`, as `open` finds it) is looked for only when a side needs it."""
    from spo.diff import compare
    from spo.diff.choose import choose_sides
    from spo.rules.errors import SpoError

    def folder(given: str | PathLike[str] | None) -> Path | None:
        return None if given is None else Path(given)

    def find_root() -> Path:
        return Registry.at(root).root

    sides = choose_sides(find_root, base, head, folder(base_dir), folder(head_dir))
    try:  # the registry whose cache folder keeps what a diff read; without one, nothing kept
        cache: Path | None = find_root()
    except SpoError:
        cache = None
    return compare(*sides, as_of or date.today(), cache=cache)
