#!/usr/bin/env python3
"""Turns the logs of Scripts/benchmark into a Markdown summary (stdout).

Reads OUT/logs/*.{out,err,time} written by the benchmark script; computes XML and index sizes itself.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import subprocess


def time_report(path):
    """Wall seconds, user+sys seconds and peak RSS (MB) from a `/usr/bin/time -v` report."""
    text = path.read_text()
    wall = re.search(r"Elapsed \(wall clock\) time .*: (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):  # h:mm:ss or m:ss.ss
        seconds = seconds * 60 + float(part)
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    share = re.search(r"Percent of CPU this job got: (\d+)%", text)  # well below 100%: the machine was busy
    return {"wall": seconds, "cpu": cpu, "rss_mb": rss_kb / 1024, "cpu_share": share.group(1) if share else "?"}


def json_lines(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


def du_mb(path):
    """Disk usage as `du -sk` reports it (allocated blocks, what the index really costs on disk)."""
    return int(subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout.split()[0]) / 1024


def command_line(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def cpu_model():
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def ratio(a, b):
    return f"{a / b:.2f}" if b else "–"


def latency(entry):
    return f"{entry['p50_ms']:.2f} / {entry['p99_ms']:.2f} ({entry['mean_ms']:.2f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--rounds", required=True)
    parser.add_argument("--filter", required=True)
    parser.add_argument("--queries", type=pathlib.Path, required=True)
    args = parser.parse_args()
    logs = args.out / "logs"

    xml_files = [pathlib.Path(d) / f for d, _, fs in os.walk(args.out / "docs") for f in fs if f.endswith(".xml")]
    xml_mb = sum(f.stat().st_size for f in xml_files) / 1e6
    queries = [q for q in args.queries.read_text(encoding="utf-8").splitlines() if q.strip()]

    # Indexing
    kb_time, ref_time = time_report(logs / "kb-index.time"), time_report(logs / "ref-index.time")
    summary = (logs / "kb-index.out").read_text()
    kb_indexed = int(re.search(r"(\d+) indexed", summary).group(1))
    kb_skipped = int(re.search(r"(\d+) skipped", summary).group(1))
    ref = json_lines(logs / "ref-index.out")[0]
    kb_size, ref_size = du_mb(args.out / "kennisbank-index"), du_mb(args.out / "reference-db")

    rows = [
        ("Documents indexed (skipped)", f"{kb_indexed} ({kb_skipped})", f"{ref['docs']} ({ref['skipped']})", ""),
        ("Wall time, s", f"{kb_time['wall']:.2f}", f"{ref_time['wall']:.2f}", ratio(kb_time["wall"], ref_time["wall"])),
        ("of which reading + validating (`kennisbank check`), s", f"{time_report(logs / 'kb-check.time')['wall']:.2f}", "–", ""),
        ("CPU time (user+sys), s", f"{kb_time['cpu']:.2f}", f"{ref_time['cpu']:.2f}", ratio(kb_time["cpu"], ref_time["cpu"])),
        ("CPU share the process got (100% = one core)", f"{kb_time['cpu_share']}%", f"{ref_time['cpu_share']}%", ""),
        ("Throughput, docs/s", f"{kb_indexed / kb_time['wall']:.0f}", f"{ref['docs'] / ref_time['wall']:.0f}",
         ratio(kb_indexed / kb_time["wall"], ref["docs"] / ref_time["wall"])),
        ("Docs per CPU-second (steadier on a busy machine)", f"{kb_indexed / kb_time['cpu']:.0f}",
         f"{ref['docs'] / ref_time['cpu']:.0f}", ratio(kb_indexed / kb_time["cpu"], ref["docs"] / ref_time["cpu"])),
        ("Throughput, MB/s of XML", f"{xml_mb / kb_time['wall']:.2f}", f"{xml_mb / ref_time['wall']:.2f}",
         ratio(ref_time["wall"], kb_time["wall"])),
        ("Index size (du), MB", f"{kb_size:.1f}", f"{ref_size:.1f}", ratio(kb_size, ref_size)),
        ("Peak RSS, MB", f"{kb_time['rss_mb']:.0f}", f"{ref_time['rss_mb']:.0f}", ratio(kb_time["rss_mb"], ref_time["rss_mb"])),
    ]

    # Search
    kb_plain = json_lines(logs / "kb-search.out")[0]
    kb_filter = json_lines(logs / "kb-search-filter.out")[0]
    kb_page = json_lines(logs / "kb-search-page.out")[0]
    kb_page_filter = json_lines(logs / "kb-search-page-filter.out")[0]
    kb_allfirst = json_lines(logs / "kb-search-allfirst.out")[0]
    ref_modes = {e["mode"]: e for e in json_lines(logs / "ref-search.out")}
    ref_filter = {e["mode"]: e for e in json_lines(logs / "ref-search-filter.out")}
    kb_rss = max(time_report(logs / f"{n}.time")["rss_mb"] for n in ("kb-search", "kb-search-filter"))
    ref_rss = max(time_report(logs / f"{n}.time")["rss_mb"] for n in ("ref-search", "ref-search-filter"))
    search_rows = [
        ("Results page only (top 10 + snippets)", latency(kb_page), latency(ref_modes["plain"]),
         ratio(kb_page["p50_ms"], ref_modes["plain"]["p50_ms"])),
        ("Results page + exact facet counts", latency(kb_plain), latency(ref_modes["faceted"]),
         ratio(kb_plain["p50_ms"], ref_modes["faceted"]["p50_ms"])),
        (f"Results page only, filter {args.filter}", latency(kb_page_filter), latency(ref_filter["plain"]),
         ratio(kb_page_filter["p50_ms"], ref_filter["plain"]["p50_ms"])),
        (f"Results page + facet counts, filter {args.filter}", latency(kb_filter), latency(ref_filter["faceted"]),
         ratio(kb_filter["p50_ms"], ref_filter["faceted"]["p50_ms"])),
        ("Results page + exact facet counts, all-first (the product's default reading; the match set grows to "
         "every document with one of the words)", latency(kb_allfirst), latency(ref_modes["faceted"]),
         ratio(kb_allfirst["p50_ms"], ref_modes["faceted"]["p50_ms"])),
        ("Peak RSS of the search process, MB", f"{kb_rss:.0f}", f"{ref_rss:.0f}", ratio(kb_rss, ref_rss)),
    ]

    # Do both find the same documents? Differences explain (part of) latency differences.
    ref_totals = [int(line.split("\t")[1]) for line in (logs / "ref-totals.txt").read_text(encoding="utf-8").splitlines()]
    kb_totals = [line.split("\t") for line in (logs / "kb-totals.txt").read_text(encoding="utf-8").splitlines()]
    differing = [(q, int(k[0]), r, k[1] if len(k) > 1 else "") for q, k, r in zip(queries, kb_totals, ref_totals)
                 if int(k[0]) != r]

    # Kennisbank's analysis pipeline (folding, stemmer, decompounding, thesaurus) is chosen by this variable.
    analysis = os.environ.get("KENNISBANK_ANALYSIS") or "full"
    out = []
    out.append("# Kennisbank benchmark\n")
    out.append(f"{args.documents} synthetic documents (seed {args.seed}, {xml_mb:.1f} MB of XML); "
               f"{len(queries)} queries × {args.rounds} rounds after one warm-up pass.  ")
    load = (logs / "loadavg-start").read_text().split()[:3] if (logs / "loadavg-start").exists() else ["?"] * 3
    out.append(f"Kennisbank analysis: KENNISBANK_ANALYSIS={analysis}.  ")
    out.append(f"Load average before measuring: {' '.join(load)} (other work on the machine skews every figure).  ")
    out.append(f"{cpu_model()}, {os.cpu_count()} cores; Xapian {command_line(['xapian-config', '--version']).split()[-1]}; "
               f"{command_line(['swift', '--version'])}; {datetime.date.today().isoformat()}.\n")
    out.append("## Indexing\n")
    out.append("| | Kennisbank | Reference (C++) | Kennisbank ÷ reference |")
    out.append("|---|---:|---:|---:|")
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    out.append("")
    out.append("## Search latency\n")
    out.append("Milliseconds per query, p50 / p99 (mean), measured inside each process.\n")
    out.append("| Workload | Kennisbank | Reference (C++) | Kennisbank ÷ reference (p50) |")
    out.append("|---|---:|---:|---:|")
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in search_rows]
    out.append("")
    http = logs / "http-load.out"
    if http.exists():
        out.append("## HTTP `/api/search`\n")
        out.append("`Scripts/bench/http-load.sh` on the same Kennisbank index (release server, wrk on loopback, rotating "
                   "query set with facet filters):\n")
        out.append("```")
        keep = ("--- serve", "http-load summary", "  requests/s", "  latency", "  non-2xx", "  server peak")
        out += [line for line in http.read_text().splitlines() if line.startswith(keep)]
        out.append("```\n")
    out.append(f"Match counts agree for {len(queries) - len(differing)} of {len(queries)} queries.")
    if differing:
        out.append("\n| Query | Kennisbank | Reference | Kennisbank read it as |")
        out.append("|---|---:|---:|---|")
        out += [f"| `{q}` | {k} | {r} | {u or '–'} |" for q, k, r, u in differing]
        out.append("\nThe reference reads queries with Xapian's Snowball Dutch stemmer only. Kennisbank also reads them "
                   "in English (signalering → Zsignal, which is the Dutch stem of signalen) and runs its own analysis "
                   f"(KENNISBANK_ANALYSIS={analysis}), so it may match more and do more work per query. "
                   "\"read it as\" shows where Kennisbank fell back to any-of-the-words.")
    out.append("")
    out.append("## What differs between the two\n")
    out.append("- Kennisbank validates every file against the RelaxNG schema and the vocabulary, keeps a manifest for "
               "incremental runs, writes three databases (one per access level) and stores each document as JSON; "
               "the reference parses without validation into one database and stores only the snippet text.")
    out.append("- Kennisbank parses each query twice (Dutch and English stemming, ORed), retries with OR when all words "
               "together find nothing, cuts up to three extra passage snippets per hit, and always computes facet counts "
               "(all matching docids, then counting in memory); the reference parses once with the Dutch stemmer and "
               "counts with ValueCountMatchSpy (check_at_least = doccount), plus one extra pass per filtered facet for "
               "disjunctive counts.")
    out.append("- Indexing time is the whole process (start-up, reading files, commit); XML MB/s uses the same input "
               "size for both.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
