//! Penn Treebank part-of-speech tags (as in UD English EWT/GUM XPOS) and
//! Universal POS tags.

macro_rules! tags {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:expr,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $v,)* }
        impl $name {
            /// Every tag, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
            /// The tag as written in the treebank (`"NN"`, `"-LRB-"`, `"NOUN"`).
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $s,)* } }
            /// Parse a treebank tag string.
            pub fn parse(s: &str) -> Option<$name> { match s { $($s => Some($name::$v),)* _ => None } }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

tags! {
    /// A Penn Treebank tag, with the extra tags of UD English (`HYPH`, `NFP`, `ADD`…).
    Pos {
        /// Coordinating conjunction (`and`).
        CC = "CC",
        /// Cardinal number (`3`, `three`).
        CD = "CD",
        /// Determiner (`the`).
        DT = "DT",
        /// Existential `there`.
        EX = "EX",
        /// Foreign word.
        FW = "FW",
        /// Preposition or subordinating conjunction (`of`, `because`).
        IN = "IN",
        /// Adjective.
        JJ = "JJ",
        /// Comparative adjective.
        JJR = "JJR",
        /// Superlative adjective.
        JJS = "JJS",
        /// List item marker.
        LS = "LS",
        /// Modal (`can`, `would`, `might`).
        MD = "MD",
        /// Singular or mass noun.
        NN = "NN",
        /// Plural noun.
        NNS = "NNS",
        /// Singular proper noun.
        NNP = "NNP",
        /// Plural proper noun.
        NNPS = "NNPS",
        /// Predeterminer (`all the`).
        PDT = "PDT",
        /// Possessive ending (`'s`).
        POS = "POS",
        /// Personal pronoun.
        PRP = "PRP",
        /// Possessive pronoun (`his`).
        PRPS = "PRP$",
        /// Adverb.
        RB = "RB",
        /// Comparative adverb.
        RBR = "RBR",
        /// Superlative adverb.
        RBS = "RBS",
        /// Particle (`up` in `give up`).
        RP = "RP",
        /// Symbol.
        SYM = "SYM",
        /// `to`.
        TO = "TO",
        /// Interjection.
        UH = "UH",
        /// Verb, base form.
        VB = "VB",
        /// Verb, past tense.
        VBD = "VBD",
        /// Verb, gerund or present participle.
        VBG = "VBG",
        /// Verb, past participle.
        VBN = "VBN",
        /// Verb, non-3rd-person singular present.
        VBP = "VBP",
        /// Verb, 3rd-person singular present.
        VBZ = "VBZ",
        /// Wh-determiner (`which`).
        WDT = "WDT",
        /// Wh-pronoun (`who`).
        WP = "WP",
        /// Possessive wh-pronoun (`whose`).
        WPS = "WP$",
        /// Wh-adverb (`when`).
        WRB = "WRB",
        /// Sentence-final punctuation.
        Period = ".",
        /// Comma.
        Comma = ",",
        /// Colon, semicolon, dash, ellipsis.
        Colon = ":",
        /// Opening quote.
        OpenQuote = "``",
        /// Closing quote.
        CloseQuote = "''",
        /// Opening bracket.
        LRB = "-LRB-",
        /// Closing bracket.
        RRB = "-RRB-",
        /// Dollar and other currency signs.
        Dollar = "$",
        /// Pound sign `#`.
        Hash = "#",
        /// Hyphen inside a split word (`long - term`).
        HYPH = "HYPH",
        /// Superfluous punctuation, emoticons.
        NFP = "NFP",
        /// Address (URL, e-mail).
        ADD = "ADD",
        /// Affix written apart (`pre`).
        AFX = "AFX",
        /// Goes-with fragment of a split word.
        GW = "GW",
        /// Unknown.
        XX = "XX",
    }
}

tags! {
    /// A Universal Dependencies part-of-speech tag.
    Upos {
        /// Adjective.
        ADJ = "ADJ",
        /// Adposition.
        ADP = "ADP",
        /// Adverb.
        ADV = "ADV",
        /// Auxiliary (including copula `be` and modals).
        AUX = "AUX",
        /// Coordinating conjunction.
        CCONJ = "CCONJ",
        /// Determiner.
        DET = "DET",
        /// Interjection.
        INTJ = "INTJ",
        /// Noun.
        NOUN = "NOUN",
        /// Numeral.
        NUM = "NUM",
        /// Particle.
        PART = "PART",
        /// Pronoun.
        PRON = "PRON",
        /// Proper noun.
        PROPN = "PROPN",
        /// Punctuation.
        PUNCT = "PUNCT",
        /// Subordinating conjunction.
        SCONJ = "SCONJ",
        /// Symbol.
        SYM = "SYM",
        /// Verb.
        VERB = "VERB",
        /// Other.
        X = "X",
    }
}

