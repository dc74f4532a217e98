"""What Backstep says: every text it composes in code, and the seed passage each rests on.

Static replies and questions Rasa can send by itself live in ``domain.yml``; the texts here
are the ones made from a person's answers or sent outside a conversation.

May import: bot.domain, bot.settings.
"""
