"""The English the engine reads by: every word list in one place.

Speech verbs are kept as lemmas; their forms (says, said, saying) are generated, so a verb
is added once. Titles, given names, pronouns and the small closed classes of English
(determiners, prepositions, conjunctions) live here too, and the regexes of the other
modules are built from them.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Speech verbs


def _forms_of(lemma: str, past: str | None = None) -> set[str]:
    """The forms of a regular English verb: say -> says, saying (and the given past)."""
    doubles = lemma in _DOUBLING
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    elif doubles:
        ing = lemma + lemma[-1] + "ing"
    else:
        ing = lemma + "ing"
    if past is None:
        if lemma.endswith("e"):
            past = lemma + "d"
        elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
            past = lemma[:-1] + "ied"
        elif doubles:
            past = lemma + lemma[-1] + "ed"
        else:
            past = lemma + "ed"
    return {lemma, third, ing, past}


# Verbs whose last consonant doubles before -ed and -ing (sob -> sobbed, admit -> admitted).
_DOUBLING = frozenset(
    "sob snap beg nag chat jab quip admit commit regret refer prefer confer rebut compel repel "
    "stop grin nod drop trip prod bid spit chip chop clap drum hum jot jog pat pet plot rap rib "
    "scan slam snip sob sum tap tip trot wag whip".split()
)

# Irregular past forms.
_IRREGULAR = {
    "say": "said", "tell": "told", "think": "thought", "begin": "began", "write": "wrote", "read": "read",
    "sing": "sang", "speak": "spoke", "break": "broke", "put": "put", "go": "went", "cut": "cut",
    "burst": "burst", "swear": "swore", "hold": "held", "bid": "bade", "forbid": "forbade", "take": "took",
    "strike": "struck", "stick": "stuck", "run": "ran", "give": "gave", "come": "came", "get": "got",
}

# The reporting verbs of news and the speech verbs of fiction, as lemmas.
SPEECH_VERB_LEMMAS = frozenset(
    """
    say tell ask reply answer add continue cry exclaim shout whisper mutter murmur explain note stress
    emphasize emphasise insist warn observe remark return rejoin retort respond declare state announce
    write tweet post argue admit recall conclude begin repeat suggest interrupt inquire enquire demand
    call yell scream sigh laugh plead beg protest object agree assent urge groan grumble growl snap sneer
    think pursue resume persist venture stammer stutter falter gasp sob whimper roar bellow hiss grunt
    moan wail blurt mumble drawl chuckle giggle shriek squeak sing chant breathe pant comment confirm
    acknowledge claim contend maintain predict report reveal testify wonder muse propose promise vow
    boast joke quip concede counter caution complain lament reiterate echo affirm assure advise inform
    order command direct instruct interpose read remind assert reason correct interject speak utter
    query question vociferate remonstrate expostulate entreat implore lisp mourn taunt tease mock jeer
    soothe coax chide scold rebuke reproach reprove babble chatter gabble prattle pronounce proclaim
    specify summarise summarize concur swear threaten speculate hazard guess reckon suppose opine
    surmise snarl snort sniff scoff retaliate rage storm bark thunder squeal simper whine sputter
    splutter croak lecture preach recite cheer bawl howl hoot purr coo trill pipe warble blubber weep
    console comfort encourage flatter greet welcome hail thank apologise apologize congratulate
    acquiesce consent conjecture remonstrate exult gush rave rant quaver tremble titter snicker smirk
    shrug nod smile grin frown blush stammer wheeze cough hiccup yawn gulp choke
    explain describe elaborate clarify insist confide divulge disclose concede allow grant own plead
    mention hint imply intimate propose submit demur deny dispute contradict challenge accuse charge
    allege attest certify swear vouch acknowledge
    """.split()
)

# Phrasal speech verbs: the particle that completes them ("went on", "broke in", "put in").
SPEECH_PARTICLES = {
    "go": ("on",), "break": ("in", "out", "off"), "put": ("in",), "cut": ("in",), "chime": ("in",),
    "burst": ("out", "forth"), "call": ("out",), "cry": ("out",), "sing": ("out",), "shout": ("out",),
    "pipe": ("up", "in"), "speak": ("up", "out"), "butt": ("in",), "take": ("up",), "strike": ("in",),
    "blurt": ("out",), "rattle": ("on",), "run": ("on",), "come": ("in",), "get": ("out",),
}

def _verb_forms(lemmas) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(base forms, finite forms: past and third person, -ing forms, all forms)."""
    base, finite, ing = set(), set(), set()
    for lemma in lemmas:
        forms = _forms_of(lemma, _IRREGULAR.get(lemma))
        base.add(lemma)
        for f in forms:
            if f.endswith("ing") and f != lemma:
                ing.add(f)
            elif f != lemma or lemma in _IRREGULAR.values():
                finite.add(f)
    return frozenset(base), frozenset(finite), frozenset(ing), frozenset(base | finite | ing)


