"""English extraction rules: head nouns, determiners and relation triggers.

Plain data, the English counterpart of :mod:`policykg.lang.rules_nl`.
"""

INSTRUMENT_NOUNS = {
    "regulation": "Regulation",
    "directive": "Directive",
    "decision": "Decision",
    "communication": "Communication",
    "strategy": "Communication",
    "action plan": "Communication",
    "white paper": "Communication",
    "vision": "Communication",
    "proposal": "Proposal",
    "package": "Package",
    "recommendation": "Recommendation",
    "staff working document": "StaffWorkingDocument",
    "amendment": "Instrument",
    "recast": "Instrument",
    "text": "Instrument",
    "act": "Instrument",
    "implementing act": "Instrument",
    "delegated act": "Instrument",
    "implementing regulation": "Regulation",
    "delegated regulation": "Regulation",
    "implementing decision": "Decision",
}

NAME_HEADS = {
    "agency": "Institution",
    "directorate": "Institution",
    "directorate-general": "Institution",
    "general": "Institution",
    "group": "Institution",
    "court": "Institution",
    "bank": "Institution",
    "parliament": "Institution",
    "authority": "Institution",
    "office": "Institution",
    "committee": "Institution",
    "board": "Institution",
    "council": "Institution",
    "centre": "Institution",
    "center": "Institution",
    "platform": "Initiative",
    "network": "Institution",
    "force": "Institution",  # "Energy Union Task Force"
    "entity": "Institution",  # "EU DSO Entity"
    "party": "Institution",  # "Working Party on Tax Questions"
    "charter": "Initiative",  # "European Wind Charter"
    "omnibus": "Package",  # "the Digital Omnibus"
    "undertaking": "Institution",
    "edic": "Institution",
    "consortium": "Institution",
    "service": "Programme",
    "programme": "Programme",
    "program": "Programme",
    "fund": "Programme",
    "facility": "Programme",
    "initiative": "Initiative",
    "mission": "Initiative",
    "partnership": "Initiative",
    "alliance": "Initiative",
    "plan": "Communication",
    "strategy": "Communication",
    "act": "Regulation",
    "mechanism": "Programme",
    "system": "Programme",
    "reserve": "Programme",
    "infrastructure": "Programme",
    "structure": "Programme",
    "academy": "Initiative",
    "passport": "Initiative",
    "portal": "Initiative",
    "seal": "Initiative",
    "lab": "Initiative",
    "tool": "Initiative",
    "desk": "Institution",
    "inspectorate": "Institution",
    "ministry": "Institution",
    "department": "Institution",
    "regulator": "Institution",
    "coordinator": "Institution",
    "forum": "Institution",
    "hub": "Institution",
    "observatory": "Institution",
    "database": "Programme",
    "repository": "Programme",
    "register": "Programme",
    "registry": "Programme",
}

NAME_CONNECTORS = {"of", "for", "the", "and", "on", "in", "to"}
NAME_STOPS = {"which", "that", "is", "are", "has", "have", "will", "was", "were", "would", "can", "must", "and", "or",
              "with", "by", "as", "from", "to", "in", "at", "on", "into"}

LABEL_PREPOSITIONS = {"of", "on", "for", "to", "establishing", "amending", "concerning", "regarding", "laying", "with"}

#: A word before an instrument noun that makes it part of a phrase, not a document ("op voorstel van").
ANON_BLOCKERS = {"on"}

#: After a definite instrument noun these start a description, not a reference back.
DESCRIPTIVE_PREPOSITIONS = {"on", "concerning", "regarding", "establishing", "amending", "laying"}

#: Nouns that, after "the" or "this", stand for what the item is about when no name in the item
#: has them as its head ("the file is handled by DG GROW", "The central system is operated by eu-LISA").
TOPIC_NOUNS = {"file", "system", "scheme", "initiative", "call", "project", "platform", "mechanism", "instrument", "rules"}

INDEFINITE = {"a", "an", "new", "two", "three"}
DEFINITE = {"the", "this", "that", "these", "those", "said"}
FILLERS = {"earlier", "latter", "former", "current", "final", "so-called", "new", "proposed", "amended", "revised", "european", "first", "second", "future", "above", "compromise"}

ABBREVIATIONS = {"no.", "e.g.", "i.e.", "art.", "para.", "cf.", "etc.", "approx.", "mr.", "ms.", "dr.", "vs."}

