"""The words of the generated corpus: invented subjects, the facts told about them, filler.

Data only; `generate_corpus.py` holds the logic. Four families of invented subjects
(drugs, bridges, companies, species), each with fact types of mixed kinds. A fact
type gives the cues its rule lists and several ways a writer states it; `{S}` is the
subject, `{V}` the value phrase (with its qualifier), `{P}` a pronoun phrase that
refers to a subject named in the sentence before ("It", "The drug").

Cues of one family never overlap, and neither filler nor "near miss" sentences
(which name a subject and hold numbers of every kind) use a cue word, so every fact
the text states is in truth.csv. Words that only the engine's stemming or fuzzy
matching takes for a cue ("Foundation", "found", "funding" for "founded") are left
in, as ordinary prose has them.
"""
from __future__ import annotations

# ---------------------------------------------------------------- invented names

ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "gl", "h", "k", "l", "m", "n", "p", "pr", "qu", "r", "s",
          "st", "t", "tr", "v", "w", "z")
VOWELS = ("a", "e", "i", "o", "u", "ae", "ia", "ou")
CODAS = ("", "", "", "l", "n", "r", "s", "m", "th", "v")

DRUG_SUFFIXES = ("vatine", "tinib", "lizumab", "oxetine", "pramide", "azolam", "dronate", "mectin", "sartan",
                 "cillin", "profen", "setron")
BRAND_SUFFIXES = ("ex", "ora", "ix", "al", "eon", "iva", "ax", "ent")
PLACE_SUFFIXES = ("ford", "mere", "wick", "ton", "vale", "bury", "stead", "holm", "field", "more")
COMPANY_ENDINGS = ("a", "ara", "ix", "ent", "on")
COMPANY_SUFFIXES = ("Systems", "Labs", "Dynamics", "Foods", "Logistics", "Energy", "Robotics", "Textiles")
ANIMALS = ("shrew", "vole", "salamander", "tree frog", "warbler", "gecko", "pika", "crayfish", "bat", "skink")
GENERA = {"shrew": "Sorex", "vole": "Microtus", "salamander": "Plethodon", "tree frog": "Hyla",
          "warbler": "Setophaga", "gecko": "Cyrtodactylus", "pika": "Ochotona", "crayfish": "Cambarus",
          "bat": "Myotis", "skink": "Plestiodon"}

# ---------------------------------------------------------------- the facts, by family
# kind: the rule's kind; value: how true values are drawn (see generate_corpus.VALUE_DRAWS);
# unit: the rule's unit (dose); tolerance: the rule's tolerance (omitted: 0); label: its line
# in a "key facts" box. Per family: pairs (two facts in one sentence), box_extras (box lines
# that are no rule's fact), intros and near_misses (sentences naming the subject).

