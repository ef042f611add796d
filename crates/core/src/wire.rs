//! A compact text form of an [`Analysis`], so that a document bundled with
//! claimlens can ship the analysis the same engine made of it at build time
//! (`claimlens web-data`, run by `scripts/build-wasm`): the browser then
//! shows the default article without first downloading the engine and its
//! lexicons, which load when another document is opened.
//!
//! The form names the text it was made from (its length and a hash) and the
//! engine that made it, so an analysis is never applied to another text or
//! taken from another version of the engine: [`decode`] returns `None` for a
//! different text, another format or engine, or any damage, and the caller
//! analyses the text itself instead.
//!
//! Format: `claimlens-analysis 1 <engine id> <text length> <hash>` then one token after
//! another, separated by single spaces: unsigned integers in decimal, floats
//! as the decimal of their bits, strings as `<byte length>:<bytes>`, lists as
//! their length then the items, options as `0` or `1` then the value.
//!
//! ```
//! # claimlens_core::frontcode::install_bundled();
//! use claimlens_core::{analyse, default_document, wire};
//! let doc = default_document();
//! let analysis = analyse(&doc);
//! let form = wire::encode(&doc.text, &analysis);
//! let back = wire::decode(&doc.text, &form).unwrap();
//! assert_eq!(back.mentions, analysis.mentions);
//! assert!(wire::decode("another text", &form).is_none());
//! ```

use super::claims::{Certainty, Claim, ClaimKind, Feature, PerUnit, Reason, Speaker};
use super::entities::{Analysis, Entity, Label, Mention, Op, Relation, RelationKind, Role, Value};
use super::span::Span;
use super::text::Sentence;

/// The format and the engine that made the form (`build.rs` hashes the
/// analysis sources and the lexicons): another version's analysis of the
/// same text is not taken for this one's.
const HEAD: &str = concat!("claimlens-analysis 1 ", env!("CLAIMLENS_ENGINE_ID"));

/// The text form of `analysis`, made from `text`.
pub fn encode(text: &str, analysis: &Analysis) -> String {
    let mut w = String::with_capacity(4096);
    w.push_str(HEAD);
    text.len().put(&mut w);
    hash(text).put(&mut w);
    analysis.sentences.put(&mut w);
    analysis.mentions.put(&mut w);
    analysis.entities.put(&mut w);
    analysis.claims.put(&mut w);
    w
}

/// The analysis `form` holds, if it was made from `text` by this version of
/// the format and is intact (every span inside `text`, every index in range).
pub fn decode(text: &str, form: &str) -> Option<Analysis> {
    let mut r = Reader(form.strip_prefix(HEAD)?);
    if usize::get(&mut r)? != text.len() || u64::get(&mut r)? != hash(text) {
        return None;
    }
    let a = Analysis {
        sentences: Wire::get(&mut r)?,
        mentions: Wire::get(&mut r)?,
        entities: Wire::get(&mut r)?,
        claims: Wire::get(&mut r)?,
    };
    (r.0.is_empty() && fits(text, &a)).then_some(a)
}

/// FNV-1a over the text's bytes.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Every span lies inside `text` on character boundaries and every index
/// names something that exists, so the viewer can slice and index freely.
fn fits(text: &str, a: &Analysis) -> bool {
    let span = |s: &Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    let (nm, ne, ns) = (a.mentions.len(), a.entities.len(), a.sentences.len());
    // Sentences in order, their token ranges too (a token takes a byte at
    // least, so no range ends past the text's length).
    a.sentences
        .iter()
        .all(|s| span(&s.span) && s.first_token <= s.end_token && s.end_token <= text.len())
        && a.sentences
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start && w[0].end_token <= w[1].first_token)
        && a.mentions.iter().all(|m| {
            span(&m.span) && m.entity < ne && m.role.as_ref().is_none_or(|r| span(&r.span))
        })
        && a.entities
            .iter()
            .all(|e| e.mentions.iter().all(|&i| i < nm))
        && a.claims.iter().all(|c| {
            span(&c.span)
                && c.sentence < ns
                && c.cue.as_ref().is_none_or(span)
                && c.speaker.span().as_ref().is_none_or(span)
                && !matches!(c.speaker, Speaker::Entity { entity, .. } if entity >= ne)
                && [&c.hedges, &c.boosters, &c.opinion, &c.negations]
                    .iter()
                    .all(|v| v.iter().all(span))
                && c.mentions.iter().all(|&i| i < nm)
                && c.per_unit.iter().all(|p| p.mention < nm && span(&p.span))
        })
}

