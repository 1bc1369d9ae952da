"""Entity layer benchmark (issue 3): actor country and sector coding, mentions, coreference.

    python bench/entities.py [--split all|airbus|apple|gm|stock] [--limit N] [--errors FILE]

Reads ../shared at run time (nothing is copied) and prints {"skipped": ...} when the data or
`newsgraph.extract.actors` is missing. The last stdout line is one JSON object; breakdowns go
to stderr; `--errors` writes one JSON line per mistake.

Part 1, actor coding: PLOVER GSR (322 CAMEO-manual sentences, no split). Every actor and
recipient with a code goes through `code_actor(sentence, actor_text)`; 19 actor texts are not
verbatim in their sentence ("U.S. ... negotiators") and are passed as they are. Gold codes
are CAMEO, mostly ISO 3166 alpha-3; CAMEO_TO_ISO maps the three that are not (JAP, ITL, and
VTN for "Vietnamese-led forces"). IGO, NGO, IMG and ISM (uncatalogued: "Muslim hackers") are
transnational and scored apart: gsr_org_accuracy counts a prediction right unless it names a
real country, so None, "IGO" and CAMEO organisation codes ("UNO", "EUR", "NAT") all pass, as
the gold code is only the category; gsr_org_accuracy_strict takes only None or the same code.
Gold sectors are CAMEO role strings: the first three letters are the primary sector, the
rest (lower case: ethnic group, "CVLalb"; upper case: religion, "GOVMOS") is not scored.
"***" (unknown) is not scored; "CIV" (2 items) is read as the civilian code CVL. Items with
no gold sector feed gsr_sector_empty_agreement (no predicted sector either).

Part 2, mentions and coreference: MEANTIME English (120 Wikinews docs, no official split; all
are used, `--split` picks a topic sub-corpus for development). Each doc is rebuilt from its
tokens (headline, then one paragraph per sentence without the dateline, detokenised by
../shared/tools/meantime_to_timeml.py) and dated by its CREATION_TIME. Only the headline and
body sentences 2-5 (or to the last sentence with a markable) are annotated, so predictions
elsewhere are not scored. A predicted mention stands for the tokens it overlaps and matches a
gold mention when the token sets are equal; "lenient" asks only for the same last token (NP
heads are mostly final; the gold `head` attribute is empty). Gold clusters group mentions by
REFERS_TO entity, unlinked ones are singletons. MUC and B3 come from score_partitions in
../shared/tools/score_clusters.py (predicted mentions, singletons kept). The baseline
regroups the same predicted mentions by exact surface string.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import IO, Any

import pycountry

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR_FILE = SHARED / "data" / "events" / "plover-gsr-cameo" / "plover_gsr_cameo.normalized.jsonl"
MEANTIME_DIR = SHARED / "data" / "timex" / "meantime-en" / "cat-xml"
TOOLS = SHARED / "tools"
TOPICS = ("airbus", "apple", "gm", "stock")

CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "ISM"})
SECTOR_FIXES = {"CIV": "CVL"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

Key = tuple[str, tuple[int, ...]]
"""One mention: document name and its token ids."""


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shared_{name}", TOOLS / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {TOOLS / name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ratio(num: float, den: float) -> float:
    return round(num / den, 4) if den else 0.0


def f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


# ------------------------------------------------------------------ part 1: actor coding


def gold_country(code: str) -> tuple[str, str]:
    """("country" | "org" | "unknown", normalised code)."""
    code = CAMEO_TO_ISO.get(code, code)
    if code in TRANSNATIONAL:
        return "org", code
    return ("country" if pycountry.countries.get(alpha_3=code) else "unknown"), code


def gold_sector(raw: str) -> str | None:
    if not raw or raw == "***":
        return None
    primary = raw[:3].upper()
    return SECTOR_FIXES.get(primary, primary)


PHOENIX = tuple(
    SHARED / "data" / "actors" / "phoenix" / f"Phoenix.{name}.actors.txt"
    for name in ("Countries", "International", "MilNonState")
)


def gsr_half(record_id: str) -> str:
    """GSR has no split: a fixed half by hash of the id is for development, the other for test."""
    return "dev" if zlib.crc32(record_id.encode()) % 2 == 0 else "test"


def run_gsr(
    code_actor: Callable[[str, str], Any],
    limit: int | None,
    errors: IO[str] | None,
    half: str = "all",
) -> dict[str, float]:
    n: Counter[str] = Counter()
    with GSR_FILE.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()][:limit]
    records = [r for r in records if half == "all" or gsr_half(r["id"]) == half]
    for rec in records:
        for role in ("actor", "recipient"):
            for item in rec[role]:
                if not item.get("code"):
                    continue
                actor = item["text"].strip()
                pred = code_actor(rec["text"], actor)
                kind, country = gold_country(item["code"])
                n[kind] += 1
                country_ok = pred.country == country
                if kind == "org":
                    n["org_strict_ok"] += country_ok or pred.country is None
                    country_ok = not pred.country or not pycountry.countries.get(
                        alpha_3=pred.country
                    )
                n[f"{kind}_ok"] += country_ok
                sector = gold_sector(item.get("sector") or "")
                sector_ok = sector is None or pred.sector == sector
                if sector:
                    n["sector"] += 1
                    n["sector_ok"] += sector_ok
                    n["sector_any_ok"] += sector in pred.sectors
                elif not item.get("sector"):
                    n["no_sector"] += 1
                    n["no_sector_ok"] += pred.sector is None
                    sector_ok = pred.sector is None
                if errors and not (country_ok and sector_ok):
                    row = {
                        "part": "gsr",
                        "id": rec["id"],
                        "role": role,
                        "sentence": rec["text"],
                        "actor": actor,
                        "gold": {"code": item["code"], "sector": item.get("sector") or ""},
                        "pred": {"country": pred.country, "sectors": list(pred.sectors)},
                        "wrong": [
                            w
                            for w, ok in (("country", country_ok), ("sector", sector_ok))
                            if not ok
                        ],
                    }
                    errors.write(json.dumps(row, ensure_ascii=False) + "\n")
    if n["unknown"]:
        print(
            f"gsr: {n['unknown']} items with a code that is neither ISO-3 nor an org",
            file=sys.stderr,
        )
    return {
        "gsr_country_accuracy": ratio(n["country_ok"], n["country"]),
        "gsr_org_accuracy": ratio(n["org_ok"], n["org"]),
        "gsr_org_accuracy_strict": ratio(n["org_strict_ok"], n["org"]),
        "gsr_sector_accuracy": ratio(n["sector_ok"], n["sector"]),
        "gsr_sector_any_accuracy": ratio(n["sector_any_ok"], n["sector"]),
        "gsr_sector_empty_agreement": ratio(n["no_sector_ok"], n["no_sector"]),
        "n_gsr_records": len(records),
        "n_gsr_country": n["country"],
        "n_gsr_org": n["org"],
        "n_gsr_sector": n["sector"],
        "n_gsr_no_sector": n["no_sector"],
    }


# ------------------------------------------------------------------ part 2: MEANTIME


@dataclass
class GoldMention:
    syntactic_type: str
    entity: str
    ent_type: str


@dataclass
class MeantimeDoc:
    name: str
    published: dt.date | None
    paragraphs: list[tuple[str, dict[int, tuple[int, int]]]]
    """Text, then token id -> offsets within that text."""
    scope: frozenset[int]
    """Token ids of the annotated sentences."""
    tokens: dict[int, str]
    mentions: dict[tuple[int, ...], GoldMention] = field(default_factory=dict)
    values: dict[tuple[int, ...], str] = field(default_factory=dict)
    """VALUE markables (QUANTITY, MONEY, PERCENT) by their token ids (bench/claims.py)."""

    def surface(self, ids: tuple[int, ...]) -> str:
        return " ".join(self.tokens[i] for i in ids)


def read_meantime(path: Path, detok: Callable[[list[tuple[str, str]]], Any]) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    sents: dict[int, list[tuple[str, str]]] = defaultdict(list)
    sentence_of: dict[int, int] = {}
    for tok in root.iter("token"):
        tid, sent = tok.get("t_id", ""), int(tok.get("sentence", "-1"))
        # The article's text is NFC and single-spaced, so the rebuilt paragraphs must be too.
        sents[sent].append((tid, unicodedata.normalize("NFC", " ".join((tok.text or "").split()))))
        sentence_of[int(tid)] = sent
    found, relations = root.find("Markables"), root.find("Relations")
    markables = list(found) if found is not None else []
    anchors = {
        el.get("m_id", ""): sorted(int(a.get("t_id", "")) for a in el.iter("token_anchor"))
        for el in markables
    }
    last = max([5, *(sentence_of[t] for ids in anchors.values() for t in ids)])
    scored = {0, *range(2, last + 1)}
    paragraphs = []
    for sent in sorted(sents):
        if sent != 1:  # the dateline: not annotated, and the date is given separately
            text, spans = detok(sents[sent])
            paragraphs.append(
                (str(text), {int(t): (int(a), int(b)) for t, (a, b) in spans.items()})
            )
    published = None
    for el in markables:
        if (
            el.tag == "TIMEX3"
            and el.get("functionInDocument") == "CREATION_TIME"
            and (m := _ISO_DATE.match(el.get("value", "")))
        ):
            published = dt.date(*map(int, m.groups()))
    doc = MeantimeDoc(
        name=root.get("doc_name") or path.stem,
        published=published,
        paragraphs=paragraphs,
        scope=frozenset(t for t, s in sentence_of.items() if s in scored),
        tokens={int(t): text for toks in sents.values() for t, text in toks},
    )
    ent_types = {
        el.get("m_id", ""): el.get("ent_type", "") for el in markables if el.tag == "ENTITY"
    }
    refers: dict[str, str] = {}
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if rel.tag == "REFERS_TO" and target is not None:
            for src in rel.findall("source"):
                # 2 mentions point at two entities; the first link is kept.
                refers.setdefault(src.get("m_id", ""), target.get("m_id", ""))
    for el in markables:
        m_id = el.get("m_id", "")
        if el.tag == "VALUE" and anchors[m_id]:
            doc.values[tuple(anchors[m_id])] = el.get("type", "")
        if el.tag == "ENTITY_MENTION" and anchors[m_id]:
            entity = refers.get(m_id, f"unlinked-{m_id}")
            doc.mentions.setdefault(
                tuple(anchors[m_id]),
                GoldMention(
                    el.get("syntactic_type") or "(none)", entity, ent_types.get(entity, "-")
                ),
            )
    return doc


def token_offsets(doc: MeantimeDoc, text: str) -> tuple[list[tuple[int, int, int]], int]:
    """(start, end, token id) in `text` for every paragraph found in it; and how many were not."""
    out: list[tuple[int, int, int]] = []
    cursor = missing = 0
    for para, spans in doc.paragraphs:
        pos = text.find(para, cursor)
        if pos < 0:
            missing += 1
            continue
        out.extend((pos + a, pos + b, tid) for tid, (a, b) in spans.items() if b > a)
        cursor = pos + len(para)
    return out, missing


def clusters_of(groups: dict[Any, list[Key]]) -> list[set[Key]]:
    return [set(keys) for keys in groups.values() if keys]


def predict(
    docs: list[MeantimeDoc], n: Counter[str]
) -> Iterator[tuple[MeantimeDoc, list[tuple[str, Key, str]]]]:
    """Each doc with its scored predicted mentions: (entity id, key, surface)."""
    from newsgraph import NewsgraphError, article_from_text, build_processor

    processor = build_processor()
    built = []
    for doc in docs:
        try:
            text = "\n\n".join(p for p, _ in doc.paragraphs)
            built.append((doc, article_from_text(text, uri=doc.name, published=doc.published)))
        except NewsgraphError as exc:
            n["docs_rejected"] += 1
            print(f"meantime: {doc.name}: {exc}", file=sys.stderr)
    results = processor.process(article for _, article in built)
    for (doc, _), result in zip(built, results, strict=True):
        # A crashed extractor is recorded in the result, not raised: zeros would look like scores.
        n["entities_run_not_ok"] += any(
            r.name == "entities" and r.status != "ok" for r in result.runs
        )
        offsets, missing = token_offsets(doc, result.article.text)
        n["paragraphs_not_found"] += missing
        mentions, seen = [], set()
        for entity in result.entities:
            for span in entity.mentions:
                ids = tuple(sorted(t for a, b, t in offsets if a < span.end and b > span.start))
                if not ids:
                    n["pred_unaligned"] += 1
                elif ids[0] not in doc.scope:
                    n["pred_out_of_scope"] += 1
                elif (doc.name, ids) in seen:
                    n["pred_duplicate_tokens"] += 1
                else:
                    seen.add((doc.name, ids))
                    mentions.append((entity.id, (doc.name, ids), span.text))
        yield doc, mentions


def run_meantime(split: str, limit: int | None, errors: IO[str] | None) -> dict[str, float]:
    scorer, detok = _tool("score_clusters"), _tool("meantime_to_timeml").detok
    topics = TOPICS if split == "all" else (split,)
    paths = sorted(p for t in topics for p in (MEANTIME_DIR / f"corpus_{t}").glob("*.xml"))
    docs = [read_meantime(p, detok) for p in paths[:limit]]
    n: Counter[str] = Counter()
    gold: dict[Key, GoldMention] = {}
    # Clusters are keyed by (doc, id) so that no cluster crosses documents.
    key: dict[tuple[str, str], list[Key]] = defaultdict(list)
    ours: dict[tuple[str, str], list[Key]] = defaultdict(list)
    baseline: dict[tuple[str, str], list[Key]] = defaultdict(list)
    pred_surface: dict[Key, str] = {}
    for doc, mentions in predict(docs, n):
        for ids, mention in doc.mentions.items():
            gold[(doc.name, ids)] = mention
            key[(doc.name, mention.entity)].append((doc.name, ids))
        for entity, k, surface in mentions:
            ours[(doc.name, entity)].append(k)
            baseline[(doc.name, surface)].append(k)
            pred_surface[k] = surface
    gold_clusters = clusters_of(key)
    res: dict[str, Any] = scorer.score_partitions(gold_clusters, clusters_of(ours))
    base: dict[str, Any] = scorer.score_partitions(gold_clusters, clusters_of(baseline))

    matched = gold.keys() & pred_surface.keys()
    for label in ("syntactic_type", "ent_type"):
        total = Counter(getattr(m, label) for m in gold.values())
        hits = Counter(getattr(gold[k], label) for k in matched)
        print(f"meantime gold mentions by {label} (matched/total):", file=sys.stderr)
        for t, c in total.most_common():
            print(f"  {t:10} {hits[t]:5}/{c:<5} {ratio(hits[t], c):.3f}", file=sys.stderr)
    for note, count in sorted(n.items()):
        print(f"meantime note: {note} = {count}", file=sys.stderr)

    gold_last = {(d, ids[-1]) for d, ids in gold}
    pred_last = {(d, ids[-1]) for d, ids in pred_surface}
    lenient_p = ratio(sum((d, ids[-1]) in gold_last for d, ids in pred_surface), len(pred_surface))
    lenient_r = ratio(sum((d, ids[-1]) in pred_last for d, ids in gold), len(gold))
    if errors:
        write_meantime_errors(errors, docs, gold, ours, pred_surface)
    mentions = res["mentions"]
    return {
        "meantime_mention_precision": round(mentions["precision"], 4),
        "meantime_mention_recall": round(mentions["recall"], 4),
        "meantime_mention_f1": round(mentions["f1"], 4),
        "meantime_mention_f1_lenient": f1(lenient_p, lenient_r),
        "meantime_b3_f1": round(res["bcub"]["f1"], 4),
        "meantime_muc_f1": round(res["muc"]["f1"], 4),
        "baseline_b3_f1": round(base["bcub"]["f1"], 4),
        "baseline_muc_f1": round(base["muc"]["f1"], 4),
        "n_meantime_docs": len(docs) - n["docs_rejected"],
        "n_meantime_entities_failed": n["entities_run_not_ok"],
        "n_meantime_gold_mentions": mentions["key"],
        "n_meantime_pred_mentions": mentions["response"],
        "n_meantime_matched_mentions": mentions["matched"],
        "n_meantime_gold_entities": len(gold_clusters),
    }


def write_meantime_errors(
    out: IO[str],
    docs: list[MeantimeDoc],
    gold: dict[Key, GoldMention],
    ours: dict[tuple[str, str], list[Key]],
    pred_surface: dict[Key, str],
) -> None:
    by_name = {d.name: d for d in docs}

    def row(kind: str, doc: str, **fields: Any) -> None:
        out.write(json.dumps({"part": "meantime", "kind": kind, "doc": doc, **fields}) + "\n")

    for (doc, ids), m in gold.items():
        if (doc, ids) not in pred_surface:
            text = by_name[doc].surface(ids)
            row("missed", doc, text=text, syntactic_type=m.syntactic_type, ent_type=m.ent_type)
    for (doc, ids), surface in pred_surface.items():
        if (doc, ids) not in gold:
            row("spurious", doc, text=surface, tokens=by_name[doc].surface(ids))
    # Coreference errors over matched mentions only: a gold entity spread over several of our
    # entities (split) and one of our entities holding several gold entities (merged).
    pred_of = {k: entity for entity, keys in ours.items() for k in keys}
    Groups = dict[tuple[str, str], dict[str, list[str]]]
    spread: Groups = defaultdict(lambda: defaultdict(list))
    held: Groups = defaultdict(lambda: defaultdict(list))
    for k, m in gold.items():
        if k in pred_of:
            spread[(k[0], m.entity)][pred_of[k][1]].append(pred_surface[k])
            held[pred_of[k]][m.entity].append(pred_surface[k])
    for kind, groups in (("split", spread), ("merged", held)):
        for (doc, entity), parts in groups.items():
            if len(parts) > 1:
                row(kind, doc, entity=entity, groups=list(parts.values()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=("all", *TOPICS), default="all")
    parser.add_argument(
        "--gsr-half",
        choices=("all", "dev", "test"),
        default="all",
        help="GSR records by a fixed hash of their id: develop on dev, report test",
    )
    parser.add_argument("--only", choices=("gsr", "meantime"), help="run one part")
    parser.add_argument(
        "--no-dictionaries",
        action="store_true",
        help="skip the second GSR pass with the shared Phoenix actor dictionaries",
    )
    parser.add_argument("--limit", type=int, help="first N GSR records and MEANTIME docs")
    parser.add_argument("--errors", type=Path, help="write per-item mistakes here (JSONL)")
    args = parser.parse_args()

    needed = (GSR_FILE, MEANTIME_DIR, TOOLS / "score_clusters.py", TOOLS / "meantime_to_timeml.py")
    missing = [p for p in needed if not p.exists()]
    if missing:
        print(json.dumps({"skipped": f"not found: {', '.join(map(str, missing))}"}))
        return
    try:
        from newsgraph.extract.actors import code_actor
    except ImportError:
        print(json.dumps({"skipped": "newsgraph.extract.actors not available"}))
        return
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    try:
        out: dict[str, float] = {}
        if args.only in (None, "gsr"):
            started = time.perf_counter()
            out |= run_gsr(code_actor, args.limit, errors, args.gsr_half)
            print(f"gsr ({args.gsr_half}): {time.perf_counter() - started:.1f}s", file=sys.stderr)
            if not args.no_dictionaries and all(p.exists() for p in PHOENIX):
                # newsgraph ships no person dictionary; a user may point it at one (the
                # Phoenix files here), so the score with them is reported beside the plain one.
                from newsgraph.extract.dictionaries import load_dictionaries

                coder = partial(code_actor, dictionary=load_dictionaries(PHOENIX))
                with_dict = run_gsr(coder, args.limit, None, args.gsr_half)
                out |= {
                    f"{k}_with_dictionaries": v for k, v in with_dict.items() if "accuracy" in k
                }
        if args.only in (None, "meantime"):
            started = time.perf_counter()
            out |= run_meantime(args.split, args.limit, errors)
            print(f"meantime: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    finally:
        if errors:
            errors.close()
    print(f"split: {args.split}", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
