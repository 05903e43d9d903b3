#!/usr/bin/env bash
# What each rule is worth: for every rule, the F1 with it minus the F1 with it switched off
# (`newsnlp annotate --disable-rule NAME`), on one or more evaluation sets.
#
# Usage (from the repository root, with ../shared beside it):
#   scripts/ablate.sh SET[:GOLD]...   e.g. scripts/ablate.sh seed domain-dev conll-dev:gold-prose.jsonl
# SET is the name of a set in ../shared/eval (or EVAL_DIR) or a folder with texts/*.txt and a gold
# file (gold.jsonl unless :GOLD names another). For each set the table has a column for each score
# its gold has: entities (lenient F1), quote spans (F1) and quote attribution (F1), in thousandths
# of F1: +12 means the rule adds 0.012, · means no change. The last line gives each column's F1
# with every rule on. Set BIN to a built CLI to skip the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: scripts/ablate.sh SET..." >&2; exit 2; }
eval_dir=${EVAL_DIR:-../shared/eval}
bin=${BIN:-target/release/newsnlp}
[ -n "${BIN:-}" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" rules | awk '{print $1}' > "$work/rules"
for arg in "$@"; do
  set_name=${arg%%:*}
  gold_name=gold.jsonl
  [ "$arg" = "$set_name" ] || gold_name=${arg#*:}
  dir=$set_name
  [ -d "$dir" ] || dir=$eval_dir/$set_name
  gold=$dir/$gold_name
  [ -f "$gold" ] || { echo "ablate.sh: no $(basename "$gold") in $dir" >&2; exit 2; }
  out=$work/$(basename "$set_name")
  mkdir -p "$out"
  score() {
    "$bin" annotate "$@" "$dir/texts" > "$out/pred.jsonl"
    python3 "$eval_dir/score.py" "$gold" "$out/pred.jsonl" --text-dir "$dir/texts" --json
  }
  score > "$out/all.json"
  while read -r rule; do
    score --disable-rule "$rule" > "$out/$rule.json"
  done < "$work/rules"
done

python3 - "$work" "$@" <<'PY'
import json, os, sys
work, sets = sys.argv[1], [os.path.basename(s.split(":")[0]) for s in sys.argv[2:]]
rules = open(os.path.join(work, "rules")).read().split()
def load(set_name, name):
    return json.load(open(os.path.join(work, set_name, name + ".json")))
# A column per set and score that the set's gold has.
columns = []
for s in sets:
    all_on = load(s, "all")
    for key, title in (("entities_lenient", "entities"), ("quote_spans", "spans"), ("quote_attribution", "attribution")):
        score = all_on.get(key)
        if score and score["tp"] + score["fn"] > 0:
            columns.append((s, key, f"{s} {title}"))
print("| rule | " + " | ".join(title for _, _, title in columns) + " |")
print("| --- |" + " ---: |" * len(columns))
for rule in rules:
    cells = []
    for s, key, _ in columns:
        delta = load(s, "all")[key]["f1"] - load(s, rule)[key]["f1"]
        cells.append("·" if round(delta * 1000) == 0 else f"{delta * 1000:+.0f}")
    print(f"| `{rule}` | " + " | ".join(cells) + " |")
print("| all rules on (F1) | " + " | ".join(f"{load(s, 'all')[key]['f1']:.3f}" for s, key, _ in columns) + " |")
PY
