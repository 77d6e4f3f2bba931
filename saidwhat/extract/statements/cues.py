"""The words that introduce what someone said, announced, believed or reported.

Verbs take a clause ("said that ...", "asked Putin to deploy ...") or stand beside a quote
("... ,” she said). The list was drawn up from the cues annotated in PolNeAR's training split and
from reporting verbs of wire style, keeping verbs that mostly attribute when they govern a clause.
"""

SPEECH_VERBS = frozenset(
    """
    say tell add ask write report announce note argue suggest claim explain declare insist warn
    acknowledge admit deny confirm state respond reply predict promise vow pledge threaten urge
    accuse complain concede contend assert maintain stress emphasize emphasise tweet post recall
    reveal indicate show find estimate expect fear worry agree recommend propose demand request
    order inform advise caution allege mention observe remark comment testify conclude describe
    signal hint joke quip recount tout boast brag lament charge counter question wonder
    speculate call plead challenge assure reassure disclose guarantee retort retweet blast slam
    criticize criticise praise dismiss reject rule suspect doubt imply plan intend seek learn
    read cite quote discover forecast anticipate project calculate reckon assume guess presume
    imagine envision advocate support oppose endorse interject back vote blame defend discuss
    refer respond talk point express continue reiterate highlight denounce decline refuse
    encourage compare bemoan address reference
    """.split()
)
# Verbs of thinking and wanting attribute a stance, but inside quotes or with "I", "we", "you"
# they are mostly turns of speech ("I think we can win"): kept only outside quotes, in the third
# person. Left out entirely: mean, decide, hear, understand, determine, suppose (on PolNeAR train
# fewer than a quarter of the clauses they govern are annotated as attributions).
COGNITIVE = frozenset("think believe want know hope feel".split())

# Verbs whose object-plus-infinitive is the content: "asked Putin to deploy the missiles". Not
# "tell": PolNeAR leaves the hearer out ("told reporters that ...", "told him to leave").
OBJECT_CONTROL = frozenset("ask urge call order request advise warn invite encourage".split())
# Verbs that never stand beside a quote as its cue ("“...,” she said" but not "“...,” she
# backed"): they attribute only through a clause or an object.
NOT_BESIDE_QUOTES = frozenset(
    """
    show find learn read discover plan intend seek expect call support oppose endorse project
    forecast calculate back vote blame defend discuss refer respond talk point express accuse
    attack
    """.split()
)

# Verbs whose object is what was said or judged: "cited the report", "called the plan a disaster".
OBJECT_CONTENT = frozenset(
    """
    cite call criticize criticise attack condemn praise blast slam denounce mention describe
    label dub brand claim announce propose demand deny dismiss reject question tout accuse
    support endorse oppose back vote blame defend discuss refer respond talk point express
    reiterate highlight stress compare bemoan address reference
    """.split()
)
# The preposition that carries the content after such a verb or its object: "accused X of Y",
# "voted for X", "referred to X as Y", "talked about X", "pointed to X", "responded to X".
OBJECT_PREPOSITIONS = frozenset("of for to about as on".split())

NOUN_CUES = frozenset(
    """
    statement remarks remark comments comment interview email letter tweet post speech
    announcement release report testimony memo
    """.split()
)
# Where something is said, whose noun takes no clause of its own: in "told reporters at a press
# conference that the airline will ...", the clause spaCy hangs on "conference" is the verb's.
OCCASIONS = frozenset(
    """
    conference briefing meeting hearing session rally summit forum event gathering ceremony
    luncheon dinner breakfast seminar symposium convention
    """.split()
)
OCCASION_PREPOSITIONS = frozenset({"in", "at", "during"})

# Verbs of holding and dealing, which the cue model, reading any verb with an object, sometimes
# takes for cues: "Net excludes a gain of 54,000 dlrs", "VW bought a five pct stake", "Silver
# traded at 6.20 dlrs", "Republicans failed to appear", "The Steelers spent Monday trying to distance
# themselves". They tell of what is contained or done, never of what was said.
NOT_ATTRIBUTING = frozenset("include exclude buy sell trade enjoy own fail spend".split())
# Verbs that report through a clause but, with an object, tell of a thing finished: "concluded
# that the ban is not justified", but "concluded an agreement", "concluded advance weekly sales",
# "was concluding a trip".
CLAUSE_ONLY = frozenset({"conclude"})

# Word lists read by more than one part of the statement finders.
RAISING = {"seem", "appear"}  # verbs whose subject belongs to the content
EXPLETIVES = {"it", "there"}  # "it seems", "there appears": a subject that is no one
HEARING = {"tell", "assure", "inform", "remind"}  # verbs whose object is whoever hears
ASKING = {"ask", "question", "press"}  # "asked the mayor about the budget": the question is the content
