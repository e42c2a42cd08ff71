"""A reviewer's mistakes, one per problem kind, and exactly what `spo validate` tells them.

Each case starts from a small valid registry (tests/registries/valid-base), writes or replaces one
file, runs `spo validate` in the registry folder and compares the whole output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_spo

M = "data/municipalities"
P = "data/projects"

ARTVIN = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: 8
sources:
  - https://example.org/artvin
"""

KESKIN = """\
id: kirikkale-keskin
name: Keskin Belediyesi
kind: district
province: Kırıkkale
district: Keskin
sources:
  - https://example.org/keskin
"""


MAHALLE = """\
id: mahalle-mutfaklari
name:
  tr: Mahalle Mutfakları
owner: mersin-bb
summary:
  tr: Mahallelerde sıcak yemek.
status: active
sources:
  - https://example.org/mersin
status_as_of: "2025"
status_source: https://example.org/status
"""


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: str | bytes
    expected: str  # the problem lines, without the summary


CASES = [
    Case(
        "unknown key, with a suggestion",
        f"{M}/artvin.yaml",
        ARTVIN.replace("name:", "nmae:"),
        f"{M}/artvin.yaml:1:1: error: missing required key 'name' [schema]\n"
        f"{M}/artvin.yaml:2:1: error: unknown key 'nmae' (did you mean 'name'?) [schema] "
        "at $.nmae\n",
    ),
    Case(
        "value outside a vocabulary",
        f"{M}/artvin.yaml",
        ARTVIN.replace("kind: provincial", "kind: provinciall"),
        f"{M}/artvin.yaml:3:7: error: 'kind' is 'provinciall' (did you mean 'provincial'?); "
        "expected one of: Metropolitan (metropolitan), Provincial (provincial), "
        "District (district), Town (town) [schema] at $.kind\n",
    ),
    Case(
        "district municipality without its district",
        f"{M}/istanbul-uskudar.yaml",
        "id: istanbul-uskudar\nname: Üsküdar Belediyesi\nkind: district\nprovince: İstanbul\n"
        "sources: [https://example.org/u]\n",
        f"{M}/istanbul-uskudar.yaml:3:7: error: 'kind' is 'district', which requires 'district' "
        "[schema] at $.kind\n",
    ),
    Case(
        "a known status without its day and source",
        f"{P}/mahalle-mutfaklari.yaml",
        MAHALLE.replace('status_as_of: "2025"\nstatus_source: https://example.org/status\n', ""),
        f"{P}/mahalle-mutfaklari.yaml:7:9: error: 'status' is 'active': a known status needs its "
        "day and source, so add 'status_as_of' and 'status_source' (or write 'unknown') "
        "[schema] at $.status\n",
    ),
    Case(
        "a known status with its day but not its source",
        f"{P}/mahalle-mutfaklari.yaml",
        MAHALLE.replace("status: active", "status: pilot").replace(
            "status_source: https://example.org/status\n", ""
        ),
        f"{P}/mahalle-mutfaklari.yaml:7:9: error: 'status' is 'pilot': a known status needs its "
        "day and source, so add 'status_source' (or write 'unknown') [schema] at $.status\n",
    ),
    Case(
        "a Turkish label where the value belongs",
        f"{M}/artvin.yaml",
        ARTVIN.replace("kind: provincial", "kind: İl"),
        f"{M}/artvin.yaml:3:7: error: 'kind' is 'İl', a label; write the value 'provincial' "
        "instead [schema] at $.kind\n",
    ),
    Case(
        "wrong type",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: mersin-bb\n    date: '2025-01'\n"
        "    participants: beş\n",
        f"{M}/artvin.yaml:11:19: error: 'participants' should be a whole number, not 'beş' "
        "[schema] at $.engagements[0].participants\n",
    ),
    Case(
        "date in a local format",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: mersin-bb\n    date: 21.03.2025\n",
        f"{M}/artvin.yaml:10:11: error: 'date' is '21.03.2025': write a date as YYYY-MM-DD, "
        "YYYY-MM or YYYY; '../YYYY-MM-DD' for 'on or before'; 'YYYY-MM-DD/..' for 'on or after'; "
        "'A/B' for 'between A and B' "
        "[schema] at $.engagements[0].date\n",
    ),
    Case(
        "a day that does not exist",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: mersin-bb\n    date: 2025-02-30\n",
        f"{M}/artvin.yaml:10:11: error: '2025-02-30' is not a real date (2025-02 has 28 "
        "days) [bad-date] at $.engagements[0].date\n",
    ),
    Case(
        "a date in the future",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: mersin-bb\n    date: 2999-01\n",
        f"{M}/artvin.yaml:10:11: error: date 2999-01 is in the future (today is TODAY) "
        "[future-date] at $.engagements[0].date\n",
    ),
    Case(
        "a date only known to be on or after a day in the future",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: mersin-bb\n    date: 2999-01/..\n",
        f"{M}/artvin.yaml:10:11: error: date 2999-01/.. is in the future (today is TODAY) "
        "[future-date] at $.engagements[0].date\n",
    ),
    Case(
        "duplicate key",
        f"{M}/artvin.yaml",
        ARTVIN + "name: Artvin İl Belediyesi\n",
        f"{M}/artvin.yaml:7:1: error: duplicate key 'name' (first at line 2); YAML would "
        "silently keep only the last value [duplicate-key]\n",
    ),
    Case(
        "anchors and aliases",
        f"{M}/artvin.yaml",
        ARTVIN.replace("name: Artvin Belediyesi", "name: &n Artvin Belediyesi") + "notes: *n\n",
        f"{M}/artvin.yaml:2:7: error: YAML anchor 'n' is not allowed in the registry; write the "
        "value out in full [anchor]\n"
        f"{M}/artvin.yaml:7:8: error: YAML alias 'n' is not allowed in the registry; write the "
        "value out in full [anchor]\n",
    ),
    Case(
        "tab indentation",
        f"{M}/artvin.yaml",
        ARTVIN.replace("  - https", "\t- https"),
        f"{M}/artvin.yaml:6:1: error: tab used for indentation; YAML indents with spaces [tab]\n",
    ),
    Case(
        "invalid UTF-8",
        f"{M}/artvin.yaml",
        ARTVIN.replace("Artvin Belediyesi", "Artvin Belediyesi \xfd").encode("latin-1"),
        f"{M}/artvin.yaml:2:25: error: invalid UTF-8 (byte 0xfd); save the file as UTF-8 "
        "[encoding]\n",
    ),
    Case(
        "empty file",
        f"{M}/artvin.yaml",
        "# nothing here yet\n",
        f"{M}/artvin.yaml: error: file is empty; a record is a YAML mapping [empty]\n",
    ),
    Case(
        "two documents in one file",
        f"{M}/artvin.yaml",
        ARTVIN + "---\nid: artvin\n",
        f"{M}/artvin.yaml:7:1: error: a registry file holds exactly one YAML document; remove "
        "the second '---' [multiple-documents]\n",
    ),
    Case(
        "a list instead of a mapping",
        f"{M}/artvin.yaml",
        "- id: artvin\n",
        f"{M}/artvin.yaml:1:1: error: the file holds a list; a record is a YAML mapping of keys "
        "[not-a-mapping]\n",
    ),
    Case(
        "YAML syntax error",
        f"{M}/artvin.yaml",
        ARTVIN + "notes: [unclosed\n",
        # the end of the last line, not a line 8 that no editor shows
        f"{M}/artvin.yaml:7:17: error: YAML syntax error: a list opened with '[' must go on "
        "with ',' or ']' [yaml-syntax]\n",
    ),
    Case(
        "file name is not the id",
        f"{M}/artvin.yaml",
        ARTVIN.replace("id: artvin", "id: artvın"),
        f"{M}/artvin.yaml:1:5: error: id 'artvın' does not match the file name 'artvin.yaml' "
        "[id-mismatch] at $.id\n"
        f"{M}/artvin.yaml:1:5: error: 'id' is 'artvın': an id is a lowercase ASCII slug "
        "(letters a-z, digits, single hyphens) [schema] at $.id\n",
    ),
    Case(
        "project owner that does not exist",
        f"{P}/mahalle-mutfaklari.yaml",
        "id: mahalle-mutfaklari\nname: {tr: Mahalle Mutfakları}\nowner: mersin-b\n"
        "summary: {tr: Sıcak yemek.}\nstatus: unknown\nsources: [https://example.org/m]\n",
        f"{P}/mahalle-mutfaklari.yaml:3:8: error: no municipality 'mersin-b' in the registry "
        "(did you mean 'mersin-bb'?) [unknown-reference] at $.owner\n",
    ),
    Case(
        "partner that names a municipality the registry does not hold",
        f"{P}/mahalle-mutfaklari.yaml",
        "id: mahalle-mutfaklari\nname: {tr: Mahalle Mutfakları}\nowner: mersin-bb\n"
        "summary: {tr: Sıcak yemek.}\nstatus: unknown\nsources: [https://example.org/m]\n"
        "partners:\n  - name: Artvin Belediyesi\n    type: municipality\n"
        "    role: co-participant\n    municipality: artvn\n",
        f"{P}/mahalle-mutfaklari.yaml:11:19: error: no municipality 'artvn' in the registry "
        "(did you mean 'artvin'?) [unknown-reference] at $.partners[0].municipality\n",
    ),
    Case(
        "partner that names a registry municipality but is typed as something else",
        f"{P}/mahalle-mutfaklari.yaml",
        "id: mahalle-mutfaklari\nname: {tr: Mahalle Mutfakları}\nowner: mersin-bb\n"
        "summary: {tr: Sıcak yemek.}\nstatus: unknown\nsources: [https://example.org/m]\n"
        "partners:\n  - name: Artvin Belediyesi\n    type: ngo\n"
        "    role: co-participant\n    municipality: artvin\n",
        f"{P}/mahalle-mutfaklari.yaml:11:19: error: this partner names a municipality of the "
        "registry, but its type is 'ngo'; make its type 'municipality' [partner-type] "
        "at $.partners[0].municipality\n",
    ),
    Case(
        "office in a district its province does not have",
        f"{M}/artvin.yaml",
        ARTVIN + "office:\n  name: Sosyal Politikalar Ofisi\n  district: Hopaa\n",
        f"{M}/artvin.yaml:9:13: error: 'Hopaa' is not a district of Artvin (did you mean "
        "'Hopa'?) [unknown-district] at $.office.district\n",
    ),
    Case(
        "partner without a role",
        f"{P}/mahalle-mutfaklari.yaml",
        "id: mahalle-mutfaklari\nname: {tr: Mahalle Mutfakları}\nowner: mersin-bb\n"
        "summary: {tr: Sıcak yemek.}\nstatus: unknown\nsources: [https://example.org/m]\n"
        "partners:\n  - name: Gıda Bankası\n    type: ngo\n",
        f"{P}/mahalle-mutfaklari.yaml:8:5: error: missing required key 'role' [schema] "
        "at $.partners[0]\n",
    ),
    Case(
        "engagement host that does not exist",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: izmir-bb\n    date: '2025'\n",
        f"{M}/artvin.yaml:9:11: error: no municipality 'izmir-bb' in the registry "
        "[unknown-reference] at $.engagements[0].host\n",
    ),
    Case(
        "transfer of a project that does not exist",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n  - project: mahalle-mutfak\n    history:\n"
        "      - {stage: inquiry, date: '2025'}\n",
        f"{M}/artvin.yaml:8:14: error: no project 'mahalle-mutfak' in the registry (did you mean "
        "'mahalle-mutfaklari'?) [unknown-reference] at $.transfers[0].project\n",
    ),
    Case(
        "a metropolitan municipality in a province that has none",
        f"{M}/artvin.yaml",
        ARTVIN.replace("kind: provincial", "kind: metropolitan"),
        f"{M}/artvin.yaml:3:7: error: Artvin is not a metropolitan province, so it has a "
        "provincial municipality, not a metropolitan one [kind-province] at $.kind\n",
    ),
    Case(
        "two provincial municipalities in one province",
        f"{M}/artvin-2.yaml",
        ARTVIN.replace("id: artvin", "id: artvin-2"),
        f"{M}/artvin-2.yaml:3:7: error: the province already has a provincial municipality: "
        "'artvin' [duplicate-municipality] at $.kind\n",
    ),
    Case(
        "a provincial municipality in a metropolitan province",
        f"{M}/mersin.yaml",
        "id: mersin\nname: Mersin İl Belediyesi\nkind: provincial\nprovince: Mersin\n"
        "sources:\n  - https://example.org/m\n",
        f"{M}/mersin.yaml:3:7: error: Mersin is a metropolitan province, so it has a "
        "metropolitan municipality, not a provincial one [kind-province] at $.kind\n",
    ),
    Case(
        "two metropolitan municipalities in one province",
        f"{M}/mersin-bb-2.yaml",
        "id: mersin-bb-2\nname: Mersin Büyükşehir Belediyesi\nkind: metropolitan\nprovince: 33\n"
        "sources:\n  - https://example.org/m\n",
        f"{M}/mersin-bb-2.yaml:3:7: error: the province already has a metropolitan municipality: "
        "'mersin-bb' [duplicate-municipality] at $.kind\n",
    ),
    Case(
        "a municipality hosting its own engagement",
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n  - kind: meeting\n    host: artvin\n    date: 2025-01\n",
        f"{M}/artvin.yaml:9:11: error: a municipality cannot host its own engagement "
        "[self-reference] at $.engagements[0].host\n",
    ),
    Case(
        "a province that does not exist",
        f"{M}/artvin.yaml",
        ARTVIN.replace("province: 8", "province: Artvinn"),
        f"{M}/artvin.yaml:4:11: error: 'Artvinn' is not one of the 81 provinces (did you mean "
        "'Artvin'?) (give its plate code or Turkish name) [unknown-province] at $.province\n",
    ),
    Case(
        "a district that its province does not have, with a suggestion",
        f"{M}/kirikkale-keskin.yaml",
        KESKIN.replace("district: Keskin", "district: Keskn"),
        f"{M}/kirikkale-keskin.yaml:5:11: error: 'Keskn' is not a district of Kırıkkale (did you "
        "mean 'Keskin'?) [unknown-district] at $.district\n",
    ),
    Case(
        "a district of another province",
        f"{M}/kirikkale-keskin.yaml",
        KESKIN.replace("province: Kırıkkale", "province: Ankara"),
        f"{M}/kirikkale-keskin.yaml:5:11: error: 'Keskin' is not a district of Ankara "
        "[unknown-district] at $.district\n",
    ),
    Case(
        "a district not written in its official spelling",
        f"{M}/kirikkale-keskin.yaml",
        KESKIN.replace("district: Keskin", "district: keskin"),
        f"{M}/kirikkale-keskin.yaml:5:11: error: the district's official spelling is 'Keskin', "
        "not 'keskin' [district-spelling] at $.district\n",
    ),
    Case(
        "a town in a district that its province does not have",
        f"{M}/canakkale-lapseki-cardak.yaml",
        "id: canakkale-lapseki-cardak\nname: Çardak Belediyesi\nkind: town\n"
        "province: Çanakkale\ndistrict: Lapseky\nsources: [https://example.org/c]\n",
        f"{M}/canakkale-lapseki-cardak.yaml:5:11: error: 'Lapseky' is not a district of "
        "Çanakkale (did you mean 'Lapseki'?) [unknown-district] at $.district\n",
    ),
    Case(
        "a metropolitan municipality's district is checked too",
        f"{M}/mersin-bb.yaml",
        "id: mersin-bb\nname: Mersin Büyükşehir Belediyesi\nkind: metropolitan\n"
        "province: Mersin\ndistrict: Merkez\nsources: [https://example.org/m]\n",
        f"{M}/mersin-bb.yaml:5:11: error: 'Merkez' is not a district of Mersin [unknown-district] "
        "at $.district\n",
    ),
    Case(
        "a project transferred to its own owner",
        f"{M}/mersin-bb.yaml",
        "id: mersin-bb\nname: Mersin Büyükşehir Belediyesi\nkind: metropolitan\nprovince: Mersin\n"
        "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - {stage: inquiry, date: '2025'}\nsources: [https://example.org/m]\n",
        f"{M}/mersin-bb.yaml:6:14: error: 'mahalle-mutfaklari' is this municipality's own project;"
        " a project cannot be transferred to its owner [self-transfer] at "
        "$.transfers[0].project\n",
    ),
    Case(
        "the same project transferred twice to one municipality",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n"
        "  - project: mahalle-mutfaklari\n    history:\n      - {stage: inquiry, date: '2024'}\n"
        "  - project: mahalle-mutfaklari\n    history:\n      - {stage: launched, date: '2025'}\n",
        f"{M}/artvin.yaml:11:14: error: project 'mahalle-mutfaklari' already has a transfer here "
        "(entry 1); add stages to that one [duplicate-transfer] at $.transfers[1].project\n",
    ),
    Case(
        "stages out of order",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - stage: presentation\n        date: 2025-02-10\n"
        "      - stage: inquiry\n        date: 2025-03-01\n",
        f"{M}/artvin.yaml:11:15: error: stage Presentation (presentation) is dated "
        "2025-02-10, before the earlier stage Inquiry (inquiry) (2025-03-01) [stage-order] at "
        "$.transfers[0].history[0].date\n",
    ),
    Case(
        "history not in date order",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - stage: inquiry\n        date: 2025-03\n"
        "      - stage: paused\n        date: 2025-01-15\n",
        f"{M}/artvin.yaml:13:15: error: stage Paused (paused) is dated 2025-01-15, before the "
        "entry above it (2025-03); list the history in date order [stage-order] at "
        "$.transfers[0].history[1].date\n",
    ),
    Case(
        "history not in date order, the entry above known only to be on or after a month",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - stage: inquiry\n        date: 2025-07/..\n"
        "      - stage: paused\n        date: 2025-03\n",
        f"{M}/artvin.yaml:13:15: error: stage Paused (paused) is dated 2025-03, before the "
        "entry above it (2025-07/..); list the history in date order [stage-order] at "
        "$.transfers[0].history[1].date\n",
    ),
    Case(
        "a stage recorded twice",
        f"{M}/artvin.yaml",
        ARTVIN + "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - {stage: inquiry, date: '2025-01'}\n      - {stage: inquiry, date: '2025-02'}\n",
        f"{M}/artvin.yaml:11:17: error: stage Inquiry (inquiry) is recorded twice (also entry 1) "
        "[duplicate-stage] at $.transfers[0].history[1].stage\n",
    ),
    Case(
        "a national ID number in a note",
        f"{M}/artvin.yaml",
        ARTVIN + "notes: Başvuran T.C. 10000000146 numaralı vatandaş.\n",
        f"{M}/artvin.yaml:7:8: error: this value holds a Turkish national ID number; "
        "personal data must not be in a public registry [personal-data] at $.notes\n",
    ),
    Case(
        "a phone number outside a contact's phone field",
        f"{M}/artvin.yaml",
        ARTVIN + "contacts:\n  - name: Ayşe Yılmaz\n    role: Sosyal Hizmetler Müdürü\n"
        "    phone: 0466 212 34 56\nnotes: 'Cep: 0532 123 45 67'\n",
        f"{M}/artvin.yaml:11:8: error: this value holds a phone number; phone "
        "numbers belong only in a contact's 'phone' field [personal-data] at $.notes\n",
    ),
    Case(
        "a record with no source (a warning)",
        f"{M}/artvin.yaml",
        "id: artvin\nname: Artvin Belediyesi\nkind: provincial\nprovince: 8\n",
        f"{M}/artvin.yaml:1:1: warning: record has no sources; say where its facts come from "
        "[no-source]\n",
    ),
    Case(
        "a folder named like a YAML file",
        f"{M}/izmir-bb.yaml/readme.txt",
        "not a record\n",
        f"{M}/izmir-bb.yaml: error: is a folder, not a YAML file [not-a-file]\n",
    ),
    Case(
        "a file spo would not read",
        f"{M}/izmir-bb.yml",
        "id: izmir-bb\n",
        f"{M}/izmir-bb.yml: warning: spo reads only .yaml files here; this file is ignored "
        "(rename it to .yaml or move it out) [stray-file]\n",
    ),
]


