"""Generate the synthetic long-transcript rating data set in ``assets/transcripts/``.

How: 440 transcripts of 1,500-5,000 words (median about 2,500) of events where
one speaker is rated: earnings calls, town halls, all-hands meetings and press
briefings. There are 70 rated speakers (company executives, mayors and other
city leaders, heads of hospitals, universities, school districts and transit
authorities), each with 4-8 transcripts. A transcript is a header, opening
remarks by the rated speaker (30-45% of the words), then a question-and-answer
section (analysts, reporters, residents, employees and a moderator ask, the
rated speaker answers) and a short close. Every sentence comes from
hand-written English templates filled with invented names, places, products,
projects, dates and numbers; ``random.Random(seed)`` drives every choice, so the
output is byte-identical on every run. Nothing is copied from a corpus.

Rating: each speaker has a latent base quality (normal, sd ``SPEAKER_SD``),
each transcript adds its own variation (sd ``EVENT_SD``), and the score is
``round(5.5 + SCORE_SCALE * quality)`` clipped to 1..10. The text carries
evidence of that quality (before any label noise): about one cue sentence per
``WORDS_PER_CUE`` words, half of them in the opening remarks (concrete numbers,
plans with dates, owning mistakes vs hedging, buzzwords, blaming others,
contradicting oneself) and half in the Q&A (direct, specific answers vs
deflecting, evasive or hostile ones, and the askers' reactions). Each cue is
good with probability ``sigmoid(SLOPE * quality)``, so good phrases turn up in
low-rated transcripts and bad ones in high-rated transcripts. Cues sit at
random positions among neutral sentences (business and local updates,
logistics) that are drawn the same way at every quality level, so the first
512 tokens hold only a small share of the evidence. Filler words are about
three times as frequent for low-quality speakers as for high-quality ones,
but present in both. 8% of the transcripts (35) then get their score moved by
2 or 3 points at random (label noise). Label bands: Low 1-3, Medium 4-7,
High 8-10.

Noise for a cleaning step: timestamps "[00:12:31]" / "(00:03:15)" at the start
of many turns, fillers (um, uh, you know, like), stage directions ((Laughter),
(Applause), [inaudible], (crosstalk)), a credit and/or copyright line, and
2-4 (mostly 3-4) different labels for the rated speaker within one transcript
("CEO:", "DANA WHITLOCK:", "Dana Whitlock:", "Ms. Whitlock:", "D. Whitlock:",
"Mayor Whitlock:").

Why: lab 06 needs documents much longer than a 256/512-token encoder window,
with the evidence spread over the whole text, and recurring speakers so that a
random split leaks speaker identity while a split grouped by speaker does not.
``python -m assets.make_transcripts --measure`` fits the TF-IDF baselines
quoted in assets/README.md (needs scikit-learn).

Scale test: ``--transcripts N`` (``main(out_dir, transcripts=N)``) writes about N
transcripts (exactly N when 4-8 per speaker allow it) of the same kind into
``--out-dir``, with the number of speakers in proportion (N=1500: 239 speakers)
and the same lengths, event kinds, scores, label bands, cue rates and noise.
Where a name pool runs short, surnames and company name heads repeat with
another first name or sector, and town names get a prefix ("Upper ..."), so
names, organisations and ``group`` strings stay unique per speaker. The default
(440) draws exactly as before, so the committed file does not change.

Run from the repository root:  python -m assets.make_transcripts  (or python assets/make_transcripts.py)
"""

import math
import os
import random
import re
import sys

import pandas as pd

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import ASSETS_DIR, MONTHS, WEEKDAYS, command_line, distinct, lines, n_words

SEED = 2031
N_SPEAKERS = 70
N_TRANSCRIPTS = 440
PER_SPEAKER = (4, 8)
WORDS = (1500, 5000)           # hard limits per transcript
TARGET_WORDS = (2350, 0.32)     # median and log-sd of the planned length
OPENING_SHARE = (0.33, 0.42)   # planned share of the words in the opening remarks
SPEAKER_SD, EVENT_SD = 0.75, 0.66  # latent quality = speaker base + per-event variation
SCORE_CENTRE, SCORE_SCALE = 5.5, 3.0
SLOPE = 2.1                    # P(a cue is good) = sigmoid(SLOPE * quality)
WORDS_PER_CUE = 85
LABEL_NOISE = 0.08
BANDS = ((1, 3, "Low"), (4, 7, "Medium"), (8, 10, "High"))
COLUMNS = ["id", "group", "event", "text", "score", "label"]

OPENING_MARKERS = ["OPENING REMARKS", "Opening remarks", "PREPARED REMARKS", "Prepared remarks",
                   "Opening statement"]
QA_MARKERS = ["QUESTIONS AND ANSWERS", "Questions and answers", "Q&A session", "Question-and-answer session",
              "QUESTION-AND-ANSWER SESSION"]
FILLERS = ["um", "uh", "you know", "like"]
FILLER_WEIGHTS = [5, 4, 3, 1]


def typed(block):
    """'kind|text' or 'kind1,kind2|text' lines -> {kind: [text, ...]}."""
    out = {}
    for ln in lines(block):
        kinds, text = ln.split("|", 1)
        for kind in kinds.split(","):
            out.setdefault(kind, []).append(text)
    return out


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def band(score):
    return next(name for lo, hi, name in BANDS if lo <= score <= hi)


# --------------------------------------------------------------------------
# Names and places (all invented)
# --------------------------------------------------------------------------
FEMALE = ("Dana Mara Ines Juno Priya Elodie Saoirse Noor Freya Yara Beatriz Lena Amara Sunniva Hana Liora Maren "
          "Odile Wren Agnes Isolde Rosalind Talia Nadia Ottilie Greta Mireille Zora Delphine Philippa Esme Carys "
          "Imogen Thea").split()
MALE = ("Tobias Rafael Callum Dmitri Kwame Lucan Anselm Matthias Oskar Idris Corwin Teodor Ezra Bastian Cosmo "
        "Jonah Silas Darius Florian Kenji Hugo Ravi Anton Felix Ivo Marek Arlo Bram Joaquin Desmond Rupert "
        "Emeka").split()
SURNAMES = ("Whitlock Varga Okafor Ashgrove Lindqvist Bellweather Castellan Drummond Ferrante Halloran Ivers "
            "Lachance Moreau Nakashima Oyelaran Pellegrini Radcliffe Sorensen Thackeray Underhill Valdez Yarrow "
            "Zeller Abernathy Brandt Corvino Dallimore Fairbrother Gallow Hartigan Iwasaki Kovalenko Larkspur "
            "Marchetti Ostrowski Quintero Rasmussen Stroud Tremaine Westerberg Abara Blackwood Cordell Eberhardt "
            "Fontaine Holloway Jansen Kilbride Novak Orsini Quill Achterberg Baptiste Calloway Delacroix Endicott "
            "Fairweather Greenhalgh Haverford Ingleby Jessop Kowalczyk Lockhart Mwangi Nightingale Oduya "
            "Penhaligon Quarrie Rainsford Saltmarsh Ulverston Vasquez Wainwright Yeoh Zamora Ashdown "
            "Birchall").split()
COMPANY_HEADS = ("Norvale Brightmoor Tamsmere Pellam Quarrington Ambrel Silverholt Ferncastle Greyharbour Oakhythe "
                 "Redlyn Marrowby Cinderfell Hollowmere Corvane Elmstead Fenwold Gildane Harlowe Istrem Kelderby "
                 "Lowmarsh Mossgate Nettlefield Orrinford Pinecrest Quillon Rookley Saltern Thistlebrook Umberly "
                 "Vexley Wendrick Yarrowdale Zenthall Ashcombe").split()
TOWN_HEADS = ("Brackle Dunmere Hollin Wendle Fallow Carrow Teal Orm Skel Yarn Pell Quarry Larch Tansy Mossy Ember "
              "Aldwin Bramble Cold Heron Nether Otter Pike Rook Sedge Thorn Wold").split()
TOWN_TAILS = "ford bury wick mouth field stead by hurst minster combe".split()
TOWN_PREFIXES = ["", "Upper ", "Lower ", "Great ", "Little ", "North ", "South ", "East ", "West "]  # large sets only
DISTRICTS = ["Northfield", "Old Quay", "Mill End", "St Aldric's", "Harbourside", "Eastgate", "Kiln Row",
             "Westmoor", "Brook Hill", "Tanner's Green", "Riverside", "Castle Park", "Southmead", "Ashton Vale",
             "Foundry Lane", "Cross Keys", "Upper Ridge", "Lowfields", "Beacon Hill", "Canal Basin", "Hazel Grove",
             "Priory Fields"]
STREETS = ["Alder Street", "Copper Lane", "Marsh Road", "Willow Crescent", "Station Road", "Kiln Lane",
           "Orchard Way", "Bell Street", "Heron Road", "Tanner's Row", "Quarry Hill", "Mill Road", "Chapel Street",
           "Victoria Parade", "Long Acre"]
PARTNERS = ["Harwell Packaging", "Brisk Couriers", "Meadowgate Dairies", "Tallis Bank", "Ostler Consulting",
            "Greenlane Haulage", "the Fairhaven Trust", "Lodestar Data", "Copperfield Builders"]
BANKS = ["Brackle Securities", "Tarn & Whitby", "Oriel Capital", "Hollis Partners", "Northgate Research",
         "Cairn Brothers", "Westmarch Equities"]
VENDORS = ["Quillmark Transcription", "Verbatim Desk", "Clearline Captioning", "Northquay Reporting Services",
           "Halberd Transcripts"]