#: Lists of sectors: each member becomes a sector, also when the vocabulary does not know it.
SECTOR_LISTS = [
    r"\b(sectors|areas|domains|fields|industries|application\s+areas)\s*(such\s+as|including|like|,\s*such\s+as|,\s*including)(?P<L>[^.;:()]{1,200})",
    # after a colon only sectors: "measures in five areas: innovation, skills and ..." names no sector
    r"\b(sectors|industries|application\s+areas)\s*:(?P<L>[^.;:()]{1,200})",
    # "The rules apply to mobile phones, tablets, digital cameras and headphones": three or more products
    r"\b(apply|applies|will\s+apply)\s+(also\s+)?to\s+(?P<L>[^.;:()]{1,200},[^.;:()]{1,200}\b(and|or)\b[^.;:()]{1,80})",
]
SECTOR_LIST_STOPS = {"with", "of", "which", "that", "in", "on", "for", "at", "from", "the", "a", "an", "other", "all",
                     "many", "more", "various", "several", "critical", "key", "new", "such", "including", "like"}


#: Capitalised abbreviations that name no body, act or programme: an all-capital word that is
#: none of these and that nothing else recognises is taken for a name.
COMMON_ACRONYMS = {
    "API", "CCS", "CCUS", "CELEX", "CEO", "CEST", "CET", "CFO", "CH4", "CO2", "COM", "CO₂", "CSIRT", "CSIRTS",
    "DNA", "EDIC", "EDICS", "EEA", "ELI", "ESG", "ETF", "EUR", "EV", "EVS", "FAQ", "GBP", "GDP", "GHG", "GW",
    "GWH", "HPC", "HTML", "ICT", "IEC", "INC", "IPCEI", "IPCEIS", "ISO", "JOIN", "KPI", "KPIS", "KW", "KWH",
    "LLC", "LNG", "LTD", "MW", "MWH", "NGO", "NGOS", "NOX", "OJ", "PDF", "PFAS", "PLC", "PPA", "PPAS", "R&D",
    "RDI", "RNA", "SEC", "SME", "SMES", "SO2", "SWD", "TWH", "UAE", "UK", "URL", "US", "USA", "USD", "UTC",
    "VAT", "XML",
    # technology abbreviations
    "CPU", "CPUS", "DNS", "GPS", "GPU", "GPUS", "HTTP", "HTTPS", "ID", "IT", "LED", "LEDS", "NFC", "PC", "PCS",
    "QR", "RFID", "SIM", "SMS", "TV", "USB", "USB-C", "VPN", "WLAN", "STEM",
}


#: Nouns that, next to an unknown acronym, make it a body ("the operator SES"), besides the
#: name heads of institutions.
BODY_NOUNS = {"company", "consortium", "firm", "institute", "manufacturer", "operator", "organisation", "organization", "provider", "regulator", "supplier"}

#: Words by which the Parliament and the Council take their part in adopting an act ("the Parliament voted
#: the text through and the Council followed"), also where the sentence leaves the act unsaid.
ADOPTION_WORDS = r"\b(adopted|adopts|approved|approves|voted|votes|endorsed|endorses|followed|follows|signed|gave\s+(its|their)\s+(final\s+)?(green\s+light|approval|assent)|rubber-stamped)\b"

#: An adoption of several acts that the sentence does not name ("adopted both texts", "three acts"):
#: the acts named next in the item, as many as the number says.
SEVERAL_ACTS = r"\b(?:(?P<both>both)|(?:the\s+)?(?P<n>two|three|four|five))\s+(?:texts|acts|laws|regulations|directives|decisions|files|instruments)\b"

