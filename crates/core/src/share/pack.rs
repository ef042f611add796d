//! Packing a document into a link: raw DEFLATE with a preset dictionary,
//! then unpadded base64url.
//!
//! The dictionary (`data/share-dictionary-v1.txt`) is common English news
//! wording written for claimlens; primed into the compressor's window it
//! lets even a short article refer back to words it has not yet used. It is
//! part of the link format: **never edit it** — a new dictionary needs a new
//! format tag, so that old links keep opening.
//!
//! ```
//! use claimlens_core::share::{pack_text, unpack_text, MAX_UNPACKED};
//!
//! let text = "Delegations met in Geneva on Friday and agreed to talk again.";
//! let packed = pack_text(text);
//! assert_eq!(unpack_text(&packed, MAX_UNPACKED).unwrap(), text);
//! ```

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Version 1 of the preset dictionary. Frozen: links depend on its bytes.
pub const DICTIONARY_V1: &[u8] = include_bytes!("../../../../data/share-dictionary-v1.txt");

/// The most a link's document may expand to (2 MB).
pub const MAX_UNPACKED: usize = 2 * 1024 * 1024;

/// Why a packed document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// Not base64url.
    Encoding,
    /// The start of a packed document whose end is missing: the link was
    /// cut (by a chat app, a mail program or a hand copying it).
    CutShort,
    /// Not a DEFLATE stream (tampered with).
    Corrupt,
    /// It would expand beyond the limit.
    TooLarge,
    /// It is not UTF-8 text.
    NotText,
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnpackError::Encoding => "the document in the link is not valid base64url",
            UnpackError::CutShort => "the document in the link stops part-way",
            UnpackError::Corrupt => "the document in the link is damaged",
            UnpackError::TooLarge => "the document in the link is larger than 2 MB",
            UnpackError::NotText => "the document in the link is not UTF-8 text",
        })
    }
}

/// Raw DEFLATE of `data` with [`DICTIONARY_V1`] primed into the window.
pub fn deflate_with_dictionary(data: &[u8]) -> Vec<u8> {
    // Level 10 ("uber"): the most match probes; documents in links are small.
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let mut c = CompressorOxide::new(flags);
    let mut out = vec![0u8; data.len() + data.len() / 2 + 1024 + DICTIONARY_V1.len() * 2];
    // Feed the dictionary and sync-flush: the output so far encodes only the
    // dictionary and ends on a byte boundary; what follows may refer back into it.
    let (status, _, dict_len) = compress(&mut c, DICTIONARY_V1, &mut out, TDEFLFlush::Sync);
    debug_assert_eq!(status, TDEFLStatus::Okay);
    let mut pos = dict_len;
    let mut input = data;
    loop {
        let (status, used, written) = compress(&mut c, input, &mut out[pos..], TDEFLFlush::Finish);
        pos += written;
        input = &input[used..];
        match status {
            TDEFLStatus::Done => break,
            TDEFLStatus::Okay => {
                let grow = out.len();
                out.resize(out.len() + grow, 0);
            }
            _ => unreachable!("compression of an in-memory buffer cannot fail"),
        }
    }
    out.truncate(pos);
    out.drain(..dict_len);
    out
}