FAMILIES: dict[str, dict] = {
    "drug": {
        "pronouns": ("It", "The drug", "The medicine"),
        "pairs": (  # two facts in one sentence: (fact of {V1}, fact of {V2}, template)
            ("synthesis-year", "approval-year", "{S} was first synthesized {V1} and approved {V2}."),
            ("standard-dose", "course-length", "The usual dose of {S} is {V1}, and a course of treatment lasts {V2}."),
            ("trial-count", "response-rate", "Across {V1} clinical trials, the response rate to {S} was {V2}."),
        ),
        "box_extras": ("Class: {drugclass}", "Brand name: {A}", "Used for: {indication}"),
        "intros": (
            "{S} is a {drugclass} used to treat {indication}.",
            "{S}, sold under the brand name {A}, is prescribed for {indication}.",
            "{S} is one of a newer generation of {drugclass} drugs.",
        ),
        "near_misses": (
            "{S} was the subject of a {year} review by {Surname} and colleagues.",
            "Dr. {Surname}, {age}, has prescribed {S} to patients in {place} for years.",
            "Sales of {S} reached {n} packs in {year}, {Surname} said.",
            "About {pct}% of prescriptions for {S} are written by family doctors.",
            "A month's supply of {S} costs about ${n} in some countries.",
        ),
        "facts": {
            "approval-year": {
                "kind": "year", "value": "year", "cues": ["approved", "approval"],
                "question": "In which year was {name} approved?",
                "label": "Approved",
                "templates": (
                    "{S} was approved {V}.",
                    "{S} was approved for {indication} {V}.",
                    "{Vc}, regulators approved {S} for {indication}.",
                    "Approval of {S} came {V}, after a lengthy review.",
                    "{S} received regulatory approval {V}.",
                    "{S}, approved {V}, is now prescribed in several countries.",
                    "A study in {after} found that {S}, approved {V}, works best in younger patients.",
                ),
                "pronoun_templates": ("{P} was approved {V}.", "{P} won regulatory approval {V}."),
            },
            "synthesis-year": {
                "kind": "year", "value": "early_year", "cues": ["first synthesized", "synthesized", "first made"],
                "question": "In which year was {name} first synthesized?",
                "label": "First synthesized",
                "templates": (
                    "{S} was first synthesized {V}.",
                    "Chemists first synthesized {S} {V}.",
                    "{S} was first made {V} in a university laboratory.",
                    "{Vc}, a small team at {place} synthesized {S} for the first time.",
                    "{S} was first synthesized {V}, although its effects were not understood until {after}.",
                ),
                "pronoun_templates": ("{P} was first synthesized {V}.",),
            },
            "response-rate": {
                "kind": "percent", "value": "percent", "cues": ["response rate", "responded"], "tolerance": 2,
                "question": "What share of patients respond to {name}?",
                "label": "Response rate",
                "templates": (
                    "The response rate to {S} was {V} in the main trial.",
                    "{Vc} of patients responded to {S}.",
                    "In the pivotal trial, {S} showed a response rate of {V}.",
                    "{S} has a response rate of {V}, according to the manufacturer.",
                    "In a trial of {n} adults ({pct}% women), {V} of patients responded to {S}.",
                ),
                "pronoun_templates": ("Its response rate was {V}.",),
            },
            "standard-dose": {
                "kind": "dose", "value": "dose", "cues": ["dose", "dosage", "dosed"], "unit": "mg/kg",
                "question": "What is the standard dose of {name}?",
                "label": "Standard dose",
                "templates": (
                    "The usual dose of {S} is {V}.",
                    "{S} is given at a dose of {V}.",
                    "Clinicians typically dose {S} at {V}.",
                    "A dosage of {V} is standard for {S}.",
                    "For {S}, the recommended dose is {V}.",
                    "The usual dose of {S} is {V}, up to a maximum of {dmax} mg per day.",
                ),
                "pronoun_templates": ("{P} is usually dosed at {V}.",),
            },
            "course-length": {
                "kind": "duration", "value": "weeks", "cues": ["course of treatment", "treatment course"],
                "question": "How long does a course of treatment with {name} last?",
                "label": "Course of treatment",
                "templates": (
                    "A course of treatment with {S} lasts {V}.",
                    "The standard treatment course for {S} runs {V}.",
                    "Patients usually complete a course of treatment with {S} in {V}.",
                    "A course of treatment with {S} lasts {V}, with sessions of about {minutes} minutes.",
                ),
                "pronoun_templates": ("A course of treatment lasts {V}.",),
            },
            "trial-count": {
                "kind": "count", "value": "trials", "cues": ["clinical trials"],
                "question": "In how many clinical trials has {name} been tested?",
                "label": "Clinical trials",
                "templates": (
                    "{S} has been tested in {V} clinical trials.",
                    "{Vc} clinical trials have examined {S} so far.",
                    "So far, {S} has been studied in {V} clinical trials.",
                    "The evidence for {S} comes from {V} clinical trials.",
                    "{S} has been tested in {V} clinical trials involving {n} patients.",
                ),
                "pronoun_templates": ("{P} has been tested in {V} clinical trials.",),
            },
        },
    },
    "bridge": {
        "pronouns": ("It", "The bridge"),
        "pairs": (  # two facts in one sentence: (fact of {V1}, fact of {V2}, template)
            ("workforce", "construction-time", "It took {V1} workers {V2} to build {S}."),
            ("construction-time", "opening-year", "{S} took {V1} to build and opened {V2}."),
        ),
        "box_extras": ("Type: {style} bridge", "Crosses: the {river}", "Length: {n} metres"),
        "intros": (
            "{S} crosses the {river} near the town of {place}.",
            "{S} is a {style} bridge over the {river}.",
            "Locals call {S} the {A}.",
        ),
        "near_misses": (
            "{S} spans {n} metres across the {river}.",
            "A {year} survey rated {S} among the finest structures in the region.",
            "Engineer {First} {Surname}, {age}, designed {S}.",
            "Tolls on {S} rose {pct}% in {year}.",
            "{S} was repainted in {year} at a cost of ${n}.",
        ),
        "facts": {
            "opening-year": {
                "kind": "year", "value": "old_year", "cues": ["opened", "opening", "inaugurated"],
                "question": "In which year did {name} open?",
                "label": "Opened",
                "templates": (
                    "{S} opened {V}.",
                    "{S} was opened to traffic {V}.",
                    "{Vc}, the city inaugurated {S}.",
                    "The opening of {S} came {V}.",
                    "{S}, which opened {V}, carries traffic across the {river}.",
                    "{S}, designed by {First} {Surname} in {before}, opened {V}.",
                ),
                "pronoun_templates": ("{P} opened to traffic {V}.",),
            },
            "construction-time": {
                "kind": "duration", "value": "build_years", "cues": ["to build", "construction"],
                "question": "How long did it take to build {name}?",
                "label": "Construction",
                "templates": (
                    "Construction of {S} took {V}.",
                    "{S} took {V} to build.",
                    "It took {V} to build {S}.",
                    "Construction of {S} lasted {V}, with long pauses for floods.",
                    "Construction of {S} took {V}, and repairs in {after} took another {small} months.",
                ),
                "pronoun_templates": ("{P} took {V} to build.",),
            },
            "workforce": {
                "kind": "count", "value": "workers", "cues": ["workers", "laborers", "workforce"],
                "question": "How many workers built {name}?",
                "label": "Workforce",
                "templates": (
                    "{S} was built by {V} workers.",
                    "{Vc} workers built {S}.",
                    "A workforce of {V} people built {S}.",
                    "At the peak of the works, {V} laborers were on site at {S}.",
                    "According to {Surname} ({after}), {V} workers built {S}.",
                ),
                "pronoun_templates": ("{P} was built by {V} workers.",),
            },
            "daily-traffic": {
                "kind": "count", "value": "traffic", "cues": ["vehicles"],
                "question": "How many vehicles cross {name} each day?",
                "label": "Vehicles per day",
                "templates": (
                    "{S} carries {V} vehicles a day.",
                    "{Vc} vehicles cross {S} every day.",
                    "Daily traffic on {S} averages {V} vehicles.",
                    "{S} carries {V} vehicles a day, {pct}% of them lorries.",
                ),
                "pronoun_templates": ("{P} carries {V} vehicles a day.",),
            },
        },
    },
    "company": {
        "pronouns": ("It", "The company", "The firm"),
        "pairs": (  # two facts in one sentence: (fact of {V1}, fact of {V2}, template)
            ("founding-year", "headcount", "{S}, founded {V1}, now employs {V2} people."),
            ("market-share", "revenue-growth",
             "{S} holds a market share of {V1}, and its revenue grew by {V2} last year."),
        ),
        "box_extras": ("Headquarters: {place}", "Sector: {sector}", "Chief executive: {First} {Surname}"),
        "intros": (
            "{S} is a {sector} company based in {place}.",
            "{S}, often shortened to {A}, makes {sector} products.",
            "{S} started out selling {sector} products to local firms.",
        ),
        "near_misses": (
            "{S} is headquartered in {place}, a city of {n} residents.",
            "Chief executive {First} {Surname}, {age}, has led {S} since {year}.",
            "Shares in {S} fell {pct}% in {year}.",
            "{S} set up an office in {place} in {year}, {Surname} said.",
            "{S} paid a dividend of ${n} per share.",
        ),
        "facts": {
            "founding-year": {
                "kind": "year", "value": "old_year", "cues": ["founded", "established"],
                "question": "In which year was {name} founded?",
                "label": "Founded",
                "templates": (
                    "{S} was founded {V}.",
                    "{S} was established {V} by two former engineers.",
                    "Founded {V}, {S} now sells its products in several countries.",
                    "{Vc}, {First} {Surname} founded {S} in a rented office.",
                    "{S} was founded {V} and listed on the stock exchange in {after}.",
                ),
                "pronoun_templates": ("{P} was founded {V}.",),
            },
            "headcount": {
                "kind": "count", "value": "employees", "cues": ["employs", "employees"],
                "question": "How many people does {name} employ?",
                "label": "Employees",
                "templates": (
                    "{S} employs {V} people.",
                    "{S} has {V} employees worldwide.",
                    "With {V} employees, {S} is among the larger firms in its sector.",
                    "Chief executive {First} {Surname}, {age}, says {S} now employs {V} people.",
                ),
                "pronoun_templates": ("{P} employs {V} people.",),
            },
            "market-share": {
                "kind": "percent", "value": "percent", "cues": ["market share", "of the market"],
                "question": "What share of its market does {name} hold?",
                "label": "Market share",
                "templates": (
                    "{S} holds a market share of {V}.",
                    "{S} controls {V} of the market for {sector} products.",
                    "Analysts put the market share of {S} at {V}.",
                    "{S} holds a market share of {V}, up from {pct}% in {year}.",
                ),
                "pronoun_templates": ("Its market share stands at {V}.",),
            },
            "revenue-growth": {
                "kind": "percent", "value": "growth", "cues": ["revenue"],
                "tolerance": 1,
                "question": "By how much did the revenue of {name} grow last year?",
                "label": "Revenue growth",
                "templates": (
                    "Revenue at {S} grew by {V} last year.",
                    "{S} reported revenue growth of {V} last year.",
                    "Last year, revenue at {S} rose by {V}.",
                    "Revenue at {S} grew by {V} last year, against {pct}% for the sector as a whole.",
                ),
                "pronoun_templates": ("Its revenue grew by {V} last year.",),
            },
        },
    },
    "species": {
        "pronouns": ("It", "The animal", "The species"),
        "pairs": (  # two facts in one sentence: (fact of {V1}, fact of {V2}, template)
            ("description-year", "population", "First described {V1}, {S} now has a wild population of {V2}."),
            ("lifespan", "habitat-loss", "{S} has a lifespan of {V1} but has lost {V2} of its habitat."),
        ),
        "box_extras": ("Range: the {region}", "Scientific name: {A}", "Weight: about {pct} grams"),
        "intros": (
            "{S} is a small {animal} native to the {region}.",
            "{S}, known to scientists as {A}, lives in the {region}.",
            "{S} is found only in the {region}.",
        ),
        "near_misses": (
            "{S} weighs about {pct} grams.",
            "A {year} survey counted nests of {S} at {n} sites.",
            "Dr. {Surname}, {age}, has studied {S} since {year}.",
            "Roughly {pct}% of sightings of {S} are made at night.",
            "{S} was photographed in {place} in {year}.",
        ),
        "facts": {
            "description-year": {
                "kind": "year", "value": "old_year", "cues": ["first described", "discovered"],
                "question": "In which year was {name} first described?",
                "label": "First described",
                "templates": (
                    "{S} was first described {V}.",
                    "Scientists first described {S} {V}.",
                    "{S} was discovered {V} by a visiting naturalist.",
                    "{Vc}, a naturalist discovered {S} in the {region}.",
                    "{S} was first described {V} from a specimen collected in {before}.",
                ),
                "pronoun_templates": ("{P} was first described {V}.",),
            },
            "population": {
                "kind": "count", "value": "population", "cues": ["population", "remain in the wild"],
                "question": "How many individuals of {name} live in the wild?",
                "label": "Population",
                "templates": (
                    "The population of {S} is estimated at {V}.",
                    "Surveys of {S} suggest that only {V} animals remain in the wild.",
                    "{S} has a wild population of {V}.",
                    "Surveys put the population of {S} at {V}.",
                    "A {year} survey by {Surname}, {age}, put the population of {S} at {V}.",
                ),
                "pronoun_templates": ("Its population is estimated at {V}.",),
            },
            "lifespan": {
                "kind": "duration", "value": "life_years", "cues": ["lifespan", "live for", "lives for"],
                "question": "How long does {name} live?",
                "label": "Lifespan",
                "templates": (
                    "{S} has a typical lifespan of {V}.",
                    "In the wild, {S} lives for {V}.",
                    "{S} can live for {V}.",
                    "{S} can live for {V}, although most die within {small} months.",
                ),
                "pronoun_templates": ("Its lifespan is {V}.",),
            },
            "habitat-loss": {
                "kind": "percent", "value": "percent", "cues": ["habitat"],
                "question": "What share of its habitat has {name} lost?",
                "label": "Habitat lost",
                "templates": (
                    "{S} has lost {V} of its habitat since the 1950s.",
                    "Logging has destroyed {V} of the habitat of {S}.",
                    "Farming has taken {V} of the habitat of {S}.",
                    "{S} has lost {V} of its habitat, and only {pct}% of what remains is protected.",
                ),
                "pronoun_templates": ("It has lost {V} of its habitat.",),
            },
        },
    },
}

