//! Gazetteers: generated lists from `data/lexicons/` plus small closed-class
//! word lists, compiled once into a phrase table.
//!
//! The generated files come from openly licensed packages (see
//! `data/README.md`); the hand-written lists below are general English
//! vocabulary (titles, religious and political groups, institution words),
//! never words picked from a particular article.

use super::fasthash::{FxMap, FxSet};
use std::sync::OnceLock;

use crate::text::tokenize;

use crate::frontcode::lexicon;

/// Geographic and political regions that are not in the generated subregion list.
const EXTRA_REGIONS: &str = concat!(
    "Middle East|",
    "Near East|",
    "Far East|",
    "Balkans|",
    "Caucasus|",
    "South Caucasus|",
    "North Caucasus|",
    "Scandinavia|",
    "Baltics|",
    "Latin America|",
    "Sub-Saharan Africa|",
    "Arctic|",
    "Antarctic|",
    "Sahel|",
    "Horn of Africa|",
    "Indo-Pacific|",
    "Asia-Pacific|",
    "Mediterranean|",
    "Levant|",
    "Maghreb|",
    "Siberia|",
    "Central Asia|",
    "Southeast Asia|",
    "East Asia|",
    "South Asia|",
    "West Africa|",
    "East Africa|",
    "North Africa|",
    "Southern Africa|",
    "Gulf|",
    "Pacific|",
    "Atlantic|",
    "Kashmir|",
    "Tibet|",
    "Kurdistan|",
    "Patagonia|",
    "Balkan Peninsula|",
    "Iberia|",
    "Anatolia|",
    "Arabian Peninsula|",
    "Korean Peninsula|",
    "Global South|",
    "Americas|",
);

/// Parts of countries that read as places on their own.
const EXTRA_GPE: &str = concat!(
    "Soviet Union|",
    "Nazi Germany|",
    "USSR|",
    "Yugoslavia|",
    "Czechoslovakia|",
    "East Germany|",
    "West Germany|",
    "Prussia|",
    "Austria-Hungary|",
    "England|",
    "Scotland|",
    "Wales|",
    "Northern Ireland|",
    "Britain|",
    "Gaza|",
    "West Bank|",
    "Crimea|",
    "Donbas|",
    "Donbass|",
    "Hong Kong|",
    "Macau|",
    "Taiwan|",
    "Washington, D.C.|",
    "D.C.|",
);

