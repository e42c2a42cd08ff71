"""Schema validation of one record, with findings that say what the reviewer should write."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from spo.rules.dates import DATE_PATTERN
from spo.rules.lookup import closest
from spo.rules.message import Message
from spo.rules.problems import Finding, JsonPath
from spo.rules.schemas import ID_PATTERN, URL_PATTERN, build
from spo.rules.vocabulary import ALL

VOCABULARIES = {vocab.name: vocab for vocab in ALL}

if TYPE_CHECKING:  # jsonschema is imported only by the commands that validate
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local `#/$defs/...` reference replaced by its definition.

    The published schemas keep `$defs` for readers; validating against the inlined copy skips a
    reference lookup per keyword, which was about 40% of validation time on a large registry.
    """
    defs = schema.get("$defs", {})

    def expand(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
                return expand(defs[ref.removeprefix("#/$defs/")])
            return {k: expand(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [expand(v) for v in node]
        return node

    inlined: dict[str, Any] = expand(schema)
    return inlined


def _canonical(value: Any) -> Any:
    """A hashable form of a JSON value under which two values are equal exactly when JSON Schema
    says so: 1 and 1.0 are, true and 1 are not, a mapping's key order does not count."""
    if isinstance(value, bool) or value is None:
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", int(value) if isinstance(value, float) and value.is_integer() else value)
    if isinstance(value, list):
        return ("list", tuple(_canonical(v) for v in value))
    if isinstance(value, dict):
        return ("mapping", frozenset((k, _canonical(v)) for k, v in value.items()))
    return ("text", value)


def _unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """`uniqueItems` in linear time: jsonschema compares every pair of items that cannot be
    hashed, so 4,000 mappings in a list took 19 seconds."""
    # jsonschema only once a record is checked: start-up never loads it (test_startup).
    from jsonschema.exceptions import ValidationError

    if unique and isinstance(instance, list):
        seen = {_canonical(item) for item in instance}
        if len(seen) < len(instance):
            yield ValidationError("has non-unique elements")


@cache
def validator(kind: str) -> Draft202012Validator:
    """One validator per record kind per run: building it is the expensive part."""
    # jsonschema only once a record is checked: start-up never loads it (test_startup).
    from jsonschema import Draft202012Validator, validators

    checker = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"uniqueItems": _unique_items}
    )
    built: Draft202012Validator = checker(_exact_anchors(inline_refs(build(kind))))
    return built


def _exact_anchors(node: Any) -> Any:
    """The schema with each pattern's final `$` read as JSON Schema (ECMA-262) and the Rust
    validator read it, at the very end: Python's `re`, which `jsonschema` uses, also lets `$`
    match before a final line break, so `date: "2025-02-10\\n"` would pass."""
    if isinstance(node, dict):
        out = {k: _exact_anchors(v) for k, v in node.items()}
        pattern = node.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
            out["pattern"] = pattern[:-1] + "\\Z"
        return out
    if isinstance(node, list):
        return [_exact_anchors(v) for v in node]
    return node


@cache
def fast_validator(kind: str) -> Any:
    """jsonschema-rs's validator of a record kind, or None when it cannot be built here.

    It decides whether a record is valid, about a hundred times faster than `jsonschema`; only a
    record it finds invalid goes through `jsonschema`, whose errors the findings are worded from
    (`tests/test_validator_reference.py` keeps the two in agreement).
    """
    try:
        # Optional: the fast validator is used where it is installed.
        import jsonschema_rs

        return jsonschema_rs.validator_for(inline_refs(build(kind)))
    except Exception:  # noqa: BLE001 - no wheel for this machine: jsonschema alone still works
        return None


def is_valid(kind: str, data: dict[str, Any]) -> bool | None:
    """Whether the record has the schema's shape by jsonschema-rs; None when it cannot tell (a
    value JSON has no form for, such as a number as a mapping key)."""
    fast = fast_validator(kind)
    if fast is None:
        return None
    try:
        return bool(fast.is_valid(data))
    except (ValueError, TypeError, OverflowError):
        return None


def described(value: Any) -> str | int | float | Message:
    """A value as a message can show it: text and numbers as they are, anything else by kind."""
    if isinstance(value, bool):
        return Message.of("value.boolean", value=str(value).lower())
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, dict):
        return Message.of("value.mapping")
    if isinstance(value, list):
        return Message.of("value.list")
    return Message.of("value.nothing")


def _vocabulary_of(options: list[str]) -> str | None:
    return next((vocab.name for vocab in ALL if vocab.values == options), None)


# The schema's patterns, by what each asks for (`schema.pattern.<key>`).
_PATTERNS = {ID_PATTERN: "id", DATE_PATTERN: "date", URL_PATTERN: "url", r"\S": "blank"}
_BOUNDS = ("minimum", "maximum")
# Conditions whose reason the catalogue spells out (`schema.required-by.<key>`); any other
# condition reads as the general `schema.required-by`.
_EXPLAINED_CONDITIONS = frozenset({"status"})
# Every `schema.<key>` a finding can carry whose key is computed (the others are literals).
COMPUTED_KEYS = frozenset(
    {f"pattern.{k}" for k in [*_PATTERNS.values(), "other"]}
    | set(_BOUNDS)
    | {"required-by"}
    | {f"required-by.{k}" for k in _EXPLAINED_CONDITIONS}
)


def _finding(path: JsonPath, key: str, at_key: bool = False, /, **params: Any) -> Finding:
    return Finding(path, Message.of(f"schema.{key}", **params), "schema", at_key=at_key)


