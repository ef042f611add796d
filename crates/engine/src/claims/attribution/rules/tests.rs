use super::*;

fn speakers(text: &str) -> Vec<(String, String)> {
    let cs: Vec<char> = text.chars().collect();
    attribute(text, None)
        .into_iter()
        .filter(|a| a.cue.is_some())
        .map(|a| {
            let src = a
                .source
                .map(|s| cs[s.start..s.end].iter().collect())
                .unwrap_or_default();
            (src, a.speaker.unwrap_or_default())
        })
        .collect()
}

#[test]
fn error_families() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "“We will rebuild,” said council leader Priya Natarajan.",
            &[("council leader Priya Natarajan", "Priya Natarajan")],
        ),
        // a first-person source inside a reported clause is its speaker
        (
            "Tim Cook spoke. I want to focus on my health, Steve Jobs wrote.",
            &[
                ("Steve Jobs", "Steve Jobs"),
                ("I", "Steve Jobs"),
                ("I", "Steve Jobs"),
            ],
        ),
        // a relative "which" stands for its antecedent
        (
            "Apple released the text of his email, which reads: “I am on leave.”",
            &[("Apple", "Apple"), ("which", "email")],
        ),
        // a reduced passive: the agent is the source
        (
            "Responding to challenges voiced by political opponents, the mayor left.",
            &[("political opponents", "political opponents")],
        ),
        // a count of times between "and" and the verb
        (
            "The mayor praised the plan and several times described it as bold.",
            &[("The mayor", "mayor"), ("The mayor", "mayor")],
        ),
        // a role phrase in apposition without its closing comma
        (
            "As part of the plan, Tom LaSorda, the president of Chrysler announced that plants would close.",
            &[("Tom LaSorda", "Tom LaSorda")],
        ),
        // the addressee of a letter is not the participle's subject
        (
            "Jobs resigned in a letter to Apple's board of directors stating, “I must go.”",
            &[("Jobs", "Jobs")],
        ),
        (
            "The mayor resigned in a note to residents saying the water was safe.",
            &[("The mayor", "mayor")],
        ),
        (
            "Friends of the Wendle said the plan was reckless.",
            &[("Friends of the Wendle", "Friends of the Wendle")],
        ),
        // a share of people: "six in 10", not "10"
        (
            "Last week six in 10 voters said the plan was reckless.",
            &[("six in 10 voters", "six in 10 voters")],
        ),
        (
            "Two in three said they would vote.",
            &[("Two in three", "Two in three")],
        ),
        (
            "Maria Lopez, who chairs the panel, warned that costs would rise.",
            &[("Maria Lopez", "Maria Lopez")],
        ),
        // a party and state tag in apposition
        (
            "Sen. Rand Paul, R-Ky., told Fox News that polls could be wrong.",
            &[("Sen. Rand Paul", "Rand Paul")],
        ),
        (
            "Rep. Glenn Thompson, R-Pa., said the bill would pass.",
            &[("Rep. Glenn Thompson", "Glenn Thompson")],
        ),
        // a name, then a role phrase in apposition
        (
            "Jeff Weaver, Sanders' campaign manager, said the race was close.",
            &[("Jeff Weaver", "Jeff Weaver")],
        ),
        (
            "Matdos Santos, legal director for ACLU of Oregon, said the law was unfair.",
            &[("Matdos Santos", "Matdos Santos")],
        ),
        (
            "Trump is slamming Clinton over the emails, saying she lied.",
            &[("Trump", "Trump"), ("Trump", "Trump")],
        ),
        (
            "The plan will fail, according to the Office for Budget Responsibility.",
            &[(
                "the Office for Budget Responsibility",
                "Office for Budget Responsibility",
            )],
        ),
        (
            "Sen. Ted Cruz said the bill was dead. He said it twice.",
            &[("Sen. Ted Cruz", "Ted Cruz"), ("He", "Ted Cruz")],
        ),
        (
            "The spokesman said nothing.",
            &[("The spokesman", "spokesman")],
        ),
        ("Trump on Tuesday said he would win.", &[("Trump", "Trump")]),
        // a name in apposition to the role phrase after the cue
        (
            "“Sales will recover,” said the bank's chief economist, Ruth Okafor.",
            &[("the bank's chief economist, Ruth Okafor", "Ruth Okafor")],
        ),
        (
            "“No,” said the council's spokeswoman, Joan Pike, on Monday.",
            &[("the council's spokeswoman, Joan Pike", "Joan Pike")],
        ),
        // a role phrase with no name after it stays the speaker
        (
            "“We are ready,” said the chief executive.",
            &[("the chief executive", "chief executive")],
        ),
        // stance verbs after a subject are cues (PolNeAR counts them)
        (
            "Most farmers support the new dam.",
            &[("Most farmers", "farmers")],
        ),
        (
            "The union wanted a shorter week.",
            &[("The union", "union")],
        ),
        (
            "Critics feared the tax would hurt exporters.",
            &[("Critics", "Critics")],
        ),
        (
            "Nadia Ferro decided to run for the seat.",
            &[("Nadia Ferro", "Nadia Ferro")],
        ),
        (
            "Senator Ruth Vale favored a carbon tax.",
            &[("Senator Ruth Vale", "Ruth Vale")],
        ),
        // a poll reports what it finds: "in" before a poll is the cue
        (
            "In the latest Harbor Institute poll, 52 percent backed the levy.",
            &[(
                "the latest Harbor Institute poll",
                "latest Harbor Institute poll",
            )],
        ),
        (
            "The governor leads in three recent polls.",
            &[("three recent polls", "recent polls")],
        ),
        // "in" before anything else is none
        ("The governor leads in the north.", &[]),
        // A passive of a verb that also names a deed, without a clause,
        // states a fact; with one it reports speech with no named source.
        ("144 planes have already been ordered.", &[]),
        ("The A380 was revealed in January 2005.", &[]),
        ("The bill was rejected in the Senate.", &[]),
        // "states" before a colon or "that" is a verb, and a quotation it
        // opens keeps its speaker.
        (
            "The company's statement states: \u{201c}Apple has lost a visionary. We have lost a friend.\u{201d}",
            &[("The company's statement", "company's statement")],
        ),
        ("Voters in swing states are angry.", &[]),
        ("It was revealed that the wing had cracked.", &[("", "")]),
        ("The plan was announced on Monday.", &[("", "")]),
        // "I think": the writer's own view, no attribution
        ("I think the levy will pass.", &[]),
        // the subject phrase ends before an adverb or the main verb
        (
            "A federal judge sided with the city, saying the law was void.",
            &[("A federal judge", "federal judge")],
        ),
        (
            "Gowdy earlier Thursday said the report was late.",
            &[("Gowdy", "Gowdy")],
        ),
        // a date between the subject and the verb is skipped
        (
            "The Government Accountability Office on June 18 called for a re-run.",
            &[("The Government Accountability Office", "Government Accountability Office")],
        ),
        (
            "The board on 18 June, 2008 said the deal was off.",
            &[("The board", "board")],
        ),
        (
            "The senator soon noted that the bill failed.",
            &[("The senator", "senator")],
        ),
        // a participle phrase in apposition is skipped
        (
            "The report, titled “Low Tide”, concludes that the port is failing.",
            &[("The report", "report")],
        ),
        // an age in apposition is skipped
        (
            "Dan Whitlow, 62, who farms near the river, said the floods were worse.",
            &[("Dan Whitlow", "Dan Whitlow")],
        ),
        // a relative "who" after an apposition stands for the name before it
        (
            "The panel heard Lena Marsh, a researcher at Halden College, who said the sea rose.",
            &[("who", "Lena Marsh")],
        ),
        (
            "The mayor met Omar Reyes, 41, who said the park would stay open.",
            &[("who", "Omar Reyes")],
        ),
        // a relative "who" stands for the noun phrase before it
        (
            "Clinton won, said Bernie Sanders, who endorsed her on Tuesday.",
            &[
                ("Bernie Sanders", "Bernie Sanders"),
                ("who", "Bernie Sanders"),
            ],
        ),
        ("Costs will fall, the WHO estimated.", &[("WHO", "WHO")]),
        (
            "Local voters, who have argued that taxes hurt, agreed.",
            &[("Local voters", "Local voters"), ("who", "Local voters")],
        ),
        // a comma before a determiner ends a clause, not a list of names
        (
            "He flew with EgyptAir, the airline said Thursday.",
            &[("the airline", "airline")],
        ),
        // "about half" is an amount, not a preposition's object
        (
            "In Vermont, about half of voters said they want change.",
            // "they want" is a nested attribution (a stance verb), its
            // "they" the voters
            &[
                ("they", "half of voters"),
                ("half of voters", "half of voters"),
            ],
        ),
        (
            "The plan would spare them, people familiar with the session said.",
            &[(
                "people familiar with the session",
                "people familiar with the session",
            )],
        ),
        // weak verbs with a quantified or surveyed subject
        (
            "Those surveyed say stricter laws would help.",
            &[("Those surveyed", "surveyed")],
        ),
        (
            "Many of his endorsers think that can be reversed.",
            &[("endorsers", "endorsers")],
        ),
        // a verb of thought with no clause: the generic rule's stance verbs
        // (PolNeAR counts what people think about)
        ("They think about it.", &[("They", "They")]),
        // a name in apposition to a description is the speaker
        (
            "Apple's marketing chief, Greg Joswiak, indicated that sales rose.",
            &[("Greg Joswiak", "Greg Joswiak")],
        ),
        (
            "The agency's director, Ann Lee, said the plan was sound.",
            &[("Ann Lee", "Ann Lee")],
        ),
        // reporting words used as nouns are no cues
        ("The claims were false.", &[]),
        ("Such claims have circulated for years.", &[]),
        (
            "Despite claims of a cover-up, the board stayed silent.",
            &[],
        ),
        ("Insurance claims rose sharply in 2023.", &[]),
        ("Several reports about the device surfaced.", &[]),
        // a participle before a plural reporting noun: "dropped calls"
        ("The strip has caused dropped calls for weeks.", &[]),
        ("There were growing calls for a recount.", &[]),
        ("Unconfirmed reports spread on Monday.", &[]),
        (
            "Apple claims that the test is accurate.",
            &[("Apple", "Apple")],
        ),
        ("Many fear that prices will rise.", &[("Many", "Many")]),
        // the generic rule: an earlier speaker or a pronoun, a verb with an
        // object; not a verb of doing, nor a verb before a particle
        (
            "Sen. Ted Cruz said the bill was dead. He denounced the annexation.",
            &[("Sen. Ted Cruz", "Ted Cruz"), ("He", "Ted Cruz")],
        ),
        (
            "Sen. Ted Cruz said the bill was dead. He joined the panel.",
            &[("Sen. Ted Cruz", "Ted Cruz")],
        ),
        (
            "Sen. Ted Cruz said the bill was dead. He settled in a chair.",
            &[("Sen. Ted Cruz", "Ted Cruz")],
        ),
        // a verb of speech, thought or stance in any form, after auxiliaries
        // and after any subject that can speak
        (
            "Sanders did apologize to Clinton for the incident.",
            &[("Sanders", "Sanders")],
        ),
        (
            "Zucker didn’t respond to the request.",
            &[("Zucker", "Zucker")],
        ),
        (
            "Two Democrats currently back the bill.",
            &[("Two Democrats", "Democrats")],
        ),
        ("Republicans have seen a powerful unifier.", &[("Republicans", "Republicans")]),
        ("It seems the plan failed.", &[]),
        ("The storm pushed the boats ashore.", &[]),
        // a form of "be" and an adjective of stance or feeling
        (
            "Republicans were quick to cast the attacks as a failure.",
            &[("Republicans", "Republicans")],
        ),
        (
            "Senator Maria Lopez was pleased with the outcome.",
            &[("Senator Maria Lopez", "Maria Lopez")],
        ),
        ("The room was comfortable.", &[]),
        ("The data is critical to the campaign.", &[]),
        // a title-case headline: a reporting or stance verb in -s or -ed
        (
            "Trump Endorses Ryan In Wisconsin Primary.",
            &[("Trump", "Trump")],
        ),
        (
            "Sanders Questioned Clinton On Wall Street Ties.",
            &[("Sanders", "Sanders")],
        ),
        ("Leaked Documents Reveal Campaign Donors.", &[]),
        // the -ing form of a verb of stance is a participle cue
        (
            "Sen. Ted Cruz is congratulating the winners.",
            &[("Sen. Ted Cruz", "Ted Cruz")],
        ),
        (
            "Protesters were chanting outside the hall.",
            &[("Protesters", "Protesters")],
        ),
        ("The morning was nothing special.", &[]),
        // nor inside a longer quotation: the quoted speaker's own words
        (
            "Sen. Ted Cruz said the bill was dead. “He denounced the annexation in plain words. It is over,” Smith said.",
            &[("Sen. Ted Cruz", "Ted Cruz"), ("Smith", "Smith")],
        ),
        // a name in apposition after a role noun
        (
            "Apple's vice president of marketing, Greg Joswiak, indicated that it ships in May.",
            &[("Greg Joswiak", "Greg Joswiak")],
        ),
        (
            "His chief strategist, Tad Devine, said the race was close.",
            &[("Tad Devine", "Tad Devine")],
        ),
        // a share of people says ("42% say", "9 percent say", "…, 33%, say")
        (
            "On economic issues, 42% say they are liberal.",
            &[("42%", "42%")],
        ),
        (
            "A mere 9 percent say they only buy American.",
            &[("A mere 9 percent", "mere 9 percent")],
        ),
        (
            "A third of independents, 33%, say they feel that way.",
            &[
                ("they", "third of independents"),
                ("A third of independents", "third of independents"),
            ],
        ),
        // records and evidence show or find
        (
            "FEC records show he spent heavily.",
            &[("FEC records", "FEC records")],
        ),
        (
            "Exit polls showed that Clinton won every group.",
            &[("Exit polls", "Exit polls")],
        ),
        (
            "Bush lent his campaign money, fundraising documents show.",
            &[("fundraising documents", "fundraising documents")],
        ),
        // a role in lowercase between a place or party and a name, after the cue
        (
            "“It hurts a little,” said Republican party boss Reince Priebus.",
            &[("Republican party boss Reince Priebus", "Reince Priebus")],
        ),
        (
            "“It is a show,” said Virginia delegate Beau Correll, angered by it.",
            &[("Virginia delegate Beau Correll", "Beau Correll")],
        ),
        // a day after the lowercase word is no name (nor part of the source)
        (
            "“It is a show,” said Trump aides Tuesday.",
            &[("Trump aides", "Trump aides")],
        ),
        // an aside between the subject and the cue
        (
            "Hunter, meanwhile, told Politico that the race was close.",
            &[("Hunter", "Hunter")],
        ),
        (
            "Gates, in contrast, told reporters that he was working with Manafort.",
            &[("Gates", "Gates")],
        ),
        (
            "Priebus, after a new poll, said the party would do better.",
            &[("Priebus", "Priebus")],
        ),
        // a thing that shows, not a record: no cue
        ("The dogs show no fear.", &[]),
        // an inverted cue right after a quotation: the whole phrase to the
        // clause's end is the source, however long its modifiers
        (
            "“The bridge will cost more,” said one Democrat familiar with the talks, speaking on Monday.",
            &[(
                "one Democrat familiar with the talks",
                "Democrat familiar with the talks",
            )],
        ),
        (
            "“It was a haven for crooks,” wrote the American ambassador at the time, John E. Herbst.",
            &[(
                "the American ambassador at the time",
                "American ambassador at the time",
            )],
        ),
        (
            "“Why not?” said his best friend at Lehigh, Bruce Turry.",
            &[("his best friend at Lehigh", "his best friend at Lehigh")],
        ),
        (
            "“We will win,” said former Pennsylvania Gov. and party chairman Ed Rendell.",
            &[(
                "former Pennsylvania Gov. and party chairman Ed Rendell",
                "Pennsylvania Gov. and party chairman Ed Rendell",
            )],
        ),
        // fronted adverbials before the clause's subject are skipped: a
        // time word ("Last month, when …,"), a participle opening the
        // sentence ("Recognizing this,"), the rest of a place name
        (
            "Last month, when reporters asked him, Tom Cole looked at the camera and said he would run.",
            &[("reporters", "reporters"), ("Tom Cole", "Tom Cole")],
        ),
        (
            "Recognizing this, Mr. Rubio joined the talks, arguing that the bill was fair.",
            &[("Mr. Rubio", "Rubio")],
        ),
        (
            "At a rally in Ames, Iowa, on Sunday, Ann Lee defended her plan, saying that taxes would fall.",
            &[("Ann Lee", "Ann Lee"), ("Ann Lee", "Ann Lee")],
        ),
        // … but a name after the opener is the subject, not a place
        (
            "In the interview, Ann Lee, who backed the plan in May, repeated her view and stressed the need to wait.",
            &[("who", "Ann Lee"), ("Ann Lee", "Ann Lee"), ("Ann Lee", "Ann Lee")],
        ),
        // not after a quotation: "said" with no subject still abstains
        ("Yesterday, said the plan would fail.", &[("", "")]),
    ];
    for (text, want) in cases {
        let got = speakers(text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn continuation_keeps_speaker() {
    let text = "“We are ready,” said Priya Natarajan. “The money is there. It will be spent.”";
    let a = attribute(text, None);
    let cont: Vec<_> = a.iter().filter(|a| a.cue.is_none()).collect();
    assert!(!cont.is_empty());
    assert!(cont
        .iter()
        .all(|a| a.speaker.as_deref() == Some("Priya Natarajan")));
}

#[test]
fn continuation_keeps_speaker_in_treebank_quotes() {
    for text in [
        "``We are ready,'' said Priya Natarajan. ``The money is there. It will be spent.''",
        "''We are ready,'' said Priya Natarajan. ''The money is there. It will be spent.''",
    ] {
        let a = attribute(text, None);
        let cont: Vec<_> = a.iter().filter(|a| a.cue.is_none()).collect();
        assert!(!cont.is_empty(), "{text}");
        assert!(
            cont.iter()
                .all(|a| a.speaker.as_deref() == Some("Priya Natarajan")),
            "{text}"
        );
    }
}

#[test]
fn continuation_does_not_borrow_next_speaker() {
    let text = "“We will rebuild,” said Priya Natarajan. “The money is there.” Friends of the Wendle said no.";
    let a = attribute(text, None);
    let c = a.iter().find(|a| a.cue.is_none()).expect("a continuation");
    assert_eq!(c.speaker.as_deref(), Some("Priya Natarajan"));
    let text = "“The money is there. It will be spent,” said Priya Natarajan.";
    let a = attribute(text, None);
    let c = a.iter().find(|a| a.cue.is_none()).expect("a continuation");
    assert_eq!(c.speaker.as_deref(), Some("Priya Natarajan"));
}

#[test]
fn headline_names_its_speaker() {
    let body = "\n\nThe senator spoke in Iowa on Monday about the email story and the race.";
    let text = format!("Sanders: Clinton Email Story Has Moved.{body}");
    let a = attribute(&text, None);
    let h = a
        .iter()
        .find(|a| a.content.start < 30)
        .expect("the headline");
    assert_eq!(h.speaker.as_deref(), Some("Sanders"));
    // a label is no speaker, and a short line further down is none either
    let text = format!("The Latest: Clinton Email Story Has Moved.{body}");
    assert!(attribute(&text, None).iter().all(|a| a.content.start > 30));
    let text = format!("Intro line here.{body}\n\nRubio: Finish second.{body}");
    assert!(attribute(&text, None)
        .iter()
        .all(|a| a.speaker.as_deref() != Some("Rubio")));
}

#[test]
fn baseline_rule() {
    let a = subject_rule("“Fine,” said Priya Natarajan. Officials said no.", false);
    let names: Vec<_> = a
        .iter()
        .map(|a| a.speaker.clone().unwrap_or_default())
        .collect();
    assert_eq!(names, vec!["Priya Natarajan", "Officials"]);
}

#[test]
fn party_tags() {
    for (w, want) in [
        ("R-Ky.", true),
        ("D-Calif.", true),
        ("I-Vt", true),
        ("R-", false),
        ("Re-election", false),
        ("d-ny", false),
        ("X-Men", false),
    ] {
        assert_eq!(party_tag(w), want, "{w}");
    }
}

/// (text, [(cue, source, speaker)]) for every attribution with a cue.
fn cues(text: &str) -> Vec<(String, String, String)> {
    let cs: Vec<char> = text.chars().collect();
    let s = |sp: Option<Span>| {
        sp.map(|s| cs[s.start..s.end].iter().collect())
            .unwrap_or_default()
    };
    attribute(text, None)
        .into_iter()
        .filter(|a| a.cue.is_some())
        .map(|a| (s(a.cue), s(a.source), a.speaker.unwrap_or_default()))
        .collect()
}

/// A text and the (cue, source, speaker) of each of its attributions.
type CueCase<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

fn check_cues(cases: &[CueCase]) {
    for (text, want) in cases {
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(c, s, p)| (c.to_string(), s.to_string(), p.to_string()))
            .collect();
        assert_eq!(cues(text), want, "{text}");
    }
}

#[test]
fn phrasal_cues() {
    check_cues(&[
        (
            "Clinton talked about the cost of college on Monday.",
            &[("talked about", "Clinton", "Clinton")],
        ),
        (
            "Republicans voted against the bill.",
            &[("voted against", "Republicans", "Republicans")],
        ),
        (
            "The White House would like to make the election a test of competence.",
            &[("would like", "The White House", "White House")],
        ),
        (
            "Sanders has focused on income inequality.",
            &[("focused on", "Sanders", "Sanders")],
        ),
        (
            "He made it clear that he would run.",
            &[("made it clear", "He", "He")],
        ),
        (
            "Trump made clear he would not back down.",
            &[("made clear", "Trump", "Trump")],
        ),
        // the particle alone, or a thing as the subject: no cue
        ("The talks about trade stalled.", &[]),
        ("The bill made it clear.", &[]),
        // after a comma the noun phrase that follows is the object, not a source
        ("In Iowa, voted for Trump by most.", &[]),
    ]);
}

#[test]
fn parenthesis_after_a_name() {
    check_cues(&[
        (
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended a higher minimum wage.",
            &[("defended", "Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders")],
        ),
        (
            "Gov. John Kasich (R-OH) said the party was divided.",
            &[("said", "Gov. John Kasich (R-OH)", "John Kasich")],
        ),
        // a parenthesis after a lowercase word names no one
        (
            "The new rules (and the fines) said nothing about that.",
            &[("said", "", "")],
        ),
    ]);
}

#[test]
fn verb_after_and_shares_the_subject() {
    check_cues(&[
        (
            "He met her after her victory and praised her effort.",
            &[("praised", "He", "He")],
        ),
        // a verb of stance is a cue of its own
        (
            "He congratulated her for her victory and praised her effort.",
            &[("congratulated", "He", "He"), ("praised", "He", "He")],
        ),
        (
            "O’Malley spoke at the forum on Sunday and criticized Sanders after the event.",
            &[("criticized", "O’Malley", "O’Malley")],
        ),
        // a subject that names no one: the cue abstains as before
        (
            "The ad ran for a week and warned that taxes would rise.",
            &[("warned", "", "")],
        ),
    ]);
}

#[test]
fn coordinated_sources() {
    check_cues(&[
        (
            "Republican presidential hopefuls Jeb Bush and Chris Christie say the deal is bad.",
            &[(
                "say",
                "Republican presidential hopefuls Jeb Bush and Chris Christie",
                "Jeb Bush and Chris Christie",
            )],
        ),
        (
            "RNC members and officials insist the rules stand.",
            &[(
                "insist",
                "RNC members and officials",
                "RNC members and officials",
            )],
        ),
        // one person described twice is one speaker, named
        (
            "On Monday the former governor and presidential hopeful Jeb Bush tweeted that he won.",
            &[(
                "tweeted",
                "the former governor and presidential hopeful Jeb Bush",
                "Jeb Bush",
            )],
        ),
        // a clause before "and" is no conjunct
        (
            "Clinton won Iowa and Sanders said he would fight on.",
            &[("said", "Sanders", "Sanders")],
        ),
        // two speakers are no referent for a later "he"
        (
            "Trump and Ryan said the deal was done. He said more.",
            &[
                ("said", "Trump and Ryan", "Trump and Ryan"),
                ("said", "He", "He"),
            ],
        ),
    ]);
}

#[test]
fn stance_and_evidence_verbs_after_a_subject() {
    check_cues(&[
        (
            "Republicans offered their thoughts and prayers.",
            &[("offered", "Republicans", "Republicans")],
        ),
        (
            "The Clinton campaign released a statement on Sunday.",
            &[("released", "The Clinton campaign", "Clinton campaign")],
        ),
        (
            "Obama signed the order on Friday.",
            &[("signed", "Obama", "Obama")],
        ),
        (
            "Few Democrats thought the bill would pass.",
            &[("thought", "Few Democrats", "Democrats")],
        ),
        // a thing is no speaker of a weak verb
        ("The figures released on Friday were weak.", &[]),
        // polling, evidence and papers show and find as sources do
        (
            "Exit polling showed that Trump led.",
            &[("showed", "Exit polling", "Exit polling")],
        ),
        (
            "The evidence suggests that wages rose.",
            &[("suggests", "The evidence", "evidence")],
        ),
        (
            "The authors found that trade cost jobs.",
            &[("found", "The authors", "authors")],
        ),
    ]);
}

#[test]
fn infinitive_cue_takes_the_clause_subject() {
    check_cues(&[
        (
            "Hillary Clinton is trying to show that Sanders is not ready.",
            &[("show", "Hillary Clinton", "Hillary Clinton")],
        ),
        (
            "He went out of his way to say that Russia was safe.",
            &[("say", "He", "He")],
        ),
        // a subject that names no one, or one far from the cue: no cue
        ("It is hard to say what happened.", &[]),
        (
            "Trump spent the whole of a long and hot Tuesday afternoon in Iowa to say little.",
            &[],
        ),
    ]);
}

#[test]
fn possessed_stance_nouns() {
    check_cues(&[
        (
            "Senator Maria Lopez spoke on Monday. Her support for the bill is firm.",
            &[("support for", "Her", "Maria Lopez")],
        ),
        (
            "Donald Trump's attacks on Clinton grew sharper.",
            &[("attacks on", "Donald Trump's", "Donald Trump")],
        ),
        // a thing's "support" is no stance, nor is the noun without its particle
        ("The bridge's support for the deck failed.", &[]),
        ("His support grew.", &[]),
        // the clause's subject just before the possessive is the source
        (
            "Donald Trump is keeping up his criticism of the Fed.",
            &[("criticism of", "Donald Trump", "Donald Trump")],
        ),
        (
            "Later in the day, she escalated her attacks on the mayor.",
            &[("attacks on", "she", "she")],
        ),
        (
            "Latino Republicans have been unsparing in their criticism of the plan.",
            &[("criticism of", "Latino Republicans", "Latino Republicans")],
        ),
        // a pronoun that does not fit, or punctuation between: the possessive stays
        (
            "Tom Cole spoke on Monday. He said it was her support for the bill, not money.",
            &[
                ("said", "He", "Tom Cole"),
                ("support for", "her", "Tom Cole"),
            ],
        ),
    ]);
}

/// (cue, content) of every attribution with a cue.
fn contents(text: &str) -> Vec<(String, String)> {
    let cs: Vec<char> = text.chars().collect();
    let s = |sp: Span| cs[sp.start..sp.end].iter().collect::<String>();
    attribute(text, None)
        .into_iter()
        .filter_map(|a| Some((s(a.cue?), s(a.content))))
        .collect()
}

#[test]
fn crossing_contents_keep_the_reporting_verb_outside() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // "in the polls" took the text before it, "says" and its source included
        (
            "Ben Carson says he is under attack because of his rise in the polls.",
            &[
                ("says", "he is under attack because of his rise in the polls"),
                ("in", "he is under attack because of his rise"),
            ],
        ),
        (
            "Clinton has a strong ground game and support from all major Democrats, said Mindy Romero.",
            &[
                ("said", "Clinton has a strong ground game and support from all major Democrats"),
                ("support", "from all major Democrats"),
            ],
        ),
        // nested, not crossing: both stay
        (
            "The mayor said the council voted for the plan.",
            &[
                ("said", "the council voted for the plan"),
                ("voted for", "the plan"),
            ],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(c, t)| (c.to_string(), t.to_string()))
            .collect();
        let mut got = contents(text);
        got.sort_by_key(|x| std::cmp::Reverse(x.1.len()));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_name_and_a_colon_before_a_quotation() {
    check_cues(&[
        (
            "Clinton said the goal was clear. Bush: “The mission is to destroy ISIS, not to contain it.”",
            &[
                ("said", "Clinton", "Clinton"),
                (":", "Bush", "Bush"),
            ],
        ),
        // after a dash in a digest, or "More from"
        (
            "Polls were not wrong - Philip Bump: “Two weeks ago, his strongest territory had been the South.”",
            &[(":", "Philip Bump", "Philip Bump")],
        ),
        (
            "More from Jones: “The partisanship of the state is a starting point.”",
            &[(":", "Jones", "Jones")],
        ),
        // a label, a lowercase phrase, or no quotation after the colon: none
        ("Watch: “The mission is to destroy ISIS, not to contain it.”", &[]),
        ("He had one rule for the team: “Never quit before the end.”", &[]),
    ]);
}

#[test]
fn any_subject_with_a_clause_after_its_verb() {
    check_cues(&[
        (
            "The party leaders fretted that the vote would fail.",
            &[("fretted", "The party leaders", "party leaders")],
        ),
        (
            "The committee members expected that the vote would fail.",
            &[("expected", "The committee members", "committee members")],
        ),
        // no clause after the verb: a subject no one named before is no source
        ("The committee members expected to vote on Monday.", &[]),
        ("The committee members visited the plant on Monday.", &[]),
    ]);
}

#[test]
fn a_name_opening_the_sentence_before_an_aside_and_the_cue() {
    check_cues(&[
        (
            "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said that Sanders had been rude.",
            &[("said", "Sandy Phillips", "Sandy Phillips")],
        ),
        (
            "Hemsley, the co-author of “Going Viral,” about rumours, said the days of one story are gone.",
            &[("said", "Hemsley", "Hemsley")],
        ),
        (
            "Giovanni Maria Vian, the editor of the newspaper, L'Osservatore Romano, said every pope was political.",
            &[("said", "Giovanni Maria Vian", "Giovanni Maria Vian")],
        ),
        // the name after the cue closes the sentence: the inverted subject
        (
            "Turnout will be high in Iowa, said Brad Bannon.",
            &[("said", "Brad Bannon", "Brad Bannon")],
        ),
    ]);
}

#[test]
fn progressive_stance_and_intent_verbs() {
    check_cues(&[
        (
            "Rubio is looking for a strong finish in South Carolina.",
            &[("looking", "Rubio", "Rubio")],
        ),
        (
            "In some states, he is seeking to pick off delegates.",
            &[("seeking", "he", "he")],
        ),
        (
            "Last week, they were pushing for a vote on the bill.",
            &[("pushing", "they", "they")],
        ),
        (
            "The committee is considering a ban on marches.",
            &[("considering", "The committee", "committee")],
        ),
        (
            "A group of rabbis is planning to boycott the speech.",
            &[("planning", "A group of rabbis", "group of rabbis")],
        ),
        // a verb of intent without "be", or "looking" without its
        // preposition, is no cue
        ("Clinton aides planning the event left early.", &[]),
        ("Things have been looking dire for Rubio.", &[]),
    ]);
}

#[test]
fn contracted_pronoun_subjects() {
    check_cues(&[
        (
            "Barack Obama spoke on Tuesday. He’s aiming to expand background checks.",
            &[("aiming", "He", "Barack Obama")],
        ),
        (
            "But they've offered no specifics about targets.",
            &[("offered", "they", "they")],
        ),
        (
            "He is not sure whether he'll vote for Clinton.",
            &[("vote for", "he", "he")],
        ),
        // "it's" is no speaker
        ("But it's expected to rain.", &[]),
    ]);
    for (w, want) in [
        ("he's", "he"),
        ("they're", "they"),
        ("i'm", "i"),
        ("we'll", "we"),
        ("she'd", "she"),
        ("it's", "it's"),
        ("lee's", "lee's"),
        ("he", "he"),
    ] {
        assert_eq!(pronoun_head(w), want, "{w}");
    }
}

#[test]
fn light_verbs_with_a_noun_of_speech() {
    check_cues(&[
        (
            "Trump made similar comments on Thursday.",
            &[("made similar comments", "Trump", "Trump")],
        ),
        (
            "Hillary Clinton gave a stump speech in Ohio.",
            &[("gave a stump speech", "Hillary Clinton", "Hillary Clinton")],
        ),
        (
            "Senate Democrats raised questions about the deal.",
            &[("raised questions", "Senate Democrats", "Senate Democrats")],
        ),
        (
            "More than 13 million people cast a vote for him.",
            &[("cast a vote", "13 million people", "13 million people")],
        ),
        // a light verb with another object, or a name after it: no cue
        ("Trump made a fortune in real estate.", &[]),
        ("Clinton gave Sanders a speech to read.", &[]),
    ]);
}

#[test]
fn nominal_cues_in_sentences_without_a_verb_cue() {
    check_cues(&[
        (
            "Mr. Sanders's plan would raise $15 trillion in new taxes.",
            &[("plan", "Mr. Sanders's", "Sanders")],
        ),
        (
            "Maybe the DNC’s decision to bury the debates helped Republicans.",
            &[("decision", "the DNC’s", "DNC")],
        ),
        (
            "The ethanol program is facing criticism from many Republicans.",
            &[("criticism from", "many Republicans", "Republicans")],
        ),
        (
            "Cruz picked up an endorsement from the Club for Growth.",
            &[("endorsement from", "the Club for Growth", "Club for Growth")],
        ),
        // a verb cue in the sentence: the noun is part of what is said
        (
            "Wilson praised Rubio's positions on national defense.",
            &[("praised", "Wilson", "Wilson")],
        ),
        // a thing after "from", or no possessor: no cue
        ("The plan drew criticism from the start.", &[]),
        ("The plan would raise taxes.", &[]),
    ]);
}

#[test]
fn participle_after_an_adverbial_opener() {
    check_cues(&[
        (
            "Gary Hart started winning Senate campaigns by denouncing the New Deal.",
            &[("denouncing", "Gary Hart", "Gary Hart")],
        ),
        (
            "After arguing that the race was over, Rubio left Iowa.",
            &[("arguing", "Rubio", "Rubio")],
        ),
        // a subject that names no one, or a preposition: no cue
        ("The bill passed after citing the costs.", &[]),
        (
            "In the months since announcing her bid, the campaign grew.",
            &[],
        ),
    ]);
}

#[test]
fn stance_words_read_as_plural_nouns() {
    check_cues(&[
        // a preposition's object is no subject of a verb of stance
        (
            "The alliance presents an obstacle to Western attempts to contain China.",
            &[],
        ),
        // a plural after a compound participle is a noun
        (
            "The Turkish-hosted talks, while producing few results, ended on Friday.",
            &[],
        ),
        // the verb after a subject still is a cue
        (
            "Western leaders urged restraint.",
            &[("urged", "Western leaders", "Western leaders")],
        ),
    ]);
}

#[test]
fn a_head_noun_after_names_closes_the_subject() {
    check_cues(&[
        (
            "The Russian delegation, led by Vladimir Medinsky, arrived late, directly challenging the agenda.",
            &[(
                "challenging",
                "The Russian delegation",
                "Russian delegation",
            )],
        ),
        (
            "The Senate voted, and the senators later said it was fair.",
            &[("said", "the senators", "senators")],
        ),
    ]);
}

#[test]
fn weak_stance_verbs_with_a_prepositional_object() {
    check_cues(&[
        ("Negotiators in Ohio could not agree on 40 points.", &[]),
        ("They think about it.", &[("think", "They", "They")]),
    ]);
}
