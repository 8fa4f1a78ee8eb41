"""Build spoken-notes/dev.json and test.json from the specs and check them.

Run from anywhere:  python3 tests/evaluation/tools/build_spoken_notes.py
Prints each note with the weekday of the recording and every resolved date so
a person can re-read them against the text.
"""
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spoken_common import resolve, PRI, KIND  # noqa: E402
import spoken_dev_spec  # noqa: E402
import spoken_test_spec  # noqa: E402

ORDER = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}
OUT = os.path.join(HERE, "..", "spoken-notes")
problems = []


def build(spec_notes, name, expected_count, verbose):
    out = []
    for nid, rec, tz, text, note_pri, tasks in spec_notes:
        recorded = dt.datetime.fromisoformat(rec)
        today = recorded.date()
        if not re.fullmatch(r"[a-z0-9' ]+", text) or "  " in text:
            problems.append(f"{nid}: text has characters other than a-z 0-9 ' and single spaces")
        n_words = len(text.split(" "))
        if not 30 <= n_words <= 150:
            problems.append(f"{nid}: {n_words} words")
        ts = []
        for action, kind, due, due_time, pri, assignee, recipient in tasks:
            d = resolve(due, today)
            if due_time is not None and not re.fullmatch(r"[0-2]\d:[0-5]\d", due_time):
                problems.append(f"{nid}: bad time {due_time}")
            if due_time is not None and d is None:
                problems.append(f"{nid}: time without date")
            if d is not None and d < today:
                problems.append(f"{nid}: due date in the past")
            ts.append({
                "action": action, "kind": KIND[kind],
                "due": d.isoformat() if d else None, "dueTime": due_time,
                "priority": PRI[pri], "assignee": assignee, "recipient": recipient})
        top = max([ORDER[t["priority"]] for t in ts], default=0)
        if ORDER[note_pri] != top:
            problems.append(f"{nid}: note priority {note_pri} but most urgent task is {top}")
        out.append({"id": nid, "recordedAt": rec, "timeZone": tz, "text": text,
                    "notePriority": note_pri, "tasks": ts})
        if verbose:
            print(f"\n{nid} {recorded:%a %Y-%m-%d %H:%M} {tz} [{n_words}w] {note_pri}")
            for (a, k, due, *_), t in zip(tasks, ts):
                wd = dt.date.fromisoformat(t['due']).strftime('%a') if t['due'] else ''
                print(f"   {t['kind']:5} {str(due):12} -> {t['due']} {wd} {t['dueTime'] or ''} "
                      f"{t['priority']} | {a} | a={t['assignee']} r={t['recipient']}")
    if len(out) != expected_count:
        problems.append(f"{name}: {len(out)} notes, expected {expected_count}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return out


verbose = "-q" not in sys.argv
dev = build(spoken_dev_spec.NOTES, "dev.json", 40, verbose)
test = build(spoken_test_spec.NOTES, "test.json", 60, verbose)
ids = [n["id"] for n in dev + test]
if len(set(ids)) != len(ids):
    problems.append("duplicate ids")
texts = [n["text"] for n in dev + test]
if len(set(texts)) != len(texts):
    problems.append("duplicate texts")
for name, notes in (("dev", dev), ("test", test)):
    n_tasks = sum(len(n["tasks"]) for n in notes)
    empty = sum(1 for n in notes if not n["tasks"])
    print(f"{name}: {len(notes)} notes, {n_tasks} tasks, {empty} notes without tasks, "
          f"{sum(1 for n in notes for t in n['tasks'] if t['kind']=='EVENT')} events")
print("PROBLEMS:" if problems else "no problems found")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
