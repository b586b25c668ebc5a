"""The drawing of the state machine is generated from the code and cannot drift [issue 5]."""

from pathlib import Path

from django.conf import settings

from tlv.diagram import markdown, transities


def test_docs_tlv_statemachine_is_actueel():
    pad = Path(settings.BASE_DIR) / "docs" / "tlv-statemachine.md"
    assert pad.read_text(encoding="utf-8") == markdown(), "Draai: manage.py tlv_toestanddiagram"


def test_elke_transitie_heeft_een_rol_en_elke_voorwaarde_een_bron():
    for naam, _bron, _doelen, rol, condities in transities():
        assert rol, f"{naam} heeft geen permission="
        for c in condities:
            assert "[" in c, f"{naam}: voorwaarde zonder bron: {c}"
            assert "]" in c, f"{naam}: voorwaarde zonder bron: {c}"
