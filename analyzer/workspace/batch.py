"""Batch runs: every résumé PDF in a folder analysed in parallel and stored, one report each.

The work is split so it can run anywhere:

- :func:`analyze_file` is the per-file function. It takes a path (and a GitHub login),
  returns a plain, picklable :class:`FileResult` and never raises: a bad file becomes a
  result with its one-sentence ``error``. It runs in worker processes
  (``concurrent.futures.ProcessPoolExecutor``) or on a Dask ``distributed`` cluster; each
  worker process loads the taxonomy and compiles the skill matcher once (~0.3 s) and
  reuses them for every file it gets; the pool's workers are forked from a server process
  that imported the pipeline once.
- :func:`run_batch` hands the files out and saves each report as it comes back, in the
  calling process: one writer, so the workers need no database access (a Dask worker on
  another machine only needs the résumé files at the same path).

    from analyzer.workspace import open_workspace
    result = run_batch(find_resumes("cohort-7/"), open_workspace(), cohort="cohort-7", workers=2)
    write_summary(result.rows, Path("out/batch_summary.csv"))
"""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import InputError, JobreadyError
from analyzer.startup import loading

if TYPE_CHECKING:
    from analyzer.workspace import Workspace

SUMMARY_FIELDS = ("file", "candidate", "report_id", "score", "level", "seniority", "status", "error")
"""Columns of the summary CSV, in order (``status`` is ``ok`` or ``failed``)."""

# What each worker process keeps between files: {"taxonomy": Taxonomy, "matcher": SkillMatcher}.
_WORKER: dict = {}


@dataclass(frozen=True)
class FileResult:
    """What analysing one file gave: a report dict, or the reason it failed.

    ``file`` is the path as given; ``candidate`` the résumé's name or else the file's stem;
    ``seconds`` and ``cpu_seconds`` the wall and CPU time the worker spent on the file.
    """

    file: str
    candidate: str
    report: dict | None
    error: str | None
    seconds: float
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class BatchRow:
    """One line of the summary: a file, its candidate and the stored report (or the error).

    ``seconds``/``cpu_seconds``: the worker's wall and CPU time on the file (not in the CSV).
    """

    file: str
    candidate: str
    report_id: str | None
    score: float | None
    level: str | None
    seniority: str | None
    status: str
    error: str | None
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def as_csv(self) -> dict:
        """The :data:`SUMMARY_FIELDS` of the row, None as an empty cell."""
        return {k: "" if getattr(self, k) is None else getattr(self, k) for k in SUMMARY_FIELDS}


@dataclass(frozen=True)
class BatchResult:
    """Every file's row, in the order of the input, and the run's wall time in seconds."""

    rows: tuple[BatchRow, ...]
    seconds: float

    @property
    def failed(self) -> tuple[BatchRow, ...]:
        return tuple(r for r in self.rows if r.status != "ok")

    @property
    def saved(self) -> tuple[BatchRow, ...]:
        return tuple(r for r in self.rows if r.status == "ok")


def find_resumes(folder: str | Path) -> list[Path]:
    """The ``*.pdf`` files directly in ``folder`` (any case of the suffix), sorted by name.

    Raises:
        InputError: the folder does not exist, or holds no PDF.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder: give the folder that holds the résumé PDFs.")
    found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
    if not found:
        raise InputError(f"{folder} holds no PDF file: put the résumés there as .pdf files.")
    return found


def read_github_csv(path: str | Path) -> dict[str, str]:
    """File name → GitHub login, from a CSV with a header row ``file,github``.

    Names are matched on the file's name (``ada.pdf``), so the CSV may hold bare names or
    paths. Empty logins are skipped. Accepted header spellings: ``file``/``resume`` and
    ``github``/``github_user``/``login``.

    Raises:
        InputError: unreadable file, no such columns, or one file given two logins.
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The GitHub CSV {path} could not be read ({exc.__class__.__name__}): "
                         "give a UTF-8 CSV file with the columns file,github.") from exc
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower(): f for f in reader.fieldnames or []}
    file_col = fields.get("file") or fields.get("resume")
    user_col = fields.get("github") or fields.get("github_user") or fields.get("login")
    if not file_col or not user_col:
        raise InputError(f"The GitHub CSV {path} needs a header row with the columns file,github "
                         f"(it has: {', '.join(reader.fieldnames or []) or 'nothing'}).")
    mapping: dict[str, str] = {}
    for number, row in enumerate(reader, start=2):
        name = Path((row.get(file_col) or "").strip()).name
        user = (row.get(user_col) or "").strip().removeprefix("@")
        if not name or not user:
            continue
        if mapping.get(name, user) != user:
            raise InputError(f"The GitHub CSV {path} gives {name} two logins (line {number}): "
                             "keep one line per file.")
        mapping[name] = user
    return mapping


