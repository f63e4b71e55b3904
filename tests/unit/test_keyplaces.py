"""keyplaces: a record's key positions, kept compactly, answer as the parser's map did."""

from __future__ import annotations

import pickle
import sys

from generator.base.keyplaces import KeyPlaces
from generator.base.yamltext import LineMap, YamlDocument, parse_yaml_mapping

FRONT = """\
titel: Budget {n}
typ: protokollsutdrag
datum: 2024-03-{n:02d}
reservationer:
  - namn: Anna Andersson
    parti: {party}
  - namn: Bo Berg
    text: |
      Jag reserverar mig.
relaterade: [KS-2024/1, KS-2024/2]
"""


def parse(n: int, party: str = "S", first_line: int = 2) -> YamlDocument:
    doc = parse_yaml_mapping(FRONT.format(n=n, party=party), "content/r.md", first_line)
    assert isinstance(doc, YamlDocument)
    return doc


def asked(keys: LineMap) -> list[tuple[str | int, ...]]:
    """Every written path, every prefix of one, and paths not written at all."""
    written = list(keys.positions)
    return written + [(*p, "okänd") for p in written] + [("saknas",), ("reservationer", 7, "namn"), ()]


def test_every_path_is_located_as_the_parser_located_it() -> None:
    keys = parse(11).keys
    places = KeyPlaces.of(keys)
    for path in asked(keys):
        assert places.at(*path) == keys.at(*path), path
    assert places.at("reservationer", 1, "text").line == 9  # line 8 of the front matter, from line 2
    assert places.fallback == keys.fallback


def test_records_written_alike_share_their_paths_and_keep_their_own_places() -> None:
    one, two = KeyPlaces.of(parse(3).keys), KeyPlaces.of(parse(4, party="Moderaterna", first_line=5).keys)
    assert one._index is two._index
    assert one.at("datum").line == 4 and two.at("datum").line == 7
    other = KeyPlaces.of(parse_yaml_mapping("titel: X\n", "r.md").keys)  # type: ignore[union-attr]
    assert other._index is not one._index and other.at("titel").line == 1


def test_read_back_from_a_pickle_it_shares_this_process_index_and_answers_the_same() -> None:
    keys = parse(5).keys
    places = KeyPlaces.of(keys)
    back = pickle.loads(pickle.dumps(places))
    assert back._index is places._index
    assert [back.at(*p) for p in asked(keys)] == [keys.at(*p) for p in asked(keys)]
    assert pickle.dumps(back) == pickle.dumps(KeyPlaces.of(parse(5).keys))  # pickles key the build cache


def test_the_places_take_a_fraction_of_the_parsers_map() -> None:
    keys = parse(6).keys
    places = KeyPlaces.of(keys)
    held = sys.getsizeof(keys.positions) + sum(
        sys.getsizeof(path) + sys.getsizeof(pos) for path, pos in keys.positions.items()
    )
    assert sys.getsizeof(places) + sys.getsizeof(places._places) < held / 4
