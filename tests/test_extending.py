"""docs/extending.md's worked example: a new analysis is one module plus its registration.

The module ``tests/extending/exclamations.py`` is the only code the new analysis needs; these
tests show that it runs in the derived order, is configured through Options, and appears in
the JSON, Markdown and HTML outputs with no other file touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsdossier import registry
from newsdossier.errors import OptionError
from newsdossier.model import Article, Dossier
from newsdossier.pipeline import Options, dossier_from_articles
from newsdossier.render.html import to_html
from newsdossier.render.json import to_json
from newsdossier.render.markdown import to_markdown

TEXTS = (
    "The ferry to Skarrel Island stopped on Monday after a storm hit the pier. What a storm it was! "
    "Harbour officials said repairs would take a week.",
    "Skarrel's ferry will not sail this week, the harbour office said. Islanders are furious! Ok!",
)


@pytest.fixture()
def example() -> Iterator[type]:
    from tests.extending import exclamations

    registry.analysis("exclamations", requires=("articles", "sentences"), produces=("exclamations",),
                      config=exclamations.ExclamationsConfig, title="Exclamations")(exclamations.exclamations)
    yield exclamations.ExclamationsConfig
    registry.unregister("exclamations")


def _build(options: Options) -> Dossier:
    arts = [Article.create(t, f"t{i}.txt", outlet=f"Outlet {i}", language="en") for i, t in enumerate(TEXTS)]
    return dossier_from_articles(arts, options=options)


def test_new_analysis_appears_in_every_output(example: type) -> None:
    d = _build(Options(only=("exclamations",)))
    found = d.extra["exclamations"]
    assert sorted(x.span.text for x in found) == ["Islanders are furious!", "What a storm it was!"]
    d.validate()  # its spans round-trip like every other span
    data = json.loads(to_json(d))
    assert [x["words"] for x in data["extra"]["exclamations"]] == [5, 3]
    assert Dossier.from_dict(data).extra["exclamations"][0]["span"]["text"] == "What a storm it was!"
    md = to_markdown(d)
    assert "## Exclamations" in md and "| words | evidence |" in md
    page = to_html(d)
    assert 'id="x-exclamations"' in page and "What a storm it was!" in page


def test_new_analysis_takes_its_config_from_options(example: type) -> None:
    d = _build(Options(only=("exclamations",), exclamations=example(min_words=1)))
    assert len(d.extra["exclamations"]) == 3  # "Ok!" counts now
    with pytest.raises(OptionError):
        example(min_words=0)
    with pytest.raises(OptionError, match="must be a ExclamationsConfig"):
        Options(exclamations=object())


def test_only_runs_what_the_target_needs() -> None:
    names = [c.name for c in registry.order(["summary"])]
    # the summary reads the stories (a stray article) and the timeline (dated cites); independent
    # analyses come in registration order, so only the dependencies' order is fixed
    assert sorted(names) == ["reuse", "sources", "stories", "summary", "timeline"]
    assert names[-1] == "summary" and names.index("reuse") < names.index("sources")
    every = [c.name for c in registry.order()]
    for comp in registry.order():
        for need in comp.requires:
            if need not in registry.BASE_FIELDS:
                producer = next(c.name for c in registry.order() if need in c.produces)
                assert every.index(producer) < every.index(comp.name)


def test_registry_refuses_a_cycle_and_a_missing_requirement() -> None:
    @registry.analysis("loop_a", requires=("loop_b_out",), produces=("loop_a_out",))
    def a(inputs: registry.Inputs, config: object) -> registry.Produced:
        return {}

    @registry.analysis("loop_b", requires=("loop_a_out",), produces=("loop_b_out",))
    def b(inputs: registry.Inputs, config: object) -> registry.Produced:
        return {}

    try:
        with pytest.raises(registry.RegistryError, match="cycle"):
            registry.order(["loop_a"])
    finally:
        registry.unregister("loop_a")
        registry.unregister("loop_b")

    @registry.analysis("needy", requires=("nothing_makes_this",), produces=("needy_out",))
    def c(inputs: registry.Inputs, config: object) -> registry.Produced:
        return {}

    try:
        with pytest.raises(registry.RegistryError, match="which no analysis produces"):
            registry.order(["needy"])
    finally:
        registry.unregister("needy")


# --------------------------------------------------------------------------- an input format


def test_new_input_format_is_sniffed_and_read(tmp_path) -> None:
    from newsdossier.ingest import ingest
    from newsdossier.ingest.formats import unregister_format
    from tests.extending import tsv_articles

    path = tmp_path / "feed.data"  # no telling extension: the content decides
    path.write_text(tsv_articles.HEADER + "\n"
                    + "Harbour Courier\t2031-05-14\t" + TEXTS[0] + "\n"
                    + "Valley Post\t\t" + TEXTS[1] + "\n"
                    + "broken row\n", encoding="utf-8")
    try:
        result = ingest([path])
    finally:
        unregister_format("tsv-articles")
    assert [a.outlet for a in result.articles] == ["Harbour Courier", "Valley Post"]
    assert result.articles[0].published and result.articles[0].published.startswith("2031-05-14")
    assert result.articles[1].text == TEXTS[1]
    assert [r.reason for r in result.rejected] == ["line 4 does not have an outlet, a date and a text"]
    after = ingest([path])  # unregistered: read as plain text again, not lost
    assert len(after.articles) == 1 and after.articles[0].text.startswith("outlet\tpublished")
