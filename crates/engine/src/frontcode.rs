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

include!(concat!(env!("OUT_DIR"), "/lexicon-names.rs"));

/// A front-coded lexicon written by `build.rs`, as included in the binary.
macro_rules! compiled {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

/// A front-coded lexicon from the bundle the caller installed ([`install`]).
/// The lexicons reach the engine as data at run time, never compiled into
/// its code: the browser fetches them with the engine, the CLI and the
/// tests install [`bundle`].
macro_rules! coded {
    ($name:literal) => {
        $crate::frontcode::installed($name)
    };
}

/// Every lexicon, front-coded, in one text: a line `#<name>` before each
/// (`build.rs` writes it). `claimlens web-data` writes it as the app file
/// `lexicons.txt`; native callers install it with [`install_bundled`]. A
/// browser build that never names it does not carry it (the linker drops it).
pub fn bundle() -> &'static str {
    compiled!("lexicons.txt")
}

static INSTALLED: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
    std::sync::OnceLock::new();

/// Take the lexicons from `bundle` (see [`bundle`]'s format). False when a
/// lexicon is missing from it; once installed, later calls change nothing.
///
/// ```
/// assert!(claimlens_engine::frontcode::install_bundled());
/// assert!(claimlens_engine::frontcode::is_installed());
/// ```
pub fn install(bundle: String) -> bool {
    if INSTALLED.get().is_some() {
        return true;
    }
    // Kept for the life of the process, as compiled-in lexicons would be.
    let bundle: &'static str = Box::leak(bundle.into_boxed_str());
    let mut parts = Vec::new();
    let mut rest = bundle;
    while let Some(after) = rest.strip_prefix('#') {
        let Some((name, body)) = after.split_once('\n') else {
            break;
        };
        let end = body.find("\n#").map_or(body.len(), |i| i + 1);
        parts.push((name, &body[..end]));
        rest = &body[end..];
    }
    if !NAMES.iter().all(|n| parts.iter().any(|(p, _)| p == n)) {
        return false;
    }
    let _ = INSTALLED.set(parts);
    true
}

/// Install the lexicons and the model weights this crate was built with
/// ([`bundle`], [`crate::weights::bundled`]): what a native caller (the CLI,
/// a test, a benchmark) does before analysing. `claimlens_core::frontcode`
/// wraps it to install the comparison's weights too.
pub fn install_bundled() -> bool {
    install(bundle().to_owned()) & crate::weights::install_bundled()
}

/// True once [`install`] has succeeded.
pub fn is_installed() -> bool {
    INSTALLED.get().is_some()
}

/// The installed front-coded lexicon `name`. Callers install the bundle
/// before they run the engine; running it before is a bug (this crate's
/// own unit tests install the built one themselves).
pub(crate) fn installed(name: &str) -> &'static str {
    #[cfg(test)]
    install_bundled();
    INSTALLED
        .get()
        .and_then(|parts| parts.iter().find(|(n, _)| *n == name))
        .map(|(_, t)| *t)
        .expect("lexicons are installed before the engine runs (frontcode::install)")
}
#[allow(unused_imports)]
pub(crate) use {coded, compiled};

/// A lexicon's plain text (`&'static str`), expanded on first use into a
/// static of this call site (so the lexicons built from it can keep
/// `&'static str` slices, and nothing is leaked).
macro_rules! lexicon {
    ($name:literal) => {{
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(|| $crate::frontcode::expand($crate::frontcode::coded!($name)))
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
                include_str!("../../../data/lexicons/first-names.txt"),
            ),
            (
                coded!("countries.tsv"),
                include_str!("../../../data/lexicons/countries.tsv"),
            ),
            (
                coded!("cities.tsv"),
                include_str!("../../../data/lexicons/cities.tsv"),
            ),
            (
                coded!("opinion.txt"),
                include_str!("../../../data/lexicons/opinion.txt"),
            ),
        ] {
            assert_eq!(expand(coded), plain);
        }
        // And once, through the static the lexicons use.
        assert_eq!(
            lexicon!("us-states.txt"),
            include_str!("../../../data/lexicons/us-states.txt")
        );
    }

    #[test]
    fn the_bundle_holds_every_lexicon_once() {
        let b = bundle();
        for name in NAMES {
            assert_eq!(b.matches(&format!("#{name}\n")).count(), 1, "{name}");
        }
        // No lexicon line starts with `#`: the headers are unambiguous.
        assert_eq!(
            b.lines().filter(|l| l.starts_with('#')).count(),
            NAMES.len()
        );
    }

    #[test]
    fn shared_prefixes_count_bytes_and_respect_characters() {
        assert_eq!(expand("0Zoë\n3ëx\n0\n1a\n"), "Zoë\nZoëx\n\na\n");
        // Junk never panics.
        assert_eq!(expand("9abc\nx\n05\n"), "abc\n5\n");
    }
}
