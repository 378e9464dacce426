"""Generate the synthetic banking-app intent data set in ``assets/intents/``.

How: every row is one short request typed into the chat box of a banking /
personal-finance app (mostly one sentence, 4-20 words, about 10.5 on average:
10.4 / 10.2 / 11.0 in train / validation / test), labelled with one of 16
intents. Each request is one hand-written English phrasing template ("frame";
22 per intent, 352 in all) filled with invented amounts, currencies,
countries, cities, merchants, people, streets, dates and card types.
``random.Random(seed)`` drives every choice, so the output is byte-identical
on every run. A request can get a neutral lead-in ("I'm on holiday in
Portugal and I ..."; one ending in "and" ends its own sentence before a
question or a fragment: "I'm a student. How ...?"), and each one gets a
register: plain, polite (a greeting, "please", "thanks"), terse (lower case,
no punctuation, no apostrophes) or shouty (repeated "!" or "?", one word in
capitals); about one in ten has a typo.

Labelling rule: the label is what the customer needs the bank to do or
explain. A card that was lost or stolen is ``card_lost``, a card that never
came in the post is ``card_not_arrived`` (even when "lost in the post"); money
that was sent and bounced or was rejected is ``transfer_failed``, money sent
that has not landed yet is ``transfer_pending``; a card payment refused at a
shop is ``card_declined``, adding money to the app that failed is
``top_up_failed``; a wrong-PIN lock is ``pin_blocked``, even if the customer
then could not pay. Money owed back by a merchant is ``refund_missing``;
standing orders count as ``direct_debit``; a rate on savings, loans,
overdrafts or credit cards is ``interest_rate``, a rate for converting
currency is ``exchange_rate``, and a fee for taking out cash is
``cash_withdrawal_fee``.

Why: the labs need a many-class, short-text set that ships with the repo (no
downloads, no licence questions) and on which parameter-efficient fine-tuning
methods of a small sentence encoder come apart. With one short sentence per
row there is little text to go on, several intents come in confusable pairs
(transfer_failed / transfer_pending, card_lost / card_not_arrived,
card_declined / top_up_failed / pin_blocked, exchange_rate /
cash_withdrawal_fee / interest_rate, refund_missing / transfer_pending,
close_account / direct_debit / statement_request, change_address /
verify_identity), and about a third of the frames use another intent's words
on purpose ("card" in a transfer request, "rate" in an interest question,
"pending" in a refund, "lost" for a card that never came). About 30% of each
intent's frames, 35% of the merchant, people, city and street names and 30% of
the greetings, sign-offs and lead-ins never appear in train; 12 of the 25
validation/test rows of every intent (192 of 400) are built on a held-out
frame (round(25 * 0.5) rounds to even). 3% of the rows of each split (48 in
train, 12 each in validation and test) are noisy on purpose: a request about a
confusable neighbour that keeps its own label. No text repeats within or
across splits.

Reference figures (``python -m assets.make_intents --measure``, needs
scikit-learn; measured with scikit-learn 1.9.1): TF-IDF word 1-2-grams
(min_df=2) + logistic regression (max_iter=1000) trained on train scores
0.870 accuracy / 0.870 macro-F1 on test (0.890 / 0.890 on validation); 0.971
on test rows built on a frame seen in training, 0.760 on rows built on a
held-out frame (validation: 0.957 / 0.818).

Run from the repository root:  python -m assets.make_intents  (or python assets/make_intents.py)
"""

import os
import random
import re
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import (ASSETS_DIR, MONTHS, WEEKDAYS, Pool, cap, command_line, lines, n_words,
                                      split_pool, weighted, words, write_csv_splits)

SEED = 2041
SPLITS = (("train", 1600), ("validation", 400), ("test", 400))
LABELS = ("card_lost", "card_not_arrived", "card_declined", "pin_blocked", "transfer_failed", "transfer_pending",
          "exchange_rate", "top_up_failed", "cash_withdrawal_fee", "refund_missing", "direct_debit",
          "change_address", "verify_identity", "close_account", "statement_request", "interest_rate")
NAMES_HELDOUT_SHARE = 0.35  # share of merchants, people, cities and streets only seen in validation/test
EVAL_HELDOUT_RATE = 0.5  # validation/test rows (per intent) built on a held-out frame: round(12.5) = 12 of 25
NOISE_SHARE = 0.03  # rows per split that carry the label of a confusable neighbour
LEAD_IN_RATE = 0.16  # requests that start with a neutral lead-in
MIN_WORDS, MAX_WORDS = 4, 20


