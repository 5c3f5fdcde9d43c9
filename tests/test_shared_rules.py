"""The shared rules read the wordings issue 11 found missed in real documents, in English and French."""

from __future__ import annotations

import pytest

from orgkg.extract.families.alberta import COUNTING as ALBERTA
from orgkg.extract.families.denver import COUNTING as DENVER
from orgkg.extract.lexicon import LANGUAGES, entries
from orgkg.extract.rules.classification import level
from orgkg.extract.rules.duties import duties
from orgkg.extract.rules.education import education
from orgkg.extract.rules.experience import experience_years
from orgkg.extract.rules.figures import stated_staff
from orgkg.extract.rules.organisation import jurisdiction, unit_word
from orgkg.extract.rules.reporting import reports_to, supervised_named
from orgkg.extract.rules.supervised import GENERIC, Counting, supervised_count
from orgkg.extract.rules.titles import title
from orgkg.extract.structure import parse


@pytest.mark.parametrize(("text", "expected"), [
    ("Classification: AS-05\n", "AS-05"),
    ("Level: 12\n", "12"),
    ("Position Level: EC-06\n", "EC-06"),
    ("Niveau du poste : IT-03\n", "IT-03"),
    ("Grade Code: 120\n", "120"),
    ("The position is classified as a AS-05 in the Administrative Services group.\n", "AS-05"),
    ("Il s'agit d'un poste classé IT-03 au profil linguistique anglais essentiel.\n", "IT-03"),
    ("A salary range of $99,800 to $149,700 (PM5 level).\n", "PM5"),
    ("Niveau de fonction\n\nB2\n", "B2"),
])
def test_level(text: str, expected: str) -> None:
    found = level(parse(text))
    assert found and found[0] == expected
    assert text[found[1].start : found[1].end].replace(" ", "") in (expected, expected.replace("-", ""))


@pytest.mark.parametrize(("text", "expected"), [
    # a level alone on its line after a run-in label, or in brackets closing a line
    ("Pay Range QX12\n\nThis class plans the work.\n", "Pay Range QX12"),
    ("SALARY R400 000 per annum\nTASK LEVEL T14\n", "TASK LEVEL T14"),
    ("Salary\n\nR300 000 per annum (Level 8)\n", "Level 8"),
])
def test_level_on_its_own(text: str, expected: str) -> None:
    found = level(parse(text))
    assert found and found[0] == expected and text[found[1].start : found[1].end] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Qualifications\n- Bachelor's degree in Public Policy and five (5) years of experience\n",
     "Bachelor's degree in Public Policy"),
    ("Knowledge\nTwo year Diploma in Business Administration, plus 2 years of experience.\n",
     "Two year Diploma in Business Administration"),
    ("Requirements\nDegree in Computing Science or related discipline(s) (or equivalent)\n",
     "Degree in Computing Science or related discipline(s)"),
    ("Exigences\nDiplôme d'ingénieur ou équivalent et 3 ans d'expérience\n",
     "Diplôme d'ingénieur ou équivalent"),
    ("Requirements\nHigh school diploma.\nPreferred: Master's degree in library science\n",
     "High school diploma"),
    ("Notes\nExperience in positions that required possession of a four-year degree.\n", None),
    ("Education: Bachelor's degree in geography, or a related field, or an equivalent combination.\n",
     "Bachelor's degree in geography, or a related field"),
    ("Requirements\nA Bachelor's degree in forestry, or possess at least 4 years of experience.\n",
     "Bachelor's degree in forestry"),
    ("MINIMUM REQUIREMENTS\nBSc in Geology or equivalent;\n", "BSc in Geology"),
    ("Requirements: Grade 12, B Degree in Law or any relevant qualification at NQF Level 7.\n",
     "B Degree in Law"),
    ("Votre profil\nAu bénéfice d'une formation universitaire ou d'un titre jugé équivalent.\n",
     "Formation universitaire"),
])
def test_education(text: str, expected: str | None) -> None:
    assert education(text) == expected


