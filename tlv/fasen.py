"""Days per stage of a decided TLV-aanvraag, from the same recorded facts the terms use: the day
of receipt (`ontvangen_op`, start of the beslistermijn, Awb 4:13), the state transitions with the
day each step was taken (Overgang rows; for aanhouden/hervatten the days of the Opschorting, Awb
4:15) and the day of the decision (`besluit_op`) [002 §1.9 'De secretaresse leerlingenzaken
registreert doorlooptijd'; issue 16.7].

The stages run from receipt to decision without a gap: every stage starts where the previous one
ended, so the stages add up to the gross doorlooptijd and none is negative. A step recorded with a
day before the previous step or outside receipt–decision (which a correct history never has)
counts from the previous step's day, never back in time."""

from __future__ import annotations

from datetime import date

from tlv.models.keuzes import BESLUITEN, Status

FASEN = (
    ("formele check", (Status.INGEDIEND,)),
    ("inhoudelijke check", (Status.INHOUDELIJKE_CHECK,)),
    ("aangehouden", (Status.AANGEHOUDEN,)),
    ("deskundigen toewijzen", (Status.DESKUNDIGEN_TOEWIJZEN,)),
    ("adviezen", (Status.ADVIEZEN,)),
    ("eindadvies", (Status.EINDADVIES,)),
    ("TLA-vergadering", (Status.TLA_VERGADERING,)),
    ("bij de voorzitter", (Status.BIJ_VOORZITTER,)),
    ("ter ondertekening", (Status.TER_ONDERTEKENING,)),
)
FASE_VAN = {status: naam for naam, statussen in FASEN for status in statussen}


def dagen_per_fase(
    stappen: list[tuple[str, str, date]], ontvangen_op: date, besluit_op: date
) -> dict[str, int]:
    """`stappen`: (van, naar, datum) in the order they were taken. Returns days per stage (FASEN
    order) that sum to besluit_op − ontvangen_op."""
    fasen = {naam: 0 for naam, _ in FASEN}
    status, vanaf = Status.INGEDIEND.value, ontvangen_op
    for van, naar, datum in stappen:
        if van == Status.CONCEPT:
            continue  # the submission: the first stage starts on the day of receipt
        beslist = naar in BESLUITEN
        tot = besluit_op if beslist else min(max(datum, vanaf), besluit_op)
        if status in FASE_VAN:
            fasen[FASE_VAN[status]] += (tot - vanaf).days
        status, vanaf = naar, tot
        if beslist:
            return fasen
    if status in FASE_VAN:  # no decision step recorded: the last stage runs to the decision
        fasen[FASE_VAN[status]] += (besluit_op - vanaf).days
    return fasen
