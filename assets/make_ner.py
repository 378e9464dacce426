"""Generate the synthetic named-entity data set in ``assets/ner/``.

How: every sentence is a short English news item (5-30 tokens) about
business, sport, politics, travel or culture. It is put together from
hand-written sentence frames whose slots are filled with invented people,
companies, clubs, agencies, parties, papers, cities, countries, rivers,
regions, nationalities, languages, events, products, prizes and titles, plus
plain slots (weekdays, months, numbers, scores) that stay outside any entity.
``random.Random(seed)`` drives every choice, so the output is byte-identical on
every run. Frames are written as ordinary text and cut into tokens by one
regular expression (punctuation and the possessive "'s" become their own
tokens, hyphenated words stay whole). Each slot knows its entity type, so the
gold tags come from the frame, never from guessing.

Tags: BIO (IOB2) with the CoNLL types PER, ORG, LOC and MISC. An article in
front of a name stays outside it ("the Harbour Commission" -> only "Harbour
Commission" is ORG), titles and job words stay outside ("President", "coach"),
while lower-case words inside a name belong to it ("Ministry of Transport",
"Tour of Estmark", "Fenna van Keulert", "A House by the River").

Why: the labs need a small token-classification set that ships with the repo
(no downloads, no licence questions) and is not solved by "capitalised means
entity". Sentences start with capitalised non-entities ("The", "Shares"),
weekdays and months are capitalised but never tagged, the same word changes
type with its context (Valdora is a city, FC Valdora a club, the Valdora
Marathon an event), a fifth of the sentences have no entity at all, and 8%
of them put two entities of one type side by side ("the Norwind
Logistics Velora Group merger", "the Estmarkian Winter Games squad", "the
Korvala Port Elsby railway") so the B- tag of the second one matters. Half of
every name vocabulary and 30% of the frames never appear in train; in
validation/test 60% of the entities are drawn from the held-out names and half
of the sentences are built on a held-out frame, so test scores measure
generalisation rather than memorised names.

Run from the repository root:  python -m assets.make_ner  (or python assets/make_ner.py)
"""

import os
import random
import re
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import (ASSETS_DIR, MONTHS, WEEKDAYS, Pool, cap, command_line, lines, split_pool,
                                      weighted, words)

SEED = 2025
SPLITS = (("train", 1000), ("validation", 200), ("test", 250))
NAME_HELDOUT_SHARE = 0.5   # share of each name vocabulary only seen in validation/test
EVAL_HELDOUT_FRAME_RATE = 0.5  # validation/test sentences built on a held-out frame
EVAL_NEW_NAME_RATE = 0.6   # validation/test entities drawn from held-out names
TOPIC_MIX = (("none", 0.2), ("adjacent", 0.08), ("business", 0.144),
             ("sport", 0.144), ("politics", 0.144), ("travel", 0.144),
             ("culture", 0.144))  # exact shares per split (rounded)
MIN_TOKENS, MAX_TOKENS = 5, 30


class Names:
    """A name vocabulary; a fixed half of it is reserved for validation/test."""

    def __init__(self, name, items, share=NAME_HELDOUT_SHARE):
        self.train, self.held = split_pool(name, items, share)

    def pick(self, rng, new):
        return rng.choice(self.held if new else self.train)


# --------------------------------------------------------------------------
# Name vocabularies (all invented; each is split into train / held-out halves)
# --------------------------------------------------------------------------
FIRST = Names("first", words("""
Adaeze Birgit Casper Delia Emrys Farida Gideon Halvard Ilse Jovan Katrin
Leandro Mirela Nils Orla Pavel Quinn Rosalie Stellan Tamsin Ulrich Vesna
Wilma Xavier Yusuf Zofia Aurelio Brigid Cyrus Dagny Eamon Fenna Goran Hedda
Ismael Junia Kasimir Linnea Marius Nerys Osric Paloma Rune Sabine Tobiah Una
Viggo Winifred Yolanda Zeno Alida Bertil Coralie Desmond Elif Fabian Gunhild
Hamid Inka Joost Marie-Odile Karl-Henrik Ana-Sofia Lars-Erik Jo-Ellen
Mei-Lin Per-Ola Anne-Claire
"""))
LAST = Names("last", words("""
Ambrose Bekele Carvalho Dunstan Eklund Farrokh Gallardo Haverkamp Ibarra
Jurić Kowalczyk Lindgren Mwangi Nordqvist Oduya Pacheco Quist Rautio
Sandoval Takeda Uribe Whitcombe Yilmaz Zelenko Arkwright Brannigan Delacourt
Esposito Fairweather Grünwald Holmqvist Iliescu Jankowski Kariuki Lachapelle
Moravec Nakagawa Oyebanji Petrakis Szabo Thorsen Ulvestad Wojcik Yamada
Zubiri Aalto Brisco Calloway Dimitrov Fofana Gatti Haddad Kallio Marangoni
Nyström Okoro Renwick Salo Tervo Søberg Achebe-Lund O'Hallan Mbatha Quennell
""") + ["van Keulert", "de Sarvo", "van der Molen", "di Castro", "ter Haalen",
        "da Rocha"])

