"""Build gold.jsonl for bench/quotes (the team's own quote set, written before tuning) in the format of
../shared/eval/news-quotes, so its scorer runs on it: `python ../shared/eval/news-quotes/score.py --data
bench/quotes --cmd .venv/bin/article-bot`. Records name the content's pieces; spans are found here."""

import json
from pathlib import Path

HERE = Path(__file__).parent
PRONOUNS = {"he", "she", "they", "it", "i", "we"}
NAMED_ALONE = {"Raman", "Tremblay-Roy", "Kim", "Quispe", "Mendoza", "Ford", "Andre", "Stiles"}

# article, kind, pieces of content, source as written, speaker (resolved name or description)
RECORDS = [
    ("ca_transit", "direct", ["Riders have carried this system through the pandemic and it's time we gave something back,",
                              "A freeze is the least we can do."], "Coun. Priya Raman", "Priya Raman"),
    ("ca_transit", "reported", ["the freeze would cost about $24 million, which she proposed to cover from the city's reserve fund"],
     "Raman", "Priya Raman"),
    ("ca_transit", "direct", ["We are borrowing from next year to pay for this year,"], "he", "Martin O'Donnell"),
    ("ca_transit", "direct", ["the reserve fund was \"not a piggy bank.\""], "he", "Martin O'Donnell"),
    ("ca_transit", "reported", ["service cuts were not on the table for now"],
     "The transit commission's chief executive, Hélène Tremblay-Roy", "Hélène Tremblay-Roy"),
    ("ca_transit", "direct", ["We will find the savings inside the organization first,", "Riders should not see fewer buses."],
     "Tremblay-Roy", "Hélène Tremblay-Roy"),
    ("ca_transit", "reported", ["ridership is still 12 per cent below where it was in 2019"],
     "the commission's own figures", "the commission's own figures"),
    ("ca_transit", "reported", ["the vote was a relief for low-income families"],
     "Jordan Will, an organizer with the riders' advocacy group Fare Share", "Jordan Will"),
    ("ca_transit", "direct", ["People were choosing between a bus pass and groceries,"], "he", "Jordan Will"),
    ("ca_transit", "direct", ["she supported lower fares in principle but feared the city was \"kicking the can down the road.\""],
     "Mayor Sandra Kim, who voted against the motion", "Sandra Kim"),
    ("ca_transit", "direct", ["I want a real plan, not a one-year patch,"], "Kim", "Sandra Kim"),
    ("ca_transit", "reported", ["the freeze must not come at the expense of wages"],
     "A union representing transit workers", "A union representing transit workers"),
    ("uk_hospital", "direct", ["the figures were ‘deeply troubling’ for patients in pain"],
     "Professor Sir Stephen Walsh, president of the Royal College of Surgeons", "Stephen Walsh"),
    ("uk_hospital", "direct", ["Every number on that list is a person waiting for a hip, a knee or a cataract operation,",
                               "Many of them are getting worse while they wait."], "he", "Stephen Walsh"),
    ("uk_hospital", "reported", ["an extra 3,000 beds would open by December"], "She", "Amanda Clarke"),
    ("uk_hospital", "direct", ["We have a plan and it is working,", "but I will not pretend this will be easy."],
     "Ms Clarke", "Amanda Clarke"),
    ("uk_hospital", "direct", ["They have had fourteen years,"], "he", "Will Patterson"),
    ("uk_hospital", "reported", ["trusts were treating more patients than before the pandemic"],
     "A spokeswoman for NHS England", "A spokeswoman for NHS England"),
    ("uk_hospital", "reported", ["patients were increasingly turning to private clinics"],
     "Dr Aisha Bello, a GP in Leeds", "Aisha Bello"),
    ("uk_hospital", "direct", ["I see people every week who have given up waiting,"], "she", "Aisha Bello"),
    ("uk_hospital", "reported", ["staff shortages remained the biggest obstacle"], "Hospital managers", "Hospital managers"),
    ("uk_hospital", "reported", ["she could no longer walk to the shops"],
     "May Thompson, 71, who has waited 14 months for a knee replacement", "May Thompson"),
    ("uk_hospital", "direct", ["Some days I can’t get out of bed,"], "she", "May Thompson"),
    ("wire_mining", "reported", ["A copper mining company suspended operations at its largest Peruvian mine on Friday after "
                                 "protesters blocked the main access road"], "the company", "the company"),
    ("wire_mining", "reported", ["The blockade, which began on Tuesday, has cut off supplies of fuel and food to the site"],
     "local officials", "local officials"),
    ("wire_mining", "direct", ["We cannot guarantee the safety of our workers under these conditions,",
                               "The moment the road opens, we will resume."],
     "the company's country manager, Luis Alvarado", "Luis Alvarado"),
    ("wire_mining", "reported", ["residents wanted a larger share of mining revenue and a cleanup of a river they say has "
                                 "been polluted for years"], "Community leader Rosa Quispe", "Rosa Quispe"),
    ("wire_mining", "direct", ["They take the copper and leave us the dust,"], "Quispe", "Rosa Quispe"),
    ("wire_mining", "reported", ["the government would send a team to mediate talks next week"],
     "Peru's energy and mines minister, Carlos Mendoza", "Carlos Mendoza"),
    ("wire_mining", "reported", ["the blockade was illegal"], "He", "Carlos Mendoza"),
    ("wire_mining", "direct", ["Dialogue is the only way out,", "but the law must be respected."], "Mendoza", "Carlos Mendoza"),
    ("wire_mining", "reported", ["the halt could trim global copper supply by around 1 percent if it lasted a month"],
     "Analysts", "Analysts"),
    ("wire_mining", "direct", ["Markets will shrug this off for a week, but not for a month,"],
     "Helen Park, a commodities analyst at Eastgate Research in Singapore", "Helen Park"),
]


