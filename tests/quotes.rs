//! Quote detection and attribution: the traps of the seed in an article of our own, quote-mark
//! pairing, and each rule of the attribution sieve with positive and negative examples.

use newsnlp::Annotator;

/// One found quote: its words, the speaker mention, the speaker's name, the cue and the rule.
#[derive(Debug, PartialEq, Eq)]
struct Found {
    words: String,
    mention: Option<String>,
    speaker: Option<String>,
    cue: Option<String>,
    rule: &'static str,
}

fn quotes(text: &str) -> Vec<Found> {
    let annotations = Annotator::new().annotate(text);
    annotations
        .quotes()
        .iter()
        .map(|q| Found {
            words: text[q.span()].to_string(),
            mention: q.speaker().map(|s| text[s.mention()].to_string()),
            speaker: annotations.speaker_name(text, q).map(str::to_string),
            cue: q.cue().map(|c| text[c].to_string()),
            rule: q.rule().name(),
        })
        .collect()
}

/// An expected attribution: (quoted words, speaker mention, speaker name, rule).
type Want<'a> = (&'a str, &'a str, &'a str, &'static str);

fn check(text: &str, want: &[Want<'_>]) {
    let got = quotes(text);
    let want: Vec<Found> = want
        .iter()
        .map(|&(w, m, s, r)| Found {
            words: w.to_string(),
            mention: Some(m.to_string()),
            speaker: Some(s.to_string()),
            // The cue is checked by the rule tests that name it; here it is taken as found.
            cue: got.iter().find(|f| f.words == w).and_then(|f| f.cue.clone()),
            rule: r,
        })
        .collect();
    assert_eq!(got, want, "text {text:?}");
}

#[test]
fn the_article_of_our_own_gets_every_quote_and_speaker() {
    let text = include_str!("data/articles/valdes.txt");
    let got: Vec<(String, Option<String>, Option<String>)> =
        quotes(text).into_iter().map(|f| (f.words, f.speaker, f.cue)).collect();
    let want = [
        (
            "have done everything possible to break him, but they will not succeed,",
            "Marta Elena Valdés Montoya",
            "denounced",
        ),
        (
            "We demand his immediate release and the release of all political prisoners,",
            "Marta Elena Valdés Montoya",
            "added",
        ),
        ("under enormous pressure from State Security", "Rogelio Ernesto Valdés Montoya", "revealed"),
        ("I would rather die than live on my knees,", "Rogelio Ernesto Valdés Montoya", "wrote"),
        ("constant humiliation", "Yanelis Margarita Cordero", "reported"),
        ("inhuman and shameful,", "Dayana Rivero", "described"),
        ("patriot", "Ernesto Salas", "called"),
        ("resisting is also a way of being free.", "Lucía Herrera Soto", "emphasized"),
        ("They took everything except our dignity,", "Yanelis Margarita Cordero", "stated"),
    ];
    let want: Vec<(String, Option<String>, Option<String>)> =
        want.iter().map(|&(w, s, c)| (w.to_string(), Some(s.to_string()), Some(c.to_string()))).collect();
    // The nickname “Tito”, the names 'Ramón Fuentes Ortiz' and ‘Voces Libres’, the term “Group
    // of 75” and the scare quote “humanitarian” are not quotes.
    assert_eq!(got, want);
}

#[test]
fn quote_marks_pair_in_every_style() {
    let cases: &[(&str, &[&str])] = &[
        ("He said \"we will stay here.\"", &["we will stay here."]),
        ("He said “we will stay here.”", &["we will stay here."]),
        ("He said ‘we will stay here.’", &["we will stay here."]),
        ("Il a dit « nous resterons ici », said the mayor.", &["nous resterons ici"]),
        ("Er sagte „wir bleiben hier“, said the mayor.", &["wir bleiben hier"]),
        // A quote inside a quote is part of it.
        ("“He told me ‘stay calm and wait,’ and I did,” she said.", &["He told me ‘stay calm and wait,’ and I did,"]),
        // Apostrophes are not marks.
        (
            "“The Ferrers’ home isn’t safe in the ’90s or now,” she said.",
            &["The Ferrers’ home isn’t safe in the ’90s or now,"],
        ),
        // Nor is the apostrophe of a possessive after an abbreviation's full stop.
        (
            "Acme Corp.'s chief said 'the U.S.'s allies are tired of waiting for us.'",
            &["the U.S.'s allies are tired of waiting for us."],
        ),
        ("'Acme Corp.'s plan will fail soon,' he said.", &["Acme Corp.'s plan will fail soon,"]),
    ];
    for &(text, want) in cases {
        let got: Vec<String> = quotes(text).into_iter().map(|f| f.words).collect();
        assert_eq!(got, want, "text {text:?}");
    }
}

#[test]
fn quotes_over_paragraphs_and_unbalanced_marks() {
    // A quote over two paragraphs: an opening mark on each, a closing mark on the last.
    let text = "“We will not leave our homes.\n“We will stay until the end,” the mayor said.\nNext.";
    let found = quotes(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].words, "We will not leave our homes.\n“We will stay until the end,");
    // An unclosed quote ends at its paragraph; the next paragraph is unharmed.
    let text = "He said “this is not over and we will return soon\nThe police said “nobody was hurt in the clash.”";
    let words: Vec<String> = quotes(text).into_iter().map(|f| f.words).collect();
    assert_eq!(words, ["this is not over and we will return soon", "nobody was hurt in the clash."]);
}

