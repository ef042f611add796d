//! Documents: one UTF-8 text, its metadata, and its blocks.
//!
//! A [`Document`] owns its text verbatim — nothing is normalised, so every
//! [`Span`] points into exactly what the user brought. Blocks (paragraphs,
//! headings, quotes) are spans over that text, in order, never overlapping.
//!
//! ```
//! use claimlens_core::{BlockKind, Document};
//!
//! let doc = Document::from_plain_text("memo", "Memo", "# Talks\n\nThe talks began.\n> “We are ready,” he said.\n");
//! let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [BlockKind::Heading(1), BlockKind::Paragraph, BlockKind::Quote]);
//! assert_eq!(doc.block_text(&doc.blocks[0]), "Talks");
//! ```

use serde::Serialize;

use super::span::{Offsets, Span};

/// What a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading, with its level (1 = most important).
    Heading(u8),
    /// Running text.
    Paragraph,
    /// A block quotation.
    Quote,
}

impl BlockKind {
    /// A short lowercase name ("heading", "paragraph", "quote").
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading(_) => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
        }
    }
}

/// One block of a document: its kind and the span of its content (markup
/// such as `#` or `>` and surrounding whitespace excluded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Paragraph, heading or quote.
    pub kind: BlockKind,
    /// The block's content in the document text.
    pub span: Span,
}

/// A document under study: metadata plus one text split into blocks.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Stable identifier (a slug for bundled documents, a content hash for others).
    pub id: String,
    /// Title shown above the text.
    pub title: String,
    /// True when the title was supplied by claimlens rather than by the source.
    pub title_supplied: bool,
    /// Publication or source name, when known.
    pub source: Option<String>,
    /// Author line, when known.
    pub byline: Option<String>,
    /// Publication date as written or as ISO 8601, when known.
    pub date: Option<String>,
    /// The page it came from (an `http(s)` address), when known: a `?src=`
    /// address, or a saved page's canonical URL or `og:url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag of the text ("en").
    pub language: String,
    /// The full text, verbatim.
    pub text: String,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// A document from plain text, split into blocks by [`split_blocks`].
    pub fn from_plain_text(id: &str, title: &str, text: &str) -> Self {
        Document {
            id: id.to_string(),
            title: title.to_string(),
            title_supplied: false,
            source: None,
            byline: None,
            date: None,
            url: None,
            language: "en".to_string(),
            text: text.to_string(),
            blocks: split_blocks(text),
        }
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        block.span.slice(&self.text)
    }

    /// An offset index over the text, for UTF-16 and code-point conversions.
    pub fn offsets(&self) -> Offsets {
        Offsets::new(&self.text)
    }

    /// Number of words (runs of alphanumeric characters) in the text.
    pub fn word_count(&self) -> usize {
        count_words(&self.text)
    }

    /// Facts about the document as the side panel lists them: words,
    /// paragraphs, quotations, reading time (at 238 words a minute, the
    /// average adult silent reading speed for non-fiction) and language.
    ///
    /// ```
    /// let doc = claimlens_core::Document::from_plain_text("d", "d", "Two words.");
    /// assert_eq!(doc.facts()[0], ("Words", "2".to_string()));
    /// assert_eq!(doc.facts()[3], ("Reading time", "about 1 min".to_string()));
    /// ```
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        self.facts_counted(self.word_count(), self.quotation_count())
    }

    /// [`Document::facts`] from its two counts over the whole text, the
    /// words ([`count_words`]) and the quotations ([`Document::quotation_count`]),
    /// which a caller may have summed a slice of the text at a time (a 5 MB
    /// text's counts take about 100 ms in the browser).
    pub fn facts_counted(&self, words: usize, quotations: usize) -> Vec<(&'static str, String)> {
        const READING_WPM: usize = 238;
        let paragraphs = (self.blocks.iter())
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count();
        let minutes = words.div_ceil(READING_WPM).max(1);
        vec![
            ("Words", words.to_string()),
            ("Paragraphs", paragraphs.to_string()),
            ("Quotations", quotations.to_string()),
            ("Reading time", format!("about {minutes} min")),
            ("Language", self.language.clone()),
        ]
    }

    /// Number of quotations: quoted passages in the blocks
    /// ([`count_quotations`]), plus block quotes that hold none.
    pub fn quotation_count(&self) -> usize {
        self.blocks.iter().map(|b| self.block_quotations(b)).sum()
    }

    /// The quotations [`Document::quotation_count`] counts in one block.
    pub fn block_quotations(&self, b: &Block) -> usize {
        let n = count_quotations(self.block_text(b));
        if n == 0 && b.kind == BlockKind::Quote {
            1
        } else {
            n
        }
    }
}

