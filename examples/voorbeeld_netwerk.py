"""Fill the spreadsheet template for a small, fictional network (Lindeland), import it, and look at the result.

This is how ``examples/voorbeeld-netwerk.xlsx`` is made: the script writes into the template's cells by their
headers, just as a coordinator would type them (names, not IRIs; Dutch labels from the drop-down lists). Without
arguments it builds the workbook in a temporary folder, imports it and prints what came in; with ``--write`` it
also (re)writes ``examples/voorbeeld-netwerk.xlsx``.

Run:  python examples/voorbeeld_netwerk.py [--write]

Lindeland, its organisations and its plan are invented. The network names real entities of the default graph
(Consortium Ligare, IKNL, the Kwaliteitskader) to show that names are looked up there too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import ecosysteem
from ecosysteem.graph.workbook import import_workbook, template_workbook, workbook_bytes
from ecosysteem.output import write_atomic

HERE = Path(__file__).resolve().parent

SOURCE = "Jaarplan 2025 Lindeland (fictief voorbeeld)"

ROWS: dict[str, list[dict[str, str]]] = {
    "Bronnen": [
        {
            "naam": SOURCE,
            "titel": "Jaarplan 2025 Netwerk Palliatieve Zorg Lindeland",
            "uitgever": "Netwerk Palliatieve Zorg Lindeland",
            "uitgegeven": "2025",
            "omschrijving": "Verzonnen voorbeeld bij de handleiding van ecosysteem; geen echte organisaties.",
        },
    ],
    "Regio's": [
        {"naam": "Lindeland", "soort": "netwerkregio"},
        {"naam": "Lindestad", "soort": "gemeente", "ligt in": "Lindeland"},
        {"naam": "Lindeveld", "soort": "gemeente", "ligt in": "Lindeland"},
    ],
    "Organisaties": [
        {"naam": "Ziekenhuis Lindeland", "afkorting": "ZLL", "type": "ziekenhuis", "regio's": "Lindeland"},
        {"naam": "Thuiszorg De Linde", "type": "thuiszorg / wijkverpleging", "regio's": "Lindestad; Lindeveld"},
        {"naam": "Hospice De Lindeboom", "type": "hospice", "regio's": "Lindestad"},
        {
            "naam": "Huisartsenkring Lindeland",
            "type": "regionale huisartsenorganisatie / huisartsenpost",
            "regio's": "Lindeland",
        },
        {"naam": "VPTZ Lindeland", "type": "VPTZ-organisatie", "regio's": "Lindeland"},
        {"naam": "Zorgcentrum Eikenhof", "type": "verpleeghuis / VVT-organisatie", "regio's": "Lindeveld"},
        {"naam": "Centrum voor Levensvragen Lindeland", "type": "geestelijke verzorging / centrum voor levensvragen"},
        {"naam": "Gemeente Lindestad", "type": "gemeente", "regio's": "Lindestad"},
    ],
    "Netwerken": [
        {
            "naam": "Netwerk Palliatieve Zorg Lindeland",
            "soort": "netwerk",
            "regio's": "Lindeland",
            "penvoerder": "Ziekenhuis Lindeland",
            "omschrijving": "Verzonnen netwerk, voorbeeld bij de handleiding.",
        },
    ],
    "Lidmaatschappen": [
        *(
            {"lid": org, "van": "Netwerk Palliatieve Zorg Lindeland", "begin": "2025"}
            for org in (
                "Ziekenhuis Lindeland",
                "Thuiszorg De Linde",
                "Hospice De Lindeboom",
                "Huisartsenkring Lindeland",
                "VPTZ Lindeland",
                "Zorgcentrum Eikenhof",
                "Centrum voor Levensvragen Lindeland",
            )
        ),
        {"lid": "Netwerk Palliatieve Zorg Lindeland", "van": "Consortium Ligare", "begin": "2025"},
    ],
    "Werkgroepen": [
        {"naam": "Stuurgroep", "van": "Netwerk Palliatieve Zorg Lindeland", "soort": "stuurgroep"},
        {"naam": "Werkgroep scholing", "van": "Netwerk Palliatieve Zorg Lindeland", "soort": "werkgroep"},
        {
            "naam": "Werkgroep proactieve zorgplanning",
            "van": "Netwerk Palliatieve Zorg Lindeland",
            "soort": "werkgroep",
        },
    ],
    "Plannen": [
        {
            "naam": "Jaarplan 2025 Lindeland",
            "van": "Netwerk Palliatieve Zorg Lindeland",
            "begin": "2025",
            "eind": "2025",
            "gebaseerd op": "Kwaliteitskader Palliatieve Zorg Nederland",
        },
    ],
    "Doelen": [
        {
            "naam": "Proactieve zorgplanning voor iedere patiënt",
            "plan": "Jaarplan 2025 Lindeland",
            "thema": "proactieve zorgplanning (ACP)",
            "vraagt patiëntparticipatie": "ja",
            "omschrijving": "Iedere patiënt in de palliatieve fase heeft tijdig een gesprek over wensen en grenzen; "
            "patiënten en naasten denken mee over de aanpak.",
        },
        {
            "naam": "Zorg thuis, ook 's nachts",
            "plan": "Jaarplan 2025 Lindeland",
            "thema": "capaciteit en beschikbaarheid; consultatie",
            "vraagt patiëntparticipatie": "nee",
        },
    ],
    "Activiteiten": [
        {
            "wat": "Scholing proactieve zorgplanning",
            "plan": "Jaarplan 2025 Lindeland",
            "doel": "Huisartsen en wijkverpleegkundigen voeren tijdig het gesprek over wensen en grenzen.",
            "acties en resultaten": "Twee scholingsavonden; 60 deelnemers.",
            "wie": "Werkgroep scholing met IKNL",
            "wanneer": "voorjaar en najaar 2025",
            "begin": "2025-03",
            "eind": "2025-11",
            "status": "gepland",
            "pijler": "leren en verbeteren",
            "werkgroep": "Werkgroep scholing",
            "kringloop": "onderwijs",
            "functie": "Lerend netwerk",
            "actie": "Coördinatie deskundigheidsbevordering",
            "thema": "proactieve zorgplanning (ACP); deskundigheidsbevordering",
            "soorten deelnemers": "huisarts / huisartsenpraktijk; thuiszorg / wijkverpleging",
            "draagt bij aan doel": "Proactieve zorgplanning voor iedere patiënt",
        },
        {
            "wat": "Afspraken overdracht ziekenhuis naar huis",
            "plan": "Jaarplan 2025 Lindeland",
            "doel": "Geen patiënt in de palliatieve fase gaat naar huis zonder overdracht aan huisarts en "
            "wijkverpleging.",
            "wie": "Ziekenhuis Lindeland, Thuiszorg De Linde, Huisartsenkring",
            "wanneer": "2025",
            "begin": "2025",
            "eind": "2025",
            "pijler": "coördinatie",
            "kringloop": "praktijk",
            "functie": "Samenhang en kwaliteit",
            "thema": "transmurale samenwerking; continuïteit van zorg",
        },
        {
            "wat": "Informatieavond voor inwoners",
            "soort": "bijeenkomst",
            "plan": "Jaarplan 2025 Lindeland",
            "doel": "Inwoners weten wat palliatieve zorg is en waar ze terechtkunnen.",
            "wanneer": "oktober 2025",
            "begin": "2025-10",
            "eind": "2025-10",
            "pijler": "informeren",
            "thema": "maatschappelijke bewustwording",
            "rollen": "vrijwilliger; burger",
        },
        {
            "wat": "Knelpunten nachtzorg in kaart",
            "plan": "Jaarplan 2025 Lindeland",
            "doel": "Weten waar de nachtzorg thuis tekortschiet.",
            "wie": "Stuurgroep",
            "begin": "2025-01",
            "eind": "2025-06",
            "status": "lopend",
            "pijler": "signaleren",
            "thema": "capaciteit en beschikbaarheid",
            "werkgroep": "Stuurgroep",
            "draagt bij aan doel": "Zorg thuis, ook 's nachts",
        },
        {
            "wat": "Pilot 24-uurs consultatie vanuit het hospice",
            "soort": "pilot",
            "plan": "Jaarplan 2025 Lindeland",
            "doel": "Huisartsen kunnen 's nachts een palliatief consulent van het hospice raadplegen.",
            "begin": "2025-04",
            "eind": "2025-12",
            "pijler": "faciliteren",
            "kringloop": "praktijk",
            "thema": "consultatie",
            "rollen": "palliatief consulent; huisarts",
            "draagt bij aan doel": "Zorg thuis, ook 's nachts",
        },
        {
            # an activity without a plan: it belongs to the network directly (column netwerk)
            "wat": "Ledenbijeenkomst",
            "soort": "bijeenkomst",
            "netwerk": "Netwerk Palliatieve Zorg Lindeland",
            "doel": "De leden kennen elkaar en stemmen de plannen af.",
            "wanneer": "elk voorjaar",
            "pijler": "coördinatie",
            "thema": "netwerkontwikkeling",
        },
    ],
    "Wie": [
        {"activiteit": "Scholing proactieve zorgplanning", "partij": "Werkgroep scholing", "rol": "verantwoordelijk"},
        {"activiteit": "Scholing proactieve zorgplanning", "partij": "IKNL", "rol": "adviseur"},
        {"activiteit": "Scholing proactieve zorgplanning", "partij": "Huisartsenkring Lindeland", "rol": "deelnemer"},
        {"activiteit": "Scholing proactieve zorgplanning", "partij": "Thuiszorg De Linde", "rol": "deelnemer"},
        {"activiteit": "Afspraken overdracht ziekenhuis naar huis", "partij": "ZLL", "rol": "trekker"},
        {"activiteit": "Afspraken overdracht ziekenhuis naar huis", "partij": "Thuiszorg De Linde", "rol": "deelnemer"},
        {
            "activiteit": "Afspraken overdracht ziekenhuis naar huis",
            "partij": "Huisartsenkring Lindeland",
            "rol": "deelnemer",
        },
        {"activiteit": "Informatieavond voor inwoners", "partij": "Gemeente Lindestad", "rol": "deelnemer"},
        {"activiteit": "Informatieavond voor inwoners", "partij": "VPTZ Lindeland", "rol": "verantwoordelijk"},
        {"activiteit": "Informatieavond voor inwoners", "partij": "Centrum voor Levensvragen Lindeland"},
        {"activiteit": "Knelpunten nachtzorg in kaart", "partij": "Stuurgroep", "rol": "verantwoordelijk"},
        {"activiteit": "Knelpunten nachtzorg in kaart", "partij": "Zorgcentrum Eikenhof"},
        {
            "activiteit": "Pilot 24-uurs consultatie vanuit het hospice",
            "partij": "Hospice De Lindeboom",
            "rol": "trekker",
        },
        {"activiteit": "Pilot 24-uurs consultatie vanuit het hospice", "partij": "Huisartsenkring Lindeland"},
    ],
}


def build(eco: ecosysteem.Ecosystem) -> bytes:
    """Return the filled-in workbook as .xlsx bytes."""
    book = template_workbook(eco)
    for sheet, rows in ROWS.items():
        ws = book[sheet]
        headers = {str(cell.value).rstrip(" *"): cell.column for cell in ws[1] if cell.value}
        for number, row in enumerate(rows, start=2):
            for header, value in row.items():
                ws.cell(row=number, column=headers[header], value=value)
    return workbook_bytes(book)


def main() -> None:
    eco = ecosysteem.load()
    data = build(eco)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "voorbeeld-netwerk.xlsx"
        path.write_bytes(data)
        result = import_workbook(path, context=eco)
    if "--write" in sys.argv:
        write_atomic(HERE / "voorbeeld-netwerk.xlsx", data)
        print(f"wrote {HERE / 'voorbeeld-netwerk.xlsx'}")
    print(result.report())
    result.raise_for_errors()
    eco.add(*result.models)
    summary = eco.network_summary()["Netwerk Palliatieve Zorg Lindeland"]
    print(f"Netwerk Palliatieve Zorg Lindeland: {summary['activities']} activities, {summary['partners']} partners")
    print("validation:", "conforms" if eco.validate().conforms else "does NOT conform")


if __name__ == "__main__":
    main()
