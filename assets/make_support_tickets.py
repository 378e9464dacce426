"""Generate the synthetic customer-support intent data set in ``assets/support_tickets/``.

How: every ticket is a short message (one to three core sentences, 12-60
words) sent to an online shop that also sells subscriptions. It is put
together from hand-written English parts: problem statements ("frames") for
each of the five intents, optional detail sentences, requests ("asks"),
greetings, small talk, angry asides and sign-offs, filled with invented
products, plans, services, devices, couriers, people, order numbers, dates and
amounts. ``random.Random(seed)`` drives every choice, so the output is
byte-identical on every run. Each ticket gets its label first, then a register
(polite, plain, angry, terse, rambling) that decides which extras it gets and
how it is written (lower case, missing apostrophes, "pls", exclamation marks,
the odd typo).

Labelling rule: the label is the thing support has to act on for the
customer. If something stops the customer from doing what they want (they
cannot log in, a page is broken) the label is that blocker; otherwise it is
what they ask for, and the reason they give does not count. A refund takes the
label of what went wrong: a wrong charge is ``billing``, a parcel that is
late, lost or damaged is ``delivery``. So "I cancelled but was still charged"
is billing, "I can't log in to cancel" is account, "the cancel page crashes"
is technical and "cancel, the app keeps crashing" is cancellation.

Why: the labs need a small multi-class set that ships with the repo (no
downloads, no licence questions) and is a fair few-shot test. About half of
the frames in each intent use another intent's words on purpose (charge,
account, app, cancel, order, parcel), many tickets carry a sentence that names
another intent only to rule it out ("I'm not planning to cancel") or neutral
background ("I'm on the Duo plan"), so keyword rules do not solve it. About
30% of each wording pool (frames, details, asks, small talk) never appears in
train, and half of the validation/test tickets are built on one of those
held-out frames; people's names, products and service names in
validation/test never occur in train. 5% of the rows in each split are noisy
on purpose: half are tickets with two equally weighted requests whose label is
one of them, half carry the label of a neighbouring intent. A TF-IDF +
logistic-regression baseline lands around 85-90% on test.

Run from the repository root:  python -m assets.make_support_tickets  (or python assets/make_support_tickets.py)
"""

import os
import random
import re
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import (ASSETS_DIR, MONTHS, WEEKDAYS, Pool, cap, command_line, lines, n_words,
                                      split_pool, weighted, words, write_csv_splits)

SEED = 2024
SPLITS = (("train", 900), ("validation", 250), ("test", 250))
LABELS = ("billing", "delivery", "account", "technical", "cancellation")
NAMES_HELDOUT_SHARE = 0.35  # share of names, products and services only seen in validation/test
EVAL_HELDOUT_RATE = 0.5  # validation/test tickets built on a held-out frame
NOISE_SHARE = 0.05   # ambiguous or mislabelled rows per split
MIN_WORDS, MAX_WORDS = 12, 60


# --------------------------------------------------------------------------
# Slot vocabularies
# --------------------------------------------------------------------------
FIRST_NAMES = words("""
Mara Tobias Ines Rafael Juno Callum Priya Dmitri Elodie Kwame Saoirse Lucan
Noor Anselm Freya Matthias Yara Oskar Beatriz Idris Lena Corwin Amara Teodor
Sunniva Ezra Hana Bastian Liora Cosmo Maren Jonah Odile Silas Wren Darius
Agnes Florian Isolde Kenji Rosalind Talia Hugo Nadia Ottilie Ravi Greta
Mireille Anton Zora Felix Ivo Delphine Marek Philippa Arlo Bram Esme Joaquin
""")
LAST_NAMES = words("""
Quill Ashgrove Varga Lindqvist Okafor Bellweather Castellan Drummond Ferrante
Halloran Ivers Kestrel Lachance Moreau Nakashima Oyelaran Pellegrini Radcliffe
Sorensen Thackeray Underhill Valdez Whitlock Yarrow Zeller Abernathy Brandt
Corvino Dallimore Fairbrother Gallow Hartigan Iwasaki Kovalenko Larkspur
Marchetti Ostrowski Quintero Rasmussen Stroud Tremaine Westerberg Abara
Blackwood Cordell Eberhardt Fontaine Holloway Jansen Kilbride Novak Orsini
""")
# things sold in the shop (invented brand + ordinary item)
PRODUCTS = lines("""
Halden desk lamp
Korro running shoes
Vesta coffee grinder
Lumo bike light
Ardent rain jacket
Pelham backpack
Nook bedside clock
Tamsin wool scarf
Orrin speaker
Brisa blender
Calder yoga mat
Fenwick saucepan set
Quayside water bottle
Skerry phone case
Tilde kettle
Wexley headphones
Ember air fryer
Juniper throw blanket
Northgate hiking boots
Pipit baby monitor
Sable office chair
Rookwood chess set
Marlow picture frame
Aster plant pot
Driftline hoodie
Glint watch strap
Hollis toaster
Inkwell notebook bundle
Loomcraft rug
Mira hair dryer
Ormond lunchbox
Pebblecraft power bank
Ridgeway tent
Solace pillow
Torrent shower head
Umber bookshelf
Vale desk fan
Wicklow teapot
""")
# subscription services the ticket is addressed to
SERVICES = words("""
Streamwell Larderbox Fablehouse Nimbusplay Brightcart Tuneloft Harbourflix
Basketly Quillo Pantrypal Reelhaven Cartwheel Moonbox Vidora Shelfwise
Northstream Bramblebox Kiteview
""")
PLANS = Pool("plans", lines("""
Plus plan
Premium plan
Family plan
Student plan
Basic plan
annual membership
monthly membership
Duo plan
4K plan
Standard plan
Gold membership
Essentials plan
Pro plan
Starter plan
yearly plan
ad-free plan
"""))
DEVICES = Pool("devices", lines("""
iPhone
iPad
Android phone
Samsung TV
LG TV
Fire Stick
Roku
Pixel phone
Galaxy tablet
MacBook
Windows laptop
Xbox
PlayStation
Apple TV
Chromebook
smart TV
work laptop
old tablet
"""))
COURIERS = Pool("couriers", lines("""
DPD
UPS
FedEx
DHL
Royal Mail
Evri
Yodel
USPS
GLS
Parcelforce
the courier
the delivery company
"""))
CITIES = Pool("cities", words("""
Leeds Bristol Manchester Glasgow Cardiff Dublin Boston Denver Toronto
Leicester Norwich Sheffield Portland Austin Brighton York Belfast Ottawa
"""))
FEATURES = Pool("features", lines("""
watchlist
search bar
download button
offline mode
profile switcher
wishlist
voice search
sleep timer
order history page
gift card page
picture-in-picture mode
kids mode
recently viewed list
basket page
"""))
ADDONS = ["sports", "kids", "music", "cloud storage", "4K", "extra screen",
          "live TV", "audiobook"]