/// Longest quotation counted, in characters.
const MAX_QUOTE_CHARS: usize = 2000;
/// Most characters between the two parts of a quotation broken by its
/// attribution (`,” he said, “`).
const CONTINUATION_GAP: usize = 40;

/// Number of quotations in a text: passages between `“…”`, `"…"` or `‘…’`
/// of at least three words, or ending in their own punctuation (`“Yes.”`);
/// one-word scare quotes, apostrophes and stray marks are not counted. A
/// quotation broken by its attribution (`“We are ready,” he said, “to
/// talk.”`) counts once.
///
/// ```
/// use claimlens_core::count_quotations;
///
/// assert_eq!(count_quotations("“We are ready,” he said, “to talk.” Others called it a “farce”."), 1);
/// assert_eq!(count_quotations("She said: \"The bridge is safe.\" He said ‘it will hold for years’."), 2);
/// assert_eq!(count_quotations("Ukraine’s army and the students’ union."), 0);
/// ```
pub fn count_quotations(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let word_char = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut n = 0;
    // The open quotation: its closing mark and where its text starts.
    let mut open: Option<(char, usize)> = None;
    // The last quotation ended with a comma inside: the next one in the
    // same paragraph continues it.
    let mut continues = false;
    let mut last_close = 0;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1);
        if c == '\n' && chars.get(i + 1) == Some(&'\n') {
            // A paragraph break: a quotation left open ends here unseen.
            open = None;
            continues = false;
            continue;
        }
        let closes = match open {
            Some((close, _)) if c == close => match c {
                // An apostrophe inside a word is not a closing mark.
                '’' | '\'' => !word_char(Some(i + 1)),
                '"' => !word_char(Some(i + 1)),
                _ => true,
            },
            _ => false,
        };
        if closes {
            let (_, start) = open.take().unwrap_or_default();
            let inner: String = chars[start..i].iter().collect();
            let inner = inner.trim();
            let words = count_words(inner);
            let own_end = inner.ends_with(['.', '!', '?', ',', '…']);
            if words > 0 && (words >= 3 || own_end) && inner.chars().count() <= MAX_QUOTE_CHARS {
                let gap = chars.get(last_close + 1..start).unwrap_or(&[]);
                let joined = continues
                    && start.saturating_sub(last_close) <= CONTINUATION_GAP
                    && !gap.iter().any(|c| matches!(c, '.' | '!' | '?'));
                if !joined {
                    n += 1;
                }
                continues = inner.ends_with(',');
                last_close = i;
            }
            continue;
        }
        let opens = match c {
            '“' => Some('”'),
            '‘' if !word_char(prev) => Some('’'),
            '"' if !word_char(prev) && open.is_none() => Some('"'),
            _ => None,
        };
        if let Some(close) = opens {
            // A new opening mark restarts a quotation left open (a quote
            // running over several paragraphs opens each one).
            if open.is_none() || c == '“' {
                open = Some((close, i + 1));
            }
        }
    }
    n
}

/// Number of runs of alphanumeric characters (apostrophes and hyphens inside
/// a word do not split it).
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut prev_joiner = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word && !prev_joiner {
                n += 1;
            }
            in_word = true;
            prev_joiner = false;
        } else if in_word && matches!(c, '\'' | '’' | '-' | '‐') {
            prev_joiner = true;
            in_word = false;
        } else {
            in_word = false;
            prev_joiner = false;
        }
    }
    n
}

/// A line of the text without its line break, and where it starts.
struct Line<'t> {
    start: usize,
    text: &'t str,
}

/// The lines of `text`: ended by `\n`, `\r\n`, `\r`, or a Unicode line or
/// paragraph separator (U+2028, U+2029).
fn lines(text: &str) -> Vec<Line<'_>> {
    // Most texts end their lines with `\n` alone: then the lines are found
    // by searching for it (memchr, a word at a time), not byte by byte.
    if !text.as_bytes().contains(&b'\r') && !text.contains('\u{2028}') && !text.contains('\u{2029}')
    {
        lines_lf(text)
    } else {
        lines_any(text)
    }
}

/// [`lines`] of a text whose only line break is `\n`.
fn lines_lf(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        out.push(Line {
            start,
            text: piece.strip_suffix('\n').unwrap_or(piece),
        });
        start += piece.len();
    }
    out
}