#[test]
fn markup_attribute_values_are_not_quotes() {
    let found = quotes("<tweet tweet-author=\"@edhenry\" tweet-date=\"March 10, 2016\">Candidates spoke.</tweet>");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn names_titles_terms_and_scare_quotes_are_not_quotes() {
    for text in [
        "The dissident Jorge Pérez “Cacho” was released.",
        "She joined the movement ‘Free Now’ last year.",
        "The release of the “Group of 75” was a concession.",
        "They were presented as “humanitarian” gestures.",
        "He read the book “Songs of the Island” twice.",
        "The so-called “peace dividend” never came.",
        "The program known as “Safe Return” ended.",
        // Titles of shows keep lowercase joiners and the punctuation American style puts inside.
        "He leads “America with Jorge Ramos” on Fusion.",
        "A “Talk Bernie to Me” tote bag hung at her side.",
        "The minister spoke on CNN’s “State of the Union,” and left.",
        "The senator appeared on “Meet the Press.”",
        "Ortega spoke Sunday on Fox News’s “Hannity.”",
    ] {
        assert_eq!(quotes(text), [], "text {text:?}");
    }
}

#[test]
fn rule_after_cue_speaker() {
    check(
        "“We will not stop,” said Marta Pérez.",
        &[("We will not stop,", "Marta Pérez", "Marta Pérez", "after-cue-speaker")],
    );
    check(
        "Ana Díaz spoke first. “We want justice,” added the activist.",
        &[("We want justice,", "the activist", "Ana Díaz", "after-cue-speaker")],
    );
    // Negative: after a quote, "told X" names the listener, not the speaker.
    check("“Leave now,” Luis Gómez told Reuters.", &[("Leave now,", "Luis Gómez", "Luis Gómez", "after-speaker-cue")]);
    // An indefinite description is someone new, not the person named before.
    check(
        "Ana Díaz spoke first. “We want justice,” added another activist.",
        &[("We want justice,", "another activist", "another activist", "after-cue-speaker")],
    );
    // Documents speak, also when their noun is a verb too ("email").
    check("“Vote today,” read the email.", &[("Vote today,", "the email", "the email", "after-cue-speaker")]);
    // Titles joined by "and" before the name; the quote is not a continuation of the speaker before.
    check(
        "“This is a big deal,” Sen. Ana Ruiz said.\n“He is back,” said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell.",
        &[
            ("This is a big deal,", "Ana Ruiz", "Ana Ruiz", "after-speaker-cue"),
            ("He is back,", "Ed Rendell", "Ed Rendell", "after-cue-speaker"),
        ],
    );
    // A number may modify a description.
    check(
        "“She didn’t like that,” said a 2008 campaign veteran.",
        &[("She didn’t like that,", "a 2008 campaign veteran", "a 2008 campaign veteran", "after-cue-speaker")],
    );
    // Lowercase modifiers between the verb and the name.
    check(
        "“We will help,” said retired neurosurgeon Ben Carson.",
        &[("We will help,", "Ben Carson", "Ben Carson", "after-cue-speaker")],
    );
    // Negative: a clause after the verb names no speaker.
    let found = quotes("“We will help,” said the bill would save Ben Carson.");
    assert!(found.iter().all(|f| f.speaker.as_deref() != Some("Ben Carson")), "{found:?}");
    // An inverted verb later in the sentence, after a comma: the speaker follows it.
    check(
        "“This will be a challenge” for Ruiz, said Quillane.",
        &[("This will be a challenge", "Quillane", "Quillane", "after-cue-speaker")],
    );
    // An attribution that closes the sentence, after a clause of its own.
    check(
        "“Many would call that a defeat” if she lost, said Tobias Quillane, an analyst.",
        &[("Many would call that a defeat", "Tobias Quillane", "Tobias Quillane", "after-cue-speaker")],
    );
    check(
        "Carlos Ruiz spoke. “It would seal the deal” because she would lead, he said.",
        &[("It would seal the deal", "he", "Carlos Ruiz", "after-speaker-cue")],
    );
    // Negative: after an apposition that a second comma closes, the subject is before it, and a
    // phrase that opens with a preposition is no speaker.
    check(
        "“They would get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.",
        &[("They would get them,", "Jim Jordan", "Jim Jordan", "after-speaker-cue")],
    );
    // A title with "of" before the name, though its noun looks like a verb ("state").
    check(
        "“We stand with them,” said former secretary of state Hillary Clinton, who praised Bush.",
        &[("We stand with them,", "Hillary Clinton", "Hillary Clinton", "after-cue-speaker")],
    );
    // Words no list knows after the verb, up to a comma or the sentence's end, are the speaker
    // when a determiner or two capitalised words open them; a date alone is not.
    check(
        "“We stand with them,” explained Tavia Quern, the national director of surrogates.",
        &[("We stand with them,", "Tavia Quern", "Tavia Quern", "after-cue-speaker")],
    );
    check(
        "“We stand with them,” said the moderator.",
        &[("We stand with them,", "the moderator", "the moderator", "after-cue-speaker")],
    );
    for text in ["“We stand with them,” said Tuesday.", "“We stand with them,” said of the encounter."] {
        let found = quotes(text);
        assert_eq!(found[0].mention, None, "{found:?}");
    }
}

#[test]
fn rule_after_speaker_cue() {
    check(
        "“They took everything,” Nelva Ortega recently stated.",
        &[("They took everything,", "Nelva Ortega", "Nelva Ortega", "after-speaker-cue")],
    );
    check("Carlos Ruiz arrived. “It is over,” he said.", &[("It is over,", "he", "Carlos Ruiz", "after-speaker-cue")]);
    check(
        "“The law is clear,” Adam Schiff, a Democrat from California, told reporters.",
        &[("The law is clear,", "Adam Schiff", "Adam Schiff", "after-speaker-cue")],
    );
    // Titles with their full stops and a bracketed party and state between name and verb.
    check(
        "“We can win the House,” Rep. Jim McDermott (D-Wash.) said.",
        &[("We can win the House,", "Jim McDermott", "Jim McDermott", "after-speaker-cue")],
    );
    // An acronym no list knows, after "the", speaks for itself.
    check(
        "“This comes at a critical time,” the ACU said in a statement.",
        &[("This comes at a critical time,", "the ACU", "the ACU", "after-speaker-cue")],
    );
    // A possessive apostrophe between the quote and the verb is no quotation mark.
    check(
        "“The numbers are good,” Jeff Weaver, Sanders’ campaign manager, said.",
        &[("The numbers are good,", "Jeff Weaver", "Jeff Weaver", "after-speaker-cue")],
    );
    // A surname that is also a demonym speaks as the person named before; the demonym itself
    // stays a word.
    let found = quotes("Mark Cuban, the owner of the Dallas Mavericks, spoke. “I am open to it,” Cuban said.");
    assert_eq!(found[0].speaker.as_deref(), Some("Mark Cuban"), "{found:?}");
    let annotations = Annotator::new().annotate("Mark Cuban spoke. Cuban exiles protested.");
    assert_eq!(annotations.mentions().len(), 1);
    // A lone surname before a verb phrase ("told reporters") is a person.
    check(
        "“We will help,” Renteria told reporters.",
        &[("We will help,", "Renteria", "Renteria", "after-speaker-cue")],
    );
    // A noun phrase no list knows, alone between the quote and the verb, is the speaker; it
    // names no entity, so it stands for itself.
    for speaker in
        ["the moderator", "the Texan", "the conservative-leaning newspaper", "Clark County Sheriff Joe Lombardo"]
    {
        let text = format!("“There are many who argue that it is true,” {speaker} said.");
        check(&text, &[("There are many who argue that it is true,", speaker, speaker, "after-speaker-cue")]);
    }
    // "and" between nouns joins a speaker's titles; the clause's opening description speaks.
    check(
        "“We will stay,” the independent Vermont senator and Democratic presidential candidate told ABC.",
        &[("We will stay,", "the independent Vermont senator", "the independent Vermont senator", "after-speaker-cue")],
    );
    // The object of a preposition is no subject of a finite verb; a participle's subject may be.
    check(
        "Minister Ivan Lewis spoke on Monday. His responses in the interview described the claims as “very serious allegations made against some of the services.”",
        &[(
            "very serious allegations made against some of the services.",
            "His responses",
            "Ivan Lewis",
            "before-speaker-cue",
        )],
    );
    check(
        "The ad uses footage of Pedro Alonso asking, “Why are we not fifty points ahead of them?”",
        &[("Why are we not fifty points ahead of them?", "Pedro Alonso", "Pedro Alonso", "before-speaker-cue")],
    );
    // Negative: a new clause after the quote is not its attribution.
    let found = quotes("Rivero called it “cruel and cowardly,” while her colleague Ernesto Salas called him a “hero”.");
    assert_eq!(found[0].speaker.as_deref(), Some("Rivero"));
    // Negative: a new sentence after a quote that ends with a full stop is about what follows.
    let found = quotes(
        "Carmen Ruiz called it “an extraordinary campaign.” She said she admires his work and will vote for him in November.",
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Carmen Ruiz"));
    assert_eq!(found[0].rule, "before-speaker-cue");
}

#[test]
fn rule_according_to() {
    check(
        "“The prisoners are on hunger strike,” according to Amnesty International.",
        &[("The prisoners are on hunger strike,", "Amnesty International", "Amnesty International", "according-to")],
    );
}

#[test]
fn rule_before_speaker_cue() {
    check("Raúl Soto said: “We are ready.”", &[("We are ready.", "Raúl Soto", "Raúl Soto", "before-speaker-cue")]);
    check(
        "Congresswoman Ana Quirós described the regime as “cruel and cowardly.”",
        &[("cruel and cowardly.", "Ana Quirós", "Ana Quirós", "before-speaker-cue")],
    );
    check(
        "In a message on X, the sister of the dissident, Ana Belkis Soto, denounced that the police “beat him again.”",
        &[("beat him again.", "Ana Belkis Soto", "Ana Belkis Soto", "before-speaker-cue")],
    );
    // A place may modify the description's head.
    check(
        "Sooner or later, the New Jersey governor told reporters, “it starts to pay off.”",
        &[("it starts to pay off.", "the New Jersey governor", "the New Jersey governor", "before-speaker-cue")],
    );
    // Negative: a name after a preposition is not the subject.
    let found = quotes("Speaking to Reuters on Monday, Bush described his plan as a “work in progress.”");
    assert_eq!(found[0].speaker.as_deref(), Some("Bush"));
    // A participle after an object speaks for the clause's subject, not the object.
    check(
        "The senator emailed her supporters saying: “The struggle goes on and we will win.”",
        &[("The struggle goes on and we will win.", "The senator", "The senator", "before-speaker-cue")],
    );
    check(
        "Ana Díaz spoke first. She sent an email saying “we are done with this for now.”",
        &[("we are done with this for now.", "She", "Ana Díaz", "before-speaker-cue")],
    );
    // A pronoun after the clause's subject that agrees with it stands for the subject, which
    // the sentence names as the source; titles before the name are its role.
    check(
        "Secretary General Ban Ki-moon condemned what he called a “brazen breach of the resolutions.”",
        &[("brazen breach of the resolutions.", "Ban Ki-moon", "Ban Ki-moon", "before-speaker-cue")],
    );
    check(
        "Ana Díaz spoke first. Díaz says she admires what she calls a “war of some pretty unpleasant words.”",
        &[("war of some pretty unpleasant words.", "Díaz", "Ana Díaz", "before-speaker-cue")],
    );
    // Negative: a subject that does not agree, or a relative clause, keeps the pronoun.
    check(
        "Ana Díaz spoke first. Pedro Alonso said she called it “a total disaster for the whole party.”",
        &[("a total disaster for the whole party.", "she", "Ana Díaz", "before-speaker-cue")],
    );
    let found = quotes("Pedro Alonso backed the bill, which he called “a cartel for higher education.”");
    assert_eq!(found[0].mention.as_deref(), Some("he"), "{found:?}");
    // An inverted attribution before the quote: a sentence's first word, or after a comma
    // when a comma closes the name; not a participle, not "told X", not a name the quote's
    // clause is about.
    check(
        "Says Jane Roe, a chemistry professor, “The results are not what we hoped for at all.”",
        &[("The results are not what we hoped for at all.", "Jane Roe", "Jane Roe", "before-speaker-cue")],
    );
    check(
        "Still, said Jane Roe, editor of the Harbor Letter, prices “will keep rising for many years.”",
        &[("will keep rising for many years.", "Jane Roe", "Jane Roe", "before-speaker-cue")],
    );
    check(
        "John Podesta, a former adviser, said Barack Obama “understood what the program could not do.”",
        &[("understood what the program could not do.", "John Podesta", "John Podesta", "before-speaker-cue")],
    );
    check(
        "Jane Roe criticised the plan, saying “the results are not what we hoped for at all.”",
        &[("the results are not what we hoped for at all.", "Jane Roe", "Jane Roe", "before-speaker-cue")],
    );
    // Words no list knows opening the clause right before the verb.
    check(
        "The chemical maker said “the results are not what we hoped for at all.”",
        &[(
            "the results are not what we hoped for at all.",
            "The chemical maker",
            "The chemical maker",
            "before-speaker-cue",
        )],
    );
    let found = quotes("He was pleased, noting that donors feel “we have to find a place that is safe.”");
    assert_ne!(found[0].mention.as_deref(), Some("that donors"), "{found:?}");
    // A message from someone right before the quote is theirs; a place sends no message.
    check(
        "Later came a statement from his lawyers: “The court will hear the case in May.”",
        &[("The court will hear the case in May.", "his lawyers", "his lawyers", "before-speaker-cue")],
    );
    let found = quotes("She received a letter from Paris, “we are waiting for you here.”");
    assert_ne!(found[0].mention.as_deref(), Some("Paris"), "{found:?}");
    // A verb of belief right before the quote, and only there.
    check(
        "Jane Roe spoke. She believes that “the results are not what we hoped for at all.”",
        &[("the results are not what we hoped for at all.", "She", "Jane Roe", "before-speaker-cue")],
    );
    let found = quotes("Jane Roe spoke. She believes the results are good, and “we are not done with it at all.”");
    assert_eq!(found[0].mention, None, "{found:?}");
    // The subject before a prepositional phrase speaks; a bare noun there is an object.
    check(
        "Ivan Lewis spoke on Monday, and his responses in the interview described it as “very serious allegations against the services.”",
        &[("very serious allegations against the services.", "his responses", "Ivan Lewis", "before-speaker-cue")],
    );
    let found = quotes(
        "Pedro Alonso would not comment on an order signed by the governor “to protect privacy and equality for all workers.”",
    );
    assert_eq!(found[0].mention.as_deref(), Some("Pedro Alonso"), "{found:?}");
}

#[test]
fn rule_colon() {
    check(
        "Ramírez continued:\n“The numbers are very similar in every poll we have seen this year.”",
        &[("The numbers are very similar in every poll we have seen this year.", "Ramírez", "Ramírez", "colon")],
    );
}

#[test]
fn rule_signature() {
    check(
        "Readers wrote to us.\n“He is ignorant of our culture and our lives.” ― Pamela Padilla\n“Maybe we can build a wall around him.” — Steve Quinlan.",
        &[
            ("He is ignorant of our culture and our lives.", "Pamela Padilla", "Pamela Padilla", "signature"),
            ("Maybe we can build a wall around him.", "Steve Quinlan", "Steve Quinlan", "signature"),
        ],
    );
    // Negative: a dash that goes on with the sentence signs nothing.
    for text in [
        "“We will stay until the very end of it all.” — and then they left.",
        "“We will stay until the very end of it all.” - Mark Twain said it first.",
    ] {
        assert_eq!(quotes(text)[0].rule, "long-quote", "text {text:?}");
    }
}

#[test]
fn rule_interrupted() {
    check(
        "“We are not afraid,” said Elena Vidal, “and we will not go away.”",
        &[
            ("We are not afraid,", "Elena Vidal", "Elena Vidal", "after-cue-speaker"),
            ("and we will not go away.", "Elena Vidal", "Elena Vidal", "interrupted"),
        ],
    );
}

#[test]
fn rule_continued() {
    check(
        "“We will win,” Pedro Alonso said. “The people are with us.”",
        &[
            ("We will win,", "Pedro Alonso", "Pedro Alonso", "after-speaker-cue"),
            ("The people are with us.", "Pedro Alonso", "Pedro Alonso", "continued"),
        ],
    );
    // A short sentence of its own continues the quote before it.
    check(
        "“We will win,” Pedro Alonso said. “Very soon.”",
        &[
            ("We will win,", "Pedro Alonso", "Pedro Alonso", "after-speaker-cue"),
            ("Very soon.", "Pedro Alonso", "Pedro Alonso", "continued"),
        ],
    );
    // Negative: a short term inside a later sentence is neither continued nor a quote.
    let found = quotes("“We will win,” Pedro Alonso said. The “theatre” went on.");
    assert_eq!(found.len(), 1, "{found:?}");
    // The title of a show between the two quotes is no quote, and no break in the speaker's words.
    check(
        "“I expect to be vetted,” Pedro Alonso said on “Meet the Press.” “But this is different from anything before.”",
        &[
            ("I expect to be vetted,", "Pedro Alonso", "Pedro Alonso", "after-speaker-cue"),
            ("But this is different from anything before.", "Pedro Alonso", "Pedro Alonso", "continued"),
        ],
    );
}

#[test]
fn capitalised_words_a_cue_claims_are_words_not_a_title() {
    // Two sentences inside the marks are an utterance, however capitalised.
    check(
        "“Like Oakland. Or Ferguson,” Pedro Alonso said.",
        &[("Like Oakland. Or Ferguson,", "Pedro Alonso", "Pedro Alonso", "after-speaker-cue")],
    );
    check(
        "“Your Honor,” I said, “I would like to answer the question you raised.”",
        &[
            ("Your Honor,", "I", "I", "after-speaker-cue"),
            ("I would like to answer the question you raised.", "I", "I", "before-speaker-cue"),
        ],
    );
}

#[test]
fn rule_previous_sentence() {
    check(
        "Deputy Minister Bright Okafor later clarified the comments. “What the president is saying is that the talks are open to everyone.”",
        &[(
            "What the president is saying is that the talks are open to everyone.",
            "Bright Okafor",
            "Bright Okafor",
            "previous-sentence",
        )],
    );
}

#[test]
fn pronouns_and_descriptions_resolve_by_gender_and_recency() {
    // "he" skips the woman who spoke last and finds the man; "the activist" is the last
    // speaker; "his sister" skips the man who spoke last and finds the woman.
    let text = "Ana Rivas and José Rivas were detained. “We are fine,” Ana Rivas said.\n\
                “I will not sign anything,” he wrote.\n\
                “I am innocent,” added the activist.\n\
                “Free him,” said his sister.";
    let speakers: Vec<Option<String>> = quotes(text).into_iter().map(|f| f.speaker).collect();
    let name = |n: &str| Some(n.to_string());
    assert_eq!(speakers, [name("Ana Rivas"), name("José Rivas"), name("José Rivas"), name("Ana Rivas")]);
    // A document introduced by "his"/"her" speaks for its owner.
    let found = quotes("Colin Penrose listed himself as single. “I hate the police,” his profile reads.");
    assert_eq!(found[0].mention.as_deref(), Some("his profile"), "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Colin Penrose"), "{found:?}");
    // A pronoun opening its sentence takes up the subject of the sentence before, not the
    // nearer man inside its clause.
    let text = "Omar Haddad al-Zubaidi was convicted in 2001.\n\
                Jim Swire, father of a victim, believes al-Zubaidi was not guilty. He described the verdict as “a sad mistake”.";
    let found = quotes(text);
    assert_eq!(found[0].speaker.as_deref(), Some("Jim Swire"), "{found:?}");
    // The bare "al-Zubaidi" is the man named before.
    let annotations = Annotator::new().annotate(text);
    let names: Vec<&str> = annotations.mentions().iter().map(|e| annotations.entities()[e.entity()].name()).collect();
    assert_eq!(names, ["Omar Haddad al-Zubaidi", "Jim Swire", "Omar Haddad al-Zubaidi"]);
}
