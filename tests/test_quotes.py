"""Quotation extraction and attribution: each shape on synthetic text, then on the seed article."""

import pytest
from conftest import book, said
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.article import parse
from retrieval.attribution import Attributor
from retrieval.quotebook import QuoteBook
from retrieval.quotes import quote_spans

SHAPES = [
    # quote, then attribution (name first / verb first)
    (["“We will not retreat,” Maria Lopez told reporters."], "Lopez", ["We will not retreat"]),
    (["“The plan is dead,” said Tom Baker, a senior adviser."], "Tom Baker", ["The plan is dead"]),
    # attribution first
    (["Mr Kwan said: “The deal is done.”"], "Kwan", ["The deal is done."]),
    # a quotation split by its attribution is one quote, returned as the article prints it
    (["“Pay now,” Ms Ortiz said on Monday. “Today!”"], "Ortiz", ["Pay now,” Ms Ortiz said on Monday. “Today!"]),
    (["“Pay now,” Ms Ortiz said, “or never.”"], "Ortiz", ["Pay now,” Ms Ortiz said, “or never."]),
    # a fragment inside a sentence comes with the clause that holds it
    (["The vote came at what a city official described as a “turning point” for the town."],
     "city official", ["as a “turning point” for the town"]),
    # a long title or description before or after the name
    (["“We are ready,” Senate Minority Leader Chuck Schumer said."], "Chuck Schumer", ["We are ready"]),
    (["Chief Executive Dana Whitlock said so. “We are ready,” she told analysts."], "Dana Whitlock",
     ["We are ready"]),
    (["“We are ready,” said oil and gas worker Dale Innes."], "Dale Innes", ["We are ready"]),
    (["“We are ready,” Ana Ruiz, director of policy at the Fraser Institute, said in an e-mailed statement."],
     "Ana Ruiz", ["We are ready"]),
    # a quotation ending in "?" or "!" runs on into its attribution, however long the sentence goes on
    (["“Is it over? It is!” the party's leader, Ana Ruiz, tweeted on Sunday after a long night of counting."],
     "Ana Ruiz", ["Is it over? It is!"]),
    # "with NAME -ing": the name's quotation, an adverb between them or not
    (["Ana Ruiz spoke in Lima.", "The crowd cheered, with Ruiz repeatedly shouting: “We will win!”"], "Ruiz",
     ["We will win!"]),
    # a name then a time phrase before the verb
    (["Dana Ray during a visit on Sunday thanked the nurses “for their hard work.”"], "Dana Ray",
     ["the nurses “for their hard work.”"]),
    # the name preferred over the description in apposition
    (["“We are ready,” the party's spokesman, Tom Weller, told MPs."], "Tom Weller", ["We are ready"]),
    # single quotation marks of British papers; a colon introduction
    (["‘We have a plan and it is working,’ Ms Clarke said."], "Clarke", ["We have a plan and it is working"]),
    (["Mr Kwan was blunt: “The deal is dead.”"], "Kwan", ["The deal is dead."]),
    # a name and any verb after a quotation ending in a comma, the speech verb or not
    (["Mr Lund spoke first.", "“Our city will always be our city,” an angry Ms Ruiz retaliated. “Never forget.”"],
     "Ruiz", ["Our city will always be our city", "Never forget."]),
    # "…,” adding, “…”": the comma before the -ing cue sits inside the closing mark
    (["Ana Ruiz spoke on Monday.", "On TV, she stated, “It would have been worse,” adding, “Many were killed.”"],
     "Ruiz", ["It would have been worse", "Many were killed."]),
    # a quote split by words of the writer's and its attribution stays one
    (["“If there had been no intervention” by the allies, Ms Ruiz said on Monday, “we would see a war.”"], "Ruiz",
     ["If there had been no intervention” by the allies, Ms Ruiz said on Monday, “we would see a war."]),
    # a that-clause ending in a quotation is reported with it
    (["Gov. Ann Hale told the president that if he wants the land, “come and take it.”"], "Hale",
     ["if he wants the land, “come and take it.”"]),
    # a quote after a paraphrase inherits its speaker
    (["Ms Adu said it was too early to judge, but added: “We are hopeful.”"], "Adu", ["We are hopeful."]),
    # pronoun attribution resolved to the person named in the previous paragraph
    (["Economist Lena Fischer said prices would rise.", "“Inflation is sticky. Rates stay high, She said."],
     "Fischer", ["Inflation is sticky. Rates stay high"]),
    # a quotation standing alone as a paragraph, speaker from the previous paragraph
    (["The plan was rejected, a position a state official repeated on Friday, a view Gov. Hart reiterated.",
      "“Our answer is no.”"], "Hart", ["Our answer is no."]),
    # ...or from a sentence that closes the previous paragraph announcing what the person said
    (["Ana Ruiz spoke first.", "Ruiz continued her remarks.", "“We will not back down.”"], "Ruiz",
     ["We will not back down."]),
    # a colon introduction after an opening phrase of any kind
    (["Ana Ruiz spoke in Lima.", "Back on home soil, she returned to her familiar lines: “No retreat.”"], "Ruiz",
     ["No retreat."]),
    # nested single quotes stay inside the double quote
    (["“He told me: ‘Wait a minute,’ and left,” said Ana Silva."], "Silva", ["He told me: ‘Wait a minute,’ and left"]),
    # "went on" after a quotation; "went on to win" is no cue
    (["Ms Lee answered: “Not now.”", "“It happens, right?” Ana Ruiz went on, as if she had not heard. “Get over it.”",
      "Ruiz went on to win the seat."], "Ruiz", ["It happens, right?” Ana Ruiz went on, as if she had not heard. "
                                                "“Get over it."]),
    # a sentence starting right after a closing mark (scraped text); a role before the name
    (["“I love tacos!”Former Republican presidential candidate Ann Lee broke down what was wrong: “It was rude.”"],
     "Ann Lee", ["It was rude."]),
    # a speech verb with only an object, then the quotation it announces
    (["Ms Lee tweeted her approval of the vote. On the other side, Sen. Ana Ruiz tweeted a warning. “Remember it.”"],
     "Ruiz", ["Remember it."]),
    # a stray straight mark before curly quotes opens nothing (scraped text)
    (['"Ana Ruiz tried to laugh it off by interjecting, “Only the mayor.” But Lee went on.'], "Ruiz",
     ["Only the mayor."]),
    # quoted phrases closing the writer's sentence before the cue come with the words that lead to them
    (["Taxes are “a disgrace” and “a trap,” Ana Ruiz, the mayor, said on Monday."], "Ruiz",
     ["Taxes are “a disgrace” and “a trap,”"]),
    # a closed quotation that reports speech inside it stays whole
    (["“Tom said when he was asked, he said, ‘I hope it happens,’” Ana Ruiz told workers."], "Ruiz",
     ["Tom said when he was asked, he said, ‘I hope it happens,’"]),
    # the object a quotation names comes with it; an audience or a time before the quotation does not
    (["Ana Ruiz noted on Twitter the change from the old slogan, “Ready for more.”"], "Ruiz",
     ["the change from the old slogan, “Ready for more.”"]),
    (["Ana Ruiz told the news agency simply, “We lost.”"], "Ruiz", ["We lost."]),
    (["Ana Ruiz wrote a day earlier, “We lost.”"], "Ruiz", ["We lost."]),
    # a form that is also a noun is a verb right after a quotation ending in a comma; the one who issued a statement
    (["“Every day hurts farmers,” read a statement issued by Premier Ana Ruiz after the meeting."], "Ana Ruiz",
     ["Every day hurts farmers"]),
    (["“We know better,” state Sen. Ana Ruiz said on Monday."], "Ana Ruiz", ["We know better"]),
    # a paragraph closing on a sentence whose subject is a person named in full: the next opening quotation is theirs
    (["A resident says the road was long. Ana Ruiz left home around 2 a.m. Tuesday.", "“We slept in the car.”"],
     "Ana Ruiz", ["We slept in the car."]),
    # straight double quotes
    (['"Nothing changed," said Raj Patel.'], "Patel", ["Nothing changed"]),
    # a quote that never closes runs to the paragraph end
    (["Talks resumed.", "Mr Okafor said: “We are ready. We will talk"], "Okafor", ["We are ready. We will talk"]),
]


@pytest.mark.parametrize("paragraphs, speaker, expected", SHAPES)
def test_direct_quote_shapes(paragraphs, speaker, expected):
    qb = book(*paragraphs)
    assert said(qb, speaker) == expected


OTHER_ARTICLE = """Storm Over Budget Talks Deepens

- Advertisement -

Lawmakers clash over spending as deadline nears

Senator Maria Alvarez said on Tuesday that the proposal was "dead on arrival."

"We will not support a bill that cuts Medicare," Alvarez told reporters. "Not now, not ever."

House Speaker John Miller disagreed. He said the plan was the only realistic option.

"It's this or a shutdown," Miller said, adding that talks would continue. "We have until Friday."

A senior Treasury official, who spoke on condition of anonymity, described the situation as "deeply worrying."

"Markets hate uncertainty," said Dr. Priya Natarajan, an economist at Stanford University. She added: "Investors \
are already nervous."

According to the Congressional Budget Office, the deficit would grow by $2 trillion.

"This is reckless," a Democratic aide said. "Completely reckless."

Ms Alvarez later posted on social media. "We stand firm," she wrote.

Write Jane Roe at [email protected]
"""


@pytest.mark.parametrize("name, kind, expected", [
    ("Alvarez", "direct", ['the proposal was "dead on arrival."',
                           'We will not support a bill that cuts Medicare," Alvarez told reporters. '
                           '"Not now, not ever.', "We stand firm"]),
    ("Speaker Miller", "direct", ["It's this or a shutdown", "We have until Friday."]),
    ("John Miller", "reported", ["the plan was the only realistic option", "talks would continue"]),
    ("Treasury official", "direct", ['the situation as "deeply worrying."']),
    ("Natarajan", "direct", ["Markets hate uncertainty", "Investors are already nervous."]),
    ("Stanford economist", "direct", ["Markets hate uncertainty", "Investors are already nervous."]),
    ("Democratic aide", "direct", ['This is reckless," a Democratic aide said. "Completely reckless.']),
    ("Congressional Budget Office", "reported", ["the deficit would grow by $2 trillion"]),
])
def test_another_article_of_the_same_kind(name, kind, expected):
    qb = QuoteBook(parse(OTHER_ARTICLE))
    assert said(qb, name, kind) == expected
    assert qb.article.authors == ("Jane Roe",)


def test_a_verb_its_object_and_the_words_it_quotes():
    qb = book("A short first paragraph of the story sits here for the parser to see.",
              "The impostor gushed about a “common interest in keeping our hemisphere safe.”")
    assert said(qb, "impostor") == ["about a “common interest in keeping our hemisphere safe.”"]


def test_a_capitalised_verb_inside_a_name_is_not_a_cue():
    qb = book("A short first paragraph of the story sits here for the parser to see.",
              "Chapter president Luis Osuna told The Huffington Post: “It is not only lawyers.”")
    assert [q.speaker for q in qb.quotes] == ["luis osuna"]


def test_a_noun_that_is_also_a_speech_verb_ends_no_clause():
    qb = book("“The count was fair,” said Ana Ruiz of Election Watch, who observed voting in Shan state.")
    assert [(q.speaker, q.text) for q in qb.quotes] == [("ana ruiz", "The count was fair")]
    assert said(book("Prices will rise, analysts state."), "analysts", "reported") == ["Prices will rise"]


def test_fragments_inside_a_clause_with_a_verb_of_its_own_come_with_the_clause():
    qb = book("Ms Valet spoke in Paris, suggesting “Trumpization” in the form of “slander” had started to spread.",
              "Mr Kwan said “the plan is dead” and left the room in a hurry.")
    assert said(qb, "Valet") == ["“Trumpization” in the form of “slander” had started to spread"]
    assert said(qb, "Kwan") == ["the plan is dead"]


def test_being_asked_to_do_something_reports_nothing():
    qb = book("Ms Lee was asked to comment on the report about the failed bridge project.",
              "When asked to comment on the collapse of the bridge project last year, Mr Dunn only smiled.")
    assert not qb.quotes


def test_saying_no_to_something_reports_nothing():
    assert not book("The council said no to the plan on Monday night.").quotes


def test_declining_to_say_reports_nothing():
    assert not book("A spokesperson for the bank declined to say whether the deal would be renewed.").quotes


@pytest.mark.parametrize("sentence, speaker, text", [
    ("Ms Lind said the bridge would open in May.", "Lind", "the bridge would open in May"),
    ("Prices will fall, Mr Ames said.", "Ames", "Prices will fall"),
    ("Rival candidate Ann Lee also lacks in the looks department, said Howard.", "Howard",
     "Rival candidate Ann Lee also lacks in the looks department"),  # a name after the verb beats a phrase before
    ("Her son was free and coming home, Mr Ames told her.", "Ames", "Her son was free and coming home"),
    ("Mr Reyes argued that the tax was unfair.", "Reyes", "the tax was unfair"),
    ("Mr Reyes and Ms Lind have both argued that the tax was unfair.", "Reyes", "the tax was unfair"),
    ("Ms Cho told reporters the factory would close.", "Cho", "the factory would close"),
    ("Ms Cho told MPs on Tuesday that the factory would close.", "Cho", "the factory would close"),
    ("Northway Bank said on Monday it would close 12 branches.", "Northway Bank", "it would close 12 branches"),
    ("The campaign bought ads and announced it would seek a recount.", "campaign", "it would seek a recount"),
    ("The watchdog group asked to depose the former secretary and two of her aides about the setup.",
     "watchdog group", "to depose the former secretary and two of her aides about the setup"),  # a request
    ("Ms Ruiz’s campaign bought ads and announced it would seek a recount.", "Ruiz’s campaign",
     "it would seek a recount"),  # a possessive subject is the noun phrase it opens
    ("Ms Ruiz, after initially saying she would not advertise, bought ads this week.", "Ruiz",
     "she would not advertise"),  # a subject, then a comma and the -ing cue's lead
    ("Ms Cho told reporters late on Tuesday she was confident of a deal.", "Cho", "she was confident of a deal"),
    ("The river is rising, according to Dr Nilsen.", "Nilsen", "The river is rising"),
    ("According to Dr Nilsen, the river is rising.", "Nilsen", "the river is rising"),
    ("According to a new poll out Thursday, the mayor leads by ten points.", "poll", "the mayor leads by ten points"),
    ("Turnout, according to the council, rose sharply.", "council", "Turnout, according to the council, rose sharply"),
    ("The river, Dr Nilsen said, is rising fast.", "Nilsen", "The river, Dr Nilsen said, is rising fast"),
    ("Critics argue that the plan is too costly.", "critics", "the plan is too costly"),
    ("The plan has foes, including local businesses that warn it could harm trade.", "local businesses",
     "it could harm trade"),  # the noun a relative "that" follows
    ("A spokesman said the Republican Party was united.", "spokesman", "the Republican Party was united"),
    ("Mr Dale claims he is owed $10 million.", "Dale", "he is owed $10 million"),  # "claims" as a verb
    ("Ms Lee came second, with 22 percent saying they would not back her, and Mr Roy third.", "22 percent",
     "they would not back her"),  # a share of those polled, in a with-phrase that a comma closes
    ("Asked if he was ever bullied, the candidate said no.", "candidate", "no"),  # an answer
    ("The Fraser Institute notes the minimum wage is mostly paid to new workers.", "Fraser Institute",
     "the minimum wage is mostly paid to new workers"),  # "notes" before a clause's subject and verb
    ("Dan Backer, the fund's lawyer and treasurer, rejected the label, noting that it costs money to raise money.",
     "Backer", "it costs money to raise money"),
    ("The claims he made were false, Ms Ray said.", "Ray", "The claims he made were false"),
    # a verb that only introduces quotations ("welcomed") inside the clause does not end it
    ("In a prison interview, Mr Dale said he welcomed the trial and added, “I will plead guilty.”", "Dale",
     "he welcomed the trial"),
])
def test_reported_speech(sentence, speaker, text):
    assert said(book(sentence), speaker, "reported") == [text]


def test_a_clause_before_the_cue_and_one_after_a_second_cue():
    qb = book("The plan is doomed, Ms Ray said Tuesday in Paris, noting that it had no money.")
    assert said(qb, "Ray", "reported") == ["The plan is doomed", "it had no money"]


def test_unbalanced_and_stray_marks():
    assert quote_spans("a “b” c” d “e") == [(3, 4), (12, 13)]
    assert quote_spans("no quotes at all") == []
    assert quote_spans("“one. “two”") == [(1, 5), (7, 10)]


def test_every_quote_is_verbatim_in_its_paragraph(article, quotebook):
    assert quotebook.quotes
    for q in quotebook.quotes:
        assert q.text in article.paragraph(q.paragraph).text