/// Reads tokens off the front of the form.
struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    /// The next space-separated token.
    fn token(&mut self) -> Option<&'a str> {
        let rest = self.0.strip_prefix(' ')?;
        let end = rest.find([' ', ':']).unwrap_or(rest.len());
        let (t, tail) = rest.split_at(end);
        self.0 = tail;
        Some(t)
    }

    fn int(&mut self) -> Option<u64> {
        let t = self.token()?;
        // Plain decimal digits only (no sign, no leading `+`).
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }
}

/// A value with a text form.
trait Wire: Sized {
    fn put(&self, w: &mut String);
    fn get(r: &mut Reader) -> Option<Self>;
}

fn put_int(w: &mut String, n: u64) {
    use std::fmt::Write;
    let _ = write!(w, " {n}");
}

impl Wire for u64 {
    fn put(&self, w: &mut String) {
        put_int(w, *self);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.int()
    }
}

impl Wire for usize {
    fn put(&self, w: &mut String) {
        put_int(w, *self as u64);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        usize::try_from(r.int()?).ok()
    }
}

impl Wire for bool {
    fn put(&self, w: &mut String) {
        put_int(w, u64::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.int()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f32 {
    fn put(&self, w: &mut String) {
        put_int(w, u64::from(self.to_bits()));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(f32::from_bits(u32::try_from(r.int()?).ok()?))
    }
}

impl Wire for f64 {
    fn put(&self, w: &mut String) {
        put_int(w, self.to_bits());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(f64::from_bits(r.int()?))
    }
}

impl Wire for String {
    fn put(&self, w: &mut String) {
        put_int(w, self.len() as u64);
        w.push(':');
        w.push_str(self);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = usize::get(r)?;
        let rest = r.0.strip_prefix(':')?;
        let s = rest.get(..n)?;
        r.0 = &rest[n..];
        Some(s.to_string())
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut String) {
        self.len().put(w);
        for x in self {
            x.put(w);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = usize::get(r)?;
        // Each item takes at least two bytes of the form, and the vector
        // grows past 1024 as items come: a damaged length cannot make a
        // huge allocation.
        let mut v = Vec::with_capacity(n.min(r.0.len() / 2).min(1024));
        for _ in 0..n {
            v.push(T::get(r)?);
        }
        Some(v)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut String) {
        self.is_some().put(w);
        if let Some(x) = self {
            x.put(w);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(if bool::get(r)? {
            Some(T::get(r)?)
        } else {
            None
        })
    }
}

/// A struct as its fields in order (all of them: a field added to the
/// struct and not here does not compile).
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, w: &mut String) {
                let $t { $($f),* } = self;
                $($f.put(w);)*
            }
            fn get(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: Wire::get(r)?),* })
            }
        }
    };
}