CODENAMES = ["Lantern", "Keystone", "Meridian", "Foxglove", "Tideway", "Beacon", "Anvil", "Northstar"]

SECTORS = {  # sector: (name suffixes, products)
    "food": (["Foods", "Provisions", "Kitchens"],
             ["frozen meals range", "bakery range", "plant-based line", "snack bars", "meal kits",
              "dairy desserts"]),
    "logistics": (["Logistics", "Freight", "Haulage"],
                  ["parcel network", "cold-chain service", "freight brokerage", "same-day courier service",
                   "warehousing business", "fleet leasing arm"]),
    "software": (["Software", "Systems", "Digital"],
                 ["payroll platform", "analytics suite", "mobile app", "cloud backup service",
                  "point-of-sale system", "scheduling tool"]),
    "retail": (["Retail", "Stores", "Home"],
               ["home goods stores", "online shop", "garden centres", "own-label clothing",
                "click-and-collect service", "loyalty scheme"]),
    "energy": (["Energy", "Power", "Renewables"],
               ["wind portfolio", "home heating business", "solar installation arm", "EV charging network",
                "gas supply business", "battery storage sites"]),
    "manufacturing": (["Industries", "Engineering", "Works"],
                      ["pump division", "packaging plant", "bicycle components", "kitchen appliances",
                       "industrial fans", "valve business"]),
}
COMPANY_ROLES = [("Chief Executive Officer", "CEO", 6), ("Chief Financial Officer", "CFO", 2),
                 ("Chief Operating Officer", "COO", 1), ("President", "President", 1)]
CITY_ROLES = [("Mayor", "Mayor", 5), ("City Manager", "City Manager", 2), ("County Executive", "County Executive", 2),
              ("Council Leader", "Council Leader", 1)]
INSTITUTIONS = {  # kind: (name pattern, role, role label, projects, teams)
    "hospital": ("{town} General Hospital", "Chief Executive", "Chief Executive",
                 ["new emergency department", "electronic patient records system", "car park extension",
                  "maternity unit refurbishment"], ["nursing", "outpatients", "theatres", "estates"]),
    "university": ("University of {town}", "President", "President",
                   ["new library", "student housing block", "timetabling system", "engineering building"],
                   ["admissions", "student services", "estates", "research office"]),
    "school district": ("{town} School District", "Superintendent", "Superintendent",
                        ["new primary school in {district}", "school bus contract", "laptop scheme",
                         "sports hall at {district}"], ["transport", "special needs", "facilities", "HR"]),
    "transit authority": ("{town} Transit Authority", "General Manager", "General Manager",
                          ["tram extension to {district}", "new ticketing app", "depot upgrade",
                           "bus fleet replacement"], ["operations", "maintenance", "customer service",
                                                      "engineering"]),
}
EVENTS = {  # domain: [(event, weight)]
    "company": [("earnings call", 5), ("all-hands", 3), ("press briefing", 2)],
    "city": [("town hall", 6), ("press briefing", 4)],
    "institution": [("town hall", 35), ("all-hands", 35), ("press briefing", 30)],
}

# Things the speaker can set as priorities, promise as changes, announce as decisions or list as actions.
PLANS = {
    "company": {
        "priority": ["faster deliveries", "getting the {product} back to growth", "cutting waste at {district}",
                     "paying down debt", "keeping our best people", "fixing customer service"],
        "change": ["every site publishes its delivery times each week", "orders over $50 ship free",
                   "every customer complaint gets a named owner within a day",
                   "the {district} team moves to a four-day rota"],
        "decision": ["we are closing the {district} warehouse", "we are bringing customer service back in-house",
                     "we are pausing the {project}", "we are selling the {product}"],
    },
    "city": {
        "priority": ["fixing the roads", "more affordable homes", "safer streets around {district}",
                     "balancing the budget", "keeping every library open", "cleaner streets"],
        "change": ["bins in {district} are collected every week again", "parking at {district} is free after 6 pm",
                   "every pothole report gets a repair date within five days",
                   "the {district} library opens on Sundays"],
        "decision": ["the {district} library stays open", "we are pausing the {project}",
                     "we are buying the old depot site for housing", "we are ending the waste contract early"],
    },
    "institution": {
        "priority": ["cutting waiting times", "recruiting and keeping staff", "finishing the {project}",
                     "balancing the books", "better results for the people we serve", "repairing our buildings"],
        "change": ["everyone gets a text confirming their appointment", "every new starter gets a named mentor",
                   "the {district} site opens on Saturdays", "complaints get a reply within ten days"],
        "decision": ["we are keeping the {district} site open", "we are delaying the {project} by six months",
                     "we are bringing cleaning back in-house", "we are freezing senior pay"],
    },
}
ACTIONS = ["publishing the figures every month", "moving {n} people into the {team} team",
           "opening the {district} office on Saturdays", "bringing the work back in-house",
           "setting up a helpline for the people affected", "appointing an independent reviewer",
           "changing the contract so that payment depends on results", "hiring {n} more staff"]
TICS = ["Look, ", "Listen, ", "Honestly, ", "At the end of the day, ", "Here's the thing: ", "Candidly, ",
        "I mean, ", "Let me be clear: ", "Right, so ", "Again, ", "To be fair, ", "Now, ", "Okay, so ",
        "In all honesty, ", "As you know, ", "Bottom line, "]

