"""Dutch extraction rules: head nouns, determiners and relation triggers.

Plain data that a domain expert can read and extend. Relation triggers are
regular expressions over one sentence (lower-cased); see
:mod:`policykg.relations` for what ``subj`` and ``obj`` mean. Named groups
``S`` and ``O`` in a pattern say where the subject and the object must be.
"""

#: Nouns that name a kind of instrument, and the pk: class they give.
INSTRUMENT_NOUNS = {
    "verordening": "Regulation",
    "uitvoeringsverordening": "Regulation",
    "richtlijn": "Directive",
    "besluit": "Decision",
    "uitvoeringsbesluit": "Decision",
    "mededeling": "Communication",
    "strategie": "Communication",
    "actieplan": "Communication",
    "witboek": "Communication",
    "visie": "Communication",
    "voorstel": "Proposal",
    "wetsvoorstel": "Proposal",
    "pakket": "Package",
    "aanbeveling": "Recommendation",
    "werkdocument": "StaffWorkingDocument",
    "wijziging": "Instrument",
    "herschikking": "Instrument",
    "tekst": "Instrument",
}

#: Head nouns that type a named thing that is not an instrument.
NAME_HEADS = {
    "agentschap": "Institution",
    "autoriteit": "Institution",
    "bureau": "Institution",
    "comité": "Institution",
    "raad": "Institution",
    "board": "Institution",
    "centrum": "Institution",
    "platform": "Initiative",
    "netwerk": "Institution",
    "onderneming": "Institution",
    "edic": "Institution",
    "consortium": "Institution",
    "dienst": "Institution",
    "ombudsman": "Institution",
    "programma": "Programme",
    "fonds": "Programme",
    "faciliteit": "Programme",
    "initiatief": "Initiative",
    "missie": "Initiative",
    "partnerschap": "Initiative",
    "alliantie": "Initiative",
    "plan": "Communication",
    "mechanisme": "Programme",
    "systeem": "Programme",
    "reserve": "Programme",
    "infrastructuur": "Programme",
    "structuur": "Programme",
    "academie": "Initiative",
    "paspoort": "Initiative",
    "portaal": "Initiative",
    "zegel": "Initiative",
    "servicedesk": "Institution",
    "ministerie": "Institution",
    "rijksinspectie": "Institution",
    "rijksdienst": "Institution",
    "toezichthouder": "Institution",
    "coördinator": "Institution",
    "forum": "Institution",
    "observatorium": "Institution",
    "kenniscentrum": "Institution",
    "inspectie": "Institution",
    "commissariaat": "Institution",
    "groep": "Institution",
    "taskforce": "Institution",
    "handvest": "Initiative",  # "Europees Windhandvest"
    "omnibus": "Package",  # "de digitale omnibus", "IMERA-omnibus"
    "hub": "Institution",
    "waarnemingscentrum": "Institution",
    "coördinatiecentrum": "Institution",
    "databank": "Programme",
    "register": "Programme",
    # national acts: "Energiewet", "Elektriciteitswet 1998", "Wet op het financieel toezicht"
    "wet": "Instrument",
}

#: Words between a head noun and the rest of a Dutch multiword name.
NAME_CONNECTORS = {"van", "voor", "de", "het", "een", "inzake", "op", "en", "der"}

#: Words that end a name that runs on after its head noun.
NAME_STOPS = {
    "die", "dat", "dit", "om", "is", "zijn", "heeft", "hebben", "wordt", "worden", "zal", "zullen",
    "werd", "werden", "kan", "moet", "en", "of", "met", "door", "bij", "als", "waarin", "waarmee",
    "tot", "te", "in", "aan", "uit", "over", "naar", "nu", "ook", "sinds", "vanaf", "tijdens", "tegen",
}

#: Words that continue the noun phrase of an unnamed instrument ("besluit tot oprichting van ...").
LABEL_PREPOSITIONS = {"van", "voor", "over", "tot", "ter", "inzake", "om", "betreffende", "met", "op"}

#: A word before an instrument noun that makes it part of a phrase, not a document ("op voorstel van").
ANON_BLOCKERS = {"op", "tot"}  # "op tekst", "tot wijziging van": no act of their own

#: After a definite instrument noun these start a description, not a reference back.
DESCRIPTIVE_PREPOSITIONS = {"over", "inzake", "betreffende", "tot", "ter"}

#: Nouns that, after "de", "het" or "dit", stand for what the item is about when no name in the item
#: has them as its head ("De oproep wordt uitgevoerd door CINEA", "het dossier ligt bij DG GROW").
TOPIC_NOUNS = {"dossier", "systeem", "regeling", "initiatief", "oproep", "project", "platform", "mechanisme",
               "instrument", "regels"}

