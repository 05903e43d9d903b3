#!/usr/bin/env bash
# Regenerates every generated file in gazetteers/ from ../shared/data and gazetteers/curated.
# Run from the repository root: gazetteers/tools/build_all.sh
# Needs Python 3.11 (standard library only) and the SCOWL word list of Debian's wamerican package
# (apt-get install -y wamerican) for english_words.tsv. Every script writes the same bytes on every
# run, so `git diff gazetteers/` after a run shows exactly what changed upstream.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1
tools=gazetteers/tools
# Order matters: places.py and names.py read english_words.tsv; politics.py reads organizations.tsv.
python3 "$tools/english_words.py"
python3 "$tools/places.py"
python3 "$tools/countries.py"
python3 "$tools/names.py"
python3 "$tools/titles.py"
python3 "$tools/demonyms.py"
python3 "$tools/cues.py"
python3 "$tools/organizations.py"
python3 "$tools/politics.py"
python3 "$tools/people.py"
python3 "$tools/prisons.py"
