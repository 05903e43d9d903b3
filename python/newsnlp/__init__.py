"""People, organizations, places, prisons and attributed quotes in English news.

A thin layer over the newsnlp Rust library::

    import newsnlp
    annotator = newsnlp.Annotator()
    doc = annotator.annotate("“We demand justice,” said Ana Belkis Ferrer García.")
    doc.quotes[0].speaker  # 'Ana Belkis Ferrer García'

Offsets are ``str`` indices, so ``text[m.start:m.end] == m.text``; ``start_byte`` and
``end_byte`` keep the UTF-8 offsets of the JSON. ``newsnlp.spacy`` holds the spaCy component
(``nlp.add_pipe("newsnlp")``) and ``newsnlp.spark`` the Spark helper; each needs its extra.
"""

from newsnlp._newsnlp import Annotator, Document, Mention, Quote, __version__

__all__ = ["Annotator", "Document", "Mention", "Quote", "__version__"]
