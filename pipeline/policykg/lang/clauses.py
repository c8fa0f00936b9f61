"""Clause structure shared by the Dutch and English relation rules: what lies between a trigger and
its arguments (list gaps, relative clauses, passive agents, pronouns, coordination).

Plain patterns, read by :mod:`policykg.relations`; the per-language trigger lexicons are in
:mod:`policykg.lang.rules_nl` and :mod:`policykg.lang.rules_en`.
"""

from __future__ import annotations

import re

def _right_before(words: str, articles: str = r"the|de|het") -> re.Pattern[str]:
    """A pattern for one of ``words`` and an optional article at the end of the text searched: what
    stands right before a mention ("by the", "namens", "which amends the")."""
    return re.compile(rf"\b({words})\s+(({articles})\s+)?$", re.I)


def _list_gap(conjunctions: str) -> re.Pattern[str]:
    """Between two members of a list: a comma or one of ``conjunctions``, after a short description or
    an aside in brackets of the first member ("Richtlijn 2003/87/EG over het EU-ETS en Verordening ...")."""
    return re.compile(
        # (not a relative clause: "a Network in which national experts and the Commission ...")
        r"^(\s+(on|of|for|in|inzake|betreffende|over|van|voor|op|met)\s(?!(which|whom|wie|welke)\b)[^,;()]{0,60}?)?"
        r"(\s*\((?:[^()]|\([^()]*\))*\))?"  # an aside in brackets: "the GDPR (Regulation (EU) 2016/679), the ..."
        # the act's number in apposition: "the Security of Gas Supply Regulation, Regulation (EU) 2017/1938, and ..."
        r"(\s*,\s*(?:[A-Z][a-z]+\s+){0,2}(?:Regulation|Directive|Decision|Verordening|Richtlijn|Besluit)\s+"
        r"(?:\((?:EU|EG|EEG|EC|EEC|Euratom)\)\s+)?(?:No\.?\s+|nr\.\s+)?\d{2,4}/\d+(?:/[A-Z]+)?)?"
        rf"\s*(\)\s*)?(,|;|(,\s*)?({conjunctions}))\s*"
        # a repeated preposition: "by the Parliament and by the Council", "tot wijziging van X en van Y"
        r"((among them|including|waaronder|zoals|such as)\s+)?((by|door|van)\s+)?((de|het|the|een|a|an)\s+"
        r"((tweede|derde|vierde|nieuwe|herziene|second|third|fourth|new|revised|[a-z]+e)\s+)?)?$",
        re.I,
    )


#: Between two members of a list, per language: Dutch "of" is "or"; in English it is no conjunction
#: ("a package of European Green Deal proposals" lists nothing).
LIST_GAPS = {
    "nl": _list_gap("en|and|or|of|as well as|alsook|evenals|en ook|sowie|als"),
    "en": _list_gap("en|and|or|as well as|alsook|evenals|en ook|sowie|als"),
}
#: Between two acts listed by the body they belong to: "(Verordening (EU) nr. 1093/2010), de Europese Autoriteit
#: voor verzekeringen en bedrijfspensioenen (EIOPA, | Verordening (EU) nr. 1094/2010)".
LIST_GAP_BODY = re.compile(r"^\s*\)?\s*(,|;|\b(en|and|or|of)\b)\s*((de|het|the)\s+)?[^()]{1,100}\(\s*[A-Z][A-Za-z]{1,10},\s*$")
#: "Both" / "beide" alone before a verb: the two acts the sentence before names ("Both are repealed by ...").
BOTH_BARE = re.compile(
    r"\b(both|beide)\b(?=\s+(are|were|will|have|had|would|zijn|waren|worden|werden|zullen|hebben)\b)", re.I)
