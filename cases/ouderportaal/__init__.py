"""The ouderportaal [issue 17]: access for ouders with gezag (invitation, password, e-mail code)
and the read-only pages with what ouders see of their child's SWV dossier. Models live in the
`cases` app label (imported from cases/models/__init__.py)."""
