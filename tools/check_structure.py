#!/usr/bin/env python3
"""Checks the code's structure; run by ctest (check_layers, check_sizes).

layers: every core module includes only itself and the modules below it
        (the table ALLOWED); core never includes ui/, app/, QtGui or QtWidgets;
        ui never includes app/; and no include cycle exists between folders.
sizes:  no source file over 600 lines and no function over 100 lines outside
        tests/ (a function: a brace block opened after a ')' at depth 0 or 1).

  check_structure.py layers|sizes [ROOT]
Exit 0 when clean; 1 with one line per violation.
"""
import os
import re
import sys

# What each core folder may include besides itself (lowest first).
ALLOWED = {
    "base": set(),
    "model": {"base"},
    "io": {"base", "model"},
    "analysis": {"base", "model"},
    "audio": {"base", "model", "analysis"},
    "playback": {"base", "model", "io"},
    "ml": {"base", "model", "analysis"},
    "library": {"base", "model", "io", "analysis", "audio", "playback", "ml"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
SOURCES = (".cpp", ".h")


def sources(root, top):
    for d, _, files in os.walk(os.path.join(root, top)):
        for f in sorted(files):
            if f.endswith(SOURCES):
                yield os.path.join(d, f)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield n, m.group(1)


def check_layers(root):
    problems, edges = [], {}
    for path in sources(root, "core"):
        rel = os.path.relpath(path, root)
        module = rel.split(os.sep)[1]
        if module not in ALLOWED:
            problems.append(f"{rel}: core/{module} is not a known module (add it to ALLOWED)")
            continue
        for n, inc in includes(path):
            if inc.startswith(("ui/", "app/")) or re.match(r"(QtGui|QtWidgets)/|Q(Widget|Painter|Image|Color|Pixmap)\b", inc):
                problems.append(f"{rel}:{n}: core includes {inc} (core is Qt Core only, below ui and app)")
            m = re.match(r"core/([a-z]+)/", inc)
            if not m:
                continue
            dep = m.group(1)
            if dep != module:
                edges.setdefault(module, set()).add(dep)
                if dep not in ALLOWED[module]:
                    problems.append(f"{rel}:{n}: core/{module} includes {inc}: core/{dep} is not below core/{module}")
    for path in sources(root, "ui"):
        for n, inc in includes(path):
            if inc.startswith("app/"):
                problems.append(f"{os.path.relpath(path, root)}:{n}: ui includes {inc} (app is above ui)")
    # A cycle between folders, whatever the table says.
    state = {}

    def visit(m, trail):
        state[m] = 1
        for d in sorted(edges.get(m, ())):
            if state.get(d) == 1:
                problems.append("include cycle: " + " -> ".join(trail + [m, d]))
            elif d not in state:
                visit(d, trail + [m])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [])
    return problems


def functions(lines):
    """(first line, length) of each brace block that looks like a function body."""
    depth, start, out, pending = 0, None, [], False
    for n, raw in enumerate(lines, 1):
        line = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|//.*$', "", raw)
        for ch in line:
            if ch == "{":
                if start is None and pending:
                    start, start_depth = n, depth
                depth += 1
            elif ch == "}":
                depth -= 1
                if start is not None and depth == start_depth:
                    out.append((start, n - start + 1))
                    start = None
        stripped = line.strip()
        if stripped:
            # A body follows a signature's ')' (maybe with const/override/-> T) at namespace or class depth.
            pending = depth <= 2 and bool(re.search(r"\)\s*(const|override|final|noexcept|->\s*[\w:<>]+|\s)*\{?\s*$", stripped))
            if "{" in stripped and not stripped.endswith("{"):
                pending = False
    return out


def check_sizes(root):
    problems = []
    for top in ("core", "ui", "app", "bench", "tools"):
        for path in sources(root, top):
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            if len(lines) > 600:
                problems.append(f"{rel}: {len(lines)} lines (at most 600)")
            for first, length in functions(lines):
                if length > 100:
                    problems.append(f"{rel}:{first}: a function of {length} lines (at most 100)")
    return problems


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "layers"
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    problems = check_layers(root) if what == "layers" else check_sizes(root)
    for p in problems:
        print(p)
    print(f"check_structure {what}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
