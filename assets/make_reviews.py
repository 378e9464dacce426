"""Generate the synthetic movie-review sentiment data set in ``assets/reviews/``.

How: every review is put together from hand-written English parts (sentence
frames, opinion adjectives and phrases about aspects such as acting, plot,
pacing or the score, verdicts, neutral filler such as plot synopses, and
invented titles and names), drawn with ``random.Random(seed)`` so the output is
byte-identical on every run. Each review gets its label first, then a "shape":
a plain review, mixed opinions where the closing verdict decides, negation
("not bad at all", "I wouldn't call it good"), expectation reversal ("I
expected to hate it, yet..."), faint praise or minor gripes, neutral text with
the opinion only in the final verdict, or a one-line review. The label always
follows from the wording; there is no label noise.

Why: the labs fine-tune small encoders (DistilBERT, MiniLM) and need a
sentiment set that ships with the repo (no downloads, no licence questions)
and is not a giveaway. About 30% of the sentence frames and opinion words are
kept out of the training split, and titles and people's names in validation
and test never occur in train, so held-out accuracy measures generalisation
rather than memorised phrases. A TF-IDF + logistic-regression baseline reaches
roughly 80-90% on test, which leaves room for a fine-tuned model to show a gain.

Run from the repository root:  python -m assets.make_reviews  (or python assets/make_reviews.py)
"""

import os
import random
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets.generator_helpers import (ASSETS_DIR, Pool, cap, command_line, lines, n_sentences, split_pool, weighted,
                                      words, write_csv_splits)

SEED = 1234
SPLITS = (("train", 1800), ("validation", 400), ("test", 400))
NAMES_HELDOUT_SHARE = 0.35  # share of names and title nouns only seen in validation/test


# --------------------------------------------------------------------------
# Names and titles (disjoint between train and validation/test)
# --------------------------------------------------------------------------
FIRST_NAMES = words("""
Mara Tobias Ines Rafael Juno Callum Priya Dmitri Elodie Kwame Saoirse Lucan
Noor Anselm Freya Matthias Yara Oskar Beatriz Idris Lena Corwin Amara Teodor
Sunniva Ezra Hana Bastian Liora Cosmo Maren Jonah Odile Silas Wren Darius
Agnes Florian Isolde Kenji Rosalind Emeric Talia Hugo Nadia Casimir Ottilie
Ravi Greta Lorcan Mireille Anton Zora Felix Celeste Ivo Delphine Marek
Philippa Arlo
""")
LAST_NAMES = words("""
Quill Ashgrove Varga Lindqvist Okafor Bellweather Castellan Drummond Ferrante
Halloran Ivers Kestrel Lachance Moreau Nakashima Oyelaran Pellegrini Radcliffe
Sorensen Thackeray Underhill Valdez Whitlock Yarrow Zeller Abernathy Brandt
Corvino Dallimore Esterhazy Fairbrother Gallow Hartigan Iwasaki Jaroslav
Kovalenko Larkspur Marchetti Nightingale Ostrowski Penhaligon Quintero
Rasmussen Stroud Tremaine Vance Westerberg Abara Blackwood Cordell Delacroix
Eberhardt Fontaine Grimsby Holloway Imbert Jansen Kilbride Lowell Novak Orsini
""")
TITLE_ADJS = words("""
Silent Last Hollow Crimson Distant Broken Quiet Golden Paper Northern Burning
Secret Long Velvet Bitter Winter Midnight Glass Salt Iron Wild Lost Pale
Forgotten Small Electric Second Borrowed Sleeping Narrow
""")
TITLE_NOUNS = words("""
Harbor Orchard Lantern Meridian Tide Garden Signal Hour Kingdom Season Mirror
Frontier River Ballad Empire Engine Country Summer Letters Archive Crossing
Shore Compass Horizon Island Choir Lighthouse Sparrow Furnace Carnival Atlas
Canyon Cathedral Ember Harvest Labyrinth Monsoon Observatory Passage Quarry
Refuge Satellite Thicket Undertow Vineyard Wilderness Avalanche Bridge Citadel
Dynasty Estuary Fugue Gallery Hinterland Inferno Junction Keepsake Lullaby
Mosaic Nocturne
""")
TITLE_FRAMES = [
    "The {adj} {noun}", "{adj} {noun}", "The {noun}", "The {noun} of {noun2}",
    "{noun} and {noun2}", "A {noun} for {first}", "Beyond the {noun}",
    "Under the {adj} {noun}", "Notes from the {noun}", "{noun} Road",
    "The {noun} Years", "{first}'s {noun}", "After the {noun}",
]

_TRAIN_FIRST, _EVAL_FIRST = split_pool("first", FIRST_NAMES, NAMES_HELDOUT_SHARE)
_TRAIN_LAST, _EVAL_LAST = split_pool("last", LAST_NAMES, NAMES_HELDOUT_SHARE)
_TRAIN_NOUNS, _EVAL_NOUNS = split_pool("titlenoun", TITLE_NOUNS, NAMES_HELDOUT_SHARE)
NAME_SETS = {
    False: (_TRAIN_FIRST, _TRAIN_LAST, _TRAIN_NOUNS),
    True: (_EVAL_FIRST, _EVAL_LAST, _EVAL_NOUNS),
}


def make_title(rng, ev):
    first, _, nouns = NAME_SETS[ev]
    n1, n2 = rng.sample(nouns, 2)
    return rng.choice(TITLE_FRAMES).format(
        adj=rng.choice(TITLE_ADJS), noun=n1, noun2=n2, first=rng.choice(first))


def make_person(rng, ev):
    first, last, _ = NAME_SETS[ev]
    return rng.choice(first) + " " + rng.choice(last)


