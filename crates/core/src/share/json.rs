//! JSON in and out, so that neither the web build nor the engine needs
//! serde_json (the engine's tests check against it): a small, strict reader
//! for imported files and evaluation data (RFC 8259; nesting is limited and
//! nothing is evaluated), and the one writer of JSON strings, [`json_str`],
//! through which the exports (Web Annotations, the comparison's JSON-LD)
//! write every string they hold, and which the writer of whole values
//! (`json_write.rs`: [`Json::to_pretty`], [`Json::to_compact`], the CLI's
//! reports) uses too. (The embed's height messages are constant text around
//! one number: `share::height_messages`.)
//!
//! ```
//! use claimlens_core::share::{parse_json, Json};
//!
//! let v = parse_json(r#"{"a": [1, "x\u00e9", true, null]}"#).unwrap();
//! assert_eq!(v.get("a").and_then(Json::as_array).map(Vec::len), Some(4));
//! assert_eq!(v.get("a").unwrap().as_array().unwrap()[1].as_str(), Some("xé"));
//! ```

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number (written as a float: `1.0`).
    Num(f64),
    /// An integer (written without a fraction; the reader makes every
    /// number a [`Json::Num`]).
    Int(i64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Arr(v) => Some(v),
            _ => None,
        }
    }

    /// A non-negative integer, if this is one.
    pub fn as_usize(&self) -> Option<usize> {
        match self {
            Json::Num(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 9.0e15 => Some(*n as usize),
            Json::Int(n) => usize::try_from(*n).ok(),
            _ => None,
        }
    }

    /// This value as a list: an array's items, or the value alone.
    pub fn items(&self) -> Vec<&Json> {
        match self {
            Json::Arr(v) => v.iter().collect(),
            other => vec![other],
        }
    }
}

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.i))
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &str, v: Json) -> Result<Json, String> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            self.err("unexpected character")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return self.err("nested too deeply");
        }
        self.ws();
        match self.b.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'n') => self.lit("null", Json::Null),
            Some(b't') => self.lit("true", Json::Bool(true)),
            Some(b'f') => self.lit("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(v));
                }
                loop {
                    v.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(v));
                        }
                        _ => return self.err("expected , or ]"),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut m = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(m));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return self.err("expected a key");
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return self.err("expected :");
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    m.push((k, v));
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(m));
                        }
                        _ => return self.err("expected , or }"),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.err("unexpected character"),
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let neg = self.b[self.i] == b'-';
        if neg {
            self.i += 1;
        }
        let digits = |p: &mut Self| -> (f64, usize) {
            let (mut v, mut n) = (0.0f64, 0);
            while let Some(d @ b'0'..=b'9') = p.b.get(p.i) {
                v = v * 10.0 + f64::from(d - b'0');
                p.i += 1;
                n += 1;
            }
            (v, n)
        };
        let (mut v, n) = digits(self);
        if n == 0 {
            return self.err("expected digits");
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let (f, k) = digits(self);
            if k == 0 {
                return self.err("expected digits");
            }
            v += f / 10f64.powi(k as i32);
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            let sign = match self.b.get(self.i) {
                Some(b'-') => {
                    self.i += 1;
                    -1
                }
                Some(b'+') => {
                    self.i += 1;
                    1
                }
                _ => 1,
            };
            let (e, k) = digits(self);
            if k == 0 {
                return self.err("expected digits");
            }
            v *= 10f64.powi(sign * (e.min(400.0) as i32));
        }
        Ok(Json::Num(if neg { -v } else { v }))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .b
            .get(self.i..self.i + 4)
            .ok_or("truncated \\u escape")?;
        let s = std::str::from_utf8(h).map_err(|_| "bad \\u escape")?;
        let v = u32::from_str_radix(s, 16).map_err(|_| "bad \\u escape")?;
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str, so runs between ASCII delimiters are valid UTF-8.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).map_err(|_| "bad UTF-8")?);
            match self.b.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = *self.b.get(self.i).ok_or("truncated escape")?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.b[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return self.err("bad surrogate pair");
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        }
                        _ => return self.err("bad escape"),
                    }
                }
                Some(_) => return self.err("control character in string"),
                None => return self.err("unterminated string"),
            }
        }
    }
}

/// Append `s` as a JSON string literal (RFC 8259; U+2028 and U+2029
/// escaped too, so the text is also a valid JavaScript string).
pub(crate) fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parse one JSON text.
pub fn parse_json(s: &str) -> Result<Json, String> {
    let mut p = Parser {
        b: s.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return p.err("trailing characters");
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let ok: &[(&str, Json)] = &[
            ("null", Json::Null),
            (" true ", Json::Bool(true)),
            ("-12.5e1", Json::Num(-125.0)),
            ("0", Json::Num(0.0)),
            (
                r#""a\"\\\/\n\u00e9\ud83d\ude00""#,
                Json::Str("a\"\\/\né😀".into()),
            ),
            ("[]", Json::Arr(vec![])),
            ("{}", Json::Obj(vec![])),
            (
                r#"{"k": [1, {"x": null}]}"#,
                Json::Obj(vec![(
                    "k".into(),
                    Json::Arr(vec![
                        Json::Num(1.0),
                        Json::Obj(vec![("x".into(), Json::Null)]),
                    ]),
                )]),
            ),
        ];
        for (s, v) in ok {
            assert_eq!(&parse_json(s).unwrap(), v, "{s}");
        }
        for bad in [
            "",
            "[",
            "{\"a\" 1}",
            "[1,]",
            "\"\\x\"",
            "\"a",
            "tru",
            "1 2",
            "-",
            "1.",
            "\"\u{1}\"",
            "{\"a\":1,}",
            "\"\\u12\"",
        ] {
            assert!(parse_json(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        assert!(parse_json(&deep).is_err());
    }

    #[test]
    fn agrees_with_serde_json_on_exports() {
        crate::frontcode::install_bundled();
        let doc = crate::default_document();
        let text = super::super::web_annotations(&doc, &crate::analyse(&doc), &[]);
        let ours = parse_json(&text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        let n = theirs["first"]["items"].as_array().unwrap().len();
        let items = ours
            .get("first")
            .and_then(|f| f.get("items"))
            .and_then(Json::as_array);
        assert_eq!(items.map(Vec::len), Some(n));
    }
}
