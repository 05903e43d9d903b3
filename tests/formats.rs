//! The command line's other inputs and outputs: JSON Lines in, code-point and UTF-16 offsets,
//! CSV and HTML out, directories of directories, the licences.

use crate::cli::{ids, newsnlp, stdout_lines, write};

/// A streaming filter: one output line per input line, in order with any number of jobs; other
/// fields passed through as they were written; a malformed line gets an `"error"` line and a
/// message with its line number, and the run goes on.
#[test]
fn jsonl_in_gives_one_line_per_line_with_fields_passed_through() {
    let input = concat!(
        "{\"id\": \"a\", \"url\": \"http://x/1\", \"meta\": {\"n\": [1, 2.50]}, \"text\": \"\\u201cFree them,\\u201d said Ortega.\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "{\"id\": 7, \"body\": \"no text here\"}\n",
        "\n",
        "{\"text\": \"No id, in Havana.\", \"entities\": \"replaced\"}\r\n",
    );
    let output = newsnlp(&["annotate", "--input", "jsonl"], Some(input.as_bytes()));
    assert_eq!(output.status.code(), Some(2), "a malformed line is a failure");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert!(
        lines[0].starts_with("{\"id\":\"a\",\"url\":\"http://x/1\",\"meta\":{\"n\": [1, 2.50]},\"entities\":["),
        "{}",
        lines[0]
    );
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["quotes"][0]["text"], "Free them,");
    assert!(first.get("text").is_none(), "the text is not written back");
    assert!(lines[1].starts_with("{\"error\":\"line 2: not a JSON object: "), "{}", lines[1]);
    assert_eq!(lines[2], "{\"id\":7,\"body\":\"no text here\",\"error\":\"line 3: no \\\"text\\\" field\"}");
    assert!(lines[3].starts_with("{\"error\":\"line 4: empty line"), "{}", lines[3]);
    let last: serde_json::Value = serde_json::from_str(lines[4]).unwrap();
    assert_eq!(last["entities"][0]["text"], "Havana");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let places: Vec<&str> = stderr.lines().map(|l| l.split(": ").nth(1).unwrap_or_default()).collect();
    assert_eq!(places, ["-:2", "-:3", "-:4"], "{stderr}");
}

#[test]
fn jsonl_keeps_the_order_with_any_number_of_jobs() {
    let mut input = String::new();
    for i in 0..300 {
        let text = "“We will go on,” said the spokesman in Havana. ".repeat(1 + i % 37);
        input.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        input.push('\n');
    }
    let one = newsnlp(&["annotate", "--input", "jsonl", "-j", "1", "-"], Some(input.as_bytes()));
    let four = newsnlp(&["annotate", "--input", "jsonl", "-j", "4"], Some(input.as_bytes()));
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = stdout_lines(&one).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, (0..300).map(|i| format!("doc-{i}")).collect::<Vec<_>>());
}

/// Code points index a Python `str`, UTF-16 units a JavaScript string.
#[test]
fn offsets_in_code_points_and_utf16_units() {
    let text = "Él dijo 🇨🇺: “Havana is ours,” said José Martí in Santiago de Cuba.";
    for unit in ["bytes", "chars", "utf16"] {
        let output = newsnlp(&["annotate", "--offsets", unit, "-"], Some(text.as_bytes()));
        assert_eq!(output.status.code(), Some(0));
        let doc = &stdout_lines(&output)[0];
        let units: Vec<String> = match unit {
            "bytes" => text.bytes().map(|b| (b as char).to_string()).collect(),
            "chars" => text.chars().map(String::from).collect(),
            _ => text.encode_utf16().map(|u| u.to_string()).collect(),
        };
        let slice = |start: &serde_json::Value, end: &serde_json::Value| -> String {
            let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
            match unit {
                "bytes" => text[start..end].to_string(),
                "chars" => units[start..end].concat(),
                _ => {
                    let all: Vec<u16> = text.encode_utf16().collect();
                    String::from_utf16(&all[start..end]).unwrap()
                }
            }
        };
        let items = doc["entities"].as_array().unwrap().iter().chain(doc["quotes"].as_array().unwrap());
        for item in items {
            assert_eq!(slice(&item["start"], &item["end"]), item["text"].as_str().unwrap(), "{unit}: {item}");
        }
        let quote = &doc["quotes"][0];
        assert_eq!(slice(&quote["speaker_start"], &quote["speaker_end"]), "José Martí", "{unit}");
        assert_eq!(slice(&quote["cue_start"], &quote["cue_end"]), "said", "{unit}");
    }
}

