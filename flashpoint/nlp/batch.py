"""Run the spaCy pipeline over a batch of articles and return plain table rows.

This is the unit of work every engine schedules: in-process, in a process pool, or as a
Dask task. It takes and returns only picklable data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from flashpoint.nlp.extract import Row, doc_tables
from flashpoint.nlp.model import DEFAULT_SPEC, PipelineSpec, get_pipeline

BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class NlpTask:
    """What the NLP stage needs of an article."""

    article_id: str
    text: str
    published: date | None = None


def annotate(
    tasks: Sequence[NlpTask], spec: PipelineSpec = DEFAULT_SPEC
) -> list[dict[str, list[Row]]]:
    """Table rows for each task, in the order given."""
    return list(iter_annotate(tasks, spec))


def iter_annotate(
    tasks: Sequence[NlpTask], spec: PipelineSpec = DEFAULT_SPEC
) -> Iterator[dict[str, list[Row]]]:
    nlp = get_pipeline(spec)
    docs = []
    for task in tasks:
        doc = nlp.make_doc(task.text)
        doc._.published = task.published
        docs.append(doc)
    for task, doc in zip(tasks, nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        yield doc_tables(doc, task.article_id)


def warm_up(spec: PipelineSpec = DEFAULT_SPEC) -> None:
    """Process-pool initializer: load the pipeline once per worker process."""
    get_pipeline(spec)


def annotate_safely(
    tasks: Sequence[NlpTask], spec: PipelineSpec = DEFAULT_SPEC
) -> list[dict[str, list[Row]] | str]:
    """Like ``annotate``, but one article that breaks the pipeline costs only itself:
    on failure the batch is re-run one article at a time and the culprit gets its error."""
    try:
        return list(annotate(tasks, spec))
    except Exception:
        out: list[dict[str, list[Row]] | str] = []
        for task in tasks:
            try:
                out.extend(annotate([task], spec))
            except Exception as exc:
                out.append(f"NLP failed: {type(exc).__name__}: {exc}")
        return out
