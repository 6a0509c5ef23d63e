"""Word lists the engine relies on: speech verbs, titles, pronouns, organisation words."""

from __future__ import annotations

# Verbs that introduce or follow a quotation, in the forms news and fiction use.
SPEECH_VERBS = frozenset(
    """
    said says say saying told tells asked asks asking replied replies answered answers added adds continued
    continues cried exclaimed shouted whispered muttered murmured explained explains noted notes stressed
    stresses emphasized emphasizes emphasised emphasises insisted insists warned warns observed remarked
    returned rejoined retorted responded declared declares stated states announced announces wrote writes
    tweeted argued argues admitted admits recalled recalls concluded began begins repeated suggested
    suggests interrupted inquired enquired demanded called yelled screamed sighed laughed pleaded begged
    protested objected agreed assented urged groaned grumbled growled snapped sneered thought cried
    pursued resumed persisted ventured stammered faltered gasped sobbed whimpered roared bellowed hissed
    grunted moaned wailed blurted mumbled drawled chuckled giggled smiled grinned nodded shrieked squeaked
    sang breathed panted called shouted commented comments confirmed confirms acknowledged acknowledges
    claimed claims contended maintained maintains predicted reported reports revealed reveals testified
    told wondered wonders mused proposed proposes promised promises vowed boasted joked quipped conceded
    concedes countered counters cautioned complained complains lamented posted explained reiterated
    reiterates echoed affirmed assured advised informed ordered commanded directed instructed interposed
    exclaims cries shouts whispers mutters replies asks observes remarks returns rejoins retorts
    responded pleads demands inquires enquires adds says thinks thought read reads put broke went
    sings sang chant chants chanted chanting
    """.split()
)

# Words that stand before a name as titles or descriptions ("Foreign Minister Sergey Lavrov").
HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "mister": "m",
    "madam": "f", "madame": "f", "mme": "f", "mme.": "f", "mlle": "f", "mlle.": "f", "monsieur": "m",
    "sir": "m", "lady": "f", "lord": "m", "dame": "f", "master": "m", "prince": "m", "princess": "f",
    "count": "m", "countess": "f", "duke": "m", "duchess": "f", "king": "m", "queen": "f", "baron": "m",
    "baroness": "f", "emperor": "m", "empress": "f", "father": "m", "mother": "f", "uncle": "m", "aunt": "f",
    "brother": "m", "sister": "f", "signor": "m", "signora": "f", "herr": "m", "frau": "f", "fräulein": "f",
}
TITLE_WORDS = frozenset(
    """
    dr dr. doctor prof prof. professor rev rev. reverend president vice sen sen. senator rep rep. representative
    gov gov. governor secretary general gen gen. colonel col col. captain capt capt. major maj lieutenant lt
    sergeant sgt admiral adm judge justice mayor minister prime foreign chancellor chief executive director
    officer chairman chairwoman chair spokesman spokeswoman spokesperson deputy attorney ambassador envoy
    special commissioner inspector detective constable officer leader speaker premier pope saint st st.
    secretary-general candidate nominee founder ceo coach manager head spokesperson analyst economist
    former acting interim senior junior assistant associate first lady sheriff superintendent councillor
    councilor chancellor treasurer economy finance defence defense interior health education state
    republican democratic democrat gop u.s. us un eu uk white house
    """.split()
) | frozenset(HONORIFICS)

# Adjectives of nationality and similar that may precede a title ("Russian Foreign Minister").
DESCRIPTOR_WORDS = frozenset(
    """
    russian american british french german chinese italian spanish indian japanese ukrainian syrian turkish
    iranian israeli palestinian european african australian canadian mexican brazilian korean
    north south east west new top senior veteran young old late retired famous rival fellow
    """.split()
)

ORGANISATION_WORDS = frozenset(
    """
    ministry ministries department office agency council committee commission government administration
    party company corporation corp corp. inc inc. ltd ltd. group bank police court times post news journal
    reuters tass associated press bbc cnn nbc abc cbs fox network university institute foundation union
    association board service services campaign team club embassy kremlin pentagon parliament congress
    senate army navy force forces authority authorities organization organisation federation league
    commission daily herald tribune guardian telegraph gazette magazine spokesman-office white house
    """.split()
)

