"""Dutch language data: constants only, read by the language-neutral code.

``FUNCTION_WORDS`` are the closed-class words (articles, pronouns, prepositions,
conjunctions, auxiliaries, common adverbs) that :func:`policykg.normalise.detect_language`
counts; lower case.
"""

FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    de het een 't 'n
    en of maar want dus noch
    van in op aan met voor door bij naar om over uit tot tegen tussen onder na sinds
    zonder binnen buiten via volgens tijdens per ter ten te langs rond rondom achter
    naast boven beneden vanaf vanuit jegens omtrent
    is zijn was waren wordt worden werd werden ben bent heeft hebben heb hebt had hadden
    zal zullen zult zou zouden kan kunnen kon konden moet moeten moest moesten mag mogen
    mocht wil willen wilde wilden
    dat die dit deze wat wie waar wanneer hoe waarom welke welk
    er hij zij ze wij we u jij je ik hem haar hun hen ons onze uw mijn jouw zich zelf
    niet geen ook nog al wel zo dan als toen omdat hoewel terwijl indien mits zodat zoals
    waarin waarbij waarmee waarvan waardoor waarop waaronder waarna daar hier nu
    meer veel alle elk elke ieder iedere enkele andere ander meeste zeer heel erg reeds
    echter bovendien alsook evenals hierbij daarbij daarnaast daarmee daarvan daarom
    hiervoor daarvoor eveneens namelijk
    """.split()
)
