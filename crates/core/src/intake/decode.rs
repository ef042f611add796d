//! Bytes in: size limits, type detection, text decoding.
//!
//! ```
//! use claimlens_core::intake::{decode, IntakeError, SourceKind};
//!
//! let d = decode("page.htm", b"\xEF\xBB\xBF<!doctype html><p>Hi</p>").unwrap();
//! assert_eq!(d.kind, SourceKind::Html);
//! assert!(d.text.starts_with("<!doctype"));
//! assert!(!d.replaced);
//!
//! let d = decode("notes.txt", b"caf\xE9").unwrap();
//! assert_eq!(d.text, "caf\u{FFFD}");
//! assert!(d.replaced);
//!
//! assert_eq!(decode("x.txt", b"  \n").unwrap_err(), IntakeError::Empty);
//! ```

use std::fmt;

/// Largest file accepted, in bytes (50 MB).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// The kind of document brought in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
}

impl SourceKind {
    /// A short lowercase name ("text", "markdown", "html").
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Markdown => "markdown",
            SourceKind::Html => "html",
        }
    }

    /// The kind named by [`SourceKind::name`].
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "text" => Some(SourceKind::Text),
            "markdown" => Some(SourceKind::Markdown),
            "html" => Some(SourceKind::Html),
            _ => None,
        }
    }
}

/// Why a file cannot be opened. The previous document stays open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntakeError {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// A page or Markdown file with no readable text once markup, scripts
    /// and boilerplate are set aside.
    NoText,
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
    },
    /// Not text, Markdown or HTML; `what` names the kind when recognised.
    Unsupported {
        /// "PDF", "image", "binary data", or the file extension.
        what: String,
    },
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntakeError::Empty => f.write_str("The file is empty: there is no text to analyse."),
            IntakeError::NoText => f.write_str("No readable text was found in this document."),
            IntakeError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({} MB); claimlens opens files up to {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            IntakeError::Unsupported { what } => write!(
                f,
                "This file type is not supported ({what}); open a .txt, .md or .html file."
            ),
        }
    }
}

impl std::error::Error for IntakeError {}

/// Refuse a file by its size alone, before reading it.
pub fn check_size(bytes: u64) -> Result<(), IntakeError> {
    if bytes > MAX_BYTES {
        Err(IntakeError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Decoded text and what was learnt on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text (byte-order mark removed).
    pub text: String,
    /// True when invalid sequences were replaced with U+FFFD.
    pub replaced: bool,
    /// Detected kind.
    pub kind: SourceKind,
}

/// Extensions refused outright, with the name shown to the user.
const REFUSED: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("doc", "Word document"),
    ("docx", "Word document"),
    ("odt", "OpenDocument text"),
    ("rtf", "RTF"),
    ("epub", "EPUB"),
    ("zip", "ZIP archive"),
    ("gz", "compressed file"),
    ("png", "image"),
    ("jpg", "image"),
    ("jpeg", "image"),
    ("gif", "image"),
    ("webp", "image"),
    ("svg", "image"),
    ("mp3", "audio"),
    ("mp4", "video"),
    ("exe", "program"),
    ("mhtml", "MHTML web archive"),
    ("mht", "MHTML web archive"),
];

/// Magic numbers of common binary formats.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x89PNG", "image"),
    (b"GIF8", "image"),
    (b"\xFF\xD8\xFF", "image"),
    (b"\x1F\x8B", "compressed file"),
    (b"{\\rtf", "RTF"),
];

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The kind of a document from its file name and its first characters:
/// `.html`/`.htm`/`.xhtml` or a leading `<!doctype html`/`<html` is HTML;
/// `.md`/`.markdown` is Markdown; a text starting with a common block tag
/// (`<div`, `<p>`, `<article`…) and closing tags is HTML; anything else is
/// text.
pub fn detect_kind(name: &str, text: &str) -> SourceKind {
    match extension(name).as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return SourceKind::Html,
        "md" | "markdown" | "mdown" | "mkd" => return SourceKind::Markdown,
        _ => {}
    }
    let head: String = text
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start_matches(|c: char| c.is_whitespace());
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && text.get(..512).unwrap_or(text).contains("<html"))
        || (head.starts_with("<head") || head.starts_with("<body"))
        || looks_like_markup(head, text)
    {
        SourceKind::Html
    } else {
        SourceKind::Text
    }
}

