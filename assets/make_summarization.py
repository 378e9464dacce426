"""Generate the two synthetic summarization data sets in ``assets/dialogues/`` and ``assets/documents/``.

How: every text is put together from hand-written English parts, filled with
invented slot values, and ``random.Random(seed)`` drives every choice, so the
output is byte-identical on every run. All sentences were written for this
project; nothing is copied from a corpus.

* dialogues/ (columns ``id,dialogue,summary,topic``, like DialogSum): a short
  conversation between two or three speakers, one turn per line as
  ``#Person1#: ...``. Each of the 12 topics (booking a table, returning an
  item, ...) has a builder that draws its slots (items, days, times, prices,
  reasons, outcomes) and writes the substance as dialogue acts with several
  wordings each: the request comes early, the details in the middle and the
  outcome near the end. Small talk (greetings, weather, the weekend), filler
  details the summary leaves out, sometimes a third speaker, and thanks/bye
  are wrapped around it. Speakers are numbered in the order they first speak,
  so the person who wants something is #Person1# in about two thirds of them. The
  reference summary is one of a few fixed templates per topic and outcome:
  1-2 third-person sentences, "#Person1# wants ... #Person2# ... and
  #Person1# accepts.", with no personal names.
* documents/ (columns ``id,document,summary``): a one-paragraph local news
  item of 5-9 sentences about one of 10 kinds of event (a council decision, a
  new factory, a school prize, a storm, ...). The first sentence only sets the
  scene; the event and its key number come later, mixed with filler
  (residents' quotes, background, side numbers) that the one-sentence summary
  leaves out. So lead-1 / lead-3 baselines get partial credit only.

Why: the labs need small summarization sets that ship with the repo (no
downloads, no licence questions), that a tiny seq2seq model can learn in
minutes (consistent summary style per topic), and where copying the start of
the input is a visibly weak baseline. Validation/test draw from the same
slot pools as train but with their own seeds; no dialogue or document text
occurs twice anywhere (asserted).

Run from the repository root:  python -m assets.make_summarization  (or python assets/make_summarization.py)
"""

import os
import random
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import (ASSETS_DIR, MONTHS, WEEKDAYS, cap, command_line, distinct, n_sentences, n_words,
                                      write_csv_splits)

SEED = 2026
SPLITS = (("train", 300), ("validation", 50), ("test", 50))
DIALOGUE_WORDS, DIALOGUE_TURNS, DIALOGUE_SUMMARY_WORDS = (60, 200), (6, 14), (12, 40)
DOCUMENT_WORDS, DOCUMENT_SENTENCES, DOCUMENT_SUMMARY_WORDS = (90, 220), (5, 9), (15, 35)


def pick(rng, options, **slots):
    """One of the '|'-separated wordings in `options`, with its {slots} filled."""
    return rng.choice(options.split("|")).format(**slots)


# --------------------------------------------------------------------------
# Shared slot pools (all invented)
# --------------------------------------------------------------------------
FIRST = ("Mara Tobias Ines Rafael Juno Callum Priya Dmitri Elodie Kwame Lucan Noor Freya Yara Oskar Idris "
         "Lena Corwin Amara Ezra Hana Liora Maren Jonah Silas Wren Agnes Kenji Talia Hugo Nadia Ravi").split()
LAST = ("Quill Ashgrove Varga Okafor Bellweather Castellan Drummond Ferrante Halloran Kestrel Moreau "
        "Pellegrini Radcliffe Thackeray Underhill Whitlock Yarrow Zeller Brandt Corvino Gallow Larkspur").split()
NUMBERS = "one two three four five six seven eight nine ten".split()
DAY_TIMES = ["9 am", "9:30 am", "10:15 am", "11 am", "11:45 am", "2 pm", "2:30 pm", "3:15 pm", "4 pm", "4:45 pm"]
EVENING_TIMES = ["6 pm", "6:30 pm", "7 pm", "7:30 pm", "8 pm", "8:30 pm", "9 pm"]
TOWN_HEADS = "Brackle Dunmere Hollin Wendle Fallow Carrow Teal Orm Skel Yarn Pell Quarry Larch Tansy Mossy Ember".split()
TOWN_TAILS = "ford bury wick mouth field stead by hurst minster combe".split()
STREETS = ["Alder Street", "Copper Lane", "Marsh Road", "Willow Crescent", "Station Road", "Kiln Lane",
           "Orchard Way", "Bell Street", "Heron Road", "Tanner's Row"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def town(rng):
    return rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS)


def towns(rng, k):
    return distinct(lambda: town(rng), k)


# --------------------------------------------------------------------------
# Dialogues: one builder per topic. `say(role, wordings)` adds a turn for the
# customer/initiator "C", the other side "A"; the builder returns the summary
# with the literal markers {C} and {A}, replaced by #PersonN# afterwards.
# --------------------------------------------------------------------------
def booking(rng, s, say):
    i, j = sorted(rng.sample(range(len(EVENING_TIMES)), 2))
    day, day2 = rng.sample(WEEKDAYS, 2)
    s.update(n=rng.choice(NUMBERS[1:8]), day=day, day2=day2, time=EVENING_TIMES[i], time2=EVENING_TIMES[j],
             seat=rng.choice(["by the window", "outside on the terrace", "in a quiet corner", "near the fireplace",
                              "away from the kitchen"]), name=rng.choice(LAST),
             rel=rng.choice(["mother", "husband", "best friend", "daughter", "boss", "grandfather"]))
    say("C", "I'd like to book a table for {n} on {day} evening, please.|Could I reserve a table for {n} people "
             "this {day}?|I'm hoping to get a table for {n} on {day}. Do you have anything?|We'd like to come "
             "for dinner on {day}, {n} of us. Is that possible?")
    say("A", "Of course. What time were you thinking of?|Let me have a look. For what time?|Sure, what time "
             "would suit you?")
    say("C", "Around {time}, if you can.|{time} would be perfect.|Ideally {time}.")
    if rng.random() < 0.5:
        say("A", "Is it a special occasion?|Are you celebrating anything?")
        say("C", "Yes, it's my {rel}'s birthday.|Sort of, my {rel} has just got a new job.")
    outcome = rng.choice(["ok", "time", "day"])
    if outcome == "ok":
        say("A", "Good news, {time} on {day} is free.|Yes, we can do {time} on {day}.|That's fine, I have a "
                 "table at {time}.")
    elif outcome == "time":
        say("A", "I'm sorry, {time} is fully booked. I could offer you {time2} instead.|Unfortunately we're full "
                 "at {time}. Would {time2} work?")
        say("C", "{time2} is fine, we'll take it.|That's a bit late, but okay, {time2} it is.")
    else:
        say("A", "I'm afraid we're fully booked all {day} evening. Would {day2} work?|{day} is completely full, "
                 "I'm sorry. I do have space on {day2}.")
        say("C", "Yes, {day2} at {time} would be fine.|Then let's make it {day2}, same time.")
    say("C", "Could we have a table {seat}?|One more thing: could we sit {seat}?|If possible, we'd love to sit {seat}.")
    say("A", "I'll put a note on the booking. Can I take a name?|No problem, I've noted it. What name is it under?")
    say("C", "{name}. That's all, I think.|It's under {name}.")
    return rng.choice({
        "ok": ["{C} books a table for {n} at {time} on {day} and asks to sit {seat}. {A} confirms the booking.",
               "{C} calls to reserve a table for {n} people on {day} at {time}. {A} confirms and notes that {C} "
               "wants a table {seat}."],
        "time": ["{C} wants a table for {n} at {time} on {day}, but that time is fully booked. {C} accepts {time2} "
                 "instead and asks to sit {seat}."],
        "day": ["{C} wants to book a table for {n} on {day}, but the restaurant is full that evening. {C} books "
                "{day2} at {time} instead and asks for a table {seat}."]}[outcome]).format(**s)


