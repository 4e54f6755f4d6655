#!/usr/bin/env python3
"""Compares two loopminer libraries row for row: files, pieces and windows (and
any other table both have with a file_id), every column but the row ids and the
import time, file ids replaced by paths. Exit 0 when equal; prints the first
differences otherwise.  usage: compare_libraries.py A.sqlite B.sqlite"""
import sqlite3
import sys


def rows(path, table):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    cols = [r[1] for r in db.execute(f'SELECT * FROM pragma_table_info("{table}")')]
    sel = ["f.path" if c == "file_id" else f't."{c}"' for c in cols if c not in ("id", "imported_at")]
    join = " JOIN files f ON f.id=t.file_id" if "file_id" in cols else ""
    out = sorted(repr(r) for r in db.execute(f'SELECT {",".join(sel)} FROM "{table}" t{join}'))
    db.close()
    return out


def main():
    a, b = sys.argv[1], sys.argv[2]
    bad = 0
    for table in ("files", "pieces", "windows"):
        ra, rb = rows(a, table), rows(b, table)
        if not ra:
            print(f"{table}: no rows in {a}")
            bad += 1
        if ra != rb:
            bad += 1
            only_a = [r for r in ra if r not in set(rb)][:3]
            only_b = [r for r in rb if r not in set(ra)][:3]
            print(f"{table}: {len(ra)} rows vs {len(rb)}; only in {a}: {only_a}; only in {b}: {only_b}")
        else:
            print(f"{table}: {len(ra)} rows, equal")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