# --------------------------------------------------------------------------
# Neutral material
# --------------------------------------------------------------------------
CHARACTERS = lines("""
a retired detective
a young violinist
a lonely lighthouse keeper
a small-town mechanic
a disgraced surgeon
an ambitious journalist
a grieving widower
a teenage runaway
a washed-up boxer
a shy librarian
a former spy
an aging rock star
a struggling chef
a stubborn farmer
a nervous bank clerk
an idealistic teacher
a professional thief
a night-shift nurse
a failed novelist
a ship's cook
a stand-up comedian
a mapmaker
an astronaut on her last mission
a beekeeper
a wedding photographer
a taxi driver
a gifted mathematician
a park ranger
""")
LEADS = lines("""
must
decides to
sets out to
is forced to
tries to
has one week to
agrees to
reluctantly agrees to
""")
PLOTS = lines("""
return to the town they left twenty years ago
track down a missing brother
care for a sick parent
plan one last heist
solve a string of strange disappearances
rebuild a failing restaurant
deliver a mysterious package across the country
survive a winter alone in the mountains
win back an estranged daughter
uncover a conspiracy at a small newspaper
keep a family secret from unraveling
escort a stranger to the border
find out who is sending anonymous letters
train for one final fight
save the family farm
come to terms with a painful past
stop a wedding
protect a key witness
get their old band back together
start over in a new country
""")
PLACES = lines("""
a fishing village in Maine
1970s Lisbon
a crumbling estate in the Scottish Highlands
a Tokyo suburb
a mining town in Nevada
post-war Berlin
a Montreal apartment block
a remote research station
a Mississippi river town
a seaside resort in the off-season
near-future Seoul
rural Andalusia
an island off the coast of Norway
Chicago in the 1920s
a boarding school in Wales
""")
WHERE = lines("""
on a long flight
at a late-night screening
at a film festival last autumn
on a rainy Sunday afternoon
on a streaming service after a friend suggested it
at my local cinema
at a half-empty matinee
on a laptop in a hotel room
at a drive-in
with my book club
on opening night
at a packed Saturday show
at a free preview screening
on a borrowed DVD
""")
COMPANIONS = lines("""
my sister
my partner
a couple of friends
my father
my roommate
two colleagues
my kids
my grandmother
""")
GENRES = lines("""
thriller|thrillers
romantic comedy|romantic comedies
western|westerns
horror film|horror films
musical|musicals
war film|war films
science fiction film|science fiction films
period drama|period dramas
heist movie|heist movies
family drama|family dramas
crime drama|crime dramas
coming-of-age story|coming-of-age stories
road movie|road movies
ghost story|ghost stories
sports drama|sports dramas
courtroom drama|courtroom dramas
""")
FILLERS = Pool("fillers", lines("""
I watched it {where}.
I saw it {where} with {companion}.
{title} is directed by {director} and stars {actor} and {actor2}.
It runs about {minutes} minutes.
This is {director}'s {ordinal} feature.
It is adapted from a novel I have not read.
Most of it takes place in {place}.
I went in knowing almost nothing about it.
It opened in only a handful of theaters.
The trailer has been everywhere for months.
{actor} plays the lead, with {actor2} in a supporting role.
At heart it is a {genre}.
{companion_cap} picked it, not me.
I caught it {where}.
It came out {when}.
{director} also co-wrote the screenplay.
There is a scene after the credits, for what it is worth.
It is the second film in a planned trilogy.
The second half shifts its focus to {character2}.
The story covers a single weekend.
Most of the dialogue is in {language}, with subtitles.
I had read a little about the production beforehand.
The film is told partly in flashback.
It is loosely based on true events.
{actor} also appeared in {director}'s previous film.
I am writing this a few days after seeing it.
It is the kind of {genre} my father used to watch on Sunday nights.
"""))
SYNOPSES = Pool("synopses", lines("""
{title} follows {character} who {lead} {plot}.
In {title}, {character} {lead} {plot}.
The premise: {character} {lead} {plot}.
{actor} plays {character} who {lead} {plot}.
The story centers on {character} who {lead} {plot}.
Set in {place}, the film follows {character} who {lead} {plot}.
For those who don't know, {title} is about {character} who {lead} {plot}.
The plot, briefly: {character} in {place} {lead} {plot}.
"""))
WHEN = ["last spring", "a few weeks ago", "over the holidays", "late last year",
        "this summer", "without much publicity"]
LANGUAGES = ["French", "Portuguese", "Korean", "Danish", "Italian", "Polish"]
ORDINALS = ["first", "second", "third", "fourth", "fifth"]

# --------------------------------------------------------------------------
# Opinion material
# --------------------------------------------------------------------------
ADJ = {
    "pos": Pool("adj:pos", words("""
superb wonderful excellent terrific brilliant outstanding remarkable marvelous
fantastic gorgeous stunning beautiful lovely delightful charming gripping
riveting compelling engaging absorbing captivating moving touching affecting
heartfelt inventive original fresh clever witty sharp elegant assured
confident polished accomplished masterful memorable vivid vibrant thrilling
exhilarating magnificent splendid first-rate exceptional impressive
satisfying enjoyable terrific nuanced rich exquisite spellbinding dazzling
""")),
    "neg": Pool("adj:neg", words("""
dreadful awful terrible horrible atrocious abysmal dismal clumsy dull tedious
boring lifeless flat messy incoherent muddled bland forgettable tiresome
sloppy lazy predictable stale derivative contrived overwrought shallow hollow
grating irritating pointless clunky cheap laughable painful limp bloated
embarrassing lackluster amateurish monotonous listless sluggish weak poor
mediocre disappointing tired joyless underwhelming uninspired insipid shoddy
vapid half-hearted
""")),
}
# mild adjectives for minor gripes (positive reviews) and faint praise (negative)
MILD = {
    "neg": Pool("mild:neg", lines("""
slightly predictable
somewhat uneven
a bit conventional
occasionally heavy-handed
not always subtle
a little too neat
slightly rushed
a touch overdone
a little familiar
not quite sharp enough
a bit underpowered
""")),
    "pos": Pool("mild:pos", lines("""
decent
serviceable
competent
passable
fine
adequate
okay
pleasant enough
watchable
nice enough
perfectly functional
""")),
}
ADVERBS = Pool("adverbs", lines("""
really
truly
genuinely
quite
utterly
thoroughly
remarkably
surprisingly
incredibly
consistently
simply
absolutely
pretty
rather
very
deeply
totally
extremely
downright
just
"""))

