//! [`WordSet`]: the engine's one way to ask "is this word in the list?".

use std::sync::OnceLock;

use crate::hash::FxSet;

/// A fixed set of words, written as one string: each word followed by `|`
/// (`"a|an|the|"`, usually a `concat!` of the words).
///
/// One string rather than a `&[&str]` because a slice costs the browser
/// build a pointer and a length per word; the hash set is built from the
/// string on the first lookup, so a lookup costs one hash, not a scan.
/// Declare a set as a `static` (a `const` would be copied at each use and
/// build its set again): the set is built once per program.
///
/// Lists whose order matters (longest first, prefixes tried in turn,
/// pairs) stay slices.
///
/// ```
/// use claimlens_engine::text::WordSet;
///
/// static ARTICLES: WordSet = WordSet::new(concat!("a|", "an|", "the|"));
/// assert!(ARTICLES.contains("an"));
/// assert!(!ARTICLES.contains("An")); // case-sensitive: lowercase before asking
/// assert!(!ARTICLES.contains(""));
/// assert_eq!(ARTICLES.words().collect::<Vec<_>>(), ["a", "an", "the"]);
/// ```
pub struct WordSet {
    list: &'static str,
    set: OnceLock<FxSet<&'static str>>,
}

impl WordSet {
    /// The set of the words of `list`, each followed by `|`.
    pub const fn new(list: &'static str) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// True when `w` is one of the words (compared byte for byte).
    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.list.split_terminator('|').collect())
            .contains(w)
    }

    /// The words in the order the list gives them.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.list.split_terminator('|')
    }
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.words()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    static SET: WordSet = WordSet::new(concat!("a|", "b c|", "é|", "it's|"));

    #[test]
    fn table() {
        for (w, inside) in [
            ("a", true),
            ("b c", true),
            ("é", true),
            ("it's", true),
            ("A", false),
            ("b", false),
            ("", false),
            ("a|", false),
            ("|", false),
        ] {
            assert_eq!(SET.contains(w), inside, "{w:?}");
        }
        assert_eq!(SET.words().count(), 4);
    }

    #[test]
    fn empty_list_and_last_word_without_bar() {
        static EMPTY: WordSet = WordSet::new("");
        static OPEN: WordSet = WordSet::new("x|y");
        assert!(!EMPTY.contains(""));
        assert!(OPEN.contains("y"));
    }
}
