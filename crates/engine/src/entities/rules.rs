//! Recognition rules: gazetteer matches, capitalised runs, titles,
//! organisation / place / event words, given names, acronyms, surnames.

use super::fasthash::{FxMap, FxSet};

use super::dates::numeric_cands;
use super::lexicon::{Kind, Lexicon};
use super::numbers::Toks;
use super::{Cand, Label, RelationKind, Role};
use crate::span::Span;
use crate::text::{is_title_abbrev, Sentence, Token, TokenKind, WordSet};

/// Words that end an organisation name (or head it before "of").
pub(crate) static ORG_HEADS: WordSet = WordSet::new(concat!(
    "Ministry|",
    "Agency|",
    "Council|",
    "Party|",
    "University|",
    "Institute|",
    "Committee|",
    "Commission|",
    "Department|",
    "Bank|",
    "Fund|",
    "Organization|",
    "Organisation|",
    "Union|",
    "Association|",
    "Alliance|",
    "Army|",
    "Navy|",
    "Forces|",
    "Force|",
    "Guard|",
    "Guards|",
    "Corps|",
    "Command|",
    "Fleet|",
    "Police|",
    "Service|",
    "Services|",
    "Court|",
    "Tribunal|",
    "Parliament|",
    "Assembly|",
    "Senate|",
    "Congress|",
    "Cabinet|",
    "Company|",
    "Corporation|",
    "Corp|",
    "Corp.|",
    "Inc|",
    "Inc.|",
    "Ltd|",
    "Ltd.|",
    "LLC|",
    "plc|",
    "PLC|",
    "Group|",
    "Holdings|",
    "Airlines|",
    "Airways|",
    "Times|",
    "Post|",
    "News|",
    "Journal|",
    "Press|",
    "Television|",
    "Radio|",
    "Network|",
    "Foundation|",
    "Trust|",
    "Society|",
    "Center|",
    "Centre|",
    "Laboratory|",
    "Laboratories|",
    "Centers|",
    "Centres|",
    "Institutes|",
    "Associates|",
    "Partners|",
    "College|",
    "School|",
    "Academy|",
    "Movement|",
    "Front|",
    "Brigade|",
    "Battalion|",
    "Regiment|",
    "Division|",
    "Directorate|",
    "Bureau|",
    "Authority|",
    "Board|",
    "Secretariat|",
    "Club|",
    "League|",
    "Federation|",
    "Coalition|",
    "Nations|",
    "Office|",
    "Commissariat|",
    "Chamber|",
    "Industries|",
    "Motors|",
    "Systems|",
    "Technologies|",
    "Energy|",
    "Bureau|",
    "Administration|",
    "Initiative|",
    "Programme|",
    "Program|",
    "Staff|",
    "Duma|",
    "Rada|",
    "Knesset|",
    "Institution|",
    "Observatory|",
    "Watch|",
    "Caucus|",
    "Mission|",
    "Delegation|",
    "Embassy|",
    "Consulate|",
    "Cooperation|",
    "Partnership|",
    "Treaty Organization|",
    "Co|",
    "Co.|",
    "Reserve|",
    "Exchange|",
    "Ministries|",
    "Agencies|",
    "Gendarmerie|",
    "Brotherhood|",
    "Mill|",
    "Wing|",
    "Squadron|",
    "Flotilla|",
    "Detachment|",
    "Plant|",
    "Factory|",
    "Works|",
    "Refinery|",
    // Newspapers: "Saudi Gazette", "Chicago Tribune".
    "Gazette|",
    "Herald|",
    "Tribune|",
    "Chronicle|",
    "Telegraph|",
    "Courier|",
    "Inquirer|",
    "Examiner|",
    // Sports clubs: "Manchester United|", "Blackburn Rovers|".
    "United|",
    "Rovers|",
    "Wanderers|",
    "Athletic|",
    "Albion|",
    "Hotspur|",
    "FC|",
));

/// Words that end a place name ("Black Sea", "Dnipro River").
static LOC_HEADS: WordSet = WordSet::new(concat!(
    "Sea|",
    "Ocean|",
    "Gulf|",
    "Bay|",
    "Strait|",
    "Straits|",
    "River|",
    "Lake|",
    "Mountains|",
    "Mountain|",
    "Peninsula|",
    "Desert|",
    "Valley|",
    "Canal|",
    "Island|",
    "Islands|",
    "Basin|",
    "Plateau|",
    "Range|",
    "Delta|",
    "Channel|",
    "Coast|",
    "Region|",
    "Province|",
    "Oblast|",
    "County|",
    "Steppe|",
    "Highlands|",
    "Lowlands|",
    "Isthmus|",
    "Archipelago|",
    "Hills|",
    "Falls|",
    "Glacier|",
    "Forest|",
    "Corridor|",
    "Heights|",
    "Park|",
    "Empire|",
    "Kingdom|",
    "Republic|",
    "Dynasty|",
    "Caliphate|",
    "Sultanate|",
    "Confederation|",
    "Commonwealth|",
    "Emirate|",
    "Territory|",
    "Territories|",
));

/// Words that start a place name ("Lake Baikal", "Mount Everest", "Gulf of Aden").
static LOC_LEADS: WordSet = WordSet::new(concat!(
    "Lake|", "Mount|", "Mt.|", "Gulf|", "Sea|", "Strait|", "Bay|", "Cape|", "Isle|", "Straits|",
));

/// Words that start a place name without "of" ("Fort Stewart", "Camp David").
static PLACE_PREFIXES: WordSet = WordSet::new(concat!(
    "Fort|", "Camp|", "Mount|", "Mt.|", "Lake|", "Cape|", "Port|"
));

/// Words before a name that make it a place ("the state of Gujarat", "the city of Kharkiv").
static PLACE_NOUNS: WordSet = WordSet::new(concat!(
    "state|",
    "city|",
    "town|",
    "village|",
    "province|",
    "region|",
    "district|",
    "county|",
    "port|",
    "capital|",
    "island|",
    "republic|",
    "oblast|",
    "settlement|",
    "municipality|",
    "prefecture|",
));

/// Words before a name that make it an organisation ("analysts at Goldman Sachs").
static ORG_CUES_BEFORE: WordSet = WordSet::new(concat!(
    "at|",
    "fined|",
    "acquire|",
    "acquired|",
    "buy|",
    "bought|",
    "rival|",
    "firm|",
    "company|",
    "carmaker|",
    "automaker|",
    "bank|",
    "lender|",
    "insurer|",
    "retailer|",
    "startup|",
    "giant|",
    "group|",
    "outlet|",
    "broadcaster|",
    "newspaper|",
    "agency|",
    "airline|",
    "maker|",
));

/// Business nouns that name what follows them as an organisation, whatever
/// the name looks like ("the auto company Chrysler", "the retailer
/// Walmart", "European auto maker Fiat"): a subset of [`ORG_CUES_BEFORE`]
/// that only a company can follow.
static COMPANY_NOUNS: WordSet = WordSet::new(concat!(
    "company|",
    "firm|",
    "carmaker|",
    "automaker|",
    "maker|",
    "chipmaker|",
    "manufacturer|",
    "conglomerate|",
    "bank|",
    "lender|",
    "insurer|",
    "retailer|",
    "startup|",
    "start-up|",
    "airline|",
    "broadcaster|",
    "brewer|",
    "publisher|",
    "supplier|",
    "distributor|",
));

/// Words after a single name that make it an organisation ("Tesla shares", "Google agreed").
static ORG_CUES_AFTER: WordSet = WordSet::new(concat!(
    "shares|",
    "stock|",
    "Inc|",
    "spokesperson|",
    "spokesman|",
    "spokeswoman|",
    "employees|",
    "executives|",
    "headquarters|",
    "shareholders|",
));

/// The longest run of capitalised words analysed as names.
const MAX_RUN: usize = 16;

/// Organisation heads that name an institution on their own when capitalised.
static SOLO_ORGS: WordSet = WordSet::new(concat!(
    "Navy|",
    "Army|",
    "Parliament|",
    "Senate|",
    "Congress|",
    "Cabinet|",
    "Bundestag|",
    "Knesset|",
    "Duma|",
));

/// Lowercase words that make a hyphenated adjective, not a name part ("Moscow-led").
fn compound_suffix(w: &str) -> bool {
    matches!(
        w,
        "led"
            | "based"
            | "backed"
            | "style"
            | "born"
            | "era"
            | "linked"
            | "owned"
            | "run"
            | "made"
            | "held"
            | "controlled"
            | "friendly"
            | "leaning"
            | "speaking"
            | "occupied"
            | "allied"
            | "aligned"
            | "bound"
            | "centric"
            | "like"
            | "wide"
            | "related"
            | "type"
            | "class"
            | "level"
            | "year"
            | "old"
            | "hosted"
            | "brokered"
            | "sponsored"
            | "funded"
            | "built"
            | "designed"
            | "language"
            | "inspired"
            | "supported"
            | "appointed"
            | "elect"
            | "in"
            | "based-"
            | "american"
            | "british"
            | "up"
            | "led-"
            | "dominated"
            | "focused"
            | "oriented"
    ) || w.len() < 2
}

/// Generational suffixes that are not surnames.
fn name_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "V")
}

/// Words that end an event name.
pub(crate) static EVENT_HEADS: WordSet = WordSet::new(concat!(
    "War|",
    "Revolution|",
    "Olympics|",
    "Games|",
    "Cup|",
    "Championship|",
    "Championships|",
    "Summit|",
    "Festival|",
    "Crisis|",
    "Uprising|",
    "Massacre|",
    "Holocaust|",
    "Genocide|",
    "Expo|",
    "Day|",
    "Offensive|",
    "Spring|",
    "Blitz|",
    "Intifada|",
    "Crusade|",
    "Crusades|",
    "Conference|",
    "Forum|",
    "Olympiad|",
    "Marathon|",
    "Grand Prix|",
    "Open|",
    "Invasion|",
    "Operation|",
    "Paralympics|",
));

/// Words that start an event name before "of": "Battle of Kursk".
static EVENT_LEADS: WordSet =
    WordSet::new(concat!("Battle|", "Siege|", "Congress|", "Sack|", "Fall|"));

/// Words that start an organisation name before "of": "Friends of the Earth",
/// "Daughters of the American Revolution", "Order of Malta".
static ORG_LEADS: WordSet = WordSet::new(concat!(
    "Friends|",
    "Daughters|",
    "Sons|",
    "Knights|",
    "Sisters|",
    "Order|",
    "Church|",
    "Museum|",
    "Library|",
    "Hospital|",
    "Guild|",
    "Fellowship|",
    "Congregation|",
));

/// Heads of names outside the label set (laws, treaties, awards): they claim their
/// words ("Treaty of Paris" is not the place Paris) but are not reported.
static DROP_HEADS: WordSet = WordSet::new(concat!(
    "Prize|",
    "Prizes|",
    "Award|",
    "Awards|",
    "Medal|",
    "Trophy|",
    "Act|",
    "Treaty|",
    "Accord|",
    "Accords|",
    "Agreement|",
    "Convention|",
    "Protocol|",
    "Charter|",
    "Constitution|",
    "Amendment|",
    "Doctrine|",
    "Declaration|",
    "Resolution|",
    "Memorandum|",
    "Plan|",
    "Site|",
    "Telescope|",
    // Facilities (OntoNotes FAC, outside the label set).
    "Airport|",
    "Bridge|",
    "Dam|",
    "Stadium|",
    "Cathedral|",
    "Mosque|",
    "Tower|",
    "Square|",
    "Street|",
    "Avenue|",
    "Highway|",
    "Building|",
    "Memorial|",
    "Monument|",
));

/// Direction and position words: capitalised, but not names on their own.
static DIRECTIONS: WordSet = WordSet::new(concat!(
    "North|",
    "South|",
    "East|",
    "West|",
    "Northern|",
    "Southern|",
    "Eastern|",
    "Western|",
    "Central|",
    "Upper|",
    "Lower|",
    "Greater|",
    "Inner|",
    "Outer|",
));