# aspect -> (noun phrases with a plural flag, positive adjectives, negative adjectives)
ASPECTS = {
    "acting": (
        [("the acting", 0), ("the performances", 1), ("the cast", 0),
         ("{actor}'s performance", 0), ("the lead performance", 0),
         ("the supporting cast", 0), ("{actor2}'s turn as the villain", 0)],
        "natural magnetic committed understated convincing fearless luminous",
        "wooden stiff hammy unconvincing mannered one-note robotic"),
    "plot": (
        [("the plot", 0), ("the story", 0), ("the storyline", 0),
         ("the narrative", 0), ("the premise", 0), ("the twists", 1)],
        "tight layered unpredictable absorbing intricate surprising",
        "convoluted absurd nonsensical thin far-fetched threadbare"),
    "pacing": (
        [("the pacing", 0), ("the editing", 0), ("the rhythm of the film", 0),
         ("the first hour", 0), ("the middle stretch", 0)],
        "brisk breezy taut propulsive nimble well-judged",
        "sluggish plodding draggy glacial choppy lumbering"),
    "music": (
        [("the soundtrack", 0), ("the score", 0), ("the music", 0),
         ("the song choices", 1), ("the sound design", 0)],
        "haunting soaring lush catchy evocative stirring",
        "intrusive syrupy generic overbearing shrill cloying"),
    "visuals": (
        [("the cinematography", 0), ("the camerawork", 0), ("the visuals", 1),
         ("the photography", 0), ("the production design", 0),
         ("the costumes", 1)],
        "painterly luminous striking sumptuous crisp gorgeous",
        "murky drab ugly garish washed-out cluttered"),
    "dialogue": (
        [("the dialogue", 0), ("the script", 0), ("the writing", 0),
         ("the screenplay", 0), ("the one-liners", 1)],
        "crisp razor-sharp quotable literate funny smart",
        "stilted clunky corny leaden expository tin-eared"),
    "ending": (
        [("the ending", 0), ("the final act", 0), ("the climax", 0),
         ("the last twenty minutes", 1), ("the final scene", 0)],
        "earned devastating perfect cathartic satisfying",
        "rushed abrupt baffling unearned anticlimactic"),
    "effects": (
        [("the special effects", 1), ("the effects work", 0), ("the CGI", 0),
         ("the creature design", 0), ("the action scenes", 1),
         ("the stunt work", 0)],
        "seamless convincing dazzling inventive spectacular",
        "rubbery dated cheap-looking weightless incomprehensible"),
    "characters": (
        [("the characters", 1), ("the protagonist", 0), ("the villain", 0),
         ("the central relationship", 0), ("the supporting characters", 1)],
        "believable well-drawn likable complex human",
        "flat one-dimensional insufferable paper-thin unlikable"),
    "direction": (
        [("the direction", 0), ("{director}'s direction", 0),
         ("the tone", 0), ("the film's sense of humor", 0),
         ("the jokes", 1)],
        "assured confident controlled playful bold",
        "confused heavy-handed listless scattershot timid"),
}
ASPECT_NAMES = list(ASPECTS)
ASPECT_ADJ = {}
for _name, (_nps, _pos, _neg) in ASPECTS.items():
    ASPECT_ADJ[(_name, "pos")] = Pool("aadj:%s:pos" % _name, _pos.split())
    ASPECT_ADJ[(_name, "neg")] = Pool("aadj:%s:neg" % _name, _neg.split())

# Free-standing opinion clauses (lower-case start, no final punctuation), each
# tagged with the aspect it is about ("film" = the film as a whole) so that one
# review never praises and pans the same thing. Several carry negation on
# purpose ("never once convinces", "not a dull moment").
CLAUSES = {
    "pos": Pool("clause:pos", lines("""
acting|{actor} gives the performance of a career
acting|{actor} is magnetic in the lead role
acting|{actor} and {actor2} have real chemistry
acting|even the smallest roles are played with care
acting|{actor} disappears completely into the part
acting|{actor} never once hits a false note
film|there isn't a dull moment in the whole thing
film|the film is never once boring
plot|the story kept me guessing right up to the end
plot|every twist feels earned rather than cheap
dialogue|the script trusts the audience to keep up
film|not a single scene feels wasted
pacing|the film moves like a freight train
pacing|I was never bored for a second
pacing|the two hours flew by
music|the score lingers long after the credits
music|the music does a lot of quiet work
visuals|every frame looks like a painting
visuals|the camera finds beauty in the most ordinary places
dialogue|the dialogue crackles
dialogue|half the lines deserve to be quoted
direction|people in the audience were laughing out loud
ending|the ending left me in tears
ending|the final scene is about as good as these things get
ending|the last act pulls everything together beautifully
effects|the action scenes are staged with real clarity
effects|the effects never call attention to themselves
characters|I believed in every one of these characters
characters|I cared about these people from the first scene
direction|{director} knows exactly what kind of film this is
direction|{director} handles the shifts in tone with real skill
film|the film has a big, generous heart
film|it is funny and sad in the same breath
film|I could not take my eyes off the screen
film|it gets better every time I think about it
film|nothing about it feels rushed or lazy
film|it is far better than it had any right to be
film|I have no complaints worth mentioning
film|the film earns every one of its emotional beats
acting|{actor2} steals every scene they are in
film|it treats its audience like adults
visuals|the world of the film feels lived in
direction|I laughed harder than I have in months
pacing|the tension barely lets up
film|{director} has made something special here
acting|the whole cast seems to be having a ball
""")),
    "neg": Pool("clause:neg", lines("""
acting|{actor} delivers every line as if reading from a cue card
acting|{actor} looks lost in the lead role
acting|{actor} and {actor2} share zero chemistry
acting|the cast seems to be acting in three different movies
acting|{actor} mugs shamelessly through every scene
acting|{actor} never once convinces
plot|the plot makes no sense whatsoever
plot|I saw every twist coming a mile away
plot|the story just stops instead of ending
plot|none of the twists work
pacing|the film drags badly in the middle
pacing|I checked my watch more than once
pacing|it feels at least an hour too long
pacing|nothing happens for long stretches
music|the score tells you what to feel every single minute
music|the music never shuts up
visuals|everything looks grey and murky
visuals|half the shots are out of focus
dialogue|the dialogue is painful to sit through
dialogue|nobody talks like these characters do
direction|not a single joke lands
direction|the audience around me sat in stony silence
ending|the ending feels tacked on
ending|the final act throws away everything that came before
ending|the climax is a noisy, confusing blur
effects|the effects look unfinished
effects|the action scenes are impossible to follow
characters|I couldn't care less about any of these characters
characters|I stopped caring about the characters within minutes
direction|{director} never figures out what the film is about
direction|{director} seems to have lost interest halfway through
film|the film has no heart at all
film|it is neither funny nor sad, just tiresome
film|my mind kept wandering
film|I had forgotten most of it by the next morning
film|everything about it feels rushed and lazy
film|it is even worse than the trailer suggested
film|I struggled to find anything to like
film|the film never earns its big emotional moments
acting|{actor2} is wasted in a thankless role
film|it treats its audience like idiots
visuals|the world of the film feels like a cardboard set
direction|I didn't laugh once
pacing|the tension never builds
film|{director} has made something deeply forgettable here
acting|the whole cast looks bored
""")),
}

