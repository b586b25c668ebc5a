"""A minimal PDF writer for the demo documents."""

from __future__ import annotations

import zlib

# --- a minimal PDF writer (one page of text, Helvetica), for the demo documents ---------------------


def _pdf_tekst(s: str) -> str:
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def mini_pdf(titel: str, regels: list[str]) -> bytes:
    """A small but valid PDF 1.4 with a title and some lines of text (correct xref table)."""
    inhoud = ["BT", "/F1 16 Tf", "56 780 Td", f"({_pdf_tekst(titel)}) Tj", "/F1 10 Tf", "0 -28 Td"]
    for regel in regels:
        inhoud += [f"({_pdf_tekst(regel)}) Tj", "0 -15 Td"]
    inhoud.append("ET")
    stroom = zlib.compress("\n".join(inhoud).encode("latin-1"))
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
    ]
    uit = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posities = []
    for nr, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n" % nr + obj + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for p in posities:
        uit += b"%010d 00000 n \n" % p
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)
