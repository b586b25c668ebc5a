"""Models of the ouderportaal; Django finds them through cases/models/__init__.py."""