def write(root: Path, relative: str, content: str | bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_is_reported_at_its_line(case: Case, base: Path) -> None:
    from datetime import date

    write(base, case.file, case.content)
    result = run_spo("validate")
    problems = case.expected.replace("TODAY", date.today().isoformat())
    errors = problems.count(": error: ")
    warnings = problems.count(": warning: ")
    count = errors + warnings
    files = len(list(base.glob("data/*/*.yaml")))
    summary = (
        f"{files} files checked, {count} problem{'s' * (count != 1)} "
        f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})\n"
    )
    assert result.stdout == problems + summary
    assert result.exit_code == (1 if errors else 0)


def test_a_valid_registry_passes(base: Path) -> None:
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "3 files checked, 0 problems\n")


def test_every_reference_made_right_passes(base: Path) -> None:
    """The other side of each reference mistake above: a partner that is a registry municipality
    typed as one, a host and a project that exist, a project of another municipality, the
    official spelling of a district, an office in its province: nothing to report."""
    write(
        base,
        f"{M}/artvin.yaml",
        ARTVIN + "office:\n  name: Sosyal Politikalar Ofisi\n  district: Hopa\n"
        "engagements:\n  - {kind: meeting, host: mersin-bb, date: 2025-03-21}\n"
        "transfers:\n  - project: mahalle-mutfaklari\n    history:\n"
        "      - {stage: inquiry, date: 2025-03-21}\n",
    )
    write(base, f"{M}/kirikkale-keskin.yaml", KESKIN)
    write(
        base,
        f"{P}/mahalle-mutfaklari.yaml",
        MAHALLE + "partners:\n  - name: Artvin Belediyesi\n    type: municipality\n"
        "    role: co-participant\n    municipality: artvin\n",
    )
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "4 files checked, 0 problems\n")