# --------------------------------------------------------------------------
# Neutral sentences: drawn the same way at every quality level. Slots in
# {braces} are filled from the speaker's context or made up on the spot.
# --------------------------------------------------------------------------
NEUTRAL = {
    "opening": lines("""
        Thank you all for making the time today, I know it's a busy week.
        I want to start by thanking the team in {district}, who have had a demanding few weeks.
        We'll post the slides and a recording on the website after this session.
        A lot of people are joining online today, so bear with us if the sound drops.
        A few housekeeping points before I get going.
        I'll try to leave plenty of time for questions at the end.
        It has been a while since we did one of these in person, so it's good to see faces in the room.
        Before the detail, a word about the last few months, which have been busy for everyone.
        I'll cover four things today and then hand over to your questions.
        Let me start with some good news from {district}.
        I'll come back to the {project} later, because I know that's what many of you want to hear about.
        Good {daypart}, everyone, and thank you for coming.
    """),
    "any": lines("""
        Some of you will have seen the note we sent round on {weekday}.
        The weather has not helped us this season, and that's true right across the region.
        I spent most of last week visiting sites and talking to people on the ground.
        We had a visit from the regional board in {month}, and it was a useful conversation.
        I'd like to welcome {colleague}, who joined us in {month}.
        Our annual report went out on {date}, and it's there for anyone who wants the detail.
        We ran a staff survey in {month} and {pct} of people took part, which is more than last time.
        The {district} site has been through a refurbishment, and it looks very different now.
        I want to say a word about the charity drive, which raised ${big} for the food bank.
        We held a series of listening sessions in {month}, and I went to most of them myself.
        The new website went live on {date}, and most of the feedback so far has been about the search page.
        We've moved the {team} team to the second floor, so if you're looking for them, that's where they are.
        Car parking at {district} is still limited while the building works finish.
        We've had a lot of questions about next year's calendar, and it will be published in {month}.
        There was a lot of coverage of the storm in {month}, and I want to thank everyone who worked through it.
        We have a new partnership with {partner}, which I'll say a little more about later.
        The {team} team reached a milestone last month, and they'll tell that story at the next session.
        The lifts at {district} are being replaced, so please allow a bit of extra time.
        Last month we hosted a group of students from the local college, and they asked better questions than most.
        Our head of {team}, {person}, is retiring in {month} after many years with us.
        There is a new canteen menu, and I'm told the soup is much improved.
        We've had {big} visits to the new online help pages since they went up.
        Some of the figures I mention today are still provisional, as usual at this point in the year.
        The regulator published its annual review in {month}, and we were mentioned twice.
        We signed up to the regional apprenticeship pledge in {month}.
        The recycling scheme at {district} now takes soft plastics as well.
        I was at the {district} open day on {weekday}, and it was good to meet so many families.
        We're changing the way we report some of our numbers, and the notes explain the changes.
        A reminder that the fire alarm test is on {weekday} mornings.
        The new phone system had a few teething problems in {month}, and most of them are fixed.
        We've updated the accessibility information for all our buildings.
        The {team} team ran a workshop with {partner} in {month}, and the notes are on the intranet.
        Our insurance renewal went through in {month} with no surprises.
        We had an external review of our health and safety procedures, and it found nothing serious.
        The mentoring scheme now has {n} pairs, which is about double last year.
        The car share scheme at {district} has {n} members so far.
        We're moving some of the filing to digital, which should free up a room at {district}.
        I've been asked to sit on the regional skills board, which meets four times a year.
        The security desk at {district} is now staffed until 10 pm.
        Printing costs went down when we switched suppliers in {month}.
        The photographs from the {month} open day are on the website.
        Our local paper ran a piece on the {team} team in {month}, which was nice to see.
        The new starters' induction now takes two days instead of one.
        We've had several enquiries from other organisations wanting to copy the {district} pilot.
        Our complaints and compliments are both up on last year, mostly because more people are getting in touch.
        The {district} building will be closed over the bank holiday weekend, as usual.
        We're replacing the old signs on {street} with clearer ones.
        Water leaks in the {district} basement have been fixed after the works in {month}.
        The board held its away day in {month}, mostly on the long-term plan.
    """),
    "company": lines("""
        Our {product} had a steady period, with volumes broadly in line with last year.
        We opened {n} new sites and closed {n2} smaller ones that were not pulling their weight.
        Freight costs came down from their peak, although fuel is still expensive.
        We signed a new supply agreement with {partner} covering the {product}.
        The {district} plant moved to a two-shift pattern in {month}.
        Customer numbers in the north grew, while the south was flat.
        Our online channel now makes up about {pct} of sales.
        We finished moving onto the new ordering system in {month}.
        The board approved the dividend at its meeting on {date}.
        We launched a refreshed version of the {product} in {month}, and early orders look reasonable.
        Staff turnover in the warehouses came down over the year.
        Energy costs at the {district} site are still higher than we would like.
        Our customer service team handled about {big} calls last month.
        The pricing changes we made in the spring have now worked through.
        We have {big} people working for us today, across {n} locations.
        Stock levels are back to normal after the disruption earlier in the year.
        The new distribution hub near {district} is now taking deliveries.
        We're trialling a subscription option for the {product} with a small group of customers.
        The apprenticeship scheme took on {n} new starters this autumn.
        Our largest customer renewed their contract in {month}.
        Marketing spend was slightly lower than last year, mostly by design.
        We sold the old head office on {street} and moved into the {district} offices.
        Returns on the {product} came down after we changed the packaging.
        The audit committee met twice this quarter, and there is nothing unusual to report.
        We've been rolling out the new tills store by store.
        Exports were flat, and the home market carried the quarter.
        Capital spending was mostly maintenance, plus the upgrade at {district}.
        We held our supplier conference in {month}, with about {many} suppliers taking part.
        The {product} won a regional industry award in {month}.
        We replaced {n} of the older delivery vans with electric ones.
        The {team} team has moved to a new planning tool, and the early feedback is positive.
        Our contact centre in {district} extended its opening hours to 8 pm.
        The {product} is now stocked by {n} more retailers than a year ago.
        We consolidated two of our smaller warehouses into the {district} site.
        The price of packaging has settled after a volatile year.
        Our delivery partner {partner} renewed for another two years.
        Sales of the {product} were strongest in the weeks before the holidays, as usual.
        We've simplified the product range, which has cut the number of lines by about a fifth.
        The {district} site passed its annual safety audit in {month}.
        Our sustainability report comes out in {month}, alongside the annual results.
    """),
    "city": lines("""
        Work on the {street} resurfacing started on {weekday} and is going to plan.
        The library in {district} now opens on Sunday afternoons.
        Bin collections in {district} move to {weekday} from next month.
        The farmers' market is back in {district} square every Saturday.
        We had {big} visitors at the summer festival, and the clean-up went well.
        The new crossing near {district} primary school is now in use.
        The leisure centre pool reopened in {month} after the roof repairs.
        Street lighting on {street} has been switched to LED.
        Tax bills will go out in {month} as usual.
        We planted {big} trees across the city this winter.
        The community grants panel met in {month} and funded {n} local groups.
        The {district} bus route changes come in with the new timetable.
        Parking charges at the {district} car park are unchanged.
        The consultation on the {district} masterplan had {big} responses.
        Our street cleaning crews moved to a new rota in {month}.
        The youth centre in {district} has extended its opening hours.
        The city's website has a new page for reporting fly-tipping.
        The fire station on {street} is having its doors replaced this month.
        We have {n} new apprentices in the {team} team.
        The parade route in {month} is the same as last year.
        The allotment waiting list is still long, and we're looking for more land.
        Planning applications are being decided in about {n} weeks at the moment.
        The bridge inspection on {street} found only minor wear.
        The heritage trail signs in {district} went up in {month}.
        Our housing team dealt with about {big} repair requests last quarter.
        Thanks to the volunteers who ran the {district} litter pick in {month}.
        The museum has a new exhibition on the history of the docks.
        The winter gritting routes have been published online.
        The skate park at {district} reopened after resurfacing.
        The {district} market hall roof is being repaired over the summer.
        The new recycling bins have been delivered to about {big} homes.
        The {district} war memorial was cleaned and repaired in {month}.
        Our parks team won a regional award for the gardens at {district}.
        The night bus trial on the {district} route has been extended to {month}.
        We've updated the list of polling stations ahead of the elections.
        The {district} community fridge is run by volunteers and has saved a lot of food.
        We are replacing the water fountains in the city centre parks.
        The twinning association hosted a visit from our partner town in {month}.
    """),
    "institution": lines("""
        The {district} site has new signage, which should make it easier to find your way around.
        We welcomed {n} new members of staff in {month}.
        The {team} team moved into refurbished offices on the ground floor.
        Our budget for the year was agreed by the board on {date}.
        The annual inspection took place in {month}, and the report will be published soon.
        We've replaced the heating system in the oldest part of the {district} building.
        Our volunteers gave about {big} hours of their time last year.
        The shuttle bus between our sites now runs every half hour.
        We're piloting a new booking system with the {team} team.
        Catering at {district} has a new supplier from next month.
        Our staff awards evening is on {date}, and nominations are open.
        We've had {big} responses to the public survey, which closes in {month}.
        Maintenance work on the {district} car park will take about {n} weeks.
        The governors visited the {district} site in {month}.
        The new website makes it easier to find contact details for each department.
        Energy use across our buildings is down a little on last year.
        The {team} team has a new manager, {person}, who started in {month}.
        We're working with {partner} on a small pilot, and it's early days.
        The library and study spaces at {district} have longer opening hours.
        Our annual open day attracted about {big} visitors.
        Cycle storage at {district} has doubled.
        The {project} is in the design stage, and the drawings are on display in reception.
        The {district} building's roof repairs finished ahead of the winter.
        We launched a new staff newsletter, and the first issue went out in {month}.
        The {team} team is trialling longer shifts over fewer days, at their own request.
        Our partnership with the local college now covers {n} placements a year.
        The {district} reception desk has moved to the main entrance.
        We've joined a regional scheme to share equipment between sites.
        The public board meeting in {month} was streamed online for the first time.
    """),
    "earnings call": lines("""
        Please note that today's remarks include forward-looking statements, which carry risks and uncertainties.
        Our results release and the supplementary slides are on the investor relations website.
        All comparisons are with the same quarter last year unless I say otherwise.
        The detailed numbers are in the appendix to the pack, and questions on them can go to {colleague}.
        Currency movements had a small effect on reported revenue this quarter.
        The share buyback announced in {month} is continuing as planned.
        Net debt is broadly where it was at the half year.
        The tax rate for the year should be in the usual range.
        We'll hold our capital markets day in {month}, and invitations will go out shortly.
        Depreciation was a little higher because of the new equipment at {district}.
    """),
    "all-hands": lines("""
        The new expense tool goes live on {date}, and there are short training videos on the intranet.
        Benefits enrolment closes on {date}, so please don't leave it to the last day.
        The kitchen on the third floor reopens in {month} after the refit.
        Please welcome the {n} new starters who joined us this month.
        The summer party is on {date}, at the {district} rowing club again.
        IT will be replacing laptops over the next few months, team by team.
        The wellbeing week in {month} had a good turnout, and we'll run it again.
        We're updating the travel policy, and the draft will be shared for comments.
        The volunteering scheme now gives everyone two days a year.
        Hot-desking on the fourth floor has had mixed reviews, and we're listening.
        The internal newsletter is moving to a fortnightly schedule.
        Long-service awards go to {n} colleagues this year, and we'll celebrate them properly.
    """),
    "town hall": lines("""
        Thank you to the {district} community centre for hosting us tonight.
        Microphones will come round for questions, so please wait for one before you speak.
        If we don't get to your question tonight, leave it on a card at the door and we will reply in writing.
        Councillors for the {district} ward are here too, and they'll stay afterwards.
        There's tea and coffee at the back, courtesy of the {district} residents' association.
        Please keep questions short so that as many people as possible get a turn.
        This meeting is being recorded, and the recording will go on the website.
    """),
    "press briefing": lines("""
        I'll make a short statement and then take a few questions.
        Copies of this statement are available from the press office.
        We'll issue a written update later today.
        I'm joined by {colleague}, who can help with some of the detail.
        We have about twenty minutes, so please keep to one question each.
        This briefing is on the record.
    """),
}
# Short neutral sentences inside answers.
ANSWER_NEUTRAL = lines("""
    We've looked at this a few times.
    There are a few moving parts here.
    It's something the board discusses regularly.
    The team in {district} has been working on it.
    It's come up at almost every session this year.
    I know this matters to a lot of people in this room.
    I was discussing exactly this last week with {colleague}.
    It's been a long road, and there's still some way to go.
    We brought in {partner} to help with part of it.
    The background here is that the original plan was drawn up a few years ago.
    Part of this sits with the {team} team and part of it with us.
    We've had a lot of feedback on this, not all of it the same.
    The detail is in the paper that went to the board in {month}.
    Some of this depends on decisions that other people make.
    I've met the people most affected more than once.
    There's a meeting on this in {month}, and I'll be there.
    It's not the first time this has come up, and it won't be the last.
""")
ANSWER_OPENERS = ["Thanks for the question.", "Sure.", "Okay.", "Right.", "Yeah, so.", "Thank you.",
                  "Good question.", "Thanks.", "Let me pick that up.", "I'll take that one."]
CLOSINGS = lines("""
    Thank you, everyone, for coming, and for the questions.
    Thanks again for your time today. We'll do this again in a few months.
    That's all from me. Thank you for listening, and for the challenge.
    Thank you all. Safe journey home.
""")

