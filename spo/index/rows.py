"""What the index stores of one record file: its data and the columns the fast paths ask for.

Computed once, when the file is new or changed, from data that read cleanly and is buildable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from spo.index import search_rows
from spo.places.provinces import find_province


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class FileRows:
    """Every row one file adds to the index; `data` is None for a file left out."""

    path: str  # `<folder>/<name>`, e.g. `projects/mahalle-mutfagi.yaml`
    kind: str
    rank: int  # the kind's place in spo.files.registry.FOLDERS: records are read in that order
    name: str  # the file name
    size: int
    mtime_ns: int
    ctime_ns: int = 0
    inode: int = 0
    data: dict[str, Any] | None = None
    record: tuple[Any, ...] = ()
    transfers: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)
    document: str | None = None
    words: str = ""  # every field of the search document, for `instr` (see Index.document_rows)

    @property
    def id(self) -> str:
        return self.name.removesuffix(".yaml")

    def fill(self, data: dict[str, Any]) -> None:
        """The columns, transfers, links and search document of a buildable record."""
        self.data = data
        if self.kind == "project":
            self._project(data)
        else:
            self._municipality(data)
        row = search_rows.document_row(self.kind, self.id, data)
        self.document = dumps(row)
        self.words = "".join(row["fields"].values())

    def _record(self, data: dict[str, Any], **columns: Any) -> None:
        self.record = (
            self.path,
            self.kind,
            self.rank,
            self.id,
            self.name,
            dumps(data),
            columns.get("name_tr"),
            columns.get("name_en"),
            columns.get("owner"),
            columns.get("status"),
            columns.get("service_model"),
            columns.get("municipality_kind"),
            columns.get("province"),
            columns.get("district"),
        )

    def _project(self, data: dict[str, Any]) -> None:
        name = data["name"]
        self._record(
            data,
            name_tr=name["tr"],
            name_en=name.get("en"),
            owner=data["owner"],
            status=data["status"],
            service_model=data.get("service_model"),
        )
        self._link("municipality", data["owner"])
        for partner in data.get("partners") or []:
            if partner.get("municipality"):
                self._link("municipality", partner["municipality"])

    def _municipality(self, data: dict[str, Any]) -> None:
        province = find_province(data["province"])
        self._record(
            data,
            name_tr=str(data["name"]),
            municipality_kind=data["kind"],
            province=province.plate if province else None,
            district=data.get("district"),
        )
        for engagement in data.get("engagements") or []:
            self._link("municipality", engagement["host"])
        for seq, transfer in enumerate(data.get("transfers") or []):
            self._link("project", transfer["project"])
            last = transfer["history"][-1]["stage"]
            row = (self.path, seq, self.id, transfer["project"], dumps(transfer), last)
            self.transfers.append(row)

    def _link(self, to_kind: str, to_id: str) -> None:
        row = (self.path, self.kind, self.id, to_kind, str(to_id))
        if row not in self.links:
            self.links.append(row)
