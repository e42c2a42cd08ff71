"""Every word spo says, in Turkish and English, from the catalogue in `spo/cli/text/`.

The catalogue is a set of TOML files that reviewers can read side by side: `glossary.toml` (one
term per domain concept), `messages.toml` (what the core's codes say), `cli.toml` (headings,
prompts, views, the report), `help.toml` (every command's and option's help), `web.toml` (the
pages of `spo serve`). Each entry is a table with a `tr` and an `en` text; entries nest by area,
and a key is the dotted path to its table (`lookup.unknown-id`).

Templates use Python's `{name}` fields, with a few formats of spo's own:

    {kind:glossary}      the glossary term named by the value ("project" -> "proje")
    {stage:label/stage}  the label of a vocabulary value ("inquiry" -> "Görüşme")
    {kind:lower/...}     the same in lower case, for the middle of a sentence
    {vocab:choices}      every value of the vocabulary named, with its label
    {choices[theme]}     the same for a vocabulary named in the template (help), no parameter
    {value:choice/stage} a value with its label, "Sunum (presentation)"; the vocabulary may be
                         a field itself ({value:choice/{vocabulary}}); a list gives each
    {suggestion:hint}    " (did you mean 'x'?)", or nothing when the value is None
    {number:ablative}    a number with its Turkish ablative suffix ("40'tan")
    {number:dative}      a number with its Turkish dative suffix ("40'a", "6'ya")
    {problems:problems}  a list of problems, one indented line each
    {field:field}        a key of a record ("'status'"), or "the value" when None
    {keys:keys}          keys of a record, listed ("'status_as_of' and 'status_source'")
    {given:given}        a value a reviewer wrote: text in quotes, other kinds described
    {type:jsontype}      a JSON type in words ("string" -> "metin")
    {source:opt/diff.source} the entry named, given the value; nothing when it is None

A parameter that is itself a `Message` is worded too, in the same language. No parameter is
shown with personal data in it (a national ID, a phone number, a personal e-mail address, an
IBAN: the personal-data check's own rule): that part of it reads "<personal data hidden>", so a
value that some other check quotes cannot carry it into a CI log or a pull request.

Imports inside the functions: the personal-data patterns (~30 ms) only when a message carries
text that may hold some (`may_have_sightings`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import string
import sys
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

from spo.api import (
    ALL,
    FileValue,
    Message,
    Problem,
    Vocabulary,
    cache_root,
    format_json_path,
    may_have_sightings,
    tr_lower,
)
from spo.cli.citing import file_value
from spo.cli.language import LANGS, Lang

Entry = Mapping[str, Any]
CATALOGUE_FILES = ("glossary", "messages", "cli", "help", "web")
VOCABULARIES: dict[str, Vocabulary] = {v.name: v for v in ALL}


class MissingWords(KeyError):
    """A key the catalogue does not have: a bug, caught by the catalogue tests."""


def _flatten(table: Mapping[str, Any], prefix: str, into: dict[str, Entry], origin: str) -> None:
    for key, value in table.items():
        if not isinstance(value, dict):
            continue
        name = f"{prefix}{key}"
        if any(lang in value for lang in LANGS):
            if name in into:
                raise ValueError(f"{origin}: '{name}' is defined twice")
            into[name] = value
        _flatten({k: v for k, v in value.items() if k not in LANGS}, f"{name}.", into, origin)


@cache
def _texts() -> dict[str, str]:
    folder = files("spo.cli").joinpath("text")
    return {n: folder.joinpath(f"{n}.toml").read_text(encoding="utf-8") for n in CATALOGUE_FILES}


@cache
def catalogue_digest() -> str:
    """A name for this exact catalogue as this module reads it (and Python, whose `marshal`
    format the parsed copy uses)."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(__file__).read_bytes())
    for name, text in _texts().items():
        digest.update(f"\0{name}\0{text}".encode())
    return digest.hexdigest()[:32]


@cache
def catalogue() -> dict[str, Entry]:
    """All entries by dotted key, read once per process.

    Parsing the TOML files costs more than a short command's own work, so the entries are kept
    in the user's cache folder as `marshal` data, named by a hash of the files' text (and of
    Python's version, whose format it is): a changed catalogue is parsed again, and a cache that
    cannot be read or written is passed over."""
    texts = _texts()
    path = cache_root() / "catalogue" / f"{catalogue_digest()}.marshal"
    try:
        kept = marshal.loads(path.read_bytes())
        if _whole(kept):
            return cast(dict[str, Entry], kept)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    entries: dict[str, Entry] = {}
    for name, text in texts.items():
        _flatten(tomllib.loads(text), "", entries, f"{name}.toml")
    _keep(path, entries)
    return entries