# Clause frames around an aspect noun phrase and an adjective.
PLAIN_FRAMES = Pool("frames:plain", lines("""
{a} {is} {adv}{adj}
{a} {was} {adv}{adj}
I found {a} {adv}{adj}
{a} {feels} {adj} throughout
{a} {is} {adj} from start to finish
I thought {a} {was} {adv}{adj}
{a} struck me as {adj}
{a} {turns} out to be {adv}{adj}
{a} {comes} across as {adj}
{a} {is} {adj} and {adj2}
{a} {is} {adj}, plain and simple
I would describe {a} as {adj}
{a} {is} {adj} and often {adj2}
my main impression of {a} is that {it} {is} {adj}
{a} {is}, in a word, {adj}
{a} {strikes} me as {adv}{adj}
{a} {is} about as {adj} as it gets
{a} {proves} {adv}{adj}
{a} {is} {adj} in every sense
anyone would call {a} {adj}
{a} {manages} to be both {adj} and {adj2}
{a} {is} {adv}{adj} at every turn
"""))
# Negated frames: the adjective has the OPPOSITE polarity of the clause.
NEG_FRAMES = {
    "pos": Pool("frames:negpos", lines("""
{a} {is} not {adj} at all
{a} {is} never {adj}
I would not call {a} {adj} for a moment
{a} {is} anything but {adj}
nobody could call {a} {adj}
{a} {is} not remotely {adj}
contrary to what I had heard, {a} {is} not {adj} in the slightest
I kept waiting for {a} to turn {adj}, and {it} never did
{a} {is} far from {adj}
at no point {does} {a} feel {adj}
{a} {isnt} {adj} in the least
I can't say {a} {was} {adj} for even a minute
""")),
    "neg": Pool("frames:negneg", lines("""
{a} {is} not {adj}
{a} {is} hardly {adj}
I wouldn't call {a} {adj}
{a} {is} not exactly {adj}
{a} never {feels} {adj}
nothing about {a} is {adj}
I kept waiting for {a} to become {adj}, and {it} never did
{a} {isnt} nearly as {adj} as {it} {thinks}
{a} {is} supposed to be {adj} and simply {isnt}
{a} {is} far from {adj}
at no point {does} {a} feel {adj}
I can't say {a} {was} {adj} for even a minute
""")),
}
# Sentence frames that wrap one clause.
WRAP1 = Pool("wrap1", lines("""
{C}.
Honestly, {c}.
!I have to say {c}.
Frankly, {c}.
On top of that, {c}.
For what it's worth, {c}.
!What struck me most is that {c}.
!It became clear early on that {c}.
!To my mind, {c}.
!As far as I'm concerned, {c}.
I'll be honest: {c}.
!{C}, no question.
!{C}, if you ask me.
Let's be clear: {c}.
{C}, and I don't say that lightly.
!In my view, {c}.
!Personally, I think {c}.
!{C}, as far as I could tell.
Also, {c}.
And {c}.
!It's fair to say {c}.
!I noticed right away that {c}.
{C}. I mean that.
"""))
# Longer wrappers, mostly used by the long reviews.
WRAP_LONG = Pool("wraplong", lines("""
!I have thought about it a fair bit since, and the thing I keep coming back to is that {c}.
!Without spoiling anything, I will just say that {c}, and that is no small thing for a {genre}.
!It took me a while to put my finger on it, but somewhere around the halfway point I realised that {c}.
{C}, and I say that as someone who has seen more {genres} than I care to admit.
!Talking it over with {companion} on the way home, we both agreed that {c}.
!If you have seen the trailer you may already suspect it, but I can confirm that {c}.
!I went back and forth on this while writing, but in the end I am sure that {c}.
{C}, which is the first thing I told {companion} when the lights came up.
!People can argue about plenty of things in {title}, but I don't think anyone can argue that {c}.
!For a film that runs {minutes} minutes, it matters a great deal that {c}.
"""))
# Longer neutral asides for the long reviews.
LONG_FILLERS = Pool("longfillers", lines("""
I should say up front that I went in knowing almost nothing about it beyond the poster, so I had no real expectations either way.
For context, I saw it {where} with {companion}, who usually has very different taste in films from mine, and we talked about it all the way home.
A quick word on the setup, without spoilers: {character} {lead} {plot}, and the film takes its time laying out who everyone is.
The film is directed by {director}, whose earlier work I know only by reputation, and it stars {actor} alongside {actor2} in a part that is bigger than the poster suggests.
Much of the story unfolds in {place}, and the film spends a good deal of its first half simply showing us how people live and work there.
It runs about {minutes} minutes, and it is structured in three clearly marked chapters, each told from the point of view of a different character.
I have now seen it twice, once {where} and once at home a few weeks later, and this review is a mix of both impressions.
I am aware that {director} has a devoted following, and I have tried to write this as someone coming to the work without any particular loyalty.
"""))