/// A fieldless enum as the position of its variant in this list (or in
/// the enum's own list of all its variants).
macro_rules! wire_enum {
    ($t:ident = $all:expr) => {
        impl Wire for $t {
            fn put(&self, w: &mut String) {
                put_int(w, $all.iter().position(|x| x == self).unwrap_or(0) as u64);
            }
            fn get(r: &mut Reader) -> Option<Self> {
                $all.get(usize::get(r)?).copied()
            }
        }
    };
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, w: &mut String) {
                const ALL: &[$t] = &[$($t::$v),*];
                // Exhaustive: a variant added to the enum and not here does not compile.
                match self { $($t::$v => ()),* }
                put_int(w, ALL.iter().position(|x| x == self).unwrap_or(0) as u64);
            }
            fn get(r: &mut Reader) -> Option<Self> {
                const ALL: &[$t] = &[$($t::$v),*];
                ALL.get(usize::get(r)?).copied()
            }
        }
    };
}

wire_struct!(Span { start, end });
wire_struct!(Sentence {
    span,
    first_token,
    end_token
});
wire_struct!(Role {
    title,
    span,
    affiliation
});
wire_struct!(Mention {
    span,
    label,
    entity,
    role,
    value
});
wire_struct!(Relation { kind, name, entity });
wire_struct!(Entity {
    id,
    label,
    name,
    aliases,
    mentions,
    related
});
wire_struct!(Reason { feature, weight });
wire_struct!(PerUnit { mention, span });
wire_struct!(Claim {
    span,
    sentence,
    score,
    checkworthy,
    reasons,
    kind,
    kinds,
    speaker,
    cue,
    hedges,
    boosters,
    opinion,
    certainty,
    negated,
    negations,
    mentions,
    per_unit,
});
wire_enum!(Label = Label::ALL);

/// A comparison as its variant's position, a range then its low end.
impl Wire for Op {
    fn put(&self, w: &mut String) {
        let k = match self {
            Op::Eq => 0,
            Op::Gt => 1,
            Op::Ge => 2,
            Op::Lt => 3,
            Op::Le => 4,
            Op::Approx => 5,
            Op::Between(low) => {
                put_int(w, 6);
                low.put(w);
                return;
            }
        };
        put_int(w, k);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.int()? {
            0 => Op::Eq,
            1 => Op::Gt,
            2 => Op::Ge,
            3 => Op::Lt,
            4 => Op::Le,
            5 => Op::Approx,
            6 => Op::Between(Wire::get(r)?),
            _ => return None,
        })
    }
}
wire_enum!(RelationKind {
    DemonymOf,
    CapitalOf,
    LocatedIn
});
wire_enum!(Certainty {
    Asserted,
    Hedged,
    AttributedOnly
});
wire_enum!(ClaimKind = ClaimKind::ALL);
wire_enum!(Feature {
    Quantity,
    Duration,
    Date,
    Person,
    Organisation,
    Place,
    ManyEntities,
    NamedSource,
    UnnamedSource,
    Causal,
    Comparison,
    Prediction,
    Opinion,
    FirstPerson,
    Short,
});

