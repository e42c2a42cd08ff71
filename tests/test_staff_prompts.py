"""Office staff type at spo's questions as they write anywhere else (issue 23): every answer is
checked where it is typed, dates as `05.12.2026`, and nothing typed is ever lost. Before "Yazılsın
mı?" spo shows the records by name, the file and the lines it will add; it ends by showing the one
command that does the same without questions, which staff can paste to retry a refused write."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from spo.cli import prompts
from tests.conftest import REGISTRIES, run_spo

BIN = Path(sys.executable).parent
ARTVIN = "data/municipalities/artvin.yaml"
pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extras")
needs_a_terminal = pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal needs POSIX")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SPO_"))}
    env.update(SPO_LANG="tr", NO_COLOR="1", COLUMNS="120", PATH=f"{BIN}{os.pathsep}{env['PATH']}")
    env["SPO_CACHE_DIR"] = os.environ.get("SPO_CACHE_DIR", "")
    return env


def _registry(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(REGISTRIES / "sample", root)
    return root


class Terminal:
    """`spo` in a pseudo-terminal in a registry folder, in Turkish, answering as a person does."""

    def __init__(self, root: Path, *args: str) -> None:
        self.screen = io.StringIO()
        self.child = pexpect.spawn(
            str(BIN / "spo"), list(args), cwd=str(root), env=_env(), encoding="utf-8",
            timeout=60, dimensions=(50, 120),
        )  # fmt: skip
        self.child.logfile_read = self.screen

    def answer(self, question: str, typed: str) -> None:
        self.child.expect_exact(question)
        self.child.sendline(typed)

    def end(self) -> tuple[int, str]:
        """The exit code, and everything the terminal showed (what was typed included)."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus, self.screen.getvalue().replace("\r\n", "\n")


