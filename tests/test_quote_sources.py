"""Who said it: sources, cues and clauses in the shapes real news takes (relative clauses, appositions, titles,
participles, negative and compound sources), each a rule measured on news-quotes or found on real stories."""

import pytest
from helpers import book, said


@pytest.mark.parametrize("paragraphs, speaker, expected", [
    # a name named once by a single word
    (["“We must act,” Merkel said."], "Merkel", ["We must act"]),
    # names that are also common words, apostrophes and hyphens
    (["“We will see,” said May Thompson, 71."], "May Thompson", ["We will see"]),
    (["Will Patterson, a Labour MP, said: “They have had fourteen years.”"], "Will Patterson",
     ["They have had fourteen years."]),
    (["“Not a piggy bank,” Martin O'Donnell said."], "O'Donnell", ["Not a piggy bank"]),
    (["“Riders come first,” said Hélène Tremblay-Roy."], "Tremblay-Roy", ["Riders come first"]),
    # a photo credit glued to the name
    (["Getty Images Jane Doe, the mayor, said: “We are ready.”"], "Jane Doe", ["We are ready."]),
    # a pronoun goes to the person, not to a place named since
    (["Maria Lopez toured San Diego on Monday.", "“It was lovely,” she said."], "Maria Lopez", ["It was lovely"]),
])
def test_speakers_of_real_news(paragraphs, speaker, expected):
    found = book(*paragraphs).lookup(speaker)
    assert [q.text for q in found.quotes if q.kind == "direct"] == expected