# ---------------------------------------------------------------- slot vocabularies

FIRST_NAMES = ("Ada", "Marcus", "Priya", "Tomas", "Leila", "Owen", "Ines", "Kofi", "Hana", "Pavel", "Rosa",
               "Dmitri", "Amara", "Felix", "Yuki", "Nadia", "Ravi", "Greta", "Samir", "Elena", "Jonah", "Mei")
SURNAMES = ("Hale", "Okafor", "Lindqvist", "Moreau", "Castell", "Nakamura", "Brennan", "Varga", "Osei",
            "Whitlock", "Ferreira", "Kowalski", "Abernathy", "Duarte", "Sorensen", "Iqbal", "Marchetti",
            "Holloway", "Tanaka", "Quill", "Petrov", "Ashby", "Mbeki", "Reyes")
PLACES = ("Harlow", "Eastmere", "Port Ellis", "Kingsbridge", "Norvale", "Ashcombe", "Carrow", "Lindenfeld",
          "Brightwater", "Oakhurst", "Marlby", "Westcliff", "Dunmore", "Fenwick", "Rosshaven")
ORGS = ("the National Statistics Office", "the Lindqvist Institute", "a regional planning board",
        "an independent research group", "the Carrow Foundation", "a university consortium",
        "the Westcliff Observatory", "a consumer watchdog")