/// [`lines`] of any text, in one pass over its bytes: every line end is
/// ASCII or starts with the byte 0xE2, which no byte inside another
/// character can be mistaken for.
fn lines_any(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let skip = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(Line {
            start,
            text: &text[start..i],
        });
        i += skip;
        start = i;
    }
    if start < text.len() {
        out.push(Line {
            start,
            text: &text[start..],
        });
    }
    out
}

/// Trimmed span of `s` (which starts at `start`), or `None` if blank.
/// Combining marks and joiners at the start (attached to the whitespace or
/// markup before them) go with the whitespace, so a block never starts
/// inside a grapheme cluster.
fn trimmed(start: usize, s: &str) -> Option<Span> {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || crate::text::extends_cluster(c));
    let lead = s.len() - t.len();
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span::new(start + lead, start + lead + t.len()))
}

/// A Markdown ATX heading marker: level and content offset within the line.
fn heading_marker(line: &str) -> Option<(u8, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
        Some((hashes as u8, lead + hashes))
    } else {
        None
    }
}

/// A Markdown quote marker: content offset within the line.
fn quote_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    t.strip_prefix('>').map(|_| line.len() - t.len() + 1)
}

/// True for a line that starts with a list marker: `•`, `-`, `*`, `+` or
/// `·` and a space, or a number of up to three digits with `.` or `)` and a
/// space.
fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['•', '-', '*', '+', '·']) {
        return rest.starts_with([' ', '\t']);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t[digits..].starts_with(['.', ')'])
        && t[digits + 1..].starts_with([' ', '\t'])
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
    });
    t.ends_with(['.', '!', '?', ':', '…', ';'])
}

/// True for a paragraph that is wholly one quotation.
fn is_quotation(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(first), Some(last)) = (chars.next(), s.chars().next_back()) else {
        return false;
    };
    let closing = match first {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        _ => return false,
    };
    // The only closing mark is the last character (and not the opening one:
    // a lone `"` is no quotation).
    s.len() >= first.len_utf8() + last.len_utf8()
        && last == closing
        && !s[first.len_utf8()..s.len() - last.len_utf8()].contains(closing)
}

/// Lines longer than this are taken as whole paragraphs, not hard-wrapped text.
const WRAP_WIDTH: usize = 100;
/// Lines shorter than this are not taken as hard-wrapped lines either (a short
/// line before more text is a heading or a line of its own).
const MIN_WRAP: usize = 40;

