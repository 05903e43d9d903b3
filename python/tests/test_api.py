"""The library API: building an annotator, the result objects, errors, batches and the GIL."""

import json
import pickle
import threading
import time
import warnings

import pytest

import newsnlp

TEXT = "“We demand justice,” said Ana Belkis Ferrer García in Havana."


@pytest.fixture(scope="module")
def annotator() -> newsnlp.Annotator:
    return newsnlp.Annotator()


def test_annotate_gives_typed_mentions_and_quotes(annotator):
    doc = annotator.annotate(TEXT)
    assert isinstance(doc, newsnlp.Document)
    assert doc.text is TEXT
    person, place = doc.entities
    assert isinstance(person, newsnlp.Mention)
    assert (person.start, person.end, person.label, person.text) == (26, 50, "PERSON", "Ana Belkis Ferrer García")
    assert (person.start_byte, person.end_byte) == (30, 55)
    assert (person.entity, person.name, person.rule) == (0, "Ana Belkis Ferrer García", "gazetteer")
    assert (place.label, place.text, place.entity) == ("PLACE", "Havana", 1)
    (quote,) = doc.quotes
    assert isinstance(quote, newsnlp.Quote)
    assert (quote.start, quote.end, quote.text) == (1, 19, "We demand justice,")
    assert (quote.start_byte, quote.end_byte) == (3, 21)
    assert quote.speaker == "Ana Belkis Ferrer García"
    assert (quote.speaker_start, quote.speaker_end, quote.speaker_entity) == (26, 50, 0)
    assert (quote.speaker_start_byte, quote.speaker_end_byte) == (30, 55)
    assert (quote.cue, quote.cue_start, quote.cue_end, quote.cue_start_byte, quote.cue_end_byte) == (
        "said",
        21,
        25,
        25,
        29,
    )
    assert quote.rule == "after-cue-speaker"


def test_a_quote_without_speaker_has_none_fields(annotator):
    (quote,) = annotator.annotate("Over the door, in red paint: “Closed for the winter.”").quotes
    assert quote.text == "Closed for the winter."
    assert quote.speaker is None and quote.speaker_entity is None and quote.cue is None
    assert quote.speaker_start is None and quote.speaker_end_byte is None and quote.cue_start is None
    assert quote.rule == "long-quote"


def test_results_are_values_with_repr_eq_hash_and_to_dict(annotator):
    one, two = annotator.annotate(TEXT), annotator.annotate(TEXT)
    assert one == two and one is not two
    assert one != annotator.annotate("Ana Belkis Ferrer García.")
    assert one != "not a document"
    assert one.entities == two.entities and one.quotes == two.quotes
    assert len({*one.entities, *two.entities}) == 2, "equal mentions hash alike"
    assert hash(one.quotes[0]) == hash(two.quotes[0])
    assert repr(one.entities[0]) == (
        "Mention(start=26, end=50, label='PERSON', text='Ana Belkis Ferrer García', entity=0, "
        "name='Ana Belkis Ferrer García', rule='gazetteer')"
    )
    assert repr(one.quotes[0]) == (
        "Quote(start=1, end=19, text='We demand justice,', speaker='Ana Belkis Ferrer García', "
        "cue='said', rule='after-cue-speaker')"
    )
    assert repr(one) == "Document(text='“We demand justice,” said Ana Belkis Fer…', entities=2, quotes=1)"
    assert one.entities[1].to_dict() == {
        "start": 54,
        "end": 60,
        "start_byte": 59,
        "end_byte": 65,
        "label": "PLACE",
        "text": "Havana",
        "entity": 1,
        "name": "Havana",
        "rule": "gazetteer",
    }
    as_dict = one.to_dict()
    assert as_dict == {"entities": [m.to_dict() for m in one.entities], "quotes": [q.to_dict() for q in one.quotes]}
    assert set(as_dict["quotes"][0]) == {
        "start", "end", "start_byte", "end_byte", "text", "speaker", "speaker_start", "speaker_end",
        "speaker_start_byte", "speaker_end_byte", "speaker_entity", "cue", "cue_start", "cue_end",
        "cue_start_byte", "cue_end_byte", "rule",
    }  # fmt: skip
    json.dumps(as_dict)  # plain JSON values only


def test_results_are_immutable(annotator):
    mention = annotator.annotate(TEXT).entities[0]
    with pytest.raises(AttributeError):
        mention.start = 0  # type: ignore[misc]


def test_to_json_is_the_cli_line_for_standard_input(annotator, cli):
    import subprocess

    doc = annotator.annotate(TEXT)
    run = subprocess.run([cli, "annotate", "-"], input=TEXT.encode(), stdout=subprocess.PIPE, check=True)
    assert doc.to_json(path="-") + "\n" == run.stdout.decode()
    assert json.loads(doc.to_json("ferrer"))["id"] == "ferrer"
    # Without a path, the line has no path field, as the library's own writer.
    assert "path" not in json.loads(doc.to_json())


def test_annotate_many_keeps_input_order_and_equals_annotate(annotator, articles):
    texts = [*articles.values(), TEXT, "", "No names here."] * 5
    one_by_one = [annotator.annotate(text) for text in texts]
    for jobs in (None, 1, 2, 3, 64):
        assert annotator.annotate_many(texts, jobs=jobs) == one_by_one, f"jobs={jobs}"
    assert annotator.annotate_many(iter(texts), jobs=2) == one_by_one, "any iterable"
    assert annotator.annotate_many(t for t in []) == []


