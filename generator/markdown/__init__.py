"""A record's Markdown -> HTML, plain text and the references it makes."""
