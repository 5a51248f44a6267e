"""S10 (``loaders/press/quotes.py``): an official's first-person quote about the label,
read as the sentence of the collectivité the speaker is an official of."""

from __future__ import annotations

from loaders import press

HEAD = "Publié le 8 février 2024\n"


def got(text: str) -> set[tuple[str, int, int]]:
    return {(a.collectivite, a.year, a.level) for a in press.extract(HEAD + text, {}).awards}


def test_a_quote_attributed_after_it():
    assert got("« Nous sommes passés de trois à quatre @ », se félicite le maire "
               "d'Aville.") == {("Aville", 2024, 4)}
    assert got("« Nous avons obtenu cinq arobases cette année, après quatre en 2022 », "
               "explique Jeanne Martin, maire de Beville.") == {
        ("Beville", 2024, 5), ("Beville", 2022, 4)}


def test_a_quote_announced_before_it():
    assert got("Le maire de Ceville se réjouit : « Notre ville a reçu trois arobases au "
               "label Villes Internet. »") == {("Ceville", 2024, 3)}


def test_quotes_that_give_nothing():
    # another town named in the quote, an aim, a question, a speaker of no town, no "nous"
    assert got("« Comme Aville, nous avons quatre @ », explique le maire de Beville.") == set()
    assert got("« Nous visons la quatrième @ », explique le maire de Beville.") == set()
    assert got("« Avons-nous mérité nos quatre @ ? », lance le maire de Beville.") == set()
    assert got("« Nous avons décerné quatre @ », explique la présidente du jury.") == set()
    assert got("« Elles ont obtenu quatre @ », explique le maire de Beville.") == set()
