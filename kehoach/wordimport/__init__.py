"""``kehoach import``: an existing Word plan (.docx; .odt and .doc through LibreOffice) becomes
a plan in the format, checked, with a report of what was recognised, guessed and kept as
plain text.

The pipeline: a bounded, hostile-safe package reader (``package``) → paragraphs and tables
with Word's list numbers and the footnotes (``docxbody``, ``numbering``, ``styles``) → the
parts of a plan found in them (``structure``, ``header``, ``issuers``, ``opening``,
``outline``, ``items``, ``bodytables``, ``taskfind``, ``closing``, ``annexes``) → the plan's
data (``build``) → a YAML file in ``kehoach fmt``'s layout and the registry's proposals
(``command``). python-docx is not used to read: it offers neither numbering nor footnotes and
opens every part without bounds (docs/design.md says why docx2python and mammoth were not
taken either).
"""