BRANDS = Names("brands", words("""
Norwind Ardent Velora Brightwater Halcyon Kestrel Marrowgate Tessaly Greyline
Orbis Calder Duskfield Emberline Foxhollow Glenmora Hartwell Ironvale Juniper
Kingsmere Lumera Meridia Northam Oakridge Pinecrest Quarrystone Redmoor
Silverbeck Thornbury Umbra Vantor Yarrowby Zenlith Ashcombe Bellmont
Coldharbour Driftwood Evermere
"""))
COMPANY_SUFFIXES = words("""
Logistics Motors Group Energy Airways Holdings Foods Telecom Pharma Mining
Shipping Systems Insurance Steel Media Capital Brewing Rail Textiles Bank
""")
SOLO_COMPANIES = Names("solo_companies", words("""
Quintex Ardova Plexon Vireo Nortrax Solvane Kaltero Zentrix Omnira Brelco
Travix Mondello
"""))
PARTNER_COMPANIES = Names("partner_companies", [
    "Halden & Moss", "Pryor & Vance", "Ashby & Cole", "Gilroy & Pett",
    "Marsh & Oduya", "Tallis & Wren"])

CITIES = Names("cities", words("""
Korvala Tarbury Valdora Ossenby Brellin Castrow Dunhallow Harnvik Ildaro
Kestrova Merovan Nessaby Orvenna Pellim Quarrow Rossvik Sallowmere Tiverne
Ulmsted Varrow Wendmoor Yselle Zarnow Aldmouth Bricklow Caronne Drevik
Estello Fennick Gorsby Hollin Inverraig Jarnsted Kilbarra Lunesse Mordale
Nyvik Ostervik
""") + lines("""
New Tarbury
Port Elsby
San Arelo
Upper Dunmoor
East Hallam
Saint Corrin
Fort Ashby
Lower Kessing
Glen Varrow
Bay Haddon
Santa Morella
North Fennick
"""))
# countries with their nationality adjective (kept together in one half)
COUNTRIES = Names("countries", [tuple(ln.split("|")) for ln in lines("""
Estmark|Estmarkian
Norvania|Norvanian
Kessaly|Kessalian
Orrland|Orrish
Tamberia|Tamberian
Lusovia|Lusovian
Caldria|Caldrian
Ferenzia|Ferenzian
Brastova|Brastovan
Quellin|Quellinese
Mardova|Mardovan
Sarnland|Sarnish
Ilvany|Ilvanian
Pellasca|Pellascan
Dunmarra|Dunmarran
Ostria|Ostrian
Gavrenia|Gavrenian
Tolmark|Tolmarkish
Vessaria|Vessarian
Arbenia|Arbenian
North Varland|Varlish
Sarro Islands|Sarroan
""")])
LANGUAGES = Names("languages", lines("""
Ossic
Tarnic
Brethic
Kallish
Vessic
Old Caldrian
Middle Orrish
Sarnish
Lusovian
Quellinese
High Tamberian
Dunmarran
"""))
RIVERS = Names("rivers", words("Ossel Tamm Velder Aske Lunn Brae Corra Isel Marrin Dovey Skarn Wend"))
LAKES = Names("lakes", words("Ossin Marrow Tiven Halvor Sennet Brisk Ullan Fray"))
MOUNTS = Names("mounts", words("Carrow Eskel Orrin Tarvik Sollen Gray"))
REGIONS = Names("regions", lines("""
Kessel Valley
Brannoch Highlands
Ferrow Coast
Sallow Plains
Greyfen
Lindmoor
Amber Coast
Rook Islands
Calder Forest
Dunmarra Basin
Teller Hills
Norra Peninsula
Wolden Marshes
Vask Delta
"""))

AGENCIES = Names("agencies", lines("""
Harbour Commission
Ministry of Transport
Ministry of Finance
Ministry of Health
National Grain Board
Coastal Rescue Service
Competition Authority
Rail Safety Board
Energy Regulator
Statistics Office
Water Authority
Civil Aviation Agency
Weather Service
Tourism Board
Fisheries Council
Highways Agency
Mining Inspectorate
Food Standards Office
"""))
PARTIES = Names("parties", lines("""
Green Alliance
Liberal Union
People's Reform Party
National Renewal Party
Centre Party
Social Democratic Front
Farmers' League
Civic Forward
Unity Party
New Republic Movement
Labour Bloc
Coastal Independents
"""))
PAPER_SUFFIXES = words("Herald Courier Gazette Post Chronicle Tribune")
PAPERS = Names("papers", lines("""
Morning Ledger
Daily Beacon
Evening Lamp
Weekly Tribune
Sunday Compass
Northern Echo Review
Market Journal
Harbour Times
"""))
BANDS = Names("bands", lines("""
Paper Lanterns
Glass Owls
Iron Tide
Velvet Thieves
Northbound Choir
Salt Sisters
Hollow Pines
Copper Foxes
Quiet Engines
Blue Ferns
"""))

