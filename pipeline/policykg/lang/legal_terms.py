"""The words that introduce an EU legal reference, per language.

This module holds data only; :mod:`policykg.legalrefs` compiles it into regular
expressions once, at import. To teach the matcher a new word, add it here: write
words in lower case (matching ignores case), give each inflected form that
occurs in news text (plural, adjective ending), and keep one entry per line so a
diff shows what changed.

The doc types are the ones :class:`policykg.legalrefs.LegalRef` uses:
``"regulation"``, ``"directive"``, ``"decision"``, ``"recommendation"``.
"""

from __future__ import annotations

#: Nouns that name a numbered act, per language -> doc type. Dutch compounds that
#: end in one of these (``EuroHPC-verordening``, ``kaderrichtlijn``) match too.
ACT_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "verordening": "regulation",
        "verordeningen": "regulation",
        "richtlijn": "directive",
        "richtlijnen": "directive",
        "besluit": "decision",
        "besluiten": "decision",
        "beschikking": "decision",  # the pre-2009 Dutch word for a decision
        "beschikkingen": "decision",
        "aanbeveling": "recommendation",
        "aanbevelingen": "recommendation",
    },
    "en": {
        "regulation": "regulation",
        "regulations": "regulation",
        "directive": "directive",
        "directives": "directive",
        "decision": "decision",
        "decisions": "decision",
        "recommendation": "recommendation",
        "recommendations": "recommendation",
    },
}

#: Words before the act noun (or, in Dutch, glued to it: ``Uitvoeringsverordening``)
#: that say what kind of act it is -> qualifier. The act keeps its type:
#: an implementing regulation is still a regulation (CELEX letter R, ELI ``reg``).
QUALIFIERS: dict[str, dict[str, str]] = {
    "nl": {
        "uitvoerings": "implementing",
        "gedelegeerde": "delegated",
        "gedelegeerd": "delegated",
    },
    "en": {
        "implementing": "implementing",
        "delegated": "delegated",
    },
}

#: Who adopted an act, as written in brackets after the noun (``Verordening (EU)``,
#: ``(EU, Euratom)``), glued before it (``EU-Verordening``) or after the number
#: (``Directive 2011/24/EU``). Old and new abbreviations, Dutch and English.
ISSUERS: tuple[str, ...] = (
    "EU",
    "EG",
    "EC",
    "EEG",
    "EEC",
    "Euratom",
    "EGA",
    "EAEC",
    "EGKS",
    "ECSC",
    "GBVB",
    "CFSP",
    "JBZ",
    "JHA",
)

#: Words that join two issuers inside one bracket: ``(EU, Euratom)``.
ISSUER_JOINERS: tuple[str, ...] = (",", "en", "and", "/")

#: Markers of a number written before the year (``No 1291/2013``, ``nr. 1907/2006``).
NUMBER_MARKERS: tuple[str, ...] = ("no", "nr", "n°", "nº", "number", "nummer")

#: Words that join a list of references after one act noun:
#: ``Verordeningen (EU) 2021/1173 en (EU) 2021/694``.
LIST_JOINERS: tuple[str, ...] = (",", ";", "en", "and", "of", "or", "en/of", "and/or")

#: Commission document series -> doc type. ``COM(2024) 28``, ``SWD(2024) 12``,
#: ``JOIN(2023) 20`` (joint communications with the High Representative),
#: ``C(2024) 390`` (Commission decisions and other acts; no CELEX of their own).
DOCUMENT_SERIES: tuple[str, ...] = ("COM", "SWD", "JOIN", "C")

#: A word after a Commission document number that belongs to it: ``COM(2024) 28 final``.
DOCUMENT_SUFFIXES: tuple[str, ...] = ("final",)

#: Words that announce a CELEX number: ``CELEX 32021R1173``, ``CELEX:32021R1173``.
CELEX_WORDS: tuple[str, ...] = ("celex", "celex-nummer", "celex number", "celex nr")

# --- COM(...) documents: communication (CELEX ..DC..) or proposal (..PC..)? ---
#
# policykg.legalrefs.classify_com reads the words before the reference in the same
# sentence and takes the nearest of these nouns that heads its phrase.

#: Nouns that make a COM document a communication (CELEX 5YYYYDCNNNN): communications,
#: strategies, plans, reports, white and green papers.
COM_COMMUNICATION_WORDS: tuple[str, ...] = (
    # nl
    "mededeling",
    "mededelingen",
    "strategie",
    "strategieën",
    "actieplan",
    "actieplannen",
    "verslag",
    "verslagen",
    "rapport",
    "witboek",
    "groenboek",
    "routekaart",
    "kompas",
    "plan",
    "evaluatie",
    # en
    "communication",
    "communications",
    "strategy",
    "strategies",
    "action plan",
    "action plans",
    "report",
    "reports",
    "white paper",
    "green paper",
    "roadmap",
    "compass",
    "plan",
    "evaluation",
)

#: Nouns that make a COM document a proposal (CELEX 5YYYYPCNNNN): the proposal itself
#: or the act it proposes (``AI-verordening (COM(2021) 206)``).
COM_PROPOSAL_WORDS: tuple[str, ...] = (
    # nl
    "voorstel",
    "voorstellen",
    "wetsvoorstel",
    "wetgevingsvoorstel",
    "verordening",
    "richtlijn",
    "besluit",
    "wet",
    "voorgesteld",
    "voorgestelde",
    "stelde",
    # en
    "proposal",
    "proposals",
    "proposed",
    "tabled",
    "legislative proposal",
    "regulation",
    "directive",
    "decision",
    "act",
)

#: Dutch nouns of the two lists above that also end a compound written as one word or
#: with a hyphen: ``datastrategie``, ``AI-verordening``, ``wetsvoorstel``, ``Datawet``.
COM_COMPOUND_TAILS: tuple[str, ...] = (
    "mededeling",
    "strategie",
    "actieplan",
    "plan",
    "verslag",
    "voorstel",
    "verordening",
    "richtlijn",
    "besluit",
    "wet",
)

#: Words that, within three words before a noun, make it the complement of an earlier
#: noun rather than the head: in ``verslag over de toepassing van de AVG-verordening``
#: the document is a report, not a regulation.
COM_LINKING_WORDS: tuple[str, ...] = (
    # nl
    "van",
    "over",
    "voor",
    "tot",
    "inzake",
    "betreffende",
    "wijziging",
    # en
    "of",
    "on",
    "for",
    "amending",
    "concerning",
    "under",
)

#: What a COM document is when no noun says: communications, reports and white papers
#: outnumber proposals among COM documents, and news text almost always names a
#: proposal as one (``voorstel``, ``proposal``) or by the act it proposes.
COM_DEFAULT_KIND: str = "DC"
