"""Eight separate processes open a new workspace and save at once: nothing lost, nothing mixed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import analyzer
from analyzer.workspace import open_workspace

PROCESSES = 8
SAVES = 6  # per process: half to its own candidate, half to a candidate they all share

WORKER = r"""
import sys, time
from pathlib import Path
from analyzer.workspace import open_workspace

url, worker, saves, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
ws = open_workspace(url)          # all eight create the schema of a new database at once
(folder / f"ready-{worker}").touch()
while not (folder / "go").exists():
    time.sleep(0.01)
for n in range(saves):
    name = "Shared" if n % 2 else f"Worker {worker}"
    report = {"schema_version": "1.0", "readiness": {"score": worker * 10 + n},
              "marker": {"worker": worker, "n": n, "candidate": name},
              "skills": [{"id": f"s{worker}", "name": "x" * 2000}]}
    ws.save_report(name, report, cohort="Everyone", inputs={"resume": f"{worker}-{n}".encode()})
ws.close()
print("done")
"""


def test_eight_processes_save_at_once(database_url, tmp_path: Path):
    root = str(Path(analyzer.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("DATABASE_URL", None)
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, database_url, str(i), str(SAVES),
                                 str(tmp_path)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for i in range(PROCESSES)]
    deadline = time.monotonic() + 300
    while len(list(tmp_path.glob("ready-*"))) < PROCESSES:
        assert all(w.poll() is None for w in workers), [w.communicate() for w in workers]
        assert time.monotonic() < deadline, "workers did not open the workspace"
        time.sleep(0.05)
    (tmp_path / "go").touch()
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert out.strip() == "done"

    with open_workspace(database_url) as ws:
        people = {c.name: c for c in ws.candidates()}
        assert people["Shared"].reports == PROCESSES * (SAVES // 2)
        for i in range(PROCESSES):
            assert people[f"Worker {i}"].reports == SAVES - SAVES // 2
        seen = set()
        for name in people:
            for entry in ws.history(name):
                stored = ws.get_report(entry.id)
                marker = stored.report["marker"]
                assert marker["candidate"] == name  # saved under the right candidate
                assert stored.score == marker["worker"] * 10 + marker["n"]
                assert stored.report["skills"][0]["id"] == f"s{marker['worker']}"
                seen.add((marker["worker"], marker["n"]))
        assert seen == {(w, n) for w in range(PROCESSES) for n in range(SAVES)}
        assert len(ws.candidates(cohort="Everyone")) == PROCESSES + 1


def test_threads_sharing_one_workspace_save_at_once(database_url):
    """Two dashboard sessions are two threads of one process sharing one cached Workspace."""
    from concurrent.futures import ThreadPoolExecutor

    with open_workspace(database_url) as ws:
        def save(n: int) -> int:
            return ws.save_report("Shared" if n % 2 else f"Session {n}",
                                  {"schema_version": "1.0", "readiness": {"score": n},
                                   "marker": n}, cohort="Dashboard")

        with ThreadPoolExecutor(max_workers=8) as pool:
            ids = list(pool.map(save, range(40)))
        assert len(set(ids)) == 40
        assert {ws.get_report(i).report["marker"] for i in ids} == set(range(40))
        assert sum(c.reports for c in ws.candidates(cohort="Dashboard")) == 40