@pytest.mark.parametrize("paragraphs, speaker, kind, expected", [
    (["As Professor Lena Foner put it: “We are a nation of immigrants.”"], "Lena Foner", "direct",
     ["We are a nation of immigrants."]),
    (["The plan drew fire, with Sen. Ann Lee calling it a “Chinese menu.”"], "Ann Lee", "direct",
     ["it a “Chinese menu.”"]),
    (["One of the men, Jessie Elkins, 70, had served in the army and said he feared another war."],
     "Jessie Elkins", "reported", ["he feared another war"]),
    (["The Slate technology columnist David Auerbach went so far as to say: “The platform is over.”"],
     "David Auerbach", "direct", ["The platform is over."]),
    (["And it has not gone unnoticed: according to recent polls, the mayor trails by 9 points."],
     "recent polls", "reported", ["the mayor trails by 9 points"]),
    # a verb with senses other than speech reports a clause only after "that"
    (["Ms Ruiz maintained a lead of six points all night."], "Ruiz", "reported", []),
    (["Ms Ruiz maintained that the count was fair."], "Ruiz", "reported", ["the count was fair"]),
    (["The mayor admits she went home with an earful."], "mayor", "reported", ["she went home with an earful"]),
    (["The patient was admitted to hospital on Monday."], "patient", "reported", []),
    # a lower-case pronoun subject after a leading phrase; a leading "A month later," is no subject
    (["Mr Ames spoke to the press on Friday.",
      "In interviews on Sunday, he defended the plan, saying that it would work within a year."],
     "Ames", "reported", ["it would work within a year"]),
    (["Ms Lind spoke in May.", "A month later, she visited the plant and explained that the line would close."],
     "Lind", "reported", ["the line would close"]),
    # pronouns inside quotations teach no gender; a name after a pronoun subject is not the sentence's subject
    (["Talk show host Glenn Moss spoke on Tuesday.",
      "Moss wrote: “I couldn’t disagree with her more, but she knows the game.”",
      "The mayor answered on Wednesday.", "“It was a mistake,” he said."], "Glenn Moss", "direct",
     ["I couldn’t disagree with her more, but she knows the game.", "It was a mistake"]),
    (["Mr. Lou said there was nothing wrong with the talks.",
      "But he suggested that Mr. Lew had critics at home. “They are under pressure,” he said."], "Lou", "direct",
     ["They are under pressure"]),
    # a relative clause's speaker is the noun before "who", not the sentence's subject and verb; a participle
    # after it belongs to the sentence's subject
    (["Mayor Ana Ruiz angrily rebuked critics who say the plan is dead, saying the plan would pass this year."],
     "critics", "reported", ["the plan is dead"]),
    (["Mayor Ana Ruiz angrily rebuked critics who say the plan is dead, saying the plan would pass this year."],
     "Ana Ruiz", "reported", ["the plan would pass this year"]),
    # a name after "at the time" in apposition to the speaker's description
    (["The party was “changing its image,” wrote the American ambassador at the time, Tom Weller."],
     "Tom Weller", "direct", ["The party was “changing its image,”"]),
    # an opening participle phrase closed by a parenthetical between dashes
    (["Hastily visiting the site ― as she had done after the floods last year ― Ana Ruiz toured the plant, and "
      "stressed that the “recovery” had begun."], "Ana Ruiz", "direct", ["the “recovery” had begun"]),
    # after the sentence's own cue, a colon at its end introduces its speaker's words, not a relative clause's
    (["Ana Ruiz tweeted back, noting the irony from a mayor who promised lower taxes: “Taxes went up.”"],
     "Ana Ruiz", "direct", ["Taxes went up."]),
    (["He met the voters who told him: “Go home.”"], "voters", "direct", ["Go home."]),
    # an apposition opening with a possessive name ("Joly's spokeswoman"); a participle phrase after the subject
    (["Ana Ruiz, Joly's spokeswoman, said Joly cancelled because she had a meeting."], "Ana Ruiz", "reported",
     ["Joly cancelled because she had a meeting"]),
    (["The mayor, expressing frustration at the talks, followed up by saying the plan would return next year."],
     "mayor", "reported", ["the plan would return next year"]),
    # police ranks abbreviated (Const., Det., Insp.); a quoted phrase closing a second sentence before its cue
    (["Police said little. The presence is “a precaution,” Const. Ana Ruiz said in a statement."], "Ana Ruiz",
     "direct", ["The presence is “a precaution,”"]),
    # "to say" after the subject's own verb; adverbs and a clock time before "that"
    (["Ana Ruiz's office weighed in a short time later to say that the mayor was monitoring the situation."],
     "Ana Ruiz's office", "reported", ["the mayor was monitoring the situation"]),
    (["Ana Ruiz said similarly just before 11:30 a.m. that the mayor was monitoring the situation."], "Ana Ruiz",
     "reported", ["the mayor was monitoring the situation"]),
    # "according to" a name, then a subordinate clause of the writer's
    (["The house was stripped “down to the studs,” according to Ana Ruiz since it was being renovated."],
     "Ana Ruiz", "direct", ["The house was stripped “down to the studs,”"]),
    # the apposition after an inverted cue is not what was said
    (["The past months have been hard on workers, said Jen Thiel, an emergency room nurse."], "Jen Thiel",
     "reported", ["The past months have been hard on workers"]),
    # "added" and a clause after a person; "added" and an object stays no cue
    (["Ana Ruiz spoke first. She added the centre reopened at 11 p.m. for late arrivals."], "Ana Ruiz", "reported",
     ["the centre reopened at 11 p.m. for late arrivals"]),
    (["Ana Ruiz added the finishing touches to the plan."], "Ana Ruiz", "reported", []),
    # a speech verb's participle after a determiner is an adjective ("no predicted finishing date")
    (["Ana Ruiz said that the plan, which now has no predicted end date, will cost more than $50 million."],
     "Ana Ruiz", "reported", ["the plan, which now has no predicted end date, will cost more than $50 million"]),
    # "in responding to the incident" is a deed, not a second cue cutting the first one's clause
    (["Ana Ruiz said the police erred in responding to the incident, and an inquiry would help."], "Ana Ruiz",
     "reported", ["the police erred in responding to the incident, and an inquiry would help"]),
    # "with" and a noun before "and said" is no "with X saying"; a date with an abbreviated month is when
    (["Critics were not satisfied with the apology and said on Sept. 24 they would not engage further."],
     "Critics", "reported", ["they would not engage further"]),
    # a compound noun ending in a particle; "with" and a description before an -ing cue
    (["“Vote early,” a voice over says as the screen fades."], "voice over", "direct", ["Vote early"]),
    (["The ad ends with a voice over saying: “Vote early.”"], "voice over", "direct", ["Vote early."]),
])
def test_more_cues_and_sources(paragraphs, speaker, kind, expected):
    assert said(book(*paragraphs), speaker, kind) == expected


@pytest.mark.parametrize("paragraph, speakers", [
    # a relative clause on a description in apposition to a name: the name speaks ("writes novels" is no speech)
    ("Ruiz, a native of Ohio who writes novels about the war, said: “It works.”", ["Ana Ruiz"]),
    ("Ruiz, a native of Ohio who argues that the war is over, said: “It works.”", ["Ana Ruiz", "Ana Ruiz"]),
    # the anonymity formula between a source and its verb
    ("Today, a spokesman who declined to be named said the plan was dead.", ["spokesman"]),
    # a capitalised opening word is no name
    ("Today, a nurse who said the plan was dead left early.", ["nurse"]),
])
def test_relative_clauses_on_sources(paragraph, speakers):
    qb = book("Ana Ruiz spoke first.", paragraph)
    assert [q.display for q in qb.quotes] == speakers


