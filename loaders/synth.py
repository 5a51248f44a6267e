"""Synthetic initiatives and label awards over the real communes, for benchmarks only.

Everything written here has ``source = 'synthetic'`` (and a summary saying so), so the API,
exports and pages can tell it from real records and a single statement removes it. The
spread imitates the real atlas: more initiatives in populous communes, every domain, years
2000–2025 weighted towards recent ones, label awards for about 2,200 communes over several
editions with levels that move by at most one @ a year. The same seed gives the same rows.
"""

from __future__ import annotations

import dataclasses
import random

import sqlalchemy as sa

from atlas.errors import InputError
from loaders import initiatives, provenance
from loaders.records import LoadReport

SOURCE = "synthetic"
DESCRIPTION = provenance.Source(
    name=SOURCE, title="Données synthétiques",
    attribution="Données synthétiques générées pour les mesures de performance : "
                "ce ne sont pas des initiatives réelles",
    synthetic=True)

# Title stems per domain code; a commune name is appended so titles are varied and
# full-text search has something realistic to chew on.
_STEMS = {
    "education": ["Tablettes dans les écoles", "Espace numérique de travail au collège",
                  "Classes mobiles numériques", "Tableaux numériques interactifs"],
    "mediation": ["Ateliers numériques pour les seniors", "Conseiller numérique itinérant",
                  "Permanences d'aide aux démarches", "Espace public numérique"],
    "services-publics": ["Prise de rendez-vous en ligne", "Portail citoyen des démarches",
                         "Paiement en ligne de la cantine", "Guichet unique numérique"],
    "democratie-locale": ["Budget participatif en ligne", "Consultation citoyenne numérique",
                          "Conseil municipal retransmis en direct"],
    "cohesion-sociale": ["Plateforme de troc citoyen", "Réseau d'entraide entre voisins",
                         "Reconditionnement d'ordinateurs solidaires"],
}
_GENERIC = ["Projet numérique", "Initiative numérique locale", "Service numérique"]


@dataclasses.dataclass
class SynthReport:
    initiatives: int = 0
    awards: int = 0
    communes_with_awards: int = 0
    removed_initiatives: int = 0
    removed_awards: int = 0

    def lines(self) -> list[str]:
        return [f"synthetic: {self.initiatives} initiatives, {self.awards} label awards for "
                f"{self.communes_with_awards} communes (source={SOURCE}; removed "
                f"{self.removed_initiatives} initiatives and {self.removed_awards} awards)"]


def _communes(conn) -> list[tuple[str, str, int]]:
    rows = conn.execute(sa.text(
        "SELECT insee, name, coalesce(population, 0) FROM commune "
        "WHERE point IS NOT NULL ORDER BY insee")).all()
    if not rows:
        raise InputError("no commune with a point: run `python -m atlas load reference` first")
    return [tuple(r) for r in rows]


def _domains(conn) -> list[str]:
    codes = list(conn.scalars(sa.text("SELECT code FROM domain ORDER BY position, code")))
    if not codes:
        raise InputError("the domain taxonomy is empty: run `python -m atlas load domains`")
    return codes


def _year(rng: random.Random) -> int:
    # Weighted towards recent years, as the real fiches are.
    return 2025 - min(25, int(rng.expovariate(1 / 6)))


def initiative_rows(communes, domains, n: int, seed: int) -> list[dict]:
    """``n`` records ready for ``initiatives.merge``, deterministic for ``seed``."""
    rng = random.Random(seed)
    weights = [(pop + 50) ** 0.9 for _, _, pop in communes]
    picked = rng.choices(communes, weights=weights, k=n)
    out = []
    for i, (insee, name, _) in enumerate(picked, start=1):
        codes = sorted(set(rng.sample(domains, k=rng.choice((1, 1, 1, 2, 2, 3)))))
        stem = rng.choice(_STEMS.get(codes[0], _GENERIC))
        out.append(dict(
            title=f"{stem} à {name}",
            summary=f"Fiche synthétique n° {i} (graine {seed}), générée pour les mesures de "
                    "performance : ce n'est pas une initiative réelle.",
            year=_year(rng), url=None, commune_insee=insee, epci_siren=None,
            lon=None, lat=None, source_id=f"synth-{seed}-{i}", geocode_method="synthetic",
            geocode_score=1.0, domains=codes))
    return out


def award_rows(communes, n_communes: int, seed: int) -> list[dict]:
    """Label awards for ``n_communes`` communes, a run of consecutive editions each."""
    rng = random.Random(seed + 1)
    weights = [(pop + 500) ** 1.1 for _, _, pop in communes]
    chosen: dict[str, None] = {}
    while len(chosen) < min(n_communes, len(communes)):
        chosen[rng.choices(communes, weights=weights)[0][0]] = None
    out = []
    for insee in chosen:
        first = rng.randint(2010, 2025)
        last = rng.randint(first, min(2026, first + 8))
        level = rng.choice((1, 2, 2, 3, 3, 4, 5))
        for year in range(first, last + 1):
            out.append(dict(commune_insee=insee, year=year, level=level))
            level = max(1, min(5, level + rng.choice((0, 0, 0, 1, -1))))
    return out


# A real award for the same commune and year wins: synthetic ones never overwrite it.
_AWARD = sa.text("""
    INSERT INTO label_award (commune_insee, year, level, source)
    SELECT c, y, l, :source
    FROM unnest(CAST(:communes AS text[]), CAST(:years AS int[]), CAST(:levels AS int[]))
         AS a(c, y, l)
    ON CONFLICT (commune_insee, year) WHERE commune_insee IS NOT NULL DO UPDATE
    SET level = excluded.level
    WHERE label_award.source = excluded.source AND label_award.level <> excluded.level
    RETURNING commune_insee""")
_REMOVE_AWARDS = sa.text("""
    DELETE FROM label_award WHERE source = :source
      AND NOT (coalesce(commune_insee, epci_siren) || ':' || year = ANY(:keys))
    RETURNING coalesce(commune_insee, epci_siren)""")


def run(conn, changes, n_initiatives: int, n_award_communes: int, seed: int) -> SynthReport:
    """Make the synthetic rows the deterministic set of ``seed``, in the caller's write
    (``loaders.pipeline``): rows already there stay, others are added or removed, so
    the same run twice writes nothing; ``changes`` learns what moved."""
    report = SynthReport()
    communes, domains = _communes(conn), _domains(conn)
    records = initiative_rows(communes, domains, n_initiatives, seed)
    loaded = LoadReport(source=SOURCE)
    initiatives.merge(conn, records, DESCRIPTION, loaded, changes)
    initiatives.remove_missing(conn, SOURCE, records, loaded, changes)
    report.initiatives, report.removed_initiatives = len(records), loaded.removed
    awards = award_rows(communes, n_award_communes, seed)
    removed = list(conn.scalars(_REMOVE_AWARDS, {
        "source": SOURCE, "keys": [f"{a['commune_insee']}:{a['year']}" for a in awards]}))
    report.removed_awards = len(removed)
    changes.holders.update(removed)
    changes.holders.update(conn.scalars(_AWARD, {
        "source": SOURCE, "communes": [a["commune_insee"] for a in awards],
        "years": [a["year"] for a in awards], "levels": [a["level"] for a in awards]}))
    report.awards = conn.scalar(sa.text(
        "SELECT count(*) FROM label_award WHERE source = :source"), {"source": SOURCE})
    report.communes_with_awards = conn.scalar(sa.text(
        "SELECT count(DISTINCT commune_insee) FROM label_award WHERE source = :source"),
        {"source": SOURCE})
    return report