INDEFINITE = {"een", "nieuw", "nieuwe", "twee", "drie"}
DEFINITE = {"de", "het", "die", "deze", "dit", "dat", "dezelfde", "hetzelfde"}
#: Words between a determiner and its noun that do not change the referent.
FILLERS = {"eerdere", "laatstgenoemde", "bovengenoemde", "huidige", "definitieve", "zogenoemde", "zogenaamde", "zogeheten", "nieuwe", "nieuw", "genoemde", "voornoemde", "toekomstige",
           "europese", "gewijzigde", "herziene", "voorgestelde", "eerste", "tweede"}

#: Sentence-final abbreviations that do not end a sentence.
ABBREVIATIONS = {"nr.", "bijv.", "o.a.", "m.b.t.", "art.", "blz.", "ca.", "d.w.z.", "i.p.v.", "e.d.", "jl.", "mln.", "mld."}

#: Lists of sectors: each member becomes a sector, also when the vocabulary does not know it.
SECTOR_LISTS = [
    r"\b(toepassingsgebieden|sectoren|domeinen|branches|bedrijfstakken)\b\s*(zijn|als|zoals|:|,\s*zoals|,\s*waaronder|waaronder)(?P<L>[^.;:()]{1,200})",
    # "De regels gelden voor mobiele telefoons, tablets, camera's en koptelefoons": three or more products
    r"\b(geldt|gelden|gaat\s+gelden|gaan\s+gelden)\s+(ook\s+)?voor\s+(?P<L>[^.;:()]{1,200},[^.;:()]{1,200}\b(en|of)\b[^.;:()]{1,80})",
]
#: Words that cannot start a list member that names a sector.
SECTOR_LIST_STOPS = {"met", "van", "die", "dat", "in", "op", "voor", "bij", "uit", "de", "het", "een", "andere", "alle",
                     "veel", "meer", "diverse", "verschillende", "kritieke", "belangrijke", "nieuwe", "zoals", "waaronder"}


#: Capitalised abbreviations that name no body, act or programme: an all-capital word that is
#: none of these and that nothing else recognises is taken for a name.
COMMON_ACRONYMS = {
    "AMVB", "API", "BBP", "BTW", "BV", "CAO", "CCS", "CCUS", "CELEX", "CEO", "CEST", "CET",
    "CFO", "CH4", "CO2", "COM", "CO₂", "CSIRT", "CSIRTS", "DNA", "EDIC", "EDICS", "EEA", "ELI", "ESG",
    "ETF", "EUR", "EV", "EVS", "FAQ", "GBP", "GDP", "GHG", "GW", "GWH", "HPC", "HTML",
    "ICT", "IEC", "IPCEI", "IPCEIS", "ISO", "JOIN", "KMO", "KMO'S", "KPI", "KPIS", "KW", "KWH",
    "LNG", "MKB", "MW", "MWH", "NGO", "NGOS", "NOX", "NV", "OJ", "PDF", "PFAS", "PPA", "PPAS",
    "R&D", "RDI", "RNA", "SEC", "SME", "SMES", "SO2", "SWD", "TWH", "UAE", "URL", "USA", "USD",
    "UTC", "VAT", "XML", "ZZP",
    # technology abbreviations
    "CPU", "CPUS", "DNS", "GPS", "GPU", "GPUS", "HTTP", "HTTPS", "ID", "IT", "LED", "LEDS", "NFC", "PC", "PCS",
    "QR", "RFID", "SIM", "SMS", "TV", "USB", "USB-C", "VPN", "WLAN", "STEM",
}


#: Nouns that, next to an unknown acronym, make it a body ("the operator SES"), besides the
#: name heads of institutions.
BODY_NOUNS = {"aanbieder", "bedrijf", "consortium", "exploitant", "fabrikant", "instituut", "leverancier", "netbeheerder", "onderneming", "operator", "organisatie", "toezichthouder"}

#: Words by which the Parliament and the Council take their part in adopting an act ("het Parlement stemde in;
#: de Raad volgde"), also where the sentence leaves the act unsaid.
ADOPTION_WORDS = r"\b(aangenomen|aannam|aannamen|nam|namen|stemde|stemden|ingestemd|volgde|volgden|goedgekeurd|goedkeurde|goedkeurden|keurde|keurden|vastgesteld|vaststelde|vaststelden|stelde|stelden|ondertekend|ondertekenden|bekrachtigd|bekrachtigde)\b"

#: An adoption of several acts that the sentence does not name ("stelden drie teksten vast", "verdeeld
#: over twee besluiten"): the acts named next in the item, as many as the number says.
SEVERAL_ACTS = r"\b(?:(?P<both>beide)|(?:de\s+)?(?P<n>twee|drie|vier|vijf))\s+(?:teksten|besluiten|wetten|wetteksten|rechtshandelingen|dossiers|instrumenten|richtlijnen|verordeningen)\b"