_SPEECH_LEMMAS = SPEECH_VERB_LEMMAS | frozenset(SPEECH_PARTICLES)
# "said", "says" (a tag's verb); "say" (after "did", "to"); "saying"; every form.
SPEECH_VERBS_BASE, SPEECH_VERBS_FINITE, SPEECH_VERBS_ING, SPEECH_VERBS = _verb_forms(_SPEECH_LEMMAS)
# The finite forms of the lemmas that are the core of speech ("said", "asked", "replied"),
# and which alone, without a quotation next to them, report speech in news.
REPORTING_VERBS = _verb_forms(
    "say tell ask reply answer add explain note stress insist warn declare state announce write tweet argue "
    "admit recall conclude suggest claim contend maintain predict report reveal testify acknowledge confirm "
    "comment complain caution concede counter affirm assert emphasize emphasise observe remark respond "
    "told".split()
)[1]

# Verbs that take the person spoken to as their object: "told Ms Sturgeon", "asked him".
ADDRESS_VERBS = _verb_forms(
    "tell ask answer inform assure remind warn urge advise order command instruct thank greet "
    "congratulate beg implore entreat question reproach rebuke scold chide tease console comfort "
    "interrupt".split()
)[3]

# Nouns for what is said: "was Mrs. Smith's reply", "came the answer".
UTTERANCE_NOUNS = frozenset(
    "reply answer rejoinder response retort remark comment observation question exclamation cry "
    "words rejoinder greeting advice verdict conclusion explanation statement announcement".split()
)

# Verb phrases that report speech with a helper: "wanted to know", "could not help saying".
SPEECH_PHRASES = (
    "wanted to know", "wished to know", "would like to know", "went on to say", "was forced to add",
    "could not help saying", "could not help adding", "could not help exclaiming", "took up the tale",
)

# ---------------------------------------------------------------------------------------
# People's titles


# Honorifics and kinship titles written before a name, with the gender they give it.
HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mister": "m", "madam": "f", "madame": "f",
    "mme": "f", "mlle": "f", "mademoiselle": "f", "monsieur": "m", "m": "m", "sir": "m", "lady": "f",
    "lord": "m", "dame": "f", "master": "m", "mistress": "f", "prince": "m", "princess": "f",
    "count": "m", "countess": "f", "duke": "m", "duchess": "f", "king": "m", "queen": "f",
    "baron": "m", "baroness": "f", "emperor": "m", "empress": "f", "father": "m", "mother": "f",
    "uncle": "m", "aunt": "f", "brother": "m", "sister": "f", "signor": "m", "signora": "f",
    "signorina": "f", "herr": "m", "frau": "f", "fräulein": "f", "senor": "m", "señor": "m",
    "senora": "f", "señora": "f", "don": "m", "dona": "f", "doña": "f", "marquis": "m",
    "marquise": "f", "marchioness": "f", "earl": "m", "viscount": "m", "viscountess": "f",
    "grandfather": "m", "grandmother": "f", "granny": "f", "grandpa": "m", "grandma": "f",
    "mrs.": "f", "mr.": "m", "ms.": "f", "mme.": "f", "mlle.": "f", "cousin": None, "old": None,
    "little": None, "young": None, "poor": None, "dear": None, "saint": None, "st": None,
}

