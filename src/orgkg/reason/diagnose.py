"""When the graph is inconsistent: which documents, individuals and axioms are to blame.

HermiT only says "inconsistent". Narrowing finds a smallest set of documents
that is still inconsistent with the ontology (drop one document at a time,
keeping it out when the rest stays inconsistent); then the individuals of
those documents are checked against the ontology's axioms that most often
break (a functional property with two values; two classes or individuals
declared different yet merged), which names the culprit.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import OWL

from orgkg.reason import hermit
from orgkg.reason.model import Culprit
from orgkg.reason.owlinput import document_name, functional_properties, owl_input, union

MAX_RUNS = 40


def narrow(ontology: Graph, graphs: dict[str, Graph], limits: hermit.Limits) -> list[str]:
    """A smallest set of named graphs still inconsistent with the ontology (within MAX_RUNS runs)."""
    keep = sorted(graphs)
    for runs, name in enumerate(list(keep)):
        if runs >= MAX_RUNS or len(keep) == 1:
            break
        trial = [k for k in keep if k != name]
        if not hermit.run(owl_input(ontology, union(graphs, trial))[0], limits).consistent:
            keep = trial
    return keep


def culprits(ontology: Graph, graphs: dict[str, Graph], names: list[str]) -> list[Culprit]:
    data = union(graphs, names)
    docs = tuple(sorted(document_name(graphs[n]) for n in names))
    found = []
    for prop in functional_properties(ontology):
        for s in sorted(set(data.subjects(prop, None)), key=str):
            values = {o.toPython() if isinstance(o, Literal) else o for o in data.objects(s, prop)}
            if len(values) > 1:
                shown = tuple(sorted(str(o) for o in data.objects(s, prop)))
                found.append(Culprit(f"{prop.n3(ontology.namespace_manager)} is an owl:FunctionalProperty",
                                     str(s), shown, docs))
    for a, b in ontology.subject_objects(OWL.differentFrom):
        if (a, OWL.sameAs, b) in data or (b, OWL.sameAs, a) in data:
            found.append(Culprit(f"{a.n3()} owl:differentFrom {b.n3()}", str(a), (str(b),), docs))
    return found or [Culprit("an axiom of the ontology (narrowed to these documents)", None, (), docs)]