def warm_worker(taxonomy_path: str | None = None) -> None:
    """Import the pipeline, load the taxonomy and compile the skill matcher (once per process).

    A process pool runs it as each worker's initializer, so per-file times leave start-up out.
    The loading runs inside :func:`analyzer.startup.loading`: what it builds lives as long as
    the worker.
    """
    with loading():
        import analyzer.report.build  # noqa: F401  (spaCy and pdfplumber load here)
        from analyzer.skills import SkillMatcher
        from analyzer.taxonomy import load_taxonomy

        taxonomy = load_taxonomy(taxonomy_path)
        if _WORKER.get("taxonomy") is not taxonomy:
            _WORKER.update(taxonomy=taxonomy, matcher=SkillMatcher(taxonomy))


def analyze_file(path: str | Path, github_user: str | None = None,
                 taxonomy_path: str | None = None) -> FileResult:
    """Analyse one résumé (and its GitHub user) into a report dict; never raises.

    GitHub is read with the environment's settings (``GITHUB_API_URL``, ``GITHUB_TOKEN``);
    a GitHub failure becomes a warning in the report, as ``jobready analyze`` does when it
    has a résumé. Any error becomes ``FileResult.error``: our one-sentence message, or
    "unexpected …" for a bug.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    path = Path(path)
    candidate = path.stem
    try:
        warm_worker(taxonomy_path)
        from analyzer.report import analyze
        from analyzer.resume import parse_resume

        taxonomy, matcher = _WORKER["taxonomy"], _WORKER["matcher"]
        parsed = parse_resume(path, name=path.name)
        candidate = (parsed.basics.name or "").strip() or path.stem
        sources = {}
        if github_user:
            from analyzer.code import read_code_sources

            sources = read_code_sources(github_user, [], taxonomy, github_errors="warn")
        report = analyze(parsed, resume_name=path.name, taxonomy=taxonomy, matcher=matcher,
                         **sources).to_dict()
        return FileResult(str(path), candidate, report, None, time.perf_counter() - started,
                          time.process_time() - cpu_started)
    except JobreadyError as exc:
        error = str(exc)
    except Exception as exc:  # one bad file never stops the batch; say it is a bug
        error = f"unexpected {type(exc).__name__} while reading {path.name}: {exc}. Please report this."
    return FileResult(str(path), candidate, None, error, time.perf_counter() - started,
                      time.process_time() - cpu_started)


def _row(result: FileResult, report_id: str | None, error: str | None) -> BatchRow:
    report = result.report or {}
    readiness = report.get("readiness") or {}
    seniority = (report.get("candidate") or {}).get("seniority")  # report schema 1.1
    ok = error is None and report_id is not None
    return BatchRow(file=result.file, candidate=result.candidate,
                    report_id=str(report_id) if report_id is not None else None,
                    score=readiness.get("score"), level=readiness.get("level"),
                    seniority=seniority if isinstance(seniority, str) else None,
                    status="ok" if ok else "failed", error=error,
                    seconds=result.seconds, cpu_seconds=result.cpu_seconds)


def _results(jobs: Sequence[tuple[str, str | None]], workers: int, dask_address: str | None,
             taxonomy_path: str | None) -> Iterable[FileResult]:
    """Results as they finish, from this process, a process pool or a Dask cluster."""
    if dask_address:
        yield from _dask_results(jobs, dask_address, taxonomy_path)
    elif workers <= 1:
        warm_worker(taxonomy_path)
        for path, user in jobs:
            yield analyze_file(path, user, taxonomy_path)
    else:
        import multiprocessing

        # forkserver, not fork: the parent may hold threads (a progress bar, a database
        # pool). The server imports the pipeline (spaCy, pdfplumber: most of a worker's
        # start-up) once, single-threaded, and forks each worker from that state.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["analyzer.report.build"])
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=warm_worker, initargs=(taxonomy_path,)) as pool:
            futures = {pool.submit(analyze_file, path, user, taxonomy_path): path
                       for path, user in jobs}
            for future in as_completed(futures):
                yield _collect(future, futures[future])


def _dask_results(jobs, address: str, taxonomy_path: str | None) -> Iterable[FileResult]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise InputError("--dask needs the distributed package: pip install 'dask[distributed]'.") from exc
    try:
        client = Client(address, timeout=10)
    except ValueError as exc:  # no port, unknown scheme
        raise InputError(f"{address!r} is not a Dask scheduler address ({exc}): give one such "
                         "as tcp://127.0.0.1:8786.") from exc
    except (OSError, TimeoutError) as exc:
        raise InputError(f"No Dask scheduler answered at {address}: start the cluster or check "
                         "the address (tcp://host:8786).") from exc
    with client:
        futures = client.map(analyze_file, [p for p, _ in jobs], [u for _, u in jobs],
                             [taxonomy_path] * len(jobs), pure=False)
        paths = {f.key: path for f, (path, _) in zip(futures, jobs)}
        for future in dask_completed(futures):
            yield _collect(future, paths[future.key])


def _collect(future, path: str) -> FileResult:
    """A finished future's result; a worker that died on the file fails that file only."""
    try:
        return future.result()
    except Exception as exc:  # a crashed worker process (BrokenProcessPool, KilledWorker)
        return FileResult(path, Path(path).stem, None,
                          f"the worker analysing {Path(path).name} stopped ({type(exc).__name__}): "
                          "try the file alone with jobready analyze.", 0.0)


