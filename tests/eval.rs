//! `newsnlp eval`: the figures of our evaluation sets' scorer, number for number.
//!
//! `tests/data/eval/` holds a gold file and a prediction file of our own over the test articles
//! (`articles/valdes.txt` and the two Wikinews articles), made so that every kind of error
//! occurs: missed and false mentions, wrong labels, optional spans, a wrong speaker by name and
//! by source span, a missed, a false and an optional quote, documents without entity or quote
//! gold. `score-py-errors.txt` and `score-py.json` are what the scorer printed for them, once:
//!
//! ```sh
//! mkdir /tmp/texts && cp tests/data/wikinews/*.txt tests/data/articles/valdes.txt /tmp/texts
//! ../shared/eval/score.py tests/data/eval/gold.jsonl tests/data/eval/predictions.jsonl \
//!     --text-dir /tmp/texts --errors > tests/data/eval/score-py-errors.txt
//! ../shared/eval/score.py tests/data/eval/gold.jsonl tests/data/eval/predictions.jsonl \
//!     --text-dir /tmp/texts --json > tests/data/eval/score-py.json
//! ```

use crate::cli::newsnlp;

const GOLD: &str = "tests/data/eval/gold.jsonl";
const PREDICTIONS: &str = "tests/data/eval/predictions.jsonl";
const TEXTS: [&str; 2] = ["tests/data/articles/valdes.txt", "tests/data/wikinews"];

fn eval(extra: &[&str]) -> String {
    let mut args = vec!["eval"];
    args.extend(extra);
    args.push(GOLD);
    args.extend(TEXTS);
    let output = newsnlp(&args, None);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The error listing, its counts and every score line are the scorer's; the strict scores by
/// label (which it does not print) come after them.
#[test]
fn the_report_is_the_scorers_line_for_line() {
    let want = std::fs::read_to_string("tests/data/eval/score-py-errors.txt").unwrap();
    let got = eval(&["--errors", "--predictions", PREDICTIONS]);
    assert!(got.starts_with(&want), "newsnlp eval:\n{got}\nscore.py:\n{want}");
    let rest: Vec<&str> = got[want.len()..].lines().collect();
    assert_eq!(rest.len(), 4, "{rest:?}");
    assert!(rest.iter().all(|line| line.starts_with("strict_")), "{rest:?}");
    assert!(rest.contains(&"strict_PLACE               P=0.889 R=0.571 F1=0.696  (tp=8 fp=1 fn=6)"), "{rest:?}");
}

/// `--json` gives the scorer's object, with the same keys in the same order and the same values.
#[test]
fn the_json_is_the_scorers() {
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/eval/score-py.json").unwrap()).unwrap();
    let got: serde_json::Value = serde_json::from_str(&eval(&["--json", "--predictions", PREDICTIONS])).unwrap();
    let want = want.as_object().unwrap();
    let got = got.as_object().unwrap();
    let ours: Vec<(&String, &serde_json::Value)> = got.iter().filter(|(key, _)| !key.starts_with("strict_")).collect();
    assert_eq!(ours, want.iter().collect::<Vec<_>>());
}

/// Without `--predictions`, eval scores what `annotate` writes for the same texts.
#[test]
fn eval_scores_what_annotate_writes() {
    let dir = tempfile::tempdir().unwrap();
    let predictions = dir.path().join("predictions.jsonl");
    let mut args = vec!["annotate"];
    args.extend(TEXTS);
    let output = newsnlp(&args, None);
    std::fs::write(&predictions, output.stdout).unwrap();
    assert_eq!(eval(&["--errors"]), eval(&["--errors", "--predictions", predictions.to_str().unwrap()]));
}

/// A gold line that is not what the format says is refused with its file and line.
#[test]
fn a_malformed_gold_line_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"a\", \"entities\": []}\n\n{\"id\": \"b\", \"entities\": [{\"start\": 1, \"label\": \"ORG\"}]}\n",
    )
    .unwrap();
    let gold = gold.display().to_string();
    let output = newsnlp(&["eval", &gold, "tests/data/articles/valdes.txt"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("newsnlp: {gold}:3: \"end\" must be a whole number of at least 0\n")
    );
}
