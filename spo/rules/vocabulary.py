"""Every controlled vocabulary of the registry, each value with a Turkish and an English label.

This module is the one place where a vocabulary is defined. The JSON Schemas in `schemas/` are
generated from it (`python -m spo.rules.schemas --write`), and the command line shows its labels in
the user's language. Values are English kebab-case; they are what the YAML files hold and never
change with `--lang`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spo.rules.turkish import edit_distance_at_most_one, fold, word_matches


@dataclass(frozen=True)
class Term:
    value: str
    tr: str  # the Turkish label
    en: str  # the English label


@dataclass(frozen=True)
class Vocabulary:
    name: str
    title: str
    terms: tuple[Term, ...]

    @property
    def values(self) -> list[str]:
        return [t.value for t in self.terms]

    def index(self, value: str) -> int:
        return self.values.index(value)

    def value_for(self, text: str) -> str | None:
        """The one value that `text` names by the rule of `candidates`, or None when it names
        none or several ("sağlık", "Health", "İl", "hijyen", "sunm" all work)."""
        found = self.candidates(text)
        return found[0] if len(found) == 1 else None

    def exact_value_for(self, text: str) -> str | None:
        """The value whose id or label `text` is, case and Turkish letters folded; no prefix or
        typo (what a file holds must be the value itself: validation names the label's value)."""
        if text in self.values:
            return text
        found = _exact(fold(text), self._forms())
        return found[0] if found else None

    def candidates(self, text: str) -> tuple[str, ...]:
        """The values that `text` may name, by the one rule for a value typed anywhere: its id;
        else its Turkish or English label or id, folded as search folds ("SAĞLIK", "saglik");
        else those whose label or id begins with it ("yerinde", "ağırlanan"); else those with a
        word beginning with each of its words ("hijyen": Temizlik ve hijyen); else those a typo
        away ("helth", "toplnti"). The first of these that finds any decides; several values
        found there are all candidates, in the vocabulary's order."""
        if text in self.values:
            return (text,)
        typed = fold(text)
        if not typed:
            return ()
        forms = self._forms()
        for tier in (_exact, _begins, _words_begin, _typo):
            found = tier(typed, forms)
            if found:
                return found
        return ()

    def _forms(self) -> dict[str, tuple[str, ...]]:
        return {t.value: (fold(t.value), fold(t.tr), fold(t.en)) for t in self.terms}


Forms = dict[str, tuple[str, ...]]  # each value's id and labels, folded


def _exact(typed: str, forms: Forms) -> tuple[str, ...]:
    return tuple(value for value, names in forms.items() if typed in names)


def _begins(typed: str, forms: Forms) -> tuple[str, ...]:
    return tuple(v for v, names in forms.items() if any(n.startswith(typed) for n in names))


def _each_word(typed: str, names: tuple[str, ...], matches: Callable[[str, str], bool]) -> bool:
    """Whether one of `names` has, for each typed word, a word that it `matches`."""
    wanted = typed.split()
    return any(all(any(matches(t, w) for w in n.split()) for t in wanted) for n in names)


def _words_begin(typed: str, forms: Forms) -> tuple[str, ...]:
    return tuple(
        v for v, names in forms.items() if _each_word(typed, names, lambda t, w: w.startswith(t))
    )


def _typo(typed: str, forms: Forms) -> tuple[str, ...]:
    def near(names: tuple[str, ...]) -> bool:
        whole = len(typed) >= MIN_WHOLE_TYPO and any(
            edit_distance_at_most_one(typed, n) for n in names
        )
        return whole or _each_word(typed, names, word_matches)

    return tuple(value for value, names in forms.items() if near(names))


# A whole value typed shorter than this is not taken as a typo for another: "ilc" is too short
# to mean "ilçe" rather than something else.
MIN_WHOLE_TYPO = 4


def _vocab(name: str, title: str, *terms: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, title, tuple(Term(*t) for t in terms))


MUNICIPALITY_KINDS = _vocab(
    "municipality-kind",
    "Kind of municipality",
    ("metropolitan", "Büyükşehir", "Metropolitan"),
    ("provincial", "İl", "Provincial"),
    ("district", "İlçe", "District"),
    ("town", "Belde", "Town"),
)

# Progress stages first, in the order a transfer moves through them; then the closing states
# (paused, dropped), which may follow any of them (see `spo.rules.stages`).
STAGES = _vocab(
    "stage",
    "Transfer stage",
    ("inquiry", "Görüşme", "Inquiry"),
    ("study-visit", "Yerinde inceleme", "Study visit"),
    ("presentation", "Sunum", "Presentation"),
    ("planning-support", "Planlama desteği", "Planning support"),
    ("implementation-support", "Uygulama desteği", "Implementation support"),
    ("launched", "Hayata geçirildi", "Launched"),
    ("paused", "Askıda", "Paused"),
    ("dropped", "Vazgeçildi", "Dropped"),
)

ENGAGEMENT_KINDS = _vocab(
    "engagement-kind",
    "Kind of engagement",
    ("study-visit", "Yerinde inceleme ziyareti", "Study visit"),
    ("meeting", "Toplantı", "Meeting"),
    ("training", "Eğitim", "Training"),
)

PROJECT_STATUSES = _vocab(
    "project-status",
    "Project status",
    ("active", "Sürüyor", "Active"),
    ("pilot", "Pilot", "Pilot"),
    ("paused", "Askıda", "Paused"),
    ("ended", "Sona erdi", "Ended"),
    ("unknown", "Bilinmiyor", "Unknown"),
)

# A status other than `unknown` is a fact about a day: the project rests on a dated source.
KNOWN_STATUSES = tuple(v for v in PROJECT_STATUSES.values if v != "unknown")

THEMES = _vocab(
    "theme",
    "Theme",
    ("nutrition", "Beslenme ve gıda", "Nutrition and food"),
    ("health", "Sağlık", "Health"),
    ("education", "Eğitim", "Education"),
    ("employment", "İstihdam ve meslek", "Employment and skills"),
    ("women-empowerment", "Kadının güçlenmesi", "Women's empowerment"),
    ("social-care", "Sosyal bakım", "Social care"),
    ("psychosocial-support", "Psikososyal destek", "Psychosocial support"),
    ("poverty-reduction", "Yoksullukla mücadele", "Poverty reduction"),
    ("social-life", "Sosyal yaşam", "Social life"),
    ("accessibility", "Erişilebilirlik", "Accessibility"),
    ("environment", "Çevre ve iklim", "Environment and climate"),
    ("agriculture", "Tarım ve kırsal kalkınma", "Agriculture and rural development"),
    ("animal-welfare", "Hayvan refahı", "Animal welfare"),
    ("culture-arts", "Kültür ve sanat", "Culture and arts"),
    ("hygiene", "Temizlik ve hijyen", "Cleanliness and hygiene"),
)

TARGET_GROUPS = _vocab(
    "target-group",
    "Target group",
    ("everyone", "Tüm kent halkı", "Everyone"),
    ("children", "Çocuklar", "Children"),
    ("youth", "Gençler", "Young people"),
    ("students", "Öğrenciler", "Students"),
    ("women", "Kadınlar", "Women"),
    ("families", "Aileler", "Families"),
    ("older-people", "Yaşlılar", "Older people"),
    ("retirees", "Emekliler", "Retirees"),
    (
        "people-with-disabilities",
        "Engelli ve özel gereksinimli bireyler",
        "People with disabilities",
    ),
    ("low-income", "Dar gelirli ve dezavantajlı kesimler", "Low-income and disadvantaged people"),
    ("job-seekers", "İş arayanlar", "Job seekers"),
    ("farmers", "Üreticiler ve çiftçiler", "Farmers and producers"),
    ("animals", "Hayvanlar", "Animals"),
)

SERVICE_MODELS = _vocab(
    "service-model",
    "Service model",
    ("home-based", "Ev temelli", "Home-based"),
    ("neighbourhood-based", "Mahalle temelli", "Neighbourhood-based"),
    ("facility-based", "Merkez temelli", "Facility-based"),
    ("city-wide", "Kent geneli", "City-wide"),
)

# The social-partner types of the Ministry of Family and Social Services' cooperation report.
PARTNER_TYPES = _vocab(
    "partner-type",
    "Partner type",
    ("ngo", "Sivil toplum kuruluşu", "NGO"),
    ("university", "Üniversite", "University"),
    ("public-institution", "Kamu kurumu", "Public institution"),
    ("private-sector", "Özel sektör", "Private sector"),
    ("international-organisation", "Uluslararası kuruluş", "International organisation"),
    ("municipality", "Diğer belediye", "Other municipality"),
)

# What a partner does in a project.
PARTNER_ROLES = _vocab(
    "partner-role",
    "Partner role",
    ("implementer", "Uygulayıcı", "Implementer"),
    ("funder", "Finansman sağlayan", "Funder"),
    ("supporter", "Destekçi", "Supporter"),
    ("co-participant", "Ortak programın katılımcısı", "Co-participant in a shared programme"),
)

METRICS = _vocab(
    "metric",
    "Reported metric",
    ("municipalities-hosted", "Ağırlanan belediye", "Municipalities hosted"),
    ("municipalities-in-talks", "Görüşülen belediye", "Municipalities in talks"),
    ("municipalities-supported", "Destek verilen belediye", "Municipalities supported"),
    ("municipalities-transferred-to", "Proje aktarılan belediye", "Municipalities transferred to"),
    ("projects-transferred", "Aktarılan proje", "Projects transferred"),
    ("projects-supported", "Destek verilen proje", "Projects supported"),
    ("visitors", "Ziyaretçi", "Visitors"),
)

QUALIFIERS = _vocab(
    "qualifier",
    "Qualifier of a reported figure",
    ("as-stated", "belirtildiği gibi", "as stated"),
    ("exact", "tam", "exactly"),
    ("approximately", "yaklaşık", "approximately"),
    ("nearly", "yakın", "nearly"),
    ("at-least", "en az", "at least"),
    ("more-than", "fazla", "more than"),
    ("fewer-than", "az", "fewer than"),
)

# What a registry may declare complete for a publisher over a period (a municipality's
# `completeness`), each the records behind some of the published metrics (`spo.model.completeness`).
COMPLETE_RECORDS = _vocab(
    "complete-records",
    "Records declared complete",
    (
        "study-visits",
        "Yerinde inceleme ziyaretleri (ağırlanan her belediye)",
        "Study visits (every municipality hosted)",
    ),
    (
        "transfers",
        "Aktarımlar (her aktarım ve aşamaları)",
        "Transfers (every one, with its stages)",
    ),
    (
        "participants",
        "Katılımcılar (her temas ve katılımcı sayısı)",
        "Participants (every engagement, with its count)",
    ),
)

# The groups of a project's fields that may be given by a later source than the project itself
# (`field_sources`): the report counts them from that source's date.
FIELD_GROUPS = ("themes", "target_groups")

ALL: tuple[Vocabulary, ...] = (
    MUNICIPALITY_KINDS,
    STAGES,
    ENGAGEMENT_KINDS,
    PROJECT_STATUSES,
    THEMES,
    TARGET_GROUPS,
    SERVICE_MODELS,
    PARTNER_TYPES,
    PARTNER_ROLES,
    METRICS,
    QUALIFIERS,
    COMPLETE_RECORDS,
)
