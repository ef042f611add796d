//! Markdown in: reduced to the plain block text that
//! [`split_blocks`](crate::split_blocks) reads — `#` headings,
//! `>` quotes, one paragraph per block, list items as `• item` or `1. item`,
//! separated by blank lines. Emphasis, code spans and links are reduced to
//! their text; code fences are kept as plain text; images become their alt
//! text; front matter, reference definitions and rules are dropped.
//!
//! ```
//! use claimlens_core::intake::markdown_to_text;
//!
//! let md = "# Talks end\n\nThe **talks** [ended](https://example.org) on\nFriday.\n\n- one\n- two\n\n> A quote\n> continues.\n";
//! let (title, text) = markdown_to_text(md);
//! assert_eq!(title.as_deref(), Some("Talks end"));
//! assert_eq!(text, "The talks ended on Friday.\n\n• one\n\n• two\n\n> A quote continues.\n");
//! ```

/// What the current run of lines is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Para,
    Quote,
    Item,
}

struct Out {
    blocks: Vec<String>,
    run: Option<(Run, String)>,
    /// Source lines in the current paragraph (for setext headings).
    run_lines: usize,
}

impl Out {
    fn flush(&mut self) {
        if let Some((kind, text)) = self.run.take() {
            let t = inline(text.trim());
            if !t.is_empty() {
                self.blocks.push(match kind {
                    Run::Quote => format!("> {t}"),
                    _ => t,
                });
            }
        }
        self.run_lines = 0;
    }

    fn add(&mut self, kind: Run, line: &str) {
        match &mut self.run {
            Some((k, text)) if *k == kind || (kind == Run::Para && *k == Run::Item) => {
                text.push(' ');
                text.push_str(line.trim());
            }
            _ => {
                self.flush();
                self.run = Some((kind, line.trim().to_string()));
            }
        }
        self.run_lines += 1;
    }
}

/// A list marker at the start of `t` (already trimmed at the start): the
/// rendered marker ("• " or "12. ") and the byte length of the source marker.
fn list_marker(t: &str) -> Option<(String, usize)> {
    let b = t.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'-' | b'*' | b'+') && matches!(b[1], b' ' | b'\t') {
        return Some(("• ".to_string(), 2));
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && matches!(b.get(digits + 1), Some(b' ' | b'\t'))
    {
        return Some((format!("{}. ", &t[..digits]), digits + 2));
    }
    None
}

/// A thematic break: three or more of one of `-*_`, spaces allowed.
fn is_rule(t: &str) -> bool {
    let mut chars = t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && t.chars().filter(|&c| c == first).count() >= 3
        && t.chars().all(|c| c == first || c == ' ' || c == '\t')
}

