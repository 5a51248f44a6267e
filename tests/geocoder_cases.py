"""Reference cases for the geocoder, generated from the COG (deterministic for a seed).

Each case is (Reference, expected insee or None, expected status). The generator writes
references the ways people write them — codes, former codes, names with département or
postcode, upper case without accents, "St" abbreviations, the article moved to the end,
one-letter typos — and never uses the geocoder to decide what is right.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter

from loaders.geocoder import AMBIGUOUS, MATCHED, Reference
from atlas.names import fine_key, fold, key

ARTICLE_WORDS = {2: "Le", 3: "La", 4: "Les", 5: "L'"}


def _ascii_upper(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).upper()
    # Only the word Saint is shortened: KERSAINT-PLABENNEC stays whole.
    text = re.sub(r"\bSAINTE ", "STE ", text.replace("-", " "))
    return re.sub(r"\bSAINT ", "ST ", text).replace("'", " ")


def _moved_article(name: str, type_liaison: int | None) -> str | None:
    article = ARTICLE_WORDS.get(type_liaison or 0)
    if not article or not name.startswith(article):
        return None
    rest = name[len(article):].lstrip(" ")
    return f"{rest} ({article.strip()})"


def _typo(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    i = rng.choice(letters[1:-1])
    if rng.random() < 0.5:
        return name[:i] + name[i + 1:]  # a letter dropped ("Hazebrouk")
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]  # two letters swapped


def cases(cog, n: int = 500, seed: int = 1) -> list[tuple[str, Reference, str | None, str]]:
    """(kind, reference, expected insee, expected status) for a sample of communes."""
    rng = random.Random(seed)
    communes = [c for c in cog.communes if c["zone"] != "com"]
    current_keys = Counter(key(c["name"]) for c in communes)
    # Names alike once folded but spelled apart (Vergné / La Vergne) are told apart by
    # their exact spelling.
    current_fine = Counter(fine_key(c["name"]) for c in communes)
    former_keys = Counter(key(a["name"]) for a in cog.aliases if a["name"])
    conflicts = {code for code, _ in cog.conflicts()}
    out = []
    for c in rng.sample(communes, n):
        insee, name, dep = c["insee"], c["name"], c["departement_code"]
        k = key(name)
        out.append(("insee", Reference(insee=insee), insee, MATCHED))
        out.append(("insee+name", Reference(insee=insee, commune=name), insee, MATCHED))
        unique_in_dep = former_keys[k] == 0
        if unique_in_dep:
            out.append(("name+dep", Reference(commune=name, departement=dep), insee, MATCHED))
            out.append(("upper+dep", Reference(commune=_ascii_upper(name), departement=dep),
                        insee, MATCHED))
            moved = _moved_article(name, c["type_liaison"])
            if moved:
                out.append(("article moved+dep", Reference(commune=moved, departement=dep),
                            insee, MATCHED))
            if c["postcodes"]:
                out.append(("name+postcode", Reference(commune=name,
                                                       code_postal=rng.choice(c["postcodes"])),
                            insee, MATCHED))
        if former_keys[k] == 0 and (current_keys[k] == 1 or current_fine[fine_key(name)] == 1):
            out.append(("name alone", Reference(commune=name), insee, MATCHED))
        elif current_keys[k] > 1:
            out.append(("homonym alone", Reference(commune=name), None, AMBIGUOUS))
        if len(fold(name)) >= 8 and unique_in_dep:
            out.append(("typo+dep", Reference(commune=_typo(name, rng), departement=dep),
                        insee, MATCHED))
    formers = [a for a in cog.aliases if a["kind"] == "ancien" and a["code"] not in conflicts]
    for a in rng.sample(formers, min(n, len(formers))):
        out.append(("former code", Reference(insee=a["code"]), a["commune_insee"], MATCHED))
    return out


# Hand-written cases of the kinds real lists contain: (reference, insee, status).
TRICKY = [
    (Reference(commune="Mureaux (Les)"), "78440", MATCHED),
    (Reference(commune="Mureaux, Les", departement="78"), "78440", MATCHED),
    (Reference(commune="MUREAUX LES", departement="Yvelines"), "78440", MATCHED),
    (Reference(commune="ST MAURICE LA CLOUERE"), "86235", MATCHED),
    (Reference(commune="Marcq-en-Baroeul"), "59378", MATCHED),
    (Reference(commune="MARCQ EN BAROEUL", code_postal="59700"), "59378", MATCHED),
    (Reference(commune="Hazebrouk", departement="59"), "59295", MATCHED),
    (Reference(commune="Hazebrouk"), None, "unmatched"),  # a typo alone is not guessed
    (Reference(commune="Paris 15e"), "75056", MATCHED),
    (Reference(commune="PARIS XVe"), "75056", MATCHED),
    (Reference(commune="Marseille 13e Arrondissement"), "13055", MATCHED),
    (Reference(commune="Lyon 3ème", code_postal="69003"), "69123", MATCHED),
    (Reference(insee="75115"), "75056", MATCHED),
    (Reference(insee="69383"), "69123", MATCHED),
    (Reference(insee="01039"), "01138", MATCHED),  # Béon → Culoz-Béon
    (Reference(commune="Béon", departement="01"), "01138", MATCHED),
    (Reference(commune="Béon"), None, AMBIGUOUS),  # Béon (89) or the former Béon (01)
    (Reference(commune="Fourqueux", departement="78"), "78551", MATCHED),
    (Reference(commune="Sainte-Colombe"), None, AMBIGUOUS),
    (Reference(commune="Sainte-Colombe", departement="69"), "69189", MATCHED),
    (Reference(commune="Ajaccio", departement="20"), "2A004", MATCHED),
    (Reference(commune="Bastia", departement="2B"), "2B033", MATCHED),
    (Reference(insee="2A004"), "2A004", MATCHED),
    (Reference(commune="Les Abymes", departement="971"), "97101", MATCHED),
    (Reference(commune="Saint-Denis", departement="974"), "97411", MATCHED),
    (Reference(commune="Saint-Denis"), None, AMBIGUOUS),
    (Reference(commune="Mamoudzou"), "97611", MATCHED),
    (Reference(insee="78440", commune="Versailles"), None, AMBIGUOUS),  # code ≠ name
    (Reference(insee="1001"), "01001", MATCHED),  # a spreadsheet dropped the 0
    (Reference(commune="Abergement-Clémenciat (L')", code_postal="1400"), "01001", MATCHED),
    (Reference(commune="Versaille", code_postal="78000"), "78646", MATCHED),
    (Reference(commune="Nowhere-sur-Rien", departement="78"), None, "unmatched"),
    (Reference(commune="Paris 25e"), None, "unmatched"),
    (Reference(departement="99", commune="Versailles"), None, "unmatched"),
]


def _unaccented(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in text
                                                if not unicodedata.combining(c)))


def former_names(boundaries_path) -> dict[str, str]:
    """Code → name in an older boundary file (ADMIN EXPRESS COG 2018): the names people
    still write for communes renamed since (read without geometries)."""
    import pyogrio

    path = str(boundaries_path)
    frame = pyogrio.read_dataframe(f"/vsigzip/{path}" if path.endswith(".gz") else path,
                                   read_geometry=False)
    code = next(c for c in ("code", "INSEE_COM", "insee") if c in frame.columns)
    name = next(c for c in ("nom", "NOM", "NOM_COM", "name") if c in frame.columns)
    return dict(zip(frame[code], frame[name]))


def messy(cog, old_names: dict[str, str], n: int = 800, seed: int = 7
          ) -> list[tuple[str, Reference, str | None, str]]:
    """(kind, reference, expected insee, expected status): references written the way
    real files write them, built from the COG (and, for renamed communes, the names of
    an older boundary file) without asking the geocoder.

    Kinds: accents dropped (alone, with a postcode), lower case, the article dropped,
    a one-letter typo with a postcode, homonyms with their postcode, postal mentions
    (CEDEX n, BP, the postcode repeated in the name), CEDEX postcodes that are no
    commune's, postal arrondissements, renamed communes written with their old name.
    Where the generator cannot tell a single answer (a dropped accent leaving two
    communes alike), the expected status is ambiguous."""
    rng = random.Random(seed)
    communes = [c for c in cog.communes if c["zone"] != "com"]
    by_code = {c["insee"]: c for c in communes}
    current_keys = Counter(key(c["name"]) for c in communes)
    dep_keys = Counter((c["departement_code"], key(c["name"])) for c in communes)
    # Spellings alike once accents are dropped but apart with them (Champagne/Champagné).
    plain_fine = Counter(fold(fine_key(c["name"])) for c in communes)
    # A former name of another commune than the one written makes it ambiguous alone.
    former_of = {}
    for a in cog.aliases:
        if a["name"]:
            former_of.setdefault(key(a["name"]), set()).add(a["commune_insee"])
    all_postcodes = {pc for c in communes for pc in c["postcodes"]}
    successor = cog.successor()
    out = []

    def add(kind, ref, insee, status=MATCHED):
        out.append((kind, ref, insee, status))

    for c in rng.sample(communes, n):
        insee, name, dep = c["insee"], c["name"], c["departement_code"]
        k, pcs = key(name), c["postcodes"]
        plain = _unaccented(name)
        others = former_of.get(k, set()) - {insee}
        if current_keys[k] == 1 and not others:
            add("accents dropped alone", Reference(commune=plain), insee)
        elif k not in former_of and plain == name and plain_fine[fold(fine_key(name))] == 1 \
                and Counter(fine_key(o["name"]) for o in communes
                            if key(o["name"]) == k)[fine_key(name)] == 1:
            add("accents dropped alone", Reference(commune=plain), insee)
        else:
            add("accents dropped alone", Reference(commune=plain), None, AMBIGUOUS)
        if dep_keys[(dep, k)] != 1 or others or not pcs:
            continue  # the generator keeps to names that are one commune's in their dep
        pc = rng.choice(pcs)
        add("accents dropped+postcode", Reference(commune=plain.upper(), code_postal=pc),
            insee)
        add("lower case+departement", Reference(commune=plain.lower(), departement=dep),
            insee)
        if c["type_liaison"] in ARTICLE_WORDS and name.startswith(
                ARTICLE_WORDS[c["type_liaison"]]):
            bare = name[len(ARTICLE_WORDS[c["type_liaison"]]):].lstrip(" ")
            add("article dropped+postcode", Reference(commune=bare, code_postal=pc), insee)
        if current_keys[k] > 1:
            add("homonym+postcode", Reference(commune=name, code_postal=pc), insee)
        if len(fold(name)) >= 8:
            add("typo+postcode", Reference(commune=_typo(plain.upper(), rng),
                                           code_postal=pc), insee)
        upper = _ascii_upper(name)
        add("CEDEX n+postcode", Reference(commune=f"{upper} CEDEX {rng.randint(1, 9)}",
                                          code_postal=pc), insee)
        add("BP in the name", Reference(commune=f"{upper} BP {rng.randint(10, 999)}",
                                        code_postal=pc), insee)
        add("postcode in the name", Reference(commune=f"{upper} {pc}"), insee)
        if dep.isdigit() and len(dep) == 2:
            cedex = next((f"{dep}{rng.randint(900, 999)}" for _ in range(20)
                          if f"{dep}{rng.randint(900, 999)}" not in all_postcodes), None)
            if cedex and cedex not in all_postcodes:
                add("CEDEX postcode (no commune's)",
                    Reference(commune=f"{upper} CEDEX", code_postal=cedex), insee)
    for city, count, parent, first in (("PARIS", 20, "75056", "750"),
                                       ("MARSEILLE", 16, "13055", "130"),
                                       ("LYON", 9, "69123", "6900")):
        for n_arr in range(1, count + 1):
            suffix = rng.choice(["", "E", "EME", "ème"])
            pc = f"{first}{n_arr:02d}" if city != "LYON" else f"{first}{n_arr}"
            add("postal arrondissement", Reference(commune=f"{city} {n_arr}{suffix}",
                                                   code_postal=pc), parent)
    renamed = sorted((code, old) for code, old in old_names.items()
                     if code in by_code and key(old) != key(by_code[code]["name"]))
    for code, old in renamed:
        c = by_code[code]
        if c["postcodes"]:
            add("renamed, old name+postcode", Reference(
                commune=old, code_postal=rng.choice(c["postcodes"])), successor[code])
    return out
