"""Word lists the entity stages read: titles, outlets, generic nouns, given names, role nouns,
descriptions and pronouns.

Kept apart from the code because they are data: small, closed lists that decide cheap rules (is
this word a title before a name, is this name a newspaper, is this a person's first name, which
entity may "the company" or "she" stand for), each looked up in a set.
"""

from __future__ import annotations

# Titles and positions a person is named with: before a name they are a role, never the name.
PERSON_TITLES = set(
    """
    president minister premier chancellor secretary treasurer spokesman spokeswoman spokesperson
    governor senator congressman congresswoman mayor ambassador chairman chairwoman chairperson chair
    director commissioner executive chief officer manager economist analyst strategist trader
    dealer lawyer attorney prosecutor judge sheriff inspector detective coach captain striker
    midfielder defender winger goalkeeper quarterback pitcher king queen prince princess pope
    bishop archbishop cardinal rabbi reverend professor leader founder envoy diplomat candidate
    nominee lawmaker deputy vice representative adviser advisor banker investor financier
    entrepreneur tycoon magnate billionaire researcher scientist activist campaigner journalist
    reporter columnist author novelist historian consultant engineer architect physician surgeon
    nurse teacher negotiator pastor priest imam actor actress singer artist filmmaker superintendent
    mr mrs ms dr sen rep gov
    gen col lt sgt capt prof rev supt insp det cmdr adm maj sir dame lord lady hon
    """.split()
)
# Titles that open no organisation's name: after one, an NER span of any label holds a person.
SPEAKING_TITLES = set(
    """
    president minister premier chancellor secretary treasurer spokesman spokeswoman spokesperson
    governor senator congressman congresswoman mayor ambassador chairman chairwoman chairperson chair
    commissioner economist analyst strategist lawyer attorney prosecutor coach mr mrs ms dr sen
    rep gov ceo cfo
    """.split()
)
# Short forms of positions written before a name, in capitals: "Browns DL Sheldon Richardson".
POSITION_ABBREVIATIONS = set(
    """
    QB RB WR TE DL LB CB DE DT OL OT OG FB GM CEO CFO COO MP MEP PM AG DA SS FS RHP LHP
    """.split()
)
# Positions written short, with the ways an article spells them out: "the CEO" is "the chief executive".
ROLE_ABBREVIATIONS = {
    "ceo": ("chief executive", "chief executive officer"),
    "cfo": ("chief financial officer",),
    "coo": ("chief operating officer",),
}
# Newspapers, agencies and broadcasters speak as organisations, whatever the NER says.
OUTLET_WORDS = set(
    """
    daily newspaper paper weekly magazine agency tabloid broadcaster journal gazette tribune
    times post herald press television radio network wire monthly bulletin
    """.split()
)
OUTLETS = set(
    """
    reuters xinhua ap afp upi tass itar-tass kyodo bloomberg interfax irna ria bbc cnn yonhap
    anatolia bernama antara mena faz pti jiji efe ansa dpa nhk wafa petra kuna wam sana ina
    """.split()
)
# The last word of a business's name: "Numac Oil and Gas", "Apple Computer", "Halvorsen Motors".
BUSINESS_WORDS = set(
    """
    industries holdings partners works mines airlines airways motors systems products capital
    securities investments insurance resources technologies communications bancorp associates
    pharmaceuticals chemicals electronics laboratories petroleum energy mining foods steel oil gas
    railroad railways shipping lines utilities telecom telecommunications brewery breweries
    computer computers financial management automobile automobiles brothers aircraft news
    records productions studio studios pictures entertainment
    """.split()
)
# The last word of an organisation's name.
ORG_SUFFIXES = OUTLET_WORDS | BUSINESS_WORDS | set(
    """
    inc corp co ltd llc plc ag sa nv bv gmbh spa lp bhd company corporation group bank agency
    ministry department commission council committee association institute board fund exchange
    union party federation authority office administration service services trust university
    """.split()
)
# Words after a company's own name in its full form: "Sorg" and "Sorg Inc" are one company.
CORPORATE_WORDS = set(
    """
    inc corp co ltd llc plc ag sa nv n.v bv gmbh spa lp limited company corporation group
    holdings incorporated cos & and systems industries international enterprises technologies
    products
    """.split()
)
# The words of ``CORPORATE_WORDS`` that end a company's name as its legal form.
LEGAL_FORMS = CORPORATE_WORDS - BUSINESS_WORDS - {"&", "and", "international", "enterprises", "systems", "technologies"}
# A country before an institution's name: "Treasury" and "U.S. Treasury" are one.
COUNTRY_PREFIXES = {"united states", "the u.s.", "west german"} | set(
    """
    u.s. us u.s usa u.k. uk british american canadian australian french german japanese chinese
    russian soviet european indian the
    """.split()
)
# Agreements and laws the NER may label a person or an organisation: "the Plaza Accord".
DOCUMENT_WORDS = {"accord", "accords", "agreement", "act", "treaty", "pact", "protocol", "round"}
# A one-word name that is only a common noun names no one: "Bank", "Commission", "State", or
# a portfolio left alone by "Secretary of Defense".
GENERIC_NAMES = set(
    """
    bank commission state government ministry council committee court board company group party
    union agency department exchange fund corporation association federation authority institute
    office market administration centre center city county province region republic kingdom
    federal national international central reserve trade securities defense defence justice
    interior finance energy labor labour commerce agriculture health education transportation
    transport
    """.split()
)
# Units and wire abbreviations the NER sometimes labels: "10 cts", "5 pct".
UNITS = {"cts", "ct", "pct", "mln", "bln", "dlrs", "dlr", "stg", "yen", "lbs", "tonnes", "bpd", "vs"}

