"""``kehoach site``: a static web view of a plans repository for people who never open a
terminal — the grid per agency, what is overdue and due soon, a page per agency and per plan,
search — that opens from disk (``file://``) or any static host, with no server and nothing
fetched from the network.

``publish.build_site`` is the one call; ``views`` reads each plan (in worker processes for a
large repository), ``entries`` turns obligation rows into what a page lists, ``layout`` renders
the Jinja templates of ``templates/site/`` (overridden by a repository's own by name),
``data`` writes the ``.js`` data files the pages load by script tags, ``serve`` previews.
"""