# Titles of office and rank written before a name ("Foreign Minister Sergey Lavrov").
OFFICE_TITLES = frozenset(
    """
    dr doctor prof professor rev reverend president vice sen senator rep representative gov governor
    secretary general gen colonel col captain capt major maj lieutenant lt sergeant sgt corporal cpl
    private pvt admiral adm commander cmdr commodore marshal judge justice mayor minister prime
    premier chancellor chief executive director officer chairman chairwoman chair spokesman
    spokeswoman spokesperson deputy attorney ambassador envoy special commissioner inspector
    detective constable superintendent supt sheriff councillor councilor alderman treasurer
    secretary-general candidate nominee founder ceo cfo coach manager head leader speaker pope
    bishop archbishop cardinal canon vicar parson curate rabbi imam pastor elder dean provost
    rector principal headmaster headmistress nurse sister matron governess judge magistrate
    former acting interim senior junior assistant associate first lady economy finance defence
    defense interior health education state foreign home trade energy justice labor labour
    republican democratic democrat gop independent u.s. us un eu uk white house
    """.split()
)

# Adjectives that may stand before a title ("Russian Foreign Minister", "top diplomat").
DESCRIPTOR_WORDS = frozenset(
    """
    russian american british french german chinese italian spanish indian japanese ukrainian syrian
    turkish iranian israeli palestinian european african australian canadian mexican brazilian korean
    irish scottish welsh english dutch swedish polish greek egyptian saudi pakistani afghan iraqi
    north south east west northern southern eastern western new top senior veteran young old late
    retired famous rival fellow then current outgoing incoming longtime long-time
    """.split()
)

# ---------------------------------------------------------------------------------------
# Pronouns and the closed classes


# Subject pronouns with the gender they refer to (None: any, or not a person).
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "you": None, "it": None}
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())

DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those one another some each every any "
    "no either neither".split()
)
POSSESSIVES = frozenset("his her their its our my your".split())
INDEFINITES = frozenset("a an one another some each any".split())

PREPOSITIONS = frozenset(
    """
    to in at on of by for with from about into onto upon over under above below behind beside besides
    near outside inside across along beyond through throughout without within during after before
    since until till toward towards against among amongst between around round past via per despite
    like unlike than
    """.split()
)

CONJUNCTIONS = frozenset(
    "and or but nor yet so for because although though if unless while whilst when whenever where "
    "wherever as since after before until till once that whether".split()
)

# Auxiliaries and adverbs that may stand between a speaker and a speech verb ("he had said",
# "she then added", "Marilla at once replied").
AUXILIARIES = frozenset(
    "had has have would will could can should shall might may must did does do was were is are "
    "then again also now presently still only just once soon afterwards afterward later finally "
    "at last first quickly quietly softly slowly suddenly gently calmly coldly".split()
)

# Words after which an inverted tag's speaker ends: 'said the prince, not at all ...',
# 'replied Mr. Gamfield doggedly', 'said he without altering his tone'.
TAG_ENDERS = frozenset(
    """
    to in at on during after before when while as with from who whose which that and but for about into
    above below behind beside near outside inside across along beyond through without upon over under
    because if though although then again once not looking turning smiling laughing shaking nodding
    taking pointing adding holding glancing rising getting speaking being having this last yesterday
    today tonight recently earlier later afterward afterwards now here there presently at once still
    in a an the next monday tuesday wednesday thursday friday saturday sunday
    """.split()
)

# Capitalised words that start sentences but are never names.
NOT_NAMES = frozenset(
    """
    the a an he she it they we i you his her its their our my your this that these those there here then
    but and or so yet for nor if when while as at in on of to by with from after before since until
    because although though however meanwhile yesterday today tomorrow tonight now still also even just
    only what who whom whose which where why how yes no oh ah well not never always some any all each
    every many much more most few both either neither one two three four five six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december god lord heaven sir madam mr mrs ms miss dear
    chapter book part volume said says asked according instead perhaps maybe indeed nevertheless
    besides further furthermore moreover thus therefore hence once twice again first last next other
    another such nobody nothing everyone everybody someone somebody anyone anybody let let's do does
    did don't can could would should will shall must might is was are were be been being have has had
    am look see come go say tell ask mrs. mr. dr. ms. st. mme. mlle. hello hi good thank thanks please
    sorry darling ay aye nay oh o alas hush hark pray why hey hallo hullo goodbye good-bye farewell
    english french russian german american british italian spanish indian chinese japanese
    """.split()
)