GROUPS = ("residents", "households", "volunteers", "students", "retirees", "commuters", "teachers",
          "small businesses", "farmers", "nurses")
PROFESSIONS = ("a historian", "an economist", "a journalist", "a statistician", "a geographer", "a policy analyst",
               "a retired teacher", "a science writer")
JOURNALS = ("Journal of Applied Studies", "Regional Review", "Annals of Field Research", "Quarterly Reports",
            "Review of Public Data", "Letters in Method")
PAPER_TITLES = ("A survey of regional trends", "Methods for long-term monitoring", "Patterns in public data",
                "Notes on measurement error", "Revisiting earlier estimates", "A comparison of field methods",
                "Sampling in sparse settings", "What the records show")
INDICATIONS = ("chronic migraine", "rheumatoid arthritis", "severe eczema", "treatment-resistant epilepsy",
               "type 2 diabetes", "chronic insomnia", "irritable bowel syndrome", "plaque psoriasis")
DRUG_CLASSES = ("kinase inhibitor", "monoclonal antibody", "serotonin modulator", "calcium channel blocker",
                "receptor antagonist", "enzyme inhibitor")
RIVERS = ("River Tallon", "Marrow River", "River Esk", "Lune Estuary", "Greyfold River", "River Carden")
STYLES = ("suspension", "cantilever", "stone arch", "steel truss", "cable-stayed")
SECTORS = ("logistics software", "industrial sensor", "frozen food", "battery storage", "warehouse robotics",
           "technical textile")