def run_batch(
    files: Sequence[str | Path],
    workspace: Workspace,
    *,
    cohort: str | None = None,
    github: Mapping[str, str] | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    taxonomy_path: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> BatchResult:
    """Analyse ``files`` and store one report per file in ``workspace``.

    Args:
        files: résumé PDFs (see :func:`find_resumes`).
        workspace: where each report is saved (``Workspace.save_report``), by this process.
        cohort: the cohort every candidate joins, or None.
        github: file name → GitHub login (see :func:`read_github_csv`).
        workers: processes to analyse with (1 = in this process); ignored with ``dask_address``.
        dask_address: a Dask scheduler (``tcp://127.0.0.1:8786``) to run the files on instead.
        taxonomy_path: another taxonomy file (default: the project's).
        progress: called as ``progress(done, total, file)`` after each file.

    Returns:
        A :class:`BatchResult` whose rows follow the order of ``files``. The candidate is
        the résumé's name, else the file's stem; when two files of the run give the same
        name, the later one to finish is saved as ``"Name (file stem)"``. A file that fails
        (unreadable PDF, failed save) gets ``status="failed"`` and its reason; the others
        are saved regardless.

    Raises:
        InputError: ``workers`` < 1, or no Dask scheduler at ``dask_address``.
    """
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}: give a number of processes.")
    started = time.perf_counter()
    github = github or {}
    jobs = [(str(f), github.get(Path(f).name)) for f in files]
    rows: dict[str, BatchRow] = {}
    names: set[str] = set()
    for done, result in enumerate(_results(jobs, workers, dask_address, taxonomy_path), start=1):
        report_id, error = None, result.error
        if result.candidate.casefold() in names:  # two résumés, one name: two people
            result = replace(result, candidate=f"{result.candidate} ({Path(result.file).stem})")
        names.add(result.candidate.casefold())
        if error is None:
            try:
                inputs = {"resume": Path(result.file).read_bytes()}
                if github.get(Path(result.file).name):
                    inputs["github"] = github[Path(result.file).name].encode()
                report_id = workspace.save_report(result.candidate, result.report, cohort=cohort,
                                                  inputs=inputs)
            except (JobreadyError, OSError) as exc:
                error = f"the report could not be saved: {exc}"
        rows[result.file] = _row(result, report_id, error)
        if progress:
            progress(done, len(jobs), Path(result.file).name)
    return BatchResult(tuple(rows[path] for path, _ in jobs), time.perf_counter() - started)


def write_summary(rows: Iterable[BatchRow], path: str | Path) -> Path:
    """Write the summary CSV (:data:`SUMMARY_FIELDS`) to ``path``, whole or not at all.

    The file is written beside its target and renamed into place, so a reader never sees
    half a summary. Raises ``OSError`` when the folder is not writable.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=SUMMARY_FIELDS)
            writer.writeheader()
            writer.writerows(r.as_csv() for r in rows)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
