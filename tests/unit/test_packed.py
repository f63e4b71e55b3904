"""packed: a record's long texts are kept compressed, read back whole, and pickle the same every time."""

from __future__ import annotations

import datetime as dt
import pickle
import sys
import threading
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from generator.base import packed
from generator.base.packed import pack, unpack
from generator.build import BuildOptions, build
from generator.load.memo import Memo
from generator.markdown.render import render_markdown
from tests.conftest import SITE_YAML, make_site, record_text, valid_record

PATH = "content/ks/2024-03-11-12.md"
BODY = "## Ärendet\n\nFörslag till beslut om ökad trygghet i Östra hamnen, med åtgärder för året.\n\n" * 30


def test_a_packed_text_reads_back_whole() -> None:
    for text in ("", "ä", BODY, "\u2028 😀 \x00"):
        assert unpack(pack(text)) == text


def test_a_text_packs_to_the_same_bytes_whatever_was_packed_before_it() -> None:
    # One compressor serves every text of a thread (``_Packer``): its history must not reach the bytes,
    # which key the build cache through the records' pickles.
    alone = pack(BODY)
    for before in ("", "ä", BODY[:500], BODY * 3, "x" * 70000):
        pack(before)
        assert pack(BODY) == alone


def test_a_text_packed_in_another_thread_reads_back_and_is_the_same() -> None:
    made: list[bytes] = []
    thread = threading.Thread(target=lambda: made.append(pack(BODY)))
    thread.start()
    thread.join()
    assert made == [pack(BODY)]
    assert unpack(made[0]) == BODY


def test_bytes_that_are_not_a_whole_packed_text_raise() -> None:
    whole = pack(BODY)
    for broken in (
        whole[:-1],
        whole[: len(whole) // 2],
        whole[:4],
        b"",
        b"\x00" * 10,
        whole[:4] + b"\xff" + whole[5:],
    ):
        with pytest.raises((ValueError, zlib.error)):
            unpack(broken)
    assert unpack(whole) == BODY  # nothing of a broken text stays behind


def test_a_record_keeps_its_body_packed_and_smaller(tmp_path: Path) -> None:
    head = ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")
    site = make_site(tmp_path, {PATH: record_text(*head, body=BODY)}, SITE_YAML)
    record = valid_record(site, PATH)
    assert record.body == "\n" + BODY
    assert type(record.packed_body) is bytes
    assert sys.getsizeof(record.packed_body) < sys.getsizeof(BODY) / 4


def test_a_rendered_body_keeps_its_html_and_text_packed() -> None:
    rendered = render_markdown(BODY)
    assert rendered.html.startswith('<h2 id="arendet">Ärendet</h2>')
    assert rendered.text.startswith("Ärendet")
    assert "Östra hamnen" in rendered.text and "<" not in rendered.text
    assert len(rendered.packed) < len((rendered.html + rendered.text).encode("utf-8")) / 6


def test_the_same_text_pickles_to_the_same_bytes() -> None:
    # The records' pickles key the build cache: a text packed twice must not tell two builds apart.
    one, two = render_markdown(BODY), render_markdown("".join(list(BODY)))
    assert pickle.dumps(one) == pickle.dumps(two)
    assert pickle.loads(pickle.dumps(one)).html == one.html


def test_a_build_lets_go_of_the_bodies_it_rendered_and_the_preview_keeps_them(tmp_path: Path) -> None:
    head = ("titel: Budget", "typ: protokollsutdrag", "datum: 2024-03-11", "nämnd: KS", "paragraf: 12")
    site = make_site(tmp_path / "site", {PATH: record_text(*head, body=BODY)}, SITE_YAML)
    options = BuildOptions(site_dir=site, out=tmp_path / "out", build_date=dt.date(2024, 6, 1), search=False)
    built = build(options)
    assert built.ok and built.loaded is not None
    [record] = built.loaded.records
    with pytest.raises(RuntimeError, match="let go"):
        _ = record.body
    page = (tmp_path / "out" / built.loaded.site.entries[0].path / "index.html").read_text("utf-8")
    assert "Östra hamnen" in page  # rendered before it was let go
    previewed = build(replace(options, out=tmp_path / "preview"), memo=Memo())
    assert previewed.loaded is not None and previewed.loaded.records[0].body == "\n" + BODY


def test_a_text_whose_packing_was_stopped_leaves_nothing_behind() -> None:
    # Stopped between the compressor's two calls (here: in flush), the thread's compressor holds the
    # start of that text and would put it into the next text's bytes; it is replaced instead.
    alone = pack(BODY)
    real = packed._packer.compressor

    class Stopped:
        def compress(self, data: bytes) -> bytes:
            return real.compress(data)

        def flush(self, mode: int) -> bytes:
            raise KeyboardInterrupt

    stopped = Stopped()
    packed._packer.compressor = stopped  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            pack("the start of a text that was never finished " * 50)
        after = packed._packer.compressor
    finally:
        if packed._packer.compressor in (stopped, real):  # not replaced: the other tests get a fresh one
            packed._packer.compressor = packed._compressor()
    assert after is not stopped and after is not real
    assert pack(BODY) == alone
    assert unpack(pack(BODY)) == BODY