#: Pronouns that point at the last thing named ("Die wijzigt ...").
DEMONSTRATIVE_PRONOUNS = {"die", "deze", "dit", "this", "that", "these"}
#: Sentence openings that refer to the topic of the previous sentence ("It was adopted by ...").
PRONOUN_START = re.compile(r"^\W*(it|its|this|these|they|their|het|dit|deze|zij|ze|die|zijn|haar|hun)\b", re.I)
#: Between a trigger and its object: a noun phrase of its own, then a preposition; what follows
#: belongs to that noun phrase, not to the trigger.
BEYOND_OBJECT = re.compile(r"\b(the|de|het|a|an|een)\s+[a-z][\w-]*(\s+[a-z][\w-]*){0,10}\s+(under|within|binnen|onder)\s", re.I)
#: Between an adopting or proposing verb and a mention: a noun of its own with what it is about; the
#: noun is what was adopted ("published guidance on the interpretation of the directive", "adopted its
#: position on the proposal", "publiceerde richtsnoeren over de toepassing van de verordening").
UNNAMED_OBJECT = re.compile(r"\s*(?:(?:its|their|zijn|haar|hun)\s+)?(?:[a-z][\w-]*\s+){1,2}(?:on|about|regarding|concerning|"
                            r"over|inzake|betreffende|aangaande)\s+(?:the\s+|de\s+|het\s+)?[a-z]")
#: Before a body whose act is named in brackets after it: "the founding regulations of", "de
#: oprichtingsverordening van".
OF_BODY = _right_before(r"of|van")
#: Words that open a list without being part of its first member: "zowel X als Y", "both X and Y".
LIST_OPENER = re.compile(r"^\s*(zowel|both|either|niet\s+alleen|not\s+only)\b", re.I)
#: A time before the first member of a list, not part of it: "waarbij (in 2004) het ECDC werd opgericht".
LEADING_TIME = re.compile(r"^\s*(?:(?:in|op|sinds|vanaf|since|from)\s+(?:(?:\d{1,2}\s+)?[a-z]+\s+)?\d{4}|toen|destijds|then|al|already)\s+",
                          re.I)
#: Before the body that is the subject of a relative clause: "X, which the Commission proposed", "X, die de
#: Commissie voorstelde".
RELATIVE_AGENT = re.compile(r"\)?\s*,\s*(which|that|die|dat|waarvoor)\s+(the|de|het)\s+$", re.I)
#: Just before an act that another one amends, repeals or replaces: "which amends the Radio Equipment
#: Directive", "a targeted amendment of the Cybersecurity Act", "trekt de richtlijn".
AMENDED_BEFORE = _right_before(r"amendment\s+(of|to)|amends|amending|amended|wijzigt|wijzigde|wijziging\s+van|"
                               r"repeals|repealing|replaces|vervangt|trekt")
#: Between a numbered act and an act its title names: "Verordening (EU) 2025/2518 | tot vaststelling van
#: aanvullende procedureregels voor de handhaving van | de AVG", "Regulation (EU) 2025/2518 | laying down
#: additional procedural rules relating to the enforcement of | Regulation (EU) 2016/679".
IN_TITLE_OF = re.compile(r"\s*(tot|ter|betreffende|inzake|houdende|laying|supplementing|concerning|relating|on)\b"
                         r"[^.;:!?()]{0,160}$", re.I)
#: Around an act that a Dutch relative clause amends, its verb last: "die zowel de GLB-verordening
#: (Verordening (EU) 2021/2115) | als ... | wijzigt"; before the mention the relative pronoun, after it the
#: verb, with no comma or full stop on either side.
AMENDED_RELATIVE_BEFORE = re.compile(r"\b(die|dat)\s[^,.;:!?]{0,140}$", re.I)
AMENDED_VERB_AFTER = re.compile(r"^(?:[^,.;:!?()]|\((?:[^()]|\([^()]*\))*\))*?\b(wijzigt|wijzigen|wijzigde|wijzigden|intrekt|"
                                r"intrekken|vervangt|vervangen)\b", re.I)