/// Heads of titles ("Minister", "President", "Commodore").
static TITLE_HEADS: WordSet = WordSet::new(concat!(
    "President|",
    "Presidents|",
    "Vice-President|",
    "Minister|",
    "Ministers|",
    "Secretary|",
    "Secretaries|",
    "Secretary-General|",
    "Chancellor|",
    "King|",
    "Queen|",
    "Prince|",
    "Princess|",
    "Emperor|",
    "Empress|",
    "Pope|",
    "Sheikh|",
    "Emir|",
    "Ayatollah|",
    "Governor|",
    "Mayor|",
    "Senator|",
    "Senators|",
    "Congressman|",
    "Congresswoman|",
    "Representative|",
    "Ambassador|",
    "Envoy|",
    "Spokesman|",
    "Spokeswoman|",
    "Spokesperson|",
    "General|",
    "Gen.|",
    "Admiral|",
    "Adm.|",
    "Commodore|",
    "Colonel|",
    "Col.|",
    "Lieutenant|",
    "Lt.|",
    "Major|",
    "Maj.|",
    "Captain|",
    "Capt.|",
    "Sergeant|",
    "Sgt.|",
    "Commander|",
    "Cmdr.|",
    "Marshal|",
    "Brigadier|",
    "Private|",
    "Corporal|",
    "Chief|",
    "Director|",
    "Judge|",
    "Justice|",
    "Chairman|",
    "Chairwoman|",
    "Chair|",
    "CEO|",
    "Professor|",
    "Prof.|",
    "Dr.|",
    "Mr.|",
    "Mr|",
    "Mrs|",
    "Ms|",
    "Dr|",
    "Mx|",
    "Mrs.|",
    "Ms.|",
    "Messrs.|",
    "Sir|",
    "Dame|",
    "Lord|",
    "Lady|",
    "Rev.|",
    "Reverend|",
    "Father|",
    "Bishop|",
    "Archbishop|",
    "Cardinal|",
    "Rabbi|",
    "Imam|",
    "Patriarch|",
    "Metropolitan|",
    "Sen.|",
    "Rep.|",
    "Gov.|",
    "Pres.|",
    "Premier|",
    "Leader|",
    "Speaker|",
    "Commissioner|",
    "Attorney|",
    "Officer|",
    "Adviser|",
    "Advisor|",
    "Inspector|",
    "Sultan|",
    "Dictator|",
    "Tsar|",
    "Czar|",
    "Chairperson|",
    "Superintendent|",
    "Administrator|",
    "Dean|",
    "Rector|",
    "Mufti|",
    "Hetman|",
    "Lady|",
    // Company and team titles ("Chief Executive", "General Manager", "Head Coach").
    "Executive|",
    "Manager|",
    "Coach|",
));

/// Words that modify a title head ("Foreign Minister", "Deputy Prime Minister").
static TITLE_MODS: WordSet = WordSet::new(concat!(
    "Foreign|",
    "Defence|",
    "Defense|",
    "Finance|",
    "Interior|",
    "Deputy|",
    "Vice|",
    "Prime|",
    "Acting|",
    "Former|",
    "Chief|",
    "Attorney|",
    "Health|",
    "Trade|",
    "Economy|",
    "Economic|",
    "Energy|",
    "Justice|",
    "Home|",
    "Education|",
    "Environment|",
    "Culture|",
    "Agriculture|",
    "Transport|",
    "Labour|",
    "Labor|",
    "Treasury|",
    "State|",
    "Supreme|",
    "Lieutenant|",
    "Major|",
    "Rear|",
    "Vice|",
    "Field|",
    "Air|",
    "Grand|",
    "First|",
    "Executive|",
    "Senior|",
    "Junior|",
    "Assistant|",
    "Press|",
    "Army|",
    "Navy|",
    "Naval|",
    "Military|",
    "Security|",
    "National|",
    "Regional|",
    "Foreign-Affairs|",
    "Interim|",
    "Crown|",
    "Commander-in-Chief|",
    "Secretary|",
    "General|",
    "Under|",
    "Undersecretary|",
    "Permanent|",
    "Special|",
    "High|",
    "Digital|",
    "Science|",
    "Industry|",
    "Housing|",
    "Development|",
    "Intelligence|",
    "Police|",
    "Fire|",
    "Chief-of-Staff|",
    "Sports|",
    "Social|",
    "Emergency|",
    "Majority|",
    "Minority|",
    "Opposition|",
    "House|",
    // Company titles: "Chief Financial Officer", "Managing Director", "Head Coach".
    "Financial|",
    "Operating|",
    "Technology|",
    "Technical|",
    "Information|",
    "Marketing|",
    "Managing|",
    "Creative|",
    "Head|",
));

/// The singular of a plural title ("Presidents" → "President", "Foreign Ministers" →
/// "Foreign Minister").
fn singular_title(t: &str) -> String {
    if let Some(x) = t.strip_suffix("Secretaries") {
        format!("{x}Secretary")
    } else if let Some(x) = t.strip_suffix("Messrs.") {
        format!("{x}Mr.")
    } else {
        t.strip_suffix('s').unwrap_or(t).to_string()
    }
}

/// Title heads that are plural ("Presidents Xi and Putin").
fn plural_title(w: &str) -> bool {
    matches!(
        w,
        "Presidents" | "Ministers" | "Senators" | "Secretaries" | "Messrs."
    )
}

/// Title heads that are a whole title by themselves and may also be ordinary
/// words at the start of a name ("General" in "General Motors" — only a title before a name).
fn is_title_head(w: &str) -> bool {
    TITLE_HEADS.contains(w) || is_title_abbrev(w) && w.ends_with('.')
}

/// Lowercase role nouns before a name ("historian Vladimir Medinsky").
static ROLE_NOUNS: WordSet = WordSet::new(concat!(
    "president|",
    "minister|",
    "historian|",
    "analyst|",
    "journalist|",
    "spokesman|",
    "spokeswoman|",
    "spokesperson|",
    "ambassador|",
    "envoy|",
    "general|",
    "commander|",
    "leader|",
    "chancellor|",
    "senator|",
    "governor|",
    "mayor|",
    "professor|",
    "researcher|",
    "economist|",
    "author|",
    "writer|",
    "lawyer|",
    "judge|",
    "chairman|",
    "director|",
    "negotiator|",
    "diplomat|",
    "adviser|",
    "advisor|",
    "secretary|",
    "officer|",
    "colonel|",
    "admiral|",
    "premier|",
    "dictator|",
    "king|",
    "queen|",
    "prince|",
    "pope|",
    "candidate|",
    "activist|",
    "scientist|",
    "expert|",
    "reporter|",
    "correspondent|",
    "editor|",
    "founder|",
    "executive|",
    "ceo|",
    "chief|",
    "aide|",
    "official|",
    "lawmaker|",
    "politician|",
    "philosopher|",
    "scholar|",
    "novelist|",
    "businessman|",
    "businesswoman|",
    "oligarch|",
    "billionaire|",
    "commentator|",
    "colleague|",
    "deputy|",
));

/// Verbs of saying that follow or precede a person's name.
pub(crate) static SAY_VERBS: WordSet = WordSet::new(concat!(
    "said|",
    "says|",
    "told|",
    "added|",
    "wrote|",
    "argued|",
    "noted|",
    "stated|",
    "claimed|",
    "insisted|",
    "warned|",
    "explained|",
    "asked|",
    "replied|",
    "announced|",
    "tweeted|",
    "posted|",
    "declared|",
    "stressed|",
    "admitted|",
    "believes|",
    "thinks|",
    "suggested|",
    "acknowledged|",
));

/// Function words and sentence adverbs that are capitalised only at a sentence start.
pub(crate) static FUNCTION_WORDS: WordSet = WordSet::new(concat!(
    "the|",
    "a|",
    "an|",
    "this|",
    "that|",
    "these|",
    "those|",
    "it|",
    "its|",
    "he|",
    "she|",
    "they|",
    "we|",
    "i|",
    "you|",
    "his|",
    "her|",
    "their|",
    "our|",
    "my|",
    "your|",
    "but|",
    "and|",
    "or|",
    "so|",
    "yet|",
    "in|",
    "on|",
    "at|",
    "for|",
    "from|",
    "by|",
    "with|",
    "of|",
    "to|",
    "as|",
    "if|",
    "when|",
    "while|",
    "after|",
    "before|",
    "since|",
    "until|",
    "because|",
    "although|",
    "though|",
    "however|",
    "meanwhile|",
    "moreover|",
    "furthermore|",
    "also|",
    "still|",
    "then|",
    "there|",
    "here|",
    "what|",
    "who|",
    "which|",
    "where|",
    "why|",
    "how|",
    "all|",
    "some|",
    "many|",
    "most|",
    "much|",
    "more|",
    "few|",
    "each|",
    "every|",
    "both|",
    "either|",
    "neither|",
    "no|",
    "not|",
    "such|",
    "other|",
    "another|",
    "even|",
    "only|",
    "just|",
    "now|",
    "today|",
    "yesterday|",
    "instead|",
    "indeed|",
    "perhaps|",
    "again|",
    "thus|",
    "hence|",
    "therefore|",
    "nonetheless|",
    "nevertheless|",
    "despite|",
    "during|",
    "under|",
    "over|",
    "against|",
    "among|",
    "between|",
    "without|",
    "within|",
    "about|",
    "above|",
    "below|",
    "across|",
    "through|",
    "into|",
    "onto|",
    "upon|",
    "is|",
    "are|",
    "was|",
    "were|",
    "be|",
    "been|",
    "has|",
    "have|",
    "had|",
    "do|",
    "does|",
    "did|",
    "will|",
    "would|",
    "can|",
    "could|",
    "should|",
    "may|",
    "might|",
    "must|",
    "shall|",
    "let|",
    "yes|",
    "oh|",
    "well|",
    "please|",
    "dear|",
    "according|",
    "unlike|",
    "like|",
    "beyond|",
    "following|",
    "amid|",
    "whether|",
    "once|",
    "whose|",
    "whom|",
    "any|",
    "none|",
    "nor|",
    "than|",
    "rather|",
    "unless|",
    "whereas|",
    "someone|",
    "everyone|",
    "nobody|",
    "nothing|",
    "everything|",
    "something|",
    "anyone|",
    "none|",
    "last|",
    "next|",
    "first|",
    "second|",
    "new|",
    "old|",
    "former|",
    "recent|",
    "recently|",
    "currently|",
    "initially|",
    "finally|",
));

/// Acronyms that are not names.
pub(crate) static ACRONYM_STOP: WordSet = WordSet::new(concat!(
    "I|", "A|", "OK|", "TV|", "CEO|", "CFO|", "CTO|", "COO|", "GDP|", "GNP|", "AI|", "PM|", "AM|",
    "ID|", "DNA|", "RNA|", "HIV|", "AIDS|", "COVID|", "PhD|", "PR|", "IT|", "USB|", "FAQ|", "GPS|",
    "VIP|", "CCTV|", "MP|", "MPs|", "UAV|", "UAVs|", "IED|", "IEDs|", "AK|", "RPG|", "NB|", "PS|",
    "ETA|", "FYI|", "ASAP|", "LGBT|", "LGBTQ|", "CO2|", "GHz|", "MHz|", "KM|", "KG|", "US$|",
    "USD|", "EUR|", "GBP|", "VAT|", "PDF|", "HTML|", "URL|", "API|", "APIs|", "SMS|", "LNG|",
    "ICBM|", "ICBMs|", "HQ|", "POW|", "POWs|", "IDP|", "IDPs|", "ADHD|", "BC|", "AD|", "BCE|",
    "CE|", "TNT|", "ATM|", "DIY|", "SUV|", "FM|", "UK|", "US|", "EU|", "UN|", "NO|", "YES|",
    "NOT|", "AND|", "THE|", "OF|", "IN|", "TO|", "II|", "III|", "IV|", "VI|", "VII|", "VIII|",
    "IX|", "XI|", "XII|", "XX|", "XXI|", "MW|", "GW|", "KW|", "GMT|", "UTC|", "BST|", "EST|",
    "EDT|", "PST|", "PDT|", "CET|", "CEST|", "MSK|", "CST|", "CDT|", "MST|", "MDT|", "AEST|",
    // Business, technical and military terms.
    "RFP|", "RFPs|", "RFQ|", "SEO|", "GIS|", "FDI|", "IPO|", "IPOs|", "ROI|", "KPI|", "KPIs|",
    "HR|", "VP|", "MBA|", "DM|", "DMs|", "CPU|", "GPU|", "SQL|", "CSV|", "PC|", "PCs|", "WMD|",
    "WMDs|", "CBRN|", "MLRS|", "APC|", "APCs|", "IFV|", "IFVs|", "MRAP|", "MANPADS|", "SAM|",
    "SAMs|", "IRBM|", "SLBM|", "UAS|", "ISR|", "KIA|", "MIA|", "AWOL|",
));

