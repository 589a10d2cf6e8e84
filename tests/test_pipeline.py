"""The Coder as a streaming pipeline: batching, worker processes, failures mid-stream."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyad import Coder, Document, InputDocument

TEXTS = [
    "Russia accused Ukraine of shelling Donetsk.",
    "It rained in Ankara on Monday.",
    "Turkey is ready to mediate between Russia and Ukraine.",
    "Washington threatened to impose sanctions on Russia.",
]


def inputs(n: int = 12) -> list[InputDocument]:
    return [InputDocument(str(i), TEXTS[i % len(TEXTS)], "2022-01-25") for i in range(n)]


def dicts(docs: Iterator[Document]) -> list[dict]:
    return [d.to_dict() for d in docs]


def test_batch_size_does_not_change_the_output(coder: Coder) -> None:
    assert dicts(coder.pipe(inputs(), batch_size=1)) == dicts(coder.pipe(inputs(), batch_size=64))


def test_worker_processes_give_the_same_output(coder: Coder) -> None:
    assert dicts(coder.pipe(inputs(), n_process=2, batch_size=4)) == dicts(coder.pipe(inputs()))


def test_output_keeps_input_order_and_ids(coder: Coder) -> None:
    assert [d.id for d in coder.pipe(inputs())] == [str(i) for i in range(12)]


def test_failing_input_keeps_the_documents_before_it(coder: Coder) -> None:
    def source() -> Iterator[InputDocument]:
        yield from inputs(3)
        raise ValueError("bad record")

    got: list[str] = []
    with pytest.raises(ValueError, match="bad record"):
        for doc in coder.pipe(source(), batch_size=64):
            got.append(doc.id)
    assert got == ["0", "1", "2"]