def returning(rng, s, say):
    colour = rng.choice(["blue", "black", "grey", "green", "red", "white", "brown", "navy"])
    if rng.random() < 0.5:
        thing = rng.choice(["jacket", "jumper", "hoodie", "skirt", "coat", "shirt", "dress"])
        reason = rng.choice(["is too small", "is too big", "has a torn seam", "does not fit well"])
        fix = {"is too small": "a bigger size", "is too big": "a smaller size"}.get(reason, "a new one")
    else:
        thing = rng.choice(["kettle", "toaster", "desk lamp", "blender", "hair dryer", "radio"])
        reason = rng.choice(["stopped working after two days", "does not switch on", "makes a strange noise",
                             "has a cracked case"])
        fix = "a new one"
    s.update(item=colour + " " + thing, reason=reason, fix=fix, price=rng.randrange(18, 130),
             when=rng.choice(["last Saturday", "on Monday", "a week ago", "three days ago", "at the weekend"]),
             days=rng.choice(["three", "five", "seven"]))
    say("C", "I'd like to return this {item}, please.|I bought this {item} here {when} and I want to bring it "
             "back.|Can I return something? It's this {item}.")
    say("A", "Of course. What's wrong with it?|Sure. Is there a problem with it?|No problem. May I ask why?")
    say("C", "It {reason}.|Well, it {reason}, unfortunately.|The thing is, it {reason}.")
    if rng.random() < 0.5:
        say("A", "Was it a present?")
        say("C", "No, I bought it for myself.|Yes, for my brother, but he doesn't want it now.")
    say("A", "Do you have the receipt?|Have you got your receipt with you?")
    outcome = rng.choice(["exchange", "refund", "credit"])
    if outcome == "credit":
        say("C", "I'm afraid I lost it.|No, I think I threw it away, sorry.")
        say("A", "Without a receipt I can only offer store credit.|I'm sorry, without a receipt it has to be "
                 "store credit.")
        say("C", "Okay, store credit is fine.|Fair enough, I'll take the credit.")
    else:
        say("C", "Yes, here it is. I paid ${price}.|Here you go. It was ${price}.")
        say("A", "I can swap it for {fix}, or give you a refund.|We can exchange it for {fix} or refund you.")
        if outcome == "exchange":
            say("C", "An exchange would be great, thanks.|I'll take the exchange, please.")
        else:
            say("C", "I'd rather have my money back.|Just a refund, please.")
            say("A", "Fine, the ${price} will be back on your card within {days} days.")
    return rng.choice({
        "exchange": ["{C} wants to return a {item} because it {reason}. {A} offers an exchange for {fix} and {C} "
                     "accepts.", "{C} brings back a {item} that {reason}. {C} chooses to exchange it for {fix}."],
        "refund": ["{C} wants to return a {item} because it {reason}. {C} asks for a refund, and {A} puts the "
                   "${price} back on the card.", "{C} brings back a {item} that {reason} and gets a refund of "
                   "${price}."],
        "credit": ["{C} wants to return a {item} because it {reason}. Without a receipt {A} can only "
                   "offer store credit, which {C} accepts."]}[outcome]).format(**s)


def doctor(rng, s, say):
    s.update(symptom=rng.choice(["a sore throat", "back pain", "an itchy rash", "bad headaches", "a painful knee",
                                 "a cough that won't go away", "earache", "trouble sleeping", "a high temperature"]),
             duration=rng.choice(["three days", "a week", "two weeks", "ten days", "a month"]),
             day=rng.choice(WEEKDAYS[:5]), time=rng.choice(DAY_TIMES), doc=rng.choice(LAST), name=person(rng))
    say("C", "I'd like to make an appointment with a doctor, please.|I'm calling to see a doctor as soon as "
             "possible.|Could I book an appointment with Dr {doc}?")
    if rng.random() < 0.5:
        say("A", "Of course. Can I have your name and date of birth?|Certainly. Are you registered with us?")
        say("C", "Yes, it's {name}. I registered last year.|It's {name}. I've been a "
                 "patient here for years.|{name}, and yes, I'm registered.")
    say("A", "And what seems to be the problem?|What is the appointment for?")
    say("C", "I've had {symptom} for {duration}.|It's {symptom}. It started {duration} ago and it's getting "
             "worse.")
    if rng.random() < 0.6:
        question, answer = rng.choice([("Have you taken anything for it?", "Just some painkillers, but they "
                                        "don't help much.|Only a hot drink and an early night."),
                                       ("Is it getting any better?", "Not really, that's why I'm calling.|A "
                                        "little, but it keeps coming back.")])
        say("A", question)
        say("C", answer)
    outcome = rng.choice(["slot", "slot", "today"])
    if outcome == "slot":
        say("A", "The first free slot is {day} at {time}.|Dr {doc} can see you on {day} at {time}.|I have "
                 "{day} at {time}, would that suit you?")
        say("C", "That's fine, I'll take it.|Perfect, please book me in.|{day} at {time} works for me.")
    else:
        say("A", "Since it has lasted {duration}, the doctor would like to see you today. Can you come at "
                 "{time}?|The doctor wants to see that today. Could you be here at {time}?")
        say("C", "Yes, I can be there at {time}.|Of course, I'll come at {time}.")
    if rng.random() < 0.5:
        say("A", "Please arrive ten minutes early.|Remember to bring your list of medicines.")
    return rng.choice({
        "slot": ["{C} calls to see a doctor about {symptom} that has lasted {duration}. {A} books {C} in for "
                 "{day} at {time}.", "{C} has had {symptom} for {duration} and makes a doctor's appointment. "
                 "{C} accepts the slot on {day} at {time}."],
        "today": ["{C} has had {symptom} for {duration} and wants to see a doctor. {A} asks {C} to come in "
                  "today at {time}, and {C} agrees."]}[outcome]).format(**s)


def interview(rng, s, say):
    s.update(position=rng.choice(["sales assistant", "junior accountant", "web developer", "chef", "receptionist",
                                  "warehouse supervisor", "graphic designer", "bank clerk", "delivery driver"]),
             years=rng.choice(NUMBERS[1:8]), day=rng.choice(WEEKDAYS[:5]), time=rng.choice(DAY_TIMES),
             prev=rng.choice(["a hotel", "a bookshop", "a software company", "a supermarket", "a bank",
                              "a design studio", "a logistics firm", "a restaurant"]),
             strength=rng.choice(["working under pressure", "dealing with customers", "organising busy schedules",
                                  "solving problems quickly", "leading small teams"]),
             start=rng.choice(["1 " + m for m in MONTHS]), name=person(rng))
    say("A", "So, you've applied for the {position} job. Why do you want it?|Let's start. Why are you interested "
             "in the position of {position}?|I'm {name}, I manage the team. What attracted you to the {position} "
             "role?")
    say("C", "I'm looking for a new challenge, and your company has a great reputation.|I've wanted to work here "
             "for a long time, and the role fits my experience.")
    say("A", "Tell me about your experience.|What have you been doing until now?")
    say("C", "I've worked at {prev} for {years} years, doing similar work.|I spent the last {years} years at "
             "{prev}.")
    outcome = rng.choice(["second", "offer", "wait"])
    if outcome == "wait" or rng.random() < 0.5:
        say("A", "What would you say is your main strength?|What are you best at?")
        say("C", "I'm good at {strength}.|Probably {strength}. My last manager said so too.")
    if rng.random() < 0.4:
        say("A", "Do you have any questions for us?")
        question, answer = rng.choice([("Yes, what are the working hours?", "Nine to five, with one late "
                                        "shift a week.|Mostly daytime, with the odd weekend."),
                                       ("Is there any training for new staff?", "Yes, everyone does two weeks of "
                                        "training first.|Of course, you'd shadow a colleague for a month.")])
        say("C", question)
        say("A", answer)
    if outcome == "second":
        say("A", "Thank you. We'd like to invite you to a second interview on {day} at {time}.|Good. Could you "
                 "come back for a second interview on {day} at {time}?")
        say("C", "Thank you, I'll be there.|Of course, {day} is fine.")
    elif outcome == "offer":
        say("A", "To be honest, we've heard enough. We'd like to offer you the job, starting on {start}.|I'll "
                 "be direct: the job is yours if you want it. You could start on {start}.")
        say("C", "That's wonderful, I accept!|Really? Yes, I'd be delighted to accept.")
    else:
        say("A", "We have a few more candidates to see. We'll let you know by {day}.|Thank you. We'll make a "
                 "decision and call you by {day}.")
        say("C", "Thank you, I look forward to hearing from you.|That's fine, thank you.")
    return rng.choice({
        "second": ["{C} has an interview with {A} for a job as a {position}. {C} has worked at {prev} for {years} "
                   "years, and {A} invites {C} to a second interview on {day}."],
        "offer": ["{C} is interviewed for a {position} position and talks about {years} years of work at {prev}. "
                  "{A} offers {C} the job starting on {start}, and {C} accepts."],
        "wait": ["{A} interviews {C} for the {position} job. {C} has worked at {prev} for {years} years and is "
                 "good at {strength}. {A} will give an answer by {day}."]}[outcome]).format(**s)


