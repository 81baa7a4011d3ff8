"""The fuzzer's allowances, read from the one table of deliberate differences.

``docs/DIFFERENCES.md``, section "Deliberate differences", has a last column
``fuzzer``: each backquoted span in it is one rule. Nothing else can excuse a
difference; tests never silence one on their own. The rules:

``unsupported /REGEX/``
    a torchnp ``NotImplementedError`` whose message matches REGEX stands for
    whatever NumPy did (the feature cannot be had on torch and says so loudly).
``values NAMES [if COND]``
    values are not compared (dtype, shape, scalar type, exception class and
    memory sharing still are).
``unordered NAMES [if COND]``
    values are compared as sorted sequences.
``rtol NAMES X [if COND]``
    values agree to relative tolerance X (of the largest magnitude).
``inputs NAMES [if COND]``
    what the call leaves in its array inputs is not compared.
``same-type A=B ...``
    NumPy's scalar type A and torchnp's B count as the same type.

NAMES is a comma-separated list of globs over qualified names (``sum``,
``linalg.*``, ``ndarray.sum``, ``random.Generator.*``) or ``@ufunc`` (every
ufunc); a suffix ``[0/2]`` limits a rule to those items of a tuple result. COND is ``numpy warns /REGEX/``, ``KEY=SOURCE`` (the keyword argument
KEY is given with that source text), ``KEY`` (given), ``!KEY`` (not given),
joined by ``and``.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import pathlib
import re

DIFFERENCES = pathlib.Path(__file__).resolve().parents[2] / "docs" / "DIFFERENCES.md"

_RULE = re.compile(r"^(unsupported|values|unordered|rtol|inputs|same-type)\s+(.*)$")


@dataclasses.dataclass(frozen=True)
class Rule:
    kind: str
    names: tuple = ()
    regex: re.Pattern | None = None
    rtol: float | None = None
    conds: tuple = ()
    row: str = ""  # the table row's first cell, for messages

    def applies(self, target, case, np_warnings=()):
        if self.kind == "same-type":
            return True
        if self.names and not any(_name_matches(g, target) for g in self.names):
            return False
        return all(_cond_holds(c, case, np_warnings) for c in self.conds)

    def paths(self, target):
        """The result paths the rule covers for ``target`` (None: all of the result)."""
        out = set()
        for g in self.names:
            if _name_matches(g, target):
                base, sep, idx = g.partition("[")
                if not sep:
                    return None
                out.update(f"result[{i.strip()}]" for i in idx.rstrip("]").split("/"))
        return out


def _name_matches(glob, target):
    glob = glob.partition("[")[0]
    if glob == "@ufunc":
        return target.kind == "ufunc"
    return fnmatch.fnmatchcase(target.qualname, glob)


def _cond_holds(cond, case, np_warnings):
    kind, a, b = cond
    if kind == "warns":
        return any(a.search(str(w.message)) for w in np_warnings)
    given = case.kwarg_sources()
    if kind == "given":
        return a in given
    if kind == "absent":
        return a not in given
    return given.get(a) == b  # "equals"


def _parse_regex(text):
    m = re.fullmatch(r"\s*/(.*)/\s*", text)
    if not m:
        raise ValueError(f"expected /REGEX/, got {text!r}")
    return re.compile(m.group(1), re.IGNORECASE)


def _parse_conds(text):
    conds = []
    for part in re.split(r"\s+and\s+", text.strip()):
        part = part.strip()
        if part.startswith("numpy warns"):
            conds.append(("warns", _parse_regex(part[len("numpy warns"):]), None))
        elif part.startswith("!"):
            conds.append(("absent", part[1:].strip(), None))
        elif "=" in part:
            k, _, v = part.partition("=")
            conds.append(("equals", k.strip(), v.strip()))
        elif part.isidentifier():
            conds.append(("given", part, None))
        else:
            raise ValueError(f"cannot parse condition {part!r}")
    return tuple(conds)


def parse_rule(text, row=""):
    """One rule (the text of a backquoted span)."""
    m = _RULE.match(text.strip())
    if not m:
        raise ValueError(f"DIFFERENCES.md fuzzer rule {text!r}: unknown kind")
    kind, rest = m.groups()
    if kind == "unsupported":
        return Rule(kind, regex=_parse_regex(rest), row=row)
    if kind == "same-type":
        pairs = tuple(tuple(p.split("=", 1)) for p in rest.split())
        if not pairs or any(len(p) != 2 for p in pairs):
            raise ValueError(f"DIFFERENCES.md fuzzer rule {text!r}: expected A=B pairs")
        return Rule(kind, names=pairs, row=row)
    rest, _, cond = rest.partition(" if ")
    conds = _parse_conds(cond) if cond else ()
    words = rest.split()
    rtol = None
    if kind == "rtol":
        rtol = float(words.pop())
    names = tuple(n.strip() for n in " ".join(words).split(",") if n.strip())
    if not names:
        raise ValueError(f"DIFFERENCES.md fuzzer rule {text!r}: no names")
    return Rule(kind, names=names, rtol=rtol, conds=conds, row=row)


def load_rules(path=DIFFERENCES):
    """Every rule of the deliberate-differences table (its ``fuzzer`` column)."""
    text = pathlib.Path(path).read_text()
    sect = text.split("## Deliberate differences", 1)[1].split("\n## ", 1)[0]
    rows = [ln for ln in sect.splitlines() if ln.startswith("|")]
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    if header[-1] != "fuzzer":
        raise ValueError("docs/DIFFERENCES.md: the deliberate-differences table has no "
                         "'fuzzer' column")
    rules = []
    for ln in rows[2:]:
        cells = _split_row(ln)
        if len(cells) != len(header):
            raise ValueError(f"docs/DIFFERENCES.md: row with {len(cells)} cells, expected "
                             f"{len(header)}: {ln}")
        for span in re.findall(r"`([^`]+)`", cells[-1]):
            rules.append(parse_rule(span, row=cells[0]))
    return rules


def _split_row(line):
    """Cells of a Markdown table row (``|`` inside backquotes does not split; ``\\|`` is a bar)."""
    cells, cur, in_code = [], [], False
    body = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            cur.append("|")
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    cells.append("".join(cur).strip())
    return cells