def test_an_interval_of_one_day_or_one_month_is_valid(base: Path) -> None:
    """`A/A` is a real interval (the source gives the same bound twice), not one that ends
    before it starts."""
    write(
        base,
        f"{M}/artvin.yaml",
        ARTVIN + "engagements:\n"
        "  - {kind: meeting, host: mersin-bb, date: 2025-03-21/2025-03-21}\n"
        "  - {kind: meeting, host: mersin-bb, date: 2025-04/2025-04}\n",
    )
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "3 files checked, 0 problems\n")


def test_every_problem_is_reported_at_once(base: Path) -> None:
    write(base, f"{M}/artvin.yaml", ARTVIN.replace("kind: provincial", "kind: il"))
    write(base, f"{P}/mahalle-mutfaklari.yaml", "id: mahalle-mutfaklari\n")
    write(base, f"{M}/giresun.yaml", b"\x00\x01binary junk\xff")
    result = run_spo("validate")
    codes = [line.rsplit("[", 1)[1].split("]")[0] for line in result.stdout.splitlines()[:-1]]
    assert codes == ["schema", "encoding", "no-source", "schema", "schema", "schema", "schema"]
    assert result.stdout.endswith("4 files checked, 7 problems (6 errors, 1 warning)\n")
    assert result.exit_code == 1


