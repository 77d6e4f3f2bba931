"""Claims across the corpus: each forward-looking statement followed through later stories.

``terms`` turns text into the words claims and stories are compared by, ``matching`` scores a
later story's sentences against a claim (BM25), ``relations`` reads what the best sentence says
became of the claim. The store keeps the index and the results (``saidwhat.store.followups``).
"""