# --------------------------------------------------------------------------
# Slot vocabularies (all invented)
# --------------------------------------------------------------------------
MERCHANTS = lines("""
Brambly Cafe
Tessaro
Oakhill Grocers
Fennmart
Pixelora
Larkstone Books
Quorra Fuel
Nettlefield Pharmacy
Corvo Coffee
Dunmore Hardware
Velvetine
Hopscotch Toys
Marrowby Market
Sunbarrow Cinema
Tidewell Travel
Glimmer Games
Ashby Electrics
Kilnworth
Puddleby Bakery
Orchard Lane Deli
Rivo Rides
Moorgate Cycles
Zentra Mobile
Lumen Gym
Pebblecart
Sparrowhawk Hotels
Copperleaf Kitchen
Wrenfield Pets
Halcyon Air
Threadly
Mossgrove Garden Centre
Ferro Shoes
""")
FIRST_NAMES = words("""
Priya Tomasz Aoife Kwabena Ines Mateo Sunniva Dmitri Leila Callum Yusuf Hanne
Odette Ravi Bronwen Kenji Marisol Anselm Zainab Lorcan Freja Idris Paloma Stellan
Nadia Cormac Ilse Benedek Amara Jonas
""")
RELATIONS = ["my landlord", "my sister", "my mum", "my flatmate", "my brother", "a friend", "my dad",
             "my partner", "my son", "a colleague", "my daughter", "my builder"]
CITIES = words("""
Lisbon Krakow Osaka Valencia Porto Seville Bergen Tallinn Ghent Bologna Lyon Split
Dubrovnik Antalya Chiang Mai Marrakesh Reykjavik Salzburg Gdansk Cork Bruges Malaga
""")
CITIES = [c for c in CITIES if c not in ("Chiang", "Mai")] + ["Chiang Mai"]
STREETS = lines("""
Larch Road
Mill Lane
Quarry Close
Ferndale Avenue
Harrow Street
Kestrel Way
Baxter Court
Ivy Terrace
Orchard Rise
Tanner Row
Willow Crescent
Beacon Hill
Sedge Gardens
Copper Street
Nightingale Walk
Abbey Mews
""")
COUNTRIES = Pool("countries", lines("""
Spain
Portugal
Japan
Mexico
Thailand
Poland
Turkey
Canada
Italy
Greece
Iceland
Morocco
Vietnam
Croatia
Norway
the US
"""))
CURRENCIES = Pool("currencies", lines("""
euros
dollars
yen
Swiss francs
zloty
Danish krone
Canadian dollars
pesos
baht
Turkish lira
rand
forints
Czech koruna
US dollars
"""))
CARDS = ["card", "card", "card", "debit card", "credit card", "virtual card", "Visa card", "Mastercard",
         "new card", "contactless card", "debit card"]
WHEN = ["yesterday", "this morning", "last week", "on Monday", "two days ago", "last night", "on Friday",
        "earlier today", "at the weekend", "on Tuesday", "three days ago", "an hour ago"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "ten"]
YEARS = ["two", "three", "five", "eight", "ten", "twelve"]

_TRAIN_MERCHANTS, _EVAL_MERCHANTS = split_pool("merchants", MERCHANTS, NAMES_HELDOUT_SHARE)
_TRAIN_FIRST, _EVAL_FIRST = split_pool("first", FIRST_NAMES, NAMES_HELDOUT_SHARE)
_TRAIN_CITIES, _EVAL_CITIES = split_pool("cities", CITIES, NAMES_HELDOUT_SHARE)
_TRAIN_STREETS, _EVAL_STREETS = split_pool("streets", STREETS, NAMES_HELDOUT_SHARE)
NAME_SETS = {
    False: (_TRAIN_MERCHANTS, _TRAIN_FIRST, _TRAIN_CITIES, _TRAIN_STREETS),
    True: (_EVAL_MERCHANTS, _EVAL_FIRST, _EVAL_CITIES, _EVAL_STREETS),
}

