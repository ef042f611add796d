//! Writing a [`Json`] value: compact or pretty, in exactly the layout of
//! `serde_json::to_string` / `to_string_pretty` (two-space indent, `": "`
//! after keys, `[]` and `{}` when empty, integers as integers and other
//! numbers in their shortest round-trip form with `.0` on whole values), so
//! the CLI's reports read as they always have; strings go through
//! [`json_str`], the one string writer (which, unlike serde_json, also
//! escapes U+2028 and U+2029, and writes `\u0008` and `\u000c` rather than
//! `\b` and `\f`). Any `serde::Serialize` value becomes a [`Json`] with
//! [`Json::from_serialize`] (struct fields in their order, as serde_json
//! writes them).
//!
//! ```
//! use claimlens_core::share::Json;
//!
//! let v = Json::object([("n", Json::from(2usize)), ("x", Json::from(0.5)), ("s", Json::from("é\n"))]);
//! assert_eq!(v.to_compact(), r#"{"n":2,"x":0.5,"s":"é\n"}"#);
//! assert_eq!(Json::from(vec![1.0]).to_pretty(), "[\n  1.0\n]");
//! assert_eq!(Json::Arr(vec![]).to_pretty(), "[]");
//! ```

use serde::ser::{self, Serialize};

use super::json::{json_str, Json};

impl Json {
    /// An object with `members` in the order given.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// On one line, as `serde_json::to_string` writes it.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Indented by two spaces, as `serde_json::to_string_pretty` writes it.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Append this value to `out`; `indent` is the current depth when
    /// pretty-printing, `None` for one line.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Num(x) => write_number(*x, out),
            Json::Str(s) => json_str(s, out),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(members) if members.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(d) = indent {
                        newline(out, d + 1);
                    }
                    v.write(out, indent.map(|d| d + 1));
                }
                if let Some(d) = indent {
                    newline(out, d);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(d) = indent {
                        newline(out, d + 1);
                    }
                    json_str(k, out);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    v.write(out, indent.map(|d| d + 1));
                }
                if let Some(d) = indent {
                    newline(out, d);
                }
                out.push('}');
            }
        }
    }

    /// Any serializable value as JSON, the way serde_json's serializer
    /// writes it: struct fields in order, enums as their tags, `None` and
    /// unit as `null`, maps with string or integer keys (integers written
    /// as strings). Numbers beyond `i64` are written as floats; non-finite
    /// floats as `null`. A value serde cannot write as JSON (a map key that
    /// is neither a string nor an integer, or the value's own error) becomes
    /// a string naming the error, `"<…>"`: the derived types of this crate
    /// never do that.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Json {
        value
            .serialize(ToJson)
            .unwrap_or_else(|e| Json::Str(format!("<{}>", e.0)))
    }
}