MALE_NAMES = set(
    """
    aaron adam adrian alan albert alberto alexander alexei alfred ali andre andrew andrei angelo
    anthony antonio arthur barry ben benjamin bernard bill billy bob boris brad brian bruce carl
    carlos charles chris christopher colin craig dale dan daniel darren dave david dennis derek
    dmitry donald doug douglas duncan edward eric ernest eugene frank fred frederick gary gene
    geoffrey george gerald gerhard giovanni gordon graham greg gregory guy hans harold harry
    helmut henry herbert howard hugh ian ivan jack jacques james jan jason jean jeff jeffrey jerry
    jim jimmy joe joel johann john jon jonathan jorge jose josef joseph juan julian karl keith
    ken kenneth kevin klaus larry lawrence lee leonard louis luis manuel marco mario mark martin
    matthew michael miguel mike mikhail nicholas nick nigel norman oliver omar oscar otto pablo
    patrick paul pedro peter philip philippe pierre rajiv ralph ray raymond richard rick robert
    roger ronald roy russell ryan sam samuel scott sean sergei simon stanley stephen steve steven
    stuart ted terry thomas tim timothy tom tony victor viktor vincent vladimir walter warren
    wayne william willy wolfgang yuri
    """.split()
)
FEMALE_NAMES = set(
    """
    alice amanda amy ana andrea angela ann anna anne barbara betty brenda carol caroline
    catherine christine claire cynthia deborah debra diana diane donna dorothy elena elizabeth
    ellen emily emma eva frances helen indira irene jane janet jennifer jessica joan joyce judith
    judy julia julie karen kate katherine kathleen laura linda lisa lucy margaret maria marie
    marilyn martha mary michelle monica nadia nancy natalia nicole olga pamela patricia paula
    rachel rebecca rosemarie ruth sandra sarah sharon sophie susan teresa theresa valerie
    virginia wendy
    """.split()
)