# --------------------------------------------------------------------------
# Questions, by event ("public meeting": town halls of hospitals, universities,
# ...). Each line is "kind|text"; the kind (when, cost, count, pct, yesno, why,
# what) decides which direct or evasive answers fit.
# --------------------------------------------------------------------------
QUESTIONS = {
    "earnings call": typed("""
        cost|Could you give us a sense of how much the {project} will cost in total?
        pct|What margin should we expect on the {product} next year?
        when|When do you expect the {project} to start contributing to earnings?
        yesno|Are you still comfortable with the full-year guidance?
        yesno|Is there any risk to the dividend if volumes keep falling?
        why|Why did marketing costs jump in the quarter?
        why|Why were sales of the {product} weaker than expected?
        what|What's the plan for the {district} site if demand doesn't recover?
        what|What are you doing about the price increases from suppliers?
        cost|How much of the cost savings have you actually banked so far?
        when|When will you update the market on the {project}?
        yesno|Are you considering selling the {product}?
        why|Why has working capital gone up so much?
        what|What happened with the delay at {district}?
        count|How many sites do you plan to close next year?
        yesno|Will you need to raise more money to finish the {project}?
        pct|How much of next year's growth do you expect to come from price rather than volume?
        count|How many customers did you lose after the outage in {month}?
        when|When do you expect freight costs to stop weighing on margins?
        what|What would make you cut the buyback?
        cost|What will the restructuring cost, including the one-off charges?
        pct|What share of revenue is now online?
        why|Why did you change the way you report the {product} numbers?
    """),
    "all-hands": typed("""
        yesno|Are there going to be redundancies this year?
        when|When will we hear about the pay review?
        what|What's happening with the {district} office when the lease ends?
        why|Why was the bonus scheme changed without any consultation?
        yesno|Is the hybrid working policy going to change?
        when|When will the {project} actually be finished? It's been delayed twice.
        what|What are we doing about the workload in the {team} team?
        cost|How much are we spending on consultants for the {project}?
        why|Why did we lose the {partner} contract?
        yesno|Will the training budget be cut again?
        when|When are the vacancies in {team} going to be filled?
        what|What does the restructure mean for people in {district}?
        count|How many people are leaving under the voluntary scheme?
        why|Why do we keep hearing about decisions in the press before we hear them here?
        pct|What pay rise should we expect this year?
        count|How many roles are we actually recruiting for right now?
        yesno|Is the {district} site going to be sold?
        when|When will the new laptops reach the {team} team?
        why|Why has the staff survey never been published in full?
        what|What is being done about the car park at {district}?
        cost|How much did the rebrand cost?
    """),
    "press briefing": typed("""
        yesno|Can you confirm that the {district} site will close?
        why|Why did it take three days to tell the public?
        count|How many people were affected?
        when|When will the people affected get their money back?
        what|What do you say to the staff in {district} who are worried about their jobs?
        yesno|Did you know about the problems before they became public?
        cost|How much has the {project} cost so far?
        when|When will the independent review report?
        why|Why should people trust your figures this time?
        what|What exactly went wrong with the {project}?
        yesno|Will anyone lose their job over this?
        yesno|Are you going to resign?
        pct|What share of the budget is going on agency staff?
        count|How many complaints have you had since {month}?
        when|When did you first hear about the problem?
        cost|What is the total bill for the clean-up?
        what|What will be different by the end of the year?
        why|Why wasn't the contract put out to tender?
    """),
    "town hall": typed("""
        when|When will the potholes on {street} be fixed? People have been waiting since {month}.
        why|Why was the {district} library's budget cut when the offices got a refurbishment?
        cost|How much has the {project} cost so far?
        yesno|Are bills going up again next year?
        what|What is being done about antisocial behaviour around {district} station?
        yesno|Will the {district} bus route be brought back?
        when|When will the consultation results on the {project} be published?
        why|Why were people on {street} not told about the works?
        count|How many of the new homes in {district} will actually be affordable?
        what|What's the plan for the empty shops on {street}?
        yesno|Are you going to scrap the parking charges at {district}?
        what|What happened to the money set aside for the youth centre?
        when|When will the {district} site reopen?
        why|Why does it take {n} weeks to get a reply to an email?
        what|What are you doing about the waiting times people keep complaining about?
        yesno|Is the {district} site going to close?
        pct|By how much are bills going up this year?
        count|How many street lights on {street} are still broken?
        cost|What did the consultants on the {project} cost us?
        when|When will the flooding on {street} be dealt with?
        why|Why are the bins in {district} collected late every other week?
        what|What will the {project} actually change for people in {district}?
    """),
    "public meeting": typed("""
        when|When will the {project} open?
        cost|How much over budget is the {project}?
        yesno|Are there going to be job cuts?
        why|Why are people waiting longer than they were last year?
        what|What are you doing about staff shortages in {team}?
        yesno|Will the {district} site stay open?
        why|Why weren't people consulted about the {project}?
        when|When will parking at {district} be sorted out?
        count|How many staff have left this year?
        what|What happens to the people who rely on the {district} site if it closes?
        yesno|Will charges go up next year?
        why|Why did the inspection report take so long to come out?
        pct|What share of your budget goes on agency staff?
        count|How many complaints did you get last year?
        when|When will the buses to {district} run on time again?
        cost|How much are you spending on the new IT system?
        what|What has changed since the last inspection?
    """),
}
QUESTION_PREFACES = {
    "Analyst": ["Thanks for taking my question.", "Good morning, and thanks for the time.",
                "Two from me, if I may, but I'll start with one.", "Just one from me."],
    "Moderator": ["This one came in on the chat.", "We've had several versions of this one.",
                  "Someone asked this anonymously.", "A question from the online audience."],
    "Employee": ["Hi, I work in the {team} team.", "Thanks for doing these sessions."],
    "Reporter": ["A question for you directly.", "If I could follow up on the statement.", "Thanks. A quick one."],
    "Audience Q": ["I've lived in {district} for {n} years.", "Thanks for coming tonight.",
                   "I'm asking for my neighbours as well.", "Hi, I work in the {team} team."],
    "Resident": ["I live on {street}.", "I've lived in {district} for {n} years.",
                 "I'm asking for my neighbours as well."],
}
ASKERS = {  # who asks: (label, weight); Analyst labels are numbered per call
    "earnings call": [("Analyst", 1)],
    "all-hands": [("Moderator", 3), ("Employee", 3), ("Audience Q", 1)],
    "press briefing": [("Reporter", 6), ("Moderator", 1)],
    "town hall": [("Audience Q", 3), ("Resident", 2), ("Moderator", 1)],
}

# --------------------------------------------------------------------------
# Evidence. Opening remarks: clarity (numbers, dated plans, owning mistakes vs
# hedging, buzzwords, blame, contradictions). Q&A: responsiveness (a direct,
# specific answer vs deflecting, evading or attacking the asker).
# --------------------------------------------------------------------------
OPEN_GOOD = lines("""
    I said last time that the {project} would be finished by now. It isn't, and that's on me.
    We got the {project} wrong. I approved the timeline, and I should have questioned it.
    We have three priorities this year, in this order: {priority}, {priority2} and {priority3}.
    What this means for you is simple: from {date}, {change}.
    Here is the plan, with dates: the first phase starts on {date}, the second in {month}, and we'll report back here in {month2}.
    Let me give you the numbers first and the story second.
    The {project} is {pct} complete, {n} weeks behind the original plan, and we now expect to finish on {date}.
    I'm going to be specific about what went wrong, because you deserve that.
    We set ourselves twelve targets last year and met {k} of them; the misses are in the report, with reasons.
    I'll report progress against each of these at our next meeting, with the same numbers, so you can hold me to them.
    Two things went well this year and one didn't, and I'll start with the one that didn't.
    The decision is made: {decision}, starting {date}.
    I made a call in {month} that turned out to be wrong, and I want to explain what I've learned from it.
    Each of these commitments has a name next to it, and for the first one that name is mine.
    We will publish the progress figures on our website every month, starting on {date}.
    The cost so far is {money}, against a budget of {money2}, and the difference is explained in the report.
    I'd rather give you an honest date than a hopeful one, so the date is {date}.
    To be concrete, that's {n} more staff, a new rota from {date}, and a review in {month}.
""")
OPEN_GOOD_DOMAIN = {
    "company": lines("""
        Revenue for the quarter was {revenue}, up {pct} on last year, and about half of that growth came from the {product}.
        We cut the average delivery time by {n} hours this year, and we'll publish that figure every month.
        Operating margin was {pct}; we said {pct2}, and the gap is almost entirely freight.
        We will close the {district} warehouse on {date}, and every person there has been offered a role at the new hub.
    """),
    "city": lines("""
        We fixed {big} potholes since {month}, against a target of {big2}, and the backlog is now {n} weeks.
        We will open {n} new homes in {district} on {date}, and {pct} of them are for social rent.
        The {project} will cost {money}, and {money2} of that comes from the regional grant, which is signed.
        Crime reports around {district} station are down {pct} since the new patrols started on {date}.
    """),
    "institution": lines("""
        Average waiting times fell by {n} days this year, and our target is another ten days off by {month}.
        We recruited {many} new staff in {team} this year, and {k} people left, so we are up overall.
        The {project} opens on {date}; the contractor has signed a penalty clause for every week of delay.
        We overspent by {money} last year, and the savings plan closes that gap by {month}.
    """),
}
OPEN_BAD = lines("""
    We're sort of looking at a number of things, and we'll see where it all lands.
    It's possible that we may, at some point, potentially revisit some of the timelines.
    I wouldn't want to put a number on it, but it's broadly in the region of where we'd hope to be, more or less.
    We're leaning into our synergies to unlock holistic value across the whole ecosystem.
    This is about a best-in-class, future-facing, people-first mindset at every touchpoint.
    Going forward, we're going to double-click on our core competencies and drive alignment at pace.
    Frankly, the delays are down to the contractors, the weather and, to be honest, the previous leadership.
    None of what happened this year was really within our control.
    Everything is on track. Well, most things. The things that matter are broadly on track.
    We will be the best {orgkind} in the country, full stop, and we'll get there by being the best.
    There's a lot of noise out there, and I'm not going to add to it with numbers.
    We are transforming, and transformation is a journey, not a destination.
    Mistakes were made, and lessons are being learned across the piece.
    I think the results speak for themselves, whatever people want to say about them.
    It's a dynamic, evolving situation, and our approach is to remain agile.
    We're committed to doing the right thing at the right time in the right way.
    The {project} is, in a sense, both ahead of schedule and a little behind, depending on how you look at it.
    Costs went down this year, although they also went up, so it's a mixed picture, and a positive one.
    We've put in place a framework to look at a strategy for reviewing the options.
    Some people have said things about the {project} that are simply not helpful, and I'll leave it there.
""")
OPEN_BAD_DOMAIN = {
    "company": lines("""
        Revenue was, well, somewhere north of {revenue}, depending on how you count it.
        We're pivoting the {product} towards a more agile, platform-led value proposition.
        The {district} numbers were disappointing, but that's really a reflection of the market, not us.
    """),
    "city": lines("""
        On potholes, we've done a lot, a great deal, and we'll keep doing a lot.
        The housing numbers are what they are, and I'd rather talk about the vision.
        The previous administration left us a mess, and nobody could have fixed it in the time.
    """),
    "institution": lines("""
        Waiting times are, I think, roughly stable, or improving in some places, more or less.
        We're on a journey to become an outstanding, people-centred, data-driven organisation.
        The inspection report was written by people who didn't really understand how we work.
    """),
}
# Contradictions: the two halves are said at different points of the remarks.
CONTRADICTIONS = [
    ("Headcount will stay flat this year; we're not hiring.", "We'll be adding around {n} new roles before the summer."),
    ("We are not raising prices or charges this year.", "The increase in charges in {month} will help pay for this."),
    ("The {project} is on budget.", "The extra money we've had to find for the {project} is, frankly, significant."),
    ("Nothing about the {district} site is changing.", "The {district} site will move to reduced hours from {month}."),
    ("We've never been in a stronger position.", "We're going to have to make some very difficult cuts this year."),
]

