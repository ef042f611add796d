//! Words inside a file name, a web address or a query string are not names
//! in running text: "Lisa_resume.doc", "UnleadedStocks.pdf",
//! "…&rls=org.mozilla:en-US:official". The tagger reads their capitalised
//! parts as people, organisations or places; this pass drops a person,
//! organisation or place that lies inside a run of characters without
//! spaces holding an underscore, an "=", "://" or "www.", or ending in a
//! file extension after the name. E-mail addresses and names joined by "@"
//! ("Bryngelson@AZURIX") or "/" ("Google-Mozilla/Firefox") are left alone:
//! they are names in mail headers and prose.

use super::{Cand, Label};
use crate::text::Token;

/// File extensions that end a file name after a name ("Lisa_cv.doc").
const EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "csv", "zip", "jpg", "jpeg",
    "png", "gif", "htm", "html", "exe", "wpd",
];

/// Whether the text after a name, up to the next space, ends in a file
/// extension ("_coverletter.doc)"), or one follows the name at once.
fn file_after(rest: &str) -> bool {
    let run = rest
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"']);
    let is_ext = |ext: &str| EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e));
    // The run ends in an extension, or one follows the name at once
    // ("Stocks.pdf)(See …").
    run.rsplit_once('.').is_some_and(|(_, ext)| is_ext(ext))
        || rest.strip_prefix('.').is_some_and(|r| {
            is_ext(
                r.split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or(""),
            )
        })
}

/// Drop the names inside file names and web addresses (dropped candidates
/// stay in place; the caller removes them).
pub(crate) fn path_names(text: &str, toks: &[Token], cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.drop || !matches!(c.label, Label::Person | Label::Org | Label::Place) {
            continue;
        }
        let (a, b) = (toks[c.start].span.start, toks[c.end - 1].span.end);
        let before = &text[..a];
        let run_start = before.rfind(char::is_whitespace).map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
        let after = &text[b..];
        let run_end = b + after.find(char::is_whitespace).unwrap_or(after.len());
        if run_start == a && run_end == b {
            continue;
        }
        let run = &text[run_start..run_end];
        let glued = run.contains('_')
            || run.contains('=')
            || run.contains("://")
            || run.to_ascii_lowercase().contains("www.");
        if glued || (run_end > b && file_after(after)) {
            c.drop = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::tests::{check, Case};
    use crate::entities::Label;
    use Label::*;

    #[test]
    fn names_inside_file_names_and_addresses() {
        // (text, names that must be found, names that must not)
        let cases: &[Case] = &[
            (
                "Attached: Lisa_resume.doc and Lisa_coverletter.doc. Vince",
                &[],
                &[("Lisa", Person)],
            ),
            (
                "(See attached file: UnleadedStocks.pdf)(See attached file: Crude.pdf)",
                &[],
                &[("UnleadedStocks", Org), ("UnleadedStocks", Person)],
            ),
            (
                "Try http://www.google.com/search?hl=en&rls=org.mozilla:en-US:official today.",
                &[],
                &[("US", Place)],
            ),
            // Names joined by "@" or "/" and names before a full stop stay.
            (
                "Robert Bryngelson@AZURIX wrote to Maria Lopez in Houston.",
                &[("Maria Lopez", Person), ("Houston", Place)],
                &[],
            ),
        ];
        check(cases);
    }
}
