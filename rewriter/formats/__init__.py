"""Help-desk export formats: find the reply texts, rewrite them, write the file back.

Every format module names the text fields of its export (``fields``); the
reading and writing is shared: JSON string literals are replaced in place in
the original bytes (``jsonspans``), so keys, order, spacing and escapes of
everything else stay exactly as they were, and a file with nothing to change
is written back byte for byte.
"""