/// Organisations commonly written as 2-letter acronyms.
static TWO_LETTER_ORGS: WordSet = WordSet::new(concat!(
    "EU|", "UN|", "AU|", "IS|", "BP|", "HP|", "GE|", "AP|", "BBC|", "G7|"
));

/// Connectors allowed inside a name between capitalised words.
fn connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "the"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "al"
            | "bin"
            | "ibn"
            | "el"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "y"
            | "on"
            | "upon"
            | "and"
            | "&"
    )
}

/// A lowercase name particle glued by a hyphen to a capitalised name part at
/// token `i`: "al-Amr", "el-Sisi", "bin-Laden" (three tokens).
pub(crate) fn glued_particle(text: &str, toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    i + 2 < toks.len()
        && matches!(
            w(i),
            "al" | "el" | "ad" | "ash" | "as" | "at" | "az" | "ar" | "bin" | "ibn"
        )
        && matches!(w(i + 1), "-" | "‐")
        && !toks[i + 1].space_before
        && !toks[i + 2].space_before
        && toks[i + 2].kind == TokenKind::Word
        && toks[i + 2].is_capitalised(text)
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    words: Vec<&'a str>,
    lex: &'static Lexicon,
    /// Lowercased forms of words that occur in lowercase somewhere in the text.
    lower_seen: FxSet<&'a str>,
    /// Token starts a sentence (after opening quotes/brackets).
    sent_start: Vec<bool>,
    /// Sentence is written in capitals (a headline).
    caps_sentence: Vec<bool>,
    /// Sentence is a Title Case or capitals headline: no guessing from capitals alone.
    title_sentence: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }
    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_capitalised(self.text))
    }
    fn is_acronym(&self, i: usize) -> bool {
        let w = self.w(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (2..=7).contains(&w.chars().count())
            && letters >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '.')
            && !self.caps_sentence[i]
            && !self.caps_phrase(i)
    }
    /// Part of a run of capitalised words of three or more letters ("FORT BRAGG"): a
    /// dateline or heading, not acronyms.
    fn caps_phrase(&self, i: usize) -> bool {
        let caps_word = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
                && self.w(j).chars().count() >= 3
                && self.w(j).chars().all(char::is_uppercase)
        };
        let hyphen =
            |j: usize| self.toks.get(j).is_some_and(|t| !t.space_before) && self.w(j) == "-";
        let before = (i > 0 && caps_word(i - 1)) || (i > 1 && hyphen(i - 1) && caps_word(i - 2));
        let after = caps_word(i + 1) || (hyphen(i + 1) && caps_word(i + 2));
        caps_word(i) && (before || after)
    }
    /// A capitalised word that is a common word (seen lowercase, or a function word).
    fn common(&self, i: usize) -> bool {
        let lw = self.w(i).to_ascii_lowercase();
        FUNCTION_WORDS.contains(&lw) || self.lower_seen.contains(lw.as_str())
    }
    fn name_token(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        (t.kind == TokenKind::Word || t.kind == TokenKind::Abbrev) && self.cap(i)
    }
}

/// All mention candidates for a text, overlap-resolved.
pub(crate) fn recognise(text: &str, toks: &[Token], sents: &[Sentence]) -> Vec<Cand> {
    let cx = context(text, toks, sents);
    let nt = Toks::new(text, toks);
    let mut cands = numeric_cands(&nt, &cx.sent_start);
    // "no one", "the one": not a number.
    cands.retain(|c| {
        !(c.end == c.start + 1
            && cx.w(c.start).eq_ignore_ascii_case("one")
            && (c.start > 0
                && matches!(
                    cx.w(c.start - 1).to_ascii_lowercase().as_str(),
                    "the" | "this" | "that" | "no" | "any" | "every" | "each" | "which"
                )
                || cx.w(c.start + 1) == "another"))
    });
    let lexc = lexicon_cands(&cx);
    let capc = capitalised_cands(&cx, &lexc);
    cands.extend(lexc);
    cands.extend(capc);
    let mut chosen = resolve(cands);
    dateline_places(&cx, &mut chosen);
    surname_pass(&cx, &mut chosen);
    // Unreported names (laws, awards…) stay until the tagger has been
    // merged in (`combine`), so that it adds nothing inside them.
    // Ages in apposition ("Maria Lopez, 27, of …") are ages, not counts.
    let person_end: FxSet<usize> = chosen
        .iter()
        .filter(|c| c.label == Label::Person)
        .map(|c| c.end)
        .collect();
    for c in chosen.iter_mut() {
        if c.label == Label::Quantity
            && c.end == c.start + 1
            && c.start >= 2
            && cx.w(c.start - 1) == ","
            && person_end.contains(&(c.start - 1))
            && matches!(cx.w(c.end), "," | "." | "")
        {
            if let Some(super::Value::Number { value, .. }) = c.value {
                if (1.0..=120.0).contains(&value) && value.fract() == 0.0 {
                    c.value = Some(super::dates::age(super::Op::Eq, value, "year"));
                }
            }
        }
    }
    crate::order::sort_by_key(&mut chosen, |c| c.start as u64);
    chosen
}

