"""Build search/notes.json, search/queries.json and search/long-transcript.json
from the specs, and check them (counts, ids, no shared content words or stems
between a query and the text it should find, target indexes computed here)."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from overlap import shared  # noqa: E402
import search_spec  # noqa: E402
import transcript_spec  # noqa: E402

OUT = os.path.join(HERE, "..", "search")
problems = []


def dump(obj, name):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


notes = [{"id": i, "title": t, "text": x} for i, t, x in search_spec.NOTES]
queries = [{"query": q, "expected": e} for q, e in search_spec.QUERIES]
ids = {n["id"] for n in notes}
if len(notes) != 60 or len(ids) != 60:
    problems.append(f"{len(notes)} notes / {len(ids)} ids")
if len(queries) != 45:
    problems.append(f"{len(queries)} queries")
by_id = {n["id"]: n for n in notes}
for q in queries:
    if q["expected"] not in ids:
        problems.append(f"unknown id {q['expected']}")
        continue
    n = by_id[q["expected"]]
    hits = shared(q["query"], n["title"] + " " + n["text"])
    if hits:
        problems.append(f"{q['expected']} query shares {hits}: {q['query']}")
for n in notes:
    s = len(re.findall(r"[.!?](\s|$)", n["text"])) or 1
    if len(n["text"].split()) < 10:
        problems.append(f"{n['id']} text short")
dump(notes, "notes.json")
dump(queries, "queries.json")

# long transcript
parts, first, last, pos = [], None, None, 0
for name, seg in transcript_spec.SEGMENTS:
    words = seg.split()
    if name == "TARGET":
        first, last = pos, pos + len(words) - 1
    parts.extend(words)
    pos += len(words)
text = " ".join(parts)
if not re.fullmatch(r"[a-z0-9' ]+", text):
    problems.append("transcript has punctuation or capitals")
toks = text.split(" ")
target_text = " ".join(toks[first:last + 1])
target_seg = [s for n, s in transcript_spec.SEGMENTS if n == "TARGET"][0]
assert target_text == " ".join(target_seg.split())
rest = " ".join(toks[:first] + toks[last + 1:])
for w in ["fire", "extinguisher", "evacuat", "drill", "warden", "assembly point", "alarm", "smoke",
          "emergency", "exit", "inspect", "flame", "blaze", "sprinkler"]:
    if re.search(r"\b" + w, rest):
        problems.append(f"target topic word '{w}' occurs outside the target passage")
for q in transcript_spec.QUERIES:
    hits = shared(q, target_text)
    if hits:
        problems.append(f"transcript query shares {hits}: {q}")
minute = lambda i: i / len(toks) * 20  # noqa: E731  (20-minute recording)
transcript = {
    "text": text,
    "target": {"firstWord": first, "lastWord": last,
               "topic": "fire safety: replacing the fire extinguishers, the evacuation drill and fire wardens"},
    "queries": list(transcript_spec.QUERIES),
}
dump(transcript, "long-transcript.json")
print(f"notes {len(notes)}, queries {len(queries)}, transcript {len(toks)} words, "
      f"target words {first}-{last} ({last-first+1} words, minute {minute(first):.1f}-{minute(last):.1f} of 20)")
print("PROBLEMS:" if problems else "no problems found")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