def test_warnings_fail_only_with_strict(base: Path) -> None:
    write(
        base,
        f"{M}/artvin.yaml",
        "id: artvin\nname: Artvin Belediyesi\nkind: provincial\nprovince: 8\n",
    )
    warning = (
        f"{M}/artvin.yaml:1:1: warning: record has no sources; say where its facts come from "
        "[no-source]\n3 files checked, 1 problem (0 errors, 1 warning)\n"
    )
    plain, strict = run_spo("validate"), run_spo("validate", "--strict")
    assert (plain.exit_code, plain.stdout) == (0, warning)
    assert (strict.exit_code, strict.stdout) == (1, warning)


def test_given_files_are_checked_against_the_whole_registry(base: Path) -> None:
    write(base, f"{M}/artvin.yaml", ARTVIN.replace("name:", "nmae:"))
    result = run_spo("validate", f"{P}/mahalle-mutfaklari.yaml")
    assert (result.exit_code, result.stdout) == (0, "1 file checked, 0 problems\n")
    result = run_spo("validate", f"{M}/artvin.yaml")
    assert result.exit_code == 1
    assert result.stdout.endswith("1 file checked, 2 problems (2 errors, 0 warnings)\n")


def test_a_missing_path_is_a_usage_error(base: Path) -> None:
    result = run_spo("validate", "data/nowhere")
    assert result.exit_code == 2
    assert result.stderr == "spo: data/nowhere: no such file or folder\n"


