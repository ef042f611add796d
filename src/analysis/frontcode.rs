//! The front-coded word lists that `build.rs` writes (see there for the
//! format), expanded once at first use into a static.

/// Expands front-coded `lines` back into the plain text, one entry a line.
pub(crate) fn expand(coded: &str) -> String {
    let mut out = String::with_capacity(coded.len() * 2);
    let mut prev_start = 0;
    for line in coded.lines() {
        let Some(d) = line.bytes().next().filter(u8::is_ascii_digit) else {
            continue;
        };
        let shared = usize::from(d - b'0');
        let start = out.len();
        let prev = &out[prev_start..start];
        // A malformed prefix length is clamped to what the previous line has,
        // at a character boundary.
        let mut k = shared.min(prev.len().saturating_sub(1));
        while !prev.is_char_boundary(k) {
            k -= 1;
        }
        let head = prev[..k].to_string();
        out.push_str(&head);
        out.push_str(&line[1..]);
        out.push('\n');
        prev_start = start;
    }
    out
}

/// A front-coded lexicon written by `build.rs`, as included in the binary.
macro_rules! coded {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
#[allow(unused_imports)]
pub(crate) use coded;

/// A lexicon's plain text (`&'static str`), expanded on first use into a
/// static of this call site (so the lexicons built from it can keep
/// `&'static str` slices, and nothing is leaked).
macro_rules! lexicon {
    ($name:literal) => {{
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(|| {
            $crate::analysis::frontcode::expand($crate::analysis::frontcode::coded!($name))
        })
        .as_str()
    }};
}
pub(crate) use lexicon;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_what_build_rs_wrote() {
        for (coded, plain) in [
            (
                coded!("first-names.txt"),
                include_str!("../../data/lexicons/first-names.txt"),
            ),
            (
                coded!("countries.tsv"),
                include_str!("../../data/lexicons/countries.tsv"),
            ),
            (
                coded!("cities.tsv"),
                include_str!("../../data/lexicons/cities.tsv"),
            ),
            (
                coded!("opinion.txt"),
                include_str!("../../data/lexicons/opinion.txt"),
            ),
        ] {
            assert_eq!(expand(coded), plain);
        }
        // And once, through the static the lexicons use.
        assert_eq!(
            lexicon!("us-states.txt"),
            include_str!("../../data/lexicons/us-states.txt")
        );
    }

    #[test]
    fn shared_prefixes_count_bytes_and_respect_characters() {
        assert_eq!(expand("0Zoë\n3ëx\n0\n1a\n"), "Zoë\nZoëx\n\na\n");
        // Junk never panics.
        assert_eq!(expand("9abc\nx\n05\n"), "abc\n5\n");
    }
}