/// Read back as CSV (as a spreadsheet would), the rows hold what the JSON holds, commas, quotation
/// marks and line breaks included.
#[test]
fn csv_rows_read_back_as_written() {
    let text = "“We said \"no\", and we meant it,” said Ana Belkis Ferrer García in Havana. “It is “over”, \
                he said, and\n\n“we go on.”";
    let json = stdout_lines(&newsnlp(&["annotate", "-"], Some(text.as_bytes())));
    let output = newsnlp(&["annotate", "--format", "csv", "-"], Some(text.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBFid,quote,speaker,speaker_mention,cue,rule,start,end,"));
    assert!(output.stdout.ends_with(b"\r\n"));
    let mut reader = csv::Reader::from_reader(&output.stdout[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let quotes = json[0]["quotes"].as_array().unwrap();
    assert_eq!(rows.len(), quotes.len());
    assert_eq!(&rows[0][1], quotes[0]["text"].as_str().unwrap());
    assert!(rows[0][1].contains("\"no\","), "{:?}", &rows[0][1]);
    assert!(rows[1][1].contains("“over”,") && rows[1][1].contains('\n'), "{:?}", &rows[1][1]);
    assert_eq!(
        (&rows[0][2], &rows[0][3], &rows[0][4]),
        ("Ana Belkis Ferrer García", "Ana Belkis Ferrer García", "said")
    );
    assert_eq!(&rows[0][6], json[0]["quotes"][0]["start"].to_string());

    let output = newsnlp(&["annotate", "--format", "csv-mentions", "--offsets", "chars", "-"], Some(text.as_bytes()));
    let mut reader = csv::Reader::from_reader(&output.stdout[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "text", "label", "name", "entity", "rule", "start", "end", "path"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json[0]["entities"].as_array().unwrap().len());
    let havana = rows.iter().find(|r| &r[1] == "Havana").unwrap();
    let start: usize = havana[6].parse().unwrap();
    assert_eq!(text.chars().skip(start).take(6).collect::<String>(), "Havana");
}

#[test]
fn recursive_reads_directories_of_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/inner")).unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    write(dir.path(), "top.txt", b"Top.");
    write(&dir.path().join("a"), "x.txt", b"A.");
    write(&dir.path().join("b"), "x.txt", b"B.");
    write(&dir.path().join("b/inner"), "deep.txt", b"Deep.");
    let path = dir.path().display().to_string();
    let flat = newsnlp(&["annotate", &path], None);
    assert_eq!(ids(&flat), ["top"]);
    let deep = newsnlp(&["annotate", "-r", &path], None);
    assert_eq!(deep.status.code(), Some(0));
    // By name at each level: b/inner/ comes before b/x.txt.
    assert_eq!(ids(&deep), ["x", "deep", "x", "top"]);
    let paths: Vec<String> = stdout_lines(&deep).iter().map(|d| d["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        paths,
        [
            format!("{path}/a/x.txt"),
            format!("{path}/b/inner/deep.txt"),
            format!("{path}/b/x.txt"),
            format!("{path}/top.txt")
        ]
    );
}

/// The page is one file that loads nothing: no URL, one element per mention and per quote.
#[test]
fn html_is_one_self_contained_page() {
    let output =
        newsnlp(&["annotate", "--format", "html", "tests/data/articles/valdes.txt", "tests/data/wikinews"], None);
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    for network in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!page.contains(network), "the page would load something: {network}");
    }
    assert_eq!(page.matches("<article ").count(), 3);
    let json = stdout_lines(&newsnlp(&["annotate", "tests/data/articles/valdes.txt", "tests/data/wikinews"], None));
    let mentions: usize = json.iter().map(|d| d["entities"].as_array().unwrap().len()).sum();
    let quotes: usize = json.iter().map(|d| d["quotes"].as_array().unwrap().len()).sum();
    assert_eq!(page.matches(" data-m=\"").count(), mentions);
    assert_eq!(page.matches(" data-q=\"").count(), quotes);
}

#[test]
fn licenses_name_every_source_and_carry_the_licence_texts() {
    let output = newsnlp(&["--licenses"], None);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "MIT License",
        "Contains data from GeoNames (geonames.org), CC BY 4.0",
        "GNU LESSER GENERAL PUBLIC LICENSE",
        "Apache License",
        "Open Government Licence v3.0",
        "BSD 3-Clause License",
        "VerbNet 3.0",
        "SCOWL",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}
