"""Real rendered documents around the eval reference strings: PDFs printed by headless Chromium
from HTML, and Word .docx files written with python-docx, each with its truth.

The other three generators write plain text (PDF-extracted text is simulated); these are the
files a user has. Article prose and back matter come from ``docgen3.py``; the reference
strings from the training half of the eval strings, a string kept only when both
``docgen.py``'s split and ``docgen3.py``'s split put it there (never the test half of either).

PDF variants (Chromium, ``@page`` margin boxes for running heads, page numbers and a
``Downloaded from`` line on every page; lists long enough to cross pages and columns):

- ``pdf-ol``: one column, an HTML ordered list (``1.`` drawn by the browser);
- ``pdf-2col-bracket``: two CSS columns, ``[1]`` typed, hanging indent, small font;
- ``pdf-super``: superscript-like numbers (``<sup>12</sup>Author``), one or two columns;
- ``pdf-ay``: author-year, hanging indent, justified with ``hyphens: auto`` and soft hyphens;
- ``pdf-2col-ay``: the same in two columns, small font;
- ``pdf-dot-table``: ``1.`` typed, justified and hyphenated, then figure legends and a table.

.docx variants (python-docx, numbering definitions written into ``numbering.xml``):

- ``docx-auto-dot`` / ``docx-auto-bracket``: Word automatic numbering (``w:numPr``, decimal,
  ``%1.`` or ``[%1]``), hanging indent, a table after the list at times;
- ``docx-manual``: numbers typed (``1.``, ``[1]``, ``1)``), hanging indent, line breaks inside
  entries;
- ``docx-ay``: author-year, hanging indent, line breaks (``w:br``) inside some entries.

Scored like the others (``list_scoring.py``)::

    python benchmarks/docrender.py --docs-per-variant 4 --seed 240
    python benchmarks/docrender.py --in-process --show 5 --variants pdf-ay,docx-ay
    python benchmarks/docrender.py --keep /tmp/rendered --variants pdf-ol   # keep the files
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen3  # noqa: E402
from docgen import load_strings  # noqa: E402
from docgen3 import Ref, after_blocks, front_matter, key, new_ctx  # noqa: E402
from list_accuracy3 import COLUMNS, chosen_variants  # noqa: E402
from list_scoring import Tally, parse_in_process, parse_process, table_header, table_row  # noqa: E402


@lru_cache(maxsize=1)
def training_refs() -> tuple[Ref, ...]:
    """docgen3's training half, less every string docgen.py puts in its test half."""
    test = {key(docgen3._OWN_LABEL.sub("", s, count=1)) for s in load_strings("test")}
    test |= {key(s) for s in load_strings("test")}
    return tuple(r for r in docgen3.load_refs("train") if key(r.text) not in test)


@dataclass(slots=True)
class Rendered:
    """One generated document before it is written: its kind, how to write it and its truth."""

    name: str
    variant: str
    suffix: str  # .pdf | .docx
    write: Callable[[Path], None]
    truth: list[str]
    notes: str


def pick(rng: random.Random, count: int) -> list[Ref]:
    return docgen3.pick_refs(rng, training_refs(), count)


def list_size(rng: random.Random) -> int:
    return rng.choice((rng.randint(8, 20), rng.randint(20, 45), rng.randint(45, 80)))


# ---------------------------------------------------------------------------------------
# PDF from HTML