# Two clauses of the same polarity.
WRAP_SAME = Pool("wrapsame", lines("""
{C1}, and {c2}.
{C1}; {c2}.
{C1}. What's more, {c2}.
{C1}, and on top of that {c2}.
!{C1}. Add to that the fact that {c2}.
!{C1}, while {c2}.
{C1}. Also, {c2}.
"""))
# First clause has the opposite polarity, the second one wins.
WRAP_TURN = {
    "any": Pool("wrapturn", lines("""
{C1}, but {c2}.
{C1}. But {c2}.
!Although {c1}, {c2}.
Sure, {c1}, but {c2}.
{C1}; even so, {c2}.
Yes, {c1}. Still, {c2}.
{C1}, and yet {c2}.
{C1}. However, {c2}.
!While {c1}, {c2}.
!It's true that {c1}, but {c2}.
Granted, {c1}. Even so, {c2}.
!I admit {c1}, but {c2}.
""")),
    "pos": Pool("wrapturn:pos", lines("""
{C1}. Thankfully, {c2}.
{C1}. The good news is that {c2}.
{C1}, but luckily {c2}.
{C1}. Happily, {c2}.
""")),
    "neg": Pool("wrapturn:neg", lines("""
{C1}. Unfortunately, {c2}.
{C1}. The problem is that {c2}.
{C1}, but sadly {c2}.
{C1}. Alas, {c2}.
""")),
}

VERDICTS = {
    "pos": Pool("verdict:pos", lines("""
Overall, {title} is {adv}{adj}.
I'd recommend it without hesitation.
Highly recommended.
Easily one of the best films I have seen this year.
Go see it, you won't regret it.
I left the theater smiling.
{title} is well worth your time.
I will happily watch it again.
All in all, {an_adj} piece of work.
In the end, I loved it.
Bottom line: see it.
It earns every bit of its praise.
I can't wait to see what {director} does next.
A real gem.
This one is a keeper.
I came out of it grinning.
It's the kind of film you want to tell your friends about.
Worth every penny of the ticket.
By the end I was completely won over.
I have no regrets about seeing it.
You won't be disappointed.
It is not a bad way to spend an evening at all.
I can't find much to complain about.
There is no way I would have missed this.
I couldn't have asked for more.
It's not perfect, but I enjoyed every minute.
It isn't flawless, but it is the real thing.
Make time for it.
Final verdict: {adj}.
Nine out of ten from me.
Four stars, and I'm being stingy.
So yes, it is {adj}, and you should see it.
I'd gladly pay to see it a second time.
When it was over, I wanted to start it again.
"""), share=0.3),
    "neg": Pool("verdict:neg", lines("""
Overall, {title} is {adv}{adj}.
I can't recommend it.
Skip it.
Easily one of the worst films I have seen this year.
Stay home, you won't miss anything.
I left the theater disappointed.
{title} is not worth your time.
I will not be watching it again.
All in all, {an_adj} piece of work.
In the end, I just didn't care.
Bottom line: skip it.
It deserves none of its hype.
I hope {director} does better next time.
A real letdown.
This one is best forgotten.
I came out of it feeling cheated.
It's the kind of film you warn your friends about.
Not worth the price of the ticket.
By the end I had completely given up on it.
I wouldn't call it good.
I don't see why anyone would bother.
It never comes together.
I can't find much to praise.
There is nothing here I would want to see again.
I want those two hours back.
It has its moments, but I can't say I enjoyed it.
It isn't a disaster, but it is not worth seeing either.
Save your money.
Final verdict: {adj}.
Three out of ten from me.
Two stars, and I'm being generous.
So no, it is {adj}, and you should skip it.
I wouldn't sit through it a second time.
When it was over, I felt nothing at all.
"""), share=0.3),
}
# Verdict clauses that can close a compound sentence.
VERDICT_CLAUSES = {
    "pos": Pool("vclause:pos", lines("""
I loved it anyway
I still had a wonderful time
I would happily recommend it
the whole thing works beautifully
I walked out smiling
it won me over in the end
I'd see it again tomorrow
it is well worth seeing
I enjoyed it far more than I expected
I left with a big grin on my face
""")),
    "neg": Pool("vclause:neg", lines("""
I left disappointed
I can't recommend it
the whole thing falls apart
I walked out bored
it never won me over
I wouldn't sit through it again
it is not worth seeing
I enjoyed it far less than I expected
I left feeling cheated
it is a chore to get through
""")),
}
# Expectation reversal openers.
CONTRAST_OPENERS = {
    "pos": Pool("contrast:pos", lines("""
I expected to hate it, yet I was won over.
I went in with low expectations, but {title} surprised me.
My friends warned me it was dull. They were wrong.
I almost skipped this one, and I'm so glad I didn't.
The trailer made it look terrible; the film is anything but.
I'm not usually a fan of {genres}, but this one got me.
On paper, this should not work. Somehow it does.
The early reviews were lukewarm, so I nearly didn't bother. Big mistake.
I was ready to be bored, and instead I was hooked.
I thought I knew exactly what {title} would be. I was wrong, happily.
""")),
    "neg": Pool("contrast:neg", lines("""
I expected to love it, yet it left me cold.
I went in with high hopes, but {title} let me down.
Everyone told me it was a masterpiece. It isn't.
I really wanted to like this one.
The trailer looked great; the film is another story.
I usually love {genres}, but this one lost me.
On paper, this should have been great. Somehow it isn't.
The early reviews were glowing, so I rushed to see it. Big mistake.
I was ready to be dazzled, and instead I was bored.
I thought I knew exactly what {title} would be. I was wrong, sadly.
""")),
}
# Minor gripes inside positive reviews (negative wording, positive review).
GRIPES = Pool("gripes", lines("""
My only complaint is that {a} {is} {mild}.
If I had to nitpick, {a} {is} {mild}.
Sure, {a} {is} {mild}, but that hardly matters.
{A} {is} {mild}, I suppose, but I didn't mind.
Some will say {a} {is} {mild}, and they have a point, but so what.
OK, {a} {is} {mild}. I can live with that.
The one flaw: {a} {is} {mild}.
It runs a little long, but I didn't mind.
A couple of scenes could have been trimmed, and that's my only gripe.
The middle sags a bit, I'll admit.
Not every joke lands, but most do.
"""))
# Faint praise inside negative reviews (positive wording, negative review).
FAINT = Pool("faint", lines("""
{A} {is} {mild}, I suppose.
The best thing I can say is that {a} {is} {mild}.
At least {a} {is} {mild}.
I'll admit {a} {is} {mild}, but that is not enough.
{A} {is} {mild}, and that is about all I can say for it.
At least it is short.
Well, the poster looks nice.
{actor} tries, I'll give them that.
The opening credits are rather stylish.
It is perfectly fine if you have nothing else to do.
The popcorn was good, anyway.
It is inoffensive, I will say that much.
Technically, everything is in focus.
The dog is cute.
It is watchable, in the sense that my eyes stayed open.
"""))
# One-line reviews.
SHORT = {
    "pos": Pool("short:pos", lines("""
{title} is {adv}{adj}.
{An_adj}, {adj2} film.
What {an_adj} film.
{Adj} from beginning to end.
Loved every minute of it.
Simply {adj}.
{Adj} and {adj2}; see it.
Not a dull moment in it.
Never {oadj} for a second.
I can't stop thinking about it.
{title}: {adj}, {adj2}, and not {oadj} at all.
Believe the hype: {title} is {adj}.
Just saw {title} and it is {adv}{adj}.
""")),
    "neg": Pool("short:neg", lines("""
{title} is {adv}{adj}.
{An_adj}, {adj2} film.
What {an_adj} film.
{Adj} from beginning to end.
Hated every minute of it.
Simply {adj}.
{Adj} and {adj2}; skip it.
Not a good moment in it.
Never {oadj} for a second.
I have already forgotten it.
{title}: {adj}, {adj2}, and not {oadj} at all.
Ignore the hype: {title} is {adv}{adj}.
Just saw {title} and it is {adv}{adj}.
""")),
}

