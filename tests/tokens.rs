//! The tokenizer, case by case: classes, clitics, apostrophes and quotation-mark roles.

use newsnlp::token::{Case, QuoteRole, QuoteStyle, TokenKind, tokenize};

/// The non-blank tokens of `text` with a short class name each.
fn classes(text: &str) -> Vec<(String, String)> {
    tokenize(text)
        .into_iter()
        .filter(|t| !t.is_blank())
        .map(|t| {
            let class = match t.kind {
                TokenKind::Word(Case::Capitalized) => "Cap".to_string(),
                TokenKind::Word(Case::Upper) => "UP".to_string(),
                TokenKind::Word(Case::Lower) => "low".to_string(),
                TokenKind::Word(Case::Mixed) => "mIx".to_string(),
                TokenKind::Word(Case::Uncased) => "unc".to_string(),
                TokenKind::Number => "num".to_string(),
                TokenKind::Punct => "punct".to_string(),
                TokenKind::Dash => "dash".to_string(),
                TokenKind::Clitic => "clitic".to_string(),
                TokenKind::Quote(mark) => {
                    let role = match mark.role {
                        QuoteRole::Open => "open",
                        QuoteRole::Close => "close",
                        QuoteRole::Ambiguous => "ambiguous",
                    };
                    format!("quote-{role}")
                }
                other => format!("{other:?}"),
            };
            (text[t.span()].to_string(), class)
        })
        .collect()
}

#[test]
fn token_classes() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Havana UNPACU said iPhone", &[("Havana", "Cap"), ("UNPACU", "UP"), ("said", "low"), ("iPhone", "mIx")]),
        ("10,000 3.5 75th", &[("10,000", "num"), ("3.5", "num"), ("75th", "num")]),
        ("Díaz-Balart — yes", &[("Díaz", "Cap"), ("-", "dash"), ("Balart", "Cap"), ("—", "dash"), ("yes", "low")]),
        ("U.S. A", &[("U.S", "UP"), (".", "punct"), ("A", "Cap")]),
        ("北京 😀", &[("北", "unc"), ("京", "unc"), ("😀", "punct")]),
    ];
    for &(text, want) in cases {
        let want: Vec<(String, String)> = want.iter().map(|&(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(classes(text), want, "text {text:?}");
    }
}

#[test]
fn apostrophes_inside_words_are_not_quotation_marks() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("don’t", &[("don’t", "low")]),
        ("O’Brien", &[("O’Brien", "Cap")]),
        ("O'Brien's", &[("O'Brien", "Cap"), ("'s", "clitic")]),
        ("Ferrer’s case", &[("Ferrer", "Cap"), ("’s", "clitic"), ("case", "low")]),
        ("in the ’90s", &[("in", "low"), ("the", "low"), ("’90s", "num")]),
        ("in '08,", &[("in", "low"), ("'08", "num"), (",", "punct")]),
        ("it’s", &[("it", "low"), ("’s", "clitic")]),
    ];
    for &(text, want) in cases {
        let want: Vec<(String, String)> = want.iter().map(|&(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(classes(text), want, "text {text:?}");
    }
}

#[test]
fn quotation_mark_roles_come_from_neighbours() {
    let cases: &[(&str, &[&str])] = &[
        ("“hero”", &["quote-open", "quote-close"]),
        ("\"hero\"", &["quote-open", "quote-close"]),
        ("said: \"We", &["quote-open"]),
        ("'Cuba Decide'", &["quote-open", "quote-close"]),
        ("dignity.” He", &["quote-close"]),
        ("(“No", &["quote-open"]),
        ("a \" b", &["quote-ambiguous"]),
        ("a\"b", &["quote-ambiguous"]),
        ("« Non »", &["quote-open", "quote-close"]),
        ("„Ja“", &["quote-open", "quote-close"]),
        ("the Ferrers’ home", &["quote-close"]),
    ];
    for &(text, want) in cases {
        let got: Vec<String> =
            classes(text).into_iter().filter(|(_, c)| c.starts_with("quote")).map(|(_, c)| c).collect();
        assert_eq!(got, want, "text {text:?}");
    }
}

#[test]
fn quotation_marks_know_their_family() {
    let marks: Vec<_> = tokenize("\" “ ‘ ' « „").into_iter().filter_map(|t| t.quote()).collect();
    let families: Vec<(QuoteStyle, bool)> = marks.iter().map(|m| (m.style, m.double)).collect();
    assert_eq!(
        families,
        [
            (QuoteStyle::Straight, true),
            (QuoteStyle::Curly, true),
            (QuoteStyle::Curly, false),
            (QuoteStyle::Straight, false),
            (QuoteStyle::Guillemet, true),
            (QuoteStyle::Low, true),
        ]
    );
}

#[test]
fn line_breaks_and_spaces() {
    // A byte-order mark is space where it stands alone (at the start); inside a word UAX #29
    // keeps format characters in the word.
    let text = "\u{FEFF}a\r\nb\n\nc\td\u{2028}e";
    let kinds: Vec<(&str, TokenKind)> = tokenize(text).into_iter().map(|t| (&text[t.span()], t.kind)).collect();
    let breaks: Vec<&str> = kinds.iter().filter(|(_, k)| *k == TokenKind::LineBreak).map(|(s, _)| *s).collect();
    assert_eq!(breaks, ["\r\n", "\n", "\n", "\u{2028}"]);
    let spaces: Vec<&str> = kinds.iter().filter(|(_, k)| *k == TokenKind::Space).map(|(s, _)| *s).collect();
    assert_eq!(spaces, ["\u{FEFF}", "\t"]);
}
