"""Generate a realistic BibTeX file: LaTeX accents in every form, @string macros,
month macros, nested braces, math, ``\\&``, crossref parents (deterministic by seed)."""

from __future__ import annotations

import random

FAMILIES = [
    "Beck",
    'M{\\"u}ller',
    "Heiblig",
    "Gu\\'{e}ry",
    "Rivi{\\`e}re",
    "Ferrada",
    '{\\AA}str{\\"o}m',
    "Koster",
    "Grayson",
    "Sujobert",
    "{\\v{S}}koda",
    "Fran{\\c{c}}ois",
    "Obiorah",
    "Patel",
    "Comont",
]
GIVEN = [
    "David B.",
    'Ma{\\"e}l',
    "Marcela A.",
    "J{\\'e}r{\\^o}me",
    "Pierre",
    "Bhavisha A.",
    "Ana",
    "Lionel",
]
WORDS = [
    "somatic",
    "mutations",
    "in",
    "{UBA1}",
    "and",
    "severe",
    "adult-onset",
    "autoinflammatory",
    "disease",
    "{VEXAS}",
    "syndrome",
    "ruxolitinib",
    "{JAK} inhibitors",
    "azacitidine",
    "response",
    "$\\alpha$-chain",
    "R\\&D",
    "{\\em in vivo}",
    "myelodysplastic",
    "{{nested {braces}}}",
    "cohort",
    "retrospective",
]
JOURNALS = ["blood", "nejm", "bjh", "annrheum"]


def generate(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = [
        '@string{blood = "Blood"}',
        '@string{nejm = "N Engl J Med"}',
        '@string{bjh = "Br J Haematol"}',
        '@string{annrheum = "Ann Rheum Dis"}',
        "",
    ]
    for i in range(n):
        authors = " and ".join(
            f"{rng.choice(FAMILIES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 6))
        )
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
        year = rng.randint(1990, 2025)
        month = rng.choice(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        )
        first = rng.randint(1, 5000)
        if i % 50 == 49:
            out.append(
                f"@inproceedings{{paper{i},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
                f"  crossref = {{proc{i}}},\n  pages = {{{first}--{first + 9}}}\n}}\n"
                f"@proceedings{{proc{i},\n  title = {{Proceedings of the {i}th Meeting}},\n  year = {year},\n"
                f"  publisher = {{ACR}}\n}}\n"
            )
            continue
        out.append(
            f"@article{{key{i},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
            f"  journal = {rng.choice(JOURNALS)},\n  year = {year},\n  month = {month},\n"
            f"  volume = {{{rng.randint(1, 150)}}},\n  number = {{{rng.randint(1, 24)}}},\n"
            f"  pages = {{{first}--{first + rng.randint(1, 15)}}},\n  doi = {{10.{rng.randint(1000, 9999)}/gen.{i}}},\n"
            f"  keywords = {{VEXAS; UBA1}},\n  annote = {{an unknown field kept verbatim}}\n}}\n"
        )
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10000))