impl Pos {
    /// Any verb form (`VB*`), not modals.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::VB | Pos::VBD | Pos::VBG | Pos::VBN | Pos::VBP | Pos::VBZ
        )
    }
    /// A finite verb form (`VBD`, `VBP`, `VBZ`) or a modal.
    pub fn is_finite(self) -> bool {
        matches!(self, Pos::VBD | Pos::VBP | Pos::VBZ | Pos::MD)
    }
    /// Past tense (`VBD`).
    pub fn is_past(self) -> bool {
        self == Pos::VBD
    }
    /// Present tense (`VBP`, `VBZ`).
    pub fn is_present(self) -> bool {
        matches!(self, Pos::VBP | Pos::VBZ)
    }
    /// A modal (`MD`: can, could, may, might, must, shall, should, will, would).
    pub fn is_modal(self) -> bool {
        self == Pos::MD
    }
    /// Common or proper noun (`NN*`).
    pub fn is_noun(self) -> bool {
        matches!(self, Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS)
    }
    /// Proper noun (`NNP`, `NNPS`).
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Pos::NNP | Pos::NNPS)
    }
    /// Adjective (`JJ*`).
    pub fn is_adjective(self) -> bool {
        matches!(self, Pos::JJ | Pos::JJR | Pos::JJS)
    }
    /// Adverb (`RB*`, `WRB`).
    pub fn is_adverb(self) -> bool {
        matches!(self, Pos::RB | Pos::RBR | Pos::RBS | Pos::WRB)
    }
    /// Personal or wh- pronoun (`PRP`, `WP`, `EX`), not possessives.
    pub fn is_pronoun(self) -> bool {
        matches!(self, Pos::PRP | Pos::WP | Pos::EX)
    }
    /// Punctuation tags (`.`, `,`, `:`, quotes, brackets, `HYPH`, `NFP`).
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Pos::Period
                | Pos::Comma
                | Pos::Colon
                | Pos::OpenQuote
                | Pos::CloseQuote
                | Pos::LRB
                | Pos::RRB
                | Pos::HYPH
                | Pos::NFP
        )
    }
    /// The usual Universal POS tag of this tag, by a fixed map. The tagger's
    /// [`Tagger::tag_upos`](super::tagger::Tagger::tag_upos) predicts UPOS in context, which is better
    /// for `AUX`/`VERB`, `SCONJ`/`ADP` and `DET`/`PRON`.
    pub fn upos(self) -> Upos {
        use Pos::*;
        match self {
            CC => Upos::CCONJ,
            CD | LS => Upos::NUM,
            DT | PDT => Upos::DET,
            EX | PRP | PRPS | WP | WPS | WDT => Upos::PRON,
            FW | GW | XX | AFX => Upos::X,
            IN => Upos::ADP,
            JJ | JJR | JJS => Upos::ADJ,
            MD => Upos::AUX,
            NN | NNS => Upos::NOUN,
            NNP | NNPS | ADD => Upos::PROPN,
            POS | TO => Upos::PART,
            RB | RBR | RBS | WRB => Upos::ADV,
            RP => Upos::ADP,
            SYM | Dollar | Hash => Upos::SYM,
            UH => Upos::INTJ,
            VB | VBD | VBG | VBN | VBP | VBZ => Upos::VERB,
            Period | Comma | Colon | OpenQuote | CloseQuote | LRB | RRB | HYPH | NFP => Upos::PUNCT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_round_trips() {
        for &p in Pos::ALL {
            assert_eq!(Pos::parse(p.as_str()), Some(p));
        }
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        assert_eq!(Pos::parse("nope"), None);
    }

    #[test]
    fn helpers() {
        let cases: &[(Pos, bool, bool, bool, Upos)] = &[
            // tag, is_verb, is_noun, is_modal, upos
            (Pos::VBD, true, false, false, Upos::VERB),
            (Pos::MD, false, false, true, Upos::AUX),
            (Pos::NNP, false, true, false, Upos::PROPN),
            (Pos::PRPS, false, false, false, Upos::PRON),
            (Pos::HYPH, false, false, false, Upos::PUNCT),
        ];
        for &(p, v, n, m, u) in cases {
            assert_eq!(
                (p.is_verb(), p.is_noun(), p.is_modal(), p.upos()),
                (v, n, m, u),
                "{p}"
            );
        }
    }
}
