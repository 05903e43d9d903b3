//! `--format html`: one self-contained page for the whole run, to read the annotations.
//!
//! Each document is an `<article>`: its text with every mention and quote marked, a legend, and
//! a table of who is quoted and how often. The page carries its own CSS and JavaScript and
//! loads nothing. What it promises (checked in headless Chromium by `tests/browser.rs`):
//! - the visible text of a document is the article, character for character: the marks are
//!   elements around the words, and the speaker badges are CSS generated content, which is not
//!   part of the text (a screen reader still reads them);
//! - one element per mention (`.m`, `data-m` its number) and per quote (`.q`, `data-q`); where a
//!   mention would cross the edge of a quote, it is split into two elements with the same number;
//! - colours from the Okabe–Ito palette, which colour-blind readers tell apart, and each label
//!   also has its own underline (solid, double, dotted, dashed), so no colour is needed at all;
//! - hovering or focusing a mention shows its entity's full name and its other mentions, and
//!   outlines them; clicking a quote (or Enter or Space on it) outlines its speaker's mention;
//!   every mark can be reached with Tab; the layout fits a phone's width.

use newsnlp::{Annotations, Label};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::fmt::Write;

const STYLE: &str = r#"
:root { --person: #E69F00; --org: #0072B2; --place: #009E73; --prison: #D55E00; --quote: #CC79A7; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; font: 1.05rem/1.7 Georgia, "DejaVu Serif", serif; color: #1a1a1a; background: #fff; }
header h1 { font: 600 1.3rem/1.3 system-ui, sans-serif; margin: 0 0 .5rem; }
nav ol { font-family: system-ui, sans-serif; font-size: .9rem; padding-left: 1.5rem; }
article { border-top: 1px solid #bbb; margin-top: 1.5rem; padding-top: .5rem; }
h2 { font: 600 1.15rem/1.3 system-ui, sans-serif; margin: .5rem 0 .25rem; overflow-wrap: anywhere; }
h3 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 1.25rem 0 .25rem; }
.path { font: .85rem/1.3 ui-monospace, monospace; color: #555; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; padding: 0; margin: .25rem 0 .75rem; font: .85rem/1.6 system-ui, sans-serif; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
.m { padding: 0 .08em; border-radius: .15em; cursor: help; }
.PERSON { background: #fbe3b4; border-bottom: 2px solid var(--person); }
.ORG { background: #d3e6f5; border-bottom: 3px double var(--org); }
.PLACE { background: #cdeee2; border-bottom: 2px dotted var(--place); }
.PRISON { background: #f8d5c8; border-bottom: 2px dashed var(--prison); }
.q { background: #f6e4ee; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: pointer; }
.q::after { content: attr(data-badge); font: 600 .72rem/1 system-ui, sans-serif; color: #fff; background: #5b3a4d; border-radius: .7em; padding: .12em .5em; margin-left: .3em; vertical-align: .15em; white-space: nowrap; }
.q.unknown::after { background: #767676; }
.q.active { background: #ecc7db; outline: 2px solid #8a3d66; }
.ref { border-bottom: 2px solid #8a3d66; }
.same { outline: 2px solid #1a1a1a; }
.speaker { outline: 3px solid #8a3d66; outline-offset: 1px; background: #ffe98f; }
.m:focus-visible, .q:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
#tip { position: absolute; z-index: 10; max-width: min(22rem, 92vw); padding: .5rem .7rem; background: #1a1a1a; color: #fff; border-radius: .3rem; font: .85rem/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
#tip[hidden] { display: none; }
#tip b { font-size: .95rem; }
table { border-collapse: collapse; font: .9rem/1.4 system-ui, sans-serif; max-width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { font: .85rem/1.4 system-ui, sans-serif; color: #555; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 1rem; } }
"#;

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var tip = document.getElementById('tip');
  function clear(cls) {
    document.querySelectorAll('.' + cls).forEach(function (el) { el.classList.remove(cls); });
  }
  function show(mention) {
    var doc = mention.closest('article');
    var same = doc.querySelectorAll('.m[data-e="' + mention.dataset.e + '"]');
    var forms = [];
    var mentions = {};
    same.forEach(function (el) {
      el.classList.add('same');
      mentions[el.dataset.m] = true;
      if (el !== mention && forms.indexOf(el.textContent) < 0) { forms.push(el.textContent); }
    });
    var count = Object.keys(mentions).length;
    tip.textContent = '';
    var name = document.createElement('b');
    name.textContent = mention.dataset.name;
    tip.appendChild(name);
    tip.appendChild(document.createTextNode(' (' + mention.dataset.label + ')'));
    var other = document.createElement('div');
    other.textContent = count === 1 ? 'No other mention.'
      : (count - 1) + (count === 2 ? ' other mention' : ' other mentions') +
        (forms.length ? ': ' + forms.join(', ') : '');
    tip.appendChild(other);
    tip.hidden = false;
    var box = mention.getBoundingClientRect();
    var left = Math.max(4, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + 'px';
    tip.style.top = (box.bottom + window.scrollY + 6) + 'px';
    mention.setAttribute('aria-describedby', 'tip');
  }
  function hide() {
    clear('same');
    tip.hidden = true;
    document.querySelectorAll('[aria-describedby="tip"]').forEach(function (el) { el.removeAttribute('aria-describedby'); });
  }
  function toggle(quote) {
    var on = !quote.classList.contains('active');
    clear('active');
    clear('speaker');
    document.querySelectorAll('.q[aria-pressed="true"]').forEach(function (el) { el.setAttribute('aria-pressed', 'false'); });
    if (!on) { return; }
    quote.classList.add('active');
    quote.setAttribute('aria-pressed', 'true');
    if (!quote.dataset.speaker) { return; }
    var speaker = quote.closest('article').querySelectorAll('[data-span="' + quote.dataset.speaker + '"]');
    speaker.forEach(function (el) { el.classList.add('speaker'); });
    if (speaker.length) { speaker[0].scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }
  document.addEventListener('mouseover', function (event) {
    var mention = event.target.closest && event.target.closest('.m');
    if (mention) { hide(); show(mention); }
  });
  document.addEventListener('mouseout', function (event) {
    if (event.target.closest && event.target.closest('.m')) { hide(); }
  });
  document.addEventListener('focusin', function (event) {
    hide();
    if (event.target.classList && event.target.classList.contains('m')) { show(event.target); }
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('click', function (event) {
    var quote = event.target.closest && event.target.closest('.q');
    if (quote) { toggle(quote); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); clear('active'); clear('speaker'); return; }
    var quote = event.target.classList && event.target.classList.contains('q') ? event.target : null;
    if (quote && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); toggle(quote); }
  });
  var docs = document.querySelectorAll('article');
  if (docs.length > 1) {
    var list = document.createElement('ol');
    docs.forEach(function (doc) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + doc.id;
      link.textContent = doc.querySelector('h2').textContent;
      item.appendChild(link);
      list.appendChild(item);
    });
    document.getElementById('contents').appendChild(list);
  }
})();
"#;

/// The start of the page, up to the first document.
pub fn head() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsnlp: annotated articles</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>newsnlp: annotated articles</h1>\n<nav id=\"contents\" aria-label=\"Documents\"></nav>\n\
         <p class=\"note\">Hover over a name, or reach it with Tab, to see whom it names and the other mentions \
         of the same; click a quote, or press Enter on it, to mark its speaker. The badge after a quote names \
         the speaker.</p>\n</header>\n<main>\n"
    )
}

/// The end of the page.
pub fn tail() -> String {
    format!("</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
}

/// Escapes text for HTML content and attribute values. A carriage return is written as a
/// character reference: the parser would turn a raw `\r\n` into `\n`, and the text would no
/// longer be the article.
fn escape(out: &mut String, text: &str) {
    let mut last = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            b'\0' => "&#xFFFD;",
            _ => continue,
        };
        out.push_str(&text[last..at]);
        out.push_str(entity);
        last = at + 1;
    }
    out.push_str(&text[last..]);
}

/// An element to put around a stretch of the text.
struct Mark {
    start: usize,
    end: usize,
    /// Quotes 0 (outermost), speaker references 1, mentions 2.
    rank: u8,
    open: String,
}

/// A mark waiting to be opened: its start, its end (reversed, so that the longer comes first), its
/// rank and its index.
type Pending = (usize, Reverse<usize>, u8, usize);

/// One document, the `sequence`th of the page.
pub fn document(
    out: &mut Vec<u8>,
    sequence: usize,
    id: &str,
    path: Option<&str>,
    text: &str,
    annotations: &Annotations,
) {
    let mut html = String::with_capacity(text.len() * 3 + 2048);
    let _ = write!(
        html,
        "<article id=\"doc-{sequence}\" aria-labelledby=\"doc-{sequence}-title\">\n<h2 id=\"doc-{sequence}-title\">"
    );
    escape(&mut html, if id.is_empty() { "(no id)" } else { id });
    html.push_str("</h2>\n");
    if let Some(path) = path {
        html.push_str("<p class=\"path\">");
        escape(&mut html, path);
        html.push_str("</p>\n");
    }
    html.push_str("<ul class=\"legend\" aria-label=\"Legend\">");
    for label in [Label::Person, Label::Org, Label::Place, Label::Prison] {
        let (name, count) = (label.as_str(), annotations.mentions().iter().filter(|m| m.label() == label).count());
        let _ = write!(html, "<li><span class=\"m {name}\">{}</span> {count}</li>", legend_name(label));
    }
    let _ =
        write!(html, "<li><span class=\"q\" data-badge=\"speaker\">quote</span> {}</li>", annotations.quotes().len());
    html.push_str("</ul>\n<div class=\"text\">");
    mark_text(&mut html, text, annotations);
    html.push_str("</div>\n");
    speakers_table(&mut html, text, annotations);
    html.push_str("</article>\n");
    out.extend_from_slice(html.as_bytes());
}

fn legend_name(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Org => "organization",
        Label::Place => "place",
        Label::Prison => "prison",
        _ => "other",
    }
}

/// The text with its marks, nested: an element that would cross the end of the element around
/// it is closed there and opened again after it.
fn mark_text(html: &mut String, text: &str, annotations: &Annotations) {
    let mut marks = Vec::new();
    for (number, quote) in annotations.quotes().iter().enumerate() {
        let mut open = "<span class=\"q".to_string();
        let name = annotations.speaker_name(text, quote);
        if name.is_none() {
            open.push_str(" unknown");
        }
        let _ =
            write!(open, "\" data-q=\"{number}\" tabindex=\"0\" role=\"button\" aria-pressed=\"false\" data-badge=\"");
        escape(&mut open, name.unwrap_or("speaker not found"));
        open.push('"');
        if let Some(speaker) = quote.speaker() {
            let _ = write!(open, " data-speaker=\"{}-{}\"", speaker.mention().start, speaker.mention().end);
        }
        open.push('>');
        marks.push(Mark { start: quote.span().start, end: quote.span().end, rank: 0, open });
    }
    // A speaker's mention that is no entity mention ("he", "the activist") gets an element too,
    // so that clicking the quote can mark it.
    let mentions: HashSet<(usize, usize)> =
        annotations.mentions().iter().map(|m| (m.span().start, m.span().end)).collect();
    let mut references: Vec<(usize, usize)> = annotations
        .quotes()
        .iter()
        .filter_map(|q| q.speaker().map(|s| (s.mention().start, s.mention().end)))
        .filter(|span| !mentions.contains(span))
        .collect();
    references.sort_unstable();
    references.dedup();
    for (start, end) in references {
        let open = format!("<span class=\"ref\" data-span=\"{start}-{end}\">");
        marks.push(Mark { start, end, rank: 1, open });
    }
    for (number, mention) in annotations.mentions().iter().enumerate() {
        let span = mention.span();
        let label = mention.label().as_str();
        let mut open = format!(
            "<span class=\"m {label}\" data-m=\"{number}\" data-e=\"{}\" data-label=\"{label}\" data-span=\"{}-{}\" tabindex=\"0\" data-name=\"",
            mention.entity(),
            span.start,
            span.end
        );
        escape(&mut open, annotations.name_of(mention));
        open.push_str("\">");
        marks.push(Mark { start: span.start, end: span.end, rank: 2, open });
    }
    nest(html, text, &marks);
}

/// Writes `text` with `marks` around their stretches, properly nested.
fn nest(html: &mut String, text: &str, marks: &[Mark]) {
    // Outer marks first at the same start: longer, then by rank.
    let mut pending: BinaryHeap<Reverse<Pending>> =
        marks.iter().enumerate().map(|(i, m)| Reverse((m.start, Reverse(m.end), m.rank, i))).collect();
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    // The open elements, innermost last, with where each ends.
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(Reverse((start, Reverse(end), rank, index))) = pending.pop() {
        let start = start.clamp(at, text.len());
        while let Some(&top_end) = open.last() {
            if top_end > start {
                break;
            }
            escape(html, slice(at, top_end));
            at = top_end;
            html.push_str("</span>");
            open.pop();
        }
        escape(html, slice(at, start));
        at = start;
        let mut end = end.min(text.len());
        if let Some(&top_end) = open.last()
            && end > top_end
        {
            pending.push(Reverse((top_end, Reverse(end), rank, index)));
            end = top_end;
        }
        if end <= start || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        html.push_str(&marks[index].open);
        open.push(end);
    }
    while let Some(top_end) = open.pop() {
        escape(html, slice(at, top_end));
        at = top_end;
        html.push_str("</span>");
    }
    escape(html, slice(at, text.len()));
}

/// Who is quoted and how often, most quoted first.
fn speakers_table(html: &mut String, text: &str, annotations: &Annotations) {
    let quotes = annotations.quotes();
    if quotes.is_empty() {
        html.push_str("<p class=\"note\">No quotes.</p>\n");
        return;
    }
    let mut counts: Vec<(Option<&str>, usize)> = Vec::new();
    let mut row: HashMap<Option<&str>, usize> = HashMap::new();
    for quote in quotes {
        let name = annotations.speaker_name(text, quote);
        let at = *row.entry(name).or_insert_with(|| {
            counts.push((name, 0));
            counts.len() - 1
        });
        counts[at].1 += 1;
    }
    // Most quoted first; among equals, the first quoted first (the sort is stable).
    counts.sort_by_key(|&(name, count)| (Reverse(count), name.is_none()));
    html.push_str("<h3>Who is quoted</h3>\n<table>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Quotes</th></tr></thead>\n<tbody>\n");
    for (name, count) in counts {
        html.push_str("<tr><td>");
        escape(html, name.unwrap_or("(speaker not found)"));
        let _ = writeln!(html, "</td><td class=\"n\">{count}</td></tr>");
    }
    html.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked text with its tags taken out is the text, whatever the marks.
    #[test]
    fn marks_nest_and_the_text_stays_whole() {
        let annotator = newsnlp::Annotator::new();
        for text in [
            "“We demand justice for José Daniel Ferrer,” said his sister Ana Belkis Ferrer García in Havana.",
            "He said: “The Patriotic Union of Cuba (UNPACU) will not stop.” & <b>that</b> was it.\r\n",
            "",
        ] {
            let annotations = annotator.annotate(text);
            let mut html = String::new();
            mark_text(&mut html, text, &annotations);
            let mut plain = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => in_tag = false,
                    _ if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            let plain = plain
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#13;", "\r")
                .replace("&amp;", "&");
            assert_eq!(plain, text);
            assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
            assert_eq!(html.matches("class=\"m ").count(), annotations.mentions().len(), "{html}");
        }
    }

    #[test]
    fn a_mark_that_crosses_another_is_split() {
        let marks_html = {
            let mut html = String::new();
            let text = "abcdefgh";
            let marks = vec![
                Mark { start: 1, end: 5, rank: 0, open: "<span class=\"q\">".into() },
                Mark { start: 3, end: 7, rank: 2, open: "<span class=\"m\">".into() },
            ];
            nest(&mut html, text, &marks);
            html
        };
        assert_eq!(marks_html, "a<span class=\"q\">bc<span class=\"m\">de</span></span><span class=\"m\">fg</span>h");
    }
}
