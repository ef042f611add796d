//! Recent documents as one string for `localStorage`: versioned, one entry
//! per line, each with its length and a checksum, so a damaged entry is
//! skipped (and counted) while the others still open.
//!
//! ```
//! use claimlens_core::intake::{decode_recent, encode_recent, SourceKind, StoredDoc};
//!
//! let docs = vec![StoredDoc {
//!     id: "doc-1".into(),
//!     title: "Talks\tend".into(),
//!     kind: SourceKind::Html,
//!     saved_at: 1_700_000_000_000,
//!     byline: Some("Ana Ruiz".into()),
//!     date: None,
//!     site: None,
//!     text: "Line one.\n\nLine two.".into(),
//! }];
//! let s = encode_recent(&docs);
//! let back = decode_recent(&s);
//! assert_eq!(back.entries, docs);
//! assert_eq!(back.skipped, 0);
//!
//! // Damage the entry: it is skipped, not trusted.
//! let bad = s.replace("Line two", "Line 2");
//! assert_eq!(decode_recent(&bad).entries.len(), 0);
//! assert_eq!(decode_recent(&bad).skipped, 1);
//! ```

use super::decode::SourceKind;
use crate::document::Document;

/// The first line of the stored string.
pub const HEADER: &str = "claimlens-recent v1";

/// Most bytes the encoded list may take (`localStorage` holds about five
/// million UTF-16 units per site; UTF-8 bytes are never fewer than UTF-16
/// units, so this bound is safe).
pub const MAX_STORE_BYTES: usize = 4_000_000;

/// Most documents kept.
pub const MAX_ENTRIES: usize = 20;

/// One stored document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDoc {
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it was brought in as.
    pub kind: SourceKind,
    /// When it was saved (milliseconds since the epoch, given by the caller).
    pub saved_at: u64,
    /// Author line, when known.
    pub byline: Option<String>,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Site or publication name, when known.
    pub site: Option<String>,
    /// The document text (after extraction).
    pub text: String,
}

impl StoredDoc {
    /// What to store for a document brought in as `kind`.
    pub fn from_document(doc: &Document, kind: SourceKind, saved_at: u64) -> Self {
        StoredDoc {
            id: doc.id.clone(),
            title: doc.title.clone(),
            kind,
            saved_at,
            byline: doc.byline.clone(),
            date: doc.date.clone(),
            site: doc.source.clone(),
            text: doc.text.clone(),
        }
    }

    /// The document again (blocks re-split from the text, as when it was
    /// brought in). A stored title is taken as the source's own.
    pub fn to_document(&self) -> Document {
        let mut doc = Document::from_plain_text(&self.id, &self.title, &self.text);
        doc.byline = self.byline.clone();
        doc.date = self.date.clone();
        doc.source = self.site.clone();
        if !super::likely_english(&self.text) {
            doc.language = "und".to_string();
        }
        doc
    }
}

/// The stored list, read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecentList {
    /// Readable entries, in stored order (newest first).
    pub entries: Vec<StoredDoc>,
    /// Entries that could not be read (damaged or from a newer format).
    pub skipped: usize,
}

