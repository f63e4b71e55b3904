"""Stylesheets and scripts made smaller without a change of meaning (generator/outputs/minify.py)."""

from __future__ import annotations

import pytest

from generator.outputs.minify import minify, minify_css, minify_js


def test_css_loses_comments_and_whitespace_but_keeps_what_means_something() -> None:
    css = """/* The header. */
.a :hover, .b > li + li {
  width: calc(100% - 2rem);   /* a comment */
  content: "  /* not a comment */  ";
  font-family: "Segoe UI", sans-serif;
}

@media (min-width: 48rem) {
  .c::after { content: ' ›' / ""; margin: 0 auto !important; }
}
"""
    assert minify_css(css) == (
        '.a :hover,.b > li + li{width:calc(100% - 2rem);content:"  /* not a comment */  ";'
        'font-family:"Segoe UI",sans-serif}'
        "@media (min-width:48rem){.c::after{content:' ›' / \"\";margin:0 auto !important}}\n"
    )


def test_css_with_an_unfinished_comment_or_string_is_refused() -> None:
    with pytest.raises(ValueError):
        minify_css(".a { color: red; } /* open")
    with pytest.raises(ValueError):
        minify_css('.a { content: "open\n}')


def test_js_loses_comment_lines_and_indentation_only() -> None:
    js = """// The page.
(function () {
  "use strict";

  // Why.
  var a = "// not a comment"; // kept: not a line of its own
  return a
    + 1;
})();
"""
    assert minify_js(js) == (
        '(function () {\n"use strict";\nvar a = "// not a comment"; // kept: not a line of its own\n'
        "return a\n+ 1;\n})();\n"
    )


@pytest.mark.parametrize("js", ["var a = `one\n  two`;\n// x\n", 'var a = "one \\\n  two";\n// x\n'])
def test_js_whose_indentation_may_be_in_a_string_is_kept_whole(js: str) -> None:
    assert minify_js(js) == js


def test_other_files_are_kept_as_they_are() -> None:
    assert minify("logo.svg", b"<svg>  </svg>") == b"<svg>  </svg>"
    assert minify("a.css", b"a {  color: red;  }") == b"a{color:red}\n"