# Added after the first round of tuning, as a held-out check (never tuned on):
RECORDS += [
    ("sport_coach", "direct", ["I gave this job everything I had, and it wasn't enough,", "The players deserve a fresh voice."],
     "Marcus Bell", "Marcus Bell"),
    ("sport_coach", "reported", ["he had informed the owners on Sunday night"], "Bell, 54,", "Marcus Bell"),
    ("sport_coach", "direct", ["had \"stuck with us through some very long winters.\""], "he", "Marcus Bell"),
    ("sport_coach", "reported", ["the results had not been good enough"],
     "The team's president, Lorraine Okafor", "Lorraine Okafor"),
    ("sport_coach", "direct", ["Marcus built a culture here that we're proud of,",
                               "But this is a results business, and we all know where we fell short."], "Okafor", "Lorraine Okafor"),
    ("sport_coach", "direct", ["We have already started our search,", "and we will take the time to get it right."],
     "she", "Lorraine Okafor"),
    ("sport_coach", "reported", ["the locker room was stunned"],
     "Star guard Tyrese Vaughn, who has two years left on his contract", "Tyrese Vaughn"),
    ("sport_coach", "direct", ["Nobody saw it coming,", "Coach was the first guy in the building every day.",
                               "Whoever comes in next has big shoes to fill."], "Vaughn", "Tyrese Vaughn"),
    ("sport_coach", "reported", ["the club has already contacted at least three candidates"],
     "two people familiar with the search", "two people familiar with the search"),
    ("sport_coach", "reported", ["it remained committed to the team"], "The club's biggest sponsor, Northway Bank",
     "Northway Bank"),
    ("sport_coach", "direct", ["Three years, three first-round exits,", "Something had to change."],
     "longtime fan Ray Dubois, 67", "Ray Dubois"),
]

# Added at the end of that session, after all tuning, as a second held-out check (CBC style):
RECORDS += [
    ("cbc_housing", "direct", ["We're going to get it done, period,"], "Ford", "Doug Ford"),
    ("cbc_housing", "reported", ["his government will meet its housing target by 2031, despite a slowdown in construction starts across the province"],
     "Premier Doug Ford", "Doug Ford"),
    ("cbc_housing", "reported", ["rising interest rates have stalled dozens of projects"],
     "the Ontario Home Builders' Association", "Ontario Home Builders' Association"),
    ("cbc_housing", "reported", ["permits in the Greater Toronto Area fell by a third last year"],
     "Its president, Scott Andre", "Scott Andre"),
    ("cbc_housing", "direct", ["You can't build homes that nobody can afford to finance,"], "Andre", "Scott Andre"),
    ("cbc_housing", "direct", ["Nobody is pretending this is easy,",
                               "But the alternative is to give up, and we're not going to do that."], "he", "Paul Calandra"),
    ("cbc_housing", "reported", ["89,297 homes were started in 2023, short of the roughly 150,000 a year needed to reach the target"],
     "the province's own data", "the province's own data"),
    ("cbc_housing", "direct", ["the government of \"playing with numbers.\""], "NDP Leader Marit Stiles", "Marit Stiles"),
    ("cbc_housing", "direct", ["They count a parking garage as housing if it gets them closer to their goal,"], "Stiles",
     "Marit Stiles"),
    ("cbc_housing", "reported", ["the target was never realistic"], "Some economists", "Some economists"),
    ("cbc_housing", "reported", ["the province would need to nearly double the pace of construction"],
     "Mike Moffatt, senior director at the Smart Prosperity Institute", "Mike Moffatt"),
    ("cbc_housing", "direct", ["It's possible, but only with a very different approach,"], "he", "Mike Moffatt"),
]


def main() -> None:
    build(HERE, RECORDS, NAMED_ALONE)


def build(here: Path, records: list, named_alone: set[str]) -> None:
    """gold.jsonl in here from (article, kind, pieces of content, source as written, speaker) records."""
    out = []
    for n, (name, kind, pieces, source, speaker) in enumerate(records):
        text = (here / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        spans, pos = [], 0
        for piece in pieces:
            start = text.index(piece, pos)
            spans.append([start, start + len(piece)])
            pos = start + len(piece)
        form = None if kind == "reported" else ("full" if len(pieces) > 1 or text[spans[0][0] - 1] in "\"“‘" else "partial")
        out.append({"article": f"articles/{name}.txt", "id": name, "attribution": f"E{n}", "kind": kind,
                    "quote_form": form, "content": " ".join(pieces), "start": spans[0][0], "end": spans[-1][1],
                    "spans": spans, "paragraph": text[:spans[0][0]].count("\n\n"), "source": source,
                    "source_is_pronoun": source.lower() in PRONOUNS, "cue": "", "speaker": speaker,
                    "speaker_type": "pronoun" if source.lower() in PRONOUNS else
                    "description" if speaker == source and speaker not in named_alone else "name"})
    with open(here / "gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in out)


if __name__ == "__main__":
    main()