def renting(rng, s, say):
    kind = rng.choice(["studio", "one-bedroom flat", "two-bedroom flat", "three-bedroom flat"])
    rent = rng.randrange(600, 1700, 50)
    s.update(kind=kind, rent=rent, rent2=rent - rng.choice([50, 100, 150]),
             alt="room in a shared flat" if kind == "studio" else "studio", rent3=rng.randrange(400, 580, 20),
             area=rng.choice(["near the station", "in the old town", "by the river", "close to the university",
                              "on " + rng.choice(STREETS)]), day=rng.choice(WEEKDAYS), time=rng.choice(DAY_TIMES),
             bills=rng.choice(["plus bills", "bills included", "including water but not electricity"]))
    say("C", "I'm calling about the {kind} {area} that I saw advertised.|Is the {kind} {area} still available?|"
             "I saw your advert for a {kind} {area}. Can you tell me more?")
    say("A", "Yes, it's still available.|Ah yes, that one was only listed yesterday.|Yes, and there's a lot "
             "of interest in it.")
    say("C", "How much is the rent?|What's the monthly rent?")
    say("A", "It's ${rent} a month, {bills}.|${rent} a month, {bills}, and a deposit of one month's rent.")
    if rng.random() < 0.6:
        question, answer = rng.choice([("Are pets allowed? I have a cat.", "Small pets are fine.|The landlord "
                                        "is quite relaxed about cats."),
                                       ("Is there anywhere to leave a bike?", "There's a shed in the yard you can "
                                        "use.|You can keep it in the hallway.")])
        say("C", question)
        say("A", answer)
    outcome = rng.choice(["view", "lower", "other"])
    if outcome == "view":
        say("C", "Could I come and see it?|I'd like to have a look at it.")
        say("A", "How about {day} at {time}?|I can show you round on {day} at {time}.")
        say("C", "{day} at {time} is perfect.|Great, see you then.")
    elif outcome == "lower":
        say("C", "That's a bit above my budget. Is there any flexibility?|Could the rent come down at all?")
        say("A", "If you sign for a year, I can do ${rent2}.|For a twelve-month contract I could accept ${rent2}.")
        say("C", "Deal, let's arrange the paperwork.|That works for me. I'll take it.")
    else:
        say("C", "That's more than I can afford, I'm afraid.|Hmm, that's too expensive for me.")
        say("A", "I understand. I also have a {alt} for ${rent3} if you're interested.")
        say("C", "Yes, could I see that one on {day}?|That sounds better. Can I view it on {day}?")
    return rng.choice({
        "view": ["{C} is interested in renting a {kind} {area} for ${rent} a month. {C} arranges to view it on "
                 "{day} at {time}.", "{C} calls {A} about a {kind} {area} that costs ${rent} a month, and they "
                 "agree on a viewing on {day} at {time}."],
        "lower": ["{C} asks {A} about a {kind} {area}. The rent is ${rent} a month, but {A} lowers it to ${rent2} "
                  "for a one-year contract and {C} agrees."],
        "other": ["{C} calls about a {kind} {area}, but ${rent} a month is too much. {A} suggests a {alt} for "
                  "${rent3}, and {C} will see it on {day}."]}[outcome]).format(**s)


def trip(rng, s, say):
    booker = rng.choice(["C", "A"])
    s.update(dest=rng.choice(["the coast", "the mountains", "the lakes"] + [town(rng) for _ in range(3)]),
             month=rng.choice(MONTHS), duration=rng.choice(["three days", "four days", "five days", "a week"]),
             transport=rng.choice(["train", "car", "coach"]), booker="{" + booker + "}",
             lodging=rng.choice(["campsite", "small hotel", "cabin", "youth hostel", "cottage"]),
             budget=rng.randrange(200, 700, 50))
    if rng.random() < 0.5:
        say("C", "I was thinking we could go away somewhere in {month}.|We really need a holiday. What about "
                 "going away in {month}?")
        say("A", "Sounds great! Where were you thinking?|Good idea. Where to?")
        say("C", "{dest}, for about {duration}.|Maybe {dest}? I thought about {duration}.")
    else:
        say("C", "What do you think about a trip to {dest} in {month}?|How about {dest} in {month}?")
        say("A", "I'd love that. For how long?|Sounds great! How long for?")
        say("C", "About {duration}.|I thought about {duration}.")
    if rng.random() < 0.6:
        say("A", "How much do you want to spend?|What's our budget?")
        say("C", "I can spend about ${budget}.|No more than ${budget} each, I think.")
    if rng.random() < 0.5:
        say("A", "Should we take the car?|How would we get there, drive?")
        say("C", "Yes, the car is easiest.|Sure, I'm happy to drive." if s["transport"] == "car" else
            "I'd rather take the {transport}, it's more relaxing.|The {transport} is easier, let's do that.")
    else:
        say("C", "How should we get there?|Train or car, what do you think?")
        say("A", "Let's go by {transport}.|The {transport}, definitely.")
    say("A", "And where would we stay?|What about a place to stay?")
    say("C", "There's a nice {lodging} there.|How about a {lodging}? They're not too expensive.")
    if rng.random() < 0.5:
        say("A", "My cousin stayed there last year and loved it.|Perfect, I've always wanted to try one.")
    say(booker, "Fine, I'll book the {lodging} tonight.|Leave the booking to me, I'll do it this evening.")
    return rng.choice([
        "{C} suggests a trip to {dest} in {month} for {duration}. {C} and {A} decide to go by {transport} and "
        "stay at a {lodging}, and {booker} will book it.",
        "{C} and {A} plan to spend {duration} in {dest} in {month}. They will travel by {transport} and stay at "
        "a {lodging}, which {booker} will book."]).format(**s)


def library(rng, s, say):
    s.update(subject=rng.choice(["local history", "gardening", "Italian cooking", "astronomy", "birdwatching",
                                 "learning Spanish", "woodwork", "keeping bees", "knitting"]),
             weeks=rng.choice(["two", "three", "four"]), day=rng.choice(WEEKDAYS[:6]),
             branch=rng.choice(["North Street", "Riverside", "Market Square", "Hillcrest"]),
             n=rng.choice(["two", "three", "four"]))
    say("C", "I'm looking for a book about {subject}.|Do you have any books on {subject}?|Could you help me "
             "find something about {subject}?")
    say("A", "Let me check the catalogue.|One moment, I'll look it up.|Sure, let me search for you.")
    if rng.random() < 0.6:
        question, answer = rng.choice([("It's for a course I've just started.", "That sounds interesting.|Good "
                                        "luck with the course."),
                                       ("My neighbour recommended one, but I forgot the title.", "Don't worry, we "
                                        "get a lot of requests on that subject.")])
        say("C", question)
        say("A", answer)
    outcome = rng.choice(["borrow", "reserve", "branch"])
    if outcome == "borrow":
        say("A", "Yes, there's a copy on the second floor.|Good news, one copy is on the shelf.")
        say("C", "Great. How long can I keep it?")
        say("A", "You can borrow it for {weeks} weeks.|The loan period is {weeks} weeks.")
    elif outcome == "reserve":
        say("A", "Both copies are on loan until {day}.|I'm afraid it's out until {day}.")
        say("C", "Oh no. Can I reserve it?|Could you keep it for me when it comes back?")
        say("A", "Yes, I've reserved it for you. We'll send you a message.|Done, it's on hold for you.")
    else:
        say("A", "Our copy is at the {branch} branch. I can have it sent here in {n} days.|The only copy is at "
                 "{branch}, but we can bring it here within {n} days.")
        say("C", "Please do.|Yes, please order it for me.")
    say("A", "Do you have your library card?|Can I see your library card?")
    say("C", "Yes, here it is.|Here you are.|I think so... yes, here.")
    return rng.choice({
        "borrow": ["{C} wants to borrow a book about {subject}. {A} finds a copy, which {C} can keep for {weeks} "
                   "weeks.", "{C} asks for a book about {subject} and borrows a copy for {weeks} weeks."],
        "reserve": ["{C} asks for a book about {subject}, but all copies are on loan until {day}. {A} reserves "
                    "one for {C}."],
        "branch": ["{C} is looking for a book about {subject}. The copy is at the {branch} branch, so {A} orders "
                   "it and it will arrive in {n} days."]}[outcome]).format(**s)


LAPTOP_FAULTS = [  # (problem, cause, part)
    ("won't turn on", "the battery is worn out", "the battery"),
    ("won't turn on", "liquid got into the motherboard", "the motherboard"),
    ("keeps switching itself off", "a fan is blocked with dust", "the fan"),
    ("has a flickering screen", "the screen cable is damaged", "the screen cable"),
    ("is extremely slow", "the hard drive is failing", "the hard drive"),
    ("has a keyboard that stopped working", "coffee was spilled on the keyboard", "the keyboard"),
    ("won't charge", "the charging port is loose", "the charging port")]


def laptop(rng, s, say):
    problem, cause, part = rng.choice(LAPTOP_FAULTS)
    s.update(problem=problem, cause=cause, part=part, cost=rng.randrange(40, 260, 5),
             days=rng.choice(["two", "three", "four", "five"]),
             since=rng.choice(["yesterday", "last week", "Monday", "the weekend"]))
    say("C", "My laptop {problem}. Can you fix it?|I need some help. My laptop {problem}.|Could you look at "
             "my laptop? It {problem}.")
    say("A", "How long has it been like that?|When did it start?")
    say("C", "Since {since}. I use it for work, so it's urgent.|Since {since}. It's only two years old.")
    say("A", "Let me open it up and have a look.|Give me a minute to check it.")
    if rng.random() < 0.5:
        say("C", "Will I lose my photos?|Are my files safe?")
        say("A", "They should be fine, the data is usually safe.|I'll back everything up first.")
    say("A", "I see the problem: {cause}.|Right, {cause}.|Here's the issue, {cause}.")
    say("C", "Can you fix it? How much would it be?|Is it worth repairing?")
    say("A", "Replacing {part} costs ${cost}, and it'll be ready in {days} days.|It's ${cost} for {part}, "
             "ready in {days} days.")
    outcome = rng.choice(["fix", "fix", "new"])
    if outcome == "fix":
        say("C", "Okay, go ahead.|Fine, please do it.|That's fair, let's do it.")
    else:
        say("C", "That's almost the price of a new one. I think I'll buy a new laptop instead.|For that money "
                 "I'd rather get a new laptop.")
    return rng.choice({
        "fix": ["{C}'s laptop {problem} because {cause}. {A} can replace {part} for ${cost} within {days} days, "
                "and {C} agrees.", "{C} brings in a laptop that {problem}. {A} finds that {cause} and will "
                "replace {part} for ${cost} in {days} days."],
        "new": ["{C} brings in a laptop that {problem}. {A} says {cause} and quotes ${cost} for {part}, so {C} "
                "decides to buy a new laptop instead."]}[outcome]).format(**s)