CARDS = ["Visa", "Mastercard", "debit card", "credit card", "PayPal", "Amex",
         "bank card"]
BROWSERS = ["Chrome", "Firefox", "Safari", "Edge"]
WHEN = ["yesterday", "last week", "a few days ago", "last Friday", "this morning",
        "over the weekend", "earlier this week", "three days ago", "on Tuesday",
        "two weeks ago"]
NUMBER_WORDS = ["three", "four", "five", "six", "eight", "ten", "twelve"]
YEARS = ["two", "three", "four", "five", "six", "eight", "ten"]
MAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com"]

_TRAIN_FIRST, _EVAL_FIRST = split_pool("first", FIRST_NAMES, NAMES_HELDOUT_SHARE)
_TRAIN_LAST, _EVAL_LAST = split_pool("last", LAST_NAMES, NAMES_HELDOUT_SHARE)
_TRAIN_PRODUCTS, _EVAL_PRODUCTS = split_pool("products", PRODUCTS, NAMES_HELDOUT_SHARE)
_TRAIN_SERVICES, _EVAL_SERVICES = split_pool("services", SERVICES, NAMES_HELDOUT_SHARE)
NAME_SETS = {
    False: (_TRAIN_FIRST, _TRAIN_LAST, _TRAIN_PRODUCTS, _TRAIN_SERVICES),
    True: (_EVAL_FIRST, _EVAL_LAST, _EVAL_PRODUCTS, _EVAL_SERVICES),
}

