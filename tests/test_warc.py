"""WARC/ARC input: archives written by warcio and by wget crawling a local server, read by
the clean command (files and stdin) and by batch; damaged archives; the missing extra."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import shutil
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import jsonschema
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from clipclean import warc
from clipclean.batch import BatchConfig, Reporter, run_batch
from clipclean.model import SCHEMA as SCHEMA_VERSION
from conftest import FIXTURES, ROOT
from test_batch import unstamped

SCHEMA = json.loads((ROOT / "src" / "clipclean" / "schema.json").read_text())
ARTICLE = (FIXTURES / "html" / "article.html").read_bytes()
#: Cyrillic with no charset in the markup: only the HTTP header says windows-1251.
RUSSIAN = (
    "<html><head><title>Новости дня</title></head><body><article><h1>Мост открыт</h1>"
    "<p>Старый мост через реку снова открыт для движения после двух лет ремонта.</p>"
    "<p>Городские власти сообщили, что работы завершены раньше срока.</p>"
    "</article></body></html>"
).encode("cp1251")
CLEAN = [sys.executable, "-m", "clipclean"]


def head(ctype: str, status: str = "200 OK", extra: tuple[tuple[str, str], ...] = ()) -> Any:
    return StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")


def read_records(path: Path) -> list[warc.Page | warc.Skip]:
    with open(path, "rb") as f:
        return list(warc.records(f))


def write_warc(path: Path, records: list[tuple[str, str, bytes, Any]], gz: bool = True) -> Path:
    """(type, url, payload, http headers or a resource's Content-Type) -> a WARC file."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        for kind, url, payload, head in records:
            if kind == "resource":
                rec = w.create_warc_record(
                    url, "resource", payload=io.BytesIO(payload), warc_content_type=head
                )
            else:
                rec = w.create_warc_record(
                    url, kind, payload=io.BytesIO(payload), http_headers=head
                )
            w.write_record(rec)
    return path


def chunked(body: bytes, size: int = 50) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def sample(path: Path, gz: bool = True) -> Path:
    """Pages, and the records that are not: request, 404, image, revisit, metadata."""
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.test")], is_http_request=True)
    return write_warc(
        path,
        [
            ("response", "http://a.test/article", ARTICLE, head("text/html")),
            ("request", "http://a.test/article", b"", request),
            ("response", "http://a.test/ru", RUSSIAN, head("text/html; charset=windows-1251")),
            (
                "response",
                "http://a.test/gone",
                b"<html>gone</html>",
                head("text/html", "404 Not Found"),
            ),
            ("response", "http://a.test/logo.png", b"\x89PNG\r\n\x1a\n", head("image/png")),
            ("resource", "http://a.test/notes.txt", b"Plain notes. " * 20, "text/plain"),
            ("metadata", "http://a.test/article", b"outlinks: none", None),
        ],
        gz,
    )


def run_clean(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLEAN, *map(str, args)], input=stdin, capture_output=True, timeout=120)


def lines(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode().splitlines()]


# --- reading -----------------------------------------------------------------------------------


def test_pages_are_response_200_and_resource_records_of_html_or_text(tmp_path: Path) -> None:
    path = sample(tmp_path / "a.warc.gz")
    got = read_records(path)
    pages = [r for r in got if isinstance(r, warc.Page)]
    assert [p.url for p in pages] == [
        "http://a.test/article",
        "http://a.test/ru",
        "http://a.test/notes.txt",
    ]
    assert pages[1].charset == "windows-1251" and pages[0].charset is None
    skipped = sorted(r.why for r in got if isinstance(r, warc.Skip))
    assert skipped == [
        "Content-Type image/png",
        "HTTP status 404",
        "metadata record",
        "request record",
    ]
    # The offset is where the record starts: reading from there gives the same record.
    with open(path, "rb") as f:
        for page in pages:
            f.seek(page.offset)
            record = next(iter(ArchiveIterator(f)))
            assert record.rec_headers.get_header("WARC-Record-ID") == page.record_id
            assert record.rec_headers.get_header("WARC-Date") == page.date


def test_chunked_transfer_and_content_encodings_are_undone(tmp_path: Path) -> None:
    encoders = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
        "br": brotli.compress,
    }
    records = [
        (
            "response",
            f"http://a.test/{name}",
            chunked(encode(ARTICLE)),
            head("text/html", extra=(("Transfer-Encoding", "chunked"), ("Content-Encoding", name))),
        )
        for name, encode in encoders.items()
    ]
    records.append(
        (
            "response",
            "http://a.test/plain-chunked",
            chunked(ARTICLE),
            head("text/html", extra=(("Transfer-Encoding", "chunked"),)),
        )
    )
    path = write_warc(tmp_path / "enc.warc.gz", records)
    pages = [r for r in read_records(path) if isinstance(r, warc.Page)]
    assert len(pages) == 4
    assert all(p.data == ARTICLE for p in pages)


