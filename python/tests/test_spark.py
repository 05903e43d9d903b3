"""The Spark helper on a local Spark (local[2]) over the articles of tests/data."""

import json
import os
import shutil
import sys

import pytest

from conftest import require

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Java is not installed: Spark needs a JVM (Java 17; on Debian, apt-get install openjdk-17-jre-headless)",
        allow_module_level=True,
    )

require("pyspark", reason="pyspark is an optional extra: pip install './python[spark]'")
from pyspark.sql import SparkSession  # noqa: E402

import newsnlp  # noqa: E402
from newsnlp.spark import SCHEMA, annotate  # noqa: E402
from test_cli_and_offsets import ENTITY_OFFSETS, QUOTE_OFFSETS, as_cli_json  # noqa: E402


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    # The workers must run this interpreter, the one with newsnlp installed, and start away from
    # python/, whose sources (without the compiled extension) would shadow the installed package
    # on their path: they start in the JVM's working directory, set here.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    home = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("spark"))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsnlp-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    os.chdir(home)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles_df(spark, articles):
    rows = [(id, text, index) for index, (id, text) in enumerate(articles.items())]
    rows.append(("no-text", None, len(rows)))
    # Two partitions: both local workers annotate.
    return spark.createDataFrame(rows, "id string, text string, n int").repartition(2)


def test_spark_equals_the_cli_on_every_article(articles_df, articles, cli_lines):
    annotated = annotate(articles_df, text_col="text", id_col="id")
    assert annotated.columns == ["id", "text", "n", "newsnlp"]
    assert annotated.schema["newsnlp"].dataType == SCHEMA
    rows = {row.id: row for row in annotated.collect()}
    assert set(rows) == {*articles, "no-text"}
    assert rows["no-text"].newsnlp is None
    for id, text in articles.items():
        assert rows[id].text == text and rows[id].n == list(articles).index(id), "columns pass through"
        result = rows[id].newsnlp.asDict(recursive=True)
        assert result == newsnlp.Annotator().annotate(text).to_dict()
        wire = json.loads(cli_lines[id])
        assert [as_cli_json(m, ENTITY_OFFSETS) for m in result["entities"]] == wire["entities"]
        assert [as_cli_json(q, QUOTE_OFFSETS) for q in result["quotes"]] == wire["quotes"]


def test_spark_with_large_arrow_strings_and_options(spark, articles_df, articles, tmp_path):
    lists = tmp_path / "ours.tsv"
    lists.write_text("PRISON\tKilo 8\tKilo Ocho\n", encoding="utf-8")
    spark.conf.set("spark.sql.execution.arrow.useLargeVarTypes", "true")
    try:
        annotated = annotate(
            articles_df, output_col="ann", gazetteers=[lists], disable_rules=["after-speaker-cue"]
        ).collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.useLargeVarTypes")
    expected = newsnlp.Annotator(gazetteers=[lists], disable_rules=["after-speaker-cue"])
    for row in annotated:
        if row.text is not None:
            assert row.ann.asDict(recursive=True) == expected.annotate(row.text).to_dict(), row.id


def test_spark_refuses_bad_arguments_on_the_driver(articles_df, tmp_path):
    with pytest.raises(ValueError, match="no column 'body' for the text"):
        annotate(articles_df, text_col="body")
    with pytest.raises(TypeError, match="column 'n' is int, not string"):
        annotate(articles_df, text_col="n")
    with pytest.raises(ValueError, match="no column 'doc_id' for the id"):
        annotate(articles_df, id_col="doc_id")
    with pytest.raises(ValueError, match="already has a column 'text'"):
        annotate(articles_df, output_col="text")
    malformed = tmp_path / "bad.tsv"
    malformed.write_text("JAIL\tKilo 8\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:1: unknown label"):
        annotate(articles_df, gazetteers=[malformed])