DISHES = [("pepperoni pizza", "pepperoni pizzas"), ("vegetable curry", "vegetable curries"),
          ("chicken noodle box", "chicken noodle boxes"), ("mushroom risotto", "mushroom risottos"),
          ("lamb burger", "lamb burgers"), ("falafel wrap", "falafel wraps"), ("beef stew", "beef stews")]


def food(rng, s, say):
    qty = rng.choice(["one", "two", "three"])
    (d1, p1), (d2, p2) = rng.sample(DISHES, 2)
    s.update(qty=qty, dish=d1 if qty == "one" else p1, dish2=d2 if qty == "one" else p2,
             side=rng.choice(["garlic bread", "a large salad", "chips", "a bottle of lemonade", "onion rings"]),
             mins=rng.choice([20, 25, 30, 35, 40, 45]), price=rng.randrange(15, 60),
             address="{} {}".format(rng.randrange(2, 90), rng.choice(STREETS)))
    say("C", "I'd like to order some food for delivery, please.|Are you delivering at the moment?|I'd like to "
             "place an order.")
    say("A", "Yes, we are. What would you like?|Sure, what can I get you?")
    side_first = rng.random() < 0.5
    if side_first:
        say("C", "{qty} {dish} and {side}, please.|Can I get {qty} {dish}, and {side}?")
    else:
        say("C", "{qty} {dish}, please.|Can I get {qty} {dish}?")
    outcome = rng.choice(["ok", "ok", "swap", "collect"])
    if outcome == "swap":
        say("A", "I'm sorry, we've just run out of those. Could I offer you {dish2} instead?")
        say("C", "Okay, {dish2} then.|Fine, make it {dish2}.")
    if not side_first:
        say("A", "Anything else? Something to drink?|Would you like anything on the side?")
        say("C", "And {side}.|Yes, {side}, please.")
    if rng.random() < 0.4:
        say("A", "Will you pay by card or cash?")
        say("C", "Card, please.|Cash, I think.")
    if outcome == "collect":
        say("A", "We're short of drivers tonight, so delivery would take over an hour. Could you collect it?")
        say("C", "Fine, I'll pick it up in {mins} minutes.|No problem, I'll come by in {mins} minutes.")
        say("A", "Great. That comes to ${price}.")
    else:
        say("A", "What's the address?")
        say("C", "{address}.|It's {address}.")
        say("A", "That comes to ${price}. It should be with you in about {mins} minutes.|That's ${price} "
                 "altogether, delivered in around {mins} minutes.")
    return rng.choice({
        "ok": ["{C} orders {qty} {dish} and {side} for delivery. The total is ${price}, and {A} says it will "
               "arrive in about {mins} minutes."],
        "swap": ["{C} wants to order {qty} {dish}, but they have run out, so {C} takes {dish2} and {side} "
                 "instead, for ${price}."],
        "collect": ["{C} orders {qty} {dish} and {side}. There are not enough drivers, so {C} agrees to collect "
                    "the food in {mins} minutes and pay ${price}."]}[outcome]).format(**s)


REASONS = [("I've got a dentist appointment that I can't move", "a dentist appointment"),
           ("there's a train strike and I won't get in", "a train strike"),
           ("it clashes with another meeting", "a clash with another meeting"),
           ("my son is ill and I have to stay at home", "a sick child"),
           ("I have to wait at home for a delivery", "a delivery at home"),
           ("I'm giving a talk at a conference that day", "a conference talk")]


def meeting(rng, s, say):
    day, day2, day3 = rng.sample(WEEKDAYS[:5], 3)
    said, reason = rng.choice(REASONS)
    s.update(meeting=rng.choice(["the budget meeting", "the project review", "the weekly catch-up",
                                 "the client presentation", "the training session", "the planning meeting"]),
             day=day, day2=day2, day3=day3, time=rng.choice(DAY_TIMES), time2=rng.choice(DAY_TIMES), said=said,
             reason=reason, name=rng.choice(FIRST))
    say("C", "It's about {meeting} on {day}.|I need to talk to you about {meeting} on {day} at {time}.|"
             "I have a problem with {meeting} on {day}.")
    say("A", "Oh? What's the problem?|Okay, is something wrong?")
    say("C", "I can't make it, {said}.|I'm afraid {said}.")
    say("C", "Could we move it to {day2}?|Would {day2} work instead?")
    outcome = rng.choice(["ok", "other"])
    if outcome == "ok":
        say("A", "{day2} is fine. Shall we say {time2}?|No problem. {day2} at {time2}?")
        say("C", "{time2} is perfect.|Yes, that works.")
        s["new"] = day2
    else:
        say("A", "I'm away on {day2}. What about {day3} at {time2}?|{day2} is impossible for me. {day3} at "
                 "{time2}?")
        say("C", "Yes, {day3} works.|Fine, {day3} it is.")
        s["new"] = day3
    say("A", "I'll let {name} and the rest of the team know.|I'll update the calendar invite.|I'll book the "
             "big meeting room again.")
    return rng.choice({
        "ok": ["{C} can't attend {meeting} on {day} because of {reason}. {C} and {A} agree to move it to {new} "
               "at {time2}.", "{C} asks {A} to move {meeting} from {day} to {new} because of {reason}, and they "
               "settle on {time2}."],
        "other": ["{C} asks {A} to move {meeting} from {day} because of {reason}. {A} is busy on {day2}, so they "
                  "settle on {day3} at {time2}."]}[outcome]).format(**s)


def ticket(rng, s, say):
    times = ["7:45 am", "8:20 am", "9:15 am", "10:40 am", "12:05 pm", "1:30 pm", "3:10 pm", "5:50 pm"]
    i, j = sorted(rng.sample(range(len(times)), 2))
    s.update(dest=town(rng), kind=rng.choice(["single", "return"]), time=times[i], time2=times[j],
             day=rng.choice(["today", "tomorrow", "on Friday", "on Saturday", "on Monday"]),
             card=rng.choice(["student card", "senior railcard", "family railcard"]),
             price=rng.randrange(9, 90), platform=rng.randrange(1, 10))
    say("C", "A {kind} to {dest}, please.|I'd like a {kind} ticket to {dest}.|How much is a {kind} ticket to "
             "{dest}?")
    say("A", "When are you travelling?|For which day?")
    say("C", "{day}, in the morning if possible.|{day}. The earlier the better.")
    say("A", "There's a train at {time}.|The next one is the {time}.")
    discount = rng.random() < 0.5
    if discount:
        say("A", "Do you have a railcard or any discount card?")
        say("C", "Yes, a {card}.|I've got a {card}, here.")
    if rng.random() < 0.5:
        question, answer = rng.choice([("Is there a café on the train?", "Yes, in the middle coach.|Only a "
                                        "trolley, I'm afraid."), ("Will I need to change trains?", "No, it's a "
                                        "direct service.|Yes, once, but the connection is short.")])
        say("C", question)
        say("A", answer)
    outcome = rng.choice(["buy", "buy", "cheaper"])
    if outcome == "buy":
        say("A", "That's ${price}. It leaves from platform {platform}.|${price}, please. Platform {platform}.")
        say("C", "Here you are.|I'll pay by card.")
    else:
        say("A", "If you take the {time2} train instead, it's only ${price}.|The {time2} is off-peak, that one "
                 "costs just ${price}.")
        say("C", "Then I'll take the {time2}.|Oh, the {time2} is fine, I'm in no hurry.")
    return rng.choice({
        "buy": ["{C} buys a {kind} ticket to {dest} for the {time} train {day}. With a {card} it costs ${price}, "
                "and the train leaves from platform {platform}."] if discount else [
                "{C} buys a {kind} ticket to {dest} for ${price}. The train leaves {day} at {time} from platform "
                "{platform}."],
        "cheaper": ["{C} wants a {kind} ticket to {dest} {day}. {A} suggests the cheaper {time2} train, so {C} "
                    "buys a ticket for ${price}."]}[outcome]).format(**s)


