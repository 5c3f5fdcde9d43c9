# ruff: noqa: E501  (a table of Turtle fixtures reads best one rule per line)
"""Inline fixtures for ``test_validate_rules``: rule -> (graphs that break it, graphs that keep it).

Each string is the Turtle body of one named graph (one document's graph);
the prefixes are those of ``PREFIXES``. Titles avoid words that make a post
look supervisory, so each positive graph breaks one rule only.
"""

from __future__ import annotations

from orgkg.mapping.terms import class_keys

PREFIXES = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix orgkg: <https://w3id.org/orgkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xkos: <http://rdf-vocabulary.ddialliance.org/xkos#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/orgkg/id/> .
"""


def post(name: str, title: str = "Analyst", extra: str = "") -> str:
    return f'id:{name} a org:Post ; orgkg:primaryTitle "{title}" ; orgkg:title "{title}" {extra}.\n'


def described(name: str, title: str = "Analyst", extra: str = "") -> str:
    return (f'id:{name} a org:Post, orgkg:DescribedPost ; orgkg:primaryTitle "{title}" ; orgkg:title "{title}" ; '
            f"orgkg:describedBy id:doc {extra}.\n"
            'id:doc a orgkg:SourceDocument ; dcterms:identifier "doc.txt" .\n')


def reports(n: int, to: str = "p1", doc: bool = True) -> str:
    mention = " ; orgkg:mentionedIn id:doc" if doc else ""
    return "".join(post(f"r{i}", "Clerk", f"; org:reportsTo id:{to}{mention} ") for i in range(n))


def series(*labels: str, links: tuple[tuple[int, int], ...] | None = None, ranks: tuple[int, ...] | None = None) -> str:
    ranks = ranks or tuple(range(1, len(labels) + 1))
    out = "id:s a orgkg:ClassSeries ; skos:prefLabel \"Series\" .\n"
    for i, (label, rank) in enumerate(zip(labels, ranks, strict=True), 1):
        out += (f'id:c{i} a orgkg:JobClass ; skos:prefLabel "{label}" ; orgkg:inSeries id:s ; '
                f'orgkg:seriesRank "{rank}"^^xsd:positiveInteger .\nid:s skos:member id:c{i} .\n')
    pairs = links if links is not None else tuple((i, i + 1) for i in range(1, len(labels)))
    out += "".join(f"id:c{a} xkos:next id:c{b} .\n" for a, b in pairs)
    return out


def duties(*shares: float | None) -> str:
    out = post("p1", "Analyst", "; " + " ; ".join(f"orgkg:hasAccountability id:a{i}" for i in range(len(shares))) + " ")
    for i, s in enumerate(shares):
        share = f' ; orgkg:shareOfTime "{s}"^^xsd:decimal' if s is not None else ""
        out += f'id:a{i} a orgkg:Accountability ; orgkg:statement "Duty {i}"{share} .\n'
    return out


def evaluation(total: float, *ratings: tuple[float, str | None]) -> str:
    out = post("p1", "Analyst", "; orgkg:hasEvaluation id:e ")
    out += f'id:e a orgkg:JobEvaluation ; orgkg:totalPoints "{total}"^^xsd:decimal .\n'
    for i, (points, degree) in enumerate(ratings):
        deg = f' ; orgkg:degree "{degree}"' if degree else ""
        out += (f'id:e orgkg:hasFactorRating id:f{i} .\nid:f{i} a orgkg:FactorRating ; orgkg:factor id:k{i} ; '
                f'orgkg:points "{points}"^^xsd:decimal{deg} .\nid:k{i} skos:prefLabel "Factor {i}" .\n')
    return out


def figure(kind: str, value: str, scope: bool = True, currency: bool = True) -> str:
    if kind == "staff":
        body = f'id:x a orgkg:StaffCount ; orgkg:count "{value}"^^xsd:integer'
    else:
        body = f'id:x a orgkg:Budget ; orgkg:amount "{value}"^^xsd:decimal'
        body += ' ; orgkg:currency "CAD"' if currency else ""
    body += ' ; orgkg:scope "Direct staff"' if scope else ""
    return post("p1", "Analyst", f"; orgkg:{'hasStaffCount' if kind == 'staff' else 'managesBudget'} id:x ") + body + " .\n"


def numbered(name: str, title: str = "Analyst", extra: str = "") -> str:
    """A described post with a position number (the document's graph)."""
    return (described(name, title, f"; adms:identifier id:{name}-n {extra}")
            + f'id:{name}-n a adms:Identifier ; dcterms:type orgkg:PositionNumber ; skos:notation "{name}" .\n')


def register(*rows: str) -> str:
    """A position register's graph: the register and its rows (``row``)."""
    return 'id:reg a orgkg:PositionRegister ; dcterms:identifier "register.csv" .\n' + "".join(rows)


def row(n: int, name: str, extra: str = "") -> str:
    """Register row ``n``, listing post ``name``; ``extra`` adds what the row states (orgkg:rowTitle ...)."""
    return (f'id:row{n} a orgkg:RegisterRow ; orgkg:inRegister id:reg ; orgkg:registers id:{name} ; '
            f'orgkg:rowNumber "{n}"^^xsd:positiveInteger {extra}.\n'
            f"id:{name} a org:Post, orgkg:RegisteredPost ; orgkg:registeredIn id:reg .\n")


def labelled(name: str, label: str, kind: str = "skos:Concept") -> str:
    return f'id:{name} a {kind} ; skos:prefLabel "{label}" .\n'


def job_class(name: str, title: str | None, code: str | None = None) -> str:
    """A job class as the mapping writes it: its title, its code and the keys it is compared by."""
    said = [f'skos:prefLabel "{title}"'] * bool(title) + [f'skos:notation "{code}"'] * bool(code)
    said += [f'orgkg:classKey "{key}"' for key in class_keys(title, code)]
    return f"id:{name} a orgkg:JobClass, skos:Concept ; " + " ; ".join(said) + " .\n"


def disagreeing_supervisor(named: str) -> tuple[str, ...]:
    """Post p1's document names its supervisor ``named``; the register says position s2, "Lead B"."""
    return (numbered("p1", extra="; org:reportsTo id:s1 ") + post("s1", named) + numbered("s2", "Lead B"),
            register(row(2, "p1", "; orgkg:rowReportsTo id:s2 "), row(3, "s2", '; orgkg:rowTitle "Lead B" ')))


OFFICER = series("Officer I", "Officer II", "Officer III")

RULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "OneSupervisor": ((post("p1", extra="; org:reportsTo id:s1, id:s2 ") + post("s1", "Lead A") + post("s2", "Lead B"),),
                      (post("p1", extra="; org:reportsTo id:s1 ") + post("s1", "Lead A"),)),
    "SupervisorIsPost": ((post("p1", extra="; org:reportsTo id:u1 ") + "id:u1 a org:OrganizationalUnit .\n",),
                         (post("p1", extra="; org:reportsTo id:s1 ") + post("s1", "Lead A"),)),
    "NoReportingCycle": ((post("p1", extra="; org:reportsTo id:p2 "), post("p2", "Planner", "; org:reportsTo id:p1 ")),
                         (post("p1", extra="; org:reportsTo id:p2 "), post("p2", "Planner"))),
    "NamedReportsWithinStatedSpan": ((described("p1", extra='; orgkg:supervisesCount 1 ') + reports(2),),
                                     (described("p1", extra='; orgkg:supervisesCount 2 ') + reports(2),)),
    "StatedSpanAllNamed": ((described("p1", extra='; orgkg:supervisesCount 3 ') + reports(2),),
                           (described("p1", extra='; orgkg:supervisesCount 2 ') + reports(2),)),
    "SpanWithinMaximum": ((post("p1") + reports(16, doc=False),), (post("p1") + reports(3, doc=False),)),
    "SupervisoryTitleHasReports": ((described("p1", "Program Manager"),),
                                   (described("p1", "Program Manager") + reports(1, doc=False),)),
    "StaffCountNonNegative": ((figure("staff", "-2"),), (figure("staff", "3"),)),
    "StaffCountHasScope": ((figure("staff", "3", scope=False),), (figure("staff", "3"),)),
    "BudgetNonNegative": ((figure("budget", "-5.0"),), (figure("budget", "5.0"),)),
    "BudgetHasScope": ((figure("budget", "5.0", scope=False),), (figure("budget", "5.0"),)),
    "BudgetHasCurrency": ((figure("budget", "5.0", currency=False),), (figure("budget", "5.0"),)),
    "SeriesRanksHaveNoGaps": ((series("Alpha", "Gamma", ranks=(1, 3), links=()),), (series("Alpha", "Beta"),)),
    "SeriesRanksDoNotRepeat": ((series("Alpha", "Beta", ranks=(1, 1), links=()),), (series("Alpha", "Beta"),)),
    "SeriesNumberingHasNoGaps": ((series("Clerk I", "Clerk III"),), (series("Clerk I", "Clerk II"),)),
    "ClassLinksToNext": ((series("Alpha", "Beta", links=()),), (series("Alpha", "Beta"),)),
    "NextIsOneRankUp": ((series("Alpha", "Beta", links=((1, 2), (2, 1))),), (series("Alpha", "Beta"),)),
    "SupervisesLowerRankOnly": ((OFFICER + post("p1", "Analyst", "; org:role id:c1 ")
                                 + post("p2", "Planner", "; org:role id:c2 ; org:reportsTo id:p1 "),),
                                (OFFICER + post("p1", "Analyst", "; org:role id:c2 ")
                                 + post("p2", "Planner", "; org:role id:c1 ; org:reportsTo id:p1 "),)),
    "ExperienceBelowOwnClass": ((OFFICER + post("p1", "Analyst", "; org:role id:c1 ; orgkg:hasQualification id:q ")
                                 + "id:q a orgkg:ExperienceRequirement ; orgkg:atLevelOf id:c2 .\n",),
                                (OFFICER + post("p1", "Analyst", "; org:role id:c2 ; orgkg:hasQualification id:q ")
                                 + "id:q a orgkg:ExperienceRequirement ; orgkg:atLevelOf id:c1 .\n",)),
    "ExperienceDirectlyBelow": ((OFFICER + post("p1", "Analyst", "; org:role id:c3 ; orgkg:hasQualification id:q ")
                                 + "id:q a orgkg:ExperienceRequirement ; orgkg:atLevelOf id:c1 .\n",),
                                (OFFICER + post("p1", "Analyst", "; org:role id:c3 ; orgkg:hasQualification id:q ")
                                 + "id:q a orgkg:ExperienceRequirement ; orgkg:atLevelOf id:c2 .\n",)),
    "ShareOfTimeInRange": ((duties(120, -20),), (duties(60, 40),)),
    "SharesAddUpTo100": ((duties(40, 40, 30),), (duties(60, 40),)),
    "GivenSharesWithin100": ((duties(80, 30, None),), (duties(60, None),)),
    "FactorPointsAddUp": ((evaluation(100, (50, "A"), (40, "B")),), (evaluation(90, (50, "A"), (40, "B")),)),
    "FactorHasDegree": ((evaluation(90, (50, "A"), (40, None)),), (evaluation(90, (50, "A"), (40, "B")),)),
    "ExactlyOneTitle": (("id:p1 a org:Post .\n",), (post("p1"),)),
    "DescribedPostNamedOneWay": ((described("p1", extra='; orgkg:title "Planner" '),),
                                 (described("p1", extra='; orgkg:title "Analyst, Grants" '),)),
    "AtMostOneLevel": ((post("p1", extra="; orgkg:level id:l1, id:l2 "),), (post("p1", extra="; orgkg:level id:l1 "),)),
    "PositionNumberNamesOnePost": ((post("p1", extra="; adms:identifier id:n ") + post("p2", "Planner", "; adms:identifier id:n ")
                                    + 'id:n a adms:Identifier ; dcterms:type orgkg:PositionNumber ; skos:notation "123" .\n',),
                                   (post("p1", extra="; adms:identifier id:n ") + post("p2", "Planner", "; adms:identifier id:n ")
                                    + 'id:n a adms:Identifier ; dcterms:type orgkg:JobCode ; skos:notation "123" .\n',)),
    "DescribedPostHasSource": (('id:p1 a org:Post, orgkg:DescribedPost ; orgkg:primaryTitle "Analyst" ; orgkg:title "Analyst" .\n',),
                               (described("p1"),)),
    "MentionJoinedToOnePost": ((described("p1", "Planner") + described("p2", "Planner")
                                + post("m", "Planner", "; orgkg:mentionedIn id:doc ; orgkg:possiblySamePostAs id:p1, id:p2 "),),
                               (described("p1", "Planner") + post("m", "Planner", "; orgkg:mentionedIn id:doc "),)),
    "RegisterTitleAgrees": ((numbered("p1"), register(row(2, "p1", '; orgkg:rowTitle "Planner" '))),
                            (numbered("p1"), register(row(2, "p1", '; orgkg:rowTitle "analyst" ')))),
    "RegisterSupervisorAgrees": (disagreeing_supervisor("Lead A"), disagreeing_supervisor("lead b")),
    "RegisterLevelAgrees": ((numbered("p1", extra="; orgkg:level id:l1 ") + labelled("l1", "Band 3"),
                             register(row(2, "p1", "; orgkg:rowLevel id:l2 "), labelled("l2", "Band 4"))),
                            (numbered("p1", extra="; orgkg:level id:l1 ") + labelled("l1", "Band 3"),
                             register(row(2, "p1", "; orgkg:rowLevel id:l2 "), labelled("l2", "band 3")))),
    "RegisterClassAgrees": ((numbered("p1", extra="; org:role id:k1 ") + job_class("k1", "Clerk", "100"),
                             register(row(2, "p1", "; orgkg:rowClass id:k2 "), job_class("k2", "Typist", "200"))),
                            (numbered("p1", extra="; org:role id:k1 ") + job_class("k1", "Clerk", "100"),
                             register(row(2, "p1", "; orgkg:rowClass id:k2 "), job_class("k2", "Clerk Typist", "100")))),
    "RegisterUnitAgrees": ((numbered("p1", extra="; org:postIn id:u1 ") + labelled("u1", "Unit A", "org:OrganizationalUnit"),
                            register(row(2, "p1", "; orgkg:rowUnit id:u2 "), labelled("u2", "Unit B", "org:OrganizationalUnit"))),
                           (numbered("p1", extra="; org:postIn id:u1 ") + labelled("u1", "Unit A", "org:OrganizationalUnit"),
                            register(row(2, "p1", "; orgkg:rowUnit id:u2 "), labelled("u2", "unit a", "org:OrganizationalUnit")))),
    "DescribedNumberRegistered": ((numbered("p1"), register(row(2, "p9")) + post("p9", "Planner")),
                                  (numbered("p1"), register(row(2, "p1")))),
    "RegisteredSupervisorDescribed": ((register(row(2, "p8"), row(3, "p9", "; orgkg:rowReportsTo id:p8 "))
                                       + post("p8", "Lead") + post("p9", "Clerk"),),
                                      (register(row(2, "p8"), row(3, "p9", "; orgkg:rowReportsTo id:p8 "))
                                       + described("p8", "Lead") + post("p9", "Clerk"),)),
}