def test_no_registry_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_spo("validate")
    assert result.exit_code == 2
    assert "no registry found" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_district_of_its_province_in_its_official_spelling_passes(base: Path) -> None:
    write(base, f"{M}/kirikkale-keskin.yaml", KESKIN)
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "4 files checked, 0 problems\n")


def test_a_wrong_district_is_told_in_turkish(base: Path) -> None:
    write(base, f"{M}/kirikkale-keskin.yaml", KESKIN.replace("district: Keskin", "district: Keskn"))
    result = run_spo("--lang", "tr", "validate")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{M}/kirikkale-keskin.yaml:5:11: hata: Kırıkkale ilinde 'Keskn' adında bir ilçe yok "
        "(şunu mu demek istediniz: 'Keskin'?) [unknown-district] ($.district konumunda)\n"
        "4 dosya denetlendi, 1 sorun (1 hata, 0 uyarı)\n"
    )


def test_a_known_status_without_its_day_and_source_is_explained_in_turkish(base: Path) -> None:
    write(base, f"{P}/mahalle-mutfaklari.yaml", MAHALLE.replace("status_source:", "# kaynak:"))
    result = run_spo("--lang", "tr", "validate")
    assert result.stdout.splitlines()[0] == (
        f"{P}/mahalle-mutfaklari.yaml:7:9: hata: 'status' alanı 'active' olarak yazılmış: "
        "bilinen bir durum günüyle ve kaynağıyla yazılır; 'status_source' ekleyin (ya da "
        "'unknown' yazın) [schema] ($.status konumunda)"
    )


def test_an_unknown_status_needs_no_day_nor_source(base: Path) -> None:
    unknown = MAHALLE.replace("status: active", "status: unknown")
    write(base, f"{P}/mahalle-mutfaklari.yaml", unknown.split("status_as_of")[0])
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "3 files checked, 0 problems\n")