def directions(rng, s, say):
    s.update(place=rng.choice(["the post office", "the central library", "the bus station", "the town hall",
                               "the nearest pharmacy", "the swimming pool", "the science museum", "the market"]),
             landmark=rng.choice(["the bakery", "the big church", "the cinema", "the petrol station", "the park"]),
             nth=rng.choice(["first", "second", "third"]), turn=rng.choice(["left", "right"]),
             mins=rng.choice([5, 10, 15, 20, 25]), bus=rng.randrange(3, 60))
    say("C", "Excuse me, could you tell me how to get to {place}?|Sorry to bother you, do you know where {place} "
             "is?|Excuse me, I'm a bit lost. I'm looking for {place}.")
    say("A", "Sure. Go straight down this road until you reach {landmark}.|Yes, it's not far. Walk down to "
             "{landmark} first.")
    if rng.random() < 0.6:
        question, answer = rng.choice([("I'm not from here, I'm visiting my cousin.", "Oh, welcome! You picked a "
                                        "nice week."), ("Sorry, my phone's battery is dead, so no map.", "Happens "
                                        "to me all the time.")])
        say("C", question)
        say("A", answer)
    say("A", "After {landmark}, take the {nth} street on the {turn}.|Then it's the {nth} turning on the {turn}.")
    say("C", "Is it far?|How long will it take on foot?")
    say("A", "About {mins} minutes on foot.|It's a {mins}-minute walk.")
    outcome = rng.choice(["walk", "bus", "guide"])
    if outcome == "walk":
        say("C", "I'll walk, then. It's a nice day.|Good, I could do with the exercise. I'll walk.")
    elif outcome == "bus":
        say("A", "Or you can take the number {bus} bus from the stop over there.")
        say("C", "I'll take the bus, my feet hurt.|The bus sounds better.")
    else:
        say("A", "Actually, I'm going that way. I can show you.|You know what, I'll walk you there, it's on my way.")
        say("C", "That's very kind of you.|Oh, that would be great.")
    return rng.choice({
        "walk": ["{C} asks {A} the way to {place}. {A} explains that it is about {mins} minutes' walk past "
                 "{landmark}, and {C} decides to walk."],
        "bus": ["{C} asks how to get to {place}. It is {mins} minutes on foot, so {A} suggests the number {bus} "
                "bus, which {C} decides to take."],
        "guide": ["{C} is looking for {place}. {A} says it is {mins} minutes away past {landmark} and offers to "
                  "walk there with {C}."]}[outcome]).format(**s)


# topic -> (builder, relationship, share of dialogues the other side "A" opens)
TOPICS = {
    "booking a table": (booking, "service", 0.3), "returning an item": (returning, "service", 0.3),
    "doctor appointment": (doctor, "service", 0.4), "job interview": (interview, "interview", 1.0),
    "renting a flat": (renting, "service", 0.2), "planning a trip": (trip, "peers", 0.3),
    "borrowing a book": (library, "service", 0.3), "fixing a laptop": (laptop, "service", 0.3),
    "ordering food": (food, "service", 0.4), "meeting rescheduling": (meeting, "peers", 0.3),
    "buying a ticket": (ticket, "service", 0.3), "asking directions": (directions, "strangers", 0.0),
}
GREETINGS = {  # (opener, reply) per relationship and opening side
    ("service", "C"): ("Hello.|Hi there.|Good morning.|Good afternoon.",
                       "Hello, how can I help you?|Good morning, what can I do for you?|Hi, how can I help?"),
    ("service", "A"): ("Good morning, how can I help you?|Hello, what can I do for you today?|Hi there, next "
                       "please!", "Hello!|Hi, good morning.|Oh, hello."),
    ("peers", "C"): ("Hi, have you got a minute?|Morning! Got a second?|Hey, there you are.",
                     "Sure, hi!|Oh, hello!|Of course, what's up?"),
    ("peers", "A"): ("Hey! Nice to see you.|Morning!|Oh, hi there.", "Hi!|Morning!|Hello, I was looking for you."),
    ("interview", "A"): ("Good morning, come in and take a seat.|Hello, thanks for coming in. Please sit down.",
                         "Thank you. Good morning.|Thanks, nice to meet you."),
}
SMALL_TALK = [  # (question, answers); asked by either speaker
    ("Lovely sunshine today, isn't it?", "Yes, finally! I hope it lasts until the weekend.|It is. I almost "
                                         "stayed in the park instead."),
    ("What a wet morning!", "Terrible. My umbrella blew inside out on the way here.|I know, I got soaked."),
    ("It's freezing out there today.", "I know, I should have worn a thicker coat.|Apparently it might snow "
                                       "tonight."),
    ("Windy out there, isn't it?", "Very. I nearly lost my hat on the bridge."),
    ("How was your weekend?|Did you have a good weekend?|Do anything nice at the weekend?",
     "Pretty quiet, I mostly stayed in and read.|Busy! We went to my sister's wedding.|Great, we went hiking "
     "by the lake.|Not bad, I finally painted the kitchen.|Lovely, we had friends over for dinner.|Tiring, "
     "I helped a friend move house."),
    ("How are you today?|How are things?|How's it going?", "Fine, thanks. A bit tired, it's been a long week.|"
     "Very well, thank you.|Not bad at all, thanks.|Busy, but good."),
]
INTERVIEW_TALK = ("Did you find us easily?|Was the traffic bad on the way?",
                  "Yes, thanks, the directions were very clear.|A little, but I left early.")
CLOSINGS = {
    "service": ("Thank you very much.|Thanks for your help.|Great, thanks a lot.",
                "You're welcome. Have a nice day!|My pleasure. Goodbye!|No problem, see you soon."),
    "peers": ("Thanks, see you later.|Great, talk soon.|Perfect. Right, I'd better get back to work.",
              "See you!|Bye!|Sounds good, see you."),
    "interview": ("Goodbye, and thanks again.|It was nice meeting you.", "Thank you for coming. Goodbye.|You too. "
                  "Have a good day."),
    "strangers": ("Thank you so much!|Thanks a lot for your help.", "No problem. Enjoy your day!|You're welcome!"),
}
THIRD_PERSON = {  # lines for an occasional third speaker: (first line, later line)
    "companion": ("Sorry, I was just parking the car. Did I miss anything?|Hi, I'm with my friend here, don't "
                  "mind me.|Sorry I'm late, the bus took forever.",
                  "That was easier than I expected.|Great, can we get a coffee now?|See, I told you it would be "
                  "fine."),
    "colleague": ("Sorry to interrupt, has anyone seen the keys to the small meeting room?|Morning, both. There's "
                  "cake in the kitchen if anyone wants some.|Hi, sorry, I just need to grab my charger.",
                  "Right, I'll leave you to it.|Good luck with everything!|Thanks, see you at lunch."),
}


ON_THE_PHONE = {"doctor appointment", "renting a flat", "ordering food"}  # no third speaker there


def make_dialogue(rng, topic):
    """Return (dialogue, summary) for one conversation about `topic`."""
    builder, rel, a_opens = TOPICS[topic]
    opener = "A" if rng.random() < a_opens else "C"
    turns = []
    s = {"C": "{C}", "A": "{A}"}  # the builder adds its slots

    def say(role, wordings):
        turns.append((role, cap(pick(rng, wordings, **s))))

    other = "C" if opener == "A" else "A"
    if rel != "strangers":
        first, reply = GREETINGS[(rel, opener)]
        say(opener, first)
        say(other, reply)
        if rel == "interview":
            if rng.random() < 0.6:
                say("A", INTERVIEW_TALK[0])
                say("C", INTERVIEW_TALK[1])
        elif rng.random() < 0.65:
            asker = "C" if rel == "service" else rng.choice(["C", "A"])
            question, answers = rng.choice(SMALL_TALK[:4] if rel == "service" and rng.random() < 0.5
                                           else SMALL_TALK)
            say(asker, question)
            say("A" if asker == "C" else "C", answers)
    n_open = len(turns)
    summary = builder(rng, s, say)
    role, text = turns[n_open]
    if n_open > 2 and not text.startswith(("So", "Let's")):  # back to business after the small talk
        keep = text.startswith("I ") or text.startswith("I'")
        turns[n_open] = (role, rng.choice(["Anyway, ", "So, "]) + (text if keep else text[0].lower() + text[1:]))
    if rel == "strangers" and rng.random() < 0.3:  # weather talk in the middle of the directions
        question, answers = SMALL_TALK[rng.randrange(4)]
        turns.insert(2, ("C", question))
        turns.insert(3, ("A", cap(pick(rng, answers))))
    first, reply = CLOSINGS[rel]
    closing = [("C", cap(pick(rng, first)))] + ([("A", cap(pick(rng, reply)))] if rng.random() < 0.7 else [])
    if topic not in ON_THE_PHONE and rng.random() < 0.2:  # a third person joins in
        first, later = THIRD_PERSON["colleague" if rel in ("peers", "interview") else "companion"]
        turns.insert(max(n_open, 2), ("X", cap(pick(rng, first))))
        if rng.random() < 0.5:
            closing.insert(0, ("X", cap(pick(rng, later))))
    merged = []
    for role, text in turns + closing:  # one speaker twice in a row becomes one turn
        if merged and merged[-1][0] == role:
            merged[-1] = (role, merged[-1][1] + " " + text)
        else:
            merged.append((role, text))
    labels = {}
    for role, _ in merged:  # #Person1# is whoever speaks first
        labels.setdefault(role, "#Person%d#" % (len(labels) + 1))
    dialogue = "\n".join("%s: %s" % (labels[role], text) for role, text in merged)
    return dialogue, summary.replace("{C}", labels["C"]).replace("{A}", labels["A"])