/// A float in its shortest round-trip digits, laid out as serde_json (ryu)
/// lays it out: `0.0`, `12.5`, `1e-7`, `1.5e+300`; `null` if not finite.
fn write_number(x: f64, out: &mut String) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    if x == 0.0 {
        out.push_str(if x.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    // `{:e}` gives the shortest digits that read back as `x`: "d.ddde±x".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').expect("{:e} has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let n = digits.len() as i32;
    // x = 0.digits × 10^kk
    let kk = exp.parse::<i32>().expect("exponent") + 1;
    let k = kk - n;
    if x < 0.0 {
        out.push('-');
    }
    if (0..).contains(&k) && kk <= 16 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', k as usize));
        out.push_str(".0");
    } else if 0 < kk && kk <= 16 {
        out.push_str(&digits[..kk as usize]);
        out.push('.');
        out.push_str(&digits[kk as usize..]);
    } else if -5 < kk && kk <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-kk) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        if kk > 0 {
            out.push('+');
        }
        out.push_str(&(kk - 1).to_string());
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<f64> for Json {
    fn from(x: f64) -> Json {
        Json::Num(x)
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Json {
            fn from(n: $t) -> Json {
                i64::try_from(n).map_or(Json::Num(n as f64), Json::Int)
            }
        }
    )*};
}
from_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<&String> for Json {
    fn from(s: &String) -> Json {
        Json::Str(s.clone())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(v: Vec<T>) -> Json {
        Json::Arr(v.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Json>> FromIterator<T> for Json {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Json {
        Json::Arr(iter.into_iter().map(Into::into).collect())
    }
}

/// Why a value could not be made JSON (a map key that is not a string or
/// a number, or the value's own error).
#[derive(Debug)]
struct ToJsonError(String);

impl std::fmt::Display for ToJsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ToJsonError {}

impl ser::Error for ToJsonError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        ToJsonError(msg.to_string())
    }
}

/// The serializer behind [`Json::from_serialize`].
struct ToJson;

/// An array or object being built; `variant` wraps it as `{variant: …}`.
struct Building {
    items: Vec<Json>,
    members: Vec<(String, Json)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Building {
    fn new(variant: Option<&'static str>) -> Self {
        Building {
            items: Vec::new(),
            members: Vec::new(),
            key: None,
            variant,
        }
    }

    fn wrap(variant: Option<&'static str>, v: Json) -> Json {
        match variant {
            Some(name) => Json::Obj(vec![(name.to_string(), v)]),
            None => v,
        }
    }

    fn array(self) -> Json {
        Building::wrap(self.variant, Json::Arr(self.items))
    }

    fn object(self) -> Json {
        Building::wrap(self.variant, Json::Obj(self.members))
    }
}

type R = Result<Json, ToJsonError>;

impl ser::Serializer for ToJson {
    type Ok = Json;
    type Error = ToJsonError;
    type SerializeSeq = Building;
    type SerializeTuple = Building;
    type SerializeTupleStruct = Building;
    type SerializeTupleVariant = Building;
    type SerializeMap = Building;
    type SerializeStruct = Building;
    type SerializeStructVariant = Building;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Json::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        Ok(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        Ok(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        Ok(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        Ok(v.into())
    }
    fn serialize_u8(self, v: u8) -> R {
        Ok(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        Ok(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        Ok(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        Ok(v.into())
    }
    fn serialize_f32(self, v: f32) -> R {
        // serde_json writes an f32 in the f32's own shortest digits ("0.1",
        // not "0.10000000149011612"): the f64 with those digits prints so
        // (laid out as an f64, which differs only from 1e-6 to 1e-5 and from
        // 1e13 to 1e16).
        Ok(if v.is_finite() {
            Json::Num(v.to_string().parse().unwrap_or(f64::from(v)))
        } else {
            Json::Null
        })
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(if v.is_finite() {
            Json::Num(v)
        } else {
            Json::Null
        })
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Json::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(v.into())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(v.iter().copied().collect())
    }
    fn serialize_none(self) -> R {
        Ok(Json::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Json::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R {
        Ok(Json::Null)
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> R {
        Ok(variant.into())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        Ok(Building::wrap(Some(variant), value.serialize(self)?))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Building, ToJsonError> {
        Ok(Building::new(None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Building, ToJsonError> {
        Ok(Building::new(None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Building, ToJsonError> {
        Ok(Building::new(None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Building, ToJsonError> {
        Ok(Building::new(Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Building, ToJsonError> {
        Ok(Building::new(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Building, ToJsonError> {
        Ok(Building::new(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Building, ToJsonError> {
        Ok(Building::new(Some(variant)))
    }
}

impl ser::SerializeSeq for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ToJsonError> {
        self.items.push(value.serialize(ToJson)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.array())
    }
}

impl ser::SerializeTuple for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ToJsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Ok(self.array())
    }
}

impl ser::SerializeTupleStruct for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ToJsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Ok(self.array())
    }
}

impl ser::SerializeTupleVariant for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ToJsonError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Ok(self.array())
    }
}

impl ser::SerializeMap for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ToJsonError> {
        self.key = Some(match key.serialize(ToJson)? {
            Json::Str(s) => s,
            Json::Int(n) => n.to_string(),
            _ => {
                return Err(ToJsonError(
                    "a map key must be a string or an integer".into(),
                ))
            }
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ToJsonError> {
        let key = self.key.take().unwrap_or_default();
        self.members.push((key, value.serialize(ToJson)?));
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.object())
    }
}

impl ser::SerializeStruct for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ToJsonError> {
        self.members
            .push((key.to_string(), value.serialize(ToJson)?));
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.object())
    }
}

impl ser::SerializeStructVariant for Building {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ToJsonError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> R {
        Ok(self.object())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout of numbers, as serde_json writes them.
    #[test]
    fn numbers_as_serde_json_writes_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            0.25,
            0.1,
            0.3,
            12.5,
            100.0,
            1234.5678,
            1e15,
            1e16,
            1e17,
            1.5e17,
            1e-4,
            1e-5,
            1e-6,
            1.25e-7,
            123456789.125,
            1e300,
            -2.5e-300,
            0.07,
            0.95,
        ] {
            assert_eq!(
                Json::Num(x).to_compact(),
                serde_json::to_string(&x).unwrap(),
                "{x:e}"
            );
        }
        // (An f32 from 1e-6 to 1e-5 or from 1e13 to 1e16 is laid out as an
        // f64 would be: serde_json writes such an f32 in full, "0.000007".)
        for x in [0.1f32, 0.95, 1.0, 0.333, 7.0e-5, 12.34, 0.049999982, 1e12] {
            assert_eq!(
                Json::from_serialize(&x).to_compact(),
                serde_json::to_string(&x).unwrap(),
                "{x:e}"
            );
        }
        for n in [0i64, -1, 42, i64::MAX, i64::MIN] {
            assert_eq!(
                Json::from(n).to_compact(),
                serde_json::to_string(&n).unwrap()
            );
        }
        assert_eq!(Json::Num(f64::NAN).to_compact(), "null");
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, bool),
        Named { a: Option<u8>, b: Vec<u8> },
    }

    #[derive(serde::Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        One { x: f32 },
    }

    #[derive(serde::Serialize)]
    struct Sample {
        name: &'static str,
        empty: Vec<u8>,
        kinds: Vec<Kind>,
        tagged: Tagged,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        map: std::collections::BTreeMap<u32, &'static str>,
        nested: Vec<Vec<u8>>,
        unit: (),
        text: &'static str,
    }

    /// Whole values, compact and pretty, byte for byte as serde_json.
    #[test]
    fn values_as_serde_json_writes_them() {
        let v = Sample {
            name: "a \"b\" \\ c\td\r\u{1}é😀/",
            empty: vec![],
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(3),
                Kind::Pair(1, true),
                Kind::Named {
                    a: None,
                    b: vec![1, 2],
                },
            ],
            tagged: Tagged::One { x: 0.1 },
            skipped: None,
            map: [(1, "one"), (20, "twenty")].into_iter().collect(),
            nested: vec![vec![], vec![0]],
            unit: (),
            text: "",
        };
        let ours = Json::from_serialize(&v);
        assert_eq!(ours.to_pretty(), serde_json::to_string_pretty(&v).unwrap());
        assert_eq!(ours.to_compact(), serde_json::to_string(&v).unwrap());
        let value = serde_json::to_value(&v).unwrap();
        assert_eq!(
            Json::from_serialize(&value).to_pretty(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    /// What is written reads back as the same value.
    #[test]
    fn written_json_reads_back() {
        let v = Json::object([
            ("a", Json::from(vec![Json::Null, true.into(), 1.5.into()])),
            ("b", Json::object::<&str>([])),
            ("c", "x\u{2028}y".into()),
        ]);
        for s in [v.to_compact(), v.to_pretty()] {
            assert_eq!(super::super::parse_json(&s).unwrap(), v);
        }
    }
}