TRIGGERS = [
    # adoptedBy
    ("adoptedBy", r"\b(adopted|approved)\s+(it\s+|them\s+)?as\b(?!\s+(part|a\s+part|well))", "right", "near"),
    ("adoptedBy", r"\b(adopted|presented|launched|unveiled|published|approved|endorsed|signed|agreed)\s+(by|at)\b", "left", "right"),
    # "Council Regulation (EU) 2023/1782", "Commission Implementing Decision (EU) 2024/..."
    # (that act only, not the next one listed: "Council Regulation (EC) No 297/95 for ... and Regulation (EU) No 658/2014")
    ("adoptedBy", r"\b(council|commission)\s+(implementing\s+|delegated\s+)?(regulation|directive|decision|recommendation)\s*"
                  r"\((eu|ec|eu,\s*euratom)\)\s*(no\.?\s*)?\d+/\d+", "inside", "inside"),
    # "the Clean Industrial Deal, which the Commission presented in February"
    ("adoptedBy", r"\b(which|that)\s+(?P<O>the\s+[^,.;]{1,40}?)\s+([^,.;]{0,30}?)\b(presented|adopted|launched|published|unveiled)\b", "left", "group-first"),
    ("adoptedBy", r"\bvoted\s+(on|for|in\s+favour\s+of)\b", "right", "left"),
    ("adoptedBy", r"\b(adopts|adopted|presents|presented|launches|launched|unveils|unveiled|publishes|published|approves|approved|endorses|endorsed|has\s+adopted|have\s+adopted|formally\s+adopted)\b(?!\s+(on\s+the\s+basis|under|pursuant)\b)", "right", "left"),
    # proposedBy
    ("proposedBy", r"\b(proposed\s+by|on\s+a\s+proposal\s+(from|by)|tabled\s+by|put\s+forward\s+by|a\s+proposal\s+(from|by))\b", "left", "right"),
    # not "proposed to revise the framework, amending Regulation X": X is what the proposal amends
    # not what "a revision of" the act is about: the revision is what is proposed
    # not "is expected to propose extending the CBAM": what is proposed is a change to the act
    ("proposedBy", r"\b(proposes|proposed|tabled|put\s+forward|(will|to|plans\s+to|intends\s+to)\s+propose)\b(?!\s+to\s)(?!\s+[a-z]+ing\s)(?!\s+(a|an)\s+(targeted\s+)?(revision|review|recast|amendment|evaluation)\s+of\b)", "right", "left"),
    # amends / repeals / refersTo
    # "which the Council amended in June 2024 by Regulation (EU) 2024/1732": a time may stand before "by"
    ("amends", r"\b(amending|amends|which\s+amends|to\s+amend|amended)\b(?!\s+(\w+ly\s+|(in|on)\s+(\d{1,2}\s+)?([a-z]+\s+)?\d{4}\s+)?by\b)", "left", "right"),
    ("amends", r"\bamended\s+(\w+ly\s+|(in|on)\s+(\d{1,2}\s+)?([a-z]+\s+)?\d{4}\s+)?by\b", "right", "left"),
    # "amends three existing texts: the X, ...; the Y, ...; and the Z"
    ("amends", r"\b(amends|amended|amend)\s+(two|three|four|five|six|several)\s+([a-z]+\s+)?(texts|acts|laws|regulations|directives|instruments)\s*:(?P<O>[^.]{1,500})", "left", "group-all"),
    # not "transposed through an amendment of the Dutch act": a national amendment, no node of its own
    ("amends", r"(?<!through\san\s)(?<!by\san\s)(?<!via\san\s)\b(amendment|revision)\s+(to|of)\b", "inside", "right"),
    ("repeals", r"\b(repealing|repeals|replaces|replacing|to\s+repeal)\b", "left", "right"),
    # "The new directive merges the two directives: Directive A and Directive B are repealed from ..."
    ("repeals", r":\s*(?P<O>[^:;.]{1,160}?)\s+(is|are|will\s+be)\s+([^,.;:()]{0,40}?\s+)?(repealed|replaced)\b(?!\s+by)", "topic", "group-all"),
    ("repeals", r"\b(repealed|replaced)\s+by\b", "right", "left"),
    ("repeals", r"\b(repealed|replaced)\b(?!\s+by)", "left", "right"),
    # "Delegated Regulation (EU) 2024/1364, adopted under that Directive", "which transposes NIS2",
    # "the proposal stems from the communication"
    ("refersTo", r"\b(on\s+the\s+basis\s+of|based\s+on|(closely\s+)?linked\s+to|(temporarily\s+)?derogates?\s+from|derogating\s+from|complements|complementing|will\s+complement|supplements|supplementing|succeeds|builds\s+on|adopted\s+(under|pursuant\s+to)|transposes|transposing|stems\s+from|follows\s+up\s+on|(a\s+)?follow-up\s+to|gives\s+effect\s+to)\b", "left", "right"),
    # partOf
    ("partOf", r"\b(as\s+part\s+of|part\s+of|forms\s+part\s+of|form\s+part\s+of|is\s+part\s+of|are\s+part\s+of|under\s+the\s+umbrella\s+of|within)\b", "left", "right"),
    # "proposed ... in a package on election integrity", "presented in the Fit for 55 package"
    ("partOf", r"\b(in|within)\s+(a|the|its)\s+(?=(?:[\w-]+\s+){0,3}package\b)", "left", "right"),
    # "A Scaleup Europe Fund, announced in the EU Startup and Scaleup Strategy": what a paper announces is part of it
    # (the capitalised name right after "in" only: "announced in the Political Guidelines 2024-2029 and follows up on ...")
    ("partOf", r"\b(announced|set\s+out|presented)\s+in\s+(?P<O>((the|its)\s+)?(?-i:[A-Z])[\w&'’-]*(\s+((?-i:[A-Z])[\w&'’-]*|of|for|and|on|\d{4}))*)",
               "left", "group-first"),
    # "the scientific committees of EMA, such as the Committee for ... (CHMP), ... and ..."
    ("partOf", r"\b(committees|bodies|services|directorates-general|departments|working\s+groups|panels)\s+of\s+(?P<O>(the\s+)?[^,;.()]{1,50}?),?\s+(such\s+as|including|namely|like)\b", "right", "group-all"),
    ("partOf", r"\b(central\s+|key\s+|core\s+)?(element|component|pillar|building\s+block|cornerstone|heart)s?\s+of\b", "left", "right"),
    # "HERA Invest, a EUR 100 million facility under InvestEU": what the apposition says it is a part of
    ("partOf", r"(?<=[\w)]),\s+(a|an|the)\s+[^,.;()]{0,50}?\b(facility|fund|programme|strand|window|scheme|instrument|component|call|mission|partnership)\s+(under|of|within)\s+(?=the\s|(?-i:[A-Z]))", "left", "right"),
    # "X was the first legislative deliverable of the strategy", "X is one of the actions of the Compass"
    # "The EU Mission on Cancer under Horizon Europe works alongside the Plan": a programme right before "under"
    ("partOf", r"(?<=[\w)])\s+under\s+(?=(the\s+)?(?-i:[A-Z]))", "programme", "right"),
    ("partOf", r"\b(legislative\s+)?deliverables?\s+(of|under)\b|\bone\s+of\s+the\s+(actions|measures|initiatives|proposals|flagships)\s+(of|in|under|from)\b", "left", "right"),
    ("partOf", r"^\W*within\s+(?P<O>[^,]{1,60}),\s*(?P<S>.{1,80})", "group-first", "group-first"),
    # "the Commission's Directorate-General for ...": a name right after the possessive ("the Council's
    # general approach on X" says nothing of X's place)
    ("partOf", r"(?P<O>\b[\w\- ]{2,60}?)['’]s\s+(?P<S>(?-i:[A-Z])[^,.;()]{1,80})", "group-first", "group"),
    # "the Digital Services Package, which also comprised the Digital Markets Act"
    ("partOf", r"\b(which|that)\s+(also\s+)?(comprised|comprises|comprise|included|includes|include|contains|contained)\b", "right", "left"),
    # "Part of the Mechanism is the EU Cybersecurity Reserve"
    ("partOf", r"^\W*(an?\s+)?(part|component|element|pillar)\s+of\s+(?P<O>[^,]{1,60}?)\s+(is|are|was|were)\s+(?P<S>.{1,80})", "group-first", "group-first"),
    ("partOf", r"\b(consists\s+of|comprises|comprise|consist\s+of|includes|include)\b", "list", "left"),
    # "Together with the DMA, the DSA forms the digital services package": both are part of it
    ("partOf", r"^\W*together\s+with\s+(?P<S>(?:[^,()]|\((?:[^()]|\([^()]*\))*\)){1,160}?),\s+(?P<S2>[^,.;]{1,60}?)\s+(forms|form|formed)\s+(?P<O>(the|a)\s+[^,.;]{1,60})", "group-all", "group-first"),
    # "The package contains two legislative proposals, A and B"
    ("partOf", r"\b(contains|contained|comprises|comprised|consists\s+of|consisted\s+of|bundles|bundled)\b(\s+(two|three|four|five|several)\s+[a-z]+(\s+[a-z]+)?\s*[,:])?", "right", "left"),
    # "Galileo is one of the components of the EU Space Programme, alongside EGNOS, Copernicus and GOVSATCOM"
    ("partOf", r"\b(components?|elements?|pillars?)\s+of\s+(?P<O>[^,;]{1,60}),\s+(alongside|together\s+with|next\s+to|besides)\s+(?P<S>[^.;]{1,200})", "group-all", "group-first"),
    # establishes
    # "The Directive provides for a European online platform for repair"
    ("establishes", r"\b(provides|provided|provide)\s+for\s+(the\s+(creation|establishment|setting\s+up)\s+of\s+)?(a|an|the)\b", "left", "right"),
    ("establishes", r"\b(was|were|is|are|been|be)\s+(established|set\s+up|created|founded|launched)\b.{0,80}?\b(by|under|through)\b", "right", "left"),
    # "a European database that the Commission is setting up"
    ("establishes", r"\b(which|that)\s+(?P<S>the\s+[^,.;]{1,40}?)\s+((is|are|has|have|will)\s+)?(setting\s+up|set\s+up|establish(ed|es|ing)?|creat(ed|es|ing)|launch(ed|es|ing))\b", "group-first", "left"),
    ("establishes", r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!be )\b(establishes|establishing|established|sets\s+up|set\s+up|setting\s+up|creates|created|creating|founds|founded)\b(?!\s+(by|under|through|in))", "left", "right-or-list"),
    # "InvestAI, launched by the Commission": a programme or body launched is one set up
    ("establishes", r"\b(established|set\s+up|created|founded|launched)\s+(by|under|through)\b", "right", "left"),
    ("establishes", r"\bto\s+(establish|set\s+up|create)\b", "topic", "right"),
    # a body or programme launched is one set up: "HERA launched the Critical Medicines Alliance"
    ("establishes", r"\b(launched|launches|has\s+launched)\b(?!\s+(by|in|on))", "left", "right"),
    # fundedThrough
    # "EUCAIM received €18 million under the Digital Europe Programme"
    ("fundedThrough", r"\b(receives|received|receiving|gets|got|obtained)\b[^.;]{0,40}?\b(under|from|through)\b", "left", "right"),
    ("fundedThrough", r"\b((co-)?(funded|financed)\s+(\w+ly\s+)?(through|by|under|from|via)|funding\s+(from|through|under)|support\s+(from|through|via)|steers\s+funding\s+from|draws\s+on|with\s+money\s+from)\b", "left-or-topic-or-item", "right"),
    # "The Chips for Europe Initiative co-funds pilot lines": what is funded is funded through the funder
    # (not "funds" or "finances", which are nouns as often: "a fund of funds", "public finances")
    ("fundedThrough", r"\b(co-funds|co-finances|cofinances)\b", "right", "left"),
    # "the Innovation Fund, which is fed by revenues from the EU ETS"
    ("fundedThrough", r"\b(fed|financed|funded)\s+(by|with|from)\s+(the\s+)?(\w+\s+)?(revenues?|proceeds|income)\s+(from|of)\b", "left", "right"),
    # "is funded through A, with further resources from B": B funds what A funds
    ("fundedThrough", r"\bwith\s+(further|additional|more|extra)\s+(money|resources|funding|support)\s+from\b", "shared", "right"),
    # targetsSector
    # a list item "- Clean Aviation, for climate-neutral aviation;": the name and what it is for
    ("targetsSector", r"^\s*[-•*–]\s*(?P<S>[^,;:]{2,60}),\s+for\s+(?P<O>[^;.:]{1,80})", "group-first", "group-all"),
    ("targetsSector", r"\b(sectors|areas|domains|fields|industries)\s+(such\s+as|including|like|:)(?P<O>[^.;]{1,200})", "left-or-prev-or-item", "group-all"),
    ("targetsSector", r"\bfrom\b(?P<O>[^.;]{1,40}?)\bto\b(?P<O2>[^.;]{1,40})", "left-or-topic", "group-all"),
    ("targetsSector", r"\b(in|for|across)\s+(the\s+)?(?P<O>[^.;]{0,40}?\bsectors?\b)", "left-or-topic", "group"),
    ("targetsSector", r"\b(in|across)\s+(?P<O>[^.;]{1,120})", "left-or-topic", "group-list"),
    ("targetsSector", r"\b(apply|applies|will\s+apply)\s+(also\s+)?to\b(?=[^.;:()]{1,200},[^.;:()]{1,200}\b(and|or)\b)", "left-or-item", "right"),
    ("targetsSector", r"\b(targets|targeting|aimed\s+at|aims\s+at|focuses\s+on|focusing\s+on|focus\s+on|covers|covering|geared\s+towards)\b", "left-or-topic", "right"),
    # supervises / implements
    # "compliance is supervised by the national authorities, such as Germany's BSI and France's ANSSI"
    ("supervises", r"\b(is|are|will\s+be)\s+([a-z]+\s+and\s+)?(supervised|overseen|enforced|monitored)\s+by\b", "right", "left-or-item"),
    ("supervises", r"\b(supervises|supervise|supervising|oversees|oversee|overseeing|enforces|enforce|enforcing|monitors|supervision\s+of|oversight\s+of|enforcement\s+of)\b", "left", "right-or-item"),
    # not "implementing decision" (a kind of act), nor "a letter on the implementation of"
    ("implements", r"(?<!on the )(?<!about the )\b(implements|implement|implementing(?!\s+(decisions?|regulations?|acts?|rules|measures|directives?)\b)|manages|manage|managing|runs|operates|administers|administer|implementation\s+of|management\s+of|in\s+charge\s+of)\b", "left", "right"),
    ("implements", r"\b(implemented|managed|run|administered|carried\s+out|operated|deployed)\s+by\b", "right", "left"),
    # a body that develops or selects what a programme delivers, in apposition to it: "the Digital Twin Engine,
    # developed by the ECMWF", "The AI Factories, selected and co-funded by the EuroHPC Joint Undertaking"
    # (not "software developed by CIRCL", nor a supplier: "built by the Finnish company IQM"); one that acts
    # as its provider or operator
    ("implements", r"(?<=[\w)]),\s+(developed|selected(\s+and\s+co-?funded)?)\s+by\b", "right", "left"),
    ("implements", r"\bacts?\s+as\s+(the\s+)?(?P<O>[^,.;]{0,40}?)\s*(service\s+provider|operator|manager|implementing\s+body)\b", "left", "group-first"),
    ("implements", r"\b(which|that)\s+(?P<S>(the\s+)?[^,.;]{1,50}?)\s+((will|shall|is\s+to)\s+)?([a-z]+\s+and\s+)?(runs|run|manages|manage|implements|implement|operates|operate|administers|administer)\b", "group", "left"),
    # participatesIn
    ("participatesIn", r"\b(are|is|become|became)\s+(the\s+)?members?\s+of\b", "list", "right"),
    # "The Charter was signed by the Commission, 26 Member States and ...": the signatories take part in it
    ("participatesIn", r"\b(signed|endorsed)\s+by\b", "right", "left"),
    # "the EDPS takes part as an observer": in what the sentence is about
    ("participatesIn", r"\b(takes?|took|taking)\s+part\s+as\s+(an?\s+)?(observer|member)s?\b", "left", "topic"),
    # "the RDI represents the Netherlands in the ECCG": both take part
    ("participatesIn", r"\b(represents|represented|represent)\b[^.;]{0,60}?\b(in|on)\b", "left", "right"),
    ("participatesIn", r"\b(represents|represented|represent)\b(?P<S>[^.;]{1,60}?)\b(in|on)\b", "group-all", "right"),
    ("participatesIn", r"\b(in\s+which|where)\b(?P<S>.{1,120}?)\b(sit|sits|are\s+represented|is\s+represented|work\s+together|cooperate|cooperates|take\s+part|takes\s+part|participate|participates|map|share|coordinate|meet|discuss|exchange|decide|agree|together(?!\s+with)|jointly)\b", "group-all", "left"),
    ("participatesIn", r"\b(brings\s+together|bring\s+together|gathers|bundles)\b(?P<S>[^.;]{1,250})", "group-all", "left"),
    ("participatesIn", r"^\W*as\s+(a\s+)?member\s+of\s+(?P<O>[^,]{1,60}),\s*(?P<S>.{1,60})", "group-first", "group-first"),
    # "has itself taken part in", "takes part directly in"
    ("participatesIn", r"\b(takes?\s+part\s+([a-z]+ly\s+)?in|took\s+part\s+([a-z]+ly\s+)?in|taken\s+part\s+([a-z]+ly\s+)?in|will\s+take\s+part\s+in|(will\s+be\s+|is\s+|are\s+)represented\s+in)\b", "left", "right"),
    # not a bare "together with" / "alongside", which adds a second agent or object ("HERA launched the
    # alliance together with the Presidency", "established by Regulation X, together with a network")
    ("participatesIn", r"\b(member\s+of|members\s+of|participates\s+in|participate\s+in|joins|joined|(works?|working|worked)\s+(together\s+with|alongside))\b", "left", "right"),
    # "DestinE works together with the EuroHPC Joint Undertaking": the body takes part in the programme
    ("participatesIn", r"\b((works?|working|worked)\s+together\s+with|in\s+cooperation\s+with)\b", "right", "programme"),
]
