# Type stubs of the Rust extension module (python/src/lib.rs): keep them in step with it.
import os
from pathlib import Path
from collections.abc import Iterable, Sequence
from typing import Any, final

__all__ = ["Annotator", "Document", "Mention", "Quote", "__version__"]
__version__: str

@final
class Annotator:
    """Finds the people, organizations, places, prisons and attributed quotes of English news.

    ``gazetteers`` are user lists (``LABEL<TAB>NAME[<TAB>ALIAS]...`` a line) added to the
    embedded ones; a malformed line raises ``ValueError`` naming ``file:line``, a missing file
    ``FileNotFoundError``. ``disable_rules`` switches rules off by name (the ``rule`` values of
    the results); an unknown name raises ``ValueError`` listing the valid ones. Problems that do
    not stop the build are issued as ``UserWarning`` and kept in ``warnings``.
    """

    def __new__(
        cls,
        gazetteers: Sequence[str | os.PathLike[str]] | None = None,
        disable_rules: Sequence[str] | None = None,
    ) -> Annotator: ...
    def annotate(self, text: str) -> Document:
        """Annotates one text, with the GIL released."""
    def annotate_many(self, texts: Iterable[str], jobs: int | None = None) -> list[Document]:
        """Annotates texts on ``jobs`` threads (default: every core) without the GIL.

        The documents come back in input order. All of them are held in memory: for a long
        stream, call it on batches of a few thousand texts.
        """
    def _annotate_columns(self, texts: Iterable[str], jobs: int | None = None) -> dict[str, Any]:
        """For ``newsnlp.spark``: the annotations as Arrow buffers, one per field of its SCHEMA."""
    @property
    def warnings(self) -> list[str]:
        """The warnings from reading the user gazetteers, each naming its file and line."""
    @property
    def gazetteers(self) -> list[Path]:
        """The user gazetteers, as absolute paths."""
    @property
    def disable_rules(self) -> list[str]:
        """The rules switched off."""
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Document:
    """An annotated text: its entity mentions and its quotes."""

    @property
    def text(self) -> str:
        """The text that was annotated."""
    @property
    def entities(self) -> list[Mention]:
        """The entity mentions in text order, never overlapping (the JSON's ``entities``)."""
    @property
    def quotes(self) -> list[Quote]:
        """The quotes in text order."""
    def to_json(self, id: str = "-", path: str | None = None) -> str:
        """The CLI's JSON line for this document (UTF-8 byte offsets), without the line break; with
        ``path``, the ``path`` field the CLI writes for a document read from a file ("-" for
        standard input)."""
    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """``{"entities": [...], "quotes": [...]}``, each item as its ``to_dict()``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Mention:
    """One item of ``Document.entities``: a mention of a person, organization, place or prison.

    ``start``/``end`` are ``str`` indices (``text[m.start:m.end] == m.text``);
    ``start_byte``/``end_byte`` are the UTF-8 offsets of the JSON.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_byte(self) -> int: ...
    @property
    def end_byte(self) -> int: ...
    @property
    def label(self) -> str:
        """``PERSON``, ``ORG``, ``PLACE`` or ``PRISON``."""
    @property
    def text(self) -> str: ...
    @property
    def entity(self) -> int:
        """The entity number within the document, shared by every mention of one referent."""
    @property
    def name(self) -> str:
        """The entity's full name, the same for every mention of it."""
    @property
    def rule(self) -> str:
        """The gazetteer or the name rule that found the mention."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a ``dict``, keyed as in the JSON plus ``start_byte`` and ``end_byte``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Quote:
    """A direct quotation and who said it.

    Offsets are ``str`` indices, with ``*_byte`` twins in UTF-8 bytes; the speaker and cue fields
    are ``None`` when the text gives none.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_byte(self) -> int: ...
    @property
    def end_byte(self) -> int: ...
    @property
    def text(self) -> str:
        """The quoted words, quotation marks excluded."""
    @property
    def speaker(self) -> str | None:
        """The speaker's full name, or the mention's text when it names no entity."""
    @property
    def speaker_start(self) -> int | None:
        """Start of the mention naming the speaker at the quote ("he", "the activist")."""
    @property
    def speaker_end(self) -> int | None: ...
    @property
    def speaker_start_byte(self) -> int | None: ...
    @property
    def speaker_end_byte(self) -> int | None: ...
    @property
    def speaker_entity(self) -> int | None:
        """The speaker's entity number, when the mention resolves to one."""
    @property
    def cue(self) -> str | None:
        """The reporting verb or phrase ("said", "according to")."""
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    @property
    def cue_start_byte(self) -> int | None: ...
    @property
    def cue_end_byte(self) -> int | None: ...
    @property
    def rule(self) -> str:
        """The attribution rule that found the speaker, or ``long-quote`` when none did."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a ``dict``, keyed as in the JSON plus the ``*_byte`` offsets."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