SPORT_EVENTS = Names("sport_events", lines("""
Winter Games
Summer Games
Northern Cup
Continental Championships
Island Games
World Rowing Finals
Coastal Regatta
Harbour Cup
Highland Relay
Nations Trophy
Alpine Series
Grand Tour Classic
"""))
FESTIVALS = Names("festivals", lines("""
Festival of Lanterns
Harvest Moon Festival
Northern Lights Festival
Midsummer Arts Week
Autumn Opera Season
Winter Light Fair
Salt Road Festival
Open Stage Week
"""))
PRODUCT_BRANDS = Names("product_brands", words("""
Zephyr Orca Lumen Stratos Vanta Nimbus Corvid Aurelia Tessera Fathom Kite
Ember Quill Solace Arrow Tundra
"""))
PRODUCT_MODELS = words("X2 7 Pro 400 Mini S Air One Max 3 X 12 Lite GT")
AWARDS = Names("awards", lines("""
Golden Lantern Prize
Aldermoor Medal
Silver Quill Award
Ferrow Prize
Northern Star Award
Blue Harbour Prize
Copper Compass Award
Wendell Medal
"""))
WORKS = Names("works", lines("""
The Quiet Harbour
Salt and Iron
Nine Winters
A House by the River
Glass Orchard
The Last Ferry
Paper Kingdom
Small Hours
The Long Road North
Lantern Days
Under the Ash Tree
Copper Sky
The Weight of Rain
Hollow Bells
Before the Thaw
The Ninth Bridge
Songs for Marrow Street
Distant Engines
The Orchard Keeper's Daughter
White Gulls
"""))

# plain (untagged) slot values
COUNT_WORDS = words("two three four five six seven eight nine ten eleven twelve")
ORDINALS = words("second third fourth fifth sixth seventh eighth ninth tenth")
QUARTERS = words("first second third fourth")


def plain_value(rng, base):
    """Value for a slot outside any entity."""
    if base == "day":
        return rng.choice(WEEKDAYS)
    if base == "month":
        return rng.choice(MONTHS)
    if base == "seats":
        return "%d" % rng.randint(3, 95)
    if base == "num":
        return rng.choice(["%d" % (rng.randint(2, 9) * 100), "%d" % rng.randint(120, 980),
                           "{:,}".format(rng.randint(11, 95) * 100),
                           "{:,}".format(rng.randint(12, 480) * 250)])
    if base == "pct":
        return "%d.%d" % (rng.randint(0, 9), rng.randint(1, 9))
    if base == "score":
        a = rng.randint(1, 5)
        return "%d-%d" % (a, rng.randint(0, a - 1))
    if base == "draw":
        a = rng.randint(0, 3)
        return "%d-%d" % (a, a)
    if base == "set":
        return rng.choice(["6-4", "6-3", "7-5", "6-2", "7-6", "6-1"])
    if base == "count":
        return rng.choice(COUNT_WORDS)
    if base == "money":
        return str(rng.choice([rng.randint(12, 95), rng.randint(10, 90) * 10]))
    if base == "year":
        return str(rng.randint(2026, 2031))
    if base == "ordq":
        return rng.choice(QUARTERS)
    if base == "ordn":
        return rng.choice(ORDINALS)
    if base == "minute":
        n = rng.randint(4, 89)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return "%d%s" % (n, suffix)
    if base == "age":
        return str(rng.randint(58, 94))
    raise KeyError(base)


PLAIN_SLOTS = {"day", "month", "num", "seats", "pct", "score", "draw", "set", "count", "money",
               "year", "ordq", "ordn", "minute", "age"}