def test_arc_files_are_read_too(tmp_path: Path) -> None:
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n" + RUSSIAN
    version = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n\n"
    head = b"filedesc://test.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(version)
    rec = b"http://a.test/ru 10.0.0.1 20240102030405 text/html %d\n" % len(body)
    data = head + version + b"\n" + rec + body + b"\n"
    (tmp_path / "x.arc").write_bytes(data)
    (tmp_path / "x.arc.gz").write_bytes(
        gzip.compress(head + version + b"\n") + gzip.compress(rec + body + b"\n")
    )
    for name in ("x.arc", "x.arc.gz"):
        r = run_clean(tmp_path / name, "-f", "jsonl")
        assert r.returncode == 0, r.stderr
        (doc,) = lines(r.stdout)
        assert doc["url"] == "http://a.test/ru" and "Старый мост" in doc["body"]
        assert doc["source"]["encoding"] == "windows-1251"


# --- the clean command -------------------------------------------------------------------------


def test_clean_gives_one_document_per_page_with_its_record_identity(tmp_path: Path) -> None:
    path = sample(tmp_path / "a.warc.gz")
    r = run_clean(path, "-f", "jsonl", "--explain")
    assert r.returncode == 0, r.stderr
    docs = lines(r.stdout)
    assert [d["url"] for d in docs] == [
        "http://a.test/article",
        "http://a.test/ru",
        "http://a.test/notes.txt",
    ]
    for doc in docs:
        jsonschema.validate(doc, SCHEMA)
        assert set(doc["source"]["warc"]) == {"record_id", "offset", "date"}
        assert doc["source"]["path"].endswith("a.warc.gz")
    ru = docs[1]
    assert ru["source"]["encoding"] == "windows-1251" and "Мост открыт" in ru["body"]
    assert docs[0]["title"] == "Harbour Bridge Reopens After Repairs"
    # --explain counts what was skipped, in one line.
    assert r.stderr.decode().strip() == (
        "clipclean: " + str(path) + ": 7 records: 3 pages; skipped: 1 request record, "
        "1 metadata record, 1 HTTP status 404, 1 Content-Type image/png"
    )
    # -f json: one pretty document per page, as for several inputs.
    pretty = run_clean(path)
    assert (
        pretty.returncode == 0
        and pretty.stdout.count(f'"schema": "{SCHEMA_VERSION}"'.encode()) == 3
    )


def test_a_warc_on_stdin_is_recognised_by_its_bytes(tmp_path: Path) -> None:
    for gz in (True, False):
        data = sample(tmp_path / "s.warc", gz).read_bytes()
        r = run_clean("-f", "jsonl", stdin=data)
        assert r.returncode == 0, r.stderr
        docs = lines(r.stdout)
        assert len(docs) == 3 and docs[0]["source"]["path"] is None
    # An ordinary page on stdin still is one (the sniffed bytes are given back).
    r = run_clean("-f", "jsonl", stdin=ARTICLE)
    assert (
        r.returncode == 0 and lines(r.stdout)[0]["title"] == "Harbour Bridge Reopens After Repairs"
    )


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_archive_keeps_the_pages_before_and_names_the_offset(
    tmp_path: Path, damage: str
) -> None:
    pages = [
        (
            "response",
            f"http://a.test/{i}",
            ARTICLE.replace(b"Harbour", b"Harbour %d" % i),
            head("text/html"),
        )
        for i in range(6)
    ]
    whole = write_warc(tmp_path / "whole.warc.gz", pages).read_bytes()
    offsets = [p.offset for p in warc.records(io.BytesIO(whole))]
    cut = offsets[4] + 200  # inside the fifth record's gzip member
    data = (
        whole[:cut]
        if damage == "truncated"
        else whole[:cut] + b"\x00junk!" * 40 + whole[cut + 240 :]
    )
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    r = run_clean(path, "-f", "jsonl")
    assert r.returncode == 1
    assert len(lines(r.stdout)) == 4  # the records before the damage
    err = r.stderr.decode().splitlines()
    assert err == [
        f"clipclean: {path}: damaged archive at offset {offsets[4]}: " + err[0].split(": ", 3)[3]
    ]
    assert "Traceback" not in r.stderr.decode()


def test_without_warcio_an_archive_says_which_extra_to_install(tmp_path: Path) -> None:
    path = sample(tmp_path / "a.warc.gz")
    code = "import sys; sys.modules['warcio'] = None; from clipclean.cli import run; run()"
    r = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 1
    assert r.stderr == f"clipclean: {path}: {warc.NEEDS_EXTRA}\n"


# --- a real crawl ------------------------------------------------------------------------------


class _Site(http.server.SimpleHTTPRequestHandler):
    """Serves the fixture pages; the Russian page's charset is only in the header."""

    def guess_type(self, path: str | Path) -> str:
        if str(path).endswith("ru.html"):
            return "text/html; charset=windows-1251"
        return super().guess_type(path)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def crawl(tmp_path: Path) -> Iterator[Path]:
    """A WARC made by wget crawling a local http.server."""
    if shutil.which("wget") is None:
        pytest.skip("wget is not installed")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><body><p>The front page of a small site that the crawl starts from, with a"
        " sentence of its own so that it is an article too.</p>"
        '<p><a href="article.html">a</a> <a href="ru.html">b</a>'
        ' <a href="missing.html">c</a></p></body></html>'
    )
    (site / "article.html").write_bytes(ARTICLE)
    (site / "ru.html").write_bytes(RUSSIAN)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Site, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        warc_base = tmp_path / "crawl"
        subprocess.run(
            [
                "wget",
                "-q",
                "-r",
                "-l",
                "2",
                "-nd",
                "-P",
                str(tmp_path / "files"),
                f"--warc-file={warc_base}",
                url,
            ],
            timeout=60,
        )  # (exits 8 for the 404: wget's way of saying so)
        yield tmp_path / "crawl.warc.gz"
    finally:
        server.shutdown()