def test_annotate_many_refuses_bad_input(annotator):
    with pytest.raises(TypeError, match="text 1 is int, not str"):
        annotator.annotate_many(["fine", 3])
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        annotator.annotate_many(["fine"], jobs=0)
    with pytest.raises(TypeError):
        annotator.annotate(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        annotator.annotate("a lone surrogate \ud800 has no UTF-8")


def _overlaps_python_work(call) -> bool:
    """Whether the main thread runs Python code in the middle of `call`, made in another thread.

    Holding the GIL for the whole call would allow the main thread to run only at its edges.
    """
    span = {}

    def worker():
        span["start"] = time.monotonic()
        call()
        span["end"] = time.monotonic()

    thread = threading.Thread(target=worker)
    ticks = []
    thread.start()
    while thread.is_alive():
        ticks.append(time.monotonic())
    thread.join()
    start, end = span["start"], span["end"]
    middle = (start + (end - start) / 4, end - (end - start) / 4)
    return any(middle[0] < tick < middle[1] for tick in ticks)


def test_annotate_and_annotate_many_release_the_gil(annotator, articles):
    long_text = "\n\n".join(articles.values()) * 300  # some 6 MB: a fraction of a second
    assert _overlaps_python_work(lambda: annotator.annotate(long_text))
    assert _overlaps_python_work(lambda: annotator.annotate_many([long_text], jobs=1))


def test_user_gazetteers_and_their_errors(tmp_path):
    prisons = tmp_path / "ours.tsv"
    prisons.write_text("# our prisons\nPRISON\tKilo 8\tKilo Ocho\n", encoding="utf-8")
    annotator = newsnlp.Annotator(gazetteers=[prisons])
    (prison, place) = annotator.annotate("He was moved to the Kilo Ocho prison in Camagüey.").entities
    # The name is the user entry's: the embedded lists do not know "Kilo Ocho".
    assert (prison.text, prison.label, prison.name) == ("Kilo Ocho prison", "PRISON", "Kilo 8")
    assert newsnlp.Annotator().annotate("He was moved to the Kilo Ocho prison.").entities[0].name != "Kilo 8"
    assert place.text == "Camagüey"
    assert annotator.gazetteers == [prisons] and annotator.warnings == []

    malformed = tmp_path / "bad.tsv"
    malformed.write_text("PLACE\tHavana\nJAIL\tKilo 8\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2: unknown label"):
        newsnlp.Annotator(gazetteers=[str(malformed)])
    with pytest.raises(FileNotFoundError, match=r"missing\.tsv: no such file"):
        newsnlp.Annotator(gazetteers=[tmp_path / "missing.tsv"])
    with pytest.raises(TypeError):
        newsnlp.Annotator(gazetteers=str(prisons))  # type: ignore[arg-type]  # a str is not a list of paths


def test_gazetteer_warnings_are_kept_and_issued(tmp_path):
    duplicate = tmp_path / "dup.tsv"
    duplicate.write_text("PLACE\tHavana\nPLACE\tHavana\tLa Habana\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        annotator = newsnlp.Annotator(gazetteers=[duplicate])
    (warning,) = annotator.warnings
    assert warning.startswith(f"{duplicate}:2: warning: duplicate entry PLACE \"Havana\"")
    assert [str(w.message) for w in caught] == [warning]
    assert caught[0].category is UserWarning


def test_rules_can_be_switched_off():
    text = "“We will not stop,” Ortega said."
    assert newsnlp.Annotator().annotate(text).quotes[0].rule == "after-speaker-cue"
    without = newsnlp.Annotator(disable_rules=["after-speaker-cue"])
    assert without.disable_rules == ["after-speaker-cue"]
    quote = without.annotate(text).quotes[0]
    assert (quote.speaker, quote.rule) == (None, "long-quote")
    with pytest.raises(ValueError, match="unknown rule 'no-such-rule'; the rules are: gazetteer"):
        newsnlp.Annotator(disable_rules=["no-such-rule"])


def test_an_annotator_pickles_as_its_settings(tmp_path, monkeypatch):
    (tmp_path / "ours.tsv").write_text("PERSON\tRogelio Valdés\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    annotator = newsnlp.Annotator(gazetteers=["ours.tsv"], disable_rules=["title"])
    monkeypatch.chdir("/")
    copy = pickle.loads(pickle.dumps(annotator))
    assert repr(copy) == repr(annotator)
    assert copy.gazetteers == [tmp_path / "ours.tsv"], "relative paths are made absolute"
    text = "Rogelio Valdés spoke."
    assert copy.annotate(text) == annotator.annotate(text)
    assert repr(newsnlp.Annotator()) == "Annotator(gazetteers=[], disable_rules=[])"


@pytest.mark.parametrize(
    "check",
    [
        # stubtest imports the compiled module and checks every name and signature of the .pyi
        # against it, so that the stubs cannot drift from src/lib.rs.
        ["mypy.stubtest", "newsnlp._newsnlp"],
        # The installed package's Python modules type-check against the stubs, spaCy and pyspark.
        ["mypy", "--strict", "--ignore-missing-imports", "-p", "newsnlp"],
    ],
    ids=["stubtest", "strict"],
)
def test_the_types_check(check, tmp_path):
    import subprocess
    import sys

    from conftest import require

    require("mypy", reason="mypy is in the test extra: pip install './python[test]'")
    # Run away from python/, whose sources would shadow the installed package.
    run = subprocess.run([sys.executable, "-m", *check], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_package_is_typed():
    from importlib.resources import files

    package = files("newsnlp")
    assert package.joinpath("py.typed").is_file()
    stubs = package.joinpath("_newsnlp.pyi").read_text(encoding="utf-8")
    for name in ("class Annotator", "class Document", "class Mention", "class Quote", "def annotate_many"):
        assert name in stubs
    assert newsnlp.__version__ == "0.1.0"