def soft_hyphens(text: str, rng: random.Random, odds: float) -> str:
    """Soft hyphens in some long words, so justified text breaks inside words even where the
    browser has no hyphenation dictionary (the reader sees ``-`` or nothing at the break)."""
    if odds <= 0:
        return text

    def cut(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= odds:
            return word
        at = rng.randint(3, len(word) - 3)
        return word[:at] + "\u00ad" + word[at:]

    return re.sub(r"(?<![\w/.])[A-Za-z]{9,}(?![\w/])", cut, text)


_CSS = """
@page {{ size: {size}; margin: 22mm 16mm 20mm 16mm;
  @top-left {{ content: "{head_left}"; font: 7.5pt sans-serif; }}
  @top-right {{ content: "{head_right}"; font: 7.5pt sans-serif; }}
  @bottom-center {{ content: {page}; font: 8pt sans-serif; }}
  @bottom-left {{ content: "{foot}"; font: 6pt sans-serif; }} }}
body {{ font: {font}pt/{lead} {family}; text-align: {align}; hyphens: auto; -webkit-hyphens: auto; margin: 0; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.1em; margin: 1em 0 .4em; }}
p {{ margin: 0 0 .5em; }}
.cols {{ columns: 2; column-gap: 7mm; }}
.refs p {{ margin: 0 0 {gap}em; }}
.hang p {{ padding-left: {hang}em; text-indent: -{hang}em; }}
.refs ol {{ padding-left: 2.2em; margin: 0; }} .refs li {{ margin: 0 0 {gap}em; }}
sup {{ font-size: .7em; }}
table {{ border-collapse: collapse; font-size: .85em; margin: 1em 0; }} td, th {{ padding: 1px 6px; border-bottom: 1px solid #999; }}
"""


def _css_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def html_document(
    rng: random.Random,
    refs: list[Ref],
    *,
    numbered: bool,
    entry_html: Callable[[int, str], str],
    ordered: bool = False,
    two_columns: bool = False,
    hang: bool = False,
    justify: bool = False,
    small: bool = False,
    after: bool = False,
) -> str:
    """An article (title, sections, prose with citations), its reference list, what follows."""
    ctx = new_ctx(rng)
    hyph = rng.choice((0.15, 0.35)) if justify else 0.0
    font = rng.choice((6.5, 7.0, 7.5)) if small else rng.choice((9.0, 10.0, 11.0))
    css = _CSS.format(
        size=rng.choice(("A4", "letter")),
        head_left=_css_text(f"{ctx.journal} {ctx.year};{ctx.vol}({ctx.issue}):{ctx.page1}–{ctx.page1 + ctx.pages}"),
        head_right=_css_text(f"{ctx.author} et al."),
        page=rng.choice(('counter(page)', '"Page " counter(page)', '"- " counter(page) " -"')),
        foot=_css_text(
            rng.choice(
                (
                    f"Downloaded from https://academic.oup.com/{ctx.site}/article/{ctx.vol}/{ctx.issue}/{ctx.page1} by guest on {rng.randint(1, 28)} May {ctx.year}",
                    f"{ctx.journal}. Author manuscript; available in PMC {ctx.year} May 01.",
                    f"© {ctx.year} The Authors. Published by Elsevier Inc. All rights reserved.",
                )
            )
        ),
        font=font,
        lead=rng.choice((1.15, 1.25, 1.35)),
        family=rng.choice(("serif", "sans-serif", '"DejaVu Serif", serif', '"Liberation Sans", sans-serif')),
        align="justify" if justify else "left",
        gap=rng.choice((0.0, 0.2, 0.5)),
        hang=rng.choice((1.5, 2.0, 3.0)),
    )
    out = [f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><style>{css}</style></head><body>"]
    body_cols = two_columns and rng.random() < 0.5  # the whole article in columns, or the list only
    if body_cols:
        out.append('<div class="cols">')
    for n, (kind, text) in enumerate(front_matter(rng, len(refs), numbered)):
        text = html.escape(soft_hyphens(text, rng, hyph))
        if n == 0:
            out.append(f"<h1>{text}</h1>")
        elif kind == "line" and len(text) < 40:
            out.append(f"<h2>{text}</h2>")
        else:
            out.append(f"<p>{text}</p>")
    heading = rng.choice(("References", "REFERENCES", "Literature Cited", "References and Notes", "Bibliography", "Références"))
    out.append(f"<h2>{html.escape(heading)}</h2>")
    classes = ["refs"] + (["cols"] if two_columns and not body_cols else []) + (["hang"] if hang else [])
    out.append(f'<div class="{" ".join(classes)}">')
    if ordered:
        out.append("<ol>")
    for n, ref in enumerate(refs, start=1):
        out.append(entry_html(n, html.escape(soft_hyphens(ref.text, rng, hyph))))
    if ordered:
        out.append("</ol>")
    out.append("</div>")
    if after:
        out.append(after_html(rng))
    if body_cols:
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def after_html(rng: random.Random) -> str:
    """Figure legends and a table after the list, as in real papers."""
    out = []
    for kind, text in after_blocks(rng):
        if kind == "line" and re.search(r"\t|   |  ", text):
            continue  # a table row of docgen3's text tables: a real table follows instead
        tag = "h2" if kind == "line" and len(text) < 40 else "p"
        out.append(f"<{tag}>{html.escape(text)}</{tag}>")
    rows = [table_row_cells(rng) for _ in range(rng.randint(3, 7))]
    out.append(f"<p>Table {rng.randint(1, 4)}. Features of the cohort when it entered the study.</p><table>")
    out.append("<tr><th>Characteristic</th><th>Patients (n = 41)</th><th>Controls</th><th>P value</th></tr>")
    out.extend("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    out.append("</table>")
    return "\n".join(out)


def table_row_cells(rng: random.Random) -> list[str]:
    a, b = rng.uniform(1, 90), rng.uniform(1, 90)
    label = rng.choice(("Age, years", "Male sex, n (%)", "CRP, mg/L", "Hemoglobin, g/dL", "Platelets, ×10^9/L", "Ferritin, µg/L"))
    return [label, f"{a:.1f} ± {a / 7:.1f}", f"{b:.1f} ({b / 3:.0f}–{b * 1.4:.0f})", f"{rng.uniform(0.001, 0.9):.3f}"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("docrender: headless Chromium is needed for the PDF variants (apt-get install chromium)")


def print_pdf(page: str, target: Path) -> None:
    """Print an HTML page to PDF with headless Chromium (no browser header or footer)."""
    with tempfile.TemporaryDirectory(prefix="docrender-") as work:
        source = Path(work) / "page.html"
        source.write_text(page, encoding="utf-8")
        done = subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={work}/profile",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if done.returncode != 0 or not target.exists():
            raise RuntimeError(f"chromium failed on {target.name}: {done.stderr[-400:]}")


def _pdf(variant: str) -> Callable[[random.Random], tuple[str, list[Ref], str]]:
    def make(rng: random.Random) -> tuple[str, list[Ref], str]:
        refs = pick(rng, list_size(rng))
        if variant == "pdf-ol":
            page = html_document(rng, refs, numbered=True, ordered=True, entry_html=lambda n, t: f"<li>{t}</li>",
                                 hang=False, justify=rng.random() < 0.5, after=rng.random() < 0.5)
            return page, refs, "ordered list, one column"
        if variant == "pdf-2col-bracket":
            page = html_document(rng, refs, numbered=True, entry_html=lambda n, t: f"<p>[{n}] {t}</p>",
                                 two_columns=True, hang=True, small=True, justify=rng.random() < 0.5,
                                 after=rng.random() < 0.5)
            return page, refs, "[n] two columns hanging small"
        if variant == "pdf-super":
            cols = rng.random() < 0.5
            page = html_document(rng, refs, numbered=True, entry_html=lambda n, t: f"<p><sup>{n}</sup>{t}</p>",
                                 two_columns=cols, small=cols, justify=rng.random() < 0.5, after=rng.random() < 0.5)
            return page, refs, f"superscript numbers{' two columns' if cols else ''}"
        if variant in ("pdf-ay", "pdf-2col-ay"):
            refs = sorted(refs, key=lambda r: r.text.casefold())
            cols = variant == "pdf-2col-ay"
            page = html_document(rng, refs, numbered=False, entry_html=lambda n, t: f"<p>{t}</p>", hang=True,
                                 justify=True, two_columns=cols, small=cols, after=rng.random() < 0.5)
            return page, refs, f"author-year hanging justified{' two columns small' if cols else ''}"
        if variant == "pdf-dot-table":
            page = html_document(rng, refs, numbered=True, entry_html=lambda n, t: f"<p>{n}. {t}</p>",
                                 hang=rng.random() < 0.5, justify=True, after=True)
            return page, refs, "n. justified hyphenated, legends and a table after"
        raise KeyError(variant)

    return make


# ---------------------------------------------------------------------------------------
# .docx with python-docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def add_numbering(document: object, lvl_text: str, num_id: int) -> None:
    """A one-level decimal numbering definition (``lvl_text`` such as ``%1.`` or ``[%1]``) with
    a hanging indent, and a ``w:num`` pointing to it, in the document's ``numbering.xml``."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{num_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{lvl_text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>'
    )
    num = parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    nums = numbering.findall(_w("num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def set_numbered(paragraph: object, num_id: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_entry(paragraph: object, text: str, rng: random.Random, breaks: float) -> None:
    """The entry's text as runs; with ``breaks`` odds a manual line break (``w:br``) replaces a
    space near the middle, as hand-formatted lists carry."""
    words = text.split(" ")
    if len(words) > 6 and rng.random() < breaks:
        at = rng.randint(2, len(words) - 2)
        run = paragraph.add_run(" ".join(words[:at]))  # type: ignore[attr-defined]
        run.add_break()
        paragraph.add_run(" ".join(words[at:]))  # type: ignore[attr-defined]
    else:
        paragraph.add_run(text)  # type: ignore[attr-defined]


def _docx(variant: str) -> Callable[[random.Random], tuple[bytes, list[Ref], str]]:
    def make(rng: random.Random) -> tuple[bytes, list[Ref], str]:
        import docx
        from docx.shared import Cm, Pt

        refs = pick(rng, list_size(rng))
        numbered = variant != "docx-ay"
        if not numbered:
            refs = sorted(refs, key=lambda r: r.text.casefold())
        document = docx.Document()
        document.styles["Normal"].font.size = Pt(rng.choice((9, 10, 11, 12)))
        for n, (kind, text) in enumerate(front_matter(rng, len(refs), numbered)):
            if n == 0:
                document.add_heading(text, level=0)
            elif kind == "line" and len(text) < 40:
                document.add_heading(text, level=rng.choice((1, 2)))
            else:
                document.add_paragraph(text)
        heading = rng.choice(("References", "REFERENCES", "Bibliography", "Literature cited"))
        if rng.random() < 0.7:
            document.add_heading(heading, level=1)
        else:
            document.add_paragraph().add_run(heading).bold = True
        note = variant
        num_id = 0
        if variant.startswith("docx-auto"):
            num_id = rng.randint(20, 60)
            add_numbering(document, "%1." if variant == "docx-auto-dot" else "[%1]", num_id)
        manual = rng.choice(("{n}. ", "[{n}] ", "{n}) ", "{n}.\t"))
        breaks = 0.3 if variant in ("docx-manual", "docx-ay") else 0.0
        for n, ref in enumerate(refs, start=1):
            paragraph = document.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(1), Cm(-1)
            fmt.space_after = Pt(rng.choice((0, 2, 6)))
            if num_id:
                set_numbered(paragraph, num_id)
            elif variant == "docx-manual":
                paragraph.add_run(manual.format(n=n))
            add_entry(paragraph, ref.text, rng, breaks)
        if variant == "docx-manual":
            note += f" typed {manual.strip()!r}"
        if rng.random() < 0.6:
            document.add_paragraph(f"Table {rng.randint(1, 4)}. Features of the cohort when it entered the study.")
            rows = [table_row_cells(rng) for _ in range(rng.randint(3, 6))]
            table = document.add_table(rows=len(rows) + 1, cols=4)
            for c, head in enumerate(("Characteristic", "Patients (n = 41)", "Controls", "P value")):
                table.cell(0, c).text = head
            for r, row in enumerate(rows, start=1):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            note += " table after"
        if rng.random() < 0.4:
            document.add_heading(rng.choice(("Acknowledgements", "Funding", "Disclosures")), level=1)
            document.add_paragraph("We thank the patients and their families, and the nurses of the day hospital.")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue(), refs, note

    return make


PDF_VARIANTS = ("pdf-ol", "pdf-2col-bracket", "pdf-super", "pdf-ay", "pdf-2col-ay", "pdf-dot-table")
DOCX_VARIANTS = ("docx-auto-dot", "docx-auto-bracket", "docx-manual", "docx-ay")
VARIANTS = PDF_VARIANTS + DOCX_VARIANTS


def generate(variant: str, count: int, *, seed: int = 0) -> list[Rendered]:
    """``count`` documents of one variant; the same seed gives the same documents: the same HTML
    (so the same PDF text) and .docx files with the same paragraphs and numbering (the zip's
    times differ), with the same truth."""
    digest = int(hashlib.sha1(variant.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed * 1_000_003 + digest)
    out = []
    for i in range(count):
        name = f"{variant}-{i:03d}"
        if variant in PDF_VARIANTS:
            page, refs, note = _pdf(variant)(rng)
            out.append(Rendered(name, variant, ".pdf", lambda path, page=page: print_pdf(page, path),
                                [r.text for r in refs], note))
        elif variant in DOCX_VARIANTS:
            data, refs, note = _docx(variant)(rng)
            out.append(Rendered(name, variant, ".docx", lambda path, data=data: path.write_bytes(data),
                                [r.text for r in refs], note))
        else:
            raise KeyError(variant)
    return out


# ---------------------------------------------------------------------------------------
# Scoring


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs-per-variant", type=int, default=4)
    parser.add_argument("--seed", type=int, default=240)
    parser.add_argument("--variants", default="", help="comma-separated variant names (default: all)")
    parser.add_argument("--in-process", action="store_true", help="call parse_document here, not a process per document")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses, merges and extra strings per variant")
    parser.add_argument("--keep", type=Path, help="write the documents, their text as read and their truth here")
    parser.add_argument("--json", action="store_true", help="print the totals as one JSON object at the end")
    args = parser.parse_args(argv)

    variants = chosen_variants(parser, args.variants, VARIANTS)
    run = parse_in_process if args.in_process else parse_process
    folder = args.keep or Path(tempfile.mkdtemp(prefix="docrender-"))
    folder.mkdir(parents=True, exist_ok=True)
    mode = "in-process" if args.in_process else "one vexascite parse process per document"
    print(f"docrender training half, seed {args.seed}, {args.docs_per_variant} documents per variant, {mode}")
    print(table_header("variant", COLUMNS, width=20, indent=""))
    total = Tally()
    for variant in variants:
        row = Tally()
        shown: list[str] = []
        for doc in generate(variant, args.docs_per_variant, seed=args.seed):
            path = folder / f"{doc.name}{doc.suffix}"
            doc.write(path)
            if args.keep:
                from vexascite.api import document_text

                (folder / f"{doc.name}.read.txt").write_text(document_text(path), encoding="utf-8")
                (folder / f"{doc.name}.truth.json").write_text(
                    json.dumps({"note": doc.notes, "truth": doc.truth}, indent=1, ensure_ascii=False), encoding="utf-8"
                )
            start = time.perf_counter()
            raws = run(path)
            row.seconds += time.perf_counter() - start
            scored = row.score(doc.truth, raws)
            if args.show:
                shown.extend(f"  MERGE in {doc.name} ({doc.notes}): {len(held)} entries:\n    {raw[:400]!r}" for raw, held in scored.merges)
                for t, near in zip(scored.missed, scored.near, strict=True):
                    shown.append(f"  MISS in {doc.name} ({doc.notes}):\n    truth {t[:300]!r}" + "".join(f"\n    found {n[:400]!r}" for n in near[:3]))
                shown.extend(f"  EXTRA in {doc.name}: {raw[:300]!r}" for raw in scored.unmatched)
        total.add(row)
        print(table_row(variant, row, COLUMNS, width=20, indent=""), flush=True)
        for line in shown[: args.show * 3]:
            print(line)
    print(table_row("all", total, COLUMNS, width=20, indent=""))
    print(f"{total.seconds:.1f} s in the parser ({total.seconds / max(1, total.docs):.3f} s per document)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps({"f1": round(total.f1, 4), "precision": round(total.precision, 4), "recall": round(total.recall, 4),
                          "merges": total.merges, "entries": total.truth, "docs": total.docs}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
