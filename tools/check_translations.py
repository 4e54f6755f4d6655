#!/usr/bin/env python3
"""Are the .ts files current and the German complete? Run by ctest (check_translations).

Runs lupdate, with the options the build's update_translations target uses, on
temporary copies of the committed .ts files and fails when that would change
them: a tr() string that is new (not in the committed file), one that is in the
file but no longer in the sources, or one without a translation. The committed
files are never touched. To fix: cmake --build build --target update_translations,
then translate what is unfinished (linguist translations/loopminer_de.ts, or by hand).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def messages(path):
    """(context, source, comment) -> finished?, for every message of a .ts file."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text]
            finished = tr.get("type") not in ("unfinished", "obsolete", "vanished") and all(forms)
            out[(name, m.findtext("source"), m.findtext("comment") or "")] = finished
    return out


def show(key):
    ctx, source, comment = key
    return f"  [{ctx}] {source!r}" + (f" ({comment})" if comment else "")


def check(ts, args, extra, tmp):
    copy = os.path.join(tmp, os.path.basename(ts))
    shutil.copyfile(ts, copy)
    with open(args.sources, encoding="utf-8") as f:
        sources = [line.strip() for line in f if line.strip()]
    cmd = [args.lupdate, *[f"-I{i}" for i in args.include], *sources, *args.option, *extra, "-ts", copy]
    run = subprocess.run(cmd, capture_output=True, text=True)
    print(run.stdout.strip())
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return [f"{ts}: lupdate failed ({run.returncode})"]
    before, after = messages(ts), messages(copy)
    new = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    unfinished = sorted(k for k, done in after.items() if not done)
    release = subprocess.run([args.lrelease, copy, "-qm", copy + ".qm"], capture_output=True, text=True)
    print(release.stdout.strip())
    print(f"{os.path.basename(ts)}: {len(after)} strings, {len(after) - len(unfinished)} finished, "
          f"{len(unfinished)} unfinished, {len(new)} new, {len(gone)} no longer in the sources")
    problems = []
    if new:
        problems.append(f"{ts}: {len(new)} string(s) not in the file (run the update_translations target):\n"
                        + "\n".join(map(show, new)))
    if gone:
        problems.append(f"{ts}: {len(gone)} string(s) no longer in the sources (run the update_translations target):\n"
                        + "\n".join(map(show, gone)))
    if unfinished:
        problems.append(f"{ts}: {len(unfinished)} string(s) without a translation:\n" + "\n".join(map(show, unfinished)))
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lupdate", required=True)
    p.add_argument("--lrelease", required=True)
    p.add_argument("--sources", required=True, help="a file naming the sources lupdate reads, one a line")
    p.add_argument("--include", action="append", default=[])
    p.add_argument("--option", action="append", default=[], help="an lupdate option of the build's")
    p.add_argument("--ts", action="append", default=[], help="a translation to check")
    p.add_argument("--plurals", action="append", default=[], help="a plural-forms-only translation (-pluralonly)")
    args = p.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in args.ts:
            problems += check(ts, args, [], tmp)
        for ts in args.plurals:
            problems += check(ts, args, ["-pluralonly"], tmp)
    for problem in problems:
        print(problem)
    print(f"check_translations: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