# --------------------------------------------------------------------------
# Documents: one builder per kind of local news. Each returns (lead, key
# sentences in order, filler sentences, summary); compose() puts the scene-
# setting lead first, then interleaves key facts and 2-5 fillers so that the
# last key fact is never among the first three sentences.
# --------------------------------------------------------------------------
def council(rng):
    s = dict(town=town(rng), body=rng.choice(["Borough Council", "District Council", "Town Council"]),
             project=rng.choice(["a new swimming pool", "a community library", "a skate park", "a covered market",
                                 "a youth centre", "a health centre", "a cycle hub"]),
             site=rng.choice(["the old bus depot", "a disused car park", "the former textile mill",
                              "empty land behind the railway station", "the old cattle market"]),
             a=rng.randrange(8, 15), b=rng.randrange(2, 7), cost=rng.randrange(12, 95) / 10,
             year=rng.randrange(1988, 2016), n=rng.randrange(300, 2400), months=rng.choice([14, 18, 20, 24]),
             person=person(rng), person2=person(rng), month=rng.choice(MONTHS), weekday=rng.choice(WEEKDAYS[:5]))
    lead = pick(rng, "Plans for the future of {site} in {town} have been argued over in pubs, shops and council "
                     "meetings for years.|{site} in {town} has stood empty since {year}, and few people expected "
                     "that to change soon.|There was a packed public gallery at {town} town hall on {weekday} "
                     "evening, with people standing at the back.", **s)
    key = [pick(rng, "After a debate that lasted almost three hours, members of the {town} {body} voted {a} to "
                     "{b} to build {project} on {site}.|When the vote finally came, the {body} backed plans for "
                     "{project} on {site} by {a} votes to {b}.", **s),
           pick(rng, "The scheme will cost £{cost} million, most of which will come from a national regeneration "
                     "fund.|Officials put the total cost at £{cost} million and say building work should take "
                     "about {months} months.", **s)]
    fill = [pick(rng, ">Local resident {person}, who has campaigned on the issue, said the decision was \"long "
                      "overdue\" and thanked everyone who had written to the council.|>\"We have waited a long "
                      "time for something to happen here, and my children will finally have somewhere to go,\" "
                      "said resident {person}.", **s),
            "Some shop owners on the high street had worried that months of building work would cause traffic "
            "problems and keep customers away.",
            pick(rng, ">Councillor {person2}, who voted against the plan, said the money would have been better "
                      "spent on repairing the area's crumbling roads.", **s),
            pick(rng, "A public consultation held last spring drew more than {n} responses, the highest number "
                      "the council has ever received.", **s),
            pick(rng, ">If everything goes to plan, contractors will move onto the site in {month}.|>Work is due "
                      "to begin in {month}, once the last surveys of the ground are complete.", **s),
            "In recent years the site has mostly been used for overflow parking and the occasional travelling "
            "fair."]
    summary = pick(rng, "The {town} {body} has voted {a} to {b} to approve {project} on {site}, a scheme that will "
                        "cost £{cost} million.|Councillors in {town} have approved plans to build {project} on "
                        "{site} at a cost of £{cost} million.", **s)
    return lead, key, fill, summary


def factory(rng):
    brand = rng.choice(["Norvale", "Kestrix", "Brightwell", "Ardmore", "Solvane", "Tessaly", "Corrin"])
    sector, product = rng.choice([("Foods", "ready meals"), ("Batteries", "electric-car batteries"),
                                  ("Textiles", "outdoor clothing"), ("Cycles", "bicycles"),
                                  ("Glass", "glass bottles"), ("Pharma", "medicines"),
                                  ("Electronics", "circuit boards")])
    s = dict(company=brand + " " + sector, product=product, town=town(rng), jobs=rng.randrange(80, 650, 10),
             park=rng.choice(["Riverside Business Park", "the Northgate industrial estate", "the old airfield site",
                              "Mill Lane Business Park"]), cost=rng.randrange(15, 120) / 2, person=person(rng),
             person2=person(rng), month=rng.choice(MONTHS), plants=rng.choice(["two", "three", "four"]))
    lead = pick(rng, "The empty warehouses at {park} on the edge of {town} will soon be busy again.|{town} has lost "
                     "hundreds of factory jobs over the past twenty years, and many young people have moved away "
                     "to find work.|A well-known manufacturer has been quietly looking for a new home in the "
                     "region since last year.", **s)
    key = [pick(rng, "{company} confirmed on Tuesday that it will open a factory at {park} in {town} to make "
                     "{product}.|"
                     "After months of speculation, {company} announced that it has chosen {park} in {town} for its "
                     "new {product} factory.", **s),
           pick(rng, "The plant is expected to create {jobs} jobs when it is running at full capacity.|Around {jobs} "
                     "people will eventually work there, according to figures released by the company.", **s)]
    if rng.random() < 0.5:
        key.insert(1, pick(rng, "The company says it is investing £{cost} million in new buildings and machinery "
                                "on the site.", **s))
    fill = [pick(rng, "{person}, the company's managing director, said the town's road and rail links had been the "
                      "deciding factor.", **s),
            pick(rng, ">Production is due to start in {month} next year, after the old buildings have been "
                      "refitted.", **s),
            pick(rng, "Training places for new staff will be offered at {town} College, starting in the autumn.",
                 **s),
            ">A union representative welcomed the news but said the company must offer fair wages and secure "
            "contracts.",
            pick(rng, "The firm already runs {plants} plants in other parts of the country and employs several "
                      "thousand people.", **s),
            pick(rng, "\"My son might finally be able to find a decent job close to home,\" said resident "
                      "{person2}.", **s)]
    summary = pick(rng, "{company} will open a factory making {product} at {park} in {town}, creating {jobs} "
                        "jobs.|{company} is setting up a {product} factory in {town} that is expected to employ "
                        "{jobs} people.", **s)
    return lead, key, fill, summary


def school(rng):
    t = town(rng)
    s = dict(town=t, school=rng.choice([t + " Academy", t + " High School", "St " + rng.choice(FIRST) + "'s School"]),
             contest=rng.choice(["national robotics competition", "regional science fair", "national debating "
                                 "championship", "county choir competition", "national maths challenge"]),
             n=rng.choice(NUMBERS[2:8]), m=rng.randrange(20, 140), prize="{:,}".format(rng.randrange(10, 60) * 100),
             spend=rng.choice(["new laptops", "a school trip", "musical instruments", "science equipment",
                               "new library books"]), city=town(rng), person=person(rng), years=rng.randrange(3, 12))
    lead = pick(rng, "It has been a remarkable year for the pupils and staff of {school} in {town}.|A team of {n} "
                     "students from {town} travelled to {city} last weekend with few expectations and a lot of "
                     "sandwiches.", **s)
    key = [pick(rng, "On Saturday evening the judges announced that the {n} students from {school} had come "
                     "first in the {contest}.|To the surprise of many, the {school} team of {n} students won the "
                     "{contest} after two long days of judging.", **s),
           pick(rng, "They finished ahead of {m} other schools from across the country.|In all, {m} schools had "
                     "entered this year, many of them with far bigger budgets.", **s),
           pick(rng, "The win brings a prize of £{prize}, which the school plans to spend on {spend}.|As well as a "
                     "trophy, the school receives £{prize}, and the money will go on {spend}.", **s)]
    fill = [pick(rng, "Teacher {person} said the students had given up their lunch breaks for months to prepare.",
                 **s),
            pick(rng, "The school first entered the competition {years} years ago and had never before reached "
                      "the final round.", **s),
            ">\"We couldn't believe it when they read out our name, we just started screaming,\" said one of the "
            "pupils.",
            ">The head teacher said the whole town should be proud of what the young people had achieved.",
            ">Parents organised a small party in the school hall when the team came home on Sunday."]
    summary = pick(rng, "A team of {n} students from {school} in {town} won the {contest}, beating {m} other "
                        "schools and earning £{prize} for {spend}.|{school} in {town} won the {contest} ahead of "
                        "{m} other schools and will spend its £{prize} prize on {spend}.", **s)
    return lead, key, fill, summary


