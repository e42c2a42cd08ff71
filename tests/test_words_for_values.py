"""Words wherever a value goes (issue 23). Staff type a value as its Turkish or English label, its
first letters or with a typo, and spo takes the value it means; a word that could mean several
values or records lists them (exit 2) and does nothing. Records are found by their names and ids,
never by a word of their notes. Help and messages name values by their labels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from spo.cli import prompts
from spo.query import naming
from spo.query.search import registry_rows
from tests.conftest import run_spo

Copy = Callable[[str], Path]


def spo(root: Path, *args: str, lang: str = "en", input: str | None = None) -> tuple[int, str, str]:
    run = run_spo("--root", str(root), "--lang", lang, *args, input=input)
    return run.exit_code, run.stdout, run.stderr


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    """The sample registry, where the retirees' centre is also about cleanliness and hygiene."""
    root = registry_copy("sample")
    project = root / "data/projects/emekliler-yasam-merkezi.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("[social-life]", "[social-life, hygiene]"), encoding="utf-8")
    return root


# --- values -------------------------------------------------------------------------------------


def test_a_theme_is_taken_by_a_word_of_its_turkish_label(sample: Path) -> None:
    code, out, err = spo(sample, "project", "list", "--theme", "hijyen", "--format", "csv")

    assert (code, err) == (0, "")
    assert out.splitlines()[1].startswith("emekliler-yasam-merkezi,")
    assert len(out.splitlines()) == 2
    assert spo(sample, "project", "list", "--theme", "hygiene", "--format", "csv")[1] == out


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("Temizlik ve hijyen", "its whole Turkish label"),
        ("CLEANLINESS", "the first word of its English label, in capitals"),
        ("temiz", "the first letters of its label"),
        ("hygeine", "a typo of its id"),
        ("hijyne", "a typo of a word of its label"),
    ],
)
def test_a_theme_is_taken_by_its_label_its_first_letters_or_a_typo(
    sample: Path, typed: str, meaning: str
) -> None:
    by_id = spo(sample, "project", "list", "--theme", "hygiene", "--format", "csv")

    assert spo(sample, "project", "list", "--theme", typed, "--format", "csv") == by_id, meaning


def test_a_stage_is_taken_by_the_first_letters_of_its_turkish_label(sample: Path) -> None:
    assert spo(sample, "transfer", "list", "--stage", "hayata", lang="tr") == (
        0,
        "Belediye            Proje                Aşama              Tarih        Aktaran"
        "                     \n" + "─" * 101 + "\n"
        "Çardak Belediyesi   Mahalle Mutfakları   Hayata geçirildi   2025-09-01   "
        "Mersin Büyükşehir Belediyesi\n",
        "",
    )


def test_report_explain_takes_the_metric_by_its_turkish_label(sample: Path) -> None:
    by_id = spo(sample, "report", "--explain", "municipalities-hosted", "--as-of", "2025-06-01")

    assert by_id[0] == 0
    assert by_id[1].startswith(
        "Municipalities hosted: the records behind it as of 2025-06-01 (2)\n"
    )
    assert spo(sample, "report", "--explain", "ağırlanan", "--as-of", "2025-06-01") == by_id


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (
            ["project", "list", "--theme", "sosyal"],
            "en",
            "spo: 'sosyal' could be more than one theme: Social care (social-care), "
            "Social life (social-life); give one of them\n",
        ),
        (
            ["project", "list", "--theme", "sosyal"],
            "tr",
            "spo: 'sosyal' birden çok tema olabilir: Sosyal bakım (social-care), "
            "Sosyal yaşam (social-life); birini yazın\n",
        ),
        (
            ["report", "--explain", "destek"],
            "tr",
            "spo: 'destek' birden çok ölçüt olabilir: Destek verilen belediye "
            "(municipalities-supported), Destek verilen proje (projects-supported); birini yazın\n",
        ),
        (
            ["transfer", "add", "--project", "kadin-ustalar", "--to", "artvin", "--stage",
             "support", "--date", "2025-05-01"],
            "en",
            "spo: 'support' could be more than one stage: Planning support (planning-support), "
            "Implementation support (implementation-support); give one of them\n",
        ),
    ],
)  # fmt: skip
def test_a_word_that_could_be_several_values_lists_them(
    sample: Path, args: list[str], lang: str, said: str
) -> None:
    before = (sample / "data/municipalities/artvin.yaml").read_text(encoding="utf-8")

    assert spo(sample, *args, lang=lang) == (2, "", said)
    assert (sample / "data/municipalities/artvin.yaml").read_text(encoding="utf-8") == before