/// US state abbreviations used in datelines (AP style), with their states.
const US_STATE_ABBREVS: &[(&str, &str)] = &[
    ("Ala.", "Alabama"),
    ("Ariz.", "Arizona"),
    ("Ark.", "Arkansas"),
    ("Calif.", "California"),
    ("Colo.", "Colorado"),
    ("Conn.", "Connecticut"),
    ("Del.", "Delaware"),
    ("Fla.", "Florida"),
    ("Ga.", "Georgia"),
    ("Ill.", "Illinois"),
    ("Ind.", "Indiana"),
    ("Kan.", "Kansas"),
    ("Ky.", "Kentucky"),
    ("La.", "Louisiana"),
    ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"),
    ("Mo.", "Missouri"),
    ("Mont.", "Montana"),
    ("Neb.", "Nebraska"),
    ("Nev.", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("Okla.", "Oklahoma"),
    ("Ore.", "Oregon"),
    ("Pa.", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
    ("Tenn.", "Tennessee"),
    ("Tex.", "Texas"),
    ("Va.", "Virginia"),
    ("Vt.", "Vermont"),
    ("Wash.", "Washington"),
    ("Wis.", "Wisconsin"),
    ("W.Va.", "West Virginia"),
    ("Wyo.", "Wyoming"),
];

/// Nationality-like, religious and political groups (singular, plural).
pub(crate) const NORP_GROUPS: &[(&str, &str)] = &[
    ("Muslim", "Muslims"),
    ("Christian", "Christians"),
    ("Jewish", ""),
    ("Jew", "Jews"),
    ("Catholic", "Catholics"),
    ("Protestant", "Protestants"),
    ("Orthodox", ""),
    ("Sunni", "Sunnis"),
    ("Shia", "Shias"),
    ("Shiite", "Shiites"),
    ("Hindu", "Hindus"),
    ("Buddhist", "Buddhists"),
    ("Sikh", "Sikhs"),
    ("Islamic", ""),
    ("Islamist", "Islamists"),
    ("Evangelical", "Evangelicals"),
    ("Mormon", "Mormons"),
    ("Arab", "Arabs"),
    ("Kurd", "Kurds"),
    ("Kurdish", ""),
    ("Tamil", "Tamils"),
    ("Pashtun", "Pashtuns"),
    ("Uyghur", "Uyghurs"),
    ("Uighur", "Uighurs"),
    ("Rohingya", ""),
    ("Hispanic", "Hispanics"),
    ("Latino", "Latinos"),
    ("Basque", "Basques"),
    ("Catalan", "Catalans"),
    ("Tatar", "Tatars"),
    ("Slav", "Slavs"),
    ("Slavic", ""),
    ("Nordic", ""),
    ("Scandinavian", "Scandinavians"),
    ("Baltic", ""),
    ("Persian", "Persians"),
    ("Republican", "Republicans"),
    ("Democrat", "Democrats"),
    ("Socialist", "Socialists"),
    ("Communist", "Communists"),
    ("Marxist", "Marxists"),
    ("Nazi", "Nazis"),
    ("Fascist", "Fascists"),
    ("Zionist", "Zionists"),
    ("Bolshevik", "Bolsheviks"),
    ("Maoist", "Maoists"),
    ("Jihadist", "Jihadists"),
    ("Tory", "Tories"),
    ("Labourite", "Labourites"),
    ("Western", "Westerners"),
    ("European", "Europeans"),
    ("African", "Africans"),
    ("Asian", "Asians"),
    ("Latin American", "Latin Americans"),
    ("North American", "North Americans"),
    ("South American", "South Americans"),
    ("Middle Eastern", ""),
    ("Caucasian", ""),
    ("Balkan", ""),
    ("Anglo-Saxon", "Anglo-Saxons"),
    ("Soviet", "Soviets"),
    ("Houthi", "Houthis"),
    ("Alawite", "Alawites"),
    ("Druze", ""),
    ("Yazidi", "Yazidis"),
    ("Salafist", "Salafists"),
    ("Wahhabi", "Wahhabis"),
    ("Nationalist", "Nationalists"),
    ("Loyalist", "Loyalists"),
    ("Unionist", "Unionists"),
    ("Aboriginal", ""),
    ("Indigenous", ""),
];

/// Organisations best known by a bare name without an organisation word.
pub(crate) const KNOWN_ORGS: &str = concat!(
    "Kremlin|",
    "Pentagon|",
    "White House|",
    "Congress|",
    "Parliament|",
    "Senate|",
    "Bundestag|",
    "Duma|",
    "State Duma|",
    "Knesset|",
    "Politburo|",
    "Interpol|",
    "Europol|",
    "Frontex|",
    "Hamas|",
    "Hezbollah|",
    "Taliban|",
    "al-Qaeda|",
    "Al-Qaeda|",
    "Reuters|",
    "Downing Street|",
    "House of Commons|",
    "House of Lords|",
    "House of Representatives|",
    "Supreme Court|",
    "Wagner|",
    "Gazprom|",
    "Rosneft|",
    "Associated Press|",
    "Xinhua|",
    "TASS|",
    "Tass|",
    // Government, security and armed bodies, and armed groups, best known
    // by a bare name or an acronym.
    "MoD|",
    "Joint Chiefs of Staff|",
    "Mossad|",
    "Shin Bet|",
    "Bundeswehr|",
    "Luftwaffe|",
    "Wehrmacht|",
    "Tatmadaw|",
    "Islamic State|",
    "Islamic State of Iraq and the Levant|",
    "Islamic State of Iraq and Syria|",
    "ISIS|",
    "ISIL|",
    "Daesh|",
    "al-Shabaab|",
    "Al-Shabaab|",
    "Boko Haram|",
    "Ansar Allah|",
    "Hayat Tahrir al-Sham|",
    "al-Nusra Front|",
    "Nusra Front|",
    "Lashkar-e-Taiba|",
    "Jaish-e-Mohammed|",
    "Fatah|",
    "Quds Force|",
    "Azov|",
    // Defence firms whose names look like people or words.
    "Lockheed Martin|",
    "Northrop Grumman|",
    "General Dynamics|",
    "Raytheon|",
    "Rheinmetall|",
    "Rostec|",
    "Rosatom|",
    "Roscosmos|",
);

/// What a lexicon phrase can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A country (index into [`Lexicon::countries`]).
    Country(u16),
    /// A country's demonym, singular or plural.
    Demonym(u16),
    /// A city; `capital` when it is the country's capital.
    City { country: u16, capital: bool },
    /// A sub-national place with no country index (US states, UK nations…).
    Place,
    /// A continent, subregion or other region.
    Region,
    /// A group (religious, political, supranational); index into [`NORP_GROUPS`].
    Group(u16),
    /// A known organisation.
    Org,
}

/// One country row.
#[derive(Clone, Debug)]
pub(crate) struct Country {
    pub name: &'static str,
    pub capitals: Vec<&'static str>,
}

/// A phrase: its token texts and what it can be.
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub tokens: Vec<String>,
    pub kinds: Vec<Kind>,
    /// The canonical name (country common name, singular demonym…).
    pub canonical: String,
}

