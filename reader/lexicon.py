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
    write tweet argue admit recall conclude begin repeat suggest interrupt inquire enquire demand
    call yell scream sigh laugh plead beg protest object agree assent urge groan grumble growl snap sneer
    think pursue resume persist venture stammer stutter falter gasp sob whimper roar bellow hiss grunt
    moan wail blurt mumble drawl chuckle giggle shriek squeak sing chant breathe pant comment confirm
    acknowledge claim contend maintain predict report reveal testify wonder muse propose promise vow
    boast joke quip concede counter caution complain lament reiterate echo affirm assure advise inform
    command instruct interpose read remind assert reason correct interject speak utter query
    vociferate remonstrate expostulate entreat implore lisp taunt tease mock jeer soothe coax chide scold
    rebuke reproach reprove babble chatter gabble prattle pronounce proclaim concur swear threaten
    speculate opine surmise snarl snort sniff scoff bark squeal simper whine sputter splutter croak
    lecture recite bawl howl purr coo trill warble blubber weep console encourage greet acquiesce
    conjecture exult gush rave rant quaver titter snicker hint imply intimate demur deny dispute
    contradict allege confide subjoin
    """.split()
)
# The speech verbs a quotation most often follows in running text ("he said that it was 'a
# mistake'"): the ones that tell a quoted fragment inside reported speech from a title.
CORE_SPEECH_LEMMAS = frozenset(
    """
    say tell ask reply answer add continue cry exclaim shout whisper mutter murmur explain note stress
    emphasize emphasise insist warn observe remark return rejoin retort respond declare state announce
    write tweet argue admit recall conclude begin repeat suggest interrupt inquire enquire demand call
    yell scream sigh laugh plead beg protest object agree assent urge groan grumble growl snap sneer
    think pursue resume persist venture stammer falter gasp sob whimper roar bellow hiss grunt moan wail
    blurt mumble drawl chuckle giggle shriek squeak sing chant breathe pant comment confirm acknowledge
    claim contend maintain predict report reveal testify wonder muse propose promise vow boast joke quip
    concede counter caution complain lament reiterate echo affirm assure advise inform order command
    direct instruct interpose read
    """.split()
)

# Phrasal speech verbs: the particle that completes them ("went on", "broke in", "put in").
SPEECH_PARTICLES = {
    "go": ("on",), "break": ("in", "out", "off"), "put": ("in",), "cut": ("in",), "chime": ("in",),
    "burst": ("out", "forth"), "call": ("out",), "cry": ("out",), "sing": ("out",), "shout": ("out",),
    "pipe": ("up", "in"), "speak": ("up", "out"), "butt": ("in",), "take": ("up",), "strike": ("in",),
    "blurt": ("out",), "rattle": ("on",), "run": ("on",), "come": ("in",), "get": ("out",),
    "point": ("out",),
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
    okay ok alright yeah yep nope wow hmm listen wait honestly nonsense amen
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

# Finite verbs a sentence's subject is followed by (with any "-ed" past tense), for telling a
# name that does something from one that is done to ("Marilla looked", "Anne went").
FINITE_VERBS = frozenset(
    """
    was were had has have is are did does do could would should will shall might must may can went came
    saw took made gave said told thought knew felt found got stood sat ran began looked kept left led
    heard held brought bought caught fell fought flew forgot grew hung hid hit laid lay lost meant met
    paid put read rode rose rang shook shot shut sang sank slept slid spoke spent spun stole struck swore
    swept swam swung taught tore threw understood woke wore won wrote drew drank drove ate broke chose
    became bore bent bit blew burst sought sold sent set seemed says goes comes sees takes makes gives
    thinks knows feels finds gets stands sits runs looks keeps leaves turns walks smiles laughs
    """.split()
)

# Heads of descriptions that say only what kind of person someone is ("the girl", "the old
# gentleman"): in a story, nearly always someone already in the scene, not a newcomer.
GENERIC_PERSON_NOUNS = frozenset(
    "man men woman women girl boy lady gentleman child youth fellow person creature lad lass "
    "individual figure companion speaker other friend".split()
)

# Heads of descriptions that name a relation, with the relative's gender ("her mother").
RELATION_NOUNS = {
    "mother": "f", "father": "m", "wife": "f", "husband": "m", "sister": "f", "brother": "m", "aunt": "f",
    "uncle": "m", "daughter": "f", "son": "m", "niece": "f", "nephew": "m", "grandmother": "f",
    "grandfather": "m", "mamma": "f", "mama": "f", "papa": "m", "mum": "f", "dad": "m", "cousin": None,
    "lady": "f", "lord": "m", "parents": None, "guardian": None, "sister-in-law": "f", "brother-in-law": "m",
    "mother-in-law": "f", "father-in-law": "m", "step-mother": "f", "stepmother": "f", "stepfather": "m",
}

# Heads of descriptions that are not people: "a voice announced", "a sign read".
NON_PERSON_NOUNS = frozenset(
    """
    voice voices sound sign notice note letter message poster banner headline loudspeaker tannoy radio
    television screen recording tape song placard arm arms hand hands face faces eye eyes head heart
    lips mouth brow forehead shoulders look looks glance expression tone sigh smile laugh tears word
    words paper book mind thought thoughts manner air seat seats place day night morning evening time
    moment drums music saber pulse fly ring while pause minute second way bit lot little few yawn nod
    whisper shrug gesture sentence sentences
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
    aaron abdul abdullah abel abraham adam adrian ahmad ahmed aidan al alan alastair albert alberto alec
    alejandro alessandro alex alexander alexandre alexei alexis alfie alfonso alfred alfredo algernon ali
    alistair allan amir anatole anders andre andrea andreas andrei andres andrew andrey andy angelo angus
    anil ant anthony antoine anton antonio archibald archie ari arjun armand arnold arthur arturo ashok
    august augustine augustus austin axel barack barnaby barney baron barry bart bartholomew basil ben
    benedict benito benjamin bernard bernardo bernie bert bertie bill billy bjorn blake bob bobby boris
    brad bradley brendan brett brian bruce bruno bryan burt byron caleb calvin cameron carl carlo carlos
    casimir cecil cedric cesar chad charles charley charlie chris christian christoph christopher chuck
    ciaran clarence claude claus clement cliff clifford clint clive cody colin conor conrad cornelius
    craig curtis cyril dale damian dan daniel danny dante darcy dario darius darren dave david dean declan
    deepak denis dennis derek desmond dev diego dieter dimitri dirk dmitri dmitry dominic don donald
    donovan doug douglas duncan dustin dwayne dwight dylan earl eddie edgar edmund eduardo edward edwin
    egbert elias elijah elliot ellis elmer emil emile emilio emmanuel enrique enzo eric erik ernest ernesto
    ernst erwin ethan eugene evan ezra fabian farouk federico felipe felix ferdinand fergus fernando
    fidel filippo finn fitzwilliam floyd francesco francis francisco franco frank frankie franklin franz
    fred freddie freddy frederick fritz fyodor gabriel gareth garrett gary gaston gavin gene geoff
    geoffrey george georg gerald gerard gerhard gianni gilbert giles giorgio giovanni giuseppe glen glenn
    godfrey gonzalo gordon graham grant greg gregor gregory guillaume gunther gus gustav gustavo guy hal
    hamid hank hans harold harris harrison harry harvey hassan hector heinrich helmut henri henrik henry
    herbert herman hiroshi horace horatio howard hubert hugh hugo humphrey ian ibrahim igor ike ilya
    imran isaac isaiah ismail ivan jack jackson jacob jacques jaime jake jamal james jamie jan jared jason
    jasper javier jay jean jeb jed jeff jeffrey jeremiah jeremy jerome jerry jesse jesus jim jimmy joachim
    joao joaquin joe joel johan johann johannes john johnny jon jonah jonas jonathan jordan jorge jose
    josef joseph josh joshua josiah juan jude jules julian julio julius justin kai karim karl keith ken
    kenji kenneth kevin khalid kirk klaus konrad kurt kyle lance lars laurence laurent lawrence lee len
    lenny leo leon leonard leonardo leopold leroy les lester lewis liam lionel lloyd logan lorenzo lou
    louis lucas lucian luciano luis luigi luke lyndon magnus mahmoud malcolm manfred manuel marc marcel
    marco marcus mario mark marshall martin marvin mason mateo matt matteo matthew matthias maurice max
    maximilian mehmet mel melvin michael michel miguel mikhail mike miles milo milton mitch mitchell mitt
    mohamed mohammed morgan morris moses muhammad murray nathan nathaniel neal ned neil nelson nicholas
    nick nicky nico nicolas nigel nikita nikolai noah noel norbert norman oleg oliver omar orlando oscar
    oswald otto owen pablo paddy paolo pascal pat patrick paul pedro percy perry pete peter phil philip
    philippe pierre piers piotr pradeep pranav preston rafael raheem rahul raj rajesh ralph ramon randall
    randolph randy raoul raphael rashid raul ray raymond reggie reginald reince rene rex ricardo richard
    rick ricky rob robbie robert roberto robin rod roderick rodney rodrigo roger roland rolf roman ronald
    ronnie rory ross roy rudolf rudolph rudy rufus rupert russ russell ryan salvador sam sami samir samuel
    sandeep sanjay santiago saul scott sean sebastian sergei sergey sergio seth shane shaun sid sidney
    silas simon sol solomon spencer stan stanley stefan steffen stephen steve steven stuart sunil sven
    tariq ted teddy terence terry theo theodore thomas tim timothy tobias toby todd tom tomas tommy tony
    travis trevor tristan tristram troy ty tyler umberto uri valentin valentine vernon victor vijay
    vikram vince vincent vinny vito vladimir wade wallace walt walter warren wayne wesley wilbur wilfred
    wilhelm will william willie willy winston wolfgang xavier yannick yasser yusuf yves zach zachary zane
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abby abigail ada adela adelaide adele adeline adriana agatha agnes aisha alexandra alexia alice alicia
    alina alison alma amanda amber amelia amina amy ana anastasia andrea angela angelica angelina angelique
    anita ann anna annabel anne annette annie antoinette antonia april arabella ariana arlene ashley astrid
    audrey augusta ava barbara beatrice beatriz becky belinda bella bernadette bertha beryl beth bethany
    betsy betty beverly bianca birgit blanche bonnie brenda bridget brigitte britney brittany camilla
    candace carla carmen carol carole caroline carolyn carrie cassandra catalina catherine cecilia cecily
    celia celine charlene charlotte chelsea cheryl chiara chloe christa christina christine cindy claire
    clara clarissa claudia colette connie constance cora cordelia corinne courtney cristina cynthia daisy
    dana daniela danielle daphne dawn deborah debbie deirdre delia della denise diana diane dina dinah
    dolly dolores dominique donna dora doreen doris dorothea dorothy edith edna eileen elaine eleanor elena
    eliza elizabeth ella ellen ellie eloise elsa elsie emily emma erica erika erin esme esther ethel
    eugenia eunice eva evangeline eve evelyn faith fanny fatima felicity fiona flora florence frances
    francesca freda frieda gabriela gabrielle gail georgia georgiana georgina geraldine gertrude gina
    ginger giovanna giulia gladys glenda gloria grace greta gretchen gwen gwendolen gwendolyn hannah
    harriet hattie hazel heather heidi helen helena helga henrietta hester hilary hilda hillary holly hope
    hortense ida ilse imogen ines ingrid irene iris irma isabel isabella isabelle isla ivy jackie jacky
    jacqueline jane janet janey janice jasmine jean jeanne jeannette jemima jennifer jenny jess jessica
    jill jo joan joanna joanne jocelyn josephine josie joy joyce judith judy julia julie juliet june
    justine karen karin kate katharine katherine kathleen kathryn kathy katie katrina katya kay kelly
    kerry kim kimberly kirsten kitty lara laura lauren lavinia leah leila lena leonora leslie letitia
    liesel lila lilian lillian lily linda lisa livia liz liza lizzie lizzy lois lorna lorraine lotte
    louisa louise lucia lucie lucille lucinda lucy luisa lydia mabel madeleine madeline madonna mae
    maggie magda magdalena maisie mandy manuela marcia margaret margarita margery margot maria mariana
    marianne marie marilla marilyn marina marion marjorie marlene martha martina mary matilda maud maude
    maureen mavis maxine may megan melanie melania melinda melissa mercedes meredith meryl mia michelle
    mildred millicent millie mimi minnie miranda miriam moira molly monica monique muriel myra nadia
    nadine nancy naomi natalia natalie natasha nell nellie nicola nicole nina nora noreen norma octavia
    odette olga olive olivia ophelia paige pam pamela patricia patsy paula paulette pauline pearl peggy
    penelope penny petra philippa phoebe phyllis pia polina polly priscilla priya prudence queenie rachael
    rachel ramona rebecca regina renee rhoda rhonda rita roberta robyn rosa rosalie rosalind rosamond
    rose rosemary rosie rowena ruby ruth sabine sabrina sadie sally samantha sandra sara sarah sasha
    selina serena sharon sheila shelley shirley sibyl silvia simone sofia sonia sonja sonya sophia sophie
    stella stephanie sue susan susanna susannah suzanne sybil sylvia tabitha tamara tammy tanya tatiana
    teresa tess tessa thelma theresa tina tracy trudy ursula valentina valerie vanessa vera veronica
    victoria viola violet virginia vivian vivienne wanda wendy whitney wilhelmina willa winifred yasmin
    yolanda yvette yvonne zara zoe zoey
    """.split()
)

# Names of the months and days: capitalised, never people.
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday".split()
)


# Every form of the core speech verbs, for telling quotations from titles and scare quotes.
CORE_SPEECH_VERBS = _verb_forms(CORE_SPEECH_LEMMAS | {"go", "put", "break"})[3]

# The lemma of every form of a speech verb ("said" -> "say"), and the lemmas that report speech
# only with their particle ("went on", "put in", never "went" alone).
VERB_LEMMA = {
    form: lemma for lemma in sorted(_SPEECH_LEMMAS) for form in _forms_of(lemma, _IRREGULAR.get(lemma))
}
PARTICLE_ONLY = frozenset(SPEECH_PARTICLES) - SPEECH_VERB_LEMMAS


# ---------------------------------------------------------------------------------------
# Abbreviations, particles and the small words of tags


# Abbreviations whose full stop belongs to the word ("Mr.", "Gen."): no sentence ends there.
ABBREVIATIONS = frozenset(
    "Mr Ms Dr St Jr Sr Lt Gen Col Sen Rep Gov Mrs Rev Maj Capt Sgt Adm Prof Mme Mlle Vt No Mt Ft Del Cmdr "
    "Supt Det Pres Atty Insp Inc Co Corp Ltd Bros Ave Blvd Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ala "
    "Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa "
    "Tenn Tex Va Wash Wis Wyo vs etc".split()
)
# The abbreviations written before a name, in lower case: a token keeps their full stop.
NAME_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr lt gen col sen rep gov rev maj capt sgt adm prof mme mlle messrs mt ft det "
    "supt insp atty pres".split()
)
# Particles inside a name: "van der Luyden", "de Worms".
NAME_PARTICLES = frozenset("de da di del della van von der den la le du bin al ibn y ter ten zu".split())
# The particles (and "of") that may join the words of a capitalised run: "Ministry of Infrastructure".
RUN_JOINERS = ("de", "da", "di", "del", "van", "von", "der", "le", "la", "du", "of", "for", "of the", "on")

# Honorifics that say how a person is addressed (written with the name, kept as part of it).
ADDRESS_HONORIFICS = frozenset(
    "mr mrs ms miss mister madam madame mme mlle mademoiselle monsieur sir lady lord dame master "
    "signor signora signorina herr frau fräulein señor señora senor senora don doña dona".split()
)
# Titles a person may be called by in speech ("Good night, Colonel Brandon").
VOCATIVE_TITLES = (
    "Mr Mrs Ms Miss Dr Sir Lady Lord Master Madam Madame Monsieur Mademoiselle Aunt Uncle Cousin Colonel "
    "Captain Major General Professor Doctor Prince Princess Count Countess".split()
)

# Adverbs that end a speaker's phrase in a tag: "said the old woman aloud".
TRAILING_ADVERBS = frozenset("aloud again too also back low still meanwhile instead".split())
# Possessives that own an utterance noun: "was her father's reply" names "her".
OWNER_PRONOUNS = frozenset(("his", "her", "my"))
# Words between a speaker and a verb phrase that reports speech: "could not help saying",
# "was at last forced to add", "began to say", "went on to explain".
SPEECH_HELPERS = AUXILIARIES | frozenset(
    "not help forced obliged compelled able began begins begin started starts went continued ventured "
    "managed tried to at last length once".split()
)
# Words that may follow "he said" in a tag without changing who the speaker is.
TAG_CONTINUATIONS = frozenset(
    "with in at again then after as without quietly softly slowly suddenly at last presently and".split()
)
# Prepositions before a place: "a station near Leominster, said" (the place does not speak).
PLACE_PREPOSITIONS = ("in", "at", "near", "from", "of", "outside", "inside", "across", "around", "to")
# Words between a speech verb and a quotation that it introduces: "said that", "told reporters".
AFTER_SPEECH_VERB = frozenset("that to him her them me us you reporters journalists on in out".split())
# Function words: what a possessive is not followed by ("talks' with ...").
FUNCTION_WORDS = frozenset(
    "with and to of in for on at from by about as that than or but is was are were be been has have had "
    "will would could should can may might must which who whom whose when where while if because so "
    "over under into onto after before since until during through against between among".split()
)
