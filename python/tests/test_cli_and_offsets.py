"""The Python results equal the CLI's JSON on every article of tests/data, and the offsets are
`str` indices whose byte twins are the JSON's."""

import json

import pytest

import newsnlp
from conftest import ARTICLES

# The offset fields of the JSON and the `str` twins that Python gives for them.
ENTITY_OFFSETS = ("start", "end")
QUOTE_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")


def byte_to_str_index(text: str, byte: int) -> int:
    return len(text.encode("utf-8")[:byte].decode("utf-8"))


def as_cli_json(item: dict, offsets: tuple[str, ...]) -> dict:
    """A `to_dict()` item in the JSON's form: byte offsets under the JSON's names."""
    converted = {key: value for key, value in item.items() if not key.endswith("_byte")}
    for key in offsets:
        converted[key] = item[f"{key}_byte"]
    return converted


@pytest.fixture(scope="module")
def annotator() -> newsnlp.Annotator:
    return newsnlp.Annotator()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_python_equals_the_cli_on_every_article(path, annotator, articles, cli_lines):
    text, line = articles[path.stem], cli_lines[path.stem]
    doc = annotator.annotate(text)
    # The writer is the library's: the line is the CLI's, byte for byte.
    assert doc.to_json(path.stem, str(path)) == line
    # The typed objects carry the same values, with str offsets beside the byte offsets.
    expected = json.loads(line)
    assert expected["entities"], "an article with no entity tests nothing"
    found = doc.to_dict()
    assert [as_cli_json(m, ENTITY_OFFSETS) for m in found["entities"]] == expected["entities"]
    assert [as_cli_json(q, QUOTE_OFFSETS) for q in found["quotes"]] == expected["quotes"]
    for mention, wire in zip(doc.entities, expected["entities"]):
        for key in ENTITY_OFFSETS:
            assert getattr(mention, key) == byte_to_str_index(text, wire[key])
    for quote, wire in zip(doc.quotes, expected["quotes"]):
        for key in QUOTE_OFFSETS:
            if wire[key] is None:
                assert getattr(quote, key) is None
            else:
                assert getattr(quote, key) == byte_to_str_index(text, wire[key])


def test_annotate_many_equals_the_cli(annotator, articles, cli_lines):
    ids = list(articles)
    docs = annotator.annotate_many([articles[id] for id in ids], jobs=2)
    paths = {path.stem: str(path) for path in ARTICLES}
    assert [doc.to_json(id, paths[id]) for id, doc in zip(ids, docs)] == [cli_lines[id] for id in ids]


def check_offsets(text: str, doc: newsnlp.Document) -> int:
    """Every span sliced by its `str` offsets and by its byte offsets gives its text; returns how
    many spans were checked."""
    data = text.encode("utf-8")
    checked = 0
    for m in doc.entities:
        assert text[m.start : m.end] == m.text
        assert data[m.start_byte : m.end_byte].decode("utf-8") == m.text
        checked += 1
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        assert data[q.start_byte : q.end_byte].decode("utf-8") == q.text
        checked += 1
        if q.speaker_start is not None:
            speaker = text[q.speaker_start : q.speaker_end]
            assert data[q.speaker_start_byte : q.speaker_end_byte].decode("utf-8") == speaker
            if q.speaker_entity is None:
                assert speaker == q.speaker
            checked += 1
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
            assert data[q.cue_start_byte : q.cue_end_byte].decode("utf-8") == q.cue
            checked += 1
    return checked


def test_offsets_on_accented_names(annotator, articles):
    text = articles["valdes"]
    assert not text.isascii()
    doc = annotator.annotate(text)
    assert check_offsets(text, doc) > 40
    # Names with accents come out whole, and after them str and byte offsets part ways.
    valdes = [m for m in doc.entities if m.text == "Rogelio Ernesto Valdés Montoya"]
    assert valdes and valdes[0].name == "Rogelio Ernesto Valdés Montoya"
    last = doc.entities[-1]
    assert last.end_byte - last.end == len(text[: last.end].encode("utf-8")) - last.end > 10


def test_offsets_past_characters_outside_the_basic_plane(annotator):
    # An emoji is one str index, two UTF-16 units and four UTF-8 bytes.
    prefix = "🇨🇺 Noticias 😀 — "
    text = prefix + "“We demand justice,” said Ana Belkis Ferrer García in Camagüey."
    doc = annotator.annotate(text)
    assert check_offsets(text, doc) == 5
    shifted_by = len(prefix.encode("utf-8")) - len(prefix)
    plain = annotator.annotate(text[len(prefix) :])
    assert [m.text for m in doc.entities] == [m.text for m in plain.entities]
    for m, p in zip(doc.entities, plain.entities):
        assert (m.start, m.start_byte) == (p.start + len(prefix), p.start_byte + len(prefix) + shifted_by)