#: Relation triggers: (property, pattern, subject strategy, object strategy).
TRIGGERS = [
    # adoptedBy: active (separable verbs too) and passive
    ("adoptedBy", r"\b(heeft|hebben|had|hadden)\b.{0,120}?\b(aangenomen|vastgesteld|goedgekeurd)\s+als\b", "right", "near"),
    # (not "heeft de eerste lijst van projecten vastgesteld op grond van de verordening": what is adopted is unnamed)
    ("adoptedBy", r"\b(heeft|hebben|had|hadden)\b.{0,120}?\b(aangenomen|vastgesteld|gepresenteerd|gelanceerd|goedgekeurd|gepubliceerd|voorgesteld|ingediend)\b(?!\s+als\b)(?!\s+(op\s+grond\s+van|krachtens|op\s+basis\s+van)\b)", "near", "near"),
    ("adoptedBy", r"\b(aannam|aannamen|vaststelde|vaststelden|goedkeurde|goedkeurden|presenteerde|lanceerde)\b", "near", "near"),
    ("adoptedBy", r"\b(stemde|stemden|stemt)\b.{0,60}?\bin\s+met\b", "near", "near"),
    # "Verordening (EU) 2023/1782 van de Raad"
    # (after an act's number or a name's year, not a date: "Het voorstel kwam in december 2022 van de Europese Commissie")
    ("adoptedBy", r"(?<=\d)(?<!(?:ari|art|ril|mei|uni|uli|tus|ber)\s\d{4})\s+van\s+(de|het)\b"
                  r"(?=\s+(raad|commissie|europese\s+commissie|europees\s+parlement)\b)", "left", "right"),
    # "de Clean Industrial Deal, die de Commissie op 26 februari presenteerde"
    ("adoptedBy", r"\b(die|dat)\s+(?P<O>(de|het)\s+[^,.;]{1,40}?)\s+([^,.;]{0,40}?)\b(presenteerde|presenteerden|aannam|aannamen|vaststelde|vaststelden|lanceerde|lanceerden|heeft\s+aangenomen|heeft\s+gepresenteerd)\b", "left", "group-first"),
    ("adoptedBy", r"\b(presenteert|presenteerde|presenteren|lanceert|lanceerde|lanceren)\b(?!.{0,60}\bvoor\b)", "near", "near"),
    # "stelt ... vast", "stelde ... op"; not "stelt een auditraad in" (sets up) or "stelt ... voor" (proposes)
    ("adoptedBy", r"\b(stelde|stelt)\b(?!.{0,60}\bvoor\b)(?=.{0,80}\b(vast\b|op\s*([,.;]|$)))", "near", "near"),
    ("adoptedBy", r"\b(nam|namen|neemt|nemen)\b.{0,120}?\baan\b", "near", "near"),
    ("adoptedBy", r"\b(aangenomen|vastgesteld|goedgekeurd|gepresenteerd|gelanceerd)\s+(door|bij)\b", "left", "right"),
    # verb last: "... en op 19 oktober 2022 door het Europees Parlement en de Raad vastgesteld"
    ("adoptedBy", r"\bdoor\s+(?P<O>(de|het)\s+[^,.;()]{1,80}?)\s+(aangenomen|vastgesteld|goedgekeurd)\b", "topic", "group-all"),
    ("adoptedBy", r"\b(keurde|keurden|keurt|keuren)\b.{0,120}?\bgoed\b", "near", "near"),
    ("adoptedBy", r"\b(stelt|stelde|stellen|stelden)\b.{0,120}?\bvast\b", "near", "near"),
    # proposedBy
    ("proposedBy", r"\b(op\s+voorstel\s+van|voorgesteld\s+door|voorstel\s+van)\b", "left-or-near", "right"),
    # "Het voorstel kwam in december 2022 van de Europese Commissie"
    ("proposedBy", r"(?<=\bvoorstel\s)(kwam|komt)\b[^,.;]{0,40}?\bvan\s+(?P<O>(de|het)\s+[^,.;]{1,40})", "left", "group-first"),
    ("proposedBy", r"\b(stelde|stelt|stellen|stelden)\b.{0,120}?\bvoor\b", "near", "near"),
    # amends / repeals / refersTo
    # a relative clause, verb last: "(COM(2023) 368), die ook Verordening (EU) 2021/1230 wijzigt"
    ("amends", r"\b(die|dat)\s+(ook\s+|tevens\s+|onder\s+meer\s+)?(?P<O>[^,.;]{1,200}?)\s+(wijzigt|wijzigen|wijzigde|wijzigden)\b", "left", "group-list"),
    ("repeals", r"\b(die|dat)\s+(ook\s+|tevens\s+|onder\s+meer\s+)?(?P<O>[^,.;]{1,120}?)\s+(intrekt|intrekken|introk|introkken|vervangt|vervangen)\b", "left", "group-list"),
    ("amends", r"\b(tot\s+wijziging\s+van|wijzigt|wijzigen|wijzigde|wijzigden)\b", "left", "right"),
    ("amends", r"\bgewijzigd\s+(door|bij)\b", "right", "left"),
    # inversion after an adverbial: "Daarnaast wijzigt de verordening Richtlijn ..."
    ("amends", r"\b(wijzigt|wijzigde)\s+(?P<S>(de|het|deze|die)\s+((nieuwe|herziene|gewijzigde)\s+)?[\w-]+)", "inverted", "right"),
    # "wijzigt drie bestaande teksten: de X, ...; de Y, ...; en de Z"
    ("amends", r"\b(wijzigt|wijzigde|wijzigen)\s+(twee|drie|vier|vijf|zes|enkele|meerdere)\s+([a-z]+\s+)?(teksten|wetten|besluiten|verordeningen|richtlijnen|handelingen)\s*:(?P<O>[^.]{1,500})", "left", "group-all"),
    ("repeals", r"\b(vervangt|vervangen|trekt|trok)\s+(?P<S>(de|het|deze|die)\s+[\w-]+)", "inverted", "right"),
    ("refersTo", r"\b(vult|vulde)\s+(?P<S>(de|het|deze|die)\s+[\w-]+)", "inverted", "right"),
    ("amends", r"\b\w*(wijziging|herziening)\s+van\b", "inside", "right"),
    # "trekt per 10 juli 2027 de vierde antiwitwasrichtlijn (...) in": the object stands inside the separable verb
    # ("jonge boeren aan te trekken" attracts: without its particle "in" the verb repeals nothing)
    # "De DNA trekt X (...) in, net als Y en Z": what follows "net als" is repealed too
    ("repeals", r"(?<!te\s)\b(trekt|trekken)\b[^.;]{0,120}?\bin\b,?\s+(net\s+als|evenals)\s+(?P<O>(?:(?!,\s+(?:waarbij|waarmee|waarin|die|dat)\b)(?:[^.;]|\.(?=\s*\d))){1,200})", "left", "group-all"),
    ("repeals", r"\b(tot\s+intrekking\s+van|(?<!te\s)(trekt|trekken)\b.{0,120}?\bin\b)|\b(vervangt|vervangen)\b(?!\s+door)", "left", "inside-or-right"),
    ("repeals", r"\b(ingetrokken|vervangen)\s+(door|bij)\b", "right", "left"),
    # verb last: "Verordening (EU) 2021/697, die ... Verordening (EU) 2018/1092, heeft ingetrokken";
    # "..., werd door dezelfde kaderverordening ingetrokken"
    ("repeals", r"\b(die|dat)\s+(?P<O>[^;]{1,200}?)\s+(heeft|hebben|had)\s+(ingetrokken|vervangen)\b", "left", "group"),
    ("repeals", r"\b(is|werd|wordt|werden|worden)\s+([^,.;]{0,30}?\s+)?(bij|door)\s+(?P<S>[^,.;]{1,80}?)\s+(ingetrokken|vervangen)\b", "group-first", "left"),
    # "De nieuwe richtlijn voegt de twee richtlijnen samen: A en B worden met ingang van ... ingetrokken"
    ("repeals", r":\s*(?P<O>[^:;.]{1,160}?)\s+(wordt|worden)\s+([^,.;:()]{0,60}?\s+)?(ingetrokken|vervangen)\b(?!\s+(door|bij))", "topic", "group-all"),
    ("amends", r"\b(die|dat)\s+(?P<O>[^;]{1,200}?)\s+(heeft|hebben|had)\s+gewijzigd\b", "left", "group"),
    ("amends", r"\b(is|werd|wordt|werden|worden)\s+([^,.;]{0,30}?\s+)?(bij|door)\s+(?P<S>[^,.;]{1,80}?)\s+gewijzigd\b", "group-first", "left"),
    ("refersTo", r"\b(op\s+grond\s+van|vult|vullen|aanvulling\s+op|op\s+basis\s+van|ter\s+uitvoering\s+van|in\s+afwijking\s+van|vloeit\s+voort\s+uit|vloeien\s+voort\s+uit|bouwt\s+voort\s+op|bouwen\s+voort\s+op|(een\s+)?(nadere\s+)?uitwerking\s+van|(geeft|geven|gaf|gaven)\s+uitvoering\s+aan)\b", "left", "right"),
    # "de Cyberbeveiligingswet, waarmee Nederland de NIS2-richtlijn omzet": the act the law transposes
    ("refersTo", r"\bwaarmee\s+(?P<O>[^,.;]{1,80}?)\s+(omzet|omzetten|omzette|uitvoert|uitvoeren)\b", "left", "group-first"),
    # partOf
    ("partOf", r"\bonderdeel\s+van\b(?P<O>.{1,60}?)\b(was|is|waren|zijn|vormt|vormen)\b", "right", "group"),
    # what a paper announces is part of it: "aangekondigd in de Clean Industrial Deal", "kondigde de verordening
    # aan in het Green Deal-industrieplan", "kondigde de Commissie in de Clean Industrial Deal een Bank ... aan"
    ("partOf", r"\baangekondigd\s+in\s+(?=(de|het)\s|(?-i:[A-Z]))", "left", "right"),
    ("partOf", r"\b(kondigde|kondigt|kondigden)\s+((de\s+(Europese\s+)?Commissie|zij|ze)\s+)?(?P<S>(de|het|een)\s+[^.;]{1,100}?)"
               r"\s+aan\s+in\s+(?P<O>(de|het)\s+[^,.;]{1,80})", "group-first", "group-first"),
    ("partOf", r"\b(kondigde|kondigt|kondigden)\s+((de\s+(Europese\s+)?Commissie|zij|ze)\s+)?in\s+(?P<O>(de|het)\s+[^,.;]{1,60}?)"
               r"\s+(?P<S>(een|de|het)\s+[^.;]{1,120}?)\s+aan\b", "group-first", "group-first"),
    # "de wetenschappelijke comités van het EMA, zoals het Comité voor ... (CHMP), ... en ..."
    ("partOf", r"\b(comités|organen|diensten|directoraten-generaal|afdelingen|werkgroepen|panels)\s+van\s+(?P<O>(de|het)\s+[^,;.()]{1,50}?),?\s+(zoals|waaronder|namelijk)\b", "right", "group-all"),
    ("partOf", r"\b(onderdeel\s+van|maakt\s+deel\s+uit\s+van|maken\s+deel\s+uit\s+van|in\s+het\s+kader\s+van|valt\s+onder)\b", "left", "right"),
    # "HERA Invest, een faciliteit van 100 miljoen euro onder InvestEU": what the apposition says it is a part of
    ("partOf", r"(?<=[\w)]),\s+(een|de|het)\s+[^,.;()]{0,50}?\b\w*(faciliteit|fonds|programma|regeling|instrument|onderdeel|oproep|missie|partnerschap)(\s+van\s+[\d,.]+\s+\w+\s+euro)?\s+(onder|binnen|van)\s+(?=de\s|het\s|(?-i:[A-Z]))", "left", "right"),
    # "voorgesteld in een pakket over ...", "gepresenteerd in het Fit for 55-pakket"
    ("partOf", r"\b(in|binnen)\s+(een|het|zijn|haar)\s+(?=(?:[\w-]+\s+){0,3}[\w-]*pakket\b)", "left", "right"),
    ("partOf", r"\bbinnen\s+(?P<O>(de|het)\s+.{1,50}?)\s+(een|het|de)\s+(?P<S>.{1,50}?)\b(op\s+te\s+richten|opgericht|in\s+te\s+stellen|ingesteld|opgezet)\b", "group", "group"),
    ("partOf", r"\bbinnen\b(?=\s+(de|het)\b|\s+(?-i:[A-Z]))", "left", "right"),
    ("partOf", r"^\W*binnen\s+(?P<O>.{1,60}?)\s+(is|zijn|wordt|worden|vormt|vormen|valt|vallen)\s+(?P<S>.{1,80})", "group-first", "group-first"),
    ("partOf", r"\bdeel\s+(uitmaakt|uitmaken|uit\s+maakt|uit\s+maken)\s+van\b|\b(bouwsteen|bouwstenen|pijler|onderdelen|element|sluitstuk|hoeksteen|hart)\s+van\b", "left", "right"),
    ("partOf", r"\bvorm(t|en|de|den)\s+(?P<S>(?:(?:de|het|zij|hij)\s+)?[^\s,]+(?:\s+[^\s,]+){0,4}?)\s+(het|de)\s+(?P<O>[^,.;]{1,60})", "group-first", "group-first"),
    ("partOf", r"\b(bestaat|bestaan)\s+uit\b|\bomvat\b|\bomvatten\b", "list", "left"),
    # "Samen met de DMA vormt de DSA het pakket voor digitale diensten": both are part of it
    ("partOf", r"^\W*samen\s+met\s+(?P<S>(?:[^,()]|\((?:[^()]|\([^()]*\))*\)){1,160}?),?\s+(vormt|vormen|vormde|vormden)\s+(?P<S2>[^,.;]{1,60}?)\s+(?P<O>(het|de)\s+[^,.;]{1,60})", "group-all", "group-first"),
    # past tense and a subject after the verb: "Het voorstel maakte deel uit van", "Volgens de Commissie
    # maakt het voorstel deel uit van"
    ("partOf", r"\b(maakt|maken|maakte|maakten)\s+(?P<S>[^.;]{0,60}?)\s*deel\s+uit\s+van\b", "group-or-left", "right"),
    # "Binnen het EDF ondersteunt het EU-defensie-innovatieprogramma (EUDIS) ..."
    ("partOf", r"^\W*binnen\s+(?P<O>(de|het)\s+[^,.;]{1,50}?)\s+[a-z]+\s+(?P<S>(de|het)\s+[^,.;]{1,80})", "group-first", "group-first"),
    # "X is een van de acties uit het Kompas"
    ("partOf", r"\b(een|één)\s+van\s+de\s+(acties|maatregelen|onderdelen|pijlers|initiatieven|voorstellen|bouwstenen)\s+(uit|van|in|onder)\b", "left", "right"),
    # establishes
    # the object inside: "de verordening richt daarnaast de infrastructuur HealthData@EU op" (not when a
    # name right after the verb may be its subject: "Daarom richt de Commissie ... op")
    ("establishes", r"\b(richt|richten|richtte|richtten)\b(?!\s+zich)(?!\s+(de|het)\s+(?-i:[A-Z]))(?P<O>[^.;:]{1,150}?)\s+op\b", "left", "group-first"),
    # "De Commissie richt een databank in"
    ("establishes", r"\b(richt|richten|richtte|richtten)\s+(?P<O>(de|het|een)\s+[^,.;]{1,120}?)\s+in\b(?!\s+(staat|werking|de|het|een)\b)", "left", "group-first"),
    ("establishes", r"\b(richt|richten|richtte|richtten)\b(?!\s+zich)(?!\s+(de|het)\s+(?-i:[A-Z])).{0,150}?\bop\b", "left", "right-or-list"),
    ("establishes", r"\bom\b(?P<O>.{1,80}?)\b(op\s+te\s+richten|op\s+te\s+zetten|in\s+te\s+stellen)\b", "topic", "group"),
    ("establishes", r"\b(opgericht|ingesteld|opgezet)\s+(bij|door|via|op\s+grond\s+van|krachtens)\b", "right", "left"),
    # "de Europese raad voor digitale diensten, die bij de verordening is ingesteld"
    ("establishes", r"\b(die|dat)\s+(bij|door)\s+(?P<S>[^,.;]{1,80}?)\s+(is|werd|wordt|zijn|werden|worden)\s+(ingesteld|opgericht|opgezet|vastgesteld)\b", "group-first", "left"),
    # "Verordening (EU) 2021/241, waarbij de Herstel- en veerkrachtfaciliteit (HVF) is ingesteld"
    ("establishes", r"\b(waarbij|waarmee)\s+(?P<O>([^,.;()]|\([^()]*\)){1,120}?)\s+(is|werd|wordt|zijn|werden|worden)\s+(ingesteld|opgericht|opgezet|vastgesteld)\b", "left", "group-list"),
    ("establishes", r"\b(bij|door)\b(?P<S>.{1,40}?)\b(opgerichte|ingestelde|opgezette)\b", "group", "right"),
    # "het programma, dat het Parlement en de Raad bij Besluit (EU) 2022/2481 hebben vastgesteld"
    ("establishes", r"\b(die|dat)\s+[^,.;]{0,80}?\bbij\s+(?P<S>[^,.;]{1,80}?)\s+(hebben|heeft|is|zijn|werd|werden)\s+(vastgesteld|ingesteld|opgericht)\b", "group-first", "left"),
    ("establishes", r"\b(bij|door)\b(?P<S>.{1,60}?)\b(werd|werden|wordt|worden|is|zijn)\b(?P<O>.{1,120}?)\b(opgericht|ingesteld|opgezet)\b", "group", "group"),
    ("establishes", r"\b(tot\s+oprichting\s+van|tot\s+instelling\s+van)\b", "left", "right"),
    # perfect tense, verb last: "die de Commissie in 2017 heeft opgezet", "De Commissie heeft de Alliantie ...
    # opgericht", "had de Commissie samen met de lidstaten het EU-energieplatform opgezet", "is door de Commissie opgezet"
    ("establishes", r"\b(die|dat)\s+(?P<S>(de|het)\s+[^,.;]{1,60}?)\s+([^,.;]{0,60}?)\b(heeft|hebben|had|hadden)\s+(opgericht|opgezet|ingesteld|gelanceerd)\b", "group-first", "left"),
    ("establishes", r"\b(heeft|hebben|had|hadden)\s+(?P<S>(de|het)\s+\S+(\s+(?-i:[A-Z])\S*)?)\s+(?P<O>[^,.;]{1,150}?)\s+(opgericht|opgezet|ingesteld|gelanceerd)\b", "inverted", "group"),
    ("establishes", r"\b(heeft|hebben|had|hadden)\s+(?P<O>[^,.;]{1,150}?)\s+(opgericht|opgezet|ingesteld|gelanceerd)\b", "left", "group-first"),
    ("establishes", r"\b(is|werd|wordt|zijn|werden|worden)\s+(bij|door)\s+(?P<S>[^,.;]{1,80}?)\s+(opgericht|opgezet|ingesteld)\b", "group-first", "left"),
    ("establishes", r"\b(lanceerde|lanceert|lanceerden)\b", "left", "right"),
    ("establishes", r"\b(die|dat)\s+(?P<S>(de|het)\s+[^,.;]{1,120}?)\s+(oprichtte|oprichtten|opzette|opzetten|instelde|instelden|lanceerde|lanceerden)\b", "group-first", "left"),
    # subject after the verb: "Om ... te helpen richt de Commissie een servicedesk (AI Act Service Desk) op"
    ("establishes", r"\b(richt|richtte|zet|zette)\s+(?P<S>(de|het)\s+(?-i:[A-Z])[^,.;]{0,40}?)\s+(?P<O>((een|de|het)\s+)?[^.;]{1,120}?)\s+op\b", "group-first", "group-first"),
    # "De Commissie zet een Europees register voor online politieke advertenties op"
    ("establishes", r"\b(zet|zetten|zette|zetten)\s+(?P<O>(een|de|het)\s+[^.;]{1,120}?)\s+op\b", "left", "group-first"),
    # "De richtlijn voorziet in een Europees onlineplatform voor reparatie"
    ("establishes", r"\b(voorziet|voorzien|voorzag|voorzagen)\s+in\s+(de\s+(oprichting|instelling)\s+van\s+)?(een|de|het)\b", "left", "right"),
    ("fundedThrough", r"\b(ontving|ontvingen|ontvangt|ontvangen|kreeg|kregen|krijgt)\b[^.;]{0,40}?\b(uit|via|van)\b", "left", "right"),
    # the separable verb "instellen": "De verordening stelt de Europese Raad voor halfgeleiders in"
    ("establishes", r"\b(stelt|stellen|stelde|stelden)\s+(?P<O>(de|het|een)\s+[^,.;]{1,120}?)\s+in\b(?!\s+(staat|werking|de|het|een)\b)", "left", "group-first"),
    # fundedThrough
    # "wordt gefinancierd uit A, aangevuld met geld uit B": B financiert wat A financiert
    ("fundedThrough", r"\b(aangevuld\s+met|met\s+extra|met\s+aanvullende?)\s+(geld|middelen|financiering|steun)\s+(uit|van|via)\b", "shared", "right"),
    ("fundedThrough", r"\b(gefinancierd|gefinancierd\s+uit|financiering\s+uit|gefinancierd\s+via|steun\b.{0,50}?\bvia|middelen\s+uit|bijdrage\s+uit)\b", "left-or-topic-or-item", "right"),
    # "Het initiatief Chips voor Europa financiert proeflijnen": what is financed is funded through the financer
    # (not "Uit EU4Health financiert de Commissie projecten": a name right after the verb is its subject)
    # verb last: "Het werkprogramma wordt volledig uit Horizon Europa gefinancierd"
    ("fundedThrough", r"\buit\s+(?P<O>(het\s+|de\s+)?[^,.;]{1,60}?)\s+(gefinancierd|bekostigd)\b", "left-or-topic-or-item", "group-first"),
    # "het Innovatiefonds, dat wordt gevoed met opbrengsten uit het EU ETS"
    ("fundedThrough", r"\bgevoed\s+(met|door|uit)\s+(de\s+)?(\w+\s+)?(opbrengsten|inkomsten|middelen|veilingopbrengsten)\s+(uit|van)\b", "left", "right"),
    # "Het Quantum Flagship loopt inmiddels via Horizon Europa"
    ("fundedThrough", r"\b(loopt|lopen|liep|liepen)\s+((inmiddels|nu|voortaan|sindsdien)\s+)?via\b", "left", "right"),
    ("fundedThrough", r"\b(financiert|financieren|financierde|financierden|cofinanciert)\b(?!\s+(de|het)\s+(?-i:[A-Z]))", "right", "left"),
    # targetsSector
    # a list item "- Clean Aviation, voor klimaatneutrale luchtvaart;": the name and what it is for
    ("targetsSector", r"^\s*[-•*–]\s*(?P<S>[^,;:]{2,60}),\s+voor\s+(?P<O>[^;.:]{1,80})", "group-first", "group-all"),
    # ("in gebieden met veel veehouderij" are places: plain "gebieden" needs "zoals" or the like)
    ("targetsSector", r"\b(?:(toepassingsgebieden|sectoren|domeinen)\b\s*(zijn|als|zoals|:)?|gebieden\s*(zijn|als|zoals|:))(?P<O>[^.;]{1,200})", "left-or-prev-or-item", "group-all"),
    ("targetsSector", r"\bvan\b(?P<O>[^.;]{1,40}?)\btot\b(?P<O2>[^.;]{1,40})", "left-or-topic", "group-all"),
    ("targetsSector", r"\b(in|voor|op)\s+(de|het)\b(?P<O>[^.;]{0,40}?\b\w*sector(en)?\b)", "left-or-topic", "group"),
    ("targetsSector", r"\b(in|op)\s+(het|de)?\s*(?P<O>[^.;]{1,120})", "left-or-topic", "group-list"),
    ("targetsSector", r"\b(geldt|gelden)\s+(ook\s+)?voor\b(?=[^.;:()]{1,200},[^.;:()]{1,200}\b(en|of)\b)", "left-or-item", "right"),
    ("targetsSector", r"\b(gericht\s+op|richt\s+zich\s+(\w+\s+){0,2}op|richten\s+zich\s+(\w+\s+){0,2}op|ten\s+behoeve\s+van|bedoeld\s+voor)\b", "left-or-topic", "right"),
    # supervises / implements
    # the subject after the verb: "In Nederland houdt de ACM als toezichthouder toezicht op de regels"
    ("supervises", r"\b(houdt|houden)\s+(?P<S>(de|het)\s+[^.;]{1,80}?)\s+toezicht\s+op\b", "group-first", "right-or-item"),
    # "ACER, dat op grond van REMIT toezicht houdt op de groothandelsmarkten": what it supervises under
    ("supervises", r"\bop\s+grond\s+van\s+(?P<O>(de\s+|het\s+)?[^,.;]{1,40}?)\s+toezicht\s+(houdt|houden)\b", "left", "group-first"),
    ("supervises", r"\btoezicht\b.{0,40}?\bop\b|\bhoudt\b.{0,40}?\btoezicht\b|\bhandhaaft\b|\bhandhaven\b|\bziet\s+toe\s+op\b", "left", "right-or-item"),
    ("implements", r"\b(uitgevoerd|beheerd|geëxploiteerd|uit\s+te\s+voeren|te\s+beheren)\s+(door|bij)\b", "right", "left"),
    # "de Digital Twin Engine, ontwikkeld door het ECMWF", "het ECMWF ontwikkelt de Digital Twin Engine"
    ("implements", r"(?<=[\w)]),\s+(ontwikkeld|geselecteerd)\s+door\b", "right", "left"),
    ("implements", r"\b(ontwikkelt|ontwikkelen)\b", "left", "right"),
    ("implements", r"\b(gaat|gaan|zal|zullen)\b.{0,80}?\b(uitvoeren|beheren)\b", "near", "near"),
    ("implements", r"\b(die|dat)\s+(?P<S>(de\s+|het\s+)?[^,.;]{1,50}?)\s+(beheert|uitvoert|beheren|uitvoeren)\b", "group", "left"),
    # "een IT-systeem dat door de Commissie wordt beheerd"
    ("implements", r"\b(die|dat)\s+(door|bij)\s+(?P<S>[^,.;]{1,80}?)\s+(wordt|worden|werd|werden|zal\s+worden)\s+(beheerd|uitgevoerd|geëxploiteerd|gerund)\b", "group-first", "left"),
    # "De RVO voert de Wet windenergie op zee uit": the object stands inside the separable verb
    ("implements", r"\b(voert|voeren)\b.{0,80}?\buit\b|\bbeheert\b|\bbeheren\b|\bexploiteert\b|\buitvoering\s+van\b|\bis\s+belast\s+met\b", "left", "inside-or-right"),
    # participatesIn
    ("participatesIn", r"\b(zijn|is|worden|wordt)\s+(lid|leden)\s+van\b", "list", "right"),
    # "Het handvest is ondertekend door de Commissie, 26 lidstaten en ...": the signatories take part in it
    # (an act signed is adopted: the signature of a programme or initiative only fits here)
    ("participatesIn", r"\b(ondertekend|getekend|onderschreven)\s+door\b", "right", "left"),
    ("participatesIn", r"\bwaarin\b(?P<S>.{1,120}?)\b(zitting\s+heeft|zitting\s+hebben|samenwerken|samenwerkt|vertegenwoordigd|coördineren|coördineert|lid\s+is|lid\s+zijn|deelnemen|deelneemt|deelnamen|deelnam|samen(?!\s+met)|gezamenlijk|overleggen|overlegt|bespreken|bespreekt|delen|beslissen|beslist|afstemmen)\b", "group-all", "left"),
    ("participatesIn", r"\bbrengt\b(?P<S>[^.;]{1,250}?)\bsamen\b", "group-all", "left"),
    ("participatesIn", r"\b(die|dat)\s+(?P<S>[^.;]{1,250}?)\s+(samenbrengt|samenbrengen|bijeenbrengt)\b", "group-all", "left"),
    # "neemt sinds januari 2024 zelf deel aan"
    ("participatesIn", r"\b(neemt|nemen|nam|namen)\s+([^,.;:()]{1,40}?\s+)?deel\s+aan\b|\bis\s+vertegenwoordigd\s+in\b", "left", "right"),
    # "De RDI vertegenwoordigt Nederland in de ECCG": both take part
    ("participatesIn", r"\bvertegenwoordig(t|en|de|den)\b[^.;]{0,60}?\b(in|bij)\b", "left", "right"),
    ("participatesIn", r"\bvertegenwoordig(t|en|de|den)\b(?P<S>[^.;]{1,60}?)\b(in|bij)\b", "group-all", "right"),
    # "... neemt als waarnemer deel": in what the sentence is about
    ("participatesIn", r"\b(neemt|nemen|heeft|hebben)\s+(als|de\s+status\s+van)\s+(waarnemer|lid)\s+(deel|zitting)\b", "left", "topic"),
    ("participatesIn", r"\b(lid\s+van|neemt\s+deel\s+aan|nemen\s+deel\s+aan|deelnemen\s+aan|sluit\s+zich\s+aan\s+bij)\b", "left", "right"),
    # "die faciliteit wordt samen met de Europese Investeringsbank ontwikkeld": the body takes part in it
    ("participatesIn", r"\b(samen\s+met|in\s+samenwerking\s+met)\b", "right", "programme"),
]
