//! The front-coded word lists that `build.rs` writes (see there for the
//! format), expanded once at first use.

/// Expands front-coded `lines` back into the plain text, one entry a line.
///
/// The result lives for the rest of the program: the lexicons that call this
/// are built once and keep `&'static str` slices of it.
pub(crate) fn expand(coded: &str) -> &'static str {
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
    Box::leak(out.into_boxed_str())
}

/// Includes a front-coded lexicon written by `build.rs`.
macro_rules! lexicon {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
pub(crate) use lexicon;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_what_build_rs_wrote() {
        for (coded, plain) in [
            (
                lexicon!("first-names.txt"),
                include_str!("../../data/lexicons/first-names.txt"),
            ),
            (
                lexicon!("countries.tsv"),
                include_str!("../../data/lexicons/countries.tsv"),
            ),
            (
                lexicon!("cities.tsv"),
                include_str!("../../data/lexicons/cities.tsv"),
            ),
            (
                lexicon!("opinion.txt"),
                include_str!("../../data/lexicons/opinion.txt"),
            ),
        ] {
            assert_eq!(expand(coded), plain);
        }
    }

    #[test]
    fn shared_prefixes_count_bytes_and_respect_characters() {
        assert_eq!(expand("0Zoë\n3ëx\n0\n1a\n"), "Zoë\nZoëx\n\na\n");
        // Junk never panics.
        assert_eq!(expand("9abc\nx\n05\n"), "abc\n5\n");
    }
}