# --------------------------------------------------------------------------
# Problem statements, one pool per intent. Each line is "tags|text": tags name
# the other intents whose words the frame uses on purpose (confusable cases),
# "-" for none. A ticket never gets a distractor sentence for a tagged intent.
# --------------------------------------------------------------------------
FRAMES = {
    "billing": Pool("frames:billing", items=lines("""
-|I was charged twice for order {order}.
-|My card was charged {amount} twice on {date} for the same {plan}.
-|You took {amount} from my account but the {plan} is supposed to cost {amount2}.
-|The invoice for order {order} shows {amount} but I actually paid {amount2}.
-|I need a proper invoice for order {order} with my company name on it, the receipt in the email isn't enough for my accountant.
-|There is a payment of {amount} to {service} on my bank statement that I don't recognise.
delivery|I sent the {product} back {when} and the return was signed for, but the refund still hasn't reached my {card}.
-|The discount code was accepted at checkout but I was billed the full {amount} anyway.
-|My {plan} renewed at {amount} instead of the {amount2} I signed up for.
-|The price went up without any warning and I was billed {amount} this month.
-|I'm being billed for the {plan} and for the {plan2}, but I only have one of them.
-|Could you send me the invoices for the last three months? I need them for my tax return.
technical|The checkout page froze, I pressed pay again, and now there are two payments of {amount} on my {card}.
-|You charged my old {card} even though I put a new card on file {when}.
-|The free trial was meant to last a month but I was charged {amount} after a week.
-|I got an email on {date} saying my refund of {amount} was processed, but nothing has arrived on my {card}.
-|My gift card should have covered the whole order but you charged {amount} to my {card} as well.
cancellation|I cancelled my {plan} on {date} but you still took {amount} this month.
cancellation,account|I closed my account {when} and today there is another payment of {amount} from you.
technical|My bank was charged {amount} but the app showed {amount2} at checkout.
delivery|Order {order} arrived fine, but I was charged {fee} for express shipping that I never selected.
cancellation|I downgraded to the {plan2} on {date} and I'm still being billed the old {plan} price.
account|Right after I reset my password I noticed two charges of {amount} on my statement.
account|Logging in works fine, what I don't understand is the {amount} charge from {date}.
technical|The app said my payment failed, but {amount} left my account anyway.
cancellation,delivery|You cancelled order {order} because it was out of stock, yet the {amount} still hasn't come back to my card.
-|My bank statement shows three separate payments to {service} this month.
-|I paid by {card} but the invoice still says unpaid and I keep getting reminders.
-|Why is my bill {amount} this month? It's normally {amount2}.
-|The student discount vanished from my bill after the renewal on {date}.
cancellation,delivery|I cancelled order {order} before it shipped and you charged me {amount} for it anyway.
-|I was charged a {fee} fee that I can't find anywhere in your price list.
-|The VAT on my invoice for order {order} is calculated wrong.
-|double charge on order {order}, {amount} taken two times.
delivery|The delivery fee on my invoice is {fee} but your site said shipping was free over {amount2}.
account|I changed my email address a while ago and since then I've been billed twice every month.
delivery|My parcel arrived on time, no issue there, but you took {amount} instead of {amount2}.
technical|Your website crashed during checkout and it looks like I paid for order {order} three times.
cancellation|The cancellation confirmation came on {date}, but a renewal payment of {amount} went out the next day.
cancellation|I moved down to the cheaper plan but my last payment was still {amount}.
technical|The app charged me {amount} for a film I never rented, I only tapped it by accident.
cancellation|I paused my subscription but you billed me {amount} anyway.
account|My husband and I share one account and we've both been charged for the {plan}.
delivery|I was charged postage twice on order {order}.
cancellation|I was charged {amount} for the renewal on {date} even though I'd cancelled the week before.
account|I can log in and see two identical payments for order {order}.
technical|Order {order} went through fine but the app billed me in the wrong currency.
delivery|Order {order} never left your warehouse because you cancelled it, and I'm still waiting on the {amount}.
""")),
    "delivery": Pool("frames:delivery", items=lines("""
-|My parcel for order {order} was due on {date} and it still hasn't turned up.
-|The tracking for order {order} hasn't moved in {days} days.
-|Tracking says my parcel was delivered {when}, but there is nothing at my door and nothing with the neighbours.
-|I typed the wrong house number on order {order}. Can the parcel still be redirected?
-|The {courier} driver left my parcel with a neighbour I've never met, and I can't find out which one.
-|My {product} arrived with the box crushed and the thing inside broken.
-|Only part of order {order} arrived, the {product} was not in the box.
-|I received someone else's parcel instead of my {product}.
-|My parcel has been sitting at the {courier} depot in {city} since {date}.
-|The tracking link in the dispatch email only ever says "label created".
-|I've moved house. Can you change the delivery address on order {order} before it goes out?
-|{courier} keeps saying my address can't be found, but it's the same address I've always used.
-|I missed the courier {when} and there's no card telling me how to rebook.
-|You sent order {order} to my old address in {city} even though I updated it.
-|I ordered the {product} {days} days ago and it still hasn't been dispatched.
-|The estimated delivery date keeps slipping, first it was {date}, now it's some time next week.
billing|I'd like my money back for order {order}, the parcel never arrived.
billing|I paid {fee} extra for next-day delivery and the parcel took a week.
technical|Your app says order {order} was delivered {when}, but I never got it.
cancellation|I don't want to cancel anything, I just want to know where my parcel is.
account|My account page has shown order {order} as shipped since {date} and nothing since.
billing|The money for order {order} left my account on {date} and it still hasn't shipped.
cancellation|This month's box from my subscription never showed up.
-|The courier left my parcel on the doorstep in the rain and the {product} is soaked.
-|{courier} marked my parcel as a failed delivery but nobody rang the bell, I was home all day.
-|The tracking number for order {order} comes back as invalid on the {courier} website.
-|I need order {order} by {date} for a birthday. Is it going to make it?
-|where is my order {order}?? it was meant to be here {when}.
-|My parcel was sent back to you without anyone even trying to deliver it.
cancellation|I would rather not cancel order {order}, but if it doesn't arrive by Friday I'll have to.
billing|The invoice for order {order} came through by email, the parcel didn't.
-|{courier} told me to contact you because the parcel is lost somewhere between your warehouse and me.
-|The address on my order confirmation is missing the flat number, please fix it before it ships.
billing|Please refund the shipping on order {order}, it arrived {days} days late and the {product} was dented.
account|I changed the address in my account but order {order} still went to the old one.
technical|The tracking page won't tell me anything, it has said "processing" since {date}.
cancellation|I haven't cancelled or changed anything, yet order {order} has vanished from tracking.
account|I got an email saying my parcel went to a different address from the one on my account.
billing|I'd like a refund for the {product}, it arrived in pieces.
technical|The {product} went to the wrong house, the photo in the app shows someone else's door.
cancellation|My subscription box has been late three months in a row and this one still hasn't come.
billing|You refunded me for the missing item but the rest of order {order} is still nowhere to be seen.
billing|Order {order} never arrived, please refund the {amount}.
-|The tracking page says order {order} was delivered but {courier} says it's still at the depot.
cancellation|Order {order} hasn't shipped after {days} days. I still want it, I just want to know when.
account|Order {order} was delivered to the address from my old account, not the current one.
""")),
    "account": Pool("frames:account", items=lines("""
-|I can't log in. It keeps saying my password is wrong, but I'm sure it's right.
-|The password reset email never arrives, I've checked spam too.
-|I need to change the email address on my account to {email}.
-|My account has been locked after too many login attempts.
-|I got a new phone number and the two-factor codes still go to my old one.
-|The two-factor code from my authenticator is rejected every time.
-|Someone changed my password {when} and I think my account has been hacked.
-|I've ended up with two accounts somehow. Can you merge them into the one under {email}?
-|I got married and need to change the surname on my account.
-|Every password reset link I get says it has expired as soon as I click it.
-|I no longer have access to the email address I signed up with.
-|I got a warning about a sign-in from {city} {when} and it wasn't me.
-|How do I update the phone number on my profile? The field is greyed out.
-|I can't remember which email address I used to sign up.
-|Please unlock my account, I've been locked out since {date}.
cancellation|I want to cancel my {plan} but I can't log in to do it.
billing|I need to download my invoices for {service} but I'm locked out of my account.
delivery|I can't check the tracking on order {order} because I can't get into my account, the reset link doesn't work.
technical|The app logs me out and asks for a verification code that never comes.
delivery|Someone placed an order for a {product} from my account, and it wasn't me. I think my password has leaked.
cancellation|I'm not cancelling anything, I just need to move my subscription over to my new email, {email}.
billing|It says there's no account for {email}, even though you take money from me every month.
-|I want to turn on two-factor login but I can't find the setting anywhere.
-|locked out of my account, reset link dead, help.
-|My profile shows somebody else's name and address.
-|I signed up with my Google login and now I'd like a normal password instead.
-|I changed my email last week but the login codes still go to the old address.
billing|My renewal is on {date} and I need the account email changed before the invoice goes out.
technical|The app itself works fine, I just forgot my password and the reset email never shows up.
-|I need to remove my ex-partner's email from our shared account.
-|My account says "suspended" and nobody has told me why.
delivery|I'm waiting on order {order} but I've lost access to my account so I can't see anything.
-|The verification email for my new account never came, so I can't finish signing up.
technical|Is there a way to log out all other devices? I think someone else is using my login.
billing|I can't pay my bill because the site won't accept my password.
delivery|I need to update the name on my account, parcels keep arriving addressed to my old name.
billing|My card is saved on an old account I can't get into, how do I recover it?
cancellation|I closed my account by mistake {when}, can you reopen it?
technical|Every time I try to sign in on my {device} it asks for a code that never arrives.
cancellation|My ex still has my login and keeps using my subscription, please reset my password.
billing|Someone has been using my account to buy things, I can see orders I never made.
technical|Face ID login stopped recognising me and the fallback password doesn't work either.
technical|I can't log in on my {device}, it says my password is wrong even after resetting it.
billing|I'm being charged for the {plan} but I can't get into the account it's on.
cancellation|I want to keep my subscription but move it to a different account.
delivery|Someone changed the delivery address on my account and it wasn't me.
""")),
    "technical": Pool("frames:technical", items=lines("""
-|The app crashes every time I open it on my {device}.
-|Videos won't play, I just get a black screen with sound.
billing|I get error {code} on the checkout page whenever I try to place an order.
-|My watchlist doesn't sync between my {device} and my {device2}.
-|The website shows a blank white page after I click on my basket.
-|Downloads fail at 99% on my {device}.
-|The subtitles are a few seconds out of sync on everything I watch.
-|Since the last update the app freezes on the loading screen.
-|Search returns nothing, even for things I know you sell.
-|Video quality is stuck at the lowest setting even on fast wifi.
-|Notifications from the app never show up on my {device}.
-|The page keeps reloading with a "something went wrong" banner.
-|The "add to basket" button does nothing at all in {browser}.
-|Playback stops every few minutes with error {code}.
-|The {feature} has been broken since the update on {date}.
-|The app won't install on my {device}, it says the device isn't supported.
-|The sound is out of sync with the picture on my {device}.
cancellation|The app crashes every time I open the cancel subscription page.
account|I can log in fine, but after that every page shows error {code}.
billing|My invoices page is just a spinning wheel in {browser}.
delivery|The tracking map in your app crashes the whole app.
billing|I pay for the {plan} but everything streams in blurry low quality on my {device}.
account|Since the update the app signs me out every few minutes.
billing|I'm not asking for a refund, I just want the videos to actually play.
delivery|The order confirmation page gives me error {code}, so I can't tell whether the order went through.
-|Casting to my TV stopped working {when}.
-|Your website won't load in {browser} at all, though it works on my phone.
-|The "continue watching" row resets itself every day.
-|All my playlists disappeared after the last sync.
-|app crash on launch. {device}. please fix.
-|Offline downloads vanish from my {device} after a day.
billing|The promo code box throws an error when I press apply.
cancellation|The "manage subscription" page shows a 404 error.
-|The app makes my {device} overheat after ten minutes of watching.
billing|I tried to pay for order {order} three times and the payment page just times out.
account|The sign-in button on the website doesn't respond, so I can't even get to the login form.
delivery|The "track my parcel" button on your site leads to a broken page.
cancellation|I've been trying to downgrade but the page throws error {code} every time.
billing|The app won't let me update my card, the save button stays greyed out.
account|Since the update the app doesn't remember me and my profile picture is gone.
billing|My receipts don't load in the app, just an empty screen.
delivery|Your app freezes every time I try to add a delivery note to order {order}.
account|The "forgot password" link on your site takes me to a page that doesn't exist.
account|I can't log in on my {device}, the app crashes as soon as I press sign in.
delivery|The tracking page for order {order} shows error {code} every time I open it.
billing|The payment went through but the app still says my {plan} is inactive, so nothing plays.
cancellation|Every time I try to cancel, the confirm button just spins forever.
""")),
    "cancellation": Pool("frames:cancellation", items=lines("""
-|Please cancel my {plan}.
-|I'd like to stop my subscription from renewing on {date}.
account|I want to close my account and have my data deleted.
-|How do I downgrade from the {plan} to the {plan2}?
-|Please switch off auto-renew on my membership.
-|I'm moving abroad and need to end my {plan}.
-|Can you cancel my subscription with immediate effect?
-|I'd like to pause my subscription for a couple of months while I'm away.
-|I don't use {service} any more, so please cancel it.
billing|Please move me to the free tier at the end of this billing period.
billing|I keep getting charged for a service I never use. Just cancel it from now on.
technical|The app keeps crashing and I've had enough, please cancel my {plan}.
delivery|My last two parcels were both late, so I want to end my delivery membership.
account|I'm not locked out or anything, I simply want to close my account for good.
billing|Please cancel before the next charge goes out on {date}.
billing|I don't need a refund, just make sure the {plan} doesn't renew.
-|The price is too high for me now, please drop me down to the {plan2}.
-|I'm on the free trial and want to cancel before it turns into a paid plan.
account|I'm writing for my mother, she no longer needs her account, please close it.
-|Please take the {addon} add-on off my plan.
delivery|Please cancel order {order}, I ordered the wrong size.
-|cancel my sub please, thanks.
-|I want my {plan} to end at the end of this month, not straight away.
-|The family plan is more than we need, I'd like to go down to a single plan.
account|I logged in to cancel but couldn't find the option anywhere. Can you do it for me?
billing|Please stop the yearly renewal and send me a final invoice once it's done.
-|I'm switching to another provider, so please cancel my membership.
delivery|Please stop the monthly box, this one can be the last delivery.
-|I don't want the {plan} to auto-renew next year.
account|Please delete my account and all the data you hold on me.
technical|The picture quality isn't worth the price any more, please downgrade me to the {plan2}.
-|Can you confirm my cancellation went through? I did it on {date} and never got an email.
delivery|Don't send any more boxes after the one that's already on its way.
-|Remove the second screen from my plan, we don't need it any more.
billing|I don't want to pay for another year, please stop the renewal on {date}.
account|Please remove my account, I've already saved everything I need from it.
technical|Too many problems with the app lately, I'd like to leave at the end of the month.
delivery|Deliveries have been so slow that I'd like to stop my membership now.
billing|I can't afford {amount} a month any more, please cancel.
account|I log in once a year at most, please close the account.
billing|Please switch me from the {plan} to the cheaper {plan2} before the next invoice.
delivery|I don't need the shipping pass any more, please cancel it before it renews.
technical|Videos keep buffering and I'm done, close my {plan} please.
billing|I was charged {amount} for the renewal on {date}. Fine, but I don't want another year after this, please cancel.
delivery|Please cancel order {order}, it hasn't shipped yet and I don't need it any more.
technical|The app is fine, I just don't use it, so please end my {plan}.
account|I can log in fine, I just want the account closed.
""")),
}