#: Just before the agent of a passive: "by the", "door de".
AGENT = _right_before(r"by|door", articles=r"the|de|het|a|an|een")
#: Just before a mention that something is done for: "namens Nederland", "on behalf of the Commission".
ON_BEHALF = _right_before(r"namens|on\s+behalf\s+of|uit\s+naam\s+van")
#: Before a mention, the phrase that makes it a partner of the subject, not the subject: "samen met",
#: "together with", then names in a list ("samen met de EIB en de EBRD ... richt zich op").
ALONGSIDE = re.compile(r"\b(samen\s+met|together\s+with|in\s+samenwerking\s+met|in\s+cooperation\s+with)\s", re.I)
#: The words a list of names may hold between "samen met" and a member of it.
ALONGSIDE_GAP = re.compile(r"(\s|,|\([^()]*\)|\b(de|het|the|en|and|van|voor|of|for)\b|(?-i:[A-Z])[\w&'’.-]*)*", re.I)
#: A relative clause that starts right after a mention is about it ("..., which repealed").
RELATIVE = re.compile(r"[\s,)]*(\([^()]*\)[\s,]*)?(which|that|die|dat)\s+((also|ook|tevens|then|later|now|nu)\s+)?$", re.I)
#: A conjunction that closes a list.
CONJUNCTION = re.compile(r"\b(and|or|as well as|en|of|alsook|evenals|sowie|als)\b", re.I)
#: Only a conjunction between a verb's object and the next verb: "amends A and replaces B".
COORDINATED = re.compile(r"\s*(\([^()]*\))?\s*\)?\s*,?\s*(and|en)\s+(also\s+|ook\s+)?([a-z]+\s+(and|en)\s+)?$", re.I)
#: Right before a name or short form: it names the new version of an act ("de herziene Europese ...",
#: "the new Regulation").
NEW_VERSION = re.compile(r"\b(herziene|nieuwe|herschikte|new|revised|recast)\s+((Europese|European|EU)\s+)?$", re.I)
#: Right after a verb: a second relative clause of the same antecedent starts ("..., die X presenteerde | en die ...").
NEW_RELATIVE = re.compile(r"\s*,?\s+(en|and)\s+(die|dat|which|that)\b", re.I)
#: Right before a verb that a sentence adds to its first one: "..., and complements", "..., en vult".
SECOND_VERB = re.compile(r",\s*(and|en)\s+(also\s+|ook\s+)?$", re.I)
#: Only an auxiliary between a verb's object and the next participle: "X wordt gefinancierd uit A,
#: wordt beheerd door B", "X is funded by A and is run by B".
COORDINATED_AUXILIARY = re.compile(r"\s*\)?\s*,?\s*((and|en)\s+)?(is|was|are|were|will\s+be|wordt|werd|worden|werden|"
                                    r"zal\s+worden)\s+(\w+ly\s+|mede\s+|ook\s+|also\s+)?$", re.I)
#: "within"/"binnen" tie the noun right before them to what follows.
WITHIN = re.compile(r"(within|binnen)\b", re.I)
#: A determiner with a common noun (lower case): a noun phrase that is no mention.
COMMON_NOUN = re.compile(r"\b(de|het|the|a|an|een)\s+[a-z]")
#: A possessive right after a mention ("the Commission's").
POSSESSIVE = re.compile(r"['’]s\b")
#: A trigger that opens a relative clause.
#: Between a relative clause's antecedent and its pronoun: brackets, a comma and a description in apposition
#: at most ("een EU-SoHO-platform, een gezamenlijk IT-systeem voor registratie dat ..."), or the one verb a
#: Dutch sentence puts last before it ("gegevens van het IMEO gebruiken, dat ...").
ANTECEDENT_GAP = re.compile(r"\s*\)?\s*(\((?:[^()]|\([^()]*\))*\))?(\s+[a-zà-ÿ]+)?\s*(,\s*(een|a|an)\s+[^,()]{1,80})?\s*,?\s*$", re.I)
RELATIVE_TRIGGER = re.compile(r"(which|that|die|dat|waarbij|waarmee)\b", re.I)
#: Between a trigger and a later mention: a new clause starts, so the mention is not the object
#: ("sets up a European online platform for repair, which the Commission will build").
CLAUSE_BREAK = re.compile(r";|,\s*(which|that|who|where|while|whereas|but|die|dat|waarbij|waarmee|waarin|terwijl|maar)\b"
                          # ", en brengt verslag uit aan de Raad": a second verb, not a second object
                          r"|,\s*(?:en|and)\s+(?!(?:de|het|een|the|a|an|van|of|in|op|on|to|voor|for|with|met|also|ook|"
                          r"zijn|haar|hun|its|their|other|andere|via|through|uit|from)\b)(?-i:[a-z])\w+\s", re.I)