ANSWER_GOOD = typed("""
    when|By {date}. The contract is signed and the crews are booked.
    when|The honest answer is {month}, not {month2}, which is what we said before.
    when|It will be {date}. If that moves, I'll tell you before you read it anywhere else.
    when|We start on {date} and we finish by the end of {month}.
    cost|The number is {money}, and the full breakdown is in the report.
    cost|It's {money} so far, against a budget of {money2}.
    cost|{money} in total, of which about a third is one-off.
    count|{count}, and that figure has been checked by the auditors.
    count|About {count}; I'll send you the exact number this afternoon.
    count|The exact figure is {count}, and I'll publish it on the website {weekday}.
    pct|About {pct}, and I'll send you the exact figure this afternoon.
    pct|{pct}. That's the number in the plan, and I'm not going to dress it up.
    pct|Between {pct} and {pct2}, and we'll know which by {month}.
    yesno|Yes. From {date}, and it's written into the budget.
    yesno|No. I want to be clear about that: no.
    yesno|Short answer: yes. Longer answer: it depends on one vote in {month}, and I'll explain.
    yesno|No, and here is why.
    why|Because we got the forecast wrong, and I signed off on that forecast.
    why|Two reasons: the contractor failed, and we didn't have a backup plan. The second one is on us.
    why|Because we put the {project} first, and that meant something else had to give.
    why|Because we moved too slowly in {month}, and that was my decision.
    what|Three things: we're hiring {n} more staff, we're changing the rota from {date}, and we'll report progress every month.
    what|Concretely, two things, starting {date}: {action} and {action2}.
    what|Specifically, {action}, which starts on {date}.
    any|Let me answer that directly.
    any|You deserve a straight answer, so here it is.
    any|That's a fair criticism, and you're right.
    any|I don't have that figure with me, but you'll have it in writing by {weekday}.
    any|I can't talk about the legal case itself, but I can tell you exactly what we've changed since.
    any|We made a mistake there, and I'm sorry for it.
    any|I'll give you the specific number rather than a range.
    any|If that date slips, I'll come back here and explain why.
    any|The person who owns that is me, so the answer is mine to give.
    any|I'll put that in writing after this meeting so there's no doubt about it.
""")
ANSWER_BAD = typed("""
    when|Soon, I'd hope. We'll see.
    when|When it's ready, and not before.
    when|I won't be pinned down to a date.
    cost,count,pct|It's a number we're comfortable with.
    cost,count,pct|I wouldn't want to put a figure on it.
    cost,count,pct|Somewhere in the region of what we expected, give or take.
    yesno|It's not really a yes or no question.
    yesno|I wouldn't rule anything in or out.
    why|There were a lot of factors, most of them outside our control.
    why|That's really down to the previous team.
    what|We're looking at all the options.
    what|We have a plan, and we'll share it when the time is right.
    any|I'm not going to get into that.
    any|I'm not going to get into the specifics today.
    any|I think that's a question for another day.
    any|Let's take that offline.
    any|I'd push back on the premise of the question.
    any|We're looking at a range of options, and I don't want to pre-empt anything.
    any|What I'd say is that we remain very focused on delivering for everyone.
    any|I'm not going to speculate on that.
    any|That's not really the right question, if I'm honest.
    any|Look, I answered that last time, and nothing has changed.
    any|With respect, you clearly haven't read the report.
    any|I'm not sure where you're getting your information from.
    any|We'll have more to say on that in due course.
    any|As I said in my remarks, everything is on track.
    any|I don't think that's a fair description, and I'm not going to dignify it.
    any|Again, the numbers speak for themselves.
    any|I think people are getting a bit carried away about this.
    any|It's complicated, and I don't think this is the forum.
""")
REACTIONS = {
    True: ["Thank you, that's clear.", "Thanks, that's helpful.", "Appreciate the straight answer.",
           "Okay, thank you. That's what I wanted to know."],
    False: ["With respect, that doesn't answer my question.", "So is that a yes or a no?",
            "Sorry, can I follow up? You didn't actually answer.", "I'll take that as a no comment, then."],
}

# Boilerplate around the transcript.
CREDITS = ["Transcript produced by {vendor} for {org}.",
           "Transcript prepared by {vendor}. This transcript may contain errors.",
           "[Transcript produced by {vendor}]"]
COPYRIGHTS = ["Copyright {year} {org}. All rights reserved.",
              "Copyright (c) {year} {vendor}. All rights reserved. Reproduction without permission is prohibited.",
              "This transcript was produced by {vendor} and has been edited for readability. All rights reserved."]

INTROS = {  # (label, text) of the line that hands over to the rated speaker
    "earnings call": ("Operator", "Good {daypart}, and welcome to the {org} {quarter} {year} earnings call. All "
                                  "participants are in listen-only mode. I would now like to hand the call over to "
                                  "{name}, {role}. Please go ahead."),
    "all-hands": ("Moderator", "Okay, I think we're live. Welcome, everyone, to the {monthname} all-hands. Over to "
                               "you, {first}."),
    "town hall": ("Moderator", "Good evening, everyone, and welcome. I'll hand over to {name}, {role}, for some "
                               "opening remarks, and then we'll go to questions."),
    "press briefing": ("Moderator", "Good {daypart}. {name} will make a statement and then take questions."),
}
QA_INTROS = {
    "earnings call": ("Operator", "We will now begin the question-and-answer session."),
    "all-hands": ("Moderator", "Let's go to questions. We've had a lot come in on the chat."),
    "town hall": ("Moderator", "Thank you. We'll now take questions from the floor."),
    "press briefing": ("Moderator", "We'll take questions now."),
}
NEXT_QUESTION = {  # (label, wordings) of an optional line before each question
    "earnings call": ("Operator", ["Our next question comes from {asker} at {bank}.",
                                   "The next question is from {asker}, {bank}. Please go ahead."]),
    "all-hands": ("Moderator", ["We have a question in the room.", "Over to the microphone at the back.",
                               "Let's take one from the room.", "Another one in the room, at the front.",
                               "Next, someone at the side."]),
    "town hall": ("Moderator", ["The lady at the front.", "Next question, please.", "The gentleman by the door.",
                                "Let's go to the back of the room.", "The lady in the green coat.",
                                "Someone on this side, please.", "The gentleman at the end of the row."]),
    "press briefing": ("Moderator", ["Next question.", "Go ahead.", "Yes, in the second row.",
                                     "One more at the back."]),
}
CLOSE = {
    "earnings call": ("Operator", "That concludes the question-and-answer session. I'll hand back to {name} for "
                                  "closing remarks."),
    "all-hands": ("Moderator", "That's all we have time for. Thanks, everyone."),
    "town hall": ("Moderator", "That's all we have time for tonight. Thank you all for coming."),
    "press briefing": ("Moderator", "That's all for today. Thank you."),
}
TITLES = {
    "earnings call": "{org} {quarter} {year} Earnings Call",
    "all-hands": "{org} All-Hands Meeting, {monthname} {year}",
    "town hall": "{org} Town Hall Meeting, {district} Community Centre",
    "press briefing": "{org} Press Briefing",
}
AUDIENCE = {"earnings call": "analysts", "all-hands": "staff", "town hall": "members of the public",
            "press briefing": "members of the press"}
