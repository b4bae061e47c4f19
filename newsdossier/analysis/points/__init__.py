"""Facts, verdicts and the points on which sources agree or disagree.

Three analyses that never import one another, and two helper modules they share:

* :mod:`.facts` - :func:`extract_facts`: the quantities each article states, with what they
  count, the governing verb, its subject, the time frame and the dimension (requires entities);
* :mod:`.claims` - :func:`extract_claims`: evaluative statements about named entities and who
  holds them (requires entities and quotes);
* :mod:`.disagreements` - :func:`find_disagreements`: aligns facts and claims across articles
  into comparable points, each with a status (agree / compatible / update / contradict), a
  confidence and how many outlets (and independent ones) state it (requires facts, claims and
  reuse);
* :mod:`.quantities` (the text scanner) and :mod:`.common` (the config, the question names,
  interval arithmetic) are helpers, not analyses.
"""