def _whole(kept: object) -> bool:
    """Whether a parsed copy read back is a catalogue (not a damaged or foreign file that
    `marshal` happened to read): entries of words, the error boundary's own among them."""
    return (
        isinstance(kept, dict)
        and isinstance(kept.get("cli.error"), dict)
        and all(isinstance(value, dict) for value in kept.values())
    )


def _keep(path: Path, entries: dict[str, Entry]) -> None:
    """Write the parsed catalogue atomically (two processes may write it at once)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(entries))
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass


def entry(key: str) -> Entry:
    try:
        return catalogue()[key]
    except KeyError:
        raise MissingWords(key) from None


def template(key: str, lang: Lang) -> str:
    found = entry(key).get(lang)
    if not isinstance(found, str):
        raise MissingWords(f"{key} [{lang}]")
    return found


def say(key: str, lang: Lang, /, **params: Any) -> str:
    """The catalogue's text for `key` in `lang`, with its fields filled in."""
    return _Formatter(lang).format(template(key, lang), **params)


def render(message: Message, lang: Lang) -> str:
    return say(message.key, lang, **message.fields)


def term(key: str, lang: Lang) -> str:
    """A glossary term: one word for each domain concept, used in every view and message."""
    return say(f"glossary.{key}", lang)


def label(vocabulary: Vocabulary | str, value: str, lang: Lang) -> str:
    """A vocabulary value's label; a value the vocabulary lacks is shown as it is."""
    vocab = VOCABULARIES[vocabulary] if isinstance(vocabulary, str) else vocabulary
    for t in vocab.terms:
        if t.value == value:
            return t.tr if lang == "tr" else t.en
    return value


def labels(vocabulary: Vocabulary | str, values: Iterable[str], lang: Lang) -> str:
    return ", ".join(label(vocabulary, v, lang) for v in values)


def choice(vocabulary: Vocabulary | str, value: str, lang: Lang) -> str:
    """A value as the user may type it: its label and its id, "Görüşme (inquiry)"; a value the
    vocabulary lacks (a mistake in a file) as it was written, in quotes."""
    vocab = VOCABULARIES[vocabulary] if isinstance(vocabulary, str) else vocabulary
    if value not in vocab.values:
        return repr_given(value)
    return f"{label(vocab, value, lang)} ({value})"


def choices(vocabulary: Vocabulary | str, lang: Lang) -> str:
    """Every value with its label: "Görüşme (inquiry), Yerinde inceleme (study-visit), ..."."""
    vocab = VOCABULARIES[vocabulary] if isinstance(vocabulary, str) else vocabulary
    return ", ".join(choice(vocab, t.value, lang) for t in vocab.terms)