#: The words before an office's portfolio: "minister van Economische Zaken en Klimaat", "Commissioner
#: for Energy and Housing".
PORTFOLIO = re.compile(r"\b(minister|ministers|ministerie|ministry|staatssecretaris|commissaris|commissioner|"
                        r"directorate-general|directoraat-generaal|DG)\s+(van|voor|for|of)\s+(de\s+|the\s+)?$", re.I)
#: A lower-case word right after a list of sectors, which may be the noun they qualify.
MODIFIED_NOUN = re.compile(r" ([a-z][a-z-]+)\b")
FUNCTION_WORDS = frozenset(
    "and or as with in on for to by of from at into is are was were will would can could may might must "
    "should shall has have had be been being which that who where while but not also such including like "
    "en of als met in op voor door van uit bij aan tot naar is zijn was waren wordt worden werd werden zal "
    "zullen kan kunnen moet moeten heeft hebben had die dat waar waarbij maar niet ook zoals waaronder".split())
#: A participle that opens a clause about the mention right before it ("Decision (EU) 2022/2481,
#: adopted by the European Parliament and the Council").
PARTICIPLE = re.compile(r"(adopted|approved|established|set\s+up|created|founded|amended|replaced|repealed|"
                         r"aangenomen|vastgesteld|goedgekeurd|opgericht|ingesteld|opgezet|gewijzigd|ingetrokken)\b", re.I)
#: Between a body and the body it belongs to: "Het Bureau Toetsing Investeringen (BTI) | van het | ministerie".
OF_OWNER = re.compile(r"\s*(\([^()]{1,20}\)\s*)?(van|of)\s+(de|het|the)\s+", re.I)
#: A funding participle ("research funded under Horizon Europe").
FUNDING_PARTICIPLE = re.compile(r"(co-|mede)?(funded|financed|gefinancierd)\b", re.I)
#: Right before a participle: an unnamed noun of its own (no auxiliary, conjunction, relative pronoun
#: or adverb), which the participle is about: "manages cybersecurity research | funded under ...".
PARTICIPLE_OF_NOUN = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|will|shall|also|and|or|which|that|who|wordt|worden|werd|werden|"
    r"zijn|zal|zullen|ook|die|dat|en|of|deels|gedeeltelijk|volledig|grotendeels|mede)\b|[a-z]+ly\b)[a-z][a-z-]{2,}\s+$")
#: A subject pronoun right after a Dutch verb: "Verder wijzigt zij ...".
PRONOUN_AFTER_VERB = re.compile(r"\s+(zij|ze|hij)\b")
#: An object pronoun right after a trigger ("the Council adopted it").
PRONOUN_AFTER = re.compile(r"\s*(it|them)\b", re.I)
#: After an object pronoun, more objects: "adopted it, together with the AML Regulation and ...".
TOGETHER_WITH = re.compile(r"\s*(it|them)\s*,?\s*(together\s+with|along\s+with|as\s+well\s+as)\s+((the|a|an)\s+)?$", re.I)
#: A trigger by which a programme falls under a body ("CEF Digitaal valt onder HaDEA"): the body runs it.
FALLS_UNDER = re.compile(r"(valt|vallen|viel|vielen|falls|fall|fell)\s+under|(valt|vallen|viel|vielen)\s+onder", re.I)