@pytest.mark.parametrize("heading", [
    "We are looking for someone who will:", "What you'll do", "Key Activities", "Key Responsibilities",
    "## Responsabilités", "The main responsibilities of the post are:", "Missions du poste",
])
def test_duties_under_any_duties_heading(heading: str) -> None:
    text = (f"{heading}\n\n- lead the analysis of policy options\n- prepare briefing notes for the minister\n"
            "- coordinate consultations with stakeholders\n\nQualifications\n\n- a degree in public policy\n")
    found = duties(parse(text))
    assert [d.text for d, _ in found] == ["Lead the analysis of policy options",
                                         "Prepare briefing notes for the minister",
                                         "Coordinate consultations with stakeholders"]
    assert all(text[s.start : s.end].startswith(("lead", "prepare", "coordinate")) for _, s in found)


@pytest.mark.parametrize(("text", "expected"), [
    # a share in a column at the end of an item's first line; the next section numbered in capitals
    ("4.0 ESSENTIAL FUNCTIONS          % OF TIME\n\n4.1 Prepares plan amendments and           40%\n"
     "    code updates.\n\n4.2 Supervises planning staff.              60%\n\n5.0 MINIMUM QUALIFICATIONS\n\n"
     "5.1 Education: a degree in planning.\n",
     [("Prepares plan amendments and code updates", 40.0), ("Supervises planning staff", 60.0)]),
    # a table's column headings and an essential function's mark
    ("ESSENTIAL FUNCTIONS\nPercent of Time / Duties  (* denotes essential function)\n\n"
     "50%  *Plans and schedules preventive maintenance.\n\n50%   Prepares the annual budget request.\n",
     [("Plans and schedules preventive maintenance", 50.0), ("Prepares the annual budget request", 50.0)]),
    # duties named with their share above their description
    ("MAJOR DUTIES\n\nStreamflow Measurement - 50%\nOperates and maintains streamgages.\n\n"
     "Data Processing (50%)\nReviews and computes gage records.\n",
     [("Streamflow Measurement", 50.0), ("Data Processing", 50.0)]),
    # one paragraph under a qualified duties heading
    ("Primary Accountabilities\n\nThe role administers and interprets government-funded programs.\n",
     [("The role administers and interprets government-funded programs", None)]),
    # a list item wrapped to the margin goes on; a heading with a list before one with paragraphs
    ("## The Role\n\nThe Foundation seeks a director to lead it.\n\nThe director will set its budgets.\n\n"
     "## Responsibilities\n\n- Ensure that management systems are operating effectively and\n"
     "efficiently for all units.\n- Develop strategic plans for the units.\n",
     [("Ensure that management systems are operating effectively and efficiently for all units", None),
      ("Develop strategic plans for the units", None)]),
])
def test_duties_shapes(text: str, expected: list[tuple[str, float | None]]) -> None:
    assert [(d.text, d.percent) for d, _ in duties(parse(text))] == expected


def test_french_duties_said_to_their_holder() -> None:
    text = ("Spécifiquement pour la direction :\n\n  • vous effectuez le suivi des dossiers\n"
            "  • vous donnez des conseils juridiques aux communes\n  • vous informez le public\n")
    assert len(duties(parse(text))) == 3


def test_numbered_items_starting_in_lower_case_are_duties() -> None:
    text = ("DUTIES\n\n1. plans the work of the unit;\n2. reviews the reports of staff;\n"
            "3. trains new staff.\n")
    assert len(duties(parse(text))) == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("# Senior Policy Analyst\n\nSome text.\n", "Senior Policy Analyst"),
    ("* Title: Chief Operating Officer * Effective: 2024\n", "Chief Operating Officer"),
    ("---\ntitle: \"Data Scientist\"\n---\nText\n", "Data Scientist"),
    ("Titre du poste : Analyste principal\n", "Analyste principal"),
    ("Start display at page:\n\n# Senior Policy Analyst\n\nThe analyst advises.\n", "Senior Policy Analyst"),
    # a rank in capitals, its function after a colon; a label alone on its line is never the title
    ("CHIEF ENGINEER: WATER AND SANITATION\n\nReference number\n\nWS-01/2030\n",
     "CHIEF ENGINEER: WATER AND SANITATION"),
])
def test_title(text: str, expected: str) -> None:
    found = title(parse(text))
    assert found and found[0] == expected


