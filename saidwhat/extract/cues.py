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
    reveal indicate believe think show find estimate hope want expect fear worry agree recommend
    propose demand request order inform advise caution allege mention observe remark comment
    testify conclude describe signal hint joke quip recount tout boast brag lament charge counter
    question wonder speculate vote pray call plead challenge assure reassure disclose guarantee
    retort retweet blast slam criticize criticise praise dismiss reject insist rule announce
    acknowledge mean feel suspect doubt imply propose plan intend seek demand decide learn hear
    read cite quote say testify notice discover determine know realize realise understand
    project forecast anticipate forecast project calculate figure reckon assume guess presume
    suppose imagine envision recommend advocate support oppose endorse backed interject
    """.split()
)

# Verbs whose object-plus-infinitive is the content: "asked Putin to deploy the missiles".
OBJECT_CONTROL = frozenset("ask tell urge call order request advise warn invite encourage".split())
# Verbs that attribute only with a clause and mostly mean something else with a noun object.
CLAUSE_ONLY = frozenset(
    """
    show find know learn hear read mean feel understand realize realise notice discover
    determine figure plan intend seek decide want hope expect vote pray call support oppose
    endorse backed project forecast calculate
    """.split()
)

# Verbs whose object is what was said or judged: "cited the report", "called the plan a disaster".
OBJECT_CONTENT = frozenset(
    """
    cite call criticize criticise attack condemn praise blast slam denounce mention describe
    label dub brand claim announce propose demand deny dismiss reject question tout
    """.split()
)

NOUN_CUES = frozenset(
    """
    statement remarks remark comments comment interview email letter tweet post speech
    announcement release report testimony
    """.split()
)