def storm(rng):
    t, t2 = towns(rng, 2)
    s = dict(town=t, town2=t2, name=rng.choice(["Ilsa", "Bram", "Corin", "Delphine", "Marek", "Odile", "Tamsin"]),
             mph=rng.randrange(55, 95), roads=rng.choice(NUMBERS[2:]), road="A" + str(rng.randrange(30, 700)),
             homes="{:,}".format(rng.randrange(4, 90) * 50), person=person(rng), weekday=rng.choice(WEEKDAYS),
             years=rng.choice(["thirty", "forty", "fifty"]))
    lead = pick(rng, "Residents of {town} woke up to fallen branches, blocked drains and flooded fields on "
                     "{weekday} morning.|Forecasters had warned for days that the weekend would be wet and windy "
                     "around {town}.", **s)
    key = [pick(rng, "Storm {name} brought gusts of up to {mph} miles per hour overnight, the strongest recorded "
                     "in the area this year.|Winds from Storm {name} reached {mph} miles per hour on the hills "
                     "above the town.", **s),
           pick(rng, "Police closed {roads} roads, including the {road} between {town} and {town2}.|By mid-morning "
                     "{roads} roads had been shut, among them the {road} towards {town2}.", **s),
           pick(rng, "About {homes} homes were left without power, some of them for most of the day.|Power cuts "
                     "hit around {homes} homes, mainly in the villages to the north.", **s)]
    fill = [">The council said all routes would reopen as soon as fallen trees had been cleared and checked.",
            pick(rng, "\"I've lived here {years} years and I've never seen the river this high,\" said {person}, "
                      "who runs a shop near the bridge.", **s),
            "Schools in the area opened as normal, although several buses ran late.",
            "Engineers worked through the night to restore electricity to the worst affected streets.",
            "Another band of heavy rain is expected later in the week, and a flood warning remains in place.",
            "Drivers were asked not to travel unless their journey was essential."]
    summary = pick(rng, "Storm {name} closed {roads} roads around {town}, including the {road}, and left about "
                        "{homes} homes without power.|With gusts of {mph} miles per hour, Storm {name} shut {roads} "
                        "roads near {town} and cut power to about {homes} homes.", **s)
    return lead, key, fill, summary


def museum(rng):
    t = town(rng)
    s = dict(town=t, museum=t + " " + rng.choice(["Museum", "Art Gallery", "Heritage Centre"]),
             theme=rng.choice(["old maps of the region", "Roman coins found in local fields", "photographs of the "
                               "town's shipyards", "costumes from a century of theatre", "early computers",
                               "paintings of the coast"]), n=rng.randrange(40, 320),
             visitors="{:,}".format(rng.randrange(8, 60) * 1000), month=rng.choice(MONTHS), price=rng.choice([4, 5, 6, 8]),
             person=person(rng), years=rng.choice(["two", "three"]))
    lead = pick(rng, "{museum} has spent {years} years preparing for what staff call its most ambitious show in a "
                     "decade.|Long queues formed outside {museum} on Saturday morning, well before the doors "
                     "opened.", **s)
    key = [pick(rng, "The new exhibition brings together {n} objects, many borrowed from other collections.|"
                     "Visitors can now see {n} objects in the new exhibition on the first floor.", **s),
           pick(rng, "The show is devoted to {theme}.|Every piece on display relates in some way to {theme}.", **s),
           pick(rng, "The exhibition runs until the end of {month}, and the museum hopes to welcome {visitors} visitors.|The "
                     "exhibition stays open until {month}, and organisers are expecting {visitors} visitors.",
                **s)]
    fill = [pick(rng, ">Curator {person} said many of the items had never been shown to the public before.", **s),
            pick(rng, "Tickets cost £{price} for adults, and children under sixteen go free.", **s),
            ">Several of the objects were lent by families in the area who found them in attics and garden sheds.",
            "\"My grandfather would have spent all day in here, he loved this kind of thing,\" said one visitor.",
            "The building reopened last year after a long renovation that replaced the leaking roof.",
            "Guided tours will run every Sunday afternoon, and there are free workshops for schools."]
    summary = pick(rng, "{museum} has opened an exhibition of {n} objects on {theme}, which runs until {month} and "
                        "hopes to attract {visitors} visitors.|A new exhibition of {n} objects on {theme} is open "
                        "at {museum} until {month}.", **s)
    return lead, key, fill, summary


def sport(rng):
    t, t2 = towns(rng, 2)
    a = rng.randrange(1, 5)
    minute = rng.randrange(50, 90)
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(minute % 10, "th")
    s = dict(team=t + " " + rng.choice(["United", "Rovers", "Athletic", "City"]),
             team2=t2 + " " + rng.choice(["Town", "Wanderers", "Albion", "FC"]), a=a, b=rng.randrange(0, a),
             crowd="{:,}".format(rng.randrange(12, 90) * 100), scorer=person(rng), minute="%d%s" % (minute, suffix),
             cup=rng.choice(["the county cup final", "the regional cup semi-final", "the league title decider"]),
             ground=rng.choice(["Mill Road", "the Meadow Ground", "Station Park"]), manager=person(rng))
    lead = pick(rng, "A crowd of {crowd} packed into {ground} on Saturday afternoon, many of them wrapped in scarves "
                     "against the cold.|{team} went into {cup} knowing that only a win would do.", **s)
    key = [pick(rng, "The home side fell behind early on and spent most of the first half chasing the game.|For "
                     "long spells it was a tense, scrappy match with few real chances at either end.", **s),
           pick(rng, "In the end {team} beat {team2} {a}-{b} in {cup}.|When the final whistle blew in {cup}, {team} "
                     "had beaten {team2} {a}-{b}.", **s),
           pick(rng, "{scorer} scored the decisive goal in the {minute} minute with a low shot from the edge of "
                     "the box.|The winner came from {scorer}, who headed in a corner in the {minute} minute.",
                **s)]
    fill = [pick(rng, ">Manager {manager} praised the fans and said their noise had carried the players through "
                      "the difficult moments.", **s),
            "Two players were booked in a heated first half, and the referee had to calm both benches.",
            ">Supporters stayed in the stands long after the final whistle, singing and waving flags.",
            "\"This is the best day I can remember in forty years as a fan,\" said one supporter outside the "
            "ground.",
            "The club last reached this stage more than a decade ago, when it lost on penalties."]
    summary = pick(rng, "{team} beat {team2} {a}-{b} in {cup}, with {scorer} scoring the winner in the {minute} "
                        "minute.|{scorer} scored in the {minute} minute as {team} won {cup} against {team2} "
                        "{a}-{b}.", **s)
    return lead, key, fill, summary