def _condition(kind: str, error: ValidationError) -> str | None:
    """For a `required` inside a `then`: the property that its `if` tested."""
    where = list(error.absolute_schema_path)
    if where[-2:] != ["then", "required"]:
        return None
    node: Any = validator(kind).schema
    for step in where[:-2]:
        node = node[step]
    tested = list(node.get("if", {}).get("properties", {}))
    return str(tested[0]) if len(tested) == 1 else None


def _required_by(
    path: JsonPath, tested: str, instance: dict[str, Any], then: dict[str, Any]
) -> Finding:
    """One finding at the tested property, naming every key its value makes required: the
    reviewer looks at the line that asked for them, not at the top of the file."""
    missing = [key for key in then.get("required", []) if key not in instance]
    reason = "required-by." + tested if tested in _EXPLAINED_CONDITIONS else "required-by"
    return _finding(
        path + (tested,), reason, field=tested, given=described(instance.get(tested)), keys=missing
    )


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "object": (dict,),
    "array": (list,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def _of_own_type(error: ValidationError) -> list[ValidationError]:
    """The errors of an `anyOf`'s alternatives whose `type` the value has (all of them when
    none has it)."""
    branches = error.validator_value if isinstance(error.validator_value, list) else []
    instance = error.instance

    def fits(branch: Any) -> bool:
        wanted = branch.get("type") if isinstance(branch, dict) else None
        if not isinstance(wanted, str) or wanted not in _JSON_TYPES:
            return True
        if isinstance(instance, bool) and wanted != "boolean":
            return False
        return isinstance(instance, _JSON_TYPES[wanted])

    def branch_of(sub: ValidationError) -> Any:
        index = sub.relative_schema_path[0] if sub.relative_schema_path else None
        return branches[index] if isinstance(index, int) and index < len(branches) else None

    own = [sub for sub in error.context or [] if fits(branch_of(sub))]
    return own or list(error.context or [])


def _findings(kind: str, error: ValidationError) -> list[Finding]:
    path = tuple(error.absolute_path)
    field = path[-1] if path and isinstance(path[-1], str) else None
    keyword = error.validator
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    given = described(error.instance)
    if keyword in ("anyOf", "oneOf") and error.context:
        # Report the alternative that got furthest rather than "not valid under any", among the
        # alternatives of the value's own type: a citation given as a mapping is wrong inside,
        # not "should be text".
        # jsonschema only once a record is checked: start-up never loads it.
        from jsonschema.exceptions import best_match

        return _findings(kind, best_match(_of_own_type(error)))
    if keyword == "additionalProperties":
        allowed = schema.get("properties", {})
        return [
            _finding(path + (key,), "unknown-key", True, key=key, suggestion=closest(key, allowed))
            for key in (error.instance if isinstance(error.instance, dict) else {})
            if key not in allowed
        ]
    if keyword == "required":
        condition = _condition(kind, error)
        if condition is not None and isinstance(error.instance, dict):
            return [_required_by(path, condition, error.instance, schema)]
        missing = error.message.split("'")[1]
        return [_finding(path, "missing-key", key=missing)]
    if keyword == "enum":
        options = [str(o) for o in schema.get("enum", [])]
        vocabulary = _vocabulary_of(options)
        if vocabulary is None:
            return [_finding(path, "not-one-of", field=field, given=given, options=options)]
        instance = error.instance
        named = VOCABULARIES[vocabulary]
        value = named.exact_value_for(instance) if isinstance(instance, str) else None
        if value is not None:
            return [_finding(path, "label-for-value", field=field, given=given, value=value)]
        return [
            _finding(
                path,
                "not-in-vocabulary",
                field=field,
                given=given,
                vocabulary=vocabulary,
                suggestion=closest(str(error.instance), options),
            )
        ]
    if keyword == "type":
        return [
            _finding(path, "wrong-type", field=field, given=given, expected=error.validator_value)
        ]
    if keyword == "pattern":
        pattern = str(error.validator_value)
        if pattern.endswith("\\Z"):  # as `_exact_anchors` wrote it: the schema says `$`
            pattern = pattern[:-2] + "$"
        wanted = _PATTERNS.get(pattern, "other")
        return [_finding(path, f"pattern.{wanted}", field=field, given=given)]
    if keyword in ("minLength", "minItems") and not error.instance:
        return [_finding(path, "empty", field=field)]
    if keyword == "maxLength" and isinstance(error.instance, str):
        # The value itself is not quoted: it is long, and may be anything.
        length = len(error.instance)
        return [_finding(path, "too-long", field=field, length=length, limit=schema["maxLength"])]
    if keyword == "uniqueItems":
        return [_finding(path, "repeated", field=field)]
    if keyword in _BOUNDS:
        return [_finding(path, keyword, field=field, given=given, limit=error.validator_value)]
    return [_finding(path, "other", field=field, keyword=str(keyword))]


def schema_findings(kind: str, data: dict[str, Any], backend: str = "rs") -> list[Finding]:
    """Every schema finding of a record, in `jsonschema`'s order; `backend="python"` skips the
    jsonschema-rs check, for comparing the two."""
    if backend == "rs" and is_valid(kind, data):
        return []
    found: dict[Finding, None] = {}  # in order, each once, in linear time
    for error in validator(kind).iter_errors(data):
        # Each key a `then` requires fails apart, and each names them all: keep the first.
        found.update(dict.fromkeys(_findings(kind, error)))
    return list(found)
