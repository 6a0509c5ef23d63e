"""``reader batch``: the engine over a corpus on a Dask cluster.

The files are split into partitions (a few dozen files, a few MB each); each partition is one
task, run on a worker of the cluster, which reads and analyses its files and returns the
records ``reader quotes --format jsonl`` prints for them, and the files that failed. The
client writes each partition's records as it arrives: ``part-NNNNN.jsonl`` (or ``.parquet``)
in the output folder, partitions in the order of the sorted paths, then ``failures.jsonl``
(one line per file that could not be read or analysed) and ``summary.json``.

A worker that dies takes its tasks with it and Dask runs them again on another: no file is
lost. A file that fails is recorded and never stops the run.

Dask is an optional extra (``pip install 'reader[cluster]'``), imported only here; the workers
need reader and the extra installed, and must see the files at the same paths.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

PARTITION_FILES = 64
PARTITION_BYTES = 8_000_000
FORMATS = ("jsonl", "parquet")


class BatchError(Exception):
    """The batch cannot run: the message is one line."""


@dataclass(frozen=True)
class Summary:
    files: int
    failed: int
    quotations: int
    bytes: int
    seconds: float
    workers: int
    out: str

    @property
    def line(self) -> str:
        mb = self.bytes / 1e6
        rate = f"{self.files / self.seconds:,.0f} files/s, {mb / self.seconds:.1f} MB/s" if self.seconds > 0 else ""
        failed = (f" ({self.failed:,} failed: listed in {os.path.join(self.out, 'failures.jsonl')})"
                  if self.failed else "")
        return (f"{self.files:,} files{failed}, {self.quotations:,} quotations, {mb:.1f} MB in {self.seconds:.1f} s"
                f"{': ' + rate if rate else ''} on {self.workers} worker{'s' if self.workers != 1 else ''}")


def partitions(paths: list[str], max_files: int = PARTITION_FILES, max_bytes: int = PARTITION_BYTES) -> list[list[str]]:
    """The paths in runs of at most ``max_files`` files and about ``max_bytes`` bytes, in order."""
    parts: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path in paths:
        try:
            n = os.path.getsize(path)
        except OSError:
            n = 0
        if current and (len(current) >= max_files or size + n > max_bytes):
            parts.append(current)
            current, size = [], 0
        current.append(path)
        size += n
    if current:
        parts.append(current)
    return parts


def analyse_partition(paths: list[str]) -> tuple[list[dict], list[dict], int]:
    """On a worker: the quotation records of every file, the files that failed (with why),
    and the bytes read. Never raises for a file."""
    from reader.document import read_source
    from reader.output import quote_records
    from reader.textio import InputError

    records: list[dict] = []
    failures: list[dict] = []
    read = 0
    for path in paths:
        try:
            read += os.path.getsize(path)
            source = read_source(path)
            doc = source.analyse()
            records.extend(quote_records(path, doc, [q for q in doc.quotes if q.kind != "mention"]))
        except InputError as exc:
            failures.append({"file": path, "error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - a bug: recorded, the run goes on
            failures.append({"file": path, "error": f"internal error: {exc!r}"})
    return records, failures, read


def _write_part(out: str, index: int, records: list[dict], fmt: str) -> None:
    """One partition's records, written whole or not at all (a temporary name, then renamed)."""
    final = os.path.join(out, f"part-{index:05d}.{fmt}")
    temporary = final + ".partial"
    if fmt == "jsonl":
        from reader.output import to_json_lines

        with open(temporary, "w", encoding="utf-8") as f:
            f.write(to_json_lines(records))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(records, schema=_parquet_schema(pa)), temporary)
    os.replace(temporary, final)


def _parquet_schema(pa):
    types = {"line": pa.int64(), "column": pa.int64(), "start": pa.int64(), "end": pa.int64(),
             "mention_start": pa.int64(), "mention_end": pa.int64(), "paragraph": pa.int64(), "group": pa.int64()}
    from reader.output import QUOTE_FIELDS

    return pa.schema([(name, types.get(name, pa.string())) for name in QUOTE_FIELDS])


def run(paths: list[str], out: str, scheduler: str | None = None, workers: int | None = None,
        fmt: str = "jsonl", max_files: int = PARTITION_FILES,
        progress: Callable[[int, int, int, float], None] | None = None,
        on_started: Callable[[object], None] | None = None) -> Summary:
    """Run the engine over ``paths`` on a cluster and write the output folder ``out``.
    ``progress(files done, files, bytes done, seconds)`` is called as partitions finish;
    ``on_started(client)`` once the cluster is up."""
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise BatchError("--format parquet needs pyarrow: pip install 'reader[parquet]'") from None
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchError("reader batch needs Dask: pip install 'reader[cluster]'") from None
    _prepare_out(out)
    parts = partitions(paths, max_files=max_files)
    started = time.perf_counter()
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            from reader.parallel import cores

            cluster = LocalCluster(n_workers=workers or cores(), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except BatchError:
        raise
    except Exception as exc:  # noqa: BLE001 - the cluster could not start: say why in one line
        raise BatchError(f"cannot start the Dask cluster: {exc}") from None
    try:
        if on_started is not None:
            on_started(client)
        nworkers = len(client.scheduler_info(n_workers=-1)["workers"]) if scheduler else (workers or cores())
        futures = client.map(analyse_partition, parts, key=[f"reader-part-{i}" for i in range(len(parts))])
        which = {f.key: i for i, f in enumerate(futures)}
        files = failed = quotations = read = done_files = 0
        with open(os.path.join(out, "failures.jsonl"), "w", encoding="utf-8") as failures_file:
            for future in as_completed(futures):
                i = which[future.key]
                try:
                    records, failures, n = future.result()
                except Exception as exc:  # noqa: BLE001 - the task itself failed (its worker kept dying)
                    records, n = [], 0
                    failures = [{"file": p, "error": f"the task failed: {exc!r}"} for p in parts[i]]
                _write_part(out, i, records, fmt)
                for f in failures:
                    failures_file.write(json.dumps(f, ensure_ascii=False) + "\n")
                future.release()
                files += len(parts[i])
                failed += len(failures)
                quotations += len(records)
                read += n
                done_files += len(parts[i])
                if progress is not None:
                    progress(done_files, len(paths), read, time.perf_counter() - started)
        summary = Summary(files, failed, quotations, read, time.perf_counter() - started, nworkers, out)
        with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump({"files": files, "failed": failed, "quotations": quotations, "bytes": read,
                       "seconds": round(summary.seconds, 3), "workers": nworkers}, f, indent=2)
            f.write("\n")
        return summary
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _prepare_out(out: str) -> None:
    """The output folder: made if missing; one that holds a batch's output already is refused
    (nothing is overwritten)."""
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    if not os.path.isdir(out):
        raise BatchError(f"{out} is not a folder")
    taken = [n for n in os.listdir(out) if n.startswith("part-") or n in ("summary.json", "failures.jsonl")]
    if taken:
        raise BatchError(f"{out} already holds the output of a batch; choose another folder or empty it")
