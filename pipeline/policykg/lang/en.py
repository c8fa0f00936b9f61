"""English language data: constants only, read by the language-neutral code.

``FUNCTION_WORDS`` are the closed-class words (articles, pronouns, prepositions,
conjunctions, auxiliaries, common adverbs) that :func:`policykg.normalise.detect_language`
counts; lower case.
"""

FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the a an
    and or but nor so yet
    of to in on at by for with from into onto about over under between through during
    before after above below up down out off against among within without across along
    around behind beyond upon towards toward
    is are was were be been being am have has had having do does did will would shall
    should can could may might must
    this that these those which who whom whose what where when why how
    it its he she they them their theirs his her hers him we us our ours you your yours
    i me my mine itself themselves
    not no than then there here also as if while because although though since until
    unless whether such each every all both either neither any some more most other
    another only very just too again further once own same few many much however
    therefore thus already still
    """.split()
)
