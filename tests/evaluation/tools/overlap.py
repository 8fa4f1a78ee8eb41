"""Crude content-word overlap check used to keep queries from sharing words or
word stems with the note (or passage) they are meant to find."""
import re

STOP = set("""a an the and or but if of to in on at by for from with without into onto over under
up down out off about after before again all any both each few more most other some such no nor not
only own same so than too very can will just don't should now i me my we our us you your he him his
she her it its they them their what which who whom this that these those am is are was were be been
being have has had having do does did doing would could ought i'm we're it's is it's let's there here
when where why how also then s t d ll m re ve y""".split())


def stem(w):
    w = w.lower().replace("'", "")
    for suf in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "er", "ers", "ly", "ment", "ments"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def content(text):
    toks = [t for t in re.split(r"[^a-z0-9'£€]+", text.lower().replace("’", "'")) if t]
    toks = [t.strip("'") for t in toks]
    return {t for t in toks if t and t not in STOP}


def shared(query, doc):
    q, d = content(query), content(doc)
    hits = set()
    for a in q:
        for b in d:
            sa, sb = stem(a), stem(b)
            if a == b or sa == sb:
                hits.add((a, b))
            elif min(len(sa), len(sb)) >= 4 and (sa.startswith(sb) or sb.startswith(sa)):
                hits.add((a, b))
    return sorted(hits)