def test_the_engagement_kind_is_taken_by_the_first_word_of_its_label(sample: Path) -> None:
    code, out, err = spo(
        sample, "engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--kind", "yerinde",
        "--date", "2025-05-06",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out.endswith("  11 |   - kind: study-visit\n  12 |     host: mersin-bb\n"
                        '  13 |     date: "2025-05-06"\n')  # fmt: skip


def test_the_engagement_kind_prompt_takes_the_label_s_first_word(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)

    code, out, err = spo(
        sample, "engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--yes",
        "--date", "2025-05-06", "--participants", "3", input="yerinde\n\n\n", lang="tr",
    )  # fmt: skip

    assert (code, err) == (
        0,
        "Aynısını soru sorulmadan yazan komut:\n"
        f"  spo --root {sample} engagement add --to artvin --host mersin-bb --kind study-visit "
        "--date 2025-05-06 --participants 3\n",
    )
    assert "Tür: yerinde\n  yerinde → Yerinde inceleme ziyareti (study-visit)\n" in out
    assert "  11 |   - kind: study-visit\n" in out


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "spo: 'Büyükşehir' could be more than one municipality: "
            "İstanbul Büyükşehir Belediyesi (istanbul-bb), İzmir Büyükşehir Belediyesi (izmir-bb), "
            "Mersin Büyükşehir Belediyesi (mersin-bb); give one of the ids\n",
        ),
        (
            "tr",
            "spo: 'Büyükşehir' birden çok belediye olabilir: "
            "İstanbul Büyükşehir Belediyesi (istanbul-bb), İzmir Büyükşehir Belediyesi (izmir-bb), "
            "Mersin Büyükşehir Belediyesi (mersin-bb); kimliklerden birini yazın\n",
        ),
    ],
)
def test_a_word_of_several_names_lists_the_records(
    registry_copy: Copy, lang: str, said: str
) -> None:
    root = registry_copy("find-ranking")

    assert spo(root, "municipality", "show", "Büyükşehir", lang=lang) == (2, "", said)


@pytest.mark.parametrize("typed", ["mersin bb", "Mersin BB", "MERSİN BB"])
def test_bb_is_buyuksehir_belediyesi(sample: Path, typed: str) -> None:
    by_id = spo(sample, "municipality", "show", "mersin-bb", "--format", "yaml")

    assert by_id[0] == 0
    assert spo(sample, "municipality", "show", typed, "--format", "yaml") == by_id


def with_a_note(root: Path) -> Path:
    """Mersin BB's record with a note in which "1" is a word."""
    path = root / "data/municipalities/mersin-bb.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "notes: Ofis 1 Mart 2024'te kuruldu.\n", encoding="utf-8")
    return root


def test_a_word_of_a_note_names_no_record(sample: Path) -> None:
    root = with_a_note(sample)

    assert spo(root, "municipality", "show", "1") == (2, "", "spo: no municipality '1'\n")
    rows = registry_rows(root)
    assert naming.candidates("municipality", "1", rows, offered=True) == []
    assert [r["id"] for r in naming.candidates("municipality", "mersn", rows, offered=True)] == [
        "mersin-bb"
    ]


@pytest.mark.parametrize("typed", ["1\nmersin bb\n", "mersin bb\n"])
def test_the_host_prompt_finds_records_by_name_only(
    sample: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = with_a_note(sample)

    code, out, err = spo(
        root, "engagement", "add", "--to", "artvin", "--kind", "meeting", "--yes",
        "--date", "2025-05-06", "--participants", "3", input=typed + "\n\n",
    )  # fmt: skip

    assert code == 0
    assert "  mersin bb → Mersin Büyükşehir Belediyesi (mersin-bb)\n" in out
    assert err == ("No municipality matches '1'.\n" if typed.startswith("1") else "") + (
        "The same without questions:\n"
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind meeting "
        "--date 2025-05-06 --participants 3\n"
    )
    assert "host: mersin-bb" in out


# --- help and messages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "stage"),
    [
        (
            "en",
            "  --stage STAGE  The stage reached, by its label or id (or their first letters):\n"
            "                 Inquiry (inquiry), Study visit (study-visit), Presentation\n",
        ),
        (
            "tr",
            "  --stage AŞAMA     Ulaşılan aşama, etiketiyle ya da kimliğiyle (ya da ilk\n"
            "                    harfleriyle): Görüşme (inquiry), Yerinde inceleme\n"
            "                    (study-visit), Sunum (presentation), Planlama desteği\n",
        ),
    ],
)
def test_help_shows_each_value_as_its_label_and_id(sample: Path, lang: str, stage: str) -> None:
    code, page, err = spo(sample, "transfer", "add", "--help", lang=lang)

    assert (code, err) == (0, "")
    assert stage in page


def test_a_stage_order_refusal_names_the_stages_by_their_turkish_labels(sample: Path) -> None:
    assert spo(
        sample, "transfer", "add", "--project", "mahalle-mutfaklari",
        "--to", "canakkale-lapseki-cardak", "--stage", "yerinde", "--date", "2025-04-01", lang="tr",
    ) == (
        1,
        "",
        "spo: data/municipalities/canakkale-lapseki-cardak.yaml dosyasına hiçbir şey yazılmadı: "
        "2025-04-01 tarihli 'Yerinde inceleme' aşaması, daha sonraki 'Sunum' aşamasından "
        "(2025-03-01) sonra olur\n",
    )  # fmt: skip
