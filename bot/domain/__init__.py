"""The programme's rules as plain functions over plain data: no Rasa, no Telegram, no I/O.

Which step comes next (:mod:`.programme`), what a check-in trend means (:mod:`.trends`),
when a safety escalation is due (:mod:`.escalation`), short answers (:mod:`.answers`),
check-in times and zones as people write them (:mod:`.clock`, :mod:`.zones`) and when a
check-in is due (:mod:`.timing`). Each is tested from tables.

May import: the standard library only.
"""