# Optional second sentences that add detail to the problem.
DETAILS = {
    "billing": Pool("details:billing", lines("""
My bank shows both payments as completed, not pending.
I've checked my statement twice to be sure.
That's {amount} I really can't spare right now.
It was taken from my {card} on {date}.
I only have the one account and one {plan}.
The amount doesn't match anything on your pricing page.
I have the bank statement if you need to see it.
My partner spotted it while going through our budget.
It happened last month too but I let it slide.
The receipt email says one thing and my bank says another.
I did cancel ages ago, so there's no reason for it.
My parcel came fine, it's just the money.
The invoice in my account says something else again.
The app only shows one payment.
""")),
    "delivery": Pool("details:delivery", lines("""
The last tracking update was from the {courier} depot in {city}.
I stayed in all week waiting for it.
{courier} say it's your problem, you say it's theirs.
It was meant to be a present.
The neighbours haven't seen anything either.
I've already asked at the front desk of my building.
The confirmation says it was dispatched on {date}.
I live in a flat and there's nowhere safe to leave things.
Nobody has called or left a note.
It's the second parcel this month.
I paid for it on {date}, so it's not a money issue.
My account still says it's on the way.
The app has shown it as out for delivery since yesterday.
I'd really rather not have to cancel.
""")),
    "account": Pool("details:account", lines("""
I've tried three times now.
I've checked the spam folder more than once.
I still have my phone, just not the old email.
My username is the same as my email address.
I've tried on my {device} and on my laptop.
I haven't changed my password in years.
I never asked for a reset.
The account is in my name, {fullname}.
I don't know what else to try.
The code expires before it even arrives.
I'm worried someone else has my details.
I need to get in to check my invoices.
I do want to cancel eventually, but first I need access.
My parcel is due soon and I need to see the tracking.
The app just says "something went wrong".
""")),
    "technical": Pool("details:technical", lines("""
I've already deleted and reinstalled the app.
It happens on both wifi and mobile data.
I'm on the latest version of the app.
Restarting my {device} didn't help.
I've cleared my cache and cookies.
It stopped working {when}, it was fine before that.
It happens with every single title I try.
My internet is fine, everything else works.
I've tried {browser} and another browser, same thing.
The error shows up after about ten seconds.
It only started after the update.
I'm paying {amount} a month for this.
I don't want to cancel, I just want it fixed.
Logging in works, it's after that.
I was only trying to check where my parcel was.
""")),
    "cancellation": Pool("details:cancellation", lines("""
Nothing wrong with the service, I just don't use it enough.
I'd like a confirmation email once it's done.
Money is a bit tight at the moment.
We're cutting back on subscriptions at home.
I'll probably come back at some point.
I've found something that suits me better.
My kids have grown out of it.
I'm moving somewhere with poor internet.
I'll be travelling for most of next year.
Please don't try to talk me out of it.
Please don't charge me again after this.
The app has been crashing too, which didn't help.
My last parcel was late as well.
My login is the same email as always.
""")),
}