# --------------------------------------------------------------------------
# Sentence frames. {slot} names an entity slot (see Sentence.entity) or a plain
# slot (see plain_value); a trailing digit asks for a second, different value.
# --------------------------------------------------------------------------
FRAMES = {
    "business": Pool("frames:business", lines("""
{company} said on {day} that profits rose {pct} per cent in the {ordq} quarter.
Shares in {company} fell {pct} per cent after the {agency} opened an inquiry into its accounts.
{per}, chief executive of {company}, told reporters in {city} that the company would cut {num} jobs.
{company} will open a new factory near {city} next year, creating about {num} jobs.
The {agency} approved {company}'s bid for {company2} on {day}.
{company} agreed to buy its {nat} rival {company2} for {money} million crowns.
{company} launched the {product} in {city} on {day}.
Sales of the {product} were stronger than expected in {country}, {company} said.
{per} will step down as chairman of {company} in {month}, the {paper} reported.
Economists at {company} expect the {nat} economy to grow by {pct} per cent this year.
{nat} exporters are worried about the new tariffs announced by {country}.
{company} has moved its headquarters from {city} to {city2}.
Workers at the {company} plant in {city} went on strike on {day} over pay.
The {agency} fined {company} {money} million crowns for breaking competition rules.
{sur} said the {company} board had not yet discussed the offer.
Inflation in {country} fell to {pct} per cent in {month}, the {agency} said.
{company} reported a loss of {money} million crowns, blaming high fuel prices.
{per}, an analyst at {company}, said the deal made sense for both sides.
{company} won a contract to build {count} ferries for the {agency}.
Farmers around {place} say the drought has cut the harvest by a third.
Cargo traffic through {city} reached a record in {month}, according to the {agency}.
{company} recalled {num} units of the {product} because of a battery fault.
A spokeswoman for {company} declined to comment on the report in the {paper}.
{company} and {company2} will share the cost of a new plant in {country}.
{company} shares rose {pct} per cent.
{per}, who has run {company} for {count} years, said on {day} that the group would sell its stake in {company2} and focus on its plants in {country}.
{sur} joined {company} from {company2} in {month}.
The {agency} said {company} had overcharged customers in {region} for {count} years.
Chief financial officer {per} told the {paper} that {company} had no plans to sell the unit.
"We are not for sale," {sur} said at the {company} annual meeting in {city}.
{company} expects to sell {num} units of the {product} in {country} this year.
Mining near {place} will resume in {month} after {company} settled a dispute with the {agency}.
"""), ),
    "sport": Pool("frames:sport", lines("""
{club} beat {club2} {score} on {day} to go top of the league.
{per} scored twice as {club} won {score} at home.
{sur} has signed a {count}-year contract with {club}.
{club} manager {per} said the team had been unlucky.
{per} of {country} won the 400 metres at the {sportevent}.
The {nat} swimmer {per} set a world record in {city} on {day}.
{per} withdrew from the {sportevent} with a knee injury.
{city} will host the {sportevent} in {year}, organisers said on {day}.
{club} and {club2} drew {draw} in front of {num} fans.
{sur} missed a penalty in the {minute} minute.
{per} beat {per2} {set}, {set2} to reach the final in {city}.
{nat} rider {per} won the {ordn} stage of the {sportevent}.
{club} have sacked coach {per} after {count} straight defeats.
The game between {club} and {club2} was called off because of snow in {city}.
{per} will lead the {nat} team at the {sportevent}.
{sur}, who joined {club} from {club2} in {month}, is out for {count} weeks.
Fans of {club} marched through {city} before the final.
{sur} equalised in the {minute} minute and {club} held on for a draw.
{per} finished {ordn} in the {sportevent}, just behind {per2}.
{club} confirmed on {day} that {per} had left the club.
{company} will sponsor the {sportevent} for {count} more years.
{sur} has been named in the {nat} squad for the first time.
Goalkeeper {per} saved {count} shots as {club} won {score} in {city}.
The {sportevent} opens in {city} on {day} with {num} athletes from {count} countries.
{club} are {count} points clear after {sur} scored the only goal against {club2}.
{per} was banned for {count} months after missing a doping test.
Organisers moved the {sportevent} from {city} to {city2} because of the heat.
{club} paid a club record fee for {nat} striker {per}.
{club} won {score} on {day}.
{club} came from two goals down to beat {club2} {score} on {day}, with {sur} scoring the winner in the {minute} minute in front of {num} fans.
"""), ),
    "politics": Pool("frames:politics", lines("""
{country} and {country2} signed a trade agreement in {city} on {day}.
President {per} arrived in {city} for talks with {nat} leaders.
The {party} won {seats} seats in the election, ahead of the {party2}.
{per}, leader of the {party}, called for early elections.
Foreign Minister {per} said {country} would not send troops.
{nat} and {nat2} officials met in {city} to discuss the border.
Thousands of people marched in {city} on {day} against the new fuel tax.
The {agency} said on {day} it would review the decision.
{per} resigned as transport minister after a row with the {party}.
Police in {city} arrested {count} people after clashes near the parliament.
{country} recalled its ambassador to {country2} on {day}.
The {paper} said {per} had met {nat} diplomats in secret.
Voters in {region} will decide on {day} whether to form a new province.
{sur} told the {paper} that the {party} would not join a coalition.
The {agency} will publish its report in {month}, {per} said.
{nat} troops left {city} on {day}, ending a {count}-month mission.
Floods along {river} forced {num} people from their homes, the {agency} said.
Prime Minister {per} will visit {country} and {country2} next week.
The {party} chose {per} as its candidate for mayor of {city}.
{sur} has denied claims in the {paper} that the {party} took money from {company}.
A court in {city} jailed {per} for {count} years for fraud.
{country} will hold a referendum on the new constitution in {month}.
{per}, the {nat} finance minister, said the budget would be cut.
Lawmakers in {country} voted {seats} to {seats2} to raise the pension age.
Opposition leader {sur} accused the {party} of ignoring {region}.
The mayor of {city}, {per}, has banned cars from the old town.
{nat} farmers blocked roads into {city} on {day} in protest at grain imports.
The {agency} has opened an office in {city} to handle the new claims.
{per} resigned on {day}.
Speaking in {city} on {day}, {per} said the {party} would not back the budget unless the government dropped its plan to close {count} hospitals in {region}.
"""), ),
    "travel": Pool("frames:travel", lines("""
Flights between {city} and {city2} were cancelled on {day} because of fog.
{company} will start direct flights from {city} to {country} in {month}.
The old bridge over {river} in {city} reopened after two years of repairs.
Tourists flock to {place} every summer to hike and swim.
Hotel bookings in {city} rose by {pct} per cent during the {festival}.
The road through {place} was closed after a landslide on {day}.
Ferries from {city} to {city2} run twice a day in summer.
{country} has dropped visa rules for {nat} visitors.
{per}, who runs a guesthouse near {place}, said the season had started early.
The new line will cut the rail journey from {city} to {city2} to {count} hours.
Visitors to {city} can now take a boat trip along {river}.
The {agency} warned travellers to avoid {place} because of wildfires.
The airport in {city} handled {num} passengers in {month}.
{place} was named the best walking area in {country} by the {paper}.
Cruise ships will no longer be allowed to dock in {city}, the {agency} said.
{nat} tourists made up a third of all visitors to {place} last year.
A new cycle path links {city} with {place}.
The {agency} plans to charge visitors a fee to enter {place}.
Guides in {region} say bookings from {country} have doubled.
{company} has cut the number of trains between {city} and {city2}.
Most hotels in {city} are full for the {festival}, the {agency} said.
Climbers near {place} were rescued by the {agency} after a storm on {day}.
The {nat} tourism minister, {per}, opened a new ferry terminal in {city}.
Boats on {river} were stopped on {day} after the water rose.
Travellers to {country} will need a {nat} entry card from {month}.
Snow closed {place} on {day}.
"""), ),
    "culture": Pool("frames:culture", lines("""
{per} won the {award} for the novel {work}.
The {festival} opened in {city} on {day} with a new film by {per}.
{nat} director {per} will present {work} at the {festival}.
{work}, the first album by the {band}, sold {num} copies in its first week.
The museum in {city} will show paintings by {per} until {month}.
{per} said the book had been translated into {lang} and {lang2}.
Classes in {lang} are now offered at the university in {city}.
{per}, who wrote {work}, died in {city} on {day} aged {age}.
The {band} will tour {country} in {month}.
The {festival} drew {num} visitors to {city} this year.
{per} and {per2} share the lead roles in {work}.
Critics in {country} praised {work} as a brave first film.
{work} is the first novel written in {lang} to win the {award}.
The {band} cancelled their show in {city} after {sur} fell ill.
{sur} read from {work} at a packed hall in {city}.
The {agency} gave {money} thousand crowns to the {festival}.
{per} has been chosen to direct the {festival} from {year}.
A new opera by {per} will open the season in {city}.
{work} has been shortlisted for the {award}, the {paper} reported.
The {band} played {count} songs from {work} at the {festival}.
{per}, a {nat} poet, was awarded the {award} on {day}.
A statue of {sur} was unveiled in {city} on {day}.
The archive of {per} has been bought by the national library in {city}.
{nat} singer {per} will close the {festival} on {day}.
Films from {country} and {country2} dominate this year's {festival}.
The {paper} called {work} the best {nat} novel in a decade.
{work} opens in {city} on {day}.
"""), ),
    # two entities of one type side by side: the second one gets its own B-
    "adjacent": Pool("frames:adjacent", lines("""
The {company} {company2} merger was approved by the {agency} on {day}.
Talks on the proposed {company} {company2} deal broke down on {day}.
Shareholders backed the {company} {company2} joint venture at a meeting in {city}.
{sur} will chair the {company} {company2} partnership from {month}.
The {nat} {sportevent} team arrived in {city} on {day}.
{per} was named captain of the {nat} {sportevent} squad.
{nat} {award} winner {per} will read from {work} in {city}.
{per} will lead the {nat} {sportevent} delegation.
Work on the {city} {city2} railway will start in {year}.
The {city} {city2} ferry route was suspended after the storm on {day}.
Traffic on the {city} {city2} motorway was slow on {day} after an accident.
Tickets for the {city} {city2} night train sold out within {count} hours.
"""), ),
    "none": Pool("frames:none", lines("""
Shares fell sharply on {day} as investors worried about rising costs.
The company said it expected sales to recover later in the year.
Heavy rain forced the organisers to delay the final by two hours.
The home side scored twice in the last ten minutes to win the match.
Prices for fresh fruit rose {pct} per cent in {month}.
The minister said the new law would take effect in {month}.
Both teams struggled in the heat, and the game ended goalless.
Police said {count} people were hurt when a bus left the road.
Unemployment fell to {pct} per cent, the lowest level in {count} years.
The festival will return next summer with a larger programme.
Train services were cut on {day} because of a strike by drivers.
The coach said he was proud of his players despite the defeat.
Officials expect the bridge to reopen before the end of {month}.
The central bank raised interest rates by a quarter of a point.
A new exhibition of early photographs opens on {day}.
Hotel prices usually double during the summer holidays.
The board will meet on {day} to discuss the offer.
Voters will go to the polls in {month}, the government said.
Fuel prices have risen for the {ordn} week in a row.
The striker was sent off after a second yellow card.
The airline said most flights would run as normal on {day}.
Ticket sales for the concert series were the highest in a decade.
Opposition lawmakers walked out of the debate in protest.
The court is expected to give its ruling in {month}.
Farmers say the dry spring has cut yields by a third.
Investors welcomed the results, and the shares closed {pct} per cent higher.
The novel, her third, took almost {count} years to write.
Rescue teams searched through the night for the missing climbers.
Museum visitor numbers are back to where they were before the closures.
The talks ended without agreement late on {day}.
The final will be played on {day} evening.
Demand for electric cars rose strongly in the first half of the year.
The mayor promised to build {num} new homes by {year}.
Snow closed several mountain passes on {day}.
The team have not won away from home since {month}.
It was the warmest {month} since records began.
Tourist numbers rose by {pct} per cent last year.
The orchestra will perform {count} new works this season.
The bank cut its growth forecast for next year.
Thousands of runners took part despite the cold.
Last year's winner was knocked out in the first round.
Officials said the new stadium would be ready by {month}.
The union has called a {count}-day strike starting on {day}.
Exports rose {pct} per cent in {month} from a year earlier.
The film runs for just under three hours.
Several roads near the coast were flooded on {day}.
Shares closed higher on {day}.
The match was abandoned at half-time.
Talks will resume on {day}.
The vote was postponed until {month}.
Heavy snow closed schools across the region on {day}.
The government announced {count} new measures to cut energy bills.
Profits at the firm doubled in the {ordq} quarter.
House prices rose {pct} per cent in the year to {month}.
Retail sales fell {pct} per cent in {month}, well below forecasts.
The striker has scored {count} goals in his last {count2} games.
The visitors took the lead in the {minute} minute.
A late penalty in the {minute} minute decided the game.
The council approved plans for {num} new homes on {day}.
Fire crews fought the blaze for {count} hours before bringing it under control.
The exhibition closes on {day} after a run of {count} months.
More than {num} people attended the opening night.
The bridge will be closed to traffic from {day} for repairs.
Passenger numbers rose {pct} per cent in {month}.
The company will cut {num} jobs over the next {count} years.
The ruling party lost its majority in the upper house.
Negotiators worked through the night but failed to reach a deal.
Fans queued for hours to buy tickets for {day}'s match.
The museum will stay open late every {day} in {month}.
The ministry said the figures would be revised in {month}.
Rail fares will rise by {pct} per cent from {month}.
The airport was closed for {count} hours after a power cut.
The singer cancelled the rest of the tour because of illness.
The film won {count} prizes, including best director.
Organisers expect about {num} visitors over the weekend.
Temperatures fell below freezing for the {ordn} night running.
Wages rose faster than prices for the first time in {count} years.
The defender was booked in the {minute} minute for a late tackle.
It was the club's {ordn} win in a row.
Ministers will meet again on {day} to discuss the budget.
Interest rates were left unchanged at {pct} per cent.
The report will be published in {month}.
Several flights were delayed on {day} because of strong winds.
The goalkeeper was named player of the match.
Bookings for the summer season are up {pct} per cent on last year.
Scientists warned that the river could flood again in {month}.
The orchestra's new season opens on {day} with a programme of modern works.
Police closed the road for several hours on {day} after a crash.
The price of bread has gone up {count} times this year.
Officials said about {num} homes were still without power on {day}.
Stocks rallied on {day} after a strong jobs report.
Children will return to school on {day} after a {count}-week break.
The union said its members would walk out for {count} days in {month} unless the company improved its pay offer, which it called far too low.
After {count} hours of talks on {day}, both sides said they had agreed on most points but still differed on pensions and working hours.
"""), ),
}