# Head nouns that describe a role a person or an organisation speaks in.
ROLE_NOUNS = {
    "president", "leader", "minister", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "governor", "senator", "representative", "congressman",
    "congresswoman", "mayor", "ambassador", "chief", "director", "chairman", "chairwoman",
    "chair", "ceo", "executive", "official", "commander", "general", "king", "queen", "prince",
    "candidate", "nominee", "diplomat", "envoy", "prosecutor", "judge", "lawmaker", "officer",
    "adviser", "advisor", "founder", "head", "manager", "economist", "analyst", "lawyer",
    "attorney", "sheriff", "coach", "pope", "bishop", "professor", "scientist", "author",
    "speaker", "strongman", "prime", "foreign", "deputy", "vice", "agency", "ministry",
    "government", "company", "firm", "group", "party", "bank", "court", "commission", "council",
    "campaign", "administration", "department", "regulator", "union", "committee", "police",
}
TITLE_WORDS = ROLE_NOUNS | PERSON_TITLES | OUTLET_WORDS
# "the company said": a description that stands for the organisation last in focus; "the
# bank" for one named as a bank, "the newspaper" for an outlet.
GENERAL_ORG_DESCRIPTIONS = {
    "company", "firm", "group", "corporation", "concern", "utility", "airline", "carrier",
    "lender", "insurer", "broker", "brokerage", "union", "party", "partnership",
    # kinds of business: "Harwick Motors will close its plant ... The carmaker said"
    "carmaker", "automaker", "retailer", "manufacturer", "maker", "chipmaker", "drugmaker", "steelmaker",
    "brewer", "publisher", "refiner", "miner", "supplier", "distributor", "developer", "operator",
}
OUTLET_DESCRIPTIONS = {"newspaper", "paper", "daily", "weekly", "magazine", "broadcaster"}
ORG_DESCRIPTIONS = GENERAL_ORG_DESCRIPTIONS | OUTLET_DESCRIPTIONS | {
    "bank", "agency", "ministry", "government", "commission", "council", "committee", "board",
    "department", "exchange", "fund", "trust", "institute", "association", "authority", "office",
    "university", "federation", "organisation", "organization", "foundation",
}
PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON",
    "it": "ORG", "its": "ORG", "they": "ORG", "them": "ORG", "their": "ORG",
}
# "it" and "they" stand for an organisation only while it is in focus (a subject nearby or the
# speaker before): "it said" after "The report ..." is the report's, "they" after "ICO
# delegates" the delegates'. A person's pronoun may reach an object or a possessive.
FOCUSED_PRONOUNS = {"it", "its", "they", "them", "their"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None}
# The portfolios of a "Secretary of ..." or "Minister of ...", which the recogniser runs into the
# holder's name: "Secretary of Defence Caspar Weinberger" is no "Defence Caspar Weinberger".
PORTFOLIOS = set(
    """
    agriculture commerce defence defense finance state trade industry treasury labor labour energy
    transport transportation health education justice interior foreign affairs economy planning
    housing mines petroleum oil information communications tourism environment budget fisheries
    """.split()
)
# Titles that say whose gender they go with: "Prince Andrew" is a "he", whoever "she" is. Not
# "spokesman" nor "chairman": the wire wrote "spokesman Esther Szynkarsky".
TITLE_GENDER = {
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "pope": "m", "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "spokeswoman": "f", "congresswoman": "f", "chairwoman": "f",
    "actress": "f", "priest": "m", "imam": "m",
}
# Titles a monarch or a pope is named by, with one name: "Prince Andrew", "Pope Francis" (the name
# alone is anyone's).
REGNAL_TITLES = {"king", "queen", "prince", "princess", "pope"}
# The dependency labels of a clause's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# What an organisation puts out speaks for it ("a Gazette poll", "the ministry's statement"); a
# person speaking for it ("a BankAmerica spokesman", "U.S. officials") stays unnamed.
# A part of a company named by the name before it: "Texas Air's Continental Airlines subsidiary".
AFFILIATES = {"subsidiary", "unit", "division", "affiliate", "arm"}
AUTHORED = {
    "poll", "survey", "report", "statement", "study", "analysis", "estimate", "forecast", "data",
    "figure", "release", "communique", "announcement", "editorial", "review", "board", "management",
}
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
# Who a statement is made to: the object of "told" or "informed", what one files with ("filed with
# the Securities and Exchange Commission", "in a filing with ...") or writes to ("a letter to").
ADDRESSING_VERBS = {"tell", "inform", "notify", "advise", "assure", "brief", "petition", "urge", "ask"}
ADDRESSED_VIA = {
    "with": {"file", "filing", "register"},
    # "declined to comment on the pricing to Reuters": the next "the company" is not Reuters
    "to": {"letter", "filing", "submission", "testimony", "say", "speak", "talk", "comment", "explain", "complain"},
}