REGIONS = ("northern uplands", "coastal lowlands", "Marrow valley", "eastern wetlands", "southern highlands",
           "island chain to the west")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")

# ---------------------------------------------------------------- neutral sentences
# No subject, no cue word of any family; distractor numbers of every sort.

FILLER = (
    "Dr. {Surname}, {age}, has followed the field for more than a decade.",
    "A study in {year} looked at {n} {group} in {place}.",
    "Of those who took part, most were older adults ({pct}% women).",
    "Local officials declined to comment on the figures.({fn})",
    "According to {Surname} et al. ({year}), the picture varies widely from region to region.",
    "{First} {Surname}, {age}, who lives in {place}, said the change took everyone by surprise.",
    "The report, published in {year}, drew on interviews with {n} {group}.",
    "Critics argue that the evidence remains thin and that more independent work is needed.",
    "Supporters counter that the results have held up well in practice.",
    "In a survey of {n} {group}, {pct}% said they had heard of the issue before.",
    "Nobody expects the debate to be settled soon.",
    "The figures are broadly in line with earlier estimates.({fn})",
    "{Org} has tracked the question since {year}, publishing an update every spring.",
    "Costs rose by about {pct}% between {year} and {later_year}.",
    "The committee meets {small} times a year to review new evidence.",
    "Professor {Surname}, {age}, called the findings encouraging but early.",
    "Similar patterns have been reported in {place} and {place2}.",
    "Still, experts caution against reading too much into a single set of numbers.",
    "A {year} review of {small} earlier studies reached much the same conclusion.({fn})",
    "Roughly {pct}% of respondents in {place} were over {age}.",
    "The data were collected between {month} {year} and {month2} {later_year}.",
    "For readers new to the subject, a short summary follows.",
    "{First} {Surname}, {profession} in {place}, has written about the topic for years.",
    "That view is not universal, however.",
    "More than {n} people attended a public meeting on the subject in {year}.",
    "Participants were followed for {small} months on average.",
    "In {place}, the share of households affected was put at {pct}% ({pct2}% in rural areas).",
    "Interest in the topic has grown steadily since the early {decade}s.",
    "The original paper has since been cited more than {n} times.",
    "Some observers, including {Surname}, {age}, have urged caution.",
    "A spokesperson for {org} said the organisation would look at the findings closely.",
    "As one reader put it, the numbers matter less than what people do with them.",
    "Figures for {later_year} are expected later this year.",
    "Independent checks by {org} found broadly similar results (see note {fn}).",
    "The {year} edition of the guide ran to {pages} pages.",
    "Questions remain about how the numbers were gathered in the first place.",
    "{First} {Surname}, {age}, put it more bluntly: the record speaks for itself.",
    "Most of the sources agree on the broad outline, if not on every detail.",
    "A smaller follow-up in {later_year} involved {small} sites and {n} {group}.",
    "Readers have written in with their own recollections, some of them vivid.",
    "The archive in {place} holds letters dating back to {old_year}.",
    "In {year}, about {pct}% of {group} in {place} took part in the consultation.",
    "That estimate has been revised twice since {year}.",
    "The longer history is told in a {year} book by {First} {Surname}.",
    "Weather and funding have both played a part over the years.",
    "None of this is settled, and the numbers may yet change.",
    "Attendance at the annual fair in {place} topped {n} in {year}.",
    "{First} {Surname}, {age}, remembers the debate differently.",
    "The council's {year} budget set aside ${n} for further study.",
    "Nearly {pct}% of those asked in {year} wanted more information.",
    "Records from the {decade}s are patchy, {Surname} said.",
    "The figures were first compiled by hand, in paper ledgers.",
    "Some {n} letters on the subject are kept in the archive in {place}.",
    "A survey in {year} found that most {group} had never thought about the question.",
    "Volunteers in {place} have kept their own tally since {year}.",
    "Critics point to a {year} audit that raised doubts about the methods.({fn})",
    "In {place}, {pct}% of {group} described the change as positive.",
    "The numbers are reviewed every {small} years by an outside panel.",
    "{Org} declined to say how many people it had consulted.",
    "A public consultation in {year} drew {n} written submissions.",
    "The topic comes up at almost every public meeting, {Surname} said.",
    "Older residents recall a time when the numbers were far smaller.",
    "Not every expert agrees with that reading.({fn})",
    "Funding for the work comes partly from {org}.",
    "A {year} documentary brought the subject to a wider audience.",
    "{First} {Surname}, {age}, a volunteer in {place}, keeps a detailed diary.",
    "The next review is due in {later_year}.",
    "Between {year} and {later_year}, interest rose by about {pct}%.",
    "Officials in {place} say {pct}% of enquiries concern the same few questions.",
    "Much of what is known comes from a handful of sources.",
    "Regional newspapers covered the story at length in {year}.",
    "The earliest surviving account dates from {old_year}.",
    "Estimates vary by as much as {pct}% depending on the method used.",
)

INTRO_HEADINGS = ("Background", "What we know", "The short version", "Why it matters", "Context",
                  "A brief history", "Key points")
SECTION_HEADINGS = ("{name} at a glance", "What to know about {name}", "The story of {name}",
                    "{name}: the numbers", "A closer look at {name}", "{name} in focus")
NEUTRAL_HEADINGS = ("What the critics say", "Open questions", "How the figures were gathered",
                    "Voices from {place}", "The wider picture", "What comes next", "A note on sources",
                    "Looking back", "Reader questions", "Numbers in context", "Methods and caveats",
                    "Behind the figures", "Elsewhere in the region", "A second opinion", "Timeline",
                    "How we reported this")
TITLES = ("What we know about {name}", "{name}: facts, figures and open questions",
          "Five things to know about {name}", "A reader's guide to {name} and more",
          "Notes from {place}: {name} and its neighbours", "The numbers behind {name}")
