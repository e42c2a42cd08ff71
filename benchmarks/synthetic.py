"""A synthetic registry of national size, for benchmarks only (never shipped, never in tests).

Its files have the size and shape of the shipped ones in `data/`: a project is ~1.2 KB (names in
Turkish and English, a Turkish and an English summary of a few lines, a status with its source
as a citation, themes, target groups, a service model, tags, notes, two or three cited sources);
a district municipality records engagements and transfers whose stages carry dates and sources.
The registry validates clean (`spo validate`: no problems), so that validate measures the work
on a valid registry, not the wording of thousands of findings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from spo.places.districts import districts_of
from spo.places.geography import CENTRAL_DISTRICT
from spo.places.provinces import all_provinces

STAGES = [
    "inquiry",
    "study-visit",
    "presentation",
    "planning-support",
    "implementation-support",
    "launched",
]
THEMES = ["nutrition", "health", "education", "employment", "women-empowerment", "social-care",
          "psychosocial-support", "poverty-reduction", "social-life", "hygiene"]  # fmt: skip
GROUPS = ["children", "youth", "students", "women", "families", "older-people", "low-income",
          "job-seekers"]  # fmt: skip
MODELS = ["home-based", "neighbourhood-based", "facility-based", "city-wide"]
STATUSES = ["active", "active", "active", "pilot", "ended", "unknown"]
KINDS = [  # name tr, name en, summary tr, summary en (one sentence each)
    ("Mahalle Mutfağı", "Neighbourhood Kitchen",
     "mahallelerde kurulan mutfaklarda dar gelirli ailelere her gün sıcak yemek veriliyor",
     "hot meals are served every day to low-income families in kitchens set up in the "
     "neighbourhoods"),
    ("Kadın Emeği Atölyesi", "Women's Work Workshop",
     "kadınlar için el sanatları ve meslek kursları açılıyor, ürünler kent pazarında satılıyor",
     "crafts and vocational courses are offered to women, and their products are sold at the "
     "city market"),
    ("Yaşlı Destek Hattı", "Elderly Support Line",
     "yalnız yaşayan yaşlılar düzenli aranıyor, evlerinde temizlik ve bakım hizmeti veriliyor",
     "older people living alone are called regularly and get cleaning and care at home"),
    ("Çocuk Oyun Evi", "Children's Play House",
     "çalışan annelerin çocukları için mahallede gündüz bakım ve oyun evi açılıyor",
     "a day-care and play house is opened in the neighbourhood for children of working mothers"),
    ("Öğrenci Kart", "Student Card",
     "üniversite öğrencilerine ulaşım ve yemek desteği veren kart dağıtılıyor",
     "a card giving transport and meal support is handed out to university students"),
    ("Askıda Fatura", "Suspended Bill",
     "hayırseverler ihtiyaç sahibi ailelerin su ve elektrik faturalarını ödüyor",
     "donors pay the water and electricity bills of families in need"),
]  # fmt: skip
PUBLISHERS = ["Yerel Haber", "Kent Gazetesi", "Belediye Bülteni", "Anadolu Gündem"]


def build(root: Path, municipalities: int = 1400, projects: int = 10_000, seed: int = 7) -> Path:
    """Write `municipalities` municipality files and `projects` project files under root/data."""
    rng = random.Random(seed)
    (root / "data/municipalities").mkdir(parents=True, exist_ok=True)
    (root / "data/projects").mkdir(parents=True, exist_ok=True)
    provinces = all_provinces()
    ids = []
    for p in provinces:
        kind = "metropolitan" if p.metropolitan else "provincial"
        mid = f"p{p.plate}"
        ids.append(mid)
        _municipality(root, mid, f"İl {p.plate} Belediyesi", kind, p.plate, None, [], [], rng)
    project_ids = [f"proje-{i}" for i in range(projects)]
    for i, pid in enumerate(project_ids):
        text = _project(pid, i, ids[i % len(ids)], rng)
        (root / f"data/projects/{pid}.yaml").write_text(text, encoding="utf-8")
    for n in range(municipalities - len(ids)):
        p = provinces[n % len(provinces)]
        mid = f"ilce-{n}"
        transfers: list[tuple[str, list[str]]] = []
        for _ in range(rng.randint(0, 4)):
            project = project_ids[rng.randrange(projects)]
            if project.endswith(f"-{n}") or project in [x for x, _ in transfers]:
                continue
            depth = rng.randint(1, len(STAGES))
            transfers.append((project, STAGES[:depth]))
        engagements = [("study-visit", "p33", f"2025-0{rng.randint(1, 9)}-1{t}") for t in range(2)]
        # Real districts, named as they are, so that validate measures a valid registry, not
        # 1,300 findings; a province's centre has a district municipality only in a metropolis.
        districts = [d for d in districts_of(p.plate) if p.metropolitan or d != CENTRAL_DISTRICT]
        district = districts[n // len(provinces) % len(districts)]
        _municipality(
            root, mid, f"{district} Belediyesi", "district", p.plate, district, engagements,
            transfers, rng,
        )  # fmt: skip
    return root


def _source(rng: random.Random, indent: str, day: str, number: int) -> list[str]:
    """A cited source as the shipped files write them: publisher, title, date, archived copy."""
    return [
        f"{indent}publisher: {rng.choice(PUBLISHERS)}",
        f"{indent}title: Sosyal hizmet haberi {number}",
        f'{indent}date: "{day}"',
        f"{indent}archived: {number:03d}_{_digest(rng)}.txt",
    ]


def _digest(rng: random.Random) -> str:
    """A file name's hash part, as the archive names them; never eleven digits in a row, which
    the personal-data check would rightly take for a national ID number."""
    while True:
        digest = f"{rng.getrandbits(64):016x}"
        if not re.search(r"\d{10}", digest):
            return digest


def _project(pid: str, i: int, owner: str, rng: random.Random) -> str:
    name_tr, name_en, what_tr, what_en = KINDS[i % len(KINDS)]
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    themes = rng.sample(THEMES, rng.randint(1, 3))
    groups = rng.sample(GROUPS, rng.randint(1, 2))
    lines = [
        "# yaml-language-server: $schema=../../schemas/project.schema.json",
        f"id: {pid}",
        "name:",
        f"  tr: {name_tr} {i}",
        f"  en: {name_en} {i}",
        f"owner: {owner}",
        "summary:",
        "  tr: >-",
        f"    Uygulama {i}: {what_tr}.",
        "    Kaynaklar hizmetin kaç kişiye ulaştığını söylemiyor.",
        "  en: >-",
        f"    Practice {i}: {what_en}.",
        "    The sources do not say how many people it reaches.",
        f"status: {rng.choice(STATUSES)}",
        f'status_as_of: "{day}"',
        "status_source:",
        f"  title: Sosyal hizmet haberi {i}",
        f'  date: "{day}"',
        f"  archived: 000_{_digest(rng)}.txt",
        "  note: Metin yayıncıyı belirtmiyor.",
        "themes:",
        *[f"  - {t}" for t in themes],
        "target_groups:",
        *[f"  - {g}" for g in groups],
        f"service_model: {rng.choice(MODELS)}",
        "tags:",
        f"  - {name_tr}",
        "notes: >-",
        f"  Durum: {day} tarihli haber hizmetin sürdüğünü anlatıyor.",
        "sources:",
    ]
    for n in range(rng.randint(2, 3)):
        source = _source(rng, "    ", day, n)
        lines += ["  - " + source[0].lstrip(), *source[1:]]
    return "\n".join(lines) + "\n"


def _municipality(
    root: Path,
    mid: str,
    name: str,
    kind: str,
    plate: int,
    district: str | None,
    engagements: list[tuple[str, str, str]],
    transfers: list[tuple[str, list[str]]],
    rng: random.Random,
) -> None:
    lines = [
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json",
        f"id: {mid}",
        f"name: {name}",
        f"kind: {kind}",
        f"province: {plate}",
    ]
    if district:
        lines.append(f"district: {district}")
    if engagements:
        lines.append("engagements:")
        for kind_, host, day in engagements:
            lines += [
                f"  - kind: {kind_}",
                f"    host: {host}",
                f'    date: "{day}"',
                "    participants: 5",
                "    note: >-",
                "      Sosyal Politikalar Ofisi'nin ağırladığı belediyelerden biri; kaynak",
                "      katılımcı sayısını veriyor, görüşülen projeleri adıyla saymıyor.",
                "    source:",
                *_source(rng, "      ", day, 1),
            ]
    if transfers:
        lines.append("transfers:")
        for project, stages in transfers:
            lines += [f"  - project: {project}", "    history:"]
            for s, stage in enumerate(stages):
                day = f"2024-{s + 1:02d}-15"
                lines += [f"      - stage: {stage}", f'        date: "{day}"']
                if s == len(stages) - 1:
                    lines += ["        source:", *_source(rng, "          ", day, 2)]
    lines.append("sources:")
    source = _source(rng, "    ", "2025-03-21", 0)
    lines += ["  - " + source[0].lstrip(), *source[1:]]
    (root / f"data/municipalities/{mid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