def test_every_lexicon_group_has_both_languages() -> None:
    groups = {lang: {(g, k) for g, table in entries(lang).items() for k in table} for lang in LANGUAGES}
    labels = ("title", "level", "class", "reports_to", "organization", "unit", "location")
    shared = {("labels", k) for k in labels}
    shared |= {("headings", "duties"), ("headings", "stop"), ("headings", "not_titles"),
               ("words", "duty_verbs"), ("phrases", "title"), ("phrases", "reports_to")}
    for lang in LANGUAGES:
        assert shared <= groups[lang], lang


@pytest.mark.parametrize(("text", "expected"), [
    ("Supervision is exercised over library Clerks, Pages and Volunteers.",  # volunteers hold no post
     ["library Clerks", "Pages"]),  # (tests/cases/wording/us-flcc-supervision-exercised-over-list)
    ("Direct supervision is exercised over the work of subordinate Pages.", ["Pages"]),
    ("This position directs and supervises all Site Coordinators along with on-site training of group "
     "leaders.", ["Site Coordinators"]),
    ("An employee in this class supervises a small staff of DCS Officers in a institutional setting or may "
     "perform certain specific non-supervisory assignments.", ["DCS Officers"]),
    ("Exercises direct supervision over clerical staff and volunteers.", []),
    ("Supervises Head Start center staff and volunteers.", []),
    ("Supervises staff, evaluates staff job performance, coordinates schedules.", []),
    ("The Director supervises the daily operations of the library.", []),
    ("Her staff consists of the Town Clerk, Budget Officer and, Office Assistant.",
     ["Town Clerk", "Budget Officer", "Office Assistant"]),
])
def test_supervised_positions_named_in_a_sentence(text: str, expected: list[str]) -> None:
    found = supervised_named(parse(text))
    assert [name for name, _ in found] == expected
    assert all(text[s.start : s.end] == name for name, s in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Directeur Support Transversal rapporte à l'Administrateur général (AG) et à l'Administrateur "
     "général adjoint (AGA).", "Administrateur général"),
    ("Placé(e) sous l'autorité du directeur de l'environnement, de la végétalisation et du littoral, au sein "
     "de la direction générale adjointe, le chef de service est chargé de proposer.",
     "directeur de l'environnement, de la végétalisation et du littoral"),
    ("Sous l'autorité du Directeur régional et du Directeur adjoint, le titulaire assure la coordination.",
     "Directeur régional"),
    ("Under the responsibility of the Superintendent of Parks and Roadways, the incumbent manages road work.",
     "Superintendent of Parks and Roadways"),
    ("He or she reports directly to the center director.", "center director"),
    ("The Town Manager works with responsibility to the Town Council for the operation of all offices.",
     "Town Council"),
    ("Placé sous la responsabilité du responsable de secteur de votre quartier et en lien avec les "
     "équipes de proximité, vous encadrez les animateurs.", "responsable de secteur de votre quartier"),
    ("Under the coordination of the Director of Public Works, the foreman plans the work.",
     "Director of Public Works"),
])
def test_reports_to_in_a_sentence(text: str, expected: str) -> None:
    found = reports_to(parse(text))
    assert found and found[0] == expected
    assert text[found[1].start : found[1].end] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("L'ingénieur P-4 relève directement de l'ingénieur en chef.", "ingénieur en chef"),
    ("Directement rattaché·e au Maire, vous pilotez l'administration communale.", "Maire"),
    ("Relevant des conseils d'administration de la TPECS et de la TCRM, la directrice générale assure.",
     "conseils d'administration de la TPECS et de la TCRM"),
])
def test_french_reports_to_in_more_forms(text: str, expected: str) -> None:
    found = reports_to(parse(text))
    assert found and found[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("  • Experience\n    5 Year\n  • Gender\n    Both\n", 5.0),
    ("Experience: 3 years in local government\n", 3.0),
    ("Expérience : 2 ans\n", 2.0),
    ("Experience\nBachelor degree and relevant work\n", None),
])
def test_years_under_an_experience_label(text: str, expected: float | None) -> None:
    found = experience_years(parse(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("name", "names", "expected"), [
    ("Finance Branch", False, "branch"),
    ("Finance", False, None),
    ("Library Services", False, None),  # a name, not a kind: Montana's ``Management Services`` Bureau
    ("Library Services", True, "services"),  # generic's ``Unit: Library Services`` needs no ``Unit``
    ("Conservation Officer Service", False, None),  # ``service`` is a unit's kind in French only
])
def test_unit_word_of_a_name(name: str, names: bool, expected: str | None) -> None:
    assert unit_word(name, names=names) == expected


@pytest.mark.parametrize(("text", "how", "expected"), [
    ("The Manager supervises approximately 12 staff.", GENERIC, 12),
    ("Leads a small team of 6 analysts.", GENERIC, 6),
    ("The post has 8 direct reports.", GENERIC, 8),
    ("Five professional staff report directly to this position.", GENERIC, 5),
    ("Requires the supervision of three or more employees.", GENERIC, None),  # a class's floor
    ("Supervises 4 full-time positions.", DENVER, 4),
    ("Supervises 4 of the 9 programs.", DENVER, None),  # who is counted: no staff
    ("Leads a small team of 6 analysts.", DENVER, None),  # a team led: not the form's wording
    ("The Director directly supervises 6 and has 40 staff.", ALBERTA, 6),
    ("The Director has three direct reports.", ALBERTA, 3),
    ("The Director supervises 40 staff.", ALBERTA, None),  # a staff figure, no direct report
])
def test_supervised_count_as_a_family_configures_it(text: str, how: Counting, expected: int | None) -> None:
    """One reader of "supervises N" (``rules.supervised``), its words in the lexicon, each family a
    ``Counting`` of it."""
    assert supervised_count(text, how) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le service compte 12 juristes et une assistante.", (12, "juristes")),
    ("La direction réunit une centaine d'agents.", (100, "agents")),
    ("The branch has 45 FTEs.", (45, "FTEs")),
    ("Une équipe de 8 personnes.", (8, "équipe")),
])
def test_staff_figure_counts_whom_the_lexicon_names(text: str, expected: tuple[int, str]) -> None:
    """``{n} {p}``: any ``[words] counted_staff`` entry after the number, one template for them all."""
    found = stated_staff(parse(text))
    assert found and (found[0][0].count, found[0][0].scope) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # every province, territory and state by the forms of its kind ([jurisdiction_kinds] of the lexicon)
    ("The Government of Manitoba offers a pension plan.", "Province of Manitoba"),
    ("Join the Saskatchewan Public Service.", "Province of Saskatchewan"),
    ("The Government of the Northwest Territories is hiring.", "Government of the Northwest Territories"),
    ("Yukon government employees receive ...", "Government of Yukon"),
    ("The State of Maryland is an equal opportunity employer.", "State of Maryland"),
    ("Employment with the Commonwealth of Pennsylvania", "Commonwealth of Pennsylvania"),
    ("Applicants to the West Virginia State Government", "State of West Virginia"),
    ("The NSW Government is committed to diversity.", "Government of New South Wales"),
    ("ACT Public Service values", "Government of the Australian Capital Territory"),
    ("Le gouvernement de l\u2019Ontario offre ...", "gouvernement de l'Ontario"),
    ("La fonction publique du Québec recrute.", "gouvernement du Québec"),
    ("Le Gouvernement des Territoires du Nord-Ouest", "gouvernement des Territoires du Nord-Ouest"),
    ("au service de l'État de New York", "État de New York"),
    # ... never where the post works with it, nor at the start of another body's name
    ("You will liaise with the Government of Alberta.", None),
    ("Members of the Civil Service Sports Council", None),
])
def test_jurisdiction_of_a_province_territory_or_state(text: str, expected: str | None) -> None:
    found = jurisdiction(parse(text))
    assert (found[0] if found else None) == expected