# Frames come as plain text; this is the tokeniser for them and for slot values.
TOKEN_RE = re.compile(r"""
    \{[a-z]+[0-9]?\}                      # a slot
  | 's\b                                  # possessive
  | \d+(?:[.,:-]\d+)*(?:st|nd|rd|th)?     # 4.2  12,500  2-1  87th
  | \w+(?:(?:-|'(?!s\b))\w+)*             # words, half-time, X2, O'Hallan
  | [^\w\s]                               # any other punctuation
""", re.X)


def tokenize(text):
    toks = TOKEN_RE.findall(text)
    assert "".join(toks) == re.sub(r"\s+", "", text), text  # nothing dropped
    return toks


class Sentence:
    """Fills the slots of one frame; each entity draw may use held-out names."""

    def __init__(self, rng, ev):
        self.rng, self.ev = rng, ev

    def new(self):
        """Whether this entity comes from the held-out half of the names."""
        return self.ev and self.rng.random() < EVAL_NEW_NAME_RATE

    def person(self):
        new = self.new()
        return FIRST.pick(self.rng, new) + " " + LAST.pick(self.rng, new)

    def city(self, new=None):
        return CITIES.pick(self.rng, self.new() if new is None else new)

    def company(self):
        rng, new = self.rng, self.new()
        kind = weighted(rng, (("brand", 0.58), ("solo", 0.14), ("partners", 0.1),
                              ("place", 0.18)))
        if kind == "brand":
            return BRANDS.pick(rng, new) + " " + rng.choice(COMPANY_SUFFIXES)
        if kind == "solo":
            return SOLO_COMPANIES.pick(rng, new)
        if kind == "partners":
            return PARTNER_COMPANIES.pick(rng, new)
        if rng.random() < 0.5:  # a place name inside a company name
            return self.city(new) + " " + rng.choice(["Bank", "Breweries", "Ceramics", "Savings Bank"])
        return COUNTRIES.pick(rng, new)[0] + " " + rng.choice(["Telecom", "Airways", "Post", "Rail"])

    def club(self):
        c = self.city()
        return self.rng.choice(["FC %s", "%s United", "%s Rovers", "%s Athletic", "Sporting %s",
                                "%s City", "%s Wanderers", "Real %s", "%s Harriers"]) % c

    def agency(self):
        rng, new = self.rng, self.new()
        r = rng.random()
        if r < 0.7:
            return AGENCIES.pick(rng, new)
        if r < 0.85:
            country = COUNTRIES.pick(rng, new)[0]
            return rng.choice(["Central Bank of %s", "%s Football Association",
                               "%s Tourism Board", "%s Red Cross"]) % country
        return rng.choice(["%s City Council", "%s Port Authority", "%s Police"]) % self.city(new)

    def paper(self):
        if self.rng.random() < 0.5:
            return self.city() + " " + self.rng.choice(PAPER_SUFFIXES)
        return PAPERS.pick(self.rng, self.new())

    def place(self):
        """(article or "", name): a lake, mountain, region or river."""
        rng, new = self.rng, self.new()
        kind = weighted(rng, (("region", 0.5), ("lake", 0.2), ("mount", 0.15), ("river", 0.15)))
        if kind == "region":
            return "the", REGIONS.pick(rng, new)
        if kind == "lake":
            return "", "Lake " + LAKES.pick(rng, new)
        if kind == "mount":
            return "", "Mount " + MOUNTS.pick(rng, new)
        return self.river()

    def river(self):
        name = RIVERS.pick(self.rng, self.new())
        return ("the", "River " + name) if self.rng.random() < 0.6 else ("the", name)

    def product(self):
        rng = self.rng
        brand = PRODUCT_BRANDS.pick(rng, self.new())
        return brand if rng.random() < 0.15 else brand + " " + rng.choice(PRODUCT_MODELS)

    def sport_event(self):
        rng, new = self.rng, self.new()
        r = rng.random()
        if r < 0.55:
            return SPORT_EVENTS.pick(rng, new)
        if r < 0.8:  # a city inside an event name
            return rng.choice(["%s Marathon", "%s Open", "%s Half Marathon", "%s Regatta"]) % self.city(new)
        country = COUNTRIES.pick(rng, new)[0]
        return rng.choice(["%s Grand Prix", "Tour of %s", "%s Masters"]) % country

    def festival(self):
        rng, new = self.rng, self.new()
        if rng.random() < 0.5:
            return FESTIVALS.pick(rng, new)
        return rng.choice(["%s Film Festival", "%s Book Fair", "%s Jazz Festival",
                           "%s Biennale"]) % self.city(new)

    def award(self):
        rng, new = self.rng, self.new()
        if rng.random() < 0.75:
            return AWARDS.pick(rng, new)
        return "%s Book Prize" % COUNTRIES.pick(rng, new)[0]

    def entity(self, base):
        """Return (tokens outside the entity, entity tokens, type) for an entity slot."""
        rng = self.rng
        if base == "per":
            return "", self.person(), "PER"
        if base == "sur":
            return "", LAST.pick(rng, self.new()), "PER"
        if base == "company":
            return "", self.company(), "ORG"
        if base == "club":
            return "", self.club(), "ORG"
        if base == "agency":
            return "", self.agency(), "ORG"
        if base == "party":
            return "", PARTIES.pick(rng, self.new()), "ORG"
        if base == "paper":
            return "", self.paper(), "ORG"
        if base == "band":
            return "", BANDS.pick(rng, self.new()), "ORG"
        if base == "city":
            return "", self.city(), "LOC"
        if base == "country":
            return "", COUNTRIES.pick(rng, self.new())[0], "LOC"
        if base == "place":
            return self.place() + ("LOC",)
        if base == "region":
            return "the", REGIONS.pick(rng, self.new()), "LOC"
        if base == "river":
            return self.river() + ("LOC",)
        if base == "nat":
            return "", COUNTRIES.pick(rng, self.new())[1], "MISC"
        if base == "lang":
            return "", LANGUAGES.pick(rng, self.new()), "MISC"
        if base == "sportevent":
            return "", self.sport_event(), "MISC"
        if base == "festival":
            return "", self.festival(), "MISC"
        if base == "product":
            return "", self.product(), "MISC"
        if base == "award":
            return "", self.award(), "MISC"
        if base == "work":
            return "", WORKS.pick(rng, self.new()), "MISC"
        raise KeyError(base)

    def build(self, frame):
        """Return [(token, tag), ...] for one frame."""
        used = set()

        def distinct(draw):  # a second slot of one kind gets a different value
            for _ in range(20):
                value = draw()
                key = value[1] if isinstance(value, tuple) else value
                if key not in used:
                    break
            used.add(key)
            return value

        def fill_plain(m):
            if m.group(1) not in PLAIN_SLOTS:
                return m.group(0)
            return distinct(lambda: plain_value(self.rng, m.group(1)))

        # plain slots first, so that "{count}-year" becomes the one token "three-year"
        text = re.sub(r"\{([a-z]+)[0-9]?\}", fill_plain, frame)
        out = []
        for tok in tokenize(text):
            if not (tok.startswith("{") and tok.endswith("}")):
                out.append((tok, "O"))
                continue
            outside, name, etype = distinct(lambda: self.entity(tok[1:-1].rstrip("0123456789")))
            out.extend((t, "O") for t in tokenize(outside))
            for i, t in enumerate(tokenize(name)):
                out.append((t, ("B-" if i == 0 else "I-") + etype))
        first, tag = out[0]
        out[0] = (cap(first), tag)
        return out