# A number's Turkish case suffix follows how its reading ends: its last vowel (back a ı o u, or
# front e i ö ü) and its last sound. 30 "otuz" -> 30'dan, 30'a; 40 "kırk" -> 40'tan, 40'a;
# 6 "altı" -> 6'dan, 6'ya; 1000 "bin" -> 1000'den, 1000'e.
_UNITS = ("sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_VOICELESS = frozenset("çfhkpsşt")  # "fıstıkçı şahap": d becomes t after these


def _last_word(number: int) -> str:
    """The last word of the number read aloud: 16 -> "altı", 40 -> "kırk", 2000 -> "bin"."""
    n = abs(number)
    if n == 0 or n % 10:
        return _UNITS[n % 10]
    if n % 100:
        return _TENS[n // 10 % 10]
    if n % 1000:
        return "yüz"
    if n % 1_000_000:
        return "bin"
    return "milyar" if n % 1_000_000_000 == 0 else "milyon"


def _back_vowel(word: str) -> bool:
    return [c for c in word if c in "aıoueiöü"][-1] in "aıou"


def turkish_ablative(number: int) -> str:
    """The number "from" which: 30'dan, 40'tan, 1000'den ("30'dan fazla")."""
    word = _last_word(number)
    consonant = "t" if word[-1] in _VOICELESS else "d"
    return f"{number}'{consonant}{'a' if _back_vowel(word) else 'e'}n"


def turkish_dative(number: int) -> str:
    """The number "to" which: 30'a, 6'ya, 1000'e ("40'a yakın")."""
    word = _last_word(number)
    buffer = "y" if word[-1] in "aıoueiöü" else ""
    return f"{number}'{buffer}{'a' if _back_vowel(word) else 'e'}"


def lower(text: str, lang: Lang) -> str:
    """Lower case as the language has it: Turkish "I" is "ı", English "I" is "i"."""
    return tr_lower(text) if lang == "tr" else text.lower()


def listed(items: list[str], lang: Lang) -> str:
    """Items in a sentence: "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return say("common.and", lang, first=", ".join(items[:-1]), last=items[-1])


def repr_given(value: Any) -> str:
    """A value the reviewer wrote: text in quotes, numbers as they are."""
    return f"'{value}'" if isinstance(value, str) else str(value)


def without_personal_data(text: str, lang: Lang) -> str:
    """The text with each piece of personal data in it shown as "<personal data hidden>"."""
    if not may_have_sightings(text):  # the quick test: most text holds no number, no address
        return text
    from spo.api import hidden  # lazy: its patterns cost ~30 ms at start-up

    return hidden(text, template("common.personal-data-hidden", lang))


def json_path(problem: Problem, lang: Lang) -> str:
    """A problem's JSON path as shown: a key may hold personal data too."""
    return format_json_path(
        tuple(without_personal_data(p, lang) if isinstance(p, str) else p for p in problem.path)
    )


def problem_line(problem: Problem, lang: Lang) -> str:
    """One problem of a refused write, at its place: a JSON path, a line, or (a problem of the
    whole file, such as its size, which has no line) the message alone."""
    if problem.path:
        where = json_path(problem, lang) + ": "
    elif problem.line:
        where = say("common.line", lang, line=problem.line) + ": "
    else:
        where = ""
    return f"  {where}{render(problem.message, lang)}"


class _Choices:
    """`{choices[stage]}`: a vocabulary's values with their labels, named by the template."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __getitem__(self, vocabulary: str) -> str:
        return choices(vocabulary, self.lang)


class _Formatter(string.Formatter):
    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if key == "choices" and key not in kwargs:
            return _Choices(self.lang)
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        return without_personal_data(self._worded(value, format_spec), self.lang)

    def _worded(self, value: Any, format_spec: str) -> str:
        lang = self.lang
        if isinstance(value, FileValue) and not format_spec.startswith("opt/"):
            return file_value(value)  # a file's own value, as a reviewer reads it
        if format_spec == "glossary":
            return term(str(value), lang)
        if format_spec.startswith("lower/"):  # a label inside a sentence: "a district municipality"
            return lower(label(format_spec.removeprefix("lower/"), str(value), lang), lang)
        if format_spec.startswith("label/"):
            return label(format_spec.removeprefix("label/"), str(value), lang)
        if format_spec == "field":
            return (
                say("common.the-value", lang)
                if value is None
                else say("common.field", lang, name=value)
            )
        if format_spec == "given":
            return render(value, lang) if isinstance(value, Message) else repr_given(value)
        if format_spec == "keys":
            return listed([say("common.key", lang, name=k) for k in value], lang)
        if format_spec == "jsontype":
            return say(f"json-type.{value}", lang)
        if format_spec == "choices":
            return choices(str(value), lang)
        if format_spec.startswith("choice/") and isinstance(value, str):
            return choice(format_spec.removeprefix("choice/"), value, lang)
        if format_spec.startswith("opt/"):
            return "" if value is None else say(format_spec.removeprefix("opt/"), lang, value=value)
        if format_spec == "hint":
            return "" if value is None else say("common.did-you-mean", lang, value=value)
        if format_spec == "ablative":
            return turkish_ablative(int(value)) if lang == "tr" else str(value)
        if format_spec == "dative":
            return turkish_dative(int(value)) if lang == "tr" else str(value)
        if format_spec == "," and lang == "tr" and isinstance(value, int):
            return f"{value:,}".replace(",", ".")  # Turkish groups thousands with dots: 10.000.000
        if format_spec == "problems":
            return "\n".join(problem_line(p, lang) for p in value)
        if isinstance(value, Message):
            return render(value, lang)
        if isinstance(value, tuple | list):
            return ", ".join(self.format_field(v, format_spec) for v in value)
        return str(super().format_field(value, format_spec))
