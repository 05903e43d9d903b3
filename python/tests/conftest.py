"""Shared fixtures: the repository's test articles and the CLI's JSON for them.

The CLI is built here, with `cargo build --release` in the repository (a no-op when it is up to
date), so that the Python results are compared with the real command line, not with a copy of
its output. Set NEWSNLP_CLI to a built binary to skip the build.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

try:
    import newsnlp  # noqa: F401
except ModuleNotFoundError as error:
    raise ImportError(
        "newsnlp was found without its compiled extension, most likely the sources in python/ "
        "shadowing the installed package: `pip install ./python`, then run the `pytest` command "
        "(not `python -m pytest` from python/)"
    ) from error

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "tests" / "data").rglob("*.txt"))


def require(module: str, reason: str):
    """Imports an optional extra; skips the test without it, unless NEWSNLP_REQUIRE_EXTRAS is
    set (as `.ci/run` does), where a missing extra is a failure rather than a silent skip."""
    if os.environ.get("NEWSNLP_REQUIRE_EXTRAS"):
        return __import__(module)
    return pytest.importorskip(module, reason=reason)


def read(path: Path) -> str:
    # The CLI reads bytes; these fixtures are valid UTF-8, so the texts are the same.
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def articles() -> dict[str, str]:
    """Every article of tests/data, by the id the CLI gives it (the file name without .txt)."""
    assert ARTICLES, f"no articles under {REPO / 'tests' / 'data'}"
    texts = {path.stem: read(path) for path in ARTICLES}
    assert len(texts) == len(ARTICLES), "two test articles share a file name"
    return texts


@pytest.fixture(scope="session")
def cli() -> Path:
    """The newsnlp binary: NEWSNLP_CLI, or built by cargo from the repository."""
    if os.environ.get("NEWSNLP_CLI"):
        return Path(os.environ["NEWSNLP_CLI"])
    build = subprocess.run(
        ["cargo", "build", "--release", "--bin", "newsnlp", "--message-format=json-render-diagnostics"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        check=True,
        text=True,
    )
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            if message["target"]["name"] == "newsnlp":
                return Path(message["executable"])
    raise AssertionError("cargo built no newsnlp binary")


@pytest.fixture(scope="session")
def cli_lines(cli: Path) -> dict[str, str]:
    """The CLI's JSON line for each article, by id."""
    run = subprocess.run([cli, "annotate", *ARTICLES], stdout=subprocess.PIPE, check=True)
    lines = run.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(ARTICLES)
    return {json.loads(line)["id"]: line for line in lines}