STAGE_RE = re.compile(r"\((?:Laughter|Applause|crosstalk)\)|\[inaudible\]")
FILLER_RE = re.compile(r"\b(?:[Uu]m|[Uu]h),|\byou know,|\blike,")


# --------------------------------------------------------------------------
# Slots
# --------------------------------------------------------------------------
MAKERS = {  # slots made up on the spot
    "pct": lambda r: ("%d percent" % r.randint(2, 38)) if r.random() < 0.6 else
           "%d.%d percent" % (r.randint(1, 24), r.randint(1, 9)),
    "n": lambda r: str(r.randint(3, 40)),
    "k": lambda r: str(r.randint(4, 11)),
    "many": lambda r: str(r.randint(45, 90)),
    "count": lambda r: "{:,}".format(r.randint(12, 900)),
    "big": lambda r: "{:,}".format(r.randint(120, 9800)),
    "money": lambda r: "$%d.%d million" % (r.randint(1, 60), r.randint(1, 9)),
    "revenue": lambda r: "$%d million" % r.randint(120, 980),
    "month": lambda r: r.choice(MONTHS),
    "weekday": lambda r: r.choice(WEEKDAYS[:5]),
    "date": lambda r: "%d %s" % (r.randint(1, 28), r.choice(MONTHS)),
    "street": lambda r: r.choice(STREETS),
    "partner": lambda r: r.choice(PARTNERS),
    "bank": lambda r: r.choice(BANKS),
    "vendor": lambda r: r.choice(VENDORS),
    "person": lambda r: r.choice(FEMALE + MALE) + " " + r.choice(SURNAMES),
    "action": lambda r: r.choice(ACTIONS),
}


class Slots:
    """Fill {slot}s from a context (a value or a list to pick from) or MAKERS.

    Within one template, {x} repeats its value and {x2}, {x3} get different ones.
    """

    def __init__(self, rng, ctx):
        self.rng, self.ctx = rng, ctx

    def value(self, base):
        v = self.ctx[base] if base in self.ctx else MAKERS[base](self.rng)
        return self.rng.choice(v) if isinstance(v, list) else v

    def fill(self, template):
        cache, used = {}, {}

        def slot(m):
            key = m.group(1)
            if key not in cache:
                base = key.rstrip("0123456789")
                for _ in range(8):
                    v = self.value(base)
                    if v not in used.get(base, ()):
                        break
                used.setdefault(base, set()).add(v)
                cache[key] = self.fill(v) if "{" in v else v
            return cache[key]

        return re.sub(r"\{(\w+)\}", slot, template)


class Deck:
    """Deal the items of a list in random order, reshuffling when it runs out (few repeats per transcript).

    `where` keeps to the items tagged for one place: items are (place, value) pairs with place "both" or
    a name, and the value is returned.
    """

    def __init__(self, rng, items):
        self.rng, self.items, self.left = rng, list(items), []

    def deal(self, where=None):
        for _ in range(2):
            for i in range(len(self.left) - 1, -1, -1):
                if where is None or self.left[i][0] in ("both", where):
                    return self.left.pop(i) if where is None else self.left.pop(i)[1]
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        raise ValueError("nothing to deal for %r" % where)


def decap(s):
    """Lower-case the first letter so that something can go in front ("I", acronyms and digits stay)."""
    first = s.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or (len(s) > 1 and s[1].isupper()):
        return s
    return s[:1].lower() + s[1:]


def add_fillers(rng, sentence, rate):
    """Sprinkle um / uh / you know / like into a sentence; about `rate` of them on average."""
    while rng.random() < rate / (1 + rate):
        f = rng.choices(FILLERS, FILLER_WEIGHTS)[0]
        words = sentence.split(" ")
        if len(words) < 3 or (f in ("um", "uh") and rng.random() < 0.35):
            if f in ("um", "uh") and not sentence.startswith(("Um,", "Uh,")):
                sentence = f.capitalize() + ", " + decap(sentence)
            continue
        i = rng.randrange(1, len(words))
        prev = words[i - 1]
        if prev[-1] in ".?!:;" or any(c.isdigit() for c in prev) or prev.startswith(("(", "[")):
            continue
        words[i - 1] = prev if prev.endswith(",") else prev + ","
        words.insert(i, f + ",")
        sentence = " ".join(words)
    return sentence