# Verdicts that weigh up a mixed review.
MIXED_VERDICTS = {
    "pos": Pool("mverdict:pos", lines("""
For all its flaws, I loved it.
None of that stopped me from enjoying it.
The good far outweighs the bad here.
Flaws and all, I'd recommend it.
Taken as a whole, it works, and it works well.
The problems are real, but they are small next to what it gets right.
I can forgive a lot when a film is this alive.
On balance, {title} is well worth seeing.
Its strengths win out in the end.
Despite my complaints, I'd happily watch it again.
""")),
    "neg": Pool("mverdict:neg", lines("""
For all its strengths, I can't recommend it.
None of that is enough to save it.
The bad far outweighs the good here.
Good parts and all, I'd tell you to skip it.
Taken as a whole, it doesn't work.
The strengths are real, but they are small next to what it gets wrong.
I can't forgive a film for being this lifeless.
On balance, {title} is not worth seeing.
Its weaknesses win out in the end.
Despite those bright spots, I won't be watching it again.
""")),
}

OPP = {"pos": "neg", "neg": "pos"}
# Clause templates that start like this do not fit after "What struck me most is that".
FRAMED_STARTS = ("i ", "i'", "anyone ", "nobody ", "contrary ", "my ",
                 "people in ")
# Linking words that make no sense at the very start of a review.
CONNECTIVES = ("Also, ", "And ", "On top of that, ")
VOWEL_SOUND_EXCEPTIONS = ("one-", "unique", "univ", "use")


def article(word):
    w = word.lower()
    if w.startswith(VOWEL_SOUND_EXCEPTIONS):
        return "a"
    return "an" if w[0] in "aeiou" else "a"


