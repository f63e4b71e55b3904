"""Everything written besides pages.

Feeds, calendars, open data, sitemap, search index, and the staging folder they are written into.
"""