def _pasted(shown: str, root: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line spo showed last, as pasted into a shell without a terminal."""
    command = shown.rstrip("\n").rsplit("\n", 1)[-1].strip()
    words = shlex.split(command)
    assert words[0] == "spo"
    return subprocess.run(
        [str(BIN / "spo"), *words[1:]], cwd=root, env=_env(), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


VISIT = (
    "  - kind: study-visit\n"
    "    host: mersin-bb\n"
    '    date: "2026-12-05"\n'
    "    source: https://www.mersin.bel.tr/haber/12\n"
)


@needs_a_terminal
def test_a_visit_typed_with_mistakes_loses_nothing_and_can_be_pasted_again(tmp_path) -> None:
    root = _registry(tmp_path, "office")
    before = (root / ARTVIN).read_text(encoding="utf-8")
    today = date.today().isoformat()

    spo = Terminal(root, "engagement", "add")
    spo.answer("(adının bir kısmını ya da kimliğini yazın): ", "artvin")
    spo.answer("(adının bir kısmını ya da kimliğini yazın): ", "mersin bb")
    spo.answer("Tür: ", "yerinde")
    spo.answer(f"Tarih [{today}]: ", "05.12.2026")
    spo.answer("Katılımcı sayısı (isteğe bağlı, Enter: boş): ", "")
    spo.answer("Not (isteğe bağlı, Enter: boş): ", "")
    spo.answer("Kaynak (web adresi) (isteğe bağlı, Enter: boş): ", "www.mersin.bel.tr/haber/12")
    spo.answer(
        "Kaynak (web adresi) (isteğe bağlı, Enter: boş): ", "https://www.mersin.bel.tr/haber/12"
    )
    spo.answer("Yazılsın mı? [E/h]: ", "evet")
    code, shown = spo.end()

    assert code == 0, shown
    assert shown == (
        "Ziyaret eden belediye (adının bir kısmını ya da kimliğini yazın): artvin\n"
        "Ev sahibi belediye (adının bir kısmını ya da kimliğini yazın): mersin bb\n"
        "  mersin bb → Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "   1  Yerinde inceleme ziyareti (study-visit)\n"
        "   2  Toplantı (meeting)\n"
        "   3  Eğitim (training)\n"
        "Tür: yerinde\n"
        "  yerinde → Yerinde inceleme ziyareti (study-visit)\n"
        f"Tarih [{today}]: 05.12.2026\n"
        "  05.12.2026 → 2026-12-05\n"
        "Katılımcı sayısı (isteğe bağlı, Enter: boş): \n"
        "Not (isteğe bağlı, Enter: boş): \n"
        "Kaynak (web adresi) (isteğe bağlı, Enter: boş): www.mersin.bel.tr/haber/12\n"
        "'www.mersin.bel.tr/haber/12' bir web adresi değil (http:// ya da https:// ile "
        "başlamalı); yeniden deneyin\n"
        "Kaynak (web adresi) (isteğe bağlı, Enter: boş): https://www.mersin.bel.tr/haber/12\n"
        "Ziyaret eden belediye: Artvin Belediyesi (artvin)\n"
        "Ev sahibi belediye:    Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Tür:                   Yerinde inceleme ziyareti\n"
        "Tarih:                 2026-12-05\n"
        "Katılımcı sayısı:      -\n"
        "Not:                   -\n"
        "Kaynak (web adresi):   https://www.mersin.bel.tr/haber/12\n"
        "data/municipalities/artvin.yaml dosyasına şu satırlar eklenecek:\n"
        "  11 |   - kind: study-visit\n"
        "  12 |     host: mersin-bb\n"
        '  13 |     date: "2026-12-05"\n'
        "  14 |     source: https://www.mersin.bel.tr/haber/12\n"
        "Yazılsın mı? [E/h]: evet\n"
        "data/municipalities/artvin.yaml dosyasına yazıldı:\n"
        "  11 |   - kind: study-visit\n"
        "  12 |     host: mersin-bb\n"
        '  13 |     date: "2026-12-05"\n'
        "  14 |     source: https://www.mersin.bel.tr/haber/12\n"
        "Aynısını soru sorulmadan yazan komut:\n"
        "  spo engagement add --to artvin --host mersin-bb --kind study-visit --date 2026-12-05 "
        "--source https://www.mersin.bel.tr/haber/12\n"
    )
    written = before.replace("transfers:\n", VISIT + "transfers:\n")
    assert (root / ARTVIN).read_text(encoding="utf-8") == written

    fresh = _registry(tmp_path, "fresh")
    pasted = _pasted(shown, fresh)
    assert (pasted.returncode, pasted.stderr) == (0, ""), pasted.stderr
    assert (fresh / ARTVIN).read_text(encoding="utf-8") == written


@needs_a_terminal
def test_a_write_refused_after_evet_prints_the_command_to_paste(tmp_path) -> None:
    """While spo waits at "Yazılsın mı?", a colleague's editor records the same visit: the write
    is refused with nothing written, and the answers are kept as a command line."""
    root = _registry(tmp_path, "office")
    today = date.today().isoformat()
    spo = Terminal(root, "engagement", "add", "--to", "artvin", "--host", "mersin-bb")
    spo.answer("Tür: ", "2")
    spo.answer(f"Tarih [{today}]: ", "5 Aralık 2026")
    spo.answer("Katılımcı sayısı (isteğe bağlı, Enter: boş): ", "12")
    spo.answer("Not (isteğe bağlı, Enter: boş): ", "Mahalle mutfağı anlatıldı; 'ikinci' ziyaret")
    spo.answer("Kaynak (web adresi) (isteğe bağlı, Enter: boş): ", "")
    spo.child.expect_exact("Yazılsın mı? [E/h]: ")
    path = root / ARTVIN
    edited = path.read_text(encoding="utf-8").replace(
        "transfers:\n",
        '  - kind: meeting\n    host: mersin-bb\n    date: "2026-12-05"\ntransfers:\n',
    )
    path.write_text(edited, encoding="utf-8")
    spo.child.sendline("evet")
    code, shown = spo.end()

    assert code == 1, shown
    assert shown.endswith(
        "Yazılsın mı? [E/h]: evet\n"
        "spo: data/municipalities/artvin.yaml dosyasına hiçbir şey yazılmadı: "
        "mersin-bb ile 2026-12-05 tarihli bu temas\n"  # broken at a space, at 120 columns
        "(Toplantı) zaten kayıtlı\n"
        "Yazdıklarınız kaybolmadı; sorun giderilince aynısını soru sorulmadan yazmak için:\n"
        "  spo engagement add --to artvin --host mersin-bb --kind meeting --date 2026-12-05 "
        "--participants 12 --note 'Mahalle mutfağı anlatıldı; '\"'\"'ikinci'\"'\"' ziyaret'\n"
    )
    assert path.read_text(encoding="utf-8") == edited

    fresh = _registry(tmp_path, "fresh")
    pasted = _pasted(shown, fresh)
    assert (pasted.returncode, pasted.stderr) == (0, ""), pasted.stderr
    assert "    note: Mahalle mutfağı anlatıldı; 'ikinci' ziyaret\n" in (fresh / ARTVIN).read_text(
        encoding="utf-8"
    )


DATES = [
    ("05.12.2025", '"2025-12-05"'),
    ("5.1.2025", '"2025-01-05"'),
    ("5 Aralık 2025", '"2025-12-05"'),
    ("ARALIK 2025", '"2025-12"'),
    ("5 December 2025", '"2025-12-05"'),
    ("03.2025", '"2025-03"'),
    ("2025", '"2025"'),
    ("2025-12-05", '"2025-12-05"'),
]


@pytest.mark.parametrize(("typed", "written"), DATES)
def test_a_date_flag_takes_the_forms_staff_write(registry_copy, typed, written) -> None:
    root = registry_copy("sample")

    run = run_spo(
        "--root", str(root), "engagement", "add", "--to", "artvin", "--host", "izmir-bb",
        "--kind", "meeting", "--date", typed,
    )  # fmt: skip

    assert (run.exit_code, run.stderr) == (0, "")
    assert f"    date: {written}\n" in run.stdout


REFUSED_DATES = [
    ("31.02.2025", "spo: '31.02.2025' gerçek bir tarih değil (2025-02 ayı 28 gün çeker)\n"),
    (
        "12/05/2025",
        "spo: '12/05/2025' hem gün/ay/yıl hem ay/gün/yıl okunabilir; noktayla gün.ay.yıl yazın, "
        "örneğin 05.12.2026 (5 Aralık 2026)\n",
    ),
    ("5.12.25", "spo: '5.12.25': yılı dört haneyle yazın, örneğin 5.12.2025\n"),
    (
        "geçen salı",
        "spo: 'geçen salı' bir tarih olarak anlaşılmadı; örneğin 05.12.2026, 5 Aralık 2026, "
        "Aralık 2026 ya da 2026 yazın\n",
    ),
]


@pytest.mark.parametrize(("typed", "message"), REFUSED_DATES)
def test_a_date_that_could_mean_two_days_or_none_is_refused(registry_copy, typed, message) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = run_spo(
        "--root", str(root), "--lang", "tr", "transfer", "add", "--project", "kadin-ustalar",
        "--to", "artvin", "--stage", "inquiry", "--date", typed,
    )  # fmt: skip

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)
    assert (root / ARTVIN).read_bytes() == before


def test_transfer_list_takes_its_dates_as_staff_write_them(registry_copy) -> None:
    root = registry_copy("sample")
    iso = run_spo(
        "--root", str(root), "transfer", "list", "--since", "2025-01", "--until", "2025-03-31"
    )

    typed = run_spo(
        "--root", str(root), "transfer", "list", "--since", "Ocak 2025", "--until", "31.03.2025"
    )

    assert (typed.exit_code, typed.stderr) == (0, "")
    assert typed.stdout == iso.stdout
    assert "Women Craftspeople" in typed.stdout


def test_a_project_name_already_taken_is_asked_again_at_once(registry_copy, monkeypatch) -> None:
    """The name makes the file's id: a name whose file exists is refused where it is typed, not
    after every other answer."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    answers = ["Mahalle Mutfakları", "Mahalle Mutfakları 2", "mersin-bb", "Sıcak yemek.", "5", ""]

    run = run_spo("--root", str(root), "project", "new", "--yes", input="\n".join(answers) + "\n")

    assert run.exit_code == 0, run.stderr
    assert run.stderr.startswith(
        "a project with the id 'mahalle-mutfaklari' already exists; give the new one another "
        "name; try again\n"
    )
    assert run.stdout.startswith(
        "Name (Turkish): Mahalle Mutfakları\nName (Turkish): Mahalle Mutfakları 2\n"
    )
    assert (root / "data/projects/mahalle-mutfaklari-2.yaml").is_file()


def test_a_visit_already_recorded_is_refused_before_the_question_and_kept(
    registry_copy, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = run_spo(
        "--root", str(root), "engagement", "add", "--to", "artvin", "--host", "mersin-bb",
        input="study-visit\n10.02.2025\n6\n\nhttps://example.org/haber/1\n",
    )  # fmt: skip

    assert run.exit_code == 1
    assert "Write this?" not in run.stdout
    assert run.stderr == (
        "spo: nothing written to data/municipalities/artvin.yaml: this study visit with "
        "mersin-bb on 2025-02-10 is already recorded\n"
        "Nothing you typed is lost; once the problem is fixed, this writes the same without "
        "questions:\n"
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind study-visit "
        "--date 2025-02-10 --participants 6 --source https://example.org/haber/1\n"
    )
    assert (root / ARTVIN).read_bytes() == before


def test_no_to_the_question_writes_nothing_and_shows_the_command(registry_copy, monkeypatch):
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = run_spo(
        "--root", str(root), "--lang", "tr", "transfer", "add", "--project", "kadin-ustalar",
        "--to", "artvin", input="sunum\nMart 2025\n\n\nhayır\n",
    )  # fmt: skip

    assert run.exit_code == 0
    assert run.stdout.endswith("Yazılsın mı? [E/h]: hayır\nHiçbir şey yazılmadı.\n")
    assert run.stderr == (
        "Aynısını soru sorulmadan yazan komut:\n"
        f"  spo --root {root} transfer add --project kadin-ustalar --to artvin "
        "--stage presentation --date 2025-03\n"
    )
    assert (root / ARTVIN).read_bytes() == before


def test_in_a_terminal_a_wrong_date_option_is_asked_for_again(registry_copy, monkeypatch) -> None:
    """A wrong --date is not refused after every other answer: it is asked for, with the reason,
    and the summary and the command line hold the ISO date that will be written."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = run_spo(
        "--root", str(root), "engagement", "add", "--to", "artvin", "--kind", "training",
        "--date", "31.02.2025", "--yes", input="izmir-bb\n28.2.2025\n\n\n\n",
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    assert run.stderr == (
        "'31.02.2025' is not a real date (2025-02 has 28 days); try again\n"
        "The same without questions:\n"
        f"  spo --root {root} engagement add --to artvin --host izmir-bb --kind training "
        "--date 2025-02-28\n"
    )
    assert (
        f"Date [{date.today().isoformat()}]: 28.2.2025\n"
        "  28.2.2025 → 2025-02-28\n"
        "Participants (optional, Enter to skip): \n"
    ) in run.stdout
    assert "Date:                  2025-02-28\n" in run.stdout
    assert '    date: "2025-02-28"\n' in (root / ARTVIN).read_text(encoding="utf-8")


def test_a_stage_the_history_cannot_take_is_asked_again_where_it_is_typed(tmp_path) -> None:
    """A stage already recorded, then a date before the current stage: each is said at the
    question, and the stage and its date are asked again, before any other question."""
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    before = (root / ARTVIN).read_text(encoding="utf-8")
    answers = "1\n2025-05-01\n4\n2025-01-01\n4\n2025-05-01\n\n\nh\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prompts, "is_interactive", lambda: True)
        run = run_spo(
            "--root", str(root), "--lang", "tr", "transfer", "add",
            "--project", "mahalle", "--to", "artvin", input=answers,
        )  # fmt: skip

    assert run.exit_code == 0
    asked = [line for line in run.stdout.splitlines() if line.startswith(("Aşama [", "Tarih ["))]
    assert [line.split(": ", 1)[1] for line in asked] == [
        "1", "2025-05-01", "4", "2025-01-01", "4", "2025-05-01",
    ]  # fmt: skip
    assert run.stderr == (
        "'Görüşme' aşaması bu aktarım için zaten kayıtlı (2024-11); yeniden deneyin\n"
        "2025-01-01 tarihli 'Planlama desteği' aşaması, daha önceki 'Sunum' aşamasından "
        "(2025-02-10) önce olur; yeniden deneyin\n"
        "Aynısını soru sorulmadan yazan komut:\n"
        f"  spo --root {root} transfer add --project mahalle-mutfaklari --to artvin "
        "--stage planning-support --date 2025-05-01\n"
    )
    assert (root / ARTVIN).read_text(encoding="utf-8") == before


def test_a_hidden_control_in_a_note_is_said_at_the_note_question(tmp_path) -> None:
    """A right-to-left override pasted into a note is refused where it is typed, with
    validate's own reason, and the note is asked again; nothing else is lost."""
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    answers = "4\n2025-05-01\nekip \u202eeğitildi\nekip eğitildi\n\n\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prompts, "is_interactive", lambda: True)
        run = run_spo(
            "--root", str(root), "--lang", "tr", "transfer", "add", "--yes",
            "--project", "mahalle", "--to", "artvin", input=answers,
        )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[0] == (
        "'note' alanında görünmeyen bir denetim karakteri (U+202E, 6. karakter) var: okuyanın "
        "ekranında görüneni değiştirebilir; silin; yeniden deneyin"
    )
    assert "        note: ekip eğitildi\n" in (root / ARTVIN).read_text(encoding="utf-8")


def test_the_project_s_owner_given_as_the_adopter_is_said_at_once_and_asked_again(
    tmp_path,
) -> None:
    """`--to` the project's own owner: said before any question, then the adopter is asked; the
    owner typed at that question is said to own it, not "no municipality matches"."""
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    before = (root / ARTVIN).read_text(encoding="utf-8")
    answers = "mersin bb\nartvin\n4\n2025-05-01\n\n\nh\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prompts, "is_interactive", lambda: True)
        run = run_spo(
            "--root", str(root), "--lang", "tr", "transfer", "add",
            "--project", "mahalle", "--to", "mersin-bb", input=answers,
        )  # fmt: skip

    assert run.exit_code == 0
    assert run.stderr.splitlines()[:2] == [
        "Mersin Büyükşehir Belediyesi projenin sahibi; projeyi alan başka bir belediye yazın",
        "Mersin Büyükşehir Belediyesi projenin sahibi; projeyi alan başka bir belediye yazın",
    ]
    assert "--to artvin --stage planning-support --date 2025-05-01" in run.stderr
    assert (root / ARTVIN).read_text(encoding="utf-8") == before


def test_one_digit_names_no_project(tmp_path) -> None:
    """'1' begins a word of "… 100. Yıl …", but one letter or digit is too little to name a
    record: it is not taken for a project anywhere a name goes."""
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "data/projects/yuzuncu-yil.yaml").write_text(
        (root / "data/projects/mahalle-mutfaklari.yaml")
        .read_text(encoding="utf-8")
        .replace("id: mahalle-mutfaklari", "id: yuzuncu-yil")
        .replace("Mahalle Mutfakları", "100. Yıl Bilim Merkezi"),
        encoding="utf-8",
    )
    shown = run_spo("--root", str(root), "project", "show", "1")

    assert (shown.exit_code, shown.stderr) == (2, "spo: no project '1'\n")
    assert run_spo("--root", str(root), "project", "show", "100").stdout.startswith("100. Yıl")


def test_a_municipality_recorded_already_is_said_at_its_place_questions(tmp_path) -> None:
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    answers = "mersin\n\nkırıkkale\nkeskin\n\n\nh\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prompts, "is_interactive", lambda: True)
        run = run_spo("--root", str(root), "--lang", "tr", "municipality", "new", input=answers)

    assert run.exit_code == 0
    assert run.stdout.startswith(
        "İl: mersin\nİlçe (isteğe bağlı, Enter: boş): \nİl: kırıkkale\n"
        "İlçe (isteğe bağlı, Enter: boş): keskin\n"
    )
    assert run.stderr.splitlines()[0] == (
        "Mersin Büyükşehir Belediyesi zaten kayıtlı (data/municipalities/mersin-bb.yaml); "
        "başka bir il, ilçe ya da belde yazın"
    )
    assert not (root / "data/municipalities/kirikkale-keskin.yaml").exists()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("www.mersin.bel.tr", "'www.mersin.bel.tr' bir web adresi değil (http:// ya da https:// "
         "ile başlamalı)"),
        ("https://", "'https://' bir web adresi değil: http:// ya da https:// sonrasında sitenin "
         "adresi eksik"),
        ("https://mersin bel.tr", "'https://mersin bel.tr' bir web adresi değil: bir web "
         "adresinde boşluk olamaz (boşluğu %20 olarak yazın)"),
    ],
)  # fmt: skip
def test_a_web_address_is_refused_saying_what_is_wrong_with_it(
    tmp_path, typed: str, said: str
) -> None:
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    args = ["engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--kind", "meeting"]
    run = run_spo("--root", str(root), "--lang", "tr", *args, "--source", typed)

    assert (run.exit_code, run.stderr) == (2, f"spo: {said}\n")


def test_a_scheme_in_capitals_is_written_in_small_letters(tmp_path) -> None:
    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    args = ["engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--kind", "meeting"]
    run = run_spo("--root", str(root), *args, "--date", "2025-05-01", "--source", "HTTPS://x.tr/a")

    assert run.exit_code == 0, run.stderr
    assert "    source: https://x.tr/a\n" in (root / ARTVIN).read_text(encoding="utf-8")