def test_a_wget_crawl_gives_its_pages_with_the_header_charset(crawl: Path, tmp_path: Path) -> None:
    r = run_clean(crawl, "-f", "jsonl", "--explain")
    assert r.returncode == 0, r.stderr
    docs = {d["url"].rsplit("/", 1)[1]: d for d in lines(r.stdout)}
    assert set(docs) == {"", "article.html", "ru.html"}
    ru = docs["ru.html"]
    assert ru["source"]["encoding"] == "windows-1251"
    assert ru["title"] == "Мост открыт" or "Мост открыт" in ru["body"]
    assert "Старый мост через реку" in ru["body"]
    assert docs["article.html"]["title"] == "Harbour Bridge Reopens After Repairs"
    # wget's own log and arguments (resource records of metadata:// URIs) are not pages.
    assert "resource record of metadata: URI" in r.stderr.decode()
    assert "HTTP status 404" in r.stderr.decode()
    # batch: the archive is one input with one output, the same documents.
    src = tmp_path / "in"
    (src / "crawls").mkdir(parents=True)
    shutil.copy(crawl, src / "crawls" / "site.warc.gz")
    out = tmp_path / "out"
    summary = run_batch(BatchConfig(str(src), str(out), jobs=2))
    assert summary.processed == 1 and not summary.failed
    batch_docs = lines((out / "crawls" / "site.jsonl").read_bytes())
    plain = lines(run_clean(crawl, "-f", "jsonl").stdout)  # (without --explain's extras)
    for doc in [*batch_docs, *plain]:
        doc["source"].pop("path")
    assert batch_docs == plain


# --- batch -------------------------------------------------------------------------------------


class Count(Reporter):
    def __init__(self) -> None:
        self.total, self.advanced, self.rels = 0, 0, []

    def start(self, total: int, unchanged: int) -> None:
        self.total = total

    def more(self, n: int) -> None:
        self.total += n

    def advance(self, rel: str, error: str | None, done: Any) -> None:
        self.advanced += 1
        self.rels.append(rel)


def test_batch_cleans_archives_page_by_page_into_one_output_each(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    sample(src / "a.warc.gz")
    sample(src / "sub" / "b.warc", gz=False)
    (src / "c.html").write_bytes(ARTICLE)
    count = Count()
    summary = run_batch(BatchConfig(str(src), str(out), jobs=2), reporter=count)
    assert summary.processed == 3 and not summary.failed
    assert sorted(
        str(p.relative_to(out)) for p in out.rglob("*.*") if ".clipclean" not in p.parts
    ) == [
        "a.jsonl",
        "c.json",
        "sub/b.jsonl",
    ]
    # Progress counts pages: 3 + 3 + 1, each once.
    assert count.total == count.advanced == 7
    assert sum("at offset" in rel for rel in count.rels) == 6
    expected = lines(run_clean(src / "a.warc.gz", "-f", "jsonl").stdout)
    got = lines((out / "a.jsonl").read_bytes())
    for doc in [*expected, *got]:
        doc["source"].pop("path")
    assert got == expected
    again = run_batch(BatchConfig(str(src), str(out), jobs=2))
    assert again.unchanged == 3 and again.processed == 0
    # Markdown and text: one .md / .txt per archive, documents one after another.
    md = run_batch(BatchConfig(str(src), str(tmp_path / "md"), fmt="markdown", jobs=2))
    assert md.processed == 3
    assert (tmp_path / "md" / "a.md").read_text().splitlines().count("---") == 2 * 3  # fronts
    run_batch(BatchConfig(str(src), str(tmp_path / "txt"), fmt="text", jobs=1))
    assert (tmp_path / "txt" / "a.txt").read_text().count("\f\n") == 2


def test_batch_keeps_a_damaged_archives_pages_and_rejects_it(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    whole = sample(tmp_path / "whole.warc.gz").read_bytes()
    offsets = [r.offset for r in warc.records(io.BytesIO(whole))]
    (src / "bad.warc.gz").write_bytes(whole[: offsets[2] + 100])  # inside the second page
    r = subprocess.run(
        [*CLEAN, "batch", str(src), "-o", str(out)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 1
    assert len(lines((out / "bad.jsonl").read_bytes())) == 1
    (line,) = [x for x in unstamped(r.stderr) if "damaged" in x]
    assert (
        line
        == f"clipclean: bad.warc.gz: damaged archive at offset {offsets[2]}: truncated gzip member"
    )
    again = subprocess.run(
        [*CLEAN, "batch", str(src), "-o", str(out)], capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 1 and "as before" in again.stderr
