"""Understanding text: free-text answers to normalised slot values, and red flags.

The intake extractors (:mod:`.pipeline` over the patterns of :mod:`.patterns`, with
:mod:`.duration` and :mod:`.negation`), the check-in's "what made it worse" in its
categories (:mod:`.triggers`, over the same lexicon) and the red-flag matcher
(:mod:`.red_flags`) are spaCy on a blank English pipeline; :mod:`.components` wraps them
as Rasa graph components.

May import: bot.domain, bot.settings (the date durations count back from; and spaCy;
Rasa only in bot.nlu.components).
"""