# --------------------------------------------------------------------------
# Phrasing templates ("frames"), 22 per intent. About a third of each pool
# borrows another intent's words on purpose (card, transfer, rate, pending,
# refund, statement, fee, address, ...).
# --------------------------------------------------------------------------
FRAMES = {
    "card_lost": Pool("frames:card_lost", lines("""
I lost my {card} {when}, please freeze it.
My wallet was stolen {when} with my {card} in it.
I can't find my card anywhere, can you block it?
How do I report a stolen card?
Someone took my card at {merchant}, what do I do?
I think I left my card at {merchant} {when}.
Please cancel my card, it's gone missing.
My {card} was stolen in {city}, block it now.
Lost card, need a replacement.
I dropped my card somewhere in {city} {when}.
Freeze my card please, I've lost it.
My bag got stolen {when} and my card was in it.
What should I do if I misplace my card?
Can I order a replacement for a card I lost?
I think my card was pickpocketed on the train.
My card is lost, are my direct debits still safe?
Someone stole my card and might know my PIN.
My card went missing right after it arrived, can you block it?
My card has disappeared from my wallet.
Can't find my {card}, has anyone used it at {merchant}?
I need to report my card as lost.
My card was stolen out of my car in {city}.
""")),
    "card_not_arrived": Pool("frames:card_not_arrived", lines("""
My new card still hasn't arrived.
I ordered a card {days} days ago and it's not here.
When will my {card} be delivered?
The replacement card you sent never showed up.
It's been {days} weeks and no card in the post.
How long does a new card take to arrive?
My card was posted on {date} but I haven't received it.
Can you track the card you sent me?
I think my new card got lost in the post.
Still waiting for my card to come in the mail.
My card was sent to my old address on {street}.
I was told my card would arrive by {date}, nothing yet.
Where is my replacement card?
The card I ordered after losing mine hasn't come.
Is my {card} on its way?
I never received the card you dispatched {when}.
Can you resend my card, it never arrived?
The app says my card was delivered but I don't have it.
My card still hasn't turned up and I fly to {country} on {date}.
I can't activate my card because it never came.
Has my new {card} been sent out yet?
Waiting over {days} weeks for my first card.
""")),
    "card_declined": Pool("frames:card_declined", lines("""
My card was declined at {merchant}.
Why was my payment of {amount} refused?
My {card} keeps getting rejected online.
I tried to pay at {merchant} and the card didn't work.
Card payment declined even though I have money.
My contactless payment failed at {merchant} {when}.
Why can't I pay with my card at {merchant}?
My card got declined abroad in {country}.
The shop said my card was refused, is it blocked?
My payment of {amount} to {merchant} was declined.
I keep getting transaction declined when I pay online.
My card doesn't work in shops anymore.
My card was refused at the petrol station {when}.
My online order at {merchant} won't go through with my card.
Why did my card get declined for {amount}? I have the funds.
Card not working at the checkout.
My Apple Pay payment was declined at {merchant}.
Can you see why {merchant} declined my card?
My transfers work fine but my card payment at {merchant} was declined.
My card stopped working for subscriptions.
My card was rejected at the hotel in {city}.
The terminal at {merchant} said payment not authorised.
""")),
    "pin_blocked": Pool("frames:pin_blocked", lines("""
My PIN is blocked after three wrong tries.
I entered the wrong PIN too many times.
How do I unblock my PIN?
The ATM says my PIN is locked, what now?
I forgot my PIN and now it's blocked.
Can you reset my PIN? It's been locked.
Unblock my PIN please.
I got my PIN wrong and now contactless won't work either.
My PIN stopped working after I changed it.
PIN blocked, how do I fix it?
I mistyped my PIN three times at {merchant}.
How long until my blocked PIN resets?
Can I unlock my PIN from the app?
I need a new PIN, mine is locked.
My card is blocked because I typed the wrong PIN.
The terminal said incorrect PIN and now it's locked.
I forgot the PIN for my new card.
My PIN got locked in {country} and I can't pay for anything.
My PIN won't work since I got the replacement card.
Where can I see my PIN in the app? I've forgotten it.
The cash machine blocked my PIN after I got it wrong.
I keep getting wrong PIN even though I'm sure it's right.
""")),
    "transfer_failed": Pool("frames:transfer_failed", lines("""
My transfer to {person} failed.
The bank transfer of {amount} was rejected.
Why did my payment to {person} bounce back?
I tried to send {amount} but it says transfer failed.
My transfer was returned to my account.
My transfer to {person} keeps failing with an error.
The money I sent {when} came back to me.
Why was my transfer to {country} declined?
I can't send money to {person}, it fails every time.
My international transfer got cancelled by the bank.
The payment to {person} was refused by their bank.
Transfer failed, is the account number wrong?
Sending {amount} to {person} didn't work.
The app shows my transfer as failed.
My transfer bounced, what went wrong?
Why was my transfer of {amount} reversed?
My transfer was refused even though my card works fine.
A transfer I made {when} was returned with no reason.
I get an error when I try to transfer money to {person}.
My rent payment to {person} was rejected.
My transfer to my savings didn't go through.
The {amount} I sent to {person} came straight back.
""")),
    "transfer_pending": Pool("frames:transfer_pending", lines("""
My transfer to {person} is still pending.
I sent {amount} {when} and it hasn't arrived yet.
How long does a transfer to {country} take?
{person} hasn't received the money I sent.
Why is my transfer still processing?
My transfer has been pending for {days} days.
The money left my account but {person} doesn't have it.
When will my transfer to {person} go through?
My payment to {person} just says in progress.
Is there a delay on transfers today?
The transfer I made on {date} still shows pending.
Money sent to {person} has not arrived yet.
How long do international transfers usually take?
My transfer is stuck, it hasn't failed but it hasn't arrived.
Can you speed up my transfer to {person}?
Why does my transfer say under review?
I transferred {amount} to {person} and it's still not there.
The recipient is still waiting for my transfer.
My transfer from {country} hasn't landed yet.
My transfer has been pending since {date}, is something wrong?
How long until {person} gets the {amount} I sent?
I paid {person} by card transfer {when} and they're still waiting.
""")),
    "exchange_rate": Pool("frames:exchange_rate", lines("""
What exchange rate do you use for {cur}?
How much is {amount} in {cur}?
Why was the exchange rate so bad on my payment in {country}?
What's today's rate for pounds to {cur}?
I got charged a worse rate than the one online.
Do you add a markup on the exchange rate?
What rate will I get if I pay in {cur}?
The rate on my card payment in {city} looks wrong.
How is the currency conversion calculated?
Is the exchange rate worse at the weekend?
What's the conversion rate for {cur} right now?
Why did I get fewer {cur} than I expected?
Which rate do you use when I spend abroad?
Can I lock in an exchange rate before my trip?
The rate changed between my payment and my statement.
What rate do I get for converting {amount} to {cur}?
Is it cheaper to pay in {cur} or in pounds?
When I transferred money to {country} the rate was terrible.
Why is your rate different from the one on the news?
How often does the exchange rate update?
What rate applies if I take out cash in {cur}?
I was charged {amount} extra because of the exchange rate.
""")),
    "top_up_failed": Pool("frames:top_up_failed", lines("""
My top up didn't work.
I tried to top up {amount} and it failed.
Why can't I add money to my account?
My top up with my {card} was declined.
The top up failed but I was still charged.
Adding money by Apple Pay isn't working.
My top up is stuck and not showing in my balance.
I can't load money onto my account from my bank card.
Top up keeps failing with an error.
Why was my top up of {amount} rejected?
I added {amount} {when} but my balance hasn't changed.
The top up from my other bank didn't go through.
I can't top up using my credit card.
My auto top up stopped working.
Why does top up say card not supported?
I tried adding money three times and it won't work.
My top up by bank transfer hasn't shown up.
My balance wasn't topped up after the payment.
Failed to add funds to my wallet.
The app won't let me top up.
My top up was cancelled for no reason.
My top up of {amount} disappeared.
""")),
    "cash_withdrawal_fee": Pool("frames:cash_withdrawal_fee", lines("""
Why was I charged a fee for taking out cash?
How much does it cost to withdraw cash abroad?
I was charged {fee} for an ATM withdrawal.
Is there a fee for using cash machines in {country}?
Why is there an extra charge on my cash withdrawal?
What's the free ATM withdrawal limit?
I took out {amount} in {city} and got a fee.
How many free withdrawals do I get a month?
Why did the cash machine charge me {fee}?
There's an ATM fee on my statement, why?
Withdrawing cash with my card cost me {fee}, why?
The ATM in {country} gave me a bad rate and a fee.
Are cashpoint withdrawals free?
What fees apply when I take out {cur}?
Is there a fee for taking out cash at the post office?
I got a withdrawal fee even though I'm under the limit.
Why does withdrawing {amount} cost extra?
How much is the charge for cash withdrawals?
Do I pay a fee if I take money out with my credit card?
Why is getting cash out not free anymore?
I took {amount} out of an ATM and you charged me for it.
Does it cost anything to use a cash machine in {city}?
""")),
    "refund_missing": Pool("frames:refund_missing", lines("""
I haven't got my refund from {merchant} yet.
{merchant} says they refunded me but it's not in my account.
Where is my refund of {amount}?
My refund still hasn't arrived after {days} days.
I returned an item to {merchant} and got no money back.
How long do refunds take to show up?
The shop refunded {amount} {when} and I can't see it.
My refund is missing from my balance.
I was promised a refund by {merchant} but nothing came.
The refund from {merchant} is not showing, please check.
A refund to my card hasn't appeared.
I cancelled my order at {merchant} and haven't been refunded.
Can you find the refund {merchant} sent on {date}?
My money from {merchant} was meant to come back by now.
The refund for my cancelled flight isn't here.
How do I chase a missing refund?
{merchant} issued a refund {days} days ago, where is it?
My refund from {merchant} is still pending.
The refund for my return to {merchant} never came through.
I got a refund email but no money.
Why hasn't the {amount} refund landed?
{merchant} sent my money back by transfer but I can't see it.
""")),
    "direct_debit": Pool("frames:direct_debit", lines("""
How do I set up a direct debit?
I want to cancel a direct debit to {merchant}.
A direct debit I don't recognise came out {when}.
Why was my direct debit to {merchant} taken twice?
Can I change the date my direct debit comes out?
My direct debit for rent bounced.
How do I see all my direct debits?
{merchant} took a direct debit I cancelled.
Stop the direct debit to {merchant} please.
Is my gym direct debit still active?
A direct debit of {amount} went out early.
I need to move my direct debits to this account.
Can {merchant} take money from me by direct debit?
Why did my direct debit fail this month?
How do I set up a standing order to {person}?
My direct debit to {merchant} didn't get paid.
Cancel my standing order to {person}.
Who is taking money by direct debit from my account?
Can I get a refund on a wrong direct debit?
The energy company says my direct debit was rejected.
Does my direct debit still work with my new card?
When does my direct debit to {merchant} come out?
""")),
    "change_address": Pool("frames:change_address", lines("""
How do I change my address?
I've moved house, how do I update my details?
I need to update my home address.
Can I change my address in the app?
My address is wrong on my account.
I moved to {city}, please update my address.
Where do I edit my postal address?
I want my new card sent to my new address.
Please change my address to {number} {street}.
How do I update my address before my card is sent?
My statements are going to my old address.
I moved abroad to {country}, can I update my address?
Update my billing address please.
The app won't let me change my address.
Do I need proof to change my address?
I've just moved to {street} and need to change my details.
There's a wrong postcode on my profile, how do I fix it?
I'd like to update where you send my post.
How long does an address change take?
I live at {number} {street} now, not the old place.
My address changed {when}, where do I update it?
There's a typo in my address, please correct it.
""")),
    "verify_identity": Pool("frames:verify_identity", lines("""
How do I verify my identity?
Why do you need a photo of my passport?
My ID check keeps failing.
The selfie verification won't work.
What documents do you accept to prove who I am?
My identity verification is still pending.
Why was my driving licence rejected?
I uploaded my passport {when}, how long does the check take?
The app keeps asking me to verify my account again.
Can I verify with a national ID card?
Verification failed, what should I do?
Why do you need to check my ID?
I can't take a clear photo of my passport.
How long does identity verification take?
My account is limited until I verify who I am.
Do you accept a residence permit for verification?
I'm stuck on the ID verification screen.
Why do you need proof of address from me?
My face scan was rejected.
Is it safe to send you a copy of my passport?
My ID has expired, can I still verify?
I verified {when} but the app still says unverified.
""")),
    "close_account": Pool("frames:close_account", lines("""
How do I close my account?
I want to delete my account.
Please close my account and send what's left to my other bank.
Can I cancel my account?
I'd like to shut my account down.
What happens to my money if I close my account?
How do I permanently delete my profile?
I no longer need this account, please close it.
Close my account, I'm moving to another bank.
Can I close the account from the app?
Do I need to cancel my direct debits before closing?
I want to leave and close everything.
Terminate my account please.
How long does it take to close an account?
I'm done with this bank, close my account.
Can I reopen an account I closed last year?
Will closing my account cancel my card too?
Remove my account and all my data.
I'd like to close my joint account with {person}.
Can I close my account and keep my statements?
Close the account and refund what's left in it.
Please deactivate my account for good.
""")),
    "statement_request": Pool("frames:statement_request", lines("""
Can I get a bank statement for {month}?
How do I download my statements?
I need a statement for my mortgage application.
Please send me statements for the last {days} months.
Where can I find my monthly statement?
I need a stamped statement for my visa application.
Can I get a PDF of my transactions?
How do I export my statement to a spreadsheet?
I need proof of income, can you send a statement?
Can I get a paper statement posted to me?
A statement for {month} please.
Where is my annual statement?
I need my statements before I close the account.
Can I get a statement showing the interest I earned?
I need a statement for my {cur} account.
My landlord wants three months of statements.
How far back can I get statements?
Can you email me a statement?
I need a transaction history for my accountant.
Get me a statement for my savings account.
Where do I see last year's statements?
Can I get an official letter showing my balance?
""")),
    "interest_rate": Pool("frames:interest_rate", lines("""
What interest rate do I get on savings?
How much interest will I earn on {amount}?
Has the savings rate gone down?
What's the interest on my savings account?
Why did my interest rate change?
When is interest paid into my account?
Do you pay interest on my balance?
Is the interest rate fixed or variable?
What rate do you charge on an overdraft?
How is interest calculated?
I didn't get my interest this month.
What's the APR on the credit card?
Will my rate go up if the base rate rises?
How much interest did I earn last year?
Is there a better rate if I lock my money away?
What rate do I get on the {cur} account?
Why is my interest so low?
What's the current rate for the easy access saver?
How often is interest added?
My interest payment looks wrong.
Do you pay interest daily or monthly?
What rate would I pay on a loan of {amount}?
""")),
}