def topics_for(rng, size):
    """The topic of every sentence in a split, in the exact TOPIC_MIX shares."""
    counts = [round(size * share) for _, share in TOPIC_MIX]
    counts[-1] = size - sum(counts[:-1])
    topics = [t for (t, _), n in zip(TOPIC_MIX, counts) for _ in range(n)]
    rng.shuffle(topics)
    return topics


def make_sentence(rng, ev, topic):
    pool = FRAMES[topic]
    if ev and rng.random() < EVAL_HELDOUT_FRAME_RATE:
        frame = rng.choice(pool.held)
    else:
        frame = rng.choice(pool.shared)
    return Sentence(rng, ev).build(frame)


def generate(seed=SEED):
    """Return {split: [[(token, tag), ...], ...]} with no sentence repeated anywhere."""
    seen = set()
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        ev = split != "train"
        rows = []
        for topic in topics_for(rng, size):
            while True:
                sent = make_sentence(rng, ev, topic)
                text = " ".join(t for t, _ in sent)
                if text not in seen and MIN_TOKENS <= len(sent) <= MAX_TOKENS:
                    break
            seen.add(text)
            rows.append(sent)
        data[split] = rows
    return data


def to_conll(sentences):
    """One "TOKEN TAG" line per token, a blank line between sentences."""
    return "\n\n".join("\n".join("%s %s" % pair for pair in s) for s in sentences) + "\n"


def main(out_dir=None, seed=SEED):
    """Write train/validation/test .conll files into `out_dir` (default: assets/ner)."""
    out_dir = out_dir or os.path.join(ASSETS_DIR, "ner")
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for split, rows in generate(seed).items():
        path = os.path.join(out_dir, split + ".conll")
        with open(path, "w", newline="\n", encoding="utf-8") as f:
            f.write(to_conll(rows))
        paths.append(path)
        print("wrote %s (%d sentences, %d tokens)" % (path, len(rows), sum(len(s) for s in rows)))
    return paths


if __name__ == "__main__":
    main(**vars(command_line(__doc__, SEED, "folder that gets train/validation/test.conll (default: assets/ner/)")
                .parse_args()))
