"""The words of `spo report`: its headings and phrases in Turkish and English (`MESSAGES`, looked
up with `message`), and how its numbers read: a published figure with its qualifier (with the
Turkish ablative suffix), a figure's label, a signed difference, the visitors and the scope.
Vocabulary labels come from `spo.vocabulary`.
"""

from __future__ import annotations

from spo.i18n import Catalogue
from spo.report import FigureCheck, Report
from spo.vocabulary import METRICS, MUNICIPALITY_KINDS, Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    "title": {"en": "Report as of {day}", "tr": "{day} itibarıyla rapor"},
    "scope_owner": {
        "en": "Projects of {name} (`{id}`) and visits it hosted.",
        "tr": "{name} (`{id}`) projeleri ve ağırladığı ziyaretler.",
    },
    "scope_all": {
        "en": "All projects and all engagements in the registry.",
        "tr": "Kayıttaki tüm projeler ve tüm etkinlikler.",
    },
    "dates_note": {
        "en": "An event with an imprecise date counts once it has certainly happened.",
        "tr": "Tarihi kesin olmayan bir olay, kesinlikle gerçekleşmiş olduğu günden "
        "itibaren sayılır.",
    },
    "municipalities": {"en": "Municipalities", "tr": "Belediyeler"},
    "total": {"en": "Total", "tr": "Toplam"},
    "hosted": {"en": "Hosted (study visit)", "tr": "Ağırlanan (yerinde inceleme)"},
    "in_talks": {"en": "In talks", "tr": "Görüşme aşamasında"},
    "supported": {
        "en": "Supported (presentation or later)",
        "tr": "Destek verilen (sunum ve sonrası)",
    },
    "launched": {"en": "With a launched service", "tr": "Hizmeti hayata geçiren"},
    "projects_and_visitors": {"en": "Projects and visitors", "tr": "Projeler ve ziyaretçiler"},
    "projects_transferred": {"en": "Projects transferred", "tr": "Aktarılan proje"},
    "visitors": {"en": "Visitors", "tr": "Ziyaretçi"},
    "without_count_1": {
        "en": "{count} engagement without a participant count",
        "tr": "katılımcı sayısı belirtilmeyen {count} etkinlik",
    },
    "without_count_n": {
        "en": "{count} engagements without a participant count",
        "tr": "katılımcı sayısı belirtilmeyen {count} etkinlik",
    },
    "transfers_by_stage": {"en": "Transfers by stage", "tr": "Aşamalarına göre aktarımlar"},
    "stage": {"en": "Stage", "tr": "Aşama"},
    "transfers": {"en": "Transfers", "tr": "Aktarım"},
    "most_adopted": {"en": "Most adopted projects", "tr": "En çok benimsenen projeler"},
    "project": {"en": "Project", "tr": "Proje"},
    "owner": {"en": "Owner", "tr": "Sahibi"},
    "adopters": {"en": "Adopting municipalities", "tr": "Benimseyen belediye"},
    "launched_count": {"en": "Launched", "tr": "Hayata geçiren"},
    "adopters_by_province": {
        "en": "Adopting municipalities by province",
        "tr": "İllere göre benimseyen belediyeler",
    },
    "province": {"en": "Province", "tr": "İl"},
    "municipality_count": {"en": "Municipalities", "tr": "Belediye"},
    "projects_by_theme": {"en": "Projects by theme", "tr": "Temalara göre projeler"},
    "theme": {"en": "Theme", "tr": "Tema"},
    "projects": {"en": "Projects", "tr": "Proje"},
    "projects_by_target_group": {
        "en": "Projects by target group",
        "tr": "Hedef gruplara göre projeler",
    },
    "target_group": {"en": "Target group", "tr": "Hedef grup"},
    "partners_by_type": {"en": "Partners by type", "tr": "Türlerine göre ortaklar"},
    "partner_type": {"en": "Partner type", "tr": "Ortak türü"},
    "partners": {"en": "Partners", "tr": "Ortak"},
    "reported": {"en": "Reported vs recorded", "tr": "Açıklanan ve kayıtlı rakamlar"},
    "reported_note": {
        "en": "Recorded: the registry's value as of the figure's date, in its publisher's "
        "scope; “approximately” is met within {pct}%.",
        "tr": "Kayıtlı: rakamın tarihinde, açıklayan belediyenin kapsamında kayıttaki değer; "
        "“yaklaşık” %{pct} fark içinde tutmuş sayılır.",
    },
    "date": {"en": "Date", "tr": "Tarih"},
    "published_by": {"en": "Published by", "tr": "Açıklayan"},
    "metric": {"en": "Figure", "tr": "Rakam"},
    "value": {"en": "Value", "tr": "Değer"},
    "published": {"en": "Published", "tr": "Açıklanan"},
    "recorded": {"en": "Recorded", "tr": "Kayıtlı"},
    "difference": {"en": "Difference", "tr": "Fark"},
    "met": {"en": "Met", "tr": "Tuttu mu"},
    "source": {"en": "Source", "tr": "Kaynak"},
    "yes": {"en": "yes", "tr": "evet"},
    "no": {"en": "no", "tr": "hayır"},
    "none": {"en": "None as of this date.", "tr": "Bu tarih itibarıyla yok."},
    "exact": {"en": "exactly {value}", "tr": "tam {value}"},
    "approximately": {"en": "approximately {value}", "tr": "yaklaşık {value}"},
    "at-least": {"en": "at least {value}", "tr": "en az {value}"},
    "more-than": {"en": "more than {value}", "tr": "{value_ablative} fazla"},
}


message = Catalogue(MESSAGES)


# How the reading of a number ends decides the Turkish ablative suffix: 30 (otuz) → 30'dan,
# 40 (kırk) → 40'tan, 1000 (bin) → 1000'den.
_UNIT_SUFFIX = ("dan", "den", "den", "ten", "ten", "ten", "dan", "den", "den", "dan")
_TEN_SUFFIX = ("", "dan", "den", "dan", "tan", "den", "tan", "ten", "den", "dan")


def turkish_ablative(number: int) -> str:
    n = abs(number)
    if n == 0 or n % 10:
        suffix = _UNIT_SUFFIX[n % 10]
    elif n % 100:
        suffix = _TEN_SUFFIX[n // 10 % 10]
    elif n % 1000 or n % 1_000_000:
        suffix = "den"  # yüz, bin
    else:
        suffix = "dan"  # milyon, milyar
    return f"{number}'{suffix}"


def published(check: FigureCheck, lang: Lang) -> str:
    """`at least 30` / `en az 30`, `more than 1000` / `1000'den fazla`."""
    return message(
        check.qualifier, lang, value=check.value, value_ablative=turkish_ablative(check.value)
    )


def figure_label(check: FigureCheck, lang: Lang) -> str:
    label = METRICS.label(check.metric, lang)
    if check.municipality_kind:
        label += f" ({MUNICIPALITY_KINDS.label(check.municipality_kind, lang)})"
    return label


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def visitors_text(report: Report, lang: Lang) -> str:
    visitors = report.visitors
    missing = visitors.engagements_without_count
    if not missing:
        return str(visitors.total)
    key = "without_count_1" if missing == 1 else "without_count_n"
    return f"{visitors.total} ({message(key, lang, count=missing)})"


def scope_text(report: Report, lang: Lang) -> str:
    if report.owner is None:
        return message("scope_all", lang)
    return message("scope_owner", lang, name=report.owner_name, id=report.owner)