impl Wire for Value {
    fn put(&self, w: &mut String) {
        match self {
            Value::Number { op, value, unit } => {
                put_int(w, 0);
                op.put(w);
                value.put(w);
                unit.put(w);
            }
            Value::Percent { op, value } => {
                put_int(w, 1);
                op.put(w);
                value.put(w);
            }
            Value::Money {
                op,
                amount,
                currency,
            } => {
                put_int(w, 2);
                op.put(w);
                amount.put(w);
                currency.put(w);
            }
            Value::Date { iso } => {
                put_int(w, 3);
                iso.put(w);
            }
            Value::Duration { op, amount, unit } => {
                put_int(w, 4);
                op.put(w);
                amount.put(w);
                unit.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.int()? {
            0 => Value::Number {
                op: Wire::get(r)?,
                value: Wire::get(r)?,
                unit: Wire::get(r)?,
            },
            1 => Value::Percent {
                op: Wire::get(r)?,
                value: Wire::get(r)?,
            },
            2 => Value::Money {
                op: Wire::get(r)?,
                amount: Wire::get(r)?,
                currency: Wire::get(r)?,
            },
            3 => Value::Date { iso: Wire::get(r)? },
            4 => Value::Duration {
                op: Wire::get(r)?,
                amount: Wire::get(r)?,
                unit: Wire::get(r)?,
            },
            _ => return None,
        })
    }
}

impl Wire for Speaker {
    fn put(&self, w: &mut String) {
        match self {
            Speaker::Entity {
                entity,
                id,
                name,
                span,
            } => {
                put_int(w, 0);
                entity.put(w);
                id.put(w);
                name.put(w);
                span.put(w);
            }
            Speaker::Author => put_int(w, 1),
            Speaker::Unnamed { span } => {
                put_int(w, 2);
                span.put(w);
            }
            Speaker::Unknown => put_int(w, 3),
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.int()? {
            0 => Speaker::Entity {
                entity: Wire::get(r)?,
                id: Wire::get(r)?,
                name: Wire::get(r)?,
                span: Wire::get(r)?,
            },
            1 => Speaker::Author,
            2 => Speaker::Unnamed {
                span: Wire::get(r)?,
            },
            3 => Speaker::Unknown,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, default_document, Document};

    fn texts() -> Vec<Document> {
        vec![
            default_document(),
            Document::from_plain_text(
                "t",
                "T",
                "Dr. Anna Müller, the WHO’s chief scientist, said on 3 March 2024 that cases rose 12% to 4,500 in São Paulo, costing $2.5 million. “We may see more,” she warned. Critics say it is probably wrong.",
            ),
            Document::from_plain_text("e", "E", ""),
        ]
    }

    #[test]
    fn round_trips_every_field() {
        crate::frontcode::install_bundled();
        for doc in texts() {
            let a = analyse(&doc);
            let form = encode(&doc.text, &a);
            let b = decode(&doc.text, &form).expect("decodes");
            assert_eq!(b.sentences, a.sentences);
            assert_eq!(b.mentions, a.mentions);
            assert_eq!(b.entities, a.entities);
            assert_eq!(b.claims, a.claims);
            // And the form is stable.
            assert_eq!(encode(&doc.text, &b), form);
        }
    }

    #[test]
    fn another_text_or_damage_is_none_never_a_panic() {
        crate::frontcode::install_bundled();
        let doc = default_document();
        let form = encode(&doc.text, &analyse(&doc));
        let mut other = doc.text.clone();
        other.push(' ');
        assert!(decode(&other, &form).is_none());
        assert!(decode(&doc.text, "").is_none());
        assert!(decode(&doc.text, &form.replacen(" 1 ", " 2 ", 1)).is_none());
        // Another version of the engine made it.
        let other = form.replacen(env!("CLAIMLENS_ENGINE_ID"), "0123456789abcdef", 1);
        assert!(decode(&doc.text, &other).is_none());
        // Every cut and a damaged byte at many places.
        for cut in (0..form.len())
            .step_by(7)
            .filter(|&i| form.is_char_boundary(i))
        {
            assert!(decode(&doc.text, &form[..cut]).is_none());
            // A character left out: never a panic (a digit left out of a
            // number may still read as a valid analysis, checked by `fits`).
            if let Some(c) = form[cut..].chars().next() {
                let mut s = form.clone();
                s.replace_range(cut..cut + c.len_utf8(), "");
                let _ = decode(&doc.text, &s);
            }
            let damaged = format!("{}9{}", &form[..cut], &form[cut..]);
            if let Some(a) = decode(&doc.text, &damaged) {
                assert!(fits(&doc.text, &a));
            }
        }
        assert!(decode(&doc.text, &format!("{form} 1")).is_none());
    }

    #[test]
    fn spans_outside_the_text_are_refused() {
        crate::frontcode::install_bundled();
        let doc = Document::from_plain_text("t", "T", "Kyiv and Moscow.");
        let mut a = analyse(&doc);
        assert!(!a.mentions.is_empty());
        a.mentions[0].span = Span::new(0, 400);
        assert!(decode(&doc.text, &encode(&doc.text, &a)).is_none());
    }
}
