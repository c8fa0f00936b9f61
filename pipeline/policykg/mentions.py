"""Finding mentions: vocabulary matches, legal references, named things not in the
vocabulary, unnamed instruments ("een besluit om ...") and short forms that refer
back ("die verordening", "the Agency").

Everything here works on one spaCy ``Doc`` and returns :class:`Candidate` spans with
character offsets; :mod:`policykg.linking` decides which node each one denotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from .lang.rules import LanguageRules, for_language
from .legalrefs import find_legal_refs

#: Kinds of candidate, strongest evidence first.
PRECEDENCE = {"legal": 5, "vocab": 4, "name": 3, "acronym": 2, "anon": 1, "coref": 0}

_QUOTED = re.compile(r"[“\"‘«]\s*([^“”\"‘’«»\n]{2,80}?)\s*[”\"’»]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9@&\-]*[A-Z0-9]$")


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # legal | vocab | name | acronym | anon | coref
    cls: str | None
    iri: str | None = None  # known identity: vocabulary entry or CELEX node
    celex: str | None = None
    eli: str | None = None
    label: str | None = None  # a descriptive label (unnamed instruments)
    head: str | None = None  # the noun of an unnamed instrument or short form
    bracketed: bool = False  # inside brackets right after what it names
    extra: dict = field(default_factory=dict)

    @property
    def precedence(self) -> int:
        return PRECEDENCE[self.kind]


def _is_namelike(text: str) -> bool:
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


def vocabulary_candidates(doc: Doc) -> list[Candidate]:
    return [
        Candidate(s.start_char, s.end_char, s.text, "vocab", s.label_, iri=s.kb_id_)
        for s in doc.spans.get("pk_vocab", [])
    ]


def legal_candidates(text: str) -> list[Candidate]:
    return [
        Candidate(r.start, r.end, r.text, "legal", r.cls, celex=r.celex, eli=r.eli)
        for r in find_legal_refs(text)
    ]


def _head_class(word: str, rules: LanguageRules, other: LanguageRules | None) -> str | None:
    """The class a head noun gives a name ("Board" -> Institution), in either language."""
    return _head_class_cached(word.lower(), rules.lang, other.lang if other is not None else None)


@lru_cache(maxsize=100_000)
def _head_class_cached(word: str, lang: str, other_lang: str | None) -> str | None:
    rules = for_language(lang)
    other = for_language(other_lang) if other_lang else None
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])
    for r in (rules, other):
        if r is None:
            continue
        for form in forms:
            if form in r.name_heads:
                return r.name_heads[form]
            if form in r.instrument_nouns:
                return r.instrument_nouns[form]
    if rules.lang == "nl" and len(word) > 8:
        # Dutch closed compounds: "cyberbeveiligingsreserve", "vaardighedenacademie"
        for head in sorted(rules.name_heads, key=len, reverse=True):
            if len(head) >= 6 and word.endswith(head) and len(word) - len(head) >= 4:
                return rules.name_heads[head]
    return None


def _capitalised(token) -> bool:
    """Starts with a capital or digit, and is not a month name ("on 24 April 2024" ends a name)."""
    return (token.text[:1].isupper() or token.text[:1].isdigit()) and token.lower_ not in _MONTHS and not (
        token.text.isdigit() and len(token.text) == 4 and token.i > 0 and token.doc[token.i - 1].lower_ in _MONTHS
    )


_NAME_ADJECTIVES = {"europees", "europese", "eu", "nationaal", "nationale", "gemeenschappelijk", "gemeenschappelijke"}

_GENERIC_ACT_COMPOUNDS = {
    "uitvoeringsverordening", "basisverordening", "wijzigingsverordening", "kaderverordening", "kaderrichtlijn",
    "uitvoeringsrichtlijn", "omnibusverordening", "gedelegeerde", "herschikkingsverordening", "voorstelverordening",
}

_DEMONSTRATIVES = {"die", "deze", "dit", "dat", "that", "this", "these", "those"}

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
}


def _sentence_starts(doc: Doc) -> set[int]:
    return {sent.start for sent in doc.sents}


def name_candidates(doc: Doc, rules: LanguageRules, other: LanguageRules | None = None,
                    tokens: list | None = None, sent_starts: set[int] | None = None,
                    text: str | None = None) -> list[Candidate]:
    """Named things not (necessarily) in the vocabulary, typed by their head noun."""
    found: list[Candidate] = []
    tokens = tokens if tokens is not None else list(doc)
    sent_starts = sent_starts if sent_starts is not None else _sentence_starts(doc)
    n = len(tokens)
    # 1. compounds with a telling head: "AI@EC-mededeling", "EuroHPC-verordening", "Net-Zero-platform"
    for i in range(n - 2):
        if tokens[i + 1].text in {"-", "\u2010", "\u2011"} and not tokens[i + 1].whitespace_ and not tokens[i].whitespace_:
            head = tokens[i + 2]
            cls = _head_class(head.text, rules, other)
            if cls and _is_namelike(tokens[i].text) and tokens[i].is_alpha | any(c.isalnum() for c in tokens[i].text):
                first = i
                while first >= 2 and tokens[first - 1].text == "-" and not tokens[first - 2].whitespace_ and not tokens[first - 1].whitespace_:
                    first -= 2
                span = doc[first: i + 3]
                found.append(Candidate(span.start_char, span.end_char, span.text, "name", cls, head=head.text.lower()))
    # 2. capitalised multiword names ending in a head noun: "Net-Zero Europe Platform", "Apply AI Strategy"
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.text[:1].isupper() and tok.lower_ not in rules.definite | rules.indefinite and not (tok.i in sent_starts or tok.lower_ in {"de", "het", "the", "een", "a", "an"}):
            j = i
            last_head = None
            while j < n:
                t = tokens[j]
                if _capitalised(t) or (t.text == "-" and not t.whitespace_):
                    if _head_class(t.text, rules, other) and t.text[:1].isupper():
                        last_head = j
                    j += 1
                    continue
                if (t.lower_ in rules.name_connectors or (other is not None and t.lower_ in other.name_connectors)) \
                        and j + 1 < n and _capitalised(tokens[j + 1]) and not tokens[j + 1].text.isdigit():
                    j += 1
                    continue
                break
            end = j
            while end - 1 > i and (tokens[end - 1].lower_ in rules.name_connectors or tokens[end - 1].text == "-"):
                end -= 1
            if last_head is not None and last_head > i and last_head == end - 1:
                span = doc[i: last_head + 1]
                type_head = last_head
                for k in range(i, last_head):
                    if _head_class(tokens[k].text, rules, other) == "Institution" and tokens[k + 1].lower_ in {"for", "of", "voor", "van"}:
                        type_head = k
                        break
                cls = _head_class(tokens[type_head].text, rules, other)
                found.append(Candidate(span.start_char, span.end_char, span.text, "name", cls, head=tokens[last_head].lower_))
            i = max(j, i + 1)
        else:
            i += 1
    # 2b. names whose head comes first: "Europees Comité voor data-innovatie", "Agency for Cybersecurity"
    for i, tok in enumerate(tokens):
        if i + 2 >= n or _head_class(tok.text, rules, None) is None or tok.lower_ in rules.instrument_nouns:
            continue
        glued_prefix = i > 1 and tokens[i - 1].text == "-" and not tokens[i - 2].whitespace_ and _capitalised(tokens[i - 2])
        if not tok.text[:1].isupper() and not glued_prefix and not (
            i > 0 and tokens[i - 1].lower_ in _NAME_ADJECTIVES and tokens[i - 1].text[:1].isupper()
        ):
            continue
        if tokens[i + 1].lower_ not in {"voor", "van", "for", "of", "inzake", "on", "ter", "tot", "to"}:
            nxt = tokens[i + 1]
            if (rules.lang == "nl" and tok.text[:1].isupper() and _capitalised(nxt) and not nxt.text.isdigit()
                    and nxt.lower_ not in rules.name_heads):
                k = i + 2
                # "Inspectie Leefomgeving en Transport", "Autoriteit Consument & Markt"
                while k + 1 < n and tokens[k].lower_ in {"en", "&", "van", "voor"} and _capitalised(tokens[k + 1]) \
                        and not tokens[k + 1].text.isdigit():
                    k += 2
                span = doc[i: k]
                found.append(Candidate(span.start_char, span.end_char, span.text, "name", _head_class(tok.text, rules, None),
                                       head=tok.lower_))
            continue
        first = i - 1 if i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].lower_ not in rules.definite else i
        if glued_prefix:
            first = i - 2
        j = i + 2
        seen_capital = False
        while j < n and j - i < 11:
            t = tokens[j]
            if t.is_punct and t.text != "-" or t.is_space or t.lower_ in rules.name_stops or _verb_like(t.lower_, rules):
                break
            if t.text[:1].isdigit() or t.lower_ in _MONTHS:
                break
            capital = t.text[:1].isupper() and t.lower_ not in _NAME_ADJECTIVES
            if seen_capital and not capital and t.lower_ not in rules.name_connectors:
                break
            if not capital and t.lower_ not in rules.name_connectors and t.text != "-" and rules.lang != "nl":
                break
            seen_capital = seen_capital or capital
            j += 1
        while j - 1 > i + 1 and (tokens[j - 1].lower_ in rules.name_connectors or tokens[j - 1].text == "-"):
            j -= 1
        if j > i + 2:
            span = doc[first:j]
            found.append(Candidate(span.start_char, span.end_char, span.text, "name", _head_class(tok.text, rules, None),
                                   head=tok.lower_))
    # 3. quoted names, typed by the head noun next to the quotes
    text = doc.text if text is None else text
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if not name[:1].isupper() and not name[:1].isdigit() or len(name.split()) > 8:
            continue
        after = re.match(r"[\s-]*(\w+)", text[m.end(): m.end() + 40])
        before = re.search(r"(\w+)\s*$", text[max(0, m.start() - 40): m.start()])
        cls = None
        if after:
            cls = _head_class(after.group(1), rules, other)
        if cls is None and before:
            cls = _head_class(before.group(1), rules, other)
        if cls:
            start = m.start(1)
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    # 4. names explained by an apposition: "the AI Pact, a voluntary initiative"
    for m in _APPOSITION.finditer(text):
        before = text[max(0, m.start() - 12): m.start()].split()
        if before and before[-1].lower() in {"in", "at", "on", "to", "from", "te", "op", "naar", "uit", "bij", "van"}:
            continue
        words = m.group("name").split()
        while words and words[0].lower() in {"the", "de", "het", "een", "a", "an", "this", "dit", "deze"}:
            words.pop(0)
        if not words or not any(c.isupper() for c in "".join(words)):
            continue
        cls = None
        for word in m.group("tail").split():
            cls = _head_class(word, rules, other)
            if cls:
                break
        if cls is None:
            continue
        name = " ".join(words)
        start = m.end("name") - len(words[-1])
        start = text.rfind(name, m.start("name"), m.end("name"))
        if start >= 0:
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    return [_generic_to_coref(c, rules, other) for c in found]


def _verb_like(word: str, rules: LanguageRules) -> bool:
    """A word that ends a name because it is (most likely) a verb: "adviseert", "heeft", "supports"."""
    if word in rules.trigger_words or word in _COMMON_VERBS:
        return True
    return rules.lang == "nl" and len(word) > 5 and (word.endswith("eert") or word.endswith("eren"))


_COMMON_VERBS = {
    "heeft", "hebben", "wordt", "worden", "werd", "werden", "zal", "zullen", "moet", "moeten", "kan", "kunnen", "krijgt",
    "helpt", "werkt", "brengt", "houdt", "geeft", "biedt", "start", "begint", "treedt", "trad", "geldt", "gaat", "komt",
    "ondersteunt", "adviseert", "coördineert", "bundelt", "verbindt", "legt", "stelt", "zorgt", "speelt", "telt",
    "has", "have", "had", "will", "would", "can", "could", "must", "shall", "should", "may", "is", "are", "was", "were",
    "supports", "advises", "coordinates", "helps", "brings", "works", "gets", "gives", "starts", "begins", "takes",
}


def _generic_to_coref(cand: Candidate, rules: LanguageRules, other: LanguageRules | None) -> Candidate:
    """A "name" made only of generic words ("Gemeenschappelijke Onderneming", "Joint Undertaking",
    "EU-programma") is a short form of a name used before, not a new thing."""
    words = [w for w in re.split(r"[\s\-]+", cand.text.lower()) if w]
    if not words or not all(w in _GENERIC_NAME_WORDS or _head_class(w, rules, other) for w in words):
        return cand
    head = next((w for w in reversed(words) if _head_class(w, rules, other)), words[-1])
    return Candidate(cand.start, cand.end, cand.text, "coref", cand.cls, head=head, extra={"strict": True})


_GENERIC_NAME_WORDS = {
    "eu", "europees", "europese", "european", "gemeenschappelijke", "gemeenschappelijk", "joint", "uitvoerend",
    "executive", "new", "nieuwe", "nieuw", "national", "nationale", "nationaal", "high-level", "the", "de", "het",
    "for", "voor", "of", "van",
}


_APPOSITION = re.compile(
    r"(?P<name>(?:[A-Z][\w@&\-]*\s+){0,4}[A-Z][\w@&\-]*),\s+(?:a|an|een|the|de|het)\s+(?P<tail>(?:[a-z][\w\-]*\s*){1,4})"
)


_SECTOR_COMPOUND = {
    "nl": re.compile(r"(?<![\w-])([a-zà-ÿ]{3,}(?:sector|industrie|branche))\b"),
    "en": re.compile(r"\b((?:[a-z][a-z-]{2,}\s){1,2}(?:sector|industry))\b"),
}
_NOT_SECTORS = {"publieke", "private", "particuliere", "hele", "gehele", "deze", "die", "de", "het", "this", "that", "the",
                "whole", "entire", "public", "private", "same", "other", "andere", "each", "every", "elke", "iedere"}


def sector_word_candidates(text: str, rules: LanguageRules) -> list[Candidate]:
    """Words that name a sector by their form: "telecomsector", "maakindustrie", "the steel industry"."""
    found = []
    for m in _SECTOR_COMPOUND[rules.lang].finditer(text):
        name = m.group(1)
        words = name.split()
        if words[0] in _NOT_SECTORS or name in {"sector", "industrie", "branche"}:
            continue
        if rules.lang == "en" and words[0] in {"a", "an", "of", "in", "for", "and", "or", "to", "on", "its", "their"}:
            words = words[1:]
            if not words or len(words) == 1:
                continue
            name = " ".join(words)
        start = m.end(1) - len(name)
        found.append(Candidate(start, m.end(1), name, "name", "Sector", head=None, extra={"weak": True}))
    return found


_LIST_SPLIT = {
    "nl": re.compile(r"\s*,\s*|(?<!-)\s+(?:en|of)\s+"),
    "en": re.compile(r"\s*,\s*|(?<!-)\s+(?:and|or)\s+"),
}


def sector_list_candidates(text: str, rules: LanguageRules) -> list[Candidate]:
    """Members of a sector list ("sectoren zoals energie, drinkwater en afvalbeheer") are sectors,
    whether or not the vocabulary has them; linking still finds those it has."""
    found = []
    for pattern in rules.sector_lists:
        for m in pattern.finditer(text):
            start = m.start("L")
            for part in _LIST_SPLIT[rules.lang].split(m.group("L")):
                offset = text.find(part, start) if part else -1
                if offset < 0:
                    continue
                start = offset + len(part)
                words = part.split()
                while words and words[0].lower() in {"zoals", "waaronder", "such", "as", "including", "like", "de", "het", "the"}:
                    words.pop(0)
                if not words or len(words) > 4 or words[0].lower() in rules.sector_list_stops:
                    continue
                if any(any(c.isdigit() for c in w) or w[:1].isupper() for w in words):
                    continue
                if any("sector" in w.lower() or w.lower() in {"en", "and", "andere", "other"} for w in words):
                    continue
                name = " ".join(words)
                name_start = text.find(name, offset, offset + len(part) + 1)
                if name_start < 0:
                    continue
                found.append(Candidate(name_start, name_start + len(name), name, "name", "Sector", head=None))
    return found


def acronym_candidates(text: str, taken: list[Candidate]) -> list[Candidate]:
    """``(ACRONYM)`` right after a name: an alias that takes the class of what it follows."""
    found = []
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z0-9@&\-]{1,15})\s*\)", text):
        word = m.group(1)
        if not _ACRONYM.match(word) or sum(c.isupper() for c in word) < 2:
            continue
        start = m.start(1)
        found.append(Candidate(start, start + len(word), word, "acronym", None, bracketed=True))
    return found


def noun_candidates(doc: Doc, rules: LanguageRules, tokens: list | None = None,
                    sent_starts: set[int] | None = None) -> list[Candidate]:
    """Unnamed instruments ("een besluit", "maatregelenpakket") and short forms ("die verordening")."""
    found = []
    tokens = tokens if tokens is not None else list(doc)
    sent_starts = sent_starts if sent_starts is not None else _sentence_starts(doc)
    # a label never runs into a relation trigger ("een voorstel voor een verordening gepresenteerd")
    multi = sorted((k for k in rules.instrument_nouns if " " in k), key=len, reverse=True)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        width, cls = 1, None
        for phrase in multi:
            words = phrase.split()
            if [t.lower_ for t in tokens[i: i + len(words)]] == words:
                width, cls = len(words), rules.instrument_nouns[phrase]
                break
        if cls is None:
            cls = rules.instrument_class(tok.text)
        head_cls = rules.name_heads.get(tok.lower_)
        if cls is None and head_cls in {"Institution", "Programme", "Initiative"} and i > 0 and tokens[i - 1].lower_ in rules.definite:
            # "het agentschap", "the Board", "the Programme", "het fonds": the last such thing named before
            found.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, "coref", head_cls, head=tok.lower_,
                                   extra={"strict": True, "demonstrative": tokens[i - 1].lower_ in _DEMONSTRATIVES}))
            i += 1
            continue
        if cls is None or (tok.text[:1].isupper() and tok.i not in sent_starts and tok.lower_ not in rules.instrument_nouns):
            i += 1
            continue
        # the determiner, skipping fillers ("de zogenoemde", "the so-called")
        j = i - 1
        while j >= 0 and tokens[j].lower_ in rules.fillers:
            j -= 1
        det = tokens[j].lower_ if j >= 0 else ""
        if det in rules.anon_blockers:
            i += width
            continue
        span = doc[i: i + width]
        head = span.text.lower()
        definite = det in rules.definite
        compound = head not in rules.instrument_nouns
        kind = "coref" if definite and not compound else "anon"
        if compound and rules.lang == "nl" and cls in {"Regulation", "Directive"} and head not in _GENERIC_ACT_COMPOUNDS \
                and len(head) >= 14:
            # "de batterijenverordening", "de gigabitinfrastructuurverordening": the name of an act
            found.append(Candidate(span.start_char, span.end_char, span.text, "name", cls, head=head, extra={"weak": True}))
            i += width
            continue
        nxt = tokens[i + width].lower_ if i + width < len(tokens) else ""
        after = tokens[i + width + 1] if i + width + 1 < len(tokens) else None
        dated = after is not None and (after.text[:1].isdigit() or after.lower_ in _MONTHS)
        if kind == "coref" and nxt in rules.descriptive_prepositions and not dated:
            # "de verordening over de herstel- en veerkrachtfaciliteit" describes, it does not refer back
            kind = "anon"
        cand = Candidate(span.start_char, span.end_char, span.text, kind, cls, head=head,
                         extra={"compound": compound, "demonstrative": det in _DEMONSTRATIVES})
        if kind == "anon":
            cand.label, cand.extra["label_end"] = _descriptive_label(doc, tokens, i, i + width, rules)
        found.append(cand)
        i += width
    return found


def _descriptive_label(doc: Doc, tokens: list, start: int, end: int, rules: LanguageRules) -> tuple[str, int]:
    """The noun phrase an unnamed instrument is introduced with, fillers dropped.

    It runs on only through a preposition ("besluit tot oprichting van ...", "a decision
    establishing ..."), up to punctuation, a line break or a stop word; a purpose clause
    ("besluit om ... op te richten") is kept whole.
    """
    if end >= len(tokens) or tokens[end].lower_ not in rules.label_prepositions:
        return doc[start:end].text, doc[start:end].end_char
    j = end
    purpose = tokens[end].lower_ in {"om", "to"}
    seen_capital = False
    while j < len(tokens) and j - start < 14:
        t = tokens[j]
        if (t.is_punct and t.text not in {"-", "/", "@"}) or t.is_space or "\n" in t.whitespace_:
            break
        if j > end and (t.lower_ in rules.name_stops or t.lower_ in rules.trigger_words) and not purpose:
            break
        capital = t.text[:1].isupper() or t.text[:1].isdigit()
        glued = tokens[j - 1].text == "-" and not tokens[j - 1].whitespace_
        if not purpose and seen_capital and not capital and not glued and t.text != "-" and t.lower_ not in rules.name_connectors:
            break
        seen_capital = seen_capital or capital
        j += 1
        if purpose and tokens[j - 1].lower_ == "te" and j < len(tokens):
            j += 1
            break
    words = []
    for t in tokens[start:j]:
        if t.lower_ in rules.fillers and t.i != start:
            continue
        words.append(t.text + (t.whitespace_ and " "))
    return "".join(words).strip(), doc[start:j].end_char


_APPOSITIVE_BEFORE = re.compile(r"(\d|\))\s*,\s*((the|de|het|an?|een)\s+)?$", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r"\s*([,;)]|(and|en|which|die|dat)\b)", re.IGNORECASE)


def mark_brackets(text: str, candidates: list[Candidate], rules: LanguageRules) -> None:
    """Flag candidates that stand in brackets right after a name: "(ALT-EDIC)", "(COM(2024) 28)",
    and names in apposition after a numbered act: "Directive 2008/98/EC, the Waste Framework
    Directive, ..." or "Regulation (EU) 2025/37, an amendment of the Cybersecurity Act"."""
    for cand in candidates:
        if cand.kind in {"name", "anon", "vocab"}:
            before = _APPOSITIVE_BEFORE.search(text[max(0, cand.start - 20): cand.start])
            if before and (cand.kind == "anon" or _APPOSITIVE_AFTER.match(text[cand.end: cand.end + 12])):
                cand.bracketed = True
                cand.extra["open"] = cand.start - len(before.group(0)) + 1
                cand.extra["apposition"] = True
                continue
        before = text[max(0, cand.start - 30): cand.start]
        m = re.search(r"\(\s*((de|het|the)\s+)?((zogenoemde|zogenaamde|zogeheten|so-called)\s+)?$", before, re.IGNORECASE)
        if not m:
            continue
        after = text[cand.end: cand.end + 12]
        if re.match(r"\s*(\)|,|;)", after) or re.match(r"\s*\(\w{2}\)\s*\)", after):
            cand.bracketed = True
            cand.extra["open"] = cand.start - len(m.group(0))
