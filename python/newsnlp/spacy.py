"""The spaCy component: ``nlp.add_pipe("newsnlp")``.

It needs the ``spacy`` extra (``pip install "./python[spacy]"``); spaCy finds it by its entry
point, so no import of this module is needed. It sets:

- ``doc.ents``: the mentions, labelled ``PERSON``, ``ORG``, ``PLACE`` and ``PRISON``, each with
  ``span._.entity_name`` (the entity's full name, the same for every mention);
- ``doc.spans["quotes"]``: the quotes, labelled ``QUOTE``, each with ``span._.speaker`` (the
  mention naming the speaker, as a ``Span``), ``span._.speaker_name`` (the resolved name) and
  ``span._.cue`` (the reporting verb, as a ``Span``), ``None`` where the text gives none.

newsnlp has its own tokenizer, so its offsets need not fall on spaCy's token boundaries; each span
is expanded to the tokens it touches (``alignment_mode="expand"``). Where two expanded mentions
would overlap, which ``doc.ents`` cannot hold, the first is kept. With ``overwrite_ents=False``
the entities already in ``doc.ents`` (from a trained pipeline before this component) are kept and
only mentions that overlap none of them are added.

The extension values are plain character offsets and strings, so docs made with
``nlp.pipe(texts, n_process=N)`` keep them; ``span._.speaker`` and ``span._.cue`` are computed
from those offsets when read.
"""

from bisect import bisect_left, bisect_right
from itertools import islice
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsnlp._newsnlp import Annotator, Document

__all__ = ["NewsNLP", "make_newsnlp"]


def _aligned(doc: Doc, offsets: Optional[Tuple[int, int]]) -> Optional[Span]:
    if offsets is None:
        return None
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def _register_extensions() -> None:
    """Registers the span extensions once; spaCy keeps them per process."""
    for name in ("entity_name", "speaker_name", "newsnlp_speaker", "newsnlp_cue"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("speaker"):
        Span.set_extension("speaker", getter=lambda span: _aligned(span.doc, span._.newsnlp_speaker))
    if not Span.has_extension("cue"):
        Span.set_extension("cue", getter=lambda span: _aligned(span.doc, span._.newsnlp_cue))


class NewsNLP:
    """Sets ``doc.ents`` and ``doc.spans[quotes_key]`` from newsnlp's annotations."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsnlp",
        *,
        gazetteers: Iterable[str] = (),
        disable_rules: Iterable[str] = (),
        overwrite_ents: bool = True,
        quotes_key: str = "quotes",
        jobs: Optional[int] = None,
    ) -> None:
        _register_extensions()
        self.name = name
        self.annotator = Annotator(gazetteers=list(gazetteers), disable_rules=list(disable_rules))
        self.overwrite_ents = overwrite_ents
        self.quotes_key = quotes_key
        self.jobs = jobs

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self.annotator.annotate(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotates a batch at a time with ``annotate_many``, on ``jobs`` threads (default:
        every core) without the GIL; ``nlp.pipe`` calls it."""
        stream = iter(stream)
        while docs := list(islice(stream, batch_size)):
            results = self.annotator.annotate_many([doc.text for doc in docs], jobs=self.jobs)
            for doc, result in zip(docs, results):
                yield self._set(doc, result)

    def _set(self, doc: Doc, result: Document) -> Doc:
        # Token boundaries by binary search in the tokens' character offsets: the same spans as
        # doc.char_span(..., alignment_mode="expand") for spans that begin and end on a word
        # (as newsnlp's do), without building a Token object for every token.
        idx = doc.to_array("IDX").tolist()

        def tokens(start: int, end: int) -> Tuple[int, int]:
            first = bisect_right(idx, start) - 1
            return first, max(bisect_left(idx, end, first), first + 1)

        kept: List[Span] = list(doc.ents) if not self.overwrite_ents else []
        taken = [False] * len(doc)
        for span in kept:
            taken[span.start : span.end] = [True] * len(span)
        for mention in result.entities:
            start, end = tokens(mention.start, mention.end)
            if True in taken[start:end]:
                continue
            taken[start:end] = [True] * (end - start)
            span = Span(doc, start, end, label=mention.label)
            span._.entity_name = mention.name
            kept.append(span)
        if not self.overwrite_ents:
            kept.sort(key=lambda span: span.start)
        doc.ents = kept
        quotes = []
        for quote in result.quotes:
            span = Span(doc, *tokens(quote.start, quote.end), label="QUOTE")
            span._.speaker_name = quote.speaker
            if quote.speaker_start is not None:
                span._.newsnlp_speaker = (quote.speaker_start, quote.speaker_end)
            if quote.cue_start is not None:
                span._.newsnlp_cue = (quote.cue_start, quote.cue_end)
            quotes.append(span)
        doc.spans[self.quotes_key] = quotes
        return doc

    def __reduce__(self) -> Tuple[Callable[..., "NewsNLP"], Tuple[str, Dict[str, Any]]]:
        # Pickled as its settings, for processes that spaCy starts rather than forks.
        settings = dict(
            gazetteers=[str(path) for path in self.annotator.gazetteers],
            disable_rules=self.annotator.disable_rules,
            overwrite_ents=self.overwrite_ents,
            quotes_key=self.quotes_key,
            jobs=self.jobs,
        )
        return (_rebuild, (self.name, settings))


def _rebuild(name: str, settings: Dict[str, Any]) -> "NewsNLP":
    return NewsNLP(None, name, **settings)  # type: ignore[arg-type]  # the nlp object is not used


@Language.factory(
    "newsnlp",
    default_config={
        "gazetteers": [],
        "disable_rules": [],
        "overwrite_ents": True,
        "quotes_key": "quotes",
        "jobs": None,
    },
    assigns=[
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
        "doc.spans",
        "span._.entity_name",
        "span._.speaker",
        "span._.speaker_name",
        "span._.cue",
    ],
)
def make_newsnlp(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    disable_rules: List[str],
    overwrite_ents: bool,
    quotes_key: str,
    jobs: Optional[int],
) -> NewsNLP:
    """The factory behind ``nlp.add_pipe("newsnlp", config={...})``: user gazetteer files, rules
    to switch off, whether to replace existing ``doc.ents``, the ``doc.spans`` key of the quotes,
    and the threads for ``nlp.pipe`` (``None``: every core)."""
    return NewsNLP(
        nlp,
        name,
        gazetteers=gazetteers,
        disable_rules=disable_rules,
        overwrite_ents=overwrite_ents,
        quotes_key=quotes_key,
        jobs=jobs,
    )