/// The place of a dateline: capitals at the start of one of the first
/// lines, then a dash that ends the line or starts a sentence, on the same line, after nothing but a comma or a bracket and capitalised
/// words, numbers and punctuation ("TALLAHASSEE —", "CUPERTINO, California
/// —", "NAIROBI, Kenya (AP) —", "WASHINGTON, March 3 —"). The place takes
/// the capitals' tokens over any name guessed there; its name is written in
/// title case ("Tallahassee"). `chosen` stays sorted by start and
/// non-overlapping.
fn dateline_places(cx: &Ctx, chosen: &mut Vec<Cand>) {
    const DATELINE_LINES: usize = 8;
    let n = cx.toks.len();
    let caps_word = |j: usize| {
        cx.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
            && cx.w(j).chars().filter(|c| c.is_alphabetic()).count() >= 2
            && cx
                .w(j)
                .chars()
                .all(|c| c.is_uppercase() || c == '\'' || c == '’')
    };
    let dash = |j: usize| matches!(cx.w(j), "—" | "–" | "-" | "--" | "―");
    let mut add = Vec::new();
    // Datelines open an article: among its first lines only.
    let mut lines = 0;
    for i in 0..n {
        if i == 0 || cx.toks[i].line_before {
            lines += 1;
        }
        if lines > DATELINE_LINES {
            break;
        }
        if !(i == 0 || cx.toks[i].line_before) || !caps_word(i) {
            continue;
        }
        // The capitals: up to four words, hyphens glued between them ("WILKES-BARRE").
        let mut e = i + 1;
        while e < n && e < i + 8 && !cx.toks[e].line_before {
            if caps_word(e) {
                e += 1;
            } else if cx.w(e) == "-" && !cx.toks[e].space_before && caps_word(e + 1) {
                e += 2;
            } else {
                break;
            }
        }
        if e >= n || cx.toks[e].line_before || !(dash(e) || matches!(cx.w(e), "," | "(")) {
            continue;
        }
        // Common words ("UPDATE —", "BREAKING NEWS —") are no place.
        if (i..e).all(|j| cx.w(j) == "-" || cx.common(j) || cx.lex.is_common_word(cx.w(j))) {
            continue;
        }
        let mut k = e;
        let mut ok = false;
        while k < n && k < e + 10 && !cx.toks[k].line_before {
            // The dash ends the line or a sentence starts after it
            // ("WASHINGTON — The …"; not "NASA — the agency — agreed").
            if dash(k) {
                ok = cx.toks.get(k + 1).is_none_or(|t| t.line_before) || cx.cap(k + 1);
                break;
            }
            let t = &cx.toks[k];
            if matches!(t.kind, TokenKind::Word | TokenKind::Abbrev) && !cx.cap(k) {
                break;
            }
            k += 1;
        }
        if !ok {
            continue;
        }
        let title: String = cx.text[cx.toks[i].span.start..cx.toks[e - 1].span.end]
            .split(' ')
            .map(|w| {
                let mut out = String::new();
                let mut first = true;
                for c in w.chars() {
                    if first {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    first = !c.is_alphabetic();
                }
                out
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut c = Cand::new(i, e, Label::Place, 9);
        c.canonical = Some(title);
        add.push(c);
    }
    for c in add {
        let over: Vec<usize> = (0..chosen.len())
            .filter(|&j| chosen[j].start < c.end && c.start < chosen[j].end)
            .collect();
        // A place over the same words is already right; the dateline backs it.
        if let [j] = over[..] {
            let p = &mut chosen[j];
            if p.label == Label::Place && (p.start, p.end) == (c.start, c.end) {
                p.canonical = p.canonical.take().or(c.canonical);
                continue;
            }
        }
        if over.iter().any(|&j| {
            chosen[j].label == Label::Place || chosen[j].start < c.start || chosen[j].end > c.end
        }) {
            continue;
        }
        for j in over.into_iter().rev() {
            chosen.remove(j);
        }
        chosen.push(c);
    }
    crate::order::sort_by_key(chosen, |c| c.start as u64);
}

/// A long organisation name the rules made from capitalised words ending in
/// an institution's head word ("American Speech Language Hearing
/// Association"): at least three words, all capitalised, no connector. The
/// tagger, which rarely sees such names whole at the start of a sentence,
/// does not drop it (`combine`).
pub(crate) fn long_org_name(text: &str, toks: &[Token], c: &Cand) -> bool {
    static HEADS: WordSet = WordSet::new(concat!(
        "Association|",
        "Institute|",
        "Council|",
        "Foundation|",
        "Society|",
        "Committee|",
        "Commission|",
        "Agency|",
        "Alliance|",
        "Federation|",
        "Coalition|",
        "Academy|",
        "University|",
        "College|",
        "Bureau|",
        "Authority|",
        "Board|",
        "League|",
        "Organization|",
        "Organisation|",
        "Center|",
        "Centre|",
        "Institution|",
        "Corporation|",
        "Consortium|",
        "Network|",
        "Union|",
    ));
    c.label == Label::Org
        && c.end >= c.start + 3
        && (c.start..c.end).all(|j| {
            toks[j].kind == TokenKind::Word
                && toks[j].is_capitalised(text)
                && !toks[j].text(text).chars().all(char::is_uppercase)
        })
        && HEADS.contains(toks[c.end - 1].text(text))
}

/// The rules' view of a text: words, sentence starts, headlines, the words seen
/// in lowercase.
fn context<'a>(text: &'a str, toks: &'a [Token], sents: &[Sentence]) -> Ctx<'a> {
    let lex = Lexicon::get();
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let mut sent_start = vec![false; toks.len()];
    let mut caps_sentence = vec![false; toks.len()];
    let mut title_sentence = vec![false; toks.len()];
    for s in sents {
        let mut k = s.first_token;
        while k < s.end_token
            && toks[k].kind == TokenKind::Punct
            && matches!(
                words[k],
                "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "-" | "—" | "–" | "*" | "#" | "•"
            )
        {
            k += 1;
        }
        if k < s.end_token {
            sent_start[k] = true;
        }
        let slice = s.span.slice(text);
        let n_letters = slice.chars().filter(|c| c.is_alphabetic()).take(13).count();
        let caps = n_letters > 12 && !slice.chars().any(char::is_lowercase);
        // Title Case headlines ("Talks Resume After Two Years"): most longer words capitalised.
        let (mut long, mut cap) = (0, 0);
        for t in &toks[s.first_token..s.end_token] {
            let w = t.text(text);
            if t.kind == TokenKind::Word && w.len() >= 4 {
                long += 1;
                if t.is_capitalised(text) {
                    cap += 1;
                }
            }
        }
        let titled = caps || (long >= 3 && cap * 4 >= long * 3 && !slice.ends_with('.'));
        for k in s.first_token..s.end_token {
            caps_sentence[k] = caps;
            title_sentence[k] = titled;
        }
    }
    // Tokens right after a line break also start something (headings, list items).
    for (i, t) in toks.iter().enumerate() {
        if t.line_before {
            sent_start[i] = true;
        }
    }
    if let Some(s) = sent_start.first_mut() {
        *s = true;
    }
    let mut lower_seen = FxSet::default();
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Word && words[i].chars().next().is_some_and(char::is_lowercase) {
            lower_seen.insert(words[i]);
        }
    }
    Ctx {
        text,
        toks,
        words,
        lex,
        lower_seen,
        sent_start,
        caps_sentence,
        title_sentence,
    }
}

/// The document's other mentions, once the tagger's names are in (`combine`):
/// a name found somewhere in the text is found again where nothing else was
/// ("in Harbourton … Harbourton’s mayor"), and so is a person's surname alone
/// after the full name. Only where the text gives the words one type, on
/// capitalised words that no candidate covers and that are not part of a
/// longer capitalised run, and never on a word the text also writes in
/// lowercase. `cands` stay sorted by start and non-overlapping.
pub(crate) fn propagate(text: &str, toks: &[Token], sents: &[Sentence], cands: &mut Vec<Cand>) {
    let cx = context(text, toks, sents);
    let n = toks.len();
    let mut taken = vec![false; n];
    for c in cands.iter() {
        taken[c.start..c.end].fill(true);
    }
    // A one-word "person" the text also puts after "in" ("in Mecca", "arrive in
    // Mecca each year"), after "residents of" or before "’s mayor" is a place,
    // unless it is ever part of a longer person name, carries a title, or is
    // the subject or object of a verb of saying.
    let lone_person = |c: &Cand| {
        c.label == Label::Person
            && c.end == c.start + 1
            && !c.drop
            && c.role.is_none()
            && c.canonical.is_none()
    };
    // Nouns of a place's people and parts: "residents of Harbourton",
    // "Harbourton's mayor".
    let place_noun = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "residents"
                | "people"
                | "mayor"
                | "citizens"
                | "inhabitants"
                | "outskirts"
                | "suburbs"
                | "streets"
                | "centre"
                | "center"
                | "population"
        )
    };
    let of_place =
        |c: &Cand| c.start > 1 && cx.w(c.start - 1) == "of" && place_noun(cx.w(c.start - 2));
    // A verb of saying after "residents of X" is the residents'.
    let said = |c: &Cand| {
        (SAY_VERBS.contains(cx.w(c.end))
            || (cx.w(c.end) == "," && SAY_VERBS.contains(cx.w(c.end + 1)))
            || (c.start > 1 && SAY_VERBS.contains(cx.w(c.start - 1))))
            && !of_place(c)
    };
    // Strong place contexts of a one-word name at `i`: "X, Florida" (a
    // known place after a comma), "X is in Argentina", "a X in Florida",
    // "the city of X", "towns called X".
    let place_start: FxSet<usize> = cands
        .iter()
        .filter(|c| !c.drop && c.label == Label::Place && c.canonical.is_some())
        .map(|c| c.start)
        .collect();
    let settlement = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "city"
                | "cities"
                | "town"
                | "towns"
                | "village"
                | "villages"
                | "county"
                | "province"
                | "region"
                | "district"
                | "suburb"
                | "island"
                | "port"
        )
    };
    let place_context = |i: usize| {
        let w = |k: usize| cx.w(k).to_lowercase();
        let comma_place = cx.w(i + 1) == "," && place_start.contains(&(i + 2));
        let is_in = matches!(w(i + 1).as_str(), "is" | "was" | "lies")
            && w(i + 2) == "in"
            && place_start.contains(&(i + 3));
        let a_x_in = i > 0
            && matches!(w(i - 1).as_str(), "a" | "another")
            && w(i + 1) == "in"
            && place_start.contains(&(i + 2));
        let of_settlement = i > 1 && w(i - 1) == "of" && settlement(cx.w(i - 2));
        let called =
            i > 1 && matches!(w(i - 1).as_str(), "called" | "named") && settlement(cx.w(i - 2));
        comma_place || is_in || a_x_in || of_settlement || called
    };
    let mut place_words: FxMap<&str, bool> = FxMap::default();
    // A capitalised word nothing covers, in running text, in a strong place
    // context: a place (then found again by the pass below).
    // (Over a rule guess the tagger dropped too: its context outweighs it.)
    let mut live = vec![false; n];
    for c in cands.iter().filter(|c| !c.drop) {
        live[c.start..c.end].fill(true);
    }
    let mut new_places = Vec::new();
    for i in 0..n {
        let single = !cx.name_token(i + 1) && (i == 0 || !cx.name_token(i - 1));
        if live[i]
            || !cx.name_token(i)
            || cx.sent_start[i]
            || cx.caps_sentence[i]
            || !single
            || cx.common(i)
            || cx.lex.is_common_word(cx.w(i))
            || !place_context(i)
        {
            continue;
        }
        place_words.insert(cx.w(i), true);
        new_places.push(Cand::new(i, i + 1, Label::Place, 5));
        taken[i] = true;
    }
    // How often each lone word stands in a place context.
    let mut place_votes: FxMap<&str, usize> = FxMap::default();
    for c in cands.iter().filter(|c| lone_person(c)) {
        let before = if c.start > 0 { cx.w(c.start - 1) } else { "" };
        let possessive = cx
            .toks
            .get(c.end)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let in_place = matches!(before, "in" | "near" | "outside" | "across" | "throughout")
            && !possessive
            && !cx.name_token(c.end)
            || of_place(c)
            || possessive && place_noun(cx.w(c.end + 1))
            || place_context(c.start);
        *place_words.entry(cx.w(c.start)).or_insert(false) |= in_place;
        if in_place {
            *place_votes.entry(cx.w(c.start)).or_insert(0) += 1;
        }
    }
    for c in cands.iter() {
        if c.label == Label::Person && (!lone_person(c) || said(c)) {
            for k in c.start..c.end {
                // A word alone in two place contexts or more ("inhabitants
                // of Coron", "in Coron") stays a place even when a longer
                // name holds it ("Penon de Coron").
                if !said(c) && place_votes.get(cx.w(k)).is_some_and(|&v| v >= 2) {
                    continue;
                }
                place_words.insert(cx.w(k), false);
            }
        }
    }
    for c in cands.iter_mut() {
        if lone_person(c) && place_words.get(cx.w(c.start)).copied().unwrap_or(false) {
            c.label = Label::Place;
        }
    }
    // New places by context, unless the text also makes the word a person.
    new_places.retain(|c| place_words.get(cx.w(c.start)).copied().unwrap_or(false));
    if !new_places.is_empty() {
        cands.extend(new_places);
        crate::order::sort_by_key(cands, |c| c.start as u64);
    }
    // First word → (words, the one type the text gives them, or None).
    type Known<'w> = FxMap<&'w str, Vec<(Vec<&'w str>, Option<Label>)>>;
    let mut known: Known = FxMap::default();
    for c in cands.iter() {
        if c.drop || !matches!(c.label, Label::Person | Label::Org | Label::Place) {
            continue;
        }
        let mut keys: Vec<Vec<&str>> = vec![(c.start..c.end).map(|i| cx.w(i)).collect()];
        if c.label == Label::Person && c.end > c.start + 1 {
            let mut last = c.end - 1;
            while last > c.start && name_suffix(cx.w(last)) {
                last -= 1;
            }
            if last > c.start && cx.toks[last].kind == TokenKind::Word {
                keys.push(vec![cx.w(last)]);
            }
        }
        for k in keys {
            let list = known.entry(k[0]).or_default();
            match list.iter_mut().find(|(w, _)| *w == k) {
                Some((_, l)) if *l != Some(c.label) => *l = None,
                Some(_) => {}
                None => list.push((k, Some(c.label))),
            }
        }
    }
    let mut add = Vec::new();
    let mut i = 0;
    while i < n {
        let after_name = i > 0 && cx.name_token(i - 1) && !cx.sent_start[i] && !toks[i].line_before;
        if taken[i] || !cx.name_token(i) || after_name || cx.caps_sentence[i] {
            i += 1;
            continue;
        }
        let mut hit: Option<(usize, Label)> = None;
        for (words, label) in known.get(cx.w(i)).map(Vec::as_slice).unwrap_or(&[]) {
            let (Some(label), l) = (*label, words.len()) else {
                continue;
            };
            let fits = i + l <= n
                && (0..l).all(|k| !taken[i + k] && cx.w(i + k) == words[k])
                && !(i + l < n && cx.name_token(i + l) && !toks[i + l].line_before)
                && (l > 1 || !cx.common(i));
            if fits && hit.is_none_or(|(hl, _)| l > hl) {
                hit = Some((l, label));
            }
        }
        match hit {
            Some((l, label)) => {
                add.push(Cand::new(i, i + l, label, 5));
                i += l;
            }
            None => i += 1,
        }
    }
    if !add.is_empty() {
        cands.extend(add);
        crate::order::sort_by_key(cands, |c| c.start as u64);
    }
}

/// Greedy overlap resolution: longer spans first, then higher priority.
pub(crate) fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    // Key: strong priority (≥ 8) first, then longer, then higher priority,
    // then earlier.
    crate::order::sort_by_key(&mut cands, |c| {
        use crate::order::field;
        let strong = u64::from(c.prio < 8) << 63;
        let len = !field(c.end.saturating_sub(c.start), 23) & ((1 << 23) - 1);
        strong | len << 40 | u64::from(255 - c.prio) << 32 | field(c.start, 32)
    });
    let n = cands.iter().map(|c| c.end).max().unwrap_or(0);
    let mut used = vec![false; n];
    let mut taken: Vec<Cand> = Vec::new();
    for c in cands {
        if c.end <= c.start {
            continue;
        }
        if !used[c.start..c.end].iter().any(|&u| u) {
            used[c.start..c.end].iter_mut().for_each(|u| *u = true);
            taken.push(c);
        }
    }
    taken
}