# Requests. Intent-specific ones follow the labelling rule (a refund for a lost
# parcel is asked for in a delivery ticket); generic ones fit any ticket.
ASKS = {
    "billing": Pool("asks:billing", lines("""
Please refund the extra payment.
Can you refund the difference?
Please send me a corrected invoice.
I'd like the duplicate charge reversed.
Please explain what this charge is for.
Can you put the money back on my card?
Please sort out my billing.
I want the overcharge returned.
""")),
    "delivery": Pool("asks:delivery", lines("""
Please send a replacement or refund me.
Can you chase the courier?
Can you tell me where it actually is?
Please send it out again.
Please update the address before it ships.
When will it actually arrive?
Please open a claim with the courier.
I'd like a refund if it can't be found.
""")),
    "account": Pool("asks:account", lines("""
Please help me get back into my account.
Can you reset it from your end?
Please send me a new reset link.
Can you update it for me?
Please lock down my account.
How do I get back in?
Can you verify me another way?
""")),
    "technical": Pool("asks:technical", lines("""
Is there a fix for this?
Is this a known issue?
Please pass this on to your developers.
When will it be fixed?
Is there any workaround?
What else can I try?
Can someone from tech support take a look?
""")),
    "cancellation": Pool("asks:cancellation", lines("""
Please confirm once it's done.
Please make sure I'm not billed again after that.
Can you confirm the end date?
Please process it today.
Let me know if you need anything else from me.
Please don't renew it.
A short confirmation is all I need.
""")),
}
GENERIC_ASKS = Pool("asks:generic", lines("""
Can you help?
Please look into this.
What are my options?
Can someone get back to me?
Please advise.
I'd appreciate a quick reply.
What do I do now?
Could you check what's going on?
"""))