/// Inverse of [`deflate_with_dictionary`], refusing to produce more than `limit` bytes.
///
/// A stream that ends before its last block ([`UnpackError::CutShort`]) is
/// told apart from one that is not DEFLATE ([`UnpackError::Corrupt`]): every
/// prefix of a valid stream is the former, since the decoder reads it exactly
/// as it would read the whole one until the input runs out.
pub fn inflate_with_dictionary(data: &[u8], limit: usize) -> Result<Vec<u8>, UnpackError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let base = DICTIONARY_V1.len();
    let cap = base + limit;
    let mut out = vec![0u8; (base + data.len().saturating_mul(4) + 64).min(cap)];
    out[..base].copy_from_slice(DICTIONARY_V1);
    let mut d = DecompressorOxide::new();
    let mut pos = base;
    let mut input = data;
    loop {
        let (status, used, written) = decompress(&mut d, input, &mut out, pos, flags);
        pos += written;
        input = input.get(used..).ok_or(UnpackError::Corrupt)?;
        match status {
            TINFLStatus::Done => {
                out.truncate(pos);
                out.drain(..base);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= cap {
                    return Err(UnpackError::TooLarge);
                }
                let len = out.len().saturating_mul(2).min(cap);
                out.resize(len, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(UnpackError::CutShort)
            }
            _ => return Err(UnpackError::Corrupt),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5).
pub fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decode unpadded (or padded) base64url; `None` on any other character.
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone trailing character (6 bits) cannot come from any byte string.
    (bits < 6).then_some(out)
}

/// A text packed for a link: dictionary DEFLATE, base64url.
pub fn pack_text(text: &str) -> String {
    base64url_encode(&deflate_with_dictionary(text.as_bytes()))
}

/// The text inside a packed link parameter, at most `limit` bytes long.
pub fn unpack_text(packed: &str, limit: usize) -> Result<String, UnpackError> {
    let bytes = base64url_decode(packed).ok_or_else(|| {
        // Only alphabet characters, but one too many to be whole bytes: the
        // encoder never ends on a lone character, so the rest was cut off.
        let alphabet = packed.bytes().all(|b| B64.contains(&b));
        if alphabet && packed.len() % 4 == 1 {
            UnpackError::CutShort
        } else {
            UnpackError::Encoding
        }
    })?;
    let raw = inflate_with_dictionary(&bytes, limit)?;
    String::from_utf8(raw).map_err(|_| UnpackError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_table() {
        for (raw, enc) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"\xfb\xff", "-_8"),
        ] {
            assert_eq!(base64url_encode(raw), enc);
            assert_eq!(base64url_decode(enc).as_deref(), Some(raw));
        }
        assert_eq!(base64url_decode("Zg==").as_deref(), Some(&b"f"[..]));
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v+"), None);
    }

    #[test]
    fn round_trips() {
        let long = "word ".repeat(100_000);
        for text in [
            "",
            "a",
            "“Curly” quotes, emoji 😀, RTL שלום, CRLF\r\nend",
            crate::DEFAULT_TEXT,
            long.as_str(),
        ] {
            assert_eq!(unpack_text(&pack_text(text), MAX_UNPACKED).unwrap(), text);
        }
    }

    #[test]
    fn default_article_fits_in_2500_characters() {
        let packed = pack_text(crate::DEFAULT_TEXT);
        println!("default article packed: {} characters", packed.len());
        assert!(packed.len() <= 2500, "{} characters", packed.len());
    }

    /// Every way a packed document can be cut says so, never "damaged" or
    /// "not base64url": at any character, including after 4k + 1 of them
    /// (a lone character that cannot be a whole byte) and right after `x=`.
    #[test]
    fn a_cut_document_says_it_stops_part_way() {
        for text in ["a", "Short.", crate::DEFAULT_TEXT] {
            let packed = pack_text(text);
            for cut in 0..packed.len() {
                assert_eq!(
                    unpack_text(&packed[..cut], MAX_UNPACKED),
                    Err(UnpackError::CutShort),
                    "{text:.20}: cut at {cut} of {}",
                    packed.len()
                );
            }
        }
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(unpack_text("!!", MAX_UNPACKED), Err(UnpackError::Encoding));
        let big = pack_text(&"x".repeat(10_000));
        assert_eq!(unpack_text(&big, 1000), Err(UnpackError::TooLarge));
        let bytes = base64url_encode(&deflate_with_dictionary(&[0xff, 0xfe]));
        assert_eq!(unpack_text(&bytes, MAX_UNPACKED), Err(UnpackError::NotText));
        // A stream that is not DEFLATE at all (block type 3 is reserved).
        assert_eq!(unpack_text("_w", MAX_UNPACKED), Err(UnpackError::Corrupt));
        // Any garbage decodes to an error or to some text, never a panic.
        for s in ["", "A", "AAAA", "____", "-_-_-_-_", "zzzzzzzzzzzz"] {
            let _ = unpack_text(s, MAX_UNPACKED);
        }
    }
}