fn lexicon_cands(cx: &Ctx) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        if !cx.cap(i) {
            i += 1;
            continue;
        }
        let found = cx.lex.longest_at(&cx.words, i).or_else(|| {
            // Datelines and headlines in capitals: "KYIV, Ukraine —".
            let w = cx.w(i);
            if w.chars().count() >= 4 && w.chars().all(char::is_uppercase) {
                let mut cs = w.chars();
                let tc: String = cs
                    .next()
                    .into_iter()
                    .chain(cs.map(|c| c.to_ascii_lowercase()))
                    .collect();
                cx.lex
                    .longest_at(&[tc.as_str()], 0)
                    .filter(|&(_, l)| l == 1)
            } else {
                None
            }
        });
        let Some((p, len)) = found else {
            i += 1;
            continue;
        };
        let phrase = &cx.lex.phrases[p as usize];
        let e = i + len;
        // A given name before a one-word country or city is a person ("Michael Jordan",
        // "George Washington").
        if len == 1
            && i > 0
            && cx.lex.is_first_name(cx.w(i - 1))
            && cx.name_token(i - 1)
            && cx.lex.longest_at(&cx.words, i - 1).is_none()
            && !cx.common(i - 1)
            && !phrase
                .kinds
                .iter()
                .any(|k| matches!(k, Kind::Demonym(_) | Kind::Group(_) | Kind::Org))
        {
            i += 1;
            continue;
        }
        let mut c = None;
        for k in &phrase.kinds {
            let cand = match *k {
                Kind::Country(ix) => {
                    let mut c = Cand::new(i, e, Label::Place, 7);
                    c.canonical = Some(cx.lex.countries[ix as usize].name.to_string());
                    Some(c)
                }
                Kind::City { country, capital } => {
                    // A city named like a common word at a sentence start ("Reading the report"),
                    // or like a given name before a surname ("Vladimir Medinsky").
                    let lone = len == 1
                        && (cx.common(i)
                            || given_name_first(cx, i)
                            || (cx.sent_start[i]
                                && cx.toks.get(e).is_some_and(|t| {
                                    t.kind == TokenKind::Word
                                        && !cx.cap(e)
                                        && FUNCTION_WORDS.contains(cx.w(e))
                                })));
                    if lone {
                        None
                    } else {
                        let mut c = Cand::new(i, e, Label::Place, 6);
                        c.canonical = Some(phrase.canonical.clone());
                        let kind = if capital {
                            RelationKind::CapitalOf
                        } else {
                            RelationKind::LocatedIn
                        };
                        c.related
                            .push((kind, cx.lex.countries[country as usize].name.to_string()));
                        Some(c)
                    }
                }
                Kind::Place | Kind::Region => {
                    // State abbreviations ("Calif.", "N.C.") only after a comma: "Fort Bragg, N.C.".
                    let abbrev = len == 1 && cx.w(i).ends_with('.') && phrase.canonical != "D.C.";
                    let lone_abbrev = abbrev && (i == 0 || cx.w(i - 1) != ",");
                    if lone_abbrev || len == 1 && (cx.common(i) || given_name_first(cx, i)) {
                        None
                    } else {
                        let mut c = Cand::new(i, e, Label::Place, 6);
                        c.canonical = Some(phrase.canonical.clone());
                        Some(c)
                    }
                }
                Kind::Demonym(ix) => {
                    let mut c = Cand::new(i, e, Label::Norp, 7);
                    c.canonical = Some(phrase.canonical.clone());
                    c.related.push((
                        RelationKind::DemonymOf,
                        cx.lex.countries[ix as usize].name.to_string(),
                    ));
                    Some(c)
                }
                Kind::Group(_) => {
                    let mut c = Cand::new(i, e, Label::Norp, 6);
                    c.canonical = Some(phrase.canonical.clone());
                    // Continental adjectives relate to their region.
                    let region = match phrase.canonical.as_str() {
                        "European" => Some("Europe"),
                        "African" => Some("Africa"),
                        "Asian" => Some("Asia"),
                        "Latin American" => Some("Latin America"),
                        "North American" => Some("North America"),
                        "South American" => Some("South America"),
                        "Middle Eastern" => Some("Middle East"),
                        _ => None,
                    };
                    if let Some(r) = region {
                        c.related.push((RelationKind::DemonymOf, r.to_string()));
                    }
                    Some(c)
                }
                Kind::Org => {
                    let mut c = Cand::new(i, e, Label::Org, 6);
                    c.canonical = Some(phrase.canonical.clone());
                    Some(c)
                }
            };
            if cand.is_some() {
                c = cand;
                break;
            }
        }
        match c {
            Some(mut c) => {
                // "Western European", "Eastern European": a direction joined to a nationality.
                if let Some(prev) = out.last_mut().filter(|p: &&mut Cand| {
                    p.end == i
                        && p.label == Label::Norp
                        && matches!(
                            cx.w(p.start),
                            "Western" | "Eastern" | "Northern" | "Southern" | "Central"
                        )
                        && p.end == p.start + 1
                }) {
                    if c.label == Label::Norp {
                        prev.end = e;
                        prev.canonical = Some(format!("{} {}", cx.w(prev.start), phrase.canonical));
                        prev.related = std::mem::take(&mut c.related);
                        i = e;
                        continue;
                    }
                    // "Western Australia", "Northern Syria": a direction and a place.
                    if c.label == Label::Place {
                        prev.end = e;
                        prev.label = Label::Place;
                        prev.canonical = None;
                        prev.related.clear();
                        i = e;
                        continue;
                    }
                }
                // "East African", "South Asian": a bare direction word before a nationality.
                if c.label == Label::Norp
                    && i > 0
                    && matches!(cx.w(i - 1), "East" | "West" | "North" | "South" | "Central")
                    && out.last().is_none_or(|p| p.end < i)
                {
                    c.start = i - 1;
                    c.canonical = Some(format!("{} {}", cx.w(i - 1), phrase.canonical));
                }
                out.push(c);
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// A given name followed by a capitalised word that is not a known place: "Vladimir Medinsky",
/// "Georgia Smith".
fn given_name_first(cx: &Ctx, i: usize) -> bool {
    cx.lex.is_first_name(cx.w(i))
        && cx.name_token(i + 1)
        && cx.toks[i + 1].kind == TokenKind::Word
        && cx.lex.longest_at(&cx.words, i + 1).is_none()
        && !cx.common(i + 1)
        && !ORG_HEADS.contains(cx.w(i + 1))
        && !LOC_HEADS.contains(cx.w(i + 1))
}

/// A title at `i`: (end of title, head is plural). Titles are modifiers then a head.
fn title_at(cx: &Ctx, i: usize) -> Option<(usize, bool)> {
    let mut k = i;
    let mut last_head = None;
    while k < cx.toks.len() && (cx.cap(k) || cx.w(k) == "of") && k < i + 6 {
        let w = cx.w(k);
        if is_title_head(w) {
            last_head = Some(k);
            k += 1;
        } else if TITLE_MODS.contains(w) {
            k += 1;
        } else if w == "for" && last_head == Some(k - 1) && cx.cap(k + 1) {
            // "Minister for Africa", "Minister for Foreign Affairs": up to a given name,
            // another title, or the last capitalised word (left for the name).
            let mut j = k + 1;
            while cx.cap(j)
                && cx.cap(j + 1)
                && !cx.lex.is_first_name(cx.w(j))
                && !is_title_head(cx.w(j))
            {
                j += 1;
            }
            if j == k + 1 {
                break;
            }
            k = j;
            last_head = Some(k - 1);
        } else if w == "of"
            && last_head == Some(k - 1)
            && matches!(
                cx.w(k + 1),
                "State"
                    | "Defence"
                    | "Defense"
                    | "Staff"
                    | "Homeland"
                    | "Commerce"
                    | "Energy"
                    | "Agriculture"
                    | "Health"
                    | "Labor"
                    | "Transportation"
                    | "Education"
                    | "Veterans"
                    | "Justice"
                    | "Treasury"
                    | "War"
                    | "the"
            )
            // "Governor of the Bank of England": the bank is no part of the title.
            && !(cx.w(k + 1) == "the"
                && (ORG_HEADS.contains(cx.w(k + 2))
                    || LOC_HEADS.contains(cx.w(k + 2))
                    || ORG_LEADS.contains(cx.w(k + 2))))
        {
            k += if cx.w(k + 1) == "the" { 3 } else { 2 };
            last_head = Some(k - 1);
        } else {
            break;
        }
        // Hyphenated heads ("Secretary-General") are one token here; skip glued hyphens.
        if cx.w(k) == "-" && cx.toks.get(k).is_some_and(|t| !t.space_before) && cx.cap(k + 1) {
            k += 1;
        }
    }
    let h = last_head?;
    let end = h + 1;
    Some((end, plural_title(cx.w(h))))
}

fn capitalised_cands(cx: &Ctx, lexc: &[Cand]) -> Vec<Cand> {
    let n = cx.toks.len();
    let mut lex_at: FxMap<usize, &Cand> = FxMap::default();
    for c in lexc {
        lex_at.insert(c.start, c);
    }
    let mut cov = vec![false; n];
    for c in lexc {
        for x in cov.iter_mut().take(c.end).skip(c.start) {
            *x = true;
        }
    }
    let covered = |i: usize| cov.get(i).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !cx.name_token(i) && !cx.is_acronym(i) {
            i += 1;
            continue;
        }
        // Collect the run [i, e).
        let mut e = i + 1;
        loop {
            if e < n && cx.toks[e].line_before {
                break;
            }
            if e < n && cx.name_token(e) {
                e += 1;
                continue;
            }
            // Hyphenated name parts: "Lee Jae-myung", "Jean-Pierre", "Abu-Bakr".
            if e + 1 < n
                && matches!(cx.w(e), "-" | "‐")
                && !cx.toks[e].space_before
                && !cx.toks[e + 1].space_before
                && cx.toks[e + 1].kind == TokenKind::Word
                && cx.lex.longest_at(&cx.words, e + 1).is_none()
                && cx.lex.longest_at(&cx.words, e - 1).is_none()
                && cx.name_token(e - 1)
                && (cx.name_token(e + 1) || !compound_suffix(cx.w(e + 1)))
            {
                e += 2;
                continue;
            }
            // A lowercase Arabic particle glued to a name part: "Suleiman al-Amr",
            // "Abdel Fattah el-Sisi".
            if cx.name_token(e - 1) && glued_particle(cx.text, cx.toks, e) {
                e += 3;
                continue;
            }
            // Connector then a capitalised word: "Ministry of Defence", "Bank of England".
            // Connector chains: "Pieter van der Berg", "Bank of the Netherlands".
            let mut k = e;
            while k < n && k < e + 3 && connector(cx.w(k)) && !cx.toks[k].line_before {
                k += 1;
            }
            // …but not onto a date ("the Council on Thursday", "elected in May").
            let date_word = {
                let x = cx.w(k).to_ascii_lowercase();
                x.ends_with("day") && x.len() > 5
                    || matches!(
                        x.as_str(),
                        "january"
                            | "february"
                            | "march"
                            | "april"
                            | "may"
                            | "june"
                            | "july"
                            | "august"
                            | "september"
                            | "october"
                            | "november"
                            | "december"
                    )
            };
            if k > e && k < n && cx.name_token(k) && !cx.toks[k].line_before && !date_word {
                e = k;
                continue;
            }
            break;
        }
        // Strip trailing connectors.
        while e > i + 1 && connector(cx.w(e - 1)) {
            e -= 1;
        }
        // Names are short: a longer run of capitalised words is a heading or a list,
        // where only the gazetteer is trusted (this also bounds the work per run).
        if e - i <= MAX_RUN {
            analyse_run(cx, i, e, &lex_at, &covered, &mut out);
        } else {
            for k in i..e {
                if cx.is_acronym(k) && !lex_at.contains_key(&k) && !covered(k) {
                    piece(cx, k, k + 1, &mut out);
                }
            }
        }
        i = e;
    }
    out
}

fn role_of(cx: &Ctx, a: usize, b: usize, lex_at: &FxMap<usize, &Cand>, out: &[Cand]) -> Role {
    let title = cx.text[cx.toks[a].span.start..cx.toks[b - 1].span.end].to_string();
    // Affiliation: a nationality or country right before the title ("Russian Foreign
    // Minister", "Ukraine’s President"), or an organisation ("NATO Secretary General").
    let mut affiliation = None;
    let mut k = a;
    if k > 0 && cx.toks[k - 1].kind == TokenKind::Possessive {
        k -= 1;
    }
    if k > 0 {
        let prev = (1..=k.min(8))
            .filter_map(|l| lex_at.get(&(k - l)).copied())
            .find(|c| c.end == k)
            .or_else(|| out.iter().rev().take(8).find(|c| c.end == k));
        if let Some(c) = prev {
            affiliation = match c.label {
                Label::Norp => c
                    .related
                    .first()
                    .map(|r| r.1.clone())
                    .or(c.canonical.clone()),
                Label::Place | Label::Org => Some(c.canonical.clone().unwrap_or_else(|| {
                    cx.text[cx.toks[c.start].span.start..cx.toks[c.end - 1].span.end].to_string()
                })),
                _ => None,
            };
        }
    }
    Role {
        title,
        span: Span::new(cx.toks[a].span.start, cx.toks[b - 1].span.end),
        affiliation,
    }
}

#[allow(clippy::too_many_arguments)]
fn analyse_run(
    cx: &Ctx,
    a: usize,
    b: usize,
    lex_at: &FxMap<usize, &Cand>,
    covered: &dyn Fn(usize) -> bool,
    out: &mut Vec<Cand>,
) {
    let mut a = a;
    // Sentence-initial function word ("The", "However") is not part of a name.
    while a < b
        && (cx.sent_start[a] || (a > 0 && cx.sent_start[a - 1] && !cx.name_token(a - 1)))
        && (cx.common(a)
            || (a + 1 < b
                && connector(cx.w(a + 1))
                && !lex_at.contains_key(&a)
                && !cx.lex.is_first_name(cx.w(a))
                && (cx.lex.is_common_word(cx.w(a))
                    || cx
                        .w(a)
                        .strip_suffix('s')
                        .is_some_and(|x| cx.lex.is_common_word(x)))))
        && !is_title_head(cx.w(a))
        && !(TITLE_MODS.contains(cx.w(a)) && title_at(cx, a).is_some())
        && !(a + 1 < b
            && (PLACE_PREFIXES.contains(cx.w(a))
                || LOC_LEADS.contains(cx.w(a))
                || ORG_HEADS.contains(cx.w(a))
                || EVENT_LEADS.contains(cx.w(a))
                || ORG_LEADS.contains(cx.w(a))
                || matches!(cx.w(a), "Operation" | "Battle")))
    {
        a += 1;
        // "From the Barents Sea": connectors after a stripped word go too.
        while a < b && connector(cx.w(a)) {
            a += 1;
        }
    }
    if a >= b {
        return;
    }
    let w = |i: usize| cx.w(i);

    // "Alice Weidel of the Alternative for Germany party": a name before a lowercase
    // organisation noun is an organisation; what precedes "of (the)" is analysed apart.
    if matches!(
        w(b),
        "party" | "movement" | "coalition" | "bloc" | "militia" | "faction" | "group" | "alliance"
    ) && !cx.toks[b].is_capitalised(cx.text)
    {
        let m = (a..b).rev().find(|&k| w(k) == "of");
        let os = match m {
            Some(m) if w(m + 1) == "the" => m + 2,
            Some(m) => m + 1,
            None => a,
        };
        if os < b && !(os + 1 == b && lex_at.contains_key(&os)) {
            out.push(Cand::new(os, b, Label::Org, 6));
            if let Some(m) = m {
                if m > a {
                    analyse_run(cx, a, m, lex_at, covered, out);
                }
            }
            return;
        }
    }

    // Ships ("USS Jack H. Lucas", "HMS Victory") are products: claimed, not reported.
    if matches!(
        w(a),
        "USS" | "HMS" | "HMCS" | "HMAS" | "INS" | "RFS" | "SS" | "MV"
    ) && a + 1 < b
    {
        let mut c = Cand::new(a, b, Label::Org, 6);
        c.drop = true;
        out.push(c);
        return;
    }
    // A title at the start that contains the head ("Secretary of the Navy …") is a title.
    let title_end = title_at(cx, a).map(|(te, _)| te).unwrap_or(a);

    // 1. Organisation / place / event by head word anywhere in the run.
    let heads: Vec<(usize, Label)> = (title_end..b)
        .filter_map(|k| {
            let x = w(k);
            if DROP_HEADS.contains(x) {
                Some((k, Label::Event))
            } else if ORG_HEADS.contains(x) {
                Some((k, Label::Org))
            } else if LOC_HEADS.contains(x) {
                Some((k, Label::Place))
            } else if EVENT_HEADS.contains(x) {
                Some((k, Label::Event))
            } else {
                None
            }
        })
        .collect();
    let dropped = heads
        .last()
        .is_some_and(|&(h, _)| DROP_HEADS.contains(w(h)))
        || (a..b).any(|k| DROP_HEADS.contains(w(k)) && w(k + 1) == "of");
    let leads: Option<(usize, Label)> = (a..b).find_map(|k| {
        if DROP_HEADS.contains(w(k)) && w(k + 1) == "of" {
            return Some((k, Label::Event));
        }
        if w(k + 1) != "of" {
            return None;
        }
        if LOC_LEADS.contains(w(k)) {
            Some((k, Label::Place))
        } else if ORG_LEADS.contains(w(k)) {
            Some((k, Label::Org))
        } else if EVENT_LEADS.contains(w(k)) {
            Some((k, Label::Event))
        } else {
            None
        }
    });
    // "Eastern Front of World War II": two names joined by "of" whose heads differ in kind.
    if let Some(&(h, label)) = heads.last() {
        if let Some(m) = (a..h).rev().find(|&k| w(k) == "of") {
            if heads.iter().any(|&(h2, l2)| h2 < m && l2 != label) {
                analyse_run(cx, a, m, lex_at, covered, out);
                analyse_run(cx, m + 1, b, lex_at, covered, out);
                return;
            }
        }
    }
    // "Dr André Müller of the World Health Organization", "Director of the Central
    // Intelligence Agency": a name after "of" whose head word ends the run is a name
    // of its own when nothing before "of" heads or leads a name ("Bank of England",
    // "Isle of Wight Council", "City of London Police" stay whole); what precedes
    // "of" is analysed apart (people, titles).
    if let Some(&(h, _)) = heads.last() {
        if let Some(m) = (a..h).rev().find(|&k| w(k) == "of") {
            let leads_name = |x: &str| {
                ORG_HEADS.contains(x)
                    || LOC_HEADS.contains(x)
                    || EVENT_HEADS.contains(x)
                    || ORG_LEADS.contains(x)
                    || LOC_LEADS.contains(x)
                    || EVENT_LEADS.contains(x)
                    || DROP_HEADS.contains(x)
                    || PLACE_PREFIXES.contains(x)
                    || PLACE_NOUNS.contains(x.to_lowercase().as_str())
            };
            let mut s = m + 1;
            while s < h && connector(w(s)) {
                s += 1;
            }
            if m > a && s <= h && !(a..m).any(|k| leads_name(w(k))) {
                analyse_run(cx, a, m, lex_at, covered, out);
                analyse_run(cx, s, b, lex_at, covered, out);
                return;
            }
        }
    }
    if let Some(&(h, label)) = heads.last().or(leads.as_ref()) {
        // Start: after any title words at the run start (e.g. "Defence Minister" is a title, not an org).
        let mut s = a;
        // Not across "and" ("France and the United Kingdom"), except inside an "of" tail
        // ("Ministry of Agriculture and Food").
        if let Some(k) = (a..h).rev().find(|&k| w(k) == "and") {
            let lexicon_before = (a..k).any(|j| lex_at.get(&j).is_some_and(|c| c.end == k));
            if lexicon_before && !(a..k).any(|j| matches!(w(j), "of" | "for")) {
                if k > a {
                    classify_plain(cx, a, k, lex_at, covered, out, false);
                }
                s = k + 1;
                while s < h && connector(w(s)) {
                    s += 1;
                }
            }
        }
        // Don't let a person title lead an organisation ("President Biden Foundation" aside).
        if let Some((te, _)) = title_at(cx, s) {
            if te <= h
                && !ORG_HEADS.contains(w(te - 1))
                && te < b
                && !heads.iter().any(|x| x.0 < te)
            {
                // "Secretary General Mark Rutte …" — leave to the person rule below.
                if !(label == Label::Org && h < te) {
                    s = te;
                }
            }
        }
        // Weekday + "Day"? No: "Victory Day" needs a non-date word before "Day".
        let ordinal_before = h == s
            && h >= 2
            && cx.toks[h - 2].kind == TokenKind::Number
            && !cx.toks[h - 1].space_before
            && matches!(cx.w(h - 1), "st" | "nd" | "rd" | "th");
        // Institutions named by their head alone ("The Navy plans…", "Parliament voted").
        let solo = h == s && label == Label::Org && SOLO_ORGS.contains(w(h)) && !cx.sent_start[h];
        let valid = h > s
            || ordinal_before
            || solo
            || matches!(w(h + 1), "of" | "for")
            || (label == Label::Place && LOC_LEADS.contains(w(h)) && h + 1 < b);
        // End: the head, plus an "of …" / "for …" tail up to a title ("Bank of England
        // Governor Andrew Bailey" → "Bank of England").
        let mut e = h + 1;
        if matches!(w(e), "of" | "for" | "on" | "&") {
            e += 1;
            while e < b && title_at(cx, e).is_none() {
                e += 1;
            }
        } else {
            while e < b && !is_title_head(w(e)) && title_at(cx, e).is_none() && !connector(w(e)) {
                e += 1;
            }
        }
        while e > h + 1 && connector(w(e - 1)) {
            e -= 1;
        }
        // "The Foreign, Commonwealth and Development Office": a comma list before "and".
        if s == a
            && label == Label::Org
            && a >= 2
            && w(a - 1) == ","
            && cx.name_token(a - 2)
            && (a..h).any(|k| w(k) == "and")
            && (a < 3 || !cx.name_token(a - 3) || w(a - 3) == "The")
            && !lex_at.contains_key(&(a - 2))
        {
            s = a - 2;
        }
        if valid && s < e {
            // Leading "The" inside a run is dropped (only lowercase "the" never starts a run).
            let mut s2 = s;
            while s2 < e && w(s2) == "The" {
                s2 += 1;
            }
            // An acronym before a dropped name stands alone ("a UNESCO World Heritage Site").
            if dropped && s2 + 1 < e && cx.is_acronym(s2) {
                piece(cx, s2, s2 + 1, out);
                s2 += 1;
            }
            let good = match label {
                Label::Event => !(w(h) == "Day" && (h == s2 || cx.common(h - 1) && !cx.cap(h - 1))),
                _ => true,
            };
            if good && s2 < e {
                // "the 82nd Airborne Division": an ordinal before the name belongs to it.
                if s2 >= 2
                    && label == Label::Org
                    && cx.toks[s2 - 2].kind == TokenKind::Number
                    && !cx.toks[s2 - 1].space_before
                    && matches!(cx.w(s2 - 1), "st" | "nd" | "rd" | "th")
                {
                    s2 -= 2;
                }
                let mut c = Cand::new(s2, e, label, 6);
                c.drop = dropped;
                // "Friends of the Wendle": an organisation by its first word.
                c.sure = label == Label::Org
                    && heads.is_empty()
                    && ORG_LEADS.contains(w(s2))
                    && !cx.title_sentence[s2];
                out.push(c);
                if e < b {
                    analyse_run(cx, e, b, lex_at, covered, out);
                }
                return;
            }
        }
    }

    // "Castell & Ward", "Marks & Spencer": names joined by "&" are a firm, unless
    // a lexicon knows a side ("Trinidad & Tobago").
    if let Some(k) = (a + 1..b.saturating_sub(1))
        .find(|&k| w(k) == "&" && cx.name_token(k - 1) && cx.name_token(k + 1))
    {
        let mut l = k;
        while l > a && cx.name_token(l - 1) && !covered(l - 1) && title_at(cx, l - 1).is_none() {
            l -= 1;
        }
        let mut r = k + 1;
        while r < b && cx.name_token(r) && !covered(r) {
            r += 1;
        }
        // Not a list of everyday words ("Plumbing & Electric Problems"), not initials ("D&D").
        let plain = (l..r).all(|j| j == k || cx.lex.is_common_word(w(j)));
        let initials = w(k - 1).chars().count() < 2 || w(k + 1).chars().count() < 2;
        // Firms are named by one or two words a side ("Allen & Overy", "Procter & Gamble").
        let short = k - l <= 2 && r - k - 1 <= 2;
        if l < k && r > k + 1 && short && !lex_at.contains_key(&(k + 1)) && !plain && !initials {
            if l > a {
                analyse_run(cx, a, l, lex_at, covered, out);
            }
            let mut c = Cand::new(l, r, Label::Org, 6);
            c.sure = !cx.title_sentence[l];
            out.push(c);
            if r < b {
                analyse_run(cx, r, b, lex_at, covered, out);
            }
            return;
        }
    }

    // 2. Titles and the people after them.
    let mut k = a;
    while k < b {
        if let Some((te, plural)) = title_at(cx, k) {
            if te < b || (plural && te < cx.toks.len()) {
                let mut role = role_of(cx, k, te, lex_at, out);
                if plural {
                    // "Presidents Xi and Putin": each is a President.
                    role.title = singular_title(&role.title);
                }
                if plural {
                    // "Presidents Xi and Putin", "Messrs. Smith and Jones".
                    let mut p = te;
                    while p < cx.toks.len() && cx.name_token(p) {
                        let s = p;
                        while p < cx.toks.len() && cx.name_token(p) {
                            p += 1;
                        }
                        let mut c = Cand::new(s, p, Label::Person, 8);
                        c.role = Some(role.clone());
                        out.push(c);
                        if matches!(w(p), "and" | "," | "&") && cx.name_token(p + 1) {
                            p += 1;
                        } else {
                            break;
                        }
                    }
                    return;
                }
                // The name: capitalised tokens after the title that are not a place or org.
                let mut p = te;
                while p < b
                    && !lex_at.contains_key(&p)
                    && !matches!(w(p), "of" | "for" | "the" | "and" | "on" | "&")
                {
                    p += 1;
                }
                // A one-word place inside a name after an initial or a given name
                // ("Robert F. Kennedy Jr."), and generational suffixes.
                while p < b
                    && p > te
                    && lex_at
                        .get(&p)
                        .is_some_and(|c| c.end == p + 1 && c.label == Label::Place)
                    && (cx.toks[p - 1].kind == TokenKind::Abbrev || cx.lex.is_first_name(w(p - 1)))
                {
                    p += 1;
                    while p < b && name_suffix(w(p)) {
                        p += 1;
                    }
                }
                while p > te && connector(w(p - 1)) {
                    p -= 1;
                }
                if p > te && !(p - te == 1 && cx.is_acronym(te) && !cx.w(te).contains('.')) {
                    let mut c = Cand::new(te, p, Label::Person, 8);
                    c.role = Some(role);
                    out.push(c);
                    k = p;
                    continue;
                }
            }
            k = te.max(k + 1);
            continue;
        }
        k += 1;
    }
    if out
        .last()
        .is_some_and(|c| c.start >= a && c.end <= b && c.label == Label::Person)
    {
        // Anything before the title in this run (an acronym like "NATO") is handled below.
        let pstart = out.last().map(|c| c.start).unwrap_or(b);
        classify_plain(cx, a, pstart, lex_at, covered, out, true);
        return;
    }
    classify_plain(cx, a, b, lex_at, covered, out, false);
}

/// Classify a run with no title and no head word.
fn classify_plain(
    cx: &Ctx,
    a: usize,
    b: usize,
    lex_at: &FxMap<usize, &Cand>,
    covered: &dyn Fn(usize) -> bool,
    out: &mut Vec<Cand>,
    before_title: bool,
) {
    // Split the run at lexicon matches and titles; classify each unknown piece.
    let mut k = a;
    while k < b {
        if let Some(c) = lex_at.get(&k) {
            k = c.end.max(k + 1);
            continue;
        }
        if covered(k) {
            k += 1;
            continue;
        }
        if title_at(cx, k).is_some() && before_title {
            break;
        }
        let s = k;
        while !(k >= b
            || lex_at.contains_key(&k)
            || covered(k)
            || before_title && title_at(cx, k).is_some())
        {
            k += 1;
        }
        // Split at English connectors ("Alice Weidel of the …"); keep name particles
        // ("van der", "bin", "de"). Trim connectors at both ends.
        let mut start = s;
        for j in s..=k {
            if j == k || matches!(cx.w(j), "of" | "for" | "the" | "and" | "on" | "&" | "upon") {
                let (mut ps, mut pe) = (start, j);
                while ps < pe && connector(cx.w(ps)) {
                    ps += 1;
                }
                while pe > ps && connector(cx.w(pe - 1)) {
                    pe -= 1;
                }
                if ps < pe {
                    piece(cx, ps, pe, out);
                }
                start = j + 1;
            }
        }
    }
}

fn piece(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Cand>) {
    let len = e - s;
    let w = |i: usize| cx.w(i);
    // An acronym inside a longer piece stands alone ("NATO Allies", "EU leaders").
    if len > 1 {
        let is_split = |k: usize| {
            cx.is_acronym(k) && !cx.w(k).ends_with('.') && !(k > s && name_suffix(cx.w(k)))
        };
        if (s..e).any(is_split) {
            // Pieces between acronyms, and each acronym alone (no recursion on the rest).
            let mut start = s;
            for k in s..e {
                if is_split(k) {
                    if k > start {
                        piece(cx, start, k, out);
                    }
                    piece(cx, k, k + 1, out);
                    start = k + 1;
                }
            }
            if start < e {
                piece(cx, start, e, out);
            }
            return;
        }
    }
    // Title or institution words alone are not names ("the Prime Minister’s Office",
    // "sources close to the Ministry said").
    if (s..e).all(|k| {
        let x = w(k);
        is_title_head(x)
            || TITLE_MODS.contains(x)
            || ORG_HEADS.contains(x)
            || LOC_HEADS.contains(x)
            || EVENT_HEADS.contains(x)
    }) {
        return;
    }
    // Names given to things: "known as Project Freedom", "dubbed Operation X".
    let naming = s >= 1
        && (matches!(
            w(s - 1),
            "dubbed" | "called" | "codenamed" | "nicknamed" | "titled" | "named"
        ) || (w(s - 1) == "as"
            && s >= 2
            && matches!(w(s - 2), "known" | "named" | "described")));
    if naming && !cx.lex.is_first_name(w(s)) {
        return;
    }
    // Datelines in capitals: "FORT BRAGG, N.C. —".
    let caps_word = |k: usize| w(k).chars().count() >= 3 && w(k).chars().all(char::is_uppercase);
    let place_after_comma = cx.lex.longest_at(&cx.words, e + 1).is_some_and(|(p, _)| {
        cx.lex.phrases[p as usize]
            .kinds
            .iter()
            .any(|k| matches!(k, Kind::Country(_) | Kind::Place))
    });
    if (s..e).all(|k| caps_word(k) || w(k) == "-")
        && caps_word(s)
        && cx.sent_start[s]
        && matches!(w(e), "," | "—" | "–" | "(")
        && ((s..e).all(|k| w(k) == "-" || cx.caps_phrase(k)) || place_after_comma)
    {
        out.push(Cand::new(s, e, Label::Place, 4));
        return;
    }
    // Named operations: "Operation Uranus".
    if len >= 2 && matches!(w(s), "Operation" | "Exercise") {
        out.push(Cand::new(s, e, Label::Event, 5));
        return;
    }
    // Acronyms.
    if len == 1 && cx.is_acronym(s) {
        let x = w(s);
        let bare = x.trim_end_matches('.');
        if (ACRONYM_STOP.contains(bare) || ACRONYM_STOP.contains(x))
            && !TWO_LETTER_ORGS.contains(bare)
        {
            return;
        }
        if bare.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return;
        }
        if x.len() == 2 && !TWO_LETTER_ORGS.contains(x) && !x.contains('.') {
            return;
        }
        out.push(Cand::new(s, e, Label::Org, 5));
        return;
    }
    if connector(w(s)) || connector(w(e - 1)) {
        return;
    }
    // "Historian Vladimir Medinsky" at a sentence start: the first word is not part of the name.
    if len >= 3 && cx.sent_start[s] && !cx.lex.is_first_name(w(s)) && cx.lex.is_first_name(w(s + 1))
    {
        return piece(cx, s + 1, e, out);
    }
    let after = w(e);
    let after2 = w(e + 1);
    let before = if s > 0 { w(s - 1) } else { "" };
    let say_after = SAY_VERBS.contains(after) || (after == "," && SAY_VERBS.contains(after2));
    let say_before = SAY_VERBS.contains(before) && s > 1;
    let role_before = s > 0 && ROLE_NOUNS.contains(&before.to_ascii_lowercase());
    let first_name = cx.lex.is_first_name(w(s)) && len >= 2 && !cx.common(e - 1);
    let initials = len >= 2 && cx.toks[s].kind == TokenKind::Abbrev && w(s).len() == 2;
    // Inside a glued hyphenated part ("al-Amr", "Jae-myung"): the hyphen, the
    // lowercase particle before it and the word after it.
    let hyphen = |i: usize| {
        i > s
            && i + 1 < e
            && matches!(w(i), "-" | "‐")
            && !cx.toks[i].space_before
            && !cx.toks[i + 1].space_before
    };
    let glued_part = |i: usize| hyphen(i) || hyphen(i + 1) || (i > s && hyphen(i - 1));
    let all_namey = (s..e).all(|i| {
        let x = w(i);
        cx.toks[i].kind == TokenKind::Word
            || (cx.toks[i].kind == TokenKind::Abbrev && x.len() == 2)
            || hyphen(i)
    }) && (s..e)
        .all(|i| !cx.common(i) || cx.lex.is_first_name(w(i)) || glued_part(i));
    let starts_sentence = cx.sent_start[s];
    let lower = |x: &str| x.to_ascii_lowercase();
    // Made only of everyday English words ("Black Death", "Great Depression"): no guessing.
    let all_dictionary = (s..e).all(|i| cx.lex.is_common_word(w(i)) && !cx.lex.is_first_name(w(i)));
    // Places by form or context: "Fort Stewart", "the state of Gujarat".
    if len >= 2 && PLACE_PREFIXES.contains(w(s)) && !cx.common(s + 1) {
        out.push(Cand::new(s, e, Label::Place, 5));
        return;
    }
    if s >= 2 && before == "of" && PLACE_NOUNS.contains(w(s - 2)) && all_namey {
        out.push(Cand::new(s, e, Label::Place, 5));
        return;
    }
    // "Pascagoula, Mississippi", "Techiman, Ghana": a name before a comma and a known
    // country or US state is a town.
    if len <= 3
        && all_namey
        && !all_dictionary
        && after == ","
        && !starts_sentence
        && !cx.lex.is_first_name(w(s))
    {
        if let Some((p, _)) = cx.lex.longest_at(&cx.words, e + 1) {
            let kinds = &cx.lex.phrases[p as usize].kinds;
            if kinds
                .iter()
                .any(|k| matches!(k, Kind::Country(_) | Kind::Place))
            {
                out.push(Cand::new(s, e, Label::Place, 5));
                return;
            }
        }
    }
    // "near Bakhmut", "outside Kherson": a place.
    if len <= 2
        && all_namey
        && !all_dictionary
        && !starts_sentence
        && (matches!(before, "near" | "outside" | "across") || (before == "in" && after == ","))
        && !cx.lex.is_first_name(w(s))
        && !matches!(after, "’s" | "'s")
        && cx
            .toks
            .get(e)
            .is_none_or(|t| t.kind != TokenKind::Possessive)
    {
        out.push(Cand::new(s, e, Label::Place, 3));
        return;
    }
    // Apposition: "Elon Musk, the billionaire owner", "Jane Smith, 27,".
    let apposition = after == ","
        && ({
            let k = if matches!(after2, "the" | "a" | "an") {
                e + 2
            } else {
                e + 1
            };
            ROLE_NOUNS.contains(&lower(w(k)))
                || ROLE_NOUNS.contains(&lower(w(k + 1)))
                    && cx.toks.get(k).is_some_and(|t| !t.is_capitalised(cx.text))
                || (cx
                    .toks
                    .get(e + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                    && w(e + 2) == ",")
        });
    // Right after a business noun: an organisation the tagger may not retype.
    if s > 0
        && COMPANY_NOUNS.contains(before)
        && all_namey
        && len <= 3
        && !cx.title_sentence[s]
        && !cx.caps_sentence[s]
    {
        let mut c = Cand::new(s, e, Label::Org, 5);
        c.sure = true;
        out.push(c);
        return;
    }
    let person_evidence =
        first_name || initials || say_after || say_before || role_before || apposition;
    if !person_evidence && all_namey && !starts_sentence && !cx.title_sentence[s] {
        let org_before = s > 0
            && ORG_CUES_BEFORE.contains(lower(before).as_str())
            && (len >= 2 || before != "at");
        let org_after = ORG_CUES_AFTER.contains(after);
        if org_before || org_after {
            let mut c = Cand::new(s, e, Label::Org, 4);
            c.sure = true;
            out.push(c);
            return;
        }
    }
    if DIRECTIONS.contains(w(s)) && !first_name {
        return;
    }
    // At a sentence start, two or three unknown capitalised words followed by a lowercase
    // word ("Adolf Hitler ordered …") read as a name.
    let initial_name = starts_sentence
        && (2..=3).contains(&len)
        && all_namey
        && !all_dictionary
        && !cx.title_sentence[s]
        && cx.toks.get(e).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.is_capitalised(cx.text) && !cx.toks[e].line_before
        })
        && (s..e).all(|i| !cx.lex.is_first_name(w(i)) || i == s);
    let person = first_name
        || initial_name
        || (apposition && len <= 4 && all_namey)
        || initials
        || ((say_after || say_before || role_before) && len <= 4 && all_namey)
        || ((2..=3).contains(&len)
            && all_namey
            && !all_dictionary
            && before != "the"
            && !cx
                .toks
                .get(e)
                .is_some_and(|t| t.kind == TokenKind::Number && t.span.len() <= 3)
            && !starts_sentence
            && !cx.title_sentence[s]);
    if person && !cx.caps_sentence[s] {
        let mut c = Cand::new(
            s,
            e,
            Label::Person,
            if first_name || role_before { 7 } else { 4 },
        );
        if role_before {
            let r = s - 1;
            c.role = Some(Role {
                title: w(r).to_string(),
                span: cx.toks[r].span,
                affiliation: None,
            });
        }
        out.push(c);
    }
}