/// Split plain text (or simple Markdown) into blocks.
///
/// - Blank lines separate blocks.
/// - `#`…`######` lines are headings; `>` lines are quotes.
/// - Inside a run of non-blank lines, a line break ends a paragraph when the
///   line ends a sentence, or is longer or much shorter than a hard-wrapped
///   line would be (one paragraph per line, as in text copied from a web
///   page); otherwise the lines are one hard-wrapped paragraph.
/// - A short line without closing punctuation standing alone before a
///   paragraph is a heading (level 2).
/// - A paragraph that is one quotation from its first to its last character
///   is a quote.
/// - A line starting with a list marker (`• `, `- `, `* `, `1. `, `2) `)
///   starts a paragraph of its own (marker kept) and is never a heading.
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Start of the paragraph being gathered, and the end of its last line.
    let mut open: Option<(Span, bool)> = None; // (span so far, last line ended it)
    let flush = |open: &mut Option<(Span, bool)>, blocks: &mut Vec<Block>| {
        if let Some((span, _)) = open.take() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
            });
        }
    };
    // Whether the previous line was a non-empty quote line.
    let mut prev_quote = false;
    for line in lines(text) {
        let was_quote = std::mem::replace(&mut prev_quote, false);
        if let Some((level, at)) = heading_marker(line.text) {
            flush(&mut open, &mut blocks);
            let content = line.text[at..].trim_end().trim_end_matches('#');
            if let Some(span) = trimmed(line.start + at, content) {
                blocks.push(Block {
                    kind: BlockKind::Heading(level),
                    span,
                });
            }
            continue;
        }
        if let Some(at) = quote_marker(line.text) {
            flush(&mut open, &mut blocks);
            let Some(span) = trimmed(line.start + at, &line.text[at..]) else {
                continue;
            };
            match blocks.last_mut() {
                // Consecutive quote lines form one quote block.
                Some(b) if was_quote => b.span.end = span.end,
                _ => blocks.push(Block {
                    kind: BlockKind::Quote,
                    span,
                }),
            }
            prev_quote = true;
            continue;
        }
        let Some(span) = trimmed(line.start, line.text) else {
            flush(&mut open, &mut blocks);
            continue;
        };
        // Only whether it is in MIN_WRAP..=WRAP_WIDTH matters: a line of
        // more than 4 × WRAP_WIDTH bytes has more characters than that.
        let t = line.text.trim();
        let width = if t.len() > 4 * WRAP_WIDTH {
            t.len()
        } else {
            t.chars().count()
        };
        let line_ends = ends_sentence(line.text) || !(MIN_WRAP..=WRAP_WIDTH).contains(&width);
        match &mut open {
            Some((para, ended)) if !*ended && !is_list_item(line.text) => {
                para.end = span.end;
                *ended = line_ends;
            }
            _ => {
                flush(&mut open, &mut blocks);
                open = Some((span, line_ends));
            }
        }
    }
    flush(&mut open, &mut blocks);

    // Refine paragraphs: lone short unpunctuated lines before text are
    // headings; whole-quotation paragraphs are quotes.
    let n = blocks.len();
    for i in 0..n {
        if blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        let s = blocks[i].span.slice(text);
        let next_is_text = blocks
            .get(i + 1)
            .is_some_and(|b| b.kind == BlockKind::Paragraph);
        // A heading has at most 80 characters: at most 320 bytes, checked
        // first so that a long paragraph is not read through here.
        if next_is_text
            && s.len() <= 4 * 80
            && !is_list_item(s)
            && !s.contains('\n')
            && s.chars().count() <= 80
            && s.split_whitespace().count() <= 12
            && !ends_sentence(s)
            && !s.ends_with(',')
            && s.chars().next().is_some_and(|c| !c.is_lowercase())
        {
            blocks[i].kind = BlockKind::Heading(2);
        } else if is_quotation(s) {
            blocks[i].kind = BlockKind::Quote;
        }
    }
    cut_long_blocks(text, blocks)
}

/// A paragraph or quotation longer than this (bytes) is split into several
/// blocks of the same kind. A text without line breaks (a 5 MB paste from a
/// PDF, a log) would otherwise be one block, which the web app renders and
/// the browser lays out in one go: tens of seconds of frozen page.
pub const MAX_BLOCK_BYTES: usize = 16 * 1024;

/// [`MAX_BLOCK_BYTES`] applied: each long block is cut after the last
/// sentence end (". ", "? ", "! ", with closing quotes) before the limit,
/// else at the last whitespace, else at a character boundary.
fn cut_long_blocks(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    if blocks.iter().all(|b| b.span.len() <= MAX_BLOCK_BYTES) {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let mut start = b.span.start;
        while b.span.end - start > MAX_BLOCK_BYTES {
            let mut end = start + MAX_BLOCK_BYTES;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let window = &text[start..end];
            let cut = last_sentence_end(window)
                .or_else(|| window.rfind(char::is_whitespace))
                .filter(|&k| k > 0)
                .unwrap_or(window.len());
            if let Some(span) = trimmed(start, &window[..cut]) {
                out.push(Block { kind: b.kind, span });
            }
            start += cut;
        }
        if let Some(span) = trimmed(start, &text[start..b.span.end]) {
            out.push(Block { kind: b.kind, span });
        }
    }
    out
}

