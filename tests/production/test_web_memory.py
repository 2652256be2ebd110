"""The web-memory benchmark's reading (bench.web_memory), against the real
production server: its workers' resident memory while serving search pages."""

from bench.profiling import process_tree
from bench.web_memory import read_while_serving, rss_mb


def test_the_workers_memory_is_read_after_the_warm_up_and_every_so_many_searches(
    production_site,
):
    workers = process_tree(production_site.web.process.pid)[1:]
    urls = ["/jobs/?q=cook", "/jobs/?q=warehouse", "/jobs/?q=driver", "/jobs/"]

    figures = read_while_serving(
        production_site.web.url, urls, workers, warm_up=4, requests=12, every=4
    )

    assert [done for done, _mb in figures["rss_mb"]] == [0, 4, 8, 12]
    assert all(10 < mb < 2_000 for _done, mb in figures["rss_mb"])
    assert all(10 < rss_mb(pid) < 2_000 for pid in workers)
    after, warm = figures["rss_mb_after"], figures["rss_mb_after_warm_up"]
    assert figures["growth_mb"] == round(after - warm, 1)
    assert figures["statuses"] == {"200": 16}
    assert figures["errors"] == 0
    assert process_tree(production_site.web.process.pid)[1:] == workers
