"""The words of the find commands: every header, field label and message in Turkish and English
(`MESSAGES`, looked up with `message`), and how dates, published figures and vocabulary values
read in the chosen language.
"""

from __future__ import annotations

from collections.abc import Iterable

from spo.dates import FuzzyDate
from spo.i18n import Catalogue
from spo.vocabulary import QUALIFIERS, Lang, Vocabulary

# Turkish and English for every header and message the find commands print.
MESSAGES: dict[str, dict[Lang, str]] = {
    # table headers and field labels
    "id": {"tr": "Kimlik", "en": "ID"},
    "name": {"tr": "Ad", "en": "Name"},
    "owner": {"tr": "Sahibi", "en": "Owner"},
    "status": {"tr": "Durum", "en": "Status"},
    "launched": {"tr": "Başlangıç", "en": "Launched"},
    "themes": {"tr": "Temalar", "en": "Themes"},
    "target_groups": {"tr": "Hedef kitle", "en": "Target groups"},
    "service_model": {"tr": "Hizmet modeli", "en": "Service model"},
    "partners": {"tr": "Ortaklar", "en": "Partners"},
    "tags": {"tr": "Etiketler", "en": "Tags"},
    "requirements": {"tr": "Aktarım için gerekenler", "en": "Needs to adopt"},
    "website": {"tr": "Web sitesi", "en": "Website"},
    "summary": {"tr": "Özet", "en": "Summary"},
    "notes": {"tr": "Notlar", "en": "Notes"},
    "sources": {"tr": "Kaynaklar", "en": "Sources"},
    "kind": {"tr": "Tür", "en": "Kind"},
    "province": {"tr": "İl", "en": "Province"},
    "district": {"tr": "İlçe", "en": "District"},
    "contacts": {"tr": "İletişim", "en": "Contacts"},
    "engagements": {"tr": "Temaslar", "en": "Engagements"},
    "transfers": {"tr": "Aktarımlar", "en": "Transfers"},
    "municipality": {"tr": "Belediye", "en": "Municipality"},
    "project": {"tr": "Proje", "en": "Project"},
    "stage": {"tr": "Aşama", "en": "Stage"},
    "since": {"tr": "Tarih", "en": "Since"},
    "date": {"tr": "Tarih", "en": "Date"},
    "mentor": {"tr": "Aktaran", "en": "Mentor"},
    "event": {"tr": "Olay", "en": "Event"},
    "type": {"tr": "Tür", "en": "Type"},
    "matched_in": {"tr": "Eşleşen alan", "en": "Matched in"},
    "latest": {"tr": "Son hareket", "en": "Latest activity"},
    "timeline": {"tr": "Zaman çizelgesi", "en": "Timeline"},
    "owned_projects": {"tr": "Projeleri", "en": "Its projects"},
    "reported_figures": {"tr": "Açıkladığı rakamlar", "en": "Figures it reported"},
    "metric": {"tr": "Ölçü", "en": "Metric"},
    "value": {"tr": "Değer", "en": "Value"},
    "req_staff": {"tr": "Personel", "en": "Staff"},
    "req_space": {"tr": "Mekân", "en": "Space"},
    "req_budget": {"tr": "Bütçe", "en": "Budget"},
    "req_partners": {"tr": "Ortaklar", "en": "Partners"},
    # what a search result is, and where it matched
    "type_project": {"tr": "Proje", "en": "Project"},
    "type_municipality": {"tr": "Belediye", "en": "Municipality"},
    "field_name": {"tr": "ad", "en": "name"},
    "field_summary": {"tr": "özet", "en": "summary"},
    "field_tags": {"tr": "etiketler", "en": "tags"},
    "field_themes": {"tr": "tema", "en": "theme"},
    "field_target_groups": {"tr": "hedef kitle", "en": "target group"},
    "field_province": {"tr": "il", "en": "province"},
    "field_district": {"tr": "ilçe", "en": "district"},
    # pieces of text
    "date_by": {"tr": "en geç {date}", "en": "by {date}"},
    "host": {"tr": "{kind}, ev sahibi: {other}", "en": "{kind}, host: {other}"},
    "guest": {"tr": "{kind}, konuk: {other}", "en": "{kind}, guest: {other}"},
    "participants": {"tr": "{count} katılımcı", "en": "{count} participants"},
    # messages (stderr)
    "skipped": {
        "tr": "spo: uyarı: okunamayan {count} dosya atlandı; nedenini görmek için `spo validate` "
        "çalıştırın",
        "en": "spo: warning: {count} file(s) could not be read and were left out; "
        "run `spo validate` to see why",
    },
    "no_projects": {"tr": "Koşullara uyan proje yok.", "en": "No projects match."},
    "no_municipalities": {"tr": "Koşullara uyan belediye yok.", "en": "No municipalities match."},
    "no_transfers": {"tr": "Koşullara uyan aktarım yok.", "en": "No transfers match."},
    "no_hits": {"tr": "'{query}' için sonuç bulunamadı.", "en": "Nothing found for '{query}'."},
    "none_yet": {"tr": "Henüz yok.", "en": "None yet."},
}


message = Catalogue(MESSAGES)


def date_label(when: FuzzyDate, lang: Lang) -> str:
    """`../2025-03-21` reads "by 2025-03-21"; `A/B` reads "A – B"; other dates as written."""
    if when.text.startswith("../"):
        return message("date_by", lang, date=when.text[3:])
    return when.text.replace("/", " – ")


def figure_value(value: int, qualifier: str, lang: Lang) -> str:
    """ "at least 30"; a Turkish qualifier that is a suffix ("-den fazla") follows the number."""
    label = QUALIFIERS.label(qualifier, lang)
    return f"{value}{label}" if label.startswith("-") else f"{label} {value}"


def vocabulary_labels(vocab: Vocabulary, values: Iterable[str], lang: Lang) -> str:
    """Values of a vocabulary as their labels, comma-separated."""
    return ", ".join(vocab.label(v, lang) for v in values)