/// The checksum of a stored entry: [`crate::hash`] over its fields, each
/// ended by a byte no UTF-8 text holds (0xFF).
fn fnv(parts: &[&str]) -> u64 {
    parts.iter().fold(crate::hash::FNV_OFFSET, |h, p| {
        crate::hash::fnv1a64_continue(crate::hash::fnv1a64_continue(h, p.as_bytes()), &[0xFF])
    })
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn entry_line(d: &StoredDoc, out: &mut String) {
    let saved = d.saved_at.to_string();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let (by, date, site) = (opt(&d.byline), opt(&d.date), opt(&d.site));
    let hash = fnv(&[
        &d.id,
        d.kind.name(),
        &saved,
        &d.title,
        &by,
        &date,
        &site,
        &d.text,
    ]);
    out.push_str(&format!("{hash:016x}\t{}\t", d.text.len()));
    escape(&d.id, out);
    out.push('\t');
    out.push_str(d.kind.name());
    out.push('\t');
    out.push_str(&saved);
    out.push('\t');
    escape(&d.title, out);
    for field in [&by, &date, &site, &d.text] {
        out.push('\t');
        escape(field, out);
    }
    out.push('\n');
}

/// Encode a list for storage.
pub fn encode_recent(docs: &[StoredDoc]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for d in docs {
        entry_line(d, &mut out);
    }
    out
}

fn parse_entry(line: &str) -> Option<StoredDoc> {
    let mut f = line.split('\t');
    let hash = u64::from_str_radix(f.next()?, 16).ok()?;
    let len: usize = f.next()?.parse().ok()?;
    let id = unescape(f.next()?)?;
    let kind = SourceKind::parse(f.next()?)?;
    let saved_str = f.next()?;
    let saved_at: u64 = saved_str.parse().ok()?;
    let title = unescape(f.next()?)?;
    let by = unescape(f.next()?)?;
    let date = unescape(f.next()?)?;
    let site = unescape(f.next()?)?;
    let text = unescape(f.next()?)?;
    if f.next().is_some() || text.len() != len {
        return None;
    }
    if fnv(&[
        &id,
        kind.name(),
        saved_str,
        &title,
        &by,
        &date,
        &site,
        &text,
    ]) != hash
    {
        return None;
    }
    let some = |s: String| (!s.is_empty()).then_some(s);
    Some(StoredDoc {
        id,
        title,
        kind,
        saved_at,
        byline: some(by),
        date: some(date),
        site: some(site),
        text,
    })
}

/// Read a stored list. An unreadable entry is skipped and counted; a
/// missing or unknown header skips everything (and counts the lines).
pub fn decode_recent(s: &str) -> RecentList {
    let mut lines = s.split('\n').filter(|l| !l.is_empty());
    let mut list = RecentList::default();
    match lines.next() {
        None => return list,
        Some(h) if h.trim_end() == HEADER => {}
        Some(_) => {
            list.skipped = 1 + lines.count();
            return list;
        }
    }
    for line in lines {
        match parse_entry(line.trim_end_matches('\r')) {
            Some(d) => list.entries.push(d),
            None => list.skipped += 1,
        }
    }
    list
}

/// Bytes one entry takes when encoded.
pub fn encoded_len(d: &StoredDoc) -> usize {
    let mut s = String::new();
    entry_line(d, &mut s);
    s.len()
}

/// Add a document at the front (replacing an entry with the same id), then
/// evict the oldest entries (by `saved_at`) until at most [`MAX_ENTRIES`]
/// remain and the encoding fits in `cap` bytes. Returns the evicted ids; a
/// document too large to store at all is not added and its own id is
/// returned.
pub fn add_recent(list: &mut Vec<StoredDoc>, doc: StoredDoc, cap: usize) -> Vec<String> {
    list.retain(|d| d.id != doc.id);
    // The encoding is never shorter than the text: a text past `cap` is
    // refused without encoding it (a pass over megabytes).
    if HEADER.len() + 1 + doc.text.len() > cap || HEADER.len() + 1 + encoded_len(&doc) > cap {
        return vec![doc.id];
    }
    list.insert(0, doc);
    let mut sizes: Vec<usize> = list.iter().map(encoded_len).collect();
    let mut total = HEADER.len() + 1 + sizes.iter().sum::<usize>();
    let mut evicted = Vec::new();
    while list.len() > 1 && (total > cap || list.len() > MAX_ENTRIES) {
        // Oldest entry other than the new one (index 0).
        let mut oldest = 1;
        for i in 2..list.len() {
            if list[i].saved_at < list[oldest].saved_at {
                oldest = i;
            }
        }
        total -= sizes.remove(oldest);
        evicted.push(list.remove(oldest).id);
    }
    evicted
}
