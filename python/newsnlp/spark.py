"""Spark: annotate a DataFrame of articles, for archives that outgrow one machine.

It needs the ``spark`` extra (``pip install "./python[spark]"``: pyspark with pandas and pyarrow)
and the newsnlp wheel on every executor (the README gives the recipe)::

    from newsnlp.spark import annotate
    annotated = annotate(spark.read.parquet("articles.parquet"), text_col="text", id_col="id")
    annotated.select("id", "newsnlp.quotes").write.parquet("quotes.parquet")

The annotations are computed with ``mapInArrow``: each Python worker process builds one
annotator, the first time it is asked (so a user gazetteer is read once per worker, not once per
batch), and annotates Arrow batches of rows with it on one thread, since Spark already runs one
task per core.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from pyspark.sql import types as T

from newsnlp._newsnlp import Annotator

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

__all__ = ["ENTITY", "QUOTE", "SCHEMA", "annotate"]


def _fields(spec: str) -> list[T.StructField]:
    types = {"int": T.IntegerType(), "string": T.StringType()}
    fields = []
    for item in spec.split():
        name, kind = item.split(":")
        fields.append(T.StructField(name, types[kind.rstrip("?")], nullable=kind.endswith("?")))
    return fields


#: One entity mention: ``str`` offsets (Spark's string functions count characters too) and
#: UTF-8 byte offsets, as ``Mention.to_dict()`` gives them.
ENTITY = T.StructType(
    _fields("start:int end:int start_byte:int end_byte:int label:string text:string entity:int name:string rule:string")
)

#: One quote, as ``Quote.to_dict()`` gives it; speaker and cue fields are null when unknown.
QUOTE = T.StructType(
    _fields(
        "start:int end:int start_byte:int end_byte:int text:string speaker:string? "
        "speaker_start:int? speaker_end:int? speaker_start_byte:int? speaker_end_byte:int? speaker_entity:int? "
        "cue:string? cue_start:int? cue_end:int? cue_start_byte:int? cue_end_byte:int? rule:string"
    )
)

#: The column that :func:`annotate` adds; null where the text is null.
SCHEMA = T.StructType(
    [
        T.StructField("entities", T.ArrayType(ENTITY, containsNull=False), nullable=False),
        T.StructField("quotes", T.ArrayType(QUOTE, containsNull=False), nullable=False),
    ]
)


def annotate(
    df: DataFrame,
    text_col: str = "text",
    id_col: str | None = "id",
    *,
    output_col: str = "newsnlp",
    gazetteers: Sequence[str | os.PathLike[str]] = (),
    disable_rules: Sequence[str] = (),
) -> DataFrame:
    """The DataFrame with a struct column ``output_col`` of ``entities`` and ``quotes``
    (:data:`SCHEMA`), null where the text is null; the other columns pass through.

    ``id_col`` names the column that identifies each article; it is only checked to exist, so
    that a misspelt name fails here rather than after the job (pass ``None`` to skip the check).
    ``gazetteers`` must be readable at the same path on every executor (``SparkFiles`` or a
    shared file system); they are read on the driver first, so a malformed list fails here.
    """
    columns = set(df.columns)
    if text_col not in columns:
        raise ValueError(f"no column {text_col!r} for the text; the columns are {df.columns}")
    if not isinstance(df.schema[text_col].dataType, T.StringType):
        raise TypeError(f"column {text_col!r} is {df.schema[text_col].dataType.simpleString()}, not string")
    if id_col is not None and id_col not in columns:
        raise ValueError(f"no column {id_col!r} for the id; the columns are {df.columns}")
    if output_col in columns:
        raise ValueError(f"the DataFrame already has a column {output_col!r}: choose another output_col")
    settings = ([str(path) for path in gazetteers], list(disable_rules))
    Annotator(*settings)  # fail on the driver, not in every task
    schema = T.StructType(df.schema.fields + [T.StructField(output_col, SCHEMA, nullable=True)])

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return _annotate_batches(batches, settings, text_col, output_col)

    return df.mapInArrow(run, schema)


#: The annotators of this process, by settings: one per Python worker, built on first use.
_ANNOTATORS: dict[tuple[tuple[str, ...], tuple[str, ...]], Annotator] = {}


def _annotator(settings: tuple[list[str], list[str]]) -> Annotator:
    key = (tuple(settings[0]), tuple(settings[1]))
    if key not in _ANNOTATORS:
        _ANNOTATORS[key] = Annotator(*settings)
    return _ANNOTATORS[key]


def _annotate_batches(
    batches: Iterable[pa.RecordBatch],
    settings: tuple[list[str], list[str]],
    text_col: str,
    output_col: str,
) -> Iterator[pa.RecordBatch]:
    """Runs in the Python workers: adds the annotations of each Arrow batch as a struct column."""
    import pyarrow as pa

    annotator = _annotator(settings)
    output_type: pa.StructType | None = None
    for batch in batches:
        texts = batch.column(text_col)
        if output_type is None:
            # Strings as Spark sends them (string or large_string, by spark.sql.execution.arrow
            # .useLargeVarTypes), so that the column comes back in the type Spark expects.
            output_type = _arrow_type(SCHEMA, texts.type)
        missing = texts.is_null()
        values = ["" if text is None else text for text in texts.to_pylist()]
        columns = annotator._annotate_columns(values, jobs=1)
        fields = [_lists(columns[field.name], field.type, len(values)) for field in output_type]
        column = pa.StructArray.from_arrays(fields, fields=list(output_type), mask=missing)
        yield batch.append_column(output_col, column)


def _lists(columns: dict[str, Any], list_type: pa.ListType, length: int) -> pa.Array:
    """A list<struct> array from the buffers of ``Annotator._annotate_columns``."""
    import pyarrow as pa

    element = list_type.value_type
    children = []
    for field in element:
        validity, offsets, data = columns["fields"][field.name]
        size = len(data) // 4 if offsets is None else len(offsets) // 4 - 1
        buffers = [None if validity is None else pa.py_buffer(validity)]
        if offsets is not None:
            buffers.append(pa.py_buffer(offsets))
        buffers.append(pa.py_buffer(data))
        kind = pa.int32() if offsets is None else pa.string()
        child = pa.Array.from_buffers(kind, size, buffers, null_count=-1)
        children.append(child if child.type == field.type else child.cast(field.type))
    values = pa.StructArray.from_arrays(children, fields=list(element))
    offsets = pa.Array.from_buffers(pa.int32(), length + 1, [None, pa.py_buffer(columns["offsets"])])
    return pa.ListArray.from_arrays(offsets, values, type=list_type)


def _arrow_type(spark_type: T.DataType, string: pa.DataType) -> pa.DataType:
    import pyarrow as pa

    if isinstance(spark_type, T.StructType):
        return pa.struct(
            [pa.field(f.name, _arrow_type(f.dataType, string), nullable=f.nullable) for f in spark_type.fields]
        )
    if isinstance(spark_type, T.ArrayType):
        element = _arrow_type(spark_type.elementType, string)
        return pa.list_(pa.field("element", element, nullable=spark_type.containsNull))
    if isinstance(spark_type, T.IntegerType):
        return pa.int32()
    if isinstance(spark_type, T.StringType):
        return string
    raise TypeError(f"no Arrow type for {spark_type}")