class Review:
    """Holds the per-review context (names, used aspects) while sentences are built."""

    def __init__(self, rng, ev, label):
        self.rng, self.ev = rng, ev
        people = [make_person(rng, ev)]
        while len(people) < 3:  # director, actor, actor2 with distinct first names
            p = make_person(rng, ev)
            if p.split()[0] not in [q.split()[0] for q in people]:
                people.append(p)
        director, actor, actor2 = people
        genre, genres = rng.choice(GENRES).split("|")
        companion = rng.choice(COMPANIONS)
        self.ctx = dict(
            title=make_title(rng, ev), director=director,
            actor=actor, actor2=actor2, where=rng.choice(WHERE),
            companion=companion, companion_cap=cap(companion),
            minutes=rng.choice(range(84, 171, 3)),
            ordinal=rng.choice(ORDINALS), place=rng.choice(PLACES),
            genre=genre, genres=genres, when=rng.choice(WHEN),
            language=rng.choice(LANGUAGES),
            character=rng.choice(CHARACTERS), character2=rng.choice(CHARACTERS),
            lead=rng.choice(LEADS), plot=rng.choice(PLOTS))
        self.long_rate = 0.04
        # aspect -> polarity it has been given in this review; the film as a
        # whole always carries the review's label
        self.aspect_pol = {"film": label}
        self.used_items = set()

    # -- helpers -------------------------------------------------------------
    def pick(self, pool):
        """Pick from a pool, avoiding repeats of the same wording in one review."""
        for _ in range(6):
            item = pool.pick(self.rng, self.ev)
            if item not in self.used_items:
                break
        self.used_items.add(item)
        return item

    def fill(self, template, **extra):
        d = dict(self.ctx)
        d.update(extra)
        return template.format(**d)

    def adverb(self):
        return self.pick(ADVERBS) + " " if self.rng.random() < 0.4 else ""

    def adjective(self, pol, aspect=None):
        if aspect is not None and self.rng.random() < 0.45:
            return self.pick(ASPECT_ADJ[(aspect, pol)])
        return self.pick(ADJ[pol])

    def aspect(self, pol):
        """An aspect not yet discussed, else one already given polarity `pol`."""
        free = [a for a in ASPECT_NAMES if a not in self.aspect_pol]
        same = [a for a in ASPECT_NAMES if self.aspect_pol.get(a) == pol]
        name = self.rng.choice(free or same)
        self.aspect_pol[name] = pol
        return name

    def free_clause(self, pol, plain):
        """A tagged free-standing clause whose aspect does not clash, or None."""
        for _ in range(12):
            tag, text = self.pick_plain(CLAUSES[pol], plain).split("|")
            if self.aspect_pol.get(tag, pol) == pol:
                self.aspect_pol[tag] = pol
                return self.fill(text)
        return None

    def np_ctx(self, aspect):
        text, plural = self.rng.choice(ASPECTS[aspect][0])
        text = self.fill(text)
        p = bool(plural)
        return dict(
            a=text, A=cap(text), it="they" if p else "it",
            It="They" if p else "It",
            **{"is": "are" if p else "is", "was": "were" if p else "was",
               "isnt": "aren't" if p else "isn't",
               "does": "do" if p else "does"},
            feels="feel" if p else "feels", turns="turn" if p else "turns",
            comes="come" if p else "comes", strikes="strike" if p else "strikes",
            proves="prove" if p else "proves", thinks="think" if p else "thinks",
            manages="manage" if p else "manages", looks="look" if p else "looks")

    def pick_plain(self, pool, plain):
        """Pick a clause template; with `plain`, skip first-person / framed ones."""
        for _ in range(30):
            item = self.pick(pool)
            if not plain or not item.split("|")[-1].lower().startswith(FRAMED_STARTS):
                return item
        return item

    # -- clauses and sentences ------------------------------------------------
    def clause(self, pol, negate=None, plain=False):
        """One opinion clause with polarity `pol` (lower-case, no full stop).

        `plain` asks for a third-person statement ("the plot is thin") that can
        sit after "What struck me most is that ..." without sounding odd.
        """
        r = self.rng.random()
        if negate is None:
            negate = r < 0.12
        if not negate and r < 0.42:
            c = self.free_clause(pol, plain)
            if c is not None:
                return c
        aspect = self.aspect(pol)
        npc = self.np_ctx(aspect)
        if negate:
            frame = self.pick_plain(NEG_FRAMES[pol], plain)
            adj = self.adjective(OPP[pol], aspect)
            adv = ""
            adj2 = ""
        else:
            frame = self.pick_plain(PLAIN_FRAMES, plain)
            adj = self.adjective(pol, aspect)
            adj2 = self.adjective(pol, aspect)
            while adj2 == adj:
                adj2 = self.adjective(pol)
            adv = self.adverb()
        return self.fill(frame, adj=adj, adj2=adj2, adv=adv, **npc)

    def wrapper(self, pool):
        """Return (template, needs_plain_clause); a leading '!' marks the latter."""
        w = self.pick(pool)
        return (w[1:], True) if w.startswith("!") else (w, False)

    def sentence(self, pol, negate=None, pair_rate=0.22):
        r = self.rng.random()
        long_rate = self.long_rate
        if r < long_rate:
            w, plain = self.wrapper(WRAP_LONG)
            c = self.clause(pol, negate, plain)
            return self.fill(w, c=c, C=cap(c))
        if r < long_rate + pair_rate:
            w, plain = self.wrapper(WRAP_SAME)
            c1, c2 = self.clause(pol, negate), self.clause(pol, negate, plain)
            return w.format(c1=c1, C1=cap(c1), c2=c2)
        w, plain = self.wrapper(WRAP1)
        c = self.clause(pol, negate, plain)
        return w.format(c=c, C=cap(c))

    def turn_sentence(self, pol, negate=None):
        """Concession: opposite opinion first, `pol` opinion wins."""
        pool = WRAP_TURN["any"] if self.rng.random() < 0.75 else WRAP_TURN[pol]
        w, plain = self.wrapper(pool)
        c1, c2 = self.clause(OPP[pol], negate, plain), self.clause(pol, negate)
        return w.format(c1=c1, C1=cap(c1), c2=c2)

    def verdict(self, pol):
        adj = self.adjective(pol)
        return self.fill(self.pick(VERDICTS[pol]), adj=adj, adv=self.adverb(),
                         an_adj=article(adj) + " " + adj)

    def verdict_compound(self, pol):
        """'The score is gorgeous, but the script is a mess, and I left disappointed.'"""
        v = self.pick(VERDICT_CLAUSES[pol])
        c1 = self.clause(OPP[pol])
        if self.rng.random() < 0.5:
            c2 = self.clause(pol)
            return "%s, but %s, and %s." % (cap(c1), c2, v)
        joint = self.rng.choice(["yet", "but in the end", "but overall", "and still"])
        return "%s, %s %s." % (cap(c1), joint, v)

    def filler(self, long=False):
        if long and self.rng.random() < 0.6:
            return self.fill(self.pick(LONG_FILLERS))
        if self.rng.random() < 0.3:
            return self.fill(self.pick(SYNOPSES))
        return self.fill(self.pick(FILLERS))

    def mild(self, pol_of_wording, pool):
        npc = self.np_ctx(self.aspect(pol_of_wording))
        return self.fill(self.pick(pool), mild=self.pick(MILD[pol_of_wording]), **npc)

    def short(self, pol):
        adj, adj2 = self.adjective(pol), self.adjective(pol)
        while adj2 == adj:
            adj2 = self.adjective(pol)
        an_adj = article(adj) + " " + adj
        return self.fill(self.pick(SHORT[pol]), adj=adj, adj2=adj2, Adj=cap(adj),
                         adv=self.adverb(), an_adj=an_adj, An_adj=cap(an_adj),
                         oadj=self.adjective(OPP[pol]))


