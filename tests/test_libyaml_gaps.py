"""What libyaml would read otherwise than YAML 1.2 is refused at its place, with its reason; the
same text written as YAML 1.2 wants it is read; and the quick test that spares most files the
extra pass over libyaml's tokens never hides a problem that pass would find."""

from __future__ import annotations

from pathlib import Path

import pytest

from spo.files.libyaml_gaps import gap_problems, maybe_misread, token_pass
from spo.files.loader import parse
from tests.yaml_suite import cases

TESTS = Path(__file__).resolve().parent


def _refusal(text: str) -> tuple[int, int, str]:
    loaded = parse(Path("x.yaml"), text)
    assert loaded.data is None
    (problem,) = loaded.problems
    assert problem.code == "yaml-syntax"
    return problem.line, problem.column, problem.message.key


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('key: "value"# invalid comment\n', (1, 13)),  # SU5Z
        ("a: 1\nkey: 'value'#no\n", (2, 13)),
        ("block: ># comment\n  scalar\n", (1, 8)),  # X4QW
        ("block: |-#\n  scalar\n", (1, 8)),
    ],
)
def test_a_comment_glued_to_a_value_is_refused(text: str, place: tuple[int, int]) -> None:
    assert _refusal(text) == (*place, "read.syntax.comment-needs-space")


GOOD = [
    'key: "value" # a comment\n',
    "block: > # a comment\n  scalar\n",
    "key: a#b\n",
    "key: 'it''s'\n",
    "key: it's # x\n",
    "url: https://example.org/?q=1#top\n",
    "a: { ? b : c }\n",
    "a: [ ?, x ]\n",
    "a: |\n  x\n",
    "a: |\n  x\n\n",
    "a: >\n\n  \n  text\n",
    "a: >\n  text\n   \n  # not a comment\n",
    "a: |2\n   \n  # text\n",
    "a:\n  b: |\n   \n  # a comment after the empty text\n",
]


@pytest.mark.parametrize("text", GOOD)
def test_what_yaml_1_2_reads_as_libyaml_does_is_read(text: str) -> None:
    assert gap_problems(text) == token_pass(text) == []


def test_every_suite_case_and_file_gets_the_same_problems_with_the_quick_test() -> None:
    texts = [case.yaml for case in cases()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("*.yaml"))]
    texts += GOOD
    found = 0
    for text in texts:
        full = token_pass(text)
        found += bool(full)
        assert gap_problems(text) == full, text
        assert maybe_misread(text) or not full
    assert found >= 2


def test_a_question_mark_glued_to_a_key_in_brackets_is_refused() -> None:
    # 652Z: YAML 1.2 reads the key "?foo", libyaml the key "foo"
    assert _refusal("{ ?foo: bar,\nbar: 42\n}\n") == (1, 3, "read.syntax.flow-question-mark")
    assert _refusal("a: [x, ?y]\n") == (1, 8, "read.syntax.flow-question-mark")


def test_a_block_text_ending_the_file_on_a_line_of_spaces_is_refused() -> None:
    # L24T/01: YAML 1.2 reads "x\n \n", libyaml "x\n "
    assert _refusal("foo: |\n  x\n   ") == (3, 1, "read.syntax.block-end-of-file")
    assert parse(Path("x.yaml"), "foo: |\n  x\n   \n").data == {"foo": "x\n \n"}


def test_a_comment_under_an_empty_line_with_more_spaces_is_refused() -> None:
    # S98Z: YAML 1.2 takes "# comment" for the text's first line and refuses the wider empty
    # line before it; libyaml reads an empty text and drops the line as a comment
    text = "empty block scalar: >\n \n  \n   \n # comment\n"
    assert _refusal(text) == (4, 1, "read.syntax.block-indentation")
    assert _refusal("a: |\n   \n\n  # c\nb: 1\n") == (2, 1, "read.syntax.block-indentation")
