"""Generated CSL-JSON works for large libraries (the web app's tests and benchmarks):
distinct titles carrying inline markup, two authors from a few hundred names, four
journals, 35 years, a third with fictional DOIs (10.5555/big.N), keys w0, w1, ..."""

from __future__ import annotations

JOURNALS = ["Blood", "N Engl J Med", "Br J Haematol", "Ann Rheum Dis"]


def generate_works(n: int) -> list[dict[str, object]]:
    """``n`` distinct CSL-JSON items, deterministic."""
    return [
        {
            "id": f"w{i}",
            "type": "article-journal",
            "title": f"Study {i} of VEXAS syndrome and <i>UBA1</i> variant {i % 97} in cohort {i // 97}",
            "author": [
                {"family": f"Author{i % 613}", "given": "A"},
                {"family": f"Second{i % 211}", "given": "B"},
            ],
            "container-title": JOURNALS[i % 4],
            "issued": {"date-parts": [[1990 + i % 35]]},
            "volume": str(i % 150),
            "page": f"{i}-{i + 9}",
            **({"DOI": f"10.5555/big.{i}"} if i % 3 == 0 else {}),
        }
        for i in range(n)
    ]
