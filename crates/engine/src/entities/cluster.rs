//! Clustering mentions into entities.
//!
//! - Lexicon matches share the lexicon's canonical name: "U.S.", "US" and
//!   "United States" are one entity; "Russians" and "Russian" are one.
//! - A one-word PERSON mention that is the last word of a longer PERSON name
//!   joins it (Medinsky → Vladimir Medinsky).
//! - An acronym joins an organisation whose initials it spells, or that it
//!   follows in brackets ("North Atlantic Treaty Organization (NATO)"), and
//!   a company's name without its "Inc."/"Ltd"/… joins the full one.
//! - Demonym → country and capital → country stay separate entities linked
//!   by [`Relation`]s.

use super::fasthash::FxMap;

use super::{Cand, Entity, Label, Mention, Relation};
use crate::span::Span;
use crate::text::Token;

/// Lowercase ASCII slug of a name ("United States" → "united-states").
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn surface(text: &str, toks: &[Token], c: &Cand) -> String {
    let s = &text[toks[c.start].span.start..toks[c.end - 1].span.end];
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Cluster candidates (sorted by start, non-overlapping) into mentions and entities.
pub(crate) fn cluster(text: &str, toks: &[Token], cands: Vec<Cand>) -> (Vec<Mention>, Vec<Entity>) {
    struct Group {
        label: Label,
        name: String,
        canonical: bool,
        aliases: Vec<String>,
        mentions: Vec<usize>,
        related: Vec<(super::RelationKind, String)>,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FxMap<(Label, String), usize> = FxMap::default();
    let mut mention_group: Vec<usize> = Vec::with_capacity(cands.len());
    let surfaces: Vec<String> = cands.iter().map(|c| surface(text, toks, c)).collect();

    // Full PERSON names by last word, and multi-word ORG names by initials.
    let mut person_by_last: FxMap<String, String> = FxMap::default();
    let mut org_by_initials: FxMap<String, String> = FxMap::default();
    let mut org_by_short: FxMap<String, String> = FxMap::default();
    for (c, s) in cands.iter().zip(&surfaces) {
        let words: Vec<&str> = s.split(' ').collect();
        if c.label == Label::Person && words.len() >= 2 {
            let mut l = words.len() - 1;
            while l > 0
                && matches!(
                    words[l],
                    "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "V"
                )
            {
                l -= 1;
            }
            let last = words[l].to_string();
            let cur = person_by_last.entry(last).or_insert_with(|| s.clone());
            if s.len() > cur.len() {
                *cur = s.clone();
            }
        }
        if c.label == Label::Org && words.len() >= 2 {
            org_by_initials
                .entry(initials(s))
                .or_insert_with(|| s.clone());
        }
        // "Apple Inc." is "Apple" for short, however "Apple" was found.
        if let [short, "Inc." | "Inc" | "Corp." | "Corp" | "Ltd." | "Ltd" | "LLC" | "plc" | "PLC" | "Co."] =
            words[..]
        {
            if c.label == Label::Org {
                org_by_short
                    .entry(short.to_string())
                    .or_insert_with(|| s.clone());
            }
        }
    }
    // "Long Name (ACR)" defines ACR.
    for (ix, c) in cands.iter().enumerate() {
        if c.label != Label::Org || ix + 1 >= cands.len() {
            continue;
        }
        let n = &cands[ix + 1];
        let between = &text[toks[c.end - 1].span.end..toks[n.start].span.start];
        if n.end == n.start + 1 && between.trim() == "(" {
            org_by_initials.insert(surfaces[ix + 1].clone(), surfaces[ix].clone());
        }
    }

    for (ix, c) in cands.iter().enumerate() {
        let s = &surfaces[ix];
        let (key_name, canonical) = match (&c.canonical, c.label) {
            // A listed company ("Apple") beside its full name ("Apple Inc.").
            (Some(_), Label::Org) if !s.contains(' ') && org_by_short.contains_key(s) => {
                (org_by_short[s].clone(), false)
            }
            (Some(n), _) => (n.clone(), true),
            (None, Label::Person) if !s.contains(' ') => match person_by_last.get(s) {
                Some(full) => (full.clone(), false),
                None => (s.clone(), false),
            },
            (None, Label::Org) => {
                match org_by_initials
                    .get(s.trim_end_matches('.').replace('.', "").as_str())
                    .or_else(|| org_by_short.get(s))
                {
                    Some(long) if !s.contains(' ') => (long.clone(), false),
                    _ => (s.clone(), false),
                }
            }
            _ => (s.clone(), false),
        };
        let key = (c.label, key_name.to_ascii_lowercase());
        let g = match by_key.get(&key) {
            Some(&g) => g,
            None => {
                groups.push(Group {
                    label: c.label,
                    name: key_name.clone(),
                    canonical,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    related: Vec::new(),
                });
                by_key.insert(key, groups.len() - 1);
                groups.len() - 1
            }
        };
        let gr = &mut groups[g];
        gr.mentions.push(ix);
        if !gr.canonical && s.len() > gr.name.len() && c.label == Label::Person {
            gr.name = s.clone();
        }
        if *s != gr.name && !gr.aliases.contains(s) {
            gr.aliases.push(s.clone());
        }
        for r in &c.related {
            if !gr.related.contains(r) {
                gr.related.push(r.clone());
            }
        }
        mention_group.push(g);
    }

    // Order: most mentions first, then first appearance.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    crate::order::sort_by_key(&mut order, |&g| {
        use crate::order::field;
        (!field(groups[g].mentions.len(), 32)) << 32 | field(groups[g].mentions[0], 32)
    });
    let mut new_index = vec![0; groups.len()];
    for (ni, &g) in order.iter().enumerate() {
        new_index[g] = ni;
    }
    // Ids: label + slug, unique.
    let mut used: FxMap<String, usize> = FxMap::default();
    let mut ids = vec![String::new(); groups.len()];
    for &g in &order {
        let base = format!(
            "{}:{}",
            groups[g].label.name().to_ascii_lowercase(),
            slug(&groups[g].name)
        );
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        ids[g] = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    let place_ids: FxMap<String, String> = order
        .iter()
        .filter(|&&g| groups[g].label == Label::Place)
        .map(|&g| (groups[g].name.to_ascii_lowercase(), ids[g].clone()))
        .collect();

    let mentions: Vec<Mention> = cands
        .iter()
        .zip(&mention_group)
        .map(|(c, &g)| Mention {
            span: Span::new(toks[c.start].span.start, toks[c.end - 1].span.end),
            label: c.label,
            entity: new_index[g],
            role: c.role.clone(),
            value: c.value.clone(),
        })
        .collect();
    let entities: Vec<Entity> = order
        .iter()
        .map(|&g| {
            let gr = &groups[g];
            Entity {
                id: ids[g].clone(),
                label: gr.label,
                name: gr.name.clone(),
                aliases: gr.aliases.clone(),
                mentions: gr.mentions.clone(),
                related: gr
                    .related
                    .iter()
                    .map(|(k, n)| Relation {
                        kind: *k,
                        name: n.clone(),
                        entity: place_ids.get(&n.to_ascii_lowercase()).cloned(),
                    })
                    .collect(),
            }
        })
        .collect();
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::super::{extract_text, Label, RelationKind};
    use super::slug;

    fn entity<'a>(a: &'a super::super::Analysis, name: &str) -> &'a super::super::Entity {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no entity {name}: {:?}",
                    a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("Côte d'Ivoire"), "côte-d-ivoire");
        assert_eq!(slug("  "), "");
    }

    #[test]
    fn surname_joins_full_name() {
        let a = extract_text("Historian Vladimir Medinsky led the team. Later, Medinsky spoke. Medinsky’s remark stood.");
        let e = entity(&a, "Vladimir Medinsky");
        assert_eq!(e.mentions.len(), 3);
        assert_eq!(e.aliases, ["Medinsky"]);
        assert_eq!(e.label, Label::Person);
    }

    #[test]
    fn country_variants_merge() {
        let a =
            extract_text("The U.S. said the US and the United States’ allies and America agree.");
        let e = entity(&a, "United States");
        assert_eq!(e.mentions.len(), 4, "{:?}", a.mentions);
        assert!(e.aliases.contains(&"U.S.".to_string()));
        assert_eq!(e.id, "place:united-states");
    }

    #[test]
    fn hyphenated_pair_splits() {
        let a = extract_text("The Russia-China partnership grew.");
        let names: Vec<&str> = a
            .mentions
            .iter()
            .map(|m| a.entities[m.entity].name.as_str())
            .collect();
        assert_eq!(names, ["Russia", "China"]);
    }

    #[test]
    fn relations_not_merges() {
        let a = extract_text("Russian officials in Moscow said Russia would wait.");
        let russian = entity(&a, "Russian");
        let moscow = entity(&a, "Moscow");
        let russia = entity(&a, "Russia");
        assert_eq!(russia.mentions.len(), 1);
        assert_eq!(russian.related[0].kind, RelationKind::DemonymOf);
        assert_eq!(
            russian.related[0].entity.as_deref(),
            Some(russia.id.as_str())
        );
        assert_eq!(moscow.related[0].kind, RelationKind::CapitalOf);
        assert_eq!(moscow.related[0].name, "Russia");
    }

    #[test]
    fn short_forms_join() {
        let a = extract_text(
            "Apple Inc. grew. Apple said sales rose. Lake Baikal is deep; Baikal freezes.",
        );
        assert_eq!(entity(&a, "Apple Inc.").mentions.len(), 2);
        assert_eq!(entity(&a, "Apple Inc.").label, Label::Org);
        assert_eq!(entity(&a, "Lake Baikal").aliases, ["Baikal"]);
        // However the short form was found (here most likely by the tagger,
        // as an organisation), it joins the long one.
        let a = extract_text(
            "Apple Inc. announced a recall on Friday. The company said Apple would pay. \
             Analysts said Apple shares fell after Apple admitted the fault.",
        );
        assert_eq!(
            entity(&a, "Apple Inc.").mentions.len(),
            4,
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn acronym_joins_long_form() {
        let a = extract_text("The North Atlantic Treaty Organization (NATO) met. NATO agreed.");
        let e = entity(&a, "North Atlantic Treaty Organization");
        assert_eq!(e.mentions.len(), 3, "{:?}", a.entities);
    }
}
