"""The named queries as they were before the build derived the structure and the figures.

``bench.layers`` measures them against the named queries now, and
tests/test_derived_structure.py checks that the derived figures give what
``COUNTED`` counts over the union, on the same graphs.
"""

from __future__ import annotations

HEAD = """PREFIX orgkg: <https://w3id.org/orgkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# The named queries as they were before the structure was derived (commit b3d637d).
BEFORE = {
    "everyone-under": HEAD + """
SELECT ?post ?subordinate (MIN(?t) AS ?title)
WHERE {
  ?subordinate org:reportsTo+ ?post .
  ?subordinate orgkg:primaryTitle ?t .
}
GROUP BY ?post ?subordinate
ORDER BY ?title ?subordinate
""",
    "layers-per-unit": HEAD + """
SELECT ?unit ?name (COUNT(DISTINCT ?post) AS ?posts) (MAX(?above) + 1 AS ?layers)
WHERE {
  { SELECT ?unit ?post (COUNT(DISTINCT ?boss) AS ?above)
    WHERE {
      VALUES ?unit { UNDEF }
      ?unit a org:OrganizationalUnit .
      ?post org:postIn ?unit .
      OPTIONAL { ?post orgkg:primaryReportsTo+ ?boss FILTER EXISTS { ?boss org:postIn ?unit } }
    }
    GROUP BY ?unit ?post }
  { SELECT ?unit (MIN(?n) AS ?name) WHERE { ?unit skos:prefLabel ?n } GROUP BY ?unit }
}
GROUP BY ?unit ?name
ORDER BY DESC(?layers) ?name ?unit
""",
}
# The report's queries as they were before the figures were derived (commit 868a9aa): counted over
# the union at each ask (each post joined with its layer, unit or reports).
COUNTED = {
    "positions-per-layer": HEAD + """
SELECT ?layer ?posts (COALESCE(?m, 0) AS ?managers) (COALESCE(?v, 0) AS ?vacant)
WHERE {
  { SELECT ?layer (COUNT(?post) AS ?posts) WHERE { ?post orgkg:layer ?layer } GROUP BY ?layer }
  OPTIONAL { SELECT ?layer (COUNT(DISTINCT ?boss) AS ?m)
             WHERE { ?sub org:reportsTo ?boss . ?boss orgkg:layer ?layer } GROUP BY ?layer }
  OPTIONAL { SELECT ?layer (COUNT(DISTINCT ?open) AS ?v)
             WHERE { ?open orgkg:vacant true ; orgkg:layer ?layer } GROUP BY ?layer }
}
ORDER BY ?layer
""",
    "layers-per-unit": HEAD + """
SELECT ?unit ?name ?posts (?bottom - ?top + 1 AS ?layers) ?top ?bottom
WHERE {
  { SELECT ?unit (COUNT(DISTINCT ?post) AS ?posts) (MIN(?layer) AS ?top) (MAX(?layer) AS ?bottom)
    WHERE {
      VALUES ?unit { UNDEF }
      ?unit a org:OrganizationalUnit .
      ?post org:postIn ?unit ; orgkg:layer ?layer .
    }
    GROUP BY ?unit }
  { SELECT ?unit (MIN(?n) AS ?name) WHERE { VALUES ?unit { UNDEF } ?unit skos:prefLabel ?n } GROUP BY ?unit }
}
ORDER BY DESC(?layers) ?name ?unit
""",
    "managers-per-staff": HEAD + """
SELECT ?unit ?name ?posts ?managers (?posts - ?managers AS ?staff)
       (IF(?posts > ?managers, ?managers / (?posts - ?managers), ?none) AS ?managersPerStaff)
WHERE {
  { SELECT ?unit (COUNT(DISTINCT ?post) AS ?posts)
    WHERE { VALUES ?unit { UNDEF } ?post org:postIn ?unit } GROUP BY ?unit }
  OPTIONAL { SELECT ?unit (COUNT(DISTINCT ?boss) AS ?m)
             WHERE { VALUES ?unit { UNDEF } ?boss org:postIn ?unit . ?sub org:reportsTo ?boss }
             GROUP BY ?unit }
  BIND (COALESCE(?m, 0) AS ?managers)
  OPTIONAL { SELECT ?unit (MIN(?n) AS ?name) WHERE { VALUES ?unit { UNDEF } ?unit skos:prefLabel ?n }
             GROUP BY ?unit }
}
ORDER BY DESC(?managersPerStaff) ?name ?unit
""",
    "longest-chain": HEAD + """
SELECT ?layer ?post (MIN(?t) AS ?title)
WHERE {
  { SELECT (?deepest AS ?post) WHERE {
      { SELECT (MIN(?candidate) AS ?deepest)
        WHERE { { SELECT (MAX(?l) AS ?max) WHERE { ?any orgkg:layer ?l } } ?candidate orgkg:layer ?max } } } }
  UNION
  { SELECT ?post WHERE {
      { SELECT (MIN(?candidate) AS ?deepest)
        WHERE { { SELECT (MAX(?l) AS ?max) WHERE { ?any orgkg:layer ?l } } ?candidate orgkg:layer ?max } }
      ?deepest orgkg:reportsToTransitively ?post } }
  OPTIONAL { ?post orgkg:layer ?layer }
  OPTIONAL { ?post orgkg:primaryTitle ?t }
}
GROUP BY ?layer ?post
ORDER BY ?layer ?post
""",
}