# Nouns that head a description of a person, by gender ("the old gentleman", "his wife").
PERSON_NOUNS_MALE = frozenset(
    """
    man men boy gentleman father son husband brother uncle nephew king prince duke count lord sir monk
    priest fellow lad grandfather master emperor baron marquis earl squire waiter landlord butler
    footman coachman cabman policeman constable clergyman curate vicar parson rector bishop cardinal
    monsieur herr signor senor gentleman stranger youth beau lover bridegroom groom widower papa dad
    daddy abbé abbe host
    """.split()
)
PERSON_NOUNS_FEMALE = frozenset(
    """
    woman women girl lady mother daughter wife sister aunt niece queen princess duchess countess madam
    grandmother mistress empress baroness maid widow bride landlady housekeeper governess nurse
    hostess actress heroine matron spinster lass mamma mama mum mummy mom signora signorina senora
    madame mademoiselle marquise marchioness viscountess girlfriend damsel
    """.split()
)
PERSON_NOUNS = PERSON_NOUNS_MALE | PERSON_NOUNS_FEMALE | frozenset(
    """
    person people child children friend companion visitor guest doctor officer captain colonel major
    general soldier sailor driver servant clerk teacher student pupil boy girl stranger neighbour
    neighbor cousin parent parents spokesman spokeswoman spokesperson official officials minister
    secretary president senator governor mayor leader chairman director manager owner chief expert
    analyst economist lawyer attorney judge witness resident residents farmer worker workers voter
    voters critic critics supporter supporters member members host guest other others speaker
    professor inspector detective secretary ambassador diplomat envoy agent agents candidate nominee
    prisoner traveller traveler passenger young old elder youngster infant baby creature individual
    """.split()
)

# Heads of descriptions that are not people: "a voice announced", "a sign read".
NON_PERSON_NOUNS = frozenset(
    """
    voice voices sound sign notice note letter message poster banner headline loudspeaker tannoy radio
    television screen recording tape song placard arm arms hand hands face faces eye eyes head heart
    lips mouth brow forehead shoulders look looks glance expression tone sigh smile laugh tears word
    words paper book mind thought thoughts manner air seat seats place day night morning evening time
    moment drums music saber pulse fly ring while pause minute second way bit lot little few yawn nod
    whisper shrug gesture
    """.split()
)

# Documents and bodies that speak in news: "the report said", "a statement from Chelsea read".
DOCUMENT_NOUNS = frozenset(
    "statement report letter study survey memo email e-mail filing complaint lawsuit release ruling "
    "order notice post tweet document documents indictment affidavit transcript poll analysis".split()
)

ORGANISATION_WORDS = frozenset(
    """
    ministry ministries department office agency council committee commission government administration
    party company corporation corp inc ltd group bank police court times post news journal reuters tass
    associated press bbc cnn nbc abc cbs fox network university institute foundation union association
    board service services campaign team club embassy kremlin pentagon parliament congress senate army
    navy force forces authority authorities organization organisation federation league daily herald
    tribune guardian telegraph gazette magazine white house fund trust society school college church
    hospital center centre clinic firm bureau secretariat cabinet assembly coalition alliance movement
    """.split()
)

# Words of publications kept with their article: "The New York Times".
PUBLICATION_WORDS = frozenset("times post journal news guardian telegraph herald tribune gazette economist".split())

# ---------------------------------------------------------------------------------------
# Given names, for the gender of a person known by name