# Review shapes and how often they occur.
SHAPES = (("plain", 0.34), ("mixed", 0.18), ("negation", 0.14),
          ("contrast", 0.08), ("soft", 0.10), ("verdict_only", 0.07),
          ("short", 0.09))
# number of opinion/filler sentences for the longer shapes (long tail)
BODY_SIZES = ((1, 6), (2, 18), (3, 22), (4, 18), (5, 12), (6, 8), (7, 5),
              (8, 4), (9, 4), (10, 3))
MAX_SENTENCES = 13
LONG_RATE = 0.06


def make_review(rng, label, ev):
    """Build one review whose overall sentiment is `label` ('pos' or 'neg')."""
    rv = Review(rng, ev, label)
    shape = weighted(rng, SHAPES)
    opp = OPP[label]
    n = weighted(rng, BODY_SIZES)
    pair_rate = 0.45 if n >= 6 else 0.22  # long reviews get longer sentences
    long = shape not in ("short", "verdict_only") and rng.random() < LONG_RATE
    if long:  # the long tail: 150-300 words
        n, pair_rate = rng.randint(6, 8), 0.5
        rv.long_rate = 0.35
    sents = []  # body sentences, shuffled before the verdict is placed

    if shape == "short":
        if rng.random() < 0.5:
            return rv.short(label)
        return " ".join(tidy([rv.verdict(label) if rng.random() < 0.5
                              else rv.sentence(label)]))

    if shape == "verdict_only":
        out = [rv.filler() for _ in range(max(1, n - 1))]
        return " ".join(tidy(out + [rv.verdict(label)]))

    opener = []
    if rng.random() < (0.9 if long else 0.45):
        opener.append(rv.filler(long))
    if shape == "contrast":
        opener.insert(0, rv.fill(rv.pick(CONTRAST_OPENERS[label])))

    if shape == "plain":
        for i in range(n):
            if n >= 3 and i == 0 and rng.random() < 0.5:
                sents.append(rv.sentence(opp) if rng.random() < 0.4
                             else rv.turn_sentence(label))
            else:
                sents.append(rv.sentence(label, pair_rate=pair_rate))
    elif shape == "negation":
        for _ in range(n):
            sents.append(rv.sentence(label, negate=rng.random() < 0.7,
                                     pair_rate=pair_rate))
    elif shape == "contrast":
        for _ in range(max(1, n - 1)):
            sents.append(rv.sentence(label))
    elif shape == "soft":
        # positive review with minor gripes / negative review with faint praise
        k = 1 + (n >= 4) + (n >= 7)
        for _ in range(k):
            sents.append(rv.mild("neg", GRIPES) if label == "pos"
                         else rv.mild("pos", FAINT))
        for _ in range(max(1, n - k)):
            sents.append(rv.sentence(label))
    elif shape == "mixed":
        n = max(n, 2)        # praise and complaints side by side; the weighing-up verdict decides
        k_opp = max(1, (n - 1) // 2)
        for _ in range(k_opp):
            sents.append(rv.sentence(opp, pair_rate=0.1))
        for _ in range(n - k_opp):
            sents.append(rv.turn_sentence(label) if rng.random() < 0.4
                         else rv.sentence(label, pair_rate=pair_rate))

    rng.shuffle(sents)
    if long_tail := (n >= 7 and rng.random() < 0.7):
        for _ in range(rng.randint(1, 2)):
            sents.insert(rng.randrange(len(sents) + 1), rv.filler(long))

    # closing verdict
    if shape == "mixed":
        r = rng.random()
        if r < 0.35:
            end = [rv.verdict_compound(label)]
        elif r < 0.75:
            end = [rv.fill(rv.pick(MIXED_VERDICTS[label]))]
        else:
            end = [rv.verdict(label)]
        out = opener + sents + end
    else:
        r = rng.random()
        if r < 0.65 or long_tail:
            out = opener + sents + [rv.verdict(label)]
        elif r < 0.8:
            out = [rv.verdict(label)] + opener + sents
        else:
            out = opener + sents
    return " ".join(tidy(out))


def tidy(sentences):
    """Drop repeated sentences and a linking word at the very start."""
    out = dedupe(sentences)
    for c in CONNECTIVES:
        if out[0].startswith(c):
            out[0] = cap(out[0][len(c):])
    return out


def dedupe(sentences):
    seen, out = set(), []
    for s in sentences:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def generate(seed=SEED):
    """Return {split: [(text, label), ...]} with no duplicate text anywhere."""
    seen = set()
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        ev = split != "train"
        labels = ["neg", "pos"] * (size // 2)
        rng.shuffle(labels)
        rows = []
        for label in labels:
            while True:
                text = make_review(rng, label, ev)
                if text not in seen and n_sentences(text) <= MAX_SENTENCES:
                    break
            seen.add(text)
            rows.append((text, "positive" if label == "pos" else "negative"))
        data[split] = rows
    return data


def main(out_dir=None, seed=SEED):
    """Write train/validation/test CSVs into `out_dir` (default: assets/reviews)."""
    return write_csv_splits(out_dir or os.path.join(ASSETS_DIR, "reviews"), generate(seed), ["text", "label"])


if __name__ == "__main__":
    main(**vars(command_line(__doc__, SEED, "folder that gets train/validation/test.csv (default: assets/reviews/)")
                .parse_args()))
