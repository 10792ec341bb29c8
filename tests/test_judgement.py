"""The judgement table: findings on the default data that a reader of the seeds calls true or false.

Each row names a finding (gap type, subject, a word of its message), what the analysis must say about it — a
``gap``, ``unknown``, or ``none`` (no finding) — whether a reader of the sources calls the finding that
was (or would be) reported *true* or *false*, and the sentence of the source that settles it. The table grows with
every fix: it is how we know the analysis stays honest. Run with the default data, as of each plan's own date.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from ecosysteem.analysis.gaps import Finding, Status, find_gaps
from ecosysteem.graph import Ecosystem


class Judgement(NamedTuple):
    gap: str
    subject: str  # a part of the subject's Dutch name
    message: str  # a part of the Dutch message ("" for any)
    expected: str  # "gap", "unknown" or "none"
    verdict: bool  # would a reader of the sources call a gap here true?
    source: str  # the seed sentence that settles it


TABLE = [
    Judgement(
        "no-owner-no-period",
        "Toereikend aanbod palliatieve zorg",
        "Geen verantwoordelijke",
        "gap",
        True,
        "seed 004, Toereikend aanbod palliatieve zorg, wie: 'Nog op te starten werkgroep.'",
    ),
    Judgement(
        "missing-partner-types",
        "Netwerken Palliatieve Zorg Twente",
        "apotheek",
        "gap",
        True,
        "seed 004 names its partners (IKNL, ZGT, MST, Menzis, VGZ, Saxion, ROC van Twente, CIVO, hospices, VPTZ, "
        "PaTz, gemeenten …) and no pharmacy anywhere in the plan",
    ),
    Judgement(
        "missing-partner-types",
        "IJssel-Vecht",
        "hospice",
        "gap",
        True,
        "seed 001's Wie columns name 'Ziekenhuis, GV, Thuiszorg, Verpleeghuiszorg, Consultteams', 'Huisarts, "
        "apotheker, netwerkcoördinator, Mediq' — no hospice or bijna-thuis-huis",
    ),
    Judgement(
        "chain-not-connected",
        "Acute Zorgregio Oost",
        "",
        "gap",
        True,
        "seed 003 builds zorgcoördinatie with the ROAZ, Berenschot and 'een professionele en bestuurlijke werktafel' "
        "and names no palliative network",
    ),
    Judgement(
        "goal-without-activity",
        "Proactieve zorgplanning",
        "",
        "gap",
        True,
        "seed 001: 'De twee hoofddoelstellingen zijn: … Proactieve zorgplanning (ACP)'; none of the six "
        "werkgroepen' items is an ACP activity",
    ),
    Judgement(
        "level-disconnect",
        "Netwerk Palliatieve Zorg Oost-Veluwe",
        "",
        "unknown",
        False,
        "shared/reference/README.md: the seven consortia 'were created … around the umc expertise centres'; every "
        "network belongs to one — an empty cell in networks.csv is missing data, not a network outside the hive",
    ),
    Judgement(
        "function-not-served",
        "Consortium Propallia",
        "",
        "unknown",
        False,
        "no seed describes Propallia's work; the graph holds no activity or plan of it",
    ),
    Judgement(
        "function-not-served",
        "Consortium Ligare",
        "Samenhang en kwaliteit",
        "none",
        False,
        "seeds 001 and 004 are the regional plans of two Ligare networks (001: 'geen bijenkorffuncties … elk "
        "item is regionaal'), not a plan of Ligare: they do not say what Ligare does not do",
    ),
    Judgement(
        "loop-without-partner",
        "Leermiddelen afstemmen",
        "",
        "none",
        False,
        "seed 002 lists 'Leermiddelen afstemmen' among the 'Bovenregionale acties': a concept of the plate, not an "
        "activity anyone carries out",
    ),
    Judgement(
        "no-owner-no-period",
        "Netwerken Palliatieve Zorg Twente",
        "verstreken",
        "none",
        False,
        "seed 004 is the 'Jaarplan 2021': read in 2021, none of its activities had ended without result",
    ),
    Judgement(
        "no-owner-no-period",
        "Verbeterpilot Utrecht stad",
        "Geen verantwoordelijke",
        "none",
        False,
        "seed 000: 'Raedelijn heeft samen met netwerkcoördinator Mirjam Velting de projectleiding' — the pilots are "
        "part of that project",
    ),
    Judgement(
        "single-point-of-failure",
        "Acute Zorgregio Oost",
        "delen uiteen",
        "none",
        False,
        "seed 003 records AZO's own work tables, not their members: the parties hanging on AZO alone are what the "
        "data holds, not what the region depends on",
    ),
    Judgement(
        "single-point-of-failure",
        "Consortium Ligare",
        "delen uiteen",
        "none",
        False,
        "seed 002: 'Bovenregionaal worden netwerken palliatieve zorg met elkaar in contact gebracht rond gedeelde "
        "praktijkvraagstukken' — the consortium is where its networks meet by design; the vulnerability the source "
        "speaks of is 'specialistische capaciteit … kwetsbaarheden, continuïteit', a matter of organisations",
    ),
    Judgement(
        "single-point-of-failure",
        "Netwerken Palliatieve Zorg Twente",
        "delen uiteen",
        "none",
        False,
        "seed 004 is the plan of the network that brings its partners together ('Netwerkgroepen', 'Algemeen "
        "bestuursoverleg'): partners meeting through the network is what a network is for, not a weakness",
    ),
    Judgement(
        "single-point-of-failure",
        "Landelijk Overleg Consortia",
        "Enige verbinding met Consortium Propallia",
        "none",
        False,
        "reference national_actors.csv, IKNL: 'partner in all consortia and LOCo' — the consortia also meet through "
        "IKNL (now recorded as a membership of every consortium)",
    ),
    Judgement(
        "no-owner-no-period",
        "Palliatieve Spoedkit",
        "Geen verantwoordelijke",
        "none",
        False,
        "seed 001, Palliatieve Spoedkit positioneren in de regio, Wie: 'Huisarts, apotheker, netwerkcoördinator, "
        "Mediq'",
    ),
    Judgement(
        "transmural-gap",
        "Netwerken Palliatieve Zorg Twente",
        "",
        "none",
        False,
        "seed 004, Transmurale samenwerking en consultatie: 'Doelstellingen 24/7 de mogelijkheid van consultatie in "
        "de regio Twente voor de eerste en tweede lijn.'",
    ),
    Judgement(
        "transmural-gap",
        "Transmurale samenwerking en consultatie",
        "",
        "none",
        False,
        "seed 004: 'consultatie in de regio Twente voor de eerste en tweede lijn' — not one line only",
    ),
    Judgement(
        "patient-voice-missing",
        "Pilot: Continuïteit",
        "zonder patiënten-/naastenperspectief",
        "gap",
        True,
        "seed 001, goal ACP: 'waarbij het perspectief vanuit de patiënt leidend is en patiëntparticipatie een "
        "voorwaarde'; the pilot serves 'de voorkeursplaats van overlijden', and its Wie names only 'Werkgroep "
        "transmurale samenwerking adherente gebied Isala ziekenhuis'",
    ),
    Judgement(
        "patient-voice-missing",
        "Werkgroep PaTz",
        "",
        "none",
        False,
        "seed 004 makes no such demand of its workgroups: 'De stem van de cliënt wordt meegenomen in de "
        "beleidsvorming' through a 'Cliëntvertegenwoordiger in werkgroep beleid' (IJssel-Vecht's ACP precondition, "
        "seed 001, is not Twente's)",
    ),
    Judgement(
        "patient-voice-missing",
        "Bevorderen (invulling) rol centrale zorgverlener",
        "",
        "none",
        False,
        "seed 004: 'De centrale zorgverlener zorgt in afstemming met de patiënt en diens naasten voor een proactieve "
        "zorgplanning' is about care for the patient, not a demand that patients sit in the workgroup",
    ),
    Judgement(
        "peers-same-theme",
        "Consortium Ligare",
        "implementatie kwaliteitskader",
        "gap",
        True,
        "seed 004: 'Maken plan hoe (onderdelen) van het kwaliteitskader/levenspad te implementeren … Wanneer "
        "2021-2025'; seed 001: 'Inzicht in stand van zaken in individuele organisaties kwaliteitskader … 2024' — "
        "the same theme in 2024, and neither plan names the other network or a shared party",
    ),
    Judgement(
        "missing-partner-types",
        "Netwerken Palliatieve Zorg Twente",
        "verpleeghuis",
        "gap",
        True,
        "seed 004 names hospitals (ZGT, MST), hospices, VPTZ, PaTz, 'wijkverpleegkundigen' and the municipalities, "
        "and no nursing home or VVT organisation anywhere in the plan",
    ),
    Judgement(
        "transmural-gap",
        "Pilot: Continuïteit",
        "",
        "none",
        False,
        "seed 001: Wie 'Werkgroep transmurale samenwerking adherente gebied Isala ziekenhuis' names the area around "
        "Isala, not Isala as a party with one line of care",
    ),
    Judgement(
        "patient-voice-missing",
        "Transmurale verbetering",
        "",
        "none",
        False,
        "seed 000: 'zijn 26 mensen geinterviewd: patienten in de palliatieve fase en naasten. Daaruit is een mooi "
        "boekje voortgekomen, waarin acht aanbevelingen'",
    ),
    Judgement(
        "loop-without-partner",
        "Werkconferentie juni 2023",
        "",
        "none",
        False,
        "seed 000: 'Hoe maken we met alle verschillende zorgorganisaties netwerkzorg mogelijk' — the care providers "
        "of the Septet networks take part in the project and its conference",
    ),
    Judgement(
        "loop-without-partner",
        "Scholingsprogramma voor- en najaar",
        "onderwijsinstelling",
        "gap",
        True,
        "seed 001: the Scholingprogramma is made by the 'Werkgroep deskundigheidsbevordering Met leden uit: "
        "Ziekenhuis, GV, Thuiszorg, Verpleeghuiszorg, Consultteams' — no school or training institute",
    ),
    Judgement(
        "patient-voice-missing",
        "Nationaal Programma Palliatieve Zorg II",
        "",
        "none",
        False,
        "the demand for patient participation comes from the networks' plans (seed 001: 'patiëntparticipatie een "
        "voorwaarde'); the national programme is no activity of a network",
    ),
    Judgement(
        "missing-partner-types",
        "IJssel-Vecht",
        "VPTZ",
        "gap",
        True,
        "seed 001 names no VPTZ (volunteer terminal care) anywhere among the parties of its six werkgroepen",
    ),
    Judgement(
        "peers-same-theme",
        "Consortium Ligare",
        "maatschappelijke bewustwording",
        "none",
        False,
        "seed 004 is the 'Jaarplan 2021' of Twente, seed 001 the 'Jaarplan 2024' of IJssel-Vecht: their IDPZ days "
        "are three years apart, no two networks working side by side",
    ),
]


@pytest.fixture(scope="module")
def findings(eco: Ecosystem) -> list[Finding]:
    return find_gaps(eco)


def _matches(findings: list[Finding], row: Judgement) -> list[Finding]:
    return [
        f
        for f in findings
        if f.gap == row.gap and row.subject in f.subject_label and row.message.casefold() in f.message_nl.casefold()
    ]


@pytest.mark.parametrize("row", TABLE, ids=[f"{r.gap}:{r.subject}:{r.message}" for r in TABLE])
def test_finding_is_judged_as_its_source_says(findings: list[Finding], row: Judgement) -> None:
    found = _matches(findings, row)
    statuses = {f.status.value for f in found}
    if row.expected == "none":
        assert not found, (row.source, found)
    else:
        assert statuses == {row.expected}, (row.source, found)
    # A finding a reader calls false is never reported as a gap; one called true always is.
    assert (Status.gap.value in statuses) == (row.verdict and row.expected == "gap")


def test_the_table_holds_true_and_false_findings() -> None:
    assert sum(r.verdict for r in TABLE) >= 5
    assert sum(not r.verdict for r in TABLE) >= 5
