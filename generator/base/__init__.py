"""The shared vocabulary of every stage.

Diagnostics, document types, the typed record, addresses, YAML with positions, typed field reading.
"""
