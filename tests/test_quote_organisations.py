"""Organisations, outlets and agencies as speakers (issue 24): their names, short forms and acronyms, the
descriptions that refer back to them, relays ('according to X' after someone's verb), 'X reported that', and
people introduced by what they do ('Passenger …'). Texts are written here, in the shapes wire copy takes."""

import pytest
from helpers import book, said

from retrieval.quotes import organisations


@pytest.mark.parametrize("run, name", [
    ("The Greenfield Zoo", "Greenfield Zoo"),  # ORG_HEADS: a head noun ends the name
    ("Northstar Minerals Inc.", "Northstar Minerals Inc."),  # CORPORATE: a company ending
    ("City of Delmar", "City of Delmar"),  # PLACE_HEADS: a place is a government only as "City of …"
    ("Department of Forestry and Fire Protection", "Department of Forestry and Fire Protection"),
    ("FBI and State Department", "State Department"),  # "and" outside an "of" name joins two names
    ("In the United States", None),  # _LEADING words dropped; a country is not an organisation here
    ("Center for Responsive Politics.", "Center for Responsive Politics"),  # a sentence's full stop
    ("Harold Nwosu", None),
])
def test_organisation_name(run, name):
    assert organisations.organisation_name(run) == name


@pytest.mark.parametrize("name, common, present, absent", [
    ("National Weather Service", {"national"}, {"national weather service", "nws"}, {"national"}),
    ("Northstar Minerals Inc.", set(), {"northstar minerals", "northstar"}, set()),
    ("the state Department of Forestry", set(), {"department of forestry", "sdf", "df"}, {"state"}),  # MODIFIERS
])
def test_organisation_aliases(name, common, present, absent):
    found = organisations.aliases(name, common)
    assert present <= found and not absent & found


@pytest.mark.parametrize("phrase, expected", [
    ("the department", ({"department"}, False)),
    ("hospital officials", ({"hospital"}, True)),  # SPOKESPEOPLE speak for the organisation
    ("a spokesperson for the transit authority", ({"transit", "authority"}, True)),
    ("the company", ({"company"}, False)),  # COMPANY_NOUNS
    ("the residents' group that brought the case", None),
])
def test_description_words(phrase, expected):
    assert organisations.description_words(phrase) == expected


HARBOR = ["The Harbor Transit Authority (HTA) said fares would rise by 5% in May.",
          "The authority said it would hold two public meetings before the vote.",
          "A spokesperson for the transit authority said the meetings would be streamed online.",
          "Rider Dana Keel said the buses were already too full.",
          "“We pay more every year and wait longer every year,” Keel said."]


@pytest.mark.parametrize("typed", ["Harbor Transit Authority", "the authority", "HTA", "Harbor"])
def test_an_organisation_is_one_speaker_by_every_name(typed):
    found = book(*HARBOR).lookup(typed)
    assert found.status == "found" and found.speaker == "Harbor Transit Authority"
    assert [q.text for q in found.quotes] == ["fares would rise by 5% in May",
                                              "it would hold two public meetings before the vote",
                                              "the meetings would be streamed online"]


@pytest.mark.parametrize("word", ["Commuter", "Economist", "Rider"])  # ROLE_NOUNS, _ROLE_ENDING, neither
def test_an_occupation_before_a_name(word):
    found = book(f"{word} Dana Keel said the buses were already too full.",
                 "“We pay more every year and wait longer every year,” Keel said.").lookup("Dana Keel")
    assert found.speaker.endswith("Dana Keel")
    assert [q.text for q in found.quotes] == ["We pay more every year and wait longer every year",
                                              "the buses were already too full"]


def test_according_to_after_a_speakers_verb_is_a_relay():
    qb = book("“We will rebuild every house,” Mayor Ana Ruiz said, according to the Daily Ledger.")
    assert said(qb, "Ana Ruiz") == ["We will rebuild every house"]
    assert [s.name for s in qb.speakers()] == ["Ana Ruiz"]


def test_according_to_alone_is_the_source():
    qb = book("The bridge will close for a month, according to the Daily Ledger.")
    assert said(qb, "Daily Ledger", "reported") == ["The bridge will close for a month"]


@pytest.mark.parametrize("paragraph, typed, expected", [
    ("The Valley Tribune reported that the bridge would close for a month.", "Valley Tribune",
     "the bridge would close for a month"),
    ("The bridge will close for a month, the Valley Tribune reported.", "Valley Tribune",
     "The bridge will close for a month"),
])
def test_an_outlet_reporting_is_a_source(paragraph, typed, expected):
    assert said(book(paragraph), typed, "reported") == [expected]


def test_reported_without_that_is_a_deed():
    assert book("The company reported a loss of $2 million for the quarter.").quotes == ()


def test_a_subject_with_a_relative_clause():
    qb = book("The group that organised the rally said 3,000 people took part.")
    found = qb.lookup("the group")
    assert found.status == "found" and found.speaker.startswith("group that organised the rally")
    assert [q.text for q in found.quotes] == ["3,000 people took part"]


def test_an_apposition_with_a_title_after_an_inverted_cue():
    qb = book("“Both cubs are healthy,” said the zoo's chief keeper, Dr. Mara Lind.")
    assert said(qb, "Mara Lind") == ["Both cubs are healthy"]
    assert qb.lookup("keeper").speaker == "Mara Lind"


def test_a_role_refers_to_the_one_person_named_with_it_however_far_back():
    qb = book("Town clerk Arjun Patel certified the count on Friday.", "The recount took two days.",
              "Both candidates watched.", "Observers from each campaign signed the tally.",
              "The clerk said the recount cost about $8,000.")
    assert said(qb, "Arjun Patel", "reported") == ["the recount cost about $8,000"]


def test_a_description_does_not_take_a_person_whose_role_only_mentions_it():
    qb = book("“Both cubs are healthy,” said the zoo's chief keeper, Dr. Mara Lind.",
              "The Greenfield Zoo opened in 1961. The zoo said visitors could see the cubs in May.")
    assert qb.lookup("the zoo").speaker == "Greenfield Zoo"


def test_a_name_joined_by_of_is_one_source():
    qb = book("Friends of Heron Point, the residents' group that brought the case, said the ruling was a victory.")
    assert said(qb, "Friends of Heron Point", "reported") == ["the ruling was a victory"]


@pytest.mark.parametrize("run, name", [
    ("Ostrander Foods", "Ostrander Foods"),  # COMPANY_HEADS: a company without "Inc."
    ("United Brewery Workers", "United Brewery Workers"),  # LABOUR_HEADS
    ("Allied Paper Workers Local 88", "Allied Paper Workers Local 88"),  # _NUMBERED: a branch and its number
    ("Route 9", None),
    ("Stetson University. In 1896", None),  # a sentence ends before the number: no branch
])
def test_companies_and_unions_by_their_heads(run, name):
    assert organisations.organisation_name(run) == name


@pytest.mark.parametrize("name, nouns", [
    ("Ostrander Foods", organisations.COMPANY_NOUNS),
    ("Harlow Steel Corp.", organisations.COMPANY_NOUNS),
    ("Allied Paper Workers Local 88", organisations.UNION_NOUNS),
    ("Greenfield Zoo", frozenset()),
])
def test_class_nouns(name, nouns):
    assert organisations.class_nouns(name) == nouns


MILL = ["Mill workers in Carrow will strike on Friday, their union said.",
        "Allied Paper Workers Local 88 said the company had refused to discuss pensions.",
        "Ostrander Foods will close its Carrow bakery in June, the company said on Monday.",
        "The nurses' union, which represents 2,400 workers in the county, said it would join the strike."]


@pytest.mark.parametrize("typed, speaker, first", [
    ("Local 88", "Allied Paper Workers Local 88", "Mill workers in Carrow will strike on Friday"),
    ("Ostrander", "Ostrander Foods", "Ostrander Foods will close its Carrow bakery in June"),
    ("nurses union", "nurses' union", "it would join the strike"),  # a number's comma inside the clause
])
def test_unions_and_companies_by_what_a_reader_types(typed, speaker, first):
    found = book(*MILL).lookup(typed)
    assert found.status == "found" and found.speaker == speaker and found.quotes[0].text == first


COUNTY = ["Justice Mara Olsen wrote that the county had ignored its own rules.",
          "Staff Sergeant Paul Ibekwe said two people were arrested.",
          "The county's chief financial officer, Rhea Lund, said the fine would come from reserves.",
          "The results were certified on Friday, the county clerk's office said.",
          "“Every ballot was counted twice,” said county clerk Tomas Vik."]


@pytest.mark.parametrize("typed, speaker", [
    ("the judge", "Mara Olsen"),  # ROLE_CLASSES: a Justice is a judge
    ("Staff Sgt. Ibekwe", "Paul Ibekwe"),  # _RANKS and TITLE_ABBREVIATIONS dropped from a typed name
    ("CFO", "Rhea Lund"),  # role_words: a role's acronym
    ("clerk", "Tomas Vik"),  # the clerk, not the clerk's office
])
def test_roles_by_what_a_reader_types(typed, speaker):
    found = book(*COUNTY).lookup(typed)
    assert (found.status, found.speaker) == ("found", speaker)


def test_two_unions_are_both_offered():
    found = book(*MILL).lookup("union")
    assert found.status == "ambiguous"
    assert set(found.candidates) == {"Allied Paper Workers Local 88", "nurses' union"}


BANKS = ["Tamsin Credit Union will close five branches, the lender said Monday.",
         "The utility, Marsh Valley Power Co., said it expected no outages.",
         "Orrin Bay Mining Group will pay a fine, and Pike and Fuller Workers Local 9 said it was too small.",
         "A spokeswoman for Orrin said the fine would be paid this year.",
         "Lawyers for Orrin Bay Mining Group said the company had followed the rules."]


@pytest.mark.parametrize("typed, speaker, first", [
    ("Tamsin", "Tamsin Credit Union", "Tamsin Credit Union will close five branches"),  # LENDER_NOUNS
    ("Marsh Valley Power", "Marsh Valley Power Co.", "it expected no outages"),  # a company ending in apposition
    ("Orrin Bay Mining", "Orrin Bay Mining Group", "the fine would be paid this year"),  # SPOKESPEOPLE for a short form
    ("Orrin Bay", "Orrin Bay Mining Group", "the fine would be paid this year"),  # a company's name without its head
    ("Local 9", "Pike and Fuller Workers Local 9", "it was too small"),  # "and" inside one name
])
def test_companies_speaking_through_others(typed, speaker, first):
    found = book(*BANKS).lookup(typed)
    assert found.status == "found" and found.speaker == speaker and found.quotes[0].text == first
    if typed == "Orrin Bay":
        assert "the company had followed the rules" in [q.text for q in found.quotes]  # lawyers for it
