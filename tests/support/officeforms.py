"""Word files and PDFs built the way employers' forms and templates are, made on demand.

``MAKERS`` maps a name used in ``tests/cases/read/*/expected.json`` (``"make": NAME``) to a
function writing that file at a given path. Each Word file starts as a python-docx document and
gets the structure it is about as the XML Word itself writes (content controls, legacy form
fields, tracked changes, a text box stored twice as ``mc:AlternateContent``, a table inside a
cell, a SmartArt org chart's data part); the PDF is a fillable form (AcroForm) whose answers live
only in its fields.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tests.support.badinputs import pdf_of

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
NS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
DUTIES = ("Analyses economic data.", "Writes briefing notes.")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(inner: str) -> str:
    return f"<w:p {NS}>{inner}</w:p>"


def control(inner: str, *, placeholder: bool = False) -> str:
    """A content control (``w:sdt``) around runs, paragraphs, rows or cells."""
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return (f'<w:sdt {NS}><w:sdtPr><w:id w:val="1"/>{shown}</w:sdtPr>'
            f"<w:sdtContent>{inner}</w:sdtContent></w:sdt>")


def _add(document: Any, xml: str) -> None:
    from docx.oxml import parse_xml

    document.element.body.sectPr.addprevious(parse_xml(xml))


def _new(*lines: str) -> Any:
    import docx

    document = docx.Document()
    for line in ("JOB DESCRIPTION", *lines):
        document.add_paragraph(line)
    return document


def _duties(document: Any) -> None:
    document.add_paragraph("Key duties")
    for duty in DUTIES:
        document.add_paragraph(duty, style="List Bullet")


def _save(document: Any, path: Path) -> None:
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(buf.getvalue())


def _content_controls(path: Path) -> None:
    """Answers typed into content controls: in a line, as a whole paragraph, a cell, a table row."""
    from docx.oxml import parse_xml

    d = _new()
    _add(d, paragraph(run("Position Title: ") + control(run("Policy Analyst"))))
    _add(d, control(paragraph(run("Department: Department of Finance"))))
    _add(d, paragraph(run("Reports to: ") + control(run("Director, Economic Policy"))))
    _add(d, paragraph(run("Position number: ") + control(run("Click or tap here to enter text."),
                                                          placeholder=True)))
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Location:"
    answer = table.cell(0, 1)._tc
    answer.remove(answer.find(f"{{{NAMESPACES['w']}}}p"))
    answer.append(parse_xml(control(paragraph(run("Ottawa, Ontario")))))
    cells = "".join(f"<w:tc><w:p>{run(text)}</w:p></w:tc>" for text in ("Level:", "EC-06"))
    table._tbl.append(parse_xml(control(f"<w:tr>{cells}</w:tr>")))
    _duties(d)
    _save(d, path)


def _tracked_changes(path: Path) -> None:
    """Text as Word shows it with changes tracked, in smart tags, fields, links; tabs and breaks."""
    def change(kind: str, text: str) -> str:
        tag = "w:delText" if kind == "del" else "w:t"
        return (f'<w:{kind} w:id="9" w:author="HR" w:date="2024-01-01T00:00:00Z"><w:r>'
                f'<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r></w:{kind}>')

    d = _new()
    _add(d, paragraph(run("Position Title: ") + change("ins", "Senior ") + run("Policy Analyst")))
    _add(d, paragraph(run("Reports to: Director, ") + change("del", "Finance")
                      + change("ins", "Economic Policy")))
    _add(d, paragraph(run("Level: EC-0") + change("del", "5") + change("ins", "6")))
    _add(d, paragraph(run("Location: ") + f'<w:smartTag w:element="City">{run("Ottawa")}</w:smartTag>'
                      + run(", Ontario")))
    _add(d, paragraph(run("Position number: ")
                      + f'<w:fldSimple w:instr=" DOCPROPERTY PositionNumber ">{run("4711")}</w:fldSimple>'))
    _add(d, paragraph(run("Department: ") + f'<w:hyperlink w:anchor="top">{run("Department of Finance")}'
                      "</w:hyperlink>"))
    _add(d, paragraph('<w:r><w:t>Hours:</w:t><w:tab/><w:t>37.5</w:t><w:br/><w:t>Monday to Friday</w:t>'
                      '<w:br w:type="page"/></w:r>'))
    _duties(d)
    _save(d, path)


def _deleted_row(path: Path) -> None:
    """A form table with changes tracked: a row deleted (its mark and its text), the row that
    replaces it inserted."""
    from docx.oxml import parse_xml

    d = _new()
    table = d.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate((("Level:", "EC-05"), ("Level:", "EC-06"))):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    deleted = table.rows[0]._tr
    deleted.get_or_add_trPr().append(parse_xml(f'<w:del {NS} w:id="8" w:author="HR"/>'))
    for old in list(deleted.iter(f"{{{NAMESPACES['w']}}}r")):
        wrapper = parse_xml(f'<w:del {NS} w:id="9" w:author="HR"/>')
        old.addprevious(wrapper)
        wrapper.append(old)
        for text in old.iter(f"{{{NAMESPACES['w']}}}t"):
            text.tag = f"{{{NAMESPACES['w']}}}delText"
    _duties(d)
    _save(d, path)


def _legacy_field(data: str, code: str, result: str = "") -> str:
    """A Word 97-2003 form field: its data in the field's start, its answer (if any) as result runs."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:enabled/>{data}</w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(result) if result else ""}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _legacy_form(path: Path) -> None:
    """A form with Word 97-2003 form fields: a text field, a drop-down list, check boxes."""
    def box(checked: bool) -> str:
        state = "<w:checked/>" if checked else ""
        return _legacy_field(f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox>',
                             "FORMCHECKBOX")

    levels = "".join(f'<w:listEntry w:val="{level}"/>' for level in ("EC-05", "EC-06", "EC-07"))
    d = _new()
    title = _legacy_field("<w:textInput/>", "FORMTEXT", "Policy Analyst")
    _add(d, paragraph(run("Position Title: ") + title))
    _add(d, paragraph(run("Level: ") + _legacy_field(f'<w:ddList><w:result w:val="1"/>{levels}</w:ddList>',
                                                     "FORMDROPDOWN")))
    _add(d, paragraph(run("FLSA: ") + box(False) + run(" Exempt ") + box(True) + run(" Non-Exempt")))
    _duties(d)
    _save(d, path)


