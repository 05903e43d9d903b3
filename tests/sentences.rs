//! Sentence and paragraph splitting on the hard cases of news text.

use newsnlp::{sentence, token};

fn sentences(text: &str) -> Vec<&str> {
    let tokens = token::tokenize(text);
    let (_, sentences) = sentence::split(text, &tokens);
    sentences.iter().map(|s| &text[s.span]).collect()
}

#[test]
fn sentence_splitting_hard_cases() {
    let cases: &[(&str, &[&str])] = &[
        ("He left. She stayed.", &["He left.", "She stayed."]),
        (
            "Mr. Ortega and Dr. Payá met Sen. Rubio and Gov. Abbott.",
            &["Mr. Ortega and Dr. Payá met Sen. Rubio and Gov. Abbott."],
        ),
        ("Gen. Smith spoke. Lt. Col. Jones did not.", &["Gen. Smith spoke.", "Lt. Col. Jones did not."]),
        ("He lives on St. Mary Street.", &["He lives on St. Mary Street."]),
        ("Martin Luther King Jr. was born in Atlanta.", &["Martin Luther King Jr. was born in Atlanta."]),
        (
            "It was founded by Martin Luther King Jr. The march began.",
            &["It was founded by Martin Luther King Jr.", "The march began."],
        ),
        ("J. K. Rowling wrote it. George W. Bush read it.", &["J. K. Rowling wrote it.", "George W. Bush read it."]),
        ("He came to the U.S. in 2010.", &["He came to the U.S. in 2010."]),
        ("He met U.S. President Joe Biden.", &["He met U.S. President Joe Biden."]),
        ("He came to the U.S. He stayed.", &["He came to the U.S.", "He stayed."]),
        ("On Sept. 10, 2025, he wrote.", &["On Sept. 10, 2025, he wrote."]),
        ("She lives at No. 10 Downing Street.", &["She lives at No. 10 Downing Street."]),
        ("Prices rose 3.5 percent. Wages did not.", &["Prices rose 3.5 percent.", "Wages did not."]),
        (
            "“I am ready to die, without dignity.” He wrote it.",
            &["“I am ready to die, without dignity.”", "He wrote it."],
        ),
        ("“Why?” he asked. “Because,” she said.", &["“Why?” he asked.", "“Because,” she said."]),
        ("It failed! Then what? Nothing…", &["It failed!", "Then what?", "Nothing…"]),
        (
            "Apple Inc. said so. He joined Apple Inc. The company grew.",
            &["Apple Inc. said so.", "He joined Apple Inc.", "The company grew."],
        ),
        ("He said (quietly.) Then left.", &["He said (quietly.)", "Then left."]),
        ("The rate was 2 p.m. in Havana.", &["The rate was 2 p.m. in Havana."]),
    ];
    for &(text, want) in cases {
        assert_eq!(sentences(text), want, "text {text:?}");
    }
}

#[test]
fn paragraphs_are_lines() {
    let text = "Title\n\nFirst paragraph. Two sentences.\r\nSecond one\r\n\r\n  Third  \n";
    let tokens = token::tokenize(text);
    let (paragraphs, sentences) = sentence::split(text, &tokens);
    let texts: Vec<&str> = paragraphs.iter().map(|p| &text[p.span]).collect();
    assert_eq!(texts, ["Title", "First paragraph. Two sentences.", "Second one", "Third"]);
    let of: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(of, [0, 1, 1, 2, 3]);
}

#[test]
fn empty_and_blank_texts_have_no_paragraphs() {
    for text in ["", "\n\n", "  \r\n\t"] {
        let tokens = token::tokenize(text);
        let (paragraphs, sentences) = sentence::split(text, &tokens);
        assert!(paragraphs.is_empty() && sentences.is_empty(), "text {text:?}");
    }
}
