"""The one JSON writer: compact UTF-8, the characters of markup (and of JavaScript line ends) escaped."""

from __future__ import annotations

import json

from generator.base.jsontext import json_file, json_text

HOSTILE = {"titel": '</script><img src=x onerror="alert(1)"> & <!--', "rad": "a\u2028b\u2029c", "å": ["ö"]}


def test_markup_characters_are_escaped_as_go_does() -> None:
    text = json_text(HOSTILE)

    assert not any(c in text for c in "<>&\u2028\u2029")
    assert "\\u003c/script\\u003e" in text and "\\u0026" in text and "a\\u2028b\\u2029c" in text


def test_the_data_are_the_same_for_a_parser() -> None:
    assert json.loads(json_text(HOSTILE)) == HOSTILE


def test_other_text_stays_readable_utf8_in_the_given_key_order() -> None:
    assert json_text({"ö": "Sjöviks kommun", "a": 1}) == '{"ö":"Sjöviks kommun","a":1}'


def test_a_file_ends_with_a_newline() -> None:
    assert json_file({"a": "<"}) == b'{"a":"\\u003c"}\n'
