"""What the writing core says when it refuses a change, in English and Turkish."""

from __future__ import annotations

from spo.i18n import Catalogue
from spo.vocabulary import Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    "refused": {
        "en": "nothing written to {path}: {reason}",
        "tr": "{path} dosyasına hiçbir şey yazılmadı: {reason}",
    },
    "not-created": {
        "en": "{path} not created: {reason}",
        "tr": "{path} oluşturulmadı: {reason}",
    },
    "exists": {
        "en": "the file already exists; spo never overwrites a record (edit it instead)",
        "tr": "dosya zaten var; spo bir kaydın üzerine asla yazmaz (dosyayı düzenleyin)",
    },
    "unreadable": {
        "en": "the file cannot be read as a record ({problem}); fix it first (spo validate {path})",
        "tr": "dosya bir kayıt olarak okunamıyor ({problem}); önce düzeltin (spo validate {path})",
    },
    "invalid": {
        "en": "the change would make the file invalid:\n{problems}",
        "tr": "bu değişiklik dosyayı geçersiz kılar:\n{problems}",
    },
    "layout": {
        "en": "spo cannot add to this file without rewriting other lines ({detail}); "
        "add the entry by hand",
        "tr": "spo bu dosyaya başka satırları değiştirmeden ekleme yapamıyor ({detail}); "
        "kaydı elle ekleyin",
    },
    "self-transfer": {
        "en": "'{project}' is {municipality}'s own project; a project cannot be transferred to "
        "its owner",
        "tr": "'{project}' zaten {municipality} belediyesinin projesi; bir proje sahibine "
        "aktarılamaz",
    },
    "self-engagement": {
        "en": "a municipality cannot host its own engagement",
        "tr": "bir belediye kendi etkinliğine ev sahipliği yapamaz",
    },
    "duplicate-stage": {
        "en": "stage '{stage}' is already recorded for this transfer ({date})",
        "tr": "'{stage}' aşaması bu aktarım için zaten kayıtlı ({date})",
    },
    "current-stage": {
        "en": "'{stage}' is already this transfer's current stage ({date})",
        "tr": "'{stage}' zaten bu aktarımın güncel aşaması ({date})",
    },
    "before-earlier": {
        "en": "stage '{stage}' dated {date} would come before the earlier stage '{other}' "
        "({other_date})",
        "tr": "{date} tarihli '{stage}' aşaması, daha önceki '{other}' aşamasından ({other_date}) "
        "önce olur",
    },
    "after-later": {
        "en": "stage '{stage}' dated {date} would come after the later stage '{other}' "
        "({other_date})",
        "tr": "{date} tarihli '{stage}' aşaması, daha sonraki '{other}' aşamasından ({other_date}) "
        "sonra olur",
    },
    "future-date": {
        "en": "the date {date} is in the future (today is {today})",
        "tr": "{date} tarihi gelecekte (bugün {today})",
    },
    "duplicate-engagement": {
        "en": "this {kind} with {host} on {date} is already recorded",
        "tr": "{host} ile {date} tarihli bu etkinlik ({kind}) zaten kayıtlı",
    },
    "national-id": {
        "en": "the {field} holds '{value}', which looks like a Turkish national ID number; "
        "personal data must not be in a public registry",
        "tr": "{field} alanında T.C. kimlik numarasına benzeyen '{value}' var; kişisel veri "
        "kamuya açık bir kayıtta yer alamaz",
    },
    "phone": {
        "en": "the {field} holds '{value}', which looks like a phone number; personal data must "
        "not be in a public registry",
        "tr": "{field} alanında telefon numarasına benzeyen '{value}' var; kişisel veri kamuya "
        "açık bir kayıtta yer alamaz",
    },
    "bad-date": {
        "en": "'{date}' is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY, ../YYYY-MM-DD, A/B)",
        "tr": "'{date}' bir tarih değil: YYYY-AA-GG yazın "
        "(ya da YYYY-AA, YYYY, ../YYYY-AA-GG, A/B)",
    },
    "bad-url": {
        "en": "'{value}' is not a web address (it must start with http:// or https://)",
        "tr": "'{value}' bir web adresi değil (http:// ya da https:// ile başlamalı)",
    },
    "bad-choice": {
        "en": "unknown {what} '{value}'{hint}; expected one of: {options}",
        "tr": "bilinmeyen {what} '{value}'{hint}; şunlardan biri olmalı: {options}",
    },
    "did-you-mean": {"en": " (did you mean '{value}'?)", "tr": " ('{value}' mi demek istediniz?)"},
    "blank": {
        "en": "the {what} must not be blank",
        "tr": "{what} boş olamaz",
    },
    "bad-id": {
        "en": "cannot make an id from '{value}' (an id is a lowercase ASCII slug); give one "
        "with --id",
        "tr": "'{value}' adından bir kimlik üretilemiyor (kimlik küçük harfli ASCII olmalı); "
        "--id ile verin",
    },
    "unknown-province": {
        "en": "'{value}' is not one of the 81 provinces{hint} "
        "(give its Turkish name or plate code)",
        "tr": "'{value}' 81 ilden biri değil{hint} (Türkçe adını ya da plaka kodunu verin)",
    },
    "needs-district": {
        "en": "a {kind} municipality needs --district",
        "tr": "{kind} belediyesi için --district gerekli",
    },
    "needs-town": {
        "en": "a town municipality needs --town (the town's name) as well as --district",
        "tr": "belde belediyesi için --district yanında --town (beldenin adı) da gerekli",
    },
    "kind-province": {
        "en": "{province} is {what}, so it has no {kind} municipality",
        "tr": "{province} {what}, bu yüzden {kind} belediyesi olamaz",
    },
    "metropolitan-province": {"en": "a metropolitan province", "tr": "büyükşehir"},
    "ordinary-province": {"en": "not a metropolitan province", "tr": "büyükşehir değil"},
    "locked": {
        "en": "another spo is still writing {path} (waited {seconds} s); try again",
        "tr": "başka bir spo hâlâ {path} dosyasına yazıyor ({seconds} sn beklendi); "
        "yeniden deneyin",
    },
    "write-failed": {
        "en": "cannot write {path}: {error}; the file is unchanged",
        "tr": "{path} yazılamadı: {error}; dosya değişmedi",
    },
    "field-note": {"en": "note", "tr": "not"},
    "field-stage": {"en": "stage", "tr": "aşama"},
    "field-kind": {"en": "kind", "tr": "tür"},
    "field-status": {"en": "status", "tr": "durum"},
    "field-theme": {"en": "theme", "tr": "tema"},
    "field-target-group": {"en": "target group", "tr": "hedef grup"},
    "field-service-model": {"en": "service model", "tr": "hizmet modeli"},
    "field-name": {"en": "name", "tr": "ad"},
    "field-summary": {"en": "summary", "tr": "özet"},
    "field-district": {"en": "district", "tr": "ilçe"},
    "field-town": {"en": "town", "tr": "belde"},
}


say = Catalogue(MESSAGES)