/// Single capitalised tokens that repeat a known person's surname, or a known
/// organisation's name, become mentions too.
fn surname_pass(cx: &Ctx, chosen: &mut Vec<Cand>) {
    let mut surnames: FxMap<&str, usize> = FxMap::default();
    let mut full_surnames: FxSet<&str> = FxSet::default();
    let mut short_names: FxMap<&str, (Label, String)> = FxMap::default();
    // Known multi-purpose names by first word: (words, source candidate).
    let mut names: FxMap<&str, Vec<(Vec<&str>, usize)>> = FxMap::default();
    for (ix, c) in chosen.iter().enumerate() {
        if matches!(c.label, Label::Person) {
            let mut last = c.end - 1;
            while last > c.start && name_suffix(cx.w(last)) {
                last -= 1;
            }
            surnames.entry(cx.w(last)).or_insert(ix);
            if last > c.start {
                full_surnames.insert(cx.w(last));
            }
        }
        // Short forms: "Apple Inc." → "Apple", "Amazon River" → "Amazon", "Lake Baikal" → "Baikal".
        if c.canonical.is_none() && c.end == c.start + 2 {
            let (x, y) = (cx.w(c.start), cx.w(c.start + 1));
            let short = match c.label {
                Label::Org
                    if matches!(
                        y,
                        "Inc."
                            | "Inc"
                            | "Corp."
                            | "Corp"
                            | "Ltd."
                            | "Ltd"
                            | "LLC"
                            | "plc"
                            | "PLC"
                            | "Co."
                    ) =>
                {
                    Some(c.start)
                }
                Label::Place if matches!(y, "River" | "Mountains" | "Desert" | "Peninsula") => {
                    Some(c.start)
                }
                Label::Place if matches!(x, "Lake" | "Mount" | "Mt.") => Some(c.start + 1),
                _ => None,
            };
            if let Some(k) = short {
                if cx.lex.longest_at(&cx.words, k).is_none() {
                    let full = cx.text[cx.toks[c.start].span.start..cx.toks[c.end - 1].span.end]
                        .to_string();
                    short_names.entry(cx.w(k)).or_insert((c.label, full));
                }
            }
        }
        if matches!(c.label, Label::Person | Label::Org | Label::Event) && c.canonical.is_none() {
            let words: Vec<&str> = (c.start..c.end).map(|i| cx.w(i)).collect();
            let list = names.entry(words[0]).or_default();
            if !list.iter().any(|(w, _)| *w == words) {
                list.push((words, ix));
            }
        }
    }
    // A one-word place that is the surname of a person named in full ("Lloyd Austin" …
    // "Austin said") is that person.
    for c in chosen.iter_mut() {
        if c.end == c.start + 1
            && c.label == Label::Place
            && c.canonical.is_some()
            && full_surnames.contains(cx.w(c.start))
        {
            {
                c.label = Label::Person;
                c.canonical = None;
                c.related.clear();
            }
        }
    }
    // A guessed one-word person that is the short form of a known organisation or place
    // ("Apple said …" after "Apple Inc.") is that organisation or place.
    for c in chosen.iter_mut() {
        if c.end == c.start + 1 && c.label == Label::Person && c.prio <= 4 {
            if let Some((label, full)) = short_names.get(cx.w(c.start)) {
                c.label = *label;
                c.canonical = Some(full.clone());
                c.role = None;
            }
        }
    }
    let mut taken: Vec<bool> = vec![false; cx.toks.len()];
    for c in chosen.iter() {
        for t in taken.iter_mut().take(c.end).skip(c.start) {
            *t = true;
        }
    }
    let mut add = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        if taken[i] || !cx.cap(i) {
            i += 1;
            continue;
        }
        // Whole known names first.
        let mut hit = None;
        for (toks, ix) in names.get(cx.w(i)).map(Vec::as_slice).unwrap_or(&[]) {
            let (l, ix) = (toks.len(), *ix);
            if i + l <= cx.toks.len()
                && (0..l).all(|k| !taken[i + k] && cx.w(i + k) == toks[k])
                && hit.is_none_or(|(hl, hix)| l > hl || (l == hl && ix < hix))
            {
                hit = Some((l, ix));
            }
        }
        if let Some((l, ix)) = hit {
            let src = &chosen[ix];
            add.push(Cand::new(i, i + l, src.label, 5));
            i += l;
            continue;
        }
        if let Some((label, full)) = short_names.get(cx.w(i)) {
            if !cx.common(i) {
                let mut c = Cand::new(i, i + 1, *label, 5);
                c.canonical = Some(full.clone());
                add.push(c);
                i += 1;
                continue;
            }
        }
        // Inside a longer capitalised name ("Hubble Space Telescope") a surname is not a person.
        let in_longer = (i > 0 && cx.name_token(i - 1) && !cx.toks[i].line_before)
            || (cx.name_token(i + 1) && !cx.toks.get(i + 1).is_some_and(|t| t.line_before));
        if in_longer {
            i += 1;
            continue;
        }
        if let Some(&ix) = surnames.get(cx.w(i)) {
            if chosen[ix].end - chosen[ix].start >= 2 || !cx.common(i) {
                add.push(Cand::new(i, i + 1, Label::Person, 5));
            }
        }
        i += 1;
    }
    chosen.extend(add);
}