# Neutral background about the customer, used in tickets of every intent, so
# that words like "plan", "order", "app" or "account" carry no signal by themselves.
BACKGROUND = Pool("background", lines("""
I pay {amount} a month for the {plan}.
My {plan} renews on {date}.
I usually pay with {card}.
I ordered a {product} from you {when}.
My last order was {order}.
I signed up with {email}.
I mostly use the app on my {device}.
I've had the {plan} for {years} years.
I use {service} on my {device} and on my {device2}.
My account is under {email}.
I've ordered from you loads of times.
I'm on the {plan}.
I'm on the {plan} and have been for a while.
My partner and I share the account.
"""))

# Sentences that name another intent only to rule it out. A ticket gets one
# for an intent other than its label (and not one its frame is tagged with).
DISTRACTORS = {
    "billing": Pool("distract:billing", lines("""
The payment side is all fine, by the way.
The money side is fine, that's not the problem.
My invoices look correct.
I paid by {card} as usual and that went through.
This has nothing to do with a charge.
No problem with the bill this time.
""")),
    "delivery": Pool("distract:delivery", lines("""
Every parcel I've had from you has arrived on time.
My last order came quickly, no complaints there.
This isn't about a delivery.
Tracking and shipping have always been fine for me.
The orders themselves always turn up fine.
""")),
    "account": Pool("distract:account", lines("""
I can log in without any trouble.
My password and email haven't changed.
I'm logged in right now on my {device}.
Nothing wrong with my login.
My account details are all correct.
""")),
    "technical": Pool("distract:technical", lines("""
The app works fine otherwise.
The website itself loads fine, no error messages.
This isn't a bug or anything technical.
I've had no problems with the app.
Streaming has been fine on my {device}.
""")),
    "cancellation": Pool("distract:cancellation", lines("""
I'm not planning to cancel, I like the service.
I don't want to downgrade or close anything.
I've been a subscriber for {years} years and I'm staying.
To be clear, I'm not cancelling.
I'd rather not cancel over this.
""")),
}

# --------------------------------------------------------------------------
# Noise around the request: greetings, small talk, tone, sign-offs
# --------------------------------------------------------------------------
GREETINGS = Pool("greetings", lines("""
Hi,
Hello,
Hi there,
Dear support team,
Hey,
Good morning,
Good afternoon,
To whom it may concern,
Hello team,
Hi {service} team,
Dear Sir or Madam,
Hiya,
Hello {service},
Evening,
"""))
OPENERS = Pool("openers", lines("""
Hope you're well.
Hope your week is going better than mine.
I've been a customer for {years} years and this is my first complaint.
Sorry to bother you.
First time contacting support.
Quick question.
Not sure if this is the right place, but here goes.
I've already read the help pages.
My daughter usually deals with this, but she's away.
I'm writing from my work email.
Long-time member here.
I tried the live chat but nobody answered.
Happy new year!
I'll keep this short.
I've been meaning to write about this for a while.
Apologies for the long message.
"""))
ANGRY = Pool("angry", lines("""
This is the third time I've written about this.
Honestly, this is unacceptable.
I expect a reply today.
Really disappointed with {service}.
Sort it out please.
I'm losing patience here.
Not impressed at all.
Absolutely ridiculous.
I've wasted an hour on this already.
Nobody ever answers the phone.
"""))
SIGNOFFS = Pool("signoffs", lines("""
Thanks in advance.
Thanks,
Cheers,
Regards,
Best,
Many thanks,
Thank you!
Appreciate it.
Kind regards,
Thanks for your help.
Ta,
Best wishes,
Thanks a lot.
"""))
# joins the second request of an ambiguous two-issue ticket
JOINERS = ["Also:", "Separate issue:", "And another thing:", "One more problem:",
           "Second problem:", "While I'm at it:"]