/// The byte just past the last sentence end in `s` that whitespace follows.
fn last_sentence_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Only the first whitespace byte of a run is tried, so a long run of
    // spaces is not trimmed again at each of its bytes.
    (1..b.len()).rev().find(|&i| {
        b[i].is_ascii_whitespace() && !b[i - 1].is_ascii_whitespace() && ends_sentence(&s[..i])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_line_breaks_is_cut_into_blocks_at_sentence_ends() {
        let sentence = "The council met on Tuesday, and the mayor spoke. ";
        let one_line = sentence.repeat(2 * MAX_BLOCK_BYTES / sentence.len() + 3);
        let no_stop = "word ".repeat(MAX_BLOCK_BYTES / 2);
        let no_space = "é".repeat(MAX_BLOCK_BYTES);
        // (text, shortest number of blocks, every block ends a sentence)
        let table: &[(&str, usize, bool)] = &[
            (sentence, 1, true),
            (&one_line, 3, true),
            (&no_stop, 3, false),
            (&no_space, 2, false),
        ];
        for &(text, at_least, sentences) in table {
            let blocks = split_blocks(text);
            assert!(blocks.len() >= at_least, "{} blocks", blocks.len());
            let mut last = 0;
            for b in &blocks {
                assert!(b.span.len() <= MAX_BLOCK_BYTES);
                assert!(b.span.start >= last);
                // Nothing but whitespace is left out between blocks.
                assert!(text[last..b.span.start].trim().is_empty());
                last = b.span.end;
                assert_eq!(b.kind, BlockKind::Paragraph);
                if sentences {
                    assert!(b.span.slice(text).ends_with('.'), "{:?}", b.span);
                }
            }
            assert!(text[last..].trim().is_empty());
        }
    }

    /// A paragraph that is a lone quotation mark once panicked (found by the
    /// Big List of Naughty Strings; the wasm build aborts on panic).
    #[test]
    fn a_lone_quotation_mark_is_a_paragraph() {
        for text in ["\"", "“", "a\n\n\"\n\nb", "\"\""] {
            let blocks = split_blocks(text);
            assert!(!blocks.is_empty(), "{text:?}");
        }
        assert!(!is_quotation("\""));
        assert!(is_quotation("\"\""));
        assert!(is_quotation("“Yes.”"));
    }

    /// The side panel counts a long document's words a slice at a time,
    /// cutting after a block: the sum is the whole text's count.
    #[test]
    fn words_counted_in_slices_cut_after_blocks_add_up() {
        for text in [
            "One two.\n\nThree-\nfour five",
            "# Head ##\n\n> quoted words\n> more\n\n- item one\n2) item two\nend's word",
            "word-\n\nword\u{2028}x\r\ny’\n\n“Yes,” he said. ",
            &crate::samples::DEFAULT_TEXT.repeat(2),
        ] {
            let doc = Document::from_plain_text("d", "d", text);
            for every in 1..4 {
                let (mut from, mut words) = (0, 0);
                for (i, b) in doc.blocks.iter().enumerate() {
                    if i % every == every - 1 {
                        words += count_words(&text[from..b.span.end]);
                        from = b.span.end;
                    }
                }
                words += count_words(&text[from..]);
                assert_eq!(words, count_words(text), "{text:?} every {every}");
            }
            let q: usize = doc.blocks.iter().map(|b| doc.block_quotations(b)).sum();
            assert_eq!(doc.facts_counted(count_words(text), q), doc.facts());
        }
    }

    #[test]
    fn lines_are_cut_at_every_kind_of_line_break() {
        fn of(ls: Vec<Line<'_>>) -> Vec<(usize, &str)> {
            ls.iter().map(|l| (l.start, l.text)).collect()
        }
        // Texts broken by `\n` alone: the memchr path and the byte loop agree.
        for text in ["", "a", "a\n", "\n", "a\n\nb", "ü\nβ\n\n“c”", "a\n\n\n"] {
            assert_eq!(of(lines_lf(text)), of(lines_any(text)), "{text:?}");
        }
        type Case<'a> = (&'a str, &'a [(usize, &'a str)]);
        let cases: &[Case] = &[
            ("a\r\nb", &[(0, "a"), (3, "b")]),
            ("a\rb\n", &[(0, "a"), (2, "b")]),
            ("a\u{2028}b\u{2029}c", &[(0, "a"), (4, "b"), (8, "c")]),
            ("é\u{2028}", &[(0, "é")]),
            ("a\n", &[(0, "a")]),
        ];
        for (text, want) in cases {
            assert_eq!(of(lines(text)), want.to_vec(), "{text:?}");
        }
    }

    fn kinds_and_texts(text: &str) -> Vec<(BlockKind, &str)> {
        split_blocks(text)
            .into_iter()
            .map(|b| (b.kind, b.span.slice(text)))
            .collect()
    }

    use BlockKind::*;

    #[test]
    fn block_table() {
        type Case<'a> = (&'a str, &'a str, &'a [(BlockKind, &'a str)]);
        let cases: &[Case] = &[
            ("empty", "", &[]),
            ("blank only", " \n\r\n\t\n", &[]),
            ("one line", "Hello world.", &[(Paragraph, "Hello world.")]),
            (
                "one paragraph per line",
                "First paragraph ends.\nSecond one too.",
                &[(Paragraph, "First paragraph ends."), (Paragraph, "Second one too.")],
            ),
            (
                "hard-wrapped paragraph",
                "The talks in Istanbul were brief and, by most accounts,\nproduced little.\n\nNext.",
                &[
                    (
                        Paragraph,
                        "The talks in Istanbul were brief and, by most accounts,\nproduced little.",
                    ),
                    (Paragraph, "Next."),
                ],
            ),
            (
                "CRLF",
                "One.\r\nTwo.\r\n\r\nThree.\r\n",
                &[(Paragraph, "One."), (Paragraph, "Two."), (Paragraph, "Three.")],
            ),
            (
                "markdown heading",
                "## The talks ##\nThey began.",
                &[(Heading(2), "The talks"), (Paragraph, "They began.")],
            ),
            (
                "hash without space is text",
                "#hashtag is not a heading.",
                &[(Paragraph, "#hashtag is not a heading.")],
            ),
            (
                "plain heading",
                "What happened in Istanbul\n\nDelegations met on Friday.",
                &[
                    (Heading(2), "What happened in Istanbul"),
                    (Paragraph, "Delegations met on Friday."),
                ],
            ),
            (
                "short last line is not a heading",
                "Delegations met.\n\nThe end",
                &[(Paragraph, "Delegations met."), (Paragraph, "The end")],
            ),
            (
                "markdown quote lines join",
                "> We are ready\n> to talk.\n\nHe said.",
                &[(Quote, "We are ready\n> to talk."), (Paragraph, "He said.")],
            ),
            (
                "quotation paragraph",
                "“We are ready to talk.”\nHe said so twice.",
                &[(Quote, "“We are ready to talk.”"), (Paragraph, "He said so twice.")],
            ),
            (
                "quote inside paragraph is not a quote block",
                "“Ready,” he said, “to talk.”",
                &[(Paragraph, "“Ready,” he said, “to talk.”")],
            ),
            (
                "short title line before text",
                "Talks resume\nDelegations met on Friday.",
                &[(Heading(2), "Talks resume"), (Paragraph, "Delegations met on Friday.")],
            ),
            ("a lone quotation mark", "\"", &[(Paragraph, "\"")]),
            (
                "list items are paragraphs, never headings",
                "• First item\n• Second item\n1. Third\nContinued text here.",
                &[
                    (Paragraph, "• First item"),
                    (Paragraph, "• Second item"),
                    (Paragraph, "1. Third"),
                    (Paragraph, "Continued text here."),
                ],
            ),
            (
                "unicode separators",
                "One.\u{2029}Two.",
                &[(Paragraph, "One."), (Paragraph, "Two.")],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(&kinds_and_texts(text), want, "{name}");
        }
    }

    #[test]
    fn spans_are_ordered_and_on_boundaries() {
        let text = "# T\r\n\r\n😀 first “line”\r\nsecond\u{2028}third.\n> q\n\n";
        let blocks = split_blocks(text);
        let mut last = 0;
        for b in &blocks {
            assert!(b.span.start >= last && b.span.end <= text.len());
            assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
            last = b.span.end;
        }
    }

    #[test]
    fn quotations() {
        for (text, n) in [
            ("", 0),
            ("No quotes here.", 0),
            ("“We are ready to talk,” he said.", 1),
            ("“Ready,” he said, “to talk.”", 1),
            ("“Yes.”", 1),
            ("It was a “farce” and a ‘sham’.", 0),
            ("Ukraine’s army and the students’ union.", 0),
            ("He said \"the bridge is safe\" and left. She said \"it will hold for years\".", 2),
            ("‘We will not give up,’ she said. Later: ‘It is over now.’", 2),
            ("“First part of a long quotation\n\n“Second paragraph of it.”", 1),
            ("A stray “ mark and a stray \" one", 0),
            ("“One thing is clear,” he said on Friday after hours of talks in the capital. “We will meet again.”", 2),
            ("The so-called \"peace plan\" failed.", 0),
        ] {
            assert_eq!(count_quotations(text), n, "{text:?}");
        }
        let doc = Document::from_plain_text(
            "q",
            "Q",
            "“We are ready to talk,” he said.\n\n> A block quote with no marks\n\n> “A block quote with marks, and more.”\n",
        );
        assert_eq!(doc.quotation_count(), 3);
    }

    #[test]
    fn words() {
        for (text, n) in [
            ("", 0),
            ("one", 1),
            ("Ukraine’s 21-year war", 3),
            ("  a, b; c  ", 3),
            ("1,000 people", 3),
        ] {
            assert_eq!(count_words(text), n, "{text:?}");
        }
    }
}
