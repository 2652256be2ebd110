"""The cost curve reads the benchmarks' results files for each size and judges
the largest against the targets; what was not run says so."""

import json

from bench.curve import FIGURES, curve, load, main, render
from bench.environment import database_label, results_file

SIZES = (10_000, 100_000, 1_000_000)


def write(folder, name, commit, **figures):
    results = {"git": {"commit": commit, "dirty": False}, "started_at": "2026-12-06T22:00:00"}
    for path, value in figures.items():
        node = results
        *parents, leaf = path.split("__")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    (folder / name).write_text(json.dumps(results))


def search_file(folder, label, page_p95, rebuild, publish):
    write(
        folder,
        f"search-{label}.json",
        "a" * 40,
        search__overall__page_ms__p95=page_p95,
        rebuild__per_second=rebuild,
        publish__p95=publish,
    )


def by_name(rows):
    return {row["figure"]: row for row in rows}


def test_each_figure_at_each_size_with_its_growth_and_the_targets(tmp_path):
    search_file(tmp_path, "10k", 30.0, 6_000, 1.0)
    search_file(tmp_path, "100k", 50.0, 5_500, 1.0)
    search_file(tmp_path, "1000k", 90.0, 4_400, 1.1)
    write(
        tmp_path,
        "alerts-1000k.json",
        "b" * 40,
        matching__end_to_end_ms__p95=60.0,
        digest__seconds_for_every_alert=720.0,
    )

    rows = by_name(curve(load(tmp_path, SIZES), SIZES))

    page = rows["search page p95 (ms)"]
    assert page["values"] == [30.0, 50.0, 90.0]
    assert page["growth"] == 1.8
    assert page["met"] is False  # 90 ms against at most 80
    assert page["growth_met"] is False  # 1.8 times against at most 1.5

    rebuild = rows["full rebuild (postings/s)"]
    assert rebuild["growth"] == 0.8  # a rate that fell by a fifth and a bit
    assert rebuild["met"] is False
    assert rebuild["growth_met"] is False

    publish = rows["publish -> searchable p95 (s)"]
    assert publish["met"] is True
    assert publish["growth_met"] is True  # 1.1 times: flat enough

    alerts = rows["one new posting against all alerts p95 (ms)"]
    assert alerts["values"] == [None, None, 60.0]
    assert alerts["met"] is True
    assert alerts["growth"] is None  # nothing at 100k to grow from
    assert alerts["growth_met"] is None

    digest = rows["daily digest, every alert (s)"]
    assert digest["met"] is False  # 12 minutes against at most 10


def test_nothing_is_filled_in_for_a_size_not_run(tmp_path):
    search_file(tmp_path, "100k", 50.0, 5_500, 1.0)

    rows = curve(load(tmp_path, SIZES), SIZES)
    text = render(rows, SIZES)

    matching = by_name(rows)["candidate -> top 20 postings p95 (ms)"]
    assert matching["values"] == [None, None, None]
    assert matching["met"] is None
    line = next(line for line in text.splitlines() if line.startswith("candidate -> top 20"))
    assert line.split("(ms)")[1].split()[:3] == ["-", "-", "-"]
    assert len(text.splitlines()) == 2 + len(FIGURES)


def test_the_command_prints_the_curve_and_where_each_figure_comes_from(tmp_path, capsys):
    search_file(tmp_path, "10k", 30.0, 6_000, 1.0)
    search_file(tmp_path, "100k", 42.0, 5_800, 1.0)

    assert main(["--results", str(tmp_path), "--sizes", "100000", "10000"]) == 0

    out = capsys.readouterr().out
    assert "10k -> 100k" in out
    page = next(line for line in out.splitlines() if line.startswith("search page p95"))
    assert "x1.4" in page  # the growth from 30 to 42 ms
    assert "search-100k.json: aaaaaaa, started 2026-12-06T22:00:00" in out
    assert "matching-10k-10k.json: not run" in out


def test_the_runs_on_postgresql_make_their_own_curve(tmp_path, capsys):
    search_file(tmp_path, "100k", 42.0, 5_800, 1.0)
    write(tmp_path, "search-100k-postgresql.json", "c" * 40, search__overall__page_ms__p95=55.0)

    sizes = (100_000,)
    on_postgresql = by_name(curve(load(tmp_path, sizes, "postgresql"), sizes, "postgresql"))
    assert on_postgresql["search page p95 (ms)"]["values"] == [55.0]
    on_sqlite = by_name(curve(load(tmp_path, sizes), sizes))
    assert on_sqlite["search page p95 (ms)"]["values"] == [42.0]

    assert main(["--results", str(tmp_path), "--sizes", "100000", "--database", "postgresql"]) == 0
    out = capsys.readouterr().out
    assert "search-100k-postgresql.json: ccccccc, started" in out
    assert "alerts-100k-postgresql.json: not run" in out


def test_a_run_on_postgresql_writes_a_file_of_its_own():
    assert database_label("") == "sqlite"
    assert database_label("sqlite:////tmp/bench.sqlite3") == "sqlite"
    assert database_label("postgres://bench@127.0.0.1:5432/bench") == "postgresql"
    assert database_label("postgresql://bench@127.0.0.1/bench") == "postgresql"
    assert results_file("search-100k", "sqlite").name == "search-100k.json"
    assert results_file("search-100k", "postgresql").name == "search-100k-postgresql.json"
