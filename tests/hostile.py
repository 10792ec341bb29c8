"""A hostile graph for the HTML tests: HTML and script in names, descriptions and sources.

Shared by tests/test_viz.py and tests/test_browser.py (pytest puts this folder on sys.path).
"""

HOSTILE_TTL = """
@prefix enet: <https://w3id.org/ecosysteem/id/network/> .
@prefix ecol: <https://w3id.org/ecosysteem/id/collaboration/> .
@prefix eorg: <https://w3id.org/ecosysteem/id/organisation/> .
@prefix eact: <https://w3id.org/ecosysteem/id/activity/> .
@prefix esrc: <https://w3id.org/ecosysteem/id/source/> .
@prefix emem: <https://w3id.org/ecosysteem/id/membership/> .
@prefix elevel: <https://w3id.org/ecosysteem/id/level/> .
@prefix efn: <https://w3id.org/ecosysteem/id/function/> .
@prefix eloop: <https://w3id.org/ecosysteem/id/loop/> .

enet:evil a ez:Network ;
    rdfs:label "<script>alert(1)</script> Netwerk"@nl , "<script>alert(1)</script> Network"@en ;
    ez:level elevel:regionaal ; dcterms:source esrc:evil .
ecol:evil a ez:SupraRegionalCollaboration ; ez:level elevel:bovenregionaal ;
    rdfs:label "Consortium \\"Quote\\" 'single' & <b>bold</b>"@nl , "Consortium \\"Quote\\" 'single' & <b>bold</b>"@en .
emem:evil a org:Membership ; org:member enet:evil ; org:organization ecol:evil .
eorg:evil a ez:Organisation ;
    rdfs:label "<img src=x onerror=alert(1)>"@nl , "<img src=x onerror=alert(1)>"@en ;
    dcterms:description "Beschrijving <img src=x onerror=alert(5)> \\"quoted\\""@nl .
eact:evil a ez:Activity ;
    rdfs:label "Activiteit <img src=x onerror=alert(2)>"@nl , "Activity <img src=x onerror=alert(2)>"@en ;
    ez:responsible enet:evil ; ez:participant eorg:evil ; ez:servesFunction efn:lerend-netwerk ;
    ez:loop eloop:onderwijs ; dcterms:description "<script>alert(3)</script>"@nl ; dcterms:source esrc:evil .
esrc:evil a ez:SourceDocument ; rdfs:label "Bron \\"<script>alert(4)</script>\\""@nl .
"""