SEED_CASES = [
    ("Ushakov", "direct", [2]),
    ("Angela Stent", "direct", [11, 11]),     # article misspells her as "Stant"
    ("Dara Massicot", "direct", [25]),        # "Masicott" in the article; split by "She said" in ¶25
    ("US official", "direct", [9]),           # standalone quote paragraph, speaker in ¶8
    ("Putin", "direct", [13]),                # split: "…,” Mr Putin said at his … conference. “Now!”
    ("senior Biden administration official", "direct", [3]),  # fragment "moment of crisis"
    ("Biden", "reported", [7, 15]),
]


@pytest.mark.parametrize("name, kind, paragraphs", SEED_CASES)
def test_seed_article_attribution(quotebook, name, kind, paragraphs):
    found = quotebook.lookup(name)
    assert [q.paragraph for q in found.quotes if q.kind == kind] == paragraphs


def test_seed_quotes_never_cross_speakers(quotebook):
    putin = " ".join(said(quotebook, "Putin"))
    assert "Our president responded" not in putin and "not a new commitment" not in putin
    assert said(quotebook, "White House official") == ["This was not a new commitment. It was a rehashing of our "
                                                       "current policy"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ.,“”\"‘’'Mr said she he told Ann Lee:!")),
                        min_size=1, max_size=120), min_size=1, max_size=4))
def test_extraction_never_raises_and_is_verbatim(paragraphs):
    paragraphs = [p for p in paragraphs if p.strip()] or ["x."]
    try:
        art = parse("Headline\n\n" + "\n\n".join(paragraphs))
    except ValueError:
        return
    for q in Attributor(art).run():
        assert q.text and q.text in art.paragraph(q.paragraph).text


@pytest.mark.parametrize("paragraph", [
    "''We won tonight,'' Maria Lopez said.",
    "„We won tonight“, Maria Lopez said.",
    "«We won tonight», Maria Lopez said.",
    '"We won tonight," Maria Lopez said.',
])
def test_quotation_marks_of_other_styles(paragraph):
    assert said(book(paragraph), "Maria Lopez") == ["We won tonight"]


@pytest.mark.parametrize("verb", ["confirmed", "concluded", "tweeted", "admitted", "denied", "testified"])
def test_speech_verbs_in_any_inflection(verb):
    qb = book(f"“The plan is on schedule,” Maria Lopez {verb}.")
    assert said(qb, "Maria Lopez") == ["The plan is on schedule"]


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
    # a relative clause on a description in apposition to a name: the name speaks, in both clauses
    ("Ruiz, a native of Ohio who writes novels about the war, said: “It works.”", ["Ana Ruiz", "Ana Ruiz"]),
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


def test_a_quotation_over_several_paragraphs_is_attributed_at_its_last():
    qb = book("The minister spoke at length.", "“We have made mistakes and we will not repeat them.",
              "“This time the money will reach the people,” Finance Minister Karen Holt said.",
              "“We will publish every contract,” she added.")
    assert [q.paragraph for q in qb.lookup("Karen Holt").quotes] == [2, 3, 4]
    assert not [q for q in book("“We have made mistakes.", "The crowd left.").quotes]


@pytest.mark.parametrize("phrase, source", [
    ("only", False), ("otherwise", False), ("000 on payments to a company", False),
    ("officials", True), ("Critics", True), ("Ann Lee", True), ("has no", False), ("nobody", False),
])
def test_adverbs_and_number_tails_are_not_sources(phrase, source):
    from retrieval import sources

    assert (sources.classify(phrase, 0, len(phrase)) is not None) is source


@pytest.mark.parametrize("sentence, subject", [
    ("After a rally in Lima, Peru the candidate went further, saying", None),  # a word before "the" is no subject
    ("Former Republican presidential candidate Ann Lee broke down the plan, saying", "Ann Lee"),
    ("Mr. Dale even echoed Mr. Roy's view, saying", "Dale"),  # a name after a verb is no role's name
])
def test_the_subject_of_a_sentence(sentence, subject):
    from retrieval import sources

    found = sources.subject(sentence, 0, sentence.index(" saying"))
    assert (found.name if found else None) == subject


@pytest.mark.parametrize("paragraph, expected", [
    ("Later on “This Week,” Ana Ruiz said she was hopeful.", ["she was hopeful"]),
    ("Ana Ruiz said on ABC's “This Week”: “Not Now.”", ["Not Now."]),
    ("“Not Now,” Ana Ruiz said.", ["Not Now"]),
])
def test_a_quoted_title_is_nobodys_words(paragraph, expected):
    assert [q.text for q in book(paragraph).quotes] == expected