NEIGHBOURS = {  # intents that get confused with each other in real tickets
    "billing": ("cancellation", "delivery", "account"),
    "delivery": ("billing", "cancellation"),
    "account": ("technical", "cancellation", "billing"),
    "technical": ("account", "billing"),
    "cancellation": ("billing", "account"),
}
REGISTERS = (("polite", 0.32), ("plain", 0.22), ("angry", 0.16),
             ("terse", 0.12), ("rambling", 0.18))
KEYBOARD = {  # neighbouring keys for replacement typos
    "a": "qs", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh",
    "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm",
    "o": "ip", "p": "o", "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi",
    "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suffix)


def make_date(rng):
    d = rng.randint(1, 28)
    m = rng.randrange(12)
    return rng.choice([
        "%s %d" % (MONTHS[m], d), "%d %s" % (d, MONTHS[m]), "the " + ordinal(d),
        rng.choice(WEEKDAYS), "%02d/%02d" % (d, m + 1), "the %s of %s" % (ordinal(d), MONTHS[m]),
    ])


def make_order(rng):
    letter = rng.choice("ABCDEFGHJKLMNPRSTWX")
    return rng.choice([
        "#%s%05d" % (letter, rng.randint(10000, 99999)),
        "#%07d" % rng.randint(1000000, 9999999),
        "%s%05d" % (letter, rng.randint(10000, 99999)),
        "SO-%05d" % rng.randint(10000, 99999),
        "%05d-%02d" % (rng.randint(10000, 99999), rng.randint(10, 99)),
    ])


def make_code(rng):
    return rng.choice([
        "E-%d" % rng.randint(100, 999), str(rng.choice([500, 502, 503, 403, 429])),
        "ERR_%d" % rng.randint(10, 99), "0x%04X" % rng.randint(4096, 65535),
        "P%d" % rng.randint(1000, 9999),
    ])


def make_amounts(rng):
    """Return (amount, amount2, fee) in one currency, amount > amount2 > fee."""
    sym = rng.choice("$££€")
    cents = ["99", "00", "49", "50", "95"]
    a, b = sorted(rng.sample(range(12, 150), 2), reverse=True)
    return ("%s%d.%s" % (sym, a, rng.choice(cents)), "%s%d.%s" % (sym, b, rng.choice(cents)),
            "%s%d.%s" % (sym, rng.randint(2, 9), rng.choice(cents)))


class Ticket:
    """Holds the per-ticket slot values while its sentences are built."""

    def __init__(self, rng, ev):
        self.rng, self.ev = rng, ev
        first, last, products, services = NAME_SETS[ev]
        fn, ln = rng.choice(first), rng.choice(last)
        amount, amount2, fee = make_amounts(rng)
        plan, plan2 = PLANS.pick(rng, ev), PLANS.pick(rng, ev)
        while plan2 == plan:
            plan2 = PLANS.pick(rng, ev)
        device, device2 = DEVICES.pick(rng, ev), DEVICES.pick(rng, ev)
        while device2 == device:
            device2 = DEVICES.pick(rng, ev)
        mail = rng.choice([fn.lower() + "." + ln.lower(), fn.lower() + str(rng.randint(1, 99)),
                           fn[0].lower() + ln.lower()])
        self.ctx = dict(
            order=make_order(rng), date=make_date(rng), when=rng.choice(WHEN),
            amount=amount, amount2=amount2, fee=fee, plan=plan, plan2=plan2,
            device=device, device2=device2, courier=COURIERS.pick(rng, ev),
            city=CITIES.pick(rng, ev), feature=FEATURES.pick(rng, ev),
            product=rng.choice(products), service=rng.choice(services),
            email=mail + "@" + rng.choice(MAIL_DOMAINS), code=make_code(rng),
            card=rng.choice(CARDS), browser=rng.choice(BROWSERS),
            days=rng.choice(NUMBER_WORDS), years=rng.choice(YEARS),
            addon=rng.choice(ADDONS), fullname=fn + " " + ln)
        self.signature = rng.choice([fn, fn, fn + " " + ln, fn + " " + ln[0] + "."])
        self.used = set()

    def pick(self, pool):
        """Pick from a pool, avoiding repeats of the same wording in one ticket."""
        for _ in range(6):
            item = pool.pick(self.rng, self.ev)
            if item not in self.used:
                break
        self.used.add(item)
        return item

    def fill(self, template):
        return cap(template.format(**self.ctx))

    def frame(self, intent):
        """Return (tagged intents, filled problem statement)."""
        pool = FRAMES[intent]
        if not self.ev:
            item = self.rng.choice(pool.shared)
        elif self.rng.random() < EVAL_HELDOUT_RATE:
            item = self.rng.choice(pool.held)
        else:
            item = self.rng.choice(pool.shared)
        self.used.add(item)
        tags, text = item.split("|", 1)
        tags = () if tags == "-" else tuple(tags.split(","))
        return tags, self.fill(text)


def roughen(rng, text, register):
    """Apply the register's surface style and the occasional typo."""
    if register == "angry":
        if rng.random() < 0.5:
            text = re.sub(r"\b(twice|still|never|nothing|again|every|anything)\b",
                          lambda m: m.group(1).upper(), text, count=1)
        if rng.random() < 0.6:
            text = re.sub(r"\.(\s|$)", lambda m: rng.choice(["!", "!!", "!!!"]) + m.group(1),
                          text, count=rng.randint(1, 2))
    if register == "terse" or (register == "angry" and rng.random() < 0.15):
        if rng.random() < 0.7:
            text = text.lower()
        if rng.random() < 0.5:
            text = text.replace("'", "")
        if rng.random() < 0.5:
            text = re.sub(r"\bplease\b", "pls", text, flags=re.I)
        if rng.random() < 0.5:
            text = re.sub(r"\.(\s|$)", r"\1", text)
    elif register in ("plain", "rambling") and rng.random() < 0.08:
        text = text.replace("I'm", "im").replace("don't", "dont").replace("can't", "cant")
    typo_rate = 0.25 if register in ("terse", "angry") else 0.12
    if rng.random() < typo_rate:
        for _ in range(rng.choice([1, 1, 2])):
            text = add_typo(rng, text)
    return text


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


def make_ticket(rng, label, ev, mode="normal", other=None):
    """Build one ticket.

    mode "normal": a ticket about `label`.
    mode "ambiguous": two equally weighted requests, `label` and `other`.
    mode "flip": a ticket about `other` that is given the label `label`.
    """
    t = Ticket(rng, ev)
    register = weighted(rng, REGISTERS)
    content = other if mode == "flip" else label
    tags, core = t.frame(content)
    body = [core]
    if mode == "ambiguous":
        _, core2 = t.frame(other)
        if rng.random() < 0.5:
            core, core2 = core2, core
        body = [core, rng.choice(JOINERS) + " " + core2]
    else:
        p_detail = {"polite": 0.35, "plain": 0.3, "angry": 0.4, "terse": 0.1, "rambling": 0.8}
        if rng.random() < p_detail[register]:
            body.append(t.fill(t.pick(DETAILS[content])))
        p_distract = {"polite": 0.5, "plain": 0.5, "angry": 0.35, "terse": 0.25, "rambling": 0.7}
        if rng.random() < p_distract[register]:
            choices = [x for x in LABELS if x != content and x not in tags]
            d = t.fill(t.pick(DISTRACTORS[rng.choice(choices)]))
            body.insert(rng.choice([0, len(body), len(body)]), d)
        p_background = {"polite": 0.3, "plain": 0.25, "angry": 0.1, "terse": 0.0, "rambling": 0.6}
        if rng.random() < p_background[register]:
            body.insert(rng.choice([0, 0, len(body)]), t.fill(t.pick(BACKGROUND)))

    parts = []
    p_greet = {"polite": 0.9, "plain": 0.45, "angry": 0.15, "terse": 0.1, "rambling": 0.95}
    if rng.random() < p_greet[register]:
        parts.append(t.fill(t.pick(GREETINGS)))
    if register == "rambling" or (register == "polite" and rng.random() < 0.3):
        for _ in range(1 if register == "polite" or rng.random() < 0.6 else 2):
            parts.append(t.fill(t.pick(OPENERS)))
    parts.extend(body)
    if register == "angry":
        for _ in range(rng.choice([1, 1, 2])):  # somewhere among the body sentences
            parts.insert(rng.randint(len(parts) - len(body) + 1, len(parts)), t.fill(t.pick(ANGRY)))
    p_ask = {"polite": 0.8, "plain": 0.65, "angry": 0.7, "terse": 0.5, "rambling": 0.85}
    if rng.random() < p_ask[register]:
        if mode == "normal" and rng.random() < 0.45:
            parts.append(t.fill(t.pick(ASKS[content])))
        else:
            parts.append(t.fill(t.pick(GENERIC_ASKS)))
    p_sign = {"polite": 0.85, "plain": 0.4, "angry": 0.2, "terse": 0.1, "rambling": 0.9}
    if rng.random() < p_sign[register]:
        s = t.pick(SIGNOFFS)
        if s.endswith(",") or rng.random() < 0.4:
            s += " " + t.signature
        parts.append(s)
    text = " ".join(parts)
    return roughen(rng, text, register)


def generate(seed=SEED):
    """Return {split: [(text, label), ...]} with no duplicate text anywhere."""
    seen = set()
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        ev = split != "train"
        labels = list(LABELS) * (size // len(LABELS))
        rng.shuffle(labels)
        n_noise = round(size * NOISE_SHARE)
        noisy = rng.sample(range(size), n_noise)
        modes = ["normal"] * size
        for k, i in enumerate(noisy):
            modes[i] = "ambiguous" if k % 2 == 0 else "flip"
        rows = []
        for label, mode in zip(labels, modes):
            other = rng.choice(NEIGHBOURS[label]) if mode != "normal" else None
            while True:
                text = make_ticket(rng, label, ev, mode, other)
                if text not in seen and MIN_WORDS <= n_words(text) <= MAX_WORDS:
                    break
            seen.add(text)
            rows.append((text, label))
        data[split] = rows
    return data


def main(out_dir=None, seed=SEED):
    """Write train/validation/test CSVs into `out_dir` (default: assets/support_tickets)."""
    return write_csv_splits(out_dir or os.path.join(ASSETS_DIR, "support_tickets"), generate(seed), ["text", "label"])


if __name__ == "__main__":
    main(**vars(command_line(__doc__, SEED, "folder that gets train/validation/test.csv "
                                            "(default: assets/support_tickets/)").parse_args()))