@pytest.mark.parametrize("paragraphs, speakers", [
    # a double-barrelled name with an inner capital, after its role
    (["“We are here,” said intensive care nurse Kerri Webster-McIsaac."], ["Kerri Webster-McIsaac"]),
    # a count opens the noun phrase and a time closing it is when: "the reason two managers last week warned"
    (["Shortages are the reason two hospital managers last week warned that patients may be dying."],
     ["two hospital managers"]),
    # a union's name in the possessive is no person for "the nurses" to mean
    (["Nova Scotia Nurses’ Union president Janet Hazelton spoke first.", "The nurses said they are frustrated."],
     ["nurses"]),
])
def test_speakers_as_shown(paragraphs, speakers):
    assert [q.display for q in book(*paragraphs).quotes] == speakers


@pytest.mark.parametrize("sentence", [
    "The judge stopped the emails, but nobody has explained why the lawyer sent them in such an “odd” way.",
    "No one said the plan was dead.",
])
def test_a_negative_source_says_nothing(sentence):
    assert book(sentence).quotes == ()


def test_a_preposition_after_a_time_opens_no_compound_noun():
    assert book("Concerns rose Monday over claims that ballots had been lost.").quotes == ()


def test_an_ing_verb_before_a_preposition_is_not_part_of_the_speaker():
    qb = book("The plan was coming from a council that claimed the budget was balanced.")
    assert [q.speaker for q in qb.quotes] == ["council"]


@pytest.mark.parametrize("phrase, source", [
    ("only", False), ("otherwise", False), ("000 on payments to a company", False),
    ("officials", True), ("Critics", True), ("Ann Lee", True), ("has no", False), ("nobody", False),
])
def test_adverbs_and_number_tails_are_not_sources(phrase, source):
    from retrieval.quotes import speaker_phrase

    assert (speaker_phrase.classify(phrase, 0, len(phrase)) is not None) is source


@pytest.mark.parametrize("sentence, subject", [
    ("After a rally in Lima, Peru the candidate went further, saying", None),  # a word before "the" is no subject
    ("Former Republican presidential candidate Ann Lee broke down the plan, saying", "Ann Lee"),
    ("Mr. Dale even echoed Mr. Roy's view, saying", "Dale"),  # a name after a verb is no role's name
])
def test_the_subject_of_a_sentence(sentence, subject):
    from retrieval.quotes import speaker_phrase

    found = speaker_phrase.subject(sentence, 0, sentence.index(" saying"))
    assert (found.name if found else None) == subject


@pytest.mark.parametrize("paragraph, expected", [
    ("Later on “This Week,” Ana Ruiz said she was hopeful.", ["she was hopeful"]),
    ("Ana Ruiz said on ABC's “This Week”: “Not Now.”", ["Not Now."]),
    ("“Not Now,” Ana Ruiz said.", ["Not Now"]),
])
def test_a_quoted_title_is_nobodys_words(paragraph, expected):
    assert [q.text for q in book(paragraph).quotes] == expected


@pytest.mark.parametrize("sentence", [
    "The auditor is preparing an additional report that could reach the mayor's office.",  # ARTICLE_BEFORE
    "She had used an alias email at work with the name “Ruby Lane,” mostly for family news.",
    "Inspectors found no evidence to suggest that the pump had been tampered with.",  # NOTHING_TO
    "By some measures one could say the bridge was finished early.",  # HYPOTHETICAL
    "Councillor Ada Brenner wrote the letter on March 3 to the county's roads department.",  # THING_OBJECT_VERBS
    "The union claimed 60 percent of the seats to the company's 40 percent.",
])
def test_words_nobody_said(sentence):
    assert book(sentence).quotes == ()


@pytest.mark.parametrize("sentence, expected", [
    ("Councillor Ada Brenner wrote that the roads department had ignored three warnings.",
     "the roads department had ignored three warnings"),
    ("Mayor Ivo Petrak claims he's owed an apology by the county.", "he's owed an apology by the county"),
])
def test_written_and_claimed_clauses_are_reported(sentence, expected):
    assert [q.text for q in book(sentence).quotes] == [expected]


def test_according_to_inside_what_was_said_is_the_speakers_own_source():
    quotes = book("Lena Ortiz, the party's treasurer, said Tuesday that according to its own count, the party "
                  "had won 61 percent of the vote.").quotes
    assert [(q.display, q.text) for q in quotes] == [
        ("Lena Ortiz", "according to its own count, the party had won 61 percent of the vote")]