/// The compiled gazetteer.
pub(crate) struct Lexicon {
    pub countries: Vec<Country>,
    pub phrases: Vec<Phrase>,
    /// First token text → phrase indices, longest phrase first.
    pub by_first: FxMap<String, Vec<u32>>,
    /// Phrase index by its full text (for merging duplicates).
    index: FxMap<String, u32>,
    /// Region names, for demonym → region relations ("European" → Europe).
    pub first_names: FxSet<&'static str>,
    /// The most common English words, lowercase.
    pub common_words: FxSet<&'static str>,
}

impl Lexicon {
    fn add(&mut self, text: &str, kind: Kind, canonical: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some(&i) = self.index.get(text) {
            let p = &mut self.phrases[i as usize];
            if !p.kinds.contains(&kind) {
                p.kinds.push(kind);
            }
            return;
        }
        let tokens: Vec<String> = tokenize(text)
            .iter()
            .map(|t| t.text(text).to_string())
            .collect();
        if tokens.is_empty() {
            return;
        }
        let i = self.phrases.len() as u32;
        self.index.insert(text.to_string(), i);
        self.by_first.entry(tokens[0].clone()).or_default().push(i);
        self.phrases.push(Phrase {
            tokens,
            kinds: vec![kind],
            canonical: canonical.to_string(),
        });
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon {
            countries: Vec::new(),
            phrases: Vec::new(),
            by_first: FxMap::default(),
            index: FxMap::default(),
            first_names: FxSet::default(),
            common_words: lexicon!("common-words.txt").lines().collect(),
        };
        let mut country_ix: FxMap<&str, u16> = FxMap::default();
        for line in lexicon!("countries.tsv").lines() {
            let mut f = line.split('\t');
            let (Some(name), Some(aliases), Some(dems), Some(caps), _, Some(code)) =
                (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let ix = lx.countries.len() as u16;
            country_ix.insert(name, ix);
            country_ix.insert(code, ix);
            let split = |s: &'static str| s.split('|').filter(|x| !x.is_empty());
            lx.countries.push(Country {
                name,
                capitals: split(caps).collect(),
            });
            lx.add(name, Kind::Country(ix), name);
            for a in split(aliases) {
                lx.add(a, Kind::Country(ix), name);
            }
            for d in split(dems) {
                lx.add(d, Kind::Demonym(ix), d);
                if let Some(p) = plural(d) {
                    lx.add(&p, Kind::Demonym(ix), d);
                }
            }
        }
        // Common English abbreviations of country names.
        for (abbr, name) in [
            ("U.S.", "United States"),
            ("US", "United States"),
            ("U.S.A.", "United States"),
            ("USA", "United States"),
            ("U.K.", "United Kingdom"),
            ("UK", "United Kingdom"),
            ("UAE", "United Arab Emirates"),
            ("U.A.E.", "United Arab Emirates"),
            ("America", "United States"),
            ("Britain", "United Kingdom"),
            ("Russian Federation", "Russia"),
        ] {
            if let Some(&ix) = country_ix.get(name) {
                lx.add(abbr, Kind::Country(ix), name);
            }
        }
        for (ix, c) in lx.countries.clone().iter().enumerate() {
            for cap in &c.capitals {
                lx.add(
                    cap,
                    Kind::City {
                        country: ix as u16,
                        capital: true,
                    },
                    cap,
                );
            }
        }
        for line in lexicon!("cities.tsv").lines() {
            let Some((name, code)) = line.split_once('\t') else {
                continue;
            };
            if let Some(&ix) = country_ix.get(code) {
                let capital = lx.countries[ix as usize].capitals.contains(&name);
                lx.add(
                    name,
                    Kind::City {
                        country: ix,
                        capital,
                    },
                    name,
                );
            }
        }
        for r in lexicon!("regions.txt")
            .lines()
            .chain(EXTRA_REGIONS.split_terminator('|'))
        {
            lx.add(r, Kind::Region, r);
        }
        for s in lexicon!("us-states.txt")
            .lines()
            .chain(EXTRA_GPE.split_terminator('|'))
        {
            lx.add(s, Kind::Place, s);
        }
        for (abbr, state) in US_STATE_ABBREVS {
            lx.add(abbr, Kind::Place, state);
        }
        for (i, (sing, plur)) in NORP_GROUPS.iter().enumerate() {
            lx.add(sing, Kind::Group(i as u16), sing);
            lx.add(plur, Kind::Group(i as u16), sing);
        }
        for o in KNOWN_ORGS
            .split_terminator('|')
            .chain(lexicon!("companies.txt").lines())
        {
            lx.add(o, Kind::Org, o);
        }
        for n in lexicon!("first-names.txt").lines() {
            lx.first_names.insert(n);
        }
        // Longest phrases first under each first token.
        let phrases = &lx.phrases;
        for v in lx.by_first.values_mut() {
            crate::order::sort_by_key(v, |&i| !(phrases[i as usize].tokens.len() as u64));
        }
        lx
    }

    /// The one shared lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// True when `word` (any case) is one of the most common English words.
    pub fn is_common_word(&self, word: &str) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.common_words
                .contains(word.to_ascii_lowercase().as_str())
        } else {
            self.common_words.contains(word)
        }
    }

    /// True when `word` is a known given name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Longest phrase starting at token `i` of `words`: (phrase index, token count).
    pub fn longest_at(&self, words: &[&str], i: usize) -> Option<(u32, usize)> {
        let cands = self.by_first.get(*words.get(i)?)?;
        for &p in cands {
            let toks = &self.phrases[p as usize].tokens;
            if i + toks.len() <= words.len() && toks.iter().zip(&words[i..]).all(|(a, b)| a == b) {
                return Some((p, toks.len()));
            }
        }
        None
    }

    /// The country whose canonical name is `name`.
    #[cfg(test)]
    pub fn country_named(&self, name: &str) -> Option<u16> {
        self.countries
            .iter()
            .position(|c| c.name == name)
            .map(|i| i as u16)
    }
}

