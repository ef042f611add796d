//! Is this text likely English? The entity and claim engines are tuned for
//! English; other texts are still analysed, with a notice.
//!
//! The check counts the share of very common English function words among
//! the first few thousand words: about 40% in English prose, under 10% in
//! other languages (or 0 in other scripts).
//!
//! ```
//! use claimlens_core::intake::likely_english;
//!
//! assert!(likely_english("The minister said that the talks were over and that he would return to the capital."));
//! assert!(!likely_english("Der Minister sagte, dass die Gespräche beendet seien und er in die Hauptstadt zurückkehre."));
//! ```

use crate::text::WordSet;

/// Common English function words (kept sorted).
static FUNCTION_WORDS: WordSet = WordSet::new(concat!(
    "a|", "about|", "after|", "all|", "also|", "an|", "and|", "any|", "are|", "as|", "at|", "be|",
    "because|", "been|", "but|", "by|", "can|", "could|", "did|", "do|", "does|", "for|", "from|",
    "had|", "has|", "have|", "he|", "her|", "him|", "his|", "how|", "i|", "if|", "in|", "into|",
    "is|", "it|", "its|", "may|", "more|", "most|", "my|", "no|", "not|", "of|", "on|", "one|",
    "only|", "or|", "other|", "our|", "out|", "over|", "said|", "says|", "she|", "should|", "so|",
    "some|", "than|", "that|", "the|", "their|", "them|", "then|", "there|", "these|", "they|",
    "this|", "those|", "to|", "up|", "was|", "we|", "were|", "what|", "when|", "where|", "which|",
    "while|", "who|", "will|", "with|", "would|", "you|", "your|"
));

/// Words looked at, at most.
const SAMPLE: usize = 5000;

/// The share (0–1) of English function words among the first words of the
/// text, and the number of words looked at.
pub fn english_share(text: &str) -> (f32, usize) {
    let mut words = 0usize;
    let mut hits = 0usize;
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut usize, hits: &mut usize| {
        if !word.is_empty() {
            *words += 1;
            if FUNCTION_WORDS.contains(word) {
                *hits += 1;
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "don't" counts as one word that is not in the list.
            if !word.is_empty() {
                word.push('\'');
            }
        } else {
            flush(&mut word, &mut words, &mut hits);
            if words >= SAMPLE {
                break;
            }
        }
    }
    flush(&mut word, &mut words, &mut hits);
    if words == 0 {
        (0.0, 0)
    } else {
        (hits as f32 / words as f32, words)
    }
}

/// Fewer words than this are not judged (too little to tell).
pub const MIN_WORDS: usize = 12;

/// Share of function words under which a text is taken as not English.
pub const THRESHOLD: f32 = 0.15;

/// True unless the text is long enough to judge and looks like another
/// language.
pub fn likely_english(text: &str) -> bool {
    // Mostly letters beyond Latin (Cyrillic, Greek, CJK…): not English,
    // however the words split.
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        letters += 1;
        if (c as u32) < 0x250 {
            latin += 1;
        }
    }
    if letters >= 20 && latin * 2 < letters {
        return false;
    }
    let (share, words) = english_share(text);
    words < MIN_WORDS || share >= THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_is_sorted_without_repeats() {
        let w: Vec<_> = FUNCTION_WORDS.words().collect();
        assert!(w.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn languages() {
        let english = [
            "Officials in the region said on Monday that the bridge would reopen after repairs, \
             but residents were told to expect delays for most of the week.",
            "It is not clear whether the plan, which has been debated for years, will survive \
             a vote in parliament, where the governing coalition has a narrow majority.",
        ];
        let other = [
            "Les responsables de la région ont déclaré lundi que le pont rouvrirait après des \
             réparations, mais les habitants devront s'attendre à des retards.",
            "Los funcionarios de la región dijeron el lunes que el puente reabriría después de \
             las reparaciones, pero se pidió a los residentes que esperaran retrasos.",
            "Официальные лица региона заявили в понедельник, что мост откроется после ремонта, \
             но жителям сказали ожидать задержек большую часть недели.",
            "地区官员周一表示，这座桥将在维修后重新开放，但居民被告知本周大部分时间预计会出现延误。\
             地区官员周一表示，这座桥将在维修后重新开放。",
        ];
        for t in english {
            assert!(likely_english(t), "{t}: {:?}", english_share(t));
        }
        for t in other {
            assert!(!likely_english(t), "{t}: {:?}", english_share(t));
        }
        assert!(likely_english("Bonjour"), "too short to judge");
    }
}
