"""The spaCy component on `spacy.blank("en")`, which needs no model download."""

import json
import subprocess
import sys

import pytest

from conftest import require

spacy = require("spacy", reason="spaCy is an optional extra: pip install './python[spacy]'")
import newsnlp.spacy  # noqa: E402  registers the factory here; the entry point is tested apart


def byte_to_str_index(text: str, byte: int) -> int:
    return len(text.encode("utf-8")[:byte].decode("utf-8"))


def token_cover(doc, start: int, end: int) -> tuple[int, int]:
    """The tokens that the characters [start, end) touch, found by scanning the tokens (not by
    `char_span`, which the component uses)."""
    touched = [t.i for t in doc if t.idx < end and t.idx + len(t.text) > start]
    return touched[0], touched[-1] + 1


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsnlp")
    return nlp


def facts(doc) -> dict:
    """What the component set on a doc, as plain values."""
    return {
        "ents": [(e.start, e.end, e.label_, e._.entity_name) for e in doc.ents],
        "quotes": [
            (
                q.start,
                q.end,
                q.label_,
                q._.speaker_name,
                None if q._.speaker is None else (q._.speaker.start, q._.speaker.end),
                None if q._.cue is None else q._.cue.text,
            )
            for q in doc.spans["quotes"]
        ],
    }


def test_the_factory_is_found_by_its_entry_point(tmp_path):
    # A fresh interpreter that never imports newsnlp: spaCy must find the factory by itself.
    # (Run elsewhere than python/, whose sources would shadow the installed package.)
    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('newsnlp'); print(nlp('Obama spoke in Paris.').ents)"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, stdout=subprocess.PIPE, text=True, check=True)
    assert run.stdout.strip() == "(Obama, Paris)"


def test_the_component_matches_the_cli_on_every_article(nlp, articles, cli_lines):
    expanded = 0
    for id, text in articles.items():
        doc = nlp(text)
        assert doc.text == text
        wire = json.loads(cli_lines[id])
        expected, taken = [], set()
        for m in wire["entities"]:
            start, end = token_cover(doc, byte_to_str_index(text, m["start"]), byte_to_str_index(text, m["end"]))
            if taken & set(range(start, end)):
                continue  # overlaps an earlier mention once expanded: the first is kept
            taken |= set(range(start, end))
            expected.append((start, end, m["label"], m["name"]))
            expanded += doc[start:end].text != m["text"]
        assert [(e.start, e.end, e.label_, e._.entity_name) for e in doc.ents] == expected, id
        assert len(expected) >= len(wire["entities"]) - 2, "few mentions lost to alignment"
        quotes = []
        for q in wire["quotes"]:
            start, end = token_cover(doc, byte_to_str_index(text, q["start"]), byte_to_str_index(text, q["end"]))
            speaker = None
            if q["speaker_start"] is not None:
                speaker = token_cover(
                    doc, byte_to_str_index(text, q["speaker_start"]), byte_to_str_index(text, q["speaker_end"])
                )
            quotes.append((start, end, "QUOTE", q["speaker"], speaker, q["cue"]))
        assert facts(doc)["quotes"] == quotes, id
    # Most spans fall on spaCy's tokens as they are; the test would say nothing if none moved
    # and nothing good if many did.
    total = sum(len(json.loads(line)["entities"]) for line in cli_lines.values())
    assert expanded <= total // 20, f"{expanded} of {total} mentions expanded"


def test_spans_are_expanded_to_whole_tokens():
    # spaCy splits "Havana-bound" at the hyphen; a tokenizer told to keep it whole shows what
    # happens when a mention ends inside a token: the entity grows to the token.
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("Havana-bound", [{"ORTH": "Havana-bound"}])
    nlp.add_pipe("newsnlp")
    text = "The Havana-bound flight left, Ana Belkis Ferrer García said. “It is late,” she said."
    doc = nlp(text)
    assert [(e.text, e.label_, e._.entity_name) for e in doc.ents] == [
        ("Havana-bound", "PLACE", "Havana"),
        ("Ana Belkis Ferrer García", "PERSON", "Ana Belkis Ferrer García"),
    ]
    (quote,) = doc.spans["quotes"]
    assert (quote.text, quote._.speaker.text, quote._.speaker_name, quote._.cue.text) == (
        "It is late,",
        "she",
        "Ana Belkis Ferrer García",
        "said",
    )


def test_nlp_pipe_and_n_process_give_the_same_docs(nlp, articles):
    texts = list(articles.values()) * 3
    one_by_one = [facts(nlp(text)) for text in texts]
    assert [facts(doc) for doc in nlp.pipe(texts, batch_size=4)] == one_by_one
    assert [facts(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=2)] == one_by_one


def test_existing_entities_are_kept_or_replaced():
    text = "Ana Belkis Ferrer García met reporters in Havana."

    def pipeline(overwrite: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "GPE", "pattern": "Havana"}, {"label": "NORP", "pattern": "reporters"}])
        nlp.add_pipe("newsnlp", config={"overwrite_ents": overwrite})
        return nlp

    kept = pipeline(False)(text)
    assert [(e.text, e.label_) for e in kept.ents] == [
        ("Ana Belkis Ferrer García", "PERSON"),
        ("reporters", "NORP"),
        ("Havana", "GPE"),
    ]
    replaced = pipeline(True)(text)
    assert [(e.text, e.label_) for e in replaced.ents] == [("Ana Belkis Ferrer García", "PERSON"), ("Havana", "PLACE")]


def test_config_and_serialization(tmp_path):
    lists = tmp_path / "ours.tsv"
    lists.write_text("PERSON\tRogelio Valdés Montoya\tEl Rojo\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe(
        "newsnlp",
        config={"gazetteers": [str(lists)], "disable_rules": ["after-speaker-cue"], "quotes_key": "citas"},
    )
    text = "“We will not stop,” El Rojo said."
    doc = nlp(text)
    assert [(e.text, e._.entity_name) for e in doc.ents] == [("El Rojo", "Rogelio Valdés Montoya")]
    (quote,) = doc.spans["citas"]
    assert quote.text == "We will not stop," and quote._.speaker is None and quote._.speaker_name is None
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert facts_with_key(loaded(text), "citas") == facts_with_key(doc, "citas")
    with pytest.raises(ValueError, match="unknown rule"):
        spacy.blank("en").add_pipe("newsnlp", config={"disable_rules": ["nope"]})


def facts_with_key(doc, key: str):
    return [(e.text, e._.entity_name) for e in doc.ents], [(q.text, q._.speaker_name) for q in doc.spans[key]]