/// Pasted page source without `<html>`: it starts with a common block tag
/// and closes tags.
fn looks_like_markup(head: &str, text: &str) -> bool {
    // Prefixes tried in turn (a slice, not a `WordSet`).
    const TAGS: &[&str] = &[
        "<div", "<p>", "<p ", "<article", "<section", "<main", "<meta", "<!--", "<h1",
    ];
    TAGS.iter().any(|t| head.starts_with(t)) && text.get(..4096).unwrap_or(text).contains("</")
}

/// Decode UTF-16 code units, replacing unpaired surrogates.
fn utf16(bytes: &[u8], big_endian: bool) -> (String, bool) {
    let units = bytes.chunks(2).map(|c| match (c, big_endian) {
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD, // odd trailing byte
    });
    let mut replaced = bytes.len() % 2 == 1;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced = true;
                '\u{FFFD}'
            })
        })
        .collect();
    (text, replaced)
}

/// Windows-1252 characters for bytes 0x80–0x9F (0 where undefined).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// True when the first kilobyte declares a Latin-1 / Windows-1252 charset
/// (`<meta charset="windows-1252">`, `charset=iso-8859-1`, …).
fn declares_latin1(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.split("charset=").skip(1).any(|rest| {
        let name = rest.trim_start_matches(['"', '\'', ' ']);
        [
            "windows-1252",
            "iso-8859-1",
            "latin1",
            "latin-1",
            "cp1252",
            "us-ascii",
        ]
        .iter()
        .any(|n| name.starts_with(n))
    })
}

/// Decode Windows-1252 (a superset of Latin-1 as browsers read it).
fn cp1252(bytes: &[u8]) -> (String, bool) {
    let mut replaced = false;
    let text = bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => {
                let u = CP1252_HIGH[(b - 0x80) as usize];
                char::from_u32(u32::from(u))
                    .filter(|_| u != 0)
                    .unwrap_or_else(|| {
                        replaced = true;
                        '\u{FFFD}'
                    })
            }
            _ => char::from(b),
        })
        .collect();
    (text, replaced)
}

/// True when the bytes look like binary data rather than text: NUL bytes,
/// or many control characters, in the first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    nul > 0 || ctrl * 10 > head.len()
}

/// Decode a file's bytes: refuse it if too large, empty or not text; strip a
/// UTF-8 byte-order mark; decode UTF-16 (LE or BE) when it starts with a
/// byte-order mark; read text that is not UTF-8 but declares a Latin-1 or
/// Windows-1252 charset as such; otherwise replace invalid UTF-8 with U+FFFD
/// (and say so); detect its kind ([`detect_kind`]).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, IntakeError> {
    check_size(bytes.len() as u64)?;
    let ext = extension(name);
    if let Some((_, what)) = REFUSED.iter().find(|(e, _)| *e == ext) {
        return Err(IntakeError::Unsupported {
            what: (*what).to_string(),
        });
    }
    let (text, replaced) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, true)
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
            return Err(IntakeError::Unsupported {
                what: (*what).to_string(),
            });
        }
        if looks_binary(bytes) {
            return Err(IntakeError::Unsupported {
                what: "binary data".to_string(),
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), false),
            // Not UTF-8, but the page says it is Latin-1 / Windows-1252.
            Err(_) if declares_latin1(bytes) => cp1252(bytes),
            Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
        }
    };
    if text.trim().is_empty() {
        return Err(IntakeError::Empty);
    }
    if text.contains('\0') {
        return Err(IntakeError::Unsupported {
            what: "binary data".to_string(),
        });
    }
    let kind = detect_kind(name, &text);
    Ok(Decoded {
        text,
        replaced,
        kind,
    })
}