# Capitalised words that start sentences but are never names.
NOT_NAMES = frozenset(
    """
    the a an he she it they we i you his her its their our my your this that these those there here then
    but and or so yet for nor if when while as at in on of to by with from after before since until because
    although though however meanwhile yesterday today tomorrow tonight now still also even just only
    what who whom whose which where why how yes no oh ah well not never always some any all each every
    many much more most few both either neither one two three four five six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december god lord heaven sir madam mr mrs ms miss dear
    chapter book part volume said says asked according
    instead perhaps maybe indeed nevertheless besides further furthermore moreover thus therefore hence
    once twice again first last next other another such no nobody nothing everyone everybody someone
    somebody anyone anybody let let's do does did don't can could would should will shall must might
    is was are were be been being have has had am look see come go say tell ask
    mrs. mr. dr. ms. st. mme. mlle. hello hi good thank thanks please sorry dear darling
    english french russian german american british
    """.split()
)

# Nouns that can head a description of a person ("the minister", "his young interlocutor").
PERSON_NOUNS_MALE = frozenset(
    "man boy gentleman father son husband brother uncle nephew king prince duke count lord sir monk priest "
    "fellow lad gentleman old-man grandfather master emperor baron".split()
)
PERSON_NOUNS_FEMALE = frozenset(
    "woman girl lady mother daughter wife sister aunt niece queen princess duchess countess "
    "madam grandmother mistress empress baroness maid widow".split()
)

# Common English given names, for the gender of a pronoun's antecedent.
MALE_NAMES = frozenset(
    """
    aaron adam adrian alan albert alex alexander alfred andrew andy anthony arthur barack ben benjamin bernie
    bill billy bob bobby brad brian bruce carl carlos charles charlie chris christopher chuck colin craig dan
    daniel david dennis derek dick don donald doug douglas ed eddie edward eric ernest eugene frank fred
    frederick gary george gerald gordon greg gregory harold harry henry howard hugh ian jack jacob jake james
    jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan joseph josh joshua
    juan justin keith ken kenneth kevin larry lawrence lee leo leonard lewis louis luke marco mark martin
    matt matthew michael mike mitch mitt nathan neil nicholas nick noah norman oliver oscar patrick paul
    peter phil philip ralph randy raymond reince richard rick rob robert rod roger ron ronald roy rudy rupert
    russell ryan sam samuel scott sean sergey sergei stephen steve steven stuart ted terry thomas tim timothy
    todd tom tony victor vincent vladimir walter wayne william willie winston zach
    pierre andrew nicholas ivan nikolai petya prince vasili fyodor dmitri boris denisov anatole hippolyte
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abby abigail alice alicia amanda amy andrea angela angelique ann anna anne annie barbara betsy betty
    beverly brenda carla carol caroline carolyn catherine charlotte cheryl christina christine claire claudia
    cynthia daisy deborah debbie denise diana diane donna dorothy elizabeth ellen emily emma eva evelyn
    florence frances gloria grace hannah harriet heather helen helena hillary irene jane janet janice jean
    jennifer jessica jill joan joanna josephine joyce judith judy julia julie karen kate katherine kathleen
    kathy katie kelly kim kimberly kitty laura lauren linda lisa lizzy lois louisa lucy lydia margaret
    maria marie marilyn martha mary megan melania melissa michelle nancy natalie natasha nicole olivia pamela
    patricia paula rachel rebecca rose ruth sally samantha sandra sara sarah sharon shirley sophia stephanie
    susan suzanne teresa theresa tina victoria virginia wendy
    sonya helene marya lise mary ann beatriz elena
    """.split()
)

# Heads of descriptions that are not people: "a voice announced", "a sign read".
NON_PERSON_NOUNS = frozenset(
    "voice voices sound sign notice note letter statement message announcement poster banner headline "
    "loudspeaker tannoy radio television screen recording tape song placard "
    "arm arms hand hands face faces eye eyes head heart lips mouth brow forehead shoulders look looks glance "
    "expression tone sigh smile laugh tears word words paper book mind thought thoughts manner air seat "
    "seats place day night morning evening time moment drums music saber pulse fly ring".split()
)