MALE_NAMES = frozenset(
    """
    aaron abraham adam adrian alan albert alec alex alexander alexei alexis alfred algernon allan ambrose
    andrew andrei andrey andy angus anthony antonio archibald archie arnold arthur augustus austin
    barack barnaby bartholomew basil ben benedict benjamin bernard bernie bert bill billy bob bobby
    boris brad bradley brian bruce bryan caleb carl carlos cecil cedric charles charley charlie chris
    christian christopher chuck clarence claude clement clifford clive colin conrad craig cyril dan
    daniel darcy dave david denis dennis derek dick dmitri dmitry dominic don donald douglas duncan
    dylan ed eddie edgar edmund edward edwin elijah ellis emmanuel eric ernest eugene evan ezra felix
    ferdinand fitzwilliam francis frank franklin fred freddie freddy frederick fyodor gabriel gareth
    gary gavin geoffrey george gerald gilbert giles giovanni godfrey gordon graham gregory guy hal harold
    harry harvey hector henry herbert horace howard hubert hugh humphrey ian isaac ivan jack jacob jake
    james jared jason jasper jeb jeff jeffrey jeremiah jeremy jerome jerry jesse jim jimmy joe joel
    john johnny jon jonathan jose joseph josh joshua josiah juan julian julius justin keith ken kenneth
    kevin larry laurence lawrence lee len lenny leo leon leonard leopold lewis lionel louis luke
    malcolm mark marco martin matt matthew maurice max maximilian michael mike miles mitch mitt morris
    nathan nathaniel ned neil nicholas nick nicolas nigel nikolai noah noel norman oliver oscar oswald
    owen patrick paul percy peter phil philip pierre piotr ralph randolph randy raymond reginald reince
    richard rick robert robin rod rodney roger roland ron ronald rory roy rudolph rudy rupert russell
    ryan sam samuel saul scott sean sebastian sergei sergey seth sidney silas simon solomon stanley
    stephen steve steven stuart ted teddy terence terry theo theodore thomas tim timothy toby todd tom
    tommy tony trevor tristram valentine victor vincent vladimir walter warren wayne wilfred will
    william willie willy winston zach zachary
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abby abigail ada adela adelaide adeline agatha agnes alice alicia alison amanda amelia amy andrea
    angela angelina anna anne annette annie antoinette arabella augusta barbara beatrice beatriz becky
    bella bertha beth betsy betty beverly blanche brenda bridget camilla carla carol caroline carolyn
    catherine cecilia cecily celia charlotte cheryl christina christine clara clarissa claudia
    constance cora cordelia cynthia daisy deborah debbie delia denise diana diane dinah dolly donna
    dora doris dorothea dorothy edith eleanor elena eliza elizabeth ella ellen ellie elsie emily emma
    esther eugenia eva eve evelyn fanny florence frances georgiana georgina gertrude gloria grace
    gwendolen hannah harriet hattie heather helen helena henrietta hester hilda hillary honoria hortense
    irene isabel isabella jacky jane janet janey janice jean jemima jennifer jenny jessica jill joan
    joanna josephine joyce judith judy julia julie juliet karen kate katharine katherine kathleen kathy
    katie katya kitty laura lauren lavinia letitia lilian lillian lily linda lisa livia liza lizzie
    lizzy lois lotte louisa louise lucia lucie lucy lydia mabel madeleine madeline maggie margaret
    margery maria marianne marie marilla marilyn marion marjorie martha mary matilda maud maude may
    megan melania melissa mildred millicent minnie miriam molly nancy natalie natasha nell nellie
    nicole nina nora olga olive olivia pamela patricia paula pauline peggy penelope philippa phoebe
    polina polly priscilla prudence rachel rebecca rhoda rose rosalind rosamond rosie ruth sally
    samantha sandra sara sarah sharon shirley sophia sophie sonya stella stephanie susan susanna
    suzanne sybil sylvia tabitha teresa tessa theresa tina ursula victoria violet virginia vivian
    wendy winifred
    """.split()
)

# Names of the months and days: capitalised, never people.
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday".split()
)


# The lemma of every form of a speech verb ("said" -> "say"), and the lemmas that report speech
# only with their particle ("went on", "put in", never "went" alone).
VERB_LEMMA = {
    form: lemma for lemma in sorted(_SPEECH_LEMMAS) for form in _forms_of(lemma, _IRREGULAR.get(lemma))
}
PARTICLE_ONLY = frozenset(SPEECH_PARTICLES) - SPEECH_VERB_LEMMAS
