"""Run a notebook object in a kernel from a test, in notebooks/ (as papermill and nbval do), keeping every output.

nbclient waits 4 s by default for a cell's output after the kernel replies and then drops it silently; under load
(the full rehearsal runs beside the smoke tests) a print can come later, so we wait longer and raise if it never
comes: a lost output is a named error, not an empty list."""

from pathlib import Path

from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(nb, timeout: int):
    """Execute ``nb`` in place (``timeout`` seconds per cell) and return it."""
    NotebookClient(nb, timeout=timeout, iopub_timeout=120, raise_on_iopub_timeout=True, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb
