"""What a person can ask for, on any channel: the plan's progress after a check-in
(:mod:`.progress`), the history chart (:mod:`.history`) with its summary
(:mod:`.history_summary`) over the journal as it reads it (:mod:`.history_data`), and the
journal as a CSV file (:mod:`.export`), the daily exercise session (:mod:`.session`),
Step 3's pattern (:mod:`.insights`) and the weekly summary (:mod:`.weekly`), and the safe
reply when the conversation cannot run (:mod:`.safety_fallback`).

May import: bot.domain, bot.content, bot.store, bot.exercises, bot.nlu (the red-flag
detector, and the check-in's categories of what made it worse), bot.settings.
"""