def _box(paragraphs: str) -> str:
    return f"<w:txbxContent>{paragraphs}</w:txbxContent>"


def _text_boxes(path: Path) -> None:
    """Facts in text boxes: one as Word 2010 and later stores it (a drawing, and the same box again
    as VML for older readers), one VML box only, as older templates have."""
    inside = "".join(f"<w:p>{run(text)}</w:p>" for text in
                     ("Reports to: Director, Economic Policy", "Location: Ottawa, Ontario"))
    drawing = ('<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
               'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
               '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
               '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
               '</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="914400"/><wp:wrapSquare '
               'wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
               'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
               f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{_box(inside)}</wps:txbx><wps:bodyPr/>'
               "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    vml = (f'<w:pict><v:shape style="width:216pt;height:72pt"><v:textbox>{_box(inside)}</v:textbox>'
           "</v:shape></w:pict>")
    d = _new("Position Title: Policy Analyst")
    _add(d, paragraph(f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
                      f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"))
    _add(d, paragraph(run("See the box: ") + "<w:r>"
                      + vml.replace(inside, f"<w:p>{run('Level: EC-06')}</w:p>") + "</w:r>"))
    _duties(d)
    _save(d, path)


def _nested_table(path: Path) -> None:
    """A form laid out as a table whose right-hand cell holds a table of labels and answers."""
    d = _new("Position Title: Policy Analyst")
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "Position details"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, (label, value) in enumerate((("Reports to:", "Director, Economic Policy"), ("Level:", "EC-06"))):
        inner.cell(r, 0).text, inner.cell(r, 1).text = label, value
    outer.cell(1, 0).text, outer.cell(1, 1).text = "Location:", "Ottawa, Ontario"
    _duties(d)
    _save(d, path)


def _placeholder_cell(path: Path) -> None:
    """A form table whose answer cell is a content control still showing its placeholder, the cell
    below it merged into it (vertically): both cells are there, empty, and the columns after them
    stay in their place."""
    from docx.oxml import parse_xml

    d = _new()
    table = d.add_table(rows=2, cols=3)
    for r, (label, other) in enumerate((("Position Title:", "Level: EC-06"),
                                        ("Reports to:", "Location: Ottawa, Ontario"))):
        table.cell(r, 0).text, table.cell(r, 2).text = label, other
    answer, below = (row._tr.tc_lst[1] for row in table.rows)
    table.cell(0, 1).paragraphs[0].add_run("Click or tap here to enter text.")
    below.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {NS}/>"))
    wrapper = parse_xml(control("", placeholder=True))
    answer.addprevious(wrapper)
    wrapper[-1].append(answer)
    _duties(d)
    _save(d, path)


#: An org chart's boxes (model id, text) and who is under whom (superior, order, box), listed out of
#: order as Word does not keep them in order either.
CHART = (("1", "Director, Economic Policy"), ("2", "Policy Analyst (this position)"), ("3", "Economist"),
         ("4", "Research Assistant"))
CHART_LINKS = (("1", 1, "3"), ("0", 0, "1"), ("3", 0, "4"), ("1", 0, "2"))


def _diagram_data() -> bytes:
    points = ['<dgm:pt modelId="0" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p/></dgm:t>'
              "</dgm:pt>"]
    points += [f'<dgm:pt modelId="{key}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>'
               f"{escape(text)}</a:t></a:r></a:p></dgm:t></dgm:pt>" for key, text in CHART]
    points += [f'<dgm:pt modelId="p{key}" type="pres"><dgm:prSet presName="rootText"/><dgm:spPr/></dgm:pt>'
               for key, _ in CHART]
    links = [f'<dgm:cxn modelId="c{n}" srcId="{src}" destId="{dest}" srcOrd="{order}" destOrd="0"/>'
             for n, (src, order, dest) in enumerate(CHART_LINKS)]
    links += [f'<dgm:cxn modelId="q{key}" type="presOf" srcId="{key}" destId="p{key}" srcOrd="0" '
              'destOrd="0"/>'
              for key, _ in CHART]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dgm:dataModel {NS}><dgm:ptLst>'
            f'{"".join(points)}</dgm:ptLst><dgm:cxnLst>{"".join(links)}</dgm:cxnLst><dgm:bg/><dgm:whole/>'
            "</dgm:dataModel>").encode()


def _smartart_org_chart(path: Path) -> None:
    """An "Organization structure" section whose chart is a SmartArt hierarchy."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    d = _new("Position Title: Policy Analyst", "Organization structure")
    data = Part(PackURI("/word/diagrams/data1.xml"), CONTENT_TYPE.DML_DIAGRAM_DATA, _diagram_data(),
                d.part.package)
    rel = d.part.relate_to(data, RELATIONSHIP_TYPE.DIAGRAM_DATA)
    _add(d, paragraph('<w:r><w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="1" '
                      'name="Diagram 1"/><a:graphic><a:graphicData '
                      'uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
                      f'<dgm:relIds r:dm="{rel}" r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic>'
                      "</wp:inline></w:drawing></w:r>"))
    _duties(d)
    _save(d, path)


def _smartart_part_missing(path: Path) -> None:
    """The org chart's document with its diagram's data part lost from the archive and the
    relationship naming it kept, as a program rewriting a package can leave it (Word opens it)."""
    import zipfile

    _smartart_org_chart(path)
    with zipfile.ZipFile(path) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            if name != "word/diagrams/data1.xml":
                z.writestr(name, blob)


#: A form's printed labels (left, baseline height, text, font size) and its fields: text fields
#: (name, rectangle, value, flags: 4096 a multi-line field) and check boxes (name, rectangle, checked),
#: as a filled-in fillable job description has them.
FORM_LABELS = ((72, 740, "JOB DESCRIPTION", 14), (72, 700, "Position Title:", 11),
               (72, 680, "Reports to:", 11), (72, 660, "Level:", 11), (72, 640, "Location:", 11),
               (72, 620, "Position number:", 11),
               (72, 600, "FLSA:", 11), (134, 600, "Exempt", 11), (214, 600, "Non-Exempt", 11),
               (72, 570, "Key duties:", 11))
FORM_FIELDS = (("title", (170, 696, 450, 712), "Policy Analyst", 0),
               ("reports", (170, 676, 450, 692), "Director, Economic Policy", 0),
               ("level", (170, 656, 300, 672), "EC-06", 0),
               ("location", (170, 636, 450, 652), "Montréal, Québec", 0),
               ("number", (170, 616, 300, 632), "", 0),
               ("duties", (72, 480, 540, 564), "Analyses economic data.\rWrites briefing notes.", 4096))
FORM_BOXES = (("exempt", (120, 598, 130, 608), False), ("nonexempt", (200, 598, 210, 608), True))


def _pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark (any language), line ends as ``\r``."""
    return b"<FEFF" + text.replace("\n", "\r").encode("utf-16-be").hex().upper().encode() + b">"


def _widgets(appearance: int) -> list[bytes]:
    """The fields' widget annotations (a check box's two states drawn by the ``appearance`` object)."""
    common = b"/Type /Annot /Subtype /Widget /F 4 /P 3 0 R /DA (/Helv 10 Tf 0 g) /Rect [%d %d %d %d]"
    text = [b"<< %s /FT /Tx /T (%s) /V %s /Ff %d >>" % (common % rect, name.encode(), _pdf_string(value),
                                                         flags) for name, rect, value, flags in FORM_FIELDS]
    states = b"/AP << /N << /Yes %d 0 R /Off %d 0 R >> >>" % (appearance, appearance)
    return text + [b"<< %s /FT /Btn /T (%s) /V /%s /AS /%s %s >>" % (
        common % rect, name.encode(), *(2 * (b"Yes" if checked else b"Off",)), states)
        for name, rect, checked in FORM_BOXES]


def _pdf_form(path: Path, printed: tuple[tuple[int, int, str, int], ...] = ()) -> None:
    """A fillable PDF job description (AcroForm) filled in: the answers are its fields' values, not
    page text; one field left empty. ``printed``: more page text (left, baseline, text, size)."""
    content = b"".join(b"BT /F1 %d Tf %d %d Td (%s) Tj ET\n" % (size, x, y, text.encode("cp1252"))
                       for x, y, text, size in FORM_LABELS + printed)
    count = len(FORM_FIELDS) + len(FORM_BOXES)
    kids = b" ".join(b"%d 0 R" % (7 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] /NeedAppearances true "
        b"/DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv 5 0 R >> >> >> >>" % kids,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Annots [%s] >>" % kids,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 0 >>\nstream\n\nendstream",
        *_widgets(6),
    ]
    path.write_bytes(pdf_of(objects, b"1.7"))


def _pdf_form_printed(path: Path) -> None:
    """A filled-in form whose answers are also printed on the page, in their fields' boxes (as a
    form "printed to PDF" with its fields kept has them)."""
    printed = tuple((left + 2, bottom + 4, value, 11) for _, (left, bottom, _, _), value, flags in FORM_FIELDS
                    if value and not flags)
    lines = FORM_FIELDS[-1][2].split("\r")
    _pdf_form(path, printed + tuple((74, 552 - 14 * n, line, 11) for n, line in enumerate(lines)))


MAKERS: dict[str, Callable[[Path], None]] = {
    "docx-content-controls": _content_controls,
    "docx-tracked-changes": _tracked_changes,
    "docx-deleted-row": _deleted_row,
    "docx-text-boxes": _text_boxes,
    "docx-nested-table": _nested_table,
    "docx-smartart-org-chart": _smartart_org_chart,
    "docx-smartart-part-missing": _smartart_part_missing,
    "docx-legacy-form-fields": _legacy_form,
    "docx-placeholder-cell": _placeholder_cell,
    "pdf-form": _pdf_form,
    "pdf-form-printed": _pdf_form_printed,
}