# Intents that get confused with each other; a noisy row is a request about one
# of these that keeps its own label.
NEIGHBOURS = {
    "card_lost": ("card_not_arrived", "pin_blocked"),
    "card_not_arrived": ("card_lost", "change_address"),
    "card_declined": ("pin_blocked", "top_up_failed"),
    "pin_blocked": ("card_declined", "card_lost"),
    "transfer_failed": ("transfer_pending", "card_declined"),
    "transfer_pending": ("transfer_failed", "refund_missing"),
    "exchange_rate": ("cash_withdrawal_fee", "interest_rate"),
    "top_up_failed": ("card_declined", "transfer_pending"),
    "cash_withdrawal_fee": ("exchange_rate", "card_declined"),
    "refund_missing": ("transfer_pending", "direct_debit"),
    "direct_debit": ("transfer_failed", "close_account"),
    "change_address": ("verify_identity", "card_not_arrived"),
    "verify_identity": ("change_address", "close_account"),
    "close_account": ("direct_debit", "statement_request"),
    "statement_request": ("close_account", "interest_rate"),
    "interest_rate": ("exchange_rate", "statement_request"),
}

# --------------------------------------------------------------------------
# Around the request: lead-ins, greetings, sign-offs, registers
# --------------------------------------------------------------------------
# Neutral lead-ins that fit any intent (the request follows, first letter lowered).
LEAD_INS = Pool("lead_ins", lines("""
I'm on holiday in {country} and
I'm travelling in {country} right now and
Since I moved to {city},
I've banked with you for {years} years and
I'm a student and
On my joint account,
On my business account,
Using the app on my phone,
Sorry if this is a silly question, but
This is the second time I'm asking,
Quick one,
I'm abroad in {city} and
My partner and I share an account and
For the account ending {digits},
"""))
GREETINGS = Pool("greetings", lines("""
Hi,
Hello,
Hey,
Hi there,
Good morning,
Hello there,
Quick question,
Please help,
Hi team,
Good evening,
Excuse me,
Hiya,
"""))
# one-sentence endings: after a statement (the final "." replaced) / after a question
STATEMENT_ENDS = Pool("statement_ends", lines("""
, thanks.
, thank you.
, please help.
, can you help?
, what can I do?
, please sort it out.
, any ideas?
, cheers.
, please advise.
, thanks in advance.
"""))
QUESTION_ENDS = Pool("question_ends", [" please?", ", thanks?", " at all?", ", please?"])  # a list, not lines():
# lines() strips each line, and " please?" / " at all?" need their leading space
TERSE_OPENERS = ["hi", "help", "hey", "urgent", "hello", "pls help"]
REGISTERS = (("plain", 0.42), ("polite", 0.3), ("terse", 0.2), ("shouty", 0.08))
TYPO_RATE = {"plain": 0.08, "polite": 0.06, "terse": 0.18, "shouty": 0.1}
KEYBOARD = {  # neighbouring keys for replacement typos
    "a": "qs", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh",
    "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm",
    "o": "ip", "p": "o", "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi",
    "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def make_amount(rng):
    sym = rng.choice("£££€$")
    value = rng.choice([rng.randint(5, 99), rng.randint(20, 400), rng.randint(100, 2500)])
    return rng.choice([
        "%s%d" % (sym, value), "%s%d" % (sym, value), "%s%d.%02d" % (sym, value, rng.randint(1, 99)),
        "%s%s" % (sym, format(value, ",")),
    ])


def make_fee(rng):
    sym = rng.choice("£££€$")
    return rng.choice(["%s%d" % (sym, rng.randint(1, 5)), "%s%d.%02d" % (sym, rng.randint(0, 4), rng.choice([50, 75, 99, 25]))])


def make_date(rng):
    d = rng.randint(1, 28)
    m = rng.randrange(12)
    suffix = "th" if 10 <= d <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return rng.choice(["%d %s" % (d, MONTHS[m]), "%s %d" % (MONTHS[m], d), "the %d%s" % (d, suffix),
                       rng.choice(WEEKDAYS), "%02d/%02d" % (d, m + 1)])


PRONOUN_I = {"I", "I'm", "I've", "I'd", "I'll"}
# First words after which a lead-in ending in "and" cannot go on: a question ("... and how long do refunds take?")
# or a verbless fragment ("... and lost card, need a replacement."). Such a lead-in ends its own sentence instead.
BREAK_AFTER_AND = {"Are", "Can", "Do", "Does", "Has", "How", "Is", "What", "What's", "When", "Where", "Which", "Who",
                   "Why", "Will", "Card", "Failed", "Lost", "PIN", "Transfer", "Verification"}


def first_word(text):
    """The first word of `text` with an apostrophe inside it kept ("I'm", "What's"); "" if it has none."""
    match = re.match(r"[A-Za-z]+(?:'[A-Za-z]+)?", text)
    return match.group() if match else ""


def lower_first(text):
    """Lower the first letter for use after a lead-in or greeting, unless the first word is the pronoun I (I, I'm,
    I've, I'd, I'll), an acronym of two or more capitals (PIN) or a word of a name in the generator's lists (Ines,
    Tessaro, Apple), possibly with a possessive 's."""
    word = first_word(text)
    name = word[:-2] if word.endswith("'s") else word
    if word in PRONOUN_I or (len(word) > 1 and word.isupper()) or name in NAME_WORDS:
        return text
    return text[:1].lower() + text[1:]


def join_lead_in(lead_in, core):
    """A lead-in and the request after it: "I'm a student and I ..." but "I'm a student. How ...?"."""
    if lead_in.endswith(" and") and first_word(core) in BREAK_AFTER_AND:
        return lead_in[:-len(" and")] + ". " + core
    return lead_in + " " + lower_first(core)


NAME_WORDS = {w for name in MERCHANTS + FIRST_NAMES for w in name.split()} | {"Apple"}


def fill(rng, template, ev):
    merchants, first, cities, streets = NAME_SETS[ev]
    person = rng.choice(first) if rng.random() < 0.55 else rng.choice(RELATIONS)
    ctx = dict(
        amount=make_amount(rng), fee=make_fee(rng), merchant=rng.choice(merchants), person=person,
        city=rng.choice(cities), street=rng.choice(streets), number=rng.randint(2, 180),
        country=COUNTRIES.pick(rng, ev), cur=CURRENCIES.pick(rng, ev), card=rng.choice(CARDS),
        when=rng.choice(WHEN), date=make_date(rng), days=rng.choice(NUMBER_WORDS),
        month=rng.choice(MONTHS + ["last month", "March and April", "the last quarter"]),
        years=rng.choice(YEARS), digits="%04d" % rng.randint(0, 9999))
    return template.format(**ctx), ctx


def add_typo(rng, text):
    """Misspell one lower-case word of five or more letters."""
    spans = [m.span() for m in re.finditer(r"(?<![\w@.])[a-z]{5,}(?![\w@]|\.\w)", text)]
    if not spans:
        return text
    start, end = rng.choice(spans)
    w = text[start:end]
    i = rng.randrange(1, len(w) - 1)
    r = rng.random()
    if r < 0.35:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif r < 0.6:
        w = w[:i] + w[i + 1:]
    elif r < 0.8:
        w = w[:i] + w[i] + w[i:]
    else:
        w = w[:i] + rng.choice(KEYBOARD[w[i]]) + w[i + 1:]
    return text[:start] + w + text[end:]


def make_request(rng, content, ev, heldout):
    """One request about `content`; returns (text, frame index in FRAMES[content].all)."""
    pool = FRAMES[content]
    template = rng.choice(pool.held if heldout else pool.shared)
    core, ctx = fill(rng, template, ev)
    register = weighted(rng, REGISTERS)
    if rng.random() < LEAD_IN_RATE:
        core = join_lead_in(LEAD_INS.pick(rng, ev).format(**ctx), core)
    question = core.endswith("?")
    if register == "polite":
        r = rng.random()
        if r < 0.75:
            core = GREETINGS.pick(rng, ev) + " " + lower_first(core)
        if r > 0.45:
            if question:
                core = core[:-1] + QUESTION_ENDS.pick(rng, ev)
            else:
                core = re.sub(r"[.!]$", "", core) + STATEMENT_ENDS.pick(rng, ev)
        elif rng.random() < 0.3:
            core = re.sub(r"\b(can you|could you)\b", r"\1 please", core, count=1, flags=re.I)
    elif register == "plain":
        if rng.random() < 0.25:
            core = core[:-1]  # no final full stop / question mark
    elif register == "terse":
        core = core.lower().replace("'", "")
        core = re.sub(r"[.,?!](?=\s|$)", "", core)
        if rng.random() < 0.2:
            core = rng.choice(TERSE_OPENERS) + " " + core
        if rng.random() < 0.25:
            core = re.sub(r"\bplease\b", "pls", core)
    elif register == "shouty":  # upset: repeated marks, a word in capitals
        core = re.sub(r"\b(still|never|again|twice|wrong|keeps|always|nothing)\b", lambda m: m.group(1).upper(),
                      core, count=1)
        core = re.sub(r"[.?]$", lambda m: m.group(0) * rng.choice([1, 2, 3]) if m.group(0) == "?" else
                      rng.choice(["!", "!!", "!!!"]), core)
    if rng.random() < TYPO_RATE[register]:
        core = add_typo(rng, core)
    return cap(core), pool.all.index(template)


def build(seed=SEED):
    """Return {split: [(text, label, content intent, frame index, frame held out?), ...]}; no text repeats."""
    seen = set()
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        ev = split != "train"
        per_label = size // len(LABELS)
        n_held = round(per_label * EVAL_HELDOUT_RATE) if ev else 0
        plan = [(label, k < n_held) for label in LABELS for k in range(per_label)]
        rng.shuffle(plan)
        noisy = set(rng.sample(range(size), round(size * NOISE_SHARE)))
        rows = []
        for i, (label, heldout) in enumerate(plan):
            content = rng.choice(NEIGHBOURS[label]) if i in noisy else label
            while True:
                text, frame = make_request(rng, content, ev, heldout)
                if text not in seen and MIN_WORDS <= n_words(text) <= MAX_WORDS:
                    break
            seen.add(text)
            rows.append((text, label, content, frame, heldout))
        data[split] = rows
    return data


def generate(seed=SEED):
    """Return {split: [(text, label), ...]} with no duplicate text anywhere."""
    return {split: [row[:2] for row in rows] for split, rows in build(seed).items()}


def main(out_dir=None, seed=SEED):
    """Write train/validation/test CSVs into `out_dir` (default: assets/intents)."""
    return write_csv_splits(out_dir or os.path.join(ASSETS_DIR, "intents"), generate(seed), ["text", "label"])


# --------------------------------------------------------------------------
# Reference baseline (python -m assets.make_intents --measure)
# --------------------------------------------------------------------------
def measure(data_dir=None, seed=SEED):
    """TF-IDF word 1-2-grams (min_df=2) + logistic regression (max_iter=1000) fitted on train, scored on
    validation and test, and on the test rows built on seen vs held-out frames."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    data_dir = data_dir or os.path.join(ASSETS_DIR, "intents")
    frames = {s: pd.read_csv(os.path.join(data_dir, s + ".csv"), keep_default_na=False) for s, _ in SPLITS}
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2)
    model = LogisticRegression(max_iter=1000).fit(vec.fit_transform(frames["train"]["text"]), frames["train"]["label"])
    built = build(seed)
    results = {}
    for split in ("validation", "test"):
        pred = model.predict(vec.transform(frames[split]["text"]))
        gold = frames[split]["label"].to_numpy()
        held = [row[4] for row in built[split]]
        results[split] = (accuracy_score(gold, pred), f1_score(gold, pred, average="macro"))
        seen_acc = accuracy_score(gold[[not h for h in held]], pred[[not h for h in held]])
        held_acc = accuracy_score(gold[held], pred[held])
        print("%-10s accuracy %.3f  macro-F1 %.3f  (seen frames %.3f, held-out frames %.3f)"
              % ((split,) + results[split] + (seen_acc, held_acc)))
    return results


if __name__ == "__main__":
    parser = command_line(__doc__, SEED, "folder that gets train/validation/test.csv (default: assets/intents/)")
    parser.add_argument("--measure", action="store_true",
                        help="fit the TF-IDF + logistic regression baseline on the written files instead of "
                             "writing them (needs scikit-learn)")
    args = parser.parse_args()
    if args.measure:
        measure(args.out_dir, args.seed)
    else:
        main(args.out_dir, args.seed)
