"""``beslut import``: documents a municipality already has (.txt, .md, .docx, .pdf) turned into records.

The stages, one module each: a reader per format gives plain lines with their source positions
(``source``, ``docx``, ``pdf``); ``furniture`` drops page furniture; ``blocks`` joins lines into
headings, paragraphs and lists; ``fields`` and ``sections`` infer the front matter; ``meeting`` splits a
protokoll with many §§; ``draft`` writes the record's text; ``run`` does it per file and reports.
"""