# --------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------
def n_speakers_for(n_transcripts):
    """Speakers for `n_transcripts`: in proportion to N_SPEAKERS / N_TRANSCRIPTS, so that 4-8 each can add up."""
    if n_transcripts < PER_SPEAKER[0]:
        raise ValueError("need at least %d transcripts" % PER_SPEAKER[0])
    n = round(n_transcripts * N_SPEAKERS / N_TRANSCRIPTS)
    return min(max(n, -(-n_transcripts // PER_SPEAKER[1])), n_transcripts // PER_SPEAKER[0])


def repeated_sample(rng, items, k):
    """`k` items: rng.sample(items, k) when there are enough, else whole shuffled copies (each item at most
    ceil(k / len(items)) times), in random order."""
    if k <= len(items):
        return rng.sample(items, k)
    out = [x for _ in range(-(-k // len(items))) for x in rng.sample(items, len(items))][:k]
    rng.shuffle(out)
    return out


def make_speakers(rng, n_transcripts=N_TRANSCRIPTS):
    """Rated speakers (70 for the default 440 transcripts, in proportion otherwise) with a latent base quality,
    an organisation, habits and 4-8 transcripts each; names, organisations and `group` strings are unique.

    With the default size every draw is the same as before the size became an option (so the committed file is
    unchanged): the extra pools and redraws below only come into play when a pool would run out.
    """
    n_speakers = n_speakers_for(n_transcripts)
    n_company, n_city = round(n_speakers * 3 / 7), round(n_speakers * 2 / 7)  # 30 / 20 / 20 of 70
    domains = ["company"] * n_company + ["city"] * n_city + ["institution"] * (n_speakers - n_company - n_city)
    rng.shuffle(domains)
    surnames = repeated_sample(rng, SURNAMES, n_speakers)
    heads = iter(repeated_sample(rng, COMPANY_HEADS, domains.count("company")))
    if n_speakers <= len(TOWN_HEADS) * len(TOWN_TAILS):
        towns = distinct(lambda: rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS), n_speakers)
    else:  # large scale-test sets only: "Upper Brackleford", "Little Tealby", ...
        towns = distinct(lambda: rng.choice(TOWN_PREFIXES) + rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS),
                         n_speakers)
    towns = iter(towns)
    counts = [rng.randint(*PER_SPEAKER) for _ in range(n_speakers)]
    while sum(counts) != n_transcripts:  # nudge the counts to the exact total, keeping 4..8
        i = rng.randrange(n_speakers)
        step = 1 if sum(counts) < n_transcripts else -1
        if PER_SPEAKER[0] <= counts[i] + step <= PER_SPEAKER[1]:
            counts[i] += step
    speakers, names, orgs = [], set(), set()
    for last, domain, count in zip(surnames, domains, counts):
        female = rng.random() < 0.5
        first = rng.choice(FEMALE if female else MALE)
        while first + " " + last in names:  # only when a surname repeats (large sets): another first name
            first = rng.choice(FEMALE if female else MALE)
        names.add(first + " " + last)
        title = "Dr." if rng.random() < 0.15 else ("Ms." if female else "Mr.")
        town = next(towns)
        districts = rng.sample(DISTRICTS, 4)
        if domain == "company":
            sector = rng.choice(sorted(SECTORS))
            suffixes, products = SECTORS[sector]
            head = next(heads)
            org = head + " " + rng.choice(suffixes)
            while org in orgs:  # only when a name head repeats (large sets): another sector and suffix
                sector = rng.choice(sorted(SECTORS))
                suffixes, products = SECTORS[sector]
                org = head + " " + rng.choice(suffixes)
            role, role_label = weighted(rng, COMPANY_ROLES)
            orgkind = "company"
            products = rng.sample(products, 3)
            projects = ["new ordering system", "{district} plant expansion", rng.choice(CODENAMES) + " programme"]
            teams = ["logistics", "customer service", "finance", "product", "sales", "warehouse"]
        elif domain == "city":
            role, role_label = weighted(rng, CITY_ROLES)
            org = (town + " County") if role == "County Executive" else "City of " + town
            orgkind = "city"
            products = ["services"]
            projects = rng.sample(["{district} regeneration scheme", "cycle lanes on {street}", "pool rebuild",
                                   "flood defences at {district}", "new bus station", "market hall restoration"], 3)
            teams = ["highways", "housing", "parks", "planning", "waste"]
        else:
            orgkind = rng.choice(sorted(INSTITUTIONS))
            pattern, role, role_label, projects, teams = INSTITUTIONS[orgkind]
            org = pattern.format(town=town)
            products = ["services"]
            projects = rng.sample(projects, 3)
        colleagues = ["our %s, %s %s" % (r, rng.choice(FEMALE + MALE), rng.choice(SURNAMES))
                      for r in rng.sample(["finance director", "head of operations", "deputy", "chief of staff",
                                           "director of communications"], 2)]
        assert org not in orgs, org
        orgs.add(org)
        name = first + " " + last
        labels = [name, name.upper(), title + " " + last, role_label.upper(), first[0] + ". " + last]
        if domain != "company":
            labels.append(role_label + " " + last)  # "Mayor Whitlock:"
        speakers.append({
            "name": name, "first": first, "role": role, "org": org, "domain": domain, "count": count,
            "group": "%s (%s, %s)" % (name, role_label, org), "labels": labels,
            "base": rng.gauss(0.0, SPEAKER_SD), "habit": rng.uniform(0.6, 1.5), "tics": rng.sample(TICS, 2),
            "ctx": {"org": org, "orgkind": orgkind, "district": districts, "product": products,
                    "project": projects, "team": teams, "colleague": colleagues, **PLANS[domain]},
        })
    return speakers


def weighted(rng, options):
    """Pick from (value..., weight) tuples via rng.choices; the tuple without its weight (or the lone value)."""
    choice = rng.choices(options, [o[-1] for o in options])[0][:-1]
    return choice if len(choice) > 1 else choice[0]


# --------------------------------------------------------------------------
# One transcript
# --------------------------------------------------------------------------
class Transcript:
    """One transcript of speaker `sp` at `event`, with cues drawn from its latent `quality`; see build()."""

    def __init__(self, rng, sp, event, quality, year, month):
        self.rng, self.sp, self.event = rng, sp, event
        self.domain = sp["domain"]
        ctx = dict(sp["ctx"], year=str(year), monthname=MONTHS[month], name=sp["name"], first=sp["first"],
                   role=sp["role"], quarter="Q%d" % (month // 3 + 1), daypart=rng.choice(["morning", "afternoon"]))
        self.fill = Slots(rng, ctx).fill
        self.p_good = sigmoid(SLOPE * quality)
        self.filler_rate = sp["habit"] * (0.05 + 0.25 * (1 - sigmoid(1.5 * quality)))
        self.p_stamp = rng.uniform(0.35, 0.9)
        self.stamp_style = rng.choice(["[%s]", "(%s)", "mixed"])
        self.clock = rng.randint(5, 90)
        main, *others = rng.sample(sp["labels"], rng.randint(3, 4))
        self.main_label, self.other_labels = main, others
        self.intro = Deck(rng, NEUTRAL["opening"])
        self.neutral = Deck(rng, [("opening", x) for x in NEUTRAL[event]]
                            + [("both", x) for x in NEUTRAL["any"] + NEUTRAL[self.domain]]
                            + [("answer", x) for x in ANSWER_NEUTRAL])
        self.open_cues = {True: Deck(rng, OPEN_GOOD + OPEN_GOOD_DOMAIN[self.domain]),
                          False: Deck(rng, OPEN_BAD + OPEN_BAD_DOMAIN[self.domain])}
        qpools = [event]
        if self.domain == "institution" and event != "press briefing":
            qpools = ["public meeting"] + (["all-hands"] if event == "all-hands" else [])
        self.questions = Deck(rng, [(k, q) for p in qpools for k, qs in QUESTIONS[p].items() for q in qs])
        self.answer_cues = {}
        self.banks = {"Analyst %d" % (i + 1): bank for i, bank in enumerate(rng.sample(BANKS, 6))}
        self.lines = []

    # -- small helpers -----------------------------------------------------
    def good(self):
        return self.rng.random() < self.p_good

    def stamp(self):
        h, rest = divmod(self.clock, 3600)
        style = self.stamp_style if self.stamp_style != "mixed" else self.rng.choice(["[%s]", "(%s)"])
        return style % ("%02d:%02d:%02d" % (h, rest // 60, rest % 60))

    def turn(self, label, text, stamp=None):
        """Add one line; `stamp` True/False forces the timestamp on/off, None draws it."""
        if stamp is None:
            stamp = self.rng.random() < self.p_stamp
        self.lines.append(("%s " % self.stamp() if stamp else "") + ("%s: " % label if label else "") + text)
        self.clock += int(n_words(text) * 0.4) + self.rng.randint(1, 8)

    def speaker_label(self):
        return self.main_label if self.rng.random() < 0.6 else self.rng.choice(self.other_labels)

    def speak(self, sentence):
        """One sentence of the rated speaker, with the speaker's tics, fillers and the odd stage direction."""
        rng = self.rng
        if rng.random() < 0.05:
            sentence = rng.choice(self.sp["tics"]) + decap(sentence)
        sentence = add_fillers(rng, sentence, self.filler_rate)
        if rng.random() < 0.012:  # a few words lost
            words = sentence.split(" ")
            i = rng.randrange(1, len(words)) if len(words) > 2 else 1
            sentence = " ".join(words[:i] + ["[inaudible]"] + words[i + 2:])
        if rng.random() < 0.01:
            sentence += " (Laughter)"
        return sentence

    def speech(self, sentences):
        return " ".join(self.speak(s) for s in sentences)

    # -- sections ----------------------------------------------------------
    def opening(self, words, n_cues):
        """Neutral sentences up to `words`, with `n_cues` clarity cues at random positions."""
        sentences = [self.fill(self.intro.deal()) for _ in range(self.rng.randint(1, 2))]
        while sum(map(n_words, sentences)) < words:
            sentences.append(self.fill(self.neutral.deal("opening")))
        used_pair = False
        for _ in range(n_cues):
            good = self.good()
            if not good and not used_pair and self.rng.random() < 0.2:
                used_pair = True
                first, second = (self.fill(s) for s in self.rng.choice(CONTRADICTIONS))
                i = self.rng.randint(1, len(sentences) // 2)
                j = self.rng.randint(i + len(sentences) // 4, len(sentences))
                sentences.insert(j, second)
                sentences.insert(i, first)
            else:
                sentences.insert(self.rng.randint(1, len(sentences)), self.fill(self.open_cues[good].deal()))
        return sentences

    def exchange(self, asker_no):
        """One question and its neutral answer; cues are added later."""
        rng = self.rng
        kind, question = self.questions.deal()
        asker = weighted(rng, ASKERS[self.event])
        parts = [question]
        if rng.random() < 0.5:
            parts.insert(0, rng.choice(QUESTION_PREFACES[asker]))
        if asker == "Analyst":
            asker = "Analyst %d" % asker_no
        answer = [self.fill(self.neutral.deal("answer")) for _ in range(rng.randint(2, 6))]
        return {"asker": asker, "kind": kind, "question": self.fill(" ".join(parts)), "answer": answer,
                "opener": rng.choice(ANSWER_OPENERS) if rng.random() < 0.5 else None, "cues": []}

    def add_answer_cue(self, ex):
        """A responsiveness cue: a direct (or evasive) reply to this kind of question first, else a generic one."""
        good = self.good()
        if not ex["cues"] and self.rng.random() < 0.55:
            ex["answer"].insert(0, self.fill(self.answer_cue(good, ex["kind"])))
        else:
            ex["answer"].insert(self.rng.randint(0, len(ex["answer"])), self.fill(self.answer_cue(good, "any")))
        ex["cues"].append(good)

    def answer_cue(self, good, kind):
        if (good, kind) not in self.answer_cues:
            self.answer_cues[good, kind] = Deck(self.rng, (ANSWER_GOOD if good else ANSWER_BAD)[kind])
        return self.answer_cues[good, kind].deal()

    def build(self, target):
        """Return (text, share of the words in the opening section) for about `target` words."""
        rng = self.rng
        n_cues = max(6, round(target / WORDS_PER_CUE))
        n_open = n_cues // 2 + (n_cues % 2 and rng.random() < 0.5)
        credit_first = rng.random() < 0.6
        copyright_last = not credit_first or rng.random() < 0.4
        self.header(credit_first)
        start = len(self.lines)
        self.remarks(target, n_open)
        opening_words = sum(n_words(ln) for ln in self.lines[start:])
        self.lines += ["", rng.choice(QA_MARKERS), ""]
        qa_start = len(self.lines)
        self.questions_and_answers(target, n_cues - n_open)
        label, text = CLOSE[self.event]
        self.turn(label, self.fill(text))
        self.turn(self.speaker_label(), self.speech([self.fill(rng.choice(CLOSINGS))]))
        if self.event in ("town hall", "all-hands") and rng.random() < 0.7:
            self.lines.append("(Applause)")
        if copyright_last:
            self.lines += ["", self.fill(rng.choice(COPYRIGHTS))]
        self.ensure_noise(qa_start)
        text = "\n".join(self.lines)
        return text, opening_words / n_words(text)

    def header(self, credit_first):
        sp, event = self.sp, self.event
        if credit_first:
            self.lines.append(self.fill(self.rng.choice(CREDITS)))
        self.lines.append(self.fill(TITLES[event]))
        self.lines.append("Date: %d %s %s" % (self.rng.randint(1, 28), self.fill("{monthname}"), self.fill("{year}")))
        self.lines.append("Participants: %s, %s, %s; %s" % (sp["name"], sp["role"], sp["org"], AUDIENCE[event]))
        self.lines += ["", self.rng.choice(OPENING_MARKERS), ""]

    def remarks(self, target, n_cues):
        """The hand-over line and the rated speaker's opening remarks, in paragraphs of 3-7 sentences."""
        rng = self.rng
        label, text = INTROS[self.event]
        self.turn(label, self.fill(text), stamp=True)
        sentences = self.opening(target * rng.uniform(*OPENING_SHARE) - n_cues * 18, n_cues)
        first = True
        while sentences:
            k = rng.randint(3, 7)
            para, sentences = sentences[:k], sentences[k:]
            label = self.speaker_label() if first or rng.random() < 0.5 else None
            self.turn(label, self.speech(para), stamp=True if first else None)
            first = False
        if self.event in ("town hall", "all-hands") and rng.random() < 0.7:
            self.lines.append("(Applause)")

    def questions_and_answers(self, target, n_cues):
        """Exchanges until the transcript reaches about `target` words, then `n_cues` cues spread over them."""
        rng, event = self.rng, self.event
        exchanges, planned = [], sum(n_words(ln) for ln in self.lines) + 40
        while planned < target - n_cues * 14 or len(exchanges) < (n_cues + 1) // 2:
            ex = self.exchange(len(exchanges) % 6 + 1)
            exchanges.append(ex)
            planned += n_words(ex["question"]) + sum(map(n_words, ex["answer"])) + 12
        for _ in range(n_cues):
            self.add_answer_cue(rng.choice([ex for ex in exchanges if len(ex["cues"]) < 2]))
        label, text = QA_INTROS[event]
        self.turn(label, text)
        for ex in exchanges:
            if rng.random() < 0.5 and not ex["asker"].startswith("Moderator"):
                label, wordings = NEXT_QUESTION[event]
                wording = rng.choice(wordings).replace("{asker}", ex["asker"])
                self.turn(label, self.fill(wording.replace("{bank}", self.banks.get(ex["asker"], ""))))
            self.turn(ex["asker"], ex["question"])
            answer = self.speech(([ex["opener"]] if ex["opener"] else []) + ex["answer"])
            if rng.random() < 0.06:
                answer = "(crosstalk) " + answer
            self.turn(self.speaker_label(), answer)
            if ex["cues"] and rng.random() < 0.3:  # the asker reacts, mostly in line with the first cue
                satisfied = ex["cues"][0] if rng.random() < 0.9 else not ex["cues"][0]
                self.turn(ex["asker"], rng.choice(REACTIONS[satisfied]))

    def ensure_noise(self, qa_start):
        """Make sure every transcript has a stage direction and a filler for the cleaning step."""
        body = [i for i in range(qa_start, len(self.lines)) if ": " in self.lines[i]]
        if not any(STAGE_RE.search(self.lines[i]) for i in range(qa_start, len(self.lines))):
            self.lines[self.rng.choice(body)] += self.rng.choice([" (Laughter)", " [inaudible]", " (crosstalk)"])
        if not FILLER_RE.search("\n".join(self.lines)):
            i = self.rng.choice(body)
            head, rest = self.lines[i].split(": ", 1)
            self.lines[i] = head + ": Um, " + decap(rest)


# --------------------------------------------------------------------------
# Data set
# --------------------------------------------------------------------------
def generate(seed=SEED, n_transcripts=N_TRANSCRIPTS):
    """Return a list of `n_transcripts` row dicts (columns COLUMNS), in random speaker order."""
    rng = random.Random(seed)
    speakers = make_speakers(rng, n_transcripts)
    slots = [sp for sp in speakers for _ in range(sp["count"])]
    rng.shuffle(slots)
    rows = []
    for sp in slots:
        event = weighted(rng, EVENTS[sp["domain"]])
        quality = sp["base"] + rng.gauss(0.0, EVENT_SD)
        score = min(10, max(1, round(SCORE_CENTRE + SCORE_SCALE * quality)))
        year, month = rng.randint(2022, 2025), rng.randrange(12)
        while True:
            target = math.exp(rng.gauss(math.log(TARGET_WORDS[0]), TARGET_WORDS[1]))
            if not WORDS[0] + 100 <= target <= WORDS[1] - 350:
                continue
            text, opening_share = Transcript(rng, sp, event, quality, year, month).build(target)
            if WORDS[0] <= n_words(text) <= WORDS[1] and 0.30 <= opening_share <= 0.45:
                break
        rows.append({"id": "tr_%04d" % (len(rows) + 1), "group": sp["group"], "event": event, "text": text,
                     "score": score})
    for i in rng.sample(range(len(rows)), round(LABEL_NOISE * len(rows))):  # label noise: move by 2-3 points
        shift = rng.choice([2, 3]) * rng.choice([-1, 1])
        if not 1 <= rows[i]["score"] + shift <= 10:
            shift = -shift
        rows[i]["score"] = min(10, max(1, rows[i]["score"] + shift))
    for row in rows:
        row["label"] = band(row["score"])
    assert len({r["text"] for r in rows}) == len(rows), "duplicate transcript"
    return rows


def main(out_dir=None, seed=SEED, transcripts=N_TRANSCRIPTS):
    """Write transcripts/transcripts.parquet (`transcripts` rows) under `out_dir` (default: this folder)."""
    if transcripts != N_TRANSCRIPTS and not out_dir:
        raise ValueError("a set of %d transcripts needs an out_dir (assets/ keeps the committed %d)"
                         % (transcripts, N_TRANSCRIPTS))
    out_dir = os.path.join(out_dir or ASSETS_DIR, "transcripts")
    os.makedirs(out_dir, exist_ok=True)
    frame = pd.DataFrame(generate(seed, transcripts), columns=COLUMNS)
    path = os.path.join(out_dir, "transcripts.parquet")
    frame.to_parquet(path, index=False, compression="zstd")
    print("wrote %s (%d rows)" % (path, len(frame)))
    return path


# --------------------------------------------------------------------------
# Reference baselines (python -m assets.make_transcripts --measure)
# --------------------------------------------------------------------------
def first_words(text, k=400):
    return " ".join(text.split()[:k])


def measure(path=None, repeats=10):
    """Reference baselines on random vs speaker-grouped 70/15/15 splits, mean ± sd over `repeats` splits.

    TF-IDF (word 1-2-grams, min_df=2, sublinear tf) + logistic regression for the label (C in 1, 3, 10 picked
    by validation macro-F1) and ridge for the score (alpha in 0.3, 1, 3 picked by validation MAE), on the
    whole text and on its first 400 words; plus "speaker mean": no text at all, just the mean training score
    of the same speaker (the leak a random split allows).
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error, r2_score
    from sklearn.model_selection import GroupShuffleSplit, train_test_split
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # many small fits: extra BLAS threads only get in each other's way
    frame = pd.read_parquet(path or os.path.join(ASSETS_DIR, "transcripts", "transcripts.parquet"))
    y, score, groups = frame["label"].to_numpy(), frame["score"].to_numpy(), frame["group"].to_numpy()
    index = np.arange(len(frame))

    def split(kind, seed):
        if kind == "random":
            train, rest = train_test_split(index, test_size=0.3, stratify=y, random_state=seed)
            val, test = train_test_split(rest, test_size=0.5, stratify=y[rest], random_state=seed)
        else:
            train, rest = next(GroupShuffleSplit(1, test_size=0.3, random_state=seed).split(index, groups=groups))
            v, t = next(GroupShuffleSplit(1, test_size=0.5, random_state=seed).split(rest, groups=groups[rest]))
            val, test = rest[v], rest[t]
        return train, val, test

    def tfidf(texts, train, val, test):
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train, x_val, x_test = vec.fit_transform(texts[train]), vec.transform(texts[val]), vec.transform(texts[test])
        clf = max((LogisticRegression(C=c, max_iter=2000).fit(x_train, y[train]) for c in (1, 3, 10)),
                  key=lambda m: f1_score(y[val], m.predict(x_val), average="macro"))
        reg = min((Ridge(alpha=a).fit(x_train, score[train]) for a in (0.3, 1, 3)),
                  key=lambda m: mean_absolute_error(score[val], m.predict(x_val)))
        return clf.predict(x_test), reg.predict(x_test)

    def speaker_mean(train, test):
        means = pd.Series(score[train]).groupby(groups[train]).mean()
        pred = np.array([means.get(g, score[train].mean()) for g in groups[test]])
        return np.array([band(min(10, max(1, round(p)))) for p in pred]), pred

    counts = frame["label"].value_counts()
    print("rows %d, speakers %d, labels %s, majority-class accuracy %.3f"
          % (len(frame), frame["group"].nunique(), {k: int(v) for k, v in counts.items()}, counts.max() / len(frame)))
    print("%-13s %-8s %-13s %-13s %-13s %-13s" % ("input", "split", "accuracy", "macro-F1", "MAE", "R2"))
    whole, first = frame["text"].to_numpy(), frame["text"].map(first_words).to_numpy()
    settings = [("whole text", "random"), ("whole text", "grouped"), ("first 400", "random"),
                ("first 400", "grouped"), ("speaker mean", "random")]
    results = {}
    for view, kind in settings:
        runs = []
        for seed in range(repeats):
            train, val, test = split(kind, seed)
            if view == "speaker mean":
                pred, spred = speaker_mean(train, test)
            else:
                pred, spred = tfidf(whole if view == "whole text" else first, train, val, test)
            runs.append((accuracy_score(y[test], pred), f1_score(y[test], pred, average="macro"),
                         mean_absolute_error(score[test], spred), r2_score(score[test], spred)))
        runs = np.array(runs)
        results[view, kind] = runs.mean(axis=0)
        print("%-13s %-8s " % (view, kind) + " ".join("%.3f ± %.3f" % ms for ms in zip(runs.mean(0), runs.std(0))))
    return results


if __name__ == "__main__":
    parser = command_line(__doc__, SEED, "folder that gets transcripts/ (default: assets/)")
    parser.add_argument("--measure", action="store_true",
                        help="fit the TF-IDF baselines on the written file instead of writing it (needs scikit-learn)")
    parser.add_argument("--repeats", type=int, default=10, help="splits per setting for --measure")
    parser.add_argument("--transcripts", type=int, default=N_TRANSCRIPTS,
                        help="number of transcripts, speakers in proportion (default %(default)s, the committed "
                             "set); for a larger scale-test set use --out-dir too, so assets/ is not overwritten")
    args = parser.parse_args()
    if args.measure:
        measure(os.path.join(args.out_dir or ASSETS_DIR, "transcripts", "transcripts.parquet"), args.repeats)
    else:
        main(args.out_dir, args.seed, args.transcripts)