fn is_fence(t: &str) -> Option<&str> {
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

/// A link reference definition: `[label]: url`.
fn is_reference(t: &str) -> bool {
    t.starts_with('[') && t.find("]:").is_some_and(|i| i > 1)
}

/// Reduce Markdown to block text; also returns the title (front matter
/// `title:`, or a leading level-1 heading, which is then left out of the
/// text).
pub fn markdown_to_text(md: &str) -> (Option<String>, String) {
    let md = md.strip_prefix('\u{FEFF}').unwrap_or(md);
    let mut lines: Vec<&str> = md.lines().collect();
    let mut title = None;
    // Front matter.
    if lines.first().map(|l| l.trim_end()) == Some("---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .take(100)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
        {
            for l in &lines[1..=end] {
                if let Some(v) = l.strip_prefix("title:") {
                    let v = v.trim().trim_matches(['"', '\'']).trim();
                    if !v.is_empty() {
                        title = Some(v.to_string());
                    }
                }
            }
            lines.drain(..end + 2);
        }
    }
    let mut out = Out {
        blocks: Vec::new(),
        run: None,
        run_lines: 0,
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if t.trim().is_empty() {
            out.flush();
            continue;
        }
        if let Some(fence) = is_fence(t).filter(|_| indent < 4) {
            out.flush();
            let mut code = Vec::new();
            while i < lines.len() && !lines[i].trim_start().starts_with(fence) {
                code.push(lines[i].trim_end());
                i += 1;
            }
            i += 1; // closing fence
            let code: Vec<&str> = code.into_iter().filter(|l| !l.trim().is_empty()).collect();
            if !code.is_empty() {
                out.blocks.push(code.join("\n"));
            }
            continue;
        }
        // Setext heading underline.
        let tt = t.trim_end();
        if out.run_lines > 0
            && matches!(out.run, Some((Run::Para, _)))
            && !tt.is_empty()
            && (tt.bytes().all(|b| b == b'=') || (tt.len() >= 2 && tt.bytes().all(|b| b == b'-')))
        {
            let level = if tt.starts_with('=') { 1 } else { 2 };
            if let Some((_, text)) = out.run.take() {
                out.blocks
                    .push(format!("{} {}", "#".repeat(level), inline(text.trim())));
            }
            out.run_lines = 0;
            continue;
        }
        if is_rule(tt) {
            out.flush();
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t']))
        {
            out.flush();
            let content = t[hashes..].trim().trim_end_matches('#').trim();
            let content = inline(content);
            if !content.is_empty() {
                out.blocks.push(format!("{} {content}", "#".repeat(hashes)));
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix('>') {
            let mut rest = rest;
            while let Some(r) = rest.trim_start().strip_prefix('>') {
                rest = r;
            }
            if rest.trim().is_empty() {
                out.flush();
            } else {
                out.add(Run::Quote, rest);
            }
            continue;
        }
        if let Some((marker, len)) = list_marker(t) {
            out.flush();
            if t[len..].trim().is_empty() {
                continue;
            }
            let item = format!("{marker}{}", t[len..].trim());
            out.add(Run::Item, &item);
            continue;
        }
        if is_reference(t) {
            out.flush();
            continue;
        }
        out.add(Run::Para, t);
    }
    out.flush();
    if title.is_none() {
        if let Some(h) = out.blocks.first().and_then(|b| b.strip_prefix("# ")) {
            title = Some(h.to_string());
            out.blocks.remove(0);
        }
    }
    let mut text = out.blocks.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    (title, text)
}

/// Reduce inline Markdown to its text: emphasis markers removed, code spans
/// verbatim, links and images as their text, autolinks as their address,
/// backslash escapes resolved.
pub fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        match c {
            '\\' if i + 1 < n && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                // Find the closing run of the same length.
                let mut j = i + run;
                let mut close = None;
                while j < n {
                    if chars[j] == '`' {
                        let r = chars[j..].iter().take_while(|&&c| c == '`').count();
                        if r == run {
                            close = Some(j);
                            break;
                        }
                        j += r;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(j) => {
                        let code: String = chars[i + run..j].iter().collect();
                        out.push_str(code.trim());
                        i = j + run;
                    }
                    None => {
                        out.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link(&chars, i + 1) {
                Some((text, end)) => {
                    out.push_str(&inline(&text));
                    i = end;
                }
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link(&chars, i) {
                Some((text, end)) => {
                    out.push_str(&inline(&text));
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' => {
                // Autolink <scheme:...> or <a@b>.
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '>' || c == '<' || c.is_whitespace());
                match end.map(|e| i + 1 + e) {
                    Some(e) if chars[e] == '>' => {
                        let inner: String = chars[i + 1..e].iter().collect();
                        if inner.contains("://")
                            || inner.contains('@')
                            || inner.starts_with("mailto:")
                        {
                            out.push_str(&inner);
                        } else {
                            out.extend(&chars[i..=e]);
                        }
                        i = e + 1;
                    }
                    _ => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            '*' | '_' | '~' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = if i == 0 { None } else { Some(chars[i - 1]) };
                let after = chars.get(i + run).copied();
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let delimiter = run <= 3
                    && !(space(before) && space(after))
                    && !(c == '_' && alnum(before) && alnum(after))
                    && !(c == '~' && run != 2);
                if !delimiter {
                    out.extend(&chars[i..i + run]);
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A link or image starting at `[` (index `i`): its text and the index past
/// it. `[text](dest)`, `[text][ref]` and `[text][]` are links.
fn link(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut j = i;
    let close = loop {
        match chars.get(j)? {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let text: String = chars[i + 1..close].iter().collect();
    match chars.get(close + 1) {
        Some('(') => {
            let mut d = 0usize;
            let mut k = close + 1;
            loop {
                match chars.get(k)? {
                    '(' => d += 1,
                    ')' => {
                        d -= 1;
                        if d == 0 {
                            return Some((text, k + 1));
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        Some('[') => {
            let end = chars[close + 1..].iter().position(|&c| c == ']')?;
            Some((text, close + 1 + end + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_table() {
        for (md, want) in [
            ("plain", "plain"),
            (
                "*em* and **strong** and ***both***",
                "em and strong and both",
            ),
            (
                "_em_ but snake_case_name stays",
                "em but snake_case_name stays",
            ),
            ("2 * 3 = 6", "2 * 3 = 6"),
            ("`a*b*c` code", "a*b*c code"),
            ("``a ` b``", "a ` b"),
            (
                "see [the report](https://x.org/a_(b)) now",
                "see the report now",
            ),
            ("see [the *report*][1] now", "see the report now"),
            ("![a chart](c.png)", "a chart"),
            ("<https://example.org>", "https://example.org"),
            ("a <b> c", "a <b> c"),
            ("\\*not em\\*", "*not em*"),
            ("~~gone~~ kept", "gone kept"),
            ("[unclosed", "[unclosed"),
            ("[text] plain", "[text] plain"),
            ("**", "**"),
        ] {
            assert_eq!(inline(md), want, "{md}");
        }
    }

    #[test]
    fn blocks() {
        let md = "---\ntitle: \"Front\"\ndate: 2024-01-01\n---\n\nIntro line\n=====\n\nSub\n---\n\nText one\ncontinues here.\n\n* * *\n\n1. First step.\n2) Second\n   step.\n\n```rust\nlet x = 1;\n\nlet y = 2;\n```\n\n[1]: https://example.org\n\n> > nested quote\n";
        let (title, text) = markdown_to_text(md);
        assert_eq!(title.as_deref(), Some("Front"));
        assert_eq!(
            text,
            "# Intro line\n\n## Sub\n\nText one continues here.\n\n1. First step.\n\n2. Second step.\n\nlet x = 1;\nlet y = 2;\n\n> nested quote\n"
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for md in [
            "",
            "#",
            "######",
            "#######",
            "> ",
            "---",
            "```",
            "[",
            "![",
            "[a](",
            "[a][",
            "`",
            "1.",
            "- ",
            "\u{FEFF}",
            "é*é_é",
            "*\u{2028}*",
        ] {
            let _ = markdown_to_text(md);
            let _ = inline(md);
        }
    }
}