def hospital(rng):
    t = town(rng)
    w1 = rng.randrange(6, 16)
    s = dict(town=t, hospital=t + " " + rng.choice(["General Hospital", "Royal Infirmary", "Community Hospital"]),
             equip=rng.choice(["MRI scanner", "CT scanner", "robotic surgery system", "digital X-ray unit"]),
             cost=rng.randrange(8, 45) / 10, funder=rng.choice(["a charity appeal", "the regional health board",
                                                                "a donation from a local family"]),
             w1=w1, w2=rng.randrange(2, w1 // 2 + 1), per_week=rng.randrange(40, 200), person=person(rng),
             raised="{:,}".format(rng.randrange(2, 9) * 1000), year=rng.randrange(1998, 2012))
    lead = pick(rng, "Patients at {hospital} have for years faced some of the longest waits in the region.|Staff "
                     "at {hospital} gathered in the entrance hall on Monday morning for a short ceremony.", **s)
    key = [pick(rng, "The hospital has taken delivery of a new {equip}, paid for by {funder}.|A new {equip} has "
                     "now been installed on the ground floor, funded by {funder}.", **s),
           pick(rng, "The machine cost £{cost} million, including the work needed to prepare the room.|The new "
                     "{equip} is worth £{cost} million, according to the hospital trust.", **s),
           pick(rng, "Managers say it should cut waiting times for patients from {w1} weeks to {w2}.|Waiting "
                     "times are expected to fall from {w1} weeks to just {w2} over the coming months.", **s)]
    fill = [pick(rng, ">The new machine can handle around {per_week} patients a week when it is fully staffed.", **s),
            pick(rng, "Consultant {person} said the old machine had broken down so often that appointments had to "
                      "be cancelled.", **s),
            pick(rng, ">The equipment it replaces was installed in {year} and is no longer supported by its maker.",
                 **s),
            pick(rng, "Volunteers held a sponsored walk last year that raised £{raised} towards the project.", **s),
            "\"It means I won't have to travel two hours each way for a scan any more,\" said one patient."]
    summary = pick(rng, "{hospital} has a new {equip} worth £{cost} million, funded by {funder}, which should cut "
                        "waits from {w1} weeks to {w2}.|A £{cost} million {equip} paid for by {funder} is expected "
                        "to cut waiting times at {hospital} from {w1} weeks to {w2}.", **s)
    return lead, key, fill, summary


def festival(rng):
    t = town(rng)
    s = dict(town=t, fest=t + " " + rng.choice(["Folk", "Food", "Jazz", "Kite", "Lantern", "Cheese"]) + " Festival",
             days=rng.choice(["two", "three", "four"]), visitors="{:,}".format(rng.randrange(30, 250) * 100),
             money="{:,}".format(rng.randrange(20, 180) * 100), stalls=rng.randrange(3, 15) * 10, person=person(rng),
             charity=rng.choice(["the local hospice", "the lifeboat service", "a children's charity",
                                 "the food bank"]), nth=rng.choice(["tenth", "twelfth", "twentieth", "fifth"]))
    lead = pick(rng, "The narrow streets of {town} were unusually crowded last weekend.|For one weekend every "
                     "year, the quiet centre of {town} turns into something quite different.", **s)
    key = [pick(rng, "The {fest} returned for its {nth} year, running over {days} days.|This year's {fest} lasted "
                     "{days} days, one more than originally planned.", **s),
           pick(rng, "Organisers estimate that about {visitors} people came, many from outside the county.|Around "
                     "{visitors} visitors attended, according to the organisers.", **s),
           pick(rng, "The event raised £{money} for {charity}.|Ticket sales and donations raised £{money}, all of "
                     "which will go to {charity}.", **s)]
    fill = [pick(rng, "More than {stalls} stalls lined the high street and the square in front of the church.",
                 **s),
            pick(rng, ">Organiser {person} thanked the volunteers who stayed behind to clean up on Sunday night.",
                 **s),
            "A few residents complained about the noise from the main stage late on Saturday.",
            "\"We come every year with the children, it's the best weekend of the summer,\" said one visitor.",
            "Extra buses ran from the railway station, and the main car park was full by ten o'clock."]
    summary = pick(rng, "The {days}-day {fest} drew about {visitors} visitors and raised £{money} for {charity}.|"
                        "About {visitors} people attended the {fest}, which raised £{money} for {charity} over "
                        "{days} days.", **s)
    return lead, key, fill, summary


def fares(rng):
    t = town(rng)
    old = rng.randrange(150, 320, 10)
    up = rng.random() < 0.6
    new = old + rng.randrange(20, 80, 10) if up else old - rng.randrange(20, 80, 10)
    s = dict(town=t, op=rng.choice([t + " Buses", t + " Tramways", rng.choice(["Velo", "Arrow", "Greenline"]) +
                                     " Coaches"]), old="%.2f" % (old / 100), new="%.2f" % (new / 100),
             month=rng.choice(MONTHS), change="raise" if up else "cut",
             reason=rng.choice(["rising fuel costs", "higher wages", "the cost of new vehicles"]) if up else
             rng.choice(["a government grant", "a council subsidy", "growing passenger numbers"]),
             routes=rng.randrange(12, 60), person=person(rng), riders="{:,}".format(rng.randrange(10, 90) * 1000))
    lead = pick(rng, "Passengers in {town} will soon notice a change when they reach the ticket machine.|The price "
                     "of a bus ride has become one of the most talked-about subjects in {town} this year.", **s)
    key = [pick(rng, "{op} has announced that it will {change} the price of its standard single ticket.|{op} said "
                     "on Monday that it plans to {change} its single fare across the area.", **s),
           pick(rng, "The fare will go from £{old} to £{new} from {month}.|From {month}, a single journey will "
                     "cost £{new} instead of £{old}.", **s),
           pick(rng, "The company said the change was mainly the result of {reason}.|In a statement the operator "
                     "put the decision down to {reason}.", **s)]
    fill = [pick(rng, "The operator runs {routes} routes across the town and the surrounding villages.", **s),
            pick(rng, "About {riders} people use its services every week, most of them commuters and students.",
                 **s),
            pick(rng, "Commuter {person} said the bus was the only realistic way to get to work.", **s),
            ">Day tickets and monthly season tickets will stay at their current prices for now.",
            "Children under five will continue to travel free on all routes."]
    summary = pick(rng, "{op} will {change} its single fare in {town} from £{old} to £{new} from {month}, because "
                        "of {reason}.|From {month}, a single ticket with {op} will cost £{new} instead of £{old}, "
                        "a change the company puts down to {reason}.", **s)
    return lead, key, fill, summary


def research(rng):
    t = town(rng)
    subject, finding = rng.choice([
        ("hedgehogs in city gardens", "hedgehog numbers have risen by {pct} percent"),
        ("air near primary schools", "pollution is {pct} percent lower on car-free days"),
        ("teenagers' sleep", "pupils who start school later sleep {pct} percent longer"),
        ("bees on green roofs", "green roofs hold {pct} percent more bees than parks"),
        ("river water quality", "pollution in the river has fallen by {pct} percent")])
    s = dict(town=t, uni=rng.choice(["the University of " + t, t + " Institute of Technology"]), subject=subject,
             pct=rng.randrange(12, 60), n=rng.randrange(120, 900), years=rng.choice(["two", "three", "five"]),
             person=person(rng), journal=rng.choice(["Urban Ecology Letters", "the Journal of Applied Field Studies",
                                                     "Environment and Health Review"]))
    s["finding"] = finding.format(**s)
    lead = pick(rng, "Scientists in {town} have spent {years} years looking closely at {subject}.|A new study "
                     "from {town} sheds light on a question that has puzzled local residents for some time.", **s)
    key = [pick(rng, "Over {years} years, the team at {uni} studied {subject}, collecting data from {n} sites.|"
                     "Researchers from {uni} took regular measurements of {subject} at {n} sites over {years} "
                     "years.", **s),
           pick(rng, "Their main finding is that {finding}.|The results, they say, show clearly that {finding}.",
                **s)]
    fill = [pick(rng, ">The study was published this week in {journal} after being checked by other experts.",
                 **s),
            pick(rng, ">Lead author {person} said more work was needed to understand exactly why this is "
                      "happening.", **s),
            "Volunteers from local schools helped with the fieldwork during the summer holidays.",
            "The project was funded by a national science council and a small grant from the town.",
            "Similar studies have been carried out in other countries, with mixed results.",
            ">The researchers now hope to repeat the work in two neighbouring towns next year."]
    summary = pick(rng, "Researchers at {uni} who studied {subject} at {n} sites over {years} years found that "
                        "{finding}.|A {years}-year study of {subject} by {uni} found that {finding}.", **s)
    return lead, key, fill, summary


DOC_KINDS = [council, factory, school, storm, museum, sport, hospital, festival, fares, research]


def compose(rng, lead, key, fill):
    """Lead first; key facts in their order, fillers in between; the last key fact comes 4th or later.

    A filler marked with a leading ">" refers back to the event ("who voted against the plan") and is moved
    to just after the first key sentence if it was drawn before it.
    """
    fill = rng.sample(fill, rng.randint(max(2, 4 - len(key)), min(len(fill), 8 - len(key))))
    while True:
        slots = sorted(rng.sample(range(len(key) + len(fill)), len(key)))
        if slots[-1] + 1 >= 3:  # + 1: the lead takes position 0
            break
    keys, fills, body = iter(key), iter(fill), []
    for i in range(len(key) + len(fill)):
        body.append(next(keys) if i in slots else next(fills))
    early = [x for x in body[:slots[0]] if x.startswith(">")]
    body = [x for x in body[:slots[0]] if x not in early] + [body[slots[0]]] + early + body[slots[0] + 1:]
    return " ".join(cap(x.lstrip(">")) for x in [lead] + body)


def make_document(rng, kind):
    lead, key, fill, summary = kind(rng)
    return compose(rng, lead, key, fill), cap(summary)


# --------------------------------------------------------------------------
def generate(seed=SEED):
    """Return {"dialogues": {split: rows}, "documents": {split: rows}}; no input text repeats anywhere."""
    out = {"dialogues": {}, "documents": {}}
    seen = set()
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        topics = (list(TOPICS) * (size // len(TOPICS) + 1))[:size]
        rng.shuffle(topics)
        rows = []
        for k, topic in enumerate(topics, 1):
            while True:
                text, summary = make_dialogue(rng, topic)
                turns = text.split("\n")
                if (text not in seen and DIALOGUE_TURNS[0] <= len(turns) <= DIALOGUE_TURNS[1]
                        and DIALOGUE_WORDS[0] <= n_words(text) <= DIALOGUE_WORDS[1]
                        and DIALOGUE_SUMMARY_WORDS[0] <= n_words(summary) <= DIALOGUE_SUMMARY_WORDS[1]):
                    break
            seen.add(text)
            rows.append(("dlg_%s_%04d" % (split, k), text, summary, topic))
        out["dialogues"][split] = rows
        kinds = DOC_KINDS * (size // len(DOC_KINDS))
        rng.shuffle(kinds)
        rows = []
        for k, kind in enumerate(kinds, 1):
            while True:
                text, summary = make_document(rng, kind)
                if (text not in seen and DOCUMENT_WORDS[0] <= n_words(text) <= DOCUMENT_WORDS[1]
                        and DOCUMENT_SENTENCES[0] <= n_sentences(text) <= DOCUMENT_SENTENCES[1]
                        and DOCUMENT_SUMMARY_WORDS[0] <= n_words(summary) <= DOCUMENT_SUMMARY_WORDS[1]):
                    break
            seen.add(text)
            rows.append(("doc_%s_%04d" % (split, k), text, summary))
        out["documents"][split] = rows
    for name in out:
        texts = [row[1] for rows in out[name].values() for row in rows]
        assert len(texts) == len(set(texts)), "duplicate %s text" % name
    return out


COLUMNS = {"dialogues": ["id", "dialogue", "summary", "topic"], "documents": ["id", "document", "summary"]}


def main(out_dir=None, seed=SEED):
    """Write dialogues/ and documents/ train/validation/test CSVs under `out_dir` (default: assets/)."""
    return [path for name, splits in generate(seed).items()
            for path in write_csv_splits(os.path.join(out_dir or ASSETS_DIR, name), splits, COLUMNS[name])]


if __name__ == "__main__":
    main(**vars(command_line(__doc__, SEED, "folder that gets dialogues/ and documents/ (default: assets/)")
                .parse_args()))