#[cfg(test)]
mod tests {
    use super::super::{extract_text_rules as extract_text, Label};

    /// (text, [(span text, label)]) — exactly the mentions expected.
    fn check(cases: &[(&str, &[(&str, Label)])]) {
        for (text, want) in cases {
            let a = extract_text(text);
            let got: Vec<(&str, Label)> = a
                .mentions
                .iter()
                .map(|m| (m.span.slice(text), m.label))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    use Label::*;

    #[test]
    fn titles_and_people() {
        check(&[
            (
                "Commodore Steven Jermy retired.",
                &[("Steven Jermy", Person)],
            ),
            (
                "He met Presidents Xi and Putin.",
                &[("Xi", Person), ("Putin", Person)],
            ),
            (
                "Russian Foreign Minister Sergey Lavrov spoke.",
                &[("Russian", Norp), ("Sergey Lavrov", Person)],
            ),
            (
                "Ukraine’s President Zelenskyy spoke.",
                &[("Ukraine", Place), ("Zelenskyy", Person)],
            ),
            ("The report, said Mr Rutte, was late.", &[("Rutte", Person)]),
            (
                "Secretary of Defense Lloyd J. Austin III met Gen. Mark Milley.",
                &[("Lloyd J. Austin III", Person), ("Mark Milley", Person)],
            ),
            (
                "Yesterday Elon Musk, the billionaire, left.",
                &[("Yesterday", Date), ("Elon Musk", Person)],
            ),
            ("Michael Jordan retired.", &[("Michael Jordan", Person)]),
            (
                "Vice President Kamala Harris met Crown Prince Mohammed bin Salman.",
                &[("Kamala Harris", Person), ("Mohammed bin Salman", Person)],
            ),
            ("First Lady Jill Biden attended.", &[("Jill Biden", Person)]),
            // Company and team titles stay out of the name.
            (
                "Chief Executive Robert Nardelli left.",
                &[("Robert Nardelli", Person)],
            ),
            (
                "Chief Financial Officer Jane Smith resigned.",
                &[("Jane Smith", Person)],
            ),
            (
                "He called General Manager Brian Cashman.",
                &[("Brian Cashman", Person)],
            ),
        ]);
    }

    #[test]
    fn company_titles_are_roles() {
        // (text, person, title)
        for (text, name, title) in [
            (
                "Korvex Chief Executive Robert Nardelli will step down.",
                "Robert Nardelli",
                "Chief Executive",
            ),
            (
                "Chief Executive Officer Tim Cook said so.",
                "Tim Cook",
                "Chief Executive Officer",
            ),
            (
                "Chief Financial Officer Jane Smith resigned.",
                "Jane Smith",
                "Chief Financial Officer",
            ),
            (
                "Managing Director Kristalina Georgieva spoke.",
                "Kristalina Georgieva",
                "Managing Director",
            ),
            (
                "Head Coach Bill Belichick smiled.",
                "Bill Belichick",
                "Head Coach",
            ),
            (
                "Former Chief Executive John Smith died.",
                "John Smith",
                "Former Chief Executive",
            ),
        ] {
            let a = extract_text(text);
            let m = a
                .mentions
                .iter()
                .find(|m| m.label == Person)
                .unwrap_or_else(|| panic!("{text:?}: no person"));
            assert_eq!(m.span.slice(text), name, "{text:?}");
            let role = m.role.as_ref().map(|r| r.title.as_str());
            assert_eq!(role, Some(title), "{text:?}");
        }
    }

    #[test]
    fn roles_and_affiliations() {
        let text = include_str!("../../../../data/seed-istanbul-2025.txt");
        let a = extract_text(text);
        let role = |name: &str| {
            let m = a
                .mentions
                .iter()
                .find(|m| m.span.slice(text) == name && m.role.is_some())
                .unwrap_or_else(|| panic!("no role for {name}"));
            let r = m.role.as_ref().unwrap();
            (r.title.clone(), r.affiliation.clone())
        };
        assert_eq!(
            role("Lavrov"),
            ("Foreign Minister".into(), Some("Russia".into()))
        );
        assert_eq!(
            role("Zelenskyy"),
            ("President".into(), Some("Ukraine".into()))
        );
        assert_eq!(role("Steven Jermy"), ("Commodore".into(), None));
        assert_eq!(role("Xi"), ("President".into(), None));
        assert_eq!(role("Vladimir Medinsky"), ("historian".into(), None));
    }

    #[test]
    fn organisations() {
        check(&[
            (
                "The Ministry of Defence said so.",
                &[("Ministry of Defence", Org)],
            ),
            (
                "He joined the European Commission.",
                &[("European Commission", Org)],
            ),
            (
                "Analysts at Goldman Sachs agreed.",
                &[("Goldman Sachs", Org)],
            ),
            ("NATO and the U.N. met.", &[("NATO", Org), ("U.N.", Org)]),
            (
                "The North Atlantic Treaty Organization (NATO) grew.",
                &[("North Atlantic Treaty Organization", Org), ("NATO", Org)],
            ),
            (
                "Troops of the 82nd Airborne Division left.",
                &[("82nd Airborne Division", Org)],
            ),
            ("Shares of Nvidia Corp. fell.", &[("Nvidia Corp.", Org)]),
            (
                "Federal Reserve Chair Jerome Powell spoke.",
                &[("Federal Reserve", Org), ("Jerome Powell", Person)],
            ),
            ("The GDP and the CEO grew.", &[]),
        ]);
    }

    #[test]
    fn organisation_words_and_boundaries() {
        check(&[
            (
                "Volunteers from Friends of the Wendle cleared it.",
                &[("Friends of the Wendle", Org)],
            ),
            (
                "The solicitors Castell & Ward wrote.",
                &[("Castell & Ward", Org)],
            ),
            (
                "Trade between France & Germany grew.",
                &[("France", Place), ("Germany", Place)],
            ),
            (
                "According to the Saudi Gazette, it fell.",
                &[("Saudi Gazette", Org)],
            ),
            (
                "Journalist Zoé Martíñez and Dr André Müller of the World Health Organization spoke.",
                &[
                    ("Zoé Martíñez", Person),
                    ("André Müller", Person),
                    ("World Health Organization", Org),
                ],
            ),
            (
                "He said Suleiman al-Amr had left.",
                &[("Suleiman al-Amr", Person)],
            ),
            (
                "He met the Governor of the Bank of England.",
                &[("Bank of England", Org)],
            ),
            (
                "The Isle of Wight Council met.",
                &[("Isle of Wight Council", Org)],
            ),
        ]);
    }

    #[test]
    fn places() {
        check(&[
            (
                "From the Barents Sea to the Black Sea.",
                &[("Barents Sea", Place), ("Black Sea", Place)],
            ),
            (
                "The Russia-China partnership.",
                &[("Russia", Place), ("China", Place)],
            ),
            ("Security in Eastern Europe.", &[("Eastern Europe", Place)]),
            ("They camped near Bakhmut.", &[("Bakhmut", Place)]),
            (
                "Born in Pascagoula, Mississippi.",
                &[("Pascagoula", Place), ("Mississippi", Place)],
            ),
            (
                "KYIV, Ukraine — Strikes.",
                &[("KYIV", Place), ("Ukraine", Place)],
            ),
            ("He lives in the state of Gujarat.", &[("Gujarat", Place)]),
            (
                "Troops at Fort Stewart drilled.",
                &[("Fort Stewart", Place)],
            ),
        ]);
    }

    #[test]
    fn nationalities_and_groups() {
        check(&[
            (
                "Western European leaders met.",
                &[("Western European", Norp)],
            ),
            (
                "Ukrainians and Russians spoke.",
                &[("Ukrainians", Norp), ("Russians", Norp)],
            ),
            (
                "Muslims and Christians prayed.",
                &[("Muslims", Norp), ("Christians", Norp)],
            ),
            ("The Turkish-hosted talks.", &[("Turkish", Norp)]),
        ]);
    }

    #[test]
    fn events_and_unreported_names() {
        check(&[
            (
                "After the Second World War ended.",
                &[("Second World War", Event)],
            ),
            (
                "At Moscow’s Victory Day parade.",
                &[("Moscow", Place), ("Victory Day", Event)],
            ),
            (
                "The Battle of Stalingrad began.",
                &[("Battle of Stalingrad", Event)],
            ),
            ("She won the Nobel Prize.", &[]),
            ("Under the Treaty of Paris they agreed.", &[]),
            ("The USS Jack H. Lucas sailed.", &[]),
        ]);
    }
}
