"""The README's Python examples run as written and print what the README says."""

import re
import subprocess
import sys

from conftest import REPO, require


def section(title: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, f"README.md has no section '{title}'"
    return match.group(1)


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.S | re.M)


def test_the_first_python_example_prints_what_the_readme_shows():
    python = section("Python")
    (example,) = blocks(python, "python")
    (output,) = blocks(python, "text")
    assert len(example.strip().splitlines()) == 5, "the README promises a five-line example"
    # Run as a reader would: a fresh interpreter in the repository's root.
    run = subprocess.run([sys.executable, "-c", example], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == output


def test_the_spacy_example_gives_what_its_comments_say():
    require("spacy", reason="spaCy is an optional extra: pip install './python[spacy]'")
    example = next(b for b in blocks(section("Python, spaCy and Spark"), "python") if "spacy.blank" in b)
    namespace: dict = {}
    checked = 0
    for line in example.splitlines():
        code, _, expected = line.partition("  # ")
        if expected:
            assert eval(code, namespace) == eval(expected), line
            checked += 1
        else:
            exec(line, namespace)
    assert checked == 2