/// English plural of a demonym ("Russian" → "Russians"), if it has one.
fn plural(d: &str) -> Option<String> {
    if d.contains(' ') && !d.ends_with('n') {
        return None;
    }
    if ["sh", "ese", "s", "ch", "x", "z"]
        .iter()
        .any(|e| d.ends_with(e))
    {
        return None;
    }
    Some(format!("{d}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        let lx = Lexicon::get();
        let toks: Vec<String> = tokenize(s).iter().map(|t| t.text(s).to_string()).collect();
        let words: Vec<&str> = toks.iter().map(String::as_str).collect();
        match lx.longest_at(&words, 0) {
            Some((p, n)) if n == words.len() => lx.phrases[p as usize].kinds.clone(),
            _ => vec![],
        }
    }

    #[test]
    fn lexicon_table() {
        let lx = Lexicon::get();
        let russia = lx.country_named("Russia").unwrap();
        let us = lx.country_named("United States").unwrap();
        assert_eq!(kinds("Russia"), [Kind::Country(russia)]);
        assert_eq!(kinds("Russians"), [Kind::Demonym(russia)]);
        assert_eq!(kinds("U.S."), [Kind::Country(us)]);
        assert_eq!(kinds("United States of America"), [Kind::Country(us)]);
        assert!(kinds("Moscow").contains(&Kind::City {
            country: russia,
            capital: true
        }));
        assert_eq!(kinds("Eastern Europe"), [Kind::Region]);
        assert!(kinds("Texas").contains(&Kind::Place));
        assert!(matches!(kinds("Muslims")[..], [Kind::Group(_)]));
        assert!(lx.is_first_name("Maria"));
        assert!(kinds("Zzyzx").is_empty());
    }

    #[test]
    fn listed_companies_are_organisations() {
        for (text, org) in [
            ("Boeing", true),
            ("Goldman Sachs", true),
            ("Nikkei", true),
            ("Airbus", true),
            // Surnames and words a capital letter does not make a company.
            ("Ford", false),
            ("Target", false),
        ] {
            assert_eq!(kinds(text).contains(&Kind::Org), org, "{text}");
        }
        let a = crate::entities::extract_text("Boeing said orders rose; Airbus said they fell.");
        let orgs: Vec<&str> = a
            .mentions
            .iter()
            .filter(|m| m.label == crate::entities::Label::Org)
            .map(|m| {
                m.span
                    .slice("Boeing said orders rose; Airbus said they fell.")
            })
            .collect();
        assert_eq!(orgs, ["Boeing", "Airbus"]);
    }
}
